//! What keeps two figures apart or brings them together, beyond subject and measure
//! words: who tells a figure, the base of a change, a twelve-month span, a share, a
//! `per` written once for two figures, figures across stories, dates of events said
//! to be moved, a figure set before its clause, counted nouns across wordings and
//! languages, the way a change goes, clause openers, sub-series of a measure,
//! "the same period", a sentence's first word as a name (within a story, and
//! towards a source that names it), two-character Chinese names before a company
//! word, a measure every figure of a block names, and reference figures bound
//! through the frame. Each mechanism is tried on generated pairs of articles (its
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

/// Is the pair flagged with `rule` on both `texts` (a finding's place starting
/// with each: "120,000" for "120,000 people")?
fn flagged(pair: &[String], rule: &str, texts: [&str; 2]) -> bool {
    findings(pair)
        .iter()
        .any(|(r, t)| r == rule && texts.iter().all(|x| t.iter().any(|y| y.starts_with(x))))
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

/// Sixty articles no story ties (their headlines share only common words), each
/// giving one subject's harvest and exports for one year, three of them a harvest
/// the others contradict: the harvests make one finding that names the three and
/// the figures they contradict (a subject's figures are gathered into claims, and
/// the claim's conflicts found through its furthest values, not source by source);
/// the exports, given alike everywhere, make none.
#[test]
fn many_unrelated_sources_of_one_subject_meet_as_claims() {
    let wrong = [7usize, 27, 47];
    let articles: Vec<String> = (0..60)
        .map(|i| {
            let harvest = if wrong.contains(&i) {
                "610,000"
            } else {
                "480,000"
            };
            article(
                &format!("Varnholm notebook {i}"),
                &format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                &format!(
                    "Visitors were expected all week. Varnholm's wheat harvest reached {harvest} \
                     tonnes in 2024. Varnholm's steel exports reached 90,000 tonnes in 2024."
                ),
            )
        })
        .collect();
    let found: Vec<(String, Vec<String>)> = findings(&articles)
        .into_iter()
        .filter(|(r, _)| r == "quantity-conflict")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let places = &found[0].1;
    let count = |v: &str| places.iter().filter(|t| t.starts_with(v)).count();
    assert_eq!(count("610,000"), 3, "{places:?}");
    assert_eq!(count("480,000"), 57, "{places:?}");
    assert_eq!(count("90,000"), 0, "{places:?}");
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

/// The wordings that set a figure before the clause saying what it is: the clause's
/// subject and period are the figure's. `{V}` the figure, `{P}` the period.
const FRONTED_EN: &[&str] = &[
    "At {V}, Chile's steel output {P} was the highest in a decade.",
    "{V}: that was Chile's steel output {P}.",
    "{V} — Chile's steel output {P} — beat forecasts.",
    "{V}, Chile's steel output {P}, was a record.",
];
const FRONTED_ZH: &[&str] = &[
    "{V}，智利{P}钢铁产量创十年来新高。",
    "{V}：智利公布了{P}的钢铁产量。",
];
/// The plain wordings the fronted ones are compared with.
const PLAIN_EN: &[&str] = &[
    "Chile's steel output was {V} {P}.",
    "Chile produced {V} of steel {P}, officials said.",
];
const PLAIN_ZH: &[&str] = &["智利{P}钢铁产量为{V}。"];

/// A figure set before its clause ("At 4.2 million tonnes, Chile's steel output in
/// 2024 was …") takes that clause's subject and period: it meets the same figure
/// written plainly, and not the figure of another year.
#[test]
fn a_figure_set_before_its_clause_takes_the_clause() {
    let fill = |t: &str, v: &str, p: &str| t.replace("{V}", v).replace("{P}", p);
    let (en_a, en_b, zh_a, zh_b) = (
        "4.2 million tonnes",
        "3.1 million tonnes",
        "420万吨",
        "310万吨",
    );
    let mut same = Vec::new();
    let mut apart = Vec::new();
    let fronted = FRONTED_EN
        .iter()
        .map(|t| (t, en_a, "in 2024", "in 2023"))
        .chain(FRONTED_ZH.iter().map(|t| (t, zh_a, "2024年", "2023年")));
    for (f, va, p, p_other) in fronted {
        let plain = PLAIN_EN
            .iter()
            .map(|t| (t, en_b, "in 2024"))
            .chain(PLAIN_ZH.iter().map(|t| (t, zh_b, "2024年")));
        for (t, vb, pb) in plain {
            let b = article("Chile steel figures", "2025-02-11", &fill(t, vb, pb));
            let a = article("Chile steel record", "2025-02-10", &fill(f, va, p));
            same.push((vec![a, b.clone()], [va, vb]));
            let a = article("Chile steel record", "2025-02-10", &fill(f, va, p_other));
            apart.push((vec![a, b], [va, vb]));
        }
    }
    family(
        "fronted figures/same period",
        "quantity-conflict",
        true,
        &same,
    );
    family(
        "fronted figures/other period",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// Counted nouns of one class in each language (lexicon `counted`): (English
/// wordings, Chinese wordings with their classifier), each in a sentence frame.
const COUNTS: &[(&str, &[&str], &[&str])] = &[
    (
        "Chile's population reached {V} {N} in 2024.|智利2024年人口达{V}{N}。",
        &["people", "inhabitants", "residents"],
        &["人"],
    ),
    (
        "Chile's car sales reached {V} {N} in 2024.|智利2024年汽车销量为{V}{N}。",
        &["cars", "vehicles"],
        &["辆汽车", "辆"],
    ),
    (
        "Chile produced {V} {N} of oil in 2024.|智利2024年生产了{V}{N}。",
        &["barrels"],
        &["桶原油", "桶"],
    ),
    (
        "Chile's mining industry cut {V} {N} in 2024.|智利矿业2024年裁减了{V}{N}。",
        &["jobs", "positions", "roles"],
        &["个工作岗位", "个岗位"],
    ),
];

/// A count is compared with the counts of its class however they are worded and in
/// either language ("people", "residents", 人; "cars", 辆; "barrels", 桶); counts of
/// one noun with other words before it ("gold medals", "medals") are two claims.
#[test]
fn counts_meet_across_wordings_and_languages() {
    let mut same = Vec::new();
    for &(frames, en, zh) in COUNTS {
        let (fe, fz) = frames.split_once('|').expect("two frames");
        let words: Vec<(String, &str)> = en
            .iter()
            .map(|n| (fe.replace("{N}", n), "en"))
            .chain(zh.iter().map(|n| (fz.replace("{N}", n), "zh")))
            .collect();
        for (i, (wa, la)) in words.iter().enumerate() {
            for (wb, lb) in &words[i + 1..] {
                let va = if *la == "en" { "120,000" } else { "12万" };
                let vb = if *lb == "en" { "90,000" } else { "9万" };
                let (sa, sb) = (wa.replace("{V}", va), wb.replace("{V}", vb));
                let a = article("Figures for 2024", "2025-02-10", &sa);
                let b = article("Figures for 2024", "2025-02-11", &sb);
                let texts: [&'static str; 2] = [va, vb];
                same.push((vec![a, b], texts));
            }
        }
    }
    family("counts/one class", "quantity-conflict", true, &same);

    let mut apart = Vec::new();
    for (noun, modifier) in [
        ("medals", "gold"),
        ("cars", "electric"),
        ("jobs", "factory"),
    ] {
        for swap in [false, true] {
            let plain = format!("Harlow won five {noun} in 2024.");
            let part = format!("Harlow won three {modifier} {noun} in 2024.");
            let (a, b) = if swap { (part, plain) } else { (plain, part) };
            let texts = [
                leak(format!("five {noun}")),
                leak(format!("three {modifier} {noun}")),
            ];
            apart.push((
                vec![
                    article("Harlow in 2024", "2025-02-10", &a),
                    article("Harlow in 2024", "2025-02-11", &b),
                ],
                texts,
            ));
        }
    }
    family(
        "counts/a part of the whole",
        "quantity-conflict",
        false,
        &apart,
    );
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

const DOWN: &[&str] = &["fell", "dropped", "declined", "slipped"];
const UP: &[&str] = &["rose", "climbed", "increased", "jumped"];

/// Two changes of one rate said to go opposite ways ("fell 0.2%", "rose 10.7%")
/// are two claims (a monthly and an annual change); two falls that differ are one.
#[test]
fn a_fall_and_a_rise_are_two_claims() {
    let say = |verb: &str, fig: &str| {
        format!("Kestland house prices {verb} {fig} in December, the Harlow Building Society said.")
    };
    let mut apart = Vec::new();
    let mut same = Vec::new();
    for &d in DOWN {
        let a = article("Kestland house prices", "2025-01-08", &say(d, "0.2%"));
        for &u in UP {
            let b = article("Kestland house prices", "2025-01-09", &say(u, "10.7%"));
            apart.push((vec![a.clone(), b], ["0.2%", "10.7%"]));
        }
        for &d2 in DOWN {
            let b = article("Kestland house prices", "2025-01-09", &say(d2, "1.7%"));
            same.push((vec![a.clone(), b], ["0.2%", "1.7%"]));
        }
    }
    let zh = |verb: &str, fig: &str| format!("哈洛建房协会表示，凯斯特兰12月房价{verb}{fig}。");
    for d in ["下降", "下跌"] {
        let a = article("凯斯特兰房价", "2025-01-08", &zh(d, "0.2%"));
        for u in ["上涨", "增长"] {
            let b = article("凯斯特兰房价", "2025-01-09", &zh(u, "10.7%"));
            apart.push((vec![a.clone(), b], ["0.2%", "10.7%"]));
        }
    }
    family("directions/opposite", "quantity-conflict", false, &apart);
    family("directions/same", "quantity-conflict", true, &same);
}

/// Words after a clause opener ("as demand held up", "while demand slowed") are
/// another clause's: the measure they name is not the figure's, so it does not
/// part the figure from the same figure written without it.
#[test]
fn a_clause_opener_ends_the_figures_clause() {
    let tails = [
        "as demand held up",
        "while demand slowed",
        "because demand was weak",
        "although demand fell",
    ];
    let mut same = Vec::new();
    let mut apart = Vec::new();
    for tail in tails {
        let a = article(
            "Quillon buys back shares",
            "2024-01-24",
            &format!("Quillon Energy bought back $155 million of its shares last year {tail}."),
        );
        let b = article(
            "Quillon results",
            "2024-01-25",
            "Quillon Energy repurchased $88 million of stock in 2023.",
        );
        same.push((vec![a.clone(), b], ["$155 million", "$88 million"]));
        let b = article(
            "Quillon results",
            "2024-01-25",
            "Quillon Energy repurchased $88 million of stock in 2022.",
        );
        apart.push((vec![a, b], ["$155 million", "$88 million"]));
    }
    family(
        "clause openers/same claim",
        "quantity-conflict",
        true,
        &same,
    );
    family(
        "clause openers/other year",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// Measures with the words that name a sub-series of them (lexicon
/// `measure_modifier`), in English and Chinese: `{M}` is the modifier or nothing.
const SERIES: &[(&str, &str, &str, &str)] = &[
    (
        "Chile's {M}inflation was {V} in 2024.",
        "core ",
        "智利2024年{M}通胀率为{V}。",
        "核心",
    ),
    (
        "Chile's {M}unemployment rate was {V} in 2024.",
        "youth ",
        "智利2024年{M}失业率为{V}。",
        "青年",
    ),
    (
        "Chile's {M}unemployment rate was {V} in 2024.",
        "long-term ",
        "智利2024年{M}失业率为{V}。",
        "长期",
    ),
];

/// "Core inflation" is not inflation, nor youth unemployment unemployment: a
/// figure of a sub-series meets only figures of that sub-series.
#[test]
fn a_sub_series_is_not_the_whole() {
    let mut same = Vec::new();
    let mut apart = Vec::new();
    for &(en, m_en, zh, m_zh) in SERIES {
        let forms = [(en, m_en), (zh, m_zh)];
        for (ta, ma) in forms {
            for (tb, mb) in forms {
                let say = |t: &str, m: &str, v: &str| t.replace("{M}", m).replace("{V}", v);
                let part = article("Chile in 2024", "2025-02-10", &say(ta, ma, "2.8%"));
                let part2 = article("Chile figures", "2025-02-11", &say(tb, mb, "3.9%"));
                let whole = article("Chile figures", "2025-02-11", &say(tb, "", "3.9%"));
                same.push((vec![part.clone(), part2], ["2.8%", "3.9%"]));
                apart.push((vec![part, whole], ["2.8%", "3.9%"]));
            }
        }
    }
    family("sub-series/same", "quantity-conflict", true, &same);
    family("sub-series/whole", "quantity-conflict", false, &apart);
}

/// "Over the same period", 同期: a figure whose sentence refers back takes the
/// period of the paragraph's figure before it.
#[test]
fn the_same_period_is_the_figure_befores() {
    let en = |p: &str| {
        format!(
            "Chile's unemployment rate was 5.9% in {p}. Over the same period, youth unemployment was 12%."
        )
    };
    let zh = |p: &str| format!("智利{p}失业率为5.9%。同期青年失业率为12%。");
    let other_en = "Chile's youth unemployment rate was 15% in May 2019.";
    let other_zh = "智利2019年5月青年失业率为15%。";
    let mut same = Vec::new();
    let mut apart = Vec::new();
    for (a, b) in [
        (en("May 2019"), other_en),
        (zh("2019年5月"), other_en),
        (en("May 2019"), other_zh),
        (zh("2019年5月"), other_zh),
    ] {
        same.push((
            vec![
                article("Chile jobs", "2019-07-01", &a),
                article("Chile jobs", "2019-07-02", b),
            ],
            ["12%", "15%"],
        ));
    }
    for (a, b) in [(en("April 2019"), other_en), (zh("2019年4月"), other_zh)] {
        apart.push((
            vec![
                article("Chile jobs", "2019-07-01", &a),
                article("Chile jobs", "2019-07-02", b),
            ],
            ["12%", "15%"],
        ));
    }
    family("same period/that period", "quantity-conflict", true, &same);
    family(
        "same period/another period",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// Sentences whose only party comes after the figure, not as its agent.
const ONLY_PARTY: &[&str] = &[
    "An unemployment rate of {V} in {P} makes Chile the weak spot of the region, economists said.",
    "With unemployment at {V} in {P}, Chile lags its neighbours.",
    "Unemployment of {V} in {P} left Chile behind its neighbours.",
];

/// The one party a sentence names is whose figure it is, even where it is not the
/// figure's agent: such a figure meets the same figure of that party elsewhere.
#[test]
fn the_only_party_of_a_sentence_ties_its_figure() {
    let plain = article(
        "Labour market cools",
        "2025-09-01",
        "Unemployment in Chile rose to 6.3% in August, the highest level in four years.",
    );
    let mut same = Vec::new();
    let mut apart = Vec::new();
    for t in ONLY_PARTY {
        let b = |p: &str| {
            article(
                "Chile sheds jobs",
                "2025-09-02",
                &t.replace("{V}", "7.3%").replace("{P}", p),
            )
        };
        same.push((vec![plain.clone(), b("August")], ["6.3%", "7.3%"]));
        apart.push((vec![plain.clone(), b("July")], ["6.3%", "7.3%"]));
    }
    family("only party/same month", "quantity-conflict", true, &same);
    family("only party/other month", "quantity-conflict", false, &apart);
}

/// A quarter named in a clause before the figure's, with no year, is the figure's
/// quarter of the byline's year ("In the second quarter, $306m of shares were
/// bought back", 一季度，…).
#[test]
fn a_fronted_quarter_is_the_figures() {
    let pairs = [
        (
            "In the {Q} quarter, $306 million of shares were bought back by Chile Copper Corp.",
            ["second", "first"],
            "Chile Copper Corp's share buybacks amounted to $420 million in the second quarter of 2023.",
            ["$306 million", "$420 million"],
        ),
        (
            "{Q}季度，智利的铜产量为230万吨。",
            ["二", "一"],
            "智利2023年二季度的铜产量是660万吨。",
            ["230万吨", "660万吨"],
        ),
    ];
    let mut same = Vec::new();
    let mut apart = Vec::new();
    for (t, [q, other], b, texts) in pairs {
        let b = article("Second-quarter figures", "2023-08-02", b);
        let a = |q: &str| article("Quarterly figures", "2023-08-01", &t.replace("{Q}", q));
        same.push((vec![a(q), b.clone()], texts));
        apart.push((vec![a(other), b], texts));
    }
    family(
        "fronted quarter/same quarter",
        "quantity-conflict",
        true,
        &same,
    );
    family(
        "fronted quarter/other quarter",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// A figure dated by a span of months ("June-September", 6月至9月) is for the whole
/// span: the same span's figures meet across wordings and languages; a single month
/// of it or another span is another claim.
#[test]
fn a_span_of_months_is_the_figures_period() {
    const SPAN: &[&str] = &[
        "The Thai weather office said on April 15 that June-September rainfall is likely to be {V}% of the long period average.",
        "The Thai weather office said on April 15 that rainfall from June to September is likely to be {V}% of the long period average.",
        "Rainfall between June and September is forecast at {V}% of the long period average, the Thai weather office said.",
        "In June-September, Thai rainfall is forecast to reach {V}% of the long period average.",
        "泰国气象局4月15日称，今年6月至9月降雨量预计为长期平均值的{V}%。",
        "泰国气象局预计，6月到9月的降雨量将达到长期平均值的{V}%。",
    ];
    const OTHER: &[&str] = &[
        "The Thai weather office said on April 15 that September rainfall is likely to be {V}% of the long period average.",
        "The Thai weather office said on April 15 that July-August rainfall is likely to be {V}% of the long period average.",
        "泰国气象局4月15日称，今年7月至8月降雨量预计为长期平均值的{V}%。",
    ];
    let art = |t: &str, v: &str, day: &str| {
        article("Thailand monsoon outlook", day, &t.replace("{V}", v))
    };
    let (mut same, mut apart) = (Vec::new(), Vec::new());
    for (i, a) in SPAN.iter().enumerate() {
        for (j, b) in SPAN.iter().enumerate() {
            if i != j {
                same.push((
                    vec![art(a, "105", "2025-04-16"), art(b, "96", "2025-04-17")],
                    ["105%", "96%"],
                ));
            }
        }
        for b in OTHER {
            apart.push((
                vec![art(a, "105", "2025-04-16"), art(b, "96", "2025-04-17")],
                ["105%", "96%"],
            ));
        }
    }
    family("month spans/same span", "quantity-conflict", true, &same);
    family(
        "month spans/other month or span",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// A share of a whole ("40% of world rice trade", 占全球大米贸易的40%) is not a rate
/// the vocabulary marks as one of its own (a duty, a policy rate); shares still meet
/// shares and rates rates.
#[test]
fn a_share_is_not_a_rate() {
    const SHARE: &[&str] = &[
        "Vietnam's rice exports account for {V}% of world rice trade, traders said.",
        "Vietnam's rice exports make up {V}% of the global rice trade this year.",
        "越南的大米出口量约占全球大米贸易的{V}%。",
    ];
    const RATE: &[&str] = &[
        "Vietnam cut the export duty on rice to {V}% this year.",
        "Vietnam lowered its tariff on rice exports to {V}% this year.",
        "越南今年将大米出口关税下调至{V}%。",
    ];
    let art =
        |t: &str, v: &str, day: &str| article("Vietnam rice exports", day, &t.replace("{V}", v));
    let (mut same, mut apart) = (Vec::new(), Vec::new());
    for set in [SHARE, RATE] {
        for (i, a) in set.iter().enumerate() {
            for (j, b) in set.iter().enumerate() {
                if i != j {
                    same.push((
                        vec![art(a, "40", "2025-09-29"), art(b, "30", "2025-09-30")],
                        ["40%", "30%"],
                    ));
                }
            }
        }
    }
    for a in SHARE {
        for b in RATE {
            apart.push((
                vec![art(a, "40", "2025-09-29"), art(b, "10", "2025-09-30")],
                ["40%", "10%"],
            ));
            apart.push((
                vec![art(b, "10", "2025-09-29"), art(a, "40", "2025-09-30")],
                ["10%", "40%"],
            ));
        }
    }
    family(
        "shares/share vs share, rate vs rate",
        "quantity-conflict",
        true,
        &same,
    );
    family("shares/share vs rate", "quantity-conflict", false, &apart);
}

/// A sentence's capitalized first word that nothing else in its article shows to
/// be a name ("Orlavia saw …") is the subject when another article's figure is of
/// that name, across stories too (the headlines share nothing); another name, or
/// a common first word, is not.
#[test]
fn a_first_word_is_a_subject_only_where_another_figure_names_it() {
    const NAMES: [&str; 3] = ["Orlavia", "Tessmark", "Quoran"];
    const VERBS: [&str; 4] = ["saw", "recorded", "posted", "reported"];
    let named = |n: &str, v: &str| format!("{n}'s inflation reached {v} in 2024.");
    let mut same = Vec::new();
    let mut apart = Vec::new();
    for (k, n) in NAMES.iter().enumerate() {
        for verb in VERBS {
            let lead = |who: &str, v: &str| format!("{who} {verb} inflation of {v} in 2024.");
            let a = article("Prices in focus", "2025-02-10", &named(n, "3.1%"));
            let b = article("Markets under scrutiny", "2025-02-11", &lead(n, "4.6%"));
            same.push((vec![a.clone(), b], ["3.1%", "4.6%"]));
            let other = NAMES[(k + 1) % NAMES.len()];
            let b = article("Markets under scrutiny", "2025-02-11", &lead(other, "4.6%"));
            apart.push((vec![a.clone(), b], ["3.1%", "4.6%"]));
            let b = article(
                "Markets under scrutiny",
                "2025-02-11",
                &lead("Economists", "4.6%"),
            );
            apart.push((vec![a, b], ["3.1%", "4.6%"]));
        }
    }
    family(
        "leads/the name another figure has",
        "quantity-conflict",
        true,
        &same,
    );
    family(
        "leads/another name or a common word",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// A two-character transliteration is a name before a company word (萨罗控股): the
/// figure is that company's, not the one of the company named before it.
#[test]
fn a_two_character_name_before_a_company_word_is_a_subject() {
    const SHORT: [&str; 3] = ["萨罗", "卡森", "佩罗"];
    const SUFFIX: [&str; 3] = ["控股", "集团", "能源"];
    let mut same = Vec::new();
    let mut apart = Vec::new();
    for (k, s) in SHORT.iter().enumerate() {
        let suffix = SUFFIX[k % SUFFIX.len()];
        let a = article(
            "塔维什工业发布最新数据",
            "2025-02-10",
            "塔维什工业2024年的营业收入为3.9亿美元。",
        );
        // The other company's figure, after a sentence naming the first one.
        let b = format!(
            "塔维什工业2024年的净利润为6000万美元。{s}{suffix}2024年的营业收入为1.8亿美元。"
        );
        apart.push((
            vec![a.clone(), article("两家公司发布数据", "2025-02-11", &b)],
            ["3.9亿美元", "1.8亿美元"],
        ));
        let c = format!("{s}{suffix}2024年的营业收入为3.9亿美元。");
        let d = format!("{s}{suffix}2024年的营业收入为1.8亿美元。");
        same.push((
            vec![
                article("公司发布数据", "2025-02-10", &c),
                article("公司发布数据", "2025-02-11", &d),
            ],
            ["3.9亿美元", "1.8亿美元"],
        ));
    }
    family(
        "two-character names/another company",
        "quantity-conflict",
        false,
        &apart,
    );
    family(
        "two-character names/the same company",
        "quantity-conflict",
        true,
        &same,
    );
}

/// A measure worded many ways ({S} subject, {V} value): every two wordings of one
/// measure are one claim, in either language; each contrast (another measure of
/// its class: capacity, exports, hiring) is not.
struct Wordings {
    name: &'static str,
    same: &'static [&'static str],
    contrast: &'static [&'static str],
    /// English and Chinese forms of two values.
    values: [(&'static str, &'static str); 2],
}

const WORDINGS: &[Wordings] = &[
    Wordings {
        name: "shares bought back",
        same: &[
            "{S} spent {V} buying back shares in 2024.",
            "{S}'s share buyback came to {V} in 2024.",
            "{S} repurchased {V} of its stock in 2024.",
            "{S}2024年斥资{V}回购股份。",
            "{S}2024年的回购规模为{V}。",
            "{S}2024年回购了{V}股票。",
        ],
        contrast: &[
            "{S} paid {V} for a stake in a rival in 2024.",
            "{S} paid {V} in dividends in 2024.",
            "{S}2024年的现金分红为{V}。",
            "{S}2024年斥资{V}收购一家对手的股权。",
            "{S}2024年又斥资{V}回购股份。",
            "{S} spent a further {V} buying back shares in 2024.",
        ],
        values: [("$2.6 billion", "26亿美元"), ("$1.9 billion", "19亿美元")],
    },
    Wordings {
        name: "crops harvested or produced",
        same: &[
            "{S} harvested {V} of wheat in 2024.",
            "{S}'s wheat harvest was {V} in 2024.",
            "{S}'s wheat crop came to {V} in 2024.",
            "{S} produced {V} of wheat in 2024.",
            "{S}2024年收获了{V}小麦。",
            "{S}2024年的小麦收成为{V}。",
        ],
        contrast: &[
            "{S} shipped {V} of wheat abroad in 2024.",
            "{S}'s wheat stocks were {V} in 2024.",
            "{S}2024年出口了{V}小麦。",
            "{S}2024年另外收获了{V}小麦。",
        ],
        values: [
            ("1.2 million tonnes", "120万吨"),
            ("900,000 tonnes", "90万吨"),
        ],
    },
    Wordings {
        name: "oil pumped or produced",
        same: &[
            "{S} pumped {V} of crude in 2024.",
            "{S}'s oil output was {V} in 2024.",
            "{S}2024年生产了{V}原油。",
        ],
        contrast: &[
            "{S} exported {V} of crude in 2024.",
            "{S}'s proven oil reserves were {V} in 2024.",
        ],
        values: [
            ("120 million barrels", "1.2亿桶"),
            ("90 million barrels", "9000万桶"),
        ],
    },
    Wordings {
        name: "profit",
        same: &[
            "{S}'s net profit was {V} in 2024.",
            "{S}2024年的净利润为{V}。",
            "{S}2024年纯利为{V}。",
        ],
        contrast: &["{S}'s revenue was {V} in 2024.", "{S}2024年的营收为{V}。"],
        values: [("$4.5 billion", "45亿美元"), ("$3.1 billion", "31亿美元")],
    },
    Wordings {
        name: "output, mined or produced",
        same: &[
            "{S}'s copper mine output was {V} in 2024.",
            "{S} produced {V} of copper in 2024.",
            "{S} mined {V} of copper in 2024.",
            "Copper output in {S} reached {V} in 2024.",
            "{S}2024年的铜矿产量为{V}。",
            "{S}2024年开采了{V}铜。",
            "{S}2024年生产了{V}铜。",
            "{S} turned out {V} of copper in 2024.",
        ],
        contrast: &[
            "{S}'s copper smelting capacity was {V} in 2024.",
            "{S} exported {V} of copper in 2024.",
            "{S}2024年的铜出口量为{V}。",
            "{S}2024年的铜储备为{V}。",
            "{S}'s copper stockpile stood at {V} in 2024.",
            "{S} mined a further {V} of copper in 2024.",
            "{S} had capacity to produce {V} of copper a year in 2024.",
        ],
        values: [("120,000 tonnes", "12万吨"), ("90,000 tonnes", "9万吨")],
    },
    Wordings {
        name: "goods sold or delivered",
        same: &[
            "{S} sold {V} cars in 2024.",
            "Car sales in {S} reached {V} cars in 2024.",
            "{S} delivered {V} vehicles in 2024.",
            "{S}2024年售出了{V}辆汽车。",
            "{S}2024年的汽车交付量为{V}辆。",
        ],
        contrast: &[
            "{S} produced {V} cars in 2024.",
            "{S} manufactured {V} cars in 2024.",
            "{S}2024年制造了{V}辆汽车。",
            "{S} exported {V} cars in 2024.",
            "{S}2024年生产了{V}辆汽车。",
        ],
        values: [("120,000", "12万"), ("90,000", "9万")],
    },
    Wordings {
        name: "jobs cut",
        same: &[
            "{S}'s railways cut {V} jobs in 2024.",
            "{S}'s railways shed {V} positions in 2024.",
            "{S}'s railways eliminated {V} roles in 2024.",
            "{S}铁路部门2024年裁减了{V}个岗位。",
            "{S}铁路部门2024年削减了{V}个工作岗位。",
        ],
        contrast: &[
            "{S}'s railways created {V} jobs in 2024.",
            "{S}'s railways hired {V} positions in 2024.",
            "{S}铁路部门2024年新增了{V}个岗位。",
        ],
        values: [("12,000", "1.2万"), ("9,000", "9000")],
    },
    Wordings {
        name: "spending and budget",
        same: &[
            "{S}'s defence budget was {V} in 2024.",
            "{S} spent {V} on defence in 2024.",
            "{S}'s military spending reached {V} in 2024.",
            "{S}2024年的国防开支为{V}。",
            "{S}2024年的国防预算为{V}。",
        ],
        contrast: &[
            "{S}'s budget deficit was {V} in 2024.",
            "{S} earned {V} in revenue from defence exports in 2024.",
            "{S} spent {V} on education in 2024.",
            "{S}'s health budget was {V} in 2024.",
            "{S} spent {V} on infrastructure in 2024.",
            "{S}'s research budget was {V} in 2024.",
            "{S}'s welfare spending was {V} in 2024.",
            "{S}'s housing budget was {V} in 2024.",
            "{S}2024年的农业支出为{V}。",
            "{S}2024年的教育支出为{V}。",
        ],
        values: [("$4.5 billion", "45亿美元"), ("$3.1 billion", "31亿美元")],
    },
    Wordings {
        name: "emissions",
        same: &[
            "{S} emitted {V} of carbon dioxide in 2024.",
            "{S}'s greenhouse gas emissions were {V} in 2024.",
            "{S}2024年的温室气体排放量为{V}。",
            "{S}2024年排放了{V}二氧化碳。",
        ],
        contrast: &[
            "{S}'s natural gas output was {V} in 2024.",
            "{S} bought offsets covering {V} of CO2 in 2024.",
            "{S}2024年购买了{V}碳抵消额度。",
        ],
        values: [
            ("12 million tonnes", "1200万吨"),
            ("9 million tonnes", "900万吨"),
        ],
    },
    Wordings {
        name: "population",
        same: &[
            "{S}'s population was {V} people in 2024.",
            "{S} was home to {V} inhabitants in 2024.",
            "{S} had {V} residents in 2024.",
            "{S}2024年的人口为{V}人。",
            "{S}2024年常住人口达{V}人。",
        ],
        contrast: &[
            "{S}'s labour force was {V} people in 2024.",
            "{S}'s workforce counted {V} people in 2024.",
            "{S}2024年的劳动力人口为{V}人。",
        ],
        values: [("12 million", "1200万"), ("9 million", "900万")],
    },
    Wordings {
        name: "consumer inflation",
        same: &[
            "{S}'s inflation was {V} in 2024.",
            "Consumer prices in {S} rose {V} in 2024.",
            "{S}2024年的通胀率为{V}。",
            "{S}2024年居民消费价格上涨{V}。",
        ],
        contrast: &[
            "{S}'s producer price inflation was {V} in 2024.",
            "Producer prices in {S} rose {V} in 2024.",
            "{S}'s core inflation was {V} in 2024.",
            "{S}2024年的工业生产者出厂价格上涨{V}。",
        ],
        values: [("4.5%", "4.5%"), ("3.1%", "3.1%")],
    },
];

/// Subjects: places the knowledge base knows, in English and Chinese.
const WORDING_SUBJECTS: &[(&str, &str)] =
    &[("Chile", "智利"), ("Kenya", "肯尼亚"), ("Vietnam", "越南")];

#[test]
fn measures_meet_however_worded() {
    let fill = |t: &str, s: (&str, &str), v: (&str, &str)| -> (String, &'static str) {
        let zh = t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let (subj, val) = if zh { (s.1, v.1) } else { (s.0, v.0) };
        (
            t.replace("{S}", subj).replace("{V}", val),
            leak(val.to_string()),
        )
    };
    let pair = |a: (String, &'static str), b: (String, &'static str)| {
        (
            vec![
                article("Figures for 2024", "2025-02-10", &a.0),
                article("Figures for 2024", "2025-02-11", &b.0),
            ],
            [a.1, b.1],
        )
    };
    for w in WORDINGS {
        let (mut same, mut apart) = (Vec::new(), Vec::new());
        for &s in WORDING_SUBJECTS {
            for (i, a) in w.same.iter().enumerate() {
                for b in &w.same[i + 1..] {
                    same.push(pair(fill(a, s, w.values[0]), fill(b, s, w.values[1])));
                }
                for c in w.contrast {
                    apart.push(pair(fill(a, s, w.values[0]), fill(c, s, w.values[1])));
                }
            }
        }
        family(
            &format!("wordings/{}", w.name),
            "quantity-conflict",
            true,
            &same,
        );
        family(
            &format!("wordings/{} vs another measure", w.name),
            "quantity-conflict",
            false,
            &apart,
        );
    }
}

/// A quarter written without a year ("in the fourth quarter") that has not begun by
/// the article's date is last year's when reported and this year's when expected.
#[test]
fn a_bare_quarter_not_yet_begun_is_last_years_when_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let names = ["first", "second", "third", "fourth"];
    let mut cases = Vec::new();
    for month in 1..=12u32 {
        for (qi, q) in names.iter().enumerate() {
            let quarter = qi as u32 + 1;
            for forecast in [false, true] {
                let body = if forecast {
                    format!(
                        "Harlow Mining expects to mine 12,000 tonnes of copper in the {q} quarter."
                    )
                } else {
                    format!("Harlow Mining mined 12,000 tonnes of copper in the {q} quarter.")
                };
                let name = format!("m{month:02}-q{quarter}-{forecast}.txt");
                let text = article("Harlow Mining", &format!("2024-{month:02}-15"), &body);
                std::fs::write(dir.path().join(&name), text).expect("write");
                let begun = (quarter - 1) * 3 < month;
                let year = if begun || forecast { 2024 } else { 2023 };
                cases.push((name, format!("{year}-Q{quarter}")));
            }
        }
    }
    let mut wrong = Vec::new();
    for (name, want) in &cases {
        let o = run_in(dir.path(), &["extract", name, "--format", "json"]);
        let v = json(&o);
        let got: Vec<String> = v["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["kind"] == "quantity")
            .map(|c| c["period"].as_str().unwrap_or("").to_string())
            .collect();
        if got != [want.clone()] {
            wrong.push(format!("{name}: want {want}, got {got:?}"));
        }
    }
    eprintln!(
        "bare quarters: {} cases, {} right",
        cases.len(),
        cases.len() - wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Invented names no knowledge base has, each a sentence's first word.
const LEADS: &[&str] = &["Kestland", "Orvania", "Talmark", "Brisvale"];

/// Two sentences that open with the same unknown name, with no party before them,
/// are that name's figures; a headline that opens with another such name is not a
/// figure of a party the other article names.
#[test]
fn sentences_opening_with_one_unknown_name_share_it() {
    let (mut same, mut apart) = (Vec::new(), Vec::new());
    for (i, a) in LEADS.iter().enumerate() {
        for tmpl in [
            "{L} released {V} tonnes of CO2 in 2024, beating its own guidance.",
            "{L} emitted {V} tonnes of carbon dioxide in 2024.",
        ] {
            let x = tmpl.replace("{L}", a).replace("{V}", "3,800,000");
            let y = tmpl.replace("{L}", a).replace("{V}", "1,800,000");
            same.push((
                vec![
                    article("Annual carbon disclosure", "2025-02-10", &x),
                    article("Annual carbon disclosure", "2025-02-11", &y),
                ],
                ["3,800,000", "1,800,000"],
            ));
        }
        for b in &LEADS[i + 1..] {
            for (first, second) in [(a, b), (b, a)] {
                let head =
                    format!("{first} growth in gross domestic product hits 3.2 percent in 2024");
                let body = format!("{second}'s currency weakened against the dollar.");
                let other = format!("{second}'s GDP growth was 7.3% in 2024.");
                apart.push((
                    vec![
                        format!("{head}\nExample Wire·2025-02-10 09:00\n\n{body}\n"),
                        article("Growth figures", "2025-02-11", &other),
                    ],
                    ["3.2 percent", "7.3%"],
                ));
            }
        }
    }
    family("leads/one unknown name", "quantity-conflict", true, &same);
    family(
        "leads/a headline's own name",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// A sentence's unknown first word that another source names ("Kestland's jobless
/// rate") ties the two sources into one story, though their headlines share too
/// little; a first word another source does not name ties nothing.
#[test]
fn a_first_word_another_source_names_ties_the_story() {
    let (mut same, mut apart) = (Vec::new(), Vec::new());
    let opens = [
        "{L} recorded unemployment of {V} in November 2021.",
        "{L} reported a jobless rate of {V} for November 2021.",
        "{L} saw its unemployment rate reach {V} in November 2021.",
    ];
    let names = [
        "{N}'s jobless rate was {V} in November 2021.",
        "{V}: that was {N}'s unemployment rate in November 2021.",
        "Unemployment in {N} stood at {V} in November 2021.",
    ];
    for (i, l) in LEADS.iter().enumerate() {
        for o in opens {
            for n in names {
                let a = article(
                    &format!("{l} releases new data"),
                    "2021-12-15",
                    &o.replace("{L}", l).replace("{V}", "5.1%"),
                );
                let b = |who: &str| {
                    article(
                        "Figures under scrutiny",
                        "2021-12-16",
                        &n.replace("{N}", who).replace("{V}", "3.1 per cent"),
                    )
                };
                same.push((vec![a.clone(), b(l)], ["5.1%", "3.1 per cent"]));
                let other = LEADS[(i + 1) % LEADS.len()];
                apart.push((vec![a, b(other)], ["5.1%", "3.1 per cent"]));
            }
        }
    }
    // Both sources only open sentences with the name, and both headlines carry it:
    // half weight each, one story.
    let mut both = Vec::new();
    for l in LEADS {
        for (x, y) in [
            (
                "{L} released {V} of CO2 in March.",
                "{L} released {V} of CO2 last month.",
            ),
            (
                "{L} emitted {V} of carbon dioxide in March.",
                "{L} released {V} of CO2 in March.",
            ),
        ] {
            let a = article(
                &format!("{l} releases new data"),
                "2023-04-06",
                &x.replace("{L}", l).replace("{V}", "3,800,000 tonnes"),
            );
            let b = article(
                &format!("{l} figures under scrutiny"),
                "2023-04-06",
                &format!(
                    "The central bank kept its policy rate at 5.75%. {}",
                    y.replace("{L}", l).replace("{V}", "1.8m metric tons")
                ),
            );
            both.push((vec![a, b], ["3,800,000", "1.8m"]));
        }
    }
    family(
        "leads/opened by both, in both headlines",
        "quantity-conflict",
        true,
        &both,
    );
    family(
        "leads/named by another source",
        "quantity-conflict",
        true,
        &same,
    );
    family(
        "leads/another source names another",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// A measure every figure of a block names weighs little among them, yet two
/// figures that share it, and each's subject and period, are still one claim:
/// the two sources' overall rates meet beside their long-term ones, however
/// the measure is worded, and a long-term rate never meets an overall one.
#[test]
fn a_measure_the_whole_block_shares_still_ties_two_figures() {
    let (mut same, mut apart) = (Vec::new(), Vec::new());
    let whole = [
        "Chile recorded unemployment of {V} in 2024, officials said.",
        "{V}: Chile's jobless rate last year beat analysts' estimates.",
        "Chile's unemployment rate was {V} in 2024.",
        "智利2024年的失业率为{V}。",
    ];
    let part = [
        "Chile recorded long-term unemployment of {V} in 2024.",
        "Chile's long-term jobless rate was {V} last year.",
        "智利2024年的长期失业率为{V}。",
    ];
    let pair = |a: &str, b: &str| {
        vec![
            article("Chile releases new data", "2025-03-08", a),
            article("Chile figures under scrutiny", "2025-03-08", b),
        ]
    };
    for (i, x) in whole.iter().enumerate() {
        for y in &whole[i + 1..] {
            for (p, q) in [(0, 1), (1, 2), (2, 0)] {
                let a = format!(
                    "{} {}",
                    part[p].replace("{V}", "1.8%"),
                    x.replace("{V}", "5.4%")
                );
                let b = format!(
                    "{} {}",
                    y.replace("{V}", "2.5%"),
                    part[q].replace("{V}", "1.8%")
                );
                same.push((pair(&a, &b), ["5.4%", "2.5%"]));
                let b = format!(
                    "{} {}",
                    y.replace("{V}", "5.4%"),
                    part[q].replace("{V}", "3.3%")
                );
                apart.push((pair(&a, &b), ["5.4%", "3.3%"]));
            }
        }
    }
    family(
        "block-wide measure/overall rates",
        "quantity-conflict",
        true,
        &same,
    );
    family(
        "block-wide measure/long-term vs overall",
        "quantity-conflict",
        false,
        &apart,
    );
}

/// Binds through the frame: a figure whose subject is a reference's body, in its
/// unit, with the measures of one of its terms near it ("zircite dug from
/// Norland's mines": zircite, mining), is checked against it however it is worded;
/// a capacity, exports, another party, another material or a year the series does
/// not cover is not. Uses the fixtures' fictional world (Norland zircite
/// production, 10,000 t in 2024) with zircite as a measure of its own.
#[test]
fn a_reference_figure_binds_through_the_frame() {
    let rules = tempfile::tempdir().expect("temp dir");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("tests/fixtures/kb/world.toml"),
        rules.path().join("world.toml"),
    )
    .expect("copy");
    std::fs::write(
        rules.path().join("zircite.toml"),
        "[[measure]]\nkey = \"zircite\"\nterms = [\"zircite\", \"锆晶\"]\nexclusive = \"material\"\n",
    )
    .expect("write");
    let rules = rules.path().to_str().expect("utf-8 path").to_string();
    let flagged = |body: &str, text: &str| {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("a.txt"),
            article("Mining figures", "2025-03-10", body),
        )
        .expect("write");
        let o = run_in(
            dir.path(),
            &["check", ".", "--rules", &rules, "--format", "json"],
        );
        json(&o)["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| {
                f["rule"] == "reference-mismatch"
                    && f["expected"] == "10000 t"
                    && f["locations"][0]["text"]
                        .as_str()
                        .is_some_and(|t| t.starts_with(text))
            })
    };
    let wordings = [
        "Norland's zircite production was {V} in 2024.",
        "Zircite dug from Norland's mines totalled {V} in 2024.",
        "Norland mined {V} of zircite in 2024.",
        "Norland produced {V} of zircite in 2024, the agency said.",
        "In 2024, Norland's zircite output came to {V}.",
        "Zircite production in Norland reached {V} last year.",
        "诺兰2024年锆晶产量为{V}。",
        "2024年，诺兰共开采锆晶{V}。",
    ];
    let lookalikes = [
        "Norland's zircite production capacity was {V} in 2024.",
        "Norland exported {V} of zircite in 2024.",
        "Norland's copper production was {V} in 2024.",
        "Harrow Crossing produced {V} of zircite in 2024.",
        "Norland's zircite production was {V} in 2023.",
        "Norland aims to mine {V} of zircite as a target for 2024.",
        "诺兰2024年锆晶出口量为{V}。",
    ];
    let forms = |zh: bool| {
        if zh {
            vec![("1.3万吨", "1.3万吨"), ("13000吨", "13000吨")]
        } else {
            vec![
                ("13,000 tonnes", "13,000"),
                ("13 thousand tonnes", "13 thousand"),
            ]
        }
    };
    let (mut hit, mut n, mut wrong) = (0, 0, Vec::new());
    for w in wordings {
        for (v, t) in forms(w.chars().any(|c| c > '\u{2e80}')) {
            n += 1;
            let body = w.replace("{V}", v);
            if flagged(&body, t) {
                hit += 1;
            } else {
                wrong.push(body);
            }
            // The reference's own value holds however it is worded.
            let right = w.replace(
                "{V}",
                if v.contains('万') {
                    "1万吨"
                } else {
                    "10,000 tonnes"
                },
            );
            assert!(!flagged(&right, ""), "the right value flagged: {right}");
        }
    }
    eprintln!("reference through frames: {hit}/{n} must-flag");
    let mut fp = Vec::new();
    let mut m = 0;
    for w in lookalikes {
        for (v, t) in forms(w.chars().any(|c| c > '\u{2e80}')) {
            m += 1;
            let body = w.replace("{V}", v);
            if flagged(&body, t) {
                fp.push(body);
            }
        }
    }
    eprintln!("reference look-alikes: {} of {m} flagged", fp.len());
    assert!(
        wrong.is_empty() && fp.is_empty(),
        "not bound: {wrong:#?}\nlook-alikes bound: {fp:#?}"
    );
}
