//! Validating the collected entries and building the knowledge base: one module a
//! kind of entry, each reporting the first problem at its file, line and column.

mod entities;
mod events;
mod figures;
mod files;
mod offices;
mod publishers;
mod settings;
mod vocab;

use chrono::NaiveDate;

use super::docs::Docs;
use super::{Gazetteer, Kb, fold_name};
use crate::Error;
pub(super) use files::{Files, error_at};

pub(super) fn build(docs: &Docs) -> Result<Kb, Error> {
    let fs = Files {
        files: &docs.files,
        first: 0,
    };
    let mut kb = Kb::default();
    entities::build(&fs, docs, &mut kb)?;
    offices::build(&fs, docs, &mut kb)?;
    figures::build(&fs, docs, &mut kb)?;
    events::build(&fs, docs, &mut kb)?;
    publishers::build(&fs, docs, &mut kb)?;
    settings::build(&fs, docs, &mut kb)?;
    vocab::build(&fs, docs, &mut kb)?;

    for (i, e) in kb.entities.iter().enumerate() {
        let names = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.acronyms);
        for n in names {
            let list = kb.name_index.entry(fold_name(n)).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    kb.gazetteer = Gazetteer::new(&kb.entities, &kb.offices);
    Ok(kb)
}

/// Days both periods cover (`to` inclusive, None = open).
fn overlap_days(
    a_from: NaiveDate,
    a_to: Option<NaiveDate>,
    b_from: NaiveDate,
    b_to: Option<NaiveDate>,
) -> i64 {
    let start = a_from.max(b_from);
    let end = match (a_to, b_to) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => NaiveDate::MAX,
    };
    if end < start {
        0
    } else {
        (end - start).num_days().saturating_add(1)
    }
}

fn period(from: NaiveDate, to: Option<NaiveDate>) -> String {
    match to {
        Some(to) => format!("from {from} to {to}"),
        None => format!("from {from} (still in force)"),
    }
}
