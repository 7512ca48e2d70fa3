//! `module`: a namespace with a dict (`__name__`, globals of its code).

use crate::abi::Value;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::{alloc, dealloc_weakrefable, flags, PyPayload, PyResult, TypeObject};

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
    if let Some(x) = crate::ops::object::generic_getattr(v, name)? {
        return Ok(Some(x));
    }
    // PEP 562: a module-level `__getattr__(name)` supplies missing attributes.
    if let Some(hook) = this(v).dict().get_str(&new_str("__getattr__")) {
        return crate::vm::call::call(&hook, std::slice::from_ref(name), &[]).map(Some);
    }
    Ok(None)
}

/// `repr(module)`: `<module 'name' from 'file'>`, `<module 'name' (built-in)>` for native
/// modules, or `<module 'name'>`.
fn module_repr(v: &Value) -> PyResult<Value> {
    let m = this(v);
    let name = m.name();
    let file = m.dict().get_str(&new_str("__file__"));
    if let Some(f) = file.as_ref().and_then(|f| as_str(f).map(|s| s.to_string())) {
        let r = crate::ops::object::repr_string(&new_str(&f))?;
        return Ok(from_string(format!("<module '{}' from {}>", name, r)));
    }
    // Native modules are the ones no Python code ran in: no `__file__`, `__path__` or
    // `__builtins__`.
    let d = m.dict();
    if file.is_none()
        && d.get_str(&new_str("__path__")).is_none()
        && d.get_str(&new_str("__builtins__")).is_none()
    {
        return Ok(from_string(format!("<module '{}' (built-in)>", name)));
    }
    Ok(from_string(format!("<module '{}'>", name)))
}

/// The `module` type.
pub static MODULE_TYPE: TypeObject = TypeObject {
    name: "module",
    layout: &MODULE_TYPE,
    flags: flags::WEAKREFABLE,
    dealloc: dealloc_weakrefable::<Module>,
    repr: Some(module_repr),
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
