//! The one-pass scan: candidates from memchr (digits) and the opener automaton, merged in
//! text order; the grammar runs only at candidates, and after a match the scan resumes
//! at its end.

use std::ops::Range;

use aho_corasick::{Input, Match};

use super::Qty;
use super::grammar::parse_at;
use super::lexicon::{Digits, OPENERS, is_month};

/// Chinese numeral characters: after a failed parse the whole run is skipped, so that
/// 十七万 is never read out of 二十七万.
const CN_NUMERALS: &str = "〇零一二两兩三四五六七八九十百千万萬亿億";

/// Every quantity in `text`, in order.
pub fn scan(text: &str) -> Vec<(Range<usize>, Qty)> {
    let mut out = Vec::new();
    let mut digits = Digits::new(text.as_bytes());
    let openers = OPENERS.as_ref();
    let mut word: Option<Match> = None;
    let mut words_left = openers.is_some();
    let mut pos = 0;
    while pos < text.len() {
        let digit = digits.find(pos);
        if words_left && word.is_none_or(|m| m.start() < pos) {
            word = openers.and_then(|ac| ac.find(Input::new(text).span(pos..text.len())));
            words_left = word.is_some();
        }
        let opener = word.filter(|m| words_left && m.start() >= pos);
        let (start, opener) = match (digit, opener) {
            (None, None) => break,
            (Some(d), Some(m)) if m.start() < d => (m.start(), Some(m)),
            (Some(d), _) => (d, None),
            (None, Some(m)) => (m.start(), Some(m)),
        };
        // "-2.3%", "(−4%)": a minus sign before the digits starts the quantity.
        if let Some(sign) = minus_before(text, start)
            && let Some(end) = attempt(text, sign, &mut out)
        {
            pos = end.max(start + 1).min(text.len());
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
            continue;
        }
        let next = match opener {
            None => match blocked_digits(text, start) {
                Some(end) => end,
                None => {
                    attempt(text, start, &mut out).unwrap_or_else(|| digit_run_end(text, start).0)
                }
            },
            Some(m) if !opener_ok(text, start) => m.end(),
            Some(m) => attempt(text, start, &mut out).unwrap_or_else(|| {
                let run = cn_run_end(text, start);
                if run > start { run } else { m.end() }
            }),
        };
        // Always move forward, on a char boundary.
        pos = next.max(start + 1).min(text.len());
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

/// Parses at `start`; pushes a quantity if there is one. Returns where to resume.
fn attempt(text: &str, start: usize, out: &mut Vec<(Range<usize>, Qty)>) -> Option<usize> {
    let (end, qty) = parse_at(text, start, !after_from(text, start))?;
    if let Some(q) = qty {
        out.push((start..end, q));
    }
    Some(end)
}

/// The end of a run of digits and the separators inside it, and whether the run looks
/// like a date, time, version or phone number (10:30, 10/28, 2025-10-28, 1.2.3,
/// 202-555-0143).
fn digit_run_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = start;
    let (mut hyphens, mut dots, mut dateish) = (0, 0, false);
    while let Some(&b) = bytes.get(i) {
        let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        match b {
            b'0'..=b'9' => {}
            b',' if next_digit => {}
            // Two points in one number: a version or an address (1.2.3, 192.168.1.1).
            b'.' if next_digit => {
                dots += 1;
                dateish |= dots >= 2;
            }
            b'-' if next_digit => {
                hyphens += 1;
                dots = 0;
            }
            b'/' | b':' if next_digit => dateish = true,
            _ => break,
        }
        i += 1;
    }
    (i, dateish || hyphens >= 2)
}

/// Digits that cannot start a quantity: glued to a word (H20, F-35, COVID-19), inside a
/// number, after a sign the grammar already refused, ordinals (第3), citation markers
/// ([12]), a day after a month name ("October 20"), dates, times and phone numbers.
fn blocked_digits(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?;
    let mut back = before.chars().rev();
    let (c1, c2) = (back.next(), back.next());
    let (run_end, dateish) = digit_run_end(text, start);
    let glued = match c1 {
        Some(c) if c.is_ascii_alphanumeric() || c == '_' => true,
        Some('-' | '.' | '/' | ':' | ',') => c2.is_some_and(|c| c.is_ascii_alphanumeric()),
        Some('+' | '#' | '$' | '€' | '£' | '¥' | '第') => true,
        Some('[') => text.get(run_end..).is_some_and(|r| r.starts_with(']')),
        // "(202) 555-0143": an area code.
        Some('(') => text.get(run_end..).is_some_and(|r| {
            r.strip_prefix(") ")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        }),
        _ => false,
    };
    (glued || dateish || after_month(before)).then_some(run_end)
}

/// Where a minus sign right before the digits at `start` begins, when it stands as a
/// sign: after a space, an opening bracket, a colon or CJK text, not inside a word or a
/// range ("COVID-19", "5-8", "2024-25").
fn minus_before(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?;
    let sign = before
        .strip_suffix('-')
        .or_else(|| before.strip_suffix('\u{2212}'))?;
    let ok = match sign.chars().next_back() {
        None => true,
        Some(c) => {
            c == ' '
                || c == '\t'
                || c == '\n'
                || "(（[:：=，,、；".contains(c)
                || (crate::text::is_han(c) && !"至到".contains(c))
        }
    };
    // "10 - 5": a spaced dash between numbers is a range.
    let spaced_range = sign.ends_with(' ')
        && sign
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || c == '%');
    (ok && !spaced_range).then_some(sign.len())
}

/// "October 20", "Oct. 20".
fn after_month(before: &str) -> bool {
    let t = before.trim_end_matches(' ');
    if t.len() == before.len() {
        return false;
    }
    let t = t.strip_suffix('.').unwrap_or(t);
    let word_start = t
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    t.get(word_start..).is_some_and(is_month)
}

/// "from 5% to 4%" is a change: no "to" range right after "from".
fn after_from(text: &str, start: usize) -> bool {
    let t = crate::text::before(text, start).trim_end_matches(' ');
    let n = t.len();
    n >= 4
        && t.get(n - 4..)
            .is_some_and(|w| w.eq_ignore_ascii_case("from"))
        && !t
            .get(..n - 4)
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_alphanumeric()))
}

/// An opener must start a word: "ten" in "often", "one" in "F-one" are not numbers, and
/// 第三 is an ordinal.
fn opener_ok(text: &str, start: usize) -> bool {
    let before = crate::text::before(text, start);
    let mut back = before.chars().rev();
    let (c1, c2) = (back.next(), back.next());
    let first = text.get(start..).and_then(|s| s.chars().next());
    match first {
        Some(c) if c.is_ascii_alphabetic() => match c1 {
            Some(p) if p.is_ascii_alphanumeric() => false,
            Some('-') => !c2.is_some_and(|p| p.is_ascii_alphanumeric()),
            _ => true,
        },
        Some(c) if CN_NUMERALS.contains(c) => c1 != Some('第'),
        _ => true,
    }
}

/// The end of a run of Chinese numeral characters (`start` if there is none).
fn cn_run_end(text: &str, start: usize) -> usize {
    let s = crate::text::after(text, start);
    let len = s
        .find(|c: char| !CN_NUMERALS.contains(c))
        .unwrap_or(s.len());
    start + len
}
