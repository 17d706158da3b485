//! Every text the catalogue's checks and the `methodewijzer` command show, in Dutch and in
//! English, in one table.
//!
//! Editors are Dutch method owners, mostly not programmers: Dutch is the default. Each entry
//! of [`Msg`] has a code, a Dutch and an English text with named placeholders (`{key}`), and
//! every message says what would fix the problem. A [`Diagnostic`](crate::Diagnostic) carries
//! its entry's code, so that tests and tools match codes, never prose.
//!
//! **Codes.** The problems found in a catalogue have a stable code `MWnnn`, by area:
//!
//! | codes | area |
//! | --- | --- |
//! | `MW001`–`MW099` | reading files and folders |
//! | `MW100`–`MW199` | TOML syntax (the parser's errors, explained) |
//! | `MW200`–`MW299` | the fields of a file: unknown, missing, wrong type, too long, … |
//! | `MW300`–`MW399` | vocabulary ids, `related`, names, the vocabularies and thesaurus files |
//! | `MW400`–`MW449` | dates and recognitions (errors) |
//! | `MW450`–`MW499` | dates and recognitions (warnings) |
//! | `MW500`–`MW599` | texts no output can carry |
//! | `MW600`–`MW699` | other warnings |
//!
//! A code, once published, keeps its meaning; a retired one is not reused. The other entries
//! (the command's lines, the parts messages are made of) have a short kebab-case id instead.
//!
//! **Language.** The texts are made when a problem is found, in the language of the process:
//! [`set_language`] (the command does it from `--lang` or the environment, see
//! [`Lang::from_env`]); without it, Dutch.
//!
//! This file is long because it is the table: one entry per message, two languages each.

use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language messages are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The language of a `--lang` value (`nl`, `en`), or of a locale such as `en_US.UTF-8`.
    pub fn parse(value: &str) -> Option<Lang> {
        let value = value.trim().to_ascii_lowercase();
        if value.starts_with("en") {
            Some(Lang::En)
        } else if value.starts_with("nl") {
            Some(Lang::Nl)
        } else {
            None
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty decides; English when it starts with `en`, else Dutch.
    pub fn from_env() -> Lang {
        Lang::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .filter(|value| value.starts_with("en"))
            .map_or(Lang::Nl, |_| Lang::En)
    }

    /// The language's tag for HTML's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message made from now on, in the whole process.
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are made in (Dutch unless [`set_language`] said otherwise).
pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Nl,
    }
}

/// A message as made for a problem: its code and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The entry's code ([`Msg::code`]).
    pub code: &'static str,
    /// The text, placeholders filled in.
    pub text: String,
}

/// A placeholder's name and value.
pub type Arg<'a> = (&'static str, &'a dyn Display);

impl Msg {
    /// The text in the current [`language`], with `args` put in for the placeholders.
    pub fn text(self, args: &[Arg]) -> String {
        self.text_in(language(), args)
    }

    /// The text in `lang`, with `args` put in for the placeholders.
    pub fn text_in(self, lang: Lang, args: &[Arg]) -> String {
        fill(self.template(lang), args)
    }

    /// The code and text in the current [`language`], for a diagnostic.
    pub fn with(self, args: &[Arg]) -> Message {
        Message {
            code: self.code(),
            text: self.text(args),
        }
    }

    /// The entry with code `code`.
    pub fn from_code(code: &str) -> Option<Msg> {
        Msg::ALL.iter().copied().find(|m| m.code() == code)
    }
}

impl From<Msg> for Message {
    fn from(msg: Msg) -> Message {
        msg.with(&[])
    }
}

/// `template` with every `{name}` of `args` replaced by its value; an unknown `{…}` stays.
pub fn fill(template: &str, args: &[Arg]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_end = after.find('}').filter(|&end| {
            after[..end]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
        });
        match name_end.and_then(|end| {
            let name = &after[..end];
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| (end, v))
        }) {
            Some((end, value)) => {
                out.push_str(&value.to_string());
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template (`{name}`), in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(end) = rest.find('}') {
            let name = &rest[..end];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                found.push(name);
                rest = &rest[end + 1..];
            }
        }
    }
    found
}

macro_rules! messages {
    ($( $name:ident = $code:literal { nl: $nl:literal, en: $en:literal $(,)? } )*) => {
        /// Every message, with its code ([`Msg::code`]) and its Dutch and English text
        /// ([`Msg::template`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Msg {
            $(
                #[doc = concat!("`", $code, "`")]
                $name,
            )*
        }

        impl Msg {
            /// Every entry of the table.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// The stable code (`MW201`) or, for a part of a message or a line of the
            /// command, its id (`check-summary`).
            pub fn code(self) -> &'static str {
                match self {
                    $(Msg::$name => $code,)*
                }
            }

            /// The text with its placeholders (`{key}`), in `lang`.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$name, Lang::Nl) => $nl,
                        (Msg::$name, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

messages! {
    // ── Reading files and folders ──────────────────────────────────────────────────────────
    FolderUnreadable = "MW001" {
        nl: "de catalogusmap is niet te lezen ({error}): controleer of de map bestaat en of u hem mag lezen",
        en: "cannot read the catalogue folder ({error}): check that it exists and that you may read it",
    }
    NoMethodFiles = "MW002" {
        nl: "geen methodebestanden gevonden: maak er een met `methodewijzer new \"Naam\"`",
        en: "no method files found: add one with `methodewijzer new \"Naam\"`",
    }
    UpperCaseExtension = "MW003" {
        nl: "methodebestanden eindigen op `.toml` in kleine letters; hernoem dit bestand naar `{stem}.toml`, anders wordt het niet gelezen",
        en: "method files end in lower-case `.toml`; rename this file to `{stem}.toml`, or it is not read",
    }
    OldMacLineEnds = "MW004" {
        nl: "de regels van dit bestand eindigen op alleen een carriage return (oud Mac-formaat), en dat staat TOML niet toe: sla het op met gewone regeleinden (LF of CRLF)",
        en: "the lines of this file end in a carriage return alone (old Mac format), which TOML does not allow: save it with ordinary line ends (LF or CRLF)",
    }
    BadFileName = "MW005" {
        nl: "de bestandsnaam is de slug van de methode en mag alleen kleine letters, cijfers en streepjes bevatten{hint}",
        en: "the file name is the method's slug and may hold only lowercase letters, digits and hyphens{hint}",
    }
    NotUtf8 = "MW006" {
        nl: "het bestand is hier geen geldige UTF-8: sla het op als UTF-8",
        en: "the file is not valid UTF-8 here: save it as UTF-8",
    }
    LinkOutside = "MW007" {
        nl: "dit verwijst naar iets buiten {folder} (via een symbolische link of `..`); alleen bestanden daarbinnen worden gelezen: kopieer het bestand erin",
        en: "this leads outside {folder} (through a symbolic link or `..`); only files inside it are read: copy the file in instead",
    }
    NotARegularFile = "MW008" {
        nl: "dit is geen gewoon bestand (maar een pipe, apparaat of map); alleen gewone bestanden worden gelezen",
        en: "this is not a regular file (a pipe, device or folder); only plain files are read",
    }
    TooLarge = "MW009" {
        nl: "dit bestand is groter dan {limit} MB; splits het op of maak het kleiner",
        en: "this file is larger than {limit} MB; split it up or make it smaller",
    }
    Unreadable = "MW010" {
        nl: "het bestand is niet te lezen: {error}",
        en: "cannot read the file: {error}",
    }
    MissingVocabularies = "MW011" {
        nl: "{file} ontbreekt: de catalogusmap heeft zijn vaste lijsten nodig (thema's, doelgroepen, …)",
        en: "missing {file}: the catalogue folder needs its vocabularies (themes, target groups, …)",
    }

    // ── TOML syntax ────────────────────────────────────────────────────────────────────────
    TomlOther = "MW100" {
        nl: "dit is geen geldige TOML (de melding van de TOML-lezer: {detail}); controleer de schrijfwijze: `sleutel = waarde`, tekst tussen aanhalingstekens",
        en: "invalid TOML: {detail}; check the form: `key = value`, text in quotes",
    }
    TomlUnclosedList = "MW101" {
        nl: "de lijst `{key} = [` is niet afgesloten: sluit hem af met `]` (de regels erna zijn als deel van de lijst gelezen)",
        en: "invalid TOML: the list `{key} = [` is not closed: end it with `]` (the lines after it were read as part of the list)",
    }
    TomlDuplicateKeyAt = "MW102" {
        nl: "de sleutel `{key}` staat er twee keer: hij staat al op regel {line}; houd er één van de twee",
        en: "invalid TOML: duplicate key `{key}`: it is already set on line {line}; keep one of the two",
    }
    TomlDuplicateKey = "MW103" {
        nl: "dubbele sleutel: een sleutel mag maar één keer per tabel voorkomen; haal er één weg",
        en: "invalid TOML: duplicate key: a key may be set only once per table; remove one",
    }
    TomlDutchDate = "MW104" {
        nl: "een datum begint met het jaar en staat niet tussen aanhalingstekens: schrijf de datum als {date} (jaar-maand-dag)",
        en: "invalid TOML: a date is written year first, without quotes: write it as {date} (year-month-day)",
    }
    TomlInvalidDate = "MW105" {
        nl: "dit is geen geldige datum: schrijf een datum als 2024-05-31 (jaar-maand-dag, zonder aanhalingstekens)",
        en: "invalid TOML: not a valid date: write a date like 2024-05-31 (year-month-day, without quotes)",
    }
    TomlUnclosedString = "MW106" {
        nl: "de tekst is niet afgesloten: zet een `\"` aan het eind van de tekst (voor een tekst van meer regels: drie, `\"\"\"`)",
        en: "invalid TOML: the text is not closed: end it with `\"` (`\"\"\"` for a text of several lines)",
    }
    TomlUnexpected = "MW107" {
        nl: "hier staat iets onverwachts: zet elke sleutel op een eigen regel (`sleutel = waarde`), tekst tussen aanhalingstekens en commentaar achter een `#`",
        en: "invalid TOML: something unexpected here: put each key on a line of its own (`key = value`), text in quotes and comments after a `#`",
    }
    TomlMissingEquals = "MW108" {
        nl: "hier ontbreekt een `=` of een waarde: schrijf `sleutel = waarde`, bijvoorbeeld `name = \"Buurtkamer\"`",
        en: "invalid TOML: a `=` or a value is missing: write `key = value`, for example `name = \"Buurtkamer\"`",
    }
    TomlUnquoted = "MW109" {
        nl: "deze waarde is geen tekst, getal, datum, `true` of `false`: zet tekst tussen aanhalingstekens, zoals \"Gratis\"",
        en: "invalid TOML: this value is not text, a number, a date, `true` or `false`: put text in quotes, like \"Gratis\"",
    }
    TomlMissingComma = "MW110" {
        nl: "in een lijst staan komma's tussen de waarden: `[\"a\", \"b\"]`",
        en: "invalid TOML: a list has commas between its values: `[\"a\", \"b\"]`",
    }
    TomlUnclosedHeader = "MW111" {
        nl: "de kop van deze tabel is niet goed afgesloten: schrijf `[naam]` of `[[naam]]`, met de haken op één regel",
        en: "invalid TOML: the table header is not closed: write a table header as `[name]` or `[[name]]`, on one line",
    }
    TomlInvalidKey = "MW112" {
        nl: "deze sleutel is niet geldig: een sleutel bestaat uit letters, cijfers, `_` en `-`, zoals `last_reviewed`",
        en: "invalid TOML: this key is not valid: a key is made of letters, digits, `_` and `-`, like `last_reviewed`",
    }
    TomlBadCharacter = "MW114" {
        nl: "in deze tekst staat een teken dat TOML niet toestaat (een stuurteken, zoals een nul-byte): haal het weg, of typ de tekst opnieuw",
        en: "invalid TOML: this text holds a character TOML does not allow (a control character, such as a null byte): delete it, or retype the text",
    }
    SerdeFallback = "MW113" {
        nl: "dit bestand is niet te lezen als methode ({detail}): vergelijk het met `_template.toml`",
        en: "{detail}: compare the file with `_template.toml`",
    }

    // ── The fields of a file ───────────────────────────────────────────────────────────────
    UnknownKey = "MW201" {
        nl: "onbekende sleutel `{key}`{place}{hint}: verbeter de naam, of haal de regel weg",
        en: "unknown key `{key}`{place}{hint}: correct the name, or remove the line",
    }
    MissingKey = "MW202" {
        nl: "de verplichte sleutel `{key}` ontbreekt{place}: voeg hem toe (zie `_template.toml`)",
        en: "missing required key `{key}`{place}: add it (see `_template.toml`)",
    }
    WrongType = "MW203" {
        nl: "`{key}` is {found}; hier hoort {wanted}",
        en: "`{key}` must be {wanted}, not {found}",
    }
    NotAllowed = "MW204" {
        nl: "`{key}` kan niet \"{value}\" zijn{hint}; kies uit {list}",
        en: "`{key}` cannot be \"{value}\"{hint}; use one of {list}",
    }
    EmptyList = "MW205" {
        nl: "`{key}` is leeg: noem er minstens {min}",
        en: "`{key}` is empty: list at least {min}",
    }
    TooManyItems = "MW212" {
        nl: "`{key}` noemt er {count}; houd het bij hoogstens {max} (kies de duidelijkste)",
        en: "`{key}` lists {count}; keep it to at most {max} (choose the clearest)",
    }
    DateWithTime = "MW206" {
        nl: "`{key}` moet een datum zonder tijd zijn, zoals 2024-05-31",
        en: "`{key}` must be a date without a time, like 2024-05-31",
    }
    OutOfRange = "MW207" {
        nl: "`{key}` is {value}; het moet {range} zijn",
        en: "`{key}` is {value}; it must be {range}",
    }
    EmptyText = "MW208" {
        nl: "`{key}` mag niet leeg zijn: vul de tekst in",
        en: "`{key}` must not be empty: write the text",
    }
    TooLong = "MW209" {
        nl: "`{key}` is {chars} tekens lang; maak het korter, tot hoogstens {max}",
        en: "`{key}` is {chars} characters long; shorten it to at most {max}",
    }
    InvalidDateText = "MW210" {
        nl: "`{key}` heeft een ongeldige datum \"{value}\": schrijf hem als 2024-05-31",
        en: "`{key}` has an invalid date \"{value}\": write it like 2024-05-31",
    }
    NotAWebAddress = "MW211" {
        nl: "`{key}` moet een webadres zijn dat begint met https:// of http://, niet \"{value}\"",
        en: "`{key}` must be a web address starting with https:// or http://, not \"{value}\"",
    }

    // ── Vocabularies, references, names ────────────────────────────────────────────────────
    UnknownTerm = "MW301" {
        nl: "{noun} \"{id}\" is onbekend{hint}{listed}",
        en: "unknown {noun} \"{id}\"{hint}{listed}",
    }
    TermTwice = "MW302" {
        nl: "\"{id}\" staat twee keer in `{key}`: haal er één weg",
        en: "\"{id}\" is listed twice in `{key}`: remove one",
    }
    UnknownRelated = "MW303" {
        nl: "onbekende methode `{slug}` in `related`{hint}: gebruik de bestandsnaam van de methode, zonder `.toml`",
        en: "unknown method `{slug}` in `related`{hint}: use the method's file name, without `.toml`",
    }
    RelatedItself = "MW304" {
        nl: "`{slug}` is deze methode zelf: haal hem weg uit `related`",
        en: "`{slug}` is this method itself: remove it from `related`",
    }
    RelatedTwice = "MW305" {
        nl: "`{slug}` staat twee keer in `related`: haal er één weg",
        en: "`{slug}` is listed twice in `related`: remove one",
    }
    DuplicateName = "MW306" {
        nl: "de naam \"{name}\" wordt al gebruikt door `{other}`: namen moeten uniek zijn",
        en: "the name \"{name}\" is already used by `{other}`: names must be unique",
    }
    UnknownCommittee = "MW307" {
        nl: "onbekende commissie \"{scheme}\"{hint}; de commissies staan in `_vocabularies.toml` onder `committees` (zet de deelcommissie tussen haakjes achter de naam)",
        en: "unknown committee \"{scheme}\"{hint}; the committees are in `_vocabularies.toml` under `committees` (add the deelcommissie in brackets after the name)",
    }
    VocabularyBadId = "MW310" {
        nl: "id \"{id}\" mag alleen kleine letters, cijfers en streepjes bevatten (probeer \"{slug}\")",
        en: "id \"{id}\" may hold only lowercase letters, digits and hyphens (try \"{slug}\")",
    }
    VocabularyIdTwice = "MW311" {
        nl: "id \"{id}\" staat twee keer in `{key}` (nummer {first} en {second}): haal er één weg",
        en: "id \"{id}\" is used twice in `{key}` (entries {first} and {second}): remove one",
    }
    VocabularyEmptyLabel = "MW312" {
        nl: "het label van \"{id}\" is leeg: schrijf de naam die bezoekers zien, zoals \"Eenzaamheid\"",
        en: "the label of \"{id}\" is empty: write the name users see, such as \"Eenzaamheid\"",
    }
    SynonymBadId = "MW320" {
        nl: "id \"{id}\" mag alleen kleine letters, cijfers en streepjes bevatten (probeer \"{slug}\")",
        en: "id \"{id}\" may hold only lowercase letters, digits and hyphens (try \"{slug}\")",
    }
    SynonymIdTwice = "MW321" {
        nl: "id \"{id}\" wordt twee keer gebruikt (groep {first} en {second}): voeg de groepen samen",
        en: "id \"{id}\" is used twice (groups {first} and {second}): merge them",
    }
    SynonymWordTwice = "MW322" {
        nl: "\"{word}\" staat twee keer in deze groep: haal er één weg",
        en: "\"{word}\" is listed twice in this group: remove one",
    }
    SynonymNoWords = "MW323" {
        nl: "\"{word}\" heeft geen woord om op te zoeken (alleen woorden als \"de\" of \"alleen\"): het zou niets vinden, of alles; gebruik een woord met betekenis",
        en: "\"{word}\" has no searchable word (only stop words such as \"de\" or \"alleen\"): it would match nothing, or everything; use a word with meaning",
    }
    SynonymBroaderItself = "MW324" {
        nl: "\"{id}\" is deze groep zelf: haal hem weg uit `broader`",
        en: "\"{id}\" is this group itself: remove it from `broader`",
    }
    SynonymUnknownBroader = "MW325" {
        nl: "onbekend groeps-id \"{id}\" in `broader`{hint}: noem het `id` van een andere groep",
        en: "unknown group id \"{id}\" in `broader`{hint}: name the `id` of another group",
    }
    SynonymAlone = "MW327" {
        nl: "\"{word}\" staat alleen in deze groep: zet er een woord bij dat hetzelfde betekent, of noem in `broader` het bredere begrip dat het ook moet vinden",
        en: "\"{word}\" is alone in this group: add a word that means the same, or name in `broader` the broader concept it should also find",
    }
    SynonymCycle = "MW326" {
        nl: "\"{id}\" is via `broader` breder dan zichzelf: bredere begrippen mogen geen kring vormen; haal één `broader` weg",
        en: "\"{id}\" is broader than itself through `broader`: broader relations must not form a circle; remove one `broader`",
    }

    // ── Dates and recognitions: errors ─────────────────────────────────────────────────────
    RecognitionInFuture = "MW401" {
        nl: "de erkenningsdatum {date} ligt in de toekomst: schrijf de datum van het oordeel",
        en: "recognition date {date} is in the future: write the date of the judgement",
    }
    RecognitionBefore1990 = "MW402" {
        nl: "de erkenningsdatum {date} ligt voor 1990, toen er nog geen Nederlandse erkenning bestond: controleer het jaar",
        en: "recognition date {date} is before 1990, when no Dutch recognition existed: check the year",
    }
    ExpiredTyped = "MW403" {
        nl: "\"erkenning-verlopen\" wordt uit de datums afgeleid: schrijf het niveau dat is toegekend en de `date` ervan",
        en: "\"erkenning-verlopen\" is worked out from the dates: record the level that was granted and its `date`",
    }
    NotRecognisedNeedsNote = "MW404" {
        nl: "bij \"niet-erkend\" hoort de reden van de commissie in `note`, zodat lezers weten waarom",
        en: "\"niet-erkend\" needs the committee's reason in `note`, so that readers know why",
    }
    LevelNeedsDate = "MW405" {
        nl: "bij een erkenningsniveau hoort de `date` van het oordeel, zodat te zien is wanneer het verloopt; geeft geen bron de datum, schrijf dan `date_unknown = true`",
        en: "a recognition level needs the `date` of the judgement, so that its expiry can be checked; if no source gives the date, write `date_unknown = true`",
    }
    DateAndDateUnknown = "MW406" {
        nl: "`date_unknown = true` naast een `date`: haal één van de twee weg",
        en: "`date_unknown = true` beside a `date`: remove one of the two",
    }
    ValidUntilBeforeDate = "MW407" {
        nl: "`valid_until` ({until}) ligt voor de erkenningsdatum `date` ({date}): controleer beide datums",
        en: "`valid_until` ({until}) is before the recognition `date` ({date}): check both dates",
    }
    ReviewedBefore1990 = "MW408" {
        nl: "`last_reviewed` ({date}) ligt voor 1990: schrijf de datum waarop iemand deze beschrijving het laatst heeft nagekeken, zoals {today}",
        en: "`last_reviewed` ({date}) is before 1990: write the date someone last checked this description, like {today}",
    }
    ReviewedInFuture = "MW409" {
        nl: "`last_reviewed` ({date}) ligt in de toekomst: schrijf de datum waarop de beschrijving is nagekeken, uiterlijk vandaag ({today})",
        en: "`last_reviewed` ({date}) is in the future: write the date the description was checked, today ({today}) at the latest",
    }

    // ── Dates and recognitions: warnings ───────────────────────────────────────────────────
    RecognitionExpired = "MW451" {
        nl: "de erkenning \"{level}\" is verlopen op {until}: vraag de eigenaar naar de herbeoordeling, of schrijf de nieuwe erkenning erbij",
        en: "the recognition \"{level}\" expired on {until}: ask the owner about re-assessment, or record the new recognition",
    }
    StaleReview = "MW452" {
        nl: "laatst nagekeken op {date}, meer dan {years} jaar geleden: kijk de beschrijving na en werk `last_reviewed` bij",
        en: "last reviewed on {date}, more than {years} years ago: check the description and update `last_reviewed`",
    }

    // ── Texts no output can carry ──────────────────────────────────────────────────────────
    BlankText = "MW501" {
        nl: "`{key}` is leeg of bevat alleen spaties: schrijf de tekst, of laat het veld weg als het niet verplicht is",
        en: "`{key}` is empty or only spaces: write the text, or leave the field out if it is optional",
    }
    ForbiddenCharacter = "MW502" {
        nl: "`{key}` bevat {what} (U+{hex}); pagina's, de feed en de open data kunnen dat teken niet tonen: haal het weg (typ de tekst eromheen opnieuw als u het niet ziet)",
        en: "`{key}` contains {what} (U+{hex}), which pages, the feed and the open data cannot show: delete it (retype the text around it if you cannot see it)",
    }
    TooDeep = "MW503" {
        nl: "`{key}` nest citaten of lijsten {depth} niveaus diep; er worden er hoogstens {max} getoond: maak de tekst platter",
        en: "`{key}` nests quotes or lists {depth} levels deep; at most {max} are shown: flatten the text",
    }
    AgeReversed = "MW504" {
        nl: "`age.min` ({min}) is hoger dan `age.max` ({max}): draai ze om",
        en: "`age.min` ({min}) is above `age.max` ({max}): swap them",
    }

    // ── Other warnings ─────────────────────────────────────────────────────────────────────
    NoSources = "MW601" {
        nl: "geen bronnen: voeg minstens één `[[sources]]` toe (een titel, en een URL als die er is), zodat lezers en beoordelaars de beschrijving kunnen nagaan",
        en: "no sources: add at least one `[[sources]]` (title, and a URL where there is one) so that readers and reviewers can check the description",
    }
    OneSidedRelated = "MW602" {
        nl: "`{other}` noemt `{slug}` niet in zijn `related`: zet hem daar ook bij, of haal hem hier weg",
        en: "`{other}` does not list `{slug}` in its `related`: add it there too, or remove it here",
    }
    SameName = "MW603" {
        nl: "\"{name}\" is hetzelfde als \"{other_name}\" van `{other}`: is dit dezelfde methode? Voeg ze samen, of maak de namen verschillend",
        en: "\"{name}\" is the same as \"{other_name}\" of `{other}`: is this the same method? Merge them, or make the names distinct",
    }
    SimilarName = "MW604" {
        nl: "\"{name}\" lijkt heel erg op \"{other_name}\" van `{other}`: is dit dezelfde methode? Voeg ze samen, of maak de namen verschillend",
        en: "\"{name}\" is very close to \"{other_name}\" of `{other}`: is this the same method? Merge them, or make the names distinct",
    }
    DocumentCopy = "MW605" {
        nl: "dit is een site die documenten kopieert, niet de uitgever: verwijs naar de pagina van de organisatie die het document heeft uitgegeven",
        en: "this is a document-copy site, not the publisher: link the page of the organisation that published the document",
    }
    SamePeople = "MW606" {
        nl: "\"{target}\" is hier doelgroep en \"{performer}\" voert de methode uit: noem ze alleen als doelgroep als de methode voor hen is",
        en: "\"{target}\" is a target group here and \"{performer}\" carries the method out: list them as target group only when the method is for them",
    }

    // ── Parts of messages ──────────────────────────────────────────────────────────────────
    HintDidYouMean = "hint-did-you-mean" {
        nl: " (bedoelt u `{word}`?)",
        en: " (did you mean `{word}`?)",
    }
    HintRenameTo = "hint-rename-to" {
        nl: " (hernoem het naar `{file}`)",
        en: " (rename it to `{file}`)",
    }
    HintLookAlike = "hint-look-alike" {
        nl: "; er staan tekens in die op gewone letters lijken maar het niet zijn (Cyrillisch, volle breedte of ligaturen){rename}",
        en: "; it contains characters that look like ordinary letters but are not (Cyrillic, full-width or ligatures){rename}",
    }
    PlaceIn = "place-in" {
        nl: " in `{key}`",
        en: " in `{key}`",
    }
    IdsListed = "ids-listed" {
        nl: "; de ids zijn: {ids}",
        en: "; the ids are: {ids}",
    }
    IdsInFile = "ids-in-file" {
        nl: "; de ids staan in `{file}` onder `{key}`",
        en: "; the ids are in `{file}` under `{key}`",
    }
    TypeTable = "type-table" { nl: "een tabel", en: "a table" }
    TypeList = "type-list" { nl: "een lijst, zoals [\"a\", \"b\"]", en: "a list, like [\"a\", \"b\"]" }
    TypeDate = "type-date" { nl: "een datum, zoals 2024-05-31", en: "a date, like 2024-05-31" }
    TypeText = "type-text" { nl: "tekst tussen aanhalingstekens", en: "text in quotes" }
    TypeWholeNumber = "type-whole-number" { nl: "een heel getal", en: "a whole number" }
    TypeBoolean = "type-boolean" { nl: "true of false", en: "true or false" }
    FoundText = "found-text" { nl: "tekst", en: "text" }
    FoundNumber = "found-number" { nl: "een getal", en: "a number" }
    FoundDecimal = "found-decimal" { nl: "een kommagetal", en: "a decimal number" }
    FoundBoolean = "found-boolean" { nl: "true/false", en: "true/false" }
    FoundDate = "found-date" { nl: "een datum", en: "a date" }
    FoundList = "found-list" { nl: "een lijst", en: "a list" }
    FoundTable = "found-table" { nl: "een tabel", en: "a table" }
    RangeBetween = "range-between" { nl: "tussen {min} en {max}", en: "between {min} and {max}" }
    RangeAtLeast = "range-at-least" { nl: "minstens {min}", en: "at least {min}" }
    RangeAtMost = "range-at-most" { nl: "hoogstens {max}", en: "at most {max}" }
    NounTheme = "noun-theme" { nl: "thema", en: "theme" }
    NounTargetGroup = "noun-target-group" { nl: "doelgroep", en: "target group" }
    NounSetting = "noun-setting" { nl: "werkveld", en: "setting" }
    NounLaw = "noun-law" { nl: "wet", en: "law" }
    NounCarriedOutBy = "noun-carried-out-by" { nl: "uitvoerder (carried_out_by)", en: "carried_out_by value" }
    NounPreventionLevel = "noun-prevention-level" { nl: "preventieniveau", en: "prevention level" }
    NounRecognitionLevel = "noun-recognition-level" { nl: "erkenningsniveau", en: "recognition level" }
    CharControl = "char-control" { nl: "een stuurteken", en: "a control character" }
    CharDirection = "char-direction" { nl: "een onzichtbaar teken voor de schrijfrichting", en: "an invisible text-direction mark" }
    CharZeroWidth = "char-zero-width" { nl: "een onzichtbaar teken zonder breedte", en: "an invisible zero-width character" }
    CharNonCharacter = "char-non-character" { nl: "een niet-teken", en: "a non-character" }

    // ── Counting and summing up ────────────────────────────────────────────────────────────
    SeverityError = "severity-error" { nl: "fout", en: "error" }
    SeverityWarning = "severity-warning" { nl: "waarschuwing", en: "warning" }
    ErrorsOne = "errors-one" { nl: "1 fout", en: "1 error" }
    ErrorsMany = "errors-many" { nl: "{n} fouten", en: "{n} errors" }
    WarningsOne = "warnings-one" { nl: "1 waarschuwing", en: "1 warning" }
    WarningsMany = "warnings-many" { nl: "{n} waarschuwingen", en: "{n} warnings" }
    Summary = "summary" { nl: "{errors}, {warnings}", en: "{errors}, {warnings}" }
    MoreNotShown = "more-not-shown" {
        nl: "{path}: nog {errors} fouten en {warnings} waarschuwingen in dit bestand worden niet getoond; los eerst de bovenstaande op",
        en: "{path}: {errors} more errors and {warnings} more warnings in this file are not shown; fix the ones above first",
    }

    // ── The command ────────────────────────────────────────────────────────────────────────
    CliProblem = "cli-problem" { nl: "fout: {problem}", en: "error: {problem}" }
    CheckOneFolder = "check-one-folder" {
        nl: "de bestanden moeten in één catalogusmap staan; controleer elke map apart",
        en: "the files must be in one catalogue folder; check each folder on its own",
    }
    CheckNoSuchFile = "check-no-such-file" {
        nl: "{path}: fout: dit methodebestand bestaat niet; controleer de naam en de map",
        en: "{path}: error: no such method file; check the name and the folder",
    }
    CheckOthers = "check-others" {
        nl: "{dir}: {summary} in andere bestanden (toon ze met --all)",
        en: "{dir}: {summary} in other files (show them with --all)",
    }
    CheckFiles = "check-files" { nl: "{n} bestanden", en: "{n} files" }
    CheckedFiles = "check-checked-files" {
        nl: "{what} gecontroleerd: {summary}",
        en: "checked {what}: {summary}",
    }
    CheckedFolder = "check-checked-folder" {
        nl: "{n} methoden gecontroleerd in {dir}: {summary}",
        en: "checked {n} methods in {dir}: {summary}",
    }
    CheckFailed = "check-failed" {
        nl: "{dir}: {summary}; los de fouten op en controleer opnieuw",
        en: "{dir}: {summary}; fix the errors and check again",
    }
    ReportFilled = "report-filled" {
        nl: "Velden ingevuld in {n} methoden ({dir}):",
        en: "Fields filled in {n} methods ({dir}):",
    }
    ReportBelow = "report-below" { nl: "Methoden onder {floor} %: {n}", en: "Methods below {floor} %: {n}" }
    ReportMissing = "report-missing" { nl: "ontbreekt: {fields}", en: "missing: {fields}" }
    SortOrders = "cli-sort-orders" { nl: "de volgordes zijn: {keys}", en: "the orders are: {keys}" }
    NewNoName = "new-no-name" {
        nl: "geef de naam van de methode, bijvoorbeeld: methodewijzer new \"Buurtkamer\"",
        en: "give the method's name, e.g. methodewijzer new \"Buurtkamer\"",
    }
    NewControl = "new-control" {
        nl: "de naam bevat een stuurteken (een regeleinde of tab?): typ hem op één regel",
        en: "the name contains a control character (a line break or tab?): type it on one line",
    }
    NewNoLetters = "new-no-letters" {
        nl: "in de naam {name} staan geen letters of cijfers om een bestandsnaam van te maken: gebruik de naam van de methode in woorden, zoals \"Buurtkamer\"",
        en: "the name {name} has no letters or digits to make a file name from: use the method's name in words, e.g. \"Buurtkamer\"",
    }
    NewTooLong = "new-too-long" {
        nl: "de naam is te lang voor een bestandsnaam ({chars} tekens; hoogstens {max}): geef de korte naam, en zet de lange daarna bij `aliases`",
        en: "the name is too long for a file name ({chars} characters; at most {max}): give the short name the field uses, and add the long one to `aliases` afterwards",
    }
    NewExists = "new-exists" {
        nl: "{path} bestaat al; er is niets veranderd. Pas dat bestand aan, of kies een andere naam.",
        en: "{path} already exists; nothing was changed. Edit that file, or choose another name.",
    }
    NewCreated = "new-created" {
        nl: "Aangemaakt: {path}\n\nVolgende stappen:\n  1. Vul in {path} de verplichte velden in: summary, themes,\n     target_groups, aim en approach. Optionele velden staan er als commentaar bij.\n  2. Controleer:  methodewijzer check   (met Rust: cargo run -- check)\n  3. Bekijk:      methodewijzer serve   (met Rust: cargo run --release -- serve),\n     dan http://127.0.0.1:8000/methoden/{slug}/\n  4. Open een pull request; zie interventions/README.md.",
        en: "Created: {path}\n\nNext steps:\n  1. Fill in the required fields in {path}: summary, themes,\n     target_groups, aim and approach. The optional fields are there as comments.\n  2. Check:    methodewijzer check   (with Rust: cargo run -- check)\n  3. Preview:  methodewijzer serve   (with Rust: cargo run --release -- serve),\n     then http://127.0.0.1:8000/methoden/{slug}/\n  4. Open a pull request; see interventions/README.md.",
    }
    BuildBuilt = "build-built" {
        nl: "{methods} methoden gebouwd ({files} bestanden) in {out} in {ms} ms",
        en: "built {methods} methods ({files} files) into {out} in {ms} ms",
    }
    BuildFailed = "build-failed" {
        nl: "bouwen mislukt; {out} is gelaten zoals het was",
        en: "build failed; {out} was left as it was",
    }
    CatalogueHasErrors = "catalogue-has-errors" {
        nl: "de catalogus heeft fouten: {summary}",
        en: "the catalogue has errors: {summary}",
    }
    ServeCannotListen = "serve-cannot-listen" {
        nl: "kan niet luisteren op 127.0.0.1:{port} ({error}); probeer een andere poort met --port",
        en: "cannot listen on 127.0.0.1:{port}: {error}. Try another port with --port.",
    }
    ServeNotWatching = "serve-not-watching" {
        nl: "waarschuwing: wijzigingen worden niet gevolgd ({error}); start serve opnieuw na een wijziging",
        en: "warning: not watching for changes ({error}); restart serve after a change",
    }
    ServeServing = "serve-serving" {
        nl: "de voorvertoning staat op {base} (Ctrl-C stopt); {catalogue} en {site} worden gevolgd",
        en: "serving {base} (Ctrl-C stops); watching {catalogue} and {site}",
    }
    ServeBuilt = "serve-built" {
        nl: "{methods} methoden gebouwd ({files} bestanden) in {ms} ms",
        en: "built {methods} methods ({files} files) in {ms} ms",
    }
    ServeFailed = "serve-failed" {
        nl: "bouwen mislukt; los het probleem op en sla op: de pagina ververst zichzelf",
        en: "build failed; fix the problem and save: the page reloads by itself",
    }
    ServeMethodNotAllowed = "serve-method-not-allowed" {
        nl: "niet toegestaan: de voorvertoning leest alleen",
        en: "method not allowed: the preview only reads",
    }
    ServeHeadersTooLarge = "serve-headers-too-large" {
        nl: "de headers van het verzoek zijn te groot",
        en: "request headers too large",
    }
    ServeForbidden = "serve-forbidden" {
        nl: "verboden: buiten de site",
        en: "forbidden: outside the site",
    }
    PageTitle = "page-title" {
        nl: "Er gaat iets mis in de catalogus",
        en: "Something is wrong in the catalogue",
    }
    PageIntro = "page-intro" {
        nl: "Los de fouten hieronder op en sla het bestand op; deze pagina ververst zichzelf.",
        en: "Fix the errors below and save; this page reloads by itself.",
    }
    PageErrors = "page-errors" { nl: "Fouten ({n})", en: "Errors ({n})" }
    PageWarnings = "page-warnings" {
        nl: "Waarschuwingen ({n}): geen fout, wel iets om na te kijken",
        en: "Warnings ({n}): not errors, but worth a look",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_in_named_values_and_leaves_the_rest() {
        assert_eq!(
            fill("`{key}` is {n}", &[("key", &"age"), ("n", &3)]),
            "`age` is 3"
        );
        assert_eq!(fill("[{a}] {b} {", &[("a", &1)]), "[1] {b} {");
        assert_eq!(placeholders("{a} `{b}` {A} {}"), ["a", "b"]);
    }

    #[test]
    fn languages_from_flags_and_locales() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("NL"), Some(Lang::Nl));
        assert_eq!(Lang::parse("fr"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::Nl);
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "nl_NL.UTF-8"), ("LANG", "en_US")])),
            Lang::Nl
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", ""), ("LC_MESSAGES", "en_GB")])),
            Lang::En
        );
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "C")])), Lang::Nl);
    }
}
