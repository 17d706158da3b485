//! The catalogue's words for prefix expansion and the browser's word list.

use tantivy::directory::FileSlice;
use tantivy::postings::TermInfo;
use tantivy::termdict::{TermDictionary, TermDictionaryBuilder};

/// The catalogue's surface words (folded, unstemmed) with their document frequency, in a
/// tantivy term dictionary: prefix expansion streams through it. Kept apart from the index, which would otherwise keep a posting list for every
/// word of every method that nothing reads — half the indexing work of a large catalogue.
pub(super) struct WordList(pub(super) TermDictionary);

impl WordList {
    pub(super) fn new(counts: &[(String, u32)]) -> std::io::Result<WordList> {
        let mut builder = TermDictionaryBuilder::create(Vec::new())?;
        for (word, doc_freq) in counts {
            builder.insert(
                word.as_bytes(),
                &TermInfo {
                    doc_freq: *doc_freq,
                    postings_range: 0..0,
                    positions_range: 0..0,
                },
            )?;
        }
        let bytes = builder.finish()?;
        Ok(WordList(TermDictionary::open(FileSlice::from(bytes))?))
    }

    /// Every word with its document frequency, in byte order.
    pub(super) fn each(&self, mut f: impl FnMut(&str, u32)) {
        if let Ok(mut stream) = self.0.stream() {
            while stream.advance() {
                if let Ok(word) = std::str::from_utf8(stream.key()) {
                    f(word, stream.value().doc_freq);
                }
            }
        }
    }
}
