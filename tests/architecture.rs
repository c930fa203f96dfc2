//! The import graph of `src/`: no circle between files, and no layer importing a
//! higher one.
//!
//! Every `src/**/*.rs` is read; its paths that start with `crate::`, `super::`,
//! `self::` (and, in the binary, `claimcheck::`) — in `use` items, grouped ones
//! (`use crate::{a::b, c::{d, e}}`) included, and in expressions — are resolved to
//! the file of the longest prefix that is a module (`src/a/b.rs` or
//! `src/a/b/mod.rs`). That file-to-file graph is checked. `mod x;` declarations
//! (module ownership) are not edges; a `mod.rs` that re-exports is an ordinary
//! importer. Comments (doc links included) and string literals are not read.
//!
//! To move a module to another layer, edit `LAYERS`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

/// The layers, bottom to top: a module may import its own layer and those below,
/// never one above. Modules on one line are peers. The binary (`main.rs` and the
/// modules it declares) is above them all; the library root (`lib.rs`) is as high
/// as the highest module it re-exports.
const LAYERS: &[&[&str]] = &[
    &["error"],
    &["atomic"],
    &["text"],
    &["read"],
    &["normalize"],
    &["kb"],
    &["claims"],
    &["rules"],
    &["engine"],
    &["config"],
    &["report"],
];

/// Whether a module's use of its own descendants is an edge. It is not: a parent
/// naming its children's items (`rules/mod.rs` registering `acronym::check`, a
/// `mod.rs` re-exporting a child's type) is module ownership, like `mod x;`, so the
/// graph holds uses up, across and from children. Counted (`true`), the parents of
/// `claims`, `kb`, `kb/build`, `normalize/quantity` and `rules` would each form a
/// circle with their children, who read the parent's shared types (`super::Ctx`).
const PARENT_TO_CHILD_EDGES: bool = false;

#[test]
fn the_import_graph_has_no_circle_and_no_upward_import() {
    let sources = read_sources(Path::new("src"));
    let g = Graph::build(&sources, PARENT_TO_CHILD_EDGES);
    let mut problems = Vec::new();
    for (group, cycle) in g.cycles() {
        let mut s = format!(
            "{} files import each other in a circle: {}\none circle of them:\n",
            group.len(),
            group.join(", ")
        );
        for (from, to) in cycle.iter().zip(cycle.iter().skip(1)) {
            s += &format!("  {from} -> {to}   ({})\n", g.edges[from][to]);
        }
        problems.push(s);
    }
    let (table, upward) = g.layers(LAYERS);
    println!("{table}");
    problems.extend(upward);
    assert!(
        problems.is_empty(),
        "{}\n{table}\n{} problem(s)",
        problems.join("\n"),
        problems.len()
    );
}

// ---------------------------------------------------------------------------
// Reading the files

/// Every `.rs` file under `dir`, by its path from the crate folder ("src/a/b.rs").
fn read_sources(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.expect("folder entry").path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text =
                    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                out.insert(p.to_string_lossy().replace('\\', "/"), text);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Punct(char),
}

/// The identifiers, `::` and punctuation of Rust source, without comments, string,
/// byte-string and char literals, numbers and lifetimes.
fn tokens(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    // Skips a (raw) string literal whose opening quote is at `i`, `hashes` '#'s raw.
    let skip_string = |mut i: usize, raw: Option<usize>| -> usize {
        i += 1;
        while i < c.len() {
            match (c[i], raw) {
                ('\\', None) => i += 2,
                ('"', None) => return i + 1,
                ('"', Some(n)) if c[i + 1..].iter().take(n).filter(|&&h| h == '#').count() == n => {
                    return i + 1 + n;
                }
                _ => i += 1,
            }
        }
        i
    };
    // Skips a char literal whose opening quote is at `i`.
    let skip_char = |i: usize| -> usize {
        let mut j = if c.get(i + 1) == Some(&'\\') {
            i + 3
        } else {
            i + 2
        };
        while j < c.len() && c[j] != '\'' {
            j += 1;
        }
        j + 1
    };
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if ch == '"' {
            i = skip_string(i, None);
        } else if ch == '\'' {
            // A char literal ('x', '\n', '\u{1F600}') or a lifetime ('a).
            if next == Some('\\') || c.get(i + 2) == Some(&'\'') {
                i = skip_char(i);
            } else {
                i += 1;
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            let after = c.get(i).copied();
            match (word.as_str(), after) {
                ("r" | "br" | "cr", Some('#' | '"')) => {
                    let hashes = c[i..].iter().take_while(|&&h| h == '#').count();
                    if c.get(i + hashes) == Some(&'"') {
                        i = skip_string(i + hashes, Some(hashes));
                    } else {
                        // A raw identifier: r#type.
                        out.push(Tok::Ident(word));
                    }
                }
                ("b" | "c", Some('"')) => i = skip_string(i, None),
                ("b", Some('\'')) => i = skip_char(i),
                _ => out.push(Tok::Ident(word)),
            }
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_' || c[i] == '.') {
                // 1..2 is a range, not a number.
                if c[i] == '.' && c.get(i + 1) == Some(&'.') {
                    break;
                }
                i += 1;
            }
        } else if ch == ':' && next == Some(':') {
            out.push(Tok::PathSep);
            i += 2;
        } else {
            if !ch.is_whitespace() {
                out.push(Tok::Punct(ch));
            }
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Paths

/// A path as written, e.g. ["super", "super", "kb", "Kb"], with the inline modules
/// (`mod tests { … }`) it is written in, from the file's module down.
#[derive(Debug, Clone, PartialEq)]
struct Written {
    inline: Vec<String>,
    segments: Vec<String>,
}

/// The `mod x;` declarations of a file (outside inline modules).
fn declared_modules(toks: &[Tok]) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => depth = depth.saturating_sub(1),
            Tok::Ident(m) if m == "mod" && depth == 0 => {
                if let (Some(Tok::Ident(name)), Some(Tok::Punct(';'))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    out.push(name.clone());
                }
            }
            _ => {}
        }
    }
    out
}

/// Every path that starts with one of `roots`, or (outside inline modules) with one
/// of the file's `children` modules, followed by `::`, with grouped `use` trees
/// expanded into one path per leaf.
fn written_paths(toks: &[Tok], roots: &[&str], children: &[String]) -> Vec<Written> {
    let mut out = Vec::new();
    // Inline modules: (name, the brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Tok::Ident(m)
                if m == "mod"
                    && matches!(toks.get(i + 1), Some(Tok::Ident(_)))
                    && toks.get(i + 2) == Some(&Tok::Punct('{')) =>
            {
                if let Some(Tok::Ident(name)) = toks.get(i + 1) {
                    inline.push((name.clone(), depth + 1));
                }
            }
            Tok::Ident(w)
                if (roots.contains(&w.as_str()) || (inline.is_empty() && children.contains(w)))
                    && toks.get(i + 1) == Some(&Tok::PathSep)
                    && (i == 0 || toks[i - 1] != Tok::PathSep) =>
            {
                let names: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
                let mut leaves = Vec::new();
                i = use_tree(toks, i, vec![], &mut leaves);
                out.extend(leaves.into_iter().map(|segments| Written {
                    inline: names.clone(),
                    segments,
                }));
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Reads a path or use tree from `i` below `prefix`; each leaf's full path goes to
/// `out`. Returns the index after it.
fn use_tree(
    toks: &[Tok],
    mut i: usize,
    mut prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        match toks.get(i) {
            Some(Tok::Ident(w)) if w == "self" && !prefix.is_empty() => {
                out.push(prefix);
                return i + 1;
            }
            Some(Tok::Ident(w)) => {
                prefix.push(w.clone());
                i += 1;
                if toks.get(i) == Some(&Tok::PathSep) {
                    i += 1;
                    continue;
                }
                out.push(prefix);
                return i;
            }
            Some(Tok::Punct('*')) => {
                out.push(prefix);
                return i + 1;
            }
            Some(Tok::Punct('{')) => {
                i += 1;
                loop {
                    match toks.get(i) {
                        None => return i,
                        Some(Tok::Punct('}')) => return i + 1,
                        Some(Tok::Punct(',')) => i += 1,
                        Some(Tok::Ident(w)) if w == "as" => i += 2,
                        Some(_) => {
                            let before = i;
                            i = use_tree(toks, i, prefix.clone(), out);
                            if i == before {
                                i += 1;
                            }
                        }
                    }
                }
            }
            _ => {
                if !prefix.is_empty() {
                    out.push(prefix);
                }
                return i;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Modules and the graph

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Krate {
    Lib,
    Bin,
}

/// A module: its crate and its path from the crate root (empty for the root).
type Module = (Krate, Vec<String>);

struct Graph {
    /// Every file reached from src/lib.rs or src/main.rs, and its module.
    modules: BTreeMap<String, Module>,
    /// from -> to -> the first path written that makes the edge.
    edges: BTreeMap<String, BTreeMap<String, String>>,
}

impl Graph {
    /// The graph of `sources` (path -> text; the crate roots are src/lib.rs and
    /// src/main.rs); `down`: whether a module's uses of its own descendants count
    /// (see PARENT_TO_CHILD_EDGES).
    fn build(sources: &BTreeMap<String, String>, down: bool) -> Graph {
        let toks: BTreeMap<&str, Vec<Tok>> = sources
            .iter()
            .map(|(p, s)| (p.as_str(), tokens(s)))
            .collect();
        // Module ownership, from the roots through the `mod x;` declarations.
        let mut modules: BTreeMap<String, Module> = BTreeMap::new();
        let mut todo: VecDeque<(String, Module)> = VecDeque::new();
        for (root, krate) in [("src/lib.rs", Krate::Lib), ("src/main.rs", Krate::Bin)] {
            if sources.contains_key(root) {
                todo.push_back((root.to_string(), (krate, vec![])));
            }
        }
        while let Some((file, (krate, path))) = todo.pop_front() {
            if modules.contains_key(&file) {
                continue;
            }
            let dir = match file.rsplit_once('/') {
                Some((d, "mod.rs" | "lib.rs" | "main.rs")) => d.to_string(),
                _ => file.trim_end_matches(".rs").to_string(),
            };
            for name in declared_modules(&toks[file.as_str()]) {
                let flat = format!("{dir}/{name}.rs");
                let nested = format!("{dir}/{name}/mod.rs");
                let child = if sources.contains_key(&flat) {
                    flat
                } else if sources.contains_key(&nested) {
                    nested
                } else {
                    continue;
                };
                let mut p = path.clone();
                p.push(name);
                todo.push_back((child, (krate, p)));
            }
            modules.insert(file, (krate, path));
        }
        let by_module: BTreeMap<&Module, &str> =
            modules.iter().map(|(f, m)| (m, f.as_str())).collect();
        let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (file, (krate, path)) in &modules {
            let roots: &[&str] = match krate {
                Krate::Lib => &["crate", "super", "self"],
                Krate::Bin => &["crate", "super", "self", "claimcheck"],
            };
            let entry = edges.entry(file.clone()).or_default();
            let children = declared_modules(&toks[file.as_str()]);
            for w in written_paths(&toks[file.as_str()], roots, &children) {
                let mut here = path.clone();
                here.extend(w.inline.iter().cloned());
                let Some(to) = resolve(&by_module, *krate, &here, &w.segments) else {
                    continue;
                };
                let (to_krate, to_path) = &modules[to];
                let descendant =
                    to_krate == krate && to_path.len() > path.len() && to_path.starts_with(path);
                if to != file && (down || !descendant) {
                    entry
                        .entry(to.to_string())
                        .or_insert_with(|| w.segments.join("::"));
                }
            }
        }
        Graph { modules, edges }
    }

    /// The circles: each group of files that reach each other, and one shortest
    /// circle through its first file, as the list of files (the first again last).
    fn cycles(&self) -> Vec<(Vec<String>, Vec<String>)> {
        let mut out = Vec::new();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for start in self.edges.keys() {
            if seen.contains(start.as_str()) {
                continue;
            }
            let ahead = self.reach(start);
            let group: BTreeSet<&str> = ahead
                .iter()
                .copied()
                .filter(|f| self.reach(f).contains(start.as_str()))
                .collect();
            if group.is_empty() {
                continue;
            }
            seen.extend(group.iter().copied());
            seen.insert(start);
            // The shortest way back to `start`, breadth first.
            let mut back: BTreeMap<&str, &str> = BTreeMap::new();
            let mut queue = VecDeque::from([start.as_str()]);
            'search: while let Some(f) = queue.pop_front() {
                for to in self.edges.get(f).into_iter().flat_map(|e| e.keys()) {
                    if to == start {
                        let mut cycle = vec![start.clone()];
                        let mut at = f;
                        while at != start {
                            cycle.push(at.to_string());
                            at = back[at];
                        }
                        cycle.push(start.clone());
                        cycle.reverse();
                        out.push((group.iter().map(|f| f.to_string()).collect(), cycle));
                        break 'search;
                    }
                    if group.contains(to.as_str()) && !back.contains_key(to.as_str()) {
                        back.insert(to, f);
                        queue.push_back(to);
                    }
                }
            }
        }
        out
    }

    /// The files reachable from `from` by one edge or more.
    fn reach(&self, from: &str) -> BTreeSet<&str> {
        let mut out = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(f) = todo.pop() {
            for to in self.edges.get(f).into_iter().flat_map(|e| e.keys()) {
                if out.insert(to.as_str()) {
                    todo.push(to);
                }
            }
        }
        out
    }

    /// The layer of each top-level module as a table, and every import of a higher
    /// layer (or of a module `layers` does not name).
    fn layers(&self, layers: &[&[&str]]) -> (String, Vec<String>) {
        let top = layers.len();
        let named = |m: &str| layers.iter().position(|l| l.contains(&m));
        let mut problems = Vec::new();
        // The layer of a file: its top-level module's; the binary's is above all.
        let mut layer_of: BTreeMap<&str, Option<usize>> = BTreeMap::new();
        let mut undeclared: BTreeSet<&str> = BTreeSet::new();
        for (file, (krate, path)) in &self.modules {
            let l = match (krate, path.first()) {
                (Krate::Bin, _) => Some(top),
                (Krate::Lib, None) => None,
                (Krate::Lib, Some(m)) => {
                    let l = named(m);
                    if l.is_none() {
                        undeclared.insert(m);
                    }
                    l
                }
            };
            layer_of.insert(file, l);
        }
        for m in &undeclared {
            problems.push(format!(
                "module `{m}` has no layer: add it to LAYERS in tests/architecture.rs"
            ));
        }
        // The library root is as high as what it re-exports.
        for (file, (krate, path)) in &self.modules {
            if *krate == Krate::Lib && path.is_empty() {
                let l = self.edges[file]
                    .keys()
                    .filter_map(|t| layer_of.get(t.as_str()).copied().flatten())
                    .max()
                    .unwrap_or(0);
                layer_of.insert(file, Some(l));
            }
        }
        let name = |l: usize| {
            if l == top {
                "the binary".to_string()
            } else {
                format!("{} (layer {l})", layers[l].join(", "))
            }
        };
        let mut imports: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        let mut files: BTreeMap<usize, usize> = BTreeMap::new();
        for (from, tos) in &self.edges {
            let Some(lf) = layer_of[from.as_str()] else {
                continue;
            };
            if self.modules[from] != (Krate::Lib, vec![]) {
                *files.entry(lf).or_default() += 1;
            }
            for (to, via) in tos {
                let Some(lt) = layer_of[to.as_str()] else {
                    continue;
                };
                if lt != lf {
                    imports.entry(lf).or_default().insert(lt);
                }
                if lt > lf {
                    problems.push(format!(
                        "{from} ({}) imports {to} ({}): {via}",
                        name(lf),
                        name(lt)
                    ));
                }
            }
        }
        let mut table = String::from("layers, bottom to top:\n");
        for l in 0..=top {
            let on: Vec<String> = imports
                .get(&l)
                .into_iter()
                .flatten()
                .map(|&t| {
                    if t == top {
                        "binary".into()
                    } else {
                        layers[t].join(", ")
                    }
                })
                .collect();
            table += &format!(
                "  {:<24} {:>3} files, imports: {}\n",
                name(l),
                files.get(&l).copied().unwrap_or(0),
                if on.is_empty() {
                    "-".to_string()
                } else {
                    on.join("; ")
                }
            );
        }
        (table, problems)
    }
}

/// The file a written path refers to: the longest prefix that is a module of the
/// crate, or None (a path into another crate, or above the root). A path that does
/// not start with `crate`, `self`, `super` or (from the binary) `claimcheck` starts
/// at a child module of `here`.
fn resolve<'a>(
    by_module: &BTreeMap<&Module, &'a str>,
    krate: Krate,
    here: &[String],
    segments: &[String],
) -> Option<&'a str> {
    let (krate, mut full, rest) = match segments.first().map(String::as_str) {
        Some("crate") => (krate, vec![], &segments[1..]),
        Some("claimcheck") if krate == Krate::Bin => (Krate::Lib, vec![], &segments[1..]),
        Some("self") => (krate, here.to_vec(), &segments[1..]),
        Some("super") => {
            let ups = segments.iter().take_while(|s| *s == "super").count();
            let keep = here.len().checked_sub(ups)?;
            (krate, here[..keep].to_vec(), &segments[ups..])
        }
        Some("claimcheck") | None => return None,
        Some(_) => (krate, here.to_vec(), segments),
    };
    full.extend(rest.iter().cloned());
    (0..=full.len())
        .rev()
        .find_map(|k| by_module.get(&(krate, full[..k].to_vec())).copied())
}

// ---------------------------------------------------------------------------
// The resolver on small crates

fn crate_of(files: &[(&str, &str)]) -> Graph {
    crate_with(files, true)
}

fn crate_with(files: &[(&str, &str)], down: bool) -> Graph {
    Graph::build(
        &files
            .iter()
            .map(|(p, s)| (p.to_string(), s.to_string()))
            .collect(),
        down,
    )
}

fn edges(g: &Graph) -> Vec<(String, String, String)> {
    g.edges
        .iter()
        .flat_map(|(f, tos)| {
            tos.iter()
                .map(move |(t, via)| (f.clone(), t.clone(), via.clone()))
        })
        .collect()
}

fn e(from: &str, to: &str, via: &str) -> (String, String, String) {
    (from.into(), to.into(), via.into())
}

#[test]
fn grouped_nested_and_expression_paths_resolve_to_the_longest_module_prefix() {
    let g = crate_of(&[
        (
            "src/lib.rs",
            "pub mod a;\npub mod b;\npub mod c;\npub use a::X;",
        ),
        ("src/a/mod.rs", "pub mod inner;\npub struct X;"),
        ("src/a/inner.rs", "pub fn f() {}"),
        (
            "src/b.rs",
            "use crate::{a::{inner::f, X as Y}, c};\n\
             fn g() { crate::c::deep::h(); }",
        ),
        ("src/c.rs", "pub mod deep;"),
        (
            "src/c/deep.rs",
            "pub fn h() { super::super::a::inner::f() }",
        ),
    ]);
    assert_eq!(
        edges(&g),
        [
            e("src/b.rs", "src/a/inner.rs", "crate::a::inner::f"),
            e("src/b.rs", "src/a/mod.rs", "crate::a::X"),
            e("src/b.rs", "src/c.rs", "crate::c"),
            e("src/b.rs", "src/c/deep.rs", "crate::c::deep::h"),
            e(
                "src/c/deep.rs",
                "src/a/inner.rs",
                "super::super::a::inner::f"
            ),
            // A path from a child module, as in `pub use a::X` (2018 paths).
            e("src/lib.rs", "src/a/mod.rs", "a::X"),
        ]
    );
    // Module ownership (`mod x;`) is no edge: a/mod.rs and c.rs import nothing.
    assert_eq!(
        g.modules["src/c/deep.rs"],
        (Krate::Lib, vec!["c".into(), "deep".into()])
    );
}

#[test]
fn super_and_self_count_from_the_module_and_its_inline_modules() {
    let g = crate_of(&[
        ("src/lib.rs", "pub mod k;"),
        (
            "src/k/mod.rs",
            "pub mod load;\npub mod query;\npub use self::query::Q;",
        ),
        ("src/k/query.rs", "pub struct Q;"),
        (
            "src/k/load.rs",
            "use super::query::Q;\n\
             #[cfg(test)]\nmod tests {\n    use super::*;\n    fn t() { let _ = super::super::query::Q; }\n}\n\
             fn after() { use super::Kb; }",
        ),
    ]);
    assert_eq!(
        edges(&g),
        [
            // The mod.rs that re-exports is an ordinary importer.
            e("src/k/load.rs", "src/k/mod.rs", "super::Kb"),
            e("src/k/load.rs", "src/k/query.rs", "super::query::Q"),
            e("src/k/mod.rs", "src/k/query.rs", "self::query::Q"),
        ]
    );
}

#[test]
fn a_parent_using_its_children_is_an_edge_unless_declared_ownership() {
    let files = [
        ("src/lib.rs", "pub mod r;"),
        (
            "src/r/mod.rs",
            "pub mod a;\npub use a::check;\npub struct Ctx;",
        ),
        ("src/r/a.rs", "use super::Ctx;\npub fn check(_: &Ctx) {}"),
    ];
    let both = [
        e("src/r/a.rs", "src/r/mod.rs", "super::Ctx"),
        e("src/r/mod.rs", "src/r/a.rs", "a::check"),
    ];
    assert_eq!(edges(&crate_with(&files, true)), both);
    assert_eq!(crate_with(&files, true).cycles().len(), 1);
    assert_eq!(edges(&crate_with(&files, false)), both[..1]);
    assert!(crate_with(&files, false).cycles().is_empty());
}

#[test]
fn comments_strings_and_other_crates_make_no_edge() {
    let g = crate_of(&[
        ("src/lib.rs", "pub mod a;\npub mod b;"),
        ("src/a.rs", "pub fn f() {}"),
        (
            "src/b.rs",
            "//! See [`crate::a::f`].\n/* crate::a::f /* nested */ crate::a */\n\
             const S: &str = \"crate::a::f\";\nconst R: &str = r#\"crate::a \"x\" \"#;\n\
             const C: char = '\"'; fn l<'a>(x: &'a str) -> &'a str { x }\n\
             use std::fmt; use serde::Serialize; pub(crate) fn g() {}",
        ),
    ]);
    assert_eq!(edges(&g), []);
}

#[test]
fn the_binary_imports_the_library_by_name_and_its_own_modules_by_crate() {
    let g = crate_of(&[
        ("src/lib.rs", "pub mod a;\npub mod b;"),
        ("src/a.rs", "pub fn f() {}"),
        ("src/b/mod.rs", "pub mod c;"),
        ("src/b/c.rs", "pub fn f() {}"),
        (
            "src/main.rs",
            "mod cmd;\nuse claimcheck::{a, b::c::f};\nfn main() { crate::cmd::run() }",
        ),
        ("src/cmd.rs", "pub fn run() { claimcheck::a::f() }"),
    ]);
    assert_eq!(
        edges(&g),
        [
            e("src/cmd.rs", "src/a.rs", "claimcheck::a::f"),
            e("src/main.rs", "src/a.rs", "claimcheck::a"),
            e("src/main.rs", "src/b/c.rs", "claimcheck::b::c::f"),
            e("src/main.rs", "src/cmd.rs", "crate::cmd::run"),
        ]
    );
    assert_eq!(g.modules["src/cmd.rs"], (Krate::Bin, vec!["cmd".into()]));
}

#[test]
fn a_circle_and_an_upward_import_are_named() {
    let g = crate_of(&[
        ("src/lib.rs", "pub mod low;\npub mod high;"),
        ("src/low/mod.rs", "pub mod x;\npub mod y;"),
        ("src/low/x.rs", "use super::y::g; pub fn f() {}"),
        ("src/low/y.rs", "pub fn g() { crate::high::h(); }"),
        ("src/high.rs", "pub fn h() { crate::low::x::f(); }"),
    ]);
    let files = |f: &[&str]| f.iter().map(|f| f.to_string()).collect::<Vec<_>>();
    assert_eq!(
        g.cycles(),
        [(
            files(&["src/high.rs", "src/low/x.rs", "src/low/y.rs"]),
            files(&["src/high.rs", "src/low/x.rs", "src/low/y.rs", "src/high.rs"])
        )]
    );
    let (table, problems) = g.layers(&[&["low"], &["high"]]);
    assert_eq!(
        problems,
        ["src/low/y.rs (low (layer 0)) imports src/high.rs (high (layer 1)): crate::high::h"]
    );
    assert!(table.contains("low (layer 0)"), "{table}");
    let (_, problems) = g.layers(&[&["high"]]);
    assert_eq!(
        problems,
        ["module `low` has no layer: add it to LAYERS in tests/architecture.rs"]
    );
}
