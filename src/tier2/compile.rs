//! Bytecode to stencils: translates a code object's *current* (specialized) instructions one by
//! one into a stencil sequence and emits it.
//!
//! - ops with a stencil map to it (opargs, constants and jump targets patched in);
//!   `COMPARE_OP_INT`/`_FLOAT` followed by `POP_JUMP_IF_TRUE`/`_FALSE` become one fused stencil;
//! - every guarded stencil gets its own `EXIT` (placed after the body) that returns
//!   [`GUARD_EXIT`] with `ip` = the instruction's first `EXTENDED_ARG`, so tier 1 re-runs the
//!   specialized instruction and does its own deoptimization;
//! - ops run by a runtime helper (`helper_stencil`: attribute forms, native calls,
//!   membership, `GET_ITER`, unary ops, dict subscripts, unpacking) also get an error `EXIT`
//!   that returns `exit::ERROR` with `ip` = the instruction's own code unit: the helper raised
//!   there and left the stack as tier 1 leaves it after raising at that instruction;
//! - Python calls and returns (`CALL_PY_EXACT_ARGS`, `RETURN_VALUE` ...) push and pop the
//!   frame and tail-call the compiled code of the frame then on top: inline for a callee
//!   whose code is compiled and a frame a compiled call pushed, else through a helper, in a
//!   slow-path stencil placed after the exits;
//! - any other instruction becomes an inline `EXIT` to tier 1 at that instruction, which runs
//!   it and re-enters compiled code at the next instruction when that has an entry.
//!
//! The result keeps a per-instruction entry table: for each code unit that starts a compiled
//! op, its native address, so tier 1 can enter the code there.

use apython_jit::{emit, Arena, Compiled, EmitError, Instr, Target};

use super::runtime::GUARD_EXIT;
use super::stencils as st;
use crate::abi::{exit, Value};
use crate::objects::code::Code;
use crate::objects::dict::Dict;
use crate::ops::kernels::Reciprocal;
use crate::vm::opcodes::*;
use crate::vm::specialize::{self, Cache};

/// Fewest compiled ops in a row (before the next exit) that make an entry worth taking.
const MIN_RUN: usize = 5;

/// No entry at this code unit.
pub const NO_ENTRY: u32 = u32::MAX;

/// A compiled code object, as emitted.
pub struct Emitted {
    pub compiled: Compiled,
    /// Offset in the block of the compiled op starting at each code unit (or [`NO_ENTRY`]).
    pub entries: Box<[u32]>,
    /// Number of instructions compiled to a stencil other than an exit.
    pub compiled_ops: usize,
    /// Number of instructions that are still generic (adaptive, not yet specialized) but
    /// would compile once tier 1 specializes them: a reason to compile again later.
    pub unspecialized: usize,
    /// The attribute sites' polymorphic caches, which the code points to: they must live as
    /// long as it does.
    pub poly_caches: PolyCaches,
    /// Per stencil of the block: the code unit of the instruction it was compiled from (none
    /// for the trailing exits and slow paths) and the stencil's name. Empty unless
    /// `APYTHON_JIT_DUMP=1` asks for it.
    pub listing: Vec<(Option<usize>, &'static str)>,
}

/// One decoded instruction.
#[derive(Clone, Copy)]
struct Decoded {
    /// Code unit of its first `EXTENDED_ARG` (where tier 1 must resume to re-run it).
    start: usize,
    /// Code unit of the opcode itself.
    at: usize,
    op: u8,
    oparg: u32,
    /// Code unit of the next instruction.
    next: usize,
}

fn decode(bytes: &[u8]) -> Vec<Decoded> {
    let n = bytes.len() / 2;
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        let (mut op, mut oparg) = (bytes[2 * i], bytes[2 * i + 1] as u32);
        while op == EXTENDED_ARG && i + 1 < n {
            i += 1;
            op = bytes[2 * i];
            oparg = (oparg << 8) | bytes[2 * i + 1] as u32;
        }
        let next = (i + 1 + CACHE_ENTRIES[op as usize] as usize).min(n);
        out.push(Decoded {
            start,
            at: i,
            op,
            oparg,
            next,
        });
        i = next;
    }
    out
}

/// The stencil of a binary op on ints/floats, if the op is one.
fn binary_stencil(op: u8) -> Option<&'static apython_jit::Stencil> {
    Some(match op {
        BINARY_OP_ADD_INT => &st::BINARY_OP_ADD_INT,
        BINARY_OP_SUBTRACT_INT => &st::BINARY_OP_SUBTRACT_INT,
        BINARY_OP_MULTIPLY_INT => &st::BINARY_OP_MULTIPLY_INT,
        BINARY_OP_FLOOR_DIVIDE_INT => &st::BINARY_OP_FLOOR_DIVIDE_INT,
        BINARY_OP_REMAINDER_INT => &st::BINARY_OP_REMAINDER_INT,
        BINARY_OP_AND_INT => &st::BINARY_OP_AND_INT,
        BINARY_OP_OR_INT => &st::BINARY_OP_OR_INT,
        BINARY_OP_XOR_INT => &st::BINARY_OP_XOR_INT,
        BINARY_OP_LSHIFT_INT => &st::BINARY_OP_LSHIFT_INT,
        BINARY_OP_RSHIFT_INT => &st::BINARY_OP_RSHIFT_INT,
        BINARY_OP_TRUE_DIVIDE_INT => &st::BINARY_OP_TRUE_DIVIDE_INT,
        BINARY_OP_ADD_FLOAT => &st::BINARY_OP_ADD_FLOAT,
        BINARY_OP_SUBTRACT_FLOAT => &st::BINARY_OP_SUBTRACT_FLOAT,
        BINARY_OP_MULTIPLY_FLOAT => &st::BINARY_OP_MULTIPLY_FLOAT,
        BINARY_OP_TRUE_DIVIDE_FLOAT => &st::BINARY_OP_TRUE_DIVIDE_FLOAT,
        _ => return None,
    })
}

/// The stencil of an op run by a runtime helper that runs tier 1's *current* form of the
/// instruction (any form of the family with the same stack effect), if the op is one.
fn helper_stencil(op: u8) -> Option<&'static apython_jit::Stencil> {
    Some(match op {
        LOAD_ATTR_INSTANCE_VALUE => &st::LOAD_ATTR_INSTANCE,
        LOAD_ATTR_METHOD_WITH_VALUES | LOAD_ATTR_METHOD_NO_DICT => &st::LOAD_ATTR_METHOD,
        LOAD_ATTR_SLOT | LOAD_ATTR_MODULE | LOAD_ATTR_CLASS => &st::LOAD_ATTR_FORM,
        STORE_ATTR_INSTANCE_VALUE => &st::STORE_ATTR_INSTANCE,
        STORE_ATTR_SLOT => &st::STORE_ATTR_FORM,
        CALL_BUILTIN_LEN
        | CALL_BUILTIN_ISINSTANCE
        | CALL_BUILTIN
        | CALL_BUILTIN_CLASS
        | CALL_BUILTIN_TYPE_1
        | CALL_LIST_APPEND => &st::CALL_NATIVE,
        CALL_METHOD_DESCRIPTOR => &st::CALL_METHOD_DESCR,
        CONTAINS_OP_DICT | CONTAINS_OP_SET | CONTAINS_OP_GENERIC => &st::CONTAINS_OP_FORM,
        GET_ITER => &st::GET_ITER,
        UNARY_NEGATIVE => &st::UNARY_NEGATIVE,
        UNARY_NOT => &st::UNARY_NOT,
        BINARY_SUBSCR_DICT => &st::BINARY_SUBSCR_DICT,
        STORE_SUBSCR_DICT => &st::STORE_SUBSCR_DICT,
        BINARY_SLICE => &st::BINARY_SLICE,
        BINARY_OP_ADD_UNICODE => &st::BINARY_OP_ADD_UNICODE,
        _ => return None,
    })
}

/// How a compare ends: pushing its bool, or fused with the following conditional jump.
#[derive(Clone, Copy)]
enum CmpShape {
    Push,
    JumpIfTrue,
    JumpIfFalse,
}

/// The compare stencil for `COMPARE_OP_INT`/`_FLOAT` with `oparg` (operator in `oparg >> 4`).
fn compare_stencil(op: u8, oparg: u32, shape: CmpShape) -> &'static apython_jit::Stencil {
    use CmpShape::*;
    let int = op == COMPARE_OP_INT;
    macro_rules! pick {
        ($($n:literal => [$ip:ident, $it:ident, $if:ident, $fp:ident, $ft:ident, $ff:ident];)*) => {
            match (oparg >> 4, int, shape) {
                $(
                    ($n, true, Push) => &st::$ip,
                    ($n, true, JumpIfTrue) => &st::$it,
                    ($n, true, JumpIfFalse) => &st::$if,
                    ($n, false, Push) => &st::$fp,
                    ($n, false, JumpIfTrue) => &st::$ft,
                    ($n, false, JumpIfFalse) => &st::$ff,
                )*
                // Tier 1's `cmp_op` reads anything past 4 as `>=`.
                (_, true, Push) => &st::COMPARE_OP_INT_GE,
                (_, true, JumpIfTrue) => &st::COMPARE_OP_INT_GE_JUMP_IF_TRUE,
                (_, true, JumpIfFalse) => &st::COMPARE_OP_INT_GE_JUMP_IF_FALSE,
                (_, false, Push) => &st::COMPARE_OP_FLOAT_GE,
                (_, false, JumpIfTrue) => &st::COMPARE_OP_FLOAT_GE_JUMP_IF_TRUE,
                (_, false, JumpIfFalse) => &st::COMPARE_OP_FLOAT_GE_JUMP_IF_FALSE,
            }
        };
    }
    pick! {
        0 => [COMPARE_OP_INT_LT, COMPARE_OP_INT_LT_JUMP_IF_TRUE, COMPARE_OP_INT_LT_JUMP_IF_FALSE,
              COMPARE_OP_FLOAT_LT, COMPARE_OP_FLOAT_LT_JUMP_IF_TRUE, COMPARE_OP_FLOAT_LT_JUMP_IF_FALSE];
        1 => [COMPARE_OP_INT_LE, COMPARE_OP_INT_LE_JUMP_IF_TRUE, COMPARE_OP_INT_LE_JUMP_IF_FALSE,
              COMPARE_OP_FLOAT_LE, COMPARE_OP_FLOAT_LE_JUMP_IF_TRUE, COMPARE_OP_FLOAT_LE_JUMP_IF_FALSE];
        2 => [COMPARE_OP_INT_EQ, COMPARE_OP_INT_EQ_JUMP_IF_TRUE, COMPARE_OP_INT_EQ_JUMP_IF_FALSE,
              COMPARE_OP_FLOAT_EQ, COMPARE_OP_FLOAT_EQ_JUMP_IF_TRUE, COMPARE_OP_FLOAT_EQ_JUMP_IF_FALSE];
        3 => [COMPARE_OP_INT_NE, COMPARE_OP_INT_NE_JUMP_IF_TRUE, COMPARE_OP_INT_NE_JUMP_IF_FALSE,
              COMPARE_OP_FLOAT_NE, COMPARE_OP_FLOAT_NE_JUMP_IF_TRUE, COMPARE_OP_FLOAT_NE_JUMP_IF_FALSE];
        4 => [COMPARE_OP_INT_GT, COMPARE_OP_INT_GT_JUMP_IF_TRUE, COMPARE_OP_INT_GT_JUMP_IF_FALSE,
              COMPARE_OP_FLOAT_GT, COMPARE_OP_FLOAT_GT_JUMP_IF_TRUE, COMPARE_OP_FLOAT_GT_JUMP_IF_FALSE];
    }
}

/// Decoded instruction `i` when it can join a group that starts before it: it has no
/// `EXTENDED_ARG` of its own and no jump lands on it.
fn follower<'a>(instrs: &'a [Decoded], i: usize, is_target: &[bool]) -> Option<&'a Decoded> {
    instrs
        .get(i)
        .filter(|d| d.start == d.at && !is_target[d.start])
}

/// An op fused with the `LOAD_FAST`s / `LOAD_CONST` that feed it (and for a binary op the
/// `STORE_FAST` that takes its result, for a compare the conditional jump that tests it): the
/// variant's instruction and how many decoded instructions it covers.
struct Fused {
    instr: Instr<'static>,
    len: usize,
    jump: Pending,
    /// Where its deopt exit resumes tier 1 (a code unit), for an op with a guard.
    exit_at: Option<usize>,
    /// Where an exception it raises was raised, for an op that can raise.
    error_at: Option<usize>,
}

/// The op families that have fused variants (the stencils' "Fused operands").
#[derive(Clone, Copy, PartialEq)]
enum FusedFamily {
    /// `BINARY_OP_*_INT` / `_FLOAT`: pushes, or stores into the local a `STORE_FAST` names.
    Binary,
    /// `COMPARE_OP_INT` / `_FLOAT` with the conditional jump after it.
    Compare,
    /// `BINARY_SUBSCR_LIST_INT` / `_TUPLE_INT` (tuples have a list's item layout): pushes the
    /// item, or stores it into the local a `STORE_FAST` names.
    Subscr,
    /// `STORE_SUBSCR_LIST_INT` with the list a local (the value stays on the stack).
    StoreSubscr,
}

impl FusedFamily {
    fn of(op: u8) -> Option<FusedFamily> {
        Some(match op {
            COMPARE_OP_INT | COMPARE_OP_FLOAT => FusedFamily::Compare,
            BINARY_SUBSCR_LIST_INT | BINARY_SUBSCR_TUPLE_INT => FusedFamily::Subscr,
            STORE_SUBSCR_LIST_INT => FusedFamily::StoreSubscr,
            op if binary_stencil(op).is_some() => FusedFamily::Binary,
            _ => return None,
        })
    }
}

/// The fused group starting at decoded instruction `k`, if there is one. Operand shapes
/// (letters of the variant names): the left operand is a local (`L`) only when the right one
/// is a local or a constant (`C`) loaded right after it (stack order), else on the stack
/// (`S`). A constant is a float for float ops and an inline int otherwise, so its guard is
/// known to hold. No instruction after the first may be a jump target or carry an
/// `EXTENDED_ARG`; a group whose first instruction or op kept failing its guard
/// (`keep_in_tier1`) is not fused again.
fn fuse(
    instrs: &[Decoded],
    k: usize,
    code: &Code,
    is_target: &[bool],
    keep_in_tier1: &[(usize, u8)],
) -> Option<Fused> {
    // Instruction `i` of the group: the first, or a follower.
    let at = |i: usize| {
        if i == k {
            instrs.get(i)
        } else {
            follower(instrs, i, is_target)
        }
    };
    let is_op = |d: &&Decoded| FusedFamily::of(d.op).is_some();
    // The operand a load gives `op`: its letter and hole value.
    let source = |d: &Decoded, op: &Decoded| -> Option<(char, u64)> {
        match d.op {
            // A local as its byte offset in the frame's values (see `fused_operands` in
            // stencils/lib.rs).
            LOAD_FAST => Some(('L', local_offset(d.oparg))),
            LOAD_CONST => {
                let c = &code.consts[d.oparg as usize];
                let float = matches!(
                    op.op,
                    BINARY_OP_ADD_FLOAT
                        | BINARY_OP_SUBTRACT_FLOAT
                        | BINARY_OP_MULTIPLY_FLOAT
                        | BINARY_OP_TRUE_DIVIDE_FLOAT
                        | COMPARE_OP_FLOAT
                );
                let fits = if float { c.is_float() } else { c.is_int() };
                fits.then_some(('C', c.payload))
            }
            _ => None,
        }
    };
    const STACK: (char, u64) = ('S', 0);
    // Where the op is, and its operands: (letter, hole value) for the left (OPARG) and the
    // right (OPERAND0).
    let two_loads = at(k + 2).filter(is_op).and_then(|op| {
        let left = source(at(k)?, op).filter(|l| l.0 == 'L')?;
        Some((k + 2, left, source(at(k + 1)?, op)?))
    });
    let (p, left, right) = match two_loads {
        Some(g) => g,
        None => match at(k + 1).filter(is_op) {
            Some(op) => (k + 1, STACK, source(&instrs[k], op)?),
            None if matches!(
                FusedFamily::of(instrs[k].op),
                Some(FusedFamily::Binary | FusedFamily::Subscr)
            ) =>
            {
                (k, STACK, STACK)
            }
            None => return None,
        },
    };
    let op = &instrs[p];
    let family = FusedFamily::of(op.op)?;
    if keep_in_tier1.contains(&(instrs[k].start, instrs[k].op))
        || keep_in_tier1.contains(&(op.start, op.op))
    {
        return None;
    }
    let shape = format!("{}{}", left.0, right.0);
    // `//` and `%` by a constant divisor of 2 or more multiply by its reciprocal instead
    // (`BINARY_OP_*_INT_RECIPROCAL`): its shift goes above the left local's offset in OPARG,
    // its multiplier in OPERAND2.
    let reciprocal = match op.op {
        BINARY_OP_FLOOR_DIVIDE_INT | BINARY_OP_REMAINDER_INT if right.0 == 'C' => {
            Reciprocal::of(right.1 as i64)
        }
        _ => None,
    };
    let (oparg, mut operand2) = match reciprocal {
        Some(r) => (left.1 | (r.shift as u64) << 32, r.magic),
        None => (left.1, 0),
    };
    let next = at(p + 1);
    let none = Pending::Unit(usize::MAX);
    // The variant's name, its `OPERAND1`, its jump, and whether it takes in the instruction
    // after the op.
    let (name, operand1, jump, takes_next) = match family {
        FusedFamily::Binary => {
            let mut name = binary_stencil(op.op)?.name.to_string();
            if reciprocal.is_some() {
                name.push_str("_RECIPROCAL");
            }
            match next {
                Some(store) if store.op == STORE_FAST => (
                    format!("{name}__{shape}_STORE"),
                    local_offset(store.oparg),
                    none,
                    true,
                ),
                // (The plain stack shape is the unfused stencil.)
                _ if shape != "SS" => (format!("{name}__{shape}_PUSH"), 0, none, false),
                _ => return None,
            }
        }
        FusedFamily::Compare if shape != "SS" => {
            let next = next?;
            let if_true = match next.op {
                POP_JUMP_IF_TRUE => "TRUE",
                POP_JUMP_IF_FALSE => "FALSE",
                _ => return None,
            };
            let cmp = compare_stencil(op.op, op.oparg, CmpShape::Push).name;
            let target = Pending::Unit(next.next + next.oparg as usize);
            (format!("{cmp}__{shape}_JUMP_IF_{if_true}"), 0, target, true)
        }
        FusedFamily::Subscr => match next {
            Some(store) if store.op == STORE_FAST => {
                operand2 = local_offset(store.oparg);
                (
                    format!("BINARY_SUBSCR_LIST_INT__{shape}_STORE"),
                    items_type(op.op),
                    none,
                    true,
                )
            }
            _ if shape != "SS" => (
                format!("BINARY_SUBSCR_LIST_INT__{shape}_PUSH"),
                items_type(op.op),
                none,
                false,
            ),
            _ => return None,
        },
        FusedFamily::StoreSubscr if left.0 == 'L' => (
            format!("STORE_SUBSCR_LIST_INT__{shape}"),
            list_type(),
            none,
            false,
        ),
        _ => return None,
    };
    Some(Fused {
        instr: Instr::new(st::by_name(&name)?)
            .oparg(oparg)
            .operand0(right.1)
            .operand1(operand1)
            .operand2(operand2),
        len: p + 1 + takes_next as usize - k,
        jump,
        exit_at: Some(instrs[k].start),
        error_at: None,
    })
}

/// `LOAD_FAST` + a conditional jump at decoded instruction `k`, if that is what is there: the
/// jump that tests the local where it lives. A truth test that calls `__bool__` raises at the
/// jump.
fn fuse_branch(instrs: &[Decoded], k: usize, is_target: &[bool]) -> Option<Fused> {
    let (load, jump) = (instrs.get(k)?, follower(instrs, k + 1, is_target)?);
    if load.op != LOAD_FAST {
        return None;
    }
    let (stencil, raises) = match jump.op {
        POP_JUMP_IF_TRUE => (&st::POP_JUMP_IF_TRUE__L, true),
        POP_JUMP_IF_FALSE => (&st::POP_JUMP_IF_FALSE__L, true),
        POP_JUMP_IF_NONE => (&st::POP_JUMP_IF_NONE__L, false),
        POP_JUMP_IF_NOT_NONE => (&st::POP_JUMP_IF_NOT_NONE__L, false),
        _ => return None,
    };
    Some(Fused {
        instr: Instr::new(stencil)
            .oparg(jump.at as u64)
            .operand0(local_offset(load.oparg)),
        len: 2,
        jump: Pending::Unit(jump.next + jump.oparg as usize),
        exit_at: None,
        error_at: raises.then_some(jump.at),
    })
}

/// `COPY 1; POP_JUMP_IF_TRUE; POP_TOP` (`a or b` used as a value) or the same with
/// `POP_JUMP_IF_FALSE` (`a and b`) at decoded instruction `k`, if that is what is there: one
/// stencil that tests the value on top where it is, and jumps keeping it or pops it.
fn fuse_short_circuit(instrs: &[Decoded], k: usize, is_target: &[bool]) -> Option<Fused> {
    let copy = instrs.get(k)?;
    let jump = follower(instrs, k + 1, is_target)?;
    let pop = follower(instrs, k + 2, is_target)?;
    if copy.op != COPY || copy.oparg != 1 || pop.op != POP_TOP {
        return None;
    }
    let stencil = match jump.op {
        POP_JUMP_IF_TRUE => &st::JUMP_IF_TRUE_OR_POP,
        POP_JUMP_IF_FALSE => &st::JUMP_IF_FALSE_OR_POP,
        _ => return None,
    };
    Some(Fused {
        instr: Instr::new(stencil).oparg(jump.at as u64),
        len: 3,
        jump: Pending::Unit(jump.next + jump.oparg as usize),
        exit_at: None,
        error_at: Some(jump.at),
    })
}

/// The read (`LOAD_FAST x; LOAD_* i; COPY 2; COPY 2; BINARY_SUBSCR_LIST_INT`) or the write
/// (`SWAP 3; SWAP 2; STORE_SUBSCR_LIST_INT`) of `x[i] op= v` at decoded instruction `k`, if
/// that is what is there: one stencil that leaves the stack as they do, exiting at the first.
fn fuse_augmented_subscr(
    instrs: &[Decoded],
    k: usize,
    code: &Code,
    is_target: &[bool],
) -> Option<Fused> {
    let plain = |i: usize| follower(instrs, i, is_target);
    let is = |i: usize, op: u8, arg: u32| plain(i).is_some_and(|d| d.op == op && d.oparg == arg);
    let first = instrs.get(k)?;
    let instr = if first.op == LOAD_FAST
        && is(k + 2, COPY, 2)
        && is(k + 3, COPY, 2)
        && plain(k + 4).is_some_and(|d| d.op == BINARY_SUBSCR_LIST_INT)
    {
        let index = plain(k + 1)?;
        let (stencil, operand0) = match index.op {
            LOAD_FAST => (
                &st::BINARY_SUBSCR_LIST_INT__LL_KEEP,
                local_offset(index.oparg),
            ),
            LOAD_CONST if code.consts[index.oparg as usize].is_int() => (
                &st::BINARY_SUBSCR_LIST_INT__LC_KEEP,
                code.consts[index.oparg as usize].payload,
            ),
            _ => return None,
        };
        Instr::new(stencil)
            .oparg(local_offset(first.oparg))
            .operand0(operand0)
            .operand1(list_type())
    } else if first.op == SWAP
        && first.oparg == 3
        && is(k + 1, SWAP, 2)
        && plain(k + 2).is_some_and(|d| d.op == STORE_SUBSCR_LIST_INT)
    {
        Instr::new(&st::STORE_SUBSCR_LIST_INT__SWAPPED).operand1(list_type())
    } else {
        return None;
    };
    Some(Fused {
        len: if first.op == SWAP { 3 } else { 5 },
        instr,
        jump: Pending::Unit(usize::MAX),
        exit_at: Some(first.start),
        error_at: None,
    })
}

/// `LOAD_FAST` or `LOAD_CONST` of an inline value + `STORE_FAST` at decoded instruction `k`,
/// if that is what is there: one stencil that moves the value into the local.
fn fuse_move(instrs: &[Decoded], k: usize, code: &Code, is_target: &[bool]) -> Option<Fused> {
    let (load, store) = (instrs.get(k)?, follower(instrs, k + 1, is_target)?);
    if store.op != STORE_FAST {
        return None;
    }
    let instr = match load.op {
        LOAD_FAST => Instr::new(&st::LOAD_FAST__STORE_FAST)
            .oparg(local_offset(load.oparg))
            .operand0(local_offset(store.oparg)),
        LOAD_CONST => {
            let c = &code.consts[load.oparg as usize];
            if c.is_obj() {
                return None;
            }
            Instr::new(&st::LOAD_CONST_INLINE__STORE_FAST)
                .oparg(local_offset(store.oparg))
                .operand0(c.payload)
                .operand1(c.tag)
        }
        _ => return None,
    };
    Some(Fused {
        instr,
        len: 2,
        jump: Pending::Unit(usize::MAX),
        exit_at: None,
        error_at: None,
    })
}

/// `LOAD_FAST` + `LOAD_ATTR_INSTANCE_VALUE` / `STORE_ATTR_INSTANCE_VALUE` at decoded
/// instruction `k`, if that is what is there: the attribute stencil that reads its owner
/// from the local. It pushes the owner when it leaves the inline path, so it exits and
/// raises at the attribute op.
fn fuse_attr(
    instrs: &[Decoded],
    k: usize,
    code: &Code,
    is_target: &[bool],
    caches: &PolyCaches,
) -> Option<Fused> {
    let (load, attr) = (instrs.get(k)?, follower(instrs, k + 1, is_target)?);
    let fits =
        load.op == LOAD_FAST && local_offset(load.oparg) < 1 << 16 && attr.at <= u32::MAX as usize;
    if !fits {
        return None;
    }
    let instr = match attr.op {
        // (Not for `self.f(...)` with `f` an instance attribute, which pushes a NULL too: the
        // fused stencil only pushes the value.)
        LOAD_ATTR_INSTANCE_VALUE if attr.oparg & 1 == 0 => {
            attr_instance_instr(&st::LOAD_ATTR_INSTANCE_INLINE__L, code, attr, caches)
        }
        STORE_ATTR_INSTANCE_VALUE => {
            attr_instance_instr(&st::STORE_ATTR_INSTANCE_INLINE__L, code, attr, caches)
        }
        LOAD_ATTR_METHOD_WITH_VALUES | LOAD_ATTR_METHOD_NO_DICT => {
            method_instr(&st::LOAD_ATTR_METHOD_INLINE__L, code, attr, caches)?
        }
        _ => return None,
    };
    Some(Fused {
        instr: instr.operand1(instr.operand1 | local_offset(load.oparg) << 48),
        len: 2,
        jump: Pending::Unit(usize::MAX),
        exit_at: Some(attr.start),
        error_at: Some(attr.at),
    })
}

/// An inline instance-attribute stencil for the attribute op `d`, its operands read from the
/// op's cache: the class the site has now inline, anything else through the helper.
fn attr_instance_instr(
    stencil: &'static apython_jit::Stencil,
    code: &Code,
    d: &Decoded,
    caches: &PolyCaches,
) -> Instr<'static> {
    let c = Cache::new(code.code_ptr(), d.at);
    Instr::new(stencil)
        .oparg(d.at as u64 | (d.oparg as u64) << 32)
        .operand0(c.u32(1) as u64 | (c.u16(3) as u64) << 32)
        .operand1(code.code_ptr() as u64)
        .operand2(caches.new_cache(None))
}

/// An inline method-load stencil for the `LOAD_ATTR_METHOD_*` op `d`: the class and the method
/// its cache holds now inline, anything else through the helper; `None` when the cache holds
/// no method.
fn method_instr(
    stencil: &'static apython_jit::Stencil,
    code: &Code,
    d: &Decoded,
    caches: &PolyCaches,
) -> Option<Instr<'static>> {
    let c = Cache::new(code.code_ptr(), d.at);
    let (version, method) = (c.u32(1), c.u64(5));
    if version == 0 || method == 0 || d.at > u32::MAX as usize {
        return None;
    }
    let seed = crate::abi::PolyEntry {
        version,
        // No instance dict to check (see the stencil).
        index: (d.op == LOAD_ATTR_METHOD_NO_DICT) as u32,
        method,
    };
    Some(
        Instr::new(stencil)
            .oparg(d.at as u64 | (d.oparg as u64) << 32)
            .operand1(code.code_ptr() as u64)
            .operand2(caches.new_cache(Some(seed))),
    )
}

/// Which instruction pushed the value at position `pos` (1 = top) of the stack as it is before
/// decoded instruction `c`: its index, and the value's place among what it pushed (1 = its
/// last push). Found by walking back through straight-line code over ops of known stack
/// effect; `None` at a jump target or an op the walk does not know.
fn stack_producer(
    instrs: &[Decoded],
    c: usize,
    mut pos: i64,
    is_target: &[bool],
) -> Option<(usize, i64)> {
    for i in (0..c).rev() {
        if is_target[instrs[i + 1].start] {
            return None;
        }
        let d = &instrs[i];
        let arg = d.oparg as i64;
        let (pops, pushes) = match d.op {
            LOAD_FAST | LOAD_FAST_CHECK | LOAD_CONST | LOAD_CLOSURE | LOAD_DEREF | COPY => (0, 1),
            PUSH_NULL => (0, 1),
            LOAD_GLOBAL | LOAD_GLOBAL_MODULE | LOAD_GLOBAL_BUILTIN => (0, 1 + (arg & 1)),
            LOAD_ATTR
            | LOAD_ATTR_INSTANCE_VALUE
            | LOAD_ATTR_MODULE
            | LOAD_ATTR_CLASS
            | LOAD_ATTR_SLOT
            | LOAD_ATTR_METHOD_WITH_VALUES
            | LOAD_ATTR_METHOD_NO_DICT => (1, 1 + (arg & 1)),
            BINARY_OP | BINARY_SUBSCR | COMPARE_OP | CONTAINS_OP | IS_OP => (2, 1),
            COMPARE_OP_INT | COMPARE_OP_FLOAT | COMPARE_OP_STR | BINARY_OP_ADD_UNICODE => (2, 1),
            BINARY_SUBSCR_LIST_INT | BINARY_SUBSCR_TUPLE_INT | BINARY_SUBSCR_DICT => (2, 1),
            op if binary_stencil(op).is_some() => (2, 1),
            UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT => (1, 1),
            BUILD_TUPLE | BUILD_LIST => (arg, 1),
            _ => return None,
        };
        if pos <= pushes {
            return Some((i, pos));
        }
        pos += pops - pushes;
    }
    None
}

/// Whether the `CALL` at decoded instruction `c` certainly finds NULL below its callable (not
/// a bound method's function): the slot was filled by a `LOAD_GLOBAL` with its NULL bit or by
/// `PUSH_NULL` ([`stack_producer`]). Any other producer (a `LOAD_ATTR` may push NULL or a
/// method) gives `false`.
fn self_slot_is_null(instrs: &[Decoded], c: usize, is_target: &[bool]) -> bool {
    match stack_producer(instrs, c, instrs[c].oparg as i64 + 2, is_target) {
        Some((i, place)) => match instrs[i].op {
            PUSH_NULL => true,
            LOAD_GLOBAL | LOAD_GLOBAL_MODULE | LOAD_GLOBAL_BUILTIN => {
                instrs[i].oparg & 1 == 1 && place == 2
            }
            _ => false,
        },
        None => false,
    }
}

/// The callable of the `CALL` at decoded instruction `c` as it is now, when it came from a
/// `LOAD_GLOBAL` that compiled code reads directly (`namespaces` hold for its cache), or from
/// a `LOAD_ATTR_MODULE` on a module loaded that way (`math.sqrt`): what a call site can be
/// compiled for, behind a guard on its identity and on the NULL below it (the stencils check
/// both).
fn global_callee(
    instrs: &[Decoded],
    c: usize,
    code: &Code,
    namespaces: Option<(&Dict, &Dict)>,
    is_target: &[bool],
) -> Option<Value> {
    let (i, place) = stack_producer(instrs, c, instrs[c].oparg as i64 + 1, is_target)?;
    let load = &instrs[i];
    if place != 1 {
        return None;
    }
    match load.op {
        LOAD_GLOBAL_MODULE | LOAD_GLOBAL_BUILTIN => global_value(load, code, namespaces),
        LOAD_ATTR_MODULE => {
            // The module: a global loaded just before (`LOAD_GLOBAL (NULL + math)`).
            let (m, place) = stack_producer(instrs, i, 1, is_target)?;
            if place != 1 {
                return None;
            }
            let module = global_value(&instrs[m], code, namespaces)?;
            specialize::load_attr_module_form(&Cache::new(code.code_ptr(), load.at), &module)
        }
        _ => None,
    }
}

/// The value the `LOAD_GLOBAL_MODULE` / `_BUILTIN` `g` loads now, when `namespaces` hold for
/// its cache.
fn global_value(g: &Decoded, code: &Code, namespaces: Option<(&Dict, &Dict)>) -> Option<Value> {
    if !matches!(g.op, LOAD_GLOBAL_MODULE | LOAD_GLOBAL_BUILTIN) {
        return None;
    }
    let (globals, builtins) = namespaces?;
    let cache = Cache::new(code.code_ptr(), g.at);
    let (_, _, slot) = specialize::load_global_slot(g.op, &cache, globals, builtins)?;
    // SAFETY: the slot is a live value of a dict the frame's function keeps alive.
    Some(unsafe { (*slot).clone() })
}

/// The `CALL_MATH1` stencil for the one-argument `CALL_BUILTIN` at decoded instruction `c`,
/// when its callable is a global that holds a `math` function with a C kernel
/// (`modules::math::float1_kernel`).
fn math1_instr(
    instrs: &[Decoded],
    c: usize,
    code: &Code,
    namespaces: Option<(&Dict, &Dict)>,
    is_target: &[bool],
) -> Option<Instr<'static>> {
    use crate::objects::builtin_function::BuiltinFunction;
    let f = global_callee(instrs, c, code, namespaces, is_target)?;
    let b = f.downcast_exact::<BuiltinFunction>()?;
    let kernel = crate::modules::math::float1_kernel(b.func)?;
    let sqrt = crate::modules::math::is_sqrt(b.func) as u64;
    let d = &instrs[c];
    (d.at < 1 << 63).then(|| {
        Instr::new(&st::CALL_MATH1)
            .oparg(d.at as u64 | sqrt << 63)
            .operand0(f.obj_ptr() as u64)
            .operand1(kernel as usize as u64)
            .operand2(code.code_ptr() as u64)
    })
}

/// The `CALL_METHOD_KERNEL` stencil for the `CALL_METHOD_DESCRIPTOR` at decoded instruction
/// `c`, when the method load that fed it ([`stack_producer`]) holds a built-in method with a
/// kernel for this many arguments (`tier2::method_kernels`).
fn method_kernel_instr(
    instrs: &[Decoded],
    c: usize,
    code: &Code,
    is_target: &[bool],
) -> Option<Instr<'static>> {
    use crate::objects::builtin_function::MethodDescr;
    let d = &instrs[c];
    if d.oparg > 2 || d.at > u32::MAX as usize {
        return None;
    }
    let (i, place) = stack_producer(instrs, c, d.oparg as i64 + 2, is_target)?;
    let load = &instrs[i];
    if load.op != LOAD_ATTR_METHOD_NO_DICT || place != 2 {
        return None;
    }
    let method = Cache::new(code.code_ptr(), load.at).u64(5);
    if method == 0 {
        return None;
    }
    // Only built-in methods have kernels, and their descriptors live in a built-in type's
    // dict for good: the address the stencil compares with is never reused.
    let descr = Value::from_borrowed_ptr(method as *const crate::abi::ObjHeader);
    let def = descr.downcast_exact::<MethodDescr>()?.def;
    let kernel = super::method_kernels::method_kernel(def.func, d.oparg as usize)?;
    Some(
        Instr::new(&st::CALL_METHOD_KERNEL)
            .oparg(d.at as u64 | (d.oparg as u64) << 32)
            .operand0(method)
            .operand1(kernel as usize as u64)
            .operand2(code.code_ptr() as u64),
    )
}

/// The address of the built-in `len` when the one-argument `CALL_BUILTIN_LEN` at decoded
/// instruction `c` calls it through a global ([`global_callee`]).
fn len_callee(
    instrs: &[Decoded],
    c: usize,
    code: &Code,
    namespaces: Option<(&Dict, &Dict)>,
    is_target: &[bool],
) -> Option<u64> {
    use crate::objects::builtin_function::BuiltinFunction;
    if instrs[c].oparg != 1 {
        return None;
    }
    let f = global_callee(instrs, c, code, namespaces, is_target)?;
    let b = f.downcast_exact::<BuiltinFunction>()?;
    let len: crate::objects::MethodFn = crate::builtins::core::b_len;
    (b.func as usize == len as usize).then(|| f.obj_ptr() as u64)
}

/// Whether the `CALL_BUILTIN_CLASS` at decoded instruction `c` and the `GET_ITER` after it are
/// `for ... in range(...)` with `range` a global that holds the built-in `range` now: one
/// stencil that makes the iterator directly, unless the pair kept leaving it.
fn range_iter_fusable(
    instrs: &[Decoded],
    c: usize,
    code: &Code,
    namespaces: Option<(&Dict, &Dict)>,
    is_target: &[bool],
    keep_in_tier1: &[(usize, u8)],
) -> bool {
    let d = &instrs[c];
    let iter = follower(instrs, c + 1, is_target).filter(|g| g.op == GET_ITER);
    iter.is_some()
        && (1..=3).contains(&d.oparg)
        && !keep_in_tier1.contains(&(d.start, d.op))
        && global_callee(instrs, c, code, namespaces, is_target).is_some_and(|f| {
            std::ptr::eq(
                f.obj_ptr() as *const crate::objects::TypeObject,
                &crate::objects::range::RANGE_TYPE,
            )
        })
}

/// The polymorphic caches of the attribute sites of one compilation
/// ([`crate::abi::PolyCache`]): each boxed, so compiled code can hold its address; they live
/// as long as the compiled code.
#[derive(Default)]
// Boxed: compiled code holds each cache's address, which a growing `Vec` would move.
#[allow(clippy::vec_box)]
pub struct PolyCaches(std::cell::RefCell<Vec<Box<crate::abi::PolyCache>>>);

impl PolyCaches {
    /// A new cache, holding `seed` if given; its address.
    fn new_cache(&self, seed: Option<crate::abi::PolyEntry>) -> u64 {
        let mut c = Box::<crate::abi::PolyCache>::default();
        if let Some(e) = seed {
            c.entries[0] = e;
        }
        let addr = &*c as *const crate::abi::PolyCache as u64;
        self.0.borrow_mut().push(c);
        addr
    }
}

/// The inline `CONTAINS_OP_SET` stencil `stencil` for the op `d` (see the stencils' notes for
/// the operands), with `local` the set's local (index) in the fused form; `None` when an operand does
/// not fit its field.
fn contains_set_instr(
    stencil: &'static apython_jit::Stencil,
    code: &Code,
    d: &Decoded,
    local: u32,
) -> Option<Instr<'static>> {
    use crate::objects::set::{FROZENSET_TYPE, SET_TYPE};
    let fits = d.at <= u32::MAX as usize && d.oparg <= 1 && local_offset(local) < 1 << 16;
    fits.then(|| {
        Instr::new(stencil)
            .oparg(d.at as u64 | (d.oparg as u64) << 32)
            .operand0(&SET_TYPE as *const _ as u64)
            .operand1(&FROZENSET_TYPE as *const _ as u64)
            .operand2(code.code_ptr() as u64 | local_offset(local) << 48)
    })
}

/// `LOAD_FAST` + `CONTAINS_OP_SET` at decoded instruction `k` (`k in s`, the set a local): the
/// membership stencil that reads the set from the local. It pushes the set when it leaves the
/// inline path, so it exits and raises at the `CONTAINS_OP`.
/// With a `POP_JUMP_IF_TRUE`/`_FALSE` after it (`if k in s:`), the jump is fused in too.
fn fuse_contains(instrs: &[Decoded], k: usize, code: &Code, is_target: &[bool]) -> Option<Fused> {
    let (load, op) = (instrs.get(k)?, follower(instrs, k + 1, is_target)?);
    if load.op != LOAD_FAST || op.op != CONTAINS_OP_SET {
        return None;
    }
    // `if k in s:`: the conditional jump goes in too.
    if let Some(jump) = follower(instrs, k + 2, is_target) {
        if matches!(jump.op, POP_JUMP_IF_TRUE | POP_JUMP_IF_FALSE) {
            // It jumps when the key is found for `in` + `POP_JUMP_IF_TRUE` and for `not in`
            // + `POP_JUMP_IF_FALSE`.
            let if_true = jump.op == POP_JUMP_IF_TRUE;
            let stencil = if if_true == (op.oparg == 0) {
                &st::CONTAINS_OP_SET_INLINE__L_JUMP_IF_FOUND
            } else {
                &st::CONTAINS_OP_SET_INLINE__L_JUMP_IF_MISSING
            };
            let instr = contains_set_instr(stencil, code, op, load.oparg)?;
            return Some(Fused {
                instr: instr.oparg(instr.oparg | (if_true as u64) << 33),
                len: 3,
                jump: Pending::Unit(jump.next + jump.oparg as usize),
                exit_at: Some(op.start),
                error_at: Some(op.at),
            });
        }
    }
    let instr = contains_set_instr(&st::CONTAINS_OP_SET_INLINE__L, code, op, load.oparg)?;
    Some(Fused {
        instr,
        len: 2,
        jump: Pending::Unit(usize::MAX),
        exit_at: Some(op.start),
        error_at: Some(op.at),
    })
}

/// A target of the sequence being built: a code unit, resolved once every instruction's
/// first stencil index is known.
enum Pending {
    /// Jump target at this code unit.
    Unit(usize),
    /// Deopt exit with this index in the exit list.
    Exit(usize),
    /// Out-of-line stencil with this index in the slow-path list.
    Slow(usize),
}

/// Compiles `code`'s current bytecode into `arena`, with the signal flag at `signal_flag`.
/// `namespaces` are the globals and builtins of the frame about to run it, which the
/// instructions' caches are checked against to inline global loads.
/// `keep_in_tier1` lists instructions (code unit of the first `EXTENDED_ARG`, opcode) whose
/// guard kept failing while tier 1 kept their specialized form (a polymorphic site that tier 1
/// serves without deoptimizing): those become exits.
pub fn compile(
    arena: &mut Arena,
    code: &Code,
    signal_flag: usize,
    keep_in_tier1: &[(usize, u8)],
    namespaces: Option<(&Dict, &Dict)>,
) -> Result<Emitted, EmitError> {
    // SAFETY: tier 1 writes the instructions only from this thread, and not while we read.
    let bytes: &[u8] = unsafe { &(*code.instrs.get()) };
    let n_units = bytes.len() / 2;
    let instrs = decode(bytes);
    let caches = PolyCaches::default();

    // Code units that some jump targets: a conditional jump there must stay separate (a fused
    // compare would leave nothing to land on).
    let mut is_target = vec![false; n_units + 1];
    for d in &instrs {
        if let Some(t) = jump_target(d) {
            if t <= n_units {
                is_target[t] = true;
            }
        }
    }

    let mut seq: Vec<Instr<'static>> = Vec::with_capacity(instrs.len() + 8);
    let mut targets: Vec<(Pending, Pending)> = Vec::new(); // (jump, deopt) per seq index
                                                           // First stencil index of each code unit that starts an instruction.
    let mut first = vec![usize::MAX; n_units + 1];
    // Whether that stencil is a real compiled op (an entry point) rather than an exit.
    let mut is_entry = vec![false; n_units + 1];
    // Per decoded instruction: 1 compiled to a stencil, 2 an exit, 0 nothing (NOP, RESUME,
    // the jump of a fused compare).
    let mut kind = vec![0u8; instrs.len()];
    let mut exits: Vec<usize> = Vec::new(); // deopt exits: the code unit they resume at
                                            // Error exits: (stencil index, code unit of the instruction that raised).
    let mut errors: Vec<(usize, usize)> = Vec::new();
    // Slow paths placed after the exits: (stencil, index of its deopt exit if it has one).
    let mut slow: Vec<(Instr<'static>, Option<usize>)> = Vec::new();
    let mut compiled_ops = 0;
    let mut unspecialized = 0;
    // The code unit each stencil of the body was compiled from (for the listing).
    let mut unit_of: Vec<usize> = Vec::with_capacity(instrs.len());

    let flag = signal_flag as u64;
    let mut k = 0;
    while k < instrs.len() {
        let d = instrs[k];
        // A jump lands on the first EXTENDED_ARG; map the prefixes' units too, to be safe.
        first[d.start..=d.at].fill(seq.len());
        let none = (Pending::Unit(usize::MAX), Pending::Unit(usize::MAX));
        let mut guarded = |seq: &mut Vec<Instr<'static>>,
                           targets: &mut Vec<(Pending, Pending)>,
                           ins: Instr<'static>,
                           jump: Pending| {
            exits.push(d.start);
            seq.push(ins);
            targets.push((jump, Pending::Exit(exits.len() - 1)));
        };
        let before = seq.len();
        let k0 = k;
        // (An op run by a helper deoptimizes exactly when tier 1 does: never kept in tier 1.
        // Nor is a load, which has no guard: it is there as the first of a fused group.)
        let op = if helper_stencil(d.op).is_none()
            && !matches!(d.op, LOAD_FAST | LOAD_CONST)
            && keep_in_tier1.contains(&(d.start, d.op))
        {
            // Not a stencil: the EXIT below.
            EXTENDED_ARG
        } else {
            d.op
        };
        let fused = fuse_branch(&instrs, k, &is_target)
            .or_else(|| fuse_short_circuit(&instrs, k, &is_target))
            .or_else(|| fuse_augmented_subscr(&instrs, k, code, &is_target))
            .or_else(|| fuse_move(&instrs, k, code, &is_target))
            .or_else(|| fuse_attr(&instrs, k, code, &is_target, &caches))
            .or_else(|| fuse_contains(&instrs, k, code, &is_target))
            .or_else(|| fuse(&instrs, k, code, &is_target, keep_in_tier1));
        match op {
            // A binary op or compare with the loads that feed it and what takes its result:
            // one stencil, whose guard exits at the group's first instruction.
            _ if fused.is_some() => {
                let f = fused.expect("matched");
                let exit = match f.exit_at {
                    Some(unit) => {
                        exits.push(unit);
                        Pending::Exit(exits.len() - 1)
                    }
                    None => Pending::Unit(usize::MAX),
                };
                seq.push(f.instr);
                targets.push((f.jump, exit));
                if let Some(at) = f.error_at {
                    errors.push((seq.len() - 1, at));
                }
                k += f.len - 1;
            }
            NOP | RESUME => {}
            LOAD_FAST | LOAD_CLOSURE => {
                let ret = follower(&instrs, k + 1, &is_target)
                    .filter(|r| d.op == LOAD_FAST && r.op == RETURN_VALUE);
                match ret {
                    // `return x`: the local moved out as the frame is popped inline; any
                    // other frame returns out of line, as `RETURN_VALUE` does.
                    Some(r) => {
                        let slow_return = Instr::new(&st::RETURN).oparg(r.start as u64);
                        slow.push((slow_return, None));
                        seq.push(
                            Instr::new(&st::RETURN_INLINE__L)
                                .oparg(r.start as u64)
                                .operand0(local_offset(d.oparg)),
                        );
                        targets.push((Pending::Slow(slow.len() - 1), Pending::Unit(usize::MAX)));
                        k += 1;
                    }
                    None => {
                        seq.push(Instr::new(&st::LOAD_FAST).oparg(local_offset(d.oparg)));
                        targets.push(none);
                    }
                }
            }
            LOAD_FAST_CHECK => {
                guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(&st::LOAD_FAST_CHECK).oparg(d.oparg as u64),
                    Pending::Unit(usize::MAX),
                );
            }
            PUSH_NULL => {
                seq.push(Instr::new(&st::PUSH_NULL));
                targets.push(none);
            }
            COPY | SWAP => {
                let s = if d.op == COPY { &st::COPY } else { &st::SWAP };
                seq.push(Instr::new(s).oparg(d.oparg as u64));
                targets.push(none);
            }
            END_FOR => {
                seq.push(Instr::new(&st::END_FOR));
                targets.push(none);
            }
            FOR_ITER_RANGE | FOR_ITER_LIST | FOR_ITER_TUPLE => {
                // The inline forms compare the iterator's type with `OPERAND0`.
                let ins = match d.op {
                    FOR_ITER_RANGE => Instr::new(&st::FOR_ITER_RANGE)
                        .operand0(&crate::objects::range::RANGE_ITER_TYPE as *const _ as u64),
                    FOR_ITER_LIST => Instr::new(&st::FOR_ITER_LIST)
                        .operand0(&crate::objects::iterators::LIST_ITER_TYPE as *const _ as u64),
                    // A tuple iterator is a list iterator over a tuple's items.
                    _ => Instr::new(&st::FOR_ITER_LIST)
                        .operand0(&crate::objects::iterators::TUPLE_ITER_TYPE as *const _ as u64),
                };
                // The loop variable straight into its local when a plain `STORE_FAST`
                // follows.
                let store = follower(&instrs, k + 1, &is_target).filter(|s| s.op == STORE_FAST);
                let ins = match (store, d.op) {
                    (Some(s), FOR_ITER_RANGE) => Instr {
                        stencil: &st::FOR_ITER_RANGE__STORE,
                        ..ins
                    }
                    .oparg(local_offset(s.oparg)),
                    (Some(s), _) => Instr {
                        stencil: &st::FOR_ITER_LIST__STORE,
                        ..ins
                    }
                    .oparg(local_offset(s.oparg)),
                    (None, _) => ins,
                };
                // Exhausted: past the END_FOR that follows the loop.
                guarded(
                    &mut seq,
                    &mut targets,
                    ins,
                    Pending::Unit(d.next + d.oparg as usize + 1),
                );
                k += store.is_some() as usize;
            }
            POP_JUMP_IF_TRUE | POP_JUMP_IF_FALSE => {
                let s = if d.op == POP_JUMP_IF_TRUE {
                    &st::POP_JUMP_IF_TRUE
                } else {
                    &st::POP_JUMP_IF_FALSE
                };
                // A value other than a bool goes through `__bool__`, which may raise.
                seq.push(Instr::new(s).oparg(d.at as u64));
                targets.push((
                    Pending::Unit(d.next + d.oparg as usize),
                    Pending::Unit(usize::MAX),
                ));
                errors.push((seq.len() - 1, d.at));
            }
            POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                let s = if d.op == POP_JUMP_IF_NONE {
                    &st::POP_JUMP_IF_NONE
                } else {
                    &st::POP_JUMP_IF_NOT_NONE
                };
                seq.push(Instr::new(s));
                targets.push((
                    Pending::Unit(d.next + d.oparg as usize),
                    Pending::Unit(usize::MAX),
                ));
            }
            BINARY_SUBSCR_LIST_INT | BINARY_SUBSCR_TUPLE_INT => {
                guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(&st::BINARY_SUBSCR_LIST_INT).operand0(items_type(d.op)),
                    Pending::Unit(usize::MAX),
                );
            }
            UNPACK_SEQUENCE_TWO_TUPLE | UNPACK_SEQUENCE_TUPLE | UNPACK_SEQUENCE_LIST => {
                let ty = if d.op == UNPACK_SEQUENCE_LIST {
                    list_type()
                } else {
                    &crate::objects::tuple::TUPLE_TYPE as *const _ as u64
                };
                // Two items into two locals when two plain `STORE_FAST`s follow.
                let plain_store =
                    |i: usize| follower(&instrs, i, &is_target).filter(|s| s.op == STORE_FAST);
                let ins = match (d.oparg, plain_store(k + 1), plain_store(k + 2)) {
                    (2, Some(a), Some(b)) => {
                        k += 2;
                        Instr::new(&st::UNPACK_SEQUENCE_TWO__STORE)
                            .oparg(a.oparg as u64 | (b.oparg as u64) << 32)
                            .operand0(ty)
                    }
                    _ => Instr::new(&st::UNPACK_SEQUENCE_INLINE)
                        .oparg(d.oparg as u64)
                        .operand0(ty),
                };
                guarded(&mut seq, &mut targets, ins, Pending::Unit(usize::MAX));
            }
            BINARY_SUBSCR_STR_INT => {
                guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(&st::BINARY_SUBSCR_INT).operand0(d.op as u64),
                    Pending::Unit(usize::MAX),
                );
            }
            STORE_SUBSCR_LIST_INT => {
                guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(&st::STORE_SUBSCR_LIST_INT).operand0(list_type()),
                    Pending::Unit(usize::MAX),
                );
            }
            LOAD_GLOBAL_MODULE | LOAD_GLOBAL_BUILTIN => {
                let push_null = (d.oparg & 1) as u64;
                let cache = Cache::new(code.code_ptr(), d.at);
                let direct =
                    namespaces.and_then(|(g, b)| specialize::load_global_slot(d.op, &cache, g, b));
                let ins = match direct {
                    // The guard and the load inline.
                    Some((gver, bver, slot)) => {
                        let stencil = match (d.op == LOAD_GLOBAL_MODULE, push_null != 0) {
                            (true, false) => &st::LOAD_GLOBAL_MODULE_DIRECT,
                            (true, true) => &st::LOAD_GLOBAL_MODULE_DIRECT__NULL,
                            (false, false) => &st::LOAD_GLOBAL_BUILTIN_DIRECT,
                            (false, true) => &st::LOAD_GLOBAL_BUILTIN_DIRECT__NULL,
                        };
                        if d.op == LOAD_GLOBAL_MODULE {
                            Instr::new(stencil)
                                .operand0(gver as u64)
                                .operand1(slot as u64)
                        } else {
                            Instr::new(stencil)
                                .operand0(((gver as u64) << 32) | bver as u64)
                                .operand1(slot as u64)
                        }
                    }
                    // The cache does not hold for the frame at hand: tier 1's form, read
                    // from the cache at run time.
                    None => Instr::new(&st::LOAD_GLOBAL_CACHED)
                        .oparg(d.at as u64)
                        .operand0(code.code_ptr() as u64)
                        .operand1(push_null),
                };
                guarded(&mut seq, &mut targets, ins, Pending::Unit(usize::MAX));
            }
            LOAD_ATTR_INSTANCE_VALUE | STORE_ATTR_INSTANCE_VALUE if d.at <= u32::MAX as usize => {
                let stencil = if d.op == LOAD_ATTR_INSTANCE_VALUE {
                    &st::LOAD_ATTR_INSTANCE_INLINE
                } else {
                    &st::STORE_ATTR_INSTANCE_INLINE
                };
                guarded(
                    &mut seq,
                    &mut targets,
                    attr_instance_instr(stencil, code, &d, &caches),
                    Pending::Unit(usize::MAX),
                );
                errors.push((seq.len() - 1, d.at));
            }
            CALL_BUILTIN
                if d.oparg == 1
                    && math1_instr(&instrs, k, code, namespaces, &is_target).is_some() =>
            {
                let ins = math1_instr(&instrs, k, code, namespaces, &is_target).expect("matched");
                guarded(&mut seq, &mut targets, ins, Pending::Unit(usize::MAX));
                errors.push((seq.len() - 1, d.at));
            }
            CALL_METHOD_DESCRIPTOR
                if method_kernel_instr(&instrs, k, code, &is_target).is_some() =>
            {
                let ins = method_kernel_instr(&instrs, k, code, &is_target).expect("matched");
                guarded(&mut seq, &mut targets, ins, Pending::Unit(usize::MAX));
                errors.push((seq.len() - 1, d.at));
            }
            CALL_BUILTIN_CLASS
                if range_iter_fusable(&instrs, k, code, namespaces, &is_target, keep_in_tier1) =>
            {
                let range = &crate::objects::range::RANGE_TYPE as *const _ as u64;
                let make: extern "C" fn(i64, i64, i64) -> Value =
                    crate::objects::range::small_range_iter;
                let make = make as usize as u64;
                let ins = Instr::new(&st::CALL_RANGE__GET_ITER)
                    .oparg(d.oparg as u64)
                    .operand0(range)
                    .operand1(make);
                guarded(&mut seq, &mut targets, ins, Pending::Unit(usize::MAX));
                // The GET_ITER too.
                k += 1;
            }
            CALL_BUILTIN_LEN
                if !keep_in_tier1.contains(&(d.start, d.op))
                    && len_callee(&instrs, k, code, namespaces, &is_target).is_some() =>
            {
                let f = len_callee(&instrs, k, code, namespaces, &is_target).expect("matched");
                let tuple = &crate::objects::tuple::TUPLE_TYPE as *const _ as u64;
                let ins = Instr::new(&st::CALL_LEN_INLINE)
                    .operand0(f)
                    .operand1(list_type())
                    .operand2(tuple);
                guarded(&mut seq, &mut targets, ins, Pending::Unit(usize::MAX));
            }
            CALL_LIST_APPEND if d.oparg == 1 => {
                let descr = crate::objects::list::LIST_TYPE
                    .lookup_str("append")
                    .map_or(0, |d| d.obj_ptr() as u64);
                // `xs.append(x)` as a statement: the `POP_TOP` too.
                let pop = follower(&instrs, k + 1, &is_target).filter(|p| p.op == POP_TOP);
                let stencil = match pop {
                    Some(_) => &st::CALL_LIST_APPEND_INLINE__POP,
                    None => &st::CALL_LIST_APPEND_INLINE,
                };
                let ins = Instr::new(stencil)
                    .oparg(d.at as u64)
                    .operand0(descr)
                    .operand1(list_type())
                    .operand2(code.code_ptr() as u64);
                guarded(&mut seq, &mut targets, ins, Pending::Unit(usize::MAX));
                errors.push((seq.len() - 1, d.at));
                k += pop.is_some() as usize;
            }
            CONTAINS_OP_SET
                if contains_set_instr(&st::CONTAINS_OP_SET_INLINE, code, &d, 0).is_some() =>
            {
                let ins = contains_set_instr(&st::CONTAINS_OP_SET_INLINE, code, &d, 0);
                guarded(
                    &mut seq,
                    &mut targets,
                    ins.expect("matched"),
                    Pending::Unit(usize::MAX),
                );
                errors.push((seq.len() - 1, d.at));
            }
            LOAD_ATTR_METHOD_WITH_VALUES | LOAD_ATTR_METHOD_NO_DICT => {
                // Inline when the cache holds a method, else through the helper.
                let ins = method_instr(&st::LOAD_ATTR_METHOD_INLINE, code, &d, &caches)
                    .unwrap_or_else(|| {
                        Instr::new(&st::LOAD_ATTR_METHOD)
                            .oparg(d.at as u64)
                            .operand0(d.oparg as u64)
                            .operand1(code.code_ptr() as u64)
                    });
                guarded(&mut seq, &mut targets, ins, Pending::Unit(usize::MAX));
                errors.push((seq.len() - 1, d.at));
            }
            op if helper_stencil(op).is_some() => {
                // A runtime helper runs tier 1's current form of the instruction at `d.at`;
                // it may exit at the instruction (a failed guard) or raise there.
                let stencil = helper_stencil(op).expect("matched");
                guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(stencil)
                        .oparg(d.at as u64)
                        .operand0(d.oparg as u64)
                        .operand1(code.code_ptr() as u64),
                    Pending::Unit(usize::MAX),
                );
                errors.push((seq.len() - 1, d.at));
            }
            BUILD_TUPLE | BUILD_LIST => {
                seq.push(
                    Instr::new(&st::BUILD_SEQ)
                        .oparg(d.at as u64)
                        .operand0(((d.oparg as u64) << 1) | (d.op == BUILD_LIST) as u64),
                );
                targets.push(none);
            }
            IS_OP => {
                seq.push(Instr::new(&st::IS_OP).oparg(d.oparg as u64));
                targets.push(none);
            }
            CALL_PY_EXACT_ARGS => {
                // The frame push inline, its slow path (any other callable, a callee that
                // is not compiled, the recursion limit) out of line.
                let info = super::runtime::CALL_INFO_OFFSET as u64;
                let fty = &crate::objects::function::FUNCTION_TYPE as *const _ as u64;
                let stencil = if self_slot_is_null(&instrs, k, &is_target) {
                    &st::CALL_PY_INLINE__NULL
                } else {
                    &st::CALL_PY_INLINE
                };
                let ins = Instr::new(stencil)
                    .oparg((info << 32) | d.oparg as u64)
                    .operand0(((d.next as u64) << 32) | d.at as u64)
                    .operand1(fty);
                exits.push(d.start);
                slow.push((
                    Instr {
                        stencil: &st::CALL_PY_SLOW,
                        ..ins
                    },
                    Some(exits.len() - 1),
                ));
                seq.push(ins);
                targets.push((Pending::Slow(slow.len() - 1), Pending::Unit(usize::MAX)));
            }
            CALL_ALLOC_AND_ENTER_INIT => {
                guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(&st::CALL_ALLOC_AND_ENTER_INIT)
                        .oparg(d.oparg as u64)
                        .operand0(d.at as u64)
                        .operand1(d.next as u64),
                    Pending::Unit(usize::MAX),
                );
            }
            CALL_BOUND_METHOD_EXACT_ARGS => {
                let bound = 1u64;
                guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(&st::CALL_PY_EXACT)
                        .oparg(d.oparg as u64)
                        .operand0(d.at as u64)
                        .operand1(((d.next as u64) << 1) | bound),
                    Pending::Unit(usize::MAX),
                );
            }
            RETURN_VALUE | RETURN_CONST => {
                let konst = if d.op == RETURN_CONST {
                    &code.consts[d.oparg as usize] as *const Value as u64
                } else {
                    0
                };
                // The pop of a frame a compiled call pushed inline, any other out of line.
                let inline = if d.op == RETURN_CONST {
                    &st::RETURN_CONST_INLINE
                } else {
                    &st::RETURN_INLINE
                };
                let ins = Instr::new(inline).oparg(d.start as u64).operand0(konst);
                slow.push((
                    Instr {
                        stencil: &st::RETURN,
                        ..ins
                    },
                    None,
                ));
                seq.push(ins);
                targets.push((Pending::Slow(slow.len() - 1), Pending::Unit(usize::MAX)));
            }
            STORE_FAST => {
                seq.push(Instr::new(&st::STORE_FAST).oparg(local_offset(d.oparg)));
                targets.push(none);
            }
            POP_TOP => {
                seq.push(Instr::new(&st::POP_TOP));
                targets.push(none);
            }
            LOAD_CONST => {
                let c = &code.consts[d.oparg as usize];
                seq.push(load_const(c));
                targets.push(none);
            }
            JUMP_FORWARD => {
                seq.push(Instr::new(&st::JUMP));
                targets.push((
                    Pending::Unit(d.next + d.oparg as usize),
                    Pending::Unit(usize::MAX),
                ));
            }
            JUMP_BACKWARD_NO_INTERRUPT => {
                seq.push(Instr::new(&st::JUMP));
                targets.push((
                    Pending::Unit(d.next - d.oparg as usize),
                    Pending::Unit(usize::MAX),
                ));
            }
            JUMP_BACKWARD => {
                guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(&st::JUMP_BACKWARD).operand0(flag),
                    Pending::Unit(d.next - d.oparg as usize),
                );
            }
            COMPARE_OP_INT | COMPARE_OP_FLOAT => {
                let following = instrs.get(k + 1).copied();
                let fused = following.filter(|j| {
                    j.start == j.at // no EXTENDED_ARG (tier 1 fuses only then)
                        && j.start == d.next
                        && matches!(j.op, POP_JUMP_IF_TRUE | POP_JUMP_IF_FALSE)
                        && !is_target[j.start]
                });
                match fused {
                    Some(j) => {
                        let shape = if j.op == POP_JUMP_IF_TRUE {
                            CmpShape::JumpIfTrue
                        } else {
                            CmpShape::JumpIfFalse
                        };
                        guarded(
                            &mut seq,
                            &mut targets,
                            Instr::new(compare_stencil(d.op, d.oparg, shape)),
                            Pending::Unit(j.next + j.oparg as usize),
                        );
                        // The jump is part of this stencil.
                        k += 1;
                    }
                    None => guarded(
                        &mut seq,
                        &mut targets,
                        Instr::new(compare_stencil(d.op, d.oparg, CmpShape::Push)),
                        Pending::Unit(usize::MAX),
                    ),
                }
            }
            op => match binary_stencil(op) {
                Some(s) => guarded(
                    &mut seq,
                    &mut targets,
                    Instr::new(s),
                    Pending::Unit(usize::MAX),
                ),
                None => {
                    if matches!(
                        op,
                        BINARY_OP
                            | COMPARE_OP
                            | FOR_ITER
                            | BINARY_SUBSCR
                            | LOAD_GLOBAL
                            | LOAD_ATTR
                            | STORE_ATTR
                            | STORE_SUBSCR
                            | CONTAINS_OP
                            | UNPACK_SEQUENCE
                            | CALL
                    ) {
                        unspecialized += 1;
                    }
                    // Tier 1 runs it.
                    seq.push(
                        Instr::new(&st::EXIT)
                            .oparg(d.start as u64)
                            .operand0(exit::DEOPT),
                    );
                    targets.push(none);
                }
            },
        }
        unit_of.resize(seq.len(), d.start);
        if seq.len() > before {
            if std::ptr::eq(seq[before].stencil, &st::EXIT) {
                kind[k0] = 2;
            } else {
                kind[k0] = 1;
                is_entry[d.start] = true;
                compiled_ops += 1;
            }
        }
        k += 1;
    }
    // Entering compiled code costs about as much as a few tier-1 dispatches: an entry that
    // runs only a few ops before it exits again (a loop head followed by an instruction the
    // JIT does not compile) is not worth taking, except at the function's start and where a
    // compiled call returns (compiled code goes on there by a jump, not an entry from tier 1).
    let mut run = 0usize;
    for k in (0..instrs.len()).rev() {
        match kind[k] {
            1 => run += 1,
            2 => run = 0,
            _ => {}
        }
        let at_start = k > 0
            && (instrs[k - 1].op == RESUME
                || (kind[k - 1] == 1
                    && matches!(
                        instrs[k - 1].op,
                        CALL_PY_EXACT_ARGS | CALL_BOUND_METHOD_EXACT_ARGS
                    )));
        if kind[k] == 1 && run < MIN_RUN && !at_start {
            is_entry[instrs[k].start] = false;
        }
    }
    // Code units that start no instruction (or emitted nothing) resolve to the next stencil.
    let body_len = seq.len();
    let mut next_idx = body_len;
    for u in (0..=n_units).rev() {
        if first[u] == usize::MAX {
            first[u] = next_idx;
        } else {
            next_idx = first[u];
        }
    }
    // Bytecode ends with a terminal instruction, but never let the body run off its end.
    if body_len == 0 || seq[body_len - 1].stencil.falls_through {
        seq.push(
            Instr::new(&st::EXIT)
                .oparg(n_units as u64)
                .operand0(exit::DEOPT),
        );
        targets.push((Pending::Unit(usize::MAX), Pending::Unit(usize::MAX)));
    }
    let exits_at = seq.len();
    for &unit in &exits {
        seq.push(
            Instr::new(&st::EXIT)
                .oparg(unit as u64)
                .operand0(GUARD_EXIT),
        );
    }
    // Error exits: the exception was raised at the instruction (tier 1 unwinds from there).
    for &(i, unit) in &errors {
        let e = seq.len();
        seq.push(
            Instr::new(&st::EXIT)
                .oparg(unit as u64)
                .operand0(exit::ERROR),
        );
        seq[i] = seq[i].error(Target::Instr(e));
    }
    // Slow paths of inline stencils.
    let slow_at = seq.len();
    for (ins, deopt) in slow {
        let ins = match deopt {
            Some(e) => ins.deopt(Target::Instr(exits_at + e)),
            None => ins,
        };
        seq.push(ins);
    }
    // Resolve jump and deopt targets.
    for (i, (jump, deopt)) in targets.iter().enumerate() {
        match *jump {
            Pending::Unit(u) if u != usize::MAX => {
                // A jump past the end exits there (cannot happen in valid bytecode).
                let t = first.get(u).copied().unwrap_or(body_len);
                seq[i] = seq[i].jump_target(Target::Instr(t));
            }
            Pending::Slow(k) => seq[i] = seq[i].jump_target(Target::Instr(slow_at + k)),
            _ => {}
        }
        if let Pending::Exit(e) = *deopt {
            seq[i] = seq[i].deopt(Target::Instr(exits_at + e));
        }
    }
    let compiled = emit(arena, &seq, &st::helper_addresses())?;
    let listing = if super::runtime::dump_enabled() {
        seq.iter()
            .enumerate()
            .map(|(i, ins)| (unit_of.get(i).copied(), ins.stencil.name))
            .collect()
    } else {
        Vec::new()
    };
    let mut entries = vec![NO_ENTRY; n_units].into_boxed_slice();
    for u in 0..n_units {
        if is_entry[u] {
            entries[u] = compiled.offsets[first[u]];
        }
    }
    Ok(Emitted {
        compiled,
        entries,
        compiled_ops,
        unspecialized,
        poly_caches: caches,
        listing,
    })
}

/// The byte offset of local `index` in a frame's values: how fused operands name a local.
fn local_offset(index: u32) -> u64 {
    index as u64 * std::mem::size_of::<crate::abi::Value>() as u64
}

/// The code unit a jump instruction goes to, if `d` is a jump.
fn jump_target(d: &Decoded) -> Option<usize> {
    let a = d.oparg as usize;
    match d.op {
        JUMP_FORWARD | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE
        | POP_JUMP_IF_NOT_NONE | FOR_ITER | SEND => Some(d.next + a),
        JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => d.next.checked_sub(a),
        _ => None,
    }
}

/// `LOAD_CONST` of `c`: an immediate for inline values, the address for heap objects (the
/// code object keeps its constants alive as long as the compiled code).
fn load_const(c: &Value) -> Instr<'static> {
    if c.is_int() {
        Instr::new(&st::LOAD_CONST_INT).operand0(c.payload)
    } else if c.is_obj() {
        Instr::new(&st::LOAD_CONST_OBJ).operand0(c.payload)
    } else {
        Instr::new(&st::LOAD_CONST_INLINE)
            .operand0(c.payload)
            .operand1(c.tag)
    }
}

/// The address of the `list` type, which the inline list stencils compare with (`OPERAND0`).
fn list_type() -> u64 {
    &crate::objects::list::LIST_TYPE as *const _ as u64
}

/// The type an inline item read (`BINARY_SUBSCR_LIST_INT` and its fused forms) checks for:
/// `tuple` for `BINARY_SUBSCR_TUPLE_INT` (whose payload has a list's item layout), else `list`.
fn items_type(op: u8) -> u64 {
    if op == BINARY_SUBSCR_TUPLE_INT {
        &crate::objects::tuple::TUPLE_TYPE as *const _ as u64
    } else {
        list_type()
    }
}
