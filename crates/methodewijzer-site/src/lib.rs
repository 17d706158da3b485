//! The Methodewijzer site generator, behind the `methodewijzer` command.
//!
//! [`site`] renders the static site from a catalogue and `site/` (templates, strings, static
//! files, pages) and writes it safely; [`serve`] is the live preview for editors. The HTTP and
//! file-watching code lives here, not in the `methodewijzer` library, so that programs that
//! only read the catalogue do not pull it in.

pub mod serve;
pub mod site;

/// How many problems `check` and `build` print per file; the rest are counted.
pub const DIAGNOSTICS_PER_FILE: usize = 50;

/// Prints `diagnostics` to stderr in one write (stderr is unbuffered, and a large catalogue can
/// have thousands of warnings), at most [`DIAGNOSTICS_PER_FILE`] per file.
pub fn eprint_diagnostics(diagnostics: &methodewijzer::Diagnostics) {
    use std::io::Write;
    let mut text = String::new();
    let _ = diagnostics.write_capped(&mut text, DIAGNOSTICS_PER_FILE);
    // Nothing sensible is left to do when stderr itself cannot be written.
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Loads the catalogue in `dir` for a command that needs it whole; when it has errors, prints
/// them with a summary line and returns `None` (the command then exits with 1).
pub fn load_or_report(dir: &std::path::Path) -> Option<methodewijzer::Catalogue> {
    match methodewijzer::Catalogue::load(dir) {
        Ok(catalogue) => Some(catalogue),
        Err(diagnostics) => {
            eprint_diagnostics(&diagnostics);
            let summary = diagnostics.summary();
            let line = methodewijzer::Msg::CheckFailed
                .text(&[("dir", &dir.display()), ("summary", &summary)]);
            eprintln!("{line}");
            None
        }
    }
}
