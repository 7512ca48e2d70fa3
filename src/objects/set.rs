//! `set` and `frozenset`. (Being filled in: the full table and methods land next.)

use crate::objects::{flags, TypeObject};

/// The `set` type.
pub static SET_TYPE: TypeObject = TypeObject {
    name: "set",
    layout: &SET_TYPE,
    flags: flags::BASETYPE,
    ..TypeObject::EMPTY
};

/// The `frozenset` type.
pub static FROZENSET_TYPE: TypeObject = TypeObject {
    name: "frozenset",
    layout: &FROZENSET_TYPE,
    flags: flags::BASETYPE,
    ..TypeObject::EMPTY
};

use crate::abi::Value;
use crate::objects::exception::{err, SYSTEM_ERROR};
use crate::objects::PyResult;

/// A new set of `items`.
pub fn new_set(_items: Vec<Value>) -> PyResult<Value> {
    err(&SYSTEM_ERROR, "set is not implemented yet")
}

/// A new frozenset of `items`.
pub fn new_frozenset(_items: Vec<Value>) -> PyResult<Value> {
    err(&SYSTEM_ERROR, "frozenset is not implemented yet")
}

/// `SET_ADD`.
pub fn set_add(_set: &Value, _item: Value) -> PyResult<()> {
    err(&SYSTEM_ERROR, "set is not implemented yet")
}

/// `SET_UPDATE`.
pub fn set_update(_set: &Value, _items: &Value) -> PyResult<()> {
    err(&SYSTEM_ERROR, "set is not implemented yet")
}
