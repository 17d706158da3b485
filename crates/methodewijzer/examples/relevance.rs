//! Prints the relevance report of the search on the shipped catalogue — on the judged queries
//! the engine was tuned on (`tests/relevance/queries.toml`) and on the blind set nobody tuned
//! to (`tests/relevance/blind.toml`) — and both figures for alternative analysis choices, so
//! that the choices in ARCHITECTURE.md can be checked without fitting them to the blind set:
//!
//! ```sh
//! cargo run -p methodewijzer --example relevance
//! ```

use methodewijzer::relevance::{Judgments, Report, evaluate};
use methodewijzer::search::{IndexOptions, SearchIndex, Stemming};
use methodewijzer::{Catalogue, SearchRequest};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn report(catalogue: &Catalogue, judgments: &Judgments, options: IndexOptions) -> Report {
    let index = SearchIndex::build_with_options(catalogue, options);
    evaluate(judgments, |q| {
        index
            .search(catalogue, &SearchRequest::new(q).limit(10))
            .hits
            .into_iter()
            .map(|h| h.slug)
            .collect()
    })
}

fn main() {
    let catalogue = Catalogue::load(format!("{ROOT}/interventions")).expect("shipped catalogue");
    let judgments =
        Judgments::load(format!("{ROOT}/tests/relevance/queries.toml")).expect("judgments");
    let blind = Judgments::load(format!("{ROOT}/tests/relevance/blind.toml")).expect("blind set");

    let chosen = report(&catalogue, &judgments, IndexOptions::default());
    println!(
        "Training set (queries.toml, used for tuning):\n{}",
        chosen.table()
    );
    let chosen_blind = report(&catalogue, &blind, IndexOptions::default());
    println!(
        "Blind set (blind.toml, never tuned on):\n{}",
        chosen_blind.table()
    );

    let default = IndexOptions::default();
    let variants = [
        ("chosen (guarded stem + compounds, weighted)", default),
        (
            "Snowball 3 stem as it is",
            IndexOptions {
                stemming: Stemming::Snowball,
                ..default
            },
        ),
        (
            "no stemming",
            IndexOptions {
                stemming: Stemming::None,
                ..default
            },
        ),
        (
            "no compound splitting",
            IndexOptions {
                split_compounds: false,
                ..default
            },
        ),
        (
            "neither",
            IndexOptions {
                stemming: Stemming::None,
                split_compounds: false,
                ..default
            },
        ),
        (
            "all fields weight 1",
            IndexOptions {
                weights: [1.0; 5],
                ..default
            },
        ),
        (
            "name 4, summary 2, body 0.5",
            IndexOptions {
                weights: [4.0, 2.0, 1.5, 1.0, 0.5],
                ..default
            },
        ),
        (
            "name 2, summary 1.5",
            IndexOptions {
                weights: [2.0, 1.5, 1.5, 1.0, 0.5],
                ..default
            },
        ),
        (
            "name 8, summary 3",
            IndexOptions {
                weights: [8.0, 3.0, 1.5, 1.0, 0.5],
                ..default
            },
        ),
        (
            "body 1",
            IndexOptions {
                weights: [4.0, 2.0, 1.5, 1.0, 1.0],
                ..default
            },
        ),
        (
            "name 1.5, summary 1.5, labels 1.5, body 0.8",
            IndexOptions {
                weights: [1.5, 1.5, 1.5, 1.0, 0.8],
                ..default
            },
        ),
        (
            "name 2, rest 1",
            IndexOptions {
                weights: [2.0, 1.0, 1.0, 1.0, 1.0],
                ..default
            },
        ),
        (
            "labels 3",
            IndexOptions {
                weights: [4.0, 2.0, 3.0, 1.0, 0.5],
                ..default
            },
        ),
    ];
    println!(
        "{:<44} {:>8} {:>7} {:>12} {:>10}",
        "variant", "nDCG@10", "MRR", "blind nDCG", "blind MRR"
    );
    for (name, options) in variants {
        let r = report(&catalogue, &judgments, options);
        let b = report(&catalogue, &blind, options);
        println!(
            "{name:<44} {:>8.3} {:>7.3} {:>12.3} {:>10.3}",
            r.ndcg(),
            r.mrr(),
            b.ndcg(),
            b.mrr()
        );
    }

    // What the Dutch stemmer (tantivy 0.27, Snowball 3) makes of words the catalogue uses.
    let mut analyzer = catalogue.index().analyzer().clone();
    println!("\nword → index terms");
    for word in [
        "gemeenten",
        "gemeente",
        "ouderen",
        "ouders",
        "begeleiding",
        "begeleider",
        "vrijwilligers",
        "vrijwilliger",
        "netwerken",
        "netwerkcoach",
        "jongeren",
        "gezinnen",
        "problemen",
        "psychische",
        "eenzaamheid",
        "eenzame",
        "geweld",
        "werken",
        "werkplek",
        "ervaringsdeskundige",
        "kwartiermaken",
        "daklozen",
    ] {
        println!("  {word:<22} {}", analyzer.terms(word).join(" "));
    }
}
