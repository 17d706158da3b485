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
            .search(&SearchRequest::new(q).limit(catalogue.len()))
            .hits
            .into_iter()
            .map(|h| h.slug)
            .collect()
    })
}

/// Mean over the queries of the best F1 a cut of the full ranking (match floor 0) can give,
/// and of the best with recall at least 0.85.
fn oracle_cut(catalogue: &Catalogue, judgments: &Judgments) -> (f64, f64) {
    let options = IndexOptions {
        match_floor: 0.0,
        ..IndexOptions::default()
    };
    let index = SearchIndex::build_with_options(catalogue, options);
    let (mut best_sum, mut recall_sum, mut queries) = (0.0, 0.0, 0.0);
    for query in &judgments.queries {
        let relevant = query.judgments.values().filter(|&&g| g >= 1).count() as f64;
        if relevant == 0.0 {
            continue;
        }
        let request = SearchRequest::new(&query.text).limit(catalogue.len());
        let (mut found, mut best, mut at_recall) = (0.0, 0.0f64, 0.0f64);
        for (k, hit) in index.search(&request).hits.iter().enumerate() {
            if query.judgments.get(&hit.slug).is_some_and(|&g| g >= 1) {
                found += 1.0;
            }
            let (precision, recall) = (found / (k + 1) as f64, found / relevant);
            let f1 = if found == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            };
            best = best.max(f1);
            if recall >= 0.85 {
                at_recall = at_recall.max(f1);
            }
        }
        best_sum += best;
        recall_sum += at_recall;
        queries += 1.0;
    }
    (best_sum / queries, recall_sum / queries)
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
    let old_weights = [2.0, 1.5, 1.5, 1.0, 0.7];
    // A variant that differs from the chosen options only in its field weights.
    let weighted = |weights: [f32; 5]| IndexOptions { weights, ..default };
    let variants = [
        (
            "chosen (guarded stem, compounds, core 2, floor 0.4, related 0 / 0.1 / 0.2 / 0.3, coordination 1, tie 0.7)",
            default,
        ),
        // How a query's words combine: covering more of the query (coordination) and how
        // much a typed word's thesaurus words add beyond the best of them (tie).
        (
            "coordination 0 (scores only summed)",
            IndexOptions {
                coordination: 0.0,
                ..default
            },
        ),
        (
            "coordination 0.5",
            IndexOptions {
                coordination: 0.5,
                ..default
            },
        ),
        (
            "coordination 2",
            IndexOptions {
                coordination: 2.0,
                ..default
            },
        ),
        (
            "tie 1 (every thesaurus word adds in full)",
            IndexOptions {
                expansion_tie: 1.0,
                ..default
            },
        ),
        (
            "tie 0 (only a concept's best clause)",
            IndexOptions {
                expansion_tie: 0.0,
                ..default
            },
        ),
        (
            "tie 0.3",
            IndexOptions {
                expansion_tie: 0.3,
                ..default
            },
        ),
        (
            "tie 0.5 (before 2026-11-27)",
            IndexOptions {
                expansion_tie: 0.5,
                ..default
            },
        ),
        (
            "coordination 0, tie 1 (the ranking before 2026-11-26)",
            IndexOptions {
                coordination: 0.0,
                expansion_tie: 1.0,
                ..default
            },
        ),
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
            "match floor 0 (every shared word counts)",
            IndexOptions {
                match_floor: 0.0,
                ..default
            },
        ),
        (
            "floor 0.25 alone (the rule before)",
            IndexOptions {
                match_floor: 0.25,
                near_floors: &[],
                ..default
            },
        ),
        (
            "floor 0.2 alone",
            IndexOptions {
                match_floor: 0.2,
                near_floors: &[],
                ..default
            },
        ),
        (
            "floor 0.3 alone",
            IndexOptions {
                match_floor: 0.3,
                near_floors: &[],
                ..default
            },
        ),
        (
            "floor 0.4 alone",
            IndexOptions {
                match_floor: 0.4,
                near_floors: &[],
                ..default
            },
        ),
        (
            "floor 0.4, twelve related from 0.2 (the rule before)",
            IndexOptions {
                match_floor: 0.4,
                near_floors: &[0.2; 12],
                ..default
            },
        ),
        (
            "floor 0.4, related 0.05 / 0.14 / 0.23 / 0.31",
            IndexOptions {
                match_floor: 0.4,
                near_floors: &[0.05, 0.1375, 0.225, 0.3125],
                ..default
            },
        ),
        (
            "floor 0.45, related 0 / 0.075 / 0.15 / 0.225 / 0.3 / 0.375",
            IndexOptions {
                match_floor: 0.45,
                near_floors: &[0.0, 0.075, 0.15, 0.225, 0.3, 0.375],
                ..default
            },
        ),
        (
            "floor 0.5, related 0 / 0.1 / 0.2 / 0.3",
            IndexOptions {
                match_floor: 0.5,
                near_floors: &[0.0, 0.1, 0.2, 0.3],
                ..default
            },
        ),
        (
            "floor 0.4, related 0 / 0.1 (two)",
            IndexOptions {
                match_floor: 0.4,
                near_floors: &[0.0, 0.1],
                ..default
            },
        ),
        (
            "floor 0.4, related 0 / 0.05 / … / 0.35 (eight)",
            IndexOptions {
                match_floor: 0.4,
                near_floors: &[0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35],
                ..default
            },
        ),
        (
            "weights 2 / 1.5 / 1.5 / 1 / 0.7, floor 0 (before)",
            IndexOptions {
                weights: old_weights,
                match_floor: 0.0,
                ..default
            },
        ),
        (
            "weights 2 / 1.5 / 1.5 / 1 / 0.7",
            IndexOptions {
                weights: old_weights,
                ..default
            },
        ),
        (
            "name 4, summary 2, rest 1",
            weighted([4.0, 2.0, 1.0, 1.0, 1.0]),
        ),
        ("body 0.5", weighted([1.0, 1.0, 1.0, 2.0, 0.5])),
        ("labels 2", weighted([1.0, 1.0, 2.0, 2.0, 1.0])),
        // The fields that say when to use a method (problem, indications, with aim and
        // effective elements in `core`; target groups in `labels`): the chosen core 2 against
        // less and other weight.
        (
            "core 1 (every field 1)",
            weighted([1.0, 1.0, 1.0, 1.0, 1.0]),
        ),
        ("core 1.5", weighted([1.0, 1.0, 1.0, 1.5, 1.0])),
        ("core 3", weighted([1.0, 1.0, 1.0, 3.0, 1.0])),
        ("labels 1.5, core 1.5", weighted([1.0, 1.0, 1.5, 1.5, 1.0])),
    ];
    println!(
        "{:<80} {:>8} {:>7} {:>6} {:>6} {:>12} {:>10} {:>8} {:>8}",
        "variant",
        "nDCG@10",
        "MRR",
        "F1",
        "recall",
        "blind nDCG",
        "blind MRR",
        "blind F1",
        "recall"
    );
    for (name, options) in variants {
        let r = report(&catalogue, &judgments, options);
        let b = report(&catalogue, &blind, options);
        println!(
            "{name:<80} {:>8.3} {:>7.3} {:>6.3} {:>6.3} {:>12.3} {:>10.3} {:>8.3} {:>8.3}",
            r.ndcg(),
            r.mrr(),
            r.f1(),
            r.recall(),
            b.ndcg(),
            b.mrr(),
            b.f1(),
            b.recall()
        );
    }

    // What a rule for the counted set could do on this ranking: per query, the cut that gives
    // the highest F1 (also with that query's recall at least 0.85), as if it knew the
    // judgments. A guide to how far a better cut could go, not a strict bound on mean F1 at
    // mean recall (an oracle could trade recall between queries).
    println!("\nthe counted set cut where the judgments say is best (an oracle, per query)");
    for (name, set) in [("training", &judgments), ("blind", &blind)] {
        let (best, at_recall) = oracle_cut(&catalogue, set);
        println!("  {name:<9} F1 {best:.3}; with the query's recall ≥ 0.85 F1 {at_recall:.3}");
    }

    // What the Dutch stemmer (tantivy 0.27, Snowball 3) makes of words the catalogue uses.
    let mut analyzer = SearchIndex::build(&catalogue).analyzer().clone();
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
