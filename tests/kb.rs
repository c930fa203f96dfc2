//! The knowledge base: built-in data, lookups, the gazetteer and every validation error.

use std::path::Path;

use chrono::NaiveDate;
use claimcheck::kb::{Hit, Kb, builtin, load};

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
        "[rule.test-rule]\nseverity = \"warning\"\nparams = { relative_tolerance = 0.05 }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("measures.toml"),
        "[[measure]]\nkey = \"test share\"\nterms = [\"test share\", \"测试份额\"]\n",
    )
    .unwrap();
    let kb = load(&[dir.path()]).unwrap();
    assert_eq!(kb.rules["test-rule"].severity, "warning");
    assert_eq!(kb.param("test-rule", "relative_tolerance", 0.0), 0.05);
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
        "DIR/a.toml:4:1: unknown field `nmae`, expected one of `id`, `name`, `aliases`, `surnames`, `contexts`, `misspellings`, `source`"
    );
}

#[test]
fn error_unknown_table() {
    let e = load_err(&[("a.toml", "[[persons]]\nid = \"x\"\n")]);
    assert_eq!(
        e,
        "DIR/a.toml:1:3: unknown field `persons`, expected one of `person`, `organization`, `place`, `office`, `figure`, `event`, `rule`, `measure`"
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
        "[[event]]\nid = \"e\"\nname = \"E\"\nsubjects = [\"japan\", \"atlantis\"]\ndate = \"2024-01-01\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:22: subject \"atlantis\" is not a known entity id"
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
fn error_date_not_iso() {
    let e = load_err(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ndate = \"2024/10/01\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:8: date \"2024/10/01\" is not a date; expected an ISO date like \"2024-10-01\""
    );
    let e = load_err(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ndate = \"2024-02-30\"\nSRC\n",
    )]);
    assert_eq!(
        e,
        "DIR/a.toml:4:8: date \"2024-02-30\" is not a date; expected an ISO date like \"2024-10-01\""
    );
    // A TOML date works as well as a string.
    let kb = load_ok(&[(
        "a.toml",
        "[[event]]\nid = \"e\"\nname = \"E\"\ndate = 2024-02-29\nSRC\n",
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
    assert_eq!(
        e,
        "DIR/a.toml:4:13: \"JOGMEC\" is already a name of \"jogmec\" (rules/organizations.toml:18:13); two entities may share a name only when both list contexts to tell them apart"
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
