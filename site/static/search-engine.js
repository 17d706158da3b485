// Methodewijzer search engine: the library's query (crates/methodewijzer/src/search) run in
// the browser on the index `methodewijzer build` exports to search/. Words are analysed by
// the catalogue's own vocabulary map; scores are the library's BM25 impacts, so the ranking
// is the library's (tests/browser/parity.test.mjs checks it). No dependencies, no DOM.
// Every number that decides how a query is read comes from the manifest (`analysis`,
// `weights`; see crates/methodewijzer/src/search/manifest.rs). The two fold tables below
// mirror the library's folding: NAME_FOLDS is `text::fold_char` (a unit test there compares
// the two), SPECIAL_FOLDS the letters tantivy's ASCII folding maps that Unicode decomposition
// does not (tests/browser/parity.test.mjs analyses every catalogue word both ways).
// This file is long because it is one mirror of one library: reading a query (`parse`),
// scoring and counting (`search`) and the index's file sets sit together so that a reviewer
// can hold them against query.rs, results.rs and browser.rs side by side.

const SPECIAL_FOLDS = { ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i' };
const NAME_FOLDS = { à: 'a', á: 'a', â: 'a', ä: 'a', ã: 'a', å: 'a', è: 'e', é: 'e', ê: 'e', ë: 'e', ì: 'i', í: 'i', î: 'i', ï: 'i', ò: 'o', ó: 'o', ô: 'o', ö: 'o', õ: 'o', ù: 'u', ú: 'u', û: 'u', ü: 'u', ç: 'c', ñ: 'n', ĳ: 'ij' };
const encoder = new TextEncoder();

/** Folds a lower-cased word to ASCII where it can (cliënt → client), as tantivy does. */
export function fold(word) {
  // eslint-disable-next-line no-control-regex -- the range \x00-\x7f is ASCII on purpose: such words need no folding
  if (/^[\x00-\x7f]*$/.test(word)) return word;
  return word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[ßæÆøØœŒłŁđĐðÐþÞı]/g, (c) => SPECIAL_FOLDS[c]);
}

/** How many bits of `x` are set: typed words are bits (`Clause::words` in the library). */
const bitCount = (x) => { let c = 0; for (; x; x >>>= 1) c += x & 1; return c; };

/**
 * The words of `found` (a result's `words`) that a word of a text shows as found: the same
 * word, or a longer form of one of at least four letters (gezin → gezinnen). What
 * `highlight` marks and what a situation covers.
 */
function foundIn(word, found) {
  return found.filter((f) => f === word || (f.length >= 4 && word.startsWith(f.slice(0, Math.max(4, f.length - 2)))));
}

/**
 * The words of `text` as the library splits them: folded, stop words dropped, with positions;
 * words of `maxWordBytes` UTF-8 bytes or more are skipped (the manifest's analysis).
 */
export function words(text, stopWords, maxWordBytes) {
  const out = [];
  let position = 0;
  for (const match of text.matchAll(/[\p{Alphabetic}\p{N}]+/gu)) {
    const raw = match[0];
    const here = position++;
    if (encoder.encode(raw).length >= maxWordBytes) continue;
    const word = fold(raw.toLowerCase());
    if (stopWords.has(word)) continue;
    out.push({ text: word, position: here, start: match.index, end: match.index + raw.length });
  }
  return out;
}

/** Relevance order: the higher score first, ties to the lower document number (by name). */
const byScoreOf = (score) => (a, b) => score[a] > score[b] || (score[a] === score[b] && a < b);

/**
 * The first `want` of `list` in the order `before`: a partial selection, not a sort of every
 * match.
 */
function firstOf(list, want, before) {
  const top = [];
  if (want <= 0) return top;
  for (const d of list) {
    if (top.length === want && !before(d, top[want - 1])) continue;
    let i = top.length === want ? want - 1 : top.length;
    while (i > 0 && before(d, top[i - 1])) { top[i] = top[i - 1]; i--; }
    top[i] = d;
  }
  return top;
}

/** A method name as compared for the exact-name bonus (the library's `comparable`). */
export function comparable(text) {
  let out = '';
  for (const c of text) {
    const lower = c.toLowerCase();
    const folded = NAME_FOLDS[lower] ?? (c.length === 1 && /[A-Za-z0-9]/.test(c) ? c : '');
    out += folded.toLowerCase();
  }
  return out;
}

/**
 * A slug made from a name, as the library's `text::slugify` (file names and addresses):
 * "Cliënt & Geïndiceerd" → `client-geindiceerd`. The proposal form names its file with it.
 */
export function slugify(name) {
  let slug = '';
  for (const c of name) {
    const lower = c.toLowerCase();
    const folded = NAME_FOLDS[lower] ?? (c.length === 1 && /[A-Za-z0-9]/.test(c) ? lower : '');
    if (folded) slug += folded;
    else if (slug && !slug.endsWith('-')) slug += '-';
  }
  return slug.replace(/-+$/, '');
}

/** Edit distance with adjacent transpositions counting one, or `max + 1` when beyond `max`. */
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The Snowball stem, with the library's guard against prefix stripping. */
function guard(word, stem, { guardHead, guardMaxPrefix }) {
  const chars = Array.from(stem);
  const head = chars.slice(0, guardHead).join('');
  if (word.startsWith(head)) return stem;
  const w = Array.from(word);
  for (let i = 1; i <= guardMaxPrefix && i < w.length; i++) {
    if (w.slice(i).join('').startsWith(head)) return w.slice(0, i).join('') + stem;
  }
  return word;
}

async function defaultFetch(url, kind) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return kind === 'bin' ? new Uint8Array(await response.arrayBuffer()) : response.json();
}

/**
 * `Engine.lexeme` of `word` from its word-list `entry` (undefined when it has none): the
 * frequency alone, or `[frequency, shard]` for a word that is its own only term, or
 * `[frequency, term, shard, …]`, with the thesaurus entries as a last element that is an
 * array. `shards` is each term's postings shard (format 9).
 */
function lexemeOf(word, entry) {
  if (entry === undefined) return undefined;
  if (!Array.isArray(entry)) return { df: entry, terms: [word], thesaurus: [], shards: [] };
  const terms = [];
  const shards = [];
  let thesaurus = [];
  for (const item of entry.slice(1)) {
    if (Array.isArray(item)) thesaurus = item;
    else if (typeof item === 'string') terms.push(item);
    else shards.push([terms.length ? terms[terms.length - 1] : word, item]);
  }
  return { df: entry[0], terms: terms.length ? terms : [word], thesaurus, shards };
}

/** The position in sorted `firsts` (shard separators) of the last one at or before `key` (0 before all). */
function locate(firsts, key) {
  let lo = 0;
  let hi = firsts.length - 1;
  if (hi < 0 || key < firsts[0]) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid] <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A sorted set of keys cut into files `KIND-N` (the library's `shard_set`); finds the file of
 * a key by binary search in the shards' separators (the shortest prefix of a shard's first key
 * after the shard before's last key; the library's `separator`). Shard numbers start at
 * `offset` (a page's).
 */
class ShardSet {
  constructor(engine, kind, firsts, offset = 0) {
    this.engine = engine;
    this.kind = kind;
    this.firsts = firsts;
    this.offset = offset;
    this.loaded = new Map();
    this.entries = new Map();
  }
  index(key) {
    return locate(this.firsts, key);
  }
  load(i) {
    if (!this.loaded.has(i)) {
      this.loaded.set(i, this.engine.file(this.engine.named(`${this.kind}-${this.offset + i}`)).then((data) => {
        for (const [k, v] of Object.entries(data)) this.entries.set(k, v);
      }));
    }
    return this.loaded.get(i);
  }
  async get(key) {
    if (this.firsts.length) await this.load(this.index(key));
    return this.entries.get(key);
  }
  /** Every entry: for tests and tools, never on a query's path (it reads every shard). */
  async all() {
    await Promise.all(this.firsts.map((_, i) => this.load(i)));
    return this.entries;
  }
  /** Entries whose key starts with `prefix`. */
  async withPrefix(prefix) {
    if (!this.firsts.length) return [];
    const from = this.index(prefix);
    const to = this.index(prefix + '\uffff');
    const loads = [];
    for (let i = from; i <= to; i++) loads.push(this.load(i));
    await Promise.all(loads);
    const out = [];
    for (const [k, v] of this.entries) if (k.startsWith(prefix)) out.push([k, v]);
    return out;
  }
}

/**
 * A shard set whose list of separators is itself cut into pages `KIND-pages-P` (the library's
 * `paged`): the manifest lists the pages' first separators, a lookup fetches the page it falls in and
 * then the shard.
 */
class PagedShardSet {
  constructor(engine, kind, firsts) {
    this.engine = engine;
    this.kind = kind;
    this.firsts = firsts;
    this.pages = new Map();
  }
  page(i) {
    if (!this.pages.has(i)) {
      const per = this.engine.m.shardsPerPage;
      this.pages.set(i, this.engine.file(this.engine.named(`${this.kind}-pages-${i}`)).then((firsts) => new ShardSet(this.engine, this.kind, firsts, i * per)));
    }
    return this.pages.get(i);
  }
  async get(key) {
    if (!this.firsts.length) return undefined;
    return (await this.page(locate(this.firsts, key))).get(key);
  }
  /** The entry of `key` in shard `n`, when something else has said which shard holds it. */
  async inShard(n, key) {
    const shard = await this.engine.file(this.engine.named(`${this.kind}-${n}`));
    return Object.hasOwn(shard, key) ? shard[key] : undefined;
  }
  /** Entries whose key starts with `prefix`, from the pages their shards are listed in. */
  async withPrefix(prefix) {
    if (!this.firsts.length) return [];
    const pages = [];
    for (let i = locate(this.firsts, prefix); i <= locate(this.firsts, prefix + '\uffff'); i++) pages.push(this.page(i));
    const found = await Promise.all((await Promise.all(pages)).map((page) => page.withPrefix(prefix)));
    return found.flat();
  }
  /** Every entry: for tests and tools, never on a query's path (it reads every shard). */
  async all() {
    const entries = new Map();
    for (const page of await Promise.all(this.firsts.map((_, i) => this.page(i)))) {
      for (const [key, value] of await page.all()) entries.set(key, value);
    }
    return entries;
  }
}

export class Engine {
  /** Loads the manifest at `url`; other files are fetched when a query needs them. */
  static async load(url, fetcher = defaultFetch) {
    const base = new URL(url, globalThis.document?.baseURI ?? undefined);
    const manifest = await fetcher(base.href, 'json');
    if (manifest.version !== 11) throw new Error(`unknown search index version ${manifest.version}`);
    const engine = new Engine(manifest, base, fetcher);
    engine.setFacets(await engine.file(engine.named('facets', 'bin'), 'bin'));
    return engine;
  }

  constructor(manifest, base, fetcher) {
    this.m = manifest;
    /** How words are read: the library's constants, from the manifest. */
    this.a = manifest.analysis;
    this.base = base;
    this.fetcher = fetcher;
    this.files = new Map();
    this.stopWords = new Set(manifest.stopWords);
    // The word list: per word its frequency, index terms and the thesaurus entries it starts
    // (read through `lexeme`).
    this.words = new PagedShardSet(this, 'words', manifest.words);
    // The word-list entries of the words a listed completion names (format 11).
    this.listed = new Map();
    this.postings = new PagedShardSet(this, 'postings', manifest.postings);
    this.names = new PagedShardSet(this, 'names', manifest.names);
    // Per term, the postings shard the word list or a thesaurus group said it is in: such a
    // term costs its shard alone, not also the page listing it.
    this.shardOf = new Map();
    // The index terms of the words thesaurus groups add, as the groups bring them.
    this.groupTerms = new Map();
    // The postings of short terms, as thesaurus groups bring them.
    this.carried = new Map();
    // Corrections and compound parts come from indexes of their own, not the word list
    // (crates/methodewijzer/src/search/neighbours.rs says how they are keyed).
    this.typos = new PagedShardSet(this, 'typos', manifest.typos);
    this.parts = new PagedShardSet(this, 'parts', manifest.parts);
    this.stemmer = null;
    this.cache = new Map();
    // Facet values per method as a flat list of global value numbers (as in the library):
    // counting runs over every match on every keystroke, so it must be a tight loop.
    this.facetBase = [];
    let total = 0;
    for (const f of manifest.facets) { this.facetBase.push(total); total += f.values.length; }
    this.facetTotal = total;
    // Per method scratch arrays for scoring, made once: every search leaves them all zero,
    // and uses them without a pause (`search` fetches its postings first), so searches
    // started by quick keystrokes cannot mix in them.
    const n = manifest.methods;
    this.scratch = {
      alt: new Float64Array(n), clause: new Float64Array(n), inClause: new Uint8Array(n),
      best: new Float64Array(n), sum: new Float64Array(n), inConcept: new Uint8Array(n),
    };
  }

  /** Decodes the facet bits once, into per-method lists of value numbers. */
  setFacets(bits) {
    const facets = this.m.facets;
    const n = this.m.methods;
    const starts = new Uint32Array(n * (facets.length + 1) + 1);
    const values = [];
    for (let d = 0; d < n; d++) {
      for (let fi = 0; fi < facets.length; fi++) {
        starts[d * (facets.length + 1) + fi] = values.length;
        const f = facets[fi];
        const at = f.offset + d * f.width;
        for (let v = 0; v < f.values.length; v++) {
          if (bits[at + (v >> 3)] & (1 << (v & 7))) values.push(this.facetBase[fi] + v);
        }
      }
      starts[d * (facets.length + 1) + facets.length] = values.length;
    }
    this.facetStarts = starts;
    this.facetValues = Uint16Array.from(values);
    // Each method's recognition rank, for "at least this level" (the library's card rank).
    const ri = facets.findIndex((f) => f.key === 'recognition_level');
    this.ranks = new Uint8Array(n);
    for (let d = 0; d < n && ri >= 0; d++) {
      const at = d * (facets.length + 1) + ri;
      for (let i = starts[at]; i < starts[at + 1]; i++) {
        const [id] = facets[ri].values[values[i] - this.facetBase[ri]];
        this.ranks[d] = Math.max(this.ranks[d], this.m.recognitionRanks[id] ?? 0);
      }
    }
  }

  /** `f(key)`, computed once per key (words and prefixes recur on every keystroke). */
  memo(kind, key, f) {
    const k = `${kind}\u0000${key}`;
    if (!this.cache.has(k)) this.cache.set(k, f());
    return this.cache.get(k);
  }

  /** The name of the index file `stem`: every one carries the index's generation. */
  named(stem, ext = 'json') {
    return `${stem}.${this.m.generation}.${ext}`;
  }

  file(name, kind = 'json') {
    if (!this.files.has(name)) this.files.set(name, this.fetcher(new URL(name, this.base).href, kind));
    return this.files.get(name);
  }

  /** Document `d`'s display record, `[slug, name, summary, facts, related]`, from its block. */
  async record(d) {
    const per = this.m.docsPerBlock;
    return (await this.file(this.named(`docs-${Math.floor(d / per)}`)))[d % per];
  }

  async stem(word) {
    if (Object.hasOwn(this.a.stemExceptions, word)) return this.a.stemExceptions[word];
    if (!this.stemmer) this.stemmer = import('./stem-nl.js');
    const stem = (await this.stemmer).stem(word);
    return stem ? guard(word, stem, this.a) : word;
  }

  /** The index terms of a folded word: from the vocabulary map, else analysed here. */
  terms(word) {
    return this.memo('terms', word, () => this.analyse(word));
  }

  /**
   * Thesaurus group `g`: `[members, broader]`. Its words' index terms come with it, only
   * those the catalogue has, so a word the catalogue lacks costs no postings lookup; and the
   * postings of those in few methods, so most of its words cost no postings shard.
   */
  group(g) {
    return this.memo('group', g, async () => {
      const [members, broader, terms, postings] = await this.file(this.named(`groups-${g}`));
      for (const [word, found] of Object.entries(terms)) {
        this.groupTerms.set(word, found.slice(0, 1));
        if (found.length) this.shardOf.set(found[0], found[1]);
      }
      for (const [term, list] of Object.entries(postings)) this.carried.set(term, list);
      return [members, broader];
    });
  }

  /**
   * A term's postings: carried by a thesaurus group loaded, else from its shard — the one the
   * word list or a group named, else found through the pages (a stem of a word the catalogue
   * lacks).
   */
  async posting(term) {
    if (this.carried.has(term)) return this.carried.get(term);
    if (this.shardOf.has(term)) return this.postings.inShard(this.shardOf.get(term), term);
    return this.postings.get(term);
  }

  /**
   * What the word list says of `word`: `{df, terms, thesaurus}` (df 0 for a word the catalogue
   * lacks that starts thesaurus entries), or undefined. An entry is the frequency alone, or
   * `[frequency, terms…]`, with the thesaurus entries as a last element that is an array.
   */
  async lexeme(word) {
    const lexeme = lexemeOf(word, this.listed.has(word) ? this.listed.get(word) : await this.words.get(word));
    for (const [term, shard] of lexeme?.shards ?? []) this.shardOf.set(term, shard);
    return lexeme;
  }

  /** Whether `word` is a word of the catalogue (the library's `is_known`). */
  async known(word) {
    return ((await this.lexeme(word))?.df ?? 0) > 0;
  }

  async analyse(word) {
    const entry = await this.lexeme(word);
    if (entry?.df > 0) return entry.terms;
    const terms = [await this.stem(word)];
    const parts = await this.split(word);
    for (const part of parts ?? []) {
      const stem = (await this.terms(part))[0];
      if (!terms.includes(stem)) terms.push(stem);
    }
    return terms;
  }

  /** Cuts an unknown word into catalogue words, fewest parts first (the library's rule). */
  async split(word) {
    const chars = Array.from(word);
    const n = chars.length;
    if (n < this.a.minCompound) return null;
    const best = new Array(n + 1).fill(null);
    best[n] = [];
    for (let i = n - 1; i >= 0; i--) {
      let choice = null;
      for (let j = n; j >= i + this.a.minPart; j--) {
        if (i === 0 && j === n) continue;
        // As the library, a part is looked up only when the rest after it can be split:
        // each lookup then reads the parts ending at a place a split continues from.
        const linked = j + 1 < n && chars[j] === 's';
        if (!best[j] && !(linked && best[j + 1])) continue;
        const part = chars.slice(i, j).join('');
        // Three letters ending in "en" is a plural ending ("gezin-nen"), not a part (the library's is_plural_tail).
        if ((j - i === 3 && part.endsWith('en')) || !(await this.isPart(chars.slice(i, j)))) continue;
        const nexts = [j];
        if (linked) nexts.push(j + 1);
        for (const next of nexts) {
          const rest = best[next];
          if (rest && (!choice || rest.length + 1 < choice.length)) choice = [part, ...rest];
        }
      }
      best[i] = choice;
    }
    return best[0] && best[0].length >= 2 ? best[0] : null;
  }

  /** Whether `chars` is a catalogue word of at least `minPart` letters (the parts index). */
  async isPart(chars) {
    const at = Math.max(0, chars.length - 4);
    const key = chars.slice(at).reverse().join('');
    return ((await this.parts.get(key)) ?? []).includes(chars.slice(0, at).join(''));
  }

  /**
   * Catalogue words within `max` edits of `word` (as chars), from the typo index: the words
   * listed under the signatures of its deletion variants, kept when their true distance is
   * within `max`. Exactly the words the library's `Typos::near` finds, which a unit test
   * there checks against tantivy's Levenshtein automaton.
   */
  async near(w, max) {
    const n = w.length;
    const keys = new Set();
    for (let k = 0; k <= Math.min(max, n - 1); k++) {
      for (let i = 0; i <= k; i++) {
        for (let j = 0; i + j <= k; j++) {
          if (i + j < n) keys.add(w[i] + w[n - 1 - j] + String(n - k).padStart(2, '0'));
        }
      }
    }
    const found = new Set();
    for (const listed of await Promise.all([...keys].map((key) => this.typos.get(key)))) {
      for (const candidate of listed ?? []) {
        if (!found.has(candidate) && distance(w, Array.from(candidate), max) <= max) found.add(candidate);
      }
    }
    return [...found];
  }

  async anyMatches(terms) {
    for (const term of terms) if ((await this.posting(term)) !== undefined) return true;
    return false;
  }

  fuzzy(word) {
    return this.memo('fuzzy', word, () => this.corrections(word));
  }

  async corrections(word) {
    const len = Array.from(word).length;
    const [one, two] = this.a.typoLengths;
    if (len < one) return [];
    const max = len < two ? 1 : 2;
    return (await this.near(Array.from(word), max)).sort();
  }

  /**
   * For a query that found nothing: the query with each word the catalogue does not know
   * replaced by the closest catalogue word (up to `typoReach` edits, the more frequent
   * first), or null when none is that close.
   */
  async suggest(query) {
    const ws = words(query, this.stopWords, this.a.maxWordBytes);
    if (!ws.length) return null;
    const reach = this.a.typoReach;
    let out = query;
    let changed = false;
    // From the last word back, so that the earlier words' offsets stay right.
    for (const w of [...ws].reverse()) {
      const chars = Array.from(w.text);
      // A catalogue word, or a thesaurus entry (not a typo, as in the search itself).
      if (chars.length < 3 || (await this.known(w.text)) || (await this.inThesaurus(w.text))) continue;
      const near = (await this.near(chars, reach)).map((c) => [c, distance(chars, Array.from(c), reach)]);
      const closest = Math.min(...near.map(([, d]) => d));
      // Only the closest need their frequency, each a lookup in the word list.
      let best = null;
      const closestWords = near.filter(([, d]) => d === closest).map(([c]) => c);
      for (const candidate of closestWords.sort()) {
        const freq = (await this.lexeme(candidate)).df;
        if (!best || freq > best.freq) best = { word: candidate, freq };
      }
      if (best) {
        out = out.slice(0, w.start) + best.word + out.slice(w.end);
        changed = true;
      }
    }
    return changed ? out : null;
  }

  completions(prefix) {
    return this.memo('completions', prefix, () => this.expand(prefix));
  }

  async expand(prefix) {
    if (Array.from(prefix).length < this.a.minPrefix) return [];
    // A prefix whose words are many has its completions listed in the word list, as
    // `PREFIX*`, beside the prefix's own entry (format 11).
    const listed = await this.words.get(`${prefix}*`);
    if (listed !== undefined) {
      for (const [word, entry] of listed) this.listed.set(word, entry);
      return listed.map(([word]) => word);
    }
    const found = (await this.words.withPrefix(prefix))
      .filter(([w]) => w.length > prefix.length && !w.endsWith('*'))
      .map(([w, entry]) => [w, lexemeOf(w, entry).df])
      .filter(([, df]) => df > 0);
    found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return found.slice(0, this.m.maxExpansions).map(([w]) => w);
  }

  /**
   * Whether `word` is a thesaurus entry of one word, not a typo (the library's
   * `in_thesaurus`). Its groups are the ones the thesaurus step loads for it anyway.
   */
  async inThesaurus(word) {
    // An entry of one word is listed as its group's number alone.
    return ((await this.lexeme(word))?.thesaurus ?? []).some((entry) => !Array.isArray(entry));
  }

  /** The word an age typed as `word` is read as (the library's `AgeBand::of_typed`), or null. */
  ageWord(word) {
    if (!/^[0-9]{1,3}$/.test(word) || Number(word) > this.a.maxAge) return null;
    let found = null;
    for (const [youngest, band] of this.a.ages) if (youngest <= Number(word)) found = band;
    return found;
  }

  /**
   * The query for `text`, as the library builds it: a list of clauses `{alternatives, words}`,
   * each with its alternatives `{terms, weight, word}` and the typed words it stands for (as
   * bits, the library's `Clause::words`); null when the text is blank or only stop words
   * (browse everything), no clauses when it has no letter or digit (nothing found).
   */
  async parse(text, read = { corrected: [], expanded: [], unknown: [], ignored: [] }) {
    const all = words(text, this.stopWords, this.a.maxWordBytes);
    read.ignored = all.slice(this.m.maxWords).map((w) => w.text);
    const ws = all.slice(0, this.m.maxWords);
    if (!ws.length) return /\P{White_Space}/u.test(text) && !/[\p{Alphabetic}\p{N}]/u.test(text) ? [] : null;
    const openEnd = !/[\s!-/:-@[-`{-~]$/u.test(text);
    const weights = this.m.weights;
    // A number is read as an age: "man van 80" also searches its band's word.
    const ages = ws.map((w) => this.ageWord(w.text));
    const perWord = ws.map(async (word, i) => {
      const alternatives = [];
      // The last word's completions do not depend on the word itself being found: looked up
      // beside it, not after.
      const completing = i === ws.length - 1 && openEnd ? this.completions(word.text) : null;
      completing?.catch(() => {});
      const terms = await this.terms(word.text);
      let corrections = [];
      const age = ages[i];
      if (await this.anyMatches(terms)) {
        alternatives.push({ terms, weight: 1, word: word.text });
      } else if (!(await this.inThesaurus(word.text))) {
        corrections = await this.fuzzy(word.text);
        for (const typo of corrections) {
          alternatives.push({ terms: await this.terms(typo), weight: weights.typo, word: typo });
        }
      }
      let ageFound = false;
      if (age !== null) {
        const ageTerms = await this.terms(age);
        ageFound = await this.anyMatches(ageTerms);
        // A synonym of the number, as in the library.
        alternatives.push({ terms: ageTerms, weight: weights.synonym, word: age });
      }
      let completed = false;
      if (completing) {
        for (const completion of await completing) {
          // The completed word's own term, not its compound parts (the library's `whole_term`).
          alternatives.push({ terms: (await this.terms(completion)).slice(0, 1), weight: weights.prefix, word: completion });
          completed = true;
        }
      }
      return { alternatives, corrections, completed, typed: word.text, bit: 2 ** i, ageRead: ageFound ? age : null };
    });
    // Two typed words that may form one catalogue word: every pair looked up beside the
    // words, taken in order below.
    const joins = ws.slice(1).map((next, k) => {
      const joined = ws[k].text + next.text;
      return next.position === ws[k].position + 1 && Array.from(joined).length >= this.a.minPart ? this.known(joined) : false;
    });
    for (const known of joins) known?.catch?.(() => {});
    const clauses = [];
    // How the query was read, as the library's `Interpretation`, in the same order.
    for (const { alternatives, corrections, completed, typed, bit, ageRead } of await Promise.all(perWord)) {
      if (ageRead !== null && !read.expanded.includes(ageRead)) read.expanded.push(ageRead);
      if (!completed && corrections.length) read.corrected.push({ typed, searched: corrections });
      else if (!alternatives.length) read.unknown.push(typed);
      if (alternatives.length) clauses.push({ alternatives, words: bit });
    }

    // Typed words that found something by being joined or by the thesaurus: not unknown.
    const explained = new Set();
    for (let i = 0; i + 1 < ws.length; i++) {
      const joined = ws[i].text + ws[i + 1].text;
      if (await joins[i]) {
        explained.add(ws[i].text).add(ws[i + 1].text);
        if (!read.expanded.includes(joined)) read.expanded.push(joined);
        clauses.push({ alternatives: [{ terms: await this.terms(joined), weight: 1, word: joined }], words: 3 * 2 ** i });
      }
    }

    // An age also stands in the thesaurus for its band's word, so "80" finds "senioren" (as
    // the number itself still finds "113" or "80-plussers").
    const typed = ws.map((w) => w.text);
    const at = (i, word) => typed[i] === word || ages[i] === word;
    const runAt = (member, s) => s + member.length <= typed.length && member.every((m, k) => at(s + k, m));
    // The typed words `member` covers wherever it occurs, as bits (the library's `runs`); 0
    // when it is not typed.
    const runs = (member) => {
      let bits = 0;
      if (member.length) typed.forEach((_, s) => { if (runAt(member, s)) bits |= (2 ** member.length - 1) * 2 ** s; });
      return bits >>> 0;
    };
    // As the library: each added word once, at its highest weight and for every typed word
    // that led to it, in the order first met.
    const expansion = new Map();
    const add = (word, weight, by) => {
      if (typed.includes(word) || ages.includes(word)) return;
      const had = expansion.get(word);
      if (!had) expansion.set(word, { weight, by });
      else expansion.set(word, { weight: Math.max(had.weight, weight), by: (had.by | by) >>> 0 });
    };
    // The thesaurus entries added, in the order met.
    const phrases = [];
    // Per group a typed entry was found in: that entry, and the range of its phrases.
    const foundGroups = [];
    // Only groups with a typed member are named, in group order: the word list lists
    // the members by first word, so no other group is loaded.
    const candidates = new Set();
    for (const word of new Set([...typed, ...ages.filter((a) => a !== null)])) {
      for (const entry of (await this.lexeme(word))?.thesaurus ?? []) {
        const [g, ...rest] = Array.isArray(entry) ? entry : [entry];
        if (runs([word, ...rest]) !== 0) candidates.add(g);
      }
    }
    // The groups side by side, then the broader groups of those found: each group's file is
    // fetched in the same round as the others'.
    const loaded = await Promise.all([...candidates].map((g) => this.group(g)));
    await Promise.all(loaded.filter(([members]) => members.some((member) => runs(member) !== 0))
      .flatMap(([, broader]) => broader.map((b) => this.group(b))));
    for (const g of [...candidates].sort((a, b) => a - b)) {
      const [members, broader] = await this.group(g);
      const found = members.findIndex((member) => runs(member) !== 0);
      if (found < 0) continue;
      const start = phrases.length;
      // Per member, the typed words it covers; the group was found by all of them.
      const typedRuns = members.map(runs);
      const by = typedRuns.reduce((bits, r) => bits | r, 0) >>> 0;
      for (let m = 0; m < members.length; m++) {
        if (m === found || typedRuns[m] !== 0) continue;
        phrases.push(members[m]);
        for (const word of members[m]) add(word, weights.synonym, by);
      }
      for (const b of broader) {
        for (const member of (await this.group(b))[0]) {
          phrases.push(member);
          for (const word of member) add(word, weights.broader, by);
        }
      }
      foundGroups.push([members[found], start, phrases.length]);
    }
    const foundWords = new Set();
    // Side by side, as the search fetches them anyway (after the groups, which carry some).
    const added = [...expansion];
    const matches = await Promise.all(added.map(([word]) => this.anyMatches(this.groupTerms.get(word))));
    for (const [i, [word, { weight, by }]] of added.entries()) {
      const terms = this.groupTerms.get(word);
      if (matches[i]) foundWords.add(word);
      clauses.push({ alternatives: [{ terms, weight, word }], words: by });
    }
    // A typed thesaurus entry found something when one of its added words is in the catalogue.
    for (const [member, start, end] of foundGroups) {
      if (phrases.slice(start, end).some((p) => p.some((w) => foundWords.has(w)))) for (const w of member) explained.add(w);
    }
    read.unknown = read.unknown.filter((w) => !explained.has(w));
    // The thesaurus entries added, as written, when a word of theirs is in the catalogue, the
    // groups taking turns (the library's rule).
    const named = foundGroups.map(([, start, end]) =>
      phrases.slice(start, end).filter((p) => p.some((w) => foundWords.has(w))));
    const turns = Math.max(0, ...named.map((list) => list.length));
    for (let turn = 0; turn < turns; turn++) {
      for (const list of named) {
        if (turn >= list.length) continue;
        const text = list[turn].join(' ');
        if (!read.expanded.includes(text)) read.expanded.push(text);
      }
    }
    return clauses;
  }

  /**
   * Runs a search: `{query, filters: {facetKey: [ids]}, minRecognition, sort, limit, offset, weaker}` →
   * `{total, weaker, interpretation: {corrected: [{typed, searched}], expanded, unknown, ignored}, hits: [{slug, name, summary, facts, score, weaker, relatedTo}], facets: [{key, label, values: [{id, label, count, selected}]}], words}`.
   * `weaker` asks for the weaker matches (below the match floor) after the ones that count.
   */
  async search({ query = '', filters = {}, minRecognition = null, sort = 'relevantie', limit = 10, offset = 0, weaker = false } = {}) {
    const n = this.m.methods;
    const interpretation = { corrected: [], expanded: [], unknown: [], ignored: [] };
    // The exact-name lookup needs only the query: fetched beside the words' files, not after
    // them (a query longer than every name is none of them: no names file).
    const asName = comparable(query);
    const exactName = asName && asName.length <= this.m.longestName ? this.names.get(asName) : null;
    exactName?.catch(() => {});
    const clauses = await this.parse(query, interpretation);
    let matched;
    let weak = [];
    // Below this, a method that counts does so as related to the best match (its name).
    let bar = -Infinity;
    let bestName = null;
    const score = new Float64Array(n);
    const highlight = new Set();
    // Per word that found something, the typed words (as bits) it stands for.
    const wordBits = new Map();
    if (clauses === null) {
      matched = Array.from({ length: n }, (_, d) => d);
    } else {
      const scale = this.m.impactScale;
      const { coordination, expansionTie } = this.m.weights;
      // Per method, the typed words its concepts stand for, as bits.
      const covered = new Uint32Array(n);
      // The best clause and the sum of the clauses of the current concept (`best`, `sum`);
      // each loop below sets back to zero what it touched.
      const { alt, clause, inClause, best, sum, inConcept } = this.scratch;
      // Clauses that stand for the same typed words are one concept, in order of first
      // appearance (the library's `score`).
      const concepts = new Map();
      for (const c of clauses) {
        if (!concepts.has(c.words)) concepts.set(c.words, []);
        concepts.get(c.words).push(c);
      }
      // Every term's postings first, fetched side by side: the scoring below then runs
      // without a pause, so a search started by the next keystroke cannot interleave with it
      // in the shared scratch arrays.
      const postingsOf = new Map();
      const needed = new Set();
      for (const c of clauses) for (const { terms } of c.alternatives) for (const term of terms) needed.add(term);
      await Promise.all([...needed].map(async (term) => postingsOf.set(term, await this.posting(term))));
      for (const [bits, members] of concepts) {
        const conceptTouched = [];
        for (const { alternatives } of members) {
          const touched = [];
          for (const { terms, weight, word } of alternatives) {
            const altTouched = [];
            for (const term of terms) {
              const postings = postingsOf.get(term);
              if (!postings) continue;
              highlight.add(word);
              wordBits.set(word, (wordBits.get(word) ?? 0) | bits);
              let doc = 0;
              for (let p = 0; p < postings.length; p += 2) {
                doc += postings[p];
                if (alt[doc] === 0) altTouched.push(doc);
                alt[doc] += (postings[p + 1] / scale) * weight;
              }
            }
            for (const d of altTouched) {
              if (alt[d] > clause[d]) clause[d] = alt[d];
              if (!inClause[d]) { inClause[d] = 1; touched.push(d); }
              alt[d] = 0;
            }
          }
          for (const d of touched) {
            if (!inConcept[d]) { inConcept[d] = 1; conceptTouched.push(d); }
            if (clause[d] > best[d]) best[d] = clause[d];
            sum[d] += clause[d];
            clause[d] = 0;
            inClause[d] = 0;
          }
        }
        for (const d of conceptTouched) {
          score[d] += best[d] + expansionTie * (sum[d] - best[d]);
          covered[d] |= bits;
          best[d] = 0;
          sum[d] = 0;
          inConcept[d] = 0;
        }
      }
      matched = [];
      for (let d = 0; d < n; d++) if (covered[d]) matched.push(d);
      // The share of the query's words a method covers, among the words that match any
      // method, to the power `coordination`.
      let known = 0;
      for (const d of matched) known |= covered[d];
      const all = bitCount(known);
      if (coordination > 0 && all > 1) for (const d of matched) score[d] *= Math.pow(bitCount(covered[d]) / all, coordination);
      // The best score before the exact-name bonus, as in the library.
      let strongest = 0;
      for (const d of matched) strongest = Math.max(strongest, Math.fround(score[d]));
      if (matched.length && exactName) {
        const exact = await exactName;
        if (exact !== undefined && covered[exact]) score[exact] += this.m.weights.exactName;
      }
      // Only methods that match well enough count (the library's match floor), compared in
      // single precision as the library's scores are. The script's scores come from
      // quantized impacts, so a method within about 1e-4 of the bar could fall on the other
      // side than in the library; the parity test checks the counts of every judged query.
      // The methods related to the best match count from lower floors, the first related
      // from the first; the best match's display record lists them (it is fetched for the
      // page anyway).
      const { matchFloor, nearFloors } = this.m.weights;
      if (matchFloor > 0 && matched.length) {
        bar = Math.fround(strongest * Math.fround(matchFloor));
        const near = new Map();
        if (nearFloors.length) {
          // The first in relevance order: ties go to the first by name, the lower number.
          let top = matched[0];
          for (const d of matched) if (score[d] > score[top]) top = d;
          // The page's records are fetched beside the best match's, not after it: a method
          // above the bar counts whatever the related lists say, and in relevance order
          // without filters the page begins with those methods, so none is fetched in vain.
          if (sort === 'relevantie' && !minRecognition && !Object.values(filters).some((v) => v?.length)) {
            const above = matched.filter((d) => Math.fround(score[d]) >= bar);
            for (const d of firstOf(above, offset + limit, byScoreOf(score)).slice(offset)) this.record(d).catch(() => {});
          }
          const [, name, , , related] = await this.record(top);
          bestName = name;
          related.forEach((d, k) => near.set(d, Math.fround(strongest * Math.fround(nearFloors[k]))));
        }
        const counts = (d) => Math.fround(score[d]) >= (near.get(d) ?? bar);
        weak = matched.filter((d) => !counts(d));
        matched = matched.filter(counts);
      }
    }

    // A minimum recognition narrows everything after it, the facet counts included.
    if (minRecognition) {
      const minimum = this.m.recognitionRanks[minRecognition] ?? 0;
      matched = matched.filter((d) => this.ranks[d] >= minimum);
      weak = weak.filter((d) => this.ranks[d] >= minimum);
    }

    // Facet counts: a method counts for a facet when it passes every filter but that facet's.
    const facets = this.m.facets;
    const stride = facets.length + 1;
    const starts = this.facetStarts;
    const values = this.facetValues;
    const wanted = new Uint8Array(this.facetTotal);
    const filtered = [];
    facets.forEach((f, fi) => {
      const chosen = filters[f.key];
      if (!chosen || !chosen.length) return;
      filtered.push(fi);
      f.values.forEach(([id], v) => { if (chosen.includes(id)) wanted[this.facetBase[fi] + v] = 1; });
    });
    const flat = new Uint32Array(this.facetTotal);
    const passing = [];
    // How many filters `d` fails; `lastFailed` is then the last one it fails. A number, not
    // a pair: this runs for every match.
    let lastFailed = -1;
    const failing = (d) => {
      const at = d * stride;
      let failures = 0;
      for (const fi of filtered) {
        let ok = false;
        for (let i = starts[at + fi]; i < starts[at + fi + 1]; i++) if (wanted[values[i]]) { ok = true; break; }
        if (!ok) { failures++; lastFailed = fi; }
      }
      return failures;
    };
    for (const d of matched) {
      const at = d * stride;
      const failures = filtered.length ? failing(d) : 0;
      const failed = lastFailed;
      if (failures === 0) {
        for (let i = starts[at]; i < starts[at + facets.length]; i++) flat[values[i]]++;
        passing.push(d);
      } else if (failures === 1) {
        for (let i = starts[at + failed]; i < starts[at + failed + 1]; i++) flat[values[i]]++;
      }
    }
    // Only the page is put in order: a partial selection, not a sort of every match. The
    // orders are the library's `Sort`; documents are numbered in name order, so `a < b` is
    // "by name".
    const byScore = byScoreOf(score);
    const reviewed = sort === 'herzien' ? await this.file(this.named('reviewed')) : null;
    const ranks = this.ranks;
    const before = {
      erkenning: (a, b) => ranks[a] > ranks[b] || (ranks[a] === ranks[b] && byScore(a, b)),
      naam: (a, b) => a < b,
      herzien: (a, b) => reviewed[a] > reviewed[b] || (reviewed[a] === reviewed[b] && a < b),
    }[sort] ?? byScore;
    if (filtered.length) weak = weak.filter((d) => failing(d) === 0);
    const first = (list, want) => firstOf(list, want, before);
    const want = offset + limit;
    const top = first(passing, want);
    const strong = top.length;
    if (weaker && want > passing.length) top.push(...first(weak, want - passing.length));
    const page = top.slice(offset, offset + limit);
    const records = await Promise.all(page.map((d) => this.record(d)));
    const hits = page.map((d, i) => {
      const [slug, name, summary, facts] = records[i];
      const weaker = offset + i >= strong;
      const relatedTo = !weaker && Math.fround(score[d]) < bar ? bestName : null;
      return { slug, name, summary, facts, score: score[d], weaker, relatedTo };
    });
    return {
      total: passing.length,
      weaker: weak.length,
      // How the query was read (the library's `Interpretation`).
      interpretation,
      hits,
      words: [...highlight],
      wordBits,
      // The hits' document numbers, in order (for their situations).
      docs: page,
      facets: facets.map((f, fi) => ({
        key: f.key,
        label: f.label,
        values: f.values.map(([id, label], v) => ({
          id, label, count: flat[this.facetBase[fi] + v], selected: (filters[f.key] ?? []).includes(id),
        })),
      })),
    };
  }

  /**
   * For each of `results.hits`, the recognisable situation of its method that covers the most
   * of the query's words, or null when none covers two (one, when only one
   * typed word found anything). A situation covers a typed word when `highlight` would mark
   * one of its words for a word the typed word found (itself, a form, a thesaurus word). Ties
   * go to the first. The situations do not rank, so they are files of their own, fetched only
   * for the results shown.
   */
  async situations(results) {
    const { words: found, wordBits, docs } = results;
    if (!this.m.situations || !found.length) return docs.map(() => null);
    let all = 0;
    for (const bits of wordBits.values()) all |= bits;
    const needed = Math.min(2, Math.max(1, bitCount(all)));
    const per = this.m.docsPerBlock;
    return Promise.all(docs.map(async (d) => {
      const block = Math.floor(d / per);
      if (this.m.situations.includes(block)) return null;
      let best = null;
      let most = needed - 1;
      for (const text of (await this.file(this.named(`situations-${block}`)))[d % per]) {
        let bits = 0;
        for (const w of words(text, this.stopWords, this.a.maxWordBytes)) {
          for (const f of foundIn(w.text, found)) bits |= wordBits.get(f);
        }
        if (bitCount(bits) > most) { most = bitCount(bits); best = text; }
      }
      return best;
    }));
  }

  /**
   * `text` cut into pieces `{text, mark}`, marking the words that match `found` (the
   * `words` of a result): the same word, or a longer form of it (gezin → gezinnen).
   */
  highlight(text, found) {
    const pieces = [];
    let at = 0;
    for (const w of words(text, this.stopWords, this.a.maxWordBytes)) {
      if (!foundIn(w.text, found).length) continue;
      if (w.start > at) pieces.push({ text: text.slice(at, w.start), mark: false });
      pieces.push({ text: text.slice(w.start, w.end), mark: true });
      at = w.end;
    }
    if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
    return pieces;
  }
}
