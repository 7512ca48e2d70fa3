//! The object protocol: `repr`, `str`, `hash`, truth, attribute get/set/delete.
//!
//! These are the generic entry points (CPython's `PyObject_*` family): they dispatch through the
//! type's slots and produce CPython's error messages when a protocol is missing.

use std::ptr;

use crate::abi::Value;
use crate::objects::builtin_function::GetSetDescr;
use crate::objects::dict::Dict;
use crate::objects::exception::{err, raise, ATTRIBUTE_ERROR, TYPE_ERROR};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::{PyResult, TypeObject};

/// `repr(v)` as a str value.
pub fn repr(v: &Value) -> PyResult<Value> {
    match v.ty().repr {
        Some(f) => f(v),
        None => Ok(from_string(default_repr(v))),
    }
}

/// `repr(v)` as a Rust string.
pub fn repr_string(v: &Value) -> PyResult<String> {
    let r = repr(v)?;
    Ok(as_str(&r).map(|s| s.to_string()).unwrap_or_default())
}

/// `<T object at 0x...>`, the repr of objects without one.
pub fn default_repr(v: &Value) -> String {
    format!(
        "<{} object at {:#x}>",
        qualified_type_name(v.ty()),
        v.payload
    )
}

/// A type's name as reprs show it (`__main__.Foo.Inner`: module and qualified name for
/// classes, `int` for built-ins).
pub fn qualified_type_name(t: &TypeObject) -> String {
    if t.flags & crate::objects::flags::HEAPTYPE != 0 {
        let d = t.dict().downcast_ref::<Dict>();
        let get = |k: &str| d.and_then(|d| d.get_str(&new_str(k)));
        let q = crate::objects::type_::qualname(t);
        let qual = as_str(&q)
            .map(|s| s.to_string())
            .unwrap_or_else(|| t.name.to_string());
        if let Some(m) = get("__module__") {
            if let Some(m) = as_str(&m) {
                if &*m != "builtins" {
                    return format!("{}.{}", &*m, qual);
                }
            }
        }
        return qual;
    }
    t.name.to_string()
}

/// `str(v)` as a str value.
pub fn str_of(v: &Value) -> PyResult<Value> {
    if v.is_small_str() || (v.is_obj() && ptr::eq(v.ty(), &crate::objects::str::STR_TYPE)) {
        return Ok(v.clone());
    }
    match v.ty().str {
        Some(f) => f(v),
        None => repr(v),
    }
}

/// `str(v)` as a Rust string.
pub fn str_string(v: &Value) -> PyResult<String> {
    let s = str_of(v)?;
    Ok(as_str(&s).map(|s| s.to_string()).unwrap_or_default())
}

/// `hash(v)`.
pub fn hash(v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(crate::objects::int::hash_i64(i));
    }
    if v.is_small_str() {
        return Ok(crate::objects::str::str_hash(v));
    }
    match v.ty().hash {
        Some(f) => f(v),
        // As CPython's slot inheritance: a built-in type that defines no comparison keeps
        // `object`'s identity hash; one that defines `==` without a hash is unhashable.
        None if v.ty().richcompare.is_none() => Ok(crate::objects::object::identity_hash(v)),
        None => err(&TYPE_ERROR, format!("unhashable type: '{}'", v.type_name())),
    }
}

/// Truth value: `bool(v)`.
#[inline]
pub fn truthy(v: &Value) -> PyResult<bool> {
    match crate::ops::kernels::inline_truth(v) {
        Some(t) => Ok(t),
        None => truthy_slow(v),
    }
}

fn truthy_slow(v: &Value) -> PyResult<bool> {
    let t = v.ty();
    if let Some(f) = t.bool_ {
        return f(v);
    }
    if let Some(f) = t.len {
        return Ok(f(v)? != 0);
    }
    Ok(true)
}

/// The instance dict of `v`, if its type has one (creating it on first use).
pub fn instance_dict(v: &Value) -> Option<Value> {
    let off = v.ty().dict_offset;
    if off == 0 || !v.is_obj() {
        return None;
    }
    if v.ty().flags & crate::objects::flags::INLINE_VALUES != 0 {
        return Some(crate::objects::instance::materialize(v));
    }
    // SAFETY: `dict_offset` is the offset of an `UnsafeCell<Value>` inside objects of this type.
    unsafe {
        let cell = &*((v.obj_ptr() as *const u8).add(off) as *const std::cell::UnsafeCell<Value>);
        let slot = &mut *cell.get();
        if slot.is_null() {
            *slot = crate::objects::dict::new_dict();
        }
        Some(slot.clone())
    }
}

/// Reads `name` from the instance dict of `v`, if any.
pub fn get_instance_dict_item(v: &Value, name: &str) -> Option<Value> {
    instance_attr(v, &new_str(name)).ok().flatten()
}

/// The attribute `name` stored on the instance `v` itself (its `__dict__` or compact values),
/// without looking at the class. `name` is a str.
#[inline]
pub fn instance_attr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let ty = v.ty();
    if ty.dict_offset == 0 || !v.is_obj() {
        return Ok(None);
    }
    if ty.flags & crate::objects::flags::INLINE_VALUES != 0 {
        return crate::objects::instance::get(v, name);
    }
    // SAFETY: `dict_offset` is the offset of an `UnsafeCell<Value>` inside objects of this type.
    let d = unsafe {
        &*(*((v.obj_ptr() as *const u8).add(ty.dict_offset) as *const std::cell::UnsafeCell<Value>))
            .get()
    };
    match d.downcast_ref::<Dict>() {
        Some(d) => d.get_item(name),
        None => Ok(None),
    }
}

/// Stores `name` in the instance dict of `v`.
pub fn set_instance_dict_item(v: &Value, name: &str, val: Value) -> PyResult<()> {
    match instance_dict(v) {
        Some(d) => d
            .downcast_ref::<Dict>()
            .unwrap()
            .set_item(new_str(name), val),
        None => Ok(()),
    }
}

/// `getattr(v, name)`, raising AttributeError when missing.
pub fn getattr(v: &Value, name: &Value) -> PyResult<Value> {
    match getattr_opt(v, name) {
        Ok(Some(x)) => Ok(x),
        Ok(None) => Err(attribute_error(v, name)),
        Err(e) => {
            add_attribute_error_context(v, name);
            Err(e)
        }
    }
}

/// As CPython's `set_attribute_error_context`: an AttributeError escaping an attribute lookup
/// (e.g. raised by `__getattr__`) gets the lookup's `name` and `obj` unless it has them, so
/// the traceback printer can suggest a close name.
fn add_attribute_error_context(v: &Value, name: &Value) {
    let e = crate::vm::thread::peek_raised();
    if !e.is_obj() || !e.ty().is_subtype(&ATTRIBUTE_ERROR) {
        return;
    }
    let unset = |k: &str| get_instance_dict_item(&e, k).is_none_or(|x| x.is_none());
    if unset("name") && unset("obj") {
        let _ = set_instance_dict_item(&e, "name", name.clone());
        let _ = set_instance_dict_item(&e, "obj", v.clone());
    }
}

/// `getattr(v, "name")` with a Rust name.
pub fn getattr_str(v: &Value, name: &str) -> PyResult<Value> {
    getattr(v, &new_str(name))
}

/// Raises CPython's AttributeError for a missing attribute.
pub fn attribute_error(v: &Value, name: &Value) -> crate::objects::Raised {
    let n = as_str(name).map(|s| s.to_string()).unwrap_or_default();
    let msg = if let Some(t) = as_type(v) {
        format!("type object '{}' has no attribute '{}'", t.name, n)
    } else if let Some(m) = v.downcast_ref::<crate::objects::module::Module>() {
        if crate::vm::import::is_initializing(&m.name()) {
            format!(
                "partially initialized module '{}' has no attribute '{}' (most likely due to a circular import)",
                m.name(),
                n
            )
        } else {
            format!("module '{}' has no attribute '{}'", m.name(), n)
        }
    } else {
        format!("'{}' object has no attribute '{}'", v.type_name(), n)
    };
    let e = crate::objects::exception::new_exception_msg(&ATTRIBUTE_ERROR, msg);
    let _ = set_instance_dict_item(&e, "name", name.clone());
    let _ = set_instance_dict_item(&e, "obj", v.clone());
    crate::objects::exception::raise_value(e)
}

/// Attribute lookup returning `None` instead of raising AttributeError.
pub fn getattr_opt(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    match v.ty().getattr {
        Some(f) => f(v, name),
        None => generic_getattr(v, name),
    }
}

/// The value as a type object, if it is one.
pub fn as_type(v: &Value) -> Option<&'static TypeObject> {
    if v.is_obj() && v.ty().is_subtype(&crate::objects::TYPE_TYPE) {
        // SAFETY: objects whose type is a subtype of `type` are TypeObjects; types are immortal.
        Some(unsafe { &*(v.obj_ptr() as *const TypeObject) })
    } else {
        None
    }
}

/// Whether a descriptor found on a type is a data descriptor (has `__set__` or `__delete__`).
pub fn is_data_descriptor(d: &Value) -> bool {
    if d.downcast_ref::<GetSetDescr>().is_some()
        || d.downcast_ref::<crate::objects::descriptors::Property>()
            .is_some()
        || d.downcast_ref::<crate::objects::descriptors::SlotMember>()
            .is_some()
    {
        return true;
    }
    let t = d.ty();
    if t.descr_set.is_some() {
        return true;
    }
    t.flags & crate::objects::flags::HEAPTYPE != 0
        && (t.lookup_str("__set__").is_some() || t.lookup_str("__delete__").is_some())
}

/// Binds a class attribute found on `ty` for instance `obj` (descriptor `__get__`).
pub fn bind_descriptor(attr: Value, obj: Option<&Value>, ty: &TypeObject) -> PyResult<Value> {
    match attr.ty().descr_get {
        Some(get) => get(&attr, obj, ty),
        None => Ok(attr),
    }
}

/// `object.__getattribute__`: data descriptors on the type, then the instance dict, then other
/// class attributes (binding methods).
pub fn generic_getattr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let ty = v.ty();
    let cls_attr = ty.lookup(name);
    if let Some(a) = &cls_attr {
        if is_data_descriptor(a) {
            return bind_descriptor(a.clone(), Some(v), ty).map(Some);
        }
    }
    if let Some(x) = instance_attr(v, name)? {
        return Ok(Some(x));
    }
    match cls_attr {
        Some(a) => bind_descriptor(a, Some(v), ty).map(Some),
        None => Ok(None),
    }
}

/// The AttributeError of deleting a missing instance attribute: unlike a failed lookup's, it
/// carries no `name`/`obj` (so no "Did you mean"), as in CPython.
fn delete_missing_error(ty: &TypeObject, name: &Value) -> crate::objects::Raised {
    let n = as_str(name).map(|s| s.to_string()).unwrap_or_default();
    raise(
        &ATTRIBUTE_ERROR,
        format!("'{}' object has no attribute '{}'", ty.name, n),
    )
}

/// `setattr(v, name, val)`, or `delattr` when `val` is `None`.
pub fn setattr(v: &Value, name: &Value, val: Option<Value>) -> PyResult<()> {
    match v.ty().setattr {
        Some(f) => f(v, name, val),
        None => generic_setattr(v, name, val),
    }
}

/// `object.__setattr__`: data descriptors, then the instance dict.
pub fn generic_setattr(v: &Value, name: &Value, val: Option<Value>) -> PyResult<()> {
    let ty = v.ty();
    if let Some(a) = ty.lookup(name) {
        if let Some(set) = a.ty().descr_set {
            return set(&a, v, val);
        }
        if a.downcast_ref::<crate::objects::descriptors::Property>()
            .is_some()
        {
            return crate::objects::descriptors::property_set(&a, v, val);
        }
        if a.downcast_ref::<crate::objects::descriptors::SlotMember>()
            .is_some()
        {
            return crate::objects::descriptors::slot_member_set(&a, v, val);
        }
        if a.ty().flags & crate::objects::flags::HEAPTYPE != 0 {
            let (m, args) = match &val {
                Some(x) => (
                    a.ty().lookup_str("__set__"),
                    vec![a.clone(), v.clone(), x.clone()],
                ),
                None => (a.ty().lookup_str("__delete__"), vec![a.clone(), v.clone()]),
            };
            if let Some(m) = m {
                return crate::vm::call::call(&m, &args, &[]).map(|_| ());
            }
        }
        if let Some(gs) = a.downcast_ref::<GetSetDescr>() {
            return match gs.def.set {
                Some(set) => set(v, val),
                None => err(
                    &ATTRIBUTE_ERROR,
                    format!(
                        "attribute '{}' of '{}' objects is not writable",
                        gs.def.name, ty.name
                    ),
                ),
            };
        }
    }
    if ty.flags & crate::objects::flags::INLINE_VALUES != 0 && v.is_obj() {
        let had = crate::objects::instance::set(v, name, val.clone())?;
        if !had && val.is_none() {
            return Err(delete_missing_error(ty, name));
        }
        return Ok(());
    }
    let Some(d) = instance_dict(v) else {
        let n = as_str(name).map(|s| s.to_string()).unwrap_or_default();
        let has = ty.lookup(name).is_some();
        let msg = if has {
            format!("'{}' object attribute '{}' is read-only", ty.name, n)
        } else {
            format!("'{}' object has no attribute '{}'", ty.name, n)
        };
        return Err(raise(&ATTRIBUTE_ERROR, msg));
    };
    let d = d.downcast_ref::<Dict>().unwrap();
    match val {
        Some(x) => d.set_item(name.clone(), x),
        None => {
            if d.del_item(name)?.is_none() {
                return Err(delete_missing_error(ty, name));
            }
            Ok(())
        }
    }
}
