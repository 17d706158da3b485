//! `methodewijzer check`: validate a catalogue folder, or some of its files, and print every
//! problem.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use methodewijzer::{Catalogue, Diagnostics, Msg};

/// Checks the catalogue folder in `paths`, or the method files in it against the rest of
/// their folder: an editor sees their own file's problems first and in full, and one line
/// about the others (all of them with `all`).
pub fn run(paths: &[PathBuf], deny_warnings: bool, all: bool) -> ExitCode {
    let [dir] = paths else {
        return run_files(paths, deny_warnings, all);
    };
    if dir.is_file()
        || dir
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return run_files(paths, deny_warnings, all);
    }
    run_folder(dir, deny_warnings)
}

/// Checks the named method files of one folder.
fn run_files(files: &[PathBuf], deny_warnings: bool, all: bool) -> ExitCode {
    let folder = |f: &PathBuf| {
        f.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let dir = folder(&files[0]);
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    if files
        .iter()
        .any(|f| canonical(&folder(f)) != canonical(&dir))
    {
        let problem = Msg::CheckOneFolder.text(&[]);
        eprintln!("{}", Msg::CliProblem.text(&[("problem", &problem)]));
        return ExitCode::from(2);
    }
    for file in files {
        if !file.is_file() {
            eprintln!(
                "{}",
                Msg::CheckNoSuchFile.text(&[("path", &file.display())])
            );
            return ExitCode::FAILURE;
        }
    }
    let diagnostics = match Catalogue::load(&dir) {
        Ok(catalogue) => catalogue.warnings().clone(),
        Err(diagnostics) => diagnostics,
    };
    let named: Vec<PathBuf> = files.iter().map(|f| canonical(f)).collect();
    let (mine, others): (Vec<_>, Vec<_>) = diagnostics
        .0
        .into_iter()
        .partition(|d| named.contains(&canonical(&d.path)));
    let (mine, others) = (Diagnostics(mine), Diagnostics(others));
    methodewijzer_site::eprint_diagnostics(&mine);
    if all {
        methodewijzer_site::eprint_diagnostics(&others);
    } else if !others.is_empty() {
        let summary = others.summary();
        let line = Msg::CheckOthers.text(&[("dir", &dir.display()), ("summary", &summary)]);
        eprintln!("{line}");
    }
    let failed =
        mine.has_errors() || (all && others.has_errors()) || (deny_warnings && !mine.is_empty());
    let what = if files.len() == 1 {
        files[0].display().to_string()
    } else {
        Msg::CheckFiles.text(&[("n", &files.len())])
    };
    let summary = mine.summary();
    let line = Msg::CheckedFiles.text(&[("what", &what), ("summary", &summary)]);
    eprintln!("{line}");
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Loads the catalogue in `dir`, prints all diagnostics to stderr and a summary line.
fn run_folder(dir: &Path, deny_warnings: bool) -> ExitCode {
    let (diagnostics, methods) = match Catalogue::load(dir) {
        Ok(catalogue) => (catalogue.warnings().clone(), Some(catalogue.len())),
        Err(diagnostics) => (diagnostics, None),
    };
    methodewijzer_site::eprint_diagnostics(&diagnostics);
    let failed = diagnostics.has_errors() || (deny_warnings && !diagnostics.is_empty());
    match methods {
        Some(n) if !failed => {
            let summary = diagnostics.summary();
            let line = Msg::CheckedFolder.text(&[
                ("n", &n),
                ("dir", &dir.display()),
                ("summary", &summary),
            ]);
            eprintln!("{line}");
            ExitCode::SUCCESS
        }
        _ => {
            let summary = diagnostics.summary();
            let line = Msg::CheckFailed.text(&[("dir", &dir.display()), ("summary", &summary)]);
            eprintln!("{line}");
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
    let rows: Vec<[(&str, bool); 17]> = methods.iter().map(|m| m.completeness()).collect();
    let n = methods.len();
    let heading = Msg::ReportFilled.text(&[("n", &n), ("dir", &dir.display())]);
    println!("{heading}\n");
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
    let heading = Msg::ReportBelow.text(&[("floor", &floor), ("n", &below.len())]);
    println!("\n{heading}");
    for (percent, slug, missing) in below {
        let missing = Msg::ReportMissing.text(&[("fields", &missing.join(", "))]);
        println!("  {slug:<40} {percent:>3} %  {missing}");
    }
    ExitCode::SUCCESS
}
