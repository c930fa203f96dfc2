//! `claimcheck index`: a compact claim index of an archive, which
//! `claimcheck check DRAFT --against FILE` reads instead of the articles.
//!
//! A finding of `check --against` always has a place in the draft, and every rule
//! that compares sources groups claims by a key: the office of a role, the acronym,
//! the (measure, unit, period, reported-or-expected) of a figure, the event of a date.
//! So the draft decides what matters: the index stores the archive's keyed claims in
//! one block per key, behind a sorted key directory, and a check reads the header,
//! the source table and only the blocks of the draft's keys. Text is read last, and
//! only for the archive places of the findings that remain.
//!
//! What is stored per archive source is what the rules and reports need and no more:
//! its id, path, title, date, language and range; how often it names each
//! knowledge-base entity (the rules ask whether two sources share an actor, and which
//! three entities a source names most); its keyed claims; and, per file, the whole
//! lines those claims sit on (working text, original text and the map between them
//! when they differ), placed at their line numbers when a report needs them, so
//! locations, excerpts and sentences come out exactly as from the articles.
//!
//! Keys are the rules' own: every rule of `Scope::Sources` in the registry says
//! which keys a claim is stored under and which a draft's claim asks for
//! (`rules::Keys`); the index keeps no list of its own. Today: `o` office id (role
//! claims); `q` measure, unit, period, `actual`/`other` (quantities with a measure
//! and a period); `d` event (dates with an event); `a` short form (acronym
//! definitions); `p` entity id (mentions of a person who holds an office in the
//! knowledge base: the right holder is shown beside a wrong one). The draft's role
//! claims also ask for `p` of the office's holders on the draft's date and on the
//! run's latest date.
//!
//! # Format, version 1
//!
//! Integers in the fixed prefix are little-endian. Everything else is encoded with
//! postcard 1.x, whose wire format is specified and stable since 1.0 (varint integers,
//! zigzag for signed ones, length-prefixed strings and sequences, enum variants by
//! index, `Option` as a 0/1 tag); `Claim` and the types in it are encoded through
//! their serde derives. Checksums are [`checksum`] (64-bit, over 8-byte words).
//!
//! | bytes | content |
//! | --- | --- |
//! | 0..8 | magic `CLAIMIDX` |
//! | 8..12 | format version (u32) |
//! | 12..16 | header length H (u32) |
//! | 16..24 | header checksum (u64) |
//! | 24..24+H | [`Header`]: claimcheck version, claim layout probe, knowledge-base fingerprint, counts, latest date, the four sections |
//! | 24+H.. | data: sections at the offsets the header gives, relative to here |
//!
//! Sections: `meta` ([`Meta`]: languages, entity ids, files with their text blob,
//! sources); `directory` (sorted [`DirEntry`]: key, block offset, length, checksum);
//! `blocks` (per key, `Vec<`[`Rec`]`>` in source then text order); `texts` (per
//! file, a [`FileText`] blob). `meta` and `directory` are checked whole when read,
//! blocks and blobs one by one. An index is rejected with a one-line error (exit
//! status 2) when truncated, corrupt, of another format version, written by another
//! claimcheck version or claim layout, or built with another knowledge base or
//! `reference_date`.

//!
//! Modules: `format` (the bytes: header, sections, checksums), `write`, `read` (an
//! index opened for a check, files rebuilt from stored lines), `check` (a draft
//! against indexes, through `rules::run` like any run).

mod check;
mod format;
mod keys;
mod read;
mod write;

pub use check::check;
pub use format::Stats;
pub use format::{FORMAT_VERSION, MAGIC, checksum, fingerprint, is_index, refuse_empty};
pub use write::write;
