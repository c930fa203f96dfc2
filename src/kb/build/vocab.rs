//! The vocabulary claims are keyed with (`[[measure]]`).

use super::Files;
use crate::Error;
use crate::kb::docs::{At, Docs};
use crate::kb::{Kb, VocabTerm};

const CLASSES: &[&str] = &["measure", "event", "forecast", "former", "increment"];

pub(super) fn build(fs: &Files, docs: &Docs, kb: &mut Kb) -> Result<(), Error> {
    for At { file, item: m } in &docs.measures {
        let key = fs.text(*file, "key", &m.key)?;
        let class = match &m.class {
            Some(c) if !CLASSES.contains(&c.get_ref().as_str()) => {
                return fs.err(
                    *file,
                    c.span(),
                    format!(
                        "unknown class \"{}\"; expected one of {}",
                        c.get_ref(),
                        CLASSES.join(", ")
                    ),
                );
            }
            Some(c) => c.get_ref().clone(),
            None => "measure".to_string(),
        };
        if let Some(class) = &m.exclusive {
            let class = fs.text(*file, "exclusive", class)?;
            kb.exclusive.insert(key.clone(), class);
        }
        if m.rate == Some(true) {
            kb.rates.insert(key.clone());
        }
        if m.reference == Some(false) {
            kb.unreferenced.insert(key.clone());
        }
        for t in fs.texts(*file, "term", &m.terms)? {
            kb.vocabulary.push(VocabTerm {
                class: class.clone(),
                key: key.clone(),
                term: t,
            });
        }
    }
    Ok(())
}
