//! `tuple`: an immutable array of values.

use std::cell::{Cell, UnsafeCell};

use crate::abi::{ItemVec, ObjHeader, Value};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::none::not_implemented;
use crate::objects::slice::{slice_indices, SliceObj};
use crate::objects::str::from_string;
use crate::objects::{
    alloc, flags, CmpOp, MethodDef, MethodKind, NbOp, Obj, PyPayload, PyResult, TypeObject,
    NB_COUNT,
};
use crate::ops::sequence::{index_arg, normalize_index};

/// Payload: the items, kept as `abi::ItemVec` (the layout `list` has too), so that compiled
/// code indexes and iterates tuples inline with the stencils it uses for lists; then the hash
/// once computed. Invariant: `items` are either the parts of a live vector that
/// [`Tuple::new`] made (`cap > 0`, or nothing allocated when empty), or, with `cap == 0`, `len`
/// values in the object's own memory ([`new_tuple`]'s small tuples); released only by `drop`;
/// the values change only through [`refill_pair`], on a tuple nothing else references.
#[repr(C)]
pub struct Tuple {
    items: ItemVec,
    /// The tuple's hash, or -1 (never a hash) until computed. Only cached when every item is
    /// inline or an exact str: then hashing runs no Python code and caching is invisible
    /// (CPython 3.12 recomputes, calling items' `__hash__` every time).
    hash: Cell<i64>,
}

impl Drop for Tuple {
    /// Releases the items last to first, as CPython's `tupledealloc`.
    fn drop(&mut self) {
        let ItemVec { ptr, len, cap } = self.items;
        if cap == 0 {
            // Items in the object's own memory (or none): dropped in place.
            for i in (0..len).rev() {
                // SAFETY: `len` live values at `ptr` (see the invariant), each dropped once.
                unsafe { std::ptr::drop_in_place(ptr.add(i)) };
            }
            return;
        }
        // SAFETY: the parts of the vector `new` made (see the invariant), not yet released.
        let mut items = unsafe { Vec::from_raw_parts(ptr, len, cap) };
        while let Some(x) = items.pop() {
            drop(x);
        }
    }
}

impl Tuple {
    /// A tuple payload holding `items`.
    pub fn new(items: Vec<Value>) -> Tuple {
        // Shrunk to its length, as a boxed slice would be.
        let mut items = std::mem::ManuallyDrop::new(items.into_boxed_slice().into_vec());
        Tuple {
            items: ItemVec {
                ptr: items.as_mut_ptr(),
                len: items.len(),
                cap: items.capacity(),
            },
            hash: Cell::new(-1),
        }
    }
    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        // SAFETY: `len` live values at `ptr` (see the invariant); only `refill_pair` writes
        // them, while no other reference exists.
        unsafe { std::slice::from_raw_parts(self.items.ptr, self.items.len) }
    }
    /// A new reference to item `i` counted from the end when negative, if in range.
    #[inline(always)]
    pub fn get_signed(&self, i: i64) -> Option<Value> {
        self.items.get_signed(i).cloned()
    }
}

impl PyPayload for Tuple {
    fn type_object() -> *const TypeObject {
        &TUPLE_TYPE
    }
}

/// Most items an exact tuple keeps in its own memory: a tuple of up to this many items (pairs
/// are the usual dict items, keys and sort keys) is one allocation instead of two.
const INLINE_ITEMS: usize = 2;

/// The memory of an exact tuple made by [`new_tuple`]: the object, then room for
/// [`INLINE_ITEMS`] items (used when the tuple has that many or fewer).
#[repr(C)]
struct TupleBlock {
    obj: Obj<Tuple>,
    inline: [std::mem::MaybeUninit<Value>; INLINE_ITEMS],
}

/// Most freed exact-tuple blocks kept for reuse (their memory, not their items).
const FREE_TUPLES_MAX: usize = 16384;

/// Memory of freed exact tuples (`TupleBlock`s, items already released), reused by
/// [`new_tuple`]: tuples are built and dropped in bulk (dict keys, sort keys, `items()`),
/// where the allocator's own caches overflow into its slow paths. Freed with the thread.
///
/// `spare` is the buffer (room for [`INLINE_ITEMS`] values, empty) of the last vector whose
/// items [`new_tuple`] moved into a block, or null: [`items_vec`] hands it out again, so that
/// building a pair from the value stack (`BUILD_TUPLE 2` in compiled code) allocates nothing.
struct FreeTuples {
    blocks: Vec<*mut TupleBlock>,
    spare: *mut Value,
}

impl Drop for FreeTuples {
    fn drop(&mut self) {
        for p in self.blocks.drain(..) {
            // SAFETY: `new_tuple` boxed the block; its contents were dropped when it was kept.
            drop(unsafe { Box::from_raw(p as *mut std::mem::MaybeUninit<TupleBlock>) });
        }
        let spare = std::mem::replace(&mut self.spare, std::ptr::null_mut());
        if !spare.is_null() {
            // SAFETY: the empty buffer of a vector with capacity `INLINE_ITEMS` (see the field).
            drop(unsafe { Vec::from_raw_parts(spare, 0, INLINE_ITEMS) });
        }
    }
}

thread_local! {
    static FREE_TUPLES: UnsafeCell<FreeTuples> = const {
        UnsafeCell::new(FreeTuples {
            blocks: Vec::new(),
            spare: std::ptr::null_mut(),
        })
    };
}

/// An empty vector with room for `n` values: for [`INLINE_ITEMS`], the spare buffer that
/// [`new_tuple`] kept, when there is one.
#[inline]
pub fn items_vec(n: usize) -> Vec<Value> {
    if n == INLINE_ITEMS {
        // SAFETY: as in `tuple_block`.
        let spare = FREE_TUPLES
            .try_with(|f| unsafe { std::mem::replace(&mut (*f.get()).spare, std::ptr::null_mut()) })
            .unwrap_or(std::ptr::null_mut());
        if !spare.is_null() {
            // SAFETY: an empty buffer of capacity `INLINE_ITEMS`, now owned here.
            return unsafe { Vec::from_raw_parts(spare, 0, INLINE_ITEMS) };
        }
    }
    Vec::with_capacity(n)
}

/// The memory for a new exact tuple: a kept block, else a fresh one.
#[inline]
fn tuple_block() -> *mut TupleBlock {
    // SAFETY: the free list is only touched by this module's functions, none of which runs
    // other code while holding it. (After the thread's free list is gone, during
    // thread exit, blocks are plainly boxed.)
    let spare = FREE_TUPLES
        .try_with(|f| unsafe { (*f.get()).blocks.pop() })
        .ok()
        .flatten();
    spare.unwrap_or_else(new_block)
}

/// Fresh memory for a tuple block.
#[cold]
fn new_block() -> *mut TupleBlock {
    Box::into_raw(Box::new(std::mem::MaybeUninit::<TupleBlock>::uninit())) as *mut TupleBlock
}

/// Makes `p` (from [`tuple_block`]) the exact tuple with payload `data`.
///
/// # Safety
/// `p` is an unused block, and `data` keeps its items in the block (`cap == 0`) or in a
/// vector of its own.
#[inline]
unsafe fn init_tuple(p: *mut TupleBlock, data: Tuple) -> Value {
    std::ptr::addr_of_mut!((*p).obj).write(Obj {
        header: ObjHeader {
            refcnt: Cell::new(1),
            ty: &TUPLE_TYPE,
        },
        data,
    });
    Value::from_owned_ptr(p as *mut ObjHeader)
}

/// The slots of the items kept in block `p`'s own memory.
#[inline(always)]
fn inline_slots(p: *mut TupleBlock) -> *mut Value {
    // SAFETY: only the address of the field is taken.
    unsafe { std::ptr::addr_of_mut!((*p).inline) as *mut Value }
}

/// A new tuple of `items`.
pub fn new_tuple(mut items: Vec<Value>) -> Value {
    let n = items.len();
    if n == 0 || n > INLINE_ITEMS {
        // SAFETY: the block is unused; the items stay in their own vector.
        return unsafe { init_tuple(tuple_block(), Tuple::new(items)) };
    }
    // One visit to the free list: a kept block out, the vector's buffer in as the spare
    // (when it fits and none is kept), so that the next `items_vec` of a pair reuses it.
    let buf = items.as_mut_ptr();
    let fits = items.capacity() == INLINE_ITEMS;
    // SAFETY: as in `tuple_block`.
    let (block, kept) = FREE_TUPLES
        .try_with(|f| unsafe {
            let f = &mut *f.get();
            let kept = fits && f.spare.is_null();
            if kept {
                f.spare = buf;
            }
            (f.blocks.pop(), kept)
        })
        .unwrap_or((None, false));
    let p = block.unwrap_or_else(new_block);
    let slots = inline_slots(p);
    // SAFETY: the block has room for `n` (1 or 2) items; they move there bitwise (two
    // 16-byte copies, no call), and the vector forgets them; its buffer is then either the
    // free list's spare (forgotten here) or freed with the emptied vector.
    unsafe {
        slots.write(buf.read());
        if n == INLINE_ITEMS {
            slots.add(1).write(buf.add(1).read());
        }
        items.set_len(0);
        if kept {
            std::mem::forget(items);
        } else {
            drop(items);
        }
        init_tuple(
            p,
            Tuple {
                items: ItemVec {
                    ptr: slots,
                    len: n,
                    cap: 0,
                },
                hash: Cell::new(-1),
            },
        )
    }
}

/// The tuple `(a, b)`: [`new_tuple`] without the vector.
pub fn new_pair(a: Value, b: Value) -> Value {
    let p = tuple_block();
    let slots = inline_slots(p);
    // SAFETY: the block has room for two items (`INLINE_ITEMS`), and `p` is unused.
    unsafe {
        slots.write(a);
        slots.add(1).write(b);
        init_tuple(
            p,
            Tuple {
                items: ItemVec {
                    ptr: slots,
                    len: 2,
                    cap: 0,
                },
                hash: Cell::new(-1),
            },
        )
    }
}

/// The `dealloc` of exact tuples: releases the items, then keeps the block for
/// [`new_tuple`] (up to [`FREE_TUPLES_MAX`]) or frees it.
///
/// # Safety
/// As [`crate::objects::dealloc_obj`]: `p` is an exact tuple whose count reached zero.
unsafe fn tuple_dealloc(p: *mut ObjHeader) {
    let p = p as *mut TupleBlock;
    // Items go first; their finalizers may build and drop tuples meanwhile.
    std::ptr::drop_in_place(&mut (*p).obj.data);
    // SAFETY: as in `tuple_block`.
    let kept = FREE_TUPLES
        .try_with(|f| unsafe {
            let v = &mut (*f.get()).blocks;
            if v.len() < FREE_TUPLES_MAX {
                v.push(p);
                true
            } else {
                false
            }
        })
        .unwrap_or(false);
    if !kept {
        // SAFETY: `tuple_block` boxed the block; its contents are already dropped.
        drop(Box::from_raw(p as *mut std::mem::MaybeUninit<TupleBlock>));
    }
}

/// Whether `t` is an exact 2-tuple that nothing but `t` references (so that its owner may
/// refill it with [`refill_pair`] instead of allocating a new one).
#[inline]
pub fn is_unshared_pair(t: &Value) -> bool {
    // SAFETY: an exact tuple is a live object; reading its count has no effect.
    t.downcast_exact::<Tuple>()
        .is_some_and(|x| x.items().len() == 2)
        && unsafe { (*t.obj_ptr()).refcnt.get() } == 1
}

/// Replaces the two items of a pair that [`is_unshared_pair`] accepted, returning the old
/// ones (for the caller to release once nothing depends on the tuple's state).
///
/// # Safety
/// `t` is an exact 2-tuple and no reference other than the caller's own reads its items now
/// (the caller may hold two: its spare and `t`).
pub unsafe fn refill_pair(t: &Value, a: Value, b: Value) -> (Value, Value) {
    let p = t.obj_ptr() as *mut crate::objects::Obj<Tuple>;
    (*p).data.hash.set(-1);
    // The slots of the tuple's two items (see `Tuple`'s invariant).
    let slots = (*p).data.items.ptr;
    (slots.replace(a), slots.add(1).replace(b))
}

/// The items of a tuple value; an empty slice for other types.
pub fn tuple_items(v: &Value) -> &[Value] {
    try_tuple_items(v).unwrap_or(&[])
}

/// The items of a tuple value, or `None` when `v` is not a tuple.
#[inline]
pub fn try_tuple_items(v: &Value) -> Option<&[Value]> {
    v.downcast_ref::<Tuple>().map(|t| t.items())
}

/// `tuple(iterable)`.
pub fn to_tuple(v: &Value) -> PyResult<Value> {
    if v.is_obj() && std::ptr::eq(v.ty(), &TUPLE_TYPE) {
        return Ok(v.clone());
    }
    Ok(new_tuple(crate::ops::sequence::collect(v)?))
}

/// Repr of a sequence of items between `open` and `close`.
pub fn seq_repr(items: &[Value], open: &str, close: &str) -> PyResult<String> {
    let mut s = String::from(open);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&crate::ops::object::repr_string(x)?);
    }
    s.push_str(close);
    Ok(s)
}

fn tuple_repr(v: &Value) -> PyResult<Value> {
    let items = tuple_items(v);
    if items.len() == 1 {
        return Ok(from_string(format!(
            "({},)",
            crate::ops::object::repr_string(&items[0])?
        )));
    }
    if !crate::vm::reprguard::enter(v) {
        return Ok(crate::objects::str::new_str("(...)"));
    }
    let r = seq_repr(items, "(", ")");
    crate::vm::reprguard::leave(v);
    Ok(from_string(r?))
}

/// CPython's tuple hash (xxHash-derived), so that tuple hashes match.
pub(crate) fn tuple_hash(v: &Value) -> PyResult<i64> {
    let Some(t) = v.downcast_ref::<Tuple>() else {
        return tuple_hash_items(&[]).map(|(h, _)| h);
    };
    let cached = t.hash.get();
    if cached != -1 {
        return Ok(cached);
    }
    hash_and_cache(t)
}

/// Computes `t`'s hash, caching it when that ran no Python code.
fn hash_and_cache(t: &Tuple) -> PyResult<i64> {
    let (h, pure) = tuple_hash_items(t.items())?;
    if pure {
        t.hash.set(h);
    }
    Ok(h)
}

/// The hash of an exact tuple (its cached one when there is one; see [`Tuple`]'s field),
/// for dict lookups, which skip the `hash` slot's dispatch; `None` for other values.
#[inline(always)]
pub fn exact_hash(v: &Value) -> Option<PyResult<i64>> {
    let t = v.downcast_exact::<Tuple>()?;
    let h = t.hash.get();
    Some(if h != -1 { Ok(h) } else { hash_and_cache(t) })
}

/// The hash of a tuple with these items (CPython's algorithm), and whether computing it ran
/// no Python code (every item inline or an exact str), so that it may be cached.
fn tuple_hash_items(items: &[Value]) -> PyResult<(i64, bool)> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    let mut pure = true;
    for x in items {
        // Inline ints and exact strs (the usual key parts) hash here; the rest by their type.
        let lane = if x.is_int() {
            crate::objects::int::hash_i64(x.as_int_unchecked())
        } else if crate::objects::str::is_exact_str(x) {
            crate::objects::str::str_hash(x)
        } else {
            pure &= !x.is_obj();
            crate::ops::object::hash(x)?
        } as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok((1546275796, pure));
    }
    Ok((acc as i64, pure))
}

/// Lexicographic comparison of two item slices (lists and tuples).
pub fn seq_richcompare(a: &[Value], b: &[Value], op: CmpOp) -> PyResult<Value> {
    if (op == CmpOp::Eq || op == CmpOp::Ne) && a.len() != b.len() {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !crate::ops::compare::eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => crate::ops::compare::rich_compare(x, y, op),
            };
        }
    }
    Ok(Value::bool(op.test(a.len().cmp(&b.len()))))
}

pub(crate) fn tuple_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    match (try_tuple_items(a), try_tuple_items(b)) {
        (Some(x), Some(y)) => seq_richcompare(x, y, op),
        _ => Ok(not_implemented()),
    }
}

/// Items selected by a slice from a slice of values.
pub fn slice_items(items: &[Value], s: &SliceObj) -> PyResult<Vec<Value>> {
    let (start, _stop, step, n) = slice_indices(s, items.len())?;
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    for _ in 0..n {
        out.push(items[i as usize].clone());
        i += step;
    }
    Ok(out)
}

pub(crate) fn tuple_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    let items = tuple_items(v);
    if let Some(s) = k.downcast_ref::<SliceObj>() {
        return Ok(new_tuple(slice_items(items, s)?));
    }
    let i = index_arg(k, "tuple")?;
    Ok(items[normalize_index(i, items.len(), "tuple")?].clone())
}

pub(crate) fn tuple_len(v: &Value) -> PyResult<usize> {
    Ok(tuple_items(v).len())
}

pub(crate) fn tuple_contains(v: &Value, k: &Value) -> PyResult<bool> {
    for x in tuple_items(v) {
        if crate::ops::compare::eq(x, k)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub(crate) fn tuple_iter(v: &Value) -> PyResult<Value> {
    Ok(crate::objects::iterators::new_seq_iter(v.clone()))
}

pub(crate) fn tuple_add(a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (try_tuple_items(a), try_tuple_items(b)) else {
        // See `list_add`: the error comes from `ops::number::binary_op`.
        return Ok(not_implemented());
    };
    let mut v = x.to_vec();
    v.extend_from_slice(y);
    Ok(new_tuple(v))
}

/// Room for `len * n` items of `T` in a new vector, as `seq * n` needs it: MemoryError (as
/// CPython raises) when the size overflows or the allocation fails, instead of an abort.
fn room_for_repeat<T>(len: usize, n: i64) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    let total = len.checked_mul(n.max(0) as usize);
    match total.map(|t| v.try_reserve_exact(t)) {
        Some(Ok(())) => Ok(v),
        _ => err(&crate::objects::exception::MEMORY_ERROR, ""),
    }
}

/// `items` repeated `n` times (`n <= 0`: none), each copy a new reference. Inline values own
/// nothing, so a run of them is copied as bits, by doubling: a large `[x] * n` costs a
/// memory copy, not a clone per item.
pub fn repeat_items(items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    let mut v = room_for_repeat(items.len(), n)?;
    if n <= 0 || items.is_empty() {
        return Ok(v);
    }
    if items.iter().any(|x| x.is_obj()) {
        for _ in 0..n {
            v.extend_from_slice(items);
        }
        return Ok(v);
    }
    let total = items.len() * n as usize;
    v.extend_from_slice(items);
    while v.len() < total {
        let k = v.len().min(total - v.len());
        // SAFETY: the first `k <= len` items are inline values (bit copies own nothing), the
        // destination lies within the capacity reserved above (`len + k <= total`), and the
        // two ranges do not overlap.
        unsafe {
            let p = v.as_mut_ptr();
            std::ptr::copy_nonoverlapping(p, p.add(v.len()), k);
            v.set_len(v.len() + k);
        }
    }
    Ok(v)
}

/// `bytes` repeated `n` times (`n <= 0`: none), as [`repeat_items`].
pub fn repeat_bytes(bytes: &[u8], n: i64) -> PyResult<Vec<u8>> {
    let mut v = room_for_repeat(bytes.len(), n)?;
    if n <= 0 || bytes.is_empty() {
        return Ok(v);
    }
    let total = bytes.len() * n as usize;
    v.extend_from_slice(bytes);
    while v.len() < total {
        let k = v.len().min(total - v.len());
        v.extend_from_within(..k);
    }
    Ok(v)
}

/// `seq * n` repetition count: NotImplemented unless `n` is an int.
pub fn repeat_count(n: &Value) -> PyResult<Option<i64>> {
    if crate::objects::int::as_int(n).is_none() && n.ty().index.is_none() {
        return Ok(None);
    }
    let i = crate::ops::number::index(n)?;
    match i.as_small_int() {
        Some(x) => Ok(Some(x.max(0))),
        None => err(
            &crate::objects::exception::OVERFLOW_ERROR,
            "cannot fit 'int' into an index-sized integer",
        ),
    }
}

pub(crate) fn tuple_mul(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(items) = try_tuple_items(a) else {
        return Ok(not_implemented());
    };
    let Some(n) = repeat_count(b)? else {
        return Ok(not_implemented());
    };
    Ok(new_tuple(repeat_items(items, n)?))
}

fn tuple_count(this: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("count", args)?;
    let mut n = 0;
    for y in tuple_items(this) {
        if crate::ops::compare::eq(y, x)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn tuple_index(this: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = tuple_items(this);
    let (x, start, stop) = crate::builtins::args::index_args("index", args, items.len())?;
    for (i, y) in items.iter().enumerate().take(stop).skip(start) {
        if crate::ops::compare::eq(y, x)? {
            return Ok(Value::int(i as i64));
        }
    }
    err(
        &crate::objects::exception::VALUE_ERROR,
        "tuple.index(x): x not in tuple",
    )
}

fn tuple_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "tuple() takes no keyword arguments");
    }
    if !std::ptr::eq(ty, &TUPLE_TYPE) {
        let items = match args {
            [] => vec![],
            [x] => crate::ops::sequence::collect(x)?,
            _ => {
                return err(
                    &TYPE_ERROR,
                    format!("tuple expected at most 1 argument, got {}", args.len()),
                )
            }
        };
        return Ok(alloc(ty, Tuple::new(items)));
    }
    match args {
        [] => Ok(new_tuple(vec![])),
        [x] => to_tuple(x),
        _ => err(
            &TYPE_ERROR,
            format!("tuple expected at most 1 argument, got {}", args.len()),
        ),
    }
}

/// The `tuple` type.
pub static TUPLE_TYPE: TypeObject = TypeObject {
    name: "tuple",
    layout: &TUPLE_TYPE,
    flags: flags::BASETYPE,
    dealloc: tuple_dealloc,
    sub_layout: crate::objects::sub_layout::<Tuple>(),
    repr: Some(tuple_repr),
    hash: Some(tuple_hash),
    richcompare: Some(tuple_richcompare),
    len: Some(tuple_len),
    getitem: Some(tuple_getitem),
    contains: Some(tuple_contains),
    iter: Some(tuple_iter),
    nb: {
        let mut nb: [Option<crate::objects::BinaryFn>; NB_COUNT] = [None; NB_COUNT];
        nb[NbOp::Add as usize] = Some(tuple_add);
        nb[NbOp::Mul as usize] = Some(tuple_mul);
        nb
    },
    new: Some(tuple_new),
    methods: &[
        crate::objects::generic_alias::CLASS_GETITEM,
        MethodDef {
            name: "count",
            func: tuple_count,
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "index",
            func: tuple_index,
            kind: MethodKind::Instance,
            doc: "",
        },
    ],
    doc: "Built-in immutable sequence.",
    ..TypeObject::EMPTY
};
