//! `check --watch`: check, then check again whenever an article under the paths
//! changes, until Ctrl-C.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use super::{CheckArgs, Color, check, input_paths};
use claimcheck::Error;

/// A burst of saves (an editor's temporary file, then the rename) is one change:
/// the run waits until the paths are quiet this long.
const SETTLE: Duration = Duration::from_millis(150);

enum Msg {
    Changed(Vec<PathBuf>),
    Stop,
}

/// Runs `check` now and after every change of an article under the paths; Ctrl-C
/// ends it with status 0. A run that fails (a rule file being edited, an article
/// half written) is reported and the watch goes on.
pub fn run(config: Option<&Path>, color: Color, mut a: CheckArgs) -> Result<u8, Error> {
    if a.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(Error::Usage(
            "--watch cannot watch standard input (`-`)".into(),
        ));
    }
    // A --files-from list is read once; the runs use the paths it gave.
    let Some(paths) = input_paths(a.paths.clone(), &a.common)? else {
        return Ok(0);
    };
    a.paths = paths;
    a.common.files_from = None;
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Msg::Stop);
    })
    .map_err(|e| Error::Usage(format!("--watch cannot catch Ctrl-C: {e}")))?;
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res
            && matches!(
                ev.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            )
        {
            let _ = tx.send(Msg::Changed(ev.paths));
        }
    })
    .map_err(|e| Error::Usage(format!("--watch: {e}")))?;
    for p in &a.paths {
        let mode = if p.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        watcher
            .watch(p, mode)
            .map_err(|e| Error::Usage(format!("{}: cannot watch: {e}", p.display())))?;
    }
    let output = a.common.output.clone();
    // The report written into a watched folder must not start the next run.
    let relevant = |p: &PathBuf| {
        claimcheck::read::is_article_name(p)
            && output
                .as_ref()
                .is_none_or(|o| o.file_name() != p.file_name())
    };
    let clear = std::io::stdout().is_terminal();
    let mut first = true;
    loop {
        if clear && !first {
            print!("\x1b[2J\x1b[H");
            let _ = std::io::stdout().flush();
        }
        first = false;
        match check(config, color, a.clone()) {
            Ok(code) => eprintln!("claimcheck: watching (exit status {code}); Ctrl-C stops"),
            Err(e) => eprintln!(
                "claimcheck: error: {}; watching",
                claimcheck::text::escape_name(&e.to_string())
            ),
        }
        loop {
            match rx.recv() {
                Ok(Msg::Changed(ps)) if ps.iter().any(relevant) => break,
                Ok(Msg::Changed(_)) => {}
                Ok(Msg::Stop) | Err(_) => return Ok(stopped()),
            }
        }
        loop {
            match rx.recv_timeout(SETTLE) {
                Ok(Msg::Changed(_)) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => return Ok(stopped()),
            }
        }
    }
}

fn stopped() -> u8 {
    eprintln!("claimcheck: stopped watching");
    0
}
