//! `methodewijzer check` as editors and CI run it.

use std::process::Command;

fn methodewijzer(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("run methodewijzer")
}

#[test]
fn the_shipped_catalogue_passes() {
    let out = methodewijzer(&["check", "interventions"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("checked "), "{stderr}");
    assert!(stderr.contains(" 0 errors"), "{stderr}");
}

#[test]
fn three_broken_files_give_all_their_errors_in_one_run() {
    // The fixture's methods beside the shipped vocabularies (one vocabulary file to keep).
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let dir = tempfile::tempdir().unwrap();
    for file in ["eerste.toml", "tweede.toml", "derde.toml"] {
        std::fs::copy(
            format!("{root}/tests/fixtures/three-broken/{file}"),
            dir.path().join(file),
        )
        .unwrap();
    }
    std::fs::copy(
        format!("{root}/interventions/_vocabularies.toml"),
        dir.path().join("_vocabularies.toml"),
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let out = methodewijzer(&["check", path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr).replace(path, "tests/fixtures/three-broken");
    // The list of valid ids follows the shipped vocabulary: its first id is enough here.
    let headlines: Vec<String> = stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(|l| match l.split_once("the ids are: eenzaamheid, ") {
            Some((head, _)) => format!("{head}the ids are: eenzaamheid, …"),
            None => l.to_string(),
        })
        .collect();
    assert_eq!(
        headlines,
        [
            "tests/fixtures/three-broken/derde.toml:1:22: error: invalid TOML: invalid basic string, expected `\"`",
            "tests/fixtures/three-broken/eerste.toml:1:1: error: missing required key `aim`",
            "tests/fixtures/three-broken/eerste.toml:5:1: error: unknown key `aimm` (did you mean `aim`?)",
            "tests/fixtures/three-broken/tweede.toml:3:11: error: unknown theme \"eenzaam\" (did you mean `eenzaamheid`?); the ids are: eenzaamheid, …",
            "tests/fixtures/three-broken/tweede.toml:7:12: error: unknown method `eerste-methoden` in `related` (did you mean `eerste`?)",
        ]
    );
    assert!(stderr.ends_with("5 errors, 0 warnings\n"), "{stderr}");
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    std::fs::copy(
        format!("{root}/interventions/_vocabularies.toml"),
        dir.path().join("_vocabularies.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("oud.toml"),
        "name = \"Oud\"\nsummary = \"Lang niet herzien.\"\nthemes = [\"eenzaamheid\"]\n\
         target_groups = [\"ouderen\"]\naim = \"Doel.\"\napproach = \"Aanpak.\"\nlast_reviewed = 2015-01-01\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let out = methodewijzer(&["check", path]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(": warning: last reviewed on 2015-01-01")
    );
    let out = methodewijzer(&["check", "--deny-warnings", path]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_with_2() {
    let out = methodewijzer(&["check", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_shipped_schema_is_generated_from_the_types() {
    let out = methodewijzer(&["schema"]);
    assert!(out.status.success());
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let shipped = std::fs::read_to_string(format!("{root}/interventions/_schema.json")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        shipped,
        "interventions/_schema.json is out of date: run `cargo run -- schema > interventions/_schema.json`"
    );
}

/// A catalogue folder with the shipped vocabularies and template.
fn scratch_catalogue() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    for file in ["_vocabularies.toml", "_template.toml"] {
        std::fs::copy(
            format!("{root}/interventions/{file}"),
            dir.path().join(file),
        )
        .unwrap();
    }
    dir
}

#[test]
fn new_starts_a_method_that_check_accepts_once_filled_in() {
    let dir = scratch_catalogue();
    let path = dir.path().to_str().unwrap();
    let out = methodewijzer(&["new", "Buurtkamer \"De Ontmoeting\"", "--dir", path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("buurtkamer-de-ontmoeting.toml"), "{stdout}");
    assert!(stdout.contains("cargo run -- check"), "{stdout}");
    let file = dir.path().join("buurtkamer-de-ontmoeting.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("name = \"Buurtkamer \\\"De Ontmoeting\\\"\""),
        "{text}"
    );

    // As created, check points at the required fields still to fill in.
    let out = methodewijzer(&["check", path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`summary` must not be empty"), "{stderr}");
    assert!(stderr.contains("`themes` is empty"), "{stderr}");

    let filled = text
        .replace(
            "summary = \"\"",
            "summary = \"Een plek in de wijk om elkaar te ontmoeten.\"",
        )
        .replace("themes = []", "themes = [\"eenzaamheid\"]")
        .replace("target_groups = []", "target_groups = [\"bewoners\"]")
        .replace("aim = \"\"\"\n\"\"\"", "aim = \"Minder eenzaamheid.\"")
        .replace(
            "approach = \"\"\"\n\"\"\"",
            "approach = \"Een open inloop.\"",
        );
    std::fs::write(&file, filled).unwrap();
    let out = methodewijzer(&["check", path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn new_never_overwrites() {
    let dir = scratch_catalogue();
    let path = dir.path().to_str().unwrap();
    std::fs::write(dir.path().join("buurtkamer.toml"), "mijn werk").unwrap();
    let out = methodewijzer(&["new", "Buurtkamer", "--dir", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("buurtkamer.toml")).unwrap(),
        "mijn werk"
    );
    assert_eq!(
        methodewijzer(&["new", "  ", "--dir", path]).status.code(),
        Some(2)
    );
}

#[test]
fn the_template_explains_every_field() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let template = std::fs::read_to_string(format!("{root}/interventions/_template.toml")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/interventions/_schema.json")).unwrap(),
    )
    .unwrap();
    for key in schema["properties"].as_object().unwrap().keys() {
        let present = template.lines().any(|l| {
            let l = l.trim_start_matches(['#', ' ']);
            l.starts_with(&format!("{key} ="))
                || l.starts_with(&format!("[{key}]"))
                || l.starts_with(&format!("[[{key}]]"))
        });
        assert!(present, "the template lacks `{key}`");
    }
}

#[test]
fn checking_named_files_shows_their_problems_and_sums_up_the_rest() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(format!("{root}/interventions")).unwrap() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "toml") {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    let broken = std::fs::read_to_string(format!("{root}/interventions/maatjesproject.toml"))
        .unwrap()
        .replacen("themes = [", "themes = [\"senioren\", ", 1);
    std::fs::write(dir.path().join("maatjesproject.toml"), broken).unwrap();
    let path = |f: &str| dir.path().join(f).to_str().unwrap().to_string();

    // Someone else's broken file does not fail mine; it is summed up in one line.
    let out = methodewijzer(&["check", &path("krachtwerk.toml")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("1 error"), "{stderr}");
    assert!(
        stderr.contains("in other files (show them with --all)"),
        "{stderr}"
    );
    assert!(!stderr.contains("senioren"), "{stderr}");
    assert!(stderr.contains("checked"), "{stderr}");

    // My own broken file: its error in full, with the valid ids.
    let out = methodewijzer(&["check", &path("maatjesproject.toml")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("maatjesproject.toml:"), "{stderr}");
    assert!(stderr.contains("unknown theme \"senioren\""), "{stderr}");
    assert!(stderr.contains("the ids are: eenzaamheid"), "{stderr}");

    // --all shows everything and fails on any error.
    let out = methodewijzer(&["check", "--all", &path("krachtwerk.toml")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("senioren"));

    // A file that is not there is named.
    let out = methodewijzer(&["check", &path("bestaat-niet.toml")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat-niet.toml: error"));
}
