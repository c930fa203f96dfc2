//! Loading and validating `rules/*.toml`.
//!
//! Every file is read into one `FileDoc` (its top-level keys say which tables it
//! holds), so users may name their files as they like. Values keep their spans so
//! that every problem is reported at its file, line and column.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use super::{
    Entity, EntityType, Equivalent, Event, Example, Figure, FigureValue, Gazetteer, Kb, Office,
    Renamed, RuleSettings, SourceRef, Term, VocabTerm, fold_name,
};
use crate::Error;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

const SEVERITIES: [&str; 4] = ["error", "warning", "info", "off"];

/// The knowledge base compiled into the binary (the repository's `rules/`).
pub fn builtin() -> Result<Kb, Error> {
    // Built afresh from the cached parse: cloning a cached knowledge base costs
    // more than building it (the automaton is the exception, and it is built once
    // per process anyway).
    build(builtin_docs()?)
}

/// The built-in knowledge base with every `*.toml` under `dirs` added (overriding by id).
pub fn load(dirs: &[&Path]) -> Result<Kb, Error> {
    let mut paths = Vec::new();
    for dir in dirs {
        paths.extend(toml_files(dir)?);
    }
    if paths.is_empty() {
        return builtin();
    }
    let mut files = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p)
            .map_err(|e| Error::Usage(format!("{}: cannot read rule file: {e}", p.display())))?;
        files.push(SrcFile {
            path: p.display().to_string().into(),
            text: text.into(),
        });
    }
    let base = builtin_docs()?;
    let mut docs = base.clone();
    let extra = collect(files, base.files.len())?;
    docs.overlay(extra);
    build(&docs)
}

/// The parsed built-in files, once per process.
fn builtin_docs() -> Result<&'static Docs, Error> {
    static BUILTIN: OnceLock<Result<Docs, Error>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            let files = BUILTIN_RULES
                .iter()
                .map(|(path, text)| SrcFile {
                    path: (*path).into(),
                    text: (*text).into(),
                })
                .collect();
            collect(files, 0)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Every `*.toml` under `dir` (or `dir` itself if it is a file), sorted by path.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if dir.is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{}: no such rules folder",
            dir.display()
        )));
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| Error::Usage(format!("{}: cannot read folder: {e}", d.display())))?;
        for entry in entries.flatten() {
            let p = entry.path();
            // Symlinked folders are not followed, so a link cycle cannot loop.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml")
                && p.is_file()
                && !crate::text::lexicon::is_lexicon(&p)
            {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

// ---------------------------------------------------------------------------
// The file format (see rules/README.md).

type S = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(default)]
    person: Vec<PersonDoc>,
    #[serde(default)]
    organization: Vec<OrganizationDoc>,
    #[serde(default)]
    place: Vec<PlaceDoc>,
    #[serde(default)]
    office: Vec<OfficeDoc>,
    #[serde(default)]
    figure: Vec<FigureDoc>,
    #[serde(default)]
    event: Vec<EventDoc>,
    #[serde(default)]
    rule: BTreeMap<S, RuleDoc>,
    #[serde(default)]
    measure: Vec<MeasureDoc>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct SourceDoc {
    publisher: S,
    document: S,
    date: Spanned<DateIn>,
}

/// A date written as a string (`"2024-10-01"`) or as a TOML date (`2024-10-01`).
#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum DateIn {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateIn {
    fn text(&self) -> String {
        match self {
            DateIn::Text(s) => s.clone(),
            DateIn::Toml(d) => d.to_string(),
        }
    }
}

/// `{ text = "…", on = "YYYY-MM-DD", flag = "rule-id" }`: see `super::Example`.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct ExampleDoc {
    text: S,
    on: Option<Spanned<DateIn>>,
    flag: Option<S>,
    #[serde(default)]
    lookalike: bool,
}

type Examples = Vec<Spanned<ExampleDoc>>;

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RenamedDoc {
    from: S,
    on: Spanned<DateIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonDoc {
    id: S,
    name: S,
    #[serde(default)]
    aliases: Vec<S>,
    #[serde(default)]
    surnames: Vec<S>,
    #[serde(default)]
    contexts: Vec<S>,
    #[serde(default)]
    misspellings: Vec<S>,
    source: SourceDoc,
    #[serde(default)]
    examples: Examples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganizationDoc {
    id: S,
    name: S,
    #[serde(default)]
    aliases: Vec<S>,
    #[serde(default)]
    acronyms: Vec<S>,
    #[serde(default)]
    contexts: Vec<S>,
    #[serde(default)]
    misspellings: Vec<S>,
    #[serde(default)]
    renamed: Vec<RenamedDoc>,
    /// A body that mostly reports or receives others' figures (an agency, a regulator).
    #[serde(default)]
    reporter: bool,
    source: SourceDoc,
    #[serde(default)]
    examples: Examples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceDoc {
    id: S,
    name: S,
    #[serde(default)]
    aliases: Vec<S>,
    #[serde(default)]
    acronyms: Vec<S>,
    #[serde(default)]
    adjectives: Vec<S>,
    #[serde(default)]
    contexts: Vec<S>,
    #[serde(default)]
    misspellings: Vec<S>,
    operator: Option<S>,
    #[serde(default)]
    renamed: Vec<RenamedDoc>,
    source: SourceDoc,
    #[serde(default)]
    examples: Examples,
}

/// People, organizations and places in one shape.
#[derive(Clone)]
struct EntityDoc {
    kind: EntityType,
    id: S,
    name: S,
    aliases: Vec<S>,
    acronyms: Vec<S>,
    surnames: Vec<S>,
    adjectives: Vec<S>,
    contexts: Vec<S>,
    misspellings: Vec<S>,
    operator: Option<S>,
    renamed: Vec<RenamedDoc>,
    reporter: bool,
    source: SourceDoc,
    examples: Examples,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct OfficeDoc {
    id: S,
    name: S,
    #[serde(default)]
    titles: Vec<S>,
    of: Option<S>,
    #[serde(default)]
    aliases: Vec<S>,
    #[serde(default)]
    holders: Vec<HolderDoc>,
    source: SourceDoc,
    #[serde(default)]
    examples: Examples,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct HolderDoc {
    person: S,
    from: Spanned<DateIn>,
    to: Option<Spanned<DateIn>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct FigureDoc {
    id: S,
    name: S,
    #[serde(default)]
    subject: Option<S>,
    #[serde(default)]
    terms: Vec<S>,
    unit: S,
    #[serde(default)]
    tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    equivalents: Vec<Spanned<EquivalentDoc>>,
    #[serde(default)]
    values: Vec<Spanned<ValueDoc>>,
    source: SourceDoc,
    #[serde(default)]
    examples: Examples,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct EquivalentDoc {
    basis: String,
    factor: f64,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct ValueDoc {
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    from: Spanned<DateIn>,
    to: Option<Spanned<DateIn>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct EventDoc {
    id: S,
    name: S,
    #[serde(default)]
    subjects: Vec<S>,
    #[serde(default)]
    terms: Vec<S>,
    date: Spanned<DateIn>,
    source: SourceDoc,
    #[serde(default)]
    examples: Examples,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RuleDoc {
    severity: Option<S>,
    #[serde(default)]
    params: BTreeMap<String, f64>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct MeasureDoc {
    /// `measure` (the default), `event`, `forecast`, `former` or `increment`.
    class: Option<S>,
    key: S,
    terms: Vec<S>,
    /// `false`: a quantity this word measures is never checked against a reference
    /// figure ("production capacity", "quota").
    #[serde(default)]
    reference: Option<bool>,
}

const VOCAB_CLASSES: &[&str] = &["measure", "event", "forecast", "former", "increment"];

// ---------------------------------------------------------------------------
// Collecting files into one set of entries.

#[derive(Clone)]
struct SrcFile {
    path: Arc<str>,
    text: Arc<str>,
}

/// An entry and the index of the file it comes from.
#[derive(Clone)]
struct At<T> {
    file: usize,
    item: T,
}

/// A rule's settings, merged over the files that set them.
#[derive(Clone)]
struct RuleItem {
    id: At<S>,
    severity: Option<At<S>>,
    params: BTreeMap<String, f64>,
}

#[derive(Clone, Default)]
struct Docs {
    files: Vec<SrcFile>,
    entities: Vec<At<EntityDoc>>,
    offices: Vec<At<OfficeDoc>>,
    figures: Vec<At<FigureDoc>>,
    events: Vec<At<EventDoc>>,
    rules: Vec<RuleItem>,
    measures: Vec<At<MeasureDoc>>,
}

impl Docs {
    /// Adds `extra` (whose file indices already follow ours): an entry whose id we
    /// have replaces ours in place; rule settings merge key by key.
    fn overlay(&mut self, extra: Docs) {
        fn put<T: Clone>(base: &mut Vec<At<T>>, new: Vec<At<T>>, id: fn(&T) -> &str) {
            for n in new {
                match base.iter_mut().find(|b| id(&b.item) == id(&n.item)) {
                    Some(b) => *b = n,
                    None => base.push(n),
                }
            }
        }
        self.files.extend(extra.files);
        put(&mut self.entities, extra.entities, |e| e.id.get_ref());
        put(&mut self.offices, extra.offices, |o| o.id.get_ref());
        put(&mut self.figures, extra.figures, |f| f.id.get_ref());
        put(&mut self.events, extra.events, |e| e.id.get_ref());
        put(&mut self.measures, extra.measures, |m| m.key.get_ref());
        for r in extra.rules {
            match self
                .rules
                .iter_mut()
                .find(|b| b.id.item.get_ref() == r.id.item.get_ref())
            {
                Some(b) => {
                    if r.severity.is_some() {
                        b.severity = r.severity;
                    }
                    b.params.extend(r.params);
                }
                None => self.rules.push(r),
            }
        }
    }
}

/// Parses `files` (numbered from `first`) and checks that no id is defined twice.
fn collect(files: Vec<SrcFile>, first: usize) -> Result<Docs, Error> {
    let mut docs = Docs::default();
    // Parsing is a fifth of start-up: the files are parsed in parallel; the first
    // bad one in path order is still the one reported.
    let parsed: Vec<Result<FileDoc, Error>> = files
        .par_iter()
        .map(|f| {
            toml::from_str(&f.text).map_err(|e| {
                let span = e.span().unwrap_or(0..0);
                error_at(&f.path, &f.text, span, serde_message(e.message()))
            })
        })
        .collect();
    for (n, doc) in parsed.into_iter().enumerate() {
        let file = first + n;
        let doc = doc?;
        let at = |item| At { file, item };
        docs.entities
            .extend(doc.person.into_iter().map(|p| at(person(p))));
        docs.entities
            .extend(doc.organization.into_iter().map(|o| at(organization(o))));
        docs.entities
            .extend(doc.place.into_iter().map(|p| at(place(p))));
        docs.offices
            .extend(doc.office.into_iter().map(|o| At { file, item: o }));
        docs.figures
            .extend(doc.figure.into_iter().map(|o| At { file, item: o }));
        docs.events
            .extend(doc.event.into_iter().map(|o| At { file, item: o }));
        docs.measures
            .extend(doc.measure.into_iter().map(|o| At { file, item: o }));
        for (id, r) in doc.rule {
            docs.rules.push(RuleItem {
                id: At { file, item: id },
                severity: r.severity.map(|s| At { file, item: s }),
                params: r.params,
            });
        }
    }
    let all: Vec<SrcFile> = files;
    let ctx = Ctx { files: &all, first };
    ctx.unique("id", docs.entities.iter().map(|e| (e.file, &e.item.id)))?;
    ctx.unique(
        "office id",
        docs.offices.iter().map(|e| (e.file, &e.item.id)),
    )?;
    ctx.unique(
        "figure id",
        docs.figures.iter().map(|e| (e.file, &e.item.id)),
    )?;
    ctx.unique("event id", docs.events.iter().map(|e| (e.file, &e.item.id)))?;
    ctx.unique("rule", docs.rules.iter().map(|r| (r.id.file, &r.id.item)))?;
    ctx.unique(
        "measure key",
        docs.measures.iter().map(|e| (e.file, &e.item.key)),
    )?;
    docs.files = all;
    Ok(docs)
}

fn person(p: PersonDoc) -> EntityDoc {
    EntityDoc {
        kind: EntityType::Person,
        id: p.id,
        name: p.name,
        aliases: p.aliases,
        acronyms: Vec::new(),
        surnames: p.surnames,
        adjectives: Vec::new(),
        contexts: p.contexts,
        misspellings: p.misspellings,
        operator: None,
        renamed: Vec::new(),
        reporter: false,
        source: p.source,
        examples: p.examples,
    }
}

fn organization(o: OrganizationDoc) -> EntityDoc {
    EntityDoc {
        kind: EntityType::Organization,
        id: o.id,
        name: o.name,
        aliases: o.aliases,
        acronyms: o.acronyms,
        surnames: Vec::new(),
        adjectives: Vec::new(),
        contexts: o.contexts,
        misspellings: o.misspellings,
        operator: None,
        renamed: o.renamed,
        reporter: o.reporter,
        source: o.source,
        examples: o.examples,
    }
}

fn place(p: PlaceDoc) -> EntityDoc {
    EntityDoc {
        kind: EntityType::Place,
        id: p.id,
        name: p.name,
        aliases: p.aliases,
        acronyms: p.acronyms,
        surnames: Vec::new(),
        adjectives: p.adjectives,
        contexts: p.contexts,
        misspellings: p.misspellings,
        operator: p.operator,
        renamed: p.renamed,
        reporter: false,
        source: p.source,
        examples: p.examples,
    }
}

/// serde's message, with the expected form spelled out where serde cannot.
fn serde_message(msg: &str) -> String {
    let msg = msg.trim_end();
    if msg.contains("untagged enum DateIn") {
        return "expected a date like \"2024-10-01\"".to_string();
    }
    if msg == "missing field `source`" {
        return format!(
            "{msg}: every entry needs source = {{ publisher = \"…\", document = \"…\", date = \"YYYY-MM-DD\" }}"
        );
    }
    msg.to_string()
}

// ---------------------------------------------------------------------------
// Positions and errors.

fn error_at(path: &str, text: &str, span: Range<usize>, msg: String) -> Error {
    let (line, column) = line_col(text, span.start);
    Error::Rules {
        path: path.to_string(),
        line,
        column,
        msg,
    }
}

/// The 1-based line and column (in chars) of byte `offset` in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = text.get(..at).unwrap_or("");
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The files entries point into (`files[i - first]` for entry file `i`).
struct Ctx<'a> {
    files: &'a [SrcFile],
    first: usize,
}

impl Ctx<'_> {
    fn err<T>(&self, file: usize, span: Range<usize>, msg: String) -> Result<T, Error> {
        Err(
            match file.checked_sub(self.first).and_then(|i| self.files.get(i)) {
                Some(f) => error_at(&f.path, &f.text, span, msg),
                None => Error::Usage(msg),
            },
        )
    }

    /// An entry's examples, with where each is written; `flag` must be a rule id.
    fn examples(&self, file: usize, list: &Examples) -> Result<Vec<Example>, Error> {
        let mut out = Vec::new();
        for x in list {
            let d = x.get_ref();
            let text = self.text(file, "example text", &d.text)?;
            let on = match &d.on {
                Some(on) => Some(self.day(file, "on", on)?),
                None => None,
            };
            let flag = match &d.flag {
                Some(f) => Some(self.rule_id(file, f)?),
                None => None,
            };
            if d.lookalike && flag.is_some() {
                return self.err(
                    file,
                    x.span(),
                    "an example is either a look-alike or flagged, not both".to_string(),
                );
            }
            let (path, src) = match file.checked_sub(self.first).and_then(|i| self.files.get(i)) {
                Some(f) => (f.path.clone(), f.text.clone()),
                None => (Arc::from("?"), Arc::from("")),
            };
            out.push(Example {
                text,
                on,
                flag,
                lookalike: d.lookalike,
                path,
                src,
                offset: x.span().start,
            });
        }
        Ok(out)
    }

    /// A rule id, or its unique leading part (`role-holder` for `role-holder-conflict`).
    fn rule_id(&self, file: usize, f: &S) -> Result<String, Error> {
        let ids: Vec<&str> = crate::rules::all().iter().map(|r| r.id).collect();
        let want = f.get_ref().as_str();
        let found: Vec<&&str> = ids
            .iter()
            .filter(|id| {
                **id == want
                    || id
                        .strip_prefix(want)
                        .is_some_and(|rest| rest.starts_with('-'))
            })
            .collect();
        match found.as_slice() {
            [id] => Ok((**id).to_string()),
            _ => self.err(
                file,
                f.span(),
                format!(
                    "flag \"{want}\" is not a rule id; expected one of {}",
                    ids.join(", ")
                ),
            ),
        }
    }

    /// `path:line:column` of a span, for messages that point at a second place.
    fn place(&self, file: usize, span: Range<usize>) -> String {
        match self.err::<()>(file, span, String::new()) {
            Err(Error::Rules {
                path, line, column, ..
            }) => format!("{path}:{line}:{column}"),
            _ => String::from("?"),
        }
    }

    fn unique<'s>(
        &self,
        what: &str,
        ids: impl Iterator<Item = (usize, &'s S)>,
    ) -> Result<(), Error> {
        let mut seen: HashMap<&str, (usize, Range<usize>)> = HashMap::new();
        for (file, id) in ids {
            if let Some((f, span)) = seen.get(id.get_ref().as_str()) {
                let first = self.place(*f, span.clone());
                return self.err(
                    file,
                    id.span(),
                    format!(
                        "duplicate {what} \"{}\": already defined at {first}; ids must be unique",
                        id.get_ref()
                    ),
                );
            }
            seen.insert(id.get_ref(), (file, id.span()));
        }
        Ok(())
    }

    fn id(&self, file: usize, id: &S) -> Result<String, Error> {
        let s = id.get_ref();
        if s.is_empty()
            || !s
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return self.err(
                file,
                id.span(),
                format!(
                    "id \"{s}\" is not valid; expected letters, digits, '-', '_' or '.' (like \"takaichi-sanae\")"
                ),
            );
        }
        Ok(s.clone())
    }

    /// A name-like string: not empty, no spaces around it.
    fn text(&self, file: usize, what: &str, s: &S) -> Result<String, Error> {
        let v = s.get_ref();
        if v.trim().is_empty() {
            return self.err(
                file,
                s.span(),
                format!("{what} is empty; expected some text"),
            );
        }
        if v.trim() != v {
            return self.err(
                file,
                s.span(),
                format!("{what} \"{v}\" has spaces at its start or end; remove them"),
            );
        }
        Ok(v.clone())
    }

    fn texts(&self, file: usize, what: &str, list: &[S]) -> Result<Vec<String>, Error> {
        list.iter().map(|s| self.text(file, what, s)).collect()
    }

    /// `from` and an optional `to` (inclusive, `to_is` says what it means), in order.
    fn span_of_days(
        &self,
        file: usize,
        from: &Spanned<DateIn>,
        to: Option<&Spanned<DateIn>>,
        to_is: &str,
    ) -> Result<(NaiveDate, Option<NaiveDate>), Error> {
        let from_day = self.day(file, "from", from)?;
        let Some(t) = to else {
            return Ok((from_day, None));
        };
        let to_day = self.day(file, "to", t)?;
        if to_day < from_day {
            return self.err(
                file,
                t.span(),
                format!("to {to_day} is before from {from_day}; `to` is {to_is}"),
            );
        }
        Ok((from_day, Some(to_day)))
    }

    fn day(&self, file: usize, what: &str, d: &Spanned<DateIn>) -> Result<NaiveDate, Error> {
        let text = d.get_ref().text();
        match crate::normalize::date::parse_iso_day(&text) {
            Some(day) => Ok(day),
            None => self.err(
                file,
                d.span(),
                format!(
                    "{what} \"{text}\" is not a date; expected an ISO date like \"2024-10-01\""
                ),
            ),
        }
    }

    fn source(&self, file: usize, s: &SourceDoc) -> Result<SourceRef, Error> {
        let publisher = self.text(file, "source.publisher", &s.publisher)?;
        let document = self.text(file, "source.document", &s.document)?;
        let date = s.date.get_ref().text();
        let ok = crate::normalize::date::parse_iso_day(&date).is_some()
            || crate::normalize::date::parse_iso_day(&format!("{date}-01")).is_some()
            || (date.len() == 4 && date.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            return self.err(
                file,
                s.date.span(),
                format!(
                    "source.date \"{date}\" is not a date; expected \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\""
                ),
            );
        }
        Ok(SourceRef {
            publisher,
            document,
            date,
        })
    }
}

fn kind_name(k: EntityType) -> &'static str {
    match k {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Place => "place",
        EntityType::Office => "office",
        EntityType::Other => "entity",
    }
}

fn with_article(noun: &str) -> String {
    let an = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if an { "an" } else { "a" })
}

// ---------------------------------------------------------------------------
// Validation and building.

fn build(docs: &Docs) -> Result<Kb, Error> {
    let ctx = Ctx {
        files: &docs.files,
        first: 0,
    };
    let mut kb = Kb::default();

    for At { file, item: e } in &docs.entities {
        let file = *file;
        let mut renamed: Vec<Renamed> = Vec::new();
        for r in &e.renamed {
            let from = ctx.text(file, "renamed.from", &r.from)?;
            let on = ctx.day(file, "renamed.on", &r.on)?;
            if fold_name(&from) == fold_name(e.name.get_ref()) {
                return ctx.err(
                    file,
                    r.from.span(),
                    format!("renamed.from \"{from}\" is the current name; list former names only"),
                );
            }
            // Oldest first, so that each name's period ends where the next begins.
            if let Some(prev) = renamed.last().filter(|p| p.on >= on) {
                return ctx.err(
                    file,
                    r.on.span(),
                    format!(
                        "renamed.on {on} is not after the renaming before it ({}); list renamings oldest first",
                        prev.on
                    ),
                );
            }
            renamed.push(Renamed { from, on });
        }
        kb.entities.push(Entity {
            id: ctx.id(file, &e.id)?,
            kind: e.kind,
            name: ctx.text(file, "name", &e.name)?,
            aliases: ctx.texts(file, "alias", &e.aliases)?,
            acronyms: ctx.texts(file, "acronym", &e.acronyms)?,
            surnames: ctx.texts(file, "surname", &e.surnames)?,
            adjectives: ctx.texts(file, "adjective", &e.adjectives)?,
            contexts: ctx.texts(file, "context", &e.contexts)?,
            misspellings: ctx.texts(file, "misspelling", &e.misspellings)?,
            operator: e.operator.as_ref().map(|o| o.get_ref().clone()),
            renamed,
            reporter: e.reporter,
            source: ctx.source(file, &e.source)?,
            examples: ctx.examples(file, &e.examples)?,
        });
    }
    for (i, e) in kb.entities.iter().enumerate() {
        kb.entity_index.insert(e.id.clone(), i);
    }
    let refer = |file: usize, what: &str, id: &S, want: Option<EntityType>| {
        let found = kb
            .entity_index
            .get(id.get_ref())
            .and_then(|&i| kb.entities.get(i));
        match (found, want) {
            (Some(e), Some(k)) if e.kind != k => ctx.err(
                file,
                id.span(),
                format!(
                    "{what} \"{}\" is {}, not {}",
                    id.get_ref(),
                    with_article(kind_name(e.kind)),
                    with_article(kind_name(k))
                ),
            ),
            (Some(_), _) => Ok(id.get_ref().clone()),
            (None, k) => ctx.err(
                file,
                id.span(),
                format!(
                    "{what} \"{}\" is not a known {} id",
                    id.get_ref(),
                    k.map_or("entity", kind_name)
                ),
            ),
        }
    };
    for At { file, item: e } in &docs.entities {
        if let Some(op) = &e.operator {
            refer(*file, "operator", op, Some(EntityType::Organization))?;
        }
    }
    check_names(&ctx, docs)?;

    for At { file, item: o } in &docs.offices {
        let file = *file;
        let mut holders = Vec::new();
        for h in &o.holders {
            let (from, to) =
                ctx.span_of_days(file, &h.from, h.to.as_ref(), "the last day in office")?;
            holders.push(Term {
                person: refer(file, "holder", &h.person, Some(EntityType::Person))?,
                from,
                to,
            });
        }
        check_terms(&ctx, file, o, &holders)?;
        kb.offices.push(Office {
            id: ctx.id(file, &o.id)?,
            name: ctx.text(file, "name", &o.name)?,
            titles: ctx.texts(file, "title", &o.titles)?,
            of: match &o.of {
                Some(of) => Some(refer(file, "of", of, None)?),
                None => None,
            },
            aliases: ctx.texts(file, "alias", &o.aliases)?,
            holders,
            source: ctx.source(file, &o.source)?,
            examples: ctx.examples(file, &o.examples)?,
        });
    }
    for (i, o) in kb.offices.iter().enumerate() {
        kb.office_index.insert(o.id.clone(), i);
    }

    for At { file, item: f } in &docs.figures {
        let file = *file;
        let tolerance = match &f.tolerance {
            Some(t) if *t.get_ref() < 0.0 || !t.get_ref().is_finite() => {
                return ctx.err(
                    file,
                    t.span(),
                    format!("tolerance {} must be a number >= 0", t.get_ref()),
                );
            }
            Some(t) => *t.get_ref(),
            None => 0.0,
        };
        let mut equivalents = Vec::new();
        for e in &f.equivalents {
            let d = e.get_ref();
            if !(d.factor.is_finite() && d.factor > 0.0) || d.basis.trim().is_empty() {
                return ctx.err(
                    file,
                    e.span(),
                    format!(
                        "an equivalent needs a basis and a factor > 0 (got {:?}, {})",
                        d.basis, d.factor
                    ),
                );
            }
            equivalents.push(Equivalent {
                basis: d.basis.clone(),
                factor: d.factor,
            });
        }
        let mut values = Vec::new();
        for v in &f.values {
            values.push(figure_value(&ctx, file, v)?);
        }
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate().skip(i + 1) {
                if overlap_days(a.from, a.to, b.from, b.to) > 0 {
                    // Report at the value that starts later.
                    let (k, later, earlier) = if b.from >= a.from {
                        (j, b, a)
                    } else {
                        (i, a, b)
                    };
                    let span = f.values.get(k).map_or(0..0, |v| v.span());
                    return ctx.err(
                        file,
                        span,
                        format!(
                            "value {} overlaps the value {}; the periods of one figure must not overlap",
                            period(later.from, later.to),
                            period(earlier.from, earlier.to)
                        ),
                    );
                }
            }
        }
        kb.figures.push(Figure {
            id: ctx.id(file, &f.id)?,
            name: ctx.text(file, "name", &f.name)?,
            subject: match &f.subject {
                Some(s) => Some(refer(file, "subject", s, None)?),
                None => None,
            },
            terms: ctx.texts(file, "term", &f.terms)?,
            unit: ctx.text(file, "unit", &f.unit)?,
            values,
            tolerance,
            equivalents,
            source: ctx.source(file, &f.source)?,
            examples: ctx.examples(file, &f.examples)?,
        });
    }

    for At { file, item: e } in &docs.events {
        let file = *file;
        let mut subjects = Vec::new();
        for s in &e.subjects {
            subjects.push(refer(file, "subject", s, None)?);
        }
        kb.events.push(Event {
            id: ctx.id(file, &e.id)?,
            name: ctx.text(file, "name", &e.name)?,
            subjects,
            terms: ctx.texts(file, "term", &e.terms)?,
            date: ctx.day(file, "date", &e.date)?,
            source: ctx.source(file, &e.source)?,
            examples: ctx.examples(file, &e.examples)?,
        });
    }

    for r in &docs.rules {
        let id = r.id.item.get_ref();
        let severity = match &r.severity {
            Some(At { file, item: s }) if !SEVERITIES.contains(&s.get_ref().as_str()) => {
                return ctx.err(
                    *file,
                    s.span(),
                    format!(
                        "unknown severity \"{}\"; expected \"error\", \"warning\", \"info\" or \"off\"",
                        s.get_ref()
                    ),
                );
            }
            Some(s) => s.item.get_ref().clone(),
            None => {
                return ctx.err(
                    r.id.file,
                    r.id.item.span(),
                    format!(
                        "rule \"{id}\" has no severity; expected severity = \"error\", \"warning\", \"info\" or \"off\""
                    ),
                );
            }
        };
        let params: HashMap<String, f64> = r.params.iter().map(|(k, v)| (k.clone(), *v)).collect();
        kb.rules
            .insert(id.clone(), RuleSettings { severity, params });
    }

    for At { file, item: m } in &docs.measures {
        let key = ctx.text(*file, "key", &m.key)?;
        let class = match &m.class {
            Some(c) if !VOCAB_CLASSES.contains(&c.get_ref().as_str()) => {
                return ctx.err(
                    *file,
                    c.span(),
                    format!(
                        "unknown class \"{}\"; expected one of {}",
                        c.get_ref(),
                        VOCAB_CLASSES.join(", ")
                    ),
                );
            }
            Some(c) => c.get_ref().clone(),
            None => "measure".to_string(),
        };
        if m.reference == Some(false) {
            kb.unreferenced.insert(key.clone());
        }
        for t in ctx.texts(*file, "term", &m.terms)? {
            kb.vocabulary.push(VocabTerm {
                class: class.clone(),
                key: key.clone(),
                term: t,
            });
        }
    }

    for (i, e) in kb.entities.iter().enumerate() {
        let names = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.acronyms);
        for n in names {
            let list = kb.name_index.entry(fold_name(n)).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    kb.gazetteer = Gazetteer::new(&kb.entities, &kb.offices);
    Ok(kb)
}

fn figure_value(ctx: &Ctx, file: usize, v: &Spanned<ValueDoc>) -> Result<FigureValue, Error> {
    let d = v.get_ref();
    let (from, to) =
        ctx.span_of_days(file, &d.from, d.to.as_ref(), "the last day the value holds")?;
    let (low, high) = match (d.value, d.low, d.high) {
        (Some(x), None, None) => (x, x),
        (None, Some(l), Some(h)) if l <= h => (l, h),
        (None, Some(l), Some(h)) => {
            return ctx.err(file, v.span(), format!("low {l} is above high {h}"));
        }
        _ => {
            return ctx.err(
                file,
                v.span(),
                "expected either value = N or low = N and high = N".to_string(),
            );
        }
    };
    Ok(FigureValue {
        low,
        high,
        from,
        to,
    })
}

/// Days both periods cover (`to` inclusive, None = open).
fn overlap_days(
    a_from: NaiveDate,
    a_to: Option<NaiveDate>,
    b_from: NaiveDate,
    b_to: Option<NaiveDate>,
) -> i64 {
    let start = a_from.max(b_from);
    let end = match (a_to, b_to) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => NaiveDate::MAX,
    };
    if end < start {
        0
    } else {
        (end - start).num_days().saturating_add(1)
    }
}

fn period(from: NaiveDate, to: Option<NaiveDate>) -> String {
    match to {
        Some(to) => format!("from {from} to {to}"),
        None => format!("from {from} (still in force)"),
    }
}

/// Two terms of one office may share at most their handover day.
fn check_terms(ctx: &Ctx, file: usize, o: &OfficeDoc, holders: &[Term]) -> Result<(), Error> {
    for (i, a) in holders.iter().enumerate() {
        for (j, b) in holders.iter().enumerate().skip(i + 1) {
            if overlap_days(a.from, a.to, b.from, b.to) <= 1 {
                continue;
            }
            // Report at the `from` of the term that starts later.
            let (later, earlier, k) = if b.from >= a.from {
                (b, a, j)
            } else {
                (a, b, i)
            };
            let span = o.holders.get(k).map_or(0..0, |h| h.from.span());
            return ctx.err(
                file,
                span,
                format!(
                    "term of \"{}\" from {} overlaps the term of \"{}\" ({}) by more than the handover day",
                    later.person,
                    later.from,
                    earlier.person,
                    period(earlier.from, earlier.to)
                ),
            );
        }
    }
    Ok(())
}

/// A name, alias or acronym may belong to two entities only when both list
/// `contexts` to tell them apart; a misspelling may be no one's name.
fn check_names(ctx: &Ctx, docs: &Docs) -> Result<(), Error> {
    let mut owner: HashMap<String, (usize, usize, Range<usize>)> = HashMap::new();
    for (i, At { file, item: e }) in docs.entities.iter().enumerate() {
        let names = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.acronyms);
        for n in names {
            let key = fold_name(n.get_ref());
            match owner.get(&key) {
                Some((j, f, span)) if *j != i => {
                    let other = docs.entities.get(*j).map(|o| &o.item);
                    let both =
                        !e.contexts.is_empty() && other.is_some_and(|o| !o.contexts.is_empty());
                    // A context both list cannot tell them apart.
                    let shared = e.contexts.iter().find(|c| {
                        other.is_some_and(|o| {
                            o.contexts
                                .iter()
                                .any(|d| fold_name(d.get_ref()) == fold_name(c.get_ref()))
                        })
                    });
                    if let Some(c) = shared {
                        return ctx.err(
                            *file,
                            c.span(),
                            format!(
                                "context \"{}\" is also a context of \"{}\", which shares the name \"{}\" ({}); the contexts of two entities with one name must tell them apart",
                                c.get_ref(),
                                other.map_or("", |o| o.id.get_ref().as_str()),
                                n.get_ref(),
                                ctx.place(*f, span.clone())
                            ),
                        );
                    }
                    if !both {
                        return ctx.err(
                            *file,
                            n.span(),
                            format!(
                                "\"{}\" is already a name of \"{}\" ({}); two entities may share a name only when both list contexts to tell them apart",
                                n.get_ref(),
                                other.map_or("", |o| o.id.get_ref().as_str()),
                                ctx.place(*f, span.clone())
                            ),
                        );
                    }
                }
                Some(_) => {}
                None => {
                    owner.insert(key, (i, *file, n.span()));
                }
            }
        }
    }
    for At { file, item: e } in &docs.entities {
        for m in &e.misspellings {
            if let Some((j, f, span)) = owner.get(&fold_name(m.get_ref())) {
                let other = docs.entities.get(*j).map_or("", |o| o.item.id.get_ref());
                return ctx.err(
                    *file,
                    m.span(),
                    format!(
                        "misspelling \"{}\" is a name of \"{other}\" ({}); a misspelling must not be anyone's name",
                        m.get_ref(),
                        ctx.place(*f, span.clone())
                    ),
                );
            }
        }
    }
    Ok(())
}
