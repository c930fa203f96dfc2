//! `check --diff`: each correction as a unified diff of its article.

use crate::read::{File, Source};
use crate::rules::Finding;

/// Each finding with an expected value as a unified diff of its article: the
/// primary span's text replaced by the expected value, in memory only.
pub fn render(findings: &[Finding], files: &[File], sources: &[Source]) -> String {
    let mut out = String::new();
    for f in findings {
        let Some(expected) = &f.expected else {
            continue;
        };
        let Some(p) = f.places.iter().find(|p| p.primary) else {
            continue;
        };
        let Some(file) = sources.get(p.source).and_then(|s| files.get(s.file)) else {
            continue;
        };
        let o = file.orig_range(p.span.clone());
        let (Some(before), Some(after)) = (file.raw.get(..o.start), file.raw.get(o.end..)) else {
            continue;
        };
        let fixed = format!("{before}{expected}{after}");
        let d = similar::TextDiff::from_lines(file.raw.as_str(), fixed.as_str());
        out.push_str(
            &d.unified_diff()
                .context_radius(1)
                .header(&file.path, &file.path)
                .to_string(),
        );
    }
    out
}
