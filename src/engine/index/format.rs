//! The bytes of a claim index (see the module above): the fixed prefix, the header
//! and its sections, the checksum, and what an index must match to be read.

use std::io::Read;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::claims::{Claim, EntityClaim, Kind, Modality};
use crate::kb::{EntityType, Kb};

pub const MAGIC: &[u8; 8] = b"CLAIMIDX";
pub const FORMAT_VERSION: u32 = 4;
pub const PREFIX: u64 = 24;

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
    let entries = kb.memo_fingerprint(|| entries_fingerprint(kb));
    checksum(format!("{entries}{reference_date:?}").as_bytes())
}

/// The knowledge base's entries and rule parameters, as their debug text.
fn entries_fingerprint(kb: &Kb) -> u64 {
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
        "{:?}{:?}{:?}{:?}{:?}{rules:?}",
        kb.entities, kb.offices, kb.figures, kb.events, kb.vocabulary
    );
    checksum(s.as_bytes())
}

/// Sample claims of every kind with every field set, as this build encodes them: a
/// claim type that gains or changes a field changes this (and must be written here,
/// or the build fails), so an index from another layout is refused, not misread.
pub fn layout_probe() -> Result<u64, Error> {
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
                change: Some(crate::normalize::Change::To),
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
            frame: Box::new(crate::claims::Frame {
                subject: Some(s("s")),
                carried: Some(s("c")),
                sentence: 3,
                parties: vec![s("p")],
                lead: Some(s("l")),
                what: vec![(s("w"), 0.5)],
                scope: crate::claims::Scope::Change,
                unit: s("u"),
                base: Some(s("b")),
                teller: Some(s("t")),
                direction: Some(s("d")),
                series: Some(s("m")),
            }),
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
            at: Some(DateValue::Year(2001)),
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
    Ok(checksum(&encode(&claims)?) ^ u64::from(FORMAT_VERSION))
}

pub fn days(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

pub fn from_days(n: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(n)
}

pub fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>, Error> {
    postcard::to_allocvec(v).map_err(|e| Error::Usage(format!("cannot encode claim index: {e}")))
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

/// An empty file named with `--against` that is not named as an article
/// (`archive.claims`, 0 bytes) is an index that was never written: refused, rather
/// than read as an empty article.
pub fn refuse_empty(path: &Path) -> Result<(), Error> {
    let empty = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0);
    if empty && !crate::read::is_article_name(path) {
        return Err(Error::input(
            crate::read::display(path),
            "empty file: neither a claim index nor an article; rebuild the index with `claimcheck index`",
        ));
    }
    Ok(())
}
