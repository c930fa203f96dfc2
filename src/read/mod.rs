//! Reading: paths → files → sources (articles).
//!
//! Every file is decoded once into its original text (`File::raw`) and a working
//! text (`File::text`): HTML reduced to its visible text, NFKC-normalized (full-width
//! digits, `％`, `，` become ASCII), citation markers such as `[1][3]` blanked out.
//! All later stages work on `File::text`; `File::location` maps a working-text byte
//! range back to line and column in the original file.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

/// One input file, decoded.
#[derive(Debug, Clone)]
pub struct File {
    /// The path as it will be printed (relative to the working directory where possible).
    pub path: String,
    /// The original file text.
    pub raw: String,
    /// The working text the extractors read.
    pub text: String,
    /// For each byte of `text`, the offset in `raw` of the character it came from;
    /// `None` when `text == raw` byte for byte. Has `text.len() + 1` entries.
    pub map: Option<Vec<u32>>,
    /// Byte offsets in `raw` where each line starts.
    pub line_starts: Vec<usize>,
}

/// A span in the original file, 1-based, end exclusive, columns in characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Loc {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Exactly the original text in that span.
    pub text: String,
}

/// One article: a source with its own date.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// `PATH` for a file with one article, `PATH#N` (N from 1) otherwise.
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    /// The byline's (or front matter's) date.
    pub date: Option<NaiveDate>,
    /// `en` or `zh`, by the script most of its letters are in.
    pub lang: &'static str,
    /// Index into the run's files.
    #[serde(skip)]
    pub file: usize,
    /// The article's byte range in `File::text`.
    #[serde(skip)]
    pub range: Range<usize>,
}

impl File {
    /// Builds a file whose working text is its original text.
    pub fn plain(path: String, raw: String) -> File {
        let line_starts = line_starts(&raw);
        File {
            path,
            text: raw.clone(),
            raw,
            map: None,
            line_starts,
        }
    }

    /// The byte range in `raw` that a byte range of `text` came from.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        let Some(map) = &self.map else { return r };
        let start = map[r.start] as usize;
        if r.end <= r.start {
            return start..start;
        }
        // The end is where the character after the span's last character begins;
        // several working bytes can come from one original character (NFKC expansion).
        let last = map[r.end - 1];
        let mut j = r.end;
        while j < map.len() - 1 && map[j] == last {
            j += 1;
        }
        start..map[j] as usize
    }

    /// 1-based line and column (in characters) of a byte offset in `raw`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self.raw[start..offset].chars().count() + 1;
        (line, column)
    }

    /// The location in the original file of a byte range of the working text.
    pub fn location(&self, r: Range<usize>) -> Loc {
        let o = self.orig_range(r);
        let (line, column) = self.position(o.start);
        let (end_line, end_column) = self.position(o.end);
        Loc {
            line,
            column,
            end_line,
            end_column,
            text: self.raw[o].to_string(),
        }
    }
}

/// Byte offsets where lines start (after `\n`, after a lone `\r`).
pub fn line_starts(raw: &str) -> Vec<usize> {
    let b = raw.as_bytes();
    let mut v = vec![0];
    for i in memchr::memchr2_iter(b'\n', b'\r', b) {
        if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            continue;
        }
        v.push(i + 1);
    }
    v
}

/// Stub until the reader lands.
pub fn read_all(paths: &[std::path::PathBuf]) -> (Vec<File>, Vec<Source>, Vec<crate::Error>) {
    let _ = paths;
    (Vec::new(), Vec::new(), Vec::new())
}
