//! Weak references: `weakref.ReferenceType` (`_weakref.ref`), `weakref.ProxyType` and
//! `weakref.CallableProxyType` (`_weakref.proxy`), with CPython's semantics (Objects/
//! weakrefobject.c): a reference does not keep its referent alive; when the referent is freed,
//! every weak reference to it is cleared and their callbacks run, most recent first.
//!
//! The object header is `{refcnt, ty}` with no room for a weak-reference list, so the lists live
//! in a per-thread side table keyed by the referent's address. Types whose instances may be
//! weakly referenced carry [`flags::WEAKREFABLE`] and call [`clear_on_dealloc`] from their
//! `dealloc`. That check costs one load and compare of the exact type's
//! [`TypeObject::weakref_holders`] count, so the table is consulted only while some object of
//! that type has weak references; ordinary deallocation never hashes. Classes install that
//! `dealloc` only when one of their instances is first weakly referenced, so instances of the
//! other classes pay nothing at all.
//!
//! A weak reference holds no reference to its referent (a raw pointer, nulled when the referent
//! dies) and removes itself from the referent's list when it is freed first. As in CPython, a
//! plain `ref(x)` without callback is shared (`ref(x) is ref(x)`), as is a plain `proxy(x)`;
//! each list keeps those at its head, then the others newest first.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ptr;

use crate::abi::{ObjHeader, Value};
use crate::objects::exception::{err, raise, REFERENCE_ERROR, TYPE_ERROR};
use crate::objects::none::not_implemented;
use crate::objects::str::from_string;
use crate::objects::{
    alloc, dealloc_obj, flags, BinaryFn, CmpOp, GetSetDef, MethodDef, MethodKind, NbOp, Obj,
    PyPayload, PyResult, SubLayout, TypeObject, WithDict, NB_COUNT,
};

/// Payload of a weak reference or proxy.
pub struct WeakRef {
    /// The referent, not owned; null once it has been freed.
    referent: Cell<*mut ObjHeader>,
    /// The callback (NULL when none); taken when the referent dies.
    callback: UnsafeCell<Value>,
    /// The referent's hash once computed (-1 before), so it survives the referent.
    hash: Cell<i64>,
}

impl PyPayload for WeakRef {
    fn type_object() -> *const TypeObject {
        &REF_TYPE
    }
}

impl WeakRef {
    /// A new reference to the referent, or `None` when it is gone.
    pub fn referent(&self) -> Option<Value> {
        let p = self.referent.get();
        if p.is_null() {
            None
        } else {
            Some(Value::from_borrowed_ptr(p))
        }
    }

    /// The callback, if any (and the referent has not died yet).
    pub fn callback(&self) -> Option<Value> {
        // SAFETY: single-threaded; the cell is only replaced by `clear_slow`, not during this read.
        let cb = unsafe { &*self.callback.get() };
        (!cb.is_null()).then(|| cb.clone())
    }
}

/// A hasher for object addresses: they are distinct and 16-byte aligned, so a multiply mixes
/// them well enough.
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Lists = HashMap<usize, Vec<*mut ObjHeader>, BuildHasherDefault<AddrHasher>>;

thread_local! {
    /// Referent address -> its weak references and proxies (object pointers, not owned), in
    /// CPython's list order.
    static LISTS: RefCell<Lists> =
        const { RefCell::new(HashMap::with_hasher(BuildHasherDefault::new())) };
}

/// The payload of a weak reference object (a ref, a proxy, or an instance of a ref subclass).
///
/// # Safety
/// `w` must be a live object whose layout is [`WeakRef`].
unsafe fn payload<'a>(w: *mut ObjHeader) -> &'a WeakRef {
    // `WithDict<WeakRef>` starts with the `WeakRef`, so this holds for subclasses too.
    &(*(w as *const Obj<WeakRef>)).data
}

/// A copy of the list of weak references to the object at `p` (empty when none).
fn list_of(p: *mut ObjHeader) -> Vec<*mut ObjHeader> {
    LISTS.with(|l| l.borrow().get(&(p as usize)).cloned().unwrap_or_default())
}

/// Whether `w` is a plain `ref` or proxy: exact type, no callback (the shareable ones).
fn is_basic(w: *mut ObjHeader, types: &[&TypeObject]) -> bool {
    // SAFETY: listed weak references are live objects with a `WeakRef` payload.
    unsafe { types.iter().any(|t| ptr::eq((*w).ty, *t)) && (*payload(w).callback.get()).is_null() }
}

/// CPython's `get_basic_refs`: the shared plain ref and plain proxy at the head of a list.
fn basic_refs(list: &[*mut ObjHeader]) -> (Option<*mut ObjHeader>, Option<*mut ObjHeader>) {
    let mut i = 0;
    let mut r = None;
    if let Some(&w) = list.first() {
        if is_basic(w, &[&REF_TYPE]) {
            r = Some(w);
            i = 1;
        }
    }
    let p = list
        .get(i)
        .copied()
        .filter(|&w| is_basic(w, &[&PROXY_TYPE, &CALLABLE_PROXY_TYPE]));
    (r, p)
}

/// Adds the weak reference `w` to the list of `referent`, after `after` (at the head when
/// `None`), creating the list (and counting it on the referent's type) when it is the first.
fn insert(referent: *mut ObjHeader, w: *mut ObjHeader, after: Option<*mut ObjHeader>) {
    LISTS.with(|l| {
        let mut l = l.borrow_mut();
        let list = l.entry(referent as usize).or_insert_with(|| {
            // SAFETY: the referent is alive (the caller holds it); types are immortal.
            let ty = unsafe { &*(*referent).ty };
            ty.weakref_holders.set(ty.weakref_holders.get() + 1);
            crate::objects::class_::enable_weakref_clearing(ty);
            Vec::new()
        });
        let at = match after.and_then(|a| list.iter().position(|&x| x == a)) {
            Some(i) => i + 1,
            None => 0,
        };
        list.insert(at, w);
    });
}

/// Checks that `ob` can be weakly referenced and returns its object pointer.
fn weakrefable(ob: &Value) -> PyResult<*mut ObjHeader> {
    if ob.is_obj() && ob.ty().flags & flags::WEAKREFABLE != 0 {
        return Ok(ob.obj_ptr());
    }
    err(
        &TYPE_ERROR,
        format!(
            "cannot create weak reference to '{}' object",
            ob.type_name()
        ),
    )
}

fn new_payload(referent: *mut ObjHeader, callback: Option<Value>) -> WeakRef {
    WeakRef {
        referent: Cell::new(referent),
        callback: UnsafeCell::new(callback.unwrap_or(Value::NULL)),
        hash: Cell::new(-1),
    }
}

/// `ref(ob, callback)` for `ref` or a subclass `ty`: CPython's `weakref___new__`. A `None`
/// callback is no callback; a plain `ref(ob)` returns the existing one if there is one.
pub fn new_ref(ty: &TypeObject, ob: &Value, callback: Option<Value>) -> PyResult<Value> {
    let p = weakrefable(ob)?;
    let callback = callback.filter(|c| !c.is_none());
    let basic = callback.is_none() && ptr::eq(ty, &REF_TYPE);
    let list = list_of(p);
    let (r, proxy) = basic_refs(&list);
    if basic {
        if let Some(r) = r {
            return Ok(Value::from_borrowed_ptr(r));
        }
    }
    let w = alloc(ty, new_payload(p, callback));
    let after = if basic { None } else { proxy.or(r) };
    insert(p, w.obj_ptr(), after);
    Ok(w)
}

/// `proxy(ob, callback)`: a `CallableProxyType` when `ob` is callable, else a `ProxyType`.
pub fn new_proxy(ob: &Value, callback: Option<Value>) -> PyResult<Value> {
    let p = weakrefable(ob)?;
    let callback = callback.filter(|c| !c.is_none());
    let list = list_of(p);
    let (r, proxy) = basic_refs(&list);
    if callback.is_none() {
        if let Some(px) = proxy {
            return Ok(Value::from_borrowed_ptr(px));
        }
    }
    let ty: &TypeObject = if crate::builtins::core::is_callable(ob) {
        &CALLABLE_PROXY_TYPE
    } else {
        &PROXY_TYPE
    };
    let after = if callback.is_none() { r } else { proxy.or(r) };
    let w = alloc(ty, new_payload(p, callback));
    insert(p, w.obj_ptr(), after);
    Ok(w)
}

/// `getweakrefcount(ob)`: the number of weak references and proxies to `ob`.
pub fn weakref_count(ob: &Value) -> usize {
    if !ob.is_obj() || ob.ty().weakref_holders.get() == 0 {
        return 0;
    }
    LISTS.with(|l| {
        l.borrow()
            .get(&(ob.obj_ptr() as usize))
            .map_or(0, |v| v.len())
    })
}

/// `getweakrefs(ob)`: the weak references and proxies to `ob`, in list order.
pub fn weakrefs_of(ob: &Value) -> Vec<Value> {
    if !ob.is_obj() || ob.ty().weakref_holders.get() == 0 {
        return Vec::new();
    }
    list_of(ob.obj_ptr())
        .into_iter()
        .map(|w| Value::from_borrowed_ptr(w))
        .collect()
}

/// The first weak reference to `ob` (its `__weakref__` attribute), or `None`.
pub fn first_weakref(ob: &Value) -> Value {
    weakrefs_of(ob).into_iter().next().unwrap_or(Value::NONE)
}

/// Whether `v` is a weak reference or a proxy (CPython's `PyWeakref_Check`).
pub fn is_weakref(v: &Value) -> bool {
    v.downcast_ref::<WeakRef>().is_some()
}

/// Whether `v` is a weak reference or proxy whose referent has died.
pub fn is_dead(v: &Value) -> bool {
    v.downcast_ref::<WeakRef>()
        .is_some_and(|w| w.referent.get().is_null())
}

/// Called first by the `dealloc` of every weakly referenceable type: clears the weak references
/// to `p` and calls their callbacks. A single compare unless objects of `p`'s exact type have
/// weak references right now.
///
/// # Safety
/// `p` is an object whose refcount reached zero and that has not been freed yet.
#[inline]
pub unsafe fn clear_on_dealloc(p: *mut ObjHeader) {
    if (*(*p).ty).weakref_holders.get() != 0 {
        clear_slow(p);
    }
}

/// Called before the type of `p` changes from `old` to `new` (`__class__` assignment): weak
/// references are counted on the exact type, so the count moves with the object and `new`'s
/// deallocator learns to clear them.
///
/// # Safety
/// `p` is a live object whose type is `old`.
pub unsafe fn retype(p: *mut ObjHeader, old: &TypeObject, new: &TypeObject) {
    if old.weakref_holders.get() == 0 || !LISTS.with(|l| l.borrow().contains_key(&(p as usize))) {
        return;
    }
    old.weakref_holders.set(old.weakref_holders.get() - 1);
    new.weakref_holders.set(new.weakref_holders.get() + 1);
    crate::objects::class_::enable_weakref_clearing(new);
}

/// CPython's `PyObject_ClearWeakRefs`: every weak reference to `p` is cleared first, then the
/// callbacks run in list order, each with its (still alive) weak reference. An exception from a
/// callback is reported as unraisable; an exception already in flight is preserved.
///
/// # Safety
/// As [`clear_on_dealloc`].
#[cold]
unsafe fn clear_slow(p: *mut ObjHeader) {
    let Some(list) = LISTS.with(|l| l.borrow_mut().remove(&(p as usize))) else {
        return;
    };
    let ty = &*(*p).ty;
    ty.weakref_holders.set(ty.weakref_holders.get() - 1);
    let mut pending = Vec::new();
    for &w in &list {
        let wr = payload(w);
        wr.referent.set(ptr::null_mut());
        let cb = std::mem::take(&mut *wr.callback.get());
        if !cb.is_null() {
            pending.push((Value::from_borrowed_ptr(w), cb));
        }
    }
    if pending.is_empty() {
        return;
    }
    let saved = crate::vm::thread::take_raised();
    for (w, cb) in pending {
        if crate::vm::call::call(&cb, std::slice::from_ref(&w), &[]).is_err() {
            let e = crate::vm::thread::take_raised();
            crate::vm::traceback::print_unraisable(&e, &cb);
        }
    }
    if !saved.is_null() {
        crate::vm::thread::restore_raised(saved);
    }
}

/// Removes the weak reference `w` from its referent's list (it is being freed first).
///
/// # Safety
/// `w` is a weak reference object whose refcount reached zero.
unsafe fn unlink(w: *mut ObjHeader) {
    let wr = payload(w);
    let r = wr.referent.get();
    if r.is_null() {
        return;
    }
    wr.referent.set(ptr::null_mut());
    let emptied = LISTS.with(|l| {
        let mut l = l.borrow_mut();
        let Some(list) = l.get_mut(&(r as usize)) else {
            return false;
        };
        list.retain(|&x| x != w);
        if list.is_empty() {
            l.remove(&(r as usize));
            return true;
        }
        false
    });
    if emptied {
        let ty = &*(*r).ty;
        ty.weakref_holders.set(ty.weakref_holders.get() - 1);
    }
}

/// Frees a `ref`, `ProxyType` or `CallableProxyType` object.
unsafe fn weakref_dealloc(w: *mut ObjHeader) {
    unlink(w);
    dealloc_obj::<WeakRef>(w);
}

/// Frees an instance of a class derived from `ref`.
unsafe fn weakref_sub_dealloc(w: *mut ObjHeader) {
    unlink(w);
    dealloc_obj::<WithDict<WeakRef>>(w);
}

fn this(v: &Value) -> &WeakRef {
    v.downcast_ref::<WeakRef>()
        .expect("weakref method on a non-weakref")
}

/// Arguments `(ob[, callback])` of `ref()` / `ref.__new__` / `proxy()`.
fn ob_and_callback<'a>(name: &str, args: &'a [Value]) -> PyResult<(&'a Value, Option<Value>)> {
    match args {
        [] => err(
            &TYPE_ERROR,
            format!("{} expected at least 1 argument, got 0", name),
        ),
        [ob] => Ok((ob, None)),
        [ob, cb] => Ok((ob, Some(cb.clone()))),
        _ => err(
            &TYPE_ERROR,
            format!("{} expected at most 2 arguments, got {}", name, args.len()),
        ),
    }
}

fn ref_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "ref() takes no keyword arguments");
    }
    let (ob, cb) = ob_and_callback("__new__", args)?;
    // SAFETY: types are immortal.
    new_ref(unsafe { &*ty }, ob, cb)
}

/// `ref.__new__(type, ob[, callback])`, for subclasses' `__new__`.
fn m_ref_new(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(t) = args.first().and_then(crate::ops::object::as_type) else {
        return err(
            &TYPE_ERROR,
            "weakref.ReferenceType.__new__(X): X is not a type object",
        );
    };
    if !t.is_subtype(&REF_TYPE) {
        return err(
            &TYPE_ERROR,
            format!(
                "weakref.ReferenceType.__new__({}): {} is not a subtype of weakref.ReferenceType",
                t.name, t.name
            ),
        );
    }
    ref_new(t, &args[1..], kwnames)
}

/// `ref.__init__(ob[, callback])`: the work is done by `__new__`; this checks the arguments.
fn m_ref_init(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "ref() takes no keyword arguments");
    }
    ob_and_callback("__init__", args)?;
    Ok(Value::NONE)
}

fn ref_call(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "weakref() takes no keyword arguments");
    }
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("weakref expected 0 arguments, got {}", args.len()),
        );
    }
    Ok(this(v).referent().unwrap_or(Value::NONE))
}

fn ref_hash(v: &Value) -> PyResult<i64> {
    let w = this(v);
    if w.hash.get() != -1 {
        return Ok(w.hash.get());
    }
    let Some(r) = w.referent() else {
        return err(&TYPE_ERROR, "weak object has gone away");
    };
    let h = crate::ops::object::hash(&r)?;
    w.hash.set(h);
    Ok(h)
}

fn ref_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if (op != CmpOp::Eq && op != CmpOp::Ne) || !is_weakref(a) || !is_weakref(b) {
        return Ok(not_implemented());
    }
    match (this(a).referent(), this(b).referent()) {
        (Some(x), Some(y)) => crate::ops::compare::rich_compare(&x, &y, op),
        _ => Ok(Value::bool(a.is(b) == (op == CmpOp::Eq))),
    }
}

/// `<T object at 0x...>`-style address of a value, as CPython's `%p`.
fn addr(v: &Value) -> String {
    format!("{:#x}", v.payload)
}

fn ref_repr(v: &Value) -> PyResult<Value> {
    let Some(r) = this(v).referent() else {
        return Ok(from_string(format!("<weakref at {}; dead>", addr(v))));
    };
    let name = crate::ops::object::getattr_opt(&r, &crate::objects::str::new_str("__name__"))?;
    let tn = r.type_name();
    Ok(from_string(
        match name.as_ref().and_then(crate::objects::str::as_str) {
            Some(n) => format!(
                "<weakref at {}; to '{}' at {} ({})>",
                addr(v),
                tn,
                addr(&r),
                &*n
            ),
            None => format!("<weakref at {}; to '{}' at {}>", addr(v), tn, addr(&r)),
        },
    ))
}

/// The `weakref.ReferenceType` type (`_weakref.ref`, `weakref.ref`).
pub static REF_TYPE: TypeObject = TypeObject {
    name: "weakref.ReferenceType",
    layout: &REF_TYPE,
    flags: flags::BASETYPE | flags::NEW_TAKES_ARGS,
    dealloc: weakref_dealloc,
    sub_layout: Some(SubLayout {
        dealloc: weakref_sub_dealloc,
        dict_offset: std::mem::offset_of!(Obj<WithDict<WeakRef>>, data)
            + std::mem::offset_of!(WithDict<WeakRef>, dict),
    }),
    repr: Some(ref_repr),
    hash: Some(ref_hash),
    richcompare: Some(ref_richcompare),
    call: Some(ref_call),
    new: Some(ref_new),
    methods: &[
        MethodDef {
            name: "__new__",
            func: m_ref_new,
            kind: MethodKind::Static,
            doc: "",
        },
        method!("__init__", m_ref_init),
    ],
    getsets: &[GetSetDef {
        name: "__callback__",
        get: |v| Ok(this(v).callback().unwrap_or(Value::NONE)),
        set: None,
    }],
    ..TypeObject::EMPTY
};

// ----- proxies -----

/// The referent of a proxy, or ReferenceError when it is gone.
fn referent_of(v: &Value) -> PyResult<Value> {
    this(v).referent().ok_or_else(|| {
        raise(
            &REFERENCE_ERROR,
            "weakly-referenced object no longer exists",
        )
    })
}

/// `v` itself, or its referent when `v` is a proxy (CPython's `UNWRAP`).
fn unwrap(v: &Value) -> PyResult<Value> {
    if is_proxy(v) {
        referent_of(v)
    } else {
        Ok(v.clone())
    }
}

fn is_proxy(v: &Value) -> bool {
    v.is_obj() && (ptr::eq(v.ty(), &PROXY_TYPE) || ptr::eq(v.ty(), &CALLABLE_PROXY_TYPE))
}

fn proxy_repr(v: &Value) -> PyResult<Value> {
    let (tn, a) = match this(v).referent() {
        Some(r) => (r.type_name(), addr(&r)),
        None => ("NoneType", "0x0".to_string()),
    };
    Ok(from_string(format!(
        "<weakproxy at {} to {} at {}>",
        addr(v),
        tn,
        a
    )))
}

fn proxy_binary(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    crate::ops::number::binary_op(&unwrap(a)?, &unwrap(b)?, op)
}

fn proxy_inplace(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    crate::ops::number::inplace_op(&unwrap(a)?, &unwrap(b)?, op)
}

macro_rules! proxy_nb {
    ($($i:literal),*) => {
        /// The proxies' binary number slots: unwrap both operands, apply the operator.
        const PROXY_NB: [Option<BinaryFn>; NB_COUNT] =
            [$(Some(|a, b| proxy_binary(a, b, NbOp::ALL[$i]))),*];
        /// The in-place forms, applied to the referent.
        const PROXY_NB_INPLACE: [Option<BinaryFn>; NB_COUNT] =
            [$(Some(|a, b| proxy_inplace(a, b, NbOp::ALL[$i]))),*];
    };
}
proxy_nb!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

fn proxy_next(v: &Value) -> PyResult<Option<Value>> {
    let r = referent_of(v)?;
    if r.ty().next.is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "Weakref proxy referenced a non-iterator '{}' object",
                r.type_name()
            ),
        );
    }
    crate::ops::sequence::next(&r)
}

fn proxy_call_method(v: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let r = referent_of(v)?;
    let m = crate::ops::object::getattr_str(&r, name)?;
    crate::vm::call::call(&m, args, &[])
}

/// Slots shared by the two proxy types.
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
const PROXY_SLOTS: TypeObject = TypeObject {
    name: "weakref.ProxyType",
    // Same payload as `ref`, so `downcast_ref::<WeakRef>` accepts proxies.
    layout: &REF_TYPE,
    dealloc: weakref_dealloc,
    repr: Some(proxy_repr),
    str: Some(|v| crate::ops::object::str_of(&referent_of(v)?)),
    richcompare: Some(|a, b, op| crate::ops::compare::rich_compare(&unwrap(a)?, &unwrap(b)?, op)),
    bool_: Some(|v| crate::ops::object::truthy(&referent_of(v)?)),
    len: Some(|v| crate::ops::sequence::len(&referent_of(v)?)),
    getitem: Some(|v, k| crate::ops::sequence::getitem(&referent_of(v)?, k)),
    setitem: Some(|v, k, x| {
        let r = referent_of(v)?;
        match x {
            Some(x) => crate::ops::sequence::setitem(&r, k, x),
            None => crate::ops::sequence::delitem(&r, k),
        }
    }),
    contains: Some(|v, k| crate::ops::sequence::contains(&referent_of(v)?, k)),
    iter: Some(|v| crate::ops::sequence::iter(&referent_of(v)?)),
    next: Some(proxy_next),
    // The referent's own AttributeError (naming its type) propagates.
    getattr: Some(|v, name| crate::ops::object::getattr(&referent_of(v)?, name).map(Some)),
    setattr: Some(|v, name, x| crate::ops::object::setattr(&referent_of(v)?, name, x)),
    nb: PROXY_NB,
    nb_inplace: PROXY_NB_INPLACE,
    neg: Some(|v| crate::ops::number::neg(&referent_of(v)?)),
    pos: Some(|v| crate::ops::number::pos(&referent_of(v)?)),
    abs: Some(|v| crate::ops::number::abs(&referent_of(v)?)),
    invert: Some(|v| crate::ops::number::invert(&referent_of(v)?)),
    index: Some(|v| crate::ops::number::index(&referent_of(v)?)),
    int: Some(|v| {
        let r = referent_of(v)?;
        crate::vm::call::call(&crate::objects::int::INT_TYPE.to_value(), &[r], &[])
    }),
    float: Some(|v| {
        let r = referent_of(v)?;
        crate::vm::call::call(&crate::objects::float::FLOAT_TYPE.to_value(), &[r], &[])
    }),
    methods: &[
        method!("__bytes__", |v, a, _| proxy_call_method(v, "__bytes__", a)),
        method!("__reversed__", |v, a, _| proxy_call_method(
            v,
            "__reversed__",
            a
        )),
    ],
    ..TypeObject::EMPTY
};

/// `weakref.ProxyType`: a proxy to an object that is not callable.
pub static PROXY_TYPE: TypeObject = TypeObject {
    name: "weakref.ProxyType",
    ..PROXY_SLOTS
};

/// `weakref.CallableProxyType`: a proxy to a callable object.
pub static CALLABLE_PROXY_TYPE: TypeObject = TypeObject {
    name: "weakref.CallableProxyType",
    call: Some(|v, args, kw| crate::vm::call::call(&referent_of(v)?, args, kw)),
    ..PROXY_SLOTS
};
