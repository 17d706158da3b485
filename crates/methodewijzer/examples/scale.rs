//! Where the time goes at scale: builds a synthetic catalogue and times the index build and
//! each judged query. `cargo run --release -p methodewijzer --features synthetic --example scale -- 10000`

use std::time::Instant;

use methodewijzer::relevance::Judgments;
use methodewijzer::{SearchIndex, SearchRequest, Vocabularies, synthetic};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let vocab = Vocabularies::load(format!("{ROOT}/interventions/_vocabularies.toml")).unwrap();
    let start = Instant::now();
    let catalogue = synthetic::catalogue(n, &vocab, 7);
    println!("generate {n}: {:?}", start.elapsed());
    let start = Instant::now();
    let index = SearchIndex::build(&catalogue);
    println!("index: {:?}", start.elapsed());
    // The first query merges the index's segments into one; it is timed apart from the mix.
    let start = Instant::now();
    index.search(&SearchRequest::new("eenzaamheid"));
    println!("first query (merges the segments): {:?}", start.elapsed());
    let judgments = Judgments::load(format!("{ROOT}/tests/relevance/queries.toml")).unwrap();
    let mut times = Vec::new();
    // REPEAT=n runs the mix n times (for profiling the query path).
    let repeat: usize = std::env::var("REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for q in judgments
        .queries
        .iter()
        .cycle()
        .take(judgments.queries.len() * repeat)
    {
        let start = Instant::now();
        let results = index.search(&SearchRequest::new(q.text.as_str()));
        times.push((start.elapsed(), q.text.clone(), results.total));
    }
    times.sort();
    for (t, q, total) in times.iter().rev().take(8) {
        println!("{t:>10.2?}  {total:>6}  {q}");
    }
    let at = |share: f64| times[((times.len() as f64 * share) as usize).min(times.len() - 1)].0;
    println!(
        "p50 {:?}  p95 {:?}  p99 {:?}  max {:?}  ({} queries)",
        at(0.5),
        at(0.95),
        at(0.99),
        times[times.len() - 1].0,
        times.len()
    );
}
