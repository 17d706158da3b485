// Typing in Chromium, two or more builds interleaved: every prefix of every STEP-th training
// query, typed in turn on one page per build and round (a fresh browser context, so the
// first keystrokes of each word fetch their files), timed in the page around the awaited
// search. The builds are served side by side by local servers that gzip every response
// (level 9) over HTTP/1.1 (`bench-support.mjs`, as for bench-search.mjs), and measured in turn, ROUNDS times, so
// that the machine's drift falls on all of them alike. Prints each round's and each build's
// p50, p95 and p99 per keystroke.
//
//   node scripts/bench-typing.mjs ROUNDS STEP SITE…
//
// Its npm dependencies are bench-search.mjs's (scripts/bench-search, `npm ci` when missing).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgedQueries, serve } from './bench-support.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEPS = join(ROOT, 'scripts/bench-search');
const [rounds, step, ...sites] = process.argv.slice(2);
if (!sites.length) throw new Error('usage: node scripts/bench-typing.mjs ROUNDS STEP SITE…');
if (!existsSync(join(DEPS, 'node_modules'))) execFileSync('npm', ['ci', '--prefix', DEPS], { stdio: 'inherit' });
const { chromium } = createRequire(join(DEPS, 'package.json'))('playwright-core');

const queries = judgedQueries().filter((_, i) => i % Number(step) === 0);
const at = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2);
};
const line = (times) => `p50 ${at(times, 50)}, p95 ${at(times, 95)}, p99 ${at(times, 99)} ms (${times.length} keystrokes)`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const served = await Promise.all(sites.map(serve));
const all = sites.map(() => []);
for (let round = 0; round < Number(rounds); round++) {
  for (const [k, site] of sites.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(served[k].url, { waitUntil: 'networkidle' });
    const engineFile = readdirSync(site).find((f) => /^search-engine\.[0-9a-f]+\.js$/.test(f));
    await page.evaluate(async (engineUrl) => {
      const manifest = new URL(document.querySelector('[data-search]').dataset.index, location.href).href;
      const { Engine } = await import(new URL(engineUrl, location.href).href);
      const engine = await Engine.load(manifest);
      window.__search = (query) => engine.search({ query, filters: {}, limit: 10 });
    }, engineFile);
    const times = [];
    for (const query of queries) {
      times.push(...(await page.evaluate(async (text) => {
        const out = [];
        for (let i = 1; i <= text.length; i++) {
          const start = performance.now();
          await window.__search(text.slice(0, i));
          out.push(performance.now() - start);
        }
        return out;
      }, query)));
    }
    all[k].push(...times);
    console.log(`round ${round + 1}, ${site}: ${line(times)}`);
    await context.close();
  }
}
for (const [k, site] of sites.entries()) console.log(`all rounds, ${site}: ${line(all[k])}`);
await browser.close();
for (const { server } of served) server.close();
