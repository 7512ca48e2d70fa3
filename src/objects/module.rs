//! `module`: a namespace with a dict (`__name__`, globals of its code).

use crate::abi::Value;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::{alloc, dealloc_obj, PyPayload, PyResult, TypeObject};

/// Payload: the module dict.
pub struct Module {
    pub dict: Value,
}

impl PyPayload for Module {
    fn type_object() -> *const TypeObject {
        &MODULE_TYPE
    }
}

impl Module {
    /// The module dict payload.
    pub fn dict(&self) -> &Dict {
        self.dict.downcast_ref::<Dict>().unwrap()
    }
    /// `__name__`.
    pub fn name(&self) -> String {
        self.dict()
            .get_str(&new_str("__name__"))
            .and_then(|n| as_str(&n).map(|s| s.to_string()))
            .unwrap_or_else(|| "?".into())
    }
    /// Sets an attribute.
    pub fn set(&self, name: &str, v: Value) {
        let _ = self.dict().set_item(new_str(name), v);
    }
}

/// A new module named `name` with an empty dict (holding `__name__`).
pub fn new_module(name: &str) -> Value {
    let d = new_dict();
    let m = alloc(&MODULE_TYPE, Module { dict: d });
    let mm = m.downcast_ref::<Module>().unwrap();
    mm.set("__name__", new_str(name));
    mm.set("__doc__", Value::NONE);
    m
}

/// A module around an existing globals dict.
pub fn module_from_dict(d: Value) -> Value {
    alloc(&MODULE_TYPE, Module { dict: d })
}

fn this(v: &Value) -> &Module {
    v.downcast_ref::<Module>().unwrap()
}

fn module_getattr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Some(x) = this(v).dict().get_item(name)? {
        return Ok(Some(x));
    }
    if let Some(s) = as_str(name) {
        if &*s == "__dict__" {
            return Ok(Some(this(v).dict.clone()));
        }
    }
    crate::ops::object::generic_getattr(v, name)
}

/// The `module` type.
pub static MODULE_TYPE: TypeObject = TypeObject {
    name: "module",
    layout: &MODULE_TYPE,
    dealloc: dealloc_obj::<Module>,
    repr: Some(|v| Ok(from_string(format!("<module '{}'>", this(v).name())))),
    getattr: Some(module_getattr),
    setattr: Some(|v, name, x| match x {
        Some(x) => this(v).dict().set_item(name.clone(), x),
        None => match this(v).dict().del_item(name)? {
            Some(_) => Ok(()),
            None => Err(crate::ops::object::attribute_error(v, name)),
        },
    }),
    ..TypeObject::EMPTY
};
