//! Tier 2, the copy-and-patch JIT: the parts of it that live in the VM crate.
//!
//! - [`stencils`]: the stencil tables `build.rs` generates from `stencils/lib.rs`;
//! - [`helpers`]: the `apy_*` runtime helpers those stencils call.
//!
//! The machine-code side (arena, copy and patch, perf/gdb registration) is the `apython-jit`
//! crate; tiering (when to compile, entering and leaving compiled code) belongs to `vm`.

pub mod helpers;
pub mod stencils;

#[cfg(test)]
mod tests;
