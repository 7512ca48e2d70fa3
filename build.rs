//! Builds the JIT's stencils: compiles `stencils/lib.rs` to an object file with the same
//! `rustc`, checks every stencil in it, and writes the stencil tables to
//! `$OUT_DIR/stencils.rs` (included by `src/tier2/stencils.rs`).
//!
//! The build fails when a stencil
//! - has a relocation other than `R_X86_64_64`, `R_X86_64_PC32`, `R_X86_64_PLT32`;
//! - refers to a symbol outside the allowlist: the holes (`_JIT_*`), runtime helpers
//!   (`apy_*`), `memcpy`/`memmove`/`memset`, and its own read-only data (so no
//!   `panic_bounds_check`, no call to a non-inlined function);
//! - reaches a control hole (`_JIT_CONTINUE`, `_JIT_JUMP_TARGET`, `_JIT_DEOPT`, `_JIT_ERROR`)
//!   by `call` rather than `jmp`/`jcc`: a tail call that was not optimized would grow the
//!   native stack on every trip around a loop.
//!
//! A trailing `jmp _JIT_CONTINUE` is stripped, so the stencil falls through into the next one.
//!
//! It also links `target/<profile>/apython` to the binary (`build/binary_link.rs`).

use std::env;
use std::path::{Path, PathBuf};

#[path = "build/binary_link.rs"]
mod binary_link;
#[path = "build/stencils.rs"]
mod stencils;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(apy_stencils)");
    for f in [
        "build.rs",
        "build/stencils.rs",
        "build/binary_link.rs",
        "stencils/lib.rs",
        "src/abi.rs",
        "src/ops/kernels.rs",
    ] {
        println!("cargo::rerun-if-changed={f}");
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let target = env::var("TARGET").expect("TARGET");
    if !(target.starts_with("x86_64-") && target.contains("linux")) {
        panic!("apython's JIT stencils need an x86-64 Linux target, not {target}");
    }
    binary_link::link(&out_dir, &target);
    let obj_path = out_dir.join("stencils.o");
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let src = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"))
        .join("stencils/lib.rs");
    if let Err(e) = stencils::compile(&rustc, &src, &target, &obj_path) {
        panic!("compiling stencils/lib.rs failed:\n{e}");
    }
    let data = std::fs::read(&obj_path).expect("read stencils.o");
    let tables = match stencils::extract(&data) {
        Ok(s) => s,
        Err(errors) => panic!(
            "stencils/lib.rs breaks the stencil rules:\n  {}",
            errors.join("\n  ")
        ),
    };
    std::fs::write(out_dir.join("stencils.rs"), stencils::generate(&tables))
        .expect("write stencils.rs");
}
