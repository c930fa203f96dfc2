//! `check --format html`: snapshotted on the quantity and role-holder fixtures (with
//! the fictional knowledge base of tests/fixtures/kb), with its key content asserted;
//! fed an article carrying script and markup, which must come out escaped; and opened
//! in headless Chromium (ignored in a plain `cargo test`, run by `.ci/run`).

use std::path::{Path, PathBuf};
use std::process::Command;

use claimcheck::{claims, kb, read, report, rules};

const QUANTITY: &str = "tests/fixtures/quantity-conflict/positive/article.txt";
const ROLE: &str = "tests/fixtures/role-holder-conflict/positive/article.txt";
const SEEDS: &str = "../shared/corpus/seeds";

/// The role-holder positive fixture with hostile text around the wrong holder's
/// name, in the same sentence, and markup in the title.
const HOSTILE: &str = "<i>Norland</i> picks a new course
Northern Wire·2024-09-02 08:00

&amp; <img src=x onerror=\"window.__pwned=1,document.body.innerHTML+='<p id=pwned>'\"> Norland's Prime Minister Ada Lindqvist <script>window.__pwned=1,document.body.innerHTML+='<p id=pwned>'</script> opened the mining fair on Monday [1].
诺兰新政府公布矿业计划
Harbour Daily·2024-09-03 10:00

The fair was opened by Prime Minister Bo Hedman, who took office in July [2].
";

struct Run {
    findings: Vec<rules::Finding>,
    html: String,
}

fn run(paths: &[PathBuf]) -> Run {
    let kb = kb::load(&[Path::new("tests/fixtures/kb")]).expect("fixture knowledge base loads");
    let (files, sources, errors) = read::read_all(paths);
    assert!(errors.is_empty(), "{errors:?}");
    let claims = claims::extract(&kb, &files, &sources);
    let findings = rules::check(&kb, &files, &sources, &claims);
    let html = report::html::render(&findings, &files, &sources, claims.len());
    Run { findings, html }
}

fn snapshot(name: &str, html: &str) {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| insta::assert_snapshot!(format!("html.{name}"), html));
}

fn hostile_file(dir: &Path) -> PathBuf {
    let p = dir.join("hostile.txt");
    std::fs::write(&p, HOSTILE).expect("write hostile article");
    p
}

#[test]
fn quantity_report() {
    let r = run(&[PathBuf::from(QUANTITY)]);
    assert_eq!(r.findings.len(), 1);
    let h = &r.html;
    snapshot("quantity-conflict", h);
    assert!(h.starts_with(&format!(
        "<!DOCTYPE html>\n{}\n<html lang=\"en\">\n",
        claimcheck::read::REPORT_MARK
    )));
    assert!(h.contains("<p><strong>1 finding</strong> in 2 sources, "));
    assert!(h.contains("<tr><td>error</td><td class=\"n\">1</td></tr>\n<tr><td>warning</td><td class=\"n\">0</td></tr>\n<tr><td>info</td><td class=\"n\">0</td></tr>"));
    assert!(h.contains("<tr><td><code>quantity-conflict</code></td><td class=\"n\">1</td></tr>"));
    assert!(h.contains(
        "<blockquote>The Norland Minerals Agency said lithium production reached <mark>8,000 tonnes</mark> in 2024, a record for Norland.</blockquote>"
    ), "{h}");
    assert!(h.contains("reached <mark>12,000 tonnes</mark> in 2024.</blockquote>"));
    assert!(h.contains("Normalized: <code>8000 t</code>"));
    assert!(h.contains(
        "<pre class=\"diff\"><span class=\"del\">- 8000 t</span>\n<span class=\"add\">+ 12000 t</span>\n</pre>"
    ));
    assert!(!h.contains("Expected:"), "no expected value is known");
    // The card, the source view's link to it, and the card's links to the sources.
    assert!(h.contains(
        "<article class=\"finding sev-error\" id=\"f1\" data-finding data-rule=\"quantity-conflict\" data-severity=\"error\">"
    ));
    assert!(h.contains("<a href=\"#f1\">#1</a>"));
    assert!(h.contains(
        "<section id=\"s2\">\n<h3><code>tests/fixtures/quantity-conflict/positive/article.txt#2</code></h3>"
    ));
    assert!(h.contains(
        "<a href=\"#s2\">tests/fixtures/quantity-conflict/positive/article.txt#2</a>, line 8:"
    ));
    assert!(h.contains(" · 2025-01-21 · primary</div>"));
    // Self-contained: nothing is fetched.
    assert!(!h.contains("http://") && !h.contains("https://") && !h.contains(" src="));
}

#[test]
fn role_report() {
    let r = run(&[PathBuf::from(ROLE)]);
    assert_eq!(r.findings.len(), 1);
    let h = &r.html;
    snapshot("role-holder-conflict", h);
    assert!(
        h.contains("<p>Expected: <strong>Bo Hedman</strong></p>"),
        "{h}"
    );
    assert!(h.contains(
        "Norland&#39;s Prime Minister <mark>Ada Lindqvist</mark> opened the mining fair"
    ));
    assert!(h.contains("The fair was opened by Prime Minister <mark>Bo Hedman</mark>, who"));
    assert!(h.contains(
        "<span class=\"del\">- Ada Lindqvist</span>\n<span class=\"add\">+ Bo Hedman</span>"
    ));
    assert!(
        h.contains("<label><input type=\"checkbox\" data-rule=\"role-holder-conflict\" checked>")
    );
    assert!(h.contains(
        "<label><input type=\"checkbox\" data-severity=\"error\" checked> error</label>"
    ));
    assert!(
        !h.contains("data-severity=\"warning\" checked"),
        "only severities present"
    );
}

#[test]
fn no_findings() {
    let r = run(&[PathBuf::from(
        "tests/fixtures/quantity-conflict/negative/article.txt",
    )]);
    assert!(r.html.contains("<p><strong>0 findings</strong> in "));
    assert!(r.html.contains("<p>No conflicts found.</p>"));
    assert!(!r.html.contains("<article"));
}

#[test]
fn deterministic() {
    let paths = [PathBuf::from(ROLE), PathBuf::from(QUANTITY)];
    assert_eq!(run(&paths).html, run(&paths).html);
}

#[test]
fn hostile_text_is_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let r = run(&[hostile_file(dir.path())]);
    assert_eq!(
        r.findings.len(),
        1,
        "the hostile sentence still gives its finding"
    );
    let h = &r.html;
    for raw in [
        "<script>window",
        "<img src=x",
        "onerror=\"",
        "<p id=pwned>",
        "<i>Norland",
        "& <img",
    ] {
        assert!(!h.contains(raw), "{raw} appears unescaped");
    }
    // The page's own script is the only one.
    assert_eq!(h.matches("<script").count(), 1);
    assert!(h.contains(
        // The reader decodes `&amp;` in the working text; it is escaped again here.
        "<blockquote>&amp; &lt;img src=x onerror=&quot;window.__pwned=1,document.body.innerHTML+=&#39;&lt;p id=pwned&gt;&#39;&quot;&gt; Norland&#39;s Prime Minister <mark>Ada Lindqvist</mark> &lt;script&gt;window.__pwned=1,"
    ), "{h}");
    assert!(h.contains("&lt;i&gt;Norland&lt;/i&gt; picks a new course"));
}

#[test]
fn escape_covers_the_five_characters() {
    assert_eq!(
        report::html::escape("a&b<c>d\"e'f\u{7}g\nh"),
        "a&amp;b&lt;c&gt;d&quot;e&#39;f\u{FFFD}g\nh"
    );
}

/// The seeds plus the hostile article, rendered and opened in headless Chromium:
/// the findings' messages are in the page, the injected script did not run, and a
/// screenshot is taken. The built-in knowledge base is in force; the fixture one is
/// added so the hostile (fictional) article gives a finding.
#[test]
#[ignore = "needs chromium"]
fn opens_in_chromium() {
    assert!(
        Path::new(SEEDS).exists(),
        "{SEEDS} is missing: this test needs ../shared beside the checkout"
    );
    let chromium = Command::new("chromium").arg("--version").output();
    assert!(
        chromium.as_ref().is_ok_and(|o| o.status.success()),
        "chromium is not installed (apt-get install -y chromium): {chromium:?}"
    );
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-test");
    std::fs::create_dir_all(&out).expect("target/html-test");
    let tmp = tempfile::tempdir().expect("temp dir");
    let r = run(&[PathBuf::from(SEEDS), hostile_file(tmp.path())]);
    assert!(r.findings.len() >= 2, "seed and hostile findings");
    let page = out.join("report.html");
    std::fs::write(&page, &r.html).expect("write report");
    let url = format!("file://{}", page.display());

    let browser = |extra: &[&str]| {
        let profile = tempfile::tempdir().expect("profile dir");
        let o = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(&url)
            .output()
            .expect("chromium runs");
        assert!(
            o.status.success(),
            "chromium failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };

    let dom = browser(&["--dump-dom"]);
    for f in &r.findings {
        // Serialized text escapes only these three.
        let msg = f
            .message
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(dom.contains(&msg), "message not in the DOM: {msg}");
    }
    assert!(!dom.contains("id=\"pwned\""), "the injected script ran");
    assert!(dom.contains("Ada Lindqvist</mark> &lt;script&gt;window.__pwned=1"));
    // The page's own script ran: the filters are shown and the count filled in.
    assert!(dom.contains("<form id=\"filters\">"), "filters not shown");
    assert!(dom.contains(&format!(
        "Showing {n} of {n} findings.",
        n = r.findings.len()
    )));

    let png = out.join("report.png");
    let _ = std::fs::remove_file(&png);
    browser(&[
        &format!("--screenshot={}", png.display()),
        "--window-size=1280,2000",
    ]);
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.len() > 1000, "screenshot is {} bytes", bytes.len());
    assert!(bytes.starts_with(b"\x89PNG"));
}

/// `--format html` through the command line gives the library's page.
#[test]
fn cli_html() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "check",
            "--rules",
            "tests/fixtures/kb",
            "--format",
            "html",
            ROLE,
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "an error finding");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(stdout, run(&[PathBuf::from(ROLE)]).html);
}
