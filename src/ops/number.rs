//! The number protocol: binary and unary operators, and the generic slot dispatch
//! (`binary_op1` in CPython) behind the inline int/float fast paths of [`super::kernels`]
//! (re-exported here), which both tiers use.

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::none::is_not_implemented;
use crate::objects::{NbOp, PyResult};

pub use super::kernels::{
    add_int, binary_fast, float_kernel, float_operands, floordiv_float, floordiv_int, int_kernel,
    mod_float, mod_int, mul_int, neg_kernel, sub_int,
};

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
        || crate::modules::collections::deque::is_deque(v)
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
    if let Some(r) = neg_kernel(v) {
        return Ok(r);
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
