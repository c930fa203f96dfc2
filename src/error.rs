//! Errors. Every one becomes a single line on stderr and exit status 2: an input
//! file's error skips that file (the others are still checked), any other stops the run.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A file could not be read as an article (not UTF-8, binary, unreadable, not a
    /// regular file); `offset` is the byte where the problem is, when there is one.
    Input {
        path: String,
        msg: String,
        offset: Option<usize>,
    },
    /// A rule or knowledge-base file is invalid; `line` and `column` are 1-based.
    Rules {
        path: String,
        line: usize,
        column: usize,
        msg: String,
    },
    /// Anything else the user asked for that cannot be done (bad path, bad option value).
    Usage(String),
    /// A broken internal invariant: a bug, reported instead of silently wrong output.
    Internal(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input { path, msg, .. } => write!(f, "{path}: {msg}"),
            Error::Rules {
                path,
                line,
                column,
                msg,
            } => write!(f, "{path}:{line}:{column}: {msg}"),
            Error::Usage(msg) => write!(f, "{msg}"),
            Error::Internal(msg) => write!(f, "internal error (a bug): {msg}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// An input error with no byte offset.
    pub fn input(path: impl Into<String>, msg: impl Into<String>) -> Error {
        Error::Input {
            path: path.into(),
            msg: msg.into(),
            offset: None,
        }
    }

    /// A broken invariant: fails debug builds and tests at once, and is an error
    /// (exit status 2) in a release build.
    pub fn internal(msg: impl Into<String>) -> Error {
        let msg = msg.into();
        debug_assert!(false, "internal error: {msg}");
        Error::Internal(msg)
    }

    /// The error as one entry of a report's `errors` array: `file`, `message` and,
    /// where known, `offset` (the byte where the file stops being readable text).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Error::Input { path, msg, offset } => {
                let mut v = serde_json::json!({"file": path, "message": msg});
                if let Some(o) = offset {
                    v["offset"] = serde_json::json!(o);
                }
                v
            }
            Error::Rules {
                path,
                line,
                column,
                msg,
            } => serde_json::json!({"file": path, "line": line, "column": column, "message": msg}),
            Error::Usage(msg) | Error::Internal(msg) => serde_json::json!({"message": msg}),
        }
    }
}
