//! date-conflict on generated wordings: two parties of the built-in knowledge base
//! (countries and bodies with Chinese names and pair forms), every event of the
//! vocabulary with an English past form and a Chinese word, told by two sources
//! through every pair of template families: the event word before the date, a date
//! opening the sentence ("On September 15, …", "September 15: …"), a weekday before
//! it, the sentence's only date and only event word in one clause ("The accord … signed
//! in the capital bears the date 15 September"; must-not when a comma parts them),
//! Chinese with the parties named in full, by their pair name (中欧双方, and before
//! every pair-follow word) and with the date first (after 于, 在).
//! Every headline repeats the event word above a byline dated later, so a byline
//! taken for the event's date shows up as a false finding. Pairs with different
//! days must be flagged; pairs with the same day written another way must not.

use std::collections::BTreeMap;

use claimcheck::kb::{EntityType, Kb};
use claimcheck::{claims, kb, read, rules};

mod common;

/// The date-conflict findings of two articles, as the texts of their places.
fn findings(kb: &Kb, a: &str, b: &str) -> Vec<Vec<String>> {
    let raw = format!("{a}\n\n{b}\n");
    let (file, sources) = read::parse("gen.txt", raw);
    let files = vec![file];
    let found = claims::extract(kb, &files, &sources);
    rules::check(kb, &files, &sources, &found)
        .into_iter()
        // Conflicts between the two sources; a date against a knowledge-base event
        // has one place and is another mechanism (see the note on issue 15).
        .filter(|f| f.rule == "date-conflict" && f.places.len() >= 2)
        .map(|f| {
            f.places
                .iter()
                .map(|p| files[0].text[p.span.clone()].to_string())
                .collect()
        })
        .collect()
}

fn cjk(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A party: English name, Chinese name, pair form.
struct Party {
    en: String,
    zh: String,
    pair: String,
    /// Its capital (or seat) in English and Chinese, which names it too.
    capital: Option<(String, String)>,
}

fn parties(kb: &Kb) -> Vec<Party> {
    kb.entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Place | EntityType::Organization))
        .filter_map(|e| {
            let capital = kb
                .entities
                .iter()
                .find(|c| c.part_of.as_deref() == Some(e.id.as_str()))
                .and_then(|c| Some((c.name.clone(), c.aliases.iter().find(|a| cjk(a))?.clone())));
            Some(Party {
                en: e.name.clone(),
                zh: e.aliases.iter().find(|a| cjk(a))?.clone(),
                pair: e.pair_form.clone()?,
                capital,
            })
        })
        .collect()
}

/// Events with their English past forms ("signed", "began trading") and Chinese
/// words (签署), paired in turn so that every form of the vocabulary is written.
fn events(kb: &Kb) -> Vec<(String, String, String)> {
    let mut by_key: BTreeMap<&str, (Vec<&str>, Vec<&str>)> = BTreeMap::new();
    let called_off = &claimcheck::text::lexicon().called_off.zh;
    for v in kb.vocabulary.iter().filter(|v| v.class == "event") {
        let slot = by_key.entry(v.key.as_str()).or_default();
        let t = v.term.as_str();
        if !cjk(t) && (t.ends_with("ed") || t.contains(' ')) {
            slot.0.push(t);
        }
        // Not a word that also says an event was called off (取消): its date is no event's.
        if cjk(t) && !called_off.iter().any(|w| w == t) {
            slot.1.push(t);
        }
    }
    let mut out = Vec::new();
    for (k, (en, zh)) in by_key {
        if en.is_empty() || zh.is_empty() {
            continue;
        }
        for i in 0..en.len().max(zh.len()) {
            out.push((
                k.to_string(),
                en[i % en.len()].to_string(),
                zh[i % zh.len()].to_string(),
            ));
        }
    }
    out
}

/// One source's article: (family, headline, body, the date's text).
type Render = fn(&Party, &Party, &str, &str, u32, u32) -> (String, String, String);

fn families() -> Vec<(&'static str, Render)> {
    vec![
        ("event before date", |a, b, en, _, m, d| {
            let when = format!("{} {d}", month(m));
            (
                format!("{} and {} {en} the accord on {when}.", a.en, b.en),
                when,
                format!("{} and {} {en} accord", a.en, b.en),
            )
        }),
        ("date opens sentence", |a, b, en, _, m, d| {
            let when = format!("{} {d}", month(m));
            (
                format!(
                    "On {when}, {} and {} {en} the accord after long talks in the capital.",
                    a.en, b.en
                ),
                when,
                format!("{} and {} {en} accord", a.en, b.en),
            )
        }),
        ("bare date opens sentence", |a, b, en, _, m, d| {
            let when = format!("{} {d}", month(m));
            (
                format!(
                    "{when}: {} and {} {en} the accord, ending months of talks.",
                    a.en, b.en
                ),
                when,
                format!("{} and {} {en} accord", a.en, b.en),
            )
        }),
        ("date ends sentence", |a, b, en, _, m, d| {
            let when = format!("{d} {}", month(m));
            (
                format!(
                    "The accord that {} and {} {en} in the capital bears the date {when}.",
                    a.en, b.en
                ),
                when,
                format!("{} and {} {en} accord", a.en, b.en),
            )
        }),
        ("weekday and date open", |a, b, en, _, m, d| {
            let when = format!("{d} {}", month(m));
            (
                format!(
                    "Tuesday, {when}, {} and {} {en} the accord, officials from both sides confirmed.",
                    a.en, b.en
                ),
                when,
                format!("{} and {} {en} accord", a.en, b.en),
            )
        }),
        ("zh full names", |a, b, _, zh, m, d| {
            let when = format!("{m}月{d}日");
            (
                format!("{}与{}于{when}{zh}协议。", a.zh, b.zh),
                when,
                format!("{}与{}{zh}协议", a.zh, b.zh),
            )
        }),
        ("zh pair name", |a, b, _, zh, m, d| {
            let when = format!("{m}月{d}日");
            (
                format!("{}{}双方{when}{zh}协议，并交换了意见。", a.pair, b.pair),
                when,
                format!("{}{}双方{zh}协议", a.pair, b.pair),
            )
        }),
        ("zh date first", |a, b, _, zh, m, d| {
            let when = format!("{m}月{d}日");
            (
                format!("{when}，{}和{}在首都{zh}了协议。", a.zh, b.zh),
                when,
                format!("{}和{}{zh}协议", a.zh, b.zh),
            )
        }),
    ]
}

/// Counts one case of `family` (must be flagged or not; found, and any finding at
/// all) into `score` (flagged right, must-flag, flagged wrongly, must-not-flag),
/// keeping the first misses' lines.
fn tally(
    score: &mut BTreeMap<&'static str, [usize; 4]>,
    misses: &mut Vec<String>,
    family: &'static str,
    flag: bool,
    hit: bool,
    any: bool,
    line: impl Fn() -> String,
) {
    let s = score.entry(family).or_default();
    if flag {
        s[1] += 1;
        s[0] += usize::from(hit);
    } else {
        s[3] += 1;
        s[2] += usize::from(any);
    }
    if (flag != hit || (!flag && any)) && misses.len() < 60 {
        misses.push(line());
    }
}

/// A month's name as articles write it ("September"), from the lexicon's.
fn month(m: u32) -> String {
    let name = &claimcheck::text::lexicon().months[m as usize - 1];
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn article(headline: &str, day: u32, body: &str) -> String {
    format!("{headline}\nExample Wire·2025-10-{day:02} 09:00\n\n{body}")
}

#[test]
fn generated_date_event_families() {
    let kb = kb::builtin().expect("built-in knowledge base");
    let parties = parties(&kb);
    let events = events(&kb);
    assert!(
        parties.len() >= 6 && events.len() >= 6,
        "{} parties, {} events",
        parties.len(),
        events.len()
    );
    let fams = families();
    // (flagged right, must-flag, flagged wrongly, must-not-flag) per family of source 2.
    let mut score: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    let mut n = 0usize;
    for (k, (_, en, zh)) in events.iter().enumerate() {
        // Parties in turn: each event with another two.
        let a = &parties[k % parties.len()];
        let b = &parties[(k * 5 + 3) % parties.len()];
        if a.pair == b.pair {
            continue;
        }
        for (fa, ra) in &fams {
            for (fb, rb) in &fams {
                n += 1;
                let (m, d1) = (9, 10 + (n % 9) as u32);
                for (d2, flag) in [(d1, false), (d1 + 2, true)] {
                    let (body1, when1, head1) = ra(a, b, en, zh, m, d1);
                    let (body2, when2, head2) = rb(a, b, en, zh, m, d2);
                    let got = findings(
                        &kb,
                        &article(&head1, 3, &body1),
                        &article(&head2, 5, &body2),
                    );
                    let has = |p: &Vec<String>, w: &str| p.iter().any(|x| x.contains(w));
                    let hit = got.iter().any(|p| has(p, &when1) && has(p, &when2));
                    let wrong = !got.is_empty() && !hit || (!flag && !got.is_empty());
                    let s = score.entry(fb).or_default();
                    if flag {
                        s[1] += 1;
                        s[0] += usize::from(hit);
                    } else {
                        s[3] += 1;
                        s[2] += usize::from(!got.is_empty());
                    }
                    if (flag != hit || wrong) && misses.len() < 60 {
                        misses.push(format!("[{fa} / {fb}] {body1} || {body2} -> {got:?}"));
                    }
                }
            }
        }
    }
    // A headline's event above a byline, and an event word in the publisher's name
    // ("Summit Notes"): the byline dates the article, not the event.
    for (k, (_, en, zh)) in events.iter().enumerate() {
        let a = &parties[k % parties.len()];
        let b = &parties[(k * 5 + 3) % parties.len()];
        for (_, r) in &fams {
            let (body, _, _) = r(a, b, en, zh, 9, 12);
            let heads = [
                format!("{} and {} {en} accord", a.en, b.en),
                format!("{}{}{zh}协议", a.zh, b.zh),
            ];
            for head in heads {
                let got = findings(
                    &kb,
                    &article_sep(&head, en, 14, "Officials gave no details."),
                    &article_sep("Wire", "Example", 15, &body),
                );
                let s = score.entry("headline over byline").or_default();
                s[3] += 1;
                s[2] += usize::from(!got.is_empty());
                if !got.is_empty() && misses.len() < 60 {
                    misses.push(format!(
                        "[headline over byline] {head} || {body} -> {got:?}"
                    ));
                }
            }
        }
    }
    // Source one names the parties in full and the event on September 12; source
    // two writes `body`, whose date reads `when`.
    let mut versus = |a: &Party,
                      b: &Party,
                      en: &str,
                      family: &'static str,
                      body: String,
                      when: String,
                      flag: bool| {
        let one = format!("{} and {} {en} the accord on September 12.", a.en, b.en);
        let got = findings(&kb, &article("Wire", 3, &one), &article("Wire", 5, &body));
        let hit = got.iter().any(|p| p.iter().any(|x| x.contains(&when)));
        let line = || format!("[{family}] {one} || {body} -> {got:?}");
        tally(
            &mut score,
            &mut misses,
            family,
            flag,
            hit,
            !got.is_empty(),
            line,
        );
    };
    // Every pair-name follow word (中美贸易, 中欧峰会 …) and every Chinese word before
    // a date that opens its sentence (于9月12日，…).
    let lex = claimcheck::text::lexicon();
    let (_, en, zh) = &events[0];
    for (k, w) in lex.pair_follow.zh.iter().enumerate() {
        let a = &parties[k % parties.len()];
        let b = &parties[(k * 5 + 3) % parties.len()];
        if a.pair == b.pair {
            continue;
        }
        let front = &lex.date_front.zh[k % lex.date_front.zh.len()];
        for (d2, flag) in [(12, false), (14, true)] {
            let pairs = [
                (
                    "zh pair + each follow word",
                    format!("{}{}{w}方面表示，9月{d2}日{zh}了协议。", a.pair, b.pair),
                    format!("9月{d2}日"),
                ),
                (
                    "zh front word",
                    format!("{front}9月{d2}日，{}和{}{zh}了协议。", a.zh, b.zh),
                    format!("9月{d2}日"),
                ),
            ];
            for (family, body, when) in pairs {
                versus(a, b, en, family, body, when, flag);
            }
        }
    }
    // Capitals for their countries: one source names the countries, the other their
    // capitals ("Beijing and Brussels signed …", 北京和布鲁塞尔于…).
    let with_capital: Vec<&Party> = parties.iter().filter(|p| p.capital.is_some()).collect();
    for (k, (_, en, zh)) in events.iter().enumerate() {
        let a = with_capital[k % with_capital.len()];
        let b = with_capital[(k * 5 + 3) % with_capital.len()];
        let (Some((ca, ca_zh)), Some((cb, cb_zh))) = (&a.capital, &b.capital) else {
            continue;
        };
        if a.pair == b.pair {
            continue;
        }
        for (d2, flag) in [(12, false), (14, true)] {
            let pairs = [
                (
                    "capitals",
                    format!("{ca} and {cb} {en} the accord on September {d2}."),
                    format!("September {d2}"),
                ),
                (
                    "capitals (zh)",
                    format!("{ca_zh}和{cb_zh}于9月{d2}日{zh}了协议。"),
                    format!("9月{d2}日"),
                ),
            ];
            for (family, body, when) in pairs {
                versus(a, b, en, family, body, when, flag);
            }
        }
    }
    // The sentence's only event word in another clause than its only date, or the
    // date said of the speaking: the date is not the event's ("… signed the accord in the capital, and the text
    // went online on September 14").
    for (k, (_, en, _)) in events.iter().enumerate() {
        let a = &parties[k % parties.len()];
        let b = &parties[(k * 5 + 3) % parties.len()];
        if a.pair == b.pair {
            continue;
        }
        for body in [
            format!(
                "{} and {} {en} the accord in the capital, and the text went online on September 14.",
                a.en, b.en
            ),
            format!(
                "The accord {} and {} {en} in the capital went online; the text bears the date September 14.",
                a.en, b.en
            ),
            format!(
                "Officials said on September 14 that {} and {} {en} the accord in the capital.",
                a.en, b.en
            ),
        ] {
            versus(
                a,
                b,
                en,
                "other clause's date",
                body,
                "September 14".into(),
                false,
            );
        }
    }
    let mut bad = false;
    for (fam, [tp, pos, fp, neg]) in &score {
        common::family_score(fam, *tp, *pos, *fp, *neg);
        bad |= tp < pos || *fp > 0;
    }
    assert!(!bad, "families below 1.0:\n{}", misses.join("\n"));
}

/// An article dated in September, close to the events' days, by a publisher whose
/// name holds an event word ("Summit Notes").
fn article_sep(headline: &str, publisher: &str, day: u32, body: &str) -> String {
    format!("{headline}\n{publisher} Notes·2025-09-{day:02} 09:00\n\n{body}")
}

/// The date-conflict findings against the knowledge base's events (one place) of
/// one article dated `on`: each one's event name and the recorded date it expects.
fn kb_findings(kb: &Kb, on: chrono::NaiveDate, body: &str) -> Vec<(String, String)> {
    let raw = format!("Wire\nExample Wire·{on} 09:00\n\n{body}\n");
    let (file, sources) = read::parse("kb.txt", raw);
    let files = vec![file];
    let found = claims::extract(kb, &files, &sources);
    rules::check(kb, &files, &sources, &found)
        .into_iter()
        .filter(|f| f.rule == "date-conflict" && f.places.len() == 1)
        .map(|f| {
            (
                f.subject.unwrap_or_default(),
                f.expected.unwrap_or_default(),
            )
        })
        .collect()
}

/// A knowledge-base event is named only by a sentence that writes a word of its
/// `topic`: each event's misdated examples, as written (must flag), with the date
/// moved to the front (must flag), and with every topic word replaced by another
/// subject (must not: "signed a framework on defence").
#[test]
fn kb_events_need_their_topic() {
    let kb = kb::builtin().expect("built-in knowledge base");
    let mut score: BTreeMap<&'static str, [usize; 4]> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut events = 0;
    for ev in &kb.events {
        for x in ev.examples.iter().filter(|x| x.flag.is_some()) {
            let Some(on) = x.on else { continue };
            events += 1;
            let mut off = x.text.clone();
            let mut topics: Vec<&String> = ev.topic.iter().collect();
            // Longest first, so "rare earth" goes before "rare".
            topics.sort_by_key(|t| std::cmp::Reverse(t.len()));
            for t in topics {
                for form in [t.clone(), t.to_lowercase(), capitalized(t)] {
                    off = off.replace(&form, "defence");
                }
            }
            let fronted = front_date(&x.text);
            let cases = [
                ("kb event as written", x.text.clone(), true),
                ("kb event, date fronted", fronted, true),
                ("kb event, other topic", off, false),
            ];
            for (family, body, flag) in cases {
                if body.is_empty() {
                    continue;
                }
                let got = kb_findings(&kb, on, &body);
                // The finding names this event and its recorded date.
                let hit = got
                    .iter()
                    .any(|(name, day)| *name == ev.name && *day == ev.date.to_string());
                tally(
                    &mut score,
                    &mut misses,
                    family,
                    flag,
                    hit,
                    !got.is_empty(),
                    || format!("[{family}] {body} -> {got:?}"),
                );
            }
        }
    }
    assert!(events >= 20, "only {events} misdated event examples");
    let mut bad = false;
    for (fam, [tp, pos, fp, neg]) in &score {
        common::family_score(fam, *tp, *pos, *fp, *neg);
        bad |= tp < pos || *fp > 0;
    }
    assert!(!bad, "families below 1.0:\n{}", misses.join("\n"));
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "X did Y on October 21, 2025." → "On October 21, 2025, X did Y."; empty when
/// the sentence does not end "on DATE." (Chinese examples).
fn front_date(s: &str) -> String {
    let Some(body) = s.strip_suffix('.') else {
        return String::new();
    };
    let Some((head, when)) = body.rsplit_once(" on ") else {
        return String::new();
    };
    if !when.starts_with(|c: char| c.is_ascii_uppercase()) {
        return String::new();
    }
    let head = head
        .strip_prefix("The ")
        .map_or(head.to_string(), |h| format!("the {h}"));
    format!("On {when}, {head}.")
}
