//! Claims: what each source states, normalized and keyed for comparison.
//!
//! One pass per article: the gazetteer (names, titles), the vocabulary (measure
//! words, event verbs), the quantity and the date scanners each run once over the
//! article's text; sentences then tie their results together.

pub mod acronyms;
pub mod entities;
pub mod frame;
pub mod quantities;
pub mod reference;

use std::ops::Range;

use rayon::prelude::*;

use crate::kb::vocab::{self, Class, Vocab};
use crate::kb::{EntityType, Hit, Kb};
use crate::normalize::{DateValue, Qty, day_order, scan_dates_in, scan_quantities};
use crate::read::{File, Source};
use crate::text::words as text;
pub use frame::{Frame, Scope};
pub use quantities::{Keyed, Modality};

/// One claim, located in its source.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// Index into the run's sources.
    pub source: usize,
    /// Byte range in the file's working text.
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Kind {
    Quantity(QuantityClaim),
    Date(DateClaim),
    Entity(EntityClaim),
    Role(RoleClaim),
    Acronym(AcronymClaim),
}

impl Kind {
    /// The `kind` the JSON output names it by.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Quantity(_) => "quantity",
            Kind::Date(_) => "date",
            Kind::Entity(_) => "entity",
            Kind::Role(_) => "role",
            Kind::Acronym(_) => "acronym",
        }
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct QuantityClaim {
    pub qty: Qty,
    pub key: Keyed,
    /// Whose figure it is and what it measures, for aligning it with other sources'
    /// (boxed: it is most of a claim's size).
    pub frame: Box<Frame>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DateClaim {
    pub value: DateValue,
    /// What happened on that date (`announce`, `end`), when the sentence says.
    pub event: Option<String>,
    /// Entity ids named in the same sentence.
    pub subjects: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct EntityClaim {
    pub canonical: String,
    pub etype: EntityType,
    pub id: Option<String>,
    /// Written in a form the knowledge base lists as a misspelling.
    pub misspelt: bool,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RoleClaim {
    /// Office id in the knowledge base.
    pub office_id: String,
    /// Canonical office name.
    pub office: String,
    /// The holder as written.
    pub holder: String,
    /// Byte range of the holder's name in the working text.
    pub holder_span: Range<usize>,
    /// Knowledge-base entity id and name of the holder, when resolved.
    pub holder_id: Option<String>,
    pub holder_canonical: Option<String>,
    /// When the sentence places the role ("In 2016, then governor …"); none: the
    /// article's date.
    #[serde(default)]
    pub at: Option<DateValue>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AcronymClaim {
    pub short: String,
    pub long: String,
    pub short_span: Range<usize>,
    pub long_span: Range<usize>,
}

/// Every claim of every source, in source order, then text order.
pub fn extract(kb: &Kb, files: &[File], sources: &[Source]) -> Vec<Claim> {
    let vocab = kb.vocab();
    let per: Vec<Vec<Claim>> = sources
        .par_iter()
        .enumerate()
        .map(|(i, s)| extract_source(kb, vocab, &files[s.file], s, i))
        .collect();
    // Sized once: grown by doubling, the list was copied (and its pages touched)
    // about twice over.
    let mut out = Vec::with_capacity(per.iter().map(Vec::len).sum());
    for claims in per {
        out.extend(claims);
    }
    out
}

fn extract_source(kb: &Kb, vocab: &Vocab, file: &File, src: &Source, index: usize) -> Vec<Claim> {
    let text = file.text.as_str();
    let range = src.range.clone();
    let article = &text[range.clone()];
    let shift = |r: Range<usize>| r.start + range.start..r.end + range.start;
    let mentions: Vec<_> = kb
        .gazetteer
        .find(article)
        .into_iter()
        .map(|mut m| {
            m.range = shift(m.range);
            m
        })
        .collect();
    // Words inside a name ("Export-Import Bank") are not measure words. Terms are
    // read only in sentences that ask for them (figures, dates, an office's title):
    // most sentences do not.
    let in_mention = Reach::new(mentions.iter().map(|m| &m.range));
    let terms_in = |sentence: &Range<usize>| -> Vec<vocab::Term> {
        vocab
            .find(text, sentence.clone())
            .into_iter()
            .filter(|t| !in_mention.contains(&t.range))
            .collect()
    };
    // The byline's publisher: how it writes numeric dates, and the country its bare
    // titles may be of.
    let publisher = crate::read::publisher_of(article);
    let home = publisher.and_then(|p| kb.publisher_country(p));
    let dates: Vec<(Range<usize>, DateValue)> =
        scan_dates_in(article, src.date, day_order(publisher))
            .into_iter()
            .map(|(r, d)| (shift(r), d))
            .collect();
    // A number inside a date is not a quantity.
    let in_date = Reach::new(dates.iter().map(|(d, _)| d));
    let qtys: Vec<(Range<usize>, Qty)> = scan_quantities(article)
        .into_iter()
        .map(|(r, q)| (shift(r), q))
        .filter(|(r, _)| !in_date.overlaps(r))
        // A whole number counting nothing ("Group 1 -") is a label, not a claim;
        // fractions and multiples ("one-tenth", "up to twice") are kept.
        .filter(|(_, q)| {
            let label = q.unit.is_none()
                && q.noun.is_none()
                && q.qualifier.is_none()
                && q.value.is_some_and(|v| v >= 1.0 && v.fract() == 0.0);
            !label
        })
        .collect();

    // The headline is Title Case in some sources: its capitals name nothing.
    let body = text[range.clone()]
        .find('\n')
        .map_or(range.start, |i| range.start + i);
    let sentences = text::sentences(text, range.clone());
    // Only figures' frames ask which words the article capitalizes.
    let (lower, capital) = if qtys.is_empty() {
        Default::default()
    } else {
        frame::word_cases(text, &sentences, body)
    };
    // The last actor named in the paragraph so far: the subject of a figure whose
    // sentence names none ("Albemarle reported … The company expects …").
    // Known organizations first, then proper nouns; reset at a blank line.
    let mut carried: [Option<String>; 2] = [None, None];
    let mut scanned = range.start;
    // The period of the paragraph's last figure that states one: "同期", "the same
    // period" in a later sentence refer to it.
    let mut last_period: Option<String> = None;
    let mut n_sentence = 0u32;
    let mut out = entities::entity_claims(kb, index, &mentions, article);
    // Each sentence takes its items by binary search over the position-sorted lists,
    // so the cost grows with the items, not with sentences × items.
    let by_mention = Sorted::new(&mentions, |m| &m.range);
    let by_qty = Sorted::new(&qtys, |(r, _)| r);
    let by_date = Sorted::new(&dates, |(r, _)| r);
    for sentence in sentences {
        let s_mentions: Vec<_> = by_mention.within(&sentence).cloned().collect();
        let s_dates_v: Vec<(Range<usize>, DateValue)> =
            by_date.within(&sentence).cloned().collect();
        let mut s_qtys: Vec<_> = by_qty.within(&sentence).cloned().collect();
        let lazy_terms = std::cell::OnceCell::new();
        let s_terms_of = || lazy_terms.get_or_init(|| terms_in(&sentence)).as_slice();
        let s_terms: &[vocab::Term] = if s_qtys.is_empty() && s_dates_v.is_empty() {
            &[]
        } else {
            s_terms_of()
        };
        // Everything the quantity keys look at lies in the sentence (see `key_sentence`).
        let cx = quantities::Ctx {
            kb,
            vocab,
            text,
            article_date: src.date,
            terms: s_terms,
            mentions: &s_mentions,
            mentions_sorted: s_mentions.is_sorted_by_key(|m| m.range.start),
            dates: &s_dates_v,
            dates_sorted: s_dates_v.is_sorted_by_key(|(d, _)| d.start),
            intro_forecast: quantities::intro_forecast(text, s_terms),
            prev_period: if text[scanned..sentence.start.max(scanned)].contains("\n\n") {
                None
            } else {
                last_period.clone()
            },
        };
        let roles = entities::role_claims(
            kb,
            index,
            text,
            sentence.clone(),
            &s_mentions,
            &s_terms_of,
            (&mentions, home),
            (&s_dates_v, src.date),
        );
        // A holder the knowledge base does not know is still a person named.
        for r in &roles {
            if let Kind::Role(role) = &r.kind
                && role.holder_id.is_none()
            {
                out.push(Claim {
                    source: index,
                    span: role.holder_span.clone(),
                    kind: Kind::Entity(EntityClaim {
                        canonical: role.holder.clone(),
                        etype: EntityType::Person,
                        id: None,
                        misspelt: false,
                    }),
                });
            }
        }
        out.extend(roles);
        out.extend(acronyms::acronym_claims(
            kb,
            index,
            text,
            sentence.clone(),
            &s_mentions,
        ));
        quantities::share_per(text, &mut s_qtys);
        let date_ranges: Vec<Range<usize>> = s_dates_v.iter().map(|(r, _)| r.clone()).collect();
        let frames = frame::frames(&frame::Input {
            kb,
            vocab,
            text,
            sentence: sentence.clone(),
            qtys: &s_qtys,
            mentions: &s_mentions,
            terms: s_terms,
            dates: &date_ranges,
            lower: &lower,
            capital: &capital,
        });
        // Only the text since the last sentence is looked at: linear in the article.
        if text[scanned..sentence.start.max(scanned)].contains("\n\n") {
            carried = [None, None];
        }
        scanned = scanned.max(sentence.end);
        let mut frames = frames;
        let held = carried[0].as_ref().or(carried[1].as_ref());
        n_sentence += 1;
        for f in &mut frames {
            f.sentence = n_sentence;
            // A figure whose sentence names who tells it ("OPEC was pumping …",
            // OPEC being a reporting body) is not the earlier sentence's party's.
            if f.subject.is_none() && f.teller.is_none() {
                f.carried = held.cloned();
            }
        }
        let (org, name) = frame::last_actor(kb, &s_mentions, &frames);
        if org.is_some() {
            carried[0] = org;
        }
        if name.is_some() {
            carried[1] = name;
        }
        let keys = quantities::key_sentence(&cx, sentence.clone(), &s_qtys);
        if let Some(k) = keys.iter().rev().find(|k| !k.period_default) {
            last_period = Some(k.period.clone());
        } else if cx.prev_period.is_none() {
            last_period = None;
        }
        for (((r, qty), mut key), frame) in s_qtys.iter().zip(keys).zip(frames) {
            if key.figure.is_none() && key.day.is_some() {
                key.figure = reference::bind(kb, vocab, qty, &frame);
            }
            out.push(Claim {
                source: index,
                span: r.clone(),
                kind: Kind::Quantity(QuantityClaim {
                    qty: qty.clone(),
                    key,
                    frame: Box::new(frame),
                }),
            });
        }
        let s_dates: Vec<Range<usize>> = s_dates_v.iter().map(|(r, _)| r.clone()).collect();
        // What every date of the sentence shares, worked out once: a sentence can be
        // a whole unpunctuated line with thousands of dates.
        let near = Near {
            sentence: sentence.clone(),
            terms: s_terms,
            terms_sorted: s_terms.is_sorted_by_key(|t| t.range.start),
            longest_term: s_terms.iter().map(|t| t.range.len()).max().unwrap_or(0),
            dates: &s_dates,
            dates_sorted: cx.dates_sorted,
            subjects: date_subjects(kb, &s_mentions),
        };
        for (r, value) in &s_dates_v {
            out.push(Claim {
                source: index,
                span: r.clone(),
                kind: Kind::Date(date_claim(vocab, text, r, *value, &near)),
            });
        }
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

/// A list of spanned items, and whether it is sorted by start (then `within` searches
/// it; an unsorted list is filtered whole, with the same result).
struct Sorted<'a, T> {
    items: &'a [T],
    span: fn(&T) -> &Range<usize>,
    sorted: bool,
}

impl<'a, T> Sorted<'a, T> {
    fn new(items: &'a [T], span: fn(&T) -> &Range<usize>) -> Self {
        let sorted = items.is_sorted_by_key(|x| span(x).start);
        Sorted {
            items,
            span,
            sorted,
        }
    }

    /// The items lying within `s`, in list order.
    fn within(&self, s: &Range<usize>) -> impl Iterator<Item = &'a T> {
        let span = self.span;
        let (lo, hi) = if self.sorted {
            (
                self.items.partition_point(|x| span(x).start < s.start),
                self.items.partition_point(|x| span(x).start <= s.end),
            )
        } else {
            (0, self.items.len())
        };
        let (s, e) = (s.start, s.end);
        self.items[lo..hi.max(lo)].iter().filter(move |x| {
            let r = span(x);
            r.start >= s && r.end <= e
        })
    }
}

/// Ranges sorted by start with the running maximum of their ends: whether any of them
/// contains or overlaps a range is one binary search.
struct Reach {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Reach {
    fn new<'r>(ranges: impl Iterator<Item = &'r Range<usize>>) -> Reach {
        let mut v: Vec<(usize, usize)> = ranges.map(|r| (r.start, r.end)).collect();
        v.sort_unstable();
        let mut max = 0;
        let reach = v
            .iter()
            .map(|&(_, e)| {
                max = max.max(e);
                max
            })
            .collect();
        Reach {
            starts: v.into_iter().map(|(s, _)| s).collect(),
            reach,
        }
    }

    /// Does one range start at or before `r` and end at or after it?
    fn contains(&self, r: &Range<usize>) -> bool {
        let k = self.starts.partition_point(|&s| s <= r.start);
        k > 0 && self.reach[k - 1] >= r.end
    }

    /// Does one range share a byte with `r`?
    fn overlaps(&self, r: &Range<usize>) -> bool {
        let k = self.starts.partition_point(|&s| s < r.end);
        k > 0 && self.reach[k - 1] > r.start
    }
}

/// How far from a date (in bytes) a word saying its event was moved may be.
const MOVED_REACH: usize = 96;

/// Is the event of the date at `r` said to be moved or called off near it ("the
/// meeting planned for March 7 has been postponed")? Then it is not the event's
/// date, and the new one is not sure either.
fn moved(text: &str, r: &Range<usize>) -> bool {
    let from = text.floor_char_boundary(r.start.saturating_sub(MOVED_REACH));
    let to = text.floor_char_boundary((r.end + MOVED_REACH).min(text.len()));
    // Within the date's sentence: a headline saying "delayed" is not about it.
    let ends = |c: char| matches!(c, '\n' | '。' | '！' | '？');
    let before = &text[from..r.start];
    let from = before
        .rfind(ends)
        .or_else(|| before.rfind(". "))
        .map_or(from, |k| {
            from + k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let after = &text[r.end..to];
    let to = after
        .find(ends)
        .or_else(|| after.find(". "))
        .map_or(to, |k| r.end + k);
    let window = text[from.min(r.start)..to.max(r.end)].to_lowercase();
    crate::text::lexicon::lexicon()
        .called_off
        .iter()
        .any(|w| window.contains(w))
}

/// The event a date is the date of: the event word just before it ("announced on
/// October 9") or just after it (9月18日宣布), with no comma and no other date
/// between them; none when the event is said to be moved (`moved`).
fn date_claim<'a>(
    vocab: &Vocab,
    text: &str,
    r: &Range<usize>,
    value: DateValue,
    near: &Near<'a>,
) -> DateClaim {
    // Only terms that start close enough can be the date's event word.
    let terms = if near.terms_sorted {
        let from = r.start.saturating_sub(EVENT_BEFORE + near.longest_term);
        let lo = near.terms.partition_point(|t| t.range.start < from);
        let hi = near
            .terms
            .partition_point(|t| t.range.start <= r.end + EVENT_AFTER)
            .max(lo);
        &near.terms[lo..hi]
    } else {
        near.terms
    };
    // Whether a date lies wholly inside `b` (dates do not overlap, so when sorted
    // the first one starting in `b` tells).
    let date_inside = |b: &Range<usize>| {
        if near.dates_sorted {
            let i = near.dates.partition_point(|d| d.start < b.start);
            near.dates.get(i).is_some_and(|d| d.end <= b.end)
        } else {
            near.dates
                .iter()
                .any(|d| d.start >= b.start && d.end <= b.end)
        }
    };
    let between = |t: &vocab::Term| {
        if t.range.end <= r.start {
            t.range.end..r.start
        } else {
            r.end..t.range.start
        }
    };
    let clear = |t: &vocab::Term| {
        let b = between(t);
        !text[b.clone()].contains([',', '，', ';', '；']) && !date_inside(&b)
    };
    let is_near = |t: &&vocab::Term, before: bool, max: usize| {
        t.class == Class::Event
            && (t.range.end <= r.start) == before
            && between(t).len() <= max
            && clear(t)
    };
    let event = terms
        .iter()
        .filter(|t| is_near(t, true, EVENT_BEFORE))
        .min_by_key(|t| between(t).len())
        .or_else(|| {
            terms
                .iter()
                .filter(|t| is_near(t, false, EVENT_AFTER))
                .min_by_key(|t| between(t).len())
        })
        .or_else(|| fronted_event(text, r, near))
        .or_else(|| sole_event(text, r, near))
        .map(|t| vocab.keys[t.key as usize].clone())
        .filter(|_| !moved(text, r) && !on_byline(text, r));
    DateClaim {
        value,
        event,
        subjects: near.subjects.clone(),
    }
}

/// The event of a date that opens its sentence ("On September 15, X began trading",
/// "Tuesday, 14 March, the leaders met", 7月22日，双方举行峰会): the first event word
/// of the clause after it, however far, with no other date between.
fn fronted_event<'a>(text: &str, r: &Range<usize>, near: &Near<'a>) -> Option<&'a vocab::Term> {
    let lex = crate::text::lexicon();
    let lead = text.get(near.sentence.start..r.start)?;
    let opens = lead
        .split(|c: char| c.is_whitespace() || c == ',' || c == '，')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_lowercase();
            lex.date_front.en.contains(&w)
                || lex.date_front.zh.contains(&w)
                || lex.weekdays.iter().any(|d| d.eq_ignore_ascii_case(&w))
        });
    if !opens {
        return None;
    }
    let rest = text.get(r.end..near.sentence.end)?;
    let body = rest.trim_start_matches([',', '，', ' ']);
    let from = r.end + (rest.len() - body.len());
    let to = from
        + body
            .find([',', '，', ';', '；', '。'])
            .unwrap_or(body.len());
    // The sentence's terms: the event may lie beyond the usual reach. Only the
    // sentence's first date can open it, so this runs once a sentence at most.
    near.terms
        .iter()
        .filter(|t| t.class == Class::Event && t.range.start >= from && t.range.end <= to)
        .min_by_key(|t| t.range.start)
        .filter(|t| {
            !near
                .dates
                .iter()
                .any(|d| d.start >= r.end && d.end <= t.range.start)
        })
}

/// The event of a date out of the event word's usual reach ("The accord the two
/// sides signed after weeks of talks is dated 15 September"): the sentence's only
/// event word, when the date is the sentence's only date, no comma or semicolon
/// parts them (one clause) and no speech word claims the date.
fn sole_event<'a>(text: &str, r: &Range<usize>, near: &Near<'a>) -> Option<&'a vocab::Term> {
    if near.dates.len() != 1 {
        return None;
    }
    let mut events = near.terms.iter().filter(|t| t.class == Class::Event);
    let t = events.next()?;
    if events.next().is_some() {
        return None;
    }
    let between = if t.range.end <= r.start {
        t.range.end..r.start
    } else {
        r.end..t.range.start.max(r.end)
    };
    let gap = text.get(between)?;
    // A date said of the speaking ("sources said yesterday … a meeting") is when it
    // was said: no speech word in the gap or in the three words before the date.
    let lead = text.get(text.floor_char_boundary(r.start.saturating_sub(40))..r.start)?;
    let lead: Vec<&str> = lead.split_whitespace().rev().take(3).collect();
    let speech = &crate::text::lexicon().speech;
    let spoken = gap
        .split_whitespace()
        .chain(lead)
        .any(|w| speech.contains_ignore_case(w.trim_matches(|c: char| !c.is_alphanumeric())))
        || speech.zh.iter().any(|w| gap.contains(w.as_str()));
    (!spoken && !gap.contains([',', '，', ';', '；', '、', ':', '：'])).then_some(t)
}

/// Is the date at `r` on a byline line (`Publisher·2025-07-25 09:00`)? It dates the
/// article, not an event of its title.
fn on_byline(text: &str, r: &Range<usize>) -> bool {
    // A byline is a short line: look no further than that either way, so a long
    // line with many dates stays linear.
    const REACH: usize = 160;
    let from = text.floor_char_boundary(r.start.saturating_sub(REACH));
    let to = text.ceil_char_boundary((r.end + REACH).min(text.len()));
    let Some(start) = text[from..r.start]
        .rfind('\n')
        .map(|i| from + i + 1)
        .or((from == 0).then_some(0))
    else {
        return false;
    };
    let Some(end) = text[r.end..to]
        .find('\n')
        .map(|i| r.end + i)
        .or((to == text.len()).then_some(to))
    else {
        return false;
    };
    crate::read::byline(&text[start..end]).is_some()
}

/// A sentence's terms and dates (each list sorted by start when its flag says so)
/// and the entities it names, for the claims of its dates.
struct Near<'a> {
    sentence: Range<usize>,
    terms: &'a [vocab::Term],
    terms_sorted: bool,
    longest_term: usize,
    dates: &'a [Range<usize>],
    dates_sorted: bool,
    subjects: Vec<String>,
}

/// Longest gap between a date and an event word before it, and after it.
const EVENT_BEFORE: usize = 48;
const EVENT_AFTER: usize = 12;

/// The entities a sentence names, sorted, each once: the subjects of its dates.
fn date_subjects(kb: &Kb, mentions: &[crate::kb::Mention]) -> Vec<String> {
    let mut subjects: Vec<String> = mentions
        .iter()
        .flat_map(|m| kb.gazetteer.hits(m.pattern).iter())
        .filter_map(|h| match h {
            Hit::Name(e) | Hit::Acronym(e) | Hit::Adjective(e) | Hit::Pair(e) => {
                Some(&kb.entities[*e as usize])
            }
            _ => None,
        })
        // A capital stands for its country's government too.
        .flat_map(|e| std::iter::once(e.id.clone()).chain(e.part_of.clone()))
        .collect();
    subjects.sort();
    subjects.dedup();
    subjects
}
