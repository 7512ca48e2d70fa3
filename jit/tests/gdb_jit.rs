//! gdb names registered JIT code: a batch-mode gdb runs this test binary's `child` test, which
//! emits a tiny function that stops on `int3`, and `bt` / `disassemble` must show its name.
//! Skipped (with a note) where gdb is missing or cannot trace.

use apython_jit::gdb::{register, Symbol};
use apython_jit::{emit, Arena, Instr, Stencil};
use std::process::Command;

/// gdb shows a `.suffix` of a symbol as `[suffix]` (as for GCC's `f.cold` clones), so a
/// name like `py::f:x.py` prints as `py::f:x[py]`; the probe's name avoids the dot.
const NAME: &str = "py::jit_probe:probe";

/// `nop; int3; nop; ret`.
static TRAP: Stencil = Stencil {
    name: "TRAP",
    code: &[0x90, 0xCC, 0x90, 0xC3],
    data: &[],
    holes: &[],
    falls_through: false,
};

#[test]
#[ignore = "run by gdb_names_jit_code under gdb"]
fn child() {
    let mut arena = Arena::new(1 << 20).unwrap();
    let c = emit(&mut arena, &[Instr::new(&TRAP)], &[]).unwrap();
    let _r = register(&[Symbol {
        name: NAME.into(),
        addr: c.entry(),
        size: c.code_len,
    }]);
    // SAFETY: `int3; ret` under the C ABI (gdb handles the trap).
    let f: extern "C" fn() = unsafe { std::mem::transmute(c.entry()) };
    f();
}

#[test]
fn gdb_names_jit_code() {
    if Command::new("gdb").arg("--version").output().is_err() {
        eprintln!("gdb not installed: skipped");
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("gdb")
        .args([
            "-nx",
            "-batch",
            "-ex",
            "run",
            "-ex",
            "bt",
            "-ex",
            "disassemble",
        ])
        .arg("--args")
        .arg(&exe)
        .args([
            "--exact",
            "child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    if text.contains("ptrace") || text.contains("Operation not permitted") {
        eprintln!("gdb cannot trace here: skipped\n{text}");
        return;
    }
    assert!(text.contains("SIGTRAP"), "the child did not stop:\n{text}");
    assert!(
        text.contains("#0  0x") && text.contains(&format!(" in {NAME} ()")),
        "bt does not name the JIT code:\n{text}"
    );
    assert!(
        text.contains(&format!("Dump of assembler code for function {NAME}")),
        "disassemble does not name the JIT code:\n{text}"
    );
}
