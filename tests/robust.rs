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
