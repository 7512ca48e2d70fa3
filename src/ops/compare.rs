//! Rich comparison: `a < b`, `a == b`, ... with CPython's reflection rules and messages.

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::none::is_not_implemented;
use crate::objects::{CmpOp, PyResult};

pub use super::kernels::{fast_compare, float_test};

/// `a op b` as a Python value (usually a bool), following `do_richcompare`: the reflected
/// operation of `b`'s type goes first when it is a proper subtype of `a`'s.
pub fn rich_compare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if let Some(r) = fast_compare(a, b, op) {
        return Ok(Value::bool(r));
    }
    let ta = a.ty();
    let tb = b.ty();
    let mut checked_reflected = false;
    if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
        if let Some(f) = tb.richcompare {
            checked_reflected = true;
            let r = f(b, a, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.richcompare {
        let r = f(a, b, op)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !checked_reflected {
        if let Some(f) = tb.richcompare {
            let r = f(b, a, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::bool(a.is(b))),
        CmpOp::Ne => Ok(Value::bool(!a.is(b))),
        _ => err(
            &TYPE_ERROR,
            format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.name,
                tb.name
            ),
        ),
    }
}

/// The order of two inline strs, from their bits: byte-swapped, the zero-padded bytes compare
/// as big-endian numbers; when those agree the shorter string (a prefix) is smaller.
#[inline(always)]
fn small_str_cmp(a: &Value, b: &Value) -> std::cmp::Ordering {
    let ((x, m), (y, n)) = (
        crate::objects::str::small_bits(a),
        crate::objects::str::small_bits(b),
    );
    (x.swap_bytes(), m).cmp(&(y.swap_bytes(), n))
}

/// `a < b` on two exact strs (inline or heap): the comparison of sorts whose keys are all strs.
#[inline]
pub fn exact_str_lt(a: &Value, b: &Value) -> bool {
    if a.is_small_str() && b.is_small_str() {
        return small_str_cmp(a, b).is_lt();
    }
    str_test(a, b, CmpOp::Lt)
}

/// `a op b` on two strs (code-point order, which UTF-8 byte order preserves).
#[inline]
pub fn str_test(a: &Value, b: &Value, op: CmpOp) -> bool {
    if a.is_small_str() && b.is_small_str() {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return a.is(b) == (op == CmpOp::Eq);
        }
        return op.test(small_str_cmp(a, b));
    }
    let (x, y) = (
        crate::objects::str::as_str(a).unwrap(),
        crate::objects::str::as_str(b).unwrap(),
    );
    op.test(x.as_bytes().cmp(y.as_bytes()))
}

/// `a op b` reduced to a Rust bool. Two exact strs, and two exact tuples under `==`/`!=`
/// (dict and set keys, `in` on lists), are compared here without the result objects of their
/// `__eq__`/`__lt__`; the answers are the ones those would give.
pub fn compare_bool(a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    if let Some(r) = fast_compare(a, b, op) {
        return Ok(r);
    }
    compare_objects(a, b, op)
}

/// [`compare_bool`] past the inline numbers (out of line: the eval loop inlines the caller).
#[inline(never)]
fn compare_objects(a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    use crate::objects::str::is_exact_str;
    use crate::objects::tuple::Tuple;
    if is_exact_str(a) && is_exact_str(b) {
        return Ok(str_test(a, b, op));
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        if let (Some(x), Some(y)) = (a.downcast_exact::<Tuple>(), b.downcast_exact::<Tuple>()) {
            return Ok(tuple_eq(x.items(), y.items())? == (op == CmpOp::Eq));
        }
    }
    let r = rich_compare(a, b, op)?;
    crate::ops::object::truthy(&r)
}

/// `x == y` for the items of two tuples: equal lengths and every pair equal (identity first,
/// as `tuple.__eq__` compares items).
fn tuple_eq(x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !eq(p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a == b` as containers use it: identity implies equality (`PyObject_RichCompareBool`).
#[inline]
pub fn eq(a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        // NaN floats are inline and `is` each other; containers treat them as equal too.
        return Ok(true);
    }
    if a.is_small_str() && b.is_small_str() {
        return Ok(false);
    }
    compare_bool(a, b, CmpOp::Eq)
}

/// `a < b` for sorting. Two exact tuples (the usual `key=lambda x: (...)`) compare item by
/// item here, as `tuple.__lt__` would, without building the intermediate result objects.
pub fn lt(a: &Value, b: &Value) -> PyResult<bool> {
    use crate::objects::tuple::Tuple;
    if let (Some(x), Some(y)) = (a.downcast_exact::<Tuple>(), b.downcast_exact::<Tuple>()) {
        return tuple_lt(x.items(), y.items());
    }
    compare_bool(a, b, CmpOp::Lt)
}

/// `x < y` for the items of two tuples: the first pair that is not equal decides (by its own
/// `<`, whose result's truth is taken as `bool(tuple < tuple)` would), else the lengths.
#[inline]
pub fn tuple_lt(x: &[Value], y: &[Value]) -> PyResult<bool> {
    for (p, q) in x.iter().zip(y.iter()) {
        if p.is(q) {
            continue;
        }
        // Two inline ints or two inline strs: equal only when identical, ordered here.
        if p.is_int() && q.is_int() {
            return Ok(p.as_int_unchecked() < q.as_int_unchecked());
        }
        if p.is_small_str() && q.is_small_str() {
            return Ok(small_str_cmp(p, q).is_lt());
        }
        if !eq(p, q)? {
            return lt(p, q);
        }
    }
    Ok(x.len() < y.len())
}
