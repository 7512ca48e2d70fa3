//! The import system, following CPython 3.12's `importlib._bootstrap` step by step.
//!
//! - `IMPORT_NAME` ([`import_name`]) resolves relative names against the importing globals'
//!   `__package__` (or `__name__`), imports every parent package first, then the module, and
//!   returns the top-level package or, with a fromlist, the module itself (importing fromlist
//!   entries that are submodules, and `__all__` for `*`).
//! - Native modules (`sys`, `math`, `time`, `builtins`, ... from `crate::modules`) come first;
//!   then `sys.path` (or the parent package's `__path__`) is searched, entry by entry, for a
//!   package directory `NAME/__init__.py`, a module `NAME.py` or a sourceless `NAME.pyc`;
//!   directories without `__init__.py` become namespace packages if nothing else matches.
//! - Source is compiled through [`crate::compile::pyc_for_source`] (`__pycache__`), the module
//!   is registered in `sys.modules` before its body runs (so circular imports see the partial
//!   module) and removed again if the body fails.
//! - Modules from CPython's standard library run unchanged; when one needs something apython
//!   lacks (a C module such as `_io`, a missing builtin), the failure surfaces as an
//!   `ImportError` whose `__cause__` is the original exception, so `try: import x except
//!   ImportError:` fallbacks in the standard library and in programs keep working.
//!
//! - `-m` ([`find_main_module`]) follows `runpy`: parents imported first, a package runs its
//!   `__main__`, CPython's messages for what cannot run.
//! - A small native `importlib` ([`create_importlib`]: `import_module`, `reload`,
//!   `invalidate_caches`) replaces CPython's, which needs `_imp`, `_thread`, `_weakref`, ...
//! - Cached bytecode whose source moved gets its `co_filename` rewritten
//!   ([`fix_co_filename`]), as CPython's `_imp._fix_co_filename` does.
//!
//! `sys.path` is set by [`init_path`] at start-up: the script's directory (or `''` for `-c`),
//! `PYTHONPATH` entries made absolute, then the pure-Python standard library ([`stdlib_dir`]).
//! Module specs and loaders are not modelled: `__spec__` and `__loader__` are `None`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::pyc::{Obj, RawCode};

use crate::abi::Value;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{
    err, new_exception_msg, raise_value, raised_matches, IMPORT_ERROR, MODULE_NOT_FOUND_ERROR,
    TYPE_ERROR, VALUE_ERROR,
};
use crate::objects::list::{new_list, List};
use crate::objects::module::{new_module, Module};
use crate::objects::str::{as_str, new_str};
use crate::objects::PyResult;
use crate::ops::object::set_instance_dict_item;
use crate::vm::thread;

thread_local! {
    /// Names of the modules whose body is running (CPython's `__spec__._initializing`).
    static INITIALIZING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The standard library directory, once computed.
    static STDLIB: RefCell<Option<Option<PathBuf>>> = const { RefCell::new(None) };
}

/// The `Lib/` directory of the CPython 3.12 whose compiler apython uses, e.g.
/// `/root/.pyenv/versions/3.12.1/lib/python3.12`.
///
/// It is `PREFIX/lib/python3.12` of the interpreter [`crate::compile::find_python312`] picks
/// (whose answer is cached across runs, so this costs no process start after the first run).
pub fn stdlib_dir() -> Option<PathBuf> {
    STDLIB.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            *s = Some(search_stdlib());
        }
        s.clone().unwrap()
    })
}

fn lib_of(exe: &Path) -> Option<PathBuf> {
    let exe = std::fs::canonicalize(exe).ok()?;
    let prefix = exe.parent()?.parent()?;
    let lib = prefix.join("lib").join("python3.12");
    lib.join("os.py").is_file().then_some(lib)
}

fn search_stdlib() -> Option<PathBuf> {
    // The compiler's interpreter (cached across runs, shims resolved) is the stdlib's owner.
    let exe = crate::compile::find_python312().ok()?;
    lib_of(&exe)
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

/// Sets `sys.path`: `first` (the script's directory, `""` for `-c`, the current directory for
/// `-m`), then the `PYTHONPATH` entries (made absolute, as CPython does), then the standard
/// library.
pub fn init_path(first: &str) {
    let mut entries = vec![new_str(first)];
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        for p in std::env::split_paths(&pp) {
            if p.as_os_str().is_empty() {
                continue;
            }
            entries.push(new_str(&absolute(&p).to_string_lossy()));
        }
    }
    let lib = stdlib_dir();
    if let Some(lib) = &lib {
        entries.push(new_str(&lib.to_string_lossy()));
    }
    let sys = crate::modules::sys::module();
    if let Some(m) = sys.downcast_ref::<Module>() {
        m.set("path", new_list(entries));
        // `sys.prefix` and friends: the installation whose standard library is used
        // (`gettext`, `sysconfig` and `site` read them).
        let prefix = lib
            .as_deref()
            .and_then(|l| l.parent()?.parent())
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
            m.set(name, new_str(&prefix));
        }
        m.set("platlibdir", new_str("lib"));
    }
}

/// The directory `sys.path[0]` names for a script: its parent, absolute, with symlinks
/// resolved (as CPython does).
pub fn script_dir(script: &str) -> String {
    let p = Path::new(script);
    let full = std::fs::canonicalize(p).unwrap_or_else(|_| absolute(p));
    full.parent()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether module `name`'s body is running (CPython's `__spec__._initializing`).
pub fn is_initializing(name: &str) -> bool {
    INITIALIZING.with(|i| i.borrow().iter().any(|x| x == name))
}

fn modules() -> Value {
    crate::modules::sys::modules_dict()
}

fn modules_dict() -> &'static Dict {
    let m = modules();
    let d: *const Dict = m.downcast_ref::<Dict>().unwrap();
    // SAFETY: the dict is kept alive by the `sys` module state for the whole run; the pointer
    // comes from a live reference.
    unsafe { &*d }
}

fn str_of(v: &Value) -> String {
    as_str(v).map(|s| s.to_string()).unwrap_or_default()
}

fn repr_str(s: &str) -> String {
    crate::ops::object::repr_string(&new_str(s)).unwrap_or_else(|_| format!("'{}'", s))
}

/// Raises `ModuleNotFoundError(msg)` with `.name` set.
fn not_found(msg: String, name: &str) -> crate::objects::Raised {
    let e = new_exception_msg(&MODULE_NOT_FOUND_ERROR, &msg);
    let _ = set_instance_dict_item(&e, "msg", new_str(&msg));
    let _ = set_instance_dict_item(&e, "name", new_str(name));
    let _ = set_instance_dict_item(&e, "path", Value::NONE);
    raise_value(e)
}

/// Raises `ImportError(msg)` with `.name` and `.path` set (`None` when not given).
pub fn import_error(msg: String, name: Option<&str>, path: Option<&str>) -> crate::objects::Raised {
    let e = new_exception_msg(&IMPORT_ERROR, &msg);
    let _ = set_instance_dict_item(&e, "msg", new_str(&msg));
    let _ = set_instance_dict_item(&e, "name", name.map_or(Value::NONE, new_str));
    let _ = set_instance_dict_item(&e, "path", path.map_or(Value::NONE, new_str));
    raise_value(e)
}

/// `_calc___package__`: the package relative imports in `globals` are resolved against.
fn calc_package(globals: &Value) -> PyResult<Value> {
    let Some(g) = globals.downcast_ref::<Dict>() else {
        return Ok(Value::NONE);
    };
    if let Some(p) = g.get_str(&new_str("__package__")) {
        if !p.is_none() {
            return Ok(p);
        }
    }
    if let Some(spec) = g.get_str(&new_str("__spec__")) {
        if !spec.is_none() {
            if let Some(parent) = crate::ops::object::getattr_opt(&spec, &new_str("parent"))? {
                return Ok(parent);
            }
        }
    }
    let Some(name) = g.get_str(&new_str("__name__")) else {
        return err(
            &crate::objects::exception::KEY_ERROR,
            "'__name__' not in globals",
        );
    };
    let Some(n) = as_str(&name) else {
        return Ok(name.clone());
    };
    if g.get_str(&new_str("__path__")).is_some() {
        return Ok(name.clone());
    }
    Ok(new_str(n.rsplit_once('.').map_or("", |(a, _)| a)))
}

/// `_resolve_name`: the absolute name of a relative import.
fn resolve_name(name: &str, package: &str, level: usize) -> PyResult<String> {
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        return Err(import_error(
            "attempted relative import beyond top-level package".into(),
            None,
            None,
        ));
    }
    let base = bits[bits.len() - 1];
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{}.{}", base, name)
    })
}

/// The absolute module name for `name` imported at `level` from code with `globals`
/// (`_sanity_check` plus `_resolve_name`).
fn absolute_name(name: &str, globals: &Value, level: usize) -> PyResult<String> {
    if level == 0 {
        if name.is_empty() {
            return err(&VALUE_ERROR, "Empty module name");
        }
        return Ok(name.to_string());
    }
    let package = calc_package(globals)?;
    let Some(p) = as_str(&package) else {
        return err(&TYPE_ERROR, "__package__ not set to a string");
    };
    if p.is_empty() {
        return Err(import_error(
            "attempted relative import with no known parent package".into(),
            None,
            None,
        ));
    }
    let p = p.to_string();
    resolve_name(name, &p, level)
}

/// `IMPORT_NAME` / `__import__(name, globals, locals, fromlist, level)`: imports the module
/// and returns the top-level package, or the module itself when `fromlist` is non-empty.
pub fn import_name(
    name: &Value,
    globals: &Value,
    fromlist: &Value,
    level: &Value,
) -> PyResult<Value> {
    let Some(n) = as_str(name) else {
        return err(
            &TYPE_ERROR,
            format!("module name must be str, not {}", name.type_name()),
        );
    };
    let n = n.to_string();
    let level = match level.as_small_int() {
        Some(l) if l < 0 => return err(&VALUE_ERROR, "level must be >= 0"),
        Some(l) => l as usize,
        None if level.is_none() => 0,
        None => crate::ops::number::index_i64(level)?.max(0) as usize,
    };
    let full = absolute_name(&n, globals, level)?;
    let module = import_module(&full)?;
    let has_fromlist = !fromlist.is_none() && crate::ops::object::truthy(fromlist)?;
    if !has_fromlist {
        if level == 0 {
            let top = n.split('.').next().unwrap_or("");
            if top == n {
                return Ok(module);
            }
            return import_module(top);
        }
        if n.is_empty() {
            return Ok(module);
        }
        // `from` nothing: return the top-level package of the relative name.
        let cut = n.len() - n.split('.').next().unwrap_or("").len();
        let mname = module_name(&module).unwrap_or(full.clone());
        let want = &mname[..mname.len() - cut];
        return match modules_dict().get_str(&new_str(want)) {
            Some(m) => Ok(m),
            None => Err(not_found(
                format!("No module named {}", repr_str(want)),
                want,
            )),
        };
    }
    if attr(&module, &new_str("__path__"))?.is_some() {
        handle_fromlist(&module, fromlist, false)?;
    }
    Ok(module)
}

/// `getattr(v, name)` as `hasattr` sees it: `None` when missing or when the lookup raises
/// `AttributeError` (a module `__getattr__` may).
fn attr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    match crate::ops::object::getattr_opt(v, name) {
        Ok(x) => Ok(x),
        Err(e) => {
            if raised_matches(&crate::objects::exception::ATTRIBUTE_ERROR) {
                thread::take_raised();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn module_name(m: &Value) -> Option<String> {
    let n = match attr(m, &new_str("__name__")) {
        Ok(n) => n?,
        Err(_) => {
            thread::take_raised();
            return None;
        }
    };
    as_str(&n).map(|s| s.to_string())
}

/// `_handle_fromlist`: imports the fromlist entries of a package that are submodules.
fn handle_fromlist(module: &Value, fromlist: &Value, recursive: bool) -> PyResult<()> {
    for x in crate::ops::sequence::collect(fromlist)? {
        let Some(xs) = as_str(&x) else {
            let where_ = if recursive {
                format!("{}.__all__", module_name(module).unwrap_or_default())
            } else {
                "``from list''".to_string()
            };
            return err(
                &TYPE_ERROR,
                format!("Item in {} must be str, not {}", where_, x.type_name()),
            );
        };
        let xs = xs.to_string();
        if xs == "*" {
            if !recursive {
                if let Some(all) = attr(module, &new_str("__all__"))? {
                    handle_fromlist(module, &all, true)?;
                }
            }
            continue;
        }
        if attr(module, &x)?.is_some() {
            continue;
        }
        let from_name = format!("{}.{}", module_name(module).unwrap_or_default(), xs);
        if let Err(e) = import_module(&from_name) {
            if raised_matches(&MODULE_NOT_FOUND_ERROR) {
                let exc = thread::peek_raised();
                let ename = crate::ops::object::get_instance_dict_item(&exc, "name");
                let same = ename
                    .as_ref()
                    .and_then(|n| as_str(n).map(|s| *s == *from_name));
                let none_in_modules = modules_dict()
                    .get_str(&new_str(&from_name))
                    .is_some_and(|m| m.is_none());
                if same == Some(true) && !none_in_modules {
                    thread::take_raised();
                    continue;
                }
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Imports a module by its absolute dotted name (`importlib.import_module` without a
/// package): parents first, each cached in `sys.modules`.
pub fn import_module(name: &str) -> PyResult<Value> {
    if let Some(m) = modules_dict().get_str(&new_str(name)) {
        if m.is_none() {
            return Err(not_found(
                format!("import of {} halted; None in sys.modules", name),
                name,
            ));
        }
        return Ok(m);
    }
    find_and_load(name)
}

/// `_find_and_load_unlocked`.
fn find_and_load(name: &str) -> PyResult<Value> {
    let mut search: Option<Vec<Value>> = None;
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name),
    };
    if let Some(parent) = parent {
        if modules_dict().get_str(&new_str(parent)).is_none() {
            import_module(parent)?;
        }
        if let Some(m) = modules_dict().get_str(&new_str(name)) {
            return Ok(m);
        }
        let pm = modules_dict()
            .get_str(&new_str(parent))
            .unwrap_or(Value::NONE);
        match attr(&pm, &new_str("__path__")) {
            Ok(Some(p)) => search = Some(crate::ops::sequence::collect(&p)?),
            Ok(None) => {
                return Err(not_found(
                    format!(
                        "No module named {}; {} is not a package",
                        repr_str(name),
                        repr_str(parent)
                    ),
                    name,
                ))
            }
            Err(e) => return Err(e),
        }
    }
    let module = if let Some(m) = native(name)? {
        m
    } else {
        let paths = match search {
            Some(p) => p,
            None => sys_path()?,
        };
        let Some(spec) = find_spec(child, &paths) else {
            return Err(not_found(
                format!("No module named {}", repr_str(name)),
                name,
            ));
        };
        load(name, spec)?
    };
    if let Some(parent) = parent {
        if let Some(pm) = modules_dict().get_str(&new_str(parent)) {
            let _ = crate::ops::object::setattr(&pm, &new_str(child), Some(module.clone()))
                .map_err(|_| thread::take_raised());
        }
    }
    Ok(module)
}

/// A native module named `name`, registered in `sys.modules`.
fn native(name: &str) -> PyResult<Option<Value>> {
    let Some(m) = crate::modules::create_native(name)? else {
        return Ok(None);
    };
    modules_dict().set_item(new_str(name), m.clone())?;
    Ok(Some(m))
}

fn sys_path() -> PyResult<Vec<Value>> {
    let sys = crate::modules::sys::module();
    match crate::ops::object::getattr_opt(&sys, &new_str("path"))? {
        Some(p) if p.downcast_ref::<List>().is_some() => crate::ops::sequence::collect(&p),
        _ => Err(import_error(
            "sys.path must be a list of directory names".into(),
            None,
            None,
        )),
    }
}

/// Where a module was found.
enum Spec {
    /// A `.py` file; `package` holds the package directory for `__init__.py`.
    Source {
        file: PathBuf,
        package: Option<PathBuf>,
    },
    /// A sourceless `.pyc` file.
    Bytecode {
        file: PathBuf,
        package: Option<PathBuf>,
    },
    /// A namespace package: the directories that make it up.
    Namespace(Vec<PathBuf>),
}

/// The directory a `sys.path` / `__path__` entry names (`''` is the current directory).
fn entry_dir(entry: &Value) -> Option<PathBuf> {
    let s = as_str(entry)?;
    if s.is_empty() {
        return std::env::current_dir().ok();
    }
    Some(absolute(Path::new(&*s)))
}

/// `PathFinder.find_spec`: looks for `child` in each directory of `paths`.
fn find_spec(child: &str, paths: &[Value]) -> Option<Spec> {
    let mut namespace = Vec::new();
    for entry in paths {
        let Some(dir) = entry_dir(entry) else {
            continue;
        };
        let base = dir.join(child);
        if base.is_dir() {
            let init = base.join("__init__.py");
            if init.is_file() {
                return Some(Spec::Source {
                    file: init,
                    package: Some(base),
                });
            }
            let initc = base.join("__init__.pyc");
            if initc.is_file() {
                return Some(Spec::Bytecode {
                    file: initc,
                    package: Some(base),
                });
            }
            namespace.push(base.clone());
        }
        let py = dir.join(format!("{}.py", child));
        if py.is_file() {
            return Some(Spec::Source {
                file: py,
                package: None,
            });
        }
        let pyc = dir.join(format!("{}.pyc", child));
        if pyc.is_file() {
            return Some(Spec::Bytecode {
                file: pyc,
                package: None,
            });
        }
    }
    if namespace.is_empty() {
        None
    } else {
        Some(Spec::Namespace(namespace))
    }
}

fn is_stdlib(file: &Path) -> bool {
    stdlib_dir().is_some_and(|lib| file.starts_with(&lib))
}

/// Creates the module for `spec`, registers it in `sys.modules`, runs its body; on failure
/// removes it again. Returns `sys.modules[name]` (a module may replace itself there).
fn load(name: &str, spec: Spec) -> PyResult<Value> {
    if std::env::var_os("APYTHON_TRACE_IMPORT").is_some() {
        eprintln!("# apython: import {}", name);
    }
    let m = new_module(name);
    let md = m.downcast_ref::<Module>().unwrap();
    let (file, package_dir, sourceless) = match spec {
        Spec::Namespace(dirs) => {
            md.set("__package__", new_str(name));
            md.set("__loader__", Value::NONE);
            md.set("__spec__", Value::NONE);
            md.set("__file__", Value::NONE);
            let path = dirs.iter().map(|d| new_str(&d.to_string_lossy())).collect();
            md.set("__path__", new_list(path));
            modules_dict().set_item(new_str(name), m.clone())?;
            return Ok(m);
        }
        Spec::Source { file, package } => (file, package, false),
        Spec::Bytecode { file, package } => (file, package, true),
    };
    let file_s = file.to_string_lossy().into_owned();
    let package = match &package_dir {
        Some(_) => name.to_string(),
        None => name.rsplit_once('.').map_or("", |(p, _)| p).to_string(),
    };
    md.set("__package__", new_str(&package));
    md.set("__loader__", Value::NONE);
    md.set("__spec__", Value::NONE);
    if let Some(dir) = &package_dir {
        md.set("__path__", new_list(vec![new_str(&dir.to_string_lossy())]));
    }
    md.set("__file__", new_str(&file_s));
    let stdlib = is_stdlib(&file);
    let loaded = load_code(&file, sourceless);
    if loaded.is_err() && stdlib && !raised_matches(&IMPORT_ERROR) {
        return Err(wrap_stdlib_failure(name, &file_s));
    }
    let code = match loaded {
        Ok((code, cached)) => {
            md.set(
                "__cached__",
                match cached {
                    Some(c) => new_str(&c.to_string_lossy()),
                    None => Value::NONE,
                },
            );
            code
        }
        Err(e) => return Err(e),
    };
    md.set("__builtins__", crate::builtins::builtins_dict());
    modules_dict().set_item(new_str(name), m.clone())?;
    INITIALIZING.with(|i| i.borrow_mut().push(name.to_string()));
    let r = crate::vm::interp::run_module_code(code, md.dict.clone());
    INITIALIZING.with(|i| {
        let mut i = i.borrow_mut();
        if let Some(pos) = i.iter().rposition(|n| n == name) {
            i.remove(pos);
        }
    });
    if let Err(e) = r {
        let _ = modules_dict().del_item(&new_str(name));
        if stdlib && !raised_matches(&IMPORT_ERROR) {
            return Err(wrap_stdlib_failure(name, &file_s));
        }
        return Err(e);
    }
    match modules_dict().get_str(&new_str(name)) {
        Some(m) => Ok(m),
        None => Err(import_error(
            format!("Loaded module {} not found in sys.modules", name),
            None,
            None,
        )),
    }
}

/// Turns the exception raised by a standard library module's body into an `ImportError`
/// (caused by it): apython lacks something that module needs.
fn wrap_stdlib_failure(name: &str, file: &str) -> crate::objects::Raised {
    let cause = thread::take_raised();
    let what = crate::vm::traceback::exception_only(&cause);
    let msg = format!(
        "cannot import standard library module {}: apython lacks what it needs ({})",
        repr_str(name),
        what.lines().next().unwrap_or("")
    );
    let e = new_exception_msg(&IMPORT_ERROR, &msg);
    let _ = set_instance_dict_item(&e, "msg", new_str(&msg));
    let _ = set_instance_dict_item(&e, "name", new_str(name));
    let _ = set_instance_dict_item(&e, "path", new_str(file));
    if let Some(d) = e.downcast_ref::<crate::objects::exception::ExceptionData>() {
        d.set_cause(cause);
        d.suppress_context.set(true);
    }
    raise_value(e)
}

/// The code object of a module file, and where its bytecode is cached.
fn load_code(file: &Path, sourceless: bool) -> PyResult<(Value, Option<PathBuf>)> {
    if sourceless {
        let bytes = std::fs::read(file).map_err(|e| {
            crate::objects::exception::raise(&crate::objects::exception::OS_ERROR, e.to_string())
        })?;
        let raw = crate::pyc::read_pyc(&bytes).map_err(|e| {
            import_error(
                format!("bad bytecode file {}: {}", file.display(), e),
                None,
                Some(&file.to_string_lossy()),
            )
        })?;
        return Ok((crate::objects::code::new_code(&raw)?, None));
    }
    match crate::compile::pyc_for_source(file) {
        Ok(s) => {
            for w in &s.warnings {
                let _ = crate::modules::sys::write_stderr(&w.formatted);
            }
            let cached = s
                .cache_path
                .clone()
                .or_else(|| crate::compile::cache_path_for(file));
            let raw = fix_co_filename(&s.code, &file.to_string_lossy());
            Ok((crate::objects::code::new_code(&raw)?, cached))
        }
        Err(e) => Err(crate::builtins::exec::raise_compile_error(e)),
    }
}

/// CPython's `_imp._fix_co_filename`: a cached `.pyc` keeps the path its source had when it
/// was compiled; when the source has moved since, `co_filename` is rewritten to `path` in the
/// module code and in every nested code object that had the old name.
pub fn fix_co_filename(raw: &Rc<RawCode>, path: &str) -> Rc<RawCode> {
    fn rewrite(raw: &Rc<RawCode>, old: &str, new: &Rc<str>) -> Rc<RawCode> {
        let mut c = (**raw).clone();
        if &*c.filename == old {
            c.filename = new.clone();
        }
        c.consts = raw
            .consts
            .iter()
            .map(|o| match o {
                Obj::Code(inner) => Obj::Code(rewrite(inner, old, new)),
                other => other.clone(),
            })
            .collect();
        Rc::new(c)
    }
    if &*raw.filename == path {
        return raw.clone();
    }
    let old = raw.filename.clone();
    rewrite(raw, &old, &Rc::from(path))
}

/// `IMPORT_FROM`: `from module import name`, falling back to the submodule
/// `sys.modules["module.name"]`, with CPython's messages.
pub fn import_from(module: &Value, name: &Value) -> PyResult<Value> {
    match crate::ops::object::getattr_opt(module, name) {
        Ok(Some(v)) => return Ok(v),
        Ok(None) => {}
        Err(e) => {
            if !raised_matches(&crate::objects::exception::ATTRIBUTE_ERROR) {
                return Err(e);
            }
            thread::take_raised();
        }
    }
    let n = str_of(name);
    let pkgname = module_name(module);
    if let Some(p) = &pkgname {
        if let Some(m) = modules_dict().get_str(&new_str(&format!("{}.{}", p, n))) {
            return Ok(m);
        }
    }
    let path = attr(module, &new_str("__file__"))
        .map_err(|_| thread::take_raised())
        .ok()
        .flatten()
        .and_then(|f| as_str(&f).map(|s| s.to_string()));
    let Some(pkgname) = pkgname else {
        return Err(import_error(
            format!(
                "cannot import name {} from {} (unknown location)",
                repr_str(&n),
                "'<unknown module name>'"
            ),
            None,
            path.as_deref(),
        ));
    };
    let initializing = is_initializing(&pkgname);
    let loc = path.clone().unwrap_or_else(|| "unknown location".into());
    let msg = if initializing {
        format!(
            "cannot import name {} from partially initialized module {} (most likely due to a circular import) ({})",
            repr_str(&n),
            repr_str(&pkgname),
            loc
        )
    } else {
        format!(
            "cannot import name {} from {} ({})",
            repr_str(&n),
            repr_str(&pkgname),
            loc
        )
    };
    let r = import_error(msg, Some(&pkgname), path.as_deref());
    let e = thread::peek_raised();
    let _ = set_instance_dict_item(&e, "name_from", name.clone());
    Err(r)
}

/// `from module import *` into `locals`: the names in `__all__`, or every public name.
pub fn import_star(module: &Value, locals: &Value) -> PyResult<()> {
    let (names, from_all): (Vec<Value>, bool) = match attr(module, &new_str("__all__"))? {
        Some(a) => (crate::ops::sequence::collect(&a)?, true),
        None => {
            let Some(d) = crate::ops::object::getattr_opt(module, &new_str("__dict__"))? else {
                return err(
                    &IMPORT_ERROR,
                    "from-import-* object has no __dict__ and no __all__",
                );
            };
            let keys = match d.downcast_ref::<Dict>() {
                Some(d) => d.keys(),
                None => crate::ops::sequence::collect(&d)?,
            };
            (keys, false)
        }
    };
    for n in names {
        let Some(s) = as_str(&n) else {
            let what = if from_all {
                format!(
                    "Item in {}.__all__",
                    module_name(module).unwrap_or_default()
                )
            } else {
                format!(
                    "Key in {}.__dict__",
                    module_name(module).unwrap_or_default()
                )
            };
            return err(
                &TYPE_ERROR,
                format!("{} must be str, not {}", what, n.type_name()),
            );
        };
        if !from_all && s.starts_with('_') {
            continue;
        }
        let v = crate::ops::object::getattr(module, &n)?;
        crate::ops::sequence::setitem(locals, &n, v)?;
    }
    Ok(())
}

/// Finds the file `-m name` runs: the module's own file, or `__main__` of a package, as
/// `runpy._get_module_details` does (importing the parent packages first). Returns the code,
/// the file, and the `__package__` value; on failure, the message CPython prints after
/// `python: `.
pub fn find_main_module(name: &str) -> Result<(Value, String, String), String> {
    fn spec_error(name: &str) -> String {
        let e = thread::take_raised();
        format!(
            "Error while finding module specification for {} ({})",
            repr_str(name),
            crate::vm::traceback::exception_only(&e)
        )
    }
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p.to_string()), c.to_string()),
        None => (None, name.to_string()),
    };
    let paths = match &parent {
        Some(p) => {
            if import_module(p).is_err() {
                // A missing ancestor package surfaces as the spec-finding error.
                return Err(spec_error(name));
            }
            if let Some(existing) = modules_dict().get_str(&new_str(name)) {
                if !matches!(attr(&existing, &new_str("__path__")), Ok(Some(_))) {
                    let _ = crate::modules::sys::write_stderr(&format!(
                        "<frozen runpy>:128: RuntimeWarning: {} found in sys.modules after import of package {}, but prior to execution of {}; this may result in unpredictable behaviour\n",
                        repr_str(name),
                        repr_str(p),
                        repr_str(name)
                    ));
                }
                thread::take_raised();
            }
            let pm = modules_dict().get_str(&new_str(p)).unwrap_or(Value::NONE);
            match attr(&pm, &new_str("__path__")) {
                Ok(Some(path)) => {
                    crate::ops::sequence::collect(&path).map_err(|_| spec_error(name))?
                }
                _ => {
                    thread::take_raised();
                    return Err(format!(
                        "Error while finding module specification for {} (ModuleNotFoundError: __path__ attribute not found on {} while trying to find {})",
                        repr_str(name),
                        repr_str(p),
                        repr_str(name)
                    ));
                }
            }
        }
        None => sys_path().map_err(|_| spec_error(name))?,
    };
    let is_package = |spec: &Spec| {
        matches!(
            spec,
            Spec::Namespace(_)
                | Spec::Source {
                    package: Some(_),
                    ..
                }
                | Spec::Bytecode {
                    package: Some(_),
                    ..
                }
        )
    };
    match find_spec(&child, &paths) {
        None => Err(format!("No module named {}", name)),
        Some(spec) if is_package(&spec) => {
            if name == "__main__" || name.ends_with(".__main__") {
                return Err("Cannot use package as __main__ module".into());
            }
            if import_module(name).is_err() {
                return Err(spec_error(name));
            }
            match find_main_module(&format!("{}.__main__", name)) {
                Ok(x) => Ok(x),
                Err(e) => Err(format!(
                    "{}; {} is a package and cannot be directly executed",
                    e,
                    repr_str(name)
                )),
            }
        }
        Some(Spec::Source { file, .. }) | Some(Spec::Bytecode { file, .. }) => {
            let sourceless = file.extension().is_some_and(|e| e == "pyc");
            let (code, _) = load_code(&file, sourceless).map_err(|_| {
                let e = thread::take_raised();
                crate::vm::traceback::exception_only(&e)
            })?;
            Ok((
                code,
                file.to_string_lossy().into_owned(),
                parent.unwrap_or_default(),
            ))
        }
        Some(Spec::Namespace(_)) => Err(format!("No module named {}", name)),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = crate::builtins::args::ArgParser::new("__import__", args, kw);
    let name = p.required("name")?;
    let globals = p.optional("globals")?.unwrap_or(Value::NONE);
    let _locals = p.optional("locals")?;
    let fromlist = p.optional("fromlist")?.unwrap_or(Value::NONE);
    let level = p.optional("level")?.unwrap_or(Value::int(0));
    p.finish()?;
    let globals = if globals.is_none() {
        new_dict()
    } else {
        globals
    };
    import_name(&name, &globals, &fromlist, &level)
}

/// `importlib.import_module(name, package=None)`: absolute or (with `package`) relative.
fn importlib_import_module(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = crate::builtins::args::ArgParser::new("import_module", args, kw);
    let name = p.required("name")?;
    let package = p.optional("package")?.unwrap_or(Value::NONE);
    p.finish()?;
    let Some(n) = as_str(&name).map(|s| s.to_string()) else {
        return err(
            &TYPE_ERROR,
            format!("module name must be str, not {}", name.type_name()),
        );
    };
    let level = n.len() - n.trim_start_matches('.').len();
    let full = if level > 0 {
        let Some(pkg) = as_str(&package).map(|s| s.to_string()) else {
            return err(
                &TYPE_ERROR,
                format!(
                    "the 'package' argument is required to perform a relative import for {}",
                    repr_str(&n)
                ),
            );
        };
        resolve_name(&n[level..], &pkg, level)?
    } else {
        absolute_name(&n, &Value::NONE, 0)?
    };
    import_module(&full)
}

/// `importlib.reload(module)`: runs the module's (re-found, re-compiled) code again in its
/// existing namespace.
fn importlib_reload(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let module = crate::builtins::args::exactly_one("reload", args)?;
    if module.downcast_ref::<Module>().is_none() {
        return err(&TYPE_ERROR, "reload() argument must be a module");
    }
    let name = module_name(module).unwrap_or_default();
    match modules_dict().get_str(&new_str(&name)) {
        Some(m) if m.is(module) => {}
        _ => {
            return Err(import_error(
                format!("module {} not in sys.modules", name),
                Some(&name),
                None,
            ))
        }
    }
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name.as_str()),
    };
    let paths = match parent {
        Some(p) => {
            let Some(pm) = modules_dict().get_str(&new_str(p)) else {
                return Err(import_error(
                    format!("parent {} not in sys.modules", repr_str(p)),
                    Some(p),
                    None,
                ));
            };
            match attr(&pm, &new_str("__path__"))? {
                Some(path) => crate::ops::sequence::collect(&path)?,
                None => vec![],
            }
        }
        None => sys_path()?,
    };
    if crate::modules::create_native(&name)?.is_some() {
        return Ok(module.clone());
    }
    let file = match find_spec(child, &paths) {
        Some(Spec::Source { file, .. }) => (file, false),
        Some(Spec::Bytecode { file, .. }) => (file, true),
        Some(Spec::Namespace(_)) => return Ok(module.clone()),
        None => {
            return Err(not_found(
                format!("spec not found for the module {}", repr_str(&name)),
                &name,
            ))
        }
    };
    let (code, _) = load_code(&file.0, file.1)?;
    let globals = module.downcast_ref::<Module>().unwrap().dict.clone();
    INITIALIZING.with(|i| i.borrow_mut().push(name.clone()));
    let r = crate::vm::interp::run_module_code(code, globals);
    INITIALIZING.with(|i| {
        let mut i = i.borrow_mut();
        if let Some(pos) = i.iter().rposition(|n| *n == name) {
            i.remove(pos);
        }
    });
    r?;
    Ok(modules_dict()
        .get_str(&new_str(&name))
        .unwrap_or_else(|| module.clone()))
}

fn importlib_invalidate_caches(_: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// apython's native `importlib`: `import_module`, `reload` and `invalidate_caches` over this
/// import system (CPython's pure-Python `importlib` needs `_imp`, `_thread`, `_weakref`, ...).
pub fn create_importlib() -> Value {
    let m = new_module("importlib");
    crate::modules::add_functions(
        &m,
        &[
            ("import_module", importlib_import_module),
            ("reload", importlib_reload),
            ("invalidate_caches", importlib_invalidate_caches),
        ],
    );
    m
}
