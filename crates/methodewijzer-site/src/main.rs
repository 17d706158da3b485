//! The `methodewijzer` command: check the catalogue, search it, and (soon) build and serve
//! the site. A thin layer over the `methodewijzer` library; each subcommand is one module.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;

/// Methodewijzer: een open catalogus van bewezen methoden voor het sociaal domein.
#[derive(Debug, Parser)]
#[command(name = "methodewijzer", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 success; 1 the catalogue has errors (or warnings, \
with --deny-warnings); 2 wrong usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate every method file and report all problems at once.
    ///
    /// Errors and warnings print as `path:line:col: severity: message`, followed by the
    /// source line with a caret under the spot. Exit code 0 when there are no errors, 1 when
    /// there is at least one (or any warning, with --deny-warnings).
    Check {
        /// The catalogue folder.
        #[arg(default_value = "interventions")]
        dir: PathBuf,
        /// Treat warnings (expired recognitions, stale reviews) as errors.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Print the JSON Schema of a method file (generated from the library's types).
    ///
    /// The catalogue ships it as `interventions/_schema.json`; method files point to it on
    /// their first line (`#:schema ./_schema.json`) so that editors with a TOML extension
    /// (taplo, Even Better TOML) get completion and checks.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { dir, deny_warnings } => check::run(&dir, deny_warnings),
        Command::Schema => {
            println!("{}", methodewijzer::method_schema_json());
            ExitCode::SUCCESS
        }
    }
}
