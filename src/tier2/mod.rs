//! Tier 2, the copy-and-patch JIT: the parts of it that live in the VM crate.
//!
//! - [`stencils`]: the stencil tables `build.rs` generates from `stencils/lib.rs`;
//! - [`helpers`]: the `apy_*` runtime helpers those stencils call;
//! - [`method_kernels`]: fast paths of built-in methods that compiled code calls directly;
//! - [`compile`]: a code object's current bytecode to a stencil sequence, emitted;
//! - [`runtime`]: the switches, the per-code-object slot ([`CodeJit`]), and entering compiled
//!   code from tier 1 ([`run`]).
//!
//! The machine-code side (arena, copy and patch, perf/gdb registration) is the `apython-jit`
//! crate; the eval loop (`vm::eval`) enters compiled code at the top of its outer dispatch
//! loop, when `RESUME` or `JUMP_BACKWARD` asks, after an exit, and after a return.

pub mod compile;
pub mod helpers;
pub mod method_kernels;
pub mod runtime;
pub mod stencils;

pub use method_kernels::MethodKernel;
pub use runtime::{
    configure, count_exit, enabled, print_stats, run, stats_enabled, CodeJit, GUARD_EXIT,
};

#[cfg(test)]
mod tests;
