//! Claim frames: what a figure measures, whose it is and how it is put, read from
//! the whole sentence around it rather than from listed words next to it.
//!
//! A sentence is cut into tokens once: figures, names (knowledge-base mentions and
//! proper nouns the knowledge base does not know), measure words of the vocabulary
//! (a synonym class: "output", "produced", 产量 are all `m:production`), other
//! content words as English stems, Chinese text as character bigrams, and clause
//! marks. Each figure then takes every content token of its sentence, weighted by
//! nearness (tokens away) and halved across a clause mark or across another figure
//! of its unit, so that "revenue of $5bn and profit of $1bn" gives each figure its
//! own word. The rules compare frames by these weights; nothing needs a listed word.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::ops::Range;
use std::sync::OnceLock;

use std::ops::Not;

use rust_stemmers::{Algorithm, Stemmer};

use crate::claims::quantities::{possessive, speaks};
use crate::kb::vocab::{Class, Term, Vocab};
use crate::kb::{EntityType, Hit, Kb, Mention};
use crate::normalize::{Change, Qty};
use crate::text::{is_cjk, lexicon};

/// How a figure relates to what it measures.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Scope {
    /// Nothing says (most figures: "output was 5 Mt", "140 entities were added").
    #[default]
    Unmarked,
    /// The level, said so ("rose to 6.3%", 增长至5%).
    Level,
    /// An addition on top of a total ("another 500 jobs", 新增).
    Increment,
    /// A change ("rose 5%", "cut 2,000 jobs", "rose by $3bn", 增长5%).
    Change,
    /// A margin of error ("plus or minus 5%"): never compared.
    Margin,
    /// A part of a whole ("20% of earnings", 占产量的60%): not a change.
    Share,
}

impl Scope {
    /// Can figures of these scopes be one claim? A level or a share said to be one
    /// is not a change or an increment said to be one; an unmarked figure can be
    /// either, except an increment: "a further €2bn" adds to a total that an
    /// unmarked "€2bn of buybacks" may be.
    pub fn compatible(self, other: Scope) -> bool {
        let delta = |s: Scope| matches!(s, Scope::Increment | Scope::Change);
        let fixed = |s: Scope| matches!(s, Scope::Level | Scope::Share);
        let added = |a: Scope, b: Scope| a == Scope::Increment && b == Scope::Unmarked;
        !((fixed(self) && delta(other))
            || (fixed(other) && delta(self))
            || added(self, other)
            || added(other, self))
    }

    pub fn name(self) -> &'static str {
        match self {
            Scope::Unmarked => "unmarked",
            Scope::Level => "level",
            Scope::Increment => "increment",
            Scope::Change => "change",
            Scope::Margin => "margin",
            Scope::Share => "share",
        }
    }
}

/// A figure's frame (the unit, period and modality are the claim's own fields).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Frame {
    /// Whose figure it is: the nearest actor (person, organization, unknown proper
    /// noun) named in its clause, else the nearest place there, else the nearest
    /// party named before it in the sentence. Entity ids; `np:` for proper nouns.
    pub subject: Option<String>,
    /// When the sentence names no party: the last actor named before it in the
    /// paragraph ("Albemarle reported … The company expects …"), a weaker subject.
    pub carried: Option<String>,
    /// Every party the sentence names, sorted.
    pub parties: Vec<String>,
    /// The sentence's capitalized first word when nothing else in the article shows
    /// it is a name ("Poland saw inflation of 3.9%"): `np:` and the word. A sentence's
    /// first word is as often a common one ("Deliveries rose"), so it is the subject
    /// only when another figure's subject is that name.
    pub lead: Option<String>,
    /// What the figure measures: measure keys (`m:production`), stems and bigrams,
    /// each with its weight (nearness to the figure), sorted by feature.
    pub what: Vec<(String, f32)>,
    pub scope: Scope,
    /// The sentence it is in, counted from the article's start: two figures of one
    /// sentence are two claims.
    pub sentence: u32,
    /// The unit class figures must share to be one claim: the unit and `per`
    /// (`USD`, `t`, `percent`), or for a count the noun it counts (`n:m:jobs` when
    /// the vocabulary knows it, so 实体 and "entities" agree; else `n:` and its stem).
    pub unit: String,
    /// What a change is measured against when the sentence says: `year` (on the
    /// year, 同比), `quarter`, `month` (on the month, 环比).
    pub base: Option<String>,
    /// Who the sentence says the figure is from: a reporting body it names, or a
    /// party followed by a speech verb or after "according to" (`attribution`).
    pub teller: Option<String>,
    /// Which way a rate's change goes, by the nearest change verb before the figure
    /// in its clause: `up` ("rose 5%", "rose at an annual rate of 10.7%", 增长),
    /// `down` ("fell 0.2%", 下降). Not for a level ("rose to 7%") or a count ("cut
    /// 5,000 jobs" and "job cuts rose to 5,000" are one claim).
    pub direction: Option<String>,
    /// The sub-series a word right before the figure's measure word names
    /// (`measure_modifier`: "core inflation", "youth unemployment", 长期失业率): a
    /// figure of a sub-series is not one of the whole, nor of another sub-series.
    pub series: Option<String>,
}

/// Tokens farther than this from a figure weigh less than a tenth and are left out.
const REACH: usize = 36;

/// What a sentence's frames are read from.
pub struct Input<'a> {
    pub kb: &'a Kb,
    pub vocab: &'a Vocab,
    pub text: &'a str,
    pub sentence: Range<usize>,
    pub qtys: &'a [(Range<usize>, Qty)],
    /// The sentence's mentions and vocabulary terms.
    pub mentions: &'a [Mention],
    pub terms: &'a [Term],
    /// The sentence's dates (their words are periods, not context).
    pub dates: &'a [Range<usize>],
    /// Lowercase words the article uses in lowercase: a capitalized word among them
    /// is a sentence's first word or a headline's, not a name.
    pub lower: &'a HashSet<&'a str>,
    /// Words (lowercased) the article capitalizes where no sentence starts.
    pub capital: &'a HashSet<String>,
}

#[derive(Debug, Clone)]
enum Tok {
    Figure(usize),
    /// A party: its id, and whether it is an actor (not a place).
    Party(String, bool),
    Word(String),
    Concept(String),
    Increment,
}

struct Token {
    range: Range<usize>,
    tok: Tok,
    /// The clause it is in (counted from the sentence's start).
    clause: u32,
    /// Its position, in tokens.
    pos: u32,
}

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stem of a lowercased word's lemma. News repeats its words: each thread
/// keeps the stems it has made (bounded, so a run of endless new words stays flat).
fn stem(lower: &str) -> String {
    use std::cell::RefCell;
    const MAX: usize = 1 << 16;
    thread_local! {
        static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }
    STEMS.with_borrow_mut(|m| {
        if let Some(s) = m.get(lower) {
            return s.clone();
        }
        let s = stemmer()
            .stem(crate::text::lexicon::lexicon().lemma(lower))
            .into_owned();
        if m.len() >= MAX {
            m.clear();
        }
        m.insert(lower.to_string(), s.clone());
        s
    })
}

struct Sets {
    stop: HashSet<String>,
    stop_char: HashSet<char>,
    generic: HashSet<String>,
    months: HashSet<String>,
    change_verb: HashSet<String>,
    level_link: HashSet<String>,
    change_link: HashSet<String>,
}

fn sets() -> &'static Sets {
    static S: OnceLock<Sets> = OnceLock::new();
    S.get_or_init(|| {
        let lex = lexicon();
        let lower = |w: &str| w.to_lowercase();
        Sets {
            stop: lex.stopword.iter().map(lower).collect(),
            stop_char: lex
                .stopword
                .zh
                .iter()
                .filter(|w| w.chars().count() == 1)
                .filter_map(|w| w.chars().next())
                .collect(),
            generic: lex
                .generic
                .iter()
                .chain(lex.body.iter())
                .chain(lex.honorific.iter())
                .map(|w| lower(w.trim_end_matches('.')))
                .collect(),
            months: lex
                .months
                .iter()
                .chain(&lex.weekdays)
                .map(|w| lower(w))
                .chain(lex.month_short.iter().map(|(s, _)| lower(s)))
                .collect(),
            change_verb: lex.change_verb.iter().map(lower).collect(),
            level_link: lex.level_link.iter().map(lower).collect(),
            change_link: lex.change_link.iter().map(lower).collect(),
        }
    })
}

/// The words of an article it writes in lowercase somewhere, and (lowercased) the
/// words it capitalizes inside a sentence (not first in it, not in the headline).
pub fn word_cases<'a>(
    text: &'a str,
    sentences: &[Range<usize>],
    body: usize,
) -> (HashSet<&'a str>, HashSet<String>) {
    // Sized for the article (about one distinct word in 12 bytes of news text), so
    // the sets are not rebuilt as they grow.
    let bytes = sentences.last().map_or(0, |l| l.end) - sentences.first().map_or(0, |f| f.start);
    let mut lower = HashSet::with_capacity(bytes / 12);
    let mut capital = HashSet::with_capacity(bytes / 64);
    for s in sentences {
        for (k, r) in crate::text::words::word_iter(text, s.clone()).enumerate() {
            let raw = &text[r.clone()];
            let w = raw
                .strip_suffix("'s")
                .or_else(|| raw.strip_suffix("’s"))
                .unwrap_or(raw);
            // A possessive first word of a body sentence ("Valdonia's exports …") is
            // a name as surely as a capitalized word inside a sentence.
            let possessive = w.len() < raw.len();
            match w.chars().next() {
                Some(c) if c.is_lowercase() => {
                    lower.insert(w);
                }
                Some(c) if c.is_uppercase() && (k > 0 || possessive) && r.start >= body => {
                    capital.insert(w.to_lowercase());
                }
                _ => {}
            }
        }
    }
    (lower, capital)
}

/// The last organization a sentence names, and its figures' last proper-noun
/// subject: what a later "the company" may refer to.
pub fn last_actor(
    kb: &Kb,
    mentions: &[Mention],
    frames: &[Frame],
) -> (Option<String>, Option<String>) {
    let org = mentions.iter().rev().find_map(|m| {
        kb.gazetteer.hits(m.pattern).iter().find_map(|h| match h {
            Hit::Name(e) | Hit::Acronym(e) => {
                let ent = &kb.entities[*e as usize];
                (ent.kind == EntityType::Organization && !ent.reporter).then(|| ent.id.clone())
            }
            _ => None,
        })
    });
    let name = frames
        .iter()
        .rev()
        .find_map(|f| f.subject.clone().filter(|s| s.starts_with("np:")));
    (org, name)
}

/// A headline's content words: English stems (no stop words) and Chinese bigrams.
pub fn title_features(title: &str) -> Vec<String> {
    let s = sets();
    let mut out = Vec::new();
    let mut han: Vec<char> = Vec::new();
    let flush = |han: &mut Vec<char>, out: &mut Vec<String>| {
        for w in han.windows(2) {
            if !(s.stop_char.contains(&w[0]) && s.stop_char.contains(&w[1])) {
                out.push(w.iter().collect());
            }
        }
        han.clear();
    };
    for w in title.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        let mut latin = String::new();
        for c in w.chars() {
            if is_cjk(c) {
                han.push(c);
            } else {
                flush(&mut han, &mut out);
                latin.push(c);
            }
        }
        flush(&mut han, &mut out);
        let lower = latin.to_lowercase();
        let lower = lower.trim_end_matches("'s");
        if lower.len() > 1 && !lower.chars().all(|c| c.is_ascii_digit()) && !s.stop.contains(lower)
        {
            out.push(stemmer().stem(lower).into_owned());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The frames of a sentence's figures, in order.
pub fn frames(inp: &Input) -> Vec<Frame> {
    // Most sentences hold no figure: no tokens for them.
    if inp.qtys.is_empty() {
        return Vec::new();
    }
    let toks = tokens(inp);
    let figure_at: Vec<usize> = {
        let mut v = vec![usize::MAX; inp.qtys.len()];
        for (k, t) in toks.iter().enumerate() {
            if let Tok::Figure(i) = t.tok {
                v[i] = k;
            }
        }
        v
    };
    let units: Vec<String> = inp
        .qtys
        .iter()
        .map(|(r, q)| {
            // A counted noun the vocabulary knows is its measure (实体 = entities).
            // Its head, before "of": "barrels of oil" counts barrels, as "360m
            // barrels" does.
            let head_end = inp.text[r.clone()]
                .find(" of ")
                .map_or(r.end, |k| r.start + k);
            if let Some(c) = q
                .noun
                .as_deref()
                .filter(|_| q.unit.is_none())
                .and_then(count_class)
            {
                return format!("n:{c}");
            }
            let counted = (q.unit.is_none() && q.noun.is_some())
                .then(|| {
                    inp.terms.iter().find(|t| {
                        t.class == Class::Measure
                            && t.range.start >= r.start
                            && t.range.end <= head_end
                    })
                })
                .flatten();
            match counted {
                Some(t) => format!("n:m:{}", inp.vocab.keys[t.key as usize]),
                None => unit_class(q),
            }
        })
        .collect();
    // Each figure as a context feature of its neighbours: `q:` value and unit.
    let labels: Vec<String> = inp
        .qtys
        .iter()
        .zip(&units)
        .map(|((_, q), u)| {
            let v = q
                .value
                .or(q.low)
                .or(q.high)
                .map_or(String::new(), |x| x.to_string());
            format!("q:{v}{u}")
        })
        .collect();
    let parties = {
        let mut p: Vec<String> = toks
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Party(id, _) => Some(id.clone()),
                _ => None,
            })
            .collect();
        p.sort();
        p.dedup();
        p
    };
    let told = tellers(inp, &toks);
    let lead = lead(inp, &parties);
    (0..inp.qtys.len())
        .map(|i| {
            let k = figure_at[i];
            if k == usize::MAX {
                return Frame {
                    parties: parties.clone(),
                    lead: lead.clone(),
                    unit: units[i].clone(),
                    teller: teller(&told, inp.qtys[i].0.clone()),
                    ..Frame::default()
                };
            }
            // The grammar's change marker first ("by 5%", "to 3%"), else the words
            // before the figure.
            let scope = match inp.qtys[i].1.change {
                _ if margin(inp.text, inp.sentence.start, inp.qtys[i].0.start) => Scope::Margin,
                _ if share(inp, i) => Scope::Share,
                Some(Change::By) => Scope::Change,
                Some(Change::To | Change::From) => Scope::Level,
                None => scope(inp, &toks, k),
            };
            let kind = figures(&inp.qtys[i].1);
            let fits = |c: &str| {
                c.strip_prefix("m:")
                    .and_then(|m| inp.kb.money_only.get(m))
                    .is_none_or(|&only| kind.is_none_or(|k| k == only))
            };
            // Only a change, or a rate, is measured against a base ("1.2万吨，比去年
            // 增长20%": the tonnage is not).
            let rate = matches!(
                inp.qtys[i].1.unit,
                Some(crate::normalize::Unit::Percent | crate::normalize::Unit::PercentagePoint)
            );
            Frame {
                subject: subject(inp.text, &toks, k),
                carried: None,
                sentence: 0,
                parties: parties.clone(),
                lead: lead.clone(),
                what: with_own_measures(inp, i, what(&toks, k, &units, &labels, i, &fits), &fits),
                scope,
                unit: units[i].clone(),
                base: (rate || matches!(scope, Scope::Change | Scope::Increment))
                    .then(|| base(inp, i))
                    .flatten(),
                teller: teller(&told, inp.qtys[i].0.clone()),
                series: series(inp, &toks, k),
                direction: (rate && !matches!(scope, Scope::Level | Scope::Share))
                    .then(|| direction(inp, i))
                    .flatten(),
            }
        })
        .collect()
}

/// The sentence's first word, capitalized, when it may be a name the article shows
/// nowhere else as one (see `Frame::lead`): not a word the article writes in
/// lowercase, a stop word, a month or a generic word, nor a party already.
fn lead(inp: &Input, parties: &[String]) -> Option<String> {
    let s = sets();
    let whole = inp.text.get(inp.sentence.clone())?;
    let text = whole.trim_start();
    let at = inp.sentence.start + (whole.len() - text.len());
    // A name the knowledge base knows is a party already.
    if inp
        .mentions
        .iter()
        .any(|m| m.range.start <= at && at < m.range.end)
    {
        return None;
    }
    let word: &str = text
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .next()?;
    let rest = &text[word.len()..];
    let lower = word.to_lowercase();
    let ok = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && !word.chars().any(crate::text::is_cjk)
        // A possessive or a following name makes it a party already.
        && !rest.starts_with(['\'', '’'])
        && !inp.lower.contains(lower.as_str())
        && !s.stop.contains(&lower)
        && !s.months.contains(&lower)
        && !s.generic.contains(&lower);
    if !ok {
        return None;
    }
    // Not a party already, alone or as a name's first word ("np:veltrac motors").
    let id = format!("np:{lower}");
    let first = format!("{id} ");
    (!parties.iter().any(|p| p == &id || p.starts_with(&first))).then_some(id)
}

/// The `measure_modifier` written right before the measure word nearest the
/// figure (token `k`) in its clause, if any.
fn series(inp: &Input, toks: &[Token], k: usize) -> Option<String> {
    let clause = toks[k].clause;
    let me = toks[k].pos;
    // Within REACH tokens: a sentence of endless figures stays linear.
    let lo = k.saturating_sub(REACH);
    let hi = (k + REACH + 1).min(toks.len());
    let concept = toks[lo..hi]
        .iter()
        .filter(|t| t.clause == clause && matches!(t.tok, Tok::Concept(_)))
        .min_by_key(|t| t.pos.abs_diff(me))?;
    let text = inp.text;
    let from = text
        .floor_char_boundary(concept.range.start.saturating_sub(16))
        .max(inp.sentence.start);
    let before = text[from..concept.range.start].to_lowercase();
    let lex = crate::text::lexicon::lexicon();
    let last = before
        .trim_end()
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-') || crate::text::is_cjk(c))
        .next()
        .unwrap_or("");
    lex.measure_modifier
        .iter()
        .find(|(_, words)| {
            words.iter().any(|w| {
                if w.chars().any(crate::text::is_cjk) {
                    before.ends_with(w.as_str())
                } else {
                    w == last
                }
            })
        })
        .map(|(name, _)| name.clone())
}

/// The way the nearest change verb before figure `i` in its clause goes (see
/// `Frame::direction`): `change_down` is down, `change_either` none, the rest of
/// `change_verb` up.
fn direction(inp: &Input, i: usize) -> Option<String> {
    let lex = crate::text::lexicon::lexicon();
    let r = &inp.qtys[i].0;
    let text = inp.text;
    let from = text.floor_char_boundary(window_start(inp, i));
    let before = &text[from..r.start.max(from)];
    // Only the figure's clause.
    let before = before
        .rsplit([',', ';', '，', '；', ':', '：'])
        .next()
        .unwrap_or(before);
    let lower = before.to_lowercase();
    // The last change verb: an English word, or a Chinese one ending nearest the figure.
    // English: a change verb among the last six words ("rose at an annual rate of");
    // Chinese: one right before the figure but for 了, 至 and the like (裁员规模为 is
    // a noun, not a fall).
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() || crate::text::is_cjk(c))
        .filter(|w| !w.is_empty())
        .collect();
    let latin_tail = lower
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| !crate::text::is_cjk(c));
    let english = latin_tail
        .then(|| {
            words
                .iter()
                .rev()
                .take(6)
                .find(|w| lex.change_verb.en.iter().any(|v| v == *w))
                .copied()
        })
        .flatten();
    let chinese = || {
        let glue = lower.trim_end_matches(|c: char| "了至到为达约近逾超过".contains(c));
        lex.change_verb
            .zh
            .iter()
            .filter(|v| glue.ends_with(v.as_str()))
            .max_by_key(|v| v.len())
            .map(String::as_str)
    };
    let w = english.or_else(chinese)?;
    if lex.change_either.contains(w) {
        None
    } else if lex.change_down.contains(w) {
        Some("down".into())
    } else {
        Some("up".into())
    }
}

/// The sentence's tellers (see `Frame::teller`), sorted by position: reporting
/// bodies it names, and parties followed by a speech verb or after an
/// `attribution` phrase ("according to").
fn tellers(inp: &Input, toks: &[Token]) -> Vec<(Range<usize>, String)> {
    let text = inp.text;
    let lex = crate::text::lexicon::lexicon();
    let told = |at: &Range<usize>| {
        // The rest of a name ("Harlow Building Society": its generic words are not
        // part of the token) comes before the verb.
        let mut after = &text[at.end..];
        for _ in 0..4 {
            let a = after.trim_start_matches(' ');
            match a.split_once(' ') {
                Some((w, rest)) if w.starts_with(char::is_uppercase) && !w.ends_with(',') => {
                    after = rest;
                }
                _ => break,
            }
        }
        let after = after.trim_start_matches([' ', ',', '，']);
        let after = ["has ", "have ", "had "]
            .iter()
            .find_map(|a| after.strip_prefix(a))
            .unwrap_or(after);
        let from = text.floor_char_boundary(at.start.saturating_sub(24));
        let before = text[from..at.start].trim_end();
        let before = before
            .strip_suffix("the")
            .unwrap_or(before)
            .trim_end()
            .to_lowercase();
        lex.speech.iter().any(|v| after.starts_with(v))
            || lex.attribution.iter().any(|w| {
                before.strip_suffix(w).is_some_and(|p| {
                    p.is_empty() || p.ends_with(|c: char| !c.is_alphanumeric()) || !w.is_ascii()
                })
            })
    };
    let mut found: Vec<(Range<usize>, String)> = Vec::new();
    for m in inp.mentions {
        for h in inp.kb.gazetteer.hits(m.pattern) {
            if let Hit::Name(e) | Hit::Acronym(e) = h {
                let ent = &inp.kb.entities[*e as usize];
                if (ent.reporter && !possessive(text, m.range.end))
                    || (ent.kind == EntityType::Person && speaks(text, m.range.end))
                {
                    found.push((m.range.clone(), ent.id.clone()));
                }
            }
        }
    }
    for t in toks {
        if let Tok::Party(id, true) = &t.tok
            && told(&t.range)
        {
            found.push((t.range.clone(), id.clone()));
        }
    }
    found.sort_by(|a, b| (a.0.start, &a.1).cmp(&(b.0.start, &b.1)));
    found
}

/// The teller nearest the figure at `r`: the last one before it or the first after
/// it (binary search: a sentence of endless figures stays linear).
fn teller(found: &[(Range<usize>, String)], r: Range<usize>) -> Option<String> {
    let k = found.partition_point(|(x, _)| x.start < r.start);
    let gap = |x: &Range<usize>| {
        if x.start >= r.end {
            x.start - r.end
        } else {
            r.start.saturating_sub(x.end)
        }
    };
    let before = k.checked_sub(1).and_then(|j| found.get(j));
    let after = found.get(k);
    [before, after]
        .into_iter()
        .flatten()
        .min_by_key(|(x, id)| (gap(x), id.clone()))
        .map(|(_, id)| id.clone())
}

/// How far from a figure (in bytes) the words of its base may be.
const BASE_REACH: usize = 48;

/// Where the words before figure `i` that qualify it may start: within
/// `BASE_REACH`, in its sentence, after the figure before it.
fn window_start(inp: &Input, i: usize) -> usize {
    let r = &inp.qtys[i].0;
    i.checked_sub(1)
        .map_or(inp.sentence.start, |j| inp.qtys[j].0.end.min(r.start))
        .max(r.start.saturating_sub(BASE_REACH))
        .max(inp.sentence.start)
}

/// The base of figure `i`: the nearest base phrase within `BASE_REACH` of it in its
/// sentence, with no other figure between ("0.8% on the month and 11.8% on the year").
fn base(inp: &Input, i: usize) -> Option<String> {
    let r = &inp.qtys[i].0;
    let text = inp.text;
    // The figures are in order: the neighbours bound the window.
    let from = window_start(inp, i);
    let to = inp
        .qtys
        .get(i + 1)
        .map_or(inp.sentence.end, |(q, _)| q.start.max(r.end))
        .min(r.end + BASE_REACH)
        .min(inp.sentence.end)
        .max(r.end);
    let (from, to) = (text.floor_char_boundary(from), text.floor_char_boundary(to));
    let before = text[from..r.start.max(from)].to_lowercase();
    let after = text[r.end.min(to)..to].to_lowercase();
    // One pass over each side finds every base phrase: the first place of each
    // after the figure (a one-word base only in its own clause), the last before.
    let bw = base_words();
    let ac = bw.ac.as_ref()?;
    let clause_len = own_clause(&after).len();
    let n = bw.words.len();
    let (mut first, mut first_in_clause, mut last) = (vec![None; n], vec![None; n], vec![None; n]);
    for m in ac.find_overlapping_iter(after.as_str()) {
        let p = m.pattern().as_usize();
        first[p] = Some(first[p].map_or(m.start(), |k: usize| k.min(m.start())));
        if m.end() <= clause_len {
            first_in_clause[p] =
                Some(first_in_clause[p].map_or(m.start(), |k: usize| k.min(m.start())));
        }
    }
    for m in ac.find_overlapping_iter(before.as_str()) {
        let p = m.pattern().as_usize();
        last[p] = Some(last[p].map_or(m.start(), |k: usize| k.max(m.start())));
    }
    let mut best: Option<(usize, &str)> = None;
    for (p, &(name, len, spaced)) in bw.words.iter().enumerate() {
        // Distance: from the figure's end to the phrase, or from the phrase's end
        // to the figure. A one-word base ("annual", "monthly") after the figure
        // is its own only in its clause: "fell 0.2%, with annual inflation at …".
        let (clause, at) = if spaced {
            (after.as_str(), first[p])
        } else {
            (&after[..clause_len], first_in_clause[p])
        };
        let d_after = at.filter(|&k| bounded(clause, k, len));
        let d_before = last[p]
            .filter(|&k| bounded(&before, k, len))
            .map(|k| before.len() - (k + len));
        for d in d_after.into_iter().chain(d_before) {
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, name));
            }
        }
    }
    best.map(|(_, n)| n.to_string())
}

/// The lexicon's base phrases (`base_year`, `base_quarter`, `base_month`) in one
/// automaton, with what each says, its length and whether it has a space.
struct BaseWords {
    /// None only if the phrases exceed the automaton's limits: no base is found.
    ac: Option<aho_corasick::AhoCorasick>,
    words: Vec<(&'static str, usize, bool)>,
}

fn base_words() -> &'static BaseWords {
    static B: OnceLock<BaseWords> = OnceLock::new();
    B.get_or_init(|| {
        let lex = crate::text::lexicon::lexicon();
        let mut patterns: Vec<&str> = Vec::new();
        let mut words = Vec::new();
        for (name, list) in [
            ("year", &lex.base_year),
            ("quarter", &lex.base_quarter),
            ("month", &lex.base_month),
        ] {
            for w in list.iter().filter(|w| !w.is_empty()) {
                patterns.push(w);
                words.push((name, w.len(), w.contains(' ')));
            }
        }
        // Standard semantics: overlapping search reports every place of every phrase.
        let ac = aho_corasick::AhoCorasick::new(&patterns).ok();
        BaseWords { ac, words }
    })
}

/// The text after a figure that still describes it: up to the next clause mark,
/// and on through a noun phrase set beside it (", the first monthly rise", not ",
/// with annual inflation at …").
fn own_clause(after: &str) -> &str {
    let mut end = 0;
    for part in after.split_inclusive([',', ';', '，', '；']) {
        let appositive = end > 0 && {
            let first = part.trim_start().split(' ').next().unwrap_or("");
            matches!(first, "the" | "a" | "an" | "its" | "their")
        };
        if end > 0 && !appositive {
            break;
        }
        end += part.len();
    }
    &after[..end]
}

/// Is `s[k..k + len]` a whole phrase (no letter glued on either side)?
fn bounded(s: &str, k: usize, len: usize) -> bool {
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    glued(s[..k].chars().next_back()).not() && glued(s[k + len..].chars().next()).not()
}

/// The unit class two figures must share to be the same claim: the unit (and `per`),
/// or for a bare count the noun it counts.
pub fn unit_class(q: &Qty) -> String {
    let u = crate::claims::quantities::unit_key(q);
    if !u.is_empty() {
        return u;
    }
    match &q.noun {
        Some(n) if count_class(n).is_some() => format!("n:{}", count_class(n).unwrap_or("")),
        Some(n) => {
            // The head comes before "of": "barrels of oil" counts barrels.
            let head = n.split(" of ").next().unwrap_or(n);
            let last = head.split_whitespace().last().unwrap_or(head);
            if last.chars().any(is_cjk) {
                // Chinese compounds end in their head: 工作岗位 counts 岗位.
                let chars: Vec<char> = last.chars().collect();
                let head: String = chars[chars.len().saturating_sub(2)..].iter().collect();
                format!("n:{head}")
            } else {
                format!("n:{}", stemmer().stem(&last.to_lowercase()))
            }
        }
        None => String::new(),
    }
}

/// The class of the lexicon's `counted` a counted noun belongs to: its head word's
/// stem (English), or its classifier, else the longest ending of its head that is a
/// form (Chinese: 工作岗位 counts jobs).
fn count_class(noun: &str) -> Option<&'static str> {
    static STEMS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let forms = STEMS.get_or_init(|| {
        let mut m = HashMap::new();
        for (name, words) in &crate::text::lexicon::lexicon().counted {
            for w in words {
                let key = if w.chars().any(is_cjk) {
                    w.clone()
                } else {
                    stemmer().stem(w).into_owned()
                };
                m.insert(key, name.as_str());
            }
        }
        m
    });
    let head = noun.split(" of ").next().unwrap_or(noun);
    let last = head.split_whitespace().last().unwrap_or(head);
    if last.chars().any(is_cjk) {
        let first: String = last.chars().take(1).collect();
        if let Some(c) = forms.get(&first) {
            return Some(c);
        }
        return last
            .char_indices()
            .find_map(|(k, _)| forms.get(&last[k..]).copied());
    }
    forms
        .get(stemmer().stem(&last.to_lowercase()).as_ref())
        .copied()
}

fn tokens(inp: &Input) -> Vec<Token> {
    let text = inp.text;
    let s = sets();
    // Spans that are tokens of their own, by priority: figures, dates, names, terms.
    let mut spans: Vec<(Range<usize>, Option<Tok>)> = Vec::new();
    for (i, (r, _)) in inp.qtys.iter().enumerate() {
        spans.push((r.clone(), Some(Tok::Figure(i))));
    }
    for d in inp.dates {
        spans.push((d.clone(), None));
    }
    for m in inp.mentions {
        let party = inp
            .kb
            .gazetteer
            .hits(m.pattern)
            .iter()
            .find_map(|h| match h {
                Hit::Name(e) | Hit::Acronym(e) | Hit::Adjective(e) => {
                    let ent = &inp.kb.entities[*e as usize];
                    // A reporting body names the figure's source, not whose it is,
                    // and a person followed by a speech verb is its speaker.
                    let possessive = possessive(text, m.range.end);
                    if (ent.reporter && !possessive)
                        || (ent.kind == EntityType::Person && speaks(text, m.range.end))
                    {
                        return Some(None);
                    }
                    Some(Some(Tok::Party(
                        ent.id.clone(),
                        ent.kind != EntityType::Place,
                    )))
                }
                _ => None,
            });
        // A title or other non-name pattern gives no party: its words still tell
        // what is meant.
        if let Some(t) = party {
            spans.push((m.range.clone(), t));
        }
    }
    for t in inp.terms {
        let tok = match t.class {
            Class::Measure => Tok::Concept(format!("m:{}", inp.vocab.keys[t.key as usize])),
            Class::Increment => Tok::Increment,
            _ => continue,
        };
        spans.push((t.range.clone(), Some(tok)));
    }
    // Earlier start first; at one start, the higher priority (pushed first) wins.
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..spans.len()).collect();
        o.sort_by_key(|&k| (spans[k].0.start, k));
        o
    };
    let mut out: Vec<Token> = Vec::new();
    let mut clause = 0u32;
    let mut at = inp.sentence.start;
    for k in order {
        let (r, tok) = &spans[k];
        // A term listed under two measures ("mine output": mining and production),
        // or a measure and an increment (新增), is both, at one place.
        let term = |t: &Tok| matches!(t, Tok::Concept(_) | Tok::Increment);
        if let (Some(last), Some(t)) = (out.last(), tok)
            && last.range == *r
            && term(t)
            && term(&last.tok)
        {
            let same = Token {
                range: r.clone(),
                tok: t.clone(),
                clause,
                pos: 0,
            };
            out.push(same);
            continue;
        }
        if r.start < at {
            continue;
        }
        // Words between the last span and this one.
        gap_tokens(inp, s, at..r.start, &mut clause, &mut out);
        if let Some(tok) = tok {
            out.push(Token {
                range: r.clone(),
                tok: tok.clone(),
                clause,
                pos: 0,
            });
        }
        at = r.end;
    }
    gap_tokens(inp, s, at..inp.sentence.end, &mut clause, &mut out);
    // Positions follow the text; tokens of one span share one.
    let mut n = 0u32;
    for k in 0..out.len() {
        if k > 0 && out[k].range != out[k - 1].range {
            n += 1;
        }
        out[k].pos = n;
    }
    out
}

/// The words, bigrams, proper nouns and clause marks of `r` (no span token in it).
fn gap_tokens(inp: &Input, s: &Sets, r: Range<usize>, clause: &mut u32, out: &mut Vec<Token>) {
    let text = inp.text;
    let Some(seg) = text.get(r.clone()) else {
        return;
    };
    let mut word: Option<usize> = None;
    let mut han: Vec<(usize, char)> = Vec::new();
    let flush_han = |han: &mut Vec<(usize, char)>, out: &mut Vec<Token>, clause: u32| {
        // Transliterated names are proper nouns; the rest is read as bigrams.
        let names = translit_runs(han);
        let mut next_name = names.iter().peekable();
        let mut k = 0;
        while k + 1 < han.len() || next_name.peek().is_some_and(|n| n.start == k) {
            if let Some(n) = next_name.next_if(|n| n.start == k) {
                let (a, _) = han[n.start];
                let (b, cb) = han[n.end - 1];
                let name: String = han[n.clone()].iter().map(|(_, c)| c).collect();
                out.push(Token {
                    range: a..b + cb.len_utf8(),
                    tok: Tok::Party(format!("np:{name}"), true),
                    clause,
                    pos: 0,
                });
                k = n.end;
                continue;
            }
            let (a, ca) = han[k];
            let (_, cb) = han[k + 1];
            k += 1;
            // A bigram reaching into a name is neither word.
            if next_name.peek().is_some_and(|n| n.start == k)
                || (s.stop_char.contains(&ca) && s.stop_char.contains(&cb))
            {
                continue;
            }
            out.push(Token {
                range: a..a + ca.len_utf8() + cb.len_utf8(),
                tok: Tok::Word(format!("{ca}{cb}")),
                clause,
                pos: 0,
            });
        }
        han.clear();
    };
    for (i, c) in seg.char_indices() {
        let at = r.start + i;
        let wordy = c.is_alphanumeric() && !is_cjk(c);
        let inner = matches!(c, '\'' | '’' | '-' | '&') && word.is_some();
        if wordy || inner {
            word.get_or_insert(at);
            continue;
        }
        if let Some(w) = word.take() {
            if opens_clause(text, w..at) {
                *clause += 1;
            }
            word_token(inp, s, w..at, *clause, out);
        }
        if is_cjk(c) {
            // 但, 而, 由于 …: a clause opens at the opener's first character.
            if lexicon_opens_han(&seg[i..]) {
                flush_han(&mut han, out, *clause);
                *clause += 1;
            }
            han.push((at, c));
            continue;
        }
        flush_han(&mut han, out, *clause);
        if matches!(
            c,
            ',' | '，'
                | ';'
                | '；'
                | ':'
                | '：'
                | '('
                | ')'
                | '（'
                | '）'
                | '"'
                | '“'
                | '”'
                | '—'
                | '–'
                | '、'
        ) {
            *clause += 1;
        }
    }
    if let Some(w) = word.take() {
        if opens_clause(text, w..r.end) {
            *clause += 1;
        }
        word_token(inp, s, w..r.end, *clause, out);
    }
    flush_han(&mut han, out, *clause);
}

/// Does the word at `r` open a clause with no punctuation before it (`clause_open`:
/// "… of stock as demand held up"), not inside a phrase of `clause_open_not` ("as
/// much as", "such as")?
fn opens_clause(text: &str, r: Range<usize>) -> bool {
    let lex = crate::text::lexicon::lexicon();
    let w = crate::text::lower(&text[r.clone()]);
    // A Latin word: the hashed set of both languages answers as the English list.
    if !lex.clause_open.contains(&w) {
        return false;
    }
    let word_after = text[r.end..]
        .trim_start_matches(' ')
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let word_before = text[..r.start]
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let with_after = format!("{w} {word_after}");
    let with_before = format!("{word_before} {w}");
    !lex.clause_open_not
        .en
        .iter()
        .any(|p| *p == with_after || *p == with_before)
}

/// Does a Chinese clause opener (`clause_open`: 但, 由于 …) start `s`?
fn lexicon_opens_han(s: &str) -> bool {
    crate::text::lexicon::lexicon()
        .clause_open
        .zh
        .iter()
        .any(|w| s.starts_with(w.as_str()))
}

/// The runs of `han` (indexes) that are transliterated names: three or more
/// characters of the lexicon's `transliteration` sets, a weak character only between
/// strong ones or starting or ending a run that is too short without it.
fn translit_runs(han: &[(usize, char)]) -> Vec<Range<usize>> {
    const MIN: usize = 3;
    let lex = lexicon();
    let strong = |k: usize| {
        han.get(k)
            .is_some_and(|(_, c)| lex.translit_strong.contains(c))
    };
    let weak = |k: usize| {
        han.get(k)
            .is_some_and(|(_, c)| lex.translit_weak.contains(c))
    };
    let mut out = Vec::new();
    let mut k = 0;
    // Where the last run ended: a run never takes a character of the one before.
    let mut k0 = 0;
    while k < han.len() {
        if !strong(k) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        loop {
            if strong(end) {
                end += 1;
            } else if weak(end) && strong(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        let mut start = start;
        if end - start + 1 == MIN && weak(end) {
            end += 1;
        } else if end - start + 1 == MIN && start > k0 && weak(start - 1) {
            start -= 1;
        }
        // Two characters make a name before a company word (萨罗控股).
        let suffixed = || {
            let after: String = han[end.min(han.len())..]
                .iter()
                .take(4)
                .map(|(_, c)| c)
                .collect();
            lex.translit_suffix
                .iter()
                .any(|s| after.starts_with(s.as_str()))
        };
        if end - start >= MIN || (end - start == MIN - 1 && suffixed()) {
            out.push(start..end);
        }
        k = end;
        k0 = end;
    }
    out
}

fn word_token(inp: &Input, s: &Sets, r: Range<usize>, clause: u32, out: &mut Vec<Token>) {
    let raw = inp.text[r.clone()].trim_end_matches(['\'', '’', '-']);
    let raw = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .unwrap_or(raw);
    if raw.is_empty() || raw.chars().all(|c| c.is_ascii_digit()) {
        return;
    }
    let lowered = crate::text::lower(raw);
    let lower: &str = &lowered;
    if s.stop.contains(lower) || lower.split('-').any(|p| s.months.contains(p)) {
        return;
    }
    let capital = raw.chars().next().is_some_and(char::is_uppercase);
    // A capitalized first word of a sentence ("Deliveries rose …", "Despite …") is a
    // name only when the article also capitalizes it elsewhere, or it is followed
    // by a possessive or another capitalized word ("Kestland's", "Veltrac Motors").
    let initial = inp.text[inp.sentence.start..r.start].trim().is_empty();
    let named_here = || {
        let word = &inp.text[r.clone()];
        let after = &inp.text[r.end..];
        word.ends_with("'s")
            || word.ends_with("’s")
            || after
                .trim_start_matches(' ')
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            || inp.capital.contains(lower)
    };
    let tok = if capital
        && !inp.lower.contains(lower)
        && !raw.chars().any(|c| c.is_ascii_digit())
        && (!initial || named_here())
    {
        if s.generic.contains(lower) {
            return;
        }
        // A name the knowledge base does not know; the previous token, when it is
        // one too, makes one name with it ("Veltrac Motors" is Veltrac's).
        if let Some(last) = out.last_mut()
            && let Tok::Party(id, _) = &last.tok
            && id.starts_with("np:")
            && inp.text[last.range.end..r.start].trim().is_empty()
        {
            last.range.end = r.end;
            return;
        }
        Tok::Party(format!("np:{lower}"), true)
    } else {
        Tok::Word(stem(lower))
    };
    out.push(Token {
        range: r,
        tok,
        clause,
        pos: 0,
    });
}

/// Whose figure it is: the nearest actor before it in its clause, else before it
/// in the sentence, else after it in its clause when introduced as an agent or a
/// place ("by X", "in X": a name after "to" is where something goes, not whose
/// the figure is); then the same for places.
fn subject(text: &str, toks: &[Token], k: usize) -> Option<String> {
    let clause = toks[k].clause;
    let party = |t: &Token, actor: bool| match &t.tok {
        Tok::Party(id, a) if *a == actor => Some(id.clone()),
        _ => None,
    };
    let agent = |t: &Token| {
        let from = text.floor_char_boundary(t.range.start.saturating_sub(16));
        let before = text[from..t.range.start].trim_end();
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        let w = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        matches!(w.as_str(), "by" | "in" | "at" | "from" | "for")
            || before.ends_with(['由', '在', '于'])
    };
    // Within REACH tokens: a sentence of endless figures stays linear.
    let find = |actor: bool| {
        toks[..k]
            .iter()
            .rev()
            .take(REACH)
            .take_while(|t| t.clause == clause)
            .find_map(|t| party(t, actor))
            .or_else(|| {
                toks[..k]
                    .iter()
                    .rev()
                    .take(REACH)
                    .find_map(|t| party(t, actor))
            })
            .or_else(|| {
                toks[k + 1..]
                    .iter()
                    .take(REACH)
                    .take_while(|t| t.clause == clause)
                    .filter(|t| agent(t))
                    .find_map(|t| party(t, actor))
            })
    };
    // A figure set before its clause ("At $4.5bn, Brannock's sales …", "2.6%，瓦尔多尼亚
    // …") belongs to the first party of the clause it introduces, up to the next
    // figure.
    let fronted = || {
        // Set apart: punctuation right after it ("At $4.5bn, …", "7.3% — …").
        let lead = k <= 2
            && toks[..k].iter().all(|t| t.clause == clause)
            && toks.get(k + 1).is_some_and(|t| t.clause != clause);
        let after = || {
            toks[k + 1..]
                .iter()
                .take(REACH)
                .take_while(|t| !matches!(t.tok, Tok::Figure(_)))
        };
        // Only a party past the figure's own clause: "The three sides attempt …"
        // is a figure that is its clause's subject, not one set before it.
        let beyond =
            |t: &Token, actor: bool| (t.clause != clause).then(|| party(t, actor)).flatten();
        lead.then(|| {
            after()
                .find_map(|t| beyond(t, true))
                .or_else(|| after().find_map(|t| beyond(t, false)))
        })
        .flatten()
    };
    find(true).or_else(|| find(false)).or_else(fronted)
}

/// Is a figure a sum of money (`Some(true)`), goods (a count or a weight:
/// `Some(false)`) or neither (a rate)?
pub fn figures(q: &crate::normalize::Qty) -> Option<bool> {
    use crate::normalize::Unit;
    match q.unit {
        Some(Unit::Currency(_)) => Some(true),
        Some(Unit::Tonne | Unit::Kg | Unit::Gwh) => Some(false),
        None if q.noun.is_some() => Some(false),
        _ => None,
    }
}

/// The figure's weighted context.
fn what<'a>(
    toks: &'a [Token],
    k: usize,
    units: &[String],
    labels: &'a [String],
    i: usize,
    fits: &dyn Fn(&str) -> bool,
) -> Vec<(String, f32)> {
    let me = &toks[k];
    let mut best: HashMap<&'a str, f32> = HashMap::new();
    // One word is one piece of evidence: a term of several measures ("sales":
    // revenue and goods sold) shares its weight among them.
    // Tokens of one span are next to each other.
    // Only the measures the figure can be of ("sales" of cars are goods sold, not
    // revenue: `figures` in rules/measures.toml) share it.
    let senses = |j: usize| {
        let same = |o: &Token| o.pos == toks[j].pos && matches!(&o.tok, Tok::Concept(c) if fits(c));
        let before = toks[..j].iter().rev().take_while(|o| same(o)).count();
        let after = toks[j + 1..].iter().take_while(|o| same(o)).count();
        (1 + before + after) as f32
    };
    let mut consider = |j: usize, crossed: bool| {
        let t: &'a Token = &toks[j];
        let (feature, boost) = match &t.tok {
            Tok::Word(w) => (w.as_str(), 1.0),
            Tok::Concept(c) if !fits(c) => return,
            Tok::Concept(c) => (c.as_str(), 2.0 / senses(j)),
            // A figure of another unit next to this one qualifies it ("the one-year
            // rate at 4%" is not "the five-year rate at 4.5%").
            Tok::Figure(other) if units.get(*other) != units.get(i) => match labels.get(*other) {
                Some(l) => (l.as_str(), 1.0),
                None => return,
            },
            _ => return,
        };
        let d = t.pos.abs_diff(me.pos) as f32;
        let mut w = boost / (1.0 + d / 4.0);
        if t.clause != me.clause {
            w *= 0.5;
        }
        if crossed {
            w *= 0.5;
        }
        let e = best.entry(feature).or_insert(0.0);
        *e = e.max(w);
    };
    // Walk out on each side; passing another figure of the same unit halves weights.
    for side in [false, true] {
        let mut crossed = false;
        let mut n = 0;
        let mut j = k;
        loop {
            let next = if side {
                j.checked_add(1)
            } else {
                j.checked_sub(1)
            };
            let Some(nj) = next.filter(|&x| x < toks.len()) else {
                break;
            };
            j = nj;
            n += 1;
            if n > REACH {
                break;
            }
            if let Tok::Figure(other) = toks[j].tok
                && units.get(other) == units.get(i)
            {
                crossed = true;
            }
            consider(j, crossed);
        }
    }
    let mut v: Vec<(String, f32)> = best
        .into_iter()
        .map(|(f, w)| (f.to_string(), (w * 1000.0).round() / 1000.0))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// The measure words inside figure `i` itself ("561 million barrels of oil", 桶原油)
/// are its context, the noun it counts too when the vocabulary has it ("4 million
/// inhabitants" is a population, as "the population was 4 million people" says in
/// its sentence). They weigh just under a strong measure word: a figure
/// whose noun names its material is not thereby apart from one whose sentence leaves
/// it out (12万桶原油, 9万桶), as a material its sentence names is.
fn with_own_measures(
    inp: &Input,
    i: usize,
    mut what: Vec<(String, f32)>,
    fits: &dyn Fn(&str) -> bool,
) -> Vec<(String, f32)> {
    const OWN: f32 = 0.99;
    let r = &inp.qtys[i].0;
    // The terms are in text order: only those inside the figure are looked at, so a
    // sentence of endless figures stays linear.
    let first = inp.terms.partition_point(|t| t.range.start < r.start);
    let inside = inp.terms[first..]
        .iter()
        .take_while(|t| t.range.start < r.end);
    for t in inside {
        if t.class != Class::Measure || t.range.end > r.end {
            continue;
        }
        let key = &inp.vocab.keys[t.key as usize];
        let f = format!("m:{key}");
        if !fits(&f) {
            continue;
        }
        match what.binary_search_by(|(x, _)| x.as_str().cmp(&f)) {
            Ok(k) => what[k].1 = what[k].1.max(OWN),
            Err(k) => what.insert(k, (f, OWN)),
        }
    }
    what
}

/// Is percentage `i` a part of a whole: "20% of earnings", 占产量的60%?
fn share(inp: &Input, i: usize) -> bool {
    let (r, q) = &inp.qtys[i];
    if q.unit != Some(crate::normalize::Unit::Percent) {
        return false;
    }
    let text = inp.text;
    // Only the next few words matter: a sentence of endless figures stays linear.
    let end = text.floor_char_boundary((r.end + 48).min(inp.sentence.end.max(r.end)));
    let after = text[r.end..end.max(r.end)].trim_start();
    if let Some(rest) = after.strip_prefix("of ") {
        // "5% of the vote", not "5% of a year earlier" nor a figure ("10% of $5bn").
        let next = rest.trim_start();
        return !next.starts_with(|c: char| c.is_ascii_digit())
            && !lexicon().base_year.iter().any(|w| after.starts_with(w));
    }
    let from = text
        .floor_char_boundary(r.start.saturating_sub(48))
        .max(inp.sentence.start);
    let head = &text[from..r.start];
    head.ends_with('的') && head.contains('占')
}

/// Level, increment or change, from the words right before the figure.
fn scope(inp: &Input, toks: &[Token], k: usize) -> Scope {
    let s = sets();
    let before = &toks[..k];
    // An increment word within the three tokens before the figure.
    if before
        .iter()
        .rev()
        .take(3)
        .any(|t| matches!(t.tok, Tok::Increment))
    {
        return Scope::Increment;
    }
    let text = inp.text;
    let start = toks[k].range.start;
    let from = text
        .floor_char_boundary(start.saturating_sub(48))
        .max(inp.sentence.start);
    let head = text[from..start].trim_end();
    if head.chars().last().is_some_and(is_cjk) {
        let lex = lexicon();
        let h = head.strip_suffix('了').unwrap_or(head);
        if lex.level_link.zh.iter().any(|w| head.ends_with(w.as_str()))
            && lex.change_verb.zh.iter().any(|v| {
                let cut = head.floor_char_boundary(head.len().saturating_sub(3));
                head[..cut].ends_with(v.as_str())
            })
        {
            return Scope::Level;
        }
        if lex.change_verb.zh.iter().any(|w| h.ends_with(w.as_str())) {
            return Scope::Change;
        }
        return Scope::Unmarked;
    }
    // The last two Latin words before the figure.
    let mut ws = head
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let w1 = ws.next().unwrap_or_default();
    let w2 = ws.next().unwrap_or_default();
    if s.change_verb.contains(&w1) {
        return Scope::Change;
    }
    if s.change_link.contains(&w1) && s.change_verb.contains(&w2) {
        return Scope::Change;
    }
    if s.level_link.contains(&w1) && s.change_verb.contains(&w2) {
        return Scope::Level;
    }
    Scope::Unmarked
}

/// Does a margin word ("plus or minus", ±) end right before `at`? The grammar may
/// have read its "minus" as the figure's sign.
fn margin(text: &str, floor: usize, at: usize) -> bool {
    // Only the last few words matter: a bounded look keeps long sentences linear.
    let from = text.floor_char_boundary(at.saturating_sub(32)).max(floor);
    let head = text[from..at].trim_end().to_lowercase();
    let to = text.floor_char_boundary((at + 8).min(text.len()));
    let figure = text[at..to].to_lowercase();
    lexicon().margin.iter().any(|m| {
        head.ends_with(m)
            || m.strip_suffix("minus")
                .is_some_and(|lead| head.ends_with(lead.trim_end()) && figure.starts_with("minus"))
    })
}

#[cfg(test)]
mod tests {
    use super::translit_runs;

    fn names(s: &str) -> Vec<String> {
        let han: Vec<(usize, char)> = s.char_indices().collect();
        translit_runs(&han)
            .into_iter()
            .map(|r| han[r].iter().map(|(_, c)| c).collect())
            .collect()
    }

    /// Real transliterated names, written for this test (not the generated set's):
    /// most are read whole; the share is a floor, not a target.
    #[test]
    fn transliterated_names_are_found() {
        let real = [
            "阿尔巴尼亚",
            "哈萨克斯坦",
            "巴基斯坦",
            "坦桑尼亚",
            "委内瑞拉",
            "玻利维亚",
            "尼日利亚",
            "索马里",
            "格鲁吉亚",
            "卢森堡",
            "克罗地亚",
            "塞尔维亚",
            "罗马尼亚",
            "保加利亚",
            "斯里兰卡",
            "叙利亚",
            "卡塔尔",
            "科威特",
            "利比亚",
            "突尼斯",
            "毛里塔尼亚",
            "塞内加尔",
            "喀麦隆",
            "安哥拉",
            "赞比亚",
            "博茨瓦纳",
            "纳米比亚",
            "马克龙",
            "默克尔",
            "泽连斯基",
            "埃尔多安",
            "斯特兰蒂斯",
            "埃克森美孚",
            "沙特阿美",
            "巴斯夫",
            "诺基亚",
            "萨拉戈萨",
            "奥斯陆",
        ];
        let whole = real.iter().filter(|n| names(n) == [n.to_string()]).count();
        // In part: a run of three or more of its characters, the same in every text.
        let part = real.iter().filter(|n| !names(n).is_empty()).count();
        let missed: Vec<&&str> = real.iter().filter(|n| names(n).is_empty()).collect();
        eprintln!(
            "transliterated names read whole: {whole}/{n}, at least in part: {part}/{n}; missed: {missed:?}",
            n = real.len()
        );
        // Floors at what was measured (25 and 30 of 38): names of mostly weak
        // characters (尼日利亚, 马克龙) are missed.
        assert!(whole >= 25, "{whole}/{}", real.len());
        assert!(part >= 30, "{part}/{}", real.len());
    }

    /// Everyday news Chinese holds no such run.
    #[test]
    fn common_phrases_are_not_names() {
        for p in [
            "比去年增长",
            "达到约",
            "经济增长",
            "同比上涨",
            "国内生产总值",
            "居民消费价格",
            "央行将政策利率维持在",
            "公司在全球拥有约",
            "原油产量",
            "出口禁令",
            "最低出口价格",
            "市场预期",
            "财政赤字率",
            "失业率",
            "裁员规模",
            "股价早盘上涨",
            "据交易所公告",
            "力争开采",
            "符合预期",
            "创五年来新高",
            "美元贬值",
            "加息百分点",
            "特别提款权",
            "多边开发银行",
            "东南亚国家联盟",
            "西方国家",
            "海关总署数据",
        ] {
            assert!(names(p).is_empty(), "{p}: {:?}", names(p));
        }
    }
}
