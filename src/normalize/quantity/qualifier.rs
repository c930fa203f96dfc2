//! Qualifiers: words before or after a number that turn it into a bound.

use nom::{Parser, branch::alt, sequence::preceded, sequence::terminated};

use super::Qualifier::{self, About, AtLeast, LessThan, Nearly, Over, UpTo};
use crate::normalize::number::{Res, word_table, ws0, ws1};

/// English qualifiers; each must be followed by a space and then the number.
pub const ENGLISH: &[(&str, Qualifier)] = &[
    // Longer phrases first: the first entry that matches wins.
    ("greater than or equal to", AtLeast),
    ("more than or equal to", AtLeast),
    ("equal to or greater than", AtLeast),
    ("equal to or more than", AtLeast),
    ("less than or equal to", UpTo),
    ("equal to or less than", UpTo),
    ("fewer than or equal to", UpTo),
    ("greater than", Over),
    ("higher than", Over),
    ("well over", Over),
    ("well above", Over),
    ("lower than", LessThan),
    ("well under", LessThan),
    ("well below", LessThan),
    ("not more than", UpTo),
    ("not exceeding", UpTo),
    ("no higher than", UpTo),
    ("just shy of", Nearly),
    ("in the region of", About),
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
    ("超过了", Over),
    ("超過了", Over),
    ("至少有", AtLeast),
    ("不超过", UpTo),
    ("不超過", UpTo),
    ("未超过", UpTo),
    ("不高于", UpTo),
    ("不多于", UpTo),
    ("大于", Over),
    ("大於", Over),
    ("高于", Over),
    ("多于", Over),
    ("超過", Over),
    ("小于", LessThan),
    ("小於", LessThan),
    ("最少", AtLeast),
    ("起码", AtLeast),
    ("约合", About),
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
    // Glued to the number: "50+ countries".
    ("+", AtLeast),
    ("开外", Over),
    ("出头", Over),
    ("有余", Over),
    ("之内", UpTo),
    ("以上", Over),
    ("多", Over),
    ("余", Over),
    ("左右", About),
    ("上下", About),
    ("以下", LessThan),
    ("以内", UpTo),
];

const ENGLISH_POST: &[(&str, Qualifier)] = &[
    ("or higher", AtLeast),
    ("or above", AtLeast),
    ("or greater", AtLeast),
    ("and above", AtLeast),
    ("or lower", UpTo),
    ("or below", UpTo),
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
