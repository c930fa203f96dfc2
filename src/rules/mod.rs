//! The rules engine: one module a rule family. Each rule reads the claims of all
//! sources through an index keyed by what they state (an office, an acronym, a
//! measure and period, an event), never every claim against every other, and
//! returns findings. Severities and numeric settings come from `rules/settings.toml`.

pub mod acronym;
pub mod date;
pub mod name_variant;
pub mod quantity;
pub mod reference;
pub mod role_holder;
pub mod settings;
pub mod stories;
pub mod suppression;

use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;

use chrono::NaiveDate;
use std::ops::Range;

use crate::claims::{Claim, Kind};
use crate::kb::{Kb, Level, RuleSettings};
use crate::read::{File, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(&self) -> &'static str {
        self.level().name()
    }

    /// The severity findings get at `level`; none when it is `Off`.
    pub fn of(level: Level) -> Option<Severity> {
        match level {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    pub fn level(self) -> Level {
        match self {
            Severity::Info => Level::Info,
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        }
    }
}

/// Where a finding is reported (`Primary`) and the other sides of the conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub source: usize,
    /// Byte range in the file's working text.
    pub span: Range<usize>,
    /// The normalized value at this place ("Bo Hedman", "270000 t").
    pub normalized: String,
    pub primary: bool,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// What the conflict is about ("Prime Minister of Japan").
    pub subject: Option<String>,
    /// The value the knowledge base says is right.
    pub expected: Option<String>,
    /// A `help:` line for people ("did you mean Bo Hedman?").
    pub help: Option<String>,
    pub places: Vec<Place>,
    /// Why the sides were taken for one claim ("subject Glencore", "shared context
    /// buyback"), for rules that align claims.
    pub because: Vec<String>,
    /// For a conflict between sources: the message up to the primary value ("lce for
    /// 2026 is"), so the message can be restated from another side.
    pub lead: Option<String>,
}

impl Finding {
    /// "LEAD VALUE here, but OTHER in SOURCE, …" from the primary place's side.
    pub fn restate(&mut self, sources: &[Source]) {
        let Some(lead) = &self.lead else { return };
        let Some(primary) = self.places.iter().find(|p| p.primary) else {
            return;
        };
        self.message = format!(
            "{lead} {} here, but {}",
            primary.normalized,
            elsewhere(sources, &self.places)
        );
    }
}

/// The other sides of a finding for its message: "12000 t in a.txt#1, … ".
pub fn elsewhere(sources: &[Source], places: &[Place]) -> String {
    places
        .iter()
        .filter(|p| !p.primary)
        .map(|p| format!("{} in {}", p.normalized, sources[p.source].id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What every rule gets to read.
pub struct Ctx<'a> {
    pub kb: &'a Kb,
    pub files: &'a [File],
    pub sources: &'a [Source],
    pub claims: &'a [Claim],
    /// Per source: the knowledge-base entity ids it names, sorted.
    pub entities: Vec<Vec<String>>,
    /// Per source: the entity ids it names (sorted) and how often, and the proper
    /// nouns its figures' sentences name that the knowledge base does not know
    /// (`np:…`). An indexed run gives an archive source's counts from the index,
    /// where its mentions are not loaded.
    pub mentions: Vec<Vec<(String, u32)>>,
    /// The sources' stories, worked out when a rule first asks.
    stories: std::sync::OnceLock<stories::Stories>,
    /// Role claims whose unknown holder misspells a known person: claim index to the
    /// person, worked out once for the two rules that ask.
    misspelt: std::sync::OnceLock<foldhash::HashMap<usize, usize>>,
}

/// Is a mention id a proper noun the knowledge base does not know?
pub fn is_proper_noun(id: &str) -> bool {
    id.starts_with("np:")
}

/// Is a mention id an entity of the knowledge base (not an unknown proper noun, nor
/// a sentence's capitalized first word, `lead:`)?
pub fn is_entity(id: &str) -> bool {
    !is_proper_noun(id) && !id.starts_with(LEAD)
}

/// The mention id prefix of a capitalized word that opens a figure's sentence and
/// that the article writes nowhere else (see `Frame::lead`): it is a name only when
/// another source names it (`stories`).
pub const LEAD: &str = "lead:";

/// Per source: the entity ids its claims name, sorted, and how often.
pub fn mentions(n_sources: usize, claims: &[Claim]) -> Vec<Vec<(String, u32)>> {
    let mut counts: Vec<BTreeMap<&str, u32>> = vec![BTreeMap::new(); n_sources];
    let mut leads: Vec<BTreeMap<String, u32>> = vec![BTreeMap::new(); n_sources];
    let mut adjectives: Vec<std::collections::BTreeSet<&str>> =
        vec![std::collections::BTreeSet::new(); n_sources];
    for c in claims {
        let Some(m) = counts.get_mut(c.source) else {
            continue;
        };
        match &c.kind {
            Kind::Entity(e) => {
                if let Some(id) = &e.id {
                    *m.entry(id.as_str()).or_default() += 1;
                }
            }
            // A figure's subject the knowledge base does not know still names a
            // party: stories are told apart by it. So does the body it is told by.
            Kind::Quantity(q) => {
                for id in [&q.frame.subject, &q.frame.teller].into_iter().flatten() {
                    if is_proper_noun(id) {
                        *m.entry(id.as_str()).or_default() += 1;
                    }
                }
                if let Some(l) = &q.frame.lead {
                    *leads[c.source].entry(format!("{LEAD}{l}")).or_default() += 1;
                }
                // A known party named only by an adjective ("Chinese mines") has
                // no entity claim: its figure's subject is its mention.
                if let Some(id) = &q.frame.subject
                    && !is_proper_noun(id)
                {
                    adjectives[c.source].insert(id.as_str());
                }
            }
            _ => {}
        }
    }
    for (m, a) in counts.iter_mut().zip(adjectives) {
        for id in a {
            m.entry(id).or_insert(1);
        }
    }
    counts
        .into_iter()
        .zip(leads)
        .map(|(m, l)| {
            let mut v: Vec<(String, u32)> =
                m.into_iter().map(|(id, n)| (id.to_string(), n)).collect();
            v.extend(l);
            v.sort();
            v
        })
        .collect()
}

impl<'a> Ctx<'a> {
    pub fn new(
        kb: &'a Kb,
        files: &'a [File],
        sources: &'a [Source],
        claims: &'a [Claim],
    ) -> Ctx<'a> {
        Ctx::with_mentions(kb, files, sources, claims, mentions(sources.len(), claims))
    }

    /// A context whose per-source entity counts are given (see `Ctx::mentions`).
    pub fn with_mentions(
        kb: &'a Kb,
        files: &'a [File],
        sources: &'a [Source],
        claims: &'a [Claim],
        mentions: Vec<Vec<(String, u32)>>,
    ) -> Ctx<'a> {
        debug_assert_eq!(mentions.len(), sources.len());
        let entities = mentions
            .iter()
            .map(|m| {
                m.iter()
                    .filter(|(id, _)| is_entity(id))
                    .map(|(id, _)| id.clone())
                    .collect()
            })
            .collect();
        Ctx {
            kb,
            files,
            sources,
            claims,
            entities,
            mentions,
            stories: std::sync::OnceLock::new(),
            misspelt: std::sync::OnceLock::new(),
        }
    }

    /// The known person claim `i`'s unknown holder misspells (see
    /// `name_variant::misspelt_holder`), if it is a role claim with one.
    pub fn misspelt_holder(&self, i: usize) -> Option<usize> {
        self.misspelt_holders().get(&i).copied()
    }

    fn misspelt_holders(&self) -> &HashMap<usize, usize> {
        use rayon::prelude::*;
        self.misspelt.get_or_init(|| {
            self.claims
                .par_iter()
                .enumerate()
                .filter_map(|(i, c)| match &c.kind {
                    Kind::Role(r) => {
                        name_variant::misspelt_holder(self, c.source, r).map(|e| (i, e))
                    }
                    _ => None,
                })
                .collect()
        })
    }

    /// Makes the tables rules share (stories, misspelt holders) before the rules
    /// run side by side: a table made with a parallel loop must not be first asked
    /// for inside one, where the thread making it could be handed a rule that waits
    /// for it.
    fn prepare(&self) {
        self.stories();
        self.misspelt_holders();
    }

    /// Which sources are one story (see `stories`): by the parties each names and
    /// the words of its headline, weighted by their rarity in the run.
    pub fn stories(&self) -> &stories::Stories {
        self.stories.get_or_init(|| {
            let p: quantity::Params = self.params();
            let features = self
                .mentions
                .iter()
                .zip(self.sources)
                .map(|(m, s)| {
                    let mut f: Vec<String> = m.iter().map(|(id, _)| id.clone()).collect();
                    f.extend(
                        s.title
                            .iter()
                            .flat_map(|t| crate::claims::frame::title_features(t))
                            .map(|w| format!("t:{w}")),
                    );
                    f
                })
                .collect();
            stories::Stories::new(features, p.story())
        })
    }

    /// The working text of a source's file.
    pub fn text_of(&self, source: usize) -> &str {
        &self.files[self.sources[source].file].text
    }

    /// The working text of a claim's span.
    pub fn text(&self, source: usize, span: &Range<usize>) -> &str {
        let f = &self.files[self.sources[source].file];
        crate::text::slice(&f.text, span.clone())
    }

    /// Do two sources name a person or organization in common?
    pub fn shares_actor(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.entities[a], &self.entities[b]);
        x.iter().any(|id| {
            y.binary_search(id).is_ok()
                && self
                    .kb
                    .entity(id)
                    .is_some_and(|e| e.kind != crate::kb::EntityType::Place)
        })
    }

    /// Are two keyed figures the same party's figure? Different named subjects never
    /// are. Within one source both must name the same subject. Across sources: the
    /// same subject (and `min_shared` entities in common; a country also needs a
    /// measure of two or more terms or a shared person or organization); or one names a person or
    /// organization that the other source names too; or neither names a subject, the
    /// sources share a person or organization, and the measure has two or more terms.
    pub fn tied(
        &self,
        a: usize,
        b: usize,
        ka: &crate::claims::Keyed,
        kb: &crate::claims::Keyed,
        min_shared: usize,
    ) -> bool {
        let actor = |id: &str| {
            self.kb
                .entity(id)
                .is_some_and(|e| e.kind != crate::kb::EntityType::Place)
        };
        let specific = ka.measure.split('+').count() >= 2;
        match (&ka.subject, &kb.subject) {
            // A country is the subject of many figures in many stories: across
            // articles its figure also needs a specific measure or a shared actor.
            (Some(x), Some(y)) => {
                x == y
                    && (a == b
                        || (self.same_story(a, b, min_shared)
                            && (actor(x) || specific || self.shares_actor(a, b))))
            }
            _ if a == b => false,
            (Some(x), None) => actor(x) && self.entities[b].binary_search(x).is_ok(),
            (None, Some(y)) => actor(y) && self.entities[a].binary_search(y).is_ok(),
            (None, None) => self.shares_actor(a, b) && specific,
        }
    }

    /// Are two sources about the same story? They are when they are one source, or
    /// name one person or organization in common, or at least `min_shared` entities
    /// of any kind (countries alone are too common to tie two stories together).
    pub fn same_story(&self, a: usize, b: usize, min_shared: usize) -> bool {
        if a == b {
            return true;
        }
        let (x, y) = (&self.entities[a], &self.entities[b]);
        let shared: Vec<&String> = x.iter().filter(|e| y.binary_search(e).is_ok()).collect();
        shared.len() >= min_shared
            || shared.iter().any(|id| {
                self.kb
                    .entity(id)
                    .is_some_and(|e| e.kind != crate::kb::EntityType::Place)
            })
    }

    /// A rule's parameters: `rules/`'s values over the struct's defaults.
    pub fn params<P: settings::Params>(&self) -> P {
        settings::params(self.kb)
    }
}

/// A rule family: its id, one-line summary, documentation, scope and checker.
pub struct Rule {
    pub id: &'static str,
    pub summary: &'static str,
    /// The module's source: its `//!` doc comment is the rule's documentation.
    source: &'static str,
    pub default_severity: Severity,
    pub scope: Scope,
    pub run: fn(&Ctx) -> Vec<Finding>,
    /// Checks a `[rule.ID]` table's parameters against the rule's typed struct.
    pub check_params: fn(&RuleSettings) -> Result<(), crate::Error>,
}

/// What a rule compares.
#[derive(Clone, Copy)]
pub enum Scope {
    /// One source at a time: its findings never involve two sources, so a draft
    /// checked against an archive is checked alone.
    Source,
    /// Claims across sources, grouped by keys: a draft checked against a claim index
    /// loads the archive's claims that share a key with the draft's. The function
    /// builds the rule's keying once per run.
    Sources(fn(&Kb) -> Box<dyn Keys + '_>),
}

/// A grouping key: a kind letter, then parts separated by U+001F.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(pub String);

impl Key {
    pub fn new(kind: char, parts: &[&str]) -> Key {
        let mut k = String::from(kind);
        for p in parts {
            k.push('\u{1f}');
            k.push_str(p);
        }
        Key(k)
    }
}

/// The days a draft's claim is read on: its article's date and the run's latest date.
#[derive(Clone, Copy)]
pub struct Days {
    pub date: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
}

/// How a cross-source rule groups claims, as an index stores and looks them up.
pub trait Keys: Sync {
    /// The keys a claim is stored under: every claim the rule may compare with
    /// another source's has one.
    fn stored(&self, c: &Claim, out: &mut Vec<Key>);
    /// The keys a draft's claim asks for: the stored claims the rule may compare it
    /// with. By default its own stored keys.
    fn asked(&self, c: &Claim, _days: Days, out: &mut Vec<Key>) {
        self.stored(c, out);
    }
}

impl Rule {
    /// The level in force: the one `rules/` or `claimcheck.toml` sets, else the
    /// rule's default.
    pub fn level(&self, kb: &Kb) -> Level {
        kb.rules
            .get(self.id)
            .map_or(self.default_severity.level(), |s| s.level)
    }

    /// The rule's documentation: its module doc comment.
    pub fn doc(&self) -> String {
        self.source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.trim_start_matches("//!")
                    .strip_prefix(' ')
                    .unwrap_or(l.trim_start_matches("//!"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Every rule family, in the order `claimcheck rules` lists them.
pub fn all() -> Vec<Rule> {
    vec![
        Rule {
            id: "role-holder-conflict",
            summary: "an office is given a holder who did not hold it at the article's date",
            source: include_str!("role_holder.rs"),
            default_severity: Severity::Error,
            scope: Scope::Sources(role_holder::keys),
            run: role_holder::check,
            check_params: settings::check::<role_holder::Params>,
        },
        Rule {
            id: "acronym-expansion-mismatch",
            summary: "an acronym is expanded or labelled with a name that is not its own",
            source: include_str!("acronym.rs"),
            default_severity: Severity::Error,
            scope: Scope::Sources(acronym::keys),
            run: acronym::check,
            check_params: settings::check::<acronym::Params>,
        },
        Rule {
            id: "entity-name-variant",
            summary: "a known entity is written in a form that is not one of its names",
            source: include_str!("name_variant.rs"),
            default_severity: Severity::Warning,
            scope: Scope::Source,
            run: name_variant::check,
            check_params: settings::check::<name_variant::Params>,
        },
        Rule {
            id: "quantity-conflict",
            summary: "the same quantity (subject, measure, period) is given values that cannot both hold",
            source: include_str!("quantity.rs"),
            default_severity: Severity::Error,
            scope: Scope::Sources(quantity::keys),
            run: quantity::check,
            check_params: settings::check::<quantity::Params>,
        },
        Rule {
            id: "date-conflict",
            summary: "the same event is given different dates",
            source: include_str!("date.rs"),
            default_severity: Severity::Error,
            scope: Scope::Sources(date::keys),
            run: date::check,
            check_params: settings::check::<date::Params>,
        },
        Rule {
            id: "reference-mismatch",
            summary: "a figure contradicts a dated reference figure in the knowledge base",
            source: include_str!("reference.rs"),
            default_severity: Severity::Error,
            scope: Scope::Source,
            run: reference::check,
            check_params: settings::check::<reference::Params>,
        },
        Rule {
            id: suppression::UNKNOWN,
            summary: "an inline suppression names no rule, or an id that is not a rule's",
            source: include_str!("suppression.rs"),
            default_severity: Severity::Warning,
            scope: Scope::Source,
            run: suppression::check,
            check_params: settings::check::<suppression::Params>,
        },
        Rule {
            id: suppression::UNUSED,
            summary: "an inline suppression names a rule that found nothing on its line",
            source: include_str!("suppression.rs"),
            default_severity: Severity::Warning,
            scope: Scope::Source,
            run: suppression::check,
            check_params: settings::check::<suppression::Params>,
        },
    ]
}

/// Runs every rule not set to `off`, with the severity `rules/` gives it; findings
/// come out deduplicated and sorted by primary location, then rule.
pub fn check(kb: &Kb, files: &[File], sources: &[Source], claims: &[Claim]) -> Vec<Finding> {
    let cx = Ctx::new(kb, files, sources, claims);
    run(&cx, &cx)
}

/// `check` with one context per scope: `Scope::Source` rules read `local`,
/// `Scope::Sources` rules read `across`, whose first sources are `local`'s (a draft
/// checked against a claim index: the draft alone, and the draft with the archive's
/// claims that share its keys). Places are sorted by `across`'s paths.
pub fn run(local: &Ctx, across: &Ctx) -> Vec<Finding> {
    use rayon::prelude::*;
    let kb = across.kb;
    local.prepare();
    across.prepare();
    // The rules run side by side (`--jobs`); their findings are sorted below.
    let mut out: Vec<Finding> = all()
        .par_iter()
        .map(|rule| {
            let Some(severity) = Severity::of(rule.level(kb)) else {
                return Vec::new();
            };
            let cx = match rule.scope {
                Scope::Source => local,
                Scope::Sources(_) => across,
            };
            let mut found = (rule.run)(cx);
            for f in &mut found {
                f.severity = severity;
            }
            found
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    let sources = across.sources;
    let key = |f: &Finding| {
        let p = f.places.iter().find(|p| p.primary).or(f.places.first());
        let (path, start) = p.map_or((String::new(), 0), |p| {
            (sources[p.source].path.clone(), p.span.start)
        });
        (path, start, f.rule, f.message.clone())
    };
    out.sort_by_key(key);
    out.dedup_by(|a, b| key(a) == key(b));
    out
}

/// Groups the members of conflicting pairs into connected groups (union-find), so
/// one finding names every source of one conflict.
pub fn groups(n: usize, pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut involved = vec![false; n];
    for &(a, b) in pairs {
        involved[a] = true;
        involved[b] = true;
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in (0..n).filter(|&i| involved[i]) {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    out.sort();
    out
}

/// The two sides as a line diff made with `similar`: `- written` then `+ expected`.
pub fn diff(written: &str, expected: &str) -> String {
    let (a, b) = (format!("{written}\n"), format!("{expected}\n"));
    let d = similar::TextDiff::from_lines(&a, &b);
    let mut out = String::new();
    for c in d.iter_all_changes() {
        let sign = match c.tag() {
            similar::ChangeTag::Delete => "- ",
            similar::ChangeTag::Insert => "+ ",
            similar::ChangeTag::Equal => "  ",
        };
        out.push_str(sign);
        out.push_str(c.value());
    }
    out
}

// The settings' tests name every rule's parameters, so they live with the registry
// (settings.rs, which every rule uses, names no rule).
#[cfg(test)]
mod settings_tests {
    use super::settings::*;
    use super::{acronym, date, name_variant, quantity, reference, role_holder};
    use crate::kb::Kb;

    /// The defaults are the values the rules used before they were typed.
    #[test]
    fn defaults_are_the_old_defaults() {
        let rh = role_holder::Params::default();
        assert_eq!((rh.did_you_mean_min_shared, rh.max_days_apart), (3, 30));
        assert_eq!(acronym::Params::default(), acronym::Params {});
        let nv = name_variant::Params::default();
        assert_eq!((nv.similarity, nv.min_length), (0.88, 6));
        let q = quantity::Params::default();
        assert_eq!(
            (q.relative_tolerance, q.about_tolerance, q.nearly_tolerance),
            (0.02, 0.1, 0.1)
        );
        assert_eq!((q.min_similarity, q.story_max_days_apart), (0.2, 62));
        let d = date::Params::default();
        assert_eq!((d.min_shared_entities, d.max_days_apart), (1, 62));
        assert_eq!(reference::Params::default().effective_lag_days, 7);
    }

    /// `rules/settings.toml` names only rules and keys that exist, and sets what the
    /// defaults say.
    #[test]
    fn builtin_settings_resolve_to_the_defaults() {
        let mut kb = crate::kb::builtin().expect("built-in rules load");
        resolve(&mut kb, &[]).expect("built-in settings are valid");
        fn same<P: Params + PartialEq + std::fmt::Debug>(kb: &Kb) {
            assert_eq!(params::<P>(kb), P::default(), "{}", P::RULE);
        }
        same::<role_holder::Params>(&kb);
        same::<acronym::Params>(&kb);
        same::<name_variant::Params>(&kb);
        same::<quantity::Params>(&kb);
        same::<date::Params>(&kb);
        same::<reference::Params>(&kb);
    }
}
