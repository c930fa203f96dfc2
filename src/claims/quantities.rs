//! Quantity claims: what a number measures, about whom, for when.
//!
//! A quantity's measure comes from the vocabulary terms in its window: the words
//! of its clause before it (back to the previous quantity's window) and the phrase
//! after it ("of global processing capacity", "in direct funding", 的…). Its
//! period is the date or year the sentence ties it to, else the article's year.
//! Its modality tells reported figures (a past year) from expected ones.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::kb::vocab::{Class, Term, Vocab};
use crate::kb::{Hit, Kb, Mention};
use crate::normalize::{DateValue, Qty, Unit};
use crate::text::words::words;
use crate::text::{is_cjk, lexicon};

/// Reported for a past period, expected or planned, or current.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Modality {
    Actual,
    Forecast,
    Current,
}

impl Modality {
    pub fn name(&self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Forecast => "forecast",
            Modality::Current => "current",
        }
    }
    /// A forecast and a statement about the present can contradict each other;
    /// a reported past figure only contradicts another reported one.
    pub fn comparable(self, other: Modality) -> bool {
        (self == Modality::Actual) == (other == Modality::Actual)
    }
}

/// The keys a quantity is compared by.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Keyed {
    /// Sorted measure keys, joined with `+` (empty: no known measure, never compared).
    pub measure: String,
    /// Entity id of what the figure is about, when the sentence names it before the figure.
    pub subject: Option<String>,
    pub subject_name: Option<String>,
    /// `2025`, `2025-Q4`, `2025-10-28`, `2025..2030`.
    pub period: String,
    /// True when the period is only the article's year.
    pub period_default: bool,
    pub modality: Modality,
    /// The day a reference figure is looked up for.
    pub day: Option<NaiveDate>,
    /// Index of the reference figure this quantity states, if any.
    pub figure: Option<usize>,
}

/// Quarters ("fourth-quarter", "Q4", 第四季度): 1–4.
fn quarter(s: &str) -> Option<u32> {
    let l = s.to_lowercase();
    let q = lexicon()
        .quarters
        .iter()
        .position(|forms| forms.iter().any(|f| l.contains(f.as_str())))?;
    Some(q as u32 + 1)
}

pub struct Ctx<'a> {
    pub kb: &'a Kb,
    pub vocab: &'a Vocab,
    pub text: &'a str,
    pub article_date: Option<NaiveDate>,
    /// The sentence's terms, sorted by start.
    pub terms: &'a [Term],
    /// The sentence's mentions; `mentions_sorted` when by start.
    pub mentions: &'a [Mention],
    pub mentions_sorted: bool,
    /// The sentence's dates (only those); `dates_sorted` when by start.
    pub dates: &'a [(Range<usize>, DateValue)],
    pub dates_sorted: bool,
    /// The end of the sentence's first forecast word followed by `,` or `:` (one that
    /// introduces the clauses after it).
    pub intro_forecast: Option<usize>,
    /// The period of the paragraph's last figure that states one (see `same_period`).
    pub prev_period: Option<String>,
}

/// Keys every quantity of one sentence (in order).
pub fn key_sentence(cx: &Ctx, sentence: Range<usize>, qtys: &[(Range<usize>, Qty)]) -> Vec<Keyed> {
    if qtys.is_empty() {
        return Vec::new();
    }
    let text = cx.text;
    let marks = Marks::new(text, sentence.clone());
    // Right windows first: a phrase after one quantity is not the next one's measure.
    let rights: Vec<Range<usize>> = qtys
        .iter()
        .enumerate()
        .map(|(i, (r, _))| {
            let limit = qtys.get(i + 1).map_or(sentence.end, |(n, _)| n.start);
            right_window(text, r.end, limit)
        })
        .collect();
    let mut out = Vec::new();
    for (i, (r, q)) in qtys.iter().enumerate() {
        // Where the next figure starts: a later date of the sentence before it may be
        // this figure's period.
        let next = qtys.get(i + 1).map_or(sentence.end, |(n, _)| n.start);
        let floor = if i > 0 {
            rights[i - 1].end.max(qtys[i - 1].0.end)
        } else {
            sentence.start
        };
        let left = marks.clause_start(floor.min(r.start), r.start)..r.start;
        let left = cap_left(text, left);
        let in_window = |t: &Term| {
            (t.range.start >= left.start && t.range.end <= left.end)
                || (t.range.start >= rights[i].start && t.range.end <= rights[i].end)
        };
        // What the figure is "of" ("80% of US potash imports", 长期平均值的96%) says
        // what it measures better than the rest of the clause ("Canada supplies …").
        let of = of_phrase(text, r, &rights[i], &left);
        // Every window lies in left.start..=reach; the terms are sorted by start.
        let reach = of
            .as_ref()
            .map_or(rights[i].end, |o| o.end)
            .max(rights[i].end);
        let near = terms_from(cx.terms, left.start, reach);
        let in_of = |t: &Term| {
            of.as_ref()
                .is_some_and(|o| t.range.start >= o.start && t.range.end <= o.end)
        };
        let of_has_measure = near.iter().any(|t| t.class == Class::Measure && in_of(t));
        let mut keys: Vec<&str> = near
            .iter()
            .filter(|t| match t.class {
                Class::Measure if of_has_measure => in_of(t),
                Class::Measure | Class::Increment => in_window(t),
                _ => false,
            })
            .map(|t| cx.vocab.keys[t.key as usize].as_str())
            .collect();
        if q.unit.is_none() {
            // A bare count measures what it counts.
            keys.retain(|_| false);
            if let Some(noun) = &q.noun {
                // The counted noun is the end of the quantity's own span.
                let nr = text[r.clone()]
                    .rfind(noun.as_str())
                    .map_or(r.end..r.end, |p| r.start + p..r.start + p + noun.len());
                let counted: Vec<&str> = near
                    .iter()
                    .filter(|t| {
                        t.class == Class::Measure
                            && t.range.start >= nr.start
                            && t.range.end <= nr.end
                    })
                    .map(|t| cx.vocab.keys[t.key as usize].as_str())
                    .collect();
                if counted.is_empty() && !noun.chars().any(is_cjk) {
                    out.push(keyed(
                        cx,
                        sentence.clone(),
                        r,
                        &rights[i],
                        vec![singular(noun)],
                        &left,
                        &marks,
                        i.checked_sub(1).map(|j| &qtys[j].0),
                        next,
                    ));
                    continue;
                }
                keys = counted;
            }
        }
        let mut keys: Vec<String> = keys.into_iter().map(String::from).collect();
        keys.sort();
        keys.dedup();
        out.push(keyed(
            cx,
            sentence.clone(),
            r,
            &rights[i],
            keys,
            &left,
            &marks,
            i.checked_sub(1).map(|j| &qtys[j].0),
            next,
        ));
    }
    out
}

/// The phrase that says what a figure is of: English "of …"/"in …" after it, or the
/// Chinese phrase ending in 的 right before it (back to 为, 是, 占, … or punctuation).
fn of_phrase(
    text: &str,
    r: &Range<usize>,
    right: &Range<usize>,
    left: &Range<usize>,
) -> Option<Range<usize>> {
    let after = text.get(right.clone())?;
    let lead = after.len() - after.trim_start().len();
    let rest = after.trim_start();
    for prep in ["of ", "in "] {
        if let Some(stripped) = rest.strip_prefix(prep) {
            let start = right.end - stripped.len();
            return Some(start..right.end);
        }
    }
    let _ = lead;
    let before = text.get(left.start..r.start)?.trim_end();
    let head = before.strip_suffix('的')?;
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| "为是占达至在与和及对从将由，,。".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(left.start + start..left.start + head.len())
}

fn singular(noun: &str) -> String {
    noun.split_whitespace()
        .map(|w| {
            let w = w.to_lowercase();
            if let Some(s) = w.strip_suffix("ies") {
                format!("{s}y")
            } else if ["sses", "xes", "ches", "shes"]
                .iter()
                .any(|e| w.ends_with(e))
            {
                w[..w.len() - 2].to_string()
            } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most twelve Latin words or twenty CJK characters before the quantity.
fn cap_left(text: &str, left: Range<usize>) -> Range<usize> {
    let ws = words(text, left.clone());
    let mut start = left.start;
    if ws.len() > 12 {
        start = ws[ws.len() - 12].start;
    }
    let cjk: Vec<usize> = text[start..left.end]
        .char_indices()
        .filter(|(_, c)| is_cjk(*c))
        .map(|(i, _)| start + i)
        .collect();
    if cjk.len() > 20 {
        start = start.max(cjk[cjk.len() - 20]);
    }
    start..left.end
}

/// The phrase after a quantity: to a comma, a stop word, the next quantity, or
/// eight words (Latin) / twelve characters (CJK).
fn right_window(text: &str, from: usize, limit: usize) -> Range<usize> {
    let mut end = from;
    let mut n_words = 0;
    let mut n_cjk = 0;
    let mut word_start: Option<usize> = None;
    for (i, c) in text[from..limit].char_indices() {
        let at = from + i;
        if matches!(
            c,
            ',' | '，' | '。' | ';' | '；' | '、' | ':' | '：' | '!' | '?' | '"' | '“' | '”'
        ) {
            break;
        }
        if is_cjk(c) {
            n_cjk += 1;
            if n_cjk > 12 {
                break;
            }
            end = at + c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() || c == '-' || c == '\'' {
            word_start.get_or_insert(at);
            end = at + c.len_utf8();
        } else if let Some(ws) = word_start.take() {
            let w = text[ws..at].to_lowercase();
            if lexicon().right_stop.contains(&w) {
                return from..ws;
            }
            n_words += 1;
            if n_words >= 8 {
                break;
            }
            if c == '(' || c == ')' {
                end = at + 1;
            }
        } else if c == ')' || c == '(' {
            end = at + 1;
        }
    }
    if let Some(ws) = word_start
        && lexicon().right_stop.contains(&text[ws..end].to_lowercase())
    {
        return from..ws;
    }
    from..end
}

/// The end of the first-ending forecast word among `terms` that is followed by `,` or
/// `:` ("预计，…", "expects:"): it makes every figure after it a forecast.
pub fn intro_forecast(text: &str, terms: &[Term]) -> Option<usize> {
    terms
        .iter()
        .filter(|t| {
            t.class == Class::Forecast
                && text[t.range.end..]
                    .trim_start()
                    .starts_with([',', '，', ':', '：'])
        })
        .map(|t| t.range.end)
        .min()
}

/// The terms (sorted by start) that start in `from..=to`.
fn terms_from(terms: &[Term], from: usize, to: usize) -> &[Term] {
    let lo = terms.partition_point(|t| t.range.start < from);
    let hi = terms.partition_point(|t| t.range.start <= to).max(lo);
    &terms[lo..hi]
}

/// The clause marks of one sentence, found once: where clauses start (after `,` `:`
/// `"` …) and end (at `,` `;` …), so that each quantity finds its clause by binary
/// search instead of scanning a long sentence again.
pub struct Marks {
    /// Each clause-start character's byte range.
    starts: Vec<(usize, usize)>,
    /// Each clause-end character's first byte.
    ends: Vec<usize>,
    sentence_end: usize,
}

impl Marks {
    pub fn new(text: &str, sentence: Range<usize>) -> Marks {
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        for (i, c) in text[sentence.clone()].char_indices() {
            let at = sentence.start + i;
            if is_clause_start(c) {
                starts.push((at, at + c.len_utf8()));
            }
            if matches!(c, ',' | '，' | ';' | '；') {
                ends.push(at);
            }
        }
        Marks {
            starts,
            ends,
            sentence_end: sentence.end,
        }
    }

    /// As `text::clause_start(text, floor, at)`, for `floor..at` within the sentence.
    pub fn clause_start(&self, floor: usize, at: usize) -> usize {
        let k = self.starts.partition_point(|&(_, e)| e <= at);
        match k.checked_sub(1).map(|i| self.starts[i]) {
            Some((s, e)) if s >= floor => e,
            _ => floor,
        }
    }

    /// The first clause end at or after `from`, else the sentence's end.
    fn clause_end(&self, from: usize) -> usize {
        let k = self.ends.partition_point(|&p| p < from);
        self.ends.get(k).copied().unwrap_or(self.sentence_end)
    }
}

fn is_clause_start(c: char) -> bool {
    matches!(c, ',' | '，' | ':' | '：' | '、' | '"' | '“' | '”')
}

#[allow(clippy::too_many_arguments)]
fn keyed(
    cx: &Ctx,
    sentence: Range<usize>,
    r: &Range<usize>,
    right: &Range<usize>,
    keys: Vec<String>,
    left: &Range<usize>,
    marks: &Marks,
    prev: Option<&Range<usize>>,
    next: usize,
) -> Keyed {
    // Subject: the nearest entity named before the quantity in its sentence; not a
    // person who is only its speaker ("X said output rose 5%", X表示…).
    // Only mentions starting before the figure can end before it (when sorted).
    let upto = if cx.mentions_sorted {
        cx.mentions.partition_point(|m| m.range.start <= r.start)
    } else {
        cx.mentions.len()
    };
    // Within a window before the figure: an unpunctuated line is one sentence, and
    // every figure in it would go back over all of it.
    let reach = r.start.saturating_sub(AFTER_WINDOW);
    let subject = cx.mentions[..upto]
        .iter()
        .rev()
        .take_while(|m| !cx.mentions_sorted || m.range.start >= reach)
        .filter(|m| m.range.start >= sentence.start && m.range.end <= r.start)
        .find_map(|m| {
            cx.kb
                .gazetteer
                .hits(m.pattern)
                .iter()
                .find_map(|h| match h {
                    // "China's output", "Japanese imports": a possessive or adjective
                    // names whose figure it is, as a name does.
                    // A reporting body ("the IEA said world demand …") names the
                    // figure's source, not whose figure it is, unless possessive.
                    Hit::Name(e) | Hit::Acronym(e)
                        if cx.kb.entities[*e as usize].reporter
                            && !possessive(cx.text, m.range.end) =>
                    {
                        None
                    }
                    Hit::Name(e) | Hit::Acronym(e) | Hit::Adjective(e)
                        if !(cx.kb.entities[*e as usize].kind == crate::kb::EntityType::Person
                            && speaks(cx.text, m.range.end)) =>
                    {
                        Some(*e as usize)
                    }
                    _ => None,
                })
        });
    let prev_end = prev.map_or(sentence.start, |p| p.end);
    // Expected, not reported: a forecast word in the figure's clause, or one that
    // introduces the clauses after it ("预计，…", "expects:").
    let clause = marks.clause_start(sentence.start, r.start).max(reach);
    // Either a forecast word that introduces what follows, anywhere before the figure
    // (the sentence's first such word is found once), or one in the figure's clause.
    let forecast = cx.intro_forecast.is_some_and(|end| end <= r.start)
        || terms_from(cx.terms, clause, r.start).iter().any(|t| {
            t.class == Class::Forecast
                && t.range.start >= sentence.start
                && t.range.end <= r.start
                && t.range.start >= clause
        });
    let (period, default, day) = period(
        cx,
        sentence.clone(),
        r,
        right,
        marks,
        (prev_end, next),
        forecast,
    );
    let year = period
        .trim_start_matches("year to ")
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok());
    let modality = match (forecast, year, cx.article_date) {
        (true, _, _) => Modality::Forecast,
        (false, Some(_), Some(d)) if !default && over(&period, d) => Modality::Actual,
        _ => Modality::Current,
    };
    // A reference figure: its term in the window, its body named in the sentence.
    // A term may hold the quantity before this one, when a number inside it was read
    // as a quantity of its own ("one-year loan prime rate", 一年期贷款市场报价利率):
    // it then starts at most TERM_REACH before that quantity and ends before this one.
    let holds_prev = |t: &Term| {
        prev.is_some_and(|p| {
            t.range.start <= p.start && t.range.end >= p.end && t.range.end <= r.start
        })
    };
    let back = prev.map_or(left.start, |p| {
        left.start
            .min(p.start.saturating_sub(TERM_REACH))
            .max(sentence.start)
    });
    let figure = terms_from(cx.terms, back, right.end).iter().find_map(|t| {
        let inside = (t.range.start >= left.start && t.range.end <= left.end)
            || (t.range.start >= right.start && t.range.end <= right.end)
            || holds_prev(t);
        if t.class != Class::Figure || !inside {
            return None;
        }
        // "production capacity", "production quota": not the level the figure is.
        if keys.iter().any(|k| cx.kb.unreferenced.contains(k)) {
            return None;
        }
        let f: usize = cx.vocab.keys[t.key as usize]
            .trim_start_matches('#')
            .parse()
            .ok()?;
        let fig = &cx.kb.figures[f];
        // The figure's body: the quantity's own subject when it has one ("China's
        // output" is not the US figure), else a mention anywhere in the sentence.
        // A worldwide figure's term names its scope ("global … production"): it
        // is no country's own figure.
        let Some(body) = &fig.subject else {
            return subject.is_none().then_some(f);
        };
        let ours = match subject {
            Some(e) => cx.kb.entities[e].id == *body,
            None => cx.mentions.iter().any(|m| {
                m.range.start >= sentence.start
                    && m.range.end <= sentence.end
                    && cx.kb.gazetteer.hits(m.pattern).iter().any(|h| match h {
                        Hit::Name(e) | Hit::Acronym(e) | Hit::Adjective(e) => {
                            cx.kb.entities[*e as usize].id == *body
                        }
                        _ => false,
                    })
            }),
        };
        ours.then_some(f)
    });
    Keyed {
        measure: keys.join("+"),
        subject: subject.map(|e| cx.kb.entities[e].id.clone()),
        subject_name: subject.map(|e| cx.kb.entities[e].name.clone()),
        period,
        period_default: default,
        modality,
        day,
        figure,
    }
}

/// Had the period ended by the article's date? A year before its year, a quarter or
/// month before its month ("in the first quarter" in an April article is reported,
/// not expected).
fn over(period: &str, d: NaiveDate) -> bool {
    let p = period.trim_start_matches("year to ");
    let Some(y) = p.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
        return false;
    };
    let rest = &p[4..];
    // The last month the period covers.
    let last = if let Some(q) = rest.strip_prefix("-Q") {
        q.parse::<u32>().ok().map(|q| q * 3)
    } else if let Some(m) = rest.strip_prefix('-') {
        m.get(..2).and_then(|m| m.parse::<u32>().ok())
    } else if rest.is_empty() {
        Some(12)
    } else {
        None
    };
    match last {
        Some(m) => (y, m) < (d.year(), d.month()),
        None => y < d.year(),
    }
}

/// How far before the quantity it holds a reference figure's term may start.
const TERM_REACH: usize = 64;

/// How far after a figure (in bytes) its period's date may start.
const AFTER_WINDOW: usize = 1000;

/// The period a quantity is for: a date right after it ("in 2025", "on March 6",
/// "between 2025 and 2030"), else the nearest date before it in its sentence
/// (not one after "since"), else the first date later in the sentence before the
/// next figure with no `other_period` word between ("At $4.5bn, its sales last year
/// were a record"), else the article's year. Quarters refine a year.
fn period(
    cx: &Ctx,
    sentence: Range<usize>,
    r: &Range<usize>,
    right: &Range<usize>,
    marks: &Marks,
    (prev_end, next): (usize, usize),
    forecast: bool,
) -> (String, bool, Option<NaiveDate>) {
    let text = cx.text;
    let clause_end = marks.clause_end(r.end);
    // `cx.dates` are the sentence's; sorted by start, the dates after the figure and
    // those before it are found by binary search.
    let in_sentence = cx.dates;
    let sorted = cx.dates_sorted;
    // A date more than a paragraph's length after the figure is not its period; the
    // bound keeps a sentence of endless figures and dates linear.
    let limit = clause_end.max(right.end).min(r.end + AFTER_WINDOW);
    let first_after = if sorted {
        in_sentence.partition_point(|(d, _)| d.start < r.end)
    } else {
        0
    };
    // Only the first two dates that qualify are used.
    let after: Vec<&(Range<usize>, DateValue)> = in_sentence[first_after..]
        .iter()
        .take_while(|(d, _)| !sorted || d.start <= limit)
        // A date that starts in the clause is whole even past a comma inside it
        // ("at 4% on June 11, 2024": the comma is not the clause's end).
        .filter(|(d, _)| d.start >= r.end && d.start <= limit)
        .filter(|(d, _)| {
            let gap = text[r.end..d.start].to_lowercase();
            let last = gap.split_whitespace().last().unwrap_or("");
            // A date that stands on its own ("last year", "this quarter") may
            // follow the figure's noun phrase: "bought back $155m of its shares last
            // year".
            // Not after a preposition: "before next February" is a deadline.
            let own = lexicon()
                .date_self
                .iter()
                .any(|w| text[d.start..d.end].to_lowercase().starts_with(w))
                && gap.split_whitespace().count() <= 5
                && !gap.contains([',', ';', '，', '；'])
                && !lexicon().noun_stop.contains(last);
            lexicon().date_link.contains(last)
                || own
                || gap.trim().is_empty()
                || gap.contains("between")
                || gap.contains("from")
        })
        .take(2)
        .collect();
    let upto = if sorted {
        in_sentence.partition_point(|(d, _)| d.start <= r.start)
    } else {
        in_sentence.len()
    };
    let before = in_sentence[..upto].iter().rev().find(|(d, _)| {
        d.end <= r.start && {
            // Only the last word matters: lowercase the end of the text before it.
            let pre = text[sentence.start..d.start].trim_end();
            let tail = pre.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
            let pre = pre[tail..].to_lowercase();
            !(pre.ends_with("since") || pre.ends_with("自") || text[d.end..].starts_with("以来"))
        }
    });
    // A figure set apart before its clause ("At $4.5bn, …", "2.6%，…") is
    // described by the clause after it: the first later date of the sentence, before
    // the next figure, unless a word between makes it another period ("up from").
    let later = (after.is_empty() && before.is_none())
        .then(|| {
            in_sentence[first_after..]
                .iter()
                .take_while(|(d, _)| !sorted || d.start < next)
                .find(|(d, _)| d.start >= r.end && d.start < next)
        })
        .flatten()
        .filter(|(d, _)| !other_period(&text[r.end..d.start]));
    let mut before_day = None;
    let mut at = None;
    let chosen: Vec<DateValue> = if let Some(first) = after.first() {
        at = Some(first.0.start);
        let gap = text[r.end..first.0.start].to_lowercase();
        if after.len() >= 2
            && (gap.contains("between")
                || gap.contains("from")
                || range_link(text, first.0.end, after[1].0.start))
        {
            vec![first.1, after[1].1]
        } else {
            vec![first.1]
        }
    } else if let Some(m) = cx
        .article_date
        .is_none()
        .then(|| bare_month(&text[r.end..limit.max(r.end)]))
        .flatten()
    {
        // "rose 0.8% in January" in an undated article: a month of no known year,
        // not the year an earlier date in the sentence gives.
        return (format!("--{m:02}"), false, None);
    } else if let Some((d, v)) = later {
        // Its day is most often when it was said ("…, the firm said on Tuesday").
        at = Some(d.start);
        match v {
            DateValue::Day(day) => vec![DateValue::Year(day.year())],
            other => vec![*other],
        }
    } else if let Some((a, b)) = before
        .and_then(|b| span_start(in_sentence, b, text).map(|a| (a, b)))
        .filter(|(a, _)| a.0.start >= sentence.start)
    {
        // "June-September rainfall is likely to be 105%", 6月至9月降雨量…: the
        // figure is for the whole span.
        at = Some(a.0.start);
        vec![a.1, b.1]
    } else if let Some(b) = before {
        // A date before the figure is most often when it was said ("said on April
        // 15 that …"): it tells the figure's year, not its day or month. In Chinese
        // the figure's own date comes before it, after 于 ("于2024年9月5日将利率维持在
        // 4.25%"): that is its day.
        before_day = match b.1 {
            DateValue::Day(d) => Some(d),
            _ => None,
        };
        let own = text[..b.0.start].ends_with('于') && b.0.start >= sentence.start;
        // A month is the figure's ("In June 2020, …", 2020年2月失业率…) unless it is
        // when something was said ("said in March that …", 3月表示).
        let said = {
            let from = text.floor_char_boundary(b.0.start.saturating_sub(24).max(sentence.start));
            let pre = text[from..b.0.start].to_lowercase();
            let words: Vec<&str> = pre.split_whitespace().rev().take(3).collect();
            let lex = lexicon();
            words.iter().any(|w| lex.speech.en.iter().any(|s| s == w))
                || lex
                    .speech
                    .zh
                    .iter()
                    .any(|s| text[b.0.end..].starts_with(s.as_str()))
        };
        at = Some(b.0.start);
        match b.1 {
            _ if own || span_to(text, b.0.start) => vec![b.1],
            DateValue::Day(d) => vec![DateValue::Year(d.year())],
            DateValue::Month(y, _) if said => vec![DateValue::Year(y)],
            other => vec![other],
        }
    } else {
        vec![]
    };
    // The quarter is looked for in the figure's clause, within a window on each side:
    // a clause can be a whole unpunctuated line, and every figure in it would scan it.
    // A later date's clause is the figure's; a date before the figure in another
    // clause ("2022年一季度，越南开采了…") brings its clause's quarter.
    let (qs, qe) = match (later, at) {
        (Some((d, _)), _) if chosen.len() == 1 => (d.start, d.end),
        (None, Some(a)) if a < r.start && chosen.len() == 1 => (
            a.max(text.floor_char_boundary(r.start.saturating_sub(AFTER_WINDOW))),
            r.end,
        ),
        _ => (r.start, r.end),
    };
    // Back to the figure before it, not only its clause: "In the second quarter,
    // $306m of shares were bought back" (a fronted quarter, no year).
    let from = marks
        .clause_start(sentence.start, qs)
        .min(prev_end.max(sentence.start).min(qs))
        .max(text.floor_char_boundary(qs.saturating_sub(AFTER_WINDOW)));
    let to = marks
        .clause_end(qe)
        .max(qe)
        .min(text.floor_char_boundary(qe + AFTER_WINDOW));
    let q = quarter(crate::text::slice(text, from..to.max(from)));
    match chosen.as_slice() {
        [a, b] => (format!("{}..{}", a.render(), b.render()), false, None),
        // "the year to March 2004": twelve months, which no calendar year equals.
        [DateValue::Day(d)] if at.is_some_and(|a| span_to(text, a)) => {
            (format!("year to {}", d.format("%Y-%m")), false, Some(*d))
        }
        [DateValue::Month(y, m)] if at.is_some_and(|a| span_to(text, a)) => {
            (format!("year to {y}-{m:02}"), false, cx.article_date)
        }
        [d] => {
            let day = match d {
                DateValue::Day(day) => Some(*day),
                _ => before_day,
            };
            let s = match (d, q) {
                (DateValue::Year(y), Some(q)) => format!("{y}-Q{q}"),
                _ => d.render(),
            };
            (s, false, day.or(cx.article_date))
        }
        // "同期", "in the same period": the period of the paragraph's figure before.
        _ if cx.prev_period.is_some()
            && same_period(crate::text::slice(
                text,
                sentence
                    .start
                    .max(text.floor_char_boundary(r.start.saturating_sub(SAME_PERIOD_REACH)))
                    ..r.start,
            )) =>
        {
            (
                cx.prev_period.clone().unwrap_or_default(),
                false,
                cx.article_date,
            )
        }
        _ => {
            let y = cx.article_date.map(|d| d.year());
            match (y, q) {
                // A quarter with no year that has not begun by the article's date is
                // the last one of that name when reported: "sales reached £1.9bn in
                // the fourth quarter", written in January (expected, it is this year's).
                (Some(y), Some(q)) => {
                    let begun = cx.article_date.is_none_or(|d| (q - 1) * 3 < d.month());
                    let y = if begun || forecast { y } else { y - 1 };
                    (format!("{y}-Q{q}"), false, cx.article_date)
                }
                (Some(y), None) => (y.to_string(), true, cx.article_date),
                _ => (String::new(), true, None),
            }
        }
    }
}

/// How far before a figure "the same period" may be written (bytes).
const SAME_PERIOD_REACH: usize = 160;

/// Does `before` (a sentence up to its figure) refer back to the period of the
/// figure before (`same_period`: "同期", "over the same period"), not to the same
/// period a year before (去年同期, "the same period last year")?
fn same_period(before: &str) -> bool {
    let lex = lexicon();
    let lower = before.to_lowercase();
    lex.same_period.iter().any(|w| {
        lower.match_indices(w).any(|(k, _)| {
            let pre = &lower[..k];
            let post = &lower[k + w.len()..];
            !(pre.ends_with("去年")
                || pre.ends_with("上年")
                || post.trim_start().starts_with("last year")
                || post.trim_start().starts_with("a year"))
        })
    })
}

/// Does `gap` (between a figure and a later date) hold a word that makes the date
/// another period than the figure's (`other_period`: "up from", "compared with",
/// 比)?
fn other_period(gap: &str) -> bool {
    let lex = lexicon();
    let lower = gap.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lex.other_period.en.iter().any(|x| x == w))
        || lex.other_period.zh.iter().any(|x| gap.contains(x.as_str()))
}

/// The month of a month name right after a date link at the start of `s` (" in
/// January"), when no day or year follows it.
fn bare_month(s: &str) -> Option<u32> {
    let lex = lexicon();
    let mut words = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
        .filter(|w| !w.is_empty());
    let link = words.next()?.to_lowercase();
    if !lex.date_link.contains(&link) {
        return None;
    }
    let name = words.next()?.to_lowercase();
    let m = lex.months.iter().position(|m| *m == name)?;
    // A day or a year after the name is a date the date grammar reads.
    let next = words.next().unwrap_or("");
    if next.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(m as u32 + 1)
}

/// Do only a `range_link` and spaces lie between `from` and `to` ("June-September",
/// 6月至9月)?
fn range_link(text: &str, from: usize, to: usize) -> bool {
    to >= from
        && text.get(from..to).is_some_and(|g| {
            lexicon()
                .range_link
                .contains(g.trim().to_lowercase().as_str())
        })
}

/// The date that opens a span ending at `b` (the date before it, joined by a
/// `range_link`), if any.
fn span_start<'a>(
    dates: &'a [(Range<usize>, DateValue)],
    b: &(Range<usize>, DateValue),
    text: &str,
) -> Option<&'a (Range<usize>, DateValue)> {
    let j = dates.iter().position(|d| d.0 == b.0)?;
    let a = dates.get(j.checked_sub(1)?)?;
    // "between June and September": "and" joins a span only after "between".
    let between = text
        .get(a.0.end..b.0.start)
        .is_some_and(|g| g.trim() == "and")
        && text[..a.0.start]
            .trim_end()
            .to_lowercase()
            .ends_with("between");
    (between || range_link(text, a.0.end, b.0.start)).then_some(a)
}

/// Does a `span_to` phrase ("year to", "12 months ended") end right before `at`?
fn span_to(text: &str, at: usize) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(24));
    let pre = text[from..at].trim_end().to_lowercase();
    lexicon().span_to.iter().any(|w| {
        pre.strip_suffix(w)
            .is_some_and(|p| p.is_empty() || p.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// "to 42 dlrs from 40.50 dlrs a share": two figures of one change ("to … from",
/// "from … to") write their `per` once; each gets it. `qtys` are one sentence's,
/// in order.
pub fn share_per(text: &str, qtys: &mut [(Range<usize>, Qty)]) {
    for k in 1..qtys.len() {
        let (a, b) = (&qtys[k - 1], &qtys[k]);
        if a.1.unit != b.1.unit || a.1.unit.is_none() || a.1.per.is_some() == b.1.per.is_some() {
            continue;
        }
        let gap = crate::text::slice(text, a.0.end..b.0.start.max(a.0.end)).to_lowercase();
        let gap = gap.trim();
        let gap = gap.strip_suffix(" the").unwrap_or(gap);
        if !matches!(gap, "from" | "to") {
            continue;
        }
        let per = a.1.per.clone().or_else(|| b.1.per.clone());
        qtys[k - 1].1.per.clone_from(&per);
        qtys[k].1.per = per;
    }
}

/// `'s`, `’s` or 的 right after a name: its figure ("OPEC's output", 欧佩克的产量).
pub(crate) fn possessive(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with("'s") || after.starts_with("’s") || after.starts_with('的')
}

/// Is the name ending at `end` followed by a speech verb?
pub(crate) fn speaks(text: &str, end: usize) -> bool {
    let after = text[end..].trim_start_matches([' ', ',', '，']);
    lexicon().speech.iter().any(|v| after.starts_with(v))
}

/// Unit and "per" as one comparable string (`USD/share`).
pub fn unit_key(q: &Qty) -> String {
    let u = q.unit.map(|u: Unit| u.name()).unwrap_or_default();
    match &q.per {
        Some(p) => format!("{u}/{p}"),
        None => u,
    }
}
