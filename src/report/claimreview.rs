//! `check --format claimreview`: one schema.org `ClaimReview` (JSON-LD) per finding,
//! the shape fact-check aggregators and search engines read
//! (https://schema.org/ClaimReview), as a JSON array.
//!
//! Each review has `claimReviewed` (the sentence the finding is in), `reviewBody`
//! (the finding's message and the expected value), `itemReviewed` (a `Claim` with
//! its `appearance`: the article's path and line as a URL reference, its title and
//! date), `author` (the desk, from `[claimreview]` in `claimcheck.toml`),
//! `datePublished` (the day of the run) and `reviewRating` on a 1-5 scale:
//!
//! | finding | rating |
//! | --- | --- |
//! | any rule at severity `info` | 3 "Needs context" |
//! | `entity-name-variant` (a misspelt name) | 2 "Misspelt name" |
//! | a finding the knowledge base settles (it gives the expected value), `acronym-expansion-mismatch`, `reference-mismatch` | 1 "False" |
//! | sources that disagree with no recorded value (`quantity-conflict`, `date-conflict`, `role-holder-conflict` across sources) | 3 "Conflicting sources" |
//!
//! The suppression checks judge comments, not claims: they give no review.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::markdown::context;
use crate::read::{File, Source};
use crate::rules::suppression::{UNKNOWN, UNUSED};
use crate::rules::{Finding, Severity};

/// Who publishes the reviews.
pub struct Reviewer<'a> {
    pub name: &'a str,
    pub url: Option<&'a str>,
}

/// The rating of a finding: (value on 1-5, its name), or `None` for no review.
pub fn rating(f: &Finding) -> Option<(u8, &'static str)> {
    Some(match f.rule {
        UNKNOWN | UNUSED => return None,
        _ if f.severity == Severity::Info => (3, "Needs context"),
        "entity-name-variant" => (2, "Misspelt name"),
        _ if f.expected.is_some() => (1, "False"),
        "acronym-expansion-mismatch" | "reference-mismatch" => (1, "False"),
        _ => (3, "Conflicting sources"),
    })
}

/// One `ClaimReview` a finding, published `today` by `by`.
pub fn render(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    by: &Reviewer,
    today: NaiveDate,
) -> String {
    let mut author = json!({"@type": "Organization", "name": by.name});
    if let Some(url) = by.url {
        author["url"] = json!(url);
    }
    let reviews: Vec<Value> = findings
        .iter()
        .filter_map(|f| {
            let (value, name) = rating(f)?;
            let p = f.places.iter().find(|p| p.primary).or(f.places.first())?;
            let src = sources.get(p.source)?;
            let file = files.get(src.file)?;
            let line = file.location(p.span.clone()).line;
            let sentence = context(p, files, sources)
                .map(|(a, b, c)| format!("{a}{b}{c}").trim().to_string())?;
            let date = src.date.map(|d| d.format("%Y-%m-%d").to_string());
            let mut appearance = json!({
                "@type": "CreativeWork",
                "url": format!("{}#L{line}", src.path),
            });
            if let Some(t) = &src.title {
                appearance["headline"] = json!(t);
            }
            if let Some(d) = &date {
                appearance["datePublished"] = json!(d);
            }
            let mut item = json!({"@type": "Claim", "appearance": [appearance]});
            if let Some(d) = &date {
                item["datePublished"] = json!(d);
            }
            let body = match &f.expected {
                Some(e) => format!("{}; expected: {e}", f.message),
                None => f.message.clone(),
            };
            Some(json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "datePublished": today.format("%Y-%m-%d").to_string(),
                "author": author,
                "claimReviewed": sentence,
                "reviewBody": body,
                "itemReviewed": item,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": value,
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": name,
                },
                "keywords": f.rule,
            }))
        })
        .collect();
    serde_json::to_string_pretty(&reviews).unwrap_or_default() + "\n"
}
