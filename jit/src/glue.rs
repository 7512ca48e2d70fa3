//! Code the emitter writes itself, with dynasmrt: veneers that carry a `call`/`jmp rel32` to a
//! target out of rel32 range.
//!
//! No entry or exit stub is needed by the calling convention: every stencil is an
//! `extern "C" fn(frame, sp, thread) -> Exit` that tail-jumps to the next, so tier 1 enters
//! compiled code with an ordinary call and compiled code leaves it with an ordinary `ret` (exit
//! stencils write `ip`/`sp` to the frame and return the exit code).

use dynasmrt::{dynasm, x64::X64Relocation, DynasmApi, DynasmLabelApi, VecAssembler};

/// Bytes reserved per veneer (`jmp [rip + 0]` plus the 8-byte target, padded).
pub const VENEER_SIZE: usize = 16;

/// A veneer placed at `at` that jumps to `target` wherever it is: `jmp qword [rip + 0]`
/// followed by the absolute target. Reached by `call rel32`, it returns straight to the
/// caller, since it does not touch the stack.
pub fn veneer(at: usize, target: usize) -> Vec<u8> {
    let mut ops = VecAssembler::<X64Relocation>::new(at);
    dynasm!(ops
        ; .arch x64
        ; jmp QWORD [>target]
        ; target:
        ; .u64 target as u64
    );
    let mut code = ops
        .finalize()
        .expect("a veneer's only label is local and in range");
    debug_assert!(code.len() <= VENEER_SIZE);
    code.resize(VENEER_SIZE, 0xCC);
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn veneer_bytes() {
        let v = veneer(0x1000, 0x1122_3344_5566_7788);
        // jmp [rip+0]; .quad target; int3 padding
        assert_eq!(&v[..6], &[0xFF, 0x25, 0, 0, 0, 0]);
        assert_eq!(&v[6..14], &0x1122_3344_5566_7788u64.to_le_bytes());
        assert_eq!(&v[14..], &[0xCC, 0xCC]);
    }
}
