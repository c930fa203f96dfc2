//! Where a quantity can start: one Aho-Corasick automaton over every word that can open
//! one (number words, Chinese numerals, qualifiers, currency signs), built once from the
//! grammar's own tables so the two cannot drift apart. ASCII digits are found by memchr.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{qualifier, unit};
use crate::normalize::number::{TENS, UNITS};
use crate::text::lexicon;

/// Openers that are not in the grammar's tables.
const EXTRA: &[&str] = &[
    // "a" is a number only before a scale, a fraction word or "decade".
    "a hundred",
    "a thousand",
    "a million",
    "a billion",
    "a trillion",
    "a dozen",
    "a quarter",
    "a third",
    "a fifth",
    "a tenth",
    "a half",
    "a full",
    "a decade",
    "half",
    "full",
    "twice",
    // Vague magnitudes: "hundreds of billions of dollars", "several million".
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "dozens",
    "several",
    "between",
    // Signs, per mille, Chinese numerals, percent and per prefixes, vague 数十/几百.
    "负",
    "負",
    "minus",
    "千分之",
    "万分之",
    "萬分之",
    "〇",
    // 零点五 (0.5): 零 alone is a word (零关税), not a numeral's start.
    "零点",
    "零點",
    "一",
    "二",
    "两",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "兩",
    "萬",
    "億",
    "百分之",
    "每",
    "数",
    "几",
];

/// The automaton (None only if building it failed, which the fixed patterns rule out;
/// digits still work then).
pub static OPENERS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let patterns = UNITS
        .iter()
        .chain(TENS)
        .map(|(w, _)| *w)
        .chain(qualifier::ENGLISH.iter().map(|(w, _)| *w))
        .chain(qualifier::CHINESE.iter().map(|(w, _)| *w))
        .chain(unit::SIGNS.iter().map(|(w, _)| *w))
        .chain(unit::CODES.iter().map(|(w, _)| *w))
        .chain(EXTRA.iter().copied());
    // A few hundred patterns: a DFA is small, quick to build and the fastest to scan.
    AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(patterns)
        .ok()
});

/// Month names and abbreviations, capitalized ("October", "Oct", "Sept"): a number
/// next to one is a day of a date ("October 20", "20 Oct").
pub static MONTHS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let lex = lexicon();
    let short = lex.month_short.iter().map(|(s, _)| s);
    lex.months
        .iter()
        .chain(short)
        .map(|m| capitalized(m))
        .collect()
});

fn capitalized(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// Is `w` a month name or abbreviation, capitalized?
pub fn is_month(w: &str) -> bool {
    MONTHS.iter().any(|m| m == w)
}

/// Finds the next ASCII digit with memchr: three memchr3 searches and one memchr cover
/// 0-9, and each group's next hit is cached until the scan passes it.
pub struct Digits<'a> {
    hay: &'a [u8],
    next: [Option<usize>; 4],
    searched: [usize; 4],
}

impl<'a> Digits<'a> {
    pub fn new(hay: &'a [u8]) -> Self {
        Digits {
            hay,
            next: [None; 4],
            searched: [usize::MAX; 4],
        }
    }

    fn search(&self, group: usize, from: usize) -> Option<usize> {
        let rest = self.hay.get(from..)?;
        let hit = match group {
            0 => memchr::memchr3(b'0', b'1', b'2', rest),
            1 => memchr::memchr3(b'3', b'4', b'5', rest),
            2 => memchr::memchr3(b'6', b'7', b'8', rest),
            _ => memchr::memchr(b'9', rest),
        };
        hit.map(|p| p + from)
    }

    /// The first digit at or after `from`.
    pub fn find(&mut self, from: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        for g in 0..4 {
            let stale = self.searched[g] == usize::MAX
                || self.next[g].is_some_and(|p| p < from)
                || (self.next[g].is_none() && self.searched[g] > from);
            if stale {
                self.next[g] = self.search(g, from);
                self.searched[g] = from;
            }
            if let Some(p) = self.next[g] {
                best = Some(best.map_or(p, |b| b.min(p)));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_finder_walks_forward() {
        let text = b"a1b22c 9 x";
        let mut d = Digits::new(text);
        assert_eq!(d.find(0), Some(1));
        assert_eq!(d.find(2), Some(3));
        assert_eq!(d.find(5), Some(7));
        assert_eq!(d.find(8), None);
    }

    #[test]
    fn automaton_builds() {
        let ac = OPENERS.as_ref();
        assert!(ac.is_some());
        let hit = ac.and_then(|a| a.find("costs About $5"));
        assert_eq!(hit.map(|m| m.start()), Some(6));
    }
}
