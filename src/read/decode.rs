//! Bytes → text, refusing what is not an article: binary, not UTF-8, too large.

use crate::Error;

/// The file's text, or the one-line reason it cannot be read as an article.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Error> {
    let fail = |msg: String, offset: Option<usize>| Error::Input {
        path: path.to_string(),
        msg,
        offset,
    };
    if u32::try_from(bytes.len()).is_err() {
        return Err(fail("file too large (4 GiB or more)".to_string(), None));
    }
    if let Some(n) = memchr::memchr(0, &bytes) {
        return Err(fail(
            format!("binary file (NUL byte at offset {n})"),
            Some(n),
        ));
    }
    // An empty file is an article with nothing in it: no claims, no error.
    String::from_utf8(bytes).map_err(|e| {
        let n = e.utf8_error().valid_up_to();
        fail(
            format!("not valid UTF-8 (invalid byte at offset {n})"),
            Some(n),
        )
    })
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
        assert_eq!(decode("f", Vec::new()), Ok(String::new()));
        assert_eq!(
            decode("f", b"\xef\xbb\xbf \n".to_vec()),
            Ok("\u{feff} \n".into())
        );
        assert_eq!(msg(b"abc\0d"), "binary file (NUL byte at offset 3)");
        assert_eq!(
            msg(b"ab\xc3\xa9\xff"),
            "not valid UTF-8 (invalid byte at offset 4)"
        );
        assert_eq!(decode("f", b"ok".to_vec()), Ok("ok".to_string()));
    }
}
