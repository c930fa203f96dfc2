//! Stories: which sources report the same story, so that only their figures are
//! aligned with each other.
//!
//! A source's features are the parties it names (knowledge-base entities, places
//! included, and proper nouns the knowledge base does not know: `np:…`; a
//! capitalized word that opens a figure's sentence and that the article writes
//! nowhere else, "Kestland recorded …", counts as the name towards a source that
//! names it, and half towards one that only opens a sentence with it too) and the
//! words of its headline (`t:` stems, Chinese bigrams). Each feature weighs its
//! rarity in the run, as inverse document frequency scaled to the run's size,
//! `ln(1 + M / df) / ln(1 + M)` with `M` the run's sources plus 20 that name none
//! of its features (near 1 for a name only one source gives; a headline word
//! counts half), so a name in every article of a large run ties nothing
//! together while one in a few articles does. Two sources are one story when what
//! they share weighs at least `min_shared`. (How far apart their bylines may be
//! matters only for figures whose period is the article's year: the quantity rule
//! checks that.)
//!
//! Candidate pairs come from an inverted index over the features, never from all
//! pairs: a feature named by more than `max_feature_sources` sources links nothing
//! by itself (it is too common to make a story; its weight is low anyway), and a
//! pair is only looked at through a feature among the heaviest of both sources
//! (those without which the rest could not reach `min_shared`: the prefix filter
//! of similarity joins, exact), so the cost grows with the postings of rare
//! features, not with the square of the run or of a common feature's sources. Whether two
//! sources are linked depends only on their features and the run's frequencies,
//! so a check against a claim index links exactly as a check of the articles does
//! when given the same frequencies.

use foldhash::{HashMap, HashMapExt};

/// The story settings (`[story]` params of `quantity-conflict`; see its `Params`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    pub min_shared: f64,
    pub max_feature_sources: usize,
}

/// Sources that name none of a run's features, assumed beside every run.
const BACKGROUND: f64 = 20.0;

/// Per source, the other sources of its stories, sorted.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    links: Vec<Vec<usize>>,
    /// Per source, its features (sorted, each once).
    features: Vec<Vec<String>>,
}

impl Stories {
    /// Links the sources by the features each has (`features[i]`, any order).
    pub fn new(mut features: Vec<Vec<String>>, s: Settings) -> Stories {
        for f in &mut features {
            f.sort();
            f.dedup();
        }
        let n = features.len();
        // A sentence's capitalized first word (`lead:np:x`) is kept apart from the
        // name it may be (`np:x`): how much it ties is worked out below.
        let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut lead_only: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, fs) in features.iter().enumerate() {
            for f in fs {
                match f.strip_prefix(super::LEAD) {
                    Some(name) if fs.binary_search_by(|x| x.as_str().cmp(name)).is_err() => {
                        lead_only.entry(name).or_default().push(i);
                    }
                    Some(_) => {}
                    None => postings.entry(f.as_str()).or_default().push(i),
                }
            }
        }
        // Rarity on a scale of 0 to 1: 1 for a feature of one source, ln 2 / ln(1 + N)
        // for one of every source, whatever the size of the run.
        // A small run is mostly one story: it is weighed as if `BACKGROUND` sources
        // that name none of its features were beside it, so a name all four of
        // four articles give still ties them, while one of 5,000 in 10,000 does not.
        let n_eff = n as f64 + BACKGROUND;
        let scale = (1.0 + n_eff).ln();
        let idf = |df: usize| (1.0 + n_eff / df.max(1) as f64).ln() / scale;
        // Headline words count half: they tie a story less surely than a name.
        let weight = |f: &str| {
            let w = idf(postings.get(f).map_or(1, Vec::len));
            if f.starts_with("t:") { w / 2.0 } else { w }
        };
        // What each feature can add to a pair: a name or headline word its weight, a
        // lead its weight as a name (half that between two leads). Features too
        // common to link, or given by one source, add nothing.
        let mut keys: Vec<&str> = postings
            .iter()
            .filter(|(_, l)| (2..=s.max_feature_sources).contains(&l.len()))
            .map(|(f, _)| *f)
            .collect();
        keys.sort_unstable();
        let mut leads: Vec<&str> = lead_only
            .iter()
            .filter(|(f, l)| {
                let named = postings.get(*f).map_or(0, Vec::len);
                named + l.len() >= 2 && named + l.len() <= s.max_feature_sources
            })
            .map(|(f, _)| *f)
            .collect();
        leads.sort_unstable();
        let lead_weight = |f: &str| {
            idf(postings.get(f).map_or(0, Vec::len) + lead_only.get(f).map_or(0, Vec::len))
        };
        // Per source, its features that can link, in one order for all (names and
        // headline words by key, then leads by key) so that every pair's weight is
        // summed alike: (order, weight, is a lead of this source).
        let mut own: Vec<Vec<(usize, f64, bool)>> = vec![Vec::new(); n];
        for (k, f) in keys.iter().enumerate() {
            let w = weight(f);
            for &i in &postings[f] {
                own[i].push((k, w, false));
            }
        }
        for (k, f) in leads.iter().enumerate() {
            let w = lead_weight(f);
            let order = keys.len() + k;
            for &i in &lead_only[f] {
                own[i].push((order, w, true));
            }
            // The sources that name it meet its leads through it too.
            for &i in postings.get(f).map_or(&[][..], Vec::as_slice) {
                own[i].push((order, w, false));
            }
        }
        // Candidate pairs, never all pairs: a pair's shared weight is at most what
        // remains of either source's features from the heaviest feature they share
        // on, so that feature is one of the heaviest of both (a prefix whose rest
        // reaches `min_shared`), and only features in a source's prefix pair it up.
        // (The all-pairs similarity join's prefix filter; its answer is exact.)
        let mut prefix: Vec<Vec<usize>> = vec![Vec::new(); keys.len() + leads.len()];
        for (i, fs) in own.iter().enumerate() {
            let mut by_weight: Vec<&(usize, f64, bool)> = fs.iter().collect();
            by_weight.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            let mut rest: f64 = by_weight.iter().map(|x| x.1).sum();
            for x in by_weight {
                if rest < s.min_shared - 1e-9 {
                    break;
                }
                prefix[x.0].push(i);
                rest -= x.1;
            }
        }
        let mut candidates: foldhash::HashSet<(usize, usize)> = Default::default();
        for list in &prefix {
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        }
        // Each candidate's shared weight, summed in the features' one order.
        let mut shared: Vec<((usize, usize), f64)> = Vec::with_capacity(candidates.len());
        for (a, b) in candidates {
            let (fa, fb) = (&own[a], &own[b]);
            let (mut i, mut j, mut w) = (0, 0, 0.0);
            while i < fa.len() && j < fb.len() {
                match fa[i].0.cmp(&fb[j].0) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        // Two sources that only open sentences with a name: half.
                        let both_leads = fa[i].2 && fb[j].2;
                        let one_lead = fa[i].2 || fb[j].2;
                        if fa[i].0 < keys.len() || one_lead {
                            w += if both_leads { fa[i].1 / 2.0 } else { fa[i].1 };
                        }
                        i += 1;
                        j += 1;
                    }
                }
            }
            shared.push(((a, b), w));
        }
        let mut links = vec![Vec::new(); n];
        for ((a, b), w) in shared {
            if w < s.min_shared {
                continue;
            }
            links[a].push(b);
            links[b].push(a);
        }
        for l in &mut links {
            l.sort_unstable();
        }
        Stories { links, features }
    }

    /// The sources one story with `a` (not `a` itself), sorted.
    pub fn of(&self, a: usize) -> &[usize] {
        self.links.get(a).map_or(&[], Vec::as_slice)
    }

    /// Are `a` and `b` one story (a source is its own)?
    pub fn linked(&self, a: usize, b: usize) -> bool {
        a == b || self.of(a).binary_search(&b).is_ok()
    }

    /// Does source `a` have feature `f`?
    pub fn names(&self, a: usize, f: &str) -> bool {
        self.features
            .get(a)
            .is_some_and(|fs| fs.binary_search_by(|x| x.as_str().cmp(f)).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The links as every pair of sources makes them: each pair's shared weight over
    /// all its features, with no candidate filter.
    fn all_pairs(features: &[Vec<String>], s: Settings) -> Vec<Vec<usize>> {
        let n = features.len();
        let has = |i: usize, f: &str| features[i].iter().any(|x| x == f);
        let df = |f: &str| (0..n).filter(|&i| has(i, f)).count();
        let n_eff = n as f64 + BACKGROUND;
        let idf = |d: usize| (1.0 + n_eff / d.max(1) as f64).ln() / (1.0 + n_eff).ln();
        let lead_only =
            |i: usize, f: &str| has(i, &format!("{}{f}", super::super::LEAD)) && !has(i, f);
        let mut links = vec![Vec::new(); n];
        for a in 0..n {
            for b in a + 1..n {
                let mut w = 0.0;
                for f in &features[a] {
                    if f.starts_with(super::super::LEAD) || !has(b, f) {
                        continue;
                    }
                    let d = df(f);
                    if (2..=s.max_feature_sources).contains(&d) {
                        let x = idf(d);
                        w += if f.starts_with("t:") { x / 2.0 } else { x };
                    }
                }
                let mut names: Vec<&str> = features[a]
                    .iter()
                    .chain(&features[b])
                    .map(|f| f.strip_prefix(super::super::LEAD).unwrap_or(f))
                    .collect();
                names.sort_unstable();
                names.dedup();
                for f in names {
                    let leads = (0..n).filter(|&i| lead_only(i, f)).count();
                    let total = df(f) + leads;
                    if leads == 0 || total > s.max_feature_sources {
                        continue;
                    }
                    let x = idf(total);
                    w += match (lead_only(a, f), lead_only(b, f)) {
                        (true, true) => x / 2.0,
                        (true, false) if has(b, f) => x,
                        (false, true) if has(a, f) => x,
                        _ => 0.0,
                    };
                }
                if w >= s.min_shared {
                    links[a].push(b);
                    links[b].push(a);
                }
            }
        }
        links
    }

    /// Random runs of sources (names, headline words, leads; some features in
    /// most sources, some in few) link exactly as all pairs do.
    #[test]
    fn the_prefix_filter_links_as_all_pairs_do() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |k: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % k
        };
        for run in 0..300 {
            let n = 2 + next(40) as usize;
            let vocab = 3 + next(30);
            let features: Vec<Vec<String>> = (0..n)
                .map(|_| {
                    (0..next(8))
                        .map(|_| {
                            // Low numbers are common features, high ones rare.
                            let k = next(vocab).min(next(vocab));
                            match next(4) {
                                0 => format!("t:w{k}"),
                                1 => format!("{}np:x{k}", super::super::LEAD),
                                _ => format!("np:x{k}"),
                            }
                        })
                        .collect()
                })
                .collect();
            for s in [
                Settings {
                    min_shared: 0.5,
                    max_feature_sources: 200,
                },
                Settings {
                    min_shared: 0.3,
                    max_feature_sources: 6,
                },
                Settings {
                    min_shared: 1.2,
                    max_feature_sources: 20,
                },
            ] {
                let mut sorted = features.clone();
                for f in &mut sorted {
                    f.sort();
                    f.dedup();
                }
                let got = Stories::new(features.clone(), s);
                let want = all_pairs(&sorted, s);
                for (a, w) in want.iter().enumerate() {
                    assert_eq!(
                        got.of(a),
                        w.as_slice(),
                        "run {run}, {s:?}, source {a}: {sorted:?}"
                    );
                }
            }
        }
    }
}
