//! The browser index's manifest: the one file the search page names, and the contract
//! between the library and the script that reads it (`site/static/search-engine.js`).
//!
//! Every number the script needs to read a query as the library does travels here — the
//! weights, the limits, the analysis constants — so the script restates none of them. The
//! format, field by field:
//!
//! | field | what |
//! |---|---|
//! | `version` | [`FORMAT_VERSION`](super::FORMAT_VERSION); the script refuses another |
//! | `methods` | how many methods; browser document numbers are their positions in name order |
//! | `analysis` | word limits, compound, typo, prefix and stemming constants, and the ages (`ages`, `maxAge`) ([`Analysis`]) |
//! | `weights`, `impactScale` | scoring: postings hold `impact × impactScale` as integers; `matchFloor` and `nearFloors` decide which matches count |
//! | `maxExpansions`, `maxWords` | completions per prefix; query words read |
//! | `stopWords` | the Dutch stop words, dropped from queries |
//! | `generation` | the hash in every other file's name: file `KIND-N` of the index is `KIND-N.GENERATION.json` (`.bin` for the facets) |
//! | `shardsPerPage` | shards per page of a paged set |
//! | `words` | surface word → its document frequency and index terms, each term followed by the number of the `postings` shard that holds it: `[frequency, shard]` when the word is its own only term, else `[frequency, term, shard, term, shard, …]`; a word that starts thesaurus entries has them as a last element that is an array, per entry its group, or `[group, the entry's other words…]` for an entry of several words (frequency 0, and no terms, for a word the catalogue lacks); beside them, for a prefix of at least `analysis.minPrefix` letters whose words' entries take 5,600 bytes or more, the key `PREFIX*` → its completions `[[word, its entry], …]`: the words longer than it with a frequency above 0, the most frequent first, ties by word, at most `maxExpansions` (`completions.rs`); paged as `postings` |
//! | `names` | method names and aliases (compared text → document), paged as `postings` |
//! | `longestName` | the longest of those keys, in UTF-16 code units: a longer query is looked up in none |
//! | `postings` | a paged sharded set (a term the `words` or a group names is in the shard they give; the pages are for the stems of words the catalogue lacks): the first separators of its pages; page `P` (file `postings-pages-P`) lists the separators of shards `P × shardsPerPage …`, shard `N` is the file `postings-N`, an object key → `[document gap, impact, …]`. A shard's separator is the shortest prefix of its first key that sorts after the last key of shard `N − 1` (`""` for shard 0); a key is in the last shard whose separator is at or before it |
//! | `thesaurusGroups` | how many thesaurus groups; group `G` is the file `groups-G`, `[entries, broader groups, {word: [its index term, its postings shard] when the index has it, else []}, {term: postings, for terms in at most `GROUP_POSTINGS` (64) methods}]` |
//! | `typos` | deletion signature → the words listed under it (`neighbours.rs`), paged as `postings` |
//! | `parts` | a word's last four letters reversed → the words' beginnings, paged as `postings` |
//! | `facets` | per facet its values and bit offset/width in the facet file `facets` (`.bin`) |
//! | `recognitionRanks` | recognition level → its rank, for "at least this level" |
//! | `docsPerBlock` | display block `B` (file `docs-B`) holds `[slug, name, summary, facts, related]` of documents `B × docsPerBlock …`; `related` is the document numbers of the first methods related to it (`SearchIndex::related`, as many as `weights.nearFloors` has): when it is the best match, the k-th counts from `nearFloors[k]` of the best score |
//! | `situations` | `null` when no method has recognisable situations; else the blocks without any: block `B` has a file `situations-B`, per method its list |
//!
//! The file `reviewed` holds each method's review date as a day number, in name order (for
//! sorting).
//!
//! Fields are declared in alphabetical order, the order the file has always had.

use std::collections::BTreeMap;

use serde::Serialize;

/// The manifest (see the [module docs](self)).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Manifest<'a> {
    pub analysis: Analysis,
    pub docs_per_block: usize,
    pub facets: Vec<FacetEntry<'a>>,
    pub generation: String,
    pub impact_scale: f64,
    pub longest_name: usize,
    pub max_expansions: usize,
    pub max_words: usize,
    pub methods: usize,
    pub names: Vec<String>,
    pub parts: Vec<String>,
    pub postings: Vec<String>,
    pub recognition_ranks: BTreeMap<String, u8>,
    pub shards_per_page: usize,
    /// The display blocks without recognisable situations; `None` when no method has any.
    pub situations: Option<Vec<usize>>,
    pub stop_words: &'static [&'static str],
    pub thesaurus_groups: usize,
    pub typos: Vec<String>,
    pub version: u32,
    pub weights: Weights,
    pub words: Vec<String>,
}

/// How words are read: the constants of [`crate::analysis`] and the query reader.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Analysis {
    /// A compound is split only into parts of at least this many letters.
    pub min_part: usize,
    /// Only words of at least this many letters are tried as compounds.
    pub min_compound: usize,
    /// Words of this many UTF-8 bytes or more are dropped.
    pub max_word_bytes: usize,
    /// From the first length one typo is corrected, from the second two.
    pub typo_lengths: [usize; 2],
    /// The typo index lists words up to this many deletions; "did you mean" reaches as far.
    pub typo_reach: usize,
    /// The last word is completed from this many letters.
    pub min_prefix: usize,
    /// The stemmer's guard: a stem is kept when it starts with this many letters of the word…
    pub guard_head: usize,
    /// …or a prefix of at most this many letters was stripped and is put back.
    pub guard_max_prefix: usize,
    /// Words stemmed by hand rather than by Snowball.
    pub stem_exceptions: BTreeMap<&'static str, &'static str>,
    /// A number up to `maxAge` typed in a query is an age: `[youngest age, word]` per band,
    /// youngest first ([`crate::AgeBand::word`]).
    pub ages: Vec<(u8, &'static str)>,
    /// The oldest age read ([`crate::AgeBand::MAX_AGE`]).
    pub max_age: u8,
}

impl Analysis {
    /// The library's own values.
    pub fn of_library() -> Analysis {
        use crate::analysis as a;
        Analysis {
            min_part: a::MIN_PART,
            min_compound: a::MIN_COMPOUND,
            max_word_bytes: a::MAX_WORD_BYTES,
            typo_lengths: a::TYPO_LENGTHS,
            typo_reach: super::neighbours::REACH,
            min_prefix: a::MIN_PREFIX,
            guard_head: a::GUARD_HEAD,
            guard_max_prefix: a::GUARD_MAX_PREFIX,
            stem_exceptions: a::STEM_EXCEPTIONS.iter().copied().collect(),
            ages: crate::AgeBand::ALL
                .iter()
                .map(|band| (band.range.min.unwrap_or(0), band.word))
                .collect(),
            max_age: crate::AgeBand::MAX_AGE,
        }
    }
}

/// Score weights ([`crate::search`]'s constants, and the index's match and near floors), widened from
/// the library's `f32` exactly, so the script computes with the very same numbers.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Weights {
    pub broader: f64,
    pub coordination: f64,
    pub exact_name: f64,
    pub expansion_tie: f64,
    pub match_floor: f64,
    pub near_floors: Vec<f64>,
    pub prefix: f64,
    pub synonym: f64,
    pub typo: f64,
}

/// One facet: its values, and where its bits are in the facet file.
#[derive(Debug, Serialize)]
pub(super) struct FacetEntry<'a> {
    pub key: &'static str,
    pub label: &'static str,
    pub offset: usize,
    pub values: &'a [(String, String)],
    pub width: usize,
}
