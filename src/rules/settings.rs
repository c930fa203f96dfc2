//! The rules' settings: the knowledge base holds each `[rule.ID]` as written (a
//! level and untyped parameters, with their places); this checks them against the
//! registry and reads each rule's parameters into the typed struct its module
//! declares, so an unknown rule, an unknown key or a value of the wrong type is an
//! error at its file, line and column.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::all;
use crate::Error;
use crate::kb::{Kb, RuleSettings};

/// A rule's parameters: `Default` gives the values used when `rules/` sets none.
/// The struct is `#[serde(default, deny_unknown_fields)]`.
pub trait Params: DeserializeOwned + Default {
    /// The rule the parameters belong to.
    const RULE: &'static str;
}

/// A setting with no parameters (`unknown-suppression`).
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct NoParams {}

/// Checks every `[rule.ID]` against the registry (`also`: the ids of settings that
/// are not rules, such as `unknown-suppression`) and resolves each example's `flag`
/// to a full rule id. Whoever loads a knowledge base for a run calls this.
pub fn resolve(kb: &mut Kb, also: &[&str]) -> Result<(), Error> {
    let rules = all();
    for (id, s) in &kb.rules {
        match rules.iter().find(|r| r.id == id) {
            Some(r) => (r.check_params)(s)?,
            None if also.contains(&id.as_str()) => check::<NoParams>(s)?,
            None => {
                let Some(at) = &s.at else { continue };
                let ids: Vec<&str> = rules
                    .iter()
                    .map(|r| r.id)
                    .chain(also.iter().copied())
                    .collect();
                return Err(at.error(format!("unknown rule \"{id}\" (rules: {})", ids.join(", "))));
            }
        }
    }
    // An example sentence can be flagged by a rule, not by the suppression checks
    // (they judge comments, after the rules).
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r.id)
        .filter(|id| ![super::suppression::UNKNOWN, super::suppression::UNUSED].contains(id))
        .collect();
    let examples = kb
        .entities
        .iter_mut()
        .flat_map(|e| &mut e.examples)
        .chain(kb.offices.iter_mut().flat_map(|o| &mut o.examples))
        .chain(kb.figures.iter_mut().flat_map(|f| &mut f.examples))
        .chain(kb.events.iter_mut().flat_map(|e| &mut e.examples));
    for x in examples {
        if let Some(want) = &x.flag {
            x.flag = Some(rule_id(&ids, want).map_err(|msg| {
                let (line, column) = crate::text::line_col(&x.src, x.flag_offset);
                Error::Rules {
                    path: x.path.to_string(),
                    line,
                    column,
                    msg,
                }
            })?);
        }
    }
    Ok(())
}

/// A rule id, or its unique leading part (`role-holder` for `role-holder-conflict`).
fn rule_id(ids: &[&str], want: &str) -> Result<String, String> {
    let found: Vec<&&str> = ids
        .iter()
        .filter(|id| {
            **id == want
                || id
                    .strip_prefix(want)
                    .is_some_and(|rest| rest.starts_with('-'))
        })
        .collect();
    match found.as_slice() {
        [id] => Ok((**id).to_string()),
        _ => Err(format!(
            "flag \"{want}\" is not a rule id; expected one of {}",
            ids.join(", ")
        )),
    }
}

/// Reads each parameter on its own into `P`, so that a problem is reported at the
/// key (unknown) or at the value (wrong type) it is about.
pub(super) fn check<P: DeserializeOwned + Default>(s: &RuleSettings) -> Result<(), Error> {
    for (name, p) in &s.params {
        let one = toml::Table::from_iter([(name.clone(), p.value.to_toml())]);
        if let Err(e) = P::deserialize(toml::Value::Table(one)) {
            let msg = e.message().trim().replace('\n', " ");
            let at = if msg.starts_with("unknown field") {
                &p.key
            } else {
                &p.at
            };
            return Err(at.error(msg));
        }
    }
    Ok(())
}

/// A rule's parameters as `rules/` sets them, over the defaults.
pub(super) fn params<P: Params>(kb: &Kb) -> P {
    let Some(s) = kb.rules.get(P::RULE) else {
        return P::default();
    };
    match P::deserialize(toml::Value::Table(s.table())) {
        Ok(p) => p,
        // `resolve` refuses such settings when a run loads them; a knowledge base
        // loaded without it (a test's) gets the defaults, and a debug build stops.
        Err(e) => {
            debug_assert!(false, "unchecked settings of {}: {e}", P::RULE);
            P::default()
        }
    }
}
