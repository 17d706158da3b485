//! Synonyms professionals use for the same thing ("ggz" and "psychische problemen"), kept as
//! data in `interventions/_synonyms.toml` so that editors can add them.

use std::path::Path;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Severity, suggestion};
use crate::document::{self, Parsed};
use crate::input::read_text as read;
use crate::messages::{Message, Msg};
use crate::text::{is_valid_slug, slugify};

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

/// Words or phrases that a search treats as alternatives for each other: one concept of the
/// thesaurus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SynonymGroup {
    /// The concept's id (lowercase letters, digits, hyphens), needed to name it in `broader`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Words or phrases, e.g. `["ggz", "psychische problemen"]`: two or more, or one of a
    /// narrower concept with `broader` (`["faalangst"]` also finds the words of `angst`).
    #[schemars(length(min = 1))]
    pub words: Vec<String>,
    /// Ids of broader concepts: a query for this one also finds their words, at a lower
    /// weight (never the reverse).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub broader: Vec<String>,
}

impl Synonyms {
    /// Per group, the indices of all its broader groups, following `broader` transitively
    /// (unknown ids and cycles, which `check` reports, are skipped).
    pub fn broader_closure(&self) -> Vec<Vec<usize>> {
        let by_id: std::collections::HashMap<&str, usize> = self
            .groups
            .iter()
            .enumerate()
            .filter_map(|(i, g)| g.id.as_deref().map(|id| (id, i)))
            .collect();
        (0..self.groups.len())
            .map(|start| {
                let mut seen = vec![start];
                let mut stack = vec![start];
                while let Some(g) = stack.pop() {
                    for id in &self.groups[g].broader {
                        if let Some(&b) = by_id.get(id.as_str())
                            && !seen.contains(&b)
                        {
                            seen.push(b);
                            stack.push(b);
                        }
                    }
                }
                seen.remove(0);
                seen.sort_unstable();
                seen
            })
            .collect()
    }
}

fn synonyms_schema() -> &'static Json {
    static SCHEMA: OnceLock<Json> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Synonyms).to_value())
}

/// The synonyms file is optional: a catalogue without one searches without synonyms.
/// `has_words` says whether a phrase keeps any word after analysis (stop words dropped).
pub(crate) fn load_synonyms(
    path: &Path,
    diagnostics: &mut Diagnostics,
    has_words: &dyn Fn(&str) -> bool,
) -> Option<Synonyms> {
    if !path.exists() {
        return Some(Synonyms::default());
    }
    let text = read(path, diagnostics)?;
    let Parsed { value, spans } =
        document::parse::<Synonyms>(path, &text, synonyms_schema(), diagnostics)?;
    let lines = LineIndex::new(&text);
    let mut failed = false;
    let mut report = |key: &str, message: Message| {
        failed = true;
        diagnostics.push(Diagnostic::at_indexed(
            Severity::Error,
            path,
            &text,
            &lines,
            spans.of(key),
            message,
        ));
    };
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (g, group) in value.groups.iter().enumerate() {
        if let Some(id) = &group.id {
            if !is_valid_slug(id) {
                report(
                    &format!("groups[{g}].id"),
                    Msg::SynonymBadId.with(&[("id", id), ("slug", &slugify(id))]),
                );
            }
            if let Some(first) = ids.insert(id, g) {
                report(
                    &format!("groups[{g}].id"),
                    Msg::SynonymIdTwice.with(&[
                        ("id", id),
                        ("first", &(first + 1)),
                        ("second", &(g + 1)),
                    ]),
                );
            }
        }
        // One word alone has nothing to stand for, unless it points to a broader concept.
        if group.words.len() == 1 && group.broader.is_empty() {
            report(
                &format!("groups[{g}].words"),
                Msg::SynonymAlone.with(&[("word", &group.words[0])]),
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (w, word) in group.words.iter().enumerate() {
            let key = format!("groups[{g}].words[{w}]");
            if !seen.insert(word.to_lowercase()) {
                report(&key, Msg::SynonymWordTwice.with(&[("word", word)]));
            } else if !has_words(word) {
                report(&key, Msg::SynonymNoWords.with(&[("word", word)]));
            }
        }
    }
    for (g, group) in value.groups.iter().enumerate() {
        for (b, id) in group.broader.iter().enumerate() {
            let key = format!("groups[{g}].broader[{b}]");
            if group.id.as_deref() == Some(id.as_str()) {
                report(&key, Msg::SynonymBroaderItself.with(&[("id", id)]));
            } else if !ids.contains_key(id.as_str()) {
                let hint = suggestion(id, ids.keys().copied());
                report(
                    &key,
                    Msg::SynonymUnknownBroader.with(&[("id", id), ("hint", &hint)]),
                );
            }
        }
    }
    // A cycle of broader concepts would make each find the other: the relation is one way.
    for (g, closure) in value.broader_closure().iter().enumerate() {
        let Some(id) = &value.groups[g].id else {
            continue;
        };
        let in_cycle = closure
            .iter()
            .any(|&b| value.groups[b].broader.iter().any(|x| x == id));
        if in_cycle && !value.groups[g].broader.is_empty() {
            report(
                &format!("groups[{g}].broader[0]"),
                Msg::SynonymCycle.with(&[("id", id)]),
            );
        }
    }
    (!failed).then_some(value)
}
