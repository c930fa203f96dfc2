//! `extract` on a fixture written for it (tests/fixtures/extract/), with the
//! fictional knowledge base: every kind of claim, its span and its values.

use std::path::{Path, PathBuf};

use claimcheck::{claims, kb, read, report};
use serde_json::Value;

fn extract(path: &str) -> Value {
    let kb = kb::load(&[Path::new("tests/fixtures/kb")]).expect("fixture knowledge base loads");
    let (files, sources, errors) = read::read_all(&[PathBuf::from(path)]);
    assert!(errors.is_empty(), "{errors:?}");
    let claims = claims::extract(&kb, &files, &sources);
    serde_json::from_str(&report::extract::json(&claims, &files, &sources)).expect("valid JSON")
}

/// `extract` on an article written for one test.
fn extract_text(article: &str) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().join("a.txt");
    std::fs::write(&p, article).expect("write");
    extract(p.to_str().unwrap_or(""))
}

fn find<'a>(v: &'a Value, kind: &str, text: &str) -> &'a Value {
    v["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["kind"] == kind && c["text"] == text)
        .unwrap_or_else(|| panic!("no {kind} claim {text:?} in {v:#}"))
}

#[test]
fn every_kind_of_claim_with_its_values() {
    let v = extract("tests/fixtures/extract/norland.txt");
    assert_eq!(v["sources"][0]["date"], "2025-02-14");

    let role = find(&v, "role", "Bo Hedman, Norland's prime minister");
    assert_eq!(role["office"], "Prime Minister of Norland");
    assert_eq!(role["holder_canonical"], "Bo Hedman");
    assert_eq!(
        (role["line"].as_u64(), role["column"].as_u64()),
        (Some(4), Some(1))
    );
    let surname = find(&v, "role", "Prime Minister Hedman");
    assert_eq!(surname["holder_canonical"], "Bo Hedman");
    let unknown = find(&v, "role", "Prime Minister Ilse Varga");
    assert_eq!(unknown["holder_canonical"], Value::Null);
    assert_eq!(find(&v, "entity", "Ilse Varga")["type"], "person");
    let zh = find(&v, "role", "总理赫德曼");
    assert_eq!(zh["holder_canonical"], "Bo Hedman");

    let acr = find(&v, "acronym", "Institute of Applied Geology (IAG)");
    assert_eq!(
        (&acr["short"], &acr["long"]),
        (&"IAG".into(), &"Institute of Applied Geology".into())
    );
    let or = find(&v, "acronym", "NMA, or Norland Minerals Agency");
    assert_eq!(or["long"], "Norland Minerals Agency");

    let money = find(&v, "quantity", "at least $1.5 billion");
    assert_eq!(
        (money["low"].as_f64(), money["high"].as_f64()),
        (Some(1.5e9), None)
    );
    assert_eq!(money["unit"], "USD");
    assert_eq!(money["measure"], "investment");
    let range = find(&v, "quantity", "12% to 15%");
    assert_eq!(
        (
            range["value"].as_f64(),
            range["low"].as_f64(),
            range["high"].as_f64()
        ),
        (None, Some(12.0), Some(15.0))
    );
    assert_eq!(range["period"], "2025");
    assert_eq!(range["modality"], "forecast");
    // "rise by 12% to 15%": the range is the size of the change; a level is no change.
    assert_eq!(range["change"], "by");
    assert_eq!(money["change"], Value::Null);
    let permits = find(&v, "quantity", "2,400 permits");
    assert_eq!(
        (permits["value"].as_f64(), &permits["noun"]),
        (Some(2400.0), &"permits".into())
    );
    let cn = find(&v, "quantity", "约为1.2万吨");
    assert_eq!(
        (cn["value"].as_f64(), &cn["unit"], &cn["qualifier"]),
        (Some(12000.0), &"t".into(), &"about".into())
    );
    let pct = find(&v, "quantity", "百分之二十");
    assert_eq!(
        (pct["value"].as_f64(), &pct["unit"]),
        (Some(20.0), &"percent".into())
    );
    // 比去年增长百分之二十: the size of a rise.
    assert_eq!(pct["change"], "by");

    assert_eq!(find(&v, "date", "February 12")["value"], "2025-02-12");
    assert_eq!(find(&v, "date", "the 10th")["value"], "2025-02-10");
    assert_eq!(find(&v, "date", "2025年")["value"], "2025");

    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| insta::assert_json_snapshot!("extract.norland", v["claims"]));
}

/// The example: one measure however it is phrased, and measures that only
/// look alike kept apart.
#[test]
fn measures_are_keyed_by_what_they_measure() {
    let v = extract_text(
        "Shares of the market\nWire·2025-06-01 09:00\n\n\
         Norland controls 87% of global rare earth processing capacity, officials said.\n\
         Analysts added that 87 per cent of the world's rare-earth processing capacity is controlled by Norland.\n\
         Norland also holds 91% of refining capacity and 92% of high-purity heavy rare earth refining capacity.\n",
    );
    let measure = |text: &str| {
        find(&v, "quantity", text)["measure"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    let processing: Vec<String> = v["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["kind"] == "quantity" && c["value"].as_f64() == Some(87.0))
        .map(|c| c["measure"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(processing.len(), 2);
    assert_eq!(processing[0], processing[1]);
    assert_eq!(processing[0], "capacity+processing+rare-earth");
    assert_eq!(measure("91%"), "capacity+refining");
    assert_eq!(
        measure("92%"),
        "capacity+heavy-rare-earth+high-purity+refining"
    );
}

/// A reporting body names where a figure comes from, not whose it is, unless possessive;
/// an ordinary body named before a figure is its subject.
#[test]
fn a_reporter_is_the_subject_only_through_its_possessive() {
    let v = extract_text(
        "Statistics\nWire·2025-06-01 09:00\n\n\
         The NSO said zircite production rose to 12,000 tonnes.\n\
         Norland told the Norland Statistics Office that exports reached 3,000 tonnes.\n\
         The NSO's budget grew to $40 million.\n\
         The Norland Minerals Agency said zircite production rose to 13,000 tonnes.\n",
    );
    let subject = |text: &str| find(&v, "quantity", text)["subject"].clone();
    assert_eq!(subject("12,000 tonnes"), Value::Null);
    assert_eq!(subject("3,000 tonnes"), "Norland");
    assert_eq!(subject("$40 million"), "Norland Statistics Office");
    assert_eq!(subject("13,000 tonnes"), "Norland Minerals Agency");
}

/// A figure's day: a full date after it is whole even with a comma inside ("at 2.5%
/// on March 4, 2025, …"); in Chinese, a date after 于 before the figure is its day; a
/// date before a figure in English is when it was said (its year only).
#[test]
fn a_figure_takes_its_own_day() {
    let v = extract_text(
        "Rates\nWire·2025-03-20 09:00\n\n\
         The Bank of Norland kept its policy rate at 2.5% on March 4, 2025, where it has stood since January.\n\
         诺兰央行于2025年3月4日将政策利率维持在2.75%。\n\
         On March 4, 2025, the agency said zircite output rose by 3%.\n",
    );
    let period = |text: &str| find(&v, "quantity", text)["period"].clone();
    assert_eq!(period("2.5%"), "2025-03-04");
    assert_eq!(period("2.75%"), "2025-03-04");
    assert_eq!(period("3%"), "2025");
}

/// A period after the figure's noun phrase ("… of its shares last year") is its own;
/// a deadline ("before next February") is not; "the year to March 2024" is a span;
/// "in January" in an undated article is a month of no known year.
#[test]
fn periods_after_the_noun_phrase() {
    let v = extract_text(
        "Buybacks\nWire·2024-05-02 09:00\n\n\
         Veltrac Motors bought back $155 million of its shares last year.\n\
         Veltrac Motors will repurchase $90 million of its own stock before next February.\n\
         In the year to March 2024, the Kestland economy grew by 8.5%.\n",
    );
    let period = |text: &str| find(&v, "quantity", text)["period"].clone();
    assert_eq!(period("$155 million"), "2023");
    assert_eq!(period("$90 million"), "2024");
    assert_eq!(period("8.5%"), "year to 2024-03");
    let undated = extract_text("Prices\n\nHalifax said house prices rose by 0.8% in January.\n");
    assert_eq!(find(&undated, "quantity", "0.8%")["period"], "--01");
}

/// Every wording of the fourth quarter of a year gives one period. ("in Q4 2024"
/// takes the article's year: "Q4 2024" is not read as a date yet.)
#[test]
fn fourth_quarter_wordings() {
    for q in [
        "in the fourth quarter of 2024",
        "in the final quarter of 2024",
        "in the last quarter of 2024",
        "in the fourth-quarter of 2024",
    ] {
        let v = extract_text(&format!(
            "Output\nWire·2025-02-02 09:00\n\nVeltrac Motors sold 41,000 cars {q}.\n"
        ));
        assert_eq!(
            find(&v, "quantity", "41,000 cars")["period"],
            "2024-Q4",
            "{q}"
        );
    }
}

/// Roles at the edges: a name ending a sentence, a deputy, a former holder (前), and
/// a surname two people share (the office's holders decide).
#[test]
fn roles_at_the_edges() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("more.toml"),
        "[[person]]\nid = \"karl-hedman\"\nname = \"Karl Hedman\"\nsurnames = [\"Hedman\"]\n\
         source = { publisher = \"claimcheck fixtures\", document = \"fictional world\", date = \"2025-01-01\" }\n",
    )
    .expect("write");
    let kb = kb::load(&[Path::new("tests/fixtures/kb"), dir.path()]).expect("loads");
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Roles at the edges\nWire·2025-03-01 09:00\n\n\
         The plan was presented by Prime Minister Bo Hedman.\n\
         Deputy Prime Minister Ada Lindqvist also spoke.\n\
         前总理林德奎斯特出席了会议。\n\
         Prime Minister Hedman closed the meeting.\n",
    )
    .expect("write");
    let (files, sources, errors) = read::read_all(&[article]);
    assert!(errors.is_empty());
    let claims = claims::extract(&kb, &files, &sources);
    let roles: Vec<(String, Option<String>)> = claims
        .iter()
        .filter_map(|c| match &c.kind {
            claims::Kind::Role(r) => Some((r.holder.clone(), r.holder_canonical.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        roles,
        vec![
            ("Bo Hedman".to_string(), Some("Bo Hedman".to_string())),
            ("Hedman".to_string(), Some("Bo Hedman".to_string())),
        ]
    );
}

/// Words around a title that are not its holder: a courtesy title before the name, a
/// qualified title that runs on into another name, and a holder who names the body
/// of his own title.
#[test]
fn roles_take_only_their_own_holder() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("more.toml"),
        "[[place]]\nid = \"westmark\"\nname = \"Westmark\"\n\
         source = { publisher = \"claimcheck fixtures\", document = \"fictional world\", date = \"2025-01-01\" }\n\
         [[office]]\nid = \"president-of-westmark\"\nname = \"President of Westmark\"\ntitles = [\"President\"]\n\
         of = \"westmark\"\naliases = [\"President of Westmark\"]\n\
         source = { publisher = \"claimcheck fixtures\", document = \"fictional world\", date = \"2025-01-01\" }\n\
         holders = []\n",
    )
    .expect("write");
    let kb = kb::load(&[Path::new("tests/fixtures/kb"), dir.path()]).expect("loads");
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Titles and names\nWire·2025-03-01 09:00\n\n\
         Prime Minister Mr Hedman opened the session.\n\
         The Norland Minerals Agency reported on Monday.\n\
         Board Chairman Olle Berg of the Harrow Rail Company spoke next.\n\
         Eva Holm, president of Westmark Chess Federation, spoke last.\n",
    )
    .expect("write");
    let (files, sources, errors) = read::read_all(&[article]);
    assert!(errors.is_empty());
    let claims = claims::extract(&kb, &files, &sources);
    let roles: Vec<(String, String, Option<String>)> = claims
        .iter()
        .filter_map(|c| match &c.kind {
            claims::Kind::Role(r) => Some((
                r.office_id.clone(),
                r.holder.clone(),
                r.holder_canonical.clone(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        roles,
        vec![(
            "prime-minister-of-norland".to_string(),
            "Hedman".to_string(),
            Some("Bo Hedman".to_string())
        )]
    );
}

/// When a role is held: a fronted year, "then" with the sentence's date, 时任 with a
/// Chinese year; the article's date (null) otherwise, and no claim for "then" alone.
#[test]
fn roles_carry_the_time_their_sentence_states() {
    let v = extract_text(
        "Roles in time\nWire·2025-03-01 09:00\n\n\
         In 2020, Norland's Prime Minister Ada Lindqvist opened the fair.\n\
         The fair was opened by then Prime Minister Ada Lindqvist of Norland in May 2021.\n\
         2022年，时任诺兰总理林德奎斯特出席了会议。\n\
         The plan dates from then Prime Minister Bo Hedman of Norland.\n\
         Norland's Prime Minister Bo Hedman said on Friday that the fair had grown since 2020.\n",
    );
    let roles: Vec<(String, Value)> = v["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["kind"] == "role")
        .map(|c| {
            (
                c["holder"].as_str().unwrap_or("").to_string(),
                c["at"].clone(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        vec![
            ("Ada Lindqvist".to_string(), Value::from("2020")),
            ("Ada Lindqvist".to_string(), Value::from("2021-05")),
            ("林德奎斯特".to_string(), Value::from("2022")),
            ("Bo Hedman".to_string(), Value::Null),
        ]
    );
}
