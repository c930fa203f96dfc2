//! `claimcheck extract`: the normalized claims, as JSON, JSON Lines or for people.

use serde_json::{Map, Value, json};

use super::{num, opt_num, tool};
use crate::claims::{Claim, Kind};
use crate::normalize::Qualifier;
use crate::read::{File, Source};

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Over => "over",
        Qualifier::AtLeast => "at_least",
        Qualifier::Nearly => "nearly",
        Qualifier::About => "about",
        Qualifier::UpTo => "up_to",
        Qualifier::LessThan => "less_than",
    }
}

/// One claim as the contract's JSON object.
pub fn claim_json(c: &Claim, files: &[File], sources: &[Source]) -> Value {
    let src = &sources[c.source];
    let loc = files[src.file].location(c.span.clone());
    let mut o = Map::new();
    o.insert("kind".into(), json!(c.kind.name()));
    o.insert("source".into(), json!(src.id));
    o.insert("path".into(), json!(src.path));
    o.insert("line".into(), json!(loc.line));
    o.insert("column".into(), json!(loc.column));
    o.insert("end_line".into(), json!(loc.end_line));
    o.insert("end_column".into(), json!(loc.end_column));
    o.insert("text".into(), json!(loc.text));
    match &c.kind {
        Kind::Quantity(q) => {
            let k = &q.key;
            o.insert("value".into(), opt_num(q.qty.value));
            o.insert("low".into(), opt_num(q.qty.low));
            o.insert("high".into(), opt_num(q.qty.high));
            o.insert(
                "unit".into(),
                q.qty.unit.map_or(Value::Null, |u| json!(u.name())),
            );
            o.insert("per".into(), json!(q.qty.per));
            o.insert(
                "qualifier".into(),
                json!(q.qty.qualifier.map(qualifier_name)),
            );
            o.insert("noun".into(), json!(q.qty.noun));
            o.insert("change".into(), json!(q.qty.change.map(change_name)));
            o.insert("subject".into(), json!(k.subject_name));
            o.insert("measure".into(), json!(k.measure));
            o.insert("period".into(), json!(k.period));
            o.insert("modality".into(), json!(k.modality.name()));
            o.insert("frame".into(), frame_json(&q.frame));
        }
        Kind::Date(d) => {
            o.insert("value".into(), json!(d.value.render()));
            o.insert("event".into(), json!(d.event));
        }
        Kind::Entity(e) => {
            o.insert("canonical".into(), json!(e.canonical));
            o.insert("type".into(), json!(e.etype));
            o.insert("id".into(), json!(e.id));
        }
        Kind::Role(r) => {
            o.insert("office".into(), json!(r.office));
            o.insert("holder".into(), json!(r.holder));
            o.insert("holder_canonical".into(), json!(r.holder_canonical));
            o.insert("at".into(), json!(r.at.map(|v| v.render())));
        }
        Kind::Acronym(a) => {
            o.insert("short".into(), json!(a.short));
            o.insert("long".into(), json!(a.long));
        }
    }
    Value::Object(o)
}

/// How a figure stands to a change: the level before it, after it, or its size.
fn change_name(c: crate::normalize::Change) -> &'static str {
    use crate::normalize::Change;
    match c {
        Change::From => "from",
        Change::To => "to",
        Change::By => "by",
    }
}

/// A claim frame as JSON: its subject, the parties of its sentence, its first word
/// when that may be a name (`lead`), its scope, the
/// base of a change (`year`, `quarter`, `month` or null), who tells it and its eight heaviest
/// context features.
fn frame_json(f: &crate::claims::Frame) -> Value {
    let mut what: Vec<&(String, f32)> = f.what.iter().collect();
    what.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    json!({
        "subject": f.subject,
        "carried_subject": f.carried,
        "parties": f.parties,
        "lead": f.lead,
        "unit": f.unit,
        "scope": f.scope.name(),
        "base": f.base,
        "teller": f.teller,
        "direction": f.direction,
        "series": f.series,
        // Weights to three decimals, as the frame keeps them.
        "what": what
            .iter()
            .take(8)
            .map(|(w, x)| json!([w, (f64::from(*x) * 1000.0).round() / 1000.0]))
            .collect::<Vec<_>>(),
    })
}

pub fn source_json(s: &Source) -> Value {
    json!({
        "id": s.id,
        "path": s.path,
        "title": s.title,
        "date": s.date.map(|d| d.format("%Y-%m-%d").to_string()),
        "lang": s.lang,
    })
}

pub fn json(claims: &[Claim], files: &[File], sources: &[Source]) -> String {
    json_with_errors(claims, files, sources, &[])
}

/// `json` with the input files that were skipped, listed under `errors` (absent when none was).
pub fn json_with_errors(
    claims: &[Claim],
    files: &[File],
    sources: &[Source],
    errors: &[crate::Error],
) -> String {
    let mut out = Vec::new();
    // Writing into a Vec fails only on a serializer error, which these values cannot raise.
    let _ = write_json(&mut out, claims, files, sources, errors);
    String::from_utf8(out).unwrap_or_default()
}

/// `json_with_errors`, written to `w` as it is built, one claim at a time: a JSON
/// tree of every claim of a long article took ten times the output's size in
/// memory, and the whole output in one string its size again. The keys come in
/// the order `serde_json` gives a map (sorted).
pub fn write_json(
    w: &mut dyn std::io::Write,
    claims: &[Claim],
    files: &[File],
    sources: &[Source],
    errors: &[crate::Error],
) -> std::io::Result<()> {
    struct Doc<'a> {
        claims: &'a [Claim],
        files: &'a [File],
        sources: &'a [Source],
        errors: &'a [crate::Error],
    }
    struct Claims<'a>(&'a Doc<'a>);
    impl serde::Serialize for Claims<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let d = self.0;
            s.collect_seq(d.claims.iter().map(|c| claim_json(c, d.files, d.sources)))
        }
    }
    impl serde::Serialize for Doc<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("claims", &Claims(self))?;
            if !self.errors.is_empty() {
                let errors: Vec<Value> = self.errors.iter().map(crate::Error::to_json).collect();
                m.serialize_entry("errors", &errors)?;
            }
            let sources: Vec<Value> = self.sources.iter().map(source_json).collect();
            m.serialize_entry("sources", &sources)?;
            m.serialize_entry("tool", &tool())?;
            m.end()
        }
    }
    let doc = Doc {
        claims,
        files,
        sources,
        errors,
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}

/// One claim per line; sources are not repeated (each claim names its source).
pub fn jsonl(claims: &[Claim], files: &[File], sources: &[Source]) -> String {
    let mut out = Vec::new();
    let _ = write_jsonl(&mut out, claims, files, sources);
    String::from_utf8(out).unwrap_or_default()
}

/// `jsonl`, written to `w` a claim at a time.
pub fn write_jsonl(
    w: &mut dyn std::io::Write,
    claims: &[Claim],
    files: &[File],
    sources: &[Source],
) -> std::io::Result<()> {
    for c in claims {
        serde_json::to_writer(&mut *w, &claim_json(c, files, sources))
            .map_err(std::io::Error::from)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// For people: each source, then one line a claim: position, kind, text, meaning.
pub fn human(claims: &[Claim], files: &[File], sources: &[Source]) -> String {
    let mut s = String::new();
    // Each source's claims, in one pass over the claims (not one per source).
    let mut by_source: Vec<Vec<&Claim>> = vec![Vec::new(); sources.len()];
    for c in claims {
        if let Some(v) = by_source.get_mut(c.source) {
            v.push(c);
        }
    }
    for (i, src) in sources.iter().enumerate() {
        let date = src.date.map_or("undated".to_string(), |d| d.to_string());
        s.push_str(&format!(
            "{} ({}, {})\n",
            crate::text::escape_name(&src.id),
            date,
            src.lang
        ));
        for c in &by_source[i] {
            let loc = files[src.file].location(c.span.clone());
            let meaning = match &c.kind {
                Kind::Quantity(q) => {
                    let v = match (q.qty.value, q.qty.low, q.qty.high) {
                        (Some(v), _, _) => num(v).to_string(),
                        (None, l, h) => format!("{}..{}", opt_num(l), opt_num(h)),
                    };
                    let unit = q.qty.unit.map(|u| u.name()).unwrap_or_default();
                    format!("{v} {unit}  [{} @ {}]", q.key.measure, q.key.period)
                }
                Kind::Date(d) => d.value.render(),
                Kind::Entity(e) => format!(
                    "{} ({})",
                    e.canonical,
                    json!(e.etype).as_str().unwrap_or("")
                ),
                Kind::Role(r) => format!(
                    "{} = {}",
                    r.office,
                    r.holder_canonical.as_deref().unwrap_or(&r.holder)
                ),
                Kind::Acronym(a) => format!("{} = {}", a.short, a.long),
            };
            let kind = c.kind.name();
            s.push_str(&format!(
                "  {}:{}:{}  {kind:<8}  {}  →  {meaning}\n",
                crate::text::escape_name(&src.path),
                loc.line,
                loc.column,
                loc.text
            ));
        }
    }
    s
}
