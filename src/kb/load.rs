//! Reading `rules/*.toml`: the built-in files and those under `--rules` folders,
//! parsed into one set of entries (later files replace earlier ones by id), then
//! validated and built by `build`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;

use super::Kb;
use super::build::{self, Files};
use super::docs::{At, Docs, RuleItem, SrcFile};
use super::schema::FileDoc;
use crate::Error;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The knowledge base compiled into the binary (the repository's `rules/`).
pub fn builtin() -> Result<Kb, Error> {
    // Built afresh from the cached parse: cloning a cached knowledge base costs
    // more than building it (the automaton is the exception, and it is built once
    // per process anyway).
    build::build(builtin_docs()?)
}

/// The built-in knowledge base with every `*.toml` under the folders `dirs` added
/// (overriding by id).
pub fn load(dirs: &[&Path]) -> Result<Kb, Error> {
    let mut paths = Vec::new();
    for dir in dirs {
        paths.extend(toml_files(dir)?);
    }
    if paths.is_empty() {
        return builtin();
    }
    let mut files = Vec::new();
    for p in paths {
        let text = crate::read::small_file(&p, crate::read::MAX_RULES, "rule file")?;
        files.push(SrcFile {
            path: p.display().to_string().into(),
            text: text.into(),
        });
    }
    let base = builtin_docs()?;
    let mut docs = base.clone();
    let extra = collect(files, base.files.len())?;
    docs.overlay(extra);
    build::build(&docs)
}

/// The parsed built-in files, once per process.
fn builtin_docs() -> Result<&'static Docs, Error> {
    static BUILTIN: OnceLock<Result<Docs, Error>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            let files = BUILTIN_RULES
                .iter()
                .map(|(path, text)| SrcFile {
                    path: (*path).into(),
                    text: (*text).into(),
                })
                .collect();
            collect(files, 0)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Every `*.toml` under the folder `dir`, sorted by path.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if !dir.exists() {
        return Err(Error::Usage(format!(
            "{}: no such rules folder",
            dir.display()
        )));
    }
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{}: not a folder (--rules takes a folder of .toml files)",
            dir.display()
        )));
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| Error::Usage(format!("{}: cannot read folder: {e}", d.display())))?;
        for entry in entries.flatten() {
            let p = entry.path();
            // Symlinked folders are not followed, so a link cycle cannot loop.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml")
                && !crate::text::lexicon::is_lexicon(&p)
            {
                // A `.toml` that cannot be read as a file is reported, not passed
                // over: a dangling link or a FIFO would silently drop rules.
                match std::fs::metadata(&p) {
                    Ok(m) if m.is_file() => out.push(p),
                    Ok(m) if m.is_dir() => {}
                    Ok(m) => {
                        return Err(Error::Usage(format!(
                            "{}: {} (in a rules folder)",
                            p.display(),
                            crate::read::not_regular(&m)
                        )));
                    }
                    Err(e) => {
                        return Err(Error::Usage(format!(
                            "{}: cannot read rule file (a dangling symbolic link?): {e}",
                            p.display()
                        )));
                    }
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Parses `files` (numbered from `first`) and checks that no id is defined twice.
fn collect(files: Vec<SrcFile>, first: usize) -> Result<Docs, Error> {
    let mut docs = Docs::default();
    // Parsing is a fifth of start-up: the files are parsed in parallel; the first
    // bad one in path order is still the one reported.
    let parsed: Vec<Result<FileDoc, Error>> = files
        .par_iter()
        .map(|f| {
            toml::from_str(&f.text).map_err(|e| {
                // toml gives every parse error a span; 0 if one ever has none.
                let span = e.span().unwrap_or(0..0);
                build::error_at(&f.path, &f.text, span, serde_message(e.message()))
            })
        })
        .collect();
    for (n, doc) in parsed.into_iter().enumerate() {
        let file = first + n;
        let doc = doc?;
        let at = |item| At { file, item };
        docs.entities
            .extend(doc.person.into_iter().map(|p| at(p.into())));
        docs.entities
            .extend(doc.organization.into_iter().map(|o| at(o.into())));
        docs.entities
            .extend(doc.place.into_iter().map(|p| at(p.into())));
        docs.offices
            .extend(doc.office.into_iter().map(|item| At { file, item }));
        docs.figures
            .extend(doc.figure.into_iter().map(|item| At { file, item }));
        docs.events
            .extend(doc.event.into_iter().map(|item| At { file, item }));
        docs.publishers
            .extend(doc.publisher.into_iter().map(|item| At { file, item }));
        docs.measures
            .extend(doc.measure.into_iter().map(|item| At { file, item }));
        docs.exclusives
            .extend(doc.exclusive.into_iter().map(|item| At { file, item }));
        for (id, r) in doc.rule {
            docs.rules.push(RuleItem {
                id: At { file, item: id },
                severity: r.severity.map(|item| At { file, item }),
                params: r
                    .params
                    .into_iter()
                    .map(|(k, v)| {
                        let name = k.get_ref().clone();
                        (name, At { file, item: (k, v) })
                    })
                    .collect(),
            });
        }
    }
    let fs = Files {
        files: &files,
        first,
    };
    fs.unique("id", docs.entities.iter().map(|e| (e.file, &e.item.id)))?;
    fs.unique(
        "office id",
        docs.offices.iter().map(|e| (e.file, &e.item.id)),
    )?;
    fs.unique(
        "figure id",
        docs.figures.iter().map(|e| (e.file, &e.item.id)),
    )?;
    fs.unique("event id", docs.events.iter().map(|e| (e.file, &e.item.id)))?;
    fs.unique(
        "publisher id",
        docs.publishers.iter().map(|e| (e.file, &e.item.id)),
    )?;
    fs.unique("rule", docs.rules.iter().map(|r| (r.id.file, &r.id.item)))?;
    fs.unique(
        "measure key",
        docs.measures.iter().map(|e| (e.file, &e.item.key)),
    )?;
    fs.unique(
        "exclusive class",
        docs.exclusives.iter().map(|e| (e.file, &e.item.class)),
    )?;
    docs.files = files;
    Ok(docs)
}

/// serde's message, with the expected form spelled out where serde cannot.
fn serde_message(msg: &str) -> String {
    let msg = msg.trim_end();
    if msg.contains("untagged enum DateIn") {
        return "expected a date like \"2024-10-01\"".to_string();
    }
    if msg == "missing field `source`" {
        return format!(
            "{msg}: every entry needs source = {{ publisher = \"…\", document = \"…\", date = \"YYYY-MM-DD\" }}"
        );
    }
    msg.to_string()
}
