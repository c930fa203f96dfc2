//! Inline suppressions, applied to the findings after the rules ran.
//!
//! Markdown and HTML: `<!-- claimcheck-disable-next-line RULE_ID -->` (several ids
//! separated by commas or spaces) silences those rules on the next non-empty line.
//! Plain text: `claimcheck: ignore[RULE_ID]` (or `ignore[ID1,ID2]`) silences them on
//! its own line. Lines are the original file's. An id that names no rule, a
//! directive with no id, and an id whose rule found nothing on its line are
//! themselves reported (`rules::suppression` documents them).

use std::ops::Range;

use crate::kb::Kb;
use crate::read::{File, Source};
use crate::rules::suppression::{UNKNOWN, UNUSED};
use crate::rules::{Finding, Place, Severity};

const NEXT_LINE: &str = "<!--";
const NEXT_LINE_KEY: &str = "claimcheck-disable-next-line";
const IGNORE: &str = "claimcheck: ignore[";

/// One suppression: the rule id it names (empty for a directive that names none),
/// its byte range in `File::raw` (the whole directive's when it names none), and
/// the 1-based line it silences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub rule: String,
    pub span: Range<usize>,
    pub line: usize,
}

/// Every suppression written in a file (the file's kind is its extension).
pub fn scan(file: &File) -> Vec<Suppression> {
    let lower = file.path.to_ascii_lowercase();
    let markup = [".md", ".markdown", ".html", ".htm"]
        .iter()
        .any(|e| lower.ends_with(e));
    if markup {
        comments(file)
    } else {
        ignores(file)
    }
}

/// `<!-- claimcheck-disable-next-line IDS -->` comments.
fn comments(file: &File) -> Vec<Suppression> {
    let raw = &file.raw;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = raw.get(from..).and_then(|t| t.find(NEXT_LINE)) {
        let open = from + k;
        let body_start = open + NEXT_LINE.len();
        let Some(len) = raw.get(body_start..).and_then(|t| t.find("-->")) else {
            break;
        };
        let body_end = body_start + len;
        from = body_end + 3;
        let body = crate::text::slice(raw, body_start..body_end);
        let lead = body.len() - body.trim_start().len();
        let Some(rest) = body.trim_start().strip_prefix(NEXT_LINE_KEY) else {
            continue;
        };
        let ids_start = body_start + lead + NEXT_LINE_KEY.len();
        let (end_line, _) = file.position(from);
        let line = next_non_empty(file, end_line + 1);
        out.extend(ids_or_none(rest, ids_start, line, open..from));
    }
    out
}

/// `claimcheck: ignore[IDS]` markers, each silencing its own line.
fn ignores(file: &File) -> Vec<Suppression> {
    let raw = &file.raw;
    let mut out = Vec::new();
    for (at, _) in raw.match_indices(IGNORE) {
        let ids_start = at + IGNORE.len();
        let tail = crate::text::after(raw, ids_start);
        // The list ends at `]`, on the same line.
        let Some(len) = tail.find([']', '\n', '\r']) else {
            continue;
        };
        if !tail[len..].starts_with(']') {
            continue;
        }
        let (line, _) = file.position(at);
        out.extend(ids_or_none(
            &tail[..len],
            ids_start,
            line,
            at..ids_start + len + 1,
        ));
    }
    out
}

/// The ids of a comma/space separated list that starts at byte `start` of the file.
fn ids(list: &str, start: usize, line: usize) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    let sep = |c: char| c == ',' || c.is_whitespace();
    // A trailing separator closes the last id.
    for (i, c) in list
        .char_indices()
        .chain(std::iter::once((list.len(), ',')))
    {
        match (word, sep(c)) {
            (None, false) => word = Some(i),
            (Some(w), true) => {
                out.push(Suppression {
                    rule: crate::text::slice(list, w..i).to_string(),
                    span: start + w..start + i,
                    line,
                });
                word = None;
            }
            _ => {}
        }
    }
    out
}

/// `ids`, or one id-less suppression spanning the directive when the list is empty.
fn ids_or_none(list: &str, start: usize, line: usize, whole: Range<usize>) -> Vec<Suppression> {
    let found = ids(list, start, line);
    if found.is_empty() {
        return vec![Suppression {
            rule: String::new(),
            span: whole,
            line,
        }];
    }
    found
}

/// The first line at or after `line` with something other than white space
/// (the line after the last one when there is none).
fn next_non_empty(file: &File, mut line: usize) -> usize {
    while let Some(&s) = file.line_starts.get(line - 1) {
        let end = file
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(file.raw.len());
        if !crate::text::slice(&file.raw, s..end).trim().is_empty() {
            break;
        }
        line += 1;
    }
    line
}

/// Drops the findings a suppression silences, then reports the suppressions that
/// cannot work: ids that name no rule and directives with none (`UNKNOWN`), ids of a
/// rule with no finding on their line (`UNUSED`), each at the severity `kb` gives
/// it (dropped when `off`). Those two are silenced on their own line by a
/// suppression that names them.
pub fn apply(findings: Vec<Finding>, files: &[File], sources: &[Source], kb: &Kb) -> Vec<Finding> {
    let rules = crate::rules::all();
    let found: Vec<Vec<Suppression>> = files.iter().map(scan).collect();
    let mut used: Vec<Vec<bool>> = found.iter().map(|s| vec![false; s.len()]).collect();
    let mut out = silence(findings, files, sources, &found, &mut used);
    let mut meta = Vec::new();
    for (fi, sup) in found.iter().enumerate() {
        for (k, s) in sup.iter().enumerate() {
            let (rule, message, help) = if s.rule.is_empty() {
                (
                    UNKNOWN,
                    "suppression names no rule".to_string(),
                    "name the rules to silence: `claimcheck: ignore[RULE_ID]`; `claimcheck rules` lists them",
                )
            } else if !rules.iter().any(|r| r.id == s.rule) {
                (
                    UNKNOWN,
                    format!("suppression names an unknown rule \"{}\"", s.rule),
                    "`claimcheck rules` lists the rule ids",
                )
            } else if !used[fi][k] && s.rule != UNKNOWN && s.rule != UNUSED {
                (
                    UNUSED,
                    format!(
                        "suppression of \"{}\" silences nothing on line {}",
                        s.rule, s.line
                    ),
                    "remove it: a stale suppression hides the next finding on its line",
                )
            } else {
                continue;
            };
            if let Some(f) = directive_finding(files, sources, fi, s, rule, message, help) {
                meta.push(f);
            }
        }
    }
    let meta = silence(meta, files, sources, &found, &mut used);
    for mut f in meta {
        let level = rules
            .iter()
            .find(|r| r.id == f.rule)
            .map_or(crate::kb::Level::Warning, |r| r.level(kb));
        if let Some(s) = Severity::of(level) {
            f.severity = s;
            out.push(f);
        }
    }
    out
}

/// The findings no suppression silences; marks in `used` each suppression that
/// silenced one.
fn silence(
    findings: Vec<Finding>,
    files: &[File],
    sources: &[Source],
    found: &[Vec<Suppression>],
    used: &mut [Vec<bool>],
) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| {
            let Some(p) = f.places.iter().find(|p| p.primary).or(f.places.first()) else {
                return true;
            };
            let Some(fi) = sources.get(p.source).map(|s| s.file) else {
                return true;
            };
            let (Some(file), Some(sup)) = (files.get(fi), found.get(fi)) else {
                return true;
            };
            let line = file.location(p.span.clone()).line;
            let mut silenced = false;
            for (k, s) in sup.iter().enumerate() {
                if s.line == line && s.rule == f.rule {
                    used[fi][k] = true;
                    silenced = true;
                }
            }
            !silenced
        })
        .collect()
}

/// A finding at a suppression's text, in the article it sits in (the file's first
/// when it sits in none).
fn directive_finding(
    files: &[File],
    sources: &[Source],
    fi: usize,
    s: &Suppression,
    rule: &'static str,
    message: String,
    help: &str,
) -> Option<Finding> {
    let file = files.get(fi)?;
    let span = working_range(file, &s.span);
    let source = sources
        .iter()
        .position(|src| src.file == fi && src.range.contains(&span.start))
        .or_else(|| sources.iter().position(|src| src.file == fi))?;
    Some(Finding {
        because: Vec::new(),
        lead: None,
        rule,
        severity: Severity::Warning,
        message,
        subject: None,
        expected: None,
        help: Some(help.to_string()),
        places: vec![Place {
            source,
            span,
            normalized: s.rule.clone(),
            primary: true,
        }],
    })
}

/// The working-text range that a range of `File::raw` became. Markup the working
/// text dropped (an HTML comment) becomes an empty range where the text resumes.
fn working_range(file: &File, raw: &Range<usize>) -> Range<usize> {
    let Some(map) = &file.map else {
        return raw.clone();
    };
    // `map` is sorted: each working byte comes from the same or a later raw offset.
    let at = |o: usize| {
        map.partition_point(|&m| (m as usize) < o)
            .min(file.text.len())
    };
    let (mut s, mut e) = (at(raw.start), at(raw.end));
    while !file.text.is_char_boundary(s) {
        s -= 1;
    }
    while !file.text.is_char_boundary(e) {
        e -= 1;
    }
    s..e.max(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_their_byte_ranges_across_wide_separators() {
        let list = " a-b,\u{3000}c ,d";
        let got: Vec<(String, Range<usize>)> = ids(list, 10, 3)
            .into_iter()
            .map(|s| (s.rule, s.span))
            .collect();
        assert_eq!(
            got,
            vec![
                ("a-b".to_string(), 11..14),
                ("c".to_string(), 18..19),
                ("d".to_string(), 21..22)
            ]
        );
        assert_eq!(&list[18 - 10..19 - 10], "c");
    }

    #[test]
    fn comment_targets_the_next_non_empty_line() {
        let raw = "x\n<!-- claimcheck-disable-next-line r1 r2 -->\n\n  \ny\n".to_string();
        let f = File::plain("a.md".into(), raw);
        let got: Vec<(String, usize)> = scan(&f).into_iter().map(|s| (s.rule, s.line)).collect();
        assert_eq!(got, vec![("r1".to_string(), 5), ("r2".to_string(), 5)]);
        // In plain text the comment form means nothing; the marker does.
        let f = File::plain(
            "a.txt".into(),
            "<!-- claimcheck-disable-next-line r1 -->\nz claimcheck: ignore[r3]\n".into(),
        );
        let got: Vec<(String, usize)> = scan(&f).into_iter().map(|s| (s.rule, s.line)).collect();
        assert_eq!(got, vec![("r3".to_string(), 2)]);
        // An unclosed list is no marker.
        let f = File::plain("a.txt".into(), "claimcheck: ignore[r3\n]".into());
        assert!(scan(&f).is_empty());
    }
}
