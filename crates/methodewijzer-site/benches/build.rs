//! Site build benchmarks. `cargo bench -p methodewijzer-site`
//!
//! `render/shipped` is what `serve` does after a file changes: load and validate the whole
//! catalogue and render every page in memory (the target is under 300 ms). The full build of
//! 10,000 synthetic methods, with its peak memory, is measured by `scripts/bench-site.sh`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::Criterion;
use methodewijzer_site::site::{BuildOptions, render};

fn main() {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let options = BuildOptions {
        catalogue: root.join("interventions"),
        site: root.join("site"),
        base_url: None,
        inject: None,
    };
    let mut c = Criterion::default().configure_from_args();
    c.bench_function("render/shipped", |b| {
        b.iter(|| black_box(render(&options).expect("the shipped site builds")))
    });
    c.final_summary();
}
