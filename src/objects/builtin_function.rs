//! Functions implemented in Rust: `builtin_function_or_method` (free functions and methods bound
//! to their `self`), `method_descriptor` (a built-in type's method, unbound) and
//! `getset_descriptor` (a computed attribute).

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::{from_string, new_str};
use crate::objects::{
    alloc, dealloc_obj, GetSetDef, MethodDef, MethodFn, MethodKind, PyPayload, PyResult, TypeObject,
};

/// Payload of a built-in function: its Rust body and the `self` it is bound to (NULL for a free
/// function; the module for module-level functions is not passed).
pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: MethodFn,
    pub self_: Value,
    /// `__module__`: the name of the module that defines a free function (NULL: unknown,
    /// and for bound methods, which have none).
    pub module: Value,
}

impl PyPayload for BuiltinFunction {
    fn type_object() -> *const TypeObject {
        &BUILTIN_FUNCTION_TYPE
    }
}

/// A free built-in function (`len`, `math.sqrt`): called with `self` = NULL.
pub fn new_builtin(name: &'static str, func: MethodFn) -> Value {
    new_module_builtin(name, func, Value::NULL)
}

/// A free built-in function of the module named `module` (its `__module__`).
pub fn new_module_builtin(name: &'static str, func: MethodFn, module: Value) -> Value {
    alloc(
        &BUILTIN_FUNCTION_TYPE,
        BuiltinFunction {
            name,
            func,
            self_: Value::NULL,
            module,
        },
    )
}

/// A built-in method bound to `self_` (`[].append`).
pub fn new_bound_builtin(name: &'static str, func: MethodFn, self_: Value) -> Value {
    alloc(
        &BUILTIN_FUNCTION_TYPE,
        BuiltinFunction {
            name,
            func,
            self_,
            module: Value::NULL,
        },
    )
}

fn bf(v: &Value) -> &BuiltinFunction {
    v.downcast_ref::<BuiltinFunction>().unwrap()
}

/// The `builtin_function_or_method` type.
pub static BUILTIN_FUNCTION_TYPE: TypeObject = TypeObject {
    name: "builtin_function_or_method",
    layout: &BUILTIN_FUNCTION_TYPE,
    flags: crate::objects::flags::WEAKREFABLE,
    dealloc: crate::objects::dealloc_weakrefable::<BuiltinFunction>,
    repr: Some(|v| {
        let f = bf(v);
        if f.self_.is_null() {
            return Ok(from_string(format!("<built-in function {}>", f.name)));
        }
        if crate::ops::object::as_type(&f.self_).is_some() {
            return Ok(from_string(format!(
                "<built-in method {} of type object at {:#x}>",
                f.name, f.self_.payload
            )));
        }
        Ok(from_string(format!(
            "<built-in method {} of {} object at {:#x}>",
            f.name,
            f.self_.type_name(),
            f.self_.payload
        )))
    }),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    call: Some(|v, args, kw| {
        let f = bf(v);
        (f.func)(&f.self_, args, kw)
    }),
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| Ok(new_str(bf(v).name)),
            set: None,
        },
        GetSetDef {
            name: "__qualname__",
            // As CPython: a method's is its type's qualname and its name (`str.upper`,
            // `dict.fromkeys`); a function's (no self, or a module) is its name.
            get: |v| {
                let f = bf(v);
                if f.self_.is_null()
                    || f.self_
                        .downcast_ref::<crate::objects::module::Module>()
                        .is_some()
                {
                    return Ok(new_str(f.name));
                }
                let t = crate::ops::object::as_type(&f.self_).unwrap_or(f.self_.ty());
                let tq = crate::ops::object::getattr_str(&t.to_value(), "__qualname__")?;
                Ok(from_string(format!(
                    "{}.{}",
                    crate::ops::object::str_string(&tq)?,
                    f.name
                )))
            },
            set: None,
        },
        GetSetDef {
            name: "__module__",
            get: |v| {
                let m = &bf(v).module;
                Ok(if m.is_null() { Value::NONE } else { m.clone() })
            },
            set: None,
        },
        GetSetDef {
            name: "__self__",
            get: |v| {
                Ok(if bf(v).self_.is_null() {
                    Value::NONE
                } else {
                    bf(v).self_.clone()
                })
            },
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};

/// Payload of a method descriptor: the type it belongs to and the method.
pub struct MethodDescr {
    pub ty: &'static TypeObject,
    pub def: &'static MethodDef,
}

impl PyPayload for MethodDescr {
    fn type_object() -> *const TypeObject {
        &METHOD_DESCRIPTOR_TYPE
    }
}

/// A descriptor for method `def` of type `ty`.
pub fn new_method_descr(ty: &'static TypeObject, def: &'static MethodDef) -> Value {
    alloc(&METHOD_DESCRIPTOR_TYPE, MethodDescr { ty, def })
}

fn md(v: &Value) -> &MethodDescr {
    v.downcast_ref::<MethodDescr>().unwrap()
}

/// Calls a method descriptor with `self` as the first argument, checking its type.
pub fn call_method_descr(d: &MethodDescr, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    match d.def.kind {
        MethodKind::Static => (d.def.func)(&Value::NONE, args, kwnames),
        MethodKind::Class => (d.def.func)(&d.ty.to_value(), args, kwnames),
        MethodKind::Instance => {
            let npos = args.len() - kwnames.len();
            if npos == 0 {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "unbound method {}.{}() needs an argument",
                        d.ty.name, d.def.name
                    ),
                );
            }
            if !args[0].ty().is_subtype(d.ty) {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        d.def.name,
                        d.ty.name,
                        args[0].type_name()
                    ),
                );
            }
            (d.def.func)(&args[0], &args[1..], kwnames)
        }
    }
}

/// The `method_descriptor` type.
pub static METHOD_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    name: "method_descriptor",
    layout: &METHOD_DESCRIPTOR_TYPE,
    dealloc: dealloc_obj::<MethodDescr>,
    repr: Some(|v| {
        let d = md(v);
        Ok(from_string(format!(
            "<method '{}' of '{}' objects>",
            d.def.name, d.ty.name
        )))
    }),
    call: Some(|v, args, kw| call_method_descr(md(v), args, kw)),
    descr_get: Some(|v, obj, ty| {
        let d = md(v);
        match d.def.kind {
            MethodKind::Static => Ok(new_bound_builtin(d.def.name, d.def.func, Value::NONE)),
            // SAFETY: `ty` is a live type.
            MethodKind::Class => Ok(new_bound_builtin(d.def.name, d.def.func, unsafe {
                (*ty).to_value()
            })),
            MethodKind::Instance => match obj {
                Some(o) => Ok(new_bound_builtin(d.def.name, d.def.func, o.clone())),
                None => Ok(v.clone()),
            },
        }
    }),
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| Ok(new_str(md(v).def.name)),
            set: None,
        },
        GetSetDef {
            name: "__qualname__",
            get: |v| Ok(from_string(format!("{}.{}", md(v).ty.name, md(v).def.name))),
            set: None,
        },
        GetSetDef {
            name: "__doc__",
            get: |v| Ok(new_str(md(v).def.doc)),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};

/// Payload of a getset descriptor.
pub struct GetSetDescr {
    pub ty: &'static TypeObject,
    pub def: &'static GetSetDef,
}

impl PyPayload for GetSetDescr {
    fn type_object() -> *const TypeObject {
        &GETSET_DESCRIPTOR_TYPE
    }
}

/// A descriptor for computed attribute `def` of type `ty`.
pub fn new_getset_descr(ty: &'static TypeObject, def: &'static GetSetDef) -> Value {
    alloc(&GETSET_DESCRIPTOR_TYPE, GetSetDescr { ty, def })
}

/// The `getset_descriptor` type.
pub static GETSET_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    name: "getset_descriptor",
    layout: &GETSET_DESCRIPTOR_TYPE,
    dealloc: dealloc_obj::<GetSetDescr>,
    repr: Some(|v| {
        let d = v.downcast_ref::<GetSetDescr>().unwrap();
        Ok(from_string(format!(
            "<attribute '{}' of '{}' objects>",
            d.def.name, d.ty.name
        )))
    }),
    descr_get: Some(|v, obj, _ty| {
        let d = v.downcast_ref::<GetSetDescr>().unwrap();
        match obj {
            Some(o) => (d.def.get)(o),
            None => Ok(v.clone()),
        }
    }),
    ..TypeObject::EMPTY
};

/// Which slot a [`SlotWrapper`] exposes as a dunder method.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SlotKind {
    Repr,
    Str,
    Hash,
    Cmp(crate::objects::CmpOp),
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Iter,
    Next,
    Call,
    Bool,
    Nb(crate::objects::NbOp),
    GetAttribute,
    SetAttr,
    DelAttr,
    /// A reflected binary number slot (`__radd__`): the slot called with operands swapped.
    NbReflected(crate::objects::NbOp),
    /// A unary number slot: `__neg__`, `__pos__`, `__abs__`, `__invert__`, `__index__`,
    /// `__int__`, `__float__`.
    Unary(&'static str),
}

impl SlotKind {
    fn name(self) -> &'static str {
        use crate::objects::CmpOp::*;
        match self {
            SlotKind::Repr => "__repr__",
            SlotKind::Str => "__str__",
            SlotKind::Hash => "__hash__",
            SlotKind::Cmp(Lt) => "__lt__",
            SlotKind::Cmp(Le) => "__le__",
            SlotKind::Cmp(Eq) => "__eq__",
            SlotKind::Cmp(Ne) => "__ne__",
            SlotKind::Cmp(Gt) => "__gt__",
            SlotKind::Cmp(Ge) => "__ge__",
            SlotKind::Len => "__len__",
            SlotKind::GetItem => "__getitem__",
            SlotKind::SetItem => "__setitem__",
            SlotKind::DelItem => "__delitem__",
            SlotKind::Contains => "__contains__",
            SlotKind::Iter => "__iter__",
            SlotKind::Next => "__next__",
            SlotKind::Call => "__call__",
            SlotKind::Bool => "__bool__",
            SlotKind::Nb(op) => op.dunders().0,
            SlotKind::NbReflected(op) => op.dunders().1,
            SlotKind::GetAttribute => "__getattribute__",
            SlotKind::SetAttr => "__setattr__",
            SlotKind::DelAttr => "__delattr__",
            SlotKind::Unary(n) => n,
        }
    }
}

/// Payload of a slot wrapper: a built-in type's slot exposed as a dunder method (so that
/// `object.__repr__(x)` or `super().__eq__(other)` reach the built-in behaviour).
pub struct SlotWrapper {
    pub ty: &'static TypeObject,
    pub kind: SlotKind,
    /// The bound instance (NULL while unbound).
    pub self_: Value,
}

impl PyPayload for SlotWrapper {
    fn type_object() -> *const TypeObject {
        &SLOT_WRAPPER_TYPE
    }
}

/// The dunder slot wrappers a built-in type gets in its dict.
pub fn slot_wrappers(t: &'static TypeObject) -> Vec<(&'static str, Value)> {
    use crate::objects::CmpOp;
    let mut kinds = Vec::new();
    if t.repr.is_some() || std::ptr::eq(t, &crate::objects::object::OBJECT_TYPE) {
        kinds.push(SlotKind::Repr);
    }
    if t.str.is_some() || std::ptr::eq(t, &crate::objects::object::OBJECT_TYPE) {
        kinds.push(SlotKind::Str);
    }
    if t.hash.is_some() {
        kinds.push(SlotKind::Hash);
    }
    if t.richcompare.is_some() {
        for op in [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Gt,
            CmpOp::Ge,
        ] {
            kinds.push(SlotKind::Cmp(op));
        }
    }
    if t.len.is_some() {
        kinds.push(SlotKind::Len);
    }
    if t.getitem.is_some() {
        kinds.push(SlotKind::GetItem);
    }
    if t.setitem.is_some() {
        kinds.push(SlotKind::SetItem);
        kinds.push(SlotKind::DelItem);
    }
    if t.contains.is_some() {
        kinds.push(SlotKind::Contains);
    }
    if t.iter.is_some() {
        kinds.push(SlotKind::Iter);
    }
    if t.next.is_some() {
        kinds.push(SlotKind::Next);
    }
    if t.call.is_some() {
        kinds.push(SlotKind::Call);
    }
    if t.bool_.is_some() {
        kinds.push(SlotKind::Bool);
    }
    for op in crate::objects::NbOp::ALL {
        if t.nb[op as usize].is_some() {
            kinds.push(SlotKind::Nb(op));
            kinds.push(SlotKind::NbReflected(op));
        }
    }
    for (slot, name) in [
        (t.neg, "__neg__"),
        (t.pos, "__pos__"),
        (t.abs, "__abs__"),
        (t.invert, "__invert__"),
        (t.index, "__index__"),
        (t.int, "__int__"),
        (t.float, "__float__"),
    ] {
        if slot.is_some() {
            kinds.push(SlotKind::Unary(name));
        }
    }
    if std::ptr::eq(t, &crate::objects::object::OBJECT_TYPE) {
        kinds.push(SlotKind::GetAttribute);
    }
    // `type.__setattr__` / `__delattr__` (what `super().__delattr__(name)` reaches in a
    // metaclass) are the type's own store, `object`'s the generic one.
    if t.setattr.is_some() || std::ptr::eq(t, &crate::objects::object::OBJECT_TYPE) {
        kinds.push(SlotKind::SetAttr);
        kinds.push(SlotKind::DelAttr);
    }
    kinds
        .into_iter()
        .map(|k| {
            (
                k.name(),
                alloc(
                    &SLOT_WRAPPER_TYPE,
                    SlotWrapper {
                        ty: t,
                        kind: k,
                        self_: Value::NULL,
                    },
                ),
            )
        })
        .collect()
}

fn call_slot_wrapper(w: &SlotWrapper, this: &Value, args: &[Value]) -> PyResult<Value> {
    let t = w.ty;
    let arg = |i: usize| -> PyResult<&Value> {
        args.get(i).ok_or(()).or_else(|_| {
            err(
                &TYPE_ERROR,
                format!(
                    "expected {} argument{}, got {}",
                    i + 1,
                    if i == 0 { "" } else { "s" },
                    args.len()
                ),
            )
        })
    };
    let ni = crate::objects::none::not_implemented;
    match w.kind {
        SlotKind::Repr => match t.repr {
            Some(f) => f(this),
            None => Ok(from_string(crate::ops::object::default_repr(this))),
        },
        SlotKind::Str => match t.str {
            Some(f) => f(this),
            None => crate::ops::object::repr(this),
        },
        SlotKind::Hash => Ok(Value::int((t.hash.unwrap())(this)?)),
        SlotKind::Cmp(op) => (t.richcompare.unwrap())(this, arg(0)?, op),
        SlotKind::Len => Ok(Value::int((t.len.unwrap())(this)? as i64)),
        SlotKind::GetItem => (t.getitem.unwrap())(this, arg(0)?),
        SlotKind::SetItem => {
            (t.setitem.unwrap())(this, arg(0)?, Some(arg(1)?.clone())).map(|_| Value::NONE)
        }
        SlotKind::DelItem => (t.setitem.unwrap())(this, arg(0)?, None).map(|_| Value::NONE),
        SlotKind::Contains => Ok(Value::bool((t.contains.unwrap())(this, arg(0)?)?)),
        SlotKind::Iter => (t.iter.unwrap())(this),
        SlotKind::Next => match (t.next.unwrap())(this)? {
            Some(v) => Ok(v),
            None => Err(crate::objects::exception::raise_value(
                crate::objects::exception::new_exception(
                    &crate::objects::exception::STOP_ITERATION,
                    vec![],
                ),
            )),
        },
        SlotKind::Call => (t.call.unwrap())(this, args, &[]),
        SlotKind::Bool => Ok(Value::bool((t.bool_.unwrap())(this)?)),
        SlotKind::Nb(op) => match t.nb[op as usize] {
            Some(f) => f(this, arg(0)?),
            None => Ok(ni()),
        },
        SlotKind::NbReflected(op) => match t.nb[op as usize] {
            Some(f) => f(arg(0)?, this),
            None => Ok(ni()),
        },
        SlotKind::GetAttribute => {
            let name = arg(0)?;
            match crate::ops::object::generic_getattr(this, name)? {
                Some(v) => Ok(v),
                None => Err(crate::ops::object::attribute_error(this, name)),
            }
        }
        SlotKind::SetAttr => {
            let set = t.setattr.unwrap_or(crate::ops::object::generic_setattr);
            set(this, arg(0)?, Some(arg(1)?.clone())).map(|_| Value::NONE)
        }
        SlotKind::DelAttr => {
            let set = t.setattr.unwrap_or(crate::ops::object::generic_setattr);
            set(this, arg(0)?, None).map(|_| Value::NONE)
        }
        SlotKind::Unary(n) => {
            let slot = match n {
                "__neg__" => t.neg,
                "__pos__" => t.pos,
                "__abs__" => t.abs,
                "__invert__" => t.invert,
                "__index__" => t.index,
                "__int__" => t.int,
                _ => t.float,
            };
            (slot.unwrap())(this)
        }
    }
}

/// Calling a slot wrapper: bound (`(1).__add__(2)`) or with the instance first
/// (`int.__add__(1, 2)`).
fn slot_wrapper_call(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let w = v.downcast_ref::<SlotWrapper>().unwrap();
    if !w.self_.is_null() {
        return call_slot_wrapper(w, &w.self_, args);
    }
    let Some(this) = args.first() else {
        return err(
            &TYPE_ERROR,
            format!(
                "descriptor '{}' of '{}' object needs an argument",
                w.kind.name(),
                w.ty.name
            ),
        );
    };
    call_slot_wrapper(w, this, &args[1..])
}

/// `method-wrapper`: a slot wrapper bound to an instance (`(1).__add__`), a [`SlotWrapper`]
/// payload with `self_` set.
pub static METHOD_WRAPPER_TYPE: TypeObject = TypeObject {
    name: "method-wrapper",
    layout: &SLOT_WRAPPER_TYPE,
    dealloc: dealloc_obj::<SlotWrapper>,
    repr: Some(|v| {
        let w = v.downcast_ref::<SlotWrapper>().unwrap();
        Ok(from_string(format!(
            "<method-wrapper '{}' of {} object at {:#x}>",
            w.kind.name(),
            w.self_.type_name(),
            w.self_.payload
        )))
    }),
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| {
                Ok(new_str(
                    v.downcast_ref::<SlotWrapper>().unwrap().kind.name(),
                ))
            },
            set: None,
        },
        GetSetDef {
            name: "__self__",
            get: |v| Ok(v.downcast_ref::<SlotWrapper>().unwrap().self_.clone()),
            set: None,
        },
    ],
    call: Some(slot_wrapper_call),
    ..TypeObject::EMPTY
};

/// The `wrapper_descriptor` type (bound: `method-wrapper`).
pub static SLOT_WRAPPER_TYPE: TypeObject = TypeObject {
    name: "wrapper_descriptor",
    layout: &SLOT_WRAPPER_TYPE,
    dealloc: dealloc_obj::<SlotWrapper>,
    repr: Some(|v| {
        let w = v.downcast_ref::<SlotWrapper>().unwrap();
        Ok(from_string(format!(
            "<slot wrapper '{}' of '{}' objects>",
            w.kind.name(),
            w.ty.name
        )))
    }),
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| {
                Ok(new_str(
                    v.downcast_ref::<SlotWrapper>().unwrap().kind.name(),
                ))
            },
            set: None,
        },
        GetSetDef {
            name: "__qualname__",
            get: |v| {
                let w = v.downcast_ref::<SlotWrapper>().unwrap();
                Ok(from_string(format!("{}.{}", w.ty.name, w.kind.name())))
            },
            set: None,
        },
    ],
    call: Some(slot_wrapper_call),
    descr_get: Some(|v, obj, _ty| {
        let w = v.downcast_ref::<SlotWrapper>().unwrap();
        match obj {
            Some(o) if w.self_.is_null() => Ok(alloc(
                &METHOD_WRAPPER_TYPE,
                SlotWrapper {
                    ty: w.ty,
                    kind: w.kind,
                    self_: o.clone(),
                },
            )),
            _ => Ok(v.clone()),
        }
    }),
    ..TypeObject::EMPTY
};
