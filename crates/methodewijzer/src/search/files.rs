//! The files of the browser export: each named by a hash of its content, sorted keys cut into
//! shards of a few kilobytes, and the long shard lists cut into pages. `browser.rs` decides
//! what goes into the export; this file only how it is cut and named.

use std::hash::Hasher;

/// Shards listed per page of a paged shard list (postings, typos, words, names, thesaurus
/// groups; see `paged`): a page is about 1 KB gzip.
const SHARDS_PER_PAGE: usize = 64;

/// One file of the export.
#[derive(Debug, Clone)]
pub struct BrowserFile {
    /// File name, with a content hash (`postings-3.1a2b3c4d5e.json`).
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Cuts a shard list into pages of [`SHARDS_PER_PAGE`], each a file `[[file, first key], …]`;
/// returns, for the manifest, each page's name and first key. At 10,000 methods the postings
/// have thousands of shards and the typo index over 1,000: listed in the manifest they made
/// it 85 KB gzip, which every first query paid; paged, a lookup fetches the one page it
/// needs. The thesaurus groups are paged too: their shard names were half of the shipped
/// manifest.
pub(super) fn paged(
    kind: &str,
    shards: Vec<(String, String)>,
    files: &mut Vec<BrowserFile>,
) -> Vec<(String, String)> {
    shards
        .chunks(SHARDS_PER_PAGE)
        .enumerate()
        .map(|(i, page)| {
            let first = page[0].1.clone();
            let name = add_file(
                files,
                &format!("{kind}-pages-{i}"),
                "json",
                json_bytes(&page),
            );
            (name, first)
        })
        .collect()
}

/// Cuts sorted `(key, value)` pairs into JSON objects of about `budget` bytes; returns, for
/// the manifest, each file's name and first key. Each entry is serialized once, and the
/// object is the entries joined in their (sorted) order.
pub(super) fn shard_set<T: serde::Serialize>(
    kind: &str,
    entries: Vec<(String, T)>,
    budget: usize,
    files: &mut Vec<BrowserFile>,
) -> Vec<(String, String)> {
    let mut shards = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut first = String::new();
    let mut flush = |current: &mut Vec<u8>, first: &str| {
        if current.is_empty() {
            return;
        }
        current.push(b'}');
        let name = add_file(
            files,
            &format!("{kind}-{}", shards.len()),
            "json",
            std::mem::take(current),
        );
        shards.push((name, first.to_string()));
    };
    for (key, value) in entries {
        let mut entry = json_bytes(&key);
        entry.push(b':');
        entry.extend(json_bytes(&value));
        if !current.is_empty() && current.len() + entry.len() + 2 > budget {
            flush(&mut current, &first);
        }
        if current.is_empty() {
            first = key;
            current.push(b'{');
        } else {
            current.push(b',');
        }
        current.extend(entry);
    }
    flush(&mut current, &first);
    shards
}

pub(super) fn json_bytes<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON values serialize")
}

/// Adds a file named `stem.<hash>.ext` and returns the name.
pub(super) fn add_file(
    files: &mut Vec<BrowserFile>,
    stem: &str,
    ext: &str,
    bytes: Vec<u8>,
) -> String {
    let name = content_name(stem, ext, &bytes);
    files.push(BrowserFile {
        name: name.clone(),
        bytes,
    });
    name
}

/// The name `stem.<hash>.ext` for a file with these `bytes`: a hash of the content, so that a
/// host may cache the file forever and a changed file gets a new name. The same for the search
/// index's files and the site's scripts and styles.
///
/// ```
/// let a = methodewijzer::search::content_name("search", "js", b"1");
/// assert!(a.starts_with("search.") && a.ends_with(".js"));
/// assert_ne!(a, methodewijzer::search::content_name("search", "js", b"2"));
/// ```
pub fn content_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.write_usize(bytes.len());
    format!("{stem}.{:010x}.{ext}", hasher.finish() & 0xff_ffff_ffff)
}
