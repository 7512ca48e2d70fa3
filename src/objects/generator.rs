//! `generator`: the object a generator function's call returns.
//!
//! A generator owns its suspended frame: the function (which keeps code, globals and builtins
//! alive), the saved `ip`/`lasti`, and a heap copy of the frame's values (localsplus then the
//! value stack). While it runs, those values live in the thread's frame arena instead, and the
//! heap copy holds only NULLs; see [`crate::vm::generator`] for how a frame moves in and out.
//! It also keeps its own handled exception (`gi_exc_state` in CPython), swapped in while it runs.
//!
//! Coroutines (`async def`) and async generators share this payload (as CPython's
//! `PyCoroObject`/`PyAsyncGenObject` share `PyGenObject`'s layout): their types,
//! [`crate::objects::coroutine::COROUTINE_TYPE`] and
//! [`crate::objects::async_generator::ASYNC_GENERATOR_TYPE`], name `generator` as their layout, so
//! `downcast_ref::<Generator>()` accepts all three; [`Generator::kind`] tells them apart.

use std::cell::{Cell, UnsafeCell};

use crate::abi::{ObjHeader, Value};
use crate::objects::code::{co_flags, Code};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::function::Function;
use crate::objects::str::{from_string, is_str};
use crate::objects::{
    alloc, GetSetDef, MethodDef, MethodKind, Obj, PyPayload, PyResult, TypeObject,
};
use crate::vm::generator as vmgen;

/// Where a generator is in its life (CPython's `gi_frame_state`, coarsened).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    /// Created by `RETURN_GENERATOR`, never resumed.
    Created,
    /// Stopped at a `YIELD_VALUE`.
    Suspended,
    /// Its frame is on the frame stack.
    Running,
    /// Returned or raised (or closed): its values are gone; it stays exhausted.
    Completed,
}

/// Which of the three frame-owning objects a [`Generator`] payload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    /// A plain generator (also a `@types.coroutine` one: its code has `CO_ITERABLE_COROUTINE`).
    Generator,
    /// A coroutine (`async def` without `yield`).
    Coroutine,
    /// An async generator (`async def` with `yield`).
    AsyncGenerator,
}

impl GenKind {
    /// How messages name it: "generator", "coroutine", "async generator".
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// Payload of a generator (or coroutine, or async generator).
pub struct Generator {
    /// The generator function.
    pub func: Value,
    /// The code object the frame runs (the function's `__code__` when the generator was made;
    /// it may be replaced later without affecting the generator).
    pub code: Value,
    /// Generator, coroutine or async generator.
    pub kind: GenKind,
    /// `__name__`.
    pub name: UnsafeCell<Value>,
    /// `__qualname__`.
    pub qualname: UnsafeCell<Value>,
    /// Life-cycle state.
    pub state: Cell<GenState>,
    /// Saved instruction pointer (the next instruction to run on resume).
    pub ip: Cell<usize>,
    /// Saved index of the last instruction run (`YIELD_VALUE`, or `RETURN_GENERATOR`).
    pub lasti: Cell<usize>,
    /// The frame's values while suspended: `[0, nlive)` are owned (localsplus, then the
    /// stack), the rest NULL. Sized `nlocalsplus + stacksize`.
    pub values: UnsafeCell<Box<[Value]>>,
    /// Number of live values in `values` (localsplus plus the stack depth).
    pub nlive: Cell<usize>,
    /// The generator's own handled exception (NULL when none), swapped in while it runs.
    pub exc_state: UnsafeCell<Value>,
    /// While running: whether the resumer's handled exception was saved on the thread's chain
    /// (see [`crate::vm::thread::push_exc_info`]).
    pub exc_saved: Cell<bool>,
    /// While running inline (resumed by `FOR_ITER`/`SEND`): how far the resumer jumps past
    /// its next instruction when the generator returns (the instruction's oparg).
    pub return_offset: Cell<u32>,
    /// Async generators: `aclose()` ran or the generator finished (`ag_closed`).
    pub ag_closed: Cell<bool>,
    /// Async generators: an `asend`/`athrow` awaitable is driving it (`ag_running`).
    pub ag_running_async: Cell<bool>,
    /// Async generators: the first-iteration hook ran (`ag_hooks_inited`).
    pub ag_hooks_inited: Cell<bool>,
    /// Async generators: the finalizer hook captured at first iteration (NULL when none).
    pub ag_finalizer: UnsafeCell<Value>,
}

impl PyPayload for Generator {
    fn type_object() -> *const TypeObject {
        &GENERATOR_TYPE
    }
}

impl Generator {
    /// The function payload.
    pub fn function(&self) -> &Function {
        // SAFETY: `func` is always a function object.
        unsafe { self.func.payload_unchecked() }
    }

    /// The code payload of the generator's frame.
    #[inline(always)]
    pub fn code(&self) -> &Code {
        // SAFETY: `code` is always a code object.
        unsafe { self.code.payload_unchecked() }
    }

    /// Drops the saved values and the handled exception (the generator is done).
    pub fn clear(&self) {
        let n = self.nlive.replace(0);
        // SAFETY: single-threaded; no reference into `values` or `exc_state` is held across
        // this call; the values are taken out before they drop (a drop may re-enter).
        let (vals, exc) = unsafe {
            let v = &mut *self.values.get();
            let vals: Vec<Value> = v[..n].iter_mut().map(std::mem::take).collect();
            (vals, std::mem::take(&mut *self.exc_state.get()))
        };
        drop(vals);
        drop(exc);
    }
}

/// A new generator (a coroutine or an async generator, by the code's flags) for `func`
/// running `code`, owning the moved frame `values` (`nlive` of them live).
pub fn new_generator(
    func: Value,
    code: Value,
    ip: usize,
    lasti: usize,
    values: Box<[Value]>,
    nlive: usize,
) -> Value {
    let f = func.downcast_ref::<Function>().unwrap();
    let (name, qualname) = (f.name(), f.qualname());
    // SAFETY: callers pass a code object.
    let flags = unsafe { code.payload_unchecked::<Code>() }.flags;
    let (kind, ty): (GenKind, &'static TypeObject) = if flags & co_flags::COROUTINE != 0 {
        (
            GenKind::Coroutine,
            &crate::objects::coroutine::COROUTINE_TYPE,
        )
    } else if flags & co_flags::ASYNC_GENERATOR != 0 {
        (
            GenKind::AsyncGenerator,
            &crate::objects::async_generator::ASYNC_GENERATOR_TYPE,
        )
    } else {
        (GenKind::Generator, &GENERATOR_TYPE)
    };
    alloc(
        ty,
        Generator {
            func,
            code,
            kind,
            name: UnsafeCell::new(name),
            qualname: UnsafeCell::new(qualname),
            state: Cell::new(GenState::Created),
            ip: Cell::new(ip),
            lasti: Cell::new(lasti),
            values: UnsafeCell::new(values),
            nlive: Cell::new(nlive),
            exc_state: UnsafeCell::new(Value::NULL),
            exc_saved: Cell::new(false),
            return_offset: Cell::new(0),
            ag_closed: Cell::new(false),
            ag_running_async: Cell::new(false),
            ag_hooks_inited: Cell::new(false),
            ag_finalizer: UnsafeCell::new(Value::NULL),
        },
    )
}

/// The payload of a generator, coroutine or async generator value.
pub(crate) fn this(v: &Value) -> &Generator {
    v.downcast_ref::<Generator>().unwrap()
}

pub(crate) fn cell_get(c: &UnsafeCell<Value>) -> Value {
    // SAFETY: single-threaded; no borrow of the cell outlives this call.
    unsafe { (*c.get()).clone() }
}

pub(crate) fn cell_set(c: &UnsafeCell<Value>, v: Value) {
    // SAFETY: as above; the old value drops after the store.
    let _old = unsafe { std::mem::replace(&mut *c.get(), v) };
}

/// `repr(gen)`: `<generator object f at 0x...>` (`coroutine`, `async_generator` for the
/// others).
pub fn generator_repr(v: &Value) -> PyResult<Value> {
    Ok(from_string(format!(
        "<{} object {} at {:#x}>",
        v.type_name(),
        crate::ops::object::str_string(&cell_get(&this(v).qualname))?,
        v.payload
    )))
}

pub(crate) fn m_send(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.send() takes exactly one argument ({} given)",
                v.type_name(),
                args.len()
            ),
        );
    }
    vmgen::send_method(v, this(v), args[0].clone())
}

fn m_next(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!(
                "generator.__next__() takes no arguments ({} given)",
                args.len()
            ),
        );
    }
    vmgen::send_method(v, this(v), Value::NONE)
}

fn m_iter(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(v.clone())
}

pub(crate) fn m_throw(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "throw() takes no keyword arguments");
    }
    match args.len() {
        0 => err(&TYPE_ERROR, "throw expected at least 1 argument, got 0"),
        1..=3 => {
            if args.len() > 1 {
                vmgen::warn_throw_signature("throw");
            }
            let null = Value::NULL;
            vmgen::throw_method(
                v,
                this(v),
                &args[0],
                args.get(1).unwrap_or(&null),
                args.get(2).unwrap_or(&null),
            )
        }
        n => err(
            &TYPE_ERROR,
            format!("throw expected at most 3 arguments, got {}", n),
        ),
    }
}

pub(crate) fn m_close(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.close() takes no arguments ({} given)",
                v.type_name(),
                args.len()
            ),
        );
    }
    vmgen::close(v, this(v))
}

/// Frees a generator at its last reference: a generator suspended where closing it runs code
/// (inside `try`/`with`, or delegating with `yield from`) is closed first, like CPython's
/// `_PyGen_Finalize`; an error from that is printed as "Exception ignored in: ...". A coroutine
/// that never ran warns that it was never awaited; an async generator with a finalizer hook is
/// handed to it instead.
///
/// # Safety
/// `p` must be a generator, coroutine or async generator object with no references left.
pub(crate) unsafe fn generator_dealloc(p: *mut ObjHeader) {
    let obj = p as *mut Obj<Generator>;
    if vmgen::needs_finalizer(&(*obj).data) {
        // Resurrect for the duration of `close()`: the temporary value owns the new reference.
        (*p).refcnt.set(1);
        let v = std::mem::ManuallyDrop::new(Value::from_owned_ptr(p));
        vmgen::finalize(&v, &(*obj).data);
        let n = (*p).refcnt.get() - 1;
        (*p).refcnt.set(n);
        if n > 0 {
            // Something kept a reference during close(): it now owns the generator.
            return;
        }
    }
    drop(Box::from_raw(obj));
}

static GENERATOR_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        func: m_send,
        kind: MethodKind::Instance,
        doc: "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.",
    },
    MethodDef {
        name: "throw",
        func: m_throw,
        kind: MethodKind::Instance,
        doc: "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.",
    },
    MethodDef {
        name: "close",
        func: m_close,
        kind: MethodKind::Instance,
        doc: "close() -> raise GeneratorExit inside generator.",
    },
    MethodDef {
        name: "__next__",
        func: m_next,
        kind: MethodKind::Instance,
        doc: "Implement next(self).",
    },
    MethodDef {
        name: "__iter__",
        func: m_iter,
        kind: MethodKind::Instance,
        doc: "Implement iter(self).",
    },
];

/// `__name__` of generators, coroutines and async generators.
pub(crate) const NAME_GETSET: GetSetDef = GetSetDef {
    name: "__name__",
    get: |v| Ok(cell_get(&this(v).name)),
    set: Some(|v, x| match x {
        Some(s) if is_str(&s) => {
            cell_set(&this(v).name, s);
            Ok(())
        }
        _ => err(&TYPE_ERROR, "__name__ must be set to a string object"),
    }),
};

/// `__qualname__` of generators, coroutines and async generators.
pub(crate) const QUALNAME_GETSET: GetSetDef = GetSetDef {
    name: "__qualname__",
    get: |v| Ok(cell_get(&this(v).qualname)),
    set: Some(|v, x| match x {
        Some(s) if is_str(&s) => {
            cell_set(&this(v).qualname, s);
            Ok(())
        }
        _ => err(&TYPE_ERROR, "__qualname__ must be set to a string object"),
    }),
};

static GENERATOR_GETSETS: &[GetSetDef] = &[
    NAME_GETSET,
    QUALNAME_GETSET,
    GetSetDef {
        name: "gi_running",
        get: |v| Ok(Value::bool(this(v).state.get() == GenState::Running)),
        set: None,
    },
    GetSetDef {
        name: "gi_suspended",
        get: |v| Ok(Value::bool(this(v).state.get() == GenState::Suspended)),
        set: None,
    },
    GetSetDef {
        // Frame objects are not modelled: always None.
        name: "gi_frame",
        get: |_| Ok(Value::NONE),
        set: None,
    },
    GetSetDef {
        name: "gi_code",
        get: |v| Ok(this(v).code.clone()),
        set: None,
    },
    GetSetDef {
        name: "gi_yieldfrom",
        get: |v| Ok(vmgen::yield_from_target(this(v)).unwrap_or(Value::NONE)),
        set: None,
    },
];

/// The `generator` type.
pub static GENERATOR_TYPE: TypeObject = TypeObject {
    name: "generator",
    layout: &GENERATOR_TYPE,
    dealloc: generator_dealloc,
    repr: Some(generator_repr),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    iter: Some(|v| Ok(v.clone())),
    next: Some(|v| vmgen::next_slot(v, this(v))),
    methods: GENERATOR_METHODS,
    getsets: GENERATOR_GETSETS,
    ..TypeObject::EMPTY
};
