//! Reading a query: from what a professional typed to the tantivy query that scores it.
//!
//! Each word becomes a clause of alternatives — the word as typed, or its typo corrections
//! when the catalogue does not know it, its stage of life's word when it is an age ("80" →
//! ouderen), and its completions when it is the last word — and the best alternative counts
//! (a disjunction max). Adjacent words that form a catalogue
//! word, and the synonyms of what was typed, add clauses of their own. Every clause knows
//! which typed words it stands for ([`Clause::words`]), so that a method can be scored by how
//! much of the query it covers (`results.rs`). The browser script
//! (`site/static/search-engine.js`) reads a query by the same steps, in the same order.

use tantivy::Term;

use crate::analysis::{MIN_PREFIX, TYPO_LENGTHS};
use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::index::{
    BROADER_WEIGHT, MAX_EXPANSIONS, MAX_QUERY_WORDS, PREFIX_WEIGHT, SYNONYM_WEIGHT, SearchIndex,
    TYPO_WEIGHT,
};
use super::{Correction, Interpretation};
use crate::AgeBand;

/// One clause of a query: what a typed word, a joined pair of words or a thesaurus word adds
/// to a method's score.
pub(super) struct Clause {
    pub(super) query: Box<dyn Query>,
    /// The typed words the clause stands for, as bits by position (at most
    /// [`MAX_QUERY_WORDS`], so they fit).
    pub(super) words: u32,
}

/// A query as read: its clauses; none when it can find nothing.
pub(super) type Clauses = Vec<Clause>;

impl SearchIndex {
    /// Builds the clauses for `text`, and how it was read; `None` when it is blank or only stop
    /// words (browse). Text without a letter or digit (only punctuation or emoji) finds
    /// nothing, not everything: no clauses.
    pub(super) fn parse(&self, text: &str) -> (Option<Clauses>, Interpretation) {
        let mut read = Interpretation::default();
        let query = self.parse_into(text, &mut read);
        (query, read)
    }

    fn parse_into(&self, text: &str, read: &mut Interpretation) -> Option<Clauses> {
        let segments = self.queryable();
        let searcher = &segments.searcher;
        let mut analyzer = self.analyzer.clone();
        let mut words = analyzer.words(text);
        if words.len() > MAX_QUERY_WORDS {
            read.ignored = words[MAX_QUERY_WORDS..]
                .iter()
                .map(|w| w.text.clone())
                .collect();
        }
        words.truncate(MAX_QUERY_WORDS);
        if words.is_empty() {
            // Text without a letter or digit (punctuation, emoji) finds nothing; blank text or
            // only stop words ("de", or "een" on the way to "eenzaamheid") browses everything.
            // Letters and digits are `\p{Alphabetic}` and `\p{N}`, as in the script.
            let wordless = text.chars().any(|c| !c.is_whitespace())
                && !text.chars().any(char::is_alphanumeric);
            return wordless.then(Vec::new);
        }
        let open_end = !text.ends_with(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
        let mut clauses: Clauses = Vec::new();
        let last = words.len() - 1;
        // A number is read as an age: "man van 80" also searches its band's word.
        let ages: Vec<Option<&str>> = words
            .iter()
            .map(|w| AgeBand::of_typed(&w.text).map(|band| band.word))
            .collect();

        for (i, word) in words.iter().enumerate() {
            let mut alternatives: Vec<(Vec<String>, f32)> = Vec::new();
            let terms = analyzer.terms(&word.text).to_vec();
            let mut corrections = Vec::new();
            if self.any_matches(searcher, &terms) {
                alternatives.push((terms, 1.0));
            } else if !self.in_thesaurus(&word.text) {
                corrections = self.fuzzy_words(&word.text);
                for typo in &corrections {
                    alternatives.push((analyzer.terms(typo).to_vec(), TYPO_WEIGHT));
                }
            }
            if let Some(band) = ages[i] {
                let terms = analyzer.terms(band).to_vec();
                if self.any_matches(searcher, &terms) && !read.expanded.iter().any(|w| w == band) {
                    read.expanded.push(band.to_string());
                }
                // A synonym of the number: so what its thesaurus groups add (synonyms, broader
                // words) never outweighs it.
                alternatives.push((terms, SYNONYM_WEIGHT));
            }
            let mut completed = false;
            if i == last && open_end {
                // A completion is searched by its own term, not also by its compound parts,
                // as a thesaurus word is: typing "aanpa" means "aanpak", not the "buurt" and
                // "hulp" of "aanpakbuurthulp".
                for completion in self.completions(&word.text) {
                    alternatives.push((vec![analyzer.whole_term(&completion)], PREFIX_WEIGHT));
                    completed = true;
                }
            }
            // A word being typed that completes is not corrected; one that matches nothing
            // at all is named.
            if !completed && !corrections.is_empty() {
                read.corrected.push(Correction {
                    typed: word.text.clone(),
                    searched: corrections,
                });
            } else if alternatives.is_empty() {
                read.unknown.push(word.text.clone());
            }
            if let Some(query) = self.word_clause(alternatives) {
                clauses.push(Clause {
                    query,
                    words: 1 << i,
                });
            }
        }

        // Typed words that found something by being joined or by the thesaurus: not unknown.
        let mut explained: Vec<String> = Vec::new();

        // "kwartier maken" also finds "kwartiermaken".
        for (i, pair) in words.windows(2).enumerate() {
            if pair[1].position == pair[0].position + 1 {
                let joined = format!("{}{}", pair[0].text, pair[1].text);
                if self.analyzer.is_known(&joined) {
                    explained.extend([pair[0].text.clone(), pair[1].text.clone()]);
                    let terms = analyzer.terms(&joined).to_vec();
                    if !read.expanded.contains(&joined) {
                        read.expanded.push(joined.clone());
                    }
                    clauses.extend(self.word_clause(vec![(terms, 1.0)]).map(|query| Clause {
                        query,
                        words: 0b11 << i,
                    }));
                }
            }
        }

        // Synonyms: a member found in the query adds the group's other members, and the
        // members of its broader groups at a lower weight. Each word is added once, at the
        // highest weight it gets, in the order first met (the script does the same).
        // An age also stands in the thesaurus for its band's word, so "80" finds "senioren"
        // (as the number itself still finds "113" or "80-plussers").
        let typed: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        let mut expansion: Vec<(&str, f32, u32)> = Vec::new();
        // The thesaurus entries added, as written ("sociaal isolement"), for the reading.
        let mut phrases: Vec<&[String]> = Vec::new();
        // Per group a typed entry was found in: that entry, and the range of its phrases.
        let mut found_groups: Vec<(&[String], std::ops::Range<usize>)> = Vec::new();
        for (g, group) in self.synonyms.iter().enumerate() {
            let Some(found) = group
                .iter()
                .position(|member| runs(&typed, &ages, member) != 0)
            else {
                continue;
            };
            let start = phrases.len();
            // Per member, the typed words it covers; the group was found by all of them.
            let typed_runs: Vec<u32> = group
                .iter()
                .map(|member| runs(&typed, &ages, member))
                .collect();
            let by = typed_runs.iter().fold(0, |a, b| a | b);
            for (m, member) in group.iter().enumerate() {
                if m == found || typed_runs[m] != 0 {
                    continue;
                }
                phrases.push(member);
                for word in member {
                    add_expansion(&mut expansion, &typed, &ages, word, SYNONYM_WEIGHT, by);
                }
            }
            for &b in &self.broader[g] {
                for member in &self.synonyms[b] {
                    phrases.push(member);
                    for word in member {
                        add_expansion(&mut expansion, &typed, &ages, word, BROADER_WEIGHT, by);
                    }
                }
            }
            found_groups.push((&group[found], start..phrases.len()));
        }
        let mut found_words: Vec<&str> = Vec::new();
        for (word, weight, by) in expansion {
            let terms = vec![analyzer.whole_term(word)];
            if self.any_matches(searcher, &terms) {
                found_words.push(word);
            }
            clauses.extend(
                self.word_clause(vec![(terms, weight)])
                    .map(|query| Clause { query, words: by }),
            );
        }

        // A typed thesaurus entry found something when one of its added words is in the
        // catalogue.
        for (member, range) in &found_groups {
            let found = phrases[range.clone()]
                .iter()
                .any(|p| p.iter().any(|w| found_words.contains(&w.as_str())));
            if found {
                explained.extend(member.iter().cloned());
            }
        }
        read.unknown.retain(|w| !explained.contains(w));
        // Only entries with a word the catalogue has are named: the others change nothing.
        // The groups take turns (each one's first entry, then each one's second, …), so that
        // the first few named show every concept the query was read as, not one group's
        // forms ("drinkt" → alcohol, alcoholgebruik, … before "slaat" → mishandeling).
        let named: Vec<Vec<&[String]>> = found_groups
            .iter()
            .map(|(_, range)| {
                phrases[range.clone()]
                    .iter()
                    .filter(|p| p.iter().any(|w| found_words.contains(&w.as_str())))
                    .copied()
                    .collect()
            })
            .collect();
        let turns = named.iter().map(Vec::len).max().unwrap_or(0);
        for turn in 0..turns {
            for phrase in named.iter().filter_map(|list| list.get(turn)) {
                let phrase = phrase.join(" ");
                if !read.expanded.contains(&phrase) {
                    read.expanded.push(phrase);
                }
            }
        }

        // No clauses (words that match nothing at all): a query that finds nothing, not
        // everything.
        Some(clauses)
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

    /// Whether `word` is a thesaurus entry of one word, as search reads entries (stop words
    /// dropped: "geen werk" reads as "werk"). The thesaurus is the editors' vocabulary: such a word is not a typo even when no method uses it ("overleden" is not
    /// "overheden", "slaat" not "staat"); its group searches for it.
    fn in_thesaurus(&self, word: &str) -> bool {
        self.synonyms
            .iter()
            .flatten()
            .any(|member| member.len() == 1 && member[0] == word)
    }

    /// Catalogue words within the allowed edit distance of `word`, in byte order.
    fn fuzzy_words(&self, word: &str) -> Vec<String> {
        let len = word.chars().count();
        let [one, two] = TYPO_LENGTHS;
        let distance = match len {
            n if n < one => return Vec::new(),
            n if n < two => 1,
            _ => 2,
        };
        self.typos.near(word, distance)
    }

    /// Catalogue words that start with `prefix` (not `prefix` itself), most frequent first
    /// (ties by word), at most [`MAX_EXPANSIONS`]. The browser export lists them for wide
    /// prefixes (`completions.rs`).
    pub(super) fn completions(&self, prefix: &str) -> Vec<String> {
        if prefix.chars().count() < MIN_PREFIX {
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
}

/// Adds `word` to a query's synonym expansion once, at the highest weight it is given and for
/// every typed word (`by`, as bits) that led to it; words typed in the query, or read from an
/// age typed (`ages`), are not added again.
fn add_expansion<'a>(
    expansion: &mut Vec<(&'a str, f32, u32)>,
    typed: &[&str],
    ages: &[Option<&str>],
    word: &'a str,
    weight: f32,
    by: u32,
) {
    if typed.contains(&word) || ages.contains(&Some(word)) {
        return;
    }
    match expansion.iter_mut().find(|(w, _, _)| *w == word) {
        Some((_, w, b)) => {
            *w = w.max(weight);
            *b |= by;
        }
        None => expansion.push((word, weight, by)),
    }
}

/// The positions of `words` that `member` covers wherever it occurs as consecutive words, as
/// bits. A typed word matches a member's word as typed or, for an age, as its band's word
/// (`ages`, by position).
fn runs(words: &[&str], ages: &[Option<&str>], member: &[String]) -> u32 {
    if member.is_empty() || member.len() > words.len() {
        return 0;
    }
    let at = |i: usize, word: &str| words[i] == word || ages[i] == Some(word);
    let mut bits = 0u32;
    for start in 0..=words.len() - member.len() {
        if member.iter().enumerate().all(|(k, m)| at(start + k, m)) {
            bits |= (((1u64 << member.len()) - 1) << start) as u32;
        }
    }
    bits
}
