// What a first query of each kind fetches from the index, in Node: per kind (the queries of
// `bench-search.mjs --kinds`, drawn from the site's word list, plus five two-letter prefixes),
// the gzip bytes (level 9) and the number of index files, each query on a freshly loaded
// engine (loading it, the manifest and facets, not counted). The same figures as that table's
// without a browser: quick enough to compare two builds.
//
//   node scripts/bench-kinds.mjs SITE [QUERIES_SITE]
//
// QUERIES_SITE draws the queries from another build's word list (the same catalogue built
// with an older format), so two builds are measured on the same queries.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { kindQueries } from './kind-queries.mjs';

const [site, querySite] = process.argv.slice(2);
if (!site) throw new Error('usage: node scripts/bench-kinds.mjs SITE [QUERIES_SITE]');
const engineFile = readdirSync(site).find((f) => /^search-engine\.[0-9a-f]+\.js$/.test(f));
const { Engine } = await import(pathToFileURL(join(site, engineFile)));
const manifest = readdirSync(join(site, 'search')).find((f) => /^manifest\.[0-9a-f]+\.json$/.test(f));
const kinds = { ...kindQueries(querySite ?? site), 'two letters': ['aa', 'be', 'ou', 'sa', 've'] };
console.log('| kind | index KiB (min–max) | files (min–max) | queries |');
console.log('| --- | ---: | ---: | --- |');
for (const [kind, queries] of Object.entries(kinds)) {
  const each = [];
  for (const query of queries) {
    let counting = false;
    let bytes = 0;
    let files = 0;
    const fetcher = async (url, type) => {
      const body = readFileSync(fileURLToPath(url));
      if (counting) {
        bytes += gzipSync(body, { level: 9 }).length;
        files++;
      }
      return type === 'bin' ? new Uint8Array(body) : JSON.parse(body);
    };
    const engine = await Engine.load(pathToFileURL(join(site, 'search', manifest)).href, fetcher);
    counting = true;
    await engine.search({ query });
    each.push({ kib: bytes / 1024, files });
  }
  const range = (xs, digits) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
  console.log(`| ${kind} | ${range(each.map((e) => e.kib), 1)} | ${range(each.map((e) => e.files), 0)} | ${queries.join(', ')} |`);
}
