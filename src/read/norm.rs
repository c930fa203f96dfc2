//! The working text and its map back to the original: line ends, NFKC, citation markers.

use std::iter::once;

use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use super::entity::entity;
use crate::text;

/// A text under construction, with the original offset of every byte.
#[derive(Debug, Default)]
pub struct Mapped {
    pub text: String,
    /// One entry a byte of `text`: the offset in the original of the character it came from.
    pub map: Vec<u32>,
}

impl Mapped {
    pub fn with_capacity(n: usize) -> Mapped {
        Mapped {
            text: String::with_capacity(n),
            map: Vec::with_capacity(n + 1),
        }
    }

    /// Appends `c`, every one of its bytes coming from original offset `from`.
    pub fn push(&mut self, c: char, from: usize) {
        self.text.push(c);
        let from = to_u32(from);
        self.map.resize(self.text.len(), from);
    }

    /// The last character, if any.
    pub fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Removes the last character.
    pub fn pop(&mut self) {
        if self.text.pop().is_some() {
            self.map.truncate(self.text.len());
        }
    }

    /// The original offset of the character at byte `i` of `text`.
    fn from(&self, i: usize) -> usize {
        self.map.get(i).map_or(0, |&o| o as usize)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Plain text (or Markdown) from `raw[start..]`: CRLF and lone CR become `\n`, the
/// bytes in `blank` (front matter) become spaces, line ends kept, and HTML entities
/// closed by `;` (`&#163;`, `&amp;`, which text exported from web pages keeps) are decoded.
pub fn plain(raw: &str, start: usize, blank: Option<std::ops::Range<usize>>) -> Mapped {
    let mut m = Mapped::with_capacity(raw.len());
    let tail = text::after(raw, start);
    let mut it = tail.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let at = start + i;
        match c {
            '\r' => {
                // One line end, mapped to the `\r`; a following `\n` is part of it.
                if it.peek().map(|&(_, n)| n) == Some('\n') {
                    it.next();
                }
                m.push('\n', at);
            }
            '\n' => m.push('\n', at),
            _ if blank.as_ref().is_some_and(|b| b.contains(&at)) => m.push(' ', at),
            '&' => match entity(text::after(tail, i)) {
                Some((d, len)) if tail.as_bytes().get(i + len - 1) == Some(&b';') => {
                    m.push(d, at);
                    // Skip the rest of the entity (ASCII, so `len` bytes are `len` chars).
                    for _ in 1..len {
                        it.next();
                    }
                }
                _ => m.push(c, at),
            },
            _ => m.push(c, at),
        }
    }
    m
}

/// A normalization boundary before `c`: NFKC of a text is the concatenation of the NFKC
/// of its pieces cut before such characters (they never combine with what precedes).
fn boundary_before(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let mut first = None;
    decompose_compatible(c, |d| {
        if first.is_none() {
            first = Some(d);
        }
    });
    let d = first.unwrap_or(c);
    canonical_combining_class(d) == 0 && is_nfkc_quick(once(d)) == IsNormalized::Yes
}

/// NFKC-normalizes `m`, keeping for every output byte the original offset it came from.
pub fn nfkc(m: Mapped) -> Mapped {
    if is_nfkc_quick(m.text.chars()) == IsNormalized::Yes {
        return m;
    }
    let mut out = Mapped::with_capacity(m.text.len());
    // The current piece: (byte offset in m.text, char).
    let mut piece: Vec<(usize, char)> = Vec::new();
    for (i, c) in m.text.char_indices() {
        if boundary_before(c) && !piece.is_empty() {
            flush(&m, &piece, &mut out);
            piece.clear();
        }
        piece.push((i, c));
    }
    flush(&m, &piece, &mut out);
    out
}

/// Normalizes one piece. Characters that normalize on their own keep their own offsets;
/// a piece that composes (base + combining marks) maps entirely to its first character.
fn flush(m: &Mapped, piece: &[(usize, char)], out: &mut Mapped) {
    let Some(&(first, c)) = piece.first() else {
        return;
    };
    if piece.len() == 1 {
        // The common case (one character between boundaries): no allocation.
        for n in once(c).nfkc() {
            out.push(n, m.from(first));
        }
        return;
    }
    let whole: String = piece.iter().map(|&(_, c)| c).nfkc().collect();
    let separately: String = piece.iter().flat_map(|&(_, c)| once(c).nfkc()).collect();
    if whole == separately {
        for &(i, c) in piece {
            for n in once(c).nfkc() {
                out.push(n, m.from(i));
            }
        }
    } else {
        for n in whole.chars() {
            out.push(n, m.from(first));
        }
    }
}

/// Replaces citation markers (`[1]`, `[12][14]`, `[1,3]`) with spaces of the same length.
pub fn blank_citations(text: String) -> String {
    if memchr::memchr(b'[', text.as_bytes()).is_none() {
        return text;
    }
    let mut b = text.into_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'[', b.get(i..).unwrap_or(&[])) {
        let open = i + k;
        let mut j = open + 1;
        let mut digits = 0;
        while let Some(&c) = b.get(j) {
            if c.is_ascii_digit() {
                digits += 1;
            } else if c != b',' {
                break;
            }
            j += 1;
        }
        if digits > 0 && b.get(j) == Some(&b']') {
            if let Some(marker) = b.get_mut(open..=j) {
                marker.fill(b' ');
            }
            i = j + 1;
        } else {
            i = open + 1;
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes, so the text is still UTF-8.
    String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The map of a text whose bytes are where they were in the original (same length):
/// every byte maps to the start of its character.
pub fn identity_map(text: &str) -> Vec<u32> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        map.extend(std::iter::repeat_n(to_u32(i), c.len_utf8()));
    }
    map.push(to_u32(text.len()));
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Mapped {
        nfkc(plain(s, 0, None))
    }

    #[test]
    fn full_width_maps_each_char() {
        let m = run("ａ２０％");
        assert_eq!(m.text, "a20%");
        assert_eq!(m.map, vec![0, 3, 6, 9]);
    }

    #[test]
    fn combining_sequence_composes() {
        // e + combining acute → é, both bytes mapped to the `e`.
        let m = run("xe\u{301}y");
        assert_eq!(m.text, "xéy");
        assert_eq!(m.map, vec![0, 1, 1, 4]);
    }

    #[test]
    fn expansion_maps_to_one_char() {
        let m = run("a…b");
        assert_eq!(m.text, "a...b");
        assert_eq!(m.map, vec![0, 1, 1, 1, 4]);
    }

    #[test]
    fn citations_blanked_same_length() {
        let t = blank_citations("x [1][3] y [a] [1,2] [] [12".to_string());
        assert_eq!(t, "x        y [a]       [] [12");
    }

    #[test]
    fn entities_closed_by_semicolon() {
        let m = plain("&#163;5 &amp; &amp x&#233;", 0, None);
        assert_eq!(m.text, "£5 & &amp xé");
        assert_eq!(m.map[..4], [0, 0, 6, 7]);
        assert_eq!(m.map[m.text.len() - 2..], [20, 20]);
    }

    #[test]
    fn line_ends() {
        let m = plain("a\r\nb\rc", 0, None);
        assert_eq!(m.text, "a\nb\nc");
        assert_eq!(m.map, vec![0, 1, 3, 4, 5]);
    }
}
