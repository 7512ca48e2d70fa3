//! Runtime helpers that stencils call (`call rel32` to `apy_*`): plain `extern "C"` functions
//! of the VM, reached from compiled code by name (`#[no_mangle]`), listed for the emitter by
//! [`super::stencils::helper_addresses`].

use crate::abi::{Frame, ObjHeader, Transfer, Value};
use crate::vm::call::{call_exact, ExactCall};
use crate::vm::frame::frames;

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

/// One step of `FOR_ITER_RANGE` (`kind` 0), `FOR_ITER_LIST` (1) or `FOR_ITER_TUPLE` (2) on the
/// iterator at `sp - 1`, as tier 1 runs it: returns 0 after writing the next item at `sp`, 1
/// after dropping the exhausted iterator (the slot at `sp - 1` is then free), 2 when the
/// iterator is not of that kind (nothing changed; the stencil exits to tier 1).
///
/// # Safety
/// `sp - 1` holds an owned value and `sp` is a free stack slot.
#[no_mangle]
pub unsafe extern "C" fn apy_for_iter(sp: *mut Value, kind: u64) -> u64 {
    use crate::objects::iterators::{seq_iter_next_fast, SeqIter, LIST_ITER_TYPE, TUPLE_ITER_TYPE};
    // SAFETY: the caller guarantees a live value below sp.
    let it = unsafe { &*sp.sub(1) };
    let next = if kind == 0 {
        let Some(r) = it.downcast_exact::<crate::objects::range::RangeIter>() else {
            return 2;
        };
        crate::objects::range::range_iter_next(r).map(Value::int)
    } else {
        let want: &crate::objects::TypeObject = if kind == 1 {
            &LIST_ITER_TYPE
        } else {
            &TUPLE_ITER_TYPE
        };
        if !(it.is_obj() && std::ptr::eq(it.type_ptr(), want)) {
            return 2;
        }
        // SAFETY: list and tuple iterators carry a SeqIter payload.
        seq_iter_next_fast(unsafe { it.payload_unchecked::<SeqIter>() })
    };
    match next {
        Some(v) => {
            // SAFETY: `sp` is a free slot of the frame's stack.
            unsafe { sp.write(v) };
            0
        }
        None => {
            // SAFETY: the slot holds the owned iterator, which the loop drops on exhaustion.
            drop(unsafe { sp.sub(1).read() });
            1
        }
    }
}

/// `BINARY_SUBSCR_LIST_INT` (`kind` 0), `_TUPLE_INT` (1) or `_STR_INT` (2) on the two values
/// below `sp`, as tier 1 runs them: 0 after replacing them with the item; 1 (nothing changed)
/// when the operands do not fit the form or the index is out of range (tier 1 deoptimizes or
/// raises the `IndexError`).
///
/// # Safety
/// `sp - 2` and `sp - 1` hold owned values.
#[no_mangle]
pub unsafe extern "C" fn apy_subscr_int(sp: *mut Value, kind: u64) -> u64 {
    use crate::vm::opcodes::{
        BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_STR_INT, BINARY_SUBSCR_TUPLE_INT,
    };
    // SAFETY: the caller guarantees two live values below sp.
    let (c, k) = unsafe { (&*sp.sub(2), &*sp.sub(1)) };
    let form = match kind {
        0 => BINARY_SUBSCR_LIST_INT,
        1 => BINARY_SUBSCR_TUPLE_INT,
        _ => BINARY_SUBSCR_STR_INT,
    };
    let Some(Some(r)) = crate::vm::specialize::subscr_int_form(form, c, k) else {
        return 1;
    };
    // SAFETY: the index is an inline int (nothing to drop); the container is owned.
    unsafe {
        drop(sp.sub(2).read());
        sp.sub(2).write(r);
    }
    0
}

/// `STORE_SUBSCR_LIST_INT` on the three values below `sp` (value, list, index), as tier 1 runs
/// it: 0 after the store (all three consumed); 1 (nothing changed) when they do not fit.
///
/// # Safety
/// `sp - 3 .. sp` hold owned values.
#[no_mangle]
pub unsafe extern "C" fn apy_store_subscr_list_int(sp: *mut Value) -> u64 {
    // SAFETY: the caller guarantees three live values below sp.
    let (c, k) = unsafe { (&*sp.sub(2), &*sp.sub(1)) };
    let Some(l) = c.downcast_exact::<crate::objects::list::List>() else {
        return 1;
    };
    if !k.is_int() {
        return 1;
    }
    let i = k.as_int_unchecked();
    if i < 0 || i as usize >= l.len() {
        return 1;
    }
    // SAFETY: the slots hold owned values, consumed here (the index is an inline int).
    let (c, v) = unsafe { (sp.sub(2).read(), sp.sub(3).read()) };
    l.set(i as usize, v);
    drop(c);
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

/// `LOAD_ATTR_INSTANCE_VALUE` at code unit `at` of `instrs` on the owner at `sp - 1`, as tier
/// 1 runs its monomorphic case, while the instruction is still that form: 0 after replacing
/// the owner with the attribute (after a NULL when the oparg's low bit is set); 1 (nothing
/// changed) otherwise: another class, a missing value, or a rewritten instruction.
///
/// # Safety
/// `at` is the code unit of a `LOAD_ATTR` family instruction of `instrs` (with its cache
/// after it), and `sp - 1` holds the owned owner.
#[no_mangle]
pub unsafe extern "C" fn apy_load_attr_instance(sp: *mut Value, instrs: u64, at: usize) -> u64 {
    use crate::objects::instance::{in_values_mode, instance, slot_get};
    let instrs = instrs as *mut u8;
    // SAFETY: `at` is an instruction of the code.
    let (op, arg) = unsafe { (*instrs.add(2 * at), *instrs.add(2 * at + 1)) };
    if op != crate::vm::opcodes::LOAD_ATTR_INSTANCE_VALUE {
        return 1;
    }
    let c = crate::vm::specialize::Cache::new(instrs, at);
    // SAFETY: the caller guarantees a live value below sp.
    let owner = unsafe { &*sp.sub(1) };
    if !(owner.is_obj() && owner.ty().version.get() == c.u32(1) && in_values_mode(owner)) {
        return 1;
    }
    let ix = c.u16(3) as usize;
    if ix >= instance(owner).len.get() as usize {
        return 1;
    }
    let Some(v) = slot_get(owner, ix) else {
        return 1;
    };
    // SAFETY: the owner slot is owned (dropped here); the compiler's stack bound leaves room
    // for the second push.
    unsafe {
        drop(sp.sub(1).read());
        if arg & 1 != 0 {
            sp.sub(1).write(Value::NULL);
            sp.write(v);
        } else {
            sp.sub(1).write(v);
        }
    }
    0
}

/// `CALL_PY_EXACT_ARGS` (or `CALL_BOUND_METHOD_EXACT_ARGS` when bit 0 of `next_bound` is set)
/// with `n` arguments below `sp`, as tier 1 runs it ([`call_exact`]), from compiled code of
/// the instruction at code unit `at` whose successor is at `next_bound >> 1`: the caller's
/// return point is saved in its frame, the callee's frame pushed, and the result says where
/// compiled code goes on ([`Transfer`]): the callee's compiled entry, or tier 1 for it.
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
) -> Transfer {
    let fs = frames();
    // SAFETY: `frame` is the live top frame (the caller's promise).
    unsafe {
        (*frame).ip = next_bound >> 1;
        (*frame).lasti = at;
        (*frame).raise_at = at;
    }
    // SAFETY: as the caller promises.
    match unsafe { call_exact(fs, sp, n, next_bound & 1 != 0) } {
        ExactCall::Pushed => {
            // SAFETY: the callee's frame is on top; its function keeps the code alive.
            let callee = unsafe { fs.top() };
            let entry = super::runtime::call_entry(unsafe { (*callee).code() });
            Transfer {
                frame: callee,
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

/// `RETURN_VALUE` (`konst` null: the value on top of the stack) or `RETURN_CONST` (`konst`:
/// the constant) from compiled code, as tier 1 runs a frame's plain return: pops the frame,
/// pushes the value on the caller's stack, and says where compiled code goes on: the caller's
/// compiled code after its call, or tier 1. A frame that does not return plainly (entry,
/// generator, `__init__`) is left unchanged for tier 1 (`frame` null in the result).
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
        if !(*frame).returns_plainly() {
            return Transfer {
                frame: std::ptr::null_mut(),
                entry: 0,
            };
        }
        let fs = frames();
        let (v, sp) = if konst.is_null() {
            (sp.sub(1).read(), sp.sub(1))
        } else {
            ((*konst).clone(), sp)
        };
        (*frame).sp = sp;
        fs.pop_plain();
        let caller = fs.top();
        (*caller).sp.write(v);
        (*caller).sp = (*caller).sp.add(1);
        let entry = (*caller)
            .code()
            .jit
            .resume_entry((*caller).ip)
            .map_or(0, |f| f as usize);
        Transfer {
            frame: caller,
            entry,
        }
    }
}
