//! Generates a corpus of news-style articles (English and Chinese, several dated
//! articles per file) whose claims come from the built-in knowledge base, with a
//! known share of injected conflicts listed in `gold.json`; and scores a
//! `claimcheck check --format json` run against that list.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --articles 10000 --seed 7 --out /tmp/gen
//! claimcheck check /tmp/gen --format json --fail-on never > findings.json
//! cargo run --release --example gen-corpus -- --score /tmp/gen/gold.json findings.json --misses
//! ```
//!
//! The same seed gives the same corpus byte for byte. Injected conflicts: a holder who
//! did not hold the office on the article's date (`role-holder-conflict`), an acronym
//! given another body's name (`acronym-expansion-mismatch`), a company figure that
//! disagrees with the other articles of its story (`quantity-conflict`), a reference
//! figure that disagrees with the knowledge base (`reference-mismatch`), a misspelt
//! company name (`entity-name-variant`) and a wrong day for a recorded event
//! (`date-conflict`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};
use claimcheck::kb::{EntityType, Kb};
use serde::{Deserialize, Serialize};

/// splitmix64: small, seedable and stable across versions (a crate's generator may
/// change its stream between releases; the gold files must not).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// A stable hash for values that every article of a story must agree on.
fn stable(parts: &[&str]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// One injected conflict: the rule that must report it, the file, and the text
/// written in the article (the location's `text` in the findings).
#[derive(Serialize, Deserialize, Clone, Debug)]
struct Gold {
    rule: String,
    file: String,
    written: String,
    expected: String,
}

#[derive(Serialize, Deserialize)]
struct GoldFile {
    seed: u64,
    articles: usize,
    conflict_rate: f64,
    conflicts: Vec<Gold>,
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn zh_name<'a>(names: impl IntoIterator<Item = &'a String>) -> Option<&'a str> {
    names
        .into_iter()
        .find(|n| has_cjk(n) && !n.chars().any(|c| c.is_ascii_alphabetic()))
        .map(String::as_str)
}

/// What the generator draws from, prepared once from the knowledge base.
struct World<'a> {
    kb: &'a Kb,
    /// Offices with an English alias (`Argentine President`) and more than one holder.
    offices: Vec<usize>,
    /// Organizations with an acronym of their own (not shared) and a name to expand it.
    acronyms: Vec<(usize, String)>,
    /// Companies: bodies with a CEO.
    companies: Vec<usize>,
    /// Reference figures in percent or tonnes whose subject is a known entity (not the
    /// worldwide ones: their terms carry the scope).
    figures: Vec<usize>,
    /// Events whose subjects are all known entities.
    events: Vec<usize>,
}

impl<'a> World<'a> {
    fn new(kb: &'a Kb) -> World<'a> {
        let offices = (0..kb.offices.len())
            .filter(|&i| {
                let o = &kb.offices[i];
                let people: HashSet<&str> = o.holders.iter().map(|t| t.person.as_str()).collect();
                people.len() > 1 && en_alias(&o.aliases).is_some()
            })
            .collect();
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &kb.entities {
            for a in &e.acronyms {
                *count.entry(a.as_str()).or_default() += 1;
            }
        }
        let mut acronyms = Vec::new();
        for (i, e) in kb.entities.iter().enumerate() {
            if e.kind != EntityType::Organization || !e.name.contains(' ') || has_cjk(&e.name) {
                continue;
            }
            if let Some(a) = e.acronyms.iter().find(|a| {
                count[a.as_str()] == 1 && a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase())
            }) {
                acronyms.push((i, a.clone()));
            }
        }
        let mut companies: Vec<usize> = kb
            .offices
            .iter()
            .filter(|o| o.titles.iter().any(|t| t == "CEO"))
            .filter_map(|o| {
                o.of.as_deref()
                    .and_then(|id| kb.entity_index.get(id).copied())
            })
            .filter(|&i| !has_cjk(&kb.entities[i].name))
            .collect();
        companies.sort_unstable();
        companies.dedup();
        let figures = (0..kb.figures.len())
            .filter(|&i| {
                let f = &kb.figures[i];
                matches!(f.unit.as_str(), "percent" | "t")
                    && f.subject.as_deref().is_some_and(|s| kb.entity(s).is_some())
            })
            .collect();
        let events = (0..kb.events.len())
            .filter(|&i| kb.events[i].subjects.iter().all(|s| kb.entity(s).is_some()))
            .collect();
        World {
            kb,
            offices,
            acronyms,
            companies,
            figures,
            events,
        }
    }
}

fn en_alias(aliases: &[String]) -> Option<&str> {
    aliases
        .iter()
        .find(|a| !has_cjk(a) && a.contains(' ') && !a.contains(" of "))
        .map(String::as_str)
}

/// `Japan's`, `United States'`.
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

fn en_day(d: NaiveDate) -> String {
    d.format("%B %-d, %Y").to_string()
}

fn zh_day(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// `150,000`.
fn grouped(n: u64) -> String {
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

/// A percentage as written: `2.75`, `4`.
fn pct(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

const PUBLISHERS: &[&str] = &[
    "Harbour Wire",
    "Pacific Finance",
    "Northgate Daily",
    "Meridian Markets",
    "Coastline Ledger",
    "Eastern Bulletin",
];
const ZH_PUBLISHERS: &[&str] = &["华东财经", "环球商讯", "沿海日报", "金融观察"];

const EN_FILLER: &[&str] = &[
    "Traders described the session as quiet, with volumes below their monthly average.",
    "The statement gave no further detail on the timetable.",
    "Analysts at several brokers said the outlook depended on demand from manufacturers.",
    "Officials declined to comment beyond the published remarks.",
    "Shipping schedules were unchanged, according to port operators.",
    "Industry groups welcomed the move but asked for clearer guidance.",
    "Investors will watch for revisions when quarterly results are published.",
    "Local suppliers said contracts signed earlier in the year were not affected.",
];
const ZH_FILLER: &[&str] = &[
    "市场人士表示，当天交投清淡。",
    "声明没有提供更多细节。",
    "分析人士认为，前景取决于下游需求。",
    "有关部门未作进一步评论。",
    "行业协会对此表示欢迎，但希望获得更明确的指引。",
];
const EN_VERBS: &[&str] = &[
    "told reporters the talks had made progress.",
    "said the plan would go ahead as scheduled.",
    "met industry representatives to discuss supply.",
    "defended the decision in a televised interview.",
];
const EN_TITLES: &[&str] = &[
    "Supply worries return to metals markets",
    "Officials weigh next steps on trade",
    "Producers brace for a difficult year",
    "Policy makers hold the line",
    "Miners report mixed results",
];
const ZH_TITLES: &[&str] = &[
    "金属市场供应担忧再起",
    "官员权衡贸易下一步",
    "生产商迎接艰难一年",
];

/// One article being written.
struct Article<'w> {
    zh: bool,
    date: NaiveDate,
    body: Vec<String>,
    gold: Vec<Gold>,
    file: &'w str,
}

impl Article<'_> {
    fn inject(&mut self, rule: &str, written: &str, expected: &str) {
        self.gold.push(Gold {
            rule: rule.into(),
            file: self.file.into(),
            written: written.into(),
            expected: expected.into(),
        });
    }
}

struct Gen<'a> {
    w: World<'a>,
    rng: Rng,
    rate: f64,
}

impl Gen<'_> {
    fn role(&mut self, a: &mut Article) {
        let kb = self.w.kb;
        let o = &kb.offices[*self.rng.pick(&self.w.offices)];
        let on = o.holders_on(a.date);
        let [holder] = on.as_slice() else { return };
        let Some(person) = kb.entity(holder) else {
            return;
        };
        let mut name = person.name.clone();
        let mut written_by = person;
        if self.rng.chance(self.rate) {
            let others: Vec<&str> = o
                .holders
                .iter()
                .map(|t| t.person.as_str())
                .filter(|p| p != holder)
                .collect();
            let other = self.rng.pick(&others).to_string();
            let Some(other) = kb.entity(&other) else {
                return;
            };
            written_by = other;
            name = other.name.clone();
        }
        let sentence = if a.zh {
            match (zh_name(&o.aliases), zh_name(&written_by.aliases)) {
                (Some(office), Some(n)) => {
                    name = n.to_string();
                    format!("{office}{n}表示，相关谈判取得了进展。")
                }
                _ => return,
            }
        } else {
            let alias = en_alias(&o.aliases).unwrap_or(&o.name);
            format!("{alias} {name} {}", self.rng.pick(EN_VERBS))
        };
        if written_by.id != person.id {
            a.inject("role-holder-conflict", &name, &person.name);
        }
        a.body.push(sentence);
    }

    fn acronym(&mut self, a: &mut Article) {
        let kb = self.w.kb;
        let &(i, ref acr) = self.rng.pick(&self.w.acronyms);
        let mut body = &kb.entities[i];
        if self.rng.chance(self.rate) {
            let &(j, _) = self.rng.pick(&self.w.acronyms);
            if j == i {
                return;
            }
            body = &kb.entities[j];
            a.inject("acronym-expansion-mismatch", acr, &kb.entities[i].name);
        }
        a.body.push(if a.zh {
            format!("{}（{acr}）表示将继续关注市场变化。", body.name)
        } else {
            format!(
                "The {} ({acr}) said it would keep the matter under review.",
                body.name
            )
        });
    }

    /// A company figure for the year before the article's: the same in every article
    /// of the corpus, unless a conflict is injected.
    fn story(&mut self, a: &mut Article, company: usize) {
        let kb = self.w.kb;
        let c = &kb.entities[company];
        let year = a.date.year() - 1;
        let (en, zh) = *self.rng.pick(&[
            ("copper production", "铜产量"),
            ("lithium production", "锂产量"),
            ("nickel output", "镍产量"),
        ]);
        let truth = 20_000 + stable(&[&c.id, en, &year.to_string()]) % 400 * 1_000;
        let mut v = truth;
        if self.rng.chance(self.rate) {
            v = truth * 3 / 2;
        }
        let written = if a.zh {
            format!("{}吨", grouped(v))
        } else {
            format!("{} tonnes", grouped(v))
        };
        let zh_article = a.zh;
        let say = |written: &str| {
            if zh_article {
                let n = zh_name(&c.aliases).unwrap_or(&c.name);
                format!("{n}表示，公司{year}年{zh}为{written}。")
            } else {
                format!("{} said its {en} reached {written} in {year}.", c.name)
            }
        };
        if v != truth {
            a.inject("quantity-conflict", &written, &format!("{truth} t"));
            // The right figure in the same article, so the wrong one always has
            // something to disagree with (its story may have no other article).
            let right = if a.zh {
                format!("{}吨", grouped(truth))
            } else {
                format!("{} tonnes", grouped(truth))
            };
            let s = say(&right);
            a.body.push(s);
        }
        let s = say(&written);
        a.body.push(s);
    }

    fn figure(&mut self, a: &mut Article) {
        let kb = self.w.kb;
        if self.w.figures.is_empty() {
            return;
        }
        let f = &kb.figures[*self.rng.pick(&self.w.figures)];
        let Some(subject) = f.subject.as_deref().and_then(|s| kb.entity(s)) else {
            return;
        };
        let percent = f.unit == "percent";
        // Rates: the level in force a week before the article (decisions take effect
        // days after they are announced); survey figures: last year's.
        let (day, year) = if percent {
            (a.date - Duration::days(7), None)
        } else {
            let y = a.date.year() - 1;
            (
                NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(a.date),
                Some(y),
            )
        };
        let Some(fv) = f.value_on(day) else { return };
        if fv.low != fv.high {
            return;
        }
        let mut v = fv.low;
        if self.rng.chance(self.rate) {
            v = if percent { v + 1.5 } else { (v * 1.6).round() };
        }
        let term = if a.zh {
            match (
                f.terms.iter().find(|t| has_cjk(t)),
                zh_name(&subject.aliases),
            ) {
                (Some(t), Some(_)) => t.as_str(),
                _ => return,
            }
        } else {
            match f.terms.iter().find(|t| !has_cjk(t)) {
                Some(t) => t.as_str(),
                None => return,
            }
        };
        let written = match (percent, a.zh) {
            (true, _) => format!("{}%", pct(v)),
            (false, false) => format!("{} tonnes", grouped(v as u64)),
            (false, true) => format!("{}吨", grouped(v as u64)),
        };
        if v != fv.low {
            let expected = if percent {
                format!("{}%", pct(fv.low))
            } else {
                format!("{} t", fv.low)
            };
            a.inject("reference-mismatch", &written, &expected);
        }
        let sentence = match (percent, a.zh) {
            (true, false) => format!(
                "The {} kept its {term} at {written} on {}, where it has stood since its last decision.",
                subject.name,
                en_day(day)
            ),
            (false, false) => format!(
                "{} {term} was {written} in {}, according to official estimates.",
                possessive(&subject.name),
                year.unwrap_or_default()
            ),
            (true, true) => format!(
                "{}于{}将{term}维持在{written}。",
                zh_name(&subject.aliases).unwrap_or(&subject.name),
                zh_day(day)
            ),
            (false, true) => format!(
                "据官方估计，{}{}年{term}为{written}。",
                zh_name(&subject.aliases).unwrap_or(&subject.name),
                year.unwrap_or_default()
            ),
        };
        a.body.push(sentence);
    }

    fn event(&mut self, a: &mut Article) {
        let kb = self.w.kb;
        if self.w.events.is_empty() || a.zh {
            return;
        }
        let ev = &kb.events[*self.rng.pick(&self.w.events)];
        if ev.date >= a.date {
            return;
        }
        let mut day = ev.date;
        if self.rng.chance(self.rate) {
            let shift = 3 + self.rng.below(20) as i64;
            day = if self.rng.chance(0.5) {
                day + Duration::days(shift)
            } else {
                day - Duration::days(shift)
            };
            if day >= a.date {
                return;
            }
        }
        let names: Vec<&str> = ev
            .subjects
            .iter()
            .filter_map(|s| kb.entity(s))
            .map(|e| e.name.as_str())
            .collect();
        let Some(term) = ev.terms.iter().find(|t| !has_cjk(t) && !t.contains(' ')) else {
            return;
        };
        let written = en_day(day);
        if day != ev.date {
            a.inject("date-conflict", &written, &ev.date.to_string());
        }
        a.body.push(format!(
            "Records show that {} {term} on {written}, a step markets had expected.",
            names.join(" and ")
        ));
    }

    fn misspelt(&mut self, a: &mut Article, company: usize) {
        let c = &self.w.kb.entities[company];
        let mut name = c.name.clone();
        if self.rng.chance(self.rate) {
            // Swap two letters inside the longest word ("Albemarle" → "Albemrale").
            let Some(word) = name.split(' ').max_by_key(|w| w.len()).map(str::to_string) else {
                return;
            };
            let chars: Vec<char> = word.chars().collect();
            if chars.len() < 7 || !chars.iter().all(|c| c.is_ascii_alphabetic()) {
                return;
            }
            let k = 3 + self.rng.below(chars.len() - 5);
            if chars[k] == chars[k + 1] {
                return;
            }
            let mut w = chars.clone();
            w.swap(k, k + 1);
            let w: String = w.into_iter().collect();
            name = name.replacen(&word, &w, 1);
            if self.w.kb.lookup_name(&name).is_empty() {
                a.inject("entity-name-variant", &name, &c.name);
            } else {
                return;
            }
        }
        a.body.push(if a.zh {
            format!("分析人士说，{name}将从中受益。")
        } else {
            format!("Analysts said {name} would benefit from the change.")
        });
    }

    fn article(
        &mut self,
        file: &str,
        company: usize,
        date: NaiveDate,
        zh: bool,
    ) -> (String, Vec<Gold>) {
        let mut a = Article {
            zh,
            date,
            body: Vec::new(),
            gold: Vec::new(),
            file,
        };
        let n = 4 + self.rng.below(5);
        self.story(&mut a, company);
        for _ in 0..n {
            match self.rng.below(9) {
                0 | 1 => self.role(&mut a),
                2 => self.acronym(&mut a),
                3 => self.figure(&mut a),
                4 => self.event(&mut a),
                5 => self.misspelt(&mut a, company),
                6 => self.story(&mut a, company),
                _ => {
                    let s = if zh {
                        self.rng.pick(ZH_FILLER)
                    } else {
                        self.rng.pick(EN_FILLER)
                    };
                    a.body.push(s.to_string());
                }
            }
        }
        let (title, publisher) = if zh {
            (*self.rng.pick(ZH_TITLES), *self.rng.pick(ZH_PUBLISHERS))
        } else {
            (*self.rng.pick(EN_TITLES), *self.rng.pick(PUBLISHERS))
        };
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{title}\n{publisher}·{date} {:02}:{:02}\n",
            6 + self.rng.below(14),
            self.rng.below(60)
        );
        // A few sentences a paragraph, citation markers as in wire copy.
        for (k, chunk) in a.body.chunks(3).enumerate() {
            let sep = if zh { "" } else { " " };
            let _ = writeln!(s, "{} [{}]", chunk.join(sep), k + 1);
        }
        (s, a.gold)
    }
}

fn generate(articles: usize, seed: u64, out: &Path, rate: f64) -> Result<(), String> {
    let kb = claimcheck::kb::builtin().map_err(|e| e.to_string())?;
    let w = World::new(&kb);
    if w.companies.is_empty() || w.offices.is_empty() || w.acronyms.is_empty() {
        return Err("the knowledge base has too few entries to draw from".into());
    }
    let mut g = Gen {
        w,
        rng: Rng(seed),
        rate,
    };
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let start = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap_or_default();
    let mut gold = Vec::new();
    let (mut written, mut file_no) = (0, 0);
    while written < articles {
        let per = (1 + g.rng.below(4)).min(articles - written);
        let dir = format!("d{:03}", file_no / 1000);
        let name = format!("{dir}/a{file_no:06}.txt");
        std::fs::create_dir_all(out.join(&dir)).map_err(|e| e.to_string())?;
        // One story a file: the articles share a company and a week.
        let company = *g.rng.pick(&g.w.companies);
        let day = start + Duration::days(g.rng.below(1700) as i64);
        let mut text = String::new();
        for k in 0..per {
            let zh = g.rng.chance(0.25);
            let (s, mut gd) = g.article(&name, company, day + Duration::days(k as i64), zh);
            text.push_str(&s);
            text.push('\n');
            gold.append(&mut gd);
        }
        std::fs::write(out.join(&name), text).map_err(|e| e.to_string())?;
        written += per;
        file_no += 1;
    }
    let gf = GoldFile {
        seed,
        articles,
        conflict_rate: rate,
        conflicts: gold,
    };
    let json = serde_json::to_string_pretty(&gf).map_err(|e| e.to_string())?;
    std::fs::write(out.join("gold.json"), json).map_err(|e| e.to_string())?;
    eprintln!(
        "{articles} articles in {file_no} files, {} injected conflicts, gold in {}",
        gf.conflicts.len(),
        out.join("gold.json").display()
    );
    Ok(())
}

/// Recall of the injected conflicts: one is found when a finding of its rule has a
/// location in its file whose text is the injected text.
fn score(gold: &Path, findings: &Path, misses: bool) -> Result<(), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let gf: GoldFile = serde_json::from_str(&read(gold)?).map_err(|e| e.to_string())?;
    let report: serde_json::Value =
        serde_json::from_str(&read(findings)?).map_err(|e| e.to_string())?;
    let empty = Vec::new();
    let list = report["findings"].as_array().unwrap_or(&empty);
    let locs = |f: &serde_json::Value| -> Vec<(String, String)> {
        f["locations"]
            .as_array()
            .map(|v| {
                v.iter()
                    .map(|l| {
                        (
                            l["path"].as_str().unwrap_or("").replace('\\', "/"),
                            l["text"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    // The gold names files relative to the corpus folder: index both sides by the last
    // two path components, so scoring is linear in findings and gold.
    let key = |p: &str| -> String {
        let parts: Vec<&str> = p.rsplitn(3, '/').collect();
        format!("{}/{}", parts.get(1).unwrap_or(&""), parts[0])
    };
    let mut at: HashMap<String, Vec<(&str, String)>> = HashMap::new();
    for f in list {
        for (p, t) in locs(f) {
            at.entry(key(&p))
                .or_default()
                .push((f["rule"].as_str().unwrap_or(""), t));
        }
    }
    let mut gold_at: HashMap<String, Vec<&Gold>> = HashMap::new();
    for g in &gf.conflicts {
        gold_at.entry(key(&g.file)).or_default().push(g);
    }
    let mut by_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for g in &gf.conflicts {
        let found = at.get(&key(&g.file)).is_some_and(|v| {
            v.iter()
                .any(|(r, t)| *r == g.rule && t.contains(&g.written))
        });
        let e = by_rule.entry(g.rule.as_str()).or_default();
        e.1 += 1;
        if found {
            e.0 += 1;
        } else {
            missed.push(g);
        }
    }
    // A finding is explained by the gold when it points at an injected text, whatever
    // its rule (a wrong reference figure also disagrees with the other articles).
    let explained = |f: &serde_json::Value| {
        locs(f).iter().any(|(p, t)| {
            gold_at
                .get(&key(p))
                .is_some_and(|v| v.iter().any(|g| t.contains(&g.written)))
        })
    };
    let extra: Vec<&serde_json::Value> = list.iter().filter(|f| !explained(f)).collect();
    let total = gf.conflicts.len();
    let found = total - missed.len();
    println!("rule                          found / injected");
    for (rule, (f, n)) in &by_rule {
        println!("{rule:<30}{f:>6} / {n}");
    }
    println!(
        "recall {found}/{total} = {:.1}%; findings not in gold: {} of {}",
        100.0 * found as f64 / total.max(1) as f64,
        extra.len(),
        list.len()
    );
    if misses {
        for g in &missed {
            println!(
                "miss: {} {} {:?} (expected {})",
                g.rule, g.file, g.written, g.expected
            );
        }
        for f in &extra {
            println!(
                "extra: {} {}",
                f["rule"].as_str().unwrap_or(""),
                f["message"].as_str().unwrap_or("")
            );
        }
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let result = if let Some(gold) = value("--score") {
        let findings = args
            .iter()
            .skip_while(|a| *a != "--score")
            .nth(2)
            .cloned()
            .unwrap_or_default();
        score(
            Path::new(&gold),
            Path::new(&findings),
            args.iter().any(|a| a == "--misses"),
        )
    } else {
        let n = value("--articles").and_then(|v| v.parse().ok());
        let out = value("--out").map(PathBuf::from);
        let seed = value("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
        let rate = value("--conflict-rate")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.05);
        match (n, out) {
            (Some(n), Some(out)) => generate(n, seed, &out, rate),
            _ => Err("usage: gen-corpus --articles N --seed S --out DIR [--conflict-rate R]\n       gen-corpus --score gold.json findings.json [--misses]".into()),
        }
    };
    if let Err(e) = result {
        eprintln!("gen-corpus: {e}");
        std::process::exit(2);
    }
}
