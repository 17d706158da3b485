//! What the index reads of a method: the text of each scored field, and the values each
//! facet can take. Kept apart from the index itself, so that what is searchable can be read
//! (and changed) in one place.

use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::markdown;
use crate::model::Method;
use crate::vocab::Kind;

/// The text of each scored field for one method, in [`FIELD_WEIGHTS`](super::FIELD_WEIGHTS) order.
pub(super) fn field_texts(catalogue: &Catalogue, method: &Method) -> [String; 5] {
    let vocab = catalogue.vocabularies();
    let mut labels = Vec::new();
    // In this order: the field's text, and so its scores, depend on it.
    let lists = [
        Kind::Theme,
        Kind::TargetGroup,
        Kind::Setting,
        Kind::Law,
        Kind::CarriedOutBy,
    ];
    for kind in lists {
        let ids = kind.list_of(method).unwrap_or_default();
        labels.extend(ids.iter().map(|id| vocab.label(kind, id).to_string()));
    }
    if let Some(level) = &method.prevention_level {
        labels.push(vocab.label(Kind::PreventionLevel, level).to_string());
    }

    let mut core = vec![markdown::to_text(&method.aim)];
    core.extend(method.effective_elements.iter().cloned());
    core.extend(method.problem.as_deref().map(markdown::to_text));
    core.extend(method.indications.as_deref().map(markdown::to_text));
    // A professional describes a client in everyday words; the situations are written in
    // them. Here rather than in a field of their own: with its own document frequencies a
    // short field made a word rare in it (vrijwilligerswerk) outweigh the methods about it.
    core.extend(method.situations.iter().cloned());

    let mut body = vec![markdown::to_text(&method.approach)];
    for (key, text) in method.markdown_fields() {
        if !matches!(key, "aim" | "approach" | "problem" | "indications") {
            body.push(markdown::to_text(text));
        }
    }
    for example in &method.practice_examples {
        body.push(example.title.clone());
        body.extend(example.place.clone());
        body.push(markdown::to_text(&example.description));
    }
    body.extend(method.owner.as_ref().map(|o| o.organisation.clone()));

    let mut name = vec![method.name.clone()];
    name.extend(method.aliases.iter().cloned());
    [
        name.join("\n"),
        method.summary.clone(),
        labels.join("\n"),
        core.join("\n"),
        body.join("\n"),
    ]
}

/// [`field_texts`] of every method, computed on all cores.
pub(super) fn all_field_texts(catalogue: &Catalogue) -> Vec<[String; 5]> {
    catalogue
        .methods()
        .par_iter()
        .map(|m| field_texts(catalogue, m))
        .collect()
}
