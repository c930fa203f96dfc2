//! entity-name-variant: a known entity written in a form that is not one of its names.
//!
//! Every run of capitalized words (connectors such as "of" and "and" allowed; a short
//! acronym may lead it, as in "LG Energy Solution"; Latin names inside Chinese or
//! Japanese text count too) that is not itself a known name is looked up, through an
//! index of the words of all known names, against the names that share a word
//! beginning; it is a variant of a name when the two are alike as wholes (Jaro-Winkler
//! similarity at or above `similarity`) and word by word, each differing word being
//! either a short form of the other ("Cross"/"Crossing") or within two edits of it
//! ("Lindqvst", "Geolgy", "Earth"/"Earths"; two swapped letters, "Chevorn", are one).
//! A word's plural or singular before the name's last word is a slip ("Sumitomo
//! Metals Mining"); of the last word it is the name in the plural ("European
//! Councils"). Generic words (Mine, Inc, Group, …) may be added or dropped. A one-word
//! site ("Escondita") is compared only where the source names its operator. Known
//! misspellings listed in the knowledge base are flagged as such. A form that is
//! another known entity's name, or one of the entity's names in another accepted
//! spelling (hyphens, "&", British forms: "Shanghai Co-operation Organisation"), is
//! never flagged. A holder's name after an office title is compared to the people
//! the knowledge base knows the same way ("Prime Minister Takaichi Sanea"); the role
//! rule then judges the person meant.
//!
//! Example (tests/fixtures/entity-name-variant/positive/article.txt):
//!   "Crews at the Harrow Cross pit worked through the winter"
//!   warning[entity-name-variant]: "Harrow Cross" is not a name of Harrow Crossing

use foldhash::{HashMap, HashSet, HashSetExt};
use std::ops::Range;

use rayon::prelude::*;

use super::{Ctx, Finding, Place, Severity};
use crate::claims::Kind;
use crate::kb::names::{norm_words, prefix, suffix};
use crate::text::words::sentences;
use crate::text::{is_cjk, is_cjk_like, lexicon};

pub const ID: &str = "entity-name-variant";

/// The rule's parameters (`params` of its `[rule.ID]` in `rules/settings.toml`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    /// Jaro-Winkler similarity of a name to a known name, from 0 to 1, at or above which
    /// it is a variant.
    pub similarity: f64,
    /// Names shorter than this many characters are never compared.
    pub min_length: usize,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            similarity: 0.88,
            min_length: 6,
        }
    }
}

impl super::settings::Params for Params {
    const RULE: &'static str = ID;
}

/// Up to `n` bytes of `text` before `end`, cut on a char boundary.
fn tail(text: &str, end: usize, n: usize) -> &str {
    debug_assert!(
        text.is_char_boundary(end),
        "a run starts on a char boundary"
    );
    let start = text.ceil_char_boundary(end.saturating_sub(n));
    text.get(start..end).unwrap_or_default()
}

/// Is the written word `b` a wrong form of the name's word `a`: a short form of it
/// (only inside a longer name: `abbreviation`), or within two edits (and a quarter
/// of its length) of it? A word that extends the name's word ("Australians",
/// "Commissioner", "Japanese") is a derived word, not a wrong form.
fn near(a: &str, b: &str, abbreviation: bool, inner: bool) -> bool {
    if a == b {
        return true;
    }
    // Inside a name, before its last word, a word's plural or singular is a slip
    // ("Sumitomo Metals Mining"); as the last word it makes the whole name plural
    // ("European Councils"), and alone a derived word ("Australians").
    if inner && (b.strip_suffix('s') == Some(a) || a.strip_suffix('s') == Some(b)) {
        return true;
    }
    if b.starts_with(a) {
        return false;
    }
    let count = |w: &str| {
        if w.is_ascii() {
            w.len()
        } else {
            w.chars().count()
        }
    };
    let (la, lb) = (count(a), count(b));
    let shorter = la.min(lb);
    // A short form written for the name ("Mount" for "Mountain"): a prefix of four or more letters.
    if a.starts_with(b) {
        return abbreviation && shorter >= 4;
    }
    // Two edits cannot bridge a greater difference in length.
    if la.abs_diff(lb) > 2 {
        return false;
    }
    if shorter < 4 {
        return false;
    }
    // Two edits for a word of eight letters or more, one for a shorter one.
    let edits = if shorter >= 8 { 2 } else { 1 };
    // Cheap bounds first (this runs for every candidate word): one edit, a swap
    // included, leaves at most two letters of the longer word outside the common
    // beginning and end; two are allowed at most four of the shorter word's.
    let (p, q) = common_ends(a, b, shorter);
    let outside = if edits == 1 {
        la.max(lb) - p - q
    } else {
        shorter - p - q
    };
    if outside > 2 * edits {
        return false;
    }
    // Two letters swapped ("Chevorn") are one slip, not two.
    strsim::osa_distance(a, b) <= edits
}

/// The letters `a` and `b` share at their beginning and, of the `shorter` word's
/// rest, at their end.
fn common_ends(a: &str, b: &str, shorter: usize) -> (usize, usize) {
    let p = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let q = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take(shorter - p)
        .take_while(|(x, y)| x == y)
        .count();
    (p, q)
}

/// The words of `text[r]` with their offsets: split at spaces, and around Chinese or
/// Japanese text, which a Latin name sits in without spaces ("分析人士说，Glencroe将…");
/// a CJK stretch is never capitalized, so it ends a run. One at a time: most
/// sentences hold no run, and a list of their words cost more than reading them.
fn words(text: &str, r: Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = r.start;
    let mut split = text[r].split(' ');
    // What is left of a word that mixes CJK and other text.
    let mut rest: Option<(usize, &str)> = None;
    std::iter::from_fn(move || {
        let (at, w) = match rest.take() {
            Some(r) => r,
            None => {
                let w = split.next()?;
                let at = pos;
                pos += w.len() + 1;
                if w.is_ascii() {
                    return Some((at, w));
                }
                (at, w)
            }
        };
        let (piece, more) = first_piece(at, w);
        rest = more;
        Some(piece)
    })
}

/// The first stretch of a word at `at` that is all CJK or all not, and the rest.
fn first_piece(at: usize, w: &str) -> ((usize, &str), Option<(usize, &str)>) {
    let mut cjk = None;
    for (i, c) in w.char_indices() {
        let now = is_cjk_like(c);
        if cjk.is_some_and(|was| was != now) {
            return ((at, &w[..i]), Some((at + i, &w[i..])));
        }
        cjk = Some(now);
    }
    ((at, w), None)
}

/// Capitalized runs of Latin words in a sentence, with their ranges. An opening
/// quote or bracket starts a new run; a closing one or a stop ends it.
fn runs(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (at, w) in words(text, r.clone()) {
        // Outside a run, a word that starts in lower case changes nothing: most
        // words, so the cheap test first.
        if cur.is_none() && w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
            continue;
        }
        let core =
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '\'' && c != '’');
        // `core` is a slice of `w`: its offset is what the trim took off the front.
        let core_at = at + (core.as_ptr() as usize - w.as_ptr() as usize);
        let opens = w.starts_with(['(', '"', '“', '\'', '‘']);
        let closes = w.ends_with([',', '.', ';', ':', ')', '"', '”', '?', '!']);
        if opens {
            out.extend(cur.take().map(|(s, e)| s..e));
        }
        // "She'll", "Don't": a contraction, not a name.
        let contraction = || {
            [
                "'ll", "'re", "'ve", "'d", "'m", "n't", "’ll", "’re", "’ve", "’d", "’m", "n’t",
            ]
            .iter()
            .any(|c| core.ends_with(c))
        };
        // Most words are neither capitalized nor inside a run: the cheap test first.
        let word = (core
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() && !is_cjk(c))
            || cur.is_some() && lexicon().name_particle.joins_capital(core))
            && !contraction()
            && !core.chars().any(is_cjk);
        // A short acronym may lead a name ("LG Energy Solution", "SK Hynix"); it
        // joins a run but never starts one alone (see `source`).
        let acronym = word
            && (2..=4).contains(&core.len())
            && core
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let cap = word
            && (acronym
                || core.chars().filter(|c| c.is_uppercase()).count() * 2
                    <= core.chars().count().max(2));
        if cap {
            if acronym {
                // Only at the start of a run: "Harrow Cross NMA" is two things.
                out.extend(cur.take().map(|(s, e)| s..e));
            }
            let end = core_at + core.len();
            cur = Some(cur.map_or((core_at, end), |(s, _)| (s, end)));
        } else if !(cur.is_some()
            && (lexicon().name_connector.contains(core) || lexicon().name_particle.contains(core))
            && !closes)
        {
            out.extend(cur.take().map(|(s, e)| s..e));
        }
        if closes {
            out.extend(cur.take().map(|(s, e)| s..e));
        }
    }
    out.extend(cur.map(|(s, e)| s..e));
    // A run may not end on a connector ("Bank of") nor start with an article.
    out.into_iter()
        .filter_map(|r| {
            let t = &text[r.clone()];
            let trimmed = t.trim_end_matches(|c: char| !c.is_alphanumeric());
            let lead = ["The ", "A ", "An "]
                .iter()
                .find(|a| trimmed.starts_with(*a))
                .map_or(0, |a| a.len());
            (trimmed.len() > lead).then(|| r.start + lead..r.start + trimmed.len())
        })
        .collect()
}

/// A run that begins with a short acronym, as written and without it: "LG Energy
/// Soltuion" is looked up whole, "NMA Harrow Cross" also as "Harrow Cross". A lone
/// acronym is no run.
fn with_and_without_acronym(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let t = &text[r.clone()];
    let first = t.split_once(' ').map_or(t, |(first, _)| first);
    let is_acronym = (2..=4).contains(&first.len())
        && first
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !is_acronym {
        return vec![r];
    }
    match t.find(' ') {
        Some(sp) => vec![r.clone(), r.start + sp + 1..r.end],
        None => Vec::new(),
    }
}

/// A run as written, then, when it holds more than a name, its parts: the pieces
/// between "and", possessives and articles ("Euopean Union and the Group of Eight"
/// is two names; "Even the Internnational Monetary Fund"), and a piece
/// of three to six words without its last words ("United Natiosn Middle East" holds
/// "United Natiosn") or its first ("Prime Minister Tony Bliar"), never ending or
/// starting on a connector ("Minister of"). Whole runs come first; a flagged part
/// covers the rest of its run.
fn pieces(text: &str, r: Range<usize>) -> Vec<(Range<usize>, Part)> {
    let mut out = vec![(r.clone(), Part::Whole)];
    let lex = lexicon();
    let words = words_of(text, r.clone());
    // Where a new name may start: after "and", after a possessive ("India's Bombay
    // Stock Exchange"), after an article that no connector leads ("Even the
    // International Monetary Fund", not "Organization of the Petroleum …").
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut from = r.start;
    for k in 1..words.len() {
        let w = |i: usize| &text[words[i].0..words[i].1];
        let prev = w(k - 1);
        let possessive = prev.ends_with("'s") || prev.ends_with("’s");
        let split = prev == "and"
            || possessive
            || (prev.eq_ignore_ascii_case("the")
                && (k < 2
                    || !(lex.name_connector.contains(w(k - 2))
                        || lex.name_particle.contains(w(k - 2)))));
        if split {
            // A possessive ends its name; "and" and "the" belong to neither.
            let end = if possessive {
                words[k - 1].1
            } else {
                words[k - 1].0.saturating_sub(1).max(from)
            };
            parts.push(from..end);
            from = words[k].0;
        }
    }
    if !parts.is_empty() {
        parts.push(from..r.end);
        // A piece ending on "and" or an article is cut back to its last name word.
        let parts: Vec<Range<usize>> = parts
            .into_iter()
            .map(|p| trim_joiners(text, p))
            .filter(|p| !p.is_empty())
            .collect();
        out.extend(parts.iter().map(|p| (p.clone(), Part::Piece)));
        for p in parts {
            heads_and_tails(text, p, &mut out);
        }
    } else {
        heads_and_tails(text, r, &mut out);
    }
    out
}

/// A span's words as byte ranges (split at single spaces).
fn words_of(text: &str, r: Range<usize>) -> Vec<(usize, usize)> {
    text[r.clone()]
        .split(' ')
        .scan(r.start, |at, w| {
            let s = *at;
            *at += w.len() + 1;
            Some((s, s + w.len()))
        })
        .collect()
}

/// `p` without trailing connectors ("and", "the", "of").
fn trim_joiners(text: &str, p: Range<usize>) -> Range<usize> {
    let lex = lexicon();
    let mut ws = words_of(text, p.clone());
    while let Some(&(a, b)) = ws.last() {
        if lex.name_connector.contains_ignore_case(&text[a..b]) {
            ws.pop();
        } else {
            break;
        }
    }
    match (ws.first(), ws.last()) {
        (Some(f), Some(l)) => f.0..l.1,
        _ => p.start..p.start,
    }
}

/// The heads (without last words) and tails (without first words) of a piece of
/// three to six words, never ending or starting on a connector.
fn heads_and_tails(text: &str, p: Range<usize>, out: &mut Vec<(Range<usize>, Part)>) {
    let lex = lexicon();
    let words = words_of(text, p.clone());
    if !(3..=6).contains(&words.len()) {
        return;
    }
    let joins = |w: (usize, usize)| {
        let w = &text[w.0..w.1];
        lex.name_connector.contains(w) || lex.name_particle.contains(w)
    };
    for k in (2..words.len()).rev() {
        if !joins(words[k - 1]) {
            out.push((p.start..words[k - 1].1, Part::Head));
        }
        let first = words[words.len() - k];
        if !joins(first) {
            out.push((first.0..p.end, Part::Tail));
        }
    }
}

/// What part of a run a span is (see `pieces`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Whole,
    /// Between "and"s, possessives and articles.
    Piece,
    /// Without its last words.
    Head,
    /// Without its first words: only a person's name ("Prime Minister Tony
    /// Bliar"); before a body's name they mostly make another body ("Scottish
    /// Environment Protection Agency").
    Tail,
}

/// The word right after `at` (letters only), if any.
fn next_word(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("").trim_start();
    let n = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..n]
}

/// Does `text[src]` write `word` as a word (capitalized as given) outside `run`?
fn names_word_outside(text: &str, src: Range<usize>, word: &str, run: &Range<usize>) -> bool {
    let Some(body) = text.get(src.clone()) else {
        return false;
    };
    body.match_indices(word).any(|(i, _)| {
        let (a, b) = (src.start + i, src.start + i + word.len());
        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        (b <= run.start || a >= run.end)
            && edge(text[..a].chars().next_back())
            && edge(text[b..].chars().next())
    })
}

/// Spans sorted by start with the running maximum of their ends: whether some span
/// contains a range is one binary search.
struct Cover {
    spans: Vec<Range<usize>>,
    max_end: Vec<usize>,
}

impl Cover {
    fn new(mut spans: Vec<Range<usize>>) -> Self {
        spans.sort_by_key(|r| r.start);
        let max_end = spans
            .iter()
            .scan(0, |m, r| {
                *m = r.end.max(*m);
                Some(*m)
            })
            .collect();
        Cover { spans, max_end }
    }

    fn covers(&self, r: &Range<usize>) -> bool {
        let n = self.spans.partition_point(|k| k.start <= r.start);
        n > 0 && self.max_end[n - 1] >= r.end
    }
}

pub fn check(cx: &Ctx) -> Vec<Finding> {
    // Each source's claims, found in one pass over all claims.
    let mut by_source: Vec<Vec<usize>> = vec![Vec::new(); cx.sources.len()];
    for (i, c) in cx.claims.iter().enumerate() {
        if let Some(v) = by_source.get_mut(c.source) {
            v.push(i);
        }
    }
    let look = Lookup::new(cx);
    (0..cx.sources.len())
        .into_par_iter()
        .map_init(Memo::default, |memo, si| {
            look.source(si, &by_source[si], memo)
        })
        .flatten_iter()
        .collect()
}

/// What a run's text tells before its source is consulted: whether it is a known
/// name, its words, and the known names it is like (see `Lookup::alike`).
struct Looked {
    known: bool,
    ws: Vec<String>,
    alike: Vec<Alike>,
}

/// A known name a run is like: its entity, the similarity of the wholes, and
/// whether it counts only where the source names the entity's operator.
struct Alike {
    entity: usize,
    similarity: f64,
    needs_operator: bool,
}

/// The runs a worker has looked up, by their text: most capitalized runs recur
/// across a run's articles ("Prime Minister", a firm's name), and looking one up
/// costs more than finding it here. Cleared when full, so memory stays bounded.
#[derive(Default)]
struct Memo(HashMap<Box<str>, Looked>);

impl Memo {
    const MAX: usize = 1 << 16;
}

/// The person a holder's name written after an office title misspells, by the same
/// test as any other name ("Prime Minister Takaichi Sanea"): the role rule judges
/// the person meant, and this rule reports the spelling.
pub fn misspelt_person(cx: &Ctx, source: usize, written: &str) -> Option<usize> {
    let kb = cx.kb;
    let look = Lookup::new(cx);
    if written.chars().count() < look.min_len || kb.has_name(written) {
        return None;
    }
    let ws = norm_words(written);
    if ws.is_empty() {
        return None;
    }
    look.best(source, &ws, true).filter(|&e| {
        kb.entities[e].kind == crate::kb::EntityType::Person && !accepted_spelling(kb, e, written)
    })
}

/// The person an unknown holder after an office title misspells: a full name by
/// `misspelt_person`, or one word that is within the same edits of the surname of
/// exactly one of the office's holders, or that surname short of its last letter
/// ("Prime Minister Mdoi", "Takaich"). Four letters at least.
pub fn misspelt_holder(cx: &Ctx, source: usize, r: &crate::claims::RoleClaim) -> Option<usize> {
    if r.holder_id.is_some() {
        return None;
    }
    if let Some(e) = misspelt_person(cx, source, &r.holder) {
        return Some(e);
    }
    let kb = cx.kb;
    let w = r.holder.to_lowercase();
    if w.contains(' ') || w.chars().count() < 4 || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    let office = kb.office(&r.office_id)?;
    let mut meant: Vec<usize> = office
        .holders
        .iter()
        .filter_map(|t| kb.entity_index.get(&t.person).copied())
        .filter(|&e| {
            kb.entities[e].surnames.iter().any(|s| {
                let s = s.to_lowercase();
                near(&s, &w, false, false)
                    || s.strip_suffix(|_: char| true) == Some(w.as_str()) && w.chars().count() >= 5
            })
        })
        .collect();
    meant.sort_unstable();
    meant.dedup();
    match meant[..] {
        [e] => Some(e),
        _ => None,
    }
}

/// What one source's check reads; sources are checked independently, in parallel.
struct Lookup<'a> {
    cx: &'a Ctx<'a>,
    names: &'a [(usize, Vec<String>)],
    index: &'a [HashMap<String, Vec<usize>>],
    ends: &'a HashMap<String, Vec<usize>>,
    titles: &'a HashMap<usize, Vec<String>>,
    heads: &'a HashSet<usize>,
    title_words: &'a HashSet<String>,
    threshold: f64,
    min_len: usize,
}

impl<'a> Lookup<'a> {
    /// The knowledge base's name index and the rule's parameters, for `cx`.
    fn new(cx: &'a Ctx<'a>) -> Lookup<'a> {
        let p: Params = cx.params();
        let t = cx.kb.names();
        Lookup {
            cx,
            names: &t.names,
            index: &t.index,
            ends: &t.ends,
            titles: &t.titles,
            heads: &t.heads,
            title_words: &t.title_words,
            threshold: p.similarity,
            min_len: p.min_length,
        }
    }

    fn source(&self, si: usize, claims: &[usize], memo: &mut Memo) -> Vec<Finding> {
        let (cx, kb) = (self.cx, self.cx.kb);
        let src = &cx.sources[si];
        let text = cx.files[src.file].text.as_str();
        let mut out = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let lower = std::cell::OnceCell::new();
        // Known misspellings, and the spans extraction already recognised (names,
        // office titles with their holders), which are not variants: no second scan.
        let mut known: Vec<Range<usize>> = Vec::new();
        for (i, c) in claims.iter().map(|&i| (i, &cx.claims[i])) {
            match &c.kind {
                Kind::Entity(e) => {
                    let written = cx.text(si, &c.span);
                    if e.misspelt && seen.insert(written.to_string()) {
                        out.push(finding(si, c.span.clone(), written, &e.canonical, true));
                    }
                    known.push(c.span.clone());
                }
                Kind::Role(r) => {
                    known.push(c.span.clone());
                    // A holder the knowledge base does not know may misspell one it does.
                    if let Some(e) = cx.misspelt_holder(i)
                        && seen.insert(norm_words(&r.holder).join(" "))
                    {
                        let canonical = &kb.entities[e].name;
                        out.push(finding(
                            si,
                            r.holder_span.clone(),
                            &r.holder,
                            canonical,
                            false,
                        ));
                    }
                }
                _ => {}
            }
        }
        // Runs come in order of their start, so a run flagged here can only cover
        // later ones, and the extracted spans are searched, not scanned: a long
        // article stays linear.
        let known = Cover::new(known);
        let mut flagged_end = 0;
        let mut whole_named = false;
        for s in sentences(text, src.range.clone()) {
            for run in runs(text, s)
                .into_iter()
                // A run too short to compare has no part long enough either.
                .filter(|r| text[r.clone()].chars().count() >= self.min_len)
                .flat_map(|r| with_and_without_acronym(text, r))
                .flat_map(|r| pieces(text, r))
            {
                let (run, kind) = run;
                let part = kind != Part::Whole;
                // The parts of a run are looked at only when the whole is like no name
                // ("Benchmark Mineral" of "Benchmark Mineral Intelligences" is not).
                if part && whole_named {
                    continue;
                }
                let written = &text[run.clone()];
                if known.covers(&run) || run.end <= flagged_end {
                    whole_named |= !part;
                    continue;
                }
                // Too short to compare; so are its parts, which are shorter still.
                if written.chars().count() < self.min_len {
                    continue;
                }
                let looked = self.look_up(written, memo);
                if !part {
                    whole_named = looked.known;
                }
                if looked.known || looked.ws.is_empty() {
                    continue;
                }
                let ws = &looked.ws;
                let best = self.pick(si, &looked.alike);
                if !part {
                    whole_named = best.is_some();
                }
                if let Some(e) = best
                    // A part of a run is a name only with as many words as one of the
                    // entity's, and when the word after it is none of the entity's.
                    && (!part || self.part_fits(e, ws.len(), next_word(text, run.end)))
                    && !self.title_slip(e, ws)
                    && (kind != Part::Tail || kb.entities[e].kind == crate::kb::EntityType::Person)
                    && self.in_context(si, e, tail(text, run.start, 80), (text, &lower), &run)
                    && !accepted_spelling(kb, e, written)
                {
                    // Never for a form that is another entity's name (it would have been looked up).
                    let canonical = &kb.entities[e].name;
                    if seen.insert(ws.join(" ")) {
                        flagged_end = flagged_end.max(run.end);
                        out.push(finding(si, run, written, canonical, false));
                    }
                }
            }
        }
        out
    }

    /// Many people share a name but for a letter ("John Terry", "John Kerry"): a
    /// person's near-miss counts only where the source names that person too (in
    /// full, or by surname elsewhere: "Tony Bliar … Mr Blair said"), or right after
    /// the title of an office the person held ("president Ronald Regan"). (Naming the
    /// person's country is not enough: "John Huston" in a British article is not
    /// John Hutton.)
    fn in_context(
        &self,
        si: usize,
        e: usize,
        before: &str,
        (text, lower): (&str, &std::cell::OnceCell<String>),
        run: &Range<usize>,
    ) -> bool {
        let kb = self.cx.kb;
        let Some(entity) = kb.entities.get(e) else {
            return false;
        };
        if entity.kind != crate::kb::EntityType::Person {
            return true;
        }
        if self.cx.entities[si].binary_search(&entity.id).is_ok() {
            return true;
        }
        let src = self.cx.sources[si].range.clone();
        if entity
            .surnames
            .iter()
            .any(|n| names_word_outside(text, src.clone(), n, run))
        {
            return true;
        }
        // "the Foreign Minister, Alexander Downer": a title in apposition.
        let before = before
            .trim_end()
            .trim_end_matches(',')
            .trim_end()
            .to_lowercase();
        let Some(ts) = self.titles.get(&e) else {
            return false;
        };
        if ts.iter().any(|t| before.ends_with(t.as_str())) {
            return true;
        }
        // A title of the person's written anywhere in the source ("… the prime
        // minister said" about "Tony Bliar"), two words at least: "president" alone
        // is too common to tell whose.
        // The source lowercased once, for all its candidates.
        let body = lower.get_or_init(|| text.get(src).unwrap_or("").to_lowercase());
        ts.iter()
            .filter(|t| t.contains(' '))
            .any(|t| body.contains(t.as_str()))
    }

    /// Does the written name hold an office title's word that none of entity `e`'s
    /// names has ("Minister of External Affairs" for the Ministry of External
    /// Affairs)? Then it is a title, not a slip.
    fn title_slip(&self, e: usize, ws: &[String]) -> bool {
        let en = &self.cx.kb.entities[e];
        let own: HashSet<String> = std::iter::once(&en.name)
            .chain(&en.aliases)
            .flat_map(|x| norm_words(x))
            .collect();
        ws.iter()
            .any(|w| self.title_words.contains(w) && !own.contains(w))
    }

    /// Can a part of a run of `n` words, followed by the word `next`, be a name of
    /// entity `e`? One of its names has `n` words, and `next` begins none of its
    /// words ("Benchmark Mineral" before "Intelligences" is a part of the name).
    fn part_fits(&self, e: usize, n: usize, next: &str) -> bool {
        let en = &self.cx.kb.entities[e];
        let names: Vec<Vec<String>> = std::iter::once(&en.name)
            .chain(&en.aliases)
            .map(|x| norm_words(x))
            .collect();
        let next = next.to_lowercase();
        names.iter().any(|ws| ws.len() == n)
            && !names
                .iter()
                .flatten()
                .any(|w| !next.is_empty() && prefix(w) == prefix(&next))
    }

    /// A run's source-independent answers, from the memo when the text was seen.
    fn look_up<'m>(&self, written: &str, memo: &'m mut Memo) -> &'m Looked {
        if !memo.0.contains_key(written) {
            if memo.0.len() >= Memo::MAX {
                memo.0.clear();
            }
            let known = self.cx.kb.has_name(written);
            let ws = if known {
                Vec::new()
            } else {
                norm_words(written)
            };
            let alike = if ws.is_empty() {
                Vec::new()
            } else {
                self.alike(&ws, false)
            };
            memo.0.insert(written.into(), Looked { known, ws, alike });
        }
        &memo.0[written]
    }

    /// The known entity whose name the written words are most like, if any is alike enough.
    fn best(&self, si: usize, ws: &[String], by_end: bool) -> Option<usize> {
        self.pick(si, &self.alike(ws, by_end))
    }

    /// Of the names a run is like, the most alike that counts in source `si`, if it
    /// reaches the threshold; of equals, the last.
    fn pick(&self, si: usize, alike: &[Alike]) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        for a in alike {
            // One word of a country ("Germans", "Australain") is too often a
            // demonym or a word of its own to call it a wrong name; a one-word
            // site ("Escondita") counts where the source names its operator.
            if a.needs_operator {
                let operator_named = self.cx.kb.entities[a.entity]
                    .operator
                    .as_ref()
                    .is_some_and(|o| self.cx.entities[si].binary_search(o).is_ok());
                if !operator_named {
                    continue;
                }
            }
            if a.similarity >= self.threshold && best.is_none_or(|(b, _)| a.similarity >= b) {
                best = Some((a.similarity, a.entity));
            }
        }
        best.map(|(_, e)| e)
    }

    /// The known names the written words are like word by word, in index order,
    /// with the similarity of the wholes: what does not depend on the source.
    fn alike(&self, ws: &[String], by_end: bool) -> Vec<Alike> {
        let kb = self.cx.kb;
        let same_length = self.index.get(ws.len());
        let mut cands: Vec<usize> = ws
            .iter()
            .filter_map(|w| same_length?.get(prefix(w)))
            .flatten()
            .copied()
            .collect();
        // After an office title, a one-word name may be misspelt in its first letters
        // ("Emperor Akhiito"): its end finds it. Not in running text, where a word
        // that ends like a name is mostly a word of its own ("Ofsted", "Madden"),
        // except a site's, which counts only beside its operator anyway.
        if let [w] = ws {
            cands.extend(
                self.ends
                    .get(suffix(w))
                    .into_iter()
                    .flatten()
                    .filter(|&&k| {
                        by_end || kb.entities[self.names[k].0].kind == crate::kb::EntityType::Place
                    }),
            );
        }
        cands.sort_unstable();
        cands.dedup();
        // The words first (they reject nearly every candidate), then the similarity
        // of the whole.
        let mut out = Vec::new();
        let mut written: Option<String> = None;
        for k in cands {
            let (e, nw) = (self.names[k].0, &self.names[k].1);
            if nw.len() != ws.len() || nw.as_slice() == ws {
                continue;
            }
            let multi = nw.len() > 1;
            let last = nw.len() - 1;
            let alike = nw
                .iter()
                .zip(ws)
                .enumerate()
                .all(|(i, (a, b))| near(a, b, multi, i < last));
            if !alike {
                continue;
            }
            let needs_operator = (nw.len() == 1
                && kb.entities[e].kind == crate::kb::EntityType::Place)
                || self.heads.contains(&k);
            let written = written.get_or_insert_with(|| ws.join(" "));
            out.push(Alike {
                entity: e,
                similarity: strsim::jaro_winkler(&nw.join(" "), written),
                needs_operator,
            });
        }
        out
    }
}

/// Is `written` one of the entity's names in another accepted spelling (hyphens,
/// "&", British forms: `kb::fold_variant`)? "Shanghai Co-operation Organisation".
fn accepted_spelling(kb: &crate::kb::Kb, e: usize, written: &str) -> bool {
    let ent = &kb.entities[e];
    std::iter::once(&ent.name)
        .chain(&ent.aliases)
        .any(|n| crate::kb::same_name(n, written))
}

fn finding(
    source: usize,
    span: Range<usize>,
    written: &str,
    canonical: &str,
    listed: bool,
) -> Finding {
    Finding {
        because: Vec::new(),
        lead: None,
        rule: ID,
        severity: Severity::Warning,
        message: if listed {
            format!("\"{written}\" is a known misspelling of {canonical}")
        } else {
            format!("\"{written}\" is not a name of {canonical}")
        },
        subject: Some(canonical.to_string()),
        expected: Some(canonical.to_string()),
        help: Some(format!("did you mean {canonical}?")),
        places: vec![Place {
            source,
            span,
            normalized: canonical.to_string(),
            primary: true,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_finds_a_containing_span_in_any_order() {
        // A long span early, short ones after it: the running maximum of the ends
        // keeps the long one in view.
        let c = Cover::new(vec![30..35, 0..100, 40..42, 200..210]);
        assert!(c.covers(&(50..60)));
        assert!(c.covers(&(0..100)));
        assert!(c.covers(&(201..209)));
        assert!(!c.covers(&(95..105)));
        assert!(!c.covers(&(150..160)));
        assert!(!c.covers(&(205..215)));
        assert!(!Cover::new(Vec::new()).covers(&(0..1)));
    }

    #[test]
    fn near_words() {
        // A plural inside a name is a slip; as its last word or alone it is not.
        assert!(near("metal", "metals", true, true));
        assert!(!near("council", "councils", true, false));
        assert!(!near("australia", "australians", false, false));
        assert!(near("crossing", "cross", true, false));
        assert!(!near("crossing", "cross", false, false));
        assert!(!near("japan", "japanese", true, false));
        assert!(!near("australia", "australians", true, false));
        assert!(!near("commission", "commissioner", true, false));
        assert!(!near("harrowmet", "harr", false, false));
        assert!(near("lindqvist", "lindqvst", false, false));
        assert!(near("meteorological", "metrological", true, false));
        assert!(near("earths", "earth", true, false));
        assert!(!near("japan", "jamaica", true, false));
        assert!(!near("japan", "korea", true, false));
        assert!(near("chevron", "chevorn", false, false));
        assert!(near("newmont", "newmnot", false, false));
        assert!(!near("chevron", "chervil", false, false));
    }

    /// The cheap bounds in `near` answer as before they were tightened (the
    /// distance computed behind the old, looser bound): on words slipped by one to
    /// three random edits, swaps included.
    #[test]
    fn the_cheap_bound_changes_no_answer() {
        let words = [
            "chevron",
            "newmont",
            "lindqvist",
            "meteorological",
            "australia",
            "glencore",
            "albemarle",
            "mountain",
            "pass",
            "sumitomo",
            "reuters",
            "jogmec",
            "takaichi",
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut checked = 0;
        for _ in 0..20_000 {
            let a: Vec<char> = words[next(words.len())].chars().collect();
            let mut b = a.clone();
            for _ in 0..1 + next(3) {
                let i = next(b.len());
                match next(4) {
                    0 => b[i] = (b'a' + next(26) as u8) as char,
                    1 => b.insert(i, (b'a' + next(26) as u8) as char),
                    2 if b.len() > 1 => {
                        b.remove(i);
                    }
                    _ if i + 1 < b.len() => b.swap(i, i + 1),
                    _ => {}
                }
            }
            let (a, b): (String, String) = (a.into_iter().collect(), b.into_iter().collect());
            if a == b
                || b.starts_with(&a)
                || a.starts_with(&b)
                || a.chars().count().abs_diff(b.chars().count()) > 2
            {
                continue;
            }
            let shorter = a.chars().count().min(b.chars().count());
            let (p, q) = common_ends(&a, &b, shorter);
            let d = strsim::osa_distance(&a, &b);
            let reference =
                shorter - p - q <= 4 && shorter >= 4 && d <= 2 && d * 4 <= shorter.max(4);
            assert_eq!(near(&a, &b, false, false), reference, "{a} / {b}");
            checked += 1;
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// `words` one at a time gives what the list it replaced gave: split at spaces,
    /// then at every change between CJK and other text.
    #[test]
    fn words_split_at_spaces_and_script_changes() {
        fn listed(text: &str, r: Range<usize>) -> Vec<(usize, &str)> {
            let mut out = Vec::new();
            let mut pos = r.start;
            for w in text[r].split(' ') {
                let at = pos;
                pos += w.len() + 1;
                let mut start = 0;
                let mut cjk = None;
                for (i, c) in w.char_indices() {
                    let now = is_cjk_like(c);
                    if cjk.is_some_and(|was| was != now) {
                        out.push((at + start, &w[start..i]));
                        start = i;
                    }
                    cjk = Some(now);
                }
                out.push((at + start, &w[start..]));
            }
            out
        }
        let pieces = [
            "Glen", "croe", " ", "分析", "，", "将", "é", "A", "  ", "の",
        ];
        for rest in crate::text::random_texts(5, 10_000, &pieces, 10) {
            let t = format!("x {rest}");
            let got: Vec<_> = words(&t, 2..t.len()).collect();
            assert_eq!(got, listed(&t, 2..t.len()), "{t:?}");
        }
    }

    #[test]
    fn capitalized_runs() {
        let s = "The NMA \"Harrow Cross Mine\" has a grade, said Bank of Norland officials.";
        let r: Vec<&str> = runs(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
        // A lone acronym is a run here; `with_and_without_acronym` drops it.
        assert_eq!(
            r,
            vec!["The", "NMA", "Harrow Cross Mine", "Bank of Norland"]
        );
        // Latin names inside Chinese text; a short acronym starts a run, never ends one.
        let s = "分析人士说，Anglo Amercian将从中受益。LG Energy Soltuion与Harrow Cross NMA";
        let r: Vec<&str> = runs(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            r,
            vec![
                "Anglo Amercian",
                "LG Energy Soltuion",
                "Harrow Cross",
                "NMA"
            ]
        );
        let s = "LG Energy Soltuion";
        let r: Vec<&str> = with_and_without_acronym(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect();
        assert_eq!(r, vec!["LG Energy Soltuion", "Energy Soltuion"]);
        assert!(with_and_without_acronym("NMA", 0..3).is_empty());
        let s = "The Institute of Applied Geolgy said";
        let r: Vec<&str> = runs(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
        assert_eq!(r, vec!["Institute of Applied Geolgy"]);
    }
}
