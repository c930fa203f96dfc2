//! Issue 14's real-text measures of `quantity-conflict`, on `../shared/corpus/real`.
//!
//! - `changed_figure_copies_are_flagged`: an article (A) and a copy of it (B) that
//!   keeps only the headline and the paragraph of one figure, with that figure's
//!   number changed, given bylines of the same day, must give a `quantity-conflict`
//!   between the original figure in A and the changed one in B (recall ≥ 0.95); the
//!   same copy unchanged must give none (the control).
//! - `same_topic_pairs_have_no_quantity_conflict`: two different articles of one
//!   topic folder, dated the same day, must give no `quantity-conflict`.
//!
//! The pairs are sampled at test time with a fixed seed (splitmix64, as
//! `examples/gen-corpus.rs`); no corpus text is in the repository, and what these
//! tests print (misses, false findings) is for review, not to be committed. They are
//! #[ignore]d because they need ../shared beside the checkout; CI runs them with
//! `--include-ignored`.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[path = "common/real.rs"]
mod real;

use claimcheck::claims::{Claim, Kind};
use claimcheck::engine::{self, Options, Outcome};
use claimcheck::kb::{self, Kb};
use claimcheck::normalize::{Qty, Qualifier, scan_quantities};
use real::{Article, FOLDERS, Rng, corpus};

/// (article, figure) pairs to evaluate (after skips), and same-topic pairs to check.
const COPIES: usize = 500;
const PAIRS: usize = 600;
const SEED: u64 = 14;
const PUBLISHER_A: &str = "Wire Desk";
const PUBLISHER_B: &str = "Copy Desk";

fn quiet(_: &claimcheck::Error) {}

fn run(kb: &Kb, paths: &[PathBuf]) -> Outcome {
    let on_skip = quiet;
    let opts = Options::new(&on_skip);
    engine::run(kb, paths, &opts).expect("the check runs")
}

fn extract(kb: &Kb, paths: &[PathBuf]) -> (engine::Inputs, Vec<Claim>) {
    let on_skip = quiet;
    let opts = Options::new(&on_skip);
    engine::extract(kb, paths, &opts).expect("the extraction runs")
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A place of a finding as (file path, byte range in the file's original text).
fn places(out: &Outcome, f: &claimcheck::rules::Finding) -> Vec<(String, Range<usize>)> {
    f.places
        .iter()
        .map(|p| {
            let file = &out.files[out.sources[p.source].file];
            (file.path.clone(), file.orig_range(p.span.clone()))
        })
        .collect()
}

/// A finding's places: file name, text as written, normalized value.
fn said(out: &Outcome, f: &claimcheck::rules::Finding) -> String {
    f.places
        .iter()
        .map(|p| {
            let file = &out.files[out.sources[p.source].file];
            let name = Path::new(&file.path)
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            let text = file.text.get(p.span.clone()).unwrap_or("");
            format!("{name} {text:?} = {}", p.normalized)
        })
        .collect::<Vec<_>>()
        .join(" vs ")
        + &format!(" ({})", f.message)
}

fn is_file(path: &str, name: &str) -> bool {
    Path::new(path).file_name().is_some_and(|n| n == name)
}

/// The quantity `scan_quantities` reads at `at` (the longest overlap) in `text`.
fn scanned(text: &str, at: &Range<usize>) -> Option<(Range<usize>, Qty)> {
    scan_quantities(text)
        .into_iter()
        .filter(|(r, _)| overlaps(r, at))
        .max_by_key(|(r, _)| r.end.min(at.end) - r.start.max(at.start))
}

/// The values a quantity allows: its bounds, and "nearly x" as the rule reads it
/// (a little under x), so that only "over", "at least", "up to", "less than" are
/// one-sided.
fn bounds(q: &Qty) -> (f64, f64) {
    if let (Some(x), Some(Qualifier::Nearly)) = (q.value, q.qualifier) {
        return (x - x.abs() * 0.1, x);
    }
    (
        q.low.unwrap_or(f64::NEG_INFINITY),
        q.high.unwrap_or(f64::INFINITY),
    )
}

/// Rewrites the numbers written in digits in `span`: the first significant digit of
/// each moves by 3 (up when every such digit is ≤ 6, else down when every one is
/// ≥ 4), so the value moves by 30% or more and keeps its form ("$89m" → "$59m",
/// "4.5%" → "7.5%"). Same length in bytes. Err: why it cannot be rewritten cleanly.
fn rewrite(span: &str) -> Result<String, &'static str> {
    let b = span.as_bytes();
    // Index of the first significant digit of each number written in digits.
    let mut leads = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b',') {
                i += 1;
            }
            if let Some(k) = (start..i).find(|&k| matches!(b[k], b'1'..=b'9')) {
                leads.push(k);
            }
        } else {
            i += 1;
        }
    }
    if leads.is_empty() {
        return rewrite_words(span);
    }
    let up = leads.iter().all(|&k| b[k] <= b'6');
    let down = leads.iter().all(|&k| b[k] >= b'4');
    if !up && !down {
        return Err("range ends cannot move together");
    }
    let mut out = b.to_vec();
    for &k in &leads {
        out[k] = if up { b[k] + 3 } else { b[k] - 3 };
    }
    Ok(String::from_utf8(out).expect("ASCII digits swapped"))
}

/// Number words and what each becomes: a move of 25% or more ("three days" →
/// "six days", "twenty-five" → "fifty-five"), the form kept (words, initial capital).
const WORDS: &[(&str, &str)] = &[
    ("one", "four"),
    ("two", "five"),
    ("three", "six"),
    ("four", "seven"),
    ("five", "eight"),
    ("six", "nine"),
    ("seven", "four"),
    ("eight", "five"),
    ("nine", "six"),
    ("ten", "thirty"),
    ("eleven", "fifteen"),
    ("twelve", "twenty"),
    ("thirteen", "seventeen"),
    ("fourteen", "nineteen"),
    ("fifteen", "twenty"),
    ("sixteen", "eleven"),
    ("seventeen", "twelve"),
    ("eighteen", "twelve"),
    ("nineteen", "thirteen"),
    ("twenty", "fifty"),
    ("thirty", "sixty"),
    ("forty", "seventy"),
    ("fifty", "eighty"),
    ("sixty", "ninety"),
    ("seventy", "forty"),
    ("eighty", "fifty"),
    ("ninety", "sixty"),
];

/// A number in words: the first number word of each number ("twenty" of
/// "twenty-five", both ends of "four to six") replaced from `WORDS`.
fn rewrite_words(span: &str) -> Result<String, &'static str> {
    let mut out = String::new();
    let mut last = 0;
    let mut prev_number = false;
    let mut any = false;
    let mut i = 0;
    let b = span.as_bytes();
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let word = &span[start..i];
        let lower = word.to_ascii_lowercase();
        let to = WORDS.iter().find(|(w, _)| *w == lower).map(|(_, t)| *t);
        // "twenty-five": only the first word of a compound number moves.
        let glued = start > 0 && b[start - 1] == b'-';
        match to {
            Some(to) if !(prev_number && glued) => {
                out.push_str(&span[last..start]);
                if word.as_bytes()[0].is_ascii_uppercase() {
                    out.push(to.as_bytes()[0].to_ascii_uppercase() as char);
                    out.push_str(&to[1..]);
                } else {
                    out.push_str(to);
                }
                last = i;
                any = true;
                prev_number = true;
            }
            _ => prev_number = to.is_some() || (prev_number && lower == "hundred"),
        }
    }
    if !any {
        return Err(
            "no digits and no number word with a rewrite (\"a dozen\", \"half\", \"hundreds\")",
        );
    }
    out.push_str(&span[last..]);
    Ok(out)
}

/// The copy's text around a figure at `r` (bytes of `a`): its line (paragraph); in
/// an article of one paragraph, its sentence, so that the copy is shorter.
fn excerpt(a: &str, body_start: usize, r: &Range<usize>) -> Option<Range<usize>> {
    let ls = a[..r.start].rfind('\n').map_or(0, |i| i + 1);
    let le = a[r.end..].find('\n').map_or(a.len(), |i| r.end + i);
    if a[r.start..r.end].contains('\n') {
        return None;
    }
    if ls > body_start || !a[le..].trim().is_empty() {
        return Some(ls..le);
    }
    // One paragraph: the sentence.
    let ends = [". ", "? ", "! "];
    let ss = ends
        .iter()
        .filter_map(|e| a[ls..r.start].rfind(e).map(|i| ls + i + 2))
        .max()
        .unwrap_or(ls);
    let se = ends
        .iter()
        .filter_map(|e| a[r.end..le].find(e).map(|i| r.end + i + 1))
        .min()
        .unwrap_or(le);
    Some(ss..se)
}

/// How a figure's claim was read, for the list of misses.
fn describe(c: Option<&Claim>) -> String {
    match c.map(|c| &c.kind) {
        Some(Kind::Quantity(q)) => format!(
            "measure={:?} period={} modality={} subject={:?} unit={:?} noun={:?} [{:?}, {:?}]",
            q.key.measure,
            q.key.period,
            q.key.modality.name(),
            q.key.subject,
            q.qty.unit.map(|u| u.name()),
            q.qty.noun,
            q.qty.low,
            q.qty.high
        ),
        _ => "not read as a quantity".into(),
    }
}

/// The quantity claim of the file named `name` whose original range overlaps `r`.
fn claim_at<'a>(
    inputs: &engine::Inputs,
    claims: &'a [Claim],
    name: &str,
    r: &Range<usize>,
) -> Option<&'a Claim> {
    claims.iter().find(|c| {
        let file = &inputs.files[inputs.sources[c.source].file];
        matches!(c.kind, Kind::Quantity(_))
            && is_file(&file.path, name)
            && overlaps(&file.orig_range(c.span.clone()), r)
    })
}

/// Why a changed figure was not flagged, from the two claims' keys.
fn miss_class(a: Option<&Claim>, b: Option<&Claim>) -> &'static str {
    let (Some(Kind::Quantity(a)), Some(Kind::Quantity(b))) =
        (a.map(|c| &c.kind), b.map(|c| &c.kind))
    else {
        return if a.is_none() {
            "figure not read in the article"
        } else {
            "changed figure not read in the copy"
        };
    };
    if a.key.measure.is_empty() {
        "no measure word (never compared)"
    } else if a.key.measure != b.key.measure {
        "measure read differently in the copy"
    } else if a.key.period != b.key.period {
        "period read differently in the copy"
    } else if a.key.modality != b.key.modality {
        "modality read differently in the copy"
    } else if a.key.subject != b.key.subject {
        "subject read differently in the copy"
    } else if a.qty.unit != b.qty.unit || a.qty.noun != b.qty.noun {
        "unit or counted noun read differently in the copy"
    } else if a.key.subject.is_none() && !a.key.measure.contains('+') {
        "same key, no subject and a one-term measure (the rule pairs neither)"
    } else {
        "same key, not paired by the rule (other)"
    }
}

#[test]
#[ignore = "needs ../shared/corpus/real"]
fn changed_figure_copies_are_flagged() {
    let started = Instant::now();
    let kb = kb::builtin().expect("built-in knowledge base loads");
    let arts = corpus();
    let mut rng = Rng(SEED);
    let mut order: Vec<usize> = (0..arts.len()).collect();
    rng.shuffle(&mut order);
    let dir = tempfile::tempdir().expect("temp dir");
    let a_path = dir.path().join("a.txt");
    let b_path = dir.path().join("b.txt");
    let pair = [a_path.clone(), b_path.clone()];

    let mut tried = 0;
    let mut no_figure = 0;
    let mut skipped: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut sentence_copies = 0;
    let mut detected = 0;
    let mut elsewhere = 0;
    let mut misses: Vec<(String, String, String)> = Vec::new();
    let mut classes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_folder: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut control_fps: Vec<String> = Vec::new();
    let mut evaluated = 0;
    for &i in &order {
        if evaluated >= COPIES {
            break;
        }
        let art = &arts[i];
        tried += 1;
        let a = art.text(PUBLISHER_A, "09:00", &art.body);
        let body_start = art.body_start(PUBLISHER_A, "09:00");
        fs::write(&a_path, &a).expect("write A");
        let (inputs, claims) = extract(&kb, std::slice::from_ref(&a_path));
        let file = &inputs.files[0];
        // Figures of the body with a unit or a counted noun.
        let figures: Vec<Range<usize>> = claims
            .iter()
            .filter_map(|c| match &c.kind {
                Kind::Quantity(q) if q.qty.unit.is_some() || q.qty.noun.is_some() => {
                    Some(file.orig_range(c.span.clone()))
                }
                _ => None,
            })
            .filter(|r| r.start >= body_start)
            .collect();
        if figures.is_empty() {
            no_figure += 1;
            continue;
        }
        let fig = figures[rng.below(figures.len())].clone();
        let shown = format!("{} {:?}", art.rel, &a[fig.clone()]);
        let Some(ex) = excerpt(&a, body_start, &fig) else {
            skipped
                .entry("figure crosses a line")
                .or_default()
                .push(shown);
            continue;
        };
        let para = &a[ex.clone()];
        let at = fig.start - ex.start..fig.end - ex.start;
        let changed_span = match rewrite(&para[at.clone()]) {
            Ok(s) => s,
            Err(why) => {
                skipped.entry(why).or_default().push(shown);
                continue;
            }
        };
        let changed = format!("{}{changed_span}{}", &para[..at.start], &para[at.end..]);
        // Where the changed figure is in the changed paragraph (number words change length).
        let at1 = at.start..at.start + changed_span.len();
        // The change must contradict: the same kind of quantity, its interval clear of
        // the original's.
        let (Some((r0, q0)), Some((r1, q1))) = (scanned(para, &at), scanned(&changed, &at1)) else {
            skipped
                .entry("the quantity scanner does not read the paragraph alone")
                .or_default()
                .push(shown);
            continue;
        };
        let same_place = r0.start == r1.start
            && at.end as isize - r0.end as isize == at1.end as isize - r1.end as isize;
        if !same_place || q0.unit != q1.unit || q0.noun != q1.noun || q0.qualifier != q1.qualifier {
            skipped
                .entry("rewritten figure reads as another kind of quantity")
                .or_default()
                .push(shown);
            continue;
        }
        let ((lo0, hi0), (lo1, hi1)) = (bounds(&q0), bounds(&q1));
        if lo0.is_infinite() || hi0.is_infinite() {
            skipped
                .entry("one-sided bound (over, at least, up to…): no change contradicts it")
                .or_default()
                .push(shown);
            continue;
        }
        if !(hi1 < lo0 || lo1 > hi0) {
            skipped
                .entry("rewritten interval still meets the original")
                .or_default()
                .push(shown);
            continue;
        }
        let bytes = a.as_bytes();
        let whole_line = (ex.start == 0 || bytes[ex.start - 1] == b'\n')
            && (ex.end == a.len() || bytes[ex.end] == b'\n');
        if !whole_line {
            sentence_copies += 1;
        }
        evaluated += 1;
        let b_start = art.body_start(PUBLISHER_B, "15:30");
        let b_fig = b_start + at1.start..b_start + at1.end;
        let entry = by_folder.entry(art.folder).or_default();
        entry.0 += 1;

        // The changed copy.
        fs::write(&b_path, art.text(PUBLISHER_B, "15:30", &changed)).expect("write B");
        let out = run(&kb, &pair);
        let mut hit = false;
        let mut other = false;
        for f in out
            .findings
            .iter()
            .filter(|f| f.rule == "quantity-conflict")
        {
            let ps = places(&out, f);
            let in_a = ps
                .iter()
                .any(|(p, r)| is_file(p, "a.txt") && overlaps(r, &fig));
            let in_b = ps
                .iter()
                .any(|(p, r)| is_file(p, "b.txt") && overlaps(r, &b_fig));
            hit |= in_a && in_b;
            other |= in_b && ps.iter().any(|(p, _)| is_file(p, "a.txt"));
        }
        if hit {
            detected += 1;
            entry.1 += 1;
        } else {
            if other {
                elsewhere += 1;
            }
            let (inputs, claims) = extract(&kb, &pair);
            let ca = claim_at(&inputs, &claims, "a.txt", &fig);
            let cb = claim_at(&inputs, &claims, "b.txt", &b_fig);
            let mut class = miss_class(ca, cb);
            if cb.is_none() {
                // Is the figure read in the shortened copy when it is not changed?
                fs::write(&b_path, art.text(PUBLISHER_B, "15:30", para)).expect("write B");
                let (inputs, claims) = extract(&kb, &pair);
                let b_orig = b_start + at.start..b_start + at.end;
                if claim_at(&inputs, &claims, "b.txt", &b_orig).is_none() {
                    class = "figure not read in the shortened copy, even unchanged (context)";
                }
            }
            *classes.entry(class).or_default() += 1;
            misses.push((
                class.to_string(),
                format!("{shown} -> {changed_span:?}"),
                format!("A: {}\n      B: {}", describe(ca), describe(cb)),
            ));
        }

        // The control: the same copy unchanged.
        fs::write(&b_path, art.text(PUBLISHER_B, "15:30", para)).expect("write B");
        let out = run(&kb, &pair);
        for f in out
            .findings
            .iter()
            .filter(|f| f.rule == "quantity-conflict")
        {
            let ps = places(&out, f);
            if ps.iter().any(|(p, _)| is_file(p, "a.txt"))
                && ps.iter().any(|(p, _)| is_file(p, "b.txt"))
            {
                control_fps.push(format!("{shown}: {}", said(&out, f)));
            }
        }
    }

    let recall = detected as f64 / evaluated.max(1) as f64;
    let n_skipped: usize = skipped.values().map(Vec::len).sum();
    eprintln!("== changed-figure copies (seed {SEED}) ==");
    eprintln!(
        "articles tried {tried}, without a figure with a unit or counted noun {no_figure}, figures skipped {n_skipped}, pairs evaluated {evaluated} ({sentence_copies} copies cut to a sentence: one-paragraph articles)"
    );
    for (why, list) in &skipped {
        eprintln!("  skipped: {why}: {}", list.len());
        for s in list.iter().take(5) {
            eprintln!("    {s}");
        }
    }
    for (folder, (n, d)) in &by_folder {
        eprintln!("  {folder}: {d}/{n}");
    }
    eprintln!("miss classes:");
    for (c, n) in &classes {
        eprintln!("  {n:4}  {c}");
    }
    eprintln!("misses:");
    for (class, fig, keys) in &misses {
        eprintln!("  [{class}] {fig}\n      {keys}");
    }
    eprintln!("control false positives: {}", control_fps.len());
    for s in &control_fps {
        eprintln!("  {s}");
    }
    eprintln!(
        "recall {recall:.3} ({detected}/{evaluated}); flagged against another place of A only: {elsewhere}; control false positives {}; {:.1}s",
        control_fps.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(evaluated >= 300, "only {evaluated} pairs evaluated");
    // Issue 14's target (0.958 today, 479/500).
    assert!(
        recall >= 0.95 && control_fps.is_empty(),
        "recall {recall:.3} ({detected}/{evaluated}), wanted >= 0.95; control false positives {}, wanted 0",
        control_fps.len()
    );
}

/// Findings already read and judged genuine errors of the articles (pinned by
/// `tests/shared.rs`, `real_corpus_gives_only_the_reviewed_findings`): (file, text).
const REVIEWED: &[(&str, &str)] = &[
    ("reuters/crude-489.txt", "750 mln barrels"),
    ("reuters/crude-502.txt", "750 mln barrels"),
];

/// Names written with a capital (4 letters or more): what two articles of one story share.
fn names(a: &Article) -> HashSet<String> {
    format!("{} {}", a.headline, a.body)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_string)
        .collect()
}

#[test]
#[ignore = "needs ../shared/corpus/real"]
fn same_topic_pairs_have_no_quantity_conflict() {
    let started = Instant::now();
    let kb = kb::builtin().expect("built-in knowledge base loads");
    let arts = corpus();
    let sets: Vec<HashSet<String>> = arts.iter().map(names).collect();
    let mut rng = Rng(SEED ^ 0x5A11_7091C);
    let dir = tempfile::tempdir().expect("temp dir");
    let a_path = dir.path().join("a.txt");
    let b_path = dir.path().join("b.txt");
    let pair = [a_path.clone(), b_path.clone()];
    let mut seen = HashSet::new();
    let mut checked: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut false_findings: Vec<String> = Vec::new();
    let mut reviewed = 0;
    let mut attempts = 0;
    while seen.len() < PAIRS && attempts < PAIRS * 10 {
        attempts += 1;
        // An article (so a folder, by its size), then another of its folder: at random
        // for even draws, one of the five sharing most names (the same story, where a
        // figure that moved between stories is read as a conflict) for odd ones.
        let i = rng.below(arts.len());
        let members: Vec<usize> = (0..arts.len())
            .filter(|&j| j != i && arts[j].folder == arts[i].folder)
            .collect();
        let related = attempts % 2 == 0;
        let j = if related {
            let mut by: Vec<(usize, usize)> = members
                .iter()
                .map(|&j| (sets[i].intersection(&sets[j]).count(), j))
                .collect();
            by.sort_by(|x, y| y.cmp(x));
            by[rng.below(by.len().min(5))].1
        } else {
            members[rng.below(members.len())]
        };
        if !seen.insert((i.min(j), i.max(j))) {
            continue;
        }
        *checked
            .entry((arts[i].folder, if related { "related" } else { "random" }))
            .or_default() += 1;
        let day = &arts[i].day;
        fs::write(
            &a_path,
            arts[i].dated(day, PUBLISHER_A, "09:00", &arts[i].body),
        )
        .expect("A");
        fs::write(
            &b_path,
            arts[j].dated(day, PUBLISHER_B, "15:30", &arts[j].body),
        )
        .expect("B");
        let out = run(&kb, &pair);
        for f in out
            .findings
            .iter()
            .filter(|f| f.rule == "quantity-conflict")
        {
            let ps = places(&out, f);
            let in_both = ps.iter().any(|(p, _)| is_file(p, "a.txt"))
                && ps.iter().any(|(p, _)| is_file(p, "b.txt"));
            let known = f.places.iter().any(|p| {
                let file = &out.files[out.sources[p.source].file];
                let text = file.text.get(p.span.clone()).unwrap_or("");
                let name = if is_file(&file.path, "a.txt") {
                    &arts[i].rel
                } else {
                    &arts[j].rel
                };
                REVIEWED.iter().any(|(r, t)| r == name && text.contains(t))
            });
            if known {
                reviewed += 1;
                continue;
            }
            false_findings.push(format!(
                "{} + {} ({}, {}): {}",
                arts[i].rel,
                arts[j].rel,
                if related { "related" } else { "random" },
                if in_both {
                    "across the pair"
                } else {
                    "inside one article"
                },
                said(&out, f)
            ));
        }
    }
    eprintln!("== same-topic pairs (seed {SEED}) ==");
    for ((folder, how), n) in &checked {
        eprintln!("  {folder} {how}: {n}");
    }
    eprintln!(
        "quantity-conflict findings: {} (reviewed genuine ones left out: {reviewed})",
        false_findings.len()
    );
    for s in &false_findings {
        eprintln!("  {s}");
    }
    let across = false_findings
        .iter()
        .filter(|f| f.contains("across the pair"))
        .count();
    eprintln!(
        "pairs {}; false quantity-conflict findings {} ({across} across the pair, {} inside one article); {:.1}s",
        seen.len(),
        false_findings.len(),
        false_findings.len() - across,
        started.elapsed().as_secs_f64()
    );
    assert!(seen.len() >= 300, "only {} pairs", seen.len());
    // The target is none. One is left and was read: bbc/business/194 "18%" (gross
    // mortgage lending, year on year) against 323 "25%" (loans for house purchases),
    // matched to the wrong one of 194's two figures. A ceiling, so nothing gets worse.
    assert!(
        false_findings.len() <= 1,
        "{} quantity-conflict findings on pairs of different articles",
        false_findings.len()
    );
}

/// Each topic folder checked at once, every article dated the same day (all eight
/// folders take about 7 s in a debug build): no `quantity-conflict` but the reviewed ones.
#[test]
#[ignore = "needs ../shared/corpus/real"]
fn whole_topic_folders_same_day() {
    let started = Instant::now();
    let kb = kb::builtin().expect("built-in knowledge base loads");
    let arts = corpus();
    let mut total = 0;
    for &folder in FOLDERS {
        let t = Instant::now();
        let dir = tempfile::tempdir().expect("temp dir");
        let day = &arts
            .iter()
            .find(|a| a.folder == folder)
            .expect("articles")
            .day;
        let mut rels = Vec::new();
        for a in arts.iter().filter(|a| a.folder == folder) {
            let name = a.rel.replace('/', "_");
            fs::write(
                dir.path().join(&name),
                a.dated(day, PUBLISHER_A, "09:00", &a.body),
            )
            .expect("write");
            rels.push((name, a.rel.clone()));
        }
        let out = run(&kb, &[dir.path().to_path_buf()]);
        let found: Vec<String> = out
            .findings
            .iter()
            .filter(|f| f.rule == "quantity-conflict")
            .filter(|f| {
                !f.places.iter().any(|p| {
                    let file = &out.files[out.sources[p.source].file];
                    let text = file.text.get(p.span.clone()).unwrap_or("");
                    REVIEWED
                        .iter()
                        .any(|(r, t)| is_file(&file.path, &r.replace('/', "_")) && text.contains(t))
                })
            })
            .map(|f| {
                let files: HashSet<usize> = f
                    .places
                    .iter()
                    .map(|p| out.sources[p.source].file)
                    .collect();
                let how = if files.len() > 1 {
                    "across articles"
                } else {
                    "inside one article"
                };
                format!("({how}) {}", said(&out, f))
            })
            .collect();
        let across = found.iter().filter(|f| f.starts_with("(across")).count();
        eprintln!(
            "{folder}: {} articles, {} quantity-conflict findings besides the reviewed ones ({across} across articles), {:.1}s",
            rels.len(),
            found.len(),
            t.elapsed().as_secs_f64()
        );
        for s in &found {
            eprintln!("  {s}");
        }
        total += found.len();
    }
    eprintln!(
        "quantity-conflict findings besides the reviewed ones: {total}; {:.1}s",
        started.elapsed().as_secs_f64()
    );
    // Every article of a folder dated one day is a stress test (they span months):
    // the target is none; 58 today (64 before a stake stopped counting as a money
    // figure's measure, 115 before the alignment's rarity weights). A ceiling, so
    // nothing gets worse.
    assert!(
        total <= 58,
        "{total} quantity-conflict findings on whole topic folders dated one day"
    );
}
