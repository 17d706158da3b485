//! The TOML parser's syntax errors as editors need them, and the repair that lets the rest of
//! a broken file still be checked.
//!
//! The parser's messages are English and technical ("invalid basic string, expected `\"`");
//! the common kinds become a message of the table (an unclosed text, a missing `=`, a Dutch
//! date, a duplicate key, …); the rest keeps the parser's words behind a plain lead-in.
//!
//! *Why repair:* one mistyped date used to hide every other problem of the file until the next
//! run. [`patch`] blanks out the values (or lines) the errors are on, keeping every byte offset,
//! so the repaired text can be walked against the schema and its problems located in the
//! original.

use std::ops::Range;

use crate::hints::dutch_date;
use crate::messages::{Message, Msg};

/// One syntax error, explained: where, what, and how to repair the text around it.
pub(crate) struct SyntaxError {
    pub span: Range<usize>,
    pub message: Message,
    repair: Repair,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Repair {
    /// Blank the value after the `=` on the error's line.
    Value,
    /// Turn the error's line into a comment.
    Line,
    /// Nothing sensible: the file is not repaired.
    None,
}

/// The parser's errors, explained: an unclosed list, which makes the parser report every
/// following line (with odd messages such as "invalid boolean"), becomes one error at the
/// list's opening; a duplicate key says where the key was first set.
pub(crate) fn explain(source: &str, errors: Vec<toml::de::Error>) -> Vec<SyntaxError> {
    let mut errors: Vec<(Range<usize>, String)> = errors
        .iter()
        .map(|e| (e.span().unwrap_or(0..0), e.message().trim_end().to_string()))
        .collect();
    errors.sort_by_key(|(span, _)| span.start);
    let mut out = Vec::new();
    for (span, detail) in errors {
        if detail.contains("array")
            && let Some(unclosed) = unclosed_list(source, &span)
        {
            out.push(unclosed);
            return out;
        }
        let (message, repair) = kind(source, &span, &detail);
        // One line, one error: the parser sometimes reports a broken value twice.
        if out.last().is_some_and(|last: &SyntaxError| {
            line_of(source, last.span.start) == line_of(source, span.start)
        }) {
            continue;
        }
        out.push(SyntaxError {
            span,
            message,
            repair,
        });
    }
    out
}

/// The last `= [` before the first list complaint, when that line does not close it.
fn unclosed_list(source: &str, span: &Range<usize>) -> Option<SyntaxError> {
    let before = &source[..span.start.min(source.len())];
    let open = before.rfind("= [")?;
    let line_end = source[open..].find('\n').map_or(source.len(), |i| open + i);
    if source[open..line_end].contains(']') {
        return None;
    }
    let key_start = before[..open].rfind('\n').map_or(0, |i| i + 1);
    let key = source[key_start..open].trim();
    Some(SyntaxError {
        span: open + 2..open + 3,
        message: Msg::TomlUnclosedList.with(&[("key", &key)]),
        repair: Repair::None,
    })
}

/// The message for one parser error, and how to repair its line.
fn kind(source: &str, span: &Range<usize>, detail: &str) -> (Message, Repair) {
    let has = |words: &[&str]| words.iter().any(|w| detail.contains(w));
    let with = |msg: Msg| msg.with(&[("detail", &detail)]);
    if detail == "duplicate key" {
        return (duplicate_key(source, span), Repair::Line);
    }
    if has(&["four-digit year", "date", "time", "month", "day", "hour"]) {
        return match dutch_date(source, span) {
            Some(date) => (Msg::TomlDutchDate.with(&[("date", &date)]), Repair::Value),
            None => (with(Msg::TomlInvalidDate), Repair::Value),
        };
    }
    let message = if has(&["string"]) && has(&["visible characters"]) {
        Msg::TomlBadCharacter
    } else if has(&["string"]) && has(&["expected `\"`", "expected `'`", "closing"]) {
        Msg::TomlUnclosedString
    } else if has(&["missing comma"]) {
        Msg::TomlMissingComma
    } else if has(&[
        "missing assignment",
        "key with no value",
        "missing value",
        "separator",
    ]) {
        Msg::TomlMissingEquals
    } else if has(&[
        "must be quoted",
        "invalid value",
        "invalid boolean",
        "unquoted string",
    ]) || has(&["invalid integer", "invalid float", "leading zero"])
    {
        Msg::TomlUnquoted
    } else if has(&["table"]) && !has(&["inline table"]) {
        return (with(Msg::TomlUnclosedHeader), Repair::Line);
    } else if has(&["invalid key", "unquoted key"]) {
        return (with(Msg::TomlInvalidKey), Repair::Line);
    } else if has(&["unexpected"]) {
        Msg::TomlUnexpected
    } else {
        Msg::TomlOther
    };
    (with(message), Repair::Value)
}

/// "duplicate key `name`: it is already set on line 1 …", when the first is found.
fn duplicate_key(source: &str, span: &Range<usize>) -> Message {
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
        Some(n) if !key.is_empty() => {
            Msg::TomlDuplicateKeyAt.with(&[("key", &key), ("line", &(lines_before + n + 1))])
        }
        _ => Msg::TomlDuplicateKey.into(),
    }
}

/// The byte range of the line holding `offset`, without its line end.
fn line_of(source: &str, offset: usize) -> Range<usize> {
    let offset = offset.min(source.len());
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let end = if source[start..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    start..end
}

/// `source` with the values (or lines) of `errors` blanked out, each to the same number of
/// bytes, and the ranges blanked; `None` when an error cannot be repaired this way.
pub(crate) fn patch(source: &str, errors: &[SyntaxError]) -> Option<(String, Vec<Range<usize>>)> {
    let mut bytes = source.as_bytes().to_vec();
    let mut blanked = Vec::new();
    for error in errors {
        let line = line_of(source, error.span.start);
        let text = &source[line.clone()];
        let value = text.find('=').map(|eq| {
            let after = &text[eq + 1..];
            let lead = after.len() - after.trim_start().len();
            line.start + eq + 1 + lead..line.end
        });
        let range = match (error.repair, value) {
            (Repair::None, _) => return None,
            (Repair::Value, Some(value)) if error.span.start >= value.start => value,
            _ => line.clone(),
        };
        let filler: &[u8] = if range == line {
            b"#"
        } else if range.len() >= 2 {
            b"\""
        } else {
            b"0"
        };
        for (i, byte) in bytes[range.clone()].iter_mut().enumerate() {
            *byte = if i == 0 || (filler == b"\"" && i == range.len() - 1) {
                filler[0]
            } else {
                b' '
            };
        }
        blanked.push(range);
    }
    // Only ASCII was written over whole lines or values, so the text is still UTF-8.
    String::from_utf8(bytes).ok().map(|text| (text, blanked))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(source: &str) -> Vec<SyntaxError> {
        let (_, errors) = toml::de::DeTable::parse_recoverable(source);
        explain(source, errors)
    }

    #[test]
    fn a_dutch_date_is_explained_and_repaired_in_place() {
        let source = "name = \"X\"\nlast_reviewed = 26-11-2026\nkosten = 1\n";
        let found = errors(source);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message.code, "MW104");
        assert!(found[0].message.text.contains("2026-11-26"));
        let (patched, blanked) = patch(source, &found).unwrap();
        assert_eq!(patched.len(), source.len());
        assert_eq!(
            patched,
            "name = \"X\"\nlast_reviewed = \"        \"\nkosten = 1\n"
        );
        assert_eq!(blanked, vec![Range { start: 27, end: 37 }]);
        assert!(toml::de::DeTable::parse_recoverable(&patched).1.is_empty());
    }

    #[test]
    fn common_parser_errors_get_their_own_code() {
        for (source, code) in [
            ("name = \"X\n", "MW106"),
            ("name \"X\"\n", "MW108"),
            ("name = Gratis\n", "MW109"),
            ("themes = [\"a\" \"b\"]\n", "MW110"),
            ("[owner\norganisation = \"X\"\n", "MW111"),
            ("name = \"X\"\nname = \"Y\"\n", "MW102"),
            ("date = 2024-13-45\n", "MW105"),
        ] {
            let found = errors(source);
            assert!(!found.is_empty(), "{source:?}");
            assert_eq!(
                found[0].message.code, code,
                "{source:?}: {}",
                found[0].message.text
            );
        }
    }
}
