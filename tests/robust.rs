//! Nothing lost, nothing overwritten, nothing read twice (issue 18): write errors,
//! outputs that name an input, empty runs, fingerprints that do not depend on how a
//! path was typed, one result per source, reports skipped as articles, names in
//! output, size caps on the files claimcheck reads, symlinked folders, rules folders.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{json, run_in, stderr, stdout};

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

#[test]
fn a_run_with_no_article_and_an_empty_index_are_exit_status_2() {
    let d = scratch("empty");
    for sub in ["empty", "drafts", "archive"] {
        std::fs::create_dir(d.join(sub)).expect("folder");
    }
    // Files that are not articles are not read: still nothing found.
    std::fs::write(d.join("empty/notes.csv"), "a,b\n").expect("csv");
    std::fs::copy(fixture(POSITIVE), d.join("drafts/a.txt")).expect("draft");
    let kb = fixture(KB);
    let kb = kb.to_str().expect("UTF-8");
    let o = run_in(&d, &["check", "--rules", kb, "empty"]);
    let msg = stderr(&o);
    assert_eq!(code(&o), Some(2), "{msg}");
    assert!(msg.contains("no article found in empty"), "{msg}");
    assert!(o.stdout.is_empty());
    for args in [
        &["check", "--rules", kb, "--format", "json", "empty"][..],
        &["extract", "--rules", kb, "empty"],
        &["index", "--rules", kb, "empty", "-o", "x.claims"],
        &["check", "--rules", kb, "empty", "--against", "drafts"],
    ] {
        let o = run_in(&d, args);
        assert_eq!(code(&o), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("no article found"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    assert!(
        !d.join("x.claims").exists(),
        "no index written from nothing"
    );
    // An index file with nothing in it: a 0-byte file, or an index of no article.
    std::fs::write(d.join("zero.claims"), "").expect("zero");
    let o = run_in(
        &d,
        &["check", "--rules", kb, "drafts", "--against", "zero.claims"],
    );
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("zero.claims: empty file"),
        "{}",
        stderr(&o)
    );
    std::fs::write(d.join("archive/bin.txt"), b"\0\0").expect("binary");
    let o = run_in(
        &d,
        &["index", "--rules", kb, "archive", "-o", "none.claims"],
    );
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    let o = run_in(
        &d,
        &["check", "--rules", kb, "drafts", "--against", "none.claims"],
    );
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("empty claim index"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    // An empty article is still an article.
    std::fs::write(d.join("empty/blank.txt"), "").expect("blank");
    assert_eq!(
        code(&run_in(&d, &["check", "--rules", kb, "empty"])),
        Some(0)
    );
}

const A: &str = "Norland picks a new course\nNorthern Wire·2024-09-02 08:00\n\n\
                 Norland's Prime Minister Ada Lindqvist opened the mining fair on Monday.\n";
const B: &str = "Fair\nHarbour Daily·2024-09-03 10:00\n\n\
                 The fair was opened by Prime Minister Bo Hedman, who took office in July.\n";
/// A later article repeating A's known error.
const C: &str = "Fair again\nHarbour Daily·2024-09-04 10:00\n\n\
                 Norland's Prime Minister Ada Lindqvist spoke.\n";

/// A project: `claimcheck.toml` naming the test knowledge base, `articles/` with `files`.
fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let d = scratch(name);
    std::fs::create_dir(d.join("articles")).expect("folder");
    let kb = fixture(KB);
    std::fs::write(
        d.join("claimcheck.toml"),
        format!("rules = [{:?}]\n", kb.to_str().expect("UTF-8")),
    )
    .expect("config");
    for (n, text) in files {
        std::fs::write(d.join("articles").join(n), text).expect("article");
    }
    d
}

fn sarif_fingerprints(v: &serde_json::Value) -> Vec<String> {
    v["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            r["partialFingerprints"]["claimcheck/v2"]
                .as_str()
                .expect("fp")
                .to_string()
        })
        .collect()
}

#[test]
fn fingerprints_do_not_depend_on_how_the_path_was_typed() {
    let d = project("fingerprints", &[("a.txt", A), ("b.txt", B)]);
    let abs = d.join("articles");
    let abs = abs.to_str().expect("UTF-8");
    let fps: Vec<Vec<String>> = ["articles", "./articles", "articles/../articles/", abs]
        .iter()
        .map(|p| {
            let o = run_in(&d, &["check", "--format", "sarif", p]);
            assert_eq!(code(&o), Some(1), "{p}: {}", stderr(&o));
            sarif_fingerprints(&json(&o))
        })
        .collect();
    assert!(!fps[0].is_empty());
    assert!(fps.iter().all(|f| f == &fps[0]), "{fps:?}");
    // From a folder below the project root too (its claimcheck.toml is found above).
    std::fs::create_dir(d.join("sub")).expect("sub");
    let o = run_in(
        &d.join("sub"),
        &["check", "--format", "sarif", "../articles"],
    );
    assert_eq!(sarif_fingerprints(&json(&o)), fps[0]);
    // A baseline written with one spelling hides the findings under every other.
    let o = run_in(&d, &["check", "articles", "--write-baseline", "base.json"]);
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    for p in ["./articles", abs, "articles/a.txt"] {
        let o = run_in(
            &d,
            &["check", "--format", "json", "--baseline", "base.json", p],
        );
        assert_eq!(code(&o), Some(0), "{p}: {}", stdout(&o));
        assert_eq!(json(&o)["findings"], serde_json::json!([]), "{p}");
    }
    let o = run_in(
        &d.join("sub"),
        &["check", "--baseline", "../base.json", "../articles"],
    );
    assert_eq!(code(&o), Some(0), "{}", stdout(&o));
}

#[test]
fn a_version_1_baseline_is_refused_with_how_to_rewrite_it() {
    let d = project("old-baseline", &[("a.txt", A), ("b.txt", B)]);
    std::fs::write(
        d.join("old.json"),
        "{\"version\": 1, \"fingerprints\": [\"0123456789abcdef\"]}\n",
    )
    .expect("old baseline");
    let o = run_in(&d, &["check", "articles", "--baseline", "old.json"]);
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    let msg = stderr(&o);
    assert!(
        msg.contains("version 1 baseline") && msg.contains("--write-baseline old.json"),
        "{msg}"
    );
    assert_eq!(msg.lines().count(), 1, "{msg}");
    assert!(o.stdout.is_empty());
}

#[test]
fn every_source_at_fault_gets_its_own_sarif_result_and_github_annotation() {
    let d = project("per-source", &[("a.txt", A), ("b.txt", B), ("c.txt", C)]);
    let o = run_in(&d, &["check", "--format", "sarif", "articles"]);
    let v = json(&o);
    let results = v["runs"][0]["results"].as_array().expect("results");
    let uri = |r: &serde_json::Value| {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri")
            .to_string()
    };
    let uris: Vec<String> = results.iter().map(uri).collect();
    // b.txt names the right holder: it is a related location, not at fault.
    assert_eq!(uris, ["articles/a.txt", "articles/c.txt"], "{v:#}");
    for r in results {
        let related: Vec<String> = r["relatedLocations"]
            .as_array()
            .expect("related")
            .iter()
            .map(|l| {
                l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or("")
                    .into()
            })
            .collect();
        assert_eq!(related.len(), 2);
        assert!(!related.contains(&uri(r)));
    }
    let fps = sarif_fingerprints(&v);
    assert_ne!(fps[0], fps[1]);
    let o = run_in(&d, &["check", "--format", "github", "articles"]);
    let out = stdout(&o);
    let files: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split("file=").nth(1)?.split(',').next())
        .collect();
    assert_eq!(
        files,
        ["articles/a.txt", "articles/c.txt"],
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_baseline_recognizes_old_findings_per_file() {
    let d = project("baseline-per-file", &[("a.txt", A), ("b.txt", B)]);
    let o = run_in(&d, &["check", "articles", "--write-baseline", "base.json"]);
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    let fp_a = {
        let o = run_in(&d, &["check", "--format", "sarif", "articles"]);
        sarif_fingerprints(&json(&o))
    };
    // A new article repeats the known error: it is reported, located in the new file.
    std::fs::write(d.join("articles/c.txt"), C).expect("c");
    let o = run_in(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "base.json",
            "articles",
        ],
    );
    assert_eq!(code(&o), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let f = &v["findings"].as_array().expect("findings")[..];
    assert_eq!(f.len(), 1, "{v:#}");
    assert_eq!(f[0]["locations"][0]["path"], "articles/c.txt");
    assert_eq!(f[0]["locations"][0]["role"], "primary");
    let o = run_in(
        &d,
        &[
            "check",
            "--format",
            "sarif",
            "--baseline",
            "base.json",
            "articles",
        ],
    );
    let v = json(&o);
    let results = v["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "{v:#}");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "articles/c.txt"
    );
    // Without the baseline, a.txt's result keeps the fingerprint it had before c.txt.
    let o = run_in(&d, &["check", "--format", "sarif", "articles"]);
    assert_eq!(sarif_fingerprints(&json(&o))[0], fp_a[0]);
    let o = run_in(
        &d,
        &[
            "check",
            "--format",
            "github",
            "--baseline",
            "base.json",
            "articles",
        ],
    );
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    assert!(stdout(&o).contains("file=articles/c.txt"), "{}", stdout(&o));
}

#[test]
fn reports_written_into_the_checked_folder_are_skipped_with_a_note() {
    let d = project("reports", &[("a.txt", A), ("b.txt", B)]);
    let first = run_in(&d, &["check", "--format", "json", "articles"]);
    let n = json(&first)["summary"]["findings"].clone();
    for (format, name) in [("markdown", "review.md"), ("html", "review.html")] {
        let out = format!("articles/{name}");
        let o = run_in(
            &d,
            &["check", "--format", format, "articles", "--output", &out],
        );
        assert_eq!(code(&o), Some(1), "{}", stderr(&o));
        let written = std::fs::read_to_string(d.join(&out)).expect("report");
        assert!(
            written.contains("claimcheck-report"),
            "{format}: not marked"
        );
        // The next run does not read it: the same findings, a note on stderr.
        let o = run_in(&d, &["check", "--format", "json", "articles"]);
        assert_eq!(json(&o)["summary"]["findings"], n, "{format}");
        assert_eq!(json(&o)["summary"]["sources"], 2, "{format}");
        assert!(
            stderr(&o).contains(&format!("note: {out}: a report claimcheck wrote")),
            "{}",
            stderr(&o)
        );
        assert_eq!(code(&o), Some(1), "a note is not an error");
    }
}

#[test]
fn skipped_files_show_in_every_format() {
    let d = project("skipped-everywhere", &[("a.txt", A), ("b.txt", B)]);
    std::fs::write(d.join("articles/bad.txt"), b"Title\n\xff\xfe broken\n").expect("bad");
    for format in ["human", "json", "sarif", "github", "markdown", "html"] {
        let o = run_in(&d, &["check", "--format", format, "articles"]);
        assert_eq!(code(&o), Some(2), "{format}: {}", stderr(&o));
        assert!(stdout(&o).contains("bad.txt"), "{format}: {}", stdout(&o));
        assert!(
            stdout(&o).contains("invalid byte at offset 6"),
            "{format}: {}",
            stdout(&o)
        );
    }
}

#[test]
fn file_names_are_escaped_in_human_output_and_their_bytes_kept_in_sarif_uris() {
    use std::os::unix::ffi::OsStrExt;
    let d = project("names", &[]);
    std::fs::write(d.join("articles/two\nlines.txt"), A).expect("newline name");
    let odd = std::ffi::OsStr::from_bytes(b"articles/caf\xe9.txt");
    std::fs::write(d.join(odd), B).expect("latin-1 name");
    let o = run_in(&d, &["check", "articles"]);
    assert_eq!(code(&o), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let arrows: Vec<&str> = out.lines().filter(|l| l.contains("-->")).collect();
    assert!(
        arrows
            .iter()
            .any(|l| l.ends_with("articles/two\\nlines.txt:4:26")),
        "{out}"
    );
    assert!(!out.lines().any(|l| l.starts_with("lines.txt")), "{out}");
    let o = run_in(&d, &["check", "--format", "sarif", "articles"]);
    let v = json(&o);
    let mut uris: Vec<String> = Vec::new();
    for r in v["runs"][0]["results"].as_array().expect("results") {
        uris.push(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or("")
                .into(),
        );
        for l in r["relatedLocations"].as_array().into_iter().flatten() {
            uris.push(
                l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or("")
                    .into(),
            );
        }
    }
    assert!(
        uris.contains(&"articles/caf%E9.txt".to_string()),
        "{uris:?}"
    );
    assert!(
        uris.contains(&"articles/two%0Alines.txt".to_string()),
        "{uris:?}"
    );
    // An error line naming such a file stays one line.
    std::fs::write(d.join("articles/bad\nname.txt"), b"\0").expect("binary");
    let o = run_in(&d, &["check", "articles"]);
    let err = stderr(&o);
    assert!(
        err.lines().any(|l| l.contains("articles/bad\\nname.txt: ")),
        "{err}"
    );
}

#[test]
fn devices_and_oversized_settings_files_are_refused_in_one_line() {
    let d = project("caps", &[("a.txt", A), ("b.txt", B)]);
    let kb = fixture(KB);
    let kb = kb.to_str().expect("UTF-8");
    // A sparse file just over each documented cap: nothing is read into memory.
    let big = |name: &str, size: u64| {
        let p = d.join(name);
        let f = std::fs::File::create(&p).expect("file");
        f.set_len(size).expect("sparse");
        p.to_str().expect("UTF-8").to_string()
    };
    let big_config = big("big.toml", (1 << 20) + 1);
    let big_baseline = big("big.json", (64 << 20) + 1);
    std::fs::create_dir(d.join("bigrules")).expect("folder");
    let _ = big("bigrules/x.toml", (256 << 20) + 1);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--config", "/dev/zero", "check", "articles"],
            "/dev/zero: cannot read config: not a regular file (a device)",
        ),
        (
            vec!["check", "--baseline", "/dev/zero", "articles"],
            "/dev/zero: cannot read the baseline: not a regular file (a device)",
        ),
        (
            vec!["--config", &big_config, "check", "articles"],
            "larger than 1 MiB",
        ),
        (
            vec!["check", "--baseline", &big_baseline, "articles"],
            "larger than 64 MiB",
        ),
        (
            vec!["check", "--rules", "bigrules", "articles"],
            "larger than 256 MiB",
        ),
        (
            vec![
                "check",
                "--rules",
                kb,
                "--baseline",
                "/dev/null",
                "articles",
            ],
            "/dev/null:1:0: not a claimcheck baseline",
        ),
    ];
    for (args, want) in cases {
        let t = std::time::Instant::now();
        let o = run_in(&d, &args);
        assert!(
            t.elapsed().as_secs() < 20,
            "{args:?} took {:?}",
            t.elapsed()
        );
        assert_eq!(code(&o), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_dangling_or_fifo_toml_in_a_rules_folder_is_reported() {
    let d = project("rules-folder", &[("a.txt", A)]);
    std::fs::create_dir(d.join("dangling")).expect("folder");
    std::os::unix::fs::symlink("nowhere.toml", d.join("dangling/people.toml")).expect("link");
    let o = run_in(&d, &["check", "--rules", "dangling", "articles"]);
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("dangling/people.toml"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("dangling symbolic link"),
        "{}",
        stderr(&o)
    );
    std::fs::create_dir(d.join("fifo")).expect("folder");
    let made = Command::new("mkfifo")
        .arg(d.join("fifo/people.toml"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let o = run_in(&d, &["check", "--rules", "fifo", "articles"]);
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("fifo/people.toml: not a regular file (a FIFO)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_symlinked_folder_of_articles_is_followed_once() {
    let d = project("symlinked", &[("a.txt", A)]);
    std::fs::create_dir(d.join("elsewhere")).expect("folder");
    std::fs::write(d.join("elsewhere/b.txt"), B).expect("b");
    std::os::unix::fs::symlink("../elsewhere", d.join("articles/linked")).expect("link");
    // A link back up (a loop) and a second route to the same folder.
    std::os::unix::fs::symlink("..", d.join("articles/linked/up")).expect("loop");
    std::os::unix::fs::symlink("../elsewhere", d.join("articles/again")).expect("again");
    let o = run_in(&d, &["check", "--format", "json", "articles"]);
    assert_eq!(code(&o), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let ids: Vec<&str> = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    // b.txt is read once, through the first route in path order.
    assert_eq!(ids, ["articles/a.txt", "articles/again/b.txt"], "{v:#}");
    assert_eq!(v["summary"]["findings"], 1);
}

#[test]
fn a_title_holds_at_most_200_characters() {
    let d = project("title", &[]);
    let long = "Exports rose again ".repeat(50_000);
    std::fs::write(
        d.join("articles/a.txt"),
        format!("{long}\nWire·2024-05-02 10:00\n\nThe pit reopened.\n"),
    )
    .expect("article");
    std::fs::write(
        d.join("articles/b.md"),
        format!("# {}\n\nText.\n", "字".repeat(5000)),
    )
    .expect("article");
    for cmd in ["check", "extract"] {
        let o = run_in(&d, &[cmd, "--format", "json", "articles"]);
        let v = json(&o);
        for s in v["sources"].as_array().expect("sources") {
            let t = s["title"].as_str().expect("a title");
            assert!(
                t.chars().count() <= 201,
                "{cmd}: {} characters",
                t.chars().count()
            );
            assert!(t.ends_with('…'), "{t}");
        }
        assert!(
            v["sources"][0]["title"]
                .as_str()
                .unwrap_or("")
                .starts_with("Exports rose again Exports")
        );
    }
}
