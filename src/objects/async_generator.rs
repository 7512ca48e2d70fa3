//! `async_generator` (what calling an `async def` with `yield` returns) and the awaitables its
//! methods return: `async_generator_asend` (`__anext__()`, `asend(v)`) and
//! `async_generator_athrow` (`athrow(...)`, `aclose()`), plus `async_generator_wrapped_value`,
//! the box `yield` puts around a value so that the awaitable driving the generator can tell an
//! async yield from an `await` passing a value through to the event loop.
//!
//! The generator itself is a [`Generator`] payload of kind [`GenKind::AsyncGenerator`]; the
//! awaitables' state machines are in [`crate::vm::async_gen`].

use std::cell::Cell;

use crate::abi::{ObjHeader, Value};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::generator::{
    generator_dealloc, generator_repr, this, GenKind, GenState, Generator, GENERATOR_TYPE,
    NAME_GETSET, QUALNAME_GETSET,
};
use crate::objects::tuple::new_tuple;
use crate::objects::{
    alloc, dealloc_obj, GetSetDef, MethodDef, MethodKind, PyPayload, PyResult, TypeObject,
};
use crate::vm::async_gen as vmag;
use crate::vm::generator as vmgen;

/// The async generator payload of `v` when it is one.
pub fn as_async_gen(v: &Value) -> Option<&Generator> {
    v.downcast_ref::<Generator>()
        .filter(|g| g.kind == GenKind::AsyncGenerator)
}

/// Where an `asend`/`athrow` awaitable is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwaitableState {
    /// Not iterated yet.
    Init,
    /// Being iterated.
    Iter,
    /// Finished (or closed): it cannot be awaited again.
    Closed,
}

/// Payload of `async_generator_asend`.
pub struct ASend {
    /// The async generator.
    pub gen: Value,
    /// The value to send (NULL for `__anext__()`, as `asend(None)`).
    pub sendval: Value,
    pub state: Cell<AwaitableState>,
}

impl PyPayload for ASend {
    fn type_object() -> *const TypeObject {
        &ASEND_TYPE
    }
}

/// Payload of `async_generator_athrow`.
pub struct AThrow {
    /// The async generator.
    pub gen: Value,
    /// The `athrow()` arguments as a tuple; NULL for `aclose()`.
    pub args: Value,
    pub state: Cell<AwaitableState>,
}

impl PyPayload for AThrow {
    fn type_object() -> *const TypeObject {
        &ATHROW_TYPE
    }
}

/// Payload of `async_generator_wrapped_value`.
pub struct WrappedValue {
    pub val: Value,
}

impl PyPayload for WrappedValue {
    fn type_object() -> *const TypeObject {
        &WRAPPED_VALUE_TYPE
    }
}

/// `CALL_INTRINSIC_1` 4 (`INTRINSIC_ASYNC_GEN_WRAP`): boxes a value an async generator yields.
pub fn wrap_value(val: Value) -> Value {
    alloc(&WRAPPED_VALUE_TYPE, WrappedValue { val })
}

/// The yielded value inside `v` when it is a wrapped value.
pub fn unwrap_value(v: &Value) -> Option<Value> {
    if v.is_obj() && std::ptr::eq(v.ty(), &WRAPPED_VALUE_TYPE) {
        return v.downcast_ref::<WrappedValue>().map(|w| w.val.clone());
    }
    None
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

fn one_arg(name: &str, v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.{}() takes exactly one argument ({} given)",
                v.type_name(),
                name,
                args.len()
            ),
        );
    }
    Ok(args[0].clone())
}

fn ag_anext(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("__anext__", v, args)?;
    vmag::anext(v)
}

fn ag_asend(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg("asend", v, args, kw)?;
    vmag::init_hooks(v, this(v))?;
    Ok(new_asend(v.clone(), x))
}

fn ag_athrow(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            "async_generator.athrow() takes no keyword arguments",
        );
    }
    if args.len() > 1 {
        vmgen::warn_throw_signature("athrow");
    }
    vmag::init_hooks(v, this(v))?;
    Ok(new_athrow(v.clone(), new_tuple(args.to_vec())))
}

fn ag_aclose(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("aclose", v, args)?;
    vmag::init_hooks(v, this(v))?;
    Ok(new_athrow(v.clone(), Value::NULL))
}

/// A new `asend` awaitable on `gen` (`sendval` NULL for `__anext__()`).
pub fn new_asend(gen: Value, sendval: Value) -> Value {
    alloc(
        &ASEND_TYPE,
        ASend {
            gen,
            sendval,
            state: Cell::new(AwaitableState::Init),
        },
    )
}

/// A new `athrow` awaitable on `gen` (`args` NULL for `aclose()`).
pub fn new_athrow(gen: Value, args: Value) -> Value {
    alloc(
        &ATHROW_TYPE,
        AThrow {
            gen,
            args,
            state: Cell::new(AwaitableState::Init),
        },
    )
}

static ASYNC_GENERATOR_METHODS: &[MethodDef] = &[
    crate::objects::generic_alias::CLASS_GETITEM,
    MethodDef {
        name: "asend",
        func: ag_asend,
        kind: MethodKind::Instance,
        doc: "asend(v) -> send 'v' in generator.",
    },
    MethodDef {
        name: "athrow",
        func: ag_athrow,
        kind: MethodKind::Instance,
        doc: "athrow(value)\nathrow(type[,value[,tb]])\n\nraise exception in generator.",
    },
    MethodDef {
        name: "aclose",
        func: ag_aclose,
        kind: MethodKind::Instance,
        doc: "aclose() -> raise GeneratorExit inside generator.",
    },
    MethodDef {
        name: "__aiter__",
        func: |v, a, _k| {
            no_args("__aiter__", v, a)?;
            Ok(v.clone())
        },
        kind: MethodKind::Instance,
        doc: "Return an awaitable, that resolves in asynchronous iterator.",
    },
    MethodDef {
        name: "__anext__",
        func: ag_anext,
        kind: MethodKind::Instance,
        doc: "Return a value or raise StopAsyncIteration.",
    },
];

static ASYNC_GENERATOR_GETSETS: &[GetSetDef] = &[
    NAME_GETSET,
    QUALNAME_GETSET,
    GetSetDef {
        name: "ag_await",
        get: |v| Ok(vmgen::yield_from_target(this(v)).unwrap_or(Value::NONE)),
        set: None,
    },
    GetSetDef {
        name: "ag_running",
        get: |v| Ok(Value::bool(this(v).ag_running_async.get())),
        set: None,
    },
    GetSetDef {
        name: "ag_suspended",
        get: |v| Ok(Value::bool(this(v).state.get() == GenState::Suspended)),
        set: None,
    },
    GetSetDef {
        // Frame objects are not modelled: always None.
        name: "ag_frame",
        get: |_| Ok(Value::NONE),
        set: None,
    },
    GetSetDef {
        name: "ag_code",
        get: |v| Ok(this(v).code.clone()),
        set: None,
    },
];

/// The `async_generator` type.
pub static ASYNC_GENERATOR_TYPE: TypeObject = TypeObject {
    name: "async_generator",
    layout: &GENERATOR_TYPE,
    // `generator_dealloc` clears weak references.
    flags: crate::objects::flags::WEAKREFABLE,
    dealloc: generator_dealloc,
    repr: Some(generator_repr),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    methods: ASYNC_GENERATOR_METHODS,
    getsets: ASYNC_GENERATOR_GETSETS,
    ..TypeObject::EMPTY
};

fn asend_of(v: &Value) -> &ASend {
    v.downcast_ref::<ASend>().unwrap()
}

fn athrow_of(v: &Value) -> &AThrow {
    v.downcast_ref::<AThrow>().unwrap()
}

static ASEND_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        func: |v, a, k| {
            let x = one_arg("send", v, a, k)?;
            vmag::result_value(vmag::asend_send(asend_of(v), x))
        },
        kind: MethodKind::Instance,
        doc: "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.",
    },
    MethodDef {
        name: "throw",
        func: |v, a, k| {
            let (typ, val, tb) = vmag::throw_args("throw", a, k)?;
            vmag::result_value(vmag::asend_throw(asend_of(v), &typ, &val, &tb))
        },
        kind: MethodKind::Instance,
        doc: "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.",
    },
    MethodDef {
        name: "close",
        func: |v, a, _k| {
            no_args("close", v, a)?;
            asend_of(v).state.set(AwaitableState::Closed);
            Ok(Value::NONE)
        },
        kind: MethodKind::Instance,
        doc: "close() -> raise GeneratorExit inside generator.",
    },
    MethodDef {
        name: "__next__",
        func: |v, a, _k| {
            no_args("__next__", v, a)?;
            vmag::result_value(vmag::asend_send(asend_of(v), Value::NONE))
        },
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

/// The `async_generator_asend` type.
pub static ASEND_TYPE: TypeObject = TypeObject {
    name: "async_generator_asend",
    layout: &ASEND_TYPE,
    dealloc: dealloc_obj::<ASend> as unsafe fn(*mut ObjHeader),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    iter: Some(|v| Ok(v.clone())),
    next: Some(|v| vmag::result_next(vmag::asend_send(asend_of(v), Value::NONE))),
    methods: ASEND_METHODS,
    ..TypeObject::EMPTY
};

static ATHROW_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        func: |v, a, k| {
            let x = one_arg("send", v, a, k)?;
            vmag::result_value(vmag::athrow_send(athrow_of(v), x))
        },
        kind: MethodKind::Instance,
        doc: "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.",
    },
    MethodDef {
        name: "throw",
        func: |v, a, k| {
            let (typ, val, tb) = vmag::throw_args("throw", a, k)?;
            vmag::result_value(vmag::athrow_throw(athrow_of(v), &typ, &val, &tb))
        },
        kind: MethodKind::Instance,
        doc: "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.",
    },
    MethodDef {
        name: "close",
        func: |v, a, _k| {
            no_args("close", v, a)?;
            athrow_of(v).state.set(AwaitableState::Closed);
            Ok(Value::NONE)
        },
        kind: MethodKind::Instance,
        doc: "close() -> raise GeneratorExit inside generator.",
    },
    MethodDef {
        name: "__next__",
        func: |v, a, _k| {
            no_args("__next__", v, a)?;
            vmag::result_value(vmag::athrow_send(athrow_of(v), Value::NONE))
        },
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

/// The `async_generator_athrow` type.
pub static ATHROW_TYPE: TypeObject = TypeObject {
    name: "async_generator_athrow",
    layout: &ATHROW_TYPE,
    dealloc: dealloc_obj::<AThrow> as unsafe fn(*mut ObjHeader),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    iter: Some(|v| Ok(v.clone())),
    next: Some(|v| vmag::result_next(vmag::athrow_send(athrow_of(v), Value::NONE))),
    methods: ATHROW_METHODS,
    ..TypeObject::EMPTY
};

/// The `asyncgen_hooks` type of `sys.get_asyncgen_hooks()`: a `(firstiter, finalizer)` tuple
/// with those names as attributes (a struct sequence in CPython).
pub static ASYNCGEN_HOOKS_TYPE: TypeObject = TypeObject {
    name: "asyncgen_hooks",
    base: &crate::objects::tuple::TUPLE_TYPE,
    layout: &crate::objects::tuple::TUPLE_TYPE,
    dealloc: dealloc_obj::<crate::objects::tuple::Tuple> as unsafe fn(*mut ObjHeader),
    repr: Some(|v| {
        let items = crate::objects::tuple::tuple_items(v);
        Ok(crate::objects::str::from_string(format!(
            "asyncgen_hooks(firstiter={}, finalizer={})",
            crate::ops::object::repr_string(&items[0])?,
            crate::ops::object::repr_string(&items[1])?
        )))
    }),
    hash: Some(|v| (crate::objects::tuple::TUPLE_TYPE.hash.unwrap())(v)),
    richcompare: Some(|a, b, op| {
        (crate::objects::tuple::TUPLE_TYPE.richcompare.unwrap())(a, b, op)
    }),
    len: Some(|v| Ok(crate::objects::tuple::tuple_items(v).len())),
    getitem: Some(|v, k| (crate::objects::tuple::TUPLE_TYPE.getitem.unwrap())(v, k)),
    contains: Some(|v, k| (crate::objects::tuple::TUPLE_TYPE.contains.unwrap())(v, k)),
    iter: Some(|v| Ok(crate::objects::iterators::new_seq_iter(v.clone()))),
    getsets: &[
        GetSetDef {
            name: "firstiter",
            get: |v| Ok(crate::objects::tuple::tuple_items(v)[0].clone()),
            set: None,
        },
        GetSetDef {
            name: "finalizer",
            get: |v| Ok(crate::objects::tuple::tuple_items(v)[1].clone()),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};

/// A new `asyncgen_hooks` value.
pub fn new_asyncgen_hooks(firstiter: Value, finalizer: Value) -> Value {
    alloc(
        &ASYNCGEN_HOOKS_TYPE,
        crate::objects::tuple::Tuple::new(vec![firstiter, finalizer]),
    )
}

/// The `async_generator_wrapped_value` type (never seen by Python code).
pub static WRAPPED_VALUE_TYPE: TypeObject = TypeObject {
    name: "async_generator_wrapped_value",
    layout: &WRAPPED_VALUE_TYPE,
    dealloc: dealloc_obj::<WrappedValue> as unsafe fn(*mut ObjHeader),
    ..TypeObject::EMPTY
};
