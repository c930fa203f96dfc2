//! `check --diff` and `--fix`: the findings' corrections, merged per file.

use std::ops::Range;

use crate::read::{File, Source};
use crate::rules::Finding;

/// One file's corrections: its text with every fix applied, and which findings
/// those fixes cover.
pub struct FileFix {
    /// Index into the run's files.
    pub file: usize,
    /// The original text with the fixes in place.
    pub fixed: String,
    /// The findings (indices into the run's findings) the fixes cover.
    pub covers: Vec<usize>,
}

/// Every file's fixes: each finding with an expected value replaces its primary
/// span's text in the original file. Fixes of one span to one value are one fix;
/// a fix that overlaps another one already taken is left out (its finding stays).
pub fn plan(findings: &[Finding], files: &[File], sources: &[Source]) -> Vec<FileFix> {
    // (file, original byte range, replacement, finding)
    let mut edits: Vec<(usize, Range<usize>, &str, usize)> = Vec::new();
    for (k, f) in findings.iter().enumerate() {
        let Some(expected) = &f.expected else {
            continue;
        };
        let Some(p) = f.places.iter().find(|p| p.primary) else {
            continue;
        };
        let Some(fi) = sources.get(p.source).map(|s| s.file) else {
            continue;
        };
        let Some(file) = files.get(fi) else { continue };
        let o = file.orig_range(p.span.clone());
        if file.raw.get(o.clone()).is_some() {
            edits.push((fi, o, expected.as_str(), k));
        }
    }
    edits.sort_by_key(|e| (e.0, e.1.start, e.1.end));
    let mut out: Vec<FileFix> = Vec::new();
    let mut i = 0;
    while i < edits.len() {
        let fi = edits[i].0;
        let raw = &files[fi].raw;
        let (mut fixed, mut covers, mut at) = (String::new(), Vec::new(), 0);
        let mut last: Option<(Range<usize>, &str)> = None;
        while i < edits.len() && edits[i].0 == fi {
            let (_, r, to, k) = edits[i].clone();
            i += 1;
            if last.as_ref().is_some_and(|(lr, lt)| *lr == r && *lt == to) {
                covers.push(k);
                continue;
            }
            if r.start < at {
                continue;
            }
            fixed.push_str(&raw[at..r.start]);
            fixed.push_str(to);
            at = r.end;
            covers.push(k);
            last = Some((r, to));
        }
        fixed.push_str(&raw[at..]);
        out.push(FileFix {
            file: fi,
            fixed,
            covers,
        });
    }
    out
}

/// The fixes as one unified diff per file, `a/PATH` and `b/PATH` headers, which
/// `git apply` and `patch -p1` take from the folder claimcheck ran in (an absolute
/// path loses its leading `/`: it applies from `/`).
pub fn render(findings: &[Finding], files: &[File], sources: &[Source]) -> String {
    let mut out = String::new();
    for fix in plan(findings, files, sources) {
        let file = &files[fix.file];
        let path = file.path.strip_prefix('/').unwrap_or(&file.path);
        let d = similar::TextDiff::from_lines(file.raw.as_str(), fix.fixed.as_str());
        out.push_str(
            &d.unified_diff()
                .context_radius(1)
                .header(&format!("a/{path}"), &format!("b/{path}"))
                .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Place, Severity};

    fn finding(span: Range<usize>, expected: &str) -> Finding {
        Finding {
            because: Vec::new(),
            lead: None,
            rule: "r",
            severity: Severity::Error,
            message: String::new(),
            subject: None,
            expected: Some(expected.into()),
            help: None,
            places: vec![Place {
                source: 0,
                span,
                normalized: String::new(),
                primary: true,
            }],
        }
    }

    #[test]
    fn fixes_merge_per_file_and_overlaps_are_left_out() {
        let text = "abc def ghi\n";
        let files = vec![File::plain("f.txt".into(), text.into())];
        let (_, sources) = crate::read::parse("f.txt", text.into());
        let findings = vec![
            finding(8..11, "GHI"),
            finding(0..3, "ABC"),
            // The same fix twice is one fix covering both.
            finding(0..3, "ABC"),
            // Overlaps a fix taken: left out, its finding stays.
            finding(2..5, "xx"),
        ];
        let plan = plan(&findings, &files, &sources);
        assert_eq!(plan.len(), 1);
        assert_eq!(plan[0].fixed, "ABC def GHI\n");
        let mut covers = plan[0].covers.clone();
        covers.sort();
        assert_eq!(covers, vec![0, 1, 2]);
    }
}
