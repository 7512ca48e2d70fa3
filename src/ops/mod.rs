//! Op bodies and protocols shared by the eval loop (and, later, the JIT's stencils).
//!
//! `object`, `compare`, `number` and `sequence` are the generic protocols (CPython's
//! `abstract.c`/`object.c`); the fast paths on inline values live next to them as
//! `#[inline(always)]` functions so both tiers use one definition.

pub mod compare;
pub mod number;
pub mod object;
pub mod sequence;
