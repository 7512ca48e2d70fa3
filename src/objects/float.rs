//! `float`: IEEE 754 doubles, always inline in the Value.

use crate::abi::Value;
use crate::objects::exception::{err, OVERFLOW_ERROR, TYPE_ERROR, ZERO_DIVISION_ERROR};
use crate::objects::int::{as_int, int_to_f64, IntRef};
use crate::objects::none::not_implemented;
use crate::objects::str::from_string;
use crate::objects::{flags, BinaryFn, CmpOp, NbOp, PyResult, TypeObject, NB_COUNT};

/// The float value of a float or int operand (for mixed arithmetic); `Ok(None)` otherwise.
pub fn coerce(v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = v.as_float() {
        return Ok(Some(f));
    }
    match as_int(v) {
        Some(i) => int_to_f64(&i).map(Some),
        None => Ok(None),
    }
}

/// `x ** y` on floats with CPython's special cases and errors.
pub fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::float(if y == 0.0 { 1.0 } else { x }));
    }
    if y.is_nan() {
        return Ok(Value::float(if x == 1.0 { 1.0 } else { y }));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return err(
            &ZERO_DIVISION_ERROR,
            "0.0 cannot be raised to a negative power",
        );
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // A negative base with a fractional exponent gives a complex result.
        return crate::objects::complex::complex_pow_real(x, y);
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return err(&OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
    }
    Ok(Value::float(r))
}

fn float_binary(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (coerce(a)?, coerce(b)?) else {
        return Ok(not_implemented());
    };
    Ok(Value::float(match op {
        NbOp::Add => x + y,
        NbOp::Sub => x - y,
        NbOp::Mul => x * y,
        NbOp::TrueDiv => {
            if y == 0.0 {
                return err(&ZERO_DIVISION_ERROR, "float division by zero");
            }
            x / y
        }
        NbOp::FloorDiv => match crate::ops::number::floordiv_float(x, y) {
            Some(r) => r,
            None => return err(&ZERO_DIVISION_ERROR, "float floor division by zero"),
        },
        NbOp::Rem => match crate::ops::number::mod_float(x, y) {
            Some(r) => r,
            None => return err(&ZERO_DIVISION_ERROR, "float modulo"),
        },
        NbOp::Pow => return float_pow(x, y),
        _ => return Ok(not_implemented()),
    }))
}

const FLOAT_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(|a, b| float_binary(a, b, NbOp::Add));
    nb[NbOp::Sub as usize] = Some(|a, b| float_binary(a, b, NbOp::Sub));
    nb[NbOp::Mul as usize] = Some(|a, b| float_binary(a, b, NbOp::Mul));
    nb[NbOp::TrueDiv as usize] = Some(|a, b| float_binary(a, b, NbOp::TrueDiv));
    nb[NbOp::FloorDiv as usize] = Some(|a, b| float_binary(a, b, NbOp::FloorDiv));
    nb[NbOp::Rem as usize] = Some(|a, b| float_binary(a, b, NbOp::Rem));
    nb[NbOp::Pow as usize] = Some(|a, b| float_binary(a, b, NbOp::Pow));
    nb
};

/// Exact comparison of an int with a float (no rounding of the int).
pub fn compare_int_float(i: &IntRef, f: f64, op: CmpOp) -> bool {
    if f.is_nan() {
        return op == CmpOp::Ne;
    }
    let ord = match i {
        IntRef::Small(x) if x.unsigned_abs() < (1 << 53) => (*x as f64).partial_cmp(&f).unwrap(),
        _ => {
            let big = i.to_integer();
            big.partial_cmp(&f).unwrap()
        }
    };
    op.test(ord)
}

fn float_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let Some(x) = a.as_float() else {
        return Ok(not_implemented());
    };
    if let Some(y) = b.as_float() {
        return Ok(Value::bool(
            crate::ops::compare::fast_compare(a, b, op).unwrap_or(x != y),
        ));
    }
    if let Some(i) = as_int(b) {
        return Ok(Value::bool(compare_int_float(&i, x, op.swapped())));
    }
    Ok(not_implemented())
}

/// CPython's hash of a float: equal to the int hash for integral values.
pub fn hash_f64(v: f64) -> i64 {
    const BITS: i32 = 61;
    const P: u64 = (1 << 61) - 1;
    if !v.is_finite() {
        return if v.is_infinite() {
            if v > 0.0 {
                314159
            } else {
                -314159
            }
        } else {
            0
        };
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & P) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= P {
            x -= P;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    x = ((x << e) & P) | (x >> (BITS - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `math.frexp`: mantissa in [0.5, 1) and exponent.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// `repr(float)`: the shortest repr that round-trips, in CPython's layout.
pub fn repr_f64(f: f64) -> String {
    crate::format::float_repr(f)
}

/// A NaN with a payload no other `float('nan')` has. Floats are inline, so `is` compares bits;
/// CPython's NaNs made by separate `float('nan')` calls are distinct objects, and containers
/// (which treat identical items as equal) can tell them apart. A distinct payload keeps that.
pub fn fresh_nan(f: f64) -> f64 {
    thread_local! {
        static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
    }
    let n = NEXT.with(|c| {
        let n = c.get();
        c.set(n.wrapping_add(1) & 0x7_ffff_ffff_ffff);
        n
    });
    let sign = f.to_bits() & (1 << 63);
    f64::from_bits(sign | 0x7ff8_0000_0000_0000 | n)
}

/// `float(x)` for any value.
pub fn to_float(v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return int_to_f64(&i);
    }
    if let Some(s) = crate::objects::str::as_str(v) {
        let f = crate::format::parse_float(&s).map_err(crate::objects::exception::raise_format)?;
        return Ok(if f.is_nan() { fresh_nan(f) } else { f });
    }
    if let Some(b) = crate::objects::bytes::as_bytes_like(v) {
        let f =
            crate::format::parse_float_bytes(b).map_err(crate::objects::exception::raise_format)?;
        return Ok(if f.is_nan() { fresh_nan(f) } else { f });
    }
    if let Some(f) = v.ty().float {
        let r = f(v)?;
        return r.as_float().ok_or(()).or_else(|_| {
            err(
                &TYPE_ERROR,
                format!(
                    "{}.__float__ returned non-float (type {})",
                    v.type_name(),
                    r.type_name()
                ),
            )
        });
    }
    if let Some(f) = v.ty().index {
        let r = f(v)?;
        return int_to_f64(&as_int(&r).unwrap());
    }
    err(
        &TYPE_ERROR,
        format!(
            "float() argument must be a string or a real number, not '{}'",
            v.type_name()
        ),
    )
}

fn float_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "float() takes no keyword arguments");
    }
    match args.len() {
        0 => Ok(Value::float(0.0)),
        1 => to_float(&args[0]).map(Value::float),
        n => err(
            &TYPE_ERROR,
            format!("float expected at most 1 argument, got {}", n),
        ),
    }
}

fn this(v: &Value) -> f64 {
    v.as_float().unwrap_or(0.0)
}

fn is_integer(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = this(v);
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}

/// The `float` type.
pub static FLOAT_TYPE: TypeObject = TypeObject {
    name: "float",
    layout: &FLOAT_TYPE,
    flags: flags::BASETYPE,
    repr: Some(|v| Ok(from_string(repr_f64(this(v))))),
    hash: Some(|v| Ok(hash_f64(this(v)))),
    richcompare: Some(float_richcompare),
    bool_: Some(|v| Ok(this(v) != 0.0)),
    nb: FLOAT_NB,
    neg: Some(|v| Ok(Value::float(-this(v)))),
    pos: Some(|v| Ok(Value::float(this(v)))),
    abs: Some(|v| Ok(Value::float(this(v).abs()))),
    int: Some(|v| crate::objects::int::float_to_int(this(v))),
    float: Some(|v| Ok(Value::float(this(v)))),
    new: Some(float_new),
    methods: FLOAT_METHODS,
    getsets: FLOAT_GETSETS,
    doc: "Convert a string or number to a floating point number, if possible.",
    ..TypeObject::EMPTY
};

static FLOAT_METHODS: &[crate::objects::MethodDef] = &[
    crate::objects::MethodDef {
        name: "__trunc__",
        func: |v, _, _| crate::objects::int::float_to_int(this(v).trunc()),
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__floor__",
        func: |v, _, _| crate::objects::int::float_to_int(this(v).floor()),
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__ceil__",
        func: |v, _, _| crate::objects::int::float_to_int(this(v).ceil()),
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__round__",
        func: |v, a, _| round_value(v, a.first().cloned().filter(|n| !n.is_none())),
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "is_integer",
        func: is_integer,
        kind: crate::objects::MethodKind::Instance,
        doc: "Return True if the float is an integer.",
    },
    crate::objects::MethodDef {
        name: "as_integer_ratio",
        func: as_integer_ratio,
        kind: crate::objects::MethodKind::Instance,
        doc: "Return a pair of integers, whose ratio is exactly equal to the original float.",
    },
    crate::objects::MethodDef {
        name: "hex",
        func: float_hex,
        kind: crate::objects::MethodKind::Instance,
        doc: "Return a hexadecimal representation of a floating-point number.",
    },
    crate::objects::MethodDef {
        name: "fromhex",
        func: float_fromhex,
        kind: crate::objects::MethodKind::Class,
        doc: "Create a floating-point number from a hexadecimal string.",
    },
    crate::objects::MethodDef {
        name: "conjugate",
        func: float_conjugate,
        kind: crate::objects::MethodKind::Instance,
        doc: "Return self, the complex conjugate of any float.",
    },
];

static FLOAT_GETSETS: &[crate::objects::GetSetDef] = &[
    crate::objects::GetSetDef {
        name: "real",
        get: |v| Ok(Value::float(this(v))),
        set: None,
    },
    crate::objects::GetSetDef {
        name: "imag",
        get: |_| Ok(Value::float(0.0)),
        set: None,
    },
];

/// Raises `TypeError` unless a float method got no arguments.
fn no_args(name: &str, args: &[Value]) -> PyResult<()> {
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("float.{}() takes no arguments ({} given)", name, args.len()),
        );
    }
    Ok(())
}

/// The exact `(numerator, denominator)` of a finite float, in lowest terms.
pub fn float_ratio(f: f64) -> PyResult<(rug::Integer, rug::Integer)> {
    use rug::Integer;
    if f.is_nan() {
        return err(
            &crate::objects::exception::VALUE_ERROR,
            "cannot convert NaN to integer ratio",
        );
    }
    if f.is_infinite() {
        return err(&OVERFLOW_ERROR, "cannot convert Infinity to integer ratio");
    }
    if f == 0.0 {
        return Ok((Integer::new(), Integer::from(1)));
    }
    let bits = f.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) = if exp_field == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1u64 << 52), exp_field - 1075)
    };
    if exp < 0 {
        let shift = (mant.trailing_zeros() as i64).min(-exp);
        mant >>= shift;
        exp += shift;
    }
    let mut num = Integer::from(mant);
    if f < 0.0 {
        num = -num;
    }
    if exp >= 0 {
        Ok((num << exp as u32, Integer::from(1)))
    } else {
        Ok((num, Integer::from(1) << (-exp) as u32))
    }
}

fn as_integer_ratio(v: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    no_args("as_integer_ratio", args)?;
    let (n, d) = float_ratio(this(v))?;
    Ok(crate::objects::tuple::new_tuple(vec![
        crate::objects::int::from_integer(n),
        crate::objects::int::from_integer(d),
    ]))
}

fn float_hex(v: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    no_args("hex", args)?;
    Ok(from_string(crate::format::float_to_hex(this(v))))
}

fn float_fromhex(_cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "float.fromhex() takes no keyword arguments");
    }
    if args.len() != 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "float.fromhex() takes exactly one argument ({} given)",
                args.len()
            ),
        );
    }
    let Some(s) = crate::objects::str::as_str(&args[0]) else {
        return err(&TYPE_ERROR, "bad argument type for built-in operation");
    };
    crate::format::float_from_hex(&s)
        .map(Value::float)
        .map_err(crate::objects::exception::raise_format)
}

fn float_conjugate(v: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    no_args("conjugate", args)?;
    Ok(Value::float(this(v)))
}

/// `round(x[, ndigits])` for ints and floats (banker's rounding); other types use `__round__`.
pub fn round_value(x: &Value, ndigits: Option<Value>) -> PyResult<Value> {
    if let Some(f) = x.as_float() {
        return match ndigits {
            None => {
                let r = f.round_ties_even();
                crate::objects::int::float_to_int(r)
            }
            Some(n) => {
                let n = crate::ops::number::index_i64(&n)?;
                crate::format::float_round(f, n)
                    .map(Value::float)
                    .map_err(crate::objects::exception::raise_format)
            }
        };
    }
    if let Some(i) = as_int(x) {
        let Some(n) = ndigits else {
            return crate::objects::int::to_int(x);
        };
        let n = crate::ops::number::index_i64(&n)?;
        if n >= 0 {
            return crate::objects::int::to_int(x);
        }
        // Round to a multiple of 10**-n, ties to even.
        let v = i.to_integer();
        let p = rug::ops::Pow::pow(rug::Integer::from(10), (-n).min(10000) as u32);
        let (q, r) = v.div_rem_floor(p.clone());
        let twice = rug::Integer::from(&r * 2u32);
        let q = if twice > p || (twice == p && q.is_odd()) {
            q + 1u32
        } else {
            q
        };
        return Ok(crate::objects::int::from_integer(q * p));
    }
    if let Some(m) = x.ty().lookup_str("__round__") {
        let mut args = vec![x.clone()];
        if let Some(n) = ndigits {
            args.push(n);
        }
        return crate::vm::call::call(&m, &args, &[]);
    }
    err(
        &TYPE_ERROR,
        format!("type {} doesn't define __round__ method", x.type_name()),
    )
}
