//! Dated reference figures: tolerance, equivalents and values whose periods do not
//! overlap.

use toml::Spanned;

use super::entities::refer;
use super::{Files, overlap_days, period};
use crate::Error;
use crate::kb::docs::{At, Docs};
use crate::kb::schema::ValueDoc;
use crate::kb::{Equivalent, Figure, FigureValue, Kb};

pub(super) fn build(fs: &Files, docs: &Docs, kb: &mut Kb) -> Result<(), Error> {
    for At { file, item: f } in &docs.figures {
        let file = *file;
        let tolerance = match &f.tolerance {
            Some(t) if *t.get_ref() < 0.0 || !t.get_ref().is_finite() => {
                return fs.err(
                    file,
                    t.span(),
                    format!("tolerance {} must be a number >= 0", t.get_ref()),
                );
            }
            Some(t) => *t.get_ref(),
            None => 0.0,
        };
        let mut equivalents = Vec::new();
        for e in &f.equivalents {
            let d = e.get_ref();
            if !(d.factor.is_finite() && d.factor > 0.0) || d.basis.trim().is_empty() {
                return fs.err(
                    file,
                    e.span(),
                    format!(
                        "an equivalent needs a basis and a factor > 0 (got {:?}, {})",
                        d.basis, d.factor
                    ),
                );
            }
            equivalents.push(Equivalent {
                basis: d.basis.clone(),
                factor: d.factor,
            });
        }
        let mut values = Vec::new();
        for v in &f.values {
            values.push(value(fs, file, v)?);
        }
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate().skip(i + 1) {
                if overlap_days(a.from, a.to, b.from, b.to) > 0 {
                    // Report at the value that starts later.
                    let (k, later, earlier) = if b.from >= a.from {
                        (j, b, a)
                    } else {
                        (i, a, b)
                    };
                    return fs.err(
                        file,
                        f.values[k].span(),
                        format!(
                            "value {} overlaps the value {}; the periods of one figure must not overlap",
                            period(later.from, later.to),
                            period(earlier.from, earlier.to)
                        ),
                    );
                }
            }
        }
        kb.figures.push(Figure {
            id: fs.id(file, &f.id)?,
            name: fs.text(file, "name", &f.name)?,
            subject: match &f.subject {
                Some(s) => Some(refer(fs, kb, file, "subject", s, None)?),
                None => None,
            },
            terms: fs.texts(file, "term", &f.terms)?,
            unit: fs.text(file, "unit", &f.unit)?,
            values,
            tolerance,
            equivalents,
            source: fs.source(file, &f.source)?,
            examples: fs.examples(file, &f.examples)?,
        });
    }
    Ok(())
}

fn value(fs: &Files, file: usize, v: &Spanned<ValueDoc>) -> Result<FigureValue, Error> {
    let d = v.get_ref();
    let (from, to) =
        fs.span_of_days(file, &d.from, d.to.as_ref(), "the last day the value holds")?;
    let (low, high) = match (d.value, d.low, d.high) {
        (Some(x), None, None) => (x, x),
        (None, Some(l), Some(h)) if l <= h => (l, h),
        (None, Some(l), Some(h)) => {
            return fs.err(file, v.span(), format!("low {l} is above high {h}"));
        }
        _ => {
            return fs.err(
                file,
                v.span(),
                "expected either value = N or low = N and high = N".to_string(),
            );
        }
    };
    Ok(FigureValue {
        low,
        high,
        from,
        to,
    })
}
