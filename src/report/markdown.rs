//! `claimcheck check --format markdown`: a report for a pull-request comment.
//! Article text is escaped everywhere it appears, so no article can add markup,
//! links, HTML or mentions to the comment.

use crate::read::{File, Source};
use crate::rules::{self, Finding, Place, Severity};
use crate::text::words::sentences;

use super::check::finding_diff;

/// How many characters of a sentence to keep on each side of the span.
const CONTEXT: usize = 120;

/// Escapes text for Markdown (GitHub flavour) on one line: every punctuation mark
/// that can start markup is backslash-escaped (which CommonMark allows for any ASCII
/// punctuation), line breaks and tabs become spaces, other control characters
/// U+FFFD, and `@` is kept from forming a mention.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut digits_only = true;
    let mut space = false;
    let mut started = false;
    for c in s.chars() {
        if c.is_whitespace() {
            // Runs of blanks (blanked citation markers, line breaks) read as one space.
            if !space {
                out.push(' ');
            }
            space = true;
            // Leading blanks are trimmed by callers: they keep the `1.` check alive.
            digits_only = digits_only && !started;
            continue;
        }
        space = false;
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '-' | '!' | '|' | '~' | '$' | '&' | '^' | '=' => {
                out.push('\\');
                out.push(c);
            }
            // `1.` at the start would begin an ordered list.
            '.' if digits_only && started => out.push_str("\\."),
            '@' => out.push_str("@&#8203;"),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
        started = true;
        digits_only = digits_only && c.is_ascii_digit();
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The sentence around a place in its source's working text as (before, span,
/// after), unescaped; long sentences are cut to `CONTEXT` characters each side.
/// None when the place does not fit its source.
pub fn context(p: &Place, files: &[File], sources: &[Source]) -> Option<(String, String, String)> {
    let s = sources.get(p.source)?;
    let text = files.get(s.file).map(|f| f.text.as_str())?;
    let (a, b) = (p.span.start, p.span.end.max(p.span.start));
    text.get(a..b)?;
    text.get(s.range.clone())?;
    let around: Vec<_> = sentences(text, s.range.clone())
        .into_iter()
        .filter(|r| r.start < b.max(a + 1) && a < r.end)
        .collect();
    let start = around.first().map_or(a, |r| r.start.min(a));
    let end = around.last().map_or(b, |r| r.end.max(b));
    let before: String = {
        let t = crate::text::slice(text, start..a);
        let n = t.chars().count();
        let kept: String = t.chars().skip(n.saturating_sub(CONTEXT)).collect();
        if n > CONTEXT {
            format!("…{kept}")
        } else {
            kept
        }
    };
    let after: String = {
        let t = crate::text::slice(text, b..end);
        let kept: String = t.chars().take(CONTEXT).collect();
        if t.chars().count() > CONTEXT {
            format!("{kept}…")
        } else {
            kept
        }
    };
    let mid = crate::text::slice(text, a..b).to_string();
    Some((tidy(&before), mid, tidy(&after)))
}

/// The sentence around a place, escaped, with the span in bold.
fn quote(p: &Place, files: &[File], sources: &[Source]) -> String {
    let Some((before, mid, after)) = context(p, files, sources) else {
        return String::new();
    };
    let mid = escape(&mid);
    let mid = if mid.is_empty() {
        mid
    } else {
        format!("**{mid}**")
    };
    // Escape each part on its own so the bold markers stay markup.
    let (before, after) = (escape(&before), escape(&after));
    format!("{before}{mid}{after}").trim().to_string()
}

/// Drops the blanks left before punctuation where citation markers (`[1]`) were
/// blanked out of the working text: "in 2024 [1]." reads "in 2024.".
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blanks = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            blanks.push(c);
            continue;
        }
        if !matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '。' | '，' | '；') {
            out.push_str(&blanks);
        }
        blanks.clear();
        out.push(c);
    }
    out.push_str(&blanks);
    out
}

/// A fence longer than any run of backticks inside the block.
fn fence(body: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in body.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

/// Rule ids in the order `claimcheck rules` lists them, then any other id of the
/// findings, sorted.
pub fn rule_order(findings: &[Finding]) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = rules::all().iter().map(|r| r.id).collect();
    let mut extra: Vec<&'static str> = findings
        .iter()
        .map(|f| f.rule)
        .filter(|id| !ids.contains(id))
        .collect();
    extra.sort();
    extra.dedup();
    ids.extend(extra);
    ids
}

/// The whole report: title, counts, one section a finding.
pub fn render(findings: &[Finding], files: &[File], sources: &[Source], claims: usize) -> String {
    render_with_errors(findings, files, sources, claims, &[])
}

/// `render`, with the input files that were skipped listed after the counts.
pub fn render_with_errors(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    claims: usize,
    errors: &[crate::Error],
) -> String {
    // The mark makes the next run skip this file if it is written among the articles.
    let mut out = format!("{}\n# claimcheck report\n\n", crate::read::REPORT_MARK);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    out.push_str(&format!(
        "**{}** in {}, {}.\n\n",
        plural(findings.len(), "finding"),
        plural(sources.len(), "source"),
        plural(claims, "claim"),
    ));
    if !errors.is_empty() {
        out.push_str(&format!(
            "**{} skipped** (could not be read as articles):\n\n",
            plural(errors.len(), "file")
        ));
        for e in errors {
            out.push_str(&format!("- {}\n", escape(&e.to_string()).trim()));
        }
        out.push('\n');
    }
    if findings.is_empty() {
        out.push_str("No conflicts found.\n");
        return out;
    }
    out.push_str("| Severity | Findings |\n| --- | ---: |\n");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        out.push_str(&format!("| {} | {} |\n", s.name(), count(s)));
    }
    out.push_str("\n| Rule | Findings |\n| --- | ---: |\n");
    for id in rule_order(findings) {
        let n = findings.iter().filter(|f| f.rule == id).count();
        if n > 0 {
            out.push_str(&format!("| `{id}` | {n} |\n"));
        }
    }
    for (k, f) in findings.iter().enumerate() {
        out.push_str(&format!(
            "\n## {}. {}: `{}`\n\n{}\n\n",
            k + 1,
            f.severity.name(),
            f.rule,
            escape(&f.message).trim()
        ));
        if let Some(subject) = &f.subject {
            out.push_str(&format!("**Subject:** {}\n\n", escape(subject).trim()));
        }
        out.push_str("| Source | Line | Date | Sentence | Value | Role |\n");
        out.push_str("| --- | ---: | --- | --- | --- | --- |\n");
        for p in &f.places {
            let s = sources.get(p.source);
            let line = s
                .and_then(|s| files.get(s.file))
                .map_or(String::new(), |file| {
                    file.location(p.span.clone()).line.to_string()
                });
            let date = s
                .and_then(|s| s.date)
                .map_or("–".to_string(), |d| d.to_string());
            out.push_str(&format!(
                "| {} | {line} | {date} | {} | {} | {} |\n",
                s.map_or(String::new(), |s| escape(&s.id)),
                quote(p, files, sources),
                escape(&p.normalized),
                if p.primary { "primary" } else { "related" },
            ));
        }
        if let Some(e) = &f.expected {
            out.push_str(&format!("\n**Expected:** {}\n", escape(e).trim()));
        }
        if let Some(h) = &f.help {
            out.push_str(&format!("\n**Help:** {}\n", escape(h).trim()));
        }
        if let Some(d) = finding_diff(f) {
            // Inside a fence nothing is markup; only control characters need care.
            let body: String = d
                .chars()
                .map(|c| {
                    if c.is_control() && c != '\n' {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect();
            let fence = fence(&body);
            out.push_str(&format!("\n{fence}diff\n{body}{fence}\n"));
        }
    }
    out
}
