//! The site's static files (`site/static/`: styles, scripts), copied into the site. Scripts and
//! styles get names that carry a hash of their content (`search.3f2a1b9c04.js`), as the search
//! index's files do, so that a host may cache them forever: a new version of a script is a new
//! file, and a page never runs an old script against a new index. A script's imports of the
//! others (`'./search-engine.js'`) are rewritten to their hashed names first, so that its own
//! hash covers what it loads; then it is minified (`minify.rs`), and named by what is shipped. Templates name them through `asset("search.js")`, which fails
//! the build for a file that does not exist.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::BuildError;
use super::output::Files;
use super::render::Renderer;

/// The static files as they go into the site, and the hashed name of each script and style.
#[derive(Debug)]
pub(super) struct Assets {
    pub(super) files: Files,
    /// `search.js` → `search.3f2a1b9c04.js`.
    pub(super) names: BTreeMap<String, String>,
}

impl Renderer<'_> {
    /// Adds the static files to the site.
    pub(super) fn copy_static_files(&mut self) -> Result<(), BuildError> {
        let files = std::mem::take(&mut self.static_files);
        self.add_all(files.into_iter().collect())
    }
}

/// Reads `site/static/` and names its top-level scripts and styles by their content.
pub(super) fn read_assets(site_dir: &Path) -> Result<Assets, BuildError> {
    let static_dir = site_dir.join("static");
    let mut files = Files::new();
    copy_tree(&static_dir, &static_dir, &mut files)?;
    let hashed = |path: &PathBuf| {
        path.components().count() == 1
            && path
                .extension()
                .is_some_and(|e| e == "js" || e == "css" || e == "mjs")
    };
    let mut pending: Vec<PathBuf> = files.keys().filter(|p| hashed(p)).cloned().collect();
    let plain: Vec<String> = pending
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    // A script is named once the scripts it imports are: its text then holds their names.
    while !pending.is_empty() {
        let before = pending.len();
        let mut waiting = Vec::new();
        for path in pending {
            let name = path.to_string_lossy().into_owned();
            let mut text = match String::from_utf8(files[&path].clone()) {
                Ok(text) => text,
                Err(_) => {
                    return Err(BuildError::SiteFile {
                        path: static_dir.join(&path),
                        problem: "not UTF-8 text: save the script or style as UTF-8".into(),
                    });
                }
            };
            let imports: Vec<&String> = plain
                .iter()
                .filter(|dep| **dep != name && imports(&text, dep))
                .collect();
            // An import the rewrite would miss would load a file the site no longer has.
            if let Some(dep) = plain
                .iter()
                .find(|dep| text.contains(&format!("`./{dep}`")))
            {
                return Err(BuildError::SiteFile {
                    path: static_dir.join(&path),
                    problem: format!(
                        "imports `./{dep}` in backquotes; write '{dep}' in plain quotes \
                         ('./{dep}') so the build can give it its content name"
                    ),
                });
            }
            if imports.iter().any(|dep| !names.contains_key(*dep)) {
                waiting.push(path);
                continue;
            }
            for dep in imports {
                for quote in ['\'', '"'] {
                    text = text.replace(
                        &format!("{quote}./{dep}{quote}"),
                        &format!("{quote}./{}{quote}", names[dep]),
                    );
                }
            }
            let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
            if ext == "js" || ext == "mjs" {
                text = super::minify::script(&static_dir.join(&path), &text)?;
            } else if ext == "css" {
                text = super::minify::style(&static_dir.join(&path), &text)?;
            }
            let new_name = methodewijzer::search::content_name(stem, ext, text.as_bytes());
            files.remove(&path);
            files.insert(PathBuf::from(&new_name), text.into_bytes());
            names.insert(name, new_name);
        }
        if waiting.len() == before {
            return Err(BuildError::SiteFile {
                path: static_dir.join(&waiting[0]),
                problem: "the scripts import each other in a circle; a script's name holds a \
                          hash of what it imports, so one of them must stop importing the other"
                    .into(),
            });
        }
        pending = waiting;
    }
    Ok(Assets { files, names })
}

/// Whether `text` names the sibling file `dep` as a module (`'./dep'` or `"./dep"`).
fn imports(text: &str, dep: &str) -> bool {
    text.contains(&format!("'./{dep}'")) || text.contains(&format!("\"./{dep}\""))
}

/// Copies `site/static/` into the site. Symbolic links are followed only to files inside that
/// folder; a linked folder is refused (it could lead out, or in a circle).
fn copy_tree(root: &Path, dir: &Path, files: &mut Files) -> Result<(), BuildError> {
    let entries = std::fs::read_dir(dir).map_err(BuildError::io(dir))?;
    let mut entries: Vec<std::fs::DirEntry> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type().map_err(BuildError::io(&path))?;
        if kind.is_dir() {
            copy_tree(root, &path, files)?;
        } else if kind.is_symlink() && path.is_dir() {
            return Err(BuildError::SiteFile {
                path,
                problem: "a symbolic link to a folder; static files are copied only from real folders: replace the link by the folder itself".into(),
            });
        } else {
            let bytes = methodewijzer::input::read_file(
                root,
                &path,
                methodewijzer::input::MAX_STATIC_BYTES,
            )
            .map_err(|e| BuildError::SiteFile {
                path: path.clone(),
                problem: e.to_string(),
            })?;
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            files.insert(relative, bytes);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("static")).unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join("static").join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn imports_are_rewritten_to_content_names_before_hashing() {
        let dir = site(&[
            ("a.js", "import { b } from './b.js';\nimport('./c.js');"),
            ("b.js", "export const b = 1;"),
            ("c.js", "export const c = 2;"),
            ("research.js", "import './b.js';"),
        ]);
        let assets = read_assets(dir.path()).unwrap();
        let a = &assets.names["a.js"];
        let text = String::from_utf8(assets.files[&PathBuf::from(a)].clone()).unwrap();
        // Minified, the quotes may change; the names are what count.
        assert!(
            text.contains(&format!("./{}", assets.names["b.js"])),
            "{text}"
        );
        assert!(
            text.contains(&format!("./{}", assets.names["c.js"])),
            "{text}"
        );
        assert!(!assets.files.contains_key(&PathBuf::from("a.js")));
        // A changed import changes the importer's name.
        let other = site(&[
            ("a.js", "import { b } from './b.js';\nimport('./c.js');"),
            ("b.js", "export const b = 3;"),
            ("c.js", "export const c = 2;"),
        ]);
        assert_ne!(&read_assets(other.path()).unwrap().names["a.js"], a);
    }

    #[test]
    fn a_circle_or_a_backquoted_import_fails_the_build() {
        let circle = site(&[("a.js", "import './b.js';"), ("b.js", "import './a.js';")]);
        let error = read_assets(circle.path()).unwrap_err().to_string();
        assert!(error.contains("circle"), "{error}");
        let backquoted = site(&[("a.js", "import(`./b.js`);"), ("b.js", "")]);
        let error = read_assets(backquoted.path()).unwrap_err().to_string();
        assert!(error.contains("backquotes"), "{error}");
    }
}
