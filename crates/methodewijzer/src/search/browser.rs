//! The search index the browser reads, exported from the tantivy index itself.
//!
//! The published site has no server, so its search script (`site/static/search-engine.js`)
//! runs the library's query in the browser. To rank exactly as the library does, it gets the
//! library's own numbers rather than a second analysis or scoring of its own:
//!
//! - **Impacts, not raw statistics.** For every term, the export walks tantivy's postings of
//!   the five scored fields and computes what a term query would score in each document —
//!   tantivy's own [`Bm25Weight`] over the stored term frequency and field norm, times the
//!   field weight, summed over fields. The browser then only multiplies by the weight of the
//!   alternative (typed, completed, corrected, synonym), takes the best alternative per word,
//!   combines the clauses into concepts and the concepts into a score covering a share of
//!   the query (`results.rs`, `score`): the library's query, term for term. Impacts are
//!   fixed-point (1/[`IMPACT_SCALE`]), well within the 1e-4 the parity test allows.
//! - **A vocabulary map instead of a second stemmer.** Every word of the catalogue maps to the
//!   terms the analyzer gives it, so a known word can never be analysed differently. Only a
//!   word the catalogue does not contain needs the stemmer; the browser then loads a
//!   translation of the same Snowball 3 algorithm, tested against tantivy's output.
//! - **Split so a query loads only what it needs.** Words, postings and names are sorted and
//!   cut into shards of a few kilobytes; the manifest lists each shard's separator (the
//!   shortest prefix of its first key after the shard before's last, `files.rs`), so the
//!   browser finds a key's shard by binary search and a prefix's completions in adjacent
//!   shards; a prefix whose words fill several shards has its completions listed in the word
//!   list itself (`completions.rs`, format 11). The lists that grow with the catalogue (postings, typos, words) and the names
//!   are paged: the manifest lists the first separators of pages of separators (`paged`), so
//!   it stays small. A term in the word list or a thesaurus group comes with the number of
//!   its postings shard, and a group is a file of its own, so what a typed word leads to
//!   costs no page (format 9). A misspelt or
//!   unknown word's corrections and compound parts come from two small indexes of their own
//!   (`neighbours.rs`), never the whole word list. Method display data comes in a file per
//!   method ([`DOCS_PER_BLOCK`]), and their recognisable situations in files beside them,
//!   which the page fetches after showing the results.
//!   Every file name carries one hash of the whole index, the manifest's a hash of its own
//!   content (`files.rs` says why), so hosts may cache them forever.
//!
//! Documents are numbered in name order, so that the browser breaks ties in score as the
//! library does (by name) just by comparing numbers.
//!
//! This file is long because `browser_export` is one pass over the index: every kind of file
//! is decided here from the same tables (impacts, words, names), and `files.rs` only cuts and
//! names them.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use tantivy::DocSet;
use tantivy::postings::Postings;
use tantivy::query::Bm25Weight;
use tantivy::schema::IndexRecordOption;

use super::card::Card;
use super::completions;
pub use super::files::BrowserFile;
use super::files::{Files, SHARDS_PER_PAGE, content_name, json_bytes, paged, shard_set};
use super::index::{
    BROADER_WEIGHT, EXACT_NAME_BONUS, MAX_EXPANSIONS, MAX_QUERY_WORDS, PREFIX_WEIGHT,
    SYNONYM_WEIGHT, SearchIndex, TYPO_WEIGHT,
};
use super::manifest::{Analysis, FacetEntry, Manifest, Weights};
use super::neighbours;
use super::{Facet, Facts};

/// Impacts are stored as integers in units of `1 / IMPACT_SCALE`.
pub const IMPACT_SCALE: f64 = 100_000.0;
/// Methods per display-data block: one. Documents are numbered in name order, so the ten
/// results of a search are scattered: they come from up to ten blocks, and every other method
/// in those blocks is fetched for nothing. On the shipped catalogue blocks of 4 instead of
/// 16 took a first search ("eenzaamheid") from 10.1 to 6.4 KiB of display data, 2 to 4.7 KiB;
/// 1 instead of 2 takes the mean first search from 33.5 to 32.5 KB in all. At 10,000 methods
/// the blocks were 16 long (so as not to make thousands of files, when the manifest named
/// each), and a first search's ten records cost 21 KiB.
pub const DOCS_PER_BLOCK: usize = 1;

/// Version of the export format; the script refuses a manifest it does not know.
pub const FORMAT_VERSION: u32 = 11;
/// Shard sizes (uncompressed JSON bytes) the sorted keys are cut at. A query reads one words
/// shard per word, but a postings shard per term and a groups shard per group, dozens of
/// them for a concept: those are smaller. Measured over the training queries' first search
/// on the shipped catalogue (thesaurus / postings / words; manifest + query KiB, mean):
/// 8,000 / 6,000 / 6,000 4.7 + 54.8; 3,000 / 3,000 / 6,000 7.3 + 37.0, and with the group
/// list paged 3.9 + 38.7; 1,500 / 3,000 / 6,000 paged 4.3 + 35.9; with display blocks of 4,
/// 4.4 + 32.5; and 1,500 / 1,500 / 6,000 4.5 + 30.3. Every typed word reads a words shard:
/// paged since format 6, they are cut at 1,500 too, and a long situation of ten words no
/// longer reads ten files of 6,000 bytes (measured in BENCHMARKS.md, "A first search in all").
/// Since format 7 a shard costs its page only a first key, not a hashed name, so shards are
/// smaller still: words, postings and thesaurus at 1,500 / 1,000 / 700 / 500 bytes give any
/// first search of a training query 43.7 / 41.9 / 41.0 / 40.5 KB in all (mean,
/// `node scripts/bench-first-search.mjs`); 700 keeps most of the gain with fewer files.
const WORDS_SHARD_BYTES: usize = 700;
const POSTINGS_SHARD_BYTES: usize = 700;
/// Every query no longer than the longest name looks up its whole text among the names (the
/// exact-name bonus): small shards, paged. At 10,000 zipf methods 24,000-byte shards cost a
/// query 7 KiB; on the shipped catalogue 1.6 KiB, 1.0 at 2,000 bytes with its page, and
/// 0.5 at 700 (format 7).
const NAMES_SHARD_BYTES: usize = 700;
/// The typo and compound-part indexes (`neighbours.rs`): a lookup reads a handful of shards.
/// The typo index is paged, so its shards can be small: at 2,000 bytes instead of 6,000 a
/// typo ("krachtwek") reads 6.1 KiB of it instead of 11.4 on the shipped catalogue; at
/// 10,000 zipf methods a typo's files weigh 1–2 KiB less in all (1,000 instead of 2,000
/// saves 0.1 KB a first search on average, format 7). The parts index is paged too since
/// format 8: at 1,000 bytes instead of 6,000 a word the catalogue lacks reads a shard of
/// 0.4 KB gzip instead of 2.2 (training mean 35.7 → 35.1 KB a first search; 1,500 and 700
/// the same within 0.1 KB; unpaged, its longer list in the manifest cost every query 0.2 KB).
const TYPOS_SHARD_BYTES: usize = 2_000;
const PARTS_SHARD_BYTES: usize = 1_000;
/// A thesaurus group carries the postings of its words' terms found in at most this many
/// methods (the others are looked up in the postings shards, as every typed word's).
const GROUP_POSTINGS: usize = 64;

pub use crate::text::DUTCH_STOP_WORDS;

/// The browser's search index: a manifest and the files it names.
#[derive(Debug, Clone)]
pub struct BrowserIndex {
    /// All files, the manifest among them.
    pub files: Vec<BrowserFile>,
    /// Name of the manifest, the one file the page refers to.
    pub manifest: String,
}

impl SearchIndex {
    /// Exports the index for the site's search script (see the [module docs](self)).
    pub fn browser_export(&self) -> BrowserIndex {
        // The segments as they are: the export is the same on any number of them.
        let segments = self.segments();
        let searcher = &segments.searcher;
        let methods = &self.cards;
        // Browser document number = position in name order.
        let doc_of = |ord: u32| self.name_rank[ord as usize];
        let mut files = Files::default();

        // Impacts per term, summed over fields in field order as tantivy's union sums them.
        let total_docs = searcher.num_docs().max(1);
        // Per term, (document, score) as the fields' postings give them; summed per document
        // below. A list per term rather than a map: most terms are in many documents.
        let mut impacts: BTreeMap<String, Vec<(u32, f32)>> = BTreeMap::new();
        for (field, weight) in &self.fields {
            let mut total_tokens = 0u64;
            for segment in searcher.segment_readers() {
                if let Ok(inverted) = segment.inverted_index(*field) {
                    total_tokens += inverted.total_num_tokens();
                }
            }
            let average = total_tokens as f32 / total_docs as f32;
            // One field-norm reader per segment, not one per term.
            let norms: Vec<_> = searcher
                .segment_readers()
                .iter()
                .map(|segment| segment.get_fieldnorms_reader(*field).ok())
                .collect();
            each_term(searcher, *field, |s, inverted, term, info| {
                let Some(norms) = &norms[s] else {
                    return;
                };
                let df = searcher
                    .doc_freq(&tantivy::Term::from_field_text(*field, term))
                    .unwrap_or(u64::from(info.doc_freq));
                let bm25 = Bm25Weight::for_one_term(df, total_docs, average);
                let Ok(mut postings) =
                    inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)
                else {
                    return;
                };
                let entry = match impacts.get_mut(term) {
                    Some(entry) => entry,
                    None => impacts.entry(term.to_string()).or_default(),
                };
                let mut doc = postings.doc();
                while doc != tantivy::TERMINATED {
                    let score = bm25.score(norms.fieldnorm_id(doc), postings.term_freq()) * *weight;
                    let ord = segments.ords[s][doc as usize];
                    entry.push((doc_of(ord), score));
                    doc = postings.advance();
                }
            });
        }
        // Printed straight from the numbers, not through a JSON value per number.
        let postings: Vec<(String, Vec<u64>)> = impacts
            .into_iter()
            .map(|(term, mut docs)| {
                // A stable sort keeps each document's scores in field order, so they add up
                // in the order tantivy's union adds them.
                docs.sort_by_key(|&(doc, _)| doc);
                // Document numbers as gaps, impacts as integers: small numbers, small files.
                let mut flat = Vec::with_capacity(docs.len() * 2);
                let mut previous = 0u32;
                for group in docs.chunk_by(|a, b| a.0 == b.0) {
                    let doc = group[0].0;
                    let impact = group.iter().fold(0.0f32, |sum, &(_, score)| sum + score);
                    flat.push(u64::from(doc - previous));
                    flat.push((f64::from(impact) * IMPACT_SCALE).round() as u64);
                    previous = doc;
                }
                (term, flat)
            })
            .collect();
        // Sharded first, so that the word list and the thesaurus groups can say in which shard
        // each of their terms' postings is (format 9): a term reached through them costs its
        // shard alone, not also the page that lists the shard.
        let (postings_pages, postings_shard) = shard_set(
            "postings",
            postings
                .iter()
                .map(|(term, flat)| (term.clone(), flat))
                .collect(),
            POSTINGS_SHARD_BYTES,
            &mut files,
        );
        let postings_pages = paged("postings", postings_pages, &mut files);
        // Sorted by term (from the map): a term's postings and their shard.
        let find = |term: &str| {
            postings
                .binary_search_by(|(t, _)| t.as_str().cmp(term))
                .ok()
        };
        let posting_of = |term: &str| find(term).map(|i| &postings[i].1);
        let shard_of = |term: &str| find(term).map(|i| postings_shard[i]);

        // Every surface word with its document frequency (completions are ranked by it) and
        // its index terms, each followed by the number of its postings shard.
        let mut analyzer = self.analyzer.clone();
        let mut words: Vec<(String, Value)> = Vec::new();
        self.words.each(|word, doc_freq| {
            let mut entry = vec![json!(doc_freq)];
            let terms = analyzer.terms(word);
            // Most words are their own only term: then the shard alone says it.
            let own = terms.len() == 1 && terms[0] == word;
            for term in terms.iter() {
                if !own {
                    entry.push(json!(term));
                }
                entry.extend(shard_of(term).map(|n| json!(n)));
            }
            let entry = match entry.len() {
                1 => entry.swap_remove(0),
                _ => Value::Array(entry),
            };
            words.push((word.to_string(), entry));
        });
        words.sort_by(|a, b| a.0.cmp(&b.0));
        words.dedup_by(|a, b| a.0 == b.0);
        // Typos and compound parts from a few small files, not the word list (`neighbours`).
        let listed = || words.iter().map(|(w, _)| w.as_str());
        let (typos, _) = shard_set(
            "typos",
            // The library's own typo index, over the same words.
            self.typos.listed().into_iter().collect(),
            TYPOS_SHARD_BYTES,
            &mut files,
        );
        let typos = paged("typos", typos, &mut files);
        let (parts, _) = shard_set(
            "parts",
            neighbours::part_buckets(listed()).into_iter().collect(),
            PARTS_SHARD_BYTES,
            &mut files,
        );
        let parts = paged("parts", parts, &mut files);
        // The thesaurus entries each word starts, in the word list (format 8): the one lookup
        // a typed word needs anyway also says which thesaurus groups it may start, and
        // whether it is a thesaurus word rather than a typo. Each entry is its group's number
        // for a one-word member, else `[group, the member's other words…]`: the script loads
        // a group only when one of its members is typed, not every group a typed word may
        // start (a long query of common words had read 30 KB of groups it did not use). A
        // word with entries has them as the last element of an array: `[frequency, terms…,
        // entries]`, and a word the catalogue lacks has frequency 0 (it completes nothing).
        let mut starts: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
        for (g, group) in self.synonyms.iter().enumerate() {
            for member in group {
                let entry = if member.len() == 1 {
                    json!(g)
                } else {
                    let mut entry = vec![json!(g)];
                    entry.extend(member[1..].iter().map(|w| json!(w)));
                    Value::Array(entry)
                };
                let list = starts.entry(member[0].as_str()).or_default();
                if !list.contains(&entry) {
                    list.push(entry);
                }
            }
        }
        let mut lexicon: BTreeMap<String, Value> = words.into_iter().collect();
        for (word, entries) in starts {
            let entries = Value::Array(entries);
            match lexicon.get_mut(word) {
                Some(entry) => {
                    let mut list = match entry.take() {
                        Value::Array(list) => list,
                        frequency => vec![frequency],
                    };
                    list.push(entries);
                    *entry = Value::Array(list);
                }
                None => {
                    lexicon.insert(word.to_string(), json!([0, entries]));
                }
            }
        }
        // Beside them, the completions of prefixes whose words are many, as `PREFIX*`
        // (format 11).
        let listed = completions::listed(&lexicon, |prefix| self.completions(prefix));
        lexicon.extend(listed);
        let (words, _) = shard_set(
            "words",
            lexicon.into_iter().collect(),
            WORDS_SHARD_BYTES,
            &mut files,
        );
        let words = paged("words", words, &mut files);

        let mut names: Vec<(String, Value)> = self
            .names
            .iter()
            .map(|(name, &ord)| (name.clone(), json!(doc_of(ord))))
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        // In UTF-16 code units, as the script measures strings: a longer query is no name,
        // and a long situation then reads no names file at all.
        let longest_name = names
            .iter()
            .map(|(name, _)| name.encode_utf16().count())
            .max()
            .unwrap_or(0);
        let (names, _) = shard_set("names", names, NAMES_SHARD_BYTES, &mut files);
        let names = paged("names", names, &mut files);

        // Display data in name order.
        let mut by_doc: Vec<u32> = vec![0; methods.len()];
        for ord in 0..methods.len() as u32 {
            by_doc[doc_of(ord) as usize] = ord;
        }
        // Beside each block, its methods' recognisable situations: the page shows under a
        // result the one that shares most words with the query. They do not rank, so they are
        // files of their own, fetched after the results are shown. A block without any has no
        // file: identical empty files would be fetched for nothing.
        let mut without_situations = Vec::new();
        let per_block = DOCS_PER_BLOCK;
        let blocks = by_doc.chunks(per_block);
        let block_count = blocks.len();
        for (b, chunk) in blocks.enumerate() {
            let block: Vec<&Card> = chunk.iter().map(|&ord| &methods[ord as usize]).collect();
            // With each method the first methods related to it, as document numbers: when it
            // is the best match, they count from the near floors (`results.rs`).
            let docs: Vec<Value> = chunk
                .iter()
                .zip(&block)
                .map(|(&ord, m)| {
                    let related: Vec<u32> = (self.related[ord as usize].iter())
                        .take(self.near_floors.len())
                        .map(|&o| doc_of(o))
                        .collect();
                    json!([m.slug, m.name, m.summary, display_facts(&m.facts), related])
                })
                .collect();
            files.add(format!("docs-{b}"), "json", json_bytes(&docs));
            let situations: Vec<&[String]> =
                block.iter().map(|m| m.situations.as_slice()).collect();
            if situations.iter().any(|s| !s.is_empty()) {
                files.add(format!("situations-{b}"), "json", json_bytes(&situations));
            } else {
                without_situations.push(b);
            }
        }
        // The manifest lists the blocks without any (usually none), or says there are none.
        let situations = (without_situations.len() < block_count).then_some(without_situations);

        // Facet values as one bit per value, per method, in name order: counting facets
        // touches every match, and bits are the smallest thing to send for it.
        let mut facet_bytes = Vec::new();
        let mut facets = Vec::new();
        for (i, facet) in Facet::ALL.iter().enumerate() {
            let values = &self.facets[facet.position()];
            let width = values.len().div_ceil(8);
            let offset = facet_bytes.len();
            facet_bytes.resize(offset + width * methods.len(), 0u8);
            for ord in 0..methods.len() {
                let base = offset + doc_of(ord as u32) as usize * width;
                for &v in self.facet_values_of(ord, i) {
                    let local = v as usize - self.facet_offsets[i];
                    facet_bytes[base + local / 8] |= 1 << (local % 8);
                }
            }
            facets.push(FacetEntry {
                key: facet.key(),
                label: facet.label(),
                offset,
                values,
                width,
            });
        }
        files.add("facets".into(), "bin", facet_bytes);

        // Review dates as day numbers, in name order: only "most recently reviewed first"
        // needs them, so they are a file of their own, fetched for that order alone.
        let reviewed: Vec<i32> = by_doc
            .iter()
            .map(|&ord| methods[ord as usize].reviewed.0.to_julian_day())
            .collect();
        files.add("reviewed".into(), "json", json_bytes(&reviewed));

        // The thesaurus groups, a file each (`groups-G`, format 9; a group is about as large
        // as the shards they were cut into): their members, their broader groups, their
        // words' index terms, each with its postings shard, and the postings of those terms in
        // at most GROUP_POSTINGS methods. They come with the group, so a query that reaches a
        // group needs no further file to search its words: not the stemmer or the dictionary
        // (synonyms are often words the catalogue lacks), not a postings shard per word (a
        // concept reaches dozens). Only the terms the index has are listed: a word the
        // catalogue lacks costs no lookup. Which groups a typed word may start is in the
        // word list (above).
        for (g, (members, broader)) in self.synonyms.iter().zip(&self.broader).enumerate() {
            let terms: BTreeMap<&str, Vec<Value>> = members
                .iter()
                .flatten()
                .map(|word| {
                    let term = analyzer.whole_term(word);
                    let found = shard_of(&term).map(|n| vec![json!(term), json!(n)]);
                    (word.as_str(), found.unwrap_or_default())
                })
                .collect();
            let postings: BTreeMap<&str, &Vec<u64>> = terms
                .values()
                .filter_map(|found| found.first()?.as_str())
                .filter_map(|term| Some((term, posting_of(term)?)))
                .filter(|(_, flat)| flat.len() / 2 <= GROUP_POSTINGS)
                .collect();
            let group = json!([members, broader, terms, postings]);
            files.add(format!("groups-{g}"), "json", json_bytes(&group));
        }

        let (generation, mut files) = files.named();
        let manifest = Manifest {
            analysis: Analysis::of_library(),
            docs_per_block: per_block,
            situations,
            facets,
            generation,
            impact_scale: IMPACT_SCALE,
            longest_name,
            max_expansions: MAX_EXPANSIONS,
            max_words: MAX_QUERY_WORDS,
            methods: methods.len(),
            names,
            parts,
            postings: postings_pages,
            shards_per_page: SHARDS_PER_PAGE,
            recognition_ranks: self.facets[Facet::RecognitionLevel.position()]
                .iter()
                .map(|(id, _)| (id.clone(), crate::recognition_rank(id)))
                .filter(|&(_, rank)| rank > 0)
                .collect(),
            stop_words: DUTCH_STOP_WORDS,
            thesaurus_groups: self.synonyms.len(),
            typos,
            version: FORMAT_VERSION,
            weights: Weights {
                broader: f64::from(BROADER_WEIGHT),
                coordination: f64::from(self.coordination),
                exact_name: f64::from(EXACT_NAME_BONUS),
                expansion_tie: f64::from(self.expansion_tie),
                match_floor: f64::from(self.match_floor),
                near_floors: self.near_floors.iter().map(|&f| f64::from(f)).collect(),
                prefix: f64::from(PREFIX_WEIGHT),
                synonym: f64::from(SYNONYM_WEIGHT),
                typo: f64::from(TYPO_WEIGHT),
            },
            words,
        };
        let bytes = json_bytes(&manifest);
        let manifest = content_name("manifest", "json", &bytes);
        files.push(BrowserFile {
            name: manifest.clone(),
            bytes,
        });
        BrowserIndex { files, manifest }
    }
}

/// Calls `f(segment number, inverted index, term, term info)` for every term of `field` in
/// every segment.
fn each_term(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    mut f: impl FnMut(usize, &tantivy::InvertedIndexReader, &str, &tantivy::postings::TermInfo),
) {
    for (s, segment) in searcher.segment_readers().iter().enumerate() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                f(s, &inverted, term, stream.value());
            }
        }
    }
}

/// What a result shows beside the name to help choose: `[state, state label, lapsed level's
/// label or "", target group labels, carried-out-by labels]`. The script renders it as the
/// static lists do (a recognition badge, then the groups and who carries it out).
fn display_facts(facts: &Facts) -> Value {
    json!([
        facts.recognition,
        facts.recognition_label,
        facts.lapsed_level,
        facts.target_groups,
        facts.carried_out_by,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn every_listed_stop_word_is_dropped_by_the_analyzer() {
        let mut analyzer = Analyzer::for_texts(["woord"]);
        for word in DUTCH_STOP_WORDS {
            assert!(analyzer.words(word).is_empty(), "{word} is not a stop word");
        }
        assert_eq!(analyzer.words("eenzaamheid").len(), 1);
    }
}
