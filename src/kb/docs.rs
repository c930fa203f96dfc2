//! The documents of every rules file, collected into one set of entries: each entry
//! with the file it comes from, later files replacing earlier entries by id.

use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;
use std::sync::Arc;

use toml::Spanned;

use super::schema::{
    EntityDoc, EventDoc, ExclusiveDoc, FigureDoc, MeasureDoc, OfficeDoc, PublisherDoc, S,
};
use super::settings::Num;

#[derive(Clone)]
pub(super) struct SrcFile {
    pub path: Arc<str>,
    pub text: Arc<str>,
}

/// An entry and the index of the file it comes from.
#[derive(Clone)]
pub(super) struct At<T> {
    pub file: usize,
    pub item: T,
}

/// A rule's settings, merged over the files that set them.
#[derive(Clone)]
pub(super) struct RuleItem {
    pub id: At<S>,
    pub severity: Option<At<S>>,
    /// By key: the file, the key and the value.
    pub params: BTreeMap<String, At<(S, Spanned<Num>)>>,
}

#[derive(Clone, Default)]
pub(super) struct Docs {
    pub files: Vec<SrcFile>,
    pub entities: Vec<At<EntityDoc>>,
    pub offices: Vec<At<OfficeDoc>>,
    pub figures: Vec<At<FigureDoc>>,
    pub events: Vec<At<EventDoc>>,
    pub publishers: Vec<At<PublisherDoc>>,
    pub rules: Vec<RuleItem>,
    pub measures: Vec<At<MeasureDoc>>,
    pub exclusives: Vec<At<ExclusiveDoc>>,
}

impl Docs {
    /// Adds `extra` (whose file indices already follow ours): an entry whose id we
    /// have replaces ours in place; rule settings merge key by key.
    pub(super) fn overlay(&mut self, extra: Docs) {
        // By id through a map: a search of the list for each new entry made 100,000
        // `--rules` measures take half a minute (quadratic).
        fn put<T: Clone>(base: &mut Vec<At<T>>, new: Vec<At<T>>, id: fn(&T) -> &str) {
            let mut at: HashMap<String, usize> = HashMap::with_capacity(base.len() + new.len());
            for (i, b) in base.iter().enumerate() {
                at.entry(id(&b.item).to_string()).or_insert(i);
            }
            for n in new {
                match at.get(id(&n.item)) {
                    Some(&i) => base[i] = n,
                    None => {
                        at.insert(id(&n.item).to_string(), base.len());
                        base.push(n);
                    }
                }
            }
        }
        self.files.extend(extra.files);
        put(&mut self.entities, extra.entities, |e| e.id.get_ref());
        put(&mut self.offices, extra.offices, |o| o.id.get_ref());
        put(&mut self.figures, extra.figures, |f| f.id.get_ref());
        put(&mut self.events, extra.events, |e| e.id.get_ref());
        put(&mut self.publishers, extra.publishers, |p| p.id.get_ref());
        put(&mut self.measures, extra.measures, |m| m.key.get_ref());
        put(&mut self.exclusives, extra.exclusives, |m| {
            m.class.get_ref()
        });
        let mut at: HashMap<String, usize> = HashMap::new();
        for (i, b) in self.rules.iter().enumerate() {
            at.entry(b.id.item.get_ref().clone()).or_insert(i);
        }
        for r in extra.rules {
            match at
                .get(r.id.item.get_ref())
                .and_then(|&i| self.rules.get_mut(i))
            {
                Some(b) => {
                    if r.severity.is_some() {
                        b.severity = r.severity;
                    }
                    b.params.extend(r.params);
                }
                None => {
                    at.insert(r.id.item.get_ref().clone(), self.rules.len());
                    self.rules.push(r);
                }
            }
        }
    }
}
