//! `atexit`: functions to call when the interpreter exits (last registered, first called).

use std::cell::RefCell;

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::module::new_module;
use crate::objects::PyResult;

/// A registered call: the function, its positional arguments, keyword names and values.
struct ExitFunc {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

thread_local! {
    static FUNCS: RefCell<Vec<ExitFunc>> = const { RefCell::new(Vec::new()) };
}

/// `register(func, *args, **kwargs)`: returns `func` (so it works as a decorator).
fn a_register(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos == 0 {
        return err(
            &TYPE_ERROR,
            "register() takes at least 1 argument (0 given)",
        );
    }
    let func = args[0].clone();
    if !crate::builtins::core::is_callable(&func) {
        return err(&TYPE_ERROR, "the first argument must be callable");
    }
    FUNCS.with(|f| {
        f.borrow_mut().push(ExitFunc {
            func: func.clone(),
            args: args[1..].to_vec(),
            kwnames: kwnames.to_vec(),
        })
    });
    Ok(func)
}

/// `unregister(func)`: drops every registration of a function equal to `func`.
fn a_unregister(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let func = crate::builtins::args::exactly_one("unregister", args)?;
    let n = FUNCS.with(|f| f.borrow().len());
    for i in (0..n).rev() {
        let Some(candidate) = FUNCS.with(|f| f.borrow().get(i).map(|e| e.func.clone())) else {
            continue;
        };
        if crate::ops::compare::eq(&candidate, func)? {
            let removed = FUNCS.with(|f| {
                let mut f = f.borrow_mut();
                (i < f.len()).then(|| f.remove(i))
            });
            drop(removed);
        }
    }
    Ok(Value::NONE)
}

/// Calls the registered functions, last first, and forgets them. Errors are reported as
/// "Exception ignored in atexit callback" and do not stop the others. Runs at interpreter exit
/// and for `atexit._run_exitfuncs()`.
pub fn run_exitfuncs() {
    while let Some(e) = FUNCS.with(|f| f.borrow_mut().pop()) {
        if crate::vm::call::call(&e.func, &e.args, &e.kwnames).is_err() {
            let exc = crate::vm::thread::take_raised();
            crate::vm::traceback::print_unraisable_msg(&exc, "in atexit callback", &e.func);
        }
    }
}

/// Creates the `atexit` module.
pub fn create() -> Value {
    let m = new_module("atexit");
    crate::modules::add_functions(
        &m,
        &[
            ("register", a_register),
            ("unregister", a_unregister),
            ("_run_exitfuncs", |_, _, _| {
                run_exitfuncs();
                Ok(Value::NONE)
            }),
            ("_clear", |_, _, _| {
                let old = FUNCS.with(|f| std::mem::take(&mut *f.borrow_mut()));
                drop(old);
                Ok(Value::NONE)
            }),
            ("_ncallbacks", |_, _, _| {
                Ok(Value::int(FUNCS.with(|f| f.borrow().len()) as i64))
            }),
        ],
    );
    m
}
