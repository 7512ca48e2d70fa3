//! The protocols behind `with`, `async with` and `match`: context-manager entry, and the
//! structural checks of pattern matching (`MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS`, `MATCH_CLASS`).

use crate::abi::Value;
use crate::objects::dict::Dict;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::as_str;
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{flags, PyResult, TypeObject};
use crate::ops;

/// `BEFORE_WITH`: looks up `__exit__` and `__enter__` on the manager's type, calls `__enter__`;
/// returns (bound `__exit__`, result of `__enter__`).
pub fn before_with(mgr: &Value) -> PyResult<(Value, Value)> {
    let ty = mgr.ty();
    let Some(enter) = ty.lookup_str("__enter__") else {
        return err(
            &TYPE_ERROR,
            format!(
                "'{}' object does not support the context manager protocol",
                ty.name
            ),
        );
    };
    let Some(exit) = ty.lookup_str("__exit__") else {
        return err(
            &TYPE_ERROR,
            format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                ty.name
            ),
        );
    };
    let exit = ops::object::bind_descriptor(exit, Some(mgr), ty)?;
    let enter = ops::object::bind_descriptor(enter, Some(mgr), ty)?;
    let res = crate::vm::call::call(&enter, &[], &[])?;
    Ok((exit, res))
}

/// `BEFORE_ASYNC_WITH`: looks up `__aenter__` and `__aexit__` on the manager's type, calls
/// `__aenter__`; returns (bound `__aexit__`, the awaitable `__aenter__` returned).
pub fn before_async_with(mgr: &Value) -> PyResult<(Value, Value)> {
    let ty = mgr.ty();
    let Some(enter) = ty.lookup_str("__aenter__") else {
        return err(
            &TYPE_ERROR,
            format!(
                "'{}' object does not support the asynchronous context manager protocol",
                ty.name
            ),
        );
    };
    let Some(exit) = ty.lookup_str("__aexit__") else {
        return err(
            &TYPE_ERROR,
            format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                ty.name
            ),
        );
    };
    let enter = ops::object::bind_descriptor(enter, Some(mgr), ty)?;
    let exit = ops::object::bind_descriptor(exit, Some(mgr), ty)?;
    let res = crate::vm::call::call(&enter, &[], &[])?;
    Ok((exit, res))
}

/// Whether `v` matches mapping patterns (a dict, or a class derived from one).
pub fn is_mapping(v: &Value) -> bool {
    v.downcast_ref::<Dict>().is_some()
}

/// Whether `v` matches sequence patterns: list, tuple, range and their subclasses (not str,
/// bytes or bytearray).
pub fn is_sequence(v: &Value) -> bool {
    v.downcast_ref::<crate::objects::list::List>().is_some()
        || try_tuple_items(v).is_some()
        || v.downcast_ref::<crate::objects::range::Range>().is_some()
}

/// `MATCH_KEYS`: the values of `keys` in the mapping `subject` as a tuple, or None if any is
/// missing.
pub fn match_keys(subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = try_tuple_items(keys).unwrap_or(&[]);
    let mut out = Vec::with_capacity(keys.len());
    let d = subject.downcast_ref::<Dict>();
    for (i, k) in keys.iter().enumerate() {
        if keys[..i].iter().any(|p| p.is(k))
            || keys[..i]
                .iter()
                .any(|p| ops::compare::eq(p, k).unwrap_or(false))
        {
            return err(
                &crate::objects::exception::VALUE_ERROR,
                format!(
                    "mapping pattern checks duplicate key ({})",
                    ops::object::repr_string(k)?
                ),
            );
        }
        let v = match d {
            // A dict subclass with `__missing__` is still looked up without calling it.
            Some(d) => d.get_item(k)?,
            None => None,
        };
        match v {
            Some(v) => out.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(new_tuple(out))
}

/// Built-in types whose single positional sub-pattern matches the subject itself.
fn matches_self(t: &TypeObject) -> bool {
    use crate::objects::*;
    let builtins: [&TypeObject; 11] = [
        &bool_::BOOL_TYPE,
        &bytes::BYTEARRAY_TYPE,
        &bytes::BYTES_TYPE,
        &dict::DICT_TYPE,
        &float::FLOAT_TYPE,
        &set::FROZENSET_TYPE,
        &int::INT_TYPE,
        &list::LIST_TYPE,
        &set::SET_TYPE,
        &str::STR_TYPE,
        &tuple::TUPLE_TYPE,
    ];
    builtins.iter().any(|b| std::ptr::eq(*b, t))
}

/// `MATCH_CLASS`: if `subject` is an instance of `cls`, the tuple of attributes for `npos`
/// positional sub-patterns (via `__match_args__`) then the keyword names; else None.
pub fn match_class(subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult<Value> {
    let Some(t) = ops::object::as_type(cls) else {
        return err(&TYPE_ERROR, "called match pattern must be a class");
    };
    if !crate::builtins::core::isinstance(subject, cls)? {
        return Ok(Value::NONE);
    }
    let mut attrs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if npos > 0 {
        let match_args =
            ops::object::getattr_opt(cls, &crate::objects::str::new_str("__match_args__"))?;
        match match_args {
            Some(ma) => {
                let Some(items) = try_tuple_items(&ma) else {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            t.name,
                            ma.type_name()
                        ),
                    );
                };
                if npos > items.len() {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "{}() accepts {} positional sub-pattern{} ({} given)",
                            t.name,
                            items.len(),
                            if items.len() == 1 { "" } else { "s" },
                            npos
                        ),
                    );
                }
                for name in &items[..npos] {
                    let Some(n) = as_str(name) else {
                        return err(
                            &TYPE_ERROR,
                            format!(
                                "__match_args__ elements must be strings (got {})",
                                name.type_name()
                            ),
                        );
                    };
                    seen.push(n.to_string());
                    match ops::object::getattr_opt(subject, name)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::NONE),
                    }
                }
            }
            None if npos == 1 && t.flags & flags::HEAPTYPE == 0 && matches_self(t) => {
                attrs.push(subject.clone());
            }
            None => {
                let base_self = npos == 1 && t.mro().iter().any(|&b| matches_self(unsafe { &*b }));
                if base_self {
                    attrs.push(subject.clone());
                } else {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "{}() accepts 0 positional sub-patterns ({} given)",
                            t.name, npos
                        ),
                    );
                }
            }
        }
    }
    for name in try_tuple_items(names).unwrap_or(&[]) {
        let n = as_str(name).map(|s| s.to_string()).unwrap_or_default();
        if seen.contains(&n) {
            return err(
                &TYPE_ERROR,
                format!(
                    "{}() got multiple sub-patterns for attribute '{}'",
                    t.name, n
                ),
            );
        }
        seen.push(n);
        match ops::object::getattr_opt(subject, name)? {
            Some(v) => attrs.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(new_tuple(attrs))
}
