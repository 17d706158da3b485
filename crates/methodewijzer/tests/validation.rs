//! Each validation rule, shown on a small bad fixture: the exact place and message an editor
//! sees. The fixtures are written into a temporary catalogue next to a valid method.
//!
//! This file is long because it holds one short test per rule, with the vocabulary fixture
//! they share at its top.

use std::path::Path;

use methodewijzer::{Catalogue, Date, Diagnostics, LoadOptions};

const VOCABULARIES: &str = r#"
[[themes]]
id = "eenzaamheid"
label = "Eenzaamheid"
description = "Eenzaam."

[[themes]]
id = "schulden-en-armoede"
label = "Schulden en armoede"
description = "Geld."

[[target_groups]]
id = "ouderen"
label = "Ouderen"
description = "Oud."

[[settings]]
id = "wijkteam"
label = "Wijkteam"
description = "Team."

[[laws]]
id = "wmo"
label = "Wmo 2015"
description = "Wet."

[[carried_out_by]]
id = "vrijwilliger"
label = "Vrijwilliger"
description = "Vrij."

[[prevention_levels]]
id = "selectief"
label = "Selectief"
description = "Risico."

[[recognition_levels]]
id = "niet-beoordeeld"
label = "Niet beoordeeld"
description = "Geen oordeel."

[[recognition_levels]]
id = "goed-onderbouwd"
label = "Goed onderbouwd"
description = "Theorie."
"#;

/// A valid method; tests replace or append lines to break one rule at a time.
const VALID: &str = r#"name = "Wandelclub"
summary = "Samen wandelen tegen eenzaamheid."
themes = ["eenzaamheid"]
target_groups = ["ouderen"]
aim = "Minder eenzaamheid."
approach = "Wekelijks wandelen."
last_reviewed = 2025-06-01
sources = [{ title = "Wandelen in de wijk" }]
"#;

fn today() -> Date {
    Date::from_ymd(2026, 11, 23).unwrap()
}

/// Writes the vocabularies and `files` into a fresh folder and loads it.
fn load(files: &[(&str, &str)]) -> (tempfile::TempDir, Result<Catalogue, Diagnostics>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_vocabularies.toml"), VOCABULARIES).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let result = Catalogue::load_with(dir.path(), LoadOptions { today: today() });
    (dir, result)
}

/// The headlines of all problems, with the folder stripped from the path.
fn headlines(dir: &Path, diagnostics: &Diagnostics) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    diagnostics
        .iter()
        .map(|d| d.headline().replace(&prefix, ""))
        .collect()
}

fn errors_of(files: &[(&str, &str)]) -> Vec<String> {
    let (dir, result) = load(files);
    match result {
        Ok(_) => panic!("expected errors"),
        Err(d) => headlines(dir.path(), &d),
    }
}

fn one_error(text: &str) -> String {
    let errors = errors_of(&[("wandelclub.toml", text)]);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn a_valid_method_loads() {
    let (_dir, result) = load(&[("wandelclub.toml", VALID)]);
    let catalogue = result.expect("valid");
    let method = catalogue.get("wandelclub").unwrap();
    assert_eq!(method.name, "Wandelclub");
    assert_eq!(method.slug, "wandelclub");
    assert!(catalogue.warnings().is_empty());
}

#[test]
fn a_lenient_load_keeps_the_valid_methods_and_reports_the_rest() {
    let (dir, strict) = load(&[
        ("wandelclub.toml", VALID),
        ("kapot.toml", "name = \"Kapot\"\nthemes = [\n"),
        (
            "verkeerd.toml",
            &VALID
                .replace("eenzaamheid", "eenzaam")
                .replace("Wandelclub", "Verkeerd"),
        ),
    ]);
    assert!(strict.is_err(), "a strict load refuses any error");
    let options = LoadOptions { today: today() };
    let (catalogue, problems) = Catalogue::load_lenient(dir.path(), options);
    let slugs: Vec<&str> = catalogue.iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(slugs, ["wandelclub"]);
    let failed: Vec<String> = headlines(dir.path(), &problems)
        .into_iter()
        .filter(|h| h.contains(": error: "))
        .map(|h| h.split(':').next().unwrap().to_string())
        .collect();
    assert!(failed.iter().any(|f| f == "kapot.toml"), "{failed:?}");
    assert!(failed.iter().any(|f| f == "verkeerd.toml"), "{failed:?}");
    assert!(!catalogue.warnings().has_errors());

    // Without vocabularies nothing can be checked, so nothing is returned.
    std::fs::remove_file(dir.path().join("_vocabularies.toml")).unwrap();
    let (catalogue, problems) = Catalogue::load_lenient(dir.path(), options);
    assert!(catalogue.is_empty());
    assert!(problems.has_errors());
}

#[test]
fn broken_toml() {
    let text = VALID.replace("name = \"Wandelclub\"", "name = \"Wandelclub");
    let error = one_error(&text);
    assert_eq!(
        error,
        "wandelclub.toml:1:19: error: invalid TOML: invalid basic string, expected `\"`"
    );
}

#[test]
fn unknown_key_with_suggestion() {
    let text = VALID.replace("aim =", "aimm =");
    let errors = errors_of(&[("wandelclub.toml", &text)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:1:1: error: missing required key `aim`",
            "wandelclub.toml:5:1: error: unknown key `aimm` (did you mean `aim`?)",
        ]
    );
}

#[test]
fn unknown_key_in_a_nested_table() {
    let text = format!(
        "{VALID}\n[owner]\norganisation = \"Movisie\"\nwebsit = \"https://www.movisie.nl\"\n"
    );
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:12:1: error: unknown key `websit` in `owner` (did you mean `website`?)"
    );
}

#[test]
fn missing_required_field() {
    let text = VALID.replace("approach = \"Wekelijks wandelen.\"\n", "");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:1:1: error: missing required key `approach`"
    );
}

#[test]
fn missing_required_field_in_a_recognition() {
    let text = format!("{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:10:1: error: missing required key `level` in `recognitions[1]`"
    );
}

#[test]
fn wrong_type() {
    let text = VALID.replace("themes = [\"eenzaamheid\"]", "themes = \"eenzaamheid\"");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:3:10: error: `themes` must be a list, like [\"a\", \"b\"], not text"
    );
    let text = format!("{VALID}age = {{ min = \"zestig\" }}\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:9:15: error: `age.min` must be a whole number, not text"
    );
}

#[test]
fn number_out_of_range() {
    let text = format!("{VALID}age = {{ min = 300 }}\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:9:15: error: `age.min` is 300; it must be between 0 and 120"
    );
}

#[test]
fn unknown_status_with_suggestion() {
    let text = format!("{VALID}status = \"actif\"\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:9:10: error: `status` cannot be \"actif\" (did you mean `actief`?); use one of \"actief\", \"in ontwikkeling\", \"niet meer beschikbaar\""
    );
}

#[test]
fn unknown_vocabulary_id_with_suggestion() {
    let text = VALID.replace("[\"eenzaamheid\"]", "[\"eenzaamheid\", \"schulden\"]");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:3:26: error: unknown theme \"schulden\" (did you mean `schulden-en-armoede`?); the ids are: eenzaamheid, schulden-en-armoede"
    );
}

#[test]
fn unknown_vocabulary_id_in_every_vocabulary_field() {
    let text = format!(
        "{VALID}laws = [\"wmo2015\"]\ncarried_out_by = [\"vrijwilligers\"]\nsettings = [\"wijk\"]\nprevention_level = \"selectieve\"\n"
    );
    let errors = errors_of(&[("wandelclub.toml", &text)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:9:9: error: unknown law \"wmo2015\" (did you mean `wmo`?); the ids are: wmo",
            "wandelclub.toml:10:19: error: unknown carried_out_by value \"vrijwilligers\" (did you mean `vrijwilliger`?); the ids are: vrijwilliger",
            "wandelclub.toml:11:13: error: unknown setting \"wijk\" (did you mean `wijkteam`?); the ids are: wijkteam",
            "wandelclub.toml:12:20: error: unknown prevention level \"selectieve\" (did you mean `selectief`?); the ids are: selectief",
        ]
    );
}

#[test]
fn unknown_recognition_level() {
    let text =
        format!("{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"goed onderbouwd\"\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:12:9: error: unknown recognition level \"goed onderbouwd\" (did you mean `goed-onderbouwd`?); the ids are: niet-beoordeeld, goed-onderbouwd"
    );
}

#[test]
fn unknown_related_slug_with_suggestion() {
    let other = VALID.replace("Wandelclub", "Buurtkamer");
    let text = format!("{VALID}related = [\"buurtkamr\"]\n");
    let errors = errors_of(&[("wandelclub.toml", &text), ("buurtkamer.toml", &other)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:9:12: error: unknown method `buurtkamr` in `related` (did you mean `buurtkamer`?)"
        ]
    );
}

#[test]
fn bad_dates() {
    let text = VALID.replace("2025-06-01", "\"2025-13-01\"");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:7:17: error: `last_reviewed` has an invalid date \"2025-13-01\": write it like 2024-05-31"
    );
    let text = VALID.replace("2025-06-01", "2025-06-01T10:00:00");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:7:17: error: `last_reviewed` must be a date without a time, like 2024-05-31"
    );
    let text = VALID.replace("2025-06-01", "2027-01-01");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:7:17: error: `last_reviewed` (2027-01-01) is in the future"
    );
}

#[test]
fn a_recognition_level_needs_a_date_or_date_unknown() {
    let undated =
        format!("{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"goed-onderbouwd\"\n");
    assert_eq!(
        one_error(&undated),
        "wandelclub.toml:12:9: error: a recognition level needs the `date` of the judgement, so that its expiry can be checked; if no source gives the date, write `date_unknown = true`"
    );
    // Saying so explicitly is accepted, and the recognition stays current.
    let (_dir, result) = load(&[(
        "wandelclub.toml",
        &format!("{undated}date_unknown = true\n"),
    )]);
    let catalogue = result.expect("an explicitly undated recognition is valid");
    let method = catalogue.get("wandelclub").unwrap();
    assert!(method.recognitions[0].date_unknown);
    // "Not assessed" has no judgement to date.
    let not_assessed =
        format!("{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"niet-beoordeeld\"\n");
    assert!(load(&[("wandelclub.toml", &not_assessed)]).1.is_ok());
    // Both a date and date_unknown contradict each other.
    let both = format!("{undated}date = 2024-01-01\ndate_unknown = true\n");
    assert_eq!(
        one_error(&both),
        "wandelclub.toml:14:16: error: `date_unknown = true` beside a `date`: remove one of the two"
    );
}

#[test]
fn valid_until_before_date() {
    let text = format!(
        "{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"goed-onderbouwd\"\ndate = 2024-01-01\nvalid_until = 2023-01-01\n"
    );
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:14:15: error: `valid_until` (2023-01-01) is before the recognition `date` (2024-01-01): check both dates"
    );
}

#[test]
fn non_http_urls() {
    // Without the fixture's own sources line: this one adds a `[[sources]]` table.
    let valid = VALID.replace("sources = [{ title = \"Wandelen in de wijk\" }]\n", "");
    let text = format!(
        "{valid}\n[[sources]]\ntitle = \"Bron\"\nurl = \"javascript:alert(1)\"\n\n[owner]\norganisation = \"X\"\nwebsite = \"www.example.org\"\n"
    );
    let errors = errors_of(&[("wandelclub.toml", &text)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:11:7: error: `sources[1].url` must be a web address starting with https:// or http://, not \"javascript:alert(1)\"",
            "wandelclub.toml:15:11: error: `owner.website` must be a web address starting with https:// or http://, not \"www.example.org\"",
        ]
    );
}

#[test]
fn summary_too_long() {
    let long = "Samen wandelen. ".repeat(20);
    let text = VALID.replace("Samen wandelen tegen eenzaamheid.", long.trim());
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:2:11: error: `summary` is 319 characters long; shorten it to at most 300"
    );
}

#[test]
fn empty_required_text_and_lists() {
    let text = VALID
        .replace("name = \"Wandelclub\"", "name = \"\"")
        .replace("[\"ouderen\"]", "[]");
    let errors = errors_of(&[("wandelclub.toml", &text)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:1:8: error: `name` must not be empty",
            "wandelclub.toml:4:17: error: `target_groups` is empty: list at least 1",
        ]
    );
}

#[test]
fn duplicate_names() {
    let other = VALID.replace("Wandelclub", "wandelclub!");
    let errors = errors_of(&[("wandelclub.toml", VALID), ("wandelclub-2.toml", &other)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:1:8: error: the name \"Wandelclub\" is already used by `wandelclub-2`: names must be unique"
        ]
    );
}

#[test]
fn duplicate_vocabulary_and_related_entries() {
    let other = VALID.replace("Wandelclub", "Buurtkamer") + "related = [\"wandelclub\"]\n";
    let text = VALID.replace("[\"eenzaamheid\"]", "[\"eenzaamheid\", \"eenzaamheid\"]")
        + "related = [\"buurtkamer\", \"buurtkamer\"]\n";
    let errors = errors_of(&[("wandelclub.toml", &text), ("buurtkamer.toml", &other)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:3:26: error: \"eenzaamheid\" is listed twice in `themes`: remove one",
            "wandelclub.toml:9:26: error: `buurtkamer` is listed twice in `related`: remove one",
        ]
    );
}

#[test]
fn bad_file_name() {
    let errors = errors_of(&[("Wandel Club.toml", VALID)]);
    assert_eq!(
        errors,
        [
            "Wandel Club.toml:1:1: error: the file name is the method's slug and may hold only lowercase letters, digits and hyphens (rename it to `wandel-club.toml`)"
        ]
    );
}

#[test]
fn not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_vocabularies.toml"), VOCABULARIES).unwrap();
    let mut bytes = VALID.as_bytes().to_vec();
    bytes.extend_from_slice(b"problem = \"caf\xe9\"\n");
    std::fs::write(dir.path().join("wandelclub.toml"), bytes).unwrap();
    let errors = headlines(
        dir.path(),
        &Catalogue::load_with(dir.path(), LoadOptions { today: today() }).unwrap_err(),
    );
    assert_eq!(
        errors,
        ["wandelclub.toml:9:15: error: the file is not valid UTF-8 here: save it as UTF-8"]
    );
}

#[test]
fn warning_for_a_method_without_sources() {
    let text = VALID.replace("sources = [{ title = \"Wandelen in de wijk\" }]\n", "");
    let (dir, result) = load(&[("wandelclub.toml", &text)]);
    let catalogue = result.expect("warnings do not stop loading");
    assert_eq!(
        headlines(dir.path(), catalogue.warnings()),
        [
            "wandelclub.toml:1:8: warning: no sources: add at least one `[[sources]]` (title, and a URL where there is one) so that readers and reviewers can check the description"
        ]
    );
}

#[test]
fn warnings_for_expired_recognition_and_stale_review() {
    let text = VALID.replace("2025-06-01", "2022-06-01")
        + "\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"goed-onderbouwd\"\ndate = 2020-03-01\n";
    let (dir, result) = load(&[("wandelclub.toml", &text)]);
    let catalogue = result.expect("warnings do not stop loading");
    assert_eq!(
        headlines(dir.path(), catalogue.warnings()),
        [
            "wandelclub.toml:7:17: warning: last reviewed on 2022-06-01, more than 3 years ago: check the description and update `last_reviewed`",
            "wandelclub.toml:13:8: warning: the recognition \"Goed onderbouwd\" expired on 2025-03-01: ask the owner about re-assessment, or record the new recognition",
        ]
    );
    // The five-year validity is filled in for users of the library too.
    let recognition = &catalogue.get("wandelclub").unwrap().recognitions[0];
    assert_eq!(recognition.valid_until, Date::from_ymd(2025, 3, 1));
    assert!(recognition.is_expired(today()));
}

#[test]
fn conditional_recognition_lasts_half_a_year() {
    let text = format!(
        "{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"goed-onderbouwd\"\ndate = 2026-08-31\nconditional = true\n"
    );
    let (_dir, result) = load(&[("wandelclub.toml", &text)]);
    let catalogue = result.unwrap();
    let recognition = &catalogue.get("wandelclub").unwrap().recognitions[0];
    assert_eq!(recognition.valid_until, Date::from_ymd(2027, 2, 28));
}

#[test]
fn all_problems_of_all_files_in_one_run() {
    let first = VALID.replace("aim =", "doel =");
    let second = VALID
        .replace("Wandelclub", "Buurtkamer")
        .replace("[\"ouderen\"]", "[\"oudere\"]")
        + "related = [\"wandelclub\", \"koffie\"]\n";
    let third = VALID.replace("Wandelclub", "Koffie\"");
    let errors = errors_of(&[("a.toml", &first), ("b.toml", &second), ("c.toml", &third)]);
    assert_eq!(
        errors,
        [
            "a.toml:1:1: error: missing required key `aim`",
            "a.toml:5:1: error: unknown key `doel` (did you mean `aim`?)",
            "b.toml:4:18: error: unknown target group \"oudere\" (did you mean `ouderen`?); the ids are: ouderen",
            "b.toml:9:12: error: unknown method `wandelclub` in `related`",
            "b.toml:9:26: error: unknown method `koffie` in `related`",
            "c.toml:1:16: error: invalid TOML: unexpected key or value, expected newline, `#`",
        ]
    );
}

#[test]
fn missing_vocabularies() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("wandelclub.toml"), VALID).unwrap();
    let errors = headlines(dir.path(), &Catalogue::load(dir.path()).unwrap_err());
    assert_eq!(
        errors,
        [
            "_vocabularies.toml:1:1: error: missing _vocabularies.toml: the catalogue folder needs its vocabularies (themes, target groups, …)"
        ]
    );
}

#[test]
fn every_vocabulary_problem_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let broken = VOCABULARIES
        .replace("label = \"Eenzaamheid\"", "label = \"\"")
        .replace("id = \"ouderen\"", "id = \"Ouderen!\"\nextra = 1");
    std::fs::write(dir.path().join("_vocabularies.toml"), broken).unwrap();
    std::fs::write(dir.path().join("wandelclub.toml"), VALID).unwrap();
    let errors = headlines(dir.path(), &Catalogue::load(dir.path()).unwrap_err());
    // The unknown key no longer hides the id and label problems until a second run.
    assert!(
        errors.iter().any(|e| e.contains("unknown key `extra`")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("the label of \"eenzaamheid\" is empty")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("id \"Ouderen!\" may hold only")),
        "{errors:#?}"
    );
}

#[test]
fn diagnostics_show_the_line_and_a_caret() {
    let text = VALID.replace("[\"eenzaamheid\"]", "[\"eenzaamhied\"]");
    let (_dir, result) = load(&[("wandelclub.toml", &text)]);
    let shown = result.unwrap_err().to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[1], " 3 | themes = [\"eenzaamhied\"]");
    assert_eq!(lines[2], "   |           ^^^^^^^^^^^^^");
}

#[test]
fn warnings_for_one_sided_related_links_and_similar_names() {
    let a = format!("{VALID}related = [\"buurtkamer\"]\naliases = [\"Buurt-kamer\"]\n");
    let b = VALID.replace("Wandelclub", "Buurtkamer");
    let c = VALID.replace("Wandelclub", "Wandelclubs");
    let (dir, result) = load(&[
        ("wandelclub.toml", &a),
        ("buurtkamer.toml", &b),
        ("wandelclubs.toml", &c),
    ]);
    let catalogue = result.expect("warnings do not stop loading");
    assert_eq!(
        headlines(dir.path(), catalogue.warnings()),
        [
            "wandelclub.toml:9:12: warning: `buurtkamer` does not list `wandelclub` in its `related`: add it there too, or remove it here",
            "wandelclub.toml:10:12: warning: \"Buurt-kamer\" is the same as \"Buurtkamer\" of `buurtkamer`: is this the same method? Merge them, or make the names distinct",
            "wandelclubs.toml:1:8: warning: \"Wandelclubs\" is very close to \"Wandelclub\" of `wandelclub`: is this the same method? Merge them, or make the names distinct",
        ]
    );
}
