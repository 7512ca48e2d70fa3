//! `_thread`: the low-level threading primitives, for a single-threaded interpreter.
//!
//! apython runs Python on one thread, so this module is honest about it: locks, re-entrant
//! locks and thread-local data work (and `threading` can import), but `start_new_thread` raises
//! `RuntimeError`. A blocking `acquire()` of a lock that is already held could only be released
//! by another thread: with a timeout it waits the timeout out and returns `False`, as CPython
//! would; without one it raises `RuntimeError` instead of hanging forever.

use std::cell::{Cell, UnsafeCell};
use std::time::{Duration, Instant};

use crate::abi::Value;
use crate::builtins::args::{no_args, ArgParser};
use crate::objects::exception::{
    err, OVERFLOW_ERROR, RUNTIME_ERROR, SYSTEM_EXIT, TYPE_ERROR, VALUE_ERROR,
};
use crate::objects::module::{new_module, Module};
use crate::objects::str::from_string;
use crate::objects::structseq::{field, STRUCTSEQ_SLOTS};
use crate::objects::{
    alloc, dealloc_weakrefable, flags, method, GetSetDef, Obj, PyPayload, PyResult, TypeObject,
};

/// `_thread.TIMEOUT_MAX`: the largest timeout in seconds (CPython's value on Linux).
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The identifier of the (only) thread: `pthread_self()`, as CPython's `get_ident`.
fn ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// Arguments of `acquire(blocking=True, timeout=-1)`: the timeout in seconds, `None` for
/// "forever" (CPython's `lock_acquire_parse_args`; non-blocking is a zero timeout).
fn acquire_args(args: &[Value], kwnames: &[Value]) -> PyResult<Option<f64>> {
    let mut p = ArgParser::new("acquire", args, kwnames);
    let blocking = p.optional("blocking")?;
    let timeout = p.optional("timeout")?;
    p.finish()?;
    let blocking = match blocking {
        Some(b) => crate::ops::object::truthy(&b)?,
        None => true,
    };
    let timeout = match timeout {
        None => -1.0,
        Some(t) => match t.as_float() {
            Some(f) if f.is_nan() => return err(&VALUE_ERROR, "Invalid value NaN (not a number)"),
            // CPython converts to nanoseconds in an i64 first.
            Some(f) if (f * 1e9).abs() >= 9.223_372_036_854_776e18 => {
                return err(
                    &OVERFLOW_ERROR,
                    "timestamp out of range for platform time_t",
                )
            }
            Some(f) => f,
            None => {
                let i = crate::ops::number::index(&t)?;
                match i.as_small_int().and_then(|i| i.checked_mul(1_000_000_000)) {
                    Some(ns) => ns as f64 / 1e9,
                    None => {
                        return err(
                            &OVERFLOW_ERROR,
                            "timestamp too large to convert to C _PyTime_t",
                        )
                    }
                }
            }
        },
    };
    if !blocking && timeout != -1.0 {
        return err(
            &VALUE_ERROR,
            "can't specify a timeout for a non-blocking call",
        );
    }
    if timeout < 0.0 && timeout != -1.0 {
        return err(&VALUE_ERROR, "timeout value must be positive");
    }
    if !blocking {
        return Ok(Some(0.0));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    Ok(Some(timeout))
}

/// Waits for a lock that no thread can release: sleeps out a timeout (staying interruptible by
/// Ctrl-C) and reports failure, or raises when the wait would be endless.
fn wait_held(timeout: Option<f64>, what: &str) -> PyResult<Value> {
    let Some(t) = timeout else {
        return err(
            &RUNTIME_ERROR,
            format!(
                "acquiring this {} would block forever: apython runs a single thread, so nothing can release it",
                what
            ),
        );
    };
    let deadline = Instant::now() + Duration::from_secs_f64(t);
    while Instant::now() < deadline {
        std::thread::sleep((deadline - Instant::now()).min(Duration::from_millis(50)));
        if crate::vm::signals::pending() {
            crate::vm::signals::handle()?;
        }
    }
    Ok(Value::FALSE)
}

// ----- lock -----

/// Payload of `_thread.lock`.
pub struct Lock {
    locked: Cell<bool>,
}

impl PyPayload for Lock {
    fn type_object() -> *const TypeObject {
        &LOCK_TYPE
    }
}

/// A new unlocked `_thread.lock`.
pub fn new_lock() -> Value {
    alloc(
        &LOCK_TYPE,
        Lock {
            locked: Cell::new(false),
        },
    )
}

fn lock(v: &Value) -> &Lock {
    v.downcast_ref::<Lock>().expect("lock method on a non-lock")
}

fn lock_acquire(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let timeout = acquire_args(args, kwnames)?;
    let l = lock(v);
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(Value::TRUE);
    }
    if timeout == Some(0.0) {
        return Ok(Value::FALSE);
    }
    wait_held(timeout, "lock")
}

fn lock_release(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = lock(v);
    if !l.locked.get() {
        return err(&RUNTIME_ERROR, "release unlocked lock");
    }
    l.locked.set(false);
    Ok(Value::NONE)
}

fn lock_repr(v: &Value) -> PyResult<Value> {
    Ok(from_string(format!(
        "<{} {} object at {:#x}>",
        if lock(v).locked.get() {
            "locked"
        } else {
            "unlocked"
        },
        v.type_name(),
        v.payload
    )))
}

/// `_thread.lock` (`_thread.LockType`, `allocate_lock()`).
pub static LOCK_TYPE: TypeObject = TypeObject {
    name: "_thread.lock",
    layout: &LOCK_TYPE,
    flags: flags::WEAKREFABLE,
    dealloc: dealloc_weakrefable::<Lock>,
    repr: Some(lock_repr),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    methods: &[
        method!("acquire", lock_acquire),
        method!("acquire_lock", lock_acquire),
        method!("__enter__", lock_acquire),
        method!("release", lock_release),
        method!("release_lock", lock_release),
        method!("__exit__", lock_release),
        method!("locked", |v, _, _| Ok(Value::bool(lock(v).locked.get()))),
        method!("locked_lock", |v, _, _| Ok(Value::bool(
            lock(v).locked.get()
        ))),
        method!("_at_fork_reinit", |v, _, _| {
            lock(v).locked.set(false);
            Ok(Value::NONE)
        }),
    ],
    doc: "A lock object is a synchronization primitive.",
    ..TypeObject::EMPTY
};

// ----- RLock -----

/// Payload of `_thread.RLock`: the owning thread and the recursion count.
pub struct RLock {
    owner: Cell<u64>,
    count: Cell<u64>,
}

impl PyPayload for RLock {
    fn type_object() -> *const TypeObject {
        &RLOCK_TYPE
    }
}

fn rlock(v: &Value) -> &RLock {
    v.downcast_ref::<RLock>()
        .expect("RLock method on a non-RLock")
}

fn rlock_new(ty: *const TypeObject, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(alloc(
        ty,
        RLock {
            owner: Cell::new(0),
            count: Cell::new(0),
        },
    ))
}

fn rlock_acquire(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let timeout = acquire_args(args, kwnames)?;
    let r = rlock(v);
    let me = ident();
    if r.count.get() > 0 && r.owner.get() != me {
        // Unreachable with a single thread, kept for honesty.
        if timeout == Some(0.0) {
            return Ok(Value::FALSE);
        }
        return wait_held(timeout, "RLock");
    }
    if r.count.get() == u64::MAX {
        return err(&OVERFLOW_ERROR, "Internal lock count overflowed");
    }
    r.owner.set(me);
    r.count.set(r.count.get() + 1);
    Ok(Value::TRUE)
}

fn rlock_release(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = rlock(v);
    if r.count.get() == 0 || r.owner.get() != ident() {
        return err(&RUNTIME_ERROR, "cannot release un-acquired lock");
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(Value::NONE)
}

fn rlock_is_owned(v: &Value) -> bool {
    let r = rlock(v);
    r.count.get() > 0 && r.owner.get() == ident()
}

/// `_release_save()`: fully releases the lock, returning `(count, owner)` for
/// `_acquire_restore` (used by `threading.Condition`).
fn rlock_release_save(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = rlock(v);
    if r.count.get() == 0 {
        return err(&RUNTIME_ERROR, "cannot release un-acquired lock");
    }
    let state = crate::objects::tuple::new_tuple(vec![
        crate::objects::int::from_i128(r.count.get() as i128),
        crate::objects::int::from_i128(r.owner.get() as i128),
    ]);
    r.count.set(0);
    r.owner.set(0);
    Ok(state)
}

fn rlock_acquire_restore(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let state = crate::builtins::args::exactly_one("_acquire_restore", args)?;
    let items = crate::objects::tuple::try_tuple_items(state)
        .filter(|t| t.len() == 2)
        .ok_or(())
        .or_else(|_| {
            err(
                &TYPE_ERROR,
                "_acquire_restore() argument 1 must be a 2-tuple",
            )
        })?;
    let count = crate::ops::number::index_i64(&items[0])?;
    let owner = crate::ops::number::index(&items[1])?;
    let owner = match crate::objects::int::as_int(&owner) {
        Some(crate::objects::int::IntRef::Small(i)) => i as u64,
        Some(crate::objects::int::IntRef::Big(b)) => b.to_u64().unwrap_or(0),
        None => 0,
    };
    let r = rlock(v);
    if r.count.get() > 0 && r.owner.get() != ident() {
        return wait_held(None, "RLock");
    }
    r.count.set(count.max(0) as u64);
    r.owner.set(owner);
    Ok(Value::NONE)
}

fn rlock_repr(v: &Value) -> PyResult<Value> {
    let r = rlock(v);
    Ok(from_string(format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if r.count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        },
        crate::ops::object::qualified_type_name(v.ty()),
        r.owner.get(),
        r.count.get(),
        v.payload
    )))
}

/// `_thread.RLock`: a re-entrant lock.
pub static RLOCK_TYPE: TypeObject = TypeObject {
    name: "_thread.RLock",
    layout: &RLOCK_TYPE,
    flags: flags::BASETYPE | flags::WEAKREFABLE,
    dealloc: dealloc_weakrefable::<RLock>,
    sub_layout: crate::objects::sub_layout::<RLock>(),
    repr: Some(rlock_repr),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    new: Some(rlock_new),
    methods: &[
        method!("acquire", rlock_acquire),
        method!("__enter__", rlock_acquire),
        method!("release", rlock_release),
        method!("__exit__", rlock_release),
        method!("_is_owned", |v, _, _| Ok(Value::bool(rlock_is_owned(v)))),
        method!("_recursion_count", |v, _, _| {
            let n = if rlock_is_owned(v) {
                rlock(v).count.get()
            } else {
                0
            };
            Ok(crate::objects::int::from_i128(n as i128))
        }),
        method!("_release_save", rlock_release_save),
        method!("_acquire_restore", rlock_acquire_restore),
        method!("_at_fork_reinit", |v, _, _| {
            rlock(v).count.set(0);
            rlock(v).owner.set(0);
            Ok(Value::NONE)
        }),
    ],
    ..TypeObject::EMPTY
};

// ----- _local -----

/// Payload of `_thread._local`: with one thread, thread-local data is just an instance dict.
pub struct Local {
    dict: UnsafeCell<Value>,
}

impl PyPayload for Local {
    fn type_object() -> *const TypeObject {
        &LOCAL_TYPE
    }
}

fn local_new(ty: *const TypeObject, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        // SAFETY: types are immortal.
        let init = unsafe { (*ty).lookup_str("__init__") };
        let inherited = init.is_none_or(|i| {
            i.downcast_ref::<crate::objects::builtin_function::MethodDescr>()
                .is_some()
        });
        if inherited {
            return err(&TYPE_ERROR, "Initialization arguments are not supported");
        }
    }
    Ok(alloc(
        ty,
        Local {
            dict: UnsafeCell::new(Value::NULL),
        },
    ))
}

/// `_thread._local`: thread-local data (one thread, one dict).
pub static LOCAL_TYPE: TypeObject = TypeObject {
    name: "_thread._local",
    layout: &LOCAL_TYPE,
    flags: flags::BASETYPE | flags::WEAKREFABLE,
    dict_offset: std::mem::offset_of!(Obj<Local>, data) + std::mem::offset_of!(Local, dict),
    dealloc: dealloc_weakrefable::<Local>,
    new: Some(local_new),
    doc: "Thread-local data",
    ..TypeObject::EMPTY
};

// ----- excepthook -----

/// `_thread._ExceptHookArgs`: what `threading.excepthook` receives.
pub static EXCEPTHOOK_ARGS_TYPE: TypeObject = TypeObject {
    name: "_thread._ExceptHookArgs",
    getsets: &[
        GetSetDef {
            name: "exc_type",
            get: field::<0>,
            set: None,
        },
        GetSetDef {
            name: "exc_value",
            get: field::<1>,
            set: None,
        },
        GetSetDef {
            name: "exc_traceback",
            get: field::<2>,
            set: None,
        },
        GetSetDef {
            name: "thread",
            get: field::<3>,
            set: None,
        },
    ],
    ..STRUCTSEQ_SLOTS
};

/// `_excepthook(args)`: reports an exception that escaped a thread's `run()`, as CPython's
/// `thread_excepthook` (SystemExit is ignored).
fn t_excepthook(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::exactly_one("_excepthook", args)?;
    if !std::ptr::eq(a.ty(), &EXCEPTHOOK_ARGS_TYPE) {
        return err(
            &TYPE_ERROR,
            "_thread.excepthook argument type must be ExceptHookArgs",
        );
    }
    let items = crate::objects::tuple::tuple_items(a);
    if items[0].is(&SYSTEM_EXIT.to_value()) {
        return Ok(Value::NONE);
    }
    let thread = &items[3];
    let who = if thread.is_none() {
        ident().to_string()
    } else {
        match crate::ops::object::getattr_str(thread, "name") {
            Ok(n) => crate::ops::object::str_string(&n)?,
            Err(_) => {
                crate::vm::thread::take_raised();
                ident().to_string()
            }
        }
    };
    crate::modules::sys::flush_stdout()?;
    eprintln!("Exception in thread {}:", who);
    let exc = &items[1];
    if exc
        .downcast_ref::<crate::objects::exception::ExceptionData>()
        .is_some()
    {
        crate::vm::traceback::print_exception(exc);
    }
    Ok(Value::NONE)
}

// ----- module functions -----

fn t_start_new_thread(_: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    err(&RUNTIME_ERROR, "apython does not support threads yet")
}

fn t_allocate_lock(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("allocate_lock", args)?;
    Ok(new_lock())
}

fn t_get_ident(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("get_ident", args)?;
    Ok(crate::objects::int::from_i128(ident() as i128))
}

fn t_get_native_id(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("get_native_id", args)?;
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::syscall(libc::SYS_gettid) };
    Ok(Value::int(tid))
}

fn t_count(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("_count", args)?;
    Ok(Value::int(0))
}

fn t_exit(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("exit", args)?;
    Err(crate::objects::exception::raise_value(
        crate::objects::exception::new_exception(&SYSTEM_EXIT, vec![]),
    ))
}

fn t_interrupt_main(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("interrupt_main", args, kwnames);
    let signum = p.optional("signum")?;
    p.finish()?;
    if let Some(s) = signum {
        let n = crate::ops::number::index_i64(&s)?;
        if !(1..65).contains(&n) {
            return err(&VALUE_ERROR, "signal number out of range");
        }
        if n != libc::SIGINT as i64 {
            // Only SIGINT has a Python-level handler here; others use the default action.
            // SAFETY: raising a signal in our own process.
            unsafe { libc::raise(n as libc::c_int) };
            return Ok(Value::NONE);
        }
    }
    crate::vm::signals::trip();
    Ok(Value::NONE)
}

fn t_stack_size(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match args {
        [] => Ok(Value::int(0)),
        [s] => {
            let n = crate::ops::number::index_i64(s)?;
            if n != 0 && n < 32768 {
                return err(&VALUE_ERROR, "size not valid: 32768 bytes");
            }
            Ok(Value::int(0))
        }
        _ => err(
            &TYPE_ERROR,
            format!("stack_size expected at most 1 argument, got {}", args.len()),
        ),
    }
}

/// Creates the `_thread` module.
pub fn create() -> Value {
    let m = new_module("_thread");
    crate::modules::add_functions(
        &m,
        &[
            ("start_new_thread", t_start_new_thread),
            ("start_new", t_start_new_thread),
            ("allocate_lock", t_allocate_lock),
            ("allocate", t_allocate_lock),
            ("_set_sentinel", t_allocate_lock),
            ("get_ident", t_get_ident),
            ("get_native_id", t_get_native_id),
            ("_count", t_count),
            ("exit", t_exit),
            ("exit_thread", t_exit),
            ("interrupt_main", t_interrupt_main),
            ("stack_size", t_stack_size),
            ("daemon_threads_allowed", |_, _, _| Ok(Value::TRUE)),
            ("_is_main_interpreter", |_, _, _| Ok(Value::TRUE)),
            ("_excepthook", t_excepthook),
        ],
    );
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("LockType", LOCK_TYPE.to_value());
    md.set("RLock", RLOCK_TYPE.to_value());
    md.set("_local", LOCAL_TYPE.to_value());
    md.set("_ExceptHookArgs", EXCEPTHOOK_ARGS_TYPE.to_value());
    md.set("error", crate::objects::exception::RUNTIME_ERROR.to_value());
    md.set("TIMEOUT_MAX", Value::float(TIMEOUT_MAX));
    m
}
