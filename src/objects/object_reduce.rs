//! The pickle/copy protocol of `object`: `__reduce_ex__`, `__reduce__` and `__getstate__`
//! (CPython's `Objects/typeobject.c` reduce helpers), used by `copy`, `pickle` and `enum`.
//!
//! Protocol 2 and later reduce to `copyreg.__newobj__(cls, *args)` plus the object's state
//! (its `__dict__` and slot values), list items for list subclasses and dict items for dict
//! subclasses; protocols 0 and 1 defer to `copyreg._reduce_ex`.

use crate::abi::Value;
use crate::objects::dict::Dict;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{MethodDef, MethodKind, PyResult};
use crate::ops::object::{getattr_str, instance_dict};
use crate::vm::call::call;

/// `object.__reduce_ex__(protocol)`.
pub const REDUCE_EX: MethodDef = MethodDef {
    name: "__reduce_ex__",
    func: m_reduce_ex,
    kind: MethodKind::Instance,
    doc: "Helper for pickle.",
};

/// `object.__reduce__()`.
pub const REDUCE: MethodDef = MethodDef {
    name: "__reduce__",
    func: m_reduce,
    kind: MethodKind::Instance,
    doc: "Helper for pickle.",
};

/// `object.__getstate__()`.
pub const GETSTATE: MethodDef = MethodDef {
    name: "__getstate__",
    func: m_getstate,
    kind: MethodKind::Instance,
    doc: "Helper for pickle.",
};

fn copyreg_attr(name: &str) -> PyResult<Value> {
    let m = crate::vm::import::import_module("copyreg")?;
    getattr_str(&m, name)
}

fn m_reduce_ex(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "__reduce_ex__() takes no keyword arguments");
    }
    let proto = crate::builtins::args::exactly_one("__reduce_ex__", args)?;
    let proto = crate::ops::number::index_i64(proto)?;
    // A class's own `__reduce__` wins over the default protocol.
    if let Some(reduce) = crate::objects::generic_alias::lookup_attr(v, "__reduce__")? {
        let cls_reduce = v.ty().lookup_str("__reduce__");
        let object_reduce = crate::objects::object::OBJECT_TYPE.lookup_str("__reduce__");
        let overridden = match (&cls_reduce, &object_reduce) {
            (Some(c), Some(o)) => !c.is(o),
            _ => true,
        };
        if overridden {
            return call(&reduce, &[], &[]);
        }
    }
    common_reduce(v, proto)
}

fn m_reduce(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("__reduce__", args)?;
    common_reduce(v, 0)
}

fn common_reduce(v: &Value, proto: i64) -> PyResult<Value> {
    if proto >= 2 {
        return reduce_newobj(v);
    }
    let f = copyreg_attr("_reduce_ex")?;
    call(&f, &[v.clone(), Value::int(proto)], &[])
}

/// `(args, kwargs)` for re-creating `v`: from `__getnewargs_ex__`, else `__getnewargs__`, else
/// none.
fn getnewargs(v: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    if let Some(f) = crate::objects::generic_alias::lookup_attr(v, "__getnewargs_ex__")? {
        let r = call(&f, &[], &[])?;
        let Some(items) = try_tuple_items(&r) else {
            return err(
                &TYPE_ERROR,
                format!(
                    "__getnewargs_ex__ should return a tuple, not '{}'",
                    r.type_name()
                ),
            );
        };
        if items.len() != 2 {
            return err(
                &crate::objects::exception::VALUE_ERROR,
                format!(
                    "__getnewargs_ex__ should return a tuple of length 2, not {}",
                    items.len()
                ),
            );
        }
        if try_tuple_items(&items[0]).is_none() {
            return err(
                &TYPE_ERROR,
                format!(
                    "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                    items[0].type_name()
                ),
            );
        }
        if items[1].downcast_ref::<Dict>().is_none() {
            return err(
                &TYPE_ERROR,
                format!(
                    "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                    items[1].type_name()
                ),
            );
        }
        return Ok((Some(items[0].clone()), Some(items[1].clone())));
    }
    if let Some(f) = crate::objects::generic_alias::lookup_attr(v, "__getnewargs__")? {
        let r = call(&f, &[], &[])?;
        if try_tuple_items(&r).is_none() {
            return err(
                &TYPE_ERROR,
                format!(
                    "__getnewargs__ should return a tuple, not '{}'",
                    r.type_name()
                ),
            );
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

fn reduce_newobj(v: &Value) -> PyResult<Value> {
    let cls = v.ty();
    if cls.lookup_str("__new__").is_none() && cls.new.is_none() {
        return err(&TYPE_ERROR, format!("cannot pickle '{}' object", cls.name));
    }
    let (args, kwargs) = getnewargs(v)?;
    let has_args = args.is_some();
    let args_items = args
        .as_ref()
        .and_then(try_tuple_items)
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let kw_empty = kwargs
        .as_ref()
        .and_then(|k| k.downcast_ref::<Dict>())
        .is_none_or(|d| d.is_empty());
    let (newobj, newargs) = if kw_empty {
        let mut a = Vec::with_capacity(args_items.len() + 1);
        a.push(cls.to_value());
        a.extend(args_items);
        (copyreg_attr("__newobj__")?, new_tuple(a))
    } else {
        (
            copyreg_attr("__newobj_ex__")?,
            new_tuple(vec![
                cls.to_value(),
                new_tuple(args_items),
                kwargs.unwrap_or(Value::NONE),
            ]),
        )
    };
    let state = object_getstate(v, has_args)?;
    let listitems = if v.downcast_ref::<crate::objects::list::List>().is_some() {
        crate::ops::sequence::iter(v)?
    } else {
        Value::NONE
    };
    let dictitems = if v.downcast_ref::<Dict>().is_some() {
        let items = call(&getattr_str(v, "items")?, &[], &[])?;
        crate::ops::sequence::iter(&items)?
    } else {
        Value::NONE
    };
    Ok(new_tuple(vec![
        newobj, newargs, state, listitems, dictitems,
    ]))
}

/// The state `__reduce_ex__` records: `__getstate__()` when a class overrides it, else the
/// default state.
fn object_getstate(v: &Value, _has_args: bool) -> PyResult<Value> {
    let getstate = getattr_str(v, "__getstate__")?;
    call(&getstate, &[], &[])
}

/// `object.__getstate__()`: the instance `__dict__` (None when empty or absent), paired with
/// a dict of the `__slots__` values when there are any.
fn m_getstate(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("__getstate__", args)?;
    let mut state = Value::NONE;
    if v.ty().flags & crate::objects::flags::NO_INSTANCE_DICT == 0 {
        if let Some(d) = instance_dict(v) {
            if d.downcast_ref::<Dict>().is_some_and(|d| !d.is_empty()) {
                state = d;
            }
        }
    }
    let slotnames = call(&copyreg_attr("_slotnames")?, &[v.ty().to_value()], &[])?;
    let names = crate::ops::sequence::collect(&slotnames)?;
    if !names.is_empty() {
        let slots = crate::objects::dict::new_dict();
        let sd = slots.downcast_ref::<Dict>().unwrap();
        for n in names {
            if let Some(x) =
                crate::objects::generic_alias::lookup_attr(v, &crate::ops::object::str_string(&n)?)?
            {
                sd.set_item(n, x)?;
            }
        }
        if !sd.is_empty() {
            state = new_tuple(vec![state, slots]);
        }
    }
    Ok(state)
}
