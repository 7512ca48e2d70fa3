//! Tracebacks as CPython 3.12 prints them, byte for byte: every `tests/traceback/*.py` runs
//! under apython and under CPython 3.12 (found by `apython::compile::find_python312`), and the
//! whole stderr, the stdout and the exit code must agree, on tier 1 and with the JIT compiling
//! every function. The differential corpus compares only the last stderr line; this test covers the `File` lines, source lines, caret lines
//! (`^^^^`, `~~~^~~~`), chained and grouped exceptions, and "Did you mean" suggestions.
//!
//! A second test checks the caret anchors alone (`apython::vm::anchors::extract`) against
//! CPython's algorithm run on its own parser's AST, for every single-line node of a sample of
//! the standard library's sources.
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

/// Runs `script` under `bin`; with `jit`, with every function compiled
/// (`APYTHON_JIT=1 APYTHON_JIT_THRESHOLD=0`).
fn run(bin: &Path, script: &Path, jit: bool) -> Run {
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
    if jit {
        cmd.env("APYTHON_JIT", "1")
            .env("APYTHON_JIT_THRESHOLD", "0");
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
        let want = run(&python, script, false);
        for jit in [false, true] {
            let got = run(&apython, script, jit);
            let name = script.file_name().unwrap().to_string_lossy().into_owned();
            let mode = if jit { " (JIT on every function)" } else { "" };
            if want.stderr != got.stderr || want.stdout != got.stdout || want.code != got.code {
                failures.push(format!(
                "--- {name}{mode}: exit {:?} (CPython {:?})\n--- apython stderr:\n{}--- CPython stderr:\n{}{}",
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
    }
    assert!(
        failures.is_empty(),
        "{} of {} scripts differ from CPython:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

/// CPython's `extract_anchors_from_line` (Python/traceback.c) on the `ast` module: prints one
/// line per single-line node of the sampled stdlib files, `<hex of segment> <left> <right>`
/// (-1 -1: no anchors).
const REFERENCE: &str = r#"
import ast, os, sys
root = os.path.dirname(os.__file__)
def ref(segment):
    try:
        tree = ast.parse(segment)
    except Exception:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return None
    e = tree.body[0].value
    b = segment.encode()
    ws = b' \t\x0c'
    if isinstance(e, ast.BinOp):
        i, found = e.left.end_col_offset, None
        while i < e.right.col_offset:
            if b[i] in ws:
                i += 1
                continue
            right = i + 2 if i + 1 < e.right.col_offset and b[i + 1] not in ws else i + 1
            found = (i, right)
            if i + 1 < e.right.col_offset and b[i] == ord(')'):
                i += 1
                continue
            break
        return found
    if isinstance(e, ast.Subscript):
        left, right, n = e.value.end_col_offset, e.slice.end_col_offset + 1, len(b)
        while left < n and b[left] != ord('['):
            left += 1
        while right < n and b[right] != ord(']'):
            right += 1
        return (left, right + 1 if right < n else right)
    return None
seen = set()
names = sorted(f for f in os.listdir(root) if f.endswith('.py'))[::5]
for name in names:
    try:
        src = open(os.path.join(root, name), encoding='utf-8').read()
        tree = ast.parse(src)
    except Exception:
        continue
    lines = src.split('\n')
    for node in ast.walk(tree):
        if not isinstance(node, (ast.expr, ast.stmt)) or node.lineno != node.end_lineno:
            continue
        seg = lines[node.lineno - 1].encode()[node.col_offset:node.end_col_offset]
        seg = seg.decode('utf-8', 'replace')
        if seg in seen:
            continue
        seen.add(seg)
        r = ref(seg) or (-1, -1)
        print(seg.encode().hex(), r[0], r[1])
"#;

#[test]
fn anchors_match_cpython_ast() {
    let Ok(python) = apython::compile::find_python312() else {
        eprintln!("traceback_format: CPython 3.12 not found, skipped");
        return;
    };
    let out = Command::new(python)
        .args(["-W", "ignore", "-c", REFERENCE])
        .output()
        .expect("cannot run CPython");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut bad = Vec::new();
    let mut total = 0;
    for line in text.lines() {
        let mut it = line.split(' ');
        let hex = it.next().unwrap();
        let l: i64 = it.next().unwrap().parse().unwrap();
        let r: i64 = it.next().unwrap().parse().unwrap();
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let seg = String::from_utf8(bytes).unwrap();
        let want = (l >= 0).then_some((l as usize, r as usize));
        let got = apython::vm::anchors::extract(&seg).map(|a| (a.left_end, a.right_start));
        total += 1;
        if got != want {
            bad.push(format!("{seg:?}: apython {got:?}, CPython {want:?}"));
        }
    }
    assert!(total > 1000, "too few cases ({total})");
    assert!(
        bad.is_empty(),
        "{} of {total} segments differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
