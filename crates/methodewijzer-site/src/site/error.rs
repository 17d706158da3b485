//! Why a build failed, as types: a caller (the `serve` preview, a test, an embedding program)
//! can tell a catalogue with errors from a broken template or a refused output folder, and an
//! I/O error keeps its source. The messages are what `build` prints.

use std::path::PathBuf;

use methodewijzer::Diagnostics;

use super::output::MARKER;

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The catalogue has errors: all of them, located.
    #[error("{}", catalogue_report(.0))]
    Catalogue(Diagnostics),
    /// A file of the site folder (settings, strings, a template, a page, a static file) cannot
    /// be used: unreadable, not UTF-8, not valid TOML, or a link out of the folder.
    #[error("{}: {problem}", path.display())]
    SiteFile {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// The address the site is published at cannot go into canonical links and the feed.
    #[error(
        "base URL {value:?} {problem}: write the address the site is published at, such as https://example.org/methodewijzer/"
    )]
    BaseUrl {
        /// The address given.
        value: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A template does not parse or render.
    #[error("template error: {0:#}")]
    Template(#[from] minijinja::Error),
    /// Replacing the output folder would delete something the user wrote.
    #[error(
        "refusing to build into {}: {reason}. Choose a folder of its own for --out, such as `public`.",
        out.display()
    )]
    OutputRefused {
        /// The output folder.
        out: PathBuf,
        /// What it is or holds.
        reason: String,
    },
    /// The output folder exists and is not an earlier build's.
    #[error(
        "{} exists and was not made by `methodewijzer build` (it has no {MARKER}); refusing to replace it. Choose another --out, or move the folder away.",
        out.display()
    )]
    NotABuild {
        /// The output folder.
        out: PathBuf,
    },
    /// A page's path would leave the output folder.
    #[error("refusing to write outside the site: {}", path.display())]
    OutsideSite {
        /// The path asked for.
        path: PathBuf,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// A step running on a thread of its own stopped.
    #[error("{0} failed")]
    Step(&'static str),
}

impl BuildError {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> BuildError {
        let path = path.into();
        move |source| BuildError::Io { path, source }
    }
}

/// The catalogue's problems capped per file, as `check` prints them: one file's thousands of
/// repeats must not bury the others or flood a CI log.
fn catalogue_report(diagnostics: &Diagnostics) -> String {
    let mut text = String::new();
    let _ = diagnostics.write_capped(&mut text, crate::DIAGNOSTICS_PER_FILE);
    let summary = diagnostics.summary();
    text + &methodewijzer::Msg::CatalogueHasErrors.text(&[("summary", &summary)])
}
