//! Instances of plain classes: attribute values in a compact array, keys shared by the class.
//!
//! A class whose instances have the layout of `object` (no built-in base with its own payload)
//! gets [`flags::INLINE_VALUES`]. Its instances are an [`Instance`] followed by `cap` value
//! slots. The *names* live once on the class ([`TypeObject::keys`], append-only, at most
//! [`MAX_KEYS`]), so an attribute is "index `i` in the class's keys, slot `i` in the instance".
//! Because keys are never removed or reordered, an index learned once stays valid for every
//! instance of that class, and `LOAD_ATTR_INSTANCE_VALUE` is a type-version check plus an
//! indexed load.
//!
//! An instance is in one of two modes:
//! - **values mode** (`dict` slot NULL): attributes are in the slots. Slot order is insertion
//!   order: a new attribute is only stored in values mode at an index above every filled slot
//!   (`len`), so iterating the slots in index order gives the order `__dict__` must show.
//! - **dict mode** (`dict` slot holds a dict): the instance's `__dict__` was requested (or an
//!   insertion could not keep the order, or the slots ran out); from then on the dict is the only
//!   store and the slots are empty. The switch is one-way.

use std::alloc::Layout;
use std::cell::{Cell, UnsafeCell};

use crate::abi::{ObjHeader, Value};
use crate::objects::dict::{new_dict, Dict};
use crate::objects::str::{is_exact_str, str_eq};
use crate::objects::{flags, Obj, PyResult, TypeObject};

/// Most distinct attribute names a class shares through its keys (as CPython's
/// `SHARED_KEYS_MAX_SIZE`); further names go to the instance's dict.
pub const MAX_KEYS: usize = 30;

/// Fewest value slots an instance gets, so a class's first instances (allocated before the
/// keys have grown) still hold a typical `__init__`'s attributes.
const MIN_CAP: usize = 6;

pub use crate::abi::Instance;

/// Byte offset of the `dict` slot in an instance: the class's `dict_offset`.
pub const DICT_OFFSET: usize = std::mem::offset_of!(Obj<Instance>, data);

/// Byte offset of slot 0 from the start of the object.
pub const VALUES_OFFSET: usize = std::mem::size_of::<Obj<Instance>>();

// Compiled code finds the header and the slots from the object's address (`abi::Instance`).
const _: () = assert!(DICT_OFFSET == std::mem::size_of::<crate::abi::ObjHeader>());
const _: () = assert!(VALUES_OFFSET == crate::abi::Instance::VALUES_OFFSET);

fn layout_for(cap: usize) -> Layout {
    Layout::from_size_align(
        VALUES_OFFSET + cap * std::mem::size_of::<Value>(),
        std::mem::align_of::<Obj<Instance>>(),
    )
    .expect("instance layout")
}

/// The class's shared attribute names.
#[inline]
pub fn keys(ty: &TypeObject) -> &[Value] {
    // SAFETY: single-threaded; keys are only appended to by `add_key`, never while borrowed.
    unsafe { &*ty.keys.get() }
}

/// Index of `name` in the class's keys.
#[inline]
pub fn key_index(ty: &TypeObject, name: &Value) -> Option<usize> {
    let ks = keys(ty);
    if let Some(i) = ks.iter().position(|k| k.is(name)) {
        return Some(i);
    }
    if name.is_small_str() {
        // Inline strings are canonical: equal text means equal bits, so a miss is a miss
        // unless some key is a heap str with the same short text (never: keys are exact str).
        return None;
    }
    ks.iter().position(|k| str_eq(k, name))
}

/// Index of `name`, adding it to the class's keys if there is room.
fn key_index_or_add(ty: &TypeObject, name: &Value) -> Option<usize> {
    if let Some(i) = key_index(ty, name) {
        return Some(i);
    }
    // SAFETY: single-threaded; no borrow of the keys is live here.
    let ks = unsafe { &mut *ty.keys.get() };
    if ks.len() >= MAX_KEYS || !is_exact_str(name) {
        return None;
    }
    ks.push(name.clone());
    // Caches that rely on "this name is not an instance attribute" key on the type version.
    ty.version.set(crate::objects::class_::next_type_version());
    Some(ks.len() - 1)
}

/// Estimates how many attributes instances of a new class get: the distinct names stored
/// through the first parameter (`self.x = ...`) in the functions of its namespace, plus the
/// estimate of its base. Only sizes new instances; the keys still grow in insertion order.
pub fn estimate_attrs(ns: &Dict, base: &TypeObject) -> u16 {
    use crate::vm::opcodes::{LOAD_FAST, STORE_ATTR};
    let mut names: Vec<Value> = Vec::new();
    for (_, v) in ns.items() {
        let Some(f) = v.downcast_ref::<crate::objects::function::Function>() else {
            continue;
        };
        let code = f.code();
        if code.argcount == 0 {
            continue;
        }
        // The bytecode as compiled: the running copy may be specialized (or rewritten into
        // tier-1 superinstructions) if the code already ran in another class.
        // Each window: an instruction's two bytes, then the next one's.
        for w in code.raw.code.windows(4).step_by(2) {
            let (prev_op, prev_arg, op, arg) = (w[0], w[1], w[2], w[3]);
            if prev_op == LOAD_FAST && prev_arg == 0 && op == STORE_ATTR {
                if let Some(n) = code.names.get(arg as usize) {
                    if !names.iter().any(|x| x.is(n)) {
                        names.push(n.clone());
                    }
                }
            }
        }
    }
    let inherited = if base.flags & flags::INLINE_VALUES != 0 {
        base.attr_hint.get() as usize
    } else {
        0
    };
    (names.len() + inherited).min(MAX_KEYS) as u16
}

/// Allocates an instance of the INLINE_VALUES class `ty`, all attributes unset.
pub fn alloc_instance(ty: &TypeObject) -> Value {
    debug_assert!(ty.flags & flags::INLINE_VALUES != 0);
    let cap = keys(ty)
        .len()
        .max(ty.attr_hint.get() as usize)
        .clamp(MIN_CAP, MAX_KEYS);
    alloc_with(ty, cap, 0)
}

/// A new instance of `ty` with `cap` value slots, all NULL, `len` of them counted as filled,
/// and no dict.
fn alloc_with(ty: &TypeObject, cap: usize, len: usize) -> Value {
    let layout = layout_for(cap);
    // SAFETY: the layout has non-zero size; the header, the fixed part and every slot are
    // initialized before the pointer escapes.
    unsafe {
        let p = std::alloc::alloc(layout) as *mut Obj<Instance>;
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        p.write(Obj {
            header: ObjHeader {
                refcnt: Cell::new(1),
                ty,
            },
            data: Instance {
                dict: UnsafeCell::new(Value::NULL),
                len: Cell::new(len as u32),
                cap: cap as u32,
            },
        });
        let slots = (p as *mut u8).add(VALUES_OFFSET) as *mut Value;
        for i in 0..cap {
            slots.add(i).write(Value::NULL);
        }
        Value::from_owned_ptr(p as *mut ObjHeader)
    }
}

/// The fixed part of `v`, which must be an instance of an INLINE_VALUES class.
#[inline(always)]
pub fn instance(v: &Value) -> &Instance {
    debug_assert!(v.ty().flags & flags::INLINE_VALUES != 0);
    // SAFETY: INLINE_VALUES classes allocate every instance with `alloc_instance`.
    unsafe { &(*(v.obj_ptr() as *const Obj<Instance>)).data }
}

/// The value slots of `v` (an instance of an INLINE_VALUES class).
#[inline(always)]
pub fn slots(v: &Value) -> &[UnsafeCell<Value>] {
    let cap = instance(v).cap as usize;
    // SAFETY: `alloc_instance` placed `cap` initialized slots at VALUES_OFFSET; UnsafeCell<Value>
    // has the layout of Value.
    unsafe {
        std::slice::from_raw_parts(
            (v.obj_ptr() as *const u8).add(VALUES_OFFSET) as *const UnsafeCell<Value>,
            cap,
        )
    }
}

/// Whether `v` still keeps its attributes in its slots (no materialized dict).
#[inline(always)]
pub fn in_values_mode(v: &Value) -> bool {
    debug_assert!(v.ty().flags & flags::INLINE_VALUES != 0);
    // SAFETY: INLINE_VALUES classes allocate every instance with `alloc_instance`.
    unsafe { Instance::in_values_mode(v.obj_ptr()) }
}

/// The value in slot `i` (NULL when unset); `v` must be in values mode and `i < cap`.
#[inline(always)]
pub fn slot_get(v: &Value, i: usize) -> Option<Value> {
    // SAFETY: single-threaded; the caller checked the bounds through `slots`.
    let x = unsafe { &*slots(v)[i].get() };
    if x.is_null() {
        None
    } else {
        Some(x.clone())
    }
}

/// Reads attribute `name` stored on the instance itself (not the class).
pub fn get(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let inst = instance(v);
    // SAFETY: single-threaded read of the dict slot.
    let d = unsafe { &*inst.dict.get() };
    if !d.is_null() {
        return d.downcast_ref::<Dict>().unwrap().get_item(name);
    }
    let Some(i) = key_index(v.ty(), name) else {
        return Ok(None);
    };
    if i >= inst.len.get() as usize {
        return Ok(None);
    }
    Ok(slot_get(v, i))
}

/// Stores (or with `None` deletes) attribute `name` on the instance. Deleting reports whether
/// the attribute was there.
pub fn set(v: &Value, name: &Value, val: Option<Value>) -> PyResult<bool> {
    let inst = instance(v);
    if in_values_mode(v) {
        match val {
            Some(x) => {
                let x = match key_index_or_add(v.ty(), name) {
                    Some(i) => match try_store_slot(v, i, x) {
                        Ok(()) => return Ok(true),
                        Err(x) => x,
                    },
                    None => x,
                };
                materialize(v)
                    .downcast_ref::<Dict>()
                    .unwrap()
                    .set_item(name.clone(), x)?;
                return Ok(true);
            }
            None => {
                let Some(i) = key_index(v.ty(), name) else {
                    return Ok(false);
                };
                let len = inst.len.get() as usize;
                if i >= len {
                    return Ok(false);
                }
                // SAFETY: single-threaded; the old value is dropped after the slot is cleared.
                let old = unsafe { std::mem::replace(&mut *slots(v)[i].get(), Value::NULL) };
                if old.is_null() {
                    return Ok(false);
                }
                if i + 1 == len {
                    let s = slots(v);
                    let mut n = i;
                    // SAFETY: single-threaded reads of initialized slots.
                    while n > 0 && unsafe { (*s[n - 1].get()).is_null() } {
                        n -= 1;
                    }
                    inst.len.set(n as u32);
                }
                drop(old);
                return Ok(true);
            }
        }
    }
    // SAFETY: single-threaded read of the dict slot (dict mode).
    let d = unsafe { (*inst.dict.get()).clone() };
    let d = d.downcast_ref::<Dict>().unwrap();
    match val {
        Some(x) => d.set_item(name.clone(), x).map(|_| true),
        None => Ok(d.del_item(name)?.is_some()),
    }
}

/// Stores `x` in slot `i` if the slot exists and that keeps slot order = insertion order
/// (overwriting a filled slot, or filling one above every filled slot); otherwise gives `x`
/// back.
#[inline(always)]
pub fn try_store_slot(v: &Value, i: usize, x: Value) -> Result<(), Value> {
    // SAFETY: `v` is an instance of an INLINE_VALUES class in values mode (the caller's guard).
    unsafe { Instance::store_slot(v.obj_ptr(), i, x) }
}

/// Switches `v` to dict mode (once) and returns its `__dict__`.
pub fn materialize(v: &Value) -> Value {
    let inst = instance(v);
    // SAFETY: single-threaded access to the dict slot.
    let cur = unsafe { &mut *inst.dict.get() };
    if !cur.is_null() {
        return cur.clone();
    }
    let d = new_dict();
    let dd = d.downcast_ref::<Dict>().unwrap();
    let ks = keys(v.ty());
    let len = inst.len.get() as usize;
    for (i, slot) in slots(v)[..len].iter().enumerate() {
        // SAFETY: single-threaded; each filled slot's value moves into the dict.
        let x = unsafe { std::mem::replace(&mut *slot.get(), Value::NULL) };
        if !x.is_null() {
            // Keys are exact strs: hashing cannot fail or run Python code.
            let _ = dd.set_item(ks[i].clone(), x);
        }
    }
    inst.len.set(0);
    *cur = d.clone();
    d
}

/// Replaces the instance's `__dict__` (`obj.__dict__ = d`): dict mode with `d`.
pub fn replace_dict(v: &Value, d: Value) {
    materialize(v);
    // SAFETY: single-threaded; the old dict drops after the slot is replaced.
    let old = unsafe { std::mem::replace(&mut *instance(v).dict.get(), d) };
    drop(old);
}

/// A new instance of a `SLOT_VALUES` class: every slot empty (NULL), no dict yet. The values
/// array holds exactly the class's slots, so `len == cap` and dealloc drops them all.
pub fn alloc_slotted(ty: &TypeObject) -> Value {
    debug_assert!(ty.flags & flags::SLOT_VALUES != 0);
    let cap = (ty.slot_count.get() as usize).max(1);
    alloc_with(ty, cap, cap)
}

/// The value cell of slot `ix` of a `SLOT_VALUES` instance.
///
/// # Safety
/// `obj`'s type has `SLOT_VALUES` and `ix < slot_count` of that type (a slot descriptor of
/// one of its classes, checked against the instance's type).
/// Like every value slot of an object, it is written through a shared reference to the
/// object (single-threaded; no borrow of a slot outlives the statement that uses it).
#[inline(always)]
#[allow(clippy::mut_from_ref)]
pub unsafe fn slot_cell(obj: &Value, ix: usize) -> &mut Value {
    &mut *((obj.obj_ptr() as *mut u8).add(VALUES_OFFSET) as *mut Value).add(ix)
}

/// The dealloc of INLINE_VALUES instances: drops the slots and the dict, frees the block.
///
/// # Safety
/// `p` must come from [`alloc_instance`] and have no references left.
pub unsafe fn dealloc_instance(p: *mut ObjHeader) {
    let o = p as *mut Obj<Instance>;
    let cap = (*o).data.cap as usize;
    let slots = (p as *mut u8).add(VALUES_OFFSET) as *mut Value;
    for i in 0..cap {
        std::ptr::drop_in_place(slots.add(i));
    }
    std::ptr::drop_in_place(o);
    std::alloc::dealloc(p as *mut u8, layout_for(cap));
}
