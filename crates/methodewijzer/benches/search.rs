//! Search benchmarks: building the index and answering the judged queries, on synthetic
//! catalogues of 1,000 and 10,000 methods. Run with `cargo bench -p methodewijzer`.
//!
//! Besides criterion's timings, the run ends with per-query latency percentiles (p50, p99)
//! at 10,000 methods, the figure BENCHMARKS.md tracks.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use methodewijzer::relevance::Judgments;
use methodewijzer::search::SearchIndex;
use methodewijzer::{SearchRequest, synthetic};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn vocabularies() -> methodewijzer::Vocabularies {
    methodewijzer::Vocabularies::load(format!("{ROOT}/interventions/_vocabularies.toml"))
        .expect("shipped vocabularies")
}

fn queries() -> Vec<String> {
    let judgments =
        Judgments::load(format!("{ROOT}/tests/relevance/queries.toml")).expect("judgments");
    judgments.queries.into_iter().map(|q| q.text).collect()
}

fn bench_index(c: &mut Criterion, vocab: &methodewijzer::Vocabularies) {
    let mut group = c.benchmark_group("index_build");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let catalogue = synthetic::catalogue(n, vocab, 7);
        group.bench_with_input(
            BenchmarkId::from_parameter(n),
            &catalogue,
            |b, catalogue| b.iter(|| black_box(SearchIndex::build(catalogue))),
        );
    }
    group.finish();
}

fn bench_queries(c: &mut Criterion, vocab: &methodewijzer::Vocabularies, queries: &[String]) {
    let mut group = c.benchmark_group("query_mix");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let index = SearchIndex::build(&synthetic::catalogue(n, vocab, 7));
        group.bench_with_input(BenchmarkId::from_parameter(n), &index, |b, index| {
            b.iter(|| {
                for q in queries {
                    black_box(index.search(&SearchRequest::new(q.as_str())));
                }
            })
        });
    }
    group.finish();
}

/// p50 and p99 of single queries at 10,000 methods, each judged query run 50 times.
fn percentiles(vocab: &methodewijzer::Vocabularies, queries: &[String]) {
    let catalogue = synthetic::catalogue(10_000, vocab, 7);
    let start = Instant::now();
    let index = SearchIndex::build(&catalogue);
    let build = start.elapsed();
    // The first query merges the index's segments into one: timed apart, like the build.
    let start = Instant::now();
    black_box(index.search(&SearchRequest::new("eenzaamheid")));
    let merge = start.elapsed();
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..50 {
        for q in queries {
            let start = Instant::now();
            black_box(index.search(&SearchRequest::new(q.as_str())));
            times.push(start.elapsed());
        }
    }
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "\n10,000 methods: index built in {build:?}, first query (merges) {merge:?}; {} queries: p50 {:?}, p95 {:?}, p99 {:?}, max {:?}",
        times.len(),
        at(0.50),
        at(0.95),
        at(0.99),
        times[times.len() - 1]
    );
}

fn main() {
    let vocab = vocabularies();
    let queries = queries();
    let mut c = Criterion::default().configure_from_args();
    bench_index(&mut c, &vocab);
    bench_queries(&mut c, &vocab, &queries);
    c.final_summary();
    percentiles(&vocab, &queries);
}
