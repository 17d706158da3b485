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
use std::ops::Bound;

use serde_json::Value;

use super::index::MAX_EXPANSIONS;
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
/// word list, sorted by word) take at least [`LISTED_FROM_BYTES`], the key `PREFIX*` and its
/// completions as `[[word, entry], …]`: the words longer than the prefix that the catalogue
/// has (frequency above 0), the most frequent first, ties by word, at most
/// [`MAX_EXPANSIONS`] (an empty list when it has none). In no particular order.
pub(super) fn listed(lexicon: &BTreeMap<String, Value>) -> Vec<(String, Value)> {
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
            let mut found: Vec<(&String, u64, &Value)> = lexicon
                .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
                .take_while(|(word, _)| word.starts_with(prefix))
                .filter(|(word, _)| word.len() > prefix.len())
                .map(|(word, entry)| (word, frequency(entry), entry))
                .filter(|&(_, frequency, _)| frequency > 0)
                .collect();
            found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            let list = found
                .into_iter()
                .take(MAX_EXPANSIONS)
                .map(|(word, _, entry)| {
                    Value::Array(vec![Value::String(word.clone()), entry.clone()])
                })
                .collect();
            (format!("{prefix}{LISTED_MARK}"), Value::Array(list))
        })
        .collect()
}

/// A word-list entry's document frequency: the entry itself, or its first element.
fn frequency(entry: &Value) -> u64 {
    match entry {
        Value::Array(list) => list.first().and_then(Value::as_u64).unwrap_or(0),
        other => other.as_u64().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sorted(mut listed: Vec<(String, Value)>) -> Vec<(String, Value)> {
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        listed
    }

    #[test]
    fn a_prefix_of_many_words_lists_its_most_frequent_completions() {
        // Long entries, so that "sa" to "samen" take more than LISTED_FROM_BYTES and
        // "samenh" and the rest take less.
        let long = |frequency: u64| json!([frequency, "x".repeat(LISTED_FROM_BYTES / 4)]);
        let lexicon: BTreeMap<String, Value> = [
            ("samen", long(9)),
            ("samenhang", long(2)),
            ("samenleving", long(5)),
            ("samenwerking", long(5)),
            ("samenwonen", json!([0, [[4]]])),
            ("sport", json!(1)),
        ]
        .into_iter()
        .map(|(w, e)| (w.to_string(), e))
        .collect();
        let listed = sorted(listed(&lexicon));
        let keys: Vec<&str> = listed.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["sa*", "sam*", "same*", "samen*"]);
        // "samen" itself is no completion of "samen", nor is a word the catalogue lacks
        // ("samenwonen", frequency 0); ties by word.
        let words: Vec<&Value> = listed[3]
            .1
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p[0])
            .collect();
        assert_eq!(
            words,
            [
                &json!("samenleving"),
                &json!("samenwerking"),
                &json!("samenhang")
            ]
        );
        assert_eq!(listed[3].1[0][1], long(5));
        assert_eq!(listed[0].1[0], json!(["samen", long(9)]));
    }

    #[test]
    fn a_prefix_of_few_words_or_too_short_is_not_listed() {
        assert_eq!(MIN_PREFIX, 2);
        let big = json!([1, "x".repeat(LISTED_FROM_BYTES)]);
        let lexicon = BTreeMap::from([("ab".to_string(), big.clone()), ("b".to_string(), big)]);
        // "ab" is listed, without completions (a word does not complete itself); "a" and
        // "b" are too short.
        assert_eq!(listed(&lexicon), [("ab*".to_string(), json!([]))]);
        assert!(listed(&BTreeMap::from([("cd".to_string(), json!(1))])).is_empty());
    }
}
