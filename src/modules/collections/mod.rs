//! `_collections`: the native half of `collections`: `deque` (and its iterators),
//! `defaultdict`, `_count_elements` (for `Counter`) and `_tuplegetter` (for `namedtuple`).
//! `OrderedDict` stays the pure-Python one in `collections/__init__.py`.

pub mod defaultdict;
pub mod deque;

use std::cell::UnsafeCell;

use crate::abi::Value;
use crate::objects::dict::{Dict, DICT_TYPE};
use crate::objects::exception::{err, ATTRIBUTE_ERROR, INDEX_ERROR, TYPE_ERROR};
use crate::objects::module::{new_module, Module};
use crate::objects::str::from_string;
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{alloc, dealloc_obj, method, GetSetDef, PyPayload, PyResult, TypeObject};

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each item,
/// straight on the dict when `mapping` is a dict whose `get`/`__setitem__` are dict's own.
fn c_count_elements(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [mapping, iterable] = args else {
        return err(
            &TYPE_ERROR,
            format!("_count_elements expected 2 arguments, got {}", args.len()),
        );
    };
    let it = crate::ops::sequence::iter(iterable)?;
    let one = Value::int(1);
    let ty = mapping.ty();
    let same = |name: &str| match (ty.lookup_str(name), DICT_TYPE.lookup_str(name)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    };
    if let Some(d) = mapping.downcast_ref::<Dict>() {
        if same("get") && same("__setitem__") {
            while let Some(k) = crate::ops::sequence::next(&it)? {
                let new = match d.get_item(&k)? {
                    Some(old) => {
                        crate::ops::number::binary_op(&old, &one, crate::objects::NbOp::Add)?
                    }
                    None => one.clone(),
                };
                d.set_item(k, new)?;
            }
            return Ok(Value::NONE);
        }
    }
    let get = crate::ops::object::getattr_str(mapping, "get")?;
    while let Some(k) = crate::ops::sequence::next(&it)? {
        let old = crate::vm::call::call(&get, &[k.clone(), Value::int(0)], &[])?;
        let new = crate::ops::number::binary_op(&old, &one, crate::objects::NbOp::Add)?;
        crate::ops::sequence::setitem(mapping, &k, new)?;
    }
    Ok(Value::NONE)
}

// ----- _tuplegetter -----

/// Payload of `_tuplegetter(index, doc)`: the descriptor behind a namedtuple's field names.
pub struct TupleGetter {
    index: i64,
    doc: UnsafeCell<Value>,
}

impl PyPayload for TupleGetter {
    fn type_object() -> *const TypeObject {
        &TUPLEGETTER_TYPE
    }
}

fn tg(v: &Value) -> &TupleGetter {
    v.downcast_ref::<TupleGetter>()
        .expect("_tuplegetter method on another object")
}

fn tg_doc(v: &Value) -> Value {
    // SAFETY: single-threaded; the cell is only replaced by the `__doc__` setter.
    unsafe { (*tg(v).doc.get()).clone() }
}

fn tg_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "_tuplegetter() takes no keyword arguments");
    }
    let [index, doc] = args else {
        return err(
            &TYPE_ERROR,
            format!("_tuplegetter expected 2 arguments, got {}", args.len()),
        );
    };
    let index = crate::ops::number::index_i64(index)?;
    Ok(alloc(
        ty,
        TupleGetter {
            index,
            doc: UnsafeCell::new(doc.clone()),
        },
    ))
}

fn tg_get(v: &Value, obj: Option<&Value>, _ty: *const TypeObject) -> PyResult<Value> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(v.clone());
    };
    let index = tg(v).index;
    let Some(items) = try_tuple_items(obj) else {
        return err(
            &TYPE_ERROR,
            format!(
                "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
                index,
                obj.type_name()
            ),
        );
    };
    match usize::try_from(index).ok().and_then(|i| items.get(i)) {
        Some(x) => Ok(x.clone()),
        None => err(&INDEX_ERROR, "tuple index out of range"),
    }
}

fn tg_set(_v: &Value, _obj: &Value, x: Option<Value>) -> PyResult<()> {
    err(
        &ATTRIBUTE_ERROR,
        if x.is_some() {
            "can't set attribute"
        } else {
            "can't delete attribute"
        },
    )
}

/// `_collections._tuplegetter`.
pub static TUPLEGETTER_TYPE: TypeObject = TypeObject {
    name: "collections._tuplegetter",
    layout: &TUPLEGETTER_TYPE,
    dealloc: dealloc_obj::<TupleGetter>,
    repr: Some(|v| {
        Ok(from_string(format!(
            "_tuplegetter({}, {})",
            tg(v).index,
            crate::ops::object::repr_string(&tg_doc(v))?
        )))
    }),
    descr_get: Some(tg_get),
    descr_set: Some(tg_set),
    new: Some(tg_new),
    methods: &[method!("__reduce__", |v, _, _| {
        Ok(new_tuple(vec![
            v.ty().to_value(),
            new_tuple(vec![Value::int(tg(v).index), tg_doc(v)]),
        ]))
    })],
    getsets: &[GetSetDef {
        name: "__doc__",
        get: |v| Ok(tg_doc(v)),
        set: Some(|v, x| {
            // SAFETY: single-threaded; no reference into the cell is live.
            let _old =
                unsafe { std::mem::replace(&mut *tg(v).doc.get(), x.unwrap_or(Value::NONE)) };
            Ok(())
        }),
    }],
    ..TypeObject::EMPTY
};

/// Creates the `_collections` module.
pub fn create() -> Value {
    let m = new_module("_collections");
    crate::modules::add_functions(&m, &[("_count_elements", c_count_elements)]);
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("deque", deque::DEQUE_TYPE.to_value());
    md.set("_deque_iterator", deque::DEQUE_ITER_TYPE.to_value());
    md.set(
        "_deque_reverse_iterator",
        deque::DEQUE_REVITER_TYPE.to_value(),
    );
    md.set("defaultdict", defaultdict::DEFAULTDICT_TYPE.to_value());
    md.set("_tuplegetter", TUPLEGETTER_TYPE.to_value());
    m
}
