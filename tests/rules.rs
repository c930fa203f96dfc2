//! Each rule family against its positive and negative fixture (tests/fixtures/<rule>/),
//! with the fictional knowledge base in tests/fixtures/kb: the finding, its rule, its
//! spans and its values are asserted, and the human and JSON outputs are snapshotted
//! in snapshots/.

use std::path::{Path, PathBuf};

use claimcheck::{claims, kb, read, report, rules};

struct Run {
    findings: Vec<rules::Finding>,
    json: serde_json::Value,
    human: String,
}

fn run(path: &str) -> Run {
    let kb = kb::load(&[Path::new("tests/fixtures/kb")]).expect("fixture knowledge base loads");
    let (files, sources, errors) = read::read_all(&[PathBuf::from(path)]);
    assert!(errors.is_empty(), "{errors:?}");
    let claims = claims::extract(&kb, &files, &sources);
    let findings = rules::check(&kb, &files, &sources, &claims);
    let json: serde_json::Value =
        serde_json::from_str(&report::check::json(&findings, &files, &sources, &claims))
            .expect("valid JSON");
    let human = report::check::human(&findings, &files, &sources, claims.len(), false);
    Run {
        findings,
        json,
        human,
    }
}

fn snapshot(name: &str, r: &Run) {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| {
        insta::assert_snapshot!(format!("{name}.human"), r.human);
        insta::assert_json_snapshot!(format!("{name}.json"), r.json["findings"]);
    });
}

/// Asserts one finding of `rule` whose locations have exactly these texts (primary first)
/// and these normalized values, and snapshots both outputs.
fn positive(rule: &str, texts: &[&str], normalized: &[&str]) {
    let r = run(&format!("tests/fixtures/{rule}/positive.txt"));
    let found: Vec<&serde_json::Value> = r.json["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["rule"] == rule).collect())
        .unwrap_or_default();
    assert_eq!(found.len(), 1, "{rule}: {}", r.human);
    let locs = found[0]["locations"].as_array().expect("locations");
    let got: Vec<&str> = locs
        .iter()
        .map(|l| l["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(got, texts, "{rule}: {}", r.human);
    let norm: Vec<&str> = locs
        .iter()
        .map(|l| l["normalized"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(norm, normalized, "{rule}");
    assert_eq!(locs[0]["role"], "primary");
    assert!(
        r.findings.iter().all(|f| f.rule == rule),
        "only {rule} fires: {}",
        r.human
    );
    snapshot(&format!("{rule}.positive"), &r);
}

fn negative(rule: &str) {
    let r = run(&format!("tests/fixtures/{rule}/negative.txt"));
    assert!(
        r.findings.is_empty(),
        "{rule} negative fixture: {}",
        r.human
    );
    snapshot(&format!("{rule}.negative"), &r);
}

#[test]
fn role_holder_conflict() {
    positive(
        "role-holder-conflict",
        &["Ada Lindqvist", "Bo Hedman"],
        &["Ada Lindqvist", "Bo Hedman"],
    );
    let r = run("tests/fixtures/role-holder-conflict/positive.txt");
    assert_eq!(r.json["findings"][0]["expected"], "Bo Hedman");
    assert!(
        r.json["findings"][0]["diff"]
            .as_str()
            .unwrap_or("")
            .contains("+ Bo Hedman")
    );
    negative("role-holder-conflict");
}

/// An office whose holders the knowledge base does not record: sources days apart
/// naming different holders conflict; a surname of the same holder, or a new holder
/// months later, does not.
#[test]
fn role_holder_conflict_without_recorded_holders() {
    let r = run("tests/fixtures/role-holder-conflict/positive-unrecorded.txt");
    assert_eq!(r.findings.len(), 1, "{}", r.human);
    let f = &r.json["findings"][0];
    assert_eq!(f["rule"], "role-holder-conflict");
    let texts: Vec<&str> = f["locations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| l["text"].as_str())
        .collect();
    assert_eq!(texts, ["Vera Kolb", "Tomas Rieger"]);
    assert_eq!(f["expected"], serde_json::Value::Null);
    snapshot("role-holder-conflict.positive-unrecorded", &r);
    let r = run("tests/fixtures/role-holder-conflict/negative-unrecorded.txt");
    assert!(r.findings.is_empty(), "{}", r.human);
}

#[test]
fn acronym_expansion_mismatch() {
    positive(
        "acronym-expansion-mismatch",
        &["Institute of Applied Geology (NMA)"],
        &["NMA = Institute of Applied Geology"],
    );
    negative("acronym-expansion-mismatch");
}

/// A known acronym labelled with a name the knowledge base does not know: another
/// body's name is flagged, a paraphrase of its own name and a person's label are not.
#[test]
fn acronym_with_an_unknown_long_name() {
    let r = run("tests/fixtures/acronym-expansion-mismatch/positive-unknown-name.txt");
    assert_eq!(r.findings.len(), 1, "{}", r.human);
    let f = &r.json["findings"][0];
    assert_eq!(
        f["locations"][0]["text"],
        "Northern Survey Board of Norland (NMA)"
    );
    assert_eq!(f["expected"], "Norland Minerals Agency (NMA)");
    snapshot("acronym-expansion-mismatch.positive-unknown-name", &r);
    let r = run("tests/fixtures/acronym-expansion-mismatch/negative-paraphrase.txt");
    assert!(r.findings.is_empty(), "{}", r.human);
}

#[test]
fn entity_name_variant() {
    positive(
        "entity-name-variant",
        &["Harrow Cross"],
        &["Harrow Crossing"],
    );
    negative("entity-name-variant");
}

/// Names inside Chinese text, two letters swapped, and a name led by an acronym.
#[test]
fn entity_name_variant_forms() {
    let r = run("tests/fixtures/entity-name-variant/forms-positive.txt");
    let got: Vec<(&str, &str)> = r
        .findings
        .iter()
        .map(|f| {
            assert_eq!(f.rule, "entity-name-variant", "{}", r.human);
            (
                r.json["findings"]
                    .as_array()
                    .and_then(|a| a.iter().find(|j| j["message"] == f.message.as_str()))
                    .and_then(|j| j["locations"][0]["text"].as_str())
                    .unwrap_or(""),
                f.expected.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Harow Crossing", "Harrow Crossing"),
            (
                "Institute of Appiled Geology",
                "Institute of Applied Geology"
            ),
            ("NX Harbour Logistcs", "NX Harbour Logistics"),
        ],
        "{}",
        r.human
    );
    snapshot("entity-name-variant.forms-positive", &r);
    let r = run("tests/fixtures/entity-name-variant/forms-negative.txt");
    assert!(r.findings.is_empty(), "{}", r.human);
    snapshot("entity-name-variant.forms-negative", &r);
}

#[test]
fn quantity_conflict() {
    positive(
        "quantity-conflict",
        &["8,000 tonnes", "12,000 tonnes"],
        &["8000 t", "12000 t"],
    );
    negative("quantity-conflict");
}

#[test]
fn date_conflict() {
    positive(
        "date-conflict",
        &["April 3", "April 10"],
        &["2025-04-03", "2025-04-10"],
    );
    negative("date-conflict");
}

#[test]
fn reference_mismatch() {
    positive("reference-mismatch", &["3%"], &["3%"]);
    let r = run("tests/fixtures/reference-mismatch/positive.txt");
    assert_eq!(r.json["findings"][0]["expected"], "2.5%");
    negative("reference-mismatch");
}

/// A figure on several bases, a worldwide figure, a term with a number in it, and a
/// capacity next to a figure's term.
#[test]
fn reference_mismatch_bases_world_and_capacity() {
    let r = run("tests/fixtures/reference-mismatch/bases-positive.txt");
    let got: Vec<(String, String, String)> = r
        .findings
        .iter()
        .map(|f| {
            assert_eq!(f.rule, "reference-mismatch", "{}", r.human);
            (
                f.subject.clone().unwrap_or_default(),
                f.places[0].normalized.clone(),
                f.expected.clone().unwrap_or_default(),
            )
        })
        .collect();
    let want = [
        ("Norland zircite production", "13000 t", "10000 t"),
        ("World zircite production", "70000 t", "50000 t"),
        ("Norland zircite production", "30000 t", "10000 t"),
        // The term holds a number ("one-year") read as a quantity of its own.
        ("Bank of Norland one-year lending rate", "4.5%", "4%"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want, "{}", r.human);
    // The help names the equivalent basis, so an editor sees 20,000 t oxide would hold.
    let help = r.findings[2].help.clone().unwrap_or_default();
    assert!(
        help.starts_with("or 20000 t zircite oxide equivalent; source:"),
        "{help}"
    );
    snapshot("reference-mismatch.bases-positive", &r);

    let r = run("tests/fixtures/reference-mismatch/bases-negative.txt");
    assert!(r.findings.is_empty(), "{}", r.human);
    snapshot("reference-mismatch.bases-negative", &r);
}

#[test]
fn every_rule_is_documented_and_has_fixtures() {
    for r in rules::all() {
        assert!(r.doc().contains(r.id), "{} doc names the rule", r.id);
        assert!(r.doc().contains("Example"), "{} doc has an example", r.id);
        for f in ["positive.txt", "negative.txt"] {
            assert!(
                Path::new(&format!("tests/fixtures/{}/{f}", r.id)).exists(),
                "{} {f}",
                r.id
            );
        }
    }
}

/// A near-miss of a person's name is a misspelling only where the source names that
/// person or the office they held; a contraction is never a name.
#[test]
fn name_variants_of_people_need_context() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("more.toml"),
        "[[organization]]\nid = \"shell\"\nname = \"Shell\"\n\
         source = { publisher = \"claimcheck fixtures\", document = \"fictional world\", date = \"2025-01-01\" }\n",
    )
    .expect("write");
    let kb = kb::load(&[Path::new("tests/fixtures/kb"), dir.path()]).expect("loads");
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, format!("Title\nWire·2025-03-01 09:00\n\n{body}\n")).expect("write");
        p
    };
    let unrelated = write(
        "a.txt",
        "The striker Ada Lindqvest scored twice. She'll play again.",
    );
    let named = write(
        "b.txt",
        "Ada Lindqvist spoke first. The hall applauded when Ada Lindqvest left.",
    );
    let findings = |p: PathBuf| {
        let (files, sources, errors) = read::read_all(&[p]);
        assert!(errors.is_empty());
        let claims = claims::extract(&kb, &files, &sources);
        rules::check(&kb, &files, &sources, &claims)
            .into_iter()
            .filter(|f| f.rule == "entity-name-variant")
            .map(|f| (f.message, f.places[0].span.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(findings(unrelated), vec![]);
    let got = findings(named);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "\"Ada Lindqvest\" is not a name of Ada Lindqvist");
}
