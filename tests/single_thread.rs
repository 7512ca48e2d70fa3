//! apython runs one thread: `_thread` says so instead of pretending. These behaviours differ from
//! CPython on purpose (CPython would start a thread, or block forever), so they are checked here
//! rather than in the differential suite.

use std::process::Command;

/// Runs `apython -c src`; returns (exit code, stdout, stderr).
fn run(src: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_apython"))
        .args(["-c", src])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn start_new_thread_raises() {
    let (code, out, _) = run("import _thread\n\
         try:\n    _thread.start_new_thread(print, ('never',))\n\
         except RuntimeError as e:\n    print(e)\n");
    assert_eq!(code, 0);
    assert_eq!(out, "apython does not support threads yet\n");
}

#[test]
fn blocking_acquire_of_a_held_lock_raises_instead_of_hanging() {
    let (code, out, _) = run("import _thread\n\
         l = _thread.allocate_lock()\n\
         l.acquire()\n\
         try:\n    l.acquire()\n\
         except RuntimeError as e:\n    print('RuntimeError:', e)\n\
         print(l.locked())\n");
    assert_eq!(code, 0);
    assert!(
        out.starts_with("RuntimeError: acquiring this lock would block forever"),
        "{out}"
    );
    assert!(out.ends_with("True\n"), "{out}");
}
