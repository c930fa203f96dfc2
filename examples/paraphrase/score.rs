//! Scores the paraphrase set case by case, in process: each case's two articles are
//! written to a folder of their own and checked by `engine::run` with the built-in
//! knowledge base. A must-flag case is detected when a `quantity-conflict` finding
//! has a place in `a.txt` that overlaps a's target figure and one in `b.txt` that
//! overlaps b's; that finding is a true one. Every other `quantity-conflict`
//! finding (in a must-not case, between other figures, or with wrong places) is a
//! false positive. A case counts for the family of a's template and of b's.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::generator::{Case, families};
use claimcheck::engine::{self, Options};
use claimcheck::kb::Kb;

#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub cases: usize,
    pub must_flag: usize,
    pub detected: usize,
    pub must_not: usize,
    /// Must-not cases with any quantity-conflict finding.
    pub must_not_flagged: usize,
    pub findings: usize,
    pub true_findings: usize,
    pub crashed: usize,
}

impl Tally {
    pub fn recall(&self) -> f64 {
        if self.must_flag == 0 {
            1.0
        } else {
            self.detected as f64 / self.must_flag as f64
        }
    }
    pub fn precision(&self) -> f64 {
        if self.findings == 0 {
            1.0
        } else {
            self.true_findings as f64 / self.findings as f64
        }
    }
    fn add(&mut self, o: &Outcome, c: &Case) {
        self.cases += 1;
        if c.must_flag {
            self.must_flag += 1;
            self.detected += o.detected as usize;
        } else {
            self.must_not += 1;
            self.must_not_flagged += (o.findings > 0) as usize;
        }
        self.findings += o.findings;
        self.true_findings += o.true_findings;
        self.crashed += o.crashed as usize;
    }
}

#[derive(Default, Clone, Copy, Debug)]
pub struct Outcome {
    pub detected: bool,
    pub findings: usize,
    pub true_findings: usize,
    pub crashed: bool,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Writes the case to `dir` (a.txt, b.txt) and checks it.
pub fn score_case(kb: &Kb, case: &Case, dir: &Path) -> Outcome {
    std::fs::create_dir_all(dir).expect("a case folder");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, &case.a).expect("a.txt");
    std::fs::write(&b, &case.b).expect("b.txt");
    let paths: Vec<PathBuf> = vec![a, b];
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let opts = Options::new(&|e| panic!("{e}"));
        engine::run(kb, &paths, &opts)
    }));
    let out = match run {
        Ok(Ok(out)) => out,
        _ => {
            return Outcome {
                crashed: true,
                ..Outcome::default()
            };
        }
    };
    let mut o = Outcome::default();
    for f in out
        .findings
        .iter()
        .filter(|f| f.rule == "quantity-conflict")
    {
        o.findings += 1;
        let mut in_a = false;
        let mut in_b = false;
        for p in &f.places {
            let file = &out.files[out.sources[p.source].file];
            let r = file.orig_range(p.span.clone());
            if file.path.ends_with("a.txt") && overlaps(&r, &case.a_target) {
                in_a = true;
            }
            if file.path.ends_with("b.txt") && overlaps(&r, &case.b_target) {
                in_b = true;
            }
        }
        if case.must_flag && in_a && in_b {
            o.true_findings += 1;
            o.detected = true;
        }
    }
    o
}

pub struct Report {
    pub overall: Tally,
    pub by_family: BTreeMap<&'static str, Tally>,
    pub by_variant: BTreeMap<&'static str, Tally>,
    pub by_topic: BTreeMap<&'static str, Tally>,
    /// Up to a few ids of missed must-flag cases and of falsely flagged cases.
    pub misses: Vec<usize>,
    pub false_flags: Vec<usize>,
}

pub fn score(kb: &Kb, cases: &[Case], dir: &Path) -> Report {
    let mut r = Report {
        overall: Tally::default(),
        by_family: families()
            .into_iter()
            .map(|f| (f, Tally::default()))
            .collect(),
        by_variant: BTreeMap::new(),
        by_topic: BTreeMap::new(),
        misses: Vec::new(),
        false_flags: Vec::new(),
    };
    for c in cases {
        let o = score_case(kb, c, &dir.join(format!("case-{:05}", c.id)));
        r.overall.add(&o, c);
        r.by_family.entry(c.family_a).or_default().add(&o, c);
        if c.family_b != c.family_a {
            r.by_family.entry(c.family_b).or_default().add(&o, c);
        }
        r.by_variant.entry(c.variant).or_default().add(&o, c);
        r.by_topic.entry(c.topic).or_default().add(&o, c);
        if c.must_flag && !o.detected {
            r.misses.push(c.id);
        }
        if o.findings > o.true_findings {
            r.false_flags.push(c.id);
        }
    }
    r
}

fn row(name: &str, t: &Tally) -> String {
    format!(
        "{name:<20} {:>6} {:>6} {:>6} {:>7.3} {:>6} {:>6} {:>6} {:>9.3}\n",
        t.cases,
        t.must_flag,
        t.detected,
        t.recall(),
        t.must_not_flagged,
        t.findings,
        t.true_findings,
        t.precision()
    )
}

impl Report {
    pub fn table(&self) -> String {
        let head = format!(
            "{:<20} {:>6} {:>6} {:>6} {:>7} {:>6} {:>6} {:>6} {:>9}\n",
            "", "cases", "flag", "found", "recall", "not!", "finds", "true", "precision"
        );
        let mut s = String::new();
        s.push_str("per template family (a case counts for a's family and b's)\n");
        s.push_str(&head);
        for (f, t) in &self.by_family {
            s.push_str(&row(f, t));
        }
        s.push_str("\nper variant (value = must-flag; the others are must-not)\n");
        s.push_str(&head);
        for (f, t) in &self.by_variant {
            s.push_str(&row(f, t));
        }
        s.push_str("\nper topic\n");
        s.push_str(&head);
        for (f, t) in &self.by_topic {
            s.push_str(&row(f, t));
        }
        s.push('\n');
        s.push_str(&head);
        s.push_str(&row("overall", &self.overall));
        if self.overall.crashed > 0 {
            s.push_str(&format!("crashed runs: {}\n", self.overall.crashed));
        }
        s.push_str("(flag = must-flag cases, found = detected, not! = must-not cases flagged, finds = quantity-conflict findings, true = findings on both targets of a must-flag case)\n");
        s
    }
}
