//! `check --format claimreview`: one schema.org ClaimReview per finding, with the
//! properties a ClaimReview needs to be read by fact-check aggregators, and the
//! documented rating of each kind of finding.

mod common;

use std::path::Path;

use common::{run_in, stderr};

fn kb() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/kb")
        .display()
        .to_string()
}

/// A wrong holder and a misspelt place on one line, and two sources that disagree
/// on a figure.
fn articles(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "Norland picks a new course\nNorthern Wire·2024-09-02 08:00\n\n\
         Norland's Prime Minister Ada Lindqvist toured the Harrow Cross pit on Monday.\n",
    )
    .expect("write");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/quantity-conflict/positive/article.txt"),
        dir.join("b.txt"),
    )
    .expect("copy");
}

#[test]
fn every_finding_is_a_claimreview_with_its_rating() {
    let tmp = tempfile::tempdir().expect("tempdir");
    articles(tmp.path());
    std::fs::write(
        tmp.path().join("claimcheck.toml"),
        "[claimreview]\nauthor = \"Harbour Fact Desk\"\nauthor_url = \"https://example.org/facts\"\n",
    )
    .expect("write");
    let args = [
        "check",
        "--rules",
        &kb(),
        "--format",
        "claimreview",
        "a.txt",
        "b.txt",
    ];
    let o = run_in(tmp.path(), &args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let reviews = v.as_array().expect("an array");
    let mut ratings: Vec<(String, u64, String)> = Vec::new();
    for r in reviews {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["author"]["@type"], "Organization");
        assert_eq!(r["author"]["name"], "Harbour Fact Desk");
        assert_eq!(r["author"]["url"], "https://example.org/facts");
        let claim = r["claimReviewed"].as_str().expect("claimReviewed");
        assert!(claim.ends_with('.') && claim.len() > 20, "{claim}");
        let day = r["datePublished"].as_str().expect("datePublished");
        assert!(
            chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok(),
            "{day}"
        );
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        let url = item["appearance"][0]["url"]
            .as_str()
            .expect("appearance url");
        assert!(url.contains(".txt#L"), "{url}");
        assert_eq!(item["appearance"][0]["@type"], "CreativeWork");
        let rating = &r["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        let (best, worst) = (
            rating["bestRating"].as_u64(),
            rating["worstRating"].as_u64(),
        );
        let value = rating["ratingValue"].as_u64().expect("ratingValue");
        assert_eq!((best, worst), (Some(5), Some(1)));
        assert!((1..=5).contains(&value));
        ratings.push((
            r["keywords"].as_str().unwrap_or_default().into(),
            value,
            rating["alternateName"].as_str().unwrap_or_default().into(),
        ));
    }
    ratings.sort();
    assert_eq!(
        ratings,
        vec![
            ("entity-name-variant".into(), 2, "Misspelt name".into()),
            ("quantity-conflict".into(), 3, "Conflicting sources".into()),
            ("role-holder-conflict".into(), 1, "False".into()),
        ]
    );
    // The claim reviewed is the sentence, the body the finding with its expected value.
    let holder = reviews
        .iter()
        .find(|r| r["keywords"] == "role-holder-conflict")
        .expect("one");
    assert_eq!(
        holder["claimReviewed"],
        "Norland's Prime Minister Ada Lindqvist toured the Harrow Cross pit on Monday."
    );
    assert!(
        holder["reviewBody"]
            .as_str()
            .unwrap_or_default()
            .ends_with("; expected: Bo Hedman")
    );
    assert_eq!(holder["itemReviewed"]["appearance"][0]["url"], "a.txt#L4");
}

#[test]
fn no_author_is_said_and_a_bad_section_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    articles(tmp.path());
    let args = [
        "check",
        "--rules",
        &kb(),
        "--format",
        "claimreview",
        "a.txt",
    ];
    let o = run_in(tmp.path(), &args);
    assert!(
        stderr(&o).contains("no [claimreview] author"),
        "{}",
        stderr(&o)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v[0]["author"]["name"], "claimcheck");
    std::fs::write(
        tmp.path().join("claimcheck.toml"),
        "[claimreview]\nauthr = \"x\"\n",
    )
    .expect("write");
    let o = run_in(tmp.path(), &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("claimcheck.toml:2:1"), "{}", stderr(&o));
}
