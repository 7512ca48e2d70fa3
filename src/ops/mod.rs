//! Op bodies and protocols shared by the eval loop (and, later, the JIT's stencils).
//!
//! `object`, `compare`, `number` and `sequence` are the generic protocols (CPython's
//! `abstract.c`/`object.c`); the fast paths on inline values are the `#[inline(always)]`
//! functions of `kernels`, a `core`-only file that the JIT's stencils include too, so both
//! tiers use one definition.

pub mod compare;
pub mod kernels;
pub mod number;
pub mod object;
pub mod sequence;
