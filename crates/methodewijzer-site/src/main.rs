//! The `methodewijzer` command: check the catalogue, search it, build and serve the site,
//! start a new method file. A thin layer: the catalogue, search and exports are the
//! `methodewijzer` library, the site generator and preview server this crate's library
//! (`site`, `serve`); the modules here only read arguments and print.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use methodewijzer::messages::{self, Lang, Msg};

mod check;
mod new;
mod search;

use methodewijzer_site::{serve, site};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Methodewijzer: een open catalogus van bewezen methoden voor het sociaal domein.
#[derive(Debug, Parser)]
#[command(name = "methodewijzer", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 success; 1 the catalogue has errors (or warnings, \
with --deny-warnings); 2 wrong usage."
)]
struct Cli {
    /// The language of messages: nl (Dutch, the default) or en. Without it, LC_ALL,
    /// LC_MESSAGES or LANG starting with `en` chooses English.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["nl", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

// Made once per run, so the size of its largest variant (the search filters) costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Command {
    /// Validate every method file and report all problems at once.
    ///
    /// Errors and warnings print as `path:line:col: fout[CODE]: bericht` (`error[CODE]` with
    /// --lang en), followed by the source line with a caret under the spot. Exit code 0 when there are no errors, 1 when
    /// there is at least one (or any warning, with --deny-warnings).
    Check {
        /// The catalogue folder, or method files of one folder: those are checked against the
        /// rest of their catalogue, and only their own problems are shown in full.
        #[arg(default_value = "interventions", num_args = 1..)]
        paths: Vec<PathBuf>,
        /// With method files: show the other files' problems in full too.
        #[arg(long)]
        all: bool,
        /// Treat warnings (expired recognitions, stale reviews) as errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Print how many methods fill each optional field, and the methods below --floor.
        #[arg(long)]
        report: bool,
        /// With --report: list the methods that fill fewer than this percentage of the
        /// optional fields.
        #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u8).range(0..=100), requires = "report")]
        floor: u8,
    },
    /// Build the static site into a folder.
    ///
    /// Renders everything in memory and swaps the folder in only when complete: a failed
    /// build leaves the previous site as it was. Refuses to replace a folder it did not make.
    Build {
        /// Where to write the site.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// The address the site will be published at (for the sitemap, feed and canonical
        /// links), e.g. `https://example.github.io/methodewijzer/`. Default: `site/site.toml`.
        #[arg(long, value_parser = base_url)]
        base_url: Option<String>,
        #[command(flatten)]
        sources: Sources,
    },
    /// Build the site and serve it on 127.0.0.1, rebuilding and reloading on every change.
    Serve {
        /// The port to listen on.
        #[arg(long, default_value_t = 8000)]
        port: u16,
        #[command(flatten)]
        sources: Sources,
    },
    /// Search the catalogue as the site does: typo-tolerant, with facet counts.
    ///
    /// Filters take vocabulary ids (see interventions/_vocabularies.toml) and may be repeated:
    /// values of one facet are alternatives, different facets must all match. With --json the
    /// output is {"query", "total", "hits": [{slug, name, summary, facts: {recognition,
    /// recognition_label, lapsed_level, target_groups, carried_out_by}, score, snippet}],
    /// "facets": {facet: [{id, label, count, selected}]}}.
    Search {
        /// What you are looking for, e.g. "eenzaamheid ouderen". Empty lists everything.
        #[arg(default_value = "")]
        query: String,
        /// Only methods with this theme.
        #[arg(long = "theme", value_name = "ID")]
        themes: Vec<String>,
        /// Only methods for this target group.
        #[arg(long = "target-group", value_name = "ID")]
        target_groups: Vec<String>,
        /// Only methods for this age band (0-3, 4-11, 12-17, 18-26, 27-64, 65-plus): its own
        /// ages, else its target groups'; methods with no age limit known always fit.
        #[arg(long = "age", value_name = "BAND")]
        ages: Vec<String>,
        /// Only methods under this law (wmo, jeugdwet, participatiewet, …).
        #[arg(long = "law", value_name = "ID")]
        laws: Vec<String>,
        /// Only methods with this current recognition level.
        #[arg(long = "recognition", value_name = "ID")]
        recognition_levels: Vec<String>,
        /// Only methods recognised at this level or a stronger one (goed-beschreven,
        /// goed-onderbouwd, effectief-…): "minimaal goed onderbouwd" includes every effectief
        /// level.
        #[arg(long = "min-recognition", value_name = "ID")]
        min_recognition: Option<String>,
        /// Only methods carried out by (beroepskracht, vrijwilliger, ervaringsdeskundige).
        #[arg(long = "carried-out-by", value_name = "ID")]
        carried_out_by: Vec<String>,
        /// Only methods used in this setting.
        #[arg(long = "setting", value_name = "ID")]
        settings: Vec<String>,
        /// Only methods with this status ("actief", "in ontwikkeling", …).
        #[arg(long = "status", value_name = "STATUS")]
        statuses: Vec<String>,
        /// Order: relevantie (best match first, the default), erkenning (strongest
        /// recognition first), naam (A to Z) or herzien (most recently reviewed first).
        #[arg(long, value_name = "ORDER", default_value = "relevantie", value_parser = sort_order)]
        sort: methodewijzer::Sort,
        /// Also list the weaker matches (methods that share a word with the query but score
        /// below a quarter of the best) after the ones that count.
        #[arg(long)]
        weaker: bool,
        /// How many results to show (at least 1).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
        /// Skip this many results.
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Run every query in this file instead (one per line; `-` reads standard input),
        /// with the same filters; with --json, one JSON object per line.
        #[arg(long, value_name = "FILE", conflicts_with = "query")]
        queries: Option<PathBuf>,
        /// The catalogue folder.
        #[arg(long, default_value = "interventions")]
        dir: PathBuf,
    },
    /// Start a new method file from the template, with every field explained (in Dutch).
    ///
    /// Creates `interventions/<slug>.toml`, the slug made from the name; never overwrites an
    /// existing file.
    New {
        /// The method's name, e.g. "Buurtkamer".
        name: String,
        /// The catalogue folder.
        #[arg(long, default_value = "interventions")]
        dir: PathBuf,
    },
    /// Print the JSON Schema of a method file (generated from the library's types).
    ///
    /// The catalogue ships it as `interventions/_schema.json`; method files point to it on
    /// their first line (`#:schema ./_schema.json`) so that editors with a TOML extension
    /// (taplo, Even Better TOML) get completion and checks.
    Schema,
}

/// Where the catalogue and the site's templates are.
#[derive(Debug, clap::Args)]
struct Sources {
    /// The catalogue folder.
    #[arg(long, default_value = "interventions")]
    catalogue: PathBuf,
    /// The folder with templates, strings, static files and pages.
    #[arg(long, default_value = "site")]
    site: PathBuf,
}

impl Sources {
    fn options(self, base_url: Option<String>) -> site::BuildOptions {
        site::BuildOptions {
            catalogue: self.catalogue,
            site: self.site,
            base_url,
            inject: None,
        }
    }
}

/// `--sort`: one of [`methodewijzer::Sort`]'s keys.
fn sort_order(value: &str) -> Result<methodewijzer::Sort, String> {
    methodewijzer::Sort::from_key(value).ok_or_else(|| {
        let keys: Vec<&str> = methodewijzer::Sort::ALL.iter().map(|s| s.key()).collect();
        Msg::SortOrders.text(&[("keys", &keys.join(", "))])
    })
}

/// `--base-url`, checked before anything is built.
fn base_url(value: &str) -> Result<String, site::BuildError> {
    site::settings::check_base_url(value).map(|()| value.to_string())
}

/// The language chosen by `--lang` (read before the other arguments, so that their errors are
/// in it too), else by the environment.
fn language() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let flag = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some(rest) => match rest.strip_prefix('=') {
                Some(value) => Lang::parse(value),
                None if rest.is_empty() => args.get(i + 1).and_then(|v| Lang::parse(v)),
                None => None,
            },
            None => None,
        });
    flag.unwrap_or_else(Lang::from_env)
}

fn main() -> ExitCode {
    messages::set_language(language());
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            report: true,
            floor,
            ..
        } => check::report(&paths[0], floor),
        Command::Check {
            paths,
            deny_warnings,
            all,
            ..
        } => check::run(&paths, deny_warnings, all),
        Command::Search {
            query,
            themes,
            target_groups,
            ages,
            laws,
            recognition_levels,
            min_recognition,
            carried_out_by,
            settings,
            statuses,
            sort,
            weaker,
            limit,
            offset,
            json,
            queries,
            dir,
        } => {
            use methodewijzer::Facet;
            let filters = vec![
                (Facet::Theme, themes),
                (Facet::TargetGroup, target_groups),
                (Facet::Age, ages),
                (Facet::Law, laws),
                (Facet::RecognitionLevel, recognition_levels),
                (Facet::CarriedOutBy, carried_out_by),
                (Facet::Setting, settings),
                (Facet::Status, statuses),
            ];
            let filters = search::Filters {
                by_facet: filters,
                min_recognition,
                sort,
                weaker,
            };
            let queries = match queries {
                Some(path) => search::Queries::Lines(path),
                None => search::Queries::One(query),
            };
            search::run(&dir, queries, filters, limit as usize, offset, json)
        }
        Command::Build {
            out,
            base_url,
            sources,
        } => {
            let start = std::time::Instant::now();
            match site::build(&sources.options(base_url), &out) {
                Ok(built) => {
                    methodewijzer_site::eprint_diagnostics(&built.warnings);
                    let line = Msg::BuildBuilt.text(&[
                        ("methods", &built.methods),
                        ("files", &built.files),
                        ("out", &out.display()),
                        ("ms", &start.elapsed().as_millis()),
                    ]);
                    eprintln!("{line}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    eprintln!("{}", Msg::BuildFailed.text(&[("out", &out.display())]));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve { port, sources } => serve::run(sources.options(None), port),
        Command::New { name, dir } => new::run(&dir, &name),
        Command::Schema => {
            println!("{}", methodewijzer::method_schema_json());
            ExitCode::SUCCESS
        }
    }
}
