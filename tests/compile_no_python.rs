//! `find_python312` with `APYTHON_PYTHON` pointing at nothing usable (its own
//! test binary, since the answer is cached per process).

use apython::compile::{compile_source_string, find_python312, CompileError, Mode};

#[test]
fn bad_apython_python_is_explained() {
    std::env::set_var("APYTHON_PYTHON", "/nonexistent/python3.12");
    let err = find_python312().unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("APYTHON_PYTHON=/nonexistent/python3.12 is not usable: cannot run it"),
        "{msg}"
    );
    assert!(
        msg.ends_with("apython needs CPython 3.12's compiler for .py files: install python3.12 or set APYTHON_PYTHON=/path/to/python3.12"),
        "{msg}"
    );
    let err = compile_source_string("1", "<s>", Mode::Eval).unwrap_err();
    assert!(matches!(err, CompileError::NoPython(_)));
}
