//! Native modules: what CPython implements in C, apython implements here.

pub mod math;
pub mod sys;
pub mod time;
pub mod typing;

use crate::abi::Value;
use crate::objects::PyResult;

/// Creates the native module `name`, or `None` when there is no such native module.
pub fn create_native(name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "sys" => Some(sys::module()),
        "math" => Some(math::create()),
        "time" => Some(time::create()),
        "_typing" => Some(typing::create()),
        "builtins" => Some(crate::builtins::builtins_module()),
        "importlib" => Some(crate::vm::import::create_importlib()),
        _ => None,
    })
}

/// Adds built-in functions to a module.
pub fn add_functions(m: &Value, fns: &[(&'static str, crate::objects::MethodFn)]) {
    let md = m.downcast_ref::<crate::objects::module::Module>().unwrap();
    for (name, f) in fns {
        md.set(
            name,
            crate::objects::builtin_function::new_builtin(name, *f),
        );
    }
}
