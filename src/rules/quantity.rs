//! quantity-conflict: the same figure given values that cannot both hold.
//!
//! Every figure with a unit or a counted noun has a claim frame (see
//! `claims::frame`): its unit class (a count's class of the lexicon's `counted`:
//! "people", "residents" and 人 are one), period (the date the sentence ties it to,
//! else the article's year; a figure set before its clause, "At $4.5bn, …", takes
//! the clause's), modality (reported once its period is over, current or
//! expected), scope (a level, an increment, a change), the way a rate's change goes
//! (up or down), its subject (the party its clause names) and its context (measure
//! words of the vocabulary as synonym classes, other words as stems, Chinese as
//! bigrams, weighted by nearness to the figure, the measure words inside the figure
//! itself included, "barrels of oil"; words past a clause opener such as "as" or
//! "while" weigh as another clause's). A sentence's capitalized first word that the
//! article shows nowhere else as a name ("Poland saw …") is the subject only when
//! another figure's subject is that name; such a figure also meets, across
//! stories, the figures whose subject it is.
//!
//! Figures are compared within a story (see `rules::stories`: sources that share
//! rare names and headline words, bylines close together) and only within a block
//! of the same unit class, period, modality and scope, looked up in an index, never
//! all against all. Across stories, a figure that stands on its own (its clause
//! names the subject, its sentence states the period: "China's economy grew 9.5% in
//! 2004") meets the figures of the same subject, and their near contexts must reach
//! `min_similarity_unlinked`; a subject's figures across such sources are gathered
//! into claims (each joins the claim whose first figure it is most like) and meet
//! within a claim the figures furthest from their values, so the cost grows with
//! the figures, not with the square of the sources. Two figures are also told
//! apart when their sentences give two different tellers ("according to the
//! Halifax", "the ONS said") that the knowledge base or one of the articles knows
//! as two bodies, two different
//! bases of a change ("on the year", "on the month"), a fall and a rise, an
//! increment ("a further €2bn") and a figure that says nothing of adding, counts
//! of one noun with other words before it ("three gold medals", "five medals"), or
//! a share of a whole ("40% of world rice trade") and a rate the vocabulary marks
//! `rate` (a duty cut to 10%). A span of months ("June-September", 6月至9月) is
//! the figure's period, not its last month.
//! Within a block, each pair of sources has its figures
//! matched one to one (Kuhn-Munkres) by how much context they share: two figures can
//! be matched when their subjects agree (or one has none and its article names the
//! other's), no measure class listed as exclusive tells them apart (`exclusive` in
//! `rules/measures.toml`: capacity is not output), they share at least
//! `min_shared_context` of context weight, weighted by rarity in the block (two
//! figures of one named party need only name one measure that near, however many
//! of the block's figures name it too), and their similarity reaches
//! `min_similarity`; of two matches about as good, the one whose values agree wins.
//! A matched pair whose value intervals cannot both hold is a
//! conflict; an unmatched figure is no finding, so a story's different figures
//! stay apart. Within one article two figures are the same claim only when their
//! frames agree on every field and their similarity reaches
//! `same_source_similarity` (a headline restating the body).
//!
//! Intervals: "over 90%" holds with 91%; "about" and "nearly" widen by
//! `about_tolerance` and `nearly_tolerance`; ranges and rounding
//! (`relative_tolerance`) are applied. Every finding says why the figures were
//! taken for one claim (the subject and shared words, in `help` and JSON `because`).
//!
//! Example (tests/fixtures/quantity-conflict/positive/article.txt):
//!   #1: "The Norland Minerals Agency said lithium production reached 12,000 tonnes in 2024"
//!   #2: "The Norland Minerals Agency said lithium production reached 8,000 tonnes in 2024"
//!   error[quantity-conflict]: lithium production for 2024 is 8000 t here, but 12000 t in #1

use foldhash::{HashMap, HashMapExt};

use super::{Ctx, Finding, Place, Severity, groups};
use super::{Key, Keys};
use crate::claims::Claim;
use crate::claims::frame::unit_class;
use crate::claims::{Kind, Modality, QuantityClaim};
use crate::kb::{Kb, Unnamed};
use crate::normalize::Qualifier;
use crate::text::num::num;

pub const ID: &str = "quantity-conflict";

/// The rule's parameters (`params` of its `[rule.ID]` in `rules/settings.toml`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    /// Relative tolerance of an exact figure (rounding).
    pub relative_tolerance: f64,
    /// Relative tolerance of "about", "around", 约.
    pub about_tolerance: f64,
    /// How far below its figure "nearly" reaches, relatively.
    pub nearly_tolerance: f64,
    /// Context weight two figures must share to be one claim (one content word
    /// next to both weighs 1).
    pub min_shared_context: f64,
    /// How alike two figures' contexts must be (shared weight over the geometric
    /// mean of their weights) to be one claim across sources.
    pub min_similarity: f64,
    /// The same when only one of the two names its subject, and when neither does.
    pub min_similarity_one_named: f64,
    pub min_similarity_unnamed: f64,
    /// The same for two sources no story ties together, over the figures' near
    /// contexts only: both clauses must name the same subject and both sentences
    /// state the period.
    pub min_similarity_unlinked: f64,
    /// The same within one article (a headline restating the body).
    pub same_source_similarity: f64,
    /// Stories: the weight of rare names and headline words two sources must share
    /// (a name only they give weighs 1), how far apart two articles' bylines may be
    /// for figures whose period is only the article's year, and how many sources a
    /// feature may be named by and still link them (see `rules::stories`).
    pub story_min_shared: f64,
    pub story_max_days_apart: i64,
    pub story_max_feature_sources: usize,
    /// How many figures' worth of belief that every feature is rare a block's
    /// weights start from (see `Idf`).
    pub idf_prior: f64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            relative_tolerance: 0.02,
            about_tolerance: 0.1,
            nearly_tolerance: 0.1,
            min_shared_context: 0.5,
            min_similarity: 0.2,
            min_similarity_one_named: 0.4,
            min_similarity_unnamed: 0.6,
            min_similarity_unlinked: 0.5,
            same_source_similarity: 0.8,
            story_min_shared: 0.5,
            story_max_days_apart: 62,
            story_max_feature_sources: 200,
            idf_prior: 4.0,
        }
    }
}

impl Params {
    pub fn story(&self) -> super::stories::Settings {
        super::stories::Settings {
            min_shared: self.story_min_shared,
            max_feature_sources: self.story_max_feature_sources,
        }
    }
}

impl super::settings::Params for Params {
    const RULE: &'static str = ID;
}

/// The interval of values a claim allows.
pub fn interval(q: &QuantityClaim, rt: f64, about: f64, nearly: f64) -> (f64, f64) {
    let qty = &q.qty;
    let widen = |lo: f64, hi: f64, t: f64| (lo - lo.abs() * t, hi + hi.abs() * t);
    match (qty.value, qty.qualifier) {
        (Some(x), Some(Qualifier::About)) => widen(x, x, about),
        (Some(x), Some(Qualifier::Nearly)) => (x - x.abs() * nearly, x),
        _ => {
            let lo = qty.low.unwrap_or(f64::NEG_INFINITY);
            let hi = qty.high.unwrap_or(f64::INFINITY);
            let (lo, hi) = widen(lo, hi, rt);
            (lo, hi)
        }
    }
}

/// The value as people read it: `180000 t`, `280000..300000 t`, `>= 90 percent`.
pub fn render(q: &QuantityClaim) -> String {
    let qty = &q.qty;
    let unit = crate::claims::quantities::unit_key(qty);
    let v = match (qty.value, qty.low, qty.high) {
        (Some(v), _, _) => {
            let prefix = match qty.qualifier {
                Some(Qualifier::Over) => "> ",
                Some(Qualifier::AtLeast) => ">= ",
                Some(Qualifier::UpTo) => "<= ",
                Some(Qualifier::LessThan) => "< ",
                Some(Qualifier::Nearly) => "nearly ",
                Some(Qualifier::About) => "about ",
                None => "",
            };
            format!("{prefix}{}", num(v))
        }
        (None, Some(l), Some(h)) => format!("{}..{}", num(l), num(h)),
        (None, Some(l), None) => format!(">= {}", num(l)),
        (None, None, Some(h)) => format!("<= {}", num(h)),
        _ => "?".into(),
    };
    let noun = qty
        .noun
        .as_deref()
        .filter(|_| qty.unit.is_none())
        .unwrap_or("");
    match unit.as_str() {
        "percent" => format!("{v}%"),
        _ => format!("{v} {unit}{noun}").trim().to_string(),
    }
}

/// A figure's block: unit class, period, and whether it reports a past period.
type Block = (String, String, bool);

fn block(q: &QuantityClaim) -> Option<Block> {
    let unit = &q.frame.unit;
    // "from X to Y": X is the level before, of another time than the sentence's.
    if unit.is_empty()
        || q.key.period.is_empty()
        || q.qty.change == Some(crate::normalize::Change::From)
        || q.frame.scope == crate::claims::Scope::Margin
    {
        return None;
    }
    Some((
        unit.clone(),
        q.key.period.clone(),
        q.key.modality == Modality::Actual,
    ))
}

/// Whether a context is mostly Chinese (bigrams) or Latin (stems), by weight.
fn script(f: &[(String, f32)]) -> bool {
    let (mut cjk, mut latin) = (0.0f32, 0.0f32);
    for (x, w) in f.iter().filter(|(x, _)| !x.starts_with("m:")) {
        if x.chars().next().is_some_and(crate::text::is_cjk) {
            cjk += w;
        } else {
            latin += w;
        }
    }
    cjk > latin
}

/// How much each context feature tells within a block: features many of the
/// block's figures have ("growth", "company") weigh little, rare ones ("parboiled")
/// fully: `ln(1 + n / df) / ln(1 + n)` over the block's `n` figures. The block is
/// what a claim index loads for a draft's figure, so an indexed check weighs alike.
struct Idf(HashMap<String, f64>);

impl Idf {
    fn new(cx: &Ctx, members: &[usize], prior: f64) -> Idf {
        let mut df: HashMap<&str, usize> = HashMap::new();
        for &m in members {
            if let Kind::Quantity(q) = &cx.claims[m].kind {
                for (f, _) in &q.frame.what {
                    *df.entry(f.as_str()).or_default() += 1;
                }
            }
        }
        let n = members.len() as f64;
        let scale = (1.0 + n).ln().max(f64::MIN_POSITIVE);
        // A small block tells little of which features are common: its weights lean
        // towards 1 (a prior worth `prior` figures), so two figures alone in a block
        // keep the words they share.
        let trust = n / (n + prior);
        Idf(df
            .into_iter()
            .map(|(f, d)| {
                let w = (1.0 + n / d as f64).ln() / scale;
                (f.to_string(), trust * w + (1.0 - trust))
            })
            .collect())
    }

    fn of(&self, f: &str) -> f64 {
        self.0.get(f).copied().unwrap_or(1.0)
    }
}

/// Can the values of figures `a` and `b` both hold (their intervals meet)?
fn agree(cx: &Ctx, p: &Params, a: usize, b: usize) -> bool {
    match (&cx.claims[a].kind, &cx.claims[b].kind) {
        (Kind::Quantity(x), Kind::Quantity(y)) => {
            let t = (p.relative_tolerance, p.about_tolerance, p.nearly_tolerance);
            let (xl, xh) = interval(x, t.0, t.1, t.2);
            let (yl, yh) = interval(y, t.0, t.1, t.2);
            xl <= yh && yl <= xh
        }
        _ => false,
    }
}

/// Why two figures were taken for one claim, with the score that ranked them.
#[derive(Clone)]
struct Match {
    score: f64,
    because: Vec<String>,
}

/// Can figures `a` and `b` be one claim, and how alike are they?
/// `near`: only context features near each figure count (see `unlinked`).
fn compare(cx: &Ctx, p: &Params, idf: &Idf, near: bool, a: usize, b: usize) -> Option<Match> {
    let (ca, cb) = (&cx.claims[a], &cx.claims[b]);
    let (Kind::Quantity(qa), Kind::Quantity(qb)) = (&ca.kind, &cb.kind) else {
        return None;
    };
    let (fa, fb) = (&qa.frame, &qb.frame);
    // Features a figure's nearest words give (weight at least `NEAR`).
    let near_what = |f: &crate::claims::Frame| -> Vec<(String, f32)> {
        f.what.iter().filter(|(_, w)| *w >= NEAR).cloned().collect()
    };
    let (wa, wb) = if near {
        (near_what(fa), near_what(fb))
    } else {
        (Vec::new(), Vec::new())
    };
    let (what_a, what_b) = if near {
        (&wa, &wb)
    } else {
        (&fa.what, &fb.what)
    };
    if !fa.scope.compatible(fb.scope)
        || share_of_rate(cx.kb, fa, fb)
        || share_of_rate(cx.kb, fb, fa)
    {
        return None;
    }
    // "three gold medals" are a part of "five medals": counts of one noun with other
    // words before it are two claims.
    if modifiers(&qa.qty) != modifiers(&qb.qty) {
        return None;
    }
    // Figures two different bodies give are two series (two house-price indexes):
    // two bodies the knowledge base knows, or two names one of the articles gives
    // both of. Two unknown names that no article gives together may be one body
    // misspelt ("Juniper Research", "Jupiter Research").
    if let (Some(x), Some(y)) = (&fa.teller, &fb.teller)
        && x != y
    {
        let stories = cx.stories();
        let known = !super::is_proper_noun(x) && !super::is_proper_noun(y);
        if known || stories.names(ca.source, y) || stories.names(cb.source, x) {
            return None;
        }
    }
    // A change on the year and one on the month are two claims.
    if let (Some(x), Some(y)) = (&fa.base, &fb.base)
        && x != y
    {
        return None;
    }
    // So are a sub-series and the whole ("core inflation", "inflation").
    if fa.series != fb.series {
        return None;
    }
    // So are a fall and a rise ("fell 0.2%" on the month, "rose at an annual rate
    // of 10.7%").
    if let (Some(x), Some(y)) = (&fa.direction, &fb.direction)
        && x != y
    {
        return None;
    }
    // A period that is only the article's year holds for figures of articles
    // written close together; a stated period holds whenever they were written.
    if qa.key.period_default || qb.key.period_default {
        let date = |s: usize| cx.sources.get(s).and_then(|x| x.date);
        if let (Some(x), Some(y)) = (date(ca.source), date(cb.source))
            && (x - y).num_days().abs() > p.story_max_days_apart
        {
            return None;
        }
    }
    let stories = cx.stories();
    let mut because = Vec::new();
    // Named subjects that differ part the figures; a subject carried from earlier
    // in the paragraph, or the one party the sentence names ("An unemployment rate
    // of 7.3% makes Germany …"), only helps them meet.
    fn only(f: &crate::claims::Frame) -> Option<&String> {
        match f.parties.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
    // A sentence's capitalized first word is the subject when the other figure's
    // subject is that name ("Poland saw …" beside "Poland's inflation …").
    // Two sentences that open with the same such word, and whose paragraphs name no
    // party before them, are about it ("Kestland released …" twice).
    let lead_is = |f: &crate::claims::Frame, other: &crate::claims::Frame| {
        f.subject.clone().or_else(|| {
            f.lead.clone().filter(|l| {
                other.subject.as_ref() == Some(l)
                    || (other.subject.is_none()
                        && other.lead.as_ref() == Some(l)
                        && f.carried.is_none()
                        && other.carried.is_none())
            })
        })
    };
    let (subj_a, subj_b) = (lead_is(fa, fb), lead_is(fb, fa));
    // A figure whose sentence opens with such a word, and names and follows no party
    // (a headline: "Marovia growth hits 3.2%"), is that word's, not another party's.
    let rival = |f: &crate::claims::Frame, other: &Option<String>| {
        f.subject.is_none()
            && f.carried.is_none()
            && f.parties.is_empty()
            && matches!((&f.lead, other), (Some(l), Some(x)) if l != x)
    };
    if rival(fa, &subj_b) || rival(fb, &subj_a) {
        return None;
    }
    let (sa, sb) = (
        subj_a.as_ref().or(fa.carried.as_ref()).or(only(fa)),
        subj_b.as_ref().or(fb.carried.as_ref()).or(only(fb)),
    );
    let named = match (&subj_a, &subj_b) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(x), None) if !stories.names(cb.source, x) && ca.source != cb.source => {
            return None;
        }
        (None, Some(y)) if !stories.names(ca.source, y) && ca.source != cb.source => {
            return None;
        }
        _ => match (sa, sb) {
            (Some(x), Some(y)) if x == y => {
                because.push(format!("subject {}", party_name(cx, x)));
                2
            }
            (Some(_), Some(_)) => 0,
            (Some(_), None) | (None, Some(_)) => 1,
            (None, None) => 0,
        },
    };
    if exclusive(
        cx.kb,
        crate::claims::frame::figures(&qa.qty),
        &fa.what,
        &fb.what,
    ) {
        return None;
    }
    // Weighted overlap of the two contexts.
    let (mut i, mut j) = (0, 0);
    let mut shared = 0.0f64;
    // The measure classes the two share, before weighing by rarity: for one named
    // party's figures a measure is no less shared for every figure of the block
    // naming it too.
    let mut measure = 0.0f64;
    let mut words: Vec<(f64, &str)> = Vec::new();
    while i < what_a.len() && j < what_b.len() {
        let (x, wx) = &what_a[i];
        let (y, wy) = &what_b[j];
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = f64::from(wx.min(*wy)) * idf.of(x);
                shared += w;
                if x.starts_with("m:") {
                    measure = measure.max(f64::from(wx.min(*wy)));
                }
                words.push((w, x.as_str()));
                i += 1;
                j += 1;
            }
        }
    }
    // Across languages only measure classes can be shared: words and bigrams are
    // left out of both sides' weight.
    let cross = script(what_a) != script(what_b);
    let norm = |f: &[(String, f32)]| {
        f.iter()
            .filter(|(x, _)| !cross || x.starts_with("m:"))
            .map(|(x, w)| f64::from(*w) * idf.of(x))
            .sum::<f64>()
    };
    let (na, nb) = (norm(what_a), norm(what_b));
    // Two small contexts cannot share more than they hold: most of it will do.
    let floor = p.min_shared_context.min(0.9 * na.min(nb));
    let one_party = named == 2 && measure >= p.min_shared_context;
    if (shared < floor && !one_party) || shared <= 0.0 || na <= 0.0 || nb <= 0.0 {
        return None;
    }
    let sim = shared / (na * nb).sqrt();
    // The less the subjects say, the more alike the contexts must be.
    let need = if ca.source == cb.source {
        p.same_source_similarity
    } else {
        match named {
            2 => p.min_similarity,
            1 => p.min_similarity_one_named,
            _ => p.min_similarity_unnamed,
        }
    };
    if sim < need {
        return None;
    }
    words.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    let shown: Vec<String> = words
        .iter()
        .take(4)
        .map(|(_, w)| w.trim_start_matches("m:").to_string())
        .collect();
    because.push(format!(
        "shared context {} (similarity {:.2})",
        shown.join(", "),
        sim
    ));
    let bonus = if named == 2 { 0.25 } else { 0.0 };
    Some(Match {
        score: sim + bonus,
        because,
    })
}

/// Is `share` a part of a whole ("40% of world rice trade") and `other` a rate the
/// vocabulary marks as never a part of one (a tariff cut to 10%), named right by its
/// figure, which the share's context does not name?
fn share_of_rate(kb: &Kb, share: &crate::claims::Frame, other: &crate::claims::Frame) -> bool {
    const STRONG: f32 = 1.0;
    use crate::claims::frame::Scope;
    share.scope == Scope::Share
        && other.scope != Scope::Share
        && other.what.iter().any(|(x, w)| {
            *w >= STRONG
                && x.strip_prefix("m:").is_some_and(|k| kb.rates.contains(k))
                && !share.what.iter().any(|(y, _)| y == x)
        })
}

/// Are the two figures different measures of one exclusive class (capacity and
/// output)? They are when both contexts name measures of the class and none in
/// common, or, in one language, when one names a measure of the class right by
/// its figure (`STRONG`) and the other names none of the class, which then reads
/// as its class's `[[exclusive]]` says: as another measure (the default), as any
/// (a stage), or as one measure (a tonnage naming no volume is an output).
fn exclusive(kb: &Kb, money: Option<bool>, a: &[(String, f32)], b: &[(String, f32)]) -> bool {
    const STRONG: f32 = 1.0;
    let (ca, cb) = (classed(kb, money, a), classed(kb, money, b));
    // Across languages the vocabulary's two halves differ in reach: a measure one
    // side names and the other does not is no evidence there.
    let one_sided = script(a) == script(b);
    let apart = |x: &[(&str, &str, f32)], y: &[(&str, &str, f32)]| {
        x.iter().any(|&(class, _, w)| {
            let kx: Vec<&str> = x.iter().filter(|c| c.0 == class).map(|c| c.1).collect();
            let ky: Vec<&str> = y.iter().filter(|c| c.0 == class).map(|c| c.1).collect();
            if ky.is_empty() {
                // The other names none of the class: `[[exclusive]]` says how it reads.
                // Read as one measure, it is that measure in either language (a
                // word the vocabulary lacks on its side can only lose a match).
                w >= STRONG
                    && match kb.unnamed.get(class) {
                        None | Some(Unnamed::Apart) => one_sided,
                        Some(Unnamed::Any) => false,
                        Some(Unnamed::Reads(k)) => !kx.contains(&k.as_str()),
                    }
            } else {
                !kx.iter().any(|k| ky.contains(k))
            }
        })
    };
    apart(&ca, &cb) || apart(&cb, &ca)
}

/// The measures of a context that belong to an exclusive class: (class, measure,
/// weight).
fn classed<'a>(
    kb: &'a Kb,
    money: Option<bool>,
    f: &'a [(String, f32)],
) -> Vec<(&'a str, &'a str, f32)> {
    f.iter()
        .filter_map(|(x, w)| {
            let k = x.strip_prefix("m:")?;
            // "sales" of cars are not revenue, nor "sales" of $5bn goods sold.
            if let (Some(m), Some(only)) = (money, kb.money_only.get(k))
                && m != *only
            {
                return None;
            }
            kb.exclusive.get(k).map(|c| (c.as_str(), k, *w))
        })
        .collect()
}

/// The words before an English counted noun's head, lowercased ("gold" of "gold
/// medals of the games"); none for a unit, a bare noun or a Chinese noun.
fn modifiers(q: &crate::normalize::Qty) -> Vec<String> {
    let Some(noun) = q.noun.as_deref().filter(|_| q.unit.is_none()) else {
        return Vec::new();
    };
    if noun.chars().any(crate::text::is_cjk) {
        return Vec::new();
    }
    let head = noun.split(" of ").next().unwrap_or(noun);
    let mut words: Vec<String> = head.split_whitespace().map(str::to_lowercase).collect();
    words.pop();
    words.sort();
    words
}

/// A party as people read it: the entity's name, or the proper noun capitalized.
fn party_name(cx: &Ctx, id: &str) -> String {
    if let Some(np) = id.strip_prefix("np:") {
        let mut c = np.chars();
        return c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
    }
    cx.kb.entity(id).map_or(id.to_string(), |e| e.name.clone())
}

/// Figures of two sources matched one to one by score (Kuhn-Munkres); large blocks
/// are first cut by subject so that the matrix stays small. Equal scores tie, so
/// the two sources are taken in path order: a draft checked against an archive
/// (whose sources come first) picks the same figures as one run over both.
fn align(
    cx: &Ctx,
    p: &Params,
    idf: &Idf,
    near: bool,
    xs: &[usize],
    ys: &[usize],
) -> Vec<(usize, usize, Match)> {
    let rank = |v: &[usize]| {
        v.first().map(|&i| {
            let s = &cx.sources[cx.claims[i].source];
            (s.path.as_str(), s.range.start)
        })
    };
    if rank(ys) < rank(xs) {
        let mut out = align_ordered(cx, p, idf, near, ys, xs);
        for (a, b, _) in &mut out {
            std::mem::swap(a, b);
        }
        return out;
    }
    align_ordered(cx, p, idf, near, xs, ys)
}

fn align_ordered(
    cx: &Ctx,
    p: &Params,
    idf: &Idf,
    near: bool,
    xs: &[usize],
    ys: &[usize],
) -> Vec<(usize, usize, Match)> {
    const MAX_CELLS: usize = 4096;
    if xs.len() * ys.len() > MAX_CELLS {
        let subject = |i: usize| match &cx.claims[i].kind {
            Kind::Quantity(q) => q.frame.subject.clone(),
            _ => None,
        };
        let mut by: HashMap<Option<String>, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for &x in xs {
            by.entry(subject(x)).or_default().0.push(x);
        }
        for &y in ys {
            by.entry(subject(y)).or_default().1.push(y);
        }
        let mut keys: Vec<_> = by.keys().cloned().collect();
        keys.sort();
        let mut out = Vec::new();
        for k in keys {
            let (a, b) = &by[&k];
            // Within one subject, consecutive runs of a bounded size.
            let chunk = (MAX_CELLS as f64).sqrt() as usize;
            for (ca, cb) in a.chunks(chunk).zip(b.chunks(chunk)) {
                out.extend(align_small(cx, p, idf, near, ca, cb));
            }
        }
        return out;
    }
    align_small(cx, p, idf, near, xs, ys)
}

fn align_small(
    cx: &Ctx,
    p: &Params,
    idf: &Idf,
    near: bool,
    xs: &[usize],
    ys: &[usize],
) -> Vec<(usize, usize, Match)> {
    let (rows, cols, flip) = if xs.len() <= ys.len() {
        (xs, ys, false)
    } else {
        (ys, xs, true)
    };
    let mut cells: Vec<Option<Match>> = Vec::with_capacity(rows.len() * cols.len());
    let mut weights = Vec::with_capacity(rows.len() * cols.len());
    // Of two readings that fit about as well, the one whose values agree wins: a
    // figure that may be either of two is not a conflict with the one it equals.
    const AGREE: f64 = 0.05;
    for &r in rows {
        for &c in cols {
            let m = compare(cx, p, idf, near, r, c);
            let w = m.as_ref().map_or(0i64, |m| {
                let bonus = if agree(cx, p, r, c) { AGREE } else { 0.0 };
                ((m.score + bonus) * 10_000.0) as i64 + 1
            });
            weights.push(w);
            cells.push(m);
        }
    }
    if rows.is_empty() || weights.iter().all(|&w| w == 0) {
        return Vec::new();
    }
    let Ok(matrix) = pathfinding::matrix::Matrix::from_vec(rows.len(), cols.len(), weights) else {
        return Vec::new();
    };
    let (_, assign) = pathfinding::kuhn_munkres::kuhn_munkres(&matrix);
    let mut out = Vec::new();
    for (ri, &ci) in assign.iter().enumerate() {
        if let Some(m) = cells[ri * cols.len() + ci].take() {
            let (a, b) = if flip {
                (cols[ci], rows[ri])
            } else {
                (rows[ri], cols[ci])
            };
            out.push((a, b, m));
        }
    }
    out
}

pub fn check(cx: &Ctx) -> Vec<Finding> {
    use rayon::prelude::*;
    let p: Params = cx.params();
    // Blocks of figures that can be one claim; cost grows with the claims.
    let mut index: HashMap<Block, Vec<usize>> = HashMap::new();
    for (i, c) in cx.claims.iter().enumerate() {
        if let Kind::Quantity(qc) = &c.kind
            && let Some(b) = block(qc)
        {
            index.entry(b).or_default().push(i);
        }
    }
    let mut blocks: Vec<(&Block, &Vec<usize>)> =
        index.iter().filter(|(_, m)| m.len() >= 2).collect();
    blocks.sort_by_key(|b| b.0);
    // The stories are made once, before the blocks are checked side by side.
    cx.stories();
    // Each block on its own (`--jobs`), the findings in the blocks' order.
    blocks
        .par_iter()
        .map(|(key, members)| check_block(cx, &p, key, members))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// The findings of one block's figures (`members`, in claim order).
fn check_block(cx: &Ctx, p: &Params, key: &Block, members: &[usize]) -> Vec<Finding> {
    let q = |i: usize| match &cx.claims[i].kind {
        Kind::Quantity(q) => Some(q),
        _ => None,
    };
    // A block holds only figures.
    let disjoint = |a: usize, b: usize| !agree(cx, p, a, b);
    let mut out = Vec::new();
    let mut by_source: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for &m in members {
        by_source.entry(cx.claims[m].source).or_default().push(m);
    }
    let stories = cx.stories();
    let idf = Idf::new(cx, members, p.idf_prior);
    let mut found: Vec<(usize, usize, Match)> = Vec::new();
    for (&sa, xs) in &by_source {
        // Other sources of its stories that have figures in this block.
        for &sb in stories.of(sa).iter().filter(|&&sb| sb > sa) {
            let Some(ys) = by_source.get(&sb) else {
                continue;
            };
            found.extend(
                align(cx, p, &idf, false, xs, ys)
                    .into_iter()
                    .filter(|(a, b, _)| disjoint(*a, *b)),
            );
        }
        // Within the article: each figure against the last one of its subject
        // in another sentence (the same claim restated, as in a headline); two
        // figures of one sentence are two claims.
        let mut last: HashMap<Option<&str>, usize> = HashMap::new();
        for &x in xs {
            let subject = q(x).and_then(|qc| qc.frame.subject.as_deref());
            if let Some(&prev) = last.get(&subject)
                && disjoint(prev, x)
                && apart(cx, prev, x)
                && let Some(m) = compare(cx, p, &idf, false, prev, x)
            {
                found.push((prev, x, m));
            }
            last.insert(subject, x);
        }
    }
    found.extend(
        unlinked(cx, p, &idf, &by_source)
            .into_iter()
            .filter(|(a, b, _)| disjoint(*a, *b)),
    );
    if found.is_empty() {
        return out;
    }
    let pos: HashMap<usize, usize> = members.iter().enumerate().map(|(k, &m)| (m, k)).collect();
    let pairs: Vec<(usize, usize)> = found.iter().map(|(a, b, _)| (pos[a], pos[b])).collect();
    let mut degree = vec![0usize; members.len()];
    for &(x, y) in &pairs {
        degree[x] += 1;
        degree[y] += 1;
    }
    for g in groups(members.len(), &pairs) {
        // The claim in most conflicts is the primary; ties: the later one.
        let primary = g
            .iter()
            .copied()
            .max_by_key(|&k| (degree[k], k))
            .unwrap_or(g[0]);
        let mut places: Vec<Place> = g
            .iter()
            .map(|&k| {
                let c = &cx.claims[members[k]];
                Place {
                    source: c.source,
                    span: c.span.clone(),
                    normalized: q(members[k]).map(render).unwrap_or_default(),
                    primary: k == primary,
                }
            })
            .collect();
        places.sort_by_key(|p| !p.primary);
        let mut because: Vec<String> = Vec::new();
        for (a, _, m) in &found {
            if g.contains(&pos[a]) {
                for w in &m.because {
                    if !because.contains(w) {
                        because.push(w.clone());
                    }
                }
            }
        }
        let label = q(members[primary])
            .map(|qc| label(cx, qc))
            .unwrap_or_default();
        let period = &key.1;
        let mut f = Finding {
            lead: Some(format!("{label} for {period} is")),
            rule: ID,
            severity: Severity::Error,
            message: String::new(),
            subject: Some(format!("{label} ({period})")),
            expected: None,
            help: Some(format!(
                "these figures cannot all hold; taken for one claim by {}: check which source is right",
                because.join("; ")
            )),
            places,
            because,
        };
        f.restate(cx.sources);
        out.push(f);
    }
    out
}

/// A context feature weighing at least this is near its figure: a word within four
/// tokens in its clause, a measure word within twelve.
const NEAR: f32 = 0.5;

/// Figures of sources no story ties together, met when each stands on its own:
/// its clause names the subject and its sentence states the period ("China's
/// economy grew 9.5% in 2004" in any article of any day), and their near contexts
/// (`NEAR`: the words around a figure, not the rest of its sentence, which in an
/// unrelated article is about something else) are alike. Sources are met through
/// an index by subject, and a subject given by more sources than a story feature
/// may be (`story_max_feature_sources`) is too common to stand for one claim.
///
/// A subject may be given by hundreds of unrelated sources, so its figures are not
/// aligned source by source (the square of its sources) but gathered into claims
/// (see `Claims`): cost grows with its figures times its distinct claims.
fn unlinked(
    cx: &Ctx,
    p: &Params,
    idf: &Idf,
    by_source: &std::collections::BTreeMap<usize, Vec<usize>>,
) -> Vec<(usize, usize, Match)> {
    use std::collections::BTreeMap;
    type Index<'x> = BTreeMap<&'x str, Vec<usize>>;
    let (mut by_subject, mut by_lead): (Index, Index) = Default::default();
    for xs in by_source.values() {
        for &x in xs {
            let Kind::Quantity(q) = &cx.claims[x].kind else {
                continue;
            };
            if q.key.period_default {
                continue;
            }
            // A figure whose only name is its sentence's first word meets the
            // figures whose subject is that name, not other such figures.
            let (map, id) = match (&q.frame.subject, &q.frame.lead) {
                (Some(subject), _) => (&mut by_subject, subject),
                (None, Some(lead)) => (&mut by_lead, lead),
                (None, None) => continue,
            };
            map.entry(id.as_str()).or_default().push(x);
        }
    }
    let strict = Params {
        min_similarity: p.min_similarity.max(p.min_similarity_unlinked),
        ..p.clone()
    };
    let sources = |xs: &[usize]| {
        let mut s: Vec<usize> = xs.iter().map(|&x| cx.claims[x].source).collect();
        s.dedup();
        s.len()
    };
    let mut out = Vec::new();
    for (subject, named) in &by_subject {
        let leads = by_lead.get(subject).map_or(&[][..], Vec::as_slice);
        if sources(named) > p.story_max_feature_sources {
            continue;
        }
        // Figures in path order: which figure leads a claim then does not hang on
        // how the run numbered its sources (a draft checked against an archive
        // numbers its own first).
        let by_path = |xs: &[usize]| {
            let mut v = xs.to_vec();
            v.sort_by_cached_key(|&x| place(cx, x));
            v
        };
        let mut claims = Claims::new(cx, &strict, idf);
        for x in by_path(named) {
            claims.add(x, false);
        }
        for x in by_path(leads) {
            claims.add(x, true);
        }
        out.extend(claims.conflicts());
    }
    out
}

/// One subject's figures across unrelated sources, gathered into claims: each
/// figure joins the claim whose first figure (its leader) it is most like, among
/// leaders of other sources no story ties to its own, or else starts a claim (a
/// figure known only by its sentence's first word joins, never starts). Within a
/// claim, a figure meets the figures whose values lie furthest from its own (the
/// lowest and the highest), so every conflict of the claim is found through a few
/// pairs each, not all of them; two figures meet only when their own contexts are
/// alike too, and not when either's source also gives a figure of the claim that
/// agrees with the other's (one reading of two fits: no conflict).
struct Claims<'a> {
    cx: &'a Ctx<'a>,
    p: &'a Params,
    idf: &'a Idf,
    claims: Vec<Vec<Member>>,
}

/// A figure of a claim: whether it is known only by a sentence's first word, and
/// the match that joined it to the leader (none for the leader).
struct Member {
    id: usize,
    lead: bool,
    join: Option<Match>,
}

/// How many claims one subject's figures of one block may start; a figure like
/// none of them is left out (a bound on cost: the figures of one subject, period
/// and unit class are rarely of more distinct claims).
const MAX_CLAIMS: usize = 64;

/// How many of the furthest figures on each side a figure tries (one that meets
/// is enough: the claim's conflicts then form one group through the furthest).
const FURTHEST: usize = 4;

impl<'a> Claims<'a> {
    fn new(cx: &'a Ctx<'a>, p: &'a Params, idf: &'a Idf) -> Claims<'a> {
        Claims {
            cx,
            p,
            idf,
            claims: Vec::new(),
        }
    }

    /// May figures `a` and `b` meet here: other sources, no story between them, not
    /// both known only by a sentence's first word?
    fn may_meet(&self, a: &Member, b: &Member) -> bool {
        let (sa, sb) = (self.cx.claims[a.id].source, self.cx.claims[b.id].source);
        sa != sb && !(a.lead && b.lead) && !self.cx.stories().linked(sa, sb)
    }

    fn add(&mut self, id: usize, lead: bool) {
        let mut x = Member {
            id,
            lead,
            join: None,
        };
        let mut best: Option<usize> = None;
        for (k, claim) in self.claims.iter().enumerate() {
            if !self.may_meet(&claim[0], &x) {
                continue;
            }
            if let Some(m) = compare(self.cx, self.p, self.idf, true, claim[0].id, id)
                && x.join.as_ref().is_none_or(|b| m.score > b.score)
            {
                x.join = Some(m);
                best = Some(k);
            }
        }
        match best {
            Some(k) => self.claims[k].push(x),
            None if !lead && self.claims.len() < MAX_CLAIMS => self.claims.push(vec![x]),
            None => {}
        }
    }

    /// The pairs of figures of one claim whose values cannot both hold.
    fn conflicts(self) -> Vec<(usize, usize, Match)> {
        let (cx, p) = (self.cx, self.p);
        let t = (p.relative_tolerance, p.about_tolerance, p.nearly_tolerance);
        let span = |x: usize| match &cx.claims[x].kind {
            Kind::Quantity(q) => interval(q, t.0, t.1, t.2),
            _ => (f64::NAN, f64::NAN),
        };
        let agree = |a: usize, b: usize| agree(cx, p, a, b);
        let mut out = Vec::new();
        let mut seen: foldhash::HashSet<(usize, usize)> = Default::default();
        for claim in &self.claims {
            // A source's figures of the claim: one that agrees with the other
            // side's figure is the reading that fits.
            let mut of_source: HashMap<usize, Vec<usize>> = HashMap::new();
            for z in claim {
                of_source
                    .entry(cx.claims[z.id].source)
                    .or_default()
                    .push(z.id);
            }
            let fits =
                |x: usize, y: usize| of_source[&cx.claims[x].source].iter().any(|&z| agree(z, y));
            let pair = |x: &Member, y: &Member| {
                self.may_meet(x, y) && !agree(x.id, y.id) && !fits(x.id, y.id) && !fits(y.id, x.id)
            };
            let leader = &claim[0];
            // Each figure against its leader: compared when it joined.
            for x in &claim[1..] {
                if let Some(m) = &x.join
                    && pair(leader, x)
                {
                    seen.insert((leader.id.min(x.id), leader.id.max(x.id)));
                    out.push((leader.id, x.id, m.clone()));
                }
            }
            if claim.len() < 3 {
                continue;
            }
            // Equal values in path order, as above (the sorts are stable).
            let mut by_high: Vec<&Member> = claim[1..].iter().collect();
            by_high.sort_by_cached_key(|m| place(cx, m.id));
            let mut by_low = by_high.clone();
            by_high.sort_by(|a, b| span(a.id).1.total_cmp(&span(b.id).1));
            by_low.sort_by(|a, b| span(b.id).0.total_cmp(&span(a.id).0));
            for x in &claim[1..] {
                let (xl, xh) = span(x.id);
                // The lowest figures below x's, then the highest above.
                let below = by_high.iter().take_while(|y| span(y.id).1 < xl);
                let above = by_low.iter().take_while(|y| span(y.id).0 > xh);
                let sides: [Vec<&&Member>; 2] = [
                    below.take(FURTHEST).collect(),
                    above.take(FURTHEST).collect(),
                ];
                for side in sides {
                    for y in side.into_iter().filter(|y| pair(x, y)) {
                        let (a, b) = (x.id.min(y.id), x.id.max(y.id));
                        if seen.contains(&(a, b)) {
                            break;
                        }
                        if let Some(m) = compare(cx, p, self.idf, true, a, b) {
                            seen.insert((a, b));
                            out.push((a, b, m));
                            break;
                        }
                    }
                }
            }
        }
        out
    }
}

/// Where claim `i` is, as the order of paths gives it: its source's path and
/// offset in the file, then its own offset.
fn place<'a>(cx: &'a Ctx, i: usize) -> (&'a str, usize, usize) {
    let c = &cx.claims[i];
    let s = &cx.sources[c.source];
    (s.path.as_str(), s.range.start, c.span.start)
}

/// Do claims `a` and `b` (of one source) lie in different sentences? (Their
/// frames say; an archive source's text is not loaded.)
fn apart(cx: &Ctx, a: usize, b: usize) -> bool {
    match (&cx.claims[a].kind, &cx.claims[b].kind) {
        (Kind::Quantity(x), Kind::Quantity(y)) => x.frame.sentence != y.frame.sentence,
        _ => false,
    }
}

/// What a figure is of, for messages: its subject and its measure words
/// ("Glencore buyback"), else its subject and unit.
fn label(cx: &Ctx, q: &QuantityClaim) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = &q.frame.subject {
        parts.push(party_name(cx, s));
    }
    let mut concepts: Vec<&(String, f32)> = q
        .frame
        .what
        .iter()
        .filter(|(w, _)| w.starts_with("m:"))
        .collect();
    concepts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut words: Vec<String> = concepts
        .iter()
        .take(2)
        .map(|(w, _)| w.trim_start_matches("m:").to_string())
        .collect();
    words.sort();
    if words.is_empty() && !q.key.measure.is_empty() {
        words.push(q.key.measure.replace('+', " "));
    }
    if words.is_empty() {
        let u = unit_class(&q.qty);
        words.push(u.trim_start_matches("n:").to_string());
    }
    parts.extend(words);
    parts.join(" ")
}

/// Figures by block: unit class, period, modality, scope.
pub fn keys(_: &Kb) -> Box<dyn Keys + '_> {
    Box::new(ByMeasure)
}

struct ByMeasure;

impl Keys for ByMeasure {
    fn stored(&self, c: &Claim, out: &mut Vec<Key>) {
        let Kind::Quantity(q) = &c.kind else { return };
        let Some((unit, period, actual)) = block(q) else {
            return;
        };
        let actual = if actual { "actual" } else { "other" };
        out.push(Key::new('q', &[&unit, &period, actual]));
    }
}
