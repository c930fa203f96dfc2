//! `claimcheck lsp` driven by a client over pipes: initialize, didOpen,
//! publishDiagnostics, codeAction, hover, didChange, shutdown, exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{Value, json};

const KB: &str = "tests/fixtures/kb";

struct Client {
    child: Child,
    input: ChildStdin,
    rx: Receiver<Value>,
    next: u64,
}

impl Client {
    fn start(cwd: &std::path::Path) -> Client {
        let kb = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(KB);
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["lsp", "--rules"])
            .arg(kb)
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let input = child.stdin.take().expect("stdin");
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(out);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        len = n.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                if let Ok(v) = serde_json::from_slice(&body) {
                    let _ = tx.send(v);
                }
            }
        });
        Client {
            child,
            input,
            rx,
            next: 1,
        }
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.input.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result (other messages before it are dropped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let v = self
                .rx
                .recv_timeout(Duration::from_secs(60))
                .expect("a response");
            if v["id"] == id {
                return v["result"].clone();
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let v = self
                .rx
                .recv_timeout(Duration::from_secs(60))
                .expect("diagnostics");
            if v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri {
                return v["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }
}

fn article(title: &str, day: u32, holder: &str, tonnes: &str) -> String {
    format!(
        "{title}\nNorthern Wire·2024-09-0{day} 08:00\n\n\
         Norland's Prime Minister {holder} opened the fair.\n\
         The Norland Minerals Agency said lithium production reached {tonnes} tonnes in 2024.\n"
    )
}

#[test]
fn a_client_gets_diagnostics_fixes_and_hovers() {
    let ws = tempfile::tempdir().expect("tempdir");
    // The workspace: another article with the other figure, and the draft's saved copy.
    std::fs::write(
        ws.path().join("other.txt"),
        article("Other", 3, "Bo Hedman", "12,000"),
    )
    .expect("write");
    let draft = ws.path().join("draft.txt");
    std::fs::write(&draft, article("Draft", 2, "Bo Hedman", "12,000")).expect("write");
    let root = format!("file://{}", ws.path().display());
    let uri = format!("file://{}", draft.display());
    let mut c = Client::start(ws.path());
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {},
               "workspaceFolders": [{"uri": root, "name": "ws"}]}),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    c.notify("initialized", json!({}));

    // The buffer names the wrong holder and another figure than the saved articles.
    let text = article("Draft", 2, "Ada Lindqvist", "8,000");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let ds = c.diagnostics(&uri);
    let mut codes: Vec<&str> = ds.iter().filter_map(|d| d["code"].as_str()).collect();
    codes.sort();
    assert_eq!(
        codes,
        vec!["quantity-conflict", "role-holder-conflict"],
        "{ds:#?}"
    );
    let holder = ds
        .iter()
        .find(|d| d["code"] == "role-holder-conflict")
        .expect("one");
    // "Norland's Prime Minister " is 25 UTF-16 units; "Ada Lindqvist" 13.
    assert_eq!(
        holder["range"],
        json!({"start": {"line": 3, "character": 25}, "end": {"line": 3, "character": 38}})
    );
    assert_eq!(holder["severity"], 1);
    assert_eq!(holder["data"]["expected"], "Bo Hedman");
    let figure = ds
        .iter()
        .find(|d| d["code"] == "quantity-conflict")
        .expect("one");
    let related = figure["relatedInformation"].as_array().expect("related");
    // The other article, not the draft's own saved copy.
    assert_eq!(related.len(), 1, "{related:#?}");
    assert!(
        related[0]["location"]["uri"]
            .as_str()
            .unwrap_or("")
            .ends_with("/other.txt")
    );
    assert_eq!(related[0]["message"], "12,000 tonnes");

    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": holder["range"],
               "context": {"diagnostics": [holder]}}),
    );
    assert_eq!(actions[0]["title"], "Replace with Bo Hedman");
    assert_eq!(
        actions[0]["edit"]["changes"][&uri][0]["newText"],
        "Bo Hedman"
    );
    assert_eq!(
        actions[0]["edit"]["changes"][&uri][0]["range"],
        holder["range"]
    );

    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 62}}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        shown.contains("**quantity** `8,000 tonnes`") && shown.contains("value: `8000`"),
        "{shown}"
    );

    // On a title and holder: what the knowledge base knows of the office that day.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 30}}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        shown.contains("Prime Minister of Norland") && shown.contains("Bo Hedman"),
        "{shown}"
    );

    // The fixed text: no diagnostics left.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"text": article("Draft", 2, "Bo Hedman", "12,000")}]}),
    );
    assert_eq!(c.diagnostics(&uri), Vec::<Value>::new());

    assert_eq!(c.request("shutdown", Value::Null), Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().expect("the server ends");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn lsp_against_in_the_configuration_replaces_the_workspace() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (ws, elsewhere) = (tmp.path().join("ws"), tmp.path().join("archive"));
    std::fs::create_dir_all(&ws).expect("mkdir");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::fs::write(
        elsewhere.join("old.txt"),
        article("Old", 3, "Bo Hedman", "12,000"),
    )
    .expect("write");
    // In the workspace, an article that agrees with the draft: not read.
    std::fs::write(
        ws.join("same.txt"),
        article("Same", 3, "Bo Hedman", "8,000"),
    )
    .expect("write");
    std::fs::write(
        ws.join("claimcheck.toml"),
        "[lsp]\nagainst = [\"../archive\"]\n",
    )
    .expect("write");
    let draft = ws.join("draft.txt");
    let root = format!("file://{}", ws.display());
    let uri = format!("file://{}", draft.display());
    let mut c = Client::start(&ws);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    let text = article("Draft", 2, "Bo Hedman", "8,000");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let ds = c.diagnostics(&uri);
    assert_eq!(ds.len(), 1, "{ds:#?}");
    assert_eq!(ds[0]["code"], "quantity-conflict");
    let at = ds[0]["relatedInformation"][0]["location"]["uri"]
        .as_str()
        .unwrap_or_default();
    assert!(
        at.ends_with("/archive/old.txt") && !at.contains(".."),
        "{at}"
    );
    assert_eq!(c.request("shutdown", Value::Null), Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.child.wait().expect("ends").code(), Some(0));
}
