//! Command-line paths → the files to read.

use foldhash::HashSetExt;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::Error;

/// Extensions read when walking a folder (a file named explicitly is read whatever it is).
const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Whether a walked file is one we read.
pub fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|w| w.eq_ignore_ascii_case(e)))
}

/// `path` as it is printed: as given, with `/` separators.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // Whether a symlinked folder was entered (the same file may then be reached twice).
    let mut linked = false;
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => errors.push(Error::Usage(
                format!("{}: no such file or directory", display(p)),
            )),
            Err(e) => errors.push(Error::input(display(p), e.to_string())),
            Ok(m) if m.is_dir() => linked |= walk(p, &mut files, &mut errors),
            Ok(_) => files.push(p.clone()),
        }
    }
    // Read in path order, whatever order the paths were named in, so that the
    // findings and their primary places do not depend on it; the same file named
    // twice (or reached twice) is read once.
    files.sort();
    files.dedup();
    // Through a symlinked folder, one file has several paths: the first is read.
    if linked {
        let mut seen = foldhash::HashSet::new();
        files.retain(|f| identity(f).is_none_or(|id| seen.insert(id)));
    }
    (files, errors)
}

/// What makes a file the same file, however it is reached: device and inode.
#[cfg(unix)]
fn identity(p: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(p).ok()?;
    Some((m.dev(), m.ino()))
}

/// What makes a file the same file, however it is reached: its canonical path.
#[cfg(not(unix))]
fn identity(p: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(p).ok()
}

/// Walks a folder: hidden and ignored entries skipped, symlinked folders followed (a
/// link back to a folder being walked is a loop: not entered, its files are read
/// through their real path), entries
/// sorted by name so every run reads in the same order. Returns whether a symlinked
/// folder was entered.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) -> bool {
    let mut linked = false;
    let walker = WalkBuilder::new(dir)
        .hidden(true)
        .ignore(true)
        .git_ignore(true)
        .require_git(false)
        .git_global(false)
        .git_exclude(false)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let Some(t) = e.file_type() else { continue };
                if t.is_dir() {
                    linked |= e.path_is_symlink();
                    continue;
                }
                if !wanted(e.path()) {
                    continue;
                }
                // A symlink is followed to a file only; a loop or a dangling link is
                // reported, a symlinked folder is not entered. A FIFO, socket or
                // device is reported and never opened (opening a FIFO blocks).
                if t.is_file() {
                    files.push(e.into_path());
                    continue;
                }
                match std::fs::metadata(e.path()) {
                    Ok(m) if m.is_file() => files.push(e.into_path()),
                    Ok(m) if m.is_dir() => {}
                    Ok(m) => errors.push(Error::input(display(e.path()), not_regular(&m))),
                    Err(err) => errors.push(Error::input(
                        display(e.path()),
                        format!("symbolic link cannot be followed: {err}"),
                    )),
                }
            }
            Err(err) => {
                if let Some(e) = walk_error(dir, &err) {
                    errors.push(e);
                }
            }
        }
    }
    linked
}

/// Why a path that is not a regular file is not read.
pub fn not_regular(m: &std::fs::Metadata) -> &'static str {
    if m.is_dir() {
        return "is a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "not a regular file (a FIFO), not opened";
        }
        if t.is_socket() {
            return "not a regular file (a socket), not opened";
        }
        if t.is_block_device() || t.is_char_device() {
            return "not a regular file (a device), not opened";
        }
    }
    "not a regular file, not opened"
}

/// An I/O failure while walking, naming the path it happened on. Problems inside
/// ignore files (a bad glob) are not worth stopping a run for.
fn walk_error(dir: &Path, err: &ignore::Error) -> Option<Error> {
    // A symlinked folder that leads back to a folder being walked: everything under
    // it is read already, through the real path.
    if is_loop(err) {
        return None;
    }
    let io = err.io_error()?;
    let mut path = dir.to_path_buf();
    let mut e = err;
    loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                path = p.clone();
                e = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                e = err
            }
            _ => break,
        }
    }
    // A link that leads nowhere (dangling, or a loop of links to files): reported
    // when its name is an article's, as a file with that name would be read.
    let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if link {
        if !wanted(&path) {
            return None;
        }
        return Some(Error::input(
            display(&path),
            format!("symbolic link cannot be followed: {io}"),
        ));
    }
    Some(Error::input(display(&path), io.to_string()))
}

/// Whether a walk error is a symbolic link back to a folder being walked.
fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}
