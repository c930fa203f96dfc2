//! Entities and roles: knowledge-base names found by the gazetteer, people named
//! after an office title, and who a text says holds which office.

use std::ops::Range;

use super::{Claim, EntityClaim, Kind, RoleClaim};
use crate::kb::vocab::{Class, Term};
use chrono::NaiveDate;

use crate::kb::{EntityType, Hit, Kb, Mention};
use crate::normalize::DateValue;
use crate::text::words::boundary_after;
use crate::text::{is_cjk, lexicon};

/// How many of an entity's context words an article holds. The article is
/// lowercased once and each entity counted once, however many of its mentions are
/// ambiguous: a long article naming an ambiguous acronym on every line stays linear.
struct ContextCount<'a> {
    article: &'a str,
    lower: Option<String>,
    memo: foldhash::HashMap<usize, usize>,
}

impl ContextCount<'_> {
    fn of(&mut self, kb: &Kb, e: usize) -> usize {
        if let Some(&n) = self.memo.get(&e) {
            return n;
        }
        let lower = self
            .lower
            .get_or_insert_with(|| self.article.to_lowercase());
        let n = kb.entities[e]
            .contexts
            .iter()
            .filter(|c| lower.contains(&c.to_lowercase()))
            .count();
        self.memo.insert(e, n);
        n
    }
}

/// Which entity a name mention stands for, choosing by context words when the
/// name (an acronym such as BIS) stands for several.
fn resolve(kb: &Kb, m: &Mention, cx: &mut ContextCount) -> Option<(usize, Hit)> {
    let hits = kb.gazetteer.hits(m.pattern);
    let named: Vec<(usize, Hit)> = hits
        .iter()
        .filter_map(|&h| match h {
            Hit::Name(e) | Hit::Acronym(e) | Hit::Misspelling(e) => Some((e as usize, h)),
            _ => None,
        })
        .collect();
    if named.is_empty() {
        // A possessive listed as an adjective ("Chile's") still names its entity.
        let t = cx.article.get(m.range.clone()).unwrap_or("");
        if t.ends_with("'s") || t.ends_with("’s") {
            return hits.iter().find_map(|&h| match h {
                Hit::Adjective(e) => Some((e as usize, Hit::Name(e))),
                _ => None,
            });
        }
    }
    if named.len() <= 1 {
        return named.first().copied();
    }
    // Ties go to the last candidate (the order `max_by_key` gave).
    let mut best: Option<((usize, Hit), usize)> = None;
    for &(e, h) in &named {
        let n = cx.of(kb, e);
        if best.is_none_or(|(_, b)| n >= b) {
            best = Some(((e, h), n));
        }
    }
    best.map(|(x, _)| x)
}

/// Entity claims for every knowledge-base name mentioned.
pub fn entity_claims(kb: &Kb, source: usize, mentions: &[Mention], article: &str) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut cx = ContextCount {
        article,
        lower: None,
        memo: Default::default(),
    };
    let claim = |span: &std::ops::Range<usize>, ent: &crate::kb::Entity, misspelt: bool| Claim {
        source,
        span: span.clone(),
        kind: Kind::Entity(EntityClaim {
            canonical: ent.name.clone(),
            etype: ent.kind,
            id: Some(ent.id.clone()),
            misspelt,
        }),
    };
    for m in mentions {
        let hits = kb.gazetteer.hits(m.pattern);
        if let Some((e, hit)) = resolve(kb, m, &mut cx) {
            let misspelt = matches!(hit, Hit::Misspelling(_));
            out.push(claim(&m.range, &kb.entities[e], misspelt));
            // A capital names its country too ("Beijing said", 北京表示).
            if let Some(whole) = kb.entities[e].part_of.as_ref().and_then(|id| kb.entity(id)) {
                out.push(claim(&m.range, whole, false));
            }
        } else if hits.iter().all(|h| matches!(h, Hit::Pair(_))) {
            // A pair name names both: 中欧 is China and the EU.
            for h in hits {
                if let Hit::Pair(e) = h {
                    out.push(claim(&m.range, &kb.entities[*e as usize], false));
                }
            }
        } else if let Some(Hit::OfficeAlias(o)) = hits.first() {
            let off = &kb.offices[*o as usize];
            out.push(Claim {
                source,
                span: m.range.clone(),
                kind: Kind::Entity(EntityClaim {
                    canonical: off.name.clone(),
                    etype: EntityType::Office,
                    id: Some(off.id.clone()),
                    misspelt: false,
                }),
            });
        }
    }
    out
}

/// Does the text right after a qualified title ("President of the United States")
/// continue it into the name of a body ("… United States Lawn Tennis association")?
fn names_a_body(after: &str) -> bool {
    let Some(t) = after.strip_prefix(' ') else {
        return false;
    };
    for w in t.split(' ').take(5) {
        let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if lexicon().body.contains(&core.to_lowercase()) {
            return true;
        }
        let cap = core.starts_with(|c: char| c.is_uppercase() && !is_cjk(c));
        if !cap || core.len() != w.len() {
            return false;
        }
    }
    false
}

/// A capitalized name run starting at `at` (initials, particles such as `von der`),
/// at most four words; the range of the name without a possessive `'s`.
fn name_run(text: &str, at: usize) -> Option<Range<usize>> {
    // A name never runs past its line, nor (four words) past a few hundred bytes:
    // the bound keeps a long line from being searched for its end at every name.
    let rest = &text[at..text.floor_char_boundary(at + 256)];
    let rest = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let mut end = at;
    let mut words = 0;
    let mut pos = 0;
    let particles = &lexicon().name_particle;
    for w in rest.split(' ') {
        let clean = w.trim_end_matches([',', '.', ';', ':', ')', '"', '”']);
        let clean = clean
            .strip_suffix("'s")
            .or_else(|| clean.strip_suffix("’s"))
            .unwrap_or(clean);
        let first = clean.chars().next();
        let cap = first.is_some_and(|c| c.is_uppercase() && !is_cjk(c))
            || (words > 0 && particles.joins_capital(clean));
        // Particles ("de la", "bin", "e") carry a name on but never end it, nor count
        // among its four words.
        let particle = words > 0 && particles.contains(clean);
        if clean.is_empty() || !(cap || particle) || (cap && words == 4) {
            break;
        }
        if particle {
            if clean.len() != w.len() {
                break;
            }
            pos += w.len() + 1;
            continue;
        }
        if cap
            && clean
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
            && clean.len() > 2
        {
            break; // an acronym, not a name
        }
        end = at + pos + clean.len();
        words += 1;
        // Punctuation ends the name; a full stop too, unless after an initial ("C.C.").
        let initial = clean
            .trim_end_matches('.')
            .split('.')
            .all(|p| p.chars().count() <= 1);
        if clean.len() != w.len() && !(w.ends_with('.') && initial) {
            break;
        }
        pos += w.len() + 1;
    }
    (words > 0).then_some(at..end)
}

/// The person a mention stands for, if it names one.
/// A full name names one person; a surname shared by several people names none of
/// them (the office's holders decide, later).
fn person_of(kb: &Kb, m: &Mention) -> Option<usize> {
    let hits = kb.gazetteer.hits(m.pattern);
    let person = |e: &u32| kb.entities[*e as usize].kind == EntityType::Person;
    let named = hits.iter().find_map(|h| match h {
        Hit::Name(e) if person(e) => Some(*e as usize),
        _ => None,
    });
    let surnames: Vec<usize> = hits
        .iter()
        .filter_map(|h| match h {
            Hit::Surname(e) if person(e) => Some(*e as usize),
            _ => None,
        })
        .collect();
    named.or(match surnames.as_slice() {
        [one] => Some(*one),
        _ => None,
    })
}

/// The holder named right after a title: a known person, or a capitalized name.
fn holder_after(
    kb: &Kb,
    text: &str,
    at: usize,
    end: usize,
    later: &[Mention],
) -> Option<(Range<usize>, Option<usize>)> {
    if let Some(n) = later.iter().find(|n| n.range.start == at)
        && let Some(e) = person_of(kb, n)
    {
        return Some((n.range.clone(), Some(e)));
    }
    let r = name_run(text, at)?;
    (r.end <= end && boundary_after(text, r.end)).then_some((r, None))
}

/// The holder named before a title in apposition: "Bo Hedman, Norland's prime
/// minister, said" (the title's qualifier, if any, follows the comma).
fn holder_before(
    kb: &Kb,
    text: &str,
    floor: usize,
    title: &Mention,
    earlier: &[Mention],
) -> Option<(Range<usize>, Option<usize>)> {
    // Skip back over a qualifier and fillers to the comma.
    let mut start = title.range.start;
    if let Some(q) = earlier.last() {
        let between = text.get(q.range.end..start)?.trim();
        if between
            .split_whitespace()
            .all(|w| lexicon().filler.contains(&w.to_lowercase()))
        {
            start = q.range.start;
        }
    }
    let head = text.get(floor..start)?.trim_end();
    let head = head.strip_suffix(" the").unwrap_or(head);
    let before_comma = head.strip_suffix(',')?.trim_end();
    let end = floor + before_comma.len();
    if let Some(n) = earlier.iter().find(|n| n.range.end == end)
        && let Some(e) = person_of(kb, n)
    {
        return Some((n.range.clone(), Some(e)));
    }
    // A capitalized name of two to four words ending at the comma.
    let words: Vec<&str> = before_comma.rsplit(' ').take(4).collect();
    let n = words
        .iter()
        .take_while(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() && !is_cjk(c))
        })
        .count();
    if n < 2 {
        return None;
    }
    let len: usize = words[..n].iter().map(|w| w.len()).sum::<usize>() + n - 1;
    Some((end - len..end, None))
}

/// Role claims: an office title with its holder's name next to it.
/// `dates` are the sentence's dates and the article's date, for when the role is held.
#[allow(clippy::too_many_arguments)]
pub fn role_claims<'t>(
    kb: &Kb,
    source: usize,
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    terms: &dyn Fn() -> &'t [Term],
    (article_mentions, home): (&[Mention], Option<usize>),
    dates: (&[(Range<usize>, DateValue)], Option<NaiveDate>),
) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let hits = kb.gazetteer.hits(m.pattern);
        let mut offices: Vec<usize> = hits
            .iter()
            .filter_map(|h| match h {
                Hit::Title(o) | Hit::OfficeAlias(o) => Some(*o as usize),
                _ => None,
            })
            .collect();
        // A title that is also an alias of its office names it once.
        offices.sort_unstable();
        offices.dedup();
        // "Fed chief", "BoE boss": the body's one office, its title ending after the word.
        let mut m = m.clone();
        let mut headed = false;
        if offices.is_empty() {
            let Some((o, end)) = head_office(kb, text, &m, sentence.end) else {
                continue;
            };
            offices.push(o);
            m.range.end = end;
            headed = true;
        }
        extend_title(kb, text, &offices, &mut m.range, sentence.end);
        let m = &m;
        // A former holder is not a claim about who holds the office now.
        let before = &text[sentence.start..m.range.start];
        let start = title_start(text, m, &mentions[..i]);
        let former = terms()
            .iter()
            .any(|t| t.class == Class::Former && t.range.end <= start && start - t.range.end <= 24);
        // Not the office itself: a former holder (前总理, "former"), or a deputy.
        let prev_word = crate::text::lower(before.split_whitespace().last().unwrap_or(""));
        let lex = lexicon();
        let deputy = lex.deputy.en.iter().any(|d| *d == *prev_word)
            || lex.deputy.zh.iter().any(|d| before.ends_with(d));
        // 前总理 is a former premier; 此前/之前/目前 + title are not.
        let former_zh = lex.former.iter().any(|f| before.ends_with(f))
            && !lex.not_former.iter().any(|w| before.ends_with(w));
        // "The late (Japanese) Prime Minister X", 已故总理: a holder of the past.
        let before_title = &text[sentence.start..start];
        let late = before_title
            .split_whitespace()
            .last()
            .is_some_and(|w| lex.role_past.en.contains(&w.to_lowercase()))
            || lex
                .role_past
                .zh
                .iter()
                .any(|w| before_title.ends_with(w.as_str()));
        // "The funeral of President X", "the attempt on Prime Minister X": a look back at
        // some past time the sentence does not state.
        let mut words = before_title.split_whitespace().rev();
        let looked_back = matches!(words.next(), Some("of" | "on" | "to"))
            && words
                .next()
                .is_some_and(|w| lex.role_event.en.contains(&w.to_lowercase()));
        if former
            || deputy
            || former_zh
            || late
            || looked_back
            || not_held(text, &sentence, m, &mentions[..i])
        {
            continue;
        }
        let Some(at) = role_time(text, &sentence, m, &mentions[..i], dates) else {
            continue;
        };
        // The holder: a person mention or a capitalized name right after the title
        // (CJK: possibly after 的), or just before a qualifier+title apposition.
        let mut after = m.range.end;
        let gap = &text[after..sentence.end];
        let skip = gap.len() - gap.trim_start_matches([' ', '的']).len();
        after += skip;
        // "Chairman Mr Greenspan": the honorific is not part of the name.
        let rest = &text[after..sentence.end];
        if let Some(h) = lex
            .honorific
            .iter()
            .find(|h| rest.starts_with(h) && rest[h.len()..].starts_with(' '))
        {
            after += h.len() + 1;
        }
        // A title that ends in its qualifier ("President of the United States")
        // and runs on into the name of a body ("… Lawn Tennis association") is
        // part of that name, not an office.
        if text[m.range.clone()].to_lowercase().contains(" of ")
            && names_a_body(&text[m.range.end..sentence.end])
        {
            continue;
        }
        let found = holder_after(kb, text, after, sentence.end, &mentions[i + 1..])
            .or_else(|| holder_before(kb, text, sentence.start, m, &mentions[..i]));
        let Some((holder_span, holder_entity)) = found else {
            continue;
        };
        // A known name that runs on into more capitalized words is a different name
        // ("Hedman Bo Ivar" is not "Hedman Bo"): take the whole run then.
        let (holder_span, holder_entity) = match (holder_entity, name_run(text, holder_span.start))
        {
            (Some(_), Some(run)) if run.end > holder_span.end => (run, None),
            (e, _) => (holder_span, e),
        };
        let holder = text[holder_span.clone()].to_string();
        // A surname alone names a known person only as a holder of one of the title's
        // offices: "King George" is not the one executive surnamed George.
        let holder_entity = holder_entity.filter(|&e| {
            kb.lookup_name(&holder).contains(&e)
                || offices.iter().any(|&o| {
                    kb.offices[o]
                        .holders
                        .iter()
                        .any(|t| t.person == kb.entities[e].id)
                })
        });
        let holder_entity = holder_entity.or_else(|| {
            kb.lookup_name(&holder)
                .into_iter()
                .find(|&e| kb.entities[e].kind == EntityType::Person)
        });
        // "Chairman Howard Simpson of the Baltimore Railroad": the holder names the
        // body of his own title, so the article's last-mentioned body is not it.
        let own_body = text
            .get(holder_span.end..sentence.end)
            .and_then(|t| t.strip_prefix(" of "))
            .map(|t| t.strip_prefix("the ").unwrap_or(t))
            .is_some_and(|t| t.starts_with(|c: char| c.is_uppercase()));
        let office = if headed {
            offices.first().copied()
        } else {
            pick_office(
                kb,
                &offices,
                holder_entity,
                &holder,
                text,
                mentions,
                (!own_body).then_some((article_mentions, home)),
                m,
                holder_span.end,
            )
        };
        let Some(office) = office else {
            continue;
        };
        // A surname alone resolves against the office's holders: the one in office at
        // the time judged when several share it ("Finance Minister Choi"), else the first.
        let holder_entity = holder_entity.or_else(|| {
            let when = at
                .as_ref()
                .and_then(|v| v.days())
                .or(dates.1.map(|d| (d, d)));
            let named: Vec<&crate::kb::Term> = kb.offices[office]
                .holders
                .iter()
                .filter(|t| {
                    kb.entity(&t.person)
                        .is_some_and(|e| e.surnames.iter().any(|s| s == &holder))
                })
                .collect();
            let t = when
                .and_then(|(from, to)| named.iter().find(|t| t.covers(from, to)))
                .or(named.first())?;
            Some(kb.entity_index[&t.person])
        });
        let off = &kb.offices[office];
        let at = at.or_else(|| {
            clause_date_held(
                off,
                holder_entity.map(|e| &kb.entities[e].id),
                text,
                &holder_span,
                &sentence,
                dates,
            )
        });
        out.push(Claim {
            source,
            span: m.range.start.min(holder_span.start)..m.range.end.max(holder_span.end),
            kind: Kind::Role(RoleClaim {
                office_id: off.id.clone(),
                office: off.name.clone(),
                holder,
                holder_span: holder_span.clone(),
                holder_id: holder_entity.map(|e| kb.entities[e].id.clone()),
                holder_canonical: holder_entity.map(|e| kb.entities[e].name.clone()),
                at,
            }),
        });
    }
    out
}

/// "Fed chief", "BoE boss", 美联储掌门人: a body's name with a head word after it
/// names the body's office when the knowledge base records exactly one. Returns the
/// office and where the title ends.
fn head_office(kb: &Kb, text: &str, m: &Mention, end: usize) -> Option<(usize, usize)> {
    let rest = text.get(m.range.end..end)?;
    let lex = lexicon();
    let word_end = if let Some(r) = rest.strip_prefix(' ') {
        let w = lex.head_word.en.iter().find(|w| {
            r.get(..w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w))
                && boundary_after(r, w.len())
        })?;
        m.range.end + 1 + w.len()
    } else {
        let w = lex
            .head_word
            .zh
            .iter()
            .find(|w| rest.starts_with(w.as_str()))?;
        m.range.end + w.len()
    };
    let bodies: Vec<&str> = kb
        .gazetteer
        .hits(m.pattern)
        .iter()
        .filter_map(|h| match h {
            Hit::Name(e) | Hit::Acronym(e) => Some(&kb.entities[*e as usize]),
            _ => None,
        })
        .filter(|e| e.kind == EntityType::Organization)
        .map(|e| e.id.as_str())
        .collect();
    if bodies.is_empty() {
        return None;
    }
    let mut found = kb
        .offices
        .iter()
        .enumerate()
        .filter(|(_, o)| o.of.as_deref().is_some_and(|of| bodies.contains(&of)))
        .map(|(k, _)| k);
    match (found.next(), found.next()) {
        (Some(o), None) => Some((o, word_end)),
        _ => None,
    }
}

/// A title cut short by a longer name found first ("British Chancellor" of "British
/// Chancellor of the Exchequer"): when the text goes on with the rest of one of the
/// office's titles, the title runs to its end.
fn extend_title(kb: &Kb, text: &str, offices: &[usize], r: &mut Range<usize>, end: usize) {
    let found = text[r.clone()].to_lowercase();
    let rest = &text[r.end..end];
    // A one-word title has no split ("President" is a title of many offices).
    for t in offices
        .iter()
        .flat_map(|&o| &kb.offices[o].titles)
        .filter(|t| t.contains(' '))
    {
        let t = t.to_lowercase();
        // Each split of the title at a space: its head ends the mention, its tail follows.
        for (k, _) in t.match_indices(' ') {
            let (head, tail) = (&t[..k], &t[k..]);
            if found.ends_with(head)
                && rest
                    .get(..tail.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(tail))
                && boundary_after(rest, tail.len())
            {
                r.end += tail.len();
                return;
            }
        }
    }
}

/// Where a title's own words begin: before a qualifier right in front of it
/// ("then-US secretary", 时任美国国务卿), fillers allowed in between.
fn title_start(text: &str, title: &Mention, earlier: &[Mention]) -> usize {
    let mut start = title.range.start;
    if let Some(q) = earlier.last()
        && q.range.end <= start
    {
        let between = text[q.range.end..start].trim();
        let between = ["'s", "’s"]
            .iter()
            .find_map(|p| between.strip_prefix(p))
            .unwrap_or(between);
        if between
            .split_whitespace()
            .all(|w| lexicon().filler.contains(&w.to_lowercase()) && w != "then")
        {
            start = q.range.start;
        }
    }
    start
}

/// A title that claims nobody holds it: an indefinite role ("how good a prime
/// minister X will make").
fn not_held(text: &str, sentence: &Range<usize>, title: &Mention, earlier: &[Mention]) -> bool {
    let start = title_start(text, title, earlier);
    let last = text[sentence.start..start]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    lexicon().role_indefinite.en.contains(&last)
}

/// When a role is claimed to be held. `Some(None)`: on the article's date. `Some(day)`:
/// on a date the sentence states, which a "then" marker points to (then governor X,
/// 时任) or which fronts the title's clause ("In 2016, Governor X …"). `None`: at a
/// time the sentence does not state (then, with no date), so no claim to check.
fn role_time(
    text: &str,
    sentence: &Range<usize>,
    title: &Mention,
    earlier: &[Mention],
    (dates, today): (&[(Range<usize>, DateValue)], Option<NaiveDate>),
) -> Option<Option<DateValue>> {
    let lex = lexicon();
    let start = title_start(text, title, earlier);
    let before = &text[sentence.start..start];
    let last = before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_end_matches('-')
        .to_lowercase();
    let then = lex.role_then.en.contains(&last)
        || lex
            .role_then
            .zh
            .iter()
            .any(|w| before.ends_with(w.as_str()));
    // A date of the past (not after the article's), whole enough to judge a role on.
    let past = |v: &DateValue| {
        let (first, _) = v.days()?;
        today.is_none_or(|t| first <= t).then_some(*v)
    };
    let fronted = dates
        .iter()
        .rev()
        .filter(|(r, _)| r.end <= start)
        .find_map(|(r, v)| Some((r, past(v)?)));
    if then {
        let after = || {
            dates
                .iter()
                .filter(|(r, _)| r.start >= start)
                .find_map(|(_, v)| past(v))
        };
        return Some(Some(fronted.map(|(_, v)| v).or_else(after)?));
    }
    // A date fronting the title's clause: nothing but a comma and words between. A
    // quotation mark ends a clause: a year a speaker quotes ("… until 2006," minister
    // X said) is not the time of the speaker's role.
    let fronts = fronted.filter(|(r, _)| {
        let gap = text[r.end..start].trim_start();
        let gap = gap.strip_prefix([',', '，']).unwrap_or(gap);
        !gap.contains([
            ',', ';', ':', '，', '；', '：', '、', '.', '。', '"', '“', '”', '「', '」', '『', '』',
        ])
    });
    Some(fronts.map(|(_, v)| v))
}

/// A past date later in the holder's clause at which the holder held the office and on
/// the article's date did not ("President X was shot in 1981", told in 2008): the time
/// the role is told at. Elsewhere the article's date stands ("President X, elected in
/// 2008, …" in 2012 is judged in 2012).
fn clause_date_held(
    office: &crate::kb::Office,
    holder: Option<&String>,
    text: &str,
    holder_span: &Range<usize>,
    sentence: &Range<usize>,
    (dates, today): (&[(Range<usize>, DateValue)], Option<NaiveDate>),
) -> Option<DateValue> {
    let (holder, today) = (holder?, today?);
    let held = |from, to| {
        office
            .holders
            .iter()
            .any(|t| &t.person == holder && t.covers(from, to))
    };
    if held(today, today) {
        return None;
    }
    dates
        .iter()
        .filter(|(r, _)| r.start >= holder_span.end && r.end <= sentence.end)
        .take_while(|(r, _)| {
            !text[holder_span.end..r.start]
                .contains([',', ';', ':', '，', '；', '：', '"', '“', '”', '「', '」'])
        })
        .find_map(|(_, v)| {
            let (from, to) = v.days()?;
            (from <= today && held(from, to)).then_some(*v)
        })
}

/// Which of the offices a title can name is meant: one the named person held; one
/// whose country or organization qualifies the title ("Japan's", "Bank of Canada",
/// "of Japan"); an office alias; else the office whose body the article last
/// mentioned; else, for a known person, the one office whose country or body the
/// article names, or of the publisher's country (`home`).
#[allow(clippy::too_many_arguments)]
fn pick_office(
    kb: &Kb,
    offices: &[usize],
    holder: Option<usize>,
    holder_text: &str,
    text: &str,
    mentions: &[Mention],
    article_mentions: Option<(&[Mention], Option<usize>)>,
    title: &Mention,
    holder_end: usize,
) -> Option<usize> {
    if offices.len() == 1
        && kb
            .gazetteer
            .hits(title.pattern)
            .iter()
            .any(|h| matches!(h, Hit::OfficeAlias(_)))
    {
        return offices.first().copied();
    }
    // A surname alone: the office one of whose holders bears it; of several (two
    // trade ministers named Emerson), the qualifier decides below.
    let mut offices = offices.to_vec();
    if holder.is_none() {
        let bears = |o: &usize| {
            kb.offices[*o].holders.iter().any(|t| {
                kb.entity(&t.person)
                    .is_some_and(|e| e.surnames.iter().any(|s| s == holder_text))
            })
        };
        let bearing: Vec<usize> = offices.iter().copied().filter(bears).collect();
        match bearing.len() {
            0 => {}
            1 => return bearing.first().copied(),
            _ => offices = bearing,
        }
    }
    // The one office the named person held; of several (a governor of two central
    // banks), the qualifier decides.
    if let Some(p) = holder {
        let id = &kb.entities[p].id;
        let held: Vec<usize> = offices
            .iter()
            .copied()
            .filter(|&o| kb.offices[o].holders.iter().any(|t| &t.person == id))
            .collect();
        match held.len() {
            0 => {}
            1 => return held.first().copied(),
            _ => offices = held,
        }
    }
    let offices = &offices[..];
    let of_entity = |m: &Mention| -> Vec<usize> {
        kb.gazetteer
            .hits(m.pattern)
            .iter()
            .filter_map(|h| match h {
                Hit::Name(e) | Hit::Acronym(e) | Hit::Adjective(e) => Some(*e as usize),
                _ => None,
            })
            .collect()
    };
    let office_of = |e: usize| {
        offices
            .iter()
            .copied()
            .find(|&o| kb.offices[o].of.as_deref() == Some(kb.entities[e].id.as_str()))
    };
    // A qualifier right before the title, fillers allowed in between.
    if let Some(q) = mentions
        .iter()
        .rev()
        .find(|q| q.range.end <= title.range.start)
    {
        // A possessive of the name qualifies as its adjective does ("United Kingdom's").
        let between = text[q.range.end..title.range.start].trim();
        let between = ["'s", "’s"]
            .iter()
            .find_map(|p| between.strip_prefix(p))
            .unwrap_or(between)
            .trim();
        let ok = between.is_empty()
            || between
                .split_whitespace()
                .all(|w| lexicon().filler.contains(&w.to_lowercase()));
        if ok && let Some(o) = of_entity(q).into_iter().find_map(office_of) {
            return Some(o);
        }
    }
    // "… of Japan", "… of the Bank of Canada" right after the title or its holder.
    for end in [title.range.end, holder_end] {
        if let Some(q) = mentions.iter().find(|q| q.range.start >= end) {
            let between = text[end..q.range.start].trim();
            if matches!(between, "of" | "of the")
                && let Some(o) = of_entity(q).into_iter().find_map(office_of)
            {
                return Some(o);
            }
        }
    }
    let (article, home) = article_mentions?;
    // Otherwise the one office whose body the sentence names elsewhere ("Governor X
    // said … the Bank of England …"). Bodies only, and the sentence only: a title
    // of a country's office is often one of a country the knowledge base lacks
    // ("President X" of a country it does not list, in a sentence naming another).
    let mut named: Vec<usize> = Vec::new();
    for q in mentions {
        let bodies = of_entity(q)
            .into_iter()
            .filter(|&e| kb.entities[e].kind == EntityType::Organization);
        for o in bodies.filter_map(office_of) {
            if !named.contains(&o) {
                named.push(o);
            }
        }
    }
    if let [o] = named[..] {
        return Some(o);
    }
    // Else the body the article mentioned last before the title.
    article
        .iter()
        .rev()
        .filter(|q| q.range.end <= title.range.start)
        .find_map(|q| {
            of_entity(q)
                .into_iter()
                .filter(|&e| kb.entities[e].kind == EntityType::Organization)
                .find_map(office_of)
        })
        .or_else(|| {
            // A person the knowledge base knows, under a title of none of the offices
            // they held: the one office whose country or body the article names
            // anywhere ("President Tony Blair" in an article on Washington). Never
            // for a name it does not know: a president of a country it lacks is not
            // the one of the country the article names.
            holder?;
            let mut named: Vec<usize> = Vec::new();
            for o in article.iter().flat_map(of_entity).filter_map(office_of) {
                if !named.contains(&o) {
                    named.push(o);
                }
            }
            // None named, or several with the publisher's among them: the publisher's
            // country ("Prime Minister X" in a Japanese paper).
            let home = home.and_then(office_of);
            match named[..] {
                [o] => Some(o),
                [] => home,
                _ => home.filter(|h| named.contains(h)),
            }
        })
}
