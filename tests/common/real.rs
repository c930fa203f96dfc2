//! The real corpus (`../shared/corpus/real`) as articles with bylines, for the tests
//! that plant errors in real text: read at test time, never copied into the
//! repository. A seedable generator picks what to plant.
#![allow(dead_code)]

use std::collections::HashSet;
use std::fs;
use std::path::Path;

pub const REAL: &str = "../shared/corpus/real";
/// The topic folders: pairs of different articles are drawn inside one of these.
pub const FOLDERS: &[&str] = &[
    "bbc/business",
    "bbc/entertainment",
    "bbc/politics",
    "bbc/sports",
    "bbc/tech",
    "abc-lee",
    "brown-press",
    "reuters",
];

/// splitmix64: small, seedable and stable across versions.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// One corpus article, ready to be written with a byline.
pub struct Article {
    /// Path under `real/` (`bbc/business/001.txt`).
    pub rel: String,
    pub folder: &'static str,
    pub headline: String,
    pub body: String,
    /// The day both copies are dated (`YYYY-MM-DD`): the corpus has no bylines except
    /// Reuters', whose own date is kept.
    pub day: String,
}

impl Article {
    /// Headline, byline, blank line, then `body`.
    pub fn text(&self, publisher: &str, time: &str, body: &str) -> String {
        self.dated(&self.day, publisher, time, body)
    }
    /// The same, dated `day`.
    pub fn dated(&self, day: &str, publisher: &str, time: &str, body: &str) -> String {
        format!("{}\n{publisher}·{day} {time}\n\n{body}\n", self.headline)
    }
    /// Where the body starts in `text(..)`.
    pub fn body_start(&self, publisher: &str, time: &str) -> usize {
        self.text(publisher, time, "").len() - 1
    }
}

pub fn need(p: &str) {
    assert!(
        Path::new(p).exists(),
        "{p} is missing: these tests need ../shared beside the checkout"
    );
}

/// Every article of the topic folders, in path order; of each group of
/// byte-identical files (DUPLICATES.tsv) only the first is kept.
pub fn corpus() -> Vec<Article> {
    need(REAL);
    let dups = fs::read_to_string(format!("{REAL}/DUPLICATES.tsv")).expect("DUPLICATES.tsv");
    let mut later: HashSet<String> = HashSet::new();
    for line in dups.lines().filter(|l| !l.starts_with('#')) {
        later.extend(line.split('\t').skip(1).map(str::to_string));
    }
    let mut out = Vec::new();
    for &folder in FOLDERS {
        let mut names: Vec<String> = fs::read_dir(format!("{REAL}/{folder}"))
            .expect("topic folder")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        for name in names {
            let rel = format!("{folder}/{name}");
            if later.contains(&rel) {
                continue;
            }
            let raw = fs::read_to_string(format!("{REAL}/{rel}")).expect("UTF-8 article");
            let raw = raw.trim();
            let stem = name.trim_end_matches(".txt");
            let (headline, body, day) = match folder {
                // Line 1 the headline, line 2 the byline (its own date), then the body.
                "reuters" => {
                    let mut lines = raw.splitn(3, '\n');
                    let headline = lines.next().unwrap_or("").to_string();
                    let second = lines.next().unwrap_or("");
                    let rest = lines.next().unwrap_or("");
                    let (day, body) = match second.split_once('·') {
                        Some((_, d)) if d.len() >= 10 => (d[..10].to_string(), rest),
                        _ => ("1987-03-02".to_string(), &raw[headline.len()..]),
                    };
                    (headline, body.trim().to_string(), day)
                }
                // No headline: the file name stands in (no corpus text in it).
                "abc-lee" => (
                    format!("ABC news mail {stem}"),
                    raw.to_string(),
                    "2002-01-15".to_string(),
                ),
                "brown-press" => (
                    format!("Press sample {stem}"),
                    raw.to_string(),
                    "1961-06-01".to_string(),
                ),
                // BBC: line 1 the headline, a blank line, paragraphs.
                _ => {
                    let (h, b) = raw.split_once('\n').unwrap_or((raw, ""));
                    (
                        h.to_string(),
                        b.trim().to_string(),
                        "2005-02-15".to_string(),
                    )
                }
            };
            out.push(Article {
                rel,
                folder,
                headline,
                body,
                day,
            });
        }
    }
    out
}
