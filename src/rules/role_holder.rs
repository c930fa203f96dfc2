//! role-holder-conflict: an office is given a holder who did not hold it then.
//!
//! A role claim ("Norland's Prime Minister X", "Prime Minister Hedman", "诺兰总理赫德曼")
//! names an office and its holder. The knowledge base records who held each office
//! from when to when; the claim is checked for its article's date (its byline), so a
//! holder who changed between two articles' dates is no conflict. A surname alone
//! ("Prime Minister Hedman") resolves against the office's holders. An undated article
//! is only flagged for a holder who never held the office, against the holder on the
//! latest date of the run. Mentions of the right holder in other sources of that
//! time are shown beside the finding; a wrong name that shares a part with the right
//! one gets a "did you mean" help. "Former" holders are not claims about now, nor is
//! an indefinite title ("a prime minister X would make"). A sentence that places the
//! role in time ("In 2016, then governor X …", 时任) is judged at that year or day;
//! "then" with no date in the sentence is not judged, nor is a look back at a past
//! time ("the funeral of President X", "the attempt on Chancellor X"). A past date later
//! in the holder's clause ("President X was shot in 1981") is the time judged when the
//! holder held the office then and not on the article's date. For an
//! office whose holders the knowledge base does not record, two sources dated at most
//! `max_days_apart` apart that name different holders are flagged against each other.
//!
//! Example (tests/fixtures/role-holder-conflict/positive/article.txt):
//!   #1 (2024-09-02): "Norland's Prime Minister Ada Lindqvist opened the mining fair"
//!   error[role-holder-conflict]: Prime Minister of Norland is named "Ada Lindqvist"
//!   here, but the holder on 2024-09-02 is Bo Hedman (in office from 2024-07-01)

use foldhash::{HashMap, HashMapExt, HashSet};
use std::ops::Range;

use chrono::NaiveDate;

use super::{Ctx, Finding, Place, Severity};
use super::{Days, Key, Keys};
use crate::claims::Claim;
use crate::claims::{Kind, RoleClaim};
use crate::kb::Kb;

pub const ID: &str = "role-holder-conflict";

/// The rule's parameters (`params` of its `[rule.ID]` in `rules/settings.toml`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    /// How many characters of a wrong name must be shared with the right one for a "did you mean".
    pub did_you_mean_min_shared: usize,
    /// For offices whose holders are not recorded: sources at most this many days apart
    /// that name different holders conflict.
    pub max_days_apart: i64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            did_you_mean_min_shared: 3,
            max_days_apart: 30,
        }
    }
}

impl super::settings::Params for Params {
    const RULE: &'static str = ID;
}

/// (office id, holder as written, expected holder id, the time the sentence states).
type GroupKey = (String, String, String, Option<String>);
/// (claim index, the role claim, its article's date).
type Member<'a> = (usize, &'a RoleClaim, Option<NaiveDate>);

pub fn check(cx: &Ctx) -> Vec<Finding> {
    let p: Params = cx.params();
    let latest: Option<NaiveDate> = cx.sources.iter().filter_map(|s| s.date).max();
    // Wrong claims grouped by (office, holder as written, expected holder).
    let mut groups: HashMap<GroupKey, Vec<Member>> = HashMap::new();
    // Claims about offices whose holders the knowledge base does not record.
    let mut unrecorded: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in cx.claims.iter().enumerate() {
        let Kind::Role(r) = &c.kind else { continue };
        let Some(office) = cx.kb.office(&r.office_id) else {
            continue;
        };
        if office.holders.is_empty() {
            unrecorded.entry(office.id.as_str()).or_default().push(i);
            continue;
        }
        // A misspelt holder ("Takaichi Sanea") is judged as the person meant; the
        // spelling is entity-name-variant's finding.
        let misspelt = cx.misspelt_holder(i).map(|e| cx.kb.entities[e].id.clone());
        let holder_id = r.holder_id.clone().or(misspelt);
        // The time the sentence places the role at, else the article's date.
        let stated = r.at.as_ref().and_then(|v| v.days());
        let date = stated.map(|(d, _)| d).or(cx.sources[c.source].date);
        let held_ever = holder_id
            .as_ref()
            .is_some_and(|h| office.holders.iter().any(|t| &t.person == h));
        let (from, to) = match (stated, date) {
            (Some(span), _) => span,
            (None, Some(d)) => (d, d),
            (None, None) if held_ever => continue,
            (None, None) => match latest {
                Some(d) => (d, d),
                None => continue,
            },
        };
        // Terms recorded from after the stated time say nothing about it.
        if office.holders.first().is_some_and(|t| from < t.from) && stated.is_some() {
            continue;
        }
        let holders = office.holders_between(from, to);
        if holders.is_empty() || holder_id.as_deref().is_some_and(|h| holders.contains(&h)) {
            continue;
        }
        let expected = holders.last().copied().unwrap_or_default().to_string();
        groups
            .entry((
                office.id.clone(),
                r.holder.clone(),
                expected,
                stated.and(r.at.as_ref()).map(|v| v.render()),
            ))
            .or_default()
            .push((i, r, date));
    }
    // Where each person is named (entity and role claims, in claim order), so a group
    // looks at its right holder's mentions only, not at every claim of the run.
    let mut named: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in cx.claims.iter().enumerate() {
        let id = match &c.kind {
            Kind::Entity(e) => e.id.as_deref(),
            Kind::Role(r) => r.holder_id.as_deref(),
            _ => None,
        };
        if let Some(id) = id {
            named.entry(id).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut keys: Vec<_> = groups.keys().cloned().collect();
    keys.sort();
    for key in keys {
        let members = &groups[&key];
        let (office_id, written, expected_id, stated) = &key;
        let Some(office) = cx.kb.office(office_id) else {
            continue;
        };
        let Some(expected) = cx.kb.entity(expected_id) else {
            continue;
        };
        let first_date = members[0].2;
        // The expected holder's term that covers the time judged (a person may have
        // held the office twice), else the latest.
        let judged = members[0]
            .1
            .at
            .as_ref()
            .and_then(|v| v.days())
            .or(first_date.map(|d| (d, d)));
        let mine = || {
            office
                .holders
                .iter()
                .rev()
                .filter(|t| &t.person == expected_id)
        };
        let term = judged
            .and_then(|(from, to)| mine().find(|t| t.covers(from, to)))
            .or_else(|| mine().next());
        let day = first_date.or_else(|| cx.sources.iter().filter_map(|s| s.date).max());
        let mut places: Vec<Place> = members
            .iter()
            .enumerate()
            .map(|(k, (i, r, _))| Place {
                source: cx.claims[*i].source,
                span: r.holder_span.clone(),
                normalized: r
                    .holder_canonical
                    .clone()
                    .unwrap_or_else(|| r.holder.clone()),
                primary: k == 0,
            })
            .collect();
        // The right holder named elsewhere in that term: the other side of the conflict.
        let mut taken: HashSet<(usize, Range<usize>)> =
            places.iter().map(|p| (p.source, p.span.clone())).collect();
        let mut sides: HashSet<usize> = places
            .iter()
            .filter(|p| !p.primary && p.normalized == expected.name)
            .map(|p| p.source)
            .collect();
        let mentions = named
            .get(expected_id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for c in mentions.iter().map(|&i| &cx.claims[i]) {
            let (id, span) = match &c.kind {
                Kind::Entity(e) => (e.id.as_deref(), c.span.clone()),
                Kind::Role(r) if r.office_id == *office_id => {
                    (r.holder_id.as_deref(), r.holder_span.clone())
                }
                _ => continue,
            };
            if id != Some(expected_id.as_str()) || taken.contains(&(c.source, span.clone())) {
                continue;
            }
            let in_term = match (cx.sources[c.source].date, term) {
                (Some(d), Some(t)) => t.covers(d, d),
                (None, _) => true,
                _ => false,
            };
            if in_term && !sides.contains(&c.source) {
                taken.insert((c.source, span.clone()));
                sides.insert(c.source);
                places.push(Place {
                    source: c.source,
                    span,
                    normalized: expected.name.clone(),
                    primary: false,
                });
            }
        }
        let since = term
            .map(|t| match t.to_text() {
                Some(to) => format!(" (in office from {} to {to})", t.from_text()),
                None => format!(" (in office from {})", t.from_text()),
            })
            .unwrap_or_default();
        let when = match (first_date, day) {
            _ if stated.as_ref().is_some_and(|s| s.len() < 10) => {
                format!("in {}", stated.as_deref().unwrap_or_default())
            }
            (Some(d), _) => format!("on {d}"),
            (None, Some(d)) => {
                format!("on {d}, the latest date of this run (the article is undated)")
            }
            _ => "now".to_string(),
        };
        let message = format!(
            "{} is named \"{}\" here, but the holder {} is {}{}",
            office.name, written, when, expected.name, since
        );
        let shared = shares_part(
            written,
            &expected.name,
            &expected.aliases,
            p.did_you_mean_min_shared,
        );
        let help = if shared {
            format!("did you mean {}?", expected.name)
        } else {
            format!(
                "the knowledge base records {} as {}{}",
                expected.name, office.name, since
            )
        };
        out.push(Finding {
            because: Vec::new(),
            lead: None,
            rule: ID,
            severity: Severity::Error,
            message,
            subject: Some(office.name.clone()),
            expected: Some(expected.name.clone()),
            help: Some(help),
            places,
        });
    }
    out.extend(unrecorded_conflicts(cx, &unrecorded));
    out
}

/// Offices the knowledge base knows without their holders: two sources dated at most
/// `max_days_apart` apart that name different holders conflict with each other.
fn unrecorded_conflicts(cx: &Ctx, by_office: &HashMap<&str, Vec<usize>>) -> Vec<Finding> {
    let max_days = cx.params::<Params>().max_days_apart;
    let words = |r: &RoleClaim| -> Vec<String> {
        r.holder_canonical
            .as_deref()
            .unwrap_or(&r.holder)
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    };
    // One person: the same entity, or one name's words within the other's ("Hedman").
    let same = |a: &RoleClaim, b: &RoleClaim| match (&a.holder_id, &b.holder_id) {
        (Some(x), Some(y)) => x == y,
        _ => {
            let (wa, wb) = (words(a), words(b));
            wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w))
        }
    };
    let mut offices: Vec<&&str> = by_office.keys().collect();
    offices.sort();
    let mut out = Vec::new();
    for office_id in offices {
        let members = &by_office[*office_id];
        let role = |i: usize| match &cx.claims[i].kind {
            Kind::Role(r) => Some(r),
            _ => None,
        };
        let mut pairs = Vec::new();
        for x in 0..members.len() {
            for y in x + 1..members.len() {
                let (a, b) = (members[x], members[y]);
                let (sa, sb) = (cx.claims[a].source, cx.claims[b].source);
                let (Some(ra), Some(rb), Some(da), Some(db)) =
                    (role(a), role(b), cx.sources[sa].date, cx.sources[sb].date)
                else {
                    continue;
                };
                if sa != sb && (da - db).num_days().abs() <= max_days && !same(ra, rb) {
                    pairs.push((x, y));
                }
            }
        }
        for g in super::groups(members.len(), &pairs) {
            let places: Vec<Place> = g
                .iter()
                .enumerate()
                .filter_map(|(k, &m)| {
                    let r = role(members[m])?;
                    Some(Place {
                        source: cx.claims[members[m]].source,
                        span: r.holder_span.clone(),
                        normalized: r
                            .holder_canonical
                            .clone()
                            .unwrap_or_else(|| r.holder.clone()),
                        primary: k == 0,
                    })
                })
                .collect();
            if places.is_empty() {
                continue;
            }
            let office = cx
                .kb
                .office(office_id)
                .map_or(office_id.to_string(), |o| o.name.clone());
            let mut f = Finding {
                because: Vec::new(),
                lead: Some(format!("{office} is named")),
                rule: ID,
                severity: Severity::Error,
                message: String::new(),
                subject: Some(office.clone()),
                expected: None,
                help: Some(format!(
                    "the knowledge base does not record who holds {office}; these sources are at most {max_days} days apart"
                )),
                places,
            };
            f.restate(cx.sources);
            out.push(f);
        }
    }
    out
}
/// Does a wrong name share a word (of at least `min` characters) with the right one?
fn shares_part(written: &str, name: &str, aliases: &[String], min: usize) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= min)
            .map(|w| w.to_lowercase())
            .collect()
    };
    let w = words(written);
    std::iter::once(name)
        .chain(aliases.iter().map(|a| a.as_str()))
        .any(|n| words(n).iter().any(|x| w.contains(x)))
}

/// Role claims by office (`o`); mentions of anyone who holds or held an office by
/// person (`p`), since the right holder is shown beside a wrong one.
pub fn keys(kb: &Kb) -> Box<dyn Keys + '_> {
    let holders = kb
        .offices
        .iter()
        .flat_map(|o| o.holders.iter().map(|t| t.person.as_str()))
        .collect();
    Box::new(ByOffice { kb, holders })
}

struct ByOffice<'a> {
    kb: &'a Kb,
    holders: HashSet<&'a str>,
}

impl Keys for ByOffice<'_> {
    fn stored(&self, c: &Claim, out: &mut Vec<Key>) {
        match &c.kind {
            Kind::Role(r) => out.push(Key::new('o', &[&r.office_id])),
            Kind::Entity(e) => out.extend(
                e.id.as_deref()
                    .filter(|id| self.holders.contains(id))
                    .map(|id| Key::new('p', &[id])),
            ),
            _ => {}
        }
    }

    /// A role claim asks for its office and for the office's holders on the
    /// article's date or (undated) the run's latest date.
    fn asked(&self, c: &Claim, days: Days, out: &mut Vec<Key>) {
        let Kind::Role(r) = &c.kind else { return };
        out.push(Key::new('o', &[&r.office_id]));
        if let Some(o) = self.kb.office(&r.office_id) {
            for day in [days.date, days.latest].into_iter().flatten() {
                out.extend(o.holders_on(day).into_iter().map(|p| Key::new('p', &[p])));
            }
        }
    }
}
