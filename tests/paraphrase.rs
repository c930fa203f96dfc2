//! The generated paraphrase set for `quantity-conflict` (examples/paraphrase/gen.rs):
//! a fixed seed's cases, each checked on its own (two articles by two outlets), scored
//! per template family. The set is the yardstick for claim extraction and matching;
//! its templates are never edited to fit the parser.
//!
//! ```sh
//! cargo test --test paraphrase -- --nocapture      # prints the per-family table
//! ```

#[path = "../examples/paraphrase/gen.rs"]
mod generator;
#[path = "../examples/paraphrase/score.rs"]
mod score;

use generator::{Lang, generate, templates};

const SEED: u64 = 7;
const CASES: usize = 600;
// Issue 14's target, recall 0.95 and precision 0.98 on this seed (reached: 0.957 /
// 0.990). Another seed (11, 2,000 cases) gives 0.929 / 0.977: the held-out sets
// are other cases, so the margin here is thin by design of the target, not slack.
const MIN_RECALL: f64 = 0.95;
const MIN_PRECISION: f64 = 0.98;

#[test]
fn quantity_conflict_recall_and_precision_on_paraphrases() {
    let kb = claimcheck::kb::builtin().unwrap_or_else(|e| panic!("{e}"));
    let cases = generate(SEED, CASES);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let r = score::score(&kb, &cases, tmp.path());
    let table = r.table();
    println!("paraphrase set: seed {SEED}, {CASES} cases\n{table}");
    let ids = |v: &[usize]| {
        v.iter()
            .take(12)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("missed must-flag cases (first ids): {}", ids(&r.misses));
    println!(
        "cases with a false quantity-conflict (first ids): {}",
        ids(&r.false_flags)
    );
    println!(
        "(cargo run --example paraphrase -- --cases {CASES} --seed {SEED} --out DIR writes them)"
    );
    assert_eq!(
        r.overall.crashed, 0,
        "runs that failed or panicked\n{table}"
    );
    let (recall, precision) = (r.overall.recall(), r.overall.precision());
    assert!(
        recall >= MIN_RECALL && precision >= MIN_PRECISION,
        "recall {recall:.3} (want ≥ {MIN_RECALL}), precision {precision:.3} (want ≥ {MIN_PRECISION}); the table is printed above"
    );
}

#[test]
fn the_generator_is_deterministic_and_covers_every_family() {
    let one = generate(SEED, 300);
    let two = generate(SEED, 300);
    for (x, y) in one.iter().zip(&two) {
        assert_eq!(
            (&x.a, &x.b, &x.a_target, &x.b_target),
            (&y.a, &y.b, &y.a_target, &y.b_target)
        );
        assert_eq!(
            (x.must_flag, x.variant, &x.template_a, &x.template_b),
            (y.must_flag, y.variant, &y.template_a, &y.template_b)
        );
    }
    assert_ne!(
        generate(SEED + 1, 5)[0].a,
        one[0].a,
        "another seed, other cases"
    );
    let t = templates();
    let en = t.iter().filter(|t| t.lang == Lang::En).count();
    let zh = t.iter().filter(|t| t.lang == Lang::Zh).count();
    assert!(
        en >= 40 && zh >= 20,
        "{en} English and {zh} Chinese templates"
    );
    let cases = generate(SEED, CASES);
    for fam in generator::families() {
        let of = |flag: bool| {
            cases
                .iter()
                .filter(|c| c.must_flag == flag && (c.family_a == fam || c.family_b == fam))
                .count()
        };
        assert!(
            of(true) > 0 && of(false) > 0,
            "{fam}: {} must-flag, {} must-not",
            of(true),
            of(false)
        );
    }
    for c in &cases {
        // The targets are figures: they hold a digit or a numeral, on char boundaries.
        for (text, r) in [(&c.a, &c.a_target), (&c.b, &c.b_target)] {
            let s = text
                .get(r.clone())
                .unwrap_or_else(|| panic!("case {}: target {r:?} off a boundary", c.id));
            assert!(
                s.chars()
                    .any(|ch| ch.is_ascii_digit() || "一二三四五六七八九十".contains(ch))
                    || [
                        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                        "ten"
                    ]
                    .iter()
                    .any(|w| s.to_lowercase().starts_with(w)),
                "case {}: target {s:?}",
                c.id
            );
            assert!(
                !text.contains('{'),
                "case {}: an unfilled slot in {text}",
                c.id
            );
        }
    }
    let variants = [
        "same-value",
        "period",
        "subject",
        "modality",
        "scope",
        "measure",
    ];
    for v in variants {
        assert!(cases.iter().any(|c| c.variant == v), "no {v} case");
    }
}
