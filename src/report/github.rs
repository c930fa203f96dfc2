//! `claimcheck check --format github`: one GitHub Actions workflow command for each
//! source a finding is reported in (`::error file=…,line=…::message`, as SARIF has
//! one result each), which the runner turns into an annotation on that file.

use crate::read::{File, Source};
use crate::report::sarif::{Scope, fingerprint, per_source};
use crate::rules::{Finding, Severity};

/// Other control characters (escape sequences, NUL) have no escape in the runner's
/// format: they are shown as U+FFFD so nothing reaches the log as a control code.
fn clean(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\r' | '\n' | '%' => None,
        c if c.is_control() => Some('\u{FFFD}'),
        c => Some(c),
    }
}

/// Escapes a command's message: `%`, CR and LF, as the Actions toolkit does.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.extend(clean(c)),
        }
    }
    out
}

/// Escapes a property value: as data, plus `:` and `,`, which end properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One line a finding, nothing else (no findings: empty output).
pub fn render(findings: &[Finding], files: &[File], sources: &[Source]) -> String {
    render_with_errors(findings, files, sources, &[])
}

/// `render`, then one `::error` a skipped input file, annotating that file.
pub fn render_with_errors(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    errors: &[crate::Error],
) -> String {
    let scope = Scope {
        drafts: sources.len(),
        known: None,
    };
    render_scoped(findings, files, sources, errors, &scope)
}

/// `render_with_errors`, commands only for the sources `scope` allows.
pub fn render_scoped(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    errors: &[crate::Error],
    scope: &Scope,
) -> String {
    let mut out = String::new();
    let sides = findings
        .iter()
        .flat_map(|f| per_source(f, sources, scope.drafts))
        .filter(|f| {
            scope
                .known
                .is_none_or(|k| !k.contains(&fingerprint(f, files, sources)))
        });
    for f in sides {
        let f = &f;
        let cmd = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let place = f
            .places
            .iter()
            .find(|p| p.primary)
            .or(f.places.first())
            .and_then(|p| {
                let s = sources.get(p.source)?;
                Some((s, files.get(s.file)?.location(p.span.clone())))
            });
        let mut props = Vec::new();
        if let Some((s, loc)) = place {
            props.push(format!("file={}", escape_property(&s.path)));
            props.push(format!("line={}", loc.line));
            props.push(format!("col={}", loc.column));
            props.push(format!("endLine={}", loc.end_line));
            props.push(format!("endColumn={}", loc.end_column));
        }
        props.push(format!("title={}", escape_property(f.rule)));
        out.push_str(&format!(
            "::{cmd} {}::{}\n",
            props.join(","),
            escape_data(&f.message)
        ));
    }
    for e in errors {
        if let crate::Error::Input { path, msg, .. } = e {
            out.push_str(&format!(
                "::error file={},title=claimcheck::{}\n",
                escape_property(path),
                escape_data(&format!("{msg}; file skipped"))
            ));
        }
    }
    out
}
