//! Search as professionals use it: the judged queries, typos, compounds, names, facets and
//! whatever ends up in a search box.
//!
//! This file is long because it is one test per behaviour of one API (`SearchIndex::search`),
//! sharing the loaded catalogue and index; split, each part would load them again.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use methodewijzer::relevance::{Judgments, evaluate};
use methodewijzer::search::IndexOptions;
use methodewijzer::{Catalogue, Facet, SearchIndex, SearchRequest, SearchResults, Sort};
use proptest::prelude::*;

mod support;

#[path = "../../../tests/support/browser_files.rs"]
mod browser_files;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The overall nDCG@10 the search must keep on the judged queries (BENCHMARKS.md). Set when
/// 60 situations, jargon and everyday words joined the 210 queries (2026-11-26), which made
/// the set harder: 0.829 with the ranking before, 0.845 measured with concepts and
/// coordination. A floor against regressions, not a target.
const MIN_NDCG: f64 = 0.83;
/// The mean reciprocal rank it must keep (0.887 before, 0.914 measured).
const MIN_MRR: f64 = 0.90;

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::load(format!("{ROOT}/interventions")).unwrap())
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(catalogue()))
}

fn judgments() -> Judgments {
    Judgments::load(format!("{ROOT}/tests/relevance/queries.toml")).unwrap()
}

fn search(query: &str) -> SearchResults {
    index().search(&SearchRequest::new(query))
}

fn slugs(query: &str) -> Vec<String> {
    search(query).hits.into_iter().map(|h| h.slug).collect()
}

fn first(query: &str) -> String {
    slugs(query).into_iter().next().unwrap_or_default()
}

#[test]
fn judged_queries_keep_their_quality() {
    let report = evaluate(&judgments(), slugs);
    println!("{}", report.table());
    assert!(
        report.ndcg() >= MIN_NDCG,
        "nDCG@10 fell to {:.3} (minimum {MIN_NDCG})\n{}",
        report.ndcg(),
        report.table()
    );
    assert!(report.mrr() >= MIN_MRR, "MRR fell to {:.3}", report.mrr());
}

#[test]
fn judgments_cover_the_catalogue() {
    let judgments = judgments();
    assert!(judgments.queries.len() >= 40);
    let mut answered = BTreeSet::new();
    for query in &judgments.queries {
        for (slug, grade) in &query.judgments {
            assert!(
                catalogue().get(slug).is_some(),
                "{:?} judges unknown slug {slug}",
                query.text
            );
            assert!((1..=3).contains(grade));
            if *grade == 3 {
                answered.insert(slug.clone());
            }
        }
    }
    for method in catalogue() {
        assert!(
            answered.contains(&method.slug),
            "no judged query has {} as its answer",
            method.slug
        );
    }
}

#[test]
fn typos_find_the_method() {
    assert_eq!(first("krachtwek"), "krachtwerk");
    assert_eq!(first("multifokus"), "multifocus");
    assert_eq!(first("kwartiermaaken"), "kwartiermaken");
    assert_eq!(first("jobcoachign"), "jobcoaching");
    // Two edits are allowed from nine letters on, one from five, none below.
    assert_eq!(first("netwrkcoahc"), "natuurlijk-een-netwerkcoach");
    assert_eq!(first("mulitfokus"), "multifocus"); // a transposition and a letter: two edits
    assert!(slugs("mutlifokuz").is_empty()); // three edits
    assert!(slugs("ipz").is_empty());
}

#[test]
fn a_part_of_a_compound_finds_the_whole() {
    let top: Vec<String> = slugs("netwerk").into_iter().take(2).collect();
    assert!(
        top.contains(&"natuurlijk-een-netwerkcoach".to_string()),
        "{top:?}"
    );
    assert!(
        top.contains(&"sociale-netwerkversterking".to_string()),
        "{top:?}"
    );
    assert_eq!(first("kwartier maken"), "kwartiermaken");
    assert_eq!(first("coach"), "natuurlijk-een-netwerkcoach");
}

#[test]
fn a_common_word_does_not_count_the_whole_catalogue() {
    // Only methods scoring at least a quarter of the best count, are faceted and listed.
    for query in [
        "eenzaamheid",
        "netwerk",
        "huiselijk geweld gezin",
        "vrijwilligers",
    ] {
        let results = search(query);
        assert!(
            results.total * 2 <= catalogue().len(),
            "{query:?} counts {} of {}",
            results.total,
            catalogue().len()
        );
        let counted: usize = results.facets[0].values.iter().map(|v| v.count).sum();
        assert!(counted >= results.total, "facets count the same set");
    }
    // A blank box still lists everything.
    assert_eq!(search("").total, catalogue().len());
    // Typing a method's name finds it first, and does not hide the other matches.
    let named = search("Krachtwerk");
    assert_eq!(named.hits[0].slug, "krachtwerk");
    assert!(named.total > 1, "only the named method was counted");
}

#[test]
fn diacritics_and_case_do_not_matter() {
    assert_eq!(slugs("cliënt regie"), slugs("client regie"));
    assert_eq!(slugs("COÖRDINATOR"), slugs("coordinator"));
    // The method whose text has "coördinator" (with its diaeresis) is found from either spelling.
    let top = first("coördinator");
    assert_eq!(top, first("coordinator"));
    let method = catalogue().get(&top).unwrap();
    let text = format!("{} {} {}", method.summary, method.approach, method.aim).to_lowercase();
    assert!(text.contains("coördinator"), "{top}");
}

#[test]
fn a_name_or_alias_ranks_its_method_first() {
    for method in catalogue() {
        for name in std::iter::once(&method.name).chain(&method.aliases) {
            assert_eq!(first(name), method.slug, "query {name:?}");
            assert_eq!(first(&name.to_lowercase()), method.slug, "query {name:?}");
        }
    }
}

#[test]
fn the_last_word_is_a_prefix_while_typing() {
    // "vrijwill" is no word, but completes to vrijwilliger(s): methods carried out by
    // volunteers come up.
    let top: Vec<String> = slugs("vrijwill").into_iter().take(3).collect();
    assert!(!top.is_empty());
    for slug in &top {
        let method = catalogue().get(slug).unwrap();
        assert!(
            method.carried_out_by.contains(&"vrijwilliger".to_string()),
            "{slug}"
        );
    }
    assert_eq!(first("huiselijk gew"), first("huiselijk geweld"));
    // A finished word (followed by a space) is not completed.
    assert!(slugs("vrijwill ").is_empty());
}

#[test]
fn synonyms_from_the_catalogue_file() {
    // "ggz" finds methods for people with psychological problems through its synonym group.
    for slug in slugs("ggz").iter().take(3) {
        let method = catalogue().get(slug).unwrap();
        assert!(
            method.settings.iter().any(|s| s == "ggz")
                || method
                    .target_groups
                    .iter()
                    .any(|g| g == "mensen-met-psychische-problemen")
                || method
                    .themes
                    .iter()
                    .any(|t| t == "psychische-kwetsbaarheid-en-herstel"),
            "{slug}"
        );
    }
    // "senioren" appears in no method text; the synonym group maps it to "ouderen".
    assert!(catalogue().iter().all(|m| !m.summary.contains("senioren")));
    assert!(!slugs("senioren").is_empty());
    // "partnergeweld" is in the group of "huiselijk geweld": it finds what that phrase finds.
    assert!(
        catalogue()
            .iter()
            .all(|m| !m.summary.contains("partnergeweld"))
    );
    assert!(slugs("partnergeweld")[..3].contains(&first("huiselijk geweld")));
    assert!(
        catalogue()
            .get(&first("partnergeweld"))
            .is_some_and(|m| m.themes.iter().any(|t| t == "huiselijk-geweld"))
    );
}

#[test]
fn browsing_lists_everything_with_counts() {
    let results = index().search(&SearchRequest::new("").limit(100));
    assert_eq!(results.total, catalogue().len());
    assert_eq!(results.hits.len(), catalogue().len());
    let theme_counts = &results.facets[0];
    assert_eq!(theme_counts.facet, Facet::Theme);
    for value in &theme_counts.values {
        let expected = catalogue()
            .iter()
            .filter(|m| m.themes.contains(&value.id))
            .count();
        assert_eq!(value.count, expected, "{}", value.id);
    }
}

#[test]
fn a_facet_count_ignores_its_own_filter_but_applies_the_others() {
    let all = index().search(&SearchRequest::new(""));
    let request = SearchRequest::new("").filter(Facet::Theme, "eenzaamheid");
    let filtered = index().search(&request);

    // The theme counts are the same as without the theme filter…
    assert_eq!(filtered.facets[0], {
        let mut themes = all.facets[0].clone();
        for v in &mut themes.values {
            v.selected = v.id == "eenzaamheid";
        }
        themes
    });
    // …while the other facets count only methods about eenzaamheid.
    let lonely: Vec<_> = catalogue()
        .iter()
        .filter(|m| m.themes.contains(&"eenzaamheid".to_string()))
        .collect();
    assert_eq!(filtered.total, lonely.len());
    let target_groups = &filtered.facets[1];
    for value in &target_groups.values {
        let expected = lonely
            .iter()
            .filter(|m| m.target_groups.contains(&value.id))
            .count();
        assert_eq!(value.count, expected, "{}", value.id);
    }
}

#[test]
fn filters_are_or_within_a_facet_and_and_across() {
    let either = SearchRequest::new("")
        .filter(Facet::Theme, "eenzaamheid")
        .filter(Facet::Theme, "huiselijk-geweld")
        .limit(100);
    let results = index().search(&either);
    let expected = catalogue()
        .iter()
        .filter(|m| {
            m.themes
                .iter()
                .any(|t| t == "eenzaamheid" || t == "huiselijk-geweld")
        })
        .count();
    assert_eq!(results.total, expected);
    assert!(expected >= 2);

    let both = either.filter(Facet::Law, "participatiewet");
    let results = index().search(&both);
    for hit in &results.hits {
        let method = catalogue().get(&hit.slug).unwrap();
        assert!(method.laws.contains(&"participatiewet".to_string()));
        assert!(
            method
                .themes
                .iter()
                .any(|t| t == "eenzaamheid" || t == "huiselijk-geweld")
        );
    }
}

#[test]
fn the_age_filter_uses_a_methods_own_ages_else_its_target_groups() {
    let slugs = |band: &str| -> BTreeSet<String> {
        let request = SearchRequest::new("").filter(Facet::Age, band).limit(1000);
        index()
            .search(&request)
            .hits
            .into_iter()
            .map(|h| h.slug)
            .collect()
    };
    let vocabularies = catalogue().vocabularies();
    let child = slugs("4-11");
    let old = slugs("65-plus");
    for method in catalogue() {
        let fits = |band: &methodewijzer::AgeBand| match vocabularies.ages_of(method) {
            Some(ages) => ages.overlaps(band.range),
            None => true,
        };
        let [_, kids, .., elderly] = &methodewijzer::AgeBand::ALL;
        assert_eq!(child.contains(&method.slug), fits(kids), "{}", method.slug);
        assert_eq!(old.contains(&method.slug), fits(elderly), "{}", method.slug);
    }
    // Its own ages count first: Triple P (0–16) is for children, not for the elderly.
    assert!(child.contains("triple-p") && !old.contains("triple-p"));
    // Else its target groups': Housing First is for adults.
    let housing_first = catalogue().get("housing-first").unwrap();
    assert!(housing_first.age.is_none());
    assert!(!child.contains("housing-first") && old.contains("housing-first"));
    // A method with no age known fits every age: filtering never hides what may fit.
    let ageless: Vec<_> = catalogue()
        .iter()
        .filter(|m| vocabularies.ages_of(m).is_none())
        .collect();
    assert!(!ageless.is_empty());
    assert!(
        ageless
            .iter()
            .all(|m| child.contains(&m.slug) && old.contains(&m.slug))
    );
    assert!(child.len() < catalogue().len() && old.len() < catalogue().len());
}

#[test]
fn a_weaker_match_counts_when_it_is_related_to_the_best_match() {
    // Over every judged query: a method counts when it scores the match floor of the best
    // score, or, when it is the k-th method the best match's page lists as related, the
    // k-th near floor of it.
    let IndexOptions {
        match_floor,
        near_floors,
        ..
    } = IndexOptions::default();
    assert!(near_floors.iter().all(|&floor| floor < match_floor));
    let (mut counted_as_related, mut left_as_unrelated) = (0, 0);
    for query in judgments().queries {
        let results = index().search(&SearchRequest::new(&query.text).limit(1000).with_weaker());
        let Some(top) = results.hits.first() else {
            continue;
        };
        // The best score before a name's bonus (1000), which the floors are shares of.
        let best = results
            .hits
            .iter()
            .map(|h| h.score % 1000.0)
            .fold(0.0, f32::max);
        let related = index().related(&top.slug, near_floors.len());
        for hit in &results.hits[1..] {
            let floor = related
                .iter()
                .position(|slug| *slug == hit.slug)
                .map_or(match_floor, |k| near_floors[k]);
            assert_eq!(
                !hit.weaker,
                hit.score >= best * floor,
                "{:?}: {}",
                query.text,
                hit.slug
            );
            // Such a method is marked, so that a result list can say why it is there.
            let as_related = !hit.weaker && hit.score < best * match_floor;
            let named = as_related.then(|| top.name.clone());
            assert_eq!(hit.related_to, named, "{:?}: {}", query.text, hit.slug);
            if as_related {
                counted_as_related += 1;
            }
            if hit.weaker && hit.score >= best * near_floors[0] && floor == match_floor {
                left_as_unrelated += 1;
            }
        }
    }
    // Both sides of the rule occur: it is not the floor alone under another name.
    assert!(counted_as_related > 20, "{counted_as_related}");
    assert!(left_as_unrelated > 20, "{left_as_unrelated}");
}

#[test]
fn weaker_matches_are_counted_apart_and_listed_after_the_others_on_request() {
    let plain = index().search(&SearchRequest::new("netwerk").limit(1000));
    let all = index().search(&SearchRequest::new("netwerk").limit(1000).with_weaker());
    assert!(plain.weaker > 0, "a common word leaves weaker matches");
    assert_eq!((all.total, all.weaker), (plain.total, plain.weaker));
    assert!(plain.hits.iter().all(|h| !h.weaker));
    assert_eq!(plain.hits.len(), plain.total);
    assert_eq!(all.hits.len(), all.total + all.weaker);
    // The ones that count first, in the same order; then the weaker, each below the floor.
    assert_eq!(all.hits[..all.total], plain.hits[..]);
    assert!(all.hits[all.total..].iter().all(|h| h.weaker));
    let bar = plain.hits[0].score * IndexOptions::default().match_floor;
    assert!(all.hits[all.total..].iter().all(|h| h.score < bar));
    assert!(
        all.hits[1..all.total]
            .windows(2)
            .all(|w| w[0].score >= w[1].score)
    );
    // Paging runs on across the two.
    let page = index().search(
        &SearchRequest::new("netwerk")
            .offset(all.total - 2)
            .limit(4)
            .with_weaker(),
    );
    assert_eq!(page.hits, all.hits[all.total - 2..all.total + 2]);
    // Filters narrow the weaker matches too.
    let filtered = index().search(
        &SearchRequest::new("netwerk")
            .filter(Facet::Law, "jeugdwet")
            .limit(1000)
            .with_weaker(),
    );
    for hit in &filtered.hits {
        let method = catalogue().get(&hit.slug).unwrap();
        assert!(method.laws.iter().any(|l| l == "jeugdwet"), "{}", hit.slug);
    }
    assert!(filtered.weaker < all.weaker);
}

#[test]
fn the_results_say_how_the_query_was_read() {
    // A misspelt word, a word that finds nothing, a thesaurus word; the trailing space ends
    // the last word (no completions).
    let read = search("kwartiermakn qqqzzz weduwnaar ").interpretation;
    assert_eq!(read.corrected.len(), 1);
    assert_eq!(read.corrected[0].typed, "kwartiermakn");
    assert!(
        read.corrected[0]
            .searched
            .contains(&"kwartiermaken".to_string())
    );
    assert_eq!(
        read.unknown,
        ["qqqzzz"],
        "weduwnaar found methods through the thesaurus"
    );
    assert!(
        read.expanded.iter().any(|w| w == "eenzaamheid"),
        "{:?}",
        read.expanded
    );
    assert!(
        !read.expanded.iter().any(|w| w == "weduwnaar"),
        "typed words are not added"
    );
    // Two typed words that form a catalogue word.
    let read = search("kwartier maken").interpretation;
    assert_eq!(
        read.expanded.first().map(String::as_str),
        Some("kwartiermaken")
    );
    assert!(read.unknown.is_empty() && read.corrected.is_empty());
    // A word still being typed completes rather than being corrected.
    let read = search("kwartierm").interpretation;
    assert!(read.corrected.is_empty() && read.unknown.is_empty());
    // Words beyond the limit are named, not silently dropped.
    let long = "gezin ".repeat(40) + "schulden";
    let read = search(&long).interpretation;
    assert_eq!(read.ignored.last().map(String::as_str), Some("schulden"));
    // Browsing reads nothing.
    assert_eq!(search("").interpretation, Default::default());
}

#[test]
fn filters_apply_to_text_queries_too() {
    let request = SearchRequest::new("werk").filter(Facet::CarriedOutBy, "vrijwilliger");
    let results = index().search(&request);
    assert!(results.total < search("werk").total);
    for hit in &results.hits {
        let method = catalogue().get(&hit.slug).unwrap();
        assert!(method.carried_out_by.contains(&"vrijwilliger".to_string()));
    }
}

#[test]
fn paging() {
    let all = index().search(&SearchRequest::new("").limit(100));
    let page = index().search(&SearchRequest::new("").limit(3).offset(3));
    assert_eq!(page.total, all.total);
    assert_eq!(page.hits, all.hits[3..6]);
    let past = index().search(&SearchRequest::new("").offset(1000));
    assert!(past.hits.is_empty());
}

#[test]
fn snippets_highlight_and_escape() {
    let hit = &search("eenzaamheid").hits[0];
    // The stem matches: "eenzaam" is highlighted for the query "eenzaamheid".
    assert!(hit.snippet.contains("<mark>eenzaam"), "{}", hit.snippet);

    let dir = support::catalogue_dir(
        None,
        &[(
            "gevaarlijk.toml".into(),
            r#"name = "<img src=x onerror=alert(1)>"
summary = "Een <script>alert('eenzaamheid')</script> tekst."
themes = ["eenzaamheid"]
target_groups = ["ouderen"]
aim = "Doel."
approach = "Aanpak."
last_reviewed = 2025-01-01
"#
            .into(),
        )],
    );
    let hostile = SearchIndex::build(&Catalogue::load(dir.path()).unwrap());
    for query in ["eenzaamheid", "script", ""] {
        let results = hostile.search(&SearchRequest::new(query));
        let snippet = &results.hits[0].snippet;
        assert!(!snippet.contains("<script"), "{snippet}");
        assert!(!snippet.contains("<img"), "{snippet}");
        assert!(snippet.starts_with("Een &lt;"), "{snippet}");
    }
}

#[test]
fn odd_input_gives_sensible_results() {
    assert_eq!(first("\"krachtwerk"), "krachtwerk");
    assert_eq!(first("ips AND OR NOT -+*?"), "ips");
    assert_eq!(first("(((multifocus"), "multifocus");
    assert_eq!(first("kwartiermaken\u{0}\u{7}\t\r\n"), "kwartiermaken");
    let long = "eenzaamheid ".repeat(1000);
    assert_eq!(long.len(), 12_000);
    // Repetition weighs the typed word above its thesaurus words, so methods found only
    // through those may drop below the match floor; but it finds nothing the word itself does
    // not, and loses nothing: what drops is among the weaker matches.
    let all_hits = |request: SearchRequest| {
        let mut hits: Vec<String> = index()
            .search(&request.limit(catalogue().len()))
            .hits
            .into_iter()
            .map(|h| h.slug)
            .collect();
        hits.sort();
        hits
    };
    let single = all_hits(SearchRequest::new("eenzaamheid"));
    let repeated = all_hits(SearchRequest::new(&long));
    let repeated_and_weaker = all_hits(SearchRequest::new(&long).with_weaker());
    assert!(!single.is_empty() && !repeated.is_empty());
    assert!(
        repeated.iter().all(|slug| single.contains(slug)),
        "{repeated:?}"
    );
    assert!(
        single.iter().all(|slug| repeated_and_weaker.contains(slug)),
        "{single:?} not all in {repeated_and_weaker:?}"
    );
    // Nothing searchable in it: nothing found (listing everything answered a question nobody
    // asked); a blank box still browses everything.
    assert_eq!(search("🙂 ?! --").total, 0);
    assert_eq!(search("   ").total, catalogue().len());
    // Only stop words ("een" on the way to "eenzaamheid") browses, as a blank box does.
    assert_eq!(search("een").total, catalogue().len());
    assert!(slugs("zzzzqqqq").is_empty());
}

#[test]
fn related_methods_list_the_explicit_ones_first() {
    let krachtwerk = catalogue().get("krachtwerk").unwrap();
    let related = index().related("krachtwerk", 4);
    assert_eq!(related.len(), 4);
    for (found, slug) in related.iter().zip(&krachtwerk.related) {
        assert_eq!(found, slug);
    }
    assert!(related.iter().all(|slug| slug != "krachtwerk"));
    assert!(related.iter().all(|slug| catalogue().get(slug).is_some()));
    let unique: BTreeSet<_> = related.iter().collect();
    assert_eq!(unique.len(), related.len());
    assert!(index().related("no-such-method", 3).is_empty());
}

#[test]
fn similar_methods_are_about_the_same_thing() {
    let catalogue = catalogue();
    let mut sharing = 0;
    for method in catalogue {
        let similar = index().similar(&method.slug);
        assert!(
            !similar.is_empty(),
            "{} has no similar methods",
            method.slug
        );
        assert!(similar.iter().all(|s| s != &method.slug));
        let unique: BTreeSet<_> = similar.iter().collect();
        assert_eq!(unique.len(), similar.len());
        let first = catalogue.get(&similar[0]).unwrap();
        if first.themes.iter().any(|t| method.themes.contains(t))
            || first
                .target_groups
                .iter()
                .any(|t| method.target_groups.contains(t))
        {
            sharing += 1;
        }
    }
    // The most similar method shares a theme or a target group for nearly every method (for
    // all 33 when this was written; a new method may reasonably be an exception).
    assert!(
        sharing * 10 >= catalogue.len() * 9,
        "{sharing} of {}",
        catalogue.len()
    );
    // Parenting support finds parenting support.
    let similar = index().similar("triple-p");
    assert!(
        similar[..3].iter().all(|s| catalogue
            .get(s)
            .unwrap()
            .themes
            .contains(&"opvoeden-en-opgroeien".to_string())),
        "{similar:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_query_is_answered(query in "\\PC{0,200}") {
        let results = index().search(&SearchRequest::new(query));
        prop_assert!(results.hits.len() <= 10);
        prop_assert!(results.total <= catalogue().len());
    }
}

#[test]
fn browser_export_is_deterministic_content_named_and_complete() {
    let catalogue = catalogue();
    let export = index().browser_export();
    let again = index().browser_export();
    let names: Vec<&str> = export.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        again
            .files
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
    );
    let manifest = browser_files::check_export(&export, catalogue.len());
    assert!(
        manifest["situations"].is_array(),
        "the shipped catalogue has situations"
    );
    // Other impacts (another field weight): another generation, so a file name never stands
    // for two contents, and every changed file has a new name.
    let mut options = IndexOptions::default();
    options.weights[0] *= 2.0;
    let other = SearchIndex::build_with_options(catalogue, options).browser_export();
    let other_manifest = browser_files::check_export(&other, catalogue.len());
    assert_ne!(manifest["generation"], other_manifest["generation"]);
    for file in &other.files {
        if let Some(same) = export.files.iter().find(|f| f.name == file.name) {
            assert_eq!(same.bytes, file.bytes, "{} names two contents", file.name);
        }
    }
    // Every word of a method's name is in the vocabulary map, with its index terms.
    let words: serde_json::Map<String, serde_json::Value> = export
        .files
        .iter()
        // The shards, not the pages that list them (`words-pages-*`).
        .filter(|f| f.name.starts_with("words-") && !f.name.starts_with("words-pages-"))
        .flat_map(|f| {
            serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&f.bytes).unwrap()
        })
        .collect();
    let mut analyzer = index().analyzer().clone();
    for method in catalogue.methods() {
        for word in analyzer.words(&method.name) {
            let entry = &words[&word.text];
            let terms = analyzer.terms(&word.text);
            match entry {
                serde_json::Value::Array(a) => {
                    assert!(
                        a[0].as_u64().unwrap() > 0,
                        "{}: a catalogue word",
                        word.text
                    );
                    let listed: Vec<&str> = a[1..].iter().filter_map(|t| t.as_str()).collect();
                    if listed.is_empty() {
                        // Only the word's thesaurus entries: its own only term.
                        assert_eq!(&terms[..], std::slice::from_ref(&word.text));
                    } else {
                        assert_eq!(listed, terms.iter().map(String::as_str).collect::<Vec<_>>());
                    }
                }
                _ => assert_eq!(&terms[..], std::slice::from_ref(&word.text)),
            }
        }
    }
    // Every thesaurus entry is listed under its first word, with its group: "eenzaam" starts
    // an entry of the group of "eenzaamheid"; "geen dak boven het hoofd" is listed under
    // "dak" with its other words ("geen" is a stop word).
    let entries_of = |word: &str| -> Vec<serde_json::Value> {
        match &words[word] {
            serde_json::Value::Array(a) => {
                a.last().unwrap().as_array().cloned().unwrap_or_default()
            }
            _ => Vec::new(),
        }
    };
    let eenzaam = entries_of("eenzaam");
    assert!(eenzaam.iter().any(serde_json::Value::is_u64), "{eenzaam:?}");
    let dak = entries_of("dak");
    assert!(
        dak.iter()
            .any(|e| e.as_array().is_some_and(|e| e[1..] == ["boven", "hoofd"])),
        "{dak:?}"
    );
}

#[test]
fn at_least_a_level_keeps_that_level_and_every_stronger_one() {
    let today = catalogue().today();
    for level in [
        "goed-beschreven",
        "goed-onderbouwd",
        "effectief-eerste-aanwijzingen",
    ] {
        let minimum = methodewijzer::recognition_rank(level);
        let request = SearchRequest::new("").at_least(level).limit(100);
        assert!(index().check_filters(&request).is_ok());
        let results = index().search(&request);
        let expected: BTreeSet<&str> = catalogue()
            .iter()
            .filter(|m| methodewijzer::recognition_rank(m.recognition_level(today)) >= minimum)
            .map(|m| m.slug.as_str())
            .collect();
        let found: BTreeSet<&str> = results.hits.iter().map(|h| h.slug.as_str()).collect();
        assert_eq!(found, expected, "at least {level}");
        assert!(!found.is_empty());
        // Every facet counts within the minimum.
        for counts in &results.facets {
            assert!(counts.values.iter().all(|v| v.count <= results.total));
        }
        let levels = &results.facets[Facet::RecognitionLevel.position()];
        for value in &levels.values {
            let weaker = methodewijzer::recognition_rank(&value.id) < minimum;
            assert!(
                !weaker || value.count == 0,
                "{} counted at least {level}",
                value.id
            );
        }
    }
    // A stronger minimum never finds more.
    let weak = index().search(&SearchRequest::new("gezin").at_least("goed-beschreven"));
    let strong = index().search(&SearchRequest::new("gezin").at_least("goed-onderbouwd"));
    assert!(strong.total <= weak.total);
    // A label or an unranked state is refused, with the id to use.
    let label = index().check_filters(&SearchRequest::new("").at_least("Goed onderbouwd"));
    assert_eq!(
        label.unwrap_err().suggestion.as_deref(),
        Some("goed-onderbouwd")
    );
    assert!(
        index()
            .check_filters(&SearchRequest::new("").at_least("niet-beoordeeld"))
            .is_err()
    );
}

#[test]
fn every_order_sorts_by_its_key_and_then_by_name() {
    let today = catalogue().today();
    let method = |slug: &str| catalogue().get(slug).unwrap();
    let name = |slug: &str| methodewijzer::slugify(&method(slug).name);
    for query in ["", "gezin", "eenzaamheid ouderen"] {
        let all = |sort| index().search(&SearchRequest::new(query).sort_by(sort).limit(100));
        let relevance = all(Sort::Relevance);
        for sort in Sort::ALL {
            let results = all(sort);
            // The same methods, in another order.
            assert_eq!(results.total, relevance.total);
            let mut a: Vec<&str> = results.hits.iter().map(|h| h.slug.as_str()).collect();
            let mut b: Vec<&str> = relevance.hits.iter().map(|h| h.slug.as_str()).collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b);
            for pair in results.hits.windows(2) {
                let (x, y) = (pair[0].slug.as_str(), pair[1].slug.as_str());
                let rank =
                    |s: &str| methodewijzer::recognition_rank(method(s).recognition_level(today));
                let ok = match sort {
                    Sort::Relevance => pair[0].score >= pair[1].score,
                    Sort::Recognition => {
                        rank(x) > rank(y) || (rank(x) == rank(y) && pair[0].score >= pair[1].score)
                    }
                    Sort::Name => name(x) <= name(y),
                    Sort::Reviewed => {
                        let (dx, dy) = (method(x).last_reviewed, method(y).last_reviewed);
                        dx > dy || (dx == dy && name(x) <= name(y))
                    }
                };
                assert!(ok, "{sort:?} on {query:?}: {x} before {y}");
            }
        }
    }
    for sort in Sort::ALL {
        assert_eq!(Sort::from_key(sort.key()), Some(sort));
    }
}

/// A catalogue of the given `(slug, name, summary, aim)` methods and thesaurus groups, in a
/// temporary folder (kept alive by the returned guard).
fn small_catalogue(
    methods: &[(&str, &str, &str, &str)],
    synonyms: &str,
) -> (tempfile::TempDir, Catalogue) {
    let files: Vec<(String, String)> = methods
        .iter()
        .map(|(slug, name, summary, aim)| {
            (
                format!("{slug}.toml"),
                format!(
                    "name = \"{name}\"\nsummary = \"{summary}\"\nthemes = [\"basisvaardigheden\"]\n\
                     target_groups = [\"ouderen\"]\naim = \"{aim}\"\napproach = \"Aanpak.\"\n\
                     last_reviewed = 2025-01-01\n"
                ),
            )
        })
        .collect();
    let dir = support::catalogue_dir(Some(synonyms), &files);
    let catalogue = Catalogue::load(dir.path()).unwrap();
    (dir, catalogue)
}

fn order(index: &SearchIndex, query: &str) -> Vec<String> {
    let request = SearchRequest::new(query).limit(100).with_weaker();
    index
        .search(&request)
        .hits
        .into_iter()
        .map(|h| h.slug)
        .collect()
}

#[test]
fn a_situation_in_everyday_words_finds_the_method_that_lists_it() {
    // Neither method's text says "deurwaarder" or "weduwe"; one lists a recognisable situation
    // that does, in the words a professional types.
    let method = |name: &str, situations: &str| {
        format!(
            "name = \"{name}\"\nsummary = \"Steun bij geldzaken.\"\nthemes = [\"basisvaardigheden\"]\n\
             target_groups = [\"ouderen\"]\naim = \"Grip op geld.\"\napproach = \"Aanpak.\"\n\
             situations = [{situations}]\nlast_reviewed = 2025-01-01\n"
        )
    };
    let files = [
        ("geldmaatje.toml".to_string(), method("Geldmaatje", "")),
        (
            "thuisloket.toml".to_string(),
            method(
                "Thuisloket",
                "\"Een weduwe van 79 krijgt brieven van de deurwaarder en durft ze niet te openen.\"",
            ),
        ),
    ];
    let dir = support::catalogue_dir(None, &files);
    let index = SearchIndex::build(&Catalogue::load(dir.path()).unwrap());
    assert_eq!(order(&index, "weduwe deurwaarder"), ["thuisloket"]);
}

#[test]
fn a_method_that_covers_more_of_the_situation_comes_first() {
    // "geldloket" is all about debts, "belcirkel" about loneliness; "buurtkamer" mentions
    // debts and loneliness once each.
    // A professional who types both means a method for both.
    let (_dir, catalogue) = small_catalogue(
        &[
            (
                "geldloket",
                "Geldloket",
                "Schulden regelen en voorkomen.",
                "Een schuldhulpverlener maakt een plan tegen de schulden.",
            ),
            (
                "buurtkamer",
                "Buurtkamer",
                "Een plek in de wijk voor bewoners.",
                "Bewoners met schulden of eenzaamheid drinken koffie met vrijwilligers.",
            ),
            (
                "taalpunt",
                "Taalpunt",
                "Lezen en schrijven.",
                "Les in de bibliotheek.",
            ),
            (
                "belcirkel",
                "Belcirkel",
                "Tegen eenzaamheid.",
                "Eenzaamheid verminderen.",
            ),
            (
                "koffieochtend",
                "Koffieochtend",
                "Ontmoeting.",
                "Minder eenzaamheid.",
            ),
        ],
        "",
    );
    let query = "schulden en eenzaamheid";
    let covered = SearchIndex::build(&catalogue);
    assert_eq!(order(&covered, query)[0], "buurtkamer");
    // Summed without the share of the query covered, a method for one of the two would win:
    // the share is what puts the method for both first.
    let summed = SearchIndex::build_with_options(
        &catalogue,
        IndexOptions {
            coordination: 0.0,
            ..IndexOptions::default()
        },
    );
    assert_ne!(order(&summed, query)[0], "buurtkamer");
}

#[test]
fn a_large_thesaurus_group_does_not_outweigh_the_typed_words() {
    // "opa" brings in a large group; one typed word with many synonyms is still one word.
    let (_dir, catalogue) = small_catalogue(
        &[
            (
                "familiedag",
                "Familiedag",
                "Grootouders, kleinkinderen, grootmoeder en grootvader samen.",
                "Een dag voor grootouders en kleinkinderen, grootmoeders en grootvaders.",
            ),
            (
                "geheugenpunt",
                "Geheugenpunt",
                "Voor wie steeds meer vergeet, en voor grootouders.",
                "Een inloop voor mensen die vergeten, met hun naasten.",
            ),
        ],
        "[[groups]]\nwords = [\"opa\", \"grootouders\", \"kleinkinderen\", \"grootmoeder\", \"grootvader\"]\n",
    );
    let query = "opa vergeet";
    let concepts = SearchIndex::build(&catalogue);
    assert_eq!(order(&concepts, query)[0], "geheugenpunt");
    // Without the share of the query covered, the tie alone still narrows the family day's
    // lead: its thesaurus words no longer add in full.
    let ratio = |tie: f32| {
        let index = SearchIndex::build_with_options(
            &catalogue,
            IndexOptions {
                coordination: 0.0,
                expansion_tie: tie,
                ..IndexOptions::default()
            },
        );
        let hits = index
            .search(&SearchRequest::new(query).limit(10).with_weaker())
            .hits;
        let score = |slug: &str| hits.iter().find(|h| h.slug == slug).unwrap().score;
        score("familiedag") / score("geheugenpunt")
    };
    assert!(ratio(IndexOptions::default().expansion_tie) < ratio(1.0));
    // Every thesaurus word adding in full, the family day would win on "opa" alone.
    let summed = SearchIndex::build_with_options(
        &catalogue,
        IndexOptions {
            expansion_tie: 1.0,
            coordination: 0.0,
            ..IndexOptions::default()
        },
    );
    assert_eq!(order(&summed, query)[0], "familiedag");
}

#[test]
fn a_thesaurus_word_is_searched_whole_not_through_its_parts() {
    // "kleinkinderen" stands in the group of "opa" for grandchildren; no method says it, but
    // one says "klein" and "kinderen". A typed word may be found through its parts; a word
    // the thesaurus adds may not, or "opa" would find every method for children.
    let (_dir, catalogue) = small_catalogue(
        &[
            (
                "kinderclub",
                "Kinderclub",
                "Een club voor kinderen, klein en groot.",
                "Kinderen spelen samen.",
            ),
            (
                "grootouderhuis",
                "Grootouderhuis",
                "Een huis voor grootouders.",
                "Grootouders ontmoeten elkaar.",
            ),
        ],
        "[[groups]]\nwords = [\"opa\", \"grootouders\", \"kleinkinderen\"]\n",
    );
    let index = SearchIndex::build(&catalogue);
    assert_eq!(order(&index, "opa "), ["grootouderhuis"]);
    // Typed, the compound still finds what its parts find.
    assert!(order(&index, "kleinkinderen ").contains(&"kinderclub".to_string()));
}

#[test]
fn a_completion_is_searched_whole_not_through_its_parts() {
    // Typing "mantel" completes to "mantelzorgmakelaar", among others; the professional means
    // a word that starts so, not the "makelaar" that word ends in. A typed word may be found
    // through its parts; a word the search completes it to may not.
    let (_dir, catalogue) = small_catalogue(
        &[
            (
                "makelaarshuis",
                "Makelaarshuis",
                "Een makelaar helpt bij het vinden van een huis.",
                "De makelaar zoekt een huis.",
            ),
            (
                "mantelzorgpunt",
                "Mantelzorgpunt",
                "De mantelzorgmakelaar regelt zaken voor wie mantelzorg geeft.",
                "Mantelzorg wordt lichter.",
            ),
        ],
        "",
    );
    let index = SearchIndex::build(&catalogue);
    assert_eq!(order(&index, "mantel"), ["mantelzorgpunt"]);
    // Typed in full, the compound still finds what its parts find.
    assert!(order(&index, "mantelzorgmakelaar ").contains(&"makelaarshuis".to_string()));
}

#[test]
fn an_age_in_a_situation_is_read_as_its_stage_of_life() {
    // "man van 80" means an older man: a method for senioren (found through the thesaurus's
    // "ouderen") who are alone comes before the one for jongeren who are alone, and the
    // reading says so.
    let (_dir, catalogue) = small_catalogue(
        &[
            (
                "jongerenpunt",
                "Jongerenpunt",
                "Een plek voor jongeren die alleen zijn.",
                "Jongeren die alleen zijn ontmoeten elkaar.",
            ),
            (
                "seniorenpunt",
                "Seniorenpunt",
                "Een plek voor senioren die alleen zijn.",
                "Senioren die alleen zijn ontmoeten elkaar.",
            ),
            (
                "ouderenpunt",
                "Ouderenpunt",
                "Een plek voor ouderen.",
                "Ouderen ontmoeten elkaar.",
            ),
            (
                "hulplijn",
                "Hulplijn",
                "Bellen bij gedachten aan zelfdoding.",
                "Praten over zelfdoding.",
            ),
        ],
        "[[groups]]\nwords = [\"ouderen\", \"senioren\"]\n\n[[groups]]\nwords = [\"113\", \"zelfdoding\"]\n",
    );
    let index = SearchIndex::build(&catalogue);
    let found = order(&index, "man van 80 alleen");
    assert_eq!(found[0], "seniorenpunt", "{found:?}");
    let read = index
        .search(&SearchRequest::new("man van 80 alleen"))
        .interpretation;
    assert_eq!(read.expanded, ["ouderen", "senioren"]);
    assert!(!read.unknown.contains(&"80".to_string()), "{read:?}");
    // Fifteen is young: the method for jongeren first.
    assert_eq!(order(&index, "meisje van 15 alleen")[0], "jongerenpunt");
    // A number is still itself: the thesaurus entry "113" finds the helpline.
    assert_eq!(order(&index, "113")[0], "hulplijn");
    // A number beyond any age is just a number that the catalogue lacks.
    let read = index
        .search(&SearchRequest::new("alleen 800"))
        .interpretation;
    assert_eq!(read.unknown, ["800"]);
    assert!(read.expanded.is_empty(), "{read:?}");
}

#[test]
fn a_thesaurus_word_no_method_uses_is_not_a_typo() {
    // "overleden" is one letter from "overheden". No method says "overleden", but the
    // thesaurus knows it: it is searched through its group, not corrected into a word about
    // government, and the reading claims no typo.
    let (_dir, catalogue) = small_catalogue(
        &[
            (
                "rouwgroep",
                "Rouwgroep",
                "Een groep voor wie rouwt na een sterfgeval.",
                "Praten over verlies en verdriet.",
            ),
            (
                "inspraak",
                "Inspraak",
                "Bewoners praten mee met overheden.",
                "Overheden luisteren naar bewoners.",
            ),
        ],
        "[[groups]]\nwords = [\"overleden\", \"sterfgeval\"]\n",
    );
    let index = SearchIndex::build(&catalogue);
    let read = index
        .search(&SearchRequest::new("vrouw is overleden"))
        .interpretation;
    assert!(read.corrected.is_empty(), "{read:?}");
    assert_eq!(read.expanded, ["sterfgeval"]);
    assert_eq!(order(&index, "vrouw is overleden"), ["rouwgroep"]);
    // A word the thesaurus does not know is still corrected.
    let read = index
        .search(&SearchRequest::new("overhedem"))
        .interpretation;
    assert_eq!(read.corrected.len(), 1, "{read:?}");
    assert_eq!(read.corrected[0].searched, ["overheden"]);
}

#[test]
fn the_reading_names_each_concept_before_a_second_form_of_any() {
    // The site shows the first few words searched beside those typed: a query touching two
    // thesaurus groups names the first entry of each before the second of either.
    let (_dir, catalogue) = small_catalogue(
        &[
            (
                "drankhulp",
                "Drankhulp",
                "Hulp bij alcohol, alcoholgebruik en alcoholmisbruik.",
                "Over alcohol.",
            ),
            (
                "veilig-thuis",
                "Veilig thuis",
                "Stoppen met mishandeling en geweld in het gezin.",
                "Mishandeling stoppen.",
            ),
        ],
        "[[groups]]\nwords = [\"drinkt\", \"alcohol\", \"alcoholgebruik\", \"alcoholmisbruik\"]\n\n\
         [[groups]]\nwords = [\"slaat\", \"mishandeling\", \"geweld\"]\n",
    );
    let index = SearchIndex::build(&catalogue);
    let read = index
        .search(&SearchRequest::new("vader drinkt en slaat"))
        .interpretation;
    assert_eq!(
        read.expanded,
        [
            "alcohol",
            "mishandeling",
            "alcoholgebruik",
            "geweld",
            "alcoholmisbruik"
        ],
        "{read:?}"
    );
}
