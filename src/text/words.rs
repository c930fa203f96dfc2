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
    word_iter(text, r).collect()
}

/// The words of `words`, one at a time: no list for a caller that reads each once.
pub fn word_iter(text: &str, r: Range<usize>) -> Words<'_> {
    Words {
        text,
        at: r.start,
        end: r.end,
    }
}

pub struct Words<'a> {
    text: &'a str,
    at: usize,
    end: usize,
}

/// ASCII bytes by what they are to a word: 1 a letter or digit, 2 a joiner inside a
/// word (`'` `-` `.` `&`), 0 neither.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            1
        } else if matches!(c, b'\'' | b'-' | b'.' | b'&') {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

impl Words<'_> {
    /// Moves past the chars whose class `keep` accepts (0 neither word char nor
    /// joiner, 1 a word char, 2 a joiner); byte by byte where the text is ASCII
    /// (most of it), decoding only other chars.
    #[inline]
    fn skip(&mut self, keep: impl Fn(u8) -> bool) {
        let bytes = self.text.as_bytes();
        while self.at < self.end {
            let b = bytes[self.at];
            let (len, class) = if b.is_ascii() {
                (1, ASCII_CLASS[b as usize])
            } else {
                self.wide(self.at)
            };
            if !keep(class) {
                break;
            }
            self.at += len;
        }
    }

    /// A char outside ASCII at `at`: its byte length and class (as `ASCII_CLASS`).
    #[cold]
    fn wide(&self, at: usize) -> (usize, u8) {
        let c = self.text[at..].chars().next().unwrap_or(' ');
        let class = if c.is_alphanumeric() && !is_cjk(c) {
            1
        } else if c == '’' {
            2
        } else {
            0
        };
        (c.len_utf8(), class)
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        // A word starts at a word char and runs on through word chars and joiners.
        self.skip(|class| class != 1);
        if self.at >= self.end {
            return None;
        }
        let start = self.at;
        self.skip(|class| class != 0);
        // Most words end on a letter or digit: nothing to trim. It starts on a word
        // char, so trimming the joiners off its end leaves something.
        if self.text.as_bytes()[self.at - 1].is_ascii_alphanumeric() {
            return Some(start..self.at);
        }
        let trimmed = self.text[start..self.at].trim_end_matches(['\'', '’', '-', '.']);
        Some(start..start + trimmed.len())
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

    /// Words as the char-by-char definition has them: a word char starts a word,
    /// word chars and joiners continue it, and joiners are trimmed off its end.
    fn reference_words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        fn end<'t>(text: &'t str, s: usize, e: usize, out: &mut Vec<&'t str>) {
            out.push(text[s..e].trim_end_matches(['\'', '’', '-', '.']));
        }
        for (i, c) in text.char_indices() {
            let wordy = c.is_alphanumeric() && !is_cjk(c);
            let joiner = matches!(c, '\'' | '-' | '.' | '&' | '’');
            if wordy || (joiner && start.is_some()) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                end(text, s, i, &mut out);
            }
        }
        if let Some(s) = start {
            end(text, s, text.len(), &mut out);
        }
        out
    }

    #[test]
    fn word_iter_agrees_with_the_char_by_char_definition() {
        let pieces = [
            "a", "Zb", "9", " ", "'", "-", ".", "&", "’", "é", "Ü", "中", "国", "，", "(", "\n",
            "s", "x1",
        ];
        for t in crate::text::random_texts(11, 20_000, &pieces, 12) {
            let got: Vec<&str> = word_iter(&t, 0..t.len()).map(|r| &t[r]).collect();
            assert_eq!(got, reference_words(&t), "{t:?}");
        }
    }

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
