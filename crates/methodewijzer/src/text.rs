//! Text helpers shared by the loader and the search: slugs (file names and web addresses),
//! the folding of Dutch diacritics, and the comparable form of a name.
//!
//! `fold_char` is mirrored by `NAME_FOLDS` in `site/static/search-engine.js`: the browser
//! folds names the same way for the exact-name bonus.

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
pub(crate) fn unconfuse(name: &str) -> String {
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

/// A name as compared for duplicates and exact-name search: case, diacritics, spaces and
/// punctuation ignored ("Eigen Kracht-conferentie" = "eigen kracht conferentie").
pub(crate) fn comparable(name: &str) -> String {
    slugify(name).replace('-', "")
}

/// tantivy's Dutch stop words (its list is not public). The analyzer's own test checks that
/// each is dropped, and the browser parity test checks whole queries.
pub const DUTCH_STOP_WORDS: &[&str] = &[
    "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is",
    "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of",
    "wat", "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je",
    "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft", "hebben", "deze", "u",
    "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat", "iets", "worden", "toch", "al",
    "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun", "dus", "alles",
    "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen", "kunnen",
    "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest",
    "andere",
];

/// Whether `phrase` keeps a word when read as search reads it: split on what is not a letter
/// or digit, lower-cased and folded, words of 40 bytes or more and stop words dropped. Used to
/// refuse thesaurus members that could never match (a test compares it with the analyzer).
pub(crate) fn has_words(phrase: &str) -> bool {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() < 40)
        .map(|w| {
            w.chars()
                .flat_map(char::to_lowercase)
                .flat_map(fold_char)
                .collect::<String>()
        })
        .any(|w| !DUTCH_STOP_WORDS.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "search")]
    #[test]
    fn has_words_agrees_with_the_analyzer() {
        let mut analyzer = crate::analysis::Analyzer::for_texts(std::iter::empty());
        let thesaurus = include_str!("../../../interventions/_synonyms.toml");
        let mut phrases: Vec<&str> = thesaurus.split('"').skip(1).step_by(2).collect();
        phrases.extend(DUTCH_STOP_WORDS);
        let long = "x".repeat(45);
        phrases.extend(["één", "De Één", "- -", "", "EEN en DE", "Één-op-één", &long]);
        for phrase in phrases {
            assert_eq!(
                has_words(phrase),
                !analyzer.words(phrase).is_empty(),
                "{phrase:?}"
            );
        }
    }

    /// The browser script's copy of [`fold_char`] (for the exact-name bonus) says the same.
    #[test]
    fn the_scripts_name_folds_mirror_fold_char() {
        let script = include_str!("../../../site/static/search-engine.js");
        let table = script
            .split("const NAME_FOLDS = {")
            .nth(1)
            .and_then(|rest| rest.split("};").next())
            .expect("NAME_FOLDS in search-engine.js");
        let mut script_folds = std::collections::BTreeMap::new();
        for entry in table.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (from, to) = entry.split_once(':').expect("`c: 'x'`");
            let from = from.trim().chars().next().unwrap();
            script_folds.insert(from, to.trim().trim_matches('\'').to_string());
        }
        // The script lower-cases first, so the library's lower-case folds are the table.
        let library_folds: std::collections::BTreeMap<char, String> = ('\u{80}'..='\u{24F}')
            .filter(|c| c.is_lowercase())
            .filter_map(|c| {
                let folded: String = fold_char(c).collect();
                (folded != c.to_string()).then_some((c, folded))
            })
            .collect();
        assert_eq!(script_folds, library_folds);
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
