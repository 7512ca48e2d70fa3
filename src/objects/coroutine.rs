//! `coroutine`: what calling an `async def` function (without `yield`) returns, and
//! `coroutine_wrapper`, the iterator its `__await__()` returns.
//!
//! A coroutine is a [`Generator`] payload of kind [`GenKind::Coroutine`]: it runs on the
//! generator machinery ([`crate::vm::generator`]), but it is not iterable; `await` drives it
//! with `SEND` (see [`crate::vm::coroutine`] for the awaitable protocol).

use crate::abi::{ObjHeader, Value};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::generator::{
    generator_dealloc, generator_repr, m_close, m_send, m_throw, this, GenKind, GenState,
    Generator, GENERATOR_TYPE, NAME_GETSET, QUALNAME_GETSET,
};
use crate::objects::{
    alloc, dealloc_obj, GetSetDef, MethodDef, MethodKind, PyPayload, PyResult, TypeObject,
};
use crate::vm::generator as vmgen;

/// Whether `v` is a coroutine for `await` (CPython's `PyCoro_CheckExact || gen_is_coroutine`):
/// a coroutine object, or a generator whose code has `CO_ITERABLE_COROUTINE`
/// (`@types.coroutine`).
pub fn is_coroutine(v: &Value) -> bool {
    if !v.is_obj() {
        return false;
    }
    let ty = v.ty();
    if std::ptr::eq(ty, &COROUTINE_TYPE) {
        return true;
    }
    std::ptr::eq(ty, &GENERATOR_TYPE)
        && this(v).code().flags & crate::objects::code::co_flags::ITERABLE_COROUTINE != 0
}

/// The coroutine payload of `v` when it is exactly a coroutine object.
pub fn as_coroutine(v: &Value) -> Option<&Generator> {
    v.downcast_ref::<Generator>()
        .filter(|g| g.kind == GenKind::Coroutine)
}

/// `coro.__await__()`: a `coroutine_wrapper` iterating the coroutine.
fn m_await(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("__await__", v, args)?;
    Ok(alloc(&CORO_WRAPPER_TYPE, CoroWrapper { coro: v.clone() }))
}

fn no_args(name: &str, v: &Value, args: &[Value]) -> PyResult<()> {
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.{}() takes no arguments ({} given)",
                v.type_name(),
                name,
                args.len()
            ),
        );
    }
    Ok(())
}

static COROUTINE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        func: m_send,
        kind: MethodKind::Instance,
        doc: "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration.",
    },
    MethodDef {
        name: "throw",
        func: m_throw,
        kind: MethodKind::Instance,
        doc: "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration.",
    },
    MethodDef {
        name: "close",
        func: m_close,
        kind: MethodKind::Instance,
        doc: "close() -> raise GeneratorExit inside coroutine.",
    },
    MethodDef {
        name: "__await__",
        func: m_await,
        kind: MethodKind::Instance,
        doc: "Return an iterator to be used in await expression.",
    },
];

static COROUTINE_GETSETS: &[GetSetDef] = &[
    NAME_GETSET,
    QUALNAME_GETSET,
    GetSetDef {
        name: "cr_await",
        get: |v| Ok(vmgen::yield_from_target(this(v)).unwrap_or(Value::NONE)),
        set: None,
    },
    GetSetDef {
        name: "cr_running",
        get: |v| Ok(Value::bool(this(v).state.get() == GenState::Running)),
        set: None,
    },
    GetSetDef {
        name: "cr_suspended",
        get: |v| Ok(Value::bool(this(v).state.get() == GenState::Suspended)),
        set: None,
    },
    GetSetDef {
        // Frame objects are not modelled: always None.
        name: "cr_frame",
        get: |_| Ok(Value::NONE),
        set: None,
    },
    GetSetDef {
        name: "cr_code",
        get: |v| Ok(this(v).code.clone()),
        set: None,
    },
    GetSetDef {
        // Origin tracking (`sys.set_coroutine_origin_tracking_depth`) is off: always None.
        name: "cr_origin",
        get: |_| Ok(Value::NONE),
        set: None,
    },
];

/// The `coroutine` type.
pub static COROUTINE_TYPE: TypeObject = TypeObject {
    name: "coroutine",
    layout: &GENERATOR_TYPE,
    dealloc: generator_dealloc,
    repr: Some(generator_repr),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    methods: COROUTINE_METHODS,
    getsets: COROUTINE_GETSETS,
    ..TypeObject::EMPTY
};

/// Payload of a `coroutine_wrapper`: the coroutine it iterates.
pub struct CoroWrapper {
    pub coro: Value,
}

impl PyPayload for CoroWrapper {
    fn type_object() -> *const TypeObject {
        &CORO_WRAPPER_TYPE
    }
}

fn wrapped(v: &Value) -> &Value {
    &v.downcast_ref::<CoroWrapper>().unwrap().coro
}

fn w_send(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "coroutine_wrapper.send() takes exactly one argument ({} given)",
                args.len()
            ),
        );
    }
    m_send(wrapped(v), args, kw)
}

fn w_throw(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    m_throw(wrapped(v), args, kw)
}

fn w_close(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("close", v, args)?;
    let c = wrapped(v);
    vmgen::close(c, this(c))
}

fn w_next(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("__next__", v, args)?;
    let c = wrapped(v);
    vmgen::send_method(c, this(c), Value::NONE)
}

static CORO_WRAPPER_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        func: w_send,
        kind: MethodKind::Instance,
        doc: "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration.",
    },
    MethodDef {
        name: "throw",
        func: w_throw,
        kind: MethodKind::Instance,
        doc: "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration.",
    },
    MethodDef {
        name: "close",
        func: w_close,
        kind: MethodKind::Instance,
        doc: "close() -> raise GeneratorExit inside coroutine.",
    },
    MethodDef {
        name: "__next__",
        func: w_next,
        kind: MethodKind::Instance,
        doc: "Implement next(self).",
    },
    MethodDef {
        name: "__iter__",
        func: |v, _a, _k| Ok(v.clone()),
        kind: MethodKind::Instance,
        doc: "Implement iter(self).",
    },
];

/// The `coroutine_wrapper` type (`coro.__await__()`).
pub static CORO_WRAPPER_TYPE: TypeObject = TypeObject {
    name: "coroutine_wrapper",
    layout: &CORO_WRAPPER_TYPE,
    dealloc: dealloc_obj::<CoroWrapper> as unsafe fn(*mut ObjHeader),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    iter: Some(|v| Ok(v.clone())),
    next: Some(|v| {
        let c = wrapped(v);
        vmgen::next_slot(c, this(c))
    }),
    methods: CORO_WRAPPER_METHODS,
    doc: "A wrapper object implementing __await__ for coroutines.",
    ..TypeObject::EMPTY
};
