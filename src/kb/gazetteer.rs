//! One Aho-Corasick automaton over every name the knowledge base knows.
//!
//! Latin patterns match on word boundaries, CJK patterns anywhere (a CJK char next
//! to a Latin name counts as a boundary). Names and acronyms match case-sensitively;
//! office titles and office aliases ignore ASCII case, except all-caps ones (`PM`).

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{Entity, Office};
use crate::text::is_cjk;

/// What a matched pattern stands for. One pattern can stand for several things
/// (`BIS` for two organizations, `President` for many offices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The entity's canonical name or one of its aliases.
    Name(u32),
    Acronym(u32),
    /// A person's surname alone.
    Surname(u32),
    /// A place's adjective or possessive (`Japanese`, `Japan's`).
    Adjective(u32),
    /// A known wrong form of the entity's name.
    Misspelling(u32),
    /// An office title (index into `Kb::offices`).
    Title(u32),
    /// A full office name that needs no qualifier (index into `Kb::offices`).
    OfficeAlias(u32),
    /// One of the two entities a Chinese pair name stands for (中欧: China, the EU).
    Pair(u32),
}

impl Hit {
    /// Titles and office aliases ignore ASCII case ("prime minister"); names do not.
    fn ignores_case(self) -> bool {
        matches!(self, Hit::Title(_) | Hit::OfficeAlias(_))
    }
}

/// A match in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    /// Index of the pattern; `Gazetteer::hits` tells what it stands for.
    pub pattern: u32,
}

/// One string of the automaton.
#[derive(Debug, Clone)]
struct Pattern {
    text: String,
    /// Whether the first/last char is a word char and so needs a boundary in the text.
    open_start: bool,
    open_end: bool,
    /// A pair name (中欧): it counts only before a word of `pair_follow` (双方,
    /// 关系, 峰会 …), since 中欧 is also Central Europe and 日美 runs on from a date.
    pair: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    /// Hit sets: `2 * i` is everything pattern `i` stands for (the text matched it
    /// exactly), `2 * i + 1` only what may match in another ASCII case.
    sets: Vec<Vec<Hit>>,
    /// The automaton's strings are the patterns in ASCII lower case, each once:
    /// `folded[k]` lists the patterns (ascending) that fold to string `k`.
    folded: Vec<Vec<u32>>,
}

impl Gazetteer {
    /// Builds the automaton over every entity and office name.
    pub fn new(entities: &[Entity], offices: &[Office]) -> Gazetteer {
        let mut by_text: HashMap<String, usize> = HashMap::new();
        let mut all: Vec<(String, Vec<Hit>)> = Vec::new();
        let mut add = |text: &str, hit: Hit| {
            if text.trim().is_empty() {
                return;
            }
            // Curly and straight apostrophes are the same possessive (`Japan’s`).
            let mut forms = vec![text.to_string()];
            if text.contains('\'') {
                forms.push(text.replace('\'', "\u{2019}"));
            }
            for form in forms {
                let i = *by_text.entry(form.clone()).or_insert_with(|| {
                    all.push((form, Vec::new()));
                    all.len() - 1
                });
                if let Some((_, hits)) = all.get_mut(i)
                    && !hits.contains(&hit)
                {
                    hits.push(hit);
                }
            }
        };
        for (i, e) in entities.iter().enumerate() {
            let i = i as u32;
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                add(n, Hit::Name(i));
                // Accepted other spellings of a name: "&" for "and", British forms.
                for v in spellings(n) {
                    add(&v, Hit::Name(i));
                }
            }
            e.acronyms.iter().for_each(|s| add(s, Hit::Acronym(i)));
            e.surnames.iter().for_each(|s| add(s, Hit::Surname(i)));
            e.adjectives.iter().for_each(|s| add(s, Hit::Adjective(i)));
            e.misspellings
                .iter()
                .for_each(|s| add(s, Hit::Misspelling(i)));
        }
        for (i, o) in offices.iter().enumerate() {
            let i = i as u32;
            o.titles.iter().for_each(|s| add(s, Hit::Title(i)));
            o.aliases.iter().for_each(|s| add(s, Hit::OfficeAlias(i)));
        }
        // Pair names: every ordered two of the entities' pair forms (中美, 美中).
        let forms: Vec<(u32, &str)> = entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((i as u32, e.pair_form.as_deref()?)))
            .collect();
        for &(a, fa) in &forms {
            for &(b, fb) in &forms {
                if a != b {
                    let pair = format!("{fa}{fb}");
                    add(&pair, Hit::Pair(a));
                    add(&pair, Hit::Pair(b));
                }
            }
        }
        let mut patterns = Vec::with_capacity(all.len());
        let mut sets = Vec::with_capacity(all.len() * 2);
        for (text, hits) in all {
            // All-caps titles (`PM`, `CEO`) keep their case: "3 pm" is not a title.
            let caps = text.chars().all(|c| c.is_ascii_uppercase());
            let folded: Vec<Hit> = hits
                .iter()
                .copied()
                .filter(|h| h.ignores_case() && !caps)
                .collect();
            let pair = hits.iter().all(|h| matches!(h, Hit::Pair(_)));
            sets.push(hits);
            sets.push(folded);
            patterns.push(Pattern {
                open_start: text.chars().next().is_some_and(is_word_char),
                open_end: text.chars().next_back().is_some_and(is_word_char),
                pair,
                text,
            });
        }
        // The automaton is built at every start, so it is kept cheap: lower-cased
        // strings searched in a lower-cased copy of the text build 3-4 times faster
        // than `ascii_case_insensitive`, which doubles the transitions.
        let mut folded: Vec<Vec<u32>> = Vec::new();
        let mut strings: Vec<String> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            let low = p.text.to_ascii_lowercase();
            let k = *seen.entry(low).or_insert_with_key(|low| {
                strings.push(low.clone());
                folded.push(Vec::new());
                strings.len() - 1
            });
            if let Some(list) = folded.get_mut(k) {
                list.push(i as u32);
            }
        }
        // Standard semantics so that overlapping iteration sees every candidate:
        // a longest match that fails its boundary check must not hide a shorter one.
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&strings)
            .ok();
        Gazetteer {
            ac,
            patterns,
            sets,
            folded,
        }
    }

    /// Every mention in `text`, leftmost-longest, in order.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        // (start, end, set, exact)
        let mut cands: Vec<(usize, usize, u32, bool)> = Vec::new();
        // ASCII lower-casing keeps every byte offset.
        let low = text.to_ascii_lowercase();
        for m in ac.find_overlapping_iter(&low) {
            let Some(found) = text.get(m.range()) else {
                continue;
            };
            let before = text.get(..m.start()).and_then(|t| t.chars().next_back());
            let after = text.get(m.end()..).and_then(|t| t.chars().next());
            let same = self.folded.get(m.pattern().as_usize());
            for &p in same.map_or(&[][..], Vec::as_slice) {
                let p = p as usize;
                let Some(pat) = self.patterns.get(p) else {
                    continue;
                };
                let exact = found == pat.text;
                let set = if exact { 2 * p } else { 2 * p + 1 };
                if self.sets.get(set).is_none_or(|s| s.is_empty()) {
                    continue;
                }
                if (pat.open_start && before.is_some_and(is_word_char))
                    || (pat.open_end && after.is_some_and(is_word_char))
                {
                    continue;
                }
                if pat.pair && !pair_follows(&text[m.end()..]) {
                    continue;
                }
                cands.push((m.start(), m.end(), set as u32, exact));
            }
        }
        // Leftmost first, then longest, then an exact-case match over a folded one.
        cands.sort_by_key(|&(s, e, _, exact)| (s, std::cmp::Reverse(e), !exact));
        let mut out = Vec::new();
        let mut end = 0;
        for (s, e, set, _) in cands {
            if s >= end {
                out.push(Mention {
                    range: s..e,
                    pattern: set,
                });
                end = e;
            }
        }
        out
    }

    /// What pattern `p` stands for.
    pub fn hits(&self, p: u32) -> &[Hit] {
        self.sets.get(p as usize).map_or(&[], Vec::as_slice)
    }

    /// The pattern string behind `p` (as written in the knowledge base).
    pub fn pattern(&self, p: u32) -> &str {
        self.patterns
            .get(p as usize / 2)
            .map_or("", |pat| pat.text.as_str())
    }
}

/// Other accepted spellings of a name: " & " for " and ", and each word the lexicon
/// spells another way ("Organization" → "Organisation"), capitalized as written.
fn spellings(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if name.contains(" and ") {
        out.push(name.replace(" and ", " & "));
    }
    let lex = crate::text::lexicon();
    let mut changed = false;
    let words: Vec<String> = name
        .split(' ')
        .map(|w| {
            let low = w.to_lowercase();
            let other = lex.spelling.iter().find(|(_, base)| **base == low);
            match other {
                Some((variant, _)) => {
                    changed = true;
                    let mut c = variant.chars();
                    match (w.chars().next(), c.next()) {
                        (Some(f), Some(v)) if f.is_uppercase() => {
                            v.to_uppercase().chain(c).collect()
                        }
                        _ => variant.clone(),
                    }
                }
                None => w.to_string(),
            }
        })
        .collect();
    if changed {
        out.push(words.join(" "));
    }
    out
}

/// Does a pair name's text go on with a word that makes it one (双方, 关系)?
fn pair_follows(rest: &str) -> bool {
    crate::text::lexicon()
        .pair_follow
        .zh
        .iter()
        .any(|w| rest.starts_with(w.as_str()))
}

/// A char that glues onto a Latin word: letters and digits, except CJK, which is
/// written without spaces and so always counts as a boundary.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}
