//! Unicode character properties CPython's conversions depend on, from generated tables.
//!
//! The tables in `unicode_tables.rs` come from `gen/gen_unicode.py` run under CPython 3.12
//! (Unicode 15.0), so these answers match that interpreter's `str` methods exactly.

use super::unicode_tables::{DECIMAL_ZEROS, PRINTABLE, SPACE};

/// `chr(c).isprintable()`: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (except
/// the ASCII space). Decides which characters `repr()` escapes.
pub fn is_printable(c: u32) -> bool {
    if c < 0x7f {
        return c >= 0x20;
    }
    if c < 0xa1 {
        return false;
    }
    // Last range whose start is <= c.
    let i = PRINTABLE.partition_point(|&(start, _)| start <= c);
    i > 0 && c <= PRINTABLE[i - 1].1
}

/// `chr(c).isspace()`: Unicode whitespace in CPython's sense (bidirectional class WS, B or S,
/// or category Zs), which includes U+001C..U+001F.
pub fn is_space(c: u32) -> bool {
    if c < 0x80 {
        return matches!(c, 0x09..=0x0d | 0x1c..=0x20);
    }
    SPACE.binary_search(&c).is_ok()
}

/// The value of a Unicode decimal digit (category Nd, `str.isdecimal()`), 0..=9, or `None`.
pub fn decimal_value(c: u32) -> Option<u32> {
    if c < 0x80 {
        return (0x30..=0x39).contains(&c).then(|| c - 0x30);
    }
    let i = DECIMAL_ZEROS.partition_point(|&zero| zero <= c);
    if i == 0 {
        return None;
    }
    let offset = c - DECIMAL_ZEROS[i - 1];
    (offset < 10).then_some(offset)
}

/// Rewrites a `str` for `int()`/`float()` parsing as CPython does before looking at it:
/// non-ASCII whitespace becomes `' '`, non-ASCII decimal digits become ASCII digits, and any
/// other non-ASCII character becomes a byte no parser accepts. ASCII is kept as is (so
/// U+001C..U+001F stay non-space here, as in CPython). Borrowed when `s` is ASCII.
pub(crate) fn to_ascii_number_text(s: &str) -> std::borrow::Cow<'_, [u8]> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s.as_bytes());
    }
    let out = s
        .chars()
        .map(|ch| {
            let c = ch as u32;
            if c < 0x80 {
                c as u8
            } else if let Some(d) = decimal_value(c) {
                b'0' + d as u8
            } else if is_space(c) {
                b' '
            } else {
                // Rejected by every parser in this module.
                b'?'
            }
        })
        .collect();
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable() {
        assert!(is_printable(' ' as u32));
        assert!(is_printable('é' as u32));
        assert!(is_printable('中' as u32));
        assert!(!is_printable(0x7f));
        assert!(!is_printable(0xa0));
        assert!(!is_printable(0xad)); // soft hyphen, Cf
        assert!(!is_printable(0x2028));
        assert!(!is_printable(0xd800));
        assert!(!is_printable(0x10ffff));
        assert!(is_printable(0x1f600));
    }

    #[test]
    fn space_and_decimal() {
        assert!(is_space(0x1c) && is_space(0x85) && is_space(0x3000));
        assert!(!is_space(0x200b));
        assert_eq!(decimal_value('7' as u32), Some(7));
        assert_eq!(decimal_value(0x0663), Some(3)); // ARABIC-INDIC DIGIT THREE
        assert_eq!(decimal_value(0xff19), Some(9)); // FULLWIDTH DIGIT NINE
        assert_eq!(decimal_value(0xb2), None); // superscript two is a digit, not decimal
        assert_eq!(decimal_value('a' as u32), None);
    }
}
