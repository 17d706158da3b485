//! # Methodewijzer
//!
//! An open catalogue of proven methods for the Dutch social domain (Wmo, Jeugdwet,
//! Participatiewet). This crate is the catalogue itself as a library: the method model,
//! the validating loader for `interventions/*.toml`, the vocabularies and safe Markdown.
//!
//! Data flows one way: files → [`Catalogue`] → pages, index and exports. Everything that
//! reads the catalogue — the `methodewijzer` command, the static site, an embedding program —
//! goes through [`Catalogue::load`], so all of them see the same validated data.
//!
//! ```
//! use methodewijzer::{Catalogue, Kind};
//!
//! let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../interventions");
//! let catalogue = Catalogue::load(dir).expect("the shipped catalogue is valid");
//!
//! let krachtwerk = catalogue.get("krachtwerk").unwrap();
//! println!("{}: {}", krachtwerk.name, krachtwerk.summary);
//! for theme in &krachtwerk.themes {
//!     println!("  thema: {}", catalogue.vocabularies().label(Kind::Theme, theme));
//! }
//! assert!(catalogue.len() >= 10);
//! ```
//!
//! A catalogue with mistakes does not load; instead every problem in every file comes back,
//! located and explained:
//!
//! ```
//! # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../interventions");
//! match methodewijzer::Catalogue::load(dir) {
//!     Ok(catalogue) => println!("{} methods", catalogue.len()),
//!     Err(problems) => eprint!("{problems}"), // path:line:col: fout[MW201]: bericht, with a caret
//! }
//! ```
//!
//! Messages are Dutch unless [`messages::set_language`] chooses English; every problem carries
//! a stable code ([`Diagnostic::code`]) from the one table of texts, [`messages`].

#![warn(missing_docs)]

pub mod advice;
#[cfg(feature = "search")]
mod analysis;
mod catalogue;
mod diagnostic;
mod document;
pub mod export;
mod hints;
mod hygiene;
pub mod input;
pub mod markdown;
pub mod messages;
mod model;
mod par;
#[cfg(feature = "evaluation")]
pub mod relevance;
mod rules;
#[cfg(feature = "search")]
pub mod search;
mod synonyms;
mod syntax;
#[cfg(feature = "synthetic")]
pub mod synthetic;
mod terms;
mod text;
mod vocab;

pub use catalogue::{Catalogue, LoadOptions, method_schema, method_schema_json};
pub use diagnostic::{Diagnostic, Diagnostics, EXCERPT_CHARS, LineIndex, Severity};
pub use messages::{Lang, Msg};
pub use model::{
    AgeBand, AgeRange, Date, EXPIRED, EntryType, IN_REASSESSMENT, Method, NOT_ASSESSED,
    NOT_RECOGNISED, Owner, PracticeExample, Recognition, Source, Status, recognition_rank,
};
#[cfg(feature = "search")]
pub use search::{
    Correction, Facet, FacetCounts, FacetValue, Facts, Hit, Interpretation, SearchIndex,
    SearchRequest, SearchResults, Sort, UnknownFilterValue,
};
pub use synonyms::{SYNONYMS_FILE, SynonymGroup, Synonyms};
pub use text::{is_valid_slug, slugify};
pub use vocab::{Kind, Term, VOCABULARIES_FILE, Vocabularies};
