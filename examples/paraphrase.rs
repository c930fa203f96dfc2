//! Writes (or scores) the generated paraphrase set for `quantity-conflict`: facts
//! rendered through English and Chinese templates by two outlets a case (see
//! `examples/paraphrase/gen.rs`).
//!
//! ```sh
//! cargo run --release --example paraphrase -- --cases 10000 --seed 7 --out /tmp/para10k
//! cargo run --release --example paraphrase -- --cases 2000 --seed 7 --score   # in process, case by case
//! ```
//!
//! `--out DIR` writes `DIR/case-NNNNN/{a,b}.txt` and `DIR/gold.json` (each case's
//! label, variant, topic, template families and the byte ranges and texts of the two
//! target figures). The cases of one folder are independent stories, but their
//! made-up subjects repeat across cases, so `claimcheck check DIR` over the whole
//! folder is a throughput run, not a score: scoring is case by case (`--score`, or
//! `cargo test --test paraphrase`).

#[path = "paraphrase/gen.rs"]
mod generator;
#[path = "paraphrase/score.rs"]
mod score;

use std::path::PathBuf;

fn main() {
    let mut cases = 600usize;
    let mut seed = 7u64;
    let mut out: Option<PathBuf> = None;
    let mut do_score = false;
    let mut show: Vec<usize> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || {
            args.next()
                .unwrap_or_else(|| die(&format!("{a} needs a value")))
        };
        match a.as_str() {
            "--cases" => cases = val().parse().unwrap_or_else(|_| die("--cases N")),
            "--seed" => seed = val().parse().unwrap_or_else(|_| die("--seed N")),
            "--out" => out = Some(PathBuf::from(val())),
            "--score" => do_score = true,
            "--show" => show.push(val().parse().unwrap_or_else(|_| die("--show ID"))),
            _ => die(&format!("unknown argument {a}")),
        }
    }
    let set = generator::generate(seed, cases);
    for id in &show {
        let c = &set[*id];
        println!(
            "case {id}: {} ({}), {} / {}, targets {:?} / {:?}\n--- a.txt\n{}--- b.txt\n{}",
            if c.must_flag { "must-flag" } else { "must-not" },
            c.variant,
            c.template_a,
            c.template_b,
            c.a_text(),
            c.b_text(),
            c.a,
            c.b
        );
    }
    if let Some(dir) = &out {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| die(&format!("{}: {e}", dir.display())));
        let mut gold = Vec::with_capacity(set.len());
        for c in &set {
            let name = format!("case-{:05}", c.id);
            let d = dir.join(&name);
            std::fs::create_dir_all(&d).unwrap_or_else(|e| die(&format!("{}: {e}", d.display())));
            std::fs::write(d.join("a.txt"), &c.a).unwrap_or_else(|e| die(&e.to_string()));
            std::fs::write(d.join("b.txt"), &c.b).unwrap_or_else(|e| die(&e.to_string()));
            gold.push(serde_json::json!({
                "id": c.id,
                "dir": name,
                "label": if c.must_flag { "must-flag" } else { "must-not" },
                "variant": c.variant,
                "topic": c.topic,
                "a": {"file": format!("{name}/a.txt"), "lang": c.lang_a, "family": c.family_a, "template": c.template_a,
                       "start": c.a_target.start, "end": c.a_target.end, "text": c.a_text()},
                "b": {"file": format!("{name}/b.txt"), "lang": c.lang_b, "family": c.family_b, "template": c.template_b,
                       "start": c.b_target.start, "end": c.b_target.end, "text": c.b_text()},
            }));
        }
        let doc = serde_json::json!({"seed": seed, "cases": gold});
        let text = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| die(&e.to_string()));
        std::fs::write(dir.join("gold.json"), text).unwrap_or_else(|e| die(&e.to_string()));
        eprintln!("wrote {} cases to {}", set.len(), dir.display());
    }
    if do_score {
        let kb = claimcheck::kb::builtin().unwrap_or_else(|e| die(&e.to_string()));
        let tmp = tempfile::tempdir().unwrap_or_else(|e| die(&e.to_string()));
        let r = score::score(&kb, &set, tmp.path());
        println!("paraphrase set: seed {seed}, {cases} cases\n{}", r.table());
        let ids = |v: &[usize]| {
            v.iter()
                .take(20)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!("missed must-flag cases (first ids): {}", ids(&r.misses));
        println!(
            "cases with a false quantity-conflict (first ids): {}",
            ids(&r.false_flags)
        );
    }
    if out.is_none() && !do_score && show.is_empty() {
        die("give --out DIR, --score or --show ID");
    }
}

fn die(msg: &str) -> ! {
    eprintln!("paraphrase: {msg}");
    std::process::exit(2)
}
