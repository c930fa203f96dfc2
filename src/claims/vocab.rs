//! The vocabulary automaton: measure words, event verbs and modality markers from
//! `rules/measures.toml` (and reference-figure terms), found in one pass per article.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::text::{boundary_after, boundary_before};
use crate::kb::Kb;

/// What a vocabulary match means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Measure,
    Event,
    Forecast,
    Former,
    Increment,
    /// A reference figure's term; the key is the figure's index.
    Figure,
}

/// A term found in a text.
#[derive(Debug, Clone)]
pub struct Term {
    pub range: Range<usize>,
    pub class: Class,
    /// Interned key (index into `Vocab::keys`).
    pub key: u32,
}

pub struct Vocab {
    ac: Option<AhoCorasick>,
    /// Per pattern: every (class, key) it stands for.
    meanings: Vec<Vec<(Class, u32)>>,
    pub keys: Vec<String>,
}

const SUFFIXES: &[&str] = &["s", "es", "ed", "d", "ing", "'s", "’s"];

impl Vocab {
    pub fn new(kb: &Kb) -> Vocab {
        let mut patterns: Vec<String> = Vec::new();
        let mut meanings: Vec<Vec<(Class, u32)>> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut add = |term: &str, class: Class, key: &str| {
            let k = match keys.iter().position(|x| x == key) {
                Some(i) => i as u32,
                None => {
                    keys.push(key.to_string());
                    (keys.len() - 1) as u32
                }
            };
            let t = term.to_ascii_lowercase();
            match patterns.iter().position(|p| *p == t) {
                Some(i) => meanings[i].push((class, k)),
                None => {
                    patterns.push(t);
                    meanings.push(vec![(class, k)]);
                }
            }
        };
        for v in &kb.vocabulary {
            let class = match v.class.as_str() {
                "event" => Class::Event,
                "forecast" => Class::Forecast,
                "former" => Class::Former,
                "increment" => Class::Increment,
                _ => Class::Measure,
            };
            add(&v.term, class, &v.key);
        }
        for (i, f) in kb.figures.iter().enumerate() {
            for t in &f.terms {
                add(t, Class::Figure, &format!("#{i}"));
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        Vocab { ac, meanings, keys }
    }

    /// Every term in `text[range]`, in order. Latin terms sit on word boundaries
    /// (an inflection suffix may follow); CJK terms anywhere.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<Term> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else { return out };
        for m in ac.find_iter(&text[range.clone()]) {
            let (s, mut e) = (range.start + m.start(), range.start + m.end());
            let latin_start = text[s..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            let latin_end = text[..e]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            if latin_start && !boundary_before(text, s) {
                continue;
            }
            if latin_end && !boundary_after(text, e) {
                match SUFFIXES
                    .iter()
                    .find(|suf| text[e..].starts_with(*suf) && boundary_after(text, e + suf.len()))
                {
                    Some(suf) => e += suf.len(),
                    None => continue,
                }
            }
            for &(class, key) in &self.meanings[m.pattern().as_usize()] {
                out.push(Term {
                    range: s..e,
                    class,
                    key,
                });
            }
        }
        out
    }
}
