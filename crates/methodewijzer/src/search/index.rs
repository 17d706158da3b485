//! The tantivy index of a catalogue and the query it runs.
//!
//! One document per method. Text goes into a handful of fields with different weights —
//! a word in the name says more than a word in a practice example. Beside the index, a term
//! dictionary of its own ([`WordList`]) keeps the surface words with their document
//! frequencies; typo and prefix expansion stream through it with tantivy's Levenshtein
//! automata. The index lives in RAM: a catalogue is small, and building it takes
//! milliseconds per hundred methods.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Once, RwLock};

use rayon::prelude::*;
use tantivy::directory::FileSlice;
use tantivy::postings::TermInfo;
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{FAST, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::snippet::SnippetGenerator;
use tantivy::termdict::{TermDictionary, TermDictionaryBuilder};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, ReloadPolicy, Searcher, TantivyDocument, Term};

use super::analysis::{Analyzer, Counted, DutchTokenizer, Stemming};
use super::related::Signatures;
use super::{Facet, FacetCounts, FacetValue, Hit, SearchRequest, SearchResults};
use crate::catalogue::Catalogue;
use crate::markdown;
use crate::model::{Method, Status};
use crate::text::comparable;
use crate::vocab::Kind;

/// The scored fields and their weights, justified by the relevance judgments
/// (`tests/relevance/`, BENCHMARKS.md).
pub const FIELD_WEIGHTS: [(&str, f32); 5] = [
    ("name", 1.0),
    ("summary", 1.0),
    ("labels", 1.0),
    ("core", 1.0),
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
pub const MATCH_FLOOR: f32 = 0.25;

/// Weight of the words of a broader concept (a query for "weduwnaar" also finds texts about
/// eenzaamheid, lower than texts about weduwnaars).
pub const BROADER_WEIGHT: f32 = 0.4;

/// Weight of a synonym's words.
pub const SYNONYM_WEIGHT: f32 = 0.7;
/// Added to the score of a method whose name or alias is the query, so it comes first.
pub const EXACT_NAME_BONUS: f32 = 1000.0;
/// At most this many completions of a prefix, the most frequent first.
pub const MAX_EXPANSIONS: usize = 10;
/// Words of a query beyond this are ignored (a pasted page must not stall the search).
pub const MAX_QUERY_WORDS: usize = 32;

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
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            stemming: Stemming::Guarded,
            split_compounds: true,
            weights: FIELD_WEIGHTS.map(|(_, w)| w),
            match_floor: MATCH_FLOOR,
        }
    }
}

/// The search index of a catalogue. Built by [`Catalogue::index`].
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
    /// Per facet, its values (ids, in vocabulary order).
    pub(super) facet_ids: Vec<Vec<String>>,
    /// Facet values of all methods, flat: method `m`'s values of facet `f` are
    /// `facet_values[facet_starts[m * 8 + f]..facet_starts[m * 8 + f + 1]]`, each the index
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
    /// Content signatures for related methods.
    pub(super) signatures: Signatures,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("methods", &self.methods)
            .finish()
    }
}

/// The text of each scored field for one method, in [`FIELD_WEIGHTS`] order.
pub fn field_texts(catalogue: &Catalogue, method: &Method) -> [String; 5] {
    let vocab = catalogue.vocabularies();
    let mut labels = Vec::new();
    let lists: [(Kind, &[String]); 5] = [
        (Kind::Theme, &method.themes),
        (Kind::TargetGroup, &method.target_groups),
        (Kind::Setting, &method.settings),
        (Kind::Law, &method.laws),
        (Kind::CarriedOutBy, &method.carried_out_by),
    ];
    for (kind, ids) in lists {
        labels.extend(ids.iter().map(|id| vocab.label(kind, id).to_string()));
    }
    if let Some(level) = &method.prevention_level {
        labels.push(vocab.label(Kind::PreventionLevel, level).to_string());
    }

    let mut core = vec![markdown::to_text(&method.aim)];
    core.extend(method.effective_elements.iter().cloned());
    core.extend(method.problem.as_deref().map(markdown::to_text));
    core.extend(method.indications.as_deref().map(markdown::to_text));

    let mut body = vec![markdown::to_text(&method.approach)];
    for (key, text) in method.markdown_fields() {
        if !matches!(key, "aim" | "approach" | "problem" | "indications") {
            body.push(markdown::to_text(text));
        }
    }
    for example in &method.practice_examples {
        body.push(example.title.clone());
        body.extend(example.place.clone());
        body.push(markdown::to_text(&example.description));
    }
    body.extend(method.owner.as_ref().map(|o| o.organisation.clone()));

    let mut name = vec![method.name.clone()];
    name.extend(method.aliases.iter().cloned());
    [
        name.join("\n"),
        method.summary.clone(),
        labels.join("\n"),
        core.join("\n"),
        body.join("\n"),
    ]
}

/// [`field_texts`] of every method, computed on all cores.
fn all_field_texts(catalogue: &Catalogue) -> Vec<[String; 5]> {
    catalogue
        .methods()
        .par_iter()
        .map(|m| field_texts(catalogue, m))
        .collect()
}

/// The values of each facet for one method.
pub fn facet_values(catalogue: &Catalogue, method: &Method) -> BTreeMap<Facet, Vec<String>> {
    let level = method.recognition_level(catalogue.today()).to_string();
    BTreeMap::from([
        (Facet::Theme, method.themes.clone()),
        (Facet::TargetGroup, method.target_groups.clone()),
        (Facet::Law, method.laws.clone()),
        (Facet::RecognitionLevel, vec![level]),
        (Facet::CarriedOutBy, method.carried_out_by.clone()),
        (Facet::Setting, method.settings.clone()),
        (Facet::Status, vec![method.status.id().to_string()]),
    ])
}

impl SearchIndex {
    /// Indexes every method of `catalogue` with the default options.
    pub fn build(catalogue: &Catalogue) -> SearchIndex {
        SearchIndex::build_with_options(catalogue, IndexOptions::default())
    }

    /// Indexes every method of `catalogue` with `options`.
    pub fn build_with_options(catalogue: &Catalogue, options: IndexOptions) -> SearchIndex {
        let texts = all_field_texts(catalogue);
        let documents: Vec<&[String]> = texts.iter().map(|t| t.as_slice()).collect();
        let Counted {
            analyzer,
            counts,
            words,
        } = Analyzer::counting(&documents, options.stemming, options.split_compounds);
        let words_list =
            WordList::new(&counts).expect("a term dictionary in memory cannot fail to build");
        drop(counts);
        let terms: Vec<Vec<String>> = words
            .par_iter()
            .map_init(
                || analyzer.clone(),
                |analyzer, fields| fields.iter().map(|w| analyzer.index_terms(w)).collect(),
            )
            .collect();
        drop(words);
        SearchIndex::build_with(catalogue, analyzer, words_list, texts, terms, options)
            .expect("an in-memory index of a loaded catalogue cannot fail to build")
    }

    /// `texts` are each method's field texts, `terms` the same fields as index terms. Both are
    /// taken, not copied: at 10,000 methods they are a good part of a build's memory.
    fn build_with(
        catalogue: &Catalogue,
        analyzer: Analyzer,
        words: WordList,
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

        let facet_ids: Vec<Vec<String>> = Facet::ALL
            .iter()
            .map(|f| {
                facet_vocabulary(catalogue, *f)
                    .into_iter()
                    .map(|(id, _)| id)
                    .collect()
            })
            .collect();
        let mut facet_offsets = vec![0];
        for ids in &facet_ids {
            facet_offsets.push(facet_offsets.last().copied().unwrap_or(0) + ids.len());
        }
        let mut flat_values = Vec::new();
        let mut facet_starts = Vec::with_capacity(catalogue.len() * 8);
        for m in catalogue {
            let values = facet_values(catalogue, m);
            for (i, facet) in Facet::ALL.iter().enumerate() {
                facet_starts.push(flat_values.len() as u32);
                let ids = &facet_ids[i];
                flat_values.extend(values[facet].iter().filter_map(|v| {
                    let local = ids.iter().position(|id| id == v)?;
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

        Ok(SearchIndex {
            index,
            segments: RwLock::new(Arc::new(segments)),
            merge: Once::new(),
            analyzer,
            fields,
            words,
            facet_ids,
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
        })
    }

    /// Method `ord`'s values of facet number `facet` (in [`Facet::ALL`] order), as global
    /// value ids (see `facet_values`).
    pub(super) fn facet_values_of(&self, ord: usize, facet: usize) -> &[u16] {
        let start = self.facet_starts[ord * 8 + facet] as usize;
        let end = self.facet_starts[ord * 8 + facet + 1] as usize;
        &self.facet_values[start..end]
    }

    /// The analyzer the index was built with.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The underlying tantivy index (for exports).
    pub fn tantivy(&self) -> &Index {
        &self.index
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
    fn queryable(&self) -> Arc<Segments> {
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

    /// Runs `request` against the index.
    pub fn search(&self, catalogue: &Catalogue, request: &SearchRequest) -> SearchResults {
        let segments = self.queryable();
        let searcher = &segments.searcher;
        let query = self.parse(&request.query);

        // Every match with its score, by method ordinal.
        let mut scored: Vec<(u32, f32)> = match &query {
            None => (0..self.methods as u32).map(|o| (o, 0.0)).collect(),
            Some(query) => searcher
                .search(
                    query,
                    &AllMatches {
                        ords: &segments.ords,
                    },
                )
                .unwrap_or_default(),
        };
        // The best score before the exact-name bonus: the match floor is a share of what the
        // words earn, so that typing a method's name does not hide every other match.
        let best = scored.iter().map(|&(_, s)| s).fold(0.0f32, f32::max);
        if query.is_some()
            && let Some(&ord) = self.names.get(&comparable(&request.query))
        {
            for (o, score) in &mut scored {
                if *o == ord {
                    *score += EXACT_NAME_BONUS;
                }
            }
        }
        // Only methods that match well enough count: a query sharing one common word with
        // every method must not report the whole catalogue as found.
        if query.is_some() && self.match_floor > 0.0 {
            scored.retain(|&(_, s)| s >= best * self.match_floor);
        }

        // Filters as a wanted-flag per facet value (all facets in one array); a facet
        // without a filter accepts everything.
        let mut wanted = vec![false; self.facet_offsets[Facet::ALL.len()]];
        let mut filtered = [false; 7];
        for (i, facet) in Facet::ALL.iter().enumerate() {
            if let Some(values) = request.filters.get(facet).filter(|v| !v.is_empty()) {
                filtered[i] = true;
                for (local, id) in self.facet_ids[i].iter().enumerate() {
                    wanted[self.facet_offsets[i] + local] = values.contains(id);
                }
            }
        }
        let any_filter = filtered.contains(&true);

        // Facet counts: a method counts for facet F when it passes every filter but F's.
        let mut flat = vec![0u32; self.facet_offsets[Facet::ALL.len()]];
        let mut passing = Vec::with_capacity(scored.len());
        for &(ord, score) in &scored {
            let starts = &self.facet_starts[ord as usize * 8..ord as usize * 8 + 8];
            let mut failed = 0u8;
            if any_filter {
                for i in (0..7).filter(|&i| filtered[i]) {
                    if !self
                        .facet_values_of(ord as usize, i)
                        .iter()
                        .any(|&v| wanted[v as usize])
                    {
                        failed |= 1 << i;
                    }
                }
            }
            if failed == 0 {
                // The usual case: one pass over all of the method's values.
                for &v in &self.facet_values[starts[0] as usize..starts[7] as usize] {
                    flat[v as usize] += 1;
                }
                passing.push((ord, score));
            } else if failed.count_ones() == 1 {
                // Failing only facet F's filter still counts for F.
                for &v in self.facet_values_of(ord as usize, failed.trailing_zeros() as usize) {
                    flat[v as usize] += 1;
                }
            }
        }
        let counts: Vec<&[u32]> = (0..7)
            .map(|i| &flat[self.facet_offsets[i]..self.facet_offsets[i + 1]])
            .collect();

        let total = passing.len();
        let order = |a: &(u32, f32), b: &(u32, f32)| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.name_rank[a.0 as usize].cmp(&self.name_rank[b.0 as usize]))
        };
        let end = request.offset.saturating_add(request.limit).min(total);
        if end > 0 && end < total {
            passing.select_nth_unstable_by(end - 1, order);
            passing.truncate(end);
        }
        passing.sort_unstable_by(order);
        let page: Vec<(u32, f32)> = passing.into_iter().skip(request.offset).collect();

        // Snippet generators are made on demand: most hits highlight in their summary, so
        // the longer fields are rarely needed.
        let mut generators: [Option<Option<SnippetGenerator>>; 3] = [None, None, None];
        let methods = catalogue.methods();
        let hits = page
            .into_iter()
            .map(|(ord, score)| {
                let method = &methods[ord as usize];
                Hit {
                    slug: method.slug.clone(),
                    name: method.name.clone(),
                    score,
                    snippet: self.snippet(
                        ord as usize,
                        method,
                        query.as_deref(),
                        searcher,
                        &mut generators,
                    ),
                }
            })
            .collect();

        let facets = Facet::ALL
            .into_iter()
            .enumerate()
            .map(|(i, facet)| {
                let selected = request.filters.get(&facet);
                FacetCounts {
                    facet,
                    label: facet.label().to_string(),
                    values: facet_vocabulary(catalogue, facet)
                        .into_iter()
                        .enumerate()
                        .map(|(v, (id, label))| FacetValue {
                            count: counts[i].get(v).copied().unwrap_or(0) as usize,
                            selected: selected.is_some_and(|s| s.contains(&id)),
                            id,
                            label,
                        })
                        .collect(),
                }
            })
            .collect();

        SearchResults {
            total,
            hits,
            facets,
        }
    }

    /// Builds the query for `text`; `None` when it is blank or only stop words (browse). Text
    /// without a letter or digit (only punctuation or emoji) finds nothing, not everything.
    pub fn parse(&self, text: &str) -> Option<Box<dyn Query>> {
        let segments = self.queryable();
        let searcher = &segments.searcher;
        let mut analyzer = self.analyzer.clone();
        let mut words = analyzer.words(text);
        words.truncate(MAX_QUERY_WORDS);
        if words.is_empty() {
            // Text without a letter or digit (punctuation, emoji) finds nothing; blank text or
            // only stop words ("de", or "een" on the way to "eenzaamheid") browses everything.
            // Letters and digits are `\p{Alphabetic}` and `\p{N}`, as in the script.
            let wordless = text.chars().any(|c| !c.is_whitespace())
                && !text.chars().any(char::is_alphanumeric);
            return wordless.then(|| self.nothing());
        }
        let open_end = !text.ends_with(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let last = words.len() - 1;

        for (i, word) in words.iter().enumerate() {
            let mut alternatives: Vec<(Vec<String>, f32)> = Vec::new();
            let terms = analyzer.terms(&word.text).to_vec();
            if self.any_matches(searcher, &terms) {
                alternatives.push((terms, 1.0));
            } else {
                for typo in self.fuzzy_words(&word.text) {
                    alternatives.push((analyzer.terms(&typo).to_vec(), TYPO_WEIGHT));
                }
            }
            if i == last && open_end {
                for completion in self.completions(&word.text) {
                    alternatives.push((analyzer.terms(&completion).to_vec(), PREFIX_WEIGHT));
                }
            }
            if let Some(clause) = self.word_clause(alternatives) {
                clauses.push((Occur::Should, clause));
            }
        }

        // "kwartier maken" also finds "kwartiermaken".
        for pair in words.windows(2) {
            if pair[1].position == pair[0].position + 1 {
                let joined = format!("{}{}", pair[0].text, pair[1].text);
                if self.analyzer.is_known(&joined) {
                    let terms = analyzer.terms(&joined).to_vec();
                    clauses.extend(
                        self.word_clause(vec![(terms, 1.0)])
                            .map(|c| (Occur::Should, c)),
                    );
                }
            }
        }

        // Synonyms: a member found in the query adds the group's other members, and the
        // members of its broader groups at a lower weight. Each word is added once, at the
        // highest weight it gets, in the order first met (the script does the same).
        let typed: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        let mut expansion: Vec<(&str, f32)> = Vec::new();
        for (g, group) in self.synonyms.iter().enumerate() {
            let Some(found) = group.iter().position(|member| contains_run(&typed, member)) else {
                continue;
            };
            for (m, member) in group.iter().enumerate() {
                if m == found || contains_run(&typed, member) {
                    continue;
                }
                for word in member {
                    add_expansion(&mut expansion, &typed, word, SYNONYM_WEIGHT);
                }
            }
            for &b in &self.broader[g] {
                for word in self.synonyms[b].iter().flatten() {
                    add_expansion(&mut expansion, &typed, word, BROADER_WEIGHT);
                }
            }
        }
        for (word, weight) in expansion {
            let terms = analyzer.terms(word).to_vec();
            clauses.extend(
                self.word_clause(vec![(terms, weight)])
                    .map(|c| (Occur::Should, c)),
            );
        }

        if clauses.is_empty() {
            // Words that match nothing at all: a query that finds nothing, not everything.
            return Some(self.nothing());
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// A query that matches no method.
    fn nothing(&self) -> Box<dyn Query> {
        let nothing = Term::from_field_text(self.fields[0].0, "\u{0}");
        Box::new(TermQuery::new(nothing, IndexRecordOption::Basic))
    }

    /// One query word: the best-scoring of its alternatives (typed, completed, corrected),
    /// each summing its terms over the weighted fields.
    fn word_clause(&self, alternatives: Vec<(Vec<String>, f32)>) -> Option<Box<dyn Query>> {
        let disjuncts: Vec<Box<dyn Query>> = alternatives
            .into_iter()
            .map(|(terms, weight)| {
                let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for term in &terms {
                    for (field, field_weight) in &self.fields {
                        let query = TermQuery::new(
                            Term::from_field_text(*field, term),
                            IndexRecordOption::WithFreqs,
                        );
                        should.push((
                            Occur::Should,
                            Box::new(BoostQuery::new(Box::new(query), field_weight * weight)),
                        ));
                    }
                }
                Box::new(BooleanQuery::new(should)) as Box<dyn Query>
            })
            .collect();
        match disjuncts.len() {
            0 => None,
            1 => disjuncts.into_iter().next(),
            _ => Some(Box::new(DisjunctionMaxQuery::new(disjuncts))),
        }
    }

    fn any_matches(&self, searcher: &tantivy::Searcher, terms: &[String]) -> bool {
        terms.iter().any(|term| {
            self.fields.iter().any(|(field, _)| {
                searcher
                    .doc_freq(&Term::from_field_text(*field, term))
                    .unwrap_or(0)
                    > 0
            })
        })
    }

    /// Catalogue words within the allowed edit distance of `word`.
    fn fuzzy_words(&self, word: &str) -> Vec<String> {
        let len = word.chars().count();
        let distance = match len {
            0..=4 => return Vec::new(),
            5..=8 => 1,
            _ => 2,
        };
        // Any text field: the automaton only needs the word.
        let term = Term::from_field_text(self.fields[0].0, word);
        let Ok(automaton) = FuzzyTermQuery::new(term, distance, true).automaton() else {
            return Vec::new();
        };
        let mut found = Vec::new();
        if let Ok(mut stream) = self.words.0.search(&automaton).into_stream() {
            while stream.advance() {
                if let Ok(w) = std::str::from_utf8(stream.key()) {
                    found.push(w.to_string());
                }
            }
        }
        found
    }

    /// Catalogue words that start with `prefix` (not `prefix` itself), most frequent first.
    fn completions(&self, prefix: &str) -> Vec<String> {
        if prefix.chars().count() < 2 {
            return Vec::new();
        }
        let mut found: Vec<(String, u64)> = Vec::new();
        if let Ok(mut stream) = self.words.0.range().ge(prefix.as_bytes()).into_stream() {
            while stream.advance() {
                let key = stream.key();
                if !key.starts_with(prefix.as_bytes()) {
                    break;
                }
                if key.len() > prefix.len()
                    && let Ok(w) = std::str::from_utf8(key)
                {
                    found.push((w.to_string(), u64::from(stream.value().doc_freq)));
                }
            }
        }
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        found
            .into_iter()
            .take(MAX_EXPANSIONS)
            .map(|(w, _)| w)
            .collect()
    }

    /// The snippet of one hit: the first of summary, core and body texts with a highlight.
    fn snippet(
        &self,
        ord: usize,
        method: &Method,
        query: Option<&dyn Query>,
        searcher: &tantivy::Searcher,
        generators: &mut [Option<Option<SnippetGenerator>>; 3],
    ) -> String {
        let Some(query) = query else {
            return markdown::escape_html(&method.summary);
        };
        for (slot, field) in [1usize, 3, 4].into_iter().enumerate() {
            let generator = generators[slot]
                .get_or_insert_with(|| self.snippet_generator(searcher, query, field).ok());
            let Some(generator) = generator else { continue };
            let mut snippet = generator.snippet(&self.snippet_texts[ord][slot]);
            if !snippet.highlighted().is_empty() {
                snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
                return snippet.to_html();
            }
        }
        markdown::escape_html(&method.summary)
    }

    /// A snippet generator for field number `field`. tantivy's own would read the text with
    /// the field's tokenizer, which takes ready-made terms; a snippet reads the original
    /// text, so it gets the Dutch analyzer. Terms are weighted as tantivy weighs them.
    fn snippet_generator(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        field: usize,
    ) -> tantivy::Result<SnippetGenerator> {
        let field = self.fields[field].0;
        let mut terms: Vec<Term> = Vec::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.push(term.clone());
            }
        });
        let mut weights = BTreeMap::new();
        for term in terms {
            let doc_freq = searcher.doc_freq(&term)?;
            if let (Some(text), true) = (term.value().as_str(), doc_freq > 0) {
                weights.insert(text.to_string(), 1.0 / (1.0 + doc_freq as f32));
            }
        }
        let tokenizer = TextAnalyzer::from(DutchTokenizer(self.analyzer.clone()));
        Ok(SnippetGenerator::new(weights, tokenizer, field, 220))
    }

    /// Slugs of the methods most similar in content to `slug`, best first (see
    /// [`related`](super::related)).
    pub fn similar(&self, catalogue: &Catalogue, slug: &str) -> Vec<String> {
        let Ok(ord) = catalogue
            .methods()
            .binary_search_by(|m| m.slug.as_str().cmp(slug))
        else {
            return Vec::new();
        };
        self.signatures
            .most_similar(ord as u32, SIMILAR, &self.name_rank)
            .into_iter()
            .map(|(ord, _)| catalogue.methods()[ord as usize].slug.clone())
            .collect()
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

/// The catalogue's surface words (folded, unstemmed) with their document frequency, in a
/// tantivy term dictionary: typo and prefix expansion stream through it with tantivy's
/// automata. Kept apart from the index, which would otherwise keep a posting list for every
/// word of every method that nothing reads — half the indexing work of a large catalogue.
pub(super) struct WordList(pub(super) TermDictionary);

impl WordList {
    fn new(counts: &[(String, u32)]) -> std::io::Result<WordList> {
        let mut builder = TermDictionaryBuilder::create(Vec::new())?;
        for (word, doc_freq) in counts {
            builder.insert(
                word.as_bytes(),
                &TermInfo {
                    doc_freq: *doc_freq,
                    postings_range: 0..0,
                    positions_range: 0..0,
                },
            )?;
        }
        let bytes = builder.finish()?;
        Ok(WordList(TermDictionary::open(FileSlice::from(bytes))?))
    }

    /// Every word with its document frequency, in byte order.
    pub(super) fn each(&self, mut f: impl FnMut(&str, u32)) {
        if let Ok(mut stream) = self.0.stream() {
            while stream.advance() {
                if let Ok(word) = std::str::from_utf8(stream.key()) {
                    f(word, stream.value().doc_freq);
                }
            }
        }
    }
}

/// Collects every matching document with its score, as (method ordinal, score).
struct AllMatches<'a> {
    ords: &'a [Vec<u32>],
}

struct SegmentMatches {
    segment: u32,
    found: Vec<(tantivy::DocId, f32)>,
}

impl tantivy::collector::Collector for AllMatches<'_> {
    type Fruit = Vec<(u32, f32)>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: tantivy::SegmentOrdinal,
        _reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches {
            segment,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(u32, Vec<(tantivy::DocId, f32)>)>,
    ) -> tantivy::Result<Vec<(u32, f32)>> {
        Ok(fruits
            .into_iter()
            .flat_map(|(segment, found)| {
                let ords = &self.ords[segment as usize];
                found
                    .into_iter()
                    .map(move |(doc, score)| (ords[doc as usize], score))
            })
            .collect())
    }
}

impl tantivy::collector::SegmentCollector for SegmentMatches {
    type Fruit = (u32, Vec<(tantivy::DocId, f32)>);

    fn collect(&mut self, doc: tantivy::DocId, score: tantivy::Score) {
        self.found.push((doc, score));
    }

    fn harvest(self) -> Self::Fruit {
        (self.segment, self.found)
    }
}

/// Adds `word` to a query's synonym expansion once, at the highest weight it is given; words
/// typed in the query are not added again.
fn add_expansion<'a>(
    expansion: &mut Vec<(&'a str, f32)>,
    typed: &[&str],
    word: &'a str,
    weight: f32,
) {
    if typed.contains(&word) {
        return;
    }
    match expansion.iter_mut().find(|(w, _)| *w == word) {
        Some((_, w)) => *w = w.max(weight),
        None => expansion.push((word, weight)),
    }
}

/// Whether `member` occurs as consecutive words in `words`.
fn contains_run(words: &[&str], member: &[String]) -> bool {
    !member.is_empty()
        && words
            .windows(member.len())
            .any(|window| window.iter().zip(member).all(|(a, b)| a == b))
}

/// All values a facet can take, with labels, in display order.
pub fn facet_vocabulary(catalogue: &Catalogue, facet: Facet) -> Vec<(String, String)> {
    let kind = match facet {
        Facet::Theme => Kind::Theme,
        Facet::TargetGroup => Kind::TargetGroup,
        Facet::Law => Kind::Law,
        Facet::RecognitionLevel => Kind::RecognitionLevel,
        Facet::CarriedOutBy => Kind::CarriedOutBy,
        Facet::Setting => Kind::Setting,
        Facet::Status => {
            return Status::ALL
                .iter()
                .map(|s| (s.id().to_string(), s.label().to_string()))
                .collect();
        }
    };
    catalogue
        .vocabularies()
        .terms(kind)
        .iter()
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let before = index.browser_export(&catalogue);

        let request = SearchRequest::new("eenzaamheid ouderen");
        let results = index.search(&catalogue, &request);
        assert!(!results.hits.is_empty());
        assert_eq!(index.segments().searcher.segment_readers().len(), 1);
        // The same query again, now on the merged segment, ranks the same.
        assert_eq!(index.search(&catalogue, &request), results);

        let after = index.browser_export(&catalogue);
        assert_eq!(before.manifest, after.manifest);
        assert_eq!(before.files.len(), after.files.len());
        for (b, a) in before.files.iter().zip(&after.files) {
            assert_eq!(b.name, a.name);
            assert!(b.bytes == a.bytes, "{} differs", b.name);
        }
    }
}
