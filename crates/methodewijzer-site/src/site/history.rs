//! A method page's "Wijzigingen": the commits that changed its file, read from git at build
//! time, so that a reader sees when and why the description changed.
//!
//! One `git log` over the catalogue folder gives every file's commits at once (a process per
//! method would cost seconds at thousands of methods). Outside a git checkout, without git,
//! or when git fails, there is no history and the pages simply omit it: a site built from a
//! downloaded folder is still whole. Only commits count, never the working tree, so the same
//! commit always builds the same pages.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};

use methodewijzer::Date;
use serde::Serialize;

use super::pages::date_text;
use super::settings::Strings;

/// How many changes a method page lists; older ones are counted and linked.
pub const SHOWN: usize = 8;

/// One commit that changed a method's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `2026-11-26`, the commit date (in commit order, unlike an author date after a
    /// rebase).
    pub date: String,
    /// "26 november 2026".
    pub date_text: String,
    /// The commit's subject line.
    pub summary: String,
}

/// Per file name in the catalogue folder (`krachtwerk.toml`), its changes, newest first.
pub type History = HashMap<String, Vec<Change>>;

/// Reads the history of every file directly in `dir`; empty when `dir` is not in a git
/// checkout, the checkout is shallow (its oldest commit would seem to add every file), or
/// git cannot be run.
pub fn read(dir: &Path, strings: &Strings) -> History {
    let shallow = git(dir, &["rev-parse", "--is-shallow-repository"]);
    if shallow.as_deref().map(str::trim) != Some("false") {
        return History::new();
    }
    match git(
        dir,
        &[
            "log",
            "--no-merges",
            "--no-color",
            "--format=\x01%cs\t%s",
            "--name-only",
            "--relative",
            "--",
            ".",
        ],
    ) {
        Some(log) => parse(&log, strings),
        None => History::new(),
    }
}

/// What `git -C dir ARGS` prints, when it succeeds.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        // The folder's own repository, whatever the environment points at.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    match output {
        Ok(output) if output.status.success() => {
            Some(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        _ => None,
    }
}

/// Reads `git log`'s output: a `\x01date\tsubject` line per commit, then the files it
/// changed, one per line.
fn parse(log: &str, strings: &Strings) -> History {
    let mut history = History::new();
    let mut current: Option<Change> = None;
    for line in log.lines() {
        if let Some(head) = line.strip_prefix('\x01') {
            let (date, summary) = head.split_once('\t').unwrap_or((head, ""));
            current = Date::parse(date).map(|d| Change {
                date: date.to_string(),
                date_text: date_text(strings, d),
                summary: clean(summary),
            });
        } else if let Some(change) = &current {
            // Files in subfolders (`_editors/…`) are not method files.
            if !line.is_empty() && !line.contains('/') {
                history
                    .entry(line.to_string())
                    .or_default()
                    .push(change.clone());
            }
        }
    }
    history
}

/// The longest subject a page shows, in characters.
const SUBJECT_CHARS: usize = 200;

/// A commit subject as a page may show it: without control, zero-width or direction
/// characters (a subject is not checked as method files are), at most [`SUBJECT_CHARS`].
fn clean(subject: &str) -> String {
    let kept: String = subject
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        })
        .collect();
    let kept = kept.trim();
    match kept.char_indices().nth(SUBJECT_CHARS) {
        Some((cut, _)) => format!("{}…", &kept[..cut]),
        None => kept.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_files_commits_newest_first() {
        let log = "\x012026-11-20\tcatalogue: krachtwerk gets sources\n\nkrachtwerk.toml\nREADME.md\n\
                   \x012026-10-01\tcatalogue: first methods\n\nkrachtwerk.toml\nips.toml\nsub/x.toml\n";
        let history = parse(log, &Strings::new());
        let dates =
            |file: &str| -> Vec<&str> { history[file].iter().map(|c| c.date.as_str()).collect() };
        assert_eq!(dates("krachtwerk.toml"), ["2026-11-20", "2026-10-01"]);
        assert_eq!(dates("ips.toml"), ["2026-10-01"]);
        assert_eq!(
            history["krachtwerk.toml"][0].summary,
            "catalogue: krachtwerk gets sources"
        );
        assert!(!history.contains_key("sub/x.toml"));
    }

    #[test]
    fn a_subject_is_cleaned_and_cut() {
        assert_eq!(clean(" a\u{202e}b\u{200b}c\u{7} "), "abc");
        let long = "x".repeat(300);
        assert_eq!(clean(&long).chars().count(), SUBJECT_CHARS + 1);
    }

    #[test]
    fn outside_a_checkout_there_is_no_history() {
        let dir = std::env::temp_dir().join(format!("mw-history-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(read(&dir, &Strings::new()).is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
