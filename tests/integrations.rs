//! The repository integrations run what they say: the pre-commit hook's command and
//! file pattern, and every `claimcheck` command of the GitHub Action, on fixtures.

use std::path::Path;
use std::process::{Command, Output};

const KB: &str = "tests/fixtures/kb";
const POSITIVE: &str = "tests/fixtures/role-holder-conflict/positive/article.txt";
const NEGATIVE: &str = "tests/fixtures/role-holder-conflict/negative/article.txt";

/// The value of `key: value` in a YAML file's lines (the first one, unquoted).
fn value<'a>(yaml: &'a str, key: &str) -> &'a str {
    yaml.lines()
        .find_map(|l| {
            l.trim_start()
                .trim_start_matches("- ")
                .strip_prefix(&format!("{key}: "))
        })
        .unwrap_or_else(|| panic!("no {key}: in {yaml}"))
        .trim()
}

/// Runs a command line that starts with `claimcheck`, words split on spaces, in the
/// checkout, with the binary under test.
fn run(line: &str, env: &[(&str, &str)]) -> Output {
    let mut words: Vec<String> = Vec::new();
    for w in line.split_whitespace() {
        match w.strip_prefix('$') {
            // $PATHS and $ARGS split into words, as the shell does.
            Some(var) => {
                let (_, v) = env.iter().find(|(k, _)| *k == var).expect("a set variable");
                words.extend(v.split_whitespace().map(String::from));
            }
            None if w == "\"$FAIL_ON\"" => {
                words.push(
                    env.iter()
                        .find(|(k, _)| *k == "FAIL_ON")
                        .expect("FAIL_ON")
                        .1
                        .into(),
                );
            }
            None => words.push(w.to_string()),
        }
    }
    assert_eq!(
        words.first().map(String::as_str),
        Some("claimcheck"),
        "{line}"
    );
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(&words[1..])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

#[test]
fn pre_commit_hook_checks_the_changed_articles_in_one_run() {
    let yaml = std::fs::read_to_string(".pre-commit-hooks.yaml").expect("the hooks file");
    assert_eq!(value(&yaml, "id"), "claimcheck");
    assert_eq!(value(&yaml, "language"), "rust");
    assert_eq!(value(&yaml, "require_serial"), "true");
    let files = regex::Regex::new(value(&yaml, "files")).expect("a valid pattern");
    for (path, article) in [
        ("articles/a.txt", true),
        ("drafts/b.md", true),
        ("c.markdown", true),
        ("d.html", true),
        ("e.htm", true),
        ("src/main.rs", false),
        ("notes.txt.bak", false),
    ] {
        assert_eq!(files.is_match(path), article, "{path}");
    }
    // pre-commit appends the changed files that match to the entry (and the args).
    let entry = value(&yaml, "entry");
    let o = run(&format!("{entry} --rules {KB} {POSITIVE}"), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("error[role-holder-conflict]"));
    let o = run(&format!("{entry} --rules {KB} {NEGATIVE}"), &[]);
    assert_eq!(o.status.code(), Some(0));
    // The documented `args: [--against=DIR]`: a changed article against the others
    // (as one word, or `--against` would take the appended files as archives too).
    let (draft, archive, _tmp) = two_halves();
    let o = run(
        &format!(
            "{entry} --rules {KB} --against={} {}",
            archive.display(),
            draft.display()
        ),
        &[],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The positive fixture's two articles: one in `draft.txt`, one in `archive/`, in a
/// temporary folder (returned as the draft, the archive and the folder's guard).
fn two_halves() -> (std::path::PathBuf, std::path::PathBuf, tempfile::TempDir) {
    let text = std::fs::read_to_string(POSITIVE).expect("fixture");
    let at = text.find("诺兰新政府").expect("the second article");
    let tmp = tempfile::tempdir().expect("tempdir");
    let archive = tmp.path().join("archive");
    std::fs::create_dir(&archive).expect("mkdir");
    std::fs::write(archive.join("old.txt"), &text[at..]).expect("write");
    let draft = tmp.path().join("draft.txt");
    std::fs::write(&draft, &text[..at]).expect("write");
    (draft, archive, tmp)
}

#[test]
fn github_action_commands_run_as_written() {
    let yaml = std::fs::read_to_string("action.yml").expect("the action");
    let lines: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("run: claimcheck "))
        .collect();
    assert_eq!(lines.len(), 2, "a SARIF run and an annotations run");
    assert!(yaml.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\""));
    assert!(yaml.contains("github/codeql-action/upload-sarif@"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let sarif = tmp.path().join("claimcheck.sarif");
    let args = format!("--rules {KB}");
    let env = [
        ("PATHS", POSITIVE),
        ("ARGS", args.as_str()),
        ("FAIL_ON", "error"),
    ];
    let sarif_line = format!("claimcheck {}", lines[0]).replace(
        "--output claimcheck.sarif",
        &format!("--output {}", sarif.display()),
    );
    let o = run(&sarif_line, &env);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).expect("SARIF written"))
            .expect("JSON");
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "role-holder-conflict");
    let o = run(&format!("claimcheck {}", lines[1]), &env);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("::error file="));
    let never = [
        ("PATHS", POSITIVE),
        ("ARGS", args.as_str()),
        ("FAIL_ON", "never"),
    ];
    assert_eq!(
        run(&format!("claimcheck {}", lines[1]), &never)
            .status
            .code(),
        Some(0)
    );
    assert!(
        Path::new("Cargo.lock").exists(),
        "--locked needs the lock file"
    );
}
