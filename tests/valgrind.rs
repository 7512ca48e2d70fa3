//! Runs `tests/valgrind/run` (a representative subset of the differential programs under
//! valgrind memcheck: no invalid access, no use of uninitialised memory, no definite leak) as
//! part of `cargo test`. Skipped, with a note, where valgrind is not installed.

use std::process::Command;

#[test]
fn core_programs_are_memcheck_clean() {
    if Command::new("valgrind").arg("--version").output().is_err() {
        eprintln!("valgrind not installed: skipping the memcheck run");
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(format!("{root}/tests/valgrind/run"))
        .arg(env!("CARGO_BIN_EXE_apython"))
        .output()
        .expect("run tests/valgrind/run");
    assert!(
        out.status.success(),
        "memcheck found errors:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
