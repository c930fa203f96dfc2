//! Baselines: adopt claimcheck on an existing archive by recording today's findings
//! and reporting only new ones.
//!
//! A finding is recorded per source it is reported in (`per_source`: every source
//! with a place in it, except those that give the value the knowledge base says is
//! right), by the SARIF fingerprint of that side: the rule, the file's path relative
//! to the project root (however it was typed), and that source's values and located
//! text, not line numbers, so edits elsewhere in a file keep it. A new article that
//! repeats a known error is a new side of an old finding: it is reported, the old
//! side is not.

use foldhash::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::read::{File, Source};
use crate::rules::{Finding, Place};

/// The file format, versioned so a later claimcheck can tell old files.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Baseline {
    version: u32,
    /// Fingerprints as 16 hex digits, sorted.
    fingerprints: Vec<String>,
}

/// Version 1 hashed whole findings with paths as typed; version 2 hashes each
/// source's side with its path relative to the project root.
const VERSION: u32 = 2;

/// Writes the fingerprints of `findings` to `path`, one for each side (through a
/// temporary file and a rename, so an interrupted run leaves no half-written
/// baseline); returns how many findings it records.
pub fn write(
    path: &Path,
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
) -> Result<usize, Error> {
    let mut fps: Vec<String> = findings
        .iter()
        .flat_map(|f| per_source(f, sources, sources.len()))
        .map(|f| format!("{:016x}", fingerprint(&f, files, sources)))
        .collect();
    fps.sort();
    fps.dedup();
    let n = findings.len();
    let body = serde_json::to_string_pretty(&Baseline {
        version: VERSION,
        fingerprints: fps,
    })
    .map_err(|e| Error::internal(format!("cannot encode the baseline: {e}")))?;
    crate::atomic::write(path, (body + "\n").as_bytes()).map_err(|e| {
        Error::Usage(format!(
            "{}: cannot write the baseline: {e}",
            path.display()
        ))
    })?;
    Ok(n)
}

/// The fingerprints recorded in a baseline file.
pub fn read(path: &Path) -> Result<HashSet<u64>, Error> {
    let shown = path.display().to_string();
    let text = crate::read::small_file(path, crate::read::MAX_BASELINE, "the baseline")?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| Error::Rules {
        path: shown.clone(),
        line: e.line(),
        column: e.column(),
        msg: format!("not a claimcheck baseline: {e}"),
    })?;
    if b.version == 1 {
        return Err(Error::Usage(format!(
            "{shown}: a version 1 baseline, whose fingerprints depend on how the paths were typed; record it again with `claimcheck check PATH... --write-baseline {shown}` (from the same commit, so that it records the same findings)"
        )));
    }
    if b.version != VERSION {
        return Err(Error::Usage(format!(
            "{shown}: baseline version {} is not {VERSION}",
            b.version
        )));
    }
    b.fingerprints
        .iter()
        .map(|h| {
            u64::from_str_radix(h, 16)
                .map_err(|_| Error::Usage(format!("{shown}: \"{h}\" is not a fingerprint")))
        })
        .collect()
}

/// The findings with a side not recorded in the baseline. A finding whose
/// primary side is recorded but another is not is kept, that side made primary.
/// Only the first `drafts` sources are sides (the others are an archive's).
pub fn new_only(
    findings: Vec<Finding>,
    files: &[File],
    sources: &[Source],
    drafts: usize,
    known: &HashSet<u64>,
) -> Vec<Finding> {
    findings
        .into_iter()
        .filter_map(|f| {
            let mut sides = per_source(&f, sources, drafts).into_iter();
            sides.find(|s| !known.contains(&fingerprint(s, files, sources)))
        })
        .collect()
}

/// A finding once for each source it is reported in, that source's first place as
/// the primary one (the message restated from that side), the others related: the
/// primary's source first, then every other source with a place (below `drafts`),
/// except, when the knowledge base says which value is right, those giving it.
pub fn per_source(f: &Finding, sources: &[Source], drafts: usize) -> Vec<Finding> {
    let right = |p: &Place| {
        f.expected
            .as_deref()
            .is_some_and(|e| e.trim().eq_ignore_ascii_case(p.normalized.trim()))
    };
    let primary = f.places.iter().position(|p| p.primary).unwrap_or(0);
    let mut seen: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let order = std::iter::once(primary).chain((0..f.places.len()).filter(|&i| i != primary));
    for i in order {
        let Some(p) = f.places.get(i) else { continue };
        if seen.contains(&p.source) {
            continue;
        }
        seen.push(p.source);
        if i != primary && (p.source >= drafts || right(p)) {
            continue;
        }
        let mut g = f.clone();
        if i != primary {
            for q in &mut g.places {
                q.primary = false;
            }
            let mut q = g.places.remove(i);
            q.primary = true;
            g.places.insert(0, q);
            g.restate(sources);
        }
        out.push(g);
    }
    if out.is_empty() {
        out.push(f.clone());
    }
    out
}

/// FNV-1a, 64 bits: a small hash whose value never changes across Rust versions.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A hash of what a finding is about in its primary source, not where it sits: the
/// rule, the file's `key` (its path relative to the project root) and, for each of
/// the finding's places in that source, its normalized value and located text. Line
/// numbers and the other sources are left out, so edits elsewhere in a file and
/// new articles repeating the finding keep it.
pub fn fingerprint(f: &Finding, files: &[File], sources: &[Source]) -> u64 {
    let mut buf: Vec<u8> = f.rule.as_bytes().to_vec();
    let primary = f.places.iter().find(|p| p.primary).or(f.places.first());
    let Some(side) = primary.map(|p| p.source) else {
        return fnv1a64(&buf);
    };
    let file = sources.get(side).and_then(|s| files.get(s.file));
    buf.push(0);
    buf.extend_from_slice(file.map_or("", |f| f.key.as_str()).as_bytes());
    for p in f.places.iter().filter(|p| p.source == side) {
        let text = file.map_or(String::new(), |file| file.location(p.span.clone()).text);
        for part in [p.normalized.as_str(), text.as_str()] {
            buf.push(0);
            buf.extend_from_slice(part.as_bytes());
        }
    }
    fnv1a64(&buf)
}
