// What a professional's first search costs in all, for every judged query: the home page's
// HTML and style, the scripts it loads (search.js, search-engine.js, shortlist.js, which every
// page loads, and stem-nl.js when the query has a word the catalogue lacks), the index's
// manifest and facet bits, and the index files the query itself fetches. Gzip level 9, as bench-search.mjs's server sends them.
//
// The engine runs in Node on the built site with a counting fetcher (as the parity test runs
// it), one fresh engine per query, so every query is a first search. Per judged set it prints
// the mean, median, 90th percentile and largest total, and how many queries stay within 40 KB
// (issue #15's target for the shipped catalogue), with the parts of the most expensive one.
//
//   node scripts/bench-first-search.mjs [SITE]
//
// Without SITE it builds the shipped catalogue with the release binary (target/release); it
// never runs cargo.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { judgedQueries } from './bench-support.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SETS = ['tests/relevance/queries.toml', 'tests/relevance/blind.toml'];
const TARGET = 40_000;

let site = process.argv[2];
if (!site) {
  const work = mkdtempSync(join(tmpdir(), 'bench-first-search-'));
  process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  site = join(work, 'site');
  execFileSync(join(ROOT, 'target/release/methodewijzer'), ['build', '--out', site], { cwd: ROOT, stdio: 'ignore' });
}

const sizes = new Map();
const gzipped = (path) => {
  if (!sizes.has(path)) sizes.set(path, gzipSync(readFileSync(path), { level: 9 }).length);
  return sizes.get(path);
};
const top = readdirSync(site);
const asset = (stem, ext) => {
  const name = top.find((f) => new RegExp(`^${stem}\\.[0-9a-f]+\\.${ext}$`).test(f));
  if (!name) throw new Error(`${site} has no ${stem}.<hash>.${ext}`);
  return join(site, name);
};
const page = gzipped(join(site, 'index.html')) + gzipped(asset('style', 'css'));
const scripts = ['search', 'search-engine', 'shortlist'].map((s) => gzipped(asset(s, 'js'))).reduce((a, b) => a + b);
// The stemmer is loaded only for a word the catalogue lacks (search-engine.js, `stem`).
const stemmer = gzipped(asset('stem-nl', 'js'));
const { Engine } = await import(pathToFileURL(asset('search-engine', 'js')));
const manifest = readdirSync(join(site, 'search')).find((f) => /^manifest\.[0-9a-f]+\.json$/.test(f));

const judged = (file) => judgedQueries(basename(file, '.toml'));

async function firstSearch(query) {
  let bytes = 0;
  let files = 0;
  const fetcher = async (url, kind) => {
    const path = fileURLToPath(url);
    bytes += gzipped(path);
    files += 1;
    const body = readFileSync(path);
    return kind === 'bin' ? new Uint8Array(body) : JSON.parse(body);
  };
  const engine = await Engine.load(pathToFileURL(join(site, 'search', manifest)).href, fetcher);
  const load = bytes;
  [bytes, files] = [0, 0];
  const results = await engine.search({ query });
  const stemmed = engine.stemmer !== null ? stemmer : 0;
  const before = { bytes, files };
  // After the first result: the recognisable situations the page fetches for the results shown.
  [bytes, files] = [0, 0];
  await engine.situations(results);
  const situations = bytes;
  [bytes, files] = [before.bytes, before.files];
  return { query, load, bytes, files, stemmed, situations, total: page + scripts + stemmed + load + bytes };
}

const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
console.log(`Home page and style ${kb(page)}, scripts ${kb(scripts)}, the stemmer ${kb(stemmer)} when a word is unknown (gzip 9).\n`);
console.log('| set | queries | mean | median | 90th percentile | largest | within 40 KB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const worst = [];
const after = [];
for (const file of SETS) {
  const runs = [];
  for (const query of judged(file)) runs.push(await firstSearch(query));
  runs.sort((a, b) => a.total - b.total);
  const at = (share) => runs[Math.min(runs.length - 1, Math.floor(runs.length * share))].total;
  const mean = runs.reduce((s, r) => s + r.total, 0) / runs.length;
  const within = runs.filter((r) => r.total <= TARGET).length;
  console.log(`| ${file.replace(/.*\//, '')} | ${runs.length} | ${kb(mean)} | ${kb(at(0.5))} | ${kb(at(0.9))} | ${kb(runs.at(-1).total)} | ${within} (${Math.round((100 * within) / runs.length)} %) |`);
  worst.push(runs.at(-1));
  after.push([file, runs.reduce((s, r) => s + r.situations, 0) / runs.length, Math.max(...runs.map((r) => r.situations))]);
}
for (const [file, mean, most] of after) {
  console.log(`\nAfter the first result, ${file.replace(/.*\//, '')}: the situations of the ten results shown, mean ${kb(mean)}, largest ${kb(most)}.`);
}
for (const w of worst) {
  console.log(`\nLargest: "${w.query}": page and style ${kb(page)}, scripts ${kb(scripts + w.stemmed)}, manifest ${kb(w.load)}, query ${kb(w.bytes)} in ${w.files} files.`);
}
