//! Numbers: digits with separators and decimals, English number words, Chinese numerals.
//!
//! Each grammar is a small nom parser over `&str` that returns the value and how it was
//! written ([`Form`]): the quantity grammar decides from the form what context a number
//! needs (a bare "one" is rarely a quantity, a bare "2025" is a year). Values are
//! computed without allocating, and saturate to infinity rather than overflow.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, digit1, satisfy},
    combinator::{map_opt, not, opt, peek, value, verify},
    sequence::{preceded, terminated},
};

use crate::text;

/// Parser result over the working text.
pub type Res<'a, T> = IResult<&'a str, T>;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Form {
    /// ASCII digits. `plain`: no separators or decimals; `int_digits`: digits before the point.
    Digits {
        plain: bool,
        int_digits: usize,
        leading_zero: bool,
    },
    /// English cardinal words ("thirty-five", "a dozen", "twice").
    Words,
    /// A ratio word: "one-tenth", "two-thirds", "twice". `article` for "a quarter",
    /// "half", "full", which need "of" or "point" after them to be a quantity at all.
    Ratio { article: bool },
    /// Chinese numerals: `chars` numeral characters; `positional` for digit strings
    /// like 二〇二五 (years), `digit` when it holds a digit character (not only 十百千万亿).
    Chinese {
        chars: usize,
        positional: bool,
        digit: bool,
    },
}

/// A parsed number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: f64,
    pub form: Form,
    /// Digits as mantissa and power of ten, so that a scale can be applied exactly
    /// ("€4.1bn" is 41e8, not 4.1 * 1e9 = 4099999999.9999995).
    pub decimal: Option<(u64, i64)>,
    /// The upper end when the number is approximate: 十几 is 11 to 19 (`value` 11,
    /// `high` 19), 二十几万 210,000 to 290,000.
    pub high: Option<f64>,
}

impl Num {
    pub fn new(value: f64, form: Form) -> Self {
        Num {
            value,
            form,
            decimal: None,
            high: None,
        }
    }

    /// The value times `scale`, exact when the scale is a power of ten.
    pub fn scaled(&self, scale: f64) -> f64 {
        let power = (1..=15).find(|&k| 10f64.powi(k) == scale);
        match (self.decimal, power) {
            (Some((m, e)), Some(k)) => Acc {
                mantissa: m,
                exp10: e + i64::from(k),
            }
            .value(),
            _ => self.value * scale,
        }
    }
}

/// Spaces between words (NFKC has already turned no-break spaces into spaces).
pub fn ws1(i: &str) -> Res<'_, &str> {
    take_while1(|c| c == ' ' || c == '\t')(i)
}

/// Optional spaces.
pub fn ws0(i: &str) -> Res<'_, &str> {
    let end = i.find(|c| c != ' ' && c != '\t').unwrap_or(i.len());
    let (spaces, rest) = i.split_at(end);
    Ok((rest, spaces))
}

/// Space between the words of a date; at most one line break (hard-wrapped text).
pub fn ws_wrapped(i: &str) -> Res<'_, &str> {
    verify(
        take_while1(|c: char| matches!(c, ' ' | '\t' | '\r' | '\n')),
        |w: &str| w.matches('\n').count() <= 1,
    )
    .parse(i)
}

/// A number ends here: no letter, digit or '%' follows, nor a decimal or thousands
/// separator or a time colon ("2.5", "2,025", "08:47").
pub fn num_end(i: &str) -> Res<'_, ()> {
    let mut it = i.chars();
    let ok = match it.next() {
        Some(c) if c.is_ascii_alphanumeric() || c == '%' => false,
        Some('.' | ',' | ':') => !it.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    };
    if ok { Ok((i, ())) } else { Err(fail(i)) }
}

/// `min..=max` ASCII digits and no more (a day, a month, a year).
pub fn uint(min: usize, max: usize) -> impl Fn(&str) -> Res<'_, u32> {
    move |i| {
        map_opt(
            terminated(
                take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
                not(satisfy(|c: char| c.is_ascii_digit())),
            ),
            |d: &str| d.parse().ok(),
        )
        .parse(i)
    }
}

/// A plain parse failure at `i` (the grammar's checks that are not combinators).
pub fn fail(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))
}

/// True when `w` may end here: the next character does not continue an ASCII word.
fn ends_word(w: &str, rest: &str) -> bool {
    let word_end = w
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    !word_end || !rest.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Case-insensitive keyword that must end at a word boundary ("ten" must not match "tens").
pub fn kw<'a>(w: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| match i.split_at_checked(w.len()) {
        Some((head, rest)) if head.eq_ignore_ascii_case(w) => {
            if ends_word(w, rest) {
                Ok((rest, head))
            } else {
                Err(fail(i))
            }
        }
        _ => Err(fail(i)),
    }
}

/// The first entry of `table` whose word starts the input (case-insensitive, whole
/// words only). Word lists stay data, the grammar stays one line.
pub fn word_table<'a, T: Copy>(
    table: &'static [(&'static str, T)],
) -> impl Fn(&'a str) -> Res<'a, T> {
    move |i: &'a str| {
        // Most entries fail on their first byte: test it before the whole word.
        let first = i.as_bytes().first().map(u8::to_ascii_lowercase);
        for &(w, v) in table {
            if w.as_bytes().first().map(u8::to_ascii_lowercase) != first {
                continue;
            }
            if let Ok((rest, _)) = kw(w)(i) {
                return Ok((rest, v));
            }
        }
        Err(fail(i))
    }
}

/// Accumulates decimal digits into a 19-digit mantissa and a power of ten, so that a
/// 10,000-digit run costs no allocation and ends as infinity instead of overflowing.
#[derive(Default)]
struct Acc {
    mantissa: u64,
    exp10: i64,
}

impl Acc {
    const FULL: u64 = 1_000_000_000_000_000_000;

    fn int_digits(&mut self, s: &str) {
        for b in s.bytes() {
            if self.mantissa < Self::FULL {
                self.mantissa = self.mantissa * 10 + u64::from(b - b'0');
            } else {
                self.exp10 = self.exp10.saturating_add(1);
            }
        }
    }

    fn frac_digits(&mut self, s: &str) {
        for b in s.bytes() {
            if self.mantissa < Self::FULL {
                self.mantissa = self.mantissa * 10 + u64::from(b - b'0');
                self.exp10 -= 1;
            }
        }
    }

    fn value(&self) -> f64 {
        if self.mantissa == 0 {
            return 0.0;
        }
        let m = self.mantissa as f64;
        // Beyond ±400 the result is 0 or infinity anyway.
        let e = self.exp10.clamp(-400, 400) as i32;
        // Dividing by an exact power of ten keeps "99.9999" equal to its literal.
        if e >= 0 {
            m * 10f64.powi(e)
        } else {
            m / 10f64.powi(-e)
        }
    }
}

/// Thousands separators: comma, full-width comma, space, no-break space, thin and
/// narrow no-break space.
const GROUP_SEPARATORS: &str = ",， \u{a0}\u{2009}\u{202f}";

/// `1,234,567.89`: thousands groups of exactly three digits, then an optional decimal
/// part. A lead group longer than three digits takes no commas ("1234,5" is two numbers),
/// and a comma not followed by exactly three digits ends the number ("1,1,1" is a list).
pub fn digits(i: &str) -> Res<'_, Num> {
    let (mut rest, int) = digit1(i)?;
    let mut acc = Acc::default();
    acc.int_digits(int);
    let mut plain = true;
    let mut int_digits = int.len();
    if int.len() <= 3 {
        // The first separator sets the one every group uses: "1,234,567", "1 234 567"
        // (a space, no-break or thin space), "20，300" (a full-width comma).
        let sep = rest
            .chars()
            .next()
            .filter(|c| GROUP_SEPARATORS.contains(*c));
        let lead = (acc.mantissa, acc.exp10, rest);
        // Spaced groups stop at six (10^18): a longer run is a list or a code, and the
        // cap keeps each start constant work ("123 123 123 …" is read in linear time).
        let mut spaced_groups = 0;
        while let Some(sep) = sep {
            // Each group advances `rest` or ends the loop.
            if sep != ',' && sep != '，' {
                if spaced_groups == 6 {
                    break;
                }
                spaced_groups += 1;
            }
            let grouped: Res<'_, &str> = preceded(
                char(sep),
                take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
            )
            .parse(rest);
            let Ok((r, group)) = grouped else { break };
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            // "5 100-tonne ships", "3 000m": a spaced group must end the number.
            if sep != ',' && sep != '，' && r.starts_with(['-', '.']) {
                break;
            }
            acc.int_digits(group);
            int_digits += 3;
            plain = false;
            rest = r;
        }
        // "212 555 0143": more spaced digits after the groups make a phone number or a
        // list, not one number.
        if let Some(sep) = sep
            && sep != ','
            && sep != '，'
            && rest
                .strip_prefix(sep)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            (acc.mantissa, acc.exp10, rest) = lead;
            int_digits = int.len();
            plain = true;
        }
    }
    let decimals: Res<'_, &str> = preceded(char('.'), digit1).parse(rest);
    if let Ok((r, frac)) = decimals {
        acc.frac_digits(frac);
        plain = false;
        rest = r;
    }
    let form = Form::Digits {
        plain,
        int_digits,
        leading_zero: int.len() > 1 && int.starts_with('0'),
    };
    let num = Num {
        value: acc.value(),
        form,
        decimal: Some((acc.mantissa, acc.exp10)),
        high: None,
    };
    Ok((rest, num))
}

pub const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

pub const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Denominators of fractions: "one-tenth", "two-thirds", "a quarter".
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
    ("hundredth", 100.0),
    ("hundredths", 100.0),
    ("thousandth", 1000.0),
    ("thousandths", 1000.0),
];

/// Scale words after a number, spaced: "4 billion", "six million", "two dozen".
pub const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    // Indian English: "5 lakh", "10 crore", "2 lakh crore".
    ("lakh crore", 1e12),
    ("lakhs", 1e5),
    ("lakh", 1e5),
    ("crores", 1e7),
    ("crore", 1e7),
    ("bln", 1e9),
    ("blns", 1e9),
    ("mlns", 1e6),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("mln", 1e6),
    ("tn", 1e12),
    ("trn", 1e12),
    ("dozen", 12.0),
];

/// 0-99: "seven", "nineteen", "thirty-five", "thirty five".
fn below_hundred(i: &str) -> Res<'_, f64> {
    let tens_units = (
        word_table(TENS),
        opt(preceded(alt((tag("-"), ws1)), word_table(&UNITS[1..10]))),
    )
        .map(|(t, u)| t + u.unwrap_or(0.0));
    alt((tens_units, word_table(UNITS))).parse(i)
}

/// 0-999: "two hundred and fifty", "a hundred", "ninety-nine".
fn cardinal(i: &str) -> Res<'_, f64> {
    let hundreds = (
        alt((below_hundred, value(1.0, kw("a")))),
        ws1,
        kw("hundred"),
        opt(preceded((ws1, opt((kw("and"), ws1))), below_hundred)),
    )
        .map(|(h, _, _, rest)| h * 100.0 + rest.unwrap_or(0.0));
    let (rest, n) = alt((hundreds, below_hundred)).parse(i)?;
    // "two and a half": a trailing half belongs to the number.
    let (rest, half) = opt((ws1, kw("and"), ws1, kw("a"), ws1, kw("half"))).parse(rest)?;
    Ok((rest, n + if half.is_some() { 0.5 } else { 0.0 }))
}

/// A cardinal below a thousand in words, as a number: the groups of "two thousand
/// five hundred" after the first.
pub fn cardinal_words(i: &str) -> Res<'_, Num> {
    cardinal.map(|v| Num::new(v, Form::Words)).parse(i)
}

/// "one-tenth", "two-thirds", "a quarter", "one third of". A spaced fraction needs "of"
/// after it: "two quarters" on its own is a count of quarters, not one half.
fn fraction(i: &str) -> Res<'_, Num> {
    let (rest, ((n, article), sep, den)) = (
        alt((
            below_hundred.map(|n| (n, false)),
            value((1.0, true), kw("a")),
        )),
        alt((tag("-"), ws1)),
        word_table(DENOMINATORS),
    )
        .parse(i)?;
    if sep != "-" && !article && peek((ws1, kw("of"))).parse(rest).is_err() {
        return Err(fail(i));
    }
    let form = Form::Ratio { article };
    Ok((rest, Num::new(n / den, form)))
}

/// English number words: fractions, "half (a)", "a full", "a dozen", "twice",
/// "a" before a scale ("a million"), and cardinals.
pub fn english_number(i: &str) -> Res<'_, Num> {
    let words = |v: f64| Num::new(v, Form::Words);
    let article = |v: f64| Num::new(v, Form::Ratio { article: true });
    // "a" counts as one only when a scale or "decade" follows: "a billion", "a decade".
    let a_scale = (
        kw("a"),
        peek((
            ws1,
            alt((word_table(SCALES).map(|_| ()), kw("decade").map(|_| ()))),
        )),
    )
        .map(|_| words(1.0));
    // "half a million", "half a percentage point": the "a" joins half to what follows.
    let half = (
        opt((kw("a"), ws1)),
        kw("half"),
        opt((ws1, alt((kw("an"), kw("a"))), peek(ws1))),
    )
        .map(|_| article(0.5));
    let full = (opt((kw("a"), ws1)), kw("full")).map(|_| article(1.0));
    alt((
        fraction,
        half,
        full,
        (kw("a"), ws1, kw("dozen")).map(|_| words(12.0)),
        a_scale,
        kw("twice").map(|_| Num::new(2.0, Form::Ratio { article: false })),
        cardinal.map(words),
    ))
    .parse(i)
}

/// A Chinese digit character's value (零 is a filler, handled apart).
pub fn cn_digit(c: char) -> Option<f64> {
    Some(match c {
        '〇' => 0.0,
        '一' => 1.0,
        '二' | '两' | '兩' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

/// A Chinese scale character's value.
pub fn cn_scale(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1e3,
        // Traditional and Japanese forms too: 萬, 億.
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

/// 四十四, 二十七万, 一千二百万, 三亿五千万, 一百零五, 三点五, 二〇二五 (positional),
/// 一万三 (13,000: a digit after 百, 千, 万 or 亿 counts in the next place down),
/// 十几万 (110,000 to 190,000: 几 is any digit, `Num::high` holds the upper end).
/// Sections: digits times 十/百/千 add up below 万; 万 and 亿 close a section and
/// multiply it (so 一万亿 is 10^12 with no special case). Two digits in a row are only
/// valid in a purely positional string (二〇二五), never mixed with scale characters.
pub fn chinese_numeral(i: &str) -> Res<'_, Num> {
    chinese_numeral_with(i, false)
}

/// The same after 百分之 (and its kin), where 点 is always a decimal point:
/// 百分之一百二十点五 is 120.5, where 二十点五 alone may be a time.
pub fn chinese_percent_numeral(i: &str) -> Res<'_, Num> {
    chinese_numeral_with(i, true)
}

/// One pass over the numeral characters with 几 standing for `ji`.
struct CnRead {
    value: f64,
    chars: usize,
    end: usize,
    consecutive: bool,
    scaled: bool,
    has_digit: bool,
    has_ji: bool,
    top_scale: f64,
}

fn cn_read(i: &str, ji: f64) -> CnRead {
    let mut total = 0.0; // closed by 亿
    let mut section = 0.0; // closed by 万
    let mut current = 0.0; // below 万
    let mut digit: Option<f64> = None;
    let mut positional = 0.0;
    let (mut chars, mut consecutive, mut scaled, mut has_digit) = (0, false, false, false);
    let mut has_ji = false;
    let mut prev_digit = false;
    // The scale just before the current digit, with no 零 between (一万三).
    let mut last_scale: Option<f64> = None;
    let mut top_scale: f64 = 1.0;
    let mut end = 0;
    for (at, c) in i.char_indices() {
        let d = match c {
            // 几 only inside a numeral (几百 alone is vague, read apart): 十几, 二十几万.
            '几' | '幾' if chars > 0 && !prev_digit => {
                has_ji = true;
                Some(ji)
            }
            // A leading 零 before the point is the whole part of 零点五 (0.5).
            '零' if chars == 0 && i[at + c.len_utf8()..].starts_with(['点', '點']) => Some(0.0),
            _ => cn_digit(c),
        };
        if let Some(d) = d {
            consecutive |= prev_digit;
            prev_digit = true;
            has_digit = true;
            digit = Some(d);
            positional = positional * 10.0 + d;
        } else if c == '零' && chars > 0 {
            prev_digit = false;
            digit = None;
            last_scale = None;
        } else if let Some(s) = cn_scale(c) {
            // 百 before 分 is 百分点/百分之, 千 before 克/米/瓦 is a unit: not ours.
            let next = i.get(at + c.len_utf8()..).and_then(|r| r.chars().next());
            if matches!(
                (c, next),
                ('百', Some('分'))
                    | ('千', Some('克' | '米' | '瓦' | '分'))
                    | ('万', Some('分'))
                    | ('萬', Some('分'))
            ) {
                break;
            }
            prev_digit = false;
            scaled = true;
            match c {
                '万' | '萬' => {
                    section = (section + current + digit.unwrap_or(0.0)) * s;
                    current = 0.0;
                }
                '亿' | '億' => {
                    total = (total + section + current + digit.unwrap_or(0.0)) * s;
                    section = 0.0;
                    current = 0.0;
                }
                _ => current += digit.unwrap_or(1.0) * s,
            }
            if s >= 1e4 {
                // 二十七万: a bare 万 after nothing is one 万.
                if digit.is_none() && section == 0.0 && total == 0.0 && chars == 0 {
                    section = s;
                }
            }
            top_scale = top_scale.max(s);
            last_scale = Some(s);
            digit = None;
        } else {
            break;
        }
        chars += 1;
        end = at + c.len_utf8();
    }
    // 一万三, 三百五, 两亿五: a lone digit right after 百 or more is in the next place.
    let tail = match (digit, last_scale) {
        (Some(d), Some(s)) if s >= 100.0 && !consecutive => d * s / 10.0,
        (Some(d), _) => d,
        (None, _) => 0.0,
    };
    let value = if consecutive {
        positional
    } else {
        total + section + current + tail
    };
    CnRead {
        value,
        chars,
        end,
        consecutive,
        scaled,
        has_digit,
        has_ji,
        top_scale,
    }
}

fn chinese_numeral_with(i: &str, point_always: bool) -> Res<'_, Num> {
    let low = cn_read(i, 1.0);
    if low.chars == 0 || (low.consecutive && low.scaled) {
        return Err(fail(i));
    }
    let high = low.has_ji.then(|| cn_read(i, 9.0).value);
    let mut value = low.value;
    let mut rest = text::after(i, low.end);
    // 三点五, 三點五: decimals after 点, only when a digit follows (三点 alone is three
    // o'clock); after 十 only past 24 (二十点五 may be 20:05) or after 百分之.
    let point = rest.strip_prefix('点').or_else(|| rest.strip_prefix('點'));
    if let Some(after) = point
        && high.is_none()
    {
        // The decimals as an integer over a power of ten: 一百二十点五 is 120 + 5/10.
        let (mut frac, mut places) = (0u64, 0i32);
        let mut used = 0;
        for (at, c) in after.char_indices() {
            // 零 is a digit after the point (三点零五 is 3.05).
            match cn_digit(c).or((c == '零').then_some(0.0)) {
                Some(d) => {
                    if places < 18 {
                        frac = frac * 10 + d as u64;
                        places += 1;
                    }
                    used = at + c.len_utf8();
                }
                None => break,
            }
        }
        let decimal_ok =
            !low.scaled || point_always || (low.value > 24.0 && low.top_scale >= 100.0);
        if used > 0 && decimal_ok {
            value += frac as f64 / 10f64.powi(places);
            rest = text::after(after, used);
        }
    }
    let form = Form::Chinese {
        chars: low.chars,
        positional: low.consecutive,
        digit: low.has_digit,
    };
    let mut num = Num::new(value, form);
    num.high = high;
    Ok((rest, num))
}

/// A run of Chinese scale characters after digits multiplies: 55亿, 1.2万亿, 27万, 5千万.
pub fn chinese_scale(i: &str) -> Res<'_, f64> {
    let mut product = 1.0;
    let mut end = 0;
    for (at, c) in i.char_indices() {
        let Some(s) = cn_scale(c) else { break };
        let next = i.get(at + c.len_utf8()..).and_then(|r| r.chars().next());
        if matches!(
            (c, next),
            ('百', Some('分')) | ('千', Some('克' | '米' | '瓦'))
        ) {
            break;
        }
        product *= s;
        end = at + c.len_utf8();
    }
    if end == 0 {
        return Err(fail(i));
    }
    Ok((text::after(i, end), product))
}

/// Any number at the start of the input.
pub fn number(i: &str) -> Res<'_, Num> {
    alt((digits, english_number, chinese_numeral)).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(p: fn(&str) -> Res<'_, Num>, s: &str) -> Option<(f64, usize)> {
        p(s).ok().map(|(rest, n)| (n.value, s.len() - rest.len()))
    }

    #[test]
    fn digit_forms() {
        assert_eq!(val(digits, "1,234.5 x"), Some((1234.5, 7)));
        assert_eq!(val(digits, "99.9999%"), Some((99.9999, 7)));
        assert_eq!(val(digits, "1,1,1"), Some((1.0, 1)));
        assert_eq!(val(digits, "1234,567"), Some((1234.0, 4)));
        assert_eq!(val(digits, "1,2345"), Some((1.0, 1)));
        let long = "9".repeat(10_000);
        let (v, used) = val(digits, &long).unwrap_or((0.0, 0));
        assert!(v.is_infinite() && used == 10_000);
    }

    #[test]
    fn english_forms() {
        let v = |s| val(english_number, s).map(|(v, _)| v);
        assert_eq!(v("thirty-five percent"), Some(35.0));
        assert_eq!(v("two hundred and fifty"), Some(250.0));
        assert_eq!(v("a dozen"), Some(12.0));
        assert_eq!(v("one-tenth"), Some(0.1));
        assert_eq!(v("a billion"), Some(1.0));
        assert_eq!(v("two and a half years"), Some(2.5));
        assert_eq!(v("tens"), None);
        assert_eq!(v("often"), None);
        assert_eq!(v("two quarters"), Some(2.0));
    }

    #[test]
    fn chinese_forms() {
        let v = |s| val(chinese_numeral, s).map(|(v, _)| v);
        assert_eq!(v("四十四"), Some(44.0));
        assert_eq!(v("二十七万吨"), Some(270_000.0));
        assert_eq!(v("一千二百万"), Some(12_000_000.0));
        assert_eq!(v("三亿五千万"), Some(350_000_000.0));
        assert_eq!(v("一百零五"), Some(105.0));
        assert_eq!(v("零点五"), Some(0.5));
        assert_eq!(v("零點零五"), Some(0.05));
        assert_eq!(v("一万亿"), Some(1e12));
        assert_eq!(v("二〇二五年"), Some(2025.0));
        assert_eq!(v("三点五"), Some(3.5));
        assert_eq!(v("十二五"), None);
        assert_eq!(v("百分之"), None);
        assert_eq!(chinese_scale("万亿美元"), Ok(("美元", 1e12)));
    }
}
