//! Loading a catalogue folder into a [`Catalogue`]: list the files, read the vocabularies
//! (`vocab`), the synonyms (`synonyms`) and every method, then run the checks (`rules`).
//!
//! Loading is all-or-nothing for errors but never stops at the first: every file is read and
//! checked, and all problems come back together, so an editor (or CI on a pull request) sees
//! the whole list in one run. Warnings — an expired recognition, a description not reviewed for
//! three years — do not stop loading; they travel with the catalogue.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::par::*;
use serde_json::Value as Json;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::document::{self, Broken, Parsed};
use crate::input::read_text as read;
use crate::messages::Msg;
use crate::model::{Date, Method};
use crate::rules::{Ids, Source, check_broken, check_methods};
use crate::synonyms::{SYNONYMS_FILE, Synonyms, load_synonyms};
use crate::terms::Known;
use crate::text::{is_valid_slug, slugify, unconfuse};
use crate::vocab::{VOCABULARIES_FILE, Vocabularies, load_vocabularies};

/// How to load a catalogue.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// The date expiry and review warnings are judged against (today, by default).
    pub today: Date,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            today: Date::today(),
        }
    }
}

/// A loaded, validated catalogue: the methods (sorted by slug) and the vocabularies. To
/// search it, build a [`SearchIndex`](crate::SearchIndex) from it.
#[derive(Debug, Clone)]
pub struct Catalogue {
    dir: PathBuf,
    methods: Vec<Method>,
    vocabularies: Vocabularies,
    synonyms: Synonyms,
    warnings: Diagnostics,
    today: Date,
}

impl Catalogue {
    /// Loads every `*.toml` method file in `dir`, with the vocabularies from
    /// `dir/_vocabularies.toml`. Returns all errors and warnings when any file has an error.
    pub fn load(dir: impl AsRef<Path>) -> Result<Catalogue, Diagnostics> {
        Catalogue::load_with(dir, LoadOptions::default())
    }

    /// [`Catalogue::load`] with options (a fixed "today", for reproducible warnings).
    pub fn load_with(
        dir: impl AsRef<Path>,
        options: LoadOptions,
    ) -> Result<Catalogue, Diagnostics> {
        let read = Read::folder(dir.as_ref(), options);
        if read.diagnostics.has_errors() || read.vocabularies.is_none() {
            return Err(read.diagnostics);
        }
        Ok(read.into_catalogue(|_| true))
    }

    /// Loads what can be loaded: the methods whose files have no error, with every problem of
    /// the folder beside them. For a program that would rather show most of a catalogue than
    /// none of it; `check` and the site use [`Catalogue::load`], which refuses any error.
    /// Without readable vocabularies no method can be checked, and none is returned.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../interventions");
    /// let (catalogue, problems) = methodewijzer::Catalogue::load_lenient(dir, Default::default());
    /// assert!(!problems.has_errors());
    /// assert!(catalogue.len() >= 10);
    /// ```
    pub fn load_lenient(dir: impl AsRef<Path>, options: LoadOptions) -> (Catalogue, Diagnostics) {
        let read = Read::folder(dir.as_ref(), options);
        let diagnostics = read.diagnostics.clone();
        if read.vocabularies.is_none() {
            let mut catalogue = read.into_catalogue(|_| false);
            catalogue.warnings = Diagnostics::default();
            return (catalogue, diagnostics);
        }
        let failed: std::collections::HashSet<PathBuf> =
            diagnostics.errors().map(|d| d.path.clone()).collect();
        let mut catalogue = read.into_catalogue(|source| !failed.contains(&source.path));
        catalogue.warnings = Diagnostics(diagnostics.warnings().cloned().collect());
        (catalogue, diagnostics)
    }

    /// Builds a catalogue from methods already in memory (for embedding programs, generated
    /// benchmark catalogues and tests). The methods are sorted by slug; no validation is done.
    pub fn from_parts(
        mut methods: Vec<Method>,
        vocabularies: Vocabularies,
        synonyms: Synonyms,
        today: Date,
    ) -> Catalogue {
        methods.sort_by(|a, b| a.slug.cmp(&b.slug));
        Catalogue {
            dir: PathBuf::new(),
            methods,
            vocabularies,
            synonyms,
            warnings: Diagnostics::default(),
            today,
        }
    }

    /// The synonym groups used by search.
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// The folder the catalogue was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// All methods, sorted by slug.
    pub fn methods(&self) -> &[Method] {
        &self.methods
    }

    /// Iterates over the methods, sorted by slug.
    pub fn iter(&self) -> std::slice::Iter<'_, Method> {
        self.methods.iter()
    }

    /// The number of methods.
    pub fn len(&self) -> usize {
        self.methods.len()
    }

    /// Whether the catalogue has no methods.
    pub fn is_empty(&self) -> bool {
        self.methods.is_empty()
    }

    /// The method with this slug.
    pub fn get(&self, slug: &str) -> Option<&Method> {
        self.methods
            .binary_search_by(|m| m.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &self.methods[i])
    }

    /// The vocabularies, with Dutch labels and descriptions.
    pub fn vocabularies(&self) -> &Vocabularies {
        &self.vocabularies
    }

    /// Warnings found while loading (expired recognitions, stale reviews).
    pub fn warnings(&self) -> &Diagnostics {
        &self.warnings
    }

    /// The date the catalogue was judged against when it was loaded.
    pub fn today(&self) -> Date {
        self.today
    }
}

impl<'a> IntoIterator for &'a Catalogue {
    type Item = &'a Method;
    type IntoIter = std::slice::Iter<'a, Method>;
    fn into_iter(self) -> Self::IntoIter {
        self.methods.iter()
    }
}

/// What reading a catalogue folder found: every method that parsed, the vocabularies and
/// thesaurus when readable, and every problem.
struct Read {
    dir: PathBuf,
    methods: Vec<(Method, Source)>,
    vocabularies: Option<Vocabularies>,
    synonyms: Option<Synonyms>,
    diagnostics: Diagnostics,
    today: Date,
}

impl Read {
    /// Reads and checks every file of `dir`.
    fn folder(dir: &Path, options: LoadOptions) -> Read {
        let mut diagnostics = Diagnostics::default();
        let mut read = Read {
            dir: dir.to_path_buf(),
            methods: Vec::new(),
            vocabularies: None,
            synonyms: None,
            diagnostics: Diagnostics::default(),
            today: options.today,
        };

        let files = match list_files(dir, &mut diagnostics) {
            Ok(files) => files,
            Err(e) => {
                diagnostics.push(Diagnostic::file(
                    Severity::Error,
                    dir,
                    Msg::FolderUnreadable.with(&[("error", &e)]),
                ));
                read.diagnostics = diagnostics;
                return read;
            }
        };
        let vocab_path = dir.join(VOCABULARIES_FILE);
        let vocabularies = load_vocabularies(&vocab_path, &mut diagnostics);
        let synonyms = load_synonyms(
            &dir.join(SYNONYMS_FILE),
            &mut diagnostics,
            &crate::text::has_words,
        );

        let mut methods: Vec<(Method, Source)> = Vec::with_capacity(files.len());
        let mut broken: Vec<(Ids, Source)> = Vec::new();
        // Files are independent until the cross-file checks: read them on all cores.
        let parts: Vec<(Loaded, Diagnostics)> = files
            .par_iter()
            .map(|path| {
                let mut found = Diagnostics::default();
                (load_method(path, &mut found), found)
            })
            .collect();
        for (loaded, found) in parts {
            match loaded {
                Loaded::Method(method, source) => methods.push((method, source)),
                Loaded::Broken(ids, source) => broken.push((ids, source)),
                Loaded::Nothing => {}
            }
            diagnostics.0.extend(found.0);
        }
        if files.is_empty() {
            diagnostics.push(Diagnostic::file(Severity::Error, dir, Msg::NoMethodFiles));
        }

        if let Some(vocabularies) = &vocabularies {
            let vocabularies = Known {
                vocabularies,
                synonyms: synonyms.as_ref(),
            };
            // A method whose own file has errors still exists: linking to it is not an error.
            let mut slugs: Vec<String> = files
                .iter()
                .filter_map(|f| f.file_stem()?.to_str())
                .filter(|s| is_valid_slug(s))
                .map(String::from)
                .collect();
            slugs.sort_unstable();
            check_methods(
                &mut methods,
                &slugs,
                vocabularies,
                options.today,
                &mut diagnostics,
            );
            check_broken(&broken, vocabularies, &mut diagnostics);
        }

        // Stable sort: problems of one file together, in reading order.
        diagnostics
            .0
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        read.methods = methods;
        read.vocabularies = vocabularies;
        read.synonyms = synonyms;
        read.diagnostics = diagnostics;
        read
    }

    /// The catalogue of the methods `keep` accepts, with the warnings found.
    fn into_catalogue(self, keep: impl Fn(&Source) -> bool) -> Catalogue {
        let methods: Vec<(Method, Source)> =
            self.methods.into_iter().filter(|(_, s)| keep(s)).collect();
        Catalogue {
            dir: self.dir,
            // The sources go on all cores: freeing 10,000 texts is noticeable on one.
            methods: methods.into_par_iter().map(|(m, _)| m).collect(),
            vocabularies: self.vocabularies.unwrap_or_default(),
            synonyms: self.synonyms.unwrap_or_default(),
            warnings: self.diagnostics,
            today: self.today,
        }
    }
}

/// The JSON Schema of a method file, as a JSON value (computed once).
pub fn method_schema() -> &'static Json {
    static SCHEMA: OnceLock<Json> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Method).to_value())
}

/// The JSON Schema of a method file, pretty-printed: the text of `interventions/_schema.json`.
pub fn method_schema_json() -> String {
    serde_json::to_string_pretty(method_schema()).unwrap_or_default()
}

/// Method files: `*.toml` not starting with `_` (those hold data such as vocabularies), sorted.
/// A file that looks like a method but would be skipped (`.TOML`) is an error, not silence.
fn list_files(dir: &Path, diagnostics: &mut Diagnostics) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if name.starts_with('_') {
            continue;
        }
        if extension == "toml" {
            files.push(path);
        } else if extension.eq_ignore_ascii_case("toml") {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            diagnostics.push(Diagnostic::file(
                Severity::Error,
                &path,
                Msg::UpperCaseExtension.with(&[("stem", &stem)]),
            ));
        }
    }
    files.sort();
    Ok(files)
}

/// What reading one method file gave.
// Each is moved once, into its list: boxing the method would cost an allocation per file.
#[allow(clippy::large_enum_variant)]
enum Loaded {
    /// A method without errors of its own.
    Method(Method, Source),
    /// A file with errors, whose vocabulary ids can still be checked.
    Broken(Ids, Source),
    /// Nothing to check further.
    Nothing,
}

fn load_method(path: &Path, diagnostics: &mut Diagnostics) -> Loaded {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let Some(text) = read(path, diagnostics) else {
        return Loaded::Nothing;
    };
    if text.contains('\r') && !text.contains('\n') {
        diagnostics.push(Diagnostic::file(Severity::Error, path, Msg::OldMacLineEnds));
        return Loaded::Nothing;
    }
    let slug_ok = is_valid_slug(stem);
    if !slug_ok {
        let plain = unconfuse(stem);
        let hint = slugify(&plain);
        let hint = if hint.is_empty() {
            String::new()
        } else {
            Msg::HintRenameTo.text(&[("file", &format!("{hint}.toml"))])
        };
        let looks_alike = plain != stem;
        let hint = if looks_alike {
            Msg::HintLookAlike.text(&[("rename", &hint)])
        } else {
            hint
        };
        diagnostics.push(Diagnostic::file(
            Severity::Error,
            path,
            Msg::BadFileName.with(&[("hint", &hint)]),
        ));
    }
    let parsed = document::parse_or_spans::<Method>(path, &text, method_schema(), diagnostics);
    let source = |text, spans| Source {
        path: path.to_path_buf(),
        text,
        spans,
        lines: OnceLock::new(),
    };
    match parsed {
        Ok(Parsed { mut value, spans }) if slug_ok => {
            value.slug = stem.to_string();
            Loaded::Method(value, source(text, spans))
        }
        Err(Some(Broken {
            spans,
            tree: Some(tree),
        })) => Loaded::Broken(Ids::of(&tree), source(text, spans)),
        _ => Loaded::Nothing,
    }
}
