//! People, organizations and places; then the names they may share.

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use super::Files;
use crate::Error;
use crate::kb::docs::{At, Docs};
use crate::kb::schema::S;
use crate::kb::{Entity, EntityType, Kb, Renamed, fold_name};

pub(super) fn build(fs: &Files, docs: &Docs, kb: &mut Kb) -> Result<(), Error> {
    for At { file, item: e } in &docs.entities {
        let file = *file;
        let x = &e.fields;
        let mut renamed: Vec<Renamed> = Vec::new();
        for r in &x.renamed {
            let from = fs.text(file, "renamed.from", &r.from)?;
            let on = fs.day(file, "renamed.on", &r.on)?;
            if fold_name(&from) == fold_name(e.name.get_ref()) {
                return fs.err(
                    file,
                    r.from.span(),
                    format!("renamed.from \"{from}\" is the current name; list former names only"),
                );
            }
            // Oldest first, so that each name's period ends where the next begins.
            if let Some(prev) = renamed.last().filter(|p| p.on >= on) {
                return fs.err(
                    file,
                    r.on.span(),
                    format!(
                        "renamed.on {on} is not after the renaming before it ({}); list renamings oldest first",
                        prev.on
                    ),
                );
            }
            renamed.push(Renamed { from, on });
        }
        kb.entities.push(Entity {
            id: fs.id(file, &e.id)?,
            kind: e.kind,
            name: fs.text(file, "name", &e.name)?,
            aliases: fs.texts(file, "alias", &x.aliases)?,
            acronyms: fs.texts(file, "acronym", &x.acronyms)?,
            surnames: fs.texts(file, "surname", &x.surnames)?,
            adjectives: fs.texts(file, "adjective", &x.adjectives)?,
            contexts: fs.texts(file, "context", &x.contexts)?,
            misspellings: fs.texts(file, "misspelling", &x.misspellings)?,
            operator: x.operator.as_ref().map(|o| o.get_ref().clone()),
            renamed,
            pair_form: match &x.pair_form {
                Some(p) => Some(pair_form(fs, file, p)?),
                None => None,
            },
            reporter: x.reporter,
            part_of: x.part_of.as_ref().map(|o| o.get_ref().clone()),
            source: fs.source(file, &e.source)?,
            examples: fs.examples(file, &e.examples)?,
        });
    }
    for (i, e) in kb.entities.iter().enumerate() {
        kb.entity_index.insert(e.id.clone(), i);
    }
    // A pair form stands for one entity: 中 cannot be China's and another's.
    let mut pair_owner: HashMap<&str, &str> = HashMap::new();
    for At { file, item: e } in &docs.entities {
        if let Some(p) = &e.fields.pair_form
            && let Some(other) = pair_owner.insert(p.get_ref(), e.id.get_ref())
        {
            return fs.err(
                *file,
                p.span(),
                format!(
                    "pair_form \"{}\" is already that of \"{other}\"",
                    p.get_ref()
                ),
            );
        }
    }
    for At { file, item: e } in &docs.entities {
        if let Some(op) = &e.fields.operator {
            refer(
                fs,
                kb,
                *file,
                "operator",
                op,
                Some(EntityType::Organization),
            )?;
        }
    }
    // What a mention names too: a known place or organization, one link deep (a
    // capital names its country, not the country's union too).
    for At { file, item: e } in &docs.entities {
        if let Some(p) = &e.fields.part_of {
            let id = refer(fs, kb, *file, "part_of", p, None)?;
            let target = &kb.entities[kb.entity_index[&id]];
            let bad = if id == *e.id.get_ref() {
                Some("itself".to_string())
            } else if target.kind == EntityType::Person {
                Some(format!("a person (\"{id}\")"))
            } else {
                target
                    .part_of
                    .as_ref()
                    .map(|t| format!("\"{id}\", which is part of \"{t}\": name the whole directly"))
            };
            if let Some(bad) = bad {
                return fs.err(*file, p.span(), format!("part_of names {bad}"));
            }
        }
    }
    check_names(fs, docs)
}

/// A pair form: one Chinese character.
fn pair_form(fs: &Files, file: usize, p: &S) -> Result<String, Error> {
    let t = fs.text(file, "pair_form", p)?;
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if crate::text::is_cjk(c) => Ok(t),
        _ => fs.err(
            file,
            p.span(),
            format!("pair_form \"{t}\" is not one Chinese character"),
        ),
    }
}

/// The entity id `id` names, which must be of kind `want` when given.
pub(super) fn refer(
    fs: &Files,
    kb: &Kb,
    file: usize,
    what: &str,
    id: &S,
    want: Option<EntityType>,
) -> Result<String, Error> {
    match (kb.entity(id.get_ref()), want) {
        (Some(e), Some(k)) if e.kind != k => fs.err(
            file,
            id.span(),
            format!(
                "{what} \"{}\" is {}, not {}",
                id.get_ref(),
                with_article(e.kind.name()),
                with_article(k.name())
            ),
        ),
        (Some(_), _) => Ok(id.get_ref().clone()),
        (None, k) => fs.err(
            file,
            id.span(),
            format!(
                "{what} \"{}\" is not a known {} id",
                id.get_ref(),
                k.map_or("entity", EntityType::name)
            ),
        ),
    }
}

fn with_article(noun: &str) -> String {
    let an = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if an { "an" } else { "a" })
}

/// A name, alias or acronym may belong to two entities only when both list
/// `contexts` to tell them apart; a misspelling may be no one's name.
fn check_names(fs: &Files, docs: &Docs) -> Result<(), Error> {
    // Folded name → (index in `docs.entities`, file, span) of its first owner.
    let mut owner: HashMap<String, (usize, usize, Range<usize>)> = HashMap::new();
    for (i, At { file, item: e }) in docs.entities.iter().enumerate() {
        let x = &e.fields;
        let names = std::iter::once(&e.name)
            .chain(&x.aliases)
            .chain(&x.acronyms);
        for n in names {
            let key = fold_name(n.get_ref());
            match owner.get(&key) {
                Some((j, f, span)) if *j != i => {
                    let other = &docs.entities[*j].item;
                    let both = !x.contexts.is_empty() && !other.fields.contexts.is_empty();
                    // A context both list cannot tell them apart.
                    let shared = x.contexts.iter().find(|c| {
                        other
                            .fields
                            .contexts
                            .iter()
                            .any(|d| fold_name(d.get_ref()) == fold_name(c.get_ref()))
                    });
                    if let Some(c) = shared {
                        return fs.err(
                            *file,
                            c.span(),
                            format!(
                                "context \"{}\" is also a context of \"{}\", which shares the name \"{}\" ({}); the contexts of two entities with one name must tell them apart",
                                c.get_ref(),
                                other.id.get_ref(),
                                n.get_ref(),
                                fs.place(*f, span.clone())?
                            ),
                        );
                    }
                    if !both {
                        return fs.err(
                            *file,
                            n.span(),
                            format!(
                                "\"{}\" is already a name of \"{}\" ({}); two entities may share a name only when both list contexts to tell them apart",
                                n.get_ref(),
                                other.id.get_ref(),
                                fs.place(*f, span.clone())?
                            ),
                        );
                    }
                }
                Some(_) => {}
                None => {
                    owner.insert(key, (i, *file, n.span()));
                }
            }
        }
    }
    for At { file, item: e } in &docs.entities {
        for m in &e.fields.misspellings {
            if let Some((j, f, span)) = owner.get(&fold_name(m.get_ref())) {
                let other = docs.entities[*j].item.id.get_ref();
                return fs.err(
                    *file,
                    m.span(),
                    format!(
                        "misspelling \"{}\" is a name of \"{other}\" ({}); a misspelling must not be anyone's name",
                        m.get_ref(),
                        fs.place(*f, span.clone())?
                    ),
                );
            }
        }
    }
    Ok(())
}
