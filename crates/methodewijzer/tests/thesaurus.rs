//! The thesaurus in `_synonyms.toml`: synonyms find each other, a narrower concept also finds
//! its broader one (lower) but not the reverse, and `check` keeps the file sound.

use methodewijzer::search::IndexOptions;
use methodewijzer::{Catalogue, SearchIndex, SearchRequest};

mod support;

fn method(name: &str, text: &str) -> String {
    format!(
        "name = \"{name}\"\nsummary = \"{text}\"\nthemes = [\"eenzaamheid\"]\ntarget_groups = [\"ouderen\"]\naim = \"{text}\"\napproach = \"Wekelijks samenkomen.\"\nlast_reviewed = 2025-06-01\nsources = [{{ title = \"Bron\" }}, {{ title = \"Tweede bron\" }}]\n"
    )
}

fn catalogue(synonyms: &str) -> Result<Catalogue, Vec<String>> {
    let dir = support::catalogue_dir(
        Some(synonyms),
        &[
            (
                "wandelclub.toml".into(),
                method("Wandelclub", "Samen wandelen tegen vereenzaming."),
            ),
            (
                "rouwgroep.toml".into(),
                method("Rouwgroep", "Lotgenoten voor wie een weduwe is geworden."),
            ),
        ],
    );
    Catalogue::load(dir.path()).map_err(|d| {
        d.iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect()
    })
}

const THESAURUS: &str = r#"
[[groups]]
id = "eenzaamheid"
words = ["eenzaamheid", "vereenzaming"]

[[groups]]
id = "weduwe"
words = ["weduwe", "weduwnaar"]
broader = ["eenzaamheid"]
"#;

/// The index with the match floor alone: in a catalogue of two methods each is the other's
/// related method, which counts from any score when the other is the best match.
fn index(catalogue: &Catalogue) -> SearchIndex {
    let options = IndexOptions {
        near_floors: &[],
        ..IndexOptions::default()
    };
    SearchIndex::build_with_options(catalogue, options)
}

fn found(catalogue: &Catalogue, query: &str) -> Vec<String> {
    index(catalogue)
        .search(&SearchRequest::new(query).limit(10))
        .hits
        .into_iter()
        .map(|h| h.slug)
        .collect()
}

#[test]
fn a_narrower_concept_finds_the_broader_one_lower_and_not_the_reverse() {
    let catalogue = catalogue(THESAURUS).expect("valid");
    // "weduwnaar" is in no text: its synonym finds the rouwgroep, its broader concept the
    // wandelclub (vereenzaming), ranked below.
    let results = index(&catalogue).search(&SearchRequest::new("weduwnaar"));
    let order: Vec<&str> = results.hits.iter().map(|h| h.slug.as_str()).collect();
    assert_eq!(order, ["rouwgroep", "wandelclub"]);
    assert!(results.hits[0].score > results.hits[1].score);
    // Loneliness does not bring in everything about widowhood.
    assert_eq!(found(&catalogue, "eenzaamheid"), ["wandelclub"]);
}

#[test]
fn check_keeps_the_thesaurus_sound() {
    let errors = catalogue(
        r#"
[[groups]]
id = "a"
words = ["eenzaamheid", "vereenzaming"]
broader = ["b"]

[[groups]]
id = "b"
words = ["weduwe", "weduwnaar"]
broader = ["a", "bestaat-niet"]

[[groups]]
id = "c"
words = ["rouw", "de"]

[[groups]]
words = ["verdriet"]

[[groups]]
words = ["faalangst"]
broader = ["a"]
"#,
    )
    .unwrap_err();
    for expected in [
        "MW325 onbekend groeps-id \"bestaat-niet\"",
        "MW326 ",
        "MW323 \"de\"",
        "MW327 \"verdriet\" staat alleen",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{expected}: {errors:#?}"
        );
    }
    // One word of a narrower concept is enough: it finds its broader concept's words.
    assert!(
        !errors.iter().any(|e| e.contains("faalangst")),
        "{errors:#?}"
    );
}
