//! What a result list shows of a method: enough to choose between methods without opening
//! each one.
//!
//! The index keeps one [`Card`] per method, made once from the catalogue, so that a search
//! answers with everything a list needs without reaching back into the catalogue. The same
//! cards feed the library's [`Hit`](super::Hit)s and the browser export's display blocks, so
//! the site's search results and its static lists show the same facts.

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::model::{EXPIRED, Method};
use crate::vocab::Kind;

/// The facts that decide, beside a method's name: its recognition, for whom, by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Facts {
    /// The recognition state's id: a level of the vocabulary, `niet-beoordeeld`,
    /// `erkenning-verlopen`, … (see [`Method::recognition_level`]).
    pub recognition: String,
    /// Its Dutch label.
    pub recognition_label: String,
    /// For a lapsed recognition, the label of the level it had; otherwise empty.
    pub lapsed_level: String,
    /// Labels of the target groups, in the method's order.
    pub target_groups: Vec<String>,
    /// Labels of who carries it out, in the method's order.
    pub carried_out_by: Vec<String>,
}

/// One method as a result list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Card {
    pub(super) slug: String,
    pub(super) name: String,
    /// The summary as written (plain text).
    pub(super) summary: String,
    pub(super) facts: Facts,
    /// The rank of its recognition state ([`crate::recognition_rank`]; 0 unless valid).
    pub(super) rank: u8,
    /// When it was last reviewed (for "most recently reviewed first").
    pub(super) reviewed: crate::Date,
    /// The slugs its `related` list names, in order.
    pub(super) related: Vec<String>,
    /// Its recognisable situations, for the browser to show the one that fits a query.
    pub(super) situations: Vec<String>,
}

impl Card {
    /// The card of `method`, with labels from `catalogue`'s vocabularies and its recognition
    /// judged on the catalogue's "today".
    pub(super) fn of(catalogue: &Catalogue, method: &Method) -> Card {
        let vocabularies = catalogue.vocabularies();
        let today = catalogue.today();
        let state = method.recognition_level(today);
        let lapsed_level = method
            .current_recognition(today)
            .filter(|_| state == EXPIRED)
            .map(|r| vocabularies.label(Kind::RecognitionLevel, &r.level))
            .unwrap_or_default()
            .to_string();
        let labels = |kind: Kind, ids: &[String]| -> Vec<String> {
            ids.iter()
                .map(|id| vocabularies.label(kind, id).to_string())
                .collect()
        };
        Card {
            slug: method.slug.clone(),
            name: method.name.clone(),
            summary: method.summary.clone(),
            facts: Facts {
                recognition: state.to_string(),
                recognition_label: vocabularies
                    .label(Kind::RecognitionLevel, state)
                    .to_string(),
                lapsed_level,
                target_groups: labels(Kind::TargetGroup, &method.target_groups),
                carried_out_by: labels(Kind::CarriedOutBy, &method.carried_out_by),
            },
            rank: crate::recognition_rank(state),
            reviewed: method.last_reviewed,
            related: method.related.clone(),
            situations: method.situations.clone(),
        }
    }
}
