//! The `check` output formats for CI and review: SARIF, GitHub workflow commands and
//! Markdown. Each is snapshotted on the quantity and role-holder fixtures (with the
//! fictional knowledge base of tests/fixtures/kb), its key fields are asserted, and
//! each is fed hostile text (control characters, quotes, backslashes, markup).

use std::path::{Path, PathBuf};
use std::process::Command;

use claimcheck::read::{File, Source};
use claimcheck::rules::{Finding, Place, Severity};
use claimcheck::{claims, kb, read, report, rules};
use serde_json::Value;

struct Run {
    kb: kb::Kb,
    files: Vec<File>,
    sources: Vec<Source>,
    claims: usize,
    findings: Vec<Finding>,
}

impl Run {
    fn sarif(&self) -> String {
        report::sarif::render(&self.findings, &self.files, &self.sources, &self.kb)
    }
    fn github(&self) -> String {
        report::github::render(&self.findings, &self.files, &self.sources)
    }
    fn markdown(&self) -> String {
        report::markdown::render(&self.findings, &self.files, &self.sources, self.claims)
    }
    fn contract(&self) -> Value {
        let claims = claims::extract(&self.kb, &self.files, &self.sources);
        serde_json::from_str(&report::check::json(
            &self.findings,
            &self.files,
            &self.sources,
            &claims,
        ))
        .expect("JSON output")
    }
}

fn run(path: &str) -> Run {
    let kb = kb::load(&[Path::new("tests/fixtures/kb")]).expect("fixture knowledge base loads");
    let (files, sources, errors) = read::read_all(&[PathBuf::from(path)]);
    assert!(errors.is_empty(), "{errors:?}");
    let claims = claims::extract(&kb, &files, &sources);
    let findings = rules::check(&kb, &files, &sources, &claims);
    Run {
        claims: claims.len(),
        kb,
        files,
        sources,
        findings,
    }
}

fn sarif_json(r: &Run) -> Value {
    serde_json::from_str(&r.sarif()).expect("SARIF is JSON")
}

fn snapshot(name: &str, r: &Run) {
    let sarif = sarif_json(r);
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| {
        // The rules' documentation is asserted below, not snapshotted: it is the
        // rules' to change.
        insta::assert_json_snapshot!(format!("formats.{name}.sarif"), sarif["runs"][0]["results"]);
        insta::assert_snapshot!(format!("formats.{name}.github"), r.github());
        insta::assert_snapshot!(format!("formats.{name}.markdown"), r.markdown());
    });
}

const QUANTITY: &str = "tests/fixtures/quantity-conflict/positive/article.txt";
const ROLE: &str = "tests/fixtures/role-holder-conflict/positive/article.txt";

#[test]
fn snapshots() {
    snapshot("quantity-conflict", &run(QUANTITY));
    snapshot("role-holder-conflict", &run(ROLE));
}

#[test]
fn sarif_structure() {
    let r = run(QUANTITY);
    let v = sarif_json(&r);
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["$schema"], report::sarif::SCHEMA);
    let runs = v["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run0 = &runs[0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "claimcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let all = rules::all();
    let rs = driver["rules"].as_array().expect("rules");
    assert_eq!(rs.len(), all.len());
    for (sr, r) in rs.iter().zip(&all) {
        assert_eq!(sr["id"], r.id);
        assert_eq!(sr["shortDescription"]["text"], r.summary);
        assert_eq!(sr["fullDescription"]["text"], r.doc());
        assert_eq!(sr["help"]["text"], r.doc());
        let level = match r.default_severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        assert_eq!(sr["defaultConfiguration"]["level"], level, "{}", r.id);
    }
    assert_eq!(rs[3]["name"], "QuantityConflict");
    // The suppression checks are documented rules too.
    let ids: Vec<&str> = rs.iter().filter_map(|r| r["id"].as_str()).collect();
    assert!(ids.contains(&"unknown-suppression") && ids.contains(&"unused-suppression"));

    let results = run0["results"].as_array().expect("results");
    // One result for each source of the conflict, that source's place first.
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[1]["message"]["text"],
        "Norland Minerals Agency lithium production for 2024 is 12000 t here, but 8000 t in tests/fixtures/quantity-conflict/positive/article.txt#2"
    );
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    assert_eq!(
        results[1]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
    assert_ne!(
        results[0]["partialFingerprints"],
        results[1]["partialFingerprints"]
    );
    let res = &results[0];
    assert_eq!(res["ruleId"], "quantity-conflict");
    let idx = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rs[idx]["id"], "quantity-conflict");
    assert_eq!(res["level"], "error");
    assert_eq!(
        res["message"]["text"],
        "Norland Minerals Agency lithium production for 2024 is 8000 t here, but 12000 t in tests/fixtures/quantity-conflict/positive/article.txt#1"
    );
    let loc = &res["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "tests/fixtures/quantity-conflict/positive/article.txt"
    );
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    // The same region as the JSON contract's primary location.
    let json = r.contract();
    let primary = &json["findings"][0]["locations"][0];
    let region = &loc["region"];
    assert_eq!(region["startLine"], primary["line"]);
    assert_eq!(region["startColumn"], primary["column"]);
    assert_eq!(region["endLine"], primary["end_line"]);
    assert_eq!(region["endColumn"], primary["end_column"]);
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(8), Some(61))
    );
    assert_eq!(region["endColumn"], 73);
    assert_eq!(region["snippet"]["text"], "8,000 tonnes");
    let related = res["relatedLocations"].as_array().expect("related");
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["id"], 1);
    assert_eq!(
        related[0]["message"]["text"],
        "12000 t in tests/fixtures/quantity-conflict/positive/article.txt#1"
    );
    assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 4);
    let fp = res["partialFingerprints"][report::sarif::FINGERPRINT_KEY]
        .as_str()
        .expect("fingerprint");
    let (hash, n) = fp.split_once(':').expect("hash:n");
    assert_eq!(hash.len(), 16);
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{fp}");
    assert_eq!(n, "1");
}

#[test]
fn sarif_levels_follow_the_rules_in_force() {
    let mut r = run(QUANTITY);
    use claimcheck::kb::{Level, RuleSettings};
    let set = |r: &mut Run, id: &str, level: Level| {
        r.kb.rules.insert(id.to_string(), RuleSettings::new(level));
    };
    set(&mut r, "quantity-conflict", Level::Info);
    set(&mut r, "date-conflict", Level::Off);
    let v = sarif_json(&r);
    let rs = &v["runs"][0]["tool"]["driver"]["rules"];
    let by_id = |id: &str| {
        rs.as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == id))
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(
        by_id("quantity-conflict")["defaultConfiguration"]["level"],
        "note"
    );
    assert_eq!(
        by_id("date-conflict")["defaultConfiguration"]["enabled"],
        false
    );
    assert_eq!(
        by_id("role-holder-conflict")["defaultConfiguration"]["enabled"],
        Value::Null
    );
}

#[test]
fn fnv1a64_matches_the_reference_values() {
    // Published FNV-1a 64 test vectors.
    assert_eq!(report::sarif::fnv1a64(b""), 0xcbf29ce484222325);
    assert_eq!(report::sarif::fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
    assert_eq!(report::sarif::fnv1a64(b"foobar"), 0x85944171f73967e8);
}

/// Lines added above a finding move it, but keep its fingerprint.
#[test]
fn sarif_fingerprints_survive_edits_elsewhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("articles.txt");
    let text = std::fs::read_to_string(QUANTITY).expect("fixture");
    let fingerprint_and_line = |text: &str| {
        std::fs::write(&path, text).expect("write");
        let r = run(path.to_str().expect("utf-8 path"));
        let v = sarif_json(&r);
        let res = &v["runs"][0]["results"][0];
        (
            res["partialFingerprints"][report::sarif::FINGERPRINT_KEY].clone(),
            res["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
            res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].clone(),
        )
    };
    let (fp1, line1, uri) = fingerprint_and_line(&text);
    let edited = text.replacen(
        "\n\n",
        "\n\nA paragraph added later about the weather at the fair.\n\n",
        1,
    );
    let (fp2, line2, _) = fingerprint_and_line(&edited);
    assert!(fp1.is_string());
    assert_eq!(fp1, fp2);
    assert_eq!(line2.as_u64(), line1.as_u64().map(|l| l + 2));
    // An absolute path becomes a file URI.
    assert!(
        uri.as_str().is_some_and(|u| u.starts_with("file:///")),
        "{uri}"
    );
    // A changed value is a different finding.
    let (fp3, _, _) = fingerprint_and_line(&text.replace("8,000 tonnes", "9,000 tonnes"));
    assert_ne!(fp1, fp3);
}

#[test]
fn github_commands() {
    let out = run(QUANTITY).github();
    assert_eq!(
        out,
        "::error file=tests/fixtures/quantity-conflict/positive/article.txt,line=8,col=61,endLine=8,\
         endColumn=73,title=quantity-conflict::Norland Minerals Agency lithium production for 2024 is 8000 t here, \
         but 12000 t in tests/fixtures/quantity-conflict/positive/article.txt#1\n\
         ::error file=tests/fixtures/quantity-conflict/positive/article.txt,line=4,col=61,endLine=4,\
         endColumn=74,title=quantity-conflict::Norland Minerals Agency lithium production for 2024 is 12000 t here, \
         but 8000 t in tests/fixtures/quantity-conflict/positive/article.txt#2\n"
    );
    let out = run(ROLE).github();
    assert!(
        out.starts_with(
            "::error file=tests/fixtures/role-holder-conflict/positive/article.txt,line=4,col=26,\
             endLine=4,endColumn=39,title=role-holder-conflict::Prime Minister of Norland"
        ),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn github_escaping() {
    use report::github::{escape_data, escape_property};
    assert_eq!(escape_data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
    assert_eq!(escape_data("a:b,c"), "a:b,c");
    assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    // `%0A` already in the text must not turn into a line break when unescaped.
    assert_eq!(escape_data("%0A"), "%250A");
    assert_eq!(
        escape_data("tab\there\u{1b}[31m\0"),
        "tab here\u{FFFD}[31m\u{FFFD}"
    );
}

/// A source and finding built by hand over hostile text.
fn hostile() -> (Vec<File>, Vec<Source>, Vec<Finding>) {
    let path = "dir, with: odd%/a|b*c.txt";
    let raw = "Intro line.\nThe chief said <script>alert(1)</script> | *x* _y_ `z` [l](http://e) @someone \\ \"q\" \u{1b}[31m & $x$ ~~s~~ ``` &amp; 1. end.\nLast line.\n";
    let file = File::plain(path.to_string(), raw.to_string());
    let start = raw.find("<script>").expect("span");
    let end = raw.find(" | ").expect("span end");
    let other = raw.find("*x*").expect("other");
    let source = Source {
        id: format!("{path}#1"),
        path: path.to_string(),
        title: Some("T".to_string()),
        date: chrono::NaiveDate::from_ymd_opt(2025, 1, 2),
        lang: "en",
        file: 0,
        range: 0..raw.len(),
    };
    let finding = Finding {
        because: Vec::new(),
        lead: None,
        rule: "quantity-conflict",
        severity: Severity::Warning,
        message: "value \"<b>x</b>\" here,\nbut ::error:: 50%\r\nin `b` | @team\u{7}".to_string(),
        subject: Some("# subject * with _marks_".to_string()),
        expected: Some("<img src=x onerror=alert(1)>".to_string()),
        help: Some("[click](javascript:alert(1))".to_string()),
        places: vec![
            Place {
                source: 0,
                span: start..end,
                normalized: "```\n<i>|norm|</i>".to_string(),
                primary: true,
            },
            Place {
                source: 0,
                span: other..other + 3,
                normalized: "\\ back\\slash \u{0}".to_string(),
                primary: false,
            },
        ],
    };
    (vec![file], vec![source], vec![finding])
}

/// Undoes the runner's escaping of a property or message.
fn unescape(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_hostile_text() {
    let (files, sources, findings) = hostile();
    let out = report::github::render(&findings, &files, &sources);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.ends_with('\n'));
    let line = out.trim_end_matches('\n');
    let rest = line.strip_prefix("::warning ").expect("warning command");
    let (props, message) = rest.split_once("::").expect("props::message");
    let props: Vec<&str> = props.split(',').collect();
    assert_eq!(
        props,
        [
            "file=dir%2C with%3A odd%25/a|b*c.txt",
            "line=2",
            "col=16",
            "endLine=2",
            "endColumn=41",
            "title=quantity-conflict"
        ]
    );
    assert_eq!(unescape(&props[0][5..]), sources[0].path);
    assert!(!line.contains('\r') && !line.contains('\u{7}'));
    assert_eq!(
        unescape(message),
        "value \"<b>x</b>\" here,\nbut ::error:: 50%\r\nin `b` | @team\u{FFFD}"
    );
}

/// Pipes in a table row not escaped by a backslash.
fn cell_pipes(row: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in row.chars() {
        if c == '|' && !escaped {
            n += 1;
        }
        escaped = c == '\\' && !escaped;
    }
    n
}

/// Characters that start markup, not preceded by an escaping backslash.
fn unescaped_markup(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut escaped = false;
    for c in s.chars() {
        if !escaped && matches!(c, '<' | '`' | '[' | ']' | '_' | '*' | '|' | '&' | '$' | '~') {
            out.push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    out
}

#[test]
fn markdown_hostile_text() {
    let (files, sources, findings) = hostile();
    let out = report::markdown::render(&findings, &files, &sources, 2);
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("| dir")).collect();
    assert_eq!(rows.len(), 2, "{out}");
    for row in &rows {
        assert_eq!(cell_pipes(row), 7, "{row}");
    }
    // Article text: the only markup left in a row is the bold around the span.
    let primary = rows[0];
    assert!(
        primary.contains(
            "The chief said **\\<script\\>alert\\(1\\)\\</script\\>** \\| \\*x\\* \\_y\\_ \\`z\\`"
        ),
        "{primary}"
    );
    assert!(primary.contains("@&#8203;someone"), "{primary}");
    assert!(
        primary.contains("\\\\ \"q\" \u{FFFD}\\[31m \\& \\$x\\$ \\~\\~s\\~\\~ \\`\\`\\` \\&amp; |"),
        "{primary}"
    );
    let stripped = primary.replacen("**", "", 2);
    let left: Vec<char> = unescaped_markup(&stripped)
        .into_iter()
        .filter(|&c| c != '|' && c != '&')
        .collect();
    assert_eq!(left, Vec::<char>::new(), "{primary}");
    // The message, subject, expected and help lines carry no live markup either,
    // apart from the report's own `**Label:**` and the mention breaker's `&#8203;`.
    for l in out.lines().filter(|l| {
        l.starts_with("value")
            || l.starts_with("**Subject:**")
            || l.starts_with("**Expected:**")
            || l.starts_with("**Help:**")
    }) {
        let body = l.splitn(2, ":** ").last().unwrap_or(l);
        let body = body.replace("@&#8203;", "@");
        assert_eq!(unescaped_markup(&body), Vec::<char>::new(), "{l}");
    }
    assert!(
        out.contains("\n**Subject:** \\# subject \\* with \\_marks\\_\n"),
        "{out}"
    );
    assert!(out.contains("\n**Expected:** \\<img src\\=x onerror\\=alert\\(1\\)\\>\n"));
    // The diff's fence is longer than the backtick run in a value.
    assert!(
        out.ends_with("\n````diff\n- ```\n- <i>|norm|</i>\n+ <img src=x onerror=alert(1)>\n````\n"),
        "{out}"
    );
    assert!(!out.contains('\u{7}') && !out.contains('\u{1b}') && !out.contains('\0'));
}

#[test]
fn markdown_report() {
    let r = run(QUANTITY);
    let out = r.markdown();
    // The mark first (an HTML comment, not shown), so a later run does not read it.
    let out = out
        .strip_prefix(claimcheck::read::REPORT_MARK)
        .expect("marked as a report")
        .to_string();
    assert!(out.starts_with("\n# claimcheck report\n\n**1 finding** in 2 sources, "));
    assert!(out.contains("| error | 1 |\n| warning | 0 |\n| info | 0 |\n"));
    assert!(out.contains("| `quantity-conflict` | 1 |\n"));
    assert!(out.contains("\n## 1. error: `quantity-conflict`\n"));
    assert!(
        out.contains(
            "| tests/fixtures/quantity\\-conflict/positive/article.txt\\#2 | 8 | 2025-01-21 | The Norland \
         Minerals Agency said lithium production reached **8,000 tonnes** in 2024, a record \
         for Norland. | 8000 t | primary |\n"
        ),
        "{out}"
    );
    assert!(out.contains("reached **12,000 tonnes** in 2024. | 12000 t | related |\n"));
    assert!(out.contains("\n```diff\n- 8000 t\n+ 12000 t\n```\n"));
    assert!(!out.contains("**Expected:**"), "no expected value is known");

    let out = run(ROLE).markdown();
    assert!(out.contains("\n**Expected:** Bo Hedman\n"), "{out}");
    assert!(out.contains("Norland's Prime Minister **Ada Lindqvist** opened the mining fair"));
    assert!(
        out.contains("| 2024-09-03 | The fair was opened by Prime Minister **Bo Hedman**, who")
    );
    assert!(out.contains("\n```diff\n- Ada Lindqvist\n+ Bo Hedman\n```\n"));
}

#[test]
fn markdown_with_no_findings() {
    let r = run("tests/fixtures/quantity-conflict/negative/article.txt");
    let out = r.markdown();
    assert!(
        out.starts_with(&format!(
            "{}\n# claimcheck report\n\n**0 findings** in ",
            claimcheck::read::REPORT_MARK
        )),
        "{out}"
    );
    assert!(out.ends_with("No conflicts found.\n"));
    assert_eq!(r.github(), "");
    let v = sarif_json(&r);
    assert_eq!(v["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn sarif_hostile_text() {
    let (files, sources, findings) = hostile();
    let out = report::sarif::render(&findings, &files, &sources, &kb::Kb::default());
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let res = &v["runs"][0]["results"][0];
    assert_eq!(res["message"]["text"], findings[0].message.as_str());
    assert_eq!(res["level"], "warning");
    let loc = &res["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "dir%2C%20with%3A%20odd%25/a%7Cb%2Ac.txt"
    );
    assert_eq!(
        loc["region"]["snippet"]["text"],
        "<script>alert(1)</script>"
    );
    assert_eq!(
        res["relatedLocations"][0]["message"]["text"],
        format!("\\ back\\slash \u{0} in {}", sources[0].id)
    );
}

#[test]
fn outputs_are_deterministic() {
    let (a, b) = (run(ROLE), run(ROLE));
    assert_eq!(a.sarif(), b.sarif());
    assert_eq!(a.github(), b.github());
    assert_eq!(a.markdown(), b.markdown());
    let (files, sources, findings) = hostile();
    assert_eq!(
        report::markdown::render(&findings, &files, &sources, 1),
        report::markdown::render(&findings, &files, &sources, 1)
    );
}

/// The three formats through the command line, to stdout and with `--output`.
#[test]
fn cli_formats() {
    let bin = env!("CARGO_BIN_EXE_claimcheck");
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ["sarif", "github", "markdown"] {
        let out = Command::new(bin)
            .args([
                "check",
                "--rules",
                "tests/fixtures/kb",
                "--format",
                format,
                ROLE,
            ])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{format}: an error finding");
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        let file = dir.path().join(format!("out.{format}"));
        let out2 = Command::new(bin)
            .args([
                "check",
                "--rules",
                "tests/fixtures/kb",
                "--format",
                format,
                ROLE,
            ])
            .arg("--output")
            .arg(&file)
            .output()
            .expect("runs");
        assert_eq!(out2.status.code(), Some(1));
        assert!(out2.stdout.is_empty(), "{format}: nothing on stdout");
        assert_eq!(std::fs::read_to_string(&file).expect("written"), stdout);
        let lib = run(ROLE);
        let expected = match format {
            "sarif" => lib.sarif(),
            "github" => lib.github(),
            _ => lib.markdown(),
        };
        assert_eq!(stdout, expected, "{format}");
    }
}

/// SARIF for every rule fixture against the SARIF 2.1.0 schema (draft-04), with
/// format assertions on (URIs are checked).
#[test]
#[ignore = "needs ../shared/spec"]
fn sarif_validates_against_the_schema() {
    let schema = "../shared/spec/sarif-schema-2.1.0.json";
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    let index = compiler
        .compile(schema, &mut schemas)
        .unwrap_or_else(|e| panic!("{e:#}"));
    let mut checked = 0;
    for r in rules::all() {
        for kind in ["positive", "negative"] {
            let v = sarif_json(&run(&format!("tests/fixtures/{}/{kind}", r.id)));
            if let Err(e) = schemas.validate(&v, index) {
                panic!("{} {kind}: {e:#}", r.id);
            }
            checked += 1;
        }
    }
    let (files, sources, findings) = hostile();
    let v: Value = serde_json::from_str(&report::sarif::render(
        &findings,
        &files,
        &sources,
        &kb::Kb::default(),
    ))
    .expect("JSON");
    if let Err(e) = schemas.validate(&v, index) {
        panic!("hostile: {e:#}");
    }
    // Skipped input files as tool execution notifications.
    let skipped = [
        claimcheck::Error::Input {
            path: "bad dir/x.txt".into(),
            msg: "binary file (NUL byte at offset 3)".into(),
            offset: Some(3),
        },
        claimcheck::Error::input("/abs/loop.md", "symbolic link cannot be followed"),
    ];
    let v: Value = serde_json::from_str(&report::sarif::render_with_errors(
        &findings,
        &files,
        &sources,
        &kb::Kb::default(),
        &skipped,
    ))
    .expect("JSON");
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], false);
    if let Err(e) = schemas.validate(&v, index) {
        panic!("notifications: {e:#}");
    }
    // An absolute path (file URI) too.
    let mut files = files;
    files[0].path = "/tmp/a b/c.txt".to_string();
    let mut sources = sources;
    sources[0].path = "/tmp/a b/c.txt".to_string();
    let v: Value = serde_json::from_str(&report::sarif::render(
        &findings,
        &files,
        &sources,
        &kb::Kb::default(),
    ))
    .expect("JSON");
    let uri =
        &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "file:///tmp/a%20b/c.txt");
    if let Err(e) = schemas.validate(&v, index) {
        panic!("absolute: {e:#}");
    }
    assert_eq!(checked, 2 * rules::all().len());
    // The validator does reject what the schema forbids.
    let mut bad = v.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(schemas.validate(&bad, index).is_err(), "a bad level");
    let v2 = v.clone();
    let mut bad = v;
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(schemas.validate(&bad, index).is_err(), "line 0");
    let mut bad = v2;
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "a b".into();
    assert!(schemas.validate(&bad, index).is_err(), "a URI with a space");
}
