//! Acronym definitions: "Long Name (ACR)", "ACR (Long Name)", "the ACR, or Long Name".

use std::ops::Range;

use super::{AcronymClaim, Claim, Kind};
use crate::kb::{Hit, Kb, Mention};
use crate::text::{is_cjk, lexicon};

/// Looks like an acronym: 2–12 chars, no spaces, at least two uppercase letters,
/// and mostly uppercase letters, digits and `&`.
pub fn is_acronym(s: &str) -> bool {
    // Twelve characters are at most 48 bytes: a longer text is no acronym.
    if s.len() > 48 {
        return false;
    }
    let n = s.chars().count();
    let upper = s.chars().filter(|c| c.is_ascii_uppercase()).count();
    (2..=12).contains(&n)
        && upper >= 2
        && upper * 2 >= n
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '&' || c == '-')
}

/// The long form ending at `end` (exclusive): a knowledge-base name ending there, else
/// the run of capitalized words (connectors allowed), else as many lowercase words as
/// the acronym has letters (Schwartz–Hearst's "lithium iron phosphate (LFP)").
fn long_before(
    kb: &Kb,
    text: &str,
    floor: usize,
    end: usize,
    short: &str,
    mentions: &[Mention],
) -> Option<Range<usize>> {
    // A known name ending here is the long form, unless it is only the tail of a
    // longer capitalized name ("Northern Survey Board of Norland").
    // Mentions come in text order without overlaps, so their ends are sorted too:
    // the one ending here is found by binary search, not by a scan per parenthesis.
    let first = mentions.partition_point(|m| m.range.end < end);
    let known = mentions[first..]
        .iter()
        .take_while(|m| m.range.end == end)
        .find(|m| {
            kb.gazetteer
                .hits(m.pattern)
                .iter()
                .any(|h| matches!(h, Hit::Name(_)))
        })
        .map(|m| m.range.clone());
    let head = text.get(floor..end)?;
    if head.chars().next_back().is_some_and(is_cjk) {
        return known; // CJK long forms are only taken from the knowledge base
    }
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = head.len();
    for w in head.rsplit(' ') {
        pos -= w.len();
        if !w.is_empty() {
            words.push((floor + pos, w));
        }
        pos = pos.saturating_sub(1);
        if words.len() > 12 {
            break;
        }
    }
    // Capitalized run.
    let mut start = None;
    for &(at, w) in &words {
        let core = w.trim_end_matches(',');
        // "Co., Limited" keeps its comma; any other comma ends the name ("Brazil,
        // Chile and the Andean Development Corporation" is a list, then a name).
        if w.ends_with(',') && start.is_some() && !matches!(core, "Co." | "Co" | "Inc." | "Ltd.") {
            break;
        }
        // The end of a sentence or quotation before the name ends it ("… in Europe."
        // A European Union (EU) directive").
        if start.is_some() && w.ends_with(['"', '!', '?', '”']) {
            break;
        }
        if core.chars().next().is_some_and(|c| c.is_uppercase()) {
            start = Some(at);
        } else if !lexicon().acronym_connector.contains(core) {
            break;
        }
    }
    if let Some(s) = start {
        let s = s + text[s..end].len()
            - text[s..end]
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        // "The European Union (EU)": the article is not part of the name.
        let s = ["The ", "A ", "An "]
            .iter()
            .find(|a| text[s..end].starts_with(**a))
            .map_or(s, |a| s + a.len());
        let words_in = text[s..end].split_whitespace().count();
        if words_in >= 2 {
            // A known name after "the", "and", a possessive or punctuation is the
            // long form, not the words before it ("Even the International Monetary
            // Fund (IMF)", "the Commerce Department's Bureau of Industry and
            // Security", "Stellantis and Contemporary Amperex … (CATL)").
            // "… of the United States (EXIM)" is not a break: "of the" carries one
            // name on into the known one.
            let after_break = |k: &Range<usize>| {
                let head = text[s..k.start].trim_end();
                let mut last = head.rsplit(' ');
                head.ends_with(|c: char| c.is_ascii_punctuation())
                    || head.ends_with("'s")
                    || head.ends_with("’s")
                    || match (last.next(), last.next()) {
                        (Some("the"), Some("of")) => false,
                        (Some("the" | "and"), _) => true,
                        _ => false,
                    }
            };
            return match known {
                Some(k) if k.start <= s || after_break(&k) => Some(k),
                _ => Some(s..end),
            };
        }
    }
    if known.is_some() {
        return known;
    }
    // Lowercase words, one per letter of the acronym (hyphenated words count per part).
    let letters = short.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let mut count = 0;
    for &(at, w) in &words {
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') || w.is_empty() {
            break;
        }
        count += w.split('-').count();
        if count == letters {
            let initials: String = text[at..end]
                .split([' ', '-'])
                .filter_map(|x| x.chars().next())
                .collect::<String>()
                .to_lowercase();
            return (initials == short.to_lowercase()).then_some(at..end);
        }
        if count > letters {
            break;
        }
    }
    None
}

/// Every acronym definition in a sentence.
/// The longest parenthesis (in bytes) read as an acronym or the name it stands for.
const MAX_PARENTHESIS: usize = 256;

pub fn acronym_claims(
    kb: &Kb,
    source: usize,
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
) -> Vec<Claim> {
    let mut out = Vec::new();
    let s = &text[sentence.clone()];
    // Each `(` pairs with the first `)` after it: found by search, not by a scan per `(`.
    let closes: Vec<usize> = s
        .match_indices(')')
        .map(|(i, _)| sentence.start + i)
        .collect();
    for (i, _) in s.match_indices('(') {
        let open = sentence.start + i;
        let Some(&close) = closes.get(closes.partition_point(|&c| c < open)) else {
            continue;
        };
        // Neither an acronym nor a body's name runs this long; looking inside would
        // make nested parentheses quadratic.
        if close - open > MAX_PARENTHESIS {
            continue;
        }
        let inner = text[open + 1..close].trim();
        // Where the words before the parenthesis end (never before the sentence).
        let before_end = text[..open].trim_end().len().max(sentence.start);
        if is_acronym(inner) {
            if let Some(long) = long_before(kb, text, sentence.start, before_end, inner, mentions) {
                out.push(claim(source, inner, open + 1..close, text, long, close + 1));
            }
        } else if inner.split_whitespace().nth(1).is_some()
            && inner.chars().next().is_some_and(|c| c.is_uppercase())
        {
            // "ACR (Long Name)"
            let word_start = text[sentence.start..before_end]
                .rfind(' ')
                .map_or(sentence.start, |p| sentence.start + p + 1);
            let short = &text[word_start..before_end];
            if is_acronym(short) {
                let long = open
                    + 1
                    + (text[open + 1..close].len() - text[open + 1..close].trim_start().len());
                out.push(claim(
                    source,
                    short,
                    word_start..before_end,
                    text,
                    long..long + inner.len(),
                    close + 1,
                ));
            }
        }
    }
    // "the ACR, or Long Name"
    for (i, _) in s.match_indices(", or ") {
        let at = sentence.start + i;
        let word_start = text[sentence.start..at]
            .rfind(' ')
            .map_or(sentence.start, |p| sentence.start + p + 1);
        let short = &text[word_start..at];
        if !is_acronym(short) {
            continue;
        }
        let from = at + ", or ".len();
        let rest = &text[from..sentence.end];
        let mut end = from;
        for w in rest.split(' ') {
            let core = w.trim_end_matches([',', '.', ';', ':', ')']);
            let cap = core.chars().next().is_some_and(|c| c.is_uppercase());
            if !(cap || (end > from && lexicon().acronym_connector.contains(core)))
                || core.is_empty()
            {
                break;
            }
            end += w.len() + 1;
            if core.len() != w.len() {
                end -= w.len() + 1 - core.len();
                break;
            }
        }
        let long = text[from..end.min(sentence.end)].trim_end();
        if long.split_whitespace().count() >= 2 {
            out.push(claim(
                source,
                short,
                word_start..at,
                text,
                from..from + long.len(),
                from + long.len(),
            ));
        }
    }
    out
}

fn claim(
    source: usize,
    short: &str,
    short_span: Range<usize>,
    text: &str,
    long_span: Range<usize>,
    end: usize,
) -> Claim {
    let start = short_span.start.min(long_span.start);
    Claim {
        source,
        span: start..end.max(long_span.end),
        kind: Kind::Acronym(AcronymClaim {
            short: short.to_string(),
            long: text[long_span.clone()].to_string(),
            short_span,
            long_span,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::is_acronym;

    #[test]
    fn acronym_shapes() {
        for a in ["NMA", "IAG", "ABCDEF", "BoN", "LCE"] {
            assert!(is_acronym(a), "{a}");
        }
        for a in ["Bo Hedman", "the", "A", "Fed", "F-35", "Norland"] {
            assert!(!is_acronym(a), "{a}");
        }
    }
}

#[cfg(test)]
mod edge_tests {
    use super::*;

    #[test]
    fn parenthesis_at_sentence_start_does_not_panic() {
        let kb = crate::kb::Kb::default();
        for s in [
            "(Groupe Videotron Ltd) said it agreed.",
            "( ABC) x",
            "()",
            "(",
            "a (B",
            "X (Y Z)",
        ] {
            let _ = acronym_claims(&kb, 0, s, 0..s.len(), &[]);
        }
    }
}
