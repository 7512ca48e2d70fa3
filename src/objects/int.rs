//! `int`: arbitrary precision integers. Values that fit `i64` are inline; larger ones are heap
//! [`BigInt`]s holding a `rug::Integer`. Results are normalized back to inline whenever they fit
//! (the canonical-representation invariant of `abi`).

use rug::ops::Pow;
#[allow(unused_imports)]
use rug::Complete;
use rug::Integer;

use crate::abi::Value;
use crate::objects::exception::{
    err, OVERFLOW_ERROR, TYPE_ERROR, VALUE_ERROR, ZERO_DIVISION_ERROR,
};
use crate::objects::none::not_implemented;
use crate::objects::str::from_string;
use crate::objects::{
    alloc, dealloc_obj, flags, CmpOp, NbOp, PyPayload, PyResult, TypeObject, NB_COUNT,
};

/// Heap payload of an int outside the i64 range.
pub struct BigInt {
    pub v: Integer,
}

impl PyPayload for BigInt {
    fn type_object() -> *const TypeObject {
        &INT_TYPE
    }
}

/// A borrowed view of any int value (bool included).
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a Integer),
}

impl IntRef<'_> {
    /// As an owned `rug::Integer`.
    pub fn to_integer(&self) -> Integer {
        match self {
            IntRef::Small(i) => Integer::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
    /// Whether the value is negative.
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => **b < 0,
        }
    }
}

/// The int behind a value (int, bool, or an int subclass instance); `None` for other types.
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntRef::Small(i));
    }
    v.downcast_ref::<BigInt>().map(|b| IntRef::Big(&b.v))
}

/// Whether `v` is an int (bool included).
pub fn is_int(v: &Value) -> bool {
    as_int(v).is_some()
}

/// An int value from a `rug::Integer`, inline when it fits.
pub fn from_integer(i: Integer) -> Value {
    match i.to_i64() {
        Some(x) => Value::int(x),
        None => alloc(&INT_TYPE, BigInt { v: i }),
    }
}

/// An int value from an i128.
pub fn from_i128(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(x) => Value::int(x),
        Err(_) => from_integer(Integer::from(i)),
    }
}

/// CPython's hash of an int: the value modulo the Mersenne prime 2**61 - 1, sign kept, -1 -> -2.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    const P: i64 = (1 << 61) - 1;
    if i > -P && i < P {
        // Already reduced modulo P: the common case needs no division.
        return if i == -1 { -2 } else { i };
    }
    let mut h = (i.unsigned_abs() % P as u64) as i64;
    if i < 0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a big int.
pub fn hash_integer(i: &Integer) -> i64 {
    let p = Integer::from((1u64 << 61) - 1);
    let m = Integer::from(i.abs_ref()) % &p;
    let mut h = m.to_i64().unwrap();
    if *i < 0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Correctly rounded (half-even) conversion to f64; `None` when the value is too large.
pub fn integer_to_f64(i: &Integer) -> Option<f64> {
    let bits = i.significant_bits();
    if bits <= 53 {
        return Some(i.to_f64());
    }
    let neg = *i < 0;
    let a = Integer::from(i.abs_ref());
    let shift = bits - 55;
    let mut top = Integer::from(&a >> shift);
    // Sticky bit: any nonzero bit shifted out.
    if a.find_one(0).is_some_and(|lowest| lowest < shift) {
        top |= 1;
    }
    let mut m = top.to_u64().unwrap(); // 55 bits
    let round_bits = m & 3;
    m >>= 2;
    if round_bits > 2 || (round_bits == 2 && (m & 1) == 1) {
        m += 1;
    }
    let exp = shift as i32 + 2;
    let f = (m as f64) * 2f64.powi(exp);
    if f.is_infinite() {
        return None;
    }
    Some(if neg { -f } else { f })
}

/// The value as an f64 (OverflowError "int too large to convert to float").
pub fn int_to_f64(v: &IntRef) -> PyResult<f64> {
    match v {
        IntRef::Small(i) => Ok(*i as f64),
        IntRef::Big(b) => match integer_to_f64(b) {
            Some(f) => Ok(f),
            None => err(&OVERFLOW_ERROR, "int too large to convert to float"),
        },
    }
}

/// Correctly rounded `a / b` for ints.
pub fn int_truediv(a: &IntRef, b: &IntRef) -> PyResult<Value> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if *y == 0 {
            return err(&ZERO_DIVISION_ERROR, "division by zero");
        }
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(Value::float(*x as f64 / *y as f64));
        }
    }
    let (a, b) = (a.to_integer(), b.to_integer());
    if b == 0 {
        return err(&ZERO_DIVISION_ERROR, "division by zero");
    }
    if a == 0 {
        let neg = b < 0;
        return Ok(Value::float(if neg { -0.0 } else { 0.0 }));
    }
    let neg = (a < 0) != (b < 0);
    let a = a.abs();
    let b = b.abs();
    let shift = 55i64 + b.significant_bits() as i64 - a.significant_bits() as i64;
    let (n, d) = if shift >= 0 {
        (a << shift as u32, b)
    } else {
        (a, b << (-shift) as u32)
    };
    let (mut q, r) = n.div_rem(d);
    if r != 0 {
        q |= 1;
    }
    let f = match integer_to_f64(&q) {
        Some(f) => f,
        None => {
            return err(
                &OVERFLOW_ERROR,
                "integer division result too large for a float",
            )
        }
    };
    let res = scale_by_pow2(f, -shift);
    if res.is_infinite() {
        return err(
            &OVERFLOW_ERROR,
            "integer division result too large for a float",
        );
    }
    Ok(Value::float(if neg { -res } else { res }))
}

fn scale_by_pow2(mut f: f64, mut e: i64) -> f64 {
    while e > 1000 {
        f *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        f *= 2f64.powi(-1000);
        e += 1000;
    }
    f * 2f64.powi(e as i32)
}

/// Python's floor division and modulo on big ints: (q, r) with r having b's sign.
pub fn integer_divmod(a: Integer, b: &Integer) -> (Integer, Integer) {
    a.div_rem_floor(b.clone())
}

/// `a ** b` for ints; a negative exponent gives a float.
pub fn int_pow(a: &IntRef, b: &IntRef) -> PyResult<Value> {
    if b.is_negative() {
        let fa = int_to_f64(a)?;
        let fb = int_to_f64(b)?;
        if fa == 0.0 {
            return err(
                &ZERO_DIVISION_ERROR,
                "0.0 cannot be raised to a negative power",
            );
        }
        return Ok(Value::float(fa.powf(fb)));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Ok(y32) = u32::try_from(*y) {
            if let Some(r) = x.checked_pow(y32) {
                return Ok(Value::int(r));
            }
        }
    }
    let base = a.to_integer();
    let exp = match b {
        IntRef::Small(y) => *y as u64,
        IntRef::Big(_) => {
            // Only 0, 1 and -1 can be raised to such a power without exhausting memory.
            return Ok(match base.to_i64() {
                Some(0) => Value::int(0),
                Some(1) => Value::int(1),
                Some(-1) => {
                    let odd = b.to_integer().is_odd();
                    Value::int(if odd { -1 } else { 1 })
                }
                _ => return err(&crate::objects::exception::MEMORY_ERROR, ""),
            });
        }
    };
    match u32::try_from(exp) {
        Ok(e) => Ok(from_integer(base.pow(e))),
        Err(_) => match base.to_i64() {
            Some(0) | Some(1) => Ok(Value::int(base.to_i64().unwrap())),
            Some(-1) => Ok(Value::int(if exp % 2 == 1 { -1 } else { 1 })),
            _ => err(&crate::objects::exception::MEMORY_ERROR, ""),
        },
    }
}

/// The int binary operators (both operands ints or bools; otherwise NotImplemented).
fn int_binary(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(not_implemented());
    };
    if let (IntRef::Small(i), IntRef::Small(j)) = (&x, &y) {
        let (i, j) = (*i, *j);
        let r = match op {
            NbOp::Add => i.checked_add(j),
            NbOp::Sub => i.checked_sub(j),
            NbOp::Mul => i.checked_mul(j),
            NbOp::FloorDiv => {
                if j == 0 {
                    return err(&ZERO_DIVISION_ERROR, "integer division or modulo by zero");
                }
                crate::ops::number::floordiv_int(i, j)
            }
            NbOp::Rem => {
                if j == 0 {
                    return err(&ZERO_DIVISION_ERROR, "integer modulo by zero");
                }
                crate::ops::number::mod_int(i, j)
            }
            NbOp::And => Some(i & j),
            NbOp::Or => Some(i | j),
            NbOp::Xor => Some(i ^ j),
            NbOp::Lshift => {
                if j < 0 {
                    return err(&VALUE_ERROR, "negative shift count");
                }
                if i == 0 {
                    Some(0)
                } else if j < 63 && (i << j) >> j == i {
                    Some(i << j)
                } else {
                    None
                }
            }
            NbOp::Rshift => {
                if j < 0 {
                    return err(&VALUE_ERROR, "negative shift count");
                }
                Some(if j >= 64 {
                    if i < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    i >> j
                })
            }
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Value::int(r));
        }
    }
    match op {
        NbOp::TrueDiv => return int_truediv(&x, &y),
        NbOp::Pow => return int_pow(&x, &y),
        NbOp::MatMul => return Ok(not_implemented()),
        _ => {}
    }
    let xi = x.to_integer();
    let yi = y.to_integer();
    let r = match op {
        NbOp::Add => xi + yi,
        NbOp::Sub => xi - yi,
        NbOp::Mul => xi * yi,
        NbOp::FloorDiv => {
            if yi == 0 {
                return err(&ZERO_DIVISION_ERROR, "integer division or modulo by zero");
            }
            integer_divmod(xi, &yi).0
        }
        NbOp::Rem => {
            if yi == 0 {
                return err(&ZERO_DIVISION_ERROR, "integer modulo by zero");
            }
            integer_divmod(xi, &yi).1
        }
        NbOp::And => xi & yi,
        NbOp::Or => xi | yi,
        NbOp::Xor => xi ^ yi,
        NbOp::Lshift => {
            if yi < 0 {
                return err(&VALUE_ERROR, "negative shift count");
            }
            if xi == 0 {
                Integer::new()
            } else {
                match yi.to_u32() {
                    Some(s) if s < (1 << 31) => xi << s,
                    _ => return err(&OVERFLOW_ERROR, "too many digits in integer"),
                }
            }
        }
        NbOp::Rshift => {
            if yi < 0 {
                return err(&VALUE_ERROR, "negative shift count");
            }
            match yi.to_u32() {
                Some(s) => xi >> s,
                None => Integer::from(if xi < 0 { -1 } else { 0 }),
            }
        }
        _ => return Ok(not_implemented()),
    };
    Ok(from_integer(r))
}

macro_rules! int_slot {
    ($name:ident, $op:expr) => {
        fn $name(a: &Value, b: &Value) -> PyResult<Value> {
            int_binary(a, b, $op)
        }
    };
}
int_slot!(int_add, NbOp::Add);
int_slot!(int_sub, NbOp::Sub);
int_slot!(int_mul, NbOp::Mul);
int_slot!(int_floordiv, NbOp::FloorDiv);
int_slot!(int_mod, NbOp::Rem);
int_slot!(int_and, NbOp::And);
int_slot!(int_or, NbOp::Or);
int_slot!(int_xor, NbOp::Xor);
int_slot!(int_lshift, NbOp::Lshift);
int_slot!(int_rshift, NbOp::Rshift);
int_slot!(int_truediv_slot, NbOp::TrueDiv);
int_slot!(int_pow_slot, NbOp::Pow);

/// The number slots shared by `int` and `bool` (bool overrides `&`, `|`, `^`).
pub const INT_NB: [Option<crate::objects::BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<crate::objects::BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(int_add);
    nb[NbOp::Sub as usize] = Some(int_sub);
    nb[NbOp::Mul as usize] = Some(int_mul);
    nb[NbOp::FloorDiv as usize] = Some(int_floordiv);
    nb[NbOp::Rem as usize] = Some(int_mod);
    nb[NbOp::And as usize] = Some(int_and);
    nb[NbOp::Or as usize] = Some(int_or);
    nb[NbOp::Xor as usize] = Some(int_xor);
    nb[NbOp::Lshift as usize] = Some(int_lshift);
    nb[NbOp::Rshift as usize] = Some(int_rshift);
    nb[NbOp::TrueDiv as usize] = Some(int_truediv_slot);
    nb[NbOp::Pow as usize] = Some(int_pow_slot);
    nb
};

/// Compares two ints.
pub fn int_cmp(a: &IntRef, b: &IntRef) -> std::cmp::Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
        (IntRef::Small(x), IntRef::Big(y)) => Integer::from(*x).cmp(y),
        (IntRef::Big(x), IntRef::Small(y)) => (*x).cmp(&Integer::from(*y)),
        (IntRef::Big(x), IntRef::Big(y)) => x.cmp(y),
    }
}

fn int_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let Some(x) = as_int(a) else {
        return Ok(not_implemented());
    };
    if let Some(y) = as_int(b) {
        return Ok(Value::bool(op.test(int_cmp(&x, &y))));
    }
    Ok(not_implemented())
}

/// Decimal text of an int, honouring the 4300-digit limit of `sys.set_int_max_str_digits`.
pub fn int_to_decimal(v: &IntRef) -> PyResult<String> {
    match v {
        IntRef::Small(i) => Ok(i.to_string()),
        IntRef::Big(b) => {
            // A quick bound (bits * log10(2)) before the exact check.
            let approx_digits = (b.significant_bits() as f64 * std::f64::consts::LOG10_2) as usize;
            let limit = crate::modules::sys::int_max_str_digits();
            if limit > 0 && approx_digits > limit + 1 {
                return err(
                    &VALUE_ERROR,
                    format!("Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit),
                );
            }
            let s = b.to_string();
            let digits = s.len() - (**b < 0) as usize;
            if limit > 0 && digits > limit {
                return err(
                    &VALUE_ERROR,
                    format!("Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit),
                );
            }
            Ok(s)
        }
    }
}

fn int_repr(v: &Value) -> PyResult<Value> {
    let x = as_int(v).unwrap();
    Ok(from_string(int_to_decimal(&x)?))
}

fn int_hash(v: &Value) -> PyResult<i64> {
    Ok(match as_int(v).unwrap() {
        IntRef::Small(i) => hash_i64(i),
        IntRef::Big(b) => hash_integer(b),
    })
}

fn int_unary(v: &Value, f: fn(Integer) -> Integer) -> PyResult<Value> {
    Ok(from_integer(f(as_int(v).unwrap().to_integer())))
}

/// `int(x)` conversion of any value: ints, floats (truncation), strings, `__int__`/`__index__`.
pub fn to_int(v: &Value) -> PyResult<Value> {
    if let Some(i) = as_int(v) {
        return Ok(match i {
            IntRef::Small(x) => Value::int(x),
            IntRef::Big(b) => from_integer(b.clone()),
        });
    }
    if let Some(f) = v.as_float() {
        return float_to_int(f);
    }
    if let Some(s) = crate::objects::str::as_str(v) {
        return parse_int_value(&s, 10, v);
    }
    if let Some(b) = crate::objects::bytes::as_bytes_like(v) {
        return match crate::format::parse_int_bytes(
            b,
            10,
            crate::modules::sys::int_max_str_digits(),
        ) {
            Ok(crate::format::IntValue::Small(i)) => Ok(Value::int(i)),
            Ok(crate::format::IntValue::Big(b)) => Ok(from_integer(b)),
            Err(e) => Err(crate::objects::exception::raise_format(e)),
        };
    }
    if let Some(f) = v.ty().int {
        return f(v);
    }
    if let Some(f) = v.ty().index {
        return f(v);
    }
    err(
        &TYPE_ERROR,
        format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        ),
    )
}

/// Truncates a float to an int (ValueError for nan, OverflowError for inf).
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return err(&VALUE_ERROR, "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return err(&OVERFLOW_ERROR, "cannot convert float infinity to integer");
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::int(t as i64));
    }
    Ok(from_integer(Integer::from_f64(t).unwrap()))
}

/// Parses `s` as an int in `base` (Python's `int(str, base)` rules); `orig` is the argument for
/// the error message's repr.
pub fn parse_int_value(s: &str, base: u32, orig: &Value) -> PyResult<Value> {
    let _ = orig;
    match crate::format::parse_int(s, base, crate::modules::sys::int_max_str_digits()) {
        Ok(crate::format::IntValue::Small(i)) => Ok(Value::int(i)),
        Ok(crate::format::IntValue::Big(b)) => Ok(from_integer(b)),
        Err(e) => Err(crate::objects::exception::raise_format(e)),
    }
}

fn int_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let x = if npos > 0 {
        Some(args[0].clone())
    } else {
        None
    };
    let mut base = if npos > 1 {
        Some(args[1].clone())
    } else {
        None
    };
    if npos > 2 {
        return err(
            &TYPE_ERROR,
            format!("int() takes at most 2 arguments ({} given)", npos),
        );
    }
    for (i, k) in kwnames.iter().enumerate() {
        let v = args[npos + i].clone();
        match crate::objects::str::as_str(k).as_deref() {
            Some("base") => base = Some(v),
            Some(other) => {
                return err(
                    &TYPE_ERROR,
                    format!("'{}' is an invalid keyword argument for int()", other),
                )
            }
            None => return err(&TYPE_ERROR, "keywords must be strings"),
        }
    }
    let result = match (x, base) {
        (None, None) => Value::int(0),
        (None, Some(_)) => return err(&TYPE_ERROR, "int() missing string argument"),
        (Some(x), None) => to_int(&x)?,
        (Some(x), Some(b)) => {
            let b = crate::ops::number::index_i64(&b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return err(&VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
            }
            if let Some(s) = crate::objects::str::as_str(&x) {
                parse_int_value(&s, b as u32, &x)?
            } else if let Some(bs) = crate::objects::bytes::as_bytes_like(&x) {
                let s = String::from_utf8_lossy(bs).into_owned();
                parse_int_value(&s, b as u32, &x)?
            } else {
                return err(
                    &TYPE_ERROR,
                    "int() can't convert non-string with explicit base",
                );
            }
        }
    };
    if !std::ptr::eq(ty, &INT_TYPE) {
        // Instances of int subclasses are always heap objects (they carry a type and a dict).
        let v = as_int(&result).unwrap().to_integer();
        return Ok(alloc(ty, BigInt { v }));
    }
    Ok(result)
}

fn bit_length(this: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(match as_int(this).unwrap() {
        IntRef::Small(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        IntRef::Big(b) => b.significant_bits() as i64,
    }))
}

/// The `int` type.
pub static INT_TYPE: TypeObject = TypeObject {
    name: "int",
    layout: &INT_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<BigInt>,
    sub_layout: crate::objects::sub_layout::<BigInt>(),
    new: Some(int_new),
    methods: INT_METHODS,
    getsets: INT_GETSETS,
    doc: "int([x]) -> integer\nint(x, base=10) -> integer",
    ..INT_SLOTS
};

/// The protocol slots of `int`, shared with `bool` (which overrides a few).
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
pub const INT_SLOTS: TypeObject = TypeObject {
    repr: Some(int_repr),
    hash: Some(int_hash),
    richcompare: Some(int_richcompare),
    bool_: Some(|v| {
        Ok(match as_int(v).unwrap() {
            IntRef::Small(i) => i != 0,
            IntRef::Big(b) => *b != 0,
        })
    }),
    nb: INT_NB,
    neg: Some(|v| int_unary(v, |i| -i)),
    pos: Some(|v| int_unary(v, |i| i)),
    abs: Some(|v| int_unary(v, |i| i.abs())),
    invert: Some(|v| int_unary(v, |i| !i)),
    index: Some(|v| int_unary(v, |i| i)),
    int: Some(|v| int_unary(v, |i| i)),
    float: Some(|v| int_to_f64(&as_int(v).unwrap()).map(Value::float)),
    ..TypeObject::EMPTY
};

static INT_METHODS: &[crate::objects::MethodDef] = &[
    crate::objects::MethodDef {
        name: "bit_length",
        func: bit_length,
        kind: crate::objects::MethodKind::Instance,
        doc: "Number of bits necessary to represent self in binary.",
    },
    crate::objects::MethodDef {
        name: "bit_count",
        func: bit_count,
        kind: crate::objects::MethodKind::Instance,
        doc: "Number of ones in the binary representation of the absolute value of self.",
    },
    crate::objects::MethodDef {
        name: "to_bytes",
        func: to_bytes,
        kind: crate::objects::MethodKind::Instance,
        doc: "Return an array of bytes representing an integer.",
    },
    crate::objects::MethodDef {
        name: "from_bytes",
        func: from_bytes,
        kind: crate::objects::MethodKind::Class,
        doc: "Return the integer represented by the given array of bytes.",
    },
    crate::objects::MethodDef {
        name: "as_integer_ratio",
        func: int_as_integer_ratio,
        kind: crate::objects::MethodKind::Instance,
        doc: "Return a pair of integers, whose ratio is equal to the original int.",
    },
    crate::objects::MethodDef {
        name: "conjugate",
        func: int_conjugate,
        kind: crate::objects::MethodKind::Instance,
        doc: "Returns self, the complex conjugate of any int.",
    },
    crate::objects::MethodDef {
        name: "is_integer",
        func: int_is_integer,
        kind: crate::objects::MethodKind::Instance,
        doc: "Returns True. Exists for duck type compatibility with float.is_integer.",
    },
];

static INT_GETSETS: &[crate::objects::GetSetDef] = &[
    crate::objects::GetSetDef {
        name: "real",
        get: int_exact,
        set: None,
    },
    crate::objects::GetSetDef {
        name: "imag",
        get: |_| Ok(Value::int(0)),
        set: None,
    },
    crate::objects::GetSetDef {
        name: "numerator",
        get: int_exact,
        set: None,
    },
    crate::objects::GetSetDef {
        name: "denominator",
        get: |_| Ok(Value::int(1)),
        set: None,
    },
];

/// `self` as an exact int (bools become 0/1).
fn int_exact(v: &Value) -> PyResult<Value> {
    Ok(match as_int(v) {
        Some(IntRef::Small(i)) => Value::int(i),
        Some(IntRef::Big(b)) => from_integer(b.clone()),
        None => return err(&TYPE_ERROR, "descriptor requires an 'int' object"),
    })
}

/// Raises `TypeError` unless a method got no arguments.
fn no_args(name: &str, args: &[Value]) -> PyResult<()> {
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no arguments ({} given)", name, args.len()),
        );
    }
    Ok(())
}

fn bit_count(this: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("int.bit_count", args)?;
    Ok(Value::int(match as_int(this).unwrap() {
        IntRef::Small(i) => i.unsigned_abs().count_ones() as i64,
        IntRef::Big(b) => Integer::from(b.abs_ref()).count_ones().unwrap_or(0) as i64,
    }))
}

fn int_as_integer_ratio(this: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("int.as_integer_ratio", args)?;
    Ok(crate::objects::tuple::new_tuple(vec![
        int_exact(this)?,
        Value::int(1),
    ]))
}

fn int_conjugate(this: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("int.conjugate", args)?;
    int_exact(this)
}

fn int_is_integer(_this: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("int.is_integer", args)?;
    Ok(Value::TRUE)
}

/// Parses `(first, byteorder, *, signed)` for `to_bytes`/`from_bytes`.
fn bytes_args(
    fname: &str,
    first: &str,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<[Option<Value>; 3]> {
    let npos = args.len() - kwnames.len();
    if npos > 2 {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() takes at most 2 positional arguments ({} given)",
                fname, npos
            ),
        );
    }
    let mut out: [Option<Value>; 3] = [None, None, None];
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (i, k) in kwnames.iter().enumerate() {
        let name = crate::objects::str::as_str(k).map(|s| s.to_string());
        let j = match name.as_deref() {
            Some(n) if n == first => 0,
            Some("byteorder") => 1,
            Some("signed") => 2,
            Some(other) => {
                return err(
                    &TYPE_ERROR,
                    format!("'{}' is an invalid keyword argument for {}()", other, fname),
                )
            }
            None => return err(&TYPE_ERROR, "keywords must be strings"),
        };
        if out[j].is_some() {
            return err(
                &TYPE_ERROR,
                format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    fname,
                    name.unwrap(),
                    j + 1
                ),
            );
        }
        out[j] = Some(args[npos + i].clone());
    }
    Ok(out)
}

/// Whether `byteorder` selects little-endian (`None` means the default, 'big').
fn little_endian(fname: &str, byteorder: Option<&Value>) -> PyResult<bool> {
    let Some(b) = byteorder else {
        return Ok(false);
    };
    let Some(s) = crate::objects::str::as_str(b) else {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() argument 'byteorder' must be str, not {}",
                fname,
                b.type_name()
            ),
        );
    };
    match &*s {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => err(&VALUE_ERROR, "byteorder must be either 'little' or 'big'"),
    }
}

fn to_bytes(this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [length, byteorder, signed] = bytes_args("to_bytes", "length", args, kwnames)?;
    let length = match length {
        Some(l) => crate::ops::number::index_i64(&l)?,
        None => 1,
    };
    if let Some(b) = &byteorder {
        if crate::objects::str::as_str(b).is_none() {
            little_endian("to_bytes", Some(b))?;
        }
    }
    let signed = match signed {
        Some(s) => crate::ops::object::truthy(&s)?,
        None => false,
    };
    let little = little_endian("to_bytes", byteorder.as_ref())?;
    if length < 0 {
        return err(&VALUE_ERROR, "length argument must be non-negative");
    }
    let v = as_int(this).unwrap().to_integer();
    if v < 0 && !signed {
        return err(&OVERFLOW_ERROR, "can't convert negative int to unsigned");
    }
    let nbits = 8 * length as u64;
    let negative = v < 0;
    // Two's complement of a negative value: the complement of the bytes of `-v - 1`.
    let mag = if negative {
        Integer::from(-&v) - 1u32
    } else {
        v
    };
    let bits = mag.significant_bits() as u64;
    let fits = if length == 0 {
        bits == 0
    } else if signed {
        bits < nbits
    } else {
        bits <= nbits
    };
    if !fits {
        return err(&OVERFLOW_ERROR, "int too big to convert");
    }
    let mut out: Vec<u8> = Vec::new();
    if out.try_reserve_exact(length as usize).is_err() {
        return err(&crate::objects::exception::MEMORY_ERROR, "");
    }
    out.resize(length as usize, 0);
    let order = if little {
        rug::integer::Order::Lsf
    } else {
        rug::integer::Order::Msf
    };
    mag.write_digits(&mut out, order);
    if negative {
        for b in out.iter_mut() {
            *b = !*b;
        }
    }
    Ok(crate::objects::bytes::new_bytes(&out))
}

/// The bytes of a `from_bytes` argument: a bytes object or an iterable of ints in 0..256.
fn bytes_of(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::objects::bytes::as_bytes(v) {
        return Ok(b.to_vec());
    }
    if crate::objects::str::is_str(v) || (v.ty().iter.is_none() && v.ty().getitem.is_none()) {
        return err(
            &TYPE_ERROR,
            format!("cannot convert '{}' object to bytes", v.type_name()),
        );
    }
    let mut out = Vec::new();
    for x in crate::ops::sequence::collect(v)? {
        let i = crate::ops::number::index(&x)?;
        match i.as_small_int() {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            _ => return err(&VALUE_ERROR, "bytes must be in range(0, 256)"),
        }
    }
    Ok(out)
}

fn from_bytes(cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data, byteorder, signed] = bytes_args("from_bytes", "bytes", args, kwnames)?;
    let Some(data) = data else {
        return err(
            &TYPE_ERROR,
            "from_bytes() missing required argument 'bytes' (pos 1)",
        );
    };
    let little = little_endian("from_bytes", byteorder.as_ref())?;
    let signed = match signed {
        Some(s) => crate::ops::object::truthy(&s)?,
        None => false,
    };
    let bytes = bytes_of(&data)?;
    let order = if little {
        rug::integer::Order::Lsf
    } else {
        rug::integer::Order::Msf
    };
    let mut v = Integer::from_digits(&bytes, order);
    if signed && !bytes.is_empty() {
        let top = if little {
            bytes[bytes.len() - 1]
        } else {
            bytes[0]
        };
        if top & 0x80 != 0 {
            v -= Integer::from(1) << (8 * bytes.len()) as u32;
        }
    }
    if std::ptr::eq(
        crate::ops::object::as_type(cls).map_or(std::ptr::null(), |t| t as *const TypeObject),
        &crate::objects::bool_::BOOL_TYPE,
    ) {
        return Ok(Value::bool(v != 0));
    }
    Ok(from_integer(v))
}

/// Three-argument `pow(base, exp, mod)` for ints (negative exponents use the modular inverse).
pub fn pow_mod(base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    let (Some(b), Some(e), Some(md)) = (as_int(base), as_int(exp), as_int(m)) else {
        return err(
            &TYPE_ERROR,
            "pow() 3rd argument not allowed unless all arguments are integers",
        );
    };
    let md = md.to_integer();
    if md == 0 {
        return err(&VALUE_ERROR, "pow() 3rd argument cannot be 0");
    }
    let mut b = b.to_integer();
    let mut e = e.to_integer();
    let neg_mod = md < 0;
    let modulus = Integer::from(md.abs_ref());
    if e < 0 {
        b = match b.invert(&modulus) {
            Ok(inv) => inv,
            Err(_) => return err(&VALUE_ERROR, "base is not invertible for the given modulus"),
        };
        e = -e;
    }
    let mut r = match b.pow_mod(&e, &modulus) {
        Ok(r) => r,
        Err(_) => return err(&VALUE_ERROR, "pow() failed"),
    };
    if neg_mod && r != 0 {
        r -= &modulus;
    }
    Ok(from_integer(r))
}
