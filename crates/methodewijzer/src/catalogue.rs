//! Loading a catalogue folder into a [`Catalogue`], and the checks that span files.
//!
//! Loading is all-or-nothing for errors but never stops at the first: every file is read and
//! checked, and all problems come back together, so an editor (or CI on a pull request) sees
//! the whole list in one run. Warnings — an expired recognition, a description not reviewed for
//! three years — do not stop loading; they travel with the catalogue.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde_json::Value as Json;

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Severity, suggestion};
use crate::document::{self, Parsed, Spans};
use crate::model::{Date, Method};
use crate::search::SearchIndex;
use crate::synonyms::{SYNONYMS_FILE, Synonyms};
use crate::vocab::{Kind, VOCABULARIES_FILE, Vocabularies};

/// A recognition lasts five years before it must be re-assessed.
const RECOGNITION_YEARS: i32 = 5;
/// A conditional recognition ("onder voorbehoud") lasts half a year.
const CONDITIONAL_MONTHS: i32 = 6;
/// A description not reviewed for this long gets a warning.
const REVIEW_YEARS: i32 = 3;

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

/// A loaded, validated catalogue: the methods (sorted by slug) and the vocabularies.
#[derive(Debug)]
pub struct Catalogue {
    dir: PathBuf,
    methods: Vec<Method>,
    vocabularies: Vocabularies,
    synonyms: Synonyms,
    warnings: Diagnostics,
    today: Date,
    /// Built on first search, so that `check` and page rendering never pay for it.
    index: OnceLock<SearchIndex>,
}

impl Clone for Catalogue {
    fn clone(&self) -> Catalogue {
        Catalogue {
            dir: self.dir.clone(),
            methods: self.methods.clone(),
            vocabularies: self.vocabularies.clone(),
            synonyms: self.synonyms.clone(),
            warnings: self.warnings.clone(),
            today: self.today,
            index: OnceLock::new(),
        }
    }
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
        let dir = dir.as_ref();
        let mut diagnostics = Diagnostics::default();

        let files = match list_files(dir, &mut diagnostics) {
            Ok(files) => files,
            Err(e) => {
                diagnostics.push(Diagnostic::file(
                    Severity::Error,
                    dir,
                    format!("cannot read the catalogue folder: {e}"),
                ));
                return Err(diagnostics);
            }
        };

        let vocab_path = dir.join(VOCABULARIES_FILE);
        let vocabularies = load_vocabularies(&vocab_path, &mut diagnostics);
        let synonyms = load_synonyms(&dir.join(SYNONYMS_FILE), &mut diagnostics);

        let mut methods: Vec<(Method, Source)> = Vec::with_capacity(files.len());
        // Files are independent until the cross-file checks: read them on all cores.
        let parts: Vec<(Option<(Method, Source)>, Diagnostics)> = files
            .par_iter()
            .map(|path| {
                let mut found = Diagnostics::default();
                (load_method(path, &mut found), found)
            })
            .collect();
        for (loaded, found) in parts {
            methods.extend(loaded);
            diagnostics.0.extend(found.0);
        }
        if files.is_empty() {
            diagnostics.push(Diagnostic::file(
                Severity::Error,
                dir,
                "no method files found: add one with `methodewijzer new \"Naam\"`",
            ));
        }

        if let Some(vocabularies) = &vocabularies {
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
        }

        // Stable sort: problems of one file together, in reading order.
        diagnostics
            .0
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        if diagnostics.has_errors() || vocabularies.is_none() {
            return Err(diagnostics);
        }
        Ok(Catalogue {
            dir: dir.to_path_buf(),
            // The sources go on all cores: freeing 10,000 texts is noticeable on one.
            methods: methods.into_par_iter().map(|(m, _)| m).collect(),
            vocabularies: vocabularies.unwrap_or_default(),
            synonyms: synonyms.unwrap_or_default(),
            warnings: diagnostics,
            today: options.today,
            index: OnceLock::new(),
        })
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
            index: OnceLock::new(),
        }
    }

    /// The synonym groups used by search.
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// The search index, built on first use.
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::build(self))
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

/// The text and value spans of a method file, kept for cross-file checks.
struct Source {
    path: PathBuf,
    text: String,
    spans: Spans,
    /// Line starts, computed at the first problem in the file.
    lines: OnceLock<LineIndex>,
}

impl Source {
    fn diagnostic(&self, severity: Severity, key: &str, message: String) -> Diagnostic {
        let lines = self.lines.get_or_init(|| LineIndex::new(&self.text));
        Diagnostic::at_indexed(
            severity,
            &self.path,
            &self.text,
            lines,
            self.spans.of(key),
            message,
        )
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

fn vocabularies_schema() -> &'static Json {
    static SCHEMA: OnceLock<Json> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Vocabularies).to_value())
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
                format!("method files end in lower-case `.toml`; rename this file to `{stem}.toml`, or it is not read"),
            ));
        }
    }
    files.sort();
    Ok(files)
}

fn read(path: &Path, diagnostics: &mut Diagnostics) -> Option<String> {
    let folder = path.parent().unwrap_or(Path::new("."));
    match crate::input::read_file(folder, path, crate::input::MAX_TEXT_BYTES) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let text = String::from_utf8_lossy(valid);
                diagnostics.push(Diagnostic::at(
                    Severity::Error,
                    path,
                    &text,
                    text.len()..text.len(),
                    "the file is not valid UTF-8 here: save it as UTF-8",
                ));
                None
            }
        },
        Err(e) => {
            diagnostics.push(Diagnostic::file(Severity::Error, path, e.to_string()));
            None
        }
    }
}

/// Whether `slug` is lowercase letters and digits in hyphen-separated groups.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A slug made from a name: "Natuurlijk, een netwerkcoach!" → `natuurlijk-een-netwerkcoach`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(fold_char) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// `name` with look-alike characters replaced by the ordinary letters they imitate: Cyrillic
/// letters that look Latin, full-width forms and the `ﬁ`-style ligatures (which slugify would
/// otherwise drop or turn into hyphens).
fn unconfuse(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let plain = match c {
            'а' => "a",
            'е' => "e",
            'о' => "o",
            'р' => "p",
            'с' => "c",
            'у' => "y",
            'х' => "x",
            'і' => "i",
            'ј' => "j",
            'ѕ' => "s",
            'ﬀ' => "ff",
            'ﬁ' => "fi",
            'ﬂ' => "fl",
            'ﬃ' => "ffi",
            'ﬄ' => "ffl",
            'ﬅ' | 'ﬆ' => "st",
            '\u{ff01}'..='\u{ff5e}' => {
                out.extend(char::from_u32(c as u32 - 0xfee0));
                continue;
            }
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

/// Drops Dutch diacritics (ë → e, é → e, ĳ → ij) for slugs and comparisons.
pub(crate) fn fold_char(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => "A",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => "O",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ç' => "c",
        'Ç' => "C",
        'ñ' => "n",
        'Ñ' => "N",
        'ĳ' => "ij",
        'Ĳ' => "IJ",
        _ => "",
    };
    let single = if folded.is_empty() { Some(c) } else { None };
    folded.chars().chain(single)
}

fn synonyms_schema() -> &'static Json {
    static SCHEMA: OnceLock<Json> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Synonyms).to_value())
}

/// The synonyms file is optional: a catalogue without one searches without synonyms.
fn load_synonyms(path: &Path, diagnostics: &mut Diagnostics) -> Option<Synonyms> {
    if !path.exists() {
        return Some(Synonyms::default());
    }
    let text = read(path, diagnostics)?;
    document::parse::<Synonyms>(path, &text, synonyms_schema(), diagnostics).map(|p| p.value)
}

pub(crate) fn load_vocabularies(
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<Vocabularies> {
    if !path.exists() {
        diagnostics.push(Diagnostic::file(
            Severity::Error,
            path,
            format!(
                "missing {VOCABULARIES_FILE}: the catalogue folder needs its vocabularies (themes, target groups, …)"
            ),
        ));
        return None;
    }
    let text = read(path, diagnostics)?;
    let parsed: Result<Parsed<Vocabularies>, _> =
        document::parse_or_spans(path, &text, vocabularies_schema(), diagnostics);
    // A file that breaks the schema (an unknown key, say) still gets its ids and labels
    // checked, from a lenient read: every problem of the file in one run.
    let (value, spans, mut failed) = match parsed {
        Ok(Parsed { value, spans }) => (value, spans, false),
        Err(Some(spans)) => match toml::from_str::<LenientVocabularies>(&text) {
            Ok(lenient) => (lenient.into_vocabularies(), spans, true),
            Err(_) => return None,
        },
        Err(None) => return None,
    };
    let lines = LineIndex::new(&text);
    let mut report = |span: std::ops::Range<usize>, message: String| {
        diagnostics.push(Diagnostic::at_indexed(
            Severity::Error,
            path,
            &text,
            &lines,
            span,
            message,
        ));
    };
    for kind in Kind::ALL {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, term) in value.terms(kind).iter().enumerate() {
            let key = format!("{}[{i}].id", kind.key());
            let span = spans.of(&key);
            if !is_valid_slug(&term.id) {
                failed = true;
                report(
                    span.clone(),
                    format!(
                        "id \"{}\" may hold only lowercase letters, digits and hyphens (try \"{}\")",
                        term.id,
                        slugify(&term.id)
                    ),
                );
            }
            if let Some(first) = seen.insert(&term.id, i) {
                failed = true;
                report(
                    span,
                    format!(
                        "id \"{}\" is used twice in `{}` (entries {} and {})",
                        term.id,
                        kind.key(),
                        first + 1,
                        i + 1
                    ),
                );
            }
            if term.label.trim().is_empty() {
                failed = true;
                report(
                    spans.of(&format!("{}[{i}].label", kind.key())),
                    format!(
                        "the label of \"{}\" is empty: write the name users see, such as \"Eenzaamheid\"",
                        term.id
                    ),
                );
            }
        }
    }
    (!failed).then_some(value)
}

/// The vocabularies read without the schema's strictness (unknown keys ignored, missing
/// labels empty), only to check ids and labels of a file that has other errors too.
#[derive(serde::Deserialize)]
struct LenientVocabularies(BTreeMap<String, Vec<LenientTerm>>);

#[derive(serde::Deserialize)]
struct LenientTerm {
    #[serde(default)]
    id: String,
    #[serde(default)]
    label: String,
}

impl LenientVocabularies {
    fn into_vocabularies(self) -> Vocabularies {
        let mut vocabularies = Vocabularies::default();
        for kind in Kind::ALL {
            let terms = self.0.get(kind.key()).map(|terms| {
                terms
                    .iter()
                    .map(|t| crate::vocab::Term {
                        id: t.id.clone(),
                        label: t.label.clone(),
                        description: String::new(),
                    })
                    .collect()
            });
            if let Some(terms) = terms {
                *vocabularies.terms_mut(kind) = terms;
            }
        }
        vocabularies
    }
}

fn load_method(path: &Path, diagnostics: &mut Diagnostics) -> Option<(Method, Source)> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let text = read(path, diagnostics)?;
    if text.contains('\r') && !text.contains('\n') {
        diagnostics.push(Diagnostic::file(
            Severity::Error,
            path,
            "the lines of this file end in a carriage return alone (old Mac format), which TOML does not allow: save it with ordinary line ends (LF or CRLF)",
        ));
        return None;
    }
    let slug_ok = is_valid_slug(stem);
    if !slug_ok {
        let plain = unconfuse(stem);
        let hint = slugify(&plain);
        let hint = if hint.is_empty() {
            String::new()
        } else {
            format!(" (rename it to `{hint}.toml`)")
        };
        let looks_alike = plain != stem;
        let hint = if looks_alike {
            format!(
                "; it contains characters that look like ordinary letters but are not (Cyrillic, full-width or ligatures){hint}"
            )
        } else {
            hint
        };
        diagnostics.push(Diagnostic::file(
            Severity::Error,
            path,
            format!(
                "the file name is the method's slug and may hold only lowercase letters, digits and hyphens{hint}"
            ),
        ));
    }
    let Parsed { mut value, spans } =
        document::parse::<Method>(path, &text, method_schema(), diagnostics)?;
    if !slug_ok {
        return None;
    }
    value.slug = stem.to_string();
    Some((
        value,
        Source {
            path: path.to_path_buf(),
            text,
            spans,
            lines: OnceLock::new(),
        },
    ))
}

/// Checks that need the vocabularies or the other methods, and fills in derived values.
fn check_methods(
    methods: &mut [(Method, Source)],
    // Sorted.
    slugs: &[String],
    vocabularies: &Vocabularies,
    today: Date,
    diagnostics: &mut Diagnostics,
) {
    // Each method's own checks are independent: run them on all cores, keeping file order.
    let found: Vec<Diagnostics> = methods
        .par_iter_mut()
        .map(|(method, source)| {
            let mut found = Diagnostics::default();
            check_method(method, source, slugs, vocabularies, today, &mut found);
            found
        })
        .collect();
    for found in found {
        diagnostics.0.extend(found.0);
    }

    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (method, source) in methods.iter() {
        let key = comparable(&method.name);
        if let Some(other) = names.get(&key) {
            diagnostics.push(source.diagnostic(
                Severity::Error,
                "name",
                format!(
                    "the name \"{}\" is already used by `{other}`: names must be unique",
                    method.name
                ),
            ));
        } else {
            names.insert(key, method.slug.clone());
        }
    }

    warn_one_sided_related(methods, diagnostics);
    warn_similar_names(methods, diagnostics);
}

/// The checks of one method against the vocabularies and the other methods' slugs (`slugs`,
/// sorted); fills in derived values (a recognition's end date).
fn check_method(
    method: &mut Method,
    source: &Source,
    slugs: &[String],
    vocabularies: &Vocabularies,
    today: Date,
    diagnostics: &mut Diagnostics,
) {
    let mut report = |severity, key: &str, message: String| {
        diagnostics.push(source.diagnostic(severity, key, message));
    };

    let lists: [(Kind, &str, &[String]); 5] = [
        (Kind::Theme, "themes", &method.themes),
        (Kind::TargetGroup, "target_groups", &method.target_groups),
        (Kind::Law, "laws", &method.laws),
        (Kind::CarriedOutBy, "carried_out_by", &method.carried_out_by),
        (Kind::Setting, "settings", &method.settings),
    ];
    for (kind, key, ids) in lists {
        let mut seen = std::collections::HashSet::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            let at = format!("{key}[{i}]");
            check_term(vocabularies, kind, id, &at, &mut report);
            if !seen.insert(id) {
                report(
                    Severity::Error,
                    &at,
                    format!("\"{id}\" is listed twice in `{key}`: remove one"),
                );
            }
        }
    }
    if let Some(level) = &method.prevention_level {
        check_term(
            vocabularies,
            Kind::PreventionLevel,
            level,
            "prevention_level",
            &mut report,
        );
    }

    for (i, recognition) in method.recognitions.iter_mut().enumerate() {
        let at = |field: &str| format!("recognitions[{i}].{field}");
        check_term(
            vocabularies,
            Kind::RecognitionLevel,
            &recognition.level,
            &at("level"),
            &mut report,
        );
        if let Some(date) = recognition.date
            && date > today
        {
            report(
                Severity::Error,
                &at("date"),
                format!("recognition date {date} is in the future"),
            );
        }
        if vocabularies.committee_of(&recognition.scheme).is_none() {
            let labels = vocabularies.committees.iter().map(|c| c.label.as_str());
            let hint = suggestion(&recognition.scheme, labels);
            report(
                Severity::Error,
                &at("scheme"),
                format!(
                    "unknown committee \"{}\"{hint}; the committees are in `_vocabularies.toml` under `committees` (add the deelcommissie in brackets after the name)",
                    recognition.scheme
                ),
            );
        }
        if recognition.level == crate::model::EXPIRED {
            report(
                Severity::Error,
                &at("level"),
                "\"erkenning-verlopen\" is worked out from the dates: record the level that was granted and its `date`".to_string(),
            );
        }
        if recognition.level == crate::model::NOT_RECOGNISED
            && recognition
                .note
                .as_deref()
                .is_none_or(|n| n.trim().is_empty())
        {
            report(
                Severity::Error,
                &at("level"),
                "\"niet-erkend\" needs the committee's reason in `note`, so that readers know why"
                    .to_string(),
            );
        }
        let ranked = crate::vocab::recognition_rank(&recognition.level) > 0;
        if ranked && recognition.date.is_none() && !recognition.date_unknown {
            report(
                Severity::Error,
                &at("level"),
                "a recognition level needs the `date` of the judgement, so that its expiry can be checked; if no source gives the date, write `date_unknown = true`".to_string(),
            );
        }
        if recognition.date_unknown && recognition.date.is_some() {
            report(
                Severity::Error,
                &at("date_unknown"),
                "`date_unknown = true` beside a `date`: remove one of the two".to_string(),
            );
        }
        match (recognition.date, recognition.valid_until) {
            (Some(date), Some(until)) if until < date => report(
                Severity::Error,
                &at("valid_until"),
                format!(
                    "`valid_until` ({until}) is before the recognition `date` ({date}): check both dates"
                ),
            ),
            (Some(date), None) => {
                recognition.valid_until = Some(if recognition.conditional {
                    date.add_months(CONDITIONAL_MONTHS)
                } else {
                    date.add_years(RECOGNITION_YEARS)
                });
            }
            _ => {}
        }
        let dates_wrong = matches!(
            (recognition.date, recognition.valid_until),
            (Some(date), Some(until)) if until < date
        );
        if let Some(until) = recognition.valid_until
            && until < today
            && !dates_wrong
            && ranked
        {
            let key = if source.spans.of(&at("valid_until")) == (0..0) {
                at("date")
            } else {
                at("valid_until")
            };
            report(
                Severity::Warning,
                &key,
                format!(
                    "the recognition \"{}\" expired on {until}: ask the owner about re-assessment, or record the new recognition",
                    vocabularies.label(Kind::RecognitionLevel, &recognition.level)
                ),
            );
        }
    }

    for (i, slug) in method.related.iter().enumerate() {
        let at = format!("related[{i}]");
        if *slug == method.slug {
            report(
                Severity::Error,
                &at,
                format!("`{slug}` is this method itself: remove it from `related`"),
            );
        } else if slugs.binary_search(slug).is_err() {
            let hint = suggestion(slug, slugs.iter().map(String::as_str));
            report(
                Severity::Error,
                &at,
                format!("unknown method `{slug}` in `related`{hint}"),
            );
        } else if method.related[..i].contains(slug) {
            report(
                Severity::Error,
                &at,
                format!("`{slug}` is listed twice in `related`: remove one"),
            );
        }
    }

    crate::hygiene::check_texts(method, &mut report);
    crate::advice::check(method, &mut report);

    let earliest = Date::from_ymd(1990, 1, 1).expect("a valid date");
    if method.last_reviewed < earliest {
        report(
            Severity::Error,
            "last_reviewed",
            format!(
                "`last_reviewed` ({}) is before 1990: write the date someone last checked this description, like 2026-11-26",
                method.last_reviewed
            ),
        );
    }
    for (i, recognition) in method.recognitions.iter().enumerate() {
        if let Some(date) = recognition.date
            && date < earliest
        {
            report(
                Severity::Error,
                &format!("recognitions[{i}].date"),
                format!(
                    "recognition date {date} is before 1990, when no Dutch recognition existed: check the year"
                ),
            );
        }
    }

    if method.last_reviewed > today {
        report(
            Severity::Error,
            "last_reviewed",
            format!(
                "`last_reviewed` ({}) is in the future",
                method.last_reviewed
            ),
        );
    } else if method.last_reviewed.add_years(REVIEW_YEARS) < today {
        report(
            Severity::Warning,
            "last_reviewed",
            format!(
                "last reviewed on {}, more than {REVIEW_YEARS} years ago: check the description and update `last_reviewed`",
                method.last_reviewed
            ),
        );
    }

    if method.sources.is_empty() {
        report(
            Severity::Warning,
            "name",
            "no sources: add at least one `[[sources]]` (title, and a URL where there is one) so that readers and reviewers can check the description".to_string(),
        );
    }
}

/// `related` is read both ways by users: a link from A to B but not back is usually an
/// oversight.
fn warn_one_sided_related(methods: &[(Method, Source)], diagnostics: &mut Diagnostics) {
    let related: HashMap<&str, &[String]> = methods
        .iter()
        .map(|(m, _)| (m.slug.as_str(), m.related.as_slice()))
        .collect();
    for (method, source) in methods {
        for (i, other) in method.related.iter().enumerate() {
            if let Some(back) = related.get(other.as_str())
                && !back.contains(&method.slug)
                && !method.related[..i].contains(other)
            {
                diagnostics.push(source.diagnostic(
                    Severity::Warning,
                    &format!("related[{i}]"),
                    format!(
                        "`{other}` does not list `{}` in its `related`: add it there too, or remove it here",
                        method.slug
                    ),
                ));
            }
        }
    }
}

/// Two methods whose names or aliases are the same (ignoring case, accents and punctuation)
/// or nearly so are probably one method described twice.
fn warn_similar_names(methods: &[(Method, Source)], diagnostics: &mut Diagnostics) {
    // (comparable form, method index, key of the value in its file, shown text)
    let mut entries: Vec<(String, usize, String, &str)> = Vec::new();
    for (m, (method, _)) in methods.iter().enumerate() {
        entries.push((comparable(&method.name), m, "name".into(), &method.name));
        for (i, alias) in method.aliases.iter().enumerate() {
            entries.push((comparable(alias), m, format!("aliases[{i}]"), alias));
        }
    }
    // Comparing every pair would not scale; near-duplicates almost always share their start.
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (e, (form, ..)) in entries.iter().enumerate() {
        buckets
            .entry(form.chars().take(3).collect())
            .or_default()
            .push(e);
    }
    let mut reported = std::collections::HashSet::new();
    for bucket in buckets.values() {
        for (x, &a) in bucket.iter().enumerate() {
            for &b in &bucket[x + 1..] {
                let (form_a, method_a, _, text_a) = &entries[a];
                let (form_b, method_b, key_b, _) = &entries[b];
                if method_a == method_b || form_a.chars().count() < 4 {
                    continue;
                }
                let same = form_a == form_b;
                // A similarity of 0.9 needs lengths within a tenth of each other: check that
                // first, it is far cheaper than the edit distance.
                let (len_a, len_b) = (form_a.len(), form_b.len());
                let close = !same
                    && len_a >= 8
                    && len_a.abs_diff(len_b) * 10 <= len_a.max(len_b)
                    && bag_distance(form_a, form_b) * 10 <= len_a.max(len_b)
                    && strsim::normalized_damerau_levenshtein(form_a, form_b) >= 0.9;
                // Two names that are the same is already an error; here: the rest.
                let both_names = key_b == "name" && entries[a].2 == "name";
                if (same && !both_names || close) && reported.insert((*method_a, *method_b)) {
                    let (other, source) = (&methods[*method_a].0, &methods[*method_b].1);
                    let how = if same { "the same as" } else { "very close to" };
                    diagnostics.push(source.diagnostic(
                        Severity::Warning,
                        key_b,
                        format!(
                            "\"{}\" is {how} \"{text_a}\" of `{}`: is this the same method? Merge them, or make the names distinct",
                            entries[b].3, other.slug
                        ),
                    ));
                }
            }
        }
    }
}

/// A lower bound of the edit distance of two words: the letters one has that the other
/// lacks (counting repeats), whichever side has more. Linear, where the edit distance is
/// quadratic, so it rules out most pairs cheaply.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 128];
    let (mut other_a, mut other_b) = (0usize, 0usize);
    for c in a.chars() {
        match counts.get_mut(c as usize) {
            Some(n) => *n += 1,
            None => other_a += 1,
        }
    }
    for c in b.chars() {
        match counts.get_mut(c as usize) {
            Some(n) => *n -= 1,
            None => other_b += 1,
        }
    }
    let surplus_a: i32 = counts.iter().filter(|n| **n > 0).sum();
    let surplus_b: i32 = -counts.iter().filter(|n| **n < 0).sum::<i32>();
    // Characters outside ASCII are not told apart: counting them as all different would
    // overstate the bound, so they only count as a difference in number.
    let (only_a, only_b) = (
        surplus_a as usize + other_a.saturating_sub(other_b),
        surplus_b as usize + other_b.saturating_sub(other_a),
    );
    only_a.max(only_b)
}

fn check_term(
    vocabularies: &Vocabularies,
    kind: Kind,
    id: &str,
    at: &str,
    report: &mut impl FnMut(Severity, &str, String),
) {
    if vocabularies.get(kind, id).is_none() {
        let ids = vocabularies.terms(kind).iter().map(|t| t.id.as_str());
        let hint = suggestion(id, ids);
        report(
            Severity::Error,
            at,
            format!(
                "unknown {} \"{id}\"{hint}; the ids are in `{VOCABULARIES_FILE}` under `{}`",
                kind.noun(),
                kind.key()
            ),
        );
    }
}

/// A name as compared for duplicates and exact-name search: case, diacritics, spaces and
/// punctuation ignored ("Eigen Kracht-conferentie" = "eigen kracht conferentie").
pub(crate) fn comparable(name: &str) -> String {
    slugify(name).replace('-', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_distance_never_exceeds_the_edit_distance() {
        for (a, b) in [
            ("eigenkrachtconferentie", "eigenkrachtconferenties"),
            ("buurtbemiddeling", "buurtbemideling"),
            ("krachtwerk", "werkkracht"),
            ("thuisadministratie", "thuisadminstratie"),
            ("cliëntgericht", "clientgericht"),
            ("abc", "xyz"),
        ] {
            assert!(
                bag_distance(a, b) <= strsim::damerau_levenshtein(a, b),
                "{a} {b}"
            );
        }
        assert_eq!(bag_distance("buurtbemiddeling", "buurtbemideling"), 1);
        assert_eq!(bag_distance("krachtwerk", "werkkracht"), 0);
        assert_eq!(bag_distance("abcd", "wxyz"), 4);
    }

    #[test]
    fn slugs() {
        assert!(is_valid_slug("natuurlijk-een-netwerkcoach"));
        assert!(is_valid_slug("1huishouden1aanpak"));
        assert!(!is_valid_slug("Krachtwerk"));
        assert!(!is_valid_slug("a--b"));
        assert!(!is_valid_slug("-a"));
        assert!(!is_valid_slug(""));
        assert_eq!(
            slugify("Natuurlijk, een netwerkcoach!"),
            "natuurlijk-een-netwerkcoach"
        );
        assert_eq!(
            slugify("Eigen Kracht-conferentie"),
            "eigen-kracht-conferentie"
        );
        assert_eq!(slugify("Cliënt & Geïndiceerd"), "client-geindiceerd");
    }
}
