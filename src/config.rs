//! `claimcheck.toml`: project settings, found by walking up from the working
//! directory (the first one wins) or named with `--config FILE`.
//!
//! ```toml
//! rules = ["kb"]                       # extra rules folders, relative to this file
//! include = ["**/*.md"]                # files found under folders: keep these …
//! exclude = ["drafts/**"]              # … but not these
//! reference_date = "2025-01-31"        # the date of articles with no date
//! [severity]
//! entity-name-variant = "off"          # error | warning | info | off
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::Error;
use crate::kb::{Kb, Level, RuleSettings};

/// The file name looked for.
pub const FILE_NAME: &str = "claimcheck.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    reference_date: Option<Spanned<String>>,
    claimreview: Option<ClaimReviewDoc>,
    lsp: Option<LspDoc>,
}

/// `[lsp]`: what the language server checks open articles against.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LspDoc {
    #[serde(default)]
    against: Vec<String>,
}

/// `[claimreview]`: who publishes `--format claimreview`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimReviewDoc {
    author: Option<String>,
    author_url: Option<String>,
}

/// A loaded configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// Where it was read from (`None`: no file, the defaults).
    pub path: Option<PathBuf>,
    /// Extra rules folders, resolved against the file's folder.
    pub rules: Vec<PathBuf>,
    /// Rule id → its level.
    pub severity: BTreeMap<String, Level>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    pub reference_date: Option<NaiveDate>,
    /// `[claimreview] author`: the organization that publishes the reviews.
    pub review_author: Option<String>,
    /// `[claimreview] author_url`: its web address.
    pub review_author_url: Option<String>,
    /// `[lsp] against`: claim indexes or folders the language server checks open
    /// articles against instead of their workspace folder (relative to this file).
    pub lsp_against: Vec<PathBuf>,
}

/// The first `claimcheck.toml` in `dir` or one of its ancestors.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The configuration in force: `explicit` if given, else the one found from the
/// working directory, else the defaults. `known` are the rule ids `[severity]` may name.
pub fn load(explicit: Option<&Path>, known: &[&str]) -> Result<Config, Error> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        // A file found above is named relative to the working directory where it can be.
        None => std::env::current_dir().ok().and_then(|d| {
            find(&d).map(|p| p.strip_prefix(&d).map_or(p.clone(), Path::to_path_buf))
        }),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = crate::read::small_file(&path, crate::read::MAX_CONFIG, "config")?;
    parse(&path, &text, known)
}

/// Parses the text of a configuration file read from `path`.
pub fn parse(path: &Path, text: &str, known: &[&str]) -> Result<Config, Error> {
    let shown = path.display().to_string();
    let err = |span: std::ops::Range<usize>, msg: String| at(&shown, text, span.start, msg);
    let doc: Doc = toml::from_str(text).map_err(|e| {
        // toml gives every parse error a span; 0 if one ever has none.
        let span = e.span().unwrap_or(0..0);
        err(span, e.message().trim().replace('\n', " "))
    })?;
    let mut severity = BTreeMap::new();
    for (id, level) in &doc.severity {
        if !known.contains(&id.get_ref().as_str()) {
            return Err(err(
                id.span(),
                format!(
                    "unknown rule \"{}\" (rules: {})",
                    id.get_ref(),
                    known.join(", ")
                ),
            ));
        }
        let Some(parsed) = Level::parse(level.get_ref()) else {
            return Err(err(
                level.span(),
                format!(
                    "severity \"{}\" is not one of error, warning, info, off",
                    level.get_ref()
                ),
            ));
        };
        severity.insert(id.get_ref().clone(), parsed);
    }
    let globs = |list: &[Spanned<String>]| -> Result<Option<GlobSet>, Error> {
        if list.is_empty() {
            return Ok(None);
        }
        let mut b = GlobSetBuilder::new();
        for g in list {
            b.add(Glob::new(g.get_ref()).map_err(|e| err(g.span(), e.kind().to_string()))?);
        }
        b.build()
            .map(Some)
            .map_err(|e| Error::Usage(format!("{shown}: {e}")))
    };
    let reference_date = match &doc.reference_date {
        Some(d) => Some(
            NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d").map_err(|_| {
                err(
                    d.span(),
                    format!("reference_date \"{}\" is not YYYY-MM-DD", d.get_ref()),
                )
            })?,
        ),
        None => None,
    };
    let base = path.parent().unwrap_or(Path::new(""));
    Ok(Config {
        path: Some(path.to_path_buf()),
        rules: doc.rules.iter().map(|r| base.join(r)).collect(),
        severity,
        include: globs(&doc.include)?,
        exclude: globs(&doc.exclude)?,
        reference_date,
        review_author: doc.claimreview.as_ref().and_then(|c| c.author.clone()),
        review_author_url: doc.claimreview.as_ref().and_then(|c| c.author_url.clone()),
        lsp_against: doc
            .lsp
            .iter()
            .flat_map(|l| &l.against)
            .map(|a| base.join(a))
            .collect(),
    })
}

/// `path:line:column: msg` for a byte offset of `text` (column in characters).
fn at(path: &str, text: &str, offset: usize, msg: String) -> Error {
    let (line, column) = crate::text::line_col(text, offset);
    Error::Rules {
        path: path.to_string(),
        line,
        column,
        msg,
    }
}

impl Config {
    /// Sets the `[severity]` levels over the knowledge base's own settings.
    pub fn apply_severity(&self, kb: &mut Kb) {
        for (id, &level) in &self.severity {
            kb.rules
                .entry(id.clone())
                .and_modify(|s| s.level = level)
                .or_insert_with(|| RuleSettings::new(level));
        }
    }

    /// Does a file found under a folder pass `include` and `exclude`? `rel` is its
    /// path relative to that folder, `shown` its path as printed; a glob matching
    /// either counts.
    pub fn wants(&self, rel: &Path, shown: &Path) -> bool {
        let shown = shown.strip_prefix(".").unwrap_or(shown);
        let hit = |g: &GlobSet| g.is_match(rel) || g.is_match(shown);
        self.include.as_ref().is_none_or(hit) && !self.exclude.as_ref().is_some_and(hit)
    }

    /// Whether any `include`/`exclude` glob is set.
    pub fn filters(&self) -> bool {
        self.include.is_some() || self.exclude.is_some()
    }
}
