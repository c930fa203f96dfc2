//! HTML character references (`&amp;`, `&#8217;`): decoded both in HTML pages and
//! in plain text, where aggregators leave them.

/// Named entities that news pages use; the rest of the HTML list is rare in articles.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("shy", '\u{ad}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("minus", '−'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("middot", '·'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("micro", 'µ'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("ccedil", 'ç'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("iacute", 'í'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("uacute", 'ú'),
    ("uuml", 'ü'),
    ("szlig", 'ß'),
    ("Aacute", 'Á'),
    ("Eacute", 'É'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("Oslash", 'Ø'),
    ("Aring", 'Å'),
];

/// Entities browsers accept without the `;`.
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Windows-1252 characters that `&#128;`–`&#159;` stand for.
const C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The entity at the start of `s` (which starts with `&`): its character and length.
pub fn entity(s: &str) -> Option<(char, usize)> {
    let rest = s.get(1..)?;
    if let Some(num) = rest.strip_prefix('#') {
        let (hex, digits) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, num),
        };
        let n = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if n == 0 {
            return None;
        }
        let value = u32::from_str_radix(digits.get(..n)?, if hex { 16 } else { 10 }).ok();
        let c = match value {
            Some(v @ 0x80..=0x9f) => C1.get((v - 0x80) as usize).copied(),
            Some(0) | None => None,
            Some(v) => char::from_u32(v),
        }
        .unwrap_or('\u{fffd}');
        let mut len = 2 + usize::from(hex) + n;
        if s.as_bytes().get(len) == Some(&b';') {
            len += 1;
        }
        return Some((c, len));
    }
    let n = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = rest.get(..n)?;
    let &(_, c) = NAMED.iter().find(|(k, _)| *k == name)?;
    if rest.as_bytes().get(n) == Some(&b';') {
        Some((c, n + 2))
    } else if LEGACY.contains(&name) && rest.as_bytes().get(n) != Some(&b'=') {
        Some((c, n + 1))
    } else {
        None
    }
}
