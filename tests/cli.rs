//! The command line as scripts and CI steps use it: exit statuses, one-line errors
//! naming the file, output formats, `--output`, `rules`.

mod common;

use common::{claimcheck, stderr, stdout};

const KB: &str = "tests/fixtures/kb";
const POSITIVE: &str = "tests/fixtures/role-holder-conflict/positive/article.txt";
const NEGATIVE: &str = "tests/fixtures/role-holder-conflict/negative/article.txt";

#[test]
fn exit_status_follows_fail_on() {
    let o = claimcheck(&["check", "--rules", KB, POSITIVE]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("error[role-holder-conflict]"));
    assert!(
        !stdout(&o).contains('\u{1b}'),
        "no colour when not on a terminal"
    );
    assert_eq!(
        claimcheck(&["check", "--rules", KB, "--fail-on", "never", POSITIVE])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        claimcheck(&["check", "--rules", KB, NEGATIVE])
            .status
            .code(),
        Some(0)
    );
    // A warning fails only at --fail-on warning.
    let variant = "tests/fixtures/entity-name-variant/positive/article.txt";
    assert_eq!(
        claimcheck(&["check", "--rules", KB, variant]).status.code(),
        Some(0)
    );
    assert_eq!(
        claimcheck(&["check", "--rules", KB, "--fail-on", "warning", variant])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn json_output_follows_the_contract() {
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", POSITIVE]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["tool"]["name"], "claimcheck");
    assert_eq!(v["summary"]["findings"], 1);
    assert_eq!(v["summary"]["error"], 1);
    assert_eq!(v["sources"][1]["id"], format!("{POSITIVE}#2"));
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "role-holder-conflict");
    assert_eq!(f["locations"][0]["text"], "Ada Lindqvist");
    assert_eq!(
        (
            f["locations"][0]["line"].as_u64(),
            f["locations"][0]["column"].as_u64()
        ),
        (Some(4), Some(26))
    );
    assert_eq!(f["locations"][0]["end_column"], 39);
}

#[test]
fn extract_formats() {
    let json = claimcheck(&["extract", "--rules", KB, "--format", "json", POSITIVE]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    let n = v["claims"].as_array().map_or(0, |a| a.len());
    assert!(n > 0);
    let jsonl = claimcheck(&["extract", "--rules", KB, "--format", "jsonl", POSITIVE]);
    let lines: Vec<serde_json::Value> = stdout(&jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), n);
    let human = claimcheck(&["extract", "--rules", KB, POSITIVE]);
    assert!(
        stdout(&human).contains(
            "role      Prime Minister Ada Lindqvist  →  Prime Minister of Norland = Ada Lindqvist"
        ),
        "{}",
        stdout(&human)
    );
}

#[test]
fn output_file_instead_of_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.json");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        "-o",
        out.to_str().unwrap_or(""),
        POSITIVE,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(v["summary"]["findings"], 1);
}

/// A bad input file: one line on stderr naming it, the other files still read and
/// reported on stdout, exit status 2 at the end.
fn bad_input(name: &str, bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("write");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "A title\nWire·2025-01-01 10:00\n\nText.\n").expect("write");
    for cmd in ["check", "extract"] {
        let o = claimcheck(&[cmd, "--format", "json", dir.path().to_str().unwrap_or("")]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        assert_eq!(v["sources"].as_array().map(Vec::len), Some(1), "{name}");
        assert!(
            v["sources"][0]["id"]
                .as_str()
                .is_some_and(|s| s.ends_with("good.txt"))
        );
        let e = &v["errors"][0];
        assert!(e["file"].as_str().is_some_and(|f| f.ends_with(name)), "{e}");
        assert_eq!(e["message"], expect);
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(name) && err.contains(expect), "{name}: {err}");
    }
}

#[test]
fn bad_inputs_are_named_and_skipped() {
    bad_input(
        "binary.txt",
        b"abc\0def",
        "binary file (NUL byte at offset 3)",
    );
    bad_input(
        "latin1.txt",
        b"caf\xe9 au lait",
        "not valid UTF-8 (invalid byte at offset 3)",
    );
    // A path that does not exist stops the run: nothing on stdout.
    let o = claimcheck(&["check", "no/such/path.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/path.txt"));
    assert!(o.stdout.is_empty());
}

#[test]
fn empty_files_are_articles_with_nothing_in_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("empty.txt"), b"").expect("write");
    std::fs::write(dir.path().join("blank.md"), b"  \n\n ").expect("write");
    let o = claimcheck(&[
        "check",
        "--format",
        "json",
        dir.path().to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["summary"]["findings"], 0);
    assert_eq!(v["summary"]["claims"], 0);
    assert!(v.get("errors").is_none());
}

#[test]
fn bad_rule_files_name_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("bad.toml"),
        "[[person]]\nid = \"x\"\nname = 3\n",
    )
    .expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        dir.path().to_str().unwrap_or(""),
        NEGATIVE,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("bad.toml:3:8"), "{err}");
    let o = claimcheck(&["check", "--rules", "no/such/dir", NEGATIVE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/dir"));
}

#[test]
fn rules_are_listed_and_documented() {
    let o = claimcheck(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for id in [
        "role-holder-conflict",
        "acronym-expansion-mismatch",
        "entity-name-variant",
        "quantity-conflict",
        "date-conflict",
        "reference-mismatch",
    ] {
        assert!(out.lines().any(|l| l.starts_with(id)), "{id} listed");
    }
    let doc = stdout(&claimcheck(&["rules", "quantity-conflict"]));
    assert!(
        doc.contains("Example") && doc.contains("relative_tolerance"),
        "{doc}"
    );
    let o = claimcheck(&["rules", "no-such-rule"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-rule"));
    // Severity set to off in a user's file: the rule is not run.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("s.toml"),
        "[rule.role-holder-conflict]\nseverity = \"off\"\n",
    )
    .expect("write");
    let d = dir.path().to_str().unwrap_or("");
    let o = claimcheck(&["check", "--rules", KB, "--rules", d, POSITIVE]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

/// A baseline records today's findings; later runs report only new ones, even after
/// lines are added above a recorded finding.
#[test]
fn baseline_reports_only_new_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    let original = std::fs::read_to_string("tests/fixtures/quantity-conflict/positive/article.txt")
        .expect("fixture");
    std::fs::write(&article, &original).expect("write");
    let base = dir.path().join("base.json");
    let (a, b) = (article.to_str().unwrap_or(""), base.to_str().unwrap_or(""));
    let o = claimcheck(&["check", "--rules", KB, a, "--write-baseline", b]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("recorded 1 finding"));
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&base).expect("written")).expect("JSON");
    assert_eq!(recorded["version"], 2);
    // One fingerprint for each side: the finding's two articles.
    assert_eq!(
        recorded["fingerprints"].as_array().map(|a| a.len()),
        Some(2)
    );
    // The same finding, with lines added above it: still known.
    std::fs::write(
        &article,
        original.replacen("\n\n", "\n\nAn added line.\nAnother one.\n", 1),
    )
    .expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        a,
        "--baseline",
        b,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["summary"]["findings"], 0);
    // A changed value is a new finding.
    std::fs::write(&article, original.replace("8,000 tonnes", "9,000 tonnes")).expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        a,
        "--baseline",
        b,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["findings"][0]["locations"][0]["text"], "9,000 tonnes");
    // A file that is not a baseline: exit 2, file:line:column, nothing on stdout.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"version\": 1,\n \"fingerprints\": 3}\n").expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        a,
        "--baseline",
        bad.to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("bad.json:2:"), "{}", stderr(&o));
}

#[test]
fn color_follows_the_flag_and_the_environment() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"));
        c.args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            c.env(k, v);
        }
        let o = c.output().expect("the binary runs");
        String::from_utf8_lossy(&o.stdout).contains('\u{1b}')
    };
    let check = ["check", "--rules", KB, POSITIVE];
    let with = |flag: &'static str| [&check[..], &["--color", flag]].concat();
    // Standard output is a pipe here: `auto` leaves it plain unless forced.
    assert!(!run(&check, &[]));
    assert!(run(&check, &[("CLICOLOR_FORCE", "1")]));
    assert!(!run(&check, &[("CLICOLOR_FORCE", "0")]));
    assert!(!run(&check, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(run(&with("always"), &[("NO_COLOR", "1")]));
    assert!(!run(&with("never"), &[("CLICOLOR_FORCE", "1")]));
}

#[test]
fn completions_and_man_page_cover_the_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = claimcheck(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let s = stdout(&o);
        for word in [
            "claimcheck",
            "extract",
            "files-from",
            "stdin-filename",
            "sarif",
        ] {
            assert!(s.contains(word), "{shell} completions lack {word}");
        }
    }
    assert_eq!(claimcheck(&["completions", "tcsh"]).status.code(), Some(2));
    let o = claimcheck(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let man = stdout(&o);
    assert!(
        man.starts_with(".ie") || man.contains(".TH claimcheck"),
        "{man}"
    );
    for word in [
        "check",
        "extract",
        "index",
        "rules",
        "completions",
        "Exit status",
    ] {
        assert!(man.contains(word), "the man page lacks {word}");
    }
}

#[test]
fn help_gives_examples_and_exit_statuses() {
    let o = claimcheck(&["--help"]);
    let help = stdout(&o);
    assert!(
        help.contains("Examples:") && help.contains("Exit status: 0"),
        "{help}"
    );
}
