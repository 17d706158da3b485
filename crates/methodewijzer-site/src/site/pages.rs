//! The views templates render: catalogue data shaped for reading, with labels, links and
//! rendered Markdown, computed once per build.

use std::collections::HashMap;

use serde::Serialize;

use methodewijzer::markdown;
use methodewijzer::{Catalogue, Date, Facet, Kind, Method, Recognition, SearchIndex};

use super::settings::{Settings, Strings};

/// A browse dimension: a facet whose vocabulary has a page per value.
#[derive(Debug, Clone, Copy)]
pub struct Dimension {
    /// The vocabulary.
    pub kind: Kind,
    /// The URL segment (`thema`), the facet's name in addresses.
    pub segment: &'static str,
}

impl Dimension {
    /// The dimension of a facet with a vocabulary.
    const fn of(facet: Facet) -> Dimension {
        match facet.kind() {
            Some(kind) => Dimension {
                kind,
                segment: facet.param(),
            },
            None => panic!("a browse dimension needs a vocabulary"),
        }
    }
}

/// The browse dimensions, in menu order.
pub const DIMENSIONS: [Dimension; 4] = [
    Dimension::of(Facet::Theme),
    Dimension::of(Facet::TargetGroup),
    Dimension::of(Facet::Law),
    Dimension::of(Facet::RecognitionLevel),
];

/// A vocabulary value with its link.
#[derive(Debug, Clone, Serialize)]
pub struct TermView {
    pub id: String,
    pub label: String,
    pub description: String,
    /// Relative to the site root.
    pub url: String,
    /// Methods with this value (for browse pages).
    pub count: usize,
}

/// A recognition, ready to show as a badge.
#[derive(Debug, Clone, Serialize)]
pub struct RecognitionView {
    pub level: String,
    pub label: String,
    pub description: String,
    pub rank: u8,
    pub scheme: String,
    pub date: Option<String>,
    pub valid_until: Option<String>,
    pub expired: bool,
    pub conditional: bool,
    pub note: Option<String>,
    pub url: Option<String>,
}

/// A long-text section of a method page.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub key: &'static str,
    pub title: String,
    pub html: String,
}

/// A method, ready for its page and for lists.
#[derive(Debug, Clone, Serialize)]
pub struct MethodView {
    pub slug: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub url: String,
    pub themes: Vec<TermView>,
    pub target_groups: Vec<TermView>,
    pub laws: Vec<TermView>,
    pub carried_out_by: Vec<TermView>,
    pub settings: Vec<TermView>,
    pub prevention_level: Option<TermView>,
    pub age: Option<String>,
    pub status: String,
    pub status_label: String,
    /// What kind of entry: methode, werkwijze, instrument, programma.
    pub entry_type: &'static str,
    pub entry_type_label: &'static str,
    pub recognition: Option<RecognitionView>,
    pub recognitions: Vec<RecognitionView>,
    pub sections: Vec<Section>,
    pub effective_elements: Vec<String>,
    /// Recognisable situations, shown after the section named by `situations_after`.
    pub situations: Vec<String>,
    /// The section the situations follow: "Wanneer inzetten" (`indications`), else the
    /// approach (which every method has).
    pub situations_after: &'static str,
    pub owner: Option<methodewijzer::Owner>,
    pub sources: Vec<methodewijzer::Source>,
    pub practice_examples: Vec<PracticeView>,
    pub related: Vec<RelatedView>,
    pub last_reviewed: String,
    pub last_reviewed_text: String,
    pub edit_url: String,
    pub json_ld: String,
    /// The commits that changed the method's file, newest first (empty outside git).
    pub history: Vec<super::history::Change>,
    /// How many older changes are not listed.
    pub history_more: usize,
    /// The file's full history in the repository.
    pub history_url: String,
}

/// What a list of methods shows of each: a light copy of [`MethodView`], so that a page
/// listing thousands of methods does not carry every field of each.
#[derive(Debug, Clone, Serialize)]
pub struct MethodSummary<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    pub url: &'a str,
    pub themes: &'a [TermView],
    /// Who it is for and who carries it out: with the recognition, the facts that decide.
    pub target_groups: &'a [TermView],
    pub carried_out_by: &'a [TermView],
    pub recognition: Option<&'a RecognitionView>,
    pub last_reviewed: &'a str,
    pub last_reviewed_text: &'a str,
}

impl MethodView {
    /// The fields lists need.
    pub fn summary_view(&self) -> MethodSummary<'_> {
        MethodSummary {
            slug: &self.slug,
            name: &self.name,
            summary: &self.summary,
            url: &self.url,
            themes: &self.themes,
            target_groups: &self.target_groups,
            carried_out_by: &self.carried_out_by,
            recognition: self.recognition.as_ref(),
            last_reviewed: &self.last_reviewed,
            last_reviewed_text: &self.last_reviewed_text,
        }
    }
}

/// A practice example with its description rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeView {
    pub title: String,
    pub place: Option<String>,
    pub year: Option<u16>,
    pub html: String,
}

/// A related method, as a link with its summary.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedView {
    pub name: String,
    pub summary: String,
    pub url: String,
}

/// The UI string `key`, or the key itself when the strings file lacks it.
pub fn string(strings: &Strings, key: &str) -> String {
    strings
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or(key)
        .to_string()
}

/// "23 november 2026", with month names from the strings file.
pub fn date_text(strings: &Strings, date: Date) -> String {
    let months = strings.get("months").and_then(|m| m.as_array());
    let month = u8::from(date.0.month()) as usize;
    let name = months
        .and_then(|m| m.get(month - 1))
        .and_then(|m| m.as_str())
        .map_or_else(|| format!("{month:02}"), str::to_string);
    format!("{} {name} {}", date.0.day(), date.0.year())
}

/// The URL of a vocabulary value's browse page, relative to the root.
pub fn term_url(kind: Kind, id: &str) -> String {
    DIMENSIONS
        .iter()
        .find(|d| d.kind == kind)
        .map(|d| format!("{}/{id}/", d.segment))
        .unwrap_or_default()
}

fn terms(catalogue: &Catalogue, kind: Kind, ids: &[String]) -> Vec<TermView> {
    ids.iter()
        .map(|id| {
            let term = catalogue.vocabularies().get(kind, id);
            TermView {
                id: id.clone(),
                label: term.map_or(id.clone(), |t| t.label.clone()),
                description: term.map(|t| t.description.clone()).unwrap_or_default(),
                url: term_url(kind, id),
                count: 0,
            }
        })
        .collect()
}

fn recognition_view(catalogue: &Catalogue, strings: &Strings, r: &Recognition) -> RecognitionView {
    let term = catalogue
        .vocabularies()
        .get(Kind::RecognitionLevel, &r.level);
    RecognitionView {
        level: r.level.clone(),
        label: term.map_or(r.level.clone(), |t| t.label.clone()),
        description: term.map(|t| t.description.clone()).unwrap_or_default(),
        rank: methodewijzer::recognition_rank(&r.level),
        scheme: r.scheme.clone(),
        // One date format on the page: Dutch, written out ("8 april 2019").
        date: r.date.map(|d| date_text(strings, d)),
        valid_until: r.valid_until.map(|d| date_text(strings, d)),
        expired: r.is_expired(catalogue.today()),
        conditional: r.conditional,
        note: r.note.clone(),
        url: r.url.clone(),
    }
}

/// Builds the view of one method.
pub fn method_view(
    catalogue: &Catalogue,
    index: &SearchIndex,
    method: &Method,
    settings: &Settings,
    strings: &Strings,
) -> MethodView {
    let sections = method
        .markdown_fields()
        .map(|(key, text)| Section {
            key,
            title: string(strings, &format!("field_{key}")),
            html: markdown::to_html(text),
        })
        .collect();
    let age = method
        .age
        .map(|a| match (a.min, a.max) {
            (Some(min), Some(max)) => format!("{min}–{max} {}", string(strings, "years")),
            (Some(min), None) => format!(
                "{} {min} {}",
                string(strings, "from_age"),
                string(strings, "years")
            ),
            (None, Some(max)) => format!(
                "{} {max} {}",
                string(strings, "to_age"),
                string(strings, "years")
            ),
            (None, None) => String::new(),
        })
        .filter(|a| !a.is_empty());
    let related = index
        .related(&method.slug, 4)
        .iter()
        .filter_map(|slug| catalogue.get(slug))
        .map(|m| RelatedView {
            name: m.name.clone(),
            summary: m.summary.clone(),
            url: format!("methoden/{}/", m.slug),
        })
        .collect();
    let file = format!("{}.toml", method.slug);
    MethodView {
        slug: method.slug.clone(),
        name: method.name.clone(),
        aliases: method.aliases.clone(),
        summary: method.summary.clone(),
        url: format!("methoden/{}/", method.slug),
        themes: terms(catalogue, Kind::Theme, &method.themes),
        target_groups: terms(catalogue, Kind::TargetGroup, &method.target_groups),
        laws: terms(catalogue, Kind::Law, &method.laws),
        carried_out_by: terms(catalogue, Kind::CarriedOutBy, &method.carried_out_by),
        settings: terms(catalogue, Kind::Setting, &method.settings),
        prevention_level: method
            .prevention_level
            .as_ref()
            .and_then(|p| terms(catalogue, Kind::PreventionLevel, std::slice::from_ref(p)).pop()),
        age,
        status: method.status.id().to_string(),
        status_label: method.status.label().to_string(),
        entry_type: method.entry_type.id(),
        entry_type_label: method.entry_type.label(),
        recognition: method
            .current_recognition(catalogue.today())
            .map(|r| recognition_view(catalogue, strings, r)),
        recognitions: method
            .recognitions
            .iter()
            .map(|r| recognition_view(catalogue, strings, r))
            .collect(),
        sections,
        effective_elements: method.effective_elements.clone(),
        situations: method.situations.clone(),
        situations_after: if method.indications.is_some() {
            "indications"
        } else {
            "approach"
        },
        owner: method.owner.clone(),
        sources: method.sources.clone(),
        practice_examples: method
            .practice_examples
            .iter()
            .map(|p| PracticeView {
                title: p.title.clone(),
                place: p.place.clone(),
                year: p.year,
                html: markdown::to_html(&p.description),
            })
            .collect(),
        related,
        last_reviewed: method.last_reviewed.to_string(),
        last_reviewed_text: date_text(strings, method.last_reviewed),
        edit_url: format!(
            "{}/blob/{}/interventions/{file}",
            settings.repository_url.trim_end_matches('/'),
            settings.branch
        ),
        json_ld: json_ld(catalogue, method, settings),
        history: Vec::new(),
        history_more: 0,
        history_url: String::new(),
    }
}

/// schema.org JSON-LD for a method page, safe inside `<script>`.
fn json_ld(catalogue: &Catalogue, method: &Method, settings: &Settings) -> String {
    let vocab = catalogue.vocabularies();
    let labels = |kind: Kind, ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| vocab.label(kind, id).to_string())
            .collect()
    };
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": method.name,
        "description": method.summary,
        "inLanguage": settings.language,
        "url": format!("{}methoden/{}/", settings.base_url, method.slug),
        "dateModified": method.last_reviewed.to_string(),
        "keywords": labels(Kind::Theme, &method.themes).join(", "),
        "audience": labels(Kind::TargetGroup, &method.target_groups)
            .into_iter()
            .map(|a| serde_json::json!({"@type": "Audience", "audienceType": a}))
            .collect::<Vec<_>>(),
        "isPartOf": {"@type": "Dataset", "name": settings.title},
    });
    if !method.aliases.is_empty() {
        value["alternateName"] = serde_json::json!(method.aliases);
    }
    if let Some(owner) = &method.owner {
        value["author"] = serde_json::json!({"@type": "Organization", "name": owner.organisation});
    }
    serde_json::to_string(&value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// For each value of `kind`, the slugs of the methods that have it (in catalogue order).
/// The recognition level is the method's current valid one, else `niet-beoordeeld`.
pub fn members(catalogue: &Catalogue, kind: Kind) -> HashMap<&str, Vec<&str>> {
    let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
    for m in catalogue {
        for value in kind.values_of(m, catalogue.today()) {
            members.entry(value).or_default().push(m.slug.as_str());
        }
    }
    members
}

/// The values of one browse dimension with their counts (values no method has are kept,
/// with count 0, so the list is complete).
pub fn dimension_terms(
    catalogue: &Catalogue,
    dimension: Dimension,
    members: &HashMap<&str, Vec<&str>>,
) -> Vec<TermView> {
    catalogue
        .vocabularies()
        .terms(dimension.kind)
        .iter()
        .map(|t| TermView {
            id: t.id.clone(),
            label: t.label.clone(),
            description: t.description.clone(),
            url: format!("{}/{}/", dimension.segment, t.id),
            count: members.get(t.id.as_str()).map_or(0, Vec::len),
        })
        .collect()
}
