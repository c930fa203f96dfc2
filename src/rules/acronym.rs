//! acronym-expansion-mismatch: an acronym labelled with another body's name.
//!
//! An acronym definition ("Long Name (ACR)", "ACR (Long Name)") whose long name is a
//! known entity that the acronym does not stand for is flagged, with the body the
//! acronym does stand for as the expected value. Acronyms shared by several bodies
//! (one acronym for a trade bureau and for a bank, told apart by their `contexts`)
//! are right with any of their bodies' names. Across sources, two
//! definitions of one acronym with names of two different known bodies are flagged
//! too, when the knowledge base does not know the acronym. A known acronym labelled
//! with a name the knowledge base does not know is flagged whatever its initials
//! ("International Monetary Foundation (IMF)"), unless it is another body's that
//! shares the acronym (its initials spell it and it shares no word with the known
//! bodies' names: "Drink Or Die (DOD)") or one of the acronym's
//! bodies' names written another accepted way: case, accents, hyphens, "&" for "and",
//! a leading "the", a trailing possessive, British spellings (lexicon `spelling`), or
//! with a place before it ("U.S. Food and Drug Administration"). A person or a
//! place the acronym does not spell before it in brackets is an affiliation, a
//! dateline or a location ("Washington (AP) -"), not a definition.
//!
//! Example (tests/fixtures/acronym-expansion-mismatch/positive/article.txt):
//!   "The survey was led by the Institute of Applied Geology (NMA), …"
//!   error[acronym-expansion-mismatch]: "NMA" is given the name of the Institute of
//!   Applied Geology (IAG); NMA is the Norland Minerals Agency

use foldhash::{HashMap, HashMapExt};

use super::{Ctx, Finding, Place, Severity};
use super::{Key, Keys};
use crate::claims::Claim;
use crate::claims::{AcronymClaim, Kind};
use crate::kb::Kb;
use crate::kb::{Entity, fold_variant};

pub const ID: &str = "acronym-expansion-mismatch";

/// The rule has no parameters: what counts as the same name is the knowledge base's
/// names and the lexicon's accepted spellings (`kb::fold_variant`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {}

impl super::settings::Params for Params {
    const RULE: &'static str = ID;
}

fn stands_for(e: &Entity, short: &str) -> bool {
    e.acronyms.iter().any(|a| a == short) || e.name == short || e.aliases.iter().any(|a| a == short)
}

/// The bodies an acronym stands for.
fn owners<'k>(kb: &'k crate::kb::Kb, short: &str) -> Vec<&'k Entity> {
    kb.lookup_name(short)
        .into_iter()
        .map(|i| &kb.entities[i])
        .filter(|e| e.acronyms.iter().any(|x| x == short))
        .collect()
}

/// A known organization's acronym labelled with a name the knowledge base does not
/// know: a mismatch, whatever its initials, unless past accepted spelling
/// differences (`kb::fold_variant`: Organisation, Co-operation, "&", a possessive) it
/// is one of the names of the acronym's bodies, alone or after a place that qualifies
/// it ("the U.S. Food and Drug Administration").
fn unknown_long_name(
    cx: &Ctx,
    source: usize,
    span: &std::ops::Range<usize>,
    a: &AcronymClaim,
) -> Option<Finding> {
    let kb = cx.kb;
    let owners = owners(kb, &a.short);
    // Only bodies' acronyms: "Serena Williams (US)" labels a nationality, not a name.
    let bodies = owners
        .iter()
        .all(|e| e.kind == crate::kb::EntityType::Organization);
    if owners.is_empty() || !bodies || a.long.chars().any(crate::text::is_cjk) {
        return None;
    }
    let long = fold_variant(&a.long);
    let known: Vec<String> = owners
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(|n| fold_variant(n))
        .collect();
    // Another body with the same acronym ("Drink Or Die (DOD)"): its initials spell
    // the acronym and it shares no word with the acronym's bodies' names. A name
    // that shares one is a wrong version of theirs ("World Trade Association").
    let words = |n: &str| -> Vec<String> {
        n.split(' ')
            .filter(|w| !w.is_empty() && !crate::text::lexicon().acronym_connector.contains(w))
            .map(str::to_string)
            .collect()
    };
    let long_words = words(&long);
    let initials: String = long_words.iter().filter_map(|w| w.chars().next()).collect();
    let shares = known
        .iter()
        .any(|n| words(n).iter().any(|w| long_words.contains(w)));
    if !shares && initials == a.short.to_lowercase() {
        return None;
    }
    let compact = long.replace(' ', "");
    for name in known {
        if compact == name.replace(' ', "") {
            return None;
        }
        // A place before a right name qualifies it ("U.S. Food and Drug Administration").
        if let Some(head) = long.strip_suffix(name.as_str())
            && head.ends_with(' ')
            && is_place(kb, head.trim_end())
        {
            return None;
        }
    }
    let names: Vec<&str> = owners.iter().map(|e| e.name.as_str()).collect();
    Some(Finding {
        because: Vec::new(),
        lead: None,
        rule: ID,
        severity: Severity::Error,
        message: format!(
            "\"{}\" is labelled \"{}\", but {} is the {}",
            a.short,
            a.long,
            a.short,
            names.join(" or the ")
        ),
        subject: Some(a.short.clone()),
        expected: Some(format!("{} ({})", names[0], a.short)),
        help: Some(format!(
            "{} stands for the {}",
            a.short,
            names.join(" or the ")
        )),
        places: vec![Place {
            source,
            span: span.clone(),
            normalized: format!("{} = {}", a.short, a.long),
            primary: true,
        }],
    })
}

/// Is a folded phrase a place's name, acronym or adjective ("us", "american")?
fn is_place(kb: &Kb, folded: &str) -> bool {
    kb.entities
        .iter()
        .filter(|e| e.kind == crate::kb::EntityType::Place)
        .any(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.acronyms)
                .chain(&e.adjectives)
                .any(|n| fold_variant(n) == folded)
        })
}

pub fn check(cx: &Ctx) -> Vec<Finding> {
    let kb = cx.kb;
    let mut out = Vec::new();
    let mut by_short: HashMap<&str, Vec<(usize, &AcronymClaim, usize)>> = HashMap::new();
    for c in cx.claims {
        let Kind::Acronym(a) = &c.kind else { continue };
        let Some(&long) = kb.lookup_name(&a.long).first() else {
            if let Some(f) = unknown_long_name(cx, c.source, &c.span, a) {
                out.push(f);
            }
            continue;
        };
        let long_e = &kb.entities[long];
        // "Ada Lindqvist (NMA)" gives a person's affiliation, and a place not spelt
        // by the acronym a dateline or a location ("Washington (AP) -", "Ohio (AP)"),
        // not an expansion.
        if stands_for(long_e, &a.short)
            || matches!(
                long_e.kind,
                crate::kb::EntityType::Person | crate::kb::EntityType::Place
            )
        {
            continue;
        }
        let owners = owners(kb, &a.short);
        if owners.is_empty() {
            by_short
                .entry(a.short.as_str())
                .or_default()
                .push((c.source, a, long));
            continue;
        }
        let owner_names: Vec<&str> = owners.iter().map(|e| e.name.as_str()).collect();
        let long_acr = long_e
            .acronyms
            .first()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        out.push(Finding {
            because: Vec::new(),
            lead: None,
            rule: ID,
            severity: Severity::Error,
            message: format!(
                "\"{}\" is given the name of the {}{}; {} is the {}",
                a.short,
                long_e.name,
                long_acr,
                a.short,
                owner_names.join(" or the ")
            ),
            subject: Some(a.short.clone()),
            expected: Some(format!("{} ({})", owner_names[0], a.short)),
            help: Some(match long_e.acronyms.first() {
                Some(x) => format!(
                    "write \"{} ({x})\", or \"{} ({})\"",
                    long_e.name, owner_names[0], a.short
                ),
                None => format!(
                    "{} stands for the {}",
                    a.short,
                    owner_names.join(" or the ")
                ),
            }),
            places: vec![Place {
                source: c.source,
                span: c.span.clone(),
                normalized: format!("{} = {}", a.short, long_e.name),
                primary: true,
            }],
        });
    }
    // Unknown acronyms: two known bodies' names for one acronym, across sources.
    let mut shorts: Vec<_> = by_short.into_iter().collect();
    shorts.sort_by_key(|(s, _)| *s);
    for (short, defs) in shorts {
        let mut bodies: Vec<usize> = defs.iter().map(|d| d.2).collect();
        bodies.sort();
        bodies.dedup();
        if bodies.len() < 2 {
            continue;
        }
        let places = defs
            .iter()
            .enumerate()
            .map(|(k, (src, a, long))| Place {
                source: *src,
                span: a.long_span.start.min(a.short_span.start)
                    ..a.long_span.end.max(a.short_span.end),
                normalized: format!("{} = {}", short, kb.entities[*long].name),
                primary: k == 0,
            })
            .collect();
        out.push(Finding {
            because: Vec::new(),
            lead: None,
            rule: ID,
            severity: Severity::Error,
            message: format!(
                "\"{short}\" is expanded as the names of {} different bodies",
                bodies.len()
            ),
            subject: Some(short.to_string()),
            expected: None,
            help: None,
            places,
        });
    }
    out
}

/// Acronym definitions by short form.
pub fn keys(_: &Kb) -> Box<dyn Keys + '_> {
    Box::new(ByShort)
}

struct ByShort;

impl Keys for ByShort {
    fn stored(&self, c: &Claim, out: &mut Vec<Key>) {
        if let Kind::Acronym(a) = &c.kind {
            out.push(Key::new('a', &[&a.short]));
        }
    }
}
