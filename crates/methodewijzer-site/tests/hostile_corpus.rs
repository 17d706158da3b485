//! The hostile corpus (`tests/hostile/`, see its README): each file alone in a catalogue,
//! through `check` and `build`, against the expectation written at its top.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::tree;

#[path = "../../../tests/support/html_tags.rs"]
mod html_tags;
use html_tags::attributes;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
/// Longer than any case takes by far: only a hang reaches it.
const HANG: Duration = Duration::from_secs(60);
/// The most a report may weigh, whatever the input.
const REPORT_LIMIT: usize = 256 * 1024;

/// What a case's `# expect:` line says.
#[derive(Debug)]
enum Expect {
    Error {
        line: usize,
        column: usize,
        code: String,
        words: String,
    },
    Accepted,
}

fn expectation(path: &Path, bytes: &[u8]) -> Expect {
    let text = String::from_utf8_lossy(bytes);
    let line = text
        .split(['\n', '\r'])
        .find_map(|l| l.strip_prefix("# expect: "))
        .unwrap_or_else(|| panic!("{} has no `# expect:` line", path.display()));
    if line == "accepted" {
        return Expect::Accepted;
    }
    let rest = line
        .strip_prefix("error ")
        .unwrap_or_else(|| panic!("{}: bad expect line {line:?}", path.display()));
    let (place, rest) = rest.split_once(' ').unwrap();
    let (code, words) = rest.split_once(' ').unwrap();
    assert!(
        code.starts_with("MW") && code.len() == 5,
        "{}: no code in {line:?}",
        path.display()
    );
    let (l, c) = place.split_once(':').unwrap();
    Expect::Error {
        line: l.parse().unwrap(),
        column: c.parse().unwrap(),
        code: code.to_string(),
        words: words.to_string(),
    }
}

struct Run {
    code: Option<i32>,
    report: String,
}

/// Runs the command, killing it if it hangs.
fn run(args: &[&Path]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
        // Dutch, whatever the machine's locale: tests ask for English explicitly.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            child.kill().unwrap();
            panic!("{args:?} still ran after {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut report = std::fs::read(&err).unwrap();
    report.extend(std::fs::read(&out).unwrap());
    assert!(
        report.len() <= REPORT_LIMIT,
        "{args:?} printed {} bytes",
        report.len()
    );
    Run {
        code: status.code(),
        report: String::from_utf8_lossy(&report).into_owned(),
    }
}

/// Elements that would run, load or restyle if a page carried them as typed. Text is
/// escaped (`&lt;`), so these can only appear as real markup.
const LIVE_ELEMENTS: &[&str] = &["<script>alert", "<iframe", "<svg", "<style>body", "<img"];

/// The published files carry the case's text inert.
fn assert_inert(name: &str, site: &BTreeMap<PathBuf, Vec<u8>>) {
    for (path, bytes) in site {
        let text = String::from_utf8_lossy(bytes);
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if extension == "html" {
            for live in LIVE_ELEMENTS {
                assert!(
                    !text.to_ascii_lowercase().contains(live),
                    "{name}: {} carries `{live}`",
                    path.display()
                );
            }
            for (tag, key, value) in attributes(&text) {
                let what = format!("{name}: <{tag} {key}=\"{value}\"> in {}", path.display());
                assert!(!key.starts_with("on") && key != "style", "{what}");
                let url = value.trim_start();
                assert!(
                    !url.starts_with("javascript:") && !url.starts_with("data:"),
                    "{what}"
                );
                assert!(key != "src" || !url.contains("volger.example"), "{what}");
            }
        }
        if extension == "xml" {
            assert!(
                !text.contains(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
                "{name}: {} holds a control character",
                path.display()
            );
            assert!(
                !text.contains("</title></item>"),
                "{name}: {} was broken out of",
                path.display()
            );
        }
        if extension == "csv" {
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            for record in reader.records() {
                for cell in record.unwrap().iter() {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{name}: a live formula {cell:?} in {}",
                        path.display()
                    );
                }
            }
        }
    }
}

#[test]
fn every_hostile_input_is_refused_with_a_located_error_or_published_inert() {
    let corpus = Path::new(ROOT).join("tests/hostile");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "README.md")
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "the corpus lost its cases");
    let site = Path::new(ROOT).join("site");

    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(case).unwrap();
        let expect = expectation(case, &bytes);

        let work = tempfile::tempdir().unwrap();
        let catalogue = work.path().join("catalogue");
        std::fs::create_dir(&catalogue).unwrap();
        for vocabulary in ["_vocabularies.toml", "_synonyms.toml"] {
            std::fs::copy(
                Path::new(ROOT).join("interventions").join(vocabulary),
                catalogue.join(vocabulary),
            )
            .unwrap();
        }
        std::fs::write(catalogue.join(&name), &bytes).unwrap();
        let before = tree(work.path());
        let out = work.path().join("public");

        let check = run(&[Path::new("check"), &catalogue]);
        let build = run(&[
            Path::new("build"),
            Path::new("--catalogue"),
            &catalogue,
            Path::new("--site"),
            &site,
            Path::new("--out"),
            &out,
        ]);
        match &expect {
            Expect::Error {
                line,
                column,
                code,
                words,
            } => {
                assert_eq!(check.code, Some(1), "{name}: {}", check.report);
                let place = format!("{name}:{line}:{column}: fout[{code}]: ");
                assert!(
                    check
                        .report
                        .lines()
                        .any(|l| l.contains(&place) && l.contains(words.as_str())),
                    "{name}: no error {code} at {line}:{column} saying {words:?} in\n{}",
                    check.report
                );
                assert_eq!(build.code, Some(1), "{name}: {}", build.report);
                assert!(!out.exists(), "{name}: a refused catalogue was published");
            }
            Expect::Accepted => {
                assert_eq!(check.code, Some(0), "{name}: {}", check.report);
                assert_eq!(build.code, Some(0), "{name}: {}", build.report);
                assert_inert(&name, &tree(&out));
            }
        }
        // Nothing the user wrote changed; nothing appeared beside the output folder.
        let mut after = tree(work.path());
        after.retain(|path, _| !path.starts_with("public"));
        assert!(before == after, "{name}: files outside the output changed");
    }
}
