//! The perf map: `perf report` names JIT code from `/tmp/perf-<pid>.map`, one
//! `START SIZE name` line per code range (hex addresses without `0x`), as CPython 3.12's
//! `-X perf` writes it.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One map line, newline included. A newline in `name` would end the entry early, so it
/// becomes a space.
pub fn line(start: usize, size: usize, name: &str) -> String {
    format!(
        "{:x} {:x} {}\n",
        start,
        size,
        name.replace(['\n', '\r'], " ")
    )
}

/// The path perf reads for this process: `/tmp/perf-<pid>.map`.
pub fn default_path() -> PathBuf {
    PathBuf::from(format!("/tmp/perf-{}.map", std::process::id()))
}

/// An open perf map, appended to.
pub struct PerfMap {
    file: File,
}

impl PerfMap {
    /// Opens (creating it if needed) the map at `path` for appending.
    pub fn open(path: &Path) -> io::Result<PerfMap> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(PerfMap { file })
    }

    /// Appends an entry; one `write` per line, so concurrent appends do not interleave.
    pub fn add(&mut self, start: usize, size: usize, name: &str) -> io::Result<()> {
        self.file.write_all(line(start, size, name).as_bytes())
    }
}

static GLOBAL: Mutex<Option<PerfMap>> = Mutex::new(None);

/// Appends an entry to this process's map at [`default_path`], opening it on first use.
pub fn register(start: usize, size: usize, name: &str) -> io::Result<()> {
    let mut g = GLOBAL.lock().unwrap_or_else(|e| e.into_inner());
    if g.is_none() {
        *g = Some(PerfMap::open(&default_path())?);
    }
    g.as_mut().expect("opened above").add(start, size, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_format() {
        assert_eq!(
            line(0x7f00_1234_5000, 0x1a0, "py::f:/tmp/x.py"),
            "7f0012345000 1a0 py::f:/tmp/x.py\n"
        );
        assert_eq!(line(16, 1, "a\nb"), "10 1 a b\n");
    }

    #[test]
    fn appends_lines() {
        let path =
            std::env::temp_dir().join(format!("apython-jit-perf-{}.map", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let mut m = PerfMap::open(&path).unwrap();
        m.add(0x1000, 0x20, "py::f:a.py").unwrap();
        drop(m);
        let mut m = PerfMap::open(&path).unwrap();
        m.add(0x2000, 0x40, "py::g:a.py").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "1000 20 py::f:a.py\n2000 40 py::g:a.py\n");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn default_path_has_the_pid() {
        let p = default_path();
        assert_eq!(
            p.to_str().unwrap(),
            format!("/tmp/perf-{}.map", std::process::id())
        );
    }
}
