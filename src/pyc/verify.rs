//! The bytecode verifier: every code object is checked when the marshal
//! reader builds it (see [`verify`]), so no `.pyc`, marshal string or
//! compiler output reaches the eval loop unchecked.
//!
//! What it checks, in one pass over the exception table and one over the
//! instructions that also walks the control-flow graph (a worklist finishes
//! the walk for the few blocks first reached by a backward jump):
//!
//! 1. **Instructions.** Each instruction is up to three `EXTENDED_ARG`
//!    prefixes, an opcode that CPython 3.12 writes to a `.pyc` (no CACHE,
//!    specialized, instrumented or pseudo opcode) and the opcode's inline
//!    cache units, which must all be inside `co_code` and zero (CPython writes
//!    them zeroed; the specializer then owns them).
//! 2. **Operands.** Locals (`LOAD_FAST`, `STORE_DEREF`, `MAKE_CELL`, ...) are
//!    below `co_nlocalsplus`; constants (`LOAD_CONST`, `RETURN_CONST`,
//!    `KW_NAMES`) below `len(co_consts)`, and a `KW_NAMES` constant is a tuple
//!    of str, directly followed by a `CALL` with at least that many
//!    arguments; names (`LOAD_NAME`, `LOAD_ATTR >> 1`, `LOAD_GLOBAL >> 1`,
//!    `LOAD_SUPER_ATTR >> 2`, ...) below `len(co_names)`; `COPY_FREE_VARS` at
//!    most the number of free variables; every relative jump lands on the
//!    first unit of an instruction, and `FOR_ITER`'s on an `END_FOR` (its
//!    exhausted path skips it); and the enumerated operands the eval loop
//!    dispatches on are in their range (`BINARY_OP`, `COMPARE_OP`,
//!    `CALL_INTRINSIC_1/2`, `BUILD_SLICE`, `RAISE_VARARGS`, `FORMAT_VALUE`,
//!    `MAKE_FUNCTION`, `RESUME`, `COPY`, `SWAP`, `LIST_APPEND`, ...).
//! 3. **Exception table.** It decodes; its entries are sorted, disjoint and
//!    inside `co_code`; each handler starts an instruction and its depth plus
//!    the pushed `lasti` and exception fits in `co_stacksize`.
//! 4. **Stack depth.** An abstract interpretation from offset 0 and from every
//!    handler (at depth `depth + lasti + 1`), with the 3.12 stack effect of
//!    every instruction on both its fall-through and its jump edge: no
//!    instruction pops or reads below the bottom of the stack (`COPY n` and
//!    `SWAP n` need `n` values, `LIST_APPEND n` `n + 1`, ...), the depth never
//!    exceeds `co_stacksize`, every path into an instruction agrees on the
//!    depth, no reachable instruction falls off the end of `co_code`, and an
//!    instruction covered by a handler can only raise with at least the
//!    handler's depth on the stack (the unwinder pops down to that depth; it
//!    cannot push up to it).
//!
//! What the eval loop may rely on afterwards: every local, constant and name
//! oparg indexes inside its table; every jump, handler and `FOR_ITER`/`SEND`
//! return offset lands on an instruction; the instruction after any
//! instruction that does not end its block exists (so reading the next
//! instruction to fuse it is in bounds); and the value stack stays within
//! `[0, co_stacksize]` on every path. This holds for the specialized forms
//! too: the specializer rewrites opcodes in place but keeps every oparg and
//! inline-cache size. It may *not* rely on the types of stack values or on
//! locals being bound: those are run-time facts (`LOAD_FAST` of an unbound
//! local, a non-cell in a cell slot, a non-list under `LIST_APPEND`, the
//! `lasti` that `RERAISE` reads from the stack are not checked here).
//!
//! Unreachable instructions get the instruction and operand checks but not
//! the stack checks (no path reaches them, as CPython leaves a few behind).
//!
//! Cost: the verifier keeps a `u32` and two bits per code unit and decodes
//! each instruction once, through a table (`OPS`) of what every opcode does:
//! about 150 machine instructions per bytecode instruction, 4.5 ns per byte
//! of bytecode (CPython 3.12's `Lib/` compiled: 36 MB of bytecode in 160 ms).

use super::code::RawCode;
use super::exctable::{self, ExceptionEntry};
use super::marshal::Obj;
use crate::vm::opcodes::*;

/// Checks `code` (but not the code objects among its constants, which the
/// reader verifies as it builds them). On failure returns what is wrong and
/// where, e.g. `co_code[12]: LOAD_CONST 200 out of range (co_consts has 2
/// items) in 'f'`; offsets are byte offsets into `co_code`, as `dis` prints
/// them. Runs in time linear in the size of the code object.
pub fn verify(code: &RawCode) -> Result<(), String> {
    // Marshal data holds at most an i32's worth of co_code: its units fit in
    // a u32, and so do the bit set words after them.
    let n = match u32::try_from(code.code_units()) {
        Ok(n) if n <= u32::MAX / 4 => n,
        _ => return Err(format!("co_code is too long in '{}'", code.qualname)),
    };
    let words = n.div_ceil(32);
    let mut info = vec![UNSEEN; n as usize];
    info.resize(n as usize + 2 * words as usize, 0);
    let mut v = Verifier {
        code,
        n,
        info,
        words,
        entries: Vec::new(),
        work: Vec::new(),
    };
    // The entry point, then the handlers.
    v.reach(0, 0, 0, 0)?;
    v.exception_table()?;
    v.sweep()?;
    v.check_targets()?;
    v.drain()
}

/// Whether `op` is an instruction CPython 3.12 writes to a `.pyc`: a base
/// opcode, not `CACHE`, `RESERVED`, `INTERPRETER_EXIT`, a specialized or an
/// instrumented form. (`EXTENDED_ARG` is one: a prefix.)
pub fn is_pyc_opcode(op: u8) -> bool {
    op == EXTENDED_ARG || OPS[op as usize].valid
}

/// The net stack effect the verifier gives `op` with oparg `arg`, or `None`
/// when that is not a valid instruction (see [`is_pyc_opcode`]; an operand
/// out of its range, e.g. `BUILD_SLICE 4`). Every 3.12 instruction has the
/// same effect whether or not it jumps. This is `dis.stack_effect(op, arg)`
/// except for `RETURN_GENERATOR`: +1 here, for the value sent by the first
/// resumption, which the `POP_TOP` after it removes (CPython's compiler
/// counts its depth before inserting that prefix).
pub fn stack_effect(op: u8, arg: u32) -> Option<i64> {
    let info = &OPS[op as usize];
    if !info.valid || arg_error(op, arg, info).is_some() {
        return None;
    }
    let (pops, pushes) = info.counts(arg);
    Some(pushes as i64 - pops as i64)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Forward,
    Backward,
}

/// Where control goes after an instruction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    /// To the next instruction.
    Next,
    /// To the next instruction or the jump target (same stack effect).
    Branch(Dir),
    /// Only to the jump target.
    Jump(Dir),
    /// Nowhere in this frame (return, raise).
    Stop,
}

/// How low the stack can be when an instruction raises, for the
/// exception-table check.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Raise {
    /// The instruction cannot raise.
    Never,
    /// It may raise once all its inputs (`pops`) are gone.
    Inputs,
    /// It may raise with only this many of its inputs gone (the others stay
    /// in place under its outputs).
    Gone(u8),
    /// A suspension point (`YIELD_VALUE`, `RETURN_GENERATOR`): an exception
    /// thrown in (`gen.throw()`) is raised after the resumption pushed the
    /// sent value, i.e. at the depth after the instruction.
    AfterResume,
}

/// Which table of the code object an oparg indexes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    /// The oparg indexes nothing.
    NoIndex,
    /// `co_localsplusnames` (fast locals, cells, free variables).
    Locals,
    Consts,
    Names,
    /// A count of free variables (`COPY_FREE_VARS`), at most `co_nfreevars`.
    Frees,
}

/// What the stack counts of an instruction scale with (see [`OpInfo`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum X {
    Zero,
    Arg,
    /// `arg & 1` (the NULL or `self` of `LOAD_ATTR`, `LOAD_GLOBAL`, ...).
    Bit0,
    /// `arg & 4 != 0` (`FORMAT_VALUE` with a format spec).
    Bit2,
    /// Number of flags in `arg & 0xf` (`MAKE_FUNCTION`'s extra inputs).
    Flags,
    /// `(arg & 0xff) + (arg >> 8)` (`UNPACK_EX`'s targets before and after
    /// the starred one).
    UnpackEx,
}

/// What the verifier knows of one opcode: whether CPython writes it to a
/// `.pyc`, which table its oparg indexes (as `arg >> shift`) and which
/// opargs are valid, and its use of the value stack: it needs
/// `pops = p0 + pm * x` values (popped, or read in place: `COPY n` needs
/// `n`) and leaves `pushes = q0 + qm * x` in their place, `x` being
/// computed from the oparg as [`X`] says. The counts are our eval loop's,
/// which match CPython's (see [`stack_effect`]).
#[derive(Clone, Copy)]
struct OpInfo {
    valid: bool,
    /// Inline cache units after the opcode.
    caches: u8,
    table: Table,
    shift: u8,
    /// The valid opargs are `lo..=lo + span`.
    lo: u32,
    span: u32,
    /// Needs a check of its own (`COMPARE_OP`'s outcome bits, `KW_NAMES`)
    /// or computes `x` other than as `arg >> xshift & xmask`.
    special: bool,
    p0: u8,
    pm: u8,
    q0: u8,
    qm: u8,
    x: X,
    xshift: u8,
    xmask: u32,
    raise: Raise,
    flow: Flow,
}

/// An opcode CPython does not write to a `.pyc`.
const INVALID: OpInfo = OpInfo {
    valid: false,
    ..op(0, 0)
};

/// An ordinary instruction: needs `p0` values, leaves `q0`, may raise once
/// its inputs are gone, goes on to the next instruction.
const fn op(p0: u8, q0: u8) -> OpInfo {
    OpInfo {
        valid: true,
        caches: 0,
        table: Table::NoIndex,
        shift: 0,
        lo: 0,
        span: u32::MAX,
        special: false,
        p0,
        pm: 0,
        q0,
        qm: 0,
        x: X::Zero,
        xshift: 0,
        xmask: 0,
        raise: Raise::Inputs,
        flow: Flow::Next,
    }
}

impl OpInfo {
    /// Cannot raise.
    const fn quiet(self) -> OpInfo {
        OpInfo {
            raise: Raise::Never,
            ..self
        }
    }
    /// May raise with only `gone` of its inputs removed.
    const fn keeps(self, gone: u8) -> OpInfo {
        OpInfo {
            raise: Raise::Gone(gone),
            ..self
        }
    }
    /// A suspension point (see [`Raise::AfterResume`]).
    const fn resumes(self) -> OpInfo {
        OpInfo {
            raise: Raise::AfterResume,
            ..self
        }
    }
    /// Needs `pm * x` more values and leaves `qm * x` more.
    const fn per(self, x: X, pm: u8, qm: u8) -> OpInfo {
        let (xshift, xmask, special) = match x {
            X::Zero => (0, 0, self.special),
            X::Arg => (0, u32::MAX, self.special),
            X::Bit0 => (0, 1, self.special),
            X::Bit2 => (2, 1, self.special),
            X::Flags | X::UnpackEx => (0, 0, true),
        };
        OpInfo {
            x,
            pm,
            qm,
            xshift,
            xmask,
            special,
            ..self
        }
    }
    /// Has a check of its own (see `special`).
    const fn special(self) -> OpInfo {
        OpInfo {
            special: true,
            ..self
        }
    }
    /// The oparg, shifted right by `shift`, indexes `table`.
    const fn index(self, table: Table, shift: u8) -> OpInfo {
        OpInfo {
            table,
            shift,
            ..self
        }
    }
    /// The valid opargs are `lo..=hi`.
    const fn args(self, lo: u32, hi: u32) -> OpInfo {
        OpInfo {
            lo,
            span: hi - lo,
            ..self
        }
    }
    const fn flow(self, flow: Flow) -> OpInfo {
        OpInfo { flow, ..self }
    }

    /// `(pops, pushes)` for oparg `arg` (see [`OpInfo`]).
    #[inline(always)]
    fn counts(&self, arg: u32) -> (u64, u64) {
        let x = if self.special {
            match self.x {
                X::Zero => 0,
                X::Arg => arg as u64,
                X::Bit0 => (arg & 1) as u64,
                X::Bit2 => (arg >> 2 & 1) as u64,
                X::Flags => (arg & 0xf).count_ones() as u64,
                X::UnpackEx => (arg & 0xff) as u64 + (arg >> 8) as u64,
            }
        } else {
            (arg >> self.xshift & self.xmask) as u64
        };
        (
            self.p0 as u64 + self.pm as u64 * x,
            self.q0 as u64 + self.qm as u64 * x,
        )
    }

    /// Whether the instruction has a jump target.
    fn jumps(&self) -> bool {
        matches!(self.flow, Flow::Branch(_) | Flow::Jump(_))
    }
}

/// The opcode table: what every CPython 3.12 instruction does, for the
/// verifier. Opcodes not listed are invalid in a `.pyc` (`EXTENDED_ARG` is
/// decoded as a prefix before the table is consulted).
static OPS: [OpInfo; 256] = {
    use Dir::{Backward, Forward};
    use Table::{Consts, Frees, Locals, Names};
    let mut t = [INVALID; 256];
    // Cannot raise.
    t[NOP as usize] = op(0, 0).quiet();
    t[KW_NAMES as usize] = op(0, 0).quiet().index(Consts, 0).special();
    t[COPY_FREE_VARS as usize] = op(0, 0).quiet().index(Frees, 0);
    t[MAKE_CELL as usize] = op(0, 0).quiet().index(Locals, 0);
    t[POP_TOP as usize] = op(1, 0).quiet();
    t[POP_EXCEPT as usize] = op(1, 0).quiet();
    t[PUSH_NULL as usize] = op(0, 1).quiet();
    t[LOAD_ASSERTION_ERROR as usize] = op(0, 1).quiet();
    t[LOAD_FAST as usize] = op(0, 1).quiet().index(Locals, 0);
    t[LOAD_FAST_AND_CLEAR as usize] = op(0, 1).quiet().index(Locals, 0);
    t[LOAD_CLOSURE as usize] = op(0, 1).quiet().index(Locals, 0);
    t[LOAD_CONST as usize] = op(0, 1).quiet().index(Consts, 0);
    t[STORE_FAST as usize] = op(1, 0).quiet().index(Locals, 0);
    t[END_FOR as usize] = op(2, 0).quiet();
    t[END_SEND as usize] = op(2, 1).quiet();
    t[PUSH_EXC_INFO as usize] = op(1, 2).quiet();
    t[COPY as usize] = op(0, 1).per(X::Arg, 1, 1).quiet().args(1, u32::MAX);
    t[SWAP as usize] = op(0, 0).per(X::Arg, 1, 1).quiet().args(2, u32::MAX);
    t[MAKE_FUNCTION as usize] = op(1, 1).per(X::Flags, 1, 0).quiet().args(0, 15);
    t[RETURN_VALUE as usize] = op(1, 0).quiet().flow(Flow::Stop);
    t[RETURN_CONST as usize] = op(0, 0).quiet().flow(Flow::Stop).index(Consts, 0);
    t[JUMP_FORWARD as usize] = op(0, 0).quiet().flow(Flow::Jump(Forward));
    t[JUMP_BACKWARD_NO_INTERRUPT as usize] = op(0, 0).quiet().flow(Flow::Jump(Backward));
    t[POP_JUMP_IF_NONE as usize] = op(1, 0).quiet().flow(Flow::Branch(Forward));
    t[POP_JUMP_IF_NOT_NONE as usize] = op(1, 0).quiet().flow(Flow::Branch(Forward));
    // Raise once their inputs are gone.
    t[RESUME as usize] = op(0, 0).args(0, 3);
    t[SETUP_ANNOTATIONS as usize] = op(0, 0);
    t[DELETE_NAME as usize] = op(0, 0).index(Names, 0);
    t[DELETE_GLOBAL as usize] = op(0, 0).index(Names, 0);
    t[DELETE_FAST as usize] = op(0, 0).index(Locals, 0);
    t[DELETE_DEREF as usize] = op(0, 0).index(Locals, 0);
    t[LOAD_BUILD_CLASS as usize] = op(0, 1);
    t[LOAD_LOCALS as usize] = op(0, 1);
    t[LOAD_NAME as usize] = op(0, 1).index(Names, 0);
    t[LOAD_FAST_CHECK as usize] = op(0, 1).index(Locals, 0);
    t[LOAD_DEREF as usize] = op(0, 1).index(Locals, 0);
    t[LOAD_GLOBAL as usize] = op(0, 1).per(X::Bit0, 0, 1).index(Names, 1);
    t[STORE_NAME as usize] = op(1, 0).index(Names, 0);
    t[DELETE_ATTR as usize] = op(1, 0).index(Names, 0);
    t[STORE_GLOBAL as usize] = op(1, 0).index(Names, 0);
    t[STORE_DEREF as usize] = op(1, 0).index(Locals, 0);
    t[UNARY_NEGATIVE as usize] = op(1, 1);
    t[UNARY_NOT as usize] = op(1, 1);
    t[UNARY_INVERT as usize] = op(1, 1);
    t[GET_ITER as usize] = op(1, 1);
    t[GET_YIELD_FROM_ITER as usize] = op(1, 1);
    t[GET_AITER as usize] = op(1, 1);
    t[GET_AWAITABLE as usize] = op(1, 1).args(0, 2);
    t[CALL_INTRINSIC_1 as usize] = op(1, 1).args(1, 11);
    t[LOAD_FROM_DICT_OR_GLOBALS as usize] = op(1, 1).index(Names, 0);
    t[LOAD_FROM_DICT_OR_DEREF as usize] = op(1, 1).index(Locals, 0);
    t[LOAD_ATTR as usize] = op(1, 1).per(X::Bit0, 0, 1).index(Names, 1);
    t[FORMAT_VALUE as usize] = op(1, 1).per(X::Bit2, 1, 0).args(0, 7);
    t[UNPACK_SEQUENCE as usize] = op(1, 0).per(X::Arg, 0, 1);
    t[UNPACK_EX as usize] = op(1, 1).per(X::UnpackEx, 0, 1);
    t[BEFORE_ASYNC_WITH as usize] = op(1, 2);
    t[BEFORE_WITH as usize] = op(1, 2);
    t[BINARY_SUBSCR as usize] = op(2, 1);
    t[BINARY_OP as usize] = op(2, 1).args(0, 25);
    // The oparg's high bits are the comparison (checked with its outcome
    // bits by `arg_error`).
    t[COMPARE_OP as usize] = op(2, 1).special();
    t[IS_OP as usize] = op(2, 1).args(0, 1);
    t[CONTAINS_OP as usize] = op(2, 1).args(0, 1);
    t[IMPORT_NAME as usize] = op(2, 1).index(Names, 0);
    t[CALL_INTRINSIC_2 as usize] = op(2, 1).args(1, 4);
    t[CHECK_EG_MATCH as usize] = op(2, 2);
    t[DELETE_SUBSCR as usize] = op(2, 0);
    t[END_ASYNC_FOR as usize] = op(2, 0);
    t[STORE_ATTR as usize] = op(2, 0).index(Names, 0);
    t[BINARY_SLICE as usize] = op(3, 1);
    t[MATCH_CLASS as usize] = op(3, 1);
    t[LOAD_SUPER_ATTR as usize] = op(3, 1).per(X::Bit0, 0, 1).index(Names, 2);
    t[STORE_SUBSCR as usize] = op(3, 0);
    t[CLEANUP_THROW as usize] = op(3, 2);
    t[STORE_SLICE as usize] = op(4, 0);
    t[BUILD_TUPLE as usize] = op(0, 1).per(X::Arg, 1, 0);
    t[BUILD_LIST as usize] = op(0, 1).per(X::Arg, 1, 0);
    t[BUILD_SET as usize] = op(0, 1).per(X::Arg, 1, 0);
    t[BUILD_STRING as usize] = op(0, 1).per(X::Arg, 1, 0);
    t[BUILD_SLICE as usize] = op(0, 1).per(X::Arg, 1, 0).args(2, 3);
    t[BUILD_MAP as usize] = op(0, 1).per(X::Arg, 2, 0);
    t[BUILD_CONST_KEY_MAP as usize] = op(1, 1).per(X::Arg, 1, 0);
    t[CALL as usize] = op(2, 1).per(X::Arg, 1, 0);
    t[CALL_FUNCTION_EX as usize] = op(3, 1).per(X::Bit0, 1, 0).args(0, 1);
    t[RAISE_VARARGS as usize] = op(0, 0).per(X::Arg, 1, 0).args(0, 2).flow(Flow::Stop);
    t[JUMP_BACKWARD as usize] = op(0, 0).flow(Flow::Jump(Backward));
    t[POP_JUMP_IF_FALSE as usize] = op(1, 0).flow(Flow::Branch(Forward));
    t[POP_JUMP_IF_TRUE as usize] = op(1, 0).flow(Flow::Branch(Forward));
    // Raise with some inputs still in place under their outputs.
    t[GET_LEN as usize] = op(1, 2).keeps(0);
    t[MATCH_MAPPING as usize] = op(1, 2).keeps(0);
    t[MATCH_SEQUENCE as usize] = op(1, 2).keeps(0);
    t[IMPORT_FROM as usize] = op(1, 2).keeps(0).index(Names, 0);
    t[GET_ANEXT as usize] = op(1, 2).keeps(0);
    t[MATCH_KEYS as usize] = op(2, 3).keeps(0);
    t[CHECK_EXC_MATCH as usize] = op(2, 2).keeps(1);
    t[WITH_EXCEPT_START as usize] = op(4, 5).keeps(0);
    // The container `arg` deep under the popped value(s) stays.
    t[LIST_APPEND as usize] = op(1, 0).per(X::Arg, 1, 1).keeps(1).args(1, u32::MAX);
    t[SET_ADD as usize] = op(1, 0).per(X::Arg, 1, 1).keeps(1).args(1, u32::MAX);
    t[LIST_EXTEND as usize] = op(1, 0).per(X::Arg, 1, 1).keeps(1).args(1, u32::MAX);
    t[SET_UPDATE as usize] = op(1, 0).per(X::Arg, 1, 1).keeps(1).args(1, u32::MAX);
    t[DICT_UPDATE as usize] = op(1, 0).per(X::Arg, 1, 1).keeps(1).args(1, u32::MAX);
    t[MAP_ADD as usize] = op(2, 0).per(X::Arg, 1, 1).keeps(2).args(1, u32::MAX);
    // Also reads the callable 2 below the dict, for error messages.
    t[DICT_MERGE as usize] = op(3, 2).per(X::Arg, 1, 1).keeps(1).args(1, u32::MAX);
    // Pops the exception, leaving the `arg` values below it (the top one is
    // read as `lasti` when `arg` is not 0).
    t[RERAISE as usize] = op(1, 0).per(X::Arg, 1, 1).keeps(1).flow(Flow::Stop);
    // The iterator stays; the jump lands on the END_FOR with the iterator
    // and a value (a generator's return value), as CPython counts it.
    t[FOR_ITER as usize] = op(1, 2).keeps(0).flow(Flow::Branch(Forward));
    t[SEND as usize] = op(2, 2).keeps(1).flow(Flow::Branch(Forward));
    t[RETURN_GENERATOR as usize] = op(0, 1).resumes();
    t[YIELD_VALUE as usize] = op(1, 1).resumes();
    let mut i = 0;
    while i < 256 {
        t[i].caches = CACHE_ENTRIES[i];
        i += 1;
    }
    t
};

/// The outcome bits of each comparison (< <= == != > >=): unordered 1, less
/// 2, greater 4, equal 8. `COMPARE_OP`'s oparg is `cmp << 4 | mask`.
const COMPARE_MASKS: [u32; 6] = [2, 2 | 8, 8, 1 | 2 | 4, 4, 4 | 8];

/// Why `arg` is not a valid oparg of `op` (the valid range), if it is not.
#[inline(always)]
fn arg_error(op: u8, arg: u32, info: &OpInfo) -> Option<String> {
    if op == COMPARE_OP {
        if COMPARE_MASKS.get((arg >> 4) as usize) == Some(&(arg & 0xf)) {
            return None;
        }
        return Some("one of 2, 26, 40, 55, 68, 92".to_string());
    }
    if arg.wrapping_sub(info.lo) <= info.span {
        return None;
    }
    Some(match (info.lo, info.span) {
        (lo, span) if lo as u64 + span as u64 == u32::MAX as u64 => format!("at least {lo}"),
        (lo, 1) => format!("{lo} or {}", lo as u64 + 1),
        (lo, span) => format!("{lo}..={}", lo as u64 + span as u64),
    })
}

/// The depth in `Verifier::info` of a code unit no path reached (yet). A
/// depth is at most `co_stacksize`, an `i32`: always below it.
const UNSEEN: u32 = u32::MAX;

/// `queue_below` for [`Verifier::reach`] once the sweep is over: queue every
/// instruction first reached.
const EVERY: u32 = u32::MAX;

/// No exception-table entry.
const NONE: u32 = u32::MAX;

/// One decoded instruction.
#[derive(Clone, Copy)]
struct Instr {
    /// The code unit of the opcode (the one `lasti` and the exception table
    /// name), after its `EXTENDED_ARG` prefixes.
    at: u32,
    /// The code unit after its inline caches: the next instruction.
    end: u32,
    /// The full oparg, prefixes included.
    arg: u32,
    op: u8,
    info: &'static OpInfo,
}

impl Instr {
    /// The code unit of the jump target (`None` for one before the start of
    /// the code), if the instruction jumps.
    fn target(&self) -> Option<Option<u64>> {
        let next = self.end as u64;
        match self.info.flow {
            Flow::Branch(Dir::Forward) | Flow::Jump(Dir::Forward) => {
                Some(Some(next + self.arg as u64))
            }
            Flow::Branch(Dir::Backward) | Flow::Jump(Dir::Backward) => {
                Some(next.checked_sub(self.arg as u64))
            }
            Flow::Next | Flow::Stop => None,
        }
    }
}

/// The verifier's state for one code object: a `u32` and two bits per code
/// unit, in one allocation.
struct Verifier<'a> {
    code: &'a RawCode,
    /// Number of code units.
    n: u32,
    /// `n` depths, then two bit sets of `words` words each. Depth `u`: the
    /// stack depth on entry to the instruction starting at code unit `u`
    /// once a path reached it, else `UNSEEN`. Inner bit `u`: the sweep found
    /// `u` inside an instruction (a prefix after the first, an opcode after
    /// prefixes, an inline cache); every other unit it passed starts one.
    /// Target bit `u`: a jump or handler targets `u` (none may be inner).
    info: Vec<u32>,
    /// Words of each bit set: `n.div_ceil(32)`.
    words: u32,
    entries: Vec<ExceptionEntry>,
    /// Instructions first reached by a backward edge, after the sweep passed
    /// them: their code units.
    work: Vec<u32>,
}

impl Verifier<'_> {
    /// An error at code unit `unit`.
    #[cold]
    fn err(&self, unit: u32, what: impl std::fmt::Display) -> String {
        format!(
            "co_code[{}]: {what} in '{}'",
            2 * unit as u64,
            self.code.qualname
        )
    }

    /// An error about exception-table entry `i`.
    #[cold]
    fn entry_err(&self, i: usize, what: impl std::fmt::Display) -> String {
        let e = self.entries.get(i);
        let (start, end, target) = e.map_or((0, 0, 0), |e| (e.start, e.end, e.target));
        format!(
            "co_exceptiontable entry {i} (co_code[{}:{}] -> {}): {what} in '{}'",
            2 * start as u64,
            2 * end as u64,
            2 * target as u64,
            self.code.qualname
        )
    }

    /// Code unit `i` as (opcode, oparg byte), if inside the code.
    #[inline(always)]
    fn unit(&self, i: u32) -> Option<(u8, u8)> {
        let i = 2 * i as usize;
        match self.code.code.get(i..i + 2) {
            Some(&[op, arg]) => Some((op, arg)),
            _ => None,
        }
    }

    /// The instruction starting at code unit `start`; `None` when it is
    /// malformed (see [`Verifier::decode_error`] for why): more than three
    /// prefixes, no opcode after them, an opcode CPython does not write.
    /// Its caches are checked by the sweep.
    #[inline(always)]
    fn decode(&self, start: u32) -> Option<Instr> {
        let (mut op, byte) = self.unit(start)?;
        let mut arg = byte as u32;
        let mut at = start;
        while op == EXTENDED_ARG {
            if at - start == 3 {
                return None;
            }
            at += 1;
            let (o, b) = self.unit(at)?;
            (op, arg) = (o, arg << 8 | b as u32);
        }
        let info = &OPS[op as usize];
        if !info.valid {
            return None;
        }
        Some(Instr {
            at,
            end: at + 1 + info.caches as u32,
            arg,
            op,
            info,
        })
    }

    /// Why [`Verifier::decode`] found no instruction at `start`.
    #[cold]
    #[inline(never)]
    fn decode_error(&self, start: u32) -> String {
        let mut at = start;
        while let Some((EXTENDED_ARG, _)) = self.unit(at) {
            if at - start == 3 {
                return self.err(at, "more than 3 EXTENDED_ARG prefixes");
            }
            at += 1;
        }
        match self.unit(at) {
            None => self.err(at.saturating_sub(1), "EXTENDED_ARG at the end of co_code"),
            Some((CACHE, _)) => self.err(at, "CACHE outside an inline cache"),
            Some((op @ INSTRUMENTED_LOAD_SUPER_ATTR..=INSTRUMENTED_LINE, _)) => self.err(
                at,
                format!("instrumented opcode {op} ({})", NAMES[op as usize]),
            ),
            Some((op, _)) => self.err(at, format!("invalid opcode {op}")),
        }
    }

    /// Decodes and checks the exception table, and enters each handler at
    /// its depth (its being an instruction start is checked by the sweep).
    fn exception_table(&mut self) -> Result<(), String> {
        self.entries = exctable::parse(&self.code.exceptiontable).map_err(|e| {
            let at = match e {
                super::PycError::BadMarshal { offset, .. } => offset,
                _ => 0,
            };
            format!(
                "co_exceptiontable: malformed entry at byte {at} in '{}'",
                self.code.qualname
            )
        })?;
        let n = self.n as u64;
        let mut prev_end = 0;
        for i in 0..self.entries.len() {
            let Some(&e) = self.entries.get(i) else {
                break;
            };
            if e.end as u64 > n {
                return Err(self.entry_err(i, "range runs past the end of co_code"));
            }
            if e.start < prev_end {
                return Err(self.entry_err(i, "entries out of order or overlapping"));
            }
            prev_end = e.end;
            if e.target as u64 >= n {
                return Err(self.entry_err(i, "handler is not the start of an instruction"));
            }
            let d = e.depth as u64 + e.lasti as u64 + 1;
            if d > self.code.stacksize as u64 {
                return Err(self.entry_err(
                    i,
                    format!(
                        "handler depth {d} (depth {}{} + exception) exceeds co_stacksize {}",
                        e.depth,
                        if e.lasti { " + lasti" } else { "" },
                        self.code.stacksize
                    ),
                ));
            }
            self.set_bits(1, e.target, e.target + 1);
            self.reach(e.target, d, e.target, 0)?;
        }
        Ok(())
    }

    /// Sets the bits `a..b` of bit set `set` (0: inner, 1: targets).
    #[inline(always)]
    fn set_bits(&mut self, set: u32, a: u32, b: u32) {
        let base = self.n as usize + (set * self.words) as usize;
        let mut u = a;
        while u < b {
            let (w, lo) = (u / 32, u % 32);
            let len = (b - u).min(32 - lo);
            let mask = ((1u64 << len) - 1) << lo;
            if let Some(word) = self.info.get_mut(base + w as usize) {
                *word |= mask as u32;
            }
            u += len;
        }
    }

    /// Whether an instruction starts at code unit `u`, which the sweep has
    /// passed.
    #[inline(always)]
    fn is_start(&self, u: u32) -> bool {
        u < self.n
            && self
                .info
                .get(self.n as usize + (u / 32) as usize)
                .is_some_and(|w| w >> (u % 32) & 1 == 0)
    }

    /// After the sweep: every jump and handler target starts an instruction.
    fn check_targets(&self) -> Result<(), String> {
        let (n, words) = (self.n as usize, self.words as usize);
        let inner = self.info.get(n..n + words).unwrap_or(&[]);
        let targets = self.info.get(n + words..).unwrap_or(&[]);
        for (w, (&i, &t)) in inner.iter().zip(targets).enumerate() {
            let bad = t & i;
            if bad != 0 {
                return Err(self.bad_target(w as u32 * 32 + bad.trailing_zeros()));
            }
        }
        Ok(())
    }

    /// The pass over the instructions in code order: decodes each one,
    /// checks its caches, operand and jump target, and, when a path reached
    /// it, its stack effect, passing the depth after it on to its
    /// successors. Most instructions are first reached by a fall-through or
    /// a forward jump, so the sweep handles them; one first reached by a
    /// backward jump is queued for [`Verifier::drain`].
    fn sweep(&mut self) -> Result<(), String> {
        let code = self.code;
        let n = self.n;
        // The bound of each table an oparg indexes, by `Table`.
        let limits: [u64; 5] = [
            u64::MAX,
            code.nlocalsplus() as u64,
            code.consts.len() as u64,
            code.names.len() as u64,
            code.nfrees() as u64 + 1,
        ];
        // The exception-table entry that may cover the next instruction,
        // the one covering the current one (or `NONE`), and the code unit
        // from which that may change.
        let (mut entry, mut handler, mut change) = (0, NONE, 0);
        let mut start = 0;
        while start < n {
            let Some(ins) = self.decode(start) else {
                return Err(self.decode_error(start));
            };
            let Instr { at, end, arg, .. } = ins;
            let info = ins.info;
            if info.caches != 0 || at != start {
                self.caches(&ins)?;
                self.set_bits(0, start + 1, end);
            }
            if arg.wrapping_sub(info.lo) > info.span {
                return Err(self.range_error(&ins));
            }
            let limit = limits.get(info.table as usize).copied().unwrap_or(0);
            if (arg >> info.shift) as u64 >= limit {
                return Err(self.operand_error(&ins, limit));
            }
            if info.special {
                self.special(&ins)?;
            }
            let target = if info.jumps() {
                self.jump_target(start, &ins)?
            } else {
                EVERY
            };
            if at >= change {
                (handler, change) = self.handler_at(at, &mut entry);
            }
            let depth = self.info.get(start as usize).copied().unwrap_or(UNSEEN);
            if depth != UNSEEN {
                self.step(&ins, depth, target, handler, end)?;
            }
            start = end;
        }
        Ok(())
    }

    /// The index of the exception-table entry covering code unit `at`
    /// (`NONE` if none does), and the unit before which that stays so.
    /// `entry` is the first entry that may cover `at` or a later unit.
    fn handler_at(&self, at: u32, entry: &mut usize) -> (u32, u32) {
        while self.entries.get(*entry).is_some_and(|e| e.end <= at) {
            *entry += 1;
        }
        match self.entries.get(*entry) {
            Some(e) if e.start <= at => (*entry as u32, e.end),
            Some(e) => (NONE, e.start),
            None => (NONE, u32::MAX),
        }
    }

    /// The checks of a `special` instruction: `COMPARE_OP`'s outcome bits,
    /// `KW_NAMES`.
    #[inline(never)]
    fn special(&self, ins: &Instr) -> Result<(), String> {
        match ins.op {
            COMPARE_OP => match arg_error(ins.op, ins.arg, ins.info) {
                Some(_) => Err(self.range_error(ins)),
                None => Ok(()),
            },
            KW_NAMES => self.kw_names(ins),
            _ => Ok(()),
        }
    }

    /// The error for an oparg outside its range.
    #[cold]
    #[inline(never)]
    fn range_error(&self, ins: &Instr) -> String {
        let range = arg_error(ins.op, ins.arg, ins.info).unwrap_or_default();
        self.err(
            ins.at,
            format!(
                "{} {} out of range ({range})",
                NAMES[ins.op as usize], ins.arg
            ),
        )
    }

    /// The inline caches of `ins` are inside the code and zero.
    #[inline(always)]
    fn caches(&self, ins: &Instr) -> Result<(), String> {
        let bytes = self
            .code
            .code
            .get(2 * (ins.at as usize + 1)..2 * ins.end as usize);
        match bytes {
            Some(b) if all_zero(b) => Ok(()),
            _ => Err(self.cache_error(ins)),
        }
    }

    #[cold]
    #[inline(never)]
    fn cache_error(&self, ins: &Instr) -> String {
        let name = NAMES[ins.op as usize];
        if ins.end > self.n {
            return self.err(
                ins.at,
                format!(
                    "{name} and its {} inline cache units run past the end of co_code",
                    ins.info.caches
                ),
            );
        }
        let u = (ins.at + 1..ins.end)
            .find(|&u| self.unit(u) != Some((0, 0)))
            .unwrap_or(ins.at);
        self.err(u, format!("inline cache unit of {name} is not zero"))
    }

    /// The error for the oparg of `ins`, an index at or past `limit`.
    #[cold]
    #[inline(never)]
    fn operand_error(&self, ins: &Instr, limit: u64) -> String {
        let Instr { at, arg, op, .. } = *ins;
        let name = NAMES[op as usize];
        let index = arg >> ins.info.shift;
        let table = match ins.info.table {
            Table::Locals => {
                return self.err(
                    at,
                    format!("{name} {arg} out of range (co_nlocalsplus is {limit})"),
                )
            }
            Table::Frees => "co_freevars",
            Table::Consts => "co_consts",
            _ => "co_names",
        };
        let len = if ins.info.table == Table::Frees {
            limit - 1
        } else {
            limit
        };
        if ins.info.shift == 0 {
            self.err(
                at,
                format!("{name} {arg} out of range ({table} has {len} items)"),
            )
        } else {
            self.err(
                at,
                format!("{name} {arg}: name index {index} out of range ({table} has {len} items)"),
            )
        }
    }

    /// `KW_NAMES`: a tuple of str, directly followed by the `CALL` that
    /// consumes it, which passes at least that many arguments (the call
    /// binds the last `len` arguments by name).
    #[cold]
    #[inline(never)]
    fn kw_names(&self, ins: &Instr) -> Result<(), String> {
        let Instr { at, arg, end, .. } = *ins;
        let names = match self.code.consts.get(arg as usize) {
            Some(Obj::Tuple(t)) if t.iter().all(|x| matches!(x, Obj::Str(_))) => t.len() as u64,
            _ => {
                return Err(self.err(
                    at,
                    format!("KW_NAMES {arg}: co_consts[{arg}] is not a tuple of str"),
                ))
            }
        };
        match self.decode(end) {
            Some(call) if call.op == CALL => {
                if names > call.arg as u64 {
                    return Err(self.err(
                        at,
                        format!(
                            "KW_NAMES {arg} names {names} keyword arguments but the CALL after it passes {}",
                            call.arg
                        ),
                    ));
                }
                Ok(())
            }
            _ => Err(self.err(at, "KW_NAMES is not followed by CALL")),
        }
    }

    /// The code unit of the jump target of `ins`, checked to be inside the
    /// code, to start an instruction (at once for a target the sweep passed,
    /// after the sweep for the others: see `check_targets`), and for `FOR_ITER`
    /// to be an `END_FOR` (the exhausted path lands after it).
    #[inline(always)]
    fn jump_target(&mut self, start: u32, ins: &Instr) -> Result<u32, String> {
        let Some(target) = ins.target() else {
            return Ok(EVERY);
        };
        let t = match target {
            Some(t) if t < self.n as u64 => t as u32,
            _ => return Err(self.jump_error(ins, target)),
        };
        if t > start {
            self.set_bits(1, t, t + 1);
        } else if !self.is_start(t) {
            return Err(self.bad_target(t));
        }
        if ins.op == FOR_ITER && self.unit(t).map(|u| u.0) != Some(END_FOR) {
            return Err(self.err(
                ins.at,
                format!(
                    "FOR_ITER {} jumps to co_code[{}], which is not END_FOR",
                    ins.arg,
                    2 * t
                ),
            ));
        }
        Ok(t)
    }

    /// The error for a jump of `ins` outside the code.
    #[cold]
    #[inline(never)]
    fn jump_error(&self, ins: &Instr, target: Option<u64>) -> String {
        let name = NAMES[ins.op as usize];
        let arg = ins.arg;
        match target {
            None => self.err(
                ins.at,
                format!("{name} {arg} jumps before the start of co_code"),
            ),
            Some(t) => self.err(
                ins.at,
                format!(
                    "{name} {arg} jumps to co_code[{}], past the end of co_code ({} bytes)",
                    2 * t,
                    2 * self.n as u64
                ),
            ),
        }
    }

    /// The error for code unit `u`, a jump or handler target, found inside
    /// an instruction: names the first jump (or else the first
    /// exception-table entry) that targets it.
    #[cold]
    #[inline(never)]
    fn bad_target(&self, u: u32) -> String {
        let mut start = 0;
        while let Some(ins) = self.decode(start) {
            if ins.target() == Some(Some(u as u64)) {
                return self.err(
                    ins.at,
                    format!(
                        "{} {} jumps to co_code[{}], which is not the start of an instruction",
                        NAMES[ins.op as usize],
                        ins.arg,
                        2 * u as u64
                    ),
                );
            }
            start = ins.end;
        }
        match self.entries.iter().position(|e| e.target == u) {
            Some(i) => self.entry_err(i, "handler is not the start of an instruction"),
            None => self.err(u, "jump target inside an instruction"),
        }
    }

    /// Processes the queued instructions (see [`Verifier::sweep`]).
    fn drain(&mut self) -> Result<(), String> {
        while let Some(start) = self.work.pop() {
            let Some(ins) = self.decode(start) else {
                return Err(self.decode_error(start));
            };
            // Checked by the sweep.
            let target = match ins.target() {
                Some(Some(t)) => t as u32,
                _ => EVERY,
            };
            let at = ins.at;
            let i = self.entries.partition_point(|e| e.end <= at);
            let handler = match self.entries.get(i) {
                Some(e) if e.start <= at => i as u32,
                _ => NONE,
            };
            let depth = self.info.get(start as usize).copied().unwrap_or(0);
            self.step(&ins, depth, target, handler, EVERY)?;
        }
        Ok(())
    }

    /// The stack part for instruction `ins` entered at `depth`: bounds, the
    /// handler's depth, and the successors (a successor first reached here
    /// is queued when its unit is below `queue_below`).
    #[inline(always)]
    fn step(
        &mut self,
        ins: &Instr,
        depth: u32,
        target: u32,
        handler: u32,
        queue_below: u32,
    ) -> Result<(), String> {
        let (pops, pushes) = ins.info.counts(ins.arg);
        let d = depth as u64;
        if d < pops {
            return Err(self.underflow(ins, pops, d));
        }
        let after = d - pops + pushes;
        if after > self.code.stacksize as u64 {
            return Err(self.overflow(ins, after));
        }
        if let Some(e) = self.entries.get(handler as usize) {
            let low = match ins.info.raise {
                Raise::Never => None,
                Raise::Inputs => Some(d - pops),
                Raise::Gone(n) => Some(d.saturating_sub(n as u64)),
                Raise::AfterResume => Some(after),
            };
            if let Some(low) = low.filter(|&l| l < e.depth as u64) {
                return Err(self.raise_too_low(ins, low, e));
            }
        }
        match ins.info.flow {
            Flow::Next => self.reach(ins.end, after, ins.at, queue_below),
            Flow::Branch(_) => {
                self.reach(ins.end, after, ins.at, queue_below)?;
                self.reach(target, after, ins.at, queue_below)
            }
            Flow::Jump(_) => self.reach(target, after, ins.at, queue_below),
            Flow::Stop => Ok(()),
        }
    }

    /// Records depth `d` on entry to the instruction at code unit `u`,
    /// reached from the instruction at unit `from`: the first time, queues
    /// it if `u < queue_below` (the sweep passed it); later, checks that
    /// the paths agree. `u` past the end means `from` falls off the end.
    #[inline(always)]
    fn reach(&mut self, u: u32, d: u64, from: u32, queue_below: u32) -> Result<(), String> {
        if u >= self.n {
            return Err(self.err(from, "falls off the end of co_code"));
        }
        let Some(slot) = self.info.get_mut(u as usize) else {
            return Err(self.err(from, "falls off the end of co_code"));
        };
        let old = *slot;
        if old == UNSEEN {
            // d <= co_stacksize < UNSEEN: the callers checked it.
            *slot = d as u32;
            if u < queue_below {
                self.work.push(u);
            }
            Ok(())
        } else if old as u64 != d {
            Err(self.mismatch(u, d, old, from))
        } else {
            Ok(())
        }
    }

    #[cold]
    #[inline(never)]
    fn underflow(&self, ins: &Instr, pops: u64, d: u64) -> String {
        self.err(
            ins.at,
            format!(
                "stack underflow: {} {} needs {pops} values, the stack has {d}",
                NAMES[ins.op as usize], ins.arg
            ),
        )
    }

    #[cold]
    #[inline(never)]
    fn overflow(&self, ins: &Instr, after: u64) -> String {
        self.err(
            ins.at,
            format!(
                "stack depth {after} after {} exceeds co_stacksize {}",
                NAMES[ins.op as usize], self.code.stacksize
            ),
        )
    }

    #[cold]
    #[inline(never)]
    fn raise_too_low(&self, ins: &Instr, low: u64, e: &ExceptionEntry) -> String {
        self.err(
            ins.at,
            format!(
                "{} can raise with {low} values on the stack, below the depth {} of its handler co_code[{}]",
                NAMES[ins.op as usize],
                e.depth,
                2 * e.target as u64
            ),
        )
    }

    #[cold]
    #[inline(never)]
    fn mismatch(&self, u: u32, d: u64, other: u32, from: u32) -> String {
        self.err(
            u,
            format!(
                "stack depth {d} on the path from co_code[{}], {other} on another path",
                2 * from as u64
            ),
        )
    }
}

/// Whether every byte of `b` is zero (eight at a time).
#[inline(always)]
fn all_zero(b: &[u8]) -> bool {
    let words = b.chunks_exact(8);
    let tail = words.remainder();
    words
        .map(|w| u64::from_ne_bytes(w.try_into().unwrap_or([1; 8])))
        .fold(0, |acc, w| acc | w)
        == 0
        && tail.iter().all(|&x| x == 0)
}
