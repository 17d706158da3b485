//! `methodewijzer check` as editors and CI run it.

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

#[test]
fn the_shipped_catalogue_passes() {
    let out = methodewijzer(&["check", "interventions"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains(" methoden gecontroleerd in "), "{stderr}");
    assert!(stderr.contains(": 0 fouten, "), "{stderr}");
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
    // The place and code of each problem, and the suggestion it makes.
    let headlines: Vec<String> = stderr
        .lines()
        .filter(|l| l.contains(": fout["))
        .map(|l| {
            let (place, rest) = l.split_once(": fout[").unwrap();
            let code = &rest[..5];
            let hint = rest
                .split_once("(bedoelt u ")
                .map_or("", |(_, h)| &h[..h.find(')').unwrap()]);
            format!("{place} {code} {hint}").trim_end().to_string()
        })
        .collect();
    assert_eq!(
        headlines,
        [
            // The unclosed text, and, read past it, the required keys the file lacks.
            "tests/fixtures/three-broken/derde.toml:1:1 MW202",
            "tests/fixtures/three-broken/derde.toml:1:1 MW202",
            "tests/fixtures/three-broken/derde.toml:1:1 MW202",
            "tests/fixtures/three-broken/derde.toml:1:1 MW202",
            "tests/fixtures/three-broken/derde.toml:1:1 MW202",
            "tests/fixtures/three-broken/derde.toml:1:22 MW106",
            "tests/fixtures/three-broken/eerste.toml:1:1 MW202",
            "tests/fixtures/three-broken/eerste.toml:5:1 MW201 `aim`?",
            "tests/fixtures/three-broken/tweede.toml:3:11 MW301 `eenzaamheid`?",
            "tests/fixtures/three-broken/tweede.toml:7:12 MW303 `eerste`?",
        ]
    );
    assert!(stderr.contains("10 fouten, 0 waarschuwingen"), "{stderr}");
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
        String::from_utf8_lossy(&out.stderr)
            .contains(": waarschuwing[MW452]: laatst nagekeken op 2015-01-01")
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
    assert!(stdout.contains("Aangemaakt: "), "{stdout}");
    assert!(stdout.contains("methodewijzer check"), "{stdout}");
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
    assert!(stderr.contains("fout[MW208]: `summary`"), "{stderr}");
    assert!(stderr.contains("fout[MW205]: `themes`"), "{stderr}");

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
    assert!(String::from_utf8_lossy(&out.stderr).contains("buurtkamer.toml bestaat al"));
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
    assert!(
        stderr.contains(": 1 fout, ")
            && stderr.contains(" in andere bestanden (toon ze met --all)"),
        "{stderr}"
    );
    assert!(!stderr.contains("senioren"), "{stderr}");
    assert!(
        stderr.contains("krachtwerk.toml gecontroleerd: 0 fouten"),
        "{stderr}"
    );

    // My own broken file: its error in full, with the valid ids.
    let out = methodewijzer(&["check", &path("maatjesproject.toml")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("maatjesproject.toml:"), "{stderr}");
    assert!(
        stderr.contains("fout[MW301]: thema \"senioren\""),
        "{stderr}"
    );
    assert!(stderr.contains("de ids zijn: eenzaamheid"), "{stderr}");

    // --all shows everything and fails on any error.
    let out = methodewijzer(&["check", "--all", &path("krachtwerk.toml")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("senioren"));

    // A file that is not there is named.
    let out = methodewijzer(&["check", &path("bestaat-niet.toml")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat-niet.toml: fout"));
}

/// The fixture of issue #19: a Dutch date and four other problems in one file.
fn dutch_date_catalogue() -> tempfile::TempDir {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{root}/tests/fixtures/dutch-date/buurtsoos.toml"),
        dir.path().join("buurtsoos.toml"),
    )
    .unwrap();
    std::fs::copy(
        format!("{root}/interventions/_vocabularies.toml"),
        dir.path().join("_vocabularies.toml"),
    )
    .unwrap();
    dir
}

/// The code of every problem `check` printed, with its line and column.
fn codes(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| {
            let (place, rest) = l
                .split_once(": fout[")
                .or_else(|| l.split_once(": error["))?;
            let place = place.rsplit_once("buurtsoos.toml:")?.1;
            Some(format!("{place} {}", &rest[..5]))
        })
        .collect()
}

const EXPECTED: [&str; 5] = [
    "4:18 MW301",  // "senioren" is no target group
    "5:13 MW301",  // "buurthuis" is no setting
    "8:17 MW104",  // 26-11-2026
    "9:1 MW201",   // `kosten`
    "10:10 MW204", // "actif"
];

#[test]
fn a_broken_file_is_reported_in_dutch_by_default_with_every_problem() {
    let dir = dutch_date_catalogue();
    let out = methodewijzer(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(codes(&stderr), EXPECTED, "{stderr}");
    for dutch in [
        "fout[MW104]: ",
        "schrijf de datum als 2026-11-26",
        "onbekende sleutel `kosten` (bedoelt u `costs`?)",
        "doelgroep \"senioren\" is onbekend",
        "`status` kan niet \"actif\" zijn (bedoelt u `actief`?)",
        ": 5 fouten, 0 waarschuwingen",
    ] {
        assert!(stderr.contains(dutch), "{dutch:?} not in {stderr}");
    }
    assert!(!stderr.contains("error"), "English in {stderr}");
}

#[test]
fn english_with_the_flag_or_an_english_locale() {
    let dir = dutch_date_catalogue();
    let path = dir.path().to_str().unwrap();
    let flag = methodewijzer(&["--lang", "en", "check", path]);
    let locale = Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
        .args(["check", path])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    for out in [flag, locale] {
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(codes(&stderr), EXPECTED, "{stderr}");
        for english in [
            "error[MW104]: ",
            "write it as 2026-11-26",
            "unknown key `kosten` (did you mean `costs`?)",
            "unknown target group \"senioren\"",
            ": 5 errors, 0 warnings",
        ] {
            assert!(stderr.contains(english), "{english:?} not in {stderr}");
        }
        assert!(!stderr.contains("fout"), "Dutch in {stderr}");
    }
    // The flag wins over the locale, after the command too.
    let out = Command::new(env!("CARGO_BIN_EXE_methodewijzer"))
        .args(["check", path, "--lang", "nl"])
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("fout[MW104]"));
}
