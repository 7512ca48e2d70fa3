//! The stencil tables' data types: what `build.rs` extracts from each compiled op body.
//!
//! A [`Stencil`] is position-independent machine code plus read-only data, with [`Hole`]s to
//! patch when a copy is placed: immediates (`oparg`, operands), the address of the next stencil,
//! jump and exit targets, the stencil's own data and runtime helpers. Everything here is
//! `const`-constructible so the generated tables are plain statics.

/// Alignment the emitter gives each stencil's data; `build.rs` lays a stencil's read-only
/// sections out relative to it (and rejects a section that needs more).
pub const DATA_ALIGN: usize = 16;

/// One op body, ready to be copied.
#[derive(Debug)]
pub struct Stencil {
    /// The op's name (the stencil function's symbol), for perf maps, gdb and errors.
    pub name: &'static str,
    /// Machine code, with zeros where the holes go.
    pub code: &'static [u8],
    /// Read-only data the code refers to (float constants ...), copied next to the code.
    pub data: &'static [u8],
    /// Where to patch, and with what.
    pub holes: &'static [Hole],
    /// Whether the code runs off its end into the next stencil (its trailing
    /// `jmp _JIT_CONTINUE` was stripped), so a stencil must follow it.
    pub falls_through: bool,
}

/// A place in a stencil's code or data to patch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hole {
    /// Byte offset of the patched field in `code` (or in `data` when `in_data`).
    pub offset: u32,
    /// How the value is written.
    pub kind: HoleKind,
    /// What is written.
    pub value: HoleValue,
    /// Added to the value (for `Rel32`, the ELF addend, usually -4, plus any symbol offset).
    pub addend: i64,
    /// The field is in the stencil's data, not its code.
    pub in_data: bool,
}

/// How a hole is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoleKind {
    /// `value + addend` as 8 little-endian bytes (`R_X86_64_64`: `movabs`, pointers in data).
    Abs64,
    /// `value + addend - address of the field` as a signed 32-bit little-endian displacement
    /// (`R_X86_64_PC32` and `R_X86_64_PLT32`: `call`/`jmp`/`jcc rel32`, rip-relative loads).
    /// A code target out of range goes through a veneer.
    Rel32,
}

/// What a hole stands for. The user of the emitter supplies the values per copied stencil.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoleValue {
    /// The instruction's argument (`_JIT_OPARG`).
    Oparg,
    /// First extra operand (`_JIT_OPERAND0`): a constant, a cache entry, an address ...
    Operand0,
    /// Second extra operand (`_JIT_OPERAND1`).
    Operand1,
    /// Third extra operand (`_JIT_OPERAND2`).
    Operand2,
    /// The address of the next stencil in the sequence as a value (`_JIT_CONTINUE_ADDR`), for
    /// a stencil that hands its continuation to someone else (a call stores where the callee
    /// returns to).
    ContinueAddr,
    /// The next stencil in the sequence (`_JIT_CONTINUE`).
    Continue,
    /// The instruction's branch target (`_JIT_JUMP_TARGET`).
    JumpTarget,
    /// Where a failed guard goes (`_JIT_DEOPT`).
    Deopt,
    /// Where a raised exception goes (`_JIT_ERROR`).
    Error,
    /// This copy's data (the addend holds the offset inside it).
    Data,
    /// A runtime helper: index into the helper address table passed to the emitter.
    Helper(u16),
}

impl HoleValue {
    /// Whether the value is a code address (so an out-of-range `Rel32` may use a veneer).
    pub fn is_code(self) -> bool {
        matches!(
            self,
            HoleValue::Continue
                | HoleValue::JumpTarget
                | HoleValue::Deopt
                | HoleValue::Error
                | HoleValue::Helper(_)
        )
    }
}

impl Stencil {
    /// Whether the stencil has a hole for `v`.
    pub fn uses(&self, v: HoleValue) -> bool {
        self.holes.iter().any(|h| h.value == v)
    }
}
