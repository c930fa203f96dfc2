//! quantity-conflict: the same quantity given values that cannot both hold.
//!
//! Quantities are indexed by what they measure: their measure key (the vocabulary
//! terms around them: "processing capacity" is not "refining capacity", "heavy rare
//! earth refining" is not "refining"), unit (currencies are not converted), period
//! (the year, quarter or day the sentence ties them to, else the article's year) and
//! whether they report a past period or state a current or expected figure. Within a
//! group, two claims conflict when their value intervals do not meet once qualifiers
//! ("over 90%" holds with 91%; "about" and "nearly" widen by `about_tolerance` and
//! `nearly_tolerance`), ranges and rounding (`relative_tolerance`) are applied, their
//! subjects (the entity named before each) do not differ, and they are the same
//! party's figure: both name the same subject (within one article, this is required;
//! across articles that share at least `min_shared_entities` entities, it suffices);
//! or one names a person or organization that the other article names too; or neither
//! names one, the articles name a person or organization in common and the measure
//! is specific (two or more terms, not just "growth").
//! Claims with no known measure are never compared.
//!
//! Example (tests/fixtures/quantity-conflict/positive/article.txt):
//!   #1: "The Norland Minerals Agency said lithium production reached 12,000 tonnes in 2024"
//!   #2: "The Norland Minerals Agency said lithium production reached 8,000 tonnes in 2024"
//!   error[quantity-conflict]: lithium production for 2024 is 8000 t here, but 12000 t in #1

use std::collections::HashMap;

use super::{Ctx, Finding, Place, Severity, groups};
use super::{Key, Keys};
use crate::claims::Claim;
use crate::claims::{Kind, Modality, QuantityClaim};
use crate::kb::Kb;
use crate::normalize::Qualifier;
use crate::text::num::num;

pub const ID: &str = "quantity-conflict";

/// The rule's parameters (`params` of its `[rule.ID]` in `rules/settings.toml`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    /// Relative tolerance of an exact figure (rounding).
    pub relative_tolerance: f64,
    /// Relative tolerance of "about", "around", 约.
    pub about_tolerance: f64,
    /// How far below its figure "nearly" reaches, relatively.
    pub nearly_tolerance: f64,
    /// Entities two sources must name in common to be about one story.
    pub min_shared_entities: usize,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            relative_tolerance: 0.02,
            about_tolerance: 0.1,
            nearly_tolerance: 0.1,
            min_shared_entities: 1,
        }
    }
}

impl super::settings::Params for Params {
    const RULE: &'static str = ID;
}

/// The interval of values a claim allows.
pub fn interval(q: &QuantityClaim, rt: f64, about: f64, nearly: f64) -> (f64, f64) {
    let qty = &q.qty;
    let widen = |lo: f64, hi: f64, t: f64| (lo - lo.abs() * t, hi + hi.abs() * t);
    match (qty.value, qty.qualifier) {
        (Some(x), Some(Qualifier::About)) => widen(x, x, about),
        (Some(x), Some(Qualifier::Nearly)) => (x - x.abs() * nearly, x),
        _ => {
            let lo = qty.low.unwrap_or(f64::NEG_INFINITY);
            let hi = qty.high.unwrap_or(f64::INFINITY);
            let (lo, hi) = widen(lo, hi, rt);
            (lo, hi)
        }
    }
}

/// The value as people read it: `180000 t`, `280000..300000 t`, `>= 90 percent`.
pub fn render(q: &QuantityClaim) -> String {
    let qty = &q.qty;
    let unit = crate::claims::quantities::unit_key(qty);
    let v = match (qty.value, qty.low, qty.high) {
        (Some(v), _, _) => {
            let prefix = match qty.qualifier {
                Some(Qualifier::Over) => "> ",
                Some(Qualifier::AtLeast) => ">= ",
                Some(Qualifier::UpTo) => "<= ",
                Some(Qualifier::LessThan) => "< ",
                Some(Qualifier::Nearly) => "nearly ",
                Some(Qualifier::About) => "about ",
                None => "",
            };
            format!("{prefix}{}", num(v))
        }
        (None, Some(l), Some(h)) => format!("{}..{}", num(l), num(h)),
        (None, Some(l), None) => format!(">= {}", num(l)),
        (None, None, Some(h)) => format!("<= {}", num(h)),
        _ => "?".into(),
    };
    let noun = qty
        .noun
        .as_deref()
        .filter(|_| qty.unit.is_none())
        .unwrap_or("");
    match unit.as_str() {
        "percent" => format!("{v}%"),
        _ => format!("{v} {unit}{noun}").trim().to_string(),
    }
}

pub fn check(cx: &Ctx) -> Vec<Finding> {
    let p: Params = cx.params();
    let (rt, about, nearly) = (p.relative_tolerance, p.about_tolerance, p.nearly_tolerance);
    let min_shared = p.min_shared_entities;
    // Index by what is measured; cost grows with the number of claims.
    let mut index: HashMap<(String, String, String, bool), Vec<usize>> = HashMap::new();
    for (i, c) in cx.claims.iter().enumerate() {
        let Kind::Quantity(q) = &c.kind else { continue };
        if q.key.measure.is_empty() || q.key.period.is_empty() {
            continue;
        }
        let unit = crate::claims::quantities::unit_key(&q.qty);
        index
            .entry((
                q.key.measure.clone(),
                unit,
                q.key.period.clone(),
                q.key.modality == Modality::Actual,
            ))
            .or_default()
            .push(i);
    }
    let mut keys: Vec<_> = index.keys().cloned().collect();
    keys.sort();
    let mut out = Vec::new();
    for key in keys {
        let members = &index[&key];
        if members.len() < 2 {
            continue;
        }
        let q = |i: usize| match &cx.claims[i].kind {
            Kind::Quantity(q) => Some(q),
            _ => None,
        };
        let mut pairs = Vec::new();
        for (a_pos, b_pos) in candidates(cx, members, rt, about, nearly) {
            let (a, b) = (members[a_pos], members[b_pos]);
            let (Some(qa), Some(qb)) = (q(a), q(b)) else {
                continue;
            };
            let (sa, sb) = (cx.claims[a].source, cx.claims[b].source);
            if !cx.tied(sa, sb, &qa.key, &qb.key, min_shared) {
                continue;
            }
            let (la, ha) = interval(qa, rt, about, nearly);
            let (lb, hb) = interval(qb, rt, about, nearly);
            if ha < lb || hb < la {
                pairs.push((a_pos, b_pos));
            }
        }
        let mut degree = vec![0usize; members.len()];
        for &(x, y) in &pairs {
            degree[x] += 1;
            degree[y] += 1;
        }
        for g in groups(members.len(), &pairs) {
            // The claim in most conflicts is the primary; ties: the later one.
            let primary = g
                .iter()
                .copied()
                .max_by_key(|&k| (degree[k], k))
                .unwrap_or(g[0]);
            let mut places: Vec<Place> = g
                .iter()
                .map(|&k| {
                    let c = &cx.claims[members[k]];
                    Place {
                        source: c.source,
                        span: c.span.clone(),
                        normalized: q(members[k]).map(render).unwrap_or_default(),
                        primary: k == primary,
                    }
                })
                .collect();
            places.sort_by_key(|p| !p.primary);
            let (measure, _, period, _) = &key;
            let mut f = Finding {
                lead: Some(format!("{} for {period} is", measure.replace('+', " "))),
                rule: ID,
                severity: Severity::Error,
                message: String::new(),
                subject: Some(format!("{} ({period})", measure.replace('+', " "))),
                expected: None,
                help: Some("these figures cannot all hold; check which source is right".into()),
                places,
            };
            f.restate(cx.sources);
            out.push(f);
        }
    }
    out
}

/// The pairs of positions in `members` (first < second, sorted) that can conflict: a
/// superset of the pairs `check` keeps, found without comparing every pair. Two claims
/// can only be tied through an entity both are attached to (a claim's subject; for a
/// claim with none, each person or organization its source names), and can only
/// conflict when their intervals are disjoint: within each entity's claims sorted by
/// interval ends, those are a suffix (starting above the claim's high end) and a prefix
/// (ending below its low end). The cost is the sorting plus the disjoint pairs, not
/// every pair of a group.
fn candidates(
    cx: &Ctx,
    members: &[usize],
    rt: f64,
    about: f64,
    nearly: f64,
) -> Vec<(usize, usize)> {
    let mut by_entity: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut bounds = Vec::with_capacity(members.len());
    for (k, &m) in members.iter().enumerate() {
        let Kind::Quantity(q) = &cx.claims[m].kind else {
            bounds.push((f64::NAN, f64::NAN));
            continue;
        };
        bounds.push(interval(q, rt, about, nearly));
        match &q.key.subject {
            Some(x) => by_entity.entry(x.as_str()).or_default().push(k),
            None => {
                for id in &cx.entities[cx.claims[m].source] {
                    let actor = cx
                        .kb
                        .entity(id)
                        .is_some_and(|e| e.kind != crate::kb::EntityType::Place);
                    if actor {
                        by_entity.entry(id.as_str()).or_default().push(k);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    let pair = |x: usize, y: usize| (x.min(y), x.max(y));
    for ks in by_entity.values() {
        if ks.len() < 2 {
            continue;
        }
        // NaN bounds never order: such a claim is paired with all (the caller's test
        // decides, as it would have).
        let (odd, mut by_lo): (Vec<usize>, Vec<usize>) = ks
            .iter()
            .partition(|&&k| bounds[k].0.is_nan() || bounds[k].1.is_nan());
        for &k in &odd {
            out.extend(ks.iter().filter(|&&j| j != k).map(|&j| pair(k, j)));
        }
        let mut by_hi = by_lo.clone();
        by_lo.sort_by(|&x, &y| bounds[x].0.total_cmp(&bounds[y].0));
        by_hi.sort_by(|&x, &y| bounds[x].1.total_cmp(&bounds[y].1));
        for &a in &by_lo {
            let (la, ha) = bounds[a];
            let above = by_lo.partition_point(|&b| bounds[b].0 <= ha);
            out.extend(by_lo[above..].iter().map(|&b| pair(a, b)));
            let below = by_hi.partition_point(|&b| bounds[b].1 < la);
            out.extend(by_hi[..below].iter().map(|&b| pair(a, b)));
        }
    }
    out.retain(|(x, y)| x != y);
    out.sort_unstable();
    out.dedup();
    out
}

/// Figures with a measure and a period by (measure, unit, period, actual or not).
pub fn keys(_: &Kb) -> Box<dyn Keys + '_> {
    Box::new(ByMeasure)
}

struct ByMeasure;

impl Keys for ByMeasure {
    fn stored(&self, c: &Claim, out: &mut Vec<Key>) {
        let Kind::Quantity(q) = &c.kind else { return };
        if q.key.measure.is_empty() || q.key.period.is_empty() {
            return;
        }
        let unit = crate::claims::quantities::unit_key(&q.qty);
        let actual = if q.key.modality == Modality::Actual {
            "actual"
        } else {
            "other"
        };
        out.push(Key::new(
            'q',
            &[&q.key.measure, &unit, &q.key.period, actual],
        ));
    }
}
