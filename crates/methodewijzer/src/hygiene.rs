//! Text every output can carry.
//!
//! A method's text ends up in HTML, JSON-LD, an Atom feed (XML 1.0, which forbids most control
//! characters), CSV and the browser's search index. Escaping keeps markup inert, but some
//! characters no format should carry: control characters break XML, and invisible ones (bidi
//! overrides, zero-width spaces) make a name display differently from what it is. `check`
//! rejects them where they are typed, with the field named, so no output has to guess.

use crate::Severity;
use crate::messages::{Message, Msg};
use crate::model::Method;

/// What a character is, if it may not be in a catalogue text.
fn forbidden(c: char, multiline: bool) -> Option<Msg> {
    match c {
        '\n' | '\t' if multiline => None,
        '\r' if multiline => None,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some(Msg::CharControl),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
            Some(Msg::CharDirection)
        }
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Some(Msg::CharZeroWidth),
        '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}' => Some(Msg::CharNonCharacter),
        _ => None,
    }
}

/// Reports every text of `method` that holds a character no output may carry, or that is blank
/// where a text is required, and Markdown nested too deeply to render in reasonable time.
pub(crate) fn check_texts(method: &Method, report: &mut dyn FnMut(Severity, &str, Message)) {
    let mut one_line: Vec<(String, &str)> = vec![
        ("name".into(), method.name.as_str()),
        ("summary".into(), method.summary.as_str()),
    ];
    for (i, alias) in method.aliases.iter().enumerate() {
        one_line.push((format!("aliases[{i}]"), alias));
    }
    for (i, element) in method.effective_elements.iter().enumerate() {
        one_line.push((format!("effective_elements[{i}]"), element));
    }
    for (i, situation) in method.situations.iter().enumerate() {
        one_line.push((format!("situations[{i}]"), situation));
    }
    for (i, source) in method.sources.iter().enumerate() {
        one_line.push((format!("sources[{i}].title"), &source.title));
    }
    for (i, r) in method.recognitions.iter().enumerate() {
        one_line.push((format!("recognitions[{i}].scheme"), &r.scheme));
    }
    for (i, example) in method.practice_examples.iter().enumerate() {
        one_line.push((format!("practice_examples[{i}].title"), &example.title));
        if let Some(place) = &example.place {
            one_line.push((format!("practice_examples[{i}].place"), place));
        }
    }
    if let Some(owner) = &method.owner {
        one_line.push(("owner.organisation".into(), &owner.organisation));
    }
    for (key, text) in &one_line {
        if text.trim().is_empty() {
            report(Severity::Error, key, Msg::BlankText.with(&[("key", key)]));
        }
        check_chars(key, text, false, report);
    }

    let mut multiline: Vec<(String, &str)> = method
        .markdown_fields()
        .map(|(key, text)| (key.to_string(), text))
        .collect();
    for (i, r) in method.recognitions.iter().enumerate() {
        if let Some(note) = &r.note {
            multiline.push((format!("recognitions[{i}].note"), note));
        }
    }
    for (i, example) in method.practice_examples.iter().enumerate() {
        multiline.push((
            format!("practice_examples[{i}].description"),
            &example.description,
        ));
    }
    for (key, text) in &multiline {
        check_chars(key, text, true, report);
        let (depth, _) = crate::markdown::nesting(text);
        if depth > crate::markdown::MAX_NESTING {
            report(
                Severity::Error,
                key,
                Msg::TooDeep.with(&[
                    ("key", key),
                    ("depth", &depth),
                    ("max", &crate::markdown::MAX_NESTING),
                ]),
            );
        }
    }

    if let Some(age) = &method.age
        && let (Some(min), Some(max)) = (age.min, age.max)
        && min > max
    {
        report(
            Severity::Error,
            "age",
            Msg::AgeReversed.with(&[("min", &min), ("max", &max)]),
        );
    }
}

fn check_chars(
    key: &str,
    text: &str,
    multiline: bool,
    report: &mut dyn FnMut(Severity, &str, Message),
) {
    if let Some((what, c)) = text
        .chars()
        .find_map(|c| forbidden(c, multiline).map(|what| (what, c)))
    {
        report(
            Severity::Error,
            key,
            Msg::ForbiddenCharacter.with(&[
                ("key", &key),
                ("what", &what.text(&[])),
                ("hex", &format!("{:04X}", u32::from(c))),
            ]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::forbidden;

    #[test]
    fn forbidden_characters() {
        for c in [
            '\u{1}', '\u{0}', '\u{202e}', '\u{200b}', '\u{feff}', '\u{85}',
        ] {
            assert!(forbidden(c, true).is_some(), "{c:?}");
        }
        assert!(forbidden('\n', false).is_some());
        for c in ['\n', '\t', 'é', '–', '€', 'ë'] {
            assert!(forbidden(c, true).is_none(), "{c:?}");
        }
    }
}
