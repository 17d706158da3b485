#![no_main]
//! Fuzz target `markdown`: see `../targets.rs` for what it feeds and what it asserts.

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    targets::markdown(data);
});
