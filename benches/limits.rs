//! Time and memory must grow linearly with input size: each pathological input runs
//! through the whole pipeline (read, extract, rules) at sizes n and 8n, and the ratios
//! must stay under a generous bound (the whole-command cases at the end: 1.2×
//! linear). `cargo bench --bench limits` prints the table; `LIMITS_SCALE=0.25` runs
//! every size at a quarter.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use claimcheck::{engine, kb, read};

/// Counts live heap bytes and their peak, for the memory ratio.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                let now = LIVE.fetch_add(new - l.size(), Ordering::Relaxed) + new - l.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// 8× the input may take at most this many times as long (linear is 8×) or as much
/// memory at its peak.
const MAX_RATIO: f64 = 16.0;

/// Below this the timer and the allocator's noise dominate: the ratio is not judged.
const NOISE: Duration = Duration::from_millis(30);

struct Case {
    name: &'static str,
    /// The file name (its extension picks the reader).
    path: &'static str,
    /// The size unit at n.
    n: usize,
    make: fn(usize) -> String,
}

fn repeat(unit: &str, k: usize) -> String {
    unit.repeat(k)
}

const BYLINE: &str = "Wire·2024-05-02 10:00\n";

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "digit and separator runs",
            path: "digits.txt",
            n: 50_000,
            make: |k| format!("{BYLINE}{}", repeat("1234567890.,-", k)),
        },
        Case {
            name: "1,1,1,…",
            path: "ones.txt",
            n: 100_000,
            make: |k| format!("{BYLINE}Output was {} tonnes.", repeat("1,", k)),
        },
        Case {
            name: "to to to",
            path: "to.txt",
            n: 50_000,
            make: |k| format!("{BYLINE}Exports rose 5 {}6%.", repeat("to ", k)),
        },
        Case {
            name: "1 to 2 to 3 …",
            path: "ranges.txt",
            n: 25_000,
            make: |k| {
                let mut s = String::from(BYLINE);
                for i in 0..k {
                    s.push_str(&format!("{i} to "));
                }
                s.push_str("9%.");
                s
            },
        },
        // The number forms of issue 16: spaced thousands, number-word groups, Chinese
        // scales between digits, signs, shares and changes, each run on and on.
        Case {
            name: "spaced digit groups",
            path: "spaced.txt",
            n: 25_000,
            make: |k| format!("{BYLINE}Output was {}7 tonnes.", repeat("123 ", k)),
        },
        Case {
            name: "number-word groups",
            path: "words.txt",
            n: 10_000,
            make: |k| {
                format!(
                    "{BYLINE}{}people.",
                    repeat("two thousand five hundred and ", k)
                )
            },
        },
        Case {
            name: "digits between Chinese scales",
            path: "cn-scales.txt",
            n: 12_500,
            make: |k| format!("{BYLINE}产量{}吨。", repeat("5万4千6百", k)),
        },
        Case {
            name: "Chinese numerals with 几 and 多",
            path: "cn-ji.txt",
            n: 12_500,
            make: |k| format!("{BYLINE}约{}万人。", repeat("二十几多余", k)),
        },
        Case {
            name: "signs, shares and changes",
            path: "signs.txt",
            n: 12_500,
            make: |k| format!("{BYLINE}{}five.", repeat("-1 one in rose from 5% to ", k)),
        },
        Case {
            name: "nested parentheses",
            path: "parens.txt",
            n: 12_500,
            make: |k| format!("{BYLINE}Rates {}rose 12%{}.", "(".repeat(k), ")".repeat(k)),
        },
        Case {
            name: "nested HTML elements",
            path: "nested.html",
            n: 5_000,
            make: |k| {
                format!(
                    "<p>{BYLINE}</p>{}Exports rose 12% to $4.2 billion.{}",
                    "<div><span>".repeat(k),
                    "</span></div>".repeat(k)
                )
            },
        },
        Case {
            name: "acronym definitions (8n = 100,000)",
            path: "acronyms.txt",
            n: 12_500,
            make: |k| {
                let mut s = String::from(BYLINE);
                for i in 0..k {
                    let (a, b) = (b'A' + (i % 26) as u8, b'A' + (i / 26 % 26) as u8);
                    s.push_str(&format!(
                        "the Foo{} Bar{} ({}{}) ",
                        a as char, b as char, a as char, b as char
                    ));
                }
                s
            },
        },
        Case {
            name: "numbers on one line (8n = 1,000,000)",
            path: "numbers.txt",
            n: 125_000,
            make: |k| {
                let mut s = String::from(BYLINE);
                for i in 0..k {
                    s.push_str(&format!("{} ", i % 1000 + 1));
                }
                s
            },
        },
        Case {
            name: "prose on one line (8n = 10 MB)",
            path: "line.txt",
            n: 1_250_000 / 80,
            make: |k| {
                let unit = "the Central Bank said exports rose 12% to $4.2 billion in 2023 and ";
                let unit = format!("{unit:<80}");
                format!("{BYLINE}{}", repeat(&unit, k))
            },
        },
    ]
}

/// Runs the pipeline once; returns the time and the peak heap bytes above the start.
fn run(kb: &kb::Kb, path: &str, text: String) -> (Duration, usize, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let t = Instant::now();
    let (file, sources) = read::parse(path, text);
    let files = vec![file];
    let (claims, findings) = engine::check_article(kb, &files, &sources);
    let took = t.elapsed();
    let n = claims.len() + findings.len();
    drop((files, claims, findings));
    (took, PEAK.load(Ordering::Relaxed) - base, n)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter picks cases by name.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    // `cargo test` runs this harness too (without `--bench`, in the debug build): at
    // a quarter of the sizes, so that CI asserts the ratios in reasonable time.
    let bench = std::env::args().any(|a| a == "--bench");
    let scale: f64 = std::env::var("LIMITS_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if bench { 1.0 } else { 0.25 });
    // One worker thread: the harness measures how the work grows. With two, a small
    // input's rules run side by side while a large one waits on its longest rule,
    // and the wall-time ratio then shows the scheduling, not the work.
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
        .expect("the harness's thread pool is built first");
    let kb = kb::builtin().expect("built-in knowledge base");
    println!(
        "{:<40} {:>10} {:>10} {:>10} {:>7} {:>9} {:>9} {:>7}",
        "input", "bytes 8n", "time n", "time 8n", "ratio", "peak n", "peak 8n", "ratio"
    );
    let mut bad = Vec::new();
    for c in cases() {
        if !filter.is_empty() && !filter.iter().any(|f| c.name.contains(f.as_str())) {
            continue;
        }
        let n = ((c.n as f64 * scale) as usize).max(1);
        let small = (c.make)(n);
        let big = (c.make)(8 * n);
        let bytes = big.len();
        // A warm-up run, then the two sizes, each the fastest of three runs: a loaded
        // machine slows single runs by whole milliseconds.
        let _ = run(&kb, c.path, small.clone());
        let best = |text: &String| {
            (0..3)
                .map(|_| run(&kb, c.path, text.clone()))
                .min_by_key(|r| r.0)
                .unwrap_or_default()
        };
        let (t1, m1, _) = best(&small);
        let (t8, m8, _) = best(&big);
        let tr = t8.as_secs_f64() / t1.as_secs_f64();
        let mr = m8 as f64 / m1.max(1) as f64;
        println!(
            "{:<40} {:>10} {:>9.1?} {:>9.1?} {:>6.1}x {:>8.1}M {:>8.1}M {:>6.1}x",
            c.name,
            bytes,
            t1,
            t8,
            tr,
            m1 as f64 / 1e6,
            m8 as f64 / 1e6,
            mr
        );
        if t8 > NOISE && tr > MAX_RATIO {
            bad.push(format!("{}: time {tr:.1}x", c.name));
        }
        if m8 > 1 << 20 && mr > MAX_RATIO {
            bad.push(format!("{}: memory {mr:.1}x", c.name));
        }
    }
    for c in whole_cases() {
        if !filter.is_empty() && !filter.iter().any(|f| c.name.contains(f.as_str())) {
            continue;
        }
        let n = ((c.n as f64 * scale) as usize).max(1);
        let dir = std::env::temp_dir().join(format!("claimcheck-limits-{}", std::process::id()));
        let small = dir.join("n");
        let big = dir.join("8n");
        let mut bytes = 0;
        for (d, k) in [(&small, n), (&big, 8 * n)] {
            std::fs::create_dir_all(d).expect("a temporary folder");
            bytes = 0;
            for (name, text) in (c.make)(k) {
                bytes += text.len();
                std::fs::write(d.join(name), text).expect("a temporary file");
            }
        }
        let ready = [(c.prepare)(&kb, &small), (c.prepare)(&kb, &big)];
        let _ = measure(|| (c.run)(&kb, &small, ready[0].as_ref()));
        // The fastest of five runs of each size, the sizes taking turns: a burst of
        // load on a shared machine then slows one run of each, not every run of one.
        let (mut t1, mut m1, mut t8, mut m8) = (Duration::MAX, 0, Duration::MAX, 0);
        for _ in 0..5 {
            let (t, m) = measure(|| (c.run)(&kb, &small, ready[0].as_ref()));
            (t1, m1) = if t < t1 { (t, m) } else { (t1, m1) };
            let (t, m) = measure(|| (c.run)(&kb, &big, ready[1].as_ref()));
            (t8, m8) = if t < t8 { (t, m) } else { (t8, m8) };
        }
        let _ = std::fs::remove_dir_all(&dir);
        let tr = t8.as_secs_f64() / t1.as_secs_f64();
        let mr = m8 as f64 / m1.max(1) as f64;
        println!(
            "{:<40} {:>10} {:>9.1?} {:>9.1?} {:>6.1}x {:>8.1}M {:>8.1}M {:>6.1}x",
            c.name,
            bytes,
            t1,
            t8,
            tr,
            m1 as f64 / 1e6,
            m8 as f64 / 1e6,
            mr
        );
        if t8 > NOISE && tr > LINEAR_RATIO {
            bad.push(format!("{}: time {tr:.1}x", c.name));
        }
        if m8 > 1 << 20 && mr > LINEAR_RATIO {
            bad.push(format!("{}: memory {mr:.1}x", c.name));
        }
    }
    assert!(bad.is_empty(), "super-linear: {bad:?}");
}

/// For the cases below: 8× the input at most 1.2× linear (8 × 1.2) in time and peak
/// memory.
const LINEAR_RATIO: f64 = 9.6;

/// A case run through a whole command's work from files on disk: a knowledge base
/// with `--rules`, `check` of a folder, or `extract --format json`.
struct WholeCase {
    name: &'static str,
    n: usize,
    /// The files written into the case's folder: name and text.
    make: fn(usize) -> Vec<(String, String)>,
    /// Work done before the timing (what another case measures).
    prepare: fn(&kb::Kb, &std::path::Path) -> Box<dyn std::any::Any>,
    /// The work, given the folder and what `prepare` made; returns something sized
    /// so that it is not optimized out.
    run: fn(&kb::Kb, &std::path::Path, &dyn std::any::Any) -> usize,
}

fn whole_cases() -> Vec<WholeCase> {
    fn nothing(_: &kb::Kb, _: &std::path::Path) -> Box<dyn std::any::Any> {
        Box::new(())
    }
    fn rules(_: &kb::Kb, dir: &std::path::Path, _: &dyn std::any::Any) -> usize {
        let kb = kb::load(&[dir]).expect("the generated rules load");
        kb.vocabulary.len() + kb.entities.len()
    }
    /// `check` of the folder, as the command runs it (read, extract, every rule).
    fn check(kb: &kb::Kb, dir: &std::path::Path, _: &dyn std::any::Any) -> usize {
        let skip = |_: &claimcheck::Error| {};
        let out = engine::run(kb, &[dir.to_path_buf()], &engine::Options::new(&skip))
            .expect("the generated articles are read");
        out.claims + out.findings.len()
    }
    fn one(name: &str, text: String) -> Vec<(String, String)> {
        vec![(name.to_string(), text)]
    }
    vec![
        WholeCase {
            name: "--rules measures (8n = 100,000)",
            n: 12_500,
            make: |k| {
                one(
                    "measures.toml",
                    (0..k)
                        .map(|i| format!("[[measure]]\nkey = \"k{i}\"\nterms = [\"term{i} alpha\", \"word{i}\"]\n\n"))
                        .collect(),
                )
            },
            prepare: nothing,
            run: rules,
        },
        WholeCase {
            name: "--rules organizations (8n = 100,000)",
            n: 12_500,
            make: |k| {
                one(
                    "organizations.toml",
                    (0..k)
                        .map(|i| {
                            format!(
                                "[[organization]]\nid = \"org{i}\"\nname = \"Orgname{i} Holdings\"\n\
                                 aliases = [\"Orgalias{i} Group\"]\nacronyms = [\"OX{i}\"]\n\
                                 source = {{ publisher = \"p\", document = \"d\", date = \"2024-01-01\" }}\n\n"
                            )
                        })
                        .collect(),
                )
            },
            prepare: nothing,
            run: rules,
        },
        WholeCase {
            // What `extract --format json` does for every claim of a long line: its
            // line and column (counting the line's characters each time made one
            // 2 MB line take 15 s).
            name: "read + columns on one line (8n = 8 MB)",
            n: 1_000_000 / 80,
            make: |k| {
                let unit = "the Central Bank said exports rose 12% to $4.2 billion in 2023 and ";
                one(
                    "line.txt",
                    format!("{BYLINE}{}", repeat(&format!("{unit:<80}"), k)),
                )
            },
            prepare: nothing,
            run: |_, dir, _| {
                let (files, _, _) = read::read_all(&[dir.to_path_buf()]);
                let f = &files[0];
                (0..f.text.len().saturating_sub(8))
                    .step_by(80)
                    .map(|k| f.location(k..k + 5).column)
                    .sum()
            },
        },
        WholeCase {
            // Every article names one person, one figure for one year and one
            // meeting in the same month: 20,000 such files took 52 s and 6 GB when
            // a comparison group was all pairs, and dates in one window were paired
            // across the whole run instead of along story links.
            name: "articles sharing a person and a figure (8n = 16,000 files)",
            n: 2_000,
            make: |k| {
                (0..k)
                    .map(|i| {
                        (
                            format!("a{i:06}.txt"),
                            format!(
                                "Rates update {i}\nBy Staff | March {}, 2024\n\n\
                                 Jerome Powell said inflation was {:.1}% in 2024. \
                                 Jerome Powell met the board on March {}, 2024.\n",
                                1 + i % 27,
                                2.0 + (i % 7) as f64 / 10.0,
                                1 + i % 28
                            ),
                        )
                    })
                    .collect()
            },
            prepare: nothing,
            run: check,
        },
        WholeCase {
            // Articles no story ties together, each giving figures of one subject
            // for one year (some of them wrong): they meet through the subject's
            // index, and each pair of sources was aligned, the square of the
            // sources, until a subject's figures were gathered into claims.
            name: "unrelated articles on one subject (8n = 200 files)",
            n: 25,
            make: |k| {
                const MEASURES: [&str; 6] = [
                    "lithium output",
                    "copper exports",
                    "nickel imports",
                    "cobalt production",
                    "graphite sales",
                    "zinc shipments",
                ];
                (0..k)
                    .map(|i| {
                        let body: Vec<String> = MEASURES
                            .iter()
                            .enumerate()
                            .map(|(j, m)| {
                                let wrong = (i + j) % 7 == 0;
                                let v = (10 + j) * 1000 * if wrong { 2 } else { 1 };
                                format!("Kestland's {m} reached {v} tonnes in 2023.")
                            })
                            .collect();
                        (
                            format!("a{i:06}.txt"),
                            format!(
                                "Dispatch {i}\nBy Staff | March {}, 2024\n\n{}\n",
                                1 + i % 27,
                                body.join(" ")
                            ),
                        )
                    })
                    .collect()
            },
            prepare: nothing,
            run: check,
        },
        WholeCase {
            // One article of many different claims (subjects, measures, years,
            // units): 20 MB took 57 s.
            name: "one article dense with claims (8n = 2 MB)",
            n: 250_000 / 120,
            make: |k| one("dense.txt", format!("{BYLINE}{}", dense(k, "\n"))),
            prepare: nothing,
            run: check,
        },
        WholeCase {
            // The same, written out as `extract --format json` writes it: a 2 MB
            // line took 14.6 s, and the JSON tree ten times the output's size.
            name: "extract --format json of one line (8n = 2 MB)",
            n: 250_000 / 120,
            make: |k| one("line.txt", format!("{BYLINE}{}", dense(k, " "))),
            prepare: nothing,
            run: |kb, dir, _| {
                let skip = |_: &claimcheck::Error| {};
                let (inputs, claims) =
                    engine::extract(kb, &[dir.to_path_buf()], &engine::Options::new(&skip))
                        .expect("the generated article is read");
                // Written as the command writes it, to a sink that counts the bytes:
                // the output is not held in memory, so it is not in the peak.
                let mut sink = Counted(0);
                claimcheck::report::extract::write_json(
                    &mut sink,
                    &claims,
                    &inputs.files,
                    &inputs.sources,
                    &[],
                )
                .expect("a sink takes every write");
                sink.0
            },
        },
        WholeCase {
            // Many articles of several paragraphs in one file, each with its own
            // byline: the real corpus in one 50 MB file took 61 s and 4 GB, a
            // context lookup lowercasing the whole article for every ambiguous name
            // and a covered-span scan for every name run.
            name: "one file of many articles (8n = 1,600 articles)",
            n: 200,
            make: |k| {
                let mut s = String::new();
                for a in 0..k {
                    s.push_str(&format!(
                        "Report {a}\nBy Desk | April {}, 2024\n\n",
                        1 + a % 28
                    ));
                    s.push_str(&dense(40, "\n\n"));
                    s.push_str("\n\n");
                }
                one("many.txt", s)
            },
            prepare: nothing,
            run: check,
        },
    ]
}

/// A writer that keeps only the number of bytes written to it.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len();
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `k` sentences of different claims (about 120 bytes each) joined by `sep`:
/// subjects, an ambiguous acronym, measures, units and years vary with `i`, so
/// figures fall into many comparison groups, not one.
fn dense(k: usize, sep: &str) -> String {
    const SUBJECTS: [&str; 6] = [
        "Valdonia Steel",
        "the BIS",
        "Norland Mining",
        "Acme Corp",
        "the government",
        "Halvern Motors",
    ];
    const MEASURES: [&str; 5] = ["revenue", "output", "exports", "profit", "shipments"];
    let mut s = String::new();
    for i in 0..k {
        s.push_str(&format!(
            "{} said {} rose {}.{}% to ${}.{} billion in {}, while stocks fell to {} tonnes.{sep}",
            SUBJECTS[i % SUBJECTS.len()],
            MEASURES[i / 7 % MEASURES.len()],
            1 + i % 19,
            i % 10,
            1 + i % 97,
            i % 10,
            1990 + i % 35,
            100 + i % 9_973
        ));
    }
    s
}

/// Runs `f` once; returns the time and the peak heap bytes above the start.
fn measure(f: impl FnOnce() -> usize) -> (Duration, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let (t, cpu) = (Instant::now(), cpu_time());
    let n = f();
    // The process's CPU time (every thread's, without the time a loaded machine
    // spends elsewhere); wall time where there is none.
    let took = match (cpu, cpu_time()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => t.elapsed(),
    };
    std::hint::black_box(n);
    (took, PEAK.load(Ordering::Relaxed).saturating_sub(base))
}

/// The CPU time of this process (every thread's), to the nanosecond
/// (`CLOCK_PROCESS_CPUTIME_ID`; `/proc/self/stat` counted 10 ms ticks, a tenth of
/// a small case's time), or `None` where there is none.
#[cfg(unix)]
fn cpu_time() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    ok.then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

#[cfg(not(unix))]
fn cpu_time() -> Option<Duration> {
    None
}
