//! unknown-suppression, unused-suppression: inline suppressions that do nothing.
//!
//! A suppression silences the rules it names on one line: in Markdown and HTML
//! `<!-- claimcheck-disable-next-line RULE_ID -->` (ids separated by commas or
//! spaces) the next non-empty line, in plain text `claimcheck: ignore[RULE_ID]` its
//! own line. One that cannot work is reported, never ignored in silence:
//!
//! - `unknown-suppression`: an id that names no rule (a typo silences nothing), or a
//!   directive that names none at all (`ignore[]`, a bare `disable-next-line`);
//! - `unused-suppression`: an id that names a rule which found nothing on that line
//!   (the finding was fixed, or the comment sits on the wrong line). Remove it: a
//!   stale suppression would hide the next real finding there.
//!
//! Both are warnings by default; `[severity]` in `claimcheck.toml` sets them like any
//! rule. They are found after the other rules ran, from their findings; a
//! suppression naming one of these two ids silences its finding on its own line. A
//! draft checked `--against` an archive is judged by the findings reported in it.
//!
//! Example (tests/fixtures/unused-suppression/positive/article.txt):
//!   "Norland Mining produced 8,000 tonnes in 2024. claimcheck: ignore[quantity-conflict]"
//!   (no other source gives another figure)
//!   warning[unused-suppression]: suppression of "quantity-conflict" silences nothing
//!   on line 4

use super::{Ctx, Finding};

/// An id in a suppression that names no rule, or a suppression with no id.
pub const UNKNOWN: &str = "unknown-suppression";
/// An id that names a rule with no finding on the suppressed line.
pub const UNUSED: &str = "unused-suppression";

/// Neither has parameters.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {}

/// The rules run finds nothing: the engine reports these from the other rules'
/// findings (`engine::suppress`).
pub fn check(_: &Ctx) -> Vec<Finding> {
    Vec::new()
}
