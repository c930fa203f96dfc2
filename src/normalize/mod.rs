//! nom grammars for what articles state with numbers: quantities and dates.
//!
//! The grammars run on the working text (NFKC-normalized, so full-width digits are
//! ASCII). `scan_quantities` finds every quantity in a text in one pass: candidate
//! positions come from memchr (digits) and an Aho-Corasick automaton (number words,
//! Chinese numerals, qualifiers, currency words and signs); nom runs only there.

pub mod date;
pub mod number;
pub mod quantity;

pub use date::{DateValue, day_order, scan_dates, scan_dates_in};
pub use quantity::{Change, Qty, Qualifier, Unit, scan_quantities};
