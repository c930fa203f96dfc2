//! Sentences and words: the context units claims are read in.

use std::ops::Range;

use super::{is_cjk, lexicon};

/// Byte ranges of the sentences in `text[range]` (absolute offsets).
/// Ends at `. ! ?` followed by a space (unless after an abbreviation, an initial or
/// a digit-dot-digit), at `。！？；` and at `;` outside brackets, at line ends, and at the ` - ` bullet dashes
/// aggregators put between statements.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = range.start;
    // Byte by byte: every stop is ASCII or a three-byte full-width form, so no
    // char decoding is needed except after `. ! ?`.
    let mut at = range.start;
    // A semicolon inside brackets ("($9.58bn; £3.5bn)") does not end the sentence.
    let mut depth = 0usize;
    // The bytes that can end a sentence or change how one ends; the rest are skipped.
    const STOPS: [bool; 256] = {
        let mut t = [false; 256];
        let mut k = 0;
        let stops = *b"();\n\r.!?-\xE3\xEF";
        while k < stops.len() {
            t[stops[k] as usize] = true;
            k += 1;
        }
        t
    };
    while at < range.end {
        if !STOPS[bytes[at] as usize] {
            at += 1;
            continue;
        }
        let cut = match bytes[at] {
            b'(' => {
                depth += 1;
                None
            }
            b')' => {
                depth = depth.saturating_sub(1);
                None
            }
            b';' if depth > 0 => None,
            b'\n' | b'\r' | b';' => Some(at + 1),
            c @ (b'.' | b'!' | b'?') => {
                let spaced = text
                    .get(at + 1..range.end)
                    .and_then(|r| r.chars().next())
                    .is_none_or(char::is_whitespace);
                (spaced && (c != b'.' || !is_abbreviation(text, start, at))).then_some(at + 1)
            }
            // " - ": the cut falls before the space.
            b'-' if at > range.start
                && bytes[at - 1] == b' '
                && bytes.get(at + 1) == Some(&b' ') =>
            {
                Some(at - 1)
            }
            0xE3 | 0xEF => {
                let stop = ["。", "！", "？", "；"]
                    .iter()
                    .any(|s| bytes[at..range.end].starts_with(s.as_bytes()));
                stop.then_some(at + 3)
            }
            _ => None,
        };
        if let Some(cut) = cut {
            push_trimmed(text, start..cut, &mut out);
            start = cut;
            depth = 0;
        }
        at += 1;
    }
    push_trimmed(text, start..range.end, &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || c == '-')
            .len();
    let trail = s.len() - s.trim_end().len();
    if r.start + lead < r.end - trail {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Is the word before the period at `dot` an abbreviation or a single initial?
fn is_abbreviation(text: &str, floor: usize, dot: usize) -> bool {
    let before = &text[floor..dot];
    // `rsplit` always yields a piece: the whole text when nothing splits it.
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or(before);
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    // "e.g", "U.S": short, dotted, letters only ("1.5%" ends a sentence).
    lexicon().abbreviation.contains(&lower)
        || (lower.len() <= 4
            && lower.contains('.')
            && lower.chars().all(|c| c.is_alphabetic() || c == '.'))
}

/// Is there a word boundary at byte `i` of `text` (between a word char and a non-word char)?
pub fn boundary_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() || is_cjk(c))
}

pub fn boundary_after(text: &str, i: usize) -> bool {
    text[i..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() || is_cjk(c))
}

/// Latin words (letters, digits, inner `'`, `-`, `.`) of `text[r]` with absolute ranges.
pub fn words(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut at = r.start;
    // Byte by byte where the text is ASCII (most of it): no char decoding there.
    while at < r.end {
        let (len, wordy, joiner) = match bytes[at] {
            b if b.is_ascii() => (
                1,
                b.is_ascii_alphanumeric(),
                matches!(b, b'\'' | b'-' | b'.' | b'&'),
            ),
            _ => {
                let c = text[at..].chars().next().unwrap_or(' ');
                (c.len_utf8(), c.is_alphanumeric() && !is_cjk(c), c == '’')
            }
        };
        if wordy || (joiner && start.is_some()) {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            push_word(text, s..at, &mut out);
        }
        at += len;
    }
    if let Some(s) = start {
        push_word(text, s..r.end, &mut out);
    }
    out
}

fn push_word(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    // Most words end on a letter or digit: nothing to trim.
    if text.as_bytes()[r.end - 1].is_ascii_alphanumeric() {
        out.push(r);
        return;
    }
    let w = &text[r.clone()];
    let trimmed = w.trim_end_matches(['\'', '’', '-', '.']);
    if !trimmed.is_empty() {
        out.push(r.start..r.start + trimmed.len());
    }
}

/// The clause boundary (`,` `，` `:` `：` `(`... ) nearest before `at` within `floor..at`.
pub fn clause_start(text: &str, floor: usize, at: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, ',' | '，' | ':' | '：' | '、' | '"' | '“' | '”'))
        .map(|(i, c)| floor + i + c.len_utf8())
        .unwrap_or(floor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn splits_on_stops_but_not_abbreviations_or_decimals() {
        assert_eq!(
            split("The U.S. paid $8.5 billion. Mr. Lee agreed. Next one"),
            vec!["The U.S. paid $8.5 billion.", "Mr. Lee agreed.", "Next one"]
        );
        assert_eq!(
            split("中文一句。第二句；三"),
            vec!["中文一句。", "第二句；", "三"]
        );
        assert_eq!(
            split("Group 1: Deals - A signed. - B agreed"),
            vec!["Group 1: Deals", "A signed.", "B agreed"]
        );
        assert_eq!(split("C.C. Wei spoke."), vec!["C.C. Wei spoke."]);
    }

    #[test]
    fn words_keep_inner_punctuation() {
        let s = "Japan's rare-earth U.S. plan, 8.5";
        let w: Vec<&str> = words(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
        assert_eq!(w, vec!["Japan's", "rare-earth", "U.S", "plan", "8.5"]);
    }
}
