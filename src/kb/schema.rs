//! The file format of `rules/*.toml` (see rules/README.md) as serde reads it. Values
//! keep their spans, so that every problem is reported at its file, line and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::EntityType;
use super::settings::Num;

pub(super) type S = Spanned<String>;

/// Every file is one `FileDoc`: its top-level keys say which tables it holds, so
/// users may name their files as they like.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileDoc {
    #[serde(default)]
    pub person: Vec<PersonDoc>,
    #[serde(default)]
    pub organization: Vec<OrganizationDoc>,
    #[serde(default)]
    pub place: Vec<PlaceDoc>,
    #[serde(default)]
    pub office: Vec<OfficeDoc>,
    #[serde(default)]
    pub figure: Vec<FigureDoc>,
    #[serde(default)]
    pub event: Vec<EventDoc>,
    #[serde(default)]
    pub publisher: Vec<PublisherDoc>,
    #[serde(default)]
    pub rule: BTreeMap<S, RuleDoc>,
    #[serde(default)]
    pub measure: Vec<MeasureDoc>,
    #[serde(default)]
    pub exclusive: Vec<ExclusiveDoc>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct SourceDoc {
    pub publisher: S,
    pub document: S,
    pub date: Spanned<DateIn>,
}

/// A date written as a string (`"2024-10-01"`) or as a TOML date (`2024-10-01`).
#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub(super) enum DateIn {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateIn {
    pub fn text(&self) -> String {
        match self {
            DateIn::Text(s) => s.clone(),
            DateIn::Toml(d) => d.to_string(),
        }
    }
}

/// `{ text = "…", on = "YYYY-MM-DD", flag = "rule-id" }`: see `super::Example`.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct ExampleDoc {
    pub text: S,
    pub on: Option<Spanned<DateIn>>,
    pub flag: Option<S>,
    #[serde(default)]
    pub lookalike: bool,
}

pub(super) type Examples = Vec<Spanned<ExampleDoc>>;

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RenamedDoc {
    pub from: S,
    pub on: Spanned<DateIn>,
}

/// People, organizations and places in one shape: what sets them apart is which of
/// these fields each may write.
#[derive(Clone)]
pub(super) struct EntityDoc {
    pub kind: EntityType,
    pub id: S,
    pub name: S,
    pub fields: EntityFields,
    pub source: SourceDoc,
    pub examples: Examples,
}

/// The optional fields of an entity; a kind that may not write one leaves it empty.
#[derive(Clone, Default)]
pub(super) struct EntityFields {
    pub aliases: Vec<S>,
    pub acronyms: Vec<S>,
    pub surnames: Vec<S>,
    pub adjectives: Vec<S>,
    pub contexts: Vec<S>,
    pub misspellings: Vec<S>,
    pub operator: Option<S>,
    pub renamed: Vec<RenamedDoc>,
    /// The one character that stands for the entity in Chinese pair names (中 and 欧: 中欧).
    pub pair_form: Option<S>,
    /// A body that mostly reports or receives others' figures (an agency, a regulator).
    pub reporter: bool,
    /// The entity a mention of this one names too (a capital: its country).
    pub part_of: Option<S>,
}

/// The document of one kind of entity: `id`, `name`, the optional fields it may
/// write (in this order in serde's "expected one of"), `source` and `examples`.
macro_rules! entity_doc {
    ($doc:ident, $kind:expr, $($field:ident: $ty:ty),*) => {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct $doc {
            id: S,
            name: S,
            $(#[serde(default)] $field: $ty,)*
            source: SourceDoc,
            #[serde(default)]
            examples: Examples,
        }

        impl From<$doc> for EntityDoc {
            fn from(d: $doc) -> EntityDoc {
                EntityDoc {
                    kind: $kind,
                    id: d.id,
                    name: d.name,
                    fields: EntityFields { $($field: d.$field,)* ..EntityFields::default() },
                    source: d.source,
                    examples: d.examples,
                }
            }
        }
    };
}

entity_doc!(PersonDoc, EntityType::Person,
    aliases: Vec<S>, surnames: Vec<S>, contexts: Vec<S>, misspellings: Vec<S>);
entity_doc!(OrganizationDoc, EntityType::Organization,
    aliases: Vec<S>, acronyms: Vec<S>, contexts: Vec<S>, misspellings: Vec<S>,
    renamed: Vec<RenamedDoc>, reporter: bool, pair_form: Option<S>, part_of: Option<S>);
entity_doc!(PlaceDoc, EntityType::Place,
    aliases: Vec<S>, acronyms: Vec<S>, adjectives: Vec<S>, contexts: Vec<S>,
    misspellings: Vec<S>, operator: Option<S>, renamed: Vec<RenamedDoc>, pair_form: Option<S>,
    part_of: Option<S>);

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct OfficeDoc {
    pub id: S,
    pub name: S,
    #[serde(default)]
    pub titles: Vec<S>,
    pub of: Option<S>,
    #[serde(default)]
    pub aliases: Vec<S>,
    #[serde(default)]
    pub holders: Vec<HolderDoc>,
    #[serde(default)]
    pub gaps: Vec<GapDoc>,
    pub source: SourceDoc,
    #[serde(default)]
    pub examples: Examples,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct HolderDoc {
    pub person: S,
    pub from: Spanned<DateIn>,
    pub to: Option<Spanned<DateIn>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct GapDoc {
    pub from: Spanned<DateIn>,
    pub to: Spanned<DateIn>,
    pub why: S,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct FigureDoc {
    pub id: S,
    pub name: S,
    #[serde(default)]
    pub subject: Option<S>,
    #[serde(default)]
    pub terms: Vec<S>,
    pub unit: S,
    #[serde(default)]
    pub tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    pub equivalents: Vec<Spanned<EquivalentDoc>>,
    #[serde(default)]
    pub values: Vec<Spanned<ValueDoc>>,
    pub source: SourceDoc,
    #[serde(default)]
    pub examples: Examples,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct EquivalentDoc {
    pub basis: String,
    pub factor: f64,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct ValueDoc {
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub from: Spanned<DateIn>,
    pub to: Option<Spanned<DateIn>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct EventDoc {
    pub id: S,
    pub name: S,
    #[serde(default)]
    pub subjects: Vec<S>,
    #[serde(default)]
    pub terms: Vec<S>,
    /// Words of what the event is about; the date's sentence must write one.
    pub topic: Spanned<Vec<S>>,
    pub date: Spanned<DateIn>,
    pub source: SourceDoc,
    #[serde(default)]
    pub examples: Examples,
}

/// A news outlet as its bylines name it, and the country it reports from: a bare
/// title in its articles ("Prime Minister X") may be that country's.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct PublisherDoc {
    pub id: S,
    pub names: Spanned<Vec<S>>,
    pub country: S,
    pub source: SourceDoc,
}

/// `[rule.ID]`: its level and numeric parameters. Which ids and keys exist is the
/// rules layer's to check (`rules::settings`).
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RuleDoc {
    pub severity: Option<S>,
    #[serde(default)]
    pub params: BTreeMap<S, Spanned<Num>>,
}

/// How a figure that names no measure of an exclusive class reads (`[[exclusive]]`).
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct ExclusiveDoc {
    pub class: S,
    /// `apart` (the default), `any`, or a measure key of the class.
    pub unnamed: S,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct MeasureDoc {
    /// `measure` (the default), `event`, `forecast`, `former` or `increment`.
    pub class: Option<S>,
    pub key: S,
    pub terms: Vec<S>,
    /// `false`: a quantity this word measures is never checked against a reference
    /// figure ("production capacity", "quota").
    #[serde(default)]
    pub reference: Option<bool>,
    /// A class of measures that exclude each other: two figures whose contexts name
    /// different measures of one class (capacity, output) are not one claim.
    #[serde(default)]
    pub exclusive: Option<S>,
    /// `true`: the measure is a rate of its own (a tariff, an interest rate), never a
    /// part of a whole, so a share ("40% of world trade") is not a figure of it.
    #[serde(default)]
    pub rate: Option<bool>,
    /// `money`: never what a count or a tonnage measures ("sales" of 5,000 cars are
    /// not revenue); `goods`: never what a sum of money measures.
    #[serde(default)]
    pub figures: Option<S>,
}
