//! Numbers: digits with separators and decimals, English number words, Chinese numerals.
