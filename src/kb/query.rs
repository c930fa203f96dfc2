//! Looking the knowledge base up the way an editor asks (`claimcheck kb`): which office
//! a phrase names ("Prime Minister of Japan", "Japan's PM"), which entities a name or
//! acronym stands for, which entries contain a piece of text, and the known names
//! closest to a query that names nothing.

use super::{Entity, Kb, Term, fold_name};

/// A query folded like the names it is compared with; curly apostrophes are straight.
fn fold(s: &str) -> String {
    fold_name(&s.replace('\u{2019}', "'"))
}

/// The folded words that can qualify an office of `e` ("japan", "japanese", "日本").
fn qualifiers(e: &Entity) -> Vec<String> {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .chain(&e.acronyms)
        .chain(&e.adjectives)
        .map(|s| fold(s))
        .collect()
}

fn push_new(v: &mut Vec<usize>, i: usize) {
    if !v.contains(&i) {
        v.push(i);
    }
}

impl Kb {
    /// Offices `q` names, as indices into `offices`: by id, name or alias; else by a
    /// title qualified by the office's entity ("Prime Minister of Japan", "Japan's
    /// Prime Minister", "Japanese PM", "日本首相"); else by a bare title, which names
    /// every office with that title.
    pub fn find_offices(&self, q: &str) -> Vec<usize> {
        let f = fold(q);
        if f.is_empty() {
            return Vec::new();
        }
        let named: Vec<usize> = (0..self.offices.len())
            .filter(|&i| {
                let o = &self.offices[i];
                o.id == q.trim() || fold(&o.name) == f || o.aliases.iter().any(|a| fold(a) == f)
            })
            .collect();
        if !named.is_empty() {
            return named;
        }
        let mut qualified = Vec::new();
        for (i, o) in self.offices.iter().enumerate() {
            let Some(of) = o.of.as_deref().and_then(|id| self.entity(id)) else {
                continue;
            };
            let quals = qualifiers(of);
            let hit = o.titles.iter().map(|t| fold(t)).any(|t| {
                quals.iter().any(|q| {
                    f == format!("{t} of {q}")
                        || f == format!("{t} of the {q}")
                        || f == format!("{q} {t}")
                        || f == format!("{q}{t}")
                })
            });
            if hit {
                qualified.push(i);
            }
        }
        if !qualified.is_empty() {
            return qualified;
        }
        (0..self.offices.len())
            .filter(|&i| self.offices[i].titles.iter().any(|t| fold(t) == f))
            .collect()
    }

    /// Entities `q` names, as indices into `entities`: by id, name, alias or acronym
    /// (ignoring case and accents, as `lookup_name`).
    pub fn find_entities(&self, q: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(&i) = self.entity_index.get(q.trim()) {
            out.push(i);
        }
        for i in self.lookup_name(&q.replace('\u{2019}', "'")) {
            push_new(&mut out, i);
        }
        out
    }

    /// Entities with `q` among their acronyms: written exactly so, else ignoring case.
    pub fn lookup_acronym(&self, q: &str) -> Vec<usize> {
        let q = q.trim();
        let exact: Vec<usize> = (0..self.entities.len())
            .filter(|&i| self.entities[i].acronyms.iter().any(|a| a == q))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        (0..self.entities.len())
            .filter(|&i| {
                self.entities[i]
                    .acronyms
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(q))
            })
            .collect()
    }

    /// Entities that list `q` as a known misspelling of their name.
    pub fn misspelt_as(&self, q: &str) -> Vec<usize> {
        let f = fold(q);
        (0..self.entities.len())
            .filter(|&i| self.entities[i].misspellings.iter().any(|m| fold(m) == f))
            .collect()
    }

    /// Entities and offices (indices) with `q` inside an id, name, alias, acronym or
    /// surname (offices: id, name, alias), compared folded.
    pub fn search(&self, q: &str) -> (Vec<usize>, Vec<usize>) {
        let f = fold(q);
        if f.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let has = |s: &String| fold(s).contains(&f);
        let entities = (0..self.entities.len())
            .filter(|&i| {
                let e = &self.entities[i];
                has(&e.id)
                    || std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .chain(&e.acronyms)
                        .chain(&e.surnames)
                        .any(has)
            })
            .collect();
        let offices = (0..self.offices.len())
            .filter(|&i| {
                let o = &self.offices[i];
                has(&o.id) || has(&o.name) || o.aliases.iter().any(has)
            })
            .collect();
        (entities, offices)
    }

    /// Reference figures whose id, name or one of whose terms contains `q` (folded).
    pub fn find_figures(&self, q: &str) -> Vec<usize> {
        let f = fold(q);
        if f.is_empty() {
            return Vec::new();
        }
        let has = |s: &String| fold(s).contains(&f);
        (0..self.figures.len())
            .filter(|&i| {
                let g = &self.figures[i];
                has(&g.id) || has(&g.name) || g.terms.iter().any(has)
            })
            .collect()
    }

    /// Up to `n` known names (of entities and offices) closest to `q`, best first: the
    /// "did you mean" of a query that names nothing.
    pub fn suggest(&self, q: &str, n: usize) -> Vec<String> {
        let f = fold(q);
        let names = self
            .entities
            .iter()
            .flat_map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .chain(&e.acronyms)
            })
            .chain(
                self.offices
                    .iter()
                    .flat_map(|o| std::iter::once(&o.name).chain(&o.aliases)),
            );
        let mut scored: Vec<(f64, &String)> = names
            .map(|s| (strsim::jaro_winkler(&f, &fold(s)), s))
            .filter(|(score, _)| *score >= 0.85)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, s) in scored {
            if out.len() == n {
                break;
            }
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
        out
    }

    /// Every term of office person `id` held, as (office index, term), by start date.
    pub fn terms_of(&self, id: &str) -> Vec<(usize, &Term)> {
        let mut out: Vec<(usize, &Term)> = self
            .offices
            .iter()
            .enumerate()
            .flat_map(|(i, o)| {
                o.holders
                    .iter()
                    .filter(move |t| t.person == id)
                    .map(move |t| (i, t))
            })
            .collect();
        out.sort_by_key(|(i, t)| (t.from, *i));
        out
    }

    /// Offices (indices) that belong to entity `id`.
    pub fn offices_of(&self, id: &str) -> Vec<usize> {
        (0..self.offices.len())
            .filter(|&i| self.offices[i].of.as_deref() == Some(id))
            .collect()
    }

    /// Places (indices) that entity `id` operates.
    pub fn operated_by(&self, id: &str) -> Vec<usize> {
        (0..self.entities.len())
            .filter(|&i| self.entities[i].operator.as_deref() == Some(id))
            .collect()
    }
}

/// How many entries of one kind the knowledge base holds, and how many carry examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct KindCount {
    pub entries: usize,
    pub with_examples: usize,
}

/// The size of the knowledge base (`claimcheck kb stats`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub offices: KindCount,
    /// Terms of office recorded, and the distinct people who held them.
    pub holders: usize,
    pub holder_people: usize,
    pub people: KindCount,
    pub organizations: KindCount,
    /// Distinct acronyms (as written) of organizations and places.
    pub acronyms: usize,
    pub places: KindCount,
    pub figures: KindCount,
    /// Dated values of all figures.
    pub figure_values: usize,
    pub events: KindCount,
    /// Every example of every entry.
    pub examples: usize,
}

impl Stats {
    /// Entries of every kind that may carry examples, and those that do.
    pub fn total(&self) -> KindCount {
        let all = [
            self.offices,
            self.people,
            self.organizations,
            self.places,
            self.figures,
            self.events,
        ];
        KindCount {
            entries: all.iter().map(|k| k.entries).sum(),
            with_examples: all.iter().map(|k| k.with_examples).sum(),
        }
    }
}

fn count<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    examples: impl Fn(&T) -> usize,
) -> KindCount {
    let mut k = KindCount {
        entries: 0,
        with_examples: 0,
    };
    for i in items {
        k.entries += 1;
        k.with_examples += usize::from(examples(i) > 0);
    }
    k
}

impl Kb {
    pub fn stats(&self) -> Stats {
        use super::EntityType;
        let kind = |k: EntityType| {
            count(self.entities.iter().filter(move |e| e.kind == k), |e| {
                e.examples.len()
            })
        };
        let mut people: Vec<&str> = self
            .offices
            .iter()
            .flat_map(|o| o.holders.iter().map(|t| t.person.as_str()))
            .collect();
        people.sort_unstable();
        people.dedup();
        let mut acronyms: Vec<&str> = self
            .entities
            .iter()
            .flat_map(|e| e.acronyms.iter().map(String::as_str))
            .collect();
        acronyms.sort_unstable();
        acronyms.dedup();
        let examples = self
            .entities
            .iter()
            .map(|e| e.examples.len())
            .sum::<usize>()
            + self.offices.iter().map(|o| o.examples.len()).sum::<usize>()
            + self.figures.iter().map(|f| f.examples.len()).sum::<usize>()
            + self.events.iter().map(|e| e.examples.len()).sum::<usize>();
        Stats {
            offices: count(self.offices.iter(), |o| o.examples.len()),
            holders: self.offices.iter().map(|o| o.holders.len()).sum(),
            holder_people: people.len(),
            people: kind(EntityType::Person),
            organizations: kind(EntityType::Organization),
            acronyms: acronyms.len(),
            places: kind(EntityType::Place),
            figures: count(self.figures.iter(), |f| f.examples.len()),
            figure_values: self.figures.iter().map(|f| f.values.len()).sum(),
            events: count(self.events.iter(), |e| e.examples.len()),
            examples,
        }
    }
}
