//! `type`: the type of types. Calling a type constructs an instance; attribute lookup on a type
//! walks its MRO. [`ready_builtin`] fills a built-in type's MRO and dict at start-up.

use crate::abi::Value;
use crate::objects::builtin_function::{new_getset_descr, new_method_descr};
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::{from_string, new_str};
use crate::objects::{flags, PyResult, TypeObject};
use crate::ops::object::{as_type, bind_descriptor, qualified_type_name};

/// The `type` type.
pub static TYPE_TYPE: TypeObject = TypeObject {
    name: "type",
    layout: &TYPE_TYPE,
    flags: flags::BASETYPE,
    repr: Some(type_repr),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    call: Some(type_call),
    getattr: Some(type_getattr),
    richcompare: Some(|a, b, op| match op {
        crate::objects::CmpOp::Eq => Ok(Value::bool(a.is(b))),
        crate::objects::CmpOp::Ne => Ok(Value::bool(!a.is(b))),
        _ => Ok(crate::objects::none::not_implemented()),
    }),
    getsets: TYPE_GETSETS,
    ..TypeObject::EMPTY
};

/// Whether type `a` is `b` or a subtype of it.
pub fn is_subtype_ptr(a: *const TypeObject, b: *const TypeObject) -> bool {
    // SAFETY: types are immortal.
    unsafe { (*a).is_subtype(b) }
}

/// Builds the MRO (single inheritance chain) and the dict of a built-in type.
pub fn ready_builtin(t: &'static TypeObject) {
    let mut mro = vec![t as *const TypeObject];
    let mut b = t.base;
    while !b.is_null() {
        mro.push(b);
        // SAFETY: base chains point at immortal types.
        b = unsafe { (*b).base };
    }
    // SAFETY: start-up, single-threaded; nothing borrows the MRO yet.
    unsafe { *t.mro.get() = std::mem::ManuallyDrop::new(mro) };
    let d = new_dict();
    let dd = d.downcast_ref::<Dict>().unwrap();
    for m in t.methods {
        let _ = dd.set_item(new_str(m.name), new_method_descr(t, m));
    }
    for g in t.getsets {
        let _ = dd.set_item(new_str(g.name), new_getset_descr(t, g));
    }
    if !t.doc.is_empty() {
        let _ = dd.set_item(new_str("__doc__"), new_str(t.doc));
    }
    // SAFETY: start-up, single-threaded.
    unsafe { *t.dict.get() = std::mem::ManuallyDrop::new(d) };
}

fn type_repr(v: &Value) -> PyResult<Value> {
    let t = as_type(v).unwrap();
    Ok(from_string(format!("<class '{}'>", qualified_type_name(t))))
}

fn type_call(callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = as_type(callable).unwrap();
    if std::ptr::eq(t, &TYPE_TYPE) && args.len() == 1 && kwnames.is_empty() {
        return Ok(args[0].ty().to_value());
    }
    let mut cur: *const TypeObject = t;
    while !cur.is_null() {
        // SAFETY: base chains point at immortal types.
        let c = unsafe { &*cur };
        if let Some(new) = c.new {
            return new(t, args, kwnames);
        }
        cur = c.base;
    }
    err(&TYPE_ERROR, format!("cannot create '{}' instances", t.name))
}

/// Attribute lookup on a type object: the metatype's data descriptors, then the MRO (binding
/// descriptors with no instance), then the metatype's other attributes.
fn type_getattr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let t = as_type(v).unwrap();
    let meta = v.ty();
    let meta_attr = meta.lookup(name);
    if let Some(a) = &meta_attr {
        if a.downcast_ref::<crate::objects::builtin_function::GetSetDescr>()
            .is_some()
        {
            return bind_descriptor(a.clone(), Some(v), meta).map(Some);
        }
    }
    if let Some(a) = t.lookup(name) {
        return bind_descriptor(a, None, t).map(Some);
    }
    match meta_attr {
        Some(a) => bind_descriptor(a, Some(v), meta).map(Some),
        None => Ok(None),
    }
}

fn this(v: &Value) -> &'static TypeObject {
    as_type(v).unwrap()
}

static TYPE_GETSETS: &[crate::objects::GetSetDef] = &[
    crate::objects::GetSetDef {
        name: "__name__",
        get: |v| Ok(new_str(this(v).name)),
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__qualname__",
        get: |v| Ok(new_str(this(v).name)),
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__mro__",
        get: |v| {
            let items = this(v)
                .mro()
                .iter()
                .map(|&t| unsafe { (*t).to_value() })
                .collect();
            Ok(crate::objects::tuple::new_tuple(items))
        },
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__base__",
        get: |v| {
            let b = this(v).base;
            // SAFETY: base pointers are immortal types.
            Ok(if b.is_null() {
                Value::NONE
            } else {
                unsafe { (*b).to_value() }
            })
        },
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__bases__",
        get: |v| {
            let b = this(v).base;
            // SAFETY: base pointers are immortal types.
            let items = if b.is_null() {
                vec![]
            } else {
                vec![unsafe { (*b).to_value() }]
            };
            Ok(crate::objects::tuple::new_tuple(items))
        },
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__dict__",
        get: |v| Ok(this(v).dict().clone()),
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__module__",
        get: |v| {
            let t = this(v);
            Ok(t.dict()
                .downcast_ref::<Dict>()
                .and_then(|d| d.get_str(&new_str("__module__")))
                .unwrap_or_else(|| new_str("builtins")))
        },
        set: None,
    },
];
