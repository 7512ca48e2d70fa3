//! The number protocol: binary and unary operators, with the inline int/float fast paths that
//! both tiers use, and the generic slot dispatch (`binary_op1` in CPython) behind them.

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::none::is_not_implemented;
use crate::objects::{NbOp, PyResult};

/// `a + b` on two inline ints; `None` on overflow (the caller takes the big-int path).
#[inline(always)]
pub fn add_int(a: i64, b: i64) -> Option<i64> {
    a.checked_add(b)
}

/// `a - b` on two inline ints; `None` on overflow.
#[inline(always)]
pub fn sub_int(a: i64, b: i64) -> Option<i64> {
    a.checked_sub(b)
}

/// `a * b` on two inline ints; `None` on overflow.
#[inline(always)]
pub fn mul_int(a: i64, b: i64) -> Option<i64> {
    a.checked_mul(b)
}

/// `a // b` with Python's flooring; `None` when `b == 0` or on overflow (MIN // -1).
#[inline(always)]
pub fn floordiv_int(a: i64, b: i64) -> Option<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// `a % b` with the sign of `b`; `None` when `b == 0`.
#[inline(always)]
pub fn mod_int(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    if b == -1 {
        return Some(0);
    }
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

/// `a % b` on floats with Python's sign rule; `None` when `b == 0`.
#[inline(always)]
pub fn mod_float(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Some(m)
}

/// `a // b` on floats with Python's flooring; `None` when `b == 0`.
#[inline(always)]
pub fn floordiv_float(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    Some(floordiv)
}

/// Inline fast path of a binary op on two ints or two floats (or int/float mixes): the result,
/// or `None` when the op needs the slow path (overflow, division by zero, other types).
#[inline(always)]
pub fn binary_fast(a: &Value, b: &Value, op: NbOp) -> Option<Value> {
    if a.is_int() && b.is_int() {
        return int_kernel(a.as_int_unchecked(), b.as_int_unchecked(), op);
    }
    let (x, y) = float_operands(a, b)?;
    float_kernel(x, y, op)
}

/// `x op y` on two inline ints: the result, or `None` for the slow path (the result overflows
/// i64, division by zero, a shift out of range, an operator without an inline form). The
/// kernel of the `BINARY_OP_*_INT` specializations and of [`binary_fast`].
#[inline(always)]
pub fn int_kernel(x: i64, y: i64, op: NbOp) -> Option<Value> {
    match op {
        NbOp::Add => add_int(x, y).map(Value::int),
        NbOp::Sub => sub_int(x, y).map(Value::int),
        NbOp::Mul => mul_int(x, y).map(Value::int),
        NbOp::FloorDiv => floordiv_int(x, y).map(Value::int),
        NbOp::Rem => mod_int(x, y).map(Value::int),
        NbOp::And => Some(Value::int(x & y)),
        NbOp::Or => Some(Value::int(x | y)),
        NbOp::Xor => Some(Value::int(x ^ y)),
        NbOp::Lshift if (0..63).contains(&y) => {
            let r = x << y;
            (r >> y == x).then_some(Value::int(r))
        }
        NbOp::Rshift if y >= 0 => Some(Value::int(x >> y.min(63))),
        NbOp::TrueDiv => {
            // Exact when both fit in 53 bits; otherwise the int type rounds correctly.
            if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                Some(Value::float(x as f64 / y as f64))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Both operands as f64 when they are floats or a float and an inline int that converts
/// exactly (`|i| <= 2**53`); `None` otherwise (including int/int).
#[inline(always)]
pub fn float_operands(a: &Value, b: &Value) -> Option<(f64, f64)> {
    let (x, y) = match (a.as_float(), b.as_float()) {
        (Some(x), Some(y)) => (x, y),
        (Some(x), None) if b.is_int() => (x, b.as_int_unchecked() as f64),
        (None, Some(y)) if a.is_int() => (a.as_int_unchecked() as f64, y),
        _ => return None,
    };
    if (a.is_int() && a.as_int_unchecked().unsigned_abs() > (1 << 53))
        || (b.is_int() && b.as_int_unchecked().unsigned_abs() > (1 << 53))
    {
        return None;
    }
    Some((x, y))
}

/// `x op y` on floats: the result, or `None` for the slow path (division by zero, an operator
/// without an inline form). The kernel of the `BINARY_OP_*_FLOAT` specializations.
#[inline(always)]
pub fn float_kernel(x: f64, y: f64, op: NbOp) -> Option<Value> {
    match op {
        NbOp::Add => Some(Value::float(x + y)),
        NbOp::Sub => Some(Value::float(x - y)),
        NbOp::Mul => Some(Value::float(x * y)),
        NbOp::TrueDiv if y != 0.0 => Some(Value::float(x / y)),
        NbOp::FloorDiv => floordiv_float(x, y).map(Value::float),
        NbOp::Rem => mod_float(x, y).map(Value::float),
        _ => None,
    }
}

/// `a op b` (non-inplace): fast path, then the types' slots with CPython's reflection order.
pub fn binary_op(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    if let Some(r) = binary_fast(a, b, op) {
        return Ok(r);
    }
    let r = binary_op1(a, b, op)?;
    if !is_not_implemented(&r) {
        return Ok(r);
    }
    if op == NbOp::Add {
        if let Some(e) = concat_error(a, b) {
            return Err(e);
        }
    }
    if op == NbOp::Mul {
        for (seq, n) in [(a, b), (b, a)] {
            if is_sequence(seq)
                && crate::objects::int::as_int(n).is_none()
                && n.ty().index.is_none()
            {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "can't multiply sequence by non-int of type '{}'",
                        n.type_name()
                    ),
                );
            }
        }
        // Sequence repetition with the int on the left: `3 * [1]`.
        if let Some(f) = b.ty().nb[NbOp::Mul as usize] {
            if a.as_small_int().is_some()
                || a.downcast_ref::<crate::objects::int::BigInt>().is_some()
            {
                let r = f(b, a)?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
    }
    err(
        &TYPE_ERROR,
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ),
    )
}

/// The slot dispatch of a binary op; returns `NotImplemented` when neither side handles it.
pub fn binary_op1(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    let ta = a.ty();
    let tb = b.ty();
    let slota = ta.nb[op as usize];
    let slotb = if std::ptr::eq(ta, tb) {
        None
    } else {
        tb.nb[op as usize]
    };
    let slotb = match (slota, slotb) {
        (Some(x), Some(y)) if x as usize == y as usize => None,
        (_, s) => s,
    };
    let mut slotb = slotb;
    if let Some(fa) = slota {
        if let Some(fb) = slotb {
            if tb.is_subtype(ta) {
                let r = fb(a, b)?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
                slotb = None;
            }
        }
        let r = fa(a, b)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(fb) = slotb {
        return fb(a, b);
    }
    Ok(crate::objects::none::not_implemented())
}

/// `a + b` where `a` is a str, list or tuple and `b` cannot be concatenated to it: the error
/// CPython's sq_concat raises, after both operands' numeric slots declined (so a right operand's
/// `__radd__` gets its chance first).
fn concat_error(a: &Value, b: &Value) -> Option<crate::objects::Raised> {
    let name = if crate::objects::str::is_str(a) {
        "str"
    } else if a.downcast_ref::<crate::objects::list::List>().is_some() {
        "list"
    } else if a.downcast_ref::<crate::objects::tuple::Tuple>().is_some() {
        "tuple"
    } else {
        return None;
    };
    Some(crate::objects::exception::raise(
        &TYPE_ERROR,
        format!(
            "can only concatenate {name} (not \"{}\") to {name}",
            b.type_name()
        ),
    ))
}

/// Whether `v` is a built-in sequence that supports repetition.
fn is_sequence(v: &Value) -> bool {
    crate::objects::str::is_str(v)
        || v.downcast_ref::<crate::objects::list::List>().is_some()
        || v.downcast_ref::<crate::objects::tuple::Tuple>().is_some()
        || v.downcast_ref::<crate::objects::bytes::Bytes>().is_some()
}

/// `a op= b`: the in-place slot of `a`'s type if any, else the plain operator.
pub fn inplace_op(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    if let Some(r) = binary_fast(a, b, op) {
        return Ok(r);
    }
    if let Some(f) = a.ty().nb_inplace[op as usize] {
        let r = f(a, b)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    let r = binary_op1(a, b, op)?;
    if !is_not_implemented(&r) {
        return Ok(r);
    }
    if op == NbOp::Add {
        if let Some(e) = concat_error(a, b) {
            return Err(e);
        }
    }
    if op == NbOp::Mul {
        if let Some(f) = b.ty().nb[NbOp::Mul as usize] {
            let r = f(b, a)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    err(
        &TYPE_ERROR,
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.inplace_symbol(),
            a.type_name(),
            b.type_name()
        ),
    )
}

fn unary(v: &Value, slot: Option<crate::objects::UnaryFn>, sym: &str) -> PyResult<Value> {
    match slot {
        Some(f) => f(v),
        None => err(
            &TYPE_ERROR,
            format!("bad operand type for unary {}: '{}'", sym, v.type_name()),
        ),
    }
}

/// `-v`.
pub fn neg(v: &Value) -> PyResult<Value> {
    if v.is_int() && v.as_int_unchecked() != i64::MIN {
        return Ok(Value::int(-v.as_int_unchecked()));
    }
    if let Some(f) = v.as_float() {
        return Ok(Value::float(-f));
    }
    unary(v, v.ty().neg, "-")
}

/// `+v`.
pub fn pos(v: &Value) -> PyResult<Value> {
    unary(v, v.ty().pos, "+")
}

/// `~v`.
pub fn invert(v: &Value) -> PyResult<Value> {
    if v.is_int() {
        return Ok(Value::int(!v.as_int_unchecked()));
    }
    unary(v, v.ty().invert, "~")
}

/// `abs(v)`.
pub fn abs(v: &Value) -> PyResult<Value> {
    match v.ty().abs {
        Some(f) => f(v),
        None => err(
            &TYPE_ERROR,
            format!("bad operand type for abs(): '{}'", v.type_name()),
        ),
    }
}

/// `operator.index(v)`: an int value (inline or big) or TypeError.
pub fn index(v: &Value) -> PyResult<Value> {
    if v.is_int() {
        return Ok(v.clone());
    }
    if v.is_bool() {
        return Ok(Value::int(v.payload as i64));
    }
    match v.ty().index {
        Some(f) => f(v),
        None => err(
            &TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        ),
    }
}

/// `v` as an i64 through `__index__`; OverflowError when it does not fit.
pub fn index_i64(v: &Value) -> PyResult<i64> {
    let i = index(v)?;
    if let Some(x) = i.as_small_int() {
        return Ok(x);
    }
    err(
        &crate::objects::exception::OVERFLOW_ERROR,
        "Python int too large to convert to C ssize_t",
    )
}
