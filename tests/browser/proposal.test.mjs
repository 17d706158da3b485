// The proposal form (voorstellen/) in Debian's Chromium: a method filled in the browser gives a
// file that `methodewijzer check` accepts, and each check the form makes in the browser flags
// the same field that `check` flags on the same value (matched by the line of the key, not by
// message text). Also axe-core and the Nu Html Checker on the form and on its error state.
//
// The site is built by the `methodewijzer` binary (METHODEWIJZER_BIN, else target/debug) and
// served from a sub-path, as in site.test.mjs.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
const REPOSITORY = "https://github.com/methodewijzer/methodewijzer";

let tmp, site, bare, catalogue, server, base, bareBase, browser;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "methodewijzer-proposal-"));
  site = join(tmp, "site");
  bare = join(tmp, "bare");
  server = await serve({ [PREFIX]: site, "/zonder-repository/": bare });
  const port = server.address().port;
  base = `http://127.0.0.1:${port}${PREFIX}`;
  bareBase = `http://127.0.0.1:${port}/zonder-repository/`;
  const build = (out, url, extra = []) => execFileSync(bin, ["build", "--out", out, "--base-url", url, ...extra],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  build(site, base);
  // A site whose settings name no repository: the form says whom to send the file to.
  const siteDir = join(tmp, "site-settings");
  cpSync(join(root, "site"), siteDir, { recursive: true });
  const settings = readFileSync(join(siteDir, "site.toml"), "utf8");
  writeFileSync(join(siteDir, "site.toml"), settings.replace(/^repository_url = .*$/m, 'repository_url = ""'));
  build(bare, bareBase, ["--site", siteDir]);
  // The catalogue the proposals are checked in.
  catalogue = join(tmp, "catalogue");
  mkdirSync(catalogue);
  for (const file of readdirSync(join(root, "interventions")).filter((f) => f.endsWith(".toml"))) {
    copyFileSync(join(root, "interventions", file), join(catalogue, file));
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const open = (url = base + "voorstellen/", options = {}) => openIn(browser, url, options);

// Text with what TOML must escape: quotes, backslashes, a triple quote, a tab, Markdown.
const AIM = 'Bewoners leren elkaar kennen in het "buurtcafé".\n\n- minder eenzaamheid\n- een pad als C:\\buurt\\cafe\n- drie aanhalingstekens: """ en een\ttab';

// A complete example method: every kind of field, and a table of each kind.
async function fillExample(page) {
  await page.fill("#f-name", "Cliënt & Buurt Café");
  await page.fill("#f-summary", 'Een wekelijkse ontmoeting in de buurt, met "koffie" en een vrijwilliger als gastheer.');
  await page.check("#f-themes-eenzaamheid");
  await page.check("#f-target_groups-ouderen");
  await page.fill("#f-aim", AIM);
  await page.fill("#f-approach", "Elke week een inloop.\nEen vrijwilliger ontvangt.");
  await page.fill("#f-aliases", "Buurtcafé\nKoffie-inloop");
  await page.selectOption("#f-type", "werkwijze");
  await page.check("#f-laws-wmo");
  await page.check("#f-carried_out_by-vrijwilliger");
  await page.fill("#f-age-min", "18");
  await page.fill("#f-related", "krachtwerk");
  await page.fill("#f-effective_elements", "Een vaste plek.\nEen vaste tijd.");
  await page.fill("#f-problem", "Eenzaamheid onder ouderen.");
  await page.click("#f-recognitions [data-add]");
  await page.fill("#f-recognitions [data-path='recognitions.scheme'] [data-control]", "Erkenningscommissie Interventies (deelcommissie Jeugd)");
  await page.selectOption("#f-recognitions [data-path='recognitions.level'] [data-control]", "goed-beschreven");
  await page.fill("#f-recognitions [data-path='recognitions.date'] [data-control]", "2021-03-04");
  await page.fill("#f-owner-organisation", "Stichting Buurt");
  await page.fill("#f-owner-website", "https://www.example.org/buurt");
  await page.click("#f-sources [data-add]");
  await page.fill("#f-sources [data-path='sources.title'] [data-control]", "Buurtcafé, beschrijving");
  await page.fill("#f-sources [data-path='sources.url'] [data-control]", "https://www.example.org/bron");
  await page.fill("#f-sources [data-path='sources.year'] [data-control]", "2020");
}

const preview = (page) => page.textContent("[data-preview]");
const flagged = (page) => page.$$eval("[data-field]", (fields) => fields
  .filter((f) => f.querySelector("[data-control][aria-invalid='true']"))
  .map((f) => f.dataset.path));

// `check` on `text` as `<file>` in a copy of the catalogue: exit code and the lines of its errors.
function check(file, text) {
  const path = join(catalogue, file);
  writeFileSync(path, text);
  try {
    const out = spawnSync(bin, ["check", path], { encoding: "utf8" });
    // Errors by their code, whatever the language (`fout[MW208]`, `error[MW208]`).
    const lines = [...out.stderr.matchAll(/^(.+?):(\d+):\d+: (?:fout|error)\[MW\d+\]:/gm)]
      .filter((m) => m[1].endsWith(file)).map((m) => Number(m[2]));
    return { status: out.status, lines, stderr: out.stderr };
  } finally {
    rmSync(path);
  }
}

// The line (from 1) of `key` in the TOML, inside `[table]`/`[[table]]` when given.
function lineOf(text, key, table) {
  const lines = text.split("\n");
  let start = 0;
  if (table) start = lines.findIndex((l) => l === `[[${table}]]` || l === `[${table}]`);
  const i = lines.findIndex((l, n) => n > start && l.startsWith(`${key} = `));
  assert.ok(start >= 0 && i >= 0, `no ${table ?? ""} ${key} in\n${text}`);
  return i + 1;
}

async function vnuErrors(html) {
  const jar = join(dirname(require.resolve("vnu-jar")), "build/dist/vnu.jar");
  const out = spawnSync("java", ["-jar", jar, "--errors-only", "--format", "text", "-"], { input: html, encoding: "utf8" });
  return `${out.stdout}${out.stderr}`.replace(/^Document checking completed\..*$/m, "").trim();
}

test("proposal: a method filled in the form is a file `check` accepts, downloaded under its slug", async () => {
  const { context, page, errors } = await open();
  await fillExample(page);
  await page.click("button[type=submit]");
  assert.deepEqual(await flagged(page), []);
  assert.equal(await page.isVisible("[data-error-summary]"), false);
  assert.match(await page.textContent("[data-status]"), /Geen fouten/);
  const text = await preview(page);
  assert.match(text, /^#:schema \.\/_schema\.json\nname = "Cliënt & Buurt Café"\n/);
  assert.match(text, /\naim = """\n/, "long text as a multi-line string");
  assert.equal(await page.textContent("[data-file-name]"), "client-buurt-cafe.toml");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-download]")]);
  assert.equal(download.suggestedFilename(), "client-buurt-cafe.toml");
  assert.equal(readFileSync(await download.path(), "utf8"), text);

  // The repository link proposes this very file.
  const href = new URL(await page.getAttribute("[data-submit]", "href"));
  assert.equal(`${href.origin}${href.pathname}`, `${REPOSITORY}/new/main`);
  assert.equal(href.searchParams.get("filename"), "interventions/client-buurt-cafe.toml");
  assert.equal(href.searchParams.get("value"), text);

  const result = check("client-buurt-cafe.toml", text);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(result.lines, []);
  // What was typed is what the catalogue reads: the escaping round-trips.
  const file = join(catalogue, "client-buurt-cafe.toml");
  writeFileSync(file, text);
  const out = join(tmp, "proposed-site");
  try {
    execFileSync(bin, ["build", "--catalogue", catalogue, "--out", out], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  } finally {
    rmSync(file);
  }
  const method = JSON.parse(readFileSync(join(out, "data/methods.json"), "utf8")).methods
    .find((m) => m.slug === "client-buurt-cafe");
  assert.equal(method.aim.trim(), AIM);
  assert.deepEqual(method.aliases, ["Buurtcafé", "Koffie-inloop"]);
  assert.equal(method.recognitions[0].scheme, "Erkenningscommissie Interventies (deelcommissie Jeugd)");
  assert.deepEqual(errors, []);
  await context.close();
});

// Each check of the form, the value that breaks it, and where `check` must say so.
const BAD = [
  { what: "a missing required field", path: "summary", key: "summary", set: (p) => p.fill("#f-summary", "") },
  { what: "a text over its length", path: "summary", key: "summary", set: (p) => p.fill("#f-summary", "x".repeat(301)) },
  { what: "an unknown method id", path: "related", key: "related", set: (p) => p.fill("#f-related", "krachtwerk\nbestaat-niet") },
  { what: "a date not written YYYY-MM-DD", path: "last_reviewed", key: "last_reviewed", set: (p) => p.fill("#f-last_reviewed", "31-05-2024") },
  { what: "a date that does not exist", path: "recognitions.date", key: "date", table: "recognitions", set: (p) => p.fill("#f-recognitions [data-path='recognitions.date'] [data-control]", "2021-02-30") },
  { what: "a web address without https://", path: "sources.url", key: "url", table: "sources", set: (p) => p.fill("#f-sources [data-path='sources.url'] [data-control]", "www.example.org/bron") },
  { what: "a year out of range", path: "sources.year", key: "year", table: "sources", set: (p) => p.fill("#f-sources [data-path='sources.year'] [data-control]", "1800") },
  { what: "an unknown committee", path: "recognitions.scheme", key: "scheme", table: "recognitions", set: (p) => p.fill("#f-recognitions [data-path='recognitions.scheme'] [data-control]", "Movisie") },
  { what: "a required field of a table", path: "owner.organisation", key: "organisation", table: "owner", set: (p) => p.fill("#f-owner-organisation", "") },
];

for (const bad of BAD) {
  test(`proposal: ${bad.what} is flagged in the browser and by \`check\` on the same field`, async () => {
    const { context, page, errors } = await open();
    await fillExample(page);
    await bad.set(page);
    await page.click("button[type=submit]");
    assert.deepEqual(await flagged(page), [bad.path]);
    // The summary takes focus and links to the field.
    assert.equal(await page.evaluate(() => document.activeElement.hasAttribute("data-error-summary")), true);
    const control = await page.$eval(`[data-path='${bad.path}'] [data-control]`, (c) => c.id);
    await page.click(`[data-error-list] a[href='#${control}']`);
    assert.equal(await page.evaluate(() => document.activeElement.id), control);
    const described = await page.$eval(`[data-path='${bad.path}'] [data-control]`, (c) => c.getAttribute("aria-describedby") ?? "");
    assert.ok(described.split(" ").includes(`${control}-error`) || bad.path.includes("."), described);

    const text = await preview(page);
    const result = check("client-buurt-cafe.toml", text);
    assert.equal(result.status, 1, result.stderr);
    assert.ok(result.lines.includes(lineOf(text, bad.key, bad.table)),
      `check reported lines ${result.lines}, not the line of ${bad.path}:\n${result.stderr}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("proposal: the form and its error state pass axe-core (WCAG 2.1 AA) and the Nu Html Checker", async () => {
  const { context, page, errors } = await open();
  // The Nu Html Checker first: axe's own script, once added, is no part of the page.
  assert.equal(await vnuErrors(await page.content()), "");
  await page.click("#f-sources [data-add]");
  await page.fill("#f-sources [data-path='sources.url'] [data-control]", "bron");
  await page.click("button[type=submit]");
  assert.ok((await flagged(page)).length >= 5);
  assert.ok(await page.isVisible("[data-error-summary]"));
  assert.equal(await vnuErrors(await page.content()), "");
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("proposal: too long for a link, it says to download and upload instead", async () => {
  const { context, page } = await open();
  await fillExample(page);
  await page.fill("#f-approach", "Een lange aanpak. ".repeat(600));
  assert.equal(await page.isVisible("[data-submit]"), false);
  assert.ok(await page.isVisible("[data-too-long]"));
  assert.match(await page.getAttribute("[data-too-long] a", "href"), /\/upload\/main\/interventions$/);
  await context.close();
});

test("proposal: without a repository in site.toml, it says whom to send the file to", async () => {
  const { context, page } = await open(bareBase + "voorstellen/");
  assert.equal(await page.$("[data-submit]"), null);
  assert.match(await page.textContent("[data-result]"), /Stuur het bestand naar de redactie: via een issue/);
  await context.close();
});

test("proposal: without JavaScript the page explains how to propose, with the template", async () => {
  const { context, page } = await open(base + "voorstellen/", { javaScriptEnabled: false });
  assert.ok(await page.isVisible("[data-no-js]"));
  assert.equal(await page.isVisible("[data-proposal]"), false);
  assert.match(await page.textContent(".disclaimer"), /redactie controleert/);
  const template = await context.request.get(base + "voorstellen/sjabloon.toml");
  assert.equal(template.status(), 200);
  assert.match(await template.text(), /^#:schema \.\/_schema\.json/);
  assert.ok(await page.isVisible(`a[href='${REPOSITORY}/blob/main/interventions/README.md']`));
  await context.close();
});
