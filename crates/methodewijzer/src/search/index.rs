//! The tantivy index of a catalogue: how it is built, what it keeps beside tantivy's own
//! index (facet values, cards, names, synonyms, signatures, related lists) and its segments. Reading a
//! query is in `query.rs`, running one in `results.rs`, what is indexed of a method in
//! `fields.rs`.
//!
//! One document per method. Text goes into a handful of fields with different weights —
//! a word in the name says more than a word in a practice example. Beside the index, a term
//! dictionary of its own ([`WordList`]) keeps the surface words with their document
//! frequencies, for prefix expansion; typo corrections are looked up under the words'
//! deletion signatures ([`Typos`]). The index lives in RAM: a catalogue is small, and building it takes
//! milliseconds per hundred methods.
//!
//! This file is long because every table a query reads beside tantivy's index (facet values,
//! cards, names, the thesaurus, typos, signatures, related lists) is built here, in one pass over the
//! catalogue; each is small, and splitting them would pass that pass's intermediate data
//! between files.

use std::collections::HashMap;
use std::sync::{Arc, Once, RwLock};

use rayon::prelude::*;
use tantivy::schema::{FAST, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, ReloadPolicy, Searcher, TantivyDocument};

use super::card::Card;
use super::fields::all_field_texts;
use super::neighbours::Typos;
use super::related::Signatures;
use super::words::WordList;
use super::{Facet, STRIDE};
use crate::analysis::{Analyzer, Counted, Stemming};
use crate::catalogue::Catalogue;
use crate::text::comparable;

/// The scored fields and their weights, justified by the relevance judgments
/// (`tests/relevance/`, BENCHMARKS.md). `core` — aim, effective elements, problem,
/// indications and the recognisable situations, the fields that say when a method fits —
/// counts double: chosen on the training set (now nDCG@10 0.870 → 0.880, MRR 0.927 → 0.937
/// against equal weights), for situations.
pub const FIELD_WEIGHTS: [(&str, f32); 5] = [
    ("name", 1.0),
    ("summary", 1.0),
    ("labels", 1.0),
    ("core", 2.0),
    ("body", 1.0),
];

/// Weight of a word completed from a prefix, relative to a typed word.
pub const PREFIX_WEIGHT: f32 = 0.8;
/// Weight of a word found by edit distance.
pub const TYPO_WEIGHT: f32 = 0.7;
/// How many similar methods [`SearchIndex::similar`] lists.
pub const SIMILAR: usize = 12;
/// The share of the best score a method needs to count as a match (see
/// [`IndexOptions::match_floor`]). Chosen on the training judgments (BENCHMARKS.md).
pub const MATCH_FLOOR: f32 = 0.4;
/// The shares of the best score from which the methods related to the best match count, the
/// first related method first (see [`IndexOptions::near_floors`]): the four a method's page
/// lists as related. Chosen on the training judgments (BENCHMARKS.md).
pub const NEAR_FLOORS: [f32; 4] = [0.0, 0.1, 0.2, 0.3];
/// See [`IndexOptions::coordination`]: a method's score is multiplied by the share of the
/// query it covers. Chosen on the training judgments (BENCHMARKS.md).
pub const COORDINATION: f32 = 1.0;
/// See [`IndexOptions::expansion_tie`]. Chosen on the training judgments (BENCHMARKS.md).
pub const EXPANSION_TIE: f32 = 0.7;

/// Weight of the words of a broader concept (a query for "weduwnaar" also finds texts about
/// eenzaamheid, lower than texts about weduwnaars).
pub const BROADER_WEIGHT: f32 = 0.4;

/// Weight of a synonym's words, and of the word an age is read as ("80" → ouderen,
/// [`crate::AgeBand::word`]; chosen on the training set against 0.4 and 1).
pub const SYNONYM_WEIGHT: f32 = 0.7;
/// Added to the score of a method whose name or alias is the query, so it comes first.
pub const EXACT_NAME_BONUS: f32 = 1000.0;
/// At most this many completions of a prefix, the most frequent first.
pub const MAX_EXPANSIONS: usize = 10;
/// Words of a query beyond this are ignored (a pasted page must not stall the search).
pub const MAX_QUERY_WORDS: usize = 32;
// A clause's typed words are bits of a u32 (`Clause::words`), here and in the script.
const _: () = assert!(MAX_QUERY_WORDS <= 32);

/// The fields are given their terms ready-made, joined by spaces ([`Analyzer::counting`]).
const TOKENIZER: &str = "terms";

/// Choices in how the index is built; [`IndexOptions::default`] is what the catalogue uses.
/// Other values exist so that the relevance evaluation can compare alternatives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndexOptions {
    /// How words are stemmed.
    pub stemming: Stemming,
    /// Split compounds into catalogue words.
    pub split_compounds: bool,
    /// Weight per scored field, in [`FIELD_WEIGHTS`] order.
    pub weights: [f32; 5],
    /// A method matches a query when its score is at least this share of the best method's:
    /// what is counted, faceted and listed. 0 counts every method that shares a word.
    pub match_floor: f32,
    /// The methods related to the best match ([`SearchIndex::related`], the list its page
    /// starts with) count from these shares of the best score, the first related method from
    /// the first share, and so on, where that is below [`match_floor`](Self::match_floor): a
    /// weaker match about the same thing as the best one is more likely what was meant than
    /// an equally weak one about something else. Empty, the floor alone decides.
    pub near_floors: &'static [f32],
    /// How much covering more of the query counts: a method's score is multiplied by the
    /// share of the query's words (those that match any method) it matches, to this power.
    /// 0 leaves scores as the sum of what each word earns.
    pub coordination: f32,
    /// Of the clauses of one concept (a typed word and the thesaurus words it brought in),
    /// the best counts whole and each other at this share. 1 sums them all.
    pub expansion_tie: f32,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            stemming: Stemming::Guarded,
            split_compounds: true,
            weights: FIELD_WEIGHTS.map(|(_, w)| w),
            match_floor: MATCH_FLOOR,
            near_floors: &NEAR_FLOORS,
            coordination: COORDINATION,
            expansion_tie: EXPANSION_TIE,
        }
    }
}

/// The search index of a catalogue, with what its results show of each method: built once
/// from a [`Catalogue`], it answers queries without it.
///
/// ```
/// use methodewijzer::{Catalogue, Facet, SearchIndex, SearchRequest};
/// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../interventions");
/// let index = SearchIndex::build(&Catalogue::load(dir).unwrap());
///
/// let results = index.search(&SearchRequest::new("krachtwek")); // a typo
/// assert_eq!(results.hits[0].slug, "krachtwerk");
///
/// let results = index.search(&SearchRequest::new("").filter(Facet::Theme, "eenzaamheid"));
/// assert!(results.hits.iter().all(|h| h.facts.recognition.len() > 0));
/// ```
pub struct SearchIndex {
    pub(super) index: Index,
    /// The documents' segments, as a searcher sees them. See [`SearchIndex::segments`].
    segments: RwLock<Arc<Segments>>,
    /// Merges the segments into one, once, before the first query.
    merge: Once,
    pub(super) analyzer: Analyzer,
    pub(super) fields: Vec<(Field, f32)>,
    /// Every surface word of the catalogue with its document frequency.
    pub(super) words: WordList,
    /// The same words under their deletion signatures, for typo corrections.
    pub(super) typos: Typos,
    /// Per facet (in [`Facet::ALL`] order), its values as (id, label), in display order.
    pub(super) facets: Vec<Vec<(String, String)>>,
    /// Per method, what a result shows of it.
    pub(super) cards: Vec<Card>,
    /// Facet values of all methods, flat: method `m`'s values of facet `f` are
    /// `facet_values[facet_starts[m * STRIDE + f]..facet_starts[m * STRIDE + f + 1]]`, each the index
    /// into `facet_ids[f]` plus `facet_offsets[f]`, so that all facets count into one array.
    /// Flat, because counting facets touches every match of every query.
    pub(super) facet_values: Vec<u16>,
    pub(super) facet_starts: Vec<u32>,
    pub(super) facet_offsets: Vec<usize>,
    pub(super) methods: usize,
    /// Per method, its position in name order (ties in score are broken by name).
    pub(super) name_rank: Vec<u32>,
    /// Per method, the texts snippets are cut from: summary, core, body.
    pub(super) snippet_texts: Vec<[String; 3]>,
    /// Name and aliases, as compared, → method ordinal.
    pub(super) names: HashMap<String, u32>,
    /// Synonym groups: each member as its folded words.
    pub(super) synonyms: Vec<Vec<Vec<String>>>,
    /// Per synonym group, its broader groups (transitively), by index.
    pub(super) broader: Vec<Vec<usize>>,
    /// See [`IndexOptions::match_floor`].
    pub(super) match_floor: f32,
    /// See [`IndexOptions::near_floors`]; none above the match floor, at most [`SIMILAR`].
    pub(super) near_floors: Vec<f32>,
    /// See [`IndexOptions::coordination`].
    pub(super) coordination: f32,
    pub(super) expansion_tie: f32,
    /// Content signatures for related methods.
    pub(super) signatures: Signatures,
    /// Per method, its related methods ([`SIMILAR`] at most, `results.rs`): made once, for
    /// the pages, every search's near floor and the browser export.
    pub(super) related: Vec<Vec<u32>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("methods", &self.methods)
            .finish()
    }
}

impl SearchIndex {
    /// Indexes every method of `catalogue` with the default options.
    pub fn build(catalogue: &Catalogue) -> SearchIndex {
        SearchIndex::build_configured(catalogue, IndexOptions::default())
    }

    /// Indexes every method of `catalogue` with `options` (to compare analysis choices).
    #[cfg(feature = "evaluation")]
    pub fn build_with_options(catalogue: &Catalogue, options: IndexOptions) -> SearchIndex {
        SearchIndex::build_configured(catalogue, options)
    }

    fn build_configured(catalogue: &Catalogue, options: IndexOptions) -> SearchIndex {
        let texts = all_field_texts(catalogue);
        let documents: Vec<&[String]> = texts.iter().map(|t| t.as_slice()).collect();
        let Counted {
            analyzer,
            counts,
            words,
        } = Analyzer::counting(&documents, options.stemming, options.split_compounds);
        let words_list =
            WordList::new(&counts).expect("a term dictionary in memory cannot fail to build");
        let typos = Typos::new(counts.iter().map(|(word, _)| word.as_str()));
        drop(counts);
        let terms: Vec<Vec<String>> = words
            .par_iter()
            .map_init(
                || analyzer.clone(),
                |analyzer, fields| fields.iter().map(|w| analyzer.index_terms(w)).collect(),
            )
            .collect();
        drop(words);
        SearchIndex::build_with(
            catalogue,
            analyzer,
            (words_list, typos),
            texts,
            terms,
            options,
        )
        .expect("an in-memory index of a loaded catalogue cannot fail to build")
    }

    /// `texts` are each method's field texts, `terms` the same fields as index terms. Both are
    /// taken, not copied: at 10,000 methods they are a good part of a build's memory.
    fn build_with(
        catalogue: &Catalogue,
        analyzer: Analyzer,
        (words, typos): (WordList, Typos),
        texts: Vec<[String; 5]>,
        terms: Vec<Vec<String>>,
        options: IndexOptions,
    ) -> tantivy::Result<SearchIndex> {
        let mut schema = Schema::builder();
        let text_options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let fields: Vec<(Field, f32)> = FIELD_WEIGHTS
            .iter()
            .zip(options.weights)
            .map(|((name, _), weight)| (schema.add_text_field(name, text_options.clone()), weight))
            .collect();
        let ord = schema.add_u64_field("ord", FAST);
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(
            TOKENIZER,
            TextAnalyzer::from(tantivy::tokenizer::WhitespaceTokenizer::default()),
        );

        // Scores do not depend on how documents spread over segments (BM25 statistics are
        // index-wide) and ties are broken by name, so indexing may use every core.
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4);
        let mut writer =
            index.writer_with_num_threads::<TantivyDocument>(threads, 100_000_000 * threads)?;
        // Signatures are made here, on all cores, rather than on first use: pages ask for
        // related methods from many threads at once, and a lazy build would run on one while
        // the others wait. They come first because the documents then take the terms.
        let signatures = Signatures::build(&terms);
        for (i, field_terms) in terms.into_iter().enumerate() {
            let mut doc = TantivyDocument::default();
            for ((field, _), text) in fields.iter().zip(field_terms) {
                doc.add_text(*field, text);
            }
            doc.add_u64(ord, i as u64);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let segments = Segments::read(&index)?;

        let mut names = HashMap::new();
        for (i, method) in catalogue.iter().enumerate() {
            for name in std::iter::once(&method.name).chain(&method.aliases) {
                names.entry(comparable(name)).or_insert(i as u32);
            }
        }
        let mut word_analyzer = analyzer.clone();
        let synonyms = catalogue
            .synonyms()
            .groups
            .iter()
            .map(|group| {
                group
                    .words
                    .iter()
                    .map(|phrase| {
                        word_analyzer
                            .words(phrase)
                            .into_iter()
                            .map(|w| w.text)
                            .collect::<Vec<_>>()
                    })
                    .filter(|member| !member.is_empty())
                    .collect()
            })
            .collect();

        let facets: Vec<Vec<(String, String)>> =
            Facet::ALL.iter().map(|f| f.vocabulary(catalogue)).collect();
        let mut facet_offsets = vec![0];
        for ids in &facets {
            facet_offsets.push(facet_offsets.last().copied().unwrap_or(0) + ids.len());
        }
        let mut flat_values = Vec::new();
        let mut facet_starts = Vec::with_capacity(catalogue.len() * STRIDE);
        for m in catalogue {
            for (i, facet) in Facet::ALL.iter().enumerate() {
                facet_starts.push(flat_values.len() as u32);
                let ids = &facets[i];
                let values = facet.values_of(catalogue, m);
                flat_values.extend(values.iter().filter_map(|v| {
                    let local = ids.iter().position(|(id, _)| id == v)?;
                    Some((facet_offsets[i] + local) as u16)
                }));
            }
            facet_starts.push(flat_values.len() as u32);
        }
        let mut by_name: Vec<(String, u32)> = catalogue
            .iter()
            .enumerate()
            .map(|(i, m)| (comparable(&m.name), i as u32))
            .collect();
        by_name.sort();
        let mut name_rank = vec![0; by_name.len()];
        for (rank, (_, ord)) in by_name.into_iter().enumerate() {
            name_rank[ord as usize] = rank as u32;
        }
        let snippet_texts = texts
            .into_iter()
            .map(|[_, summary, _, core, body]| [summary, core, body])
            .collect();

        let mut index = SearchIndex {
            index,
            segments: RwLock::new(Arc::new(segments)),
            merge: Once::new(),
            analyzer,
            fields,
            words,
            typos,
            facets,
            cards: catalogue
                .methods()
                .par_iter()
                .map(|m| Card::of(catalogue, m))
                .collect(),
            facet_values: flat_values,
            facet_starts,
            facet_offsets,
            methods: catalogue.len(),
            name_rank,
            snippet_texts,
            names,
            synonyms,
            broader: catalogue.synonyms().broader_closure(),
            signatures,
            match_floor: options.match_floor,
            near_floors: (options.near_floors.iter().take(SIMILAR))
                .map(|&floor| floor.min(options.match_floor))
                .collect(),
            coordination: options.coordination,
            expansion_tie: options.expansion_tie,
            related: Vec::new(),
        };
        index.related = (0..index.methods)
            .into_par_iter()
            .map(|ord| index.related_of(ord, SIMILAR))
            .collect();
        Ok(index)
    }

    /// Method `ord`'s values of facet number `facet` (in [`Facet::ALL`] order), as global
    /// value ids (see `facet_values`).
    pub(super) fn facet_values_of(&self, ord: usize, facet: usize) -> &[u16] {
        let start = self.facet_starts[ord * STRIDE + facet] as usize;
        let end = self.facet_starts[ord * STRIDE + facet + 1] as usize;
        &self.facet_values[start..end]
    }

    /// The analyzer the index was built with.
    #[cfg(feature = "evaluation")]
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The segments as they are now: as indexed, or merged into one once a query has run.
    ///
    /// The index is built on all cores, one segment per indexing thread. A query looks every
    /// term up once per segment, so the first query merges them into one, on one core
    /// (0.1–0.3 s at 10,000 methods). Reading every posting, as the browser export does,
    /// costs the same on any number of segments, so a site build, which only exports, never
    /// pays for the merge. Scores do not depend on the segments: BM25's statistics are
    /// index-wide, and ties are broken by name.
    pub(super) fn segments(&self) -> Arc<Segments> {
        self.segments
            .read()
            .map_or_else(|e| Arc::clone(&e.into_inner()), |s| Arc::clone(&s))
    }

    /// [`SearchIndex::segments`], merged into one first if that has not been done yet. When
    /// the merge fails, queries run on the segments as they are, with the same results.
    pub(super) fn queryable(&self) -> Arc<Segments> {
        // `_force`: a merge that panicked is tried again rather than poisoning every query.
        self.merge.call_once_force(|_| {
            if self.segments().searcher.segment_readers().len() < 2 {
                return;
            }
            if let Ok(merged) = self.merged() {
                let mut segments = self.segments.write().unwrap_or_else(|e| e.into_inner());
                *segments = Arc::new(merged);
            }
        });
        self.segments()
    }

    fn merged(&self) -> tantivy::Result<Segments> {
        // The smallest memory budget tantivy allows: a merge adds no documents.
        let mut writer = self
            .index
            .writer_with_num_threads::<TantivyDocument>(1, 15_000_000)?;
        let ids = self.index.searchable_segment_ids()?;
        writer.merge(&ids).wait()?;
        writer.wait_merging_threads()?;
        Segments::read(&self.index)
    }
}

/// An index's segments as one searcher sees them, with each document's method ordinal.
pub(super) struct Segments {
    pub(super) searcher: Searcher,
    /// Method ordinal of each document, per segment.
    pub(super) ords: Vec<Vec<u32>>,
}

impl Segments {
    /// The segments `index` has now.
    fn read(index: &Index) -> tantivy::Result<Segments> {
        let reader: tantivy::IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let mut ords = Vec::new();
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().u64("ord")?;
            ords.push(
                (0..segment.max_doc())
                    .map(|doc| column.first(doc).unwrap_or(0) as u32)
                    .collect(),
            );
        }
        Ok(Segments { searcher, ords })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchRequest;

    /// The shipped catalogue, each method copied `copies` times under another slug and name:
    /// enough documents for every indexing thread to make a segment of its own.
    fn larger_catalogue(copies: usize) -> Catalogue {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../interventions");
        let shipped = Catalogue::load(dir).expect("the shipped catalogue loads");
        let mut methods = Vec::new();
        for copy in 0..copies {
            for method in shipped.methods() {
                let mut method = method.clone();
                method.slug = format!("{}-{copy}", method.slug);
                method.name = format!("{} {copy}", method.name);
                method.related.clear();
                methods.push(method);
            }
        }
        Catalogue::from_parts(
            methods,
            shipped.vocabularies().clone(),
            shipped.synonyms().clone(),
            shipped.today(),
        )
    }

    #[test]
    fn the_first_query_merges_the_segments_and_the_browser_export_is_the_same_before_and_after() {
        let catalogue = larger_catalogue(40);
        let index = SearchIndex::build(&catalogue);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let segments = index.segments().searcher.segment_readers().len();
        if threads > 1 {
            assert!(segments > 1, "{segments} segment(s) from {threads} threads");
        }
        let before = index.browser_export();

        let request = SearchRequest::new("eenzaamheid ouderen");
        let results = index.search(&request);
        assert!(!results.hits.is_empty());
        assert_eq!(index.segments().searcher.segment_readers().len(), 1);
        // The same query again, now on the merged segment, ranks the same.
        assert_eq!(index.search(&request), results);

        let after = index.browser_export();
        assert_eq!(before.manifest, after.manifest);
        assert_eq!(before.files.len(), after.files.len());
        for (b, a) in before.files.iter().zip(&after.files) {
            assert_eq!(b.name, a.name);
            assert!(b.bytes == a.bytes, "{} differs", b.name);
        }
    }
}
