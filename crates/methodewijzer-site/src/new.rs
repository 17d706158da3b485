//! `methodewijzer new "Naam"`: start a method file from `interventions/_template.toml`.

use std::path::Path;
use std::process::ExitCode;

/// The template a new method starts from, inside the catalogue folder.
pub const TEMPLATE_FILE: &str = "_template.toml";

/// Creates `<dir>/<slug>.toml` for `name`; never overwrites.
pub fn run(dir: &Path, name: &str) -> ExitCode {
    let name = name.trim();
    let slug = methodewijzer::slugify(name);
    if slug.is_empty() || name.chars().any(char::is_control) {
        eprintln!("error: give the method's name, e.g. methodewijzer new \"Buurtkamer\"");
        return ExitCode::from(2);
    }
    let path = dir.join(format!("{slug}.toml"));
    if path.exists() {
        eprintln!(
            "error: {} already exists; nothing was changed. Edit that file, or choose another name.",
            path.display()
        );
        return ExitCode::FAILURE;
    }
    let template_path = dir.join(TEMPLATE_FILE);
    let template = match std::fs::read_to_string(&template_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {}: {e}", template_path.display());
            return ExitCode::FAILURE;
        }
    };
    let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
    let text = template
        .replace("{{name}}", &escaped)
        .replace("{{date}}", &crate::site::build_date().to_string());
    // `create_new` refuses to replace a file that appeared in the meantime.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    if let Err(e) = written {
        eprintln!("error: {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    println!("Aangemaakt: {}", path.display());
    println!();
    println!("Volgende stappen:");
    println!(
        "  1. Vul in {} de verplichte velden in: summary, themes,",
        path.display()
    );
    println!("     target_groups, aim en approach. Optionele velden staan er als commentaar bij.");
    println!("  2. Controleer:  cargo run -- check");
    println!(
        "  3. Bekijk:      cargo run --release -- serve   (dan http://127.0.0.1:8000/methoden/{slug}/)"
    );
    println!("  4. Open een pull request; zie interventions/README.md.");
    ExitCode::SUCCESS
}
