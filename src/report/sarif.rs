//! `claimcheck check --format sarif`: SARIF 2.1.0 for GitHub code scanning and
//! other SARIF viewers. One run; every rule in `tool.driver.rules`; one result for
//! each source a finding is reported in (`engine::baseline::per_source`), located
//! at that source's place, with the other sides of the conflict as related
//! locations, so each file gets its own alert and fingerprint.

use foldhash::{HashMapExt, HashSet};

use serde_json::{Value, json};

use crate::kb::Kb;
use crate::read::{File, Source};
use crate::rules::{self, Finding, Place, Severity};

pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key under `partialFingerprints`; bump the version if the hashed fields change.
pub const FINGERPRINT_KEY: &str = "claimcheck/v2";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The severity `rules/` sets for a rule (None when it is `off`), else its default.
fn severity_in_force(kb: &Kb, r: &rules::Rule) -> Option<Severity> {
    Severity::of(r.level(kb))
}

/// `quantity-conflict` → `QuantityConflict` (SARIF suggests Pascal case rule names).
fn pascal(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(cs)
        })
        .collect()
}

fn rule_json(kb: &Kb, r: &rules::Rule) -> Value {
    let doc = r.doc();
    let in_force = severity_in_force(kb, r);
    let mut config = json!({"level": level(in_force.unwrap_or(r.default_severity))});
    if in_force.is_none() {
        config["enabled"] = json!(false);
    }
    json!({
        "id": r.id,
        "name": pascal(r.id),
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc},
        "defaultConfiguration": config,
    })
}

/// A path as a URI reference: `/` separators, everything but unreserved characters
/// percent-encoded (UTF-8), so spaces, `#`, `%` or `:` in names stay valid.
fn encode(path: &[u8], keep_colon: bool) -> String {
    let mut out = String::new();
    for b in path.iter().map(|&b| if b == b'\\' { b'/' } else { b }) {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (keep_colon && b == b':')
        {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The artifact location of a path as printed: relative paths against `%SRCROOT%`
/// (the working directory), absolute ones as `file://` URIs.
fn artifact(path: &str) -> Value {
    artifact_bytes(path.as_bytes())
}

/// The artifact location of a file: its real path's bytes percent-encoded (a name
/// that is not UTF-8 is printed with U+FFFD, but its URI points at the file).
fn artifact_of(file: &File, shown: &str) -> Value {
    match &file.real {
        #[cfg(unix)]
        Some(real) => {
            use std::os::unix::ffi::OsStrExt;
            artifact_bytes(real.as_os_str().as_bytes())
        }
        _ => artifact(shown),
    }
}

fn artifact_bytes(path: &[u8]) -> Value {
    let p: Vec<u8> = path
        .iter()
        .map(|&b| if b == b'\\' { b'/' } else { b })
        .collect();
    let drive = p.get(1) == Some(&b':') && p.get(2) == Some(&b'/');
    if p.first() == Some(&b'/') || drive {
        let lead = if drive { "/" } else { "" };
        json!({"uri": format!("file://{lead}{}", encode(&p, true))})
    } else {
        let mut rel = p.as_slice();
        while let Some(r) = rel.strip_prefix(b"./") {
            rel = r;
        }
        json!({"uri": encode(rel, false), "uriBaseId": "%SRCROOT%"})
    }
}

fn physical(p: &Place, files: &[File], sources: &[Source]) -> Option<Value> {
    let s = sources.get(p.source)?;
    let file = files.get(s.file)?;
    let loc = file.location(p.span.clone());
    Some(json!({
        "artifactLocation": artifact_of(file, &s.path),
        "region": {
            "startLine": loc.line, "startColumn": loc.column,
            "endLine": loc.end_line, "endColumn": loc.end_column,
            "snippet": {"text": loc.text},
        },
    }))
}

pub use crate::engine::baseline::{fingerprint, fnv1a64, per_source};

/// The SARIF log for a run's findings; `kb` gives the severities in force.
pub fn render(findings: &[Finding], files: &[File], sources: &[Source], kb: &Kb) -> String {
    render_with_errors(findings, files, sources, kb, &[])
}

/// `render` with the input files that were skipped: each a tool execution
/// notification of the run's invocation, which is then not successful.
pub fn render_with_errors(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    kb: &Kb,
    errors: &[crate::Error],
) -> String {
    let scope = Scope {
        drafts: sources.len(),
        known: None,
    };
    render_scoped(findings, files, sources, kb, errors, &scope)
}

/// Which sources get results of their own.
pub struct Scope<'a> {
    /// Only the first `drafts` sources (the others are an archive's).
    pub drafts: usize,
    /// A side whose fingerprint a baseline records gets no result.
    pub known: Option<&'a HashSet<u64>>,
}

/// `render_with_errors`, results only for the sources `scope` allows.
pub fn render_scoped(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    kb: &Kb,
    errors: &[crate::Error],
    scope: &Scope,
) -> String {
    let all = rules::all();
    let mut seen: foldhash::HashMap<u64, usize> = foldhash::HashMap::new();
    let results: Vec<Value> = findings
        .iter()
        .flat_map(|f| per_source(f, sources, scope.drafts))
        .filter(|f| {
            scope
                .known
                .is_none_or(|k| !k.contains(&fingerprint(f, files, sources)))
        })
        .map(|f| {
            let f = &f;
            let primary = f.places.iter().find(|p| p.primary).or(f.places.first());
            // Identical findings in one run get `:1`, `:2`, … as GitHub's own hashes do.
            let hash = fingerprint(f, files, sources);
            let n = seen.entry(hash).or_insert(0);
            *n += 1;
            let mut r = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": primary
                    .and_then(|p| physical(p, files, sources))
                    .map(|l| vec![json!({"physicalLocation": l})])
                    .unwrap_or_default(),
                "partialFingerprints": {FINGERPRINT_KEY: format!("{hash:016x}:{n}")},
            });
            if let Some(i) = all.iter().position(|r| r.id == f.rule) {
                r["ruleIndex"] = json!(i);
            }
            let related: Vec<Value> = f
                .places
                .iter()
                .filter(|p| !p.primary)
                .filter_map(|p| {
                    let id = sources.get(p.source).map_or("", |s| s.id.as_str());
                    let l = physical(p, files, sources)?;
                    Some((p, id, l))
                })
                .enumerate()
                .map(|(k, (p, id, l))| {
                    json!({
                        "id": k + 1,
                        "physicalLocation": l,
                        "message": {"text": format!("{} in {id}", p.normalized)},
                    })
                })
                .collect();
            if !related.is_empty() {
                r["relatedLocations"] = json!(related);
            }
            r
        })
        .collect();
    let mut log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": all.iter().map(|r| rule_json(kb, r)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    if !errors.is_empty() {
        let notes: Vec<Value> = errors.iter().map(notification).collect();
        log["runs"][0]["invocations"] =
            json!([{"executionSuccessful": false, "toolExecutionNotifications": notes}]);
    }
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// A skipped input file as a SARIF notification: its message, the file and, where
/// known, the byte offset as a region.
fn notification(e: &crate::Error) -> Value {
    let mut n = json!({"level": "error", "message": {"text": e.to_string()}});
    let (path, offset) = match e {
        crate::Error::Input { path, offset, .. } => (Some(path), *offset),
        crate::Error::Rules { path, .. } => (Some(path), None),
        crate::Error::Usage(_) | crate::Error::Internal(_) => (None, None),
    };
    if let Some(p) = path {
        let mut loc = json!({"artifactLocation": artifact(p)});
        if let Some(o) = offset {
            loc["region"] = json!({"byteOffset": o});
        }
        n["locations"] = json!([{"physicalLocation": loc}]);
    }
    n
}
