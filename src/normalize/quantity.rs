//! Quantities: a number (or range) with its scale, unit and qualifier.

use std::ops::Range;

mod grammar;
mod lexicon;
mod qualifier;
mod scan;
mod unit;

/// What a quantity is measured in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Unit {
    /// Value in percentage points: 92 for 92%.
    Percent,
    /// A change or difference in percentage points ("half a percentage point", "50 basis points" = 0.5).
    PercentagePoint,
    /// ISO 4217 code; value in whole units (8.5e9 for "$8.5 billion").
    Currency([u8; 3]),
    /// Metric tonnes.
    Tonne,
    Kg,
    Year,
    Month,
    Week,
    Day,
    Hour,
    /// Gigawatt-hours (battery and energy capacity).
    Gwh,
}

impl Unit {
    /// The name used in the JSON output (`percent`, `USD`, `t`, …).
    pub fn name(&self) -> String {
        match self {
            Unit::Percent => "percent".into(),
            Unit::PercentagePoint => "percentage_point".into(),
            Unit::Currency(c) => String::from_utf8_lossy(c).into_owned(),
            Unit::Tonne => "t".into(),
            Unit::Kg => "kg".into(),
            Unit::Year => "year".into(),
            Unit::Month => "month".into(),
            Unit::Week => "week".into(),
            Unit::Day => "day".into(),
            Unit::Hour => "hour".into(),
            Unit::Gwh => "GWh".into(),
        }
    }
}

/// A word that turns a stated number into a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Qualifier {
    /// "over", "more than", 超过, 逾, 以上: above x (bounds: low = x).
    Over,
    /// "at least", 至少, 不少于: x or more (low = x).
    AtLeast,
    /// "nearly", "almost", 近, 将近: a little under x (high = x).
    Nearly,
    /// "about", "around", "approximately", 约, 左右: within a tolerance of x
    /// (low = high = x; the rules widen it).
    About,
    /// "up to", "as much as", 最高, 最多: at most x (high = x).
    UpTo,
    /// "less than", "under", "below", 不到, 以下: below x (high = x).
    LessThan,
}

/// A figure that states a change rather than a level: "from X to Y" (X is `From`, Y is
/// `To`), "rose to X", 增至X (`To`), "by X", "rose X", 增长了X, "three more" (`By`).
/// What the figure is a change of is left to the claim layer; the marker only says how
/// the figure relates to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Change {
    /// The level before the change: "from 25 cents", 从5%.
    From,
    /// The level after it: "to $71.65", "rose to 3%", 降至4%.
    To,
    /// The size of the change: "by 5%", "rose 22%", 增加了3万吨, "three more smelters".
    By,
}

/// A normalized quantity.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Qty {
    /// The stated number in `unit` (None for a range).
    pub value: Option<f64>,
    /// Inclusive bounds after qualifiers and ranges; None where unbounded.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<Unit>,
    /// "per share", "per tonne", 每股, 每吨: what the unit is counted per.
    pub per: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// What is counted when there is no unit ("weapon systems", 实体), as written.
    pub noun: Option<String>,
    /// Set when the figure is one end or the size of a change (`Change`); None for a
    /// level or a range ("between X and Y" is a range, "from X to Y" two ends of a change).
    #[serde(default)]
    pub change: Option<Change>,
}

/// Every quantity in `text`, in order, with its byte range (qualifier and unit included).
///
/// One pass: candidate positions come from memchr (ASCII digits) and one Aho-Corasick
/// automaton (number words, Chinese numerals, qualifiers, currency signs); the nom
/// grammar runs only there, and the scan resumes after each match. Years, dates, times,
/// codes and digits glued to words are skipped. Never panics; ranges are on char
/// boundaries.
pub fn scan_quantities(text: &str) -> Vec<(Range<usize>, Qty)> {
    scan::scan(text)
}
