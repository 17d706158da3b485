//! Embedding the catalogue in a program of your own: load, search, read the deciding facts,
//! export. Run with `cargo run -p methodewijzer --example embed -- [folder] [query]`.

use methodewijzer::{Catalogue, Facet, LoadOptions, SearchIndex, SearchRequest};

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../interventions").to_string());
    let query = args.next().unwrap_or_else(|| "eenzaamheid ouderen".into());

    // Lenient: show what is valid even while someone's pull request has an error.
    let (catalogue, problems) = Catalogue::load_lenient(&folder, LoadOptions::default());
    if problems.has_errors() {
        eprintln!("{}: {}", folder, problems.summary());
    }
    println!("{} methods", catalogue.len());

    let index = SearchIndex::build(&catalogue);
    let results = index.search(&SearchRequest::new(query.as_str()).limit(5));
    println!("\n{} found for {query:?}:", results.total);
    for hit in &results.hits {
        println!(
            "- {} [{}] voor {}; door {}",
            hit.name,
            hit.facts.recognition_label,
            hit.facts.target_groups.join(", "),
            hit.facts.carried_out_by.join(", ")
        );
    }
    // Facet counts say where the results are, e.g. per law.
    if let Some(laws) = results.facets.iter().find(|f| f.facet == Facet::Law) {
        for value in laws.values.iter().filter(|v| v.count > 0) {
            println!("  {}: {}", value.label, value.count);
        }
    }

    let csv = methodewijzer::export::methods_csv(&catalogue);
    println!("\nmethods.csv: {} lines", csv.lines().count());
}
