//! Writes a synthetic catalogue to a folder, as TOML files an editor could have written, for
//! benchmarks of the whole pipeline (`scripts/bench-site.sh`):
//!
//! ```sh
//! cargo run --release -p methodewijzer --features synthetic --example synthetic -- 10000 /tmp/synthetic [zipf]
//! ```
//!
//! With `zipf`, words are drawn as in real text ([`synthetic::Words::Zipf`]).

use std::path::PathBuf;

use methodewijzer::{VOCABULARIES_FILE, Vocabularies, synthetic};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "synthetic".into()));
    let words = match args.next().as_deref() {
        Some("zipf") => synthetic::Words::Zipf,
        _ => synthetic::Words::Uniform,
    };
    let shipped = PathBuf::from(ROOT).join("interventions");
    let vocab = Vocabularies::load(shipped.join(VOCABULARIES_FILE)).expect("vocabularies");
    std::fs::create_dir_all(&out).expect("output folder");
    std::fs::copy(shipped.join(VOCABULARIES_FILE), out.join(VOCABULARIES_FILE))
        .expect("vocabularies");
    for method in synthetic::methods_with(n, &vocab, 7, words) {
        let text = toml::to_string(&method).expect("a method serializes");
        std::fs::write(out.join(format!("{}.toml", method.slug)), text).expect("write");
    }
    println!("wrote {n} methods to {}", out.display());
}
