//! The `claimcheck` command line.

// Input decides what these would panic on: propagate errors instead.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod kb_cmd;
mod lsp;
mod progress;
mod watch;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use claimcheck::{Error, config, engine, kb, report, rules};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Finds where news articles contradict each other or the known facts.",
    after_help = "Examples:
  claimcheck check articles                      report the conflicts among these articles
  claimcheck check drafts/a.md --against archive only the draft's findings, against the archive
  claimcheck check articles --format sarif -o claimcheck.sarif
  claimcheck extract article.txt --format json   the normalized claims
  claimcheck rules quantity-conflict             what a rule checks, with an example

Exit status: 0 no finding at or above --fail-on (default error); 1 at least one;
2 the run could not be done as asked (a bad option or rule file, a path that does
not exist) or an input file could not be read and was skipped. 2 outranks 1."
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
    /// Colour in the terminal report: `auto` colours a terminal unless `NO_COLOR` is
    /// set (`CLICOLOR_FORCE` colours a pipe too).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles, normalize their claims, report conflicts.
    Check(CheckArgs),
    /// Read articles and print their normalized claims (no rules).
    Extract {
        /// Article files or folders, as `check` reads them; `-` for standard input.
        #[arg(required_unless_present = "files_from")]
        paths: Vec<PathBuf>,
        /// How claims are printed: a line each (human), one JSON document, or JSON
        /// Lines (one claim a line).
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
        /// Rule and knowledge-base files to add to the built-in ones (overriding by id).
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// List the rules in force, or print one rule's documentation.
    Rules {
        /// A rule id: print its documentation with an example.
        rule: Option<String>,
        /// Rule and knowledge-base files to add to the built-in ones (overriding by id).
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Print a shell completion script: `claimcheck completions bash > /etc/bash_completion.d/claimcheck`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `claimcheck man > claimcheck.1; man ./claimcheck.1`.
    Man,
    /// Serve editors over the language server protocol (standard input and output):
    /// diagnostics for the open article against the rest of its workspace folder,
    /// quick fixes, hovers.
    Lsp {
        /// Rule and knowledge-base files to add to the built-in ones (overriding by id).
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
}

#[derive(clap::Args, Clone)]
struct CheckArgs {
    /// Article files or folders (walked recursively: .txt .md .markdown .html .htm);
    /// `-` reads one article from standard input.
    #[arg(required_unless_present = "files_from")]
    paths: Vec<PathBuf>,
    /// How findings are printed: for people (human, markdown, html) or machines
    /// (json, sarif, github workflow commands, schema.org claimreview JSON-LD).
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
    /// Print the findings' corrections instead, one unified diff per article file
    /// (for `git apply` or `patch -p1` in this folder). No article is written.
    #[arg(long)]
    diff: bool,
    /// Write the findings' corrections into the articles (each file whole or not
    /// at all), say what was fixed on stderr, and report the findings left.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Check again whenever an article under the paths changes (clearing the
    /// terminal first); Ctrl-C stops.
    #[arg(long, conflicts_with_all = ["fix", "write_baseline", "diff"])]
    watch: bool,
}

#[derive(clap::Args, Clone)]
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
    /// The name an article read from standard input (`-`) is shown by; its extension
    /// picks the format (`draft.md` is Markdown). Default: `<stdin>`, plain text.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Also check the paths listed in FILE, one a line (`-`: standard input), such
    /// as a changed-files list; listed files that are not articles are left out.
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
}

/// The most a `--files-from` list may hold.
const FILES_FROM_CAP: u64 = 64 << 20;

/// `paths` and those `--files-from` lists, or `None` when the list names no
/// article and nothing else is given (a note says so: nothing to check is no error
/// for a changed-files list).
fn input_paths(mut paths: Vec<PathBuf>, common: &Common) -> Result<Option<Vec<PathBuf>>, Error> {
    let stdin_path = paths.iter().any(|p| p.as_os_str() == "-");
    if common.stdin_filename.is_some() && !stdin_path {
        return Err(Error::Usage(
            "--stdin-filename names standard input, which is read only for the path `-`".into(),
        ));
    }
    let Some(list) = &common.files_from else {
        return Ok(Some(paths));
    };
    let from_stdin = list.as_os_str() == "-";
    let shown = if from_stdin {
        "standard input".to_string()
    } else {
        claimcheck::read::display(list)
    };
    let fail = |msg: String| Error::Usage(format!("{shown}: cannot read --files-from: {msg}"));
    if from_stdin && stdin_path {
        return Err(Error::Usage(
            "standard input cannot be both the --files-from list and an article (`-`)".into(),
        ));
    }
    let mut bytes = Vec::new();
    {
        use std::io::Read;
        // A pipe or `<(git diff --name-only)` is read too, up to the cap.
        let reader: Box<dyn Read> = if from_stdin {
            Box::new(std::io::stdin().lock())
        } else {
            if list.is_dir() {
                return Err(fail("a folder".into()));
            }
            Box::new(std::fs::File::open(list).map_err(|e| fail(e.to_string()))?)
        };
        reader
            .take(FILES_FROM_CAP + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(e.to_string()))?;
    }
    if bytes.len() as u64 > FILES_FROM_CAP {
        return Err(fail(format!("larger than {} MiB", FILES_FROM_CAP >> 20)));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let (mut listed, mut left_out) = (0, 0);
    for line in text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
    {
        let p = PathBuf::from(line);
        listed += 1;
        if p.is_dir() || claimcheck::read::is_article_name(&p) {
            paths.push(p);
        } else {
            left_out += 1;
        }
    }
    if left_out > 0 {
        eprintln!(
            "claimcheck: {shown}: {left_out} of {listed} listed paths are not articles (.txt .md .markdown .html .htm); left out"
        );
    }
    if paths.is_empty() {
        eprintln!("claimcheck: {shown}: no article to check");
        return Ok(None);
    }
    Ok(Some(paths))
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
    Markdown,
    Html,
    Claimreview,
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
            // One line, whatever a file name in it holds.
            eprintln!(
                "claimcheck: error: {}",
                claimcheck::text::escape_name(&e.to_string())
            );
            ExitCode::from(2)
        }
    }
}

/// The configuration, and the knowledge base with its rules folders (the config's,
/// then `dirs`, which override them by id), the config's severities and the rules'
/// typed settings.
fn load_kb(config: Option<&Path>, dirs: &[PathBuf]) -> Result<(config::Config, kb::Kb), Error> {
    let cfg = config::load(config, &engine::known_ids())?;
    let dirs: Vec<PathBuf> = cfg.rules.iter().chain(dirs).cloned().collect();
    let dirs: Vec<&Path> = dirs.iter().map(|d| d.as_path()).collect();
    let mut kb = kb::load(&dirs)?;
    cfg.apply_severity(&mut kb);
    rules::settings::resolve(&mut kb, &[])?;
    Ok((cfg, kb))
}

/// A run that reads inputs as the configuration says; `root` is the project root
/// (`claimcheck::read::project_root`) that fingerprints name files from.
fn options<'a>(
    cfg: &'a config::Config,
    wants: &'a engine::Wants<'a>,
    root: &'a Path,
) -> engine::Options<'a> {
    engine::Options {
        wants: cfg.filters().then_some(wants),
        reference_date: cfg.reference_date,
        root: Some(root),
        ..engine::Options::new(&report_skip)
    }
}

/// An input file that cannot be read is reported as it is skipped.
fn report_skip(e: &Error) {
    eprintln!(
        "claimcheck: error: {}; skipped",
        claimcheck::text::escape_name(&e.to_string())
    );
}

/// A Markdown or HTML report claimcheck wrote, found among the inputs, is not read.
fn note_reports(reports: &[String]) {
    for r in reports {
        let r = claimcheck::text::escape_name(r);
        eprintln!("claimcheck: note: {r}: a report claimcheck wrote, not read as an article");
    }
}

/// The exit status: 2 when an input file was skipped (it outranks 1), else `code`.
fn status(code: u8, skipped: &[Error]) -> u8 {
    if skipped.is_empty() { code } else { 2 }
}

fn emit(out: &str, path: Option<&PathBuf>) -> Result<(), Error> {
    emit_with(path, |w| w.write_all(out.as_bytes()))
}

/// Writes what `fill` writes to `path` (whole or not at all) or to standard output,
/// as it is made: a long output is never held whole in memory first.
fn emit_with(
    path: Option<&PathBuf>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    match path {
        Some(p) => claimcheck::atomic::write_with(p, fill)
            .map_err(|e| Error::Usage(format!("{}: cannot write: {e}", p.display()))),
        None => {
            // Every write error (a full disk, a closed pipe) is exit status 2, whatever
            // `--fail-on` says: the output is incomplete. The flush is explicit because
            // the one at exit drops its error.
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            fill(&mut stdout)
                .and_then(|()| stdout.flush())
                .map_err(|e| Error::Usage(format!("cannot write to standard output: {e}")))
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
            let Some(paths) = input_paths(paths, &common)? else {
                return Ok(0);
            };
            let (cfg, kb) = load_kb(cli.config.as_deref(), &common.rules)?;
            let wants = |rel: &Path, shown: &Path| cfg.wants(rel, shown);
            let root = claimcheck::read::project_root(cfg.path.as_deref());
            let progress = progress::Progress::start(matches!(format, ExtractFormat::Human));
            let stage = |what: &str| progress.stage(what);
            let opts = engine::Options {
                check_kb: common.check_kb,
                stdin_name: common.stdin_filename.as_deref(),
                stage: Some(&stage),
                ..options(&cfg, &wants, &root)
            };
            let extracted = engine::extract(&kb, &paths, &opts);
            drop(progress);
            let (inputs, claims) = extracted?;
            note_reports(&inputs.reports);
            let (files, sources, skipped) = (&inputs.files, &inputs.sources, &inputs.skipped);
            if let Some(o) = &common.output {
                claimcheck::read::refuse_input(o, "--output", files)?;
            }
            let out = common.output.as_ref();
            match format {
                ExtractFormat::Json => emit_with(out, |w| {
                    report::extract::write_json(w, &claims, files, sources, skipped)
                })?,
                ExtractFormat::Jsonl => emit_with(out, |w| {
                    report::extract::write_jsonl(w, &claims, files, sources)
                })?,
                ExtractFormat::Human => {
                    emit(&report::extract::human(&claims, files, sources), out)?
                }
            }
            Ok(status(0, skipped))
        }
        Command::Index {
            paths,
            output,
            rules: dirs,
        } => {
            let (cfg, kb) = load_kb(cli.config.as_deref(), &dirs)?;
            let wants = |rel: &Path, shown: &Path| cfg.wants(rel, shown);
            let root = claimcheck::read::project_root(cfg.path.as_deref());
            let opts = options(&cfg, &wants, &root);
            let (s, skipped, reports) = engine::write_index(&kb, &paths, &output, &opts)?;
            note_reports(&reports);
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
        Command::Check(a) if a.watch => watch::run(cli.config.as_deref(), cli.color, a),
        Command::Check(a) => check(cli.config.as_deref(), cli.color, a),
        Command::Kb(args) => {
            let (_, kb) = load_kb(cli.config.as_deref(), &args.rules)?;
            let (out, code) = kb_cmd::run(&kb, &args)?;
            emit(&out, None)?;
            Ok(code)
        }
        Command::Rules { rule, rules: dirs } => {
            let (_, kb) = load_kb(cli.config.as_deref(), &dirs)?;
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
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "claimcheck", &mut out);
            emit_with(None, |w| w.write_all(&out))?;
            Ok(0)
        }
        Command::Lsp { rules: dirs } => lsp::run(cli.config.as_deref(), &dirs),
        Command::Man => {
            emit_with(None, |w| clap_mangen::Man::new(Cli::command()).render(w))?;
            Ok(0)
        }
    }
}

/// `check`: one run over the articles, its report, and the exit status.
fn check(config: Option<&Path>, color_when: Color, a: CheckArgs) -> Result<u8, Error> {
    let CheckArgs {
        paths,
        format,
        common,
        fail_on,
        against,
        diff,
        fix,
        baseline,
        write_baseline,
        watch: _,
    } = a;
    let Some(paths) = input_paths(paths, &common)? else {
        return Ok(0);
    };
    let recorded = baseline
        .as_deref()
        .map(engine::baseline::read)
        .transpose()?;
    let (cfg, kb) = load_kb(config, &common.rules)?;
    let wants = |rel: &Path, shown: &Path| cfg.wants(rel, shown);
    let root = claimcheck::read::project_root(cfg.path.as_deref());
    let for_people = !diff
        && matches!(
            format,
            CheckFormat::Human | CheckFormat::Markdown | CheckFormat::Html
        );
    let progress = progress::Progress::start(for_people);
    let stage = |what: &str| progress.stage(what);
    let opts = engine::Options {
        check_kb: common.check_kb,
        against: &against,
        baseline: recorded.as_ref(),
        stdin_name: common.stdin_filename.as_deref(),
        stage: Some(&stage),
        ..options(&cfg, &wants, &root)
    };
    let run = engine::run(&kb, &paths, &opts);
    // The spinner is gone before anything else is printed.
    drop(progress);
    let run = run?;
    note_reports(&run.reports);
    let (files, sources, skipped) = (&run.files, &run.sources, &run.skipped);
    let (mut findings, n_claims) = (&run.findings[..], run.claims);
    let left;
    if fix {
        left = apply_fixes(findings, files, sources)?;
        findings = &left;
    }
    for (o, option) in [
        (&common.output, "--output"),
        (&write_baseline, "--write-baseline"),
    ] {
        if let Some(o) = o {
            claimcheck::read::refuse_input(o, option, files)?;
        }
    }
    if let Some(path) = &write_baseline {
        let n = engine::baseline::write(path, findings, files, sources)?;
        eprintln!("claimcheck: recorded {n} finding(s) in {}", path.display());
    }
    // One SARIF result or GitHub annotation for each draft source a finding is
    // in, but none for a side the baseline records.
    let scope = report::sarif::Scope {
        drafts: run.drafts,
        known: recorded.as_ref(),
    };
    let out = match format {
        _ if diff => report::corrections::render(findings, files, sources),
        CheckFormat::Json => {
            report::check::json_with_errors(findings, files, sources, n_claims, skipped)
        }
        CheckFormat::Sarif => {
            report::sarif::render_scoped(findings, files, sources, &kb, skipped, &scope)
        }
        CheckFormat::Github => {
            report::github::render_scoped(findings, files, sources, skipped, &scope)
        }
        CheckFormat::Markdown => {
            report::markdown::render_with_errors(findings, files, sources, n_claims, skipped)
        }
        CheckFormat::Html => {
            report::html::render_with_errors(findings, files, sources, n_claims, skipped)
        }
        CheckFormat::Claimreview => {
            if cfg.review_author.is_none() {
                eprintln!(
                    "claimcheck: note: no [claimreview] author in claimcheck.toml; the reviews name \"claimcheck\""
                );
            }
            let by = report::claimreview::Reviewer {
                name: cfg.review_author.as_deref().unwrap_or("claimcheck"),
                url: cfg.review_author_url.as_deref(),
            };
            report::claimreview::render(findings, files, sources, &by, kb_cmd::today())
        }
        CheckFormat::Human => {
            let color = color(color_when, common.output.is_none());
            report::check::human_with_errors(findings, files, sources, n_claims, color, skipped)
        }
    };
    emit(&out, common.output.as_ref())?;
    let threshold = match fail_on {
        _ if write_baseline.is_some() => None,
        FailOn::Never => None,
        FailOn::Info => Some(rules::Severity::Info),
        FailOn::Warning => Some(rules::Severity::Warning),
        FailOn::Error => Some(rules::Severity::Error),
    };
    let found = threshold.is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    let code = status(u8::from(found), skipped);
    // The process ends with this command: its memory goes back to the system
    // whole, so the run and the knowledge base are not freed piece by piece.
    std::mem::forget(run);
    std::mem::forget(kb);
    Ok(code)
}

/// `--fix`: writes each file's corrections and returns the findings they leave.
fn apply_fixes(
    findings: &[rules::Finding],
    files: &[claimcheck::read::File],
    sources: &[claimcheck::read::Source],
) -> Result<Vec<rules::Finding>, Error> {
    let mut fixed = vec![false; findings.len()];
    for plan in report::corrections::plan(findings, files, sources) {
        let file = &files[plan.file];
        let shown = claimcheck::text::escape_name(&file.path);
        // Standard input, or an index's archive: nothing on disk to write.
        let Some(real) = &file.real else {
            eprintln!("claimcheck: {shown}: not a file; not fixed (`--diff` shows the fixes)");
            continue;
        };
        claimcheck::atomic::write(real, plan.fixed.as_bytes())
            .map_err(|e| Error::Usage(format!("{}: cannot write the fixes: {e}", file.path)))?;
        for &k in &plan.covers {
            fixed[k] = true;
        }
        eprintln!(
            "claimcheck: fixed {} finding(s) in {shown}",
            plan.covers.len()
        );
    }
    Ok(findings
        .iter()
        .zip(fixed)
        .filter(|(_, f)| !f)
        .map(|(x, _)| x.clone())
        .collect())
}

/// Whether the report is coloured: `always` and `never` as said; `auto` colours
/// standard output when it is a terminal (or `CLICOLOR_FORCE` is set and not `0`),
/// unless `NO_COLOR` is set (https://no-color.org), and never an `--output` file.
fn color(when: Color, to_stdout: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match when {
        Color::Always => true,
        Color::Never => false,
        Color::Auto if !to_stdout || set("NO_COLOR") => false,
        Color::Auto => {
            let forced =
                std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
            forced || std::io::stdout().is_terminal()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--help`, the man page and the completions describe every argument.
    #[test]
    fn every_argument_is_described() {
        fn walk(c: &clap::Command, at: &str) {
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(a.get_help().is_some(), "{at} {id} has no help");
            }
            for s in c.get_subcommands().filter(|s| s.get_name() != "help") {
                assert!(
                    s.get_about().is_some(),
                    "{at} {} has no description",
                    s.get_name()
                );
                walk(s, &format!("{at} {}", s.get_name()));
            }
        }
        let cli = Cli::command();
        cli.clone().debug_assert();
        walk(&cli, "claimcheck");
    }
}
