//! Byte offsets: slices at offsets worked out on the same text, and line and column.

use std::ops::Range;

/// `s[r]` for a range worked out on `s` itself, whose ends are char boundaries by
/// construction. A broken invariant fails debug builds, tests and fuzzing; a release
/// build reads it as empty rather than stop on one article.
pub fn slice(s: &str, r: Range<usize>) -> &str {
    let got = s.get(r.clone());
    debug_assert!(
        got.is_some(),
        "{r:?} does not cut a {}-byte text on char boundaries",
        s.len()
    );
    got.unwrap_or_default()
}

/// `s[at..]`, `at` a char boundary by construction (see `slice`).
pub fn after(s: &str, at: usize) -> &str {
    slice(s, at..s.len())
}

/// `s[..at]`, `at` a char boundary by construction (see `slice`).
pub fn before(s: &str, at: usize) -> &str {
    slice(s, 0..at)
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let at = text.floor_char_boundary(offset.min(text.len()));
    let before = &text[..at];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
