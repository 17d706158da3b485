//! Prints `word<TAB>stem` for every word on standard input, with tantivy's Dutch stemmer
//! (Snowball 3) as the index uses it before guarding. The browser's stemmer
//! (`site/static/stem-nl.js`) is tested against this output.
//!
//!     cargo run -p methodewijzer --example stems < words.txt

use std::io::{BufRead, Write};

use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, TokenStream};

fn main() {
    let mut stemmer = TextAnalyzer::builder(RawTokenizer::default())
        .filter(Stemmer::new(Language::Dutch))
        .build();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let word = line.expect("standard input is text");
        let word = word.trim();
        if word.is_empty() {
            continue;
        }
        let mut stream = stemmer.token_stream(word);
        let stem = if stream.advance() {
            stream.token().text.clone()
        } else {
            String::new()
        };
        writeln!(out, "{word}\t{stem}").expect("standard output is writable");
    }
}
