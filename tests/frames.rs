//! What keeps two figures apart or brings them together, beyond subject and measure
//! words: who tells a figure, the base of a change, a twelve-month span, a share, a
//! `per` written once for two figures, figures across stories, and dates of events
//! said to be moved. Each mechanism is tried on generated pairs of articles (its
//! wordings crossed with each other) that must be flagged and that must not, and
//! every family must score 1.0 both ways.

mod common;

use common::{json, run_in};

/// Writes the articles into a fresh folder, checks it, and gives the findings'
/// rules and texts (primary first).
fn findings(articles: &[String]) -> Vec<(String, Vec<String>)> {
    let dir = tempfile::tempdir().expect("temp dir");
    for (i, a) in articles.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i:02}.txt")), a).expect("write");
    }
    let o = run_in(dir.path(), &["check", ".", "--format", "json"]);
    let v = json(&o);
    v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let texts = f["locations"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|l| l["text"].as_str().unwrap_or("").to_string())
                .collect();
            (f["rule"].as_str().unwrap_or("").to_string(), texts)
        })
        .collect()
}

fn article(title: &str, date: &str, body: &str) -> String {
    format!("{title}\nExample Wire·{date} 09:00\n\n{body}\n")
}

/// Counts how many pairs are flagged with `rule` on both `texts`.
fn flagged(pair: &[String], rule: &str, texts: [&str; 2]) -> bool {
    findings(pair)
        .iter()
        .any(|(r, t)| r == rule && texts.iter().all(|x| t.iter().any(|y| y == x)))
}

/// Runs every pair; each must be flagged (`want`) or not. Panics with the
/// family's score and the first pairs that failed.
fn family(name: &str, rule: &str, want: bool, pairs: &[(Vec<String>, [&str; 2])]) {
    let wrong: Vec<String> = pairs
        .iter()
        .filter(|(p, t)| flagged(p, rule, *t) != want)
        .map(|(p, _)| p.join("\n---\n"))
        .collect();
    let score = 1.0 - wrong.len() as f64 / pairs.len() as f64;
    eprintln!(
        "{name}: {} pairs, {} {score:.3}",
        pairs.len(),
        if want { "recall" } else { "precision" }
    );
    assert!(
        wrong.is_empty(),
        "{name}: {score:.3}; first misses:\n{}",
        wrong[..wrong.len().min(2)].join("\n=====\n")
    );
}

const TELLS: &[(&str, &str)] = &[
    ("According to {T}, ", ""),
    ("Figures from {T} show that ", ""),
    ("Data from {T} show that ", ""),
    ("According to estimates by {T}, ", ""),
    ("", "{T} said"),
    ("", "{T} has said"),
];

/// Two bodies' figures for one measure are two series when an article names both.
#[test]
fn tellers_part_two_series() {
    let (t1, t2) = (
        "the Harlow Building Society",
        "the Kestland Statistics Office",
    );
    let say = |(pre, post): (&str, &str), t: &str, fig: &str| -> String {
        let fig = format!("house prices in Kestland changed by {fig} in March");
        if pre.is_empty() {
            format!("House{}, {}.", &fig[5..], post.replace("{T}", t))
        } else {
            format!("{}{fig}.", pre.replace("{T}", t))
        }
    };
    let mut apart = Vec::new();
    let mut same = Vec::new();
    for &ta in TELLS {
        for &tb in TELLS {
            let a = article(
                "Kestland house prices edge up",
                "2025-04-02",
                &say(ta, t1, "1.1%"),
            );
            // The second article names both bodies.
            let b = article(
                "Kestland housing market cools",
                "2025-04-03",
                &format!(
                    "{} Harlow Building Society figures are due next week.",
                    say(tb, t2, "0.7%")
                ),
            );
            apart.push((vec![a.clone(), b], ["1.1%", "0.7%"]));
            let b = article(
                "Kestland housing market cools",
                "2025-04-03",
                &say(tb, t1, "0.7%"),
            );
            same.push((vec![a, b], ["1.1%", "0.7%"]));
        }
    }
    family("tellers/two bodies", "quantity-conflict", false, &apart);
    family("tellers/one body", "quantity-conflict", true, &same);
}

const BASES: &[(&str, &str)] = &[
    ("on the month", "on the year"),
    ("month-on-month", "year-on-year"),
    ("from the previous month", "from a year earlier"),
    ("on the month", "compared with a year earlier"),
];

/// "0.8% on the month" and "11.8% on the year" are two claims; two monthly
/// changes that differ are one.
#[test]
fn bases_of_a_change_part_figures() {
    let mut apart = Vec::new();
    let mut same = Vec::new();
    for &(m, y) in BASES {
        for order in [false, true] {
            let one = |fig: &str, base: &str| {
                if order {
                    format!(
                        "Consumer prices in Kestland rose {fig} {base} in May, Harlow Bank said."
                    )
                } else {
                    format!(
                        "Harlow Bank said Kestland consumer prices rose {base} by {fig} in May."
                    )
                }
            };
            let a = article("Kestland inflation", "2025-06-10", &one("0.8%", m));
            let b = article("Kestland prices climb", "2025-06-11", &one("11.8%", y));
            apart.push((vec![a.clone(), b], ["0.8%", "11.8%"]));
            let b = article("Kestland prices climb", "2025-06-11", &one("1.9%", m));
            same.push((vec![a, b], ["0.8%", "1.9%"]));
        }
    }
    family("bases/month vs year", "quantity-conflict", false, &apart);
    family("bases/same base", "quantity-conflict", true, &same);
}

const SPANS: &[&str] = &[
    "In the year to March 2024, {S}",
    "In the 12 months to March 2024, {S}",
    "In the year ended March 31, 2024, {S}",
];

/// A figure for "the year to March 2024" is not one for 2024.
#[test]
fn a_twelve_month_span_is_not_a_calendar_year() {
    let mut apart = Vec::new();
    let mut same = Vec::new();
    for &span in SPANS {
        let a = article(
            "Kestland economy slows",
            "2025-01-20",
            &span.replace("{S}", "the Kestland economy grew by 8.5%."),
        );
        let b = article(
            "Kestland budget unveiled",
            "2025-01-21",
            "Kestland's economy grew 6.9% in 2024, the finance minister Ola Brandt said.",
        );
        apart.push((vec![a.clone(), b], ["8.5%", "6.9%"]));
        let b = article(
            "Kestland budget unveiled",
            "2025-01-21",
            &SPANS[0].replace("{S}", "the Kestland economy grew by 6.9%."),
        );
        same.push((vec![a, b], ["8.5%", "6.9%"]));
    }
    family(
        "spans/year to vs calendar",
        "quantity-conflict",
        false,
        &apart,
    );
    family("spans/same span", "quantity-conflict", true, &same);
}

/// "20% of earnings" is a share, "earnings rose by 50%" a change.
#[test]
fn a_share_is_not_a_change() {
    let shares = [
        "The unit contributed about 20% of Harlow Group's earnings in 2024.",
        "Harlow Group's brokerage made up 20% of its earnings in 2024.",
    ];
    let changes = [
        "Harlow Group improved its earnings by about 50% in 2024.",
        "Harlow Group's earnings rose 50% in 2024.",
    ];
    let mut apart = Vec::new();
    for s in shares {
        for c in changes {
            let a = article("Harlow Group results", "2025-03-01", c);
            let b = article("Harlow Group weighs sale", "2025-03-02", s);
            apart.push((vec![a, b], ["50%", "20%"]));
        }
    }
    family("shares/share vs change", "quantity-conflict", false, &apart);
}

/// Sources no story ties (a name every article gives ties nothing) still meet on
/// a figure whose clause names its subject and whose sentence states its period.
#[test]
fn self_contained_figures_meet_across_stories() {
    // Thirty articles that all name Kestland: its name alone ties none of them.
    let filler: Vec<String> = (0..30)
        .map(|i| {
            article(
                &format!("Kestland notebook {i}"),
                "2025-02-01",
                &format!("Kestland hosted trade fair number {i} on Tuesday, organisers said."),
            )
        })
        .collect();
    let claims = [
        (
            "Kestland's economy grew {V} in 2024",
            "Kestland economy grew {V} in 2024",
        ),
        (
            "Kestland's economy expanded {V} in 2024",
            "Kestland's economy grew by {V} in 2024",
        ),
    ];
    let mut meet = Vec::new();
    let mut apart = Vec::new();
    for (x, y) in claims {
        let a = article(
            "Budget day in the capital",
            "2025-02-03",
            &format!(
                "{}, the finance ministry said in a statement.",
                x.replace("{V}", "6%")
            ),
        );
        let b = article(
            "Harbour strike ends",
            "2025-06-20",
            &format!(
                "Dock workers returned on Friday. Separately, figures showed {} and exporters were upbeat.",
                y.replace("{V}", "9.5%")
            ),
        );
        let mut run = filler.clone();
        run.extend([a.clone(), b]);
        meet.push((run, ["6%", "9.5%"]));
        // Without a stated period the figure is the article's own year, months
        // apart: it does not stand on its own.
        let b = article(
            "Harbour strike ends",
            "2025-06-20",
            &format!(
                "Dock workers returned on Friday. Separately, figures showed {} and exporters were upbeat.",
                y.replace(" in 2024", "").replace("{V}", "9.5%")
            ),
        );
        let mut run = filler.clone();
        run.extend([a, b]);
        apart.push((run, ["6%", "9.5%"]));
    }
    family("unlinked/self-contained", "quantity-conflict", true, &meet);
    family(
        "unlinked/no stated period",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// A date an event was moved from is not its date. (The date rule ties events by
/// the knowledge base's entities: OPEC here.)
#[test]
fn a_moved_event_keeps_no_date() {
    let moved = [
        "The OPEC meeting planned for March 7 in Vienna has been postponed until April.",
        "OPEC ministers had been due to meet on March 7, but the session was called off.",
        "OPEC ministers will meet on March 7, a date that may yet be pushed back.",
        "The OPEC meeting set for March 7 in Vienna has been delayed.",
        "OPEC ministers had planned to meet on March 7, but the talks were rescheduled.",
        "The OPEC meeting due on March 7 was cancelled at short notice.",
    ];
    let mut apart = Vec::new();
    let mut same = Vec::new();
    for m in moved {
        let a = article(
            "OPEC ministers to meet",
            "2025-03-01",
            "OPEC ministers will meet on March 3 in Vienna to review output, delegates said.",
        );
        let b = article("OPEC meeting delayed", "2025-03-02", m);
        apart.push((vec![a.clone(), b], ["March 3", "March 7"]));
        let b = article(
            "OPEC meeting delayed",
            "2025-03-02",
            "OPEC ministers will meet on March 7 in Vienna to review output, delegates said.",
        );
        same.push((vec![a, b], ["March 3", "March 7"]));
    }
    family("moved/called off", "date-conflict", false, &apart);
    family("moved/settled", "date-conflict", true, &same);
}
