//! HTML → visible text, every character mapped to where it was in the page.
//!
//! lol_html streams the page; its text chunks carry their byte range in the source and
//! their text type (script and style text is never `Data`). Entities are decoded here,
//! each decoded character mapped to the entity's `&`.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{DocumentContentHandlers, ElementContentHandlers, HtmlRewriter, Selector, Settings};

use super::entity::entity;
use super::norm::Mapped;
use crate::text;

/// Elements whose start and end separate lines.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "title",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "ul",
    "ol",
    "table",
    "pre",
    "hr",
    "main",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "address",
    "time",
];

/// Elements whose text content is not shown (text inside script, style and the like
/// already has a non-`Data` text type).
const HIDDEN: &[&str] = &["template", "svg", "math"];

/// `<meta name=…>` values that carry a publication date.
const META_DATES: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "article:published_time",
];

#[derive(Default)]
struct State {
    out: Mapped,
    /// Text of the current text node, not yet decoded (an entity may span chunks).
    buf: String,
    /// (offset in `buf`, offset in the page, whether the chunk's bytes are the page's).
    segs: Vec<(usize, usize, bool)>,
    /// Name of the last start tag: the element an RCDATA text belongs to.
    last_tag: String,
    hidden: usize,
    date: Option<NaiveDate>,
}

/// The visible text of `page` (which starts at byte `base` of the file) and the date
/// from its metadata, if any.
pub fn visible_text(page: &str, base: usize) -> (Mapped, Option<NaiveDate>) {
    let st = Rc::new(RefCell::new(State::default()));
    let ok = run(page, &st);
    let st = Rc::try_unwrap(st).map(RefCell::into_inner).ok();
    match st {
        Some(mut s) if ok => {
            flush(&mut s);
            rebase(&mut s.out, base);
            (s.out, s.date)
        }
        // lol_html refused the page (parsing ambiguity): fall back to stripping tags.
        _ => {
            let mut m = strip_tags(page);
            rebase(&mut m, base);
            (m, None)
        }
    }
}

fn rebase(m: &mut Mapped, base: usize) {
    // Files of 4 GiB or more are refused (`decode`): every offset fits.
    debug_assert!(u32::try_from(base).is_ok(), "offset {base} beyond 4 GiB");
    let base = u32::try_from(base).unwrap_or(u32::MAX);
    for o in &mut m.map {
        *o = o.saturating_add(base);
    }
}

fn run(page: &str, st: &Rc<RefCell<State>>) -> bool {
    let Ok(all) = "*".parse::<Selector>() else {
        return false;
    };
    let on_el = Rc::clone(st);
    let on_text = Rc::clone(st);
    let settings = Settings::new()
        .append_element_content_handler((
            std::borrow::Cow::Owned(all),
            ElementContentHandlers::default().element(move |el: &mut Element| {
                start_tag(&on_el, el);
                Ok(())
            }),
        ))
        .append_document_content_handler(DocumentContentHandlers::default().text(
            move |t: &mut TextChunk| {
                text(&mut on_text.borrow_mut(), t);
                Ok(())
            },
        ));
    let mut rw = HtmlRewriter::new(settings, |_: &[u8]| {});
    rw.write(page.as_bytes()).is_ok() && rw.end().is_ok()
}

fn start_tag(st: &Rc<RefCell<State>>, el: &mut Element) {
    let name = el.tag_name().to_ascii_lowercase();
    let at = el.source_location().bytes().start;
    let block = BLOCKS.contains(&name.as_str());
    let hidden = HIDDEN.contains(&name.as_str());
    {
        let mut s = st.borrow_mut();
        flush(&mut s);
        if block {
            line_break(&mut s.out, at);
        } else if name == "td" || name == "th" {
            space(&mut s.out, at);
        }
        if s.date.is_none() {
            s.date = meta_date(el, &name);
        }
        if hidden {
            s.hidden += 1;
        }
        s.last_tag = name;
    }
    if !(block || hidden) {
        return;
    }
    let st = Rc::clone(st);
    if let Some(h) = el.end_tag_handlers() {
        h.push(Box::new(move |end| {
            let mut s = st.borrow_mut();
            flush(&mut s);
            if hidden {
                s.hidden = s.hidden.saturating_sub(1);
            }
            if block {
                line_break(&mut s.out, end.source_location().bytes().start);
            }
            Ok(())
        }));
    }
}

fn meta_date(el: &Element, name: &str) -> Option<NaiveDate> {
    let value = match name {
        "meta" => {
            let key = el
                .get_attribute("name")
                .or_else(|| el.get_attribute("property"))?
                .to_ascii_lowercase();
            if !META_DATES.contains(&key.as_str()) {
                return None;
            }
            el.get_attribute("content")?
        }
        "time" => el.get_attribute("datetime")?,
        _ => return None,
    };
    NaiveDate::parse_from_str(value.trim().get(..10)?, "%Y-%m-%d").ok()
}

fn text(s: &mut State, t: &TextChunk) {
    let shown = match t.text_type() {
        TextType::Data => true,
        TextType::RCData => s.last_tag == "title",
        _ => false,
    };
    if shown && s.hidden == 0 && !t.as_str().is_empty() {
        let r = t.source_location().bytes();
        let exact = r.len() == t.as_str().len();
        let pos = s.buf.len();
        s.segs.push((pos, r.start, exact));
        s.buf.push_str(t.as_str());
    }
    if t.last_in_text_node() {
        flush(s);
    }
}

/// Decodes the buffered text node into the output.
fn flush(s: &mut State) {
    if s.buf.is_empty() {
        return;
    }
    let buf = std::mem::take(&mut s.buf);
    let segs = std::mem::take(&mut s.segs);
    let origin = |i: usize| {
        let k = segs.partition_point(|&(p, _, _)| p <= i).saturating_sub(1);
        match segs.get(k) {
            Some(&(p, src, true)) => src + (i - p),
            Some(&(_, src, false)) => src,
            None => 0,
        }
    };
    decode_into(&buf, origin, &mut s.out);
}

/// Decodes entities and collapses white space, as a browser shows the text.
fn decode_into(buf: &str, origin: impl Fn(usize) -> usize, out: &mut Mapped) {
    let mut i = 0;
    while let Some(c) = buf.get(i..).and_then(|r| r.chars().next()) {
        let at = origin(i);
        if c == '&'
            && let Some((d, len)) = entity(text::after(buf, i))
        {
            out.push(d, at);
            i += len;
            continue;
        }
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
            space(out, at);
        } else {
            out.push(c, at);
        }
        i += c.len_utf8();
    }
}

/// One space, unless the output already ends in white space.
fn space(out: &mut Mapped, at: usize) {
    if !matches!(out.last(), None | Some(' ' | '\n')) {
        out.push(' ', at);
    }
}

/// One line end, replacing trailing spaces, never two in a row.
fn line_break(out: &mut Mapped, at: usize) {
    while out.last() == Some(' ') {
        out.pop();
    }
    if !matches!(out.last(), None | Some('\n')) {
        out.push('\n', at);
    }
}

/// The fallback when lol_html gives up: drop `<…>` and decode what is left.
fn strip_tags(page: &str) -> Mapped {
    let mut out = Mapped::with_capacity(page.len());
    let mut i = 0;
    let b = page.as_bytes();
    while i < b.len() {
        match memchr::memchr(b'<', b.get(i..).unwrap_or(&[])) {
            Some(k) => {
                decode_into(text::slice(page, i..i + k), |j| i + j, &mut out);
                let after = i + k;
                line_break(&mut out, after);
                i = memchr::memchr(b'>', b.get(after..).unwrap_or(&[]))
                    .map_or(b.len(), |e| after + e + 1);
            }
            None => {
                decode_into(text::after(page, i), |j| i + j, &mut out);
                i = b.len();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(entity("&amp;x"), Some(('&', 5)));
        assert_eq!(entity("&#8212;"), Some(('—', 7)));
        assert_eq!(entity("&#x41;"), Some(('A', 6)));
        assert_eq!(entity("&#150;"), Some(('–', 6)));
        assert_eq!(entity("&amp x"), Some(('&', 4)));
        assert_eq!(entity("&bogus;"), None);
        assert_eq!(entity("&"), None);
    }

    #[test]
    fn strips_when_asked() {
        let m = strip_tags("a<b>c&lt;</b>d");
        assert_eq!(m.text, "a\nc<\nd");
        assert_eq!(m.map, vec![0, 1, 4, 5, 9, 13]);
    }
}
