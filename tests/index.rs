//! `claimcheck index` and `check --against INDEX`: the same output, byte for byte, as
//! `check --against` the articles (fixtures, a small archive written here with HTML,
//! Markdown, CRLF, a byte order mark and several articles in one file, and, ignored,
//! the real corpus); broken, foreign and mismatched indexes are one-line errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FORMATS: &[&str] = &["json", "human", "markdown", "html", "sarif", "github"];

fn kb() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kb")
}

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    // CLAIMCHECK_BIN: a copy of the binary under test, where several checkouts share
    // one target folder and may rebuild the binary while this runs.
    let bin = std::env::var_os("CLAIMCHECK_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_claimcheck").into());
    Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Asserts two outputs are equal, showing the first line that differs (they are long).
fn assert_same(a: &str, b: &str, what: &str) {
    if a == b {
        return;
    }
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let k = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    panic!(
        "{what}: outputs differ at line {}: {:?} vs {:?} ({} and {} lines)",
        k + 1,
        la.get(k),
        lb.get(k),
        la.len(),
        lb.len()
    );
}

/// Writes the index of `archive` (relative to `dir`) to `dir/name`.
fn index(dir: &Path, archive: &str, name: &str, rules: &[&str]) {
    let mut args = vec!["index", archive, "-o", name];
    args.extend(rules);
    let o = claimcheck(dir, &args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    assert!(text(&o.stderr).contains("indexed"), "{}", text(&o.stderr));
}

/// `check DRAFT --against ARCHIVE` and `--against INDEX` print the same bytes and exit
/// the same way, in each format; returns the JSON.
fn same(
    dir: &Path,
    draft: &str,
    archive: &str,
    idx: &str,
    rules: &[&str],
    formats: &[&str],
) -> String {
    let mut json = String::new();
    for f in formats {
        let run = |against: &str| {
            let mut args = vec!["check", draft, "--format", f, "--against", against];
            args.extend(rules);
            claimcheck(dir, &args)
        };
        let (a, b) = (run(archive), run(idx));
        assert!(
            a.status.code() == Some(0) || a.status.code() == Some(1),
            "{}",
            text(&a.stderr)
        );
        assert_same(
            &text(&a.stdout),
            &text(&b.stdout),
            &format!("{draft} --format {f}: {}", text(&b.stderr)),
        );
        assert_eq!(a.status.code(), b.status.code(), "{draft} --format {f}");
        if *f == "json" {
            json = text(&a.stdout);
        }
    }
    json
}

#[test]
fn fixtures_give_the_same_output_from_an_index() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let idx = tmp.path().join("fixtures.idx");
    let kb = kb();
    let rules = ["--rules", kb.to_str().expect("utf-8 path")];
    index(root, "tests/fixtures", idx.to_str().expect("utf-8"), &rules);
    let mut findings = 0;
    let mut drafts: Vec<PathBuf> = Vec::new();
    for rule in [
        "role-holder-conflict",
        "acronym-expansion-mismatch",
        "entity-name-variant",
        "quantity-conflict",
        "date-conflict",
        "reference-mismatch",
        "config",
        "read",
    ] {
        for e in std::fs::read_dir(root.join("tests/fixtures").join(rule)).expect("fixture folder")
        {
            drafts.push(e.expect("entry").path());
        }
    }
    drafts.sort();
    for d in &drafts {
        let draft = d.strip_prefix(root).expect("inside the repo");
        let draft = draft.to_str().expect("utf-8");
        let formats = if draft.contains("positive") {
            FORMATS
        } else {
            &FORMATS[..2]
        };
        let json = same(
            root,
            draft,
            "tests/fixtures",
            idx.to_str().expect("utf-8"),
            &rules,
            formats,
        );
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        findings += v["findings"].as_array().map_or(0, |a| a.len());
    }
    // Every rule's positive fixture finds something, against the index too.
    assert!(findings >= 10, "{findings} findings");
}

/// A small archive in every form the reader knows, on the fixture knowledge base.
fn write_archive(dir: &Path) {
    // Two folders, so that two indexes can stand for the archive too.
    for part in ["one", "two"] {
        std::fs::create_dir_all(dir.join("archive").join(part)).expect("mkdir");
    }
    let w = |name: &str, s: &str| std::fs::write(dir.join("archive").join(name), s).expect("write");
    w(
        "one/multi.txt",
        "Lithium output climbs\nNorth Post·2025-01-20 09:00\n\n\
         Intro line without figures.\nThe Norland Minerals Agency said lithium production reached 12,000 tonnes in 2024.\n\
         Cabinet reshuffle rumours\nNorth Post·2024-09-03 10:00\n\n\
         Prime Minister Bo Hedman met the miners on Tuesday.\nLater, Bo Hedman left for the coast.\n",
    );
    w(
        "one/page.html",
        "<!DOCTYPE html>\n<html><head><title>Lithium &amp; more</title></head>\n<body>\n<article>\n\
         <h1>Lithium &amp; more</h1>\n<p>Coast Courier·2025-01-22 08:00</p>\n\
         <p>The <b>Norland Minerals Agency</b> said lithium production reached <i>11,500</i> tonnes in 2024 &mdash; a record.</p>\n\
         </article>\n</body></html>\n",
    );
    w(
        "one/notes.md",
        "---\ntitle: \"Accord notes\"\ndate: 2025-04-12\n---\n# Accord notes\n\n\
         The Norland Minerals Agency signed the accord on April 10, officials said.\n",
    );
    // A byte order mark, CRLF line ends and full-width digits: the working text moves.
    w(
        "two/crlf.txt",
        "\u{feff}Figures revised\r\nRiver Times·2025-01-25 07:00\r\n\r\n\
         The Norland Minerals Agency said lithium production reached １３,０００ tonnes in 2024.\r\n",
    );
    w(
        "two/chair.txt",
        "Agency permits\nNorth Post·2025-05-02 09:00\n\n\
         Norland Minerals Agency chair Vera Kolb presented the new permit rules.\n",
    );
    w(
        "two/acronym.txt",
        "Bank news\nNorth Post·2025-03-01 09:00\n\n\
         The Bank of Norland (BNX) kept its plans.\n",
    );
    std::fs::write(
        dir.join("draft.txt"),
        "Week in Norland\nDraft Desk·2025-05-04 12:00\n\n\
         The Norland Minerals Agency said lithium production reached 9,000 tonnes in 2024.\n\
         Prime Minister Ada Lindqvist visited the port.\n\
         The Norland Minerals Agency signed the accord on April 3.\n\
         Norland Minerals Agency chair Tomas Rieger spoke.\n\
         A study by the Institute of Applied Geology (BNX) followed.\n",
    )
    .expect("write");
}

#[test]
fn own_archive_gives_the_same_output_from_an_index() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write_archive(dir);
    let kb = kb();
    let rules = ["--rules", kb.to_str().expect("utf-8 path")];
    // Named like an article: an index is known by its magic bytes, not its name.
    index(dir, "archive", "claims.txt", &rules);
    let json = same(dir, "draft.txt", "archive", "claims.txt", &rules, FORMATS);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let findings = v["findings"].as_array().expect("findings");
    let rules_found: Vec<&str> = findings.iter().filter_map(|f| f["rule"].as_str()).collect();
    for r in [
        "quantity-conflict",
        "role-holder-conflict",
        "date-conflict",
        "acronym-expansion-mismatch",
    ] {
        assert!(rules_found.contains(&r), "{r} in {rules_found:?}");
    }
    // The archive places are in every kind of file, with their original text.
    let texts: Vec<(String, String)> = findings
        .iter()
        .flat_map(|f| f["locations"].as_array().into_iter().flatten())
        .map(|l| {
            (
                l["path"].as_str().unwrap_or("").to_string(),
                l["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for (path, t) in [
        ("archive/one/page.html", "11,500"),
        ("archive/two/crlf.txt", "１３,０００ tonnes"),
        ("archive/one/notes.md", "April 10"),
        ("archive/one/multi.txt", "12,000 tonnes"),
        ("archive/one/multi.txt", "Bo Hedman"),
        ("archive/two/chair.txt", "Vera Kolb"),
        ("archive/two/acronym.txt", "Bank of Norland (BNX"),
    ] {
        assert!(
            texts.iter().any(|(p, x)| p == path && x.contains(t)),
            "{path}: {t} not in {texts:?}"
        );
    }
    assert_eq!(v["summary"]["sources"], 8);
    // Two indexes, one a folder, read in the order given.
    index(dir, "archive/one", "one.idx", &rules);
    index(dir, "archive/two", "two.idx", &rules);
    for f in FORMATS {
        let run = |against: &[&str]| {
            let mut args = vec!["check", "draft.txt", "--format", f, "--against"];
            args.extend(against);
            args.extend(rules);
            claimcheck(dir, &args)
        };
        let (a, b) = (
            run(&["archive/one", "archive/two"]),
            run(&["one.idx", "two.idx"]),
        );
        assert_same(
            &text(&a.stdout),
            &text(&b.stdout),
            &format!("two indexes, {f}"),
        );
        assert_eq!(text(&a.stdout), text(&run(&["archive"]).stdout), "{f}");
        assert_eq!(a.status.code(), b.status.code());
    }
    // Each archive article as the draft, too.
    for name in [
        "one/multi.txt",
        "one/page.html",
        "one/notes.md",
        "two/crlf.txt",
        "two/chair.txt",
        "two/acronym.txt",
    ] {
        same(
            dir,
            &format!("archive/{name}"),
            "archive",
            "claims.txt",
            &rules,
            &FORMATS[..3],
        );
    }
}

fn error_of(dir: &Path, idx: &str, rules: &[&str]) -> String {
    let mut args = vec!["check", "draft.txt", "--against", idx];
    args.extend(rules);
    let o = claimcheck(dir, &args);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stdout));
    assert!(o.stdout.is_empty());
    let e = text(&o.stderr);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains(idx), "names the file: {e}");
    e
}

#[test]
fn broken_foreign_and_mismatched_indexes_are_refused() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write_archive(dir);
    let kb = kb();
    let rules = ["--rules", kb.to_str().expect("utf-8 path")];
    index(dir, "archive", "good.idx", &rules);
    let good = std::fs::read(dir.join("good.idx")).expect("read");
    let put = |name: &str, b: &[u8]| std::fs::write(dir.join(name), b).expect("write");

    // Truncated anywhere after the magic bytes.
    for cut in [8, 12, 20, 30, good.len() / 2, good.len() - 1] {
        put("cut.idx", &good[..cut]);
        let e = error_of(dir, "cut.idx", &rules);
        assert!(
            e.contains("truncated") || e.contains("corrupt"),
            "cut at {cut}: {e}"
        );
    }
    // One byte changed in the header, the metadata, the directory or a block the draft reads.
    for at in [30, good.len() - 5, good.len() - 200, good.len() / 2] {
        let mut b = good.clone();
        b[at] ^= 0x40;
        put("bad.idx", &b);
        let o = claimcheck(
            dir,
            &[
                "check",
                "draft.txt",
                "--against",
                "bad.idx",
                rules[0],
                rules[1],
            ],
        );
        // A change in a part this draft never reads may go unseen; what is read is checked.
        if o.status.code() == Some(2) {
            let e = text(&o.stderr);
            assert!(
                e.contains("bad.idx") && e.contains("corrupt"),
                "byte {at}: {e}"
            );
            assert!(o.stdout.is_empty());
        }
    }
    let mut b = good.clone();
    b[30] ^= 0x01;
    put("bad.idx", &b);
    assert!(error_of(dir, "bad.idx", &rules).contains("corrupt claim index"));
    // Another format version.
    let mut b = good.clone();
    b[8..12].copy_from_slice(&99u32.to_le_bytes());
    put("v99.idx", &b);
    let e = error_of(dir, "v99.idx", &rules);
    assert!(
        e.contains("format version 99") && e.contains("rebuild"),
        "{e}"
    );
    // Built with another knowledge base (the fixture one) than the check uses (built-in).
    let e = error_of(dir, "good.idx", &[]);
    assert!(e.contains("another knowledge base"), "{e}");
    // The same knowledge base with another reference date for undated articles.
    std::fs::write(
        dir.join("claimcheck.toml"),
        "reference_date = \"2025-06-01\"\n",
    )
    .expect("write");
    let e = error_of(dir, "good.idx", &rules);
    assert!(e.contains("reference_date"), "{e}");
}

#[test]
fn index_needs_an_output_and_readable_paths() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let o = claimcheck(dir, &["index", "missing-folder", "-o", "x.idx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("missing-folder"));
    assert!(!dir.join("x.idx").exists());
    let o = claimcheck(dir, &["index", "."]);
    assert_eq!(o.status.code(), Some(2), "-o is required");
}

/// The real corpus (../shared/corpus/real) with a draft written here: the same output
/// from its index, and the index much smaller than the articles.
#[test]
#[ignore = "reads ../shared/corpus/real; CI runs ignored tests"]
fn real_corpus_gives_the_same_output_from_an_index() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let real = root.join("../shared/corpus/real");
    assert!(real.is_dir(), "{} is missing", real.display());
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    std::fs::write(
        dir.join("draft.txt"),
        "Euro zone outlook darkens\nExample Wire·2004-12-20 09:30\n\n\
         The European Central Bank now expects growth of 3.4% in 2005 across the euro zone, its officials said.\n\
         US President Hillary Clinton told reporters that the dollar would recover.\n\
         Separately, China's economy grew 6% in 2004, the Ministry of Commerce said in a statement.\n",
    )
    .expect("write");
    let parts: Vec<String> = ["abc-lee", "bbc", "brown-press", "reuters"]
        .iter()
        .map(|p| real.join(p).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["index"];
    args.extend(parts.iter().map(String::as_str));
    args.extend(["-o", "real.idx"]);
    let o = claimcheck(dir, &args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let size = std::fs::metadata(dir.join("real.idx"))
        .expect("index")
        .len();
    assert!(size < 6_582_110 / 2, "index of {size} bytes");
    let mut json = String::new();
    // The other formats are compared on the fixtures and the archive above.
    for f in &FORMATS[..2] {
        let run = |against: &[&str]| {
            let mut a = vec!["check", "draft.txt", "--format", f, "--against"];
            a.extend(against);
            claimcheck(dir, &a)
        };
        let folders: Vec<&str> = parts.iter().map(String::as_str).collect();
        let (a, b) = (run(&folders), run(&["real.idx"]));
        assert_same(
            &text(&a.stdout),
            &text(&b.stdout),
            &format!("--format {f}: {}", text(&b.stderr)),
        );
        assert_eq!(a.status.code(), b.status.code());
        if *f == "json" {
            json = text(&a.stdout);
        }
    }
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let f = v["findings"].as_array().expect("findings");
    assert!(f.len() >= 2, "{} findings", f.len());
    // The right holder named in the archive stands beside the wrong one.
    assert!(f.iter().any(|f| f["rule"] == "role-holder-conflict"
        && f["locations"].as_array().is_some_and(|l| l.len() > 5)));
}

#[test]
fn json_lists_sources_as_values_would() {
    // `check --format json` writes sources without building `Value`s: same bytes.
    use claimcheck::{read, report};
    let (f1, mut s1) = read::parse("a \"q\".txt", "T\nW·2025-01-02 03:04\n\nBody 1%.\n".into());
    let (_, s2) = read::parse("b.md", "no title here\n".into());
    s1.extend(s2);
    let got = report::check::json_counted(&[], &[f1], &s1, 7);
    let want = serde_json::json!({
        "tool": report::tool(),
        "sources": s1.iter().map(report::extract::source_json).collect::<Vec<_>>(),
        "findings": [],
        "summary": report::check::summary(&[], s1.len(), 7),
    });
    let want = format!("{}\n", serde_json::to_string_pretty(&want).expect("JSON"));
    assert_eq!(got, want);
}
