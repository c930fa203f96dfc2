//! `claimcheck lsp`: a language server over standard input and output.
//!
//! The open document is checked as a draft against the other articles of its
//! workspace folder (or what `[lsp] against` in `claimcheck.toml` names: claim
//! indexes or folders): at `initialize` they are read once into a claim index (in a
//! temporary folder, rebuilt when a document is saved), and each check reads the
//! document's text and the index claims that share a key with its claims. The saved
//! copy of the open document in the index is replaced by the buffer. Diagnostics
//! carry the rule as their code, the other sides of a conflict as related
//! information, and the expected value, which a quick fix puts in place; a hover on
//! a claim shows what it was read as.
//!
//! Positions are UTF-16 code units, as LSP counts by default; the related places in
//! other files count characters (the same outside the astral planes).

use foldhash::{HashMap, HashMapExt};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Message, Notification, Request, Response};
use serde_json::{Value, json};

use claimcheck::read::File;
use claimcheck::{Error, engine, kb::Kb, report, rules};

/// What the server knows between messages.
struct Server {
    kb: Kb,
    cfg: claimcheck::config::Config,
    root: Option<PathBuf>,
    /// The workspace's claim index, and the folder it lives in.
    index: Option<(PathBuf, tempfile::TempDir)>,
    /// `[lsp] against` of the configuration: used instead of the workspace.
    against: Vec<PathBuf>,
    /// Open documents: URI → text.
    docs: HashMap<String, String>,
}

pub fn run(config: Option<&Path>, rules_dirs: &[PathBuf]) -> Result<u8, Error> {
    let fail = |e: String| Error::Usage(format!("lsp: {e}"));
    let (conn, io) = Connection::stdio();
    let caps = json!({
        "textDocumentSync": {"openClose": true, "change": 1, "save": true},
        "codeActionProvider": {"codeActionKinds": ["quickfix"]},
        "hoverProvider": true,
    });
    let init = conn.initialize(caps).map_err(|e| fail(e.to_string()))?;
    let root = init["workspaceFolders"][0]["uri"]
        .as_str()
        .or(init["rootUri"].as_str())
        .and_then(path_of);
    let (cfg, kb) = super::load_kb(config, rules_dirs)?;
    let against = cfg.lsp_against.clone();
    let mut s = Server {
        kb,
        cfg,
        root,
        index: None,
        against,
        docs: HashMap::new(),
    };
    s.build_index(&conn);
    for msg in &conn.receiver {
        match msg {
            Message::Request(req) => {
                if conn
                    .handle_shutdown(&req)
                    .map_err(|e| fail(e.to_string()))?
                {
                    break;
                }
                let resp = s.request(&req);
                let _ = conn.sender.send(Message::Response(resp));
            }
            Message::Notification(n) => s.notification(&conn, &n),
            Message::Response(_) => {}
        }
    }
    drop(conn);
    io.join().map_err(|e| fail(e.to_string()))?;
    Ok(0)
}

impl Server {
    /// Reads the workspace folder into a claim index; without one (no folder, no
    /// article in it) documents are checked alone.
    fn build_index(&mut self, conn: &Connection) {
        self.index = None;
        if !self.against.is_empty() {
            return;
        }
        let Some(root) = self.root.clone() else {
            return;
        };
        let Ok(tmp) = tempfile::tempdir() else { return };
        let path = tmp.path().join("workspace.idx");
        let wants = |rel: &Path, shown: &Path| self.cfg.wants(rel, shown);
        let skip = |_: &Error| {};
        let opts = engine::Options {
            wants: self.cfg.filters().then_some(&wants),
            reference_date: self.cfg.reference_date,
            ..engine::Options::new(&skip)
        };
        match engine::write_index(&self.kb, &[root], &path, &opts) {
            Ok(_) => self.index = Some((path, tmp)),
            Err(e) => log(conn, &format!("claimcheck: the workspace is not read: {e}")),
        }
    }

    fn request(&self, req: &Request) -> Response {
        let result = match req.method.as_str() {
            "textDocument/codeAction" => Some(code_actions(&req.params)),
            "textDocument/hover" => Some(self.hover(&req.params)),
            _ => None,
        };
        match result {
            Some(v) => Response::new_ok(req.id.clone(), v),
            None => Response::new_err(
                req.id.clone(),
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("claimcheck does not answer {}", req.method),
            ),
        }
    }

    fn notification(&mut self, conn: &Connection, n: &Notification) {
        let uri = n.params["textDocument"]["uri"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let text = n.params["textDocument"]["text"]
                    .as_str()
                    .unwrap_or_default();
                self.docs.insert(uri.clone(), text.to_string());
                self.publish(conn, &uri);
            }
            "textDocument/didChange" => {
                // Full sync: the last change holds the whole text.
                if let Some(text) = n.params["contentChanges"]
                    .as_array()
                    .and_then(|c| c.last())
                    .and_then(|c| c["text"].as_str())
                {
                    self.docs.insert(uri.clone(), text.to_string());
                    self.publish(conn, &uri);
                }
            }
            "textDocument/didSave" => {
                // The workspace on disk changed: read it again, then check every open document.
                self.build_index(conn);
                let open: Vec<String> = self.docs.keys().cloned().collect();
                for u in open {
                    self.publish(conn, &u);
                }
            }
            "textDocument/didClose" => {
                self.docs.remove(&uri);
                send_diagnostics(conn, &uri, Vec::new());
            }
            _ => {}
        }
    }

    /// The run over one open document: its findings, files and sources.
    fn check(&self, uri: &str) -> Result<engine::Outcome, Error> {
        let text = self.docs.get(uri).map_or("", String::as_str);
        let name = shown(uri);
        let against: Vec<PathBuf> = if self.against.is_empty() {
            self.index.iter().map(|(p, _)| p.clone()).collect()
        } else {
            self.against.clone()
        };
        let skip = |_: &Error| {};
        let opts = engine::Options {
            against: &against,
            reference_date: self.cfg.reference_date,
            stdin_name: Some(&name),
            stdin_text: Some(text.as_bytes()),
            ..engine::Options::new(&skip)
        };
        engine::run(&self.kb, &[PathBuf::from("-")], &opts)
    }

    fn publish(&self, conn: &Connection, uri: &str) {
        let diagnostics = match self.check(uri) {
            Ok(run) => diagnostics(&run),
            // An unreadable buffer (binary, not UTF-8) is one diagnostic at its start.
            Err(e) => vec![json!({
                "range": range(0, 0, 0, 0),
                "severity": 1,
                "source": "claimcheck",
                "message": e.to_string(),
            })],
        };
        send_diagnostics(conn, uri, diagnostics);
    }

    /// What the claim under the cursor was read as.
    fn hover(&self, params: &Value) -> Value {
        let uri = params["textDocument"]["uri"].as_str().unwrap_or_default();
        let Some(text) = self.docs.get(uri) else {
            return Value::Null;
        };
        let (line, character) = (
            params["position"]["line"].as_u64().unwrap_or(0) as usize,
            params["position"]["character"].as_u64().unwrap_or(0) as usize,
        );
        let Some(at) = byte_offset(text, line, character) else {
            return Value::Null;
        };
        let name = shown(uri);
        let skip = |_: &Error| {};
        let opts = engine::Options {
            reference_date: self.cfg.reference_date,
            stdin_name: Some(&name),
            stdin_text: Some(text.as_bytes()),
            ..engine::Options::new(&skip)
        };
        let Ok((inputs, claims)) = engine::extract(&self.kb, &[PathBuf::from("-")], &opts) else {
            return Value::Null;
        };
        let (files, sources) = (&inputs.files, &inputs.sources);
        let hit = claims.iter().find(|c| {
            let file = &files[sources[c.source].file];
            let r = file.orig_range(c.span.clone());
            r.start <= at && at < r.end.max(r.start + 1)
        });
        let Some(c) = hit else { return Value::Null };
        let j = report::extract::claim_json(c, files, sources);
        let shown_fields: Vec<String> = [
            "value",
            "low",
            "high",
            "unit",
            "qualifier",
            "change",
            "measure",
            "period",
            "subject",
            "canonical",
            "type",
            "office",
            "holder_canonical",
            "short",
            "long",
            "event",
        ]
        .iter()
        .filter(|k| !j[**k].is_null() && j[**k] != "")
        .map(|k| format!("- {k}: `{}`", j[*k].to_string().trim_matches('"')))
        .collect();
        // What the knowledge base knows of a name (aliases, offices held, source) or of
        // an office (its holders, the one on the article's date).
        let known = match &j["kind"] {
            k if k == "entity" => j["id"]
                .as_str()
                .and_then(|id| self.kb.entity(id))
                .map(|e| super::kb_cmd::entity_human(&self.kb, e)),
            k if k == "role" => {
                let day = sources[c.source].date;
                self.kb
                    .offices
                    .iter()
                    .find(|o| j["office"] == o.name.as_str())
                    .map(|o| super::kb_cmd::who_human(&self.kb, o, day))
            }
            _ => None,
        };
        let mut value = format!(
            "**{}** `{}`\n\n{}",
            j["kind"].as_str().unwrap_or(""),
            j["text"].as_str().unwrap_or(""),
            shown_fields.join("\n")
        );
        if let Some(k) = known {
            value.push_str(&format!("\n\n```text\n{}```", k));
        }
        json!({"contents": {"kind": "markdown", "value": value}})
    }
}

/// The draft's findings as LSP diagnostics, at their place in the draft.
fn diagnostics(run: &engine::Outcome) -> Vec<Value> {
    let (files, sources) = (&run.files, &run.sources);
    let mut out = Vec::new();
    for f in &run.findings {
        let Some(p) = f
            .places
            .iter()
            .find(|p| p.primary && p.source < run.drafts)
            .or_else(|| f.places.iter().find(|p| p.source < run.drafts))
        else {
            continue;
        };
        let Some(file) = sources.get(p.source).and_then(|s| files.get(s.file)) else {
            continue;
        };
        let loc = file.location(p.span.clone());
        let (l0, c0) = utf16(file, loc.line, loc.column);
        let (l1, c1) = utf16(file, loc.end_line, loc.end_column);
        let related: Vec<Value> = report::check::finding_json(f, files, sources)["locations"]
            .as_array()
            .into_iter()
            .flatten()
            .zip(&f.places)
            .filter(|(_, q)| !std::ptr::eq(*q, p))
            .map(|(l, _)| {
                let at = |k: &str| l[k].as_u64().unwrap_or(1).saturating_sub(1) as usize;
                json!({
                    "location": {
                        "uri": uri_of(l["path"].as_str().unwrap_or_default()),
                        "range": range(at("line"), at("column"), at("end_line"), at("end_column")),
                    },
                    "message": l["text"],
                })
            })
            .collect();
        let mut message = f.message.clone();
        if let Some(h) = &f.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        let mut d = json!({
            "range": range(l0, c0, l1, c1),
            "severity": match f.severity {
                rules::Severity::Error => 1,
                rules::Severity::Warning => 2,
                rules::Severity::Info => 3,
            },
            "code": f.rule,
            "source": "claimcheck",
            "message": message,
        });
        if !related.is_empty() {
            d["relatedInformation"] = json!(related);
        }
        if let Some(e) = &f.expected {
            d["data"] = json!({"expected": e});
        }
        out.push(d);
    }
    out
}

/// A quick fix for each diagnostic that knows the right value.
fn code_actions(params: &Value) -> Value {
    let uri = params["textDocument"]["uri"].clone();
    let actions: Vec<Value> = params["context"]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| {
            let e = d["data"]["expected"].as_str()?;
            let mut changes = serde_json::Map::new();
            changes.insert(
                uri.as_str()?.to_string(),
                json!([{"range": d["range"], "newText": e}]),
            );
            Some(json!({
                "title": format!("Replace with {e}"),
                "kind": "quickfix",
                "isPreferred": true,
                "diagnostics": [d],
                "edit": {"changes": changes},
            }))
        })
        .collect();
    json!(actions)
}

fn send_diagnostics(conn: &Connection, uri: &str, diagnostics: Vec<Value>) {
    let n = Notification::new(
        "textDocument/publishDiagnostics".into(),
        json!({"uri": uri, "diagnostics": diagnostics}),
    );
    let _ = conn.sender.send(Message::Notification(n));
}

fn log(conn: &Connection, message: &str) {
    let n = Notification::new(
        "window/logMessage".into(),
        json!({"type": 2, "message": message}),
    );
    let _ = conn.sender.send(Message::Notification(n));
}

fn range(l0: usize, c0: usize, l1: usize, c1: usize) -> Value {
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

/// A 1-based line and character column of `file` as a 0-based LSP position.
fn utf16(file: &File, line: usize, column: usize) -> (usize, usize) {
    let start = file
        .line_starts
        .get(line.saturating_sub(1))
        .copied()
        .unwrap_or(0);
    let text = file.raw.get(start..).unwrap_or("");
    let units = text
        .chars()
        .take_while(|&c| c != '\n')
        .take(column.saturating_sub(1))
        .map(char::len_utf16)
        .sum();
    (line.saturating_sub(1), units)
}

/// The byte offset of a 0-based line and UTF-16 character in `text`.
fn byte_offset(text: &str, line: usize, character: usize) -> Option<usize> {
    let start = if line == 0 {
        0
    } else {
        text.match_indices('\n').nth(line - 1)?.0 + 1
    };
    let mut units = 0;
    for (i, c) in text.get(start..)?.char_indices() {
        if units >= character || c == '\n' {
            return Some(start + i);
        }
        units += c.len_utf16();
    }
    Some(text.len())
}

/// The path of a `file:` URI (percent-decoded).
fn path_of(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1..i + 3)) {
            (b'%', Some(h)) => match u8::from_str_radix(std::str::from_utf8(h).ok()?, 16) {
                Ok(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                Err(_) => out.push(b'%'),
            },
            (b, _) => out.push(b),
        }
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

/// A path as a `file:` URI (what is not unreserved or `/` percent-encoded).
fn uri_of(path: &str) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path));
    // `a/../b` as `b`: editors match URIs by their text.
    let abs = claimcheck::read::normalize(&abs);
    let mut out = String::from("file://");
    for b in abs.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// How a document is named in the run: its path for a `file:` URI (so the index's
/// saved copy is replaced), else the URI.
fn shown(uri: &str) -> String {
    path_of(uri).map_or(uri.to_string(), |p| p.display().to_string())
}
