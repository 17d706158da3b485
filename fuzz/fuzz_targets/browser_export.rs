#![no_main]
//! Fuzz target `browser_export`: see `../targets.rs` for what it feeds and what it asserts.

#[path = "../targets.rs"]
mod targets;

const INTERVENTIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../interventions");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let dir = targets::scratch_folder(INTERVENTIONS.as_ref());
    targets::browser_export(&dir, data);
});
