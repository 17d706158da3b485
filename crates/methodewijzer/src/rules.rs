//! The checks of a catalogue that need the vocabularies or the other methods: vocabulary ids,
//! `related` slugs, recognition dates and states, review dates, and the warnings between
//! methods (one-sided `related`, near-duplicate names). The per-file checks of text and
//! trust live beside them in `hygiene` and `advice`, one vocabulary id in `terms`; reading
//! files lives in `catalogue`.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::par::*;

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Severity, suggestion};
use crate::document::Spans;
use crate::messages::{Message, Msg};
use crate::model::{Date, Method};
use crate::terms::{Known, check_term, check_terms};
use crate::text::comparable;
use crate::vocab::Kind;

/// A recognition lasts five years before it must be re-assessed.
const RECOGNITION_YEARS: i32 = 5;

/// A conditional recognition ("onder voorbehoud") lasts half a year.
const CONDITIONAL_MONTHS: i32 = 6;

/// A description not reviewed for this long gets a warning.
const REVIEW_YEARS: i32 = 3;

/// The text and value spans of a method file, kept for cross-file checks.
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    pub(crate) spans: Spans,
    /// Line starts, computed at the first problem in the file.
    pub(crate) lines: OnceLock<LineIndex>,
}

impl Source {
    pub(crate) fn diagnostic(&self, severity: Severity, key: &str, message: Message) -> Diagnostic {
        let lines = self.lines.get_or_init(|| LineIndex::new(&self.text));
        Diagnostic::at_indexed(
            severity,
            &self.path,
            &self.text,
            lines,
            self.spans.of(key),
            message,
        )
    }
}

/// Checks that need the vocabularies or the other methods, and fills in derived values.
pub(crate) fn check_methods(
    methods: &mut [(Method, Source)],
    // Sorted.
    slugs: &[String],
    vocabularies: Known<'_>,
    today: Date,
    diagnostics: &mut Diagnostics,
) {
    // Each method's own checks are independent: run them on all cores, keeping file order.
    let found: Vec<Diagnostics> = methods
        .par_iter_mut()
        .map(|(method, source)| {
            let mut found = Diagnostics::default();
            check_method(method, source, slugs, vocabularies, today, &mut found);
            found
        })
        .collect();
    for found in found {
        diagnostics.0.extend(found.0);
    }

    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (method, source) in methods.iter() {
        let key = comparable(&method.name);
        if let Some(other) = names.get(&key) {
            diagnostics.push(source.diagnostic(
                Severity::Error,
                "name",
                Msg::DuplicateName.with(&[("name", &method.name), ("other", other)]),
            ));
        } else {
            names.insert(key, method.slug.clone());
        }
    }

    warn_one_sided_related(methods, diagnostics);
    warn_similar_names(methods, diagnostics);
}

/// The checks of one method against the vocabularies and the other methods' slugs (`slugs`,
/// sorted); fills in derived values (a recognition's end date).
fn check_method(
    method: &mut Method,
    source: &Source,
    slugs: &[String],
    vocabularies: Known<'_>,
    today: Date,
    diagnostics: &mut Diagnostics,
) {
    let mut report = |severity, key: &str, message: Message| {
        diagnostics.push(source.diagnostic(severity, key, message));
    };

    for kind in Kind::LISTS {
        check_terms(
            vocabularies,
            kind,
            kind.list_of(method).unwrap_or_default(),
            &mut report,
        );
    }
    if let Some(level) = &method.prevention_level {
        check_term(
            vocabularies,
            Kind::PreventionLevel,
            level,
            "prevention_level",
            &mut report,
        );
    }

    // No Dutch recognition (and no review of a description here) predates 1990.
    let earliest = Date::from_ymd(1990, 1, 1).expect("a valid date");
    for (i, recognition) in method.recognitions.iter_mut().enumerate() {
        let at = |field: &str| format!("recognitions[{i}].{field}");
        check_term(
            vocabularies,
            Kind::RecognitionLevel,
            &recognition.level,
            &at("level"),
            &mut report,
        );
        if let Some(date) = recognition.date
            && date > today
        {
            report(
                Severity::Error,
                &at("date"),
                Msg::RecognitionInFuture.with(&[("date", &date)]),
            );
        }
        if let Some(date) = recognition.date
            && date < earliest
        {
            report(
                Severity::Error,
                &at("date"),
                Msg::RecognitionBefore1990.with(&[("date", &date)]),
            );
        }
        if vocabularies.committee_of(&recognition.scheme).is_none() {
            let labels = vocabularies.committees.iter().map(|c| c.label.as_str());
            let hint = suggestion(&recognition.scheme, labels);
            report(
                Severity::Error,
                &at("scheme"),
                Msg::UnknownCommittee.with(&[("scheme", &recognition.scheme), ("hint", &hint)]),
            );
        }
        if recognition.level == crate::model::EXPIRED {
            report(Severity::Error, &at("level"), Msg::ExpiredTyped.into());
        }
        if recognition.level == crate::model::NOT_RECOGNISED
            && recognition
                .note
                .as_deref()
                .is_none_or(|n| n.trim().is_empty())
        {
            report(
                Severity::Error,
                &at("level"),
                Msg::NotRecognisedNeedsNote.into(),
            );
        }
        let ranked = crate::model::recognition_rank(&recognition.level) > 0;
        if ranked && recognition.date.is_none() && !recognition.date_unknown {
            report(Severity::Error, &at("level"), Msg::LevelNeedsDate.into());
        }
        if recognition.date_unknown && recognition.date.is_some() {
            report(
                Severity::Error,
                &at("date_unknown"),
                Msg::DateAndDateUnknown.into(),
            );
        }
        match (recognition.date, recognition.valid_until) {
            (Some(date), Some(until)) if until < date => report(
                Severity::Error,
                &at("valid_until"),
                Msg::ValidUntilBeforeDate.with(&[("until", &until), ("date", &date)]),
            ),
            (Some(date), None) => {
                recognition.valid_until = Some(if recognition.conditional {
                    date.add_months(CONDITIONAL_MONTHS)
                } else {
                    date.add_years(RECOGNITION_YEARS)
                });
            }
            _ => {}
        }
        let dates_wrong = matches!(
            (recognition.date, recognition.valid_until),
            (Some(date), Some(until)) if until < date
        );
        if let Some(until) = recognition.valid_until
            && until < today
            && !dates_wrong
            && ranked
        {
            let key = if source.spans.of(&at("valid_until")) == (0..0) {
                at("date")
            } else {
                at("valid_until")
            };
            report(
                Severity::Warning,
                &key,
                Msg::RecognitionExpired.with(&[
                    (
                        "level",
                        &vocabularies.label(Kind::RecognitionLevel, &recognition.level),
                    ),
                    ("until", &until),
                ]),
            );
        }
    }

    for (i, slug) in method.related.iter().enumerate() {
        let at = format!("related[{i}]");
        if *slug == method.slug {
            report(
                Severity::Error,
                &at,
                Msg::RelatedItself.with(&[("slug", slug)]),
            );
        } else if slugs.binary_search(slug).is_err() {
            let hint = suggestion(slug, slugs.iter().map(String::as_str));
            report(
                Severity::Error,
                &at,
                Msg::UnknownRelated.with(&[("slug", slug), ("hint", &hint)]),
            );
        } else if method.related[..i].contains(slug) {
            report(
                Severity::Error,
                &at,
                Msg::RelatedTwice.with(&[("slug", slug)]),
            );
        }
    }

    crate::hygiene::check_texts(method, &mut report);
    crate::advice::check(method, &mut report);

    if method.last_reviewed < earliest {
        report(
            Severity::Error,
            "last_reviewed",
            Msg::ReviewedBefore1990.with(&[("date", &method.last_reviewed), ("today", &today)]),
        );
    }

    if method.last_reviewed > today {
        report(
            Severity::Error,
            "last_reviewed",
            Msg::ReviewedInFuture.with(&[("date", &method.last_reviewed), ("today", &today)]),
        );
    } else if method.last_reviewed >= earliest
        && method.last_reviewed.add_years(REVIEW_YEARS) < today
    {
        report(
            Severity::Warning,
            "last_reviewed",
            Msg::StaleReview.with(&[("date", &method.last_reviewed), ("years", &REVIEW_YEARS)]),
        );
    }

    if method.sources.is_empty() {
        report(Severity::Warning, "name", Msg::NoSources.into());
    }
}

/// The vocabulary ids of a method file that has other errors, read from what could be read of
/// it: an unknown theme is worth knowing in the same run as a mistyped date.
pub(crate) struct Ids {
    lists: Vec<(Kind, Vec<String>)>,
    prevention_level: Option<String>,
}

impl Ids {
    /// The lists of ids in `tree` (a list that holds anything but text is left out: its type
    /// is already reported).
    pub(crate) fn of(tree: &toml::Table) -> Ids {
        let lists = Kind::LISTS
            .iter()
            .filter_map(|&kind| {
                let items = tree.get(kind.key())?.as_array()?;
                let ids: Option<Vec<String>> =
                    items.iter().map(|v| v.as_str().map(String::from)).collect();
                Some((kind, ids?))
            })
            .collect();
        let prevention_level = tree
            .get("prevention_level")
            .and_then(|v| v.as_str())
            .map(String::from);
        Ids {
            lists,
            prevention_level,
        }
    }
}

/// The vocabulary checks of the method files that have other errors.
pub(crate) fn check_broken(
    broken: &[(Ids, Source)],
    vocabularies: Known<'_>,
    diagnostics: &mut Diagnostics,
) {
    for (ids, source) in broken {
        let mut report = |severity, key: &str, message: Message| {
            diagnostics.push(source.diagnostic(severity, key, message));
        };
        for (kind, list) in &ids.lists {
            check_terms(vocabularies, *kind, list, &mut report);
        }
        if let Some(level) = &ids.prevention_level {
            let kind = Kind::PreventionLevel;
            check_term(vocabularies, kind, level, "prevention_level", &mut report);
        }
    }
}

/// `related` is read both ways by users: a link from A to B but not back is usually an
/// oversight.
pub(crate) fn warn_one_sided_related(methods: &[(Method, Source)], diagnostics: &mut Diagnostics) {
    let related: HashMap<&str, &[String]> = methods
        .iter()
        .map(|(m, _)| (m.slug.as_str(), m.related.as_slice()))
        .collect();
    for (method, source) in methods {
        for (i, other) in method.related.iter().enumerate() {
            if let Some(back) = related.get(other.as_str())
                && !back.contains(&method.slug)
                && !method.related[..i].contains(other)
            {
                diagnostics.push(source.diagnostic(
                    Severity::Warning,
                    &format!("related[{i}]"),
                    Msg::OneSidedRelated.with(&[("other", other), ("slug", &method.slug)]),
                ));
            }
        }
    }
}

/// Two methods whose names or aliases are the same (ignoring case, accents and punctuation)
/// or nearly so are probably one method described twice.
pub(crate) fn warn_similar_names(methods: &[(Method, Source)], diagnostics: &mut Diagnostics) {
    // (comparable form, method index, key of the value in its file, shown text)
    let mut entries: Vec<(String, usize, String, &str)> = Vec::new();
    for (m, (method, _)) in methods.iter().enumerate() {
        entries.push((comparable(&method.name), m, "name".into(), &method.name));
        for (i, alias) in method.aliases.iter().enumerate() {
            entries.push((comparable(alias), m, format!("aliases[{i}]"), alias));
        }
    }
    // Comparing every pair would not scale; near-duplicates almost always share their start.
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (e, (form, ..)) in entries.iter().enumerate() {
        buckets
            .entry(form.chars().take(3).collect())
            .or_default()
            .push(e);
    }
    let mut reported = std::collections::HashSet::new();
    for bucket in buckets.values() {
        for (x, &a) in bucket.iter().enumerate() {
            for &b in &bucket[x + 1..] {
                let (form_a, method_a, _, text_a) = &entries[a];
                let (form_b, method_b, key_b, _) = &entries[b];
                if method_a == method_b || form_a.chars().count() < 4 {
                    continue;
                }
                let same = form_a == form_b;
                // A similarity of 0.9 needs lengths within a tenth of each other: check that
                // first, it is far cheaper than the edit distance.
                let (len_a, len_b) = (form_a.len(), form_b.len());
                let close = !same
                    && len_a >= 8
                    && len_a.abs_diff(len_b) * 10 <= len_a.max(len_b)
                    && bag_distance(form_a, form_b) * 10 <= len_a.max(len_b)
                    && strsim::normalized_damerau_levenshtein(form_a, form_b) >= 0.9;
                // Two names that are the same is already an error; here: the rest.
                let both_names = key_b == "name" && entries[a].2 == "name";
                if (same && !both_names || close) && reported.insert((*method_a, *method_b)) {
                    let (other, source) = (&methods[*method_a].0, &methods[*method_b].1);
                    let msg = if same {
                        Msg::SameName
                    } else {
                        Msg::SimilarName
                    };
                    diagnostics.push(source.diagnostic(
                        Severity::Warning,
                        key_b,
                        msg.with(&[
                            ("name", &entries[b].3),
                            ("other_name", text_a),
                            ("other", &other.slug),
                        ]),
                    ));
                }
            }
        }
    }
}

/// A lower bound of the edit distance of two words: the letters one has that the other
/// lacks (counting repeats), whichever side has more. Linear, where the edit distance is
/// quadratic, so it rules out most pairs cheaply.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 128];
    let (mut other_a, mut other_b) = (0usize, 0usize);
    for c in a.chars() {
        match counts.get_mut(c as usize) {
            Some(n) => *n += 1,
            None => other_a += 1,
        }
    }
    for c in b.chars() {
        match counts.get_mut(c as usize) {
            Some(n) => *n -= 1,
            None => other_b += 1,
        }
    }
    let surplus_a: i32 = counts.iter().filter(|n| **n > 0).sum();
    let surplus_b: i32 = -counts.iter().filter(|n| **n < 0).sum::<i32>();
    // Characters outside ASCII are not told apart: counting them as all different would
    // overstate the bound, so they only count as a difference in number.
    let (only_a, only_b) = (
        surplus_a as usize + other_a.saturating_sub(other_b),
        surplus_b as usize + other_b.saturating_sub(other_a),
    );
    only_a.max(only_b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_distance_never_exceeds_the_edit_distance() {
        for (a, b) in [
            ("eigenkrachtconferentie", "eigenkrachtconferenties"),
            ("buurtbemiddeling", "buurtbemideling"),
            ("krachtwerk", "werkkracht"),
            ("thuisadministratie", "thuisadminstratie"),
            ("cliëntgericht", "clientgericht"),
            ("abc", "xyz"),
        ] {
            assert!(
                bag_distance(a, b) <= strsim::damerau_levenshtein(a, b),
                "{a} {b}"
            );
        }
        assert_eq!(bag_distance("buurtbemiddeling", "buurtbemideling"), 1);
        assert_eq!(bag_distance("krachtwerk", "werkkracht"), 0);
        assert_eq!(bag_distance("abcd", "wxyz"), 4);
    }
}
