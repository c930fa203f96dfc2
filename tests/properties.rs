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

    /// One worker thread or several: the same findings, byte for byte (the rules,
    /// and the blocks of quantity-conflict, run side by side).
    #[test]
    fn jobs_change_nothing(corpus in corpus()) {
        let files: Vec<String> = corpus.iter().enumerate().map(|(k, a)| render_file(k, a)).collect();
        let tmp = tempfile::tempdir().expect("temp dir");
        write_corpus(&tmp.path().join("corpus"), &files, &(0..files.len()).collect::<Vec<_>>());
        let run = |jobs: &str| findings(tmp.path(), &["corpus".into(), "--jobs".into(), jobs.into()]);
        let one = run("1");
        prop_assert_eq!(&one, &run("3"), "--jobs 3");
        prop_assert_eq!(&one, &run("8"), "--jobs 8");
    }

    /// A draft checked against the rest finds the conflicts involving it that one run
    /// over everything finds (less those where a known right value puts the fault on
    /// the archive's side, which `--against` leaves out by design).
    #[test]
    fn draft_against_archive_matches_one_run((corpus, order) in corpus_and_order(), drafts in 1usize..3) {
        draft_against_archive(&corpus, &order, drafts)?;
    }
}

/// Found by `draft_against_archive_matches_one_run`: the archive states one figure
/// twice, and which of the two faced the draft's figure hung on whether the draft's
/// sources were numbered first.
#[test]
fn a_figure_stated_twice_in_the_archive_is_picked_alike() {
    let corpus = vec![
        vec![
            (6, vec![(4, 2), (4, 0), (4, 1)]),
            (4, vec![(4, 0), (1, 0), (1, 1)]),
        ],
        vec![(6, vec![(2, 1), (4, 2), (4, 2)])],
    ];
    draft_against_archive(&corpus, &[0, 1], 2).unwrap();
}

/// A subject's figure in articles no story ties (their figures are gathered into
/// claims, led by the first figure): a draft checked against the archive, whose
/// sources it numbers after its own, finds what one run over both finds.
#[test]
fn unrelated_figures_of_a_subject_meet_alike_against_an_archive() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let write = |dir: &str, name: &str, i: usize, harvest: &str| {
        let d = tmp.path().join(dir);
        std::fs::create_dir_all(&d).expect("folder");
        let text = format!(
            "Varnholm notebook {i}\nDesk·2025-{:02}-10 09:00\n\nVisitors were expected all week. \
             Varnholm's wheat harvest reached {harvest} tonnes in 2024.\n",
            1 + i % 12
        );
        std::fs::write(d.join(name), text).expect("article");
    };
    for i in 0..12 {
        let harvest = if i % 5 == 3 { "610,000" } else { "480,000" };
        write("archive", &format!("a{i:02}.txt"), i, harvest);
    }
    write("draft", "z.txt", 12, "610,000");
    let (want, got) = one_run_and_against(tmp.path(), |f| {
        f["locations"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|l| l["path"].as_str().unwrap_or("").starts_with("draft/"))
    });
    assert!(
        want.iter()
            .any(|(rule, locs)| rule == "quantity-conflict" && locs.len() > 2),
        "{want:?}"
    );
    assert_eq!(want, got);
}

/// The property's body: `drafts` files of `order` are the draft, the rest the archive.
fn draft_against_archive(
    corpus: &[Vec<Article>],
    order: &[usize],
    drafts: usize,
) -> Result<(), TestCaseError> {
    let files: Vec<String> = corpus
        .iter()
        .enumerate()
        .map(|(k, a)| render_file(k, a))
        .collect();
    let n = files.len();
    let drafts = drafts.min(n - 1);
    let tmp = tempfile::tempdir().expect("temp dir");
    let (draft_dir, archive_dir) = (tmp.path().join("draft"), tmp.path().join("archive"));
    let (d, a) = order.split_at(drafts);
    write_corpus(&draft_dir, &files, d);
    write_corpus(&archive_dir, &files, a);
    let draft = |p: &str| p.starts_with("draft/");
    let (want, got) = one_run_and_against(tmp.path(), |f| {
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
        locs.iter().any(in_draft) && (primary_in_draft || expected.is_none() || wrong_in_draft)
    });
    prop_assert_eq!(want, got);
    Ok(())
}

type Places = Vec<(String, Vec<(String, u64, u64)>)>;

/// In `dir`, the findings of one run over `draft` and `archive` that `mine` picks
/// (those of the draft), and those of `draft --against archive`, sorted.
fn one_run_and_against(dir: &Path, mine: impl Fn(&Value) -> bool) -> (Places, Places) {
    let all = findings(dir, &["draft".into(), "archive".into()]);
    let mut want: Places = all.iter().filter(|f| mine(f)).map(places).collect();
    let against = ["draft".into(), "--against".into(), "archive".into()];
    let mut got: Places = findings(dir, &against).iter().map(places).collect();
    want.sort();
    got.sort();
    (want, got)
}

// ---------------------------------------------------------------------------
// (a') Every written form of a number reads back as itself, and every qualifier keeps
// its bound.

const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 1..=999 in English words: "three hundred and twelve", "forty-five".
fn words_below_thousand(n: u64) -> String {
    let (h, rest) = (n / 100, n % 100);
    let tail = match rest {
        0 => String::new(),
        1..=19 => SMALL[rest as usize].to_string(),
        _ if rest % 10 == 0 => TENS[(rest / 10) as usize].to_string(),
        _ => format!(
            "{}-{}",
            TENS[(rest / 10) as usize],
            SMALL[(rest % 10) as usize]
        ),
    };
    match (h, tail.is_empty()) {
        (0, _) => tail,
        (_, true) => format!("{} hundred", SMALL[h as usize]),
        (_, false) => format!("{} hundred and {tail}", SMALL[h as usize]),
    }
}

/// 1..10^12 in English words, groups of thousands: "two million four hundred thousand
/// and twelve".
fn english_words(n: u64) -> String {
    let groups = [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ];
    let mut out = Vec::new();
    let mut rest = n;
    for (size, word) in groups {
        if rest >= size {
            out.push(format!("{} {word}", words_below_thousand(rest / size)));
            rest %= size;
        }
    }
    if rest > 0 {
        let w = words_below_thousand(rest);
        // "two million and five": a last group under a hundred takes "and".
        if !out.is_empty() && rest < 100 {
            out.push(format!("and {w}"));
        } else {
            out.push(w);
        }
    }
    out.join(" ")
}

const CN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// 1..=9999 as a Chinese section: 三千零五, 四百二十.
fn cn_section(n: u64) -> String {
    let mut out = String::new();
    let mut zero = false;
    for (place, unit) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
        let d = (n / place) % 10;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        out.push(CN_DIGITS[d as usize]);
        out.push_str(unit);
    }
    out
}

/// 1..10^12 in Chinese numerals the standard way: 一亿零五百万, 十二万三千.
fn chinese(n: u64) -> String {
    let sections = [
        (n / 100_000_000, "亿"),
        ((n / 10_000) % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut out = String::new();
    let mut higher = false;
    let mut gap = false;
    for (s, unit) in sections {
        if s == 0 {
            gap |= higher;
            continue;
        }
        if higher && (gap || s < 1000) {
            out.push('零');
        }
        out.push_str(&cn_section(s));
        out.push_str(unit);
        higher = true;
        gap = false;
    }
    // 十二 rather than 一十二 at the start.
    match out.strip_prefix("一十") {
        Some(rest) => format!("十{rest}"),
        None => out,
    }
}

/// Reads `written` after "The figure was " and checks the first quantity's value.
fn reads_as(written: &str, want: f64, unit: Option<Unit>) -> Result<(), TestCaseError> {
    let text = format!("The figure was {written} last week.");
    let start = "The figure was ".len();
    let found = scan_quantities(&text);
    let hit = found.iter().find(|(r, _)| r.start == start);
    let Some((r, q)) = hit else {
        return Err(TestCaseError::fail(format!("{text}: {found:?}")));
    };
    prop_assert_eq!(&text[r.clone()], written, "{}", text);
    prop_assert_eq!(q.unit, unit, "{}", text);
    let got = q.value.unwrap_or(f64::NAN);
    prop_assert!(close(got, want), "{text}: {got} vs {want}");
    Ok(())
}

/// Qualifiers written before the number, English and Chinese, with the bound each
/// leaves: `Some(true)` a lower bound only, `Some(false)` an upper bound only, `None`
/// both at the value.
const PRE: &[(&str, Qualifier, Option<bool>)] = &[
    ("more than ", Qualifier::Over, Some(true)),
    ("over ", Qualifier::Over, Some(true)),
    ("greater than ", Qualifier::Over, Some(true)),
    ("well over ", Qualifier::Over, Some(true)),
    ("at least ", Qualifier::AtLeast, Some(true)),
    ("greater than or equal to ", Qualifier::AtLeast, Some(true)),
    ("no fewer than ", Qualifier::AtLeast, Some(true)),
    ("up to ", Qualifier::UpTo, Some(false)),
    ("no more than ", Qualifier::UpTo, Some(false)),
    ("less than or equal to ", Qualifier::UpTo, Some(false)),
    ("not exceeding ", Qualifier::UpTo, Some(false)),
    ("less than ", Qualifier::LessThan, Some(false)),
    ("lower than ", Qualifier::LessThan, Some(false)),
    ("under ", Qualifier::LessThan, Some(false)),
    ("nearly ", Qualifier::Nearly, Some(false)),
    ("almost ", Qualifier::Nearly, Some(false)),
    ("about ", Qualifier::About, None),
    ("in the region of ", Qualifier::About, None),
    ("超过", Qualifier::Over, Some(true)),
    ("超过了", Qualifier::Over, Some(true)),
    ("大于", Qualifier::Over, Some(true)),
    ("逾", Qualifier::Over, Some(true)),
    ("至少", Qualifier::AtLeast, Some(true)),
    ("至少有", Qualifier::AtLeast, Some(true)),
    ("不少于", Qualifier::AtLeast, Some(true)),
    ("最多", Qualifier::UpTo, Some(false)),
    ("不超过", Qualifier::UpTo, Some(false)),
    ("不到", Qualifier::LessThan, Some(false)),
    ("小于", Qualifier::LessThan, Some(false)),
    ("近", Qualifier::Nearly, Some(false)),
    ("约", Qualifier::About, None),
];

/// Qualifiers written after the number and its unit.
const POST: &[(&str, Qualifier, Option<bool>)] = &[
    (" or more", Qualifier::AtLeast, Some(true)),
    (" or higher", Qualifier::AtLeast, Some(true)),
    (" or less", Qualifier::UpTo, Some(false)),
    (" or below", Qualifier::UpTo, Some(false)),
    (" or so", Qualifier::About, None),
    ("以上", Qualifier::Over, Some(true)),
    ("以下", Qualifier::LessThan, Some(false)),
    ("以内", Qualifier::UpTo, Some(false)),
    ("左右", Qualifier::About, None),
];

fn bounds_hold(
    written: &str,
    v: f64,
    q: Qualifier,
    side: Option<bool>,
) -> Result<(), TestCaseError> {
    let text = format!("据报道，{written}。");
    let found = scan_quantities(&text);
    let Some((_, got)) = found.first() else {
        return Err(TestCaseError::fail(format!("{text}: nothing read")));
    };
    prop_assert_eq!(got.qualifier, Some(q), "{}", text);
    let (lo, hi) = (got.low, got.high);
    match side {
        Some(true) => prop_assert!(
            lo.is_some_and(|l| close(l, v)) && hi.is_none(),
            "{text}: {got:?}"
        ),
        Some(false) => prop_assert!(
            hi.is_some_and(|h| close(h, v)) && lo.is_none(),
            "{text}: {got:?}"
        ),
        None => prop_assert!(
            lo.is_some_and(|l| close(l, v)) && hi.is_some_and(|h| close(h, v)),
            "{text}: {got:?}"
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// English number words in any number of groups, before a unit.
    #[test]
    fn english_words_read_back(n in prop_oneof![1u64..1000, 1000u64..1_000_000, 1_000_000u64..1_000_000_000_000]) {
        reads_as(&format!("{} tonnes", english_words(n)), n as f64, Some(Unit::Tonne))?;
    }

    /// Chinese numerals, written the standard way, before a unit.
    #[test]
    fn chinese_numerals_read_back(n in prop_oneof![1u64..10_000, 10_000u64..100_000_000, 100_000_000u64..1_000_000_000_000]) {
        let written = format!("{}吨", chinese(n));
        let text = format!("产量为{written}。");
        let found = scan_quantities(&text);
        let start = "产量为".len();
        let hit = found.iter().find(|(r, _)| r.start == start);
        prop_assert!(hit.is_some(), "{text}: {found:?}");
        if let Some((r, q)) = hit {
            prop_assert_eq!(&text[r.clone()], written.as_str());
            prop_assert_eq!(q.unit, Some(Unit::Tonne));
            prop_assert!(close(q.value.unwrap_or(f64::NAN), n as f64), "{text}: {q:?}");
        }
    }

    /// Digits with each scale word, English, Indian and Chinese.
    #[test]
    fn scale_words_read_back(int in 1u64..1000, cents in proptest::option::of(1u32..100), k in 0usize..12) {
        let v = value(int, cents);
        let n = shown(v);
        let (written, factor, unit) = [
            (format!("{n} thousand tonnes"), 1e3, Some(Unit::Tonne)),
            (format!("{n} million tonnes"), 1e6, Some(Unit::Tonne)),
            (format!("{n} billion dollars"), 1e9, Some(Unit::Currency(*b"USD"))),
            (format!("${n} bln"), 1e9, Some(Unit::Currency(*b"USD"))),
            (format!("${n}bn"), 1e9, Some(Unit::Currency(*b"USD"))),
            (format!("€{n} mln"), 1e6, Some(Unit::Currency(*b"EUR"))),
            (format!("{n} trillion yen"), 1e12, Some(Unit::Currency(*b"JPY"))),
            (format!("Rs {n} lakh"), 1e5, Some(Unit::Currency(*b"INR"))),
            (format!("Rs {n} crore"), 1e7, Some(Unit::Currency(*b"INR"))),
            (format!("{n}万吨"), 1e4, Some(Unit::Tonne)),
            (format!("{n}亿美元"), 1e8, Some(Unit::Currency(*b"USD"))),
            (format!("{n}万亿元"), 1e12, Some(Unit::Currency(*b"CNY"))),
        ][k].clone();
        reads_as(&written, v * factor, unit)?;
    }

    /// Thousands separated by spaces, and signed percentages.
    #[test]
    fn spaced_and_signed_read_back(n in 1000u64..1_000_000_000_000, int in 0u64..100, cents in 1u32..100) {
        let digits = n.to_string();
        let mut spaced = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                spaced.push(' ');
            }
            spaced.push(c);
        }
        reads_as(&format!("{spaced} tonnes"), n as f64, Some(Unit::Tonne))?;
        let v = value(int, Some(cents));
        reads_as(&format!("-{}%", shown(v)), -v, Some(Unit::Percent))?;
    }

    /// Every qualifier, before or after the number, keeps its bound.
    #[test]
    fn qualifiers_keep_their_bounds(v in number(), k in 0..PRE.len(), j in 0..POST.len()) {
        let (word, q, side) = PRE[k];
        let written = if word.is_ascii() {
            format!("{word}{} tonnes", shown(v))
        } else {
            format!("{word}{}吨", shown(v))
        };
        bounds_hold(&written, v, q, side)?;
        let (word, q, side) = POST[j];
        let written = if word.is_ascii() {
            format!("{} tonnes{word}", shown(v))
        } else {
            format!("{}吨{word}", shown(v))
        };
        bounds_hold(&written, v, q, side)?;
    }
}

/// The first quantity of `据报道，{written}。` spans `written` and has these bounds,
/// unit and qualifier.
fn reads_between(
    written: &str,
    (lo, hi): (f64, f64),
    unit: Option<Unit>,
    q: Option<Qualifier>,
) -> Result<(), TestCaseError> {
    let text = format!("据报道，{written}。");
    let start = "据报道，".len();
    let found = scan_quantities(&text);
    let Some((r, got)) = found.iter().find(|(r, _)| r.start == start) else {
        return Err(TestCaseError::fail(format!("{text}: {found:?}")));
    };
    prop_assert_eq!(&text[r.clone()], written, "{}", text);
    prop_assert_eq!(got.unit, unit, "{}", text);
    prop_assert_eq!(got.qualifier, q, "{}", text);
    let ok = got.low.is_some_and(|l| close(l, lo)) && got.high.is_some_and(|h| close(h, hi));
    prop_assert!(ok, "{text}: {got:?}, want {lo}..{hi}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// 多 and 余 after a round numeral stay under the next step of its last written
    /// place: 三千多吨 is 3,000 to 4,000 t, 230余吨 230 to 240 t.
    #[test]
    fn more_after_a_numeral_is_one_step(a in 1u64..100, k in 1u32..5, m in 0usize..3, chinese_form in any::<bool>()) {
        // The last written place is 10^k only when `a` does not end in 0.
        let a = if a % 10 == 0 { a + 1 } else { a };
        let v = a * 10u64.pow(k);
        let n = if chinese_form { chinese(v) } else { v.to_string() };
        let written = format!("{n}{}吨", ["多", "余", "餘"][m]);
        let step = 10f64.powi(k as i32);
        reads_between(&written, (v as f64, v as f64 + step), Some(Unit::Tonne), Some(Qualifier::Over))?;
    }

    /// 多 or 余 after a Chinese unit, or inside a measure word, is one more unit at
    /// most: 3年多 is 3 to 4 years, 一个多月 1 to 2 months.
    #[test]
    fn more_after_a_unit_is_one_unit(n in 1u64..60, u in 0usize..5, chinese_form in any::<bool>()) {
        let num = if chinese_form { chinese(n) } else { n.to_string() };
        let (unit_text, unit) = [
            ("年多", Unit::Year),
            ("个多月", Unit::Month),
            ("天多", Unit::Day),
            ("个多小时", Unit::Hour),
            ("吨余", Unit::Tonne),
        ][u];
        let written = format!("{num}{unit_text}");
        reads_between(&written, (n as f64, n as f64 + 1.0), Some(unit), Some(Qualifier::Over))?;
    }

    /// 成 is a tenth and a digit after it the next tenth: 七成五 = 75%, 9成 = 90%.
    #[test]
    fn cheng_reads_as_tenths(t in 1u64..10, d in 0u64..10, chinese_form in any::<bool>()) {
        let digit = |x: u64| if chinese_form { chinese(x) } else { x.to_string() };
        let written = if d == 0 {
            format!("{}成", digit(t))
        } else {
            format!("{}成{}", digit(t), digit(d))
        };
        let v = (t * 10 + d) as f64;
        reads_between(&written, (v, v), Some(Unit::Percent), None)?;
    }
}

#[test]
fn renderers_write_what_articles_write() {
    assert_eq!(english_words(2500), "two thousand five hundred");
    assert_eq!(english_words(2_000_005), "two million and five");
    assert_eq!(english_words(1_000_200), "one million two hundred");
    assert_eq!(chinese(13_000), "一万三千");
    assert_eq!(chinese(30_500), "三万零五百");
    assert_eq!(chinese(100_050_000), "一亿零五万");
    assert_eq!(chinese(12), "十二");
    assert_eq!(chinese(105), "一百零五");
}
