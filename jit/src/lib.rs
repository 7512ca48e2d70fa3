//! apython-jit: the machine-code half of apython's copy-and-patch JIT. It knows x86-64 code,
//! not Python.
//!
//! - [`stencil`]: the types of the stencil tables `build.rs` generates (code, data, holes);
//! - [`arena`]: executable memory near the binary, written RW then sealed RX, never RWX;
//! - [`emit`]: copies a sequence of stencils into the arena and patches their holes;
//! - [`glue`]: code written with dynasmrt (veneers to far targets);
//! - [`perf_map`], [`gdb`]: naming emitted code for `perf report` and gdb.
//!
//! The calling convention every stencil follows is
//! `extern "C" fn(frame, sp, thread) -> Exit`; stencils chain by tail jumps, so compiled
//! code is entered with a plain call and leaves with a plain return.

pub mod arena;
pub mod emit;
pub mod gdb;
pub mod glue;
pub mod perf_map;
pub mod stencil;

pub use arena::{Arena, CodeBlock, RwBlock};
pub use emit::{emit, Compiled, EmitError, Instr, Target};
pub use stencil::{Hole, HoleKind, HoleValue, Stencil, DATA_ALIGN};
