//! The `builtins` module: built-in functions, types and exceptions, created once at start-up.

pub mod args;
pub mod core;
pub mod exec;

use std::cell::RefCell;

use crate::abi::Value;
use crate::objects::builtin_function::{new_builtin, new_module_builtin};
use crate::objects::module::{new_module, Module};
use crate::objects::str::new_str;

thread_local! {
    static BUILTINS: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

fn create() -> Value {
    let m = new_module("builtins");
    let md = m.downcast_ref::<Module>().unwrap();
    for (name, f) in core::FUNCTIONS {
        md.set(name, new_module_builtin(name, *f, new_str("builtins")));
    }
    md.set("open", new_builtin("open", crate::modules::io::open));
    md.set(
        "__build_class__",
        new_builtin("__build_class__", crate::objects::class_::build_class),
    );
    md.set("property", descriptors::PROPERTY_TYPE.to_value());
    md.set("classmethod", descriptors::CLASSMETHOD_TYPE.to_value());
    md.set("staticmethod", descriptors::STATICMETHOD_TYPE.to_value());
    md.set("super", descriptors::SUPER_TYPE.to_value());
    use crate::objects::*;
    let types: [(&str, &TypeObject); 22] = [
        ("object", &object::OBJECT_TYPE),
        ("type", &TYPE_TYPE),
        ("int", &int::INT_TYPE),
        ("bool", &bool_::BOOL_TYPE),
        ("float", &float::FLOAT_TYPE),
        ("complex", &complex::COMPLEX_TYPE),
        ("str", &str::STR_TYPE),
        ("bytes", &bytes::BYTES_TYPE),
        ("bytearray", &bytes::BYTEARRAY_TYPE),
        ("tuple", &tuple::TUPLE_TYPE),
        ("list", &list::LIST_TYPE),
        ("dict", &dict::DICT_TYPE),
        ("set", &set::SET_TYPE),
        ("frozenset", &set::FROZENSET_TYPE),
        ("range", &range::RANGE_TYPE),
        ("slice", &slice::SLICE_TYPE),
        ("enumerate", &iterators::ENUMERATE_TYPE),
        ("zip", &iterators::ZIP_TYPE),
        ("map", &iterators::MAP_TYPE),
        ("filter", &iterators::FILTER_TYPE),
        ("reversed", &iterators::REVERSED_TYPE),
        ("memoryview", &crate::objects::memoryview::MEMORYVIEW_TYPE),
    ];
    for (name, t) in types {
        md.set(name, t.to_value());
    }
    for t in exception::exception_types() {
        md.set(t.name, t.to_value());
    }
    md.set("EnvironmentError", exception::OS_ERROR.to_value());
    md.set("IOError", exception::OS_ERROR.to_value());
    md.set("None", Value::NONE);
    md.set("True", Value::TRUE);
    md.set("False", Value::FALSE);
    md.set("Ellipsis", none::ellipsis());
    md.set("NotImplemented", none::not_implemented());
    md.set("__debug__", Value::TRUE);
    md.set("__name__", new_str("builtins"));
    m
}

/// The `builtins` module (created on first use).
pub fn builtins_module() -> Value {
    BUILTINS.with(|b| {
        let mut b = b.borrow_mut();
        if b.is_null() {
            *b = create();
        }
        b.clone()
    })
}

/// The `builtins` module's dict.
pub fn builtins_dict() -> Value {
    builtins_module()
        .downcast_ref::<Module>()
        .unwrap()
        .dict
        .clone()
}
