//! The keys of the registry's cross-source rules: what a claim is stored under, and
//! what a draft's claims ask for.

use std::collections::BTreeSet;

use crate::claims::Claim;
use crate::kb::Kb;
use crate::rules::{self, Days, Key, Keys, Scope};

/// The keying of every cross-source rule in the registry.
pub(super) fn keyings(kb: &Kb) -> Vec<Box<dyn Keys + '_>> {
    rules::all()
        .into_iter()
        .filter_map(|r| match r.scope {
            Scope::Source => None,
            Scope::Sources(keys) => Some(keys(kb)),
        })
        .collect()
}

/// The keys a claim is stored under: every rule's, without repeats.
pub(super) fn stored_keys(keyings: &[Box<dyn Keys + '_>], c: &Claim, out: &mut Vec<Key>) {
    out.clear();
    for k in keyings {
        k.stored(c, out);
    }
    out.sort_unstable();
    out.dedup();
}

/// The keys a draft's claims ask for: every rule's.
pub(super) fn asked_keys<'c>(
    kb: &Kb,
    claims: impl Iterator<Item = &'c Claim>,
    days: impl Fn(&Claim) -> Days,
) -> BTreeSet<Key> {
    let keyings = keyings(kb);
    let mut out = BTreeSet::new();
    let mut buf = Vec::new();
    for c in claims {
        buf.clear();
        for k in &keyings {
            k.asked(c, days(c), &mut buf);
        }
        out.extend(buf.drain(..));
    }
    out
}
