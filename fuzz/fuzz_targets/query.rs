#![no_main]
//! Fuzz target `query`: see `../targets.rs` for what it feeds and what it asserts.

#[path = "../targets.rs"]
mod targets;

const INTERVENTIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../interventions");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    targets::query(targets::shipped_catalogue(INTERVENTIONS.as_ref()), data);
});
