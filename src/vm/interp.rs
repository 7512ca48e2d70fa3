//! The interpreter entry: start-up (types, builtins, `sys`), running a module's code as
//! `__main__`, and turning an uncaught exception or `SystemExit` into an exit code.

use crate::abi::Value;
use crate::objects::dict::Dict;
use crate::objects::exception::{ExceptionData, SYSTEM_EXIT};
use crate::objects::function::new_function;
use crate::objects::module::{new_module, Module};
use crate::objects::str::new_str;
use crate::objects::PyResult;
use crate::vm::frame::frames;

/// Readies the built-in types and creates the `builtins` and `sys` modules.
pub fn init(argv: Vec<String>) {
    crate::objects::ready_builtin_types();
    crate::vm::signals::install();
    crate::modules::sys::init(argv);
}

/// Runs a code object as module `name` with globals `globals` (module-level frame: locals are
/// the globals dict).
pub fn run_module_code(code: Value, globals: Value) -> PyResult<Value> {
    let builtins = crate::builtins::builtins_dict();
    run_code(code, globals.clone(), globals, builtins)
}

/// Runs a code object in a new entry frame with the given globals, `locals` mapping (what
/// `LOAD_NAME`/`STORE_NAME` use; the globals dict for module code) and builtins dict; returns
/// what the code returns (`exec`, `eval`, module bodies).
pub fn run_code(code: Value, globals: Value, locals: Value, builtins: Value) -> PyResult<Value> {
    let f = new_function(code, globals, builtins);
    let fd = f
        .downcast_ref::<crate::objects::function::Function>()
        .unwrap();
    let base = frames().next_base_for_rust_call();
    crate::vm::call::push_frame(&f, fd, base, &[], &[], true)?;
    frames().frames.last_mut().unwrap().locals = locals;
    crate::vm::eval::run_top_frame()
}

/// Creates the `__main__` module (registered in `sys.modules`) with CPython's initial
/// attributes.
fn main_module(file: Option<&str>, package: Option<&str>) -> Value {
    let m = new_module("__main__");
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("__package__", package.map_or(Value::NONE, new_str));
    md.set("__loader__", Value::NONE);
    md.set("__spec__", Value::NONE);
    md.set("__annotations__", crate::objects::dict::new_dict());
    md.set("__builtins__", crate::builtins::builtins_module());
    if let Some(f) = file {
        // Like CPython, `__file__` of the main script is absolute (joined to the current
        // directory without normalizing), while `sys.argv[0]` keeps the path as given.
        let p = std::path::Path::new(f);
        let abs = if p.is_absolute() {
            f.to_string()
        } else {
            std::env::current_dir()
                .map(|d| d.join(p).to_string_lossy().into_owned())
                .unwrap_or_else(|_| f.to_string())
        };
        md.set("__file__", new_str(&abs));
        md.set("__cached__", Value::NONE);
    }
    let _ = crate::modules::sys::modules_dict()
        .downcast_ref::<Dict>()
        .unwrap()
        .set_item(new_str("__main__"), m.clone());
    m
}

fn run_in_main(code: Value, m: Value) -> i32 {
    let globals = m.downcast_ref::<Module>().unwrap().dict.clone();
    let r = run_module_code(code, globals);
    let code = match r {
        Ok(_) => 0,
        Err(_) => handle_uncaught(),
    };
    crate::modules::io::flush_at_exit();
    let _ = crate::modules::sys::flush_stdout();
    code
}

/// Runs `code` as `__main__` from `file`; returns the process exit code.
pub fn run_main(code: Value, file: Option<&str>) -> i32 {
    let m = main_module(file, None);
    run_in_main(code, m)
}

/// `apython -m name`: finds the module (a package runs its `__main__`), sets `sys.argv[0]` to
/// its file and runs it as `__main__`; returns the process exit code.
pub fn run_module_as_main(name: &str) -> i32 {
    let (code, file, package) = match crate::vm::import::find_main_module(name) {
        Ok(x) => x,
        Err(msg) => {
            let _ = crate::modules::sys::flush_stdout();
            let exe = std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| "apython".into());
            eprintln!("{}: {}", exe, msg);
            return 1;
        }
    };
    let sys = crate::modules::sys::module();
    if let Ok(argv) = crate::ops::object::getattr_str(&sys, "argv") {
        if let Some(l) = argv.downcast_ref::<crate::objects::list::List>() {
            if !l.is_empty() {
                l.set(0, new_str(&file));
            }
        }
    }
    let m = main_module(Some(&file), Some(&package));
    run_in_main(code, m)
}

/// Prints the exception in flight (or handles `SystemExit`) and returns the exit code.
pub fn handle_uncaught() -> i32 {
    let e = crate::vm::thread::take_raised();
    if e.ty().is_subtype(&SYSTEM_EXIT) {
        return system_exit_code(&e);
    }
    if e.downcast_ref::<ExceptionData>().is_some() {
        crate::vm::traceback::print_exception(&e);
    }
    1
}

/// The exit code for `SystemExit(code)`: None -> 0, int -> itself, else print it and use 1.
fn system_exit_code(e: &Value) -> i32 {
    let code = crate::ops::object::get_instance_dict_item(e, "code").unwrap_or(Value::NONE);
    if code.is_none() {
        return 0;
    }
    if let Some(i) = crate::objects::int::as_int(&code) {
        return match i {
            crate::objects::int::IntRef::Small(v) => v as i32,
            crate::objects::int::IntRef::Big(_) => -1,
        };
    }
    let _ = crate::modules::sys::flush_stdout();
    let s = crate::ops::object::str_string(&code).unwrap_or_default();
    eprintln!("{}", s);
    1
}
