//! Reading: paths → files → sources (articles).
//!
//! Every file is decoded once into its original text (`File::raw`) and a working
//! text (`File::text`): HTML reduced to its visible text, NFKC-normalized (full-width
//! digits, `％`, `，` become ASCII), citation markers such as `[1][3]` blanked out.
//! All later stages work on `File::text`; `File::location` maps a working-text byte
//! range back to line and column in the original file.

mod decode;
mod entity;
mod html;
mod norm;
mod split;
pub use split::{byline, publisher_of};
mod walk;

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::{IsNormalized, is_nfkc_quick};

use crate::Error;
use norm::Mapped;

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
    /// The path it was read from, with its real bytes (`None` for text that did not
    /// come from a file: an index's archive, a knowledge-base example).
    pub real: Option<PathBuf>,
    /// Characters before every 4 KiB block of `raw`, built on the first column asked
    /// on a long line (a column on a 2 MB line must not count the line each time).
    pub blocks: std::sync::OnceLock<Vec<u32>>,
    /// The path that identifies the file in fingerprints (baseline, SARIF): relative
    /// to the project root and normalized (`set_keys`), so `articles/a.txt`,
    /// `./articles/a.txt` and `/abs/articles/a.txt` are one file. Until then, the
    /// printed path normalized.
    pub key: String,
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
            text: raw.clone(),
            raw,
            map: None,
            line_starts,
            real: None,
            blocks: Default::default(),
            key: normalize(Path::new(&path)),
            path,
        }
    }

    /// The byte range in `raw` that a byte range of `text` came from.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        let Some(map) = &self.map else {
            let end = floor_boundary(&self.raw, r.end);
            return floor_boundary(&self.raw, r.start).min(end)..end;
        };
        let at = |i: usize| map.get(i).or(map.last()).map_or(0, |&o| o as usize);
        let start = at(r.start);
        if r.end <= r.start {
            return start..start;
        }
        // The end is where the character after the span's last character begins;
        // several working bytes can come from one original character (NFKC expansion).
        let last = at(r.end - 1);
        let mut j = r.end;
        while j + 1 < map.len() && at(j) == last {
            j += 1;
        }
        let mut end = at(j).max(last);
        // Markup between that character and the next (HTML tags, hidden elements) is
        // not part of the span: a source character never contains a `<` after its start.
        let gap = self.raw.as_bytes().get(last + 1..end).unwrap_or(&[]);
        if let Some(k) = memchr::memchr(b'<', gap) {
            end = last + 1 + k;
        }
        start..end
    }

    /// 1-based line and column (in characters) of a byte offset in `raw`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(&self.raw, offset);
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let mut start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        // A byte order mark is not a column.
        if start == 0 && self.raw.starts_with('\u{feff}') && offset >= 3 {
            start = 3;
        }
        let column = if offset.saturating_sub(start) <= BLOCK {
            self.raw.get(start..offset).map_or(0, |s| s.chars().count())
        } else {
            self.chars_before(offset) - self.chars_before(start)
        } + 1;
        (line, column)
    }

    /// How many characters `raw[..offset]` holds: the block index, then at most one
    /// block counted.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.raw.as_bytes();
        let blocks = self.blocks.get_or_init(|| {
            let mut n = 0u32;
            bytes
                .chunks(BLOCK)
                .map(|c| {
                    let before = n;
                    n += chars_in(c) as u32;
                    before
                })
                .collect()
        });
        let k = offset / BLOCK;
        let base = blocks.get(k).map_or(0, |&n| n as usize);
        base + bytes.get(k * BLOCK..offset).map_or(0, chars_in)
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
            text: self.raw.get(o).unwrap_or("").to_string(),
        }
    }
}

/// The block size of `File::blocks`.
const BLOCK: usize = 4096;

/// Characters in UTF-8 bytes (which may start or end inside one): the bytes that
/// are not continuation bytes.
fn chars_in(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x & 0xC0) != 0x80).count()
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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

/// Expands the command-line paths into the files to read: folders walked recursively
/// (hidden and ignored entries skipped, sorted), keeping `.txt .md .markdown .html .htm`;
/// a file named explicitly is taken whatever its extension.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    walk::collect(paths)
}

/// The largest configuration file read (`claimcheck.toml`, `--config`): 1 MiB.
pub const MAX_CONFIG: u64 = 1 << 20;
/// The largest baseline file read (`--baseline`): 64 MiB, some 3 million findings.
pub const MAX_BASELINE: u64 = 64 << 20;
/// The largest rules file read (each `*.toml` under `--rules`): 256 MiB.
pub const MAX_RULES: u64 = 256 << 20;

/// Reads a settings file (configuration, baseline, rules) as UTF-8 text: only a
/// regular file (a device, a FIFO or a folder is refused, never opened; `/dev/null`
/// reads as empty) of at most
/// `cap` bytes (a file that grows past it while read is refused too). `what` names
/// it in the one-line error.
pub fn small_file(path: &Path, cap: u64, what: &str) -> Result<String, Error> {
    use std::io::Read;
    let shown = walk::display(path);
    let fail = |msg: String| Error::Usage(format!("{shown}: cannot read {what}: {msg}"));
    let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
    // `--config /dev/null`: no settings, the usual way to say so.
    if path == Path::new("/dev/null") {
        return Ok(String::new());
    }
    if !meta.is_file() {
        return Err(fail(walk::not_regular(&meta).to_string()));
    }
    let too_big = || {
        fail(format!(
            "larger than {} MiB, the most read for {what}",
            cap >> 20
        ))
    };
    if meta.len() > cap {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > cap {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Why a path that is not a regular file is not read ("not a regular file (a FIFO),
/// not opened").
pub fn not_regular(m: &std::fs::Metadata) -> &'static str {
    walk::not_regular(m)
}

/// Whether a file name has one of the extensions read when walking a folder.
pub fn is_article_name(path: &Path) -> bool {
    walk::wanted(path)
}

/// `path` as it is printed: as given, with `/` separators.
pub fn display(path: &Path) -> String {
    walk::display(path)
}

/// The mark at the top of the Markdown and HTML reports claimcheck writes: a file
/// that starts with it is a report, not an article, and is skipped with a note (a
/// report written into the checked folder would otherwise be read on the next run).
pub const REPORT_MARK: &str =
    "<!-- claimcheck-report: written by claimcheck, not read as an article -->";

/// Whether a file's first bytes carry `REPORT_MARK`.
pub fn is_report(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(512)).unwrap_or(bytes);
    let mark = REPORT_MARK.split(':').next().unwrap_or(REPORT_MARK);
    memchr::memmem::find(head, mark.as_bytes()).is_some()
}

/// Reads one file and splits it into its articles (a report claimcheck wrote
/// reads as a file with no article: `read_all_noting` skips it with a note).
pub fn read_file(path: &Path) -> Result<(File, Vec<Source>), Error> {
    let shown = walk::display(path);
    Ok(read_one(path)?.unwrap_or_else(|| (File::plain(shown, String::new()), Vec::new())))
}

/// `read_file`, `None` for a report claimcheck wrote.
fn read_one(path: &Path) -> Result<Option<(File, Vec<Source>)>, Error> {
    let shown = walk::display(path);
    let fail = |msg: String| Error::input(shown.clone(), msg);
    // Only regular files are opened: opening a FIFO would wait for a writer.
    let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        return Err(fail(walk::not_regular(&meta).to_string()));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
    if is_report(&bytes) {
        return Ok(None);
    }
    let raw = decode::decode(&shown, bytes)?;
    let (mut file, sources) = parse(&shown, raw);
    file.real = Some(path.to_path_buf());
    Ok(Some((file, sources)))
}

/// Standard input, read whole as one file shown as `name`, whose extension picks
/// the format (`draft.md` is Markdown); `None` for a report claimcheck wrote.
pub fn read_stdin(name: &str) -> Result<Option<(File, Vec<Source>)>, Error> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| Error::input(name.to_string(), format!("standard input: {e}")))?;
    read_bytes(name, bytes)
}

/// `bytes` read as one file shown as `name` (an editor's buffer, standard input).
pub fn read_bytes(name: &str, bytes: Vec<u8>) -> Result<Option<(File, Vec<Source>)>, Error> {
    if is_report(&bytes) {
        return Ok(None);
    }
    let raw = decode::decode(name, bytes)?;
    Ok(Some(parse(name, raw)))
}

/// Reads every file under `paths`, in order; a file that cannot be read is an error
/// (`Error::Input`: skip it and go on; `Error::Usage`: a path that does not exist)
/// and the others are still read. `Source::file` indexes the returned files.
pub fn read_all(paths: &[PathBuf]) -> (Vec<File>, Vec<Source>, Vec<Error>) {
    let (files, sources, errors, _) = read_all_noting(paths);
    (files, sources, errors)
}

/// `read_all`, and the paths of the reports claimcheck wrote that were found and
/// skipped (they are not articles; the caller tells the user).
pub fn read_all_noting(paths: &[PathBuf]) -> (Vec<File>, Vec<Source>, Vec<Error>, Vec<String>) {
    let (list, mut errors) = collect(paths);
    let results: Vec<_> = list.par_iter().map(|p| (p, read_one(p))).collect();
    let mut files = Vec::new();
    let mut sources = Vec::new();
    let mut reports = Vec::new();
    for (p, r) in results {
        match r {
            Ok(None) => reports.push(walk::display(p)),
            Ok(Some((file, srcs))) => {
                let idx = files.len();
                sources.extend(srcs.into_iter().map(|s| Source { file: idx, ..s }));
                files.push(file);
            }
            Err(e) => errors.push(e),
        }
    }
    (files, sources, errors, reports)
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Plain,
    Markdown,
    Html,
}

fn kind(path: &str) -> Kind {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm") => Kind::Html,
        Some("md" | "markdown") => Kind::Markdown,
        _ => Kind::Plain,
    }
}

/// Builds the working text of `raw` (by the kind `path` names) and splits it into
/// articles. `Source::file` is 0: the caller re-indexes.
pub fn parse(path: &str, raw: String) -> (File, Vec<Source>) {
    let kind = kind(path);
    let bom = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let front = match kind {
        Kind::Markdown => split::front_matter(&raw, bom),
        _ => None,
    };
    let mut meta_date = None;
    let plain_fast = kind != Kind::Html
        && bom == 0
        && front.is_none()
        && memchr::memchr2(b'\r', b'&', raw.as_bytes()).is_none()
        && is_nfkc_quick(raw.chars()) == IsNormalized::Yes;
    let (text, map) = if plain_fast {
        // Nothing moves: only citation markers may be blanked, byte for byte.
        let text = norm::blank_citations(raw.clone());
        let map = (text != raw).then(|| norm::identity_map(&raw));
        (text, map)
    } else {
        let pre = match kind {
            Kind::Html => {
                let (m, d) = html::visible_text(crate::text::after(&raw, bom), bom);
                meta_date = d;
                m
            }
            _ => norm::plain(&raw, bom, front.as_ref().map(|f| f.range.clone())),
        };
        let Mapped { text, mut map } = norm::nfkc(pre);
        let text = norm::blank_citations(text);
        map.push(u32::try_from(raw.len()).unwrap_or(u32::MAX));
        let map = (text != raw).then_some(map);
        (text, map)
    };
    let file = File {
        path: path.to_string(),
        line_starts: line_starts(&raw),
        raw,
        text,
        map,
        real: None,
        blocks: Default::default(),
        key: normalize(Path::new(path)),
    };
    let articles = split::articles(&file.text);
    let several = articles.len() > 1;
    let sources = articles
        .into_iter()
        .enumerate()
        .map(|(n, a)| {
            let mut title = a.title;
            let mut date = a.date;
            if !several && date.is_none() {
                // No byline: the front matter or the page's metadata dates the article.
                if let Some(f) = &front {
                    date = f.date;
                    title = f.title.clone().or_else(|| heading(&file.text)).or(title);
                } else {
                    date = meta_date;
                    if kind == Kind::Markdown {
                        title = heading(&file.text).or(title);
                    }
                }
            }
            Source {
                id: if several {
                    format!("{path}#{}", n + 1)
                } else {
                    path.to_string()
                },
                path: path.to_string(),
                title: title.map(cap_title),
                date,
                lang: a.lang,
                file: 0,
                range: a.range,
            }
        })
        .collect();
    (file, sources)
}

/// The most characters a source's title holds (a 10 MB first line is not a title).
pub const MAX_TITLE: usize = 200;

/// A title cut to `MAX_TITLE` characters: at the last space in its second half
/// when there is one, else at the limit, with `…` added.
pub fn cap_title(t: String) -> String {
    let Some((cut, _)) = t.char_indices().nth(MAX_TITLE) else {
        return t;
    };
    let head = &t[..cut];
    let half = head.char_indices().nth(MAX_TITLE / 2).map_or(0, |(i, _)| i);
    let end = match head.rfind(' ') {
        Some(i) if i > half => i,
        _ => cut,
    };
    format!("{}…", head[..end].trim_end())
}

/// The first `# ` heading of a Markdown text.
fn heading(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.trim_start().strip_prefix("# "))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Refuses an output path (`--output`, `--write-baseline`, `index -o`) that is one
/// of the files read, however either path was spelled (through `..`, a symbolic
/// link or a hard link): writing it would replace an article.
pub fn refuse_input(out: &Path, option: &str, files: &[File]) -> Result<(), Error> {
    let Some(target) = identity(out) else {
        // Nothing there yet: not an input.
        return Ok(());
    };
    let hit = files
        .iter()
        .find(|f| f.real.as_deref().and_then(identity).as_ref() == Some(&target));
    match hit {
        Some(f) => Err(Error::Usage(format!(
            "{option} {}: is one of the input articles ({}); not overwritten",
            walk::display(out),
            f.path
        ))),
        None => Ok(()),
    }
}

/// What makes a file the same file: its device and inode.
#[cfg(unix)]
fn identity(p: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(p).ok()?;
    Some((m.dev(), m.ino()))
}

/// What makes a file the same file: its canonical path.
#[cfg(not(unix))]
fn identity(p: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(p).ok()
}

/// The project root that fingerprint paths are relative to: the folder of the
/// configuration file in use, else the nearest folder with `.git` from the working
/// folder up, else the working folder.
pub fn project_root(config: Option<&Path>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Some(dir) = config.and_then(Path::parent) {
        return PathBuf::from(normalize(&cwd.join(dir)));
    }
    cwd.ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&cwd)
        .to_path_buf()
}

/// Sets each file's `key`: its path made absolute, normalized, and relative to
/// `root` when it is under it (else absolute).
pub fn set_keys(files: &mut [File], root: &Path) {
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = normalize(&cwd.join(root));
    for f in files {
        let Some(real) = &f.real else { continue };
        let abs = normalize(&cwd.join(real));
        f.key = match abs.strip_prefix(root.as_str()) {
            Some(rel) if root == "/" => rel.to_string(),
            Some(rel) if rel.starts_with('/') => rel[1..].to_string(),
            _ => abs,
        };
    }
}

/// A path with `.` and `..` resolved by its text (symbolic links are not followed)
/// and `/` separators: `./a/../b/c.txt` → `b/c.txt`.
pub fn normalize(p: &Path) -> String {
    use std::path::Component;
    let mut parts: Vec<String> = Vec::new();
    let mut lead = String::new();
    for c in p.components() {
        match c {
            Component::Prefix(x) => lead.push_str(&x.as_os_str().to_string_lossy()),
            Component::RootDir => lead.push('/'),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.last().is_some_and(|l| l != "..") {
                    parts.pop();
                } else if lead.is_empty() {
                    parts.push("..".into());
                }
            }
            Component::Normal(x) => parts.push(x.to_string_lossy().into_owned()),
        }
    }
    lead + &parts.join("/")
}
