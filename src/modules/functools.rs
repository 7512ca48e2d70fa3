//! `_functools`: `reduce`, `partial` and `cmp_to_key`, the C half of `functools`
//! (`_lru_cache_wrapper` is left to functools' pure-Python fallback).

use std::cell::UnsafeCell;
use std::mem::offset_of;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{err, ATTRIBUTE_ERROR, TYPE_ERROR};
use crate::objects::module::new_module;
use crate::objects::str::{from_string, new_str};
use crate::objects::tuple::{new_tuple, try_tuple_items, tuple_items};
use crate::objects::type_::short_name;
use crate::objects::{
    alloc, dealloc_obj, flags, method, CmpOp, GetSetDef, MethodDef, MethodKind, Obj, PyPayload,
    PyResult, TypeObject,
};
use crate::ops::object::repr_string;
use crate::vm::call::call;

/// `reduce(function, iterable[, initial], /)`.
fn f_reduce(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "reduce() takes no keyword arguments");
    }
    if args.len() < 2 {
        return err(
            &TYPE_ERROR,
            format!("reduce expected at least 2 arguments, got {}", args.len()),
        );
    }
    if args.len() > 3 {
        return err(
            &TYPE_ERROR,
            format!("reduce expected at most 3 arguments, got {}", args.len()),
        );
    }
    let func = &args[0];
    let it = match crate::ops::sequence::iter(&args[1]) {
        Ok(it) => it,
        Err(e) => {
            if crate::objects::exception::raised_matches(&TYPE_ERROR) {
                crate::vm::thread::take_raised();
                return err(&TYPE_ERROR, "reduce() arg 2 must support iteration");
            }
            return Err(e);
        }
    };
    let mut acc = args.get(2).cloned();
    while let Some(x) = crate::ops::sequence::next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => call(func, &[a, x], &[])?,
        });
    }
    match acc {
        Some(a) => Ok(a),
        None => err(
            &TYPE_ERROR,
            "reduce() of empty iterable with no initial value",
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// partial

/// Payload of a `partial`: the function, the frozen positional arguments (a tuple), the frozen
/// keywords (a dict) and the instance dict. The parts are cells only for `__setstate__`.
pub struct Partial {
    func: UnsafeCell<Value>,
    args: UnsafeCell<Value>,
    kw: UnsafeCell<Value>,
    dict: UnsafeCell<Value>,
}

impl PyPayload for Partial {
    fn type_object() -> *const TypeObject {
        &PARTIAL_TYPE
    }
}

impl Partial {
    fn func(&self) -> Value {
        // SAFETY: single-threaded; cells are only replaced whole, never borrowed across calls.
        unsafe { (*self.func.get()).clone() }
    }
    fn args(&self) -> Value {
        // SAFETY: as in `func`.
        unsafe { (*self.args.get()).clone() }
    }
    fn kw(&self) -> Value {
        // SAFETY: as in `func`.
        unsafe { (*self.kw.get()).clone() }
    }
    fn has_dict(&self) -> bool {
        // SAFETY: as in `func`.
        let d = unsafe { &*self.dict.get() };
        !d.is_null() && d.downcast_ref::<Dict>().is_some_and(|d| !d.is_empty())
    }
}

fn this(v: &Value) -> &Partial {
    v.downcast_ref::<Partial>()
        .expect("partial method on a foreign object")
}

fn partial_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos < 1 {
        return err(&TYPE_ERROR, "type 'partial' takes at least one argument");
    }
    let mut func = args[0].clone();
    if !crate::builtins::core::is_callable(&func) {
        return err(&TYPE_ERROR, "the first argument must be callable");
    }
    let mut pargs: Vec<Value> = Vec::new();
    let kw = new_dict();
    let kwd = kw.downcast_ref::<Dict>().unwrap();
    // A partial of a partial (without instance attributes) flattens into one.
    if let Some(inner) = func.downcast_ref::<Partial>() {
        if !inner.has_dict() {
            pargs.extend_from_slice(tuple_items(&inner.args()));
            for (k, x) in inner.kw().downcast_ref::<Dict>().unwrap().items() {
                kwd.set_item(k, x)?;
            }
            func = inner.func();
        }
    }
    pargs.extend_from_slice(&args[1..npos]);
    for (k, x) in kwnames.iter().zip(&args[npos..]) {
        kwd.set_item(k.clone(), x.clone())?;
    }
    Ok(alloc(
        ty,
        Partial {
            func: UnsafeCell::new(func),
            args: UnsafeCell::new(new_tuple(pargs)),
            kw: UnsafeCell::new(kw),
            dict: UnsafeCell::new(Value::NULL),
        },
    ))
}

fn partial_call(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = this(v);
    let func = p.func();
    let frozen = p.args();
    let frozen = tuple_items(&frozen);
    let kw = p.kw();
    let kwd = kw.downcast_ref::<Dict>().unwrap();
    let npos = args.len() - kwnames.len();
    let mut all = Vec::with_capacity(frozen.len() + args.len() + kwd.len());
    all.extend_from_slice(frozen);
    all.extend_from_slice(&args[..npos]);
    if kwd.is_empty() {
        all.extend_from_slice(&args[npos..]);
        return call(&func, &all, kwnames);
    }
    // Frozen keywords, overridden by the call's.
    let mut names: Vec<Value> = Vec::with_capacity(kwd.len() + kwnames.len());
    let mut vals: Vec<Value> = Vec::with_capacity(kwd.len() + kwnames.len());
    for (k, x) in kwd.items() {
        if !kwnames.iter().any(|n| crate::objects::str::str_eq(n, &k)) {
            names.push(k);
            vals.push(x);
        }
    }
    names.extend_from_slice(kwnames);
    vals.extend_from_slice(&args[npos..]);
    all.extend(vals);
    call(&func, &all, &names)
}

fn partial_repr(v: &Value) -> PyResult<Value> {
    let p = this(v);
    let name = if v.ty().flags & flags::HEAPTYPE != 0 {
        short_name(v.ty()).to_string()
    } else {
        v.ty().name.to_string()
    };
    if !crate::vm::reprguard::enter(v) {
        return Ok(new_str("..."));
    }
    let r = (|| {
        let mut parts = vec![repr_string(&p.func())?];
        for a in tuple_items(&p.args()) {
            parts.push(repr_string(a)?);
        }
        for (k, x) in p.kw().downcast_ref::<Dict>().unwrap().items() {
            parts.push(format!(
                "{}={}",
                crate::ops::object::str_string(&k)?,
                repr_string(&x)?
            ));
        }
        Ok(from_string(format!("{}({})", name, parts.join(", "))))
    })();
    crate::vm::reprguard::leave(v);
    r
}

fn readonly(_: &Value, _x: Option<Value>) -> PyResult<()> {
    err(&ATTRIBUTE_ERROR, "readonly attribute")
}

fn m_reduce(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let p = this(v);
    let kw = p.kw();
    let kw = if kw.downcast_ref::<Dict>().unwrap().is_empty() {
        Value::NONE
    } else {
        kw
    };
    // SAFETY: single-threaded; the cell is read once.
    let d = unsafe { (*p.dict.get()).clone() };
    // Attribute lookups create the dict lazily: an empty one counts as none.
    let d = if p.has_dict() { d } else { Value::NONE };
    Ok(new_tuple(vec![
        v.ty().to_value(),
        new_tuple(vec![p.func()]),
        new_tuple(vec![p.func(), p.args(), kw, d]),
    ]))
}

fn m_setstate(v: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let state = crate::builtins::args::exactly_one("__setstate__", args)?;
    let items = match try_tuple_items(state) {
        Some(i) if i.len() == 4 => i.to_vec(),
        _ => return err(&TYPE_ERROR, "invalid partial state"),
    };
    let (func, fargs, kw, d) = (&items[0], &items[1], &items[2], &items[3]);
    if !crate::builtins::core::is_callable(func)
        || try_tuple_items(fargs).is_none()
        || !(kw.is_none() || kw.downcast_ref::<Dict>().is_some())
    {
        return err(&TYPE_ERROR, "invalid partial state");
    }
    let kw = if kw.is_none() {
        new_dict()
    } else {
        crate::objects::dict::dict_from_pairs(kw.downcast_ref::<Dict>().unwrap().items())?
    };
    let p = this(v);
    let set = |cell: &UnsafeCell<Value>, x: Value| {
        // SAFETY: single-threaded; the old value is dropped after the store.
        let old = unsafe { std::mem::replace(&mut *cell.get(), x) };
        drop(old);
    };
    set(&p.func, func.clone());
    set(&p.args, new_tuple(tuple_items(fargs).to_vec()));
    set(&p.kw, kw);
    set(&p.dict, if d.is_none() { Value::NULL } else { d.clone() });
    Ok(Value::NONE)
}

fn m_partial_new(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(crate::ops::object::as_type) else {
        return err(&TYPE_ERROR, "partial.__new__(X): X is not a type object");
    };
    partial_new(cls, &args[1..], kw)
}

/// `functools.partial`.
pub static PARTIAL_TYPE: TypeObject = TypeObject {
    name: "functools.partial",
    layout: &PARTIAL_TYPE,
    flags: flags::BASETYPE,
    dict_offset: offset_of!(Obj<Partial>, data) + offset_of!(Partial, dict),
    dealloc: dealloc_obj::<Partial>,
    repr: Some(partial_repr),
    call: Some(partial_call),
    new: Some(partial_new),
    methods: &[
        method!("__reduce__", m_reduce),
        method!("__setstate__", m_setstate),
        MethodDef {
            name: "__new__",
            func: m_partial_new,
            kind: MethodKind::Static,
            doc: "",
        },
    ],
    getsets: &[
        GetSetDef {
            name: "func",
            get: |v| Ok(this(v).func()),
            set: Some(readonly),
        },
        GetSetDef {
            name: "args",
            get: |v| Ok(this(v).args()),
            set: Some(readonly),
        },
        GetSetDef {
            name: "keywords",
            get: |v| Ok(this(v).kw()),
            set: Some(readonly),
        },
    ],
    doc: "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n",
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// cmp_to_key

/// Payload of `functools.KeyWrapper`: the comparison function and the wrapped object (NULL
/// for the factory `cmp_to_key` returns).
pub struct KeyWrapper {
    cmp: Value,
    obj: Value,
}

impl PyPayload for KeyWrapper {
    fn type_object() -> *const TypeObject {
        &KEY_WRAPPER_TYPE
    }
}

fn f_cmp_to_key(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("cmp_to_key", args, kw);
    let cmp = p.required("mycmp")?;
    p.finish()?;
    Ok(alloc(
        &KEY_WRAPPER_TYPE,
        KeyWrapper {
            cmp,
            obj: Value::NULL,
        },
    ))
}

fn key_call(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("K", args, kw);
    let obj = p.required("obj")?;
    p.finish()?;
    let k = v.downcast_ref::<KeyWrapper>().unwrap();
    Ok(alloc(
        &KEY_WRAPPER_TYPE,
        KeyWrapper {
            cmp: k.cmp.clone(),
            obj,
        },
    ))
}

fn key_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let Some(other) = b.downcast_ref::<KeyWrapper>() else {
        return err(&TYPE_ERROR, "other argument must be K instance");
    };
    let k = a.downcast_ref::<KeyWrapper>().unwrap();
    let obj = |x: &Value| if x.is_null() { Value::NONE } else { x.clone() };
    let r = call(&k.cmp, &[obj(&k.obj), obj(&other.obj)], &[])?;
    crate::ops::compare::rich_compare(&r, &Value::int(0), op)
}

/// `functools.KeyWrapper`: what `cmp_to_key` returns, and the keys calling it makes.
pub static KEY_WRAPPER_TYPE: TypeObject = TypeObject {
    name: "functools.KeyWrapper",
    layout: &KEY_WRAPPER_TYPE,
    dealloc: dealloc_obj::<KeyWrapper>,
    call: Some(key_call),
    richcompare: Some(key_richcompare),
    getsets: &[GetSetDef {
        name: "obj",
        get: |v| {
            let k = v.downcast_ref::<KeyWrapper>().unwrap();
            if k.obj.is_null() {
                Err(crate::ops::object::attribute_error(v, &new_str("obj")))
            } else {
                Ok(k.obj.clone())
            }
        },
        set: None,
    }],
    ..TypeObject::EMPTY
};

/// Creates the `_functools` module.
pub fn create() -> Value {
    let m = new_module("_functools");
    let md = m.downcast_ref::<crate::objects::module::Module>().unwrap();
    md.set("partial", PARTIAL_TYPE.to_value());
    crate::modules::add_functions(&m, &[("reduce", f_reduce), ("cmp_to_key", f_cmp_to_key)]);
    m
}
