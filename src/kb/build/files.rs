//! What every kind of entry checks the same way: ids, texts, dates, sources and
//! examples, and where a problem is (file, line, column).

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;

use crate::Error;
use crate::kb::docs::SrcFile;
use crate::kb::schema::{DateIn, Examples, S, SourceDoc};
use crate::kb::settings::Spot;
use crate::kb::{Example, Precision, SourceRef};
use crate::text::line_col;

pub(in crate::kb) fn error_at(path: &str, text: &str, span: Range<usize>, msg: String) -> Error {
    let (line, column) = line_col(text, span.start);
    Error::Rules {
        path: path.to_string(),
        line,
        column,
        msg,
    }
}

/// The files entries point into (`files[i - first]` for entry file `i`), and the
/// checks every kind of entry shares.
pub(in crate::kb) struct Files<'a> {
    pub files: &'a [SrcFile],
    pub first: usize,
}

impl Files<'_> {
    /// The file an entry comes from. Entries are only ever numbered by the files
    /// they were collected from, so a miss is a bug in `load`.
    fn file(&self, file: usize) -> Result<&SrcFile, Error> {
        let f = file.checked_sub(self.first).and_then(|i| self.files.get(i));
        debug_assert!(f.is_some(), "entry of file {file} outside the files read");
        f.ok_or_else(|| Error::Usage(format!("internal error: no rule file number {file}")))
    }

    pub(super) fn err<T>(&self, file: usize, span: Range<usize>, msg: String) -> Result<T, Error> {
        let f = self.file(file)?;
        Err(error_at(&f.path, &f.text, span, msg))
    }

    /// A place in a file for a layer above to report at.
    pub(super) fn spot(&self, file: usize, offset: usize) -> Result<Spot, Error> {
        let f = self.file(file)?;
        Ok(Spot {
            path: f.path.clone(),
            src: f.text.clone(),
            offset,
        })
    }

    /// `path:line:column` of a span, for messages that point at a second place.
    pub(super) fn place(&self, file: usize, span: Range<usize>) -> Result<String, Error> {
        let f = self.file(file)?;
        let (line, column) = line_col(&f.text, span.start);
        Ok(format!("{}:{line}:{column}", f.path))
    }

    pub(in crate::kb) fn unique<'s>(
        &self,
        what: &str,
        ids: impl Iterator<Item = (usize, &'s S)>,
    ) -> Result<(), Error> {
        let mut seen: HashMap<&str, (usize, Range<usize>)> = HashMap::new();
        for (file, id) in ids {
            if let Some((f, span)) = seen.get(id.get_ref().as_str()) {
                let first = self.place(*f, span.clone())?;
                return self.err(
                    file,
                    id.span(),
                    format!(
                        "duplicate {what} \"{}\": already defined at {first}; ids must be unique",
                        id.get_ref()
                    ),
                );
            }
            seen.insert(id.get_ref(), (file, id.span()));
        }
        Ok(())
    }

    /// An entry's examples, with where each is written. `flag` is kept as written:
    /// the rules layer knows the rule ids (`rules::settings::resolve`).
    pub(super) fn examples(&self, file: usize, list: &Examples) -> Result<Vec<Example>, Error> {
        let mut out = Vec::new();
        for x in list {
            let d = x.get_ref();
            let text = self.text(file, "example text", &d.text)?;
            let on = match &d.on {
                Some(on) => Some(self.day(file, "on", on)?),
                None => None,
            };
            if d.lookalike && d.flag.is_some() {
                return self.err(
                    file,
                    x.span(),
                    "an example is either a look-alike or flagged, not both".to_string(),
                );
            }
            let f = self.file(file)?;
            out.push(Example {
                text,
                on,
                flag: d.flag.as_ref().map(|f| f.get_ref().clone()),
                flag_offset: d.flag.as_ref().map_or(0, |f| f.span().start),
                lookalike: d.lookalike,
                path: f.path.clone(),
                src: f.text.clone(),
                offset: x.span().start,
            });
        }
        Ok(out)
    }

    pub(super) fn id(&self, file: usize, id: &S) -> Result<String, Error> {
        let s = id.get_ref();
        if s.is_empty()
            || !s
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return self.err(
                file,
                id.span(),
                format!(
                    "id \"{s}\" is not valid; expected letters, digits, '-', '_' or '.' (like \"takaichi-sanae\")"
                ),
            );
        }
        Ok(s.clone())
    }

    /// A name-like string: not empty, no spaces around it.
    pub(super) fn text(&self, file: usize, what: &str, s: &S) -> Result<String, Error> {
        let v = s.get_ref();
        if v.trim().is_empty() {
            return self.err(
                file,
                s.span(),
                format!("{what} is empty; expected some text"),
            );
        }
        if v.trim() != v {
            return self.err(
                file,
                s.span(),
                format!("{what} \"{v}\" has spaces at its start or end; remove them"),
            );
        }
        Ok(v.clone())
    }

    pub(super) fn texts(&self, file: usize, what: &str, list: &[S]) -> Result<Vec<String>, Error> {
        list.iter().map(|s| self.text(file, what, s)).collect()
    }

    /// `from` and an optional `to` (inclusive, `to_is` says what it means), in order.
    pub(super) fn span_of_days(
        &self,
        file: usize,
        from: &Spanned<DateIn>,
        to: Option<&Spanned<DateIn>>,
        to_is: &str,
    ) -> Result<(NaiveDate, Option<NaiveDate>), Error> {
        let from_day = self.day(file, "from", from)?;
        let Some(t) = to else {
            return Ok((from_day, None));
        };
        let to_day = self.day(file, "to", t)?;
        if to_day < from_day {
            return self.err(
                file,
                t.span(),
                format!("to {to_day} is before from {from_day}; `to` is {to_is}"),
            );
        }
        Ok((from_day, Some(to_day)))
    }

    /// A day, or a month ("2004-03") or year ("2004") when the day is not recorded:
    /// the period's first day and how precisely it is known.
    pub(super) fn rough_day(
        &self,
        file: usize,
        what: &str,
        d: &Spanned<DateIn>,
    ) -> Result<(NaiveDate, Precision), Error> {
        use crate::normalize::date::parse_iso_day;
        let text = d.get_ref().text();
        let parsed = if let Some(day) = parse_iso_day(&text) {
            Some((day, Precision::Day))
        } else if text.len() == 7 {
            parse_iso_day(&format!("{text}-01")).map(|day| (day, Precision::Month))
        } else if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            parse_iso_day(&format!("{text}-01-01")).map(|day| (day, Precision::Year))
        } else {
            None
        };
        match parsed {
            Some(p) => Ok(p),
            None => self.err(
                file,
                d.span(),
                format!(
                    "{what} \"{text}\" is not a date; expected \"2024-10-01\", or \"2024-10\" or \"2024\" when the day is not known"
                ),
            ),
        }
    }

    pub(super) fn day(
        &self,
        file: usize,
        what: &str,
        d: &Spanned<DateIn>,
    ) -> Result<NaiveDate, Error> {
        let text = d.get_ref().text();
        match crate::normalize::date::parse_iso_day(&text) {
            Some(day) => Ok(day),
            None => self.err(
                file,
                d.span(),
                format!(
                    "{what} \"{text}\" is not a date; expected an ISO date like \"2024-10-01\""
                ),
            ),
        }
    }

    pub(super) fn source(&self, file: usize, s: &SourceDoc) -> Result<SourceRef, Error> {
        let publisher = self.text(file, "source.publisher", &s.publisher)?;
        let document = self.text(file, "source.document", &s.document)?;
        let date = s.date.get_ref().text();
        let ok = crate::normalize::date::parse_iso_day(&date).is_some()
            || crate::normalize::date::parse_iso_day(&format!("{date}-01")).is_some()
            || (date.len() == 4 && date.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            return self.err(
                file,
                s.date.span(),
                format!(
                    "source.date \"{date}\" is not a date; expected \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\""
                ),
            );
        }
        Ok(SourceRef {
            publisher,
            document,
            date,
        })
    }
}
