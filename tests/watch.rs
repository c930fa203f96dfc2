//! `check --watch`: a report now, another when an article changes, a clean stop on
//! Ctrl-C (SIGINT).
#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const KB: &str = "tests/fixtures/kb";

#[test]
fn watch_rechecks_on_change_and_stops_cleanly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::copy(
        format!("{root}/tests/fixtures/role-holder-conflict/negative/article.txt"),
        tmp.path().join("a.txt"),
    )
    .expect("copy");
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--watch", "--format", "json", "--rules"])
        .arg(format!("{root}/{KB}"))
        .arg(tmp.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let (tx, rx) = mpsc::channel();
    let err = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut out = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let wait_for = |want: &str| loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) if line.contains(want) => return,
            Ok(_) => {}
            Err(e) => panic!("no {want:?} on stderr: {e}"),
        }
    };
    wait_for("watching (exit status 0)");
    // A new article with a wrong office holder: the next run finds it.
    std::fs::copy(
        format!("{root}/tests/fixtures/role-holder-conflict/positive/article.txt"),
        tmp.path().join("b.txt"),
    )
    .expect("copy");
    wait_for("watching (exit status 1)");
    // A file that is not an article changes nothing (no run); Ctrl-C stops.
    std::fs::write(tmp.path().join("notes.log"), "x").expect("write");
    // SAFETY: signals the child this test started.
    let sent = unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    assert_eq!(sent, 0);
    wait_for("stopped watching");
    let status = child.wait().expect("the watch ends");
    assert_eq!(status.code(), Some(0));
    let stdout = reader.join().expect("stdout read");
    // Two reports, the second with the finding.
    assert_eq!(stdout.matches("\"summary\"").count(), 2, "{stdout}");
    assert!(stdout.contains("role-holder-conflict"));
}

#[test]
fn watch_refuses_what_it_cannot_watch() {
    let o = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--watch", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot watch standard input"));
    let o = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--watch", "--fix", "x"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
}
