//! Async generators (PEP 525): the state machines of the awaitables that drive them
//! (`async_generator_asend` for `__anext__()`/`asend()`, `async_generator_athrow` for
//! `athrow()`/`aclose()`), the first-iteration and finalizer hooks, and `anext_awaitable`
//! (`anext(it, default)`), as CPython 3.12's `genobject.c` and `iterobject.c`.
//!
//! An async generator runs on the generator machinery ([`crate::vm::generator`]). Its `yield x`
//! yields a wrapped `x` (`INTRINSIC_ASYNC_GEN_WRAP`); a value yielded by an `await` inside it
//! passes through unwrapped. The awaitable that resumed it unwraps: a wrapped value finishes
//! the awaitable (StopIteration carrying the value), an unwrapped one goes on to whoever drives
//! the awaitable (the event loop).
//!
//! Results use [`FrameExit`]: `Yield(v)` is a value for the driver (`send()` returns it),
//! `Return(v)` is the awaitable finishing with `v` (`send()` raises `StopIteration(v)`).

use crate::abi::Value;
use crate::objects::anext_awaitable::AnextAwaitable;
use crate::objects::async_generator::{new_asend, unwrap_value, ASend, AThrow, AwaitableState};
use crate::objects::exception::{
    self as exc, err, raised_matches, GENERATOR_EXIT, RUNTIME_ERROR, STOP_ASYNC_ITERATION,
    STOP_ITERATION, TYPE_ERROR,
};
use crate::objects::generator::{GenState, Generator};
use crate::objects::str::new_str;
use crate::objects::tuple::tuple_items;
use crate::objects::PyResult;
use crate::ops;
use crate::vm::call::call;
use crate::vm::eval::FrameExit;
use crate::vm::generator::{gen_throw, raise_stop_iteration, send_ex};
use crate::vm::thread;

thread_local! {
    /// `sys.set_asyncgen_hooks(firstiter=...)`: called with each async generator on its first
    /// iteration (NULL when unset).
    static FIRSTITER: std::cell::RefCell<Value> = const { std::cell::RefCell::new(Value::NULL) };
    /// `sys.set_asyncgen_hooks(finalizer=...)`: captured by each async generator on its first
    /// iteration and called with it when it is freed unfinished (NULL when unset).
    static FINALIZER: std::cell::RefCell<Value> = const { std::cell::RefCell::new(Value::NULL) };
}

/// The current `(firstiter, finalizer)` hooks (NULL when unset).
pub fn hooks() -> (Value, Value) {
    (
        FIRSTITER.with(|h| h.borrow().clone()),
        FINALIZER.with(|h| h.borrow().clone()),
    )
}

/// Replaces the hooks given as `Some` (NULL unsets).
pub fn set_hooks(firstiter: Option<Value>, finalizer: Option<Value>) {
    if let Some(f) = firstiter {
        let _old = FIRSTITER.with(|h| std::mem::replace(&mut *h.borrow_mut(), f));
    }
    if let Some(f) = finalizer {
        let _old = FINALIZER.with(|h| std::mem::replace(&mut *h.borrow_mut(), f));
    }
}

/// `sys.get_asyncgen_hooks()`.
pub fn sys_get_hooks(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!(
                "get_asyncgen_hooks() takes no arguments ({} given)",
                args.len()
            ),
        );
    }
    let (f, g) = hooks();
    let none_if_null = |v: Value| if v.is_null() { Value::NONE } else { v };
    Ok(crate::objects::async_generator::new_asyncgen_hooks(
        none_if_null(f),
        none_if_null(g),
    ))
}

/// `sys.set_asyncgen_hooks([firstiter] [, finalizer])`: a hook given as None is unset, one
/// not given is left as it is.
pub fn sys_set_hooks(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if args.len() > 2 {
        return err(
            &TYPE_ERROR,
            format!("function takes at most 2 arguments ({} given)", args.len()),
        );
    }
    let mut firstiter = if npos > 0 {
        Some(args[0].clone())
    } else {
        None
    };
    let mut finalizer = if npos > 1 {
        Some(args[1].clone())
    } else {
        None
    };
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let name = crate::objects::str::as_str(k).map(|s| s.to_string());
        match name.as_deref() {
            Some("firstiter") if firstiter.is_none() => firstiter = Some(v.clone()),
            Some("finalizer") if finalizer.is_none() => finalizer = Some(v.clone()),
            Some(n @ ("firstiter" | "finalizer")) => {
                return err(
                    &TYPE_ERROR,
                    format!("argument for function given by name ('{}') and position", n),
                )
            }
            n => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "'{}' is an invalid keyword argument for this function",
                        n.unwrap_or_default()
                    ),
                )
            }
        }
    }
    let callable = |v: &Value| {
        v.ty().call.is_some()
            || v.downcast_ref::<crate::objects::function::Function>()
                .is_some()
    };
    for (what, h) in [("finalizer", &finalizer), ("firstiter", &firstiter)] {
        if let Some(h) = h {
            if !h.is_none() && !callable(h) {
                return err(
                    &TYPE_ERROR,
                    format!("callable {} expected, got {}", what, h.type_name()),
                );
            }
        }
    }
    let null_if_none = |v: Value| if v.is_none() { Value::NULL } else { v };
    set_hooks(firstiter.map(null_if_none), finalizer.map(null_if_none));
    Ok(Value::NONE)
}

fn gen_of(gv: &Value) -> &Generator {
    gv.downcast_ref::<Generator>().unwrap()
}

/// Runs the hooks on an async generator's first `__anext__`/`asend`/`athrow`/`aclose`: it
/// captures the finalizer and is passed to `firstiter`.
pub fn init_hooks(gv: &Value, g: &Generator) -> PyResult<()> {
    if g.ag_hooks_inited.replace(true) {
        return Ok(());
    }
    let (firstiter, finalizer) = hooks();
    if !finalizer.is_null() {
        // SAFETY: single-threaded; the old value (NULL) drops after the store.
        let _old = unsafe { std::mem::replace(&mut *g.ag_finalizer.get(), finalizer) };
    }
    if !firstiter.is_null() {
        call(&firstiter, std::slice::from_ref(gv), &[])?;
    }
    Ok(())
}

/// Whether freeing `g` (unfinished) hands it to a finalizer hook.
pub fn has_finalizer(g: &Generator) -> bool {
    // SAFETY: single-threaded read.
    !g.ag_closed.get() && !unsafe { &*g.ag_finalizer.get() }.is_null()
}

/// Calls the finalizer hook with the (resurrected) async generator `gv`; an error is printed
/// as unraisable.
pub fn call_finalizer(gv: &Value, g: &Generator) {
    // SAFETY: single-threaded; the hook is cloned out at once.
    let fin = unsafe { (*g.ag_finalizer.get()).clone() };
    if call(&fin, std::slice::from_ref(gv), &[]).is_err() {
        let e = thread::take_raised();
        crate::vm::traceback::print_unraisable(&e, &fin);
    }
}

/// `agen.__anext__()` (also `GET_ANEXT`): an `asend` awaitable sending None.
pub fn anext(gv: &Value) -> PyResult<Value> {
    init_hooks(gv, gen_of(gv))?;
    Ok(new_asend(gv.clone(), Value::NULL))
}

/// A resumption of the async generator as its `send`/`throw` would report it: returning
/// means StopAsyncIteration.
fn gen_result(r: PyResult<FrameExit>) -> PyResult<Value> {
    match r? {
        FrameExit::Yield(v) => Ok(v),
        FrameExit::Return(_) => Err(exc::raise_value(exc::new_exception(
            &STOP_ASYNC_ITERATION,
            vec![],
        ))),
    }
}

/// CPython's `async_gen_unwrap_value`: an error ends the async generator's run (and closes it
/// for StopAsyncIteration/GeneratorExit); a wrapped value finishes the awaitable with it; any
/// other value passes through to the driver.
fn unwrap(g: &Generator, r: PyResult<Value>) -> PyResult<FrameExit> {
    match r {
        Err(e) => {
            if raised_matches(&STOP_ASYNC_ITERATION) || raised_matches(&GENERATOR_EXIT) {
                g.ag_closed.set(true);
            }
            g.ag_running_async.set(false);
            Err(e)
        }
        Ok(v) => match unwrap_value(&v) {
            Some(x) => {
                g.ag_running_async.set(false);
                Ok(FrameExit::Return(x))
            }
            None => Ok(FrameExit::Yield(v)),
        },
    }
}

/// The `throw(typ[, val[, tb]])` arguments (NULL when missing), with the deprecation warning
/// for the three-argument form.
pub fn throw_args(name: &str, args: &[Value], kw: &[Value]) -> PyResult<(Value, Value, Value)> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        );
    }
    match args.len() {
        0 => err(
            &TYPE_ERROR,
            format!("{} expected at least 1 argument, got 0", name),
        ),
        1..=3 => {
            if args.len() > 1 {
                crate::vm::generator::warn_throw_signature("throw");
            }
            Ok((
                args[0].clone(),
                args.get(1).cloned().unwrap_or(Value::NULL),
                args.get(2).cloned().unwrap_or(Value::NULL),
            ))
        }
        n => err(
            &TYPE_ERROR,
            format!("{} expected at most 3 arguments, got {}", name, n),
        ),
    }
}

/// What `send()` of an awaitable returns for result `r`.
pub fn result_value(r: PyResult<FrameExit>) -> PyResult<Value> {
    match r? {
        FrameExit::Yield(v) => Ok(v),
        FrameExit::Return(v) => Err(raise_stop_iteration(v)),
    }
}

/// The `next` slot of an awaitable for result `r` (`None` when it finished).
pub fn result_next(r: PyResult<FrameExit>) -> PyResult<Option<Value>> {
    match r? {
        FrameExit::Yield(v) => Ok(Some(v)),
        FrameExit::Return(_) => Ok(None),
    }
}

const ANEXT_REUSE: &str = "cannot reuse already awaited __anext__()/asend()";
const ANEXT_RUNNING: &str = "anext(): asynchronous generator is already running";

/// `asend.send(arg)` (`__next__` sends None): the first step sends the `asend()` value (None
/// for `__anext__()`) into the async generator.
pub fn asend_send(o: &ASend, arg: Value) -> PyResult<FrameExit> {
    let g = gen_of(&o.gen);
    let mut arg = arg;
    match o.state.get() {
        AwaitableState::Closed => return err(&RUNTIME_ERROR, ANEXT_REUSE),
        AwaitableState::Init => {
            if g.ag_running_async.get() {
                return err(&RUNTIME_ERROR, ANEXT_RUNNING);
            }
            if arg.is_none() && !o.sendval.is_null() {
                arg = o.sendval.clone();
            }
            o.state.set(AwaitableState::Iter);
        }
        AwaitableState::Iter => {}
    }
    g.ag_running_async.set(true);
    let r = unwrap(g, gen_result(send_ex(&o.gen, g, arg, false, false)));
    if !matches!(r, Ok(FrameExit::Yield(_))) {
        o.state.set(AwaitableState::Closed);
    }
    r
}

/// `asend.throw(typ[, val[, tb]])`: throws into the async generator (3.12 does not check or
/// mark it running here, unlike `send`).
pub fn asend_throw(o: &ASend, typ: &Value, val: &Value, tb: &Value) -> PyResult<FrameExit> {
    let g = gen_of(&o.gen);
    if o.state.get() == AwaitableState::Closed {
        return err(&RUNTIME_ERROR, ANEXT_REUSE);
    }
    let r = unwrap(g, gen_result(gen_throw(&o.gen, g, true, typ, val, tb)));
    if !matches!(r, Ok(FrameExit::Yield(_))) {
        o.state.set(AwaitableState::Closed);
    }
    r
}

const ATHROW_REUSE: &str = "cannot reuse already awaited aclose()/athrow()";
const IGNORED_EXIT: &str = "async generator ignored GeneratorExit";

fn athrow_running(o: &AThrow) -> crate::objects::Raised {
    exc::raise(
        &RUNTIME_ERROR,
        if o.args.is_null() {
            "aclose(): asynchronous generator is already running"
        } else {
            "athrow(): asynchronous generator is already running"
        },
    )
}

/// The end of an `athrow`/`aclose` step that did not yield to the driver: the awaitable is
/// done; for `aclose()`, the generator closing (StopAsyncIteration or GeneratorExit) is
/// success.
fn athrow_done(o: &AThrow, r: PyResult<FrameExit>) -> PyResult<FrameExit> {
    let g = gen_of(&o.gen);
    g.ag_running_async.set(false);
    o.state.set(AwaitableState::Closed);
    if r.is_err()
        && o.args.is_null()
        && (raised_matches(&STOP_ASYNC_ITERATION) || raised_matches(&GENERATOR_EXIT))
    {
        thread::take_raised();
        return Ok(FrameExit::Return(Value::NONE));
    }
    r
}

/// `aclose()` saw the generator yield a value: it ignored GeneratorExit.
fn athrow_yield_close(o: &AThrow) -> PyResult<FrameExit> {
    gen_of(&o.gen).ag_running_async.set(false);
    o.state.set(AwaitableState::Closed);
    err(&RUNTIME_ERROR, IGNORED_EXIT)
}

/// `athrow.send(arg)` (`__next__` sends None): the first step throws the `athrow()` exception
/// (GeneratorExit for `aclose()`) into the async generator, later ones send `arg`.
pub fn athrow_send(o: &AThrow, arg: Value) -> PyResult<FrameExit> {
    let g = gen_of(&o.gen);
    if o.state.get() == AwaitableState::Closed {
        return err(&RUNTIME_ERROR, ATHROW_REUSE);
    }
    if g.state.get() == GenState::Completed {
        o.state.set(AwaitableState::Closed);
        return Ok(FrameExit::Return(Value::NONE));
    }
    if o.state.get() == AwaitableState::Init {
        if g.ag_running_async.get() {
            o.state.set(AwaitableState::Closed);
            return Err(athrow_running(o));
        }
        if g.ag_closed.get() {
            o.state.set(AwaitableState::Closed);
            return Err(exc::raise_value(exc::new_exception(
                &STOP_ASYNC_ITERATION,
                vec![],
            )));
        }
        if !arg.is_none() {
            return err(
                &RUNTIME_ERROR,
                "can't send non-None value to a just-started coroutine",
            );
        }
        o.state.set(AwaitableState::Iter);
        g.ag_running_async.set(true);
        if o.args.is_null() {
            // aclose()
            g.ag_closed.set(true);
            let ge = GENERATOR_EXIT.to_value();
            let r = gen_result(gen_throw(&o.gen, g, false, &ge, &Value::NULL, &Value::NULL));
            return match r {
                Ok(v) if unwrap_value(&v).is_some() => athrow_yield_close(o),
                Ok(v) => Ok(FrameExit::Yield(v)),
                Err(e) => athrow_done(o, Err(e)),
            };
        }
        let args = tuple_items(&o.args);
        if args.is_empty() || args.len() > 3 {
            return err(
                &TYPE_ERROR,
                if args.is_empty() {
                    "athrow expected at least 1 argument, got 0".to_string()
                } else {
                    format!("athrow expected at most 3 arguments, got {}", args.len())
                },
            );
        }
        let null = Value::NULL;
        let r = unwrap(
            g,
            gen_result(gen_throw(
                &o.gen,
                g,
                false,
                &args[0],
                args.get(1).unwrap_or(&null),
                args.get(2).unwrap_or(&null),
            )),
        );
        return match r {
            Ok(FrameExit::Yield(v)) => Ok(FrameExit::Yield(v)),
            r => athrow_done(o, r),
        };
    }
    let r = gen_result(send_ex(&o.gen, g, arg, false, false));
    if !o.args.is_null() {
        return unwrap(g, r);
    }
    match r {
        Ok(v) if unwrap_value(&v).is_some() => athrow_yield_close(o),
        Ok(v) => Ok(FrameExit::Yield(v)),
        Err(e) => athrow_done(o, Err(e)),
    }
}

/// `athrow.throw(typ[, val[, tb]])`: throws into the async generator; in 3.12 this leaves the
/// awaitable's state (and the generator's running flag) as they were.
pub fn athrow_throw(o: &AThrow, typ: &Value, val: &Value, tb: &Value) -> PyResult<FrameExit> {
    let g = gen_of(&o.gen);
    if o.state.get() == AwaitableState::Closed {
        return err(&RUNTIME_ERROR, ATHROW_REUSE);
    }
    let r = gen_result(gen_throw(&o.gen, g, true, typ, val, tb));
    if !o.args.is_null() {
        return unwrap(g, r);
    }
    match r {
        Ok(v) if unwrap_value(&v).is_some() => err(&RUNTIME_ERROR, IGNORED_EXIT),
        Ok(v) => Ok(FrameExit::Yield(v)),
        Err(e) => {
            if raised_matches(&STOP_ASYNC_ITERATION) || raised_matches(&GENERATOR_EXIT) {
                thread::take_raised();
                return Ok(FrameExit::Return(Value::NONE));
            }
            Err(e)
        }
    }
}

/// The iterator an `anext_awaitable` drives: the awaitable iterator of what `__anext__()`
/// returned (a coroutine goes through its `__await__()`).
fn anext_awaitable_iter(o: &AnextAwaitable) -> PyResult<Value> {
    let a = crate::vm::coroutine::get_awaitable_iter(&o.wrapped)?;
    if a.ty().next.is_some() {
        return Ok(a);
    }
    let m = crate::vm::coroutine::lookup_special(&a, "__await__")?;
    let Some(m) = m else {
        return err(&TYPE_ERROR, "__await__ returned a non-iterable");
    };
    let it = call(&m, &[], &[])?;
    if it.ty().next.is_none() {
        return err(&TYPE_ERROR, "__await__ returned a non-iterable");
    }
    Ok(it)
}

/// An `anext_awaitable` step's outcome: the end of the async iteration gives the default.
fn anext_awaitable_result(o: &AnextAwaitable, r: PyResult<FrameExit>) -> PyResult<FrameExit> {
    match r {
        Err(e) => {
            if raised_matches(&STOP_ASYNC_ITERATION) {
                thread::take_raised();
                Ok(FrameExit::Return(o.default.clone()))
            } else {
                Err(e)
            }
        }
        ok => ok,
    }
}

/// Calls method `name` of the iterator under an `anext_awaitable`, the StopIteration that
/// finishes it turned into `Return`.
fn anext_awaitable_call(o: &AnextAwaitable, name: &str, args: &[Value]) -> PyResult<FrameExit> {
    let it = anext_awaitable_iter(o)?;
    let r = ops::object::getattr(&it, &new_str(name)).and_then(|m| call(&m, args, &[]));
    let r = match r {
        Ok(v) => Ok(FrameExit::Yield(v)),
        Err(e) => {
            if raised_matches(&STOP_ITERATION) {
                let e = thread::take_raised();
                Ok(FrameExit::Return(
                    crate::vm::generator::stop_iteration_value(&e).unwrap_or(Value::NONE),
                ))
            } else {
                Err(e)
            }
        }
    };
    anext_awaitable_result(o, r)
}

/// `anext_awaitable.send(arg)` (`__next__` and `SEND` with None step the iterator).
pub fn anext_awaitable_send(o: &AnextAwaitable, arg: Value) -> PyResult<FrameExit> {
    if arg.is_none() {
        let it = anext_awaitable_iter(o)?;
        let r = crate::vm::generator::send_op(&it, Value::NONE);
        return anext_awaitable_result(o, r);
    }
    anext_awaitable_call(o, "send", &[arg])
}

/// `anext_awaitable.send(arg)` called as a method.
pub fn anext_awaitable_send_method(o: &AnextAwaitable, arg: Value) -> PyResult<FrameExit> {
    anext_awaitable_call(o, "send", &[arg])
}

/// `anext_awaitable.throw(...)`.
pub fn anext_awaitable_throw(o: &AnextAwaitable, args: &[Value]) -> PyResult<FrameExit> {
    anext_awaitable_call(o, "throw", args)
}

/// `anext_awaitable.close()`.
pub fn anext_awaitable_close(o: &AnextAwaitable) -> PyResult<FrameExit> {
    anext_awaitable_call(o, "close", &[])
}
