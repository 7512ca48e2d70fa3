//! The JIT's switches and profiling hooks, end to end on the `apython` binary:
//! `--jit` / `APYTHON_JIT` / `APYTHON_JIT_THRESHOLD` (counted with `APYTHON_JIT_STATS=1`),
//! the perf map (`PYTHONPERFSUPPORT=1`, `-X perf`) naming compiled functions
//! `py::<qualname>:<file>`, the stencil listing (`APYTHON_JIT_DUMP=1`), and gdb naming them (`APYTHON_GDB_JIT=1`) in a backtrace, where gdb
//! is installed and may trace.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/jit/hot.py")
}

/// `apython ARGS... hot.py` with the JIT variables cleared, then `env` set.
fn apython(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_apython"));
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("APYTHON_JIT") || k.starts_with("PYTHONPERF") || k == "APYTHON_GDB_JIT" {
            cmd.env_remove(k);
        }
    }
    cmd.args(args).arg(script()).env("APYTHON_JIT_STATS", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

fn check_output(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "apython failed: {out:?}");
    assert_eq!(stdout, "4999950000\n0\n");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The number of code objects compiled, from the `APYTHON_JIT_STATS` line.
fn compiled(stderr: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("jit: "))
        .unwrap_or_else(|| panic!("no stats line in {stderr:?}"));
    line[5..].split(' ').next().unwrap().parse().unwrap()
}

fn entries(stderr: &str) -> u64 {
    let line = stderr.lines().find(|l| l.starts_with("jit: ")).unwrap();
    let words: Vec<&str> = line.split(' ').collect();
    words[words.len() - 5].parse().unwrap()
}

#[test]
fn switches() {
    // Off by default.
    let e = check_output(&apython(&[], &[]).output().unwrap());
    assert_eq!(compiled(&e), 0);
    // --jit: the hot loop gets compiled (at the default threshold) and entered.
    let e = check_output(&apython(&["--jit"], &[]).output().unwrap());
    assert!(compiled(&e) >= 1, "{e}");
    assert!(entries(&e) >= 1, "{e}");
    // APYTHON_JIT=0 wins over --jit.
    let e = check_output(
        &apython(&["--jit"], &[("APYTHON_JIT", "0")])
            .output()
            .unwrap(),
    );
    assert_eq!(compiled(&e), 0);
    // APYTHON_JIT=1 without the flag; threshold 0 compiles every code object that runs
    // (module, hot_loop, churn).
    let e = check_output(
        &apython(&[], &[("APYTHON_JIT", "1"), ("APYTHON_JIT_THRESHOLD", "0")])
            .output()
            .unwrap(),
    );
    assert!(compiled(&e) >= 3, "{e}");
    // A threshold no function reaches.
    let e = check_output(
        &apython(&["--jit"], &[("APYTHON_JIT_THRESHOLD", "1000000000")])
            .output()
            .unwrap(),
    );
    assert_eq!(compiled(&e), 0);
}

/// Runs with the perf switch and returns the map file's text.
fn perf_map(args: &[&str], env: &[(&str, &str)]) -> String {
    let child = apython(args, env)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    check_output(&out);
    let path = format!("/tmp/perf-{pid}.map");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let _ = std::fs::remove_file(&path);
    text
}

fn has_symbol(map: &str, qualname: &str) -> bool {
    let file = script().display().to_string();
    let want = format!("py::{qualname}:{file}");
    map.lines().any(|l| {
        let mut w = l.splitn(3, ' ');
        let (start, size, name) = (w.next(), w.next(), w.next());
        start.is_some_and(|s| usize::from_str_radix(s, 16).is_ok())
            && size.is_some_and(|s| usize::from_str_radix(s, 16).is_ok_and(|n| n > 0))
            && name == Some(want.as_str())
    })
}

#[test]
fn dump_lists_each_stencil_with_its_bytecode_offset() {
    let e = check_output(
        &apython(&["--jit"], &[("APYTHON_JIT_DUMP", "1")])
            .output()
            .unwrap(),
    );
    let head = e
        .lines()
        .position(|l| l.starts_with("py::hot_loop:") && l.contains(" bytes of code"))
        .unwrap_or_else(|| panic!("no listing header in {e}"));
    // `index address +offset bytecode-offset STENCIL`; the loop's compare is a fused stencil.
    let rows: Vec<Vec<&str>> = e
        .lines()
        .skip(head + 1)
        .map(|l| l.split_whitespace().collect())
        .take_while(|w: &Vec<&str>| w.len() == 5)
        .collect();
    assert!(rows.len() >= 4, "{e}");
    assert!(
        rows.iter()
            .all(|w| w[1].starts_with("0x") && w[2].starts_with('+')),
        "{e}"
    );
    assert!(
        rows.iter()
            .any(|w| w[4].starts_with("COMPARE_OP_INT_LT") && w[3].parse::<u32>().is_ok()),
        "{e}"
    );
}

#[test]
fn perf_map_names_compiled_functions() {
    let map = perf_map(&["--jit"], &[("PYTHONPERFSUPPORT", "1")]);
    assert!(has_symbol(&map, "hot_loop"), "{map}");
    let map = perf_map(
        &["-X", "perf"],
        &[("APYTHON_JIT", "1"), ("APYTHON_JIT_THRESHOLD", "0")],
    );
    assert!(has_symbol(&map, "hot_loop"), "{map}");
    assert!(has_symbol(&map, "churn"), "{map}");
}

#[test]
fn gdb_names_compiled_functions() {
    if Command::new("gdb").arg("--version").output().is_err() {
        eprintln!("gdb not installed: skipped");
        return;
    }
    // `churn`'s compiled STORE_FAST frees the list through `apy_dealloc`: stop there, and the
    // caller frame is the compiled code, which gdb must name.
    let out = Command::new("gdb")
        .args([
            "-nx",
            "-batch",
            "-ex",
            "break apy_dealloc",
            "-ex",
            "run",
            "-ex",
            "bt 3",
        ])
        .arg("--args")
        .arg(env!("CARGO_BIN_EXE_apython"))
        .arg(script())
        .env("APYTHON_JIT", "1")
        .env("APYTHON_JIT_THRESHOLD", "0")
        .env("APYTHON_GDB_JIT", "1")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    if text.contains("ptrace") || text.contains("Operation not permitted") {
        eprintln!("gdb cannot trace here: skipped\n{text}");
        return;
    }
    assert!(
        text.contains("Breakpoint 1, "),
        "no stop in apy_dealloc:\n{text}"
    );
    // gdb prints a symbol's `.py` suffix as `[py]`.
    assert!(
        text.contains("#1  0x") && text.contains(" in py::churn:"),
        "bt does not name the compiled function:\n{text}"
    );
}
