//! Differential tests: every program under `tests/programs/<area>/<name>.py` runs under apython
//! and its stdout, the last line of its stderr and its exit code are compared with what CPython
//! 3.12 produced (`tests/expected/<area>/<name>.{out,err,code}`, written by `tests/regen.py`).
//!
//! Each program is two tests:
//!   `tier1::<area>::<name>`  plain run;
//!   `jit::<area>::<name>`    with `APYTHON_JIT=1 APYTHON_JIT_THRESHOLD=0` (every function compiled).
//!
//! Areas listed in `tests/programs/PENDING` (one directory name per line, `#` comments), and
//! single programs listed as `area/name` in `tests/programs/KNOWN_FAILURES` (programs apython
//! does not pass yet, each with the reason in a comment) are registered as ignored:
//! `cargo test --release --test differential -- --ignored` runs them.
//!
//! Test programs are the `.py` files directly inside an area directory whose names do not start
//! with `_`; `_*.py` files and subdirectories are helper modules that programs import.
//!
//! `APYTHON_TEST_BIN=/path/to/python3.12` runs the corpus with another interpreter instead of the
//! apython binary built by cargo: with CPython 3.12 every test must pass, which checks the corpus,
//! the expectations and this harness themselves.
//!
//! Filter by name as with any libtest binary (one filter), e.g.
//!   cargo test --release --test differential -- tier1::int::
//!   cargo test --release --test differential -- --exact tier1::str::split_methods

use libtest_mimic::{Arguments, Failed, Trial};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);
/// Cap on captured output per stream; a runaway program is cut off here (and then fails).
const OUTPUT_CAP: u64 = 64 << 20;

struct Program {
    area: String,
    name: String,
    dir: PathBuf,
    expected: PathBuf,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn pending_areas(programs: &Path, file: &str) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(programs.join(file)) else {
        return Vec::new();
    };
    text.lines()
        .map(|l| {
            l.split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches('/')
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn discover() -> Vec<Program> {
    let programs = root().join("programs");
    let expected = root().join("expected");
    let mut out = Vec::new();
    let mut areas: Vec<_> = std::fs::read_dir(&programs)
        .expect("tests/programs is missing")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|a| !a.starts_with('.') && !a.starts_with('_'))
        .collect();
    areas.sort();
    for area in areas {
        let dir = programs.join(&area);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".py") && !f.starts_with('_'))
            .map(|f| f.trim_end_matches(".py").to_string())
            .collect();
        names.sort();
        for name in names {
            out.push(Program {
                expected: expected.join(&area),
                area: area.clone(),
                name,
                dir: dir.clone(),
            });
        }
    }
    out
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    code: Option<i32>,
    timed_out: bool,
}

fn run_apython(p: &Program, jit: bool) -> Result<Outcome, String> {
    let bin = std::env::var_os("APYTHON_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_apython")));
    let mut cmd = Command::new(bin);
    cmd.arg(format!("{}.py", p.name))
        .current_dir(&p.dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // The same environment CPython had when the expectations were made: no PYTHON* variables
    // (PYTHONPATH, PYTHONWARNINGS, ... would change what programs see).
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    if jit {
        cmd.env("APYTHON_JIT", "1")
            .env("APYTHON_JIT_THRESHOLD", "0");
    } else {
        cmd.env_remove("APYTHON_JIT")
            .env_remove("APYTHON_JIT_THRESHOLD");
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = (&mut so).take(OUTPUT_CAP).read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = (&mut se).take(OUTPUT_CAP).read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) => {}
            Err(e) => return Err(format!("waiting for apython: {e}")),
        }
        if start.elapsed() > TIMEOUT {
            timed_out = true;
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stdout = t_out.join().unwrap_or_default();
    let stderr = t_err.join().unwrap_or_default();
    let code = status.and_then(|s| {
        use std::os::unix::process::ExitStatusExt;
        s.code().or_else(|| s.signal().map(|sig| -sig))
    });
    Ok(Outcome {
        stdout,
        stderr,
        code,
        timed_out,
    })
}

fn last_line(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    s.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

fn tail(b: &[u8], n: usize) -> String {
    let s = String::from_utf8_lossy(b);
    let lines: Vec<&str> = s.lines().collect();
    let start = lines.len().saturating_sub(n);
    lines[start..]
        .iter()
        .map(|l| format!("    | {l}\n"))
        .collect()
}

/// A short unified-ish diff: the common prefix and suffix are skipped (with two lines of context
/// each side), then the differing middle of each side, at most 8 lines apiece.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.split_inclusive('\n').collect();
    let a: Vec<&str> = actual.split_inclusive('\n').collect();
    let prefix = e.iter().zip(a.iter()).take_while(|(x, y)| x == y).count();
    let max_suffix = e.len().min(a.len()) - prefix;
    let suffix = e
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let (e_mid, a_mid) = (&e[prefix..e.len() - suffix], &a[prefix..a.len() - suffix]);
    let mut s = format!(
        "stdout differs at line {} (expected {} lines, got {}):\n",
        prefix + 1,
        e.len(),
        a.len()
    );
    for l in &e[prefix.saturating_sub(2)..prefix] {
        s += &format!("    {}", show(l));
    }
    const SHOWN: usize = 8;
    for (sign, side) in [("-", e_mid), ("+", a_mid)] {
        for l in side.iter().take(SHOWN) {
            s += &format!("  {sign} {}", show(l));
        }
        if side.len() > SHOWN {
            s += &format!(
                "  {sign} ... ({} more differing lines)\n",
                side.len() - SHOWN
            );
        }
    }
    for l in e[e.len() - suffix..].iter().take(2) {
        s += &format!("    {}", show(l));
    }
    s
}

fn show(line: &str) -> String {
    if line.ends_with('\n') {
        line.to_string()
    } else {
        format!("{line}\n\\ no newline at end\n")
    }
}

fn check(p: &Program, jit: bool) -> Result<(), Failed> {
    let read = |ext: &str| std::fs::read(p.expected.join(format!("{}.{ext}", p.name)));
    let (Ok(exp_out), Ok(exp_err), Ok(exp_code)) = (read("out"), read("err"), read("code")) else {
        return Err(format!(
            "no expectation for {}/{}: run `python3.12 tests/regen.py {}/{}` and commit tests/expected",
            p.area, p.name, p.area, p.name
        )
        .into());
    };
    let exp_code: i32 = String::from_utf8_lossy(&exp_code)
        .trim()
        .parse()
        .map_err(|_| "bad .code file")?;
    let exp_err = last_line(&exp_err);

    let got = run_apython(p, jit)?;
    let mut msg = String::new();
    if got.timed_out {
        msg += &format!("timed out after {}s\n", TIMEOUT.as_secs());
    }
    if exp_out != got.stdout {
        let (e, g) = (
            String::from_utf8_lossy(&exp_out),
            String::from_utf8_lossy(&got.stdout),
        );
        if e == g {
            msg += "stdout differs in bytes that are not valid UTF-8\n";
        } else {
            msg += &diff(&e, &g);
        }
    }
    let got_err = last_line(&got.stderr);
    if got_err != exp_err {
        msg += &format!("last stderr line differs:\n  - {exp_err}\n  + {got_err}\n");
    }
    if got.code != Some(exp_code) {
        let got_code = match got.code {
            Some(c) if c < 0 => format!("killed by signal {}", -c),
            Some(c) => c.to_string(),
            None => "none".to_string(),
        };
        msg += &format!("exit code: expected {exp_code}, got {got_code}\n");
    }
    if msg.is_empty() {
        return Ok(());
    }
    if (got_err != exp_err || got.code != Some(exp_code)) && !got.stderr.is_empty() {
        msg += &format!("apython stderr (tail):\n{}", tail(&got.stderr, 12));
    }
    msg += &format!(
        "program: tests/programs/{}/{}.py{}",
        p.area,
        p.name,
        if jit {
            " (APYTHON_JIT=1 APYTHON_JIT_THRESHOLD=0)"
        } else {
            ""
        }
    );
    Err(msg.into())
}

/// Removes scratch files programs left in the temp directory (`apython_test_*`, e.g. from
/// `builtins/open_binary`: without an `os` module a program cannot delete them itself). Only
/// files older than ten minutes go, so concurrent runs (tier1 and jit of one program, or another
/// test process) never lose a file they are using.
fn sweep_scratch_files() {
    let Ok(dir) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in dir.flatten() {
        if !e.file_name().to_string_lossy().starts_with("apython_test_") {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(600));
        if old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn main() {
    sweep_scratch_files();
    let args = Arguments::from_args();
    let mut pending = pending_areas(&root().join("programs"), "PENDING");
    pending.extend(pending_areas(&root().join("programs"), "KNOWN_FAILURES"));
    let programs: Vec<std::sync::Arc<Program>> =
        discover().into_iter().map(std::sync::Arc::new).collect();
    let mut trials = Vec::new();
    for (mode, jit) in [("tier1", false), ("jit", true)] {
        for p in &programs {
            let full = format!("{}/{}", p.area, p.name);
            let ignored = pending.iter().any(|a| *a == p.area || *a == full);
            let p2 = p.clone();
            trials.push(
                Trial::test(format!("{mode}::{}::{}", p.area, p.name), move || {
                    check(&p2, jit)
                })
                .with_ignored_flag(ignored),
            );
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
