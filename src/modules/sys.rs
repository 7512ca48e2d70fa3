//! `sys`: interpreter state visible to Python (argv, modules, limits, standard streams), and
//! the buffered standard output every `print` goes through.

use std::cell::{Cell, RefCell};
use std::io::Write;

use crate::abi::Value;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{err, OS_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::list::new_list;
use crate::objects::module::{new_module, Module};
use crate::objects::str::{as_str, new_str};
use crate::objects::structseq::{field, fields, new_structseq, STRUCTSEQ_SLOTS};
use crate::objects::tuple::new_tuple;
use crate::objects::{PyResult, TypeObject};

thread_local! {
    static MODULE: RefCell<Value> = const { RefCell::new(Value::NULL) };
    static MODULES: RefCell<Value> = const { RefCell::new(Value::NULL) };
    static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUT_IS_TTY: Cell<bool> = const { Cell::new(false) };
    static MAX_STR_DIGITS: Cell<usize> = const { Cell::new(4300) };
}

/// `sys.get_int_max_str_digits()` (0 = no limit).
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|c| c.get())
}

/// Appends text to the buffered stdout (flushed at 8 KiB, at newlines on a terminal, before
/// anything is written to stderr, and at exit).
pub fn write_stdout(s: &str) -> PyResult<()> {
    let flush = OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.extend_from_slice(s.as_bytes());
        o.len() >= 8192 || (OUT_IS_TTY.with(|t| t.get()) && s.contains('\n'))
    });
    if flush {
        flush_stdout()?;
    }
    Ok(())
}

/// Writes out the stdout buffer.
pub fn flush_stdout() -> PyResult<()> {
    let data = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    if data.is_empty() {
        return Ok(());
    }
    let out = std::io::stdout();
    let mut h = out.lock();
    match h.write_all(&data).and_then(|_| h.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => err(&OS_ERROR, e.to_string()),
    }
}

/// Writes text to stderr (after flushing stdout, to keep the two in order).
pub fn write_stderr(s: &str) -> PyResult<()> {
    flush_stdout()?;
    let e = std::io::stderr();
    let mut h = e.lock();
    let _ = h.write_all(s.as_bytes());
    let _ = h.flush();
    Ok(())
}

/// Appends bytes to a standard output stream: fd 1 shares the stdout buffer, fd 2 is written
/// at once (after flushing stdout, to keep the two in order).
pub fn write_std_bytes(fd: i32, data: &[u8]) -> PyResult<()> {
    if fd == 2 {
        flush_stdout()?;
        let e = std::io::stderr();
        let mut h = e.lock();
        let _ = h.write_all(data);
        let _ = h.flush();
        return Ok(());
    }
    let flush = OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.extend_from_slice(data);
        o.len() >= 8192 || (OUT_IS_TTY.with(|t| t.get()) && data.contains(&b'\n'))
    });
    if flush {
        flush_stdout()?;
    }
    Ok(())
}

thread_local! {
    /// `sys.stdout` as last read, with the version of the sys dict it was read at: `print`
    /// finds it without a dict lookup while sys is unchanged.
    static STDOUT_CACHE: RefCell<(u64, Value)> = const { RefCell::new((0, Value::NULL)) };
    /// Whether `sys.stdout` was missing at the cached version.
    static STDOUT_LOST: Cell<bool> = const { Cell::new(false) };
}

/// Where `print()` without `file=` writes.
pub enum PrintTarget {
    /// An open standard stream (1 or 2): the shared buffer, directly.
    Std(i32),
    /// Any other object: its `write` method.
    File(Value),
    /// `sys.stdout` is None: nothing is printed.
    Nothing,
    /// `sys.stdout` was deleted: RuntimeError.
    Lost,
}

/// `sys.stdout` for `print()`.
pub fn print_target() -> PrintTarget {
    let Some(version) = MODULE.with(|m| {
        m.borrow()
            .downcast_ref::<Module>()
            .map(|md| md.dict().version())
    }) else {
        return PrintTarget::Nothing;
    };
    let hit = STDOUT_CACHE.with(|c| {
        let c = c.borrow();
        if c.0 != version || c.1.is_null() {
            return None;
        }
        Some(match crate::modules::io::textio::std_fd_of(&c.1) {
            0 if STDOUT_LOST.with(|l| l.get()) => PrintTarget::Lost,
            0 if c.1.is_none() => PrintTarget::Nothing,
            0 => PrintTarget::File(c.1.clone()),
            fd => PrintTarget::Std(fd),
        })
    });
    if let Some(t) = hit {
        return t;
    }
    let found = MODULE.with(|m| {
        m.borrow()
            .downcast_ref::<Module>()
            .and_then(|md| md.dict().get_str(&new_str("stdout")))
    });
    STDOUT_LOST.with(|l| l.set(found.is_none()));
    let v = found.unwrap_or(Value::NONE);
    // The replaced value is dropped after the borrow ends (its finalizer may print).
    let old = STDOUT_CACHE.with(|c| std::mem::replace(&mut *c.borrow_mut(), (version, v.clone())));
    drop(old);
    match crate::modules::io::textio::std_fd_of(&v) {
        0 if STDOUT_LOST.with(|l| l.get()) => PrintTarget::Lost,
        0 if v.is_none() => PrintTarget::Nothing,
        0 => PrintTarget::File(v),
        fd => PrintTarget::Std(fd),
    }
}

/// `sys.stdout` (`None` when it was deleted or set to None).
pub fn stdout() -> Option<Value> {
    std_stream("stdout")
}

/// `sys.stdin`.
pub fn stdin() -> Option<Value> {
    std_stream("stdin")
}

fn std_stream(name: &str) -> Option<Value> {
    let m = module();
    let md = m.downcast_ref::<Module>()?;
    md.dict().get_str(&new_str(name)).filter(|v| !v.is_none())
}

fn f_exit(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "exit() takes no keyword arguments");
    }
    if args.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!("exit expected at most 1 argument, got {}", args.len()),
        );
    }
    let e = crate::objects::exception::new_exception(
        &crate::objects::exception::SYSTEM_EXIT,
        args.to_vec(),
    );
    crate::ops::object::set_instance_dict_item(
        &e,
        "code",
        args.first().cloned().unwrap_or(Value::NONE),
    )?;
    Err(crate::objects::exception::raise_value(e))
}

/// `sys._getframe(depth=0)`.
fn f_getframe(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "_getframe() takes no keyword arguments");
    }
    if args.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!("_getframe expected at most 1 argument, got {}", args.len()),
        );
    }
    let depth = match args.first() {
        None => 0,
        Some(d) => crate::ops::number::index(d)?
            .as_small_int()
            .unwrap_or(i64::MAX),
    };
    let frame = usize::try_from(depth)
        .ok()
        .and_then(crate::objects::frame::getframe);
    match frame {
        Some(f) => Ok(f),
        // A negative depth is the caller's frame, as in CPython.
        None if depth < 0 => Ok(crate::objects::frame::getframe(0).unwrap_or(Value::NONE)),
        None => err(
            &crate::objects::exception::VALUE_ERROR,
            "call stack is not deep enough",
        ),
    }
}

fn f_getrecursionlimit(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::int(crate::vm::thread::recursion_limit() as i64))
}

fn f_setrecursionlimit(_: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = crate::ops::number::index_i64(crate::builtins::args::exactly_one(
        "setrecursionlimit",
        args,
    )?)?;
    if n < 1 {
        return err(
            &VALUE_ERROR,
            "recursion limit must be greater or equal than 1",
        );
    }
    crate::vm::thread::set_recursion_limit(n.min(u32::MAX as i64) as u32);
    Ok(Value::NONE)
}

fn f_exc_info(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let e = crate::vm::thread::handled();
    if e.is_null() {
        return Ok(new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let tb = e
        .downcast_ref::<crate::objects::exception::ExceptionData>()
        .map(|d| d.traceback())
        .filter(|t| !t.is_null())
        .unwrap_or(Value::NONE);
    Ok(new_tuple(vec![e.ty().to_value(), e.clone(), tb]))
}

fn f_exception(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let e = crate::vm::thread::handled();
    Ok(if e.is_null() { Value::NONE } else { e })
}

fn f_intern(_: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("intern", args)?;
    if as_str(x).is_none() {
        return err(
            &TYPE_ERROR,
            format!("intern() argument must be str, not {}", x.type_name()),
        );
    }
    Ok(x.clone())
}

fn f_get_max_digits(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::int(int_max_str_digits() as i64))
}

fn f_set_max_digits(_: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = crate::ops::number::index_i64(crate::builtins::args::exactly_one(
        "set_int_max_str_digits",
        args,
    )?)?;
    if n != 0 && n < 640 {
        return err(&VALUE_ERROR, "maxdigits must be 0 or larger than 640");
    }
    MAX_STR_DIGITS.with(|c| c.set(n as usize));
    Ok(Value::NONE)
}

/// Creates `sys` with `argv` and registers it in `sys.modules`.
pub fn init(argv: Vec<String>) {
    OUT_IS_TTY.with(|t| t.set(unsafe_isatty(1)));
    let modules = new_dict();
    MODULES.with(|m| *m.borrow_mut() = modules.clone());
    let m = new_module("sys");
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("argv", new_list(argv.iter().map(|a| new_str(a)).collect()));
    md.set("modules", modules.clone());
    md.set("path", new_list(vec![]));
    // Import system state the pure-Python standard library reads (see vm::import).
    md.set("meta_path", new_list(vec![]));
    md.set("path_hooks", new_list(vec![]));
    md.set("path_importer_cache", new_dict());
    md.set("warnoptions", new_list(vec![]));
    md.set("_xoptions", new_dict());
    md.set(
        "dont_write_bytecode",
        Value::bool(std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty())),
    );
    md.set("maxsize", Value::int(i64::MAX));
    md.set("maxunicode", Value::int(0x10ffff));
    md.set(
        "float_info",
        new_structseq(
            &FLOAT_INFO_TYPE,
            vec![
                Value::float(f64::MAX),
                Value::int(1024),
                Value::int(308),
                Value::float(f64::MIN_POSITIVE),
                Value::int(-1021),
                Value::int(-307),
                Value::int(15),
                Value::int(53),
                Value::float(f64::EPSILON),
                Value::int(2),
                Value::int(1),
            ],
        ),
    );
    md.set("float_repr_style", new_str("short"));
    md.set(
        "hash_info",
        new_structseq(
            &HASH_INFO_TYPE,
            vec![
                Value::int(64),
                Value::int((1 << 61) - 1),
                Value::int(314159),
                Value::int(0),
                Value::int(1000003),
                new_str("siphash13"),
                Value::int(64),
                Value::int(128),
                Value::int(0),
            ],
        ),
    );
    md.set(
        "int_info",
        new_structseq(
            &INT_INFO_TYPE,
            vec![
                Value::int(30),
                Value::int(4),
                Value::int(4300),
                Value::int(640),
            ],
        ),
    );
    md.set("flags", new_structseq(&FLAGS_TYPE, flags_items()));
    md.set("byteorder", new_str("little"));
    md.set("platform", new_str("linux"));
    md.set("version", new_str("3.12.1 (apython) [Rust]"));
    md.set(
        "version_info",
        new_structseq(
            &VERSION_INFO_TYPE,
            vec![
                Value::int(3),
                Value::int(12),
                Value::int(1),
                new_str("final"),
                Value::int(0),
            ],
        ),
    );
    md.set("hexversion", Value::int(0x030c01f0));
    md.set(
        "implementation",
        crate::objects::module::new_module("apython"),
    );
    if let Some(imp) = md.dict().get_str(&new_str("implementation")) {
        let i = imp.downcast_ref::<Module>().unwrap();
        i.set("name", new_str("apython"));
        i.set("cache_tag", new_str("cpython-312"));
    }
    md.set(
        "executable",
        new_str(
            &std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ),
    );
    for (fd, name) in [(0, "stdin"), (1, "stdout"), (2, "stderr")] {
        let stream = crate::modules::io::textio::new_std_stream(fd);
        md.set(name, stream.clone());
        md.set(&format!("__{}__", name), stream);
    }
    md.set(
        "builtin_module_names",
        crate::objects::tuple::new_tuple(
            crate::modules::NATIVE_MODULES
                .iter()
                .map(|n| new_str(n))
                .collect(),
        ),
    );
    crate::modules::add_functions(
        &m,
        &[
            ("getfilesystemencoding", |_, _, _| Ok(new_str("utf-8"))),
            ("getdefaultencoding", |_, _, _| Ok(new_str("utf-8"))),
            ("getfilesystemencodeerrors", |_, _, _| {
                Ok(new_str("surrogateescape"))
            }),
            ("exit", f_exit),
            // No audit hooks are supported: `sys.audit` events (`os.walk`, `open` ...) go
            // nowhere, as in CPython with no hook installed.
            ("audit", |_, _, _| Ok(Value::NONE)),
            ("getrecursionlimit", f_getrecursionlimit),
            ("setrecursionlimit", f_setrecursionlimit),
            ("exc_info", f_exc_info),
            ("_getframe", f_getframe),
            ("exception", f_exception),
            ("intern", f_intern),
            ("get_int_max_str_digits", f_get_max_digits),
            ("set_int_max_str_digits", f_set_max_digits),
            ("get_asyncgen_hooks", crate::vm::async_gen::sys_get_hooks),
            ("set_asyncgen_hooks", crate::vm::async_gen::sys_set_hooks),
        ],
    );
    // `sys.excepthook(type, value, traceback)` prints the exception as an uncaught one would
    // be (`threading` saves it; uncaught exceptions do not call a replaced hook yet).
    let hook = crate::objects::builtin_function::new_builtin("excepthook", f_excepthook);
    md.set("excepthook", hook.clone());
    md.set("__excepthook__", hook);
    let _ = modules
        .downcast_ref::<Dict>()
        .unwrap()
        .set_item(new_str("sys"), m.clone());
    let _ = modules
        .downcast_ref::<Dict>()
        .unwrap()
        .set_item(new_str("builtins"), crate::builtins::builtins_module());
    MODULE.with(|s| *s.borrow_mut() = m);
}

fn f_excepthook(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 3 {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            format!("excepthook expected 3 arguments, got {}", args.len()),
        );
    }
    if args[1]
        .downcast_ref::<crate::objects::exception::ExceptionData>()
        .is_none()
    {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            format!(
                "print_exception(): Exception expected for value, {} found",
                args[1].type_name()
            ),
        );
    }
    crate::vm::traceback::print_exception(&args[1]);
    Ok(Value::NONE)
}

fn unsafe_isatty(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

/// Sets `sys.warnoptions` (from `-W` options and `PYTHONWARNINGS`); the `warnings` module
/// applies them when it is imported.
pub fn set_warnoptions(options: &[String]) {
    if let Some(m) = module().downcast_ref::<Module>() {
        m.set(
            "warnoptions",
            new_list(options.iter().map(|o| new_str(o)).collect()),
        );
    }
}

/// The `sys` module.
pub fn module() -> Value {
    MODULE.with(|s| s.borrow().clone())
}

/// `sys.modules`.
pub fn modules_dict() -> Value {
    MODULES.with(|m| {
        let mut m = m.borrow_mut();
        if m.is_null() {
            *m = new_dict();
        }
        m.clone()
    })
}

// ---------------------------------------------------------------------------------------------
// Struct sequences.

/// `sys.version_info`.
static VERSION_INFO_TYPE: TypeObject = TypeObject {
    name: "sys.version_info",
    getsets: fields![
        "major" => field::<0>,
        "minor" => field::<1>,
        "micro" => field::<2>,
        "releaselevel" => field::<3>,
        "serial" => field::<4>,
    ],
    ..STRUCTSEQ_SLOTS
};

/// `sys.float_info`: the C double's limits.
static FLOAT_INFO_TYPE: TypeObject = TypeObject {
    name: "sys.float_info",
    getsets: fields![
        "max" => field::<0>,
        "max_exp" => field::<1>,
        "max_10_exp" => field::<2>,
        "min" => field::<3>,
        "min_exp" => field::<4>,
        "min_10_exp" => field::<5>,
        "dig" => field::<6>,
        "mant_dig" => field::<7>,
        "epsilon" => field::<8>,
        "radix" => field::<9>,
        "rounds" => field::<10>,
    ],
    ..STRUCTSEQ_SLOTS
};

/// `sys.hash_info`: the numeric hash's parameters (as CPython's on 64-bit Linux).
static HASH_INFO_TYPE: TypeObject = TypeObject {
    name: "sys.hash_info",
    getsets: fields![
        "width" => field::<0>,
        "modulus" => field::<1>,
        "inf" => field::<2>,
        "nan" => field::<3>,
        "imag" => field::<4>,
        "algorithm" => field::<5>,
        "hash_bits" => field::<6>,
        "seed_bits" => field::<7>,
        "cutoff" => field::<8>,
    ],
    ..STRUCTSEQ_SLOTS
};

/// `sys.int_info`: CPython's digit layout (what programs read it for: the str-digits limits).
static INT_INFO_TYPE: TypeObject = TypeObject {
    name: "sys.int_info",
    getsets: fields![
        "bits_per_digit" => field::<0>,
        "sizeof_digit" => field::<1>,
        "default_max_str_digits" => field::<2>,
        "str_digits_check_threshold" => field::<3>,
    ],
    ..STRUCTSEQ_SLOTS
};

/// `sys.flags`: the command-line flags, as `python3.12 script.py` has them.
static FLAGS_TYPE: TypeObject = TypeObject {
    name: "sys.flags",
    getsets: fields![
        "debug" => field::<0>,
        "inspect" => field::<1>,
        "interactive" => field::<2>,
        "optimize" => field::<3>,
        "dont_write_bytecode" => field::<4>,
        "no_user_site" => field::<5>,
        "no_site" => field::<6>,
        "ignore_environment" => field::<7>,
        "verbose" => field::<8>,
        "bytes_warning" => field::<9>,
        "quiet" => field::<10>,
        "hash_randomization" => field::<11>,
        "isolated" => field::<12>,
        "dev_mode" => field::<13>,
        "utf8_mode" => field::<14>,
        "warn_default_encoding" => field::<15>,
        "safe_path" => field::<16>,
        "int_max_str_digits" => field::<17>,
    ],
    ..STRUCTSEQ_SLOTS
};

/// The items of `sys.flags`: all off but hash randomization, with `dont_write_bytecode` from
/// `PYTHONDONTWRITEBYTECODE` as CPython reads it.
fn flags_items() -> Vec<Value> {
    let env_set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    let mut items: Vec<Value> = (0..18).map(|_| Value::int(0)).collect();
    items[4] = Value::int(env_set("PYTHONDONTWRITEBYTECODE") as i64);
    items[11] = Value::int(1);
    items[13] = Value::bool(false);
    items[16] = Value::bool(false);
    items[17] = Value::int(4300);
    items
}
