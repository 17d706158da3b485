// The browser search ranks as the library does.
//
// The site's search script (site/static/search-engine.js) runs in Node on the index that
// `methodewijzer build` exports, and is compared with `methodewijzer search --queries … --json`
// on every judged query (tests/relevance/queries.toml) and a few hundred generated ones
// (typos, prefixes, unseen inflections, compounds, stop words, synonyms, ages, odd input): the same
// total, the same top 10 in the same order (places may swap only between scores equal within
// `close`, which the two sides round differently), scores equal within `close`, and the same
// facet counts.
// Also: every word of the catalogue analyses to the same terms in the script as in the
// library, and the script's Snowball stemmer equals tantivy's on every word of the catalogue.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const bin = process.env.METHODEWIJZER_BIN || join(root, "target/debug/methodewijzer");
const stemsBin = process.env.METHODEWIJZER_STEMS || join(dirname(bin), "examples/stems");

let site, engine, Engine, stem, words;
// Everything this file writes (the site, the query lists) is under one folder, removed after.
const scratch = mkdtempSync(join(tmpdir(), "mw-parity-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const readFile = async (url, kind) => {
  const bytes = readFileSync(fileURLToPath(url));
  return kind === "bin" ? new Uint8Array(bytes) : JSON.parse(bytes.toString("utf8"));
};

before(async () => {
  site = join(scratch, "out");
  execFileSync(bin, ["build", "--out", site], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  // Scripts are named by their content (search-engine.<hash>.js).
  const script = (stem) => join(site, readdirSync(site).find((f) => f.startsWith(`${stem}.`) && f.endsWith(".js")));
  ({ Engine, words } = await import(pathToFileURL(script("search-engine"))));
  ({ stem } = await import(pathToFileURL(script("stem-nl"))));
  const manifest = readdirSync(join(site, "search")).find((f) => f.startsWith("manifest."));
  engine = await Engine.load(pathToFileURL(join(site, "search", manifest)).href, readFile);
});

function library(queries, args = []) {
  const file = join(mkdtempSync(join(scratch, "q-")), "queries.txt");
  writeFileSync(file, queries.join("\n") + "\n");
  const limit = args.includes("--limit") ? [] : ["--limit", "10"];
  const out = execFileSync(bin, ["search", "--queries", file, "--json", ...limit, ...args], {
    cwd: root, maxBuffer: 1 << 28,
  }).toString();
  return out.trim().split("\n").map((line) => JSON.parse(line));
}

// A small seeded generator, so the generated queries are the same on every run.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function generatedQueries(methods, count) {
  const random = rng(20261123);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const vocabulary = [...new Set(methods.flatMap((m) =>
    `${m.name} ${m.summary} ${m.aim ?? ""} ${(m.aliases ?? []).join(" ")}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))];
  const long = vocabulary.filter((w) => w.length >= 6);
  const out = [];
  const kinds = [
    () => pick(vocabulary),
    () => `${pick(vocabulary)} ${pick(vocabulary)}`,
    () => { const w = pick(long); return w.slice(0, 2 + Math.floor(random() * (w.length - 2))); },
    () => { const w = pick(long); const i = 1 + Math.floor(random() * (w.length - 2)); return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); },
    () => { const w = pick(long); const i = Math.floor(random() * w.length); return w.slice(0, i) + w.slice(i + 1); },
    () => { const w = pick(long); return w + pick(["en", "s", "e", "heid", "ing", "tje", "ers"]); },
    () => `${pick(long)}${pick(long)}`,
    () => `de ${pick(vocabulary)} van het ${pick(vocabulary)} `,
    () => pick(methods).name,
    () => pick(methods).name.toUpperCase().replace(/E/g, "É"),
    () => `${pick(vocabulary)}, ${pick(long).slice(0, 4)}`,
    () => `"${pick(vocabulary)}" -${pick(vocabulary)} OR ${pick(long)}*`,
    // Ages (read as a stage of life up to 120) and numbers beyond them.
    () => `${pick(vocabulary)} van ${Math.floor(random() * 130)} ${pick(vocabulary)}`,
  ];
  for (let i = 0; i < count; i++) out.push(kinds[i % kinds.length]());
  return out.map((q) => q.replace(/\n/g, " "));
}

// The library sums scores in single precision, the script in double: equal within 1e-4, plus
// the rounding single precision allows at the score's size (long queries with many synonym
// words reach scores in the hundreds).
const close = (a, b) => Math.abs(a - b) < 1e-4 + 1e-6 * Math.abs(b);

function compare(query, expected, actual) {
  const where = `query ${JSON.stringify(query)}`;
  assert.equal(actual.total, expected.total, `${where}: total`);
  assert.equal(actual.weaker, expected.weaker, `${where}: weaker matches`);
  assert.deepEqual(actual.interpretation, expected.interpretation, `${where}: how the query was read`);
  assert.equal(actual.hits.length, expected.hits.length, `${where}: number of hits`);
  for (let i = 0; i < expected.hits.length; i++) {
    const e = expected.hits[i];
    const a = actual.hits[i];
    assert.equal(a.weaker, e.weaker, `${where}: hit ${i + 1} weaker`);
    assert.equal(a.relatedTo, e.related_to, `${where}: hit ${i + 1} counted as related to the best`);
    assert.ok(close(a.score, e.score), `${where}: score at ${i + 1}: ${a.slug} ${a.score} vs ${e.slug} ${e.score}`);
    if (a.slug !== e.slug) {
      // Only a tie (within the tolerance) may order differently.
      const twin = expected.hits.find((h) => h.slug === a.slug);
      assert.ok(twin && close(twin.score, e.score), `${where}: place ${i + 1} is ${a.slug}, the library has ${e.slug}`);
    }
  }
  for (const facet of actual.facets) {
    const counts = Object.fromEntries(expected.facets[facet.key].map((v) => [v.id, v.count]));
    for (const v of facet.values) assert.equal(v.count, counts[v.id], `${where}: count of ${facet.key}=${v.id}`);
  }
}

test("the script's stemmer is tantivy's on every word of the catalogue and its inflections", () => {
  const methods = JSON.parse(readFileSync(join(site, "data/methods.json"), "utf8")).methods;
  const all = new Set();
  for (const m of methods) {
    for (const w of JSON.stringify(m).toLowerCase().match(/\p{L}+/gu) ?? []) {
      all.add(w);
      for (const end of ["en", "s", "e", "heden", "ingen", "tjes", "ste", "ere"]) all.add(w + end);
    }
  }
  const list = [...all];
  const expected = execFileSync(stemsBin, { input: list.join("\n") + "\n", maxBuffer: 1 << 28 })
    .toString().trim().split("\n").map((l) => l.split("\t"));
  assert.equal(expected.length, list.length);
  const wrong = expected.filter(([w, s]) => stem(w) !== s);
  assert.deepEqual(wrong.slice(0, 10).map(([w, s]) => `${w}: ${stem(w)} ≠ ${s}`), [], `${wrong.length} of ${list.length} differ`);
});

test("every word of the catalogue analyses to the library's terms without the vocabulary map", async () => {
  const vocabulary = await engine.words.all();
  const plain = new Engine(engine.m, engine.base, readFile);
  plain.words.get = async () => undefined; // as if the word were unknown
  const wrong = [];
  for (const word of vocabulary.keys()) {
    // Words only the thesaurus has (frequency 0) are not the catalogue's.
    if (!(await engine.known(word))) continue;
    const expected = (await engine.lexeme(word)).terms;
    const actual = await plain.terms(word);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${word}: ${actual} ≠ ${expected}`);
  }
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${vocabulary.size} words differ`);
});

test("a typo two edits away and an unknown compound read as in the library, without the word list", async () => {
  // The catalogue's words, not those only the thesaurus has.
  const vocabulary = [];
  for (const word of (await engine.words.all()).keys()) if (await engine.known(word)) vocabulary.push(word);
  const long = vocabulary.filter((w) => /^[a-z]{12,}$/.test(w)).sort();
  assert.ok(long.length > 20, "long catalogue words");
  // Two edits: a letter dropped near the start, the last two swapped.
  const typo = (w) => w.slice(0, 2) + w.slice(3, -2) + w.at(-1) + w.at(-2);
  const typos = long.filter((_, i) => i % 7 === 0).slice(0, 12).map(typo).filter((t) => !vocabulary.includes(t));
  const compounds = [];
  for (let i = 0; i + 1 < long.length && compounds.length < 12; i += 5) {
    const c = long[i] + long[i + 1];
    if (!vocabulary.includes(c)) compounds.push(c);
  }
  const queries = [...typos, ...compounds];
  const expected = library(queries);
  // A fresh engine that counts the word-list files it fetches.
  const fetched = [];
  const counting = async (url, kind) => { fetched.push(url.split("/").pop()); return readFile(url, kind); };
  const manifest = readdirSync(join(site, "search")).find((f) => f.startsWith("manifest."));
  const fresh = await Engine.load(pathToFileURL(join(site, "search", manifest)).href, counting);
  for (let i = 0; i < queries.length; i++) {
    compare(queries[i], expected[i], await fresh.search({ query: queries[i], limit: 10 }));
  }
  const corrected = expected.slice(0, typos.length).filter((r) => r.interpretation.corrected.length);
  assert.ok(corrected.length >= typos.length / 2, `${corrected.length} of ${typos.length} typos corrected`);
  for (const c of compounds) assert.ok((await fresh.split(c))?.length >= 2, `${c} splits`);
  // The word list's shards (its pages, `words-pages-*`, name them) read, against all of them.
  const shard = (f) => /^words-\d/.test(f);
  const wordFiles = new Set(fetched.filter(shard)).size;
  const allWordFiles = readdirSync(join(site, "search")).filter(shard).length;
  // About one per query (7 for these 24 on the shipped catalogue), never the list.
  assert.ok(wordFiles <= queries.length && wordFiles < allWordFiles / 4, `${wordFiles} of ${allWordFiles} word-list files read`);
});

test("the script folds words, drops stop words and keeps their positions for joining", () => {
  const stop = new Set(engine.m.stopWords);
  assert.deepEqual(words("Cliënt, ouderen & de Ervaringsdeskundige!", stop, engine.m.analysis.maxWordBytes).map((w) => [w.text, w.position]),
    [["client", 0], ["ouderen", 1], ["ervaringsdeskundige", 3]]);
});

test("top 10, scores and facet counts equal the library's on every judged and 300 generated queries", async () => {
  const judged = [...readFileSync(join(root, "tests/relevance/queries.toml"), "utf8").matchAll(/^text = "(.*)"$/gm)]
    .map((m) => JSON.parse(`"${m[1]}"`));
  assert.ok(judged.length >= 100, "judged queries found");
  const methods = JSON.parse(readFileSync(join(site, "data/methods.json"), "utf8")).methods;
  // Numbers: ages (leading zeros, the last word still open) and thesaurus entries that hold
  // a number ("113", "80-plussers"), which an age must not hide.
  const numbers = ["113", "bel 113 bij gedachten aan zelfdoding", "man van 007", "eenzame vrouw 80", "80-plussers eenzaam", "24-uursopvang", "alleen 0", "jongen van 15"];
  const queries = [...judged, ...generatedQueries(methods, 300), ...numbers, "", "   ", "xq", "zzzzzzzzzzzz", "!!!", "🙂", "-- ?"];
  const expected = library(queries);
  assert.equal(expected.length, queries.length);
  for (let i = 0; i < queries.length; i++) {
    compare(queries[i], expected[i], await engine.search({ query: queries[i], limit: 10 }));
  }
});

test("searches started together, as quick keystrokes start them, each give the library's answer", async () => {
  // Every prefix of a few judged queries, all started at once on a fresh engine: what the
  // page does while someone types, each search still fetching when the next begins.
  const texts = ["eenzaamheid ouderen", "netwerk", "schulden jongeren", "opa vergeet steeds meer"];
  const queries = texts.flatMap((t) => Array.from(t, (_, i) => t.slice(0, i + 1)));
  const expected = library(queries);
  const fresh = new Engine(engine.m, engine.base, readFile);
  fresh.setFacets(await fresh.file(fresh.named("facets", "bin"), "bin"));
  const results = await Promise.all(queries.map((query) => fresh.search({ query, limit: 10 })));
  for (let i = 0; i < queries.length; i++) compare(queries[i], expected[i], results[i]);
});

test("filters narrow as in the library, each facet's count ignoring its own filter", async () => {
  const queries = ["opvoeden", "eenzaamheid ouderen", "", "vrijwilligers"];
  const expected = library(queries, ["--theme", "opvoeden-en-opgroeien", "--theme", "eenzaamheid", "--law", "wmo"]);
  for (let i = 0; i < queries.length; i++) {
    const actual = await engine.search({
      query: queries[i], limit: 10, filters: { theme: ["opvoeden-en-opgroeien", "eenzaamheid"], law: ["wmo"] },
    });
    compare(queries[i], expected[i], actual);
  }
});

test("'at least this recognition level' narrows hits and every count as in the library", async () => {
  const queries = ["", "gezin", "eenzaamheid ouderen", "jongeren werk"];
  for (const level of ["goed-beschreven", "goed-onderbouwd", "effectief-eerste-aanwijzingen"]) {
    const expected = library(queries, ["--min-recognition", level]);
    for (let i = 0; i < queries.length; i++) {
      const actual = await engine.search({ query: queries[i], limit: 10, filters: {}, minRecognition: level });
      compare(`${queries[i]} (minimaal ${level})`, expected[i], actual);
    }
  }
  // With a facet filter as well.
  const expected = library(["hulp"], ["--min-recognition", "goed-onderbouwd", "--law", "jeugdwet"]);
  const actual = await engine.search({ query: "hulp", limit: 10, filters: { law: ["jeugdwet"] }, minRecognition: "goed-onderbouwd" });
  compare("hulp (jeugdwet, minimaal goed onderbouwd)", expected[0], actual);
  assert.ok(expected[0].total < library(["hulp"], ["--law", "jeugdwet"])[0].total, "the minimum narrows");
});

test("every order (relevantie, erkenning, naam, herzien) is the library's, with filters too", async () => {
  const queries = ["", "gezin", "eenzaamheid ouderen", "werk"];
  for (const sort of ["relevantie", "erkenning", "naam", "herzien"]) {
    const expected = library(queries, ["--sort", sort]);
    for (let i = 0; i < queries.length; i++) {
      const actual = await engine.search({ query: queries[i], limit: 10, filters: {}, sort });
      compare(`${queries[i]} (${sort})`, expected[i], actual);
    }
  }
  const expected = library(["hulp"], ["--sort", "erkenning", "--law", "jeugdwet", "--min-recognition", "goed-beschreven"]);
  const actual = await engine.search({ query: "hulp", limit: 10, filters: { law: ["jeugdwet"] }, minRecognition: "goed-beschreven", sort: "erkenning" });
  compare("hulp (jeugdwet, minimaal goed beschreven, erkenning)", expected[0], actual);
});

test("the weaker matches come after the ones that count, as in the library, with filters and paging too", async () => {
  const queries = ["netwerk", "eenzaamheid ouderen", "moeder met schulden en drie kinderen", "werk"];
  for (const [offset, limit] of [[0, 40], [5, 10]]) {
    const expected = library(queries, ["--weaker", "--offset", String(offset), "--limit", String(limit)]);
    for (let i = 0; i < queries.length; i++) {
      const actual = await engine.search({ query: queries[i], limit, offset, filters: {}, weaker: true });
      compare(`${queries[i]} (weaker, from ${offset})`, expected[i], actual);
    }
  }
  const [netwerk] = library(["netwerk"], ["--weaker", "--limit", "100"]);
  assert.ok(netwerk.weaker > 0, "a common word leaves weaker matches");
  assert.equal(netwerk.hits.length, netwerk.total + netwerk.weaker);
  const firstWeak = netwerk.hits.findIndex((h) => h.weaker);
  assert.equal(firstWeak, netwerk.total, "every method that counts comes first");
  // A page across the boundary between the ones that count and the weaker ones.
  const offset = netwerk.total - 2;
  const [across] = library(["netwerk"], ["--weaker", "--offset", String(offset), "--limit", "4"]);
  assert.deepEqual(across.hits.map((h) => h.weaker), [false, false, true, true]);
  compare("netwerk (weaker, across the boundary)", across, await engine.search({ query: "netwerk", limit: 4, offset, filters: {}, weaker: true }));
  const expected = library(["hulp"], ["--weaker", "--law", "jeugdwet", "--limit", "50"]);
  const actual = await engine.search({ query: "hulp", limit: 50, filters: { law: ["jeugdwet"] }, weaker: true });
  compare("hulp (jeugdwet, weaker)", expected[0], actual);
});

test("a prefix whose completions the word list lists completes as in the library", async () => {
  // Format 11: a prefix whose words are many has its completions under "PREFIX*" in the word
  // list, and the script reads them there instead of the prefix's shards. Each such prefix,
  // typed on a fresh engine, must rank and count as the library does.
  const listed = [...(await engine.words.all()).keys()].filter((k) => k.endsWith("*")).map((k) => k.slice(0, -1));
  assert.ok(listed.length >= 5, `${listed.length} listed prefixes`);
  const expected = library(listed);
  for (const [i, prefix] of listed.entries()) {
    // Counting the words shards read: the list, not the three or more that hold the words.
    let shards = 0;
    const counting = (url, kind) => {
      if (/\/words-\d+\./.test(url)) shards++;
      return readFile(url, kind);
    };
    const fresh = await Engine.load(engine.base.href, counting);
    fresh.setFacets(await fresh.file(fresh.named("facets", "bin"), "bin"));
    compare(prefix, expected[i], await fresh.search({ query: prefix, limit: 10 }));
    assert.ok(shards <= 2, `${prefix}: ${shards} words shards read`);
  }
});

test("completions and lookups across a page boundary of the word list", async () => {
  // The word list is paged (format 6): a prefix whose words straddle two pages must find
  // them on both, and a page's first word must be found on its own page. Pages are listed by
  // separators (format 8): a prefix of the page's first word, after the word before it.
  const all = [...(await engine.words.all()).keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const separators = engine.words.firsts;
  assert.ok(separators.length >= 2, `${separators.length} pages of words`);
  for (const separator of separators.slice(1)) {
    const at = all.findIndex((w) => w >= separator);
    const [before, boundary] = [all[at - 1], all[at]];
    assert.ok(boundary.startsWith(separator) && before < separator, `"${separator}" separates "${before}" and "${boundary}"`);
    let common = 0;
    while (common < before.length && before[common] === boundary[common]) common++;
    const fresh = await Engine.load(engine.base.href, readFile);
    for (const prefix of [boundary.slice(0, Math.max(1, common)), boundary]) {
      const found = (await fresh.words.withPrefix(prefix)).map(([w]) => w).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      assert.deepEqual(found, all.filter((w) => w.startsWith(prefix)), `words starting with "${prefix}"`);
    }
    assert.notEqual(await fresh.words.get(boundary), undefined, `${boundary} is found`);
    assert.notEqual(await fresh.words.get(before), undefined, `${before} is found`);
    // Typed as an unfinished word, the script completes it as the library does.
    const typed = boundary.slice(0, Math.max(fresh.a.minPrefix, common));
    compare(typed, library([typed])[0], await fresh.search({ query: typed, limit: 10 }));
  }
});
