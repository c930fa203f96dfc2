//! One Aho-Corasick automaton over every name the knowledge base knows.
//!
//! Latin patterns match on word boundaries, CJK patterns anywhere. Names and
//! acronyms match case-sensitively; office titles ignore ASCII case.

use std::ops::Range;

/// What a matched pattern stands for. One pattern can stand for several things
/// (`BIS` for two organizations, `President` for many offices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The entity's canonical name or one of its aliases.
    Name(u32),
    Acronym(u32),
    /// A person's surname alone.
    Surname(u32),
    /// A place's adjective or possessive (`Japanese`, `Japan's`).
    Adjective(u32),
    /// A known wrong form of the entity's name.
    Misspelling(u32),
    /// An office title (index into `Kb::offices`).
    Title(u32),
    /// A full office name that needs no qualifier (index into `Kb::offices`).
    OfficeAlias(u32),
}

/// A match in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    /// Index of the pattern; `Gazetteer::hits` tells what it stands for.
    pub pattern: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// Every mention in `text`, leftmost-longest, in order.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let _ = text;
        Vec::new()
    }

    /// What pattern `p` stands for.
    pub fn hits(&self, p: u32) -> &[Hit] {
        let _ = p;
        &[]
    }
}
