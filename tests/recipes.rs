//! The README's recipes, run as written: the commands are read out of README.md, so a
//! recipe that stops working fails here.

use std::path::Path;
use std::process::Command;

/// The `claimcheck …` command lines of a README section (from its heading to the next).
fn commands(section: &str) -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme
        .find(section)
        .unwrap_or_else(|| panic!("README has no {section:?}"));
    let rest = &readme[start + section.len()..];
    let body = &rest[..rest
        .find("\n### ")
        .or_else(|| rest.find("\n## "))
        .unwrap_or(rest.len())];
    body.lines()
        .filter_map(|l| {
            let l = l.trim().trim_start_matches("- run: ");
            l.starts_with("claimcheck ")
                .then(|| l.split_whitespace().skip(1).map(String::from).collect())
        })
        .collect()
}

/// Runs a recipe's command in `dir`, with the fixture knowledge base added after the
/// subcommand (the recipes' articles use the fixtures' fictional world).
fn run(dir: &Path, args: &[String]) -> std::process::Output {
    let kb = Path::new("tests/fixtures/kb").canonicalize().expect("kb");
    let (sub, rest) = args.split_first().expect("a subcommand");
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg(sub)
        .arg("--rules")
        .arg(kb)
        .args(rest)
        .current_dir(dir)
        .output()
        .expect("runs")
}

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::copy(from, to).expect("copy");
}

#[test]
fn ci_recipe_writes_sarif_and_annotations() {
    let cmds = commands("### In CI");
    assert_eq!(cmds.len(), 2, "{cmds:?}");
    let dir = tempfile::tempdir().expect("temp dir");
    copy(
        "tests/fixtures/quantity-conflict/positive/article.txt",
        &dir.path().join("articles/lithium.txt"),
    );
    let sarif = run(dir.path(), &cmds[0]);
    assert_eq!(
        sarif.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&sarif.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("claimcheck.sarif")).expect("SARIF written"),
    )
    .expect("JSON");
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "quantity-conflict");
    let github = run(dir.path(), &cmds[1]);
    assert_eq!(github.status.code(), Some(1));
    let out = String::from_utf8_lossy(&github.stdout);
    assert!(
        out.starts_with("::error file=articles/lithium.txt,line=8,"),
        "{out}"
    );
}

#[test]
fn pre_publication_recipe_reports_the_draft() {
    let cmds = commands("### Before publication");
    assert_eq!(cmds.len(), 1, "{cmds:?}");
    let dir = tempfile::tempdir().expect("temp dir");
    copy(
        "tests/fixtures/config/draft.txt",
        &dir.path().join("drafts/new-story.txt"),
    );
    copy(
        "tests/fixtures/config/archive.txt",
        &dir.path().join("archive/older.txt"),
    );
    let o = run(dir.path(), &cmds[0]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let review = std::fs::read_to_string(dir.path().join("review.md")).expect("review written");
    assert!(review.contains("quantity-conflict"), "{review}");
    assert!(review.contains("drafts/new\\-story.txt"), "{review}");
}
