//! What each fuzz target does with one input. Shared by `fuzz_targets/*.rs` and
//! `tests/fuzz_regressions.rs`, so a committed input replays the same code path.
#![allow(dead_code)] // each target uses one entry point

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use claimcheck::claims::Claim;
use claimcheck::kb::{self, Kb};
use claimcheck::normalize::{number, scan_dates, scan_quantities};
use claimcheck::read::{self, File, Source};

fn builtin_kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(|| kb::builtin().expect("the built-in knowledge base loads"))
}

/// A scratch folder for this thread's input (inputs go through the real file reader),
/// removed again by `Scratch`'s drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        let base = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let thread = format!("{:?}", std::thread::current().id());
        let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
        let d = base.join(format!("claimcheck-fuzz-{}-{thread}", std::process::id()));
        std::fs::create_dir_all(&d).expect("scratch folder");
        Scratch(d)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every span a grammar returns must lie on char boundaries of its text.
fn check_span(text: &str, r: &std::ops::Range<usize>) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "span {r:?} out of {}",
        text.len()
    );
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
}

/// `quantity`: the number, quantity and date grammars on arbitrary text.
pub fn quantity(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for (r, q) in scan_quantities(&text) {
        check_span(&text, &r);
        let _ = (q.low, q.high, q.value);
    }
    let anchor = NaiveDate::from_ymd_opt(2024, 6, 15);
    for a in [None, anchor] {
        for (r, d) in scan_dates(&text, a) {
            check_span(&text, &r);
            let _ = d.render();
        }
    }
    // The number grammar straight from the start and from each digit run.
    let _ = number::number(&text);
    let _ = claimcheck::normalize::date::parse_iso_day(&text);
}

/// The file name an input is read under: its first byte picks the reader.
fn split_kind(data: &[u8]) -> (&'static str, &[u8]) {
    match data.split_first() {
        Some((b, rest)) => (["in.txt", "in.md", "in.html"][*b as usize % 3], rest),
        None => ("in.txt", data),
    }
}

/// Reads `data` as a file named `name` through `read::read_file`, checking that every
/// source's range and location can be taken.
fn read_bytes(name: &str, data: &[u8]) -> Option<(File, Vec<Source>)> {
    let dir = Scratch::new();
    let path = dir.0.join(name);
    std::fs::write(&path, data).expect("write scratch file");
    let (file, sources) = read::read_file(&path).ok()?;
    for s in &sources {
        check_span(&file.text, &s.range);
        let _ = file.location(s.range.clone());
    }
    Some((file, sources))
}

/// `reader`: decoding, text/Markdown/HTML reading and byline splitting.
pub fn reader(data: &[u8]) {
    let (name, rest) = split_kind(data);
    if let Some((file, _)) = read_bytes(name, rest) {
        // Every position of the working text maps back into the original.
        let n = file.text.len();
        for i in (0..=n).step_by(1 + n / 64) {
            let o = file.orig_range(i..n);
            assert!(o.start <= o.end && o.end <= file.raw.len());
            let _ = file.position(o.start);
        }
    }
    // The same bytes under a name that is not UTF-8-safe text still go through parse.
    let _ = read::parse(name, String::from_utf8_lossy(rest).into_owned());
}

fn check_claims(file: &File, claims: &[Claim]) {
    for c in claims {
        check_span(&file.text, &c.span);
        let _ = file.location(c.span.clone());
    }
}

/// `extract`: read, claim extraction and the rules, on arbitrary bytes.
pub fn extract(data: &[u8]) {
    let (name, rest) = split_kind(data);
    let Some((file, sources)) = read_bytes(name, rest) else {
        return;
    };
    run(builtin_kb(), file, sources);
}

fn run(kb: &Kb, file: File, sources: Vec<Source>) {
    let files = vec![file];
    let (claims, _) = claimcheck::engine::check_article(kb, &files, &sources);
    check_claims(&files[0], &claims);
}

/// `kb`: a rule file of arbitrary bytes through `kb::load` (what `--rules` calls); a
/// knowledge base that loads is then used on a small article.
pub fn kb(data: &[u8]) {
    let dir = Scratch::new();
    std::fs::write(dir.0.join("fuzz.toml"), data).expect("write rule file");
    let Ok(kb) = kb::load(&[dir.0.as_path()]) else {
        return;
    };
    let article = "Wire·2024-05-02 10:00\nThe Minister of Finance, Jane Roe, said the \
                   Central Bank (CB) cut its rate to 3.5% on May 1; exports rose 12% to \
                   $4.2 billion and output reached 180,000 tonnes in 2023.\n";
    let (file, sources) = read::parse("kb.txt", article.to_string());
    run(&kb, file, sources);
}
