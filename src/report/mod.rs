//! Output formats. Every renderer returns the whole output as a string, so a run
//! that fails half-way prints nothing on stdout.

pub mod check;
pub mod claimreview;
pub mod corrections;
pub mod extract;
pub mod github;
pub mod html;
pub mod markdown;
pub mod sarif;

use serde_json::Value;

pub use crate::text::num::{num, opt_num};

/// `{"name": "claimcheck", "version": …}`
pub fn tool() -> Value {
    serde_json::json!({"name": "claimcheck", "version": env!("CARGO_PKG_VERSION")})
}
