//! The vocabulary claims are keyed with (`[[measure]]`).

use super::Files;
use crate::Error;
use crate::kb::docs::{At, Docs};
use crate::kb::{Kb, Unnamed, VocabTerm};

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
        if let Some(f) = &m.figures {
            let only = match f.get_ref().as_str() {
                "money" => true,
                "goods" => false,
                other => {
                    return fs.err(
                        *file,
                        f.span(),
                        format!("figures = \"{other}\": expected money or goods"),
                    );
                }
            };
            kb.money_only.insert(key.clone(), only);
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
    // How a figure naming none of a class's measures reads: checked against the
    // classes and measures just read.
    for At { file, item: x } in &docs.exclusives {
        let class = fs.text(*file, "class", &x.class)?;
        if !kb.exclusive.values().any(|c| *c == class) {
            return fs.err(
                *file,
                x.class.span(),
                format!("no measure has exclusive = \"{class}\""),
            );
        }
        let unnamed = match fs.text(*file, "unnamed", &x.unnamed)?.as_str() {
            "apart" => Unnamed::Apart,
            "any" => Unnamed::Any,
            key if kb.exclusive.get(key) == Some(&class) => Unnamed::Reads(key.to_string()),
            other => {
                return fs.err(
                    *file,
                    x.unnamed.span(),
                    format!(
                        "unnamed = \"{other}\": expected apart, any, or a measure key of class \"{class}\""
                    ),
                );
            }
        };
        kb.unnamed.insert(class, unnamed);
    }
    Ok(())
}
