//! The keuzehulp: a situation-led way in for someone who does not know what to type. Five
//! questions — for whom, what is going on, under which law, how old, by whom — each answered
//! by following a plain link, ending in the list of methods that fit.
//!
//! The first three are static pages (`keuzehulp/`, `keuzehulp/ouderen/`, …). A step offers
//! only answers that leave at least one method, plus "maakt niet uit" (`alle`), so no path
//! ends empty; the number of pages is bounded by the answers that occur together, not by
//! every combination.
//!
//! The last two, age and who carries the method out (professional, volunteer, experience
//! expert), are on the result page: their answers are links to a section per answer
//! (`#leeftijd-4-11`, `#uitvoerder-vrijwilliger`) that CSS shows alone when it is the link's
//! target. So they work without JavaScript and without a level of pages each: a fourth level
//! took the keuzehulp of 65 methods from 634 pages and 14 MB to 3,427 pages and 45 MB (by
//! age), and at 2,000 synthetic methods from 2,529 pages to 10,749 and 146 MB (by whom).
//! Without JavaScript one of the two narrows at a time; with it, each section links to "Alle
//! methoden" with every answer as a filter, where both combine. An age band holds a method's
//! own ages, else those of its target groups; a method with no known age limit fits every
//! band (the `leeftijd` filter's rule).

use methodewijzer::Facet;
use minijinja::context;
use serde::Serialize;

use super::BuildError;
use super::pages::{MethodView, string};
use super::render::{Renderer, root_of, v};

/// The questions, in order, each about one facet.
const STEPS: [Facet; 3] = [Facet::TargetGroup, Facet::Theme, Facet::Law];
/// The questions on the result page, each answered by a section of it.
const REFINE: [Facet; 2] = [Facet::Age, Facet::CarriedOutBy];
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

/// A question on the result page, with a section per answer.
#[derive(Debug, Serialize)]
struct Refine {
    /// The heading's id.
    id: String,
    question: String,
    hint: Option<String>,
    sections: Vec<Section>,
}

/// The methods that fit one answer of a [`Refine`] question.
#[derive(Debug, Serialize)]
struct Section {
    /// The section's id, the answer's link target.
    anchor: String,
    label: String,
    /// The heading: "Methoden voor kinderen (4–11 jaar)".
    title: String,
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

/// Per method, its values of each step's facet, then of each [`REFINE`] facet's.
type Values = [Vec<String>; 5];

/// What every step page is made from.
#[derive(Clone, Copy)]
struct Known<'a> {
    values: &'a [Values],
    labels: &'a [Vec<(String, String)>],
    /// Per method, its place when every method is put strongest recognition first, then by
    /// name: computed once, so that each result page orders its methods by a number (sorting
    /// by name on every page took 9.6 s of a build of 10,000 methods).
    place: &'a [u32],
    /// Per method, its entry in a result list, made once: a page's lists share them rather
    /// than making each method's entry again (a page lists up to a hundred).
    summaries: &'a [minijinja::Value],
}

/// A step page to render: its path and context.
struct StepPage {
    path: String,
    ctx: minijinja::Value,
}

impl Renderer<'_> {
    /// Every step page that a path of answers reaches.
    pub(super) fn render_guide(
        &mut self,
        views: &[MethodView],
        summaries: &[minijinja::Value],
    ) -> Result<(), BuildError> {
        let catalogue = self.catalogue;
        // Per method, its values of each step's facet, then of NARROW's: read once, used by
        // every page.
        let values: Vec<Values> = catalogue
            .iter()
            .map(|m| {
                let [a, b, c] = STEPS.map(|facet| facet.values_of(catalogue, m));
                let [d, e] = REFINE.map(|facet| facet.values_of(catalogue, m));
                [a, b, c, d, e]
            })
            .collect();
        // Per step, then per REFINE facet, its (id, label) pairs.
        let labels: Vec<Vec<(String, String)>> = STEPS
            .iter()
            .chain(&REFINE)
            .map(|facet| facet.vocabulary(catalogue))
            .collect();
        let mut pages = Vec::new();
        let everyone: Vec<usize> = (0..views.len()).collect();
        let rank = |i: usize| views[i].recognition.as_ref().map_or(0, |r| r.rank);
        let mut order = everyone.clone();
        let names: Vec<String> = views
            .iter()
            .map(|v| methodewijzer::slugify(&v.name))
            .collect();
        order.sort_by(|&a, &b| rank(b).cmp(&rank(a)).then_with(|| names[a].cmp(&names[b])));
        let mut place = vec![0u32; views.len()];
        for (at, &i) in order.iter().enumerate() {
            place[i] = at as u32;
        }
        // Result pages are all as deep (`keuzehulp/` and an answer per step).
        let depth = format!("keuzehulp/{}index.html", "a/".repeat(STEPS.len()));
        let summaries = self.list_entries(summaries, &root_of(&depth), 3)?;
        let known = Known {
            values: &values,
            labels: &labels,
            place: &place,
            summaries: &summaries,
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
            place,
            summaries,
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
            // The strongest recognition first, then by name; at most SHOWN.
            let strongest = |members: &mut Vec<usize>| {
                let by_place = |&i: &usize| place[i];
                if members.len() > SHOWN {
                    members.select_nth_unstable_by_key(SHOWN - 1, by_place);
                    members.truncate(SHOWN);
                }
                members.sort_unstable_by_key(by_place);
                minijinja::Value::from(
                    members
                        .iter()
                        .map(|&i| summaries[i].clone())
                        .collect::<Vec<_>>(),
                )
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
            let refine: Vec<Refine> = REFINE
                .iter()
                .enumerate()
                .map(|(r, &facet)| {
                    let at = STEPS.len() + r;
                    let sections = labels[at]
                        .iter()
                        .filter_map(|(id, label)| {
                            let mut fitting: Vec<usize> = members
                                .iter()
                                .copied()
                                .filter(|&i| values[i][at].contains(id))
                                .collect();
                            (!fitting.is_empty()).then(|| Section {
                                anchor: format!("{}-{id}", facet.param()),
                                label: label.clone(),
                                title: self
                                    .t(&format!("guide_section_{}", facet.key()))
                                    .replace("{label}", &label.to_lowercase()),
                                count: fitting.len(),
                                filter_url: with(facet, id),
                                methods: strongest(&mut fitting),
                            })
                        })
                        .collect();
                    let hint = format!("guide_hint_{}", facet.key());
                    Refine {
                        id: format!("vraag-{}", facet.param()),
                        question: self.t(&format!("guide_question_{}", facet.key())),
                        hint: self.strings.contains_key(&hint).then(|| self.t(&hint)),
                        sections,
                    }
                })
                .collect();
            pages.push(StepPage {
                path: url(path),
                ctx: context! {
                    title => &title,
                    given => v(&given),
                    refine => v(&refine),
                    methods => methods,
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
                steps => STEPS.len(),
                question => string(&self.strings, &format!("guide_question_{}", facet.key())),
                given => v(&given),
                choices => v(&choices),
                start_url => "keuzehulp/",
            },
        });
    }
}
