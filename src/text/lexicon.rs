//! The language lexicon: the words the grammars and extractors consult as
//! vocabulary (speech verbs, deputy markers, honorifics, connectors, month names, …),
//! one class a table of `rules/lexicon.toml`, English and Chinese side by side.
//! The file is compiled in and parsed once per process; it sits here, below every
//! layer that reads it, so that the grammars need no knowledge base.

use foldhash::{HashMapExt, HashSet, HashSetExt};
use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use crate::Error;

const PATH: &str = "rules/lexicon.toml";
const BUILTIN: &str = include_str!("../../rules/lexicon.toml");

/// The words of one class.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub en: Vec<String>,
    pub zh: Vec<String>,
    /// Both lists, for `contains` in constant time: it is asked for every word.
    all: HashSet<String>,
    /// Both lists and the English one in ASCII lower case, for the `_ignore_case`
    /// questions in constant time.
    folded: HashSet<String>,
    en_folded: HashSet<String>,
}

/// `w` in ASCII lower case, borrowed when it already is.
fn ascii_lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        w.to_ascii_lowercase().into()
    } else {
        w.into()
    }
}

impl Words {
    /// English then Chinese words.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.en.iter().chain(&self.zh).map(String::as_str)
    }

    /// Is `w` one of the words, exactly as written?
    pub fn contains(&self, w: &str) -> bool {
        self.all.contains(w)
    }

    /// Is `w` a word of a name: capitalized, or a particle joined by a hyphen to a
    /// capitalized word ("al-Falih")? For `name_particle`.
    pub fn joins_capital(&self, w: &str) -> bool {
        w.split_once('-').is_some_and(|(p, rest)| {
            self.contains(p) && rest.starts_with(|c: char| c.is_uppercase())
        })
    }

    /// Is `w` one of the words, ignoring ASCII case?
    pub fn contains_ignore_case(&self, w: &str) -> bool {
        self.folded.contains(ascii_lower(w).as_ref())
    }

    /// Is `w` one of the English words, in any ASCII case?
    pub fn en_contains_ignore_case(&self, w: &str) -> bool {
        self.en_folded.contains(ascii_lower(w).as_ref())
    }

    /// Is `c` one of the (one-character) words?
    pub fn contains_char(&self, c: char) -> bool {
        let mut buf = [0; 4];
        self.contains(c.encode_utf8(&mut buf))
    }
}

/// Every class of the lexicon; `rules/lexicon.toml` says what each is for.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub speech: Words,
    pub deputy: Words,
    pub former: Words,
    pub not_former: Words,
    pub role_then: Words,
    pub role_past: Words,
    pub role_event: Words,
    pub role_indefinite: Words,
    pub head_word: Words,
    pub pair_follow: Words,
    pub date_front: Words,
    pub honorific: Words,
    pub filler: Words,
    pub body: Words,
    pub acronym_connector: Words,
    pub name_connector: Words,
    pub name_particle: Words,
    pub generic: Words,
    pub abbreviation: Words,
    pub right_stop: Words,
    pub date_link: Words,
    pub noun_stop: Words,
    pub verb_start: Words,
    pub classifier: Words,
    pub self_counted: Words,
    pub plural: Words,
    pub month_preposition: Words,
    pub may_preposition: Words,
    pub day_preposition: Words,
    pub day_follow: Words,
    pub day_follow_weak: Words,
    pub count_noun: Words,
    pub count_quantifier: Words,
    /// Words a claim frame's context ignores.
    pub stopword: Words,
    /// Words after a change verb that make the figure a level ("rose to 5%").
    pub level_link: Words,
    /// Words after a change verb that keep the figure a change ("rose by 5%").
    pub change_link: Words,
    /// Words before a figure that make it a margin of error ("plus or minus 5%").
    pub margin: Words,
    /// Words before a month or day that make it the end of a twelve-month span.
    pub span_to: Words,
    /// What joins the two ends of a span of dates ("June-September", 6月至9月).
    pub range_link: Words,
    /// First words of a date that needs no "in" before it ("last year").
    pub date_self: Words,
    pub other_period: Words,
    pub clause_open: Words,
    pub clause_open_not: Words,
    pub change_down: Words,
    pub change_either: Words,
    pub same_period: Words,
    /// Sub-series of a measure: each one's name and its words (name included).
    pub measure_modifier: Vec<(String, Vec<String>)>,
    /// Words that make a date one an event was moved from or to ("postponed").
    pub called_off: Words,
    /// Words before a name that make it who a figure is from ("according to").
    pub attribution: Words,
    /// What a change is measured against: a year before, the quarter or month before.
    pub base_year: Words,
    pub base_quarter: Words,
    pub base_month: Words,
    pub change_verb: Words,
    pub past_marker: Words,
    pub future_marker: Words,
    pub mdy_publisher: Words,
    pub glued_m_noun: Words,
    pub dmy_publisher: Words,
    pub label_before: Words,
    /// Characters of Chinese transliterations of foreign names: strong and weak
    /// (see `rules/lexicon.toml`).
    pub translit_strong: HashSet<char>,
    pub translit_weak: HashSet<char>,
    /// Words after which a two-character transliteration is a name too (萨罗控股).
    pub translit_suffix: Vec<String>,
    /// Irregular English verb forms with their base ("grew" → "grow").
    pub irregular: foldhash::HashMap<String, String>,
    /// Other spellings of a word in names, with the spelling names use ("organisation" → "organization").
    pub spelling: foldhash::HashMap<String, String>,
    /// What a count counts: each class's name and its nouns and classifiers (English
    /// as written, lowercase), in file order.
    pub counted: Vec<(String, Vec<String>)>,
    /// January to December.
    pub months: Vec<String>,
    /// Month abbreviations with their month (1-12).
    pub month_short: Vec<(String, u32)>,
    /// Monday to Sunday.
    pub weekdays: Vec<String>,
    /// Each quarter's forms, first to fourth, English then Chinese.
    pub quarters: Vec<Vec<String>>,
}

impl Lexicon {
    /// The base of an irregular English verb form, else the word itself.
    pub fn lemma<'a>(&'a self, w: &'a str) -> &'a str {
        self.irregular.get(w).map_or(w, String::as_str)
    }
}

/// Is `path` a lexicon file (compiled in, not knowledge-base data: a `--rules`
/// folder's copy is left to the built-in one)?
pub fn is_lexicon(path: &std::path::Path) -> bool {
    path.file_name().is_some_and(|n| n == "lexicon.toml")
}

/// The built-in lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    // Compiled in and parsed by a unit test (`builtin_is_valid`): an invalid file
    // is a build defect, not an input error.
    #[allow(clippy::expect_used)]
    LEXICON.get_or_init(|| parse(PATH, BUILTIN).expect("rules/lexicon.toml is valid"))
}

type S = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    speech: WordsDoc,
    deputy: WordsDoc,
    former: WordsDoc,
    not_former: WordsDoc,
    role_then: WordsDoc,
    role_past: WordsDoc,
    role_event: WordsDoc,
    role_indefinite: WordsDoc,
    head_word: WordsDoc,
    pair_follow: WordsDoc,
    date_front: WordsDoc,
    honorific: WordsDoc,
    filler: WordsDoc,
    body: WordsDoc,
    acronym_connector: WordsDoc,
    name_connector: WordsDoc,
    name_particle: WordsDoc,
    generic: WordsDoc,
    abbreviation: WordsDoc,
    right_stop: WordsDoc,
    date_link: WordsDoc,
    noun_stop: WordsDoc,
    verb_start: WordsDoc,
    classifier: WordsDoc,
    self_counted: WordsDoc,
    plural: WordsDoc,
    month_preposition: WordsDoc,
    may_preposition: WordsDoc,
    day_preposition: WordsDoc,
    day_follow: WordsDoc,
    day_follow_weak: WordsDoc,
    count_noun: WordsDoc,
    count_quantifier: WordsDoc,
    stopword: WordsDoc,
    level_link: WordsDoc,
    change_link: WordsDoc,
    margin: WordsDoc,
    span_to: WordsDoc,
    range_link: WordsDoc,
    date_self: WordsDoc,
    other_period: WordsDoc,
    clause_open: WordsDoc,
    clause_open_not: WordsDoc,
    change_down: WordsDoc,
    change_either: WordsDoc,
    same_period: WordsDoc,
    measure_modifier: CountedDoc,
    called_off: WordsDoc,
    attribution: WordsDoc,
    base_year: WordsDoc,
    base_quarter: WordsDoc,
    base_month: WordsDoc,
    change_verb: WordsDoc,
    past_marker: WordsDoc,
    future_marker: WordsDoc,
    mdy_publisher: WordsDoc,
    glued_m_noun: WordsDoc,
    dmy_publisher: WordsDoc,
    label_before: WordsDoc,
    irregular: IrregularDoc,
    spelling: IrregularDoc,
    counted: CountedDoc,
    transliteration: TranslitDoc,
    month: MonthDoc,
    weekday: WordsDoc,
    quarter: QuarterDoc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsDoc {
    #[serde(default)]
    en: Vec<S>,
    #[serde(default)]
    zh: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslitDoc {
    strong: S,
    weak: S,
    suffix: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IrregularDoc {
    en: Vec<Spanned<Vec<S>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountedDoc {
    classes: Vec<Spanned<Vec<S>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthDoc {
    en: Spanned<Vec<S>>,
    short: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuarterDoc {
    en: Spanned<Vec<Vec<S>>>,
    #[serde(default)]
    zh: Option<Spanned<Vec<Vec<S>>>>,
}

/// Parses and validates a lexicon file: `path` names it in errors.
pub fn parse(path: &str, text: &str) -> Result<Lexicon, Error> {
    let at = |span: Range<usize>, msg: String| {
        let (line, column) = super::offset::line_col(text, span.start);
        Error::Rules {
            path: path.to_string(),
            line,
            column,
            msg,
        }
    };
    let doc: Doc = toml::from_str(text).map_err(|e| {
        let msg = e.message().to_string();
        at(e.span().unwrap_or(0..0), msg)
    })?;
    let words = |w: WordsDoc| -> Result<Words, Error> {
        check(w.en.iter().chain(&w.zh), &at)?;
        let en: Vec<String> = w.en.into_iter().map(Spanned::into_inner).collect();
        let zh: Vec<String> = w.zh.into_iter().map(Spanned::into_inner).collect();
        let all = en.iter().chain(&zh).cloned().collect();
        let folded = en
            .iter()
            .chain(&zh)
            .map(|w| w.to_ascii_lowercase())
            .collect();
        let en_folded = en.iter().map(|w| w.to_ascii_lowercase()).collect();
        Ok(Words {
            en,
            zh,
            all,
            folded,
            en_folded,
        })
    };
    let month = doc.month;
    check(month.en.get_ref().iter().chain(&month.short), &at)?;
    if month.en.get_ref().len() != 12 {
        return Err(at(month.en.span(), "twelve month names are needed".into()));
    }
    let months: Vec<String> = month
        .en
        .into_inner()
        .into_iter()
        .map(Spanned::into_inner)
        .collect();
    let mut month_short = Vec::new();
    for s in month.short {
        let of: Vec<usize> = (0..12)
            .filter(|&i| months[i].starts_with(s.get_ref().as_str()))
            .collect();
        match of[..] {
            [i] => month_short.push((s.get_ref().clone(), i as u32 + 1)),
            _ => {
                let msg = format!(
                    "\"{}\" is not the beginning of one month's name",
                    s.get_ref()
                );
                return Err(at(s.span(), msg));
            }
        }
    }
    let mut irregular = foldhash::HashMap::new();
    for forms in doc.irregular.en {
        let span = forms.span();
        let forms = forms.into_inner();
        check(forms.iter(), &at)?;
        let [base, rest @ ..] = &forms[..] else {
            return Err(at(span, "a verb needs its base and a form".into()));
        };
        if rest.is_empty() {
            return Err(at(span, "a verb needs its base and a form".into()));
        }
        for f in rest {
            let old = irregular.insert(f.get_ref().clone(), base.get_ref().clone());
            if old.is_some() {
                let msg = format!("\"{}\" is the form of two verbs", f.get_ref());
                return Err(at(f.span(), msg));
            }
        }
    }
    let mut spelling = foldhash::HashMap::new();
    for forms in doc.spelling.en {
        let span = forms.span();
        let forms = forms.into_inner();
        check(forms.iter(), &at)?;
        let [base, rest @ ..] = &forms[..] else {
            return Err(at(span, "a word needs its spelling and another".into()));
        };
        if rest.is_empty() {
            return Err(at(span, "a word needs its spelling and another".into()));
        }
        for f in rest {
            let old = spelling.insert(f.get_ref().clone(), base.get_ref().clone());
            if old.is_some() {
                let msg = format!("\"{}\" is a spelling of two words", f.get_ref());
                return Err(at(f.span(), msg));
            }
        }
    }
    let mut counted = Vec::new();
    let mut seen = HashSet::new();
    for class in doc.counted.classes {
        let span = class.span();
        let forms = class.into_inner();
        check(forms.iter(), &at)?;
        let [name, rest @ ..] = &forms[..] else {
            return Err(at(span, "a counted class needs its name and a noun".into()));
        };
        if rest.is_empty() {
            return Err(at(span, "a counted class needs its name and a noun".into()));
        }
        for f in rest {
            if !seen.insert(f.get_ref().to_lowercase()) {
                let msg = format!("\"{}\" is in two counted classes", f.get_ref());
                return Err(at(f.span(), msg));
            }
        }
        counted.push((
            name.get_ref().clone(),
            rest.iter().map(|f| f.get_ref().to_lowercase()).collect(),
        ));
    }
    let mut measure_modifier = Vec::new();
    let mut seen = HashSet::new();
    for class in doc.measure_modifier.classes {
        let span = class.span();
        let forms = class.into_inner();
        check(forms.iter(), &at)?;
        let Some(name) = forms.first() else {
            return Err(at(span, "a sub-series needs a word".into()));
        };
        for f in &forms {
            if !seen.insert(f.get_ref().to_lowercase()) {
                let msg = format!("\"{}\" is in two sub-series", f.get_ref());
                return Err(at(f.span(), msg));
            }
        }
        measure_modifier.push((
            name.get_ref().clone(),
            forms.iter().map(|f| f.get_ref().to_lowercase()).collect(),
        ));
    }
    let tr = doc.transliteration;
    let tr_suffix: Vec<String> = tr.suffix.iter().map(|s| s.get_ref().clone()).collect();
    let translit_strong: HashSet<char> = tr.strong.get_ref().chars().collect();
    let translit_weak: HashSet<char> = tr.weak.get_ref().chars().collect();
    if let Some(c) = translit_weak.iter().find(|c| translit_strong.contains(c)) {
        return Err(at(tr.weak.span(), format!("'{c}' is both strong and weak")));
    }
    if translit_strong
        .iter()
        .chain(&translit_weak)
        .any(|c| !super::is_cjk(*c))
    {
        return Err(at(
            tr.strong.span(),
            "only Chinese characters are listed".into(),
        ));
    }
    let weekday = doc.weekday;
    if weekday.en.len() != 7 || !weekday.zh.is_empty() {
        let span = weekday.en.first().map_or(0..0, Spanned::span);
        return Err(at(span, "seven English weekday names are needed".into()));
    }
    let weekdays = words(weekday)?.en;
    let quarter = doc.quarter;
    let mut quarters: Vec<Vec<S>> = Vec::new();
    for side in std::iter::once(quarter.en).chain(quarter.zh) {
        if side.get_ref().len() != 4 {
            return Err(at(side.span(), "four quarters are needed".into()));
        }
        quarters.resize_with(4, Vec::new);
        for (q, forms) in quarters.iter_mut().zip(side.into_inner()) {
            if forms.is_empty() {
                return Err(at(0..0, "a quarter without a form".into()));
            }
            q.extend(forms);
        }
    }
    check(quarters.iter().flatten(), &at)?;
    Ok(Lexicon {
        speech: words(doc.speech)?,
        deputy: words(doc.deputy)?,
        former: words(doc.former)?,
        not_former: words(doc.not_former)?,
        role_then: words(doc.role_then)?,
        role_past: words(doc.role_past)?,
        role_event: words(doc.role_event)?,
        role_indefinite: words(doc.role_indefinite)?,
        head_word: words(doc.head_word)?,
        pair_follow: words(doc.pair_follow)?,
        date_front: words(doc.date_front)?,
        honorific: words(doc.honorific)?,
        filler: words(doc.filler)?,
        body: words(doc.body)?,
        acronym_connector: words(doc.acronym_connector)?,
        name_connector: words(doc.name_connector)?,
        name_particle: words(doc.name_particle)?,
        generic: words(doc.generic)?,
        abbreviation: words(doc.abbreviation)?,
        right_stop: words(doc.right_stop)?,
        date_link: words(doc.date_link)?,
        noun_stop: words(doc.noun_stop)?,
        verb_start: words(doc.verb_start)?,
        classifier: words(doc.classifier)?,
        self_counted: words(doc.self_counted)?,
        plural: words(doc.plural)?,
        month_preposition: words(doc.month_preposition)?,
        may_preposition: words(doc.may_preposition)?,
        day_preposition: words(doc.day_preposition)?,
        day_follow: words(doc.day_follow)?,
        day_follow_weak: words(doc.day_follow_weak)?,
        count_noun: words(doc.count_noun)?,
        count_quantifier: words(doc.count_quantifier)?,
        stopword: words(doc.stopword)?,
        level_link: words(doc.level_link)?,
        change_link: words(doc.change_link)?,
        margin: words(doc.margin)?,
        span_to: words(doc.span_to)?,
        range_link: words(doc.range_link)?,
        date_self: words(doc.date_self)?,
        other_period: words(doc.other_period)?,
        clause_open: words(doc.clause_open)?,
        clause_open_not: words(doc.clause_open_not)?,
        change_down: words(doc.change_down)?,
        change_either: words(doc.change_either)?,
        same_period: words(doc.same_period)?,
        measure_modifier,
        called_off: words(doc.called_off)?,
        attribution: words(doc.attribution)?,
        base_year: words(doc.base_year)?,
        base_quarter: words(doc.base_quarter)?,
        base_month: words(doc.base_month)?,
        change_verb: words(doc.change_verb)?,
        past_marker: words(doc.past_marker)?,
        future_marker: words(doc.future_marker)?,
        mdy_publisher: words(doc.mdy_publisher)?,
        glued_m_noun: words(doc.glued_m_noun)?,
        dmy_publisher: words(doc.dmy_publisher)?,
        label_before: words(doc.label_before)?,
        irregular,
        spelling,
        counted,
        translit_strong,
        translit_weak,
        translit_suffix: tr_suffix,
        months,
        month_short,
        weekdays,
        quarters: quarters
            .into_iter()
            .map(|q| q.into_iter().map(Spanned::into_inner).collect())
            .collect(),
    })
}

/// No empty word (or one with spaces around it) and no word twice in a class.
fn check<'a>(
    words: impl Iterator<Item = &'a S>,
    at: &impl Fn(Range<usize>, String) -> Error,
) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for w in words {
        let s = w.get_ref();
        if s.trim().is_empty() || s.trim() != s {
            return Err(at(
                w.span(),
                "a word is empty or has spaces around it".into(),
            ));
        }
        if !seen.insert(s.as_str()) {
            return Err(at(
                w.span(),
                format!("\"{s}\" is listed twice in its class"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set lookups answer as a scan of the lists would, for the words in other
    /// cases and for near misses.
    #[test]
    fn ignore_case_lookups_agree_with_a_scan() {
        let lex = lexicon();
        let lists = [
            &lex.change_verb,
            &lex.name_connector,
            &lex.name_particle,
            &lex.abbreviation,
        ];
        for words in lists {
            for w in words.iter() {
                let up = w.to_ascii_uppercase();
                let first = w.get(..1).map_or(String::new(), str::to_ascii_uppercase)
                    + w.get(1..).unwrap_or("");
                for probe in [w.to_string(), up, first, format!("{w}s"), format!("x{w}")] {
                    let scan = words.iter().any(|x| x.eq_ignore_ascii_case(&probe));
                    assert_eq!(words.contains_ignore_case(&probe), scan, "{probe}");
                    let en = words.en.iter().any(|x| x.eq_ignore_ascii_case(&probe));
                    assert_eq!(words.en_contains_ignore_case(&probe), en, "{probe}");
                }
            }
        }
    }

    #[test]
    fn builtin_is_valid() {
        let lex = parse(PATH, BUILTIN).unwrap();
        assert_eq!(lex.months.len(), 12);
        assert_eq!(lex.weekdays[0], "monday");
        assert!(lex.month_short.contains(&("sept".to_string(), 9)));
        assert!(!lex.month_short.iter().any(|(s, _)| s == "may"));
        assert_eq!(
            lex.quarters[3],
            [
                "fourth quarter",
                "fourth-quarter",
                "q4",
                "final quarter",
                "final-quarter",
                "last quarter of",
                "四季度"
            ]
        );
        assert!(lex.speech.contains("said") && lex.speech.contains("表示"));
        assert_eq!(lex.lemma("grew"), "grow");
        assert_eq!(lex.lemma("sold"), "sell");
        assert_eq!(lex.lemma("growth"), "growth");
    }

    #[test]
    fn rejects_bad_irregular_verbs() {
        let one = BUILTIN.replace("[\"sell\", \"sold\"]", "[\"sell\"]");
        let Err(Error::Rules { msg, .. }) = parse("x.toml", &one) else {
            panic!("accepted a verb with no form")
        };
        assert!(msg.contains("base and a form"), "{msg}");
        let twice = BUILTIN.replace("[\"sell\", \"sold\"]", "[\"sell\", \"grew\"]");
        let Err(Error::Rules { msg, line, .. }) = parse("x.toml", &twice) else {
            panic!("accepted a form of two verbs")
        };
        assert!(msg.contains("\"grew\" is the form of two verbs"), "{msg}");
        assert!(line > 1);
    }

    /// The error for `text`, as `line:column: message`.
    fn error(text: &str) -> String {
        // The file without its speech table, and `text` first.
        let start = BUILTIN.find("[speech]").unwrap();
        let end = start + BUILTIN[start..].find("\n\n").unwrap();
        let doc = format!("{text}\n{}{}", &BUILTIN[..start], &BUILTIN[end..]);
        match parse("x.toml", &doc) {
            Err(Error::Rules {
                line, column, msg, ..
            }) => format!("{line}:{column}: {msg}"),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn rejects_with_place() {
        assert_eq!(
            error("[speech]\nen = [\"said\", \"said\"]"),
            "2:15: \"said\" is listed twice in its class"
        );
        assert_eq!(
            error("[speech]\nen = [\"said\", \"\"]"),
            "2:15: a word is empty or has spaces around it"
        );
        let unknown = error("[speech]\nverbs = [\"said\"]");
        assert!(
            unknown.starts_with("2:1: unknown field `verbs`"),
            "{unknown}"
        );
        let class = error("[speech]\n[phrases]\nen = [\"x\"]");
        assert!(class.starts_with("2:2: unknown field `phrases`"), "{class}");
    }

    #[test]
    fn rejects_bad_months() {
        let doc = BUILTIN.replace("\"jun\", \"jul\"", "\"ju\", \"jul\"");
        let Err(Error::Rules { msg, .. }) = parse("x.toml", &doc) else {
            panic!("accepted an ambiguous abbreviation")
        };
        assert!(msg.contains("\"ju\""), "{msg}");
    }
}
