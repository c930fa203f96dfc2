//! Tests on the material in ../shared: the five seed articles and the development
//! set. They are #[ignore]d so `cargo test` passes on a checkout alone; `.ci/run`
//! runs them with `--include-ignored`.

use std::path::{Path, PathBuf};
use std::process::Command;

use claimcheck::{claims, kb, read, report, rules};

const SEEDS: &str = "../shared/corpus/seeds";
const DEV: &str = "../shared/eval/dev";

fn need(p: &str) {
    assert!(
        Path::new(p).exists(),
        "{p} is missing: these tests need ../shared beside the checkout"
    );
}

fn check_json(path: &str) -> serde_json::Value {
    let kb = kb::builtin().expect("built-in knowledge base loads");
    let (files, sources, errors) = read::read_all(&[PathBuf::from(path)]);
    assert!(errors.is_empty(), "{errors:?}");
    let claims = claims::extract(&kb, &files, &sources);
    let findings = rules::check(&kb, &files, &sources, &claims);
    serde_json::from_str(&report::check::json(&findings, &files, &sources, &claims))
        .expect("valid JSON")
}

fn snap_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

/// Finds whose locations include, in files whose name starts with `file`, a text containing `text`.
fn has(findings: &serde_json::Value, rule: &str, file: &str, text: &str) -> bool {
    findings.as_array().into_iter().flatten().any(|f| {
        f["rule"] == rule
            && f["locations"].as_array().into_iter().flatten().any(|l| {
                l["path"]
                    .as_str()
                    .is_some_and(|p| p.rsplit('/').next().is_some_and(|n| n.starts_with(file)))
                    && l["text"].as_str().is_some_and(|t| t.contains(text))
            })
    })
}

#[test]
#[ignore = "needs ../shared/corpus/seeds"]
fn seeds_findings() {
    need(SEEDS);
    let v = check_json(SEEDS);
    let f = &v["findings"];
    // Must report.
    assert!(
        has(f, "role-holder-conflict", "002", "Takayuki Sato"),
        "{f:#}"
    );
    assert!(has(f, "role-holder-conflict", "003", "Kishi"), "{f:#}");
    assert!(
        has(f, "role-holder-conflict", "004", "Kishi Sanae"),
        "{f:#}"
    );
    let kishi_sanae = f.as_array().into_iter().flatten().find(|x| {
        x["rule"] == "role-holder-conflict" && x["locations"][0]["text"] == "Kishi Sanae"
    });
    let kishi_sanae = kishi_sanae.expect("a finding for Kishi Sanae");
    assert_eq!(kishi_sanae["expected"], "Takaichi Sanae");
    assert!(
        kishi_sanae["help"]
            .as_str()
            .unwrap_or("")
            .contains("did you mean Takaichi Sanae")
    );
    assert!(
        has(f, "acronym-expansion-mismatch", "002", "(JOGMEC)"),
        "{f:#}"
    );
    assert!(has(f, "entity-name-variant", "002", "Mount Pass"), "{f:#}");
    // Must not report: agreeing figures and different measures.
    for text in [
        "8.5 billion",
        "100-ton",
        "2.2 billion",
        "92%",
        "0.1%",
        "91%",
        "90%",
        "87%",
    ] {
        assert!(
            !f.as_array()
                .into_iter()
                .flatten()
                .any(|x| x["rule"] == "quantity-conflict"
                    && x["locations"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|l| l["text"].as_str().unwrap_or("").contains(text))),
            "no quantity conflict on {text}: {f:#}"
        );
    }
    snap_settings().bind(|| insta::assert_json_snapshot!("seeds.check", f));
}

#[test]
#[ignore = "needs ../shared/corpus/seeds"]
fn seeds_extract() {
    need(SEEDS);
    let kb = kb::builtin().expect("built-in knowledge base loads");
    let (files, sources, errors) = read::read_all(&[PathBuf::from(SEEDS)]);
    assert!(errors.is_empty(), "{errors:?}");
    let claims = claims::extract(&kb, &files, &sources);
    let v: serde_json::Value =
        serde_json::from_str(&report::extract::json(&claims, &files, &sources))
            .expect("valid JSON");
    // Every byline's date is its source's date.
    let dates: Vec<(String, String)> = v["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (
                s["id"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string(),
                s["date"].to_string(),
            )
        })
        .collect();
    for (id, date) in [
        ("000_840d87feee498c4e.txt", "\"2025-10-27\""),
        ("001_e4e3f173bc46562e.txt", "\"2025-10-30\""),
        ("002_1828944399b9c7fd.txt", "null"),
        ("003_cb4370ba45b72a13.txt", "\"2025-10-30\""),
        ("004_98ee03a7875f1a86.txt#1", "\"2025-10-29\""),
        ("004_98ee03a7875f1a86.txt#2", "\"2025-06-01\""),
    ] {
        assert!(
            dates.contains(&(id.to_string(), date.to_string())),
            "{id} {date}: {dates:?}"
        );
    }
    // The seed expressions: (text, value, low, high, unit).
    let q = |text: &str| {
        v["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| {
                c["kind"] == "quantity" && c["text"].as_str().is_some_and(|t| t.contains(text))
            })
            .min_by_key(|c| c["text"].as_str().map_or(0, str::len))
            .cloned()
            .unwrap_or_else(|| panic!("no quantity claim with text {text:?}"))
    };
    let n = serde_json::Value::Null;
    let cases: &[(
        &str,
        serde_json::Value,
        serde_json::Value,
        serde_json::Value,
        serde_json::Value,
    )] = &[
        (
            "$8.5 billion",
            8.5e9.into(),
            8.5e9.into(),
            8.5e9.into(),
            "USD".into(),
        ),
        (
            "$2.2 billion",
            2.2e9.into(),
            2.2e9.into(),
            2.2e9.into(),
            "USD".into(),
        ),
        (
            "at least $1 billion",
            1e9.into(),
            1e9.into(),
            n.clone(),
            "USD".into(),
        ),
        ("100-ton", 100.into(), 100.into(), 100.into(), "t".into()),
        (
            "Over 90%",
            90.into(),
            90.into(),
            n.clone(),
            "percent".into(),
        ),
        (
            "270,000 tons",
            270000.into(),
            270000.into(),
            270000.into(),
            "t".into(),
        ),
        (
            "44 million tons",
            44e6.into(),
            44e6.into(),
            44e6.into(),
            "t".into(),
        ),
        (
            "four to six weeks",
            n.clone(),
            4.into(),
            6.into(),
            "week".into(),
        ),
        (
            "40% to 50%",
            n.clone(),
            40.into(),
            50.into(),
            "percent".into(),
        ),
        ("5-8 years", n.clone(), 5.into(), 8.into(), "year".into()),
        (
            "99.9999%",
            99.9999.into(),
            99.9999.into(),
            99.9999.into(),
            "percent".into(),
        ),
        // "more than 0.1%": bounded below only.
        ("0.1%", 0.1.into(), 0.1.into(), n.clone(), "percent".into()),
        ("四到六周", n.clone(), 4.into(), 6.into(), "week".into()),
    ];
    let num = |x: &serde_json::Value| x.as_f64();
    for (text, value, low, high, unit) in cases {
        let c = q(text);
        assert_eq!(num(&c["value"]), num(value), "{text} value");
        assert_eq!(num(&c["low"]), num(low), "{text} low");
        assert_eq!(num(&c["high"]), num(high), "{text} high");
        assert_eq!(&c["unit"], unit, "{text} unit");
    }
    let nearly = q("nearly 2,000 weapon systems");
    assert_eq!(num(&nearly["high"]), Some(2000.0));
    assert_eq!(nearly["noun"], "weapon systems");
    let tenth = q("one-tenth");
    assert_eq!(num(&tenth["value"]), Some(0.1));
    // 92% appears in two sources.
    assert!(
        v["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["text"] == "92%")
            .count()
            >= 2
    );
    // Dates in the undated 002: "October 20" and "the 28th" stay partial.
    let d = |text: &str| {
        v["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["kind"] == "date" && c["text"] == text)
            .map(|c| c["value"].clone())
    };
    assert_eq!(d("October 20"), Some("--10-20".into()));
    assert_eq!(d("the 28th"), Some("---28".into()));
    // One claim a line, so the snapshot can be read claim by claim.
    let lines = report::extract::jsonl(&claims, &files, &sources);
    snap_settings().bind(|| insta::assert_snapshot!("seeds.extract", lines));
}

/// The real news corpus is the false-positive check: every finding on it was read and
/// is a genuine error of the article (misspelt names, "Buenos Aries" among them, "US Securities Exchange
/// Commission (SEC)" without its "and"; two copies of one BBC story
/// that give "$1.8 billion" as £94 million and as £9.4 million, and name the firm
/// "Juniper Research" and "Jupiter Research"). Any new finding fails here until it
/// has been read too. "Geo-science Australia" is Geoscience Australia hyphenated, an
/// accepted spelling (`kb::fold_variant`), no longer flagged. Read and left out: reuters/crude-489 and 502 say a reserve
/// should be raised "to one mln barrels" from a present 500 mln (an error: one
/// billion is meant); the study group's figure and the policy's 750 mln are two
/// claims, and the frame alignment rightly no longer pairs them, so the error is
/// not found (a change that says "increase to" a value below its "from" is not
/// checked yet).
#[test]
#[ignore = "needs ../shared/corpus/real"]
fn real_corpus_gives_only_the_reviewed_findings() {
    let real = "../shared/corpus/real";
    need(real);
    let mut got = Vec::new();
    for sub in ["abc-lee", "bbc", "brown-press", "reuters"] {
        let v = check_json(&format!("{real}/{sub}"));
        for f in v["findings"].as_array().into_iter().flatten() {
            let l = &f["locations"][0];
            let path = l["path"].as_str().unwrap_or("");
            let name = path.split("/real/").nth(1).unwrap_or(path);
            got.push(format!(
                "{} {name} {}",
                f["rule"].as_str().unwrap_or(""),
                l["text"].as_str().unwrap_or("")
            ));
        }
    }
    got.sort();
    assert_eq!(
        got,
        [
            "acronym-expansion-mismatch bbc/business/001.txt US Securities Exchange Commission (SEC)",
            "acronym-expansion-mismatch reuters/crude-349.txt Organiaation of Petroleum Exporting Countries (OPEC)",
            "entity-name-variant bbc/business/301.txt Ronald Regan",
            "entity-name-variant bbc/entertainment/213.txt Buenos Aries",
            "entity-name-variant bbc/politics/293.txt Europe Union",
            "entity-name-variant bbc/tech/033.txt United Nation's",
            "entity-name-variant reuters/crude-349.txt Organiaation of Petroleum Exporting Countries",
            "quantity-conflict bbc/tech/338.txt £94 million",
        ]
    );
}

#[test]
#[ignore = "needs ../shared/eval/dev"]
fn dev_set_scores() {
    need(DEV);
    let out = Command::new("python3")
        .arg(format!("{DEV}/score.py"))
        .args(["--bin", env!("CARGO_BIN_EXE_claimcheck")])
        .output()
        .expect("python3 runs the scorer");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with("dev-eval:"))
        .expect("a dev-eval line");
    let field = |name: &str| -> f64 {
        last.split_whitespace()
            .find_map(|w| w.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or(-1.0)
    };
    eprintln!("{last}");
    assert!(field("recall") >= 0.9, "{stdout}");
    assert!(field("precision") >= 0.9, "{stdout}");
    assert_eq!(field("traps"), 0.0, "{stdout}");
}
