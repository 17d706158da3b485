//! What several test files share: a catalogue folder of their own, with the shipped
//! vocabularies.

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// A temporary catalogue folder with the shipped `_vocabularies.toml`, the thesaurus
/// `synonyms` as `_synonyms.toml` (none when `None`) and `files` as `(name, text)`.
pub fn catalogue_dir(synonyms: Option<&str>, files: &[(String, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{ROOT}/interventions/_vocabularies.toml"),
        dir.path().join("_vocabularies.toml"),
    )
    .unwrap();
    if let Some(synonyms) = synonyms {
        std::fs::write(dir.path().join("_synonyms.toml"), synonyms).unwrap();
    }
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}
