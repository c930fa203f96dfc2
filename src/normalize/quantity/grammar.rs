//! The quantity grammar, composed from the small parsers:
//!
//! ```text
//! quantity := qualifier? 每X? ( vague | "between" side "and" side | side (sep side)? )
//!             post-qualifier? per? noun?
//! side     := currency? 百分之? number 多? scale? unit?
//! ```
//!
//! A range shares what one side states once ("280,000 to 300,000 tonnes", "€30-35
//! billion"). [`parse_at`] also decides what is not a quantity at all (years, dates,
//! votes, codes) so the scanner can skip past it.

use nom::{
    Parser,
    branch::alt,
    bytes::complete::tag,
    combinator::{opt, peek},
    sequence::preceded,
};

use super::lexicon::is_month;
use super::qualifier::{bounds, post_qualifier, pre_qualifier};
use super::unit::{
    Cur, Kind, PERCENT, UnitSpec, currency_prefix, currency_suffix, per_prefix, per_suffix,
    unit_suffix,
};
use super::{Qty, Qualifier, Unit};
use crate::normalize::number::{
    Form, Num, Res, SCALES, chinese_scale, fail, kw, number, word_table, ws0, ws1,
};
use crate::text::{self, is_han, lexicon};

/// Scales glued to digits: "$6.7bn", "$800m". `true` marks m and k, which are scales only
/// with a currency ("100m" alone is a distance).
const GLUED_SCALES: &[(&str, (f64, bool))] = &[
    ("bn", (1e9, false)),
    ("tn", (1e12, false)),
    ("trn", (1e12, false)),
    ("mn", (1e6, false)),
    ("m", (1e6, true)),
    ("k", (1e3, true)),
];

/// One number with what is written around it.
#[derive(Debug, Clone, Copy)]
struct Side {
    cur: Option<Cur>,
    num: Num,
    /// 100多, 20余: "more than".
    more: bool,
    scale: Option<f64>,
    weak_scale: bool,
    unit: Option<UnitSpec>,
}

fn side(i: &str) -> Res<'_, Side> {
    let (i, cur) = opt(currency_prefix).parse(i)?;
    let (i, pct) = opt(tag("百分之")).parse(i)?;
    let (i, num) = number(i)?;
    // "2 and a half years" (number words take their half in `cardinal`).
    let (i, num) = match (
        num.form,
        opt((ws1, kw("and"), ws1, kw("a"), ws1, kw("half"))).parse(i)?,
    ) {
        (Form::Digits { .. }, (r, Some(_))) => (r, Num::new(num.value + 0.5, num.form)),
        _ => (i, num),
    };
    let (i, more) = opt(alt((tag("多"), tag("余")))).parse(i)?;
    // "4 billion", and hyphenated before a noun: "a $5.5-billion deal".
    let spaced = || preceded(alt((ws1, tag("-"))), word_table(SCALES)).map(|s| (s, false));
    let (i, scale) = match num.form {
        Form::Digits { .. } => opt(alt((
            spaced(),
            word_table(GLUED_SCALES),
            chinese_scale.map(|s| (s, false)),
        )))
        .parse(i)?,
        Form::Words | Form::Ratio { .. } => opt(spaced()).parse(i)?,
        // Only after decimals can scale characters follow a whole numeral: 三点五亿.
        Form::Chinese { .. } => opt(chinese_scale.map(|s| (s, false))).parse(i)?,
    };
    let before_unit = i;
    let (i, unit) = if pct.is_some() {
        (i, Some(PERCENT))
    } else if cur.is_some() {
        opt(currency_suffix).parse(i)?
    } else {
        opt(unit_suffix).parse(i)?
    };
    // "point" is a percentage point only after half, quarter or full.
    let (i, unit) = match unit {
        Some(u) if u.kind == Kind::Point && !matches!(num.form, Form::Ratio { .. }) => {
            (before_unit, None)
        }
        u => (i, u),
    };
    // Digits glued to letters are names or ordinals (5G, 4th, 1990s), not quantities.
    if matches!(num.form, Form::Digits { .. }) && i.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return Err(fail(i));
    }
    let (scale, weak_scale) = match scale {
        Some((s, weak)) => (Some(s), weak),
        None => (None, false),
    };
    let side = Side {
        cur,
        num,
        more: more.is_some(),
        scale,
        weak_scale,
        unit,
    };
    Ok((i, side))
}

/// Between the two sides of a range. "to" is left out after "from" ("from 5% to 4%" is a
/// change, not a range).
fn range_sep(i: &str, allow_to: bool) -> Res<'_, bool> {
    let dash = (ws0, alt((tag("-"), tag("–"), tag("—"), tag("~"))), ws0).map(|_| true);
    let cn = (ws0, alt((tag("至"), tag("到"))), ws0).map(|_| false);
    let to = |i| {
        if allow_to {
            (ws1, kw("to"), ws1).map(|_| false).parse(i)
        } else {
            Err(fail(i))
        }
    };
    alt((dash, cn, to)).parse(i)
}

/// Vague magnitudes: "hundreds of billions", "tens of thousands", "several million",
/// 数十亿, 几百. Returns low, high, and what may follow.
fn vague(i: &str) -> Res<'_, (f64, f64, Tail)> {
    const HEADS: &[(&str, f64)] = &[
        ("tens", 10.0),
        ("hundreds", 100.0),
        ("thousands", 1e3),
        ("millions", 1e6),
        ("billions", 1e9),
        ("trillions", 1e12),
        ("dozens", 12.0),
    ];
    const INNER: &[(&str, f64)] = &[
        ("thousands", 1e3),
        ("millions", 1e6),
        ("billions", 1e9),
        ("trillions", 1e12),
    ];
    const SEVERAL: &[(&str, f64)] = &[
        ("hundred", 100.0),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
        ("dozen", 12.0),
    ];
    let english = |i| {
        let (r, head) = (word_table(HEADS), ws1, kw("of"))
            .map(|(h, _, _)| h)
            .parse(i)?;
        // "dozens" is 24 up to a gross; the others span one order of magnitude.
        let (lo, hi) = if head == 12.0 {
            (24.0, 144.0)
        } else {
            (head, head * 10.0)
        };
        match preceded(ws1, word_table(INNER)).parse(r) {
            Ok((r2, inner)) => Ok((r2, (lo * inner, hi * inner, Tail::AfterOf))),
            Err(_) => Ok((r, (lo, hi, Tail::Required))),
        }
    };
    let several = (kw("several"), ws1, word_table(SEVERAL))
        .map(|(_, _, s)| (2.0 * s, 9.0 * s, Tail::Optional));
    let chinese = (alt((tag("数"), tag("几"))), chinese_scale)
        .map(|(_, s)| (2.0 * s, 9.0 * s, Tail::Required));
    alt((english, several, chinese)).parse(i)
}

/// What a vague magnitude needs after it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tail {
    /// "hundreds of billions" stands alone; "of dollars" may follow.
    AfterOf,
    /// "several million (people)".
    Optional,
    /// "hundreds of" and 数十 need a unit or a noun.
    Required,
}

/// Plural-looking nouns, and the common plurals without an s.
fn is_plural(word: &str) -> bool {
    let ends = |suffix: &str| {
        word.len() >= suffix.len()
            && word
                .get(word.len() - suffix.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(suffix))
    };
    lexicon().plural.contains_ignore_case(word)
        || (word.len() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is"))
}

/// The counted noun after a bare number, as written: up to six words, "of" inside,
/// ending at punctuation, digits or function words.
fn english_noun(i: &str) -> Res<'_, &str> {
    let none = || fail(i);
    let (body, _) = ws1(i)?;
    let mut at = body;
    let mut end = 0;
    for n in 0..6 {
        if n > 0 {
            match ws1(at) {
                Ok((r, _)) => at = r,
                Err(_) => break,
            }
        }
        if !at.starts_with(|c: char| c.is_ascii_alphabetic()) {
            break;
        }
        let len = at
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '-'))
            .unwrap_or(at.len());
        let (word, rest) = at.split_at(len);
        let word = word.trim_end_matches(['\'', '-']);
        // A word glued to digits is a model name (H20 chips): stop before it.
        if rest.starts_with(|c: char| c.is_ascii_digit())
            || lexicon()
                .noun_stop
                .en
                .iter()
                .any(|s| s.eq_ignore_ascii_case(word))
                && !(n > 0 && word.eq_ignore_ascii_case("of"))
        {
            break;
        }
        let word_end = body.len() - at.len() + word.len();
        if !word.eq_ignore_ascii_case("of") {
            end = word_end;
        }
        at = text::after(body, word_end);
        // A plural head ends the phrase unless "of" goes on: "weapon systems", not
        // "suppliers signed"; "types of software tools".
        if is_plural(word) && peek((ws1, kw("of"))).parse(at).is_err() {
            break;
        }
    }
    if end == 0 {
        return Err(none());
    }
    let (noun, rest) = body.split_at(end);
    Ok((rest, noun))
}

/// A Chinese classifier and the noun after it (约40个实体 → 实体), or a self-counting
/// noun (200人). The noun may be empty: 40个 still counts something.
fn chinese_noun(i: &str) -> Res<'_, Option<&str>> {
    let none = || fail(i);
    let first = i.chars().next().ok_or_else(none)?;
    let after = &i[first.len_utf8()..];
    let lex = lexicon();
    if lex.self_counted.contains_char(first) {
        return Ok((after, i.get(..first.len_utf8())));
    }
    if !lex.classifier.contains_char(first) {
        return Err(none());
    }
    let mut end = 0;
    for (n, (at, c)) in after.char_indices().enumerate() {
        // Verbs end the noun only once it has two characters: 国家参加, but 加拿大企业.
        if n >= 8
            || !is_han(c)
            || lex.noun_stop.zh.iter().any(|s| s.chars().eq([c]))
            || (n >= 2 && lex.verb_start.contains_char(c))
        {
            break;
        }
        end = at + c.len_utf8();
    }
    let (noun, rest) = after.split_at(end);
    Ok((rest, Some(noun).filter(|s| !s.is_empty())))
}

/// What one side or a range states, before qualifiers.
struct Stated {
    value: Option<f64>,
    low: f64,
    high: f64,
    cur: Option<Cur>,
    unit: Option<UnitSpec>,
}

/// A currency with a unit that is not a currency ("$5 to 10%") cannot be one quantity;
/// glued m/k need a currency.
fn coherent(cur: Option<Cur>, unit: Option<UnitSpec>, weak: bool) -> bool {
    let unit_is_cur = unit.is_some_and(|u| matches!(u.unit, Unit::Currency(_)));
    let unit_other = unit.is_some() && !unit_is_cur;
    let mixed = cur.is_some() && unit_other;
    let bare_weak = weak && cur.is_none() && !unit_is_cur;
    !mixed && !bare_weak
}

fn single(s: &Side) -> Option<Stated> {
    let factor = s.unit.map_or(1.0, |u| u.factor);
    let v = s.num.scaled(s.scale.unwrap_or(1.0)) * factor;
    coherent(s.cur, s.unit, s.weak_scale).then_some(Stated {
        value: Some(v),
        low: v,
        high: v,
        cur: s.cur,
        unit: s.unit,
    })
}

/// Both sides of a range, sharing the currency, scale and unit that one side states.
fn combine(l: &Side, r: &Side) -> Option<Stated> {
    let cur = match (l.cur, r.cur) {
        (Some(a), Some(b)) if a != b => return None,
        (a, b) => a.or(b),
    };
    let unit = match (l.unit, r.unit) {
        (Some(a), Some(b)) if a.unit != b.unit || a.factor != b.factor => return None,
        (a, b) => a.or(b),
    };
    if !coherent(cur, unit, l.weak_scale || r.weak_scale) {
        return None;
    }
    // "1 to 2 million": the right scale reaches back, unless the left is already bigger
    // ("900,000 to 1.2 million").
    let (ls, rs) = match (l.scale, r.scale) {
        (None, Some(s)) if l.num.value <= r.num.value => (s, s),
        (a, b) => (a.unwrap_or(1.0), b.unwrap_or(1.0)),
    };
    let factor = unit.map_or(1.0, |u| u.factor);
    let (low, high) = (l.num.scaled(ls) * factor, r.num.scaled(rs) * factor);
    // A range reads low to high; "11-1" is a vote and "from 5 to 4" a change.
    (low <= high).then_some(Stated {
        value: None,
        low,
        high,
        cur,
        unit,
    })
}

fn is_year(n: &Num) -> bool {
    let four_digits = match n.form {
        Form::Digits {
            plain, int_digits, ..
        } => plain && int_digits == 4,
        Form::Chinese {
            chars, positional, ..
        } => positional && chars == 4,
        _ => false,
    };
    four_digits && (1900.0..=2100.0).contains(&n.value)
}

fn is_int(n: &Num) -> bool {
    match n.form {
        Form::Digits { plain, .. } => plain,
        Form::Chinese { .. } => n.value.fract() == 0.0,
        _ => false,
    }
}

/// What follows a number that makes it part of a date or a time: 10月, 28日, 17时,
/// "20 October", "3 p.m.". Returns where the date part ends.
fn date_tail<'a>(n: &Num, rest: &'a str) -> Option<&'a str> {
    if !is_int(n) {
        return None;
    }
    let v = n.value;
    let next = rest.chars().next();
    let cn_limit = match next {
        Some('月') => 12.0,
        Some('日' | '号') => 31.0,
        Some('时' | '点' | '分' | '秒') => 60.0,
        // 年代 and 年度 (the unit parser refused them): a date either way.
        Some('年') => f64::MAX,
        _ => -1.0,
    };
    if v <= cn_limit {
        return next.and_then(|c| rest.get(c.len_utf8()..));
    }
    if !matches!(n.form, Form::Digits { .. }) {
        return None;
    }
    if let Ok((r, _)) = (ws0, alt((kw("a.m."), kw("p.m."), kw("am"), kw("pm")))).parse(rest) {
        return Some(r);
    }
    let (r, _) = ws1(rest).ok()?;
    let len = r
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(r.len());
    let (word, rest) = r.split_at(len);
    (v <= 31.0 && is_month(word)).then_some(rest)
}

/// ¥ is yuan in Chinese text and yen elsewhere (kana nearby means Japanese).
fn yen(text: &str, start: usize, end: usize) -> [u8; 3] {
    let mut lo = start.saturating_sub(120);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = end.saturating_add(120).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let window = text::slice(text, lo..hi);
    if window.chars().any(text::is_kana) {
        *b"JPY"
    } else if window.chars().any(is_han) {
        *b"CNY"
    } else {
        *b"JPY"
    }
}

fn final_unit(text: &str, start: usize, end: usize, st: &Stated) -> Option<Unit> {
    match (st.cur, st.unit) {
        (Some(Cur::Code(c)), _) => Some(Unit::Currency(c)),
        (Some(Cur::Yen), Some(u)) => Some(u.unit),
        (Some(Cur::Yen), None) => Some(Unit::Currency(yen(text, start, end))),
        (None, u) => u.map(|u| u.unit),
    }
}

/// What the numbers at a candidate amount to.
enum Read<'a> {
    /// A stated value or range: the rest of the input, the left side, what it states,
    /// and whether every side is a year.
    Stated(&'a str, Side, Stated, bool),
    /// Not a quantity (a vote, a date, a code): skip to this rest.
    Skip(&'a str),
}

/// One side, or a range of two ("between" X "and" Y, X sep Y), and the checks that
/// tell numbers from dates, codes and votes.
fn read_numbers(r: &str, allow_to: bool, qual: Option<Qualifier>) -> Option<Read<'_>> {
    let (r, between) = opt((kw("between"), ws1)).parse(r).ok()?;
    let (after_left, left) = side(r).ok()?;
    let right = if between.is_some() {
        Some(
            preceded((ws1, kw("and"), ws1), side)
                .map(|s| (false, s))
                .parse(after_left)
                .ok()?,
        )
    } else {
        (|i| range_sep(i, allow_to), side).parse(after_left).ok()
    };
    let unit_of = |s: &Side| s.unit.is_some() || s.cur.is_some();
    let (rest, stated, right) = match right {
        // "rose 22% to 449,603": after "to", the right side must restate the left's unit.
        Some((_, (false, right))) if unit_of(&left) && !unit_of(&right) => {
            (after_left, single(&left)?, None)
        }
        Some((r2, (dash, right))) => match combine(&left, &right) {
            Some(st) => (r2, st, Some(right)),
            // "11-1" is a vote or a score, not a range.
            None if dash
                && !unit_of(&left)
                && !unit_of(&right)
                && is_int(&left.num)
                && is_int(&right.num) =>
            {
                return Some(Read::Skip(r2));
            }
            None if between.is_some() => return None,
            None => (after_left, single(&left)?, None),
        },
        None => (after_left, single(&left)?, None),
    };

    // "over 5-8 years" is a period, not a bound on a range: let the range stand alone.
    if stated.value.is_none() && qual.is_some_and(|q| q != Qualifier::About) {
        return None;
    }
    if !stated.low.is_finite() || !stated.high.is_finite() {
        return Some(Read::Skip(rest));
    }
    if let Form::Digits {
        plain,
        int_digits,
        leading_zero,
    } = left.num.form
    {
        // 0143 and 16-digit runs are codes and phone numbers.
        if leading_zero || (plain && int_digits >= 16) {
            return Some(Read::Skip(rest));
        }
    }
    if stated.unit.is_none() && stated.cur.is_none() {
        if let Some(r) = date_tail(&left.num, rest) {
            return Some(Read::Skip(r));
        }
        // "10-member", "10-K": a compound word, not a count.
        let compound = rest
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()));
        if compound {
            return Some(Read::Skip(rest));
        }
    }
    let years = is_year(&left.num) && right.is_none_or(|r| is_year(&r.num));
    // 2021年 is a date.
    if years && stated.unit.is_some_and(|u| u.kind == Kind::CnYear) {
        return Some(Read::Skip(rest));
    }
    Some(Read::Stated(rest, left, stated, years))
}

/// The quantity starting at byte `start` of `text`: `None` when there is none,
/// `Some((end, None))` when what is there is not a quantity (a year, a date, a vote)
/// and the scanner should skip to `end`, `Some((end, Some(q)))` for a quantity.
pub fn parse_at(text: &str, start: usize, allow_to: bool) -> Option<(usize, Option<Qty>)> {
    let s = text.get(start..)?;
    let end_of = |rest: &str| start + (s.len() - rest.len());
    let (r, qual) = opt(pre_qualifier).parse(s).ok()?;
    let (r, per_pre) = opt(per_prefix).parse(r).ok()?;
    // 每股约5元: the qualifier may follow the per.
    let (r, qual) = match (qual, per_pre) {
        (None, Some(_)) => opt(pre_qualifier).parse(r).ok()?,
        _ => (r, qual),
    };

    if let Ok((r, (low, high, tail))) = vague(r) {
        return finish_vague(text, start, end_of, r, low, high, tail, qual);
    }

    let (rest, left, stated, years) = match read_numbers(r, allow_to, qual)? {
        Read::Stated(rest, left, stated, years) => (rest, left, stated, years),
        Read::Skip(rest) => return Some((end_of(rest), None)),
    };

    let (rest, post) = opt(post_qualifier).parse(rest).ok()?;
    let more = left.more.then_some(Qualifier::Over);
    let qual = qual.or(post).or(more);
    let (rest, per) = match per_pre {
        Some(p) => (rest, Some(p)),
        None if stated.unit.is_some() || stated.cur.is_some() => {
            opt(per_suffix).parse(rest).ok()?
        }
        None => (rest, None),
    };
    let unitless = stated.unit.is_none() && stated.cur.is_none();
    let (rest, classified, noun) = if unitless {
        match chinese_noun(rest) {
            Ok((r, n)) => (r, true, n),
            Err(_) => match english_noun(rest) {
                Ok((r, n)) => (r, false, Some(n)),
                Err(_) => (rest, false, None),
            },
        }
    } else {
        (rest, false, None)
    };

    // "2 million barrels per day".
    let (rest, per) = match (per, noun) {
        (None, Some(_)) => opt(per_suffix).parse(rest).ok()?,
        _ => (rest, per),
    };
    // "Group 1: details": a label.
    if unitless && noun.is_none() && rest.starts_with(':') {
        return Some((end_of(rest), None));
    }
    // "the Six Nations": a capitalised number word inside a sentence is a name.
    if qual.is_none()
        && matches!(left.num.form, Form::Words)
        && s.starts_with(|c: char| c.is_ascii_uppercase())
    {
        let prev = text::before(text, start).trim_end().chars().next_back();
        if prev.is_some_and(|c| c.is_alphanumeric() || c == ',') {
            return None;
        }
    }
    if !acceptable(
        &left.num,
        &stated,
        qual,
        classified,
        noun,
        rest,
        left.scale.is_some(),
    ) {
        return None;
    }
    if years && unitless && (qual.is_none() || noun.is_none()) {
        return Some((end_of(rest), None));
    }

    let end = end_of(rest);
    let (low, high) = bounds(qual, stated.low, stated.high);
    Some((
        end,
        Some(Qty {
            value: stated.value,
            low,
            high,
            unit: final_unit(text, start, end, &stated),
            per: per.map(|p| p.to_ascii_lowercase()),
            qualifier: qual,
            noun: noun.map(str::to_owned),
        }),
    ))
}

/// Whether a number written in words or Chinese stands as a quantity here: number words
/// and Chinese numerals are everyday words ("one of", 一些, 三星), so a bare one needs
/// a unit, a noun, a scale or a qualifier.
fn acceptable(
    n: &Num,
    st: &Stated,
    qual: Option<Qualifier>,
    classified: bool,
    noun: Option<&str>,
    rest: &str,
    scaled: bool,
) -> bool {
    let unitless = st.unit.is_none() && st.cur.is_none();
    match n.form {
        Form::Digits { .. } => true,
        // "one analyst", "one day": "one" is mostly an article; it needs more.
        Form::Words if n.value == 1.0 => !unitless || qual.is_some() || scaled,
        Form::Words => !unitless || noun.is_some() || qual.is_some() || scaled,
        // "a quarter of", "half of" (after a qualifier: "more than half of").
        // "half-year" and "full-year" are periods; "a full point" needs its point.
        Form::Ratio { article: true } if st.unit.is_some_and(|u| u.kind == Kind::Hyphen) => false,
        Form::Ratio { article: true } if n.value == 1.0 => {
            st.unit.is_some_and(|u| u.unit == Unit::PercentagePoint)
        }
        Form::Ratio { article } => {
            let of = peek((ws1, kw("of"))).parse(rest).is_ok();
            !unitless || !article || scaled || (of && (n.value != 0.5 || qual.is_some()))
        }
        Form::Chinese {
            chars,
            positional,
            digit,
        } => {
            // 一 alone (一些, 统一) and positional strings (一一) are words, not counts.
            let lone_one = chars == 1 && n.value == 1.0;
            let money_or_mass = st
                .unit
                .is_some_and(|u| matches!(u.unit, Unit::Currency(_) | Unit::Tonne | Unit::Kg));
            if lone_one || positional || (!digit && !money_or_mass) {
                false
            } else if !unitless || classified {
                true
            } else {
                // A bare numeral must stand apart: 四十四 yes, 二十国集团 no.
                chars >= 2 && !rest.starts_with(is_han)
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn finish_vague<'a>(
    text: &str,
    start: usize,
    end_of: impl Fn(&'a str) -> usize,
    r: &'a str,
    low: f64,
    high: f64,
    tail_kind: Tail,
    qual: Option<Qualifier>,
) -> Option<(usize, Option<Qty>)> {
    // "hundreds of billions (of dollars)": after an inner scale, "of" leads to the unit.
    let tail = |i: &'a str| -> Res<'a, (Option<UnitSpec>, Option<&'a str>)> {
        alt((
            unit_suffix.map(|u| (Some(u), None)),
            chinese_noun.map(|n| (None, n)),
            english_noun.map(|n| (None, Some(n))),
        ))
        .parse(i)
    };
    let found = match tail_kind {
        Tail::AfterOf => opt(preceded((ws1, kw("of")), tail)).parse(r).ok()?,
        Tail::Optional => opt(tail).parse(r).ok()?,
        Tail::Required => tail(r).map(|(rest, t)| (rest, Some(t))).ok()?,
    };
    let (rest, (unit, noun)) = match found {
        (rest, Some(t)) => (rest, t),
        (rest, None) => (rest, (None, None)),
    };
    let stated = Stated {
        value: None,
        low,
        high,
        cur: None,
        unit,
    };
    let end = end_of(rest);
    let (low, high) = bounds(qual, low, high);
    Some((
        end,
        Some(Qty {
            value: None,
            low,
            high,
            unit: final_unit(text, start, end, &stated),
            per: None,
            qualifier: qual,
            noun: noun.map(str::to_owned),
        }),
    ))
}
