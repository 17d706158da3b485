//! Running a query: scores, the match floor, filters, facet counts, the page of hits with
//! their snippets, and the methods similar to one.
//!
//! Filters and facet counts run on the matching set in memory rather than as a second pass
//! through tantivy: with tens of thousands of methods at most that is faster, and it lets each
//! facet's counts ignore its own filter.

use std::collections::BTreeMap;

use tantivy::Term;
use tantivy::query::{EnableScoring, Query};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;

use super::index::{EXACT_NAME_BONUS, SIMILAR, SearchIndex, Segments};
use super::query::Clause;
use super::{
    FACETS, Facet, FacetCounts, FacetValue, Hit, STRIDE, SearchRequest, SearchResults, Sort,
    UnknownFilterValue,
};
use crate::analysis::DutchTokenizer;
use crate::markdown;
use crate::text::comparable;

impl SearchIndex {
    /// Runs `request` against the index.
    pub fn search(&self, request: &SearchRequest) -> SearchResults {
        let segments = self.queryable();
        let searcher = &segments.searcher;
        let (query, interpretation) = self.parse(&request.query);

        // Every match with its score, by method ordinal.
        let mut scored: Vec<(u32, f32)> = match &query {
            None => (0..self.methods as u32).map(|o| (o, 0.0)).collect(),
            Some(clauses) => self.score(&segments, clauses),
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
        // every method must not report the whole catalogue as found. The methods related to
        // the best match need less. The others are the weaker matches, counted and listed on
        // request only.
        let mut weak = Vec::new();
        // Below this, a method that counts does so as related to the best match (`top`).
        let mut bar = f32::NEG_INFINITY;
        let mut top = None;
        if query.is_some() && self.match_floor > 0.0 {
            bar = best * self.match_floor;
            // The best match's related methods, each with its own bar.
            top = self.top_of(&scored);
            let near: Vec<(u32, f32)> = top.map_or(Vec::new(), |top| {
                let related = &self.related[top as usize];
                (related.iter().zip(&self.near_floors))
                    .map(|(&o, &floor)| (o, best * floor))
                    .collect()
            });
            let bar_of = |ord: u32| {
                near.iter()
                    .find(|&&(o, _)| o == ord)
                    .map_or(bar, |&(_, near_bar)| near_bar)
            };
            (scored, weak) = scored.into_iter().partition(|&(o, s)| s >= bar_of(o));
        }

        // A minimum recognition narrows everything after it, the facet counts included.
        if let Some(level) = &request.min_recognition {
            let minimum = crate::recognition_rank(level);
            scored.retain(|&(ord, _)| self.cards[ord as usize].rank >= minimum);
            weak.retain(|&(ord, _)| self.cards[ord as usize].rank >= minimum);
        }

        // Filters as a wanted-flag per facet value (all facets in one array); a facet
        // without a filter accepts everything.
        let mut wanted = vec![false; self.facet_offsets[Facet::ALL.len()]];
        let mut filtered = [false; FACETS];
        for (i, facet) in Facet::ALL.iter().enumerate() {
            if let Some(values) = request.filters.get(facet).filter(|v| !v.is_empty()) {
                filtered[i] = true;
                for (local, (id, _)) in self.facets[i].iter().enumerate() {
                    wanted[self.facet_offsets[i] + local] = values.contains(id);
                }
            }
        }
        let any_filter = filtered.contains(&true);

        // Facet counts: a method counts for facet F when it passes every filter but F's.
        let mut flat = vec![0u32; self.facet_offsets[Facet::ALL.len()]];
        let mut passing = Vec::with_capacity(scored.len());
        // The facets whose filter the method fails, as bits.
        let failed = |ord: u32| {
            let mut failed = 0u16;
            if any_filter {
                for i in (0..FACETS).filter(|&i| filtered[i]) {
                    if !self
                        .facet_values_of(ord as usize, i)
                        .iter()
                        .any(|&v| wanted[v as usize])
                    {
                        failed |= 1 << i;
                    }
                }
            }
            failed
        };
        for &(ord, score) in &scored {
            let starts = &self.facet_starts[ord as usize * STRIDE..(ord as usize + 1) * STRIDE];
            let failed = failed(ord);
            if failed == 0 {
                // The usual case: one pass over all of the method's values.
                for &v in &self.facet_values[starts[0] as usize..starts[FACETS] as usize] {
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
        let counts: Vec<&[u32]> = (0..FACETS)
            .map(|i| &flat[self.facet_offsets[i]..self.facet_offsets[i + 1]])
            .collect();

        weak.retain(|&(ord, _)| failed(ord) == 0);
        let (total, weaker) = (passing.len(), weak.len());
        let sort = request.sort;
        let order = |a: &(u32, f32), b: &(u32, f32)| {
            let (ca, cb) = (&self.cards[a.0 as usize], &self.cards[b.0 as usize]);
            let by_name = self.name_rank[a.0 as usize].cmp(&self.name_rank[b.0 as usize]);
            let by_score = b.1.total_cmp(&a.1);
            match sort {
                Sort::Relevance => by_score.then(by_name),
                Sort::Recognition => cb.rank.cmp(&ca.rank).then(by_score).then(by_name),
                Sort::Name => by_name,
                Sort::Reviewed => cb.reviewed.cmp(&ca.reviewed).then(by_name),
            }
        };
        // Only the page is put in order: the first `end` of the matches that count, then, on
        // request, of the weaker ones after them.
        let end = request.offset.saturating_add(request.limit);
        let first = |mut list: Vec<(u32, f32)>, n: usize| {
            if n > 0 && n < list.len() {
                list.select_nth_unstable_by(n - 1, order);
            }
            list.truncate(n);
            list.sort_unstable_by(order);
            list
        };
        let mut page: Vec<(u32, f32, bool)> = first(passing, end)
            .into_iter()
            .map(|(ord, score)| (ord, score, false))
            .collect();
        if request.weaker && end > total {
            let more = first(weak, end - total);
            page.extend(more.into_iter().map(|(ord, score)| (ord, score, true)));
        }
        let page: Vec<(u32, f32, bool)> = page.into_iter().skip(request.offset).collect();

        // Snippet generators are made on demand: most hits highlight in their summary, so
        // the longer fields are rarely needed.
        let mut generators: [Option<Option<SnippetGenerator>>; 3] = [None, None, None];
        let hits = page
            .into_iter()
            .map(|(ord, score, weaker)| {
                let card = &self.cards[ord as usize];
                Hit {
                    slug: card.slug.clone(),
                    name: card.name.clone(),
                    summary: card.summary.clone(),
                    facts: card.facts.clone(),
                    score,
                    snippet: self.snippet(
                        ord as usize,
                        query.as_deref(),
                        searcher,
                        &mut generators,
                    ),
                    weaker,
                    related_to: top
                        .filter(|_| !weaker && score < bar)
                        .map(|top| self.cards[top as usize].name.clone()),
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
                    values: self.facets[i]
                        .iter()
                        .enumerate()
                        .map(|(v, (id, label))| FacetValue {
                            count: counts[i].get(v).copied().unwrap_or(0) as usize,
                            selected: selected.is_some_and(|s| s.contains(id)),
                            id: id.clone(),
                            label: label.clone(),
                        })
                        .collect(),
                }
            })
            .collect();

        SearchResults {
            total,
            weaker,
            interpretation,
            hits,
            facets,
        }
    }

    /// Every method the clauses match, with its score. Clauses that stand for the same typed
    /// words are one concept — a typed word with the thesaurus words it brought in — which
    /// earns its best clause plus [`IndexOptions::expansion_tie`] of the others: a thesaurus
    /// group of forty words must not outweigh the other words of the query. A method's score
    /// is the sum of its concepts, times the share of the query's words it covers to the
    /// power [`IndexOptions::coordination`]: a situation is described by all of its words.
    ///
    /// Concept by concept over dense arrays, exactly as the browser script scores
    /// (`search-engine.js`).
    ///
    /// [`IndexOptions::expansion_tie`]: super::IndexOptions::expansion_tie
    /// [`IndexOptions::coordination`]: super::IndexOptions::coordination
    fn score(&self, segments: &Segments, clauses: &[Clause]) -> Vec<(u32, f32)> {
        let searcher = &segments.searcher;
        let scoring = EnableScoring::enabled_from_searcher(searcher);
        // The concepts, in order of first appearance.
        let mut concepts: Vec<(u32, Vec<&Clause>)> = Vec::new();
        for clause in clauses {
            match concepts.iter_mut().find(|(w, _)| *w == clause.words) {
                Some((_, members)) => members.push(clause),
                None => concepts.push((clause.words, vec![clause])),
            }
        }
        let mut score = vec![0.0f32; self.methods];
        // Per method, the typed words its concepts stand for, as bits.
        let mut covered = vec![0u32; self.methods];
        // Per method, its best clause and its sum within the current concept.
        let mut best = vec![0.0f32; self.methods];
        let mut sum = vec![0.0f32; self.methods];
        let mut touched: Vec<usize> = Vec::new();
        let mut in_concept = vec![false; self.methods];
        for (words, members) in concepts {
            for clause in members {
                let Ok(weight) = clause.query.weight(scoring) else {
                    continue;
                };
                for (segment, reader) in searcher.segment_readers().iter().enumerate() {
                    let ords = &segments.ords[segment];
                    // tantivy's own loop: a union of terms scores in buffered windows. The
                    // index is in memory and built by us; reading it cannot fail.
                    let read = weight.for_each(reader, &mut |doc, s| {
                        let ord = ords[doc as usize] as usize;
                        if !in_concept[ord] {
                            in_concept[ord] = true;
                            touched.push(ord);
                        }
                        best[ord] = best[ord].max(s);
                        sum[ord] += s;
                    });
                    debug_assert!(read.is_ok(), "scoring a clause failed: {read:?}");
                }
            }
            for &ord in &touched {
                score[ord] += best[ord] + self.expansion_tie * (sum[ord] - best[ord]);
                covered[ord] |= words;
                (best[ord], sum[ord], in_concept[ord]) = (0.0, 0.0, false);
            }
            touched.clear();
        }
        // The share is counted among the typed words that match any method: a word the
        // catalogue does not have lowers every method alike.
        let known = f64::from(covered.iter().fold(0, |a, &b| a | b).count_ones());
        let power = f64::from(self.coordination);
        let coordinate = power > 0.0 && known > 1.0;
        // The factor depends only on how many words a method covers: one power per count.
        let factor: Vec<f64> = (0..=u32::BITS)
            .map(|covers| (f64::from(covers) / known).powf(power))
            .collect();
        (0..self.methods)
            .filter(|&ord| covered[ord] != 0)
            .map(|ord| {
                let s = if coordinate {
                    (f64::from(score[ord]) * factor[covered[ord].count_ones() as usize]) as f32
                } else {
                    score[ord]
                };
                (ord as u32, s)
            })
            .collect()
    }

    /// Checks that every filter value of `request` is a value its facet can take (an id, not
    /// a label): a filter on a value no method can have would silently find nothing.
    ///
    /// ```
    /// use methodewijzer::{Catalogue, Facet, SearchIndex, SearchRequest};
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../interventions");
    /// let index = SearchIndex::build(&Catalogue::load(dir).unwrap());
    /// let request = SearchRequest::new("").filter(Facet::Status, "Actief");
    /// let error = index.check_filters(&request).unwrap_err();
    /// assert_eq!(error.suggestion.as_deref(), Some("actief"));
    /// ```
    pub fn check_filters(&self, request: &SearchRequest) -> Result<(), UnknownFilterValue> {
        if let Some(level) = &request.min_recognition {
            // Only the granted levels have a rank to be "at least".
            let ranked: Vec<&(String, String)> = self.facets[Facet::RecognitionLevel.position()]
                .iter()
                .filter(|(id, _)| crate::recognition_rank(id) > 0)
                .collect();
            check_value(Facet::RecognitionLevel, level, &ranked)?;
        }
        for (&facet, values) in &request.filters {
            let vocabulary: Vec<&(String, String)> = self.facets[facet.position()].iter().collect();
            for value in values {
                check_value(facet, value, &vocabulary)?;
            }
        }
        Ok(())
    }

    /// Slugs of the methods related to `slug`: the ones its `related` list names first, then
    /// the most similar by content, `limit` in all.
    pub fn related(&self, slug: &str, limit: usize) -> Vec<String> {
        let Some(ord) = self.ord_of(slug) else {
            return Vec::new();
        };
        let ords: Vec<u32> = if limit <= SIMILAR {
            self.related[ord].iter().take(limit).copied().collect()
        } else {
            self.related_of(ord, limit)
        };
        ords.into_iter()
            .map(|o| self.cards[o as usize].slug.clone())
            .collect()
    }

    /// [`related`](Self::related) by method ordinal, made anew. A shorter list is the start
    /// of a longer one, so the lists made once for [`SIMILAR`] serve every shorter limit.
    pub(super) fn related_of(&self, ord: usize, limit: usize) -> Vec<u32> {
        let mut out: Vec<u32> = self.cards[ord]
            .related
            .iter()
            .filter_map(|s| self.ord_of(s))
            .filter(|&o| o != ord)
            .map(|o| o as u32)
            .take(limit)
            .collect();
        if out.len() < limit {
            let similar = self
                .signatures
                .most_similar(ord as u32, SIMILAR, &self.name_rank);
            for (o, _) in similar {
                if out.len() >= limit {
                    break;
                }
                if o as usize != ord && !out.contains(&o) {
                    out.push(o);
                }
            }
        }
        out
    }

    /// The first match in relevance order: the best score, ties to the first by name.
    fn top_of(&self, scored: &[(u32, f32)]) -> Option<u32> {
        scored
            .iter()
            .min_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then(self.name_rank[a.0 as usize].cmp(&self.name_rank[b.0 as usize]))
            })
            .map(|&(o, _)| o)
    }

    /// The ordinal of the method with this slug (methods are in slug order).
    fn ord_of(&self, slug: &str) -> Option<usize> {
        self.cards
            .binary_search_by(|card| card.slug.as_str().cmp(slug))
            .ok()
    }

    /// The snippet of one hit: the first of summary, core and body texts with a highlight.
    fn snippet(
        &self,
        ord: usize,
        query: Option<&[Clause]>,
        searcher: &tantivy::Searcher,
        generators: &mut [Option<Option<SnippetGenerator>>; 3],
    ) -> String {
        let Some(query) = query else {
            return markdown::escape_html(&self.cards[ord].summary);
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
        markdown::escape_html(&self.cards[ord].summary)
    }

    /// A snippet generator for field number `field`. tantivy's own would read the text with
    /// the field's tokenizer, which takes ready-made terms; a snippet reads the original
    /// text, so it gets the Dutch analyzer. Terms are weighted as tantivy weighs them.
    fn snippet_generator(
        &self,
        searcher: &tantivy::Searcher,
        clauses: &[Clause],
        field: usize,
    ) -> tantivy::Result<SnippetGenerator> {
        let field = self.fields[field].0;
        let mut terms: Vec<Term> = Vec::new();
        for clause in clauses {
            clause.query.query_terms(&mut |term, _| {
                if term.field() == field {
                    terms.push(term.clone());
                }
            });
        }
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

    /// Slugs of the methods most similar in content to `slug`, best first: by the cosine of
    /// their weighted term signatures (`search/related.rs`).
    pub fn similar(&self, slug: &str) -> Vec<String> {
        let Some(ord) = self.ord_of(slug) else {
            return Vec::new();
        };
        self.signatures
            .most_similar(ord as u32, SIMILAR, &self.name_rank)
            .into_iter()
            .map(|(ord, _)| self.cards[ord as usize].slug.clone())
            .collect()
    }
}

/// `value` when it is one of the `(id, label)` values a facet can take, else the error that
/// names the closest id: a label typed for its id ("Actief", "Wmo 2015") first, as the likeliest
/// mistake, then a near spelling.
fn check_value(
    facet: Facet,
    value: &str,
    vocabulary: &[&(String, String)],
) -> Result<(), UnknownFilterValue> {
    if vocabulary.iter().any(|(id, _)| id == value) {
        return Ok(());
    }
    let ids: Vec<String> = vocabulary.iter().map(|(id, _)| id.clone()).collect();
    let suggestion = vocabulary
        .iter()
        .find(|(_, label)| label.to_lowercase() == value.to_lowercase())
        .map(|(id, _)| id.clone())
        .or_else(|| {
            crate::diagnostic::did_you_mean(value, ids.iter().map(String::as_str))
                .map(str::to_string)
        });
    Err(UnknownFilterValue {
        facet,
        value: value.to_string(),
        suggestion,
        valid: ids,
    })
}
