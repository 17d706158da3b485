//! The files of the browser export: sorted keys cut into shards of a few kilobytes, the long
//! shard lists cut into pages, and every file named by one hash of the whole index. `browser.rs`
//! decides what goes into the export; this file only how it is cut and named.
//!
//! **Names.** Every index file is `KIND-N.GENERATION.EXT` (`postings-3.1a2b3c4d5e.json`), with
//! one generation for the whole index: a hash of every file's name and content. The manifest
//! alone is named by its own content, and it carries the generation, so the script derives any
//! file's name from a shard's number. Lists of shards are therefore lists of keys only.
//! Until format 6 each file carried a hash of its own, and the lists that named the shards were
//! half hashes, which no compression shrinks: a first search read 7 KB of such pages on the
//! shipped catalogue. A name still never stands for two contents, so hosts may cache every
//! file forever; the price is that any change to the catalogue renames every index file, so a
//! returning visitor fetches again what a query needs after an edit.
//!
//! **Separators.** A shard is listed not by its first key but by the shortest prefix of it
//! that sorts after the previous shard's last key (`""` for shard 0): "aanbi" for a shard
//! from "aanbieden" after one ending in "aanbesteding". A key belongs to the last shard whose
//! separator is at or before it, just as with first keys, so lookups and prefix ranges are
//! unchanged; the pages and the manifest are shorter (format 8: a first search 1 KB lighter on
//! the shipped catalogue).

use std::hash::Hasher;

/// Shards listed per page of a paged shard list (postings, typos, words, names, thesaurus
/// groups; see `paged`).
pub const SHARDS_PER_PAGE: usize = 64;

/// One file of the export.
#[derive(Debug, Clone)]
pub struct BrowserFile {
    /// File name: `postings-3.1a2b3c4d5e.json`, the hash the index's generation (the
    /// manifest's own content hash for the manifest).
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// The index's files before they are named: each one's stem, extension and bytes.
#[derive(Default)]
pub(super) struct Files {
    files: Vec<(String, &'static str, Vec<u8>)>,
}

impl Files {
    /// Adds the file `stem.GENERATION.ext`.
    pub fn add(&mut self, stem: String, ext: &'static str, bytes: Vec<u8>) {
        self.files.push((stem, ext, bytes));
    }

    /// The generation (a hash of every file's stem and bytes, in the order they were added)
    /// and the files named with it.
    pub fn named(self) -> (String, Vec<BrowserFile>) {
        let mut hasher = rustc_hash::FxHasher::default();
        for (stem, ext, bytes) in &self.files {
            hasher.write(stem.as_bytes());
            hasher.write(ext.as_bytes());
            hasher.write(bytes);
            hasher.write_usize(bytes.len());
        }
        let generation = short_hash(&hasher);
        let files = self
            .files
            .into_iter()
            .map(|(stem, ext, bytes)| BrowserFile {
                name: format!("{stem}.{generation}.{ext}"),
                bytes,
            })
            .collect();
        (generation, files)
    }
}

/// Cuts a shard list into pages of [`SHARDS_PER_PAGE`], each a file `KIND-pages-P` listing
/// its shards' separators (shard `P × SHARDS_PER_PAGE + i` is the page's `i`-th); returns,
/// for the manifest, each page's first separator. At 10,000 methods the postings have thousands of
/// shards and the typo index over 1,000: listed in the manifest they made it 85 KB gzip,
/// which every first query paid; paged, a lookup fetches the one page it needs.
pub(super) fn paged(kind: &str, firsts: Vec<String>, files: &mut Files) -> Vec<String> {
    firsts
        .chunks(SHARDS_PER_PAGE)
        .enumerate()
        .map(|(i, page)| {
            files.add(format!("{kind}-pages-{i}"), "json", json_bytes(&page));
            page[0].clone()
        })
        .collect()
}

/// Cuts sorted `(key, value)` pairs into JSON objects of about `budget` bytes, files
/// `KIND-N`; returns, for the manifest or the pages, each file's separator (see the module
/// docs), and per entry the number of its shard. Each entry is serialized once, and the
/// object is the entries joined in their (sorted) order.
pub(super) fn shard_set<T: serde::Serialize>(
    kind: &str,
    entries: Vec<(String, T)>,
    budget: usize,
    files: &mut Files,
) -> (Vec<String>, Vec<u32>) {
    let mut shard_of = Vec::with_capacity(entries.len());
    let mut firsts = Vec::new();
    let mut last: Option<String> = None;
    let mut current: Vec<u8> = Vec::new();
    let mut flush = |current: &mut Vec<u8>, firsts: &Vec<String>| {
        current.push(b'}');
        let n = firsts.len() - 1;
        files.add(format!("{kind}-{n}"), "json", std::mem::take(current));
    };
    for (key, value) in entries {
        let mut entry = json_bytes(&key);
        entry.push(b':');
        entry.extend(json_bytes(&value));
        if !current.is_empty() && current.len() + entry.len() + 2 > budget {
            flush(&mut current, &firsts);
        }
        if current.is_empty() {
            firsts.push(separator(last.as_deref(), &key));
            current.push(b'{');
        } else {
            current.push(b',');
        }
        current.extend(entry);
        shard_of.push(firsts.len() as u32 - 1);
        last = Some(key);
    }
    if !current.is_empty() {
        flush(&mut current, &firsts);
    }
    (firsts, shard_of)
}

/// The shortest prefix of `first` (whole characters) that sorts after `previous`, the last
/// key of the shard before; `""` for the first shard. Keys are compared as the script compares
/// them; for the catalogue's words (no character beyond U+FFFF) UTF-8 byte order is the same.
fn separator(previous: Option<&str>, first: &str) -> String {
    let Some(previous) = previous else {
        return String::new();
    };
    first
        .char_indices()
        .map(|(i, c)| &first[..i + c.len_utf8()])
        .find(|prefix| *prefix > previous)
        .unwrap_or(first)
        .to_string()
}

pub(super) fn json_bytes<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON values serialize")
}

/// The name `stem.<hash>.ext` for a file with these `bytes`: a hash of the content, so that a
/// host may cache the file forever and a changed file gets a new name. The site's scripts and
/// styles and the search index's manifest are named so.
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
    format!("{stem}.{}.{ext}", short_hash(&hasher))
}

/// The hash that goes into a file name: ten hexadecimal digits, for content names and the
/// generation alike.
fn short_hash(hasher: &rustc_hash::FxHasher) -> String {
    format!("{:010x}", hasher.finish() & 0xff_ffff_ffff)
}

#[cfg(test)]
mod tests {
    use super::separator;

    #[test]
    fn a_separator_is_the_shortest_prefix_after_the_shard_before() {
        assert_eq!(separator(None, "aanpak"), "");
        assert_eq!(separator(Some("aanbesteding"), "aanbieden"), "aanbi");
        assert_eq!(separator(Some("zorg"), "zorgen"), "zorge");
        assert_eq!(separator(Some("ou"), "één"), "é");
        assert_eq!(separator(Some("000063"), "000064"), "000064");
    }
}
