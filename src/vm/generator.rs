//! Generator machinery: moving a frame into a generator and back, resuming (`next`, `send`,
//! `throw`, `close`, `FOR_ITER`, `SEND`), and finalization, as CPython 3.12's `genobject.c`.
//! Coroutines and async generators run on the same machinery (`await` is `SEND` on a
//! coroutine); [`crate::vm::coroutine`] and [`crate::vm::async_gen`] add their protocols.
//!
//! - `RETURN_GENERATOR` ([`frame_into_generator`]) moves the running frame's values (its
//!   localsplus, the stack is empty) out of the arena into a new generator and pops the frame.
//! - Resuming copies the saved values into a fresh arena region above the current top frame
//!   (where any call from Rust pushes its frame), pushes the frame as an *entry* frame with the
//!   sent value on its stack, swaps the generator's handled exception in, and runs the eval loop
//!   on it ([`resume_top_frame`]); with `throw`, the loop starts by unwinding the exception in
//!   flight at the saved `lasti` (the `YIELD_VALUE`).
//! - `YIELD_VALUE` makes the eval loop return [`FrameExit::Yield`] with the frame still pushed;
//!   the resumer moves its values back into the generator and pops it. A return or an escaping
//!   exception pops the frame as usual and leaves the generator exhausted.

use std::ptr;

use crate::abi::Value;
use crate::objects::code::{co_flags, Code};
use crate::objects::exception::{
    self as exc, err, new_exception, raised_matches, ExceptionData, GENERATOR_EXIT, RUNTIME_ERROR,
    STOP_ITERATION, TYPE_ERROR, VALUE_ERROR,
};
use crate::objects::function::Function;
use crate::objects::generator::{new_generator, GenKind, GenState, Generator};
use crate::objects::str::new_str;
use crate::objects::{PyResult, Raised};
use crate::ops;
use crate::vm::call::{call, check_room, finish_push};
use crate::vm::eval::{resume_top_frame, FrameExit};
use crate::vm::frame::frames;
use crate::vm::opcodes::{RESUME, YIELD_VALUE};
use crate::vm::thread;

/// `RETURN_GENERATOR`: moves frame `fi` (the top; `ip`/`lasti` saved) into a new generator
/// and pops it. Returns the generator and whether the frame was an entry frame.
pub fn frame_into_generator(fi: usize) -> (Value, bool) {
    let fs = frames();
    debug_assert_eq!(fi, fs.frames.len() - 1);
    let f = &fs.frames[fi];
    let code = f.code();
    let cap = code.nlocalsplus() + code.stacksize as usize;
    // SAFETY: [base, sp) holds the frame's owned values; they move into the vector and the
    // arena slots become NULL (all-zero) again.
    let values = unsafe {
        let n = f.sp.offset_from(f.base) as usize;
        let mut v: Vec<Value> = Vec::with_capacity(cap.max(n));
        ptr::copy_nonoverlapping(f.base, v.as_mut_ptr(), n);
        v.set_len(n);
        ptr::write_bytes(f.base, 0, n);
        v
    };
    let nlive = values.len();
    let mut values = values;
    values.resize_with(cap.max(nlive), || Value::NULL);
    let g = new_generator(
        f.func.clone(),
        f.function().code_value(),
        f.ip,
        f.lasti,
        values.into_boxed_slice(),
        nlive,
    );
    let f = fs.frames.pop().unwrap();
    (g, f.is_entry)
}

/// Moves `n` values from `src` to `dst`, leaving NULLs behind (a plain loop: frames are small,
/// and a call to `memmove` plus `memset` costs more than the copy).
///
/// # Safety
/// `src[..n]` must hold owned values and `dst[..n]` unowned slots; the ranges must not overlap.
#[inline(always)]
unsafe fn move_values(src: *mut Value, dst: *mut Value, n: usize) {
    for i in 0..n {
        ptr::write(dst.add(i), ptr::replace(src.add(i), Value::NULL));
    }
}

/// Pushes the frame of a suspended (or just created) generator above the top frame, with
/// `arg` pushed on its stack, and swaps its handled exception in: the generator is running.
/// An inline resumption (`is_entry` false, from `FOR_ITER`/`SEND`) continues in the caller's
/// eval loop; the caller jumps by `return_offset` when the generator returns.
pub fn enter(g: &Generator, arg: Value, is_entry: bool, return_offset: u32) -> PyResult<()> {
    let f: &Function = g.function();
    let code = g.code();
    let base = frames().next_base_for_rust_call();
    check_room(code, base)?;
    let n = g.nlive.replace(0);
    // SAFETY: `check_room` guaranteed room for localsplus + stacksize at `base`; the saved
    // values move into the arena (the generator keeps NULLs), then the sent value is pushed.
    unsafe {
        let vals = (*g.values.get()).as_mut_ptr();
        move_values(vals, base, n);
        ptr::write(base.add(n), arg);
    }
    finish_push(&g.func, f, code, base, is_entry);
    let top = frames().frames.last_mut().unwrap();
    // SAFETY: within the frame's region (n + 1 <= nlocalsplus + stacksize).
    top.sp = unsafe { base.add(n + 1) };
    top.ip = g.ip.get();
    top.lasti = g.lasti.get();
    // A throw() unwinds from the suspension point.
    top.raise_at = g.lasti.get();
    top.gen = g;
    g.state.set(GenState::Running);
    g.return_offset.set(return_offset);
    // SAFETY: single-threaded; the generator's handled exception moves into the thread state.
    let own = unsafe { std::mem::take(&mut *g.exc_state.get()) };
    g.exc_saved.set(thread::push_exc_info(own));
    Ok(())
}

/// `YIELD_VALUE` (after the eval loop saved the frame's registers): moves the values of the
/// top frame `fi`, a generator's, back into the generator, pops it and swaps the resumer's
/// handled exception back in.
pub fn suspend_top_frame(fi: usize) {
    let fs = frames();
    debug_assert_eq!(fi, fs.frames.len() - 1);
    let f = fs.frames.pop().unwrap();
    // SAFETY: a frame with `gen` set belongs to that live generator (see `Frame::gen`).
    let g = unsafe { &*f.gen };
    // SAFETY: the frame's [base, sp) holds its owned values: they move back into the
    // generator (sized for localsplus + stacksize) and the arena slots become NULL again.
    unsafe {
        let n = f.sp.offset_from(f.base) as usize;
        move_values(f.base, (*g.values.get()).as_mut_ptr(), n);
        g.nlive.set(n);
        *g.exc_state.get() = thread::pop_exc_info(g.exc_saved.get());
    }
    g.ip.set(f.ip);
    g.lasti.set(f.lasti);
    g.state.set(GenState::Suspended);
}

/// Called by the eval loop when `frame` is popped for good (it returned, or an exception left
/// it): if it is a generator's, the generator is exhausted and the resumer's handled exception
/// is back.
#[inline(always)]
pub fn frame_finished(frame: &crate::vm::frame::Frame) {
    if frame.gen.is_null() {
        return;
    }
    // SAFETY: a frame with `gen` set belongs to that live generator (see `Frame::gen`).
    let g = unsafe { &*frame.gen };
    g.state.set(GenState::Completed);
    drop(thread::pop_exc_info(g.exc_saved.get()));
}

/// For a `RETURN_VALUE`/`RETURN_CONST` in `frame`: how far its resumer jumps, when it is a
/// generator frame resumed inline by `FOR_ITER` (to its `END_FOR`) or `SEND` (to `END_SEND`).
#[inline(always)]
pub fn return_offset(frame: &crate::vm::frame::Frame) -> Option<usize> {
    if frame.gen.is_null() || frame.is_entry {
        return None;
    }
    // SAFETY: a frame with `gen` set belongs to that live generator (see `Frame::gen`).
    Some(unsafe { (*frame.gen).return_offset.get() } as usize)
}

/// Whether `FOR_ITER`/`SEND` may resume `g` inline with `arg` (otherwise the generic path
/// raises the proper error or reports exhaustion).
#[inline(always)]
pub fn can_enter(g: &Generator, arg: &Value) -> bool {
    match g.state.get() {
        GenState::Suspended => true,
        GenState::Created => arg.is_none(),
        _ => false,
    }
}

/// Runs a suspended (or just created) generator from Rust with `arg` pushed on its stack;
/// with `throw`, raises the exception in flight inside it instead (`arg` is then None).
/// CPython's `gen_send_ex2` minus the state checks.
fn resume(g: &Generator, arg: Value, throw: bool) -> PyResult<FrameExit> {
    if throw {
        // SAFETY: single-threaded; read-only peek at the generator's handled exception.
        let own = unsafe { &*g.exc_state.get() };
        if !own.is_null() && !own.is_none() {
            exc::attach_context(&thread::peek_raised(), own);
        }
    }
    enter(g, arg, true, 0)?;
    let r = resume_top_frame(throw);
    if let Ok(FrameExit::Yield(_)) = r {
        suspend_top_frame(frames().frames.len() - 1);
    }
    r
}

/// Sends `arg` into generator `gv` (or, with `throw`, raises the exception in flight in it),
/// with CPython's checks: a just-started generator takes only None, a running one cannot be
/// re-entered, an exhausted one returns None (send/next) or lets the thrown exception through;
/// an exhausted coroutine cannot be resumed at all, except by `close()` (`closing`).
#[inline]
pub fn send_ex(
    gv: &Value,
    g: &Generator,
    arg: Value,
    throw: bool,
    closing: bool,
) -> PyResult<FrameExit> {
    match g.state.get() {
        GenState::Suspended => resume(g, arg, throw),
        GenState::Created if arg.is_none() => resume(g, arg, throw),
        _ => send_ex_slow(gv, g, arg, throw, closing),
    }
}

/// [`send_ex`] for a generator that is not simply resumable (the error cases, and exhaustion).
#[cold]
#[inline(never)]
fn send_ex_slow(
    _gv: &Value,
    g: &Generator,
    arg: Value,
    throw: bool,
    closing: bool,
) -> PyResult<FrameExit> {
    match g.state.get() {
        GenState::Created => err(
            &TYPE_ERROR,
            format!(
                "can't send non-None value to a just-started {}",
                g.kind.noun()
            ),
        ),
        GenState::Running => err(&VALUE_ERROR, format!("{} already executing", g.kind.noun())),
        GenState::Completed => {
            if g.kind == GenKind::Coroutine && !closing {
                err(&RUNTIME_ERROR, "cannot reuse already awaited coroutine")
            } else if throw {
                Err(Raised)
            } else {
                Ok(FrameExit::Return(Value::NONE))
            }
        }
        GenState::Suspended => resume(g, arg, throw),
    }
}

/// Raises `StopIteration` for a generator's return value (no args for None).
pub fn raise_stop_iteration(v: Value) -> Raised {
    let args = if v.is_none() { vec![] } else { vec![v] };
    exc::raise_value(new_exception(&STOP_ITERATION, args))
}

/// The result of a resumption as `send()`/`__next__()` report it.
fn yielded_or_stop(r: FrameExit) -> PyResult<Value> {
    match r {
        FrameExit::Yield(v) => Ok(v),
        FrameExit::Return(v) => Err(raise_stop_iteration(v)),
    }
}

/// `gen.send(arg)` / `gen.__next__()`.
pub fn send_method(gv: &Value, g: &Generator, arg: Value) -> PyResult<Value> {
    yielded_or_stop(send_ex(gv, g, arg, false, false)?)
}

/// The `next` slot (`for` loops, `list(gen)`, ...): `Ok(None)` when exhausted.
pub fn next_slot(gv: &Value, g: &Generator) -> PyResult<Option<Value>> {
    match send_ex(gv, g, Value::NONE, false, false)? {
        FrameExit::Yield(v) => Ok(Some(v)),
        FrameExit::Return(_) => Ok(None),
    }
}

/// `FOR_ITER` over a generator: resumes it directly.
#[inline]
pub fn for_iter(gv: &Value, g: &Generator) -> PyResult<Option<Value>> {
    if g.state.get() == GenState::Suspended {
        return match resume(g, Value::NONE, false)? {
            FrameExit::Yield(v) => Ok(Some(v)),
            FrameExit::Return(_) => Ok(None),
        };
    }
    next_slot(gv, g)
}

/// `next(gen[, default])`: like `__next__`, but the return value travels in StopIteration.
pub fn builtin_next(gv: &Value, g: &Generator, default: Option<&Value>) -> PyResult<Value> {
    match send_ex(gv, g, Value::NONE, false, false)? {
        FrameExit::Yield(v) => Ok(v),
        FrameExit::Return(v) => match default {
            Some(d) => Ok(d.clone()),
            None => Err(raise_stop_iteration(v)),
        },
    }
}

/// The iterator a suspended generator delegates to with `yield from` (CPython's `_PyGen_yf`):
/// it is suspended before a `RESUME` with oparg >= 2, and the iterator is on top of its stack.
pub fn yield_from_target(g: &Generator) -> Option<Value> {
    if g.state.get() != GenState::Suspended {
        return None;
    }
    let code = g.code();
    let ip = g.ip.get();
    if ip >= code.n_units() {
        return None;
    }
    // SAFETY: `ip` is a valid code-unit index (checked above).
    let (op, arg) = unsafe {
        let p = code.code_ptr();
        (*p.add(2 * ip), *p.add(2 * ip + 1))
    };
    let n = g.nlive.get();
    if op != RESUME || arg < 2 || n == 0 {
        return None;
    }
    // SAFETY: single-threaded; `n - 1` is the top of the saved stack.
    Some(unsafe { (*g.values.get())[n - 1].clone() })
}

/// Whether `t` (a class, an instance or a tuple of them) matches exception class `ty`
/// (CPython's `PyErr_GivenExceptionMatches`).
fn given_matches(t: &Value, ty: &crate::objects::TypeObject) -> bool {
    if let Some(items) = crate::objects::tuple::try_tuple_items(t) {
        return items.iter().any(|x| given_matches(x, ty));
    }
    match ops::object::as_type(t) {
        Some(c) => c.is_subtype(ty),
        None => exc::is_exception(t) && t.ty().is_subtype(ty),
    }
}

/// `gen.throw(typ[, val[, tb]])`.
pub fn throw_method(
    gv: &Value,
    g: &Generator,
    typ: &Value,
    val: &Value,
    tb: &Value,
) -> PyResult<Value> {
    yielded_or_stop(gen_throw(gv, g, true, typ, val, tb)?)
}

/// CPython's `_gen_throw`: delegates to the `yield from` / `await` target first (closing it
/// instead for GeneratorExit when `close_on_genexit`; async generators' `athrow` does not, so
/// that their cleanup may still await), then raises the normalized exception inside the
/// generator.
pub fn gen_throw(
    gv: &Value,
    g: &Generator,
    close_on_genexit: bool,
    typ: &Value,
    val: &Value,
    tb: &Value,
) -> PyResult<FrameExit> {
    if let Some(yf) = yield_from_target(g) {
        if close_on_genexit && given_matches(typ, &GENERATOR_EXIT) {
            g.state.set(GenState::Running);
            let r = close_iter(&yf);
            g.state.set(GenState::Suspended);
            if r.is_err() {
                return send_ex(gv, g, Value::NONE, true, false);
            }
        } else {
            let ret: PyResult<Value> = if let Some(yg) = yf.downcast_ref::<Generator>() {
                g.state.set(GenState::Running);
                let r = gen_throw(&yf, yg, close_on_genexit, typ, val, tb);
                g.state.set(GenState::Suspended);
                r.and_then(yielded_or_stop)
            } else {
                match ops::object::getattr_opt(&yf, &new_str("throw"))? {
                    None => return throw_here(gv, g, typ, val, tb),
                    Some(m) => {
                        let mut args = vec![typ.clone()];
                        if !val.is_null() {
                            args.push(val.clone());
                            if !tb.is_null() {
                                args.push(tb.clone());
                            }
                        }
                        g.state.set(GenState::Running);
                        let r = call(&m, &args, &[]);
                        g.state.set(GenState::Suspended);
                        r
                    }
                }
            };
            return match ret {
                Ok(v) => Ok(FrameExit::Yield(v)),
                // The delegate's error (StopIteration included) is raised at the
                // `yield from`, where CLEANUP_THROW sorts it out.
                Err(_) => send_ex(gv, g, Value::NONE, true, false),
            };
        }
    }
    throw_here(gv, g, typ, val, tb)
}

/// The second half of `_gen_throw`: validate and normalize `(typ, val, tb)`, raise it in the
/// generator.
fn throw_here(
    gv: &Value,
    g: &Generator,
    typ: &Value,
    val: &Value,
    tb: &Value,
) -> PyResult<FrameExit> {
    let tb = if tb.is_none() { &Value::NULL } else { tb };
    if !tb.is_null()
        && tb
            .downcast_ref::<crate::objects::traceback::Traceback>()
            .is_none()
    {
        return err(
            &TYPE_ERROR,
            "throw() third argument must be a traceback object",
        );
    }
    let e = if ops::object::as_type(typ).is_some_and(|t| t.is_subtype(&exc::BASE_EXCEPTION)) {
        let t = ops::object::as_type(typ).unwrap();
        if !val.is_null() && !val.is_none() && val.ty().is_subtype(t) {
            val.clone()
        } else {
            let args: Vec<Value> = if val.is_null() || val.is_none() {
                vec![]
            } else if let Some(items) = crate::objects::tuple::try_tuple_items(val) {
                items.to_vec()
            } else {
                vec![val.clone()]
            };
            let e = call(typ, &args, &[])?;
            if !exc::is_exception(&e) {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        ops::object::repr_string(typ)?,
                        e.type_name()
                    ),
                );
            }
            e
        }
    } else if exc::is_exception(typ) {
        if !val.is_null() && !val.is_none() {
            return err(
                &TYPE_ERROR,
                "instance exception may not have a separate value",
            );
        }
        typ.clone()
    } else {
        return err(
            &TYPE_ERROR,
            format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                typ.type_name()
            ),
        );
    };
    if !tb.is_null() {
        if let Some(d) = e.downcast_ref::<ExceptionData>() {
            d.set_traceback(tb.clone());
        }
    }
    thread::restore_raised(e);
    send_ex(gv, g, Value::NONE, true, false)
}

/// Closes the `yield from` delegate `yf` (CPython's `gen_close_iter`).
fn close_iter(yf: &Value) -> PyResult<()> {
    if let Some(g) = yf.downcast_ref::<Generator>() {
        close(yf, g)?;
        return Ok(());
    }
    match ops::object::getattr_opt(yf, &new_str("close")) {
        Ok(Some(m)) => {
            call(&m, &[], &[])?;
        }
        Ok(None) => {}
        Err(_) => {
            let e = thread::take_raised();
            crate::vm::traceback::print_unraisable(&e, yf);
        }
    }
    Ok(())
}

/// Whether the generator is suspended at a `yield` outside any `try` block of its own (the
/// `YIELD_VALUE` oparg counts the enclosing exception handlers, 1 being the implicit one that
/// turns StopIteration into RuntimeError): closing it then needs no code to run.
fn suspended_outside_try(g: &Generator) -> bool {
    let code = g.code();
    let i = g.lasti.get();
    if i >= code.n_units() {
        return false;
    }
    // SAFETY: `i` is a valid code-unit index (checked above).
    let (op, arg) = unsafe {
        let p = code.code_ptr();
        (*p.add(2 * i), *p.add(2 * i + 1))
    };
    op == YIELD_VALUE && arg == 1
}

/// `gen.close()`: raises GeneratorExit at the suspension point; the generator must let it (or
/// StopIteration) out, or return; yielding again is a RuntimeError.
pub fn close(gv: &Value, g: &Generator) -> PyResult<Value> {
    match g.state.get() {
        GenState::Created => {
            g.state.set(GenState::Completed);
            g.clear();
            return Ok(Value::NONE);
        }
        GenState::Completed => return Ok(Value::NONE),
        GenState::Running => {
            return err(&VALUE_ERROR, format!("{} already executing", g.kind.noun()))
        }
        GenState::Suspended => {}
    }
    let mut failed = false;
    if let Some(yf) = yield_from_target(g) {
        g.state.set(GenState::Running);
        failed = close_iter(&yf).is_err();
        g.state.set(GenState::Suspended);
    }
    if !failed && suspended_outside_try(g) {
        g.state.set(GenState::Completed);
        g.clear();
        return Ok(Value::NONE);
    }
    if !failed {
        exc::raise_value(new_exception(&GENERATOR_EXIT, vec![]));
    }
    match send_ex(gv, g, Value::NONE, true, true) {
        Ok(FrameExit::Yield(_)) => err(
            &RUNTIME_ERROR,
            format!("{} ignored GeneratorExit", g.kind.noun()),
        ),
        Ok(FrameExit::Return(_)) => Ok(Value::NONE),
        Err(e) => {
            if raised_matches(&STOP_ITERATION) || raised_matches(&GENERATOR_EXIT) {
                thread::take_raised();
                Ok(Value::NONE)
            } else {
                Err(e)
            }
        }
    }
}

/// Whether a generator reaching its last reference must run [`finalize`] first: it is
/// suspended (closing it may run code), or it is a coroutine that never ran (it warns), or an
/// unfinished async generator with a finalizer hook.
pub fn needs_finalizer(g: &Generator) -> bool {
    match g.state.get() {
        GenState::Suspended => true,
        GenState::Created => match g.kind {
            GenKind::Generator => false,
            GenKind::Coroutine => true,
            GenKind::AsyncGenerator => crate::vm::async_gen::has_finalizer(g),
        },
        _ => false,
    }
}

/// Finalizer run at a generator's last reference (CPython's `_PyGen_Finalize`): an async
/// generator with a finalizer hook is passed to it; a coroutine that never ran warns that it
/// was never awaited; anything else is closed, an error printed as "Exception ignored in:
/// <generator ...>". The exception in flight (if any) is preserved.
pub fn finalize(gv: &Value, g: &Generator) {
    let saved = thread::take_raised();
    if g.kind == GenKind::AsyncGenerator && crate::vm::async_gen::has_finalizer(g) {
        crate::vm::async_gen::call_finalizer(gv, g);
    } else if g.kind == GenKind::Coroutine && g.state.get() == GenState::Created {
        crate::vm::coroutine::warn_unawaited(g);
    } else if close(gv, g).is_err() {
        let e = thread::take_raised();
        crate::vm::traceback::print_unraisable(&e, gv);
    }
    if !saved.is_null() {
        thread::restore_raised(saved);
    }
}

/// `SEND`: one step of `yield from` / `await` on `receiver`: `Yield` goes on to the
/// `YIELD_VALUE`, `Return` (the delegate finished) jumps to `END_SEND`.
pub fn send_op(receiver: &Value, v: Value) -> PyResult<FrameExit> {
    if let Some(g) = receiver.downcast_ref::<Generator>() {
        return send_ex(receiver, g, v, false, false);
    }
    if let Some(r) = crate::vm::coroutine::am_send(receiver, &v) {
        return r;
    }
    let heap = receiver.ty().flags & crate::objects::flags::HEAPTYPE != 0;
    let r = if v.is_none() && heap && receiver.ty().next.is_some() {
        // A class's `next` slot drops StopIteration's value: call `__next__` to keep it.
        match receiver.ty().lookup_str("__next__") {
            Some(m) => call(&m, std::slice::from_ref(receiver), &[]),
            None => ops::sequence::next(receiver).map(|x| x.unwrap_or(Value::NONE)),
        }
    } else if v.is_none() && receiver.ty().next.is_some() {
        match ops::sequence::next(receiver) {
            Ok(Some(x)) => return Ok(FrameExit::Yield(x)),
            Ok(None) => return Ok(FrameExit::Return(Value::NONE)),
            Err(e) => Err(e),
        }
    } else {
        ops::object::getattr(receiver, &new_str("send")).and_then(|m| call(&m, &[v], &[]))
    };
    match r {
        Ok(x) => Ok(FrameExit::Yield(x)),
        Err(e) => {
            if raised_matches(&STOP_ITERATION) {
                let e = thread::take_raised();
                Ok(FrameExit::Return(
                    stop_iteration_value(&e).unwrap_or(Value::NONE),
                ))
            } else {
                Err(e)
            }
        }
    }
}

/// `GET_YIELD_FROM_ITER` in a frame running `code`: generators delegate as themselves, and so
/// do coroutines, in a coroutine or a `@types.coroutine` generator only; anything else goes
/// through `iter()`.
pub fn yield_from_iter(v: Value, code: &Code) -> PyResult<Value> {
    if let Some(g) = v.downcast_ref::<Generator>() {
        match g.kind {
            GenKind::Generator => return Ok(v),
            GenKind::Coroutine => {
                if code.flags & (co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE) == 0 {
                    return err(
                        &TYPE_ERROR,
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    );
                }
                return Ok(v);
            }
            GenKind::AsyncGenerator => {}
        }
    }
    ops::sequence::iter(&v)
}

/// `StopIteration.value` when `e` is a StopIteration instance (`CLEANUP_THROW`).
pub fn stop_iteration_value(e: &Value) -> Option<Value> {
    if !exc::is_exception(e) || !e.ty().is_subtype(&STOP_ITERATION) {
        return None;
    }
    Some(ops::object::get_instance_dict_item(e, "value").unwrap_or(Value::NONE))
}

/// `CALL_INTRINSIC_1` 3 (`INTRINSIC_STOPITERATION_ERROR`): a StopIteration escaping a
/// generator's body becomes `RuntimeError("generator raised StopIteration")` caused by it.
pub fn stopiteration_error(e: Value, code: &Code) -> Value {
    let msg = if e.ty().is_subtype(&STOP_ITERATION) {
        if code.flags & co_flags::ASYNC_GENERATOR != 0 {
            "async generator raised StopIteration"
        } else if code.flags & co_flags::COROUTINE != 0 {
            "coroutine raised StopIteration"
        } else {
            "generator raised StopIteration"
        }
    } else if code.flags & co_flags::ASYNC_GENERATOR != 0
        && e.ty().is_subtype(&exc::STOP_ASYNC_ITERATION)
    {
        "async generator raised StopAsyncIteration"
    } else {
        return e;
    };
    let r = exc::new_exception_msg(&RUNTIME_ERROR, msg);
    let d = r.downcast_ref::<ExceptionData>().unwrap();
    d.set_cause(e.clone());
    d.suppress_context.set(true);
    d.set_context(e);
    r
}

thread_local! {
    /// Warnings already shown: (message, file, line), as CPython's `__warningregistry__`.
    static WARNED: std::cell::RefCell<Vec<(String, String, u32)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The DeprecationWarning CPython 3.12 shows for `throw(type, value[, tb])` (`method` is
/// "throw", or "athrow" for async generators), once per calling line of `__main__` (the default
/// warning filters ignore it elsewhere).
pub fn warn_throw_signature(method: &str) {
    let msg = format!(
        "the (type, exc, tb) signature of {}() is deprecated, use the single-arg signature instead.",
        method
    );
    show_warning("DeprecationWarning", &msg, true, "");
}

/// Prints a warning as the default `warnings.showwarning` does, attributed to the line being
/// run by the top frame (`sys:1` when none), once per message and location (the "default"
/// action); with `main_only`, only when that frame runs `__main__` code (DeprecationWarning's
/// default filter). `extra` is appended to the report.
pub fn show_warning(category: &str, message: &str, main_only: bool, extra: &str) {
    let fs = frames();
    let (file, line) = match fs.frames.last() {
        Some(f) => {
            if main_only {
                // SAFETY: the frame's function keeps its globals alive.
                let globals = unsafe { &*f.globals };
                let is_main = globals
                    .get_str(&new_str("__name__"))
                    .and_then(|n| crate::objects::str::as_str(&n).map(|s| &*s == "__main__"))
                    .unwrap_or(false);
                if !is_main {
                    return;
                }
            }
            let code = f.code();
            (
                ops::object::str_string(&code.filename).unwrap_or_default(),
                code.line_at(f.lasti),
            )
        }
        None if main_only => return,
        None => ("sys".to_string(), 1),
    };
    let first = WARNED.with(|w| {
        let mut w = w.borrow_mut();
        if w.iter()
            .any(|(m2, f2, l2)| m2 == message && *f2 == file && *l2 == line)
        {
            false
        } else {
            w.push((message.to_string(), file.clone(), line));
            true
        }
    });
    if !first {
        return;
    }
    let mut msg = format!("{}:{}: {}: {}\n", file, line, category, message);
    if let Some(src) = crate::vm::traceback::source_line(&file, line) {
        msg.push_str(&format!("  {}\n", src));
    }
    msg.push_str(extra);
    let _ = crate::modules::sys::flush_stdout();
    let _ = crate::modules::sys::write_stderr(&msg);
}
