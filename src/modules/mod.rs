//! Native modules: what CPython implements in C, apython implements here.

pub mod atexit;
pub mod binascii;
pub mod codecs;
pub mod collections;
pub mod errno;
pub mod functools;
pub mod hashlib;
pub mod io;
pub mod itertools;
pub mod math;
pub mod posix;
pub mod random;
pub mod sre;
pub mod string;
pub mod struct_;
pub mod sys;
pub mod thread;
pub mod time;
pub mod tokenize;
pub mod typing;
pub mod warnings;
pub mod weakref;

use crate::abi::Value;
use crate::objects::PyResult;

/// The names [`create_native`] knows, sorted: `sys.builtin_module_names`. (A unit test keeps
/// the two in step.)
pub const NATIVE_MODULES: &[&str] = &[
    "_blake2",
    "_codecs",
    "_collections",
    "_functools",
    "_io",
    "_md5",
    "_random",
    "_sha1",
    "_sha2",
    "_sha3",
    "_sre",
    "_string",
    "_struct",
    "_thread",
    "_tokenize",
    "_typing",
    "_warnings",
    "_weakref",
    "atexit",
    "binascii",
    "builtins",
    "errno",
    "importlib",
    "itertools",
    "math",
    "posix",
    "sys",
    "time",
];

/// Creates the native module `name`, or `None` when there is no such native module.
pub fn create_native(name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "sys" => Some(sys::module()),
        "math" => Some(math::create()),
        "errno" => Some(errno::create()),
        "posix" => Some(posix::create()),
        "time" => Some(time::create()),
        "_weakref" => Some(weakref::create()),
        "_thread" => Some(thread::create()),
        "_collections" => Some(collections::create()),
        "_codecs" => Some(codecs::create()),
        "atexit" => Some(atexit::create()),
        "binascii" => Some(binascii::create()),
        "itertools" => Some(itertools::create()),
        "_functools" => Some(functools::create()),
        "_struct" => Some(struct_::create()),
        "_string" => Some(string::create()),
        "_io" => Some(io::create()),
        "_random" => Some(random::create()),
        "_md5" => Some(hashlib::md5::create()),
        "_sha1" => Some(hashlib::sha1::create()),
        "_sha2" => Some(hashlib::sha2::create()),
        "_sha3" => Some(hashlib::sha3::create()),
        "_blake2" => Some(hashlib::blake2::create()),
        "_sre" => Some(sre::create()),
        "_typing" => Some(typing::create()),
        "_warnings" => Some(warnings::create()),
        "_tokenize" => Some(tokenize::create()),
        "builtins" => Some(crate::builtins::builtins_module()),
        "importlib" => Some(crate::vm::import::create_importlib()),
        _ => None,
    })
}

/// Adds built-in functions to a module.
pub fn add_functions(m: &Value, fns: &[(&'static str, crate::objects::MethodFn)]) {
    let md = m.downcast_ref::<crate::objects::module::Module>().unwrap();
    let module_name = md
        .dict()
        .get_str(&crate::objects::str::new_str("__name__"))
        .unwrap_or(Value::NULL);
    for (name, f) in fns {
        md.set(
            name,
            crate::objects::builtin_function::new_module_builtin(name, *f, module_name.clone()),
        );
    }
}

/// Issues a warning from native code (as CPython's `PyErr_WarnEx`): see
/// [`warnings::warn`]; a filter's "error" action raises here.
pub fn warn(
    category: &'static crate::objects::TypeObject,
    message: &str,
    stacklevel: i64,
) -> PyResult<()> {
    warnings::warn(category, message, stacklevel)
}

/// Creates an exception class `module.name` deriving from `bases` (as CPython's
/// `PyErr_NewException`), for errors native modules raise (`struct.error`, ...).
pub fn new_exception_class(
    module: &str,
    name: &str,
    bases: &[&'static crate::objects::TypeObject],
) -> &'static crate::objects::TypeObject {
    use crate::objects::str::new_str;
    let ns = crate::objects::dict::new_dict();
    let d = ns.downcast_ref::<crate::objects::dict::Dict>().unwrap();
    let _ = d.set_item(new_str("__module__"), new_str(module));
    let bases = crate::objects::tuple::new_tuple(bases.iter().map(|b| b.to_value()).collect());
    let cls = crate::objects::class_::type_new(
        &crate::objects::TYPE_TYPE,
        &new_str(name),
        &bases,
        &ns,
        &[],
        &[],
    )
    .expect("creating a native exception class");
    crate::ops::object::as_type(&cls).expect("a class")
}

#[cfg(test)]
mod tests {
    /// `sys.builtin_module_names` lists exactly the modules `create_native` makes.
    #[test]
    fn native_module_list_matches_the_registry() {
        crate::vm::interp::init(vec!["test".into()]);
        let mut sorted = super::NATIVE_MODULES.to_vec();
        sorted.sort();
        assert_eq!(sorted, super::NATIVE_MODULES, "keep NATIVE_MODULES sorted");
        for name in super::NATIVE_MODULES {
            assert!(
                matches!(super::create_native(name), Ok(Some(_))),
                "{name} is listed but not created"
            );
        }
        assert!(matches!(super::create_native("no_such_module"), Ok(None)));
    }
}
