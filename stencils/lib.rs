//! The JIT's op bodies: one `extern "C"` function per specialized op, compiled by `build.rs`
//! into an object file whose functions become the stencil tables (`$OUT_DIR/stencils.rs`).
//!
//! Not a cargo crate: `build.rs` compiles this file alone with `$RUSTC --crate-type=lib
//! --emit=obj -C opt-level=3 -C panic=abort -C relocation-model=static -C code-model=medium
//! -C jump-tables=no -C force-unwind-tables=no -C codegen-units=1 --cfg apy_stencils`.
//!
//! Rules (checked by `build.rs`, which fails the build otherwise):
//! - every stencil is `#[no_mangle] pub unsafe extern "C" fn NAME(frame, sp, thread) -> Exit`
//!   ([`JitFn`](abi::JitFn)) and leaves by a tail call (`jmp`) to a control hole or by
//!   `return`; any other function here must be `#[inline(always)]`;
//! - holes are the addresses of zero-sized extern statics (`_JIT_OPARG` ...) and the
//!   extern functions `_JIT_CONTINUE`, `_JIT_JUMP_TARGET`, `_JIT_DEOPT`, `_JIT_ERROR`;
//! - calls out go only to `apy_*` runtime helpers (defined in `src/jit/helpers.rs`);
//! - no panics (no indexing or `unwrap` that the optimizer cannot prove safe), no stack local
//!   whose address escapes, guards written as early returns to `_JIT_DEOPT`.
//!
//! The semantics come from the files tier 1 uses: layouts from `src/abi.rs`, number and
//! comparison kernels from `src/ops/kernels.rs`.

#![no_std]
#![allow(non_snake_case, dead_code, clippy::missing_safety_doc)]

#[path = "../src/abi.rs"]
#[macro_use]
mod abi;
#[path = "../src/ops/kernels.rs"]
mod kernels;

use core::mem::ManuallyDrop;
use core::ptr::addr_of_mut;

use abi::{exit, step, CallInfo, Exit, Frame, JitFn, Step, ThreadState, Transfer, Value};
use kernels::{CmpOp, NbOp};

extern "C" {
    static _JIT_OPARG: [u8; 0];
    static _JIT_OPERAND0: [u8; 0];
    static _JIT_OPERAND1: [u8; 0];
    static _JIT_OPERAND2: [u8; 0];
    static _JIT_CONTINUE_ADDR: [u8; 0];
    fn _JIT_CONTINUE(frame: *mut Frame, sp: *mut Value, thread: *mut ThreadState) -> Exit;
    fn _JIT_JUMP_TARGET(frame: *mut Frame, sp: *mut Value, thread: *mut ThreadState) -> Exit;
    fn _JIT_DEOPT(frame: *mut Frame, sp: *mut Value, thread: *mut ThreadState) -> Exit;
    fn _JIT_ERROR(frame: *mut Frame, sp: *mut Value, thread: *mut ThreadState) -> Exit;
}

/// A hole's value: the address of its symbol, passed through an empty `asm!` so that LLVM
/// knows nothing of it. Without the barrier LLVM takes it for the address of a real static,
/// which is never null: it then compiles `while i < oparg()` as a loop that runs at least once,
/// and may fold any test of a hole against zero.
#[inline(always)]
fn hole_value(addr: *const [u8; 0]) -> u64 {
    let mut v = addr as u64;
    // SAFETY: an empty instruction template; it only makes `v` opaque.
    unsafe { core::arch::asm!("/* {0} */", inout(reg) v, options(pure, nomem, nostack, preserves_flags)) };
    v
}

/// The instruction's argument.
#[inline(always)]
fn oparg() -> usize {
    hole_value(core::ptr::addr_of!(_JIT_OPARG)) as usize
}

/// The first extra operand.
#[inline(always)]
fn operand0() -> u64 {
    hole_value(core::ptr::addr_of!(_JIT_OPERAND0))
}

/// The second extra operand.
#[inline(always)]
fn operand1() -> u64 {
    hole_value(core::ptr::addr_of!(_JIT_OPERAND1))
}

/// The third extra operand.
#[inline(always)]
fn operand2() -> u64 {
    hole_value(core::ptr::addr_of!(_JIT_OPERAND2))
}

/// The address of the next stencil, as a value (where a call's callee returns to).
#[inline(always)]
fn continue_addr() -> usize {
    core::ptr::addr_of!(_JIT_CONTINUE_ADDR) as usize
}

/// Declares stencils with the one signature: `stencil!(NAME(frame, sp, thread) { body })`.
macro_rules! stencil {
    ($(#[$m:meta])* $name:ident($f:ident, $sp:ident, $t:ident) $body:block) => {
        $(#[$m])*
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            $f: *mut Frame,
            $sp: *mut Value,
            $t: *mut ThreadState,
        ) -> Exit {
            $body
        }
    };
}

// ---- Locals and constants.

stencil!(
    /// `LOAD_FAST`: push a new reference to the local at byte offset `OPARG` (bound: the
    /// compiler checked). (Locals are named by byte offset in the frame's values wherever
    /// compiled code reads or writes them: x86 has no `* 16` addressing.)
    LOAD_FAST(frame, sp, thread) {
        let v = (*(*frame).base.byte_add(oparg())).clone();
        sp.write(v);
        _JIT_CONTINUE(frame, sp.add(1), thread)
    }
);

stencil!(
    /// `STORE_FAST`: pop into the local at byte offset `OPARG`, dropping its old value.
    STORE_FAST(frame, sp, thread) {
        let sp = sp.sub(1);
        let old = core::ptr::replace((*frame).base.byte_add(oparg()), Value::read_split(sp));
        drop(old);
        _JIT_CONTINUE(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_FAST` + `STORE_FAST` (`x = y`): a new reference to the local at byte offset
    /// `OPARG` into the local at byte offset `OPERAND0`, dropping its old value.
    LOAD_FAST__STORE_FAST(frame, sp, thread) {
        let base = (*frame).base;
        let v = Value::clone_split(base.byte_add(oparg()));
        drop(core::ptr::replace(base.byte_add(operand0() as usize), v));
        _JIT_CONTINUE(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_CONST` of an inline value + `STORE_FAST` (`x = 0`): payload `OPERAND0` and tag
    /// `OPERAND1` into the local at byte offset `OPARG`, dropping its old value.
    LOAD_CONST_INLINE__STORE_FAST(frame, sp, thread) {
        let v = Value::from_raw(operand0(), operand1());
        drop(core::ptr::replace((*frame).base.byte_add(oparg()), v));
        _JIT_CONTINUE(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_CONST` of an inline int: the int is `OPERAND0`, an immediate.
    LOAD_CONST_INT(frame, sp, thread) {
        sp.write(Value::int(operand0() as i64));
        _JIT_CONTINUE(frame, sp.add(1), thread)
    }
);

stencil!(
    /// `LOAD_CONST` of any inline value (float, bool, None, short str): payload `OPERAND0`,
    /// tag `OPERAND1`.
    LOAD_CONST_INLINE(frame, sp, thread) {
        sp.write(Value::from_raw(operand0(), operand1()));
        _JIT_CONTINUE(frame, sp.add(1), thread)
    }
);

stencil!(
    /// `LOAD_CONST` of a heap object (kept alive by the code object): `OPERAND0` is its address.
    LOAD_CONST_OBJ(frame, sp, thread) {
        sp.write(Value::from_borrowed_ptr(operand0() as *const abi::ObjHeader));
        _JIT_CONTINUE(frame, sp.add(1), thread)
    }
);

stencil!(
    /// `POP_TOP`.
    POP_TOP(frame, sp, thread) {
        let sp = sp.sub(1);
        drop(sp.read());
        _JIT_CONTINUE(frame, sp, thread)
    }
);

// ---- Arithmetic: the kernels of `BINARY_OP_*_INT` / `*_FLOAT`. A failed guard, and a case
// ---- the kernel leaves to the slow path (overflow, division by zero), exit to tier 1 at the
// ---- instruction, which runs it again there.

macro_rules! binary_int {
    ($($name:ident = $op:expr;)*) => {$(
        stencil!(
            /// Both operands inline ints, result from `kernels::int_kernel`.
            $name(frame, sp, thread) {
                let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                if !(a.is_int() && b.is_int()) {
                    return _JIT_DEOPT(frame, sp, thread);
                }
                let Some(r) = kernels::int_kernel(a.as_int_unchecked(), b.as_int_unchecked(), $op)
                else {
                    return _JIT_DEOPT(frame, sp, thread);
                };
                sp.sub(2).write(r);
                _JIT_CONTINUE(frame, sp.sub(1), thread)
            }
        );
    )*};
}

binary_int! {
    BINARY_OP_ADD_INT = NbOp::Add;
    BINARY_OP_SUBTRACT_INT = NbOp::Sub;
    BINARY_OP_MULTIPLY_INT = NbOp::Mul;
    BINARY_OP_FLOOR_DIVIDE_INT = NbOp::FloorDiv;
    BINARY_OP_REMAINDER_INT = NbOp::Rem;
    BINARY_OP_AND_INT = NbOp::And;
    BINARY_OP_OR_INT = NbOp::Or;
    BINARY_OP_XOR_INT = NbOp::Xor;
    BINARY_OP_LSHIFT_INT = NbOp::Lshift;
    BINARY_OP_RSHIFT_INT = NbOp::Rshift;
    BINARY_OP_TRUE_DIVIDE_INT = NbOp::TrueDiv;
}

macro_rules! binary_float {
    ($($name:ident = $op:expr;)*) => {$(
        stencil!(
            /// Two floats, or a float and an exactly convertible inline int.
            $name(frame, sp, thread) {
                let Some((x, y)) = kernels::float_operands(&*sp.sub(2), &*sp.sub(1)) else {
                    return _JIT_DEOPT(frame, sp, thread);
                };
                let Some(r) = kernels::float_kernel(x, y, $op) else {
                    return _JIT_DEOPT(frame, sp, thread);
                };
                sp.sub(2).write(r);
                _JIT_CONTINUE(frame, sp.sub(1), thread)
            }
        );
    )*};
}

binary_float! {
    BINARY_OP_ADD_FLOAT = NbOp::Add;
    BINARY_OP_SUBTRACT_FLOAT = NbOp::Sub;
    BINARY_OP_MULTIPLY_FLOAT = NbOp::Mul;
    BINARY_OP_TRUE_DIVIDE_FLOAT = NbOp::TrueDiv;
}

// ---- Comparisons: one stencil per operator (so the test folds to one `cmp`/`jcc`), pushing
// ---- a bool or, fused with the following `POP_JUMP_IF_TRUE`/`_FALSE`, branching to
// ---- `_JIT_JUMP_TARGET`. A failed guard exits at the compare.

/// The two operands as ints, or `None` when either is not an inline int.
#[inline(always)]
unsafe fn int_operands(sp: *mut Value) -> Option<(i64, i64)> {
    let (a, b) = (&*sp.sub(2), &*sp.sub(1));
    if a.is_int() && b.is_int() {
        Some((a.as_int_unchecked(), b.as_int_unchecked()))
    } else {
        None
    }
}

macro_rules! compare {
    ($operands:path, $test:expr; $($op:expr => $push:ident, $if_true:ident, $if_false:ident;)*) => {$(
        stencil!(
            /// Pushes the comparison's bool.
            $push(frame, sp, thread) {
                let Some((x, y)) = $operands(sp) else {
                    return _JIT_DEOPT(frame, sp, thread);
                };
                sp.sub(2).write(Value::bool($test(x, y, $op)));
                _JIT_CONTINUE(frame, sp.sub(1), thread)
            }
        );
        stencil!(
            /// Compare fused with `POP_JUMP_IF_TRUE`: jumps when the comparison holds.
            $if_true(frame, sp, thread) {
                let Some((x, y)) = $operands(sp) else {
                    return _JIT_DEOPT(frame, sp, thread);
                };
                if $test(x, y, $op) {
                    return _JIT_JUMP_TARGET(frame, sp.sub(2), thread);
                }
                _JIT_CONTINUE(frame, sp.sub(2), thread)
            }
        );
        stencil!(
            /// Compare fused with `POP_JUMP_IF_FALSE`: jumps when the comparison fails.
            $if_false(frame, sp, thread) {
                let Some((x, y)) = $operands(sp) else {
                    return _JIT_DEOPT(frame, sp, thread);
                };
                if !$test(x, y, $op) {
                    return _JIT_JUMP_TARGET(frame, sp.sub(2), thread);
                }
                _JIT_CONTINUE(frame, sp.sub(2), thread)
            }
        );
    )*};
}

#[inline(always)]
fn int_test(x: i64, y: i64, op: CmpOp) -> bool {
    op.test(x.cmp(&y))
}

#[inline(always)]
unsafe fn float_operands(sp: *mut Value) -> Option<(f64, f64)> {
    kernels::float_operands(&*sp.sub(2), &*sp.sub(1))
}

compare! { int_operands, int_test;
    CmpOp::Lt => COMPARE_OP_INT_LT, COMPARE_OP_INT_LT_JUMP_IF_TRUE, COMPARE_OP_INT_LT_JUMP_IF_FALSE;
    CmpOp::Le => COMPARE_OP_INT_LE, COMPARE_OP_INT_LE_JUMP_IF_TRUE, COMPARE_OP_INT_LE_JUMP_IF_FALSE;
    CmpOp::Eq => COMPARE_OP_INT_EQ, COMPARE_OP_INT_EQ_JUMP_IF_TRUE, COMPARE_OP_INT_EQ_JUMP_IF_FALSE;
    CmpOp::Ne => COMPARE_OP_INT_NE, COMPARE_OP_INT_NE_JUMP_IF_TRUE, COMPARE_OP_INT_NE_JUMP_IF_FALSE;
    CmpOp::Gt => COMPARE_OP_INT_GT, COMPARE_OP_INT_GT_JUMP_IF_TRUE, COMPARE_OP_INT_GT_JUMP_IF_FALSE;
    CmpOp::Ge => COMPARE_OP_INT_GE, COMPARE_OP_INT_GE_JUMP_IF_TRUE, COMPARE_OP_INT_GE_JUMP_IF_FALSE;
}

compare! { float_operands, kernels::float_test;
    CmpOp::Lt => COMPARE_OP_FLOAT_LT, COMPARE_OP_FLOAT_LT_JUMP_IF_TRUE, COMPARE_OP_FLOAT_LT_JUMP_IF_FALSE;
    CmpOp::Le => COMPARE_OP_FLOAT_LE, COMPARE_OP_FLOAT_LE_JUMP_IF_TRUE, COMPARE_OP_FLOAT_LE_JUMP_IF_FALSE;
    CmpOp::Eq => COMPARE_OP_FLOAT_EQ, COMPARE_OP_FLOAT_EQ_JUMP_IF_TRUE, COMPARE_OP_FLOAT_EQ_JUMP_IF_FALSE;
    CmpOp::Ne => COMPARE_OP_FLOAT_NE, COMPARE_OP_FLOAT_NE_JUMP_IF_TRUE, COMPARE_OP_FLOAT_NE_JUMP_IF_FALSE;
    CmpOp::Gt => COMPARE_OP_FLOAT_GT, COMPARE_OP_FLOAT_GT_JUMP_IF_TRUE, COMPARE_OP_FLOAT_GT_JUMP_IF_FALSE;
    CmpOp::Ge => COMPARE_OP_FLOAT_GE, COMPARE_OP_FLOAT_GE_JUMP_IF_TRUE, COMPARE_OP_FLOAT_GE_JUMP_IF_FALSE;
}

// ---- Fused operands: a binary op or compare together with the `LOAD_FAST` / `LOAD_CONST`
// ---- that feed it and the `STORE_FAST` that takes its result (or the conditional jump that
// ---- tests it), so the operands are read where they live and never pushed. The compiler
// ---- (`tier2::compile`) finds the shape and picks the variant by name:
// ----   `<OP>__<left><right>_PUSH` / `_STORE` for a binary op, `<OP>_<CMP>__<left><right>_JUMP_IF_TRUE`
// ----   / `_FALSE` for a compare; `S` = stack, `L` = local, `C` = constant.
// ---- A failed guard (and a kernel's slow case) exits to tier 1 at the group's first
// ---- instruction: nothing has been pushed or stored yet, and the loads have no effects.

/// Operand sources: the const parameters of the fused bodies.
const STACK: u8 = 0;
const LOCAL: u8 = 1;
const CONST: u8 = 2;

/// A bit copy of the value at `p`, read with two 8-byte loads (see [`Value::read_split`]).
/// Not a new reference: the fused ops read only inline numbers.
#[inline(always)]
unsafe fn peek_split(p: *const Value) -> ManuallyDrop<Value> {
    ManuallyDrop::new(Value::read_split(p))
}

/// The operands of a fused op and how many stack slots they take. `L`eft: the stack (below
/// a stack right operand) or the local at byte offset `OPARG` in the frame's values. `R`ight:
/// the stack, the local at byte offset `OPERAND0`, or the constant with payload `OPERAND0`
/// and tag `konst_tag`. (Offsets, not indexes: x86 has no `* 16` addressing, so an index
/// costs a shift on every read.)
#[inline(always)]
unsafe fn fused_operands<const L: u8, const R: u8>(
    frame: *mut Frame,
    sp: *mut Value,
    konst_tag: u64,
) -> (ManuallyDrop<Value>, ManuallyDrop<Value>, usize) {
    let base = (*frame).base;
    let (b, right_depth) = match R {
        STACK => (peek_split(sp.sub(1)), 1),
        LOCAL => (peek_split(base.byte_add(operand0() as usize)), 0),
        _ => (ManuallyDrop::new(Value::from_raw(operand0(), konst_tag)), 0),
    };
    if L == STACK {
        (peek_split(sp.sub(right_depth + 1)), b, right_depth + 1)
    } else {
        (peek_split(base.byte_add(oparg())), b, right_depth)
    }
}

/// Ends a stencil whose result `v` is pushed at `sp`, or with `STORE` (fused with the
/// `STORE_FAST` after it) goes into the local at byte offset `local` in the frame's values
/// (as [`fused_operands`] names locals), whose old value is dropped as `STORE_FAST` drops it.
#[inline(always)]
unsafe fn push_or_store<const STORE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
    local: usize,
    v: Value,
) -> Exit {
    if STORE {
        drop(core::ptr::replace((*frame).base.byte_add(local), v));
        _JIT_CONTINUE(frame, sp, thread)
    } else {
        sp.write(v);
        _JIT_CONTINUE(frame, sp.add(1), thread)
    }
}

/// `BINARY_OP_<op>_INT` with fused operands ([`fused_operands`]); the result is pushed or
/// stored into the local at byte offset `OPERAND1` ([`push_or_store`]).
#[inline(always)]
unsafe fn fused_binary_int<const L: u8, const R: u8, const STORE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
    op: NbOp,
) -> Exit {
    let (a, b, depth) = fused_operands::<L, R>(frame, sp, abi::tag::INT);
    if !(a.is_int() && b.is_int()) {
        return _JIT_DEOPT(frame, sp, thread);
    }
    let Some(r) = kernels::int_kernel(a.as_int_unchecked(), b.as_int_unchecked(), op) else {
        return _JIT_DEOPT(frame, sp, thread);
    };
    push_or_store::<STORE>(frame, sp.sub(depth), thread, operand1() as usize, r)
}

/// `BINARY_OP_<op>_FLOAT` with fused operands (a constant is a float).
#[inline(always)]
unsafe fn fused_binary_float<const L: u8, const R: u8, const STORE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
    op: NbOp,
) -> Exit {
    let (a, b, depth) = fused_operands::<L, R>(frame, sp, abi::tag::FLOAT);
    let Some((x, y)) = kernels::float_operands(&a, &b) else {
        return _JIT_DEOPT(frame, sp, thread);
    };
    let Some(r) = kernels::float_kernel(x, y, op) else {
        return _JIT_DEOPT(frame, sp, thread);
    };
    push_or_store::<STORE>(frame, sp.sub(depth), thread, operand1() as usize, r)
}

/// `COMPARE_OP_INT` (`FLOAT`: a float constant) with fused operands and the conditional jump
/// after it: jumps when the comparison's truth is `IF_TRUE`.
#[inline(always)]
unsafe fn fused_compare_jump<const L: u8, const R: u8, const IF_TRUE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
    float: bool,
    op: CmpOp,
) -> Exit {
    let konst_tag = if float { abi::tag::FLOAT } else { abi::tag::INT };
    let (a, b, depth) = fused_operands::<L, R>(frame, sp, konst_tag);
    let holds = if float {
        let Some((x, y)) = kernels::float_operands(&a, &b) else {
            return _JIT_DEOPT(frame, sp, thread);
        };
        kernels::float_test(x, y, op)
    } else {
        if !(a.is_int() && b.is_int()) {
            return _JIT_DEOPT(frame, sp, thread);
        }
        int_test(a.as_int_unchecked(), b.as_int_unchecked(), op)
    };
    if holds == IF_TRUE {
        return _JIT_JUMP_TARGET(frame, sp.sub(depth), thread);
    }
    _JIT_CONTINUE(frame, sp.sub(depth), thread)
}

/// Declares the fused variants of binary ops, in a module per op (named as the op), each
/// exported as `<OP>__<variant>`.
macro_rules! fused_binary {
    ($body:ident: $($op:ident = $nb:expr;)*) => {$(
        mod $op {
            use super::*;
            fused_binary!(@variants $body $op $nb;
                SL_PUSH = STACK, LOCAL, false;
                SC_PUSH = STACK, CONST, false;
                LL_PUSH = LOCAL, LOCAL, false;
                LC_PUSH = LOCAL, CONST, false;
                SS_STORE = STACK, STACK, true;
                SL_STORE = STACK, LOCAL, true;
                SC_STORE = STACK, CONST, true;
                LL_STORE = LOCAL, LOCAL, true;
                LC_STORE = LOCAL, CONST, true;
            );
        }
    )*};
    (@variants $body:ident $op:ident $nb:expr; $($v:ident = $l:expr, $r:expr, $store:expr;)*) => {$(
        #[export_name = concat!(stringify!($op), "__", stringify!($v))]
        pub unsafe extern "C" fn $v(
            frame: *mut Frame,
            sp: *mut Value,
            thread: *mut ThreadState,
        ) -> Exit {
            $body::<{ $l }, { $r }, { $store }>(frame, sp, thread, $nb)
        }
    )*};
}

fused_binary! { fused_binary_int:
    BINARY_OP_ADD_INT = NbOp::Add;
    BINARY_OP_SUBTRACT_INT = NbOp::Sub;
    BINARY_OP_MULTIPLY_INT = NbOp::Mul;
    BINARY_OP_FLOOR_DIVIDE_INT = NbOp::FloorDiv;
    BINARY_OP_REMAINDER_INT = NbOp::Rem;
    BINARY_OP_AND_INT = NbOp::And;
    BINARY_OP_OR_INT = NbOp::Or;
    BINARY_OP_XOR_INT = NbOp::Xor;
    BINARY_OP_LSHIFT_INT = NbOp::Lshift;
    BINARY_OP_RSHIFT_INT = NbOp::Rshift;
    BINARY_OP_TRUE_DIVIDE_INT = NbOp::TrueDiv;
}

fused_binary! { fused_binary_float:
    BINARY_OP_ADD_FLOAT = NbOp::Add;
    BINARY_OP_SUBTRACT_FLOAT = NbOp::Sub;
    BINARY_OP_MULTIPLY_FLOAT = NbOp::Mul;
    BINARY_OP_TRUE_DIVIDE_FLOAT = NbOp::TrueDiv;
}

/// `BINARY_OP_FLOOR_DIVIDE_INT` (`REM` false) or `BINARY_OP_REMAINDER_INT` with a constant
/// divisor `d >= 2` (`OPERAND0`), by multiplying with its [`kernels::Reciprocal`]: the
/// multiplier is `OPERAND2`, the shift bits 32.. of `OPARG` (whose bits 0..32 are the left
/// local's byte offset in `L` shapes). Nothing fails once the left operand is an int. The
/// result is pushed or stored as [`push_or_store`] does.
#[inline(always)]
unsafe fn fused_divide_by_constant<const L: u8, const STORE: bool, const REM: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let (a, depth) = if L == STACK {
        (peek_split(sp.sub(1)), 1)
    } else {
        (peek_split((*frame).base.byte_add(oparg() & 0xffff_ffff)), 0)
    };
    if !a.is_int() {
        return _JIT_DEOPT(frame, sp, thread);
    }
    let r = kernels::Reciprocal {
        magic: operand2(),
        shift: (oparg() >> 32) as u32,
    };
    let x = a.as_int_unchecked();
    let v = if REM {
        kernels::mod_by(x, operand0() as i64, r)
    } else {
        kernels::floordiv_by(x, r)
    };
    push_or_store::<STORE>(frame, sp.sub(depth), thread, operand1() as usize, Value::int(v))
}

/// Declares the shapes of a division by a constant ([`fused_divide_by_constant`]), in a
/// module per op, each exported as `<OP>__<shape>`.
macro_rules! divide_by_constant {
    ($($op:ident = $rem:expr;)*) => {$(
        mod $op {
            use super::*;
            divide_by_constant!(@variants $op $rem;
                SC_PUSH = STACK, false;
                LC_PUSH = LOCAL, false;
                SC_STORE = STACK, true;
                LC_STORE = LOCAL, true;
            );
        }
    )*};
    (@variants $op:ident $rem:expr; $($v:ident = $l:expr, $store:expr;)*) => {$(
        #[export_name = concat!(stringify!($op), "__", stringify!($v))]
        pub unsafe extern "C" fn $v(
            frame: *mut Frame,
            sp: *mut Value,
            thread: *mut ThreadState,
        ) -> Exit {
            fused_divide_by_constant::<{ $l }, { $store }, { $rem }>(frame, sp, thread)
        }
    )*};
}

divide_by_constant! {
    BINARY_OP_FLOOR_DIVIDE_INT_RECIPROCAL = false;
    BINARY_OP_REMAINDER_INT_RECIPROCAL = true;
}

/// Declares the fused variants of compares with their jump, in a module per compare stencil
/// (named as the unfused one), each exported as `<OP>_<CMP>__<variant>`.
macro_rules! fused_compare {
    ($float:expr; $($name:ident = $op:expr;)*) => {$(
        mod $name {
            use super::*;
            fused_compare!(@variants $float, $name $op;
                SL_JUMP_IF_TRUE = STACK, LOCAL, true;
                SC_JUMP_IF_TRUE = STACK, CONST, true;
                LL_JUMP_IF_TRUE = LOCAL, LOCAL, true;
                LC_JUMP_IF_TRUE = LOCAL, CONST, true;
                SL_JUMP_IF_FALSE = STACK, LOCAL, false;
                SC_JUMP_IF_FALSE = STACK, CONST, false;
                LL_JUMP_IF_FALSE = LOCAL, LOCAL, false;
                LC_JUMP_IF_FALSE = LOCAL, CONST, false;
            );
        }
    )*};
    (@variants $float:expr, $name:ident $op:expr; $($v:ident = $l:expr, $r:expr, $if_true:expr;)*) => {$(
        #[export_name = concat!(stringify!($name), "__", stringify!($v))]
        pub unsafe extern "C" fn $v(
            frame: *mut Frame,
            sp: *mut Value,
            thread: *mut ThreadState,
        ) -> Exit {
            fused_compare_jump::<{ $l }, { $r }, { $if_true }>(frame, sp, thread, $float, $op)
        }
    )*};
}

fused_compare! { false;
    COMPARE_OP_INT_LT = CmpOp::Lt;
    COMPARE_OP_INT_LE = CmpOp::Le;
    COMPARE_OP_INT_EQ = CmpOp::Eq;
    COMPARE_OP_INT_NE = CmpOp::Ne;
    COMPARE_OP_INT_GT = CmpOp::Gt;
    COMPARE_OP_INT_GE = CmpOp::Ge;
}

fused_compare! { true;
    COMPARE_OP_FLOAT_LT = CmpOp::Lt;
    COMPARE_OP_FLOAT_LE = CmpOp::Le;
    COMPARE_OP_FLOAT_EQ = CmpOp::Eq;
    COMPARE_OP_FLOAT_NE = CmpOp::Ne;
    COMPARE_OP_FLOAT_GT = CmpOp::Gt;
    COMPARE_OP_FLOAT_GE = CmpOp::Ge;
}

// ---- Stack shuffles and checked loads.

stencil!(
    /// `LOAD_FAST_CHECK oparg`: as `LOAD_FAST`, but an unbound local exits to tier 1, which
    /// raises the `UnboundLocalError`.
    LOAD_FAST_CHECK(frame, sp, thread) {
        let slot = &*(*frame).base.add(oparg());
        if slot.is_null() {
            return _JIT_DEOPT(frame, sp, thread);
        }
        sp.write(slot.clone());
        _JIT_CONTINUE(frame, sp.add(1), thread)
    }
);

stencil!(
    /// `PUSH_NULL`.
    PUSH_NULL(frame, sp, thread) {
        sp.write(Value::NULL);
        _JIT_CONTINUE(frame, sp.add(1), thread)
    }
);

stencil!(
    /// `COPY oparg`: push a new reference to the value `oparg` slots down.
    COPY(frame, sp, thread) {
        let v = (*sp.sub(oparg())).clone();
        sp.write(v);
        _JIT_CONTINUE(frame, sp.add(1), thread)
    }
);

stencil!(
    /// `SWAP oparg`: exchange the top with the value `oparg` slots down.
    SWAP(frame, sp, thread) {
        let (a, b) = (sp.sub(1), sp.sub(oparg()));
        let (x, y) = (Value::read_split(a), Value::read_split(b));
        a.write(y);
        b.write(x);
        _JIT_CONTINUE(frame, sp, thread)
    }
);

stencil!(
    /// `END_FOR`: pop two values.
    END_FOR(frame, sp, thread) {
        drop(sp.sub(1).read());
        drop(sp.sub(2).read());
        _JIT_CONTINUE(frame, sp.sub(2), thread)
    }
);

// ---- Iteration: `FOR_ITER_RANGE` and `FOR_ITER_LIST` inline (`FOR_ITER_LIST` serves
// ---- `FOR_ITER_TUPLE` too: a tuple's payload has a list's item layout).

/// `FOR_ITER_RANGE` inline (`OPERAND0`: the `range_iterator` type): the next int, pushed or
/// stored into the local at byte offset `OPARG` ([`push_or_store`]), or pop the iterator and jump past the
/// loop's `END_FOR`; another iterator exits to tier 1.
#[inline(always)]
unsafe fn for_iter_range<const STORE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let it = &*sp.sub(1);
    if !(it.is_obj() && (*it.obj_ptr()).ty as u64 == operand0()) {
        return _JIT_DEOPT(frame, sp, thread);
    }
    match (*abi::payload_of::<abi::RangeIter>(it.obj_ptr())).next_value() {
        Some(i) => push_or_store::<STORE>(frame, sp, thread, oparg(), Value::int(i)),
        None => {
            drop(sp.sub(1).read());
            _JIT_JUMP_TARGET(frame, sp.sub(1), thread)
        }
    }
}

stencil!(
    /// `FOR_ITER_RANGE`: pushes the next int.
    FOR_ITER_RANGE(frame, sp, thread) {
        for_iter_range::<false>(frame, sp, thread)
    }
);

stencil!(
    /// `FOR_ITER_RANGE` + `STORE_FAST`: the next int into the local at byte offset `OPARG`.
    FOR_ITER_RANGE__STORE(frame, sp, thread) {
        for_iter_range::<true>(frame, sp, thread)
    }
);

/// The items of `v` when it is an object of type `ty` whose payload is an `ItemVec` (a list,
/// or a tuple).
#[inline(always)]
unsafe fn list_items(v: &Value, ty: u64) -> Option<&abi::ItemVec> {
    if v.is_obj() && (*v.obj_ptr()).ty as u64 == ty {
        Some(&*abi::payload_of::<abi::ItemVec>(v.obj_ptr()))
    } else {
        None
    }
}

/// The slot of item `k` of `c` for a store: `c` an object of type `ty` with an `ItemVec`
/// payload (a list), `k` an inline int index in `0..len`.
#[inline(always)]
unsafe fn item_to_store(c: &Value, k: &Value, ty: u64) -> Option<*mut Value> {
    let items = list_items(c, ty)?;
    if !k.is_int() {
        return None;
    }
    items.slot(k.as_int_unchecked())
}

/// `FOR_ITER_LIST` inline (`OPERAND0`: the `list_iterator` type): the next item, pushed or
/// stored into the local at byte offset `OPARG` ([`push_or_store`]), or pop the iterator and jump past the
/// loop's `END_FOR`; another iterator exits to tier 1.
#[inline(always)]
unsafe fn for_iter_list<const STORE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let it = &*sp.sub(1);
    if !(it.is_obj() && (*it.obj_ptr()).ty as u64 == operand0()) {
        return _JIT_DEOPT(frame, sp, thread);
    }
    let it = &*abi::payload_of::<abi::SeqIter>(it.obj_ptr());
    // A list iterator's sequence is a list (or an instance of a subclass: the same payload).
    let items = &*abi::payload_of::<abi::ItemVec>(it.seq.obj_ptr());
    match it.advance(items.len) {
        Some(i) => {
            let v = Value::clone_split(items.ptr.add(i));
            push_or_store::<STORE>(frame, sp, thread, oparg(), v)
        }
        None => {
            drop(sp.sub(1).read());
            _JIT_JUMP_TARGET(frame, sp.sub(1), thread)
        }
    }
}

stencil!(
    /// `FOR_ITER_LIST`: pushes the next item.
    FOR_ITER_LIST(frame, sp, thread) {
        for_iter_list::<false>(frame, sp, thread)
    }
);

stencil!(
    /// `FOR_ITER_LIST` + `STORE_FAST`: the next item into the local at byte offset `OPARG`.
    FOR_ITER_LIST__STORE(frame, sp, thread) {
        for_iter_list::<true>(frame, sp, thread)
    }
);

// ---- Subscripts and globals through runtime helpers that run tier 1's specialized form
// ---- (returning 0 when done, anything else to exit to tier 1 at the instruction, unchanged).

extern "C" {
    /// `BINARY_SUBSCR_TUPLE_INT` / `_STR_INT` (the opcode in `form`) in range.
    fn apy_subscr_int(sp: *mut Value, form: u64) -> u64;
    /// `LOAD_GLOBAL_MODULE` / `_BUILTIN` from the instruction's inline cache, while the
    /// instruction at `at` of `instrs` is still that specialized form.
    fn apy_load_global(frame: *mut Frame, sp: *mut Value, instrs: u64, at: usize) -> u64;
}

stencil!(
    /// `BINARY_SUBSCR_STR_INT` through the helper (the opcode in `OPERAND0`; tuples take the
    /// inline list stencils): container and int index become the item.
    BINARY_SUBSCR_INT(frame, sp, thread) {
        if preserving_call!(apy_subscr_int, sp, operand0()) != 0 {
            return _JIT_DEOPT(frame, sp, thread);
        }
        _JIT_CONTINUE(frame, sp.sub(1), thread)
    }
);

stencil!(
    /// `BINARY_SUBSCR_LIST_INT` inline (`OPERAND0`: the `list` type; for
    /// `BINARY_SUBSCR_TUPLE_INT` the `tuple` type): an exact list (tuple) and an inline int
    /// index in range (a negative one counts from the end) become the item; anything else
    /// exits to tier 1, which also raises the `IndexError` of an index out of range.
    BINARY_SUBSCR_LIST_INT(frame, sp, thread) {
        let (c, k) = (&*sp.sub(2), &*sp.sub(1));
        let Some(items) = list_items(c, operand0()) else {
            return _JIT_DEOPT(frame, sp, thread);
        };
        if !k.is_int() {
            return _JIT_DEOPT(frame, sp, thread);
        }
        let Some(item) = items.get_signed(k.as_int_unchecked()) else {
            return _JIT_DEOPT(frame, sp, thread);
        };
        // The new reference first: dropping the list may free its items.
        let item = Value::clone_split(item);
        drop(core::ptr::replace(sp.sub(2), item));
        _JIT_CONTINUE(frame, sp.sub(1), thread)
    }
);

stencil!(
    /// `STORE_SUBSCR_LIST_INT` inline (`OPERAND0`: the `list` type): `list[i] = v` for an exact
    /// list and an inline int index in `0..len`; anything else exits to tier 1.
    STORE_SUBSCR_LIST_INT(frame, sp, thread) {
        let (c, k) = (&*sp.sub(2), &*sp.sub(1));
        let Some(slot) = item_to_store(c, k, operand0()) else {
            return _JIT_DEOPT(frame, sp, thread);
        };
        // As tier 1: the old item goes after the store, the list's reference last.
        let old = core::ptr::replace(slot, Value::read_split(sp.sub(3)));
        drop(old);
        drop(sp.sub(2).read());
        _JIT_CONTINUE(frame, sp.sub(3), thread)
    }
);

// ---- List subscripts with fused operands (as "Fused operands" above): the list is the local
// ---- `OPARG` (or on the stack), the index the local or int constant `OPERAND0` (or on the
// ---- stack), the `list` type in `OPERAND1`, a `_STORE`'s local in `OPERAND2`. Variants `BINARY_SUBSCR_LIST_INT__<list><index>_PUSH`
// ---- / `_STORE` (with the `STORE_FAST` after it), `STORE_SUBSCR_LIST_INT__<list><index>`.

/// The `list` type (`OPERAND1`) and the byte offset of the local a fused subscript stores its
/// result into (`OPERAND2`).
#[inline(always)]
fn list_type_and_dest() -> (u64, usize) {
    (operand1(), operand2() as usize)
}

/// `BINARY_SUBSCR_LIST_INT` with fused operands: the item is pushed, or with `STORE` goes
/// into the local (see [`list_type_and_dest`]).
#[inline(always)]
unsafe fn fused_subscr_list<const L: u8, const R: u8, const STORE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let (c, k, depth) = fused_operands::<L, R>(frame, sp, abi::tag::INT);
    let (list_type, dest) = list_type_and_dest();
    let Some(items) = list_items(&c, list_type) else {
        return _JIT_DEOPT(frame, sp, thread);
    };
    if !k.is_int() {
        return _JIT_DEOPT(frame, sp, thread);
    }
    let Some(item) = items.get_signed(k.as_int_unchecked()) else {
        return _JIT_DEOPT(frame, sp, thread);
    };
    // The new reference first: dropping a stack list may free its items. Then the list's
    // reference (a stack index is an inline int), then the store, as tier 1 orders them.
    let item = Value::clone_split(item);
    let sp = sp.sub(depth);
    if L == STACK {
        drop(sp.read());
    }
    push_or_store::<STORE>(frame, sp, thread, dest, item)
}

/// `STORE_SUBSCR_LIST_INT` with the list and index fused (the value on the stack).
#[inline(always)]
unsafe fn fused_store_subscr_list<const R: u8>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let (c, k, _) = fused_operands::<LOCAL, R>(frame, sp, abi::tag::INT);
    let Some(slot) = item_to_store(&c, &k, list_type_and_dest().0) else {
        return _JIT_DEOPT(frame, sp, thread);
    };
    // As tier 1: the old item goes after the store.
    let sp = sp.sub(1);
    drop(core::ptr::replace(slot, Value::read_split(sp)));
    _JIT_CONTINUE(frame, sp, thread)
}

macro_rules! fused_subscr {
    ($($v:ident = $l:expr, $r:expr, $store:expr;)*) => {
        mod BINARY_SUBSCR_LIST_INT {
            use super::*;
            $(
                #[export_name = concat!("BINARY_SUBSCR_LIST_INT__", stringify!($v))]
                pub unsafe extern "C" fn $v(
                    frame: *mut Frame,
                    sp: *mut Value,
                    thread: *mut ThreadState,
                ) -> Exit {
                    fused_subscr_list::<{ $l }, { $r }, { $store }>(frame, sp, thread)
                }
            )*
        }
    };
}

fused_subscr! {
    SL_PUSH = STACK, LOCAL, false;
    SC_PUSH = STACK, CONST, false;
    LL_PUSH = LOCAL, LOCAL, false;
    LC_PUSH = LOCAL, CONST, false;
    SS_STORE = STACK, STACK, true;
    SL_STORE = STACK, LOCAL, true;
    SC_STORE = STACK, CONST, true;
    LL_STORE = LOCAL, LOCAL, true;
    LC_STORE = LOCAL, CONST, true;
}

macro_rules! fused_store_subscr {
    ($($v:ident = $r:expr;)*) => {
        mod STORE_SUBSCR_LIST_INT {
            use super::*;
            $(
                #[export_name = concat!("STORE_SUBSCR_LIST_INT__", stringify!($v))]
                pub unsafe extern "C" fn $v(
                    frame: *mut Frame,
                    sp: *mut Value,
                    thread: *mut ThreadState,
                ) -> Exit {
                    fused_store_subscr_list::<{ $r }>(frame, sp, thread)
                }
            )*
        }
    };
}

fused_store_subscr! {
    LL = LOCAL;
    LC = CONST;
}

// ---- Unpacking an exact tuple or list (`OPERAND0`: its type) of `n` items: the items
// ---- replace it, the first on top, or (two items followed by two `STORE_FAST`s, as in
// ---- `a, b = pair` and `for k, v in ...`) go straight into the locals. Anything else exits
// ---- to tier 1.

stencil!(
    /// `UNPACK_SEQUENCE_TWO_TUPLE` / `_TUPLE` / `_LIST` of `OPARG` items.
    UNPACK_SEQUENCE_INLINE(frame, sp, thread) {
        let n = oparg();
        let Some(items) = list_items(&*sp.sub(1), operand0()) else {
            return _JIT_DEOPT(frame, sp, thread);
        };
        if items.len != n {
            return _JIT_DEOPT(frame, sp, thread);
        }
        // The sequence moves out of its slot, which the items then overwrite.
        let s = sp.sub(1).read();
        let out = sp.sub(1);
        let mut i = 0;
        while i < n {
            out.add(n - 1 - i).write(Value::clone_split(items.ptr.add(i)));
            i += 1;
        }
        drop(s);
        _JIT_CONTINUE(frame, out.add(n), thread)
    }
);

stencil!(
    /// `UNPACK_SEQUENCE` of two items + `STORE_FAST a; STORE_FAST b`: the first item into
    /// the local `OPARG & 0xffff_ffff`, the second into `OPARG >> 32`, after the sequence's
    /// reference is dropped (as the three instructions order it).
    UNPACK_SEQUENCE_TWO__STORE(frame, sp, thread) {
        let Some(items) = list_items(&*sp.sub(1), operand0()) else {
            return _JIT_DEOPT(frame, sp, thread);
        };
        if items.len != 2 {
            return _JIT_DEOPT(frame, sp, thread);
        }
        let (first, second) = (Value::clone_split(items.ptr), Value::clone_split(items.ptr.add(1)));
        let sp = sp.sub(1);
        drop(sp.read());
        let base = (*frame).base;
        drop(core::ptr::replace(base.add(oparg() & 0xffff_ffff), first));
        drop(core::ptr::replace(base.add(oparg() >> 32), second));
        _JIT_CONTINUE(frame, sp, thread)
    }
);

// ---- `x[i] op= v`: 3.12 compiles it to `LOAD_FAST x; LOAD_* i; COPY 2; COPY 2;
// ---- BINARY_SUBSCR; <v>; BINARY_OP; SWAP 3; SWAP 2; STORE_SUBSCR`. The read (five
// ---- instructions) and the write (three) are one stencil each, leaving the stack exactly as
// ---- the instructions they stand for (so an exit in between sees tier 1's stack).

/// The read of `x[i] op= v` with the list `x` the local and the index the local or int
/// constant of [`fused_operands`] (`OPERAND1`: the `list` type): pushes the list, the index and the
/// item.
#[inline(always)]
unsafe fn subscr_list_keep<const R: u8>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let (c, k, _) = fused_operands::<LOCAL, R>(frame, sp, abi::tag::INT);
    let Some(items) = list_items(&c, list_type_and_dest().0) else {
        return _JIT_DEOPT(frame, sp, thread);
    };
    if !k.is_int() {
        return _JIT_DEOPT(frame, sp, thread);
    }
    let Some(item) = items.get_signed(k.as_int_unchecked()) else {
        return _JIT_DEOPT(frame, sp, thread);
    };
    let item = Value::clone_split(item);
    sp.write((*c).clone());
    sp.add(1).write(Value::from_raw(k.payload, k.tag));
    sp.add(2).write(item);
    _JIT_CONTINUE(frame, sp.add(3), thread)
}

stencil!(
    /// `x[i] op= v` read, `i` a local.
    BINARY_SUBSCR_LIST_INT__LL_KEEP(frame, sp, thread) {
        subscr_list_keep::<LOCAL>(frame, sp, thread)
    }
);

stencil!(
    /// `x[i] op= v` read, `i` an int constant.
    BINARY_SUBSCR_LIST_INT__LC_KEEP(frame, sp, thread) {
        subscr_list_keep::<CONST>(frame, sp, thread)
    }
);

stencil!(
    /// The write of `x[i] op= v`: `SWAP 3; SWAP 2; STORE_SUBSCR_LIST_INT` on the stack
    /// `[x, i, v]` (`OPERAND1`: the `list` type) stores `v` as `x[i]` for an exact list and an
    /// index in `0..len`; anything else exits to tier 1 at the `SWAP 3`.
    STORE_SUBSCR_LIST_INT__SWAPPED(frame, sp, thread) {
        let (c, k) = (&*sp.sub(3), &*sp.sub(2));
        let Some(slot) = item_to_store(c, k, list_type_and_dest().0) else {
            return _JIT_DEOPT(frame, sp, thread);
        };
        // As tier 1: the old item goes after the store, the list's reference last.
        drop(core::ptr::replace(slot, Value::read_split(sp.sub(1))));
        drop(sp.sub(3).read());
        _JIT_CONTINUE(frame, sp.sub(3), thread)
    }
);

stencil!(
    /// `LOAD_GLOBAL_MODULE` / `_BUILTIN` at code unit `OPARG` of the instructions at
    /// `OPERAND0`; pushes NULL first when `OPERAND1` is 1.
    LOAD_GLOBAL_CACHED(frame, sp, thread) {
        if preserving_call!(apy_load_global, frame, sp, operand0(), oparg()) != 0 {
            return _JIT_DEOPT(frame, sp, thread);
        }
        _JIT_CONTINUE(frame, sp.add(1 + operand1() as usize), thread)
    }
);

// ---- Globals with the guard inline: the dict's key-layout version, read at a patched offset
// ---- of the frame's globals (and builtins) dict, then the value from the entry's address,
// ---- which stays put while that version holds (`Dict::entry_value_slot`). Versions are
// ---- unique per dict, so a frame with other globals fails the guard.

/// The key-layout version of the dict payload `d`, at byte offset `off`.
#[inline(always)]
unsafe fn keys_version(d: *const abi::Dict) -> u32 {
    *((d as *const u8).add(abi::DICT_KEYS_VERSION_OFFSET) as *const u32)
}

/// Pushes a new reference to the value at `slot`, after a NULL when `push_null`.
#[inline(always)]
unsafe fn push_global(sp: *mut Value, slot: u64, push_null: bool) -> *mut Value {
    let v = (*(slot as *const Value)).clone();
    if push_null {
        sp.write(Value::NULL);
        sp.add(1).write(v);
        sp.add(2)
    } else {
        sp.write(v);
        sp.add(1)
    }
}

/// `LOAD_GLOBAL_MODULE`: `OPERAND0` is the globals' version, `OPERAND1` the value's address;
/// NULL pushed first when `PUSH_NULL` (the variant `__NULL`).
#[inline(always)]
unsafe fn load_global_module<const PUSH_NULL: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    if keys_version((*frame).globals) != operand0() as u32 {
        return _JIT_DEOPT(frame, sp, thread);
    }
    _JIT_CONTINUE(frame, push_global(sp, operand1(), PUSH_NULL), thread)
}

/// `LOAD_GLOBAL_BUILTIN`: `OPERAND0` is the globals' version `<< 32` | the builtins' version,
/// `OPERAND1` the value's address; NULL pushed first when `PUSH_NULL` (the variant `__NULL`).
#[inline(always)]
unsafe fn load_global_builtin<const PUSH_NULL: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    if keys_version((*frame).globals) != (operand0() >> 32) as u32
        || keys_version((*frame).builtins) != operand0() as u32
    {
        return _JIT_DEOPT(frame, sp, thread);
    }
    _JIT_CONTINUE(frame, push_global(sp, operand1(), PUSH_NULL), thread)
}

stencil!(
    /// `LOAD_GLOBAL_MODULE` ([`load_global_module`]).
    LOAD_GLOBAL_MODULE_DIRECT(frame, sp, thread) {
        load_global_module::<false>(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_GLOBAL_MODULE` with NULL pushed first (`f(...)`).
    LOAD_GLOBAL_MODULE_DIRECT__NULL(frame, sp, thread) {
        load_global_module::<true>(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_GLOBAL_BUILTIN` ([`load_global_builtin`]).
    LOAD_GLOBAL_BUILTIN_DIRECT(frame, sp, thread) {
        load_global_builtin::<false>(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_GLOBAL_BUILTIN` with NULL pushed first (`f(...)`).
    LOAD_GLOBAL_BUILTIN_DIRECT__NULL(frame, sp, thread) {
        load_global_builtin::<true>(frame, sp, thread)
    }
);

// ---- Ops run by a runtime helper `apy_*(frame, sp, at, arg, instrs) -> Step` that runs tier
// ---- 1's form of the instruction at code unit `at` (`OPARG`) of the code's instruction bytes
// ---- `instrs` (`OPERAND1`) with `arg` (`OPERAND0`, usually the decoded oparg): continue at
// ---- the returned sp, exit to tier 1 at the instruction
// ---- when a guard failed (nothing changed), or take the error exit (the exception is set,
// ---- the returned sp is tier 1's after raising there).

extern "C" {
    /// `LOAD_ATTR_INSTANCE_VALUE` (any other form: as `apy_load_attr`).
    fn apy_load_attr_instance(
        frame: *mut Frame,
        sp: *mut Value,
        at: usize,
        arg: u64,
        instrs: u64,
    ) -> Step;
    /// `LOAD_ATTR_METHOD_WITH_VALUES` / `_NO_DICT` (any other form: as `apy_load_attr`).
    fn apy_load_attr_method(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64)
        -> Step;
    /// `apy_load_attr_instance`, after recording the owner's class in the site's `cache`.
    fn apy_load_attr_instance_poly(
        frame: *mut Frame,
        sp: *mut Value,
        at: usize,
        arg: u64,
        instrs: u64,
        cache: *mut abi::PolyCache,
    ) -> Step;
    /// `apy_store_attr_instance`, after recording the owner's class in the site's `cache`.
    fn apy_store_attr_instance_poly(
        frame: *mut Frame,
        sp: *mut Value,
        at: usize,
        arg: u64,
        instrs: u64,
        cache: *mut abi::PolyCache,
    ) -> Step;
    /// `apy_load_attr_method`, after recording the owner's class in the site's `cache`.
    fn apy_load_attr_method_poly(
        frame: *mut Frame,
        sp: *mut Value,
        at: usize,
        arg: u64,
        instrs: u64,
        cache: *mut abi::PolyCache,
    ) -> Step;
    /// `STORE_ATTR_INSTANCE_VALUE` (any other form: as `apy_store_attr`).
    fn apy_store_attr_instance(
        frame: *mut Frame,
        sp: *mut Value,
        at: usize,
        arg: u64,
        instrs: u64,
    ) -> Step;
    /// The `LOAD_ATTR_*` forms (instance value, method, slot, module, class).
    fn apy_load_attr(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// The `STORE_ATTR_*` forms (instance value, slot).
    fn apy_store_attr(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// Calls into native code: `CALL_BUILTIN*`, `CALL_METHOD_DESCRIPTOR`,
    /// `CALL_BUILTIN_CLASS`, `CALL_BUILTIN_TYPE_1`, `CALL_LIST_APPEND`.
    fn apy_call_native(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// `CALL_METHOD_DESCRIPTOR` (any other form: as `apy_call_native`).
    fn apy_call_method_descr(
        frame: *mut Frame,
        sp: *mut Value,
        at: usize,
        arg: u64,
        instrs: u64,
    ) -> Step;
    /// `CONTAINS_OP_DICT` / `_SET` / `_GENERIC`.
    fn apy_contains(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// `GET_ITER`.
    fn apy_get_iter(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// `UNARY_NEGATIVE` (`arg` 0) and `UNARY_NOT` (1) beyond their inline cases.
    fn apy_unary(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// `BINARY_SUBSCR_DICT`.
    fn apy_subscr_dict(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// `STORE_SUBSCR_DICT`.
    fn apy_store_subscr_dict(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// `BINARY_SLICE`.
    fn apy_binary_slice(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// `BINARY_OP_ADD_UNICODE`.
    fn apy_add_unicode(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
    /// `BUILD_TUPLE` / `BUILD_LIST`.
    fn apy_build(frame: *mut Frame, sp: *mut Value, at: usize, arg: u64, instrs: u64) -> Step;
}

/// Calls helper `f` as a slow path (see `preserving_call!`: the stencil's values stay in their
/// registers) and evaluates to the stack pointer its [`Step`] returns; a failed guard leaves
/// the stencil by `_JIT_DEOPT` (with `sp`, nothing changed), an error by `_JIT_ERROR`.
macro_rules! helper_step {
    ($f:ident($($a:expr),* $(,)?), $frame:ident, $sp:ident, $thread:ident) => {{
        let (r_sp, status) = preserving_call_pair!($f, $($a),*);
        let r_sp = r_sp as *mut Value;
        if status != step::OK {
            if status == step::DEOPT {
                return _JIT_DEOPT($frame, $sp, $thread);
            }
            return _JIT_ERROR($frame, r_sp, $thread);
        }
        r_sp
    }};
}

/// Leaves a helper op by its [`Step`] ([`helper_step!`]), going on at the sp it returns.
macro_rules! by_step {
    ($f:ident($($a:expr),* $(,)?), $frame:ident, $sp:ident, $thread:ident) => {{
        let r_sp = helper_step!($f($($a),*), $frame, $sp, $thread);
        _JIT_CONTINUE($frame, r_sp, $thread)
    }};
}

/// The version of the class of the object at `p`.
#[inline(always)]
unsafe fn class_version(p: *mut abi::ObjHeader) -> u32 {
    *(((*p).ty as *const u8).add(abi::TYPE_VERSION_OFFSET) as *const u32)
}

/// The polymorphic cache of the site (`OPERAND2`): its entry for the class with version
/// `version`, if it has one.
#[inline(always)]
unsafe fn poly_entry<'a>(version: u32) -> Option<&'a abi::PolyEntry> {
    if version == 0 {
        return None;
    }
    (*(operand2() as *const abi::PolyCache)).find(version)
}

/// The instance object `owner` and the slot index, when it is of the class an attribute site
/// had at compile time, or of one in the site's polymorphic cache ([`poly_entry`]), and keeps
/// its attributes in its slots. `OPERAND0` holds the compile-time class's version (bits
/// 0..32) and the slot index (32..48).
#[inline(always)]
unsafe fn cached_class_instance(owner: &Value) -> Option<(*mut abi::ObjHeader, usize)> {
    if !owner.is_obj() {
        return None;
    }
    let p = owner.obj_ptr();
    let version = class_version(p);
    let ix = if version == operand0() as u32 {
        (operand0() >> 32) as u16 as usize
    } else {
        poly_entry(version)?.index as usize
    };
    if !abi::Instance::in_values_mode(p) {
        return None;
    }
    Some((p, ix))
}

stencil!(
    /// `LOAD_ATTR_INSTANCE_VALUE` with the class the site had at compile time and those in its
    /// polymorphic cache inline ([`cached_class_instance`]). Any other owner, or a slot not
    /// filled, goes through `apy_load_attr_instance_poly` (a new class at the site, or the
    /// site's current form), with `OPARG` the instruction's position (bits 0..32) and its
    /// oparg (32..64), `OPERAND1` the code's instruction bytes, `OPERAND2` the cache.
    LOAD_ATTR_INSTANCE_INLINE(frame, sp, thread) {
        let arg = (oparg() >> 32) as u64;
        if let Some((p, ix)) = cached_class_instance(&*sp.sub(1)) {
            if let Some(v) = abi::Instance::value_slot(p, ix) {
                let v = v.clone();
                drop(sp.sub(1).read());
                if arg & 1 != 0 {
                    sp.sub(1).write(Value::NULL);
                    sp.write(v);
                    return _JIT_CONTINUE(frame, sp.add(1), thread);
                }
                sp.sub(1).write(v);
                return _JIT_CONTINUE(frame, sp, thread);
            }
        }
        let at = oparg() as u32 as usize;
        let cache = operand2() as *mut abi::PolyCache;
        by_step!(apy_load_attr_instance_poly(frame, sp, at, arg, operand1(), cache), frame, sp, thread)
    }
);

stencil!(
    /// `STORE_ATTR_INSTANCE_VALUE` with the class the site had at compile time inline
    /// (operands as `LOAD_ATTR_INSTANCE_INLINE`): the value below the owner goes into the slot
    /// (`abi::Instance::slot_to_store`). Another owner, an instance in dict mode, or a slot that
    /// does not take the store go through `apy_store_attr_instance_poly`.
    STORE_ATTR_INSTANCE_INLINE(frame, sp, thread) {
        if let Some((p, ix)) = cached_class_instance(&*sp.sub(1)) {
            if let Some(slot) = abi::Instance::slot_to_store(p, ix) {
                drop(core::ptr::replace(slot, Value::read_split(sp.sub(2))));
                drop(sp.sub(1).read());
                return _JIT_CONTINUE(frame, sp.sub(2), thread);
            }
        }
        let (at, arg) = (oparg() as u32 as usize, (oparg() >> 32) as u64);
        let cache = operand2() as *mut abi::PolyCache;
        by_step!(apy_store_attr_instance_poly(frame, sp, at, arg, operand1(), cache), frame, sp, thread)
    }
);

// ---- The same with the owner read from a local (`self.x`, `self.x = v`): `OPERAND1` holds the
// ---- code's instruction bytes (bits 0..48) and the local's byte offset (48..64). The inline path
// ---- takes no reference to the owner; any other case pushes it, as the `LOAD_FAST` would
// ---- have, and goes on as the unfused stencil (an exit then resumes at the attribute op).

/// The local holding the owner of a fused attribute op, and the code's instruction bytes.
#[inline(always)]
unsafe fn fused_owner(frame: *mut Frame) -> (*mut Value, u64) {
    let local = (operand1() >> 48) as usize;
    ((*frame).base.byte_add(local), operand1() & ((1 << 48) - 1))
}

stencil!(
    /// `LOAD_FAST` + `LOAD_ATTR_INSTANCE_VALUE` without the NULL of a method call (oparg bit 0
    /// clear: the compiler does not fuse the other form), operands as
    /// `LOAD_ATTR_INSTANCE_INLINE`, `OPERAND1` as above.
    LOAD_ATTR_INSTANCE_INLINE__L(frame, sp, thread) {
        let (owner, instrs) = fused_owner(frame);
        if let Some((p, ix)) = cached_class_instance(&*owner) {
            if let Some(v) = abi::Instance::value_slot(p, ix) {
                sp.write(v.clone());
                return _JIT_CONTINUE(frame, sp.add(1), thread);
            }
        }
        sp.write((*owner).clone());
        let (sp, at, arg) = (sp.add(1), oparg() as u32 as usize, (oparg() >> 32) as u64);
        let cache = operand2() as *mut abi::PolyCache;
        by_step!(apy_load_attr_instance_poly(frame, sp, at, arg, instrs, cache), frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_FAST` + `STORE_ATTR_INSTANCE_VALUE`: the value on the stack goes into the slot of
    /// the owner in the local (operands as `LOAD_ATTR_INSTANCE_INLINE__L`).
    STORE_ATTR_INSTANCE_INLINE__L(frame, sp, thread) {
        let (owner, instrs) = fused_owner(frame);
        if let Some((p, ix)) = cached_class_instance(&*owner) {
            if let Some(slot) = abi::Instance::slot_to_store(p, ix) {
                drop(core::ptr::replace(slot, Value::read_split(sp.sub(1))));
                return _JIT_CONTINUE(frame, sp.sub(1), thread);
            }
        }
        sp.write((*owner).clone());
        let sp = sp.add(1);
        let (at, arg) = (oparg() as u32 as usize, (oparg() >> 32) as u64);
        let cache = operand2() as *mut abi::PolyCache;
        by_step!(apy_store_attr_instance_poly(frame, sp, at, arg, instrs, cache), frame, sp, thread)
    }
);

// ---- Method loads (`obj.m(...)`): the classes a `LOAD_ATTR_METHOD_WITH_VALUES` / `_NO_DICT`
// ---- site has seen inline, anything else through `apy_load_attr_method_poly` (a new class at
// ---- the site, or the site's current form). `OPARG` holds the instruction's position
// ---- (bits 0..32) and its oparg (32..64), `OPERAND1` the code's instruction bytes (bits
// ---- 0..48, and in the fused form the byte offset of the owner's local in 48..64).

/// The method for `owner`, when its class is in the site's polymorphic cache (`OPERAND2`),
/// which the compiler seeds with the class the site had at compile time: each entry holds a
/// class version and the method, which the class's dict keeps alive while the version matches
/// (a version is never given to another class, nor back to a changed one). An entry with
/// `index` 1 is for a class whose instances have no dict that could shadow the method (a
/// `_NO_DICT` site's class); with 0, the instance must keep its attributes in values.
#[inline(always)]
unsafe fn cached_class_method(owner: &Value) -> Option<*const abi::ObjHeader> {
    if !owner.is_obj() {
        return None;
    }
    let p = owner.obj_ptr();
    let e = poly_entry(class_version(p))?;
    if e.index == 0 && !abi::Instance::in_values_mode(p) {
        return None;
    }
    Some(e.method as *const abi::ObjHeader)
}

stencil!(
    /// `LOAD_ATTR_METHOD_WITH_VALUES` / `_NO_DICT`: `[owner]` becomes `[method, owner]`.
    LOAD_ATTR_METHOD_INLINE(frame, sp, thread) {
        if let Some(m) = cached_class_method(&*sp.sub(1)) {
            let owner = sp.sub(1).read();
            sp.sub(1).write(Value::from_borrowed_ptr(m));
            sp.write(owner);
            return _JIT_CONTINUE(frame, sp.add(1), thread);
        }
        let (at, arg) = (oparg() as u32 as usize, (oparg() >> 32) as u64);
        let cache = operand2() as *mut abi::PolyCache;
        by_step!(apy_load_attr_method_poly(frame, sp, at, arg, operand1(), cache), frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_FAST` + `LOAD_ATTR_METHOD_*` (`self.m(...)`): pushes the method and a new
    /// reference to the owner in the local. Off the inline path it pushes the owner, as the
    /// `LOAD_FAST` would have, and goes on as `LOAD_ATTR_METHOD_INLINE`.
    LOAD_ATTR_METHOD_INLINE__L(frame, sp, thread) {
        let (owner, instrs) = fused_owner(frame);
        if let Some(m) = cached_class_method(&*owner) {
            sp.write(Value::from_borrowed_ptr(m));
            sp.add(1).write((*owner).clone());
            return _JIT_CONTINUE(frame, sp.add(2), thread);
        }
        sp.write((*owner).clone());
        let sp = sp.add(1);
        let (at, arg) = (oparg() as u32 as usize, (oparg() >> 32) as u64);
        let cache = operand2() as *mut abi::PolyCache;
        by_step!(apy_load_attr_method_poly(frame, sp, at, arg, instrs, cache), frame, sp, thread)
    }
);

// ---- `xs.append(x)` (`CALL_LIST_APPEND`, stack `[descr, list, x]`) with room in the list: the
// ---- item moves into place. `OPARG` is the instruction's code unit, `OPERAND0` the
// ---- `list.append` descriptor, `OPERAND1` the `list` type, `OPERAND2` the code's instruction
// ---- bytes. Anything else (another callable, a full list) goes through `apy_call_native`.

/// The `CALL_LIST_APPEND` of `[descr, list, x]` below `sp` when it can run inline: `x` moved
/// into the list, the descriptor and the list dropped; `false` (nothing done) otherwise.
#[inline(always)]
unsafe fn list_append_inline(sp: *mut Value) -> bool {
    let descr = &*sp.sub(3);
    if !(descr.is_obj() && descr.obj_ptr() as u64 == operand0()) {
        return false;
    }
    let Some(items) = list_items(&*sp.sub(2), operand1()) else {
        return false;
    };
    let items = items as *const abi::ItemVec as *mut abi::ItemVec;
    let len = (*items).len;
    if len >= (*items).cap {
        return false;
    }
    (*items).ptr.add(len).write(Value::read_split(sp.sub(1)));
    (*items).len = len + 1;
    // The class dict holds the descriptor; the list may go with its last reference.
    drop(sp.sub(3).read());
    drop(sp.sub(2).read());
    true
}

stencil!(
    /// `CALL_LIST_APPEND`: `[descr, list, x]` becomes `[None]`.
    CALL_LIST_APPEND_INLINE(frame, sp, thread) {
        if list_append_inline(sp) {
            sp.sub(3).write(Value::NONE);
            return _JIT_CONTINUE(frame, sp.sub(2), thread);
        }
        by_step!(apy_call_native(frame, sp, oparg(), 1, operand2()), frame, sp, thread)
    }
);

stencil!(
    /// `CALL_LIST_APPEND` + `POP_TOP` (`xs.append(x)` as a statement): `[descr, list, x]` goes.
    /// Through the helper, the result is popped here.
    CALL_LIST_APPEND_INLINE__POP(frame, sp, thread) {
        if list_append_inline(sp) {
            return _JIT_CONTINUE(frame, sp.sub(3), thread);
        }
        let r = apy_call_native(frame, sp, oparg(), 1, operand2());
        if r.status != step::OK {
            if r.status == step::DEOPT {
                return _JIT_DEOPT(frame, sp, thread);
            }
            return _JIT_ERROR(frame, r.sp, thread);
        }
        let sp = r.sp.sub(1);
        drop(sp.read());
        _JIT_CONTINUE(frame, sp, thread)
    }
);

stencil!(
    /// `CALL_METHOD_DESCRIPTOR` of a built-in method with a kernel (`tier2::method_kernels`)
    /// and up to two arguments (`[descr, self, args...]` becomes `[result]`): `OPERAND0` is the
    /// descriptor the site's method load had at compile time, `OPERAND1` the kernel, `OPARG`
    /// the instruction's code unit | the argument count `<< 32`, `OPERAND2` the code's
    /// instruction bytes. Another callable, or a case the kernel leaves (NULL), goes through
    /// `apy_call_method_descr`.
    CALL_METHOD_KERNEL(frame, sp, thread) {
        let n = (oparg() >> 32) as usize;
        let base = sp.sub(n + 2);
        if (*base).is_obj() && (*base).obj_ptr() as u64 == operand0() {
            let kernel: unsafe extern "C" fn(&Value, *const Value) -> Value =
                core::mem::transmute(operand1());
            let r = kernel(&*base.add(1), base.add(2));
            if !r.is_null() {
                let mut p = sp;
                while p > base {
                    p = p.sub(1);
                    drop(p.read());
                }
                base.write(r);
                return _JIT_CONTINUE(frame, base.add(1), thread);
            }
        }
        let at = oparg() & 0xffff_ffff;
        by_step!(apy_call_method_descr(frame, sp, at, n as u64, operand2()), frame, sp, thread)
    }
);

stencil!(
    /// `CALL_BUILTIN_CLASS` of `range` with `OPARG` (1 to 3) inline int arguments + `GET_ITER`
    /// (`for i in range(...)`): `[NULL, range, args...]` becomes the iterator, made by
    /// `OPERAND1` (`objects::range::small_range_iter`) with no range object in between.
    /// `OPERAND0` is the `range` type; another callable, another argument, or a range that
    /// needs another iterator exit to tier 1 at the `CALL`, which runs both instructions.
    CALL_RANGE__GET_ITER(frame, sp, thread) {
        let n = oparg();
        let base = sp.sub(n + 2);
        let f = &*base.add(1);
        if !((*base).is_null() && f.is_obj() && f.obj_ptr() as u64 == operand0()) {
            return _JIT_DEOPT(frame, sp, thread);
        }
        let int_at = |i: usize| {
            let a = &*base.add(2 + i);
            a.is_int().then(|| a.as_int_unchecked())
        };
        let bounds = match n {
            1 => int_at(0).map(|stop| (0, stop, 1)),
            2 => int_at(0).zip(int_at(1)).map(|(start, stop)| (start, stop, 1)),
            _ => int_at(0)
                .zip(int_at(1))
                .zip(int_at(2))
                .map(|((start, stop), step)| (start, stop, step)),
        };
        let Some((start, stop, step)) = bounds else {
            return _JIT_DEOPT(frame, sp, thread);
        };
        let make: extern "C" fn(i64, i64, i64) -> Value = core::mem::transmute(operand1());
        let it = make(start, stop, step);
        if it.is_null() {
            return _JIT_DEOPT(frame, sp, thread);
        }
        // The arguments are inline; the type's reference goes.
        drop(base.add(1).read());
        base.write(it);
        _JIT_CONTINUE(frame, base.add(1), thread)
    }
);

stencil!(
    /// `CALL_BUILTIN_LEN` (`[NULL, len, x]` becomes `[len(x)]`) of an exact list (type
    /// `OPERAND1`) or tuple (`OPERAND2`), which keep their length in their items
    /// (`abi::ItemVec`): `OPERAND0` is the `len` object the site's global held at compile
    /// time. Anything else exits to tier 1 at the instruction.
    CALL_LEN_INLINE(frame, sp, thread) {
        let (f, x) = (&*sp.sub(2), &*sp.sub(1));
        if !((*sp.sub(3)).is_null() && f.is_obj() && f.obj_ptr() as u64 == operand0()) {
            return _JIT_DEOPT(frame, sp, thread);
        }
        let items = match list_items(x, operand1()) {
            Some(items) => items,
            None => match list_items(x, operand2()) {
                Some(items) => items,
                None => return _JIT_DEOPT(frame, sp, thread),
            },
        };
        let n = Value::int(items.len as i64);
        drop(sp.sub(1).read());
        drop(sp.sub(2).read());
        sp.sub(3).write(n);
        _JIT_CONTINUE(frame, sp.sub(2), thread)
    }
);

/// `sqrt(x)` with the `sqrtsd` instruction (correctly rounded, as C's `sqrt`).
#[inline(always)]
fn sqrt_f64(x: f64) -> f64 {
    let mut r = x;
    // SAFETY: a register-only arithmetic instruction.
    unsafe { core::arch::asm!("sqrtsd {0}, {0}", inout(xmm_reg) r, options(pure, nomem, nostack)) };
    r
}

stencil!(
    /// `CALL_BUILTIN` of a one-argument `math` function on a float or an inline int
    /// (`[NULL, f, x]` becomes `[f(x)]`): `OPERAND0` is the function object the site's
    /// global (or module attribute) held at compile time, `OPERAND1` its C function (`modules::math::float1_kernel`),
    /// `OPARG` the instruction's code unit, with bit 63 set for `math.sqrt` (one instruction,
    /// no call), `OPERAND2` the code's instruction bytes. Another callable or argument, and a
    /// special result (which the function turns into an exception), go through
    /// `apy_call_native`.
    CALL_MATH1(frame, sp, thread) {
        let (f, x) = (&*sp.sub(2), &*sp.sub(1));
        if (*sp.sub(3)).is_null() && f.is_obj() && f.obj_ptr() as u64 == operand0() {
            let v = match x.as_float() {
                Some(v) => Some(v),
                None if x.is_int() => Some(x.as_int_unchecked() as f64),
                None => None,
            };
            if let Some(v) = v {
                let r = if oparg() >> 63 != 0 {
                    sqrt_f64(v)
                } else {
                    // An `unsafe extern "C" fn(f64) -> f64`.
                    preserving_call_f64!(operand1(), v)
                };
                if !kernels::math1_result_is_error(v, r) {
                    // The argument is inline; the slot below the function is NULL.
                    drop(sp.sub(2).read());
                    sp.sub(3).write(Value::float(r));
                    return _JIT_CONTINUE(frame, sp.sub(2), thread);
                }
            }
        }
        let at = oparg() & ((1 << 63) - 1);
        by_step!(apy_call_native(frame, sp, at, 1, operand2()), frame, sp, thread)
    }
);

// ---- `k in s` for a set (`CONTAINS_OP_SET`) answered by the small-int bitmap the set keeps
// ---- (`objects::set::Table::small`, at `abi::SET_SMALL_MEMBERS_OFFSET`). `OPARG` holds the
// ---- instruction's position (bits 0..32) and its oparg (32: `not in`); `OPERAND0` and `OPERAND1` the `set` and
// ---- `frozenset` types; `OPERAND2` the code's instruction bytes (bits 0..48, and in the fused
// ---- form the byte offset of the set's local in 48..64). Anything else goes through
// ---- `apy_contains`.

/// Whether the set `s` holds `k`, when `s` is an exact set or frozenset that has held only
/// inline values and `k` an int in `-64..64`; `None` otherwise.
#[inline(always)]
unsafe fn small_set_member(s: &Value, k: &Value) -> Option<bool> {
    // The bit's index in the bitmap, when `k` is an int in range.
    let j = (k.payload as i64).wrapping_add(64) as u64;
    if !k.is_int() || j >= 128 || !s.is_obj() {
        return None;
    }
    let p = s.obj_ptr() as *const u8;
    let ty = (*s.obj_ptr()).ty as u64;
    if ty != operand0() && ty != operand1() {
        return None;
    }
    if *p.add(abi::SET_INLINE_ONLY_OFFSET) == 0 {
        return None;
    }
    // The `u128` as two little-endian words.
    let word = (p.add(abi::SET_SMALL_MEMBERS_OFFSET) as *const u64).add((j >> 6) as usize);
    Some(word.read() >> (j & 63) & 1 != 0)
}

/// The result of `in` (`found`) or `not in`.
#[inline(always)]
fn membership(found: bool) -> Value {
    Value::bool(found != ((oparg() >> 32) & 1 != 0))
}

stencil!(
    /// `CONTAINS_OP_SET`: `[k, s]` becomes `[k in s]`.
    CONTAINS_OP_SET_INLINE(frame, sp, thread) {
        if let Some(found) = small_set_member(&*sp.sub(1), &*sp.sub(2)) {
            // The key is an inline int: only the set's reference needs a drop.
            drop(sp.sub(1).read());
            sp.sub(2).write(membership(found));
            return _JIT_CONTINUE(frame, sp.sub(1), thread);
        }
        let (at, arg) = (oparg() as u32 as usize, (oparg() >> 32) & 1);
        by_step!(apy_contains(frame, sp, at, arg as u64, operand2()), frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_FAST` + `CONTAINS_OP_SET` (`k in s` with `s` a local): `[k]` becomes `[k in s]`,
    /// with no reference taken to the set. Off the inline path it pushes the set, as the
    /// `LOAD_FAST` would have, and goes on as `CONTAINS_OP_SET_INLINE`.
    CONTAINS_OP_SET_INLINE__L(frame, sp, thread) {
        let set = (*frame).base.byte_add((operand2() >> 48) as usize);
        if let Some(found) = small_set_member(&*set, &*sp.sub(1)) {
            sp.sub(1).write(membership(found));
            return _JIT_CONTINUE(frame, sp, thread);
        }
        sp.write((*set).clone());
        let sp = sp.add(1);
        let (at, arg) = (oparg() as u32 as usize, (oparg() >> 32) & 1);
        let instrs = operand2() & ((1 << 48) - 1);
        by_step!(apy_contains(frame, sp, at, arg as u64, instrs), frame, sp, thread)
    }
);

/// `LOAD_FAST` + `CONTAINS_OP_SET` + `POP_JUMP_IF_TRUE`/`_FALSE` (`if k in s:` with `s` a
/// local; `OPARG` bit 33 set for `_TRUE`, the rest as `CONTAINS_OP_SET_INLINE__L`): `[k]` is
/// popped and the jump taken or not, with no bool in between: on the inline path when the key
/// is an element (`IF_FOUND`) or is not. Off it the set is pushed and `apy_contains` answers;
/// the jump then tests its bool.
#[inline(always)]
unsafe fn contains_set_jump<const IF_FOUND: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let set = (*frame).base.byte_add((operand2() >> 48) as usize);
    if let Some(found) = small_set_member(&*set, &*sp.sub(1)) {
        // The key is an inline int: nothing to drop.
        if found == IF_FOUND {
            return _JIT_JUMP_TARGET(frame, sp.sub(1), thread);
        }
        return _JIT_CONTINUE(frame, sp.sub(1), thread);
    }
    sp.write((*set).clone());
    let sp = sp.add(1);
    let (at, arg) = (oparg() as u32 as usize, (oparg() >> 32) & 1);
    let instrs = operand2() & ((1 << 48) - 1);
    let r_sp = helper_step!(apy_contains(frame, sp, at, arg, instrs), frame, sp, thread);
    // `CONTAINS_OP` leaves a bool.
    let r_sp = r_sp.sub(1);
    if ((*r_sp).payload != 0) == ((oparg() >> 33) & 1 != 0) {
        return _JIT_JUMP_TARGET(frame, r_sp, thread);
    }
    _JIT_CONTINUE(frame, r_sp, thread)
}

stencil!(
    /// `if k in s:` / `if k not in s: ... else:`, jumping when `k` is an element
    /// ([`contains_set_jump`]).
    CONTAINS_OP_SET_INLINE__L_JUMP_IF_FOUND(frame, sp, thread) {
        contains_set_jump::<true>(frame, sp, thread)
    }
);

stencil!(
    /// `if k not in s:` / `if k in s: ... else:`, jumping when `k` is not an element
    /// ([`contains_set_jump`]).
    CONTAINS_OP_SET_INLINE__L_JUMP_IF_MISSING(frame, sp, thread) {
        contains_set_jump::<false>(frame, sp, thread)
    }
);

macro_rules! helper_op {
    ($($(#[$m:meta])* $name:ident => $helper:ident;)*) => {$(
        stencil!(
            $(#[$m])*
            $name(frame, sp, thread) {
                by_step!($helper(frame, sp, oparg(), operand0(), operand1()), frame, sp, thread)
            }
        );
    )*};
}

helper_op! {
    /// `LOAD_ATTR_INSTANCE_VALUE`.
    LOAD_ATTR_INSTANCE => apy_load_attr_instance;
    /// `LOAD_ATTR_METHOD_*`.
    LOAD_ATTR_METHOD => apy_load_attr_method;
    /// `STORE_ATTR_INSTANCE_VALUE`.
    STORE_ATTR_INSTANCE => apy_store_attr_instance;
    /// `LOAD_ATTR_*` forms.
    LOAD_ATTR_FORM => apy_load_attr;
    /// `STORE_ATTR_*` forms.
    STORE_ATTR_FORM => apy_store_attr;
    /// Calls of native callables.
    CALL_NATIVE => apy_call_native;
    /// `CALL_METHOD_DESCRIPTOR`.
    CALL_METHOD_DESCR => apy_call_method_descr;
    /// `CONTAINS_OP_*`.
    CONTAINS_OP_FORM => apy_contains;
    /// `GET_ITER`.
    GET_ITER => apy_get_iter;
    /// `BINARY_SUBSCR_DICT`.
    BINARY_SUBSCR_DICT => apy_subscr_dict;
    /// `STORE_SUBSCR_DICT`.
    STORE_SUBSCR_DICT => apy_store_subscr_dict;
    /// `BINARY_SLICE`.
    BINARY_SLICE => apy_binary_slice;
    /// `BINARY_OP_ADD_UNICODE`.
    BINARY_OP_ADD_UNICODE => apy_add_unicode;
}

stencil!(
    /// `BUILD_TUPLE` / `BUILD_LIST` (the helper cannot fail).
    BUILD_SEQ(frame, sp, thread) {
        let r = apy_build(frame, sp, oparg(), operand0(), 0);
        _JIT_CONTINUE(frame, r.sp, thread)
    }
);

stencil!(
    /// `UNARY_NEGATIVE`: an inline int or a float inline (`kernels::neg_kernel`), anything
    /// else through the helper.
    UNARY_NEGATIVE(frame, sp, thread) {
        if let Some(r) = kernels::neg_kernel(&*sp.sub(1)) {
            // Inline operands: nothing to drop.
            sp.sub(1).write(r);
            return _JIT_CONTINUE(frame, sp, thread);
        }
        by_step!(apy_unary(frame, sp, oparg(), 0, 0), frame, sp, thread)
    }
);

stencil!(
    /// `UNARY_NOT`: a bool inline, anything else through the helper (`__bool__`, `__len__`).
    UNARY_NOT(frame, sp, thread) {
        let v = &mut *sp.sub(1);
        if v.is_bool() {
            *v = Value::bool(v.payload == 0);
            return _JIT_CONTINUE(frame, sp, thread);
        }
        by_step!(apy_unary(frame, sp, oparg(), 1, 0), frame, sp, thread)
    }
);

stencil!(
    /// `IS_OP`: identity, negated when `OPARG` is 1.
    IS_OP(frame, sp, thread) {
        let (a, b) = (sp.sub(2).read(), sp.sub(1).read());
        let r = a.is(&b) != (oparg() == 1);
        drop(b);
        drop(a);
        sp.sub(2).write(Value::bool(r));
        _JIT_CONTINUE(frame, sp.sub(1), thread)
    }
);

// ---- Control flow and exits.

extern "C" {
    /// The truth of a value that is not a bool, popped (0 false, 1 true, 2 raised), for the
    /// conditional jump at code unit `at`.
    fn apy_truthy(frame: *mut Frame, sp: *mut Value, at: usize) -> u64;
}

/// The truth of the value on top, popped: a bool inline, anything else by `apy_truthy`
/// (`__bool__`, `__len__`); `None` when that raised.
#[inline(always)]
unsafe fn pop_truth(frame: *mut Frame, sp: *mut Value) -> Option<bool> {
    let v = &*sp.sub(1);
    if v.is_bool() {
        return Some(v.payload != 0);
    }
    match preserving_call!(apy_truthy, frame, sp, oparg()) {
        2 => None,
        t => Some(t == 1),
    }
}

stencil!(
    /// `POP_JUMP_IF_TRUE` at code unit `OPARG`.
    POP_JUMP_IF_TRUE(frame, sp, thread) {
        match pop_truth(frame, sp) {
            Some(true) => _JIT_JUMP_TARGET(frame, sp.sub(1), thread),
            Some(false) => _JIT_CONTINUE(frame, sp.sub(1), thread),
            None => _JIT_ERROR(frame, sp.sub(1), thread),
        }
    }
);

stencil!(
    /// `POP_JUMP_IF_FALSE` at code unit `OPARG`.
    POP_JUMP_IF_FALSE(frame, sp, thread) {
        match pop_truth(frame, sp) {
            Some(false) => _JIT_JUMP_TARGET(frame, sp.sub(1), thread),
            Some(true) => _JIT_CONTINUE(frame, sp.sub(1), thread),
            None => _JIT_ERROR(frame, sp.sub(1), thread),
        }
    }
);

stencil!(
    /// `POP_JUMP_IF_NONE`.
    POP_JUMP_IF_NONE(frame, sp, thread) {
        let v = sp.sub(1).read();
        let none = v.is_none();
        drop(v);
        if none {
            return _JIT_JUMP_TARGET(frame, sp.sub(1), thread);
        }
        _JIT_CONTINUE(frame, sp.sub(1), thread)
    }
);

stencil!(
    /// `POP_JUMP_IF_NOT_NONE`.
    POP_JUMP_IF_NOT_NONE(frame, sp, thread) {
        let v = sp.sub(1).read();
        let none = v.is_none();
        drop(v);
        if !none {
            return _JIT_JUMP_TARGET(frame, sp.sub(1), thread);
        }
        _JIT_CONTINUE(frame, sp.sub(1), thread)
    }
);

/// `COPY 1` + `POP_JUMP_IF_TRUE` (`IF_TRUE`) / `POP_JUMP_IF_FALSE` + `POP_TOP`: the value
/// on top is tested where it is; the jump keeps it, going on pops it. A value whose truth
/// takes a call is copied and tested as the unfused jump tests it (`OPARG`: its code unit),
/// raising there.
#[inline(always)]
unsafe fn jump_or_pop<const IF_TRUE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let truth = match kernels::inline_truth(&*sp.sub(1)) {
        Some(t) => t,
        None => {
            sp.write((*sp.sub(1)).clone());
            match pop_truth(frame, sp.add(1)) {
                Some(t) => t,
                None => return _JIT_ERROR(frame, sp, thread),
            }
        }
    };
    if truth == IF_TRUE {
        return _JIT_JUMP_TARGET(frame, sp, thread);
    }
    drop(sp.sub(1).read());
    _JIT_CONTINUE(frame, sp.sub(1), thread)
}

stencil!(
    /// `COPY 1; POP_JUMP_IF_TRUE; POP_TOP`: `a or b` as a value ([`jump_or_pop`]).
    JUMP_IF_TRUE_OR_POP(frame, sp, thread) {
        jump_or_pop::<true>(frame, sp, thread)
    }
);

stencil!(
    /// `COPY 1; POP_JUMP_IF_FALSE; POP_TOP`: `a and b` as a value ([`jump_or_pop`]).
    JUMP_IF_FALSE_OR_POP(frame, sp, thread) {
        jump_or_pop::<false>(frame, sp, thread)
    }
);

// ---- `if x:` / `if x is None:` with `x` a local: `LOAD_FAST` + the conditional jump, the
// ---- local (at byte offset `OPERAND0`) tested where it lives, with no reference taken. A
// ---- value whose truth takes a call is pushed, and the jump goes on as the unfused stencil
// ---- (`OPARG`: its code unit), raising there.

/// `LOAD_FAST` + `POP_JUMP_IF_TRUE` (`IF_TRUE`) / `POP_JUMP_IF_FALSE`.
#[inline(always)]
unsafe fn jump_if_local<const IF_TRUE: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
    let truth = match kernels::inline_truth(&*(*frame).base.byte_add(operand0() as usize)) {
        Some(t) => t,
        None => {
            sp.write((*(*frame).base.byte_add(operand0() as usize)).clone());
            match pop_truth(frame, sp.add(1)) {
                Some(t) => t,
                None => return _JIT_ERROR(frame, sp, thread),
            }
        }
    };
    if truth == IF_TRUE {
        return _JIT_JUMP_TARGET(frame, sp, thread);
    }
    _JIT_CONTINUE(frame, sp, thread)
}

stencil!(
    /// `LOAD_FAST` + `POP_JUMP_IF_TRUE`.
    POP_JUMP_IF_TRUE__L(frame, sp, thread) {
        jump_if_local::<true>(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_FAST` + `POP_JUMP_IF_FALSE`.
    POP_JUMP_IF_FALSE__L(frame, sp, thread) {
        jump_if_local::<false>(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_FAST` + `POP_JUMP_IF_NONE`.
    POP_JUMP_IF_NONE__L(frame, sp, thread) {
        if (*(*frame).base.byte_add(operand0() as usize)).is_none() {
            return _JIT_JUMP_TARGET(frame, sp, thread);
        }
        _JIT_CONTINUE(frame, sp, thread)
    }
);

stencil!(
    /// `LOAD_FAST` + `POP_JUMP_IF_NOT_NONE`.
    POP_JUMP_IF_NOT_NONE__L(frame, sp, thread) {
        if !(*(*frame).base.byte_add(operand0() as usize)).is_none() {
            return _JIT_JUMP_TARGET(frame, sp, thread);
        }
        _JIT_CONTINUE(frame, sp, thread)
    }
);

stencil!(
    /// `JUMP_BACKWARD`: to `_JIT_JUMP_TARGET`, unless a signal is pending (the byte at
    /// `OPERAND0`, tier 1's flag), in which case tier 1 runs the jump and handles it.
    JUMP_BACKWARD(frame, sp, thread) {
        if core::ptr::read_volatile(operand0() as *const u8) != 0 {
            return _JIT_DEOPT(frame, sp, thread);
        }
        _JIT_JUMP_TARGET(frame, sp, thread)
    }
);

stencil!(
    /// `JUMP_FORWARD` (and any unconditional jump).
    JUMP(frame, sp, thread) {
        _JIT_JUMP_TARGET(frame, sp, thread)
    }
);

stencil!(
    /// Leaves compiled code: stores `sp` and `ip = OPARG` in the frame and returns the exit
    /// code `OPERAND0` (an [`exit`] constant). The target of deopt and error holes.
    EXIT(frame, sp, thread) {
        let _ = thread;
        (*frame).sp = sp;
        (*frame).ip = oparg();
        operand0()
    }
);

// ---- Calls and returns between Python functions. A runtime helper pushes or pops the frame
// ---- exactly as tier 1 does; the stencil then tail-calls the compiled code of the frame now
// ---- on top, so a chain of Python calls in compiled code never grows the native stack (the
// ---- frame stack holds the frames, and its depth check raises `RecursionError`).

extern "C" {
    /// `CALL_PY_EXACT_ARGS` / `CALL_BOUND_METHOD_EXACT_ARGS` (bit 0 of `next_bound`) with `n`
    /// arguments, at code unit `at`, returning to code unit `next_bound >> 1`, whose compiled
    /// code starts at `ret`.
    fn apy_call_py_exact(
        frame: *mut Frame,
        sp: *mut Value,
        n: usize,
        at: usize,
        next_bound: usize,
        ret: usize,
    ) -> Transfer;
    /// A plain return of the value on top (`konst` null) or of the constant at `konst`.
    fn apy_return(frame: *mut Frame, sp: *mut Value, konst: *const Value) -> Transfer;
    /// `CALL_ALLOC_AND_ENTER_INIT` with `n` arguments, at code unit `at`, returning to code
    /// unit `next`.
    fn apy_call_alloc_and_init(
        frame: *mut Frame,
        sp: *mut Value,
        n: usize,
        at: usize,
        next: usize,
    ) -> Transfer;
}

/// Goes on in the frame a helper left on top: its compiled entry, or tier 1.
#[inline(always)]
unsafe fn transfer(t: Transfer, thread: *mut ThreadState) -> Exit {
    if t.entry == 0 {
        return exit::SWITCH;
    }
    let entry: JitFn = core::mem::transmute(t.entry);
    entry(t.frame, (*t.frame).sp, thread)
}

stencil!(
    /// `CALL_PY_EXACT_ARGS` / `CALL_BOUND_METHOD_EXACT_ARGS` with `OPARG` arguments; `OPERAND0`
    /// is the instruction's code unit, `OPERAND1` the next one's `<< 1`, plus 1 for the bound
    /// form. A callable of another kind exits to tier 1 at the instruction.
    CALL_PY_EXACT(frame, sp, thread) {
        let t = apy_call_py_exact(
            frame,
            sp,
            oparg(),
            operand0() as usize,
            operand1() as usize,
            continue_addr(),
        );
        if t.frame.is_null() {
            if t.entry == 0 {
                return _JIT_DEOPT(frame, sp, thread);
            }
            return exit::ERROR;
        }
        transfer(t, thread)
    }
);

stencil!(
    /// `CALL_ALLOC_AND_ENTER_INIT` with `OPARG` arguments (`Cls(args)` for a class with a
    /// Python `__init__`) through `apy_call_alloc_and_init`; `OPERAND0` is the instruction's
    /// code unit, `OPERAND1` the next one's. A call the specialization does not fit exits to
    /// tier 1 at the instruction.
    CALL_ALLOC_AND_ENTER_INIT(frame, sp, thread) {
        let t = apy_call_alloc_and_init(frame, sp, oparg(), operand0() as usize, operand1() as usize);
        if t.frame.is_null() {
            if t.entry == 0 {
                return _JIT_DEOPT(frame, sp, thread);
            }
            return exit::ERROR;
        }
        transfer(t, thread)
    }
);

/// The [`CallInfo`] of the code object whose payload is at `code`, at `off` in it.
#[inline(always)]
unsafe fn call_info<'a>(code: *const u8, off: usize) -> &'a CallInfo {
    &*(code.add(off) as *const CallInfo)
}

/// The payload address of the heap object held by the value at `p` (a dict or code object).
#[inline(always)]
unsafe fn payload_at<T>(p: *const u8) -> *const T {
    abi::payload_of::<T>((*(p as *const Value)).obj_ptr())
}

stencil!(
    /// `CALL_PY_EXACT_ARGS` with `OPARG & 0xffff_ffff` arguments: `OPARG >> 32` is the
    /// offset of a code object's [`CallInfo`], `OPERAND0` the instruction's code unit | the
    /// next one's `<< 32`, `OPERAND1` the `function` type. When the callable is a function
    /// whose code is compiled and takes exactly these arguments, and the frame fits, pushes
    /// the callee's frame here (as `vm::call::push_frame_exact` does, but for the arguments,
    /// which stay where they are: the frame's locals start at the first one, above the
    /// callable slots) with this call's continuation as its return point, and goes on in
    /// the callee's compiled code. Anything
    /// else jumps to `_JIT_JUMP_TARGET`: a `CALL_PY_SLOW` placed out of line (so that this
    /// path calls nothing and saves no registers).
    CALL_PY_INLINE(frame, sp, thread) {
        call_py_inline::<false>(frame, sp, thread)
    }
);

stencil!(
    /// `CALL_PY_INLINE` where the compiler knows the slot below the callable holds NULL (it
    /// was pushed by a `LOAD_GLOBAL` with its NULL bit: `f(...)`).
    CALL_PY_INLINE__NULL(frame, sp, thread) {
        call_py_inline::<true>(frame, sp, thread)
    }
);

/// The body of `CALL_PY_INLINE`; `KNOWN_NULL` when the compiler knows the call is not of a
/// bound method (`[NULL, callable, args...]`).
#[inline(always)]
unsafe fn call_py_inline<const KNOWN_NULL: bool>(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
) -> Exit {
        let n = oparg() & 0xffff_ffff;
        let off = oparg() >> 32;
        let base = sp.sub(n + 2);
        let (fslot, nargs) = if KNOWN_NULL || (*base).is_null() {
            (base.add(1), n)
        } else {
            (base, n + 1)
        };
        let fv = &*fslot;
        if !(fv.is_obj() && (*fv.obj_ptr()).ty as u64 == operand1()) {
            return _JIT_JUMP_TARGET(frame, sp, thread);
        }
        let fobj = fv.obj_ptr() as *const u8;
        let code: *const abi::Code = payload_at(fobj.add(abi::function_offsets::CODE));
        let info = call_info(code as *const u8, off);
        let entry = info.entry.get();
        let ts = &mut *thread;
        let len = ts.frames.len;
        let fbase = sp.sub(nargs);
        if entry == 0
            || info.nargs.get() != nargs
            || len >= ts.recursion_limit
            || len >= ts.frames.cap
            || (ts.arena_end as usize - fbase as usize) / core::mem::size_of::<Value>()
                <= info.frame_size.get()
        {
            return _JIT_JUMP_TARGET(frame, sp, thread);
        }
        // Past the guards nothing fails. What follows reloads what it needs (volatile reads)
        // instead of keeping the guards' values live: all of them at once took the stencil
        // six callee-saved registers, pushed and popped on every call.
        let at = (operand0() & 0xffff_ffff) as usize;
        (*frame).ip = (operand0() >> 32) as usize;
        (*frame).lasti = at;
        (*frame).raise_at = at;
        (*frame).sp = base;
        // The running frame is the top one: the callee's header goes right above it. The
        // callable's reference moves into it (its slot, and the NULL below it, belong to
        // neither frame now).
        let callee = frame.add(1);
        let func = Value::read_split(fslot);
        let fobj = func.payload as *const u8;
        addr_of_mut!((*callee).func).write(func);
        let code: *const abi::Code = payload_at(fobj.add(abi::function_offsets::CODE));
        addr_of_mut!((*callee).code).write(code);
        addr_of_mut!((*callee).globals).write(payload_at(fobj.add(abi::function_offsets::GLOBALS)));
        addr_of_mut!((*callee).builtins)
            .write(payload_at(fobj.add(abi::function_offsets::BUILTINS)));
        let info = call_info(code as *const u8, off);
        addr_of_mut!((*callee).base).write(fbase);
        // The other locals start unbound. (Volatile stores: a few slots, which LLVM would
        // otherwise turn into a call to memset through the GOT.)
        let locals_end = fbase.add(core::ptr::read_volatile(info.nlocalsplus.as_ptr()));
        let mut dst = sp;
        while dst < locals_end {
            core::ptr::write_volatile(dst, Value::NULL);
            dst = dst.add(1);
        }
        addr_of_mut!((*callee).sp).write(locals_end);
        addr_of_mut!((*callee).ip).write(0);
        addr_of_mut!((*callee).locals).write(Value::NULL);
        addr_of_mut!((*callee).lasti).write(0);
        addr_of_mut!((*callee).raise_at).write(0);
        addr_of_mut!((*callee).is_entry).write(false);
        addr_of_mut!((*callee).jit_resume).write(false);
        addr_of_mut!((*callee).kwnames_pending).write(0);
        addr_of_mut!((*callee).gen).write(core::ptr::null());
        addr_of_mut!((*callee).init_self).write(Value::NULL);
        // The return point, while this code is its code object's current code.
        let ret = continue_addr();
        let owned = call_info((*frame).code as *const u8, off).owns(ret);
        addr_of_mut!((*callee).jit_ret).write(if owned { ret } else { 0 });
        let len = core::ptr::read_volatile(addr_of_mut!((*thread).frames.len));
        (*thread).frames.len = len + 1;
        let entry: JitFn = core::mem::transmute(core::ptr::read_volatile(info.entry.as_ptr()));
        entry(callee, locals_end, thread)
}

stencil!(
    /// The slow path of `CALL_PY_INLINE` (same holes), placed out of line: the call through
    /// `apy_call_py_exact`, as `CALL_PY_EXACT` makes it, with no stored return point.
    CALL_PY_SLOW(frame, sp, thread) {
        let n = oparg() & 0xffff_ffff;
        let (at, next) = ((operand0() & 0xffff_ffff) as usize, (operand0() >> 32) as usize);
        let t = apy_call_py_exact(frame, sp, n, at, next << 1, 0);
        if t.frame.is_null() {
            if t.entry == 0 {
                return _JIT_DEOPT(frame, sp, thread);
            }
            return exit::ERROR;
        }
        transfer(t, thread)
    }
);

stencil!(
    /// `RETURN_VALUE` at code unit `OPARG` (`OPERAND0` 0), of a frame that a compiled call
    /// pushed (its `jit_ret` set: a plain function frame): pops it here, as
    /// `FrameStack::pop_plain` does, and goes on at its return point. The references it drops
    /// are not the last ones; at one that is (a finalizer would run), and for any other frame,
    /// it jumps to `_JIT_JUMP_TARGET`, a `RETURN` placed out of line, with the locals it
    /// dropped so far NULL.
    RETURN_INLINE(frame, sp, thread) {
        return_inline(frame, sp, thread, false)
    }
);

stencil!(
    /// `RETURN_CONST` as `RETURN_INLINE` returns the value on top: `OPERAND0` is the
    /// constant's address.
    RETURN_CONST_INLINE(frame, sp, thread) {
        return_inline(frame, sp, thread, true)
    }
);

stencil!(
    /// `LOAD_FAST` + `RETURN_VALUE` (`return x`): the local at byte offset `OPERAND0` is moved out (it is
    /// about to be dropped with the frame: no new reference) and returned as `RETURN_INLINE`
    /// returns the value on top, but straight into the caller's stack; off the inline path
    /// it is pushed first, as the `LOAD_FAST` would have.
    RETURN_INLINE__L(frame, sp, thread) {
        let local = (*frame).base.byte_add(operand0() as usize);
        let v = Value::read_split(local);
        local.write(Value::NULL);
        if drop_frame_inline(frame, sp) {
            return return_to_caller(frame, v, thread);
        }
        sp.write(v);
        _JIT_JUMP_TARGET(frame, sp.add(1), thread)
    }
);

/// The first part of `RETURN_INLINE` for a frame whose values below `top` are all its
/// locals and stack but the returned value: drops them and the function's reference, unless
/// the frame was not pushed by a compiled call or a reference dropped would be the last one
/// (a finalizer would run). `false` then, with the values dropped so far NULL.
#[inline(always)]
unsafe fn drop_frame_inline(frame: *mut Frame, top: *mut Value) -> bool {
    if (*frame).jit_ret == 0 {
        return false;
    }
    let mut p = (*frame).base;
    while p < top {
        let v = &mut *p;
        if v.is_obj() {
            let h = &*v.obj_ptr();
            let n = h.refcnt.get();
            if n == 1 {
                return false;
            }
            h.refcnt.set(n - 1);
            v.tag = abi::tag::NULL;
        }
        p = p.add(1);
    }
    // `locals` is NULL in a function frame; the function's reference goes.
    let h = &*(*frame).func.obj_ptr();
    let n = h.refcnt.get();
    if n == 1 {
        return false;
    }
    h.refcnt.set(n - 1);
    true
}

/// The end of `RETURN_INLINE`: pops `frame` (dropped by [`drop_frame_inline`]), pushes `v`
/// on its caller's stack and goes on at the frame's return point.
#[inline(always)]
unsafe fn return_to_caller(frame: *mut Frame, v: Value, thread: *mut ThreadState) -> Exit {
    let ret = (*frame).jit_ret;
    (*thread).frames.len -= 1;
    let caller = frame.sub(1);
    let csp = (*caller).sp;
    csp.write(v);
    let csp = csp.add(1);
    (*caller).sp = csp;
    let entry: JitFn = core::mem::transmute(ret);
    entry(caller, csp, thread)
}

/// The body of `RETURN_INLINE`: returns the value on top, or the constant at `OPERAND0` when
/// `konst`.
#[inline(always)]
unsafe fn return_inline(
    frame: *mut Frame,
    sp: *mut Value,
    thread: *mut ThreadState,
    konst: bool,
) -> Exit {
    let top = if konst { sp } else { sp.sub(1) };
    if !drop_frame_inline(frame, top) {
        return _JIT_JUMP_TARGET(frame, sp, thread);
    }
    let v = if konst {
        (*(operand0() as *const Value)).clone()
    } else {
        Value::read_split(top)
    };
    return_to_caller(frame, v, thread)
}

stencil!(
    /// `RETURN_VALUE` / `RETURN_CONST` (holes as `RETURN_INLINE`) through `apy_return`: any
    /// frame that returns plainly; one that does not exits to tier 1 at the instruction.
    RETURN(frame, sp, thread) {
        let t = apy_return(frame, sp, operand0() as *const Value);
        if t.frame.is_null() {
            (*frame).sp = sp;
            (*frame).ip = oparg();
            return exit::DEOPT;
        }
        transfer(t, thread)
    }
);
