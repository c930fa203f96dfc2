//! `claimcheck kb` as editors and scripts use it: who/what/find/stats/check, their
//! JSON, exit statuses (0 found, 1 nothing found, 2 bad usage) and `--check-kb`.

mod common;

use common::{claimcheck, json, stderr, stdout};

const KB: &str = "tests/fixtures/kb";

#[test]
fn who_on_a_date() {
    let o = claimcheck(&["kb", "who", "Prime Minister of Japan", "--on", "2025-10-28"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Prime Minister of Japan [prime-minister-of-japan]\n"));
    assert!(
        out.contains("  on 2025-10-28: Takaichi Sanae [takaichi-sanae], in office 2025-10-21 →\n"),
        "{out}"
    );
    assert!(out.contains("  source: Prime Minister's Office of Japan (Kantei), "));
    // With --on only that day's holder is given, not the list.
    assert!(!out.contains("Kishida"), "{out}");

    // A handover day has two holders.
    let o = claimcheck(&["kb", "who", "Japan's PM", "--on", "2024-10-01"]);
    let out = stdout(&o);
    assert!(
        out.contains("on 2024-10-01 (handover day): Kishida Fumio [kishida-fumio], in office 2021-10-04 → 2024-10-01; Ishiba Shigeru"),
        "{out}"
    );
    // Before the records start.
    let o = claimcheck(&["kb", "who", "prime-minister-of-japan", "--on", "1990-01-01"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("on 1990-01-01: no holder recorded (records run from 2000-04-05)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn who_without_a_date_lists_every_holder() {
    let o = claimcheck(&["kb", "who", "Norland's Prime Minister", "--rules", KB]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Prime Minister of Norland [prime-minister-of-norland]"
    );
    assert_eq!(lines[1], "  of: Norland [norland]");
    assert!(lines[2].starts_with("  today ("), "{out}");
    assert!(lines[2].ends_with("): Bo Hedman [bo-hedman], in office 2024-07-01 →"));
    assert_eq!(lines[3], "  holders:");
    assert_eq!(
        lines[4],
        "    2019-05-01 → 2024-06-30   Ada Lindqvist [ada-lindqvist]"
    );
    assert_eq!(
        lines[5],
        "    2024-07-01 →              Bo Hedman [bo-hedman]"
    );
    // An office whose holders are not recorded says so.
    let o = claimcheck(&[
        "kb",
        "who",
        "chair-of-norland-minerals-agency",
        "--rules",
        KB,
    ]);
    assert!(
        stdout(&o).contains("  holders: not recorded\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn who_as_json() {
    let o = claimcheck(&[
        "kb",
        "who",
        "Prime Minister of Norland",
        "--rules",
        KB,
        "--on",
        "2024-06-30",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["query"], "Prime Minister of Norland");
    assert_eq!(v["on"], "2024-06-30");
    let office = &v["offices"][0];
    assert_eq!(office["type"], "office");
    assert_eq!(office["id"], "prime-minister-of-norland");
    assert_eq!(office["of"]["id"], "norland");
    assert_eq!(office["holders_on"][0]["person"], "ada-lindqvist");
    assert_eq!(office["holders_on"][0]["to"], "2024-06-30");
    assert_eq!(office["holders"].as_array().map(Vec::len), Some(2));
    assert_eq!(office["holders"][1]["to"], serde_json::Value::Null);
    assert_eq!(office["source"]["publisher"], "claimcheck fixtures");
}

#[test]
fn what_an_acronym_stands_for() {
    let o = claimcheck(&["kb", "what", "JOGMEC"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "Japan Organization for Metals and Energy Security [jogmec], organization\n"
        )
    );
    assert!(out.contains("  acronyms: JOGMEC\n"));
    assert!(
        out.contains(
            "  renamed: from \"Japan Oil, Gas and Metals National Corporation\" on 2022-11-14\n"
        ),
        "{out}"
    );
    assert!(out.contains("  source: Japan Organization for Metals and Energy Security, "));

    // A shared acronym gives every entity with its contexts.
    let o = claimcheck(&["kb", "what", "BIS", "--format", "json"]);
    let v = json(&o);
    let ids: Vec<&str> = v["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert_eq!(ids, ["bis-commerce", "bis-settlements"]);
    assert!(
        v["entities"][0]["contexts"]
            .as_array()
            .is_some_and(|c| c.iter().any(|x| x == "Entity List"))
    );
    assert!(
        v["entities"][1]["contexts"]
            .as_array()
            .is_some_and(|c| c.iter().any(|x| x == "central bank"))
    );

    // A place: its operator; an organization: what it operates.
    let v = json(&claimcheck(&[
        "kb",
        "what",
        "Mountain Pass",
        "--format",
        "json",
    ]));
    assert_eq!(v["entities"][0]["operator"]["id"], "mp-materials");
    assert_eq!(v["entities"][0]["examples"], 2);
    let v = json(&claimcheck(&[
        "kb",
        "what",
        "MP Materials",
        "--format",
        "json",
    ]));
    assert!(
        v["entities"][0]["operates"]
            .as_array()
            .is_some_and(|a| a.iter().any(|p| p["id"] == "mountain-pass"))
    );
    // A known misspelling is named as such.
    let o = claimcheck(&["kb", "what", "Albermarle"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("\"Albermarle\" is a known misspelling of Albemarle [albemarle]\n")
    );
}

#[test]
fn find_gives_offices_held_with_dates() {
    let o = claimcheck(&["kb", "find", "Takaichi"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Takaichi Sanae [takaichi-sanae], person\n"),
        "{out}"
    );
    assert!(out.contains("  aliases: Sanae Takaichi; 高市早苗\n"));
    assert!(out.contains("  offices held:\n    2025-10-21 →              Prime Minister of Japan [prime-minister-of-japan]\n"));
    assert!(out.contains("  source: Prime Minister's Office of Japan (Kantei), "));

    let v = json(&claimcheck(&["kb", "find", "takaichi", "--format", "json"]));
    let held = &v["entities"][0]["offices_held"][0];
    assert_eq!(held["office"], "prime-minister-of-japan");
    assert_eq!(held["from"], "2025-10-21");
    assert_eq!(held["to"], serde_json::Value::Null);
    // Folded: accents and case do not matter.
    let v = json(&claimcheck(&[
        "kb",
        "find",
        "JORGENSEN",
        "--format",
        "json",
    ]));
    assert_eq!(v["entities"][0]["id"], "dan-jorgensen");
}

#[test]
fn nothing_found_exits_1_with_suggestions() {
    let o = claimcheck(&["kb", "what", "Japn"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "claimcheck: no entry \"Japn\" in the knowledge base (did you mean \"Japan\"?)\n"
    );
    let o = claimcheck(&["kb", "who", "Prime Ministr of Japan"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("(did you mean \"Prime Minister of Japan\""),
        "{}",
        stderr(&o)
    );
    // JSON still prints an empty result for scripts.
    let o = claimcheck(&["kb", "find", "zzzzqq", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["entities"], serde_json::json!([]));
}

#[test]
fn figure_lists_values_bases_and_the_value_on_a_day() {
    let o = claimcheck(&["kb", "figure", "zircite", "--rules", KB]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Norland zircite production [norland-zircite-production], in t, tolerance 100\n  subject: Norland [norland]\n  terms: zircite production\n  also as: zircite oxide equivalent (x2)\n  2024-01-01 to 2024-12-31: 10000 t\n"),
        "{out}"
    );
    assert!(
        out.contains("World zircite production [world-zircite-production], in t, tolerance 1000\n  subject: worldwide (its terms name the scope)\n"),
        "{out}"
    );
    // A term finds it too; --on gives the value in force, or says there is none.
    let o = claimcheck(&[
        "kb",
        "figure",
        "global zircite",
        "--on",
        "2024-05-01",
        "--rules",
        KB,
    ]);
    let out = stdout(&o);
    assert!(
        out.contains("  on 2024-05-01: 50000 t (2024-01-01 to 2024-12-31)\n"),
        "{out}"
    );
    assert!(!out.contains("Norland"), "{out}");
    let o = claimcheck(&[
        "kb",
        "figure",
        "Bank of Norland policy",
        "--on",
        "2025-03-04",
        "--format",
        "json",
        "--rules",
        KB,
    ]);
    let v = json(&o);
    assert_eq!(v["figures"][0]["id"], "bank-of-norland-policy-rate");
    assert_eq!(v["figures"][0]["on"]["low"], 2.5);
    assert_eq!(v["figures"][0]["subject"]["id"], "bank-of-norland");
    let o = claimcheck(&[
        "kb",
        "figure",
        "zircite",
        "--on",
        "2023-05-01",
        "--rules",
        KB,
    ]);
    assert!(stdout(&o).contains("  on 2023-05-01: no value recorded\n"));
    // Nothing found: exit 1, a message, and an empty list in JSON.
    let o = claimcheck(&[
        "kb",
        "figure",
        "unobtainium",
        "--format",
        "json",
        "--rules",
        KB,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["figures"], serde_json::json!([]));
    assert!(stderr(&o).contains("no reference figure"), "{}", stderr(&o));
}

#[test]
fn bad_usage_exits_2() {
    let o = claimcheck(&["kb", "who", "Prime Minister of Japan", "--on", "2025-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "claimcheck: error: --on \"2025-13-01\" is not a date; expected YYYY-MM-DD\n"
    );
    assert_eq!(claimcheck(&["kb", "who"]).status.code(), Some(2));
    assert_eq!(claimcheck(&["kb", "frobnicate"]).status.code(), Some(2));
}

#[test]
fn stats_counts_and_share_with_examples() {
    let o = claimcheck(&["kb", "stats"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let labels: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        labels,
        [
            "offices",
            "holders",
            "people",
            "organizations",
            "acronyms",
            "places",
            "figures",
            "events",
            "entries"
        ]
    );
    assert!(out.contains("with examples ("), "{out}");
    let v = json(&claimcheck(&["kb", "stats", "--format", "json"]));
    assert!(v["offices"]["entries"].as_u64().unwrap_or(0) >= 20);
    assert!(v["offices"]["with_examples"].as_u64().unwrap_or(0) >= 1);
    assert!(v["with_examples"]["with_examples"].as_u64().unwrap_or(0) >= 7);
    assert!(v["examples"].as_u64().unwrap_or(0) >= 12);
}

/// A folder with one organization whose second example is wrong.
fn bad_examples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.toml"),
        r#"[[organization]]
id = "test-board"
name = "Test Minerals Board"
acronyms = ["TMBX"]
source = { publisher = "P", document = "D", date = "2024" }
examples = [
  { text = "The TMBX approved the permit." },
  { text = "The TMBX approved it.", flag = "role-holder-conflict" },
]
"#,
    )
    .unwrap();
    dir
}

#[test]
fn kb_check_runs_every_example() {
    let o = claimcheck(&["kb", "check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).ends_with("entries: all hold\n"),
        "{}",
        stdout(&o)
    );

    let dir = bad_examples();
    let d = dir.path().display().to_string();
    let o = claimcheck(&["kb", "check", "--rules", &d]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).replace(&d, "DIR"),
        "claimcheck: error: DIR/a.toml:8:3: example 2 of test-board: expected a role-holder-conflict finding, got no finding\n"
    );
}

#[test]
fn check_kb_flag_on_check_and_extract() {
    let article = "tests/fixtures/role-holder-conflict/negative/article.txt";
    let o = claimcheck(&["check", "--check-kb", "--rules", KB, article]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dir = bad_examples();
    let d = dir.path().display().to_string();
    for cmd in ["check", "extract"] {
        let o = claimcheck(&[cmd, "--check-kb", "--rules", &d, article]);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        assert_eq!(stdout(&o), "", "{cmd}");
        assert!(
            stderr(&o).contains("/a.toml:8:3: example 2 of test-board: expected"),
            "{cmd}: {}",
            stderr(&o)
        );
        // Without the flag the examples are not run.
        assert_eq!(
            claimcheck(&[cmd, "--rules", &d, article]).status.code(),
            Some(0)
        );
    }
}
