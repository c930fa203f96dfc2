//! Properties of the whole tool (proptest, moderate case counts so they run in seconds
//! in a debug build):
//! (a) a quantity written back (as claimcheck displays its value, or as a canonical
//!     phrase for money, percentages, tonnes, durations and ranges) reads back as the
//!     same value, unit and kind;
//! (b) the order of the input files, on the command line or in a folder, changes
//!     neither the findings nor their order in the JSON output;
//! (c) `check DRAFT --against ARCHIVE` finds the conflicts involving the draft that
//!     one run over everything finds.

use std::path::Path;
use std::process::Command;

use claimcheck::normalize::{Qualifier, Unit, scan_quantities};
use claimcheck::report::num;
use proptest::prelude::*;
use serde_json::Value;

// ---------------------------------------------------------------------------
// (a) Quantities read back.

/// What a rendered quantity must read back as.
#[derive(Debug, Clone)]
struct Want {
    /// The stated value, or the bounds of a range.
    value: Option<f64>,
    range: Option<(f64, f64)>,
    unit: Unit,
    qualifier: Option<Qualifier>,
}

const UNITS: &[Unit] = &[
    Unit::Currency(*b"USD"),
    Unit::Currency(*b"EUR"),
    Unit::Currency(*b"CNY"),
    Unit::Percent,
    Unit::PercentagePoint,
    Unit::Tonne,
    Unit::Kg,
    Unit::Year,
    Unit::Month,
    Unit::Week,
    Unit::Day,
    Unit::Hour,
    Unit::Gwh,
];

const RANGE_UNITS: &[Unit] = &[
    Unit::Percent,
    Unit::Tonne,
    Unit::Year,
    Unit::Month,
    Unit::Currency(*b"USD"),
];

const QUALIFIERS: &[(Option<Qualifier>, &str)] = &[
    (None, ""),
    (Some(Qualifier::About), "about "),
    (Some(Qualifier::Over), "more than "),
    (Some(Qualifier::AtLeast), "at least "),
    (Some(Qualifier::Nearly), "nearly "),
    (Some(Qualifier::UpTo), "up to "),
    (Some(Qualifier::LessThan), "less than "),
];

/// A value with at most two decimals, as `int + cents / 100`.
fn value(int: u64, cents: Option<u32>) -> f64 {
    match cents {
        Some(c) => format!("{int}.{c:02}").parse().unwrap_or(int as f64),
        None => int as f64,
    }
}

/// The number as claimcheck displays it (`report::num`: 8500000000, 12.5).
fn shown(v: f64) -> String {
    num(v).to_string()
}

/// The displayed form: the number, then the unit's name as the JSON output gives it.
/// Two names are written as words because the grammar reads them so: a spaced lone
/// `t` is too often something else to be read as tonnes, and `percentage_point` is an
/// identifier, not text.
fn displayed(v: f64, unit: Unit) -> String {
    let n = shown(v);
    match unit {
        Unit::Percent => format!("{n}%"),
        Unit::Tonne => format!("{n} tonnes"),
        Unit::PercentagePoint => format!("{n} percentage points"),
        u => format!("{n} {}", u.name()),
    }
}

/// A phrase as articles write it, and the multiple of `v` it stands for.
fn phrase(v: f64, unit: Unit, style: usize) -> String {
    let n = shown(v);
    match (unit, style % 3) {
        (Unit::Currency(c), 0) => {
            let sign = match &c {
                b"USD" => "$",
                b"EUR" => "€",
                _ => "¥",
            };
            if c == *b"CNY" {
                format!("{n} yuan")
            } else {
                format!("{sign}{n}")
            }
        }
        (Unit::Currency(c), _) => {
            let word = match &c {
                b"USD" => "dollars",
                b"EUR" => "euros",
                _ => "yuan",
            };
            format!("{n} {word}")
        }
        (Unit::Percent, 0) => format!("{n} per cent"),
        (Unit::Percent, 1) => format!("{n} percent"),
        (Unit::Tonne, 0) => format!("{n} metric tons"),
        (Unit::Year, 0) => format!("{n} years"),
        (Unit::Month, 0) => format!("{n} months"),
        (Unit::Week, 0) => format!("{n} weeks"),
        (Unit::Day, 0) => format!("{n} days"),
        (Unit::Hour, 0) => format!("{n} hours"),
        _ => displayed(v, unit),
    }
}

fn close(a: f64, b: f64) -> bool {
    if b == 0.0 {
        a.abs() < 1e-12
    } else {
        ((a - b) / b).abs() < 1e-9
    }
}

/// Reads `written` in a sentence and checks it gives back `want`, spanning all of it.
fn reads_back(written: &str, want: &Want) -> Result<(), TestCaseError> {
    let text = format!("The figure was {written} last week.");
    let start = "The figure was ".len();
    let found = scan_quantities(&text);
    let hit = found.iter().find(|(r, _)| r.start == start);
    let Some((r, q)) = hit else {
        return Err(TestCaseError::fail(format!("{text}: {found:?}")));
    };
    prop_assert_eq!(&text[r.clone()], written, "{}", text);
    prop_assert_eq!(q.unit, Some(want.unit), "{}", text);
    prop_assert_eq!(q.qualifier, want.qualifier, "{}", text);
    match (want.value, want.range) {
        (Some(v), _) => {
            let got = q.value.unwrap_or(f64::NAN);
            prop_assert!(close(got, v), "{text}: {got} vs {v}");
        }
        (None, Some((lo, hi))) => {
            prop_assert!(q.value.is_none(), "{text}: a range has no single value");
            let (l, h) = (q.low.unwrap_or(f64::NAN), q.high.unwrap_or(f64::NAN));
            prop_assert!(
                close(l, lo) && close(h, hi),
                "{text}: {l}..{h} vs {lo}..{hi}"
            );
        }
        _ => unreachable!(),
    }
    Ok(())
}

/// Numbers that stay clear of what is read as a year or a date (1900–2100 before
/// a duration word) and of what JSON prints in exponent form.
fn number() -> impl Strategy<Value = f64> {
    (
        prop_oneof![
            1u64..1000,
            2101u64..1_000_000,
            1_000_000u64..1_000_000_000_000
        ],
        proptest::option::of(1u32..100),
    )
        .prop_map(|(i, c)| value(i, c))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// The displayed value and unit, with a qualifier's word, read back.
    #[test]
    fn displayed_quantities_read_back(
        v in number(),
        unit in proptest::sample::select(UNITS),
        q in 0..QUALIFIERS.len(),
    ) {
        let (qualifier, word) = QUALIFIERS[q];
        let written = format!("{word}{}", displayed(v, unit));
        reads_back(&written, &Want { value: Some(v), range: None, unit, qualifier })?;
    }

    /// Canonical article phrases (currency signs and words, per cent, durations).
    #[test]
    fn phrases_read_back(
        v in number(),
        unit in proptest::sample::select(UNITS),
        style in 0usize..3,
    ) {
        let written = phrase(v, unit, style);
        reads_back(&written, &Want { value: Some(v), range: None, unit, qualifier: None })?;
    }

    /// Ranges: "X to Y unit", "between X and Y unit", "X%-Y%".
    #[test]
    fn ranges_read_back(
        a in number(),
        b in number(),
        unit in proptest::sample::select(RANGE_UNITS),
        style in 0usize..3,
    ) {
        prop_assume!(a != b);
        let (lo, hi) = (a.min(b), a.max(b));
        let written = match (style, unit) {
            (0, Unit::Percent) => format!("{}%-{}%", shown(lo), shown(hi)),
            (0, Unit::Currency(_)) => format!("${} to ${}", shown(lo), shown(hi)),
            (0 | 1, _) => format!("{} to {}", shown(lo), displayed(hi, unit)),
            _ => format!("between {} and {}", shown(lo), displayed(hi, unit)),
        };
        reads_back(&written, &Want { value: None, range: Some((lo, hi)), unit, qualifier: None })?;
    }
}

// ---------------------------------------------------------------------------
// (b), (c) Whole runs through the command line.

/// Sentences whose figures the built-in knowledge base keys and checks: each takes one
/// of a few values, so generated articles agree or conflict.
const SENTENCES: &[(&str, &[&str])] = &[
    (
        "Codelco said its brine venture could yield {} tonnes of lithium carbonate equivalent (LCE) in 2026.",
        &["95,000", "150,000", "120,000"],
    ),
    (
        "The ECB kept its deposit facility rate at {}% on April 16.",
        &["2.75", "3.00", "2.50"],
    ),
    (
        "US Commerce Secretary {} visited the plant.",
        &["Howard Lutnick", "Gina Raimondo"],
    ),
    (
        "China's rare earth production was {} tonnes in 2024, the survey found.",
        &["270,000", "240,000"],
    ),
    (
        "Albemarle said lithium prices fell {}% in 2024.",
        &["20", "35"],
    ),
];

/// One article: its day in April 2025 and (sentence, value) picks.
type Article = (u32, Vec<(usize, usize)>);

fn article() -> impl Strategy<Value = Article> {
    (
        1u32..29,
        proptest::collection::vec((0..SENTENCES.len(), 0usize..3), 1..4),
    )
}

/// Files of one or two articles each.
fn corpus() -> impl Strategy<Value = Vec<Vec<Article>>> {
    proptest::collection::vec(proptest::collection::vec(article(), 1..3), 2..5)
}

fn render_file(k: usize, arts: &[Article]) -> String {
    let mut s = String::new();
    for (j, (day, picks)) in arts.iter().enumerate() {
        s.push_str(&format!("Desk {k}{j}·2025-04-{day:02} 09:00\n\n"));
        for &(i, v) in picks {
            let (tpl, values) = SENTENCES[i];
            s.push_str(&tpl.replace("{}", values[v % values.len()]));
            s.push('\n');
        }
    }
    s
}

fn file_name(k: usize) -> String {
    format!("article-{k}.txt")
}

/// Writes the files into `dir` in the order `order` gives (so a folder's entries come
/// in that order), each under its own name.
fn write_corpus(dir: &Path, files: &[String], order: &[usize]) {
    std::fs::create_dir_all(dir).expect("corpus folder");
    for &k in order {
        std::fs::write(dir.join(file_name(k)), &files[k]).expect("write article");
    }
}

/// `claimcheck check ARGS --format json` run in `cwd`: the findings array.
fn findings(cwd: &Path, args: &[String]) -> Vec<Value> {
    let o = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(cwd)
        .arg("check")
        .args(args)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .expect("the binary runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON output");
    v["findings"].as_array().cloned().unwrap_or_default()
}

fn permutation(n: usize) -> impl Strategy<Value = Vec<usize>> {
    Just((0..n).collect::<Vec<_>>()).prop_shuffle()
}

fn corpus_and_order() -> impl Strategy<Value = (Vec<Vec<Article>>, Vec<usize>)> {
    corpus().prop_flat_map(|c| {
        let n = c.len();
        (Just(c), permutation(n))
    })
}

/// A finding as a comparable value: its rule and its places (path, line, column),
/// the primary one first; messages name sources and may say it either way round.
fn places(f: &Value) -> (String, Vec<(String, u64, u64)>) {
    let rule = f["rule"].as_str().unwrap_or("").to_string();
    let mut locs: Vec<(String, u64, u64)> = f["locations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            (
                l["path"].as_str().unwrap_or("").to_string(),
                l["line"].as_u64().unwrap_or(0),
                l["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    locs.sort();
    (rule, locs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    /// The same files named in another order, and the same folder written in another
    /// order: the same findings, in the same order.
    // Found by this property: a finding with places in several files took the first
    // file named on the command line as its primary place; files are now read in
    // path order.
    #[test]
    fn input_order_changes_nothing((corpus, order) in corpus_and_order()) {
        let files: Vec<String> = corpus.iter().enumerate().map(|(k, a)| render_file(k, a)).collect();
        let n = files.len();
        let tmp = tempfile::tempdir().expect("temp dir");
        let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
        let identity: Vec<usize> = (0..n).collect();
        write_corpus(&one.join("corpus"), &files, &identity);
        write_corpus(&two.join("corpus"), &files, &order);
        let named = |o: &[usize]| o.iter().map(|&k| format!("corpus/{}", file_name(k))).collect::<Vec<_>>();
        let base = findings(&one, &named(&identity));
        prop_assert_eq!(&base, &findings(&one, &named(&order)), "files named in order {:?}", order);
        let folder = findings(&one, &["corpus".to_string()]);
        prop_assert_eq!(&folder, &findings(&two, &["corpus".to_string()]), "folder written in order {:?}", order);
        prop_assert_eq!(&base, &folder, "the folder and its files named one by one");
    }

    /// A draft checked against the rest finds the conflicts involving it that one run
    /// over everything finds (less those where a known right value puts the fault on
    /// the archive's side, which `--against` leaves out by design).
    #[test]
    fn draft_against_archive_matches_one_run((corpus, order) in corpus_and_order(), drafts in 1usize..3) {
        let files: Vec<String> = corpus.iter().enumerate().map(|(k, a)| render_file(k, a)).collect();
        let n = files.len();
        let drafts = drafts.min(n - 1);
        let tmp = tempfile::tempdir().expect("temp dir");
        let (draft_dir, archive_dir) = (tmp.path().join("draft"), tmp.path().join("archive"));
        let (d, a) = order.split_at(drafts);
        write_corpus(&draft_dir, &files, d);
        write_corpus(&archive_dir, &files, a);
        let draft = |p: &str| p.starts_with("draft/");
        let all = findings(tmp.path(), &["draft".into(), "archive".into()]);
        let mut want: Vec<_> = all
            .iter()
            .filter(|f| {
                let locs = f["locations"].as_array().cloned().unwrap_or_default();
                let in_draft = |l: &Value| draft(l["path"].as_str().unwrap_or(""));
                let primary_in_draft = locs.iter().any(|l| l["role"] == "primary" && in_draft(l));
                // One run lists places in path order, so the draft's wrong side may be
                // a related place (the same wrong holder in archive and draft): it is
                // at fault when its value is not the known right one.
                let expected = f.get("expected");
                let wrong_in_draft = locs
                    .iter()
                    .any(|l| in_draft(l) && expected.is_some_and(|e| l["normalized"] != *e));
                locs.iter().any(in_draft)
                    && (primary_in_draft || expected.is_none() || wrong_in_draft)
            })
            .map(places)
            .collect();
        let mut got: Vec<_> = findings(tmp.path(), &["draft".into(), "--against".into(), "archive".into()])
            .iter()
            .map(places)
            .collect();
        want.sort();
        got.sort();
        prop_assert_eq!(want, got);
    }
}
