//! `object`: the root type. Identity equality and hash, the generic attribute protocol.

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::none::not_implemented;
use crate::objects::{
    alloc, dealloc_obj, flags, CmpOp, GetSetDef, MethodDef, MethodKind, PyResult, TypeObject,
};

/// `object.__new__(cls)`: a bare instance of `cls` (using its built-in layout's constructor).
fn object_new(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(crate::ops::object::as_type) else {
        return err(&TYPE_ERROR, "object.__new__(X): X is not a type object");
    };
    // SAFETY: every type's layout is an immortal built-in type.
    let layout = unsafe { &*cls.layout };
    if std::ptr::eq(layout, &OBJECT_TYPE) {
        if cls.flags & flags::IS_ABSTRACT != 0 {
            return Err(crate::objects::class_::abstract_error(cls));
        }
        return Ok(new_bare(cls));
    }
    // Built-in types have no `__new__` of their own in their dict, so `int.__new__(cls, 14)`
    // (and `super().__new__(cls, value)` in an int subclass) arrives here: construct with the
    // layout's constructor and the arguments after `cls`.
    match layout.new {
        Some(n) => n(cls, &args[1..], kw),
        None => err(
            &TYPE_ERROR,
            format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                cls.name, layout.name
            ),
        ),
    }
}

/// Payload of a bare `object()` instance.
pub struct Bare;

/// A new instance of `cls`, whose layout is `object`'s: a compact-values instance for plain
/// classes, a bare object (with a dict slot for classes with `__slots__`) otherwise.
pub fn new_bare(cls: &TypeObject) -> Value {
    if cls.flags & flags::INLINE_VALUES != 0 {
        crate::objects::instance::alloc_instance(cls)
    } else if cls.flags & flags::SLOT_VALUES != 0 {
        crate::objects::instance::alloc_slotted(cls)
    } else {
        alloc(cls, Bare)
    }
}

/// The `object` type.
pub static OBJECT_TYPE: TypeObject = TypeObject {
    name: "object",
    base: std::ptr::null(),
    layout: &OBJECT_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Bare>,
    hash: Some(|v| Ok(identity_hash(v))),
    richcompare: Some(object_richcompare),
    new: Some(|ty, args, _kw| {
        // `object(...)` itself takes nothing (classes check their own calls in call_class).
        if std::ptr::eq(ty, &OBJECT_TYPE) && !args.is_empty() {
            return err(&TYPE_ERROR, "object() takes no arguments");
        }
        // SAFETY: type pointers always point at immortal types.
        Ok(new_bare(unsafe { &*ty }))
    }),
    sub_layout: crate::objects::sub_layout::<Bare>(),
    methods: &[
        crate::objects::object_reduce::REDUCE_EX,
        crate::objects::object_reduce::REDUCE,
        crate::objects::object_reduce::GETSTATE,
        MethodDef {
            name: "__init__",
            func: |_, _, _| Ok(Value::NONE),
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__new__",
            func: object_new,
            kind: MethodKind::Static,
            doc: "",
        },
        MethodDef {
            name: "__subclasshook__",
            func: |_, _, _| Ok(not_implemented()),
            kind: MethodKind::Class,
            doc: "",
        },
        MethodDef {
            name: "__init_subclass__",
            func: |cls, args, kw| {
                let name = crate::ops::object::as_type(cls).map_or("object", |t| t.name);
                if !kw.is_empty() {
                    return err(
                        &TYPE_ERROR,
                        format!("{name}.__init_subclass__() takes no keyword arguments"),
                    );
                }
                if !args.is_empty() {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "{name}.__init_subclass__() takes no arguments ({} given)",
                            args.len()
                        ),
                    );
                }
                Ok(Value::NONE)
            },
            kind: MethodKind::Class,
            doc: "",
        },
        MethodDef {
            name: "__format__",
            func: |v, a, _| {
                let spec = crate::builtins::args::exactly_one("__format__", a)?;
                crate::builtins::core::format(v, spec)
            },
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__dir__",
            func: |v, _, _| {
                crate::vm::call::call(
                    &crate::builtins::builtins_dict()
                        .downcast_ref::<crate::objects::dict::Dict>()
                        .unwrap()
                        .get_str(&crate::objects::str::new_str("dir"))
                        .unwrap(),
                    std::slice::from_ref(v),
                    &[],
                )
            },
            kind: MethodKind::Instance,
            doc: "",
        },
    ],
    getsets: &[
        GetSetDef {
            name: "__class__",
            get: |v| Ok(v.ty().to_value()),
            set: Some(|v, x| match x {
                Some(t) => crate::objects::class_::set_class(v, &t),
                None => err(&TYPE_ERROR, "can't delete __class__ attribute"),
            }),
        },
        GetSetDef {
            name: "__dict__",
            get: |v| match crate::ops::object::instance_dict(v) {
                Some(d) if v.ty().flags & flags::NO_INSTANCE_DICT == 0 => Ok(d),
                _ => Err(crate::ops::object::attribute_error(
                    v,
                    &crate::objects::str::new_str("__dict__"),
                )),
            },
            set: Some(set_instance_dict),
        },
    ],
    doc: "The base class of the class hierarchy.",
    ..TypeObject::EMPTY
};

/// `obj.__dict__ = d`: replaces the instance dict (which must be a dict).
fn set_instance_dict(v: &Value, d: Option<Value>) -> PyResult<()> {
    let Some(d) = d else {
        return err(&TYPE_ERROR, "cannot delete __dict__");
    };
    if d.downcast_ref::<crate::objects::dict::Dict>().is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                d.type_name()
            ),
        );
    }
    let ty = v.ty();
    if ty.flags & flags::INLINE_VALUES != 0 {
        crate::objects::instance::replace_dict(v, d);
        return Ok(());
    }
    if ty.dict_offset == 0 || ty.flags & flags::NO_INSTANCE_DICT != 0 {
        return Err(crate::ops::object::attribute_error(
            v,
            &crate::objects::str::new_str("__dict__"),
        ));
    }
    // SAFETY: `dict_offset` is the offset of the `UnsafeCell<Value>` dict slot of this type's
    // instances; the old dict drops after the slot is replaced.
    let old = unsafe {
        let cell = &*((v.obj_ptr() as *const u8).add(ty.dict_offset)
            as *const std::cell::UnsafeCell<Value>);
        std::mem::replace(&mut *cell.get(), d)
    };
    drop(old);
    Ok(())
}

/// Hash by identity, as CPython's `object.__hash__` (address rotated by 4 bits).
pub fn identity_hash(v: &Value) -> i64 {
    let p = v.payload;
    let h = p.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `object.__eq__`: identity; `object.__ne__`: the inverse of the type's `__eq__` unless that
/// returns NotImplemented; ordering is not supported.
fn object_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    match op {
        CmpOp::Eq if a.is(b) => Ok(Value::TRUE),
        CmpOp::Ne => {
            let Some(eq) = a.ty().richcompare else {
                return Ok(not_implemented());
            };
            let r = eq(a, b, CmpOp::Eq)?;
            if crate::objects::none::is_not_implemented(&r) {
                return Ok(r);
            }
            Ok(Value::bool(!crate::ops::object::truthy(&r)?))
        }
        _ => Ok(not_implemented()),
    }
}
