//! A spinner on stderr for runs longer than a second: on a terminal only, never
//! when `CI` is set, never for machine formats (their readers are programs).

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Shown only after this long: a quick run prints nothing extra.
const DELAY: Duration = Duration::from_secs(1);

/// The spinner of one run; it clears itself when dropped.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A spinner for a run whose output is for people (`for_people`), when stderr
    /// is a terminal and `CI` is not set; otherwise one that shows nothing.
    pub fn start(for_people: bool) -> Progress {
        use std::io::IsTerminal;
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        if !for_people || ci || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        let shown = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(DELAY);
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Progress { bar: Some(bar) }
    }

    /// Says what the run does now.
    pub fn stage(&self, what: &str) {
        if let Some(b) = &self.bar {
            b.set_message(what.to_string());
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
