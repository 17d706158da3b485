//! Synthetic catalogues for benchmarks: deterministic, Dutch, with realistic field lengths.
//!
//! The shipped catalogue is too small to measure how indexing, search, page building and the
//! browser index scale. This generator makes 1,000 or 10,000 methods from a fixed Dutch word
//! list of the social domain and the real vocabularies, so that the same seed always gives
//! the same catalogue on every machine. Only compiled with the `synthetic` feature.

use crate::Catalogue;
use crate::model::{AgeRange, Date, Method, Owner, PracticeExample, Recognition, Source, Status};
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

/// Generates `count` methods with the vocabularies of `vocabularies`, from `seed`.
pub fn methods(count: usize, vocabularies: &Vocabularies, seed: u64) -> Vec<Method> {
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..count)
        .map(|i| method(i, vocabularies, &mut rng))
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

fn method(i: usize, vocab: &Vocabularies, rng: &mut fastrand::Rng) -> Method {
    // Three words make names that differ like real ones do; the number keeps them unique.
    let name = format!(
        "{} {} {} {i}",
        capitalise(pick(rng, WORDS)),
        pick(rng, WORDS),
        pick(rng, WORDS)
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
    let level = vocab
        .terms(Kind::RecognitionLevel)
        .get(rng.usize(..vocab.terms(Kind::RecognitionLevel).len().max(1)))
        .map(|t| t.id.clone());
    let date = Date::from_ymd(2015 + rng.i32(0..11), rng.u8(1..13), rng.u8(1..29));
    Method {
        slug: format!("methode-{i:05}"),
        name,
        aliases,
        summary: {
            let words = rng.usize(18..35);
            sentence(rng, words).chars().take(300).collect()
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
        problem: Some(paragraphs(rng, 1, 50)),
        aim: paragraphs(rng, 1, 40),
        approach: paragraphs(rng, 3, 50),
        effective_elements: (0..rng.usize(2..6)).map(|_| sentence(rng, 10)).collect(),
        foundation: rng.bool().then(|| paragraphs(rng, 1, 60)),
        indications: Some(paragraphs(rng, 1, 30)),
        contra_indications: rng.bool().then(|| paragraphs(rng, 1, 25)),
        duration_and_intensity: Some(sentence(rng, 15)),
        preconditions: Some(paragraphs(rng, 1, 40)),
        costs: rng.bool().then(|| sentence(rng, 20)),
        pitfalls: rng.bool().then(|| paragraphs(rng, 1, 40)),
        research: Some(paragraphs(rng, 2, 45)),
        spread: rng.bool().then(|| sentence(rng, 25)),
        status: [
            Status::Active,
            Status::Active,
            Status::Active,
            Status::InDevelopment,
        ][rng.usize(..4)],
        recognitions: level
            .map(|level| Recognition {
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
            title: capitalise(&sentence(rng, 8)),
            url: None,
            year: Some(2000 + rng.u16(0..26)),
        }],
        practice_examples: (0..rng.usize(0..3))
            .map(|_| PracticeExample {
                title: capitalise(&sentence(rng, 5)),
                place: Some(capitalise(pick(rng, WORDS))),
                year: Some(2010 + rng.u16(0..16)),
                description: paragraphs(rng, 1, 40),
            })
            .collect(),
        related: Vec::new(),
        last_reviewed: Date::from_ymd(2024, rng.u8(1..13), rng.u8(1..29)).expect("a real date"),
    }
}

fn pick<'a>(rng: &mut fastrand::Rng, words: &[&'a str]) -> &'a str {
    words[rng.usize(..words.len())]
}

fn sentence(rng: &mut fastrand::Rng, words: usize) -> String {
    let mut out = Vec::with_capacity(words);
    for i in 0..words {
        out.push(if i % 3 == 1 {
            pick(rng, LINKS)
        } else {
            pick(rng, WORDS)
        });
    }
    out.join(" ")
}

fn paragraphs(rng: &mut fastrand::Rng, count: usize, words: usize) -> String {
    (0..count)
        .map(|_| capitalise(&sentence(rng, words)) + ".")
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
