//! `anext_awaitable`: what `anext(it, default)` returns. Awaiting it awaits `it.__anext__()`,
//! except that the StopAsyncIteration ending the iteration gives `default` instead.
//! Its steps are in [`crate::vm::async_gen`].

use crate::abi::{ObjHeader, Value};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::{alloc, dealloc_obj, MethodDef, MethodKind, PyPayload, TypeObject};
use crate::vm::async_gen as vmag;

/// Payload of an `anext_awaitable`.
pub struct AnextAwaitable {
    /// What `__anext__()` returned.
    pub wrapped: Value,
    /// The value for the end of the iteration.
    pub default: Value,
}

impl PyPayload for AnextAwaitable {
    fn type_object() -> *const TypeObject {
        &ANEXT_AWAITABLE_TYPE
    }
}

/// A new `anext_awaitable` over `wrapped`.
pub fn new_anext_awaitable(wrapped: Value, default: Value) -> Value {
    alloc(&ANEXT_AWAITABLE_TYPE, AnextAwaitable { wrapped, default })
}

fn this(v: &Value) -> &AnextAwaitable {
    v.downcast_ref::<AnextAwaitable>().unwrap()
}

static ANEXT_AWAITABLE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        func: |v, a, k| {
            if !k.is_empty() || a.len() != 1 {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "anext_awaitable.send() takes exactly one argument ({} given)",
                        a.len()
                    ),
                );
            }
            vmag::result_value(vmag::anext_awaitable_send_method(this(v), a[0].clone()))
        },
        kind: MethodKind::Instance,
        doc: "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration.",
    },
    MethodDef {
        name: "throw",
        func: |v, a, k| {
            if !k.is_empty() {
                return err(&TYPE_ERROR, "throw() takes no keyword arguments");
            }
            vmag::result_value(vmag::anext_awaitable_throw(this(v), a))
        },
        kind: MethodKind::Instance,
        doc: "throw(value)\nthrow(typ[,val[,tb]])\n\nraise exception in the wrapped iterator, return next yielded value\nor raise StopIteration.",
    },
    MethodDef {
        name: "close",
        func: |v, a, _k| {
            if !a.is_empty() {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "anext_awaitable.close() takes no arguments ({} given)",
                        a.len()
                    ),
                );
            }
            vmag::result_value(vmag::anext_awaitable_close(this(v)))
        },
        kind: MethodKind::Instance,
        doc: "close() -> raise GeneratorExit inside generator.",
    },
    MethodDef {
        name: "__next__",
        func: |v, _a, _k| vmag::result_value(vmag::anext_awaitable_send(this(v), Value::NONE)),
        kind: MethodKind::Instance,
        doc: "Implement next(self).",
    },
    MethodDef {
        name: "__iter__",
        func: |v, _a, _k| Ok(v.clone()),
        kind: MethodKind::Instance,
        doc: "Implement iter(self).",
    },
    MethodDef {
        name: "__await__",
        func: |v, _a, _k| Ok(v.clone()),
        kind: MethodKind::Instance,
        doc: "Return an iterator to be used in await expression.",
    },
];

/// The `anext_awaitable` type.
pub static ANEXT_AWAITABLE_TYPE: TypeObject = TypeObject {
    name: "anext_awaitable",
    layout: &ANEXT_AWAITABLE_TYPE,
    dealloc: dealloc_obj::<AnextAwaitable> as unsafe fn(*mut ObjHeader),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    iter: Some(|v| Ok(v.clone())),
    next: Some(|v| vmag::result_next(vmag::anext_awaitable_send(this(v), Value::NONE))),
    methods: ANEXT_AWAITABLE_METHODS,
    ..TypeObject::EMPTY
};
