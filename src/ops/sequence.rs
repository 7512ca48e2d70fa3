//! The sequence/mapping/iterator protocols: `len`, `x[k]`, `x[k] = v`, `del x[k]`, `in`, `iter`,
//! `next`, plus index normalization shared by every sequence type.

use crate::abi::Value;
use crate::objects::exception::{err, INDEX_ERROR, TYPE_ERROR};
use crate::objects::{PyResult, TypeObject};

/// `len(v)`.
pub fn len(v: &Value) -> PyResult<usize> {
    match v.ty().len {
        Some(f) => f(v),
        None => err(
            &TYPE_ERROR,
            format!("object of type '{}' has no len()", v.type_name()),
        ),
    }
}

/// `v[start:stop]` (`BINARY_SLICE`).
///
/// Always inlined (the general case is not): a str slice then comes back from `slice_range` in
/// registers, not through the memory of a `PyResult` that the caller reads back at once.
#[inline(always)]
pub fn get_slice(v: &Value, start: Value, stop: Value) -> PyResult<Value> {
    if crate::objects::str::is_exact_str(v) {
        // No slice object: `str.__getitem__` would clamp the same int (or omitted) bounds.
        if let (Some(a), Some(b)) = (slice_bound(&start), slice_bound(&stop)) {
            return Ok(crate::objects::str::slice_range(v, a, b));
        }
    }
    get_slice_object(v, start, stop)
}

/// [`get_slice`] through a slice object.
#[inline(never)]
fn get_slice_object(v: &Value, start: Value, stop: Value) -> PyResult<Value> {
    getitem(
        v,
        &crate::objects::slice::new_slice(start, stop, Value::NONE),
    )
}

/// A slice bound that needs no `__index__` call: `Some(None)` for `None`, `Some(Some(i))` for
/// an inline int or bool, `None` for anything else.
#[inline(always)]
fn slice_bound(v: &Value) -> Option<Option<i64>> {
    if v.is_none() {
        return Some(None);
    }
    v.as_small_int().map(Some)
}

/// `v[k]`.
pub fn getitem(v: &Value, k: &Value) -> PyResult<Value> {
    match v.ty().getitem {
        Some(f) => f(v, k),
        None => {
            if let Some(t) = crate::ops::object::as_type(v) {
                return class_getitem(v, t, k);
            }
            err(
                &TYPE_ERROR,
                format!("'{}' object is not subscriptable", v.type_name()),
            )
        }
    }
}

/// `cls[k]` for a class whose metaclass has no `__getitem__`: `type[k]` is a generic alias,
/// other classes answer through their `__class_getitem__` (an implicit classmethod, bound to
/// `cls` like any class attribute). Kept out of line: `getitem` is inlined into the eval loop.
#[cold]
#[inline(never)]
fn class_getitem(v: &Value, t: &TypeObject, k: &Value) -> PyResult<Value> {
    if std::ptr::eq(t, &crate::objects::TYPE_TYPE) {
        return Ok(crate::objects::generic_alias::new_generic_alias(
            v.clone(),
            k.clone(),
        ));
    }
    if let Some(m) = t.lookup_str("__class_getitem__") {
        if !m.is_none() {
            let m = crate::ops::object::bind_descriptor(m, None, t)?;
            return crate::vm::call::call(&m, std::slice::from_ref(k), &[]);
        }
    }
    err(
        &TYPE_ERROR,
        format!("type '{}' is not subscriptable", t.name),
    )
}

/// `v[k] = x`.
pub fn setitem(v: &Value, k: &Value, x: Value) -> PyResult<()> {
    match v.ty().setitem {
        Some(f) => f(v, k, Some(x)),
        None => err(
            &TYPE_ERROR,
            format!(
                "'{}' object does not support item assignment",
                v.type_name()
            ),
        ),
    }
}

/// `del v[k]`.
pub fn delitem(v: &Value, k: &Value) -> PyResult<()> {
    match v.ty().setitem {
        Some(f) => f(v, k, None),
        None => err(
            &TYPE_ERROR,
            format!("'{}' object doesn't support item deletion", v.type_name()),
        ),
    }
}

/// `k in v`: the type's `contains`, else a scan of `iter(v)`.
#[inline]
pub fn contains(v: &Value, k: &Value) -> PyResult<bool> {
    match v.ty().contains {
        Some(f) => f(v, k),
        None => contains_by_iteration(v, k),
    }
}

/// `k in v` for a container without `__contains__`: compare against every item.
#[inline(never)]
fn contains_by_iteration(v: &Value, k: &Value) -> PyResult<bool> {
    if v.ty().iter.is_none() && v.ty().getitem.is_none() {
        return err(
            &TYPE_ERROR,
            format!("argument of type '{}' is not iterable", v.type_name()),
        );
    }
    let it = iter(v)?;
    while let Some(x) = next(&it)? {
        if crate::ops::compare::eq(&x, k)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `iter(v)`.
pub fn iter(v: &Value) -> PyResult<Value> {
    match v.ty().iter {
        Some(f) => f(v),
        None => {
            if v.ty().getitem.is_some() {
                return Ok(crate::objects::iterators::new_seq_iter(v.clone()));
            }
            err(
                &TYPE_ERROR,
                format!("'{}' object is not iterable", v.type_name()),
            )
        }
    }
}

/// `next(it)`: `Ok(None)` when exhausted.
pub fn next(it: &Value) -> PyResult<Option<Value>> {
    match it.ty().next {
        Some(f) => f(it),
        None => err(
            &TYPE_ERROR,
            format!("'{}' object is not an iterator", it.type_name()),
        ),
    }
}

/// Collects an iterable into a Vec.
pub fn collect(v: &Value) -> PyResult<Vec<Value>> {
    if let Some(items) = crate::objects::tuple::try_tuple_items(v) {
        return Ok(items.to_vec());
    }
    if let Some(l) = v.downcast_ref::<crate::objects::list::List>() {
        return Ok(l.to_vec());
    }
    if let Some(items) = crate::objects::dict::collect_exact(v) {
        return Ok(items);
    }
    let it = iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = next(&it)? {
        out.push(x);
    }
    Ok(out)
}

/// Normalizes a possibly negative index against `len`; IndexError naming `what` when out of
/// range ("list index out of range").
#[inline]
pub fn normalize_index(i: i64, len: usize, what: &str) -> PyResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return err(&INDEX_ERROR, format!("{} index out of range", what));
    }
    Ok(j as usize)
}

/// An index argument for a sequence: an int through `__index__` (OverflowError -> IndexError
/// wording as CPython: "cannot fit 'int' into an index-sized integer").
pub fn index_arg(k: &Value, seqname: &str) -> PyResult<i64> {
    if let Some(i) = k.as_small_int() {
        return Ok(i);
    }
    if k.ty().index.is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "{} indices must be integers or slices, not {}",
                seqname,
                k.type_name()
            ),
        );
    }
    let v = crate::ops::number::index(k)?;
    match v.as_small_int() {
        Some(i) => Ok(i),
        None => err(
            &INDEX_ERROR,
            format!("cannot fit '{}' into an index-sized integer", k.type_name()),
        ),
    }
}
