//! Reading a claim index for a check: the header, metadata and directory checked
//! whole, then only the blocks of the keys asked for, and the files of the findings'
//! places rebuilt from their stored lines.

use std::collections::BTreeSet;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::Path;

use super::format::*;
use crate::Error;
use crate::read::{File, Source, line_starts};
use crate::rules::Key;

/// An index opened for a check: header, metadata and directory read and checked.
pub(super) struct Index {
    pub(super) shown: String,
    pub(super) file: std::fs::File,
    pub(super) size: u64,
    pub(super) base: u64,
    pub(super) header: Header,
    pub(super) meta: Meta,
    pub(super) directory: Vec<DirEntry>,
    /// The `mentions` section, once read.
    pub(super) mentions: Option<Vec<u8>>,
}

impl Index {
    pub(super) fn err(&self, msg: impl std::fmt::Display) -> Error {
        Error::input(self.shown.clone(), msg.to_string())
    }

    pub(super) fn open(path: &Path, fingerprint: u64) -> Result<Index, Error> {
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
        if header.layout != layout_probe()? {
            return Err(err(
                "claim index written by a claimcheck build with another claim layout; rebuild it with `claimcheck index`".into(),
            ));
        }
        if header.fingerprint != fingerprint {
            return Err(err(
                "claim index built with another knowledge base or reference_date; rebuild it with the same --rules and configuration, or check against the articles".into(),
            ));
        }
        if header.sources == 0 {
            return Err(err(
                "empty claim index (no article in it): rebuild it with `claimcheck index` from the archive's articles".into(),
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
    pub(super) fn claims(&mut self, keys: &BTreeSet<Key>) -> Result<Vec<Rec>, Error> {
        let mut out = Vec::new();
        for k in keys {
            let Ok(i) = self
                .directory
                .binary_search_by(|e| e.key.as_str().cmp(k.0.as_str()))
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

    /// The file source `i` is in.
    pub(super) fn file_of(&self, i: usize) -> Result<usize, Error> {
        self.meta
            .sources
            .get(i)
            .map(|s| s.file as usize)
            .ok_or_else(|| self.err("corrupt claim index (sources)"))
    }

    /// The entity ids source `i` names (sorted) and how often.
    pub(super) fn mentions(&mut self, i: usize) -> Result<Vec<(String, u32)>, Error> {
        if self.mentions.is_none() {
            self.mentions = Some(self.read(self.header.mentions, None, "mentions")?);
        }
        let (at, len) = self
            .meta
            .sources
            .get(i)
            .map(|s| s.mentions)
            .ok_or_else(|| self.err("corrupt claim index (mentions)"))?;
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
    pub(super) fn source(
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
            lang: langs.get(s.lang as usize).copied()?,
            file,
            range: s.start as usize..s.end as usize,
        })
    }

    /// File `f` rebuilt from its stored lines.
    pub(super) fn rebuild(&mut self, f: usize) -> Result<Rebuilt, Error> {
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
pub(super) struct Rebuilt {
    pub(super) file: File,
    /// (working offset in the original, working offset here, length) per piece.
    spots: Vec<(usize, usize, usize)>,
}

/// Longest run of empty lines put between two pieces (a guard against bad input).
const MAX_GAP: u64 = 1 << 24;

pub(super) fn rebuild(path: String, ft: FileText) -> Option<Rebuilt> {
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
            line_starts: line_starts(&raw),
            raw,
            text,
            map,
            real: None,
            blocks: Default::default(),
            key: crate::read::normalize(std::path::Path::new(&path)),
            path,
        },
        spots,
    })
}

impl Rebuilt {
    /// A working-text range of the original file in the rebuilt one.
    pub(super) fn span(&self, r: &Range<usize>) -> Option<Range<usize>> {
        self.spots
            .iter()
            .find(|&&(at, _, len)| at <= r.start && r.end <= at + len && r.start <= r.end)
            .map(|&(at, here, _)| here + r.start - at..here + r.end - at)
    }

    /// A source's range, cut to the pieces it overlaps.
    pub(super) fn range(&self, r: &Range<usize>) -> Range<usize> {
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

/// Languages are few: each distinct one is made `'static` once.
pub(super) fn lang(l: &str) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::index::write::file_text;

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
        let ft = file_text(&file, vec![span.clone()]).expect("lines of the file");
        assert_eq!(ft.pieces.len(), 1);
        let r = rebuild("a.txt".into(), ft).expect("rebuilds");
        let here = r.span(&span).expect("inside a piece");
        assert_eq!(r.file.location(here), file.location(span));
        assert!(r.file.raw.len() < raw.len());
    }
}
