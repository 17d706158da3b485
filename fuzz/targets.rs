//! The fuzz targets' bodies: what each feeds the library and what it asserts.
//!
//! Included by the cargo-fuzz binaries in `fuzz_targets/` and by the stable test
//! `crates/methodewijzer/tests/fuzz_corpus.rs`, which runs every kept input through the same
//! code, so a fuzzer's finding stays a regression test without a nightly toolchain.
//!
//! A target panics only when the library breaks a promise a user relies on: the loader
//! reports instead of crashing and its report stays bounded; rendered Markdown carries no
//! live markup; a search answers any text consistently; the browser export describes exactly
//! the catalogue it came from.
#![allow(dead_code)] // each binary uses one target

#[path = "../tests/support/html_tags.rs"]
mod html_tags;

#[path = "../tests/support/browser_files.rs"]
mod browser_files;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use methodewijzer::{Catalogue, Date, Facet, LoadOptions, SearchIndex, SearchRequest, markdown};

/// The file a loader target writes its input to.
pub const METHOD_FILE: &str = "fuzz-methode.toml";
/// Diagnostics the `check` command prints per file, as the loader target reports them.
const PER_FILE: usize = 50;
/// The most a report may weigh, whatever the input: 50 diagnostics with cut excerpts.
const REPORT_LIMIT: usize = 256 * 1024;

/// A fixed "today", so that a finding reproduces on another day.
fn today() -> Date {
    Date::from_ymd(2026, 11, 26).expect("a valid date")
}

/// A folder with the shipped vocabularies and thesaurus, for one method file at a time.
pub fn prepare_folder(folder: &Path, interventions: &Path) {
    std::fs::create_dir_all(folder).expect("create the scratch folder");
    for name in [
        methodewijzer::VOCABULARIES_FILE,
        methodewijzer::SYNONYMS_FILE,
    ] {
        std::fs::copy(interventions.join(name), folder.join(name)).expect("copy a vocabulary");
    }
}

/// One scratch folder per fuzzing process (the fuzzer runs one input at a time).
pub fn scratch_folder(interventions: &Path) -> PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER
        .get_or_init(|| {
            let folder =
                std::env::temp_dir().join(format!("methodewijzer-fuzz-{}", std::process::id()));
            prepare_folder(&folder, interventions);
            folder
        })
        .clone()
}

/// The shipped catalogue and its index, made once per process. Its "today" is the fixed date
/// or, when an editor reviewed a method later, that review's date: reviews are dated the day
/// they are made, which an older fixed date would call the future. A finding reproduces on the
/// same catalogue whatever the day.
pub fn shipped_catalogue(interventions: &Path) -> &'static (Catalogue, SearchIndex) {
    static CATALOGUE: OnceLock<(Catalogue, SearchIndex)> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let newest = Catalogue::load(interventions)
            .expect("the shipped catalogue loads")
            .methods()
            .iter()
            .map(|m| m.last_reviewed)
            .max();
        let today = newest.map_or(today(), |newest| newest.max(today()));
        let catalogue = Catalogue::load_with(interventions, LoadOptions { today })
            .expect("the shipped catalogue loads");
        let index = SearchIndex::build(&catalogue);
        (catalogue, index)
    })
}

/// Writes `data` as the folder's one method file and loads the folder.
fn load(folder: &Path, data: &[u8]) -> Result<Catalogue, methodewijzer::Diagnostics> {
    std::fs::write(folder.join(METHOD_FILE), data).expect("write the method file");
    Catalogue::load_with(folder, LoadOptions { today: today() })
}

/// Bytes → a one-method catalogue. A refused file gets a bounded report of located errors;
/// an accepted one exports to JSON and CSV that parse back to one method.
pub fn load_method(folder: &Path, data: &[u8]) {
    match load(folder, data) {
        Err(diagnostics) => {
            assert!(diagnostics.has_errors() || diagnostics.is_empty());
            let mut report = String::new();
            diagnostics
                .write_capped(&mut report, PER_FILE)
                .expect("write to a string");
            assert!(
                report.len() <= REPORT_LIMIT,
                "a {}-byte input gave a {}-byte report",
                data.len(),
                report.len()
            );
            for problem in diagnostics.errors() {
                assert!(!problem.message.is_empty(), "an error without a message");
            }
        }
        Ok(catalogue) => {
            assert_eq!(catalogue.len(), 1);
            let method = &catalogue.methods()[0];
            assert!(
                !method.name.trim().is_empty(),
                "an accepted method without a name"
            );

            let json: serde_json::Value =
                serde_json::from_str(&methodewijzer::export::methods_json(&catalogue))
                    .expect("methods.json parses");
            let methods = json["methods"].as_array().expect("a methods array");
            assert_eq!(methods.len(), 1);
            assert_eq!(methods[0]["slug"], method.slug.as_str());

            let csv_text = methodewijzer::export::methods_csv(&catalogue);
            let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
            let columns = reader.headers().expect("a header row").len();
            let rows: Vec<csv::StringRecord> = reader
                .records()
                .collect::<Result<_, _>>()
                .expect("methods.csv parses");
            assert_eq!(rows.len(), 1, "one row per method");
            assert_eq!(rows[0].len(), columns);
            for cell in rows[0].iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a live formula in the CSV: {cell:?}"
                );
            }

            for text in [&method.summary, &method.aim, &method.approach] {
                markdown(text.as_bytes());
            }
        }
    }
}

/// Bytes → Markdown → HTML: nothing that runs, loads or styles from elsewhere survives.
/// Text is escaped, so every `<` left in the output opens a tag the sanitizer allowed.
pub fn markdown(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let html = markdown::to_html(&text).to_ascii_lowercase();
    for tag in html.split('<').skip(1) {
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .find(|part| !part.is_empty())
            .unwrap_or("");
        assert!(
            ![
                "script", "img", "iframe", "style", "object", "embed", "svg", "form"
            ]
            .contains(&name),
            "<{name}> in {html}"
        );
    }
    for (tag, key, value) in html_tags::attributes(&html) {
        let what = format!("<{tag} {key}=\"{value}\"> in {html}");
        assert!(!key.starts_with("on") && key != "style", "{what}");
        let url = value.trim_start();
        assert!(
            !url.starts_with("javascript:") && !url.starts_with("data:"),
            "{what}"
        );
    }
    let plain = markdown::to_text(&text);
    assert!(
        plain.len() <= text.len() * 4 + 16,
        "plain text larger than its Markdown"
    );
    let _ = markdown::nesting(&text);
}

/// Bytes → a query with a filter, a limit and an offset, on the shipped catalogue. Any text
/// gets an answer that is consistent, escaped and the same the second time.
pub fn query((catalogue, index): &(Catalogue, SearchIndex), data: &[u8]) {
    let [facet_byte, value_byte, limit_byte, offset_byte, rest @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let limit = usize::from(*limit_byte % 30) + 1;
    let offset = usize::from(*offset_byte % 80);
    let mut request = SearchRequest::new(text.as_ref())
        .limit(limit)
        .offset(offset);
    if let Some(&facet) = Facet::ALL.get(usize::from(*facet_byte) % (Facet::ALL.len() + 1)) {
        static VALUES: OnceLock<Vec<methodewijzer::FacetCounts>> = OnceLock::new();
        let values = VALUES.get_or_init(|| index.search(&SearchRequest::new("")).facets);
        let ids: Vec<String> = values
            .iter()
            .find(|counts| counts.facet == facet)
            .map(|counts| counts.values.iter().map(|v| v.id.clone()).collect())
            .unwrap_or_default();
        match ids.get(usize::from(*value_byte) % (ids.len() + 1)) {
            Some(id) => request = request.filter(facet, id.clone()),
            None => {
                let bogus = request.clone().filter(facet, text.as_ref());
                if index.check_filters(&bogus).is_ok() {
                    assert!(
                        ids.iter().any(|id| *id == text),
                        "{text:?} passed as a value"
                    );
                }
            }
        }
    }
    assert!(index.check_filters(&request).is_ok());

    let results = index.search(&request);
    assert!(results.hits.len() <= limit);
    assert_eq!(
        results.hits.len(),
        results.total.saturating_sub(offset).min(limit),
        "hits disagree with the total"
    );
    for hit in &results.hits {
        let method = catalogue
            .get(&hit.slug)
            .expect("a hit is a catalogue method");
        assert_eq!(hit.name, method.name);
        assert_eq!(hit.summary, method.summary);
        assert!(hit.score.is_finite());
        let unmarked = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(
            !unmarked.contains(['<', '>']),
            "unescaped snippet {:?}",
            hit.snippet
        );
    }
    for counts in &results.facets {
        for value in &counts.values {
            assert!(value.count <= catalogue.len());
        }
    }
    assert_eq!(
        results,
        index.search(&request),
        "the same query twice differs"
    );
}

/// Bytes → a one-method catalogue → the browser export. The manifest leads to exactly the
/// files exported, every file parses (`tests/support/browser_files.rs`), and the display
/// blocks hold the catalogue's methods in order.
pub fn browser_export(folder: &Path, data: &[u8]) {
    let Ok(catalogue) = load(folder, data) else {
        return;
    };
    let export = SearchIndex::build(&catalogue).browser_export();
    let manifest = browser_files::check_export(&export, catalogue.len());
    let mut slugs = Vec::new();
    for doc in browser_files::display_records(&export, &manifest) {
        slugs.push(doc[0].as_str().expect("a slug").to_string());
        let method = catalogue
            .get(doc[0].as_str().unwrap())
            .expect("a known slug");
        assert_eq!(doc[1], method.name.as_str(), "the display name round-trips");
    }
    let expected: Vec<&str> = catalogue.iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(
        slugs, expected,
        "display blocks hold the catalogue in order"
    );
}
