//! Functions implemented in Rust: `builtin_function_or_method` (free functions and methods bound
//! to their `self`), `method_descriptor` (a built-in type's method, unbound) and
//! `getset_descriptor` (a computed attribute).

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::{from_string, new_str};
use crate::objects::{
    alloc, dealloc_obj, GetSetDef, MethodDef, MethodFn, MethodKind, PyPayload, PyResult, TypeObject,
};

/// Payload of a built-in function: its Rust body and the `self` it is bound to (NULL for a free
/// function; the module for module-level functions is not passed).
pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: MethodFn,
    pub self_: Value,
}

impl PyPayload for BuiltinFunction {
    fn type_object() -> *const TypeObject {
        &BUILTIN_FUNCTION_TYPE
    }
}

/// A free built-in function (`len`, `math.sqrt`): called with `self` = NULL.
pub fn new_builtin(name: &'static str, func: MethodFn) -> Value {
    alloc(
        &BUILTIN_FUNCTION_TYPE,
        BuiltinFunction {
            name,
            func,
            self_: Value::NULL,
        },
    )
}

/// A built-in method bound to `self_` (`[].append`).
pub fn new_bound_builtin(name: &'static str, func: MethodFn, self_: Value) -> Value {
    alloc(
        &BUILTIN_FUNCTION_TYPE,
        BuiltinFunction { name, func, self_ },
    )
}

fn bf(v: &Value) -> &BuiltinFunction {
    v.downcast_ref::<BuiltinFunction>().unwrap()
}

/// The `builtin_function_or_method` type.
pub static BUILTIN_FUNCTION_TYPE: TypeObject = TypeObject {
    name: "builtin_function_or_method",
    layout: &BUILTIN_FUNCTION_TYPE,
    dealloc: dealloc_obj::<BuiltinFunction>,
    repr: Some(|v| {
        let f = bf(v);
        if f.self_.is_null() {
            return Ok(from_string(format!("<built-in function {}>", f.name)));
        }
        if crate::ops::object::as_type(&f.self_).is_some() {
            return Ok(from_string(format!(
                "<built-in method {} of type object at {:#x}>",
                f.name, f.self_.payload
            )));
        }
        Ok(from_string(format!(
            "<built-in method {} of {} object at {:#x}>",
            f.name,
            f.self_.type_name(),
            f.self_.payload
        )))
    }),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    call: Some(|v, args, kw| {
        let f = bf(v);
        (f.func)(&f.self_, args, kw)
    }),
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| Ok(new_str(bf(v).name)),
            set: None,
        },
        GetSetDef {
            name: "__qualname__",
            get: |v| Ok(new_str(bf(v).name)),
            set: None,
        },
        GetSetDef {
            name: "__self__",
            get: |v| {
                Ok(if bf(v).self_.is_null() {
                    Value::NONE
                } else {
                    bf(v).self_.clone()
                })
            },
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};

/// Payload of a method descriptor: the type it belongs to and the method.
pub struct MethodDescr {
    pub ty: &'static TypeObject,
    pub def: &'static MethodDef,
}

impl PyPayload for MethodDescr {
    fn type_object() -> *const TypeObject {
        &METHOD_DESCRIPTOR_TYPE
    }
}

/// A descriptor for method `def` of type `ty`.
pub fn new_method_descr(ty: &'static TypeObject, def: &'static MethodDef) -> Value {
    alloc(&METHOD_DESCRIPTOR_TYPE, MethodDescr { ty, def })
}

fn md(v: &Value) -> &MethodDescr {
    v.downcast_ref::<MethodDescr>().unwrap()
}

/// Calls a method descriptor with `self` as the first argument, checking its type.
pub fn call_method_descr(d: &MethodDescr, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    match d.def.kind {
        MethodKind::Static => (d.def.func)(&Value::NONE, args, kwnames),
        MethodKind::Class => (d.def.func)(&d.ty.to_value(), args, kwnames),
        MethodKind::Instance => {
            let npos = args.len() - kwnames.len();
            if npos == 0 {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "unbound method {}.{}() needs an argument",
                        d.ty.name, d.def.name
                    ),
                );
            }
            if !args[0].ty().is_subtype(d.ty) {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        d.def.name,
                        d.ty.name,
                        args[0].type_name()
                    ),
                );
            }
            (d.def.func)(&args[0], &args[1..], kwnames)
        }
    }
}

/// The `method_descriptor` type.
pub static METHOD_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    name: "method_descriptor",
    layout: &METHOD_DESCRIPTOR_TYPE,
    dealloc: dealloc_obj::<MethodDescr>,
    repr: Some(|v| {
        let d = md(v);
        Ok(from_string(format!(
            "<method '{}' of '{}' objects>",
            d.def.name, d.ty.name
        )))
    }),
    call: Some(|v, args, kw| call_method_descr(md(v), args, kw)),
    descr_get: Some(|v, obj, ty| {
        let d = md(v);
        match d.def.kind {
            MethodKind::Static => Ok(new_bound_builtin(d.def.name, d.def.func, Value::NONE)),
            // SAFETY: `ty` is a live type.
            MethodKind::Class => Ok(new_bound_builtin(d.def.name, d.def.func, unsafe {
                (*ty).to_value()
            })),
            MethodKind::Instance => match obj {
                Some(o) => Ok(new_bound_builtin(d.def.name, d.def.func, o.clone())),
                None => Ok(v.clone()),
            },
        }
    }),
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| Ok(new_str(md(v).def.name)),
            set: None,
        },
        GetSetDef {
            name: "__doc__",
            get: |v| Ok(new_str(md(v).def.doc)),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};

/// Payload of a getset descriptor.
pub struct GetSetDescr {
    pub ty: &'static TypeObject,
    pub def: &'static GetSetDef,
}

impl PyPayload for GetSetDescr {
    fn type_object() -> *const TypeObject {
        &GETSET_DESCRIPTOR_TYPE
    }
}

/// A descriptor for computed attribute `def` of type `ty`.
pub fn new_getset_descr(ty: &'static TypeObject, def: &'static GetSetDef) -> Value {
    alloc(&GETSET_DESCRIPTOR_TYPE, GetSetDescr { ty, def })
}

/// The `getset_descriptor` type.
pub static GETSET_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    name: "getset_descriptor",
    layout: &GETSET_DESCRIPTOR_TYPE,
    dealloc: dealloc_obj::<GetSetDescr>,
    repr: Some(|v| {
        let d = v.downcast_ref::<GetSetDescr>().unwrap();
        Ok(from_string(format!(
            "<attribute '{}' of '{}' objects>",
            d.def.name, d.ty.name
        )))
    }),
    descr_get: Some(|v, obj, _ty| {
        let d = v.downcast_ref::<GetSetDescr>().unwrap();
        match obj {
            Some(o) => (d.def.get)(o),
            None => Ok(v.clone()),
        }
    }),
    ..TypeObject::EMPTY
};
