//! Nothing lost, nothing overwritten, nothing read twice (issue 18): write errors,
//! outputs that name an input, empty runs, fingerprints that do not depend on how a
//! path was typed, one result per source, reports skipped as articles, names in
//! output, size caps on the files claimcheck reads, symlinked folders, rules folders.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{claimcheck, json, run_in, stderr, stdout};

const KB: &str = "tests/fixtures/kb";
const POSITIVE: &str = "tests/fixtures/role-holder-conflict/positive/article.txt";

/// A fresh folder under the target dir, removed first if a run left it.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("robust")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch folder");
    d
}

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn code(o: &Output) -> Option<i32> {
    o.status.code()
}

#[test]
fn a_write_error_on_stdout_is_exit_status_2_whatever_fail_on_says() {
    for format in ["human", "json", "sarif", "github", "markdown", "html"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args([
                "check",
                "--rules",
                KB,
                "--fail-on",
                "never",
                "--format",
                format,
                POSITIVE,
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        assert_eq!(code(&o), Some(2), "{format}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("cannot write to standard output"),
            "{format}: {}",
            stderr(&o)
        );
    }
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let o = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["extract", "--rules", KB, "--format", "json", POSITIVE])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::from(full))
        .output()
        .expect("runs");
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
}

#[test]
fn an_output_naming_an_input_article_is_refused_and_the_article_kept() {
    let d = scratch("overwrite");
    std::fs::create_dir(d.join("articles")).expect("folder");
    let original = std::fs::read_to_string(fixture(POSITIVE)).expect("fixture");
    std::fs::write(d.join("articles/a.txt"), &original).expect("article");
    std::os::unix::fs::symlink("articles/a.txt", d.join("link.txt")).expect("symlink");
    let kb = fixture(KB);
    let kb = kb.to_str().expect("UTF-8");
    let cases: &[&[&str]] = &[
        &[
            "check",
            "--rules",
            kb,
            "articles",
            "--output",
            "articles/a.txt",
        ],
        &[
            "check",
            "--rules",
            kb,
            "articles",
            "-o",
            "./articles/../articles/a.txt",
        ],
        &["check", "--rules", kb, "articles", "--output", "link.txt"],
        &[
            "check",
            "--rules",
            kb,
            "articles",
            "--write-baseline",
            "articles/a.txt",
        ],
        &[
            "extract",
            "--rules",
            kb,
            "articles",
            "--output",
            "articles/a.txt",
        ],
        &["index", "--rules", kb, "articles", "-o", "articles/a.txt"],
    ];
    for args in cases {
        let o = run_in(&d, args);
        assert_eq!(code(&o), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("is one of the input articles"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert_eq!(stderr(&o).lines().count(), 1, "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
        let now = std::fs::read_to_string(d.join("articles/a.txt")).expect("still there");
        assert_eq!(now, original, "{args:?} overwrote the article");
    }
    // A new file, or one that is not an input, is written as before.
    let o = run_in(
        &d,
        &["check", "--rules", kb, "articles", "--output", "report.txt"],
    );
    assert_eq!(code(&o), Some(1), "{}", stderr(&o));
    assert!(d.join("report.txt").exists());
}
