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
        .filter(|h| h.contains(": fout["))
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
        "wandelclub.toml:1:19: fout[MW106]: de tekst is niet afgesloten: zet een `\"` aan het eind van de tekst (voor een tekst van meer regels: drie, `\"\"\"`)"
    );
}

#[test]
fn unknown_key_with_suggestion() {
    let text = VALID.replace("aim =", "aimm =");
    let errors = errors_of(&[("wandelclub.toml", &text)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:1:1: fout[MW202]: de verplichte sleutel `aim` ontbreekt: voeg hem toe (zie `_template.toml`)",
            "wandelclub.toml:5:1: fout[MW201]: onbekende sleutel `aimm` (bedoelt u `aim`?): verbeter de naam, of haal de regel weg",
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
        "wandelclub.toml:12:1: fout[MW201]: onbekende sleutel `websit` in `owner` (bedoelt u `website`?): verbeter de naam, of haal de regel weg"
    );
}

#[test]
fn missing_required_field() {
    let text = VALID.replace("approach = \"Wekelijks wandelen.\"\n", "");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:1:1: fout[MW202]: de verplichte sleutel `approach` ontbreekt: voeg hem toe (zie `_template.toml`)"
    );
}

#[test]
fn missing_required_field_in_a_recognition() {
    let text = format!("{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:10:1: fout[MW202]: de verplichte sleutel `level` ontbreekt in `recognitions[1]`: voeg hem toe (zie `_template.toml`)"
    );
}

#[test]
fn wrong_type() {
    let text = VALID.replace("themes = [\"eenzaamheid\"]", "themes = \"eenzaamheid\"");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:3:10: fout[MW203]: `themes` is tekst; hier hoort een lijst, zoals [\"a\", \"b\"]"
    );
    let text = format!("{VALID}age = {{ min = \"zestig\" }}\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:9:15: fout[MW203]: `age.min` is tekst; hier hoort een heel getal"
    );
}

#[test]
fn number_out_of_range() {
    let text = format!("{VALID}age = {{ min = 300 }}\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:9:15: fout[MW207]: `age.min` is 300; het moet tussen 0 en 120 zijn"
    );
}

#[test]
fn unknown_status_with_suggestion() {
    let text = format!("{VALID}status = \"actif\"\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:9:10: fout[MW204]: `status` kan niet \"actif\" zijn (bedoelt u `actief`?); kies uit \"actief\", \"in ontwikkeling\", \"niet meer beschikbaar\""
    );
}

#[test]
fn unknown_vocabulary_id_with_suggestion() {
    let text = VALID.replace("[\"eenzaamheid\"]", "[\"eenzaamheid\", \"schulden\"]");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:3:26: fout[MW301]: thema \"schulden\" is onbekend (bedoelt u `schulden-en-armoede`?); de ids zijn: eenzaamheid, schulden-en-armoede"
    );
}

#[test]
fn an_unknown_id_that_the_thesaurus_knows_points_to_its_synonym() {
    // "senioren" is not close to `ouderen` in spelling, but the thesaurus groups them.
    let text = VALID.replace("[\"ouderen\"]", "[\"senioren\"]");
    let synonyms = "[[groups]]\nwords = [\"ouderen\", \"senioren\", \"65-plussers\"]\n";
    let errors = errors_of(&[("wandelclub.toml", &text), ("_synonyms.toml", synonyms)]);
    assert_eq!(
        errors,
        [
            "wandelclub.toml:4:18: fout[MW301]: doelgroep \"senioren\" is onbekend (bedoelt u `ouderen`?); de ids zijn: ouderen"
        ]
    );
    // Without the thesaurus there is no such hint.
    let error = one_error(&text);
    assert!(!error.contains("bedoelt"), "{error}");
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
            "wandelclub.toml:9:9: fout[MW301]: wet \"wmo2015\" is onbekend (bedoelt u `wmo`?); de ids zijn: wmo",
            "wandelclub.toml:10:19: fout[MW301]: uitvoerder (carried_out_by) \"vrijwilligers\" is onbekend (bedoelt u `vrijwilliger`?); de ids zijn: vrijwilliger",
            "wandelclub.toml:11:13: fout[MW301]: werkveld \"wijk\" is onbekend (bedoelt u `wijkteam`?); de ids zijn: wijkteam",
            "wandelclub.toml:12:20: fout[MW301]: preventieniveau \"selectieve\" is onbekend (bedoelt u `selectief`?); de ids zijn: selectief",
        ]
    );
}

#[test]
fn unknown_recognition_level() {
    let text =
        format!("{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"goed onderbouwd\"\n");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:12:9: fout[MW301]: erkenningsniveau \"goed onderbouwd\" is onbekend (bedoelt u `goed-onderbouwd`?); de ids zijn: niet-beoordeeld, goed-onderbouwd"
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
            "wandelclub.toml:9:12: fout[MW303]: onbekende methode `buurtkamr` in `related` (bedoelt u `buurtkamer`?): gebruik de bestandsnaam van de methode, zonder `.toml`"
        ]
    );
}

#[test]
fn bad_dates() {
    let text = VALID.replace("2025-06-01", "\"2025-13-01\"");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:7:17: fout[MW210]: `last_reviewed` heeft een ongeldige datum \"2025-13-01\": schrijf hem als 2024-05-31"
    );
    let text = VALID.replace("2025-06-01", "2025-06-01T10:00:00");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:7:17: fout[MW206]: `last_reviewed` moet een datum zonder tijd zijn, zoals 2024-05-31"
    );
    let text = VALID.replace("2025-06-01", "2027-01-01");
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:7:17: fout[MW409]: `last_reviewed` (2027-01-01) ligt in de toekomst: schrijf de datum waarop de beschrijving is nagekeken, uiterlijk vandaag (2026-11-23)"
    );
}

#[test]
fn a_recognition_level_needs_a_date_or_date_unknown() {
    let undated =
        format!("{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"goed-onderbouwd\"\n");
    assert_eq!(
        one_error(&undated),
        "wandelclub.toml:12:9: fout[MW405]: bij een erkenningsniveau hoort de `date` van het oordeel, zodat te zien is wanneer het verloopt; geeft geen bron de datum, schrijf dan `date_unknown = true`"
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
        "wandelclub.toml:14:16: fout[MW406]: `date_unknown = true` naast een `date`: haal één van de twee weg"
    );
}

#[test]
fn valid_until_before_date() {
    let text = format!(
        "{VALID}\n[[recognitions]]\nscheme = \"Movisie\"\nlevel = \"goed-onderbouwd\"\ndate = 2024-01-01\nvalid_until = 2023-01-01\n"
    );
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:14:15: fout[MW407]: `valid_until` (2023-01-01) ligt voor de erkenningsdatum `date` (2024-01-01): controleer beide datums"
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
            "wandelclub.toml:11:7: fout[MW211]: `sources[1].url` moet een webadres zijn dat begint met https:// of http://, niet \"javascript:alert(1)\"",
            "wandelclub.toml:15:11: fout[MW211]: `owner.website` moet een webadres zijn dat begint met https:// of http://, niet \"www.example.org\"",
        ]
    );
}

#[test]
fn summary_too_long() {
    let long = "Samen wandelen. ".repeat(20);
    let text = VALID.replace("Samen wandelen tegen eenzaamheid.", long.trim());
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:2:11: fout[MW209]: `summary` is 319 tekens lang; maak het korter, tot hoogstens 300"
    );
}

#[test]
fn situations_too_long_or_too_many() {
    // Each situation is one sentence an editor can keep short; ten is the most a page shows.
    let long = "Een oudere man zit de hele dag alleen. ".repeat(7);
    let many: Vec<String> = (1..=11)
        .map(|i| format!("\"Situatie nummer {i} van een cliënt in de wijk.\""))
        .collect();
    let text = format!("{VALID}situations = [\"{}\"]\n", long.trim());
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:9:15: fout[MW209]: `situations[1]` is 272 tekens lang; maak het korter, tot hoogstens 240"
    );
    let text = format!("{VALID}situations = [{}]\n", many.join(", "));
    assert_eq!(
        one_error(&text),
        "wandelclub.toml:9:14: fout[MW212]: `situations` noemt er 11; houd het bij hoogstens 10 (kies de duidelijkste)"
    );
    let ten = format!("{VALID}situations = [{}]\n", many[..10].join(", "));
    assert!(load(&[("wandelclub.toml", &ten)]).1.is_ok());
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
            "wandelclub.toml:1:8: fout[MW208]: `name` mag niet leeg zijn: vul de tekst in",
            "wandelclub.toml:4:17: fout[MW205]: `target_groups` is leeg: noem er minstens 1",
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
            "wandelclub.toml:1:8: fout[MW306]: de naam \"Wandelclub\" wordt al gebruikt door `wandelclub-2`: namen moeten uniek zijn"
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
            "wandelclub.toml:3:26: fout[MW302]: \"eenzaamheid\" staat twee keer in `themes`: haal er één weg",
            "wandelclub.toml:9:26: fout[MW305]: `buurtkamer` staat twee keer in `related`: haal er één weg",
        ]
    );
}

#[test]
fn bad_file_name() {
    let errors = errors_of(&[("Wandel Club.toml", VALID)]);
    assert_eq!(
        errors,
        [
            "Wandel Club.toml:1:1: fout[MW005]: de bestandsnaam is de slug van de methode en mag alleen kleine letters, cijfers en streepjes bevatten (hernoem het naar `wandel-club.toml`)"
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
        [
            "wandelclub.toml:9:15: fout[MW006]: het bestand is hier geen geldige UTF-8: sla het op als UTF-8"
        ]
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
            "wandelclub.toml:1:8: waarschuwing[MW601]: geen bronnen: voeg minstens één `[[sources]]` toe (een titel, en een URL als die er is), zodat lezers en beoordelaars de beschrijving kunnen nagaan"
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
            "wandelclub.toml:7:17: waarschuwing[MW452]: laatst nagekeken op 2022-06-01, meer dan 3 jaar geleden: kijk de beschrijving na en werk `last_reviewed` bij",
            "wandelclub.toml:13:8: waarschuwing[MW451]: de erkenning \"Goed onderbouwd\" is verlopen op 2025-03-01: vraag de eigenaar naar de herbeoordeling, of schrijf de nieuwe erkenning erbij",
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
            "a.toml:1:1: fout[MW202]: de verplichte sleutel `aim` ontbreekt: voeg hem toe (zie `_template.toml`)",
            "a.toml:5:1: fout[MW201]: onbekende sleutel `doel` (bedoelt u `aim`?): verbeter de naam, of haal de regel weg",
            "b.toml:4:18: fout[MW301]: doelgroep \"oudere\" is onbekend (bedoelt u `ouderen`?); de ids zijn: ouderen",
            "b.toml:9:12: fout[MW303]: onbekende methode `wandelclub` in `related`: gebruik de bestandsnaam van de methode, zonder `.toml`",
            "b.toml:9:26: fout[MW303]: onbekende methode `koffie` in `related`: gebruik de bestandsnaam van de methode, zonder `.toml`",
            "c.toml:1:16: fout[MW107]: hier staat iets onverwachts: zet elke sleutel op een eigen regel (`sleutel = waarde`), tekst tussen aanhalingstekens en commentaar achter een `#`",
        ]
    );
}

#[test]
fn a_dutch_date_does_not_hide_the_other_problems_of_its_file() {
    let text = VALID
        .replace("2025-06-01", "26-11-2026")
        .replace("[\"ouderen\"]", "[\"senioren\"]")
        .replace("aim =", "doel =")
        + "kosten = \"Gratis.\"\nstatus = \"actif\"\n";
    let (dir, result) = load(&[("wandelclub.toml", &text)]);
    let problems = result.unwrap_err();
    let codes: Vec<String> = problems
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.code))
        .collect();
    assert_eq!(
        codes,
        [
            "1:1 MW202",   // `aim` is missing
            "4:18 MW301",  // "senioren" is no target group
            "5:1 MW201",   // `doel`, meant `aim`
            "7:17 MW104",  // the Dutch date
            "9:1 MW201",   // `kosten`, meant `costs`
            "10:10 MW204", // "actif", meant "actief"
        ],
        "{}",
        headlines(dir.path(), &problems).join("\n")
    );
    let date = &problems.iter().find(|d| d.code == "MW104").unwrap().message;
    assert!(date.contains("schrijf de datum als 2026-11-26"), "{date}");
    let costs = &problems.iter().find(|d| d.line == 9).unwrap().message;
    assert!(costs.contains("`costs`"), "{costs}");
}

#[test]
fn missing_vocabularies() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("wandelclub.toml"), VALID).unwrap();
    let errors = headlines(dir.path(), &Catalogue::load(dir.path()).unwrap_err());
    assert_eq!(
        errors,
        [
            "_vocabularies.toml:1:1: fout[MW011]: _vocabularies.toml ontbreekt: de catalogusmap heeft zijn vaste lijsten nodig (thema's, doelgroepen, …)"
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
        errors
            .iter()
            .any(|e| e.contains("fout[MW201]: onbekende sleutel `extra`")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("fout[MW312]") && e.contains("\"eenzaamheid\"")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("fout[MW310]") && e.contains("\"Ouderen!\"")),
        "{errors:#?}"
    );
}

#[test]
fn a_target_groups_ages_cannot_be_reversed() {
    let dir = tempfile::tempdir().unwrap();
    let reversed = VOCABULARIES.replace(
        "description = \"Oud.\"",
        "description = \"Oud.\"\nage = { min = 80, max = 65 }",
    );
    std::fs::write(dir.path().join("_vocabularies.toml"), reversed).unwrap();
    std::fs::write(dir.path().join("wandelclub.toml"), VALID).unwrap();
    let errors = headlines(dir.path(), &Catalogue::load(dir.path()).unwrap_err());
    assert_eq!(
        errors,
        [
            "_vocabularies.toml:16:7: fout[MW504]: `age.min` (80) is hoger dan `age.max` (65): draai ze om"
        ]
    );
    // The right way round loads.
    let ordered = VOCABULARIES.replace(
        "description = \"Oud.\"",
        "description = \"Oud.\"\nage = { min = 65 }",
    );
    std::fs::write(dir.path().join("_vocabularies.toml"), ordered).unwrap();
    assert!(Catalogue::load(dir.path()).is_ok());
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
            "wandelclub.toml:9:12: waarschuwing[MW602]: `buurtkamer` noemt `wandelclub` niet in zijn `related`: zet hem daar ook bij, of haal hem hier weg",
            "wandelclub.toml:10:12: waarschuwing[MW603]: \"Buurt-kamer\" is hetzelfde als \"Buurtkamer\" van `buurtkamer`: is dit dezelfde methode? Voeg ze samen, of maak de namen verschillend",
            "wandelclubs.toml:1:8: waarschuwing[MW604]: \"Wandelclubs\" lijkt heel erg op \"Wandelclub\" van `wandelclub`: is dit dezelfde methode? Voeg ze samen, of maak de namen verschillend",
        ]
    );
}
