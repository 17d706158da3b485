//! Warnings that keep the catalogue trustworthy without making a file invalid.
//!
//! A reviewer who checked the catalogue claim by claim found two habits these catch: sources
//! linked on document-copy sites (which re-host other people's PDFs, often outdated or
//! altered) instead of the publisher, and volunteers coded as the target group of methods that
//! volunteers carry out.

use crate::Severity;
use crate::messages::{Message, Msg};
use crate::model::Method;

/// Hosts that copy documents from elsewhere: never the publisher of what they show.
pub const DOCUMENT_COPY_HOSTS: [&str; 7] = [
    "docplayer",
    "fdocuments",
    "5dok",
    "adoc.pub",
    "studylib",
    "yumpu",
    "dokumen.pub",
];

/// Whether `url` points at a document-copy site.
pub fn is_document_copy(url: &str) -> bool {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    DOCUMENT_COPY_HOSTS.iter().any(|copy| {
        host.split('.').any(|label| label == *copy)
            || host == *copy
            || host.ends_with(&format!(".{copy}"))
    })
}

/// Pairs of a target group and a performer that name the same people: coded as both, one of
/// the two is usually a mistake.
const SAME_PEOPLE: [(&str, &str); 1] = [("vrijwilligers", "vrijwilliger")];

pub(crate) fn check(method: &Method, report: &mut dyn FnMut(Severity, &str, Message)) {
    let mut urls: Vec<(String, &str)> = Vec::new();
    for (i, source) in method.sources.iter().enumerate() {
        if let Some(url) = &source.url {
            urls.push((format!("sources[{i}].url"), url));
        }
    }
    for (i, r) in method.recognitions.iter().enumerate() {
        if let Some(url) = &r.url {
            urls.push((format!("recognitions[{i}].url"), url));
        }
    }
    if let Some(website) = method.owner.as_ref().and_then(|o| o.website.as_deref()) {
        urls.push(("owner.website".into(), website));
    }
    for (key, url) in urls {
        if is_document_copy(url) {
            report(Severity::Warning, &key, Msg::DocumentCopy.into());
        }
    }
    for (target, performer) in SAME_PEOPLE {
        if let Some(i) = method.target_groups.iter().position(|g| g == target)
            && method.carried_out_by.iter().any(|c| c == performer)
        {
            report(
                Severity::Warning,
                &format!("target_groups[{i}]"),
                Msg::SamePeople.with(&[("target", &target), ("performer", &performer)]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_document_copy;

    #[test]
    fn document_copy_hosts() {
        for url in [
            "https://docplayer.nl/123-x.html",
            "https://www.fdocuments.nl/document/x",
            "https://5dok.org/document/x",
            "https://adoc.pub/x",
            "https://studylib.net/doc/1",
            "https://www.yumpu.com/nl/x",
        ] {
            assert!(is_document_copy(url), "{url}");
        }
        for url in [
            "https://www.movisie.nl/interventie/krachtwerk",
            "https://www.nji.nl/docplayer-review",
        ] {
            assert!(!is_document_copy(url), "{url}");
        }
    }
}
