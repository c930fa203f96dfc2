//! A figure meets a reference figure through its frame, not only through the
//! reference's exact term: "graphite dug from Chinese mines totalled 900,000
//! tonnes in 2024" is China's graphite mine production for 2024, as "China's
//! graphite production" is. The figure's subject must be the reference's body, its
//! unit the reference's, and the measures near it (in its clause) must hold every
//! measure of one of the reference's terms ("mined graphite": mining, graphite),
//! or leave its class unnamed where `[[exclusive]]` reads it so ("Norland mined
//! 13,000 tonnes" names no volume, so it is the production),
//! name none that is not a level (capacity, exports, a target: `reference =
//! false`), and no other measure of an exclusive class the term names (copper
//! beside graphite, synthetic graphite for graphite). Two references that fit leave
//! the figure unbound.

use super::frame::Frame;
use crate::kb::vocab::Vocab;
use crate::kb::{Kb, Unnamed};
use crate::normalize::Qty;

/// How near a measure word must be to count as the figure's own (weight in
/// `Frame::what`: 1 right by it, halved in another clause).
const OWN: f32 = 0.5;

/// The reference figure `frame`'s figure is, if exactly one fits.
pub fn bind(kb: &Kb, vocab: &Vocab, qty: &Qty, frame: &Frame) -> Option<usize> {
    let subject = frame.subject.as_deref()?;
    let unit = qty.unit.map(|u| u.name())?;
    let key = |m: &str| m.strip_prefix("m:").unwrap_or(m).to_string();
    let own: Vec<&str> = frame
        .what
        .iter()
        .filter(|(k, w)| *w >= OWN && k.starts_with("m:"))
        .map(|(k, _)| k.as_str())
        .collect();
    if own.iter().any(|k| kb.unreferenced.contains(&key(k))) {
        return None;
    }
    let class = |m: &str| kb.exclusive.get(&key(m));
    // A measure of the term the figure does not name holds when the figure names no
    // measure of its class and the class reads such a figure as it, or as any
    // (`[[exclusive]]`: a tonnage naming no volume is an output).
    let read_as = |m: &str| {
        let Some(c) = class(m) else { return false };
        !own.iter().any(|o| class(o) == Some(c))
            && match kb.unnamed.get(c) {
                Some(Unnamed::Any) => true,
                Some(Unnamed::Reads(r)) => key(m) == *r,
                _ => false,
            }
    };
    let fits = |terms: &Vec<Vec<String>>| {
        terms.iter().any(|t| {
            !t.is_empty()
                && t.iter().any(|m| own.contains(&m.as_str()))
                && t.iter().all(|m| own.contains(&m.as_str()) || read_as(m))
                && own.iter().all(|o| {
                    let Some(c) = class(o) else { return true };
                    !t.iter().any(|m| class(m) == Some(c)) || t.iter().any(|m| m == o)
                })
        })
    };
    let mut found = vocab
        .figures_of
        .get(subject)?
        .iter()
        .copied()
        .filter(|&i| kb.figures[i].unit == unit)
        .filter(|&i| vocab.figure_measures.get(i).is_some_and(fits));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}
