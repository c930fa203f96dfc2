//! Text: what every layer above needs to read a string. Script detection (one
//! `is_cjk`), sentences, words and boundaries (`words`), the language lexicon
//! (`lexicon`, the vocabulary in `rules/lexicon.toml`), number display (`num`) and
//! byte offsets to line and column. Imports nothing from the crate but `error`.

pub mod lexicon;
pub mod num;
mod offset;
pub mod words;

use chrono::NaiveDate;

pub use lexicon::lexicon;
pub use offset::{after, before, line_col, slice};

/// Is `c` a letter of a script written without spaces between words: CJK ideographs
/// (with 々〆〇), kana and Hangul? Names and words in them need no word boundary.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'   // 々 〆 〇
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}' // Katakana extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
        | '\u{20000}'..='\u{3134F}') // CJK extensions B to G
}

/// Is `c` CJK punctuation or a full-width form (`、`, `。`, `（`)?
pub fn is_cjk_mark(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// Does `c` write Chinese or Japanese, script or punctuation (`is_cjk` or `is_cjk_mark`)?
pub fn is_cjk_like(c: char) -> bool {
    is_cjk(c) || is_cjk_mark(c)
}

/// Is `c` kana (Japanese, not Chinese)?
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}')
}

/// `s` in lower case, borrowed when it already is (most words of running text
/// are): the same as `str::to_lowercase` without its allocation.
pub fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// The letters of `s` in CJK scripts and in others (Latin, Cyrillic, …): what
/// decides a text's language.
pub fn letter_counts(s: &str) -> (i64, i64) {
    let (mut cjk, mut other) = (0i64, 0i64);
    // ASCII runs are counted whole, with no decoding; only multi-byte chars are decoded.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - i);
        other += bytes[i..i + run]
            .iter()
            .filter(|b| b.is_ascii_alphabetic())
            .count() as i64;
        i += run;
        if i >= bytes.len() {
            break;
        }
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        if is_cjk(c) {
            cjk += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
        i += c.len_utf8();
    }
    (cjk, other)
}

/// Is `c` a Han ideograph (no kana, no Hangul)?
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// `YYYY-MM-DD`, exactly (bylines, front matter, knowledge-base files).
pub fn parse_iso_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A name (a file path, an error line naming one) fit for one line of human output:
/// control characters (a newline in a file name, an escape sequence) are written as
/// escapes (`\n`, `\t`, `\r`, `\u{1b}`), everything else as it is.
pub fn escape_name(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `n` texts of up to `max - 1` pieces drawn from `pieces` (a fixed linear
/// congruential sequence from `seed`): the random strings the unit tests compare a
/// fast reading with its plain definition on.
#[cfg(test)]
pub(crate) fn random_texts(seed: u64, n: usize, pieces: &[&str], max: usize) -> Vec<String> {
    let mut seed = seed;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let mut t = String::new();
        for _ in 0..seed as usize % max {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        seed = seed.wrapping_add(1);
        out.push(t);
    }
    out
}
