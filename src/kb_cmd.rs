//! `claimcheck kb`: the knowledge base answering what an editor asks. `who` (an
//! office's holders), `what` (what a name or acronym stands for), `find` (entries
//! whose names contain a text), `stats` (its size and the share of entries with
//! examples) and `check` (run every entry's examples). Exit status: 0 found, 1
//! nothing found (a message with close names on stderr), 2 bad usage.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use serde_json::{Value, json};

use claimcheck::Error;
use claimcheck::kb::{Entity, Figure, FigureValue, Kb, Office, Precision, SourceRef, Term};
use claimcheck::report::num;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub query: Query,
    /// Rule and knowledge-base files to add to the built-in ones (overriding by id).
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub rules: Vec<PathBuf>,
    /// For people (human) or scripts (json).
    #[arg(long, value_enum, default_value = "human", global = true)]
    pub format: Format,
}

#[derive(Subcommand)]
pub enum Query {
    /// Who holds an office (by id, name, alias or "Prime Minister of Japan"-style title):
    /// today's holder and every recorded holder, or the holder on a date.
    Who {
        /// An office id, name, alias or title ("Prime Minister of Japan").
        office: String,
        /// The day to give the holder for (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// What a name, alias, acronym or id stands for (every entity, for a shared acronym).
    What {
        /// A name, alias, acronym or id.
        name: String,
    },
    /// Entities and offices whose id, name, alias, acronym or surname contains TEXT.
    Find {
        /// Text to look for in ids, names, aliases, acronyms and surnames.
        text: String,
    },
    /// Reference figures whose id, name or term contains TEXT ("lithium", "全球稀土"):
    /// subject, unit, tolerance, bases, every value with its period, and source; with
    /// --on, the value in force that day.
    Figure {
        /// Text to look for in figure ids, names and terms.
        text: String,
        /// The day to give the value for (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// How many offices, holders, people, organizations, acronyms, places, figures and
    /// events the knowledge base holds, and the share of entries with examples.
    Stats,
    /// Run every entry's examples; stop (exit 2) at the first wrong one.
    Check,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// The day `--on` names, if given.
fn on_day(on: Option<&str>) -> Result<Option<NaiveDate>, Error> {
    on.map(|s| {
        claimcheck::normalize::date::parse_iso_day(s)
            .ok_or_else(|| Error::Usage(format!("--on \"{s}\" is not a date; expected YYYY-MM-DD")))
    })
    .transpose()
}

/// Runs one query: what to print on stdout, and the exit status.
pub fn run(kb: &Kb, args: &Args) -> Result<(String, u8), Error> {
    let json = args.format == Format::Json;
    match &args.query {
        Query::Who { office, on } => {
            let day = on_day(on.as_deref())?;
            let found = kb.find_offices(office);
            if found.is_empty() {
                not_found(kb, "office", office);
            }
            let offices: Vec<&Office> = found.iter().filter_map(|&i| kb.offices.get(i)).collect();
            let out = if json {
                who_json(kb, office, day, &offices)
            } else {
                offices
                    .iter()
                    .map(|o| who_human(kb, o, day))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok((out, u8::from(found.is_empty())))
        }
        Query::What { name } => {
            let entities = kb.find_entities(name);
            let offices = kb.find_offices(name);
            let misspelt = kb.misspelt_as(name);
            let nothing = entities.is_empty() && offices.is_empty() && misspelt.is_empty();
            if nothing {
                not_found(kb, "entry", name);
            }
            let out = if json {
                let mut v = listing_json(kb, name, &entities, &offices);
                v["misspelling_of"] = misspelt
                    .iter()
                    .filter_map(|&i| kb.entities.get(i))
                    .map(|e| json!({"id": e.id, "name": e.name}))
                    .collect();
                pretty(&v)
            } else {
                let mut out = String::new();
                for e in misspelt.iter().filter_map(|&i| kb.entities.get(i)) {
                    out.push_str(&format!(
                        "\"{name}\" is a known misspelling of {} [{}]\n\n",
                        e.name, e.id
                    ));
                }
                out + &listing_human(kb, &entities, &offices)
            };
            Ok((out, u8::from(nothing)))
        }
        Query::Find { text } => {
            let (entities, offices) = kb.search(text);
            let nothing = entities.is_empty() && offices.is_empty();
            if nothing {
                not_found(kb, "entry containing", text);
            }
            let out = if json {
                pretty(&listing_json(kb, text, &entities, &offices))
            } else {
                listing_human(kb, &entities, &offices)
            };
            Ok((out, u8::from(nothing)))
        }
        Query::Figure { text, on } => {
            let day = on_day(on.as_deref())?;
            let found = kb.find_figures(text);
            if found.is_empty() {
                eprintln!(
                    "claimcheck: no reference figure whose id, name or term contains \"{text}\""
                );
            }
            let figures: Vec<&Figure> = found.iter().filter_map(|&i| kb.figures.get(i)).collect();
            let out = if json {
                pretty(&json!({
                    "query": text,
                    "on": day.map(|d| d.to_string()),
                    "figures": figures.iter().map(|f| figure_json(kb, f, day)).collect::<Vec<_>>(),
                }))
            } else {
                figures
                    .iter()
                    .map(|f| figure_human(kb, f, day))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok((out, u8::from(found.is_empty())))
        }
        Query::Stats => {
            let s = kb.stats();
            let out = if json {
                let mut v = serde_json::to_value(&s).unwrap_or(Value::Null);
                v["with_examples"] = serde_json::to_value(s.total()).unwrap_or(Value::Null);
                pretty(&v)
            } else {
                stats_human(&s)
            };
            Ok((out, 0))
        }
        Query::Check => {
            let s = claimcheck::engine::examples::check(kb)?;
            let out = if json {
                pretty(&json!({"entries": s.entries, "examples": s.examples, "ok": true}))
            } else {
                format!(
                    "{} examples of {} entries: all hold\n",
                    s.examples, s.entries
                )
            };
            Ok((out, 0))
        }
    }
}

/// The message for a query that names nothing, with the closest known names.
fn not_found(kb: &Kb, what: &str, q: &str) {
    let close = kb.suggest(q, 3);
    let hint = if close.is_empty() {
        String::new()
    } else {
        format!(
            " (did you mean {}?)",
            close
                .iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    eprintln!("claimcheck: no {what} \"{q}\" in the knowledge base{hint}");
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// Today's date (UTC), for `who` without `--on`.
pub fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map_or(NaiveDate::MIN, |d| d.date_naive())
}

fn name_of(kb: &Kb, id: &str) -> String {
    kb.entity(id).map_or(id.to_string(), |e| e.name.clone())
}

fn period(t: &Term) -> String {
    match t.to_text() {
        Some(to) => format!("{} → {to}", t.from_text()),
        None => format!("{} →", t.from_text()),
    }
}

fn source_human(s: &SourceRef) -> String {
    format!("{}, \"{}\", {}", s.publisher, s.document, s.date)
}

fn source_json(s: &SourceRef) -> Value {
    json!({"publisher": s.publisher, "document": s.document, "date": s.date})
}

fn term_json(kb: &Kb, t: &Term) -> Value {
    json!({
        "person": t.person,
        "name": name_of(kb, &t.person),
        "from": t.from_text(),
        "to": t.to_text(),
    })
}

/// The terms in force on `day` (two on a handover day).
fn terms_on(o: &Office, day: NaiveDate) -> Vec<&Term> {
    o.holders.iter().filter(|t| t.covers(day, day)).collect()
}

pub fn who_human(kb: &Kb, o: &Office, on: Option<NaiveDate>) -> String {
    let mut out = format!("{} [{}]\n", o.name, o.id);
    if let Some(of) = &o.of {
        out.push_str(&format!("  of: {} [{of}]\n", name_of(kb, of)));
    }
    let day = on.unwrap_or_else(today);
    let label = if on.is_some() {
        format!("on {day}")
    } else {
        format!("today ({day})")
    };
    let now = terms_on(o, day);
    if o.holders.is_empty() {
        out.push_str("  holders: not recorded\n");
    } else if now.is_empty() {
        let first = o.holders.iter().map(|t| t.from).min();
        let last = o.holders.iter().filter_map(|t| t.to).max();
        let open = o.holders.iter().any(|t| t.to.is_none());
        let range = match (first, last, open) {
            (Some(f), _, true) => format!("from {f}"),
            (Some(f), Some(l), false) => format!("from {f} to {l}"),
            _ => String::new(),
        };
        match o.gaps.iter().find(|g| g.from <= day && day <= g.to) {
            Some(g) => out.push_str(&format!(
                "  {label}: no holder recorded ({} to {}: {})\n",
                g.from, g.to, g.why
            )),
            None => out.push_str(&format!(
                "  {label}: no holder recorded (records run {range})\n"
            )),
        }
    } else {
        let names: Vec<String> = now
            .iter()
            .map(|t| {
                format!(
                    "{} [{}], in office {}",
                    name_of(kb, &t.person),
                    t.person,
                    period(t)
                )
            })
            .collect();
        let handover = match now.len() {
            1 => "",
            _ if now
                .iter()
                .any(|t| t.from_known != Precision::Day || t.to_known != Precision::Day) =>
            {
                " (the day of the handover is not recorded)"
            }
            _ => " (handover day)",
        };
        out.push_str(&format!("  {label}{handover}: {}\n", names.join("; ")));
    }
    if on.is_none() && !o.holders.is_empty() {
        out.push_str("  holders:\n");
        let mut terms: Vec<&Term> = o.holders.iter().collect();
        terms.sort_by_key(|t| t.from);
        for t in terms {
            out.push_str(&format!(
                "    {:<25} {} [{}]\n",
                period(t),
                name_of(kb, &t.person),
                t.person
            ));
        }
    }
    out.push_str(&format!("  source: {}\n", source_human(&o.source)));
    out
}

fn office_json(kb: &Kb, o: &Office) -> Value {
    json!({
        "type": "office",
        "id": o.id,
        "name": o.name,
        "of": o.of.as_ref().map(|id| json!({"id": id, "name": name_of(kb, id)})),
        "titles": o.titles,
        "aliases": o.aliases,
        "holders": o.holders.iter().map(|t| term_json(kb, t)).collect::<Vec<_>>(),
        "gaps": o.gaps.iter().map(|g| json!({"from": g.from.to_string(), "to": g.to.to_string(), "why": g.why})).collect::<Vec<_>>(),
        "source": source_json(&o.source),
        "examples": o.examples.len(),
    })
}

fn who_json(kb: &Kb, q: &str, on: Option<NaiveDate>, offices: &[&Office]) -> String {
    let day = on.unwrap_or_else(today);
    let list: Vec<Value> = offices
        .iter()
        .map(|o| {
            let mut v = office_json(kb, o);
            v["holders_on"] = terms_on(o, day).iter().map(|t| term_json(kb, t)).collect();
            v
        })
        .collect();
    pretty(&json!({"query": q, "on": day.to_string(), "offices": list}))
}

fn refs(kb: &Kb, ids: impl Iterator<Item = usize>) -> Vec<Value> {
    ids.filter_map(|i| kb.entities.get(i))
        .map(|e| json!({"id": e.id, "name": e.name}))
        .collect()
}

fn entity_json(kb: &Kb, e: &Entity) -> Value {
    let held: Vec<Value> = kb
        .terms_of(&e.id)
        .into_iter()
        .filter_map(|(i, t)| {
            let o = kb.offices.get(i)?;
            Some(json!({
                "office": o.id,
                "name": o.name,
                "from": t.from.to_string(),
                "to": t.to.map(|d| d.to_string()),
            }))
        })
        .collect();
    let offices: Vec<Value> = kb
        .offices_of(&e.id)
        .into_iter()
        .filter_map(|i| kb.offices.get(i))
        .map(|o| json!({"id": o.id, "name": o.name}))
        .collect();
    let figures: Vec<Value> = kb
        .figures
        .iter()
        .filter(|f| f.subject.as_deref() == Some(e.id.as_str()))
        .map(|f| json!({"id": f.id, "name": f.name}))
        .collect();
    let events: Vec<Value> = kb
        .events
        .iter()
        .filter(|v| v.subjects.contains(&e.id))
        .map(|v| json!({"id": v.id, "name": v.name, "date": v.date.to_string()}))
        .collect();
    json!({
        "type": e.kind.name(),
        "id": e.id,
        "name": e.name,
        "aliases": e.aliases,
        "acronyms": e.acronyms,
        "surnames": e.surnames,
        "adjectives": e.adjectives,
        "contexts": e.contexts,
        "misspellings": e.misspellings,
        "renamed": e.renamed.iter().map(|r| json!({"from": r.from, "on": r.on.to_string()})).collect::<Vec<_>>(),
        "operator": e.operator.as_ref().map(|id| json!({"id": id, "name": name_of(kb, id)})),
        "operates": refs(kb, kb.operated_by(&e.id).into_iter()),
        "offices_held": held,
        "offices": offices,
        "figures": figures,
        "events": events,
        "source": source_json(&e.source),
        "examples": e.examples.len(),
    })
}

fn listing_json(kb: &Kb, q: &str, entities: &[usize], offices: &[usize]) -> Value {
    json!({
        "query": q,
        "entities": entities.iter().filter_map(|&i| kb.entities.get(i)).map(|e| entity_json(kb, e)).collect::<Vec<_>>(),
        "offices": offices.iter().filter_map(|&i| kb.offices.get(i)).map(|o| office_json(kb, o)).collect::<Vec<_>>(),
    })
}

fn list_line(out: &mut String, label: &str, items: &[String]) {
    if !items.is_empty() {
        // Names may hold commas ("Japan Oil, Gas and Metals National Corporation").
        out.push_str(&format!("  {label}: {}\n", items.join("; ")));
    }
}

pub fn entity_human(kb: &Kb, e: &Entity) -> String {
    let mut out = format!("{} [{}], {}\n", e.name, e.id, e.kind.name());
    list_line(&mut out, "aliases", &e.aliases);
    list_line(&mut out, "acronyms", &e.acronyms);
    list_line(&mut out, "surnames", &e.surnames);
    list_line(&mut out, "adjectives", &e.adjectives);
    list_line(&mut out, "contexts", &e.contexts);
    list_line(&mut out, "misspellings", &e.misspellings);
    let renamed: Vec<String> = e
        .renamed
        .iter()
        .map(|r| format!("from \"{}\" on {}", r.from, r.on))
        .collect();
    list_line(&mut out, "renamed", &renamed);
    if let Some(op) = &e.operator {
        out.push_str(&format!("  operator: {} [{op}]\n", name_of(kb, op)));
    }
    let operates: Vec<String> = kb
        .operated_by(&e.id)
        .into_iter()
        .filter_map(|i| kb.entities.get(i))
        .map(|p| format!("{} [{}]", p.name, p.id))
        .collect();
    list_line(&mut out, "operates", &operates);
    let held = kb.terms_of(&e.id);
    if !held.is_empty() {
        out.push_str("  offices held:\n");
        for (i, t) in held {
            if let Some(o) = kb.offices.get(i) {
                out.push_str(&format!("    {:<25} {} [{}]\n", period(t), o.name, o.id));
            }
        }
    }
    let offices: Vec<String> = kb
        .offices_of(&e.id)
        .into_iter()
        .filter_map(|i| kb.offices.get(i))
        .map(|o| o.name.clone())
        .collect();
    list_line(&mut out, "offices", &offices);
    let figures: Vec<String> = kb
        .figures
        .iter()
        .filter(|f| f.subject.as_deref() == Some(e.id.as_str()))
        .map(|f| f.name.clone())
        .collect();
    list_line(&mut out, "figures", &figures);
    let events: Vec<String> = kb
        .events
        .iter()
        .filter(|v| v.subjects.contains(&e.id))
        .map(|v| format!("{} ({})", v.name, v.date))
        .collect();
    list_line(&mut out, "events", &events);
    out.push_str(&format!("  source: {}\n", source_human(&e.source)));
    out
}

fn listing_human(kb: &Kb, entities: &[usize], offices: &[usize]) -> String {
    let blocks: Vec<String> = entities
        .iter()
        .filter_map(|&i| kb.entities.get(i))
        .map(|e| entity_human(kb, e))
        .chain(
            offices
                .iter()
                .filter_map(|&i| kb.offices.get(i))
                .map(|o| who_human(kb, o, None)),
        )
        .collect();
    blocks.join("\n")
}

fn stats_human(s: &claimcheck::kb::query::Stats) -> String {
    let share = |k: claimcheck::kb::query::KindCount| {
        let pct = if k.entries == 0 {
            0.0
        } else {
            100.0 * k.with_examples as f64 / k.entries as f64
        };
        format!(
            "{}/{} with examples ({pct:.1}%)",
            k.with_examples, k.entries
        )
    };
    let total = s.total();
    let mut out = String::new();
    let mut line = |label: &str, n: usize, rest: String| {
        let l = format!("{label:<15}{n:>6}  {rest}");
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line("offices", s.offices.entries, share(s.offices));
    line(
        "holders",
        s.holders,
        format!("terms of office, {} people", s.holder_people),
    );
    line("people", s.people.entries, share(s.people));
    line(
        "organizations",
        s.organizations.entries,
        share(s.organizations),
    );
    line("acronyms", s.acronyms, String::new());
    line("places", s.places.entries, share(s.places));
    line(
        "figures",
        s.figures.entries,
        format!("{} values, {}", s.figure_values, share(s.figures)),
    );
    line("events", s.events.entries, share(s.events));
    line(
        "entries",
        total.entries,
        format!("{}, {} examples", share(total), s.examples),
    );
    out
}

fn value_period(v: &FigureValue) -> String {
    match v.to {
        Some(to) => format!("{} to {to}", v.from),
        None => format!("from {} (still in force)", v.from),
    }
}

fn subject_name(kb: &Kb, f: &Figure) -> String {
    match &f.subject {
        Some(id) => format!("{} [{id}]", name_of(kb, id)),
        None => "worldwide (its terms name the scope)".to_string(),
    }
}

fn figure_human(kb: &Kb, f: &Figure, day: Option<NaiveDate>) -> String {
    let mut out = format!(
        "{} [{}], in {}, tolerance {}\n",
        f.name,
        f.id,
        f.unit,
        num(f.tolerance)
    );
    out.push_str(&format!("  subject: {}\n", subject_name(kb, f)));
    list_line(&mut out, "terms", &f.terms);
    let bases: Vec<String> = f
        .equivalents
        .iter()
        .map(|e| format!("{} (x{})", e.basis, num(e.factor)))
        .collect();
    list_line(&mut out, "also as", &bases);
    match day {
        Some(d) => match f.value_on(d) {
            Some(v) => out.push_str(&format!(
                "  on {d}: {} {} ({})\n",
                v.level(),
                f.unit,
                value_period(v)
            )),
            None => out.push_str(&format!("  on {d}: no value recorded\n")),
        },
        None => {
            for v in &f.values {
                out.push_str(&format!(
                    "  {}: {} {}\n",
                    value_period(v),
                    v.level(),
                    f.unit
                ));
            }
        }
    }
    out.push_str(&format!("  source: {}\n", source_human(&f.source)));
    out
}

fn figure_json(kb: &Kb, f: &Figure, day: Option<NaiveDate>) -> Value {
    let value = |v: &FigureValue| json!({"low": num(v.low), "high": num(v.high), "from": v.from.to_string(), "to": v.to.map(|d| d.to_string())});
    json!({
        "id": f.id,
        "name": f.name,
        "subject": f.subject.as_ref().map(|id| json!({"id": id, "name": name_of(kb, id)})),
        "terms": f.terms,
        "unit": f.unit,
        "tolerance": num(f.tolerance),
        "equivalents": f.equivalents.iter().map(|e| json!({"basis": e.basis, "factor": num(e.factor)})).collect::<Vec<_>>(),
        "values": f.values.iter().map(value).collect::<Vec<_>>(),
        "on": day.map(|d| f.value_on(d).map(value)),
        "source": source_json(&f.source),
        "examples": f.examples.len(),
    })
}
