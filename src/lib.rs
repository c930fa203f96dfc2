//! claimcheck: reads news articles, normalizes their claims and reports conflicts.
//!
//! The pipeline, one module a stage:
//! `read` (files → sources with normalized text) → `normalize` (nom grammars for
//! numbers, quantities and dates) → `claims` (quantities, dates, entities, roles,
//! acronyms, keyed by subject and measure) → `rules` (conflict detection through an
//! index) → `report` (human, JSON, …). `kb` is the knowledge base those stages consult;
//! `engine` runs the stages, over articles or against claim indexes. `text` (scripts,
//! sentences and words, the language lexicon, number display) sits below them all.

// Input decides what these would panic on: propagate errors instead.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod atomic;
pub mod claims;
pub mod config;
pub mod engine;
pub mod error;
pub mod kb;
pub mod normalize;
pub mod read;
pub mod report;
pub mod rules;
pub mod text;

pub use error::Error;
