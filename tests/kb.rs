//! The knowledge base: built-in data, lookups, the gazetteer and every validation error.

use std::path::Path;

use chrono::NaiveDate;
use claimcheck::kb::{Hit, Kb, Level, builtin};
use claimcheck::rules::settings::resolve;

mod common;

/// Loads `dirs` as a run does: the knowledge base, then its settings and example
/// flags checked against the rules.
fn load(dirs: &[&Path]) -> Result<Kb, claimcheck::Error> {
    let mut kb = claimcheck::kb::load(dirs)?;
    resolve(&mut kb, &["unknown-suppression"])?;
    Ok(kb)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn kb() -> Kb {
    builtin().unwrap_or_else(|e| panic!("built-in rules do not load: {e}"))
}

fn idx(kb: &Kb, id: &str) -> u32 {
    *kb.entity_index
        .get(id)
        .unwrap_or_else(|| panic!("no entity {id}")) as u32
}

fn office_idx(kb: &Kb, id: &str) -> u32 {
    *kb.office_index
        .get(id)
        .unwrap_or_else(|| panic!("no office {id}")) as u32
}

/// Each mention as (matched text, what it stands for).
fn mentions<'t>(kb: &Kb, text: &'t str) -> Vec<(&'t str, Vec<Hit>)> {
    kb.gazetteer
        .find(text)
        .into_iter()
        .map(|m| (&text[m.range], kb.gazetteer.hits(m.pattern).to_vec()))
        .collect()
}

const SRC: &str = r#"source = { publisher = "P", document = "D", date = "2024-01-01" }"#;

/// Writes `files` into a temp dir, loads it on top of the built-in rules and returns
/// the error line with the temp dir shown as `DIR`.
fn load_err(files: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text.replace("SRC", SRC)).unwrap();
    }
    match load(&[dir.path()]) {
        Ok(_) => panic!("loaded without error"),
        Err(e) => e
            .to_string()
            .replace(&dir.path().display().to_string(), "DIR"),
    }
}

fn load_ok(files: &[(&str, &str)]) -> Kb {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text.replace("SRC", SRC)).unwrap();
    }
    load(&[dir.path()]).unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------------------
// Built-in data

#[test]
fn builtin_loads_with_every_kind() {
    let kb = kb();
    assert!(kb.entities.len() > 100, "{} entities", kb.entities.len());
    assert!(kb.offices.len() >= 20);
    assert!(kb.figures.len() >= 4, "{}", kb.figures.len());
    assert!(kb.events.len() >= 8);
    let t = kb.entity("takaichi-sanae").unwrap();
    assert_eq!(t.name, "Takaichi Sanae");
    assert_eq!(t.surnames, ["Takaichi", "高市"]);
    assert!(!t.aliases.iter().any(|a| a == "Kishi Sanae"));
    let mine = kb.entity("mountain-pass").unwrap();
    assert_eq!(mine.operator.as_deref(), Some("mp-materials"));
    assert!(!mine.aliases.iter().any(|a| a.starts_with("Mount Pass")));
    let jogmec = kb.entity("jogmec").unwrap();
    assert_eq!(jogmec.acronyms, ["JOGMEC"]);
    assert_eq!(jogmec.renamed[0].on, day("2022-11-14"));
    assert!(!jogmec.source.publisher.is_empty());
    // Every person named as a holder exists, and nobody is "Takayuki Sato".
    assert!(kb.lookup_name("Takayuki Sato").is_empty());
}

#[test]
fn builtin_is_built_once_and_cloned() {
    let a = kb();
    let b = kb();
    assert_eq!(a.entities.len(), b.entities.len());
    assert_eq!(load(&[]).unwrap().entities.len(), a.entities.len());
}

#[test]
fn holders_on_handover_days_and_ranges() {
    let kb = kb();
    let pm = kb.office("prime-minister-of-japan").unwrap();
    assert_eq!(
        pm.holders_on(day("2025-10-21")),
        ["ishiba-shigeru", "takaichi-sanae"]
    );
    assert_eq!(pm.holders_on(day("2025-10-22")), ["takaichi-sanae"]);
    assert_eq!(pm.holders_on(day("2025-10-20")), ["ishiba-shigeru"]);
    assert_eq!(
        pm.holders_on(day("2024-10-01")),
        ["kishida-fumio", "ishiba-shigeru"]
    );
    assert_eq!(pm.holders_on(day("2013-05-01")), ["abe-shinzo"]);
    assert_eq!(pm.holders_on(day("1999-01-01")), Vec::<&str>::new());

    let commerce = kb.office("us-secretary-of-commerce").unwrap();
    assert_eq!(commerce.holders_on(day("2024-12-03")), ["gina-raimondo"]);
    // Between Raimondo's last day and Lutnick's first nobody held the office.
    assert_eq!(commerce.holders_on(day("2025-02-01")), Vec::<&str>::new());
    assert_eq!(commerce.holders_on(day("2025-04-17")), ["howard-lutnick"]);

    let potus = kb.office("president-of-the-united-states").unwrap();
    assert_eq!(
        potus.holders_on(day("2025-01-20")),
        ["joe-biden", "donald-trump"]
    );
    assert_eq!(potus.holders_on(day("2019-06-01")), ["donald-trump"]);

    let boc = kb.office("governor-of-the-bank-of-canada").unwrap();
    assert_eq!(boc.holders_on(day("2025-04-17")), ["tiff-macklem"]);
    assert_eq!(boc.of.as_deref(), Some("bank-of-canada"));
}

#[test]
fn figures_give_the_value_in_force() {
    let kb = kb();
    let ecb = kb
        .figures
        .iter()
        .find(|f| f.id == "ecb-deposit-facility-rate")
        .unwrap();
    assert_eq!(ecb.value_on(day("2025-07-24")).map(|v| v.low), Some(2.0));
    assert_eq!(ecb.value_on(day("2024-09-12")).map(|v| v.low), Some(3.75));
    assert_eq!(ecb.value_on(day("2024-09-18")).map(|v| v.low), Some(3.5));
    let fed = kb
        .figures
        .iter()
        .find(|f| f.id == "fed-funds-target-range")
        .unwrap();
    let v = fed.value_on(day("2024-09-19")).unwrap();
    assert_eq!((v.low, v.high), (4.75, 5.0));
    assert!(fed.value_on(day("2020-01-01")).is_none());
}

#[test]
fn lookup_name_ignores_case_diacritics_and_spaces() {
    let kb = kb();
    let dan = idx(&kb, "dan-jorgensen") as usize;
    assert_eq!(kb.lookup_name("Dan Jorgensen"), [dan]);
    assert_eq!(kb.lookup_name("dan  JØRGENSEN "), [dan]);
    let sqm = idx(&kb, "sqm") as usize;
    assert_eq!(kb.lookup_name("sociedad quimica y minera de chile"), [sqm]);
    let mut bis = kb.lookup_name("BIS");
    bis.sort();
    let mut want = vec![
        idx(&kb, "bis-commerce") as usize,
        idx(&kb, "bis-settlements") as usize,
    ];
    want.sort();
    assert_eq!(bis, want);
    // Misspellings are not names.
    assert!(kb.lookup_name("Albermarle").is_empty());
    assert!(
        kb.all_names()
            .any(|(i, n)| i == dan && n == "Dan Jørgensen")
    );
}

// ---------------------------------------------------------------------------
// Gazetteer

#[test]
fn gazetteer_finds_one_person_in_three_forms() {
    let kb = kb();
    let t = idx(&kb, "takaichi-sanae");
    for text in ["Sanae Takaichi", "Takaichi Sanae", "高市早苗"] {
        let sentence = format!("He met {text} today.");
        let found = mentions(&kb, &sentence);
        assert_eq!(found, [(text, vec![Hit::Name(t)])], "{text}");
    }
    // CJK names sit anywhere, with no spaces around them.
    let found = mentions(&kb, "会见了高市早苗首相");
    assert_eq!(found[0], ("高市早苗", vec![Hit::Name(t)]));
}

#[test]
fn gazetteer_adjectives_titles_and_boundaries() {
    let kb = kb();
    let japan = idx(&kb, "japan");
    let pm = office_idx(&kb, "prime-minister-of-japan");
    let found = mentions(&kb, "Japan's prime minister spoke.");
    assert_eq!(found[0], ("Japan's", vec![Hit::Adjective(japan)]));
    assert_eq!(found[1].0, "prime minister");
    assert!(found[1].1.contains(&Hit::Title(pm)));
    assert!(found[1].1.iter().all(|h| matches!(h, Hit::Title(_))));
    assert_eq!(found.len(), 2);

    // Not inside longer words.
    assert!(mentions(&kb, "Japaneseness").is_empty());
    assert!(mentions(&kb, "A BISON herd").is_empty());
    // Names are case-sensitive: "bis" is not the acronym.
    assert!(mentions(&kb, "the bis report").is_empty());

    // A longest match that fails its boundary does not hide a shorter valid one.
    let found = mentions(&kb, "Japan'sx");
    assert_eq!(found, [("Japan", vec![Hit::Name(japan)])]);

    // Latin names touching CJK text are on a boundary.
    let rio = idx(&kb, "rio-tinto");
    let arcadium = idx(&kb, "arcadium-lithium");
    let found = mentions(&kb, "力拓收购Arcadium Lithium");
    assert_eq!(
        found,
        [
            ("力拓", vec![Hit::Name(rio)]),
            ("Arcadium Lithium", vec![Hit::Name(arcadium)])
        ]
    );
}

#[test]
fn gazetteer_patterns_that_stand_for_several_things() {
    let kb = kb();
    let found = mentions(&kb, "BIS");
    let hits = &found[0].1;
    assert!(hits.contains(&Hit::Acronym(idx(&kb, "bis-commerce"))));
    assert!(hits.contains(&Hit::Acronym(idx(&kb, "bis-settlements"))));
    // "US" is the country's acronym and adjective.
    let us = idx(&kb, "united-states");
    let found = mentions(&kb, "the US side");
    assert_eq!(found[0].0, "US");
    assert!(found[0].1.contains(&Hit::Acronym(us)));
    assert!(found[0].1.contains(&Hit::Adjective(us)));
    // A misspelling is reported as such, with its entity.
    let found = mentions(&kb, "Albermarle said");
    assert_eq!(
        found,
        [("Albermarle", vec![Hit::Misspelling(idx(&kb, "albemarle"))])]
    );
    // Office aliases need no qualifier and ignore case.
    let found = mentions(&kb, "commerce secretary Lutnick");
    assert_eq!(found[0].0, "commerce secretary");
    assert_eq!(
        found[0].1,
        [Hit::OfficeAlias(office_idx(
            &kb,
            "us-secretary-of-commerce"
        ))]
    );
    assert_eq!(
        found[1],
        ("Lutnick", vec![Hit::Surname(idx(&kb, "howard-lutnick"))])
    );
}

#[test]
fn gazetteer_ranges_are_byte_ranges_in_order() {
    let kb = kb();
    let text = "据悉,高市早苗与Trump会谈。";
    let found = kb.gazetteer.find(text);
    assert_eq!(found.len(), 2);
    assert_eq!(&text[found[0].range.clone()], "高市早苗");
    assert_eq!(found[0].range.start, "据悉,".len());
    assert_eq!(&text[found[1].range.clone()], "Trump");
    assert!(found[0].range.end <= found[1].range.start);
}

// ---------------------------------------------------------------------------
// Added files

#[test]
fn added_files_override_by_id_and_add() {
    let kb = load_ok(&[(
        "mine.toml",
        r#"
[[person]]
id = "takaichi-sanae"
name = "Sanae Takaichi"
aliases = ["高市早苗"]
SRC

[[organization]]
id = "test-corp"
name = "Test Corporation"
acronyms = ["TSTC"]
SRC
"#,
    )]);
    let base = self::kb();
    assert_eq!(kb.entities.len(), base.entities.len() + 1);
    let t = kb.entity("takaichi-sanae").unwrap();
    assert_eq!(t.name, "Sanae Takaichi");
    assert!(t.surnames.is_empty());
    assert_eq!(kb.lookup_name("tstc"), [idx(&kb, "test-corp") as usize]);
    // The office still points at the replaced person.
    let pm = kb.office("prime-minister-of-japan").unwrap();
    assert_eq!(pm.holders_on(day("2025-11-01")), ["takaichi-sanae"]);
}

#[test]
fn added_files_are_found_recursively_and_set_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    std::fs::write(
        dir.path().join("sub/settings.toml"),
        "[rule.quantity-conflict]\nseverity = \"warning\"\nparams = { relative_tolerance = 0.05 }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("measures.toml"),
        "[[measure]]\nkey = \"test share\"\nterms = [\"test share\", \"测试份额\"]\n",
    )
    .unwrap();
    let kb = load(&[dir.path()]).unwrap();
    let q = &kb.rules["quantity-conflict"];
    assert_eq!(q.level, Level::Warning);
    assert_eq!(q.params["relative_tolerance"].value.as_f64(), 0.05);
    // Keys not set keep the built-in values.
    assert_eq!(q.params["about_tolerance"].value.as_f64(), 0.1);
    assert!(
        kb.vocabulary
            .iter()
            .any(|v| v.term == "测试份额" && v.key == "test share" && v.class == "measure")
    );
}

#[test]
fn shared_acronym_is_allowed_when_both_have_contexts() {
    let kb = load_ok(&[(
        "a.toml",
        r#"
[[organization]]
id = "test-one"
name = "Test One Agency"
acronyms = ["TOA"]
contexts = ["export"]
SRC

[[organization]]
id = "test-two"
name = "Test Two Association"
acronyms = ["TOA"]
contexts = ["music"]
SRC
"#,
    )]);
    assert_eq!(kb.lookup_name("TOA").len(), 2);
}

// ---------------------------------------------------------------------------
// Validation errors: one test each, with the exact place and message.

#[test]
fn error_toml_syntax() {
    let e = load_err(&[("a.toml", "[[person]]\nid = \"x\nname = \"X\"\n")]);
    assert_eq!(e, "DIR/a.toml:2:8: invalid basic string, expected `\"`");
}

#[test]
fn error_unknown_key() {
    let e = load_err(&[(
        "a.toml",
        "[[person]]\nid = \"x\"\nname = \"X\"\nnmae = \"X\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:1: unknown field `nmae`, expected one of `id`, `name`, `aliases`, `surnames`, `contexts`, `misspellings`, `source`, `examples`"
    );
}

#[test]
fn error_unknown_table() {
    let e = load_err(&[("a.toml", "[[persons]]\nid = \"x\"\n")]);
    assert_eq!(
        e,
        "DIR/a.toml:1:3: unknown field `persons`, expected one of `person`, `organization`, `place`, `office`, `figure`, `event`, `publisher`, `rule`, `measure`, `exclusive`"
    );
}

#[test]
fn error_wrong_type() {
    let e = load_err(&[(
        "a.toml",
        "[[person]]\nid = \"x\"\nname = \"X\"\naliases = \"Y\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:11: invalid type: string \"Y\", expected a sequence"
    );
}

#[test]
fn error_missing_source() {
    let e = load_err(&[("a.toml", "\n[[person]]\nid = \"x\"\nname = \"X\"\n")]);
    assert_eq!(
        e,
        "DIR/a.toml:2:1: missing field `source`: every entry needs source = { publisher = \"…\", document = \"…\", date = \"YYYY-MM-DD\" }"
    );
}

#[test]
fn error_empty_source_field() {
    let e = load_err(&[(
        "a.toml",
        "[[person]]\nid = \"x\"\nname = \"X\"\nsource = { publisher = \"\", document = \"D\", date = \"2024\" }\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:24: source.publisher is empty; expected some text"
    );
    let e = load_err(&[(
        "a.toml",
        "[[person]]\nid = \"x\"\nname = \"X\"\nsource = { publisher = \"P\", document = \"D\", date = \"soon\" }\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:52: source.date \"soon\" is not a date; expected \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\""
    );
}

#[test]
fn error_duplicate_id_in_added_files() {
    let one = "[[person]]\nid = \"test-x\"\nname = \"X\"\nSRC\n";
    let two = "[[organization]]\nid = \"test-x\"\nname = \"X Corp\"\nSRC\n";
    let e = load_err(&[("a.toml", one), ("b.toml", two)]);
    assert_eq!(
        e,
        "DIR/b.toml:2:6: duplicate id \"test-x\": already defined at DIR/a.toml:2:6; ids must be unique"
    );
}

#[test]
fn error_unknown_holder() {
    let e = load_err(&[(
        "offices.toml",
        r#"[[office]]
id = "test-office"
name = "Test Office"
titles = ["Test Officer"]
of = "japan"
SRC
holders = [
  { person = "kishida-fumo", from = "2021-10-04" },
]
"#,
    )]);
    assert_eq!(
        e,
        "DIR/offices.toml:8:14: holder \"kishida-fumo\" is not a known person id"
    );
}

#[test]
fn error_holder_is_not_a_person() {
    let e = load_err(&[(
        "offices.toml",
        "[[office]]\nid = \"o\"\nname = \"O\"\nSRC\nholders = [{ person = \"japan\", from = \"2021-10-04\" }]\n",
    )]);
    assert_eq!(
        e,
        "DIR/offices.toml:5:23: holder \"japan\" is a place, not a person"
    );
}

#[test]
fn error_unknown_office_of_subject_and_operator() {
    let e = load_err(&[(
        "a.toml",
        "[[office]]\nid = \"o\"\nname = \"O\"\nof = \"atlantis\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:6: of \"atlantis\" is not a known entity id"
    );

    let e = load_err(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ntopic = [\"t\"]\nsubjects = [\"japan\", \"atlantis\"]\ndate = \"2024-01-01\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:5:22: subject \"atlantis\" is not a known entity id"
    );

    let e = load_err(&[(
        "a.toml",
        "[[figure]]\nid = \"f\"\nname = \"F\"\nsubject = \"atlantis\"\nunit = \"percent\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:11: subject \"atlantis\" is not a known entity id"
    );

    let e = load_err(&[(
        "a.toml",
        "[[place]]\nid = \"test-mine\"\nname = \"Test Mine\"\noperator = \"japan\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:12: operator \"japan\" is a place, not an organization"
    );
}

#[test]
fn error_event_without_topic() {
    let e = load_err(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ntopic = []\ndate = \"2024-01-01\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:9: an event needs `topic`: words of what it is about, one of which a date's sentence must write"
    );
    let e = load_err(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ndate = \"2024-01-01\"\nSRC\n",
    )]);
    assert!(
        e.starts_with("DIR/a.toml:1:1: missing field `topic`"),
        "{e}"
    );
}

#[test]
fn publishers_name_their_country_and_are_validated() {
    let kb = load_ok(&[(
        "p.toml",
        "[[publisher]]\nid = \"p\"\nnames = [\"Harbour Post\", \"港口邮报\"]\ncountry = \"japan\"\nSRC\n",
    )]);
    let japan = kb.entity_index["japan"];
    assert_eq!(kb.publisher_country("harbour  POST "), Some(japan));
    assert_eq!(kb.publisher_country("港口邮报"), Some(japan));
    assert_eq!(kb.publisher_country("Harbour"), None);
    let one = |names: &str, country: &str| {
        format!("[[publisher]]\nid = \"p\"\nnames = {names}\ncountry = \"{country}\"\nSRC\n")
    };
    assert_eq!(
        load_err(&[("a.toml", &one("[\"Harbour Post\"]", "atlantis"))]),
        "DIR/a.toml:4:11: country \"atlantis\" is not a known place id"
    );
    assert_eq!(
        load_err(&[("a.toml", &one("[\"Harbour Post\"]", "jogmec"))]),
        "DIR/a.toml:4:11: country \"jogmec\" is an organization, not a place"
    );
    assert_eq!(
        load_err(&[("a.toml", &one("[]", "japan"))]),
        "DIR/a.toml:3:9: a publisher needs `names`: how its bylines write it"
    );
    let two = format!(
        "{}\n[[publisher]]\nid = \"q\"\nnames = [\"harbour post\"]\ncountry = \"china\"\nSRC\n",
        one("[\"Harbour Post\"]", "japan")
    );
    let e = load_err(&[("a.toml", &two)]);
    assert!(
        e.starts_with("DIR/a.toml:")
            && e.ends_with("publisher name \"harbour post\" is given another country elsewhere"),
        "{e}"
    );
}

#[test]
fn error_date_not_iso() {
    let e = load_err(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ntopic = [\"t\"]\ndate = \"2024/10/01\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:5:8: date \"2024/10/01\" is not a date; expected an ISO date like \"2024-10-01\""
    );
    let e = load_err(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ntopic = [\"t\"]\ndate = \"2024-02-30\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:5:8: date \"2024-02-30\" is not a date; expected an ISO date like \"2024-10-01\""
    );
    // A TOML date works as well as a string.
    let kb = load_ok(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ntopic = [\"t\"]\ndate = 2024-02-29\nSRC\n",
    )]);
    assert_eq!(
        kb.events.iter().find(|e| e.id == "e").unwrap().date,
        day("2024-02-29")
    );
}

#[test]
fn error_to_before_from() {
    let e = load_err(&[(
        "a.toml",
        "[[office]]\nid = \"o\"\nname = \"O\"\nSRC\nholders = [\n  { person = \"kishida-fumio\", from = \"2021-10-04\", to = \"2021-10-03\" },\n]\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:6:57: to 2021-10-03 is before from 2021-10-04; `to` is the last day in office"
    );
}

#[test]
fn error_overlapping_holders() {
    let e = load_err(&[(
        "a.toml",
        r#"[[office]]
id = "o"
name = "O"
SRC
holders = [
  { person = "kishida-fumio", from = "2021-10-04", to = "2024-10-01" },
  { person = "ishiba-shigeru", from = "2024-09-01" },
]
"#,
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:7:39: term of \"ishiba-shigeru\" from 2024-09-01 overlaps the term of \"kishida-fumio\" (from 2021-10-04 to 2024-10-01) by more than the handover day"
    );
}

#[test]
fn error_name_claimed_by_two_entities() {
    let e = load_err(&[(
        "a.toml",
        "[[organization]]\nid = \"test-org\"\nname = \"Test Org\"\nacronyms = [\"JOGMEC\"]\nSRC\n",
    )]);
    // Where the built-in file lists it (examples added above it move it).
    let builtin = std::fs::read_to_string("rules/organizations.toml").unwrap();
    let line = builtin
        .lines()
        .position(|l| l.starts_with("acronyms = [\"JOGMEC\""))
        .map_or(0, |i| i + 1);
    assert_eq!(
        e,
        format!(
            "DIR/a.toml:4:13: \"JOGMEC\" is already a name of \"jogmec\" (rules/organizations.toml:{line}:13); two entities may share a name only when both list contexts to tell them apart"
        )
    );
}

#[test]
fn error_misspelling_is_a_name() {
    let e = load_err(&[(
        "a.toml",
        "[[organization]]\nid = \"test-org\"\nname = \"Test Org\"\nmisspellings = [\"Albemarle\"]\nSRC\n",
    )]);
    assert!(
        e.starts_with("DIR/a.toml:4:17: misspelling \"Albemarle\" is a name of \"albemarle\" (rules/organizations.toml:"),
        "{e}"
    );
}

#[test]
fn error_overlapping_figure_values() {
    let e = load_err(&[(
        "a.toml",
        r#"[[figure]]
id = "f"
name = "F"
subject = "ecb"
unit = "percent"
SRC
values = [
  { value = 3.75, from = "2024-06-12", to = "2024-09-18" },
  { value = 3.5, from = "2024-09-18" },
]
"#,
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:9:3: value from 2024-09-18 (still in force) overlaps the value from 2024-06-12 to 2024-09-18; the periods of one figure must not overlap"
    );
}

#[test]
fn error_figure_value_shape() {
    let e = load_err(&[(
        "a.toml",
        "[[figure]]\nid = \"f\"\nname = \"F\"\nsubject = \"ecb\"\nunit = \"percent\"\nSRC\nvalues = [{ low = 1.0, from = \"2024-01-01\" }]\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:7:11: expected either value = N or low = N and high = N"
    );
}

#[test]
fn error_unknown_severity() {
    let e = load_err(&[(
        "settings.toml",
        "[rule.quantity-conflict]\nseverity = \"fatal\"\n",
    )]);
    assert_eq!(
        e,
        "DIR/settings.toml:2:12: unknown severity \"fatal\"; expected \"error\", \"warning\", \"info\" or \"off\""
    );
}

#[test]
fn error_missing_rules_folder() {
    let e = load(&[Path::new("/nonexistent/claimcheck-rules")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "/nonexistent/claimcheck-rules: no such rules folder"
    );
}

#[test]
fn error_empty_alias() {
    let e = load_err(&[(
        "a.toml",
        "[[person]]\nid = \"x\"\nname = \"X\"\naliases = [\"Y\", \" \"]\nSRC\n",
    )]);
    assert_eq!(e, "DIR/a.toml:4:17: alias is empty; expected some text");
}

#[test]
fn error_rule_without_severity() {
    let e = load_err(&[(
        "settings.toml",
        "[rule.test-new-rule]\nparams = { x = 1 }\n",
    )]);
    assert_eq!(
        e,
        "DIR/settings.toml:1:7: rule \"test-new-rule\" has no severity; expected severity = \"error\", \"warning\", \"info\" or \"off\""
    );
}

#[test]
fn all_caps_titles_keep_their_case() {
    let kb = kb();
    assert!(mentions(&kb, "at 3 pm on Friday").is_empty());
    let found = mentions(&kb, "the PM said");
    assert_eq!(found[0].0, "PM");
    assert!(
        found[0]
            .1
            .contains(&Hit::Title(office_idx(&kb, "prime-minister-of-japan")))
    );
}

// ---------------------------------------------------------------------------
// More consistency checks at load

#[test]
fn error_shared_name_with_a_shared_context() {
    let e = load_err(&[(
        "a.toml",
        r#"[[organization]]
id = "test-one"
name = "Test One Agency"
acronyms = ["TOA"]
contexts = ["export", "Commerce"]
SRC

[[organization]]
id = "test-two"
name = "Test Two Association"
acronyms = ["TOA"]
contexts = ["music", "commerce"]
SRC
"#,
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:12:22: context \"commerce\" is also a context of \"test-one\", which shares the name \"TOA\" (DIR/a.toml:4:13); the contexts of two entities with one name must tell them apart"
    );
}

#[test]
fn error_renamed_out_of_order_or_to_itself() {
    let e = load_err(&[(
        "a.toml",
        r#"[[organization]]
id = "test-org"
name = "Test Org"
renamed = [
  { from = "Old Test Org", on = "2020-05-01" },
  { from = "Older Test Org", on = "2019-01-01" },
]
SRC
"#,
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:6:35: renamed.on 2019-01-01 is not after the renaming before it (2020-05-01); list renamings oldest first"
    );
    let e = load_err(&[(
        "a.toml",
        "[[organization]]\nid = \"test-org\"\nname = \"Test Org\"\nrenamed = [{ from = \"test org\", on = \"2020-05-01\" }]\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:21: renamed.from \"test org\" is the current name; list former names only"
    );
}

#[test]
fn error_figure_value_to_before_from() {
    let e = load_err(&[(
        "a.toml",
        "[[figure]]\nid = \"f\"\nname = \"F\"\nsubject = \"ecb\"\nunit = \"percent\"\nSRC\nvalues = [{ value = 1.0, from = \"2024-05-01\", to = \"2024-04-30\" }]\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:7:52: to 2024-04-30 is before from 2024-05-01; `to` is the last day the value holds"
    );
}

// ---------------------------------------------------------------------------
// Examples

const ORG_WITH_EXAMPLES: &str = r#"[[organization]]
id = "test-board"
name = "Test Minerals Board"
acronyms = ["TMBX"]
SRC
examples = [
  { text = "The TMBX approved the permit." },
  { text = "The Test Minerals Board approved it on Monday.", on = "2024-05-06" },
  FLAGGED
]
"#;

#[test]
fn examples_are_loaded_with_their_place() {
    let kb = load_ok(&[(
        "a.toml",
        &ORG_WITH_EXAMPLES.replace("FLAGGED", "{ text = \"x\", flag = \"role-holder\" }"),
    )]);
    let e = kb.entity("test-board").unwrap();
    assert_eq!(e.examples.len(), 3);
    assert_eq!(e.examples[0].text, "The TMBX approved the permit.");
    assert_eq!(e.examples[0].on, None);
    assert_eq!(e.examples[1].on, Some(day("2024-05-06")));
    assert!(e.examples[1].path.ends_with("a.toml"));
    assert_eq!(e.examples[1].place(), (8, 3));
    // A rule's unique leading part stands for the rule.
    assert_eq!(e.examples[2].flag.as_deref(), Some("role-holder-conflict"));
}

#[test]
fn error_examples_bad_key_flag_or_date() {
    let bad =
        |flagged: &str| load_err(&[("a.toml", &ORG_WITH_EXAMPLES.replace("FLAGGED", flagged))]);
    assert_eq!(
        bad("{ text = \"x\", when = \"2024-01-01\" }"),
        "DIR/a.toml:9:17: unknown field `when`, expected one of `text`, `on`, `flag`, `lookalike`"
    );
    assert_eq!(
        bad("{ text = \"x\", flag = \"no-such-rule\" }"),
        "DIR/a.toml:9:24: flag \"no-such-rule\" is not a rule id; expected one of role-holder-conflict, acronym-expansion-mismatch, entity-name-variant, quantity-conflict, date-conflict, reference-mismatch"
    );
    assert_eq!(
        bad("{ text = \"x\", on = \"2024-02-30\" }"),
        "DIR/a.toml:9:22: on \"2024-02-30\" is not a date; expected an ISO date like \"2024-10-01\""
    );
    assert_eq!(
        bad("{ text = \" \" }"),
        "DIR/a.toml:9:12: example text is empty; expected some text"
    );
    assert!(bad("{ on = \"2024-01-01\" }").contains("missing field `text`"));
}

#[test]
fn error_lookalike_that_is_also_flagged() {
    let e = load_err(&[(
        "a.toml",
        &ORG_WITH_EXAMPLES.replace(
            "FLAGGED",
            "{ text = \"x\", flag = \"date-conflict\", lookalike = true }",
        ),
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:9:3: an example is either a look-alike or flagged, not both"
    );
}

#[test]
fn error_figure_equivalent_without_factor_or_basis() {
    let fig = |eq: &str| {
        load_err(&[(
            "a.toml",
            &format!(
                "[[figure]]\nid = \"f\"\nname = \"F\"\nsubject = \"ecb\"\nunit = \"t\"\nSRC\nequivalents = [{eq}]\n"
            ),
        )])
    };
    assert_eq!(
        fig("{ basis = \"oxide\", factor = 0.0 }"),
        "DIR/a.toml:7:16: an equivalent needs a basis and a factor > 0 (got \"oxide\", 0)"
    );
    assert_eq!(
        fig("{ basis = \" \", factor = 2.0 }"),
        "DIR/a.toml:7:16: an equivalent needs a basis and a factor > 0 (got \" \", 2)"
    );
    assert!(fig("{ factor = 2.0 }").contains("missing field `basis`"));
}

#[test]
fn builtin_examples_all_hold() {
    let kb = kb();
    let s = claimcheck::engine::examples::check(&kb).unwrap_or_else(|e| panic!("{e}"));
    assert!(s.entries >= 7 && s.examples >= 12, "{s:?}");
    let pm = kb.office("prime-minister-of-japan").unwrap();
    assert!(pm.examples.iter().any(|x| x.flag.is_none()));
    assert!(pm.examples.iter().any(|x| x.flag.is_some()));
}

/// Runs the examples of one added entry and returns the error line, DIR for the folder.
fn examples_err(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), text.replace("SRC", SRC)).unwrap();
    let kb = load(&[dir.path()]).unwrap_or_else(|e| panic!("{e}"));
    match claimcheck::engine::examples::check(&kb) {
        Ok(s) => panic!("all examples held: {s:?}"),
        Err(e) => e
            .to_string()
            .replace(&dir.path().display().to_string(), "DIR"),
    }
}

#[test]
fn a_wrong_example_fails_at_its_place() {
    // The first wrong one, in file order, is reported.
    let e = examples_err(&ORG_WITH_EXAMPLES.replace(
        "FLAGGED",
        "{ text = \"The Test Minerals Board approved it.\", flag = \"date-conflict\" }",
    ));
    assert_eq!(
        e,
        "DIR/a.toml:9:3: example 3 of test-board: expected a date-conflict finding, got no finding"
    );
    // A sentence that names something else does not resolve to the entry.
    let e = examples_err(
        "[[organization]]\nid = \"test-board\"\nname = \"Test Minerals Board\"\nSRC\nexamples = [{ text = \"JOGMEC approved the permit.\" }]\n",
    );
    assert_eq!(
        e,
        "DIR/a.toml:5:13: example 1 of test-board: expected an entity claim for \"test-board\", got entity \"JOGMEC\" (jogmec)"
    );
    // A look-alike that does resolve to the entry is wrong.
    let e = examples_err(
        "[[organization]]\nid = \"test-board\"\nname = \"Test Minerals Board\"\nSRC\nexamples = [{ text = \"The Test Minerals Board met.\", lookalike = true }]\n",
    );
    assert_eq!(
        e,
        "DIR/a.toml:5:13: example 1 of test-board: a look-alike, expected nothing that resolves to the entry, got entity \"Test Minerals Board\" (test-board)"
    );
    // A look-alike that does not resolve holds (and so do the examples before it).
    let e = examples_err(&ORG_WITH_EXAMPLES.replace(
        "FLAGGED",
        "{ text = \"JOGMEC approved the permit.\", lookalike = true },\n  { text = \"x\", flag = \"date-conflict\" }",
    ));
    assert!(
        e.starts_with("DIR/a.toml:10:3: example 4 of test-board:"),
        "{e}"
    );
    // An office example that resolves but names the wrong holder gives a finding.
    let e = examples_err(
        "[[office]]\nid = \"prime-minister-of-japan\"\nname = \"Prime Minister of Japan\"\ntitles = [\"Prime Minister\"]\nof = \"japan\"\nSRC\nholders = [{ person = \"takaichi-sanae\", from = \"2025-10-21\" }]\nexamples = [{ text = \"Japan's Prime Minister Ishiba Shigeru spoke.\", on = \"2025-11-03\" }]\n",
    );
    assert!(
        e.starts_with("DIR/a.toml:8:13: example 1 of prime-minister-of-japan: expected no finding, got role-holder-conflict: Prime Minister of Japan is named \"Ishiba Shigeru\" here"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------
// Queries (`claimcheck kb`)

#[test]
fn find_offices_by_name_title_and_qualifier() {
    let kb = kb();
    let pm = kb.office_index["prime-minister-of-japan"];
    for q in [
        "prime-minister-of-japan",
        "Prime Minister of Japan",
        "prime minister of japan",
        "Japanese Prime Minister",
        "Japan's Prime Minister",
        "Japan’s PM",
        "PM of Japan",
        "日本首相",
    ] {
        assert_eq!(kb.find_offices(q), [pm], "{q}");
    }
    // A bare title names every office with it.
    let all = kb.find_offices("Prime Minister");
    assert!(all.contains(&pm) && all.len() > 3, "{all:?}");
    assert!(kb.find_offices("Emperor of Atlantis").is_empty());
    assert!(kb.find_offices("  ").is_empty());
}

#[test]
fn find_entities_acronyms_misspellings_and_search() {
    let kb = kb();
    let jogmec = idx(&kb, "jogmec") as usize;
    assert_eq!(kb.find_entities("JOGMEC"), [jogmec]);
    assert_eq!(kb.find_entities("jogmec"), [jogmec]);
    assert_eq!(
        kb.find_entities("Japan Oil, Gas and Metals National Corporation"),
        [jogmec]
    );
    assert_eq!(kb.lookup_acronym("JOGMEC"), [jogmec]);
    assert_eq!(kb.lookup_acronym("BIS").len(), 2);
    assert!(kb.lookup_acronym("Japan").is_empty());
    assert_eq!(
        kb.misspelt_as("Albermarle"),
        [idx(&kb, "albemarle") as usize]
    );
    let (entities, offices) = kb.search("takaichi");
    assert_eq!(entities, [idx(&kb, "takaichi-sanae") as usize]);
    assert!(offices.is_empty());
    let (_, offices) = kb.search("minister of japan");
    assert!(offices.contains(&kb.office_index["prime-minister-of-japan"]));
    assert_eq!(kb.search(""), (vec![], vec![]));
}

#[test]
fn suggestions_and_terms_held() {
    let kb = kb();
    let s = kb.suggest("Takaichi Sanea", 3);
    assert_eq!(
        s.first().map(String::as_str),
        Some("Takaichi Sanae"),
        "{s:?}"
    );
    assert!(kb.suggest("zzzzqqq", 3).is_empty());
    let abe = kb.terms_of("abe-shinzo");
    assert_eq!(abe.len(), 2);
    assert_eq!(abe[0].1.from, day("2006-09-26"));
    assert_eq!(abe[1].1.to, Some(day("2020-09-16")));
    assert!(
        kb.offices_of("japan")
            .contains(&kb.office_index["prime-minister-of-japan"])
    );
    assert!(
        kb.operated_by("mp-materials")
            .contains(&(idx(&kb, "mountain-pass") as usize))
    );
    assert!(kb.operated_by("japan").is_empty());
}

#[test]
fn stats_count_every_kind() {
    let kb = kb();
    let s = kb.stats();
    assert_eq!(s.offices.entries, kb.offices.len());
    assert_eq!(
        s.holders,
        kb.offices.iter().map(|o| o.holders.len()).sum::<usize>()
    );
    assert_eq!(
        s.people.entries + s.organizations.entries + s.places.entries,
        kb.entities.len()
    );
    assert_eq!(s.figures.entries, kb.figures.len());
    assert_eq!(s.events.entries, kb.events.len());
    assert!(s.offices.with_examples >= 1 && s.places.with_examples >= 2);
    assert!(s.acronyms >= 50);
    let t = s.total();
    assert_eq!(
        t.entries,
        kb.entities.len() + kb.offices.len() + kb.figures.len() + kb.events.len()
    );
    assert!(t.with_examples >= 7);
}

#[test]
fn event_is_named_by_subjects_and_terms() {
    let kb = load(&[Path::new("tests/fixtures/kb")]).unwrap();
    let ev = kb
        .events
        .iter()
        .find(|e| e.id == "norland-minerals-accord-signed")
        .unwrap();
    let nma = ["norland-minerals-agency".to_string()];
    let said = "The agency signed the mining accord";
    assert!(ev.is_named(Some("sign"), &nma, said, false));
    assert!(!ev.is_named(Some("sign"), &[], said, false));
    assert!(!ev.is_named(Some("meet"), &nma, said, false));
    assert!(!ev.is_named(None, &nma, "The accord was concluded", false));
    assert!(ev.is_named(None, &nma, "The accord was concluded", true));
    // No word of its topic: another thing the agency signed.
    assert!(!ev.is_named(Some("sign"), &nma, "The agency signed a lease", false));
    // A topic word inside another word is not the word.
    assert!(!ev.is_named(
        Some("sign"),
        &nma,
        "The agency signed a premining lease",
        false
    ));
}

// ---------------------------------------------------------------------------
// The evaluation's facts (../shared/eval/dev/knowledge.md) resolve

/// Does `s` name something the knowledge base knows: an entity (name, alias,
/// acronym), an office, a place's adjective ("Russian"), or a vocabulary term
/// (measure acronyms such as LCE)?
fn resolves(kb: &Kb, s: &str) -> bool {
    let f = claimcheck::kb::fold_name(s);
    !kb.lookup_name(s).is_empty()
        || !kb.lookup_acronym(s).is_empty()
        || !kb.find_offices(s).is_empty()
        || kb.entities.iter().any(|e| {
            e.adjectives
                .iter()
                .any(|a| claimcheck::kb::fold_name(a) == f)
        })
        || kb
            .vocabulary
            .iter()
            .any(|t| claimcheck::kb::fold_name(&t.term) == f)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Runs of capitalized words ("Bank of Japan", "C.C. Wei", "Ursula von der Leyen"),
/// connectors allowed inside; a possessive `'s` and punctuation end a run.
fn cap_runs(text: &str) -> Vec<String> {
    const LINKS: &[&str] = &["of", "and", "for", "the", "de", "del", "y", "von", "der"];
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        while run.last().is_some_and(|w| LINKS.contains(w)) {
            run.pop();
        }
        if !run.is_empty() {
            out.push(run.join(" "));
        }
        run.clear();
    };
    for raw in text.split_whitespace() {
        let w = raw.trim_start_matches(['(', '"', '“']);
        let core = w.trim_end_matches([',', ';', ':', ')', '"', '”', '.']);
        let core = core.strip_suffix("'s").unwrap_or(core);
        // Initials keep their dots ("C.C.").
        let core = if w.ends_with('.') && core.split('.').all(|p| p.chars().count() <= 1) {
            w
        } else {
            core
        };
        let cap = core.chars().next().is_some_and(|c| c.is_uppercase())
            && !core.chars().any(|c| c.is_ascii_digit() || is_cjk(c));
        if cap || (!run.is_empty() && LINKS.contains(&core)) {
            run.push(core);
        } else {
            flush(&mut run, &mut out);
            continue;
        }
        if core.len() != w.len() || w.len() != raw.len() {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The pieces inside parentheses, split at commas: CJK names and quoted forms;
/// case numbers and descriptions ("Dutch gas hub") are left out.
fn paren_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in text.split('(').skip(1) {
        let inner = part.split(')').next().unwrap_or("");
        for piece in inner.split([',', ';']) {
            let p = piece.trim();
            if p.chars().any(is_cjk) && !p.contains(' ') {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// Each (acronym, expansion) after `ACRONYM: `, and each name after ` = ` (with no
/// acronym), up to the description that follows it.
fn expansions(line: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, _) in line.match_indices(": ") {
        let start = line[..i].rfind([' ', '(']).map_or(0, |s| s + 1);
        let short = &line[start..i];
        if !short.chars().next().is_some_and(|c| c.is_uppercase()) {
            continue;
        }
        let mut long = &line[i + 2..];
        for stop in [" (", "; ", " = ", ", the ", ", also", ". "] {
            if let Some(p) = long.find(stop) {
                // "Co." keeps its dot.
                let keep = stop == ". " && long[..p].ends_with("Co");
                long = &long[..if keep { p + 1 } else { p }];
            }
        }
        if !long.ends_with("Co.") {
            long = long.trim_end_matches('.');
        }
        out.push((short.to_string(), long.trim().to_string()));
    }
    for part in line.split(" = ").skip(1) {
        let end = ["(", ". ", ";"]
            .iter()
            .filter_map(|s| part.find(s))
            .min()
            .unwrap_or(part.len());
        out.push((String::new(), part[..end].trim().to_string()));
    }
    out
}

/// Terms the file lists that no existing entry can take as an alias: a trade
/// agreement and two product names need entries of their own (or measure terms).
const PENDING: &[&str] = &[
    "USMCA",
    "United States-Mexico-Canada Agreement",
    "LFP",
    "lithium iron phosphate",
    "磷酸铁锂",
    "HBM",
    "high-bandwidth memory",
    "高带宽存储器",
];

#[test]
#[ignore = "reads ../shared/eval/dev/knowledge.md (outside the crate)"]
fn every_name_in_the_eval_knowledge_resolves() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev/knowledge.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let kb = kb();
    let mut names: Vec<(String, &'static str)> = Vec::new();
    let mut misspellings: Vec<String> = Vec::new();
    let mut section = "";
    // Bullets continue on indented lines.
    let mut items: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = if h.starts_with("Office") {
                "offices"
            } else if h.starts_with("Acronyms") {
                "acronyms"
            } else if h.starts_with("Entities") {
                "entities"
            } else {
                "other"
            };
            continue;
        }
        if section.is_empty() {
            continue;
        }
        if line.starts_with("  ") && !line.trim().is_empty() {
            if let Some(last) = items.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if !line.trim().is_empty() {
            items.push((section.to_string(), line.trim().to_string()));
        }
    }
    for (section, item) in &items {
        match section.as_str() {
            "offices" => {
                let cols: Vec<&str> = item.split('|').map(str::trim).collect();
                let (Some(office), Some(holders)) = (cols.get(1), cols.get(2)) else {
                    continue;
                };
                if *office == "office" || office.starts_with("---") {
                    continue;
                }
                // "German economy (and energy) minister": the words outside brackets.
                let plain: String = office
                    .split('(')
                    .map(|p| p.split_once(')').map_or(p, |(_, r)| r))
                    .collect::<Vec<_>>()
                    .join("")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                names.push((plain, "office"));
                // "Michelle Bowman and Christopher Waller" are two people.
                for run in cap_runs(holders).iter().flat_map(|r| r.split(" and ")) {
                    if run.contains(' ') {
                        names.push((run.to_string(), "holder"));
                    }
                }
                names.extend(paren_names(holders).into_iter().map(|n| (n, "holder")));
            }
            "acronyms" => {
                for (short, long) in expansions(item) {
                    if !short.is_empty() {
                        names.push((short, "acronym"));
                    }
                    names.push((long, "expansion"));
                }
                if let Some((_, after)) = item.split_once("also ") {
                    let name = after.split(" (").next().unwrap_or("");
                    names.push((name.to_string(), "expansion"));
                }
                names.extend(paren_names(item).into_iter().map(|n| (n, "name")));
                // ("often "X"): a quoted alternative name.
                for (k, q) in item.split('"').enumerate() {
                    if k % 2 == 1 {
                        names.push((q.to_string(), "alternative name"));
                    }
                }
            }
            "entities" => {
                let body = item.trim_start_matches("- ");
                let body = body.split_once(':').map_or(body, |(head, rest)| {
                    if head.contains("spellings") {
                        rest
                    } else {
                        body
                    }
                });
                // Sentences end at ". " after a lowercase letter or a bracket ("C.C. Wei" goes on).
                let mut sentences = Vec::new();
                let mut from = 0;
                for (i, _) in body.match_indices(". ") {
                    let before = body[..i].chars().next_back();
                    if before.is_some_and(|c| c.is_lowercase() || c == ')' || c == '"') {
                        sentences.push(&body[from..i]);
                        from = i + 2;
                    }
                }
                sentences.push(&body[from..]);
                for s in sentences {
                    let quoted: Vec<&str> = s.split('"').skip(1).step_by(2).collect();
                    if s.contains("misspelling") {
                        misspellings.extend(quoted.iter().map(|q| q.to_string()));
                        continue;
                    }
                    // Outside quotes: capitalized runs; inside brackets: CJK names.
                    let unquoted: String = s.split('"').step_by(2).collect::<Vec<_>>().join(" ");
                    for piece in unquoted.split([';', '=']) {
                        let outside: String = piece
                            .split('(')
                            .map(|p| p.split_once(')').map_or(p, |(_, r)| r))
                            .collect::<Vec<_>>()
                            .join(" ");
                        let inside: Vec<String> = piece
                            .split('(')
                            .skip(1)
                            .filter_map(|p| p.split_once(')').map(|(i, _)| i.to_string()))
                            .collect();
                        names.extend(cap_runs(&outside).into_iter().map(|n| (n, "entity")));
                        for i in &inside {
                            names.extend(cap_runs(i).into_iter().map(|n| (n, "entity")));
                        }
                        for n in paren_names(piece) {
                            names.push((n, "entity"));
                        }
                        let trimmed = piece.trim().trim_end_matches('.');
                        if !trimmed.is_empty() && trimmed.chars().all(is_cjk) {
                            names.push((trimmed.to_string(), "entity"));
                        }
                    }
                }
            }
            _ => {
                // Figures and events: every capitalized run names an entity or a term.
                let body = item.trim_start_matches("- ");
                names.extend(cap_runs(body).into_iter().map(|n| (n, "name")));
            }
        }
    }
    assert!(names.len() > 100, "only {} names read", names.len());
    let mut missing: Vec<String> = names
        .iter()
        .filter(|(n, _)| !PENDING.contains(&n.as_str()) && !resolves(&kb, n))
        .map(|(n, what)| format!("{what} \"{n}\""))
        .collect();
    missing.extend(
        misspellings
            .iter()
            .filter(|m| kb.misspelt_as(m).is_empty())
            .map(|m| format!("misspelling \"{m}\" (not listed)")),
    );
    missing.dedup();
    assert!(
        missing.is_empty(),
        "{} of {} names do not resolve:\n{}",
        missing.len(),
        names.len(),
        missing.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Terms: gaps, uncertain days, the term a message names

/// Every office's record runs without a hole: from its first term's start to its last
/// term's end, each day is in some term (possibly: an uncertain end counts) or in a
/// gap the entry declares with its reason.
#[test]
fn every_office_explains_each_day_between_its_terms() {
    let kb = kb();
    let mut holes = Vec::new();
    let mut walked = 0;
    for o in &kb.offices {
        let mut spans: Vec<(NaiveDate, NaiveDate)> = o
            .holders
            .iter()
            .map(|t| (t.from, t.to.unwrap_or(NaiveDate::MAX)))
            .chain(o.gaps.iter().map(|g| (g.from, g.to)))
            .collect();
        spans.sort();
        let Some(&(_, mut end)) = spans.first() else {
            continue;
        };
        walked += 1;
        for &(from, to) in &spans[1..] {
            if from > end.succ_opt().unwrap_or(end) {
                holes.push(format!(
                    "{}: nobody recorded from {} to {}",
                    o.id,
                    end.succ_opt().unwrap(),
                    from.pred_opt().unwrap()
                ));
            }
            end = end.max(to);
        }
    }
    assert!(walked > 100, "only {walked} offices with holders");
    assert!(holes.is_empty(), "unexplained gaps:\n{}", holes.join("\n"));
}

const ZEDLAND: &str = r#"
[[place]]
id = "zedland"
name = "Zedland"
adjectives = ["Zedlandic"]
SRC

[[person]]
id = "ann-quill"
name = "Ann Quill"
surnames = ["Quill"]
SRC

[[person]]
id = "ben-rook"
name = "Ben Rook"
surnames = ["Rook"]
SRC

[[person]]
id = "cal-moss"
name = "Cal Moss"
surnames = ["Moss"]
SRC

[[person]]
id = "eve-rook"
name = "Eve Rook"
surnames = ["Rook"]
SRC

[[office]]
id = "prime-minister-of-zedland"
name = "Prime Minister of Zedland"
titles = ["Prime Minister"]
of = "zedland"
SRC
holders = [
  { person = "ann-quill", from = "2001-01-01", to = "2004-03" },
  { person = "ben-rook", from = "2004-03", to = "2008-06-30" },
  { person = "ann-quill", from = "2009-01-01", to = "2012-12-31" },
  { person = "eve-rook", from = "2013-01-01" },
]
gaps = [{ from = "2008-07-01", to = "2008-12-31", why = "a caretaker the press called acting premier" }]
"#;

/// The messages of role-holder findings for one dated article.
fn role_messages(kb: &Kb, date: &str, body: &str) -> Vec<String> {
    common::full_findings(kb, date, body)
        .into_iter()
        .filter(|(rule, _, _)| rule == "role-holder-conflict")
        .map(|(_, message, _)| message)
        .collect()
}

#[test]
fn a_month_recorded_for_a_handover_leaves_its_days_open() {
    let kb = load_ok(&[("z.toml", ZEDLAND)]);
    let pm = kb.office("prime-minister-of-zedland").unwrap();
    assert_eq!(pm.holders_on(day("2004-02-29")), ["ann-quill"]);
    assert_eq!(pm.holders_on(day("2004-03-01")), ["ann-quill", "ben-rook"]);
    assert_eq!(pm.holders_on(day("2004-03-31")), ["ann-quill", "ben-rook"]);
    assert_eq!(pm.holders_on(day("2004-04-01")), ["ben-rook"]);
    // A declared gap is a day with no holder: nothing to judge.
    assert_eq!(pm.holders_on(day("2008-09-01")), Vec::<&str>::new());
    assert_eq!(
        pm.gaps[0].why,
        "a caretaker the press called acting premier"
    );
    let t = &pm.holders[0];
    assert_eq!(
        (t.from_text(), t.to_text()),
        ("2001-01-01".into(), Some("2004-03".into()))
    );

    let say = |date: &str, who: &str| {
        role_messages(
            &kb,
            date,
            &format!("Zedlandic Prime Minister {who} opened the session."),
        )
    };
    // Either holder may be named in the uncertain month; a third person may not.
    assert!(say("2004-03-15", "Ann Quill").is_empty());
    assert!(say("2004-03-15", "Ben Rook").is_empty());
    assert_eq!(say("2004-03-15", "Cal Moss").len(), 1);
    // Outside it, the other holder is wrong.
    assert_eq!(say("2004-05-15", "Ann Quill").len(), 1);
    assert!(say("2008-09-01", "Cal Moss").is_empty());
    // A surname two holders share is the one in office at the time.
    assert!(say("2005-06-01", "Rook").is_empty());
    assert!(say("2015-06-01", "Rook").is_empty());
    assert_eq!(
        say("2010-06-01", "Rook"),
        [
            "Prime Minister of Zedland is named \"Rook\" here, but the holder on 2010-06-01 is Ann Quill (in office from 2009-01-01 to 2012-12-31)"
        ]
    );
}

#[test]
fn a_message_names_the_term_that_covers_the_date() {
    let kb = load_ok(&[("z.toml", ZEDLAND)]);
    let early = role_messages(
        &kb,
        "2002-05-01",
        "Zedlandic Prime Minister Ben Rook opened the session.",
    );
    assert_eq!(
        early,
        [
            "Prime Minister of Zedland is named \"Ben Rook\" here, but the holder on 2002-05-01 is Ann Quill (in office from 2001-01-01 to 2004-03)"
        ]
    );
    let late = role_messages(
        &kb,
        "2012-05-01",
        "Zedlandic Prime Minister Ben Rook opened the session.",
    );
    assert_eq!(
        late,
        [
            "Prime Minister of Zedland is named \"Ben Rook\" here, but the holder on 2012-05-01 is Ann Quill (in office from 2009-01-01 to 2012-12-31)"
        ]
    );
}

#[test]
fn error_rough_dates_and_gaps() {
    let office = |holders: &str, gaps: &str| {
        format!(
            "[[office]]\nid = \"o\"\nname = \"O\"\nSRC\nholders = [\n{holders}\n]\ngaps = [{gaps}]\n"
        )
    };
    let e = load_err(&[(
        "a.toml",
        &office(r#"  { person = "kishida-fumio", from = "2021-13" },"#, ""),
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:6:38: from \"2021-13\" is not a date; expected \"2024-10-01\", or \"2024-10\" or \"2024\" when the day is not known"
    );
    // Two holders may share an uncertain month, not a month both surely held.
    let e = load_err(&[(
        "a.toml",
        &office(
            "  { person = \"kishida-fumio\", from = \"2021-10-04\", to = \"2024-10\" },\n  { person = \"ishiba-shigeru\", from = \"2024-09\" },",
            "",
        ),
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:7:39: term of \"ishiba-shigeru\" from 2024-09 overlaps the term of \"kishida-fumio\" (from 2021-10-04 to 2024-10) by more than the handover day"
    );
    load_ok(&[(
        "a.toml",
        &office(
            "  { person = \"kishida-fumio\", from = \"2021-10-04\", to = \"2024-10\" },\n  { person = \"ishiba-shigeru\", from = \"2024-10\" },",
            "",
        ),
    )]);
    let e = load_err(&[(
        "a.toml",
        &office(
            "  { person = \"kishida-fumio\", from = \"2021-10-04\", to = \"2024-10-01\" },",
            "{ from = \"2024-09-01\", to = \"2024-12-31\", why = \"vacant\" }",
        ),
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:8:18: gap from 2024-09-01 to 2024-12-31 overlaps the term of \"kishida-fumio\" (from 2021-10-04 to 2024-10-01); a gap is days with no recorded holder"
    );
}

#[test]
fn a_capital_names_its_country_too() {
    let kb = kb();
    let beijing = kb.entity("beijing").unwrap();
    assert_eq!(beijing.part_of.as_deref(), Some("china"));
    // Every capital's country is a place or organization, and no chain: one link.
    for e in kb.entities.iter().filter(|e| e.part_of.is_some()) {
        let whole = kb.entity(e.part_of.as_deref().unwrap()).unwrap();
        assert!(whole.part_of.is_none(), "{} -> {} -> …", e.id, whole.id);
    }
}

#[test]
fn error_part_of() {
    let place = |id: &str, part: &str| {
        format!("[[place]]\nid = \"{id}\"\nname = \"Name {id}\"\npart_of = \"{part}\"\nSRC\n")
    };
    assert_eq!(
        load_err(&[("a.toml", &place("zed-city", "zedland"))]),
        "DIR/a.toml:4:11: part_of \"zedland\" is not a known entity id"
    );
    assert_eq!(
        load_err(&[("a.toml", &place("zed-city", "zed-city"))]),
        "DIR/a.toml:4:11: part_of names itself"
    );
    assert_eq!(
        load_err(&[("a.toml", &place("zed-city", "kishida-fumio"))]),
        "DIR/a.toml:4:11: part_of names a person (\"kishida-fumio\")"
    );
    assert_eq!(
        load_err(&[("a.toml", &place("zed-city", "beijing"))]),
        "DIR/a.toml:4:11: part_of names \"beijing\", which is part of \"china\": name the whole directly"
    );
}

#[test]
fn error_exclusive_class_unnamed_and_figures() {
    let e = load_err(&[(
        "a.toml",
        "[[exclusive]]\nclass = \"nosuch\"\nunnamed = \"any\"\n",
    )]);
    assert_eq!(e, "DIR/a.toml:2:9: no measure has exclusive = \"nosuch\"");
    let e = load_err(&[(
        "a.toml",
        "[[exclusive]]\nclass = \"volume\"\nunnamed = \"revenue\"\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:3:11: unnamed = \"revenue\": expected apart, any, or a measure key of class \"volume\""
    );
    let e = load_err(&[(
        "a.toml",
        "[[exclusive]]\nclass = \"stage\"\nunnamed = \"any\"\n[[exclusive]]\nclass = \"stage\"\nunnamed = \"apart\"\n",
    )]);
    assert!(e.starts_with("DIR/a.toml:5:9: "), "{e}");
    let e = load_err(&[(
        "a.toml",
        "[[measure]]\nkey = \"x\"\nterms = [\"x\"]\nfigures = \"cash\"\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:11: figures = \"cash\": expected money or goods"
    );
}

#[test]
fn exclusive_classes_read_as_written_and_overlay() {
    use claimcheck::kb::Unnamed;
    let kb = load_ok(&[]);
    assert_eq!(
        kb.unnamed.get("volume"),
        Some(&Unnamed::Reads("production".into()))
    );
    assert_eq!(kb.unnamed.get("stage"), Some(&Unnamed::Any));
    assert_eq!(kb.unnamed.get("money"), None);
    assert_eq!(kb.money_only.get("revenue"), Some(&true));
    assert_eq!(kb.money_only.get("sold"), Some(&false));
    let kb = load_ok(&[(
        "a.toml",
        "[[exclusive]]\nclass = \"stage\"\nunnamed = \"apart\"\n",
    )]);
    assert_eq!(kb.unnamed.get("stage"), Some(&Unnamed::Apart));
}

/// An example's debug text (what the claim index's knowledge-base fingerprint is
/// made of) holds its sentence and place, never its whole rule file: with the file
/// in it, every `check --against` spent 0.8 s formatting 50 MB.
#[test]
fn example_debug_text_leaves_out_its_file() {
    let kb = kb();
    let examples: Vec<_> = kb
        .entities
        .iter()
        .flat_map(|e| &e.examples)
        .chain(kb.offices.iter().flat_map(|o| &o.examples))
        .collect();
    // Only where the file is much longer than the example does the check tell.
    let telling = examples
        .iter()
        .filter(|ex| ex.src.len() > 2 * ex.text.len() + 400)
        .count();
    assert!(telling > 100, "{telling} of {}", examples.len());
    for ex in examples {
        let dbg = format!("{ex:?}");
        assert!(dbg.contains(&format!("{:?}", ex.text)), "{dbg}");
        assert!(
            dbg.len() < ex.text.len() * 2 + 400,
            "{} bytes: {dbg:.300}",
            dbg.len()
        );
    }
}
