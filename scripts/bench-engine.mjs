// The search script's own time per search, without a browser or a page: the engine
// (`search-engine.js` of a built site) runs in Node on the site's index, read from disk, and
// each query is searched 5 times to warm it (every file fetched, the code compiled), then
// 20 times timed. Prints the median and the fastest per query. What a keystroke costs once
// the files it needs are loaded, apart from drawing the results (bench-search.mjs times both,
// in Chromium).
//
//   node scripts/bench-engine.mjs SITE QUERY...
//
// Example, at 10,000 methods:
//   target/release/examples/synthetic 10000 /tmp/syn zipf
//   target/release/methodewijzer build --catalogue /tmp/syn --out /tmp/syn-site
//   node scripts/bench-engine.mjs /tmp/syn-site aanpak aanpa samen
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) {
  console.error('usage: node scripts/bench-engine.mjs SITE QUERY...');
  process.exit(2);
}
const script = readdirSync(site).find((f) => /^search-engine\.[0-9a-f]+\.js$/.test(f));
const { Engine } = await import(pathToFileURL(join(site, script)));
const manifest = readdirSync(join(site, 'search')).find((f) => /^manifest\.[0-9a-f]+\.json$/.test(f));
const fetcher = async (url, kind) => {
  const body = readFileSync(fileURLToPath(url));
  return kind === 'bin' ? new Uint8Array(body) : JSON.parse(body);
};
const engine = await Engine.load(pathToFileURL(join(site, 'search', manifest)).href, fetcher);
for (let round = 0; round < 5; round++) for (const query of queries) await engine.search({ query });
console.log('| query | median ms | fastest ms |');
console.log('| --- | ---: | ---: |');
for (const query of queries) {
  const times = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await engine.search({ query });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${query} | ${times[10].toFixed(2)} | ${times[0].toFixed(2)} |`);
}
