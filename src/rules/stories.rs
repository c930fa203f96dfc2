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
//! by itself (it is too common to make a story; its weight is low anyway), so the
//! cost grows with the postings, not with the square of the run. Whether two
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
        // Shared weight of each candidate pair, accumulated over their rare features.
        let mut shared: HashMap<(usize, usize), f64> = HashMap::new();
        let mut keys: Vec<&&str> = postings.keys().collect();
        keys.sort();
        for f in keys {
            let list = &postings[*f];
            if list.len() < 2 || list.len() > s.max_feature_sources {
                continue;
            }
            let w = weight(f);
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    *shared.entry((a, b)).or_default() += w;
                }
            }
        }
        // A lead ties a source to one naming it as a name does; two sources that
        // only open sentences with it count half, as headline words do: "Kestland
        // released …" twice and "Kestland" in both headlines make a story, "Despite
        // …" twice alone does not.
        let mut leads: Vec<&&str> = lead_only.keys().collect();
        leads.sort();
        for f in leads {
            let named = postings.get(*f).map_or(&[][..], Vec::as_slice);
            let list = &lead_only[*f];
            if named.len() + list.len() > s.max_feature_sources {
                continue;
            }
            let w = idf(named.len() + list.len());
            for (x, &a) in list.iter().enumerate() {
                for &b in named {
                    *shared.entry((a.min(b), a.max(b))).or_default() += w;
                }
                for &b in &list[x + 1..] {
                    *shared.entry((a.min(b), a.max(b))).or_default() += w / 2.0;
                }
            }
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
