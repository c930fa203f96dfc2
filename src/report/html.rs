//! `claimcheck check --format html`: one self-contained page for an editor to open
//! in a browser. No network and no external assets: the CSS and a small script are
//! inline, and a Content-Security-Policy forbids loading anything else. Every piece
//! of article, rule and knowledge-base text is HTML-escaped, so no article can add
//! markup or run script. The page reads fine with JavaScript off; the script only
//! adds the rule and severity filters.

use crate::read::{File, Source};
use crate::rules::{Finding, Place, Severity};

use super::check::finding_diff;
use super::markdown::{context, rule_order};

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

const STYLE: &str = "
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 1.5em;color:#1d1d1f;background:#fff}
h1{margin:.2em 0}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 1.5em .5em 0;display:inline-table;vertical-align:top}
td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}td.n{text-align:right}
code{font-family:ui-monospace,monospace;font-size:.92em;background:#f3f3f3;padding:0 .2em}
.finding{border:1px solid #bbb;border-left:6px solid #888;border-radius:4px;padding:.4em 1em .8em;margin:1em 0}
.sev-error{border-left-color:#c0392b}.sev-warning{border-left-color:#d68910}.sev-info{border-left-color:#2e86c1}
.badge{display:inline-block;padding:0 .5em;border-radius:3px;color:#fff;font-size:.85em;background:#888}
.badge.error{background:#c0392b}.badge.warning{background:#b9770e}.badge.info{background:#2e86c1}
.finding h3{margin:.3em 0;font-size:1.05em}.message{font-weight:600}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:.8em}
.side{border:1px solid #ddd;border-radius:4px;padding:.4em .8em;background:#fafafa}
.side.primary{background:#fff8f0}.meta{color:#555;font-size:.9em}
blockquote{margin:.4em 0;padding-left:.7em;border-left:3px solid #ddd}
mark{background:#ffe066;padding:0 .1em}
pre.diff{background:#f6f6f6;padding:.5em .8em;border-radius:4px;overflow-x:auto}
.del{color:#a61b1b;background:#fde8e8}.add{color:#146c2e;background:#e6f6ea}
#filters{border:1px solid #ccc;border-radius:4px;padding:.4em 1em;margin:1em 0}
#filters label{margin-right:1.2em;white-space:nowrap}
.hidden{display:none}
";

/// Runs after the page is parsed: shows the filters and hides the findings (cards
/// and per-source entries) whose rule or severity is unchecked.
const SCRIPT: &str = "
(function(){
  var box=document.getElementById('filters');
  if(!box)return;
  box.hidden=false;
  function checked(kind){
    var on={};
    box.querySelectorAll('input[data-'+kind+']').forEach(function(i){on[i.getAttribute('data-'+kind)]=i.checked;});
    return on;
  }
  function apply(){
    var rules=checked('rule'),sevs=checked('severity'),shown=0,all=0;
    document.querySelectorAll('[data-finding]').forEach(function(e){
      var hide=!rules[e.getAttribute('data-rule')]||!sevs[e.getAttribute('data-severity')];
      e.classList.toggle('hidden',hide);
      if(e.classList.contains('finding')){all++;if(!hide)shown++;}
    });
    var c=document.getElementById('shown');
    if(c)c.textContent='Showing '+shown+' of '+all+' findings.';
  }
  box.addEventListener('change',apply);
  apply();
})();
";

/// Escapes text for HTML content and quoted attribute values; control characters
/// other than line breaks and tabs become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The sentence around a place with the span in `<mark>`, escaped.
fn quote(p: &Place, files: &[File], sources: &[Source]) -> String {
    let Some((before, mid, after)) = context(p, files, sources) else {
        return String::new();
    };
    format!(
        "{}<mark>{}</mark>{}",
        escape(before.trim_start()),
        escape(&mid),
        escape(after.trim_end())
    )
}

/// A diff as lines, `-` lines and `+` lines styled.
fn diff_html(d: &str) -> String {
    let mut out = String::from("<pre class=\"diff\">");
    for line in d.lines() {
        let class = if line.starts_with('-') {
            " class=\"del\""
        } else if line.starts_with('+') {
            " class=\"add\""
        } else {
            ""
        };
        out.push_str(&format!("<span{class}>{}</span>\n", escape(line)));
    }
    out.push_str("</pre>");
    out
}

fn side(p: &Place, files: &[File], sources: &[Source]) -> String {
    let s = sources.get(p.source);
    let id = s.map_or(String::new(), |s| escape(&s.id));
    let date = s
        .and_then(|s| s.date)
        .map_or("no date".to_string(), |d| d.to_string());
    let line = s
        .and_then(|s| files.get(s.file))
        .map_or(String::new(), |f| {
            let loc = f.location(p.span.clone());
            format!(", line {}:{}", loc.line, loc.column)
        });
    let role = if p.primary { "primary" } else { "related" };
    format!(
        "<div class=\"side {role}\">\n<div class=\"meta\"><a href=\"#s{}\">{id}</a>{line} · {date} · {role}</div>\n\
         <blockquote>{}</blockquote>\n<div>Normalized: <code>{}</code></div>\n</div>\n",
        p.source + 1,
        quote(p, files, sources),
        escape(&p.normalized),
    )
}

fn card(k: usize, f: &Finding, files: &[File], sources: &[Source]) -> String {
    let sev = f.severity.name();
    let rule = escape(f.rule);
    let mut out = format!(
        "<article class=\"finding sev-{sev}\" id=\"f{n}\" data-finding data-rule=\"{rule}\" data-severity=\"{sev}\">\n\
         <h3>{n}. <span class=\"badge {sev}\">{sev}</span> <code>{rule}</code></h3>\n\
         <p class=\"message\">{}</p>\n",
        escape(&f.message),
        n = k + 1,
    );
    if let Some(subject) = &f.subject {
        out.push_str(&format!("<p>Subject: {}</p>\n", escape(subject)));
    }
    out.push_str("<div class=\"sides\">\n");
    for p in &f.places {
        out.push_str(&side(p, files, sources));
    }
    out.push_str("</div>\n");
    if let Some(e) = &f.expected {
        out.push_str(&format!(
            "<p>Expected: <strong>{}</strong></p>\n",
            escape(e)
        ));
    }
    if let Some(h) = &f.help {
        out.push_str(&format!("<p>Help: {}</p>\n", escape(h)));
    }
    if let Some(d) = finding_diff(f) {
        out.push_str(&diff_html(&d));
        out.push('\n');
    }
    out.push_str("</article>\n");
    out
}

/// The per-source view: each article with links to the findings that place it.
fn by_source(findings: &[Finding], sources: &[Source]) -> String {
    let mut out = String::from("<section id=\"sources\">\n<h2>By source</h2>\n");
    for (i, s) in sources.iter().enumerate() {
        let date = s.date.map_or("no date".to_string(), |d| d.to_string());
        out.push_str(&format!(
            "<section id=\"s{}\">\n<h3><code>{}</code></h3>\n<p class=\"meta\">{} · {date} · {}</p>\n",
            i + 1,
            escape(&s.id),
            s.title.as_deref().map_or(String::new(), escape),
            escape(s.lang),
        ));
        let mut items = String::new();
        for (k, f) in findings.iter().enumerate() {
            for p in f.places.iter().filter(|p| p.source == i) {
                items.push_str(&format!(
                    "<li data-finding data-rule=\"{}\" data-severity=\"{}\"><a href=\"#f{}\">#{}</a> \
                     <span class=\"badge {}\">{}</span> <code>{}</code>: <code>{}</code> ({})</li>\n",
                    escape(f.rule),
                    f.severity.name(),
                    k + 1,
                    k + 1,
                    f.severity.name(),
                    f.severity.name(),
                    escape(f.rule),
                    escape(&p.normalized),
                    if p.primary { "primary" } else { "related" },
                ));
            }
        }
        if items.is_empty() {
            out.push_str("<p>No findings.</p>\n");
        } else {
            out.push_str(&format!("<ul>\n{items}</ul>\n"));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The filters, hidden until the script shows them (they do nothing without it).
fn filters(findings: &[Finding], rules: &[&str]) -> String {
    let mut out = String::from("<form id=\"filters\" hidden>\n<div><strong>Rules:</strong>\n");
    for id in rules {
        let id = escape(id);
        out.push_str(&format!(
            "<label><input type=\"checkbox\" data-rule=\"{id}\" checked> <code>{id}</code></label>\n"
        ));
    }
    out.push_str("</div>\n<div><strong>Severity:</strong>\n");
    for s in SEVERITIES {
        if findings.iter().any(|f| f.severity == s) {
            let s = s.name();
            out.push_str(&format!(
                "<label><input type=\"checkbox\" data-severity=\"{s}\" checked> {s}</label>\n"
            ));
        }
    }
    out.push_str("</div>\n<p id=\"shown\"></p>\n</form>\n");
    out
}

/// The whole page.
pub fn render(findings: &[Finding], files: &[File], sources: &[Source], claims: usize) -> String {
    render_with_errors(findings, files, sources, claims, &[])
}

/// `render`, with the input files that were skipped listed after the counts.
pub fn render_with_errors(
    findings: &[Finding],
    files: &[File],
    sources: &[Source],
    claims: usize,
    errors: &[crate::Error],
) -> String {
    // The mark makes the next run skip this file if it is written among the articles.
    let mut out = format!("<!DOCTYPE html>\n{}\n", crate::read::REPORT_MARK);
    out.push_str(
        "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>claimcheck report</title>\n<style>",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>claimcheck report</h1>\n");
    out.push_str(&format!(
        "<p><strong>{}</strong> in {}, {}.</p>\n",
        plural(findings.len(), "finding"),
        plural(sources.len(), "source"),
        plural(claims, "claim"),
    ));
    if !errors.is_empty() {
        out.push_str(&format!(
            "<section id=\"skipped\">\n<h2>{} skipped</h2>\n<p>These could not be read as articles.</p>\n<ul>\n",
            plural(errors.len(), "file")
        ));
        for e in errors {
            out.push_str(&format!("<li>{}</li>\n", escape(&e.to_string())));
        }
        out.push_str("</ul>\n</section>\n");
    }
    let rules: Vec<&str> = rule_order(findings)
        .into_iter()
        .filter(|id| findings.iter().any(|f| f.rule == *id))
        .collect();
    if findings.is_empty() {
        out.push_str("<p>No conflicts found.</p>\n");
    } else {
        out.push_str(
            "<section id=\"summary\">\n<table>\n<tr><th>Severity</th><th>Findings</th></tr>\n",
        );
        for s in SEVERITIES {
            let n = findings.iter().filter(|f| f.severity == s).count();
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"n\">{n}</td></tr>\n",
                s.name()
            ));
        }
        out.push_str("</table>\n<table>\n<tr><th>Rule</th><th>Findings</th></tr>\n");
        for id in &rules {
            let n = findings.iter().filter(|f| f.rule == *id).count();
            out.push_str(&format!(
                "<tr><td><code>{}</code></td><td class=\"n\">{n}</td></tr>\n",
                escape(id)
            ));
        }
        out.push_str("</table>\n</section>\n");
        out.push_str(&filters(findings, &rules));
        out.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
        for (k, f) in findings.iter().enumerate() {
            out.push_str(&card(k, f, files, sources));
        }
        out.push_str("</section>\n");
    }
    out.push_str(&by_source(findings, sources));
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}
