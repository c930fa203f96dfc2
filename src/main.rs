//! The `claimcheck` command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use claimcheck::{Error, claims, kb, read, report, rules};

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Finds where news articles contradict each other or the known facts."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("claimcheck: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn load_kb(dirs: &[PathBuf]) -> Result<kb::Kb, Error> {
    for d in dirs {
        if !d.is_dir() {
            return Err(Error::Usage(format!(
                "{}: not a folder (--rules takes a folder of .toml files)",
                d.display()
            )));
        }
    }
    let dirs: Vec<&std::path::Path> = dirs.iter().map(|d| d.as_path()).collect();
    kb::load(&dirs)
}

/// Reads every article; any unreadable input stops the run (exit status 2).
fn read_inputs(paths: &[PathBuf]) -> Result<(Vec<read::File>, Vec<read::Source>), Error> {
    let (files, sources, errors) = read::read_all(paths);
    if let Some(first) = errors.into_iter().next() {
        return Err(first);
    }
    Ok((files, sources))
}

fn emit(out: &str, path: Option<&PathBuf>) -> Result<(), Error> {
    match path {
        Some(p) => std::fs::write(p, out)
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
            let kb = load_kb(&common.rules)?;
            let (files, sources) = read_inputs(&paths)?;
            let claims = claims::extract(&kb, &files, &sources);
            let out = match format {
                ExtractFormat::Json => report::extract::json(&claims, &files, &sources),
                ExtractFormat::Jsonl => report::extract::jsonl(&claims, &files, &sources),
                ExtractFormat::Human => report::extract::human(&claims, &files, &sources),
            };
            emit(&out, common.output.as_ref())?;
            Ok(0)
        }
        Command::Check {
            paths,
            format,
            common,
            fail_on,
        } => {
            let kb = load_kb(&common.rules)?;
            let (files, sources) = read_inputs(&paths)?;
            let claims = claims::extract(&kb, &files, &sources);
            let findings = rules::check(&kb, &files, &sources, &claims);
            let out = match format {
                CheckFormat::Json => report::check::json(&findings, &files, &sources, &claims),
                CheckFormat::Sarif => report::sarif::render(&findings, &files, &sources, &kb),
                CheckFormat::Github => report::github::render(&findings, &files, &sources),
                CheckFormat::Markdown => {
                    report::markdown::render(&findings, &files, &sources, claims.len())
                }
                CheckFormat::Html => {
                    report::html::render(&findings, &files, &sources, claims.len())
                }
                CheckFormat::Human => {
                    let color = common.output.is_none() && color();
                    report::check::human(&findings, &files, &sources, claims.len(), color)
                }
            };
            emit(&out, common.output.as_ref())?;
            let threshold = match fail_on {
                FailOn::Never => return Ok(0),
                FailOn::Info => rules::Severity::Info,
                FailOn::Warning => rules::Severity::Warning,
                FailOn::Error => rules::Severity::Error,
            };
            Ok(u8::from(findings.iter().any(|f| f.severity >= threshold)))
        }
        Command::Rules { rule, rules: dirs } => {
            let kb = load_kb(&dirs)?;
            let all = rules::all();
            let severity = |r: &rules::Rule| {
                kb.rules
                    .get(r.id)
                    .map_or(r.default_severity.name().to_string(), |s| {
                        s.severity.clone()
                    })
            };
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
