//! Reading one TOML document into a typed value, reporting every structural problem at once.
//!
//! Serde stops at the first error, which would make an editor fix a file one mistake per run.
//! So a document is first parsed into toml's spanned tree (recovering from syntax errors), then
//! walked against the JSON Schema of the target type — the same schema editors get for
//! completion — which finds all unknown keys, missing keys, wrong types, bad dates, bad URLs and
//! length limits in one pass, each with its position. Only a document that passes is handed to
//! serde. The walk also records the span of every value, so later cross-file checks
//! (vocabulary ids, related slugs) can point at the exact spot too.
//!
//! This file runs a little past 500 lines because of its tests (about 25 lines); the reading
//! itself is one job.

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Severity, suggestion};
use crate::hints::{dutch_key, looks_like_dutch_date};
use crate::model::Date;

/// Byte spans of the values in a document, keyed by path: `themes[1]`, `owner.website`.
#[derive(Debug, Clone, Default)]
// Every value of every file is recorded, and only a few are ever asked for: a fast hash.
pub(crate) struct Spans(rustc_hash::FxHashMap<String, Range<usize>>);

impl Spans {
    /// The span of `path`, falling back to the start of the document.
    pub(crate) fn of(&self, path: &str) -> Range<usize> {
        self.0.get(path).cloned().unwrap_or(0..0)
    }
}

/// A parsed document: its source and where each value stands in it.
pub(crate) struct Parsed<T> {
    pub value: T,
    pub spans: Spans,
}

/// The parser's syntax errors as editors need them: an unclosed list, which makes the parser
/// report every following line (with odd messages such as "invalid boolean"), becomes one error
/// at the list's opening; a duplicate key says where the key was first set.
fn explain_syntax_errors(
    source: &str,
    errors: Vec<toml::de::Error>,
) -> Vec<(Range<usize>, String)> {
    let mut errors: Vec<(Range<usize>, String)> = errors
        .iter()
        .map(|e| (e.span().unwrap_or(0..0), e.message().trim_end().to_string()))
        .collect();
    errors.sort_by_key(|(span, _)| span.start);
    let mut out = Vec::new();
    for (span, message) in errors {
        if message.contains("array") {
            // The last `= [` before the first list complaint opened the list left open.
            let before = &source[..span.start.min(source.len())];
            if let Some(open) = before.rfind("= [") {
                let line_end = source[open..].find('\n').map_or(source.len(), |i| open + i);
                if !source[open..line_end].contains(']') {
                    let key_start = before[..open].rfind('\n').map_or(0, |i| i + 1);
                    let key = source[key_start..open].trim();
                    out.push((
                        open + 2..open + 3,
                        format!(
                            "invalid TOML: the list `{key} = [` is not closed: end it with `]` (the lines after it were read as part of the list)"
                        ),
                    ));
                    return out;
                }
            }
        }
        let message = if message == "duplicate key" {
            duplicate_key_message(source, &span)
        } else if message.contains("four-digit year") && looks_like_dutch_date(source, &span) {
            "invalid TOML: a date is written year first, without quotes: write it as 2026-11-26 (year-month-day)".to_string()
        } else {
            format!("invalid TOML: {message}")
        };
        out.push((span, message));
    }
    out
}

/// "duplicate key `name`: it is already set on line 1 …", when the first is found.
fn duplicate_key_message(source: &str, span: &Range<usize>) -> String {
    let start = span.start.min(source.len());
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = &source[line_start..];
    let key = line
        .split(['=', '\n'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches('"');
    // Only the table the duplicate is in: from its last `[header]` line.
    let table_start = source[..line_start]
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain(std::iter::once(0))
        .filter(|&i| source[i..].starts_with('['))
        .max()
        .unwrap_or(0);
    let lines_before = source[..table_start].matches('\n').count();
    let first = source[table_start..line_start].lines().position(|l| {
        l.split('=').next().map(|k| k.trim().trim_matches('"')) == Some(key) && l.contains('=')
    });
    match first {
        Some(n) if !key.is_empty() => format!(
            "invalid TOML: duplicate key `{key}`: it is already set on line {}; keep one of the two",
            lines_before + n + 1
        ),
        _ => "invalid TOML: duplicate key: a key may be set only once per table; remove one"
            .to_string(),
    }
}

/// Parses `source` (read from `path`) into `T`, checked against `schema` (the JSON Schema
/// of `T`). Problems go into `diagnostics`; `None` when any was an error.
pub(crate) fn parse<T: DeserializeOwned>(
    path: &Path,
    source: &str,
    schema: &Json,
    diagnostics: &mut Diagnostics,
) -> Option<Parsed<T>> {
    parse_or_spans(path, source, schema, diagnostics).ok()
}

/// [`parse`], but when the document is valid TOML that breaks the schema, the spans of what
/// was read come back, so that further checks can still point at values (`None`: not TOML).
pub(crate) fn parse_or_spans<T: DeserializeOwned>(
    path: &Path,
    source: &str,
    schema: &Json,
    diagnostics: &mut Diagnostics,
) -> Result<Parsed<T>, Option<Spans>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(source);
    if !syntax_errors.is_empty() {
        let lines = LineIndex::new(source);
        for (span, message) in explain_syntax_errors(source, syntax_errors) {
            diagnostics.push(Diagnostic::at_indexed(
                Severity::Error,
                path,
                source,
                &lines,
                span,
                message,
            ));
        }
        return Err(None);
    }

    let mut walker = Walker {
        path,
        source,
        root_schema: schema,
        spans: Spans::default(),
        diagnostics,
        failed: false,
        lines: std::cell::OnceCell::new(),
    };
    let span = root.span();
    walker.table(root.get_ref(), span, schema, "");
    if walker.failed {
        return Err(Some(walker.spans));
    }
    let spans = walker.spans;
    match T::deserialize(toml::de::Deserializer::from(root)) {
        Ok(value) => Ok(Parsed { value, spans }),
        Err(e) => {
            // The schema walk should have caught this; report serde's view rather than lose it.
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim_end().to_string();
            diagnostics.push(Diagnostic::at(Severity::Error, path, source, span, message));
            Err(None)
        }
    }
}

struct Walker<'a> {
    path: &'a Path,
    source: &'a str,
    root_schema: &'a Json,
    spans: Spans,
    diagnostics: &'a mut Diagnostics,
    failed: bool,
    /// Line starts, computed at the first problem.
    lines: std::cell::OnceCell<LineIndex>,
}

impl Walker<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.failed = true;
        let lines = self.lines.get_or_init(|| LineIndex::new(self.source));
        self.diagnostics.push(Diagnostic::at_indexed(
            Severity::Error,
            self.path,
            self.source,
            lines,
            span,
            message,
        ));
    }

    fn value(&mut self, value: &Spanned<DeValue<'_>>, schema: &Json, key: &str) {
        let span = value.span();
        self.spans.0.insert(key.to_string(), span.clone());
        let schema = resolve(self.root_schema, schema);
        // The key as editors count, made only for a message: most values have none.
        let shown = || display_key(key);

        // Enumerations: a string from a fixed list (`status`).
        if let Some(allowed) = enum_values(schema) {
            match value.get_ref().as_str() {
                Some(s) if allowed.iter().any(|a| a == s) => {}
                Some(s) => {
                    let list = allowed
                        .iter()
                        .map(|a| format!("\"{a}\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let hint = suggestion(s, allowed.iter().map(String::as_str));
                    self.error(
                        span,
                        format!("`{}` cannot be \"{s}\"{hint}; use one of {list}", shown()),
                    );
                }
                None => self.type_error(span, &shown(), "a string", value.get_ref()),
            }
            return;
        }

        let expected = schema_type(schema);
        match (expected, value.get_ref()) {
            (Some("object"), DeValue::Table(table)) => self.table(table, span, schema, key),
            (Some("array"), DeValue::Array(items)) => {
                const ANY: &Json = &Json::Bool(true);
                let item_schema = schema.get("items").unwrap_or(ANY);
                for (i, item) in items.iter().enumerate() {
                    self.value(item, item_schema, &format!("{key}[{i}]"));
                }
                if let Some(min) = schema.get("minItems").and_then(Json::as_u64)
                    && (items.len() as u64) < min
                {
                    self.error(span, format!("`{}` is empty: list at least {min}", shown()));
                }
            }
            (Some("string"), DeValue::String(s)) => self.string(s, span, schema, key),
            (Some("string"), DeValue::Datetime(dt)) if is_date(schema) => {
                if dt.time.is_some() || dt.date.is_none() {
                    self.error(
                        span,
                        format!(
                            "`{}` must be a date without a time, like 2024-05-31",
                            shown()
                        ),
                    );
                }
            }
            (Some("integer"), DeValue::Integer(i)) => {
                let n = i64::from_str_radix(i.as_str(), i.radix()).ok();
                let min = schema.get("minimum").and_then(Json::as_i64);
                let max = schema.get("maximum").and_then(Json::as_i64);
                let in_range = n.is_some_and(|n| {
                    min.is_none_or(|min| n >= min) && max.is_none_or(|max| n <= max)
                });
                if !in_range {
                    let range = match (min, max) {
                        (Some(a), Some(b)) => format!("between {a} and {b}"),
                        (Some(a), None) => format!("at least {a}"),
                        (None, Some(b)) => format!("at most {b}"),
                        (None, None) => "a whole number".into(),
                    };
                    self.error(
                        span,
                        format!("`{}` is {}; it must be {range}", shown(), i.as_str()),
                    );
                }
            }
            (Some("boolean"), DeValue::Boolean(_)) => {}
            (Some(t), other) => {
                let wanted = match t {
                    "object" => "a table",
                    "array" => "a list, like [\"a\", \"b\"]",
                    "string" if is_date(schema) => "a date, like 2024-05-31",
                    "string" => "text in quotes",
                    "integer" => "a whole number",
                    "boolean" => "true or false",
                    _ => t,
                };
                self.type_error(span, &shown(), wanted, other);
            }
            (None, _) => {}
        }
    }

    fn string(&mut self, s: &str, span: Range<usize>, schema: &Json, key: &str) {
        let shown = || display_key(key);
        let chars = s.chars().count() as u64;
        if let Some(min) = schema.get("minLength").and_then(Json::as_u64)
            && chars < min
        {
            self.error(span.clone(), format!("`{}` must not be empty", shown()));
        }
        if let Some(max) = schema.get("maxLength").and_then(Json::as_u64)
            && chars > max
        {
            self.error(
                span.clone(),
                format!(
                    "`{}` is {chars} characters long; shorten it to at most {max}",
                    shown()
                ),
            );
        }
        match schema.get("format").and_then(Json::as_str) {
            Some("date") if Date::parse(s).is_none() => {
                self.error(
                    span,
                    format!(
                        "`{}` has an invalid date \"{s}\": write it like 2024-05-31",
                        shown()
                    ),
                );
            }
            Some("uri") if !is_web_url(s) => {
                self.error(
                    span,
                    format!(
                        "`{}` must be a web address starting with https:// or http://, not \"{}\"",
                        shown(),
                        s.chars().take(60).collect::<String>()
                    ),
                );
            }
            _ => {}
        }
    }

    fn type_error(&mut self, span: Range<usize>, shown: &str, wanted: &str, found: &DeValue) {
        let found = match found {
            DeValue::String(_) => "text",
            DeValue::Integer(_) => "a number",
            DeValue::Float(_) => "a decimal number",
            DeValue::Boolean(_) => "true/false",
            DeValue::Datetime(_) => "a date",
            DeValue::Array(_) => "a list",
            DeValue::Table(_) => "a table",
        };
        self.error(span, format!("`{shown}` must be {wanted}, not {found}"));
    }

    fn table(&mut self, table: &DeTable<'_>, span: Range<usize>, schema: &Json, key: &str) {
        let empty = serde_json::Map::new();
        let properties = schema
            .get("properties")
            .and_then(Json::as_object)
            .unwrap_or(&empty);
        let closed = schema.get("additionalProperties") == Some(&Json::Bool(false));
        for (name, value) in table.iter() {
            let child = join(key, name.get_ref());
            match properties.get(name.get_ref().as_ref()) {
                Some(child_schema) => self.value(value, child_schema, &child),
                None if closed => {
                    let typed = name.get_ref().as_ref();
                    // Editors write Dutch; a Dutch field name points to its English key.
                    let hint = match dutch_key(typed).filter(|k| properties.contains_key(*k)) {
                        Some(english) => format!(" (did you mean `{english}`?)"),
                        None => suggestion(typed, properties.keys().map(String::as_str)),
                    };
                    let place = if key.is_empty() {
                        String::new()
                    } else {
                        format!(" in `{}`", display_key(key))
                    };
                    self.error(
                        name.span(),
                        format!("unknown key `{}`{place}{hint}", name.get_ref()),
                    );
                }
                None => {}
            }
        }
        if let Some(required) = schema.get("required").and_then(Json::as_array) {
            for name in required.iter().filter_map(Json::as_str) {
                if !table.keys().any(|k| k.get_ref() == name) {
                    let place = if key.is_empty() {
                        String::new()
                    } else {
                        format!(" in `{}`", display_key(key))
                    };
                    self.error(
                        span.start..span.start,
                        format!("missing required key `{name}`{place}"),
                    );
                }
            }
        }
    }
}

/// Follows `$ref` and unwraps `Option<T>` (`anyOf: [T, null]`, `type: [t, "null"]`).
fn resolve<'s>(root_schema: &'s Json, schema: &'s Json) -> &'s Json {
    let mut schema = schema;
    for _ in 0..8 {
        if let Some(reference) = schema.get("$ref").and_then(Json::as_str) {
            let name = reference.rsplit('/').next().unwrap_or_default();
            match root_schema.get("$defs").and_then(|d| d.get(name)) {
                Some(target) => schema = target,
                None => return schema,
            }
        } else if let Some(any) = schema.get("anyOf").and_then(Json::as_array) {
            let non_null: Vec<&Json> = any
                .iter()
                .filter(|s| s.get("type").and_then(Json::as_str) != Some("null"))
                .collect();
            match non_null.as_slice() {
                [only] => schema = only,
                _ => return schema,
            }
        } else {
            return schema;
        }
    }
    schema
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

/// A key path as editors count: TOML has no indices, so the first `[[recognitions]]` table
/// is shown as `recognitions[1]`.
fn display_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut rest = key;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find(']').map_or(rest.len(), |c| open + c);
        let index: usize = rest[open + 1..close].parse().unwrap_or(0);
        out.push_str(&format!("[{}]", index + 1));
        rest = rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn schema_type(schema: &Json) -> Option<&str> {
    match schema.get("type")? {
        Json::String(t) => Some(t),
        Json::Array(types) => types.iter().filter_map(Json::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

fn is_date(schema: &Json) -> bool {
    schema.get("format").and_then(Json::as_str) == Some("date")
}

/// The allowed strings of an enumeration schema (`enum` or `oneOf` of `const`s).
fn enum_values(schema: &Json) -> Option<Vec<String>> {
    if let Some(values) = schema.get("enum").and_then(Json::as_array) {
        return Some(
            values
                .iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
        );
    }
    let variants = schema.get("oneOf")?.as_array()?;
    variants
        .iter()
        .map(|v| v.get("const").and_then(Json::as_str).map(String::from))
        .collect()
}

/// Whether `s` is an absolute http(s) address with a host.
pub(crate) fn is_web_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_key_counts_from_one() {
        assert_eq!(
            display_key("recognitions[0].valid_until"),
            "recognitions[1].valid_until"
        );
        assert_eq!(display_key("themes[2]"), "themes[3]");
        assert_eq!(display_key("name"), "name");
    }

    #[test]
    fn web_urls() {
        assert!(is_web_url("https://www.movisie.nl/interventie"));
        assert!(is_web_url("http://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("ftp://example.org"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://exa mple.org"));
    }
}
