//! Errors that stop a run. Every one becomes a single line on stderr and exit status 2.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A file could not be read as an article (not UTF-8, binary, empty, unreadable).
    Input { path: String, msg: String },
    /// A rule or knowledge-base file is invalid; `line` and `column` are 1-based.
    Rules {
        path: String,
        line: usize,
        column: usize,
        msg: String,
    },
    /// Anything else the user asked for that cannot be done (bad path, bad option value).
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input { path, msg } => write!(f, "{path}: {msg}"),
            Error::Rules {
                path,
                line,
                column,
                msg,
            } => write!(f, "{path}:{line}:{column}: {msg}"),
            Error::Usage(msg) => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for Error {}
