//! Synthetic catalogues for benchmarks: deterministic, Dutch, with realistic field lengths.
//!
//! The shipped catalogue is too small to measure how indexing, search, page building and the
//! browser index scale. This generator makes 1,000 or 10,000 methods from a fixed Dutch word
//! list of the social domain and the real vocabularies, so that the same seed always gives
//! the same catalogue on every machine. Only compiled with the `synthetic` feature.
//!
//! Words are drawn in one of two ways ([`Words`]). Uniformly from 160 domain words, the
//! default, puts nearly every word in nearly every method: no one writes such a catalogue, but
//! it is the worst case for scoring every match, and the recorded search figures use it. By
//! Zipf's law, as in real text, a few words are everywhere and most are rare: the 160 domain
//! words are the frequent ones and their two-word compounds (`buurtcoach`, about 25,000) the
//! long tail, which makes the index, the browser export and compound splitting work as hard
//! as a real catalogue would.

use crate::Catalogue;
use crate::model::{
    AgeRange, Date, EntryType, Method, Owner, PracticeExample, Recognition, Source, Status,
};
use crate::synonyms::Synonyms;
use crate::vocab::{Kind, Vocabularies};

/// Words of the Dutch social domain, the material of the synthetic texts.
const WORDS: &[&str] = &[
    "aanpak",
    "activering",
    "adviseur",
    "afspraken",
    "alleenstaande",
    "ambulant",
    "arbeid",
    "armoede",
    "bedoeling",
    "begeleider",
    "begeleiding",
    "behandeling",
    "beleid",
    "bereik",
    "beroepskracht",
    "bewoners",
    "bijeenkomst",
    "buurt",
    "buurthuis",
    "casemanager",
    "cliënt",
    "cliënten",
    "coach",
    "coaching",
    "contact",
    "crisis",
    "dagbesteding",
    "dakloos",
    "deelnemers",
    "doelen",
    "doelgroep",
    "dorp",
    "eenzaamheid",
    "eigen",
    "ervaring",
    "ervaringsdeskundige",
    "evaluatie",
    "familie",
    "financiën",
    "gemeente",
    "gemeenten",
    "geld",
    "gesprek",
    "gezin",
    "gezinnen",
    "gezondheid",
    "geweld",
    "groep",
    "hulp",
    "hulpverlening",
    "huishouden",
    "huisbezoek",
    "huisarts",
    "initiatief",
    "inkomen",
    "inwoners",
    "jeugd",
    "jongeren",
    "jongerenwerker",
    "kinderen",
    "kracht",
    "kwetsbaar",
    "kwetsbare",
    "leefgebieden",
    "leren",
    "maatschappelijk",
    "mantelzorg",
    "mantelzorger",
    "meedoen",
    "methode",
    "methodiek",
    "netwerk",
    "netwerkcoach",
    "ondersteuning",
    "onderwijs",
    "ontmoeting",
    "opvang",
    "opvoeding",
    "ouders",
    "ouderen",
    "participatie",
    "partners",
    "plan",
    "preventie",
    "problemen",
    "professional",
    "psychische",
    "regie",
    "samenwerking",
    "scholing",
    "school",
    "schulden",
    "signalering",
    "sociaal",
    "sociale",
    "steun",
    "stappenplan",
    "team",
    "thuis",
    "toegang",
    "traject",
    "training",
    "uitvoering",
    "veiligheid",
    "verbinding",
    "verwijzing",
    "vrijwilliger",
    "vrijwilligers",
    "vrijwillige",
    "wandelclub",
    "welzijn",
    "werk",
    "werkgever",
    "werkplek",
    "wijk",
    "wijkteam",
    "wonen",
    "zelfredzaamheid",
    "zorg",
    "zorgen",
    "zwerfjongeren",
    "herstel",
    "isolement",
    "ggz",
    "schuldhulp",
    "budget",
    "administratie",
    "taal",
    "laaggeletterdheid",
    "nieuwkomers",
    "statushouders",
    "integratie",
    "discriminatie",
    "opgroeien",
    "weerbaarheid",
    "gedrag",
    "pesten",
    "eenoudergezin",
    "scheiding",
    "rouw",
    "dementie",
    "valpreventie",
    "bewegen",
    "sport",
    "voeding",
    "slaap",
    "stress",
    "angst",
    "depressie",
    "verslaving",
    "middelengebruik",
    "alcohol",
    "schuld",
    "armoedeval",
    "toeslagen",
    "uitkering",
    "re-integratie",
    "sollicitatie",
    "stage",
    "leerwerkplek",
];

const LINKS: &[&str] = &[
    "de", "het", "een", "en", "met", "voor", "van", "in", "op", "door", "bij", "naar", "om",
    "samen", "zodat", "waarbij", "dat", "die", "ook", "vooral",
];

/// How the words of the texts are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Words {
    /// Uniformly from the 160 domain words: every word is in nearly every method. The
    /// recorded search benchmarks use this.
    #[default]
    Uniform,
    /// By Zipf's law from the domain words and their compounds, as in real text.
    Zipf,
}

/// Generates `count` methods with the vocabularies of `vocabularies`, from `seed`.
pub fn methods(count: usize, vocabularies: &Vocabularies, seed: u64) -> Vec<Method> {
    methods_with(count, vocabularies, seed, Words::default())
}

/// Like [`methods`], drawing words as `words` says.
pub fn methods_with(
    count: usize,
    vocabularies: &Vocabularies,
    seed: u64,
    words: Words,
) -> Vec<Method> {
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..count)
        .map(|i| method(i, vocabularies, &mut rng, words))
        .collect()
}

/// A whole catalogue of `count` synthetic methods, judged against a fixed date.
pub fn catalogue(count: usize, vocabularies: &Vocabularies, seed: u64) -> Catalogue {
    let today = Date::from_ymd(2026, 11, 23).expect("a real date");
    Catalogue::from_parts(
        methods(count, vocabularies, seed),
        vocabularies.clone(),
        Synonyms::default(),
        today,
    )
}

fn method(i: usize, vocab: &Vocabularies, rng: &mut fastrand::Rng, words: Words) -> Method {
    // Three words make names that differ like real ones do; the number keeps them unique.
    let name = format!(
        "{} {} {} {i}",
        capitalise(word(rng, words)),
        word(rng, words),
        word(rng, words)
    );
    // Aliases are mostly abbreviations (IRB, CTI, K-VHT): here initials and a number.
    let aliases = if rng.bool() {
        let initials: String = name
            .split_whitespace()
            .take(3)
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        vec![format!("{initials}-{i}")]
    } else {
        Vec::new()
    };
    let ids = |rng: &mut fastrand::Rng, kind: Kind, min: usize, max: usize| -> Vec<String> {
        let terms = vocab.terms(kind);
        if terms.is_empty() {
            return Vec::new();
        }
        let n = rng.usize(min..=max).min(terms.len());
        let mut out: Vec<String> = Vec::new();
        while out.len() < n {
            let id = terms[rng.usize(..terms.len())].id.clone();
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    };
    // A level a file may state as it is: the granted levels and "niet beoordeeld" (the other
    // states need a committee's reason, or are worked out from the dates).
    let levels: Vec<&str> = vocab
        .terms(Kind::RecognitionLevel)
        .iter()
        .map(|t| t.id.as_str())
        .filter(|id| crate::recognition_rank(id) > 0 || *id == crate::NOT_ASSESSED)
        .collect();
    let level = levels
        .get(rng.usize(..levels.len().max(1)))
        .map(|id| id.to_string());
    let date = Date::from_ymd(2015 + rng.i32(0..11), rng.u8(1..13), rng.u8(1..29));
    Method {
        slug: format!("methode-{i:05}"),
        name,
        aliases,
        entry_type: EntryType::default(),
        summary: {
            let count = rng.usize(18..35);
            sentence(rng, words, count).chars().take(300).collect()
        },
        themes: ids(rng, Kind::Theme, 1, 3),
        target_groups: ids(rng, Kind::TargetGroup, 1, 3),
        age: rng.bool().then(|| AgeRange {
            min: Some(rng.u8(0..30)),
            max: Some(rng.u8(30..100)),
        }),
        laws: ids(rng, Kind::Law, 0, 2),
        carried_out_by: ids(rng, Kind::CarriedOutBy, 1, 2),
        settings: ids(rng, Kind::Setting, 0, 3),
        prevention_level: ids(rng, Kind::PreventionLevel, 0, 1).pop(),
        problem: Some(paragraphs(rng, words, 1, 50)),
        aim: paragraphs(rng, words, 1, 40),
        approach: paragraphs(rng, words, 3, 50),
        effective_elements: (0..rng.usize(2..6))
            .map(|_| sentence(rng, words, 10))
            .collect(),
        foundation: rng.bool().then(|| paragraphs(rng, words, 1, 60)),
        indications: Some(paragraphs(rng, words, 1, 30)),
        // None, so that the synthetic catalogues (and the figures measured on them) stay as
        // they were before the field existed.
        situations: Vec::new(),
        contra_indications: rng.bool().then(|| paragraphs(rng, words, 1, 25)),
        duration_and_intensity: Some(sentence(rng, words, 15)),
        preconditions: Some(paragraphs(rng, words, 1, 40)),
        costs: rng.bool().then(|| sentence(rng, words, 20)),
        pitfalls: rng.bool().then(|| paragraphs(rng, words, 1, 40)),
        research: Some(paragraphs(rng, words, 2, 45)),
        spread: rng.bool().then(|| sentence(rng, words, 25)),
        status: [
            Status::Active,
            Status::Active,
            Status::Active,
            Status::InDevelopment,
        ][rng.usize(..4)],
        recognitions: level
            .map(|level| Recognition {
                date_unknown: date.is_none() && level != "niet-beoordeeld",
                scheme: "Erkenningscommissie Interventies".into(),
                level,
                date,
                valid_until: date.map(|d| d.add_years(5)),
                conditional: false,
                note: None,
                url: None,
            })
            .into_iter()
            .collect(),
        owner: Some(Owner {
            organisation: format!("Stichting {}", capitalise(pick(rng, WORDS))),
            website: Some(format!("https://example.org/{i}")),
            contact: None,
        }),
        sources: vec![Source {
            title: capitalise(&sentence(rng, words, 8)),
            url: None,
            year: Some(2000 + rng.u16(0..26)),
        }],
        practice_examples: (0..rng.usize(0..3))
            .map(|_| PracticeExample {
                title: capitalise(&sentence(rng, words, 5)),
                place: Some(capitalise(pick(rng, WORDS))),
                year: Some(2010 + rng.u16(0..16)),
                description: paragraphs(rng, words, 1, 40),
            })
            .collect(),
        related: Vec::new(),
        last_reviewed: Date::from_ymd(2024, rng.u8(1..13), rng.u8(1..29)).expect("a real date"),
    }
}

fn pick<'a>(rng: &mut fastrand::Rng, words: &[&'a str]) -> &'a str {
    words[rng.usize(..words.len())]
}

/// The content words by rank, with the cumulative Zipf weight (1 / rank) of each.
struct Lexicon {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut compounds: Vec<String> = WORDS
            .iter()
            .flat_map(|a| {
                WORDS
                    .iter()
                    .filter(move |b| *b != a)
                    .map(move |b| format!("{a}{b}"))
            })
            .collect();
        // Which compounds are common is a fixed, arbitrary choice.
        fastrand::Rng::with_seed(0x5EED).shuffle(&mut compounds);
        let words: Vec<String> = WORDS
            .iter()
            .map(|w| w.to_string())
            .chain(compounds)
            .collect();
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Lexicon { words, cumulative }
    })
}

/// A content word, drawn as `words` says.
fn word(rng: &mut fastrand::Rng, words: Words) -> &'static str {
    if words == Words::Uniform {
        return pick(rng, WORDS);
    }
    let lexicon = lexicon();
    let total = lexicon.cumulative.last().copied().unwrap_or(0.0);
    let at = rng.f64() * total;
    let rank = lexicon
        .cumulative
        .partition_point(|&c| c < at)
        .min(lexicon.words.len() - 1);
    &lexicon.words[rank]
}

fn sentence(rng: &mut fastrand::Rng, words: Words, count: usize) -> String {
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        out.push(if i % 3 == 1 {
            pick(rng, LINKS)
        } else {
            word(rng, words)
        });
    }
    out.join(" ")
}

fn paragraphs(rng: &mut fastrand::Rng, words: Words, count: usize, length: usize) -> String {
    (0..count)
        .map(|_| capitalise(&sentence(rng, words, length)) + ".")
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
