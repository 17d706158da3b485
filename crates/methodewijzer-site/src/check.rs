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

/// Prints per-field coverage of the catalogue in `dir`, and the methods that fill fewer than
/// `floor` percent of the optional fields (`check --report`).
pub fn report(dir: &Path, floor: u8) -> ExitCode {
    let Some(catalogue) = methodewijzer_site::load_or_report(dir) else {
        return ExitCode::FAILURE;
    };
    let methods = catalogue.methods();
    let total = methods.len().max(1);
    let rows: Vec<[(&str, bool); 16]> = methods.iter().map(|m| m.completeness()).collect();
    println!(
        "Velden ingevuld in {} methoden ({}):\n",
        methods.len(),
        dir.display()
    );
    for (column, (field, _)) in rows.first().into_iter().flatten().enumerate() {
        let filled = rows.iter().filter(|row| row[column].1).count();
        println!(
            "  {field:<24} {filled:>4} / {:<4} {:>3} %",
            methods.len(),
            filled * 100 / total
        );
    }
    let mut below: Vec<(usize, &str, Vec<&str>)> = methods
        .iter()
        .zip(&rows)
        .map(|(m, row)| {
            let filled = row.iter().filter(|(_, f)| *f).count();
            let missing = row.iter().filter(|(_, f)| !*f).map(|(k, _)| *k).collect();
            (filled * 100 / row.len(), m.slug.as_str(), missing)
        })
        .filter(|(percent, ..)| *percent < usize::from(floor))
        .collect();
    below.sort();
    println!("\nMethoden onder {floor} %: {}", below.len());
    for (percent, slug, missing) in below {
        println!(
            "  {slug:<40} {percent:>3} %  ontbreekt: {}",
            missing.join(", ")
        );
    }
    ExitCode::SUCCESS
}
