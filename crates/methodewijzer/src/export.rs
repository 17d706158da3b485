//! Open data: the catalogue as JSON and CSV, for anyone to reuse.
//!
//! No Dutch databank offers bulk export or an API; these files are that. The JSON holds every
//! field of every method plus the vocabularies, under a schema version that changes only when
//! a consumer would have to change too. The CSV is the same catalogue flattened to one row per
//! method, for spreadsheets.

use crate::par::*;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::markdown;
use crate::model::Method;

/// Version of the `methods.json` shape. Raise it when a field is renamed or removed.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct MethodWithSlug<'a> {
    slug: &'a str,
    #[serde(flatten)]
    method: &'a Method,
}

/// `methods.json`: every method with every field (Markdown as written), the vocabularies
/// and the synonyms, under [`SCHEMA_VERSION`].
pub fn methods_json(catalogue: &Catalogue) -> String {
    // Each method is written out on its own core, as a JSON value (whose keys are sorted,
    // which keeps the file's order stable whatever order fields are declared in) printed at
    // the depth it has in the file. The rest is printed around them.
    let methods: Vec<String> = catalogue
        .methods()
        .par_iter()
        .map(|m| {
            let value = serde_json::to_value(MethodWithSlug {
                slug: &m.slug,
                method: m,
            })
            .unwrap_or_default();
            // JSON strings hold no raw line breaks, so every one is between tokens.
            serde_json::to_string_pretty(&value)
                .unwrap_or_default()
                .replace('\n', "\n    ")
        })
        .collect();
    let rest = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "methods": [],
        "vocabularies": catalogue.vocabularies(),
        "synonyms": catalogue.synonyms(),
    });
    let rest = serde_json::to_string_pretty(&rest).unwrap_or_default();
    // "methods" sorts first, so it is the first key of the object. The file is assembled in
    // one buffer: at 10,000 methods it is some 60 MB, and each extra copy shows.
    let (before, after) = rest
        .split_once("\"methods\": []")
        .expect("the methods key is in the object");
    let size = methods.iter().map(|m| m.len() + 6).sum::<usize>();
    let mut out = String::with_capacity(before.len() + size + after.len() + 32);
    out.push_str(before);
    out.push_str("\"methods\": [");
    for (i, method) in methods.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(method);
    }
    out.push_str(if methods.is_empty() { "]" } else { "\n  ]" });
    out.push_str(after);
    out.push('\n');
    out
}

/// The columns of `methods.csv`.
pub const CSV_COLUMNS: [&str; 22] = [
    "slug",
    "name",
    "aliases",
    "summary",
    "themes",
    "target_groups",
    "laws",
    "carried_out_by",
    "settings",
    "prevention_level",
    "age_min",
    "age_max",
    "status",
    "recognition_level",
    "recognition_scheme",
    "recognition_date",
    "recognition_valid_until",
    "owner",
    "aim",
    "approach",
    "effective_elements",
    "last_reviewed",
];

/// A cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) gets a leading `'`, as OWASP recommends against CSV injection: the
/// open data is opened in Excel by policy advisers, and its text comes from pull requests.
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// `methods.csv`: one row per method; lists joined with `; `, Markdown as plain text,
/// vocabulary fields as ids, the recognition that counts on the catalogue's date.
pub fn methods_csv(catalogue: &Catalogue) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(CSV_COLUMNS);
    // Rows are made on all cores (the Markdown to plain text is the work) and written in order.
    let rows: Vec<[String; CSV_COLUMNS.len()]> = catalogue
        .methods()
        .par_iter()
        .map(|m| {
            let recognition = m.current_recognition(catalogue.today());
            let date = |d: Option<crate::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            [
                m.slug.clone(),
                m.name.clone(),
                m.aliases.join("; "),
                m.summary.clone(),
                m.themes.join("; "),
                m.target_groups.join("; "),
                m.laws.join("; "),
                m.carried_out_by.join("; "),
                m.settings.join("; "),
                m.prevention_level.clone().unwrap_or_default(),
                m.age
                    .and_then(|a| a.min)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                m.age
                    .and_then(|a| a.max)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                m.status.id().to_string(),
                recognition.map(|r| r.level.clone()).unwrap_or_default(),
                recognition.map(|r| r.scheme.clone()).unwrap_or_default(),
                date(recognition.and_then(|r| r.date)),
                date(recognition.and_then(|r| r.valid_until)),
                m.owner
                    .as_ref()
                    .map(|o| o.organisation.clone())
                    .unwrap_or_default(),
                markdown::to_text(&m.aim),
                markdown::to_text(&m.approach),
                m.effective_elements.join("; "),
                m.last_reviewed.to_string(),
            ]
        })
        .collect();
    for row in &rows {
        let _ = writer.write_record(row.iter().map(|cell| neutralise_formula(cell).into_owned()));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::neutralise_formula;

    #[test]
    fn formulas_are_neutralised() {
        for cell in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise_formula(cell), format!("'{cell}"));
        }
        assert_eq!(neutralise_formula("Krachtwerk"), "Krachtwerk");
        assert_eq!(neutralise_formula(""), "");
    }
}
