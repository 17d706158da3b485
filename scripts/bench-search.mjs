#!/usr/bin/env node
// Compares three browser search systems on the same built Methodewijzer site and prints one
// Markdown table:
//   - Methodewijzer's own engine (search-engine.<hash>.js at the site's root, with the manifest
//     named by the home page's [data-search] data-index), "not built" when the site has none;
//   - Pagefind, indexing the method pages (methoden/*/index.html, root article.method);
//   - MiniSearch, an index over every field of data/methods.json, serialized to JSON.
// Per system and catalogue (the shipped one; with --synthetic N also N synthetic methods):
//   - bytes before the first result: the site is served by a local Node server that gzips
//     every response (level 9) and counts the gzipped body bytes. In Chromium the home page is
//     opened and everything it and the system then fetch is counted (the home page's own HTML
//     and CSS excepted) up to the first one-word search, with the top 10 shown with title and
//     summary (for Pagefind: its script, wasm, metadata, index chunks and the 10 fragments).
//     For Pagefind and MiniSearch the site's own search files are blocked, so they do not count.
//     A second column adds the home page's HTML and style, as issue #15 counts.
//   - latency per keystroke after load: every prefix of every judged query (every 4th query on a
//     synthetic catalogue), one search call per typed character, timed in the page with
//     performance.now() around the awaited call (p50, p95);
//   - nDCG@10 and MRR over tests/relevance/queries.toml, as crates/methodewijzer/src/relevance.rs
//     defines them (shipped catalogue only; the synthetic one has no judgments).
//
// With --kinds (and --synthetic N; --zipf draws its words as real text does, about 25,000
// distinct words): a table per kind of query (rare word, common word, typo, unknown compound,
// three words, unfinished word), five queries each, for this site and Pagefind: the gzip bytes
// and number of the index files the query itself fetches on a freshly loaded engine (loading
// it, counted once beside the table, excluded), and its cold (first) and warm (repeated) time.
//
//   node scripts/bench-search.mjs [--synthetic 10000] [--zipf] [--by-kind] [--kinds]
//
// Its npm dependencies live in scripts/bench-search (installed with `npm ci` when missing).
// It only uses the release binaries in target/release; it never runs cargo.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from './bench-support.mjs';
import { kindQueries } from './kind-queries.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEPS = join(ROOT, 'scripts/bench-search');
const args = process.argv.slice(2);
const synthetic = args.includes('--synthetic') ? Number(args[args.indexOf('--synthetic') + 1] || 10000) : 0;
const byKind = args.includes('--by-kind');
const zipf = args.includes('--zipf');
const kindsTable = args.includes('--kinds');

if (!existsSync(join(DEPS, 'node_modules'))) execFileSync('npm', ['ci', '--prefix', DEPS], { stdio: 'inherit' });
const require = createRequire(join(DEPS, 'package.json'));
const { chromium } = require('playwright-core');
const MiniSearch = require('minisearch');
const { parse: parseToml } = require('smol-toml');
const pagefind = await import(pathToFileURL(join(DEPS, 'node_modules/pagefind/lib/index.js')));

// ── relevance, exactly as crates/methodewijzer/src/relevance.rs ───────────────────────────────
const gain = (grade) => 2 ** grade - 1;
const discount = (i) => 1 / Math.log2(i + 2);
function ndcgAt(k, ranking, judgments) {
  const dcg = ranking.slice(0, k).reduce((s, slug, i) => s + gain(judgments[slug] ?? 0) * discount(i), 0);
  const ideal = Object.values(judgments).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + gain(g) * discount(i), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}
function reciprocalRank(ranking, judgments) {
  const i = ranking.findIndex((slug) => (judgments[slug] ?? 0) >= 2);
  return i < 0 ? 0 : 1 / (i + 1);
}
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

const queries = parseToml(readFileSync(join(ROOT, 'tests/relevance/queries.toml'), 'utf8')).query;

// ── the systems: one adapter each ──────────────────────────────────────────────────────────────
// prepare(site) runs in Node (builds its index into the site; returns a reason to skip, or
// nothing, and may set `arg` for open); `own` lists the URL prefixes it may fetch (null: all
// the site fetches); open(arg) runs in the page and defines
// window.__search(query) → top 10 as [{slug, title, summary}].
const STOPWORDS = ['de', 'het', 'een', 'en', 'van', 'in', 'op', 'voor', 'met', 'te', 'is', 'die', 'dat', 'aan', 'om', 'bij', 'of', 'als', 'zijn', 'er', 'door', 'naar', 'ook', 'wordt', 'worden', 'hun', 'zij', 'hij', 'ze', 'niet', 'dit', 'tot', 'uit'];
// The MiniSearch options as a module, imported both by this script (to index) and by the page.
const MINISEARCH_OPTIONS = `
const stop = new Set(${JSON.stringify(STOPWORDS)});
const fold = (t) => t.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase();
export const options = {
  idField: 'slug',
  fields: ['name', 'aliases', 'summary', 'labels', 'problem', 'aim', 'indications', 'approach', 'elements', 'rest'],
  storeFields: ['name', 'summary'],
  processTerm: (term) => { const t = fold(term); return stop.has(t) ? null : t; },
  searchOptions: {
    boost: { name: 4, aliases: 3, summary: 2, labels: 1.5, problem: 1.5, aim: 1.5, indications: 1.2, approach: 1, elements: 1, rest: 0.5 },
    prefix: true,
    fuzzy: 0.2,
  },
};`;

const methodewijzer = {
  name: 'Methodewijzer',
  own: null, // everything the site fetches counts
  prepare(site) {
    // Scripts are named by their content (search-engine.<hash>.js).
    this.arg = existsSync(site) ? readdirSync(site).find((f) => /^search-engine\.[0-9a-f]+\.js$/.test(f)) : undefined;
    return this.arg ? null : 'not built';
  },
  open: async (engineUrl) => {
    const manifest = new URL(document.querySelector('[data-search]').dataset.index, location.href).href;
    const { Engine } = await import(new URL(engineUrl, location.href).href);
    const engine = await Engine.load(manifest);
    window.__search = async (query) => {
      const { hits } = await engine.search({ query, filters: {}, limit: 10 });
      return hits.map((h) => ({ slug: h.slug, title: h.name, summary: h.summary ?? h.snippet ?? '' }));
    };
  },
};

const pagefindAdapter = {
  name: 'Pagefind',
  own: ['/pagefind/'],
  async prepare(site) {
    const { index, errors } = await pagefind.createIndex({ rootSelector: 'article.method', forceLanguage: 'nl' });
    if (errors.length) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: site, glob: 'methoden/*/index.html' });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    await index.writeFiles({ outputPath: join(site, 'pagefind') });
    await pagefind.close();
  },
  open: async () => {
    const pf = await import(new URL('pagefind/pagefind.js', location.href).href);
    await pf.init();
    window.__search = async (query) => {
      const { results } = await pf.search(query);
      const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
      return data.map((d) => ({ slug: d.url.match(/methoden\/([^/]+)\//)?.[1], title: d.meta.title, summary: d.excerpt }));
    };
  },
};

const minisearchAdapter = {
  name: 'MiniSearch',
  own: ['/minisearch/'],
  async prepare(site) {
    const dir = join(site, 'minisearch');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(DEPS, 'node_modules/minisearch/dist/es/index.js'), join(dir, 'minisearch.js'));
    writeFileSync(join(dir, 'options.js'), MINISEARCH_OPTIONS);
    const { options } = await import(pathToFileURL(join(dir, 'options.js')));
    const catalogue = JSON.parse(readFileSync(join(site, 'data/methods.json'), 'utf8'));
    const label = Object.fromEntries(Object.values(catalogue.vocabularies).flat().map((t) => [t.id, t.label]));
    const text = (v) => (v == null ? '' : typeof v === 'object' ? Object.values(v).map(text).join(' ') : String(v));
    const main = ['slug', 'name', 'aliases', 'summary', 'themes', 'target_groups', 'laws', 'settings', 'problem', 'aim', 'indications', 'approach', 'effective_elements'];
    const ms = new MiniSearch(options);
    ms.addAll(catalogue.methods.map((m) => ({
      slug: m.slug, name: m.name, summary: m.summary, problem: text(m.problem), aim: text(m.aim),
      aliases: text(m.aliases), indications: text(m.indications), approach: text(m.approach), elements: text(m.effective_elements),
      labels: [...(m.themes ?? []), ...(m.target_groups ?? []), ...(m.laws ?? []), ...(m.settings ?? [])].map((id) => label[id] ?? id).join(' '),
      rest: Object.entries(m).filter(([k]) => !main.includes(k)).map(([, v]) => text(v)).join(' '),
    })));
    writeFileSync(join(dir, 'index.json'), JSON.stringify(ms));
  },
  open: async () => {
    const [{ default: MiniSearch }, { options }] = await Promise.all([
      import(new URL('minisearch/minisearch.js', location.href).href),
      import(new URL('minisearch/options.js', location.href).href),
    ]);
    const json = await (await fetch(new URL('minisearch/index.json', location.href))).text();
    const ms = await MiniSearch.loadJSONAsync(json, options);
    window.__search = async (query) =>
      ms.search(query).slice(0, 10).map((r) => ({ slug: r.id, title: r.name, summary: r.summary }));
  },
};

const SYSTEMS = [methodewijzer, pagefindAdapter, minisearchAdapter];

// ── building the sites ────────────────────────────────────────────────────────────────────────
const work = mkdtempSync(join(tmpdir(), 'bench-search-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const bin = join(ROOT, 'target/release/methodewijzer');
function buildSite(name, catalogue) {
  const out = join(work, name);
  const flags = catalogue ? ['--catalogue', catalogue] : [];
  // Synthetic catalogues print a warning per method: keep only the tail, for a failed build.
  try {
    execFileSync(bin, ['build', ...flags, '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  } catch (e) {
    // No { cause: e }: its message holds the whole stderr, which this keeps to the tail on purpose.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`methodewijzer build failed:\n${String(e.stderr).slice(-3000)}`);
  }
  return out;
}

// ── one system on one site ────────────────────────────────────────────────────────────────────
const BASE_PAGE = { has: (path) => ['/index.html', '/favicon.ico'].includes(path) || /^\/style\.[0-9a-f]+\.css$/.test(path) };
async function measure(browser, site, system, judged) {
  const t0 = performance.now();
  const skip = await system.prepare(site);
  if (skip) return { skip };
  const indexSeconds = (performance.now() - t0) / 1000;
  const { server, log, url } = await serve(site);
  const context = await browser.newContext();
  const page = await context.newPage();
  if (system.own) {
    // Only the home page itself and this system's own files: the site's own search stays out.
    await page.route('**/*', (route) => {
      const path = new URL(route.request().url()).pathname.replace(/\/$/, '/index.html');
      return BASE_PAGE.has(path) || system.own.some((p) => path.startsWith(p)) ? route.continue() : route.abort();
    });
  }
  await page.goto(url, { waitUntil: 'networkidle' });
  const firstWord = queries[0].text.split(/\s+/)[0];
  const firstStart = performance.now();
  await page.evaluate(system.open, system.arg ?? null);
  const first = await page.evaluate((q) => window.__search(q), firstWord);
  const firstMs = performance.now() - firstStart;
  const counted = log.filter((r) => !BASE_PAGE.has(r.path));
  if (process.env.BENCH_VERBOSE) {
    console.error(`  crossOriginIsolated: ${await page.evaluate(() => crossOriginIsolated)}`);
    console.error(counted.map((r) => `  ${r.path} ${r.bytes}`).join('\n'));
    console.error(first.slice(0, 3).map((h) => `  → ${h.slug} | ${h.title} | ${h.summary.slice(0, 100)}`).join('\n'));
  }
  if (!first.length || first.some((h) => !h.slug || !h.title)) console.error(`${system.name}: odd first result for "${firstWord}":`, first.slice(0, 3));

  // On a synthetic catalogue a keystroke can take a second (Pagefind): every 4th query there.
  const typed = judged ? queries : queries.filter((_, i) => i % 4 === 0);
  // Twice: the first pass fetches whatever each keystroke needs (cold), the second finds
  // it loaded (warm). A whole-index system loads everything before its first result.
  const pass = async () => {
    const times = [];
    for (const q of typed) {
      times.push(...(await page.evaluate(async (text) => {
        const out = [];
        for (let i = 1; i <= text.length; i++) {
          const t = performance.now();
          await window.__search(text.slice(0, i));
          out.push(performance.now() - t);
        }
        return out;
      }, q.text)));
    }
    return times;
  };
  const times = await pass();
  const warm = await pass();
  const result = {
    indexSeconds, firstMs,
    bytes: counted.reduce((s, r) => s + r.bytes, 0), requests: counted.length,
    page: log.filter((r) => BASE_PAGE.has(r.path) && r.path !== '/favicon.ico').reduce((s, r) => s + r.bytes, 0),
    p50: percentile(times, 50), p95: percentile(times, 95), warmP95: percentile(warm, 95),
  };
  if (judged) {
    const scores = [];
    for (const q of queries) {
      const ranking = (await page.evaluate((text) => window.__search(text), q.text)).map((h) => h.slug);
      scores.push({ kind: q.kind, ndcg: ndcgAt(10, ranking, q.judgments), rr: reciprocalRank(ranking, q.judgments) });
    }
    result.scores = scores;
    result.ndcg = mean(scores.map((s) => s.ndcg));
    result.mrr = mean(scores.map((s) => s.rr));
  }
  await context.close();
  server.close();
  return result;
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────
// --kinds measures the per-kind table alone (the whole table at 10,000 methods takes long).
const catalogues = kindsTable ? [] : [{ label: 'shipped', site: buildSite('shipped'), judged: true }];
if (synthetic) {
  const dir = join(work, 'synthetic-catalogue');
  execFileSync(join(ROOT, 'target/release/examples/synthetic'), [String(synthetic), dir, ...(zipf ? ['zipf'] : [])], { stdio: 'ignore' });
  catalogues.push({ label: `synthetic ${synthetic}${zipf ? ' zipf' : ''}`, site: buildSite('synthetic', dir), judged: false });
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
for (const c of kindsTable ? [] : catalogues) {
  const methods = JSON.parse(readFileSync(join(c.site, 'data/methods.json'), 'utf8')).methods.length;
  for (const system of SYSTEMS) {
    console.error(`${c.label}: ${system.name}…`);
    rows.push({ catalogue: `${c.label} (${methods})`, system: system.name, ...(await measure(browser, c.site, system, c.judged)) });
  }
}
if (kindsTable && synthetic) {
  await pagefindAdapter.prepare(catalogues.at(-1).site);
  await perKind(browser, catalogues.at(-1));
}
await browser.close();

const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const ms = (x) => x.toFixed(2);
console.log(`First search: "${queries[0].text.split(/\s+/)[0]}". Keystroke latency: every prefix of the ${queries.length} judged queries (of every 4th on a synthetic catalogue); relevance over the same ${queries.length} queries.\n`);
console.log('| catalogue | system | bytes before first result (gzip) | with page and style | requests | first result ms | keystroke p50 ms | keystroke p95 ms | warm p95 ms | nDCG@10 | MRR | own index build s |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  if (r.skip) { console.log(`| ${r.catalogue} | ${r.system} | ${r.skip} |${' |'.repeat(9)}`); continue; }
  const rel = r.scores ? [r.ndcg.toFixed(3), r.mrr.toFixed(3)] : ['—', '—'];
  console.log(`| ${r.catalogue} | ${r.system} | ${kb(r.bytes)} | ${kb(r.bytes + r.page)} | ${r.requests} | ${r.firstMs.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.warmP95)} | ${rel.join(' | ')} | ${r.system === 'Methodewijzer' ? 'in site build' : r.indexSeconds.toFixed(1)} |`);
}
if (byKind) {
  const scored = rows.filter((r) => r.scores);
  const kinds = [...new Set(queries.map((q) => q.kind))].sort();
  console.log(`\n| kind | n | ${scored.map((r) => `${r.system} nDCG@10 / MRR`).join(' | ')} |`);
  console.log(`| --- | ---: |${scored.map(() => ' ---: |').join('')}`);
  for (const k of kinds) {
    const cells = scored.map((r) => { const s = r.scores.filter((x) => x.kind === k); return `${mean(s.map((x) => x.ndcg)).toFixed(3)} / ${mean(s.map((x) => x.rr)).toFixed(3)}`; });
    console.log(`| ${k} | ${queries.filter((q) => q.kind === k).length} | ${cells.join(' | ')} |`);
  }
}

// ── per kind of query, on the synthetic catalogue ─────────────────────────────────────────────
async function perKind(browser, { site, label }) {
  const kinds = kindQueries(site);
  const systems = [
    { ...methodewijzer, prefix: '/search/' },
    { ...pagefindAdapter, prefix: '/pagefind/', prepare: () => null }, // indexed by the main table
  ];
  const rows = [];
  const loads = [];
  for (const system of systems) {
    methodewijzer.prepare(site);
    const { server, log, url } = await serve(site);
    for (const [kind, queries] of Object.entries(kinds)) {
      const each = [];
      for (const query of queries) {
        const context = await browser.newContext();
        const page = await context.newPage();
        if (system.own) await page.route('**/*', (route) => (system.own.some((p) => new URL(route.request().url()).pathname.startsWith(p)) || BASE_PAGE.has(new URL(route.request().url()).pathname.replace(/\/$/, '/index.html')) ? route.continue() : route.abort()));
        await page.goto(url, { waitUntil: 'networkidle' });
        const before = log.length;
        await page.evaluate(system.open, methodewijzer.arg);
        const loaded = log.length;
        const time = (q) => page.evaluate(async (text) => { const t = performance.now(); await window.__search(text); return performance.now() - t; }, q);
        const cold = await time(query);
        const files = log.slice(loaded).filter((r) => r.path.startsWith(system.prefix));
        const warm = await time(query);
        loads.push({ system: system.name, bytes: log.slice(before, loaded).reduce((t, r) => t + r.bytes, 0), files: loaded - before });
        each.push({ bytes: files.reduce((t, r) => t + r.bytes, 0), files: files.length, cold, warm });
        await context.close();
      }
      rows.push({ system: system.name, kind, queries, each });
    }
    server.close();
  }
  const kb = (b) => `${(b / 1024).toFixed(1)}`;
  const range = (xs, f) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
  console.log(`\n${label}, per kind of query (five each; index files the query fetches after the engine is loaded; gzip):\n`);
  console.log('| kind | system | index KiB (min–max) | files (min–max) | cold ms (median, max) | warm ms (median, max) | queries |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const c = r.each.map((e) => e.cold);
    const w = r.each.map((e) => e.warm);
    console.log(`| ${r.kind} | ${r.system} | ${range(r.each.map((e) => e.bytes), kb)} | ${range(r.each.map((e) => e.files), String)} | ${percentile(c, 50).toFixed(1)}, ${Math.max(...c).toFixed(1)} | ${percentile(w, 50).toFixed(2)}, ${Math.max(...w).toFixed(2)} | ${r.queries.join(', ')} |`);
  }
  for (const system of systems) {
    const l = loads.filter((x) => x.system === system.name);
    console.log(`\nLoading ${system.name} (counted once, before the first query): ${kb(mean(l.map((x) => x.bytes)))} KiB in ${Math.round(mean(l.map((x) => x.files)))} files.`);
  }
}
