//! Scripts and styles are shipped minified. A professional's first search loads the search
//! scripts and the style before anything else, on a phone as on a municipal laptop; their
//! comments and long names were a third of everything that search fetched.
//!
//! Scripts: oxc parses each as a module,
//! compresses it with its safest options (nothing unused dropped) and mangles local names,
//! functions' and classes' too (no script reads a function's `name`); exported names, property names and strings stay
//! as they are, so the scripts still import each other and read the index's JSON.
//!
//! Styles: lightningcss parses the stylesheet and prints it minified, for the browsers of
//! [`BROWSERS`]: left without targets it would print syntax that older phones do not read
//! (`@media (width<=40em)` for `(max-width: 40em)`). `style.css`: 4.4 → 3.5 KB gzip.
//!
//! A script or style that does not parse fails the build with its line and column: the browser would
//! refuse it too, on every page that loads it. To read them as written in the
//! browser's debugger, build with `METHODEWIJZER_NO_MINIFY=1` (they are still checked).

use std::path::Path;

use oxc::allocator::Allocator;
use oxc::codegen::{Codegen, CodegenOptions};
use oxc::minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc::parser::Parser;
use oxc::span::SourceType;

use super::BuildError;

/// `source`, a module script, minified; `path` names it in an error.
pub(super) fn script(path: &Path, source: &str) -> Result<String, BuildError> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::mjs()).parse();
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        let problems: Vec<String> = parsed
            .diagnostics
            .iter()
            .map(|d| {
                let at = d.labels.first().map_or(0, |l| l.offset() as usize);
                let (line, column) = line_and_column(source, at);
                format!("line {line}, column {column}: {}", d.message)
            })
            .collect();
        return Err(BuildError::SiteFile {
            path: path.to_path_buf(),
            problem: format!(
                "not a valid JavaScript module ({}); a browser would refuse it too",
                problems.join("; ")
            ),
        });
    }
    if std::env::var_os("METHODEWIJZER_NO_MINIFY").is_some() {
        return Ok(source.to_string());
    }
    let mut program = parsed.program;
    let options = MinifierOptions {
        mangle: Some(MangleOptions::default()),
        compress: Some(CompressOptions::safest()),
        ..MinifierOptions::default()
    };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    Ok(Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code)
}

/// The oldest browsers the minified style must still work in: those of 2021, which a
/// municipal laptop or a phone a few years old may still run (major version << 16).
const BROWSERS: lightningcss::targets::Browsers = lightningcss::targets::Browsers {
    android: None,
    chrome: Some(90 << 16),
    edge: Some(90 << 16),
    firefox: Some(88 << 16),
    ie: None,
    ios_saf: Some(14 << 16),
    opera: None,
    safari: Some(14 << 16),
    samsung: Some(14 << 16),
};

/// `source`, a stylesheet, minified; `path` names it in an error.
pub(super) fn style(path: &Path, source: &str) -> Result<String, BuildError> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    use lightningcss::targets::Targets;
    let targets = Targets::from(BROWSERS);
    let invalid = |e| style_error(path, e);
    let mut sheet = StyleSheet::parse(source, ParserOptions::default()).map_err(invalid)?;
    if std::env::var_os("METHODEWIJZER_NO_MINIFY").is_some() {
        return Ok(source.to_string());
    }
    let minify = MinifyOptions {
        targets,
        ..MinifyOptions::default()
    };
    sheet.minify(minify).map_err(|e| style_error(path, e))?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            targets,
            ..PrinterOptions::default()
        })
        .map_err(|e| style_error(path, e))?;
    Ok(printed.code)
}

/// A lightningcss error (parsing, minifying or printing) as a build error naming the line and
/// column; lightningcss counts lines from 0 and columns from 1.
fn style_error<T: std::fmt::Display>(path: &Path, e: lightningcss::error::Error<T>) -> BuildError {
    let problem = match e.loc {
        Some(l) => format!("line {}, column {}: {}", l.line + 1, l.column, e.kind),
        None => e.kind.to_string(),
    };
    BuildError::SiteFile {
        path: path.to_path_buf(),
        problem: format!("not a valid stylesheet ({problem}); a browser would skip that rule"),
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_keeps_its_exports_and_strings_and_loses_comments() {
        let source = "// Why this is here.\nexport function words(text) {\n  const longName = text.split(/[ /]+/); // a slash in a class\n  return `${longName.length} woorden`;\n}\nimport('./b.js');\n";
        let out = script(Path::new("a.js"), source).unwrap();
        assert!(out.len() < source.len(), "{out}");
        assert!(!out.contains("Why this"), "{out}");
        assert!(!out.contains("longName"), "{out}");
        assert!(out.contains("export") && out.contains("words"), "{out}");
        assert!(out.contains("/[ /]+/"), "{out}");
        assert!(out.contains("woorden") && out.contains("./b.js"), "{out}");
    }

    #[test]
    fn a_style_loses_comments_and_spaces_and_keeps_its_rules() {
        let source = "/* Why this is here. */\n.hit  >  a:hover {\n  color : #005a9c;\n  margin: 0 0 0 0;\n}\n@media (max-width: 40em) {\n  .hit { padding: 0.5rem; }\n}\n";
        let out = style(Path::new("style.css"), source).unwrap();
        assert!(out.len() < source.len() * 2 / 3, "{out}");
        assert!(!out.contains("Why this"), "{out}");
        assert!(out.contains(".hit>a:hover{"), "{out}");
        assert!(out.contains("#005a9c"), "{out}");
        // Said so that a phone of 2021 still reads it.
        assert!(out.contains("@media (max-width:40em)"), "{out}");
    }

    #[test]
    fn a_style_that_does_not_parse_names_its_line_and_column() {
        let error = style(
            Path::new("static/style.css"),
            "a { color: red; }\nb::: { color: red; }\n",
        )
        .unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("static/style.css: "), "{message}");
        assert!(message.contains("line 2, column "), "{message}");
    }

    #[test]
    fn a_script_that_does_not_parse_names_its_line_and_column() {
        let error = script(Path::new("static/a.js"), "const a = 1;\nconst b = ;\n").unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("static/a.js: "), "{message}");
        assert!(message.contains("line 2, column 11"), "{message}");
    }
}
