//! `check --diff` and `check --fix`: the corrections of every finding with an
//! expected value, merged per file, applied by `git apply` and by claimcheck itself,
//! leave no finding they covered.

mod common;

use std::path::Path;
use std::process::Command;

use common::{claimcheck_with_stdin, run_in, stderr, stdout};

/// Two fixes on one line (a wrong office holder and a misspelt place), one on
/// another line, in two files, one of them Markdown.
fn articles(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "Norland picks a new course\nNorthern Wire·2024-09-02 08:00\n\n\
         Norland's Prime Minister Ada Lindqvist toured the Harrow Cross pit on Monday.\n\
         Crews worked through the winter.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("b.md"),
        "# Pits\nHarbour Daily·2025-03-01 12:00\n\nCrews at the Harrow Cross pit worked on.\n",
    )
    .expect("write");
}

fn kb() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/kb")
        .display()
        .to_string()
}

/// (rule, file, line) of every finding in `dir`.
fn findings(dir: &Path) -> Vec<(String, String, u64)> {
    let o = run_in(
        dir,
        &[
            "check",
            "--rules",
            &kb(),
            "--format",
            "json",
            "a.txt",
            "b.md",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let l = &f["locations"][0];
            (
                f["rule"].as_str().unwrap_or_default().into(),
                l["path"].as_str().unwrap_or_default().into(),
                l["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn the_diff_applies_with_git_and_leaves_no_finding_it_covered() {
    let tmp = tempfile::tempdir().expect("tempdir");
    articles(tmp.path());
    let before = findings(tmp.path());
    assert_eq!(
        before,
        vec![
            ("role-holder-conflict".into(), "a.txt".into(), 4),
            ("entity-name-variant".into(), "a.txt".into(), 4),
            ("entity-name-variant".into(), "b.md".into(), 4),
        ]
    );
    let o = run_in(
        tmp.path(),
        &["check", "--rules", &kb(), "--diff", "a.txt", "b.md"],
    );
    assert_eq!(o.status.code(), Some(1));
    let diff = stdout(&o);
    // One diff per file, both fixes of line 4 in one hunk.
    assert_eq!(diff.matches("--- a/").count(), 2, "{diff}");
    assert!(diff.contains(
        "+Norland's Prime Minister Bo Hedman toured the Harrow Crossing pit on Monday.\n"
    ));
    std::fs::write(tmp.path().join("fixes.diff"), &diff).expect("write");
    let applied = Command::new("git")
        .args(["apply", "--verbose", "fixes.diff"])
        .current_dir(tmp.path())
        .output()
        .expect("git runs (the CI machine clones with it)");
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    assert_eq!(findings(tmp.path()), vec![]);
}

#[test]
fn fix_writes_the_same_corrections_and_reports_what_is_left() {
    let (by_git, by_fix) = (
        tempfile::tempdir().expect("tempdir"),
        tempfile::tempdir().expect("tempdir"),
    );
    articles(by_git.path());
    articles(by_fix.path());
    let o = run_in(
        by_git.path(),
        &["check", "--rules", &kb(), "--diff", "a.txt", "b.md"],
    );
    std::fs::write(by_git.path().join("fixes.diff"), stdout(&o)).expect("write");
    let applied = Command::new("git")
        .args(["apply", "fixes.diff"])
        .current_dir(by_git.path())
        .status()
        .expect("git runs");
    assert!(applied.success());
    let o = run_in(
        by_fix.path(),
        &["check", "--rules", &kb(), "--fix", "a.txt", "b.md"],
    );
    // Every finding was fixed: nothing left, exit 0.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("fixed 2 finding(s) in a.txt"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("fixed 1 finding(s) in b.md"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).starts_with("0 findings"), "{}", stdout(&o));
    for name in ["a.txt", "b.md"] {
        assert_eq!(
            std::fs::read_to_string(by_fix.path().join(name)).expect("read"),
            std::fs::read_to_string(by_git.path().join(name)).expect("read"),
            "{name}"
        );
    }
    assert_eq!(findings(by_fix.path()), vec![]);
}

#[test]
fn what_cannot_be_fixed_is_said_and_stays_reported() {
    let text = "Norland picks a new course\nNorthern Wire·2024-09-02 08:00\n\n\
                Norland's Prime Minister Ada Lindqvist opened the fair.\n";
    let kb = kb();
    let o = claimcheck_with_stdin(&["check", "-", "--rules", &kb, "--fix"], text.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("<stdin>: not a file; not fixed"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("error[role-holder-conflict]"));
    let o = claimcheck_with_stdin(&["check", "-", "--fix", "--diff"], b"");
    assert_eq!(o.status.code(), Some(2));
}
