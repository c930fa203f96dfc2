//! Offices and their holders' terms.

use super::entities::refer;
use super::{Files, overlap_days};
use crate::Error;
use crate::kb::docs::{At, Docs};
use crate::kb::schema::OfficeDoc;
use crate::kb::{EntityType, Gap, Kb, Office, Precision, Term};

pub(super) fn build(fs: &Files, docs: &Docs, kb: &mut Kb) -> Result<(), Error> {
    for At { file, item: o } in &docs.offices {
        let file = *file;
        let mut holders = Vec::new();
        for h in &o.holders {
            let (from, from_known) = fs.rough_day(file, "from", &h.from)?;
            let to = match &h.to {
                Some(t) => {
                    let (day, known) = fs.rough_day(file, "to", t)?;
                    // The last day the term may have ended: the end of the month or year.
                    let last = known.end_of(day);
                    if last < from {
                        return fs.err(
                            file,
                            t.span(),
                            format!(
                                "to {} is before from {}; `to` is the last day in office",
                                known.show(day),
                                from_known.show(from)
                            ),
                        );
                    }
                    Some((last, known))
                }
                None => None,
            };
            holders.push(Term {
                person: refer(fs, kb, file, "holder", &h.person, Some(EntityType::Person))?,
                from,
                to: to.map(|(d, _)| d),
                from_known,
                to_known: to.map_or(Precision::Day, |(_, k)| k),
            });
        }
        check_terms(fs, file, o, &holders)?;
        let mut gaps = Vec::new();
        for g in &o.gaps {
            let (from, _) = fs.rough_day(file, "gap from", &g.from)?;
            let (to, known) = fs.rough_day(file, "gap to", &g.to)?;
            let to = known.end_of(to);
            if to < from {
                return fs.err(
                    file,
                    g.to.span(),
                    format!("gap to {to} is before its from {from}"),
                );
            }
            // A gap is days nobody surely held the office: it may touch a term's
            // uncertain ends and its handover days, not the days the term surely covers.
            if let Some(t) = holders
                .iter()
                .find(|t| overlap_days(from, Some(to), t.sure_from(), t.sure_to()) > 1)
            {
                return fs.err(
                    file,
                    g.from.span(),
                    format!(
                        "gap from {from} to {to} overlaps the term of \"{}\" ({}); a gap is days with no recorded holder",
                        t.person,
                        term_period(t)
                    ),
                );
            }
            gaps.push(Gap {
                from,
                to,
                why: fs.text(file, "gap why", &g.why)?,
            });
        }
        kb.offices.push(Office {
            id: fs.id(file, &o.id)?,
            name: fs.text(file, "name", &o.name)?,
            titles: fs.texts(file, "title", &o.titles)?,
            of: match &o.of {
                Some(of) => Some(refer(fs, kb, file, "of", of, None)?),
                None => None,
            },
            aliases: fs.texts(file, "alias", &o.aliases)?,
            holders,
            gaps,
            source: fs.source(file, &o.source)?,
            examples: fs.examples(file, &o.examples)?,
        });
    }
    for (i, o) in kb.offices.iter().enumerate() {
        kb.office_index.insert(o.id.clone(), i);
    }
    Ok(())
}

/// Two terms of one office may share at most their handover day, outside the days
/// their uncertain ends leave open. `holders` are `o.holders`, read, in order.
fn check_terms(fs: &Files, file: usize, o: &OfficeDoc, holders: &[Term]) -> Result<(), Error> {
    for (i, a) in holders.iter().enumerate() {
        for (j, b) in holders.iter().enumerate().skip(i + 1) {
            if overlap_days(a.sure_from(), a.sure_to(), b.sure_from(), b.sure_to()) <= 1 {
                continue;
            }
            // Report at the `from` of the term that starts later.
            let (later, earlier, k) = if b.from >= a.from {
                (b, a, j)
            } else {
                (a, b, i)
            };
            return fs.err(
                file,
                o.holders[k].from.span(),
                format!(
                    "term of \"{}\" from {} overlaps the term of \"{}\" ({}) by more than the handover day",
                    later.person,
                    later.from_text(),
                    earlier.person,
                    term_period(earlier)
                ),
            );
        }
    }
    Ok(())
}

/// "from 2021-10-04 to 2024-10", as the term is recorded.
fn term_period(t: &Term) -> String {
    match t.to_text() {
        Some(to) => format!("from {} to {to}", t.from_text()),
        None => format!("from {}", t.from_text()),
    }
}
