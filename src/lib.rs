//! apython: a Python 3.12 bytecode interpreter built on 16-byte fat values.
//!
//! See `DESIGN.md` (shared) for the architecture map. Module layout:
//! - `alloc`: the global allocator (the system's, with huge pages for big blocks);
//! - [`abi`]: the `#[repr(C)]` layouts shared by every tier (Value, object header, frame);
//! - `pyc`: `.pyc` header and marshal reader;
//! - `compile`: finding CPython 3.12's compiler for `.py` files, `__pycache__`;
//! - `objects`: one file per built-in type;
//! - `ops`: op bodies shared by the eval loop and the JIT stencils;
//! - `vm`: eval loop, frames, calls, exceptions;
//! - `tier2`: the JIT's stencil tables and runtime helpers (machine code: crate `apython-jit`);
//! - `builtins`, `modules`: the builtins module and native modules.

pub mod abi;
pub mod alloc;
pub mod builtins;
pub mod compile;
pub mod format;
pub mod modules;
pub mod objects;
pub mod ops;
pub mod pyc;
pub mod tier2;
pub mod vm;
