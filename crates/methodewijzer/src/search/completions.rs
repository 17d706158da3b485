//! The completions of a prefix whose words lie in more than one words shard (index format
//! 11), listed ahead of time for the browser.
//!
//! The script completes the word being typed to the catalogue's most frequent words that
//! start with it (the library's `completions`). It used to read every words shard the
//! prefix's words lie in: at 10,000 zipf methods "sa" read 24 shards, "ou" 38, one file each,
//! and a browser fetches six files at a time from one host over HTTP/1.1. Those prefixes are
//! few: a prefix's words lie in one shard more than there are shards whose separator
//! (`files::separator`) starts with the prefix and is longer. For each prefix of at least
//! `MIN_PREFIX` letters whose words lie in [`LISTED_FROM_SHARDS`] or more, the export lists
//! its completions, in order, each with its
//! word-list entry, so the script needs neither the shards nor, for the completed words,
//! their word-list lookups. Any other prefix's words lie in one shard, which the script
//! reads as before.

use std::collections::BTreeMap;

use serde_json::Value;

use super::index::MAX_EXPANSIONS;
use crate::analysis::MIN_PREFIX;

/// A prefix's completions are listed when its words lie in at least this many shards: for
/// fewer, reading the shards costs about as much as the list and its page. At 10,000 zipf
/// methods listing from 2 shards makes 5,895 files (3.7 MB), from 3 1,406 (1.2 MB), from 4
/// 1,036 (0.8 MB), and the unfinished and common words measured read the same with 3 and 4.
pub const LISTED_FROM_SHARDS: usize = 4;

/// For every prefix of at least [`MIN_PREFIX`] letters whose words lie in at least
/// [`LISTED_FROM_SHARDS`] of the words shards with `separators`, its completions as `[[word, entry], …]`: the words longer than the
/// prefix that the catalogue has (frequency above 0), the most frequent first, ties by word,
/// at most [`MAX_EXPANSIONS`]; none when it has none. `lexicon` is the word list, sorted by word, as the shards hold
/// it. In prefix order.
pub(super) fn listed(lexicon: &[(String, Value)], separators: &[String]) -> Vec<(String, Value)> {
    // Per prefix, the separators that start with it and are longer: its words lie in one
    // shard more than that.
    let mut splits: BTreeMap<&str, usize> = BTreeMap::new();
    for s in separators {
        for (i, _) in s.char_indices().skip(MIN_PREFIX) {
            *splits.entry(&s[..i]).or_default() += 1;
        }
    }
    splits
        .into_iter()
        .filter(|&(_, n)| n + 1 >= LISTED_FROM_SHARDS)
        .map(|(prefix, _)| {
            let start = lexicon.partition_point(|(word, _)| word.as_str() < prefix);
            let mut found: Vec<(&String, u64, &Value)> = lexicon[start..]
                .iter()
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
            (prefix.to_string(), Value::Array(list))
        })
        // A prefix without completions is not listed: the script reads it as an empty list.
        .filter(|(_, list)| list.as_array().is_some_and(|list| !list.is_empty()))
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

    fn lexicon(words: &[(&str, Value)]) -> Vec<(String, Value)> {
        words
            .iter()
            .map(|(w, e)| (w.to_string(), e.clone()))
            .collect()
    }

    #[test]
    fn a_prefix_split_by_a_separator_lists_its_most_frequent_completions() {
        let words = lexicon(&[
            ("samen", json!(9)),
            ("samenhang", json!(2)),
            ("samenleving", json!([5, 3])),
            ("samenwerking", json!(5)),
            ("samenwonen", json!([0, [[4]]])),
            ("sport", json!(1)),
        ]);
        // Shards: [samen] [samenhang] [samenleving] [samenwerking, …]: "sa" to "samen" lie
        // in four, "samenw" in one.
        let separators = ["".into(), "samenh".into(), "samenl".into(), "samenw".into()];
        let listed = listed(&words, &separators);
        let prefixes: Vec<&str> = listed.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(prefixes, ["sa", "sam", "same", "samen"]);
        // "samen" itself is no completion of "samen", nor is a word the catalogue lacks
        // ("samenwonen", frequency 0); ties by word.
        assert_eq!(
            listed[3].1,
            json!([
                ["samenleving", [5, 3]],
                ["samenwerking", 5],
                ["samenhang", 2]
            ])
        );
        assert_eq!(listed[0].1[0], json!(["samen", 9]));
    }

    #[test]
    fn only_prefixes_in_enough_shards_and_long_enough_are_listed() {
        assert_eq!((MIN_PREFIX, LISTED_FROM_SHARDS), (2, 4));
        let words = lexicon(&[("ab", json!(1)), ("abc", json!(1)), ("abcd", json!(2))]);
        // "ab" lies in four shards, "abc" in three; "a" would lie in five but is too short.
        let separators = [
            "".into(),
            "ab".into(),
            "abc".into(),
            "abcd".into(),
            "abce".into(),
        ];
        let listed = listed(&words, &separators);
        assert_eq!(
            listed,
            [("ab".to_string(), json!([["abcd", 2], ["abc", 1]]))]
        );
    }
}
