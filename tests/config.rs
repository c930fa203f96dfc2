//! Project settings and review workflow: inline suppressions, `claimcheck.toml`
//! (found by walking up, or `--config`), `check --against`, `check --diff`.

mod common;

use std::path::Path;
use std::process::Output;

use common::{claimcheck, run_in, stderr, stdout};
use serde_json::Value;

const KB: &str = "tests/fixtures/kb";
const DIR: &str = "tests/fixtures/config";
const QUANTITY: &str = "tests/fixtures/quantity-conflict/positive/article.txt";

/// The findings of a `--format json` run as (rule, severity, primary text, line, column).
fn findings(o: &Output) -> Vec<(String, String, String, u64, u64)> {
    let v: Value = serde_json::from_str(&stdout(o)).unwrap_or_else(|e| {
        panic!("JSON: {e}\n{}\n{}", stdout(o), stderr(o));
    });
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let p = &f["locations"][0];
            assert_eq!(p["role"], "primary");
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["severity"].as_str().unwrap_or("").to_string(),
                p["text"].as_str().unwrap_or("").to_string(),
                p["line"].as_u64().unwrap_or(0),
                p["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn f(rule: &str, sev: &str, text: &str, line: u64, col: u64) -> (String, String, String, u64, u64) {
    (rule.into(), sev.into(), text.into(), line, col)
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// A copy of a fixture with the lines holding `claimcheck` removed.
fn without_suppression(dir: &Path, name: &str) -> String {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    let kept: String = text
        .lines()
        .map(|l| match l.find("claimcheck: ignore") {
            Some(i) => format!("{}\n", l[..i].trim_end()),
            None if l.contains("claimcheck") => String::new(),
            None => format!("{l}\n"),
        })
        .collect();
    let p = dir.join(name);
    std::fs::write(&p, kept).expect("write");
    p.display().to_string()
}

#[test]
fn markdown_comment_silences_the_next_non_empty_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        &fixture("suppress.md"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The conflict is gone; the unknown id in the list is reported at its text.
    assert_eq!(
        findings(&o),
        vec![f("unknown-suppression", "warning", "no-such-rule", 10, 54)]
    );
    let bare = without_suppression(tmp.path(), "suppress.md");
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", &bare]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        findings(&o),
        vec![f("quantity-conflict", "error", "8,000 tonnes", 11, 67)]
    );
}

#[test]
fn markdown_comment_before_another_line_does_not_silence() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // The comment sits before the other side of the conflict, not the reported one.
    let text = std::fs::read_to_string(fixture("suppress.md"))
        .expect("fixture")
        .replace(
            "<!-- claimcheck-disable-next-line quantity-conflict, no-such-rule -->\n",
            "",
        )
        .replace(
            "# Lithium figures\n",
            "# Lithium figures\n<!-- claimcheck-disable-next-line quantity-conflict -->\n",
        );
    let p = tmp.path().join("other.md");
    std::fs::write(&p, text).expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        p.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    // … and the comment that silences nothing is reported at its rule id.
    assert_eq!(
        findings(&o),
        vec![
            f("quantity-conflict", "error", "8,000 tonnes", 12, 67),
            f("unused-suppression", "warning", "quantity-conflict", 7, 35)
        ]
    );
}

#[test]
fn html_comment_silences_the_next_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        &fixture("suppress.html"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(findings(&o), vec![]);
    let bare = without_suppression(tmp.path(), "suppress.html");
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", &bare]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        findings(&o),
        vec![f("quantity-conflict", "error", "8,000 tonnes", 4, 70)]
    );
}

#[test]
fn plain_text_ignore_silences_its_own_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        &fixture("suppress.txt"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        findings(&o),
        vec![f("unknown-suppression", "warning", "no-such-rule", 8, 142)]
    );
    // The warning counts at --fail-on warning.
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--fail-on",
        "warning",
        &fixture("suppress.txt"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    // Without the marker the conflict is back; a marker for another rule changes nothing.
    let bare = without_suppression(tmp.path(), "suppress.txt");
    let expected = vec![f("quantity-conflict", "error", "8,000 tonnes", 8, 61)];
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", &bare]);
    assert_eq!((o.status.code(), findings(&o)), (Some(1), expected.clone()));
    let text = std::fs::read_to_string(fixture("suppress.txt"))
        .expect("fixture")
        .replace("[quantity-conflict,no-such-rule]", "[date-conflict]");
    let other = tmp.path().join("other.txt");
    std::fs::write(&other, text).expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        other.to_str().unwrap(),
    ]);
    // … and that marker is reported as silencing nothing.
    let mut expected = expected;
    expected.push(f("unused-suppression", "warning", "date-conflict", 8, 124));
    assert_eq!((o.status.code(), findings(&o)), (Some(1), expected));
}

#[test]
fn unused_suppressions_follow_severity_and_their_own_suppression() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let text = "Norland output\nWire·2025-01-20 09:00\n\n\
                Norland Mining produced 8,000 tonnes in 2024. claimcheck: ignore[date-conflict]\n";
    std::fs::write(tmp.path().join("a.txt"), text).expect("write");
    let kb = Path::new(env!("CARGO_MANIFEST_DIR")).join(KB);
    let kb = kb.to_str().unwrap();
    let args = ["check", "--rules", kb, "--format", "json", "a.txt"];
    let o = run_in(tmp.path(), &args);
    let unused = f("unused-suppression", "warning", "date-conflict", 4, 66);
    assert_eq!(
        (o.status.code(), findings(&o)),
        (Some(0), vec![unused.clone()])
    );
    // `[severity]` sets it like a rule's: an error fails the run, `off` drops it.
    let config = tmp.path().join("claimcheck.toml");
    std::fs::write(&config, "[severity]\nunused-suppression = \"error\"\n").expect("write");
    let o = run_in(tmp.path(), &args);
    let mut as_error = unused.clone();
    as_error.1 = "error".into();
    assert_eq!((o.status.code(), findings(&o)), (Some(1), vec![as_error]));
    std::fs::write(&config, "[severity]\nunused-suppression = \"off\"\n").expect("write");
    let o = run_in(tmp.path(), &args);
    assert_eq!((o.status.code(), findings(&o)), (Some(0), vec![]));
    std::fs::remove_file(&config).expect("remove");
    // Naming it on the line silences it there (and is itself never "unused").
    let text = text.replace("[date-conflict]", "[date-conflict, unused-suppression]");
    std::fs::write(tmp.path().join("a.txt"), text).expect("write");
    let o = run_in(tmp.path(), &args);
    assert_eq!((o.status.code(), findings(&o)), (Some(0), vec![]));
}

/// The README's `claimcheck.toml` example, as documented.
fn readme_example() -> String {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let section = readme
        .split("## Configuration")
        .nth(1)
        .expect("a Configuration section");
    let start = section.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let len = section[start..].find("```").expect("closed block");
    section[start..start + len].to_string()
}

#[test]
fn readme_example_config_is_found_by_walking_up_and_applied() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    std::fs::write(root.join("claimcheck.toml"), readme_example()).expect("write");
    std::fs::create_dir_all(root.join("kb")).expect("mkdir");
    std::fs::copy("tests/fixtures/kb/world.toml", root.join("kb/world.toml")).expect("copy");
    for d in ["news", "news/drafts", "sub"] {
        std::fs::create_dir_all(root.join(d)).expect("mkdir");
    }
    // Read: a quantity conflict (now a warning) and a name variant (now off).
    std::fs::copy(QUANTITY, root.join("news/lithium.txt")).expect("copy");
    std::fs::copy(
        "tests/fixtures/entity-name-variant/positive/article.txt",
        root.join("news/variant.txt"),
    )
    .expect("copy");
    // Not read: excluded by `drafts/**`, or not matched by `**/*.txt`.
    std::fs::copy(
        "tests/fixtures/role-holder-conflict/positive/article.txt",
        root.join("news/drafts/pm.txt"),
    )
    .expect("copy");
    let md = without_suppression(root, "suppress.md");
    std::fs::rename(md, root.join("news/y.md")).expect("move");

    // Run from a subfolder: the file above is found.
    let o = run_in(&root.join("sub"), &["check", "--format", "json", "../news"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let ids: Vec<&str> = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "../news/lithium.txt#1",
            "../news/lithium.txt#2",
            "../news/variant.txt"
        ]
    );
    assert_eq!(
        findings(&o),
        vec![f("quantity-conflict", "warning", "8,000 tonnes", 8, 61)]
    );
    // `rules` shows the severities in force.
    let o = run_in(&root.join("sub"), &["rules"]);
    let out = stdout(&o);
    for (id, sev) in [
        ("entity-name-variant", "off"),
        ("quantity-conflict", "warning"),
        ("role-holder-conflict", "error"),
    ] {
        assert!(out.contains(&format!("{id:<28} {sev:<8} ")), "{out}");
    }

    // An undated article takes the reference date.
    std::fs::write(
        root.join("news/undated.txt"),
        "The pit reopened on March 3.\n",
    )
    .expect("write");
    let o = run_in(root, &["extract", "--format", "json", "news/undated.txt"]);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["sources"][0]["date"], "2025-01-31");
    assert_eq!(v["claims"][0]["kind"], "date");
    // Past tense in an article of 2025-01-31: the last March 3 before it.
    assert_eq!(v["claims"][0]["value"], "2024-03-03");
    // Without the config it stays undated.
    let o = run_in(
        root,
        &[
            "extract",
            "--config",
            "/dev/null",
            "--format",
            "json",
            "news/undated.txt",
        ],
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["sources"][0]["date"], Value::Null);
    assert_ne!(v["claims"][0]["value"], "2024-03-03");
}

#[test]
fn without_a_config_nothing_changes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::copy(QUANTITY, tmp.path().join("a.txt")).expect("copy");
    std::fs::create_dir(tmp.path().join("drafts")).expect("mkdir");
    std::fs::copy(QUANTITY, tmp.path().join("drafts/b.txt")).expect("copy");
    let kb = Path::new(env!("CARGO_MANIFEST_DIR")).join(KB);
    let o = run_in(
        tmp.path(),
        &[
            "check",
            "--rules",
            kb.to_str().unwrap(),
            "--format",
            "json",
            ".",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["summary"]["sources"], 4, "drafts/ is read too");
    assert_eq!(
        findings(&o),
        vec![f("quantity-conflict", "error", "8,000 tonnes", 8, 61)]
    );
}

#[test]
fn explicit_config_wins_over_the_one_found() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("claimcheck.toml"),
        "[severity]\nquantity-conflict = \"off\"\n",
    )
    .expect("write");
    std::fs::write(
        tmp.path().join("other.toml"),
        "[severity]\nquantity-conflict = \"info\"\n",
    )
    .expect("write");
    std::fs::copy(QUANTITY, tmp.path().join("a.txt")).expect("copy");
    let kb = Path::new(env!("CARGO_MANIFEST_DIR")).join(KB);
    let kb = kb.to_str().unwrap();
    let o = run_in(
        tmp.path(),
        &["check", "--rules", kb, "--format", "json", "a.txt"],
    );
    assert_eq!((o.status.code(), findings(&o)), (Some(0), vec![]));
    let o = run_in(
        tmp.path(),
        &[
            "check",
            "--config",
            "other.toml",
            "--rules",
            kb,
            "--format",
            "json",
            "a.txt",
        ],
    );
    assert_eq!(
        (o.status.code(), findings(&o)),
        (
            Some(0),
            vec![f("quantity-conflict", "info", "8,000 tonnes", 8, 61)]
        )
    );
}

/// Runs `check` with `text` as the config and returns (status, stdout, stderr).
fn bad_config(text: &str) -> (Option<i32>, String, String) {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("claimcheck.toml"), text).expect("write");
    std::fs::copy(QUANTITY, tmp.path().join("a.txt")).expect("copy");
    let o = run_in(tmp.path(), &["check", "a.txt"]);
    (o.status.code(), stdout(&o), stderr(&o))
}

#[test]
fn malformed_config_is_one_line_with_its_position() {
    let err = |m: &str| (Some(2), String::new(), format!("claimcheck: error: {m}\n"));
    assert_eq!(
        bad_config("exclude = [\"a\"]\nrulez = []\n"),
        err(
            "claimcheck.toml:2:1: unknown field `rulez`, expected one of `rules`, `severity`, `include`, `exclude`, `reference_date`, `claimreview`, `lsp`"
        )
    );
    assert_eq!(
        bad_config("[severity]\n  no-such-rule = \"off\"\n").2,
        err("claimcheck.toml:2:3: unknown rule \"no-such-rule\" (rules: role-holder-conflict, acronym-expansion-mismatch, entity-name-variant, quantity-conflict, date-conflict, reference-mismatch, unknown-suppression, unused-suppression)").2
    );
    assert_eq!(
        bad_config("[severity]\nquantity-conflict = \"loud\"\n"),
        err("claimcheck.toml:2:21: severity \"loud\" is not one of error, warning, info, off")
    );
    assert_eq!(
        bad_config("reference_date = \"2025-13-01\"\n"),
        err("claimcheck.toml:1:18: reference_date \"2025-13-01\" is not YYYY-MM-DD")
    );
    assert_eq!(
        bad_config("include = [\"a[\"]\n"),
        err("claimcheck.toml:1:12: unclosed character class; missing ']'")
    );
    assert_eq!(
        bad_config("rules = [\n"),
        err("claimcheck.toml:1:10: unclosed array, expected `]`")
    );
    // A config naming a missing file is an error too.
    let o = claimcheck(&["rules", "--config", "no/such.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("claimcheck: error: no/such.toml: cannot read config"));
}

#[test]
fn against_reports_only_the_drafts_findings_there() {
    let draft = fixture("draft.txt");
    let archive = fixture("archive.txt");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        &draft,
        "--against",
        &archive,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        findings(&o),
        vec![f("quantity-conflict", "error", "8,000 tonnes", 4, 61)]
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["findings"][0]["locations"][0]["source"], draft.as_str());
    assert_eq!(v["findings"][0]["locations"][1]["source"], archive.as_str());
    assert_eq!(v["findings"][0]["locations"][1]["role"], "related");
    // Roles swap: the archive's side was primary, the draft's side is reported.
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        &archive,
        "--against",
        &draft,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        findings(&o),
        vec![f("quantity-conflict", "error", "12,000 tonnes", 4, 61)]
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["findings"][0]["locations"][1]["source"], draft.as_str());
    assert_eq!(v["findings"][0]["locations"][1]["role"], "related");
    // The message is restated from the draft's side.
    let message = v["findings"][0]["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with(
            "Norland Minerals Agency lithium production for 2024 is 12000 t here, but 8000 t in"
        ),
        "{message}"
    );
}

#[test]
fn against_ignores_conflicts_inside_the_archive() {
    // The archive contradicts itself; the draft states nothing in question.
    let tmp = tempfile::tempdir().expect("tempdir");
    let draft = tmp.path().join("draft.txt");
    std::fs::write(
        &draft,
        "The harvest fair in the valley drew a large crowd.\n",
    )
    .expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        draft.to_str().unwrap(),
        "--against",
        QUANTITY,
    ]);
    assert_eq!((o.status.code(), findings(&o)), (Some(0), vec![]));
    // The same archive alone has its conflict.
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", QUANTITY]);
    assert_eq!(findings(&o).len(), 1);
}

#[test]
fn diff_prints_the_correction_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("pm.txt");
    std::fs::copy(
        "tests/fixtures/role-holder-conflict/positive/article.txt",
        &path,
    )
    .expect("copy");
    let before = std::fs::read(&path).expect("read");
    let p = path.to_str().unwrap();
    // An absolute path loses its leading `/` after `a/` and `b/`.
    let q = p.trim_start_matches('/');
    let o = claimcheck(&["check", "--rules", KB, "--diff", p]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!(
            "--- a/{q}\n+++ b/{q}\n@@ -3,3 +3,3 @@\n \n\
             -Norland's Prime Minister Ada Lindqvist opened the mining fair on Monday [1].\n\
             +Norland's Prime Minister Bo Hedman opened the mining fair on Monday [1].\n \
             诺兰新政府公布矿业计划\n"
        )
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the article is untouched"
    );
    // A finding with no expected value has no correction to show.
    let o = claimcheck(&["check", "--rules", KB, "--diff", QUANTITY]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(1), String::new()));
    // No finding, no diff.
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--diff",
        "tests/fixtures/role-holder-conflict/negative/article.txt",
    ]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
}

/// Runs `rules --rules DIR` with `text` as DIR/s.toml and returns (status, stderr)
/// with the folder shown as `DIR`.
fn bad_settings(text: &str) -> (Option<i32>, String) {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("s.toml"), text).expect("write");
    let dir = tmp.path().to_str().unwrap_or("");
    let o = claimcheck(&["rules", "--rules", dir]);
    (o.status.code(), stderr(&o).replace(dir, "DIR"))
}

#[test]
fn rules_folder_settings_are_checked_against_the_rules() {
    let err = |m: &str| (Some(2), format!("claimcheck: error: {m}\n"));
    assert_eq!(
        bad_settings("[rule.no-such-rule]\nseverity = \"off\"\n"),
        err(
            "DIR/s.toml:1:7: unknown rule \"no-such-rule\" (rules: role-holder-conflict, acronym-expansion-mismatch, entity-name-variant, quantity-conflict, date-conflict, reference-mismatch, unknown-suppression, unused-suppression)"
        )
    );
    assert_eq!(
        bad_settings("[rule.quantity-conflict]\nparams = { relative_tolerence = 0.05 }\n"),
        err(
            "DIR/s.toml:2:12: unknown field `relative_tolerence`, expected one of `relative_tolerance`, `about_tolerance`, `nearly_tolerance`, `min_shared_context`, `min_similarity`, `min_similarity_one_named`, `min_similarity_unnamed`, `min_similarity_unlinked`, `same_source_similarity`, `story_min_shared`, `story_max_days_apart`, `story_max_feature_sources`, `idf_prior`"
        )
    );
    // A count is a whole number.
    assert_eq!(
        bad_settings(
            "[rule.date-conflict]\nparams = { max_days_apart = 30, min_shared_entities = 1.5 }\n"
        ),
        err("DIR/s.toml:2:55: invalid type: floating point `1.5`, expected usize")
    );
    assert_eq!(
        bad_settings("[rule.quantity-conflict]\nseverity = \"loud\"\n"),
        err(
            "DIR/s.toml:2:12: unknown severity \"loud\"; expected \"error\", \"warning\", \"info\" or \"off\""
        )
    );
    assert_eq!(
        bad_settings("[rule.unknown-suppression]\nseverity = \"off\"\nparams = { x = 1 }\n"),
        err("DIR/s.toml:3:12: unknown field `x`, there are no fields")
    );
    // A file is not a folder.
    let o = claimcheck(&["rules", "--rules", QUANTITY]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "claimcheck: error: {QUANTITY}: not a folder (--rules takes a folder of .toml files)\n"
        )
    );
}

#[test]
fn rules_folder_settings_set_levels_and_params() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("s.toml"),
        "[rule.quantity-conflict]\nseverity = \"info\"\nparams = { relative_tolerance = 0.5 }\n",
    )
    .expect("write");
    let dir = tmp.path().to_str().unwrap_or("");
    let o = claimcheck(&["rules", "--rules", dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("quantity-conflict            info "),
        "{}",
        stdout(&o)
    );
}
