//! Checking a method's vocabulary ids: each known, or reported with the id most likely
//! meant — a label typed for its id, a synonym the thesaurus knows ("senioren" for
//! `ouderen`), else the closest in spelling — and the valid ids.

use crate::diagnostic::hint;
use crate::diagnostic::{Severity, suggestion};
use crate::messages::{Message, Msg};
use crate::synonyms::Synonyms;
use crate::vocab::{Kind, VOCABULARIES_FILE, Vocabularies};

/// The ids of one list field (`themes`): each known, none twice.
pub(crate) fn check_terms(
    vocabularies: Known<'_>,
    kind: Kind,
    ids: &[String],
    report: &mut impl FnMut(Severity, &str, Message),
) {
    let key = kind.key();
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let at = format!("{key}[{i}]");
        check_term(vocabularies, kind, id, &at, report);
        if !seen.insert(id) {
            report(
                Severity::Error,
                &at,
                Msg::TermTwice.with(&[("id", id), ("key", &key)]),
            );
        }
    }
}

/// The vocabularies, with the thesaurus when the catalogue has one: an unknown id that is a
/// synonym of a known one ("senioren" for `ouderen`) is pointed to it.
#[derive(Clone, Copy)]
pub(crate) struct Known<'a> {
    pub(crate) vocabularies: &'a Vocabularies,
    pub(crate) synonyms: Option<&'a Synonyms>,
}

impl std::ops::Deref for Known<'_> {
    type Target = Vocabularies;

    fn deref(&self) -> &Vocabularies {
        self.vocabularies
    }
}

impl Known<'_> {
    /// The id of `kind` that the thesaurus gives as a synonym of `word` (an id or label of
    /// a term in the same group).
    fn synonym_of(&self, kind: Kind, word: &str) -> Option<&str> {
        let word = word.replace('-', " ").to_lowercase();
        let synonyms = self.synonyms?;
        synonyms
            .groups
            .iter()
            .filter(|g| g.words.iter().any(|w| w.to_lowercase() == word))
            .flat_map(|g| &g.words)
            .find_map(|w| {
                let w = w.to_lowercase();
                self.terms(kind)
                    .iter()
                    .find(|t| t.id.replace('-', " ") == w || t.label.to_lowercase() == w)
                    .map(|t| t.id.as_str())
            })
    }
}

/// One vocabulary id, known or reported with the likeliest meant one and the valid ids.
pub(crate) fn check_term(
    vocabularies: Known<'_>,
    kind: Kind,
    id: &str,
    at: &str,
    report: &mut impl FnMut(Severity, &str, Message),
) {
    if vocabularies.get(kind, id).is_none() {
        let ids: Vec<&str> = vocabularies
            .terms(kind)
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        // A label typed for its id ("Ouderen" for `ouderen`) is the likeliest mistake.
        let by_label = vocabularies
            .terms(kind)
            .iter()
            .find(|t| t.label.to_lowercase() == id.to_lowercase())
            .map(|t| hint(&t.id))
            // Else a synonym the thesaurus knows ("senioren" for `ouderen`).
            .or_else(|| vocabularies.synonym_of(kind, id).map(hint));
        let hint = by_label.unwrap_or_else(|| suggestion(id, ids.iter().copied()));
        // The valid ids, so an editor need not open another file: all of a short list.
        let listed = if ids.len() <= 20 {
            Msg::IdsListed.text(&[("ids", &ids.join(", "))])
        } else {
            Msg::IdsInFile.text(&[("file", &VOCABULARIES_FILE), ("key", &kind.key())])
        };
        let message = Msg::UnknownTerm.with(&[
            ("noun", &kind.noun()),
            ("id", &id),
            ("hint", &hint),
            ("listed", &listed),
        ]);
        report(Severity::Error, at, message);
    }
}
