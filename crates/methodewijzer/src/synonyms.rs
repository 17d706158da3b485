//! Synonyms professionals use for the same thing ("ggz" and "psychische problemen"), kept as
//! data in `interventions/_synonyms.toml` so that editors can add them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// File name of the synonyms inside the catalogue folder (optional).
pub const SYNONYMS_FILE: &str = "_synonyms.toml";

/// All synonym groups of a catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Synonyms {
    /// Groups of words or phrases that mean the same to a searcher.
    #[serde(default)]
    pub groups: Vec<SynonymGroup>,
}

/// Words or phrases that a search treats as alternatives for each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SynonymGroup {
    /// Two or more words or phrases, e.g. `["ggz", "psychische problemen"]`.
    #[schemars(length(min = 2))]
    pub words: Vec<String>,
}
