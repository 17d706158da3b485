//! Recognition states as professionals read them: a lapsed recognition is shown as lapsed
//! (not as "niet beoordeeld"), a refusal and a re-assessment are states of their own, and the
//! checks keep the record honest.

use methodewijzer::{Catalogue, Date, LoadOptions};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

const METHOD: &str = "name = \"Wandelclub\"\nsummary = \"Samen wandelen.\"\nthemes = [\"eenzaamheid\"]\ntarget_groups = [\"ouderen\"]\naim = \"Minder eenzaam.\"\napproach = \"Wandelen.\"\nlast_reviewed = 2025-06-01\nsources = [{ title = \"Bron\" }, { title = \"Tweede bron\" }]\n";

fn load(extra: &str) -> Result<Catalogue, Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{ROOT}/interventions/_vocabularies.toml"),
        dir.path().join("_vocabularies.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("wandelclub.toml"),
        format!("{METHOD}{extra}"),
    )
    .unwrap();
    let today = Date::from_ymd(2026, 11, 26).unwrap();
    Catalogue::load_with(dir.path(), LoadOptions { today }).map_err(|d| {
        d.iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} {}", d.code, d.message))
            .collect()
    })
}

fn state(extra: &str) -> String {
    let catalogue = load(extra).expect("valid");
    let method = catalogue.get("wandelclub").unwrap();
    method.recognition_level(catalogue.today()).to_string()
}

fn recognition(level: &str, rest: &str) -> String {
    format!(
        "\n[[recognitions]]\nscheme = \"Erkenningscommissie Interventies\"\nlevel = \"{level}\"\n{rest}"
    )
}

#[test]
fn states_follow_the_dates_and_the_record() {
    assert_eq!(state(""), "niet-beoordeeld");
    assert_eq!(
        state(&recognition("goed-onderbouwd", "date = 2024-01-01\n")),
        "goed-onderbouwd"
    );
    // Five years on, the recognition has lapsed: its own state, not "niet beoordeeld".
    assert_eq!(
        state(&recognition("goed-onderbouwd", "date = 2019-01-01\n")),
        "erkenning-verlopen"
    );
    // A lapsed recognition being assessed again.
    let both = recognition("goed-onderbouwd", "date = 2019-01-01\n")
        + &recognition(
            "in-herbeoordeling",
            "note = \"Bij NJi in herbeoordeling.\"\n",
        );
    assert_eq!(state(&both), "in-herbeoordeling");
    // A valid recognition counts above an older lapsed one.
    let renewed = recognition("goed-onderbouwd", "date = 2019-01-01\n")
        + &recognition("goed-beschreven", "date = 2025-01-01\n");
    assert_eq!(state(&renewed), "goed-beschreven");
    assert_eq!(
        state(&recognition(
            "niet-erkend",
            "date = 2024-01-01\nnote = \"Onvoldoende onderbouwd.\"\n"
        )),
        "niet-erkend"
    );
    // An undated recognition beside a dated, lapsed one does not make the method recognised.
    let older = recognition("goed-onderbouwd", "date_unknown = true\n")
        + &recognition("effectief-eerste-aanwijzingen", "date = 2018-12-14\n");
    assert_eq!(state(&older), "erkenning-verlopen");
    // Undated but confirmed, and nothing dated: it counts, with no expiry to judge.
    assert_eq!(
        state(&recognition("goed-onderbouwd", "date_unknown = true\n")),
        "goed-onderbouwd"
    );
}

#[test]
fn the_committee_comes_from_the_vocabulary() {
    let with = |scheme: &str| {
        format!(
            "\n[[recognitions]]\nscheme = \"{scheme}\"\nlevel = \"goed-onderbouwd\"\ndate = 2024-01-01\n"
        )
    };
    assert!(
        load(&with(
            "Erkenningscommissie Interventies (deelcommissie Jeugd)"
        ))
        .is_ok()
    );
    assert!(load(&with("Erkenningscommissie Justitiële Interventies")).is_ok());
    let errors = load(&with("Erkenningscommissie Interventie")).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("MW307") && e.contains("`Erkenningscommissie Interventies`")),
        "{errors:?}"
    );
}

#[test]
fn the_record_stays_honest() {
    let errors = load(&recognition("erkenning-verlopen", "date = 2019-01-01\n")).unwrap_err();
    assert!(errors.iter().any(|e| e.starts_with("MW403")), "{errors:?}");
    let errors = load(&recognition("niet-erkend", "date = 2024-01-01\n")).unwrap_err();
    assert!(errors.iter().any(|e| e.starts_with("MW404")), "{errors:?}");
}

#[test]
fn copies_of_documents_and_volunteers_as_target_group_are_warned_about() {
    let extra = "carried_out_by = [\"vrijwilliger\"]\n";
    let text = METHOD
        .replace(
            "target_groups = [\"ouderen\"]",
            "target_groups = [\"ouderen\", \"vrijwilligers\"]",
        )
        .replace(
            "{ title = \"Bron\" }",
            "{ title = \"Bron\", url = \"https://docplayer.nl/1-x.html\" }",
        );
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{ROOT}/interventions/_vocabularies.toml"),
        dir.path().join("_vocabularies.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("wandelclub.toml"), format!("{extra}{text}")).unwrap();
    let today = Date::from_ymd(2026, 11, 26).unwrap();
    let catalogue = Catalogue::load_with(dir.path(), LoadOptions { today }).expect("warnings only");
    let warnings: Vec<String> = catalogue
        .warnings()
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert!(
        warnings.iter().any(|w| w.starts_with("MW605")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("MW606") && w.contains("\"vrijwilligers\"")),
        "{warnings:?}"
    );
}
