//! The generated paraphrase set for `quantity-conflict`: a yardstick written apart
//! from the extractor. A *fact* (subject, measure, value, unit, period, modality,
//! scope) is rendered by two outlets (`a.txt`, `b.txt`), each through a randomly
//! chosen English or Chinese template, among one to three sentences with other
//! figures of the same story (other measures in the same unit, the year before, the
//! share price, the headcount). Every figure a story states more than once has the
//! same value everywhere, so the only conflict a case can hold is its target.
//!
//! Labels: `must-flag` when b gives the target a value changed beyond tolerance
//! (by 30% or more, the rule's tolerance being 2%); `must-not` when b gives the same
//! value in other words, or a changed value together with a changed period,
//! subject, modality (actual against a target or forecast), scope ("another 500
//! jobs") or measure class (capacity against output, profit against revenue).
//!
//! The templates are written as a news writer would write them and are never to be
//! edited to fit the parser. `generate(seed, n)` is pure: the same seed gives the
//! same cases byte for byte (splitmix64, no crate generator).

#![allow(dead_code)]
// `*rng.pick(&[..])` names the element type the literal arrays need.
#![allow(clippy::explicit_auto_deref)]

use std::ops::Range;

// ---------------------------------------------------------------- random numbers

/// splitmix64: small, seedable and stable across versions.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

// ---------------------------------------------------------------- templates

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

pub struct Template {
    pub family: &'static str,
    pub lang: Lang,
    pub text: &'static str,
}

impl Template {
    /// Forecast and target templates carry a modal slot; only they render a
    /// forecast, and they never render an actual figure.
    pub fn modal(&self) -> bool {
        self.family == "en-forecast" || self.family == "zh-预计"
    }
    pub fn headline(&self) -> bool {
        self.family == "en-headline" || self.family == "zh-标题"
    }
    /// The figure is the object of the measure's verb, where "another" or 又 can go.
    pub fn scoped(&self) -> bool {
        self.text.contains("{VP}") || self.text.contains("{BASE}")
    }
}

/// Slots. English: {S} subject, {Sp} its possessive, {N} a wording of the measure,
/// {VP} a past-tense verb phrase holding the figure, {BASE} its base form, {PASS} a
/// passive clause holding the figure, {BY} "by" (a company) or "in" (a country),
/// {V} the figure, {P} the period ("in 2024", "last year", "in the first quarter of
/// 2024"), {Pn} the period as a modifier ("2024", "first-quarter"), {Pfor} "for
/// 2024", {SRC} a source, {WHO} a spokesperson, {M} "expects to" / "had planned to",
/// {TGT} "is targeting" / "had targeted", {BEX} "is expected to" / "had been
/// expected to", {Msaid} "planned to" / "had planned to". Chinese: {S}, {N}, {VP},
/// {BASE}, {V}, {P} (2024年, 去年, 一季度), {SRC}, {MZ} 预计/原计划, {MZ2} 预计将/原预计.
pub const EN: &[(&str, &str)] = &[
    ("en-subject-verb", "{S} {VP} {P}."),
    ("en-subject-verb", "{S} {VP} {P}, officials said."),
    ("en-subject-verb", "{S} {VP} {P}, beating its own guidance."),
    ("en-subject-verb", "{S} {VP} {P} as demand held up."),
    (
        "en-subject-verb",
        "Despite a difficult market, {S} {VP} {P}.",
    ),
    ("en-nominal", "{Sp} {N} {WAS} {V} {P}."),
    ("en-nominal", "{Sp} {N} reached {V} {P}."),
    ("en-nominal", "{Sp} {N} came in at {V} {P}."),
    (
        "en-nominal",
        "{Sp} {N} totalled {V} {P}, in line with forecasts.",
    ),
    ("en-nominal", "{Sp} {N} stood at {V} {P}."),
    ("en-nominal", "{Sp} {Pn} {N} amounted to {V}."),
    ("en-nominal-of", "{S} reported {N} of {V} {P}."),
    ("en-nominal-of", "{S} posted {N} of {V} {P}."),
    ("en-nominal-of", "{N} {AT} {S} {WAS} {V} {P}."),
    ("en-nominal-of", "The {N} of {S} reached {V} {P}."),
    ("en-nominal-of", "{S} recorded {Pn} {N} of {V}."),
    ("en-figure-first", "{V}: that was {Sp} {N} {P}."),
    (
        "en-figure-first",
        "At {V}, {Sp} {N} {P} was the highest in five years.",
    ),
    (
        "en-figure-first",
        "{V} was the {N} figure that {S} reported {P}.",
    ),
    (
        "en-figure-first",
        "{V} — {Sp} {N} {P} — beat analysts' estimates.",
    ),
    ("en-fronted-period", "{P}, {S} {VP}."),
    ("en-fronted-period", "{P}, {Sp} {N} {WAS} {V}."),
    ("en-fronted-period", "{P}, {S} reported {N} of {V}."),
    ("en-fronted-period", "{P} {S} {VP}, it said on its website."),
    ("en-fronted-period", "{P}, {N} {AT} {S} rose to {V}."),
    ("en-passive", "{PASS} {BY} {S} {P}."),
    ("en-passive", "{P}, {PASS} {BY} {S}."),
    ("en-passive", "{N} of {V} {WAS} reported {BY} {S} {P}."),
    (
        "en-passive",
        "{PASS} {BY} {S} {P}, figures published on Monday showed.",
    ),
    ("en-place-subject", "{IN} {S}, {N} reached {V} {P}."),
    ("en-place-subject", "{S} saw {N} of {V} {P}."),
    ("en-place-subject", "{IN} {S}, {N} came to {V} {P}."),
    (
        "en-place-subject",
        "{S} logged {N} of {V} {P}, the data show.",
    ),
    (
        "en-attribution",
        "{N} {AT} {S} {WAS} {V} {P}, according to {SRC}.",
    ),
    ("en-attribution", "According to {SRC}, {S} {VP} {P}."),
    ("en-attribution", "\"We {VP} {P},\" said {WHO} of {S}."),
    (
        "en-attribution",
        "{S} said in a statement that it {VP} {P}.",
    ),
    ("en-attribution", "{SRC} showed {Sp} {N} at {V} {P}."),
    ("en-headline", "{S} {N} hits {V} in {Pn}"),
    ("en-headline", "{Sp} {Pn} {N} at {V}"),
    ("en-headline", "{S} reports {Pn} {N} of {V}"),
    ("en-forecast", "{S} {M} {BASE} {P}."),
    ("en-forecast", "{P}, {S} {M} {BASE}."),
    ("en-forecast", "{S} {TGT} {N} of {V} {Pfor}."),
    ("en-forecast", "{Sp} {N} {BEX} reach {V} {P}."),
    ("en-forecast", "{S} said it {Msaid} {BASE} {P}."),
    ("en-forecast", "According to {SRC}, {S} {M} {BASE} {P}."),
];

pub const ZH: &[(&str, &str)] = &[
    ("zh-主谓", "{S}{P}{VP}。"),
    ("zh-主谓", "{S}{P}{VP}，高于市场预期。"),
    ("zh-主谓", "{S}表示，公司{P}{VP}。"),
    ("zh-主谓", "尽管市场低迷，{S}{P}仍{VP}。"),
    ("zh-主谓", "{S}{P}{N}达{V}。"),
    ("zh-的字结构", "{S}{P}的{N}为{V}。"),
    ("zh-的字结构", "{S}{P}的{N}达到{V}，符合预期。"),
    ("zh-的字结构", "{S}{P}的{N}是{V}。"),
    ("zh-的字结构", "{S}的{N}{P}录得{V}。"),
    ("zh-时间前置", "{P}，{S}{VP}。"),
    ("zh-时间前置", "{P}，{S}{N}为{V}。"),
    ("zh-时间前置", "{P}{S}{N}录得{V}。"),
    ("zh-时间前置", "{P}，{S}的{N}升至{V}。"),
    ("zh-被动/由", "{P}，{S}的{N}被确认为{V}。"),
    ("zh-被动/由", "{V}的{N}由{S}于{P}录得。"),
    ("zh-被动/由", "{S}{P}的{N}经统计为{V}。"),
    ("zh-数字前置", "{V}——这是{S}{P}的{N}。"),
    ("zh-数字前置", "{V}，{S}{P}{N}创五年来新高。"),
    ("zh-数字前置", "{V}：{S}公布了{P}的{N}。"),
    ("zh-归属", "据{SRC}，{S}{P}{N}为{V}。"),
    ("zh-归属", "{SRC}显示，{S}{P}{VP}。"),
    ("zh-归属", "{S}在声明中称，{P}{VP}。"),
    ("zh-标题", "{S}{P}{N}达{V}"),
    ("zh-标题", "{S}{P}{N}为{V}"),
    ("zh-预计", "{S}{MZ}{P}{BASE}。"),
    ("zh-预计", "{P}，{S}{MZ}{BASE}。"),
    ("zh-预计", "{S}{P}的{N}{MZ2}达到{V}。"),
    ("zh-预计", "据{SRC}，{S}{MZ}{P}{BASE}。"),
];

pub fn templates() -> Vec<Template> {
    let en = EN.iter().map(|&(family, text)| Template {
        family,
        lang: Lang::En,
        text,
    });
    let zh = ZH.iter().map(|&(family, text)| Template {
        family,
        lang: Lang::Zh,
        text,
    });
    en.chain(zh).collect()
}

/// Every family, in template order.
pub fn families() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (f, _) in EN.iter().chain(ZH) {
        if !out.contains(f) {
            out.push(f);
        }
    }
    out
}

// ---------------------------------------------------------------- the world

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Company,
    Country,
}

#[derive(Clone, Copy)]
pub struct Subject {
    /// For a company: `mining`, `oil`, `auto`, or `any` (a business of any kind).
    pub sector: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub kind: Kind,
    /// A real country: its names are in the knowledge base, so an English and a
    /// Chinese article can be paired.
    pub real: bool,
}

const fn co(sector: &'static str, en: &'static str, zh: &'static str) -> Subject {
    Subject {
        sector,
        en,
        zh,
        kind: Kind::Company,
        real: false,
    }
}
const fn land(en: &'static str, zh: &'static str, real: bool) -> Subject {
    Subject {
        sector: "any",
        en,
        zh,
        kind: Kind::Country,
        real,
    }
}

pub const COMPANIES: &[Subject] = &[
    co("any", "Veltrac Corp", "维尔特拉克公司"),
    co("mining", "Norcastle Mining", "诺卡斯尔矿业"),
    co("any", "Dornmark Group", "多恩马克集团"),
    co("oil", "Quillon Energy", "奎隆能源"),
    co("auto", "Halvern Motors", "哈尔文汽车"),
    co("any", "Sarrow Holdings", "萨罗控股"),
    co("mining", "Kestrel Resources", "凯斯特尔资源"),
    co("any", "Tavish Industries", "塔维什工业"),
    co("any", "Corvane Ltd", "科尔文有限公司"),
    co("oil", "Ashmoor Petroleum", "阿什莫尔石油"),
    co("auto", "Lindqvist Auto", "林德奎斯特汽车"),
    co("any", "Zephra Chemicals", "泽弗拉化工"),
    co("any", "Brannock Foods", "布兰诺克食品"),
    co("any", "Orvella Telecom", "奥维拉电信"),
    co("mining", "Ridgeback Copper", "里奇巴克铜业"),
    co("oil", "Pelmora Oil", "佩尔莫拉石油"),
    co("auto", "Castellan Cars", "卡斯特兰汽车"),
];

pub const COUNTRIES: &[Subject] = &[
    land("Norland", "诺兰", false),
    land("Estoria", "埃斯托里亚", false),
    land("Valdonia", "瓦尔多尼亚", false),
    land("Marovia", "马罗维亚", false),
    land("Kestland", "凯斯特兰", false),
    land("Chile", "智利", true),
    land("Poland", "波兰", true),
    land("Kenya", "肯尼亚", true),
    land("Vietnam", "越南", true),
    land("Canada", "加拿大", true),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Tonnes,
    Barrels,
    Money,
    Percent,
    Count,
}

pub struct Measure {
    pub class: &'static str,
    pub noun: &'static [&'static str],
    pub vp: &'static [&'static str],
    pub base: &'static [&'static str],
    pub pass: &'static [&'static str],
    pub zh_noun: &'static [&'static str],
    pub zh_vp: &'static [&'static str],
    pub zh_base: &'static [&'static str],
    /// What a count counts ("jobs"; "个岗位").
    pub count: &'static [&'static str],
    pub zh_count: &'static [&'static str],
    /// Its value relative to the topic's main measure.
    pub rel: (f64, f64),
}

pub struct Topic {
    pub name: &'static str,
    /// The companies that report it: a sector, or `any`.
    pub sector: &'static str,
    pub kinds: &'static [Kind],
    pub unit: Unit,
    /// Range of the main measure's value.
    pub lo: f64,
    pub hi: f64,
    /// Reported for whole years only (a harvest, a population, a budget).
    pub annual: bool,
    /// "another", 又: whether an additional amount reads naturally.
    pub scope: bool,
    /// measures[0] is the target's; the others are other classes in the same unit.
    pub measures: &'static [Measure],
}

const NONE: &[&str] = &[];

pub const TOPICS: &[Topic] = &[
    Topic {
        name: "copper",
        annual: false,
        sector: "mining",
        kinds: &[Kind::Company, Kind::Country],
        unit: Unit::Tonnes,
        lo: 40_000.0,
        hi: 2_500_000.0,
        scope: true,
        measures: &[
            Measure {
                class: "output",
                noun: &[
                    "copper output",
                    "copper production",
                    "copper mine output",
                    "mined copper output",
                ],
                vp: &[
                    "produced {V} of copper",
                    "mined {V} of copper",
                    "turned out {V} of copper",
                ],
                base: &["produce {V} of copper", "mine {V} of copper"],
                pass: &["{V} of copper was produced", "{V} of copper was mined"],
                zh_noun: &["铜产量", "产铜量"],
                zh_vp: &["生产了{V}铜", "产铜{V}", "开采了{V}铜"],
                zh_base: &["生产{V}铜", "产铜{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "capacity",
                noun: &[
                    "copper production capacity",
                    "annual copper capacity",
                    "smelting capacity",
                ],
                vp: &[
                    "had capacity to produce {V} of copper a year",
                    "completed smelting capacity of {V}",
                ],
                base: &["build capacity to produce {V} of copper a year"],
                pass: &["capacity of {V} a year was installed"],
                zh_noun: &["铜产能", "冶炼产能"],
                zh_vp: &["形成了{V}的年产能", "具备了{V}铜冶炼产能"],
                zh_base: &["形成{V}的铜产能"],
                count: NONE,
                zh_count: NONE,
                rel: (1.15, 1.6),
            },
            Measure {
                class: "exports",
                noun: &["copper exports", "copper shipments abroad"],
                vp: &["exported {V} of copper", "shipped {V} of copper abroad"],
                base: &["export {V} of copper"],
                pass: &["{V} of copper was exported"],
                zh_noun: &["铜出口量"],
                zh_vp: &["出口了{V}铜"],
                zh_base: &["出口{V}铜"],
                count: NONE,
                zh_count: NONE,
                rel: (0.3, 0.8),
            },
        ],
    },
    Topic {
        name: "oil",
        annual: false,
        sector: "oil",
        kinds: &[Kind::Company, Kind::Country],
        unit: Unit::Barrels,
        lo: 5_000_000.0,
        hi: 900_000_000.0,
        scope: true,
        measures: &[
            Measure {
                class: "output",
                noun: &["oil output", "crude production", "oil production"],
                vp: &["pumped {V} of crude", "produced {V} of oil"],
                base: &["pump {V} of crude", "produce {V} of oil"],
                pass: &["{V} of crude were pumped", "{V} of oil were produced"],
                zh_noun: &["原油产量", "石油产量"],
                zh_vp: &["生产了{V}原油", "开采了{V}原油"],
                zh_base: &["生产{V}原油", "开采{V}原油"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "exports",
                noun: &["crude exports", "oil exports"],
                vp: &["exported {V} of crude", "shipped {V} of oil abroad"],
                base: &["export {V} of crude"],
                pass: &["{V} of crude were exported"],
                zh_noun: &["原油出口量"],
                zh_vp: &["出口了{V}原油"],
                zh_base: &["出口{V}原油"],
                count: NONE,
                zh_count: NONE,
                rel: (0.3, 0.8),
            },
            Measure {
                class: "reserves",
                noun: &["proven oil reserves", "proven reserves"],
                vp: &[
                    "held proven reserves of {V}",
                    "booked proven reserves of {V}",
                ],
                base: &["book proven reserves of {V}"],
                pass: &["proven reserves of {V} were booked"],
                zh_noun: &["原油探明储量", "探明储量"],
                zh_vp: &["拥有{V}探明原油储量"],
                zh_base: &["新增探明储量至{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (8.0, 30.0),
            },
        ],
    },
    Topic {
        name: "wheat",
        annual: true,
        sector: "any",
        kinds: &[Kind::Country],
        unit: Unit::Tonnes,
        lo: 800_000.0,
        hi: 40_000_000.0,
        scope: false,
        measures: &[
            Measure {
                class: "output",
                noun: &["wheat output", "wheat production", "wheat harvest"],
                vp: &[
                    "harvested {V} of wheat",
                    "produced {V} of wheat",
                    "grew {V} of wheat",
                ],
                base: &["harvest {V} of wheat", "produce {V} of wheat"],
                pass: &["{V} of wheat was harvested", "{V} of wheat was grown"],
                zh_noun: &["小麦产量"],
                zh_vp: &["生产了{V}小麦", "收获了{V}小麦"],
                zh_base: &["生产{V}小麦", "收获{V}小麦"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "exports",
                noun: &["wheat exports", "wheat shipments abroad"],
                vp: &["exported {V} of wheat", "shipped {V} of wheat abroad"],
                base: &["export {V} of wheat"],
                pass: &["{V} of wheat was exported"],
                zh_noun: &["小麦出口量"],
                zh_vp: &["出口了{V}小麦"],
                zh_base: &["出口{V}小麦"],
                count: NONE,
                zh_count: NONE,
                rel: (0.2, 0.7),
            },
            Measure {
                class: "stocks",
                noun: &["wheat stocks", "wheat reserves in storage"],
                vp: &["held {V} of wheat in storage"],
                base: &["keep {V} of wheat in storage"],
                pass: &["{V} of wheat was held in storage"],
                zh_noun: &["小麦库存", "小麦储备"],
                zh_vp: &["储备了{V}小麦"],
                zh_base: &["储备{V}小麦"],
                count: NONE,
                zh_count: NONE,
                rel: (0.1, 0.4),
            },
        ],
    },
    Topic {
        name: "revenue",
        annual: false,
        sector: "any",
        kinds: &[Kind::Company],
        unit: Unit::Money,
        lo: 300e6,
        hi: 60e9,
        scope: false,
        measures: &[
            Measure {
                class: "revenue",
                noun: &["revenue", "sales", "turnover"],
                vp: &[
                    "took in {V} in revenue",
                    "booked revenue of {V}",
                    "generated {V} in sales",
                ],
                base: &["generate {V} in revenue", "book revenue of {V}"],
                pass: &["revenue of {V} was booked", "sales of {V} were recorded"],
                zh_noun: &["营业收入", "营收", "销售收入"],
                zh_vp: &["实现营收{V}", "录得营业收入{V}", "取得销售收入{V}"],
                zh_base: &["实现营收{V}", "取得销售收入{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "profit",
                noun: &["net profit", "net income", "profit"],
                vp: &[
                    "earned {V}",
                    "made a net profit of {V}",
                    "booked net income of {V}",
                ],
                base: &["earn {V}", "make a net profit of {V}"],
                pass: &["a net profit of {V} was booked"],
                zh_noun: &["净利润", "纯利"],
                zh_vp: &["实现净利润{V}", "录得净利润{V}", "盈利{V}"],
                zh_base: &["实现净利润{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (0.04, 0.2),
            },
            Measure {
                class: "capex",
                noun: &["capital spending", "capital expenditure"],
                vp: &[
                    "spent {V} on new plants and equipment",
                    "invested {V} in new capacity",
                ],
                base: &[
                    "spend {V} on new plants and equipment",
                    "invest {V} in new capacity",
                ],
                pass: &["{V} was spent on new plants and equipment"],
                zh_noun: &["资本开支", "资本支出"],
                zh_vp: &["投入了{V}资本开支", "在新产能上投资了{V}"],
                zh_base: &["投入{V}资本开支"],
                count: NONE,
                zh_count: NONE,
                rel: (0.1, 0.4),
            },
        ],
    },
    Topic {
        name: "buyback",
        annual: false,
        sector: "any",
        kinds: &[Kind::Company],
        unit: Unit::Money,
        lo: 100e6,
        hi: 8e9,
        scope: true,
        measures: &[
            Measure {
                class: "buyback",
                noun: &["share buybacks", "share repurchases", "buybacks"],
                vp: &["bought back {V} of its shares", "repurchased {V} of stock"],
                base: &["buy back {V} of its shares", "repurchase {V} of stock"],
                pass: &[
                    "{V} of shares were bought back",
                    "{V} of stock was repurchased",
                ],
                zh_noun: &["股票回购金额", "回购规模"],
                zh_vp: &["回购了{V}股票", "斥资{V}回购股份"],
                zh_base: &["回购{V}股票", "斥资{V}回购股份"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "dividends",
                noun: &["dividend payments", "dividends"],
                vp: &["paid out {V} in dividends", "paid {V} in dividends"],
                base: &["pay out {V} in dividends"],
                pass: &["{V} was paid out in dividends"],
                zh_noun: &["派息总额", "现金分红"],
                zh_vp: &["派发了{V}股息", "现金分红{V}"],
                zh_base: &["派发{V}股息"],
                count: NONE,
                zh_count: NONE,
                rel: (0.2, 0.6),
            },
        ],
    },
    Topic {
        name: "job-cuts",
        annual: false,
        sector: "any",
        kinds: &[Kind::Company],
        unit: Unit::Count,
        lo: 300.0,
        hi: 15_000.0,
        scope: true,
        measures: &[
            Measure {
                class: "jobs-cut",
                noun: &["job cuts", "layoffs"],
                vp: &["cut {V}", "eliminated {V}", "shed {V}", "axed {V}"],
                base: &["cut {V}", "eliminate {V}", "shed {V}"],
                pass: &["{V} were cut", "{V} were eliminated"],
                zh_noun: &["裁员人数", "裁员规模"],
                zh_vp: &["裁减了{V}", "削减了{V}"],
                zh_base: &["裁减{V}", "削减{V}"],
                count: &["jobs", "positions", "roles"],
                zh_count: &["个岗位", "个工作岗位"],
                rel: (1.0, 1.0),
            },
            Measure {
                class: "jobs-added",
                noun: &["new hires", "hiring"],
                vp: &["added {V}", "created {V}"],
                base: &["add {V}", "create {V}"],
                pass: &["{V} were created"],
                zh_noun: &["新增岗位", "新增就业岗位"],
                zh_vp: &["新增了{V}", "创造了{V}"],
                zh_base: &["新增{V}", "创造{V}"],
                count: &["jobs", "positions"],
                zh_count: &["个岗位", "个工作岗位"],
                rel: (0.2, 0.8),
            },
        ],
    },
    Topic {
        name: "car-sales",
        annual: false,
        sector: "auto",
        kinds: &[Kind::Company],
        unit: Unit::Count,
        lo: 20_000.0,
        hi: 3_000_000.0,
        scope: true,
        measures: &[
            Measure {
                class: "sales",
                noun: &["car sales", "vehicle sales", "deliveries"],
                vp: &["sold {V}", "delivered {V}"],
                base: &["sell {V}", "deliver {V}"],
                pass: &["{V} were sold", "{V} were delivered"],
                zh_noun: &["汽车销量", "销量", "交付量"],
                zh_vp: &["售出了{V}", "销售了{V}", "交付了{V}"],
                zh_base: &["销售{V}", "交付{V}"],
                count: &["cars", "vehicles"],
                zh_count: &["辆汽车", "辆"],
                rel: (1.0, 1.0),
            },
            Measure {
                class: "production",
                noun: &["car production", "vehicle output"],
                vp: &["built {V}", "produced {V}"],
                base: &["build {V}", "produce {V}"],
                pass: &["{V} were built"],
                zh_noun: &["汽车产量", "整车产量"],
                zh_vp: &["生产了{V}", "制造了{V}"],
                zh_base: &["生产{V}"],
                count: &["cars", "vehicles"],
                zh_count: &["辆汽车", "辆"],
                rel: (1.05, 1.4),
            },
            Measure {
                class: "exports",
                noun: &["car exports", "vehicle exports"],
                vp: &["exported {V}", "shipped {V} abroad"],
                base: &["export {V}"],
                pass: &["{V} were exported"],
                zh_noun: &["汽车出口量", "出口量"],
                zh_vp: &["出口了{V}"],
                zh_base: &["出口{V}"],
                count: &["cars", "vehicles"],
                zh_count: &["辆汽车", "辆"],
                rel: (0.2, 0.6),
            },
        ],
    },
    Topic {
        name: "unemployment",
        annual: false,
        sector: "any",
        kinds: &[Kind::Country],
        unit: Unit::Percent,
        lo: 3.0,
        hi: 12.0,
        scope: false,
        measures: &[
            Measure {
                class: "unemployment",
                noun: &["unemployment rate", "jobless rate"],
                vp: &["recorded unemployment of {V}", "had a jobless rate of {V}"],
                base: &["bring unemployment down to {V}", "hold unemployment at {V}"],
                pass: &["an unemployment rate of {V} was recorded"],
                zh_noun: &["失业率", "城镇调查失业率"],
                zh_vp: &["失业率录得{V}", "的失业率为{V}"],
                zh_base: &["将失业率控制在{V}", "把失业率降至{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "youth-unemployment",
                noun: &["youth unemployment rate", "youth jobless rate"],
                vp: &["recorded youth unemployment of {V}"],
                base: &["bring youth unemployment down to {V}"],
                pass: &["a youth unemployment rate of {V} was recorded"],
                zh_noun: &["青年失业率"],
                zh_vp: &["青年失业率录得{V}"],
                zh_base: &["将青年失业率降至{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.6, 2.5),
            },
            Measure {
                class: "long-term-unemployment",
                noun: &["long-term unemployment rate", "long-term jobless rate"],
                vp: &["recorded long-term unemployment of {V}"],
                base: &["bring long-term unemployment down to {V}"],
                pass: &["a long-term unemployment rate of {V} was recorded"],
                zh_noun: &["长期失业率"],
                zh_vp: &["长期失业率录得{V}"],
                zh_base: &["将长期失业率降至{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (0.3, 0.6),
            },
        ],
    },
    Topic {
        name: "inflation",
        annual: false,
        sector: "any",
        kinds: &[Kind::Country],
        unit: Unit::Percent,
        lo: 1.2,
        hi: 9.0,
        scope: false,
        measures: &[
            Measure {
                class: "inflation",
                noun: &["inflation", "consumer price inflation", "annual inflation"],
                vp: &["recorded inflation of {V}", "saw consumer prices rise {V}"],
                base: &["bring inflation down to {V}", "keep inflation at {V}"],
                pass: &["inflation of {V} was recorded"],
                zh_noun: &["通胀率", "居民消费价格涨幅"],
                zh_vp: &["居民消费价格上涨了{V}", "通胀率录得{V}"],
                zh_base: &["将通胀率控制在{V}", "把通胀率降至{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "core-inflation",
                noun: &["core inflation"],
                vp: &["recorded core inflation of {V}"],
                base: &["bring core inflation down to {V}"],
                pass: &["core inflation of {V} was recorded"],
                zh_noun: &["核心通胀率"],
                zh_vp: &["核心通胀率录得{V}"],
                zh_base: &["将核心通胀率降至{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (0.6, 0.8),
            },
            Measure {
                class: "producer-prices",
                noun: &["producer price inflation"],
                vp: &["saw producer prices rise {V}"],
                base: &["hold producer price inflation at {V}"],
                pass: &["producer price inflation of {V} was recorded"],
                zh_noun: &["工业生产者出厂价格涨幅"],
                zh_vp: &["工业生产者出厂价格上涨了{V}"],
                zh_base: &["将工业品价格涨幅控制在{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.3, 2.0),
            },
        ],
    },
    Topic {
        name: "gdp-growth",
        annual: false,
        sector: "any",
        kinds: &[Kind::Country],
        unit: Unit::Percent,
        lo: 0.8,
        hi: 7.5,
        scope: false,
        measures: &[
            Measure {
                class: "gdp-growth",
                noun: &[
                    "GDP growth",
                    "economic growth",
                    "growth in gross domestic product",
                ],
                vp: &[
                    "grew {V}",
                    "saw its economy expand {V}",
                    "posted economic growth of {V}",
                ],
                base: &["grow {V}", "achieve economic growth of {V}"],
                pass: &["economic growth of {V} was recorded"],
                zh_noun: &["GDP增速", "经济增速", "国内生产总值增速"],
                zh_vp: &["经济增长了{V}", "国内生产总值增长{V}"],
                zh_base: &["实现{V}的经济增长", "经济增长{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "deficit",
                noun: &["budget deficit", "fiscal deficit"],
                vp: &["ran a budget deficit of {V} of GDP"],
                base: &["cut the budget deficit to {V} of GDP"],
                pass: &["a budget deficit of {V} of GDP was recorded"],
                zh_noun: &["财政赤字率"],
                zh_vp: &["财政赤字率为{V}"],
                zh_base: &["将财政赤字率压低至{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (0.8, 1.8),
            },
        ],
    },
    Topic {
        name: "defence-budget",
        annual: true,
        sector: "any",
        kinds: &[Kind::Country],
        unit: Unit::Money,
        lo: 2e9,
        hi: 80e9,
        scope: true,
        measures: &[
            Measure {
                class: "defence",
                noun: &["defence spending", "military spending", "defence budget"],
                vp: &["spent {V} on defence", "allocated {V} to the armed forces"],
                base: &["spend {V} on defence", "allocate {V} to the armed forces"],
                pass: &[
                    "{V} was spent on defence",
                    "{V} was allocated to the armed forces",
                ],
                zh_noun: &["国防开支", "国防预算"],
                zh_vp: &["在国防上支出了{V}", "向军队拨款{V}"],
                zh_base: &["在国防上支出{V}", "安排国防预算{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "education",
                noun: &["education spending", "the education budget"],
                vp: &["spent {V} on education", "allocated {V} to schools"],
                base: &["spend {V} on education"],
                pass: &["{V} was spent on education"],
                zh_noun: &["教育支出", "教育经费"],
                zh_vp: &["在教育上支出了{V}"],
                zh_base: &["在教育上支出{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (0.8, 1.5),
            },
        ],
    },
    Topic {
        name: "emissions",
        annual: false,
        sector: "any",
        kinds: &[Kind::Company, Kind::Country],
        unit: Unit::Tonnes,
        lo: 500_000.0,
        hi: 90_000_000.0,
        scope: false,
        measures: &[
            Measure {
                class: "emissions",
                noun: &[
                    "carbon emissions",
                    "CO2 emissions",
                    "greenhouse gas emissions",
                ],
                vp: &["emitted {V} of carbon dioxide", "released {V} of CO2"],
                base: &["cut emissions to {V}", "limit emissions to {V}"],
                pass: &[
                    "{V} of carbon dioxide was emitted",
                    "{V} of CO2 was released",
                ],
                zh_noun: &["碳排放量", "二氧化碳排放量"],
                zh_vp: &["排放了{V}二氧化碳", "碳排放量为{V}"],
                zh_base: &["将碳排放降至{V}", "把排放量控制在{V}"],
                count: NONE,
                zh_count: NONE,
                rel: (1.0, 1.0),
            },
            Measure {
                class: "offsets",
                noun: &["carbon offset purchases", "carbon offsets"],
                vp: &["bought offsets covering {V} of CO2"],
                base: &["buy offsets covering {V} of CO2"],
                pass: &["offsets covering {V} of CO2 were bought"],
                zh_noun: &["碳抵消量"],
                zh_vp: &["购买了{V}碳抵消额度"],
                zh_base: &["购买{V}碳抵消额度"],
                count: NONE,
                zh_count: NONE,
                rel: (0.05, 0.3),
            },
        ],
    },
    Topic {
        name: "population",
        annual: true,
        sector: "any",
        kinds: &[Kind::Country],
        unit: Unit::Count,
        lo: 1_000_000.0,
        hi: 90_000_000.0,
        scope: false,
        measures: &[
            Measure {
                class: "population",
                noun: &["population", "resident population"],
                vp: &["had a population of {V}", "was home to {V}"],
                base: &["reach a population of {V}"],
                pass: &["a population of {V} was counted"],
                zh_noun: &["人口", "常住人口"],
                zh_vp: &["常住人口达{V}", "拥有{V}人口"],
                zh_base: &["人口达到{V}"],
                count: &["people", "residents", "inhabitants"],
                zh_count: &["人"],
                rel: (1.0, 1.0),
            },
            Measure {
                class: "labour-force",
                noun: &["labour force", "workforce"],
                vp: &[
                    "had a labour force of {V}",
                    "counted {V} in work or looking for it",
                ],
                base: &["grow its labour force to {V}"],
                pass: &["a labour force of {V} was counted"],
                zh_noun: &["劳动力人口", "劳动力总数"],
                zh_vp: &["劳动力人口达{V}"],
                zh_base: &["劳动力人口达到{V}"],
                count: &["people", "workers"],
                zh_count: &["人"],
                rel: (0.4, 0.6),
            },
        ],
    },
];

// ---------------------------------------------------------------- periods and dates

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Period {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
}

impl Period {
    /// The same period a year earlier.
    fn year_before(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Quarter(y, q) => Period::Quarter(y - 1, q),
            Period::Month(y, m) => Period::Month(y - 1, m),
        }
    }
    fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Date {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

/// A date after the period (to report it) or before it (to forecast it).
fn date_for(p: Period, forecast: bool, rng: &mut Rng) -> Date {
    let d = 3 + rng.below(22) as u32; // 3..=24: a day later is the same month
    let (y, m) = match (p, forecast) {
        (Period::Year(y), false) => (y + 1, 1 + rng.below(3) as u32),
        (Period::Year(y), true) => (y, 1 + rng.below(3) as u32),
        (Period::Quarter(y, q), false) => next_month(y, q * 3),
        (Period::Quarter(y, q), true) => prev_month(y, q * 3 - 2),
        (Period::Month(y, m), false) => next_month(y, m),
        (Period::Month(y, m), true) => prev_month(y, m),
    };
    Date { y, m, d }
}

fn next_month(y: i32, m: u32) -> (i32, u32) {
    if m == 12 { (y + 1, 1) } else { (y, m + 1) }
}
fn prev_month(y: i32, m: u32) -> (i32, u32) {
    if m == 1 { (y - 1, 12) } else { (y, m - 1) }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ORD: &[&str] = &["first", "second", "third", "fourth"];
const ZH_Q: &[&str] = &["一", "二", "三", "四"];

/// "in 2024", "last year", "in the first quarter of 2024", "in Q1", "in March".
fn en_period(p: Period, at: Date, rng: &mut Rng) -> String {
    let mut v: Vec<String> = Vec::new();
    match p {
        Period::Year(y) => {
            v.push(format!("in {y}"));
            v.push(format!("in {y}"));
            if at.y == y + 1 {
                v.push("last year".into());
            }
            if at.y == y {
                v.push("this year".into());
            }
        }
        Period::Quarter(y, q) => {
            let o = ORD[q as usize - 1];
            v.push(format!("in the {o} quarter of {y}"));
            v.push(format!("in Q{q} {y}"));
            v.push(format!("in the {o} quarter of {y}"));
            if at.y == y || (q == 4 && at.y == y + 1 && at.m == 1) {
                v.push(format!("in the {o} quarter"));
            }
        }
        Period::Month(y, m) => {
            let name = MONTHS[m as usize - 1];
            v.push(format!("in {name} {y}"));
            v.push(format!("in {name} {y}"));
            if at.y == y || (m == 12 && at.y == y + 1) {
                v.push(format!("in {name}"));
            }
            if (at.y, at.m) == next_month(y, m) {
                v.push("last month".into());
            }
        }
    }
    rng.pick(&v).clone()
}

/// "2024", "first-quarter", "March".
fn en_period_mod(p: Period, rng: &mut Rng) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::Quarter(y, q) => {
            if rng.chance(0.5) {
                format!("Q{q} {y}")
            } else {
                format!("{y} {}-quarter", ORD[q as usize - 1])
            }
        }
        Period::Month(y, m) => format!("{} {y}", MONTHS[m as usize - 1]),
    }
}

fn en_period_for(p: Period) -> String {
    match p {
        Period::Year(y) => format!("for {y}"),
        Period::Quarter(y, q) => format!("for the {} quarter of {y}", ORD[q as usize - 1]),
        Period::Month(y, m) => format!("for {} {y}", MONTHS[m as usize - 1]),
    }
}

/// 2024年, 去年, 今年, 2024年第一季度, 一季度, 2024年3月, 3月, 上月.
fn zh_period(p: Period, at: Date, rng: &mut Rng) -> String {
    let mut v: Vec<String> = Vec::new();
    match p {
        Period::Year(y) => {
            v.push(format!("{y}年"));
            v.push(format!("{y}年"));
            if at.y == y + 1 {
                v.push("去年".into());
            }
            if at.y == y {
                v.push("今年".into());
            }
        }
        Period::Quarter(y, q) => {
            let c = ZH_Q[q as usize - 1];
            v.push(format!("{y}年第{c}季度"));
            v.push(format!("{y}年{c}季度"));
            if at.y == y {
                v.push(format!("{c}季度"));
                v.push(format!("今年第{c}季度"));
            }
            if at.y == y + 1 {
                v.push(format!("去年第{c}季度"));
            }
        }
        Period::Month(y, m) => {
            v.push(format!("{y}年{m}月"));
            v.push(format!("{y}年{m}月"));
            if at.y == y {
                v.push(format!("{m}月"));
            }
            if (at.y, at.m) == next_month(y, m) {
                v.push("上月".into());
            }
        }
    }
    rng.pick(&v).clone()
}

// ---------------------------------------------------------------- numbers

fn round_sig(x: f64, digits: i32) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let mag = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    (x * mag).round() / mag
}

/// A decimal with at most three places, trailing zeros dropped.
fn dec(x: f64) -> String {
    let s = format!("{:.3}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

fn commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// An English number: "120,000", "1.2 million", "1.2m" (when `short`), "two million".
fn en_number(v: f64, short: bool, rng: &mut Rng) -> String {
    let n = v.round() as u64;
    let mut forms = vec![commas(n)];
    for (scale, word, abbr) in [(1e9, "billion", "bn"), (1e6, "million", "m")] {
        if v >= scale && v / scale < 1000.0 {
            let m = v / scale;
            forms.push(format!("{} {word}", dec(m)));
            forms.push(format!("{} {word}", dec(m)));
            if short {
                forms.push(format!("{}{abbr}", dec(m)));
            }
            if m.fract() == 0.0 && (m as usize) < WORDS.len() {
                forms.push(format!("{} {word}", WORDS[m as usize]));
            }
        }
    }
    rng.pick(&forms).clone()
}

const ZH_DIGITS: &[&str] = &["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1..=99 in Chinese numerals.
fn zh_small(n: u64) -> Option<String> {
    match n {
        1..=9 => Some(ZH_DIGITS[n as usize].to_string()),
        10 => Some("十".into()),
        11..=19 => Some(format!("十{}", ZH_DIGITS[(n % 10) as usize])),
        20..=99 if n.is_multiple_of(10) => Some(format!("{}十", ZH_DIGITS[(n / 10) as usize])),
        21..=99 => Some(format!(
            "{}十{}",
            ZH_DIGITS[(n / 10) as usize],
            ZH_DIGITS[(n % 10) as usize]
        )),
        _ => None,
    }
}

/// A Chinese number: 12万, 1.2亿, 120,000, 十二万.
fn zh_number(v: f64, rng: &mut Rng) -> String {
    let n = v.round() as u64;
    let mut forms = Vec::new();
    if v >= 1e8 {
        forms.push(format!("{}亿", dec(v / 1e8)));
        forms.push(format!("{}亿", dec(v / 1e8)));
    } else if v >= 1e4 {
        let w = v / 1e4;
        forms.push(format!("{}万", dec(w)));
        forms.push(format!("{}万", dec(w)));
        if w.fract() == 0.0
            && let Some(c) = zh_small(w as u64)
        {
            forms.push(format!("{c}万"));
        }
        forms.push(commas(n));
    } else {
        forms.push(n.to_string());
        forms.push(commas(n));
    }
    rng.pick(&forms).clone()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cur {
    Usd,
    Eur,
    Gbp,
    Cny,
}

fn en_money(v: f64, cur: Cur, rng: &mut Rng) -> String {
    let (scale, word, abbr) = if v >= 1e9 {
        (1e9, "billion", "bn")
    } else {
        (1e6, "million", "m")
    };
    let m = dec(v / scale);
    let forms: Vec<String> = match cur {
        Cur::Usd => vec![
            format!("${m}{abbr}"),
            format!("${m} {word}"),
            format!("US${m} {word}"),
            format!("{m} {word} dollars"),
        ],
        Cur::Eur => vec![
            format!("€{m}{abbr}"),
            format!("€{m} {word}"),
            format!("{m} {word} euros"),
            format!("EUR {m} {word}"),
        ],
        Cur::Gbp => vec![
            format!("£{m}{abbr}"),
            format!("£{m} {word}"),
            format!("{m} {word} pounds"),
        ],
        Cur::Cny => vec![
            format!("{m} {word} yuan"),
            format!("CNY {m} {word}"),
            format!("{m}{abbr} yuan"),
        ],
    };
    rng.pick(&forms).clone()
}

fn zh_money(v: f64, cur: Cur, rng: &mut Rng) -> String {
    let n = if v >= 1e8 {
        format!("{}亿", dec(v / 1e8))
    } else {
        format!("{}万", dec(v / 1e4))
    };
    let forms: Vec<String> = match cur {
        Cur::Usd => vec![format!("{n}美元"), format!("{n}美元")],
        Cur::Eur => vec![format!("{n}欧元")],
        Cur::Gbp => vec![format!("{n}英镑")],
        Cur::Cny => vec![
            format!("{n}元"),
            format!("{n}元人民币"),
            format!("人民币{n}元"),
        ],
    };
    rng.pick(&forms).clone()
}

fn en_percent(v: f64, rng: &mut Rng) -> String {
    let s = dec(v);
    match rng.below(5) {
        0 => format!("{s} percent"),
        1 => format!("{s} per cent"),
        _ => format!("{s}%"),
    }
}

fn zh_percent(v: f64, rng: &mut Rng) -> String {
    let s = dec(v);
    if rng.chance(0.15) {
        // 百分之五点四
        let digits: String = s
            .chars()
            .map(|c| match c {
                '.' => "点".to_string(),
                d => ZH_DIGITS[d.to_digit(10).unwrap_or(0) as usize].to_string(),
            })
            .collect();
        let int = v.trunc() as u64;
        if int >= 10
            && let Some(c) = zh_small(int)
        {
            let frac: String = digits
                .split('点')
                .nth(1)
                .map(|f| format!("点{f}"))
                .unwrap_or_default();
            return format!("百分之{c}{frac}");
        }
        return format!("百分之{digits}");
    }
    if rng.chance(0.1) {
        format!("{s}％")
    } else {
        format!("{s}%")
    }
}

// ---------------------------------------------------------------- stories

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Modal {
    Actual,
    /// A forecast or target for a period to come.
    Future,
    /// A target that was set for a period now past ("had planned to").
    PastTarget,
}

/// What one rendering says.
#[derive(Clone, Copy)]
struct Fact {
    subject: Subject,
    measure: usize,
    value: f64,
    period: Period,
    modal: Modal,
    additional: bool,
}

struct Story {
    topic: &'static Topic,
    cur: Cur,
    /// The main fact (as a states it).
    fact: Fact,
    /// Other figures of the story: (measure, value, period).
    others: Vec<(usize, f64, Period)>,
    /// Figures with no measure of the topic: share moves, headcount, policy rate.
    extras: Vec<(usize, f64)>,
}

pub struct Case {
    pub id: usize,
    pub a: String,
    pub b: String,
    /// Byte ranges of the target figures in `a` and `b`.
    pub a_target: Range<usize>,
    pub b_target: Range<usize>,
    pub must_flag: bool,
    /// `value` (must-flag), or what makes it must-not: `same-value`, `period`,
    /// `subject`, `modality`, `scope`, `measure`.
    pub variant: &'static str,
    pub topic: &'static str,
    pub family_a: &'static str,
    pub family_b: &'static str,
    /// "en-passive#2": family and index of the template within the language's list.
    pub template_a: String,
    pub template_b: String,
    pub lang_a: &'static str,
    pub lang_b: &'static str,
}

impl Case {
    pub fn a_text(&self) -> &str {
        &self.a[self.a_target.clone()]
    }
    pub fn b_text(&self) -> &str {
        &self.b[self.b_target.clone()]
    }
}

fn value_in(rng: &mut Rng, lo: f64, hi: f64, unit: Unit) -> f64 {
    let x = (lo.ln() + (hi.ln() - lo.ln()) * rng.unit()).exp();
    if unit == Unit::Percent {
        return ((x * 10.0).round() / 10.0).max(0.1);
    }
    let digits = if rng.chance(0.3) { 3 } else { 2 };
    round_sig(x, digits)
}

/// A value at least 30% away from `v` (×1.3–3 or ÷1.3–3), rounded as writers round.
fn changed(rng: &mut Rng, v: f64, unit: Unit) -> f64 {
    loop {
        let f = rng.range(1.3, 3.0);
        let x = if rng.chance(0.5) { v * f } else { v / f };
        let x = if unit == Unit::Percent {
            (x * 10.0).round() / 10.0
        } else {
            round_sig(x, 2)
        };
        let (lo, hi) = if x < v { (x, v) } else { (v, x) };
        if lo > 0.0 && hi / lo >= 1.25 && (unit != Unit::Count || x >= 20.0) {
            return x;
        }
    }
}

fn story(rng: &mut Rng, forecast: bool) -> Story {
    let topic = rng.pick(TOPICS);
    let kind = *rng.pick(topic.kinds);
    let subject = pick_subject(rng, topic, kind, |_| true);
    let cur = *rng.pick(&[Cur::Usd, Cur::Usd, Cur::Eur, Cur::Gbp, Cur::Cny]);
    let y = 2019 + rng.below(6) as i32;
    let period = match if topic.annual { 0 } else { rng.below(10) } {
        0..=4 => Period::Year(y),
        5..=7 => Period::Quarter(y, 1 + rng.below(4) as u32),
        _ => Period::Month(y, 1 + rng.below(12) as u32),
    };
    let value = value_in(rng, topic.lo, topic.hi, topic.unit);
    let modal = if forecast {
        Modal::Future
    } else {
        Modal::Actual
    };
    let fact = Fact {
        subject,
        measure: 0,
        value,
        period,
        modal,
        additional: false,
    };
    let mut others = Vec::new();
    // Other measures: the same period for an actual figure, the year before for a
    // forecast (what was, beside what is expected).
    let other_period = if forecast {
        period.year_before()
    } else {
        period
    };
    for (i, m) in topic.measures.iter().enumerate().skip(1) {
        let v = value_in(rng, value * m.rel.0, value * m.rel.1, topic.unit);
        others.push((i, v, other_period));
    }
    // The same measure a year earlier.
    let prev = loop {
        let v = value_in(rng, value * 0.7, value * 1.3, topic.unit);
        if (v - value).abs() / value > 0.05 {
            break v;
        }
    };
    others.push((0, prev, period.year_before()));
    let extras = (0..2).map(|k| (k, extra_value(rng, kind, k))).collect();
    Story {
        topic,
        cur,
        fact,
        others,
        extras,
    }
}

fn pick_subject(
    rng: &mut Rng,
    topic: &Topic,
    kind: Kind,
    ok: impl Fn(&Subject) -> bool,
) -> Subject {
    let pool: Vec<&Subject> = (if kind == Kind::Company {
        COMPANIES
    } else {
        COUNTRIES
    })
    .iter()
    .filter(|s| kind == Kind::Country || topic.sector == "any" || s.sector == topic.sector)
    .filter(|s| ok(s))
    .collect();
    **rng.pick(&pool)
}

fn extra_value(rng: &mut Rng, kind: Kind, k: usize) -> f64 {
    match (kind, k) {
        (Kind::Company, 0) => (rng.range(1.0, 9.0) * 10.0).round() / 10.0, // share move, %
        (Kind::Company, _) => round_sig(rng.range(2_000.0, 90_000.0), 2),  // employees
        (Kind::Country, 0) => (rng.range(1.0, 8.0) * 4.0).round() / 4.0,   // policy rate, %
        (Kind::Country, _) => (rng.range(1.0, 12.0) * 10.0).round() / 10.0, // currency move, %
    }
}

// ---------------------------------------------------------------- rendering

struct Ctx<'a> {
    lang: Lang,
    story: &'a Story,
    fact: Fact,
    at: Date,
}

fn figure(cx: &Ctx, value: f64, measure: usize, rng: &mut Rng) -> String {
    let m = &cx.story.topic.measures[measure];
    match (cx.lang, cx.story.topic.unit) {
        (Lang::En, Unit::Tonnes) => {
            let t = *rng.pick(&["tonnes", "tonnes", "metric tons", "tons"]);
            format!("{} {t}", en_number(value, true, rng))
        }
        (Lang::En, Unit::Barrels) => format!("{} barrels", en_number(value, true, rng)),
        (Lang::En, Unit::Money) => en_money(value, cx.story.cur, rng),
        (Lang::En, Unit::Percent) => en_percent(value, rng),
        (Lang::En, Unit::Count) => {
            format!("{} {}", en_number(value, false, rng), rng.pick(m.count))
        }
        (Lang::Zh, Unit::Tonnes) => format!("{}吨", zh_number(value, rng)),
        (Lang::Zh, Unit::Barrels) => format!("{}桶", zh_number(value, rng)),
        (Lang::Zh, Unit::Money) => zh_money(value, cx.story.cur, rng),
        (Lang::Zh, Unit::Percent) => zh_percent(value, rng),
        (Lang::Zh, Unit::Count) => {
            let c = *rng.pick(m.zh_count);
            let n = zh_number(value, rng);
            // 名员工 after a bare number reads well; after 万 too.
            format!("{n}{c}")
        }
    }
}

const EN_SRC_CO: &[&str] = &[
    "its annual report",
    "a stock exchange filing",
    "the company's quarterly report",
    "figures the company released",
];
const EN_SRC_LAND: &[&str] = &[
    "the national statistics office",
    "official data",
    "figures from the finance ministry",
    "the statistics bureau",
];
const ZH_SRC_CO: &[&str] = &["公司年报", "交易所公告", "公司发布的数据"];
const ZH_SRC_LAND: &[&str] = &["国家统计部门", "官方数据", "财政部数据"];
const WHO_CO: &[&str] = &[
    "chief executive Mara Lind",
    "finance chief Tomas Reyne",
    "chief operating officer Ilse Varga",
];
const WHO_LAND: &[&str] = &[
    "finance minister Oskar Brandt",
    "deputy economy minister Lena Sorvik",
    "a government spokesman",
];

/// Fills a template. Returns the sentence and the byte range of the figure in it.
fn fill(text: &str, cx: &Ctx, rng: &mut Rng) -> (String, Range<usize>) {
    let story = cx.story;
    let f = cx.fact;
    let m = &story.topic.measures[f.measure];
    let company = f.subject.kind == Kind::Company;
    let future = f.modal == Modal::Future;
    let mut out = String::new();
    let mut rest = text;
    // Whether the last wording of the measure was a plural ("exports were").
    let mut plural = false;
    // First expand every slot but {V}.
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = rest[i..].find('}').map(|j| i + j).expect("a closed slot");
        let slot = &rest[i + 1..j];
        rest = &rest[j + 1..];
        let s: String = match (cx.lang, slot) {
            (_, "V") => "{V}".into(),
            (Lang::En, "S") => f.subject.en.into(),
            (Lang::En, "Sp") => possessive(f.subject.en),
            (Lang::En, "N") => {
                let n = rng.pick(m.noun).to_string();
                plural = n.ends_with('s');
                n
            }
            (Lang::En, "WAS") => (if plural { "were" } else { "was" }).into(),
            (Lang::En, "VP") => {
                let vp = rng.pick(m.vp).to_string();
                if f.additional {
                    let more = *rng.pick(&["another ", "a further ", "an additional "]);
                    vp.replace("{V}", &format!("{more}{{V}}"))
                } else {
                    vp
                }
            }
            (Lang::En, "BASE") => {
                let b = rng.pick(m.base).to_string();
                if f.additional {
                    b.replace("{V}", "another {V}")
                } else {
                    b
                }
            }
            (Lang::En, "PASS") => rng.pick(m.pass).to_string(),
            (Lang::En, "BY") => (if company { "by" } else { "in" }).into(),
            (Lang::En, "IN") => (if company { "At" } else { "In" }).into(),
            (Lang::En, "AT") => (if company { "at" } else { "in" }).into(),
            (Lang::En, "P") => en_period(f.period, cx.at, rng),
            (Lang::En, "Pn") => en_period_mod(f.period, rng),
            (Lang::En, "Pfor") => en_period_for(f.period),
            (Lang::En, "SRC") => rng
                .pick(if company { EN_SRC_CO } else { EN_SRC_LAND })
                .to_string(),
            (Lang::En, "WHO") => rng
                .pick(if company { WHO_CO } else { WHO_LAND })
                .to_string(),
            (Lang::En, "M") => rng
                .pick(if future {
                    &["expects to", "plans to", "aims to"][..]
                } else {
                    &["had expected to", "had planned to", "had aimed to"][..]
                })
                .to_string(),
            (Lang::En, "Msaid") => rng
                .pick(if future {
                    &["expected to", "planned to", "aimed to"][..]
                } else {
                    &["had expected to", "had planned to"][..]
                })
                .to_string(),
            (Lang::En, "TGT") => rng
                .pick(if future {
                    &["is targeting", "forecasts", "has forecast"][..]
                } else {
                    &["had targeted", "had forecast"][..]
                })
                .to_string(),
            (Lang::En, "BEX") => rng
                .pick(if future {
                    &["is expected to", "is forecast to", "is projected to"][..]
                } else {
                    &["had been expected to", "had been forecast to"][..]
                })
                .to_string(),
            (Lang::Zh, "S") => f.subject.zh.into(),
            (Lang::Zh, "N") => rng.pick(m.zh_noun).to_string(),
            (Lang::Zh, "VP") => {
                let vp = rng.pick(m.zh_vp).to_string();
                if f.additional {
                    format!("{}{vp}", rng.pick(&["又", "另外", "额外"]))
                } else {
                    vp
                }
            }
            (Lang::Zh, "BASE") => {
                let b = rng.pick(m.zh_base).to_string();
                if f.additional { format!("再{b}") } else { b }
            }
            (Lang::Zh, "P") => zh_period(f.period, cx.at, rng),
            (Lang::Zh, "SRC") => rng
                .pick(if company { ZH_SRC_CO } else { ZH_SRC_LAND })
                .to_string(),
            (Lang::Zh, "MZ") => rng
                .pick(if future {
                    &["预计", "计划", "力争"][..]
                } else {
                    &["原计划", "此前预计", "原本计划"][..]
                })
                .to_string(),
            (Lang::Zh, "MZ2") => rng
                .pick(if future {
                    &["预计将", "有望"][..]
                } else {
                    &["原预计", "此前预计将"][..]
                })
                .to_string(),
            (l, s) => panic!("no slot {s} in {l:?}"),
        };
        out.push_str(&s);
    }
    out.push_str(rest);
    let at = out.find("{V}").expect("a figure slot");
    let v = figure(cx, f.value, f.measure, rng);
    out.replace_range(at..at + 3, &v);
    debug_assert!(!out.contains("{V}"));
    // A sentence starts with a capital.
    let mut first = out.chars().next().unwrap_or(' ');
    if first.is_ascii_lowercase() {
        first = first.to_ascii_uppercase();
        out.replace_range(0..1, &first.to_string());
    }
    (out, at..at + v.len())
}

/// "Veltrac Corp's", "Halvern Motors'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A sentence with another figure of the story.
fn other_sentence(cx: &Ctx, which: Other, rng: &mut Rng) -> String {
    let company = cx.story.fact.subject.kind == Kind::Company;
    match which {
        Other::Measure(measure, value, period) => {
            let prev = period != cx.story.fact.period && measure == 0;
            let fact = Fact {
                subject: cx.story.fact.subject,
                measure,
                value,
                period,
                modal: Modal::Actual,
                additional: false,
            };
            let sub = Ctx {
                lang: cx.lang,
                story: cx.story,
                fact,
                at: cx.at,
            };
            let t: &str = match (cx.lang, prev) {
                (Lang::En, false) => *rng.pick(&[
                    "{Sp} {N} {WAS} {V} {P}.",
                    "{S} {VP} {P}.",
                    "{P}, {S} {VP}.",
                    "Its {N} {WAS} {V} {P}.",
                ]),
                (Lang::En, true) => *rng.pick(&[
                    "That compares with {V} {P}.",
                    "{P}, the figure was {V}.",
                    "{S} {VP} {P}.",
                ]),
                (Lang::Zh, false) => {
                    *rng.pick(&["{S}{P}的{N}为{V}。", "{P}，{S}{VP}。", "同期{N}为{V}。"])
                }
                (Lang::Zh, true) => *rng.pick(&["{P}这一数字为{V}。", "{S}{P}的{N}为{V}。"]),
            };
            fill(t, &sub, rng).0
        }
        Other::Extra(k, v) => {
            let s = cx.story.fact.subject;
            match (cx.lang, company, k) {
                (Lang::En, true, 0) => {
                    format!("Shares of {} rose {}% in early trading.", s.en, dec(v))
                }
                (Lang::En, true, _) => format!(
                    "The company employs about {} people worldwide.",
                    commas(v as u64)
                ),
                (Lang::En, false, 0) => {
                    format!("The central bank kept its policy rate at {}%.", dec(v))
                }
                (Lang::En, false, _) => format!(
                    "{} currency has weakened {}% against the dollar over the past year.",
                    possessive(s.en),
                    dec(v)
                ),
                (Lang::Zh, true, 0) => format!("{}股价早盘上涨{}%。", s.zh, dec(v)),
                (Lang::Zh, true, _) => format!("该公司在全球拥有约{}名员工。", zh_number(v, rng)),
                (Lang::Zh, false, 0) => format!("央行将政策利率维持在{}%。", dec(v)),
                (Lang::Zh, false, _) => format!("过去一年，{}货币对美元贬值{}%。", s.zh, dec(v)),
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Other {
    Measure(usize, f64, Period),
    Extra(usize, f64),
}

const EN_PUB: &[&str] = &[
    "Northern Wire",
    "Harbour Daily",
    "Pacific Finance",
    "Meridian Post",
    "Coastal Ledger",
    "Atlas Newswire",
    "Granite Times",
    "Signal Business",
];
const ZH_PUB: &[&str] = &[
    "东岸财经",
    "华信商报",
    "北辰经济网",
    "海峡财讯",
    "南风日报",
    "星河财经",
];

/// One article: a title, a byline, and the target among other sentences.
/// `avoid` is an outlet the other article of the case used.
fn article(
    story: &Story,
    fact: Fact,
    tpl: &Template,
    at: Date,
    avoid: &str,
    rng: &mut Rng,
) -> (String, Range<usize>, String) {
    let cx = Ctx {
        lang: tpl.lang,
        story,
        fact,
        at,
    };
    let publisher = loop {
        let p = *rng.pick(if tpl.lang == Lang::En { EN_PUB } else { ZH_PUB });
        if p != avoid {
            break p;
        }
    };
    let (target, range) = fill(tpl.text, &cx, rng);
    // Other figures: the measures and periods the target is not.
    let mut pool: Vec<Other> = story
        .others
        .iter()
        .filter(|&&(m, _, p)| !(m == fact.measure && p == fact.period))
        .map(|&(m, v, p)| Other::Measure(m, v, p))
        .collect();
    pool.extend(story.extras.iter().map(|&(k, v)| Other::Extra(k, v)));
    let n = 1 + rng.below(3);
    let mut chosen = Vec::new();
    while chosen.len() < n.min(pool.len()) {
        let k = rng.below(pool.len());
        if !chosen.contains(&k) {
            chosen.push(k);
        }
    }
    let s = fact.subject;
    let title = if tpl.headline() {
        None
    } else {
        Some(match (tpl.lang, s.kind) {
            (Lang::En, Kind::Company) => format!(
                "{} {}",
                s.en,
                rng.pick(&[
                    "publishes its figures",
                    "updates investors",
                    "reports results",
                    "in focus"
                ])
            ),
            (Lang::En, Kind::Country) => format!(
                "{} {}",
                s.en,
                rng.pick(&[
                    "releases new data",
                    "economy in focus",
                    "figures under scrutiny"
                ])
            ),
            (Lang::Zh, Kind::Company) => format!(
                "{}{}",
                s.zh,
                rng.pick(&["公布业绩", "发布最新数据", "向投资者通报经营情况"])
            ),
            (Lang::Zh, Kind::Country) => format!(
                "{}{}",
                s.zh,
                rng.pick(&["公布最新经济数据", "经济数据受关注"])
            ),
        })
    };
    let hour = 6 + rng.below(14);
    let minute = rng.below(4) * 15;
    let byline = format!(
        "{publisher}·{:04}-{:02}-{:02} {hour:02}:{minute:02}",
        at.y, at.m, at.d
    );
    let sep = if tpl.lang == Lang::En { " " } else { "" };
    let mut body = String::new();
    let mut target_at = None;
    let pos = rng.below(chosen.len() + 1);
    let mut sentences: Vec<Option<Other>> = chosen.iter().map(|&k| Some(pool[k])).collect();
    if title.is_some() {
        sentences.insert(pos, None);
    }
    let mut out = String::new();
    match &title {
        Some(t) => {
            out.push_str(t);
        }
        None => {
            target_at = Some(0);
            out.push_str(&target);
        }
    }
    out.push('\n');
    out.push_str(&byline);
    out.push_str("\n\n");
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            body.push_str(sep);
        }
        match s {
            None => {
                target_at = Some(out.len() + body.len());
                body.push_str(&target);
            }
            Some(o) => body.push_str(&other_sentence(&cx, *o, rng)),
        }
    }
    out.push_str(&body);
    out.push('\n');
    let at0 = target_at.expect("the target placed");
    (
        out,
        at0 + range.start..at0 + range.end,
        publisher.to_string(),
    )
}

fn choose(
    rng: &mut Rng,
    all: &[(usize, &Template)],
    lang: Lang,
    want: impl Fn(&Template) -> bool,
) -> (usize, &'static str, String) {
    let ok: Vec<&(usize, &Template)> = all
        .iter()
        .filter(|(_, t)| t.lang == lang && want(t))
        .collect();
    let &&(i, t) = rng.pick(&ok);
    let list = if lang == Lang::En { EN } else { ZH };
    let first = list.iter().position(|(f, _)| *f == t.family).unwrap_or(0);
    let local = if lang == Lang::En { i } else { i - EN.len() };
    (
        i,
        list[local].0,
        format!("{}#{}", t.family, local - first + 1),
    )
}

/// `n` cases from `seed`: half must-flag, half must-not.
pub fn generate(seed: u64, n: usize) -> Vec<Case> {
    let mut rng = Rng::new(seed);
    let tpls = templates();
    let indexed: Vec<(usize, &Template)> = tpls.iter().enumerate().collect();
    let mut out = Vec::with_capacity(n);
    for id in 0..n {
        let forecast = rng.chance(0.2);
        let mut st = story(&mut rng, forecast);
        let must_flag = id % 2 == 0;
        let mut variant: &'static str = if must_flag {
            "value"
        } else {
            *rng.pick(&[
                "same-value",
                "same-value",
                "period",
                "subject",
                "modality",
                "scope",
                "measure",
            ])
        };
        if variant == "scope" && (!st.topic.scope || forecast) {
            variant = "same-value";
        }
        if variant == "modality" && forecast {
            variant = "period";
        }
        if variant == "measure" && st.topic.measures.len() < 2 {
            variant = "same-value";
        }
        // Languages: the same language, or English against Chinese for a real country.
        let (la, lb) = if st.fact.subject.real && rng.chance(0.3) {
            if rng.chance(0.5) {
                (Lang::En, Lang::Zh)
            } else {
                (Lang::Zh, Lang::En)
            }
        } else if rng.chance(0.55) {
            (Lang::En, Lang::En)
        } else {
            (Lang::Zh, Lang::Zh)
        };
        let fa = st.fact;
        let mut fb = fa;
        if variant != "same-value" {
            fb.value = changed(&mut rng, fa.value, st.topic.unit);
        }
        match variant {
            "period" => {
                fb.period =
                    if let (Period::Year(y), true) = (fa.period, rng.chance(0.4) && !forecast) {
                        Period::Quarter(y, 4)
                    } else if forecast {
                        // A forecast for the year after.
                        match fa.period {
                            Period::Year(y) => Period::Year(y + 1),
                            Period::Quarter(y, q) => Period::Quarter(y + 1, q),
                            Period::Month(y, m) => Period::Month(y + 1, m),
                        }
                    } else {
                        fa.period.year_before()
                    };
                // The story's own figure for that period is b's.
                for o in st.others.iter_mut() {
                    if o.0 == 0 && o.2 == fb.period {
                        o.1 = fb.value;
                    }
                }
            }
            "subject" => {
                let was = fa.subject.en;
                fb.subject = pick_subject(&mut rng, st.topic, fa.subject.kind, |s| {
                    s.en != was && (la == lb || s.real)
                });
            }
            "modality" => fb.modal = Modal::PastTarget,
            "scope" => fb.additional = true,
            "measure" => {
                fb.measure = 1 + rng.below(st.topic.measures.len() - 1);
                for o in st.others.iter_mut() {
                    if o.0 == fb.measure && o.2 == fb.period {
                        o.1 = fb.value;
                    }
                }
            }
            _ => {}
        }
        let modal_a = fa.modal != Modal::Actual;
        let modal_b = fb.modal != Modal::Actual;
        let (_, fam_a, name_a) = choose(&mut rng, &indexed, la, |t| t.modal() == modal_a);
        let (_, fam_b, name_b) = choose(&mut rng, &indexed, lb, |t| {
            t.modal() == modal_b && (!fb.additional || t.scoped())
        });
        let tpl_a = find(&tpls, &name_a, la);
        let tpl_b = find(&tpls, &name_b, lb);
        let date_a = date_for(fa.period, forecast, &mut rng);
        let date_b = if rng.chance(0.5) {
            date_a
        } else {
            Date {
                d: date_a.d + 1,
                ..date_a
            }
        };
        st.fact = fa;
        let (a, a_target, pub_a) = article(&st, fa, tpl_a, date_a, "", &mut rng);
        let (b, b_target, _) = article(&st, fb, tpl_b, date_b, &pub_a, &mut rng);
        out.push(Case {
            id,
            a,
            b,
            a_target,
            b_target,
            must_flag,
            variant,
            topic: st.topic.name,
            family_a: fam_a,
            family_b: fam_b,
            template_a: name_a,
            template_b: name_b,
            lang_a: if la == Lang::En { "en" } else { "zh" },
            lang_b: if lb == Lang::En { "en" } else { "zh" },
        });
    }
    out
}

fn find<'a>(tpls: &'a [Template], name: &str, lang: Lang) -> &'a Template {
    let (fam, k) = name.rsplit_once('#').expect("family#k");
    let k: usize = k.parse().expect("a template number");
    tpls.iter()
        .filter(|t| t.lang == lang && t.family == fam)
        .nth(k - 1)
        .expect("the template")
}
