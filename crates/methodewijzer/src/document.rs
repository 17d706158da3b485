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
//! A file with syntax errors is repaired (`syntax::patch`: the broken values blanked out) and
//! walked too, so that one mistyped date does not hide the file's other problems.

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Severity, hint, suggestion};
use crate::hints::dutch_key;
use crate::messages::{Message, Msg};
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

/// What could still be read of a document with errors: where its values are, and its tree
/// (from the repaired text when the TOML itself was broken), for the checks that can still
/// point at values (vocabulary ids).
pub(crate) struct Broken {
    pub spans: Spans,
    pub tree: Option<toml::Table>,
}

/// [`parse`], but what could be read of a document with errors comes back too (`None`: not
/// even a repaired text was TOML).
pub(crate) fn parse_or_spans<T: DeserializeOwned>(
    path: &Path,
    source: &str,
    schema: &Json,
    diagnostics: &mut Diagnostics,
) -> Result<Parsed<T>, Option<Broken>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(source);
    if !syntax_errors.is_empty() {
        let lines = LineIndex::new(source);
        let explained = crate::syntax::explain(source, syntax_errors);
        for error in &explained {
            diagnostics.push(Diagnostic::at_indexed(
                Severity::Error,
                path,
                source,
                &lines,
                error.span.clone(),
                error.message.clone(),
            ));
        }
        // The rest of the file, from a copy with the broken values blanked out; what the
        // blanks themselves break is not reported.
        let (patched, blanked) = crate::syntax::patch(source, &explained).ok_or(None)?;
        let (root, errors) = DeTable::parse_recoverable(&patched);
        if !errors.is_empty() {
            return Err(None);
        }
        let mut walker = Walker::new(path, source, schema, diagnostics);
        walker.blanked = blanked;
        let span = root.span();
        walker.table(root.get_ref(), span, schema, "");
        let tree = toml::from_str(&patched).ok();
        return Err(Some(Broken {
            spans: walker.spans,
            tree,
        }));
    }

    let mut walker = Walker::new(path, source, schema, diagnostics);
    let span = root.span();
    walker.table(root.get_ref(), span, schema, "");
    if walker.failed {
        let tree = toml::from_str(source).ok();
        return Err(Some(Broken {
            spans: walker.spans,
            tree,
        }));
    }
    let spans = walker.spans;
    match T::deserialize(toml::de::Deserializer::from(root)) {
        Ok(value) => Ok(Parsed { value, spans }),
        Err(e) => {
            // The schema walk should have caught this; report serde's view rather than lose it.
            let span = e.span().unwrap_or(0..0);
            let detail = e.message().trim_end().to_string();
            let message = Msg::SerdeFallback.with(&[("detail", &detail)]);
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
    /// The ranges a repair blanked out: their problems are the syntax errors, already told.
    blanked: Vec<Range<usize>>,
}

impl<'a> Walker<'a> {
    fn new(
        path: &'a Path,
        source: &'a str,
        root_schema: &'a Json,
        diagnostics: &'a mut Diagnostics,
    ) -> Walker<'a> {
        Walker {
            path,
            source,
            root_schema,
            spans: Spans::default(),
            diagnostics,
            failed: false,
            lines: std::cell::OnceCell::new(),
            blanked: Vec::new(),
        }
    }

    fn error(&mut self, span: Range<usize>, message: Message) {
        self.failed = true;
        if self
            .blanked
            .iter()
            .any(|b| b.start <= span.start && span.start < b.end.max(b.start + 1))
        {
            return;
        }
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
                    let message = Msg::NotAllowed.with(&[
                        ("key", &shown()),
                        ("value", &s),
                        ("hint", &hint),
                        ("list", &list),
                    ]);
                    self.error(span, message);
                }
                None => self.type_error(span, &shown(), Msg::TypeText, value.get_ref()),
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
                    let message = Msg::EmptyList.with(&[("key", &shown()), ("min", &min)]);
                    self.error(span.clone(), message);
                }
                if let Some(max) = schema.get("maxItems").and_then(Json::as_u64)
                    && (items.len() as u64) > max
                {
                    let count = items.len();
                    let message = Msg::TooManyItems.with(&[
                        ("key", &shown()),
                        ("count", &count),
                        ("max", &max),
                    ]);
                    self.error(span, message);
                }
            }
            (Some("string"), DeValue::String(s)) => self.string(s, span, schema, key),
            (Some("string"), DeValue::Datetime(dt)) if is_date(schema) => {
                if dt.time.is_some() || dt.date.is_none() {
                    self.error(span, Msg::DateWithTime.with(&[("key", &shown())]));
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
                        (Some(a), Some(b)) => Msg::RangeBetween.text(&[("min", &a), ("max", &b)]),
                        (Some(a), None) => Msg::RangeAtLeast.text(&[("min", &a)]),
                        (None, Some(b)) => Msg::RangeAtMost.text(&[("max", &b)]),
                        (None, None) => Msg::TypeWholeNumber.text(&[]),
                    };
                    let message = Msg::OutOfRange.with(&[
                        ("key", &shown()),
                        ("value", &i.as_str()),
                        ("range", &range),
                    ]);
                    self.error(span, message);
                }
            }
            (Some("boolean"), DeValue::Boolean(_)) => {}
            (Some(t), other) => {
                let wanted = match t {
                    "object" => Msg::TypeTable,
                    "array" => Msg::TypeList,
                    "string" if is_date(schema) => Msg::TypeDate,
                    "integer" => Msg::TypeWholeNumber,
                    "boolean" => Msg::TypeBoolean,
                    _ => Msg::TypeText,
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
            self.error(span.clone(), Msg::EmptyText.with(&[("key", &shown())]));
        }
        if let Some(max) = schema.get("maxLength").and_then(Json::as_u64)
            && chars > max
        {
            let message = Msg::TooLong.with(&[("key", &shown()), ("chars", &chars), ("max", &max)]);
            self.error(span.clone(), message);
        }
        match schema.get("format").and_then(Json::as_str) {
            Some("date") if Date::parse(s).is_none() => {
                let message = Msg::InvalidDateText.with(&[("key", &shown()), ("value", &s)]);
                self.error(span, message);
            }
            Some("uri") if !is_web_url(s) => {
                let value: String = s.chars().take(60).collect();
                let message = Msg::NotAWebAddress.with(&[("key", &shown()), ("value", &value)]);
                self.error(span, message);
            }
            _ => {}
        }
    }

    fn type_error(&mut self, span: Range<usize>, shown: &str, wanted: Msg, found: &DeValue) {
        let found = match found {
            DeValue::String(_) => Msg::FoundText,
            DeValue::Integer(_) => Msg::FoundNumber,
            DeValue::Float(_) => Msg::FoundDecimal,
            DeValue::Boolean(_) => Msg::FoundBoolean,
            DeValue::Datetime(_) => Msg::FoundDate,
            DeValue::Array(_) => Msg::FoundList,
            DeValue::Table(_) => Msg::FoundTable,
        };
        let message = Msg::WrongType.with(&[
            ("key", &shown),
            ("wanted", &wanted.text(&[])),
            ("found", &found.text(&[])),
        ]);
        self.error(span, message);
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
                        Some(english) => hint(english),
                        None => suggestion(typed, properties.keys().map(String::as_str)),
                    };
                    let message = Msg::UnknownKey.with(&[
                        ("key", name.get_ref()),
                        ("place", &place(key)),
                        ("hint", &hint),
                    ]);
                    self.error(name.span(), message);
                }
                None => {}
            }
        }
        if let Some(required) = schema.get("required").and_then(Json::as_array) {
            for name in required.iter().filter_map(Json::as_str) {
                if !table.keys().any(|k| k.get_ref() == name) {
                    let message = Msg::MissingKey.with(&[("key", &name), ("place", &place(key))]);
                    self.error(span.start..span.start, message);
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

/// `" in `owner`"` for a key inside a table, nothing at the top.
fn place(key: &str) -> String {
    if key.is_empty() {
        String::new()
    } else {
        Msg::PlaceIn.text(&[("key", &display_key(key))])
    }
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
