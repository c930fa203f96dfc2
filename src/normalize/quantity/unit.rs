//! Units around a number: currency signs and codes before it, unit words after it
//! (English, hyphenated, glued or Chinese), and what a value is counted "per".

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::{char, satisfy},
    combinator::{opt, peek, verify},
    sequence::{preceded, terminated},
};

use super::Unit;
use crate::normalize::number::{Res, fail, kw, word_table, ws0, ws1};

/// A currency written before the number. `Yen` is ¥, which is CNY or JPY by context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cur {
    Code([u8; 3]),
    Yen,
}

/// How a unit word constrains its number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Plain,
    /// "point" is a percentage point only after half/quarter/full ("a quarter-point cut").
    Point,
    /// 年 after a number: a duration, unless the number is a year (2021年 is a date).
    CnYear,
    /// A hyphenated adjective ("five-year plan"); "half-year" and "full-year" name periods.
    Hyphen,
}

/// A unit with the factor that brings the number into it (50 bp = 0.5 points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitSpec {
    pub unit: Unit,
    pub factor: f64,
    pub kind: Kind,
}

const fn u(unit: Unit, factor: f64) -> UnitSpec {
    UnitSpec {
        unit,
        factor,
        kind: Kind::Plain,
    }
}

const fn cur(code: &[u8; 3]) -> UnitSpec {
    u(Unit::Currency(*code), 1.0)
}

/// 百分之 and %.
pub const PERCENT: UnitSpec = u(Unit::Percent, 1.0);
const PP: UnitSpec = u(Unit::PercentagePoint, 1.0);
const BP: UnitSpec = u(Unit::PercentagePoint, 0.01);
const POINT: UnitSpec = UnitSpec {
    unit: Unit::PercentagePoint,
    factor: 1.0,
    kind: Kind::Point,
};
const T: UnitSpec = u(Unit::Tonne, 1.0);
const KG: UnitSpec = u(Unit::Kg, 1.0);
const YEAR: UnitSpec = u(Unit::Year, 1.0);
const DECADE: UnitSpec = u(Unit::Year, 10.0);
const MONTH: UnitSpec = u(Unit::Month, 1.0);
const WEEK: UnitSpec = u(Unit::Week, 1.0);
const DAY: UnitSpec = u(Unit::Day, 1.0);
const HOUR: UnitSpec = u(Unit::Hour, 1.0);
const GWH: UnitSpec = u(Unit::Gwh, 1.0);

/// Signs and sign-like prefixes: US$6,700 million, €4.1bn, ¥500, 人民币100亿元.
pub const SIGNS: &[(&str, Cur)] = &[
    // Letters glued to `$` name the dollar: AUD$, Cdn$, Mex$ (peso), NT$, S$, HK$.
    ("USD$", Cur::Code(*b"USD")),
    ("AUD$", Cur::Code(*b"AUD")),
    ("Cdn$", Cur::Code(*b"CAD")),
    ("CAD$", Cur::Code(*b"CAD")),
    ("Can$", Cur::Code(*b"CAD")),
    ("Mex$", Cur::Code(*b"MXN")),
    ("MX$", Cur::Code(*b"MXN")),
    ("NZD$", Cur::Code(*b"NZD")),
    ("SGD$", Cur::Code(*b"SGD")),
    ("HKD$", Cur::Code(*b"HKD")),
    ("NTD$", Cur::Code(*b"TWD")),
    ("Rs.", Cur::Code(*b"INR")),
    ("Rs", Cur::Code(*b"INR")),
    ("₽", Cur::Code(*b"RUB")),
    ("₺", Cur::Code(*b"TRY")),
    ("₱", Cur::Code(*b"PHP")),
    ("฿", Cur::Code(*b"THB")),
    ("US$", Cur::Code(*b"USD")),
    ("U.S.$", Cur::Code(*b"USD")),
    ("AU$", Cur::Code(*b"AUD")),
    ("A$", Cur::Code(*b"AUD")),
    ("CA$", Cur::Code(*b"CAD")),
    ("C$", Cur::Code(*b"CAD")),
    ("HK$", Cur::Code(*b"HKD")),
    ("NZ$", Cur::Code(*b"NZD")),
    ("NT$", Cur::Code(*b"TWD")),
    ("S$", Cur::Code(*b"SGD")),
    ("R$", Cur::Code(*b"BRL")),
    ("$", Cur::Code(*b"USD")),
    ("€", Cur::Code(*b"EUR")),
    ("£", Cur::Code(*b"GBP")),
    ("¥", Cur::Yen),
    ("₩", Cur::Code(*b"KRW")),
    ("₹", Cur::Code(*b"INR")),
    ("人民币", Cur::Code(*b"CNY")),
];

/// ISO codes written before a number ("USD 5 billion", "RMB 3bn"), upper case only.
pub const CODES: &[(&str, Cur)] = &[
    ("USD", Cur::Code(*b"USD")),
    ("EUR", Cur::Code(*b"EUR")),
    ("GBP", Cur::Code(*b"GBP")),
    ("JPY", Cur::Code(*b"JPY")),
    ("CNY", Cur::Code(*b"CNY")),
    ("RMB", Cur::Code(*b"CNY")),
    ("AUD", Cur::Code(*b"AUD")),
    ("CAD", Cur::Code(*b"CAD")),
    ("HKD", Cur::Code(*b"HKD")),
    ("CHF", Cur::Code(*b"CHF")),
    ("SGD", Cur::Code(*b"SGD")),
    ("NZD", Cur::Code(*b"NZD")),
    ("TWD", Cur::Code(*b"TWD")),
    ("NTD", Cur::Code(*b"TWD")),
    ("INR", Cur::Code(*b"INR")),
    ("KRW", Cur::Code(*b"KRW")),
    ("MXN", Cur::Code(*b"MXN")),
    ("BRL", Cur::Code(*b"BRL")),
    ("RUB", Cur::Code(*b"RUB")),
    ("ZAR", Cur::Code(*b"ZAR")),
    ("SEK", Cur::Code(*b"SEK")),
    ("NOK", Cur::Code(*b"NOK")),
    ("DKK", Cur::Code(*b"DKK")),
    ("THB", Cur::Code(*b"THB")),
    ("IDR", Cur::Code(*b"IDR")),
    ("MYR", Cur::Code(*b"MYR")),
    ("SAR", Cur::Code(*b"SAR")),
    ("AED", Cur::Code(*b"AED")),
];

/// Signs written after the number in much of Europe and Asia: "10 €", "20$", "5 000 £".
const SUFFIX_SIGNS: &[(&str, UnitSpec)] = &[
    ("€", cur(b"EUR")),
    ("$", cur(b"USD")),
    ("£", cur(b"GBP")),
    ("₹", cur(b"INR")),
    ("₩", cur(b"KRW")),
    ("₽", cur(b"RUB")),
    ("₺", cur(b"TRY")),
];

/// A sign after the number, not one that opens the next ("5 $10 bills").
fn suffix_sign(i: &str) -> Res<'_, UnitSpec> {
    let (r, u) = preceded(ws0, word_table(SUFFIX_SIGNS)).parse(i)?;
    let next = r.trim_start_matches(' ');
    if next.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(fail(i));
    }
    Ok((r, u))
}

/// A currency before the number.
pub fn currency_prefix(i: &str) -> Res<'_, Cur> {
    let code = |i| {
        for &(w, c) in CODES {
            if let Ok((rest, _)) = (
                tag::<_, _, nom::error::Error<&str>>(w),
                ws0,
                peek(satisfy(|c| c.is_ascii_digit())),
            )
                .parse(i)
            {
                return Ok((rest, c));
            }
        }
        Err(fail(i))
    };
    alt((terminated(word_table(SIGNS), opt(char(' '))), code)).parse(i)
}

/// Units that may be glued to the number or follow a space: 92%, 50bp, 100kg, 50 GWh.
const SYMBOLS: &[(&str, UnitSpec)] = &[
    ("%", PERCENT),
    // Per mille: 5‰ is 0.5%, as 千分之五 is.
    ("‰", u(Unit::Percent, 0.1)),
    ("bps", BP),
    ("bp", BP),
    ("kg", KG),
    ("GWh", GWH),
    ("MWh", u(Unit::Gwh, 1e-3)),
    ("TWh", u(Unit::Gwh, 1e3)),
];

/// Currency words after a number or scale: "800 million dollars", "4 billion euros".
const CURRENCY_WORDS: &[(&str, UnitSpec)] = &[
    ("Chinese yuan", cur(b"CNY")),
    ("yuan renminbi", cur(b"CNY")),
    ("Chinese renminbi", cur(b"CNY")),
    ("Japanese yen", cur(b"JPY")),
    ("New Taiwan dollars", cur(b"TWD")),
    ("New Taiwan dollar", cur(b"TWD")),
    ("NT dollars", cur(b"TWD")),
    ("Taiwan dollar", cur(b"TWD")),
    ("Swiss franc", cur(b"CHF")),
    ("Mexican pesos", cur(b"MXN")),
    ("Mexican peso", cur(b"MXN")),
    ("Philippine pesos", cur(b"PHP")),
    ("Indian rupees", cur(b"INR")),
    ("rupees", cur(b"INR")),
    ("rupee", cur(b"INR")),
    ("Brazilian reais", cur(b"BRL")),
    ("reais", cur(b"BRL")),
    ("South African rand", cur(b"ZAR")),
    ("rand", cur(b"ZAR")),
    ("Russian roubles", cur(b"RUB")),
    ("Russian rubles", cur(b"RUB")),
    ("roubles", cur(b"RUB")),
    ("rubles", cur(b"RUB")),
    ("South Korean won", cur(b"KRW")),
    ("Korean won", cur(b"KRW")),
    ("ringgit", cur(b"MYR")),
    ("baht", cur(b"THB")),
    ("rupiah", cur(b"IDR")),
    ("Turkish lira", cur(b"TRY")),
    ("Swedish kronor", cur(b"SEK")),
    ("Norwegian kroner", cur(b"NOK")),
    ("Danish kroner", cur(b"DKK")),
    ("Saudi riyals", cur(b"SAR")),
    ("UAE dirhams", cur(b"AED")),
    ("Canadian dollar", cur(b"CAD")),
    ("Australian dollar", cur(b"AUD")),
    ("Singapore dollar", cur(b"SGD")),
    ("Hong Kong dollar", cur(b"HKD")),
    ("US dollar", cur(b"USD")),
    ("US dollars", cur(b"USD")),
    ("U.S. dollars", cur(b"USD")),
    ("Australian dollars", cur(b"AUD")),
    ("Canadian dollars", cur(b"CAD")),
    ("Hong Kong dollars", cur(b"HKD")),
    ("Singapore dollars", cur(b"SGD")),
    ("New Zealand dollars", cur(b"NZD")),
    ("Taiwan dollars", cur(b"TWD")),
    ("dollars", cur(b"USD")),
    ("dlrs", cur(b"USD")),
    ("dlr", cur(b"USD")),
    ("cents", u(Unit::Currency(*b"USD"), 0.01)),
    ("cts", u(Unit::Currency(*b"USD"), 0.01)),
    ("dollar", cur(b"USD")),
    ("euros", cur(b"EUR")),
    ("euro", cur(b"EUR")),
    ("yuan", cur(b"CNY")),
    ("renminbi", cur(b"CNY")),
    ("RMB", cur(b"CNY")),
    ("CNY", cur(b"CNY")),
    ("USD", cur(b"USD")),
    ("EUR", cur(b"EUR")),
    ("JPY", cur(b"JPY")),
    ("GBP", cur(b"GBP")),
    ("AUD", cur(b"AUD")),
    ("CAD", cur(b"CAD")),
    ("HKD", cur(b"HKD")),
    ("CHF", cur(b"CHF")),
    ("yen", cur(b"JPY")),
    ("pounds sterling", cur(b"GBP")),
    ("pounds", cur(b"GBP")),
    ("sterling", cur(b"GBP")),
    ("Swiss francs", cur(b"CHF")),
];

/// Other unit words after a space.
const WORDS: &[(&str, UnitSpec)] = &[
    ("percent", PERCENT),
    ("per cent", PERCENT),
    ("pct", PERCENT),
    ("percentage points", PP),
    ("percentage point", PP),
    ("percentage-points", PP),
    ("percentage-point", PP),
    ("basis points", BP),
    ("basis point", BP),
    ("points", POINT),
    ("point", POINT),
    ("of a percentage point", POINT),
    ("of a point", POINT),
    ("metric tons", T),
    ("metric tonnes", T),
    ("tonnes", T),
    ("tonne", T),
    ("tons", T),
    ("ton", T),
    ("kilograms", KG),
    ("kilogram", KG),
    ("gigawatt-hours", GWH),
    ("gigawatt hours", GWH),
    ("years", YEAR),
    ("year", YEAR),
    ("decades", DECADE),
    ("decade", DECADE),
    ("months", MONTH),
    ("month", MONTH),
    ("weeks", WEEK),
    ("week", WEEK),
    ("days", DAY),
    ("day", DAY),
    ("hours", HOUR),
    ("hour", HOUR),
];

/// Hyphenated adjectives: "100-ton plant", "five-year plan", "a quarter-point cut".
const HYPHENATED: &[(&str, UnitSpec)] = &[
    ("ton", T),
    ("tonne", T),
    ("year", YEAR),
    ("decade", DECADE),
    ("month", MONTH),
    ("week", WEEK),
    ("day", DAY),
    ("hour", HOUR),
    ("percent", PERCENT),
    ("percentage-point", PP),
    ("basis-point", BP),
    ("point", POINT),
    ("GWh", GWH),
];

/// Chinese units, written straight after the number.
const CHINESE: &[(&str, UnitSpec)] = &[
    ("个百分点", PP),
    ("百分点", PP),
    ("个基点", BP),
    ("基点", BP),
    // Traditional forms.
    ("個百分點", PP),
    ("百分點", PP),
    ("個基點", BP),
    ("基點", BP),
    // ９成 is 90%.
    ("成", u(Unit::Percent, 10.0)),
    ("新台币", cur(b"TWD")),
    ("新台幣", cur(b"TWD")),
    ("台币", cur(b"TWD")),
    ("台幣", cur(b"TWD")),
    ("新加坡元", cur(b"SGD")),
    ("新元", cur(b"SGD")),
    ("瑞士法郎", cur(b"CHF")),
    ("瑞郎", cur(b"CHF")),
    ("卢布", cur(b"RUB")),
    ("盧布", cur(b"RUB")),
    ("卢比", cur(b"INR")),
    ("盧比", cur(b"INR")),
    ("泰铢", cur(b"THB")),
    ("林吉特", cur(b"MYR")),
    ("雷亚尔", cur(b"BRL")),
    ("兰特", cur(b"ZAR")),
    ("里拉", cur(b"TRY")),
    ("加币", cur(b"CAD")),
    ("澳币", cur(b"AUD")),
    ("纽元", cur(b"NZD")),
    ("歐元", cur(b"EUR")),
    ("英鎊", cur(b"GBP")),
    ("港幣", cur(b"HKD")),
    ("日圓", cur(b"JPY")),
    ("韓元", cur(b"KRW")),
    ("人民幣", cur(b"CNY")),
    ("公噸", T),
    ("噸", T),
    ("美元", cur(b"USD")),
    ("美金", cur(b"USD")),
    ("欧元", cur(b"EUR")),
    ("日元", cur(b"JPY")),
    ("円", cur(b"JPY")),
    ("澳元", cur(b"AUD")),
    ("英镑", cur(b"GBP")),
    ("港元", cur(b"HKD")),
    ("港币", cur(b"HKD")),
    ("加元", cur(b"CAD")),
    ("韩元", cur(b"KRW")),
    ("人民币", cur(b"CNY")),
    ("元", cur(b"CNY")),
    ("公吨", T),
    ("吨", T),
    ("公斤", KG),
    ("千克", KG),
    ("吉瓦时", GWH),
    ("天", DAY),
    ("个星期", WEEK),
    ("星期", WEEK),
    ("周", WEEK),
    ("个月", MONTH),
    ("个小时", HOUR),
    ("小时", HOUR),
    (
        "年",
        UnitSpec {
            unit: Unit::Year,
            factor: 1.0,
            kind: Kind::CnYear,
        },
    ),
];

/// A Chinese unit; 周年 (anniversary), 年代 (decade of a century) and 年度 (fiscal year)
/// are not durations.
fn chinese_unit(i: &str) -> Res<'_, UnitSpec> {
    verify(word_table(CHINESE), |_| {
        !["周年", "年代", "年度"].iter().any(|w| i.starts_with(w))
            // 成 is tenths only where it does not start a word: 成为, 成本, 一成不变.
            && !i
                .strip_prefix('成')
                .is_some_and(|r| r.starts_with(|c| "为為本立功交员員果绩績长長就都熟型品年人了不".contains(c)))
    })
    .parse(i)
}

/// The unit after a number (and its scale).
pub fn unit_suffix(i: &str) -> Res<'_, UnitSpec> {
    alt((
        preceded(ws0, word_table(SYMBOLS)),
        suffix_sign,
        // A lone "t" only glued ("10t"): spaced, it is too often something else.
        kw("t").map(|_| T),
        preceded(ws1, word_table(CURRENCY_WORDS)),
        preceded(ws1, word_table(WORDS)),
        preceded(tag("-"), word_table(HYPHENATED)).map(|u| match u.kind {
            Kind::Plain => UnitSpec {
                kind: Kind::Hyphen,
                ..u
            },
            _ => u,
        }),
        chinese_unit,
    ))
    .parse(i)
}

/// After a currency sign only a currency word may follow ("$5 billion dollars"), and ¥
/// learns from it whether it is yuan or yen.
pub fn currency_suffix(i: &str) -> Res<'_, UnitSpec> {
    alt((
        preceded(ws1, word_table(CURRENCY_WORDS)),
        verify(word_table(CHINESE), |s| matches!(s.unit, Unit::Currency(_))),
    ))
    .parse(i)
}

/// What "per" counts, normalized: tonne/ton/t/吨 → "t", share/股 → "share".
const PER_WORDS: &[(&str, &str)] = &[
    ("metric tonne", "t"),
    ("metric ton", "t"),
    ("tonne", "t"),
    ("ton", "t"),
    ("t", "t"),
    ("share", "share"),
    ("kilogram", "kg"),
    ("kg", "kg"),
    ("year", "year"),
    ("annum", "year"),
    ("month", "month"),
    ("week", "week"),
    ("day", "day"),
    ("barrel", "barrel"),
    ("ounce", "oz"),
    ("oz", "oz"),
    ("person", "person"),
    ("capita", "person"),
    ("head", "person"),
    ("hour", "hour"),
    ("MWh", "MWh"),
    ("kWh", "kWh"),
    ("GWh", "GWh"),
    ("unit", "unit"),
    ("vehicle", "vehicle"),
];

/// The same in Chinese: 每股, 每吨, 490美元/吨.
const PER_CHINESE: &[(&str, &str)] = &[
    ("股", "share"),
    ("公噸", "t"),
    ("噸", "t"),
    ("公吨", "t"),
    ("吨", "t"),
    ("公斤", "kg"),
    ("千克", "kg"),
    ("桶", "barrel"),
    ("盎司", "oz"),
    ("年", "year"),
    ("月", "month"),
    ("周", "week"),
    ("天", "day"),
    ("日", "day"),
    ("人", "person"),
    ("小时", "hour"),
    ("辆", "vehicle"),
];

/// A per table as a parser over the input's lifetime.
fn per_table<'a>(
    table: &'static [(&'static str, &'static str)],
) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i| word_table(table)(i)
}

/// 每股, 每吨 before a number.
pub fn per_prefix(i: &str) -> Res<'_, &str> {
    preceded(tag("每"), per_table(PER_CHINESE)).parse(i)
}

/// "per share", "a tonne", "/t", "/吨", "每吨" after a unit. After "per" any single word
/// counts ("per vehicle"); after "a" only the known ones ("$5 a share", not "$5 a piece of").
pub fn per_suffix(i: &str) -> Res<'_, &str> {
    let any_word = take_while1(|c: char| c.is_ascii_alphabetic());
    alt((
        preceded((ws1, kw("per"), ws1), alt((per_table(PER_WORDS), any_word))),
        preceded((ws1, alt((kw("an"), kw("a"))), ws1), per_table(PER_WORDS)),
        preceded(
            (ws0, char('/'), ws0),
            alt((per_table(PER_WORDS), per_table(PER_CHINESE))),
        ),
        per_prefix,
    ))
    .parse(i)
}
