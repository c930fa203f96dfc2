//! Baselines: adopt claimcheck on an existing archive by recording today's findings
//! (by their SARIF fingerprint: rule, paths, values and located text, not line
//! numbers, so edits elsewhere in a file keep them) and reporting only new ones.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::read::{File, Source};
use crate::rules::Finding;

/// The file format, versioned so a later claimcheck can tell old files.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Baseline {
    version: u32,
    /// Fingerprints as 16 hex digits, sorted.
    fingerprints: Vec<String>,
}

const VERSION: u32 = 1;

/// Writes the fingerprints of `findings` to `path` (through a temporary file and a
/// rename, so an interrupted run leaves no half-written baseline).
pub fn write(
    path: &Path,
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
) -> Result<usize, Error> {
    let mut fps: Vec<String> = findings
        .iter()
        .map(|f| format!("{:016x}", fingerprint(f, files, sources)))
        .collect();
    fps.sort();
    fps.dedup();
    let n = fps.len();
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
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::Usage(format!("{shown}: cannot read the baseline: {e}")))?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| Error::Rules {
        path: shown.clone(),
        line: e.line(),
        column: e.column(),
        msg: format!("not a claimcheck baseline: {e}"),
    })?;
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

/// The findings not recorded in the baseline.
pub fn new_only(
    findings: Vec<Finding>,
    files: &[File],
    sources: &[Source],
    known: &HashSet<u64>,
) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| !known.contains(&fingerprint(f, files, sources)))
        .collect()
}

/// FNV-1a, 64 bits: a small hash whose value never changes across Rust versions.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A hash of what a finding is about, not where it sits: the rule, and for every
/// place its path, normalized value and located text. Line numbers are left out so
/// edits elsewhere in a file keep the fingerprint.
pub fn fingerprint(f: &Finding, files: &[File], sources: &[Source]) -> u64 {
    let mut buf: Vec<u8> = f.rule.as_bytes().to_vec();
    for p in &f.places {
        let (path, text) = sources
            .get(p.source)
            .map_or((String::new(), String::new()), |s| {
                let text = files
                    .get(s.file)
                    .map_or(String::new(), |file| file.location(p.span.clone()).text);
                (s.path.clone(), text)
            });
        for part in [path.as_str(), p.normalized.as_str(), text.as_str()] {
            buf.push(0);
            buf.extend_from_slice(part.as_bytes());
        }
    }
    fnv1a64(&buf)
}
