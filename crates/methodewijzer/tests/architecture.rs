//! The library's shape, as ARCHITECTURE.md promises it: data flows one way (files →
//! `Catalogue` → index and exports), so no module depends, directly or through others, on a
//! module that depends on it; and no source file grows past about 500 lines without its module
//! documentation saying why.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
/// "About 500 lines": a file may run a little over before it must explain itself.
const LONG_FILE: usize = 550;
/// The words a long file's module documentation uses to say why it is long.
const REASON: &str = "This file is long because";

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`search/index.rs` → `search`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix(SRC).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// Names the crate root re-exports, mapped to the module they come from (`Catalogue` →
/// `catalogue`), read from `pub use module::{…};` in lib.rs.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(rest) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        for item in items.split([',', '{', '}']).map(str::trim) {
            let name = item.rsplit(' ').next().unwrap_or(item); // `x as y`
            if !name.is_empty() {
                names.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    names
}

/// The modules `source` refers to through `crate::` paths (code, not comments).
fn dependencies(
    source: &str,
    modules: &BTreeSet<String>,
    roots: &BTreeMap<String, String>,
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                // `crate::{a, b::c}`: each first segment (a braced group on one line).
                Some(group) => group
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(|p| p.trim().split("::").next().unwrap_or(""))
                    .collect(),
                None => vec![
                    rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                        .next()
                        .unwrap_or(""),
                ],
            };
            for name in names {
                if modules.contains(name) {
                    found.insert(name.to_string());
                } else if let Some(module) = roots.get(name) {
                    found.insert(module.clone());
                }
            }
        }
    }
    found
}

/// A cycle in `graph`, if there is one, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut found = path[start..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(Path::new(SRC), &mut files);
    let lib = std::fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    let roots = reexports(&lib);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(f))
        .filter(|m| m != "lib")
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        if module == "lib" {
            continue;
        }
        let source = std::fs::read_to_string(file).unwrap();
        // Tests may use anything: only the code a user runs must flow one way.
        let code = source.split("#[cfg(test)]").next().unwrap();
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(dependencies(code, &modules, &roots));
        entry.remove(&module);
    }
    graph
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let graph = graph();
    assert!(graph.len() > 10, "the module graph was not read: {graph:?}");
    // The flow the architecture promises, checked directly as well as for cycles.
    assert!(graph["search"].contains("catalogue"));
    for base in ["catalogue", "model", "vocab", "analysis", "markdown"] {
        assert!(!graph[base].contains("search"), "{base} depends on search");
    }
    if let Some(cycle) = cycle(&graph) {
        panic!("import cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let graph = BTreeMap::from([
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["c".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]);
    assert_eq!(cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let roots = reexports("pub use catalogue::{Catalogue, LoadOptions};\npub use x::Y as Z;");
    assert_eq!(roots["Catalogue"], "catalogue");
    assert_eq!(roots["Z"], "x");
}

#[test]
fn long_files_say_why() {
    let mut files = Vec::new();
    sources(Path::new(SRC), &mut files);
    // The site generator and the command too.
    sources(
        &Path::new(SRC).join("../../methodewijzer-site/src"),
        &mut files,
    );
    assert!(files.len() > 30, "the sources were not found");
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let lines = source.lines().count();
        let docs: String = source
            .lines()
            .take_while(|l| l.starts_with("//!") || l.is_empty())
            .collect();
        assert!(
            lines <= LONG_FILE || docs.contains(REASON),
            "{} has {lines} lines and its module docs do not say why (\"{REASON} …\")",
            file.display()
        );
    }
}
