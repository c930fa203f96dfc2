//! Where `check` and `extract` take their articles from besides paths: standard
//! input (`-`, named by `--stdin-filename`) and a list of paths (`--files-from`).

mod common;

use common::{claimcheck, claimcheck_with_stdin, json, stderr};

const KB: &str = "tests/fixtures/kb";
const POSITIVE: &str = "tests/fixtures/role-holder-conflict/positive/article.txt";

/// (rule, path, line, column) of every finding's primary location.
fn places(v: &serde_json::Value) -> Vec<(String, String, u64, u64)> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let l = &f["locations"][0];
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                l["path"].as_str().unwrap_or_default().to_string(),
                l["line"].as_u64().unwrap_or(0),
                l["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn an_article_on_standard_input_is_checked_under_its_given_name() {
    let text = std::fs::read(POSITIVE).expect("fixture");
    let by_path = claimcheck(&["check", "--rules", KB, "--format", "json", POSITIVE]);
    let args = [
        "check",
        "-",
        "--rules",
        KB,
        "--format",
        "json",
        "--stdin-filename",
    ];
    let o = claimcheck_with_stdin(&[&args[..], &["drafts/fair.txt"]].concat(), &text);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let want: Vec<_> = places(&json(&by_path))
        .into_iter()
        .map(|(r, _, l, c)| (r, "drafts/fair.txt".to_string(), l, c))
        .collect();
    assert!(!want.is_empty());
    assert_eq!(places(&json(&o)), want);
    assert_eq!(json(&o)["sources"][0]["id"], "drafts/fair.txt#1");
    // Without a name it is `<stdin>`.
    let o = claimcheck_with_stdin(&["check", "-", "--rules", KB, "--format", "json"], &text);
    assert_eq!(places(&json(&o))[0].1, "<stdin>");
}

#[test]
fn the_given_name_picks_the_format() {
    // A Markdown comment silences the line after it only when the text is Markdown.
    let text = std::fs::read_to_string(POSITIVE).expect("fixture").replace(
        "Norland's Prime Minister",
        "<!-- claimcheck-disable-next-line role-holder-conflict -->\nNorland's Prime Minister",
    );
    let run = |name: &str| {
        claimcheck_with_stdin(
            &[
                "check",
                "-",
                "--rules",
                KB,
                "--format",
                "json",
                "--stdin-filename",
                name,
            ],
            text.as_bytes(),
        )
    };
    let md = run("fair.md");
    assert_eq!((md.status.code(), places(&json(&md))), (Some(0), vec![]));
    let txt = run("fair.txt");
    assert_eq!(txt.status.code(), Some(1));
    assert_eq!(places(&json(&txt))[0].0, "role-holder-conflict");
}

#[test]
fn bad_standard_input_is_one_line_and_status_2() {
    let o = claimcheck_with_stdin(&["check", "-", "--rules", KB], b"abc\0def\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("<stdin>: binary file"),
        "{}",
        stderr(&o)
    );
    let o = claimcheck_with_stdin(&["check", "-", "--rules", KB], &[0xff, 0xfe, b'a']);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = claimcheck_with_stdin(&["check", "-", "-"], b"x");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("more than once"), "{}", stderr(&o));
    let o = claimcheck(&["check", POSITIVE, "--stdin-filename", "a.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--stdin-filename"), "{}", stderr(&o));
}

#[test]
fn files_from_adds_the_listed_articles_and_leaves_out_the_rest() {
    let list = format!("{POSITIVE}\nsrc/main.rs\n\nCargo.toml\n");
    let o = claimcheck_with_stdin(
        &[
            "check",
            "--rules",
            KB,
            "--format",
            "json",
            "--files-from",
            "-",
        ],
        list.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let by_path = claimcheck(&["check", "--rules", KB, "--format", "json", POSITIVE]);
    assert_eq!(places(&json(&o)), places(&json(&by_path)));
    assert!(
        stderr(&o).contains("2 of 3 listed paths are not articles"),
        "{}",
        stderr(&o)
    );
    // A list from a file, with a path on the command line too.
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("changed.txt");
    std::fs::write(&file, format!("{POSITIVE}\r\n")).expect("write");
    let o = claimcheck(&[
        "check",
        "--rules",
        KB,
        "--format",
        "json",
        "--files-from",
        file.to_str().unwrap(),
        "tests/fixtures/role-holder-conflict/negative/article.txt",
    ]);
    let mut paths: Vec<String> = json(&o)["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["path"].as_str().map(String::from))
        .collect();
    paths.dedup();
    assert_eq!(
        paths,
        vec![
            "tests/fixtures/role-holder-conflict/negative/article.txt".to_string(),
            POSITIVE.to_string()
        ]
    );
}

#[test]
fn a_list_with_no_article_checks_nothing_and_says_so() {
    let o = claimcheck_with_stdin(&["check", "--files-from", "-"], b"src/main.rs\n");
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no article to check"), "{}", stderr(&o));
    let o = claimcheck_with_stdin(&["extract", "--files-from", "-"], b"");
    assert_eq!(o.status.code(), Some(0));
    // A list that cannot be read, or standard input asked for twice, is an error.
    let o = claimcheck(&["check", "--files-from", "tests/no-such-list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read --files-from"),
        "{}",
        stderr(&o)
    );
    let o = claimcheck_with_stdin(&["check", "-", "--files-from", "-"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn extract_reads_standard_input_too() {
    let o = claimcheck_with_stdin(
        &[
            "extract",
            "-",
            "--format",
            "json",
            "--stdin-filename",
            "in.txt",
        ],
        "Output\nWire·2025-01-02 09:00\n\nOutput rose to 3,000 tonnes.\n".as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let q = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["kind"] == "quantity")
        .cloned()
        .expect("a quantity");
    assert_eq!(
        (q["path"].as_str(), q["value"].as_f64()),
        (Some("in.txt"), Some(3000.0))
    );
}

#[test]
fn a_draft_replaces_its_saved_copy_in_an_index() {
    // An editor's buffer checked against an index of the folder it is saved in: the
    // saved copy is the draft's old text, not another source.
    let tmp = tempfile::tempdir().expect("tempdir");
    let arch = tmp.path().join("arch");
    std::fs::create_dir(&arch).expect("mkdir");
    let article = |title: &str, day: u32, tonnes: &str| {
        format!(
            "{title}\nWire·2025-01-{day} 09:00\n\n\
             The Norland Minerals Agency said lithium production reached {tonnes} tonnes in 2024.\n"
        )
    };
    std::fs::write(arch.join("a.txt"), article("A", 20, "12,000")).expect("write");
    std::fs::write(arch.join("b.txt"), article("B", 21, "12,000")).expect("write");
    let kb = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(KB);
    let kb = kb.to_str().unwrap();
    let o = common::run_in(
        tmp.path(),
        &["index", "arch", "-o", "arch.idx", "--rules", kb],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Against the index and against the folder itself.
    for against in ["arch.idx", "arch"] {
        let args = [
            "check",
            "-",
            "--stdin-filename",
            "arch/a.txt",
            "--against",
            against,
        ];
        let args = [&args[..], &["--rules", kb, "--format", "json"]].concat();
        let o = common::run_in_with_stdin(tmp.path(), &args, article("A", 20, "9,000").as_bytes());
        let v = json(&o);
        let paths: Vec<&str> = v["findings"][0]["locations"]
            .as_array()
            .expect("locations")
            .iter()
            .filter_map(|l| l["path"].as_str())
            .collect();
        assert_eq!(paths, vec!["arch/a.txt", "arch/b.txt"], "against {against}");
        assert_eq!(
            v["findings"].as_array().map(Vec::len),
            Some(1),
            "against {against}"
        );
    }
}
