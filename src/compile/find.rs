//! Locating a working CPython 3.12 interpreter.

use super::CompileError;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Environment variable naming the CPython 3.12 executable to use.
pub const PYTHON_ENV: &str = "APYTHON_PYTHON";

const INSTALL_HINT: &str =
    "apython needs CPython 3.12's compiler for .py files: install python3.12 or set APYTHON_PYTHON=/path/to/python3.12";

/// Returns the real interpreter behind `exe` (`sys.executable`, so pyenv shims are resolved
/// once) if it runs and reports version 3.12, else why not.
fn probe(exe: &Path) -> Result<PathBuf, String> {
    let out = Command::new(exe)
        .args([
            "-I",
            "-S",
            "-c",
            "import sys; print('%d.%d' % sys.version_info[:2]); print(sys.executable)",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run it: {e}"))?;
    if !out.status.success() {
        return Err(format!("it failed to run ({})", out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut lines = text.lines();
    let version = lines.next().unwrap_or("").trim().to_string();
    if version == "3.12" {
        let real = PathBuf::from(lines.next().unwrap_or("").trim());
        Ok(if real.is_file() {
            real
        } else {
            exe.to_path_buf()
        })
    } else {
        Err(format!("it is Python {version}, not 3.12"))
    }
}

/// Parses the patch level of a pyenv version directory name like `3.12.4`;
/// `None` for other names (e.g. `3.12-dev`, `3.12.1t`).
fn pyenv_patch(name: &str) -> Option<u32> {
    name.strip_prefix("3.12.")?.parse().ok()
}

fn search() -> Result<PathBuf, CompileError> {
    if let Some(exe) = std::env::var_os(PYTHON_ENV) {
        let exe = PathBuf::from(exe);
        return match probe(&exe) {
            Ok(real) => Ok(real),
            Err(why) => Err(CompileError::NoPython(format!(
                "{PYTHON_ENV}={} is not usable: {why}; {INSTALL_HINT}",
                exe.display()
            ))),
        };
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let exe = dir.join("python3.12");
            if exe.is_file() {
                if let Ok(real) = probe(&exe) {
                    return Ok(real);
                }
            }
        }
    }
    let roots = [
        std::env::var_os("PYENV_ROOT").map(PathBuf::from),
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")),
    ];
    for root in roots.into_iter().flatten() {
        let Ok(entries) = std::fs::read_dir(root.join("versions")) else {
            continue;
        };
        let mut found: Vec<(u32, PathBuf)> = entries
            .filter_map(|e| {
                let e = e.ok()?;
                let patch = pyenv_patch(e.file_name().to_str()?)?;
                Some((patch, e.path().join("bin/python3.12")))
            })
            .collect();
        found.sort();
        for (_, exe) in found.into_iter().rev() {
            if exe.is_file() {
                if let Ok(real) = probe(&exe) {
                    return Ok(real);
                }
            }
        }
    }
    Err(CompileError::NoPython(INSTALL_HINT.to_string()))
}

/// Finds the CPython 3.12 executable used to compile Python source:
/// 1. `$APYTHON_PYTHON` if set (an error if it does not run as 3.12);
/// 2. else the first `python3.12` on `PATH` that runs and reports 3.12
///    (pyenv shims that fail are skipped);
/// 3. else the newest `$PYENV_ROOT` or `~/.pyenv` `versions/3.12.*/bin/python3.12`.
///
/// The answer (success or failure) is computed once per process and cached.
pub fn find_python312() -> Result<PathBuf, CompileError> {
    static FOUND: OnceLock<Result<PathBuf, CompileError>> = OnceLock::new();
    FOUND.get_or_init(cached_search).clone()
}

/// Where the answers of the last searches are kept between runs: probing means starting a
/// Python (through a slow pyenv shim, often), which would otherwise cost every `apython` run.
fn cache_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("apython").join("python312"))
}

/// How many (search inputs, answer) pairs the cache file keeps: a few, so that runs under
/// different `PATH`s (a profiler or a test harness adds a directory) do not evict each other.
const CACHE_ENTRIES: usize = 8;

/// The search inputs a cached answer is valid for.
fn cache_key() -> String {
    format!(
        "{:?}|{:?}|{:?}",
        std::env::var_os(PYTHON_ENV),
        std::env::var_os("PATH"),
        std::env::var_os("PYENV_ROOT")
    )
}

/// The cache file's (key, answer) pairs, newest first: two lines each.
fn read_cache(text: &str) -> Vec<(&str, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

/// [`search`], reusing a previous run's answer when the inputs are unchanged and the
/// interpreter it named still exists.
fn cached_search() -> Result<PathBuf, CompileError> {
    let key = cache_key();
    let file = cache_file();
    let text = file
        .as_ref()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .unwrap_or_default();
    let entries = read_cache(&text);
    if let Some((_, p)) = entries.iter().find(|(k, _)| *k == key) {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
    }
    let found = search()?;
    if let Some(f) = &file {
        if let Some(dir) = f.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let mut out = format!("{}\n{}\n", key, found.display());
        for (k, p) in entries
            .iter()
            .filter(|(k, _)| *k != key)
            .take(CACHE_ENTRIES - 1)
        {
            out.push_str(&format!("{k}\n{p}\n"));
        }
        let tmp = f.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, out).is_ok() {
            let _ = std::fs::rename(&tmp, f);
        }
    }
    Ok(found)
}
