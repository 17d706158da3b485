//! The message table: every entry in Dutch and English with the same placeholders, codes that
//! stay what they are, and Dutch unless English is asked for.

use std::collections::BTreeSet;

use methodewijzer::messages::{Lang, Msg, placeholders};

#[test]
fn every_message_has_both_texts_with_the_same_placeholders() {
    for msg in Msg::ALL {
        let (nl, en) = (msg.template(Lang::Nl), msg.template(Lang::En));
        assert!(!nl.trim().is_empty(), "{} has no Dutch text", msg.code());
        assert!(!en.trim().is_empty(), "{} has no English text", msg.code());
        let set = |t| placeholders(t).into_iter().collect::<BTreeSet<_>>();
        assert_eq!(set(nl), set(en), "{}: the placeholders differ", msg.code());
        if msg.code().starts_with("MW") {
            // Problems are told in the editors' language, not in the English of the parser.
            assert_ne!(nl, en, "{} is not translated", msg.code());
        }
    }
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for msg in Msg::ALL {
        let code = msg.code();
        assert!(seen.insert(code), "{code} is used twice");
        let problem = code.len() == 5
            && code.starts_with("MW")
            && code[2..].chars().all(|c| c.is_ascii_digit());
        let id = code.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        assert!(
            problem || id,
            "{code:?} is neither MWnnn nor a kebab-case id"
        );
        assert_eq!(Msg::from_code(code), Some(*msg));
    }
}

/// A published code keeps its meaning: tools and editors' notes refer to it. A new code is
/// added here; an existing one is never renumbered.
#[test]
fn published_codes_keep_their_meaning() {
    for (code, msg) in [
        ("MW002", Msg::NoMethodFiles),
        ("MW005", Msg::BadFileName),
        ("MW006", Msg::NotUtf8),
        ("MW101", Msg::TomlUnclosedList),
        ("MW102", Msg::TomlDuplicateKeyAt),
        ("MW104", Msg::TomlDutchDate),
        ("MW106", Msg::TomlUnclosedString),
        ("MW201", Msg::UnknownKey),
        ("MW202", Msg::MissingKey),
        ("MW203", Msg::WrongType),
        ("MW204", Msg::NotAllowed),
        ("MW301", Msg::UnknownTerm),
        ("MW303", Msg::UnknownRelated),
        ("MW405", Msg::LevelNeedsDate),
        ("MW451", Msg::RecognitionExpired),
        ("MW452", Msg::StaleReview),
        ("MW502", Msg::ForbiddenCharacter),
        ("MW601", Msg::NoSources),
        ("MW605", Msg::DocumentCopy),
    ] {
        assert_eq!(msg.code(), code);
    }
}

#[test]
fn dutch_unless_english_is_asked_for() {
    let args: &[(&str, &dyn std::fmt::Display)] = &[("key", &"kosten")];
    assert!(
        Msg::UnknownKey
            .text_in(Lang::Nl, args)
            .starts_with("onbekende sleutel `kosten`")
    );
    assert!(
        Msg::UnknownKey
            .text_in(Lang::En, args)
            .starts_with("unknown key `kosten`")
    );
    // Without a choice, the process speaks Dutch.
    assert_eq!(methodewijzer::messages::language(), Lang::Nl);
    assert_eq!(Lang::default(), Lang::Nl);
}
