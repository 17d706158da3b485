//! Measuring search quality against graded judgments (`tests/relevance/queries.toml`).
//!
//! Each judged query lists the methods a professional would want, graded 3 (exactly this),
//! 2 (useful), 1 (related); unlisted methods count 0. A ranking is scored with nDCG@10
//! (gain 2^grade − 1, log2 discount) and reciprocal rank (of the first method graded 2 or
//! more). The same evaluation serves the regression test, the comparison of analysis choices
//! and the comparison with other search engines, so their figures are comparable.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// One judged query.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgedQuery {
    /// The query as typed.
    pub text: String,
    /// What it tests: problem, name, typo, synonym, compound, phrase, prefix.
    pub kind: String,
    /// Why the judgments are what they are.
    #[serde(default)]
    pub note: Option<String>,
    /// Grade (1–3) per slug.
    pub judgments: BTreeMap<String, u8>,
}

/// A file of judged queries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgments {
    /// The queries.
    #[serde(rename = "query")]
    pub queries: Vec<JudgedQuery>,
}

impl Judgments {
    /// Reads a judgments file.
    pub fn load(path: impl AsRef<Path>) -> Result<Judgments, String> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// nDCG at `k` of `ranking` (slugs, best first) against `judgments`.
pub fn ndcg_at(k: usize, ranking: &[String], judgments: &BTreeMap<String, u8>) -> f64 {
    let gain = |grade: u8| 2f64.powi(i32::from(grade)) - 1.0;
    let discount = |i: usize| 1.0 / ((i + 2) as f64).log2();
    let dcg: f64 = ranking
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, slug)| gain(judgments.get(slug).copied().unwrap_or(0)) * discount(i))
        .sum();
    let mut ideal: Vec<u8> = judgments.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .into_iter()
        .take(k)
        .enumerate()
        .map(|(i, g)| gain(g) * discount(i))
        .sum();
    if idcg == 0.0 { 0.0 } else { dcg / idcg }
}

/// 1 / rank of the first method graded 2 or more; 0 when none is in `ranking`.
pub fn reciprocal_rank(ranking: &[String], judgments: &BTreeMap<String, u8>) -> f64 {
    ranking
        .iter()
        .position(|slug| judgments.get(slug).copied().unwrap_or(0) >= 2)
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

/// The score of one query.
#[derive(Debug, Clone)]
pub struct QueryScore {
    /// The query.
    pub text: String,
    /// Its kind.
    pub kind: String,
    /// nDCG@10.
    pub ndcg: f64,
    /// Reciprocal rank.
    pub reciprocal_rank: f64,
    /// The top of the ranking that was judged.
    pub top: Vec<String>,
    /// Of the methods the search returned (all of them: what it counts), the share judged
    /// relevant (grade 1 or more).
    pub precision: f64,
    /// Of the methods judged relevant, the share the search returned.
    pub recall: f64,
}

/// Scores of all queries, with their means.
#[derive(Debug, Clone)]
pub struct Report {
    /// Per query, in file order.
    pub queries: Vec<QueryScore>,
}

impl Report {
    /// Mean nDCG@10.
    pub fn ndcg(&self) -> f64 {
        mean(self.queries.iter().map(|q| q.ndcg))
    }

    /// Mean reciprocal rank.
    pub fn mrr(&self) -> f64 {
        mean(self.queries.iter().map(|q| q.reciprocal_rank))
    }

    /// Mean precision of the returned sets (meaningful when `search` returns every match).
    pub fn precision(&self) -> f64 {
        mean(self.queries.iter().map(|q| q.precision))
    }

    /// Mean recall of the returned sets.
    pub fn recall(&self) -> f64 {
        mean(self.queries.iter().map(|q| q.recall))
    }

    /// Mean F1 of the returned sets, per query.
    pub fn f1(&self) -> f64 {
        mean(self.queries.iter().map(|q| {
            if q.precision + q.recall == 0.0 {
                0.0
            } else {
                2.0 * q.precision * q.recall / (q.precision + q.recall)
            }
        }))
    }

    /// Mean nDCG@10 and MRR per kind of query.
    pub fn by_kind(&self) -> BTreeMap<String, (f64, f64, usize)> {
        let mut kinds: BTreeMap<String, Vec<&QueryScore>> = BTreeMap::new();
        for q in &self.queries {
            kinds.entry(q.kind.clone()).or_default().push(q);
        }
        kinds
            .into_iter()
            .map(|(kind, qs)| {
                let n = qs.len();
                let ndcg = mean(qs.iter().map(|q| q.ndcg));
                let mrr = mean(qs.iter().map(|q| q.reciprocal_rank));
                (kind, (ndcg, mrr, n))
            })
            .collect()
    }

    /// A plain-text table: one line per query, then per kind and overall.
    pub fn table(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<44} {:<9} {:>7} {:>6}  top 3",
            "query", "kind", "nDCG@10", "RR"
        );
        for q in &self.queries {
            let _ = writeln!(
                out,
                "{:<44} {:<9} {:>7.3} {:>6.3}  {}",
                q.text.chars().take(44).collect::<String>(),
                q.kind,
                q.ndcg,
                q.reciprocal_rank,
                q.top.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
            );
        }
        let _ = writeln!(out);
        for (kind, (ndcg, mrr, n)) in self.by_kind() {
            let _ = writeln!(out, "{kind:<12} n={n:<3} nDCG@10 {ndcg:.3}  MRR {mrr:.3}");
        }
        let _ = writeln!(
            out,
            "{:<12} n={:<3} nDCG@10 {:.3}  MRR {:.3}",
            "overall",
            self.queries.len(),
            self.ndcg(),
            self.mrr()
        );
        let _ = writeln!(
            out,
            "{:<12} precision {:.3}  recall {:.3}  F1 {:.3}  (of the returned sets)",
            "sets",
            self.precision(),
            self.recall(),
            self.f1()
        );
        out
    }
}

/// Evaluates `search` (query text → slugs, best first) on every judged query. For the set
/// figures (precision, recall) `search` returns every method it matches, not only a page.
pub fn evaluate(judgments: &Judgments, mut search: impl FnMut(&str) -> Vec<String>) -> Report {
    let queries = judgments
        .queries
        .iter()
        .map(|q| {
            let ranking = search(&q.text);
            let relevant = q.judgments.values().filter(|&&g| g > 0).count();
            let found = ranking
                .iter()
                .filter(|s| q.judgments.get(*s).is_some_and(|&g| g > 0))
                .count();
            let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
            QueryScore {
                text: q.text.clone(),
                kind: q.kind.clone(),
                ndcg: ndcg_at(10, &ranking, &q.judgments),
                reciprocal_rank: reciprocal_rank(&ranking, &q.judgments),
                precision: share(found, ranking.len()),
                recall: share(found, relevant),
                top: ranking.into_iter().take(10).collect(),
            }
        })
        .collect();
    Report { queries }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(pairs: &[(&str, u8)]) -> BTreeMap<String, u8> {
        pairs.iter().map(|(s, g)| (s.to_string(), *g)).collect()
    }

    fn ranking(slugs: &[&str]) -> Vec<String> {
        slugs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn perfect_and_reversed_rankings() {
        let j = judged(&[("a", 3), ("b", 1)]);
        assert!((ndcg_at(10, &ranking(&["a", "b", "c"]), &j) - 1.0).abs() < 1e-12);
        let reversed = ndcg_at(10, &ranking(&["b", "a"]), &j);
        // dcg = 1/log2(2) + 7/log2(3); idcg = 7 + 1/log2(3)
        let expected = (1.0 + 7.0 / 3f64.log2()) / (7.0 + 1.0 / 3f64.log2());
        assert!((reversed - expected).abs() < 1e-12);
        assert_eq!(ndcg_at(10, &ranking(&["c"]), &j), 0.0);
    }

    #[test]
    fn reciprocal_rank_counts_grades_of_two_and_up() {
        let j = judged(&[("a", 1), ("b", 2)]);
        assert_eq!(reciprocal_rank(&ranking(&["a", "c", "b"]), &j), 1.0 / 3.0);
        assert_eq!(reciprocal_rank(&ranking(&["a"]), &j), 0.0);
    }
}
