//! The keuzehulp: a situation-led way in for someone who does not know what to type. Four
//! questions — for whom, what is going on, under which law, how old — each answered by
//! following a plain link, ending in the list of methods that fit every answer.
//!
//! The first three are pages of their own. The age question is on the result page: its
//! answers are links to a section per age band (`#leeftijd-4-11`), which CSS shows alone
//! when it is the link's target, so it works without JavaScript and without a page per band
//! (a fourth level of pages took the keuzehulp of 65 methods from 634 pages and 14 MB to
//! 3,427 pages and 45 MB). A band holds a method's own ages, else those of its target
//! groups; a method with no known age limit fits every band (the `leeftijd` filter's rule). Who carries a method out
//! (professional, volunteer, experience expert) is on every listed method, and the result
//! offers to narrow by it in "Alle methoden": as a fourth static step it would multiply the
//! pages by four (10,749 pages and 146 MB at 2,000 synthetic methods, against 2,529 with three
//! steps).
//!
//! Every step is a static page (`keuzehulp/`, `keuzehulp/ouderen/`, …), so the keuzehulp
//! works without JavaScript. A step offers only answers that leave at least one method, plus
//! "maakt niet uit" (`alle`), so no path ends empty; the number of pages is bounded by the
//! answers that occur together, not by every combination.

use methodewijzer::Facet;
use minijinja::context;
use serde::Serialize;

use super::BuildError;
use super::pages::{MethodView, string};
use super::render::{Renderer, v};

/// The questions, in order, each about one facet.
const STEPS: [Facet; 3] = [Facet::TargetGroup, Facet::Theme, Facet::Law];
/// The question on the result page.
const AGE: Facet = Facet::Age;
/// What a result page offers to narrow by, beside the steps.
const NARROW: Facet = Facet::CarriedOutBy;
/// The path segment for "maakt niet uit".
const ANY: &str = "alle";
/// The most methods a result page lists (strongest recognition first): the number of result
/// pages grows with the answers, and a list of thousands helps nobody choose. The page says
/// how many fit and how to see them all.
const SHOWN: usize = 10;

/// One answer a step offers.
#[derive(Debug, Serialize)]
struct Choice {
    label: String,
    url: String,
    count: usize,
}

/// The methods of one age band on a result page: the age question's answer.
#[derive(Debug, Serialize)]
struct AgeSection {
    /// The section's id, the answer's link target.
    anchor: String,
    label: String,
    count: usize,
    /// The same list in "Alle methoden" (with JavaScript).
    filter_url: String,
    methods: minijinja::Value,
}

/// An answer given on the way, with where to change it.
#[derive(Debug, Serialize)]
struct Given {
    question: String,
    answer: String,
    change_url: String,
}

/// Per method, its values of each step's facet, then of [`AGE`]'s and [`NARROW`]'s.
type Values = [Vec<String>; 5];

/// What every step page is made from.
#[derive(Clone, Copy)]
struct Known<'a> {
    values: &'a [Values],
    labels: &'a [Vec<(String, String)>],
    views: &'a [MethodView],
}

/// A step page to render: its path and context.
struct StepPage {
    path: String,
    ctx: minijinja::Value,
}

impl Renderer<'_> {
    /// Every step page that a path of answers reaches.
    pub(super) fn render_guide(&mut self, views: &[MethodView]) -> Result<(), BuildError> {
        let catalogue = self.catalogue;
        // Per method, its values of each step's facet, then of NARROW's: read once, used by
        // every page.
        let values: Vec<Values> = catalogue
            .iter()
            .map(|m| {
                let [a, b, c] = STEPS.map(|facet| facet.values_of(catalogue, m));
                [
                    a,
                    b,
                    c,
                    AGE.values_of(catalogue, m),
                    NARROW.values_of(catalogue, m),
                ]
            })
            .collect();
        // Per step, then AGE and NARROW, its (id, label) pairs.
        let labels: Vec<Vec<(String, String)>> = STEPS
            .iter()
            .chain([&AGE, &NARROW])
            .map(|facet| facet.vocabulary(catalogue))
            .collect();
        let mut pages = Vec::new();
        let everyone: Vec<usize> = (0..views.len()).collect();
        let known = Known {
            values: &values,
            labels: &labels,
            views,
        };
        self.guide_step(&known, &mut Vec::new(), &everyone, &mut pages);
        self.render_pages(&pages, |this, page| {
            this.render_page(&page.path, "guide.html", page.ctx.clone())
        })
    }

    /// The page for the answers in `path` (ids, or [`ANY`]), matched by `members`, and the
    /// pages after it.
    fn guide_step(
        &self,
        known: &Known,
        path: &mut Vec<String>,
        members: &[usize],
        pages: &mut Vec<StepPage>,
    ) {
        let Known {
            values,
            labels,
            views,
        } = *known;
        let label = |step: usize, id: &str| {
            labels[step]
                .iter()
                .find(|(v, _)| v == id)
                .map_or_else(|| id.to_string(), |(_, label)| label.clone())
        };
        let step = path.len();
        let url = |answers: &[String]| {
            let mut url = String::from("keuzehulp/");
            for answer in answers {
                url.push_str(answer);
                url.push('/');
            }
            url
        };
        let given: Vec<Given> = path
            .iter()
            .enumerate()
            .map(|(i, answer)| Given {
                question: self.t(&format!("guide_short_{}", STEPS[i].key())),
                answer: if answer == ANY {
                    self.t("guide_any")
                } else {
                    label(i, answer)
                },
                change_url: url(&path[..i]),
            })
            .collect();
        let title = self.t("guide_title");

        if step == STEPS.len() {
            let rank = |i: usize| views[i].recognition.as_ref().map_or(0, |r| r.rank);
            // The strongest recognition first, then by name; at most SHOWN.
            let strongest = |members: &mut Vec<usize>| {
                members.sort_by_key(|&i| {
                    (
                        std::cmp::Reverse(rank(i)),
                        methodewijzer::slugify(&views[i].name),
                    )
                });
                members
                    .iter()
                    .take(SHOWN)
                    .map(|&i| views[i].summary_view())
                    .collect::<Vec<_>>()
            };
            let methods = strongest(&mut members.to_vec());
            let mut filter = Vec::new();
            for (facet, answer) in STEPS.iter().zip(path.iter()) {
                if answer != ANY {
                    filter.push(format!("{}={answer}", facet.param()));
                }
            }
            let base = format!("methoden/?{}", filter.join("&"));
            let with = |facet: Facet, id: &str| {
                let and = if filter.is_empty() { "" } else { "&" };
                format!("{base}{and}{}={id}", facet.param())
            };
            // Narrowing by who carries it out, in "Alle methoden" (with JavaScript).
            let (age_at, by_at) = (STEPS.len(), STEPS.len() + 1);
            let by: Vec<Choice> = labels[by_at]
                .iter()
                .filter_map(|(id, label)| {
                    let count = members
                        .iter()
                        .filter(|&&i| values[i][by_at].contains(id))
                        .count();
                    (count > 0).then(|| Choice {
                        label: label.clone(),
                        url: with(NARROW, id),
                        count,
                    })
                })
                .collect();
            let ages: Vec<AgeSection> = labels[age_at]
                .iter()
                .filter_map(|(id, label)| {
                    let mut fitting: Vec<usize> = members
                        .iter()
                        .copied()
                        .filter(|&i| values[i][age_at].contains(id))
                        .collect();
                    (!fitting.is_empty()).then(|| AgeSection {
                        anchor: format!("leeftijd-{id}"),
                        label: label.clone(),
                        count: fitting.len(),
                        filter_url: with(AGE, id),
                        methods: v(&strongest(&mut fitting)),
                    })
                })
                .collect();
            pages.push(StepPage {
                path: url(path),
                ctx: context! {
                    title => &title,
                    given => v(&given),
                    by => v(&by),
                    ages => v(&ages),
                    steps => STEPS.len() + 1,
                    age_question => self.t("guide_question_age"),
                    age_hint => self.t("guide_hint_age"),
                    methods => v(&methods),
                    total => members.len(),
                    filter_url => base,
                    start_url => "keuzehulp/",
                },
            });
            return;
        }

        let facet = STEPS[step];
        let mut choices = Vec::new();
        for (id, label) in &labels[step] {
            let matching: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| values[i][step].contains(id))
                .collect();
            if matching.is_empty() {
                continue;
            }
            path.push(id.clone());
            choices.push(Choice {
                label: label.clone(),
                url: url(path),
                count: matching.len(),
            });
            self.guide_step(known, path, &matching, pages);
            path.pop();
        }
        path.push(ANY.to_string());
        choices.push(Choice {
            label: self.t("guide_any"),
            url: url(path),
            count: members.len(),
        });
        self.guide_step(known, path, members, pages);
        path.pop();

        pages.push(StepPage {
            path: url(path),
            ctx: context! {
                title => &title,
                step => step + 1,
                // The age question, on the result page, is the last.
                steps => STEPS.len() + 1,
                question => string(&self.strings, &format!("guide_question_{}", facet.key())),
                given => v(&given),
                choices => v(&choices),
                start_url => "keuzehulp/",
            },
        });
    }
}
