//! The keuzehulp: a situation-led way in for someone who does not know what to type. Three
//! questions — for whom, what is going on, under which law — each answered by following a
//! plain link, ending in the list of methods that fit every answer. Who carries a method out
//! (professional, volunteer, experience expert) is on every listed method, and the result
//! offers to narrow by it in "Alle methoden": as a fourth static step it would multiply the
//! pages by four (10,749 pages and 146 MB at 2,000 synthetic methods, against 2,600 without).
//!
//! Every step is a static page (`keuzehulp/`, `keuzehulp/ouderen/`, …), so the keuzehulp
//! works without JavaScript. A step offers only answers that leave at least one method, plus
//! "maakt niet uit" (`alle`), so no path ends empty; the number of pages is bounded by the
//! answers that occur together, not by every combination.

use methodewijzer::Kind;
use minijinja::context;
use serde::Serialize;

use super::BuildError;
use super::pages::{MethodView, string};
use super::render::{Renderer, v};

/// The questions, in order, each about one vocabulary.
const STEPS: [Kind; 3] = [Kind::TargetGroup, Kind::Theme, Kind::Law];
/// What a result page offers to narrow by, beside the steps.
const NARROW: Kind = Kind::CarriedOutBy;
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

/// An answer given on the way, with where to change it.
#[derive(Debug, Serialize)]
struct Given {
    question: String,
    answer: String,
    change_url: String,
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
        let today = catalogue.today();
        // Per method, its ids of each step's vocabulary, then of NARROW's: read once, used by
        // every page.
        let values: Vec<[Vec<&str>; 4]> = catalogue
            .iter()
            .map(|m| {
                let [a, b, c] = STEPS.map(|kind| kind.values_of(m, today));
                [a, b, c, NARROW.values_of(m, today)]
            })
            .collect();
        let mut pages = Vec::new();
        let everyone: Vec<usize> = (0..views.len()).collect();
        self.guide_step(&values, views, &mut Vec::new(), &everyone, &mut pages);
        self.render_pages(&pages, |this, page| {
            this.render_page(&page.path, "guide.html", page.ctx.clone())
        })
    }

    /// The page for the answers in `path` (ids, or [`ANY`]), matched by `members`, and the
    /// pages after it.
    fn guide_step(
        &self,
        values: &[[Vec<&str>; 4]],
        views: &[MethodView],
        path: &mut Vec<String>,
        members: &[usize],
        pages: &mut Vec<StepPage>,
    ) {
        let vocabularies = self.catalogue.vocabularies();
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
                    vocabularies.label(STEPS[i], answer).to_string()
                },
                change_url: url(&path[..i]),
            })
            .collect();
        let title = self.t("guide_title");

        if step == STEPS.len() {
            let mut order: Vec<usize> = members.to_vec();
            let rank = |i: usize| views[i].recognition.as_ref().map_or(0, |r| r.rank);
            order.sort_by_key(|&i| {
                (
                    std::cmp::Reverse(rank(i)),
                    methodewijzer::slugify(&views[i].name),
                )
            });
            let methods: Vec<_> = order
                .iter()
                .take(SHOWN)
                .map(|&i| views[i].summary_view())
                .collect();
            let mut filter = Vec::new();
            for (kind, answer) in STEPS.iter().zip(path.iter()) {
                if answer != ANY {
                    let facet = methodewijzer::Facet::ALL
                        .into_iter()
                        .find(|f| f.kind() == Some(*kind))
                        .expect("every step is a facet");
                    filter.push(format!("{}={answer}", facet.param()));
                }
            }
            // Narrowing by who carries it out, in "Alle methoden" (with JavaScript).
            let base = format!("methoden/?{}", filter.join("&"));
            let by: Vec<Choice> = vocabularies
                .terms(NARROW)
                .iter()
                .filter_map(|term| {
                    let count = members
                        .iter()
                        .filter(|&&i| values[i][STEPS.len()].contains(&term.id.as_str()))
                        .count();
                    (count > 0).then(|| Choice {
                        label: term.label.clone(),
                        url: format!(
                            "{base}{}{}={}",
                            if filter.is_empty() { "" } else { "&" },
                            methodewijzer::Facet::CarriedOutBy.param(),
                            term.id
                        ),
                        count,
                    })
                })
                .collect();
            pages.push(StepPage {
                path: url(path),
                ctx: context! {
                    title => &title,
                    given => v(&given),
                    by => v(&by),
                    methods => v(&methods),
                    total => members.len(),
                    filter_url => base,
                    start_url => "keuzehulp/",
                },
            });
            return;
        }

        let kind = STEPS[step];
        let mut choices = Vec::new();
        for term in vocabularies.terms(kind) {
            let matching: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| values[i][step].contains(&term.id.as_str()))
                .collect();
            if matching.is_empty() {
                continue;
            }
            path.push(term.id.clone());
            choices.push(Choice {
                label: term.label.clone(),
                url: url(path),
                count: matching.len(),
            });
            self.guide_step(values, views, path, &matching, pages);
            path.pop();
        }
        path.push(ANY.to_string());
        choices.push(Choice {
            label: self.t("guide_any"),
            url: url(path),
            count: members.len(),
        });
        self.guide_step(values, views, path, members, pages);
        path.pop();

        pages.push(StepPage {
            path: url(path),
            ctx: context! {
                title => &title,
                step => step + 1,
                steps => STEPS.len(),
                question => string(&self.strings, &format!("guide_question_{}", kind.key())),
                given => v(&given),
                choices => v(&choices),
                start_url => "keuzehulp/",
            },
        });
    }
}
