//! `[rule.ID]`: a level for each rule and its parameters, kept with where they are
//! written. Whether the ids and keys exist is for the rules layer to say.

use super::Files;
use crate::Error;
use crate::kb::Kb;
use crate::kb::docs::Docs;
use crate::kb::settings::{Level, Param, RuleSettings};

const EXPECTED: &str = "\"error\", \"warning\", \"info\" or \"off\"";

pub(super) fn build(fs: &Files, docs: &Docs, kb: &mut Kb) -> Result<(), Error> {
    for r in &docs.rules {
        let id = r.id.item.get_ref();
        let level = match &r.severity {
            Some(s) => match Level::parse(s.item.get_ref()) {
                Some(level) => level,
                None => {
                    return fs.err(
                        s.file,
                        s.item.span(),
                        format!(
                            "unknown severity \"{}\"; expected {EXPECTED}",
                            s.item.get_ref()
                        ),
                    );
                }
            },
            None => {
                return fs.err(
                    r.id.file,
                    r.id.item.span(),
                    format!("rule \"{id}\" has no severity; expected severity = {EXPECTED}"),
                );
            }
        };
        let mut params = std::collections::BTreeMap::new();
        for (name, p) in &r.params {
            let (key, value) = &p.item;
            params.insert(
                name.clone(),
                Param {
                    value: *value.get_ref(),
                    key: fs.spot(p.file, key.span().start)?,
                    at: fs.spot(p.file, value.span().start)?,
                },
            );
        }
        let at = Some(fs.spot(r.id.file, r.id.item.span().start)?);
        kb.rules
            .insert(id.clone(), RuleSettings { level, params, at });
    }
    Ok(())
}
