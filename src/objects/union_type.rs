//! `types.UnionType`: `int | str` (PEP 604).
//!
//! `|` between classes, `None`, generic aliases and unions builds a union of their arguments,
//! flattened (`(int | str) | bytes` has three) and without duplicates; `None` stands for
//! `NoneType`. A union of one distinct argument is that argument (`int | int` is `int`).
//! `isinstance` and `issubclass` accept a union like a tuple of its arguments
//! ([`isinstance_fallback`], [`issubclass_fallback`]).

use std::cell::OnceCell;

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::generic_alias::{is_generic_alias, repr_item};
use crate::objects::none::{not_implemented, NONE_TYPE};
use crate::objects::str::from_string;
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{alloc, dealloc_obj, CmpOp, GetSetDef, PyPayload, PyResult, TypeObject};
use crate::ops::object::{as_type, repr_string};

/// Payload of a `types.UnionType`.
pub struct Union {
    /// The member types, a tuple of two or more distinct items.
    pub args: Value,
    /// The type variables among the arguments, collected on first use.
    parameters: OnceCell<Value>,
}

impl PyPayload for Union {
    fn type_object() -> *const TypeObject {
        &UNION_TYPE
    }
}

fn this(v: &Value) -> &Union {
    v.downcast_ref::<Union>()
        .expect("UnionType method on another object")
}

fn args_of(v: &Value) -> &[Value] {
    try_tuple_items(&this(v).args).unwrap_or(&[])
}

/// The members of `v` if it is a union.
pub fn union_args(v: &Value) -> Option<&[Value]> {
    v.downcast_ref::<Union>()
        .map(|u| try_tuple_items(&u.args).unwrap_or(&[]))
}

/// Whether `|` may combine `v` into a union: None, classes, generic aliases, unions and
/// `type` aliases.
fn is_unionable(v: &Value) -> bool {
    v.is_none()
        || as_type(v).is_some()
        || is_generic_alias(v)
        || union_args(v).is_some()
        || crate::modules::typing::is_typealias(v)
}

/// The union of `items` (flattened, `None` as `NoneType`, duplicates dropped), or the single
/// remaining item.
fn make_union(items: &[Value]) -> PyResult<Value> {
    let mut flat: Vec<Value> = Vec::with_capacity(items.len());
    for it in items {
        match union_args(it) {
            Some(members) => flat.extend_from_slice(members),
            None if it.is_none() => flat.push(NONE_TYPE.to_value()),
            None => flat.push(it.clone()),
        }
    }
    let mut out: Vec<Value> = Vec::with_capacity(flat.len());
    for x in flat {
        let mut dup = false;
        for y in &out {
            // Equal generic aliases are duplicates too (`list[int] | list[int]`).
            dup = if is_generic_alias(&x) && is_generic_alias(y) {
                crate::ops::compare::eq(&x, y)?
            } else {
                x.is(y)
            };
            if dup {
                break;
            }
        }
        if !dup {
            out.push(x);
        }
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap());
    }
    Ok(alloc(
        &UNION_TYPE,
        Union {
            args: new_tuple(out),
            parameters: OnceCell::new(),
        },
    ))
}

/// The `|` slot of `type`, `types.GenericAlias` and `types.UnionType`: `NotImplemented` unless
/// both operands are unionable.
pub fn type_or(a: &Value, b: &Value) -> PyResult<Value> {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(not_implemented());
    }
    make_union(&[a.clone(), b.clone()])
}

fn union_repr(v: &Value) -> PyResult<Value> {
    let mut parts = Vec::new();
    for p in args_of(v) {
        if p.is(&NONE_TYPE.to_value()) {
            parts.push("None".to_string());
        } else {
            parts.push(repr_item(p)?);
        }
    }
    Ok(from_string(parts.join(" | ")))
}

fn union_hash(v: &Value) -> PyResult<i64> {
    let fs = crate::objects::set::new_frozenset(args_of(v).to_vec())?;
    crate::ops::object::hash(&fs)
}

fn union_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (union_args(a), union_args(b)) else {
        return Ok(not_implemented());
    };
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(not_implemented());
    }
    let sx = crate::objects::set::new_set(x.to_vec())?;
    let sy = crate::objects::set::new_set(y.to_vec())?;
    crate::ops::compare::rich_compare(&sx, &sy, op)
}

fn parameters(v: &Value) -> PyResult<Value> {
    let u = this(v);
    if let Some(p) = u.parameters.get() {
        return Ok(p.clone());
    }
    let p = crate::objects::generic_alias::make_parameters(args_of(v))?;
    Ok(u.parameters.get_or_init(|| p).clone())
}

/// `(int | T)[str]`: substitutes the type variables, then joins the results with `|`.
fn union_getitem(v: &Value, item: &Value) -> PyResult<Value> {
    let params = parameters(v)?;
    let newargs = crate::objects::generic_alias::subs_parameters(
        v,
        args_of(v),
        try_tuple_items(&params).unwrap_or(&[]),
        item,
    )?;
    for a in &newargs {
        if !is_unionable(a) {
            return err(
                &TYPE_ERROR,
                format!(
                    "Each union argument must be a type, got {}",
                    repr_string(a)?
                ),
            );
        }
    }
    let Some((first, rest)) = newargs.split_first() else {
        return make_union(&[]);
    };
    let mut res = first.clone();
    for a in rest {
        res = crate::ops::number::binary_op(&res, a, crate::objects::NbOp::Or)?;
    }
    Ok(res)
}

/// `isinstance(v, cls)` for a `cls` that is neither a class nor a tuple: a union is checked
/// like the tuple of its members, a generic alias is refused, anything else is a TypeError.
pub fn isinstance_fallback(v: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(members) = union_args(cls) {
        for c in members {
            if crate::builtins::core::isinstance(v, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if is_generic_alias(cls) {
        return err(
            &TYPE_ERROR,
            "isinstance() argument 2 cannot be a parameterized generic",
        );
    }
    // An object whose class defines `__instancecheck__` (typing's special aliases).
    if let Some(r) =
        crate::objects::class_::call_special(cls, "__instancecheck__", std::slice::from_ref(v))?
    {
        return crate::ops::object::truthy(&r);
    }
    err(
        &TYPE_ERROR,
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    )
}

/// `issubclass(derived, cls)` for a `cls` that is neither a class nor a tuple (see
/// [`isinstance_fallback`]); `check` is the caller's test against one member.
pub fn issubclass_fallback(
    derived: &Value,
    cls: &Value,
    mut check: impl FnMut(&Value) -> PyResult<bool>,
) -> PyResult<bool> {
    if let Some(members) = union_args(cls) {
        for c in members {
            if check(c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if is_generic_alias(cls) {
        return err(
            &TYPE_ERROR,
            "issubclass() argument 2 cannot be a parameterized generic",
        );
    }
    if let Some(r) = crate::objects::class_::call_special(
        cls,
        "__subclasscheck__",
        std::slice::from_ref(derived),
    )? {
        return crate::ops::object::truthy(&r);
    }
    err(
        &TYPE_ERROR,
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    )
}

/// The `types.UnionType` type.
pub static UNION_TYPE: TypeObject = TypeObject {
    name: "types.UnionType",
    layout: &UNION_TYPE,
    dealloc: dealloc_obj::<Union>,
    repr: Some(union_repr),
    hash: Some(union_hash),
    richcompare: Some(union_richcompare),
    getitem: Some(union_getitem),
    nb: crate::objects::generic_alias::UNION_NB,
    getsets: &[
        GetSetDef {
            name: "__args__",
            get: |v| Ok(this(v).args.clone()),
            set: Some(crate::objects::exception_group::readonly),
        },
        GetSetDef {
            name: "__parameters__",
            get: parameters,
            set: None,
        },
    ],
    doc: "Represent a PEP 604 union type\n\nE.g. for int | str",
    ..TypeObject::EMPTY
};
