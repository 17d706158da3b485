//! The fuzzers' seeds (`fuzz/seeds`) and what they kept (`fuzz/regressions`: the fixed findings
//! and the smallest inputs of each minimised corpus) run through the fuzz targets' own code on
//! every `cargo test`, so a finding stays fixed without a nightly toolchain. See
//! `scripts/fuzz.sh` and FUZZING.md.

#[path = "../../../fuzz/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz");
const INTERVENTIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../interventions");

/// The kept inputs of one target, in a fixed order.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for kind in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(Path::new(FUZZ).join(kind).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_file() {
                let bytes = std::fs::read(&path).unwrap();
                found.push((path, bytes));
            }
        }
    }
    found.sort();
    found
}

/// Runs `check` on every input of `target`, naming the input that fails.
fn run(target: &str, minimum: usize, check: impl Fn(&[u8])) {
    let inputs = inputs(target);
    assert!(
        inputs.len() >= minimum,
        "{target}: {} inputs, expected the committed seeds at least",
        inputs.len()
    );
    for (path, bytes) in &inputs {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(bytes)));
        assert!(outcome.is_ok(), "{target} fails on {}", path.display());
    }
}

#[test]
fn loader_corpus() {
    let folder = tempfile::tempdir().unwrap();
    targets::prepare_folder(folder.path(), INTERVENTIONS.as_ref());
    run("load_method", 60, |data| {
        targets::load_method(folder.path(), data)
    });
}

#[test]
fn markdown_corpus() {
    run("markdown", 100, targets::markdown);
}

#[test]
fn query_corpus() {
    let catalogue = targets::shipped_catalogue(INTERVENTIONS.as_ref());
    run("query", 200, |data| targets::query(catalogue, data));
}

#[test]
fn browser_export_corpus() {
    let folder = tempfile::tempdir().unwrap();
    targets::prepare_folder(folder.path(), INTERVENTIONS.as_ref());
    run("browser_export", 60, |data| {
        targets::browser_export(folder.path(), data)
    });
}
