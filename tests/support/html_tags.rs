//! Reading the tags of generated HTML, for tests that check output is inert: shared by
//! `crates/methodewijzer-site/tests/hostile_corpus.rs` and the fuzz targets (`fuzz/targets.rs`).
//! Not an HTML parser: it reads HTML the way the site and the Markdown renderer write it,
//! where text is escaped, so every `<` opens a real tag.

/// The attributes of every real tag in `html`, as (tag, attribute, value), lower-cased.
/// Quote-aware: escaped text inside an attribute value is not mistaken for an attribute.
pub fn attributes(html: &str) -> Vec<(String, String, String)> {
    let html = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let tag = rest[..name_end].to_string();
        rest = &rest[name_end..];
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() || rest.starts_with('>') {
                break;
            }
            let key_end = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(rest.len());
            let key = rest[..key_end].to_string();
            rest = &rest[key_end..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix('=') {
                let (v, next) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                        (&after[1..end], &after[(end + 1).min(after.len())..])
                    }
                    _ => {
                        let end = after
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                value = v.to_string();
                rest = next;
            }
            found.push((tag.clone(), key, value));
        }
    }
    found
}
