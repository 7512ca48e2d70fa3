//! `_weakref`: the native half of `weakref` (the types live in `objects::weakref`).

use crate::abi::Value;
use crate::builtins::args::exactly_one;
use crate::objects::dict::Dict;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::list::new_list;
use crate::objects::module::{new_module, Module};
use crate::objects::weakref::{
    is_dead, is_weakref, new_proxy, weakref_count, weakrefs_of, CALLABLE_PROXY_TYPE, PROXY_TYPE,
    REF_TYPE,
};
use crate::objects::PyResult;

fn w_getweakrefcount(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let ob = exactly_one("_weakref.getweakrefcount", args)?;
    Ok(Value::int(weakref_count(ob) as i64))
}

fn w_getweakrefs(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let ob = exactly_one("getweakrefs", args)?;
    Ok(new_list(weakrefs_of(ob)))
}

fn w_proxy(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "proxy() takes no keyword arguments");
    }
    match args {
        [ob] => new_proxy(ob, None),
        [ob, cb] => new_proxy(ob, Some(cb.clone())),
        _ if args.is_empty() => err(&TYPE_ERROR, "proxy expected at least 1 argument, got 0"),
        _ => err(
            &TYPE_ERROR,
            format!("proxy expected at most 2 arguments, got {}", args.len()),
        ),
    }
}

/// `_remove_dead_weakref(dct, key)`: deletes `dct[key]` if it is a dead weak reference (a
/// missing key is fine: the entry may already be gone).
fn w_remove_dead_weakref(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!(
                "_remove_dead_weakref expected 2 arguments, got {}",
                args.len()
            ),
        );
    }
    let Some(d) = args[0].downcast_ref::<Dict>() else {
        return err(
            &TYPE_ERROR,
            format!(
                "_remove_dead_weakref() argument 1 must be dict, not {}",
                args[0].type_name()
            ),
        );
    };
    if let Some(v) = d.get_item(&args[1])? {
        if !is_weakref(&v) {
            return err(&TYPE_ERROR, "not a weakref");
        }
        if is_dead(&v) {
            d.del_item(&args[1])?;
        }
    }
    Ok(Value::NONE)
}

/// Creates the `_weakref` module.
pub fn create() -> Value {
    let m = new_module("_weakref");
    crate::modules::add_functions(
        &m,
        &[
            ("getweakrefcount", w_getweakrefcount),
            ("getweakrefs", w_getweakrefs),
            ("proxy", w_proxy),
            ("_remove_dead_weakref", w_remove_dead_weakref),
        ],
    );
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("ref", REF_TYPE.to_value());
    md.set("ReferenceType", REF_TYPE.to_value());
    md.set("ProxyType", PROXY_TYPE.to_value());
    md.set("CallableProxyType", CALLABLE_PROXY_TYPE.to_value());
    m
}
