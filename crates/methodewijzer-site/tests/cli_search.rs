//! `methodewijzer search` as users and scripts run it.

use std::process::Command;

fn methodewijzer(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
        // Dutch, whatever the machine's locale: tests ask for English explicitly.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("run methodewijzer")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = methodewijzer(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn readable_results_for_a_typo() {
    let out = methodewijzer(&["search", "krachtwek"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(" 1. Krachtwerk (krachtwerk)"),
        "{stdout}"
    );
    assert!(stdout.contains(" gevonden."), "{stdout}");
    assert!(stdout.contains("Thema: "), "{stdout}");
}

#[test]
fn json_has_the_documented_shape() {
    let value = json(&["search", "eenzaamheid ouderen", "--json", "--limit", "3"]);
    assert_eq!(value["query"], "eenzaamheid ouderen");
    let hits = value["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    for hit in hits {
        assert!(hit["slug"].is_string());
        assert!(hit["name"].is_string());
        assert!(hit["score"].is_number());
        assert!(hit["snippet"].is_string());
        // What a result list shows to help choose.
        assert!(hit["summary"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(hit["facts"]["recognition"].is_string());
        assert!(hit["facts"]["recognition_label"].is_string());
        assert!(
            hit["facts"]["target_groups"]
                .as_array()
                .is_some_and(|g| !g.is_empty())
        );
        assert!(hit["facts"]["carried_out_by"].is_array());
    }
    assert!(value["total"].as_u64().unwrap() >= hits.len() as u64);
    for facet in [
        "theme",
        "target_group",
        "law",
        "recognition_level",
        "carried_out_by",
        "setting",
        "status",
    ] {
        let values = value["facets"][facet]
            .as_array()
            .unwrap_or_else(|| panic!("{facet}"));
        for v in values {
            assert!(v["id"].is_string() && v["label"].is_string());
            assert!(v["count"].is_u64() && v["selected"].is_boolean());
        }
    }
}

#[test]
fn theme_filter_narrows_and_marks_the_selection() {
    let all = json(&["search", "", "--json", "--limit", "100"]);
    let lonely = json(&[
        "search",
        "",
        "--theme",
        "eenzaamheid",
        "--json",
        "--limit",
        "100",
    ]);
    assert!(lonely["total"].as_u64() < all["total"].as_u64());
    let selected: Vec<&str> = lonely["facets"]["theme"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["selected"] == true)
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(selected, ["eenzaamheid"]);
    // The theme facet counts ignore the theme filter.
    assert_eq!(
        lonely["facets"]["theme"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| &v["count"])
            .collect::<Vec<_>>(),
        all["facets"]["theme"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| &v["count"])
            .collect::<Vec<_>>()
    );
}

#[test]
fn nothing_found_is_not_an_error() {
    let out = methodewijzer(&["search", "zzzzqqqq"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Geen methoden gevonden."));
}

#[test]
fn an_unknown_filter_value_is_refused_with_the_id_it_probably_meant() {
    let out = methodewijzer(&["search", "", "--status", "Actief"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown status \"Actief\" (did you mean `actief`?)"),
        "{err}"
    );
    let out = methodewijzer(&["search", "", "--theme", "bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the values are: eenzaamheid,"), "{err}");
}

#[test]
fn punctuation_finds_nothing_and_paging_past_the_end_says_so() {
    for query in ["!!!", "🙂", "? ."] {
        let value = json(&["search", "--json", "--", query]);
        assert_eq!(value["total"], 0, "{query}");
    }
    let out = methodewijzer(&["search", "eenzaamheid", "--offset", "100000"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("Geen resultaten vanaf plaats 100001"),
        "{stdout}"
    );
    let out = methodewijzer(&["search", "x", "--limit", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn queries_stream_one_line_each_and_a_bad_line_does_not_stop_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q.txt");
    std::fs::write(&file, b"krachtwek\n\xff\xfe\neenzaamheid\n").unwrap();
    let out = methodewijzer(&["search", "--queries", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("q.txt:2: not valid UTF-8"), "{err}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["query"], "krachtwek");
    assert_eq!(lines[1]["query"], "eenzaamheid");
    // One query in a file is still one line, not pretty JSON.
    std::fs::write(&file, "krachtwek\n").unwrap();
    let out = methodewijzer(&["search", "--queries", file.to_str().unwrap(), "--json"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}
