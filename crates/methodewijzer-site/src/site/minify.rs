//! Scripts are shipped minified. A professional's first search loads the search scripts
//! before anything else, on a phone as on a municipal laptop; their comments and long names
//! were a third of everything that search fetched. oxc parses each script as a module,
//! compresses it with its safest options (nothing unused dropped) and mangles local names,
//! functions' and classes' too (no script reads a function's `name`); exported names, property names and strings stay
//! as they are, so the scripts still import each other and read the index's JSON.
//!
//! A script that does not parse fails the build with its line and column: the browser would
//! refuse it too, on every page that loads it. To read the scripts as written in the
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
    fn a_script_that_does_not_parse_names_its_line_and_column() {
        let error = script(Path::new("static/a.js"), "const a = 1;\nconst b = ;\n").unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("static/a.js: "), "{message}");
        assert!(message.contains("line 2, column 11"), "{message}");
    }
}
