//! What the editors' template (`interventions/_template.toml`) says about each field of a method:
//! its place in the order, its Dutch help (the comment at the end of its line, or the comment
//! lines just above it) and whether it is a long text (written as `"""`).

use std::collections::{HashMap, HashSet};

/// What the editors' template says about each field.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    /// Paths in the template's order.
    pub(super) order: Vec<String>,
    pub(super) help: HashMap<String, String>,
    /// Fields the template writes as `"""` strings.
    pub(super) long: HashSet<String>,
}

/// Reads the template: for each key (also when commented out), its path, its help (the comment
/// at the end of its line, or the comment lines just above it) and whether it is long text.
pub(crate) fn notes(template: &str) -> Notes {
    let mut notes = Notes::default();
    let mut table = String::new();
    let mut comment: Vec<&str> = Vec::new();
    for line in template.lines() {
        let line = line.trim();
        let body = line.strip_prefix('#').map_or(line, str::trim);
        if line.is_empty() || line.starts_with("#:") || body.starts_with('─') {
            comment.clear();
            continue;
        }
        let header = body
            .strip_prefix("[[")
            .and_then(|r| r.strip_suffix("]]"))
            .or_else(|| body.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
        let assignment = body.split_once(" = ").filter(|(k, _)| is_key(k.trim()));
        let (path, trailing, long) = if let Some(name) = header.filter(|n| is_key(n)) {
            table = name.to_string();
            (table.clone(), None, false)
        } else if let Some((key, value)) = assignment {
            let path = if table.is_empty() {
                key.trim().to_string()
            } else {
                format!("{table}.{}", key.trim())
            };
            let trailing = value.split_once(" # ").map(|(_, c)| c.trim());
            (path, trailing, value.trim_start().starts_with("\"\"\""))
        } else {
            if line.starts_with('#') && body != "\"\"\"" {
                comment.push(body);
            }
            continue;
        };
        let help = trailing.map_or_else(|| comment.join(" "), str::to_string);
        if !notes.help.contains_key(&path) {
            notes.order.push(path.clone());
            notes.help.insert(path.clone(), help);
        }
        if long {
            notes.long.insert(path);
        }
        comment.clear();
    }
    notes
}

fn is_key(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = include_str!("../../../../../interventions/_template.toml");

    #[test]
    fn the_template_gives_order_help_and_long_texts() {
        let notes = notes(TEMPLATE);
        assert_eq!(notes.order[0], "name");
        assert!(
            notes.help["summary"].contains("300 tekens"),
            "{:?}",
            notes.help["summary"]
        );
        assert!(notes.help["recognitions.date"].contains("datum van het oordeel"));
        assert!(notes.long.contains("aim") && notes.long.contains("practice_examples.description"));
        assert!(!notes.long.contains("summary"));
    }
}
