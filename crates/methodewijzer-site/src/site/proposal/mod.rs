//! The proposal form (`voorstellen/`): a page from which someone without Rust or git writes a
//! new method file and proposes it.
//!
//! The form is made at build time from three sources, so that a new field or vocabulary term
//! appears on it without editing the page: the method's JSON Schema (which fields, which are
//! required, types, lengths, dates, web addresses), the vocabularies (the choices, with their
//! Dutch labels) and the editors' template `_template.toml` (the order of the fields, their
//! Dutch help from its comments, and which texts are long). Labels come from the strings file
//! (`proposal_fields`), with the key itself when it has none. `site/static/proposal.js` checks
//! the fields as the schema says, writes the TOML and offers it for download or as a new file
//! in the repository.

mod fields;
mod notes;

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::context;
use serde::Serialize;

use super::BuildError;
use super::render::{Renderer, v};
use super::settings::Strings;
use fields::{Field, Input, fields};
use notes::notes;

/// The editors' template inside the catalogue folder (what `methodewijzer new` fills).
const TEMPLATE_FILE: &str = "_template.toml";

/// A part of the form under its own heading.
#[derive(Debug, Serialize)]
pub(crate) struct Section {
    pub heading: String,
    pub fields: Vec<Field>,
}

/// The form in parts: the required fields, the optional short ones, the optional texts, and
/// the tables.
pub(crate) fn sections(fields: Vec<Field>, strings: &Strings) -> Vec<Section> {
    let heading = |key: &str| super::pages::string(strings, key);
    let mut parts: [(&str, Vec<Field>); 4] = [
        ("proposal_required", Vec::new()),
        ("proposal_optional_short", Vec::new()),
        ("proposal_optional_texts", Vec::new()),
        ("proposal_optional_tables", Vec::new()),
    ];
    for field in fields {
        let part = match field.input {
            _ if field.required => 0,
            Input::Long => 2,
            Input::Group | Input::Repeat => 3,
            _ => 1,
        };
        parts[part].1.push(field);
    }
    parts
        .into_iter()
        .filter(|(_, fields)| !fields.is_empty())
        .map(|(key, fields)| Section {
            heading: heading(key),
            fields,
        })
        .collect()
}

impl Renderer<'_> {
    /// `voorstellen/`: the form, and beside it the template to download for those without
    /// JavaScript. A catalogue without `_template.toml` gets the form without help texts.
    pub(super) fn render_proposal(&mut self, catalogue_dir: &Path) -> Result<(), BuildError> {
        let template_path = catalogue_dir.join(TEMPLATE_FILE);
        let template = if template_path.is_file() {
            let bytes = methodewijzer::input::read_file(
                catalogue_dir,
                &template_path,
                methodewijzer::input::MAX_TEXT_BYTES,
            )
            .map_err(|e| BuildError::SiteFile {
                path: template_path.clone(),
                problem: e.to_string(),
            })?;
            Some(String::from_utf8_lossy(&bytes).into_owned())
        } else {
            None
        };
        let notes = template.as_deref().map(notes).unwrap_or_default();
        let fields = fields(
            methodewijzer::method_schema(),
            self.catalogue.vocabularies(),
            &notes,
            &self.strings,
        );
        let slugs: Vec<&str> = self
            .catalogue
            .methods()
            .iter()
            .map(|m| m.slug.as_str())
            .collect();
        // The script's messages: every `proposal_js_` string, by the rest of its key (sorted,
        // so that the same input gives the same page).
        let messages: BTreeMap<&str, &str> = self
            .strings
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("proposal_js_")?, v.as_str()?)))
            .collect();
        let repository = self
            .settings
            .repository_url
            .trim_end_matches('/')
            .to_string();
        let sections = sections(fields, &self.strings);
        self.page(
            "voorstellen/",
            "proposal.html",
            context! {
                title => self.t("proposal_title"),
                sections => v(&sections),
                slugs => serde_json::to_string(&slugs).expect("strings serialize"),
                messages => serde_json::to_string(&messages).expect("strings serialize"),
                repository => repository,
                has_template => template.is_some(),
            },
        )?;
        if let Some(template) = template {
            // As `new` fills it, with the name left for the proposer.
            let filled = template
                .replace("{{date}}", &self.catalogue.today().to_string())
                .replace("{{name}}", "");
            self.add("voorstellen/sjabloon.toml".into(), filled.into_bytes())?;
        }
        Ok(())
    }
}
