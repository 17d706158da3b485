//! Synonyms professionals use for the same thing ("ggz" and "psychische problemen"), kept as
//! data in `interventions/_synonyms.toml` so that editors can add them.

use std::path::Path;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::diagnostic::Diagnostics;
use crate::document;
use crate::input::read_text as read;

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

fn synonyms_schema() -> &'static Json {
    static SCHEMA: OnceLock<Json> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Synonyms).to_value())
}

/// The synonyms file is optional: a catalogue without one searches without synonyms.
pub(crate) fn load_synonyms(path: &Path, diagnostics: &mut Diagnostics) -> Option<Synonyms> {
    if !path.exists() {
        return Some(Synonyms::default());
    }
    let text = read(path, diagnostics)?;
    document::parse::<Synonyms>(path, &text, synonyms_schema(), diagnostics).map(|p| p.value)
}
