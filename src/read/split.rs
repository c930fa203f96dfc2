//! A file's working text → its articles: bylines, titles, front matter, language.

use std::ops::Range;

use chrono::NaiveDate;

/// One article found in a working text.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub range: Range<usize>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub lang: &'static str,
}

/// A Markdown front-matter block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrontMatter {
    /// The block's bytes in the original (fences included, final line end excluded).
    pub range: Range<usize>,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
}

/// The `---` … `---` block at byte `start` of `raw`, if there is one.
pub fn front_matter(raw: &str, start: usize) -> Option<FrontMatter> {
    let body = raw.get(start..)?;
    let mut lines = body.split_inclusive('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut fm = FrontMatter::default();
    let mut at = start + body.find('\n')? + 1;
    for line in lines {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            fm.range = start..at + t.len();
            return Some(fm);
        }
        if let Some((key, value)) = t.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']).trim();
            match key.trim().to_ascii_lowercase().as_str() {
                "date" => fm.date = value.get(..10).and_then(crate::text::parse_iso_day),
                "title" if !value.is_empty() => fm.title = Some(value.to_string()),
                _ => {}
            }
        }
        at += line.len();
    }
    None
}

/// `HH:MM` or `HH:MM:SS`.
fn is_time(s: &str) -> bool {
    let mut parts = s.split(':');
    let ok = |p: Option<&str>| {
        p.is_some_and(|p| matches!(p.len(), 1 | 2) && p.bytes().all(|c| c.is_ascii_digit()))
    };
    let (h, m) = (parts.next(), parts.next());
    let sec = parts.next();
    ok(h) && ok(m) && (sec.is_none() || ok(sec)) && parts.next().is_none()
}

/// The date of a byline line: `Publisher·2025-10-27 17:06` (also with `・`, `•`, `|` or
/// ` - ` between publisher and date; the time is optional). The whole line must be that.
pub fn byline(line: &str) -> Option<NaiveDate> {
    byline_parts(line).map(|(_, d)| d)
}

/// An article's publisher, as a byline among its first or last lines names it.
pub fn publisher_of(article: &str) -> Option<&str> {
    // Only the ends are read: the body is not scanned again.
    let filled = |l: &&str| !l.trim().is_empty();
    let head = article.lines().filter(filled).take(4);
    let tail = article.lines().rev().filter(filled).take(2);
    head.chain(tail)
        .find_map(|l| byline_parts(l).map(|(p, _)| p))
}

/// A byline's publisher and date.
fn byline_parts(line: &str) -> Option<(&str, NaiveDate)> {
    // Publisher (at most 60 chars of up to 4 bytes), separator, date, time and
    // padding: anything longer is a paragraph, not a byline.
    if line.len() > 320 {
        return None;
    }
    let mut t = line.trim();
    if let Some((before, last)) = t.rsplit_once(char::is_whitespace)
        && is_time(last)
    {
        t = before.trim_end();
    }
    let cut = t.len().checked_sub(10)?;
    let date = crate::text::parse_iso_day(t.get(cut..)?)?;
    let head = t.get(..cut)?.trim_end();
    let publisher = if let Some(p) = head.strip_suffix(['·', '・', '•', '|']) {
        p
    } else {
        // A hyphen only with a space before it: `Name - 2025-…`, not `Name-2025-…`.
        head.strip_suffix('-')
            .filter(|p| p.ends_with(char::is_whitespace))?
    };
    let publisher = publisher.trim();
    let n = publisher.chars().count();
    let plausible = (1..=60).contains(&n) && !publisher.ends_with(['.', '。', ',', ':']);
    plausible.then_some((publisher, date))
}

/// A line's text as a title: trimmed, Markdown heading marks dropped.
fn title_of(line: &str) -> Option<String> {
    let t = line.trim().trim_start_matches('#').trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Byte ranges of the lines of `text` (line ends excluded).
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut v = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        v.push(start..i);
        start = i + 1;
    }
    v.push(start..text.len());
    v
}

fn line<'a>(text: &'a str, r: &Range<usize>) -> &'a str {
    crate::text::slice(text, r.clone())
}

fn non_blank(text: &str, r: Range<usize>) -> usize {
    text.get(r)
        .map_or(0, |s| s.chars().filter(|c| !c.is_whitespace()).count())
}

/// Splits a working text into articles. Without a byline the whole text is one
/// undated article titled by its first non-empty line.
pub fn articles(text: &str) -> Vec<Article> {
    let lines = lines(text);
    let bylines: Vec<(usize, NaiveDate)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, r)| byline(line(text, r)).map(|d| (i, d)))
        .collect();
    if bylines.is_empty() {
        let title = lines.iter().find_map(|r| title_of(line(text, r)));
        let range = 0..text.len();
        return vec![Article {
            lang: lang(text, range.clone(), &[]),
            range,
            title,
            date: None,
        }];
    }
    // Each byline's title: the nearest non-empty line above it, after the previous byline.
    let mut titles: Vec<Option<usize>> = Vec::new();
    let mut floor = 0;
    for &(b, _) in &bylines {
        let t = (floor..b).rev().find(|&i| {
            lines
                .get(i)
                .is_some_and(|r| !line(text, r).trim().is_empty())
        });
        titles.push(t);
        floor = b + 1;
    }
    let head_start = |k: usize| -> usize {
        let i = titles
            .get(k)
            .copied()
            .flatten()
            .or(bylines.get(k).map(|b| b.0));
        i.and_then(|i| lines.get(i)).map_or(text.len(), |r| r.start)
    };
    let line_after = |i: usize| {
        lines
            .get(i)
            .map_or(text.len(), |r| (r.end + 1).min(text.len()))
    };
    // Title and byline may close an article instead of opening it (body first): then
    // nothing follows the last byline and more text precedes the first title than
    // follows the first byline.
    let (Some(&(first_b, _)), Some(&(last_b, _))) = (bylines.first(), bylines.last()) else {
        return Vec::new();
    };
    let first_after = line_after(first_b);
    let trailer = non_blank(text, line_after(last_b)..text.len()) == 0
        && non_blank(text, 0..head_start(0))
            > non_blank(text, first_after..head_start(1).max(first_after));
    let n = bylines.len();
    let mut out = Vec::with_capacity(n);
    for (k, &(b, date)) in bylines.iter().enumerate() {
        let range = if trailer {
            let start = match k.checked_sub(1).and_then(|p| bylines.get(p)) {
                Some(&(prev, _)) => line_after(prev),
                None => 0,
            };
            let end = if k + 1 == n {
                text.len()
            } else {
                line_after(b)
            };
            start..end
        } else {
            let start = if k == 0 { 0 } else { head_start(k) };
            let end = if k + 1 == n {
                text.len()
            } else {
                head_start(k + 1)
            };
            start..end
        };
        let title_line = titles.get(k).copied().flatten().and_then(|i| lines.get(i));
        let mut skip = vec![lines.get(b).cloned().unwrap_or(0..0)];
        skip.extend(title_line.cloned());
        out.push(Article {
            lang: lang(text, range.clone(), &skip),
            title: title_line.and_then(|r| title_of(line(text, r))),
            range,
            date: Some(date),
        });
    }
    out
}

/// `zh` when most letters of `range` (outside `skip`) are CJK, else `en`.
fn lang(text: &str, range: Range<usize>, skip: &[Range<usize>]) -> &'static str {
    let count = |r: Range<usize>| text.get(r).map_or((0, 0), crate::text::letter_counts);
    let (mut cjk, mut other) = count(range.clone());
    for s in skip {
        if range.contains(&s.start) {
            let (c, o) = count(s.clone());
            cjk -= c;
            other -= o;
        }
    }
    if cjk > other { "zh" } else { "en" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("Daily Wire·2025-10-27 17:06"), d("2025-10-27"));
        assert_eq!(byline("  Daily Wire · 2025-10-27 17:06  "), d("2025-10-27"));
        assert_eq!(byline("Daily Wire· 2025-10-27"), d("2025-10-27"));
        assert_eq!(byline("Daily Wire | 2025-10-27 09:00:12"), d("2025-10-27"));
        assert_eq!(byline("Daily Wire - 2025-10-27 17:06"), d("2025-10-27"));
        assert_eq!(byline("日刊・2025-10-27 17:06"), d("2025-10-27"));
        assert_eq!(byline("Daily Wire-2025-10-27"), None);
        assert_eq!(byline("·2025-10-27"), None);
        assert_eq!(byline("Daily Wire·2025-13-27"), None);
        assert_eq!(byline("It happened on 2025-10-27"), None);
        assert_eq!(byline("Daily Wire·2025-10-27 and more"), None);
    }

    #[test]
    fn front_matter_block() {
        let raw = "---\ntitle: \"Hello\"\ndate: 2025-01-02T10:00:00Z\n---\n# H\n";
        let fm = front_matter(raw, 0);
        assert_eq!(
            fm,
            Some(FrontMatter {
                range: 0..49,
                date: d("2025-01-02"),
                title: Some("Hello".into())
            })
        );
        assert_eq!(
            &raw[..49],
            "---\ntitle: \"Hello\"\ndate: 2025-01-02T10:00:00Z\n---"
        );
        assert_eq!(front_matter("---\ntitle: x\n", 0), None);
        assert_eq!(front_matter("--- \nx\n", 0).map(|f| f.range), None);
    }
}
