//! `methodewijzer new "Naam"`: start a method file from `interventions/_template.toml`.

use std::path::Path;
use std::process::ExitCode;

/// The template a new method starts from, inside the catalogue folder.
pub const TEMPLATE_FILE: &str = "_template.toml";

/// The longest slug (file name without `.toml`) `new` makes: it is also a web address.
pub const MAX_SLUG: usize = 80;

/// Creates `<dir>/<slug>.toml` for `name`; never overwrites.
pub fn run(dir: &Path, name: &str) -> ExitCode {
    let name = name.trim();
    let slug = methodewijzer::slugify(name);
    let problem = if name.is_empty() {
        Some("give the method's name, e.g. methodewijzer new \"Buurtkamer\"".to_string())
    } else if name.chars().any(char::is_control) {
        Some(
            "the name contains a control character (a line break or tab?): type it on one line"
                .into(),
        )
    } else if slug.is_empty() {
        Some(format!(
            "the name {name:?} has no letters or digits to make a file name from: use the method's name in words, e.g. \"Buurtkamer\""
        ))
    } else if slug.len() > MAX_SLUG {
        Some(format!(
            "the name is too long for a file name ({} characters; at most {MAX_SLUG}): give the short name the field uses, and add the long one to `aliases` afterwards",
            slug.len()
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        eprintln!("error: {problem}");
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
    let template = match crate::site::settings::read_text(dir, &template_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
    // The name goes in last: `replace` never rescans what it inserted, so a `{{date}}` typed
    // in the name stays as typed.
    let text = template
        .replace("{{date}}", &crate::site::build_date().to_string())
        .replace("{{name}}", &escaped);
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
