//! Output formats. Every renderer returns the whole output as a string, so a run
//! that fails half-way prints nothing on stdout.

pub mod check;
pub mod corrections;
pub mod extract;
pub mod github;
pub mod html;
pub mod markdown;
pub mod sarif;

use serde_json::Value;

/// A number as JSON: integral values as integers (8500000000, not 8.5e9).
pub fn num(x: f64) -> Value {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

pub fn opt_num(x: Option<f64>) -> Value {
    x.map_or(Value::Null, num)
}

/// `{"name": "claimcheck", "version": …}`
pub fn tool() -> Value {
    serde_json::json!({"name": "claimcheck", "version": env!("CARGO_PKG_VERSION")})
}
