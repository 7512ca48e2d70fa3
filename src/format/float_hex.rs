//! `float.hex()` and `float.fromhex()`.

use super::error::FormatError;
use super::float_str::trim_ascii_space;

/// `x.hex()`: `[-]0x1.<13 hex digits>p<exp>` for normal numbers, `0x0.<13 hex digits>p-1022`
/// for subnormals, `0x0.0p+0` for zero, and `inf`, `-inf`, `nan`.
pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp_field == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        format!("{sign}0x1.{frac:013x}p{:+}", exp_field - 1023)
    }
}

/// The error for malformed `float.fromhex` input.
fn invalid() -> FormatError {
    FormatError::value("invalid hexadecimal floating-point string")
}

/// Multiplies `x` by `2**e` exactly, given that the result is representable.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// `float.fromhex(s)`: optional whitespace and sign, then `inf`/`infinity`/`nan` (any case),
/// or an optional `0x` prefix, hex digits with an optional point (at least one digit), and
/// an optional binary exponent `p[+-]digits`. Correctly rounded (ties to even), subnormals
/// included. Errors: `ValueError("invalid hexadecimal floating-point string")` and
/// `OverflowError("hexadecimal value too large to represent as a float")`.
pub fn float_from_hex(s: &str) -> Result<f64, FormatError> {
    let mut t = trim_ascii_space(s.as_bytes());
    let negative = match t.first() {
        Some(b'-') => {
            t = &t[1..];
            true
        }
        Some(b'+') => {
            t = &t[1..];
            false
        }
        _ => false,
    };
    let apply_sign = |v: f64| if negative { -v } else { v };
    let lower = t.to_ascii_lowercase();
    match lower.as_slice() {
        b"inf" | b"infinity" => return Ok(apply_sign(f64::INFINITY)),
        b"nan" => return Ok(apply_sign(f64::NAN)),
        _ => {}
    }
    let mut t = lower.as_slice();
    if t.starts_with(b"0x") {
        t = &t[2..];
    }
    let int_len = t.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    let (int_part, rest) = t.split_at(int_len);
    let (frac_part, rest) = match rest.first() {
        Some(b'.') => {
            let n = rest[1..]
                .iter()
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            (&rest[1..1 + n], &rest[1 + n..])
        }
        _ => (&rest[..0], rest),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if let Some(rest) = rest.strip_prefix(b"p") {
        let (exp_negative, digits) = match rest.first() {
            Some(b'-') => (true, &rest[1..]),
            Some(b'+') => (false, &rest[1..]),
            _ => (false, rest),
        };
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return Err(invalid());
        }
        for &d in digits {
            // Saturate: past 2**50 the result is surely zero or an overflow.
            exp = (exp * 10 + i64::from(d - b'0')).min(1 << 50);
        }
        if exp_negative {
            exp = -exp;
        }
    } else if !rest.is_empty() {
        return Err(invalid());
    }
    let hex = |b: &u8| u64::from((*b as char).to_digit(16).expect("hex digit"));
    // Significant digits: skip leading zeros; keep 15 (60 bits) and a sticky bit.
    let significant = int_part
        .iter()
        .chain(frac_part.iter())
        .skip_while(|&&b| b == b'0');
    let mut mantissa: u64 = 0;
    let mut kept = 0i64;
    let mut dropped = 0i64;
    let mut sticky = false;
    for b in significant {
        if kept < 15 {
            mantissa = mantissa << 4 | hex(b);
            kept += 1;
        } else {
            dropped += 1;
            sticky |= *b != b'0';
        }
    }
    if mantissa == 0 {
        return Ok(apply_sign(0.0));
    }
    // value = (mantissa + sticky) * 2**e2
    let e2 = exp - 4 * frac_part.len() as i64 + 4 * dropped;
    let bit_len = i64::from(64 - mantissa.leading_zeros());
    let top = e2 + bit_len - 1;
    let overflow = || FormatError::overflow("hexadecimal value too large to represent as a float");
    if top > 1023 {
        return Err(overflow());
    }
    // Bits of precision available at this magnitude.
    let precision = if top >= -1022 { 53 } else { top + 1075 };
    if precision < 0 {
        return Ok(apply_sign(0.0));
    }
    let drop = bit_len - precision;
    let (q, scale) = if drop > 0 {
        let q = mantissa >> drop;
        let rem = mantissa & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        let up = rem > half || (rem == half && (sticky || q & 1 == 1));
        (q + u64::from(up), e2 + drop)
    } else {
        (mantissa, e2)
    };
    let value = ldexp(q as f64, scale);
    if value.is_infinite() {
        return Err(overflow());
    }
    Ok(apply_sign(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_hex() {
        assert_eq!(float_to_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_to_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_to_hex(-f64::NAN), "nan");
        assert_eq!(float_to_hex(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn from_hex() {
        let ok = |s: &str| float_from_hex(s).unwrap();
        assert_eq!(ok(" 0x1p3 "), 8.0);
        assert_eq!(ok(".8"), 0.5);
        assert_eq!(ok("1e1"), 481.0);
        assert_eq!(ok("0x1p-1074"), 5e-324);
        assert_eq!(ok("0x1p-1075"), 0.0);
        assert_eq!(ok("0x1.8p-1074"), 1e-323);
        assert_eq!(ok("0x1.fffffffffffff7ffp1023"), f64::MAX);
        assert_eq!(
            ok("0x1.000000000000080000000000000000000000000000000001p0"),
            1.0000000000000002
        );
        assert_eq!(ok("-Infinity"), f64::NEG_INFINITY);
        for bad in [
            "0x", "0x.", "0xp1", "1p", "1p+", "0x1_0", "- 1", " 0x1p0 x", "\u{a0}1",
        ] {
            assert_eq!(float_from_hex(bad), Err(invalid()), "{bad:?}");
        }
        assert!(float_from_hex("0x1.fffffffffffff8p1023").is_err());
        assert_eq!(ok("0x1p-99999999999999999999999"), 0.0);
        assert_eq!(ok("0x0p99999999999999999999"), 0.0);
    }
}
