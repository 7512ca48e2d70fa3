//! Tracebacks as CPython 3.12 prints them, byte for byte: every `tests/traceback/*.py` runs
//! under apython and under CPython 3.12 (found by `apython::compile::find_python312`), and the
//! whole stderr, the stdout and the exit code must agree. The differential corpus compares only
//! the last stderr line; this test covers the `File` lines, source lines, caret lines
//! (`^^^^`, `~~~^~~~`), chained and grouped exceptions, and "Did you mean" suggestions.
//!
//! Skipped (with a note on stderr) when CPython 3.12 is not installed. Files whose names start
//! with `_` are helper modules.

use std::path::{Path, PathBuf};
use std::process::Command;

fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/traceback");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/traceback is missing")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "py")
                && !p.file_name().unwrap().to_string_lossy().starts_with('_')
        })
        .collect();
    out.sort();
    out
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(bin: &Path, script: &Path) -> Run {
    let mut cmd = Command::new(bin);
    cmd.arg(script.file_name().unwrap())
        .current_dir(script.parent().unwrap())
        .stdin(std::process::Stdio::null());
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("PYTHON") || k.starts_with("APYTHON_JIT") {
            cmd.env_remove(k);
        }
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn tracebacks_match_cpython() {
    let Ok(python) = apython::compile::find_python312() else {
        eprintln!("traceback_format: CPython 3.12 not found, skipped");
        return;
    };
    let apython = PathBuf::from(env!("CARGO_BIN_EXE_apython"));
    let mut failures = Vec::new();
    let all = scripts();
    assert!(!all.is_empty());
    for script in &all {
        let want = run(&python, script);
        let got = run(&apython, script);
        let name = script.file_name().unwrap().to_string_lossy().into_owned();
        if want.stderr != got.stderr || want.stdout != got.stdout || want.code != got.code {
            failures.push(format!(
                "--- {name}: exit {:?} (CPython {:?})\n--- apython stderr:\n{}--- CPython stderr:\n{}{}",
                got.code,
                want.code,
                got.stderr,
                want.stderr,
                if want.stdout != got.stdout {
                    format!("--- stdout differs:\n{}\n--- vs CPython:\n{}\n", got.stdout, want.stdout)
                } else {
                    String::new()
                }
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scripts differ from CPython:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
