//! `repr(float)` and `float(str)`.

use super::digits::{push_float_body, Layout, Style};
use super::error::FormatError;
use super::repr::{bytes_repr, str_repr};
use super::unicode::to_ascii_number_text;

/// The layout of `repr(float)`: shortest digits, `.0` on integral values, exponent outside
/// `1e-4 <= |x| < 1e16`.
const REPR: Layout = Layout {
    style: Style::Repr,
    precision: 0,
    alt: false,
    add_dot_0: true,
    upper: false,
};

/// `repr(x)` (and `str(x)`) for a Python float, e.g. `0.1`, `1.0`, `1e+16`, `1.5e-05`,
/// `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let mut out = String::with_capacity(24);
    push_float_repr(&mut out, x);
    out
}

/// Appends [`float_repr`]`(x)` to `out` without any other allocation.
pub fn push_float_repr(out: &mut String, x: f64) {
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    }
    push_float_body(out, x, &REPR);
}

/// `float(s)` for a `str`: surrounding Unicode whitespace, an optional sign, decimal digits
/// (any Unicode decimal digits, as CPython accepts) with single underscores between digits,
/// an optional point and exponent, or `inf`/`infinity`/`nan` in any case. The result is
/// correctly rounded. The error is CPython's `ValueError("could not convert string to
/// float: '...'")`.
pub fn parse_float(s: &str) -> Result<f64, FormatError> {
    parse_float_ascii(&to_ascii_number_text(s)).ok_or_else(|| {
        FormatError::value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    })
}

/// `float(b)` for `bytes`: as [`parse_float`] but ASCII only, with the bytes' repr in the
/// error message.
pub fn parse_float_bytes(b: &[u8]) -> Result<f64, FormatError> {
    parse_float_ascii(b).ok_or_else(|| {
        FormatError::value(format!(
            "could not convert string to float: {}",
            bytes_repr(b)
        ))
    })
}

/// Python's ASCII whitespace (`Py_ISSPACE`): space, `\t`, `\n`, `\v`, `\f`, `\r`.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Trims Python's ASCII whitespace from both ends.
pub(crate) fn trim_ascii_space(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b {
        if !is_ascii_space(*first) {
            break;
        }
        b = rest;
    }
    while let [rest @ .., last] = b {
        if !is_ascii_space(*last) {
            break;
        }
        b = rest;
    }
    b
}

/// Parses already-ASCII float text; `None` when it is not a valid Python float literal.
fn parse_float_ascii(b: &[u8]) -> Option<f64> {
    let b = trim_ascii_space(b);
    if !b.is_ascii() || b.is_empty() {
        return None;
    }
    if !b.contains(&b'_') {
        // Rust's grammar (sign, digits, point, exponent, inf/infinity/nan in any case) is
        // Python's once underscores are gone.
        return std::str::from_utf8(b).ok()?.parse().ok();
    }
    let mut clean = String::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            clean.push(c as char);
        }
    }
    clean.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e22, "1e+22"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.0, "1234567890123456.0"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (100.0, "100.0"),
            (1e-5, "1e-05"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:e}");
        }
    }

    #[test]
    fn parse() {
        assert_eq!(parse_float(" 1_000.5\n"), Ok(1000.5));
        assert_eq!(parse_float("\u{a0}١.٥"), Ok(1.5));
        assert_eq!(parse_float("-iNfInItY"), Ok(f64::NEG_INFINITY));
        assert!(parse_float("-nan").unwrap().is_nan());
        assert_eq!(parse_float("1e1_0"), Ok(1e10));
        for bad in [
            "", " ", "1_", "_1", "1__0", "1_.5", "1._5", "1e_1", ".", "e5", "0x1p3",
        ] {
            assert!(parse_float(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            parse_float("1 1").unwrap_err().message,
            "could not convert string to float: '1 1'"
        );
        assert_eq!(
            parse_float_bytes(b"x").unwrap_err().message,
            "could not convert string to float: b'x'"
        );
    }
}
