//! `methodewijzer new "Naam"`: start a method file from `interventions/_template.toml`.

use std::path::Path;
use std::process::ExitCode;

use methodewijzer::Msg;

/// The template a new method starts from, inside the catalogue folder.
pub const TEMPLATE_FILE: &str = "_template.toml";

/// The longest slug (file name without `.toml`) `new` makes: it is also a web address.
pub const MAX_SLUG: usize = 80;

/// Creates `<dir>/<slug>.toml` for `name`; never overwrites.
pub fn run(dir: &Path, name: &str) -> ExitCode {
    let name = name.trim();
    let slug = methodewijzer::slugify(name);
    let problem = if name.is_empty() {
        Some(Msg::NewNoName.text(&[]))
    } else if name.chars().any(char::is_control) {
        Some(Msg::NewControl.text(&[]))
    } else if slug.is_empty() {
        Some(Msg::NewNoLetters.text(&[("name", &format!("{name:?}"))]))
    } else if slug.len() > MAX_SLUG {
        Some(Msg::NewTooLong.text(&[("chars", &slug.len()), ("max", &MAX_SLUG)]))
    } else {
        None
    };
    let fail = |problem: &dyn std::fmt::Display| {
        eprintln!("{}", Msg::CliProblem.text(&[("problem", problem)]));
    };
    if let Some(problem) = problem {
        fail(&problem);
        return ExitCode::from(2);
    }
    let path = dir.join(format!("{slug}.toml"));
    if path.exists() {
        fail(&Msg::NewExists.text(&[("path", &path.display())]));
        return ExitCode::FAILURE;
    }
    let template_path = dir.join(TEMPLATE_FILE);
    let template = match crate::site::settings::read_text(dir, &template_path) {
        Ok(t) => t,
        Err(e) => {
            fail(&e);
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
        fail(&format!("{}: {e}", path.display()));
        return ExitCode::FAILURE;
    }
    println!(
        "{}",
        Msg::NewCreated.text(&[("path", &path.display()), ("slug", &slug)])
    );
    ExitCode::SUCCESS
}
