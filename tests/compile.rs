//! Integration tests of `apython::compile`; they run CPython 3.12 (found by
//! `find_python312`) both through the compile server and directly, and
//! compare the results.

use apython::compile::{
    cache_path_for, compile_source, compile_source_string, find_python312, pyc_for_source_with,
    server_pid, CompileError, CompileOptions, Mode, Source,
};
use apython::pyc::{self, marshal, Obj, PycHeader, PycValidation};
use std::path::{Path, PathBuf};
use std::process::Command;

fn python() -> PathBuf {
    find_python312().expect("these tests need CPython 3.12")
}

/// A fresh empty directory under the target dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("compile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs CPython with `args` in `cwd`; returns (status code, stdout, stderr).
fn run_python(cwd: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(python())
        .args(args)
        .current_dir(cwd)
        .env_remove("PYTHONWARNINGS")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn finds_python_and_caches_it() {
    let a = find_python312().unwrap();
    let b = find_python312().unwrap();
    assert_eq!(a, b);
    let (code, out, _) = run_python(
        Path::new("."),
        &["-c", "import sys; print(sys.version_info[:2])"],
    );
    assert_eq!(code, 0);
    assert_eq!(String::from_utf8_lossy(&out).trim(), "(3, 12)");
}

#[test]
fn compiles_strings_identically_to_cpython() {
    let cases = [
        ("x = 1\nprint(x)\n", "<string>", Mode::Exec),
        ("a + b * 2", "<expr>", Mode::Eval),
        ("x = 1; x", "<stdin>", Mode::Single),
        (
            "def f(a, *b, c=3, **d):\n    return [i for i in b]\nclass C: pass\n",
            "<string>",
            Mode::Exec,
        ),
        ("s = 'h\u{e9}llo \u{1F600}'", "<string>", Mode::Exec),
    ];
    for (src, filename, mode) in cases {
        let compiled = compile_source_string(src, filename, mode).unwrap();
        assert!(compiled.warnings.is_empty());
        let script = "import sys, marshal; c = compile(sys.argv[1], sys.argv[2], sys.argv[3], dont_inherit=True); sys.stdout.write(marshal.dumps(c).hex())";
        let (code, out, err) = run_python(
            Path::new("."),
            &["-c", script, src, filename, mode.as_str()],
        );
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            hex(&compiled.marshalled),
            String::from_utf8(out).unwrap(),
            "{src:?}"
        );
        let Obj::Code(code) = marshal::loads(&compiled.marshalled).unwrap() else {
            panic!("not code")
        };
        assert_eq!(&*code.filename, filename);
    }
}

#[test]
fn text_sources_ignore_coding_cookies_but_bytes_honour_them() {
    let src = "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n";
    let text = compile_source_string(src, "<s>", Mode::Exec).unwrap();
    let Obj::Code(code) = marshal::loads(&text.marshalled).unwrap() else {
        panic!()
    };
    assert!(code
        .consts
        .iter()
        .any(|c| matches!(c, Obj::Str(s) if &**s == "\u{e9}")));
    let latin1 = b"# -*- coding: latin-1 -*-\nx = '\xe9'\n";
    let bytes = compile_source(
        Source::Bytes(latin1),
        b"<b>",
        Mode::Exec,
        &CompileOptions::default(),
    )
    .unwrap();
    let Obj::Code(code) = marshal::loads(&bytes.marshalled).unwrap() else {
        panic!()
    };
    assert!(code
        .consts
        .iter()
        .any(|c| matches!(c, Obj::Str(s) if &**s == "\u{e9}")));
}

#[test]
fn string_syntax_errors_match_python_dash_c() {
    for src in [
        "x = (",
        "x = 1 +",
        "def f(:\n  pass",
        "if x:\npass",
        "x = '\\d'; y = )",
        "f'{x!z}'",
    ] {
        let err = compile_source_string(src, "<string>", Mode::Exec).unwrap_err();
        let (code, _, stderr) = run_python(Path::new("."), &["-c", src]);
        assert_eq!(code, 1);
        assert_eq!(err.exit_code(), 1);
        assert_eq!(err.report(), stderr, "source {src:?}");
        let CompileError::Exception(e) = &err else {
            panic!("{err:?}")
        };
        assert!(e.is_syntax_error);
        assert_eq!(e.filename.as_deref(), Some("<string>"));
        assert!(e.lineno.is_some());
    }
    let CompileError::Exception(e) =
        compile_source_string("x = (", "<string>", Mode::Exec).unwrap_err()
    else {
        panic!()
    };
    assert_eq!(
        (e.type_name.as_str(), e.msg.as_str()),
        ("SyntaxError", "'(' was never closed")
    );
    assert_eq!(
        (e.lineno, e.offset, e.text.as_deref()),
        (Some(1), Some(5), Some("x = (\n"))
    );
    let err = compile_source_string("1 +", "<s>", Mode::Eval).unwrap_err();
    assert_eq!(
        err.to_string(),
        "File \"<s>\", line 1: SyntaxError: invalid syntax"
    );
}

#[test]
fn non_syntax_compile_errors_are_reported() {
    let err = compile_source(
        Source::Text("x"),
        b"<s>",
        Mode::Exec,
        &CompileOptions {
            flags: 0,
            optimize: 7,
            dont_inherit: true,
        },
    )
    .unwrap_err();
    let CompileError::Exception(e) = err else {
        panic!()
    };
    assert_eq!(e.type_name, "ValueError");
    assert!(!e.is_syntax_error);
    assert_eq!(e.formatted, format!("ValueError: {}\n", e.msg));
}

#[test]
fn warnings_are_returned_formatted() {
    let compiled = compile_source_string("x = '\\d'\n", "<string>", Mode::Exec).unwrap();
    assert_eq!(compiled.warnings.len(), 1);
    let w = &compiled.warnings[0];
    assert_eq!(w.category, "SyntaxWarning");
    assert_eq!(w.message, "invalid escape sequence '\\d'");
    assert_eq!(w.lineno, 1);
    let (_, _, stderr) = run_python(Path::new("."), &["-c", "x = '\\d'\n"]);
    assert_eq!(w.formatted, stderr);
}

/// Bad sources and what makes them bad.
const BAD_FILES: &[(&str, &[u8])] = &[
    ("paren.py", b"x = (\n"),
    ("tabs.py", b"def f():\n\treturn 1\n        return 2\n"),
    ("unmatched.py", b"x = 1\nprint(x))\n"),
    ("fstring.py", b"f\"{x!z}\"\n"),
    ("warn_then_error.py", b"x = \"\\d\"\ny = 1 +\n"),
    ("indent.py", b"for x in y:\npass\n"),
    ("bom.py", b"\xef\xbb\xbfx = $\n"),
    ("latin1.py", b"# -*- coding: latin-1 -*-\nx = \"\xe9\" +\n"),
    ("continuation.py", b"a = 1\nb = 2 +\\\n  3 +\n"),
    ("def.py", b"def f(:\n  pass\n"),
    ("deep.py", b"x = "),
    (
        "nested.py",
        b"class A:\n    def f(self):\n        return [x for x in\n",
    ),
];

#[test]
fn file_syntax_errors_match_python_running_the_file() {
    let dir = temp_dir("syntax");
    for (name, src) in BAD_FILES {
        std::fs::write(dir.join(name), src).unwrap();
        let (code, _, stderr) = run_python(&dir, &[name]);
        assert_eq!(code, 1, "{name}");
        // Relative paths are resolved against the current directory, so run
        // with an absolute path to the same file.
        let err = pyc_for_source_with(&dir.join(name), true).unwrap_err();
        assert_eq!(err.report(), stderr, "{name}");
        assert_eq!(err.exit_code(), 1);
        assert!(!dir
            .join("__pycache__")
            .join(name.replace(".py", ".cpython-312.pyc"))
            .exists());
    }
    // CPython's `./x.py` spelling is kept in the file name it reports.
    let (_, _, stderr) = run_python(&dir, &["./paren.py"]);
    assert!(
        stderr.contains(&format!("\"{}/./paren.py\"", dir.display())),
        "{stderr}"
    );
}

#[test]
fn pyc_for_source_writes_and_reuses_the_cache() {
    let dir = temp_dir("cache");
    let py = dir.join("mod.py");
    std::fs::write(&py, "def f(x):\n    return x * 2\nprint(f(21))\n").unwrap();
    let first = pyc_for_source_with(&py, true).unwrap();
    let cache = dir.join("__pycache__/mod.cpython-312.pyc");
    assert_eq!(cache_path_for(&py).as_deref(), Some(cache.as_path()));
    assert!(!first.from_cache);
    assert_eq!(first.cache_path.as_deref(), Some(cache.as_path()));
    assert_eq!(std::fs::read(&cache).unwrap(), first.pyc);
    assert_eq!(&*first.code.filename, py.to_str().unwrap());
    assert_eq!(first.code.walk().len(), 2);

    // Identical to what py_compile writes.
    let expected = dir.join("expected.pyc");
    let (code, _, err) = run_python(
        &dir,
        &[
            "-c",
            "import py_compile, sys; py_compile.compile(sys.argv[1], sys.argv[2], doraise=True)",
            py.to_str().unwrap(),
            expected.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(&expected).unwrap(), first.pyc);

    // Reused while fresh.
    let second = pyc_for_source_with(&py, true).unwrap();
    assert!(second.from_cache);
    assert_eq!(second.pyc, first.pyc);

    // A changed source (different size) is recompiled and the cache rewritten.
    std::fs::write(&py, "print('changed')\n").unwrap();
    let third = pyc_for_source_with(&py, true).unwrap();
    assert!(!third.from_cache);
    assert_ne!(third.pyc, first.pyc);
    assert_eq!(std::fs::read(&cache).unwrap(), third.pyc);
    let h = PycHeader::parse(&third.pyc).unwrap();
    assert!(matches!(
        h.validation,
        PycValidation::Timestamp {
            source_size: 17,
            ..
        }
    ));

    // A corrupt cache file is replaced.
    std::fs::write(&cache, &third.pyc[..20]).unwrap();
    let fourth = pyc_for_source_with(&py, true).unwrap();
    assert!(!fourth.from_cache);
    assert_eq!(std::fs::read(&cache).unwrap(), third.pyc);

    // A relative path is made absolute against the current directory.
    let rel = pyc_for_source_with(Path::new("Cargo.toml"), true).unwrap_err();
    assert!(
        matches!(rel, CompileError::Exception(_)),
        "Cargo.toml is not Python: {rel:?}"
    );
}

#[test]
fn unwritable_cache_and_non_py_files_still_compile() {
    let dir = temp_dir("nowrite");
    let py = dir.join("m.py");
    std::fs::write(&py, "x = 1\n").unwrap();
    // __pycache__ is a file, so the cache cannot be written (root ignores
    // permission bits, so a read-only directory would not test this).
    std::fs::write(dir.join("__pycache__"), "not a directory").unwrap();
    let got = pyc_for_source_with(&py, true).unwrap();
    assert!(got.cache_path.is_none());
    assert!(!got.from_cache);
    assert!(pyc::read_pyc(&got.pyc).is_ok());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary files left: {leftovers:?}");

    let script = dir.join("script");
    std::fs::write(&script, "print('hi')\n").unwrap();
    let got = pyc_for_source_with(&script, true).unwrap();
    assert!(got.cache_path.is_none());
    assert_eq!(&*got.code.names[0], "print");
}

#[test]
fn hash_based_pycs_are_checked_and_kept_hash_based() {
    let dir = temp_dir("hash");
    let py = dir.join("h.py");
    std::fs::write(&py, "value = 1\n").unwrap();
    let script = "import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)";
    let (code, _, err) = run_python(&dir, &["-c", script, py.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let cache = dir.join("__pycache__/h.cpython-312.pyc");
    let written = std::fs::read(&cache).unwrap();
    let got = pyc_for_source_with(&py, true).unwrap();
    assert!(
        got.from_cache,
        "a checked pyc matching its source is reused"
    );
    assert_eq!(got.pyc, written);

    std::fs::write(&py, "value = 2\n").unwrap(); // same size, maybe same mtime
    let got = pyc_for_source_with(&py, true).unwrap();
    assert!(!got.from_cache);
    let h = PycHeader::parse(&got.pyc).unwrap();
    assert_eq!(
        h.validation,
        PycValidation::Hash {
            hash: pyc::source_hash(b"value = 2\n").to_le_bytes(),
            check_source: true
        }
    );
    assert_eq!(std::fs::read(&cache).unwrap(), got.pyc);
    assert!(pyc_for_source_with(&py, true).unwrap().from_cache);
}

#[test]
fn missing_source_is_an_io_error() {
    let dir = temp_dir("missing");
    let err = pyc_for_source_with(&dir.join("nope.py"), true).unwrap_err();
    let CompileError::Io { errno, path, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*errno, Some(2));
    assert_eq!(path, &dir.join("nope.py"));
    assert!(err.to_string().starts_with("cannot read "));
}

#[test]
fn server_is_reused_and_restarted_after_dying() {
    compile_source_string("1", "<s>", Mode::Eval).unwrap();
    let pid = server_pid().expect("server running");
    compile_source_string("2", "<s>", Mode::Eval).unwrap();
    assert_eq!(server_pid(), Some(pid), "the same server answers");
    // Kill our own child process, then compile again.
    let status = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    std::thread::sleep(std::time::Duration::from_millis(50));
    let compiled = compile_source_string("3", "<s>", Mode::Eval).unwrap();
    assert!(marshal::loads(&compiled.marshalled).is_ok());
    let new_pid = server_pid().unwrap();
    assert_ne!(new_pid, pid);
}

#[test]
fn cache_is_not_written_when_told_not_to() {
    let dir = temp_dir("nowrite-flag");
    let py = dir.join("m.py");
    std::fs::write(&py, "x = 1\n").unwrap();
    let got = pyc_for_source_with(&py, false).unwrap();
    assert!(got.cache_path.is_none());
    assert!(!dir.join("__pycache__").exists());
    // An existing fresh cache is still read.
    pyc_for_source_with(&py, true).unwrap();
    assert!(pyc_for_source_with(&py, false).unwrap().from_cache);
}
