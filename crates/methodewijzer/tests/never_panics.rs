//! The loader meets whatever an editor (or a broken merge) leaves in a file: it must answer
//! with diagnostics, never panic.

use methodewijzer::{Catalogue, Date, LoadOptions};
use proptest::prelude::*;

const VOCABULARIES: &str = include_str!("../../../interventions/_vocabularies.toml");
const METHOD: &str = include_str!("../../../interventions/krachtwerk.toml");

fn load(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_vocabularies.toml"), VOCABULARIES).unwrap();
    std::fs::write(dir.path().join("methode.toml"), bytes).unwrap();
    let today = Date::from_ymd(2026, 11, 23).unwrap();
    if let Err(diagnostics) = Catalogue::load_with(dir.path(), LoadOptions { today }) {
        // Every diagnostic must render, caret and all.
        let _ = diagnostics.to_string();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        load(&bytes);
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,600}") {
        load(text.as_bytes());
    }

    /// A real method file cut short, or with one byte changed: the near misses editors make.
    #[test]
    fn damaged_method(cut in 0..METHOD.len(), at in 0..METHOD.len(), byte in any::<u8>()) {
        let mut bytes = METHOD.as_bytes()[..cut.max(1)].to_vec();
        let at = at % bytes.len();
        bytes[at] = byte;
        load(&bytes);
    }
}
