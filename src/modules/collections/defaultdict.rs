//! `collections.defaultdict`: a `dict` whose `__missing__` calls `default_factory`.
//!
//! Its payload extends the dict's (`#[repr(C)]`, the `Dict` first), so every `dict` method and
//! slot works on it unchanged (`Dict` is an extensible payload: `downcast_ref::<Dict>` accepts
//! types whose layout's base is `dict`). `dict.__getitem__` calls `__missing__` on a miss for
//! any dict subclass.

use std::cell::UnsafeCell;

use crate::abi::Value;
use crate::builtins::args::{exactly_one, no_args};
use crate::objects::dict::{self, Dict, DICT_TYPE};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::none::not_implemented;
use crate::objects::str::from_string;
use crate::objects::tuple::new_tuple;
use crate::objects::{
    alloc, dealloc_obj, flags, method, BinaryFn, GetSetDef, NbOp, PyPayload, PyResult, TypeObject,
    NB_COUNT,
};

/// Payload of a defaultdict: the dict, then the factory.
#[repr(C)]
pub struct DefaultDict {
    dict: Dict,
    /// `default_factory` (NULL for None).
    factory: UnsafeCell<Value>,
}

impl PyPayload for DefaultDict {
    fn type_object() -> *const TypeObject {
        &DEFAULTDICT_TYPE
    }
}

impl DefaultDict {
    /// `default_factory`, `None` when unset.
    fn factory(&self) -> Value {
        // SAFETY: single-threaded; the cell is only replaced by `set_factory`.
        let f = unsafe { &*self.factory.get() };
        if f.is_null() {
            Value::NONE
        } else {
            f.clone()
        }
    }

    /// Replaces `default_factory` (NULL clears it); the old value is dropped after the store.
    fn set_factory(&self, f: Value) {
        // SAFETY: as above; no reference into the cell is live.
        let _old = unsafe { std::mem::replace(&mut *self.factory.get(), f) };
    }
}

fn this(v: &Value) -> &DefaultDict {
    v.downcast_ref::<DefaultDict>()
        .expect("defaultdict method on another object")
}

/// `defaultdict.__init__(default_factory=None, /, *args, **kwargs)`: the remaining arguments
/// are `dict`'s.
fn init(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let npos = args.len() - kwnames.len();
    let (factory, rest) = if npos > 0 {
        (args[0].clone(), &args[1..])
    } else {
        (Value::NONE, args)
    };
    if !factory.is_none() && !crate::builtins::core::is_callable(&factory) {
        return err(&TYPE_ERROR, "first argument must be callable or None");
    }
    this(v).set_factory(factory);
    dict::dict_update_args(v.downcast_ref::<Dict>().unwrap(), "dict", rest, kwnames)
}

fn defdict_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = alloc(
        ty,
        DefaultDict {
            dict: Dict::new(),
            factory: UnsafeCell::new(Value::NULL),
        },
    );
    init(&v, args, kwnames)?;
    Ok(v)
}

fn m_init(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    init(v, args, kwnames)?;
    Ok(Value::NONE)
}

/// `__missing__(key)`: `self[key] = default_factory()`, or KeyError without a factory.
fn m_missing(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let key = exactly_one("defaultdict.__missing__", args)?;
    let f = this(v).factory();
    if f.is_none() {
        return Err(dict::key_error(key));
    }
    let value = crate::vm::call::call(&f, &[], &[])?;
    crate::ops::sequence::setitem(v, key, value.clone())?;
    Ok(value)
}

/// `type(dd)(dd.default_factory, arg)`: how `copy()` and `|` build their result.
fn new_like(v: &Value, arg: &Value) -> PyResult<Value> {
    crate::vm::call::call(&v.ty().to_value(), &[this(v).factory(), arg.clone()], &[])
}

fn m_copy(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("defaultdict.copy", args)?;
    new_like(v, v)
}

fn m_reduce(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v).factory();
    let args = if f.is_none() {
        new_tuple(vec![])
    } else {
        new_tuple(vec![f])
    };
    let items = crate::ops::object::getattr_str(v, "items")?;
    let items = crate::vm::call::call(&items, &[], &[])?;
    let it = crate::ops::sequence::iter(&items)?;
    Ok(new_tuple(vec![
        v.ty().to_value(),
        args,
        Value::NONE,
        Value::NONE,
        it,
    ]))
}

fn defdict_repr(v: &Value) -> PyResult<Value> {
    let base = dict::dict_repr(v)?;
    let base = crate::objects::str::as_str(&base)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let f = this(v).factory();
    let frepr = if f.is_none() {
        "None".to_string()
    } else if !crate::vm::reprguard::enter(&f) {
        "...".to_string()
    } else {
        let r = crate::ops::object::repr_string(&f);
        crate::vm::reprguard::leave(&f);
        r?
    };
    Ok(from_string(format!(
        "{}({}, {})",
        crate::objects::type_::short_name(v.ty()),
        frepr,
        base
    )))
}

/// `dd | other` and `other | dd`: a defaultdict of `dd`'s type and factory.
fn defdict_or(a: &Value, b: &Value) -> PyResult<Value> {
    let (me, other) = if a.downcast_ref::<DefaultDict>().is_some() {
        (a, b)
    } else {
        (b, a)
    };
    if other.downcast_ref::<Dict>().is_none() {
        return Ok(not_implemented());
    }
    let r = new_like(me, a)?;
    dict::update_from(r.downcast_ref::<Dict>().unwrap(), b)?;
    Ok(r)
}

const DEFDICT_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Or as usize] = Some(defdict_or);
    nb
};

const DEFDICT_NB_INPLACE: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Or as usize] = Some(dict::dict_ior);
    nb
};

/// The `collections.defaultdict` type.
pub static DEFAULTDICT_TYPE: TypeObject = TypeObject {
    name: "collections.defaultdict",
    base: &DICT_TYPE,
    layout: &DEFAULTDICT_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<DefaultDict>,
    sub_layout: crate::objects::sub_layout::<DefaultDict>(),
    repr: Some(defdict_repr),
    richcompare: Some(dict::dict_richcompare),
    len: Some(dict::dict_len),
    getitem: Some(dict::dict_getitem),
    setitem: Some(dict::dict_setitem),
    contains: Some(dict::dict_contains),
    iter: Some(dict::dict_iter),
    nb: DEFDICT_NB,
    nb_inplace: DEFDICT_NB_INPLACE,
    new: Some(defdict_new),
    methods: &[
        method!("__init__", m_init),
        method!("__missing__", m_missing),
        method!("copy", m_copy),
        method!("__copy__", m_copy),
        method!("__reduce__", m_reduce),
    ],
    getsets: &[GetSetDef {
        name: "default_factory",
        get: |v| Ok(this(v).factory()),
        set: Some(|v, x| {
            this(v).set_factory(x.unwrap_or(Value::NULL));
            Ok(())
        }),
    }],
    doc: "defaultdict(default_factory=None, /, [...]) --> dict with default factory",
    ..TypeObject::EMPTY
};
