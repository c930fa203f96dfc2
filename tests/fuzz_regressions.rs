//! Replays the fuzzers' interesting inputs (`tests/fuzz-regressions/<target>/`: the
//! crashes and timeouts they found, and a minimized corpus) through the same code the
//! fuzz targets run (`fuzz/harness.rs`): none may panic or take long.

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../fuzz/harness.rs"]
mod harness;

/// Far above what any of these inputs takes in a debug build; a hang trips it.
const BOUND: Duration = Duration::from_secs(20);

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("folder entry").path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    let mut failed = Vec::new();
    for p in &paths {
        let data = std::fs::read(p).expect("read input");
        let t = Instant::now();
        let ok = std::panic::catch_unwind(|| run(&data)).is_ok();
        let took = t.elapsed();
        if !ok || took > BOUND {
            failed.push(format!("{} (panicked: {}, {took:?})", p.display(), !ok));
        }
    }
    assert!(failed.is_empty(), "{target}: {failed:#?}");
}

#[test]
fn quantity_inputs() {
    replay("quantity", harness::quantity);
}

#[test]
fn reader_inputs() {
    replay("reader", harness::reader);
}

#[test]
fn extract_inputs() {
    replay("extract", harness::extract);
}

#[test]
fn kb_inputs() {
    replay("kb", harness::kb);
}
