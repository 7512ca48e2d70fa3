//! `object`: the root type. Identity equality and hash, the generic attribute protocol.

use crate::abi::Value;
use crate::objects::none::not_implemented;
use crate::objects::{alloc, dealloc_obj, flags, CmpOp, PyResult, TypeObject};

/// Payload of a bare `object()` instance.
pub struct Bare;

/// The `object` type.
pub static OBJECT_TYPE: TypeObject = TypeObject {
    name: "object",
    base: std::ptr::null(),
    layout: &OBJECT_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Bare>,
    hash: Some(|v| Ok(identity_hash(v))),
    richcompare: Some(object_richcompare),
    new: Some(|ty, _args, _kw| Ok(alloc(ty, Bare))),
    doc: "The base class of the class hierarchy.",
    ..TypeObject::EMPTY
};

/// Hash by identity, as CPython's `object.__hash__` (address rotated by 4 bits).
pub fn identity_hash(v: &Value) -> i64 {
    let p = v.payload;
    let h = p.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `object.__eq__`/`__ne__`: identity; ordering is not supported.
fn object_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    match op {
        CmpOp::Eq if a.is(b) => Ok(Value::TRUE),
        CmpOp::Ne if a.is(b) => Ok(Value::FALSE),
        _ => Ok(not_implemented()),
    }
}
