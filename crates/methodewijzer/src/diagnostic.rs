//! Problems found in a catalogue, located in the file an editor has to change.
//!
//! Every problem carries the path, the 1-based line and column, and the source line, so that
//! it prints the way compilers do (`path:line:col: fout[MW201]: bericht`, in English
//! `error[MW201]: message`, then the line and a caret) and editors and CI annotations can jump
//! to it. The code names the entry of the message table ([`crate::messages`]).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::messages::{Message, Msg};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The catalogue can still be used, but something needs attention.
    Warning,
    /// The catalogue cannot be loaded until this is fixed.
    Error,
}

impl Severity {
    /// "fout" or "waarschuwing" (in English "error" or "warning").
    pub fn word(self) -> String {
        match self {
            Severity::Error => Msg::SeverityError.text(&[]),
            Severity::Warning => Msg::SeverityWarning.text(&[]),
        }
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as given to the loader.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The stable code of the problem (`MW201`), the same in every language: what tests and
    /// tools match on. See [`crate::messages`] for the list.
    pub code: &'static str,
    /// What is wrong and what would fix it, in the language of the process
    /// ([`crate::messages::language`]).
    pub message: String,
    /// The source line the problem is on (empty when the file could not be read), cut to
    /// about [`EXCERPT_CHARS`] characters around the spot when it is longer, with `…` where
    /// it was cut.
    pub source_line: String,
    /// The 1-based column of the spot within `source_line` (equal to `column` when the line
    /// was not cut).
    pub source_column: usize,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
}

/// How much of a long source line a diagnostic shows: enough to see the spot, without
/// printing a 75 KB line once per problem on it.
pub const EXCERPT_CHARS: usize = 100;

/// The start of every line of a text, to find the line of a byte offset in O(log n).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    ascii: Vec<bool>,
}

impl LineIndex {
    /// Indexes `source`. A line ends at `\n`; a file with only `\r` line ends (old Mac) is
    /// indexed at its `\r`s, so that its problems do not all land on line 1.
    pub fn new(source: &str) -> LineIndex {
        let end = if source.contains('\n') { b'\n' } else { b'\r' };
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == end)
                .map(|(i, _)| i + 1),
        );
        let ascii = (0..starts.len())
            .map(|i| {
                let end = starts.get(i + 1).map_or(source.len(), |&next| next - 1);
                source.as_bytes()[starts[i]..end].is_ascii()
            })
            .collect();
        LineIndex { starts, ascii }
    }

    /// The 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }
}

/// `line` cut to about [`EXCERPT_CHARS`] characters around `column` (1-based), with the spot's
/// column in the excerpt and the caret width that still fits.
fn excerpt(line: &str, column: usize, width: usize, ascii: bool) -> (String, usize, usize) {
    let count = if ascii {
        line.len()
    } else {
        line.chars().count()
    };
    if count <= EXCERPT_CHARS {
        return (line.to_string(), column, width);
    }
    let first = column.saturating_sub(1 + EXCERPT_CHARS / 3);
    let last = (first + EXCERPT_CHARS).min(count);
    let mut cut = String::new();
    if first > 0 {
        cut.push('…');
    }
    if ascii {
        cut.push_str(&line[first..last]);
    } else {
        cut.extend(line.chars().skip(first).take(last - first));
    }
    if last < count {
        cut.push('…');
    }
    let source_column = column - first + usize::from(first > 0);
    let width = width.min(last + 1 - (column - 1).min(last)).max(1);
    (cut, source_column, width)
}

impl Diagnostic {
    /// A problem at byte range `span` of `source`, read from `path`.
    pub fn at(
        severity: Severity,
        path: &Path,
        source: &str,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Diagnostic {
        Diagnostic::at_indexed(
            severity,
            path,
            source,
            &LineIndex::new(source),
            span,
            message,
        )
    }

    /// [`Diagnostic::at`] with the line starts of `source` computed once: reporting many
    /// problems in one file stays linear in their number.
    pub fn at_indexed(
        severity: Severity,
        path: &Path,
        source: &str,
        lines: &LineIndex,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Diagnostic {
        let message = message.into();
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_index = lines.line_of(start);
        let line_start = lines.starts[line_index];
        let line_end = lines
            .starts
            .get(line_index + 1)
            .map_or(source.len(), |&next| next - 1);
        let end = floor_char_boundary(source, span.end.clamp(start, line_end));
        let line = source[line_start..line_end].trim_end_matches('\r');
        // On an ASCII line, characters are bytes: no counting along a line that may be long
        // and hold thousands of problems.
        let (column, width) = if lines.ascii[line_index] {
            (start - line_start + 1, (end - start).max(1))
        } else {
            (
                source[line_start..start].chars().count() + 1,
                source[start..end].chars().count().max(1),
            )
        };
        let (source_line, source_column, width) =
            excerpt(line, column, width, lines.ascii[line_index]);
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            line: line_index + 1,
            column,
            code: message.code,
            message: message.text,
            source_line,
            source_column,
            width,
        }
    }

    /// A problem with a file as a whole (it cannot be read, or its name is wrong).
    pub fn file(severity: Severity, path: &Path, message: impl Into<Message>) -> Diagnostic {
        let message = message.into();
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            code: message.code,
            message: message.text,
            source_line: String::new(),
            source_column: 1,
            width: 1,
        }
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line of the report: `path:line:col: fout[CODE]: bericht` (in English
    /// `error[CODE]: message`).
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}[{}]: {}",
            self.path.display(),
            self.line,
            self.column,
            self.severity.word(),
            self.code,
            self.message
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        if !self.source_line.is_empty() {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            // Tabs keep their width so the caret lines up under the spot.
            let indent: String = self
                .source_line
                .chars()
                .take(self.source_column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, " {number} | {}", self.source_line)?;
            writeln!(f, " {pad} | {indent}{}", "^".repeat(self.width))?;
        }
        Ok(())
    }
}

/// All problems found in one load, errors and warnings, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no problems at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates over all problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// A closing line such as "2 fouten, 1 waarschuwing" ("2 errors, 1 warning").
    pub fn summary(&self) -> String {
        let count = |n: usize, one: Msg, many: Msg| {
            if n == 1 {
                one.text(&[])
            } else {
                many.text(&[("n", &n)])
            }
        };
        let errors = count(self.errors().count(), Msg::ErrorsOne, Msg::ErrorsMany);
        let warnings = count(self.warnings().count(), Msg::WarningsOne, Msg::WarningsMany);
        Msg::Summary.text(&[("errors", &errors), ("warnings", &warnings)])
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl Diagnostics {
    /// Writes the problems as [`Display`](fmt::Display) does, but at most `per_file` for each
    /// file, followed by a line saying how many more that file has: one broken file with
    /// thousands of repeated mistakes must not bury the rest (or fill a CI log).
    pub fn write_capped(&self, out: &mut impl fmt::Write, per_file: usize) -> fmt::Result {
        let mut shown: std::collections::HashMap<&Path, usize> = Default::default();
        let mut hidden: Vec<(&Path, usize, usize)> = Vec::new();
        for d in &self.0 {
            let count = shown.entry(&d.path).or_default();
            *count += 1;
            if *count <= per_file {
                writeln!(out, "{d}")?;
                continue;
            }
            match hidden.iter_mut().find(|(path, ..)| *path == d.path) {
                Some((_, errors, warnings)) => *if d.is_error() { errors } else { warnings } += 1,
                None => hidden.push((
                    &d.path,
                    usize::from(d.is_error()),
                    usize::from(!d.is_error()),
                )),
            }
        }
        for (path, errors, warnings) in hidden {
            let line = Msg::MoreNotShown.text(&[
                ("path", &path.display()),
                ("errors", &errors),
                ("warnings", &warnings),
            ]);
            writeln!(out, "{line}\n")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo or a
/// shortened form (`schulden` for `schulden-en-armoede`).
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .filter_map(|c| {
            let score = strsim::normalized_damerau_levenshtein(&word_lower, c);
            let prefix = word_lower.len() >= 3
                && (c.starts_with(word_lower.as_str()) || word_lower.starts_with(c));
            (score >= 0.6 || prefix).then_some(((prefix, score), c))
        })
        .max_by(|a, b| a.0.0.cmp(&b.0.0).then(a.0.1.total_cmp(&b.0.1)))
        .map(|(_, c)| c)
}

/// `" (bedoelt u `x`?)"` (`" (did you mean `x`?)"`), or nothing.
pub(crate) fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates).map(hint).unwrap_or_default()
}

/// `" (bedoelt u `x`?)"` (`" (did you mean `x`?)"`).
pub(crate) fn hint(word: &str) -> String {
    Msg::HintDidYouMean.text(&[("word", &word)])
}
