//! Prints every quantity the scanner finds, line by line, to see what a sentence
//! yields while working on the quantity grammar (it was `QTY_DUMP=FILE cargo test
//! --test quantities debug_dump`, a test that could not fail).
//!
//! ```sh
//! cargo run --example dump-quantities -- FILE...   # or the lines on stdin
//! ```
//!
//! Each line is NFKC-normalized first, as the checker reads text, and printed after
//! `==`; below it each quantity: its text in brackets and its fields.

use std::io::Read;

use claimcheck::normalize::scan_quantities;
use unicode_normalization::UnicodeNormalization;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut texts = Vec::new();
    if paths.is_empty() {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("stdin: {e}");
            std::process::exit(2);
        }
        texts.push(s);
    }
    for p in &paths {
        match std::fs::read_to_string(p) {
            Ok(s) => texts.push(s),
            Err(e) => {
                eprintln!("{p}: {e}");
                std::process::exit(2);
            }
        }
    }
    for text in &texts {
        for line in text.lines() {
            let line: String = line.nfkc().collect();
            println!("== {line}");
            for (r, q) in scan_quantities(&line) {
                println!(
                    "   [{}] v={:?} lo={:?} hi={:?} u={:?} per={:?} q={:?} noun={:?}",
                    &line[r],
                    q.value,
                    q.low,
                    q.high,
                    q.unit.map(|u| u.name()),
                    q.per,
                    q.qualifier,
                    q.noun
                );
            }
        }
    }
}
