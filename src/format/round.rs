//! `round(x, ndigits)` for floats.

use rug::Integer;

use super::error::FormatError;

/// Beyond this many digits after the point every double is already exact
/// (`(DBL_MANT_DIG - DBL_MIN_EXP) * log10(2)`), so `round` returns `x` itself.
const NDIGITS_MAX: i64 = 323;

/// Below this (`-(DBL_MAX_EXP + 1) * log10(2)`) every double rounds to zero.
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)`: `x` rounded to a multiple of `10**-ndigits`, choosing the nearest
/// multiple of the exact value of `x` (ties to even), then the double nearest to that
/// decimal, as CPython's dtoa-based implementation. Non-finite `x` is returned as is; zero
/// results keep the sign of `x`. `OverflowError("rounded value too large to represent")`
/// when the result is not finite. (The VM clamps a huge Python int `ndigits` to `i64`.)
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let rounded: f64 = if ndigits >= 0 {
        // Rust's fixed-precision formatting is exactly rounded, half to even.
        format!("{:.*}", ndigits as usize, x)
            .parse()
            .expect("Rust float text parses")
    } else {
        round_to_tens(x, ndigits.unsigned_abs() as u32)
    };
    if rounded.is_infinite() {
        return Err(FormatError::overflow(
            "rounded value too large to represent",
        ));
    }
    Ok(rounded)
}

/// Rounds the finite non-zero `x` to a multiple of `10**k` exactly (ties to even).
fn round_to_tens(x: f64, k: u32) -> f64 {
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mantissa, exp2) = if exp_field == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_field - 1075)
    };
    // |x| = mantissa * 2**exp2 = num / den.
    let ten_k = Integer::from(Integer::u_pow_u(10, k));
    let (num, den) = if exp2 >= 0 {
        (Integer::from(mantissa) << exp2 as u32, ten_k)
    } else {
        (Integer::from(mantissa), ten_k << exp2.unsigned_abs())
    };
    let (mut q, r) = num.div_rem(den.clone());
    let twice = Integer::from(&r << 1u32);
    if twice > den || (twice == den && q.is_odd()) {
        q += 1;
    }
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}{q}e{k}")
        .parse()
        .expect("decimal text parses")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding() {
        assert_eq!(float_round(2.675, 2), Ok(2.67));
        assert_eq!(float_round(0.125, 2), Ok(0.12));
        assert_eq!(float_round(0.375, 2), Ok(0.38));
        assert_eq!(float_round(2.5, 0), Ok(2.0));
        assert_eq!(float_round(1234.5678, -2), Ok(1200.0));
        assert_eq!(float_round(250.0, -2), Ok(200.0));
        assert_eq!(float_round(350.0, -2), Ok(400.0));
        let z = float_round(-4.0, -1).unwrap();
        assert!(z == 0.0 && z.is_sign_negative());
        let z = float_round(-0.001, 2).unwrap();
        assert!(z == 0.0 && z.is_sign_negative());
        assert_eq!(float_round(5e-324, 400), Ok(5e-324));
        assert_eq!(float_round(1e300, -400), Ok(0.0));
        assert_eq!(float_round(1e308, -308), Ok(1e308));
        assert!(float_round(1.7976931348623157e308, -308).is_err());
        assert!(float_round(f64::NAN, 2).unwrap().is_nan());
    }
}
