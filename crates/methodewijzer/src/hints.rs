//! Hints for editors who write Dutch: the English key for a Dutch field name, and a Dutch date
//! recognised as one. The messages that use them are in `document`.

/// The English key for a Dutch field name an editor may type (`kosten` → `costs`).
pub(crate) fn dutch_key(name: &str) -> Option<&'static str> {
    Some(
        match name.to_lowercase().replace([' ', '-'], "_").as_str() {
            "naam" => "name",
            "alias" | "aliassen" | "ook_bekend_als" => "aliases",
            "samenvatting" => "summary",
            "soort" | "type_methode" => "type",
            "thema" | "themas" | "thema_s" => "themes",
            "doelgroep" | "doelgroepen" => "target_groups",
            "leeftijd" => "age",
            "wet" | "wetten" => "laws",
            "uitvoerder" | "uitvoerders" | "uitgevoerd_door" => "carried_out_by",
            "werkveld" | "werkvelden" | "setting" => "settings",
            "preventieniveau" => "prevention_level",
            "probleem" => "problem",
            "doel" => "aim",
            "aanpak" | "werkwijze" => "approach",
            "werkzame_elementen" => "effective_elements",
            "onderbouwing" => "foundation",
            "indicaties" | "indicatie" => "indications",
            "contra_indicaties" | "contraindicaties" => "contra_indications",
            "duur" | "duur_en_intensiteit" | "intensiteit" => "duration_and_intensity",
            "randvoorwaarden" | "voorwaarden" => "preconditions",
            "kosten" => "costs",
            "valkuilen" => "pitfalls",
            "onderzoek" => "research",
            "verspreiding" => "spread",
            "erkenning" | "erkenningen" => "recognitions",
            "eigenaar" => "owner",
            "bronnen" | "bron" => "sources",
            "praktijkvoorbeelden" | "praktijkvoorbeeld" => "practice_examples",
            "verwant" | "verwante_methoden" | "gerelateerd" => "related",
            "laatst_herzien" | "herzien" => "last_reviewed",
            "niveau" => "level",
            "datum" => "date",
            "geldig_tot" => "valid_until",
            "voorwaardelijk" => "conditional",
            "toelichting" | "opmerking" => "note",
            "titel" => "title",
            "jaar" => "year",
            "plaats" => "place",
            "beschrijving" => "description",
            "organisatie" => "organisation",
            "website" => "website",
            _ => return None,
        },
    )
}

/// The date written year first (`2026-11-26`) when the value at `span` looks like a Dutch date
/// (`26-11-2026`, `26/11/2026`).
pub(crate) fn dutch_date(source: &str, span: &std::ops::Range<usize>) -> Option<String> {
    let start = span.start.min(source.len());
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line = &source[line_start..line_end];
    let value = line.split_once('=').map_or(line, |(_, v)| v).trim();
    let parts: Vec<&str> = value.split(['-', '/', '.']).collect();
    let dutch = parts.len() == 3
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && parts[2].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    dutch.then(|| format!("{}-{:0>2}-{:0>2}", parts[2], parts[1], parts[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_names_and_dates() {
        assert_eq!(dutch_key("kosten"), Some("costs"));
        assert_eq!(dutch_key("Doelgroep"), Some("target_groups"));
        assert_eq!(dutch_key("contra-indicaties"), Some("contra_indications"));
        assert_eq!(dutch_key("onzin"), None);
        let source = "last_reviewed = 26-11-2026\n";
        assert_eq!(dutch_date(source, &(16..18)).as_deref(), Some("2026-11-26"));
        assert_eq!(
            dutch_date("x = 1/2/2026\n", &(4..6)).as_deref(),
            Some("2026-02-01")
        );
        assert_eq!(dutch_date("x = 2026-11-26\n", &(4..6)), None);
    }
}
