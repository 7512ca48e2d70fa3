//! `math`: CPython 3.12's math module on f64 and big ints.
//!
//! Floating-point functions call the platform libm (as CPython does) and map its special
//! results to CPython's exceptions: a NaN from non-NaN input is `ValueError("math domain
//! error")`, an infinity from finite input is `OverflowError("math range error")` (or a domain
//! error for singularities). Integer functions (`factorial`, `comb`, `isqrt`, ...) are exact on
//! big ints through `rug`.

use rug::Integer;

use crate::abi::Value;
use crate::objects::exception::{
    err, MEMORY_ERROR, OVERFLOW_ERROR, TYPE_ERROR, VALUE_ERROR, ZERO_DIVISION_ERROR,
};
use crate::objects::float::frexp;
use crate::objects::int::{as_int, float_to_int, from_integer, integer_to_f64, IntRef};
use crate::objects::module::{new_module, Module};
use crate::objects::str::as_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{NbOp, PyResult};

/// The platform libm, as CPython uses it.
mod libm {
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn ldexp(x: f64, e: i32) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn modf(x: f64, ip: *mut f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn sqrt(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
    }
}

macro_rules! safe_libm {
    ($($name:ident),*) => {
        $(
            fn $name(x: f64) -> f64 {
                // SAFETY: a pure libm function of one double.
                unsafe { libm::$name(x) }
            }
        )*
    };
}
safe_libm!(
    acos, acosh, asin, asinh, atan, atanh, cos, cosh, erf, erfc, exp, exp2, expm1, log, log10,
    log1p, log2, sin, sinh, sqrt, tan, tanh
);

/// The C library's `cbrt`, looked up at run time: the linker binds the plain symbol to
/// `compiler_builtins`' port, whose last-bit rounding differs from the libm CPython uses.
fn cbrt(x: f64) -> f64 {
    use std::sync::OnceLock;
    static CBRT: OnceLock<Option<extern "C" fn(f64) -> f64>> = OnceLock::new();
    let f = CBRT.get_or_init(|| {
        // SAFETY: dlsym with a NUL-terminated name; a non-null result is libm's
        // `double cbrt(double)`.
        unsafe {
            let p = libc::dlsym(libc::RTLD_DEFAULT, c"cbrt".as_ptr());
            if p.is_null() {
                None
            } else {
                Some(std::mem::transmute::<
                    *mut libc::c_void,
                    extern "C" fn(f64) -> f64,
                >(p))
            }
        }
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

fn c_fmod(x: f64, y: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::fmod(x, y) }
}
fn c_pow(x: f64, y: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::pow(x, y) }
}
fn c_nextafter(x: f64, y: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::nextafter(x, y) }
}
fn c_ldexp(x: f64, e: i32) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::ldexp(x, e) }
}
fn c_remainder(x: f64, y: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::remainder(x, y) }
}

// ----------------------------------------------------------------------------------------
// Argument handling

fn npos(args: &[Value], kwnames: &[Value]) -> usize {
    args.len() - kwnames.len()
}

fn no_kw(name: &str, kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("math.{}() takes no keyword arguments", name),
        );
    }
    Ok(())
}

/// The single argument of a one-argument function (`METH_O` messages).
fn one<'a>(name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    no_kw(name, kwnames)?;
    if args.len() != 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "math.{}() takes exactly one argument ({} given)",
                name,
                args.len()
            ),
        );
    }
    Ok(&args[0])
}

/// Checks the positional argument count of a positional-only function.
fn check_pos(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min || n > max {
        let msg = if min == max {
            format!(
                "{} expected {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else if n < min {
            format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{} expected at most {} argument{}, got {}",
                name,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        };
        return err(&TYPE_ERROR, msg);
    }
    Ok(())
}

/// The two arguments of a positional-only two-argument function.
fn two<'a>(name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<(&'a Value, &'a Value)> {
    no_kw(name, kwnames)?;
    check_pos(name, args.len(), 2, 2)?;
    Ok((&args[0], &args[1]))
}

/// Parses `positional..., *, keyword...` arguments by name: returns one slot per name.
/// `npos_max` names may be given positionally, the first `posonly` only positionally;
/// `required` is how many must be present.
fn parse_args(
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: &[&str],
    (posonly, npos_max, required): (usize, usize, usize),
) -> PyResult<Vec<Option<Value>>> {
    let n = npos(args, kwnames);
    if n > npos_max {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() takes {} {} positional argument{} ({} given)",
                fname,
                if required == npos_max {
                    "exactly"
                } else {
                    "at most"
                },
                npos_max,
                if npos_max == 1 { "" } else { "s" },
                n
            ),
        );
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, a) in args[..n].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    // CPython reports a missing argument first, then a duplicate, then an unknown keyword.
    let mut dup: Option<String> = None;
    let mut invalid: Option<String> = None;
    for (i, k) in kwnames.iter().enumerate() {
        let Some(k) = as_str(k) else {
            return err(&TYPE_ERROR, "keywords must be strings");
        };
        let k: &str = &k;
        match names
            .iter()
            .skip(posonly)
            .position(|nm| *nm == k)
            .map(|j| j + posonly)
        {
            Some(j) if j < n => {
                dup.get_or_insert_with(|| {
                    format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        k,
                        j + 1
                    )
                });
            }
            Some(j) => out[j] = Some(args[n + i].clone()),
            None => {
                invalid.get_or_insert_with(|| {
                    format!("'{}' is an invalid keyword argument for {}()", k, fname)
                });
            }
        }
    }
    for (j, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            if j >= posonly && j < npos_max {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "{}() missing required argument '{}' (pos {})",
                        fname,
                        names[j],
                        j + 1
                    ),
                );
            }
            return err(
                &TYPE_ERROR,
                format!(
                    "{}() takes exactly {} positional argument{} ({} given)",
                    fname,
                    npos_max,
                    if npos_max == 1 { "" } else { "s" },
                    n
                ),
            );
        }
    }
    if let Some(m) = dup.or(invalid) {
        return err(&TYPE_ERROR, m);
    }
    Ok(out)
}

/// Calls the special method `name` of `v` when its type defines one.
fn call_special(v: &Value, name: &str) -> PyResult<Option<Value>> {
    match v.ty().lookup_str(name) {
        Some(m) => crate::vm::call::call(&m, std::slice::from_ref(v), &[]).map(Some),
        None => Ok(None),
    }
}

/// `PyFloat_AsDouble`: floats, ints, then `__float__`, then `__index__`.
fn as_f64(v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return crate::objects::int::int_to_f64(&i);
    }
    let fl = match v.ty().float {
        Some(f) => Some(f(v)?),
        None => call_special(v, "__float__")?,
    };
    if let Some(r) = fl {
        return match r.as_float() {
            Some(f) => Ok(f),
            None => err(
                &TYPE_ERROR,
                format!(
                    "{}.__float__ returned non-float (type {})",
                    v.type_name(),
                    r.type_name()
                ),
            ),
        };
    }
    let ix = match v.ty().index {
        Some(f) => Some(f(v)?),
        None => call_special(v, "__index__")?,
    };
    if let Some(r) = ix {
        if let Some(i) = as_int(&r) {
            return crate::objects::int::int_to_f64(&i);
        }
        return err(
            &TYPE_ERROR,
            format!("__index__ returned non-int (type {})", r.type_name()),
        );
    }
    err(
        &TYPE_ERROR,
        format!("must be real number, not {}", v.type_name()),
    )
}

/// `PyNumber_Index` as a `rug::Integer`.
fn as_integer(v: &Value) -> PyResult<Integer> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_integer());
    }
    let r = match v.ty().index {
        Some(f) => Some(f(v)?),
        None => call_special(v, "__index__")?,
    };
    match r {
        Some(r) => match as_int(&r) {
            Some(i) => Ok(i.to_integer()),
            None => err(
                &TYPE_ERROR,
                format!("__index__ returned non-int (type {})", r.type_name()),
            ),
        },
        None => err(
            &TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        ),
    }
}

fn domain_error<T>() -> PyResult<T> {
    err(&VALUE_ERROR, "math domain error")
}

fn range_error<T>() -> PyResult<T> {
    err(&OVERFLOW_ERROR, "math range error")
}

/// CPython's `math_1`: applies `f` and maps special results to exceptions.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let r = f(x);
    if crate::ops::kernels::math1_result_is_error(x, r) {
        // A NaN from a number is a domain error; an infinity, an overflow where `f` can.
        return if can_overflow && !r.is_nan() {
            range_error()
        } else {
            domain_error()
        };
    }
    Ok(Value::float(r))
}

/// CPython's `math_2`: applies `f` to two doubles and maps special results to exceptions.
fn math_2(x: f64, y: f64, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain_error();
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return range_error();
    }
    Ok(Value::float(r))
}

macro_rules! func1 {
    ($fname:ident, $pyname:literal, $f:expr, $overflow:expr) => {
        fn $fname(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let x = as_f64(one($pyname, args, kw)?)?;
            math_1(x, $f, $overflow)
        }
    };
}

func1!(m_acos, "acos", acos, false);
func1!(m_acosh, "acosh", acosh, false);
func1!(m_asin, "asin", asin, false);
func1!(m_asinh, "asinh", asinh, false);
func1!(m_atan, "atan", atan, false);
func1!(m_atanh, "atanh", atanh, false);
func1!(m_cbrt, "cbrt", cbrt, false);
func1!(m_cos, "cos", cos, false);
func1!(m_cosh, "cosh", cosh, true);
func1!(m_exp, "exp", exp, true);
func1!(m_exp2, "exp2", exp2, true);
func1!(m_expm1, "expm1", expm1, true);
func1!(m_fabs, "fabs", f64::abs, false);
func1!(m_sin, "sin", sin, false);
func1!(m_sinh, "sinh", sinh, true);
func1!(m_sqrt, "sqrt", sqrt, false);
func1!(m_tan, "tan", tan, false);
func1!(m_tanh, "tanh", tanh, false);
func1!(m_log1p, "log1p", log1p, false);

/// The C function behind the one-argument `math` function `f` when its Python form is
/// [`math_1`] of it (a float in, a float out, special results raised): compiled code may call
/// it on a float argument directly, and leave any NaN from a non-NaN argument or infinity from
/// a finite one to `f` itself, which raises the error.
pub fn float1_kernel(f: crate::objects::MethodFn) -> Option<unsafe extern "C" fn(f64) -> f64> {
    type Kernel = unsafe extern "C" fn(f64) -> f64;
    let table: [(crate::objects::MethodFn, Kernel); 17] = [
        (m_acos, libm::acos),
        (m_acosh, libm::acosh),
        (m_asin, libm::asin),
        (m_asinh, libm::asinh),
        (m_atan, libm::atan),
        (m_atanh, libm::atanh),
        (m_cos, libm::cos),
        (m_cosh, libm::cosh),
        (m_exp, libm::exp),
        (m_exp2, libm::exp2),
        (m_expm1, libm::expm1),
        (m_sin, libm::sin),
        (m_sinh, libm::sinh),
        (m_sqrt, libm::sqrt),
        (m_tan, libm::tan),
        (m_tanh, libm::tanh),
        (m_log1p, libm::log1p),
    ];
    table
        .iter()
        .find(|&&(m, _)| m as usize == f as usize)
        .map(|&(_, k)| k)
}

/// Whether `f` is `math.sqrt`, which compiled code computes with one instruction.
pub fn is_sqrt(f: crate::objects::MethodFn) -> bool {
    f as usize == m_sqrt as crate::objects::MethodFn as usize
}

fn m_erf(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = as_f64(one("erf", args, kw)?)?;
    Ok(Value::float(erf(x)))
}

fn m_erfc(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = as_f64(one("erfc", args, kw)?)?;
    Ok(Value::float(erfc(x)))
}

// ----------------------------------------------------------------------------------------
// gamma and lgamma: the Lanczos approximation (N=13, g=6.024680040776729583740234375), with
// the reflection formula for negative arguments, as CPython computes them.

const PI: f64 = std::f64::consts::PI;
const LOGPI: f64 = 1.144_729_885_849_400_2;
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// Coefficients of x*(x+1)*...*(x+11).
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The Lanczos sum as a rational function, evaluated in `1/x` for large `x`.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, accurate near integers (finite `x` only).
fn sinpi(x: f64) -> f64 {
    let y = c_fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => sin(PI * y),
        1 => cos(PI * (y - 0.5)),
        2 => sin(PI * (1.0 - y)),
        3 => -cos(PI * (y - 1.5)),
        _ => sin(PI * (y - 2.0)),
    };
    1f64.copysign(x) * r
}

/// Errors a libm-style function can report (CPython's errno values).
#[derive(PartialEq)]
enum MathErr {
    None,
    Domain,
    Range,
}

fn tgamma(x: f64) -> (f64, MathErr) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, MathErr::None);
        }
        return (f64::NAN, MathErr::Domain);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, MathErr::Domain);
        }
        if x <= 23.0 {
            let mut r = 1.0f64;
            let mut k = 2.0;
            while k < x {
                r *= k;
                k += 1.0;
            }
            return (r, MathErr::None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        let e = if r.is_infinite() {
            MathErr::Range
        } else {
            MathErr::None
        };
        return (r, e);
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), MathErr::None);
        }
        return (f64::INFINITY, MathErr::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= c_pow(y, absx - 0.5);
        } else {
            let sqrtpow = c_pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= c_pow(y, absx - 0.5);
        } else {
            let sqrtpow = c_pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    let e = if r.is_infinite() {
        MathErr::Range
    } else {
        MathErr::None
    };
    (r, e)
}

fn lgamma(x: f64) -> (f64, MathErr) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, MathErr::None);
        }
        return (f64::INFINITY, MathErr::None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, MathErr::Domain);
        }
        return (0.0, MathErr::None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-log(absx), MathErr::None);
    }
    let mut r = log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - log(sinpi(absx).abs()) - log(absx) - r;
    }
    let e = if r.is_infinite() {
        MathErr::Range
    } else {
        MathErr::None
    };
    (r, e)
}

/// CPython's `is_error` for a function that reports errors itself.
fn check_err(r: f64, e: MathErr) -> PyResult<Value> {
    match e {
        MathErr::None => Ok(Value::float(r)),
        MathErr::Domain => domain_error(),
        MathErr::Range => {
            if r.abs() < 1.5 {
                Ok(Value::float(r))
            } else {
                range_error()
            }
        }
    }
}

fn m_gamma(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = as_f64(one("gamma", args, kw)?)?;
    let (r, e) = tgamma(x);
    check_err(r, e)
}

fn m_lgamma(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = as_f64(one("lgamma", args, kw)?)?;
    let (r, e) = lgamma(x);
    check_err(r, e)
}

// ----------------------------------------------------------------------------------------
// Two-argument float functions

fn atan2_special(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if 1f64.copysign(x) == 1.0 {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if 1f64.copysign(x) == 1.0 {
            0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    // SAFETY: pure libm function.
    unsafe { libm::atan2(y, x) }
}

fn m_atan2(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("atan2", args, kw)?;
    let (y, x) = (as_f64(a)?, as_f64(b)?);
    math_2(y, x, atan2_special)
}

fn m_copysign(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("copysign", args, kw)?;
    let (x, y) = (as_f64(a)?, as_f64(b)?);
    math_2(x, y, f64::copysign)
}

fn m_remainder(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("remainder", args, kw)?;
    let (x, y) = (as_f64(a)?, as_f64(b)?);
    math_2(x, y, c_remainder)
}

fn m_fmod(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("fmod", args, kw)?;
    let (x, y) = (as_f64(a)?, as_f64(b)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = c_fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain_error();
    }
    Ok(Value::float(r))
}

fn m_pow(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("pow", args, kw)?;
    let (x, y) = (as_f64(a)?, as_f64(b)?);
    let mut e = MathErr::None;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && c_fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        }
    } else {
        let r = c_pow(x, y);
        if r.is_nan() {
            e = MathErr::Domain;
        } else if r.is_infinite() {
            e = if x == 0.0 {
                MathErr::Domain
            } else {
                MathErr::Range
            };
        }
        r
    };
    check_err(r, e)
}

// ----------------------------------------------------------------------------------------
// Logarithms

/// `(m, e)` with `|i| ~= m * 2**e`, `m` in [0.5, 1) correctly rounded (`_PyLong_Frexp`).
fn integer_frexp(i: &Integer) -> (f64, i64) {
    let bits = i.significant_bits() as i64;
    let shift = (bits - 64).max(0);
    let a = Integer::from(i.abs_ref());
    let mut top = Integer::from(&a >> shift as u32);
    if shift > 0 && a.find_one(0).is_some_and(|low| (low as i64) < shift) {
        top |= 1;
    }
    let f = integer_to_f64(&top).unwrap_or(f64::INFINITY);
    let (m, e) = frexp(f);
    (m, e as i64 + shift)
}

/// CPython's `loghelper`: logs of ints of any size, else `math_1`.
fn loghelper(arg: &Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(arg) {
        let positive = match &i {
            IntRef::Small(s) => *s > 0,
            IntRef::Big(b) => **b > 0,
        };
        if !positive {
            return domain_error();
        }
        let x = match &i {
            IntRef::Small(s) => Some(*s as f64),
            IntRef::Big(b) => integer_to_f64(b),
        };
        return Ok(match x {
            Some(x) => func(x),
            None => {
                let (m, e) = integer_frexp(&i.to_integer());
                func(m) + func(2.0) * e as f64
            }
        });
    }
    let x = as_f64(arg)?;
    let r = math_1(x, func, false)?;
    Ok(r.as_float().unwrap())
}

fn m_log(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("log", kw)?;
    check_pos("log", args.len(), 1, 2)?;
    let num = loghelper(&args[0], log)?;
    if args.len() == 1 {
        return Ok(Value::float(num));
    }
    let den = loghelper(&args[1], log)?;
    if den == 0.0 {
        return err(&ZERO_DIVISION_ERROR, "float division by zero");
    }
    Ok(Value::float(num / den))
}

fn m_log2(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    loghelper(one("log2", args, kw)?, log2).map(Value::float)
}

fn m_log10(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    loghelper(one("log10", args, kw)?, log10).map(Value::float)
}

// ----------------------------------------------------------------------------------------
// Rounding and decomposition

fn int_value(i: &IntRef) -> Value {
    match i {
        IntRef::Small(s) => Value::int(*s),
        IntRef::Big(b) => from_integer((*b).clone()),
    }
}

fn round_to_int(
    name: &str,
    dunder: &str,
    args: &[Value],
    kw: &[Value],
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let x = one(name, args, kw)?;
    if let Some(v) = x.as_float() {
        return float_to_int(f(v));
    }
    if let Some(i) = as_int(x) {
        return Ok(int_value(&i));
    }
    if let Some(r) = call_special(x, dunder)? {
        return Ok(r);
    }
    float_to_int(f(as_f64(x)?))
}

fn m_floor(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    round_to_int("floor", "__floor__", args, kw, f64::floor)
}

fn m_ceil(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    round_to_int("ceil", "__ceil__", args, kw, f64::ceil)
}

fn m_trunc(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one("trunc", args, kw)?;
    if let Some(v) = x.as_float() {
        return float_to_int(v);
    }
    if let Some(i) = as_int(x) {
        return Ok(int_value(&i));
    }
    if let Some(r) = call_special(x, "__trunc__")? {
        return Ok(r);
    }
    err(
        &TYPE_ERROR,
        format!("type {} doesn't define __trunc__ method", x.type_name()),
    )
}

fn m_modf(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = as_f64(one("modf", args, kw)?)?;
    let (frac, int) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let mut ip = 0.0f64;
        // SAFETY: pure libm function writing to a local.
        let fp = unsafe { libm::modf(x, &mut ip) };
        (fp, ip)
    };
    Ok(new_tuple(vec![Value::float(frac), Value::float(int)]))
}

fn m_frexp(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = as_f64(one("frexp", args, kw)?)?;
    let (m, e) = frexp(x);
    Ok(new_tuple(vec![Value::float(m), Value::int(e as i64)]))
}

fn m_ldexp(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("ldexp", args, kw)?;
    let x = as_f64(a)?;
    let Some(e) = as_int(b) else {
        return err(&TYPE_ERROR, "Expected an int as second argument to ldexp.");
    };
    let exp: i64 = match &e {
        IntRef::Small(s) => *s,
        IntRef::Big(b) => b
            .to_i64()
            .unwrap_or(if **b < 0 { i64::MIN } else { i64::MAX }),
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if exp > i32::MAX as i64 {
        return range_error();
    } else if exp < i32::MIN as i64 {
        0f64.copysign(x)
    } else {
        let r = c_ldexp(x, exp as i32);
        if r.is_infinite() {
            return range_error();
        }
        r
    };
    Ok(Value::float(r))
}

// ----------------------------------------------------------------------------------------
// Predicates and small helpers

fn m_isfinite(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(as_f64(one("isfinite", args, kw)?)?.is_finite()))
}

fn m_isinf(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(as_f64(one("isinf", args, kw)?)?.is_infinite()))
}

fn m_isnan(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(as_f64(one("isnan", args, kw)?)?.is_nan()))
}

fn m_isclose(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = parse_args(
        "isclose",
        args,
        kw,
        &["a", "b", "rel_tol", "abs_tol"],
        (0, 2, 2),
    )?;
    let x = as_f64(a[0].as_ref().unwrap())?;
    let y = as_f64(a[1].as_ref().unwrap())?;
    let rel_tol = match &a[2] {
        Some(v) => as_f64(v)?,
        None => 1e-09,
    };
    let abs_tol = match &a[3] {
        Some(v) => as_f64(v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return err(&VALUE_ERROR, "tolerances must be non-negative");
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::bool(
        diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol,
    ))
}

const DEG_TO_RAD: f64 = PI / 180.0;
const RAD_TO_DEG: f64 = 180.0 / PI;

fn m_degrees(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(
        as_f64(one("degrees", args, kw)?)? * RAD_TO_DEG,
    ))
}

fn m_radians(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(
        as_f64(one("radians", args, kw)?)? * DEG_TO_RAD,
    ))
}

fn m_nextafter(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = parse_args("nextafter", args, kw, &["x", "y", "steps"], (2, 2, 2))?;
    let x = as_f64(a[0].as_ref().unwrap())?;
    let y = as_f64(a[1].as_ref().unwrap())?;
    let steps = match &a[2] {
        None => return Ok(Value::float(c_nextafter(x, y))),
        Some(s) if s.is_none() => return Ok(Value::float(c_nextafter(x, y))),
        Some(s) => as_integer(s)?,
    };
    if steps < 0 {
        return err(&VALUE_ERROR, "steps must be a non-negative integer");
    }
    let usteps = steps.to_u64().unwrap_or(u64::MAX);
    if usteps == 0 || x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(y));
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return Ok(Value::float(x));
    }
    const SIGN: u64 = 1 << 63;
    let (ax, ay) = (ux & !SIGN, uy & !SIGN);
    let r = if (ux ^ uy) & SIGN != 0 {
        if ax + ay <= usteps {
            uy
        } else if ax < usteps {
            (uy & SIGN) | (usteps - ax)
        } else {
            ux - usteps
        }
    } else if ax > ay {
        if ax - ay >= usteps {
            ux - usteps
        } else {
            uy
        }
    } else if ay - ax >= usteps {
        ux + usteps
    } else {
        uy
    };
    Ok(Value::float(f64::from_bits(r)))
}

fn m_ulp(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = as_f64(one("ulp", args, kw)?)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::float(x));
    }
    let x2 = c_nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = c_nextafter(x, f64::NEG_INFINITY);
        return Ok(Value::float(x - x2));
    }
    Ok(Value::float(x2 - x))
}

// ----------------------------------------------------------------------------------------
// Integer functions

fn integer_abs(i: Integer) -> Value {
    from_integer(i.abs())
}

fn m_factorial(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = as_integer(one("factorial", args, kw)?)?;
    factorial(&n)
}

fn factorial(n: &Integer) -> PyResult<Value> {
    if *n < 0 {
        return err(&VALUE_ERROR, "factorial() not defined for negative values");
    }
    let Some(n) = n.to_i64() else {
        return err(
            &OVERFLOW_ERROR,
            format!("factorial() argument should not exceed {}", i64::MAX),
        );
    };
    match u32::try_from(n) {
        Ok(n) => Ok(from_integer(Integer::from(Integer::factorial(n)))),
        Err(_) => err(&MEMORY_ERROR, ""),
    }
}

fn m_gcd(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("gcd", kw)?;
    let mut res = Integer::new();
    for a in args {
        let x = as_integer(a)?;
        if res != 1 {
            res = res.gcd(&x);
        }
    }
    Ok(integer_abs(res))
}

fn m_lcm(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("lcm", kw)?;
    let mut res = Integer::from(1);
    for a in args {
        let x = as_integer(a)?;
        if res != 0 {
            res = res.lcm(&x);
        }
    }
    Ok(integer_abs(res))
}

fn m_isqrt(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = as_integer(one("isqrt", args, kw)?)?;
    if n < 0 {
        return err(&VALUE_ERROR, "isqrt() argument must be nonnegative");
    }
    Ok(from_integer(n.sqrt()))
}

fn m_comb(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("comb", args, kw)?;
    let n = as_integer(a)?;
    let k = as_integer(b)?;
    if n < 0 {
        return err(&VALUE_ERROR, "n must be a non-negative integer");
    }
    if k < 0 {
        return err(&VALUE_ERROR, "k must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::int(0));
    }
    let nk = Integer::from(&n - &k);
    let k = if nk < k { nk } else { k };
    let Some(k) = k.to_i64() else {
        return err(
            &OVERFLOW_ERROR,
            format!("min(n - k, k) must not exceed {}", i64::MAX),
        );
    };
    match u32::try_from(k) {
        Ok(k) => Ok(from_integer(n.binomial(k))),
        Err(_) => err(&MEMORY_ERROR, ""),
    }
}

fn m_perm(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("perm", kw)?;
    check_pos("perm", args.len(), 1, 2)?;
    let n = as_integer(&args[0])?;
    if args.len() == 1 || args[1].is_none() {
        return factorial(&n);
    }
    let k = as_integer(&args[1])?;
    if n < 0 {
        return err(&VALUE_ERROR, "n must be a non-negative integer");
    }
    if k < 0 {
        return err(&VALUE_ERROR, "k must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::int(0));
    }
    let Some(k) = k.to_i64() else {
        return err(&OVERFLOW_ERROR, format!("k must not exceed {}", i64::MAX));
    };
    let Ok(k) = u32::try_from(k) else {
        return err(&MEMORY_ERROR, "");
    };
    let fk = Integer::from(Integer::factorial(k));
    Ok(from_integer(n.binomial(k) * fk))
}

// ----------------------------------------------------------------------------------------
// Sums, products and norms

fn m_prod(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = parse_args("prod", args, kw, &["iterable", "start"], (1, 1, 1))?;
    let it = crate::ops::sequence::iter(a[0].as_ref().unwrap())?;
    let mut result = a[1].clone().unwrap_or(Value::int(1));
    while let Some(x) = crate::ops::sequence::next(&it)? {
        result = crate::ops::number::binary_op(&result, &x, NbOp::Mul)?;
    }
    Ok(result)
}

fn m_fsum(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let it = crate::ops::sequence::iter(one("fsum", args, kw)?)?;
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = crate::ops::sequence::next(&it)? {
        let mut x = as_f64(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return err(&OVERFLOW_ERROR, "intermediate overflow in fsum");
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return err(&VALUE_ERROR, "-inf + inf in fsum");
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

/// An unevaluated sum `hi + lo` of two doubles.
#[derive(Clone, Copy)]
struct DoubleLength {
    hi: f64,
    lo: f64,
}

/// Exact product of two doubles as a double-length value.
fn dl_mul(x: f64, y: f64) -> DoubleLength {
    let z = x * y;
    DoubleLength {
        hi: z,
        lo: x.mul_add(y, -z),
    }
}

/// Exact sum when `|a| >= |b|`.
fn dl_fast_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    DoubleLength {
        hi: x,
        lo: (a - x) + b,
    }
}

/// Exact sum of two doubles (no ordering needed).
fn dl_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    let z = x - a;
    DoubleLength {
        hi: x,
        lo: (a - (x - z)) + (b - z),
    }
}

/// The Euclidean norm of non-negative coordinates with maximum `max`, accurately rounded
/// (CPython's `vector_norm`).
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = c_ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    let mut h = sqrt(csum - 1.0 + (frac1 + frac2));
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn m_hypot(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("hypot", kw)?;
    let mut coords = Vec::with_capacity(args.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for a in args {
        let x = as_f64(a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::float(vector_norm(&mut coords, max, found_nan)))
}

fn m_dist(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (p, q) = two("dist", args, kw)?;
    let p = crate::ops::sequence::collect(p)?;
    let q = crate::ops::sequence::collect(q)?;
    if p.len() != q.len() {
        return err(
            &VALUE_ERROR,
            "both points must have the same number of dimensions",
        );
    }
    let mut diffs = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (a, b) in p.iter().zip(q.iter()) {
        let x = (as_f64(a)? - as_f64(b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::float(vector_norm(&mut diffs, max, found_nan)))
}

/// A triple-length accumulator for `sumprod`.
#[derive(Clone, Copy)]
struct TripleLength {
    hi: f64,
    lo: f64,
    tiny: f64,
}

const TL_ZERO: TripleLength = TripleLength {
    hi: 0.0,
    lo: 0.0,
    tiny: 0.0,
};

fn tl_fma(x: f64, y: f64, total: TripleLength) -> TripleLength {
    let pr = dl_mul(x, y);
    let sm = dl_sum(total.hi, pr.hi);
    let r1 = dl_sum(total.lo, pr.lo);
    let r2 = dl_sum(r1.hi, sm.lo);
    TripleLength {
        hi: sm.hi,
        lo: r2.hi,
        tiny: total.tiny + r1.lo + r2.lo,
    }
}

fn tl_to_d(total: TripleLength) -> f64 {
    let last = dl_sum(total.lo, total.hi);
    total.tiny + last.lo + last.hi
}

/// Whether `v` is exactly an int (not a bool or subclass).
fn is_exact_int(v: &Value) -> bool {
    v.is_int() || (v.is_obj() && std::ptr::eq(v.ty(), &crate::objects::int::INT_TYPE))
}

fn m_sumprod(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    use crate::ops::number::binary_op;
    use crate::ops::sequence::{iter, next};
    let (p, q) = two("sumprod", args, kw)?;
    let p_it = iter(p)?;
    let q_it = iter(q)?;
    let mut total = Value::int(0);
    let (mut int_enabled, mut int_in_use) = (true, false);
    let (mut flt_enabled, mut flt_in_use) = (true, false);
    let mut int_total: i64 = 0;
    let mut flt_total = TL_ZERO;
    loop {
        let p_i = next(&p_it)?;
        let q_i = next(&q_it)?;
        if p_i.is_some() != q_i.is_some() {
            return err(&VALUE_ERROR, "Inputs are not the same length");
        }
        let finished = p_i.is_none();
        if int_enabled {
            if let (Some(a), Some(b)) = (&p_i, &q_i) {
                if is_exact_int(a) && is_exact_int(b) {
                    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                        if let Some(t) = x.checked_mul(y).and_then(|pr| int_total.checked_add(pr)) {
                            int_total = t;
                            int_in_use = true;
                            continue;
                        }
                    }
                }
            }
            int_enabled = false;
            if int_in_use {
                total = binary_op(&total, &Value::int(int_total), NbOp::Add)?;
                int_total = 0;
                int_in_use = false;
            }
        }
        if flt_enabled {
            let mut pair = None;
            if let (Some(a), Some(b)) = (&p_i, &q_i) {
                let fa = a.as_float();
                let fb = b.as_float();
                let int_like = |v: &Value| is_exact_int(v) || v.is_bool();
                let to_f = |v: &Value| match as_int(v) {
                    Some(IntRef::Small(s)) => Some(s as f64),
                    Some(IntRef::Big(b)) => integer_to_f64(b),
                    None => None,
                };
                pair = match (fa, fb) {
                    (Some(x), Some(y)) => Some((x, y)),
                    (Some(x), None) if int_like(b) => to_f(b).map(|y| (x, y)),
                    (None, Some(y)) if int_like(a) => to_f(a).map(|x| (x, y)),
                    _ => None,
                };
            }
            if let Some((x, y)) = pair {
                let new_total = tl_fma(x, y, flt_total);
                if new_total.hi.is_finite() {
                    flt_total = new_total;
                    flt_in_use = true;
                    continue;
                }
            }
            flt_enabled = false;
            if flt_in_use {
                total = binary_op(&total, &Value::float(tl_to_d(flt_total)), NbOp::Add)?;
                flt_total = TL_ZERO;
                flt_in_use = false;
            }
        }
        let (Some(a), Some(b)) = (p_i, q_i) else {
            break;
        };
        debug_assert!(!finished);
        let term = binary_op(&a, &b, NbOp::Mul)?;
        total = binary_op(&total, &term, NbOp::Add)?;
    }
    Ok(total)
}

/// Creates the `math` module.
pub fn create() -> Value {
    let m = new_module("math");
    crate::modules::add_functions(
        &m,
        &[
            ("acos", m_acos),
            ("acosh", m_acosh),
            ("asin", m_asin),
            ("asinh", m_asinh),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("atanh", m_atanh),
            ("cbrt", m_cbrt),
            ("ceil", m_ceil),
            ("comb", m_comb),
            ("copysign", m_copysign),
            ("cos", m_cos),
            ("cosh", m_cosh),
            ("degrees", m_degrees),
            ("dist", m_dist),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("fabs", m_fabs),
            ("factorial", m_factorial),
            ("floor", m_floor),
            ("fmod", m_fmod),
            ("frexp", m_frexp),
            ("fsum", m_fsum),
            ("gamma", m_gamma),
            ("gcd", m_gcd),
            ("hypot", m_hypot),
            ("isclose", m_isclose),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("isqrt", m_isqrt),
            ("lcm", m_lcm),
            ("ldexp", m_ldexp),
            ("lgamma", m_lgamma),
            ("log", m_log),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("log2", m_log2),
            ("modf", m_modf),
            ("nextafter", m_nextafter),
            ("perm", m_perm),
            ("pow", m_pow),
            ("prod", m_prod),
            ("radians", m_radians),
            ("remainder", m_remainder),
            ("sin", m_sin),
            ("sinh", m_sinh),
            ("sqrt", m_sqrt),
            ("sumprod", m_sumprod),
            ("tan", m_tan),
            ("tanh", m_tanh),
            ("trunc", m_trunc),
            ("ulp", m_ulp),
        ],
    );
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("pi", Value::float(std::f64::consts::PI));
    md.set("e", Value::float(std::f64::consts::E));
    md.set("tau", Value::float(std::f64::consts::TAU));
    md.set("inf", Value::float(f64::INFINITY));
    md.set("nan", Value::float(f64::NAN));
    m
}
