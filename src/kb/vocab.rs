//! The vocabulary automaton: measure words, event verbs and modality markers from
//! `rules/measures.toml` (and reference-figure terms), found in one pass per article.
//! Built from the knowledge base once (`Kb::vocab`).

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Kb;
use crate::text::words::{boundary_after, boundary_before};

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
    /// Two automata, so that a reference figure's term ("rare earth production")
    /// never hides the measure words inside it, nor they it.
    layers: Vec<Layer>,
    pub keys: Vec<String>,
    /// Per reference figure, per term, the measures its words name (`m:key`,
    /// sorted): "graphite production" is graphite and production, so "graphite
    /// dug from Chinese mines" can meet the figure through its frame.
    pub figure_measures: Vec<Vec<Vec<String>>>,
    /// Reference figures by the entity id of their body.
    pub figures_of: HashMap<String, Vec<usize>>,
}

/// One automaton and, per pattern, every (class, key) the pattern stands for.
struct Layer {
    ac: Option<AhoCorasick>,
    meanings: Vec<Vec<(Class, u32)>>,
}

/// Builds a layer from (term, class, key) triples, interning keys in `keys`.
fn layer<T: AsRef<str>>(
    entries: impl Iterator<Item = (T, Class, String)>,
    keys: &mut Vec<String>,
    index: &mut HashMap<String, u32>,
) -> Layer {
    let mut patterns: Vec<String> = Vec::new();
    let mut meanings: Vec<Vec<(Class, u32)>> = Vec::new();
    let mut by_pattern: HashMap<String, usize> = HashMap::new();
    for (term, class, key) in entries {
        let k = *index.entry(key.clone()).or_insert_with(|| {
            keys.push(key);
            (keys.len() - 1) as u32
        });
        let t = term.as_ref().to_ascii_lowercase();
        match by_pattern.get(&t) {
            Some(&i) => meanings[i].push((class, k)),
            None => {
                by_pattern.insert(t.clone(), patterns.len());
                patterns.push(t);
                meanings.push(vec![(class, k)]);
            }
        }
    }
    // Built at every start: the default (contiguous NFA) builds four times faster
    // than a DFA here, which a one-article run feels more than the scan.
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok();
    Layer { ac, meanings }
}

const SUFFIXES: &[&str] = &["s", "es", "ed", "d", "ing", "'s", "’s"];

impl Vocab {
    pub fn new(kb: &Kb) -> Vocab {
        let mut keys = Vec::new();
        let mut index = HashMap::new();
        // A word listed by its base also matches its irregular forms ("grow": "grew").
        let lex = crate::text::lexicon::lexicon();
        let mut forms: HashMap<&str, Vec<&str>> = HashMap::new();
        for (form, base) in &lex.irregular {
            forms.entry(base.as_str()).or_default().push(form.as_str());
        }
        for f in forms.values_mut() {
            f.sort_unstable();
        }
        let words = kb.vocabulary.iter().flat_map(|v| {
            let class = match v.class.as_str() {
                "event" => Class::Event,
                "forecast" => Class::Forecast,
                "former" => Class::Former,
                "increment" => Class::Increment,
                _ => Class::Measure,
            };
            // The first word carries the tense: "buy back" is also "bought back".
            let term = v.term.to_ascii_lowercase();
            let (first, rest) = term.split_once(' ').unwrap_or((term.as_str(), ""));
            // A suffix is matched at a term's end only: the first word of a phrase
            // ("buy back") also takes the regular endings ("buying back", "buys
            // back"); a form no text writes ("cuting") costs nothing.
            let regular: Vec<String> = if rest.is_empty() || !first.is_ascii() {
                Vec::new()
            } else {
                let mut v: Vec<String> = ["s", "es", "ed", "ing"]
                    .iter()
                    .map(|x| format!("{first}{x}"))
                    .collect();
                if let Some(stem) = first.strip_suffix('e') {
                    v.push(format!("{stem}ing"));
                    v.push(format!("{first}d"));
                }
                v
            };
            let extra: Vec<String> = forms
                .get(first)
                .into_iter()
                .flatten()
                .map(|f| f.to_string())
                .chain(regular)
                .map(|f| {
                    if rest.is_empty() {
                        f.to_string()
                    } else {
                        format!("{f} {rest}")
                    }
                })
                .collect();
            std::iter::once(v.term.clone())
                .chain(extra)
                .map(move |t| (t, class, v.key.clone()))
        });
        let vocabulary = layer(words, &mut keys, &mut index);
        let figure_terms = kb.figures.iter().enumerate().flat_map(|(i, f)| {
            f.terms
                .iter()
                .map(move |t| (t.as_str(), Class::Figure, format!("#{i}")))
        });
        let figures = layer(figure_terms, &mut keys, &mut index);
        // Only a term its measure words cover whole: "one-year loan prime rate" says
        // more than its measure ("five-year" is another series), so it binds by
        // its words alone.
        let measures = |t: &str| -> Vec<String> {
            let mut out = Vec::new();
            vocabulary.find(t, 0..t.len(), &mut out);
            out.retain(|x| x.class == Class::Measure);
            let mut left = t.to_string();
            for x in &out {
                left.replace_range(x.range.clone(), &" ".repeat(x.range.len()));
            }
            if left.chars().any(char::is_alphanumeric) {
                return Vec::new();
            }
            let mut m: Vec<String> = out
                .into_iter()
                .filter(|x| x.class == Class::Measure)
                .map(|x| format!("m:{}", keys[x.key as usize]))
                .collect();
            m.sort();
            m.dedup();
            m
        };
        let figure_measures = kb
            .figures
            .iter()
            .map(|f| f.terms.iter().map(|t| measures(t)).collect())
            .collect();
        let mut figures_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in kb.figures.iter().enumerate() {
            if let Some(s) = &f.subject {
                figures_of.entry(s.clone()).or_default().push(i);
            }
        }
        Vocab {
            layers: vec![vocabulary, figures],
            keys,
            figure_measures,
            figures_of,
        }
    }

    /// Every term in `text[range]`, in order. Latin terms sit on word boundaries
    /// (an inflection suffix may follow); CJK terms anywhere.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<Term> {
        let mut out = Vec::new();
        for layer in &self.layers {
            layer.find(text, range.clone(), &mut out);
        }
        out.sort_by_key(|t| (t.range.start, t.range.end));
        out
    }
}

impl Layer {
    fn find(&self, text: &str, range: Range<usize>, out: &mut Vec<Term>) {
        let Some(ac) = &self.ac else { return };
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
    }
}
