//! Claims: what each source states, normalized and keyed for comparison.

use std::ops::Range;

use crate::kb::EntityType;
use crate::normalize::{DateValue, Qty};

/// One claim, located in its source.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Index into the run's sources.
    pub source: usize,
    /// Byte range in the file's working text.
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Quantity(QuantityClaim),
    Date(DateClaim),
    Entity(EntityClaim),
    Role(RoleClaim),
    Acronym(AcronymClaim),
}

#[derive(Debug, Clone)]
pub struct QuantityClaim {
    pub qty: Qty,
    /// Who or what the quantity is about (an entity's canonical name), when known.
    pub subject: Option<String>,
    /// The normalized key claims are compared by: same measure, same period.
    pub measure: String,
    /// The year or date the figure is for, when the sentence says.
    pub period: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DateClaim {
    pub value: DateValue,
    /// What happened on that date, normalized (`announce`, `sign`, `end`), when the sentence says.
    pub event: Option<String>,
    /// Entity ids named in the same sentence.
    pub subjects: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct EntityClaim {
    pub canonical: String,
    pub etype: EntityType,
    pub id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct RoleClaim {
    /// Office id in the knowledge base.
    pub office_id: String,
    /// Canonical office name.
    pub office: String,
    /// The holder as written.
    pub holder: String,
    /// Byte range of the holder's name in the working text.
    pub holder_span: Range<usize>,
    /// Knowledge-base entity id and name of the holder, when resolved.
    pub holder_id: Option<String>,
    pub holder_canonical: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AcronymClaim {
    pub short: String,
    pub long: String,
    pub short_span: Range<usize>,
    pub long_span: Range<usize>,
}
