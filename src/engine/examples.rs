//! The entries' own examples, run as tests of the knowledge base (`claimcheck kb
//! check`, `--check-kb`, `cargo test`). Each example sentence is read as one article
//! dated `on`, its claims extracted and the rules run on it. Without `flag` it must
//! resolve to its entry (an office: a role claim for it; a person: an entity or role
//! claim naming them; an organization or place: an entity claim for it, by name or
//! acronym; a figure: a quantity keyed to it; an event: a date claim of it) and give
//! no finding; with `flag` it must give at least one finding of that rule; with
//! `lookalike = true` it must neither resolve to its entry nor give a finding.

use rayon::prelude::*;

use crate::Error;
use crate::claims::{Claim, Kind};
use crate::kb::{EntityType, Event, Example, Kb};
use crate::read::{self, File, Source};
use crate::rules::{self, Finding};

/// How many entries carry examples, and how many examples ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub entries: usize,
    pub examples: usize,
}

/// What an example must resolve to.
#[derive(Clone, Copy)]
enum Target<'a> {
    Entity(&'a str, EntityType),
    Office(&'a str),
    /// Index into `Kb::figures`.
    Figure(usize),
    Event(&'a Event),
}

impl Target<'_> {
    fn expected(&self, kb: &Kb) -> String {
        match *self {
            Target::Entity(id, EntityType::Person) => {
                format!("an entity or role claim naming \"{id}\"")
            }
            Target::Entity(id, _) => format!("an entity claim for \"{id}\""),
            Target::Office(id) => format!("a role claim for \"{id}\""),
            Target::Figure(i) => format!(
                "a quantity of figure \"{}\"",
                kb.figures.get(i).map_or("", |f| f.id.as_str())
            ),
            Target::Event(e) => format!("a date claim of event \"{}\"", e.id),
        }
    }

    fn resolved_by(&self, c: &Claim, text: &str) -> bool {
        match (*self, &c.kind) {
            (Target::Entity(id, _), Kind::Entity(e)) => e.id.as_deref() == Some(id),
            (Target::Entity(id, EntityType::Person), Kind::Role(r)) => {
                r.holder_id.as_deref() == Some(id)
            }
            (Target::Office(id), Kind::Role(r)) => r.office_id == id,
            (Target::Figure(i), Kind::Quantity(q)) => q.key.figure == Some(i),
            (Target::Event(ev), Kind::Date(d)) => {
                ev.is_named(d.event.as_deref(), &d.subjects, text, true)
            }
            _ => false,
        }
    }
}

/// Every example with its entry id, its number in the entry (from 1) and its target.
fn all(kb: &Kb) -> Vec<(&str, usize, &Example, Target<'_>)> {
    let mut out = Vec::new();
    for e in &kb.entities {
        for (n, x) in e.examples.iter().enumerate() {
            out.push((e.id.as_str(), n + 1, x, Target::Entity(&e.id, e.kind)));
        }
    }
    for o in &kb.offices {
        for (n, x) in o.examples.iter().enumerate() {
            out.push((o.id.as_str(), n + 1, x, Target::Office(&o.id)));
        }
    }
    for (i, f) in kb.figures.iter().enumerate() {
        for (n, x) in f.examples.iter().enumerate() {
            out.push((f.id.as_str(), n + 1, x, Target::Figure(i)));
        }
    }
    for ev in &kb.events {
        for (n, x) in ev.examples.iter().enumerate() {
            out.push((ev.id.as_str(), n + 1, x, Target::Event(ev)));
        }
    }
    out.sort_by(|a, b| (&a.2.path, a.2.offset).cmp(&(&b.2.path, b.2.offset)));
    out
}

/// Runs every example; the first wrong one (in file order) is the error, at its place.
pub fn check(kb: &Kb) -> Result<Summary, Error> {
    let list = all(kb);
    let results: Vec<Option<String>> = list.par_iter().map(|(_, _, x, t)| run(kb, x, *t)).collect();
    for ((id, n, x, _), r) in list.iter().zip(&results) {
        if let Some(msg) = r {
            let (line, column) = x.place();
            return Err(Error::Rules {
                path: x.path.to_string(),
                line,
                column,
                msg: format!("example {n} of {id}: {msg}"),
            });
        }
    }
    let mut ids: Vec<&str> = list.iter().map(|(id, ..)| *id).collect();
    ids.dedup();
    Ok(Summary {
        entries: ids.len(),
        examples: list.len(),
    })
}

/// None when the example holds; else "expected …, got …".
fn run(kb: &Kb, x: &Example, target: Target) -> Option<String> {
    let (file, mut sources) = read::parse("example.txt", x.text.clone());
    for s in &mut sources {
        s.date = x.on.or(s.date);
    }
    let files = [file];
    let (claims, findings) = check_article(kb, &files, &sources);
    let found = || {
        if findings.is_empty() {
            return "no finding".to_string();
        }
        findings
            .iter()
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if let Some(rule) = &x.flag {
        if findings.iter().any(|f| f.rule == rule) {
            return None;
        }
        return Some(format!("expected a {rule} finding, got {}", found()));
    }
    if x.lookalike {
        if let Some(c) = claims.iter().find(|c| target.resolved_by(c, &x.text)) {
            let got = describe(&files[0].text, c);
            return Some(format!(
                "a look-alike, expected nothing that resolves to the entry, got {got}"
            ));
        }
    } else if !claims.iter().any(|c| target.resolved_by(c, &x.text)) {
        let got: Vec<String> = claims.iter().map(|c| describe(&files[0].text, c)).collect();
        let got = if got.is_empty() {
            "no claim".to_string()
        } else {
            got.join(", ")
        };
        return Some(format!("expected {}, got {got}", target.expected(kb)));
    }
    if findings.is_empty() {
        None
    } else {
        Some(format!("expected no finding, got {}", found()))
    }
}

/// One article already read, checked with the rules alone (no suppressions or
/// baseline), as an example is.
pub fn check_article(kb: &Kb, files: &[File], sources: &[Source]) -> (Vec<Claim>, Vec<Finding>) {
    let claims = crate::claims::extract(kb, files, sources);
    let findings = rules::check(kb, files, sources, &claims);
    (claims, findings)
}

/// A claim in a few words, for the message of an example that does not resolve.
fn describe(text: &str, c: &Claim) -> String {
    let written = crate::text::slice(text, c.span.clone());
    match &c.kind {
        Kind::Entity(e) => format!(
            "entity \"{written}\" ({})",
            e.id.as_deref().unwrap_or("unknown")
        ),
        Kind::Role(r) => format!(
            "role {} held by \"{}\" ({})",
            r.office_id,
            r.holder,
            r.holder_id.as_deref().unwrap_or("unknown")
        ),
        Kind::Acronym(a) => format!("acronym {} = \"{}\"", a.short, a.long),
        Kind::Quantity(q) => {
            let measure = if q.key.measure.is_empty() {
                "no measure"
            } else {
                q.key.measure.as_str()
            };
            format!("quantity \"{written}\" ({measure})")
        }
        Kind::Date(d) => format!(
            "date {} ({})",
            d.value.render(),
            d.event.as_deref().unwrap_or("no event")
        ),
    }
}
