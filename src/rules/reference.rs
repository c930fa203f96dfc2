//! reference-mismatch: a figure that contradicts a dated reference figure.
//!
//! The knowledge base records reference series with their source (a central bank's
//! policy rate with the day each level took effect; a survey's figure for a year). A
//! quantity whose window names a series' measure ("deposit facility rate", 政策利率)
//! in a sentence that names the series' body, in the series' unit, is checked against
//! the level in force on its day: the day its sentence gives, else the end of the
//! year its sentence names (a figure "for 2024" in an article of 2025), else its
//! article's date.
//! Because rates are decided days before they take effect, a level in force up to
//! `effective_lag_days` after that day is also accepted.
//! A range written as one ("4.50%-4.75%") must match a recorded range at both ends;
//! a single figure inside a recorded range holds.
//! A figure may name equivalent bases (lithium content is also given as lithium
//! carbonate equivalent, 5.323 times as heavy): a quantity that matches the value
//! on any of them holds. A worldwide figure has no subject: its terms name the scope
//! ("global lithium production") and it checks only quantities with no subject of
//! their own, so "Chile's output" is never compared with the world total.
//!
//! Example (tests/fixtures/reference-mismatch/positive/article.txt):
//!   (2025-03-05): "The Bank of Norland kept its policy rate at 3% on March 4"
//!   error[reference-mismatch]: Bank of Norland policy rate on 2025-03-04 was 2.5%
//!   (from 2025-01-01), not 3%

use chrono::{Datelike, Duration};

use super::{Ctx, Finding, Place, Severity};
use crate::claims::Kind;
use crate::text::num::num;

pub const ID: &str = "reference-mismatch";

/// The rule's parameters (`params` of its `[rule.ID]` in `rules/settings.toml`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    /// A rate decided on one day often takes effect days later: a figure stated for a
    /// day also holds if the reference series has it within this many days after.
    pub effective_lag_days: i64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            effective_lag_days: 7,
        }
    }
}

impl super::settings::Params for Params {
    const RULE: &'static str = ID;
}

pub fn check(cx: &Ctx) -> Vec<Finding> {
    let lag = cx.params::<Params>().effective_lag_days;
    let mut out = Vec::new();
    for c in cx.claims {
        let Kind::Quantity(q) = &c.kind else { continue };
        let (Some(f), Some(day)) = (q.key.figure, q.key.day) else {
            continue;
        };
        // "270,000 t in 2024" in an article of 2025 is the figure for 2024: look the
        // series up at the end of the year the sentence names.
        // A year's figure is that year's: a level taking effect days after it ends
        // is the next year's, so the lag is for days only.
        let (day, lag) = match q.key.period.parse::<i32>() {
            Ok(y) if !q.key.period_default && y != day.year() => {
                (chrono::NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(day), 0)
            }
            _ => (day, lag),
        };
        let fig = &cx.kb.figures[f];
        if q.qty.unit.map(|u| u.name()).as_deref() != Some(fig.unit.as_str()) {
            continue;
        }
        let (Some(lo), Some(hi)) = (q.qty.low, q.qty.high) else {
            continue;
        };
        let until = day + Duration::days(lag);
        let in_force: Vec<_> = fig
            .values
            .iter()
            .filter(|v| v.from <= until && v.to.is_none_or(|to| day <= to))
            .collect();
        if in_force.is_empty() {
            continue; // the series does not cover that day
        }
        // The figure's own basis, or any equivalent one (tolerance scaled alike).
        let factors = std::iter::once(1.0).chain(fig.equivalents.iter().map(|e| e.factor));
        let t = fig.tolerance;
        // A range written as one ("4.50%-4.75%") against a range the series records
        // must match at both ends: one step off shares an end but is another range.
        let written_range = q.qty.value.is_none() && q.qty.qualifier.is_none() && lo < hi;
        let holds = factors.into_iter().any(|k| {
            in_force.iter().any(|v| {
                if written_range && v.low < v.high {
                    (lo - v.low * k).abs() <= t * k && (hi - v.high * k).abs() <= t * k
                } else {
                    lo <= v.high * k + t * k && v.low * k - t * k <= hi
                }
            })
        });
        if holds {
            continue;
        }
        let now = fig
            .values
            .iter()
            .find(|v| v.from <= day && v.to.is_none_or(|to| day <= to))
            .or(in_force.first().copied());
        let Some(now) = now else { continue };
        let level = now.level();
        let stated = super::quantity::render(q);
        // As an article would write it, so `--diff` gives a usable correction.
        let expected = match fig.unit.as_str() {
            "percent" => format!("{level}%"),
            unit => format!("{level} {unit}"),
        };
        out.push(Finding {
            because: Vec::new(),
            lead: None,
            rule: ID,
            severity: Severity::Error,
            message: match now.to {
                // A figure for a whole year reads as that year's figure.
                Some(to)
                    if now.from.ordinal() == 1
                        && to.year() == now.from.year()
                        && to.month() == 12
                        && to.day() == 31 =>
                {
                    format!(
                        "{} in {} was {expected}, not {stated}",
                        fig.name,
                        now.from.year()
                    )
                }
                _ => format!(
                    "{} on {day} was {expected} (from {}), not {stated}",
                    fig.name, now.from
                ),
            },
            subject: Some(fig.name.clone()),
            expected: Some(expected.clone()),
            help: Some(format!(
                "{}source: {}, {} ({})",
                equivalents(fig, now),
                fig.source.publisher,
                fig.source.document,
                fig.source.date
            )),
            places: vec![Place {
                source: c.source,
                span: c.span.clone(),
                normalized: stated,
                primary: true,
            }],
        });
    }
    out
}

/// "or 260,800 t lithium carbonate equivalent; " for a figure with other bases.
fn equivalents(fig: &crate::kb::Figure, v: &crate::kb::FigureValue) -> String {
    let mut out = String::new();
    for e in &fig.equivalents {
        let (lo, hi) = (v.low * e.factor, v.high * e.factor);
        let level = if lo == hi {
            num(lo.round()).to_string()
        } else {
            format!("{}-{}", num(lo.round()), num(hi.round()))
        };
        out.push_str(&format!("or {level} {} {}; ", fig.unit, e.basis));
    }
    out
}
