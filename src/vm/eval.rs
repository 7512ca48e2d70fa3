//! The tier-1 eval loop: runs CPython 3.12 bytecode on the frame stack.
//!
//! Shape: [`run_frames`] owns the "registers" of the current frame (instruction pointer, stack
//! pointer, locals base) in a fast loop over the common instructions; every other instruction
//! runs out of line in [`run_slow_op`], which starts from and leaves the registers in the frame
//! header. The split keeps the fast loop's registers out of competition with the many calls and
//! temporaries of the rare ops (callgrind: -8 to -10% instructions on the arithmetic
//! benchmarks); both functions expand [`frame_registers!`], so an op arm reads the same in
//! either. An op that fails returns [`Unwind::Error`] (add a traceback entry, then look for a
//! handler) or [`Unwind::Reraise`] (look for a handler only); returning from a frame pops it
//! and continues in the caller without Rust recursion.
//!
//! Invariant: between instructions, `[base, sp)` of the current frame holds owned values; the
//! registers are written back to the `Frame` before anything that can push frames (calls) or
//! inspect them (tracebacks).

use std::ptr;

use crate::abi::Value;
use crate::objects::cell::{new_cell, Cell};
use crate::objects::code::Code;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{self as exc, err, raise, ExceptionData};
use crate::objects::function::{new_closure, Function};
use crate::objects::generator::Generator;
use crate::objects::list::{new_list, List};
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::{new_tuple, try_tuple_items, tuple_items};
use crate::objects::{CmpOp, NbOp, PyResult, Raised};
use crate::ops;
use crate::vm::call::{bind_args_into_frame, call};
use crate::vm::frame::frames;
use crate::vm::opcodes::*;
use crate::vm::specialize;
use crate::vm::thread;

/// Why the dispatch loop stopped.
enum Unwind {
    /// An exception was raised by the current instruction: record a traceback entry.
    Error,
    /// An exception is re-raised (`RERAISE`, bare `raise`): no new traceback entry.
    Reraise,
}

/// How an entry frame left the eval loop.
pub enum FrameExit {
    /// It returned this value (its frame is popped).
    Return(Value),
    /// A generator frame yielded this value (`YIELD_VALUE`): its frame is still on the frame
    /// stack, with `sp`, `ip` and `lasti` saved, for the resumer to move into the generator.
    Yield(Value),
}

/// Runs the top frame of the frame stack (an entry frame) until it returns.
pub fn run_top_frame() -> PyResult<Value> {
    match resume_top_frame(false)? {
        FrameExit::Return(v) => Ok(v),
        FrameExit::Yield(_) => {
            unreachable!("only generator resumption runs generator frames, and only they yield")
        }
    }
}

/// Runs the top frame of the frame stack (an entry frame) until it returns or yields. With
/// `throw`, it starts by raising the exception in flight at the frame's `lasti` (as CPython's
/// `throwflag`: `generator.throw()`).
pub fn resume_top_frame(throw: bool) -> PyResult<FrameExit> {
    let fs = frames();
    let mut fi = fs.frames.len() - 1;
    let mut thrown = throw;
    loop {
        let r = if std::mem::take(&mut thrown) {
            Err(Unwind::Error)
        } else {
            // Tier 2 is switched on or off once, at start-up: each setting has its own copy of
            // the loop, so tier 1 alone carries none of the JIT's checks.
            match (specialize::stats::enabled(), crate::tier2::enabled()) {
                (false, false) => run_frames::<false, false>(&mut fi),
                (false, true) => run_frames::<false, true>(&mut fi),
                (true, false) => run_frames::<true, false>(&mut fi),
                (true, true) => run_frames::<true, true>(&mut fi),
            }
        };
        match r {
            Ok(v) => return Ok(v),
            Err(Unwind::Error) => {
                add_traceback_entry(fi);
                if let Some(()) = find_handler(fi) {
                    continue;
                }
            }
            Err(Unwind::Reraise) => {
                if let Some(()) = find_handler(fi) {
                    continue;
                }
            }
        }
        // No handler in this frame: pop it and continue unwinding in the caller.
        loop {
            let was_entry = pop_frame(fi);
            if was_entry {
                return Err(Raised);
            }
            fi -= 1;
            add_traceback_entry(fi);
            if find_handler(fi).is_some() {
                break;
            }
        }
    }
}

/// Prepends a traceback entry for frame `fi` to the exception in flight.
fn add_traceback_entry(fi: usize) {
    let f = &frames().frames[fi];
    let e = thread::peek_raised();
    if let Some(d) = e.downcast_ref::<ExceptionData>() {
        // Module and class bodies' namespace; for the frame a NameError starts in, a snapshot
        // of its locals (the "Did you mean: 'self.x'?" suggestion reads `self` from it).
        let locals = if !f.locals.is_null() {
            f.locals.clone()
        } else if d.traceback().is_null()
            && std::ptr::eq(e.ty(), &crate::objects::exception::NAME_ERROR)
        {
            crate::objects::frame::locals_snapshot(f)
        } else {
            Value::NULL
        };
        let tb = crate::objects::traceback::new_traceback(d.traceback(), f, locals);
        d.set_traceback(tb);
    }
}

/// Looks up the exception table of frame `fi` for its `lasti`; on a match, unwinds the value
/// stack to the handler's depth, pushes the exception and sets `ip` to the handler.
fn find_handler(fi: usize) -> Option<()> {
    let f = &mut frames().frames[fi];
    // SAFETY: the frame's function keeps its code alive while we edit the frame's registers.
    let code: &Code = unsafe { &*f.code };
    let entry = crate::pyc::handler_for(&code.exc_table, f.raise_at as u32)?;
    let stack_base = f.stack_base();
    // SAFETY: depth <= the current stack height by construction of the exception table.
    unsafe {
        let target_sp = stack_base.add(entry.depth as usize);
        while f.sp > target_sp {
            f.sp = f.sp.sub(1);
            drop(ptr::read(f.sp));
        }
        if entry.lasti {
            ptr::write(f.sp, Value::int(f.lasti as i64));
            f.sp = f.sp.add(1);
        }
        ptr::write(f.sp, thread::take_raised());
        f.sp = f.sp.add(1);
    }
    f.ip = entry.target as usize;
    Some(())
}

/// Pops frame `fi` (the top), dropping its values. Returns whether it was an entry frame.
///
/// The values are dropped while the frame is still on the stack, so that a finalizer run by a
/// drop (a generator's `close()`) pushes its frame above this one's region, not over it.
#[inline(always)]
fn pop_frame(fi: usize) -> bool {
    let fs = frames();
    debug_assert_eq!(fi, fs.frames.len() - 1);
    let Some(top) = fs.frames.last() else {
        return true;
    };
    let (base, sp) = (top.base, top.sp);
    if !top.gen.is_null() {
        crate::vm::generator::frame_finished(top);
    }
    // SAFETY: [base, sp) holds owned values (locals then stack); nothing else refers to them,
    // and the slots count as unowned once the frame is gone (pushes initialize them).
    unsafe {
        let mut p = base;
        while p < sp {
            drop(ptr::read(p));
            p = p.add(1);
        }
    }
    fs.frames.pop().is_some_and(|f| f.is_entry)
}

/// The result of a class call whose `__init__` ran as a frame (`CALL_ALLOC_AND_ENTER_INIT`):
/// the new instance, or CPython's TypeError when `__init__` returned something else.
#[inline(always)]
fn returned_from_init(r: Value, obj: Value) -> PyResult<Value> {
    if r.is_none() {
        Ok(obj)
    } else {
        Err(init_returned_error(&r))
    }
}

#[cold]
fn init_returned_error(r: &Value) -> Raised {
    raise(
        &exc::TYPE_ERROR,
        format!("__init__() should return None, not '{}'", r.type_name()),
    )
}

/// Where the fetch of the instruction at `this_instr` with (full) oparg `oparg` began: at its
/// first `EXTENDED_ARG`, so that running from there decodes the same oparg. CPython's compiler
/// emits one `EXTENDED_ARG` per oparg byte above the lowest; a redundant `EXTENDED_ARG 0`
/// before those contributes nothing, so starting after it decodes the same oparg too. (The
/// eval loop computes this on its rare paths instead of keeping a register for it.)
#[inline(always)]
fn fetch_start(this_instr: usize, oparg: u32) -> usize {
    this_instr
        - ((oparg > 0xff) as usize + (oparg > 0xffff) as usize + (oparg > 0xff_ffff) as usize)
}

/// `x op y` for a `BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_FLOAT` opcode `op` (the eval loop's fused
/// float operations).
#[inline(always)]
fn float_op(op: u8, x: f64, y: f64) -> f64 {
    match op {
        BINARY_OP_ADD_FLOAT => x + y,
        BINARY_OP_SUBTRACT_FLOAT => x - y,
        _ => x * y,
    }
}

/// The comparison of a `COMPARE_OP` oparg.
#[inline(always)]
fn cmp_op(oparg: u32) -> CmpOp {
    match oparg >> 4 {
        0 => CmpOp::Lt,
        1 => CmpOp::Le,
        2 => CmpOp::Eq,
        3 => CmpOp::Ne,
        4 => CmpOp::Gt,
        _ => CmpOp::Ge,
    }
}

/// `a op b` for `COMPARE_OP_INT`, without a branch on the operator: as in CPython 3.12, the low
/// four bits of a `COMPARE_OP` oparg are the set of outcomes that make the comparison true
/// (2: less, 4: greater, 8: equal; `<=` is 2|8), and the outcome of `a` against `b` is one of
/// those bits.
#[inline(always)]
fn int_compare(a: i64, b: i64, oparg: u32) -> bool {
    let outcome = 1u32 << (2 * (a >= b) as u32 + (a <= b) as u32);
    outcome & oparg != 0
}

/// Raises `NameError: name 'x' is not defined`.
fn name_error(name: &Value) -> Raised {
    let n = as_str(name).map(|s| s.to_string()).unwrap_or_default();
    let e = exc::new_exception_msg(&exc::NAME_ERROR, format!("name '{}' is not defined", n));
    let _ = ops::object::set_instance_dict_item(&e, "name", name.clone());
    exc::raise_value(e)
}

/// Raises the error for reading an unbound local.
fn unbound_local(code: &Code, i: usize) -> Raised {
    let n = as_str(&code.localsplusnames[i])
        .map(|s| s.to_string())
        .unwrap_or_default();
    raise(
        &exc::UNBOUND_LOCAL_ERROR,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            n
        ),
    )
}

/// The value in a cell slot (NULL when the cell is empty).
#[inline]
fn cell_contents(slot: &Value) -> Value {
    slot.downcast_ref::<Cell>()
        .map(|c| c.get())
        .unwrap_or_default()
}

/// Raises the error for reading an empty cell.
fn unbound_free(code: &Code, i: usize) -> Raised {
    let n = as_str(&code.localsplusnames[i])
        .map(|s| s.to_string())
        .unwrap_or_default();
    if code.localspluskinds[i] & crate::objects::code::fast_kind::FREE != 0 {
        raise(
            &exc::NAME_ERROR,
            format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n),
        )
    } else {
        unbound_local(code, i)
    }
}

/// `raise exc from cause` / `raise exc`: the exception to raise, validated and instantiated.
fn make_raise(exc_v: Value, cause: Option<Value>) -> PyResult<Value> {
    let e = instantiate_exception(exc_v, "exceptions must derive from BaseException")?;
    if let Some(c) = cause {
        let d = e.downcast_ref::<ExceptionData>().unwrap();
        if c.is_none() {
            d.set_cause(Value::NULL);
        } else {
            let c = instantiate_exception(c, "exception causes must derive from BaseException")?;
            d.set_cause(c);
        }
        d.suppress_context.set(true);
    }
    Ok(e)
}

fn instantiate_exception(v: Value, msg: &str) -> PyResult<Value> {
    if let Some(t) = ops::object::as_type(&v) {
        if t.is_subtype(&exc::BASE_EXCEPTION) {
            let e = call(&v, &[], &[])?;
            if !exc::is_exception(&e) {
                return err(
                    &exc::TYPE_ERROR,
                    format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        ops::object::repr_string(&v)?,
                        e.type_name()
                    ),
                );
            }
            return Ok(e);
        }
    } else if exc::is_exception(&v) {
        return Ok(v);
    }
    err(&exc::TYPE_ERROR, msg)
}

/// `except T:` matching: `exc` against a type or tuple of types.
fn exception_matches(e: &Value, t: &Value) -> PyResult<bool> {
    if let Some(items) = try_tuple_items(t) {
        for x in items {
            if exception_matches(e, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match ops::object::as_type(t) {
        Some(ty) if ty.is_subtype(&exc::BASE_EXCEPTION) => Ok(e.ty().is_subtype(ty)),
        _ => err(
            &exc::TYPE_ERROR,
            "catching classes that do not inherit from BaseException is not allowed",
        ),
    }
}

fn unpack_error(n_expected: usize, got: usize) -> Raised {
    if got < n_expected {
        raise(
            &exc::VALUE_ERROR,
            format!(
                "not enough values to unpack (expected {}, got {})",
                n_expected, got
            ),
        )
    } else {
        raise(
            &exc::VALUE_ERROR,
            format!("too many values to unpack (expected {})", n_expected),
        )
    }
}

/// Iterates `v` for UNPACK_SEQUENCE / UNPACK_EX, with CPython's TypeError wording.
fn unpack_collect(v: &Value) -> PyResult<Vec<Value>> {
    if v.ty().iter.is_none() && v.ty().getitem.is_none() {
        return err(
            &exc::TYPE_ERROR,
            format!("cannot unpack non-iterable {} object", v.type_name()),
        );
    }
    ops::sequence::collect(v)
}

/// `FORMAT_VALUE`: conversion then `format(value, spec)`.
fn format_value(v: Value, conv: u32, spec: Option<Value>) -> PyResult<Value> {
    let v = match conv {
        1 => ops::object::str_of(&v)?,
        2 => ops::object::repr(&v)?,
        3 => crate::builtins::core::ascii_of(&v)?,
        _ => v,
    };
    let spec = spec.unwrap_or_else(|| new_str(""));
    if crate::objects::str::is_str(&v) && as_str(&spec).is_some_and(|s| s.is_empty()) {
        return Ok(v);
    }
    crate::builtins::core::format(&v, &spec)
}

/// Moves the `n` values below `top` (bottom first) into a Vec: the items of `BUILD_TUPLE` /
/// `BUILD_LIST` / `BUILD_SET` (tier 1 and the JIT's `apy_build`). A pair reuses the buffer the
/// last tuple built from one left behind (`tuple::items_vec`).
///
/// # Safety
/// `top - n .. top` hold owned values; the caller treats those slots as free afterwards.
#[inline(always)]
pub(crate) unsafe fn take_stack_items(top: *mut Value, n: usize) -> Vec<Value> {
    let mut items = crate::objects::tuple::items_vec(n);
    // SAFETY: as the caller promises.
    unsafe {
        let base = top.sub(n);
        for i in 0..n {
            items.push(ptr::read(base.add(i)));
        }
    }
    items
}

/// Declares the registers of the running frame (`fs`, the frame stack; `f`, its header; `code`,
/// `instrs`, `base`, `sp`, `ip`), loads them from the frame at `*fi`, and defines the macros the
/// op arms use on them (`push!`, `pop!`, `save!`, `load!`, `tri!`, ...). The two dispatch
/// functions, [`run_frames`] (the fast loop) and [`run_slow_op`] (everything else), both expand it,
/// so each op arm reads the same whichever function it lives in. The names come from the caller
/// (macro hygiene: the arms refer to them); `$d` is a `$` for the inner macros' own parameters.
///
/// Invariant: the registers are the frame's live state; `save!` writes them (and the
/// instruction's position) back to the header before anything that may look at the frame or
/// push frames, and `load!` re-reads them after the top frame changed.
macro_rules! frame_registers {
    ($d:tt $fs:ident $fi:ident $f:ident $code:ident $instrs:ident $base:ident $sp:ident $ip:ident $this_instr:ident) => {
        // The frame stack never moves (see `frames()`); its `Vec` of headers may reallocate on a
        // push, which is why `f` is re-derived after every push and pop.
        let $fs: *mut crate::vm::frame::FrameStack = frames();
        let mut $f: *mut crate::abi::Frame;
        let mut $code: &Code;
        let mut $instrs: *mut u8;
        let mut $base: *mut Value;
        let mut $sp: *mut Value;
        let mut $ip: usize;

        macro_rules! frame {
            () => {
                // SAFETY: `f` points at the current frame; refreshed after every push/pop.
                unsafe { &mut *$f }
            };
        }
        macro_rules! push {
            ($d v:expr) => {{
                let v = $d v;
                // SAFETY: the verified stack depth bound (pyc::verify) keeps sp inside the frame's region.
                unsafe {
                    Value::write_split($sp, v);
                    $sp = $sp.add(1);
                }
            }};
        }
        macro_rules! pop {
            () => {{
                // SAFETY: the bytecode never pops below the frame's stack base.
                unsafe {
                    $sp = $sp.sub(1);
                    Value::read_split($sp)
                }
            }};
        }
        macro_rules! peek {
            ($d n:expr) => {
                // SAFETY: the bytecode only peeks at live stack slots.
                unsafe { &*$sp.sub($d n) }
            };
        }
        macro_rules! local {
            ($d i:expr) => {
                // SAFETY: oparg indexes localsplus (checked by the bytecode verifier, pyc::verify).
                unsafe { &mut *$base.add($d i) }
            };
        }
        macro_rules! save {
            () => {{
                let fr = frame!();
                fr.sp = $sp;
                fr.ip = $ip;
                fr.lasti = $this_instr;
                fr.raise_at = $this_instr;
            }};
        }
        // The registers of the frame `f` points at, from its header.
        macro_rules! load_registers {
            () => {{
                $code = frame!().code();
                $instrs = $code.code_ptr();
                $base = frame!().base;
                $sp = frame!().sp;
                $ip = frame!().ip;
            }};
        }
        macro_rules! load {
            () => {{
                // SAFETY: `*fi` indexes a live frame (the caller of load! just pushed or popped).
                $f = unsafe { (*$fs).frames.as_mut_ptr().add(*$fi) };
                load_registers!();
            }};
        }
        // `load!` after a return that popped the top frame: the caller's header is the one
        // below (headers are contiguous, and a pop never moves them), with no need to index
        // the frame vector.
        // (Unused in `run_slow_op`, which never returns from a frame.)
        #[allow(unused_macros)]
        macro_rules! load_caller {
            () => {{
                // SAFETY: `f` was the top frame, just popped; the caller's is below it.
                $f = unsafe { $f.sub(1) };
                load_registers!();
            }};
        }
        macro_rules! tri {
            ($d e:expr) => {
                match $d e {
                    Ok(v) => v,
                    Err(_) => {
                        std::hint::cold_path();
                        save!();
                        return Err(Unwind::Error);
                    }
                }
            };
        }
        macro_rules! fail {
            ($d e:expr) => {{
                std::hint::cold_path();
                let _: Raised = $d e;
                save!();
                return Err(Unwind::Error);
            }};
        }
        macro_rules! globals {
            () => {
                // SAFETY: the frame's function keeps its globals alive.
                unsafe { &*(*$f).globals }
            };
        }
        macro_rules! builtins {
            () => {
                // SAFETY: as above.
                unsafe { &*(*$f).builtins }
            };
        }

        // The inline cache of the current instruction.
        macro_rules! cache {
            () => {
                specialize::Cache::new($instrs, $this_instr)
            };
        }
        // Drops the inputs of a CALL with `n` arguments (callable slots and arguments).
        macro_rules! drop_call_inputs {
            ($d n:expr) => {{
                // SAFETY: n + 2 live slots are dropped and sp moves below them.
                unsafe {
                    let new_sp = $sp.sub($d n + 2);
                    while $sp > new_sp {
                        $sp = $sp.sub(1);
                        drop(ptr::read($sp));
                    }
                }
                $sp
            }};
        }
        load!();
    };
}

// The arms of the fast loop for several opcodes run opcodes of one cache size (`step!`).
const _: () = assert!(
    CACHE_ENTRIES[LOAD_FAST as usize] == CACHE_ENTRIES[LOAD_CLOSURE as usize]
        && CACHE_ENTRIES[LOAD_FAST as usize]
            == CACHE_ENTRIES[LOAD_FAST__STORE_ATTR_INSTANCE_VALUE as usize]
        && CACHE_ENTRIES[LOAD_FAST as usize] == CACHE_ENTRIES[LOAD_FAST__LOAD_ATTR_METHOD as usize]
        && CACHE_ENTRIES[LOAD_CONST as usize] == CACHE_ENTRIES[LOAD_CONST__FLOAT_OP as usize]
        && CACHE_ENTRIES[LOAD_FAST as usize]
            == CACHE_ENTRIES[LOAD_FAST__STORE_SUBSCR_LIST_INT as usize]
        && CACHE_ENTRIES[FOR_ITER_LIST as usize] == CACHE_ENTRIES[FOR_ITER_TUPLE as usize]
        && CACHE_ENTRIES[LOAD_ATTR_METHOD_WITH_VALUES as usize]
            == CACHE_ENTRIES[LOAD_ATTR_METHOD_NO_DICT as usize]
        && CACHE_ENTRIES[CALL_PY_EXACT_ARGS as usize]
            == CACHE_ENTRIES[CALL_BOUND_METHOD_EXACT_ARGS as usize]
        && CACHE_ENTRIES[BINARY_SUBSCR_LIST_INT as usize]
            == CACHE_ENTRIES[BINARY_SUBSCR_TUPLE_INT as usize]
        && CACHE_ENTRIES[BINARY_SUBSCR_LIST_INT as usize]
            == CACHE_ENTRIES[BINARY_SUBSCR_STR_INT as usize]
        && CACHE_ENTRIES[NOP as usize] == CACHE_ENTRIES[CACHE as usize]
        && CACHE_ENTRIES[UNPACK_SEQUENCE_TWO_TUPLE as usize]
            == CACHE_ENTRIES[UNPACK_SEQUENCE_TUPLE as usize]
        && CACHE_ENTRIES[UNPACK_SEQUENCE_TWO_TUPLE as usize]
            == CACHE_ENTRIES[UNPACK_SEQUENCE_LIST as usize]
        && CACHE_ENTRIES[RETURN_CONST as usize] == CACHE_ENTRIES[RETURN_VALUE as usize]
        && CACHE_ENTRIES[CONTAINS_OP_SET as usize] == CACHE_ENTRIES[CONTAINS_OP_DICT as usize]
        && CACHE_ENTRIES[CALL_BUILTIN as usize] == CACHE_ENTRIES[CALL_BUILTIN_LEN as usize]
        && CACHE_ENTRIES[CALL_BUILTIN as usize] == CACHE_ENTRIES[CALL_BUILTIN_ISINSTANCE as usize]
);

/// A pattern matching every `u8`, as 256 literals: a `match` whose last arm is this has no
/// default case in LLVM's eyes (a `_` arm becomes one, with a range check before the jump
/// table).
#[rustfmt::skip]
macro_rules! every_opcode {
    () => {
        0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15
        | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31
        | 32 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 40 | 41 | 42 | 43 | 44 | 45 | 46 | 47
        | 48 | 49 | 50 | 51 | 52 | 53 | 54 | 55 | 56 | 57 | 58 | 59 | 60 | 61 | 62 | 63
        | 64 | 65 | 66 | 67 | 68 | 69 | 70 | 71 | 72 | 73 | 74 | 75 | 76 | 77 | 78 | 79
        | 80 | 81 | 82 | 83 | 84 | 85 | 86 | 87 | 88 | 89 | 90 | 91 | 92 | 93 | 94 | 95
        | 96 | 97 | 98 | 99 | 100 | 101 | 102 | 103 | 104 | 105 | 106 | 107 | 108 | 109 | 110 | 111
        | 112 | 113 | 114 | 115 | 116 | 117 | 118 | 119 | 120 | 121 | 122 | 123 | 124 | 125 | 126 | 127
        | 128 | 129 | 130 | 131 | 132 | 133 | 134 | 135 | 136 | 137 | 138 | 139 | 140 | 141 | 142 | 143
        | 144 | 145 | 146 | 147 | 148 | 149 | 150 | 151 | 152 | 153 | 154 | 155 | 156 | 157 | 158 | 159
        | 160 | 161 | 162 | 163 | 164 | 165 | 166 | 167 | 168 | 169 | 170 | 171 | 172 | 173 | 174 | 175
        | 176 | 177 | 178 | 179 | 180 | 181 | 182 | 183 | 184 | 185 | 186 | 187 | 188 | 189 | 190 | 191
        | 192 | 193 | 194 | 195 | 196 | 197 | 198 | 199 | 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207
        | 208 | 209 | 210 | 211 | 212 | 213 | 214 | 215 | 216 | 217 | 218 | 219 | 220 | 221 | 222 | 223
        | 224 | 225 | 226 | 227 | 228 | 229 | 230 | 231 | 232 | 233 | 234 | 235 | 236 | 237 | 238 | 239
        | 240 | 241 | 242 | 243 | 244 | 245 | 246 | 247 | 248 | 249 | 250 | 251 | 252 | 253 | 254 | 255
    };
}

/// Runs from frame `*fi` until an entry frame returns or yields (Ok) or an instruction fails
/// (Err, with the failing frame in `*fi` and its `lasti` set).
///
/// `STATS` (`--specialization-stats`) compiles in the per-instruction execution counts; the
/// normal instantiation has none. `JIT` is `tier2::enabled()`, fixed for the process: without
/// it the loop has no entry into compiled code and no checks for it.
fn run_frames<const STATS: bool, const JIT: bool>(fi: &mut usize) -> Result<FrameExit, Unwind> {
    let mut this_instr: usize;
    // The current instruction's oparg (declared here for `deopt!`).
    let mut oparg: u32;
    frame_registers!($ fs fi f code instrs base sp ip this_instr);

    // Drops the top `n` stack values, known to be inline (no refcount): returns the new sp.
    macro_rules! unsafe_drop_inline {
        ($n:expr) => {
            // SAFETY: the guard established that these slots hold inline values.
            unsafe { sp.sub($n) }
        };
    }
    // Moves `ip` on by `$delta` code units when `$cond` holds: a conditional jump of the
    // bytecode, kept a branch of the machine code. Left to itself LLVM computes the new `ip`
    // with a conditional move, which makes the next dispatch wait for the condition's
    // operands: with a branch, the CPU predicts the outcome (a loop's test mostly goes one
    // way) and runs on into the next instruction. Measured on the fused compare and jump:
    // see the commit that added this.
    macro_rules! jump_if {
        ($cond:expr, $delta:expr) => {
            if $cond {
                keep_branch!();
                ip += $delta;
            }
        };
    }
    // In one side of an `if`: keeps the `if` a branch (see `jump_if!`).
    macro_rules! keep_branch {
        () => {
            // SAFETY: an empty asm statement, which touches no memory, stack or flags. LLVM
            // treats it as a side effect, so it cannot turn the `if` around it into a select.
            unsafe { core::arch::asm!("", options(nomem, nostack, preserves_flags)) }
        };
    }
    // Pushes the bool result of a compare, or, when a conditional jump follows (the usual
    // `if a < b:` / `while` shape), takes that jump here instead: compare fused with branch,
    // with no push, pop or dispatch in between.
    macro_rules! push_condition {
        ($r:expr) => {{
            let r: bool = $r;
            // SAFETY: `ip` indexes the next instruction (code ends with a return).
            let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1) as usize) };
            if next == POP_JUMP_IF_FALSE {
                ip += 1;
                jump_if!(!r, arg);
                jump_backward_here!();
            } else if next == POP_JUMP_IF_TRUE {
                ip += 1;
                jump_if!(r, arg);
                jump_backward_here!();
            } else {
                push!(Value::bool(r));
            }
        }};
    }
    // After a fused conditional jump: when it went on to a loop's closing `JUMP_BACKWARD` (a
    // `while` condition at the bottom of its body), take that jump here too, saving a dispatch.
    // Not with a signal pending (the arm handles it) nor with tier 2 on (the arm is where
    // compiled code is entered).
    macro_rules! jump_backward_here {
        () => {{
            // SAFETY: `ip` indexes an instruction (a jump target or the one after the jump).
            let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1) as usize) };
            if !JIT && next == JUMP_BACKWARD && !crate::vm::signals::pending() {
                ip = ip + 1 - arg;
            }
        }};
    }
    // Pushes the result of an instruction that cannot fail, or, when a `STORE_FAST` follows
    // (`x = a + b`, `for x in ...:`, `x = a[i]`), stores it into that local here instead:
    // no push, pop or dispatch in between. The old value is dropped as `STORE_FAST` drops it.
    macro_rules! push_or_store {
        ($v:expr) => {{
            let v: Value = $v;
            // SAFETY: `ip` indexes the next instruction (code ends with a return).
            let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1) as usize) };
            if next == STORE_FAST {
                ip += 1;
                *local!(arg) = v;
            } else {
                push!(v);
            }
        }};
    }
    // LOAD_GLOBAL_MODULE / _BUILTIN (the form a constant): the value behind the cached dict
    // versions, with NULL first when bit 0 of the oparg asks for it.
    macro_rules! load_global {
        ($form:expr, $oparg:expr) => {{
            let Some(v) = specialize::load_global_form($form, &cache!(), globals!(), builtins!())
            else {
                deopt!();
            };
            if $oparg & 1 != 0 {
                push!(Value::NULL);
            }
            push!(v);
        }};
    }
    // BINARY_OP_<op>_INT: both operands inline ints; the kernel's slow cases (overflow,
    // division by zero) take the generic path without deoptimizing.
    macro_rules! binary_int {
        ($nb:expr) => {{
            let (a, b) = (peek!(2), peek!(1));
            if !(a.is_int() && b.is_int()) {
                deopt!();
            }
            let r = match ops::number::int_kernel(a.as_int_unchecked(), b.as_int_unchecked(), $nb) {
                Some(r) => r,
                None => {
                    std::hint::cold_path();
                    save!();
                    tri!(ops::number::binary_op(a, b, $nb))
                }
            };
            sp = unsafe_drop_inline!(2);
            push_or_store!(r);
        }};
    }
    // BINARY_OP_<op>_FLOAT: two floats, or a float and an inline int.
    macro_rules! binary_float {
        ($nb:expr) => {{
            let (a, b) = (peek!(2), peek!(1));
            let Some((x, y)) = ops::number::float_operands(a, b) else {
                deopt!();
            };
            let r = match ops::number::float_kernel(x, y, $nb) {
                Some(r) => r,
                None => {
                    std::hint::cold_path();
                    save!();
                    tri!(ops::number::binary_op(a, b, $nb))
                }
            };
            sp = unsafe_drop_inline!(2);
            push_or_store!(r);
        }};
    }

    // The opcode being run, read again from the code (not kept in a register across the
    // arms: see the fetch).
    macro_rules! cur_op {
        () => {
            // SAFETY: `this_instr` indexes the instruction being run.
            unsafe { *instrs.add(2 * this_instr) }
        };
    }
    // Sets `ip` past the current instruction and its inline cache, for an arm that runs
    // several opcodes of the same cache size (a constant: no table lookup by `op`).
    macro_rules! step {
        ($op:expr) => {
            ip = this_instr + 1 + const { CACHE_ENTRIES[$op as usize] as usize }
        };
    }

    'fetch: loop {
        // The end of a generic instruction's arm in the fast loop: with the JIT, go back through
        // `'fetch`, which enters compiled code when an exit asked for it (`jit_resume`), as after
        // an instruction of the second match.
        macro_rules! after_generic {
            () => {
                if JIT {
                    continue 'fetch;
                }
            };
        }
        // A specialized form's guard failed: rewrite it back to its family's adaptive instruction
        // and run that (from the first EXTENDED_ARG, so the full oparg is decoded again).
        macro_rules! deopt {
            () => {{
                std::hint::cold_path();
                specialize::deopt(&cache!());
                ip = fetch_start(this_instr, oparg);
                continue 'fetch;
            }};
        }
        // FOR_ITER_RANGE (`this_instr`, `oparg` and `ip` set for it): the next int of the range
        // iterator on top, or the jump past the loop's END_FOR.
        macro_rules! for_iter_range {
            () => {{
                let Some(r) = peek!(1).downcast_exact::<crate::objects::range::RangeIter>() else {
                    deopt!();
                };
                match r.next_value() {
                    Some(i) => push_or_store!(Value::int(i)),
                    None => {
                        drop(pop!());
                        ip += oparg as usize + 1;
                    }
                }
            }};
        }
        // FOR_ITER_LIST / FOR_ITER_TUPLE, as above, for an iterator of type `$want`.
        macro_rules! for_iter_seq {
            ($want:expr) => {{
                let it = peek!(1);
                if !(it.is_obj() && ptr::eq(it.type_ptr(), &$want)) {
                    deopt!();
                }
                // SAFETY: list and tuple iterators carry a SeqIter payload.
                let si = unsafe { it.payload_unchecked::<crate::objects::iterators::SeqIter>() };
                match crate::objects::iterators::seq_iter_next_fast(si) {
                    Some(v) => push_or_store!(v),
                    None => {
                        drop(pop!());
                        ip += oparg as usize + 1;
                    }
                }
            }};
        }
        // The fast loop: the common instructions, with the frame's registers kept live across
        // iterations. Anything else leaves it with its decoded `(op, oparg)` for the second
        // match below, so the rarely run arms (and their calls) stay out of the hot loop.
        // Tier 2: the one place that enters compiled code, when `RESUME` or `JUMP_BACKWARD`
        // asked (counting towards compiling the code), or after tier 1 ran an instruction that
        // compiled code exited for, or after a return into this frame. Compiled code runs from
        // the current `ip`; tier 1 then continues where it exited: at `frame.ip` with
        // `frame.sp` of the frame then on top (compiled code calls and returns between Python
        // functions itself). An exit before an instruction compiled code does not handle
        // leaves the frame exactly as tier 1 has it there; tier 1 runs that instruction and
        // comes back here. (One expansion of this in the loop: each copy cost tier 1 about 6%
        // more instructions on int_loop, from register pressure.)
        if JIT && frame!().jit_resume {
            frame!().jit_resume = false;
            if let Some(entry) = code.jit.entry(code, ip) {
                let fr = frame!();
                fr.sp = sp;
                fr.ip = ip;
                // SAFETY: `entry` is the compiled code of this frame's code object at `ip`, and
                // the frame's registers are stored.
                let x = unsafe { crate::tier2::run(entry, f, sp) };
                // Go on in the frame now on top (a finalizer that compiled code ran may also
                // have pushed and popped frames, moving the headers), from its saved registers.
                // SAFETY: `fs` is the live frame stack; it holds at least this loop's entry
                // frame.
                *fi = unsafe { (*fs).frames.len() } - 1;
                load!();
                match x {
                    crate::abi::exit::DEOPT => frame!().jit_resume = true,
                    crate::abi::exit::SWITCH => {}
                    crate::tier2::GUARD_EXIT => code.jit.guard_failed(code, ip),
                    _ => {
                        // An exception raised at the instruction at `ip`.
                        this_instr = ip;
                        save!();
                        return Err(Unwind::Error);
                    }
                }
                if crate::tier2::stats_enabled() && x != crate::abi::exit::SWITCH {
                    // SAFETY: the exit's ip is an instruction start of this code.
                    let mut at = ip;
                    while unsafe { *instrs.add(2 * at) } == EXTENDED_ARG {
                        at += 1;
                    }
                    // SAFETY: as above.
                    let op = unsafe { *instrs.add(2 * at) };
                    crate::tier2::count_exit(op, x == crate::tier2::GUARD_EXIT);
                }
            }
        }
        let (op, oparg) = 'fast: loop {
            // Fetch and dispatch. This block is kept to loads and one jump-table jump (no
            // EXTENDED_ARG loop, no range check: `every_opcode!` below covers all 256 values),
            // so that LLVM copies it into the end of every arm (`.cargo/config.toml` raises
            // the tail-duplication limits): each arm then has its own indirect jump, which
            // the branch predictor learns per arm, as with computed gotos in C.
            // SAFETY: ip is always a valid code-unit index (jumps target instructions).
            let mut op: u8;
            (op, oparg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1) as u32) };
            'dispatch: loop {
                this_instr = ip;
                // Each arm sets `ip` past its instruction and cache with `step!` (a constant per
                // arm): with one table lookup here instead, LLVM hoists it (and a spill) into the
                // dispatch of every instruction.
                if STATS && op != EXTENDED_ARG {
                    specialize::stats::exec(op);
                }

                match op {
                    // Folds its byte into the next instruction's oparg and dispatches that.
                    EXTENDED_ARG => {
                        ip += 1;
                        // SAFETY: as above.
                        unsafe {
                            op = *instrs.add(2 * ip);
                            oparg = (oparg << 8) | *instrs.add(2 * ip + 1) as u32;
                        }
                        continue 'dispatch;
                    }
                    NOP | CACHE => step!(NOP),
                    RESUME => {
                        step!(RESUME);
                        if JIT {
                            // Look for compiled code (and count towards compiling it) at the top
                            // of `'fetch`, the one place that enters compiled code.
                            frame!().jit_resume = true;
                            continue 'fetch;
                        }
                    }
                    // ---- Specialized forms (see vm/specialize.rs). Each guards its operands and
                    // ---- deopts to the family's adaptive instruction when the guard fails.
                    BINARY_OP_ADD_INT => {
                        step!(BINARY_OP_ADD_INT);
                        binary_int!(NbOp::Add)
                    }
                    BINARY_OP_ADD_INT__RETURN_VALUE => {
                        // `return a + b` (see the opcode): the sum, then the return from a plain
                        // frame as the RETURN_VALUE arm runs it; anything else falls back to the
                        // separate instructions.
                        step!(BINARY_OP_ADD_INT__RETURN_VALUE);
                        let (a, b) = (peek!(2), peek!(1));
                        if !(a.is_int() && b.is_int()) {
                            deopt!();
                        }
                        let Some(r) = ops::number::int_kernel(
                            a.as_int_unchecked(),
                            b.as_int_unchecked(),
                            NbOp::Add,
                        ) else {
                            save!();
                            let r = tri!(ops::number::binary_op(a, b, NbOp::Add));
                            sp = unsafe_drop_inline!(2);
                            push!(r);
                            continue 'fast;
                        };
                        sp = unsafe_drop_inline!(2);
                        if !JIT && frame!().returns_plainly() {
                            frame!().sp = sp;
                            // SAFETY: `fs` is the live frame stack and `f` its top frame.
                            unsafe { (*fs).pop_plain() };
                            *fi -= 1;
                            load_caller!();
                        }
                        push!(r);
                    }
                    BINARY_OP_FLOAT__STORE_SUBSCR => {
                        // `a[i] op= x` on floats (see the opcode): the stack is [list, index, old,
                        // x]; the result goes into the list item when the three instructions after
                        // are still `SWAP 3; SWAP 2; STORE_SUBSCR_LIST_INT` and the index is in
                        // range, and is pushed for them otherwise.
                        step!(BINARY_OP_FLOAT__STORE_SUBSCR);
                        let Some((x, y)) = ops::number::float_operands(peek!(2), peek!(1)) else {
                            deopt!();
                        };
                        // The oparg's op: `+`/`+=`, `-`/`-=`, else `*`/`*=` (the only ones fused).
                        let r = Value::float(match oparg {
                            0 | 13 => x + y,
                            10 | 23 => x - y,
                            _ => x * y,
                        });
                        sp = unsafe_drop_inline!(2);
                        // SAFETY: the three instructions after a fused op are in the stream (checked
                        // when it was fused; a jump never lands between them).
                        let (u0, u1, s2) = unsafe {
                            let u = instrs as *const u16;
                            (*u.add(ip), *u.add(ip + 1), *instrs.add(2 * ip + 4))
                        };
                        let swaps = u16::from_ne_bytes([SWAP, 3]) == u0
                            && u16::from_ne_bytes([SWAP, 2]) == u1;
                        if swaps && s2 == STORE_SUBSCR_LIST_INT && peek!(1).is_int() {
                            if let Some(l) = peek!(2).downcast_exact::<List>() {
                                let i = peek!(1).as_int_unchecked();
                                if i >= 0 && (i as usize) < l.len() {
                                    l.set(i as usize, r);
                                    sp = unsafe_drop_inline!(1);
                                    drop(pop!());
                                    ip +=
                                        3 + const { CACHE_ENTRIES[STORE_SUBSCR as usize] as usize };
                                    continue 'fast;
                                }
                            }
                        }
                        push!(r);
                    }
                    BINARY_OP_SUBTRACT_INT => {
                        step!(BINARY_OP_SUBTRACT_INT);
                        binary_int!(NbOp::Sub)
                    }
                    BINARY_OP_MULTIPLY_INT => {
                        step!(BINARY_OP_MULTIPLY_INT);
                        binary_int!(NbOp::Mul)
                    }
                    BINARY_OP_FLOOR_DIVIDE_INT => {
                        step!(BINARY_OP_FLOOR_DIVIDE_INT);
                        binary_int!(NbOp::FloorDiv)
                    }
                    BINARY_OP_REMAINDER_INT => {
                        step!(BINARY_OP_REMAINDER_INT);
                        binary_int!(NbOp::Rem)
                    }
                    BINARY_OP_AND_INT => {
                        step!(BINARY_OP_AND_INT);
                        binary_int!(NbOp::And)
                    }
                    BINARY_OP_OR_INT => {
                        step!(BINARY_OP_OR_INT);
                        binary_int!(NbOp::Or)
                    }
                    BINARY_OP_XOR_INT => {
                        step!(BINARY_OP_XOR_INT);
                        binary_int!(NbOp::Xor)
                    }
                    BINARY_OP_LSHIFT_INT => {
                        step!(BINARY_OP_LSHIFT_INT);
                        binary_int!(NbOp::Lshift)
                    }
                    BINARY_OP_RSHIFT_INT => {
                        step!(BINARY_OP_RSHIFT_INT);
                        binary_int!(NbOp::Rshift)
                    }
                    BINARY_OP_TRUE_DIVIDE_INT => {
                        step!(BINARY_OP_TRUE_DIVIDE_INT);
                        binary_int!(NbOp::TrueDiv)
                    }
                    BINARY_OP_ADD_FLOAT => {
                        step!(BINARY_OP_ADD_FLOAT);
                        binary_float!(NbOp::Add)
                    }
                    BINARY_OP_SUBTRACT_FLOAT => {
                        step!(BINARY_OP_SUBTRACT_FLOAT);
                        binary_float!(NbOp::Sub)
                    }
                    BINARY_OP_MULTIPLY_FLOAT => {
                        step!(BINARY_OP_MULTIPLY_FLOAT);
                        binary_float!(NbOp::Mul)
                    }
                    BINARY_OP_TRUE_DIVIDE_FLOAT => {
                        step!(BINARY_OP_TRUE_DIVIDE_FLOAT);
                        binary_float!(NbOp::TrueDiv)
                    }
                    COMPARE_OP_INT => {
                        step!(COMPARE_OP_INT);
                        let (a, b) = (peek!(2), peek!(1));
                        if !(a.is_int() && b.is_int()) {
                            deopt!();
                        }
                        let r = int_compare(a.as_int_unchecked(), b.as_int_unchecked(), oparg);
                        sp = unsafe_drop_inline!(2);
                        push_condition!(r);
                    }
                    COMPARE_OP_FLOAT => {
                        step!(COMPARE_OP_FLOAT);
                        let Some((x, y)) = ops::number::float_operands(peek!(2), peek!(1)) else {
                            deopt!();
                        };
                        let r = ops::compare::float_test(x, y, cmp_op(oparg));
                        sp = unsafe_drop_inline!(2);
                        push_condition!(r);
                    }
                    // One arm per form: the form is then a constant in each.
                    LOAD_GLOBAL_MODULE => {
                        step!(LOAD_GLOBAL_MODULE);
                        load_global!(LOAD_GLOBAL_MODULE, oparg)
                    }
                    LOAD_GLOBAL_BUILTIN => {
                        step!(LOAD_GLOBAL_BUILTIN);
                        load_global!(LOAD_GLOBAL_BUILTIN, oparg)
                    }
                    LOAD_ATTR_INSTANCE_VALUE => {
                        step!(LOAD_ATTR_INSTANCE_VALUE);
                        let c = cache!();
                        let v = specialize::load_attr_instance_form!(
                            &c,
                            peek!(1),
                            code,
                            (oparg >> 1) as usize,
                            deopt!()
                        );
                        drop(pop!());
                        if oparg & 1 != 0 {
                            push!(Value::NULL);
                        }
                        push!(v);
                    }
                    LOAD_ATTR_METHOD_WITH_VALUES | LOAD_ATTR_METHOD_NO_DICT => {
                        step!(LOAD_ATTR_METHOD_WITH_VALUES);
                        let c = cache!();
                        let m = specialize::load_attr_method_form!(
                            cur_op!(),
                            &c,
                            peek!(1),
                            code,
                            (oparg >> 1) as usize,
                            deopt!()
                        );
                        let owner = pop!();
                        push!(m);
                        push!(owner);
                    }
                    LOAD_ATTR_SLOT => {
                        step!(LOAD_ATTR_SLOT);
                        // An empty slot deopts too: the generic path raises the AttributeError.
                        let Some(v) = specialize::load_attr_slot_form(&cache!(), peek!(1)) else {
                            deopt!();
                        };
                        drop(pop!());
                        if oparg & 1 != 0 {
                            push!(Value::NULL);
                        }
                        push!(v);
                    }
                    STORE_ATTR_SLOT => {
                        step!(STORE_ATTR_SLOT);
                        // SAFETY: the slot below the owner is the value, whose reference moves into
                        // the slot (or is forgotten when it comes back).
                        let v = unsafe { Value::read_split(sp.sub(2)) };
                        match specialize::store_attr_slot_form(&cache!(), peek!(1), v) {
                            Ok(old) => {
                                drop(pop!());
                                sp = unsafe_drop_inline!(1);
                                drop(old);
                            }
                            Err(v) => {
                                std::mem::forget(v);
                                deopt!();
                            }
                        }
                    }
                    STORE_ATTR_INSTANCE_VALUE => {
                        step!(STORE_ATTR_INSTANCE_VALUE);
                        let owner = peek!(1);
                        let c = cache!();
                        let ix = specialize::store_attr_instance_form!(
                            &c,
                            owner,
                            code,
                            oparg as usize,
                            deopt!()
                        );
                        // SAFETY: the slot below the owner is the value to store.
                        let v = unsafe { Value::read_split(sp.sub(2)) };
                        match crate::objects::instance::try_store_slot(owner, ix, v) {
                            Ok(()) => {
                                drop(pop!());
                                sp = unsafe_drop_inline!(1);
                            }
                            Err(v) => {
                                std::mem::forget(v);
                                deopt!();
                            }
                        }
                    }
                    FOR_ITER_RANGE => {
                        step!(FOR_ITER_RANGE);
                        for_iter_range!()
                    }
                    FOR_ITER_LIST => {
                        step!(FOR_ITER_LIST);
                        for_iter_seq!(crate::objects::iterators::LIST_ITER_TYPE);
                    }
                    FOR_ITER_TUPLE => {
                        step!(FOR_ITER_TUPLE);
                        for_iter_seq!(crate::objects::iterators::TUPLE_ITER_TYPE);
                    }
                    BINARY_SUBSCR_LIST_INT | BINARY_SUBSCR_TUPLE_INT | BINARY_SUBSCR_STR_INT => {
                        step!(BINARY_SUBSCR_LIST_INT);
                        let (c, k) = (peek!(2), peek!(1));
                        let Some(r) = specialize::subscr_int_form(cur_op!(), c, k) else {
                            deopt!();
                        };
                        let r = match r {
                            Some(r) => r,
                            None => {
                                // Out of range: the generic path raises IndexError.
                                save!();
                                tri!(ops::sequence::getitem(c, k))
                            }
                        };
                        sp = unsafe_drop_inline!(1);
                        drop(pop!());
                        push_or_store!(r);
                    }
                    STORE_SUBSCR_LIST_INT => {
                        step!(STORE_SUBSCR_LIST_INT);
                        let (c, k) = (peek!(2), peek!(1));
                        let Some(l) = c.downcast_exact::<List>() else {
                            deopt!();
                        };
                        if !k.is_int() {
                            deopt!();
                        }
                        let i = k.as_int_unchecked();
                        if i < 0 || i as usize >= l.len() {
                            deopt!();
                        }
                        let _k = pop!();
                        let c = pop!();
                        let v = pop!();
                        c.downcast_exact::<List>().unwrap().set(i as usize, v);
                    }
                    UNPACK_SEQUENCE_TWO_TUPLE | UNPACK_SEQUENCE_TUPLE | UNPACK_SEQUENCE_LIST => {
                        step!(UNPACK_SEQUENCE_TWO_TUPLE);
                        let s = peek!(1);
                        let n = oparg as usize;
                        if !specialize::unpack_form(cur_op!(), s, n) {
                            deopt!();
                        }
                        let s = pop!();
                        let items: Vec<Value> = match s.downcast_exact::<List>() {
                            Some(l) => l.to_vec(),
                            None => tuple_items(&s).to_vec(),
                        };
                        for x in items.into_iter().rev() {
                            push!(x);
                        }
                    }
                    CALL_PY_EXACT_ARGS => {
                        step!(CALL_PY_EXACT_ARGS);
                        // SAFETY: the compiler guarantees the n + 2 stack inputs of a CALL.
                        let callee_base = unsafe { sp.sub(oparg as usize + 2) };
                        // [NULL, function, args...], or [function, self, args...] for a method
                        // called on its instance (self is argument 0).
                        // A branch (predicted per call site), not a select: the callable's
                        // address then need not wait for the load of the slot below it.
                        // SAFETY: as above.
                        let self_arg = if unsafe { (*callee_base).is_null() } {
                            0
                        } else {
                            keep_branch!();
                            1
                        };
                        // SAFETY: as above.
                        let callable = unsafe { &*callee_base.add(1 - self_arg) };
                        let Some(func) = callable.downcast_ref::<Function>() else {
                            deopt!();
                        };
                        let nargs = oparg as usize + self_arg;
                        let fcode = func.code();
                        if !crate::vm::call::is_exact_args(fcode, nargs) {
                            deopt!();
                        }
                        save!();
                        frame!().sp = callee_base;
                        // SAFETY: the inputs are as `push_frame_tier1` wants them, in the top frame,
                        // whose return point and lasti `save!` just stored.
                        match unsafe {
                            crate::vm::call::push_frame_tier1(
                                &mut *fs,
                                func,
                                fcode,
                                callee_base,
                                self_arg,
                                nargs,
                            )
                        } {
                            Ok(callee) => {
                                *fi += 1;
                                f = callee;
                                code = fcode;
                                instrs = code.code_ptr();
                                base = callee_base;
                                // SAFETY: the callee's frame has room for its localsplus.
                                sp = unsafe { callee_base.add(code.nlocalsplus()) };
                                ip = 0;
                                // The callee's first instruction is usually its RESUME: run it
                                // here, saving a dispatch.
                                // SAFETY: code is never empty (it ends with a return).
                                if unsafe { *instrs } == RESUME {
                                    ip = 1;
                                    if JIT {
                                        frame!().jit_resume = true;
                                        continue 'fetch;
                                    }
                                }
                            }
                            Err(e) => {
                                sp = callee_base;
                                fail!(e)
                            }
                        }
                    }
                    CALL_BOUND_METHOD_EXACT_ARGS => {
                        step!(CALL_BOUND_METHOD_EXACT_ARGS);
                        save!();
                        let bound = cur_op!() == CALL_BOUND_METHOD_EXACT_ARGS;
                        // SAFETY: the n + 2 slots below sp are the call's stack inputs, in the top
                        // frame, whose return point and lasti `save!` just stored.
                        match unsafe {
                            crate::vm::call::call_exact_frame(
                                &mut *fs,
                                f,
                                sp,
                                oparg as usize,
                                bound,
                                0,
                            )
                        } {
                            Ok(callee) => {
                                *fi += 1;
                                // The callee's registers, from the header just written (no reload
                                // through the frame vector).
                                f = callee;
                                code = frame!().code();
                                instrs = code.code_ptr();
                                base = frame!().base;
                                sp = frame!().sp;
                                ip = 0;
                                // The callee's first instruction is usually its RESUME: run it
                                // here, saving a dispatch.
                                // SAFETY: code is never empty (it ends with a return).
                                if unsafe { *instrs } == RESUME {
                                    ip = 1;
                                    if JIT {
                                        frame!().jit_resume = true;
                                        continue 'fetch;
                                    }
                                }
                            }
                            Err(None) => deopt!(),
                            Err(Some(e)) => {
                                sp = frame!().sp;
                                fail!(e)
                            }
                        }
                    }
                    LOAD_FAST | LOAD_CLOSURE => {
                        step!(LOAD_FAST);
                        // Pairs of local loads are common (`a + b`, calls), as are a local and a
                        // constant (`x[0]`, `x + 1`, `x * 2.0`): run the second load here, saving
                        // a dispatch. It cannot fail, so it needs no lasti of its own.
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                        if next == LOAD_FAST || next == LOAD_CONST {
                            // SAFETY: opargs index localsplus (verified at load).
                            let a: &Value = unsafe { &*base.add(oparg as usize) };
                            let b: &Value = if next == LOAD_FAST {
                                // SAFETY: as above.
                                unsafe { &*base.add(arg as usize) }
                            } else {
                                // SAFETY: a LOAD_CONST's oparg (verified at load).
                                unsafe { code.const_at(arg as usize) }
                            };
                            // When the pair feeds an int compare, an int `+`/`-` or a list item
                            // load or store, run that too, on the operands where they are. Each
                            // takes an int second operand: that test first.
                            if !STATS && b.is_int() {
                                // SAFETY: as above (a load is never the last instruction).
                                let (op3, arg3) =
                                    unsafe { (*instrs.add(2 * ip + 2), *instrs.add(2 * ip + 3)) };
                                match op3 {
                                    COMPARE_OP_INT if a.is_int() => {
                                        let r = int_compare(
                                            a.as_int_unchecked(),
                                            b.as_int_unchecked(),
                                            arg3 as u32,
                                        );
                                        ip += 2
                                            + const { CACHE_ENTRIES[COMPARE_OP as usize] as usize };
                                        push_condition!(r);
                                        continue 'fast;
                                    }
                                    BINARY_OP_ADD_INT
                                    | BINARY_OP_SUBTRACT_INT
                                    | BINARY_OP_MULTIPLY_INT
                                    | BINARY_OP_REMAINDER_INT
                                    | BINARY_OP_FLOOR_DIVIDE_INT
                                        if a.is_int() =>
                                    {
                                        let nb = match op3 {
                                            BINARY_OP_ADD_INT => NbOp::Add,
                                            BINARY_OP_SUBTRACT_INT => NbOp::Sub,
                                            BINARY_OP_MULTIPLY_INT => NbOp::Mul,
                                            BINARY_OP_REMAINDER_INT => NbOp::Rem,
                                            _ => NbOp::FloorDiv,
                                        };
                                        if let Some(r) = ops::number::int_kernel(
                                            a.as_int_unchecked(),
                                            b.as_int_unchecked(),
                                            nb,
                                        ) {
                                            ip += 2 + const {
                                                CACHE_ENTRIES[BINARY_OP as usize] as usize
                                            };
                                            push_or_store!(r);
                                            continue 'fast;
                                        }
                                    }
                                    BINARY_SUBSCR_LIST_INT => {
                                        // (`match`, not `and_then` with a closure, which
                                        // LLVM left out of line here.)
                                        if let Some(item) = match a.downcast_exact::<List>() {
                                            Some(l) => l.get_signed(b.as_int_unchecked()),
                                            None => None,
                                        } {
                                            ip += 2 + const {
                                                CACHE_ENTRIES[BINARY_SUBSCR as usize] as usize
                                            };
                                            push_or_store!(item);
                                            continue 'fast;
                                        }
                                    }
                                    STORE_SUBSCR_LIST_INT => {
                                        if let Some(l) = a.downcast_exact::<List>() {
                                            let i = b.as_int_unchecked();
                                            if i >= 0 && (i as usize) < l.len() {
                                                ip += 2 + const {
                                                    CACHE_ENTRIES[STORE_SUBSCR as usize] as usize
                                                };
                                                let v = pop!();
                                                l.set(i as usize, v);
                                                continue 'fast;
                                            }
                                        }
                                    }
                                    _ => {}
                                }
                            } else if !STATS && b.is_float() && a.is_float() {
                                // SAFETY: as above.
                                let op3 = unsafe { *instrs.add(2 * ip + 2) };
                                if let BINARY_OP_ADD_FLOAT
                                | BINARY_OP_SUBTRACT_FLOAT
                                | BINARY_OP_MULTIPLY_FLOAT = op3
                                {
                                    let r = float_op(
                                        op3,
                                        a.as_float_unchecked(),
                                        b.as_float_unchecked(),
                                    );
                                    ip += 2 + const { CACHE_ENTRIES[BINARY_OP as usize] as usize };
                                    push_or_store!(Value::float(r));
                                    continue 'fast;
                                }
                            }
                            let (a, b) = (a.clone(), b.clone());
                            push!(a);
                            push!(b);
                            ip += 1;
                        } else if next == RETURN_VALUE && frame!().returns_plainly() && !JIT {
                            // `return x` from a plain function frame: the return runs here (as in
                            // the RETURN_VALUE arm).
                            let v = local!(oparg as usize).clone();
                            frame!().sp = sp;
                            // SAFETY: `fs` is the live frame stack and `f` its top frame.
                            unsafe { (*fs).pop_plain() };
                            *fi -= 1;
                            load_caller!();
                            push!(v);
                        } else if !STATS
                            && matches!(
                                next,
                                BINARY_OP_ADD_FLOAT
                                    | BINARY_OP_SUBTRACT_FLOAT
                                    | BINARY_OP_MULTIPLY_FLOAT
                            )
                            && peek!(1).is_float()
                            && local!(oparg as usize).is_float()
                        {
                            // `... * x`: a float op whose left operand is on the stack and whose
                            // right one is this local runs here.
                            let r = float_op(
                                next,
                                peek!(1).as_float_unchecked(),
                                local!(oparg as usize).as_float_unchecked(),
                            );
                            sp = unsafe_drop_inline!(1);
                            ip += 1 + const { CACHE_ENTRIES[BINARY_OP as usize] as usize };
                            push_or_store!(Value::float(r));
                        } else {
                            let v = local!(oparg as usize).clone();
                            push!(v);
                        }
                    }
                    LOAD_FAST__LOAD_ATTR_INSTANCE_VALUE => {
                        step!(LOAD_FAST__LOAD_ATTR_INSTANCE_VALUE);
                        // `x.attr` on a local (see the opcode): the attribute load runs on the local
                        // where it is. A guard that fails leaves it to the next instruction's arm.
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                        'fused: {
                            if next == LOAD_ATTR_INSTANCE_VALUE {
                                let c = specialize::Cache::new(instrs, ip);
                                let v = specialize::load_attr_instance_form!(
                                    &c,
                                    local!(oparg as usize),
                                    code,
                                    (arg >> 1) as usize,
                                    break 'fused
                                );
                                ip += 1 + const { CACHE_ENTRIES[LOAD_ATTR as usize] as usize };
                                if arg & 1 != 0 {
                                    push!(Value::NULL);
                                    push!(v);
                                } else {
                                    push_or_store!(v);
                                }
                                continue 'fast;
                            }
                        }
                        let v = local!(oparg as usize).clone();
                        push!(v);
                    }
                    LOAD_FAST__STORE_ATTR_INSTANCE_VALUE => {
                        step!(LOAD_FAST__STORE_ATTR_INSTANCE_VALUE);
                        // `x.attr = v` on a local (see the opcode): the value on top of the stack
                        // moves into the local's attribute. A guard that fails leaves it to the
                        // next instruction's arm.
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                        'fused: {
                            if next == STORE_ATTR_INSTANCE_VALUE {
                                let c = specialize::Cache::new(instrs, ip);
                                let owner: &Value = local!(oparg as usize);
                                let ix = specialize::store_attr_instance_form!(
                                    &c,
                                    owner,
                                    code,
                                    arg as usize,
                                    break 'fused
                                );
                                // SAFETY: the top of the stack is the value to store.
                                let v = unsafe { Value::read_split(sp.sub(1)) };
                                match crate::objects::instance::try_store_slot(owner, ix, v) {
                                    Ok(()) => {
                                        sp = unsafe_drop_inline!(1);
                                        ip += 1
                                            + const { CACHE_ENTRIES[STORE_ATTR as usize] as usize };
                                        continue 'fast;
                                    }
                                    Err(v) => {
                                        std::mem::forget(v);
                                        break 'fused;
                                    }
                                }
                            }
                        }
                        let v = local!(oparg as usize).clone();
                        push!(v);
                    }
                    LOAD_FAST__STORE_SUBSCR_LIST_INT => {
                        step!(LOAD_FAST__STORE_SUBSCR_LIST_INT);
                        // `x[j] = v` with the list and the index locals (see the opcode): the value
                        // on top of the stack moves into the item. Anything else leaves it to the
                        // next instructions.
                        // SAFETY: `ip` indexes the next instruction, and the one after it is read
                        // only when that is a load (never the last instruction).
                        let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                        if next == LOAD_FAST
                            && unsafe { *instrs.add(2 * ip + 2) } == STORE_SUBSCR_LIST_INT
                        {
                            let k = local!(arg as usize);
                            if let (true, Some(l)) =
                                (k.is_int(), local!(oparg as usize).downcast_exact::<List>())
                            {
                                let i = k.as_int_unchecked();
                                if i >= 0 && (i as usize) < l.len() {
                                    let v = pop!();
                                    l.set(i as usize, v);
                                    ip +=
                                        2 + const { CACHE_ENTRIES[STORE_SUBSCR as usize] as usize };
                                    continue 'fast;
                                }
                            }
                        }
                        let v = local!(oparg as usize).clone();
                        push!(v);
                    }
                    LOAD_FAST__LOAD_ATTR_METHOD => {
                        step!(LOAD_FAST__LOAD_ATTR_METHOD);
                        // `x.m(...)` on a local (see the opcode): the method and the local are
                        // pushed with one dispatch. A guard that fails leaves it to the next
                        // instruction's arm.
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                        'fused: {
                            if next == LOAD_ATTR_METHOD_WITH_VALUES
                                || next == LOAD_ATTR_METHOD_NO_DICT
                            {
                                let c = specialize::Cache::new(instrs, ip);
                                let m = specialize::load_attr_method_form!(
                                    next,
                                    &c,
                                    local!(oparg as usize),
                                    code,
                                    (arg >> 1) as usize,
                                    break 'fused
                                );
                                ip += 1 + const { CACHE_ENTRIES[LOAD_ATTR as usize] as usize };
                                push!(m);
                                let v = local!(oparg as usize).clone();
                                push!(v);
                                continue 'fast;
                            }
                        }
                        let v = local!(oparg as usize).clone();
                        push!(v);
                    }
                    LOAD_FAST_CHECK => {
                        step!(LOAD_FAST_CHECK);
                        let v = local!(oparg as usize).clone();
                        if v.is_null() {
                            fail!(unbound_local(code, oparg as usize));
                        }
                        push!(v);
                    }
                    LOAD_FAST_AND_CLEAR => {
                        step!(LOAD_FAST_AND_CLEAR);
                        let v = std::mem::take(local!(oparg as usize));
                        push!(v);
                    }
                    STORE_FAST => {
                        step!(STORE_FAST);
                        let v = pop!();
                        *local!(oparg as usize) = v;
                        // A statement that stores a local is often followed by one that starts
                        // by loading one: run that load here (it cannot fail).
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                        if next == LOAD_FAST {
                            let v = local!(arg as usize).clone();
                            push!(v);
                            ip += 1;
                        }
                    }
                    LOAD_CONST => {
                        step!(LOAD_CONST);
                        // SAFETY: a LOAD_CONST's oparg (verified at load).
                        let c = unsafe { code.const_at(oparg as usize) };
                        // An int constant as the right operand of an int compare or an int
                        // `+ - * % //` whose left operand is on the stack (`(x * k) % m`, `i + 1`
                        // after a call): run the op here, as for a pair of loads. (With an empty
                        // stack, `peek!(1)` reads a slot of the arena below it, which always
                        // exists: see `FrameStack::new`.)
                        if !STATS && c.is_int() && peek!(1).is_int() {
                            // SAFETY: a constant load is never the last instruction.
                            let (op2, arg2) =
                                unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                            let (x, y) = (peek!(1).as_int_unchecked(), c.as_int_unchecked());
                            match op2 {
                                COMPARE_OP_INT => {
                                    let r = int_compare(x, y, arg2 as u32);
                                    sp = unsafe_drop_inline!(1);
                                    ip += 1 + const { CACHE_ENTRIES[COMPARE_OP as usize] as usize };
                                    push_condition!(r);
                                    continue 'fast;
                                }
                                BINARY_OP_ADD_INT
                                | BINARY_OP_SUBTRACT_INT
                                | BINARY_OP_MULTIPLY_INT
                                | BINARY_OP_REMAINDER_INT
                                | BINARY_OP_FLOOR_DIVIDE_INT => {
                                    let nb = match op2 {
                                        BINARY_OP_ADD_INT => NbOp::Add,
                                        BINARY_OP_SUBTRACT_INT => NbOp::Sub,
                                        BINARY_OP_MULTIPLY_INT => NbOp::Mul,
                                        BINARY_OP_REMAINDER_INT => NbOp::Rem,
                                        _ => NbOp::FloorDiv,
                                    };
                                    if let Some(r) = ops::number::int_kernel(x, y, nb) {
                                        sp = unsafe_drop_inline!(1);
                                        ip += 1
                                            + const { CACHE_ENTRIES[BINARY_OP as usize] as usize };
                                        push_or_store!(r);
                                        continue 'fast;
                                    }
                                }
                                _ => {}
                            }
                        }
                        push!(c.clone());
                    }
                    LOAD_CONST__FLOAT_OP => {
                        step!(LOAD_CONST__FLOAT_OP);
                        // SAFETY: a LOAD_CONST's oparg (verified at load).
                        let c = unsafe { code.const_at(oparg as usize) };
                        // A float constant: the right operand of a float compare or `+ - *` whose
                        // left operand is on the stack (`x > 4.0`, `(a + b) * 0.5`), or the left
                        // operand of one whose right operand is the local loaded next (`2.0 * x`):
                        // run the op here (see the opcode).
                        'fused: {
                            if !c.is_float() {
                                break 'fused;
                            }
                            // SAFETY: a constant load is never the last instruction.
                            let (op2, arg2) =
                                unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                            match op2 {
                                COMPARE_OP_FLOAT if peek!(1).is_float() => {
                                    let r = ops::compare::float_test(
                                        peek!(1).as_float_unchecked(),
                                        c.as_float_unchecked(),
                                        cmp_op(arg2 as u32),
                                    );
                                    sp = unsafe_drop_inline!(1);
                                    ip += 1 + const { CACHE_ENTRIES[COMPARE_OP as usize] as usize };
                                    push_condition!(r);
                                    continue 'fast;
                                }
                                BINARY_OP_ADD_FLOAT
                                | BINARY_OP_SUBTRACT_FLOAT
                                | BINARY_OP_MULTIPLY_FLOAT
                                    if peek!(1).is_float() =>
                                {
                                    let r = float_op(
                                        op2,
                                        peek!(1).as_float_unchecked(),
                                        c.as_float_unchecked(),
                                    );
                                    sp = unsafe_drop_inline!(1);
                                    ip += 1 + const { CACHE_ENTRIES[BINARY_OP as usize] as usize };
                                    push_or_store!(Value::float(r));
                                    continue 'fast;
                                }
                                LOAD_FAST if local!(arg2 as usize).is_float() => {
                                    // SAFETY: as above (a load is never the last instruction).
                                    let op3 = unsafe { *instrs.add(2 * ip + 2) };
                                    if let BINARY_OP_ADD_FLOAT
                                    | BINARY_OP_SUBTRACT_FLOAT
                                    | BINARY_OP_MULTIPLY_FLOAT = op3
                                    {
                                        let r = float_op(
                                            op3,
                                            c.as_float_unchecked(),
                                            local!(arg2 as usize).as_float_unchecked(),
                                        );
                                        ip += 2
                                            + const { CACHE_ENTRIES[BINARY_OP as usize] as usize };
                                        push_or_store!(Value::float(r));
                                        continue 'fast;
                                    }
                                }
                                _ => {}
                            }
                        }
                        push!(c.clone());
                    }
                    RETURN_CONST | RETURN_VALUE => {
                        let v = if cur_op!() == RETURN_CONST {
                            // SAFETY: a RETURN_CONST's oparg (verified at load).
                            unsafe { code.const_at(oparg as usize) }.clone()
                        } else {
                            pop!()
                        };
                        frame!().sp = sp;
                        if frame!().returns_plainly() {
                            // The common case: a plain function frame returning into this loop.
                            // SAFETY: `fs` is the live frame stack and `f` its top frame.
                            unsafe { (*fs).pop_plain() };
                            *fi -= 1;
                            load_caller!();
                            push!(v);
                            if JIT {
                                // Back into compiled code of the caller, if any (without the JIT,
                                // this would count towards compiling the caller).
                                frame!().jit_resume = true;
                                continue 'fetch;
                            }
                            continue 'fast;
                        }
                        let gen_return = crate::vm::generator::return_offset(frame!());
                        let init_self = std::mem::take(&mut frame!().init_self);
                        let was_entry = pop_frame(*fi);
                        if was_entry {
                            return Ok(FrameExit::Return(v));
                        }
                        *fi -= 1;
                        load!();
                        if let Some(off) = gen_return {
                            ip += off;
                        }
                        if init_self.is_null() {
                            push!(v);
                        } else {
                            match returned_from_init(v, init_self) {
                                Ok(obj) => push!(obj),
                                Err(_) => {
                                    // Raised at the caller's CALL, whose lasti the call saved.
                                    frame!().sp = sp;
                                    frame!().ip = ip;
                                    return Err(Unwind::Error);
                                }
                            }
                        }
                    }
                    POP_TOP => {
                        step!(POP_TOP);
                        drop(pop!())
                    }
                    PUSH_NULL => {
                        step!(PUSH_NULL);
                        push!(Value::NULL)
                    }
                    END_FOR => {
                        step!(END_FOR);
                        drop(pop!());
                        drop(pop!());
                    }
                    COPY => {
                        step!(COPY);
                        let v = peek!(oparg as usize).clone();
                        push!(v);
                        // `COPY 2; COPY 2` duplicates the container and index of `a[i] op= v`:
                        // run the second copy here (it cannot fail).
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                        if next == COPY && arg == 2 && oparg == 2 {
                            let v = peek!(2).clone();
                            push!(v);
                            ip += 1;
                        }
                    }
                    SWAP => {
                        step!(SWAP);
                        // SAFETY: both slots are live stack values.
                        unsafe { Value::swap_split(sp.sub(1), sp.sub(oparg as usize)) };
                        // `SWAP 3; SWAP 2` puts the result of `a[i] op= v` under the container
                        // and index for the store: run the second swap here.
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        let (next, arg) = unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1)) };
                        if next == SWAP && arg == 2 {
                            // SAFETY: as above.
                            unsafe { Value::swap_split(sp.sub(1), sp.sub(2)) };
                            ip += 1;
                        }
                    }
                    POP_JUMP_IF_FALSE => {
                        step!(POP_JUMP_IF_FALSE);
                        let v = pop!();
                        let t = if v.is_bool() {
                            v.payload != 0
                        } else {
                            save!();
                            tri!(ops::object::truthy(&v))
                        };
                        jump_if!(!t, oparg as usize);
                    }
                    POP_JUMP_IF_TRUE => {
                        step!(POP_JUMP_IF_TRUE);
                        let v = pop!();
                        let t = if v.is_bool() {
                            v.payload != 0
                        } else {
                            save!();
                            tri!(ops::object::truthy(&v))
                        };
                        jump_if!(t, oparg as usize);
                    }
                    POP_JUMP_IF_NONE => {
                        step!(POP_JUMP_IF_NONE);
                        jump_if!(pop!().is_none(), oparg as usize);
                    }
                    POP_JUMP_IF_NOT_NONE => {
                        step!(POP_JUMP_IF_NOT_NONE);
                        jump_if!(!pop!().is_none(), oparg as usize);
                    }
                    JUMP_FORWARD => {
                        step!(JUMP_FORWARD);
                        ip += oparg as usize
                    }
                    JUMP_BACKWARD => {
                        step!(JUMP_BACKWARD);
                        ip -= oparg as usize;
                        if crate::vm::signals::pending() {
                            save!();
                            tri!(crate::vm::signals::handle());
                        }
                        if JIT {
                            // As at RESUME.
                            frame!().jit_resume = true;
                            continue 'fetch;
                        }
                        // A `for` loop jumps back to its FOR_ITER: run a range or list one here,
                        // saving a dispatch.
                        // SAFETY: a jump targets an instruction.
                        let (next, arg) =
                            unsafe { (*instrs.add(2 * ip), *instrs.add(2 * ip + 1) as u32) };
                        if next == FOR_ITER_RANGE {
                            this_instr = ip;
                            oparg = arg;
                            step!(FOR_ITER_RANGE);
                            for_iter_range!();
                        } else if next == FOR_ITER_LIST {
                            this_instr = ip;
                            oparg = arg;
                            step!(FOR_ITER_LIST);
                            for_iter_seq!(crate::objects::iterators::LIST_ITER_TYPE);
                        }
                    }
                    JUMP_BACKWARD_NO_INTERRUPT => {
                        step!(JUMP_BACKWARD_NO_INTERRUPT);
                        ip -= oparg as usize
                    }
                    CALL_METHOD_DESCRIPTOR => {
                        step!(CALL_METHOD_DESCRIPTOR);
                        // [descriptor, self, args...]: a built-in method called on its instance.
                        let n = oparg as usize;
                        // SAFETY: the compiler guarantees n + 2 live slots.
                        let (descr, self_) = unsafe { (&*sp.sub(n + 2), &*sp.sub(n + 1)) };
                        let kw = frame!().kwnames_pending != 0;
                        let Some(d) = specialize::call_method_descr_form(descr, self_, kw) else {
                            deopt!();
                        };
                        // SAFETY: the n arguments are live stack values.
                        let args = unsafe { std::slice::from_raw_parts(sp.sub(n), n) };
                        save!();
                        let r = (d.def.func)(self_, args, &[]);
                        sp = drop_call_inputs!(n);
                        let r = tri!(r);
                        // A method called as a statement (`s.add(x)`): its result is popped by
                        // the next instruction; drop it here instead.
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        if unsafe { *instrs.add(2 * ip) } == POP_TOP {
                            ip += 1;
                            drop(r);
                        } else {
                            push!(r);
                        }
                    }
                    CALL_LIST_APPEND => {
                        step!(CALL_LIST_APPEND);
                        // SAFETY: the compiler guarantees 3 live slots (method, list, arg).
                        let (descr, list) = unsafe { (&*sp.sub(3), &*sp.sub(2)) };
                        let Some(l) = specialize::call_list_append_form(descr, list) else {
                            deopt!();
                        };
                        let v = pop!();
                        l.push(v);
                        sp = drop_call_inputs!(0);
                        // As for CALL_METHOD_DESCRIPTOR: `l.append(x)` is usually a statement.
                        // SAFETY: `ip` indexes the next instruction (code ends with a return).
                        if unsafe { *instrs.add(2 * ip) } == POP_TOP {
                            ip += 1;
                        } else {
                            push!(Value::NONE);
                        }
                    }
                    // ---- Generic instructions common in hot code, run here rather than out
                    // ---- of line. With the JIT each goes back through `'fetch` after, as
                    // ---- from the second match (compiled code may resume after it).
                    IS_OP => {
                        step!(IS_OP);
                        let b = pop!();
                        let a = pop!();
                        let r = a.is(&b) != (oparg == 1);
                        drop((a, b));
                        push_condition!(r);
                        after_generic!();
                    }
                    CALL_BUILTIN_LEN | CALL_BUILTIN_ISINSTANCE | CALL_BUILTIN => {
                        step!(CALL_BUILTIN);
                        let n = oparg as usize;
                        // SAFETY: the compiler guarantees n + 2 live slots.
                        let (meth, callable) = unsafe { (&*sp.sub(n + 2), &*sp.sub(n + 1)) };
                        let kw = frame!().kwnames_pending != 0;
                        let Some(b) = specialize::call_builtin_form(cur_op!(), meth, callable, kw)
                        else {
                            deopt!();
                        };
                        // SAFETY: the n arguments are live stack values.
                        let args = unsafe { std::slice::from_raw_parts(sp.sub(n), n) };
                        save!();
                        let r = (b.func)(&b.self_, args, &[]);
                        sp = drop_call_inputs!(n);
                        push!(tri!(r));
                        after_generic!();
                    }
                    GET_ITER => {
                        step!(GET_ITER);
                        let v = pop!();
                        save!();
                        push!(tri!(ops::sequence::iter(&v)));
                        after_generic!();
                    }
                    BINARY_SUBSCR_DICT => {
                        step!(BINARY_SUBSCR_DICT);
                        save!();
                        let Some(r) = specialize::subscr_dict_form(peek!(2), peek!(1)) else {
                            deopt!();
                        };
                        let r = tri!(r);
                        drop(pop!());
                        drop(pop!());
                        push!(r);
                        after_generic!();
                    }
                    STORE_SUBSCR_DICT => {
                        step!(STORE_SUBSCR_DICT);
                        let Some(_) = peek!(2).downcast_exact::<Dict>() else {
                            deopt!();
                        };
                        let k = pop!();
                        let c = pop!();
                        let v = pop!();
                        save!();
                        tri!(c.downcast_exact::<Dict>().unwrap().set_item(k, v));
                        after_generic!();
                    }
                    CONTAINS_OP_SET | CONTAINS_OP_DICT => {
                        step!(CONTAINS_OP_SET);
                        // `x in s` on a set with an int or short str `x`, or on a dict with a str
                        // key: found without calling Python code, and fused with the conditional
                        // jump that usually follows. Anything else goes on to this op's arm in the
                        // second match (guard, then the generic path).
                        let Some(r) =
                            specialize::contains_inline_form(cur_op!(), peek!(2), peek!(1))
                        else {
                            break 'fast (cur_op!(), oparg);
                        };
                        drop(pop!());
                        drop(pop!());
                        push_condition!(r != (oparg == 1));
                    }
                    // Everything else (and any byte that is not an opcode: the second match
                    // raises for it). Spelled as all 256 values, not `_`, so that the jump
                    // table needs no range check (see the fetch above).
                    #[allow(unreachable_patterns, clippy::manual_range_patterns)]
                    every_opcode!() => {
                        std::hint::cold_path();
                        ip = this_instr + 1 + CACHE_ENTRIES[cur_op!() as usize] as usize;
                        break 'fast (cur_op!(), oparg);
                    }
                }
                continue 'fast;
            }
        };
        // Everything else runs out of line: its many calls and temporaries would otherwise
        // compete with the fast loop's registers.
        let fr = frame!();
        fr.sp = sp;
        fr.ip = ip;
        if let Some(exit) = run_slow_op(fi, op, oparg, this_instr, fetch_start(this_instr, oparg))?
        {
            return Ok(exit);
        }
        load!();
    }
}

/// Runs one instruction that the fast loop of [`run_frames`] does not: the adaptive base
/// instructions, the rarer specialized forms, and the generic ops. It starts from and leaves the
/// registers in the frame header of the top frame (`*fi` follows pushes and pops), and returns
/// `Some` when the loop's entry frame returned or yielded.
// (`load!` reloads every register after a push or pop, also those an arm does not read again.)
#[allow(unused_assignments)]
#[inline(never)]
fn run_slow_op(
    fi: &mut usize,
    op: u8,
    oparg: u32,
    this_instr: usize,
    fetch_at: usize,
) -> Result<Option<FrameExit>, Unwind> {
    frame_registers!($ fs fi f code instrs base sp ip this_instr);
    'op: {
        // A specialized form's guard failed: rewrite it back to its family's adaptive instruction
        // and run that (from the first EXTENDED_ARG, so the full oparg is decoded again).
        macro_rules! deopt {
            () => {{
                specialize::deopt(&cache!());
                ip = fetch_at;
                break 'op;
            }};
        }
        // The adaptive step of a family's base instruction: count, and when due, let
        // `specialize::$f` rewrite the instruction, then dispatch it again.
        macro_rules! adapt {
            ($f:ident $(, $arg:expr)*) => {{
                let c = cache!();
                if specialize::tick(&c) {
                    specialize::$f(&c $(, $arg)*);
                    ip = fetch_at;
                    break 'op;
                }
            }};
        }
        match op {
            COMPARE_OP_STR => {
                if !(crate::objects::str::is_exact_str(peek!(2))
                    && crate::objects::str::is_exact_str(peek!(1)))
                {
                    deopt!();
                }
                let b = pop!();
                let a = pop!();
                let r = ops::compare::str_test(&a, &b, cmp_op(oparg));
                push!(Value::bool(r));
            }
            LOAD_ATTR_MODULE => {
                let Some(v) = specialize::load_attr_module_form(&cache!(), peek!(1)) else {
                    deopt!();
                };
                drop(pop!());
                push!(v);
            }
            LOAD_ATTR_CLASS => {
                let Some(v) = specialize::load_attr_class_form(&cache!(), peek!(1)) else {
                    deopt!();
                };
                drop(pop!());
                push!(v);
            }
            LOAD_ATTR_PROPERTY => {
                let c = cache!();
                let owner = peek!(1);
                if !(owner.is_obj() && owner.ty().version.get() == c.u32(1)) {
                    deopt!();
                }
                let fget = Value::from_borrowed_ptr(c.u64(5) as *const crate::abi::ObjHeader);
                let owner = pop!();
                save!();
                push!(tri!(call(&fget, std::slice::from_ref(&owner), &[])));
            }
            FOR_ITER_GEN => {
                let it = peek!(1);
                let Some(g) = it.downcast_exact::<Generator>() else {
                    deopt!();
                };
                if !crate::vm::generator::can_enter(g, &Value::NONE) {
                    deopt!();
                }
                save!();
                tri!(crate::vm::generator::enter(g, Value::NONE, false, oparg));
                *fi += 1;
                load!();
            }
            CONTAINS_OP_DICT | CONTAINS_OP_SET => {
                if !specialize::contains_form(op, peek!(1)) {
                    // A site that saw two container types stays generic.
                    specialize::deopt(&cache!());
                    // SAFETY: the opcode byte of this instruction is ours to rewrite.
                    unsafe { *instrs.add(2 * this_instr) = CONTAINS_OP_GENERIC };
                    ip = fetch_at;
                    break 'op;
                }
                let b = pop!();
                let a = pop!();
                save!();
                let r = tri!(ops::sequence::contains(&b, &a));
                push!(Value::bool(r != (oparg == 1)));
            }
            CONTAINS_OP_GENERIC => {
                let b = pop!();
                let a = pop!();
                save!();
                let r = tri!(ops::sequence::contains(&b, &a));
                push!(Value::bool(r != (oparg == 1)));
            }
            BINARY_OP_ADD_UNICODE => {
                let Some(r) = specialize::add_unicode_form(peek!(2), peek!(1)) else {
                    deopt!();
                };
                drop(pop!());
                drop(pop!());
                push!(r);
            }
            BUILD_TUPLE if oparg == 2 => {
                let b = pop!();
                let a = pop!();
                push!(crate::objects::tuple::new_pair(a, b));
            }
            CALL_BUILTIN_CLASS => {
                let n = oparg as usize;
                // SAFETY: the compiler guarantees n + 2 live slots.
                let (meth, callable) = unsafe { (&*sp.sub(n + 2), &*sp.sub(n + 1)) };
                let kw = frame!().kwnames_pending != 0;
                let Some(t) = specialize::call_builtin_class_form(meth, callable, kw) else {
                    deopt!();
                };
                // SAFETY: the n arguments are live stack values.
                let args = unsafe { std::slice::from_raw_parts(sp.sub(n), n) };
                // `for ... in range(a[, b[, c]])` with inline ints: the range iterator is made
                // here and the GET_ITER after the call skipped, with no range object in between
                // (as compiled code does, see `range::small_range_iter`). Anything else (a zero
                // step, bounds near the i64 limits) is left to `range` and GET_ITER.
                // SAFETY: `ip` indexes the next instruction (code ends with a return).
                if ptr::eq(t, &crate::objects::range::RANGE_TYPE)
                    && (1..=3).contains(&n)
                    && unsafe { *instrs.add(2 * ip) } == GET_ITER
                    && args.iter().all(|a| a.is_int())
                {
                    let a = |i: usize| args[i].as_int_unchecked();
                    let (start, stop, step) = match n {
                        1 => (0, a(0), 1),
                        2 => (a(0), a(1), 1),
                        _ => (a(0), a(1), a(2)),
                    };
                    let it = crate::objects::range::small_range_iter(start, stop, step);
                    if !it.is_null() {
                        sp = drop_call_inputs!(n);
                        push!(it);
                        ip += 1 + CACHE_ENTRIES[GET_ITER as usize] as usize;
                        break 'op;
                    }
                }
                save!();
                let r = (t.new.unwrap())(t, args, &[]);
                sp = drop_call_inputs!(n);
                push!(tri!(r));
            }
            CALL_ALLOC_AND_ENTER_INIT => {
                // `Cls(args)`: the instance is made and `__init__` entered as a frame of this
                // loop (`call::enter_init`); its return hands the instance back (see
                // RETURN_VALUE).
                let n = oparg as usize;
                save!();
                let (top, version) = (frame!() as *mut crate::abi::Frame, cache!().u32(1));
                // SAFETY: `top` is the top frame, its position saved, and the compiler
                // guarantees n + 2 live slots, the call's inputs.
                match unsafe { crate::vm::call::enter_init(&mut *fs, top, sp, n, version) } {
                    crate::vm::call::InitCall::NotFit => deopt!(),
                    crate::vm::call::InitCall::Raised(e) => {
                        // SAFETY: the inputs were the n + 2 slots below sp; they are gone.
                        sp = unsafe { sp.sub(n + 2) };
                        fail!(e)
                    }
                    crate::vm::call::InitCall::Pushed => {
                        *fi += 1;
                        load!();
                    }
                }
            }
            CALL_BUILTIN_TYPE_1 => {
                // SAFETY: the compiler guarantees 3 live slots (NULL, type, arg).
                let (meth, callable) = unsafe { (&*sp.sub(3), &*sp.sub(2)) };
                let kw = frame!().kwnames_pending != 0;
                if !specialize::call_type_1_form(meth, callable, kw) {
                    deopt!();
                }
                let r = peek!(1).ty().to_value();
                sp = drop_call_inputs!(1);
                push!(r);
            }
            DELETE_FAST => {
                let slot = local!(oparg as usize);
                if slot.is_null() {
                    fail!(unbound_local(code, oparg as usize));
                }
                *slot = Value::NULL;
            }
            END_SEND => {
                let v = pop!();
                drop(pop!());
                push!(v);
            }
            UNARY_NEGATIVE => {
                let v = pop!();
                push!(tri!(ops::number::neg(&v)));
            }
            UNARY_NOT => {
                let v = pop!();
                push!(Value::bool(!tri!(ops::object::truthy(&v))));
            }
            UNARY_INVERT => {
                let v = pop!();
                push!(tri!(ops::number::invert(&v)));
            }
            BINARY_OP => {
                adapt!(binary_op, oparg, peek!(2), peek!(1));
                let b = pop!();
                let a = pop!();
                let r = if let Some(r) =
                    ops::number::binary_fast(&a, &b, NbOp::ALL[oparg as usize % 13])
                {
                    r
                } else {
                    save!();
                    match NbOp::from_oparg(oparg) {
                        Some((nb, false)) => tri!(ops::number::binary_op(&a, &b, nb)),
                        Some((nb, true)) => tri!(ops::number::inplace_op(&a, &b, nb)),
                        None => fail!(raise(&exc::SYSTEM_ERROR, "bad BINARY_OP oparg")),
                    }
                };
                push!(r);
            }
            COMPARE_OP => {
                adapt!(compare_op, peek!(2), peek!(1));
                let b = pop!();
                let a = pop!();
                let cop = cmp_op(oparg);
                let r = match ops::compare::fast_compare(&a, &b, cop) {
                    Some(r) => Value::bool(r),
                    None => {
                        save!();
                        tri!(ops::compare::rich_compare(&a, &b, cop))
                    }
                };
                push!(r);
            }
            CONTAINS_OP => {
                specialize::contains_op(&cache!(), peek!(1));
                let b = pop!();
                let a = pop!();
                save!();
                let r = tri!(ops::sequence::contains(&b, &a));
                push!(Value::bool(r != (oparg == 1)));
            }
            FOR_ITER => {
                adapt!(for_iter, peek!(1));
                let it = peek!(1);
                let next = if let Some(r) = it.downcast_ref::<crate::objects::range::RangeIter>() {
                    r.next_value().map(Value::int)
                } else if let Some(g) = it.downcast_ref::<Generator>() {
                    save!();
                    if crate::vm::generator::can_enter(g, &Value::NONE) {
                        // Run the generator's frame in this loop; it yields onto our stack
                        // or returns to our END_FOR.
                        tri!(crate::vm::generator::enter(g, Value::NONE, false, oparg));
                        *fi += 1;
                        load!();
                        break 'op;
                    }
                    tri!(crate::vm::generator::for_iter(it, g))
                } else {
                    save!();
                    tri!(ops::sequence::next(it))
                };
                match next {
                    Some(v) => push!(v),
                    None => {
                        drop(pop!());
                        ip += oparg as usize + 1;
                    }
                }
            }
            LOAD_GLOBAL => {
                let name = &code.names[(oparg >> 1) as usize];
                adapt!(load_global, name, globals!(), builtins!());
                let v = match globals!().get_str(name) {
                    Some(v) => v,
                    None => match builtins!().get_str(name) {
                        Some(v) => v,
                        None => fail!(name_error(name)),
                    },
                };
                if oparg & 1 != 0 {
                    push!(Value::NULL);
                }
                push!(v);
            }
            STORE_GLOBAL => {
                let v = pop!();
                save!();
                tri!(globals!().set_item(code.names[oparg as usize].clone(), v));
            }
            DELETE_GLOBAL => {
                let name = &code.names[oparg as usize];
                save!();
                if tri!(globals!().del_item(name)).is_none() {
                    fail!(name_error(name));
                }
            }
            LOAD_NAME => {
                let name = &code.names[oparg as usize];
                save!();
                let locals = frame!().locals.clone();
                let mut v = None;
                if let Some(d) = locals.downcast_ref::<Dict>() {
                    v = tri!(d.get_item(name));
                } else if !locals.is_null() {
                    match ops::sequence::getitem(&locals, name) {
                        Ok(x) => v = Some(x),
                        Err(e) => {
                            if exc::raised_matches(&exc::KEY_ERROR) {
                                thread::take_raised();
                            } else {
                                fail!(e);
                            }
                        }
                    }
                }
                let v = match v
                    .or_else(|| globals!().get_str(name))
                    .or_else(|| builtins!().get_str(name))
                {
                    Some(v) => v,
                    None => fail!(name_error(name)),
                };
                push!(v);
            }
            STORE_NAME => {
                let v = pop!();
                save!();
                let locals = frame!().locals.clone();
                tri!(ops::sequence::setitem(
                    &locals,
                    &code.names[oparg as usize],
                    v
                ));
            }
            DELETE_NAME => {
                let name = &code.names[oparg as usize];
                save!();
                let locals = frame!().locals.clone();
                if ops::sequence::delitem(&locals, name).is_err() {
                    thread::take_raised();
                    fail!(name_error(name));
                }
            }
            LOAD_ATTR => {
                let name = &code.names[(oparg >> 1) as usize];
                adapt!(load_attr, oparg, peek!(1), name);
                let owner = pop!();
                save!();
                if oparg & 1 != 0 {
                    // Method load: push (method, self) when the attribute is an unbound
                    // method found on the type and not shadowed by the instance.
                    if let Some(m) = method_for_call(&owner, name) {
                        push!(m);
                        push!(owner);
                    } else {
                        let v = tri!(ops::object::getattr(&owner, name));
                        push!(Value::NULL);
                        push!(v);
                    }
                } else {
                    push!(tri!(ops::object::getattr(&owner, name)));
                }
            }
            STORE_ATTR => {
                adapt!(store_attr, peek!(1), &code.names[oparg as usize]);
                let owner = pop!();
                let v = pop!();
                save!();
                tri!(ops::object::setattr(
                    &owner,
                    &code.names[oparg as usize],
                    Some(v)
                ));
            }
            DELETE_ATTR => {
                let owner = pop!();
                save!();
                tri!(ops::object::setattr(
                    &owner,
                    &code.names[oparg as usize],
                    None
                ));
            }
            BINARY_SUBSCR => {
                adapt!(binary_subscr, peek!(2), peek!(1));
                let k = pop!();
                let c = pop!();
                // Exact lists only: a subclass may override `__getitem__`.
                let r = match (c.downcast_exact::<List>(), k.as_small_int()) {
                    (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => {
                        l.get(i as usize).unwrap()
                    }
                    _ => {
                        save!();
                        tri!(ops::sequence::getitem(&c, &k))
                    }
                };
                push!(r);
            }
            STORE_SUBSCR => {
                adapt!(store_subscr, peek!(2), peek!(1));
                let k = pop!();
                let c = pop!();
                let v = pop!();
                match (c.downcast_exact::<List>(), k.as_small_int()) {
                    (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => l.set(i as usize, v),
                    _ => {
                        save!();
                        tri!(ops::sequence::setitem(&c, &k, v));
                    }
                }
            }
            DELETE_SUBSCR => {
                let k = pop!();
                let c = pop!();
                save!();
                tri!(ops::sequence::delitem(&c, &k));
            }
            BINARY_SLICE => {
                let stop = pop!();
                let start = pop!();
                let c = pop!();
                save!();
                push!(tri!(ops::sequence::get_slice(&c, start, stop)));
            }
            STORE_SLICE => {
                let stop = pop!();
                let start = pop!();
                let c = pop!();
                let v = pop!();
                save!();
                let s = crate::objects::slice::new_slice(start, stop, Value::NONE);
                tri!(ops::sequence::setitem(&c, &s, v));
            }
            BUILD_SLICE => {
                let step = if oparg == 3 { pop!() } else { Value::NONE };
                let stop = pop!();
                let start = pop!();
                push!(crate::objects::slice::new_slice(start, stop, step));
            }
            BUILD_TUPLE | BUILD_LIST | BUILD_SET => {
                let n = oparg as usize;
                // SAFETY: the top n stack slots are live; they are moved out, then sp drops.
                let items = unsafe { take_stack_items(sp, n) };
                // SAFETY: as above.
                sp = unsafe { sp.sub(n) };
                let v = match op {
                    BUILD_TUPLE => new_tuple(items),
                    BUILD_LIST => new_list(items),
                    _ => {
                        save!();
                        tri!(crate::objects::set::new_set(items))
                    }
                };
                push!(v);
            }
            BUILD_MAP => {
                let n = oparg as usize;
                let mut items = Vec::with_capacity(2 * n);
                // SAFETY: as for BUILD_TUPLE.
                unsafe {
                    sp = sp.sub(2 * n);
                    for i in 0..2 * n {
                        items.push(ptr::read(sp.add(i)));
                    }
                }
                save!();
                let d = new_dict();
                let dd = d.downcast_ref::<Dict>().unwrap();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    tri!(dd.set_item(k, v));
                }
                push!(d);
            }
            BUILD_CONST_KEY_MAP => {
                let keys = pop!();
                let n = oparg as usize;
                let mut vals = Vec::with_capacity(n);
                // SAFETY: as for BUILD_TUPLE.
                unsafe {
                    sp = sp.sub(n);
                    for i in 0..n {
                        vals.push(ptr::read(sp.add(i)));
                    }
                }
                save!();
                let d = new_dict();
                let dd = d.downcast_ref::<Dict>().unwrap();
                for (k, v) in tuple_items(&keys).iter().zip(vals) {
                    tri!(dd.set_item(k.clone(), v));
                }
                push!(d);
            }
            BUILD_STRING => {
                let n = oparg as usize;
                let mut s = String::new();
                // SAFETY: as for BUILD_TUPLE.
                unsafe {
                    sp = sp.sub(n);
                    for i in 0..n {
                        let v = ptr::read(sp.add(i));
                        if let Some(t) = as_str(&v) {
                            s.push_str(&t);
                        }
                    }
                }
                push!(crate::objects::str::from_string(s));
            }
            LIST_APPEND => {
                let v = pop!();
                peek!(oparg as usize)
                    .downcast_ref::<List>()
                    .unwrap()
                    .push(v);
            }
            SET_ADD => {
                let v = pop!();
                save!();
                tri!(crate::objects::set::set_add(peek!(oparg as usize), v));
            }
            MAP_ADD => {
                let v = pop!();
                let k = pop!();
                save!();
                tri!(peek!(oparg as usize)
                    .downcast_ref::<Dict>()
                    .unwrap()
                    .set_item(k, v));
            }
            LIST_EXTEND => {
                let v = pop!();
                save!();
                let items = match ops::sequence::collect(&v) {
                    Ok(items) => items,
                    Err(e) => {
                        if exc::raised_matches(&exc::TYPE_ERROR)
                            && v.ty().iter.is_none()
                            && v.ty().getitem.is_none()
                        {
                            thread::take_raised();
                            fail!(raise(
                                &exc::TYPE_ERROR,
                                format!("Value after * must be an iterable, not {}", v.type_name())
                            ));
                        }
                        fail!(e)
                    }
                };
                peek!(oparg as usize)
                    .downcast_ref::<List>()
                    .unwrap()
                    .with(|l| l.extend(items));
            }
            SET_UPDATE => {
                let v = pop!();
                save!();
                tri!(crate::objects::set::set_update(peek!(oparg as usize), &v));
            }
            DICT_UPDATE | DICT_MERGE => {
                let v = pop!();
                save!();
                let d = peek!(oparg as usize).downcast_ref::<Dict>().unwrap();
                if op == DICT_MERGE {
                    tri!(crate::builtins::core::dict_merge_kwargs(
                        d,
                        &v,
                        peek!(oparg as usize + 2)
                    ));
                } else if v.downcast_ref::<Dict>().is_none()
                    && tri!(ops::object::getattr_opt(&v, &new_str("keys"))).is_none()
                {
                    fail!(raise(
                        &exc::TYPE_ERROR,
                        format!("'{}' object is not a mapping", v.type_name())
                    ));
                } else {
                    tri!(crate::objects::dict::update_from(d, &v));
                }
            }
            UNPACK_SEQUENCE => {
                adapt!(unpack_sequence, peek!(1), oparg);
                let v = pop!();
                let n = oparg as usize;
                // Exact tuples and lists only: a subclass may override `__iter__`.
                let exact_tuple = v.downcast_exact::<crate::objects::tuple::Tuple>();
                let items: Vec<Value> = if let Some(t) = exact_tuple.map(|t| t.items()) {
                    if t.len() != n {
                        fail!(unpack_error(n, t.len()));
                    }
                    t.to_vec()
                } else if let Some(l) = v.downcast_exact::<List>() {
                    if l.len() != n {
                        fail!(unpack_error(n, l.len()));
                    }
                    l.to_vec()
                } else {
                    save!();
                    let it = tri!(if v.ty().iter.is_none() && v.ty().getitem.is_none() {
                        Err(raise(
                            &exc::TYPE_ERROR,
                            format!("cannot unpack non-iterable {} object", v.type_name()),
                        ))
                    } else {
                        ops::sequence::iter(&v)
                    });
                    let mut items = Vec::with_capacity(n);
                    while items.len() < n {
                        match tri!(ops::sequence::next(&it)) {
                            Some(x) => items.push(x),
                            None => fail!(unpack_error(n, items.len())),
                        }
                    }
                    if tri!(ops::sequence::next(&it)).is_some() {
                        fail!(unpack_error(n, n + 1));
                    }
                    items
                };
                for x in items.into_iter().rev() {
                    push!(x);
                }
            }
            UNPACK_EX => {
                let v = pop!();
                let before = (oparg & 0xff) as usize;
                let after = (oparg >> 8) as usize;
                save!();
                let items = tri!(unpack_collect(&v));
                if items.len() < before + after {
                    fail!(raise(
                        &exc::VALUE_ERROR,
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )
                    ));
                }
                let mid_end = items.len() - after;
                let mut out: Vec<Value> = items[..before].to_vec();
                out.push(new_list(items[before..mid_end].to_vec()));
                out.extend_from_slice(&items[mid_end..]);
                for x in out.into_iter().rev() {
                    push!(x);
                }
            }
            KW_NAMES => {
                frame!().kwnames_pending = oparg as usize + 1;
            }
            CALL => {
                let n = oparg as usize;
                // SAFETY: the compiler guarantees n + 2 live slots.
                let (slot0, slot1) = unsafe { (&*sp.sub(n + 2), &*sp.sub(n + 1)) };
                adapt!(call, slot0, slot1, n, frame!().kwnames_pending != 0);
                let kwnames_const = std::mem::take(&mut frame!().kwnames_pending);
                let kwnames: &[Value] = if kwnames_const > 0 {
                    tuple_items(&code.consts[kwnames_const - 1])
                } else {
                    &[]
                };
                // Stack: [method_or_NULL, callable_or_self, args...]
                // SAFETY: the compiler guarantees n + 2 live slots.
                let (callable, args_ptr, nargs) = unsafe {
                    let meth = &*sp.sub(n + 2);
                    if meth.is_null() {
                        ((*sp.sub(n + 1)).clone(), sp.sub(n), n)
                    } else {
                        (meth.clone(), sp.sub(n + 1), n + 1)
                    }
                };
                // SAFETY: args_ptr..sp are live values.
                let args = unsafe { std::slice::from_raw_parts(args_ptr, nargs) };
                if let Some(func) = callable.downcast_ref::<Function>() {
                    // Python-to-Python call: the callee's frame starts where the callable sat.
                    // SAFETY: the n + 2 slots below sp are the call's stack inputs.
                    let callee_base = unsafe { sp.sub(n + 2) };
                    save!();
                    frame!().sp = callee_base;
                    // SAFETY: callee_base..args_ptr are the callable slots and the nargs values at
                    // args_ptr are the owned arguments, exactly as bind_args_into_frame requires.
                    let pushed = unsafe {
                        bind_args_into_frame(&callable, func, callee_base, args_ptr, nargs, kwnames)
                    };
                    match pushed {
                        Ok(()) => {
                            *fi += 1;
                            load!();
                        }
                        Err(e) => {
                            frame!().sp = callee_base;
                            sp = callee_base;
                            fail!(e)
                        }
                    }
                    break 'op;
                }
                save!();
                let r = call(&callable, args, kwnames);
                // Drop the arguments and the callable slots.
                // SAFETY: n + 2 live slots are dropped and sp moves below them.
                unsafe {
                    let new_sp = sp.sub(n + 2);
                    while sp > new_sp {
                        sp = sp.sub(1);
                        drop(ptr::read(sp));
                    }
                }
                push!(tri!(r));
            }
            CALL_FUNCTION_EX => {
                let kwargs = if oparg & 1 != 0 { pop!() } else { Value::NULL };
                let callargs = pop!();
                let func = pop!();
                drop(pop!());
                save!();
                let mut args = match try_tuple_items(&callargs) {
                    Some(t) => t.to_vec(),
                    None => match ops::sequence::collect(&callargs) {
                        Ok(v) => v,
                        Err(e) => {
                            if callargs.ty().iter.is_none() && callargs.ty().getitem.is_none() {
                                thread::take_raised();
                                let fname = crate::builtins::core::callable_name(&func);
                                fail!(raise(
                                    &exc::TYPE_ERROR,
                                    format!(
                                        "{} argument after * must be an iterable, not {}",
                                        fname,
                                        callargs.type_name()
                                    )
                                ));
                            }
                            fail!(e)
                        }
                    },
                };
                let mut kwnames = Vec::new();
                if let Some(d) = kwargs.downcast_ref::<Dict>() {
                    for (k, v) in d.items() {
                        kwnames.push(k);
                        args.push(v);
                    }
                }
                push!(tri!(call(&func, &args, &kwnames)));
            }
            CALL_INTRINSIC_1 => {
                let v = pop!();
                save!();
                let r = match oparg {
                    1 => {
                        // sys.displayhook: None is not printed.
                        if !v.is_none() {
                            tri!(crate::builtins::core::print_values(std::slice::from_ref(
                                &v
                            )));
                        }
                        Value::NONE
                    }
                    3 => crate::vm::generator::stopiteration_error(v, code),
                    4 => crate::objects::async_generator::wrap_value(v),
                    5 => tri!(ops::number::pos(&v)),
                    6 => new_tuple(v.downcast_ref::<List>().unwrap().to_vec()),
                    2 => {
                        let locals = frame!().locals.clone();
                        tri!(crate::vm::import::import_star(&v, &locals));
                        Value::NONE
                    }
                    // PEP 695 type parameters and aliases (7-11).
                    _ => tri!(crate::modules::typing::call_intrinsic_1(oparg, v)),
                };
                push!(r);
            }
            CALL_INTRINSIC_2 if oparg == 1 => {
                // INTRINSIC_PREP_RERAISE_STAR(orig, excs): what a try/except* re-raises.
                let excs = pop!();
                let orig = pop!();
                save!();
                let r = tri!(crate::objects::exception_group::prep_reraise_star(
                    &orig, &excs
                ));
                push!(r);
            }
            CALL_INTRINSIC_2 => {
                let b = pop!();
                let a = pop!();
                save!();
                // PEP 695: bounded/constrained type parameters, Generic base, __type_params__.
                push!(tri!(crate::modules::typing::call_intrinsic_2(oparg, a, b)));
            }
            MAKE_FUNCTION => {
                let codev = pop!();
                let closure = if oparg & 0x08 != 0 {
                    pop!()
                } else {
                    Value::NULL
                };
                let annotations = if oparg & 0x04 != 0 {
                    pop!()
                } else {
                    Value::NULL
                };
                let kwdefaults = if oparg & 0x02 != 0 {
                    pop!()
                } else {
                    Value::NULL
                };
                let defaults = if oparg & 0x01 != 0 {
                    pop!()
                } else {
                    Value::NULL
                };
                let cur = frame!().function();
                let fv = new_closure(codev, cur.globals.clone(), cur.builtins.clone(), closure);
                {
                    let fnew = fv.downcast_ref::<Function>().unwrap();
                    // SAFETY: the function was just created; nothing else refers to it.
                    unsafe {
                        *fnew.defaults.get() = defaults;
                        *fnew.kwdefaults.get() = kwdefaults;
                        if !annotations.is_null() {
                            *fnew.annotations.get() =
                                crate::builtins::core::annotations_dict(annotations);
                        }
                    }
                }
                push!(fv);
            }
            MAKE_CELL => {
                let slot = local!(oparg as usize);
                let v = std::mem::take(slot);
                *slot = new_cell(v);
            }
            COPY_FREE_VARS => {
                let func = frame!().function();
                let cells = tuple_items(&func.closure);
                let n = oparg as usize;
                let start = code.nlocalsplus() - n;
                for (i, c) in cells.iter().enumerate().take(n) {
                    *local!(start + i) = c.clone();
                }
            }
            LOAD_DEREF => {
                let v = cell_contents(local!(oparg as usize));
                if v.is_null() {
                    fail!(unbound_free(code, oparg as usize));
                }
                push!(v);
            }
            STORE_DEREF => {
                let v = pop!();
                local!(oparg as usize)
                    .downcast_ref::<Cell>()
                    .unwrap()
                    .set(v);
            }
            DELETE_DEREF => {
                let c = local!(oparg as usize).downcast_ref::<Cell>().unwrap();
                if c.get().is_null() {
                    fail!(unbound_free(code, oparg as usize));
                }
                c.set(Value::NULL);
            }
            LOAD_FROM_DICT_OR_DEREF => {
                let mapping = pop!();
                let name = &code.localsplusnames[oparg as usize];
                save!();
                let found = match mapping.downcast_ref::<Dict>() {
                    Some(d) => tri!(d.get_item(name)),
                    None => None,
                };
                let v = match found {
                    Some(v) => v,
                    None => {
                        let v = cell_contents(local!(oparg as usize));
                        if v.is_null() {
                            fail!(unbound_free(code, oparg as usize));
                        }
                        v
                    }
                };
                push!(v);
            }
            LOAD_FROM_DICT_OR_GLOBALS => {
                let mapping = pop!();
                let name = &code.names[oparg as usize];
                save!();
                let found = match mapping.downcast_ref::<Dict>() {
                    Some(d) => tri!(d.get_item(name)),
                    None => None,
                };
                let v = match found
                    .or_else(|| globals!().get_str(name))
                    .or_else(|| builtins!().get_str(name))
                {
                    Some(v) => v,
                    None => fail!(name_error(name)),
                };
                push!(v);
            }
            FORMAT_VALUE => {
                let spec = if oparg & 4 != 0 { Some(pop!()) } else { None };
                let v = pop!();
                save!();
                push!(tri!(format_value(v, oparg & 3, spec)));
            }
            LOAD_SUPER_ATTR => {
                let self_ = pop!();
                let class = pop!();
                let global_super = pop!();
                let name = &code.names[(oparg >> 2) as usize];
                save!();
                let is_builtin_super = ops::object::as_type(&global_super)
                    .is_some_and(|t| std::ptr::eq(t, &crate::objects::descriptors::SUPER_TYPE));
                match (is_builtin_super, ops::object::as_type(&class)) {
                    (true, Some(cls)) => {
                        let obj_type = match ops::object::as_type(&self_) {
                            Some(t) if t.is_subtype(cls) => t,
                            _ => self_.ty(),
                        };
                        if !obj_type.is_subtype(cls) {
                            fail!(raise(
                                &exc::TYPE_ERROR,
                                "super(type, obj): obj must be an instance or subtype of type"
                            ));
                        }
                        let found = if oparg & 1 != 0 {
                            crate::objects::class_::super_lookup(
                                obj_type,
                                cls,
                                &as_str(name).unwrap(),
                            )
                            .filter(|a| a.downcast_ref::<Function>().is_some())
                        } else {
                            None
                        };
                        match found {
                            Some(m)
                                if !std::ptr::eq(
                                    obj_type,
                                    ops::object::as_type(&self_).unwrap_or(obj_type),
                                ) || ops::object::as_type(&self_).is_none() =>
                            {
                                push!(m);
                                push!(self_);
                            }
                            _ => {
                                let s =
                                    tri!(crate::objects::descriptors::new_super(&class, &self_));
                                let v = tri!(ops::object::getattr(&s, name));
                                if oparg & 1 != 0 {
                                    push!(Value::NULL);
                                }
                                push!(v);
                            }
                        }
                    }
                    _ => {
                        let args: Vec<Value> = if oparg & 2 != 0 {
                            vec![class, self_]
                        } else {
                            vec![]
                        };
                        let s = tri!(call(&global_super, &args, &[]));
                        let v = tri!(ops::object::getattr(&s, name));
                        if oparg & 1 != 0 {
                            push!(Value::NULL);
                        }
                        push!(v);
                    }
                }
            }
            LOAD_LOCALS => {
                let l = frame!().locals.clone();
                if l.is_null() {
                    fail!(raise(&exc::SYSTEM_ERROR, "no locals found"));
                }
                push!(l);
            }
            BEFORE_WITH => {
                let mgr = pop!();
                save!();
                let (exit, res) = tri!(crate::vm::protocols::before_with(&mgr));
                push!(exit);
                push!(res);
            }
            WITH_EXCEPT_START => {
                // Stack: exit_func, lasti, prev_exc, exc.
                let e = peek!(1).clone();
                let exit = peek!(4).clone();
                save!();
                let tb = e
                    .downcast_ref::<ExceptionData>()
                    .map(|d| d.traceback())
                    .filter(|t| !t.is_null())
                    .unwrap_or(Value::NONE);
                push!(tri!(call(&exit, &[e.ty().to_value(), e.clone(), tb], &[])));
            }
            MATCH_MAPPING => {
                let r = crate::vm::protocols::is_mapping(peek!(1));
                push!(Value::bool(r));
            }
            MATCH_SEQUENCE => {
                let r = crate::vm::protocols::is_sequence(peek!(1));
                push!(Value::bool(r));
            }
            MATCH_KEYS => {
                save!();
                let r = tri!(crate::vm::protocols::match_keys(peek!(2), peek!(1)));
                push!(r);
            }
            MATCH_CLASS => {
                let names = pop!();
                let cls = pop!();
                let subject = pop!();
                save!();
                push!(tri!(crate::vm::protocols::match_class(
                    &subject,
                    &cls,
                    oparg as usize,
                    &names
                )));
            }
            LOAD_ASSERTION_ERROR => push!(exc::ASSERTION_ERROR.to_value()),
            LOAD_BUILD_CLASS => match builtins!().get_str(&new_str("__build_class__")) {
                Some(v) => push!(v),
                None => fail!(raise(&exc::NAME_ERROR, "__build_class__ not found")),
            },
            RAISE_VARARGS => {
                save!();
                match oparg {
                    0 => {
                        let h = thread::handled();
                        if h.is_null() {
                            fail!(raise(&exc::RUNTIME_ERROR, "No active exception to reraise"));
                        }
                        thread::restore_raised(h);
                        return Err(Unwind::Reraise);
                    }
                    1 => {
                        let e = pop!();
                        save!();
                        let e = tri!(make_raise(e, None));
                        fail!(exc::raise_value(e));
                    }
                    _ => {
                        let cause = pop!();
                        let e = pop!();
                        save!();
                        let e = tri!(make_raise(e, Some(cause)));
                        fail!(exc::raise_value(e));
                    }
                }
            }
            PUSH_EXC_INFO => {
                let e = pop!();
                let prev = thread::swap_handled(e.clone());
                push!(if prev.is_null() { Value::NONE } else { prev });
                push!(e);
            }
            POP_EXCEPT => {
                let prev = pop!();
                thread::swap_handled(if prev.is_none() { Value::NULL } else { prev });
            }
            CHECK_EXC_MATCH => {
                let t = pop!();
                save!();
                let r = tri!(exception_matches(peek!(1), &t));
                push!(Value::bool(r));
            }
            CHECK_EG_MATCH => {
                // (exc, type) -> (rest, match); the match becomes the handled exception.
                let match_type = pop!();
                let exc_value = pop!();
                save!();
                let (rest, m) = tri!(crate::objects::exception_group::exception_group_match(
                    &exc_value,
                    &match_type
                ));
                if !m.is_none() {
                    drop(thread::swap_handled(m.clone()));
                }
                push!(rest);
                push!(m);
            }
            RERAISE => {
                let e = pop!();
                save!();
                if oparg != 0 {
                    if let Some(i) = peek!(oparg as usize).as_small_int() {
                        frame!().lasti = i as usize;
                    }
                }
                thread::restore_raised(e);
                return Err(Unwind::Reraise);
            }
            IMPORT_NAME => {
                let fromlist = pop!();
                let level = pop!();
                save!();
                let name = code.names[oparg as usize].clone();
                let g = frame!().function().globals.clone();
                push!(tri!(crate::vm::import::import_name(
                    &name, &g, &fromlist, &level
                )));
            }
            IMPORT_FROM => {
                save!();
                let name = &code.names[oparg as usize];
                push!(tri!(crate::vm::import::import_from(peek!(1), name)));
            }
            SETUP_ANNOTATIONS => {
                save!();
                let locals = frame!().locals.clone();
                let key = new_str("__annotations__");
                if let Some(d) = locals.downcast_ref::<Dict>() {
                    if tri!(d.get_item(&key)).is_none() {
                        tri!(d.set_item(key, new_dict()));
                    }
                }
            }
            RETURN_GENERATOR => {
                save!();
                let (g, was_entry) = crate::vm::generator::frame_into_generator(*fi);
                if was_entry {
                    return Ok(Some(FrameExit::Return(g)));
                }
                *fi -= 1;
                load!();
                push!(g);
            }
            YIELD_VALUE => {
                let v = pop!();
                save!();
                if frame!().is_entry {
                    // Resumed from Rust: the resumer saves this frame.
                    return Ok(Some(FrameExit::Yield(v)));
                }
                crate::vm::generator::suspend_top_frame(*fi);
                *fi -= 1;
                load!();
                push!(v);
            }
            SEND => {
                let v = pop!();
                save!();
                if let Some(g) = peek!(1).downcast_ref::<Generator>() {
                    if crate::vm::generator::can_enter(g, &v) {
                        // As FOR_ITER: the delegate runs in this loop.
                        tri!(crate::vm::generator::enter(g, v, false, oparg));
                        *fi += 1;
                        load!();
                        break 'op;
                    }
                }
                match tri!(crate::vm::generator::send_op(peek!(1), v)) {
                    FrameExit::Yield(r) => push!(r),
                    FrameExit::Return(r) => {
                        push!(r);
                        ip += oparg as usize;
                    }
                }
            }
            GET_YIELD_FROM_ITER => {
                let v = pop!();
                save!();
                push!(tri!(crate::vm::generator::yield_from_iter(v, code)));
            }
            CLEANUP_THROW => {
                let e = pop!();
                let last_sent = pop!();
                let sub_iter = pop!();
                drop((last_sent, sub_iter));
                match crate::vm::generator::stop_iteration_value(&e) {
                    Some(value) => {
                        push!(Value::NONE);
                        push!(value);
                    }
                    None => {
                        save!();
                        thread::restore_raised(e);
                        return Err(Unwind::Reraise);
                    }
                }
            }
            GET_AWAITABLE | GET_AITER | GET_ANEXT | BEFORE_ASYNC_WITH | END_ASYNC_FOR => {
                save!();
                // SAFETY: the op's stack inputs are live values below `sp` (bytecode invariant).
                let (new_sp, r) = unsafe { crate::vm::coroutine::stack_op(op, oparg, sp) };
                sp = new_sp;
                if let Err(reraise) = r {
                    save!();
                    return Err(if reraise {
                        Unwind::Reraise
                    } else {
                        Unwind::Error
                    });
                }
            }
            GET_LEN => {
                save!();
                let n = tri!(ops::sequence::len(peek!(1)));
                push!(Value::int(n as i64));
            }
            _ => {
                fail!(raise(
                    &exc::SYSTEM_ERROR,
                    format!(
                        "apython does not support the {} opcode yet",
                        NAMES[op as usize]
                    )
                ));
            }
        }
    }
    let fr = frame!();
    fr.sp = sp;
    fr.ip = ip;
    Ok(None)
}

/// For a method call `obj.name(...)`: the unbound function or method descriptor found on the
/// type, when the instance does not shadow it; `None` means "use a plain attribute load".
fn method_for_call(owner: &Value, name: &Value) -> Option<Value> {
    let ty = owner.ty();
    if ty.getattr.is_some() {
        return None;
    }
    let attr = ty.lookup(name)?;
    let is_method = attr.downcast_ref::<Function>().is_some()
        || attr
            .downcast_ref::<crate::objects::builtin_function::MethodDescr>()
            .is_some_and(|d| d.def.kind == crate::objects::MethodKind::Instance);
    if !is_method {
        return None;
    }
    if ops::object::instance_attr(owner, name).ok()?.is_some() {
        return None;
    }
    Some(attr)
}
