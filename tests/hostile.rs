//! Hostile input through the command line: bad files are named on stderr and skipped
//! while the others are still checked (exit status 2 at the end), odd but valid text
//! reads right, bad rule files stop the run with file:line:column, and every output
//! stays parseable and escaped. Inputs are generated here, never committed.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
use common::{json, stderr};

const KB: &str = "tests/fixtures/kb";
const ROLE: &str = "tests/fixtures/role-holder-conflict/positive/article.txt";

/// Runs the binary with a deadline: a FIFO or a hang must fail the test, not stall it.
fn claimcheck_in(dir: Option<&Path>, args: &[&std::ffi::OsStr]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    // Drain the pipes on threads so a large report cannot fill them and stall the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).map(|_| v)
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).map(|_| v)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            panic!("claimcheck {args:?} did not finish in 600 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: t_out.join().expect("join").expect("read stdout"),
        stderr: t_err.join().expect("join").expect("read stderr"),
    }
}

fn claimcheck(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    claimcheck_in(None, &args)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

/// The role-holder fixture: its finding is "Ada Lindqvist" at 4:26–4:39.
fn role_text() -> String {
    std::fs::read_to_string(ROLE).expect("fixture")
}

/// The role finding reported in `file` at `line:column`, as `check --format json` gives it.
fn assert_role_finding(v: &Value, file: &str, line: u64, column: u64) {
    let f = v["findings"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["rule"] == "role-holder-conflict"))
        .unwrap_or_else(|| panic!("no role finding in {v}"));
    let p = &f["locations"][0];
    assert!(p["path"].as_str().is_some_and(|x| x.ends_with(file)), "{p}");
    assert_eq!(p["role"], "primary");
    assert_eq!(
        (p["line"].as_u64(), p["column"].as_u64()),
        (Some(line), Some(column)),
        "{p}"
    );
    assert_eq!(p["text"], "Ada Lindqvist");
    assert_eq!(p["end_column"].as_u64(), Some(column + 13));
}

/// Each skipped file: the stderr line naming it, and its entry in `errors`.
struct Bad {
    name: &'static str,
    message: &'static str,
    offset: Option<u64>,
}

fn assert_skipped(o: &Output, v: &Value, bad: &[Bad]) {
    let err = stderr(o);
    assert_eq!(err.lines().count(), bad.len(), "{err}");
    let errors = v["errors"].as_array().expect("an errors array");
    assert_eq!(errors.len(), bad.len(), "{v}");
    for b in bad {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("/{}: ", b.name)))
            .unwrap_or_else(|| panic!("{}: no stderr line in {err}", b.name));
        assert!(line.starts_with("claimcheck: error: "), "{line}");
        assert!(line.contains(b.message), "{}: {line}", b.name);
        assert!(line.ends_with("; skipped"), "{line}");
        let e = errors
            .iter()
            .find(|e| e["file"].as_str().is_some_and(|f| f.ends_with(b.name)))
            .unwrap_or_else(|| panic!("{}: not in errors {v}", b.name));
        assert!(
            e["message"].as_str().is_some_and(|m| m.contains(b.message)),
            "{e}"
        );
        assert_eq!(e["offset"].as_u64(), b.offset, "{e}");
    }
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().expect("mkfifo runs");
    assert!(ok.success());
}

/// A folder with one good article and every kind of bad file: each is named once on
/// stderr and in `errors`, the good article's finding is still reported, exit 2.
#[test]
fn bad_files_in_a_walked_folder_are_reported_and_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("good.txt"), role_text()).expect("write");
    std::fs::write(d.join("binary.txt"), b"PNG\x89\0\0\x01 text after").expect("write");
    std::fs::write(d.join("latin1.md"), b"# Caf\xe9\n\nPrix: 3 \x80\n").expect("write");
    // Valid up to a character cut off at the end.
    let mut cut = "Ministers met. \u{2014} ok".as_bytes().to_vec();
    cut.extend([0xe2, 0x82]);
    std::fs::write(d.join("cut.html"), &cut).expect("write");
    mkfifo(&d.join("pipe.txt"));
    std::os::unix::fs::symlink("loop.txt", d.join("loop.txt")).expect("symlink");
    std::os::unix::fs::symlink("a.md", d.join("b.md")).expect("symlink");
    std::os::unix::fs::symlink("b.md", d.join("a.md")).expect("symlink");
    std::os::unix::fs::symlink("gone.txt", d.join("dangling.txt")).expect("symlink");
    // Not reported: a folder with an article's extension, a symlinked folder that
    // loops back (not entered: its files are read by their real path), files of
    // other kinds.
    std::fs::create_dir(d.join("folder.txt")).expect("mkdir");
    std::os::unix::fs::symlink(".", d.join("self")).expect("symlink");
    std::fs::write(d.join("image.png"), b"\x89PNG\0\0").expect("write");
    let bad = [
        Bad {
            name: "binary.txt",
            message: "binary file (NUL byte at offset 4)",
            offset: Some(4),
        },
        Bad {
            name: "latin1.md",
            message: "not valid UTF-8 (invalid byte at offset 5)",
            offset: Some(5),
        },
        Bad {
            name: "cut.html",
            message: "not valid UTF-8 (invalid byte at offset 21)",
            offset: Some(21),
        },
        Bad {
            name: "pipe.txt",
            message: "not a regular file (a FIFO), not opened",
            offset: None,
        },
        Bad {
            name: "loop.txt",
            message: "symbolic link cannot be followed: ",
            offset: None,
        },
        Bad {
            name: "a.md",
            message: "symbolic link cannot be followed: ",
            offset: None,
        },
        Bad {
            name: "b.md",
            message: "symbolic link cannot be followed: ",
            offset: None,
        },
        Bad {
            name: "dangling.txt",
            message: "symbolic link cannot be followed: ",
            offset: None,
        },
    ];
    for cmd in [
        &["check"][..],
        &["check", "--fail-on", "never"],
        &["extract"],
    ] {
        let mut args = cmd.to_vec();
        args.extend(["--rules", KB, "--format", "json", s(d)]);
        let o = claimcheck(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let v = json(&o);
        assert_skipped(&o, &v, &bad);
        let sources = v["sources"].as_array().expect("sources");
        assert_eq!(sources.len(), 2, "the good file's two articles");
        if cmd[0] == "check" {
            assert_role_finding(&v, "good.txt", 4, 26);
        } else {
            assert!(v["claims"].as_array().is_some_and(|c| !c.is_empty()));
        }
    }
    // SARIF: the run is not successful and says why, file by file.
    let o = claimcheck(&["check", "--rules", KB, "--format", "sarif", s(d)]);
    assert_eq!(o.status.code(), Some(2));
    let v = json(&o);
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().expect("notes");
    assert_eq!(notes.len(), bad.len());
    let bin = notes
        .iter()
        .find(|n| {
            n["message"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("binary.txt"))
        })
        .expect("binary.txt noted");
    assert_eq!(bin["level"], "error");
    let loc = &bin["locations"][0]["physicalLocation"];
    assert!(
        loc["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("/binary.txt"))
    );
    assert_eq!(loc["region"]["byteOffset"], 4);
    assert_eq!(v["runs"][0]["results"].as_array().map(Vec::len), Some(1));
    // GitHub workflow commands: the finding, then one error a skipped file.
    let o = claimcheck(&["check", "--rules", KB, "--format", "github", s(d)]);
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(out.lines().count(), 1 + bad.len(), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("::error file=")
            && l.ends_with(
                "/binary.txt,title=claimcheck::binary file (NUL byte at offset 4); file skipped"
            )),
        "{out}"
    );
    // Human output: the finding on stdout, the bad files on stderr, still exit 2.
    let o = claimcheck(&["check", "--rules", KB, s(d)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("error[role-holder-conflict]"));
    assert_eq!(stderr(&o).lines().count(), bad.len());
}

/// A bad file in the archive of `check --against` or of `index` is skipped the
/// same way: the draft is still checked, the index still written, exit 2.
#[test]
fn bad_archive_files_are_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let draft = d.join("draft.txt");
    std::fs::write(&draft, role_text()).expect("write");
    let archive = d.join("archive");
    std::fs::create_dir(&archive).expect("mkdir");
    std::fs::write(
        archive.join("old.txt"),
        "Old news\nDesk·2023-01-01 09:00\n\nNothing.\n",
    )
    .expect("write");
    std::fs::write(archive.join("scan.txt"), b"%PDF\0").expect("write");
    let bad = [Bad {
        name: "scan.txt",
        message: "binary file (NUL byte at offset 4)",
        offset: Some(4),
    }];
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        s(&draft),
        "--against",
        s(&archive),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let v = json(&o);
    assert_skipped(&o, &v, &bad);
    assert_role_finding(&v, "draft.txt", 4, 26);
    let idx = d.join("archive.idx");
    let o = claimcheck(&["index", "--rules", KB, "-o", s(&idx), s(&archive)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("/scan.txt: binary file (NUL byte at offset 4); skipped"));
    assert!(stderr(&o).contains("indexed 1 sources"), "{}", stderr(&o));
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        s(&draft),
        "--against",
        s(&idx),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_role_finding(&json(&o), "draft.txt", 4, 26);
}

/// A file the permissions forbid (only testable when not running as root).
#[test]
fn unreadable_file_is_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("good.txt"), role_text()).expect("write");
    let locked = d.join("locked.txt");
    std::fs::write(&locked, "Some text.\n").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        eprintln!("running as root: permissions do not stop reading; skipped");
        return;
    }
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", s(d)]);
    assert_eq!(o.status.code(), Some(2));
    let v = json(&o);
    assert_skipped(
        &o,
        &v,
        &[Bad {
            name: "locked.txt",
            message: "Permission denied",
            offset: None,
        }],
    );
    assert_role_finding(&v, "good.txt", 4, 26);
}

/// Bad files named on the command line are skipped as walked ones are; a FIFO named
/// there is not opened (opening it would wait for a writer forever).
#[test]
fn bad_files_named_explicitly_are_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let good = d.join("good.txt");
    std::fs::write(&good, role_text()).expect("write");
    let bin = d.join("data.bin");
    std::fs::write(&bin, b"\0\x01\x02").expect("write");
    let fifo = d.join("fifo");
    mkfifo(&fifo);
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        s(&bin),
        s(&fifo),
        s(&good),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let v = json(&o);
    assert_skipped(
        &o,
        &v,
        &[
            Bad {
                name: "data.bin",
                message: "binary file (NUL byte at offset 0)",
                offset: Some(0),
            },
            Bad {
                name: "fifo",
                message: "not a regular file (a FIFO), not opened",
                offset: None,
            },
        ],
    );
    assert_role_finding(&v, "good.txt", 4, 26);
}

/// A byte order mark, CRLF and lone CR line ends: the finding's line and column
/// count lines as an editor does and the mark as no column.
#[test]
fn bom_crlf_and_cr_line_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = role_text();
    let cases = [
        ("lf.txt", text.clone()),
        ("bom.txt", format!("\u{feff}{text}")),
        ("crlf.txt", text.replace('\n', "\r\n")),
        ("cr.txt", text.replace('\n', "\r")),
        (
            "bom-crlf.md",
            format!("\u{feff}{}", text.replace('\n', "\r\n")),
        ),
        // A lone CR, then CRLF, then LF: still one line each.
        ("mixed.txt", {
            let mut lines = text.split_inclusive('\n');
            let mut m = String::new();
            for (i, l) in lines.by_ref().take(3).enumerate() {
                let l = l.trim_end_matches('\n');
                m.push_str(l);
                m.push_str(["\r", "\r\n", "\n"][i]);
            }
            m.extend(lines);
            m
        }),
    ];
    for (name, body) in &cases {
        let p = dir.path().join(name);
        std::fs::write(&p, body).expect("write");
        let o = claimcheck(&["check", "--rules", KB, "--format", "json", s(&p)]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let v = json(&o);
        assert_role_finding(&v, name, 4, 26);
        // The related side, after the second byline, is on line 8 in every form.
        let related = &v["findings"][0]["locations"][1];
        assert_eq!(
            (related["line"].as_u64(), related["column"].as_u64()),
            (Some(8), Some(39)),
            "{name}"
        );
        assert_eq!(related["text"], "Bo Hedman");
        assert_eq!(
            v["sources"][0]["date"], "2024-09-02",
            "{name}: the byline is read"
        );
    }
}

/// Empty and blank files are articles with nothing in them: no finding, no error.
#[test]
fn empty_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    for (name, body) in [
        ("empty.txt", &b""[..]),
        ("bom-only.txt", b"\xef\xbb\xbf"),
        ("blank.md", b" \r\n\t\r\n"),
        ("empty.html", b""),
        ("tags-only.html", b"<html><body><p></p></body></html>"),
    ] {
        std::fs::write(d.join(name), body).expect("write");
    }
    std::fs::write(d.join("good.txt"), role_text()).expect("write");
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", s(d)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let v = json(&o);
    assert!(v.get("errors").is_none());
    assert_eq!(v["summary"]["findings"], 1);
    assert_role_finding(&v, "good.txt", 4, 26);
}

/// A file name that is not UTF-8 is read and printed with U+FFFD; the outputs stay valid.
#[test]
fn non_utf8_path() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9-\xff.txt");
    let p = dir.path().join(name);
    std::fs::write(&p, role_text()).expect("write");
    for (target, file) in [
        (p.as_os_str(), "caf\u{fffd}-\u{fffd}.txt"),
        (dir.path().as_os_str(), "caf\u{fffd}-\u{fffd}.txt"),
    ] {
        let args = [
            "check".as_ref(),
            "--rules".as_ref(),
            KB.as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            target,
        ];
        let o = claimcheck_in(None, &args);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_role_finding(&json(&o), file, 4, 26);
        let args = [
            "check".as_ref(),
            "--rules".as_ref(),
            KB.as_ref(),
            "--format".as_ref(),
            "sarif".as_ref(),
            target,
        ];
        let v = json(&claimcheck_in(None, &args));
        let uri = v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        // The real bytes, percent-encoded: the URI points at the file.
        assert!(uri.ends_with("/caf%E9-%FF.txt"), "{uri}");
    }
    // A bad file under a name that is not UTF-8 is named the same way.
    std::fs::write(
        dir.path().join(std::ffi::OsStr::from_bytes(b"\xfe.md")),
        b"\0",
    )
    .expect("write");
    let args = [
        "check".as_ref(),
        "--rules".as_ref(),
        KB.as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        dir.path().as_os_str(),
    ];
    let o = claimcheck_in(None, &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/\u{fffd}.md: binary file (NUL byte at offset 0)"));
    assert_eq!(json(&o)["errors"][0]["offset"], 0);
}

/// Control characters, U+FFFD, U+2028, an escape sequence and quotes in the article
/// (title, the finding's sentence): JSON, SARIF and the GitHub commands stay parseable.
#[test]
fn control_characters_keep_outputs_valid() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = role_text()
        .replacen(
            "Norland picks a new course",
            "Norland \u{1}picks\u{7f} a \"new\" course \u{fffd}\u{2028}\u{1b}[31m",
            1,
        )
        .replacen(
            "Norland's Prime Minister Ada Lindqvist opened",
            "\u{8}\u{c}\u{b}Norland's \\ Prime Minister Ada Lindqvist \u{1b}]0;x\u{7} opened\u{fffd}",
            1,
        );
    let p = dir.path().join("ctl.txt");
    std::fs::write(&p, &hostile).expect("write");
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", s(&p)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    assert_role_finding(&v, "ctl.txt", 4, 31);
    assert!(
        v["sources"][0]["title"]
            .as_str()
            .is_some_and(|t| t.contains('\u{1}') && t.contains('\u{fffd}'))
    );
    let o = claimcheck(&["check", "--rules", KB, "--format", "sarif", s(&p)]);
    let v = json(&o);
    assert_eq!(v["runs"][0]["results"].as_array().map(Vec::len), Some(1));
    let o = claimcheck(&["extract", "--rules", KB, "--format", "jsonl", s(&p)]);
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        serde_json::from_str::<Value>(line).expect("each line JSON");
    }
    // Workflow commands: one a finding, no raw newline or CR inside one.
    let o = claimcheck(&["check", "--rules", KB, "--format", "github", s(&p)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("::error")).count(),
        1,
        "{out}"
    );
    assert!(!out.contains('\r'));
}

/// Hostile article text and hostile rule text in the HTML report: nothing
/// executable or attribute-breaking comes through.
#[test]
fn html_report_escapes_article_and_rule_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // Rule text: the office's name carries markup and both quotes.
    let rules = d.join("rules");
    std::fs::create_dir(&rules).expect("mkdir");
    let world = std::fs::read_to_string(Path::new(KB).join("world.toml")).expect("fixture");
    let hostile_office =
        r#"Prime Minister of Norland <script>alert(1)</script> \" onmouseover=\"alert(2)\" ' x='"#;
    let world = world.replacen(
        "name = \"Prime Minister of Norland\"",
        &format!("name = \"{hostile_office}\""),
        1,
    );
    assert!(world.contains("<script>alert(1)"));
    std::fs::write(rules.join("world.toml"), world).expect("write");
    std::fs::copy(Path::new(KB).join("events.toml"), rules.join("events.toml")).expect("copy");
    // Article text: script, an image with an event handler, a quote-breaking attribute.
    let article = role_text().replacen(
        "opened the mining fair",
        "<script>alert(3)</script><img src=x onerror=\"alert(4)\"> \"' onfocus='alert(5)' opened the mining fair",
        1,
    );
    let p = d.join("article.txt");
    std::fs::write(&p, article).expect("write");
    let out = d.join("report.html");
    let o = claimcheck(&[
        "check",
        "--rules",
        s(&rules),
        "--format",
        "html",
        "-o",
        s(&out),
        s(&p),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).expect("report written");
    for raw in [
        "<script>alert",
        "<img",
        "onerror=\"",
        "onmouseover=\"",
        "onfocus='",
    ] {
        assert!(!html.contains(raw), "{raw} came through unescaped");
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "rule text shown escaped"
    );
    assert!(
        html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"),
        "article text shown escaped"
    );
    assert!(html.contains("&quot; onmouseover=&quot;alert(2)&quot;"));
    // The page's own script is the only one.
    assert_eq!(html.matches("<script").count(), 1);
}

/// Deeply nested and malformed HTML: no stack overflow, no hang, the text still read.
#[test]
fn nested_and_malformed_html() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let body = role_text().replace('\n', "<br>\n");
    let deep = format!(
        "<html><body>{}{body}{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(d.join("deep.html"), deep).expect("write");
    let unclosed = format!("<html><body>{}{body}", "<span><b><i>".repeat(100_000));
    std::fs::write(d.join("unclosed.html"), unclosed).expect("write");
    let malformed = format!(
        "<<<>>></p></div><p <a href=\"x>{body}<!-- never closed <script>var a = '</scr' + 'ipt>';"
    );
    std::fs::write(d.join("malformed.html"), malformed).expect("write");
    std::fs::write(
        d.join("tags.htm"),
        "<".repeat(100_000) + &"</>".repeat(50_000),
    )
    .expect("write");
    for (name, finding) in [
        ("deep.html", true),
        ("unclosed.html", true),
        ("malformed.html", false),
        ("tags.htm", false),
    ] {
        let o = claimcheck(&["check", "--rules", KB, "--format", "json", s(&d.join(name))]);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{name}: {}",
            stderr(&o)
        );
        let v = json(&o);
        assert!(v.get("errors").is_none(), "{v}");
        if finding {
            // The text is read through 100,000 open elements: the finding is where it is.
            let p = &v["findings"][0]["locations"][0];
            assert_eq!(p["text"], "Ada Lindqvist", "{name}");
            assert_eq!(p["line"], 4, "{name}");
        }
    }
}

/// Numbers no f64 holds, and 10,000 digits: no panic, and every number in the
/// output is finite.
#[test]
fn huge_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let base = std::fs::read_to_string("tests/fixtures/quantity-conflict/positive/article.txt")
        .expect("fixture");
    let nines = "9".repeat(10_000);
    let beyond = format!("1{}", "0".repeat(400));
    let grouped = format!("1{}", ",000".repeat(200));
    let decimals = format!("0.{}1", "0".repeat(10_000));
    for (name, n) in [
        ("nines.txt", nines.as_str()),
        ("beyond.txt", beyond.as_str()),
        ("grouped.txt", grouped.as_str()),
        ("decimals.txt", decimals.as_str()),
        ("exp.txt", "1e400"),
        (
            "words.txt",
            "a trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion",
        ),
        (
            "cjk.txt",
            "九千九百九十九亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿",
        ),
    ] {
        std::fs::write(d.join(name), base.replacen("12,000", n, 1)).expect("write");
    }
    for cmd in ["check", "extract"] {
        let o = claimcheck(&[cmd, "--rules", KB, "--format", "json", s(d)]);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        let v = json(&o);
        assert!(v.get("errors").is_none());
        // No infinite or NaN value rendered in any message or normalized value.
        let text = String::from_utf8_lossy(&o.stdout);
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        for bad in ["inf", "NaN", "infinity"] {
            assert!(!words.contains(&bad), "{cmd}: {bad} in the output");
        }
        fn finite(v: &Value) -> bool {
            match v {
                Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
                Value::Array(a) => a.iter().all(finite),
                Value::Object(o) => o.values().all(finite),
                _ => true,
            }
        }
        assert!(finite(&v));
    }
}

/// Every rule-file error stops the run: one line naming file:line:column, exit 2,
/// nothing on stdout.
#[test]
fn bad_rule_files_stop_the_run() {
    const SRC: &str = "source = { publisher = \"P\", document = \"D\", date = \"2024-01-01\" }";
    // What is wrong, the files (name, text), what the error line says.
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: &[Case] = &[
        (
            "malformed TOML",
            &[("a.toml", "[[person]]\nid = \"x\nname = \"X\"\n")],
            "a.toml:2:8: ",
        ),
        (
            "unterminated table",
            &[("a.toml", "[[person\n")],
            "a.toml:1:",
        ),
        (
            "unknown key",
            &[(
                "a.toml",
                "[[person]]\nid = \"x\"\nname = \"X\"\nnmae = \"X\"\nSRC\n",
            )],
            "a.toml:4:1: unknown field `nmae`",
        ),
        (
            "wrong type",
            &[(
                "a.toml",
                "[[person]]\nid = \"x\"\nname = \"X\"\naliases = \"Y\"\nSRC\n",
            )],
            "a.toml:4:11: invalid type",
        ),
        (
            "wrong type in a date",
            &[(
                "a.toml",
                "[[person]]\nid = \"x\"\nname = \"X\"\nsource = { publisher = \"P\", document = \"D\", date = 2024 }\n",
            )],
            "a.toml:4:",
        ),
        (
            "duplicate id",
            &[
                ("a.toml", "[[person]]\nid = \"test-x\"\nname = \"X\"\nSRC\n"),
                (
                    "b.toml",
                    "[[organization]]\nid = \"test-x\"\nname = \"X Corp\"\nSRC\n",
                ),
            ],
            "b.toml:2:6: duplicate id \"test-x\"",
        ),
        (
            "overlapping holders",
            &[(
                "a.toml",
                "[[person]]\nid = \"p1\"\nname = \"Pat One\"\nSRC\n[[person]]\nid = \"p2\"\nname = \"Pat Two\"\nSRC\n\
                 [[office]]\nid = \"o\"\nname = \"Test Office\"\nSRC\nholders = [\n  { person = \"p1\", from = \"2020-01-01\", to = \"2022-12-31\" },\n  { person = \"p2\", from = \"2022-06-01\" },\n]\n",
            )],
            "a.toml:15:",
        ),
        (
            "alias claimed by two entities",
            &[(
                "a.toml",
                "[[organization]]\nid = \"one\"\nname = \"First Test Body\"\naliases = [\"Test Body\"]\nSRC\n\
                 [[organization]]\nid = \"two\"\nname = \"Second Test Body\"\naliases = [\"Test Body\"]\nSRC\n",
            )],
            "a.toml:9:12: \"Test Body\" is already a name of \"one\"",
        ),
    ];
    for (what, files, expect) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in *files {
            std::fs::write(dir.path().join(name), text.replace("SRC", SRC)).expect("write");
        }
        let o = claimcheck(&["check", "--rules", s(dir.path()), ROLE]);
        assert_eq!(o.status.code(), Some(2), "{what}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{what}: nothing on stdout");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{what}: {err}");
        assert!(err.starts_with("claimcheck: error: "), "{what}: {err}");
        assert!(err.contains(&format!("/{expect}")), "{what}: {err}");
    }
}

/// `--output` and `--write-baseline` write through a temporary file and a rename:
/// the file is whole, nothing is left beside it, and a failed write leaves the old
/// file as it was.
#[test]
fn output_files_are_replaced_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let out = d.join("report.json");
    std::fs::write(&out, "old").expect("write");
    let base = d.join("base.json");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        "-o",
        s(&out),
        "--write-baseline",
        s(&base),
        ROLE,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("read")).expect("JSON");
    assert_eq!(v["summary"]["findings"], 1);
    let b: Value =
        serde_json::from_str(&std::fs::read_to_string(&base).expect("read")).expect("JSON");
    assert_eq!(b["fingerprints"].as_array().map(Vec::len), Some(1));
    let mut names: Vec<String> = std::fs::read_dir(d)
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["base.json", "report.json"],
        "no temporary file left"
    );
    // A new report file is readable by others, as one written directly would be.
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
    // The output path is a folder: the rename fails, exit 2, nothing left behind.
    let folder = d.join("taken");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("keep"), "x").expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        "-o",
        s(&folder),
        ROLE,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("taken: cannot write"), "{}", stderr(&o));
    assert!(folder.join("keep").exists());
    let left: Vec<_> = std::fs::read_dir(d)
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // A folder that does not exist: exit 2, named.
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "-o",
        s(&d.join("no/such/report.txt")),
        ROLE,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/report.txt: cannot write"));
}

/// Writes a file of `size` bytes of article prose with `tail` at the end, in one
/// pass; gives the line `tail` starts on.
fn big_file(path: &Path, size: usize, line_len: Option<usize>, tail: &str) -> u64 {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let para = "lorem ipsum dolor sit amet, consectetur adipiscing elit; sed do eiusmod tempor incididunt ut labore. ";
    w.write_all(b"Filler\nDesk\xc2\xb72024-01-01 09:00\n\n")
        .expect("write");
    let mut n = 0;
    let mut on_line = 0;
    let mut line = 4;
    while n < size {
        w.write_all(para.as_bytes()).expect("write");
        n += para.len();
        on_line += para.len();
        if line_len.is_some_and(|l| on_line >= l) {
            w.write_all(b"\n").expect("write");
            on_line = 0;
            line += 1;
        }
    }
    w.write_all(b"\n").expect("write");
    w.write_all(tail.as_bytes()).expect("write");
    w.flush().expect("flush");
    line + 1
}

/// Checks a big file whose last article is the role fixture: its finding is there,
/// at the right line (`tail` is the line that article starts on) and column.
fn check_big(path: &Path, tail: u64) {
    let start = Instant::now();
    let o = claimcheck(&["check", "--rules", KB, "--format", "json", s(path)]);
    eprintln!("{}: {:.1} s", path.display(), start.elapsed().as_secs_f64());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    assert_role_finding(&json(&o), name, tail + 3, 26);
}

#[test]
#[ignore = "slow: a 200 MB file (about 4 min in a debug build on a loaded 2-core machine)"]
fn file_of_200_mb() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().join("big.txt");
    let tail = big_file(&p, 200 << 20, Some(400), &role_text());
    check_big(&p, tail);
}

#[test]
#[ignore = "slow: a 10 MB single line"]
fn single_line_of_10_mb() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().join("line.txt");
    let tail = big_file(&p, 10 << 20, None, &role_text());
    check_big(&p, tail);
}
