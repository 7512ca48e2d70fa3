//! Copy and patch: lays a sequence of stencils out in one arena block and fills their holes.
//!
//! Layout of a block: every stencil's code back to back (so a stencil whose trailing
//! `jmp _JIT_CONTINUE` was stripped falls into the next one), then each stencil's data at a
//! [`DATA_ALIGN`] boundary, then veneers for rel32 targets out of range. Data is therefore
//! always within rel32 of the code that uses it.

use std::collections::HashMap;
use std::fmt;
use std::io;

use crate::arena::{Arena, CodeBlock};
use crate::glue::{veneer, VENEER_SIZE};
use crate::stencil::{HoleKind, HoleValue, Stencil, DATA_ALIGN};

/// Where a control-flow hole (`JumpTarget`, `Deopt`, `Error`) leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Target {
    /// Not given: an error if the stencil has such a hole.
    #[default]
    Unset,
    /// The start of another stencil of the same sequence, by index.
    Instr(usize),
    /// Any absolute code address (reached through a veneer when out of rel32 range).
    Addr(usize),
}

/// One stencil of a sequence, with the values of its holes.
#[derive(Clone, Copy, Debug)]
pub struct Instr<'s> {
    pub stencil: &'s Stencil,
    /// `_JIT_OPARG`.
    pub oparg: u64,
    /// `_JIT_OPERAND0`.
    pub operand0: u64,
    /// `_JIT_OPERAND1`.
    pub operand1: u64,
    /// `_JIT_OPERAND2`.
    pub operand2: u64,
    /// `_JIT_JUMP_TARGET`.
    pub jump_target: Target,
    /// `_JIT_DEOPT`.
    pub deopt: Target,
    /// `_JIT_ERROR`.
    pub error: Target,
}

impl<'s> Instr<'s> {
    /// The stencil with every hole value zero or unset.
    pub fn new(stencil: &'s Stencil) -> Instr<'s> {
        Instr {
            stencil,
            oparg: 0,
            operand0: 0,
            operand1: 0,
            operand2: 0,
            jump_target: Target::Unset,
            deopt: Target::Unset,
            error: Target::Unset,
        }
    }
    /// With `_JIT_OPARG`.
    pub fn oparg(mut self, v: u64) -> Self {
        self.oparg = v;
        self
    }
    /// With `_JIT_OPERAND0`.
    pub fn operand0(mut self, v: u64) -> Self {
        self.operand0 = v;
        self
    }
    /// With `_JIT_OPERAND1`.
    pub fn operand1(mut self, v: u64) -> Self {
        self.operand1 = v;
        self
    }
    /// With `_JIT_OPERAND2`.
    pub fn operand2(mut self, v: u64) -> Self {
        self.operand2 = v;
        self
    }
    /// With `_JIT_JUMP_TARGET`.
    pub fn jump_target(mut self, t: Target) -> Self {
        self.jump_target = t;
        self
    }
    /// With `_JIT_DEOPT`.
    pub fn deopt(mut self, t: Target) -> Self {
        self.deopt = t;
        self
    }
    /// With `_JIT_ERROR`.
    pub fn error(mut self, t: Target) -> Self {
        self.error = t;
        self
    }
}

/// Why a sequence could not be emitted.
#[derive(Debug)]
pub enum EmitError {
    /// No stencils.
    Empty,
    /// The last stencil continues or falls through, but nothing follows it.
    FallsOffEnd(&'static str),
    /// A stencil has a hole for a target that was not given (or names no stencil).
    BadTarget {
        instr: usize,
        stencil: &'static str,
        hole: HoleValue,
    },
    /// A helper index past the end of the helper table, or a null helper.
    MissingHelper(u16),
    /// A rel32 hole whose value is not code and is out of range (cannot take a veneer).
    OutOfRange {
        stencil: &'static str,
        hole: HoleValue,
    },
    /// The arena has no room for the block.
    ArenaFull,
    /// mprotect failed.
    Io(io::Error),
}

impl fmt::Display for EmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmitError::Empty => write!(f, "no stencils to emit"),
            EmitError::FallsOffEnd(s) => write!(f, "stencil {s} continues past the end"),
            EmitError::BadTarget {
                instr,
                stencil,
                hole,
            } => write!(
                f,
                "stencil #{instr} ({stencil}): no valid target for {hole:?}"
            ),
            EmitError::MissingHelper(i) => write!(f, "runtime helper #{i} missing"),
            EmitError::OutOfRange { stencil, hole } => {
                write!(f, "stencil {stencil}: {hole:?} out of rel32 range")
            }
            EmitError::ArenaFull => write!(f, "JIT code arena full"),
            EmitError::Io(e) => write!(f, "JIT code arena: {e}"),
        }
    }
}

impl std::error::Error for EmitError {}

impl From<io::Error> for EmitError {
    fn from(e: io::Error) -> EmitError {
        EmitError::Io(e)
    }
}

/// An emitted sequence: its executable block and where each stencil's code starts.
#[derive(Debug)]
pub struct Compiled {
    /// The block (free it with [`Arena::free`] when the code is invalidated).
    pub block: CodeBlock,
    /// Offset in the block of each stencil's code, by index in the sequence.
    pub offsets: Vec<u32>,
    /// Bytes of code (all stencils; data and veneers follow).
    pub code_len: usize,
    /// Number of veneers emitted for far targets.
    pub veneers: usize,
}

impl Compiled {
    /// Address of the first stencil: the entry point.
    pub fn entry(&self) -> usize {
        self.block.addr()
    }
    /// Address of stencil `i`'s code.
    pub fn addr_of(&self, i: usize) -> usize {
        self.block.addr() + self.offsets[i] as usize
    }
}

fn align_up(x: usize, a: usize) -> usize {
    x.div_ceil(a) * a
}

/// Copies `instrs` into one new block of `arena`, patches every hole, and seals the block.
/// `helpers[i]` is the address of runtime helper `i` (`HoleValue::Helper(i)`).
pub fn emit(arena: &mut Arena, instrs: &[Instr], helpers: &[usize]) -> Result<Compiled, EmitError> {
    let Some(last) = instrs.last() else {
        return Err(EmitError::Empty);
    };
    if last.stencil.falls_through
        || last.stencil.uses(HoleValue::Continue)
        || last.stencil.uses(HoleValue::ContinueAddr)
    {
        return Err(EmitError::FallsOffEnd(last.stencil.name));
    }
    // Layout.
    let mut offsets = Vec::with_capacity(instrs.len());
    let mut pos = 0usize;
    for ins in instrs {
        offsets.push(pos as u32);
        pos += ins.stencil.code.len();
    }
    let code_len = pos;
    let mut data_offsets = Vec::with_capacity(instrs.len());
    for ins in instrs {
        if !ins.stencil.data.is_empty() {
            pos = align_up(pos, DATA_ALIGN);
        }
        data_offsets.push(pos);
        pos += ins.stencil.data.len();
    }
    // Room for a veneer per distinct target that can be far (helpers, absolute targets).
    let mut far_targets: Vec<usize> = Vec::new();
    for ins in instrs {
        for h in ins.stencil.holes {
            if h.kind != HoleKind::Rel32 {
                continue;
            }
            let t = match h.value {
                HoleValue::Helper(i) => helpers.get(i as usize).copied(),
                HoleValue::JumpTarget => addr_target(ins.jump_target),
                HoleValue::Deopt => addr_target(ins.deopt),
                HoleValue::Error => addr_target(ins.error),
                _ => None,
            };
            if let Some(t) = t {
                if !far_targets.contains(&t) {
                    far_targets.push(t);
                }
            }
        }
    }
    let veneer_start = align_up(pos, VENEER_SIZE);
    let total = veneer_start + far_targets.len() * VENEER_SIZE;

    let mut block = arena.alloc(total)?.ok_or(EmitError::ArenaFull)?;
    let base = block.addr();
    let bytes = block.bytes_mut();
    bytes.fill(0xCC);
    for (i, ins) in instrs.iter().enumerate() {
        let c = offsets[i] as usize;
        bytes[c..c + ins.stencil.code.len()].copy_from_slice(ins.stencil.code);
        let d = data_offsets[i];
        bytes[d..d + ins.stencil.data.len()].copy_from_slice(ins.stencil.data);
    }

    let mut veneers: HashMap<usize, usize> = HashMap::new();
    let mut next_veneer = veneer_start;
    for (i, ins) in instrs.iter().enumerate() {
        let bad = |hole| EmitError::BadTarget {
            instr: i,
            stencil: ins.stencil.name,
            hole,
        };
        let target = |t: Target, hole| match t {
            Target::Instr(j) if j < instrs.len() => Ok(base + offsets[j] as usize),
            Target::Addr(a) => Ok(a),
            _ => Err(bad(hole)),
        };
        for h in ins.stencil.holes {
            let value: usize = match h.value {
                HoleValue::Oparg => ins.oparg as usize,
                HoleValue::Operand0 => ins.operand0 as usize,
                HoleValue::Operand1 => ins.operand1 as usize,
                HoleValue::Operand2 => ins.operand2 as usize,
                HoleValue::Continue | HoleValue::ContinueAddr => base + offsets[i + 1] as usize,
                HoleValue::JumpTarget => target(ins.jump_target, h.value)?,
                HoleValue::Deopt => target(ins.deopt, h.value)?,
                HoleValue::Error => target(ins.error, h.value)?,
                HoleValue::Data => base + data_offsets[i],
                HoleValue::Helper(k) => match helpers.get(k as usize) {
                    Some(&a) if a != 0 => a,
                    _ => return Err(EmitError::MissingHelper(k)),
                },
            };
            let at = if h.in_data {
                data_offsets[i]
            } else {
                offsets[i] as usize
            } + h.offset as usize;
            match h.kind {
                HoleKind::Abs64 => {
                    let v = (value as i64).wrapping_add(h.addend) as u64;
                    bytes[at..at + 8].copy_from_slice(&v.to_le_bytes());
                }
                HoleKind::Rel32 => {
                    let place = (base + at) as i64;
                    let mut disp = (value as i64).wrapping_add(h.addend).wrapping_sub(place);
                    if i32::try_from(disp).is_err() {
                        if !h.value.is_code() {
                            return Err(EmitError::OutOfRange {
                                stencil: ins.stencil.name,
                                hole: h.value,
                            });
                        }
                        let v = *veneers.entry(value).or_insert_with(|| {
                            let off = next_veneer;
                            next_veneer += VENEER_SIZE;
                            bytes[off..off + VENEER_SIZE]
                                .copy_from_slice(&veneer(base + off, value));
                            base + off
                        });
                        disp = (v as i64).wrapping_add(h.addend).wrapping_sub(place);
                    }
                    let d = i32::try_from(disp).expect("veneers are inside the block");
                    bytes[at..at + 4].copy_from_slice(&d.to_le_bytes());
                }
            }
        }
    }
    let n_veneers = veneers.len();
    let block = block.seal()?;
    Ok(Compiled {
        block,
        offsets,
        code_len,
        veneers: n_veneers,
    })
}

fn addr_target(t: Target) -> Option<usize> {
    match t {
        Target::Addr(a) => Some(a),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    //! Hand-made stencils (raw x86-64) with `rax` as an accumulator, run through the emitter.
    use super::*;
    use crate::arena::image_range;
    use crate::stencil::Hole;

    const fn hole(offset: u32, kind: HoleKind, value: HoleValue, addend: i64) -> Hole {
        Hole {
            offset,
            kind,
            value,
            addend,
            in_data: false,
        }
    }

    /// `movabs rax, OPARG; jmp CONTINUE` (the jump kept: it lands on the next stencil).
    static LOAD_IMM: Stencil = Stencil {
        name: "LOAD_IMM",
        code: &[0x48, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0xE9, 0, 0, 0, 0],
        data: &[],
        holes: &[
            hole(2, HoleKind::Abs64, HoleValue::Oparg, 0),
            hole(11, HoleKind::Rel32, HoleValue::Continue, -4),
        ],
        falls_through: false,
    };
    /// `movabs rcx, OPERAND0; add rax, rcx` (falls through).
    static ADD_IMM: Stencil = Stencil {
        name: "ADD_IMM",
        code: &[0x48, 0xB9, 0, 0, 0, 0, 0, 0, 0, 0, 0x48, 0x01, 0xC8],
        data: &[],
        holes: &[hole(2, HoleKind::Abs64, HoleValue::Operand0, 0)],
        falls_through: true,
    };
    /// `add rax, [rip + DATA + 8]` with data `[1, 100]` (falls through).
    static ADD_DATA: Stencil = Stencil {
        name: "ADD_DATA",
        code: &[0x48, 0x03, 0x05, 0, 0, 0, 0],
        data: &[1, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0],
        holes: &[hole(3, HoleKind::Rel32, HoleValue::Data, 8 - 4)],
        falls_through: true,
    };
    /// `mov rdi, rax; push rax; call HELPER0; pop rcx` (falls through).
    static CALL_HELPER: Stencil = Stencil {
        name: "CALL_HELPER",
        code: &[0x48, 0x89, 0xC7, 0x50, 0xE8, 0, 0, 0, 0, 0x59],
        data: &[],
        holes: &[hole(5, HoleKind::Rel32, HoleValue::Helper(0), -4)],
        falls_through: true,
    };
    /// `sub rax, 1; jnz JUMP_TARGET` (falls through).
    static DEC_JNZ: Stencil = Stencil {
        name: "DEC_JNZ",
        code: &[0x48, 0x83, 0xE8, 0x01, 0x0F, 0x85, 0, 0, 0, 0],
        data: &[],
        holes: &[hole(6, HoleKind::Rel32, HoleValue::JumpTarget, -4)],
        falls_through: true,
    };
    /// `add rdi, 1` (counts loop iterations in rdi; falls through).
    static INC_RDI: Stencil = Stencil {
        name: "INC_RDI",
        code: &[0x48, 0x83, 0xC7, 0x01],
        data: &[],
        holes: &[],
        falls_through: true,
    };
    /// `mov rax, rdi; ret`.
    static RET_RDI: Stencil = Stencil {
        name: "RET_RDI",
        code: &[0x48, 0x89, 0xF8, 0xC3],
        data: &[],
        holes: &[],
        falls_through: false,
    };
    /// `cmp rax, OPARG(imm32 via abs64 in rcx); je DEOPT` (falls through).
    static GUARD_NE: Stencil = Stencil {
        name: "GUARD_NE",
        code: &[
            0x48, 0xB9, 0, 0, 0, 0, 0, 0, 0, 0, 0x48, 0x39, 0xC8, 0x0F, 0x84, 0, 0, 0, 0,
        ],
        data: &[],
        holes: &[
            hole(2, HoleKind::Abs64, HoleValue::Oparg, 0),
            hole(15, HoleKind::Rel32, HoleValue::Deopt, -4),
        ],
        falls_through: true,
    };
    /// `ret`.
    static RET: Stencil = Stencil {
        name: "RET",
        code: &[0xC3],
        data: &[],
        holes: &[],
        falls_through: false,
    };

    extern "C" fn double(x: u64) -> u64 {
        x * 2
    }

    extern "C" fn deopted() -> u64 {
        999
    }

    fn helpers() -> Vec<usize> {
        vec![double as *const () as usize]
    }

    fn call(c: &Compiled) -> u64 {
        // SAFETY: the sequences below are complete functions under the C ABI.
        let f: extern "C" fn(u64) -> u64 = unsafe { std::mem::transmute(c.entry()) };
        f(0)
    }

    fn straight_line(arena: &mut Arena) -> Compiled {
        let seq = [
            Instr::new(&LOAD_IMM).oparg(5),
            Instr::new(&ADD_IMM).operand0(10),
            Instr::new(&ADD_DATA),
            Instr::new(&CALL_HELPER),
            Instr::new(&RET),
        ];
        emit(arena, &seq, &helpers()).unwrap()
    }

    #[test]
    fn straight_line_with_data_and_helper() {
        let mut arena = Arena::new(1 << 20).unwrap();
        let c = straight_line(&mut arena);
        assert_eq!(call(&c), (5 + 10 + 100) * 2);
        assert_eq!(c.veneers, 0, "the helper is near: no veneer");
        assert_eq!(c.offsets, vec![0, 15, 28, 35, 45]);
        assert_eq!(c.code_len, 46);
        // The data sits right after the code, aligned.
        // SAFETY: the block is mapped readable.
        let data = unsafe { std::slice::from_raw_parts((c.entry() + 48) as *const u8, 16) };
        assert_eq!(data, ADD_DATA.data);
    }

    #[test]
    fn far_helper_goes_through_a_veneer() {
        // An arena 8 GiB away from the binary: `call rel32` cannot reach `double`.
        let (lo, hi) = image_range(double as *const () as usize).unwrap();
        let mut arena = None;
        for hint in [lo.checked_sub(8 << 30), Some(hi + (8 << 30))]
            .into_iter()
            .flatten()
        {
            if let Ok(a) = Arena::at(hint & !0xFFFF, 1 << 20) {
                arena = Some(a);
                break;
            }
        }
        let mut arena = arena.expect("a far mapping");
        assert!((arena.base() as i64 - double as *const () as usize as i64).abs() > 1 << 32);
        let c = straight_line(&mut arena);
        assert_eq!(c.veneers, 1);
        assert_eq!(call(&c), 230);
        // A far absolute deopt target also goes through a veneer.
        let seq = [
            Instr::new(&LOAD_IMM).oparg(7),
            Instr::new(&GUARD_NE)
                .oparg(7)
                .deopt(Target::Addr(deopted as *const () as usize)),
            Instr::new(&RET),
        ];
        let c = emit(&mut arena, &seq, &[]).unwrap();
        assert_eq!(c.veneers, 1);
        assert_eq!(call(&c), 999);
    }

    #[test]
    fn loops_and_exits() {
        let mut arena = Arena::new(1 << 20).unwrap();
        // rax = 10; do { rdi += 1 } while (--rax); return rdi
        let seq = [
            Instr::new(&LOAD_IMM).oparg(10),
            Instr::new(&INC_RDI),
            Instr::new(&DEC_JNZ).jump_target(Target::Instr(1)),
            Instr::new(&RET_RDI),
        ];
        let c = emit(&mut arena, &seq, &[]).unwrap();
        assert_eq!(call(&c), 10);
        // A guard: deopt to another stencil of the sequence.
        let seq = |v| {
            [
                Instr::new(&LOAD_IMM).oparg(v),
                Instr::new(&GUARD_NE).oparg(3).deopt(Target::Instr(3)),
                Instr::new(&RET),
                Instr::new(&LOAD_IMM).oparg(77),
                Instr::new(&RET),
            ]
        };
        let c = emit(&mut arena, &seq(4), &[]).unwrap();
        assert_eq!(call(&c), 4);
        let c = emit(&mut arena, &seq(3), &[]).unwrap();
        assert_eq!(call(&c), 77);
    }

    #[test]
    fn errors() {
        let mut arena = Arena::new(1 << 20).unwrap();
        assert!(matches!(emit(&mut arena, &[], &[]), Err(EmitError::Empty)));
        assert!(matches!(
            emit(&mut arena, &[Instr::new(&ADD_IMM)], &[]),
            Err(EmitError::FallsOffEnd("ADD_IMM"))
        ));
        assert!(matches!(
            emit(&mut arena, &[Instr::new(&LOAD_IMM)], &[]),
            Err(EmitError::FallsOffEnd("LOAD_IMM"))
        ));
        assert!(matches!(
            emit(
                &mut arena,
                &[Instr::new(&CALL_HELPER), Instr::new(&RET)],
                &[]
            ),
            Err(EmitError::MissingHelper(0))
        ));
        assert!(matches!(
            emit(
                &mut arena,
                &[
                    Instr::new(&DEC_JNZ).jump_target(Target::Instr(5)),
                    Instr::new(&RET)
                ],
                &[]
            ),
            Err(EmitError::BadTarget {
                instr: 0,
                hole: HoleValue::JumpTarget,
                ..
            })
        ));
        assert_eq!(arena.used(), 0, "failed emits give their pages back");
    }
}
