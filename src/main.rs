//! The `claimcheck` command line.

// Input decides what these would panic on: propagate errors instead.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod kb_cmd;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use claimcheck::{Error, claims, config, index, kb, read, report, rules, suppress};

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Finds where news articles contradict each other or the known facts."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Settings file (default: the first claimcheck.toml from here up to the root).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Threads to read and check with (default: every core). Output is the same for any N.
    #[arg(long, short = 'j', global = true, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles, normalize their claims, report conflicts.
    Check {
        /// Article files or folders (walked recursively: .txt .md .markdown .html .htm).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormat,
        #[command(flatten)]
        common: Common,
        /// Exit 1 when a finding is at or above this severity.
        #[arg(long, value_enum, default_value = "error")]
        fail_on: FailOn,
        /// Archive articles read with the drafts, or claim indexes (`claimcheck index`);
        /// only findings in the drafts are reported.
        #[arg(long, value_name = "ARCHIVE", num_args = 1..)]
        against: Vec<PathBuf>,
        /// Print each finding's correction as a unified diff of its article instead.
        #[arg(long)]
        diff: bool,
        /// Report only findings not recorded in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Record the current findings in this baseline file (and exit 0).
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
    },
    /// Read articles and print their normalized claims (no rules).
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: ExtractFormat,
        #[command(flatten)]
        common: Common,
    },
    /// Ask the knowledge base: who held an office, what a name stands for, …
    Kb(kb_cmd::Args),
    /// Write a claim index of archive articles for `check DRAFT --against FILE`.
    Index {
        /// Archive files or folders (walked as `check` walks them).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The index file to write.
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// List the rules in force, or print one rule's documentation.
    Rules {
        /// A rule id: print its documentation with an example.
        rule: Option<String>,
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
}

#[derive(clap::Args)]
struct Common {
    /// Rule and knowledge-base files to add to the built-in ones (overriding by id).
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Write the output to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Run the knowledge base's own examples first; stop at the first wrong one.
    #[arg(long)]
    check_kb: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
    Markdown,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Human,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, PartialOrd, Ord)]
enum FailOn {
    Info,
    Warning,
    Error,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.jobs {
        // Only fails if a pool already exists, which nothing here builds before.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global();
    }
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("claimcheck: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The configuration, and the knowledge base with its rules folders and severities.
fn load_kb(
    config: Option<&PathBuf>,
    cli_dirs: &[PathBuf],
) -> Result<(config::Config, kb::Kb), Error> {
    let mut known: Vec<&str> = rules::all().iter().map(|r| r.id).collect();
    known.push(suppress::UNKNOWN);
    let cfg = config::load(config.map(|p| p.as_path()), &known)?;
    // The config's folders first, so `--rules` overrides them by id.
    let dirs: Vec<PathBuf> = cfg.rules.iter().chain(cli_dirs).cloned().collect();
    let dirs: Vec<&std::path::Path> = dirs.iter().map(|d| d.as_path()).collect();
    let mut kb = kb::load(&dirs)?;
    cfg.apply_severity(&mut kb);
    rules::settings::resolve(&mut kb, &[suppress::UNKNOWN])?;
    Ok((cfg, kb))
}

/// The files read, their articles, and the input files skipped.
type Inputs = (Vec<read::File>, Vec<read::Source>, Vec<Error>);

/// Splits read errors: a file that cannot be read is reported on stderr and skipped
/// (the run goes on and ends with exit status 2); anything else (a path that does
/// not exist) stops the run.
fn skip_bad_files(errors: Vec<Error>, skipped: &mut Vec<Error>) -> Result<(), Error> {
    for e in errors {
        match e {
            Error::Input { .. } => {
                eprintln!("claimcheck: error: {e}; skipped");
                skipped.push(e);
            }
            _ => return Err(e),
        }
    }
    Ok(())
}

/// Reads every article; an unreadable file is reported and skipped, a missing path
/// stops the run (exit status 2). Files found under folders pass the config's
/// include/exclude globs; undated articles take its reference date.
fn read_inputs(paths: &[PathBuf], cfg: &config::Config) -> Result<Inputs, Error> {
    let mut list = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        if cfg.filters() && p.is_dir() {
            let (found, errors) = read::collect(std::slice::from_ref(p));
            skip_bad_files(errors, &mut skipped)?;
            list.extend(
                found
                    .into_iter()
                    .filter(|f| cfg.wants(f.strip_prefix(p).unwrap_or(f), f)),
            );
        } else {
            list.push(p.clone());
        }
    }
    let (files, mut sources, errors) = read::read_all(&list);
    skip_bad_files(errors, &mut skipped)?;
    for s in sources.iter_mut().filter(|s| s.date.is_none()) {
        s.date = cfg.reference_date;
    }
    Ok((files, sources, skipped))
}

/// The exit status: 2 when an input file was skipped (it outranks 1), else `code`.
fn status(code: u8, skipped: &[Error]) -> u8 {
    if skipped.is_empty() { code } else { 2 }
}

/// Keeps the findings with a place in the first `drafts` sources, reported there.
fn in_drafts(
    findings: Vec<rules::Finding>,
    drafts: usize,
    sources: &[read::Source],
) -> Vec<rules::Finding> {
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
                // The primary side is in the archive: the draft's side becomes primary.
                for p in &mut f.places {
                    p.primary = false;
                }
                if let Some(p) = f.places.get_mut(draft) {
                    p.primary = true;
                }
                // The primary place is listed first, as the rules list it.
                let p = f.places.remove(draft);
                f.places.insert(0, p);
                f.restate(sources);
            }
            Some(f)
        })
        .collect::<Vec<_>>();
    let key = |f: &rules::Finding| {
        let p = f.places.iter().find(|p| p.primary);
        (p.map(|p| (p.source, p.span.start)), f.rule)
    };
    out.sort_by_key(key);
    out
}

/// Each correction as a unified diff of its article: the primary span's text
/// replaced by the expected value, in memory only.
fn corrections(
    findings: &[rules::Finding],
    files: &[read::File],
    sources: &[read::Source],
) -> String {
    let mut out = String::new();
    for f in findings {
        let Some(expected) = &f.expected else {
            continue;
        };
        let Some(p) = f.places.iter().find(|p| p.primary) else {
            continue;
        };
        let Some(file) = sources.get(p.source).and_then(|s| files.get(s.file)) else {
            continue;
        };
        let o = file.orig_range(p.span.clone());
        let (Some(before), Some(after)) = (file.raw.get(..o.start), file.raw.get(o.end..)) else {
            continue;
        };
        let fixed = format!("{before}{expected}{after}");
        let d = similar::TextDiff::from_lines(file.raw.as_str(), fixed.as_str());
        out.push_str(
            &d.unified_diff()
                .context_radius(1)
                .header(&file.path, &file.path)
                .to_string(),
        );
    }
    out
}

fn emit(out: &str, path: Option<&PathBuf>) -> Result<(), Error> {
    match path {
        Some(p) => claimcheck::atomic::write(p, out.as_bytes())
            .map_err(|e| Error::Usage(format!("{}: cannot write: {e}", p.display()))),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout.write_all(out.as_bytes());
            Ok(())
        }
    }
}

fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Extract {
            paths,
            format,
            common,
        } => {
            let (cfg, kb) = load_kb(cli.config.as_ref(), &common.rules)?;
            if common.check_kb {
                kb::examples::check(&kb)?;
            }
            let (files, sources, skipped) = read_inputs(&paths, &cfg)?;
            let claims = claims::extract(&kb, &files, &sources);
            let out = match format {
                ExtractFormat::Json => {
                    report::extract::json_with_errors(&claims, &files, &sources, &skipped)
                }
                ExtractFormat::Jsonl => report::extract::jsonl(&claims, &files, &sources),
                ExtractFormat::Human => report::extract::human(&claims, &files, &sources),
            };
            emit(&out, common.output.as_ref())?;
            Ok(status(0, &skipped))
        }
        Command::Index {
            paths,
            output,
            rules: dirs,
        } => {
            let (cfg, kb) = load_kb(cli.config.as_ref(), &dirs)?;
            let (files, sources, skipped) = read_inputs(&paths, &cfg)?;
            let claims = claims::extract(&kb, &files, &sources);
            let s = index::write(&output, &kb, cfg.reference_date, &files, &sources, &claims)?;
            eprintln!(
                "claimcheck: indexed {} sources ({} claims, {} stored under {} keys) in {} ({} bytes)",
                s.sources,
                s.claims,
                s.stored,
                s.keys,
                output.display(),
                s.bytes
            );
            Ok(status(0, &skipped))
        }
        Command::Check {
            paths,
            format,
            common,
            fail_on,
            against,
            diff,
            baseline,
            write_baseline,
        } => {
            let recorded = baseline
                .as_deref()
                .map(claimcheck::baseline::read)
                .transpose()?;
            let (cfg, kb) = load_kb(cli.config.as_ref(), &common.rules)?;
            if common.check_kb {
                kb::examples::check(&kb)?;
            }
            // Claim indexes are known by their magic bytes, whatever their name.
            let (indexes, against): (Vec<PathBuf>, Vec<PathBuf>) =
                against.into_iter().partition(|p| index::is_index(p));
            let archive = !against.is_empty() || !indexes.is_empty();
            let (mut files, mut sources, mut skipped) = read_inputs(&paths, &cfg)?;
            let drafts = sources.len();
            if !against.is_empty() {
                let (more_files, more_sources, more_skipped) = read_inputs(&against, &cfg)?;
                skipped.extend(more_skipped);
                let offset = files.len();
                files.extend(more_files);
                sources.extend(more_sources.into_iter().map(|s| read::Source {
                    file: s.file + offset,
                    ..s
                }));
            }
            let claims = claims::extract(&kb, &files, &sources);
            let (mut findings, n_claims) = if indexes.is_empty() {
                (rules::check(&kb, &files, &sources, &claims), claims.len())
            } else {
                let (f, n) = index::check(
                    &kb,
                    cfg.reference_date,
                    &indexes,
                    drafts,
                    &mut files,
                    &mut sources,
                    &claims,
                )?;
                (f, claims.len() + n)
            };
            if archive {
                findings = in_drafts(findings, drafts, &sources);
            }
            let mut known: Vec<&str> = rules::all().iter().map(|r| r.id).collect();
            known.push(suppress::UNKNOWN);
            findings = suppress::apply(findings, &files, &sources, &known);
            // `unknown-suppression` takes its severity from the config, like the rules.
            let level = kb
                .rules
                .get(suppress::UNKNOWN)
                .map_or(kb::Level::Warning, |s| s.level);
            findings.retain_mut(|f| {
                if f.rule != suppress::UNKNOWN {
                    return true;
                }
                match rules::Severity::of(level) {
                    Some(s) => f.severity = s,
                    None => return false,
                }
                true
            });
            if archive {
                findings = in_drafts(findings, drafts, &sources);
            }
            if let Some(recorded) = &recorded {
                findings = claimcheck::baseline::new_only(findings, &files, &sources, recorded);
            }
            if let Some(path) = &write_baseline {
                let n = claimcheck::baseline::write(path, &findings, &files, &sources)?;
                eprintln!("claimcheck: recorded {n} finding(s) in {}", path.display());
            }
            let out = match format {
                _ if diff => corrections(&findings, &files, &sources),
                CheckFormat::Json => {
                    report::check::json_with_errors(&findings, &files, &sources, n_claims, &skipped)
                }
                CheckFormat::Sarif => {
                    report::sarif::render_with_errors(&findings, &files, &sources, &kb, &skipped)
                }
                CheckFormat::Github => {
                    report::github::render_with_errors(&findings, &files, &sources, &skipped)
                }
                CheckFormat::Markdown => {
                    report::markdown::render(&findings, &files, &sources, n_claims)
                }
                CheckFormat::Html => report::html::render(&findings, &files, &sources, n_claims),
                CheckFormat::Human => {
                    let color = common.output.is_none() && color();
                    report::check::human(&findings, &files, &sources, n_claims, color)
                }
            };
            emit(&out, common.output.as_ref())?;
            let threshold = match fail_on {
                _ if write_baseline.is_some() => return Ok(status(0, &skipped)),
                FailOn::Never => return Ok(status(0, &skipped)),
                FailOn::Info => rules::Severity::Info,
                FailOn::Warning => rules::Severity::Warning,
                FailOn::Error => rules::Severity::Error,
            };
            let found = findings.iter().any(|f| f.severity >= threshold);
            Ok(status(u8::from(found), &skipped))
        }
        Command::Kb(args) => {
            let (_, kb) = load_kb(cli.config.as_ref(), &args.rules)?;
            let (out, code) = kb_cmd::run(&kb, &args)?;
            emit(&out, None)?;
            Ok(code)
        }
        Command::Rules { rule, rules: dirs } => {
            let (_, kb) = load_kb(cli.config.as_ref(), &dirs)?;
            let all = rules::all();
            let severity = |r: &rules::Rule| r.level(&kb).name();
            let out = match rule {
                None => all
                    .iter()
                    .map(|r| format!("{:<28} {:<8} {}\n", r.id, severity(r), r.summary))
                    .collect::<String>(),
                Some(id) => match all.iter().find(|r| r.id == id) {
                    Some(r) => format!("{} ({})\n\n{}\n", r.id, severity(r), r.doc()),
                    None => {
                        let ids: Vec<&str> = all.iter().map(|r| r.id).collect();
                        return Err(Error::Usage(format!(
                            "unknown rule \"{id}\" (rules: {})",
                            ids.join(", ")
                        )));
                    }
                },
            };
            emit(&out, None)?;
            Ok(0)
        }
    }
}

fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
