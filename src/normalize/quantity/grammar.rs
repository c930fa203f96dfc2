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
use super::{Change, Qty, Qualifier, Unit};
use crate::normalize::number::{
    Form, Num, Res, SCALES, cardinal_words, chinese_numeral, chinese_percent_numeral,
    chinese_scale, cn_digit, cn_scale, digits, fail, kw, number, word_table, ws0, ws1,
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
    /// "-2.3%", 负3.9%, "minus 4".
    neg: bool,
    /// 100多, 20余: "more than", and below the next step (100多 is under 200).
    more: bool,
    scale: Option<f64>,
    weak_scale: bool,
    /// The value before the unit's factor when more than number × scale was written
    /// ("two thousand five hundred", 5万4千6百, 三分之一); None otherwise.
    total: Option<f64>,
    /// The upper end (before the unit's factor) of an approximate number (十几万) or of
    /// 多/余 (三千多: under 4,000).
    high: Option<f64>,
    unit: Option<UnitSpec>,
}

impl Side {
    /// The stated value before the unit's factor, with `scale` when it has none of
    /// its own ("1 to 2 million": the left side borrows the right's scale).
    fn base(&self, scale: f64) -> f64 {
        let v = self.total.unwrap_or_else(|| self.num.scaled(scale));
        if self.neg { -v } else { v }
    }

    fn own(&self) -> f64 {
        self.base(self.scale.unwrap_or(1.0))
    }
}

/// A sign before the number: "-2.3%", "−2.3%", 负3.9%, "minus 4 degrees".
fn sign(i: &str) -> Res<'_, bool> {
    alt((
        tag("-").map(|_| true),
        tag("\u{2212}").map(|_| true),
        tag("负").map(|_| true),
        tag("負").map(|_| true),
        (kw("minus"), ws1).map(|_| true),
    ))
    .parse(i)
}

/// 百分之 (percent), 千分之 (per mille), 万分之 (per ten thousand): the factor that
/// brings the number into percent.
fn cn_per(i: &str) -> Res<'_, f64> {
    alt((
        tag("百分之").map(|_| 1.0),
        tag("千分之").map(|_| 0.1),
        tag("万分之").map(|_| 0.01),
        tag("萬分之").map(|_| 0.01),
    ))
    .parse(i)
}

/// Spaced scale words after digits, "hundred" included ("4 hundred", "3 hundred").
fn digit_scale(i: &str) -> Res<'_, f64> {
    alt((word_table(SCALES), kw("hundred").map(|_| 100.0))).parse(i)
}

/// The groups after a first scale word, each smaller than the one before:
/// "two thousand five hundred", "one million two hundred thousand", "4 thousand 3
/// hundred and 21". Returns where they end and the sum they add. Digits without a
/// scale end a group only after "hundred" ("3 hundred and 21"), so "5 million 3 years"
/// stays two numbers.
fn more_groups(i: &str, first: f64) -> Option<(&str, f64)> {
    let mut last = first;
    let mut add = 0.0;
    let mut rest = i;
    while last > 1.0 {
        let group = (
            ws1,
            opt((kw("and"), ws1)),
            alt((
                digits.map(|n| (n, false)),
                cardinal_words.map(|n| (n, true)),
            )),
            opt(preceded(ws1, digit_scale)),
        )
            .parse(rest);
        let Ok((r, (_, and, (n, words), scale))) = group else {
            break;
        };
        let plain = matches!(n.form, Form::Digits { plain: true, .. } | Form::Words)
            && n.value >= 1.0
            && n.value.fract() == 0.0;
        match scale {
            Some(s) if plain && s >= 100.0 && s < last && n.value * s < last => {
                add += n.value * s;
                last = s;
                rest = r;
            }
            // Words after a scale word ("one million two hundred", "two thousand and
            // five") are one number; digits only after "hundred".
            None if plain
                && n.value < last.min(1e3)
                && (last == 100.0
                    || (words && (last <= 1e3 || n.value >= 100.0 || and.is_some()))) =>
            {
                add += n.value;
                rest = r;
                last = 1.0;
            }
            _ => break,
        }
    }
    (rest.len() < i.len()).then_some((rest, add))
}

/// Digits and Chinese numerals between Chinese scale characters after a first scale:
/// 5万4千6百 (the 4千6百 after 5万), 1亿2千万, 3万5 (the 5 counts thousands).
fn cn_more(i: &str, first: f64) -> Option<(&str, f64)> {
    let mut last = first;
    let mut add = 0.0;
    let mut rest = i;
    while let Ok((r, n)) = alt((digits, chinese_numeral)).parse(rest) {
        // A Chinese numeral with scales of its own (四千六百) is one whole group.
        let whole = matches!(n.form, Form::Chinese { .. })
            && n.value >= 10.0
            && n.value < last
            && !r.starts_with(cn_scale_char);
        if whole {
            add += n.value;
            rest = r;
            break;
        }
        match chinese_scale(r) {
            Ok((r2, s)) if s < last && n.value * s < last && n.value > 0.0 => {
                add += n.value * s;
                last = s;
                rest = r2;
            }
            Err(_)
                if last >= 100.0
                    && n.value >= 1.0
                    && n.value < 10.0
                    && is_int_value(&n)
                    && (!r.starts_with(crate::text::is_han) || unit_suffix(r).is_ok()) =>
            {
                add += n.value * last / 10.0;
                rest = r;
                break;
            }
            _ => break,
        }
    }
    (rest.len() < i.len()).then_some((rest, add))
}

fn cn_scale_char(c: char) -> bool {
    "十百千万萬亿億".contains(c)
}

fn is_int_value(n: &Num) -> bool {
    n.value.fract() == 0.0
        && matches!(
            n.form,
            Form::Digits { plain: true, .. } | Form::Chinese { .. }
        )
}

/// The step below which 多 and 余 stay: 20多 is under 30, 三千多 under 4,000, 3年多
/// under 4 years (the place of the last non-zero digit).
fn more_step(v: f64) -> f64 {
    if v <= 0.0 || v.fract() != 0.0 || v > 1e15 {
        return 1.0;
    }
    let mut step = 1.0;
    while (v / (step * 10.0)).fract() == 0.0 && step < 1e15 {
        step *= 10.0;
    }
    step
}

/// 两个多月, 三个多小时: 多 or 余 inside a unit that starts with the measure word 个.
/// The unit and what follows it, when the unit read without 多 starts with 个.
fn measure_word_more(i: &str) -> Option<(&str, UnitSpec)> {
    let rest = i.strip_prefix('个')?;
    let after = ["多", "余", "餘"]
        .iter()
        .find_map(|m| rest.strip_prefix(m))?;
    // The unit as it is written without 多: 个月, 个小时, 个星期.
    let whole = format!("个{after}");
    let (r, u) = unit_suffix(&whole).ok()?;
    let used = whole.len() - r.len();
    // Only a unit that is 个 and more (not 个 alone, nor a unit after it).
    (used > '个'.len_utf8()).then(|| (&i[i.len() - r.len()..], u))
}

/// After 多 or 余, a classifier or a unit makes 多 "many" of its own: 一年多次 is
/// "many times a year", 三年多年 nothing; not 3年多 ("over three years").
fn starts_counted(r: &str) -> bool {
    r.chars()
        .next()
        .is_some_and(|c| lexicon().classifier.contains_char(c))
        || unit_suffix(r).is_ok()
}

fn side(i: &str) -> Res<'_, Side> {
    let (i, neg) = opt(sign).parse(i)?;
    let (i, cur) = opt(currency_prefix).parse(i)?;
    let (i, neg) = match neg {
        Some(n) => (i, Some(n)),
        // "$-5 million", "US$ -3bn".
        None if cur.is_some() => opt(sign).parse(i)?,
        None => (i, None),
    };
    let (i, pct) = opt(cn_per).parse(i)?;
    let (i, mut num) = match pct {
        Some(_) => alt((digits, chinese_percent_numeral)).parse(i)?,
        None => number(i)?,
    };
    let total = None;
    // 三分之一, 3分之2: a fraction, the denominator first.
    let (i, frac) = match pct {
        None => opt(preceded(tag("分之"), alt((digits, chinese_numeral)))).parse(i)?,
        Some(_) => (i, None),
    };
    if let Some(numerator) = frac {
        if num.value == 0.0 {
            return Err(fail(i));
        }
        num = Num::new(numerator.value / num.value, Form::Ratio { article: false });
    }
    // "2 and a half years" (number words take their half in `cardinal`).
    let (i, num) = match (
        num.form,
        opt((ws1, kw("and"), ws1, kw("a"), ws1, kw("half"))).parse(i)?,
    ) {
        (Form::Digits { .. }, (r, Some(_))) => (r, Num::new(num.value + 0.5, num.form)),
        _ => (i, num),
    };
    let (i, more) = opt(alt((tag("多"), tag("余"), tag("餘")))).parse(i)?;
    // 一多 is no number (统一多元 is "unified, diverse"); "over one" is 一年多, 一个多月.
    if more.is_some() && matches!(num.form, Form::Chinese { chars: 1, .. }) && num.value == 1.0 {
        return Err(fail(i));
    }
    // "4 billion", and hyphenated before a noun: "a $5.5-billion deal".
    let spaced = || preceded(alt((ws1, tag("-"))), word_table(SCALES)).map(|s| (s, false));
    // "two thirds of a million", "a quarter of a billion".
    let of_a = || {
        preceded(
            (ws1, kw("of"), ws1, alt((kw("an"), kw("a"))), ws1),
            word_table(SCALES),
        )
        .map(|s| (s, false))
    };
    let before_glued = i;
    let (i, scale) = match num.form {
        Form::Digits { .. } => opt(alt((
            spaced(),
            preceded(ws1, kw("hundred")).map(|_| (100.0, false)),
            word_table(GLUED_SCALES),
            chinese_scale.map(|s| (s, false)),
        )))
        .parse(i)?,
        Form::Words => opt(spaced()).parse(i)?,
        Form::Ratio { .. } => opt(alt((spaced(), of_a()))).parse(i)?,
        // Only after decimals can scale characters follow a whole numeral: 三点五亿.
        Form::Chinese { .. } => opt(chinese_scale.map(|s| (s, false))).parse(i)?,
    };
    // "44m people", "10k tonnes": a glued m or k is a scale before a counted plural or
    // a unit (not "the 100m sprint", "the 400m hurdles").
    let scale = match scale {
        Some((s, true)) if cur.is_none() && bare_glued_ok(&num, before_glued, i) => {
            Some((s, false))
        }
        x => x,
    };
    // What follows the first scale: "two thousand five hundred", 5万4千6百.
    let (i, total) = match (scale, num.form) {
        (Some((s, false)), Form::Digits { .. } | Form::Words) if pct.is_none() => {
            let chinese = i.starts_with(|c: char| c.is_ascii_digit() || crate::text::is_han(c));
            let groups = if chinese {
                cn_more(i, s)
            } else {
                more_groups(i, s)
            };
            match groups {
                Some((r, add)) if more.is_none() && num.high.is_none() => {
                    (r, Some(num.scaled(s) + add))
                }
                _ => (i, total),
            }
        }
        _ => (i, total),
    };
    let scale_v = scale.map_or(1.0, |(s, _)| s);
    let high = match (num.high, more) {
        (Some(h), _) => Some(h * scale_v),
        (None, Some(_)) if total.is_none() => Some((num.value + more_step(num.value)) * scale_v),
        _ => None,
    };
    let before_unit = i;
    let mut inner_more = false;
    let (i, unit) = if let Some(f) = pct {
        (
            i,
            Some(UnitSpec {
                factor: f,
                ..PERCENT
            }),
        )
    } else if cur.is_some() {
        opt(currency_suffix).parse(i)?
    } else if let Some((r, u)) = more.is_none().then(|| measure_word_more(i)).flatten() {
        inner_more = true;
        (r, Some(u))
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
    let written_unit = text::slice(before_unit, 0..before_unit.len() - i.len());
    // 七成五, 8成5: a digit after 成 is the next tenth of it (75%, 85%).
    let (i, num) = match (written_unit.ends_with('成'), i.chars().next()) {
        (true, Some(c)) if more.is_none() && num.high.is_none() => {
            let d = cn_digit(c).or_else(|| c.to_digit(10).map(f64::from));
            let next = i[c.len_utf8()..].chars().next();
            match d {
                // One digit only, and not the start of a number or a word of its own.
                Some(d)
                    if !next.is_some_and(|n| {
                        n.is_ascii_digit() || cn_digit(n).is_some() || cn_scale(n).is_some()
                    }) =>
                {
                    (&i[c.len_utf8()..], Num::new(num.value + d / 10.0, num.form))
                }
                _ => (i, num),
            }
        }
        _ => (i, num),
    };
    // 3年多, 5吨余: 多 or 余 after a Chinese unit is a part of one more unit: over 3
    // years and under 4; so it is inside a measure word (两个多月: `measure_word_more`).
    let cjk_unit = unit.is_some() && written_unit.chars().any(is_han);
    let (i, more, high) = match (cjk_unit, more, high) {
        (true, None, None) if total.is_none() && inner_more => {
            (i, Some("多"), Some((num.value + 1.0) * scale_v))
        }
        (true, None, None) if total.is_none() => {
            match opt(alt((tag("多"), tag("余"), tag("餘")))).parse(i)? {
                (r, Some(m)) if !starts_counted(r) => {
                    (r, Some(m), Some((num.value + 1.0) * scale_v))
                }
                _ => (i, None, None),
            }
        }
        (_, m, h) => (i, m, h),
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
        neg: neg.is_some(),
        more: more.is_some(),
        scale,
        weak_scale,
        total,
        high,
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

/// Race and track distances in metres: "the 400m runners", "5,000m titles".
const DISTANCES: &[f64] = &[
    50.0, 60.0, 100.0, 110.0, 200.0, 400.0, 800.0, 1500.0, 3000.0, 5000.0, 10000.0,
];

/// A glued m or k without a currency is a scale only in lower case ("2K projectors"
/// is a resolution), and before a counted plural or a unit; after a race distance
/// ("the 400m runners") only before a unit or a noun the lexicon counts ("100m
/// barrels").
fn bare_glued_ok(num: &Num, glued: &str, rest: &str) -> bool {
    let lower = glued.starts_with(['m', 'k']);
    let distance = glued.starts_with('m') && DISTANCES.contains(&num.value);
    lower && counted_after(rest) && (!distance || unit_after(rest) || counted_noun_after(rest))
}

/// A unit word after a space ("metric tons", "tonnes").
fn unit_after(i: &str) -> bool {
    ws1(i).is_ok()
        && unit_suffix
            .parse(i)
            .is_ok_and(|(_, u)| u.kind == Kind::Plain)
}

/// A noun of one of the lexicon's `counted` classes after a space ("barrels", "people").
fn counted_noun_after(i: &str) -> bool {
    let Ok((r, _)) = ws1(i) else { return false };
    let len = r
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(r.len());
    let word = text::slice(r, 0..len).to_lowercase();
    lexicon()
        .counted
        .iter()
        .any(|(_, nouns)| nouns.contains(&word))
}

/// A plural noun (not a race or a distance: the lexicon's `glued_m_noun`) or a unit
/// word after a space.
fn counted_after(i: &str) -> bool {
    let Ok((r, _)) = ws1(i) else { return false };
    let len = r
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(r.len());
    let word = text::slice(r, 0..len);
    unit_after(i) || (is_plural(word) && !lexicon().glued_m_noun.contains_ignore_case(word))
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
        // A word glued to digits is a model name (H20 chips): stop before it. A
        // participle after the head qualifies it, it is not part of the noun
        // ("barrels agreed", "tonnes produced").
        let participle = n > 0 && word.len() > 4 && word.to_ascii_lowercase().ends_with("ed");
        if participle
            || rest.starts_with(|c: char| c.is_ascii_digit())
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
    // A classifier that says what is counted (辆, 桶: `counted` in the lexicon) stays
    // with its noun: 2000万桶原油 counts barrels, 52万辆 vehicles.
    let mut buf = [0; 4];
    let own = first.encode_utf8(&mut buf);
    if lex
        .counted
        .iter()
        .any(|(_, forms)| forms.iter().any(|f| f == own))
    {
        return Ok((rest, Some(&i[..first.len_utf8() + end])));
    }
    Ok((rest, Some(noun).filter(|s| !s.is_empty())))
}

/// What one side or a range states, before qualifiers.
struct Stated {
    value: Option<f64>,
    low: f64,
    high: f64,
    cur: Option<Cur>,
    unit: Option<UnitSpec>,
    /// An upper end that holds whatever the qualifier: 三千多 is over 3,000 and under
    /// 4,000.
    cap: Option<f64>,
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
    let v = s.own() * factor;
    let high = s.high.map(|h| h * factor);
    coherent(s.cur, s.unit, s.weak_scale).then_some(Stated {
        // 十几万 states no single value; 三千多 states 3,000 and stays under 4,000.
        value: if s.num.high.is_some() { None } else { Some(v) },
        low: v,
        high: if s.neg { v } else { high.unwrap_or(v) },
        cur: s.cur,
        unit: s.unit,
        cap: if s.more && !s.neg { high } else { None },
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
        (None, Some(s)) if l.num.value <= r.num.value && l.total.is_none() => (s, s),
        (a, b) => (a.unwrap_or(1.0), b.unwrap_or(1.0)),
    };
    let factor = unit.map_or(1.0, |u| u.factor);
    let (low, high) = (l.base(ls) * factor, r.base(rs) * factor);
    let high = r.high.map_or(high, |h| h * factor);
    // A range reads low to high; "11-1" is a vote and "from 5 to 4" a change.
    (low <= high).then_some(Stated {
        value: None,
        low,
        high,
        cur,
        unit,
        cap: None,
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

/// What the numbers at a candidate amount to (a return value that lives for one
/// candidate: its size does not matter).
#[allow(clippy::large_enum_variant)]
enum Read<'a> {
    /// A stated value or range: the rest of the input, the left side, what it states,
    /// and whether every side is a year.
    Stated(&'a str, Side, Stated, bool),
    /// Not a quantity (a vote, a date, a code): skip to this rest.
    Skip(&'a str),
}

/// 30%与40%之间, 5万和6万吨之间: a range closed by 之间.
fn cn_between(i: &str) -> Res<'_, (bool, Side)> {
    let (r, (_, _, _, right, _, _)) = (
        ws0,
        alt((tag("与"), tag("和"), tag("及"), tag("與"))),
        ws0,
        side,
        ws0,
        alt((tag("之间"), tag("之間"))),
    )
        .parse(i)?;
    Ok((r, (false, right)))
}

/// "one in five (adults)", "two out of three", "1 in every 10": the share the first
/// number is of the second, in percent. Both are whole, the second is larger, at most
/// 1,000 and not a year ("3 in 2024" is a date).
fn one_in<'a>(left: &Side, rest: &'a str) -> Option<Read<'a>> {
    let whole = |n: &Num| {
        matches!(n.form, Form::Digits { plain: true, .. } | Form::Words) && n.value.fract() == 0.0
    };
    if left.unit.is_some()
        || left.cur.is_some()
        || left.scale.is_some()
        || left.neg
        || !whole(&left.num)
        || left.total.is_some()
    {
        return None;
    }
    let (r, (_, _, _, _, n)) = (
        ws1,
        alt((kw("in").map(|_| ()), (kw("out"), ws1, kw("of")).map(|_| ()))),
        ws1,
        opt((kw("every"), ws1)),
        number,
    )
        .parse(rest)
        .ok()?;
    let ok = whole(&n)
        && n.value > left.num.value
        && n.value <= 1000.0
        && !r.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '%')
        && preceded(ws1, unit_suffix).parse(r).is_err()
        && unit_suffix(r).is_err()
        && preceded(alt((ws1, tag("-"))), word_table(SCALES))
            .parse(r)
            .is_err();
    if !ok {
        return None;
    }
    let v = left.num.value / n.value * 100.0;
    let stated = Stated {
        value: Some(v),
        low: v,
        high: v,
        cur: None,
        unit: Some(PERCENT),
        cap: None,
    };
    Some(Read::Stated(r, *left, stated, false))
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
        alt(((|i| range_sep(i, allow_to), side), cn_between))
            .parse(after_left)
            .ok()
    };
    // "one in five adults", "two out of three": a share in percent.
    if right.is_none()
        && let Some(read) = one_in(&left, after_left)
    {
        return Some(read);
    }
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
    // 2000万 is twenty million, never a year.
    let years = is_year(&left.num) && left.scale.is_none() && right.is_none_or(|r| is_year(&r.num));
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

    let (rest, post) = match post_qualifier(rest) {
        // 多次, 余家: 多 or 余 before a classifier or unit is "many", not "over".
        Ok((r, _)) if rest.starts_with(['多', '余']) && starts_counted(r) => (rest, None),
        Ok((r, p)) => (r, Some(p)),
        Err(_) => (rest, None),
    };
    let more = left.more.then_some(Qualifier::Over);
    // "about five hundred or more": the bound after the number is the one that holds.
    let qual = match (qual, post) {
        (Some(Qualifier::About), Some(p)) => Some(p),
        (q, p) => q.or(p).or(more),
    };
    let (rest, per) = match per_pre {
        Some(p) => (rest, Some(p)),
        None if stated.unit.is_some() || stated.cur.is_some() => {
            opt(per_suffix).parse(rest).ok()?
        }
        None => (rest, None),
    };
    let unitless = stated.unit.is_none() && stated.cur.is_none();
    let mut added = false;
    let (rest, classified, noun) = if unitless {
        match chinese_noun(rest) {
            Ok((r, n)) => (r, true, n),
            Err(_) => match english_noun(rest) {
                Ok((r, n)) => (r, false, Some(n)),
                // "three more smelters": a count added to what there was.
                Err(_) => match preceded((ws1, kw("more")), english_noun).parse(rest) {
                    Ok((r, n)) => {
                        added = true;
                        (r, false, Some(n))
                    }
                    Err(_) => (rest, false, None),
                },
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
    // "Section 230", "Boeing 737", "Flight 370", 波音737: a label after its word.
    if unitless
        && qual.is_none()
        && matches!(left.num.form, Form::Digits { .. })
        && labelled(text::before(text, start))
    {
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
    // 三千多: over 3,000 and under 4,000, whatever else bounds it from below.
    let high = match (stated.cap, qual) {
        (Some(c), None | Some(Qualifier::Over | Qualifier::AtLeast | Qualifier::About)) => Some(c),
        _ => high,
    };
    let change = if added {
        Some(Change::By)
    } else {
        change_before(text, start)
    };
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
            change,
        }),
    ))
}

/// Whether the text before a number ends with a word that makes it a label (the
/// lexicon's `label_before`): "Section", "Boeing", "No.", 波音.
fn labelled(before: &str) -> bool {
    let lex = lexicon();
    let t = before.trim_end_matches(' ');
    if lex.label_before.zh.iter().any(|w| t.ends_with(w.as_str())) {
        return true;
    }
    if t.len() == before.len() {
        return false;
    }
    let t = t.strip_suffix('.').unwrap_or(t);
    let n = t
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = text::after(t, t.len() - n);
    !word.is_empty()
        && lex
            .label_before
            .en
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a figure at `start` is one end or the size of a change, from the words just
/// before it in its clause: "from" (From); "to" after a change verb or a "from" (To);
/// "by" after a change verb, or the verb itself ("rose 22%", By). Chinese: 从/由 (From);
/// a change verb with 至/到/为 (增至, 降到: To); a change verb, with or without 了
/// (增长了, By). The verbs are the lexicon's `change_verb`.
fn change_before(text: &str, start: usize) -> Option<Change> {
    let before = text::before(text, start);
    let mut lo = before.len().saturating_sub(100);
    while !before.is_char_boundary(lo) {
        lo += 1;
    }
    let tail = text::after(before, lo);
    let clause = tail.rsplit_once(". ").map_or(tail, |(_, c)| c);
    let clause = clause
        .rsplit_once(['。', '；', ';', '\n', '，', '、'])
        .map_or(clause, |(_, c)| c);
    let lex = lexicon();
    let is_verb = |w: &str| lex.change_verb.en_contains_ignore_case(w);
    let trimmed = clause.trim_end_matches([' ', '\t']);
    if trimmed.ends_with(|c: char| c.is_ascii_alphabetic()) {
        let mut words = trimmed
            .split_whitespace()
            .rev()
            .map(|t| t.trim_matches(|c: char| !c.is_ascii_alphanumeric()));
        let prev = words.next().unwrap_or("").to_ascii_lowercase();
        let (mut verb_near, mut from_near) = (false, false);
        for w in words.take(6) {
            verb_near |= is_verb(w);
            from_near |= w.eq_ignore_ascii_case("from");
        }
        return match prev.as_str() {
            "from" => Some(Change::From),
            "to" if verb_near || from_near => Some(Change::To),
            "by" if verb_near => Some(Change::By),
            w if is_verb(w) => Some(Change::By),
            _ => None,
        };
    }
    let before = clause;
    let t = before.trim_end_matches([' ', '\t']);
    if t.ends_with(['从', '由', '從']) {
        return Some(Change::From);
    }
    let (t, to) = match t.strip_suffix(['至', '到', '为', '為']) {
        Some(head) => (head, true),
        None => (t.strip_suffix('了').unwrap_or(t), false),
    };
    let verb = lex.change_verb.zh.iter().any(|v| t.ends_with(v.as_str()));
    match (verb, to) {
        (true, true) => Some(Change::To),
        (true, false) => Some(Change::By),
        _ => None,
    }
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
            // 一 before a unit of money, mass, energy or percent is one of it: 一吨,
            // 一美元, 一个百分点 (not 一年, 一天: "one day" is also "some day").
            let money_or_mass = st.unit.is_some_and(|u| {
                matches!(
                    u.unit,
                    Unit::Currency(_)
                        | Unit::Tonne
                        | Unit::Kg
                        | Unit::Gwh
                        | Unit::PercentagePoint
                        | Unit::Percent
                )
            });
            // 一年多, 一个多月: with 多 or 余 it is a count ("over a year").
            let lone_one = chars == 1 && n.value == 1.0 && !money_or_mass && st.cap.is_none();
            // 十多年, 百余人: a bare scale character with 多 or 余 is a count.
            let more = st.cap.is_some();
            if lone_one || positional || (!digit && !money_or_mass && !more) {
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
        cap: None,
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
            change: change_before(text, start),
        }),
    ))
}
