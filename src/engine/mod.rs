//! The engine: one run from paths to findings. It reads the inputs (the config's
//! include/exclude globs and reference date), extracts claims, runs the rules over
//! the articles or against claim indexes, keeps the drafts' findings, applies the
//! suppressions and the baseline. `check`, `check --against`, `index`, `extract`
//! and `kb check` all go through here.

pub mod baseline;
pub mod examples;
pub mod index;
pub mod suppress;

pub use examples::check_article;

use foldhash::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::Error;
use crate::claims::{self, Claim};
use crate::kb::Kb;
use crate::read::{self, File, Source};
use crate::rules::{self, Finding};

/// Every id a setting or a suppression may name: the rules'.
pub fn known_ids() -> Vec<&'static str> {
    rules::all().iter().map(|r| r.id).collect()
}

/// Whether a file found under a folder is read, given its path relative to the
/// folder and as shown.
pub type Wants<'a> = dyn Fn(&Path, &Path) -> bool + 'a;

/// How a run reads its inputs and what it applies to the findings.
pub struct Options<'a> {
    /// Whether a file found under a folder is read (the config's include/exclude
    /// globs), given its path relative to that folder and as shown.
    pub wants: Option<&'a Wants<'a>>,
    /// The date of undated articles.
    pub reference_date: Option<NaiveDate>,
    /// Run the knowledge base's own examples first; stop at the first wrong one.
    pub check_kb: bool,
    /// Archive paths and claim indexes (known by their magic bytes): only findings
    /// in the drafts (the run's own paths) are kept.
    pub against: &'a [PathBuf],
    /// Fingerprints of findings recorded in a baseline: they are dropped.
    pub baseline: Option<&'a HashSet<u64>>,
    /// Told of each input file that cannot be read, as it is skipped.
    pub on_skip: &'a dyn Fn(&Error),
    /// The project root fingerprints name files from (`read::project_root`; `None`:
    /// the git root or the working folder).
    pub root: Option<&'a Path>,
    /// The name standard input is shown by when a path is `-` (default `<stdin>`):
    /// messages and fingerprints use it, and its extension picks the format.
    pub stdin_name: Option<&'a str>,
    /// The text the path `-` stands for instead of standard input (an editor's
    /// buffer), shown as `stdin_name`.
    pub stdin_text: Option<&'a [u8]>,
    /// Told what the run is doing as it moves on (reading, extracting, checking), for
    /// a progress display.
    pub stage: Option<&'a (dyn Fn(&str) + Sync)>,
}

impl<'a> Options<'a> {
    /// A plain run: no examples first, no archive, no baseline.
    pub fn new(on_skip: &'a dyn Fn(&Error)) -> Options<'a> {
        Options {
            wants: None,
            reference_date: None,
            check_kb: false,
            against: &[],
            baseline: None,
            on_skip,
            root: None,
            stdin_name: None,
            stdin_text: None,
            stage: None,
        }
    }

    /// Tells `stage`, if any, what the run does now.
    fn tell(&self, what: &str) {
        if let Some(f) = self.stage {
            f(what);
        }
    }
}

/// The files read, their articles and the input files skipped.
pub struct Inputs {
    pub files: Vec<File>,
    pub sources: Vec<Source>,
    /// Files that could not be read (exit status 2, the run goes on).
    pub skipped: Vec<Error>,
    /// Reports claimcheck wrote, found among the inputs and not read (a note each).
    pub reports: Vec<String>,
}

/// What a check found.
pub struct Outcome {
    pub files: Vec<File>,
    pub sources: Vec<Source>,
    pub skipped: Vec<Error>,
    /// Reports claimcheck wrote, found among the inputs and not read.
    pub reports: Vec<String>,
    pub findings: Vec<Finding>,
    /// Claims read, the archive's included.
    pub claims: usize,
    /// The first `drafts` sources are the run's own paths (the rest, the archive's):
    /// only they get results of their own in SARIF and GitHub output.
    pub drafts: usize,
}

/// `check`: the findings of the inputs (or of the drafts, against an archive).
pub fn run(kb: &Kb, paths: &[PathBuf], opts: &Options) -> Result<Outcome, Error> {
    if opts.check_kb {
        examples::check(kb)?;
    }
    let (indexes, against): (Vec<PathBuf>, Vec<PathBuf>) = opts
        .against
        .iter()
        .cloned()
        .partition(|p| index::is_index(p));
    against.iter().try_for_each(|p| index::refuse_empty(p))?;
    let archive = !opts.against.is_empty();
    opts.tell("reading articles");
    let mut inputs = read_inputs(paths, opts)?;
    nothing_found(&inputs, paths)?;
    let drafts = inputs.sources.len();
    if !against.is_empty() {
        let more = read_inputs(&against, opts)?;
        inputs.skipped.extend(more.skipped);
        inputs.reports.extend(more.reports);
        // An archive file at the path standard input is named by is the saved copy of
        // the text read (an editor's buffer): the text stands for it.
        let replaced = replaced(paths, opts);
        let mut renumber = Vec::with_capacity(more.files.len());
        for f in more.files {
            if replaced.contains(&read::normalize(Path::new(&f.path))) {
                renumber.push(None);
            } else {
                renumber.push(Some(inputs.files.len()));
                inputs.files.push(f);
            }
        }
        inputs
            .sources
            .extend(more.sources.into_iter().filter_map(|s| {
                let file = renumber.get(s.file).copied().flatten()?;
                Some(Source { file, ..s })
            }));
    }
    let Inputs {
        mut files,
        mut sources,
        skipped,
        reports,
    } = inputs;
    opts.tell(&format!(
        "extracting claims from {} articles",
        sources.len()
    ));
    let claims = claims::extract(kb, &files, &sources);
    opts.tell(&format!("checking {} claims", claims.len()));
    let (mut findings, n_claims) = if indexes.is_empty() {
        (rules::check(kb, &files, &sources, &claims), claims.len())
    } else {
        let (f, n) = index::check(
            kb,
            opts.reference_date,
            &indexes,
            (drafts, &replaced(paths, opts)),
            &mut files,
            &mut sources,
            &claims,
        )?;
        (f, claims.len() + n)
    };
    if archive {
        findings = in_drafts(findings, drafts, &sources);
    }
    findings = suppress::apply(findings, &files, &sources, kb);
    if archive {
        findings = in_drafts(findings, drafts, &sources);
    }
    if let Some(recorded) = opts.baseline {
        findings = baseline::new_only(findings, &files, &sources, drafts, recorded);
    }
    Ok(Outcome {
        files,
        sources,
        skipped,
        reports,
        findings,
        claims: n_claims,
        drafts,
    })
}

/// The paths whose archive copy the drafts replace: the name given to standard
/// input when it is read (`-`), normalized.
fn replaced(paths: &[PathBuf], opts: &Options) -> std::collections::BTreeSet<String> {
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    opts.stdin_name
        .filter(|_| stdin)
        .map(|n| read::normalize(Path::new(n)))
        .into_iter()
        .collect()
}

/// `extract`: the inputs and their claims.
pub fn extract(kb: &Kb, paths: &[PathBuf], opts: &Options) -> Result<(Inputs, Vec<Claim>), Error> {
    if opts.check_kb {
        examples::check(kb)?;
    }
    opts.tell("reading articles");
    let inputs = read_inputs(paths, opts)?;
    nothing_found(&inputs, paths)?;
    opts.tell(&format!(
        "extracting claims from {} articles",
        inputs.sources.len()
    ));
    let claims = claims::extract(kb, &inputs.files, &inputs.sources);
    Ok((inputs, claims))
}

/// A run that finds no article at all (an empty folder, every file excluded) stops
/// with exit status 2: in CI it is a mistake, not a clean result. (When files were
/// skipped, they already make the status 2.)
fn nothing_found(inputs: &Inputs, paths: &[PathBuf]) -> Result<(), Error> {
    if !inputs.sources.is_empty() || !inputs.skipped.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = paths.iter().map(|p| read::display(p)).collect();
    let reports = match inputs.reports.len() {
        0 => String::new(),
        n => format!("; {n} report(s) claimcheck wrote skipped"),
    };
    Err(Error::Usage(format!(
        "no article found in {} (folders are searched for .txt .md .markdown .html .htm files, as `include` and `exclude` in claimcheck.toml allow){reports}",
        shown.join(", ")
    )))
}

/// `index`: writes the claim index of the inputs to `output`; returns its counts,
/// the files skipped and the reports claimcheck wrote that were not read.
pub fn write_index(
    kb: &Kb,
    paths: &[PathBuf],
    output: &Path,
    opts: &Options,
) -> Result<(index::Stats, Vec<Error>, Vec<String>), Error> {
    let (inputs, claims) = extract(kb, paths, opts)?;
    let Inputs {
        files,
        sources,
        skipped,
        reports,
    } = inputs;
    read::refuse_input(output, "-o", &files)?;
    let stats = index::write(output, kb, opts.reference_date, &files, &sources, &claims)?;
    Ok((stats, skipped, reports))
}

/// Reads every article; an unreadable file is skipped (and `on_skip` told), a
/// missing path stops the run (exit status 2). Files found under folders pass
/// `wants`; undated articles take the reference date.
pub fn read_inputs(paths: &[PathBuf], opts: &Options) -> Result<Inputs, Error> {
    let on_skip = opts.on_skip;
    let mut list = Vec::new();
    let mut skipped = Vec::new();
    let mut skip = |errors: Vec<Error>| -> Result<(), Error> {
        for e in errors {
            match e {
                Error::Input { .. } => {
                    on_skip(&e);
                    skipped.push(e);
                }
                _ => return Err(e),
            }
        }
        Ok(())
    };
    let mut stdin = None;
    for p in paths {
        if p.as_os_str() == "-" {
            if stdin.is_some() {
                return Err(Error::Usage(
                    "`-` (standard input) is given more than once".into(),
                ));
            }
            let name = opts.stdin_name.unwrap_or("<stdin>");
            let read = match opts.stdin_text {
                Some(bytes) => read::read_bytes(name, bytes.to_vec()),
                None => read::read_stdin(name),
            };
            match read {
                Ok(read) => stdin = Some((name, read)),
                Err(e) => skip(vec![e])?,
            }
        } else if let Some(wants) = opts.wants
            && p.is_dir()
        {
            let (found, errors) = read::collect(std::slice::from_ref(p));
            skip(errors)?;
            // Every path `collect` finds under `p` starts with it.
            list.extend(found.into_iter().filter(|f| {
                let rel = f.strip_prefix(p).unwrap_or(f);
                wants(rel, f)
            }));
        } else {
            list.push(p.clone());
        }
    }
    let (mut files, mut sources, errors, mut reports) = read::read_all_noting(&list);
    skip(errors)?;
    match stdin {
        Some((_, Some((file, srcs)))) => {
            let idx = files.len();
            sources.extend(srcs.into_iter().map(|s| Source { file: idx, ..s }));
            files.push(file);
        }
        Some((name, None)) => reports.push(name.to_string()),
        None => {}
    }
    let root = opts
        .root
        .map_or_else(|| read::project_root(None), Path::to_path_buf);
    read::set_keys(&mut files, &root);
    for s in sources.iter_mut().filter(|s| s.date.is_none()) {
        s.date = opts.reference_date;
    }
    Ok(Inputs {
        files,
        sources,
        skipped,
        reports,
    })
}

/// Keeps the findings with a place in the first `drafts` sources, reported there.
fn in_drafts(findings: Vec<Finding>, drafts: usize, sources: &[Source]) -> Vec<Finding> {
    let mut out = findings
        .into_iter()
        .filter_map(|mut f| {
            let draft = f.places.iter().position(|p| p.source < drafts)?;
            if !f.places.iter().any(|p| p.primary && p.source < drafts) {
                // A known right value says which side is wrong: if that is the
                // archive's, the draft is not at fault.
                if f.expected.is_some() {
                    return None;
                }
                // The primary side is in the archive: the draft's side becomes primary,
                // listed first, as the rules list it.
                for p in &mut f.places {
                    p.primary = false;
                }
                let mut p = f.places.remove(draft);
                p.primary = true;
                f.places.insert(0, p);
                f.restate(sources);
            }
            Some(f)
        })
        .collect::<Vec<_>>();
    let key = |f: &Finding| {
        let p = f.places.iter().find(|p| p.primary);
        (p.map(|p| (p.source, p.span.start)), f.rule)
    };
    out.sort_by_key(key);
    out
}
