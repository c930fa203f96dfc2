//! Offices and their holders' terms.

use super::entities::refer;
use super::{Files, overlap_days, period};
use crate::Error;
use crate::kb::docs::{At, Docs};
use crate::kb::schema::OfficeDoc;
use crate::kb::{EntityType, Kb, Office, Term};

pub(super) fn build(fs: &Files, docs: &Docs, kb: &mut Kb) -> Result<(), Error> {
    for At { file, item: o } in &docs.offices {
        let file = *file;
        let mut holders = Vec::new();
        for h in &o.holders {
            let (from, to) =
                fs.span_of_days(file, &h.from, h.to.as_ref(), "the last day in office")?;
            holders.push(Term {
                person: refer(fs, kb, file, "holder", &h.person, Some(EntityType::Person))?,
                from,
                to,
            });
        }
        check_terms(fs, file, o, &holders)?;
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
            source: fs.source(file, &o.source)?,
            examples: fs.examples(file, &o.examples)?,
        });
    }
    for (i, o) in kb.offices.iter().enumerate() {
        kb.office_index.insert(o.id.clone(), i);
    }
    Ok(())
}

/// Two terms of one office may share at most their handover day. `holders` are
/// `o.holders`, read, in order.
fn check_terms(fs: &Files, file: usize, o: &OfficeDoc, holders: &[Term]) -> Result<(), Error> {
    for (i, a) in holders.iter().enumerate() {
        for (j, b) in holders.iter().enumerate().skip(i + 1) {
            if overlap_days(a.from, a.to, b.from, b.to) <= 1 {
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
                    later.from,
                    earlier.person,
                    period(earlier.from, earlier.to)
                ),
            );
        }
    }
    Ok(())
}
