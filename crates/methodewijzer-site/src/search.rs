//! `methodewijzer search`: the library's search from the command line.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use methodewijzer::{Facet, SearchIndex, SearchRequest, SearchResults};
use serde_json::json;

/// What narrows and orders the hits, as given on the command line.
pub struct Filters {
    /// Per facet, the accepted values.
    pub by_facet: Vec<(Facet, Vec<String>)>,
    /// The weakest recognition level accepted.
    pub min_recognition: Option<String>,
    /// The order of the hits.
    pub sort: methodewijzer::Sort,
    /// Also list the weaker matches, after the ones that count.
    pub weaker: bool,
}

/// What to search for: one query, or one per line of a file (`-`: standard input).
pub enum Queries {
    /// One query, printed as text or pretty JSON.
    One(String),
    /// One query per line, each printed as soon as it is answered: as text under a `# query`
    /// heading, or as one JSON object per line.
    Lines(PathBuf),
}

/// Searches the catalogue in `dir` and prints the results as text or JSON. Exit code 2 for a
/// filter value its facet cannot take; 1 when the catalogue has errors or a line of the
/// queries file could not be read (the other lines still run).
pub fn run(
    dir: &Path,
    queries: Queries,
    filters: Filters,
    limit: usize,
    offset: usize,
    as_json: bool,
) -> ExitCode {
    let Some(catalogue) = methodewijzer_site::load_or_report(dir) else {
        return ExitCode::FAILURE;
    };
    let index = SearchIndex::build(&catalogue);
    let mut template = SearchRequest::new("").limit(limit).offset(offset);
    for (facet, values) in filters.by_facet {
        for value in values {
            template = template.filter(facet, value);
        }
    }
    if let Some(level) = filters.min_recognition {
        template = template.at_least(level);
    }
    template = template.sort_by(filters.sort);
    if filters.weaker {
        template = template.with_weaker();
    }
    if let Err(e) = index.check_filters(&template) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let search = |query: &str| {
        let mut request = template.clone();
        request.query = query.to_string();
        index.search(&request)
    };
    let mut stdout = std::io::stdout().lock();
    match queries {
        Queries::One(query) => {
            let results = search(&query);
            let out = if as_json {
                to_json(&query, &results) + "\n"
            } else {
                text(&query, offset, &results)
            };
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = stdout.write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Queries::Lines(path) => {
            let input: Box<dyn BufRead> = if path == Path::new("-") {
                Box::new(std::io::stdin().lock())
            } else {
                match std::fs::File::open(&path) {
                    Ok(file) => Box::new(BufReader::new(file)),
                    Err(e) => {
                        eprintln!("{}: {e}", path.display());
                        return ExitCode::from(2);
                    }
                }
            };
            let name = if path == Path::new("-") {
                "standard input".to_string()
            } else {
                path.display().to_string()
            };
            let mut failed = false;
            // Line by line, each answer written as soon as it is found: a long list of
            // queries neither waits for the end nor holds every result in memory.
            for (number, line) in input.split(b'\n').enumerate() {
                let line = match line {
                    Ok(line) => line,
                    Err(e) => {
                        eprintln!("{name}: {e}");
                        return ExitCode::FAILURE;
                    }
                };
                let Ok(query) = String::from_utf8(line) else {
                    eprintln!(
                        "{name}:{}: not valid UTF-8; this line was skipped",
                        number + 1
                    );
                    failed = true;
                    continue;
                };
                let query = query.strip_suffix('\r').unwrap_or(&query);
                let results = search(query);
                let out = if as_json {
                    to_json_value(query, &results).to_string() + "\n"
                } else {
                    format!("# {query}\n{}", text(query, offset, &results))
                };
                if stdout
                    .write_all(out.as_bytes())
                    .and_then(|()| stdout.flush())
                    .is_err()
                {
                    break; // the reader went away
                }
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// The stable JSON shape documented in the README.
pub fn to_json(query: &str, results: &SearchResults) -> String {
    serde_json::to_string_pretty(&to_json_value(query, results)).unwrap_or_default()
}

fn to_json_value(query: &str, results: &SearchResults) -> serde_json::Value {
    let facets: serde_json::Map<String, serde_json::Value> = results
        .facets
        .iter()
        .map(|f| {
            let values = f
                .values
                .iter()
                .map(|v| json!({"id": v.id, "label": v.label, "count": v.count, "selected": v.selected}))
                .collect::<Vec<_>>();
            (f.facet.key().to_string(), json!(values))
        })
        .collect();
    let hits: Vec<_> = results
        .hits
        .iter()
        .map(|h| {
            json!({
                "slug": h.slug,
                "name": h.name,
                "summary": h.summary,
                "facts": h.facts,
                "score": h.score,
                "snippet": h.snippet,
                "weaker": h.weaker,
                "related_to": h.related_to,
            })
        })
        .collect();
    json!({
        "query": query,
        "total": results.total,
        "weaker": results.weaker,
        "interpretation": results.interpretation,
        "hits": hits,
        "facets": facets,
    })
}

fn text(query: &str, offset: usize, results: &SearchResults) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let wordless = !query.trim().is_empty() && !query.chars().any(char::is_alphanumeric);
    if results.total == 0 && wordless {
        out.push_str("Geen methoden gevonden: de zoekvraag bevat geen woorden.\n");
    } else if results.total == 0 && !results.hits.iter().any(|h| h.weaker) {
        out.push_str("Geen methoden gevonden.\n");
    } else if results.hits.is_empty() {
        let _ = writeln!(
            out,
            "Geen resultaten vanaf plaats {}: er zijn er {} gevonden.",
            offset + 1,
            results.total
        );
    }
    for (i, hit) in results.hits.iter().enumerate() {
        if hit.weaker && (i == 0 || !results.hits[i - 1].weaker) {
            let _ = writeln!(out, "-- minder passend --");
        }
        let _ = writeln!(
            out,
            "{:>2}. {} ({})  score {:.2}{}",
            i + 1,
            hit.name,
            hit.slug,
            hit.score,
            hit.related_to
                .as_ref()
                .map_or(String::new(), |best| format!("  (verwant aan {best})"))
        );
        let _ = writeln!(out, "    {}", plain(&hit.snippet));
    }
    let _ = writeln!(out, "\n{} gevonden.", results.total);
    if results.weaker > 0 && !results.hits.iter().any(|h| h.weaker) {
        let (n, noun) = match results.weaker {
            1 => (1, "minder passende methode"),
            n => (n, "minder passende methoden"),
        };
        let _ = writeln!(
            out,
            "Nog {n} {noun} (met --weaker in de lijst na de andere)."
        );
    }
    for facet in &results.facets {
        let values: Vec<String> = facet
            .values
            .iter()
            .filter(|v| v.count > 0 || v.selected)
            .map(|v| {
                let mark = if v.selected { "*" } else { "" };
                format!("{mark}{} ({})", v.label, v.count)
            })
            .collect();
        if !values.is_empty() {
            let _ = writeln!(out, "{}: {}", facet.label, values.join(", "));
        }
    }
    out
}

/// The snippet for a terminal: highlights as «…», entities decoded.
fn plain(html: &str) -> String {
    let text = html.split_whitespace().collect::<Vec<_>>().join(" ");
    text.replace("<b>", "«")
        .replace("</b>", "»")
        .replace("<mark>", "«")
        .replace("</mark>", "»")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}
