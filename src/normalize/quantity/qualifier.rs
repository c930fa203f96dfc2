//! Qualifiers: words before or after a number that turn it into a bound.

use nom::{Parser, branch::alt, sequence::preceded, sequence::terminated};

use super::Qualifier::{self, About, AtLeast, LessThan, Nearly, Over, UpTo};
use crate::normalize::number::{Res, word_table, ws0, ws1};

/// English qualifiers; each must be followed by a space and then the number.
pub const ENGLISH: &[(&str, Qualifier)] = &[
    ("more than", Over),
    ("just over", Over),
    ("over", Over),
    ("above", Over),
    ("in excess of", Over),
    ("upwards of", Over),
    ("exceeding", Over),
    ("at least", AtLeast),
    ("no less than", AtLeast),
    ("not less than", AtLeast),
    ("no fewer than", AtLeast),
    ("a minimum of", AtLeast),
    ("up to", UpTo),
    ("as much as", UpTo),
    ("as many as", UpTo),
    ("as high as", UpTo),
    ("at most", UpTo),
    ("no more than", UpTo),
    ("a maximum of", UpTo),
    ("less than", LessThan),
    ("fewer than", LessThan),
    ("just under", LessThan),
    ("under", LessThan),
    ("below", LessThan),
    ("nearly", Nearly),
    ("almost", Nearly),
    ("close to", Nearly),
    ("about", About),
    ("around", About),
    ("approximately", About),
    ("approx.", About),
    ("roughly", About),
    ("some", About),
    ("an estimated", About),
    ("estimated", About),
    ("circa", About),
];

/// Chinese qualifiers, written straight before the number (longest first).
pub const CHINESE: &[(&str, Qualifier)] = &[
    ("最高可达", UpTo),
    ("最高达", UpTo),
    ("最高", UpTo),
    ("最多", UpTo),
    ("可达", UpTo),
    ("高达", UpTo),
    ("多达", UpTo),
    ("超过", Over),
    ("逾", Over),
    ("超", Over),
    ("至少", AtLeast),
    ("不少于", AtLeast),
    ("不低于", AtLeast),
    ("不到", LessThan),
    ("不足", LessThan),
    ("低于", LessThan),
    ("少于", LessThan),
    ("将近", Nearly),
    ("接近", Nearly),
    ("近", Nearly),
    ("几乎", Nearly),
    ("大约", About),
    ("约为", About),
    ("约", About),
    ("大概", About),
];

/// Qualifiers after the number or unit: 以上, 左右, "or more".
const CHINESE_POST: &[(&str, Qualifier)] = &[
    ("以上", Over),
    ("多", Over),
    ("余", Over),
    ("左右", About),
    ("上下", About),
    ("以下", LessThan),
    ("以内", UpTo),
];

const ENGLISH_POST: &[(&str, Qualifier)] = &[
    ("or more", AtLeast),
    ("or so", About),
    ("or less", UpTo),
    ("or fewer", UpTo),
];

/// A qualifier before the number.
pub fn pre_qualifier(i: &str) -> Res<'_, Qualifier> {
    alt((
        terminated(word_table(ENGLISH), ws1),
        terminated(word_table(CHINESE), ws0),
    ))
    .parse(i)
}

/// A qualifier after the number or unit.
pub fn post_qualifier(i: &str) -> Res<'_, Qualifier> {
    alt((
        word_table(CHINESE_POST),
        preceded(ws1, word_table(ENGLISH_POST)),
    ))
    .parse(i)
}

/// Bounds for a stated value or range under a qualifier: "over x" is bounded below,
/// "up to", "under" and "nearly" above, "about" at x (the rules widen it).
pub fn bounds(q: Option<Qualifier>, low: f64, high: f64) -> (Option<f64>, Option<f64>) {
    match q {
        None | Some(About) => (Some(low), Some(high)),
        Some(Over | AtLeast) => (Some(low), None),
        Some(UpTo | LessThan | Nearly) => (None, Some(high)),
    }
}
