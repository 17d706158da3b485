//! What every browser export must satisfy, shared by the library's search test and the
//! `browser_export` fuzz target: each file parses, the manifest is named by its content and
//! every other file by the index's generation, and the files are exactly those the manifest
//! leads to, each shard listed by a separator: at or before its first key, after the last key
//! of the shard before it.

#![allow(dead_code)] // each includer uses part of it

use std::collections::{BTreeMap, BTreeSet};

use methodewijzer::search::{BrowserIndex, content_name};

/// Checks `export` of a catalogue of `methods`; returns the manifest.
pub fn check_export(export: &BrowserIndex, methods: usize) -> serde_json::Value {
    let manifest_file = export
        .files
        .iter()
        .find(|f| f.name == export.manifest)
        .expect("the manifest is exported");
    assert_eq!(
        export.manifest,
        content_name("manifest", "json", &manifest_file.bytes),
        "the manifest is named by its content"
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&manifest_file.bytes).expect("the manifest parses");
    assert_eq!(manifest["methods"], methods);
    let generation = manifest["generation"].as_str().expect("a generation");

    // Every other file: `stem.GENERATION.ext`, each stem once, JSON that parses.
    let mut by_stem: BTreeMap<String, &[u8]> = BTreeMap::new();
    for file in export.files.iter().filter(|f| f.name != export.manifest) {
        let (stem, rest) = file.name.split_once('.').expect("stem.generation.ext");
        let (hash, ext) = rest.split_once('.').expect("stem.generation.ext");
        assert_eq!(hash, generation, "{} carries the generation", file.name);
        if ext == "json" {
            serde_json::from_slice::<serde_json::Value>(&file.bytes)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.name));
        }
        assert!(
            by_stem.insert(stem.to_string(), &file.bytes).is_none(),
            "{stem} exported twice"
        );
    }

    // The files the manifest leads to, checking each listed separator against its shard and
    // the shard before: a key is looked up in the last shard whose separator is at or before it.
    let mut expected = BTreeSet::new();
    let keys = |stem: &str| -> (String, String) {
        let bytes = by_stem
            .get(stem)
            .unwrap_or_else(|| panic!("the manifest leads to a missing {stem}"));
        let shard: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(bytes).expect("a shard is an object");
        let first = shard.keys().next().expect("a shard is not empty").clone();
        (first, shard.keys().next_back().unwrap().clone())
    };
    let separates = |kind: &str, n: usize, separator: &str| {
        let (first, _) = keys(&format!("{kind}-{n}"));
        assert!(
            separator <= first.as_str(),
            "{kind}-{n}: {separator:?} after {first:?}"
        );
        if n > 0 {
            let (_, last) = keys(&format!("{kind}-{}", n - 1));
            assert!(
                separator > last.as_str(),
                "{kind}-{n}: {separator:?} not after {last:?}"
            );
        } else {
            assert_eq!(separator, "", "the first shard's separator");
        }
    };
    let per_page = manifest["shardsPerPage"].as_u64().expect("shardsPerPage") as usize;
    for (kind, stem) in [
        ("postings", "postings"),
        ("words", "words"),
        ("names", "names"),
        ("typos", "typos"),
        ("parts", "parts"),
    ] {
        for (p, page_first) in manifest[kind].as_array().expect(kind).iter().enumerate() {
            let page = format!("{stem}-pages-{p}");
            let bytes = by_stem
                .get(&page)
                .unwrap_or_else(|| panic!("the manifest leads to a missing {page}"));
            let firsts: Vec<String> = serde_json::from_slice(bytes).expect("a page of keys");
            assert_eq!(Some(&firsts[0][..]), page_first.as_str(), "{page}");
            assert!(
                firsts.windows(2).all(|w| w[0] < w[1]),
                "{page} is in key order"
            );
            for (i, separator) in firsts.iter().enumerate() {
                separates(stem, p * per_page + i, separator);
                expected.insert(format!("{stem}-{}", p * per_page + i));
            }
            expected.insert(page);
        }
    }
    // A group a file; each term a group or the word list names is in the postings shard
    // they say.
    let json = |stem: &str| -> serde_json::Value {
        serde_json::from_slice(by_stem[stem]).expect("JSON that parses")
    };
    let in_shard = |term: &str, shard: &serde_json::Value, of: &str| {
        let shard = shard
            .as_u64()
            .unwrap_or_else(|| panic!("{of}: {shard} is no shard"));
        let stem = format!("postings-{shard}");
        assert!(by_stem.contains_key(&stem), "{of}: no {stem}");
        assert!(
            json(&stem).get(term).is_some(),
            "{of}: {term} is not in {stem}"
        );
    };
    for g in 0..manifest["thesaurusGroups"]
        .as_u64()
        .expect("thesaurusGroups")
    {
        let stem = format!("groups-{g}");
        assert!(
            by_stem.contains_key(&stem),
            "the manifest leads to a missing {stem}"
        );
        for found in json(&stem)[2]
            .as_object()
            .expect("a group's terms")
            .values()
        {
            if let [term, shard] = found.as_array().expect("[term, shard]").as_slice() {
                in_shard(term.as_str().expect("a term"), shard, &stem);
            }
        }
        expected.insert(stem);
    }
    // The word list, every shard read once.
    let mut lexicon = serde_json::Map::new();
    for stem in expected
        .iter()
        .filter(|s| s.starts_with("words-") && !s.contains("pages"))
    {
        let serde_json::Value::Object(shard) = json(stem) else {
            panic!("{stem} is no object");
        };
        for (word, entry) in &shard {
            // A listed completion is checked below.
            let (Some(entry), false) = (entry.as_array(), word.ends_with('*')) else {
                continue;
            };
            let mut term = word.as_str();
            for item in &entry[1..] {
                match item {
                    serde_json::Value::String(t) => term = t,
                    serde_json::Value::Number(_) => in_shard(term, item, stem),
                    _ => {}
                }
            }
        }
        lexicon.extend(shard);
    }
    // A listed completion (`PREFIX*` in the word list) carries the word list's own entry for
    // its word.
    let most = manifest["maxExpansions"].as_u64().expect("maxExpansions") as usize;
    for (key, list) in &lexicon {
        let Some(prefix) = key.strip_suffix('*') else {
            continue;
        };
        let list = list.as_array().expect("a list of completions");
        assert!(list.len() <= most, "{key}");
        for pair in list {
            let [word, entry] = pair.as_array().expect("[word, entry]").as_slice() else {
                panic!("{key}: {pair} is no [word, entry]");
            };
            let word = word.as_str().expect("a word");
            assert!(word.starts_with(prefix) && word != prefix, "{key}: {word}");
            assert_eq!(Some(entry), lexicon.get(word), "{key}: {word}");
        }
    }
    let per_block = manifest["docsPerBlock"].as_u64().expect("docsPerBlock") as usize;
    let without: Option<Vec<u64>> = manifest["situations"].as_array().map(|blocks| {
        blocks
            .iter()
            .map(|b| b.as_u64().expect("a block"))
            .collect()
    });
    for b in 0..methods.div_ceil(per_block) {
        expected.insert(format!("docs-{b}"));
        if without.as_ref().is_some_and(|w| !w.contains(&(b as u64))) {
            expected.insert(format!("situations-{b}"));
        }
    }
    expected.extend(["facets".to_string(), "reviewed".to_string()]);
    assert_eq!(
        by_stem.keys().cloned().collect::<BTreeSet<_>>(),
        expected,
        "the files are exactly those the manifest leads to"
    );
    manifest
}

/// The display records of documents `0..methods`, in document order.
pub fn display_records(
    export: &BrowserIndex,
    manifest: &serde_json::Value,
) -> Vec<serde_json::Value> {
    let generation = manifest["generation"].as_str().unwrap();
    let per_block = manifest["docsPerBlock"].as_u64().unwrap() as usize;
    let methods = manifest["methods"].as_u64().unwrap() as usize;
    (0..methods.div_ceil(per_block))
        .flat_map(|b| {
            let name = format!("docs-{b}.{generation}.json");
            let file = export.files.iter().find(|f| f.name == name).unwrap();
            serde_json::from_slice::<Vec<serde_json::Value>>(&file.bytes).unwrap()
        })
        .collect()
}
