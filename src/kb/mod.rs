//! The knowledge base: entities (people, organizations, places), offices with their
//! holders over time, dated reference figures and events, and the settings
//! (severities, tolerances, thresholds) of the rules. All of it is data in `rules/`
//! (TOML), compiled into the binary as the default; `--rules DIR` adds files that
//! override entries by id. `load` validates everything and reports the first problem
//! with file, line and column.

mod build;
mod docs;
pub mod gazetteer;
pub mod load;
pub mod names;
pub mod query;
mod schema;
pub mod settings;
pub mod vocab;

use foldhash::HashMap;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

pub use gazetteer::{Gazetteer, Hit, Mention};
pub use load::{builtin, load};
pub use settings::{Level, RuleSettings};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Place,
    Office,
    Other,
}

impl EntityType {
    /// The kind as messages and `claimcheck kb` name it ("entity" for `Other`).
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
            EntityType::Office => "office",
            EntityType::Other => "entity",
        }
    }
}

/// Where a knowledge-base entry comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub publisher: String,
    pub document: String,
    /// ISO date (or year) of the document.
    pub date: String,
}

/// A person, organization or place.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub kind: EntityType,
    /// Canonical name, as reports print it.
    pub name: String,
    /// Other full names (other orders, spellings, scripts, former names).
    pub aliases: Vec<String>,
    /// Acronyms and short names that stand for this entity (`NMA`, `BoN`).
    pub acronyms: Vec<String>,
    /// Surnames (people): matched on their own only after an office title.
    pub surnames: Vec<String>,
    /// Adjectives and possessives that qualify an office (places: `Japanese`, `日本`).
    pub adjectives: Vec<String>,
    /// Words whose presence nearby selects this entity when an acronym is ambiguous.
    pub contexts: Vec<String>,
    /// Known wrong forms to flag (`Norlnd`), besides those found by similarity.
    pub misspellings: Vec<String>,
    /// Entity id of the organization that runs a facility (places: mines, refineries).
    pub operator: Option<String>,
    /// Former names and the day the current name took effect.
    pub renamed: Vec<Renamed>,
    /// The one character that stands for it in Chinese pair names (中 of 中欧).
    pub pair_form: Option<String>,
    /// A body that mostly reports or receives others' figures (an agency, a regulator,
    /// a producers' group quoting its members): it is the subject of a figure only
    /// through its possessive ("OPEC's output"), not by being named before it.
    pub reporter: bool,
    /// Entity id of what a mention of this entity names too: a capital's country, the
    /// seat standing for its government ("Beijing said", 北京表示).
    pub part_of: Option<String>,
    pub source: SourceRef,
    pub examples: Vec<Example>,
}

/// A sentence an entry carries as its own test: it must resolve to the entry with no
/// finding, or (with `flag`) be flagged by that rule. `claimcheck kb check` runs them.
#[derive(Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    /// The date of the article the sentence stands for.
    pub on: Option<NaiveDate>,
    /// The rule id that must flag the sentence: as written (a rule id or its unique
    /// leading part) until the rules layer, which knows the ids, resolves it
    /// (`rules::settings::resolve`).
    pub flag: Option<String>,
    /// Byte offset of `flag` in `src` (0 when there is none).
    pub flag_offset: usize,
    /// A look-alike ("production capacity" next to a production figure): it must
    /// neither resolve to the entry nor give a finding.
    pub lookalike: bool,
    /// The file the example is written in, its text and the example's byte offset:
    /// line and column are worked out only when an example fails (`place`).
    pub path: Arc<str>,
    pub src: Arc<str>,
    pub offset: usize,
}

/// Without the file's text: the example is its sentence and place. (The index's
/// knowledge-base fingerprint is this debug text; with every example's whole file in
/// it, the fingerprint took 0.8 s and 50 MB of text for each `check --against`.)
impl fmt::Debug for Example {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Example")
            .field("text", &self.text)
            .field("on", &self.on)
            .field("flag", &self.flag)
            .field("flag_offset", &self.flag_offset)
            .field("lookalike", &self.lookalike)
            .field("path", &self.path)
            .field("offset", &self.offset)
            .finish_non_exhaustive()
    }
}

impl Example {
    /// The example's 1-based line and column in its file.
    pub fn place(&self) -> (usize, usize) {
        crate::text::line_col(&self.src, self.offset)
    }
}

/// A former name of an entity: it was called `from` until the day before `on`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    pub from: String,
    pub on: NaiveDate,
}

/// One holder's term of office, `from` and `to` both inclusive (see `Office::holders_on`).
///
/// A `from` or `to` recorded as a month or a year ("2004-03", "2004") is uncertain
/// within it: `from` is then the first day it may have begun and `to` the last day it
/// may have ended, so the holder counts as possibly in office throughout the window.
#[derive(Debug, Clone)]
pub struct Term {
    /// Entity id of the person.
    pub person: String,
    pub from: NaiveDate,
    /// Last day in office; None while in office.
    pub to: Option<NaiveDate>,
    /// How precisely `from` and `to` are known.
    pub from_known: Precision,
    pub to_known: Precision,
}

/// How precisely a term's start or end day is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    /// The last day of the month or year that starts on `day` (`day` itself for `Day`).
    pub fn end_of(self, day: NaiveDate) -> NaiveDate {
        use chrono::Datelike;
        let next = match self {
            Precision::Day => return day,
            Precision::Month if day.month() == 12 => NaiveDate::from_ymd_opt(day.year() + 1, 1, 1),
            Precision::Month => NaiveDate::from_ymd_opt(day.year(), day.month() + 1, 1),
            Precision::Year => NaiveDate::from_ymd_opt(day.year() + 1, 1, 1),
        };
        next.and_then(|d| d.pred_opt()).unwrap_or(day)
    }

    /// `day` as recorded: "2004-03-15", "2004-03" or "2004".
    pub fn show(self, day: NaiveDate) -> String {
        match self {
            Precision::Day => day.to_string(),
            Precision::Month => day.format("%Y-%m").to_string(),
            Precision::Year => day.format("%Y").to_string(),
        }
    }
}

impl Term {
    /// The first day the holder was surely in office.
    pub fn sure_from(&self) -> NaiveDate {
        self.from_known.end_of(self.from)
    }

    /// The last day the holder was surely in office (None while in office).
    pub fn sure_to(&self) -> Option<NaiveDate> {
        self.to.map(|to| match self.to_known {
            Precision::Day => to,
            p => {
                use chrono::Datelike;
                match p {
                    Precision::Month => to.with_day(1).unwrap_or(to),
                    _ => NaiveDate::from_ymd_opt(to.year(), 1, 1).unwrap_or(to),
                }
            }
        })
    }

    /// "2004-03-15", or the month or year when the day is not recorded.
    pub fn from_text(&self) -> String {
        self.from_known.show(self.from)
    }

    pub fn to_text(&self) -> Option<String> {
        self.to.map(|to| self.to_known.show(to))
    }

    /// Whether the holder may have been in office at some time from `from` to `to`.
    pub fn covers(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.from <= to && self.to.is_none_or(|end| from <= end)
    }
}

/// Days an office's record explains as having no recorded holder (a vacancy, an acting
/// holder the press did not call by the title): `from` and `to` inclusive.
#[derive(Debug, Clone)]
pub struct Gap {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub why: String,
}

/// An office and who held it when.
#[derive(Debug, Clone)]
pub struct Office {
    pub id: String,
    /// Canonical name: "Prime Minister of Japan".
    pub name: String,
    /// Title words that name it once qualified by `of` (`Prime Minister`, `首相`, `CEO`).
    pub titles: Vec<String>,
    /// Entity id of the country or organization the office belongs to.
    pub of: Option<String>,
    /// Full names that name the office with no qualifier needed (`日本首相`, `Fed Chair`).
    pub aliases: Vec<String>,
    pub holders: Vec<Term>,
    /// Days between terms the record explains (see `Gap`).
    pub gaps: Vec<Gap>,
    pub source: SourceRef,
    pub examples: Vec<Example>,
}

impl Office {
    /// Entity ids of whoever held the office on `day` (two on a handover day).
    pub fn holders_on(&self, day: NaiveDate) -> Vec<&str> {
        self.holders_between(day, day)
    }

    /// Entity ids of whoever held the office at some time from `from` to `to`
    /// (inclusive), in term order.
    pub fn holders_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<&str> {
        self.holders
            .iter()
            .filter(|t| t.covers(from, to))
            .map(|t| t.person.as_str())
            .collect()
    }
}

/// One value of a reference series, in force from `from` (inclusive) to `to` (inclusive).
#[derive(Debug, Clone)]
pub struct FigureValue {
    /// Low and high end (equal for a single value), in the figure's unit.
    pub low: f64,
    pub high: f64,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl FigureValue {
    /// The level as findings and `kb figure` print it: `2.5`, or `4.25-4.5` for a range.
    pub fn level(&self) -> String {
        use crate::text::num::num;
        if self.low == self.high {
            num(self.low).to_string()
        } else {
            format!("{}-{}", num(self.low), num(self.high))
        }
    }
}

/// Another basis a figure is written in: `factor` times the figure's value.
#[derive(Debug, Clone)]
pub struct Equivalent {
    pub basis: String,
    pub factor: f64,
}

/// A dated reference figure: a policy rate, a survey's production figure.
#[derive(Debug, Clone)]
pub struct Figure {
    pub id: String,
    /// Human name: "Bank of Norland policy rate".
    pub name: String,
    /// Entity id of the body or place it belongs to (`ecb`, `china`); none for a
    /// worldwide figure, whose terms name the scope themselves ("global rare earth
    /// production") and which applies only to a quantity with no subject of its own.
    pub subject: Option<String>,
    /// Phrases that name the measure in a sentence that mentions the subject
    /// (`deposit facility rate`, `deposit rate`, `存款便利利率`).
    pub terms: Vec<String>,
    /// Unit name as in the output (`percent`, `USD`, `t`).
    pub unit: String,
    pub values: Vec<FigureValue>,
    /// Absolute tolerance in the figure's unit.
    pub tolerance: f64,
    /// Other bases the same amount is commonly given in (lithium content is also
    /// written as lithium carbonate equivalent, 5.323 times as heavy).
    pub equivalents: Vec<Equivalent>,
    pub source: SourceRef,
    pub examples: Vec<Example>,
}

impl Figure {
    /// The value in force on `day`, if the series covers it.
    pub fn value_on(&self, day: NaiveDate) -> Option<&FigureValue> {
        self.values
            .iter()
            .find(|v| v.from <= day && v.to.is_none_or(|to| day <= to))
    }
}

/// A dated event, for `date-conflict` against the knowledge base.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub name: String,
    /// Entity ids that must be mentioned in the sentence.
    pub subjects: Vec<String>,
    /// Words that name the event (`announce`, `宣布`, `transit ended`).
    pub terms: Vec<String>,
    /// Words of what the event is about ("critical minerals", 稀土): the date's
    /// sentence must write one.
    pub topic: Vec<String>,
    pub date: NaiveDate,
    pub source: SourceRef,
    pub examples: Vec<Example>,
}

impl Event {
    /// How many words of the event's `topic` `sentence` writes.
    pub fn topic_words(&self, sentence: &str) -> usize {
        let lower = sentence.to_lowercase();
        self.topic
            .iter()
            .filter(|t| has_word(&lower, &t.to_lowercase()))
            .count()
    }

    /// Does a date stand for this event? Every subject must be named with it
    /// (`subjects`: entity ids), its sentence must write a word of the event's
    /// `topic`, and its event word (`key`, a vocabulary key such as `announce` or
    /// `take-effect`) must be one of the event's terms, or, when `loose`, one of the
    /// terms must be written in the sentence.
    pub fn is_named(
        &self,
        key: Option<&str>,
        subjects: &[String],
        sentence: &str,
        loose: bool,
    ) -> bool {
        if !self.subjects.iter().all(|s| subjects.contains(s)) {
            return false;
        }
        if self.topic_words(sentence) == 0 {
            return false;
        }
        let sentence = loose.then_some(sentence);
        let terms: Vec<String> = self.terms.iter().map(|t| t.to_lowercase()).collect();
        let by_key = key.is_some_and(|k| {
            let k = k.replace('-', " ");
            terms.iter().any(|t| t.starts_with(&k))
        });
        let in_sentence = sentence.is_some_and(|s| {
            let s = s.to_lowercase();
            terms.iter().any(|t| s.contains(t.as_str()))
        });
        by_key || in_sentence
    }
}

/// Is `word` in `text` (both lowercased), not inside a longer Latin word at its
/// start ("gas" is not in "Vegas")? A topic word may take an ending ("mineral" in
/// "minerals").
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        !text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() && !crate::text::is_cjk(c))
    })
}

/// How a figure that names no measure of an exclusive class reads beside one that
/// names a measure of it right by its figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unnamed {
    /// As another measure: "capacity" right by one figure parts it from a figure
    /// that names no volume at all.
    Apart,
    /// As any of them: a copper figure that names no stage may be the mine's.
    Any,
    /// As this one: a tonnage that names no volume is an output.
    Reads(String),
}

/// One word or phrase of the vocabulary and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabTerm {
    /// `measure` (what a quantity measures), `event` (what happened on a date),
    /// `forecast` (the figure is expected, not reported), `former` (a past office holder),
    /// `increment` (an addition, not a total).
    pub class: String,
    /// The canonical key the term stands for (`capex`, `announce`).
    pub key: String,
    /// The surface form, matched ignoring ASCII case; Latin forms also match with
    /// `s`/`es`/`ed`/`d`/`ing` added.
    pub term: String,
}

/// The loaded, validated knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Kb {
    pub entities: Vec<Entity>,
    pub offices: Vec<Office>,
    pub figures: Vec<Figure>,
    pub events: Vec<Event>,
    /// Publishers' byline names (folded, see `fold_name`) to their country's entity.
    pub publishers: HashMap<String, usize>,
    /// Rule settings by rule id (`rules/settings.toml`), checked against the rules
    /// by `rules::settings::resolve`.
    pub rules: BTreeMap<String, RuleSettings>,
    /// The vocabulary claims are keyed with (`rules/measures.toml`).
    pub vocabulary: Vec<VocabTerm>,
    /// Measure keys that say a quantity is not the measured level itself (a capacity,
    /// a quota, a target): such a quantity is never checked against a reference figure.
    pub unreferenced: std::collections::BTreeSet<String>,
    /// Measure key to its exclusive class (`exclusive` in `rules/measures.toml`).
    pub exclusive: BTreeMap<String, String>,
    /// Exclusive class to how a figure naming none of its measures reads
    /// (`[[exclusive]]`); a class not listed is `Unnamed::Apart`.
    pub unnamed: BTreeMap<String, Unnamed>,
    /// Measure keys that only money figures measure (`figures = "money"`: `true`)
    /// or only goods (`figures = "goods"`: `false`).
    pub money_only: BTreeMap<String, bool>,
    /// Measure keys of rates that are never a part of a whole (`rate` in
    /// `rules/measures.toml`).
    pub rates: std::collections::BTreeSet<String>,
    /// Index of `entities` and `offices` by id.
    pub entity_index: HashMap<String, usize>,
    pub office_index: HashMap<String, usize>,
    /// Entity indices by folded name, alias or acronym (see `fold_name`).
    pub name_index: HashMap<String, Vec<usize>>,
    /// The one automaton over every name, alias, acronym, surname, adjective and title.
    pub gazetteer: Gazetteer,
    /// Tables the later phases derive from all of the above, built on first use.
    pub derived: Derived,
}

/// Lookup tables that extraction and the rules derive from the knowledge base,
/// built once on first use and kept: `kb check` runs a thousand examples against
/// one knowledge base, and rebuilding them per example was 97% of its time. The
/// entries above must not change once a table is built (severities may); a clone
/// starts with none, since it may be changed.
#[derive(Default)]
pub struct Derived {
    vocab: OnceLock<vocab::Vocab>,
    names: OnceLock<names::Names>,
    /// The claim index's fingerprint of the entries (a second to make: a language
    /// server checks against an index at every keystroke).
    fingerprint: OnceLock<u64>,
}

impl Clone for Derived {
    fn clone(&self) -> Derived {
        Derived::default()
    }
}

impl fmt::Debug for Derived {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Derived")
    }
}

impl Kb {
    /// `make()` the first time, then the same value for this knowledge base.
    pub fn memo_fingerprint(&self, make: impl FnOnce() -> u64) -> u64 {
        *self.derived.fingerprint.get_or_init(make)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index.get(id).map(|&i| &self.entities[i])
    }
    pub fn office(&self, id: &str) -> Option<&Office> {
        self.office_index.get(id).map(|&i| &self.offices[i])
    }
    /// The vocabulary automaton, built on first use.
    pub fn vocab(&self) -> &vocab::Vocab {
        self.derived.vocab.get_or_init(|| vocab::Vocab::new(self))
    }

    /// The Latin names as `entity-name-variant` compares them, built on first use.
    pub fn names(&self) -> &names::Names {
        self.derived.names.get_or_init(|| names::Names::new(self))
    }

    /// Entities whose name, alias or acronym equals `s`, ignoring case, diacritics
    /// (`Jørgensen` = `Jorgensen`) and extra spaces.
    /// The country a publisher (as its byline names it) reports from.
    pub fn publisher_country(&self, publisher: &str) -> Option<usize> {
        self.publishers.get(&fold_name(publisher.trim())).copied()
    }

    /// Is `s` a name, alias or acronym of some entity (as `lookup_name`)?
    pub fn has_name(&self, s: &str) -> bool {
        self.name_index
            .get(&fold_name(s))
            .is_some_and(|v| !v.is_empty())
    }

    pub fn lookup_name(&self, s: &str) -> Vec<usize> {
        self.name_index
            .get(&fold_name(s))
            .cloned()
            .unwrap_or_default()
    }

    /// Every entity's canonical name and aliases, with the entity's index.
    pub fn all_names(&self) -> impl Iterator<Item = (usize, &str)> {
        self.entities.iter().enumerate().flat_map(|(i, e)| {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .map(move |n| (i, n))
        })
    }
}

/// A name folded past its accepted spelling differences: `fold_name`, then hyphens as
/// spaces, without dots ("U.S."), "&" as "and", no leading "the" or trailing
/// possessive, and each word in the spelling names use (lexicon `spelling`:
/// "Organisation" → "organization"). Two names whose folds are alike but for spaces
/// (`same_name`: "Co-operation", "Cooperation") are one name written two accepted ways.
pub fn fold_variant(s: &str) -> String {
    let lex = crate::text::lexicon();
    let folded = fold_name(&s.replace('-', " ").replace('.', "").replace('&', " and "));
    let folded = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("’s"))
        .unwrap_or(&folded);
    let folded = folded.strip_prefix("the ").unwrap_or(folded);
    let mut out = String::with_capacity(folded.len());
    for w in folded.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(lex.spelling.get(w).map_or(w, String::as_str));
    }
    out
}

/// Are two names one name in two accepted spellings (`fold_variant`, spaces aside)?
pub fn same_name(a: &str, b: &str) -> bool {
    let compact = |s: &str| fold_variant(s).replace(' ', "");
    compact(a) == compact(b)
}

/// A name folded for comparison: lowercase, without diacritics, single spaces.
pub fn fold_name(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    // ASCII has nothing to decompose: lower-case it and collapse its spaces.
    if s.is_ascii() {
        for w in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    for c in s.nfkd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // Letters that do not decompose into a base letter and a mark.
        match c {
            'ø' | 'Ø' => out.push('o'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}
