//! The rule tests, generated from the fixture folders: every folder
//! `tests/fixtures/<rule-id>/<case>/` is one test, named `<rule-id>/<case>`. Its
//! articles (every file in it but `expected.toml`) are checked with the fictional
//! knowledge base of tests/fixtures/kb, and `expected.toml` lists every finding the
//! run must give, in report order:
//!
//! ```toml
//! [[finding]]
//! rule = "quantity-conflict"
//! subject = "lithium production (2024)"   # absent: the finding has none
//! texts = ["8,000 tonnes", "12,000 tonnes"]   # its locations' texts, primary first
//! normalized = ["8000 t", "12000 t"]          # and their normalized values
//! expected = "..."          # the value it says is right; absent: it gives none
//! help_starts_with = "..."  # optional
//! diff_contains = "..."     # optional
//! ```
//!
//! A case where nothing may be found says so with `finding = []`. The human and
//! JSON outputs are snapshotted as `snapshots/<rule-id>.<case>.{human,json}.snap`.
//! Every rule of the registry has a `positive` and a `negative` case. Adding a case
//! needs no Rust.
//!
//! A plain `cargo test` runs this harness (libtest-mimic: it takes the usual
//! arguments, filters, `--include-ignored`, `--list`).

use std::path::{Path, PathBuf};

use claimcheck::{claims, kb, read, report, rules};
use libtest_mimic::{Arguments, Trial};
use serde::Deserialize;

const FIXTURES: &str = "tests/fixtures";
const KB: &str = "tests/fixtures/kb";
/// The folders of tests/fixtures that hold no rule's cases; every other folder is
/// named by a rule id.
const NOT_RULES: &[&str] = &["config", "extract", "kb", "read"];

fn main() {
    let args = Arguments::from_args();
    let mut trials = vec![
        trial(
            "every_rule_is_documented_and_has_fixtures",
            every_rule_is_documented_and_has_fixtures,
        ),
        trial("fixture_folders_are_rule_ids", fixture_folders_are_rule_ids),
        trial(
            "name_variants_of_people_need_context",
            name_variants_of_people_need_context,
        ),
    ];
    for (rule, case) in cases() {
        trials.push(Trial::test(format!("{rule}/{case}"), move || {
            check_case(&rule, &case);
            Ok(())
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn trial(name: &str, f: fn()) -> Trial {
    Trial::test(name, move || {
        f();
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// One run of the checker

struct Run {
    findings: Vec<rules::Finding>,
    json: serde_json::Value,
    human: String,
}

fn fixture_kb() -> kb::Kb {
    kb::load(&[Path::new(KB)]).expect("fixture knowledge base loads")
}

/// The one place the tests run the checker: reads `paths`, extracts, checks, and
/// renders the JSON and human reports.
fn run_with(kb: &kb::Kb, paths: &[PathBuf]) -> Run {
    let (files, sources, errors) = read::read_all(paths);
    assert!(errors.is_empty(), "{errors:?}");
    let claims = claims::extract(kb, &files, &sources);
    // The rules, then the inline suppressions, as `check` applies them.
    let findings = rules::check(kb, &files, &sources, &claims);
    let findings = claimcheck::engine::suppress::apply(findings, &files, &sources, kb);
    let json: serde_json::Value =
        serde_json::from_str(&report::check::json(&findings, &files, &sources, &claims))
            .expect("valid JSON");
    let human = report::check::human(&findings, &files, &sources, claims.len(), false);
    Run {
        findings,
        json,
        human,
    }
}

// ---------------------------------------------------------------------------
// The fixture folders

/// Every case folder, as (rule id, case name), sorted.
fn cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for rule in subfolders(Path::new(FIXTURES)) {
        if NOT_RULES.contains(&rule.as_str()) {
            continue;
        }
        for case in subfolders(&Path::new(FIXTURES).join(&rule)) {
            out.push((rule.clone(), case));
        }
    }
    out
}

/// The names of the folders in `dir`, sorted.
fn subfolders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("folder entry"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A case's `expected.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    finding: Vec<Want>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Want {
    rule: String,
    subject: Option<String>,
    texts: Vec<String>,
    normalized: Vec<String>,
    expected: Option<String>,
    help_starts_with: Option<String>,
    diff_contains: Option<String>,
}

fn expected(dir: &Path) -> Expected {
    let path = dir.join("expected.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (every case folder has one)", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The articles of a case: every file in its folder but expected.toml, sorted.
fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "expected.toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{}: no article", dir.display());
    paths
}

/// Runs one case folder, compares every finding with `expected.toml` and snapshots
/// the human and JSON outputs.
fn check_case(rule: &str, case: &str) {
    let dir = Path::new(FIXTURES).join(rule).join(case);
    let want = expected(&dir);
    let r = run_with(&fixture_kb(), &articles(&dir));
    let got = r.json["findings"].as_array().expect("findings");
    assert_eq!(
        got.len(),
        want.finding.len(),
        "{rule}/{case}: the number of findings\n{}",
        r.human
    );
    assert_eq!(r.findings.len(), got.len(), "{rule}/{case}");
    for (i, (f, w)) in got.iter().zip(&want.finding).enumerate() {
        let at = format!("{rule}/{case}: finding {}\n{}", i + 1, r.human);
        assert_eq!(f["rule"].as_str(), Some(w.rule.as_str()), "{at}");
        assert_eq!(f["subject"].as_str(), w.subject.as_deref(), "subject, {at}");
        let locs = f["locations"].as_array().expect("locations");
        let texts: Vec<Option<&str>> = locs.iter().map(|l| l["text"].as_str()).collect();
        let want_texts: Vec<Option<&str>> = w.texts.iter().map(|t| Some(t.as_str())).collect();
        assert_eq!(texts, want_texts, "texts, {at}");
        let norm: Vec<Option<&str>> = locs.iter().map(|l| l["normalized"].as_str()).collect();
        let want_norm: Vec<Option<&str>> = w.normalized.iter().map(|t| Some(t.as_str())).collect();
        assert_eq!(norm, want_norm, "normalized, {at}");
        assert_eq!(locs[0]["role"], "primary", "{at}");
        assert_eq!(
            f["expected"].as_str(),
            w.expected.as_deref(),
            "expected, {at}"
        );
        if let Some(prefix) = &w.help_starts_with {
            let help = f["help"].as_str().unwrap_or_default();
            assert!(help.starts_with(prefix.as_str()), "help {help:?}, {at}");
        }
        if let Some(part) = &w.diff_contains {
            let diff = f["diff"].as_str().unwrap_or_default();
            assert!(diff.contains(part.as_str()), "diff {diff:?}, {at}");
        }
    }
    snapshot(&format!("{rule}.{case}"), &r);
}

fn snapshot(name: &str, r: &Run) {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| {
        insta::assert_snapshot!(format!("{name}.human"), r.human);
        insta::assert_json_snapshot!(format!("{name}.json"), r.json["findings"]);
    });
}

// ---------------------------------------------------------------------------
// Tests of the fixtures themselves, and of what a fixture folder cannot say

/// Every rule of the registry is documented, with an example, and has a `positive`
/// case that finds it and a `negative` case that finds nothing.
fn every_rule_is_documented_and_has_fixtures() {
    for r in rules::all() {
        assert!(r.doc().contains(r.id), "{} doc names the rule", r.id);
        assert!(r.doc().contains("Example"), "{} doc has an example", r.id);
        let dir = Path::new(FIXTURES).join(r.id);
        let positive = expected(&dir.join("positive"));
        assert!(
            positive.finding.iter().any(|f| f.rule == r.id),
            "{}/positive finds {}",
            r.id,
            r.id
        );
        let negative = expected(&dir.join("negative"));
        assert!(
            negative.finding.is_empty(),
            "{}/negative finds nothing",
            r.id
        );
    }
}

/// A folder of tests/fixtures is a rule's (or one of NOT_RULES), and a rule's folder
/// holds only case folders: a misnamed folder or a stray article would otherwise be
/// skipped without a word.
fn fixture_folders_are_rule_ids() {
    let ids: Vec<&str> = rules::all().iter().map(|r| r.id).collect();
    for name in subfolders(Path::new(FIXTURES)) {
        if NOT_RULES.contains(&name.as_str()) {
            continue;
        }
        assert!(
            ids.contains(&name.as_str()),
            "tests/fixtures/{name}: not a rule id ({ids:?}) nor in NOT_RULES"
        );
        for e in std::fs::read_dir(Path::new(FIXTURES).join(&name)).expect("rule folder") {
            let e = e.expect("folder entry");
            assert!(
                e.file_type().is_ok_and(|t| t.is_dir()),
                "{}: a rule's folder holds case folders only",
                e.path().display()
            );
        }
    }
}

/// A near-miss of a person's name is a misspelling only where the source names that
/// person or the office they held; a contraction is never a name.
fn name_variants_of_people_need_context() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("more.toml"),
        "[[organization]]\nid = \"shell\"\nname = \"Shell\"\n\
         source = { publisher = \"claimcheck fixtures\", document = \"fictional world\", date = \"2025-01-01\" }\n",
    )
    .expect("write");
    let kb = kb::load(&[Path::new(KB), dir.path()]).expect("loads");
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, format!("Title\nWire·2025-03-01 09:00\n\n{body}\n")).expect("write");
        p
    };
    let unrelated = write(
        "a.txt",
        "The striker Ada Lindqvest scored twice. She'll play again.",
    );
    let named = write(
        "b.txt",
        "Ada Lindqvist spoke first. The hall applauded when Ada Lindqvest left.",
    );
    let findings = |p: PathBuf| {
        run_with(&kb, &[p])
            .findings
            .into_iter()
            .filter(|f| f.rule == "entity-name-variant")
            .map(|f| (f.message, f.places[0].span.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(findings(unrelated), vec![]);
    let got = findings(named);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "\"Ada Lindqvest\" is not a name of Ada Lindqvist");
}
