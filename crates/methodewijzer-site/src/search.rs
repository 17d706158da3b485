//! `methodewijzer search`: the library's search from the command line.

use std::path::Path;
use std::process::ExitCode;

use methodewijzer::{Catalogue, Facet, SearchRequest, SearchResults};
use serde_json::json;

/// The filters given on the command line, per facet.
pub struct Filters(pub Vec<(Facet, Vec<String>)>);

/// Reads one query per line from `path` (`-`: standard input).
pub fn read_queries(path: &Path) -> Result<Vec<String>, String> {
    let text = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("standard input: {e}"))?
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?
    };
    Ok(text.lines().map(str::to_string).collect())
}

/// Searches the catalogue in `dir` for each query and prints the results as text or JSON
/// (one query: pretty JSON; several: one JSON object per line).
pub fn run(
    dir: &Path,
    queries: &[String],
    filters: Filters,
    limit: usize,
    offset: usize,
    as_json: bool,
) -> ExitCode {
    let catalogue = match Catalogue::load(dir) {
        Ok(catalogue) => catalogue,
        Err(diagnostics) => {
            eprint!("{diagnostics}");
            eprintln!("{}: {}", dir.display(), diagnostics.summary());
            return ExitCode::FAILURE;
        }
    };
    let mut out = String::new();
    for query in queries {
        let mut request = SearchRequest::new(query).limit(limit).offset(offset);
        for (facet, values) in &filters.0 {
            for value in values {
                request = request.filter(*facet, value.clone());
            }
        }
        let results = catalogue.search(&request);
        if as_json && queries.len() > 1 {
            out += &(to_json_value(query, &results).to_string() + "\n");
        } else if as_json {
            out += &(to_json(query, &results) + "\n");
        } else {
            if queries.len() > 1 {
                out += &format!("# {query}\n");
            }
            out += &text(&results);
        }
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    ExitCode::SUCCESS
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
        .map(|h| json!({"slug": h.slug, "name": h.name, "score": h.score, "snippet": h.snippet}))
        .collect();
    json!({
        "query": query,
        "total": results.total,
        "hits": hits,
        "facets": facets,
    })
}

fn text(results: &SearchResults) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if results.hits.is_empty() {
        out.push_str("Geen methoden gevonden.\n");
    }
    for (i, hit) in results.hits.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>2}. {} ({})  score {:.2}",
            i + 1,
            hit.name,
            hit.slug,
            hit.score
        );
        let _ = writeln!(out, "    {}", plain(&hit.snippet));
    }
    let _ = writeln!(out, "\n{} gevonden.", results.total);
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
