//! Methods side by side: what a professional or policy adviser weighs when choosing between
//! candidates, row by row, with "onbekend" where a description says nothing.
//!
//! Each method gets a small record (`vergelijk/m/SLUG.json`) that the comparison page
//! (`vergelijk/`, `site/static/compare.js`) fetches for the methods in its address
//! (`?m=a,b,c`) or on the visitor's shortlist. Without JavaScript, every method page links to
//! a comparison rendered here with its closest related methods (`methoden/SLUG/vergelijk/`).
//! Both draw the same table (`compare_table` in `macros.html`, mirrored by `compare.js`).

use std::collections::HashMap;

use methodewijzer::{Kind, Method, markdown};
use minijinja::context;
use serde::Serialize;

use super::BuildError;
use super::pages::{MethodView, TermView};
use super::render::{Renderer, parallel, v};

/// The rows, in order; each is labelled by the UI string `compare_ROW`.
pub(super) const ROWS: [&str; 14] = [
    "summary",
    "recognition",
    "themes",
    "target_groups",
    "age",
    "laws",
    "carried_out_by",
    "settings",
    "duration",
    "costs",
    "effective_elements",
    "contra_indications",
    "owner",
    "research",
];

/// How many methods a static comparison shows: the method and its closest related ones.
const STATIC_METHODS: usize = 3;
/// The longest research line, in characters.
const RESEARCH_CHARS: usize = 240;

/// One method's column: plain text per row (`None`: the description does not say).
#[derive(Debug, Clone, Serialize)]
pub(super) struct CompareRecord {
    slug: String,
    name: String,
    url: String,
    cells: Vec<Option<String>>,
}

/// The record of `method`, whose page view is `view`.
fn record(renderer: &Renderer<'_>, method: &Method, view: &MethodView) -> CompareRecord {
    let catalogue = renderer.catalogue;
    let labels = |terms: &[TermView]| {
        let text: Vec<&str> = terms.iter().map(|t| t.label.as_str()).collect();
        (!text.is_empty()).then(|| text.join(", "))
    };
    let plain = |text: &Option<String>| text.as_deref().map(markdown::to_text);
    let state = method.recognition_level(catalogue.today());
    let mut recognition = catalogue
        .vocabularies()
        .label(Kind::RecognitionLevel, state)
        .to_string();
    if let Some(r) = view.recognition.as_ref().filter(|r| r.rank > 0) {
        if let Some(date) = &r.date {
            recognition += &format!("; {} {date}", renderer.t("recognition_date").to_lowercase());
        }
        if let Some(until) = &r.valid_until {
            recognition += &format!(
                "; {} {until}",
                renderer.t("recognition_valid_until").to_lowercase()
            );
        }
    }
    let cells = ROWS
        .iter()
        .map(|row| match *row {
            "summary" => Some(view.summary.clone()),
            "recognition" => Some(recognition.clone()),
            "themes" => labels(&view.themes),
            "target_groups" => labels(&view.target_groups),
            "age" => view.age.clone(),
            "laws" => labels(&view.laws),
            "carried_out_by" => labels(&view.carried_out_by),
            "settings" => labels(&view.settings),
            "duration" => plain(&method.duration_and_intensity),
            "costs" => plain(&method.costs),
            "effective_elements" => (!method.effective_elements.is_empty())
                .then(|| method.effective_elements.join("\n")),
            "contra_indications" => plain(&method.contra_indications),
            "owner" => method.owner.as_ref().map(|o| o.organisation.clone()),
            "research" => plain(&method.research).map(|text| first_sentence(&text)),
            other => unreachable!("a row without a cell: {other}"),
        })
        .collect();
    CompareRecord {
        slug: method.slug.clone(),
        name: method.name.clone(),
        url: view.url.clone(),
        cells,
    }
}

/// The first sentence of `text`, cut at [`RESEARCH_CHARS`] characters.
fn first_sentence(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = text
        .char_indices()
        .find(|&(i, c)| c == '.' && text[i + 1..].starts_with(' '))
        .map_or(text.len(), |(i, _)| i + 1);
    let sentence = &text[..end];
    if sentence.chars().count() <= RESEARCH_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(RESEARCH_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

impl Renderer<'_> {
    /// The records, the comparison page and a static comparison per method; `summaries` are what lists show of each method, in the order of `views`.
    pub(super) fn render_comparisons(
        &mut self,
        views: &[MethodView],
        summaries: &[minijinja::Value],
    ) -> Result<(), BuildError> {
        let methods = self.catalogue.methods();
        let this = &*self;
        let records: Vec<CompareRecord> = parallel(views, |view| {
            let method = this
                .catalogue
                .get(&view.slug)
                .expect("a view of a catalogue method");
            Ok(record(this, method, view))
        })?;
        debug_assert_eq!(records.len(), methods.len());
        let rows: Vec<(&str, String)> = ROWS
            .iter()
            .map(|row| (*row, self.t(&format!("compare_{row}"))))
            .collect();
        let rows_json = serde_json::to_string(&rows).expect("strings serialize");
        let rows = v(&rows);

        // Made on all cores and written as they come, as pages are: at 10,000 methods one
        // after another on one core took a tenth of the comparisons' time.
        self.render_pages(&records, |_, record| {
            let json = serde_json::to_vec(record).expect("a record serializes");
            Ok((format!("vergelijk/m/{}.json", record.slug).into(), json))
        })?;
        self.page(
            "vergelijk/",
            "compare.html",
            context! {
                title => self.t("compare_title"),
                rows => &rows,
                rows_json => rows_json,
                interactive => true,
            },
        )?;

        // Without JavaScript: each method beside its closest related methods.
        // Each record converted for the templates once: a method is in several comparisons.
        // Records, columns and summaries are in the order of `views`.
        let columns: Vec<minijinja::Value> = parallel(&records, |r| Ok(v(r)))?;
        let by_url: HashMap<&str, usize> = records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.url.as_str(), i))
            .collect();
        let pages: Vec<usize> = (0..views.len()).collect();
        self.render_pages(&pages, |this, &i| {
            let view = &views[i];
            let mut shown = vec![columns[i].clone()];
            shown.extend(
                view.related
                    .iter()
                    .filter_map(|r| by_url.get(r.url.as_str()).map(|&j| columns[j].clone()))
                    .take(STATIC_METHODS - 1),
            );
            this.render_page(
                &format!("{}vergelijk/", view.url),
                "compare.html",
                context! {
                    title => format!("{} {}", this.t("compare_title"), view.name),
                    rows => &rows,
                    records => shown,
                    method => summaries[i].clone(),
                    interactive => false,
                },
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn research_lines_are_one_sentence_and_short() {
        assert_eq!(
            first_sentence("Een RCT (n = 120) liet effect zien. Daarna meer."),
            "Een RCT (n = 120) liet effect zien."
        );
        assert_eq!(
            first_sentence("Geen punt\n  maar  regels"),
            "Geen punt maar regels"
        );
        let long = "woord ".repeat(100);
        let line = first_sentence(&long);
        assert!(line.chars().count() <= RESEARCH_CHARS);
        assert!(line.ends_with('…'));
        assert_eq!(
            first_sentence("Versie 2.0 werd getoetst."),
            "Versie 2.0 werd getoetst."
        );
    }
}
