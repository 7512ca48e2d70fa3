//! Python ints as text: `int(str, base)`, `str(int)`, `bin`/`oct`/`hex`, and int -> float.

use rug::Integer;

use super::error::FormatError;
use super::float_str::trim_ascii_space;
use super::repr::{bytes_repr, str_repr};
use super::unicode::to_ascii_number_text;

/// CPython's default for `sys.set_int_max_str_digits()` (`sys.int_info.default_max_str_digits`).
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The smallest non-zero limit `sys.set_int_max_str_digits()` accepts
/// (`sys.int_info.str_digits_check_threshold`).
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// An owned Python int as the parsers produce it: `Small` whenever the value fits an `i64`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntValue {
    /// A value in `i64` range.
    Small(i64),
    /// Any value (the parsers only use it outside `i64` range).
    Big(Integer),
}

impl IntValue {
    /// A borrowed view for the formatting functions.
    pub fn as_ref(&self) -> IntRef<'_> {
        match self {
            IntValue::Small(v) => IntRef::Small(*v),
            IntValue::Big(v) => IntRef::Big(v),
        }
    }

    /// `Small` when the value fits an `i64`, else `Big`.
    pub fn from_integer(v: Integer) -> Self {
        match v.to_i64() {
            Some(small) => IntValue::Small(small),
            None => IntValue::Big(v),
        }
    }
}

/// A borrowed Python int, the input of every int formatting function.
#[derive(Clone, Copy, Debug)]
pub enum IntRef<'a> {
    /// A machine-sized value.
    Small(i64),
    /// An arbitrary-precision value (need not be outside `i64` range).
    Big(&'a Integer),
}

impl From<i64> for IntRef<'_> {
    fn from(v: i64) -> Self {
        IntRef::Small(v)
    }
}

impl<'a> From<&'a Integer> for IntRef<'a> {
    fn from(v: &'a Integer) -> Self {
        IntRef::Big(v)
    }
}

impl<'a> From<&'a IntValue> for IntRef<'a> {
    fn from(v: &'a IntValue) -> Self {
        v.as_ref()
    }
}

impl IntRef<'_> {
    /// Whether the value is below zero.
    pub(crate) fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(v) => v.is_negative(),
        }
    }
}

/// Why a literal was rejected, before the message is rendered.
enum ParseFail {
    Invalid,
    TooManyDigits(usize),
}

/// `int(s, base)` for a `str`.
///
/// Accepts what CPython 3.12 accepts: surrounding whitespace (Unicode whitespace included),
/// one sign, a `0x`/`0o`/`0b` prefix when it matches `base` (base 0 takes the base from the
/// prefix, else 10, and then rejects a leading zero unless the value is zero), single
/// underscores between digits or right after a prefix, and Unicode decimal digits. `base`
/// must be 0 or 2..=36. For bases that are not powers of two, more than `max_str_digits`
/// digits is an error (`0` disables the check; CPython's default is
/// [`DEFAULT_MAX_STR_DIGITS`]). Errors are `ValueError`s with CPython's messages, e.g.
/// `invalid literal for int() with base 10: 'abc'`.
pub fn parse_int(s: &str, base: u32, max_str_digits: usize) -> Result<IntValue, FormatError> {
    check_base(base)?;
    parse_int_ascii(&to_ascii_number_text(s), base, max_str_digits)
        .map_err(|fail| parse_error(fail, base, max_str_digits, || str_repr(s)))
}

/// `int(b, base)` for `bytes`: as [`parse_int`] with ASCII only, the bytes' repr in errors.
pub fn parse_int_bytes(
    b: &[u8],
    base: u32,
    max_str_digits: usize,
) -> Result<IntValue, FormatError> {
    check_base(base)?;
    parse_int_ascii(b, base, max_str_digits)
        .map_err(|fail| parse_error(fail, base, max_str_digits, || bytes_repr(b)))
}

/// Rejects bases other than 0 and 2..=36 with CPython's message.
fn check_base(base: u32) -> Result<(), FormatError> {
    if base == 1 || base > 36 {
        return Err(FormatError::value(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    Ok(())
}

/// Renders a parse failure; `repr` gives the literal's repr (cut to 200 characters, as
/// CPython's `%.200R`).
fn parse_error(
    fail: ParseFail,
    base: u32,
    limit: usize,
    repr: impl FnOnce() -> String,
) -> FormatError {
    match fail {
        ParseFail::Invalid => {
            let repr = repr();
            let cut = match repr.char_indices().nth(200) {
                Some((i, _)) => &repr[..i],
                None => &repr,
            };
            FormatError::value(format!("invalid literal for int() with base {base}: {cut}"))
        }
        ParseFail::TooManyDigits(n) => FormatError::value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        )),
    }
}

/// The value of an ASCII digit in bases up to 36.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => u32::MAX,
    }
}

/// Parses ASCII int text (already stripped of non-ASCII by the caller).
fn parse_int_ascii(text: &[u8], base: u32, limit: usize) -> Result<IntValue, ParseFail> {
    let mut s = trim_ascii_space(text);
    let negative = match s.first() {
        Some(b'-') => {
            s = &s[1..];
            true
        }
        Some(b'+') => {
            s = &s[1..];
            false
        }
        _ => false,
    };
    let prefix_base = match s {
        [b'0', b'x' | b'X', ..] => 16,
        [b'0', b'o' | b'O', ..] => 8,
        [b'0', b'b' | b'B', ..] => 2,
        _ => 0,
    };
    let mut base = base;
    if prefix_base != 0 && (base == 0 || base == prefix_base) {
        base = prefix_base;
        s = &s[2..];
        // One underscore may follow the prefix.
        if s.first() == Some(&b'_') {
            s = &s[1..];
        }
    }
    let old_octal_check = base == 0;
    if base == 0 {
        base = 10;
    }
    // Validate: digits < base, each underscore between two digits.
    let mut ndigits = 0usize;
    let mut prev_underscore = true; // no leading underscore (after a prefix's one either)
    for &b in s {
        if b == b'_' {
            if prev_underscore {
                return Err(ParseFail::Invalid);
            }
            prev_underscore = true;
        } else if digit_value(b) < base {
            ndigits += 1;
            prev_underscore = false;
        } else {
            return Err(ParseFail::Invalid);
        }
    }
    if ndigits == 0 || prev_underscore {
        return Err(ParseFail::Invalid);
    }
    // The digit limit is checked before base 0's leading-zero rule, as in CPython.
    if limit > 0 && !base.is_power_of_two() && ndigits > limit {
        return Err(ParseFail::TooManyDigits(ndigits));
    }
    if old_octal_check && s[0] == b'0' && s.iter().any(|&b| b != b'0' && b != b'_') {
        // Base 0 without prefix: "010" is rejected, "0_0" is fine.
        return Err(ParseFail::Invalid);
    }
    // Fast path: accumulate in a u64.
    let mut acc: u64 = 0;
    let mut overflow = false;
    for &b in s {
        if b == b'_' {
            continue;
        }
        match acc
            .checked_mul(u64::from(base))
            .and_then(|v| v.checked_add(u64::from(digit_value(b))))
        {
            Some(v) => acc = v,
            None => {
                overflow = true;
                break;
            }
        }
    }
    if !overflow {
        if !negative && acc <= i64::MAX as u64 {
            return Ok(IntValue::Small(acc as i64));
        }
        if negative && acc <= 1u64 << 63 {
            return Ok(IntValue::Small((acc as i64).wrapping_neg()));
        }
        let mut v = Integer::from(acc);
        if negative {
            v = -v;
        }
        return Ok(IntValue::Big(v));
    }
    // rug ignores the (validated) underscores.
    let mut v =
        Integer::from(Integer::parse_radix(s, base as i32).map_err(|_| ParseFail::Invalid)?);
    if negative {
        v = -v;
    }
    Ok(IntValue::from_integer(v))
}

/// Digits for bases up to 36, lower case.
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// "00" "01" ... "99": two decimal digits at a time.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes `m` in decimal at the end of `buf`; returns where the digits start.
fn write_decimal(buf: &mut [u8; 64], mut m: u64) -> usize {
    let mut i = buf.len();
    while m >= 100 {
        let pair = (m % 100) as usize * 2;
        m /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if m >= 10 {
        let pair = m as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + m as u8;
    }
    i
}

/// Writes `m` in `base` (2..=36) at the end of `buf`; returns where the digits start.
fn write_radix(buf: &mut [u8; 64], mut m: u64, base: u32, upper: bool) -> usize {
    let table: &[u8; 36] = if upper {
        b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    } else {
        DIGITS
    };
    let mut i = buf.len();
    if base.is_power_of_two() {
        let shift = base.trailing_zeros();
        let mask = u64::from(base - 1);
        loop {
            i -= 1;
            buf[i] = table[(m & mask) as usize];
            m >>= shift;
            if m == 0 {
                return i;
            }
        }
    }
    let b = u64::from(base);
    loop {
        i -= 1;
        buf[i] = table[(m % b) as usize];
        m /= b;
        if m == 0 {
            return i;
        }
    }
}

/// Calls `f` with the ASCII digits of `|value|` in `base` (2, 8, 10 or 16; any of 2..=36 for
/// values that fit a `u64`), upper-case letters when
/// `upper`. For base 10 more than `max_str_digits` digits (when non-zero) is CPython's
/// `ValueError`.
pub(crate) fn with_abs_digits<R>(
    value: IntRef<'_>,
    base: u32,
    upper: bool,
    max_str_digits: usize,
    f: impl FnOnce(&[u8]) -> R,
) -> Result<R, FormatError> {
    debug_assert!((2..=36).contains(&base));
    let small = match value {
        IntRef::Small(v) => Some(v.unsigned_abs()),
        IntRef::Big(v) => v.to_u64().or_else(|| (-v.clone()).to_u64()),
    };
    if let Some(m) = small {
        let mut buf = [0u8; 64];
        let start = if base == 10 {
            write_decimal(&mut buf, m)
        } else {
            write_radix(&mut buf, m, base, upper)
        };
        return Ok(f(&buf[start..]));
    }
    let IntRef::Big(v) = value else {
        unreachable!("small values were handled above")
    };
    if base == 10 && max_str_digits > 0 {
        // Digits are at least floor((bits - 1) * log10(2)) + 1; refuse early when that
        // alone is over the limit, so a huge value is never converted.
        let bits = u64::from(v.significant_bits());
        let lower = ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
        if lower > max_str_digits as u64 {
            return Err(str_digits_error(max_str_digits));
        }
    }
    let text = match (base, upper) {
        (2, _) => format!("{v:b}"),
        (8, _) => format!("{v:o}"),
        (10, _) => format!("{v}"),
        (16, false) => format!("{v:x}"),
        (16, true) => format!("{v:X}"),
        _ => panic!("big int text: base {base} is not 2, 8, 10 or 16"),
    }
    .into_bytes();
    let digits = text.strip_prefix(b"-").unwrap_or(&text);
    if base == 10 && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(str_digits_error(max_str_digits));
    }
    Ok(f(digits))
}

/// CPython's error for `str()` of an int with too many digits.
fn str_digits_error(limit: usize) -> FormatError {
    FormatError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// Appends `value` in `base` (2, 8, 10 or 16; lower-case letters, `-` sign, no prefix) to
/// `out`. Panics on another base.
/// In base 10 more than `max_str_digits` digits (when non-zero) is CPython's `ValueError`
/// for `str(int)`.
pub fn push_int(
    out: &mut String,
    value: IntRef<'_>,
    base: u32,
    max_str_digits: usize,
) -> Result<(), FormatError> {
    assert!(
        matches!(base, 2 | 8 | 10 | 16),
        "push_int: base {base} is not 2, 8, 10 or 16"
    );
    with_abs_digits(value, base, false, max_str_digits, |digits| {
        if value.is_negative() {
            out.push('-');
        }
        super::digits::push_ascii(out, digits);
    })
}

/// `value` as text in `base` (2, 8, 10 or 16) without prefix: `str(int)` for base 10 (with the
/// `max_str_digits` limit as in [`push_int`]).
pub fn int_to_str(
    value: IntRef<'_>,
    base: u32,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    let mut out = String::new();
    push_int(&mut out, value, base, max_str_digits)?;
    Ok(out)
}

/// `bin()`, `oct()`, `hex()`: `value` in base 2, 8 or 16 with its `0b`/`0o`/`0x` prefix after
/// the sign, e.g. `-0b101`. Panics on another base.
pub fn int_to_prefixed(value: IntRef<'_>, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => panic!("int_to_prefixed: base must be 2, 8 or 16"),
    };
    let mut out = String::new();
    with_abs_digits(value, base, false, 0, |digits| {
        if value.is_negative() {
            out.push('-');
        }
        out.push_str(prefix);
        super::digits::push_ascii(&mut out, digits);
    })
    .expect("no digit limit outside base 10");
    out
}

/// `float(value)`: correctly rounded (half to even); `OverflowError("int too large to convert
/// to float")` when the result would not be finite.
pub fn int_to_f64(value: IntRef<'_>) -> Result<f64, FormatError> {
    let v = match value {
        // `as` rounds to nearest, ties to even.
        IntRef::Small(v) => return Ok(v as f64),
        IntRef::Big(v) => v,
    };
    if let Some(small) = v.to_i64() {
        return Ok(small as f64);
    }
    let bits = v.significant_bits();
    let too_large = || FormatError::overflow("int too large to convert to float");
    if bits > 1024 {
        return Err(too_large());
    }
    // Keep the top 55 bits, with a sticky bit for anything below, then let the u64 -> f64
    // conversion round once: the result is the correctly rounded value of v.
    let shift = bits.saturating_sub(55);
    let magnitude = Integer::from(v.abs_ref());
    let mut top = Integer::from(&magnitude >> shift)
        .to_u64()
        .expect("55 bits fit a u64");
    if shift > 0 && !magnitude.is_divisible_2pow(shift) {
        top |= 1;
    }
    // Scale in two exact steps (2**shift may exceed f64 range on its own only past 1023).
    let half = shift / 2;
    let x = top as f64 * 2f64.powi(half as i32) * 2f64.powi((shift - half) as i32);
    if x.is_infinite() {
        return Err(too_large());
    }
    Ok(if v.is_negative() { -x } else { x })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, base: u32) -> Result<IntValue, String> {
        parse_int(s, base, DEFAULT_MAX_STR_DIGITS).map_err(|e| e.message)
    }

    #[test]
    fn parse() {
        assert_eq!(p(" 12 ", 10), Ok(IntValue::Small(12)));
        assert_eq!(p("0x_1f", 0), Ok(IntValue::Small(31)));
        assert_eq!(p("0x_1f", 16), Ok(IntValue::Small(31)));
        assert_eq!(p("0b1", 16), Ok(IntValue::Small(0xb1)));
        assert_eq!(p("0_0", 0), Ok(IntValue::Small(0)));
        assert_eq!(p("-0o17", 0), Ok(IntValue::Small(-15)));
        assert_eq!(p("١٢٣", 10), Ok(IntValue::Small(123)));
        assert_eq!(p("Zz", 36), Ok(IntValue::Small(36 * 35 + 35)));
        assert_eq!(p("-9223372036854775808", 10), Ok(IntValue::Small(i64::MIN)));
        assert_eq!(
            p("9223372036854775808", 10),
            Ok(IntValue::Big(Integer::from(1u64 << 63u32)))
        );
        assert_eq!(
            p("-1_0000_0000_0000_0000_0000", 16),
            Ok(IntValue::Big(-(Integer::from(1) << 80u32)))
        );
        for bad in [
            "010", "0_", "0__0", "_1", "1_", "1__0", "0x", "+ 1", "", "-", "0b102",
        ] {
            assert!(p(bad, 0).is_err(), "{bad:?}");
        }
        assert_eq!(
            p("abc", 10),
            Err("invalid literal for int() with base 10: 'abc'".into())
        );
        assert_eq!(
            p("1", 37),
            Err("int() base must be >= 2 and <= 36, or 0".into())
        );
        let long = "1".repeat(4301);
        assert_eq!(
            p(&long, 10),
            Err(
                "Exceeds the limit (4300 digits) for integer string conversion: value has \
                 4301 digits; use sys.set_int_max_str_digits() to increase the limit"
                    .into()
            )
        );
        assert!(p(&long, 16).is_ok());
        assert!(parse_int(&long, 10, 0).is_ok());
        let err = p(&"x".repeat(300), 10).unwrap_err();
        assert_eq!(err.chars().count(), 240);
    }

    #[test]
    fn to_text() {
        let big = Integer::from(-255) << 64u32;
        assert_eq!(int_to_str(IntRef::Small(-1234), 10, 4300).unwrap(), "-1234");
        assert_eq!(
            int_to_str(IntRef::Small(i64::MIN), 16, 0).unwrap(),
            "-8000000000000000"
        );
        assert_eq!(int_to_prefixed(IntRef::Small(-5), 2), "-0b101");
        assert_eq!(
            int_to_prefixed(IntRef::Big(&big), 16),
            "-0xff0000000000000000"
        );
        let huge = Integer::from(Integer::u_pow_u(10, 4300));
        assert!(int_to_str(IntRef::Big(&huge), 10, 4300).is_err());
        let just = Integer::from(&huge - 1);
        assert_eq!(
            int_to_str(IntRef::Big(&just), 10, 4300).unwrap().len(),
            4300
        );
        assert!(int_to_str(IntRef::Big(&(huge.clone() << 100000u32)), 10, 4300).is_err());
    }

    #[test]
    fn to_float() {
        let f = |v: Integer| int_to_f64(IntRef::Big(&v));
        assert_eq!(f(Integer::from(1) << 1023u32).unwrap(), 2f64.powi(1023));
        // 2**1024 - 2**970 rounds up to 2**1024: overflow; one less rounds down.
        let max_edge = (Integer::from(1) << 1024u32) - (Integer::from(1) << 970u32);
        assert!(f(max_edge.clone()).is_err());
        assert_eq!(f(max_edge - 1).unwrap(), f64::MAX);
        // Ties to even: 2**53 + 1 -> 2**53, 2**53 + 3 -> 2**53 + 4.
        let two53 = Integer::from(1) << 53;
        assert_eq!(
            f(Integer::from(&two53 + 1) << 20u32).unwrap(),
            2f64.powi(73)
        );
        assert_eq!(
            f(Integer::from(&two53 + 3) << 20u32).unwrap(),
            (2f64.powi(53) + 4.0) * 2f64.powi(20)
        );
        assert_eq!(f(-(Integer::from(1) << 100u32)).unwrap(), -(2f64.powi(100)));
    }
}
