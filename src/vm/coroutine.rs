//! The awaitable protocol (PEP 492) behind `await`, `async for` and `async with`: what
//! `GET_AWAITABLE`, `GET_AITER`, `GET_ANEXT` and `END_ASYNC_FOR` do, `SEND` on the built-in
//! awaitables other than generators and coroutines, the `aiter()`/`anext()` builtins, and the
//! "coroutine ... was never awaited" warning.
//!
//! CPython keeps `am_await`/`am_aiter`/`am_anext` slots; here a type's `__await__`,
//! `__aiter__` and `__anext__` are looked up in its MRO (built-in awaitable types list them as
//! methods), which serves classes and built-ins alike. Short names fit an inline `str`, so a
//! lookup allocates nothing.

use crate::abi::Value;
use crate::objects::async_generator::{as_async_gen, ASEND_TYPE, ATHROW_TYPE};
use crate::objects::coroutine::{as_coroutine, is_coroutine, CoroWrapper, CORO_WRAPPER_TYPE};
use crate::objects::exception::{
    self as exc, err, raised_matches, ExceptionData, STOP_ASYNC_ITERATION, TYPE_ERROR,
};
use crate::objects::generator::{GenKind, Generator};
use crate::objects::{PyResult, Raised};
use crate::ops;
use crate::vm::call::call;
use crate::vm::eval::FrameExit;
use crate::vm::thread;

/// The async opcodes for the eval loop, out of line so that they do not weigh on its hot
/// paths: `GET_AWAITABLE`, `GET_AITER`, `GET_ANEXT`, `BEFORE_ASYNC_WITH` and `END_ASYNC_FOR`
/// on the value stack whose top is `sp`. Returns the new `sp` and, on failure, whether the
/// exception in flight is re-raised (`END_ASYNC_FOR`) rather than raised here.
///
/// # Safety
/// The slots below `sp` must hold the op's live stack inputs, and for the ops that push more
/// than they pop (`GET_ANEXT`, `BEFORE_ASYNC_WITH`) the slot at `sp` must be free stack room.
#[inline(never)]
pub unsafe fn stack_op(op: u8, oparg: u32, sp: *mut Value) -> (*mut Value, Result<(), bool>) {
    use crate::vm::opcodes::{
        BEFORE_ASYNC_WITH, END_ASYNC_FOR, GET_AITER, GET_ANEXT, GET_AWAITABLE,
    };
    use std::ptr;
    // SAFETY (all the reads and writes below): per the contract above, each op reads exactly
    // its live inputs below `sp` (moving them out) and writes its outputs into the slots it
    // returns as live, so every stack value stays owned exactly once.
    match op {
        GET_AWAITABLE | GET_AITER => {
            let v = ptr::read(sp.sub(1));
            let r = if op == GET_AWAITABLE {
                get_awaitable(&v, oparg)
            } else {
                get_aiter(&v)
            };
            match r {
                Ok(it) => {
                    ptr::write(sp.sub(1), it);
                    (sp, Ok(()))
                }
                Err(_) => (sp.sub(1), Err(false)),
            }
        }
        GET_ANEXT => match get_anext(&*sp.sub(1)) {
            Ok(a) => {
                ptr::write(sp, a);
                (sp.add(1), Ok(()))
            }
            Err(_) => (sp, Err(false)),
        },
        BEFORE_ASYNC_WITH => {
            let mgr = ptr::read(sp.sub(1));
            match crate::vm::protocols::before_async_with(&mgr) {
                Ok((exit, res)) => {
                    ptr::write(sp.sub(1), exit);
                    ptr::write(sp, res);
                    (sp.add(1), Ok(()))
                }
                Err(_) => (sp.sub(1), Err(false)),
            }
        }
        END_ASYNC_FOR => {
            let e = ptr::read(sp.sub(1));
            drop(ptr::read(sp.sub(2)));
            if ends_async_for(&e) {
                (sp.sub(2), Ok(()))
            } else {
                thread::restore_raised(e);
                (sp.sub(2), Err(true))
            }
        }
        _ => {
            exc::raise(&crate::objects::exception::SYSTEM_ERROR, "bad async opcode");
            (sp, Err(false))
        }
    }
}

/// The bound special method `name` of `v`, looked up on its type (`_PyObject_LookupSpecial`).
pub fn lookup_special(v: &Value, name: &str) -> PyResult<Option<Value>> {
    let ty = v.ty();
    match ty.lookup_str(name) {
        Some(attr) => Ok(Some(ops::object::bind_descriptor(attr, Some(v), ty)?)),
        None => Ok(None),
    }
}

/// Whether `v`'s type has the special method `name`.
fn has_special(v: &Value, name: &str) -> bool {
    v.ty().lookup_str(name).is_some()
}

/// The iterator `await v` drives (CPython's `_PyCoro_GetAwaitableIter`): a coroutine (or a
/// `@types.coroutine` generator) itself, otherwise what its `__await__()` returns, which must
/// be an iterator and not a coroutine.
pub fn get_awaitable_iter(v: &Value) -> PyResult<Value> {
    if is_coroutine(v) {
        return Ok(v.clone());
    }
    let Some(m) = lookup_special(v, "__await__")? else {
        return err(
            &TYPE_ERROR,
            format!(
                "object {} can't be used in 'await' expression",
                v.type_name()
            ),
        );
    };
    let res = call(&m, &[], &[])?;
    if is_coroutine(&res) {
        return err(&TYPE_ERROR, "__await__() returned a coroutine");
    }
    if res.ty().next.is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "__await__() returned non-iterator of type '{}'",
                res.type_name()
            ),
        );
    }
    Ok(res)
}

/// `GET_AWAITABLE`: the awaitable iterator for `v`; `where_` (the oparg) says whether `v` came
/// from `__aenter__` (1) or `__aexit__` (2), for the error message. A coroutine suspended in an
/// `await` of its own is being awaited already.
pub fn get_awaitable(v: &Value, where_: u32) -> PyResult<Value> {
    let it = match get_awaitable_iter(v) {
        Ok(it) => it,
        Err(e) => {
            if !has_special(v, "__await__") && (where_ == 1 || where_ == 2) {
                thread::take_raised();
                return err(
                    &TYPE_ERROR,
                    format!(
                        "'async with' received an object from __a{}__ that does not implement __await__: {}",
                        if where_ == 1 { "enter" } else { "exit" },
                        v.type_name()
                    ),
                );
            }
            return Err(e);
        }
    };
    if let Some(c) = as_coroutine(&it) {
        if crate::vm::generator::yield_from_target(c).is_some() {
            return err(
                &crate::objects::exception::RUNTIME_ERROR,
                "coroutine is being awaited already",
            );
        }
    }
    Ok(it)
}

/// `GET_AITER`: `type(v).__aiter__(v)`, which must have `__anext__`.
pub fn get_aiter(v: &Value) -> PyResult<Value> {
    let Some(m) = lookup_special(v, "__aiter__")? else {
        return err(
            &TYPE_ERROR,
            format!(
                "'async for' requires an object with __aiter__ method, got {}",
                v.type_name()
            ),
        );
    };
    let it = call(&m, &[], &[])?;
    if !has_special(&it, "__anext__") {
        return err(
            &TYPE_ERROR,
            format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                it.type_name()
            ),
        );
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable for the next step of `async for` over `aiter`.
pub fn get_anext(aiter: &Value) -> PyResult<Value> {
    if as_async_gen(aiter).is_some() {
        return crate::vm::async_gen::anext(aiter);
    }
    let Some(m) = lookup_special(aiter, "__anext__")? else {
        return err(
            &TYPE_ERROR,
            format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                aiter.type_name()
            ),
        );
    };
    let next = call(&m, &[], &[])?;
    match get_awaitable_iter(&next) {
        Ok(a) => Ok(a),
        Err(_) => Err(raise_from_cause(
            &TYPE_ERROR,
            format!(
                "'async for' received an invalid object from __anext__: {}",
                next.type_name()
            ),
        )),
    }
}

/// Raises `ty(msg)` with the exception in flight as its `__cause__` (and `__context__`), as
/// CPython's `_PyErr_FormatFromCause`.
fn raise_from_cause(ty: &'static crate::objects::TypeObject, msg: String) -> Raised {
    let cause = thread::take_raised();
    let e = exc::new_exception_msg(ty, msg);
    exc::attach_context(&e, &thread::handled());
    if let Some(d) = e.downcast_ref::<ExceptionData>() {
        d.set_cause(cause.clone());
        d.suppress_context.set(true);
        d.set_context(cause);
    }
    thread::restore_raised(e)
}

/// `END_ASYNC_FOR`: whether `e` (the exception that ended a step of `async for`) is the
/// StopAsyncIteration that ends the loop; anything else is re-raised.
pub fn ends_async_for(e: &Value) -> bool {
    exc::is_exception(e) && e.ty().is_subtype(&STOP_ASYNC_ITERATION)
}

/// `SEND` on the built-in awaitables that are not generators or coroutines
/// (`coroutine_wrapper`, `async_generator_asend`/`_athrow`, `anext_awaitable`), keeping the
/// StopIteration value their `__next__` would raise; `None` for any other receiver.
pub fn am_send(receiver: &Value, v: &Value) -> Option<PyResult<FrameExit>> {
    if !receiver.is_obj() {
        return None;
    }
    let ty = receiver.ty();
    if std::ptr::eq(ty, &CORO_WRAPPER_TYPE) {
        let c = &receiver.downcast_ref::<CoroWrapper>().unwrap().coro;
        let g = c.downcast_ref::<Generator>().unwrap();
        return Some(crate::vm::generator::send_ex(c, g, v.clone(), false, false));
    }
    if std::ptr::eq(ty, &ASEND_TYPE) {
        let o = receiver.downcast_ref().unwrap();
        return Some(crate::vm::async_gen::asend_send(o, v.clone()));
    }
    if std::ptr::eq(ty, &ATHROW_TYPE) {
        let o = receiver.downcast_ref().unwrap();
        return Some(crate::vm::async_gen::athrow_send(o, v.clone()));
    }
    if std::ptr::eq(ty, &crate::objects::anext_awaitable::ANEXT_AWAITABLE_TYPE) {
        let o = receiver.downcast_ref().unwrap();
        return Some(crate::vm::async_gen::anext_awaitable_send(o, v.clone()));
    }
    None
}

/// `next(it[, default])` for the built-in awaitables of [`am_send`], whose exhaustion carries
/// a value in StopIteration; `None` for any other iterator.
pub fn builtin_next(it: &Value, default: Option<&Value>) -> Option<PyResult<Value>> {
    let r = am_send(it, &Value::NONE)?;
    Some(match r {
        Ok(FrameExit::Yield(v)) => Ok(v),
        Ok(FrameExit::Return(v)) => match default {
            Some(d) => Ok(d.clone()),
            None => Err(crate::vm::generator::raise_stop_iteration(v)),
        },
        Err(e) => match default {
            Some(d) if raised_matches(&exc::STOP_ITERATION) => {
                thread::take_raised();
                Ok(d.clone())
            }
            _ => Err(e),
        },
    })
}

/// `aiter(v)`.
pub fn builtin_aiter(v: &Value) -> PyResult<Value> {
    let Some(m) = lookup_special(v, "__aiter__")? else {
        return err(
            &TYPE_ERROR,
            format!("'{}' object is not an async iterable", v.type_name()),
        );
    };
    let it = call(&m, &[], &[])?;
    if !has_special(&it, "__anext__") {
        return err(
            &TYPE_ERROR,
            format!(
                "aiter() returned not an async iterator of type '{}'",
                it.type_name()
            ),
        );
    }
    Ok(it)
}

/// `anext(it[, default])`: `it.__anext__()`, wrapped so that the end of the iteration gives
/// `default` when one is given.
pub fn builtin_anext(it: &Value, default: Option<&Value>) -> PyResult<Value> {
    let awaitable = if as_async_gen(it).is_some() {
        crate::vm::async_gen::anext(it)?
    } else {
        let Some(m) = lookup_special(it, "__anext__")? else {
            return err(
                &TYPE_ERROR,
                format!("'{}' object is not an async iterator", it.type_name()),
            );
        };
        call(&m, &[], &[])?
    };
    match default {
        None => Ok(awaitable),
        Some(d) => Ok(crate::objects::anext_awaitable::new_anext_awaitable(
            awaitable,
            d.clone(),
        )),
    }
}

/// The RuntimeWarning for a coroutine freed without ever running, as CPython prints it through
/// `warnings` (with its hint about tracemalloc).
pub fn warn_unawaited(g: &Generator) {
    debug_assert_eq!(g.kind, GenKind::Coroutine);
    // SAFETY: single-threaded; the qualname is cloned out at once.
    let q = unsafe { (*g.qualname.get()).clone() };
    let name = ops::object::str_string(&q).unwrap_or_default();
    crate::vm::generator::show_warning(
        "RuntimeWarning",
        &format!("coroutine '{}' was never awaited", name),
        false,
        "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
    );
}
