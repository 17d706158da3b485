// The queries of the per-kind tables (`bench-search.mjs --kinds`, `bench-kinds.mjs`).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Five queries per kind, drawn from the site's own word list (deterministically: every n-th of
// a sorted selection), so both systems get the same queries.
export function kindQueries(site) {
  const dir = join(site, 'search');
  const manifest = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith('manifest.'))), 'utf8'));
  const df = new Map();
  // The word list is paged (format 7): files words-pages-P and words-N, named with the
  // index's generation; every shard is read here.
  const named = (stem) => join(dir, `${stem}.${manifest.generation}.json`);
  let shards = 0;
  manifest.words.forEach((_, p) => { shards += JSON.parse(readFileSync(named(`words-pages-${p}`), 'utf8')).length; });
  for (let n = 0; n < shards; n++) {
    for (const [w, e] of Object.entries(JSON.parse(readFileSync(named(`words-${n}`), 'utf8')))) df.set(w, Array.isArray(e) ? e[0] : e);
  }
  const plain = [...df.keys()].filter((w) => /^[a-z]+$/.test(w)).sort();
  const every = (xs, n = 5) => Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
  const mid = plain.filter((w) => df.get(w) >= 20 && df.get(w) <= 200 && w.length >= 6 && w.length <= 10);
  const long = plain.filter((w) => df.get(w) >= 5 && w.length >= 10);
  const typo = (w, i) => (i % 2 ? w.slice(0, 2) + w.slice(3, -2) + w.at(-1) + w.at(-2) : w.slice(0, 3) + w[4] + w[3] + w.slice(5));
  return {
    'rare word': every(plain.filter((w) => df.get(w) <= 2 && w.length >= 8)),
    'common word': [...plain].filter((w) => w.length >= 5).sort((a, b) => df.get(b) - df.get(a)).slice(0, 5),
    typo: every(long).map(typo).filter((t) => !df.has(t)),
    'unknown compound': every(mid, 10).reduce((out, w, i, xs) => (i % 2 ? [...out, xs[i - 1] + w] : out), []).filter((c) => !df.has(c)),
    'three words': every(mid, 15).reduce((out, w, i, xs) => (i % 3 === 2 ? [...out, `${xs[i - 2]} ${xs[i - 1]} ${w}`] : out), []),
    'unfinished word': every(mid).map((w) => w.slice(0, 5)),
  };
}
