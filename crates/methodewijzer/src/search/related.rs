//! Related methods by content: which other methods are about the same thing.
//!
//! Every method gets a signature: its most distinctive terms, weighted by tf·idf over what says
//! what a method is about — name, summary, labels and the core texts (aim, problem,
//! indications, effective elements, recognisable situations), each counted with its search weight. Two methods are as
//! related as their signatures are alike (cosine similarity).
//!
//! Comparing signatures, instead of running each signature as a query against the index, is
//! what keeps a large build fast: a term links only methods for which it is distinctive, so a
//! method meets a few hundred others rather than every method that mentions a common word.
//! In a very large catalogue one term can still be in thousands of signatures; its list then
//! keeps the [`LINKS_PER_TERM`] methods it weighs most in (impact-ordered truncation, as
//! search engines do), which bounds the work per method. Candidates found that way are scored
//! again with their whole signatures, so a reported similarity is always the true cosine.
//! A catalogue where no term is in more than [`LINKS_PER_TERM`] signatures — any real one
//! today — is compared exactly.
//!
//! A term found in one method only cannot link it to another, so it is left out. Ties are
//! broken by the term itself and by name, so the same catalogue always gives the same lists.

use rayon::prelude::*;

use super::index::FIELD_WEIGHTS;

type FxHashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;

/// Terms in a signature.
const SIGNATURE_TERMS: usize = 25;
/// Terms shorter than this say little about a method.
const MIN_TERM_CHARS: usize = 3;
/// The most methods one term links: those it weighs most in.
pub const LINKS_PER_TERM: usize = 256;
/// Candidates scored again with whole signatures, per method asked for.
const RESCORED_PER_RESULT: usize = 4;

/// The signatures of a catalogue's methods, with an inverted list per term.
pub(super) struct Signatures {
    /// Per method: (term number, weight), by term number. A signature's weights are divided
    /// by its length, so that the dot product of two signatures is their cosine.
    by_method: Vec<Vec<(u32, f32)>>,
    /// Per term number: (method ordinal, weight); a list that was longer than
    /// [`LINKS_PER_TERM`] keeps that many, the heaviest.
    by_term: Vec<Vec<(u32, f32)>>,
    /// Whether any term's list was cut to [`LINKS_PER_TERM`].
    truncated: bool,
}

impl Signatures {
    /// Signatures of every method, from each method's index terms per field (in
    /// [`FIELD_WEIGHTS`] order, joined by spaces; the body is not used).
    pub(super) fn build(terms: &[Vec<String>]) -> Signatures {
        // Weighted term frequencies per method, on all cores.
        let frequencies: Vec<FxHashMap<&str, f32>> = terms
            .par_iter()
            .map(|fields| {
                let mut tf: FxHashMap<&str, f32> = FxHashMap::default();
                for (text, (_, weight)) in fields.iter().zip(FIELD_WEIGHTS).take(4) {
                    for term in text.split(' ') {
                        if term.chars().count() >= MIN_TERM_CHARS {
                            *tf.entry(term).or_default() += weight;
                        }
                    }
                }
                tf
            })
            .collect();

        let mut document_frequency: FxHashMap<&str, u32> = FxHashMap::default();
        for tf in &frequencies {
            for &term in tf.keys() {
                *document_frequency.entry(term).or_default() += 1;
            }
        }
        let total = frequencies.len().max(1) as f32;
        let signatures: Vec<Vec<(&str, f32)>> = frequencies
            .par_iter()
            .map(|tf| {
                let mut weighted: Vec<(&str, f32)> = tf
                    .iter()
                    .filter_map(|(&term, tf)| {
                        let df = document_frequency[term];
                        (df >= 2).then(|| (term, tf * ((total / df as f32).ln() + 1.0)))
                    })
                    .collect();
                weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
                weighted.truncate(SIGNATURE_TERMS);
                weighted
            })
            .collect();

        let mut numbers: FxHashMap<&str, u32> = FxHashMap::default();
        let mut by_term: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut by_method = Vec::with_capacity(signatures.len());
        for (ord, signature) in signatures.iter().enumerate() {
            // Weights are divided by the signature's length, so that a dot product of two
            // signatures is their cosine.
            let norm = signature.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            let mut numbered = Vec::with_capacity(signature.len());
            for &(term, weight) in signature {
                let number = *numbers.entry(term).or_insert_with(|| {
                    by_term.push(Vec::new());
                    (by_term.len() - 1) as u32
                });
                numbered.push((number, weight / norm));
            }
            for &(number, weight) in &numbered {
                by_term[number as usize].push((ord as u32, weight));
            }
            numbered.sort_unstable_by_key(|&(number, _)| number);
            by_method.push(numbered);
        }
        let truncated = by_term.iter().any(|methods| methods.len() > LINKS_PER_TERM);
        by_term.par_iter_mut().for_each(|methods| {
            if methods.len() > LINKS_PER_TERM {
                methods.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                methods.truncate(LINKS_PER_TERM);
            }
        });
        Signatures {
            by_method,
            by_term,
            truncated,
        }
    }

    /// The methods whose signatures are most like method `ord`'s, as (ordinal, similarity),
    /// most similar first; `rank` breaks ties (a method's position in name order).
    pub(super) fn most_similar(&self, ord: u32, limit: usize, rank: &[u32]) -> Vec<(u32, f32)> {
        // Dot products in a dense array per thread: a common term touches thousands of
        // methods, and a hash map per method would be most of the cost of a large build.
        thread_local! {
            static DOT: std::cell::RefCell<(Vec<f32>, Vec<u32>)> = Default::default();
        }
        let mut found: Vec<(u32, f32)> = DOT.with_borrow_mut(|(dot, touched)| {
            let methods = self.by_method.len();
            dot.resize(methods, 0.0);
            // Room for every method once, and one more for the write below that may not count.
            touched.resize(methods + 1, 0);
            let mut count = 0;
            for &(term, weight) in &self.by_method[ord as usize] {
                for &(other, other_weight) in &self.by_term[term as usize] {
                    let slot = &mut dot[other as usize];
                    // Without a branch: whether a method was met before is as good as random,
                    // and a mispredicted branch here was most of a large build's comparing.
                    touched[count] = other;
                    count += usize::from(*slot == 0.0);
                    *slot += weight * other_weight;
                }
            }
            // Weights are positive, so a touched slot is never zero; all are reset for the
            // next call.
            let mut found = Vec::with_capacity(count);
            for &other in &touched[..count] {
                let dot = std::mem::take(&mut dot[other as usize]);
                if other != ord {
                    found.push((other, dot));
                }
            }
            found
        });
        let order = |a: &(u32, f32), b: &(u32, f32)| {
            b.1.total_cmp(&a.1)
                .then_with(|| rank[a.0 as usize].cmp(&rank[b.0 as usize]))
        };
        // Only truncated lists leave a dot product short; then the best candidates are scored
        // again in full, a few per result asked for.
        // The best `n` in any order (0: all of them).
        let keep_best = |found: &mut Vec<(u32, f32)>, n: usize| {
            if found.len() > n && n > 0 {
                found.select_nth_unstable_by(n - 1, order);
                found.truncate(n);
            }
        };
        if self.truncated {
            keep_best(&mut found, limit.saturating_mul(RESCORED_PER_RESULT));
            for (other, similarity) in &mut found {
                *similarity = self.dot(ord, *other);
            }
        }
        keep_best(&mut found, limit);
        found.sort_unstable_by(order);
        found
    }

    /// The dot product of two methods' whole signatures.
    fn dot(&self, a: u32, b: u32) -> f32 {
        let (mut a, mut b) = (
            self.by_method[a as usize].iter().peekable(),
            self.by_method[b as usize].iter().peekable(),
        );
        let mut sum = 0.0;
        while let (Some(&&(x, wx)), Some(&&(y, wy))) = (a.peek(), b.peek()) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => _ = a.next(),
                std::cmp::Ordering::Greater => _ = b.next(),
                std::cmp::Ordering::Equal => {
                    sum += wx * wy;
                    a.next();
                    b.next();
                }
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A term, distinct per `n`.
    fn word(n: usize) -> String {
        let mut n = n;
        let mut w = String::from("kw");
        loop {
            w.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
            if n == 0 {
                return w + "tje";
            }
        }
    }

    #[test]
    fn a_crowded_term_still_finds_each_method_its_twin_and_scores_it_in_full() {
        // Every method shares three common words (far more than LINKS_PER_TERM methods have
        // them, so their lists are cut) and two words with its twin only.
        let methods = 3 * LINKS_PER_TERM;
        let terms: Vec<Vec<String>> = (0..methods)
            .map(|i| {
                let pair = i / 2;
                vec![
                    format!("methode {}", word(10_000 + i)),
                    format!("opvoed gezin ondersteun {}", word(pair)),
                    String::new(),
                    format!("{} {}", word(5_000 + pair), word(20_000 + i % 7)),
                    String::new(),
                ]
            })
            .collect();
        let signatures = Signatures::build(&terms);
        assert!(
            signatures.truncated,
            "the common words must overflow their lists"
        );
        let rank: Vec<u32> = (0..methods as u32).collect();
        for ord in 0..methods as u32 {
            let similar = signatures.most_similar(ord, 3, &rank);
            assert_eq!(similar[0].0, ord ^ 1, "method {ord}: {similar:?}");
            assert!(similar.iter().all(|&(other, _)| other != ord));
            for &(other, similarity) in &similar {
                let exact = signatures.dot(ord, other);
                assert!(
                    (similarity - exact).abs() < 1e-6,
                    "{similarity} against {exact}"
                );
            }
        }
    }
}
