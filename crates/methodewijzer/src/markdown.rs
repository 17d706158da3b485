//! Markdown for the long-text fields, rendered to HTML that is safe to put in a page.
//!
//! Method files come in through pull requests from people outside the team, so their text is
//! untrusted. Two layers keep it inert: raw HTML in the Markdown is turned into visible text
//! before rendering (an editor who types `<b>` sees `<b>`), and the rendered HTML goes through
//! ammonia's allow-list, which also drops `javascript:` links and event attributes.

use pulldown_cmark::{Event, Options, Parser, html};

/// Renders Markdown to sanitized HTML. Headings are shifted down two levels (`#` becomes
/// `<h3>`) so that they sit under the field's own heading on a method page.
pub fn to_html(markdown: &str) -> String {
    to_html_shifted(markdown, 2)
}

/// Renders Markdown to sanitized HTML with headings shifted down `shift` levels (0 for a
/// page of its own, where `##` is a section under the page's `<h1>`).
pub fn to_html_shifted(markdown: &str, shift: u8) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(pulldown_cmark::Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(pulldown_cmark::Tag::Heading {
            level: demote(level, shift),
            id,
            classes,
            attrs,
        }),
        Event::End(pulldown_cmark::TagEnd::Heading(level)) => {
            Event::End(pulldown_cmark::TagEnd::Heading(demote(level, shift)))
        }
        // An image would load from a third party's host on every visit: it becomes a link to
        // the image, with its description as the link text.
        Event::Start(pulldown_cmark::Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(pulldown_cmark::Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }),
        Event::End(pulldown_cmark::TagEnd::Image) => Event::End(pulldown_cmark::TagEnd::Link),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    sanitizer().clean(&out).to_string()
}

/// Renders Markdown to plain text (for search snippets, feeds and CSV): the words without
/// the markup.
pub fn to_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(_) if !out.ends_with(' ') && !out.is_empty() => out.push(' '),
            _ => {}
        }
    }
    // One space between words, none at the ends.
    let mut text = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
}

/// How deeply block quotes and lists may nest in a text field. Real texts nest two or three
/// levels; rendering (and sanitising) thousands of levels takes time quadratic in the depth.
pub const MAX_NESTING: usize = 12;

/// The deepest nesting of block quotes and lists in `markdown`, with the byte offset where it
/// is first reached.
pub fn nesting(markdown: &str) -> (usize, usize) {
    use pulldown_cmark::{Tag, TagEnd};
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                depth += 1;
                if depth > deepest {
                    deepest = depth;
                    at = range.start;
                }
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (deepest, at)
}

/// Escapes text for HTML (`& < > " '`), for catalogue text placed in a page outside Markdown.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Writing to a String cannot fail.
    let _ = write_escaped_html(&mut out, text);
    out
}

/// Writes `text` escaped for HTML to `out`, as [`escape_html`] does, without an allocation:
/// templates escape every value they print, so this is on the path of every page.
///
/// Characters that XML 1.0 forbids (control characters other than tab and line ends, and the
/// non-characters U+FFFE and U+FFFF) are dropped: `check` refuses them in method files, but a
/// catalogue built in memory ([`Catalogue::from_parts`](crate::Catalogue::from_parts)) is not
/// checked, and one such character makes a feed unreadable.
pub fn write_escaped_html(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let bytes = text.as_bytes();
    let mut done = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (escaped, width) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            0..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F => ("", 1),
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => ("", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        out.write_str(&text[done..i])?;
        out.write_str(escaped)?;
        i += width;
        done = i;
    }
    out.write_str(&text[done..])
}

fn demote(level: pulldown_cmark::HeadingLevel, shift: u8) -> pulldown_cmark::HeadingLevel {
    use pulldown_cmark::HeadingLevel::*;
    let n = (level as u8 + shift).min(6);
    [H1, H2, H3, H4, H5, H6][usize::from(n - 1)]
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(["http", "https", "mailto"].into_iter().collect())
            .rm_tags(["img"])
            .link_rel(Some("noopener noreferrer"));
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_drops_what_xml_forbids_and_keeps_the_rest() {
        assert_eq!(
            escape_html("a\u{1}b\u{0}<c>\u{FFFF}d\u{FFFE}\u{1F}\te\u{FFFD}\r\nf\u{7F}"),
            "ab&lt;c&gt;d\te\u{FFFD}\r\nf\u{7F}"
        );
        assert_eq!(
            escape_html("Ωmega ﬁ 🙂 \"'&"),
            "Ωmega ﬁ 🙂 &quot;&#39;&amp;"
        );
    }

    #[test]
    fn renders_markdown() {
        assert_eq!(
            to_html("Een *nadruk* en een [link](https://example.org)."),
            "<p>Een <em>nadruk</em> en een <a href=\"https://example.org\" rel=\"noopener noreferrer\">link</a>.</p>\n"
        );
        assert_eq!(to_html("# Kop"), "<h3>Kop</h3>\n");
        assert_eq!(to_html("##### Kop"), "<h6>Kop</h6>\n");
        assert_eq!(to_html_shifted("## Kop", 0), "<h2>Kop</h2>\n");
    }

    #[test]
    fn raw_html_becomes_text() {
        let html = to_html("Hallo <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn dangerous_links_are_dropped() {
        let html = to_html("[klik](javascript:alert(1)) en ![x](javascript:alert(2))");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn escapes_the_five_html_characters_and_keeps_the_rest() {
        assert_eq!(
            escape_html("Kind & gezin <3 \"samen\" 'thuis' — café"),
            "Kind &amp; gezin &lt;3 &quot;samen&quot; &#39;thuis&#39; — café"
        );
        assert_eq!(escape_html("<"), "&lt;");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn plain_text() {
        assert_eq!(
            to_text("Een **vet** woord.\n\n- een\n- twee"),
            "Een vet woord. een twee"
        );
        assert_eq!(
            to_text("Twee  spaties,\u{a0}een harde,\n`code`  en\ttab.  "),
            "Twee spaties, een harde, code en tab."
        );
        assert_eq!(to_text(""), "");
        assert_eq!(to_text("   "), "");
    }
}
