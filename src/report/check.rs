//! `claimcheck check`: findings as JSON (the contract) and rustc-style diagnostics.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::{Value, json};

use super::tool;
use crate::claims::Claim;
use crate::read::{File, Source};
use crate::rules::{Finding, Place, Severity, diff};

/// The two sides of a finding as a diff: the primary value against the expected
/// value, or against the first other side.
pub fn finding_diff(f: &Finding) -> Option<String> {
    let primary = f.places.iter().find(|p| p.primary)?;
    let other = f.expected.clone().or_else(|| {
        f.places
            .iter()
            .find(|p| !p.primary)
            .map(|p| p.normalized.clone())
    })?;
    (other != primary.normalized).then(|| diff(&primary.normalized, &other))
}

fn place_json(p: &Place, files: &[File], sources: &[Source]) -> Value {
    let s = &sources[p.source];
    let loc = files[s.file].location(p.span.clone());
    json!({
        "source": s.id, "path": s.path,
        "line": loc.line, "column": loc.column, "end_line": loc.end_line, "end_column": loc.end_column,
        "text": loc.text, "normalized": p.normalized,
        "role": if p.primary { "primary" } else { "related" },
    })
}

pub fn finding_json(f: &Finding, files: &[File], sources: &[Source]) -> Value {
    let mut v = json!({
        "rule": f.rule,
        "severity": f.severity.name(),
        "message": f.message,
        "subject": f.subject,
        "locations": f.places.iter().map(|p| place_json(p, files, sources)).collect::<Vec<_>>(),
    });
    if let Some(e) = &f.expected {
        v["expected"] = json!(e);
    }
    if let Some(d) = finding_diff(f) {
        v["diff"] = json!(d);
    }
    if let Some(h) = &f.help {
        v["help"] = json!(h);
    }
    // Why the sides were taken for one claim (quantity-conflict's alignment).
    if !f.because.is_empty() {
        v["because"] = json!(f.because);
    }
    v
}

pub fn summary(findings: &[Finding], sources: usize, claims: usize) -> Value {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    json!({
        "sources": sources, "claims": claims, "findings": findings.len(),
        "error": count(Severity::Error), "warning": count(Severity::Warning), "info": count(Severity::Info),
    })
}

pub fn json(findings: &[Finding], files: &[File], sources: &[Source], claims: &[Claim]) -> String {
    json_counted(findings, files, sources, claims.len())
}

/// A source as `extract::source_json` writes it, serialized without building a
/// `Value` first (a check against a large archive lists every source); the keys in
/// the order a `Value` object sorts them.
#[derive(serde::Serialize)]
struct SourceOut<'a> {
    date: Option<String>,
    id: &'a str,
    lang: &'a str,
    path: &'a str,
    title: &'a Option<String>,
}

/// The document, keys sorted as in a `Value` object.
#[derive(serde::Serialize)]
struct Doc<'a> {
    /// The input files skipped (`Error::to_json`); absent when none was.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<Value>,
    findings: Vec<Value>,
    sources: Vec<SourceOut<'a>>,
    summary: Value,
    tool: Value,
}

/// `json` given the number of claims (a check against a claim index has not loaded them all).
pub fn json_counted(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    claims: usize,
) -> String {
    json_with_errors(findings, files, sources, claims, &[])
}

/// `json_counted` with the input files that were skipped, listed under `errors`.
pub fn json_with_errors(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    claims: usize,
    errors: &[crate::Error],
) -> String {
    let v = Doc {
        errors: errors.iter().map(crate::Error::to_json).collect(),
        tool: tool(),
        sources: sources
            .iter()
            .map(|s| SourceOut {
                date: s.date.map(|d| d.format("%Y-%m-%d").to_string()),
                id: &s.id,
                lang: s.lang,
                path: &s.path,
                title: &s.title,
            })
            .collect(),
        findings: findings
            .iter()
            .map(|f| finding_json(f, files, sources))
            .collect(),
        summary: summary(findings, sources.len(), claims),
    };
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// The whole lines a span sits on and the span within them; the renderer trims
/// long lines to the terminal width around the span.
fn excerpt(file: &File, p: &Place) -> (String, usize, std::ops::Range<usize>) {
    let o = file.orig_range(p.span.clone());
    let (line, _) = file.position(o.start);
    let line_start = file.line_starts.get(line - 1).copied().unwrap_or(0);
    let (end_line, _) = file.position(o.end);
    let line_end = file
        .line_starts
        .get(end_line)
        .copied()
        .unwrap_or(file.raw.len())
        .min(file.raw.len());
    let text = file
        .raw
        .get(line_start..line_end)
        .unwrap_or("")
        .trim_end_matches(['\n', '\r']);
    let e = (o.end - line_start).min(text.len());
    (text.to_string(), line, o.start - line_start..e)
}

/// rustc-style diagnostics, one a finding, then a summary line.
pub fn human(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    claims: usize,
    color: bool,
) -> String {
    human_with_errors(findings, files, sources, claims, color, &[])
}

/// `human`, then a line for each input file that was skipped.
pub fn human_with_errors(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    claims: usize,
    color: bool,
    errors: &[crate::Error],
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let excerpts: Vec<(String, usize, std::ops::Range<usize>, &Place)> = f
            .places
            .iter()
            .map(|p| {
                let (t, l, r) = excerpt(&files[sources[p.source].file], p);
                (t, l, r, p)
            })
            .collect();
        // A name with a line break or an escape sequence would break the `-->` line.
        let ids: Vec<String> = f
            .places
            .iter()
            .map(|p| crate::text::escape_name(&sources[p.source].id).into_owned())
            .collect();
        let mut group = Group::with_title(level.primary_title(f.message.as_str()).id(f.rule));
        for (k, (text, line, span, p)) in excerpts.iter().enumerate() {
            let kind = if p.primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            group = group.element(
                Snippet::source(text.as_str())
                    .line_start(*line)
                    .path(ids[k].as_str())
                    .annotation(kind.span(span.clone()).label(p.normalized.as_str())),
            );
        }
        let mut report = vec![group];
        if let Some(e) = &f.expected {
            report.push(Group::with_title(
                Level::NOTE.secondary_title(format!("expected: {e}")),
            ));
        }
        if let Some(h) = &f.help {
            report.push(Group::with_title(Level::HELP.secondary_title(h.as_str())));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    out.push_str(&format!(
        "{} finding{} ({} error, {} warning, {} info) in {} source{}, {} claim{}\n",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" },
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
        claims,
        if claims == 1 { "" } else { "s" },
    ));
    for e in errors {
        out.push_str(&format!(
            "skipped: {}\n",
            crate::text::escape_name(&e.to_string())
        ));
    }
    out
}
