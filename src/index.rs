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
//! Keys (a kind letter, then parts separated by U+001F):
//! `o` office id (role claims); `q` measure, unit, period, `actual`/`other`
//! (quantities with a measure and a period); `d` event (dates with an event);
//! `a` short form (acronym definitions); `p` entity id (mentions of a person who holds
//! an office in the knowledge base: the right holder is shown beside a wrong one).
//! The draft's role claims also ask for `p` of the office's holders on the draft's
//! date and on the run's latest date.
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

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::claims::{Claim, EntityClaim, Kind, Modality};
use crate::kb::{EntityType, Kb};
use crate::read::{File, Source, line_starts};
use crate::rules::{self, Ctx, Finding, Severity};

pub const MAGIC: &[u8; 8] = b"CLAIMIDX";
pub const FORMAT_VERSION: u32 = 1;
const PREFIX: u64 = 24;

/// The header after the fixed prefix.
#[derive(Serialize, Deserialize)]
pub struct Header {
    /// The claimcheck version that wrote the index.
    pub tool: String,
    /// Checksum of sample claims as encoded by that build (see `layout_probe`).
    pub layout: u64,
    /// Knowledge base and reference date the archive was read with (see `fingerprint`).
    pub fingerprint: u64,
    pub sources: u64,
    /// Every claim of the archive, stored or not (the summary counts them).
    pub claims: u64,
    /// Latest source date, days from 0001-01-01, and the first source of that date.
    pub latest: Option<i32>,
    pub newest: Option<u64>,
    pub meta: Sect,
    pub mentions: Sect,
    pub directory: Sect,
    pub blocks: Sect,
    pub texts: Sect,
}

/// A byte range of the data area and its checksum.
#[derive(Serialize, Deserialize, Clone, Copy, Default)]
pub struct Sect {
    pub offset: u64,
    pub len: u64,
    pub hash: u64,
}

#[derive(Serialize, Deserialize)]
pub struct Meta {
    pub langs: Vec<String>,
    /// Knowledge-base entity ids the sources name, sorted.
    pub entity_ids: Vec<String>,
    pub files: Vec<FileRec>,
    pub sources: Vec<SourceRec>,
}

#[derive(Serialize, Deserialize)]
pub struct FileRec {
    pub path: String,
    /// The file's [`FileText`] blob in `texts`, when it holds stored claims.
    pub text: Option<Sect>,
}

#[derive(Serialize, Deserialize)]
pub struct SourceRec {
    pub file: u32,
    /// The id when it is not the file's path (`PATH#N`).
    pub id: Option<String>,
    pub title: Option<String>,
    /// Days from 0001-01-01.
    pub date: Option<i32>,
    /// Index into `langs`.
    pub lang: u32,
    /// The article's byte range in its file's working text.
    pub start: u64,
    pub end: u64,
    /// Its `Vec<(index into entity_ids, number of mentions)>` (by id) in `mentions`:
    /// offset and length. Read only for the sources a check loads claims of.
    pub mentions: (u64, u64),
}

#[derive(Serialize, Deserialize)]
pub struct DirEntry {
    pub key: String,
    /// The key's block in `blocks`.
    pub block: Sect,
}

/// One stored claim: `claim.source` indexes `Meta::sources`; `ord` is the claim's
/// position among its source's claims (the rules see claims in that order).
#[derive(Serialize, Deserialize)]
pub struct Rec {
    pub ord: u32,
    pub claim: Claim,
}

/// The lines of one file that hold stored claims.
#[derive(Serialize, Deserialize)]
pub struct FileText {
    /// The file's working text differs from its original text (HTML, NFKC, …).
    pub mapped: bool,
    pub pieces: Vec<Piece>,
}

/// Whole lines of a file: working text from byte `at`, and the original lines from
/// line `line` (1-based) that it came from.
#[derive(Serialize, Deserialize)]
pub struct Piece {
    pub at: u64,
    pub text: String,
    pub line: u64,
    /// The original lines; None when they are `text` (the file is not mapped).
    pub raw: Option<String>,
    /// Per byte of `text`: its original offset minus the previous byte's (the
    /// first: minus the start of `raw`). Empty when the file is not mapped.
    pub map: Vec<i64>,
}

/// What `write` reports.
pub struct Stats {
    pub sources: usize,
    pub claims: usize,
    pub stored: usize,
    pub keys: usize,
    pub bytes: u64,
}

/// A 64-bit checksum over 8-byte words: every step is a bijection of the state, so a
/// change in any one word always changes the result; fast enough to check what a run reads.
pub fn checksum(b: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = 0xcbf2_9ce4_8422_2325 ^ (b.len() as u64);
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
    }
    let mut a = [0u8; 8];
    let rest = words.remainder();
    a[..rest.len()].copy_from_slice(rest);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
    h ^ (h >> 29)
}

/// What the archive's claims depend on besides its text: the knowledge base (every
/// entry, vocabulary term and rule parameter; not severities, which apply at check
/// time) and the configured reference date for undated articles.
pub fn fingerprint(kb: &Kb, reference_date: Option<NaiveDate>) -> u64 {
    // Sorted by rule id and parameter name (both maps are ordered).
    let rules: Vec<(&String, Vec<(&String, f64)>)> = kb
        .rules
        .iter()
        .map(|(id, r)| {
            let p = r
                .params
                .iter()
                .map(|(k, v)| (k, v.value.as_f64()))
                .collect();
            (id, p)
        })
        .collect();
    let s = format!(
        "{:?}{:?}{:?}{:?}{:?}{rules:?}{reference_date:?}",
        kb.entities, kb.offices, kb.figures, kb.events, kb.vocabulary
    );
    checksum(s.as_bytes())
}

/// Sample claims of every kind with every field set, as this build encodes them: a
/// claim type that gains or changes a field changes this (and must be written here,
/// or the build fails), so an index from another layout is refused, not misread.
fn layout_probe() -> u64 {
    use crate::claims::{AcronymClaim, DateClaim, Keyed, QuantityClaim, RoleClaim};
    use crate::normalize::{DateValue, Qty, Qualifier, Unit};
    let day = NaiveDate::from_ymd_opt(2001, 2, 3);
    let s = |x: &str| x.to_string();
    let kinds = vec![
        Kind::Quantity(QuantityClaim {
            qty: Qty {
                value: Some(1.5),
                low: Some(1.0),
                high: Some(2.0),
                unit: Some(Unit::Currency(*b"ABC")),
                per: Some(s("p")),
                qualifier: Some(Qualifier::About),
                noun: Some(s("n")),
            },
            key: Keyed {
                measure: s("m"),
                subject: Some(s("s")),
                subject_name: Some(s("S")),
                period: s("2001"),
                period_default: true,
                modality: Modality::Forecast,
                day,
                figure: Some(7),
            },
        }),
        Kind::Date(DateClaim {
            value: day.map_or(DateValue::Year(2001), DateValue::Day),
            event: Some(s("e")),
            subjects: vec![s("x")],
        }),
        Kind::Entity(EntityClaim {
            canonical: s("c"),
            etype: EntityType::Place,
            id: Some(s("i")),
            misspelt: true,
        }),
        Kind::Role(RoleClaim {
            office_id: s("o"),
            office: s("O"),
            holder: s("h"),
            holder_span: 5..6,
            holder_id: Some(s("hi")),
            holder_canonical: Some(s("H")),
        }),
        Kind::Acronym(AcronymClaim {
            short: s("A"),
            long: s("L"),
            short_span: 1..2,
            long_span: 3..4,
        }),
    ];
    let claims: Vec<Rec> = kinds
        .into_iter()
        .map(|kind| Rec {
            ord: 9,
            claim: Claim {
                source: 8,
                span: 1..6,
                kind,
            },
        })
        .collect();
    checksum(&postcard::to_allocvec(&claims).unwrap_or_default()) ^ u64::from(FORMAT_VERSION)
}

fn key(kind: char, parts: &[&str]) -> String {
    let mut k = String::from(kind);
    for p in parts {
        k.push('\u{1f}');
        k.push_str(p);
    }
    k
}

/// The key a claim is stored under, if any rule compares it across sources.
fn claim_key(c: &Claim, holders: &HashSet<&str>) -> Option<String> {
    match &c.kind {
        Kind::Role(r) => Some(key('o', &[&r.office_id])),
        Kind::Quantity(q) if !q.key.measure.is_empty() && !q.key.period.is_empty() => {
            let unit = crate::claims::quantities::unit_key(&q.qty);
            let actual = if q.key.modality == Modality::Actual {
                "actual"
            } else {
                "other"
            };
            Some(key('q', &[&q.key.measure, &unit, &q.key.period, actual]))
        }
        Kind::Date(d) => d.event.as_deref().map(|e| key('d', &[e])),
        Kind::Acronym(a) => Some(key('a', &[&a.short])),
        Kind::Entity(e) => {
            e.id.as_deref()
                .filter(|id| holders.contains(id))
                .map(|id| key('p', &[id]))
        }
        _ => None,
    }
}

/// The bytes of working text a finding may place at for this claim.
fn cover(c: &Claim) -> Range<usize> {
    let mut r = c.span.clone();
    let mut add = |s: &Range<usize>| {
        r.start = r.start.min(s.start);
        r.end = r.end.max(s.end);
    };
    match &c.kind {
        Kind::Role(x) => add(&x.holder_span),
        Kind::Acronym(a) => {
            add(&a.short_span);
            add(&a.long_span);
        }
        _ => {}
    }
    r
}

/// Whole working lines around `c` (lines end at `\n` and `\r`, as sentences do).
fn working_lines(text: &str, c: &Range<usize>) -> Range<usize> {
    let b = text.as_bytes();
    let s = c.start.min(b.len());
    let start = memchr::memrchr2(b'\n', b'\r', &b[..s]).map_or(0, |i| i + 1);
    let e = c.end.clamp(s, b.len());
    let end = memchr::memchr2(b'\n', b'\r', &b[e..]).map_or(b.len(), |i| e + i + 1);
    start..end
}

/// Whole original lines holding the original offsets `a..=b`, and the first one's number.
fn raw_lines(file: &File, a: usize, b: usize) -> (Range<usize>, usize) {
    let ls = &file.line_starts;
    let line_of = |o: usize| ls.partition_point(|&s| s <= o).saturating_sub(1);
    let first = line_of(a);
    let start = ls.get(first).copied().unwrap_or(0).min(file.raw.len());
    let end = ls
        .get(line_of(b.max(a)) + 1)
        .copied()
        .unwrap_or(file.raw.len())
        .min(file.raw.len());
    (start..end.max(start), first + 1)
}

/// The pieces of `file` that hold the working-text ranges `covers`.
fn file_text(file: &File, mut covers: Vec<Range<usize>>) -> FileText {
    covers.sort_by_key(|r| (r.start, r.end));
    let at = |i: usize| match &file.map {
        Some(m) => m.get(i).or(m.last()).map_or(0, |&o| o as usize),
        None => i,
    };
    // (working range, original range, first line), merged where either overlaps or touches.
    let mut parts: Vec<(Range<usize>, Range<usize>, usize)> = Vec::new();
    for c in covers {
        let (w, r, line) = if file.map.is_some() {
            let w = working_lines(&file.text, &c);
            let (r, line) = raw_lines(file, at(w.start), at(w.end.saturating_sub(1)));
            (w, r, line)
        } else {
            // Working text is the original: whole original lines are whole working lines.
            let (r, line) = raw_lines(file, c.start, c.end.saturating_sub(1));
            (r.clone(), r, line)
        };
        match parts.last_mut() {
            Some((lw, lr, _)) if w.start <= lw.end || r.start <= lr.end => {
                lw.end = lw.end.max(w.end);
                lr.end = lr.end.max(r.end);
            }
            _ => parts.push((w, r, line)),
        }
    }
    let pieces = parts
        .into_iter()
        .map(|(w, r, line)| {
            let text = file.text.get(w.clone()).unwrap_or("").to_string();
            let (raw, map) = match &file.map {
                None => (None, Vec::new()),
                Some(_) => {
                    let mut prev = r.start as i64;
                    let map = w
                        .clone()
                        .map(|i| {
                            let o = at(i) as i64;
                            let d = o - prev;
                            prev = o;
                            d
                        })
                        .collect();
                    (Some(file.raw.get(r).unwrap_or("").to_string()), map)
                }
            };
            Piece {
                at: w.start as u64,
                text,
                line: line as u64,
                raw,
                map,
            }
        })
        .collect();
    FileText {
        mapped: file.map.is_some(),
        pieces,
    }
}

fn days(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn from_days(n: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(n)
}

fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>, Error> {
    postcard::to_allocvec(v).map_err(|e| Error::Usage(format!("cannot encode claim index: {e}")))
}

/// Every person who holds or held an office in the knowledge base.
fn holders(kb: &Kb) -> HashSet<&str> {
    kb.offices
        .iter()
        .flat_map(|o| o.holders.iter().map(|t| t.person.as_str()))
        .collect()
}

/// Writes the index of an archive (already read and extracted with `kb`) to `path`,
/// through a temporary file and a rename.
pub fn write(
    path: &Path,
    kb: &Kb,
    reference_date: Option<NaiveDate>,
    files: &[File],
    sources: &[Source],
    claims: &[Claim],
) -> Result<Stats, Error> {
    let holders = holders(kb);
    let mut blocks: BTreeMap<String, Vec<Rec>> = BTreeMap::new();
    let mut covers: Vec<Vec<Range<usize>>> = vec![Vec::new(); files.len()];
    let mut counts: Vec<BTreeMap<&str, u32>> = vec![BTreeMap::new(); sources.len()];
    let mut ords = vec![0u32; sources.len()];
    let mut stored = 0;
    for c in claims {
        let (Some(ord), Some(src)) = (ords.get_mut(c.source), sources.get(c.source)) else {
            continue;
        };
        let this = *ord;
        *ord += 1;
        if let Kind::Entity(EntityClaim { id: Some(id), .. }) = &c.kind
            && let Some(m) = counts.get_mut(c.source)
        {
            *m.entry(id.as_str()).or_default() += 1;
        }
        let Some(k) = claim_key(c, &holders) else {
            continue;
        };
        if let Some(v) = covers.get_mut(src.file) {
            v.push(cover(c));
        }
        blocks.entry(k).or_default().push(Rec {
            ord: this,
            claim: c.clone(),
        });
        stored += 1;
    }

    let mut data: Vec<u8> = Vec::new();
    // Texts first in the data area: their offsets are known before `meta` is encoded.
    let mut texts = Vec::new();
    let mut file_recs = Vec::with_capacity(files.len());
    for (f, cov) in files.iter().zip(covers) {
        let text = if cov.is_empty() {
            None
        } else {
            let blob = encode(&file_text(f, cov))?;
            let s = Sect {
                offset: texts.len() as u64,
                len: blob.len() as u64,
                hash: checksum(&blob),
            };
            texts.extend_from_slice(&blob);
            Some(s)
        };
        file_recs.push(FileRec {
            path: f.path.clone(),
            text,
        });
    }
    let mut block_bytes = Vec::new();
    let mut directory = Vec::with_capacity(blocks.len());
    for (k, recs) in &blocks {
        let b = encode(recs)?;
        directory.push(DirEntry {
            key: k.clone(),
            block: Sect {
                offset: block_bytes.len() as u64,
                len: b.len() as u64,
                hash: checksum(&b),
            },
        });
        block_bytes.extend_from_slice(&b);
    }
    let entity_ids: Vec<&str> = counts
        .iter()
        .flat_map(|m| m.keys().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut langs: Vec<&str> = sources.iter().map(|s| s.lang).collect();
    langs.sort();
    langs.dedup();
    let mut mentions = Vec::new();
    let mut source_recs = Vec::with_capacity(sources.len());
    for (s, m) in sources.iter().zip(&counts) {
        let list: Vec<(u32, u32)> = m
            .iter()
            .map(|(id, n)| (entity_ids.binary_search(id).unwrap_or(0) as u32, *n))
            .collect();
        let b = encode(&list)?;
        let at = (mentions.len() as u64, b.len() as u64);
        mentions.extend_from_slice(&b);
        source_recs.push(SourceRec {
            file: s.file as u32,
            id: (s.id != s.path).then(|| s.id.clone()),
            title: s.title.clone(),
            date: s.date.map(days),
            lang: langs.binary_search(&s.lang).unwrap_or(0) as u32,
            start: s.range.start as u64,
            end: s.range.end as u64,
            mentions: at,
        });
    }
    let meta = encode(&Meta {
        langs: langs.iter().map(|s| s.to_string()).collect(),
        entity_ids: entity_ids.iter().map(|s| s.to_string()).collect(),
        files: file_recs,
        sources: source_recs,
    })?;
    let dir = encode(&directory)?;
    let mut sect = |bytes: &[u8]| {
        let s = Sect {
            offset: data.len() as u64,
            len: bytes.len() as u64,
            hash: checksum(bytes),
        };
        data.extend_from_slice(bytes);
        s
    };
    let texts = sect(&texts);
    let blocks_sect = sect(&block_bytes);
    let directory = sect(&dir);
    let meta = sect(&meta);
    let mentions = sect(&mentions);
    let latest = sources.iter().filter_map(|s| s.date).max();
    let header = encode(&Header {
        tool: env!("CARGO_PKG_VERSION").to_string(),
        layout: layout_probe(),
        fingerprint: fingerprint(kb, reference_date),
        sources: sources.len() as u64,
        claims: claims.len() as u64,
        latest: latest.map(days),
        newest: latest.and_then(|d| {
            sources
                .iter()
                .position(|s| s.date == Some(d))
                .map(|i| i as u64)
        }),
        meta,
        mentions,
        directory,
        blocks: blocks_sect,
        texts,
    })?;
    let mut out = Vec::with_capacity(PREFIX as usize + header.len() + data.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&checksum(&header).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&data);
    let shown = path.display().to_string();
    crate::atomic::write(path, &out)
        .map_err(|e| Error::Usage(format!("{shown}: cannot write: {e}")))?;
    Ok(Stats {
        sources: sources.len(),
        claims: claims.len(),
        stored,
        keys: blocks.len(),
        bytes: out.len() as u64,
    })
}

/// Does `path` name a claim index (a file starting with the magic bytes)?
pub fn is_index(path: &Path) -> bool {
    let mut m = [0u8; 8];
    path.is_file()
        && std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut m))
            .is_ok()
        && &m == MAGIC
}

/// An index opened for a check: header, metadata and directory read and checked.
struct Index {
    shown: String,
    file: std::fs::File,
    size: u64,
    base: u64,
    header: Header,
    meta: Meta,
    directory: Vec<DirEntry>,
    /// The `mentions` section, once read.
    mentions: Option<Vec<u8>>,
}

impl Index {
    fn err(&self, msg: impl std::fmt::Display) -> Error {
        Error::input(self.shown.clone(), msg.to_string())
    }

    fn open(path: &Path, fingerprint: u64) -> Result<Index, Error> {
        let shown = path.display().to_string();
        let err = |msg: String| Error::input(shown.clone(), msg);
        let mut file =
            std::fs::File::open(path).map_err(|e| err(format!("cannot read claim index: {e}")))?;
        let size = file
            .metadata()
            .map_err(|e| err(format!("cannot read claim index: {e}")))?
            .len();
        let mut pre = [0u8; PREFIX as usize];
        file.read_exact(&mut pre)
            .map_err(|_| err("truncated claim index (no header)".into()))?;
        let word = |r: Range<usize>| -> u64 {
            let mut a = [0u8; 8];
            let b = pre.get(r).unwrap_or(&[]);
            a[..b.len()].copy_from_slice(b);
            u64::from_le_bytes(a)
        };
        if pre.get(..8) != Some(MAGIC.as_slice()) {
            return Err(err("not a claim index".into()));
        }
        let version = word(8..12);
        if version != u64::from(FORMAT_VERSION) {
            return Err(err(format!(
                "claim index format version {version}, but this claimcheck reads version {FORMAT_VERSION}; rebuild it with `claimcheck index`"
            )));
        }
        let hlen = word(12..16);
        if PREFIX + hlen > size {
            return Err(err("truncated claim index (header)".into()));
        }
        let mut hbytes = vec![0u8; hlen as usize];
        file.read_exact(&mut hbytes)
            .map_err(|_| err("truncated claim index (header)".into()))?;
        if checksum(&hbytes) != word(16..24) {
            return Err(err("corrupt claim index (header checksum)".into()));
        }
        let header: Header = postcard::from_bytes(&hbytes)
            .map_err(|e| err(format!("corrupt claim index (header: {e})")))?;
        let ours = env!("CARGO_PKG_VERSION");
        if header.tool != ours {
            return Err(err(format!(
                "claim index written by claimcheck {}, this is {ours}; rebuild it with `claimcheck index`",
                header.tool
            )));
        }
        if header.layout != layout_probe() {
            return Err(err(
                "claim index written by a claimcheck build with another claim layout; rebuild it with `claimcheck index`".into(),
            ));
        }
        if header.fingerprint != fingerprint {
            return Err(err(
                "claim index built with another knowledge base or reference_date; rebuild it with the same --rules and configuration, or check against the articles".into(),
            ));
        }
        let base = PREFIX + hlen;
        for (name, s) in [
            ("metadata", header.meta),
            ("mentions", header.mentions),
            ("directory", header.directory),
            ("blocks", header.blocks),
            ("texts", header.texts),
        ] {
            if s.offset
                .checked_add(s.len)
                .and_then(|e| e.checked_add(base))
                > Some(size)
            {
                return Err(err(format!("truncated claim index ({name})")));
            }
        }
        let mut ix = Index {
            shown,
            file,
            size,
            base,
            header,
            meta: Meta {
                langs: Vec::new(),
                entity_ids: Vec::new(),
                files: Vec::new(),
                sources: Vec::new(),
            },
            directory: Vec::new(),
            mentions: None,
        };
        let meta = ix.read(ix.header.meta, None, "metadata")?;
        ix.meta = postcard::from_bytes(&meta)
            .map_err(|e| ix.err(format!("corrupt claim index (metadata: {e})")))?;
        let dir = ix.read(ix.header.directory, None, "directory")?;
        ix.directory = postcard::from_bytes(&dir)
            .map_err(|e| ix.err(format!("corrupt claim index (directory: {e})")))?;
        ix.validate()?;
        Ok(ix)
    }

    /// Indices in the metadata point where they should.
    fn validate(&self) -> Result<(), Error> {
        let m = &self.meta;
        let ok = m.sources.len() as u64 == self.header.sources
            && m.sources.iter().all(|s| {
                (s.file as usize) < m.files.len()
                    && (s.lang as usize) < m.langs.len()
                    && s.start <= s.end
                    && s.mentions.0.checked_add(s.mentions.1) <= Some(self.header.mentions.len)
            })
            && self.header.newest.is_none_or(|n| n < self.header.sources);
        if ok {
            Ok(())
        } else {
            Err(self.err("corrupt claim index (metadata)"))
        }
    }

    /// Reads a section, or a block or blob `within` one, and checks its checksum.
    fn read(&mut self, s: Sect, within: Option<Sect>, what: &str) -> Result<Vec<u8>, Error> {
        let (offset, limit) = match within {
            Some(w) => (w.offset.checked_add(s.offset), w.offset + w.len),
            None => (Some(s.offset), u64::MAX),
        };
        let end = offset.and_then(|o| o.checked_add(s.len));
        let (Some(offset), Some(end)) = (offset, end) else {
            return Err(self.err(format!("corrupt claim index ({what})")));
        };
        if end > limit {
            return Err(self.err(format!("corrupt claim index ({what})")));
        }
        if self.base.saturating_add(end) > self.size {
            return Err(self.err(format!("truncated claim index ({what})")));
        }
        let mut buf = vec![0u8; s.len as usize];
        self.file
            .seek(SeekFrom::Start(self.base + offset))
            .and_then(|_| self.file.read_exact(&mut buf))
            .map_err(|_| self.err(format!("truncated claim index ({what})")))?;
        if checksum(&buf) != s.hash {
            return Err(self.err(format!("corrupt claim index ({what} checksum)")));
        }
        Ok(buf)
    }

    /// The stored claims of these keys, in source then text order.
    fn claims(&mut self, keys: &BTreeSet<String>) -> Result<Vec<Rec>, Error> {
        let mut out = Vec::new();
        for k in keys {
            let Ok(i) = self
                .directory
                .binary_search_by(|e| e.key.as_str().cmp(k.as_str()))
            else {
                continue;
            };
            let Some(block) = self.directory.get(i).map(|e| e.block) else {
                continue;
            };
            let bytes = self.read(block, Some(self.header.blocks), "block")?;
            let recs: Vec<Rec> = postcard::from_bytes(&bytes)
                .map_err(|e| self.err(format!("corrupt claim index (block: {e})")))?;
            if recs
                .iter()
                .any(|r| r.claim.source >= self.meta.sources.len())
            {
                return Err(self.err("corrupt claim index (block)"));
            }
            out.extend(recs);
        }
        out.sort_by_key(|r| (r.claim.source, r.ord));
        out.dedup_by_key(|r| (r.claim.source, r.ord));
        Ok(out)
    }

    /// The entity ids source `i` names (sorted) and how often.
    fn mentions(&mut self, i: usize) -> Result<Vec<(String, u32)>, Error> {
        if self.mentions.is_none() {
            self.mentions = Some(self.read(self.header.mentions, None, "mentions")?);
        }
        let (at, len) = self.meta.sources.get(i).map_or((0, 0), |s| s.mentions);
        let bytes = self
            .mentions
            .as_deref()
            .and_then(|m| m.get(at as usize..(at + len) as usize))
            .ok_or_else(|| self.err("corrupt claim index (mentions)"))?;
        let list: Vec<(u32, u32)> = postcard::from_bytes(bytes)
            .map_err(|e| self.err(format!("corrupt claim index (mentions: {e})")))?;
        list.into_iter()
            .map(|(e, n)| {
                let id = self.meta.entity_ids.get(e as usize).cloned();
                id.map(|id| (id, n))
                    .ok_or_else(|| self.err("corrupt claim index (mentions)"))
            })
            .collect()
    }

    /// Source `i` as the run sees it, its text in file `file`; `last`: the index's
    /// title and id are moved out, not copied (the last time it is asked for).
    fn source(
        &mut self,
        i: usize,
        file: usize,
        langs: &[&'static str],
        last: bool,
    ) -> Option<Source> {
        let s = self.meta.sources.get_mut(i)?;
        let path = self.meta.files.get(s.file as usize)?.path.clone();
        let (id, title) = if last {
            (s.id.take(), s.title.take())
        } else {
            (s.id.clone(), s.title.clone())
        };
        Some(Source {
            id: id.unwrap_or_else(|| path.clone()),
            path,
            title,
            date: s.date.and_then(from_days),
            lang: langs.get(s.lang as usize).copied().unwrap_or("en"),
            file,
            range: s.start as usize..s.end as usize,
        })
    }

    /// File `f` rebuilt from its stored lines.
    fn rebuild(&mut self, f: usize) -> Result<Rebuilt, Error> {
        let Some(rec) = self.meta.files.get(f) else {
            return Err(self.err("corrupt claim index (files)"));
        };
        let path = rec.path.clone();
        let Some(sect) = rec.text else {
            return Err(self.err("corrupt claim index (no text for a stored claim)"));
        };
        let bytes = self.read(sect, Some(self.header.texts), "text")?;
        let ft: FileText = postcard::from_bytes(&bytes)
            .map_err(|e| self.err(format!("corrupt claim index (text: {e})")))?;
        rebuild(path, ft).ok_or_else(|| self.err("corrupt claim index (text)"))
    }
}

/// A file rebuilt from stored pieces: each piece's original lines at their line
/// numbers (the lines between are empty), and, for a mapped file, the pieces'
/// working text one after the other with the map between the two.
struct Rebuilt {
    file: File,
    /// (working offset in the original, working offset here, length) per piece.
    spots: Vec<(usize, usize, usize)>,
}

/// Longest run of empty lines put between two pieces (a guard against bad input).
const MAX_GAP: u64 = 1 << 24;

fn rebuild(path: String, ft: FileText) -> Option<Rebuilt> {
    let mut raw = String::new();
    let mut text = String::new();
    let mut map: Vec<u32> = Vec::new();
    let mut spots = Vec::new();
    let mut line = 1u64;
    for p in ft.pieces {
        if p.line < line || p.line - line > MAX_GAP {
            return None;
        }
        while line < p.line {
            // A lone `\r` before a `\n` would make one line break of two.
            raw.push(if raw.ends_with('\r') { '\r' } else { '\n' });
            line += 1;
        }
        let rbase = raw.len();
        let praw = p.raw.as_deref().unwrap_or(&p.text);
        raw.push_str(praw);
        line += (line_starts(praw).len() - 1) as u64;
        if ft.mapped {
            if p.map.len() != p.text.len() {
                return None;
            }
            spots.push((p.at as usize, text.len(), p.text.len()));
            text.push_str(&p.text);
            let mut o = rbase as i64;
            for d in &p.map {
                o += d;
                map.push(o.clamp(rbase as i64, raw.len() as i64) as u32);
            }
            text.push('\n');
            map.push(raw.len() as u32);
        } else {
            spots.push((p.at as usize, rbase, praw.len()));
        }
    }
    let (text, map) = if ft.mapped {
        map.push(raw.len() as u32);
        (text, Some(map))
    } else {
        (raw.clone(), None)
    };
    Some(Rebuilt {
        file: File {
            path,
            line_starts: line_starts(&raw),
            raw,
            text,
            map,
        },
        spots,
    })
}

impl Rebuilt {
    /// A working-text range of the original file in the rebuilt one.
    fn span(&self, r: &Range<usize>) -> Option<Range<usize>> {
        self.spots
            .iter()
            .find(|&&(at, _, len)| at <= r.start && r.end <= at + len && r.start <= r.end)
            .map(|&(at, here, _)| here + r.start - at..here + r.end - at)
    }

    /// A source's range, cut to the pieces it overlaps.
    fn range(&self, r: &Range<usize>) -> Range<usize> {
        let start = self
            .spots
            .iter()
            .find(|&&(at, _, len)| r.start <= at + len)
            .map_or(self.file.text.len(), |&(at, here, _)| {
                here + r.start.saturating_sub(at)
            });
        let end = self
            .spots
            .iter()
            .rev()
            .find(|&&(at, _, _)| at <= r.end)
            .map_or(0, |&(at, here, len)| here + (r.end - at).min(len));
        start..end.max(start)
    }
}

/// The keys a draft's claims ask for (see the module documentation).
fn draft_keys(
    kb: &Kb,
    claims: &[Claim],
    sources: &[Source],
    drafts: usize,
    latest: Option<NaiveDate>,
) -> BTreeSet<String> {
    let none = HashSet::new();
    let mut keys = BTreeSet::new();
    for c in claims.iter().filter(|c| c.source < drafts) {
        match &c.kind {
            Kind::Entity(_) => {}
            Kind::Role(r) => {
                keys.insert(key('o', &[&r.office_id]));
                // The right holder, shown beside a wrong one: on the article's date, or
                // (undated) on the run's latest date.
                if let Some(o) = kb.office(&r.office_id) {
                    let date = sources.get(c.source).and_then(|s| s.date);
                    for day in [date, latest].into_iter().flatten() {
                        for p in o.holders_on(day) {
                            keys.insert(key('p', &[p]));
                        }
                    }
                }
            }
            _ => keys.extend(claim_key(c, &none)),
        }
    }
    keys
}

/// Rules that read one source at a time: run on the draft side alone (their findings
/// never involve the archive). Any other rule runs on the draft side plus the archive
/// claims that share a key with it, so it must compare claims by the keys above.
const LOCAL_RULES: &[&str] = &[rules::name_variant::ID, rules::reference::ID];

/// `check DRAFT --against INDEX…`: the findings that involve the first `drafts`
/// sources, with the same places, values and order as a run over the archive's
/// articles. Each index's sources are appended to `sources` (its files rebuilt into
/// `files` where a finding places), and the finding places point there. Returns the
/// findings and the number of archive claims.
pub fn check(
    kb: &Kb,
    reference_date: Option<NaiveDate>,
    indexes: &[PathBuf],
    drafts: usize,
    files: &mut Vec<File>,
    sources: &mut Vec<Source>,
    claims: &[Claim],
) -> Result<(Vec<Finding>, usize), Error> {
    let fp = fingerprint(kb, reference_date);
    let mut opened = indexes
        .iter()
        .map(|p| Index::open(p, fp))
        .collect::<Result<Vec<_>, _>>()?;
    let latest = sources
        .iter()
        .filter_map(|s| s.date)
        .chain(
            opened
                .iter()
                .filter_map(|x| x.header.latest.and_then(from_days)),
        )
        .max();
    let keys = draft_keys(kb, claims, sources, drafts, latest);
    // Sources without stored text point at an empty file.
    let empty = files.len();
    files.push(File::plain(String::new(), String::new()));

    // The run: the draft side, then per index the sources its loaded claims are in
    // (and its latest-dated one: the rules read the run's latest date).
    let local = sources.len();
    let mut run_sources = sources.clone();
    let mut run_claims = claims.to_vec();
    let mut run_entities: Vec<(usize, Vec<String>)> = Vec::new();
    let mut dummies: Vec<Claim> = Vec::new();
    // Per index: (its first source in the run, the index's source numbers there).
    let mut subsets: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut langs_all: Vec<Vec<&'static str>> = Vec::new();
    for ix in &mut opened {
        let langs: Vec<&'static str> = ix.meta.langs.iter().map(|l| lang(l)).collect();
        let recs = ix.claims(&keys)?;
        let mut subset: Vec<usize> = recs.iter().map(|r| r.claim.source).collect();
        subset.extend(ix.header.newest.map(|n| n as usize));
        subset.sort_unstable();
        subset.dedup();
        let first = run_sources.len();
        for &i in &subset {
            let s = ix
                .source(i, empty, &langs, false)
                .ok_or_else(|| ix.err("corrupt claim index (sources)"))?;
            run_sources.push(s);
        }
        let at = |i: usize| first + subset.binary_search(&i).unwrap_or(0);
        // Mentions of each entity the loaded claims hold, per source.
        let mut real: HashMap<(usize, &str), u32> = HashMap::new();
        let mut dated: HashSet<usize> = HashSet::new();
        for r in &recs {
            match &r.claim.kind {
                Kind::Entity(EntityClaim { id: Some(id), .. }) => {
                    *real.entry((r.claim.source, id.as_str())).or_default() += 1;
                }
                Kind::Date(_) => {
                    dated.insert(r.claim.source);
                }
                _ => {}
            }
        }
        for &i in &subset {
            let ids = ix.mentions(i)?;
            run_entities.push((at(i), ids.iter().map(|(id, _)| id.clone()).collect()));
            // date-conflict counts each source's mentions to find the entities it names
            // most: the mentions not loaded come back as placeholders with no span.
            if dated.contains(&i) {
                for (id, n) in &ids {
                    let have = real.get(&(i, id.as_str())).copied().unwrap_or(0);
                    for _ in have..*n {
                        dummies.push(Claim {
                            source: at(i),
                            span: 0..0,
                            kind: Kind::Entity(EntityClaim {
                                canonical: String::new(),
                                etype: EntityType::Other,
                                id: Some(id.clone()),
                                misspelt: false,
                            }),
                        });
                    }
                }
            }
        }
        run_claims.extend(recs.into_iter().map(|r| Claim {
            source: at(r.claim.source),
            ..r.claim
        }));
        subsets.push((first, subset));
        langs_all.push(langs);
    }
    run_claims.extend(dummies);

    let mut findings = run_rules(
        kb,
        files,
        sources,
        claims,
        &run_sources,
        &run_claims,
        |cx| {
            for (i, ids) in &run_entities {
                if let Some(e) = cx.entities.get_mut(*i) {
                    *e = ids.clone();
                }
            }
        },
    );
    findings.retain(|f| f.places.iter().any(|p| p.source < drafts));

    // Places in the archive: the index's source numbers after the draft side, and the
    // files they are in rebuilt from their stored lines.
    // Where each place is in the run, kept while places are renumbered index by index.
    let in_run: Vec<Vec<usize>> = findings
        .iter()
        .map(|f| f.places.iter().map(|p| p.source).collect())
        .collect();
    let mut base = local;
    let mut archive_claims = 0usize;
    for (k, ix) in opened.iter_mut().enumerate() {
        let (first, subset) = &subsets[k];
        let n = ix.meta.sources.len();
        let mine = *first..first + subset.len();
        let mut needed: BTreeSet<usize> = BTreeSet::new();
        for &at in in_run.iter().flatten() {
            if mine.contains(&at)
                && let Some(&i) = subset.get(at - first)
                && let Some(s) = ix.meta.sources.get(i)
            {
                needed.insert(s.file as usize);
            }
        }
        let mut rebuilt: BTreeMap<usize, (usize, Rebuilt)> = BTreeMap::new();
        for f in needed {
            let r = ix.rebuild(f)?;
            rebuilt.insert(f, (files.len() + rebuilt.len(), r));
        }
        for (f, runs) in findings.iter_mut().zip(&in_run) {
            for (p, &at) in f.places.iter_mut().zip(runs) {
                if !mine.contains(&at) {
                    continue;
                }
                let i = subset.get(at - first).copied().unwrap_or(0);
                let file = ix.meta.sources.get(i).map_or(0, |s| s.file as usize);
                p.source = base + i;
                p.span = rebuilt
                    .get(&file)
                    .and_then(|(_, r)| r.span(&p.span))
                    .unwrap_or(0..0);
            }
        }
        for i in 0..n {
            let file = ix.meta.sources.get(i).map_or(0, |s| s.file as usize);
            let mut s = ix
                .source(i, empty, &langs_all[k], true)
                .ok_or_else(|| ix.err("corrupt claim index (sources)"))?;
            s.range = match rebuilt.get(&file) {
                Some((at, r)) => {
                    s.file = *at;
                    r.range(&s.range)
                }
                None => 0..0,
            };
            sources.push(s);
        }
        // Numbered in file order above, so they go in in that order.
        files.extend(rebuilt.into_values().map(|(_, r)| r.file));
        base += n;
        archive_claims += ix.header.claims as usize;
    }
    Ok((findings, archive_claims))
}

/// Languages are few: each distinct one is made `'static` once.
fn lang(l: &str) -> &'static str {
    match l {
        "en" => "en",
        "zh" => "zh",
        _ => {
            use std::sync::{Mutex, OnceLock};
            static SEEN: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
            let Ok(mut seen) = SEEN.get_or_init(Default::default).lock() else {
                return "en";
            };
            if let Some(s) = seen.iter().find(|s| **s == l) {
                return s;
            }
            let s: &'static str = Box::leak(l.to_string().into_boxed_str());
            seen.push(s);
            s
        }
    }
}

/// `rules::check` over the run, except that the local rules read the draft side
/// alone; severities, order and deduplication as there. `adjust` completes the run's
/// context (the archive sources' entities).
fn run_rules(
    kb: &Kb,
    files: &[File],
    sources: &[Source],
    claims: &[Claim],
    run_sources: &[Source],
    run_claims: &[Claim],
    adjust: impl Fn(&mut Ctx),
) -> Vec<Finding> {
    let local = Ctx::new(kb, files, sources, claims);
    let mut run = Ctx::new(kb, files, run_sources, run_claims);
    adjust(&mut run);
    let mut out: Vec<Finding> = Vec::new();
    for rule in rules::all() {
        let Some(severity) = Severity::of(rule.level(kb)) else {
            continue;
        };
        let cx = if LOCAL_RULES.contains(&rule.id) {
            &local
        } else {
            &run
        };
        for mut f in (rule.run)(cx) {
            f.severity = severity;
            out.push(f);
        }
    }
    let key = |f: &Finding| {
        let p = f.places.iter().find(|p| p.primary).or(f.places.first());
        let (path, start) = p.map_or((String::new(), 0), |p| {
            (
                run_sources
                    .get(p.source)
                    .map_or(String::new(), |s| s.path.clone()),
                p.span.start,
            )
        });
        (path, start, f.rule, f.message.clone())
    };
    out.sort_by_key(key);
    out.dedup_by(|a, b| key(a) == key(b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_sees_every_byte() {
        let a = b"0123456789abcdefXYZ".to_vec();
        let h = checksum(&a);
        for i in 0..a.len() {
            let mut b = a.clone();
            b[i] ^= 1;
            assert_ne!(checksum(&b), h, "byte {i}");
        }
        assert_ne!(checksum(&a[..18]), h);
    }

    #[test]
    fn pieces_rebuild_locations_of_a_mapped_file() {
        // Full-width digits and a CRLF: the working text differs from the original.
        let raw = "Title\r\nOne line.\r\nThe output was １２ tonnes, said Ada.\r\nLast.\r\n";
        let (file, _) = crate::read::parse("a.txt", raw.to_string());
        assert!(file.map.is_some());
        let at = file.text.find("12").expect("normalized digits");
        let span = at..at + 2;
        let ft = file_text(&file, vec![span.clone()]);
        assert_eq!(ft.pieces.len(), 1);
        let r = rebuild("a.txt".into(), ft).expect("rebuilds");
        let here = r.span(&span).expect("inside a piece");
        assert_eq!(r.file.location(here), file.location(span));
        assert!(r.file.raw.len() < raw.len());
    }
}
