//! Calling: the generic `call` entry point, argument binding for Python functions (with
//! CPython's exact `TypeError` messages), and frame set-up shared by the eval loop's `CALL`.

use crate::abi::Value;
use crate::objects::code::{co_flags, Code};
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{err, RECURSION_ERROR, TYPE_ERROR};
use crate::objects::function::Function;
use crate::objects::str::{as_str, str_eq};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::PyResult;
use crate::vm::frame::{frames, Frame, FrameStack};
use crate::vm::thread;

/// Calls any callable with vectorcall arguments (`kwnames` names the trailing arguments).
pub fn call(callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if let Some(f) = callable.downcast_ref::<Function>() {
        return call_function(callable, f, args, kwnames);
    }
    match callable.ty().call {
        Some(c) => c(callable, args, kwnames),
        None => err(
            &TYPE_ERROR,
            format!("'{}' object is not callable", callable.type_name()),
        ),
    }
}

/// The `call` slot of `function` (used when a function is reached through a generic path).
pub fn call_function_slot(callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let f = callable.downcast_ref::<Function>().unwrap();
    call_function(callable, f, args, kwnames)
}

/// Runs a Python function from Rust: pushes an entry frame and runs the eval loop until it
/// returns.
pub fn call_function(
    fv: &Value,
    f: &Function,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let base = frames().next_base_for_rust_call();
    push_frame(fv, f, base, args, kwnames, true)?;
    crate::vm::eval::run_top_frame()
}

/// Pushes a frame for `f` at `base`, binding `args` into its locals. On error nothing is pushed
/// and the region above `base` is left as free (unowned) slots.
pub fn push_frame(
    fv: &Value,
    f: &Function,
    base: *mut Value,
    args: &[Value],
    kwnames: &[Value],
    is_entry: bool,
) -> PyResult<()> {
    let code = f.code();
    check_room(code, base)?;
    let locals = init_locals(code, base);
    if kwnames.is_empty() && is_exact_args(code, args.len()) {
        // Exactly the positional parameters given (a key function, a callback): they are
        // the first locals, with no binding rules to apply.
        for (slot, a) in locals.iter_mut().zip(args) {
            *slot = a.clone();
        }
    } else if let Err(e) = bind_args(f, code, locals, args, kwnames) {
        clear_locals(locals);
        return Err(e);
    }
    finish_push(fv, f, code, base, is_entry);
    Ok(())
}

/// `CALL` of a Python function from the eval loop: the callee's frame starts at `base` (where
/// the callable sat on the caller's stack) and the `nargs` arguments at `args_ptr` (owned stack
/// values, just above `base`) move into its parameters.
///
/// # Safety
/// `base..args_ptr` must hold the callable slots and `args_ptr..args_ptr + nargs` the owned
/// argument values of the running frame's stack, with `base` at that frame's stack top region.
pub unsafe fn bind_args_into_frame(
    fv: &Value,
    f: &Function,
    base: *mut Value,
    args_ptr: *mut Value,
    nargs: usize,
    kwnames: &[Value],
) -> PyResult<()> {
    let code = f.code();
    // SAFETY: [base, args_ptr) holds the callable (and a NULL or the method) and
    // [args_ptr, args_ptr + nargs) the arguments, all owned stack values.
    unsafe {
        let head = args_ptr.offset_from(base) as usize;
        let taken: [Value; 2] = [
            std::ptr::read(base),
            if head > 1 {
                std::ptr::read(base.add(1))
            } else {
                Value::NULL
            },
        ];
        if let Err(e) = check_room(code, base) {
            for i in 0..nargs {
                drop(std::ptr::read(args_ptr.add(i)));
            }
            drop(taken);
            return Err(e);
        }
        if kwnames.is_empty() && is_exact_args(code, nargs) {
            std::ptr::copy(args_ptr, base, nargs);
            fill_null(base.add(nargs), base.add(code.nlocalsplus()));
        } else {
            // The arguments move out of the way of the locals they overlap: into a buffer on
            // the Rust stack for the usual few, a Vec beyond that.
            const INLINE: usize = 8;
            let mut inline: [Value; INLINE] = Default::default();
            let mut spilled: Vec<Value> = Vec::new();
            let args: &[Value] = if nargs <= INLINE {
                for (i, slot) in inline.iter_mut().enumerate().take(nargs) {
                    *slot = std::ptr::read(args_ptr.add(i));
                }
                &inline[..nargs]
            } else {
                spilled.extend((0..nargs).map(|i| std::ptr::read(args_ptr.add(i))));
                &spilled
            };
            let locals = init_locals(code, base);
            if let Err(e) = bind_args(f, code, locals, args, kwnames) {
                clear_locals(locals);
                drop(taken);
                return Err(e);
            }
        }
        drop(taken);
    }
    finish_push(fv, f, code, base, false);
    Ok(())
}

/// What [`call_exact`] did.
pub enum ExactCall {
    /// The callee's frame is on top of the frame stack, its arguments moved in.
    Pushed,
    /// The callable is not a Python function taking exactly these arguments: the stack is as
    /// it was (but for a bound method split into function and self), and the specialized
    /// instruction deoptimizes.
    NotExact,
    /// The push raised (`RecursionError`); the call's inputs are dropped and the caller's
    /// stack ends at its saved `sp`.
    Raised(crate::objects::Raised),
}

/// `CALL_PY_EXACT_ARGS` (or `CALL_BOUND_METHOD_EXACT_ARGS` when `bound`) with `n` arguments,
/// whose `n + 2` stack inputs end at `sp` in the top frame of `fs`: the guard, and when it
/// holds the frame push. The one definition of both forms, for the eval loop and for the JIT
/// (`apy_call_py_exact`); compiled code's inline copy of the common case (`CALL_PY_INLINE` in
/// `stencils/lib.rs`, for a compiled callee) must stay in step with it.
///
/// The caller has saved the top frame's `ip` (the return point) and `lasti`; this sets its
/// `sp` to below the call's inputs.
///
/// # Safety
/// The `n + 2` slots below `sp` are the call's owned stack inputs in the top frame of `fs`.
#[inline(always)]
pub unsafe fn call_exact(fs: &mut FrameStack, sp: *mut Value, n: usize, bound: bool) -> ExactCall {
    call_exact_returning(fs, sp, n, bound, 0)
}

/// [`call_exact`] from compiled code: the callee's frame gets `ret`, the caller's compiled code
/// after the call, as its [`jit_ret`](Frame::jit_ret).
///
/// # Safety
/// As [`call_exact`].
#[inline(always)]
pub unsafe fn call_exact_returning(
    fs: &mut FrameStack,
    sp: *mut Value,
    n: usize,
    bound: bool,
    ret: usize,
) -> ExactCall {
    let caller = fs.top();
    match call_exact_frame(fs, caller, sp, n, bound, ret) {
        Ok(_) => ExactCall::Pushed,
        Err(None) => ExactCall::NotExact,
        Err(Some(e)) => ExactCall::Raised(e),
    }
}

/// [`call_exact_returning`] for the eval loop, which knows the top frame's header (`caller`):
/// the pushed frame's header on success (so the loop takes the callee's registers from the
/// values just stored, with no reload), `Err(None)` for [`ExactCall::NotExact`] and
/// `Err(Some(_))` for [`ExactCall::Raised`].
///
/// # Safety
/// As [`call_exact`], and `caller` is the top frame's header.
#[inline(always)]
pub unsafe fn call_exact_frame(
    fs: &mut FrameStack,
    caller: *mut Frame,
    sp: *mut Value,
    n: usize,
    bound: bool,
    ret: usize,
) -> Result<*mut Frame, Option<crate::objects::Raised>> {
    let (slot0, slot1) = (&mut *sp.sub(n + 2), &mut *sp.sub(n + 1));
    if bound {
        // [NULL, bound method, args] becomes [function, self, args].
        let Some(m) = slot1.downcast_ref::<crate::objects::function::Method>() else {
            return Err(None);
        };
        if !slot0.is_null() || m.func.downcast_ref::<Function>().is_none() {
            return Err(None);
        }
        let (func, self_) = (m.func.clone(), m.self_.clone());
        *slot0 = func;
        *slot1 = self_;
    }
    let (callable, args_ptr, nargs) = if slot0.is_null() {
        (&*slot1, sp.sub(n), n)
    } else {
        (&*slot0, sp.sub(n + 1), n + 1)
    };
    let Some(func) = callable.downcast_ref::<Function>() else {
        return Err(None);
    };
    if !is_exact_args(func.code(), nargs) {
        return Err(None);
    }
    let callee_base = sp.sub(n + 2);
    (*caller).sp = callee_base;
    push_frame_exact_at(fs, func, callee_base, args_ptr, nargs, ret).map_err(Some)
}

/// The frame push of `CALL_PY_EXACT_ARGS`: the callee takes exactly the `nargs` positional
/// arguments at `args_ptr`, so they become its first locals by one move, and the callable's
/// reference moves from its stack slot into the frame (no refcount traffic).
///
/// # Safety
/// `base` is the first of the call's stack inputs in the running frame's stack, laid out as
/// `[function, self, args...]` (then `args_ptr == base + 1`, self being argument 0) or
/// `[NULL, function, args...]` (then `args_ptr == base + 2`); the `nargs` values at `args_ptr`
/// are owned; `f` is the function's payload and `is_exact_args(f.code(), nargs)` holds. On
/// error every input is dropped.
#[inline(always)]
pub unsafe fn push_frame_exact(
    fs: &mut FrameStack,
    f: &Function,
    base: *mut Value,
    args_ptr: *mut Value,
    nargs: usize,
) -> PyResult<()> {
    push_frame_exact_at(fs, f, base, args_ptr, nargs, 0).map(|_| ())
}

/// Tier 1's `CALL_PY_EXACT_ARGS` frame push, once the eval loop has checked the callable: a
/// function `f` with code `code` that takes exactly the `nargs` arguments, the stack inputs at
/// `base` being `[NULL, function, args...]` (`self_arg == 0`) or `[function, self, args...]`
/// (`self_arg == 1`, self being argument 0). The arguments move down to `base` as the callee's
/// first locals and the callable's reference moves into the header, as in
/// [`push_frame_exact`]; the eval loop knows the callee's registers already (code, `base`,
/// `base + nlocalsplus`), so only the header comes back.
///
/// # Safety
/// As [`push_frame_exact`], with `is_exact_args(code, nargs)` and `code` being `f.code()`. On
/// error every input is dropped.
#[inline(always)]
pub unsafe fn push_frame_tier1(
    fs: &mut FrameStack,
    f: &Function,
    code: &Code,
    base: *mut Value,
    self_arg: usize,
    nargs: usize,
) -> PyResult<*mut Frame> {
    push_frame_moving_args(
        fs,
        f,
        code,
        base,
        base.add(1 - self_arg),
        base.add(2 - self_arg),
        nargs,
        0,
    )
}

/// [`push_frame_exact`] with `ret` as the new frame's [`jit_ret`](Frame::jit_ret), returning
/// the pushed header.
///
/// # Safety
/// As [`push_frame_exact`].
#[inline(always)]
unsafe fn push_frame_exact_at(
    fs: &mut FrameStack,
    f: &Function,
    base: *mut Value,
    args_ptr: *mut Value,
    nargs: usize,
    ret: usize,
) -> PyResult<*mut Frame> {
    // [function, self, args...] (self is argument 0, already in place) or
    // [NULL, function, args...].
    let func_slot = if args_ptr == base.add(1) {
        base
    } else {
        base.add(1)
    };
    push_frame_moving_args(fs, f, f.code(), base, func_slot, args_ptr, nargs, ret)
}

/// The body of the exact-arguments frame pushes: the callable's reference moves from
/// `func_slot` into the header of a frame of `code` (`f.code()`) with its locals at `base`, and
/// the `nargs` owned arguments at `args_ptr` move down to `base` as its first locals; the new
/// frame's [`jit_ret`](Frame::jit_ret) is `ret`. On error every input is dropped.
///
/// # Safety
/// As [`push_frame_exact`], `func_slot` being the callable's slot among the inputs.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn push_frame_moving_args(
    fs: &mut FrameStack,
    f: &Function,
    code: &Code,
    base: *mut Value,
    func_slot: *mut Value,
    args_ptr: *mut Value,
    nargs: usize,
    ret: usize,
) -> PyResult<*mut Frame> {
    let len = fs.frames.len();
    if len >= fs.recursion_limit || !fs.has_room(base, code.frame_size as usize) {
        for i in 0..nargs {
            drop(std::ptr::read(args_ptr.add(i)));
        }
        drop(std::ptr::read(func_slot));
        return err(&RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    // Split: the callable was usually just pushed (see `Value::read_split`).
    let func = Value::read_split(func_slot);
    // Arguments move down over the callable slots (dest below src: a forward copy is safe). A
    // plain loop: calls have few arguments, and a libc memmove call costs more than the copy.
    // Pointer loops: LLVM unrolls and vectorizes index loops, whose setup costs more than
    // the one to three moves of a typical call.
    let (mut dst, mut src) = (base, args_ptr as *const Value);
    let args_end = base.add(nargs);
    while dst < args_end {
        // Two 8-byte loads: an argument was just pushed by two 8-byte stores, which cannot be
        // forwarded to one 16-byte load (see `Value::read_split`).
        std::ptr::write(dst, Value::read_split(src));
        dst = dst.add(1);
        src = src.add(1);
    }
    let locals_end = base.add(code.nlocalsplus());
    fill_null(dst, locals_end);
    // The header is written in place at the end of the frame vector (no temporary to copy).
    if len == fs.frames.capacity() {
        fs.frames.reserve(1);
    }
    let header = fs.frames.as_mut_ptr().add(len);
    std::ptr::write(
        header,
        Frame::start(
            func,
            code as *const Code,
            // Globals and builtins of a function are always dicts.
            f.globals.payload_unchecked::<Dict>() as *const Dict,
            f.builtins.payload_unchecked::<Dict>() as *const Dict,
            base,
            locals_end,
            ret,
        ),
    );
    fs.frames.set_len(len + 1);
    Ok(header)
}

/// Writes NULL into the unowned slots from `dst` up to `end`: the locals of a new frame
/// after its arguments.
///
/// One store per slot, kept as stores: as a plain loop LLVM turns this into a call to
/// `memset`, which costs several times the one to five stores of a typical frame.
///
/// # Safety
/// `dst..end` are slots of the value arena that hold no owned values.
#[inline(always)]
unsafe fn fill_null(mut dst: *mut Value, end: *mut Value) {
    while dst < end {
        std::ptr::write_volatile(dst, Value::NULL);
        dst = dst.add(1);
    }
}

/// What [`enter_init`] did.
pub enum InitCall {
    /// The call is not of a class the instruction's specialization fits: nothing changed.
    NotFit,
    /// Raised at the call (`RecursionError`); the inputs are gone and the caller's stack ends
    /// at its `sp`.
    Raised(crate::objects::Raised),
    /// The `__init__` frame is on top, holding the new instance in `init_self`.
    Pushed,
}

/// `CALL_ALLOC_AND_ENTER_INIT` with `n` arguments, for both tiers: `Cls(args)` for a class whose
/// call is "bare instance, then Python `__init__`" (see `class_::plain_init`), the class's
/// version being `version` (the instruction's cache). Makes the instance and pushes `__init__`
/// as a frame whose return hands the instance back in place of its `None`
/// (`Frame::init_self`).
///
/// # Safety
/// `frame` is the top frame of `fs`, whose position is saved (`ip`, `lasti`, `raise_at`), and
/// the `n + 2` slots below `sp` are the call's owned stack inputs.
#[inline]
pub unsafe fn enter_init(
    fs: &mut FrameStack,
    frame: *mut Frame,
    sp: *mut Value,
    n: usize,
    version: u32,
) -> InitCall {
    let (slot0, slot1) = (&mut *sp.sub(n + 2), &mut *sp.sub(n + 1));
    if !slot0.is_null()
        || !slot1.is_obj()
        || !std::ptr::eq(slot1.type_ptr(), &crate::objects::TYPE_TYPE)
        || (*frame).kwnames_pending != 0
    {
        return InitCall::NotFit;
    }
    // A value whose type is exactly `type` is a TypeObject (immortal).
    let t = &*(slot1.obj_ptr() as *const crate::objects::TypeObject);
    // The version names the class and vouches for everything plain_init checked.
    if t.version.get() != version {
        return InitCall::NotFit;
    }
    let Some(init) = t.lookup(&crate::objects::str::new_str("__init__")) else {
        return InitCall::NotFit;
    };
    let Some(init_fn) = init.downcast_ref::<Function>() else {
        return InitCall::NotFit;
    };
    if !is_exact_args(init_fn.code(), n + 1) {
        return InitCall::NotFit;
    }
    let obj = crate::objects::object::new_bare(t);
    // [NULL, cls, args...] becomes [__init__, self, args...]: a bound-method call.
    *slot0 = init.clone();
    drop(std::mem::replace(slot1, obj.clone()));
    let callee_base = sp.sub(n + 2);
    (*frame).sp = callee_base;
    match push_frame_exact(fs, init_fn, callee_base, callee_base.add(1), n + 1) {
        Ok(()) => {
            (*fs.top()).init_self = obj;
            InitCall::Pushed
        }
        Err(e) => InitCall::Raised(e),
    }
}

/// Raises `RecursionError` when the call depth is at the limit or the arena has no room for a
/// frame of `code` at `base`.
pub(crate) fn check_room(code: &Code, base: *mut Value) -> PyResult<()> {
    if thread::depth() >= thread::recursion_limit()
        || !frames().has_room(base, code.nlocalsplus() + code.stacksize as usize)
    {
        return err(&RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    Ok(())
}

/// Writes NULL into the (unowned) localsplus slots at `base` and returns them.
fn init_locals<'a>(code: &Code, base: *mut Value) -> &'a mut [Value] {
    let n = code.nlocalsplus();
    // SAFETY: `check_room` guaranteed the slots exist; they hold no owned values yet, so they
    // are overwritten without dropping.
    unsafe {
        fill_null(base, base.add(n));
        std::slice::from_raw_parts_mut(base, n)
    }
}

fn clear_locals(locals: &mut [Value]) {
    for slot in locals.iter_mut() {
        *slot = Value::NULL;
    }
}

/// Pushes the header of a frame whose localsplus at `base` are already initialized (its value
/// stack empty, `ip` 0) and counts it in the call depth.
pub(crate) fn finish_push(fv: &Value, f: &Function, code: &Code, base: *mut Value, is_entry: bool) {
    let mut header = Frame::start(
        fv.clone(),
        code as *const Code,
        f.globals.downcast_ref::<Dict>().unwrap() as *const Dict,
        f.builtins.downcast_ref::<Dict>().unwrap() as *const Dict,
        base,
        // SAFETY: within the region checked by `check_room`.
        unsafe { base.add(code.nlocalsplus()) },
        0,
    );
    header.is_entry = is_entry;
    frames().frames.push(header);
}

/// Whether `f` can take exactly `n` positional arguments with no binding work (the fast path
/// of `CALL` for Python functions: no defaults needed, no `*args`/`**kwargs`, no keywords).
#[inline(always)]
pub fn is_exact_args(code: &Code, n: usize) -> bool {
    code.exact_argcount as usize == n
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{} {}", n, one)
    } else {
        format!("{} {}", n, many)
    }
}

/// Joins names CPython-style: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("'{}'", names[0]),
        2 => format!("'{}' and '{}'", names[0], names[1]),
        _ => {
            let head: Vec<String> = names[..names.len() - 1]
                .iter()
                .map(|n| format!("'{}'", n))
                .collect();
            format!("{}, and '{}'", head.join(", "), names[names.len() - 1])
        }
    }
}

fn fname(f: &Function) -> String {
    as_str(&f.qualname())
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Binds call arguments to a function's parameter slots (CPython's `initialize_locals`).
pub fn bind_args(
    f: &Function,
    code: &Code,
    locals: &mut [Value],
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<()> {
    let npos = args.len() - kwnames.len();
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let posonly = code.posonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = code.flags & co_flags::VARARGS != 0;
    let has_varkw = code.flags & co_flags::VARKEYWORDS != 0;

    // Fast path: exact positional arguments.
    if kwnames.is_empty() && npos == argcount && kwonly == 0 && !has_varargs && !has_varkw {
        for (slot, a) in locals.iter_mut().zip(args) {
            *slot = a.clone();
        }
        return Ok(());
    }

    let kwdict = if has_varkw {
        let d = new_dict();
        locals[total + has_varargs as usize] = d.clone();
        Some(d)
    } else {
        None
    };
    for (slot, a) in locals.iter_mut().zip(args[..npos.min(argcount)].iter()) {
        *slot = a.clone();
    }
    if has_varargs {
        let extra = if npos > argcount {
            args[argcount..npos].to_vec()
        } else {
            Vec::new()
        };
        locals[total] = new_tuple(extra);
    }

    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (i, k) in kwnames.iter().enumerate() {
        let value = &args[npos + i];
        let Some(kname) = as_str(k) else {
            return err(
                &TYPE_ERROR,
                format!("{}() keywords must be strings", fname(f)),
            );
        };
        let mut found = None;
        for j in posonly..total {
            let pn = &code.localsplusnames[j];
            if pn.is(k) || str_eq(pn, k) {
                found = Some(j);
                break;
            }
        }
        match found {
            Some(j) => {
                if !locals[j].is_null() {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "{}() got multiple values for argument '{}'",
                            fname(f),
                            &*kname
                        ),
                    );
                }
                locals[j] = value.clone();
            }
            None => {
                if let Some(d) = &kwdict {
                    d.downcast_ref::<Dict>()
                        .unwrap()
                        .set_item(k.clone(), value.clone())?;
                    continue;
                }
                let is_posonly = (0..posonly).any(|j| str_eq(&code.localsplusnames[j], k));
                if is_posonly {
                    posonly_as_kw.push(kname.to_string());
                    continue;
                }
                return err(
                    &TYPE_ERROR,
                    format!(
                        "{}() got an unexpected keyword argument '{}'",
                        fname(f),
                        &*kname
                    ),
                );
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname(f),
                posonly_as_kw.join(", ")
            ),
        );
    }

    let defaults = f.defaults();
    let defaults = if defaults.is_null() {
        &[][..]
    } else {
        tuple_items(defaults)
    };
    if npos > argcount && !has_varargs {
        let kwonly_given = (argcount..total).filter(|&j| !locals[j].is_null()).count();
        let takes = if defaults.is_empty() {
            plural(argcount, "positional argument", "positional arguments")
        } else {
            format!(
                "from {} to {} positional arguments",
                argcount - defaults.len(),
                argcount
            )
        };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
        };
        return err(
            &TYPE_ERROR,
            format!("{}() takes {} but {}", fname(f), takes, given),
        );
    }

    if npos < argcount {
        let first_default = argcount - defaults.len();
        let missing: Vec<String> = (npos..first_default)
            .filter(|&j| locals[j].is_null())
            .map(|j| as_str(&code.localsplusnames[j]).unwrap().to_string())
            .collect();
        if !missing.is_empty() {
            return err(
                &TYPE_ERROR,
                format!(
                    "{}() missing {} required positional argument{}: {}",
                    fname(f),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&missing)
                ),
            );
        }
        for j in first_default.max(npos)..argcount {
            if locals[j].is_null() {
                locals[j] = defaults[j - first_default].clone();
            }
        }
    }

    if kwonly > 0 {
        let kwdefaults = f.kwdefaults().downcast_ref::<Dict>();
        let mut missing = Vec::new();
        for (slot, name) in locals[argcount..total]
            .iter_mut()
            .zip(&code.localsplusnames[argcount..total])
        {
            if slot.is_null() {
                match kwdefaults.and_then(|d| d.get_str(name)) {
                    Some(v) => *slot = v,
                    None => missing.push(as_str(name).unwrap().to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return err(
                &TYPE_ERROR,
                format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    fname(f),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&missing)
                ),
            );
        }
    }
    Ok(())
}
