// End-to-end tests of the built site in Debian's Chromium.
//
// The site is built by the `methodewijzer` binary (METHODEWIJZER_BIN, else target/debug) and
// served from a sub-path (/methodewijzer/), as on a project page of a static host, so every
// test also proves that links work below a domain's root.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { axeViolations, launchChromium, openIn, serve } from "./support.mjs";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const bin = process.env.METHODEWIJZER_BIN || join(root, "target/debug/methodewijzer");
const PREFIX = "/methodewijzer/";

// One page of every type.
const PAGES = {
  home: "",
  method: "methoden/krachtwerk/",
  methods: "methoden/",
  dimension: "thema/",
  term: "thema/eenzaamheid/",
  law: "wet/wmo/",
  recognition: "erkenning/niet-beoordeeld/",
  levels: "erkenningsniveaus/",
  accessibility: "toegankelijkheid/",
  about: "over/",
  guide: "keuzehulp/",
  guideResult: "keuzehulp/ouderen/eenzaamheid/alle/",
  guideAge: "keuzehulp/alle/alle/alle/#leeftijd-4-11",
  guideBy: "keuzehulp/alle/alle/alle/#uitvoerder-ervaringsdeskundige",
  compare: "methoden/krachtwerk/vergelijk/",
  proposal: "voorstellen/",
  notFound: "bestaat-niet/",
};

let site, hostile, server, base, hostileBase, browser;

function build(catalogue, out, baseUrl) {
  execFileSync(bin, ["build", "--catalogue", catalogue, "--out", out, "--base-url", baseUrl], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

before(async () => {
  const tmp = mkdtempSync(join(tmpdir(), "methodewijzer-e2e-"));
  site = join(tmp, "site");
  hostile = join(tmp, "hostile");
  server = await serve({ [PREFIX]: site, "/vijandig/": hostile });
  const port = server.address().port;
  base = `http://127.0.0.1:${port}${PREFIX}`;
  hostileBase = `http://127.0.0.1:${port}/vijandig/`;
  build("interventions", site, base);
  // The hostile methods beside the shipped vocabularies: no copy of those to keep in step.
  const hostileCatalogue = join(tmp, "hostile-catalogue");
  mkdirSync(hostileCatalogue);
  for (const file of readdirSync(join(root, "tests/fixtures/hostile"))) {
    copyFileSync(join(root, "tests/fixtures/hostile", file), join(hostileCatalogue, file));
  }
  copyFileSync(join(root, "interventions/_vocabularies.toml"), join(hostileCatalogue, "_vocabularies.toml"));
  build(hostileCatalogue, hostile, hostileBase);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  for (const dir of [site, hostile]) if (dir) rmSync(dirname(dir), { recursive: true, force: true });
});

const open = (url, options = {}) => openIn(browser, url, options);

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith(".html")) out.push(path);
  }
  return out;
}

test("every page is valid HTML (Nu Html Checker)", () => {
  const jar = join(dirname(require.resolve("vnu-jar")), "build/dist/vnu.jar");
  const files = htmlFiles(site);
  assert.ok(files.length > 20);
  let output = "";
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--format", "text", ...files], {
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
  }
  assert.equal(output.trim(), "", `Nu Html Checker errors:\n${output}`);
});

for (const [name, path] of Object.entries(PAGES)) {
  test(`${name} page: no WCAG 2.1 AA violations (axe-core)`, async () => {
    const { context, page, response, errors } = await open(base + path);
    assert.equal(response.status(), name === "notFound" ? 404 : 200);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${name} page: readable at 360 px without sideways scrolling`, async () => {
    const { context, page } = await open(base + path, { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(fontSize >= 16);
    await context.close();
  });
}

test("links work from a sub-path, and every internal link resolves", async () => {
  const { context, page } = await open(base);
  const checked = new Set();
  for (const path of Object.values(PAGES).filter((p) => p !== "bestaat-niet/")) {
    await page.goto(base + path);
    const links = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
    for (const link of links) {
      if (!link.startsWith(base) || checked.has(link)) continue;
      checked.add(link);
      const response = await context.request.get(link);
      assert.equal(response.status(), 200, `${link} (from ${path})`);
    }
  }
  assert.ok(checked.size > 30);
  await context.close();
});

test("keyboard: skip link, then the main navigation to a theme and a method", async () => {
  const { context, page } = await open(base);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => location.hash), "#inhoud");
  // Tab to the first theme link and follow it.
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press("Tab");
    const href = await page.evaluate(() => document.activeElement.getAttribute("href") || "");
    found = href.startsWith("thema/");
  }
  assert.ok(found, "a theme link is reachable with Tab");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(page.url(), /\/thema\/[a-z-]+\/$/);
  // And on to a method.
  found = false;
  for (let i = 0; i < 60 && !found; i++) {
    await page.keyboard.press("Tab");
    const href = await page.evaluate(() => document.activeElement.getAttribute("href") || "");
    found = /methoden\/[a-z0-9-]+\/$/.test(href);
  }
  assert.ok(found, "a method link is reachable with Tab");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(page.url(), /\/methoden\/[a-z0-9-]+\/$/);
  assert.ok(await page.isVisible("h1"));
  // Focus is always visible: the focused link has an outline.
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  await context.close();
});

test("browsing works with JavaScript off", async () => {
  const { context, page } = await open(base, { javaScriptEnabled: false });
  assert.ok(await page.isVisible("[data-no-js]"));
  await Promise.all([page.waitForNavigation(), page.click("nav a[href='thema/']")]);
  await Promise.all([page.waitForNavigation(), page.click("main a[href$='thema/eenzaamheid/']")]);
  const methods = await page.$$eval(".method-item-title a", (as) => as.map((a) => a.textContent));
  assert.ok(methods.includes("Collectieve aanpak"), methods.join(", "));
  await context.close();
});

test("a method page prints cleanly", async () => {
  const { context, page } = await open(base + PAGES.method);
  assert.equal(await page.isVisible(".print-only"), false, "the print line is for paper only");
  await page.emulateMedia({ media: "print" });
  // A manager can trace a printout: site, address and the version's date.
  const trace = await page.textContent(".print-only");
  assert.match(trace, /methoden\/krachtwerk\//);
  assert.match(trace, /versie van \d+ \w+ \d{4}/);
  assert.ok(await page.isVisible(".print-only"));
  assert.equal(await page.isVisible(".site-header"), false);
  assert.equal(await page.isVisible(".site-footer"), false);
  assert.ok(await page.isVisible("h1"));
  assert.ok(await page.isVisible(".field-aim"));
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000);
  await context.close();
});

test("hostile catalogue content renders inert: no script runs", async () => {
  const pages = ["", "methoden/", "methoden/gevaar/", "methoden/onschuldig/", "thema/eenzaamheid/",
    "methoden/gevaar/vergelijk/", "vergelijk/?m=gevaar,onschuldig"];
  for (const path of pages) {
    const { context, page } = await open(hostileBase + path);
    const dialogs = [];
    page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
    // Hover and click everything that could carry a handler.
    for (const el of await page.$$("main *")) {
      await el.hover({ timeout: 200 }).catch(() => {});
    }
    for (const link of await page.$$("main a[href]")) {
      const href = await link.getAttribute("href");
      assert.ok(!/^\s*(javascript|data|vbscript):/i.test(href), `unsafe link ${href} on ${path}`);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `script ran on ${path}`);
    assert.deepEqual(dialogs, []);
    // Only the site's own scripts and JSON-LD data.
    const scripts = await page.$$eval("script", (s) => s.map((x) => `${x.type} ${x.src}`));
    assert.ok(scripts.every((t) => t.startsWith("application/ld+json") || /^module .*\/(search|shortlist|compare|page-actions)\.[0-9a-f]{10}\.js$/.test(t)),
      `unexpected scripts on ${path}: ${scripts}`);
    assert.ok(await page.isVisible("h1"), `content hidden on ${path}`);
    await context.close();
  }
  // Search results show the markup as text too.
  {
    const { context, page } = await open(hostileBase + "methoden/");
    await page.fill("#zoekterm", "gevaar");
    await page.waitForSelector(".hits li");
    await page.waitForFunction(() => document.querySelectorAll(".hits li").length === 2);
    assert.match(await page.textContent(".hits"), /<script>window.__pwned = 'name'<\/script>Gevaar/);
    assert.equal(await page.$$eval(".hits script, .hits img, .hits [onerror]", (x) => x.length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "script ran in search results");
    await context.close();
  }
  // The markup is shown as text, so editors can see what they wrote; kept and compared, too.
  const { context, page } = await open(hostileBase + "methoden/gevaar/");
  assert.match(await page.textContent("h1"), /<script>window.__pwned = 'name'<\/script>Gevaar/);
  await page.click(".method-actions .save-button");
  await Promise.all([page.waitForNavigation(), page.click("[data-shortlist-link]")]);
  await page.waitForSelector(".compare-table");
  assert.match(await page.textContent(".compare-table thead"), /<script>window.__pwned = 'name'<\/script>Gevaar/);
  assert.equal(await page.$$eval(".compare-table script, .compare-table img", (x) => x.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "script ran in the comparison");
  await context.close();
});

// ── Search as you type ─────────────────────────────────────────────────────────────────────

function librarySearch(query, args = []) {
  const limit = args.includes("--limit") ? [] : ["--limit", "20"];
  return JSON.parse(execFileSync(bin, ["search", query, "--json", ...limit, ...args], { cwd: root }).toString());
}

test("search: the index loads on first focus, results come while typing, in the library's order", async () => {
  const { context, page } = await open(base);
  const fetched = [];
  page.on("request", (r) => { if (r.url().includes("/search/")) fetched.push(r.url()); });
  await page.waitForTimeout(300);
  assert.deepEqual(fetched, [], "nothing of the index is loaded before the search box is used");
  await page.focus("#zoekterm");
  await page.waitForResponse((r) => r.url().includes("/search/manifest."));
  await page.keyboard.type("eenzaamheid ouderen", { delay: 20 });
  const expected = librarySearch("eenzaamheid ouderen");
  await page.waitForSelector('.search-results[data-query="eenzaamheid ouderen"]');
  await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `), expected.total);
  const shown = await page.$$eval(".hits .hit-title a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(shown.slice(0, 10), expected.hits.slice(0, 10).map((h) => `methoden/${h.slug}/`));
  assert.ok(await page.$$eval(".hits mark", (m) => m.length) > 0, "matched words are highlighted");
  assert.equal(await page.getAttribute(".search-status", "role"), "status");
  assert.match(page.url(), /\?q=eenzaamheid(\+|%20)ouderen$/);
  assert.equal(await page.isVisible("[data-no-js]"), false, "the no-JavaScript hint is hidden");
  await context.close();
});

test("search: typos and prefixes, as in the library", async () => {
  const { context, page } = await open(base + "methoden/");
  for (const query of ["eenzaamhied", "schuldhulp", "mantelzo"]) {
    await page.fill("#zoekterm", query);
    const expected = librarySearch(query);
    assert.ok(expected.total > 0, query);
    await page.waitForFunction((href) => document.querySelector(".hits .hit-title a")?.getAttribute("href") === href,
      `../methoden/${expected.hits[0].slug}/`);
  }
  await context.close();
});

test("search: facet filters with counts live in the address and Back undoes them", async () => {
  const { context, page } = await open(base + "methoden/?q=opvoeden");
  const all = librarySearch("opvoeden");
  await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `), all.total);
  const law = all.facets.law.find((v) => v.count > 0 && v.count < all.total);
  assert.ok(law, "a law narrows the results");
  assert.match(await page.textContent(`label[for="f-law-${law.id}"]`), new RegExp(`\\(${law.count}\\)`));
  await page.check(`#f-law-${law.id}`);
  await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `), law.count);
  assert.match(page.url(), new RegExp(`[?&]wet=${law.id}`));
  const narrowed = librarySearch("opvoeden", ["--law", law.id]);
  const shown = await page.$$eval(".hits .hit-title a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(shown, narrowed.hits.map((h) => `../methoden/${h.slug}/`));
  await page.goBack();
  await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `), all.total);
  assert.equal(await page.isChecked(`#f-law-${law.id}`), false);
  // A shared address reproduces the search.
  const shared = await open(base + `methoden/?q=opvoeden&wet=${law.id}`);
  await shared.page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `), law.count);
  assert.equal(await shared.page.inputValue("#zoekterm"), "opvoeden");
  await shared.context.close();
  await context.close();
});

test("search: every hit shows the facts that decide, and on a phone the first is on the first screen", async () => {
  const { context, page } = await open(base + "methoden/?q=eenzaamheid", { viewport: { width: 360, height: 740 } });
  await page.waitForSelector(".hits li .facts .badge");
  const hits = await page.$$eval(".hits li", (lis) => lis.map((li) => ({
    badge: li.querySelector(".facts .badge")?.textContent ?? "",
    facts: li.querySelector(".facts")?.textContent ?? "",
  })));
  assert.ok(hits.length > 0);
  for (const hit of hits) {
    assert.ok(hit.badge.length > 0, "every hit has a recognition badge");
    assert.match(hit.facts, /Voor: /);
  }
  // The same facts as the static list of all methods shows for that method.
  const first = await page.getAttribute(".hits li a", "href");
  const top = await page.$eval(".hits li", (li) => li.getBoundingClientRect().top);
  assert.ok(top < 740, `first result at ${top}px, below the first screen`);
  assert.equal(await page.$eval(".facet-panel", (d) => d.open), false, "filters folded on a phone");
  const list = await open(base + "methoden/");
  const staticFacts = await list.page.$eval(`.method-list a[href="${first}"]`,
    (a) => a.closest("li").querySelector(".facts").textContent.replace(/\s+/g, " ").trim());
  assert.equal(hits[0].facts.replace(/\s+/g, " ").trim(), staticFacts);
  await list.context.close();
  await context.close();
});

test("search: a result shows its recognisable situation that fits the query", async () => {
  const { context, page } = await open(base + "methoden/?q=" + encodeURIComponent("weduwnaar zit de hele dag alleen"));
  await page.waitForSelector(".hits .hit-situation");
  const shown = await page.$$eval(".hits li", (items) => items
    .filter((li) => li.querySelector(".hit-situation"))
    .map((li) => ({
      slug: decodeURIComponent(li.querySelector(".hit-title a").getAttribute("href").split("/").filter(Boolean).pop()),
      line: li.querySelector(".hit-situation").textContent,
      marked: [...li.querySelectorAll(".hit-situation mark")].map((m) => m.textContent.toLowerCase()),
      beforeSave: li.querySelector(".hit-situation").nextElementSibling?.classList.contains("save-button"),
    })));
  assert.ok(shown.length >= 1, "no result shows a situation");
  // Each line is one of that method's own situations (the open data has them), with at least
  // two different words of the query marked, and comes before the save button.
  const methods = await (await fetch(base + "data/methods.json")).json();
  const situationsOf = new Map((methods.methods ?? methods).map((m) => [m.slug, m.situations ?? []]));
  for (const { slug, line, marked, beforeSave } of shown) {
    assert.match(line, /^Herkenbaar: /);
    assert.ok(situationsOf.get(slug).includes(line.replace(/^Herkenbaar: /, "")), `${slug}: ${line}`);
    assert.ok(new Set(marked).size >= 2, `${slug}: ${marked}`);
    assert.ok(beforeSave, slug);
  }
  // A method's name as the query: no situation names its method, so none is shown.
  await page.goto(base + "methoden/?q=digisterker");
  await page.waitForSelector('.search-results[data-query="digisterker"] .hits li');
  await page.waitForLoadState("networkidle");
  assert.equal(await page.locator(".hits .hit-situation").count(), 0);
  await context.close();
});

test("search: the results say which other words the query was read as", async () => {
  const { context, page } = await open(base + "methoden/?q=weduwnaar");
  await page.waitForSelector(".search-reading");
  // "weduwnaar" also finds methods through the thesaurus, and says so, naming the other words
  // (its plural among them) but not the typed word again.
  const also = await page.textContent(".search-reading");
  assert.match(also, /ook gezocht op: \S/i);
  assert.doesNotMatch(also, /\bweduwnaar\b/);
  // A misspelt word says what was searched instead; a word that found nothing is named.
  await page.goto(base + "methoden/?q=kwartiermakn%20qqqzzz%20");
  await page.waitForSelector('.search-results[data-query="kwartiermakn qqqzzz "] .search-reading');
  const read = await page.textContent(".search-reading");
  assert.match(read, /gezocht op kwartiermaken(, \w+)* in plaats van kwartiermakn/i);
  assert.match(read, /niets gevonden voor: qqqzzz/);
  const library = librarySearch("kwartiermakn qqqzzz ").interpretation;
  assert.equal(library.corrected.length, 1);
  assert.equal(library.corrected[0].typed, "kwartiermakn");
  assert.ok(library.corrected[0].searched.includes("kwartiermaken"));
  assert.deepEqual(library.unknown, ["qqqzzz"]);
  await context.close();
});

test("search: an unknown filter value in the address is dropped with a notice", async () => {
  const { context, page } = await open(base + "methoden/?q=opvoeden&thema=bestaat-niet");
  const all = librarySearch("opvoeden");
  await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `), all.total);
  assert.match(await page.textContent(".search-notice"), /thema=bestaat-niet/);
  assert.doesNotMatch(page.url(), /bestaat-niet/);
  await context.close();
});

test("search: keyboard — arrows move through results, Escape goes back and clears", async () => {
  const { context, page } = await open(base + "methoden/");
  await page.focus("#zoekterm");
  await page.keyboard.type("netwerk");
  // Wait for the results of the whole word, not of a prefix still being replaced.
  await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `),
    librarySearch("netwerk").total);
  await page.waitForSelector('.search-results[data-query="netwerk"]');
  await page.keyboard.press("ArrowDown");
  const first = await page.evaluate(() => document.activeElement.getAttribute("href"));
  assert.equal(first, await page.getAttribute(".hits li:first-child a", "href"));
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")),
    await page.getAttribute(".hits li:nth-child(2) a", "href"));
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.activeElement.id), "zoekterm");
  await page.keyboard.press("Escape");
  assert.equal(await page.inputValue("#zoekterm"), "");
  // "Alle methoden" lists everything again, with its filters.
  await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `),
    librarySearch("").total);
  await page.keyboard.type("krachtwerk");
  await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent.startsWith(`${n} `),
    librarySearch("krachtwerk").total);
  await page.waitForSelector('.search-results[data-query="krachtwerk"]');
  await page.keyboard.press("Enter");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(page.url(), /\/methoden\/krachtwerk\/$/);
  await context.close();
});

test("search: results that arrive after ↓ keep the focus at its place in the list", async () => {
  const { context, page } = await open(base + "methoden/");
  await page.focus("#zoekterm");
  await page.keyboard.type("netwerk");
  await page.waitForSelector('.search-results[data-query="netwerk"]');
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")),
    await page.getAttribute(".hits li:nth-child(2) a", "href"));
  // The results of a keystroke made before ↓ arrive now, while the focus is in the list.
  await page.evaluate(() => {
    const input = document.querySelector("#zoekterm");
    input.value = "netwerken";
    input.dispatchEvent(new Event("input"));
  });
  await page.waitForSelector('.search-results[data-query="netwerken"]');
  assert.ok(librarySearch("netwerken").total >= 2, "the new search lists at least two methods");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")),
    await page.getAttribute(".hits li:nth-child(2) a", "href"), "focus is on the second result again");
  // A search without results sends the focus back to the search box.
  await page.evaluate(() => {
    const input = document.querySelector("#zoekterm");
    input.value = "qqxqzzq";
    input.dispatchEvent(new Event("input"));
  });
  await page.waitForSelector('.search-results[data-query="qqxqzzq"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), "zoekterm");
  await context.close();
});

test("search: results are axe-clean (WCAG 2.1 AA), also at 360 px", async () => {
  for (const width of [1280, 360]) {
    const { context, page } = await open(base + "methoden/?q=jongeren", { viewport: { width, height: 800 } });
    await page.waitForSelector(".hits li");
    assert.deepEqual(await axeViolations(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `sideways scroll at ${width} px`);
    await context.close();
  }
});

const columnNames = (page) => page.$$eval(".compare-table thead th a", (as) => as.map((a) => a.textContent));

test("shortlist: save two methods, compare them, print the comparison and share its address", async () => {
  const { context, page, errors } = await open(base + PAGES.method, { viewport: { width: 375, height: 740 } });
  assert.equal(await page.isVisible("[data-shortlist-link]"), false, "no count before anything is kept");
  // One from a method page…
  const save = page.locator(".method-actions .save-button");
  await save.click();
  assert.equal(await save.getAttribute("aria-pressed"), "true");
  assert.equal(await page.textContent("[data-shortlist-count]"), "1");
  assert.match(await page.textContent("[data-shortlist-status]"), /^Bewaard: Krachtwerk\. 1 bewaard/, "the change is announced");
  assert.equal(await page.getAttribute("[data-shortlist-status]", "role"), "status");
  // …one from the search results.
  await page.goto(base + "methoden/?q=maatjesproject");
  const hit = page.locator(".hits li", { has: page.locator('a[href$="methoden/maatjesproject/"]') });
  await hit.locator(".save-button").click();
  assert.equal(await hit.locator(".save-button").getAttribute("aria-pressed"), "true");
  assert.equal(await page.textContent("[data-shortlist-count]"), "2");

  // The header link opens the comparison, with the shortlist in its address.
  await Promise.all([page.waitForNavigation(), page.click("[data-shortlist-link]")]);
  await page.waitForSelector(".compare-table");
  assert.deepEqual(await columnNames(page), ["Krachtwerk", "Maatjesproject"]);
  assert.match(page.url(), /vergelijk\/\?m=krachtwerk,maatjesproject$/);
  const rows = await page.$$eval(".compare-table tbody th[scope=row]", (ths) => ths.map((t) => t.textContent));
  for (const row of ["Samenvatting", "Erkenning", "Doelgroepen", "Uitgevoerd door", "Duur en intensiteit", "Kosten"]) {
    assert.ok(rows.includes(row), `row ${row} in ${rows}`);
  }
  assert.equal(await page.$$eval(".compare-table caption", (c) => c.length), 1);
  // Every cell says something: an empty field reads "onbekend", not a blank.
  const cells = await page.$$eval(".compare-table tbody td", (tds) => tds.map((t) => t.textContent.trim()));
  assert.ok(cells.every((c) => c.length > 0));
  // On a phone the table scrolls inside its box, not the page; and it is accessible.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.deepEqual(await axeViolations(page), []);

  // Print: on A4 landscape, without buttons and header.
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.isVisible(".compare-table"));
  assert.equal(await page.isVisible("[data-compare-actions]"), false);
  assert.equal(await page.isVisible(".site-header"), false);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const [, width, height] = pdf.match(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/) ?? [];
  assert.ok(Number(width) > Number(height), `the comparison prints in landscape (${width} × ${height})`);
  await page.emulateMedia({ media: "screen" });

  // Shared: the address shows the same comparison in a browser that kept nothing.
  const shared = await open(page.url());
  await shared.page.waitForSelector(".compare-table");
  assert.deepEqual(await columnNames(shared.page), ["Krachtwerk", "Maatjesproject"]);
  assert.equal(await shared.page.isVisible("[data-shortlist-link]"), false);
  // Taking one out updates the table and the address.
  await shared.page.click('.compare-table thead th:has(a[href$="maatjesproject/"]) .remove-button');
  await shared.page.waitForFunction(() => document.querySelectorAll(".compare-table thead th").length === 1);
  assert.match(shared.page.url(), /\?m=krachtwerk$/);
  await shared.context.close();

  // Unsaving on a method page empties the count again.
  await page.goto(base + PAGES.method);
  await page.click(".method-actions .save-button");
  assert.equal(await page.textContent("[data-shortlist-count]"), "1");
  assert.deepEqual(errors, []);
  await context.close();
});

test("shortlist: an empty or unknown comparison says so instead of showing nothing", async () => {
  const { context, page } = await open(base + "vergelijk/?m=bestaat-niet");
  await page.waitForSelector(".search-notice");
  assert.match(await page.textContent(".search-notice"), /bestaat-niet/);
  assert.match(await page.textContent("[data-compare]"), /nog geen methoden bewaard/);
  await page.goto(base + "vergelijk/");
  await page.waitForFunction(() => /nog geen methoden bewaard/.test(document.querySelector("[data-compare]").textContent));
  await context.close();
});

test("comparison without JavaScript: each method page links to one with its related methods", async () => {
  const { context, page } = await open(base + PAGES.method, { javaScriptEnabled: false });
  assert.equal(await page.isVisible(".save-button"), false, "no button that cannot work");
  await Promise.all([page.waitForNavigation(), page.click('.method-actions a[href$="vergelijk/"]')]);
  const names = await columnNames(page);
  assert.equal(names[0], "Krachtwerk");
  assert.ok(names.length >= 2, names.join(", "));
  const rows = await page.$$eval(".compare-table tbody tr", (trs) => trs.length);
  assert.ok(rows >= 10);
  await context.close();
  const checked = await open(base + PAGES.method + "vergelijk/", { viewport: { width: 360, height: 740 } });
  assert.deepEqual(await axeViolations(checked.page), []);
  const overflow = await checked.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await checked.context.close();
});

test("search: narrow to 'minimaal goed onderbouwd' on a phone with the keyboard, focus kept", async () => {
  const { context, page, errors } = await open(base + "methoden/?q=gezin", { viewport: { width: 375, height: 740 } });
  await page.waitForSelector(".hits li");
  const before = await page.$$eval(".hits li", (li) => li.length);
  // The filters fold away on a phone; open them, then choose with the keyboard.
  await page.click(".facet-panel > summary");
  await page.focus("#f-minimaal");
  await page.selectOption("#f-minimaal", "goed-onderbouwd");
  await page.waitForFunction(() => /minimaal=goed-onderbouwd/.test(location.search));
  await page.waitForFunction((n) => document.querySelectorAll(".hits li").length < n, before);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "f-minimaal", "focus stays on the control");
  assert.equal(await page.inputValue("#f-minimaal"), "goed-onderbouwd");
  // Every hit is recognised at that level or a stronger one.
  const expected = librarySearch("gezin", ["--min-recognition", "goed-onderbouwd"]);
  const shown = await page.$$eval(".hits .hit-title a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(shown.slice(0, 10), expected.hits.slice(0, 10).map((h) => `../methoden/${h.slug}/`));
  assert.ok(expected.hits.length > 0);
  assert.match(await page.textContent(".facet-panel > summary"), /\(1 actief\)/, "the panel says one filter is on");
  // The address alone gives the same list, and an unknown level is dropped with a notice.
  await page.goto(base + "methoden/?q=gezin&minimaal=goed-onderbouwd");
  await page.waitForSelector(".hits li");
  assert.deepEqual(await page.$$eval(".hits .hit-title a", (as) => as.map((a) => a.getAttribute("href"))), shown);
  await page.goto(base + "methoden/?q=gezin&minimaal=heel-goed");
  await page.waitForSelector(".search-notice:not([hidden])");
  assert.match(await page.textContent(".search-notice"), /minimaal=heel-goed/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("search: active filters show as chips that take them off, with 'alle filters wissen'", async () => {
  const { context, page, errors } = await open(base + "methoden/?q=gezin&wet=jeugdwet&minimaal=goed-beschreven");
  await page.waitForSelector(".chips:not([hidden]) .chip");
  const chips = await page.$$eval(".chips .chip", (b) => b.map((x) => x.textContent));
  assert.equal(chips.length, 3, chips.join(" | "));
  assert.ok(chips[0].startsWith("Jeugdwet"), chips[0]);
  assert.match(chips[1], /^Minimaal erkend als goed beschreven/);
  assert.equal(chips[2], "Alle filters wissen");
  assert.match(await page.getAttribute(".chips .chip", "aria-label"), /^Filter weghalen: Jeugdwet/);
  await page.click(".chips .chip >> nth=0");
  await page.waitForFunction(() => !/wet=/.test(location.search));
  assert.match(page.url(), /minimaal=goed-beschreven/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "zoekterm", "focus back in the search box");
  await page.goto(base + "methoden/?q=gezin&wet=jeugdwet&thema=jongeren");
  await page.waitForSelector(".chip-clear");
  await page.click(".chip-clear");
  await page.waitForFunction(() => location.search === "?q=gezin");
  // The address changes at once, the chips with the new results: wait for them to go (a
  // time-out fails the test when they stay).
  await page.waitForSelector(".chips", { state: "hidden" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("search: 'meer resultaten' shows the next page and moves on to its first result", async () => {
  const { context, page } = await open(base + "methoden/?status=actief");
  await page.waitForSelector(".hits li");
  const total = librarySearch("", ["--status", "actief"]).total;
  assert.ok(total > 20, `${total} active methods`);
  assert.equal(await page.$$eval(".hits li", (li) => li.length), 20);
  assert.equal(await page.textContent(".more-button"), `Meer resultaten (${total - 20})`);
  await page.click(".more-button");
  await page.waitForFunction((n) => document.querySelectorAll(".hits li").length === n, Math.min(total, 40));
  const focused = await page.evaluate(() => [...document.querySelectorAll(".hits .hit-title a")].indexOf(document.activeElement));
  assert.equal(focused, 20, "the first new result has the focus");
  if (total <= 40) assert.equal(await page.isVisible(".more-button"), false);
  await context.close();
});

test("search: the weaker matches are not counted but a button away, after the ones that count", async () => {
  const { context, page, errors } = await open(base + "methoden/?q=netwerk");
  const expected = librarySearch("netwerk", ["--weaker", "--limit", "100"]);
  assert.ok(expected.weaker > 0 && expected.total > 0, `${expected.total} + ${expected.weaker}`);
  await page.waitForSelector('.search-results[data-query="netwerk"] .hits li');
  assert.match(await page.textContent(".search-status"), new RegExp(`^${expected.total} `), "only the ones that count are counted");
  while (await page.isVisible(".more-button:not(.weaker-button)")) {
    const n = await page.$$eval(".hits:not(.hits-weaker) li", (li) => li.length);
    await page.click(".more-button:not(.weaker-button)");
    await page.waitForFunction((k) => document.querySelectorAll(".hits:not(.hits-weaker) li").length > k, n);
  }
  assert.equal(await page.$$eval(".hits:not(.hits-weaker) li", (li) => li.length), expected.total);
  assert.equal(await page.isVisible(".hits-weaker"), false, "not listed before asked");
  assert.equal(await page.textContent(".weaker-button"), `Toon ook minder passende methoden (${expected.weaker})`);
  await page.click(".weaker-button");
  await page.waitForSelector(".hits-weaker li");
  const weak = await page.$$eval(".hits-weaker .hit-title a", (as) => as.map((a) => a.getAttribute("href").replace(/.*methoden\//, "").replace(/\/$/, "")));
  const library = expected.hits.filter((h) => h.weaker).map((h) => h.slug);
  assert.deepEqual(weak, library.slice(0, 20), "in the library's order, after the others");
  assert.ok(await page.isVisible("#minder-passend"));
  assert.equal(await page.evaluate(() => document.activeElement.closest(".hits-weaker") !== null), true, "the focus moves to the first weaker match");
  assert.equal(await page.isVisible(".weaker-button"), false);
  // The two lists, their headings and the reading stay accessible.
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("search: a method counted only as related to the best match says so", async () => {
  // The first judged query whose first page has such a method, by the library (all judged
  // queries in one run, read from standard input).
  const judged = [...readFileSync(join(root, "tests/relevance/queries.toml"), "utf8").matchAll(/^text = "(.*)"$/gm)]
    .map((m) => m[1]);
  const all = execFileSync(bin, ["search", "--queries", "-", "--json", "--limit", "20"], { cwd: root, input: judged.join("\n") + "\n", maxBuffer: 1 << 28 })
    .toString().trim().split("\n").map((line) => JSON.parse(line));
  const at = all.findIndex((results) => results.hits.some((h) => h.related_to));
  assert.ok(at >= 0, "some judged query counts a method as related to the best match");
  const [query, expected] = [judged[at], all[at]];
  const { context, page, errors } = await open(base + "methoden/?q=" + encodeURIComponent(query));
  await page.waitForSelector(".hits li .hit-title");
  const shown = await page.$$eval(".hits:not(.hits-weaker) li", (items) => items.map((li) => ({
    slug: li.querySelector(".hit-title a").getAttribute("href").replace(/.*methoden\//, "").replace(/\/$/, ""),
    note: li.querySelector(".hit-related")?.textContent ?? null,
  })));
  assert.deepEqual(shown.map((h) => h.slug), expected.hits.map((h) => h.slug));
  for (const [i, hit] of expected.hits.entries()) {
    assert.equal(shown[i].note, hit.related_to ? `Telt mee als verwant aan ${hit.related_to}, de beste treffer` : null, hit.slug);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("search: an empty result repeats the query, a slow index shows that it is loading", async () => {
  const { context, page } = await open(base + "methoden/?q=zzzqqqxx");
  await page.waitForFunction(() => /zzzqqqxx/.test(document.querySelector(".search-status")?.textContent ?? ""));
  assert.equal(await page.isVisible(".chips"), false, "no filters to clear");
  await page.goto(base + "methoden/?q=eenzaamheid&wet=jeugdwet&thema=lhbti");
  await page.waitForSelector(".chip-clear");
  assert.match(await page.textContent(".search-status"), /met deze filters/);
  await context.close();

  const slow = await browser.newContext();
  const p = await slow.newPage();
  await p.route("**/search/manifest.*", (route) => setTimeout(() => route.continue(), 1500));
  await p.goto(base + "methoden/?q=eenzaamheid");
  await p.waitForSelector(".search-results[aria-busy='true']");
  assert.match(await p.textContent(".search-status"), /wordt geladen/);
  await p.waitForSelector(".hits li");
  assert.equal(await p.getAttribute(".search-results", "aria-busy"), null);
  await slow.close();
});

test("method page: contents, print and copy-link buttons, one date format, addresses printed once", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(base + "methoden/home-start/");
  // "Op deze pagina" links to every section, and every link has its target.
  const targets = await page.$$eval(".toc a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(targets.length >= 6, targets.join(" "));
  for (const target of targets) assert.ok(await page.$(target), `${target} exists`);
  const headings = await page.$$eval("main section h2[id]", (hs) => hs.map((h) => `#${h.id}`));
  assert.deepEqual(targets, headings);
  // One "Laatst herzien", and dates written out in Dutch, recognitions included.
  const text = await page.innerText("main");
  assert.equal(text.split("Laatst herzien").length - 1, 1);
  assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}\b/, "no ISO dates in the text");
  assert.match(text, /Datum: \d{1,2} [a-z]+ \d{4}/);
  // Copy the link; print.
  await page.click("[data-copy-link]");
  await page.waitForFunction(() => document.querySelector("[data-copy-status]").textContent !== "");
  assert.match(await page.textContent("[data-copy-status]"), /klembord/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  assert.ok(await page.isVisible("[data-print]"));
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".toc"), false, "the contents are for the screen");
  assert.equal(await page.isVisible("[data-print]"), false);
  const after = await page.$$eval(".field a.url-text", (as) => as.map((a) => getComputedStyle(a, "::after").content));
  assert.ok(after.length > 0 && after.every((c) => c === "none"), "an address is not printed twice");
  const other = await page.$$eval('.field a[href^="http"]:not(.url-text)', (as) => as.map((a) => getComputedStyle(a, "::after").content));
  assert.ok(other.every((c) => c.includes("http")), "other links print their address");
  await context.close();
  // Without JavaScript there are no buttons that cannot work.
  const off = await open(base + "methoden/home-start/", { javaScriptEnabled: false });
  assert.equal(await off.page.isVisible("[data-print]"), false);
  assert.equal(await off.page.isVisible("[data-copy-link]"), false);
  await off.context.close();
});

test("filters everywhere: 'Alle methoden' filters before typing, browse pages lead into it", async () => {
  const { context, page, errors } = await open(base + "thema/eenzaamheid/");
  const link = page.locator('a[href$="methoden/?thema=eenzaamheid"]');
  assert.ok(await link.isVisible(), "a browse page offers to filter further");
  const listed = await page.$$eval(".method-item-title a", (as) => as.length);
  await Promise.all([page.waitForNavigation(), link.click()]);
  await page.waitForSelector(".hits li");
  assert.match(await page.textContent(".search-status"), new RegExp(`^${listed} `), "the same methods");
  assert.ok(await page.isVisible("#f-theme-eenzaamheid"), "the facets are there, without typing");
  assert.equal(await page.isChecked("#f-theme-eenzaamheid"), true);
  // With nothing chosen, "Alle methoden" still shows the filters and counts.
  await page.goto(base + "methoden/");
  await page.waitForSelector(".facets fieldset");
  assert.match(await page.textContent(".search-status"), /^65 |^\d+ methoden gevonden/);
  assert.deepEqual(errors, []);
  await context.close();
  const off = await open(base + "thema/eenzaamheid/", { javaScriptEnabled: false });
  assert.equal(await off.page.isVisible('a[href$="methoden/?thema=eenzaamheid"]'), false, "no link that would not filter");
  await off.context.close();
});

test("search: Back from a method page returns to the same place in a long list", async () => {
  const { context, page } = await open(base + "methoden/?status=actief", { viewport: { width: 375, height: 700 } });
  await page.waitForSelector(".hits li");
  await page.click(".more-button");
  await page.waitForFunction(() => document.querySelectorAll(".hits li").length > 20);
  const target = page.locator(".hits .hit-title a").nth(24);
  await target.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 1000, `scrolled to ${y}`);
  const href = await target.getAttribute("href");
  await Promise.all([page.waitForNavigation(), target.click()]);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll(".hits li").length > n, 20);
  await page.waitForFunction((want) => Math.abs(window.scrollY - want) < 50, y);
  assert.ok(await page.locator(`.hits .hit-title a[href="${href}"]`).isVisible());
  await context.close();
});

test("search: sort by recognition, name or review date, in the address, focus kept", async () => {
  const { context, page, errors } = await open(base + "methoden/?q=gezin");
  await page.waitForSelector(".hits li");
  assert.equal(await page.inputValue("#sorteer"), "relevantie");
  for (const [sort, args] of [["erkenning", ["--sort", "erkenning"]], ["naam", ["--sort", "naam"]]]) {
    await page.focus("#sorteer");
    await page.selectOption("#sorteer", sort);
    await page.waitForFunction((x) => new URLSearchParams(location.search).get("sorteer") === x, sort);
    const expected = librarySearch("gezin", args).hits.map((h) => `../methoden/${h.slug}/`);
    await page.waitForFunction((want) => [...document.querySelectorAll(".hits .hit-title a")]
      .map((a) => a.getAttribute("href")).slice(0, want.length).join() === want.join(), expected);
    assert.equal(await page.evaluate(() => document.activeElement?.id), "sorteer");
  }
  // Back to the default order: it leaves the address.
  await page.selectOption("#sorteer", "relevantie");
  await page.waitForFunction(() => !location.search.includes("sorteer"));
  await page.goto(base + "methoden/?q=gezin&sorteer=willekeurig");
  await page.waitForSelector(".search-notice:not([hidden])");
  assert.match(await page.textContent(".search-notice"), /sorteer=willekeurig/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("keuzehulp: five questions answered by plain links end in the methods that fit, without JavaScript", async () => {
  const { context, page } = await open(base, { javaScriptEnabled: false });
  await Promise.all([page.waitForNavigation(), page.click('.guide-link a[href$="keuzehulp/"]')]);
  const step = async (label) => {
    assert.match(await page.textContent(".disclaimer"), /vervangt het nooit/);
    const choice = page.locator(".guide-choices a", { hasText: label }).first();
    // No dead ends: every answer offered leads to at least one method.
    const counts = await page.$$eval(".guide-choices .count", (cs) => cs.map((c) => parseInt(c.textContent, 10)));
    assert.ok(counts.length > 1 && counts.every((n) => n > 0), counts.join(","));
    await Promise.all([page.waitForNavigation(), choice.click()]);
  };
  assert.match(await page.textContent("h2#vraag"), /Voor wie/);
  await step("Ouderen");
  assert.match(await page.textContent("h2#vraag"), /Wat speelt er/);
  await step("Eenzaamheid");
  assert.match(await page.textContent("h2#vraag"), /Onder welke wet/);
  await step("Wmo");
  assert.match(page.url(), /keuzehulp\/ouderen\/eenzaamheid\/wmo\/$/);
  const shown = await page.$$eval("#resultaat .method-item-title a", (as) => as.map((a) => a.getAttribute("href").replace(/.*methoden\//, "")));
  const expected = librarySearch("", ["--target-group", "ouderen", "--theme", "eenzaamheid", "--law", "wmo"]).total;
  assert.equal(shown.length, Math.min(expected, 10), "the methods that fit every answer");
  assert.match(await page.textContent("main"), new RegExp(`${expected} methode`));
  assert.ok(shown.length > 0);
  // The answers so far, each with a way back to change it.
  const given = await page.$$eval(".guide-given dd", (dds) => dds.map((d) => d.textContent.trim()));
  assert.deepEqual(given.map((g) => g.split(" wijzig")[0]), ["Ouderen", "Eenzaamheid", "Wmo 2015"]);
  // The last two questions, age and by whom, on the result page: each answer shows its own
  // list alone, by a plain link.
  assert.match(await page.textContent("h2#vraag-leeftijd"), /Hoe oud/);
  assert.match(await page.textContent("h2#vraag-uitvoerder"), /Wie voert/);
  const ages = await page.$$eval('[aria-labelledby="vraag-leeftijd"] .count', (cs) => cs.map((c) => parseInt(c.textContent, 10)));
  assert.ok(ages.length > 1 && ages.every((n) => n > 0), ages.join(","));
  const fits = async (anchor, args) => {
    await page.click(`.guide-choices a[href="#${anchor}"]`);
    assert.match(page.url(), new RegExp(`#${anchor}$`));
    assert.equal(await page.isVisible("#resultaat"), false, "the list for every answer steps aside");
    for (const other of await page.$$eval(".guide-section", (ss) => ss.map((s) => s.id))) {
      assert.equal(await page.isVisible(`#${other}`), other === anchor, other);
    }
    const listed = await page.$$eval(`#${anchor} .method-item-title a`, (as) => as.map((a) => a.getAttribute("href").replace(/.*methoden\//, "").replace(/\/$/, "")));
    const fitting = librarySearch("", ["--target-group", "ouderen", "--theme", "eenzaamheid", "--law", "wmo", ...args, "--sort", "erkenning"]);
    assert.ok(listed.length > 0);
    assert.equal(listed.length, Math.min(fitting.total, 10));
    assert.deepEqual(new Set(listed), new Set(fitting.hits.slice(0, 10).map((h) => h.slug)));
  };
  await fits("leeftijd-65-plus", ["--age", "65-plus"]);
  await fits("uitvoerder-vrijwilliger", ["--carried-out-by", "vrijwilliger"]);
  await page.click('#uitvoerder-vrijwilliger a[href="#resultaat"]');
  assert.ok(await page.isVisible("#resultaat .method-item"));
  assert.equal(await page.isVisible("#uitvoerder-vrijwilliger"), false);
  await Promise.all([page.waitForNavigation(), page.click(".guide-given dd >> nth=1 >> a")]);
  assert.match(page.url(), /keuzehulp\/ouderen\/$/);
  assert.match(await page.textContent("h2#vraag"), /Wat speelt er/);
  await context.close();
});

test("keuzehulp: with JavaScript an answer on the result page goes on in 'Alle methoden' with every answer as a filter", async () => {
  const { context, page, errors } = await open(base + "keuzehulp/ouderen/eenzaamheid/alle/");
  await page.click('.guide-choices a[href="#uitvoerder-vrijwilliger"]');
  const count = Number((await page.textContent('.guide-choices a[href="#uitvoerder-vrijwilliger"] .count')).match(/\d+/)[0]);
  const link = page.locator('#uitvoerder-vrijwilliger a[href*="uitvoerder=vrijwilliger"]');
  assert.ok(await link.isVisible());
  await Promise.all([page.waitForNavigation(), link.click()]);
  await page.waitForSelector(".hits li");
  assert.match(page.url(), /doelgroep=ouderen&thema=eenzaamheid&uitvoerder=vrijwilliger$/);
  assert.match(await page.textContent(".search-status"), new RegExp(`^${count} `));
  assert.deepEqual(errors, []);
  await context.close();
});

test("home: 'Nieuw en bijgewerkt' shows each method's review date, newest first; a way into the keuzehulp", async () => {
  const { context, page } = await open(base, { viewport: { width: 375, height: 740 } });
  const dates = await page.$$eval("#recent ~ .method-list time", (ts) => ts.map((t) => t.getAttribute("datetime")));
  assert.equal(dates.length, 6);
  assert.deepEqual([...dates].sort().reverse(), dates);
  assert.ok(await page.isVisible('.guide-link a[href$="keuzehulp/"]'));
  // The search box is on the first screen of a phone.
  const box = await page.locator("#zoekterm").boundingBox();
  assert.ok(box && box.y + box.height <= 740, `search box at ${box?.y}`);
  await context.close();
});

test("search: a query that finds nothing offers the closest words ('Bedoelde u …?')", async () => {
  assert.equal(librarySearch("wrk").total, 0, "too short for typo tolerance: nothing found");
  const { context, page, errors } = await open(base + "methoden/?q=wrk");
  await page.waitForSelector(".search-status .link-button");
  const offer = await page.textContent(".search-status .link-button");
  assert.equal(offer, "werk");
  assert.match(await page.textContent(".search-status"), /Bedoelde u werk\?/);
  await page.click(".search-status .link-button");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "werk");
  await page.waitForSelector(".hits li");
  assert.equal(await page.inputValue("#zoekterm"), "werk");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "zoekterm");
  // Nothing close: no offer.
  await page.goto(base + "methoden/?q=xqzvy");
  await page.waitForFunction(() => /xqzvy/.test(document.querySelector(".search-status")?.textContent ?? ""));
  await page.waitForTimeout(300);
  assert.equal(await page.$(".search-status .link-button"), null);
  assert.deepEqual(errors, []);
  await context.close();
});
