//! The Methodewijzer site generator, behind the `methodewijzer` command.
//!
//! [`site`] renders the static site from a catalogue and `site/` (templates, strings, static
//! files, pages) and writes it safely; [`serve`] is the live preview for editors. The HTTP and
//! file-watching code lives here, not in the `methodewijzer` library, so that programs that
//! only read the catalogue do not pull it in.

pub mod serve;
pub mod site;

/// Prints `diagnostics` to stderr through one buffer: stderr is unbuffered, and a large
/// catalogue can have thousands of warnings, each written in several pieces.
pub fn eprint_diagnostics(diagnostics: &methodewijzer::Diagnostics) {
    use std::io::Write;
    let mut stderr = std::io::BufWriter::new(std::io::stderr().lock());
    // Nothing sensible is left to do when stderr itself cannot be written.
    let _ = write!(stderr, "{diagnostics}").and_then(|()| stderr.flush());
}
