//! Dutch text analysis: from text to the terms the index holds.
//!
//! A word goes through tantivy's own filters — split on non-alphanumerics, lower-case, fold
//! diacritics (`cliënt` = `client`), drop Dutch stop words — and is then stemmed with
//! tantivy's Dutch stemmer (Snowball 3), guarded against its prefix stripping (see
//! [`Stemming::Guarded`]). Compounds are the Dutch speciality: a professional
//! typing "netwerk" expects "netwerkcoach". So a word that can be cut entirely into other
//! words of the catalogue (`netwerk` + `coach`, `ervaring` + s + `deskundige`) is indexed as
//! itself *and* as its parts, all at one position. The dictionary is the catalogue's own
//! vocabulary, so it grows with the catalogue and needs no curated word list.
//!
//! The same [`Analyzer`] serves indexing, querying, snippets and the browser export, so a word
//! can never be analysed two ways. For indexing, the catalogue is read once
//! ([`Analyzer::counting`]) and tantivy is given the terms ready-made, joined by spaces:
//! reading Dutch text (cutting, folding, stop words) is most of what indexing a large
//! catalogue costs, and each word is looked up once, not once per use.
//!
//! This file is long because of its tests (about 80 lines); the analyzer itself is about 460.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use rayon::prelude::*;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, PreTokenizedStream, PreTokenizedString, RawTokenizer,
    RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer, Token, Tokenizer,
};

/// How words are reduced to index terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stemming {
    /// Words are indexed as they are (folded).
    None,
    /// tantivy's Dutch stemmer as it is (Snowball 3, which also strips `ge-` prefixes:
    /// `gezinnen` → `zin`, `geweld` → `wel`, `begeleiding` → `beleid`).
    Snowball,
    /// The Snowball stem, but a stripped prefix is put back (`gezinnen` → `gezin`), and a
    /// stem that no longer starts like the word is not used (`begeleiding` stays whole).
    Guarded,
}

/// Words whose Snowball stem would merge them with an unrelated word: "ouderen" (the
/// elderly) and "ouders" (parents) both stem to `ouder`, which mixes up two target groups.
pub(crate) const STEM_EXCEPTIONS: &[(&str, &str)] = &[("ouderen", "oudere"), ("oudere", "oudere")];

/// A stem is kept when it starts with the word's first this many letters.
pub(crate) const GUARD_HEAD: usize = 3;
/// A stripped prefix (`ge`, `be`, `ver`) is at most this many letters long.
pub(crate) const GUARD_MAX_PREFIX: usize = 4;
/// Words of this many bytes or more are dropped (tantivy's `RemoveLongFilter`).
pub(crate) const MAX_WORD_BYTES: usize = 40;
/// Typo tolerance: from this many letters one edit is allowed, from the second two.
pub(crate) const TYPO_LENGTHS: [usize; 2] = [5, 9];
/// The shortest last word that is also completed as the start of a word.
pub(crate) const MIN_PREFIX: usize = 2;

/// Keeps Snowball's suffix handling but undoes its prefix stripping, which conflates
/// unrelated words (`begeleiding` with `beleid`, `gemeenten` with `menen`).
fn guard_prefix(word: &str, stem: String) -> String {
    let head: String = stem.chars().take(GUARD_HEAD).collect();
    if word.starts_with(&head) {
        return stem;
    }
    // The stem continues the word after a removed prefix: put the prefix back.
    for (i, _) in word.char_indices().skip(1).take(GUARD_MAX_PREFIX) {
        if word[i..].starts_with(&head) {
            return format!("{}{stem}", &word[..i]);
        }
    }
    word.to_string()
}

/// The shortest part a compound is split into (`dak` in `daklozen`).
pub(crate) const MIN_PART: usize = 3;
/// The shortest word that is tried as a compound.
pub(crate) const MIN_COMPOUND: usize = 7;

/// Whether `part` is three letters ending in "en": almost always the plural ending after a
/// doubled consonant ("gezin-nen", "gemeen-ten"), not a word of a compound. Splitting there
/// made "gezinnen" also match every text with "nen" in a compound. The script has the same
/// rule (`search-engine.js`, `split`).
pub(crate) fn is_plural_tail(part: &str) -> bool {
    part.len() == 3 && part.ends_with("en")
}

/// One word of a text, folded and lower-cased, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded, lower-cased surface form (`client` for "Cliënt").
    pub text: String,
    /// Byte range in the original text.
    pub offsets: std::ops::Range<usize>,
    /// Position among the words of the text (stop words count, so phrases keep their gaps).
    pub position: usize,
}

/// The Dutch analyzer. Cheap to clone; clones share the compound dictionary and stem cache,
/// and each keeps a small lock-free cache of its own (indexing threads each have a clone).
pub struct Analyzer {
    words: TextAnalyzer,
    stemmer: TextAnalyzer,
    shared: Arc<Shared>,
    local: FxHashMap<String, Arc<[String]>>,
}

impl Clone for Analyzer {
    fn clone(&self) -> Analyzer {
        Analyzer {
            words: self.words.clone(),
            stemmer: self.stemmer.clone(),
            shared: Arc::clone(&self.shared),
            local: FxHashMap::default(),
        }
    }
}

type FxHashMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
type FxHashSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

struct Shared {
    /// Words compounds may be split into.
    dictionary: FxHashSet<String>,
    /// word → terms, filled as words are met.
    cache: RwLock<FxHashMap<String, Arc<[String]>>>,
    /// How to stem (the relevance judgments decide; see ARCHITECTURE.md).
    stemming: Stemming,
    /// Whether to split compounds.
    split_compounds: bool,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("dictionary", &self.shared.dictionary.len())
            .field("stemming", &self.shared.stemming)
            .finish()
    }
}

impl Analyzer {
    /// An analyzer whose compound dictionary is every word of `texts` (stop words aside).
    #[cfg(any(test, feature = "evaluation"))]
    pub fn for_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Analyzer {
        Analyzer::with_options(texts, Stemming::Guarded, true)
    }

    #[cfg(any(test, feature = "evaluation"))]
    /// Like [`Analyzer::for_texts`], choosing whether words are stemmed and compounds split.
    pub fn with_options<'a>(
        texts: impl IntoIterator<Item = &'a str>,
        stemming: Stemming,
        split_compounds: bool,
    ) -> Analyzer {
        let texts: Vec<&str> = texts.into_iter().collect();
        let documents: Vec<&[&str]> = texts.iter().map(std::slice::from_ref).collect();
        Analyzer::counting(&documents, stemming, split_compounds).analyzer
    }

    /// Reads `documents` (each a list of texts) once, word by word, and gives what indexing
    /// needs of them: the analyzer, whose compound dictionary is their words; every folded
    /// word with the number of documents it occurs in, sorted by word; and each text as its
    /// folded words joined by spaces, which [`Analyzer::index_terms`] turns into index terms
    /// without reading the text again. Reading is the costly part of indexing a large
    /// catalogue, so it runs on all cores, and only once.
    pub(crate) fn counting<T: AsRef<str> + Sync>(
        documents: &[&[T]],
        stemming: Stemming,
        split_compounds: bool,
    ) -> Counted {
        let mut analyzer = Analyzer {
            words: word_analyzer(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::Dutch))
                .build(),
            shared: Arc::new(Shared {
                dictionary: FxHashSet::default(),
                cache: RwLock::new(FxHashMap::default()),
                stemming,
                split_compounds,
            }),
            local: FxHashMap::default(),
        };
        let words: Vec<Vec<String>> = documents
            .par_iter()
            .map_init(
                || analyzer.clone(),
                |local, texts| {
                    texts
                        .iter()
                        .map(|text| {
                            let mut joined = String::with_capacity(text.as_ref().len());
                            local.each_word(text.as_ref(), |word| {
                                if !joined.is_empty() {
                                    joined.push(' ');
                                }
                                joined.push_str(&word.text);
                            });
                            joined
                        })
                        .collect()
                },
            )
            .collect();
        let counts: FxHashMap<String, u32> = words
            .par_iter()
            .fold(
                || (FxHashMap::default(), FxHashSet::default()),
                |(mut counts, mut seen): (FxHashMap<String, u32>, FxHashSet<&str>), texts| {
                    seen.clear();
                    for word in texts.iter().flat_map(|t| t.split(' ')) {
                        if word.is_empty() || !seen.insert(word) {
                            continue;
                        }
                        match counts.get_mut(word) {
                            Some(n) => *n += 1,
                            None => {
                                counts.insert(word.to_string(), 1);
                            }
                        }
                    }
                    (counts, seen)
                },
            )
            .map(|(counts, _)| counts)
            .reduce(FxHashMap::default, |mut a, b| {
                for (word, n) in b {
                    *a.entry(word).or_insert(0) += n;
                }
                a
            });
        let dictionary = counts
            .keys()
            .filter(|w| w.chars().count() >= MIN_PART)
            .cloned()
            .collect();
        analyzer.shared = Arc::new(Shared {
            dictionary,
            cache: RwLock::new(FxHashMap::default()),
            stemming,
            split_compounds,
        });
        let mut counts: Vec<(String, u32)> = counts.into_iter().collect();
        counts.sort_unstable();
        Counted {
            analyzer,
            counts,
            words,
        }
    }

    /// Splits `text` into folded words (stop words dropped).
    pub fn words(&mut self, text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        self.each_word(text, |token| {
            out.push(Word {
                text: token.text.clone(),
                offsets: token.offset_from..token.offset_to,
                position: token.position,
            })
        });
        out
    }

    /// Calls `f` with each folded word of `text` (stop words dropped), as a tantivy token.
    /// Unlike [`Analyzer::words`] it copies nothing, which matters when a large catalogue is
    /// read word by word several times over.
    pub fn each_word(&mut self, text: &str, mut f: impl FnMut(&Token)) {
        let mut stream = self.words.token_stream(text);
        while let Some(token) = stream.next() {
            f(token);
        }
    }

    /// The index terms of one folded word: its stem, and the stems of its compound parts.
    pub fn terms(&mut self, word: &str) -> Arc<[String]> {
        // The clone's own cache first: it needs no lock.
        if let Some(hit) = self.local.get(word) {
            return hit.clone();
        }
        if let Some(hit) = self
            .shared
            .cache
            .read()
            .ok()
            .and_then(|c| c.get(word).cloned())
        {
            self.local.insert(word.to_string(), hit.clone());
            return hit;
        }
        let mut terms = vec![self.stem(word)];
        if let Some(parts) = self.split_compound(word) {
            for part in parts {
                let stem = self.stem(&part);
                if !terms.contains(&stem) {
                    terms.push(stem);
                }
            }
        }
        let terms: Arc<[String]> = terms.into();
        if let Ok(mut cache) = self.shared.cache.write() {
            cache.insert(word.to_string(), terms.clone());
        }
        self.local.insert(word.to_string(), terms.clone());
        terms
    }

    /// The index term of one folded word as a whole: its stem, without its compound parts.
    /// A thesaurus word is searched so: "kleinkinderen" in the group of grootouders must not
    /// find every text about "kinderen" (BENCHMARKS.md measures it).
    pub fn whole_term(&mut self, word: &str) -> String {
        self.terms(word)[0].clone()
    }

    /// Whether `word` is a word of the catalogue.
    pub fn is_known(&self, word: &str) -> bool {
        self.shared.dictionary.contains(word)
    }

    #[cfg(any(test, feature = "evaluation"))]
    /// The catalogue's words, for the browser's vocabulary map.
    pub fn dictionary(&self) -> impl Iterator<Item = &str> {
        self.shared.dictionary.iter().map(String::as_str)
    }

    fn stem(&mut self, word: &str) -> String {
        if self.shared.stemming == Stemming::None {
            return word.to_string();
        }
        if let Some((_, stem)) = STEM_EXCEPTIONS.iter().find(|(w, _)| *w == word) {
            return (*stem).to_string();
        }
        let mut stream = self.stemmer.token_stream(word);
        let stem = match stream.next() {
            Some(token) if !token.text.is_empty() => token.text.clone(),
            _ => return word.to_string(),
        };
        if self.shared.stemming == Stemming::Snowball {
            return stem;
        }
        guard_prefix(word, stem)
    }

    /// Cuts `word` into dictionary words, allowing a linking `s` between parts
    /// (`ervaringsdeskundige`). Prefers the fewest, longest parts.
    pub fn split_compound(&self, word: &str) -> Option<Vec<String>> {
        if !self.shared.split_compounds {
            return None;
        }
        let dict = &self.shared.dictionary;
        split_with(word, |part| dict.contains(part))
    }
}

/// [`Analyzer::split_compound`] with the dictionary as a function: the browser export checks
/// its parts index against it (`search/neighbours.rs`).
pub(crate) fn split_with(word: &str, contains: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    // Byte offset of each character, and of the end: parts are slices of the word, so
    // trying one allocates nothing (a catalogue has tens of thousands of words to try).
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let n = bounds.len() - 1;
    if n < MIN_COMPOUND {
        return None;
    }
    let part = |i: usize, j: usize| &word[bounds[i]..bounds[j]];
    // best[i]: the best split of the characters from i on, as (number of parts, end of
    // the first part, start of the rest); the first found of the fewest parts wins.
    let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; n + 1];
    best[n] = Some((0, n, n));
    for i in (0..n).rev() {
        let mut choice: Option<(usize, usize, usize)> = None;
        for j in (i + MIN_PART..=n).rev() {
            if i == 0 && j == n {
                continue; // the word itself is not a split
            }
            // Directly followed by the rest, or by a linking `s` and the rest. A part
            // that no split of the rest can follow is not looked up.
            let linked = j + 1 < n && part(j, j + 1) == "s";
            let followed = best[j].is_some() || (linked && best[j + 1].is_some());
            if !followed || !contains(part(i, j)) || is_plural_tail(part(i, j)) {
                continue;
            }
            for next in std::iter::once(j).chain(linked.then_some(j + 1)) {
                if let Some((rest, ..)) = best[next]
                    && choice.is_none_or(|(parts, ..)| rest + 1 < parts)
                {
                    choice = Some((rest + 1, j, next));
                }
            }
        }
        best[i] = choice;
    }
    let (parts, ..) = best[0]?;
    if parts < 2 {
        return None;
    }
    let mut out = Vec::with_capacity(parts);
    let mut i = 0;
    while i < n {
        let (_, j, next) = best[i]?;
        out.push(part(i, j).to_string());
        i = next;
    }
    Some(out)
}

impl Analyzer {
    /// The tokens of `text`: every term of every word, at the word's position and offsets
    /// (for highlighting query terms in a snippet of the original text).
    pub fn tokens(&mut self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        for word in self.words(text) {
            for term in self.terms(&word.text).iter() {
                tokens.push(Token {
                    offset_from: word.offsets.start,
                    offset_to: word.offsets.end,
                    position: word.position,
                    text: term.clone(),
                    position_length: 1,
                });
            }
        }
        tokens
    }

    /// The index terms of `words`, folded words joined by spaces as [`Analyzer::counting`]
    /// gives them: every term of every word, joined by spaces. This is what the index is
    /// given, so that tantivy only has to cut it at the spaces.
    pub(crate) fn index_terms(&mut self, words: &str) -> String {
        let mut terms = String::with_capacity(words.len() + words.len() / 4);
        for word in words.split(' ').filter(|w| !w.is_empty()) {
            // Read from this clone's own cache rather than through `terms`, whose shared
            // handle would be counted up and down by every indexing thread for every word.
            let found = match self.local.get(word) {
                Some(found) => found,
                None => {
                    self.terms(word);
                    &self.local[word]
                }
            };
            for term in found.iter() {
                if !terms.is_empty() {
                    terms.push(' ');
                }
                terms.push_str(term);
            }
        }
        terms
    }
}

/// What [`Analyzer::counting`] read from a set of documents.
pub(crate) struct Counted {
    /// The analyzer, with the documents' words as its compound dictionary.
    pub analyzer: Analyzer,
    /// Every folded word with the number of documents it occurs in, by word.
    pub counts: Vec<(String, u32)>,
    /// Per document, per text: its folded words joined by spaces.
    pub words: Vec<Vec<String>>,
}

fn word_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::new(Language::Dutch).expect("tantivy ships Dutch stop words"))
        .build()
}

/// The analyzer as a tantivy tokenizer, for snippets: it reads original text, with offsets.
#[derive(Clone)]
pub(crate) struct DutchTokenizer(pub Analyzer);

impl Tokenizer for DutchTokenizer {
    type TokenStream<'a> = PreTokenizedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PreTokenizedStream {
        // The stream reads only the tokens; the text itself need not be copied.
        PreTokenizedStream::from(PreTokenizedString {
            text: String::new(),
            tokens: self.0.tokens(text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> Analyzer {
        Analyzer::for_texts(["netwerk coach ervaring deskundige dak lozen werk kracht"])
    }

    #[test]
    fn folds_and_lowercases() {
        let mut a = analyzer();
        let words: Vec<String> = a
            .words("Cliënt geïndiceerd ÉÉN Netwerk")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, ["client", "geindiceerd", "netwerk"]);
    }

    #[test]
    fn splits_compounds_into_catalogue_words() {
        let a = analyzer();
        assert_eq!(
            a.split_compound("netwerkcoach"),
            Some(vec!["netwerk".into(), "coach".into()])
        );
        assert_eq!(
            a.split_compound("ervaringsdeskundige"),
            Some(vec!["ervaring".into(), "deskundige".into()])
        );
        assert_eq!(a.split_compound("netwerk"), None);
        assert_eq!(a.split_compound("eenzaamheid"), None);
    }

    #[test]
    fn a_plural_ending_is_not_a_part() {
        let a = Analyzer::for_texts(["gezin nen gemeen ten jeugd wet"]);
        assert_eq!(a.split_compound("gezinnen"), None);
        assert_eq!(a.split_compound("gemeenten"), None);
        // Three letters that are not a plural ending still are.
        assert_eq!(
            a.split_compound("jeugdwet"),
            Some(vec!["jeugd".into(), "wet".into()])
        );
    }

    proptest::proptest! {
        /// Whatever the word (accents, odd characters, pieces of catalogue words), a split
        /// never panics, and its parts are the word itself, in order, with at most a linking
        /// `s` between two parts.
        #[test]
        fn a_split_is_the_word_cut_into_catalogue_words(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["netwerk", "coach", "s", "dak", "lozen", "é", "ĳ", "werk", "x"]),
                0..8,
            )
        ) {
            let a = analyzer();
            let word: String = pieces.concat();
            if let Some(parts) = a.split_compound(&word) {
                proptest::prop_assert!(parts.len() >= 2);
                let mut rest = word.as_str();
                for (i, part) in parts.iter().enumerate() {
                    proptest::prop_assert!(a.is_known(part), "{part} is not a catalogue word");
                    if i > 0 && !rest.starts_with(part.as_str()) {
                        rest = rest.strip_prefix('s').unwrap_or(rest);
                    }
                    rest = rest.strip_prefix(part.as_str()).unwrap_or("<mismatch>");
                }
                proptest::prop_assert_eq!(rest, "");
            }
        }
    }

    #[test]
    fn stemming_keeps_the_start_of_the_word() {
        let mut a = analyzer();
        assert_eq!(&*a.terms("gezinnen"), ["gezin"]);
        assert_eq!(&*a.terms("gezin"), ["gezin"]);
        assert_eq!(&*a.terms("begeleiding"), ["begeleiding"]);
        assert_eq!(&*a.terms("beleid"), ["beleid"]);
        assert_eq!(&*a.terms("problemen"), ["problem"]);
        assert_eq!(a.terms("daklozen")[0], "dakloos");
        assert_ne!(a.terms("ouderen")[0], a.terms("ouders")[0]);
        assert_eq!(a.terms("ouders")[0], a.terms("ouder")[0]);
    }

    #[test]
    fn compound_terms_include_the_whole_word() {
        let mut a = Analyzer::with_options(["netwerk coach"], Stemming::None, true);
        assert_eq!(
            &*a.terms("netwerkcoach"),
            ["netwerkcoach", "netwerk", "coach"]
        );
    }
}
