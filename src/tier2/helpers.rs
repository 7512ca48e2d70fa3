//! Runtime helpers that stencils call (`call rel32` to `apy_*`): plain `extern "C"` functions
//! of the VM, reached from compiled code by name (`#[no_mangle]`), listed for the emitter by
//! [`super::stencils::helper_addresses`].

use crate::abi::{step, Frame, ObjHeader, PolyCache, Step, Transfer, Value};
use crate::objects::code::Code;
use crate::objects::PyResult;
use crate::vm::call::{call_exact_returning, ExactCall};
use crate::vm::frame::frames;
use crate::vm::opcodes::*;
use crate::vm::specialize::{self, Cache};

/// Frees an object whose reference count reached zero (the slow path of `abi::decref` in
/// compiled code).
///
/// # Safety
/// `p` must be a live object with a zero count, owned by the caller.
#[no_mangle]
pub unsafe extern "C" fn apy_dealloc(p: *mut ObjHeader) {
    // SAFETY: as the caller promises; a type's dealloc frees objects of that type.
    unsafe { ((*(*p).ty).dealloc)(p) }
}

/// `BINARY_SUBSCR_TUPLE_INT` or `_STR_INT` (the opcode in `form`) on the two values below `sp`,
/// as tier 1 runs them: 0 after replacing them with the item; 1 (nothing changed)
/// when the operands do not fit the form or the index is out of range (tier 1 deoptimizes or
/// raises the `IndexError`).
///
/// # Safety
/// `sp - 2` and `sp - 1` hold owned values.
#[no_mangle]
pub unsafe extern "C" fn apy_subscr_int(sp: *mut Value, form: u64) -> u64 {
    // SAFETY: the caller guarantees two live values below sp.
    let (c, k) = unsafe { (&*sp.sub(2), &*sp.sub(1)) };
    let Some(Some(r)) = crate::vm::specialize::subscr_int_form(form as u8, c, k) else {
        return 1;
    };
    // SAFETY: the index is an inline int (nothing to drop); the container is owned.
    unsafe {
        drop(sp.sub(2).read());
        sp.sub(2).write(r);
    }
    0
}

/// `LOAD_GLOBAL_MODULE` / `LOAD_GLOBAL_BUILTIN` at code unit `at` of `instrs` (the code's
/// instruction bytes), as tier 1 runs them, while that instruction is still one of those
/// forms (tier 1 rewrites it when a guard fails, and the cache then means something else):
/// 0 after pushing the value (after a NULL when the oparg's low bit is set); 1 otherwise.
///
/// # Safety
/// `frame` is the running frame of the code whose instructions are `instrs`, `at` the code
/// unit of a `LOAD_GLOBAL` family instruction, and `sp` its stack top.
#[no_mangle]
pub unsafe extern "C" fn apy_load_global(
    frame: *mut crate::abi::Frame,
    sp: *mut Value,
    instrs: u64,
    at: usize,
) -> u64 {
    use crate::vm::opcodes::{LOAD_GLOBAL_BUILTIN, LOAD_GLOBAL_MODULE};
    let instrs = instrs as *mut u8;
    // SAFETY: `at` is an instruction of the code, with its cache after it.
    let op = unsafe { *instrs.add(2 * at) };
    if op != LOAD_GLOBAL_MODULE && op != LOAD_GLOBAL_BUILTIN {
        return 1;
    }
    // Only the oparg's low bit matters, which is in the byte at `at` (EXTENDED_ARG prefixes
    // hold the high bits).
    // SAFETY: as above.
    let push_null = unsafe { *instrs.add(2 * at + 1) } & 1 != 0;
    let c = crate::vm::specialize::Cache::new(instrs, at);
    // SAFETY: the frame's function keeps its globals and builtins alive.
    let (g, b) = unsafe { (&*(*frame).globals, &*(*frame).builtins) };
    let Some(v) = crate::vm::specialize::load_global_form(op, &c, g, b) else {
        return 1;
    };
    // SAFETY: the compiler's stack bound leaves room for the pushes.
    unsafe {
        if push_null {
            sp.write(Value::NULL);
            sp.add(1).write(v);
        } else {
            sp.write(v);
        }
    }
    0
}

// ---- Helpers of the form `apy_*(frame, sp, at, arg) -> Step`: `at` is the code unit of the
// ---- instruction (its opcode, past any EXTENDED_ARG), `arg` its decoded oparg unless said
// ---- otherwise. Each runs the instruction as tier 1 runs its current form, through the
// ---- same shared guard and body (`vm::specialize::*_form`), and returns `Step { sp, OK }`,
// ---- `DEOPT` with nothing changed (a failed guard, or a form it does not handle: tier 1 runs
// ---- the instruction and deoptimizes it), or `ERROR` with the exception raised and `sp` as
// ---- tier 1 leaves it after raising there.

const DEOPT: Step = Step {
    sp: std::ptr::null_mut(),
    status: step::DEOPT,
};

#[inline(always)]
fn ok(sp: *mut Value) -> Step {
    Step {
        sp,
        status: step::OK,
    }
}

#[inline(always)]
fn error(sp: *mut Value) -> Step {
    Step {
        sp,
        status: step::ERROR,
    }
}

/// Leaves a helper that consumed its inputs down to `sp`: pushes the result there and goes on,
/// or takes the error exit with the stack ending at `sp`.
///
/// # Safety
/// `sp` is a free slot of the running frame's stack.
#[inline(always)]
unsafe fn push_result(sp: *mut Value, r: PyResult<Value>) -> Step {
    match r {
        Ok(v) => {
            // SAFETY: as the caller promises.
            unsafe { sp.write(v) };
            ok(sp.wrapping_add(1))
        }
        Err(_) => error(sp),
    }
}

/// Drops the two operands at `sp - 2` and `sp - 1` and puts `r` in their place: the stack of a
/// binary op after it.
///
/// # Safety
/// `sp - 2 .. sp` hold owned values, consumed here.
#[inline(always)]
unsafe fn replace_pair(sp: *mut Value, r: Value) -> Step {
    // SAFETY: as the caller promises; the first operand's slot takes the result.
    unsafe {
        drop(sp.sub(1).read());
        drop(sp.sub(2).read());
        sp.sub(2).write(r);
    }
    ok(sp.wrapping_sub(1))
}

/// The opcode at code unit `at` of `instrs`.
///
/// # Safety
/// `at` is an instruction of `instrs`.
#[inline(always)]
unsafe fn op_at(instrs: *mut u8, at: usize) -> u8 {
    // SAFETY: as the caller promises.
    unsafe { *instrs.add(2 * at) }
}

/// Records, before running code that may look at the frame (a native function that calls
/// back into Python, `sys._getframe`, warnings, an `__iter__`), what tier 1's `save!` would:
/// the instruction being run and the stack top.
///
/// # Safety
/// `frame` is the live running frame.
#[inline(always)]
unsafe fn save(frame: *mut Frame, sp: *mut Value, at: usize) {
    // SAFETY: as the caller promises.
    unsafe {
        (*frame).sp = sp;
        (*frame).lasti = at;
        (*frame).raise_at = at;
    }
}

/// Replaces the owner at `sp - 1` with the attribute `v` of a `LOAD_ATTR` with oparg `arg`
/// (after a NULL when its low bit is set).
///
/// # Safety
/// `sp - 1` holds the owned owner, and the compiler's stack bound leaves room for a push.
#[inline(always)]
unsafe fn push_attr(sp: *mut Value, arg: u64, v: Value) -> Step {
    // SAFETY: as the caller promises; the owner is dropped here.
    unsafe {
        drop(sp.sub(1).read());
        if arg & 1 != 0 {
            sp.sub(1).write(Value::NULL);
            sp.write(v);
            ok(sp.add(1))
        } else {
            sp.sub(1).write(v);
            ok(sp)
        }
    }
}

/// Turns `[owner]` at `sp - 1` into `[method, owner]`.
///
/// # Safety
/// As [`push_attr`].
#[inline(always)]
unsafe fn push_method(sp: *mut Value, m: Value) -> Step {
    // SAFETY: as the caller promises.
    unsafe {
        let owner = sp.sub(1).read();
        sp.sub(1).write(m);
        sp.write(owner);
        ok(sp.add(1))
    }
}

/// The code of the running `frame` (for the polymorphic paths' name lookups).
///
/// # Safety
/// `frame` is a live frame.
#[inline(always)]
unsafe fn code_of<'a>(frame: *mut Frame) -> &'a Code {
    // SAFETY: the frame's function keeps its code alive.
    unsafe { &*(*frame).code }
}

/// `LOAD_ATTR_INSTANCE_VALUE` on the owner at `sp - 1`: the common case of [`apy_load_attr`]
/// (which runs any other form the instruction has now) without its dispatch.
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_load_attr_instance(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
) -> Step {
    let bytes = instrs as *mut u8;
    // SAFETY: `at` is an instruction of the code whose bytes are `instrs`.
    if unsafe { op_at(bytes, at) } != LOAD_ATTR_INSTANCE_VALUE {
        // SAFETY: as the caller promises.
        return unsafe { apy_load_attr(frame, sp, at, arg, instrs) };
    }
    let c = Cache::new(bytes, at);
    // SAFETY: the owner is a live value below sp; the frame is live.
    let (owner, code) = unsafe { (&*sp.sub(1), code_of(frame)) };
    let v =
        specialize::load_attr_instance_form!(&c, owner, code, (arg >> 1) as usize, return DEOPT);
    // SAFETY: as the caller promises.
    unsafe { push_attr(sp, arg, v) }
}

/// Records in the polymorphic cache `cache` of a compiled attribute site what the site needs
/// to know of the class of `owner` (see [`specialize::poly_entry`]), if it is a class the
/// cache can serve and does not hold yet. A full cache drops its oldest entry.
///
/// # Safety
/// `cache` is the live cache of the site; the frame is live.
unsafe fn poly_record(
    cache: *mut PolyCache,
    frame: *mut Frame,
    owner: &Value,
    name_ix: usize,
    method: bool,
) {
    // SAFETY: the frame is live.
    let code = unsafe { code_of(frame) };
    let Some(e) = specialize::poly_entry(owner, code, name_ix, method) else {
        return;
    };
    // SAFETY: as the caller promises; compiled code does not hold a reference into it.
    let c = unsafe { &mut *cache };
    if c.find(e.version).is_some() {
        return;
    }
    match c.entries.iter_mut().find(|x| x.version == 0) {
        Some(free) => *free = e,
        None => {
            c.entries.rotate_right(1);
            c.entries[0] = e;
        }
    }
}

/// [`apy_load_attr_instance`] from a compiled site with the polymorphic cache `cache`, which
/// learns the owner's class first.
///
/// # Safety
/// As [`apy_load_attr`]; `cache` is the site's live cache.
#[no_mangle]
pub unsafe extern "C" fn apy_load_attr_instance_poly(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
    cache: *mut PolyCache,
) -> Step {
    // SAFETY: as the caller promises; the owner is a live value below sp.
    unsafe {
        poly_record(cache, frame, &*sp.sub(1), (arg >> 1) as usize, false);
        apy_load_attr_instance(frame, sp, at, arg, instrs)
    }
}

/// [`apy_store_attr_instance`] from a compiled site with the polymorphic cache `cache`, which
/// learns the owner's class first.
///
/// # Safety
/// As [`apy_store_attr`]; `cache` is the site's live cache.
#[no_mangle]
pub unsafe extern "C" fn apy_store_attr_instance_poly(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
    cache: *mut PolyCache,
) -> Step {
    // SAFETY: as the caller promises; the owner is a live value below sp. (A store's oparg
    // is the name's index itself.)
    unsafe {
        poly_record(cache, frame, &*sp.sub(1), arg as usize, false);
        apy_store_attr_instance(frame, sp, at, arg, instrs)
    }
}

/// [`apy_load_attr_method`] from a compiled site with the polymorphic cache `cache`, which
/// learns the owner's class first.
///
/// # Safety
/// As [`apy_load_attr`]; `cache` is the site's live cache.
#[no_mangle]
pub unsafe extern "C" fn apy_load_attr_method_poly(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
    cache: *mut PolyCache,
) -> Step {
    // SAFETY: as the caller promises; the owner is a live value below sp.
    unsafe {
        poly_record(cache, frame, &*sp.sub(1), (arg >> 1) as usize, true);
        apy_load_attr_method(frame, sp, at, arg, instrs)
    }
}

/// `LOAD_ATTR_METHOD_WITH_VALUES` / `_NO_DICT` on the owner at `sp - 1`: the common case of
/// [`apy_load_attr`] without its dispatch.
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_load_attr_method(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
) -> Step {
    let bytes = instrs as *mut u8;
    // SAFETY: `at` is an instruction of the code whose bytes are `instrs`.
    let op = unsafe { op_at(bytes, at) };
    if op != LOAD_ATTR_METHOD_WITH_VALUES && op != LOAD_ATTR_METHOD_NO_DICT {
        // SAFETY: as the caller promises.
        return unsafe { apy_load_attr(frame, sp, at, arg, instrs) };
    }
    let c = Cache::new(bytes, at);
    // SAFETY: the owner is a live value below sp; the frame is live.
    let m = unsafe {
        specialize::load_attr_method_form!(
            op,
            &c,
            &*sp.sub(1),
            code_of(frame),
            (arg >> 1) as usize,
            return DEOPT
        )
    };
    // SAFETY: as the caller promises.
    unsafe { push_method(sp, m) }
}

/// `LOAD_ATTR_INSTANCE_VALUE`, `LOAD_ATTR_METHOD_WITH_VALUES` / `_NO_DICT`, `LOAD_ATTR_SLOT`,
/// `LOAD_ATTR_MODULE`, `LOAD_ATTR_CLASS` (whichever form the instruction has now: they all
/// have the stack effect the oparg gives) on the owner at `sp - 1`.
///
/// # Safety
/// `frame` is the running frame, `at` a `LOAD_ATTR` family instruction of its code with oparg
/// `arg`, `instrs` the code's instruction bytes, and `sp` its stack top.
#[no_mangle]
pub unsafe extern "C" fn apy_load_attr(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
) -> Step {
    let bytes = instrs as *mut u8;
    // SAFETY: as the caller promises.
    let op = unsafe { op_at(bytes, at) };
    let c = Cache::new(bytes, at);
    // SAFETY: the owner is a live value below sp.
    let owner = unsafe { &*sp.sub(1) };
    let v = match op {
        // SAFETY (both): the frame is live.
        LOAD_ATTR_INSTANCE_VALUE => specialize::load_attr_instance_form!(
            &c,
            owner,
            unsafe { code_of(frame) },
            (arg >> 1) as usize,
            return DEOPT
        ),
        LOAD_ATTR_METHOD_WITH_VALUES | LOAD_ATTR_METHOD_NO_DICT => {
            let m = specialize::load_attr_method_form!(
                op,
                &c,
                owner,
                unsafe { code_of(frame) },
                (arg >> 1) as usize,
                return DEOPT
            );
            // SAFETY: as the caller promises.
            return unsafe { push_method(sp, m) };
        }
        _ => {
            let v = match op {
                LOAD_ATTR_SLOT => specialize::load_attr_slot_form(&c, owner),
                LOAD_ATTR_MODULE => specialize::load_attr_module_form(&c, owner),
                LOAD_ATTR_CLASS => specialize::load_attr_class_form(&c, owner),
                _ => None,
            };
            match v {
                Some(v) => v,
                None => return DEOPT,
            }
        }
    };
    // SAFETY: as the caller promises.
    unsafe { push_attr(sp, arg, v) }
}

/// `STORE_ATTR_INSTANCE_VALUE` of the value at `sp - 2` on the owner at `sp - 1`: the common
/// case of [`apy_store_attr`] without its dispatch.
///
/// # Safety
/// As [`apy_store_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_store_attr_instance(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
) -> Step {
    let bytes = instrs as *mut u8;
    // SAFETY: `at` is an instruction of the code whose bytes are `instrs`.
    if unsafe { op_at(bytes, at) } != STORE_ATTR_INSTANCE_VALUE {
        // SAFETY: as the caller promises.
        return unsafe { apy_store_attr(frame, sp, at, arg, instrs) };
    }
    let c = Cache::new(bytes, at);
    // SAFETY: the owner is a live value below sp; the frame is live.
    let owner = unsafe { &*sp.sub(1) };
    // SAFETY: as above.
    let ix = unsafe {
        specialize::store_attr_instance_form!(&c, owner, code_of(frame), arg as usize, {
            return DEOPT;
        })
    };
    // SAFETY: the value below the owner is owned; its reference moves into the instance (or
    // is forgotten when it comes back: the stack still owns it).
    match crate::objects::instance::try_store_slot(owner, ix, unsafe { sp.sub(2).read() }) {
        Ok(()) => {
            // SAFETY: the owner slot is owned; the value slot was moved out above.
            drop(unsafe { sp.sub(1).read() });
            ok(sp.wrapping_sub(2))
        }
        Err(v) => {
            std::mem::forget(v);
            DEOPT
        }
    }
}

/// `STORE_ATTR_INSTANCE_VALUE` / `STORE_ATTR_SLOT` (the instruction's current form) of the
/// value at `sp - 2` on the owner at `sp - 1`.
///
/// # Safety
/// As [`apy_load_attr`], for a `STORE_ATTR` family instruction.
#[no_mangle]
pub unsafe extern "C" fn apy_store_attr(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
) -> Step {
    let bytes = instrs as *mut u8;
    // SAFETY: as the caller promises.
    let op = unsafe { op_at(bytes, at) };
    let c = Cache::new(bytes, at);
    // SAFETY: the frame is live.
    let code = unsafe { code_of(frame) };
    // SAFETY: two live values below sp: the value (its reference moves into the owner, or is
    // forgotten when it comes back) and the owner.
    let (v, owner) = unsafe { (sp.sub(2).read(), &*sp.sub(1)) };
    let old = match op {
        STORE_ATTR_INSTANCE_VALUE => {
            let ix = specialize::store_attr_instance_form!(&c, owner, code, arg as usize, {
                std::mem::forget(v);
                return DEOPT;
            });
            crate::objects::instance::try_store_slot(owner, ix, v).map(|()| Value::NULL)
        }
        STORE_ATTR_SLOT => specialize::store_attr_slot_form(&c, owner, v),
        _ => Err(v),
    };
    match old {
        Ok(old) => {
            // SAFETY: the owner slot is owned; the value slot was moved out above.
            drop(unsafe { sp.sub(1).read() });
            drop(old);
            ok(sp.wrapping_sub(2))
        }
        Err(v) => {
            std::mem::forget(v);
            DEOPT
        }
    }
}

/// Drops the `n + 2` inputs of a call below `sp` (callable slots and arguments) and pushes
/// the result `r`, or returns the error step with the inputs dropped (as tier 1's CALL arms).
///
/// # Safety
/// `sp - n - 2 .. sp` hold owned values.
#[inline(always)]
unsafe fn finish_call(sp: *mut Value, n: usize, r: PyResult<Value>) -> Step {
    // SAFETY: as the caller promises; each slot is dropped once, top first.
    unsafe {
        let base = sp.sub(n + 2);
        let mut p = sp;
        while p > base {
            p = p.sub(1);
            drop(p.read());
        }
        push_result(base, r)
    }
}

/// The calls into native code tier 1 runs without a frame of the eval loop (whichever form
/// the instruction has now): `CALL_BUILTIN_LEN` / `_ISINSTANCE` / `CALL_BUILTIN`,
/// `CALL_METHOD_DESCRIPTOR`, `CALL_BUILTIN_CLASS`, `CALL_BUILTIN_TYPE_1`, `CALL_LIST_APPEND`,
/// with `arg` arguments. The native function may run Python code (a nested eval loop).
///
/// # Safety
/// As [`apy_load_attr`], for a `CALL` family instruction with its `arg + 2` inputs below `sp`.
#[no_mangle]
pub unsafe extern "C" fn apy_call_native(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
) -> Step {
    let instrs = instrs as *mut u8;
    // SAFETY: `at` is an instruction of the code whose bytes are `instrs`.
    let op = unsafe { op_at(instrs, at) };
    let n = arg as usize;
    // SAFETY: the call's inputs are live values; the frame is live.
    let (slot0, slot1, kw) = unsafe {
        (
            &*sp.sub(n + 2),
            &*sp.sub(n + 1),
            (*frame).kwnames_pending != 0,
        )
    };
    // SAFETY: the n arguments are live stack values.
    let args = unsafe { std::slice::from_raw_parts(sp.sub(n), n) };
    let r = match op {
        CALL_BUILTIN_LEN | CALL_BUILTIN_ISINSTANCE | CALL_BUILTIN => {
            let Some(b) = specialize::call_builtin_form(op, slot0, slot1, kw) else {
                return DEOPT;
            };
            // SAFETY: the running frame.
            unsafe { save(frame, sp, at) };
            (b.func)(&b.self_, args, &[])
        }
        CALL_METHOD_DESCRIPTOR => {
            let Some(d) = specialize::call_method_descr_form(slot0, slot1, kw) else {
                return DEOPT;
            };
            // SAFETY: as above.
            unsafe { save(frame, sp, at) };
            (d.def.func)(slot1, args, &[])
        }
        CALL_BUILTIN_CLASS => {
            let Some(t) = specialize::call_builtin_class_form(slot0, slot1, kw) else {
                return DEOPT;
            };
            let Some(new) = t.new else {
                return DEOPT;
            };
            // SAFETY: as above.
            unsafe { save(frame, sp, at) };
            new(t, args, &[])
        }
        CALL_BUILTIN_TYPE_1 => {
            if n != 1 || !specialize::call_type_1_form(slot0, slot1, kw) {
                return DEOPT;
            }
            Ok(args[0].ty().to_value())
        }
        CALL_LIST_APPEND => {
            if n != 1 {
                return DEOPT;
            }
            let Some(l) = specialize::call_list_append_form(slot0, slot1) else {
                return DEOPT;
            };
            // SAFETY: the argument's reference moves into the list; the slot is then free.
            l.push(unsafe { sp.sub(1).read() });
            // SAFETY: the two callable slots are owned.
            return unsafe { finish_call(sp.sub(1), 0, Ok(Value::NONE)) };
        }
        _ => return DEOPT,
    };
    // SAFETY: the inputs are owned stack values.
    unsafe { finish_call(sp, n, r) }
}

/// `CALL_METHOD_DESCRIPTOR` with `arg` arguments: the common case of [`apy_call_native`]
/// without its dispatch (a small function: few registers to save).
///
/// # Safety
/// As [`apy_call_native`].
#[no_mangle]
pub unsafe extern "C" fn apy_call_method_descr(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
) -> Step {
    let n = arg as usize;
    // SAFETY: the call's inputs are live values below sp; the frame is live; `at` is an
    // instruction of the code whose bytes are `instrs`.
    let (slot0, slot1, kw, op) = unsafe {
        (
            &*sp.sub(n + 2),
            &*sp.sub(n + 1),
            (*frame).kwnames_pending != 0,
            op_at(instrs as *mut u8, at),
        )
    };
    let d = match specialize::call_method_descr_form(slot0, slot1, kw) {
        Some(d) if op == CALL_METHOD_DESCRIPTOR => d,
        // SAFETY: as the caller promises.
        _ => return unsafe { apy_call_native(frame, sp, at, arg, instrs) },
    };
    // SAFETY: the running frame; the n arguments are live stack values.
    let r = unsafe {
        save(frame, sp, at);
        (d.def.func)(slot1, std::slice::from_raw_parts(sp.sub(n), n), &[])
    };
    // SAFETY: the inputs are owned stack values.
    unsafe { finish_call(sp, n, r) }
}

/// `CONTAINS_OP_DICT` / `_SET` (with their guard) and `_GENERIC`: `a in b` (negated when `arg`
/// is 1) for `a`, `b` at `sp - 2`, `sp - 1`.
///
/// # Safety
/// As [`apy_load_attr`], for a `CONTAINS_OP` family instruction.
#[no_mangle]
pub unsafe extern "C" fn apy_contains(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    instrs: u64,
) -> Step {
    let instrs = instrs as *mut u8;
    // SAFETY: `at` is an instruction of the code whose bytes are `instrs`.
    let op = unsafe { op_at(instrs, at) };
    if let CONTAINS_OP_DICT | CONTAINS_OP_SET = op {
        // As tier 1's fast arm: an inline key in a set, a str key in a dict, found without
        // running Python code (no frame to save).
        // SAFETY: the two operands are live values below sp.
        let found = unsafe { specialize::contains_inline_form(op, &*sp.sub(2), &*sp.sub(1)) };
        if let Some(r) = found {
            // SAFETY: the operands are owned.
            return unsafe { replace_pair(sp, Value::bool(r != (arg == 1))) };
        }
    }
    match op {
        // SAFETY: the container is a live value below sp.
        CONTAINS_OP_DICT | CONTAINS_OP_SET
            if specialize::contains_form(op, unsafe { &*sp.sub(1) }) => {}
        CONTAINS_OP_GENERIC => {}
        _ => return DEOPT,
    }
    // SAFETY: the two operands are owned; they are consumed here, as tier 1 pops them.
    let (a, b, sp) = unsafe { (sp.sub(2).read(), sp.sub(1).read(), sp.sub(2)) };
    // SAFETY: the running frame (`sp` now below the operands, as tier 1's `save!`).
    unsafe { save(frame, sp, at) };
    // SAFETY: the operands' slots are free.
    unsafe {
        push_result(
            sp,
            crate::ops::sequence::contains(&b, &a).map(|r| Value::bool(r != (arg == 1))),
        )
    }
}

/// `GET_ITER` on the value at `sp - 1`.
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_get_iter(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    _arg: u64,
    _instrs: u64,
) -> Step {
    // SAFETY: the operand is owned and consumed, as tier 1 pops it.
    let (v, sp) = unsafe { (sp.sub(1).read(), sp.sub(1)) };
    // SAFETY: the running frame.
    unsafe { save(frame, sp, at) };
    // SAFETY: the operand's slot is free.
    unsafe { push_result(sp, crate::ops::sequence::iter(&v)) }
}

/// `BINARY_SLICE`: `c[start:stop]` from the three values below `sp`, consumed as tier 1 pops
/// them (also when it raises).
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_binary_slice(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    _arg: u64,
    _instrs: u64,
) -> Step {
    // SAFETY: three owned values below sp, consumed.
    let (c, start, stop, sp) = unsafe {
        let sp = sp.sub(3);
        (sp.read(), sp.add(1).read(), sp.add(2).read(), sp)
    };
    // SAFETY: the running frame.
    unsafe { save(frame, sp, at) };
    // SAFETY: the container's slot is free.
    unsafe { push_result(sp, crate::ops::sequence::get_slice(&c, start, stop)) }
}

/// `BINARY_OP_ADD_UNICODE` on the two values below `sp` ([`specialize::add_unicode_form`]):
/// DEOPT (nothing changed) when either is not an exact str.
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_add_unicode(
    _frame: *mut Frame,
    sp: *mut Value,
    _at: usize,
    _arg: u64,
    _instrs: u64,
) -> Step {
    // SAFETY: two owned values below sp.
    let Some(r) = specialize::add_unicode_form(unsafe { &*sp.sub(2) }, unsafe { &*sp.sub(1) })
    else {
        return DEOPT;
    };
    // SAFETY: both operands are owned.
    unsafe { replace_pair(sp, r) }
}

/// The truth of the value at `sp - 1` for `POP_JUMP_IF_TRUE`/`_FALSE` on a value that is not a
/// bool, popped as tier 1 pops it: 0 false, 1 true, 2 raised (`__bool__`/`__len__` failed;
/// the frame's `sp` is below the value).
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_truthy(frame: *mut Frame, sp: *mut Value, at: usize) -> u64 {
    // SAFETY: the operand is owned and consumed, as tier 1 pops it.
    let (v, sp) = unsafe { (sp.sub(1).read(), sp.sub(1)) };
    // SAFETY: the running frame.
    unsafe { save(frame, sp, at) };
    match crate::ops::object::truthy(&v) {
        Ok(t) => t as u64,
        Err(_) => 2,
    }
}

/// `UNARY_NEGATIVE` (`arg` 0) or `UNARY_NOT` (1) on the value at `sp - 1`, as tier 1 runs them.
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_unary(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    arg: u64,
    _instrs: u64,
) -> Step {
    // SAFETY: the operand is owned and consumed, as tier 1 pops it.
    let (v, sp) = unsafe { (sp.sub(1).read(), sp.sub(1)) };
    // SAFETY: the running frame.
    unsafe { save(frame, sp, at) };
    let r = if arg == 0 {
        crate::ops::number::neg(&v)
    } else {
        crate::ops::object::truthy(&v).map(|t| Value::bool(!t))
    };
    drop(v);
    // SAFETY: the operand's slot is free.
    unsafe { push_result(sp, r) }
}

/// `BINARY_SUBSCR_DICT`: `d[k]` for an exact dict `d` at `sp - 2` and `k` at `sp - 1`; the
/// `KeyError` (or an error hashing `k`) leaves both on the stack, as in tier 1.
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_subscr_dict(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    _arg: u64,
    _instrs: u64,
) -> Step {
    // SAFETY: the running frame.
    unsafe { save(frame, sp, at) };
    // SAFETY: two live values below sp.
    let r = match specialize::subscr_dict_form(unsafe { &*sp.sub(2) }, unsafe { &*sp.sub(1) }) {
        None => return DEOPT,
        Some(Ok(v)) => v,
        Some(Err(_)) => return error(sp),
    };
    // SAFETY: both operands are owned.
    unsafe { replace_pair(sp, r) }
}

/// `STORE_SUBSCR_DICT`: `d[k] = v` for `v`, an exact dict `d`, `k` at `sp - 3 .. sp`.
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_store_subscr_dict(
    frame: *mut Frame,
    sp: *mut Value,
    at: usize,
    _arg: u64,
    _instrs: u64,
) -> Step {
    // SAFETY: three live values below sp.
    if unsafe { &*sp.sub(2) }
        .downcast_exact::<crate::objects::dict::Dict>()
        .is_none()
    {
        return DEOPT;
    }
    // SAFETY: the three are owned and consumed, as tier 1 pops them.
    let (k, c, v, sp) = unsafe {
        (
            sp.sub(1).read(),
            sp.sub(2).read(),
            sp.sub(3).read(),
            sp.sub(3),
        )
    };
    // SAFETY: the running frame.
    unsafe { save(frame, sp, at) };
    let d = c
        .downcast_exact::<crate::objects::dict::Dict>()
        .expect("checked above");
    match d.set_item(k, v) {
        Ok(()) => ok(sp),
        Err(_) => error(sp),
    }
}

/// `BUILD_TUPLE` (`arg` low bit 0) / `BUILD_LIST` (1) of the `arg >> 1` values below `sp`.
///
/// # Safety
/// As [`apy_load_attr`].
#[no_mangle]
pub unsafe extern "C" fn apy_build(
    _frame: *mut Frame,
    sp: *mut Value,
    _at: usize,
    arg: u64,
    _instrs: u64,
) -> Step {
    let n = (arg >> 1) as usize;
    // SAFETY: the n values below sp are owned and move into the new sequence.
    let (items, sp) = unsafe { (crate::vm::eval::take_stack_items(sp, n), sp.sub(n)) };
    let v = if arg & 1 == 0 {
        crate::objects::tuple::new_tuple(items)
    } else {
        crate::objects::list::new_list(items)
    };
    // SAFETY: the items' first slot is free.
    unsafe { sp.write(v) };
    ok(sp.wrapping_add(1))
}

/// `CALL_PY_EXACT_ARGS` (or `CALL_BOUND_METHOD_EXACT_ARGS` when bit 0 of `next_bound` is set)
/// with `n` arguments below `sp`, as tier 1 runs it ([`call_exact`]), from compiled code of
/// the instruction at code unit `at` whose successor is at `next_bound >> 1` and starts at
/// `ret` in the compiled code: the caller's return point is saved in its frame (and `ret` in
/// the callee's, while it is in the caller's current compiled code), the callee's frame
/// pushed, and the result says where compiled code goes on ([`Transfer`]): the callee's
/// compiled entry, or tier 1 for it.
///
/// # Safety
/// `frame` is the top frame, running compiled code, and the `n + 2` slots below `sp` are the
/// call's owned stack inputs.
#[no_mangle]
pub unsafe extern "C" fn apy_call_py_exact(
    frame: *mut Frame,
    sp: *mut Value,
    n: usize,
    at: usize,
    next_bound: usize,
    ret: usize,
) -> Transfer {
    let fs = frames();
    // SAFETY: `frame` is the live top frame (the caller's promise); its function keeps its
    // code alive.
    let ret = unsafe {
        (*frame).ip = next_bound >> 1;
        (*frame).lasti = at;
        (*frame).raise_at = at;
        // Code that was replaced while it ran (it keeps running until it leaves) is not
        // returned into: the return looks the caller's current entry up instead.
        if (*frame).code().jit.owns(ret) {
            ret
        } else {
            0
        }
    };
    // SAFETY: as the caller promises.
    match unsafe { call_exact_returning(fs, sp, n, next_bound & 1 != 0, ret) } {
        ExactCall::Pushed => {
            // SAFETY: the callee's frame is on top; its function keeps the code alive.
            let code = unsafe { (*fs.top()).code() };
            let mut entry = code.jit.fast_call_entry();
            if entry == 0 {
                entry = super::runtime::call_entry(code);
            }
            Transfer {
                // SAFETY: as above (`call_entry` may compile, which pushes no frame).
                frame: unsafe { fs.top() },
                entry,
            }
        }
        ExactCall::NotExact => Transfer {
            frame: std::ptr::null_mut(),
            entry: 0,
        },
        ExactCall::Raised(_) => {
            // Raised at the call: tier 1 unwinds from `ip` = the instruction.
            // SAFETY: nothing was pushed, so `frame` is still the live top frame.
            unsafe { (*frame).ip = at };
            Transfer {
                frame: std::ptr::null_mut(),
                entry: 1,
            }
        }
    }
}

/// `CALL_ALLOC_AND_ENTER_INIT` with `n` arguments below `sp`, as tier 1 runs it
/// (`call::enter_init`), from compiled code of the instruction at code unit `at` whose
/// successor is at `next`: the `__init__` frame's return hands the instance back (see
/// [`apy_return`]); the result says where compiled code goes on ([`Transfer`]), as
/// [`apy_call_py_exact`]'s. A call the specialization does not fit
/// (another callable, the class changed, keywords) is left unchanged for tier 1, which
/// deoptimizes it.
///
/// # Safety
/// `frame` is the top frame, running compiled code, and the `n + 2` slots below `sp` are the
/// call's owned stack inputs.
#[no_mangle]
pub unsafe extern "C" fn apy_call_alloc_and_init(
    frame: *mut Frame,
    sp: *mut Value,
    n: usize,
    at: usize,
    next: usize,
) -> Transfer {
    let fs = frames();
    // SAFETY: as the caller promises: `frame` is the live top frame and the n + 2 slots are
    // the inputs; its position is saved before the call.
    unsafe {
        (*frame).ip = next;
        (*frame).lasti = at;
        (*frame).raise_at = at;
        let version = Cache::new((*frame).code().code_ptr(), at).u32(1);
        match crate::vm::call::enter_init(fs, frame, sp, n, version) {
            crate::vm::call::InitCall::NotFit => Transfer {
                frame: std::ptr::null_mut(),
                entry: 0,
            },
            crate::vm::call::InitCall::Raised(_) => {
                // Raised at the call: tier 1 unwinds from `ip` = the instruction.
                (*frame).ip = at;
                Transfer {
                    frame: std::ptr::null_mut(),
                    entry: 1,
                }
            }
            crate::vm::call::InitCall::Pushed => {
                // No compiled return point (`jit_ret` stays 0): the inline return is for plain
                // frames only, so this one returns through `apy_return`, which hands back the
                // instance.
                let code = (*fs.top()).code();
                let mut entry = code.jit.fast_call_entry();
                if entry == 0 {
                    entry = super::runtime::call_entry(code);
                }
                Transfer {
                    // (`call_entry` may compile, which pushes no frame.)
                    frame: fs.top(),
                    entry,
                }
            }
        }
    }
}

/// `RETURN_VALUE` (`konst` null: the value on top of the stack) or `RETURN_CONST` (`konst`:
/// the constant) from compiled code, as tier 1 runs a frame's plain return: pops the frame,
/// pushes the value on the caller's stack, and says where compiled code goes on: the caller's
/// compiled code after its call (the frame's [`jit_ret`](Frame::jit_ret), else looked up),
/// or tier 1. The `__init__` frame of a class call (`CALL_ALLOC_AND_ENTER_INIT`) returning
/// `None` returns its instance the same way. Any other frame that does not return plainly
/// (entry, generator, an `__init__` returning something else, which raises) is left unchanged
/// for tier 1 (`frame` null in the result).
///
/// # Safety
/// `frame` is the top frame, running compiled code, with its stack ending at `sp`; `konst`
/// is null or points to a constant of its code.
#[no_mangle]
pub unsafe extern "C" fn apy_return(
    frame: *mut Frame,
    sp: *mut Value,
    konst: *const Value,
) -> Transfer {
    // SAFETY: as the caller promises.
    unsafe {
        let init = (*frame).gen.is_null() && !(*frame).is_entry && !(*frame).init_self.is_null();
        if !(*frame).returns_plainly() && !init {
            return Transfer {
                frame: std::ptr::null_mut(),
                entry: 0,
            };
        }
        let returned = if konst.is_null() {
            &*sp.sub(1)
        } else {
            &*konst
        };
        if init && !returned.is_none() {
            return Transfer {
                frame: std::ptr::null_mut(),
                entry: 0,
            };
        }
        let fs = frames();
        let ret = (*frame).jit_ret;
        let (v, sp) = if konst.is_null() {
            (sp.sub(1).read(), sp.sub(1))
        } else {
            ((*konst).clone(), sp)
        };
        // An `__init__` hands back its instance in place of its `None`.
        let v = if init {
            drop(v);
            std::mem::take(&mut (*frame).init_self)
        } else {
            v
        };
        (*frame).sp = sp;
        fs.pop_plain();
        let caller = fs.top();
        (*caller).sp.write(v);
        (*caller).sp = (*caller).sp.add(1);
        let entry = if ret != 0 {
            ret
        } else {
            (*caller)
                .code()
                .jit
                .resume_entry((*caller).ip)
                .map_or(0, |f| f as usize)
        };
        Transfer {
            frame: caller,
            entry,
        }
    }
}
