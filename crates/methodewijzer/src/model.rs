//! The method description: what one `interventions/<slug>.toml` file holds.
//!
//! The field set follows the description template that Dutch intervention databanks share
//! (the "werkblad"): name and aliases, summary, problem, aim, target group, approach,
//! effective elements, foundation, who carries it out, preconditions, costs, research,
//! recognitions, owner and sources. Keys are English so that code and data read alike;
//! content is Dutch. Long texts are Markdown, rendered by [`crate::markdown`].
//!
//! Vocabulary fields (`themes`, `target_groups`, …) hold ids from
//! [`crate::Vocabularies`]; the loader checks them, so the types here stay plain strings.
//!
//! This file is long because it is the file format: every field of a method file with the doc
//! comment that becomes its description in the editors' JSON Schema. Split, one format would
//! be spread over several files.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One method (interventie, methodiek, aanpak) in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Methode",
    description = "Eén methode in de Methodewijzer-catalogus."
)]
pub struct Method {
    /// The slug: the file name without `.toml`. Not written in the file itself (exports add
    /// it next to the other fields).
    #[serde(skip)]
    #[schemars(skip)]
    pub slug: String,

    /// The name as the field knows it, e.g. "Krachtwerk".
    #[schemars(length(min = 1))]
    pub name: String,
    /// Other names the method goes by (abbreviations, older names, regional variants).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// One or two sentences in plain text, at most 300 characters.
    #[schemars(length(min = 1, max = 300))]
    pub summary: String,
    /// What kind of entry this is: a method with a fixed approach (the default), a way of
    /// working or function (jobcoaching), an instrument, or a programme of several parts.
    #[serde(rename = "type", default)]
    pub entry_type: EntryType,
    /// Theme ids from the `themes` vocabulary.
    #[schemars(length(min = 1))]
    pub themes: Vec<String>,
    /// Target-group ids from the `target_groups` vocabulary.
    #[schemars(length(min = 1))]
    pub target_groups: Vec<String>,
    /// Age range of the end target group, in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeRange>,
    /// Law ids from the `laws` vocabulary (wmo, jeugdwet, participatiewet, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub laws: Vec<String>,
    /// Who carries the method out: ids from the `carried_out_by` vocabulary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried_out_by: Vec<String>,
    /// Where the method is used: ids from the `settings` vocabulary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<String>,
    /// Prevention level: an id from the `prevention_levels` vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prevention_level: Option<String>,

    /// The problem the method addresses (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// Aim and sub-aims (Markdown).
    #[schemars(length(min = 1))]
    pub aim: String,
    /// The approach: phases, steps, activities (Markdown).
    #[schemars(length(min = 1))]
    pub approach: String,
    /// The effective elements (werkzame elementen), one short sentence each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effective_elements: Vec<String>,
    /// Theoretical foundation (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foundation: Option<String>,
    /// When the method fits (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indications: Option<String>,
    /// Recognisable situations: short examples, in everyday words, of a client, household or
    /// neighbourhood for whom a professional could consider the method ("Herkenbare
    /// situaties" on its page). Plain text, one sentence each. They are searched with the
    /// fields that say when a method fits, so that a professional who describes a situation
    /// in their own words finds the method.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 10), inner(length(min = 20, max = 240)))]
    pub situations: Vec<String>,
    /// When the method does not fit (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contra_indications: Option<String>,
    /// Duration and intensity (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_and_intensity: Option<String>,
    /// Preconditions, training, quality assurance (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preconditions: Option<String>,
    /// Costs (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs: Option<String>,
    /// Known bottlenecks and pitfalls (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pitfalls: Option<String>,
    /// What research says (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub research: Option<String>,
    /// How widely the method is used (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<String>,
    /// Whether the method is available.
    #[serde(default)]
    pub status: Status,
    /// Recognitions by a databank or committee.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recognitions: Vec<Recognition>,
    /// The owner or developer of the method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    /// Literature and other sources the description rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Examples from practice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practice_examples: Vec<PracticeExample>,
    /// Slugs of related methods.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// When an editor last checked this description.
    pub last_reviewed: Date,
}

impl Method {
    /// The long-text fields in reading order, with their key: the fields that hold Markdown.
    pub fn markdown_fields(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("problem", self.problem.as_deref()),
            ("aim", Some(self.aim.as_str())),
            ("approach", Some(self.approach.as_str())),
            ("foundation", self.foundation.as_deref()),
            ("indications", self.indications.as_deref()),
            ("contra_indications", self.contra_indications.as_deref()),
            (
                "duration_and_intensity",
                self.duration_and_intensity.as_deref(),
            ),
            ("preconditions", self.preconditions.as_deref()),
            ("costs", self.costs.as_deref()),
            ("pitfalls", self.pitfalls.as_deref()),
            ("research", self.research.as_deref()),
            ("spread", self.spread.as_deref()),
        ]
        .into_iter()
        .filter_map(|(key, text)| text.map(|t| (key, t)))
    }

    /// The optional fields a complete description fills, each with whether this one does:
    /// what `methodewijzer check --report` counts.
    pub fn completeness(&self) -> [(&'static str, bool); 17] {
        let has = |text: &Option<String>| text.as_deref().is_some_and(|t| !t.trim().is_empty());
        [
            ("laws", !self.laws.is_empty()),
            ("carried_out_by", !self.carried_out_by.is_empty()),
            ("settings", !self.settings.is_empty()),
            ("age", self.age.is_some()),
            ("problem", has(&self.problem)),
            ("effective_elements", !self.effective_elements.is_empty()),
            ("foundation", has(&self.foundation)),
            ("indications", has(&self.indications)),
            ("situations", !self.situations.is_empty()),
            ("contra_indications", has(&self.contra_indications)),
            ("duration_and_intensity", has(&self.duration_and_intensity)),
            ("costs", has(&self.costs)),
            ("research", has(&self.research)),
            ("recognitions", !self.recognitions.is_empty()),
            ("owner", self.owner.is_some()),
            ("sources (2+)", self.sources.len() >= 2),
            ("practice_examples", !self.practice_examples.is_empty()),
        ]
    }

    /// The recognition that counts on `today`, the one [`Method::recognition_level`] names:
    /// the highest level still valid; else a re-assessment in progress; else the most recent
    /// lapsed recognition; else a refusal; else the most recent entry.
    pub fn current_recognition(&self, today: Date) -> Option<&Recognition> {
        let rank = |r: &Recognition| recognition_rank(&r.level);
        let latest = |keep: &dyn Fn(&Recognition) -> bool| {
            self.recognitions
                .iter()
                .filter(|r| keep(r))
                .max_by_key(|r| (rank(r), r.date))
        };
        // An undated recognition counts as valid (its expiry cannot be judged) unless a dated
        // one exists: that is the record to go by, and the undated one is usually older.
        let any_dated = self
            .recognitions
            .iter()
            .any(|r| rank(r) > 0 && r.date.is_some());
        latest(&|r| rank(r) > 0 && !r.is_expired(today) && (r.date.is_some() || !any_dated))
            .or_else(|| latest(&|r| r.level == IN_REASSESSMENT))
            .or_else(|| {
                self.recognitions
                    .iter()
                    .filter(|r| rank(r) > 0)
                    .max_by_key(|r| (r.date, rank(r)))
            })
            .or_else(|| latest(&|r| r.level == NOT_RECOGNISED))
            .or_else(|| self.recognitions.iter().max_by_key(|r| r.date))
    }

    /// The recognition state that counts on `today`, what badges, browse pages and the search
    /// facet use: the level of the strongest recognition still valid; else `in-herbeoordeling`
    /// when a re-assessment is recorded, `erkenning-verlopen` when a recognition has lapsed,
    /// `niet-erkend` when a committee said no; else `niet-beoordeeld`.
    pub fn recognition_level(&self, today: Date) -> &str {
        match self.current_recognition(today) {
            Some(r) if recognition_rank(&r.level) > 0 => {
                if r.is_expired(today) {
                    EXPIRED
                } else {
                    &r.level
                }
            }
            Some(r) if r.level == IN_REASSESSMENT || r.level == NOT_RECOGNISED => &r.level,
            _ => NOT_ASSESSED,
        }
    }
}

/// The state of a method without any assessment.
pub const NOT_ASSESSED: &str = "niet-beoordeeld";
/// The state of a method a committee assessed and did not recognise.
pub const NOT_RECOGNISED: &str = "niet-erkend";
/// The state of a method whose recognition is being assessed again.
pub const IN_REASSESSMENT: &str = "in-herbeoordeling";
/// The state of a method whose recognitions have all lapsed: derived from the dates, never
/// written in a file.
pub const EXPIRED: &str = "erkenning-verlopen";

/// An age range in years; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    /// Lowest age, in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 120))]
    pub min: Option<u8>,
    /// Highest age, in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 120))]
    pub max: Option<u8>,
}

impl AgeRange {
    /// Whether some age lies in both this range and `other` (open ends reach as far as
    /// they can).
    pub fn overlaps(self, other: AgeRange) -> bool {
        let (a_min, a_max) = (self.min.unwrap_or(0), self.max.unwrap_or(u8::MAX));
        let (b_min, b_max) = (other.min.unwrap_or(0), other.max.unwrap_or(u8::MAX));
        a_min <= b_max && b_min <= a_max
    }

    /// The smallest range holding both.
    pub fn union(self, other: AgeRange) -> AgeRange {
        AgeRange {
            min: self.min.zip(other.min).map(|(a, b)| a.min(b)),
            max: self.max.zip(other.max).map(|(a, b)| a.max(b)),
        }
    }
}

/// A stage of life a professional thinks in ("a child of eight", "a man of 80"): the age
/// question of the keuzehulp and the `leeftijd` filter. Fixed, so that addresses stay stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeBand {
    /// The id in addresses and on the command line (`4-11`, `65-plus`).
    pub id: &'static str,
    /// The Dutch label, with the ages.
    pub label: &'static str,
    /// The ages it covers.
    pub range: AgeRange,
    /// The catalogue word an age in a query is read as ("man van 80" searches "ouderen").
    pub word: &'static str,
}

impl AgeBand {
    /// Every band, youngest first.
    pub const ALL: [AgeBand; 6] = [
        AgeBand::new("0-3", "Baby's en peuters (0–3 jaar)", 0, Some(3), "baby"),
        AgeBand::new("4-11", "Kinderen (4–11 jaar)", 4, Some(11), "kinderen"),
        AgeBand::new("12-17", "Jongeren (12–17 jaar)", 12, Some(17), "jongeren"),
        AgeBand::new(
            "18-26",
            "Jongvolwassenen (18–26 jaar)",
            18,
            Some(26),
            "jongvolwassenen",
        ),
        AgeBand::new(
            "27-64",
            "Volwassenen (27–64 jaar)",
            27,
            Some(64),
            "volwassenen",
        ),
        AgeBand::new("65-plus", "Ouderen (65 jaar en ouder)", 65, None, "ouderen"),
    ];

    /// The oldest age a number in a query is read as; a larger number is just a number.
    pub const MAX_AGE: u8 = 120;

    /// The band of an age typed in a query, as the word typed: digits only, at most
    /// [`AgeBand::MAX_AGE`] ("80" → ouderen); `None` for anything else.
    ///
    /// ```
    /// use methodewijzer::AgeBand;
    /// assert_eq!(AgeBand::of_typed("80").map(|b| b.word), Some("ouderen"));
    /// assert_eq!(AgeBand::of_typed("15").map(|b| b.id), Some("12-17"));
    /// assert!(AgeBand::of_typed("800").is_none() && AgeBand::of_typed("vijf").is_none());
    /// ```
    pub fn of_typed(word: &str) -> Option<&'static AgeBand> {
        if word.is_empty() || word.len() > 3 || !word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let age: u8 = word.parse().ok()?;
        if age > Self::MAX_AGE {
            return None;
        }
        Self::ALL
            .iter()
            .rev()
            .find(|band| band.range.min <= Some(age))
    }

    const fn new(
        id: &'static str,
        label: &'static str,
        min: u8,
        max: Option<u8>,
        word: &'static str,
    ) -> AgeBand {
        AgeBand {
            id,
            label,
            word,
            range: AgeRange {
                min: Some(min),
                max,
            },
        }
    }
}

/// What kind of entry a method is, so that a function or an approach is described as what it
/// is rather than as a method with a handbook.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum EntryType {
    /// A method or intervention with a described approach (methode, interventie).
    #[default]
    #[serde(rename = "methode")]
    Method,
    /// A way of working, function or service without one fixed approach (werkwijze).
    #[serde(rename = "werkwijze")]
    WayOfWorking,
    /// A tool used within other work: a test, checklist or conversation aid (instrument).
    #[serde(rename = "instrument")]
    Instrument,
    /// A programme that combines several activities or methods (programma).
    #[serde(rename = "programma")]
    Programme,
}

impl EntryType {
    /// All types, in display order.
    pub const ALL: [EntryType; 4] = [
        EntryType::Method,
        EntryType::WayOfWorking,
        EntryType::Instrument,
        EntryType::Programme,
    ];

    /// The value written in a method file.
    pub fn id(self) -> &'static str {
        match self {
            EntryType::Method => "methode",
            EntryType::WayOfWorking => "werkwijze",
            EntryType::Instrument => "instrument",
            EntryType::Programme => "programma",
        }
    }

    /// The Dutch label.
    pub fn label(self) -> &'static str {
        match self {
            EntryType::Method => "Methode",
            EntryType::WayOfWorking => "Werkwijze",
            EntryType::Instrument => "Instrument",
            EntryType::Programme => "Programma",
        }
    }
}

/// Whether a method can be used today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Status {
    /// In use and available.
    #[default]
    #[serde(rename = "actief")]
    Active,
    /// Still being developed or piloted.
    #[serde(rename = "in ontwikkeling")]
    InDevelopment,
    /// No longer offered.
    #[serde(rename = "niet meer beschikbaar")]
    Discontinued,
}

impl Status {
    /// All statuses, in display order.
    pub const ALL: [Status; 3] = [Status::Active, Status::InDevelopment, Status::Discontinued];

    /// The value written in a method file, which is also the facet id.
    pub fn id(self) -> &'static str {
        match self {
            Status::Active => "actief",
            Status::InDevelopment => "in ontwikkeling",
            Status::Discontinued => "niet meer beschikbaar",
        }
    }

    /// The Dutch label.
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "Actief",
            Status::InDevelopment => "In ontwikkeling",
            Status::Discontinued => "Niet meer beschikbaar",
        }
    }
}

/// A recognition (erkenning) of the method by a scheme such as the Erkenningscommissie.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recognition {
    /// Who recognised it, e.g. "Erkenningscommissie Interventies (Movisie)".
    #[schemars(length(min = 1))]
    pub scheme: String,
    /// A level id from the `recognition_levels` vocabulary.
    pub level: String,
    /// When the recognition was granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Until when it is valid. Dutch recognitions last five years, so when left out
    /// the loader takes `date` plus five years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// Granted "onder voorbehoud" (conditionally).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conditional: bool,
    /// The level is confirmed by a source but its date is not: the page says so, and no
    /// expiry can be judged. Without it, a level above `niet-beoordeeld` needs a `date`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_unknown: bool,
    /// A note, e.g. the reason for "niet erkend".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the judgement can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub url: Option<String>,
}

impl Recognition {
    /// Whether the recognition has lapsed on `today`.
    pub fn is_expired(&self, today: Date) -> bool {
        self.valid_until.is_some_and(|until| until < today)
    }
}

/// The organisation that owns or develops the method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    /// Name of the organisation.
    #[schemars(length(min = 1))]
    pub organisation: String,
    /// Its website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub website: Option<String>,
    /// How to get in touch (an address, a phone number or a department).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

/// A source: literature, a databank entry, an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the source.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub url: Option<String>,
    /// Year of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1900, max = 2100))]
    pub year: Option<u16>,
}

/// An example of the method in practice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PracticeExample {
    /// A short title.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Town, region or neighbourhood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The year it took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1900, max = 2100))]
    pub year: Option<u16>,
    /// What happened (Markdown).
    #[schemars(length(min = 1))]
    pub description: String,
}

/// A calendar date, written in a method file as a TOML date (`2024-05-31`) or a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub time::Date);

impl Date {
    /// Builds a date; `None` when it does not exist (e.g. 31 February).
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Today's date in UTC.
    pub fn today() -> Date {
        Date(time::OffsetDateTime::now_utc().date())
    }

    /// The same day `years` later (28 February for 29 February in a non-leap year).
    pub fn add_years(self, years: i32) -> Date {
        self.add_months(years * 12)
    }

    /// The same day `months` later, clamped to the end of a shorter month.
    pub fn add_months(self, months: i32) -> Date {
        let d = self.0;
        let index = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u8 + 1);
        let month = time::Month::try_from(month).unwrap_or(time::Month::January);
        let day = d.day().min(month.length(year));
        Date(time::Date::from_calendar_date(year, month, day).unwrap_or(d))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date like 2024-05-31")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).ok_or_else(|| {
                    E::custom(format!(
                        "invalid date `{v}`: expected a date like 2024-05-31"
                    ))
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
                // TOML dates arrive as toml_datetime's private one-entry map.
                let dt = toml::value::Datetime::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                match (dt.date, dt.time) {
                    (Some(date), None) => {
                        Date::from_ymd(i32::from(date.year), date.month, date.day)
                            .ok_or_else(|| serde::de::Error::custom(format!("invalid date `{dt}`")))
                    }
                    _ => Err(serde::de::Error::custom(format!(
                        "`{dt}` has a time; write only the date, like 2024-05-31"
                    ))),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "description": "Een datum: 2024-05-31."
        })
    }
}
/// Orders recognition levels from "niet beoordeeld" (0) to "effectief – sterke
/// aanwijzingen" (5), so that the strongest valid recognition can be shown first.
pub fn recognition_rank(level: &str) -> u8 {
    match level {
        "goed-beschreven" => 1,
        "goed-onderbouwd" => 2,
        "effectief-eerste-aanwijzingen" => 3,
        "effectief-goede-aanwijzingen" => 4,
        "effectief-sterke-aanwijzingen" => 5,
        _ => 0,
    }
}
