//! Throughput benchmarks (`cargo bench --bench throughput`): the normalizer (reading
//! and claim extraction) in MB/s over `../shared/corpus/real` and over a synthetic
//! corpus, and the rules phase in claims/s at 10^4, 10^5 and 10^6 claims.
//!
//! The synthetic articles are made here from the built-in knowledge base (offices and
//! their holders, acronyms, company figures, dated agreements), with a few wrong
//! values so the rules have conflicts to group; `examples/gen-corpus.rs` makes the
//! larger, scored corpora for whole-command runs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use claimcheck::claims::{self, Claim};
use claimcheck::kb::Kb;
use claimcheck::read::{self, File, Source};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// splitmix64, so every run benchmarks the same text.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `files` files of three dated articles each, as (path, text).
fn synthetic(kb: &Kb, files: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    let offices: Vec<_> = kb
        .offices
        .iter()
        .filter_map(|o| {
            let alias = o
                .aliases
                .iter()
                .find(|a| a.is_ascii() && a.contains(' ') && !a.contains(" of "))?;
            Some((o, alias))
        })
        .collect();
    let acronyms: Vec<_> = kb
        .entities
        .iter()
        .filter(|e| e.name.is_ascii() && e.name.contains(' '))
        .filter_map(|e| Some((e, e.acronyms.iter().find(|a| a.is_ascii())?)))
        .collect();
    let companies: Vec<&str> = kb
        .offices
        .iter()
        .filter(|o| o.titles.iter().any(|t| t == "CEO"))
        .filter_map(|o| kb.entity(o.of.as_deref()?))
        .map(|e| e.name.as_str())
        .filter(|n| n.is_ascii())
        .collect();
    let start = NaiveDate::from_ymd_opt(2021, 1, 1).expect("a valid day");
    let mut out = Vec::with_capacity(files);
    for f in 0..files {
        let company = companies[rng.below(companies.len())];
        let day0 = start + chrono::Duration::days(rng.below(1700) as i64);
        let mut text = String::new();
        for k in 0..3 {
            let day = day0 + chrono::Duration::days(k);
            text.push_str(&format!(
                "Markets weigh the outlook\nHarbour Wire·{day} 09:00\n\n"
            ));
            let year = day.year() - 1;
            let truth = 20_000 + (company.len() as u64 * 7919 + year as u64 * 31) % 300 * 1000;
            let v = if rng.below(50) == 0 {
                truth * 3 / 2
            } else {
                truth
            };
            text.push_str(&format!(
                "{company} said its copper production reached {v} tonnes in {year}. "
            ));
            let (o, alias) = offices[rng.below(offices.len())];
            if let [holder] = o.holders_on(day).as_slice()
                && let Some(p) = kb.entity(holder)
            {
                text.push_str(&format!(
                    "{alias} {} told reporters the talks had made progress. ",
                    p.name
                ));
            }
            let (e, acr) = acronyms[rng.below(acronyms.len())];
            text.push_str(&format!(
                "The {} ({acr}) said it would review the matter.\n",
                e.name
            ));
            // One signing day a company and quarter, now and then misdated.
            let q = (day.month0() / 3) as usize;
            let signed = NaiveDate::from_ymd_opt(
                day.year(),
                (q * 3 + 1) as u32,
                1 + (company.len() * 3 + q) as u32 % 27,
            )
            .expect("a valid day");
            let signed = if rng.below(40) == 0 {
                signed + chrono::Duration::days(4)
            } else {
                signed
            };
            if signed < day {
                text.push_str(&format!(
                    "{company} signed the supply agreement on {}, and expects deliveries to start next year. ",
                    signed.format("%B %-d, %Y")
                ));
            }
            text.push_str("Traders said volumes were thin through the afternoon.\n\n");
        }
        out.push((format!("gen/d{:03}/a{f:06}.txt", f / 1000), text));
    }
    out
}

/// Reading (working text, article split) and claim extraction, from text in memory.
fn normalize(kb: &Kb, raw: &[(String, String)]) -> (Vec<File>, Vec<Source>, Vec<Claim>) {
    let mut files = Vec::with_capacity(raw.len());
    let mut sources = Vec::new();
    let parsed: Vec<_> = {
        use rayon::prelude::*;
        raw.par_iter()
            .map(|(p, t)| read::parse(p, t.clone()))
            .collect()
    };
    for (file, srcs) in parsed {
        let idx = files.len();
        sources.extend(srcs.into_iter().map(|s| Source { file: idx, ..s }));
        files.push(file);
    }
    let claims = claims::extract(kb, &files, &sources);
    (files, sources, claims)
}

fn real_corpus() -> Option<Vec<(String, String)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    if !dir.is_dir() {
        return None;
    }
    let (list, _) = read::collect(&[dir]);
    let files = list
        .iter()
        .filter_map(|p: &PathBuf| {
            let bytes = std::fs::read(p).ok()?;
            Some((p.display().to_string(), String::from_utf8(bytes).ok()?))
        })
        .collect();
    Some(files)
}

fn bench_normalizer(c: &mut Criterion) {
    let kb = claimcheck::kb::builtin().expect("the built-in knowledge base loads");
    let mut g = c.benchmark_group("normalizer");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    match real_corpus() {
        Some(real) => {
            let bytes: usize = real.iter().map(|(_, t)| t.len()).sum();
            g.throughput(Throughput::Bytes(bytes as u64));
            g.bench_function("real", |b| b.iter(|| normalize(&kb, &real)));
        }
        None => println!("normalizer/real: skipped, ../shared/corpus/real is absent"),
    }
    let gen_ = synthetic(&kb, 3000, 7);
    let bytes: usize = gen_.iter().map(|(_, t)| t.len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("generated-9k-articles", |b| {
        b.iter(|| normalize(&kb, &gen_))
    });
    g.finish();
}

fn bench_rules(c: &mut Criterion) {
    let kb = claimcheck::kb::builtin().expect("the built-in knowledge base loads");
    let mut g = c.benchmark_group("rules");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in [10_000usize, 100_000, 1_000_000] {
        // About 9 claims an article, 27 a file: make enough, then keep exactly n.
        let raw = synthetic(&kb, n / 20 + 1, n as u64);
        let (files, sources, mut claims) = normalize(&kb, &raw);
        assert!(claims.len() >= n, "{} claims for {n}", claims.len());
        claims.truncate(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("claims", n), &n, |b, _| {
            b.iter(|| claimcheck::rules::check(&kb, &files, &sources, &claims))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_normalizer, bench_rules);
criterion_main!(benches);
