//! `None`, `NotImplemented` and `Ellipsis`: the singletons.

use crate::abi::{ObjHeader, Value};
use crate::objects::{CmpOp, PyResult, TypeObject};

/// `type(None)`.
pub static NONE_TYPE: TypeObject = TypeObject {
    name: "NoneType",
    layout: &NONE_TYPE,
    repr: Some(|_| Ok(crate::objects::str::new_str("None"))),
    bool_: Some(|_| Ok(false)),
    hash: Some(|_| Ok(0xFCA86420)),
    richcompare: Some(singleton_richcompare),
    new: Some(|_, _, _| Ok(Value::NONE)),
    ..TypeObject::EMPTY
};

/// `type(NotImplemented)`.
pub static NOT_IMPLEMENTED_TYPE: TypeObject = TypeObject {
    name: "NotImplementedType",
    layout: &NOT_IMPLEMENTED_TYPE,
    repr: Some(|_| Ok(crate::objects::str::new_str("NotImplemented"))),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    richcompare: Some(singleton_richcompare),
    ..TypeObject::EMPTY
};

/// `type(...)`.
pub static ELLIPSIS_TYPE: TypeObject = TypeObject {
    name: "ellipsis",
    layout: &ELLIPSIS_TYPE,
    repr: Some(|_| Ok(crate::objects::str::new_str("Ellipsis"))),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    richcompare: Some(singleton_richcompare),
    ..TypeObject::EMPTY
};

fn singleton_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    // As `object`'s comparison: identity decides equality, anything else is NotImplemented.
    match op {
        CmpOp::Eq if a.is(b) => Ok(Value::TRUE),
        CmpOp::Ne if a.is(b) => Ok(Value::FALSE),
        _ => Ok(not_implemented()),
    }
}

/// The `NotImplemented` object (immortal).
pub static NOT_IMPLEMENTED: ObjHeader = ObjHeader::immortal(&NOT_IMPLEMENTED_TYPE);
/// The `Ellipsis` object (immortal).
pub static ELLIPSIS: ObjHeader = ObjHeader::immortal(&ELLIPSIS_TYPE);

// SAFETY: single-threaded VM; the refcount Cell of these immortals is only touched from it.
unsafe impl Sync for ObjHeader {}

/// `NotImplemented`.
#[inline]
pub fn not_implemented() -> Value {
    Value::from_borrowed_ptr(&NOT_IMPLEMENTED)
}

/// `...`.
pub fn ellipsis() -> Value {
    Value::from_borrowed_ptr(&ELLIPSIS)
}

/// Whether `v` is `NotImplemented`.
#[inline]
pub fn is_not_implemented(v: &Value) -> bool {
    v.is_obj()
        && std::ptr::eq(
            v.obj_ptr(),
            &NOT_IMPLEMENTED as *const ObjHeader as *mut ObjHeader,
        )
}
