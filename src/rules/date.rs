//! date-conflict: the same event given different dates.
//!
//! A date claim's event is the event word written next to it ("signed on April
//! 10", 4月10日签署, "stopped on 1 January"; the vocabulary's `event` entries say
//! which words name which event). Dates are indexed by event; two days given for one
//! event conflict when they differ by at most `max_days_apart` (further apart, they
//! are more likely two events of one kind than one misdated), the
//! two sentences name a common entity (the sentence's, or one of the article's three
//! most named), and the sources are about the same story (a person or organization
//! in common, or `min_shared_entities` entities, and linked as one story by their
//! rare names and headline words: see `rules::stories`).
//!
//! A date not in such a conflict is also checked against the knowledge base's events
//! (`rules/events.toml`): when every subject of an event is named in its sentence,
//! the sentence writes a word of the event's `topic` ("critical minerals": the same
//! two countries signing a defence pact is another event) and its event word is one
//! of the event's terms, a day that differs from the
//! event's date by at most `max_days_apart` is flagged with the recorded date.
//!
//! Example (tests/fixtures/date-conflict/positive/article.txt):
//!   #1 (2025-04-12): "The Norland Minerals Agency signed the accord on April 10"
//!   #2 (2025-04-14): "Norland's Norland Minerals Agency signed the accord on April 3"
//!   error[date-conflict]: the "sign" event is dated 2025-04-03 here, but 2025-04-10 in #1

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::BTreeMap;

use chrono::Datelike;

use super::{Ctx, Finding, Place, Severity, groups};
use super::{Key, Keys};
use crate::claims::Claim;
use crate::claims::{DateClaim, Kind};
use crate::kb::Kb;
use crate::normalize::DateValue;

pub const ID: &str = "date-conflict";

/// The rule's parameters (`params` of its `[rule.ID]` in `rules/settings.toml`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    /// Entities two sources must name in common to be about one story.
    pub min_shared_entities: usize,
    /// Two days given for one event further apart than this are taken for two events.
    pub max_days_apart: i64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            min_shared_entities: 1,
            max_days_apart: 62,
        }
    }
}

impl super::settings::Params for Params {
    const RULE: &'static str = ID;
}

/// Can both dates be right (one contains the other)?
fn agree(a: DateValue, b: DateValue) -> bool {
    use DateValue::*;
    match (a, b) {
        (Day(x), Day(y)) => x == y,
        (Day(d), Month(y, m)) | (Month(y, m), Day(d)) => d.year() == y && d.month() == m,
        (Day(d), Year(y)) | (Year(y), Day(d)) => d.year() == y,
        (Month(y1, m1), Month(y2, m2)) => (y1, m1) == (y2, m2),
        (Month(y1, _), Year(y2)) | (Year(y2), Month(y1, _)) => y1 == y2,
        (Year(x), Year(y)) => x == y,
        _ => true, // unresolved partial dates are not compared
    }
}

pub fn check(cx: &Ctx) -> Vec<Finding> {
    let p: Params = cx.params();
    let (min_shared, max_apart) = (p.min_shared_entities, p.max_days_apart);
    // The three entities each source names most.
    let top: Vec<Vec<String>> = cx
        .mentions
        .iter()
        .map(|m| {
            let mut v: Vec<(&str, u32)> = m
                .iter()
                .filter(|(id, _)| super::is_entity(id))
                .map(|(id, n)| (id.as_str(), *n))
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            v.into_iter()
                .take(3)
                .map(|(id, _)| id.to_string())
                .collect()
        })
        .collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in cx.claims.iter().enumerate() {
        if let Kind::Date(d) = &c.kind
            && let (Some(e), DateValue::Day(_) | DateValue::Month(..) | DateValue::Year(_)) =
                (&d.event, d.value)
        {
            index.entry(e.as_str()).or_default().push(i);
        }
    }
    let date = |i: usize| -> Option<&DateClaim> {
        match &cx.claims[i].kind {
            Kind::Date(d) => Some(d),
            _ => None,
        }
    };
    // Per dated claim: the entities its sentence names and its article's top three,
    // sorted; two dates can only conflict when these meet.
    let mut attached: HashMap<usize, Vec<&str>> = HashMap::new();
    let mut days: HashMap<usize, i64> = HashMap::new();
    for &i in index.values().flatten() {
        if let Some(d) = date(i) {
            let mut v: Vec<&str> = d.subjects.iter().map(String::as_str).collect();
            v.extend(top[cx.claims[i].source].iter().map(String::as_str));
            v.sort_unstable();
            v.dedup();
            attached.insert(i, v);
            if let DateValue::Day(day) = d.value {
                days.insert(i, day.num_days_from_ce() as i64);
            }
        }
    }
    let mut events: Vec<&str> = index.keys().copied().collect();
    events.sort();
    let mut out = Vec::new();
    let mut grouped: HashSet<usize> = HashSet::new();
    // Whether two sources share what one story needs, once per pair of sources
    // (candidates come from linked sources only: see `candidates`).
    let mut story: HashMap<(usize, usize), bool> = HashMap::new();
    for event in events {
        let members = &index[event];
        let mut pairs = Vec::new();
        for (x, y) in candidates(cx, members, &attached, &days, max_apart) {
            let (a, b) = (members[x], members[y]);
            let (Some(da), Some(db)) = (date(a), date(b)) else {
                continue;
            };
            // Only days are precise enough to contradict each other; days months
            // apart are more likely two events than one misdated.
            let (DateValue::Day(dx), DateValue::Day(dy)) = (da.value, db.value) else {
                continue;
            };
            if agree(da.value, db.value) || (dx - dy).num_days().abs() > max_apart {
                continue;
            }
            let (sa, sb) = (cx.claims[a].source, cx.claims[b].source);
            if sa == sb {
                // One article giving one event two dates: both sentences must name
                // the same person or organization ("the week ended February 22 …
                // ended February 27" are two weeks).
                let actor = da.subjects.iter().any(|e| {
                    db.subjects.contains(e)
                        && cx
                            .kb
                            .entity(e)
                            .is_some_and(|x| x.kind != crate::kb::EntityType::Place)
                });
                if !actor {
                    continue;
                }
            } else if !*story
                .entry((sa.min(sb), sa.max(sb)))
                .or_insert_with(|| cx.same_story(sa, sb, min_shared))
            {
                // Linked as one story by rare names and headline words (the
                // candidates' condition), they must also share a person or organization.
                continue;
            }
            let (xa, xb) = (&attached[&a], &attached[&b]);
            if xa.iter().any(|e| xb.contains(e)) {
                pairs.push((x, y));
            }
        }
        for g in groups(members.len(), &pairs) {
            grouped.extend(g.iter().map(|&k| members[k]));
            let primary = *g.last().unwrap_or(&g[0]);
            let mut places: Vec<Place> = g
                .iter()
                .map(|&k| {
                    let c = &cx.claims[members[k]];
                    Place {
                        source: c.source,
                        span: c.span.clone(),
                        normalized: date(members[k])
                            .map(|d| d.value.render())
                            .unwrap_or_default(),
                        primary: k == primary,
                    }
                })
                .collect();
            places.sort_by_key(|p| !p.primary);
            let mut f = Finding {
                because: Vec::new(),
                lead: Some(format!("the \"{event}\" event is dated")),
                rule: ID,
                severity: Severity::Error,
                message: String::new(),
                subject: Some(event.to_string()),
                expected: None,
                help: Some("one event, different dates: check which source is right".into()),
                places,
            };
            f.restate(cx.sources);
            out.push(f);
        }
    }
    let mut claims: Vec<usize> = index.values().flatten().copied().collect();
    claims.sort_unstable();
    for i in claims.into_iter().filter(|i| !grouped.contains(i)) {
        if let Some(f) = against_kb(cx, i, max_apart) {
            out.push(f);
        }
    }
    out
}

/// A dated claim against the knowledge base's events it names: a finding when none
/// of them has its day and the nearest is at most `max_apart` days away.
fn against_kb(cx: &Ctx, i: usize, max_apart: i64) -> Option<Finding> {
    let c = &cx.claims[i];
    let Kind::Date(d) = &c.kind else { return None };
    let DateValue::Day(day) = d.value else {
        return None;
    };
    // The sentence is found again only for a date whose subjects some event has.
    let mut of_subjects = cx
        .kb
        .events
        .iter()
        .filter(|ev| ev.subjects.iter().all(|s| d.subjects.contains(s)))
        .peekable();
    of_subjects.peek()?;
    let sentence = sentence_of(cx.text_of(c.source), &c.span);
    let named: Vec<&crate::kb::Event> = of_subjects
        .filter(|ev| ev.is_named(d.event.as_deref(), &d.subjects, sentence, false))
        .collect();
    if named.iter().any(|ev| ev.date == day) {
        return None;
    }
    let ev = named
        .into_iter()
        // The nearest day; of events on one day, the one whose topic the sentence
        // writes most of (rare earth items vs rare earth technologies).
        .min_by_key(|ev| {
            (
                (ev.date - day).num_days().abs(),
                std::cmp::Reverse(ev.topic_words(sentence)),
            )
        })
        .filter(|ev| (ev.date - day).num_days().abs() <= max_apart)?;
    let expected = ev.date.to_string();
    Some(Finding {
        because: Vec::new(),
        lead: None,
        rule: ID,
        severity: Severity::Error,
        message: format!(
            "\"{}\" is dated {} here, but the knowledge base dates it {expected}",
            ev.name,
            d.value.render()
        ),
        subject: Some(ev.name.clone()),
        expected: Some(expected),
        help: Some(format!(
            "source: {}, {} ({})",
            ev.source.publisher, ev.source.document, ev.source.date
        )),
        places: vec![Place {
            source: c.source,
            span: c.span.clone(),
            normalized: d.value.render(),
            primary: true,
        }],
    })
}

/// The sentence around `span`, looked for within a paragraph's reach of it.
fn sentence_of<'t>(text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    const REACH: usize = 600;
    let from = text.floor_char_boundary(span.start.saturating_sub(REACH));
    let to = text.ceil_char_boundary((span.end + REACH).min(text.len()));
    crate::text::words::sentences(text, from..to)
        .into_iter()
        .find(|s| s.start <= span.start && span.start < s.end)
        .and_then(|s| text.get(s))
        .unwrap_or("")
}

/// At most this many dates on each side of a claim's day are its partners: a story
/// that dates one event on thousands of other days stays linear (the nearest days
/// are the ones a misdating gives).
const PARTNERS: usize = 32;

/// The pairs of positions in `members` (first < second, sorted) whose days differ by
/// at most `max_apart` days (but differ), whose claims share an attached entity, and
/// whose sources are one source or linked as one story: a superset of the pairs
/// `check` keeps. Partners are looked for in the claim's own source and in the
/// sources its story links name, never in the whole run, and within those by entity
/// and day window: the cost follows the pairs that can conflict, not every pair.
fn candidates(
    cx: &Ctx,
    members: &[usize],
    attached: &HashMap<usize, Vec<&str>>,
    days: &HashMap<usize, i64>,
    max_apart: i64,
) -> Vec<(usize, usize)> {
    // Per source, per attached entity: its dated claims as (day, position), sorted.
    type ByEntity<'a> = HashMap<&'a str, Vec<(i64, usize)>>;
    let mut by_source: BTreeMap<usize, ByEntity> = BTreeMap::new();
    for (k, m) in members.iter().enumerate() {
        let Some(&day) = days.get(m) else { continue };
        let per = by_source.entry(cx.claims[*m].source).or_default();
        for &e in attached.get(m).map(Vec::as_slice).unwrap_or(&[]) {
            per.entry(e).or_default().push((day, k));
        }
    }
    for per in by_source.values_mut() {
        for v in per.values_mut() {
            v.sort_unstable();
        }
    }
    let stories = cx.stories();
    let mut out = Vec::new();
    for (&sa, ea) in &by_source {
        let linked = stories.of(sa).iter().copied().filter(|&sb| sb > sa);
        for sb in std::iter::once(sa).chain(linked) {
            let Some(eb) = by_source.get(&sb) else {
                continue;
            };
            for (e, xs) in ea {
                let Some(ys) = eb.get(e) else { continue };
                for &(day, x) in xs {
                    let lo = ys.partition_point(|&(d, _)| d < day - max_apart);
                    let at = ys.partition_point(|&(d, _)| d < day);
                    let past = ys.partition_point(|&(d, _)| d <= day);
                    let hi = ys.partition_point(|&(d, _)| d <= day + max_apart);
                    let before = &ys[lo.max(at.saturating_sub(PARTNERS))..at];
                    let after = &ys[past..hi.min(past + PARTNERS)];
                    for &(_, y) in before.iter().chain(after) {
                        out.push((x.min(y), x.max(y)));
                    }
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Dates with an event by event.
pub fn keys(_: &Kb) -> Box<dyn Keys + '_> {
    Box::new(ByEvent)
}

struct ByEvent;

impl Keys for ByEvent {
    fn stored(&self, c: &Claim, out: &mut Vec<Key>) {
        if let Kind::Date(d) = &c.kind {
            out.extend(d.event.as_deref().map(|e| Key::new('d', &[e])));
        }
    }
}
