//! The completions of a prefix whose words are many, listed ahead of time in the word list
//! for the browser (index format 11).
//!
//! The script completes the word being typed to the catalogue's most frequent words that
//! start with it (the library's `completions`). It used to read every words shard the
//! prefix's words lie in: at 10,000 zipf methods "sa" read 24 shards, "ou" 38, one file each,
//! and a browser fetches six files at a time from one host over HTTP/1.1. For each prefix of
//! at least `MIN_PREFIX` letters whose words take [`LISTED_FROM_BYTES`] or more of the word
//! list, the export adds the key `PREFIX*` to the word list, listing its completions in
//! order, each with its word-list entry. The key sorts right after the prefix itself (`*`
//! comes before every letter and digit, and is in no word), so it is in the shard the
//! prefix's own lookup reads: the script finds the list without a further file, and needs
//! neither the other shards nor, for the completed words, their word-list lookups. A prefix
//! without such a key has its words in a few shards, which the script reads as before.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::analysis::MIN_PREFIX;

/// A prefix's completions are listed when its words' entries take at least this many bytes of
/// the word list: about eight shards (`WORDS_SHARD_BYTES`, 700). A listed prefix costs a
/// typed keystroke the small shard its list is in, where reading its words' shards at the
/// first letters would have served the next keystrokes too; so only wide prefixes are
/// listed. From 2,100 bytes the shipped catalogue listed 78 prefixes, and its keystroke p95
/// in Chromium rose from 6.35 to 6.93 ms; from 5,600 it lists 12, at 6.39 ms. At 10,000 zipf
/// methods both list the same 982 (no prefix's words there take between 2,100 and 5,600).
pub const LISTED_FROM_BYTES: usize = 5_600;

/// The mark that ends a listed prefix's key in the word list.
pub const LISTED_MARK: char = '*';

/// For every prefix of at least [`MIN_PREFIX`] letters whose words' entries in `lexicon` (the
/// word list) take at least [`LISTED_FROM_BYTES`], the key `PREFIX*` and its completions as
/// `[[word, entry], …]`: the words `complete` gives for it (the library's own
/// `SearchIndex::completions`, so that the list cannot differ from what the library
/// searches), each with its entry in `lexicon`. In no particular order.
pub(super) fn listed(
    lexicon: &BTreeMap<String, Value>,
    complete: impl Fn(&str) -> Vec<String>,
) -> Vec<(String, Value)> {
    let mut bytes: HashMap<&str, usize> = HashMap::new();
    for (word, entry) in lexicon {
        debug_assert!(!word.contains(LISTED_MARK), "{word}");
        // As a shard holds it: "word":entry, and a comma.
        let size = word.len() + entry.to_string().len() + 4;
        let ends = word.char_indices().map(|(i, c)| i + c.len_utf8());
        for end in ends.skip(MIN_PREFIX - 1) {
            *bytes.entry(&word[..end]).or_default() += size;
        }
    }
    bytes
        .into_iter()
        .filter(|&(_, size)| size >= LISTED_FROM_BYTES)
        .map(|(prefix, _)| {
            let list = complete(prefix)
                .into_iter()
                .map(|word| {
                    let entry = lexicon.get(&word).cloned().unwrap_or(Value::Null);
                    Value::Array(vec![Value::String(word), entry])
                })
                .collect();
            (format!("{prefix}{LISTED_MARK}"), Value::Array(list))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Completions as a stand-in for the library's: the longer words, in word order.
    fn longer<'a>(lexicon: &'a BTreeMap<String, Value>) -> impl Fn(&str) -> Vec<String> + 'a {
        |prefix| {
            (lexicon.keys())
                .filter(|w| w.starts_with(prefix) && w.len() > prefix.len())
                .cloned()
                .collect()
        }
    }

    #[test]
    fn a_prefix_of_many_words_lists_its_completions_with_their_entries() {
        // Long entries, so that "sa" to "samen" take more than LISTED_FROM_BYTES and
        // "samenh" and the rest take less.
        let long = |frequency: u64| json!([frequency, "x".repeat(LISTED_FROM_BYTES / 4)]);
        let lexicon: BTreeMap<String, Value> = [
            ("samen", long(9)),
            ("samenhang", long(2)),
            ("samenleving", long(5)),
            ("samenwerking", long(5)),
            ("sport", json!(1)),
        ]
        .into_iter()
        .map(|(w, e)| (w.to_string(), e))
        .collect();
        let mut listed = listed(&lexicon, longer(&lexicon));
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        let keys: Vec<&str> = listed.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["sa*", "sam*", "same*", "samen*"]);
        assert_eq!(
            listed[3].1,
            json!([
                ["samenhang", long(2)],
                ["samenleving", long(5)],
                ["samenwerking", long(5)]
            ])
        );
        assert_eq!(listed[0].1[0], json!(["samen", long(9)]));
    }

    #[test]
    fn a_prefix_of_few_words_or_too_short_is_not_listed() {
        assert_eq!(MIN_PREFIX, 2);
        let big = json!([1, "x".repeat(LISTED_FROM_BYTES)]);
        let lexicon = BTreeMap::from([("ab".to_string(), big.clone()), ("b".to_string(), big)]);
        // "ab" is listed, without completions (a word does not complete itself); "a" and
        // "b" are too short.
        assert_eq!(
            listed(&lexicon, longer(&lexicon)),
            [("ab*".to_string(), json!([]))]
        );
        let small = BTreeMap::from([("cd".to_string(), json!(1))]);
        assert!(listed(&small, longer(&small)).is_empty());
    }
}
