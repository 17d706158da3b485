//! `methodewijzer check`: validate a catalogue folder and print every problem.

use std::path::Path;
use std::process::ExitCode;

use methodewijzer::Catalogue;

/// Loads the catalogue in `dir`, prints all diagnostics to stderr and a summary line.
pub fn run(dir: &Path, deny_warnings: bool) -> ExitCode {
    let (diagnostics, methods) = match Catalogue::load(dir) {
        Ok(catalogue) => (catalogue.warnings().clone(), Some(catalogue.len())),
        Err(diagnostics) => (diagnostics, None),
    };
    methodewijzer_site::eprint_diagnostics(&diagnostics);
    let failed = diagnostics.has_errors() || (deny_warnings && !diagnostics.is_empty());
    match methods {
        Some(n) if !failed => {
            eprintln!(
                "checked {n} methods in {}: {}",
                dir.display(),
                diagnostics.summary()
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{}: {}", dir.display(), diagnostics.summary());
            ExitCode::FAILURE
        }
    }
}
