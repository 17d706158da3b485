//! Search: what a professional types, turned into the methods that fit, with facet counts.
//!
//! The text part runs on a tantivy index held in memory ([`SearchIndex`]), scored with BM25
//! over weighted fields. Filters and facet counts run on the matching set in memory: with
//! at most tens of thousands of methods that is faster than a second pass through the index,
//! and it lets every facet count ignore its own filter — the way shoppers expect, so that
//! choosing one theme does not hide the other themes.
//!
//! How a query is read, in order:
//! 1. Words are analysed exactly as the index was (the `Analyzer` of `analysis.rs`): folded, stop words dropped,
//!    stemmed, compounds also split into their parts.
//! 2. A word the catalogue does not know is looked up with edit distance 1 (from 5 letters)
//!    or 2 (from 9), transpositions counting as one edit.
//! 3. The last word also counts as the start of a word (search as you type), unless the
//!    query ends in a space.
//! 4. Two adjacent words that together form a catalogue word also match it ("kwartier maken").
//! 5. A word or phrase from a synonym group also matches the group's other members.
//! 6. A query that equals a method's name or alias puts that method first.
//!
//! How it is scored: a typed word and the thesaurus words it brought in are one concept,
//! worth its best clause and half of the others; a method's concepts are summed and
//! multiplied by the share of the query's words it covers.

pub mod browser;
mod card;
mod completions;
mod fields;
mod files;
mod index;
mod manifest;
mod neighbours;
mod query;
mod related;
mod results;
mod words;

use std::collections::BTreeMap;

use serde::Serialize;

#[cfg(feature = "evaluation")]
pub use crate::analysis::{Analyzer, Stemming, Word};
pub use browser::{BrowserIndex, DOCS_PER_BLOCK, FORMAT_VERSION, IMPACT_SCALE};
pub use card::Facts;
pub use files::{BrowserFile, content_name};
#[cfg(feature = "evaluation")]
pub use index::IndexOptions;
pub use index::{FIELD_WEIGHTS, SearchIndex};

use crate::Catalogue;
use crate::model::Method;
use crate::vocab::Kind;

/// A facet: a dimension a search can be narrowed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// `themes`
    Theme,
    /// `target_groups`
    TargetGroup,
    /// `laws`
    Law,
    /// The level of the method's current recognition (`niet-beoordeeld` when none is valid).
    RecognitionLevel,
    /// `carried_out_by`
    CarriedOutBy,
    /// `settings`
    Setting,
    /// `status`
    Status,
    /// The [`AgeBand`](crate::AgeBand)s the method is for: its own `age`, else its target
    /// groups' ages ([`Vocabularies::ages_of`](crate::Vocabularies::ages_of)).
    Age,
}

impl Facet {
    /// All facets, in the order they are shown.
    pub const ALL: [Facet; 8] = [
        Facet::Theme,
        Facet::TargetGroup,
        Facet::Age,
        Facet::Law,
        Facet::RecognitionLevel,
        Facet::CarriedOutBy,
        Facet::Setting,
        Facet::Status,
    ];

    /// The facet's name in URLs, JSON and the command line.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::TargetGroup => "target_group",
            Facet::Law => "law",
            Facet::RecognitionLevel => "recognition_level",
            Facet::CarriedOutBy => "carried_out_by",
            Facet::Setting => "setting",
            Facet::Status => "status",
            Facet::Age => "age",
        }
    }

    /// The Dutch label.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Theme => "Thema",
            Facet::TargetGroup => "Doelgroep",
            Facet::Law => "Wet",
            Facet::RecognitionLevel => "Erkenning",
            Facet::CarriedOutBy => "Uitgevoerd door",
            Facet::Setting => "Werkveld",
            Facet::Status => "Status",
            Facet::Age => "Leeftijd",
        }
    }

    /// Parses [`Facet::key`].
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Its position in [`Facet::ALL`].
    pub fn position(self) -> usize {
        Facet::ALL
            .iter()
            .position(|&f| f == self)
            .expect("every facet is in ALL")
    }

    /// Its name in the site's addresses and paths (`thema` in `?thema=eenzaamheid` and in
    /// `thema/eenzaamheid/`): Dutch, for the people who read and share them.
    pub const fn param(self) -> &'static str {
        match self {
            Facet::Theme => "thema",
            Facet::TargetGroup => "doelgroep",
            Facet::Law => "wet",
            Facet::RecognitionLevel => "erkenning",
            Facet::CarriedOutBy => "uitvoerder",
            Facet::Setting => "werkveld",
            Facet::Status => "status",
            Facet::Age => "leeftijd",
        }
    }

    /// The vocabulary its values come from; `None` for [`Facet::Status`] and [`Facet::Age`],
    /// whose values are fixed ([`Status::ALL`](crate::Status::ALL),
    /// [`AgeBand::ALL`](crate::AgeBand::ALL)).
    pub const fn kind(self) -> Option<Kind> {
        match self {
            Facet::Theme => Some(Kind::Theme),
            Facet::TargetGroup => Some(Kind::TargetGroup),
            Facet::Law => Some(Kind::Law),
            Facet::RecognitionLevel => Some(Kind::RecognitionLevel),
            Facet::CarriedOutBy => Some(Kind::CarriedOutBy),
            Facet::Setting => Some(Kind::Setting),
            Facet::Status | Facet::Age => None,
        }
    }

    /// The values (ids) `method` has for this facet, with the catalogue's vocabularies; its
    /// recognition is judged on the catalogue's `today`.
    pub fn values_of(self, catalogue: &Catalogue, method: &Method) -> Vec<String> {
        let values = match (self, self.kind()) {
            (_, Some(kind)) => kind.values_of(method, catalogue.today()),
            (Facet::Age, None) => catalogue.vocabularies().age_bands_of(method),
            _ => vec![method.status.id()],
        };
        values.into_iter().map(String::from).collect()
    }

    /// Every value the facet can take, as (id, label), in display order.
    pub fn vocabulary(self, catalogue: &Catalogue) -> Vec<(String, String)> {
        let pairs = |pairs: &mut dyn Iterator<Item = (&str, &str)>| {
            pairs.map(|(a, b)| (a.to_string(), b.to_string())).collect()
        };
        match (self, self.kind()) {
            (_, Some(kind)) => pairs(
                &mut catalogue
                    .vocabularies()
                    .terms(kind)
                    .iter()
                    .map(|t| (t.id.as_str(), t.label.as_str())),
            ),
            (Facet::Age, None) => pairs(&mut crate::AgeBand::ALL.iter().map(|b| (b.id, b.label))),
            _ => pairs(&mut crate::Status::ALL.iter().map(|s| (s.id(), s.label()))),
        }
    }
}

/// How many facets there are.
pub(crate) const FACETS: usize = Facet::ALL.len();
/// Entries per method in the index's `facet_starts`: where each facet's values start, and
/// where the last ends.
pub(crate) const STRIDE: usize = FACETS + 1;

/// How a query was read, for the results to show, so that a professional sees why a method
/// came up (or why none did). The browser script reads a query the same way and gives the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Interpretation {
    /// Typed words the catalogue does not know, with the catalogue words searched instead
    /// ("kwartiermakn" → "kwartiermaken"). A last word still being typed that completes to
    /// catalogue words is not corrected, nor a word that is a thesaurus entry by itself
    /// (read as search reads it, stop words dropped): it is searched through its group.
    pub corrected: Vec<Correction>,
    /// What was searched beside the words typed, in the order added: the word an age is read
    /// as ("80" → "ouderen"), two typed words that
    /// form one catalogue word ("kwartier maken" → "kwartiermaken"), then the thesaurus's
    /// synonyms and broader concepts as entries (folded: "sociaal isolement", "65 plussers"),
    /// each only when a word of it occurs in the catalogue, the groups found taking turns
    /// (each group's first entry, then each one's second, …) so that the first few name
    /// every concept the query was read as.
    pub expanded: Vec<String>,
    /// Typed words that found nothing, not even corrected.
    pub unknown: Vec<String>,
    /// Words beyond the query's word limit, not searched.
    pub ignored: Vec<String>,
}

/// A typed word the catalogue does not know, and what was searched instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// The word as typed (folded).
    pub typed: String,
    /// The catalogue words within the allowed edit distance.
    pub searched: Vec<String>,
}

/// How hits are ordered. Ties are broken by the next key, and finally by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
pub enum Sort {
    /// Best match first (browsing without a query: by name).
    #[default]
    Relevance,
    /// Strongest current recognition first, then best match.
    Recognition,
    /// By name, A to Z.
    Name,
    /// Most recently reviewed first.
    Reviewed,
}

impl Sort {
    /// All orders, as a list offers them.
    pub const ALL: [Sort; 4] = [
        Sort::Relevance,
        Sort::Recognition,
        Sort::Name,
        Sort::Reviewed,
    ];

    /// Its name in addresses and on the command line (Dutch, like the site's addresses).
    pub const fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevantie",
            Sort::Recognition => "erkenning",
            Sort::Name => "naam",
            Sort::Reviewed => "herzien",
        }
    }

    /// Parses [`Sort::key`].
    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What to search for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// The words as typed. Empty lists every method (browsing).
    pub query: String,
    /// Per facet, the accepted values: a method matches a facet when it has any of them,
    /// and the request when it matches every facet with a filter.
    pub filters: BTreeMap<Facet, Vec<String>>,
    /// Only methods whose current recognition is this level or a stronger one ("minimaal goed
    /// onderbouwd" includes every effectief level): a recognition level id with a rank
    /// ([`recognition_rank`](crate::recognition_rank) above 0). Applies to the hits and to
    /// every facet's counts.
    pub min_recognition: Option<String>,
    /// How the hits are ordered.
    pub sort: Sort,
    /// At most this many hits.
    pub limit: usize,
    /// Skip this many hits (paging).
    pub offset: usize,
    /// Also list the weaker matches — methods that share a word with the query but score
    /// below the match floor — after the ones that count ([`SearchResults::weaker`]).
    pub weaker: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: BTreeMap::new(),
            min_recognition: None,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            weaker: false,
        }
    }
}

impl SearchRequest {
    /// A request for `query` with the default limit of 10.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }

    /// Adds a filter value for `facet`.
    pub fn filter(mut self, facet: Facet, value: impl Into<String>) -> SearchRequest {
        self.filters.entry(facet).or_default().push(value.into());
        self
    }

    /// Keeps only methods recognised at `level` or stronger (see
    /// [`SearchRequest::min_recognition`]).
    pub fn at_least(mut self, level: impl Into<String>) -> SearchRequest {
        self.min_recognition = Some(level.into());
        self
    }

    /// Orders the hits by `sort`.
    pub fn sort_by(mut self, sort: Sort) -> SearchRequest {
        self.sort = sort;
        self
    }

    /// Sets the limit.
    pub fn limit(mut self, limit: usize) -> SearchRequest {
        self.limit = limit;
        self
    }

    /// Sets the offset.
    pub fn offset(mut self, offset: usize) -> SearchRequest {
        self.offset = offset;
        self
    }

    /// Lists the weaker matches too, after the ones that count ("Toon ook minder passende
    /// methoden").
    pub fn with_weaker(mut self) -> SearchRequest {
        self.weaker = true;
        self
    }
}

/// One method found, with what a result list shows of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The method's slug.
    pub slug: String,
    /// The method's name.
    pub name: String,
    /// Its summary, as written.
    pub summary: String,
    /// Its recognition, target groups and who carries it out.
    pub facts: Facts,
    /// Relevance; higher is better. 0 when browsing without a query.
    pub score: f32,
    /// An excerpt with the matched words in `<mark>`; everything else HTML-escaped.
    pub snippet: String,
    /// A weaker match, listed only on request ([`SearchRequest::weaker`]), after every
    /// method that counts.
    pub weaker: bool,
    /// The name of the best match, when this method counts only because the best match lists
    /// it as related: its own score is below the match floor (`IndexOptions::near_floors`).
    /// A result list says so, so that a reader sees why a weak match is among the found.
    pub related_to: Option<String>,
}

/// The count of methods for one facet value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// The value's id (vocabulary id or status).
    pub id: String,
    /// Its Dutch label.
    pub label: String,
    /// How many methods match the query and every other facet's filter and have this value.
    pub count: usize,
    /// Whether the request filters on this value.
    pub selected: bool,
}

/// The counts of one facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCounts {
    /// Which facet.
    pub facet: Facet,
    /// Its Dutch label.
    pub label: String,
    /// Every value of the facet's vocabulary, in vocabulary order, with counts (also 0).
    pub values: Vec<FacetValue>,
}

/// A filter value that its facet cannot take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFilterValue {
    /// The facet filtered on.
    pub facet: Facet,
    /// The value given.
    pub value: String,
    /// The closest valid id, if one is close.
    pub suggestion: Option<String>,
    /// Every valid id of the facet, in vocabulary order.
    pub valid: Vec<String>,
}

impl std::fmt::Display for UnknownFilterValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} \"{}\"", self.facet.key(), self.value)?;
        if let Some(suggestion) = &self.suggestion {
            write!(f, " (did you mean `{suggestion}`?)")?;
        }
        write!(f, "; the values are: {}", self.valid.join(", "))
    }
}

impl std::error::Error for UnknownFilterValue {}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// How many methods match the query and all filters well enough: what "N methoden
    /// gevonden" and the facet counts count.
    pub total: usize,
    /// How many more pass the filters but match the query only weakly (below the match
    /// floor); listed after the others when the request asks ([`SearchRequest::weaker`]).
    pub weaker: usize,
    /// How the query was read: corrections, added words, words that found nothing.
    pub interpretation: Interpretation,
    /// The hits from `offset`, at most `limit`.
    pub hits: Vec<Hit>,
    /// Counts per facet.
    pub facets: Vec<FacetCounts>,
}
