//! The engine's claim index finds what a run over the articles finds: for every rule
//! in the registry and each article of its positive fixtures, that article checked
//! `--against` an index of the others gives the same output as `--against` the
//! articles, and every finding a plain run reports in it. A rule whose keys the index
//! did not store or ask for would lose its findings across sources, and fail here.

use std::path::{Path, PathBuf};

use claimcheck::engine::{self, Options};
use claimcheck::kb::Kb;
use claimcheck::{read, report, rules};

fn kb() -> Kb {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kb");
    claimcheck::kb::load(&[dir.as_path()]).unwrap_or_else(|e| panic!("{e}"))
}

const ARTICLE: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// A rule's positive fixtures: `tests/fixtures/<rule-id>/positive*`, files or folders
/// of articles.
fn positives(rule: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rule);
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.expect("a folder entry").path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with("positive") {
            continue;
        }
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&p)
                .expect("a fixture folder")
                .map(|e| e.expect("a folder entry").path())
                .filter(|f| {
                    f.extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| ARTICLE.contains(&x))
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Every article of the fixture files, each written to its own file in `dir`.
fn split(fixtures: &[PathBuf], dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for f in fixtures {
        let raw = std::fs::read_to_string(f).expect("a fixture");
        let ext = f.extension().and_then(|x| x.to_str()).unwrap_or("txt");
        let (file, sources) = read::parse(&f.display().to_string(), raw);
        for s in &sources {
            let r = file.orig_range(s.range.clone());
            let p = dir.join(format!("{:02}.{ext}", out.len()));
            std::fs::write(&p, &file.raw[r]).expect("a temporary file");
            out.push(p);
        }
    }
    out
}

fn run(kb: &Kb, draft: &Path, against: &[PathBuf]) -> engine::Outcome {
    let opts = Options {
        against,
        ..Options::new(&|e| panic!("{e}"))
    };
    engine::run(kb, &[draft.to_path_buf()], &opts).unwrap_or_else(|e| panic!("{e}"))
}

fn json(o: &engine::Outcome) -> String {
    report::check::json_counted(&o.findings, &o.files, &o.sources, o.claims)
}

#[test]
fn every_rule_finds_the_same_against_an_index() {
    let kb = kb();
    for rule in rules::all() {
        let fixtures = positives(rule.id);
        assert!(!fixtures.is_empty(), "{}: no positive fixture", rule.id);
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let articles = split(&fixtures, tmp.path());
        // The plain run over every article, as `check` runs it.
        let opts = Options::new(&|e| panic!("{e}"));
        let plain = engine::run(&kb, &articles, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            plain.findings.iter().any(|f| f.rule == rule.id),
            "{}: its positive fixtures give no finding",
            rule.id
        );
        let mut found = 0;
        for (k, draft) in articles.iter().enumerate() {
            let mut archive: Vec<PathBuf> = articles
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, p)| p.clone())
                .collect();
            if archive.is_empty() {
                // An index of no article is refused, as a run with no article is: an
                // empty article stands for an archive with nothing to compare.
                let blank = tmp.path().join("blank.txt");
                std::fs::write(&blank, "").expect("a temporary file");
                archive.push(blank);
            }
            let idx = tmp.path().join(format!("{k}.idx"));
            let opts = Options::new(&|e| panic!("{e}"));
            engine::write_index(&kb, &archive, &idx, &opts).unwrap_or_else(|e| panic!("{e}"));
            let by_files = run(&kb, draft, &archive);
            let by_index = run(&kb, draft, std::slice::from_ref(&idx));
            assert_eq!(
                json(&by_index),
                json(&by_files),
                "{}: article {k} against an index of the others",
                rule.id
            );
            // Every finding the plain run places first in this article, the index finds.
            let shown = draft.display().to_string();
            for f in plain.findings.iter().filter(|f| {
                f.places
                    .iter()
                    .find(|p| p.primary)
                    .is_some_and(|p| plain.sources[p.source].path == shown)
            }) {
                let same = by_index.findings.iter().any(|g| {
                    g.rule == f.rule && g.message == f.message && g.places.len() == f.places.len()
                });
                assert!(
                    same,
                    "{}: article {k}: the index run misses {}: {}",
                    rule.id, f.rule, f.message
                );
            }
            found += by_index
                .findings
                .iter()
                .filter(|f| f.rule == rule.id)
                .count();
        }
        assert!(found > 0, "{}: no finding against an index", rule.id);
    }
}

#[test]
fn a_run_tells_its_stages_in_order() {
    let kb = kb();
    let seen = std::sync::Mutex::new(Vec::new());
    let record = |s: &str| seen.lock().expect("lock").push(s.to_string());
    let opts = Options {
        stage: Some(&record),
        ..Options::new(&|e| panic!("{e}"))
    };
    let path = PathBuf::from("tests/fixtures/quantity-conflict/positive/article.txt");
    let out =
        engine::run(&kb, std::slice::from_ref(&path), &opts).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        *seen.lock().expect("lock"),
        vec![
            "reading articles".to_string(),
            "extracting claims from 2 articles".to_string(),
            format!("checking {} claims", out.claims),
        ]
    );
    seen.lock().expect("lock").clear();
    engine::extract(&kb, &[path], &opts).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(seen.lock().expect("lock").len(), 2);
}
