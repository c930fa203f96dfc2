//! The rules' settings as the knowledge base holds them: a level for each rule and
//! its numeric parameters, with where each is written. The knowledge base does not
//! know the rules: the rules layer checks the ids and keys against its registry and
//! reads the parameters into each rule's typed struct, reporting at these places.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};

use crate::Error;

/// How a rule's findings are reported, or `Off`: not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    /// `error`, `warning`, `info` or `off`, as `rules/` and `claimcheck.toml` write it.
    pub fn parse(s: &str) -> Option<Level> {
        let d: serde::de::value::StrDeserializer<serde::de::value::Error> = s.into_deserializer();
        Level::deserialize(d).ok()
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A byte offset in a rule file, kept so that a layer above the knowledge base can
/// report a problem at its file, line and column.
#[derive(Debug, Clone)]
pub struct Spot {
    pub path: Arc<str>,
    pub src: Arc<str>,
    pub offset: usize,
}

impl Spot {
    /// `path:line:column: msg`.
    pub fn error(&self, msg: String) -> Error {
        let (line, column) = crate::text::line_col(&self.src, self.offset);
        Error::Rules {
            path: self.path.to_string(),
            line,
            column,
            msg,
        }
    }
}

/// A parameter's value: TOML keeps integers and floats apart, and so do the typed
/// parameters (a count is an integer).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Num;
            // As serde words it for the `f64` parameters were before.
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("f64")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Num, E> {
                Ok(Num::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Num, E> {
                i64::try_from(v)
                    .map(Num::Int)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Num, E> {
                Ok(Num::Float(v))
            }
        }
        d.deserialize_any(V)
    }
}

impl Num {
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    pub fn to_toml(self) -> toml::Value {
        match self {
            Num::Int(i) => toml::Value::Integer(i),
            Num::Float(f) => toml::Value::Float(f),
        }
    }
}

/// One parameter as written: its value, and where its key and value are.
#[derive(Debug, Clone)]
pub struct Param {
    pub value: Num,
    pub key: Spot,
    pub at: Spot,
}

/// A rule's settings: `rules/settings.toml` merged with `--rules` files key by key,
/// then `claimcheck.toml`'s `[severity]`.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    pub level: Level,
    /// Parameters by name, untyped: the rule's module types them.
    pub params: BTreeMap<String, Param>,
    /// Where the rule's id is written (none when only `claimcheck.toml` names it,
    /// which checks its own ids).
    pub at: Option<Spot>,
}

impl RuleSettings {
    /// A level with no parameters, written nowhere in `rules/`.
    pub fn new(level: Level) -> RuleSettings {
        RuleSettings {
            level,
            params: BTreeMap::new(),
            at: None,
        }
    }

    /// The parameters as a TOML table, for deserialising into a typed struct.
    pub fn table(&self) -> toml::Table {
        self.params
            .iter()
            .map(|(k, p)| (k.clone(), p.value.to_toml()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_as_they_are_named() {
        for l in [Level::Off, Level::Info, Level::Warning, Level::Error] {
            assert_eq!(Level::parse(l.name()), Some(l));
        }
        assert_eq!(Level::parse("loud"), None);
        assert_eq!(Level::parse("Error"), None);
    }
}
