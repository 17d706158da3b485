// Keystroke latency as the number of round trips in sequence decides it: the browser engine
// in Node, on a built site, with a fetcher that waits a fixed time before each file (a model
// of a network round trip, without HTTP/1.1's six connections per host or a browser's own
// costs). Every prefix of every judged query is searched in turn on one engine, as a visitor
// types them, so a keystroke pays only for the files it is the first to need. A keystroke
// that needs files in three rounds takes three delays plus its computing.
//
//   node scripts/bench-rounds.mjs SITE [DELAY_MS=5] [QUERIES=all]
//
// Prints the percentiles of the time per keystroke. Delay 0 gives the engine's own time with
// files read from disk and parsed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { judgedQueries } from './bench-support.mjs';

const [site, delayArg = '5', limitArg] = process.argv.slice(2);
if (!site) throw new Error('usage: node scripts/bench-rounds.mjs SITE [DELAY_MS] [QUERIES]');
const delay = Number(delayArg);
const engineFile = readdirSync(site).find((f) => /^search-engine\.[0-9a-f]+\.js$/.test(f));
const { Engine } = await import(pathToFileURL(join(site, engineFile)));
const manifest = readdirSync(join(site, 'search')).find((f) => /^manifest\.[0-9a-f]+\.json$/.test(f));
const fetcher = async (url, kind) => {
  const body = readFileSync(fileURLToPath(url));
  await new Promise((done) => setTimeout(done, delay));
  return kind === 'bin' ? new Uint8Array(body) : JSON.parse(body);
};
const queries = judgedQueries().slice(0, limitArg ? Number(limitArg) : undefined);
const engine = await Engine.load(pathToFileURL(join(site, 'search', manifest)).href, fetcher);
const times = [];
for (const query of queries) {
  for (let i = 1; i <= query.length; i++) {
    const start = performance.now();
    await engine.search({ query: query.slice(0, i) });
    times.push(performance.now() - start);
  }
}
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
const mean = (times.reduce((a, b) => a + b, 0) / times.length).toFixed(2);
console.log(`${times.length} keystrokes, ${delay} ms a file: p50 ${at(50)}, p90 ${at(90)}, p95 ${at(95)}, p99 ${at(99)} ms, mean ${mean} ms`);
