//! The controlled vocabularies: themes, target groups, settings, laws, who carries a method
//! out, prevention levels and recognition levels.
//!
//! They live in one file, `interventions/_vocabularies.toml`, so that editors can add a theme
//! without touching code. Methods refer to entries by id; the site shows the Dutch label and
//! uses the description as help text. Facets in search are the same vocabularies. Loading the
//! file checks every id and label, also when the file has other errors (a lenient second read),
//! so that an editor sees all of its problems in one run.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Severity};
use crate::document::{self, Parsed};
use crate::input::read_text as read;
use crate::messages::{Message, Msg};
use crate::model::{AgeBand, AgeRange, Date, Method};
use crate::text::{is_valid_slug, slugify};

/// File name of the vocabularies inside the catalogue folder.
pub const VOCABULARIES_FILE: &str = "_vocabularies.toml";

/// One entry of a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id, used in method files and URLs (lowercase, digits, hyphens).
    pub id: String,
    /// Dutch label shown to users.
    pub label: String,
    /// One line that explains the entry.
    pub description: String,
    /// For a target group that implies an age (`kinderen`, `ouderen`): those ages. A method
    /// that states no age of its own is filtered by the ages of its target groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeRange>,
}

/// The vocabularies of a catalogue, as read from [`VOCABULARIES_FILE`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    /// Themes (eenzaamheid, schulden, …).
    pub themes: Vec<Term>,
    /// Target groups (ouderen, jongeren, gezinnen, …).
    pub target_groups: Vec<Term>,
    /// Settings where methods are used (wijkteam, maatschappelijke opvang, …).
    pub settings: Vec<Term>,
    /// Laws the work falls under (Wmo 2015, Jeugdwet, Participatiewet, …).
    pub laws: Vec<Term>,
    /// Who carries a method out (beroepskracht, vrijwilliger, ervaringsdeskundige).
    pub carried_out_by: Vec<Term>,
    /// Prevention levels (universeel, selectief, geïndiceerd, zorg).
    pub prevention_levels: Vec<Term>,
    /// Recognition levels: the five Dutch levels, "niet beoordeeld" and the other states.
    pub recognition_levels: Vec<Term>,
    /// The committees that judge methods (a recognition's `scheme` starts with one of their
    /// labels, optionally followed by the deelcommissie in brackets). Not a facet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committees: Vec<Term>,
}

impl Vocabularies {
    /// The committee a recognition's `scheme` names: its label, alone or followed by ` (`
    /// and the deelcommissie. `None` when the vocabulary lists committees and none matches;
    /// a vocabulary without committees accepts any scheme.
    pub fn committee_of(&self, scheme: &str) -> Option<Option<&Term>> {
        if self.committees.is_empty() {
            return Some(None);
        }
        self.committees
            .iter()
            .find(|c| {
                scheme
                    .strip_prefix(c.label.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(" ("))
            })
            .map(Some)
    }
}

/// Which vocabulary a method field draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `themes`
    Theme,
    /// `target_groups`
    TargetGroup,
    /// `settings`
    Setting,
    /// `laws`
    Law,
    /// `carried_out_by`
    CarriedOutBy,
    /// `prevention_levels`
    PreventionLevel,
    /// `recognition_levels`
    RecognitionLevel,
}

impl Kind {
    /// All kinds, in the order the site lists them.
    pub const ALL: [Kind; 7] = [
        Kind::Theme,
        Kind::TargetGroup,
        Kind::Law,
        Kind::RecognitionLevel,
        Kind::CarriedOutBy,
        Kind::Setting,
        Kind::PreventionLevel,
    ];

    /// The kinds a method lists any number of; the method's field has the kind's
    /// [`key`](Kind::key) as its name (`themes = [...]`).
    pub const LISTS: [Kind; 5] = [
        Kind::Theme,
        Kind::TargetGroup,
        Kind::Law,
        Kind::CarriedOutBy,
        Kind::Setting,
    ];

    /// The method's list of this kind: `None` for the kinds a method has one of at most.
    pub fn list_of(self, method: &Method) -> Option<&[String]> {
        match self {
            Kind::Theme => Some(&method.themes),
            Kind::TargetGroup => Some(&method.target_groups),
            Kind::Law => Some(&method.laws),
            Kind::CarriedOutBy => Some(&method.carried_out_by),
            Kind::Setting => Some(&method.settings),
            Kind::PreventionLevel | Kind::RecognitionLevel => None,
        }
    }

    /// The ids `method` has of this kind; its recognition level is the derived state on
    /// `today` ([`Method::recognition_level`]).
    pub fn values_of(self, method: &Method, today: Date) -> Vec<&str> {
        match self {
            Kind::PreventionLevel => method.prevention_level.as_deref().into_iter().collect(),
            Kind::RecognitionLevel => vec![method.recognition_level(today)],
            list => list
                .list_of(method)
                .unwrap_or_default()
                .iter()
                .map(String::as_str)
                .collect(),
        }
    }

    /// The key of this vocabulary in [`VOCABULARIES_FILE`].
    pub fn key(self) -> &'static str {
        match self {
            Kind::Theme => "themes",
            Kind::TargetGroup => "target_groups",
            Kind::Setting => "settings",
            Kind::Law => "laws",
            Kind::CarriedOutBy => "carried_out_by",
            Kind::PreventionLevel => "prevention_levels",
            Kind::RecognitionLevel => "recognition_levels",
        }
    }

    /// A singular noun for messages ("onbekend thema `x`"), in the language of the process
    /// ([`crate::messages::language`]).
    pub fn noun(self) -> &'static str {
        let msg = match self {
            Kind::Theme => Msg::NounTheme,
            Kind::TargetGroup => Msg::NounTargetGroup,
            Kind::Setting => Msg::NounSetting,
            Kind::Law => Msg::NounLaw,
            Kind::CarriedOutBy => Msg::NounCarriedOutBy,
            Kind::PreventionLevel => Msg::NounPreventionLevel,
            Kind::RecognitionLevel => Msg::NounRecognitionLevel,
        };
        msg.template(crate::messages::language())
    }
}

impl Vocabularies {
    /// The terms of one vocabulary.
    pub fn terms(&self, kind: Kind) -> &[Term] {
        match kind {
            Kind::Theme => &self.themes,
            Kind::TargetGroup => &self.target_groups,
            Kind::Setting => &self.settings,
            Kind::Law => &self.laws,
            Kind::CarriedOutBy => &self.carried_out_by,
            Kind::PreventionLevel => &self.prevention_levels,
            Kind::RecognitionLevel => &self.recognition_levels,
        }
    }

    /// The terms of one kind, to fill in (the lenient read of a broken file).
    pub(crate) fn terms_mut(&mut self, kind: Kind) -> &mut Vec<Term> {
        match kind {
            Kind::Theme => &mut self.themes,
            Kind::TargetGroup => &mut self.target_groups,
            Kind::Setting => &mut self.settings,
            Kind::Law => &mut self.laws,
            Kind::CarriedOutBy => &mut self.carried_out_by,
            Kind::PreventionLevel => &mut self.prevention_levels,
            Kind::RecognitionLevel => &mut self.recognition_levels,
        }
    }

    /// Reads and checks a vocabularies file on its own (for tools that need the ids and labels
    /// but not the methods).
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Vocabularies, crate::Diagnostics> {
        let mut diagnostics = crate::Diagnostics::default();
        match load_vocabularies(path.as_ref(), &mut diagnostics) {
            Some(v) if !diagnostics.has_errors() => Ok(v),
            _ => Err(diagnostics),
        }
    }

    /// Looks up a term by id.
    pub fn get(&self, kind: Kind, id: &str) -> Option<&Term> {
        self.terms(kind).iter().find(|t| t.id == id)
    }

    /// The ages `method` is for: its own `age` when it states one; else the ages its target
    /// groups imply, joined (`kinderen` and `jongeren`: 0–26; a group without ages, such as
    /// `gezinnen`, adds none); else `None`, no limit known.
    pub fn ages_of(&self, method: &Method) -> Option<AgeRange> {
        if method.age.is_some() {
            return method.age;
        }
        method
            .target_groups
            .iter()
            .filter_map(|id| self.get(Kind::TargetGroup, id).and_then(|t| t.age))
            .reduce(AgeRange::union)
    }

    /// The [`AgeBand`]s (ids) `method` is for ([`Vocabularies::ages_of`]): every band when
    /// no limit is known, so that filtering by age never hides a method that may fit.
    pub fn age_bands_of(&self, method: &Method) -> Vec<&'static str> {
        let ages = self.ages_of(method);
        AgeBand::ALL
            .iter()
            .filter(|band| ages.is_none_or(|ages| ages.overlaps(band.range)))
            .map(|band| band.id)
            .collect()
    }

    /// The Dutch label of an id, or the id itself when unknown.
    pub fn label<'a>(&'a self, kind: Kind, id: &'a str) -> &'a str {
        self.get(kind, id).map_or(id, |t| t.label.as_str())
    }
}

fn vocabularies_schema() -> &'static Json {
    static SCHEMA: OnceLock<Json> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Vocabularies).to_value())
}

pub(crate) fn load_vocabularies(
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<Vocabularies> {
    if !path.exists() {
        diagnostics.push(Diagnostic::file(
            Severity::Error,
            path,
            Msg::MissingVocabularies.with(&[("file", &VOCABULARIES_FILE)]),
        ));
        return None;
    }
    let text = read(path, diagnostics)?;
    let parsed: Result<Parsed<Vocabularies>, _> =
        document::parse_or_spans(path, &text, vocabularies_schema(), diagnostics);
    // A file that breaks the schema (an unknown key, say) still gets its ids and labels
    // checked, from a lenient read: every problem of the file in one run.
    let (value, spans, mut failed) = match parsed {
        Ok(Parsed { value, spans }) => (value, spans, false),
        Err(Some(broken)) => match toml::from_str::<LenientVocabularies>(&text) {
            Ok(lenient) => (lenient.into_vocabularies(), broken.spans, true),
            Err(_) => return None,
        },
        Err(None) => return None,
    };
    let lines = LineIndex::new(&text);
    let mut report = |span: std::ops::Range<usize>, message: Message| {
        diagnostics.push(Diagnostic::at_indexed(
            Severity::Error,
            path,
            &text,
            &lines,
            span,
            message,
        ));
    };
    for kind in Kind::ALL {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, term) in value.terms(kind).iter().enumerate() {
            let key = format!("{}[{i}].id", kind.key());
            let span = spans.of(&key);
            if !is_valid_slug(&term.id) {
                failed = true;
                report(
                    span.clone(),
                    Msg::VocabularyBadId.with(&[("id", &term.id), ("slug", &slugify(&term.id))]),
                );
            }
            if let Some(first) = seen.insert(&term.id, i) {
                failed = true;
                report(
                    span,
                    Msg::VocabularyIdTwice.with(&[
                        ("id", &term.id),
                        ("key", &kind.key()),
                        ("first", &(first + 1)),
                        ("second", &(i + 1)),
                    ]),
                );
            }
            if term.label.trim().is_empty() {
                failed = true;
                report(
                    spans.of(&format!("{}[{i}].label", kind.key())),
                    Msg::VocabularyEmptyLabel.with(&[("id", &term.id)]),
                );
            }
            // Reversed ages would leave the group in no age band at all.
            if let Some(AgeRange {
                min: Some(min),
                max: Some(max),
            }) = term.age
                && min > max
            {
                failed = true;
                report(
                    spans.of(&format!("{}[{i}].age", kind.key())),
                    Msg::AgeReversed.with(&[("min", &min), ("max", &max)]),
                );
            }
        }
    }
    (!failed).then_some(value)
}

/// The vocabularies read without the schema's strictness (unknown keys ignored, missing
/// labels empty), only to check ids and labels of a file that has other errors too.
#[derive(serde::Deserialize)]
struct LenientVocabularies(BTreeMap<String, Vec<LenientTerm>>);

#[derive(serde::Deserialize)]
struct LenientTerm {
    #[serde(default)]
    id: String,
    #[serde(default)]
    label: String,
}

impl LenientVocabularies {
    fn into_vocabularies(self) -> Vocabularies {
        let mut vocabularies = Vocabularies::default();
        for kind in Kind::ALL {
            let terms = self.0.get(kind.key()).map(|terms| {
                terms
                    .iter()
                    .map(|t| Term {
                        id: t.id.clone(),
                        label: t.label.clone(),
                        description: String::new(),
                        age: None,
                    })
                    .collect()
            });
            if let Some(terms) = terms {
                *vocabularies.terms_mut(kind) = terms;
            }
        }
        vocabularies
    }
}
