//! Decimal digits of doubles and their layout in `e`, `f`, `g` and repr styles.
//!
//! Digits come from Rust's float formatting, which yields the shortest round-tripping digits
//! for `{:e}` and exactly rounded digits (round-half-even on the exact binary value, like
//! David Gay's dtoa that CPython uses) for `{:.N}` and `{:.Ne}`. This module only parses
//! that output into a digit string and a decimal-point position, then lays it out the way
//! CPython's `PyOS_double_to_string` does.

use std::fmt::Write;

/// A `fmt::Write` sink in a fixed stack buffer; writing past its end fails.
pub(crate) struct StackBuf<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> StackBuf<N> {
    /// An empty buffer.
    pub(crate) fn new() -> Self {
        StackBuf {
            buf: [0; N],
            len: 0,
        }
    }

    /// The bytes written so far.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl<const N: usize> Write for StackBuf<N> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > N {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// How the digits of a double are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DigitMode {
    /// Shortest digits that round-trip (CPython's `repr`).
    Shortest,
    /// Exactly this many significant digits (at least 1), correctly rounded.
    Significant(usize),
    /// Exactly this many digits after the decimal point, correctly rounded.
    Fixed(usize),
}

/// Calls `f(digits, decpt)` with the decimal digits of the finite, non-negative `x`: the value
/// is `0.d1 d2 d3 ... * 10**decpt`, `digits` is ASCII with no leading zero and no trailing
/// zero, and zero is `("0", 1)`. Works on the stack unless the precision is large.
pub(crate) fn with_digits<R>(x: f64, mode: DigitMode, f: impl FnOnce(&[u8], i32) -> R) -> R {
    debug_assert!(x.is_finite() && x.is_sign_positive());
    let mut small = StackBuf::<48>::new();
    if write_digits(&mut small, x, mode).is_ok() {
        let mut out = [0u8; 48];
        let (mut len, mut decpt) = extract_digits(small.as_bytes(), mode, &mut out);
        if mode == DigitMode::Shortest {
            if let Some((even, even_decpt)) = shortest_tie_to_even(x, len) {
                let mut text = StackBuf::<24>::new();
                write!(text, "{even}").expect("u64 fits");
                len = strip_trailing_zeros_len(text.as_bytes());
                out[..len].copy_from_slice(&text.as_bytes()[..len]);
                decpt = even_decpt;
            }
        }
        return f(&out[..len], decpt);
    }
    let mut big = String::new();
    write_digits(&mut big, x, mode).expect("formatting into a String cannot fail");
    let mut out = vec![0u8; big.len()];
    let (len, decpt) = extract_digits(big.as_bytes(), mode, &mut out);
    f(&out[..len], decpt)
}

/// Rust's shortest digits break an exact tie upwards; CPython's (dtoa mode 0) take the even
/// candidate when it round-trips too. A tie needs the exact decimal value of `x` to be
/// `N * 10**q` with `N` ending in 5 and having one digit more than the `n` shortest
/// digits; then this returns the even `n`-digit candidate (as an integer) and its decimal
/// point position if it reads back as `x`.
fn shortest_tie_to_even(x: f64, n: usize) -> Option<(u64, i32)> {
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mantissa, exp2) = if exp_field == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_field - 1075)
    };
    if mantissa == 0 || n > 17 {
        return None;
    }
    let tz = mantissa.trailing_zeros();
    let (m, e) = (mantissa >> tz, exp2 + tz as i32);
    // x = m * 2**e = big_n * 10**e.
    let big_n: u128 = if e < 0 {
        let k = e.unsigned_abs();
        if k > 26 {
            return None;
        }
        u128::from(m) * 5u128.pow(k)
    } else {
        if e > 22 {
            return None;
        }
        let p5 = 5u64.pow(e as u32);
        if m % p5 != 0 {
            return None;
        }
        u128::from(m / p5)
    };
    if big_n % 10 != 5 || big_n >= 10u128.pow(18) || big_n.ilog10() as usize != n {
        return None;
    }
    let d = (big_n / 10) as u64;
    let even = d + (d & 1);
    let mut text = StackBuf::<40>::new();
    write!(text, "{even}e{}", e + 1).ok()?;
    let back: f64 = std::str::from_utf8(text.as_bytes()).ok()?.parse().ok()?;
    if back != x {
        return None;
    }
    Some((
        even,
        even.checked_ilog10().map_or(1, |l| l as i32 + 1) + e + 1,
    ))
}

/// A double's exact decimal expansion has at most 767 significant digits and 1074 digits
/// after the point; asking for more only appends zeros, which callers strip anyway. Rust
/// refuses precisions above `u16::MAX`, so larger requests are clamped to these.
const MAX_SIGNIFICANT: usize = 800;
const MAX_FIXED: usize = 1100;

/// Writes Rust's rendering of `x` for `mode`: `d.ddde[-]x` or `ddd.ddd`.
fn write_digits(w: &mut impl Write, x: f64, mode: DigitMode) -> std::fmt::Result {
    match mode {
        DigitMode::Shortest => write!(w, "{x:e}"),
        DigitMode::Significant(n) => write!(w, "{:.*e}", n.clamp(1, MAX_SIGNIFICANT) - 1, x),
        DigitMode::Fixed(n) => write!(w, "{:.*}", n.min(MAX_FIXED), x),
    }
}

/// Copies the significant digits of Rust's float text into `out` (at least as long as
/// `text`); returns their count and the decimal-point position.
fn extract_digits(text: &[u8], mode: DigitMode, out: &mut [u8]) -> (usize, i32) {
    let (mantissa, mut decpt) = match mode {
        DigitMode::Shortest | DigitMode::Significant(_) => {
            let e = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
            (&text[..e], parse_exp(&text[e + 1..]) + 1)
        }
        DigitMode::Fixed(_) => {
            let point = text.iter().position(|&b| b == b'.').unwrap_or(text.len());
            (text, point as i32)
        }
    };
    let mut len = 0;
    for &b in mantissa {
        if b != b'.' && (len > 0 || b != b'0') {
            out[len] = b;
            len += 1;
        } else if b == b'0' {
            // A leading zero ("0.05" -> "5", point one place further left).
            decpt -= 1;
        }
    }
    if len == 0 {
        out[0] = b'0';
        return (1, 1);
    }
    (strip_trailing_zeros_len(&out[..len]), decpt)
}

/// Length of `digits` without its trailing zeros (at least 1 when non-empty).
fn strip_trailing_zeros_len(digits: &[u8]) -> usize {
    let mut end = digits.len();
    while end > 1 && digits[end - 1] == b'0' {
        end -= 1;
    }
    end
}

/// Parses the exponent Rust prints after `e`: `-?[0-9]+`.
fn parse_exp(text: &[u8]) -> i32 {
    let (neg, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    let v = digits
        .iter()
        .fold(0i32, |acc, &d| acc * 10 + i32::from(d - b'0'));
    if neg {
        -v
    } else {
        v
    }
}

/// The presentation styles of CPython's float-to-string routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// `e`: one digit before the point, `precision` after, always an exponent.
    Exp,
    /// `f`: `precision` digits after the point, never an exponent.
    Fixed,
    /// `g`: `precision` significant digits, exponent when it is < -4 or >= precision.
    General,
    /// `repr`: shortest digits, exponent when it is < -4 or >= 16.
    Repr,
}

/// Options of one float layout.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    /// The style.
    pub style: Style,
    /// Digits after the point (`e`, `f`) or significant digits (`g`); unused for `Repr`.
    pub precision: usize,
    /// `#`: always show the point; `g` keeps trailing zeros.
    pub alt: bool,
    /// Show `.0` on integral values without an exponent (`repr`, and format's no-type `g`,
    /// which then also switches to an exponent one digit earlier).
    pub add_dot_0: bool,
    /// Upper-case `E`, `INF`, `NAN`.
    pub upper: bool,
}

/// Appends the unsigned text of `|x|` laid out by `layout` to `out`; returns whether the
/// rounded value is zero (for the `z` option). `x` may be any double; its sign is ignored.
pub(crate) fn push_float_body(out: &mut String, x: f64, layout: &Layout) -> bool {
    if !x.is_finite() {
        out.push_str(match (x.is_nan(), layout.upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return false;
    }
    let x = x.abs();
    let mode = match layout.style {
        Style::Exp => DigitMode::Significant(layout.precision + 1),
        Style::Fixed => DigitMode::Fixed(layout.precision),
        Style::General => DigitMode::Significant(layout.precision.max(1)),
        Style::Repr => DigitMode::Shortest,
    };
    with_digits(x, mode, |digits, decpt| {
        lay_out(out, digits, decpt, layout);
        digits == b"0"
    })
}

/// Lays out `0.digits * 10**decpt` per `layout` (the body of CPython's
/// `format_float_short`, reimplemented).
fn lay_out(out: &mut String, digits: &[u8], decpt: i32, layout: &Layout) {
    let nd = digits.len() as i64;
    let mut decpt = i64::from(decpt);
    let (use_exp, frac_len): (bool, i64) = match layout.style {
        Style::Exp => (true, layout.precision as i64),
        Style::Fixed => (false, layout.precision as i64),
        Style::General => {
            let p = layout.precision.max(1) as i64;
            let limit = if layout.add_dot_0 { p - 1 } else { p };
            let use_exp = decpt <= -4 || decpt > limit;
            let point = if use_exp { 1 } else { decpt };
            let shown = if layout.alt { p } else { nd };
            (use_exp, (shown - point).max(0))
        }
        Style::Repr => {
            let use_exp = decpt <= -4 || decpt > 16;
            let point = if use_exp { 1 } else { decpt };
            (use_exp, (nd - point).max(0))
        }
    };
    let exp = decpt - 1;
    if use_exp {
        decpt = 1;
    }
    let frac_len = if layout.add_dot_0 && !use_exp {
        frac_len.max(1)
    } else {
        frac_len
    };
    // Integer part.
    if decpt <= 0 {
        out.push('0');
    } else if decpt <= nd {
        push_ascii(out, &digits[..decpt as usize]);
    } else {
        push_ascii(out, digits);
        push_zeros(out, (decpt - nd) as usize);
    }
    // Fraction.
    if frac_len > 0 || layout.alt {
        out.push('.');
        let mut left = frac_len;
        if decpt < 0 {
            let zeros = (-decpt).min(left);
            push_zeros(out, zeros as usize);
            left -= zeros;
        }
        let start = decpt.max(0);
        if start < nd && left > 0 {
            let take = (nd - start).min(left);
            push_ascii(out, &digits[start as usize..(start + take) as usize]);
            left -= take;
        }
        push_zeros(out, left as usize);
    }
    if use_exp {
        out.push(if layout.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        // At least two digits; |exp| < 400.
        let e = exp.unsigned_abs() as u32;
        if e >= 100 {
            out.push(char::from_digit(e / 100, 10).expect("digit"));
        }
        out.push(char::from_digit(e / 10 % 10, 10).expect("digit"));
        out.push(char::from_digit(e % 10, 10).expect("digit"));
    }
}

/// Appends ASCII bytes to a `String`.
pub(crate) fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.push_str(std::str::from_utf8(bytes).expect("ASCII digits"));
}

/// Appends `n` ASCII zeros.
fn push_zeros(out: &mut String, mut n: usize) {
    const ZEROS: &str = "00000000000000000000000000000000";
    while n > 0 {
        let k = n.min(ZEROS.len());
        out.push_str(&ZEROS[..k]);
        n -= k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(x: f64, mode: DigitMode) -> (String, i32) {
        with_digits(x, mode, |d, p| (String::from_utf8(d.to_vec()).unwrap(), p))
    }

    #[test]
    fn digit_extraction() {
        assert_eq!(digits(0.0, DigitMode::Shortest), ("0".into(), 1));
        assert_eq!(digits(123.456, DigitMode::Shortest), ("123456".into(), 3));
        assert_eq!(digits(1e22, DigitMode::Shortest), ("1".into(), 23));
        assert_eq!(digits(5e-324, DigitMode::Shortest), ("5".into(), -323));
        assert_eq!(digits(0.125, DigitMode::Fixed(2)), ("12".into(), 0));
        assert_eq!(digits(0.001, DigitMode::Fixed(5)), ("1".into(), -2));
        assert_eq!(digits(0.001, DigitMode::Fixed(1)), ("0".into(), 1));
        assert_eq!(digits(1500.0, DigitMode::Fixed(0)), ("15".into(), 4));
        assert_eq!(digits(12.5, DigitMode::Fixed(3)), ("125".into(), 2));
        assert_eq!(digits(9.96, DigitMode::Significant(2)), ("1".into(), 2));
        assert_eq!(digits(0.0, DigitMode::Significant(3)), ("0".into(), 1));
        // 817197271555574.25 is an exact tie between two shortest candidates: CPython takes
        // the even one.
        assert_eq!(
            digits(f64::from_bits(0x4307_39e4_88a8_efb2), DigitMode::Shortest),
            ("8171972715555742".into(), 15)
        );
        assert_eq!(digits(0.5, DigitMode::Shortest), ("5".into(), 0));
        let (d, p) = digits(5e-324, DigitMode::Significant(800));
        assert_eq!((d.len(), p), (751, -323));
        // Past Rust's precision limit (u16::MAX) the digits are the same.
        assert_eq!(digits(5e-324, DigitMode::Significant(100_000)), (d, p));
        let exact = digits(5e-324, DigitMode::Fixed(1074));
        assert_eq!(digits(5e-324, DigitMode::Fixed(1_000_000)), exact);
        let (d, p) = digits(1e300, DigitMode::Fixed(100));
        assert_eq!((&d[..5], p), ("10000", 301));
        let (d, p) = digits(0.1, DigitMode::Fixed(100));
        assert_eq!((&d[..5], d.len(), p), ("10000", 55, 0));
    }
}
