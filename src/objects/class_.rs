//! Classes: heap types created by `class` statements and `type(name, bases, ns)`.
//!
//! A class is a [`TypeObject`] allocated at run time (and kept for the process, like every type).
//! Its MRO is computed by C3; its slots are *slot wrappers* that look the matching dunder up on
//! the type and call it, so `a + b` on instances reaches `__add__`/`__radd__` through the same
//! slot dispatch as built-in types. Instances are the base's payload plus an instance dict
//! ([`crate::objects::WithDict`]); exceptions already carry a dict.
//!
//! The type's `version` changes whenever its dict (or a base's) changes, for caches.

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;

use crate::abi::{ObjHeader, Value};
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{err, raise, ATTRIBUTE_ERROR, TYPE_ERROR};
use crate::objects::function::Function;
use crate::objects::none::{is_not_implemented, not_implemented};
use crate::objects::object::OBJECT_TYPE;
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::{flags, CmpOp, NbOp, PyResult, TypeObject, NB_COUNT, TYPE_TYPE};
use crate::ops::object::as_type;
use crate::vm::call::call;

/// Calls the dunder `name` of `v`'s type with `v` as self; `Ok(None)` when the type has none.
pub fn call_special(v: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(attr) = v.ty().lookup_str(name) else {
        return Ok(None);
    };
    if attr.is_none() {
        return Ok(None);
    }
    if attr.downcast_ref::<Function>().is_some() {
        // `self` then the arguments; on the stack for the common short lists (a binary
        // operator's one operand), no allocation per call.
        return match args {
            [] => call(&attr, std::slice::from_ref(v), &[]),
            [a] => call(&attr, &[v.clone(), a.clone()], &[]),
            [a, b] => call(&attr, &[v.clone(), a.clone(), b.clone()], &[]),
            _ => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(v.clone());
                all.extend_from_slice(args);
                call(&attr, &all, &[])
            }
        }
        .map(Some);
    }
    let bound = crate::ops::object::bind_descriptor(attr, Some(v), v.ty())?;
    call(&bound, args, &[]).map(Some)
}

fn special_or<T>(
    v: &Value,
    name: &str,
    args: &[Value],
    f: impl FnOnce(Value) -> PyResult<T>,
) -> PyResult<T> {
    match call_special(v, name, args)? {
        Some(r) => f(r),
        None => err(
            &TYPE_ERROR,
            format!("'{}' object has no attribute '{}'", v.type_name(), name),
        ),
    }
}

fn slot_repr(v: &Value) -> PyResult<Value> {
    match call_special(v, "__repr__", &[])? {
        Some(r) if as_str(&r).is_some() => Ok(r),
        Some(r) => err(
            &TYPE_ERROR,
            format!("__repr__ returned non-string (type {})", r.type_name()),
        ),
        None => Ok(crate::objects::str::from_string(
            crate::ops::object::default_repr(v),
        )),
    }
}

fn slot_str(v: &Value) -> PyResult<Value> {
    match call_special(v, "__str__", &[])? {
        Some(r) if as_str(&r).is_some() => Ok(r),
        Some(r) => err(
            &TYPE_ERROR,
            format!("__str__ returned non-string (type {})", r.type_name()),
        ),
        None => slot_repr(v),
    }
}

fn slot_hash(v: &Value) -> PyResult<i64> {
    let attr = v.ty().lookup_str("__hash__");
    match attr {
        Some(a) if a.is_none() => err(&TYPE_ERROR, format!("unhashable type: '{}'", v.type_name())),
        Some(a) if a.downcast_ref::<Function>().is_some() => {
            let r = call(&a, std::slice::from_ref(v), &[])?;
            match crate::objects::int::as_int(&r) {
                Some(crate::objects::int::IntRef::Small(i)) => Ok(if i == -1 { -2 } else { i }),
                Some(crate::objects::int::IntRef::Big(b)) => {
                    Ok(crate::objects::int::hash_integer(b))
                }
                None => err(&TYPE_ERROR, "__hash__ method should return an integer"),
            }
        }
        _ => Ok(crate::objects::object::identity_hash(v)),
    }
}

const CMP_NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

fn slot_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if let Some(r) = call_special(a, CMP_NAMES[op as usize], std::slice::from_ref(b))? {
        return Ok(r);
    }
    // `__ne__` defaults to the inverse of `__eq__`.
    if op == CmpOp::Ne {
        if let Some(r) = call_special(a, "__eq__", std::slice::from_ref(b))? {
            if is_not_implemented(&r) {
                return Ok(r);
            }
            return Ok(Value::bool(!crate::ops::object::truthy(&r)?));
        }
    }
    match op {
        CmpOp::Eq if a.is(b) => Ok(Value::TRUE),
        CmpOp::Ne if a.is(b) => Ok(Value::FALSE),
        _ => Ok(not_implemented()),
    }
}

fn slot_bool(v: &Value) -> PyResult<bool> {
    if let Some(r) = call_special(v, "__bool__", &[])? {
        if !r.is_bool() {
            return err(
                &TYPE_ERROR,
                format!("__bool__ should return bool, returned {}", r.type_name()),
            );
        }
        return Ok(r.payload != 0);
    }
    if v.ty().lookup_str("__len__").is_some() {
        return Ok(slot_len(v)? != 0);
    }
    Ok(true)
}

fn slot_len(v: &Value) -> PyResult<usize> {
    special_or(v, "__len__", &[], |r| {
        let i = crate::ops::number::index(&r).map_err(|_| {
            crate::vm::thread::take_raised();
            raise(
                &TYPE_ERROR,
                format!(
                    "'{}' object cannot be interpreted as an integer",
                    r.type_name()
                ),
            )
        })?;
        match i.as_small_int() {
            Some(n) if n >= 0 => Ok(n as usize),
            Some(_) => err(
                &crate::objects::exception::VALUE_ERROR,
                "__len__() should return >= 0",
            ),
            None => err(
                &crate::objects::exception::OVERFLOW_ERROR,
                "cannot fit 'int' into an index-sized integer",
            ),
        }
    })
}

fn slot_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    match call_special(v, "__getitem__", std::slice::from_ref(k))? {
        Some(r) => Ok(r),
        None => err(
            &TYPE_ERROR,
            format!("'{}' object is not subscriptable", v.type_name()),
        ),
    }
}

fn slot_setitem(v: &Value, k: &Value, x: Option<Value>) -> PyResult<()> {
    let r = match x {
        Some(x) => call_special(v, "__setitem__", &[k.clone(), x])?,
        None => call_special(v, "__delitem__", std::slice::from_ref(k))?,
    };
    match r {
        Some(_) => Ok(()),
        None => err(
            &TYPE_ERROR,
            format!(
                "'{}' object does not support item assignment",
                v.type_name()
            ),
        ),
    }
}

fn slot_contains(v: &Value, k: &Value) -> PyResult<bool> {
    match call_special(v, "__contains__", std::slice::from_ref(k))? {
        Some(r) => crate::ops::object::truthy(&r),
        None => {
            let it = crate::ops::sequence::iter(v)?;
            while let Some(x) = crate::ops::sequence::next(&it)? {
                if crate::ops::compare::eq(&x, k)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn slot_iter(v: &Value) -> PyResult<Value> {
    if let Some(a) = v.ty().lookup_str("__iter__") {
        if a.is_none() {
            return err(
                &TYPE_ERROR,
                format!("'{}' object is not iterable", v.type_name()),
            );
        }
        let it = call_special(v, "__iter__", &[])?.unwrap();
        if it.ty().next.is_none() {
            return err(
                &TYPE_ERROR,
                format!("iter() returned non-iterator of type '{}'", it.type_name()),
            );
        }
        return Ok(it);
    }
    if v.ty().lookup_str("__getitem__").is_some() {
        return Ok(crate::objects::iterators::new_seq_iter(v.clone()));
    }
    err(
        &TYPE_ERROR,
        format!("'{}' object is not iterable", v.type_name()),
    )
}

fn slot_next(v: &Value) -> PyResult<Option<Value>> {
    match call_special(v, "__next__", &[]) {
        Ok(Some(r)) => Ok(Some(r)),
        Ok(None) => err(
            &TYPE_ERROR,
            format!("'{}' object is not an iterator", v.type_name()),
        ),
        Err(e) => {
            if crate::objects::exception::raised_matches(&crate::objects::exception::STOP_ITERATION)
            {
                crate::vm::thread::take_raised();
                return Ok(None);
            }
            Err(e)
        }
    }
}

fn slot_call(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(attr) = v.ty().lookup_str("__call__") else {
        return err(
            &TYPE_ERROR,
            format!("'{}' object is not callable", v.type_name()),
        );
    };
    if attr.downcast_ref::<Function>().is_some() {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(v.clone());
        all.extend_from_slice(args);
        return call(&attr, &all, kwnames);
    }
    let bound = crate::ops::object::bind_descriptor(attr, Some(v), v.ty())?;
    call(&bound, args, kwnames)
}

/// `__getattribute__` overrides and the `__getattr__` fallback.
fn slot_getattr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let ty = v.ty();
    let custom = ty.lookup_str("__getattribute__").filter(|a| {
        a.downcast_ref::<crate::objects::builtin_function::MethodDescr>()
            .is_none()
    });
    let has_custom = custom.is_some();
    let r = match custom {
        Some(ga) => match call(&ga, &[v.clone(), name.clone()], &[]) {
            Ok(x) => Ok(Some(x)),
            Err(e) => {
                if crate::objects::exception::raised_matches(&ATTRIBUTE_ERROR) {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        },
        None => crate::ops::object::generic_getattr(v, name),
    }?;
    if r.is_some() {
        return Ok(r);
    }
    if let Some(ga) = ty.lookup_str("__getattr__") {
        crate::vm::thread::take_raised();
        return call(&ga, &[v.clone(), name.clone()], &[]).map(Some);
    }
    if has_custom && crate::vm::thread::is_raised() {
        return Err(crate::objects::Raised);
    }
    Ok(None)
}

fn slot_setattr(v: &Value, name: &Value, x: Option<Value>) -> PyResult<()> {
    let ty = v.ty();
    let custom = match &x {
        Some(_) => ty.lookup_str("__setattr__"),
        None => ty.lookup_str("__delattr__"),
    }
    .filter(|a| a.downcast_ref::<Function>().is_some());
    match (custom, x) {
        (Some(f), Some(x)) => call(&f, &[v.clone(), name.clone(), x], &[]).map(|_| ()),
        (Some(f), None) => call(&f, &[v.clone(), name.clone()], &[]).map(|_| ()),
        (None, x) => crate::ops::object::generic_setattr(v, name, x),
    }
}

fn slot_descr_get(d: &Value, obj: Option<&Value>, ty: *const TypeObject) -> PyResult<Value> {
    let Some(get) = d.ty().lookup_str("__get__") else {
        return Ok(d.clone());
    };
    // SAFETY: `ty` is a live type.
    let t = unsafe { (*ty).to_value() };
    call(
        &get,
        &[d.clone(), obj.cloned().unwrap_or(Value::NONE), t],
        &[],
    )
}

fn slot_binary(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    let (name, rname, _) = op.dunders();
    let wrapper = SLOT_NB[op as usize];
    let a_heap = a.ty().nb[op as usize].is_some_and(|f| f as usize == wrapper as usize);
    let b_heap = b.ty().nb[op as usize].is_some_and(|f| f as usize == wrapper as usize);
    let same = std::ptr::eq(a.ty(), b.ty());
    let mut tried_reflected = false;
    if a_heap {
        if b_heap && !same && b.ty().is_subtype(a.ty()) {
            let rb = b.ty().lookup_str(rname);
            if rb.is_some()
                && !rb
                    .as_ref()
                    .unwrap()
                    .is(&a.ty().lookup_str(rname).unwrap_or_default())
            {
                tried_reflected = true;
                if let Some(r) = call_special(b, rname, std::slice::from_ref(a))? {
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(r) = call_special(a, name, std::slice::from_ref(b))? {
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if b_heap && !same && !tried_reflected {
        if let Some(r) = call_special(b, rname, std::slice::from_ref(a))? {
            return Ok(r);
        }
    }
    Ok(not_implemented())
}

fn slot_inplace(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    let (_, _, iname) = op.dunders();
    match call_special(a, iname, std::slice::from_ref(b))? {
        Some(r) => Ok(r),
        None => Ok(not_implemented()),
    }
}

macro_rules! nb_wrappers {
    ($($i:literal),*) => {
        /// The binary slot wrappers of classes, by operator.
        const SLOT_NB: [crate::objects::BinaryFn; NB_COUNT] = [$(|a, b| slot_binary(a, b, NbOp::ALL[$i])),*];
        const SLOT_NB_INPLACE: [crate::objects::BinaryFn; NB_COUNT] = [$(|a, b| slot_inplace(a, b, NbOp::ALL[$i])),*];
    };
}
nb_wrappers!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

fn unary_special(v: &Value, name: &str, sym: &str) -> PyResult<Value> {
    match call_special(v, name, &[])? {
        Some(r) => Ok(r),
        None => err(
            &TYPE_ERROR,
            format!("bad operand type for {}: '{}'", sym, v.type_name()),
        ),
    }
}

fn slot_index(v: &Value) -> PyResult<Value> {
    match call_special(v, "__index__", &[])? {
        Some(r) if crate::objects::int::is_int(&r) => Ok(r),
        Some(r) => err(
            &TYPE_ERROR,
            format!("__index__ returned non-int (type {})", r.type_name()),
        ),
        None => err(
            &TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        ),
    }
}

/// Fills the slots of a new class from the dunders its MRO defines.
fn install_slots(t: &mut TypeObject) {
    // Dunders defined by the class or its class bases (built-in bases keep their own slots).
    let mut names = std::collections::HashSet::new();
    for &x in t.mro() {
        // SAFETY: MRO entries are live types.
        let x = unsafe { &*x };
        if x.flags & flags::HEAPTYPE == 0 {
            continue;
        }
        if let Some(d) = x.dict().downcast_ref::<Dict>() {
            for k in d.keys() {
                if let Some(s) = as_str(&k) {
                    if s.starts_with("__") {
                        names.insert(s.to_string());
                    }
                }
            }
        }
    }
    let defines = |n: &str| names.contains(n);
    if defines("__repr__") {
        t.repr = Some(slot_repr);
    }
    if defines("__str__") {
        t.str = Some(slot_str);
    }
    if defines("__hash__") || defines("__eq__") {
        t.hash = Some(slot_hash);
    }
    if CMP_NAMES.iter().any(|n| defines(n)) {
        t.richcompare = Some(slot_richcompare);
    }
    if defines("__bool__") || defines("__len__") {
        t.bool_ = Some(slot_bool);
    }
    if defines("__len__") {
        t.len = Some(slot_len);
    }
    if defines("__getitem__") {
        t.getitem = Some(slot_getitem);
    }
    if defines("__setitem__") || defines("__delitem__") {
        t.setitem = Some(slot_setitem);
    }
    if defines("__contains__") {
        t.contains = Some(slot_contains);
    }
    if defines("__iter__") || (defines("__getitem__") && t.iter.is_none()) {
        t.iter = Some(slot_iter);
    }
    if defines("__next__") {
        t.next = Some(slot_next);
    }
    if defines("__call__") {
        t.call = Some(slot_call);
    }
    if defines("__getattribute__") || defines("__getattr__") {
        t.getattr = Some(slot_getattr);
    }
    if defines("__setattr__") || defines("__delattr__") {
        t.setattr = Some(slot_setattr);
    }
    if defines("__get__") {
        t.descr_get = Some(slot_descr_get);
    }
    for op in NbOp::ALL {
        let (n, r, i) = op.dunders();
        if defines(n) || defines(r) {
            t.nb[op as usize] = Some(SLOT_NB[op as usize]);
        }
        if defines(i) {
            t.nb_inplace[op as usize] = Some(SLOT_NB_INPLACE[op as usize]);
        }
    }
    if defines("__neg__") {
        t.neg = Some(|v| unary_special(v, "__neg__", "unary -"));
    }
    if defines("__pos__") {
        t.pos = Some(|v| unary_special(v, "__pos__", "unary +"));
    }
    if defines("__invert__") {
        t.invert = Some(|v| unary_special(v, "__invert__", "unary ~"));
    }
    if defines("__abs__") {
        t.abs = Some(|v| unary_special(v, "__abs__", "abs()"));
    }
    if defines("__index__") {
        t.index = Some(slot_index);
    }
    if defines("__int__") {
        t.int = Some(|v| unary_special(v, "__int__", "int()"));
    }
    if defines("__float__") {
        t.float = Some(|v| unary_special(v, "__float__", "float()"));
    }
}

/// How instances of class `t` are freed once any `__del__` has run: the built-in layout's
/// deallocator (wrapped with an instance dict when the class derives from a built-in type).
fn layout_dealloc(t: &TypeObject) -> unsafe fn(*mut ObjHeader) {
    if t.flags & (flags::INLINE_VALUES | flags::SLOT_VALUES) != 0 {
        return crate::objects::instance::dealloc_instance;
    }
    let layout = solid_layout(t);
    if t.flags & flags::WRAPS_DICT != 0 {
        if let Some(sl) = layout.sub_layout {
            return sl.dealloc;
        }
    }
    layout.dealloc
}

/// Byte offset of the storage for the instance dict of class `t` (its `dict_offset`, unless
/// `__slots__` hid the dict and zeroed that).
fn storage_dict_offset(t: &TypeObject) -> usize {
    if t.flags & (flags::INLINE_VALUES | flags::SLOT_VALUES) != 0 {
        return crate::objects::instance::DICT_OFFSET;
    }
    let layout = solid_layout(t);
    if t.flags & flags::WRAPS_DICT != 0 {
        if let Some(sl) = layout.sub_layout {
            return sl.dict_offset;
        }
    }
    layout.dict_offset
}

/// The deallocator of classes that define `__del__`: runs the finalizer at the last reference
/// (CPython's deterministic finalization), then frees the object unless `__del__` resurrected
/// it. An exception from `__del__` is reported as "Exception ignored in: ..." and dropped; an
/// exception already in flight (the object died during unwinding) is preserved.
///
/// # Safety
/// `p` is an object of a class whose refcount just reached zero.
unsafe fn dealloc_with_del(p: *mut ObjHeader) {
    let ty = &*(*p).ty;
    // Resurrect for the duration of the call: `v` holds the one reference.
    (*p).refcnt.set(1);
    let v = Value::from_owned_ptr(p);
    if let Some(del) = ty.lookup_str("__del__") {
        let saved = crate::vm::thread::take_raised();
        if call(&del, std::slice::from_ref(&v), &[]).is_err() {
            let e = crate::vm::thread::take_raised();
            crate::vm::traceback::print_unraisable(&e, &del);
        }
        if !saved.is_null() {
            crate::vm::thread::restore_raised(saved);
        }
    }
    let (payload, _) = v.into_raw();
    let p = payload as *mut ObjHeader;
    let n = (*p).refcnt.get() - 1;
    (*p).refcnt.set(n);
    if n == 0 {
        // As CPython's subtype_dealloc: weak references are cleared after the finalizer.
        crate::objects::weakref::clear_on_dealloc(p);
        layout_dealloc(ty)(p);
    }
}

/// The deallocator of weakly referenceable classes without `__del__` once an instance has had
/// a weak reference: clears the weak references (a single compare when none is alive), then
/// frees through the layout.
///
/// # Safety
/// `p` is an object of a class whose refcount just reached zero.
unsafe fn dealloc_weakrefable_instance(p: *mut ObjHeader) {
    crate::objects::weakref::clear_on_dealloc(p);
    layout_dealloc(&*(*p).ty)(p);
}

/// Called when an instance of `t` gets its first weak reference: makes sure the class's
/// deallocator clears weak references. Classes start with their layout's plain deallocator,
/// so instances of classes that are never weakly referenced pay nothing for it.
pub fn enable_weakref_clearing(t: &TypeObject) {
    if t.flags & flags::HEAPTYPE == 0
        || std::ptr::eq(solid_layout(t), &TYPE_TYPE)
        || std::ptr::fn_addr_eq(t.dealloc, dealloc_with_del as unsafe fn(*mut ObjHeader))
        || std::ptr::fn_addr_eq(
            t.dealloc,
            dealloc_weakrefable_instance as unsafe fn(*mut ObjHeader),
        )
    {
        return;
    }
    // SAFETY: classes are leaked boxes (`type_new`) that are never freed; `dealloc` is plain
    // data read only when an instance is freed, and no reference to the field is held.
    unsafe {
        let tm = t as *const TypeObject as *mut TypeObject;
        (*tm).dealloc = dealloc_weakrefable_instance;
    }
}

/// Built-in layouts with variable-size instances in CPython (no named `__slots__` in
/// subclasses).
static VARIABLE_SIZE: [&TypeObject; 4] = [
    &crate::objects::int::INT_TYPE,
    &crate::objects::bytes::BYTES_TYPE,
    &crate::objects::tuple::TUPLE_TYPE,
    &TYPE_TYPE,
];

/// Private-name mangling of a `__slots__` entry (`__x` in class `C` is `_C__x`).
fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// C3 linearization of `bases` (each a type) into the MRO of a class.
fn c3_mro(t: *const TypeObject, bases: &[&'static TypeObject]) -> PyResult<Vec<*const TypeObject>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| std::ptr::eq(*o, *b)) {
            return err(&TYPE_ERROR, format!("duplicate base class {}", b.name));
        }
    }
    let mut seqs: Vec<Vec<*const TypeObject>> = bases.iter().map(|b| b.mro().to_vec()).collect();
    seqs.push(bases.iter().map(|b| *b as *const TypeObject).collect());
    let mut out = vec![t];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = s[0];
            if !seqs.iter().any(|o| o[1..].contains(&head)) {
                cand = Some(head);
                break;
            }
        }
        let Some(c) = cand else {
            // CPython names the distinct heads of the lists left to merge.
            let mut heads: Vec<*const TypeObject> = Vec::new();
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            // SAFETY: MRO entries are live types.
            let names: Vec<&str> = heads.iter().map(|&h| unsafe { (*h).name }).collect();
            return err(
                &TYPE_ERROR,
                format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                ),
            );
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// The "solid base" whose instance layout a class inherits: the most derived built-in layout.
fn solid_layout(t: &TypeObject) -> &'static TypeObject {
    // SAFETY: layouts are immortal types.
    unsafe { &*t.layout }
}

/// The class that fixes the memory layout of `t`'s instances, for choosing a best base
/// (CPython's `solid_base`): the most derived class that added slot values, else the
/// built-in layout. Two bases whose solid bases are unrelated cannot be combined.
fn solid_base(t: &TypeObject) -> &TypeObject {
    let mut t = t;
    while t.flags & flags::SLOT_VALUES != 0 {
        // SAFETY: base pointers are immortal types.
        let base = unsafe { &*t.base };
        if base.flags & flags::SLOT_VALUES == 0 || base.slot_count.get() != t.slot_count.get() {
            return t;
        }
        t = base;
    }
    solid_layout(t)
}

/// `type(name, bases, ns, **kw)` / the end of a `class` statement: creates the class (`kw`,
/// values then names, goes to `__init_subclass__`).
pub fn type_new(
    meta: *const TypeObject,
    name: &Value,
    bases: &Value,
    ns: &Value,
    kwargs: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let Some(name_s) = as_str(name).map(|s| s.to_string()) else {
        return err(&TYPE_ERROR, "type.__new__() argument 1 must be str");
    };
    let base_vals = tuple_items(bases).to_vec();
    let mut base_types: Vec<&'static TypeObject> = Vec::new();
    for b in &base_vals {
        match as_type(b) {
            Some(t) => {
                if t.flags & flags::BASETYPE == 0 {
                    return err(
                        &TYPE_ERROR,
                        format!("type '{}' is not an acceptable base type", t.name),
                    );
                }
                base_types.push(t)
            }
            None => return err(&TYPE_ERROR, "bases must be types"),
        }
    }
    if base_types.is_empty() {
        base_types.push(&OBJECT_TYPE);
    }
    // The best base: the one with the most derived layout.
    let mut best = base_types[0];
    for &b in &base_types[1..] {
        let (lb, lbest) = (solid_base(b), solid_base(best));
        if lbest.is_subtype(lb) {
            // The earlier base wins ties.
        } else if lb.is_subtype(lbest) {
            best = b;
        } else {
            return err(&TYPE_ERROR, "multiple bases have instance lay-out conflict");
        }
    }
    let ns_dict = ns
        .downcast_ref::<Dict>()
        .ok_or(())
        .or_else(|_| err(&TYPE_ERROR, "type() argument 3 must be dict"))?;
    let dict = crate::objects::dict::dict_from_pairs(ns_dict.items())?;
    let d = dict.downcast_ref::<Dict>().unwrap();
    let layout = solid_layout(best);
    let slots = d.get_str(&new_str("__slots__"));
    let mut tflags = flags::HEAPTYPE
        | flags::BASETYPE
        | (best.flags & (flags::EXCEPTION | flags::NEW_TAKES_ARGS));
    // A class based on a class shares its storage (whose dict `__slots__` may hide: the offset
    // comes from the layout, not the base's `dict_offset`); the deallocator may be wrapped
    // below (`__del__`, weak references).
    let (dealloc, dict_offset) = if best.flags & flags::HEAPTYPE != 0 {
        tflags |= best.flags & (flags::WRAPS_DICT | flags::INLINE_VALUES | flags::SLOT_VALUES);
        (layout_dealloc(best), storage_dict_offset(best))
    } else if std::ptr::eq(layout, &OBJECT_TYPE) && slots.is_none() {
        tflags |= flags::INLINE_VALUES;
        (
            crate::objects::instance::dealloc_instance as unsafe fn(*mut ObjHeader),
            crate::objects::instance::DICT_OFFSET,
        )
    } else if layout.dict_offset != 0 || std::ptr::eq(layout, &TYPE_TYPE) {
        // Exceptions carry their own dict; metaclass instances are classes (immortal).
        (layout.dealloc, layout.dict_offset)
    } else {
        match layout.sub_layout {
            Some(sl) => {
                tflags |= flags::WRAPS_DICT;
                (sl.dealloc, sl.dict_offset)
            }
            None => {
                return err(
                    &TYPE_ERROR,
                    format!("type '{}' is not an acceptable base type", best.name),
                )
            }
        }
    };
    let mut slot_names = Vec::new();
    // CPython's `may_add_dict` / `may_add_weak`: the best base has no `__dict__`, and no
    // weak-reference support (nor variable-size instances: `int`, `tuple`, `bytes`, `type`).
    let base_has_dict = best.dict_offset != 0;
    let base_has_weakref = has_weakref(best);
    let variable_size = VARIABLE_SIZE.iter().any(|&v| std::ptr::eq(layout, v));
    let mut added = AddedLayout {
        dict: !base_has_dict,
        weakref: !base_has_weakref && !variable_size,
        slots: Vec::new(),
    };
    if let Some(s) = &slots {
        let items = if as_str(s).is_some() {
            vec![s.clone()]
        } else {
            crate::ops::sequence::collect(s)?
        };
        if !items.is_empty() && variable_size {
            return err(
                &TYPE_ERROR,
                format!(
                    "nonempty __slots__ not supported for subtype of '{}'",
                    best.name
                ),
            );
        }
        added.dict = false;
        added.weakref = false;
        for it in items {
            let Some(n) = as_str(&it) else {
                return err(
                    &TYPE_ERROR,
                    format!("__slots__ items must be strings, not '{}'", it.type_name()),
                );
            };
            if !crate::objects::str_methods::is_identifier(&n) {
                return err(&TYPE_ERROR, "__slots__ must be identifiers");
            }
            match &*n {
                "__dict__" => {
                    if base_has_dict || added.dict {
                        return err(&TYPE_ERROR, "__dict__ slot disallowed: we already got one");
                    }
                    added.dict = true;
                }
                "__weakref__" => {
                    if base_has_weakref || added.weakref {
                        return err(
                            &TYPE_ERROR,
                            "__weakref__ slot disallowed: we already got one",
                        );
                    }
                    added.weakref = true;
                }
                n => slot_names.push(mangle(&name_s, n)),
            }
        }
        for n in &slot_names {
            if d.get_str(&new_str(n)).is_some() {
                return err(
                    &crate::objects::exception::VALUE_ERROR,
                    format!("'{n}' in __slots__ conflicts with class variable"),
                );
            }
        }
        slot_names.sort();
        slot_names.dedup();
        // Instances have no `__dict__` when neither the class nor any base provides one (a
        // class's `dict_offset` is 0 exactly when its instances show no dict).
        if !added.dict && base_types.iter().all(|b| b.dict_offset == 0) {
            tflags |= flags::NO_INSTANCE_DICT;
        }
    }
    added.slots = slot_names.clone();
    // Named slots on the plain object layout are values in the instance (SLOT_VALUES), after
    // those of the bases; the instance's dict field serves as `__dict__` where there is one.
    let (dealloc, dict_offset) = if tflags & flags::SLOT_VALUES == 0
        && best.flags & flags::HEAPTYPE == 0
        && std::ptr::eq(layout, &OBJECT_TYPE)
        && !slot_names.is_empty()
    {
        tflags |= flags::SLOT_VALUES;
        tflags &= !flags::WRAPS_DICT;
        (
            crate::objects::instance::dealloc_instance as unsafe fn(*mut ObjHeader),
            crate::objects::instance::DICT_OFFSET,
        )
    } else {
        (dealloc, dict_offset)
    };
    let slot_base = best.slot_count.get() as usize;
    // Instances can be weakly referenced when a base's can or the class adds `__weakref__`.
    if added.weakref || base_types.iter().any(|b| has_weakref(b)) {
        tflags |= flags::WEAKREFABLE;
    }
    if d.get_str(&new_str("__eq__")).is_some() && d.get_str(&new_str("__hash__")).is_none() {
        d.set_item(new_str("__hash__"), Value::NONE)?;
    }
    // `__new__`, `__init_subclass__` and `__class_getitem__` are implicitly static/class methods.
    for (n, wrap) in [
        ("__new__", "staticmethod"),
        ("__init_subclass__", "classmethod"),
        ("__class_getitem__", "classmethod"),
    ] {
        if let Some(f) = d.get_str(&new_str(n)) {
            if f.downcast_ref::<Function>().is_some() {
                let w = if wrap == "staticmethod" {
                    crate::objects::descriptors::new_staticmethod(f)
                } else {
                    crate::objects::descriptors::new_classmethod(f)
                };
                d.set_item(new_str(n), w)?;
            }
        }
    }
    if d.get_str(&new_str("__module__")).is_none() {
        let m = crate::vm::frame::frames().frames.last().and_then(|f| {
            f.function()
                .globals
                .downcast_ref::<Dict>()
                .and_then(|g| g.get_str(&new_str("__name__")))
        });
        if let Some(m) = m {
            d.set_item(new_str("__module__"), m)?;
        }
    }
    // `__qualname__` moves from the namespace to the type (CPython's `ht_qualname`).
    let qualname = match d.del_item(&new_str("__qualname__"))? {
        None => name.clone(),
        Some(q) if as_str(&q).is_some() => q,
        Some(q) => {
            return err(
                &TYPE_ERROR,
                format!("type __qualname__ must be a str, not {}", q.type_name()),
            )
        }
    };
    if d.get_str(&new_str("__doc__")).is_none() {
        d.set_item(new_str("__doc__"), Value::NONE)?;
    }
    let name_static: &'static str = Box::leak(name_s.into_boxed_str());
    let mut t = Box::new(TypeObject {
        header: ObjHeader {
            refcnt: Cell::new(crate::abi::IMMORTAL),
            ty: meta,
        },
        name: name_static,
        base: best,
        layout,
        flags: tflags,
        dict_offset: if tflags & flags::NO_INSTANCE_DICT != 0 {
            0
        } else {
            dict_offset
        },
        dealloc,
        sub_layout: None,
        new: layout.new,
        methods: &[],
        getsets: &[],
        doc: "",
        dict: UnsafeCell::new(ManuallyDrop::new(dict.clone())),
        mro: UnsafeCell::new(ManuallyDrop::new(Vec::new())),
        version: Cell::new(next_type_version()),
        qualname: UnsafeCell::new(ManuallyDrop::new(qualname)),
        ..inherit_slots(best)
    });
    let tp: *const TypeObject = &*t;
    let mro = c3_mro(tp, &base_types)?;
    *t.mro.get_mut() = ManuallyDrop::new(mro);
    // Slots storage: values after the bases' in SLOT_VALUES instances, else entries of the
    // private dict at `dict_offset`.
    for (i, n) in slot_names.iter().enumerate() {
        let member = if t.flags & flags::SLOT_VALUES != 0 {
            crate::objects::descriptors::new_slot_value_member(n, &t, slot_base + i)
        } else {
            crate::objects::descriptors::new_slot_member(n, &t, dict_offset)
        };
        d.set_item(new_str(n), member)?;
    }
    if t.flags & flags::SLOT_VALUES != 0 {
        let count = slot_base + slot_names.len();
        if count > u16::MAX as usize {
            return err(&TYPE_ERROR, "too many __slots__");
        }
        t.slot_count.set(count as u16);
    }
    install_slots(&mut t);
    if t.flags & flags::INLINE_VALUES != 0 {
        t.attr_hint
            .set(crate::objects::instance::estimate_attrs(d, best));
    }
    // (Weakly referenceable classes get `dealloc_weakrefable_instance` when one of their
    // instances gets its first weak reference: see `enable_weakref_clearing`.)
    if t.lookup_str("__del__").is_some() {
        t.dealloc = dealloc_with_del;
    }
    let tptr = Box::into_raw(t);
    // SAFETY: classes are never freed (immortal refcount), so the leaked box lives forever.
    let tref: &'static TypeObject = unsafe { &*tptr };
    let tv = Value::from_borrowed_ptr(tptr as *const ObjHeader);
    BASES.with(|b| {
        b.borrow_mut()
            .insert(tref as *const TypeObject as usize, base_vals)
    });
    ADDED.with(|a| {
        a.borrow_mut()
            .insert(tref as *const TypeObject as usize, added)
    });
    CLASSES.with(|c| c.borrow_mut().push(tref as *const TypeObject));
    custom_mro(tref, &tv)?;
    // `__set_name__` on attributes, then `__init_subclass__` on the parent.
    for (k, v) in d.items() {
        if let Some(sn) = v.ty().lookup_str("__set_name__") {
            call(&sn, &[v.clone(), tv.clone(), k.clone()], &[])?;
        }
    }
    if let Some(init_sub) = super_lookup(tref, tref, "__init_subclass__") {
        let bound = crate::ops::object::bind_descriptor(init_sub, None, tref)?;
        call(&bound, kwargs, kwnames)?;
    }
    Ok(tv)
}

/// What a class adds to its base's instance layout (CPython's `__dict__`/`__weakref__` slots
/// and `ht_slots`); `__class__` assignment compares these.
#[derive(Default)]
struct AddedLayout {
    dict: bool,
    weakref: bool,
    /// The named `__slots__`, mangled and sorted.
    slots: Vec<String>,
}

fn with_added<R>(t: &TypeObject, f: impl FnOnce(Option<&AddedLayout>) -> R) -> R {
    ADDED.with(|a| f(a.borrow().get(&(t as *const TypeObject as usize))))
}

/// Whether instances of `t` support weak references (CPython's `tp_weaklistoffset != 0`).
fn has_weakref(t: &TypeObject) -> bool {
    t.flags & flags::WEAKREFABLE != 0
}

/// CPython's `compatible_with_tp_base`: `t`'s instances are laid out exactly as its base's.
fn same_layout_as_base(t: &TypeObject) -> bool {
    if t.base.is_null() {
        return false;
    }
    // SAFETY: base pointers are immortal types.
    let base = unsafe { &*t.base };
    if t.flags & flags::HEAPTYPE != 0 {
        with_added(t, |a| {
            a.is_none_or(|a| !a.dict && !a.weakref && a.slots.is_empty())
        })
    } else {
        std::ptr::eq(t.layout, base.layout) && t.dict_offset == base.dict_offset
    }
}

/// `obj.__class__ = new` (`object.__class__`'s setter), with CPython's rules: both types must
/// be classes (or module types), and their instance layouts must be the same.
pub fn set_class(obj: &Value, new: &Value) -> PyResult<()> {
    let Some(newto) = as_type(new) else {
        return err(
            &TYPE_ERROR,
            format!(
                "__class__ must be set to a class, not '{}' object",
                new.type_name()
            ),
        );
    };
    let oldto = obj.ty();
    let module = &crate::objects::module::MODULE_TYPE;
    let both_modules = newto.is_subtype(module) && oldto.is_subtype(module);
    if !obj.is_obj()
        || (!both_modules
            && (newto.flags & flags::HEAPTYPE == 0 || oldto.flags & flags::HEAPTYPE == 0))
    {
        return err(
            &TYPE_ERROR,
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        );
    }
    check_compatible(oldto, newto, "__class__")?;
    retype(obj, newto);
    Ok(())
}

/// Makes `newto` the type of `obj`, once `set_class` has checked that both types lay their
/// instances out the same way. This is the one place that changes an object's type: attribute
/// storage keyed by the type (shared keys) must be converted here, before the switch.
fn retype(obj: &Value, newto: &'static TypeObject) {
    // Values stored by the old class's shared keys move into the instance's own dict (the new
    // class has other keys); the dict lives at the same offset in both layouts.
    if obj.ty().flags & flags::INLINE_VALUES != 0 {
        crate::objects::instance::materialize(obj);
    }
    // SAFETY: `obj` is a live heap object; its header's type pointer is plain data that nothing
    // borrows across this write, and `newto` (immortal) has the same instance layout. Its weak
    // references (counted per exact type) follow it to `newto`.
    unsafe {
        crate::objects::weakref::retype(obj.obj_ptr(), obj.ty(), newto);
        (*obj.obj_ptr()).ty = newto;
    }
}

/// Whether CPython frees instances of `t` through the cycle collector (`tp_free` is
/// `PyObject_GC_Del`): classes and the built-in containers, not scalars or `object`.
fn gc_freed(t: &TypeObject) -> bool {
    use crate::objects as o;
    let gc_types: [&TypeObject; 11] = [
        &o::list::LIST_TYPE,
        &o::dict::DICT_TYPE,
        &o::set::SET_TYPE,
        &o::set::FROZENSET_TYPE,
        &o::tuple::TUPLE_TYPE,
        &TYPE_TYPE,
        &o::module::MODULE_TYPE,
        &o::descriptors::PROPERTY_TYPE,
        &o::descriptors::CLASSMETHOD_TYPE,
        &o::descriptors::STATICMETHOD_TYPE,
        &o::descriptors::SUPER_TYPE,
    ];
    t.flags & (flags::HEAPTYPE | flags::EXCEPTION) != 0
        || gc_types.iter().any(|g| std::ptr::eq(*g, t))
}

/// CPython's `compatible_for_assignment` on apython's layouts (`what` is `__class__` or
/// `__bases__`): the same way of freeing, the same memory layout, and the same nearest base
/// that adds fields (or siblings adding the same ones). Raises CPython's TypeError when they
/// differ.
fn check_compatible(oldto: &TypeObject, newto: &TypeObject, what: &str) -> PyResult<()> {
    if gc_freed(oldto) != gc_freed(newto) {
        return err(
            &TYPE_ERROR,
            format!(
                "{what} assignment: '{}' deallocator differs from '{}'",
                newto.name, oldto.name
            ),
        );
    }
    if !compatible_for_assignment(oldto, newto) {
        return err(
            &TYPE_ERROR,
            format!(
                "{what} assignment: '{}' object layout differs from '{}'",
                newto.name, oldto.name
            ),
        );
    }
    Ok(())
}

fn compatible_for_assignment(oldto: &TypeObject, newto: &TypeObject) -> bool {
    let wraps = |t: &TypeObject| {
        t.flags
            & (flags::WRAPS_DICT
                | flags::NO_INSTANCE_DICT
                | flags::INLINE_VALUES
                | flags::SLOT_VALUES)
    };
    if !std::ptr::eq(oldto.layout, newto.layout) || wraps(oldto) != wraps(newto) {
        return false;
    }
    let mut newbase = newto;
    let mut oldbase = oldto;
    // SAFETY (both loops): base pointers are immortal types.
    while same_layout_as_base(newbase) {
        newbase = unsafe { &*newbase.base };
    }
    while same_layout_as_base(oldbase) {
        oldbase = unsafe { &*oldbase.base };
    }
    if !std::ptr::eq(newbase, oldbase) {
        let same_added = std::ptr::eq(newbase.base, oldbase.base)
            && newbase.flags & oldbase.flags & flags::HEAPTYPE != 0
            && with_added(newbase, |a| {
                with_added(oldbase, |b| {
                    let d = AddedLayout::default();
                    let (a, b) = (a.unwrap_or(&d), b.unwrap_or(&d));
                    a.dict == b.dict && a.weakref == b.weakref && a.slots == b.slots
                })
            });
        if !same_added {
            return false;
        }
    }
    (oldto.dict_offset != 0) == (newto.dict_offset != 0) && has_weakref(oldto) == has_weakref(newto)
}

thread_local! {
    /// What each class adds to its base's layout.
    static ADDED: std::cell::RefCell<std::collections::HashMap<usize, AddedLayout>> = std::cell::RefCell::new(std::collections::HashMap::new());
    /// Every class, in creation order (for `__subclasses__`). Classes are immortal, and this
    /// list is what holds one nothing else refers to any more (`del C` in a module), so it is
    /// never dropped, not even at thread exit.
    static CLASSES: ManuallyDrop<std::cell::RefCell<Vec<*const TypeObject>>> = const { ManuallyDrop::new(std::cell::RefCell::new(Vec::new())) };
    /// The explicit bases of each class (for `__bases__`).
    static BASES: std::cell::RefCell<std::collections::HashMap<usize, Vec<Value>>> = std::cell::RefCell::new(std::collections::HashMap::new());
    static TYPE_VERSION: Cell<u32> = const { Cell::new(1000) };
    /// MROs replaced by `__bases__` assignment or a metaclass's `mro()`, kept like the
    /// (immortal) classes they belonged to.
    static RETIRED_MROS: std::cell::RefCell<Vec<Vec<*const TypeObject>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The explicit bases of a class, or `None` for built-in types.
pub fn class_bases(t: &TypeObject) -> Option<Vec<Value>> {
    BASES.with(|b| b.borrow().get(&(t as *const TypeObject as usize)).cloned())
}

/// A fresh, process-unique type version tag.
pub(crate) fn next_type_version() -> u32 {
    TYPE_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

/// Bumps the version tag of `t` and of every class derived from it (attribute caches key on
/// it). Classes are few; walking the registry is fine.
pub fn type_modified(t: &TypeObject) {
    t.version.set(next_type_version());
    let subs: Vec<usize> = BASES.with(|b| b.borrow().keys().copied().collect());
    for s in subs {
        // SAFETY: the registry holds leaked (immortal) class objects.
        let st = unsafe { &*(s as *const TypeObject) };
        if !std::ptr::eq(st, t) && st.is_subtype(t) {
            st.version.set(next_type_version());
        }
    }
}

/// The slots a class starts with: its best base's (built-in behaviour is inherited).
fn inherit_slots(base: &TypeObject) -> TypeObject {
    TypeObject {
        repr: base.repr,
        str: base.str,
        hash: base.hash,
        richcompare: base.richcompare,
        bool_: base.bool_,
        len: base.len,
        getitem: base.getitem,
        setitem: base.setitem,
        contains: base.contains,
        iter: base.iter,
        next: base.next,
        call: base.call,
        getattr: base.getattr,
        setattr: base.setattr,
        descr_get: base.descr_get,
        nb: base.nb,
        nb_inplace: base.nb_inplace,
        neg: base.neg,
        pos: base.pos,
        invert: base.invert,
        abs: base.abs,
        index: base.index,
        int: base.int,
        float: base.float,
        ..TypeObject::EMPTY
    }
}

/// Looks `name` up in the MRO of `start`'s type after `after` (as `super()` does).
pub fn super_lookup(start: &TypeObject, after: &TypeObject, name: &str) -> Option<Value> {
    let mro = start.mro();
    let pos = mro.iter().position(|&t| std::ptr::eq(t, after))?;
    let key = new_str(name);
    for &t in &mro[pos + 1..] {
        // SAFETY: MRO entries are live types.
        if let Some(v) = unsafe { (*t).dict() }
            .downcast_ref::<Dict>()
            .and_then(|d| d.get_str(&key))
        {
            return Some(v);
        }
    }
    None
}

/// Calling a class: `__new__` then `__init__` (the `call` of type objects for classes).
pub fn call_class(t: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = t.to_value();
    let new = t.lookup_str("__new__");
    let init = t.lookup_str("__init__");
    let user_new = new.as_ref().is_some_and(|n| !is_builtin_object_new(n));
    let user_init = init.as_ref().is_some_and(|i| {
        i.downcast_ref::<Function>().is_some()
            || i.downcast_ref::<crate::objects::builtin_function::MethodDescr>()
                .is_none()
    });
    let obj = if user_new {
        let f = crate::ops::object::bind_descriptor(new.unwrap(), None, t)?;
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(cls.clone());
        all.extend_from_slice(args);
        call(&f, &all, kwnames)?
    } else {
        if !user_init && !args.is_empty() && std::ptr::eq(solid_layout(t), &OBJECT_TYPE) {
            return err(&TYPE_ERROR, format!("{}() takes no arguments", t.name));
        }
        let layout = solid_layout(t);
        if std::ptr::eq(layout, &OBJECT_TYPE) {
            if t.flags & flags::IS_ABSTRACT != 0 {
                return Err(abstract_error(t));
            }
            crate::objects::object::new_bare(t)
        } else {
            match layout.new {
                Some(n)
                    if user_init
                        && (layout.flags | t.flags)
                            & (flags::EXCEPTION | flags::NEW_TAKES_ARGS)
                            == 0 =>
                {
                    n(t, &[], &[])?
                }
                Some(n) => n(t, args, kwnames)?,
                None => return err(&TYPE_ERROR, format!("cannot create '{}' instances", t.name)),
            }
        }
    };
    if !obj.ty().is_subtype(t) {
        return Ok(obj);
    }
    if user_init {
        let init = init.unwrap();
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj.clone());
        all.extend_from_slice(args);
        let r = if init.downcast_ref::<Function>().is_some() {
            call(&init, &all, kwnames)?
        } else {
            let b = crate::ops::object::bind_descriptor(init, Some(&obj), t)?;
            call(&b, args, kwnames)?
        };
        if !r.is_none() {
            return err(
                &TYPE_ERROR,
                format!("__init__() should return None, not '{}'", r.type_name()),
            );
        }
    } else if let Some(init) = init.filter(|i| user_new && !is_object_init(i)) {
        // As CPython's tp_init after a Python `__new__`: a built-in `__init__` (e.g.
        // `BaseException.__init__` storing `args`, `list.__init__` filling the list) runs with
        // the call's arguments.
        let b = crate::ops::object::bind_descriptor(init, Some(&obj), t)?;
        call(&b, args, kwnames)?;
    }
    Ok(obj)
}

/// For a class whose call is nothing but "allocate a bare instance, then run its Python
/// `__init__`" (metatype exactly `type`, `__new__` inherited from `object`, the plain object
/// layout, not abstract, `__init__` a plain Python function): the class and that `__init__`.
/// This is what `CALL_ALLOC_AND_ENTER_INIT` runs inline, guarded by the class's version.
pub fn plain_init(cls: &Value) -> Option<(&'static TypeObject, Value)> {
    if !std::ptr::eq(cls.type_ptr(), &TYPE_TYPE) {
        return None;
    }
    let t = crate::ops::object::as_type(cls)?;
    if t.flags & flags::HEAPTYPE == 0
        || t.flags & flags::IS_ABSTRACT != 0
        || t.version.get() == 0
        || !std::ptr::eq(solid_layout(t), &OBJECT_TYPE)
    {
        return None;
    }
    if t.lookup_str("__new__")
        .is_some_and(|n| !is_builtin_object_new(&n))
    {
        return None;
    }
    let init = t.lookup_str("__init__")?;
    let f = init.downcast_ref::<Function>()?;
    let special = crate::objects::code::co_flags::GENERATOR
        | crate::objects::code::co_flags::COROUTINE
        | crate::objects::code::co_flags::ASYNC_GENERATOR;
    if f.code().flags & special != 0 {
        return None;
    }
    Some((t, init))
}

/// "Can't instantiate abstract class ..." for a class with abstract methods left.
pub fn abstract_error(t: &TypeObject) -> crate::objects::Raised {
    let names = t
        .lookup_str("__abstractmethods__")
        .and_then(|a| crate::ops::sequence::collect(&a).ok())
        .unwrap_or_default();
    crate::vm::thread::take_raised();
    let mut names: Vec<String> = names
        .iter()
        .map(|n| as_str(n).map(|s| s.to_string()).unwrap_or_default())
        .collect();
    names.sort();
    raise(
        &TYPE_ERROR,
        format!(
            "Can't instantiate abstract class {} without an implementation for abstract method{} '{}'",
            t.name,
            if names.len() > 1 { "s" } else { "" },
            names.join("', '")
        ),
    )
}

fn is_object_init(v: &Value) -> bool {
    v.downcast_ref::<crate::objects::builtin_function::MethodDescr>()
        .is_some_and(|d| std::ptr::eq(d.ty, &OBJECT_TYPE))
}

fn is_builtin_object_new(v: &Value) -> bool {
    v.downcast_ref::<crate::objects::builtin_function::MethodDescr>()
        .is_some()
        || v.downcast_ref::<crate::objects::builtin_function::BuiltinFunction>()
            .is_some()
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos < 2 {
        return err(&TYPE_ERROR, "__build_class__: not enough arguments");
    }
    let func = &args[0];
    let name = &args[1];
    let orig_bases: Vec<Value> = args[2..npos].to_vec();
    let bases_v = resolve_bases(&orig_bases)?;
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::new();
    let mut kw_vals = Vec::new();
    for (i, k) in kwnames.iter().enumerate() {
        if as_str(k).is_some_and(|s| &*s == "metaclass") {
            meta = Some(args[npos + i].clone());
        } else {
            kw_names.push(k.clone());
            kw_vals.push(args[npos + i].clone());
        }
    }
    let bases = new_tuple(bases_v.clone());
    let meta = match meta {
        Some(m) => m,
        None => match bases_v.first() {
            Some(b) => b.ty().to_value(),
            None => TYPE_TYPE.to_value(),
        },
    };
    // The most derived metaclass among the bases'.
    let mut meta = meta;
    if let Some(mt) = as_type(&meta) {
        let mut winner = mt;
        for b in &bases_v {
            let bt = b.ty();
            if bt.is_subtype(winner) {
                winner = bt;
            } else if !winner.is_subtype(bt) {
                return err(
                    &TYPE_ERROR,
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                );
            }
        }
        meta = winner.to_value();
    }
    let ns = match crate::ops::object::getattr_opt(&meta, &new_str("__prepare__"))? {
        Some(p) if as_type(&meta).is_some_and(|m| !std::ptr::eq(m, &TYPE_TYPE)) => {
            let mut a = vec![name.clone(), bases.clone()];
            a.extend(kw_vals.iter().cloned());
            call(&p, &a, &kw_names)?
        }
        _ => new_dict(),
    };
    let fd = func
        .downcast_ref::<Function>()
        .ok_or(())
        .or_else(|_| err(&TYPE_ERROR, "__build_class__: func must be a function"))?;
    let base = crate::vm::frame::frames().next_base_for_rust_call();
    crate::vm::call::push_frame(func, fd, base, &[], &[], true)?;
    crate::vm::frame::frames().frames.last_mut().unwrap().locals = ns.clone();
    let cell = crate::vm::eval::run_top_frame()?;
    if bases_v.len() != orig_bases.len() || bases_v.iter().zip(&orig_bases).any(|(a, b)| !a.is(b)) {
        crate::ops::sequence::setitem(&ns, &new_str("__orig_bases__"), new_tuple(orig_bases))?;
    }
    let mut a = vec![name.clone(), bases, ns.clone()];
    a.extend(kw_vals);
    let cls = call(&meta, &a, &kw_names)?;
    if let Some(c) = cell.downcast_ref::<crate::objects::cell::Cell>() {
        c.set(cls.clone());
    }
    Ok(cls)
}

/// The bases of a class statement with each non-class base replaced by what its
/// `__mro_entries__(bases)` returns (PEP 560: `class A(list[int])` derives from `list`).
fn resolve_bases(bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut out: Option<Vec<Value>> = None;
    let all = new_tuple(bases.to_vec());
    for (i, b) in bases.iter().enumerate() {
        let entries = if as_type(b).is_some() {
            None
        } else {
            crate::objects::generic_alias::lookup_attr(b, "__mro_entries__")?
        };
        match entries {
            Some(m) => {
                let r = call(&m, std::slice::from_ref(&all), &[])?;
                let Some(items) = crate::objects::tuple::try_tuple_items(&r) else {
                    return err(&TYPE_ERROR, "__mro_entries__ must return a tuple");
                };
                out.get_or_insert_with(|| bases[..i].to_vec())
                    .extend_from_slice(items);
            }
            None => {
                if let Some(o) = out.as_mut() {
                    o.push(b.clone());
                }
            }
        }
    }
    Ok(out.unwrap_or_else(|| bases.to_vec()))
}

/// `__bases__` of any type.
pub fn bases_of(t: &TypeObject) -> Value {
    if let Some(b) = class_bases(t) {
        if !b.is_empty() {
            return new_tuple(b);
        }
    }
    if let Some(b) = crate::objects::exception_group::builtin_bases(t) {
        return b;
    }
    if t.base.is_null() {
        return new_tuple(vec![]);
    }
    // SAFETY: base pointers are immortal types.
    new_tuple(vec![unsafe { (*t.base).to_value() }])
}

/// A metaclass's own `mro()` replaces the C3 MRO of a new class (checked: classes only,
/// with layouts the class's can extend).
fn custom_mro(t: &'static TypeObject, tv: &Value) -> PyResult<()> {
    let meta = tv.ty();
    if meta.flags & flags::HEAPTYPE == 0 {
        return Ok(());
    }
    let Some(m) = meta.lookup_str("mro") else {
        return Ok(());
    };
    if m.downcast_ref::<crate::objects::builtin_function::MethodDescr>()
        .is_some()
    {
        return Ok(());
    }
    let bound = crate::ops::object::bind_descriptor(m, Some(tv), meta)?;
    let items = crate::ops::sequence::collect(&call(&bound, &[], &[])?)?;
    let mut mro = Vec::with_capacity(items.len());
    for it in &items {
        let Some(b) = as_type(it) else {
            return err(
                &TYPE_ERROR,
                format!("mro() returned a non-class ('{}')", it.type_name()),
            );
        };
        if !solid_layout(t).is_subtype(solid_layout(b)) {
            return err(
                &TYPE_ERROR,
                format!("mro() returned base with unsuitable layout ('{}')", b.name),
            );
        }
        mro.push(b as *const TypeObject);
    }
    set_mro(t, mro);
    Ok(())
}

/// Replaces the MRO of class `t` and refreshes what depends on it.
fn set_mro(t: &TypeObject, mro: Vec<*const TypeObject>) {
    let p = t.to_value().obj_ptr() as *mut TypeObject;
    // SAFETY: classes are leaked boxes (`type_new`), never freed; no Rust reference to the
    // slot fields is held across this update, and the old MRO vector stays allocated (retired,
    // not freed), so a walk over it further up the stack still reads valid memory.
    let old = unsafe {
        let old = std::mem::replace(&mut *(*p).mro.get(), ManuallyDrop::new(mro));
        install_slots(&mut *p);
        old
    };
    RETIRED_MROS.with(|r| r.borrow_mut().push(ManuallyDrop::into_inner(old)));
    type_modified(t);
}

/// `C.__subclasses__()`: built-in types and classes that name `t` as a direct base, oldest
/// first.
pub fn subclasses(t: &TypeObject) -> Vec<Value> {
    let tv = t.to_value();
    let names_t = |bases: &[Value]| bases.iter().any(|b| b.is(&tv));
    let mut out: Vec<Value> = crate::objects::builtin_types()
        .into_iter()
        .filter(|b| names_t(tuple_items(&bases_of(b))))
        .map(|b| b.to_value())
        .collect();
    let all: Vec<*const TypeObject> = CLASSES.with(|c| c.borrow().clone());
    for c in all {
        // SAFETY: the registry holds leaked (immortal) class objects.
        let ct = unsafe { &*c };
        // `bases_of`: a class with no explicit bases is `object`'s.
        if names_t(tuple_items(&bases_of(ct))) {
            out.push(ct.to_value());
        }
    }
    out
}

/// `C.__bases__ = (...)`: CPython's checks, then the new bases, best base and the MROs of `C`
/// and its subclasses (all restored if one cannot be linearized).
pub fn set_bases(v: &Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(v).unwrap();
    let Some(x) = x else {
        return err(
            &TYPE_ERROR,
            format!(
                "cannot delete '__bases__' attribute of immutable type '{}'",
                t.name
            ),
        );
    };
    if x.downcast_ref::<crate::objects::tuple::Tuple>().is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "can only assign tuple to {}.__bases__, not {}",
                t.name,
                x.type_name()
            ),
        );
    }
    let items = tuple_items(&x).to_vec();
    if items.is_empty() {
        return err(
            &TYPE_ERROR,
            format!(
                "can only assign non-empty tuple to {}.__bases__, not ()",
                t.name
            ),
        );
    }
    let mut types: Vec<&'static TypeObject> = Vec::new();
    for it in &items {
        let Some(b) = as_type(it) else {
            return err(
                &TYPE_ERROR,
                format!(
                    "{}.__bases__ must be tuple of classes, not '{}'",
                    t.name,
                    it.type_name()
                ),
            );
        };
        if b.is_subtype(t) {
            return err(&TYPE_ERROR, "a __bases__ item causes an inheritance cycle");
        }
        types.push(b);
    }
    let mut best = types[0];
    for &b in &types[1..] {
        let (lb, lbest) = (solid_base(b), solid_base(best));
        if lbest.is_subtype(lb) {
            // The earlier base wins ties.
        } else if lb.is_subtype(lbest) {
            best = b;
        } else {
            return err(&TYPE_ERROR, "multiple bases have instance lay-out conflict");
        }
    }
    // SAFETY: base pointers are immortal types.
    let old_base = unsafe { &*t.base };
    check_compatible(old_base, best, "__bases__")?;
    // The classes whose MRO goes through `t`, bases before subclasses.
    let tp = t as *const TypeObject;
    let mut affected: Vec<&'static TypeObject> = CLASSES
        .with(|c| c.borrow().clone())
        .into_iter()
        // SAFETY: the registry holds leaked (immortal) class objects.
        .map(|c| unsafe { &*c })
        .filter(|c| c.mro().contains(&tp))
        .collect();
    affected.sort_by_key(|c| c.mro().len());
    let saved: Vec<Vec<*const TypeObject>> = affected.iter().map(|c| c.mro().to_vec()).collect();
    let old_bases = class_bases(t).unwrap_or_default();
    let old_base_ptr = t.base;
    let key = tp as usize;
    BASES.with(|b| b.borrow_mut().insert(key, items));
    // SAFETY: `t` is a class (immutable types were rejected by `type_setattr`): a leaked box
    // whose `base` field no Rust reference is held to.
    unsafe { (*(tp as *mut TypeObject)).base = best };
    for c in &affected {
        let bases: Vec<&'static TypeObject> = class_bases(c)
            .unwrap_or_default()
            .iter()
            .filter_map(as_type)
            .collect();
        match c3_mro(*c, &bases) {
            Ok(m) => set_mro(c, m),
            Err(e) => {
                // Put everything back as it was.
                BASES.with(|b| b.borrow_mut().insert(key, old_bases));
                // SAFETY: as above.
                unsafe { (*(tp as *mut TypeObject)).base = old_base_ptr };
                for (c, m) in affected.iter().zip(saved) {
                    set_mro(c, m);
                }
                return Err(e);
            }
        }
    }
    Ok(())
}

/// `type.__setattr__`: classes are mutable, built-in types are not.
pub fn type_setattr(v: &Value, name: &Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(v).unwrap();
    if t.flags & flags::HEAPTYPE == 0 {
        return err(
            &TYPE_ERROR,
            format!(
                "cannot set '{}' attribute of immutable type '{}'",
                as_str(name).map(|s| s.to_string()).unwrap_or_default(),
                t.name
            ),
        );
    }
    // Writable data descriptors of the metatype (`__class__`, `__name__`, `__qualname__`) come
    // first; other metatype attributes (`__doc__`) live in the class dict.
    if let Some(a) = v.ty().lookup(name) {
        if let Some(gs) = a.downcast_ref::<crate::objects::builtin_function::GetSetDescr>() {
            if let Some(set) = gs.def.set {
                return set(v, x);
            }
        }
    }
    let d = t.dict().downcast_ref::<Dict>().unwrap();
    match x {
        Some(x) => d.set_item(name.clone(), x)?,
        None => {
            if d.del_item(name)?.is_none() {
                // As CPython: no name/obj on this error (no "Did you mean").
                return err(
                    &ATTRIBUTE_ERROR,
                    format!(
                        "type object '{}' has no attribute '{}'",
                        t.name,
                        as_str(name).map(|s| s.to_string()).unwrap_or_default()
                    ),
                );
            }
        }
    }
    // Slots may change when dunders are added or removed.
    // SAFETY: `v` holds the pointer the class was created from (`Box::into_raw` in `type_new`);
    // slot fields are plain data, and no Rust reference to them is held across Python code.
    let tm = unsafe { &mut *(v.obj_ptr() as *mut TypeObject) };
    install_slots(tm);
    // The dict changed: cached lookups of `t` and its subclasses are stale (before anything
    // below can fail).
    type_modified(t);
    if as_str(name).is_some_and(|n| &*n == "__abstractmethods__") {
        let abstract_ = match d.get_str(name) {
            Some(a) => crate::ops::object::truthy(&a)?,
            None => false,
        };
        if abstract_ {
            tm.flags |= flags::IS_ABSTRACT;
        } else {
            tm.flags &= !flags::IS_ABSTRACT;
        }
    }
    Ok(())
}
