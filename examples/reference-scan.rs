//! The physical reference for `check`'s throughput: what one pass over the same
//! articles costs when it does nothing but find where a claim could start.
//!
//! ```sh
//! cargo run --release --example reference-scan -- DIR...
//! ```
//!
//! On one core it reads every article file under the folders (the extensions
//! `check` reads), runs one Aho-Corasick DFA (leftmost-longest) over every name and
//! alias of the built-in knowledge base, and counts the runs of ASCII digits with
//! `memchr`-style byte scans. It prints the bytes, the hits, and the seconds spent
//! building the automaton, reading, and scanning. `scripts/bench.sh` times it beside
//! `check --jobs 1` on the same folder: their CPU ratio is the overhead of
//! everything `check` does beyond that one pass (issue 17's "≤ 3×").

use std::path::{Path, PathBuf};
use std::time::Instant;

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};

const EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Runs of ASCII digits in `bytes`: each found by jumping to the next digit.
fn digit_runs(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut at = 0;
    while let Some(i) = bytes[at..].iter().position(u8::is_ascii_digit) {
        n += 1;
        at += i;
        at += bytes[at..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(bytes.len() - at);
    }
    n
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        eprintln!("usage: reference-scan DIR...");
        std::process::exit(2);
    }
    let kb = match claimcheck::kb::load::builtin() {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("reference-scan: {e}");
            std::process::exit(2);
        }
    };
    let t = Instant::now();
    let mut names: Vec<&str> = kb.all_names().map(|(_, n)| n).collect();
    names.sort_unstable();
    names.dedup();
    let ac = match AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&names)
    {
        Ok(ac) => ac,
        Err(e) => {
            eprintln!("reference-scan: {e}");
            std::process::exit(2);
        }
    };
    let build = t.elapsed().as_secs_f64();

    let mut paths = Vec::new();
    for d in &dirs {
        if let Err(e) = files(d, &mut paths) {
            eprintln!("reference-scan: {}: {e}", d.display());
            std::process::exit(2);
        }
    }
    paths.sort();
    let (mut read, mut scan) = (0.0, 0.0);
    let (mut bytes, mut hits, mut digits) = (0usize, 0usize, 0usize);
    for p in &paths {
        let t = Instant::now();
        let text = match std::fs::read(p) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("reference-scan: {}: {e}", p.display());
                std::process::exit(2);
            }
        };
        read += t.elapsed().as_secs_f64();
        let t = Instant::now();
        hits += ac.find_iter(&text).count();
        digits += digit_runs(&text);
        scan += t.elapsed().as_secs_f64();
        bytes += text.len();
    }
    println!(
        "{} files, {:.2} MB; {} names, {hits} name hits, {digits} digit runs",
        paths.len(),
        bytes as f64 / 1e6,
        names.len()
    );
    println!(
        "build {build:.3} s, read {read:.3} s, scan {scan:.3} s ({:.0} MB/s)",
        bytes as f64 / 1e6 / scan.max(1e-9)
    );
}
