//! Writing a claim index: each claim under the keys its rules give, with the lines
//! of text its findings may place at.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;

use super::format::*;
use super::keys::{keyings, stored_keys};
use crate::Error;
use crate::claims::{Claim, Kind};
use crate::kb::Kb;
use crate::read::{File, Source};
use crate::rules;

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
pub(super) fn file_text(file: &File, mut covers: Vec<Range<usize>>) -> Result<FileText, Error> {
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
            // Whole lines of the file's own text, within it.
            let text = file
                .text
                .get(w.clone())
                .ok_or_else(|| Error::internal("stored lines outside their text"))?
                .to_string();
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
                    let raw = file
                        .raw
                        .get(r)
                        .ok_or_else(|| Error::internal("stored lines outside their text"))?;
                    (Some(raw.to_string()), map)
                }
            };
            Ok(Piece {
                at: w.start as u64,
                text,
                line: line as u64,
                raw,
                map,
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(FileText {
        mapped: file.map.is_some(),
        pieces,
    })
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
    let keyings = keyings(kb);
    let mut blocks: BTreeMap<String, Vec<Rec>> = BTreeMap::new();
    let mut covers: Vec<Vec<Range<usize>>> = vec![Vec::new(); files.len()];
    let mut ords = vec![0u32; sources.len()];
    let mut stored = 0;
    let mut keys = Vec::new();
    for c in claims {
        let (Some(ord), Some(src)) = (ords.get_mut(c.source), sources.get(c.source)) else {
            return Err(Error::internal("a claim of no source"));
        };
        let this = *ord;
        *ord += 1;
        stored_keys(&keyings, c, &mut keys);
        if keys.is_empty() {
            continue;
        }
        if let Some(v) = covers.get_mut(src.file) {
            v.push(cover(c));
        }
        for k in keys.drain(..) {
            blocks.entry(k.0).or_default().push(Rec {
                ord: this,
                claim: c.clone(),
            });
        }
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
            let blob = encode(&file_text(f, cov)?)?;
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
    // Entity ids are numbered in sorted order, each source's counts listed by number.
    let mut by_id: BTreeMap<&str, Vec<(usize, u32)>> = BTreeMap::new();
    let counts = rules::mentions(sources.len(), claims);
    for (s, m) in counts.iter().enumerate() {
        for (id, n) in m {
            by_id.entry(id.as_str()).or_default().push((s, *n));
        }
    }
    let mut lists: Vec<Vec<(u32, u32)>> = vec![Vec::new(); sources.len()];
    for (k, counts) in by_id.values().enumerate() {
        for &(s, n) in counts {
            lists[s].push((k as u32, n));
        }
    }
    let entity_ids: Vec<String> = by_id.into_keys().map(str::to_string).collect();
    let mut langs: Vec<&str> = sources.iter().map(|s| s.lang).collect();
    langs.sort();
    langs.dedup();
    let mut mentions = Vec::new();
    let mut source_recs = Vec::with_capacity(sources.len());
    for (s, list) in sources.iter().zip(&lists) {
        let lang = langs
            .binary_search(&s.lang)
            .map_err(|_| Error::internal("a source language not listed"))?;
        let b = encode(&list)?;
        let at = (mentions.len() as u64, b.len() as u64);
        mentions.extend_from_slice(&b);
        source_recs.push(SourceRec {
            file: s.file as u32,
            id: (s.id != s.path).then(|| s.id.clone()),
            title: s.title.clone(),
            date: s.date.map(days),
            lang: lang as u32,
            start: s.range.start as u64,
            end: s.range.end as u64,
            mentions: at,
        });
    }
    let meta = encode(&Meta {
        langs: langs.iter().map(|s| s.to_string()).collect(),
        entity_ids,
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
        layout: layout_probe()?,
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
