//! What the command-line tests share: running the binary and reading its output.

// Each test file uses only some of these.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary in `dir`, without colour.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// Runs the binary in the checkout, where the fixture paths start.
pub fn claimcheck(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as JSON; the panic shows both streams.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", stdout(o), stderr(o)))
}

/// Runs the binary in the checkout with `input` on its standard input.
pub fn claimcheck_with_stdin(args: &[&str], input: &[u8]) -> Output {
    run_in_with_stdin(Path::new(env!("CARGO_MANIFEST_DIR")), args, input)
}

/// Runs the binary in `dir` with `input` on its standard input.
pub fn run_in_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A closed pipe (the binary refused its arguments first) is not the test's failure.
    let _ = child.stdin.take().expect("piped").write_all(input);
    child.wait_with_output().expect("the binary ends")
}

/// Checks one article dated `date` through the library (extraction and every rule):
/// each finding as (rule, text of each primary place), in the rules' order. The
/// generated-family tests build their cases with this.
pub fn primary_findings(
    kb: &claimcheck::kb::Kb,
    date: impl std::fmt::Display,
    body: &str,
) -> Vec<(String, String)> {
    full_findings(kb, date, body)
        .into_iter()
        .flat_map(|(rule, _, places)| places.into_iter().map(move |p| (rule.clone(), p)))
        .collect()
}

/// Each finding as (rule, message, texts of its primary places).
pub fn full_findings(
    kb: &claimcheck::kb::Kb,
    date: impl std::fmt::Display,
    body: &str,
) -> Vec<(String, String, Vec<String>)> {
    published_findings(kb, "Example Wire", date, body)
}

/// `full_findings` of an article whose byline names `publisher`.
pub fn published_findings(
    kb: &claimcheck::kb::Kb,
    publisher: &str,
    date: impl std::fmt::Display,
    body: &str,
) -> Vec<(String, String, Vec<String>)> {
    use claimcheck::{claims, read, rules};
    let raw = format!("Desk notes\n{publisher}·{date} 09:00\n\n{body}\n");
    let (file, sources) = read::parse("gen.txt", raw);
    let files = vec![file];
    let found = claims::extract(kb, &files, &sources);
    rules::check(kb, &files, &sources, &found)
        .into_iter()
        .map(|f| {
            let texts = f
                .places
                .iter()
                .filter(|p| p.primary)
                .map(|p| files[0].text[p.span.clone()].to_string())
                .collect();
            (f.rule.to_string(), f.message, texts)
        })
        .collect()
}

/// Prints one generated family's line (recall over its must-flag cases, precision
/// over what it flagged; 1.0 where there is nothing to count) and returns
/// (recall, precision). `tp` must-flag cases found of `pos`, `fp` flagged of `neg`
/// must-not-flag cases.
pub fn family_score(family: &str, tp: usize, pos: usize, fp: usize, neg: usize) -> (f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (recall, precision) = (ratio(tp, pos), ratio(tp, tp + fp));
    eprintln!(
        "{family}: recall {recall:.3} ({pos} must-flag), precision {precision:.3} ({neg} must-not-flag, {fp} flagged)"
    );
    (recall, precision)
}
