//! Reading: files → working text with a map back to the original → articles.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimcheck::Error;
use claimcheck::read::{File, Loc, Source, collect, parse, read_all, read_file};
use unicode_normalization::UnicodeNormalization;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/read")
        .join(name)
}

fn read(name: &str) -> (File, Vec<Source>) {
    match read_file(&fixture(name)) {
        Ok(r) => r,
        Err(e) => panic!("{name}: {e}"),
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("read")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The location of the first occurrence of `needle` in the working text.
fn loc_of(f: &File, needle: &str) -> Loc {
    let i = f
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", f.text));
    f.location(i..i + needle.len())
}

fn loc(line: usize, column: usize, end_line: usize, end_column: usize, text: &str) -> Loc {
    Loc {
        line,
        column,
        end_line,
        end_column,
        text: text.to_string(),
    }
}

/// Every character of the working text maps back to the original character it came from.
fn assert_every_char_maps(f: &File) {
    for (i, c) in f.text.char_indices() {
        let l = f.location(i..i + c.len_utf8());
        let orig = l.text.as_str();
        let ok = match c {
            '\n' => ["\n", "\r\n", "\r"].contains(&orig) || orig.starts_with('<'),
            // Blanked: white space, a citation marker's character, front matter, markup.
            ' ' => {
                orig.nfkc().all(|o| o.is_whitespace())
                    || orig.nfkc().all(|o| o.is_ascii_digit() || "[],".contains(o))
                    || f.path.ends_with(".md")
                    || orig.starts_with('<')
                    || orig.starts_with("&nbsp;")
            }
            _ => orig.nfkc().collect::<String>().contains(c) || orig.starts_with('&'),
        };
        assert!(ok, "{}: text char {c:?} at {i} maps to {orig:?}", f.path);
        // The same span read back from the raw text through line/column.
        let line = f.raw.get(f.line_starts[l.line - 1]..).unwrap_or("");
        let from_lc: String = line.chars().skip(l.column - 1).collect();
        let bom_free = from_lc.trim_start_matches('\u{feff}');
        assert!(
            bom_free.starts_with(orig.split('\n').next().unwrap_or("")),
            "{}: {l:?} does not point at its text",
            f.path
        );
    }
}

#[test]
fn junk_line_title_byline_body() {
    let (f, s) = read("junk_title_byline.txt");
    assert_eq!(s.len(), 1);
    let a = &s[0];
    assert!(a.id.ends_with("fixtures/read/junk_title_byline.txt"));
    assert_eq!(a.id, a.path);
    assert_eq!(
        a.title.as_deref(),
        Some("港口城市宣布扩建新码头,货运能力将翻番")
    );
    assert_eq!(a.date, date("2025-03-14"));
    assert_eq!(a.lang, "en");
    assert_eq!(a.range, 0..f.text.len());
    assert_eq!(a.file, 0);
    assert_every_char_maps(&f);
}

#[test]
fn body_first_then_title_and_byline() {
    let (f, s) = read("body_then_byline.txt");
    assert_eq!(s.len(), 1);
    assert_eq!(
        s[0].title.as_deref(),
        Some("果园合作社迎来丰收,冷库项目获批")
    );
    assert_eq!(s[0].date, date("2025-09-30"));
    assert_eq!(s[0].lang, "en");
    // The body before the byline belongs to the article.
    assert_eq!(s[0].range, 0..f.text.len());
}

#[test]
fn two_articles_in_one_file() {
    let (f, s) = read("two_articles.txt");
    let ids: Vec<&str> = s.iter().map(|a| a.id.rsplit('/').next().unwrap()).collect();
    assert_eq!(ids, ["two_articles.txt#1", "two_articles.txt#2"]);
    assert_eq!(s[0].date, date("2025-03-14"));
    assert_eq!(s[1].date, date("2024-11-02"));
    assert_eq!(
        s[0].title.as_deref(),
        Some("Lanport adds wind farm to its grid plan")
    );
    assert_eq!(s[1].title.as_deref(), Some("兰港电网升级计划公布"));
    // The lines before the first title belong to the first article; the second starts at
    // its title line and runs to the end.
    assert_eq!(s[0].range.start, 0);
    assert_eq!(s[0].range.end, s[1].range.start);
    assert!(f.text[s[1].range.clone()].starts_with("兰港电网升级计划公布\nHarbor Daily"));
    assert_eq!(s[1].range.end, f.text.len());
    assert_eq!((s[0].lang, s[1].lang), ("en", "zh"));
}

#[test]
fn no_byline_is_one_undated_source() {
    let (f, s) = read("no_byline.txt");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].date, None);
    assert_eq!(
        s[0].title.as_deref(),
        Some(
            "Lanport's ferry line returns after a two-year pause, and riders are already lining up."
        )
    );
    assert_eq!(s[0].range, 0..f.text.len());
    // Plain text with nothing to change keeps the fast path.
    assert_eq!(f.text, f.raw);
    assert!(f.map.is_none());
    assert_eq!(
        loc_of(&f, "1,200 people"),
        loc(3, 22, 3, 34, "1,200 people")
    );
}

#[test]
fn markdown_front_matter() {
    let (f, s) = read("front.md");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].date, date("2025-02-11"));
    assert_eq!(s[0].title.as_deref(), Some("Ferry fares to rise in spring"));
    // The block is blanked, not removed: same lines, no `title:` left to scan.
    assert!(!f.text.contains("title"));
    assert!(!f.text.contains("2025-02-11"));
    assert_eq!(f.text.lines().count(), f.raw.lines().count());
    assert_eq!(loc_of(&f, "3 dollars"), loc(8, 30, 8, 39, "3 dollars"));
    // The citation after the sentence is blanked too.
    assert!(f.text.contains("2.50 dollars    ."));
    assert_every_char_maps(&f);

    let (_, s) = read("heading.md");
    assert_eq!(
        s[0].title.as_deref(),
        Some("Lanport library opens late on Fridays")
    );
    assert_eq!(s[0].date, None);
}

#[test]
fn html_visible_text_and_locations() {
    let (f, s) = read("page.html");
    for hidden in [
        "color",
        "not shown",
        "comment",
        "enable scripts",
        "template",
        "<",
        "DOCTYPE",
    ] {
        assert!(
            !f.text.replace("< 2", "").contains(hidden),
            "{hidden:?} in {:?}",
            f.text
        );
    }
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].date, date("2025-05-06"));
    // The byline's title is the line above it: the heading.
    assert_eq!(
        s[0].title.as_deref(),
        Some("Lanport & Vellmark sign a water deal")
    );
    // Block elements end lines; inline ones do not; entities are decoded.
    assert!(f.text.contains(
        "\nThe two towns agreed to share the Kessel reservoir for 25 years—the longest deal of its kind    .\n"
    ));
    assert!(
        f.text
            .contains("AT&T is not part of it; prices stay < 2 dollars.")
    );
    assert_eq!(loc_of(&f, "AT&T"), loc(14, 4, 14, 12, "AT&amp;T"));
    assert_eq!(
        loc_of(&f, "Kessel reservoir"),
        loc(13, 41, 13, 60, "Kessel <i>reservoir")
    );
    assert_eq!(loc_of(&f, "—"), loc(13, 86, 13, 93, "&#8212;"));
    assert_eq!(loc_of(&f, "< 2"), loc(14, 44, 14, 50, "&lt; 2"));
    assert_eq!(
        loc_of(&f, "Harbor Daily·2025-05-06"),
        loc(12, 4, 12, 27, "Harbor Daily·2025-05-06")
    );
    assert_every_char_maps(&f);
}

#[test]
fn html_meta_date_without_byline() {
    let page = "<html><head><meta name=\"date\" content=\"2024-12-30T08:00:00Z\">\
                <title>Quiet day</title></head><body><p>Nothing happened.</p></body></html>";
    let (f, s) = parse("x.htm", page.to_string());
    assert_eq!(f.text, "Quiet day\nNothing happened.\n");
    assert_eq!(s[0].date, date("2024-12-30"));
    assert_eq!(s[0].title.as_deref(), Some("Quiet day"));
    let (_, s) = parse(
        "y.HTML",
        "<p><time datetime=\"2023-05-01\">May 1</time> text</p>".to_string(),
    );
    assert_eq!(s[0].date, date("2023-05-01"));
}

#[test]
fn malformed_html_does_not_panic() {
    let deep = "<div><span>".repeat(20_000) + "deep text";
    let inputs = [
        "<p>unclosed <b>bold <i>italic",
        "</p></div>stray end tags",
        "<<<>>> &&& &#; &#x; &#99999999; &#0; <p",
        "<script>never closed",
        "<!-- never closed",
        "<table><tr><td>a<td>b</table>",
        "<select><option>x<xmp>y</select>",
        "<svg><text>drawn</text></svg>after",
        "<title>only a title",
        deep.as_str(),
    ];
    for (n, page) in inputs.iter().enumerate() {
        let (f, s) = parse("m.html", page.to_string());
        let map = f.map.as_ref().expect("html always has a map");
        assert_eq!(map.len(), f.text.len() + 1, "input {n}");
        assert!(map.windows(2).all(|w| w[0] <= w[1]), "input {n}");
        assert_eq!(s.len(), 1);
        assert_every_char_maps(&f);
    }
    let (f, _) = parse("m.html", deep);
    assert!(f.text.ends_with("deep text"));
    let (f, _) = parse("m.html", "<table><tr><td>a<td>b</table>".into());
    assert_eq!(f.text, "a b\n");
}

#[test]
fn full_width_forms_and_combining_marks() {
    let (f, s) = read("fullwidth.txt");
    assert_eq!(s[0].lang, "zh");
    assert_eq!(s[0].date, date("2025-04-01"));
    assert!(
        f.text
            .contains("兰港港务局(LPA)表示,2025年集装箱吞吐量同比增长85%,达到400万标准箱   。")
    );
    assert_eq!(loc_of(&f, "2025年"), loc(3, 14, 3, 19, "２０２５年"));
    assert_eq!(loc_of(&f, "85%"), loc(3, 29, 3, 32, "８５％"));
    assert_eq!(loc_of(&f, "(LPA)"), loc(3, 6, 3, 11, "（LPA）"));
    assert_eq!(loc_of(&f, ","), loc(3, 13, 3, 14, "，"));
    // e + U+0301 composes to one é that maps to both original characters.
    let i = f.text.rfind("café").unwrap();
    assert_eq!(
        f.location(i..i + "café".len()),
        loc(4, 32, 4, 37, "cafe\u{301}")
    );
    assert_eq!(f.location(i + 3..i + 5), loc(4, 35, 4, 37, "e\u{301}"));
    assert_every_char_maps(&f);
}

#[test]
fn citation_markers_blanked_positions_kept() {
    let (f, _) = read("junk_title_byline.txt");
    assert!(!f.text.contains("[1]"));
    assert!(f.text.contains("4 million boxes       ."));
    assert_eq!(f.text.len(), f.raw.len());
    let l = loc_of(&f, "2.1 billion dollars");
    assert_eq!(l.text, "2.1 billion dollars");
    assert_eq!((l.line, l.end_line), (5, 5));
    let col = f.raw.lines().nth(4).unwrap().find("2.1 billion").unwrap() + 1;
    assert_eq!(l.column, col);
    // Square brackets that are not citations stay.
    let (f, _) = parse("c.txt", "see [a] and [1-2] and [3]".to_string());
    assert_eq!(f.text, "see [a] and [1-2] and    ");
}

#[test]
fn entities_in_plain_text_are_decoded() {
    let raw = "Fine of &#163;2m for Caf&#233; &amp; Co; AT&T and &amp without semicolon.\n";
    let (f, _) = parse("e.txt", raw.to_string());
    assert_eq!(
        f.text,
        "Fine of £2m for Café & Co; AT&T and &amp without semicolon.\n"
    );
    assert_eq!(loc_of(&f, "£2m"), loc(1, 9, 1, 17, "&#163;2m"));
    assert_eq!(loc_of(&f, "Café &"), loc(1, 22, 1, 37, "Caf&#233; &amp;"));
    assert_every_char_maps(&f);
}

#[test]
fn crlf_and_lone_cr_line_ends() {
    let raw =
        "Old Title\r\nRiver Post·2025-01-05 07:00\r\nThe bridge reopened.\rA second line.\r\n";
    let (f, s) = parse("crlf.txt", raw.to_string());
    assert_eq!(
        f.text,
        "Old Title\nRiver Post·2025-01-05 07:00\nThe bridge reopened.\nA second line.\n"
    );
    assert_eq!(s[0].title.as_deref(), Some("Old Title"));
    assert_eq!(s[0].date, date("2025-01-05"));
    assert_eq!(loc_of(&f, "bridge"), loc(3, 5, 3, 11, "bridge"));
    assert_eq!(loc_of(&f, "second"), loc(4, 3, 4, 9, "second"));
    assert_eq!(loc_of(&f, "reopened.\nA"), loc(3, 12, 4, 2, "reopened.\rA"));
    assert_eq!(
        loc_of(&f, "Title\nRiver"),
        loc(1, 5, 2, 6, "Title\r\nRiver")
    );
    assert_every_char_maps(&f);
}

#[test]
fn byte_order_mark_dropped_positions_kept() {
    let dir = scratch("bom");
    let p = dir.join("bom.txt");
    std::fs::write(&p, "\u{feff}Markets calm\nPrices held at 4%.\n").unwrap();
    let (f, s) = read_file(&p).unwrap();
    assert!(f.raw.starts_with('\u{feff}'));
    assert_eq!(f.text, "Markets calm\nPrices held at 4%.\n");
    assert_eq!(s[0].title.as_deref(), Some("Markets calm"));
    assert_eq!(loc_of(&f, "Markets"), loc(1, 1, 1, 8, "Markets"));
    assert_eq!(loc_of(&f, "4%"), loc(2, 16, 2, 18, "4%"));
}

fn input_error(bytes: &[u8]) -> (String, String) {
    let dir = scratch("errors");
    let p = dir.join("bad.txt");
    std::fs::write(&p, bytes).unwrap();
    match read_file(&p) {
        Err(Error::Input { path, msg, .. }) => (path, msg),
        other => panic!("expected an input error, got {other:?}"),
    }
}

#[test]
fn input_errors() {
    let (path, msg) = input_error(b"fine text\0more");
    assert!(path.ends_with("errors/bad.txt"));
    assert_eq!(msg, "binary file (NUL byte at offset 9)");
    // 14 bytes of valid text (é and — are multi-byte), then a cut-off character.
    let mut bytes = "ok é then \u{2014}".as_bytes().to_vec();
    bytes.extend([0xe2, 0x82]);
    assert_eq!(
        input_error(&bytes).1,
        "not valid UTF-8 (invalid byte at offset 14)"
    );
    assert_eq!(
        input_error(b"abc\xffdef").1,
        "not valid UTF-8 (invalid byte at offset 3)"
    );
}

#[test]
fn unreadable_file_is_an_input_error() {
    // A folder read as a file fails even for root (chmod 000 does not stop root).
    let dir = scratch("unreadable");
    match read_file(&dir) {
        Err(Error::Input { path, msg, .. }) => {
            assert!(path.ends_with("read/unreadable"));
            assert!(msg.contains("directory"), "{msg}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn missing_path_is_a_usage_error() {
    let dir = scratch("missing");
    let gone = dir.join("nope.txt");
    let (files, errors) = collect(std::slice::from_ref(&gone));
    assert!(files.is_empty());
    assert_eq!(
        errors,
        [Error::Usage(format!(
            "{}: no such file or directory",
            gone.display()
        ))]
    );
}

#[test]
fn collect_walks_folders() {
    let dir = scratch("walk");
    let w = |rel: &str, text: &str| {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w("b.txt", "b");
    w("a.md", "a");
    w("sub/C.HTML", "c");
    w("sub/d.markdown", "d");
    w("sub/e.htm", "e");
    w("sub/skip.json", "{}");
    w(".hidden.txt", "h");
    w(".secret/x.txt", "x");
    w("ignored.txt", "i");
    w("out/y.txt", "y");
    w(".gitignore", "ignored.txt\nout/\n");
    w("notes.json", "{}");
    std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).unwrap();
    let (files, errors) = collect(&[dir.clone(), dir.join("notes.json")]);
    assert!(errors.is_empty(), "{errors:?}");
    let rel: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
        .collect();
    assert_eq!(
        rel,
        [
            "a.md",
            "b.txt",
            "notes.json",
            "sub/C.HTML",
            "sub/d.markdown",
            "sub/e.htm",
        ]
    );
}

#[test]
fn read_all_keeps_order_and_reindexes() {
    let dir = scratch("all");
    std::fs::write(dir.join("1.txt"), "First\nOne line.\n").unwrap();
    std::fs::write(dir.join("2.txt"), b"caf\xe9").unwrap();
    std::fs::copy(fixture("two_articles.txt"), dir.join("3.txt")).unwrap();
    let (files, sources, errors) = read_all(&[dir.clone(), dir.join("missing.txt")]);
    assert_eq!(files.len(), 2);
    assert!(files[1].path.ends_with("all/3.txt"));
    let got: Vec<(usize, String)> = sources
        .iter()
        .map(|s| (s.file, s.id.rsplit('/').next().unwrap().to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (0, "1.txt".to_string()),
            (1, "3.txt#1".to_string()),
            (1, "3.txt#2".to_string())
        ]
    );
    assert_eq!(errors.len(), 2);
    assert!(
        matches!(&errors[0], Error::Usage(m) if m.ends_with("missing.txt: no such file or directory"))
    );
    assert!(
        matches!(&errors[1], Error::Input { path, msg, offset: Some(3) }
            if path.ends_with("all/2.txt") && msg == "not valid UTF-8 (invalid byte at offset 3)")
    );
}

#[test]
fn trailing_bylines_in_a_multi_article_file() {
    let raw = "Body of the first story, long enough to be a body and not a title line.\n\
               First title\nDesk·2025-01-01\n\
               Second body, also a full paragraph about something else.\n\
               Second title\nDesk·2025-02-02\n";
    let (f, s) = parse("t.txt", raw.to_string());
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].title.as_deref(), Some("First title"));
    assert!(f.text[s[0].range.clone()].starts_with("Body of the first"));
    assert!(f.text[s[0].range.clone()].ends_with("Desk·2025-01-01\n"));
    assert!(f.text[s[1].range.clone()].starts_with("Second body"));
    assert_eq!(s[1].date, date("2025-02-02"));
}

#[test]
#[ignore = "reads the shared seed corpus outside the crate"]
fn seed_corpus() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    let (files, sources, errors) = read_all(&[seeds]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(files.len(), 5);
    let got: Vec<(String, Option<NaiveDate>)> = sources
        .iter()
        .map(|s| {
            (
                s.id.rsplit('/').next().unwrap()[..3].to_string()
                    + s.id.rsplit_once('#').map_or("", |x| x.1),
                s.date,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("000".to_string(), date("2025-10-27")),
            ("001".to_string(), date("2025-10-30")),
            ("002".to_string(), None),
            ("003".to_string(), date("2025-10-30")),
            ("0041".to_string(), date("2025-10-29")),
            ("0042".to_string(), date("2025-06-01")),
        ]
    );
    for s in &sources {
        let f = &files[s.file];
        let title = s.title.as_deref().expect("every seed article has a title");
        // The title is the line above the byline (the first line without one), read
        // from the original text here, not copied into this test.
        let lines: Vec<&str> = f.raw.lines().collect();
        let expected = match s.date {
            Some(_) => {
                let b = lines
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| {
                        l.contains('·') && l.trim_end().ends_with(|c: char| c.is_ascii_digit())
                    })
                    .map(|(i, _)| i)
                    .nth(
                        s.id.rsplit_once('#')
                            .map_or(0, |x| x.1.parse::<usize>().unwrap() - 1),
                    )
                    .unwrap();
                lines[b - 1].trim()
            }
            None => lines[0].trim(),
        };
        assert_eq!(title, expected, "{}", s.id);
        assert_eq!(s.lang, "en", "{}", s.id);
        assert_every_char_maps(f);
    }
    // 004's second article starts at its own title line.
    let s2 = &sources[5];
    assert!(files[s2.file].text[s2.range.clone()].starts_with(s2.title.as_deref().unwrap()));
}

mod invariants {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the pieces that exercise every stage: markup, entities, line ends,
    /// full-width forms, combining marks, citations, bylines, front-matter fences.
    fn messy() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "a",
            "Z",
            " ",
            "\n",
            "\r",
            "\r\n",
            "<p>",
            "</p>",
            "<br>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "&amp;",
            "&#8212;",
            "&",
            "&nbsp",
            "<title>",
            "２",
            "％",
            "（",
            "，",
            "e\u{301}",
            "\u{301}",
            "…",
            "ﬁ",
            "[1]",
            "[",
            "]",
            "·2025-10-27 17:06",
            "---\n",
            "date: 2025-01-02\n",
            "中",
            "\u{feff}",
            "<template>",
            "Desk",
            "# ",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn parse_keeps_its_invariants(raw in messy(), ext in prop::sample::select(vec!["txt", "md", "html"]), a in 0usize..400, b in 0usize..400) {
            let (f, sources) = parse(&format!("p.{ext}"), raw.clone());
            prop_assert_eq!(&f.raw, &raw);
            if let Some(map) = &f.map {
                prop_assert_eq!(map.len(), f.text.len() + 1);
                prop_assert!(map.windows(2).all(|w| w[0] <= w[1]));
                prop_assert!(map.iter().all(|&o| raw.is_char_boundary(o as usize)));
                prop_assert_eq!(map.last().copied(), Some(raw.len() as u32));
            } else {
                prop_assert_eq!(&f.text, &raw);
            }
            prop_assert!(!sources.is_empty());
            let mut at = 0;
            for s in &sources {
                prop_assert_eq!(s.range.start, at);
                prop_assert!(f.text.is_char_boundary(s.range.end));
                at = s.range.end;
            }
            prop_assert_eq!(at, f.text.len());
            // Any range, even one off char boundaries, gives a location without panicking.
            let (lo, hi) = (a.min(b), a.max(b));
            let l = f.location(lo..hi);
            prop_assert!(l.line >= 1 && l.column >= 1 && (l.end_line, l.end_column) >= (l.line, l.column));
            prop_assert!(raw.contains(&l.text));
        }
    }
}
