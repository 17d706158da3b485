//! Typos and compound parts without the whole word list: the two small indexes the browser
//! export carries so that its script finds a misspelt word's corrections and an unknown
//! word's compound parts from a few small files. The library looks typos up under the same
//! signatures in memory ([`Typos`]): streaming tantivy's Levenshtein automaton through the
//! word list was a third of a query's time at 10,000 methods. It answers compound parts
//! from its dictionary.
//!
//! **Typos: deletion signatures.** Two words within edit distance `d` (adjacent
//! transpositions counting one, as tantivy's Levenshtein automaton with transpositions) have
//! a common string left after at most `d` deletions from each: a substitution or a
//! transposition deletes at the same place in both, an insertion deletes from the longer one.
//! Of such a string only its *signature* is kept: its length, first and last letter. With
//! `i` letters deleted at the front and `j` at the back of a word of `n` letters, `k`
//! deletions in all, that is `(n − k, w[i], w[n−1−j])` for `i + j ≤ k`. Every catalogue word
//! of at least [`MIN_PART`] letters is listed under its signatures up to [`REACH`] deletions;
//! a query word looks up its own signatures up to its allowed distance, and every catalogue
//! word within that distance is among the words listed there. The script then keeps those
//! whose true distance is within the limit ([`osa_distance`]), so its corrections are exactly
//! the automaton's (a test here checks the lookup against the automaton over a word list).
//! Keys are first letter, last letter and length (two digits), so that a query's signatures
//! with the same letters and neighbouring lengths are adjacent and share a shard: a typo costs
//! six to eight small files, not the word list. A full deletion neighbourhood (every variant
//! a key) would be exact without verifying, but at 10,000 zipf methods it has 3.9 million
//! keys; these signatures list each word at most ten times.
//!
//! **Compound parts: by their last letters.** The analyzer splits an unknown word from its
//! end (`Analyzer::split_compound`): a part is only looked up when the rest after it can be
//! split, so every lookup is "which catalogue words end here". Words are listed under their
//! last four letters reversed (a three-letter word under itself reversed), keeping only the
//! letters before those four: the two keys for parts ending at one place are adjacent, so one
//! shard answers for each place a split can continue from.

use std::collections::{BTreeMap, HashMap};

use crate::analysis::MIN_PART;

/// The most deletions a catalogue word is listed under: the library's largest typo distance.
/// The script's "did you mean" reaches as far.
pub(super) const REACH: usize = 2;
/// Letters a part is listed under (from its end).
const PART_KEY_LETTERS: usize = 4;

/// A signature: first letter, last letter and length of a deletion variant.
type Signature = (char, char, usize);

/// Calls `f` with the signature of each of `word`'s deletion variants of up to `deletions`
/// deletions (a signature may come more than once).
fn each_signature(word: &[char], deletions: usize, mut f: impl FnMut(Signature)) {
    let n = word.len();
    for k in 0..=deletions.min(n.saturating_sub(1)) {
        for i in 0..=k {
            for j in 0..=k - i {
                if i + j < n {
                    f((word[i], word[n - 1 - j], n - k));
                }
            }
        }
    }
}

/// A signature as the export names it: first letter, last letter, length in two digits.
fn key_name((first, last, len): Signature) -> String {
    format!("{first}{last}{len:02}")
}

/// The typo index in memory, for the library's own corrections: every catalogue word of at
/// least [`MIN_PART`] letters under its signatures up to [`REACH`] deletions, as the export.
pub(super) struct Typos {
    /// The words, in the order given (the word list's byte order).
    words: Vec<Box<str>>,
    /// Signature → the words listed under it, as positions in `words`, ascending.
    buckets: HashMap<Signature, Vec<u32>>,
}

impl Typos {
    /// The index of `words`, given in byte order.
    pub(super) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Typos {
        let mut list: Vec<Box<str>> = Vec::new();
        let mut buckets: HashMap<Signature, Vec<u32>> = HashMap::new();
        let mut chars = Vec::new();
        for word in words {
            chars.clear();
            chars.extend(word.chars());
            if chars.len() < MIN_PART {
                continue;
            }
            let id = list.len() as u32;
            list.push(word.into());
            each_signature(&chars, REACH, |key| {
                let bucket = buckets.entry(key).or_default();
                // A word's signatures come together: a repeat is the bucket's last entry.
                if bucket.last() != Some(&id) {
                    bucket.push(id);
                }
            });
        }
        Typos {
            words: list,
            buckets,
        }
    }

    /// The catalogue words within `max` edits of `word`, in byte order: exactly what
    /// tantivy's Levenshtein automaton with transpositions finds among them (tested below).
    pub(super) fn near(&self, word: &str, max: usize) -> Vec<String> {
        let typed: Vec<char> = word.chars().collect();
        let mut ids: Vec<u32> = Vec::new();
        each_signature(&typed, max, |key| {
            if let Some(bucket) = self.buckets.get(&key) {
                ids.extend_from_slice(bucket);
            }
        });
        ids.sort_unstable();
        ids.dedup();
        let mut candidate = Vec::new();
        ids.into_iter()
            .map(|id| &*self.words[id as usize])
            .filter(|w| {
                candidate.clear();
                candidate.extend(w.chars());
                osa_distance(&typed, &candidate, max) <= max
            })
            .map(str::to_string)
            .collect()
    }

    /// The index as the export carries it: signature name → the words listed under it, in
    /// byte order.
    pub(super) fn listed(&self) -> BTreeMap<String, Vec<String>> {
        self.buckets
            .iter()
            .map(|(&key, ids)| {
                let words = ids.iter().map(|&id| self.words[id as usize].to_string());
                (key_name(key), words.collect())
            })
            .collect()
    }
}

/// Where `part` is listed in the parts index: its key and what is kept of it.
pub(super) fn part_key(part: &str) -> (String, &str) {
    let start = part
        .char_indices()
        .rev()
        .nth(PART_KEY_LETTERS - 1)
        .map_or(0, |(i, _)| i);
    (part[start..].chars().rev().collect(), &part[..start])
}

/// The parts index: the reversed last letters → the beginnings of the catalogue words (of at
/// least [`MIN_PART`] letters) that end in them, sorted.
pub(super) fn part_buckets<'a>(
    words: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, Vec<String>> {
    let mut buckets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for word in words {
        if word.chars().count() < MIN_PART {
            continue;
        }
        let (key, head) = part_key(word);
        buckets.entry(key).or_default().push(head.to_string());
    }
    for list in buckets.values_mut() {
        list.sort();
        list.dedup();
    }
    buckets
}

/// Edit distance with adjacent transpositions counting one (optimal string alignment, as
/// tantivy's automaton with transpositions), or `max + 1` when beyond `max`. The script's
/// `distance` is the same function.
fn osa_distance(a: &[char], b: &[char], max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            best = best.min(d);
        }
        if best > max {
            return max + 1;
        }
        before = std::mem::replace(&mut previous, row);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analyzer, TYPO_LENGTHS};
    use crate::search::words::WordList;
    use tantivy::query::FuzzyTermQuery;
    use tantivy::schema::Field;

    /// A small seeded generator, so the words are the same on every run.
    fn rng(seed: u32) -> impl FnMut(u32) -> u32 {
        let mut s = seed;
        move |bound| {
            s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            ((u64::from(s) * u64::from(bound)) >> 32) as u32
        }
    }

    /// Words over few letters, so that many are near one another, and misspellings of them.
    fn words_and_queries() -> (Vec<String>, Vec<String>) {
        let letters: Vec<char> = "aeiklnrstë".chars().collect();
        let mut next = rng(20_261_126);
        let word = |next: &mut dyn FnMut(u32) -> u32, len: u32| -> String {
            (0..len)
                .map(|_| letters[next(letters.len() as u32) as usize])
                .collect()
        };
        let mut words: Vec<String> = (0..3_000)
            .map(|_| {
                let len = 1 + next(13);
                word(&mut next, len)
            })
            .collect();
        words.sort();
        words.dedup();
        let mut queries = Vec::new();
        for q in 0..1_500 {
            let mut chars: Vec<char> = words[next(words.len() as u32) as usize].chars().collect();
            for _ in 0..=next(3) {
                let at = next(chars.len() as u32 + 1) as usize;
                let letter = letters[next(letters.len() as u32) as usize];
                match next(4) {
                    0 if at < chars.len() => chars[at] = letter,
                    1 if at < chars.len() => {
                        chars.remove(at);
                    }
                    2 if at + 1 < chars.len() => chars.swap(at, at + 1),
                    _ => chars.insert(at, letter),
                }
            }
            queries.push(chars.into_iter().collect());
            if q % 10 == 0 {
                let len = 3 + next(12);
                queries.push(word(&mut next, len));
            }
        }
        (words, queries)
    }

    /// What the script does: the query's signatures, the words listed there, the true distance.
    fn lookup(buckets: &BTreeMap<String, Vec<String>>, query: &str, max: usize) -> Vec<String> {
        let q: Vec<char> = query.chars().collect();
        let mut keys = Vec::new();
        each_signature(&q, max, |key| keys.push(key_name(key)));
        let mut found: Vec<String> = keys
            .iter()
            .filter_map(|key| buckets.get(key))
            .flatten()
            .filter(|w| osa_distance(&q, &w.chars().collect::<Vec<_>>(), max) <= max)
            .cloned()
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// The library's way: tantivy's automaton streamed over the whole word list.
    fn automaton(list: &WordList, query: &str, max: usize) -> Vec<String> {
        let term = tantivy::Term::from_field_text(Field::from_field_id(0), query);
        let automaton = FuzzyTermQuery::new(term, max as u8, true)
            .automaton()
            .expect("an automaton for distance 1 or 2");
        let mut stream = list.0.search(&automaton).into_stream().expect("a stream");
        let mut found = Vec::new();
        while stream.advance() {
            found.push(String::from_utf8(stream.key().to_vec()).expect("UTF-8 words"));
        }
        found
    }

    #[test]
    fn the_signature_lookups_find_exactly_what_the_automaton_finds_in_the_word_list() {
        let (words, queries) = words_and_queries();
        let counts: Vec<(String, u32)> = words.iter().map(|w| (w.clone(), 1)).collect();
        let list = WordList::new(&counts).expect("a word list");
        let typos = Typos::new(words.iter().map(String::as_str));
        let buckets = typos.listed();
        let mut corrected = 0;
        for query in &queries {
            let len = query.chars().count();
            // The library's distance for this length, and the suggestion's reach for all.
            let library = if len >= TYPO_LENGTHS[1] { 2 } else { 1 };
            for max in [library, REACH] {
                let expected: Vec<String> = automaton(&list, query, max)
                    .into_iter()
                    .filter(|w| w.chars().count() >= MIN_PART)
                    .collect();
                assert_eq!(lookup(&buckets, query, max), expected, "{query} at {max}");
                assert_eq!(typos.near(query, max), expected, "{query} at {max}");
                corrected += usize::from(!expected.is_empty());
            }
        }
        // The test means something only if many queries have neighbours.
        assert!(
            corrected > queries.len(),
            "{corrected} lookups found a word"
        );
    }

    #[test]
    fn a_split_through_the_parts_index_is_the_analyzers() {
        let texts = [
            "netwerk coach ervaring deskundige jeugd wet gezin huis bezoek ouder kind",
            "mantel zorg zorgen vrijwilliger vrijwilligers werk dak loos buurt team",
        ];
        let mut analyzer = Analyzer::for_texts(texts);
        let dictionary: Vec<String> = analyzer.dictionary().map(str::to_string).collect();
        let buckets = part_buckets(dictionary.iter().map(String::as_str));
        let contains = |part: &str| {
            let (key, head) = part_key(part);
            buckets
                .get(&key)
                .is_some_and(|heads| heads.iter().any(|h| h == head))
        };
        for word in [
            "netwerkcoach",
            "ervaringsdeskundige",
            "jeugdwet",
            "gezinnen",
            "huisbezoekouder",
            "mantelzorgvrijwilligerswerk",
            "daklozenteam",
            "buurtteamwerkers",
            "werkwerkwerk",
            "wetwet",
        ] {
            let through_index = crate::analysis::split_with(word, contains);
            assert_eq!(through_index, analyzer.split_compound(word), "{word}");
        }
        assert!(analyzer.terms("mantelzorgvrijwilligerswerk").len() > 2);
        for word in &dictionary {
            assert!(contains(word), "{word}");
            assert!(!contains(&format!("{word}q")), "{word}q");
        }
    }

    #[test]
    fn transpositions_count_one() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(osa_distance(&chars("gezin"), &chars("gezni"), 2), 1);
        assert_eq!(osa_distance(&chars("gezin"), &chars("gzeni"), 2), 2);
        assert_eq!(osa_distance(&chars("ab"), &chars("ba"), 1), 1);
        assert_eq!(osa_distance(&chars("abc"), &chars("xyz"), 2), 3);
    }
}
