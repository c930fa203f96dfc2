//! Bytes → text, refusing what is not an article: binary, not UTF-8, empty.

use crate::Error;

/// The file's text, or the one-line reason it cannot be read as an article.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Error> {
    let fail = |msg: String| Error::Input {
        path: path.to_string(),
        msg,
    };
    if u32::try_from(bytes.len()).is_err() {
        return Err(fail("file too large (4 GiB or more)".to_string()));
    }
    if let Some(n) = memchr::memchr(0, &bytes) {
        return Err(fail(format!("binary file (NUL byte at offset {n})")));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let n = e.utf8_error().valid_up_to();
        fail(format!("not valid UTF-8 (invalid byte at offset {n})"))
    })?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if body.trim().is_empty() {
        return Err(fail("empty file".to_string()));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(b: &[u8]) -> String {
        match decode("f.txt", b.to_vec()) {
            Err(Error::Input { msg, .. }) => msg,
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(msg(b""), "empty file");
        assert_eq!(msg(b" \n\t\r\n"), "empty file");
        assert_eq!(msg(b"\xef\xbb\xbf \n"), "empty file");
        assert_eq!(msg(b"abc\0d"), "binary file (NUL byte at offset 3)");
        assert_eq!(
            msg(b"ab\xc3\xa9\xff"),
            "not valid UTF-8 (invalid byte at offset 4)"
        );
        assert_eq!(decode("f", b"ok".to_vec()), Ok("ok".to_string()));
    }
}
