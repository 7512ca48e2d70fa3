//! `list`: a mutable array of values.
//!
//! The items live in an `UnsafeCell<ItemVec>`: the raw parts of a `Vec<Value>` in a fixed layout
//! that compiled code reads (`abi::ItemVec`). Invariant for every method here: no reference
//! into the Vec is held across a call that can run Python code (comparisons, `repr`, key
//! functions), because that code may mutate the list; such methods copy what they need first or
//! re-check the length after each call.

use std::cell::UnsafeCell;

use crate::abi::{ItemVec, Value};
use crate::builtins::args::{exactly_one, index_args, ArgParser};
use crate::objects::exception::{err, INDEX_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::none::not_implemented;
use crate::objects::slice::{slice_indices, SliceObj};
use crate::objects::str::{from_string, new_str};
use crate::objects::tuple::{repeat_count, repeat_items, seq_repr, seq_richcompare, slice_items};
use crate::objects::{
    alloc, dealloc_obj, flags, BinaryFn, NbOp, PyPayload, PyResult, TypeObject, NB_COUNT,
};
use crate::ops::sequence::{index_arg, normalize_index};

/// Payload: the items. `#[repr(C)]`, so the `ItemVec` is the payload's start (compiled code
/// finds it with `abi::payload_of`).
#[repr(C)]
pub struct List {
    items: UnsafeCell<ItemVec>,
}

const _: () = assert!(std::mem::align_of::<List>() <= 8);

/// Moves a `Vec`'s buffer into an `ItemVec` (which then owns it).
fn into_item_vec(v: Vec<Value>) -> ItemVec {
    let mut v = std::mem::ManuallyDrop::new(v);
    ItemVec {
        ptr: v.as_mut_ptr(),
        len: v.len(),
        cap: v.capacity(),
    }
}

/// A `Vec` view of an `ItemVec` for the length of a [`List::with`] call: written back when
/// dropped, also on unwinding, so the `ItemVec` always describes the current buffer.
struct VecGuard<'a> {
    items: &'a mut ItemVec,
    vec: std::mem::ManuallyDrop<Vec<Value>>,
}

impl Drop for VecGuard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.items.ptr = self.vec.as_mut_ptr();
        self.items.len = self.vec.len();
        self.items.cap = self.vec.capacity();
    }
}

impl PyPayload for List {
    fn type_object() -> *const TypeObject {
        &LIST_TYPE
    }
}

impl Drop for List {
    /// Releases the items last to first, as CPython's `list_dealloc` (observable through
    /// `__del__` and weak reference callbacks).
    fn drop(&mut self) {
        self.with(|items| {
            while let Some(x) = items.pop() {
                drop(x);
            }
        });
        // SAFETY: the buffer came from a `Vec<Value>` (`into_item_vec`) and is not used again.
        let items = self.items.get_mut();
        drop(unsafe { Vec::from_raw_parts(items.ptr, items.len, items.cap) });
    }
}

impl List {
    /// Runs `f` on the items. `f` must not run Python code (see the module invariant).
    #[inline(always)]
    pub fn with<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        // SAFETY: single-threaded, and `f` cannot re-enter Python, so no other borrow exists.
        let items = unsafe { &mut *self.items.get() };
        // SAFETY: `items` holds the raw parts of a `Vec<Value>` (`into_item_vec`); the guard
        // writes the Vec's parts back and never drops it.
        let vec = unsafe { Vec::from_raw_parts(items.ptr, items.len, items.cap) };
        let mut guard = VecGuard {
            items,
            vec: std::mem::ManuallyDrop::new(vec),
        };
        f(&mut guard.vec)
    }
    /// The item buffer, for reads that run no Python code.
    #[inline(always)]
    pub fn items(&self) -> &ItemVec {
        // SAFETY: single-threaded; writers (`with`) hold no borrow across Python code.
        unsafe { &*self.items.get() }
    }
    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.items().len
    }
    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// A new reference to item `i`, if in range.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        // SAFETY: `slot` only gives live items.
        self.items().slot(i as i64).map(|p| unsafe { (*p).clone() })
    }
    /// A new reference to item `i` counted from the end when negative, if in range.
    #[inline(always)]
    pub fn get_signed(&self, i: i64) -> Option<Value> {
        self.items().get_signed(i).cloned()
    }
    /// Replaces item `i` (must be in range); the old item is dropped after the store.
    #[inline(always)]
    pub fn set(&self, i: usize, x: Value) {
        let slot = self
            .items()
            .slot(i as i64)
            .expect("List::set: index in range");
        // SAFETY: `slot` is a live item; the old value is dropped after the store.
        let _old = unsafe { std::ptr::replace(slot, x) };
    }
    /// Appends an item.
    #[inline(always)]
    pub fn push(&self, x: Value) {
        self.with(|v| v.push(x))
    }
    /// A copy of the items.
    pub fn to_vec(&self) -> Vec<Value> {
        self.with(|v| v.clone())
    }
    /// Replaces all items, dropping the old ones after the swap.
    pub fn replace_all(&self, items: Vec<Value>) {
        let _old = self.with(|v| std::mem::replace(v, items));
    }
}

/// A new list of `items`.
pub fn new_list(items: Vec<Value>) -> Value {
    alloc(
        &LIST_TYPE,
        List {
            items: UnsafeCell::new(into_item_vec(items)),
        },
    )
}

fn this(v: &Value) -> &List {
    v.downcast_ref::<List>().expect("list method on a non-list")
}

fn list_repr(v: &Value) -> PyResult<Value> {
    if !crate::vm::reprguard::enter(v) {
        return Ok(new_str("[...]"));
    }
    let items = this(v).to_vec();
    let r = seq_repr(&items, "[", "]");
    crate::vm::reprguard::leave(v);
    Ok(from_string(r?))
}

fn list_richcompare(a: &Value, b: &Value, op: crate::objects::CmpOp) -> PyResult<Value> {
    match (a.downcast_ref::<List>(), b.downcast_ref::<List>()) {
        (Some(x), Some(y)) => seq_richcompare(&x.to_vec(), &y.to_vec(), op),
        _ => Ok(not_implemented()),
    }
}

fn list_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    let l = this(v);
    if let Some(i) = k.as_small_int() {
        let n = l.len();
        return Ok(l.get(normalize_index(i, n, "list")?).unwrap());
    }
    if let Some(s) = k.downcast_ref::<SliceObj>() {
        return Ok(new_list(l.with(|items| slice_items(items, s))?));
    }
    let i = index_arg(k, "list")?;
    Ok(l.get(normalize_index(i, l.len(), "list")?).unwrap())
}

fn list_setitem(v: &Value, k: &Value, x: Option<Value>) -> PyResult<()> {
    let l = this(v);
    if let Some(s) = k.downcast_ref::<SliceObj>() {
        return match x {
            Some(x) => assign_slice(l, s, x),
            None => delete_slice(l, s),
        };
    }
    let i = index_arg(k, "list")?;
    let n = l.len();
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return err(&INDEX_ERROR, "list assignment index out of range");
    }
    match x {
        Some(x) => l.set(j as usize, x),
        None => {
            let _old = l.with(|items| items.remove(j as usize));
        }
    }
    Ok(())
}

fn assign_slice(l: &List, s: &SliceObj, x: Value) -> PyResult<()> {
    if x.ty().iter.is_none() && x.ty().getitem.is_none() {
        let extended = !s.step.is_none() && s.step.as_small_int() != Some(1);
        return err(
            &TYPE_ERROR,
            if extended {
                "must assign iterable to extended slice"
            } else {
                "can only assign an iterable"
            },
        );
    }
    let new_items = crate::ops::sequence::collect(&x)?;
    let n = l.len();
    let (start, stop, step, count) = slice_indices(s, n)?;
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as i64)) as usize;
        let _old: Vec<Value> = l.with(|items| items.splice(start..stop, new_items).collect());
        return Ok(());
    }
    if new_items.len() != count {
        return err(
            &VALUE_ERROR,
            format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                count
            ),
        );
    }
    let mut i = start;
    for x in new_items {
        l.set(i as usize, x);
        i += step;
    }
    Ok(())
}

fn delete_slice(l: &List, s: &SliceObj) -> PyResult<()> {
    let n = l.len();
    let (start, _stop, step, count) = slice_indices(s, n)?;
    let mut idx: Vec<usize> = (0..count)
        .map(|k| (start + k as i64 * step) as usize)
        .collect();
    idx.sort_unstable();
    let _removed: Vec<Value> = l.with(|items| {
        let mut removed = Vec::with_capacity(idx.len());
        for &i in idx.iter().rev() {
            removed.push(items.remove(i));
        }
        removed
    });
    Ok(())
}

fn list_contains(v: &Value, k: &Value) -> PyResult<bool> {
    let l = this(v);
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if crate::ops::compare::eq(&x, k)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_add(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(x) = a.downcast_ref::<List>() else {
        return Ok(not_implemented());
    };
    let Some(y) = b.downcast_ref::<List>() else {
        // The right operand's `__radd__` comes first; `ops::number::binary_op` reports
        // "can only concatenate list ..." when there is none (CPython's sq_concat order).
        return Ok(not_implemented());
    };
    let mut v = x.to_vec();
    v.extend(y.to_vec());
    Ok(new_list(v))
}

fn list_iadd(a: &Value, b: &Value) -> PyResult<Value> {
    let items = crate::ops::sequence::collect(b)?;
    this(a).with(|v| v.extend(items));
    Ok(a.clone())
}

fn list_mul(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(x) = a.downcast_ref::<List>() else {
        return Ok(not_implemented());
    };
    let Some(n) = repeat_count(b)? else {
        return Ok(not_implemented());
    };
    // (No Python code runs while the items are copied: the list is read in place.)
    Ok(new_list(x.with(|v| repeat_items(v, n))?))
}

fn list_imul(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(n) = repeat_count(b)? else {
        return Ok(not_implemented());
    };
    let items = this(a).with(|v| repeat_items(v, n))?;
    this(a).replace_all(items);
    Ok(a.clone())
}

/// `list.append` (the specializer recognizes calls to it by this function's address).
pub(crate) const LIST_APPEND: crate::objects::MethodFn = m_append;

fn m_append(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exactly_one("list.append", args)?;
    this(this_).push(x.clone());
    Ok(Value::NONE)
}

fn m_extend(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exactly_one("list.extend", args)?;
    let items = crate::ops::sequence::collect(x)?;
    this(this_).with(|v| v.extend(items));
    Ok(Value::NONE)
}

/// `xs.pop()` for compiled code (a `MethodKernel`, see `tier2::method_kernels`; it takes no
/// arguments): the last item of an exact, non-empty list; NULL with nothing done otherwise
/// (the method raises for an empty list).
pub extern "C" fn kernel_pop(l: &Value, _: *const Value) -> Value {
    match l.downcast_exact::<List>() {
        Some(l) => l.with(|v| v.pop()).unwrap_or(Value::NULL),
        None => Value::NULL,
    }
}

/// The list methods with a kernel: (method, argument count, kernel).
pub fn method_kernels() -> [(crate::objects::MethodFn, usize, crate::tier2::MethodKernel); 1] {
    [(m_pop, 0, kernel_pop)]
}

fn m_pop(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = this(this_);
    if args.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!("pop expected at most 1 argument, got {}", args.len()),
        );
    }
    let n = l.len();
    if n == 0 {
        return err(&INDEX_ERROR, "pop from empty list");
    }
    let i = match args.first() {
        Some(k) => crate::ops::number::index_i64(k)?,
        None => -1,
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return err(&INDEX_ERROR, "pop index out of range");
    }
    Ok(l.with(|v| v.remove(j as usize)))
}

fn m_insert(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("insert expected 2 arguments, got {}", args.len()),
        );
    }
    let l = this(this_);
    let n = l.len() as i64;
    let mut i = crate::ops::number::index_i64(&args[0])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    l.with(|v| v.insert(i, args[1].clone()));
    Ok(Value::NONE)
}

fn m_remove(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exactly_one("list.remove", args)?;
    let l = this(this_);
    let mut i = 0;
    while let Some(y) = l.get(i) {
        if crate::ops::compare::eq(&y, x)? {
            if i < l.len() {
                let _old = l.with(|v| v.remove(i));
            }
            return Ok(Value::NONE);
        }
        i += 1;
    }
    err(&VALUE_ERROR, "list.remove(x): x not in list")
}

fn m_index(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = this(this_);
    let (x, start, stop) = index_args("index", args, l.len())?;
    let mut i = start;
    while i < stop {
        let Some(y) = l.get(i) else { break };
        if crate::ops::compare::eq(&y, x)? {
            return Ok(Value::int(i as i64));
        }
        i += 1;
    }
    err(
        &VALUE_ERROR,
        format!("{} is not in list", crate::ops::object::repr_string(x)?),
    )
}

fn m_count(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exactly_one("list.count", args)?;
    let l = this(this_);
    let mut n = 0;
    let mut i = 0;
    while let Some(y) = l.get(i) {
        if crate::ops::compare::eq(&y, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::int(n))
}

fn m_reverse(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("list.reverse", args)?;
    this(this_).with(|v| v.reverse());
    Ok(Value::NONE)
}

fn m_clear(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("list.clear", args)?;
    this(this_).replace_all(Vec::new());
    Ok(Value::NONE)
}

/// `list.__init__(iterable=())`: empties the list, then fills it from the iterable (reached
/// from subclasses' `__init__`/`__new__`).
fn m_init(this_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "list() takes no keyword arguments");
    }
    if args.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!("list expected at most 1 argument, got {}", args.len()),
        );
    }
    this(this_).replace_all(Vec::new());
    if let Some(x) = args.first() {
        let items = crate::ops::sequence::collect(x)?;
        this(this_).with(|v| v.extend(items));
    }
    Ok(Value::NONE)
}

fn m_copy(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("list.copy", args)?;
    Ok(new_list(this(this_).to_vec()))
}

/// Stable merge sort of (key, item) pairs by key with a fallible "less than"; stops at the
/// first error, leaving every pair in `v` exactly once (in some order).
///
/// Pairs move bitwise (no reference-count traffic); one buffer of half the length serves every
/// merge.
pub fn merge_sort<F>(v: &mut [(Value, Value)], lt: &mut F) -> PyResult<()>
where
    F: FnMut(&Value, &Value) -> PyResult<bool>,
{
    let mut buf: Vec<std::mem::MaybeUninit<(Value, Value)>> = Vec::with_capacity(v.len() / 2);
    sort_range(v, &mut buf, lt)
}

/// Runs up to this length are sorted by insertion.
const INSERTION_MAX: usize = 12;

fn sort_range<F>(
    v: &mut [(Value, Value)],
    buf: &mut Vec<std::mem::MaybeUninit<(Value, Value)>>,
    lt: &mut F,
) -> PyResult<()>
where
    F: FnMut(&Value, &Value) -> PyResult<bool>,
{
    let n = v.len();
    if n <= INSERTION_MAX {
        // Insertion sort: stable, few comparisons for short runs. Swaps keep `v` whole when a
        // comparison fails.
        for i in 1..n {
            let mut j = i;
            while j > 0 && lt(&v[j].0, &v[j - 1].0)? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    // A strictly descending range (a reverse sort, or `key=lambda x: -x` over sorted data) is
    // reversed in place, as timsort reverses its descending runs: stable, since no two items
    // in it are equal. On other data the scan stops after a comparison or two.
    let mut desc = 1;
    while desc < n && lt(&v[desc].0, &v[desc - 1].0)? {
        desc += 1;
    }
    if desc == n {
        v.reverse();
        return Ok(());
    }
    let mid = n / 2;
    sort_range(&mut v[..mid], buf, lt)?;
    sort_range(&mut v[mid..], buf, lt)?;
    // Already ordered: nothing to merge.
    if !lt(&v[mid].0, &v[mid - 1].0)? {
        return Ok(());
    }
    merge(v, mid, buf, lt)
}

/// While a merge runs, the left run sits in the buffer and `v[out..right]` are holes (always
/// exactly as many as the left items not yet placed). Dropping this puts those items into the
/// holes, so `v` is whole again whether the merge finished, failed or panicked.
struct MergeHole {
    left: *const (Value, Value),
    left_pos: usize,
    left_len: usize,
    out: *mut (Value, Value),
}

impl Drop for MergeHole {
    fn drop(&mut self) {
        // SAFETY: `left[left_pos..left_len]` are initialized items no longer in `v`, and the
        // holes at `out` have room for exactly that many (see the struct).
        unsafe {
            std::ptr::copy_nonoverlapping(
                self.left.add(self.left_pos),
                self.out,
                self.left_len - self.left_pos,
            );
        }
    }
}

/// Merges the sorted runs `v[..mid]` and `v[mid..]`.
fn merge<F>(
    v: &mut [(Value, Value)],
    mid: usize,
    buf: &mut Vec<std::mem::MaybeUninit<(Value, Value)>>,
    lt: &mut F,
) -> PyResult<()>
where
    F: FnMut(&Value, &Value) -> PyResult<bool>,
{
    let n = v.len();
    buf.clear();
    buf.reserve(mid);
    let base = v.as_mut_ptr();
    let left = buf.as_mut_ptr() as *mut (Value, Value);
    // SAFETY: the buffer has room for `mid` pairs; after the copy the left run's pairs are owned
    // by the buffer and their slots in `v` are holes, which `MergeHole` fills on every exit.
    // Every read below is of an initialized pair: `j < n` in `v`, `left_pos < mid` in the
    // buffer; every write goes to the hole at `out`, and `out < j` while left items remain.
    unsafe {
        std::ptr::copy_nonoverlapping(base, left, mid);
        let mut hole = MergeHole {
            left,
            left_pos: 0,
            left_len: mid,
            out: base,
        };
        let mut j = mid;
        while hole.left_pos < mid && j < n {
            let r = base.add(j);
            let l = left.add(hole.left_pos);
            if lt(&(*r).0, &(*l).0)? {
                std::ptr::copy_nonoverlapping(r, hole.out, 1);
                j += 1;
            } else {
                std::ptr::copy_nonoverlapping(l, hole.out, 1);
                hole.left_pos += 1;
            }
            hole.out = hole.out.add(1);
        }
        // Dropping `hole` moves the remaining left items (if any) into place.
    }
    Ok(())
}

/// Keys of one kind throughout, checked once before a sort so that each comparison skips the
/// type dispatch of `<` (as CPython's `unsafe_*_compare`).
enum KeyKind {
    /// Every key an inline int.
    Int,
    /// Every key an exact str.
    Str,
    /// Every key an exact tuple (the usual `key=lambda x: (...)`).
    Tuple,
    /// Every key an exact tuple whose first item is an inline int (`(-count, word)`): the
    /// first items compare as machine ints, the rest only when they are equal.
    TupleIntFirst,
    /// Anything else: the general `<`.
    Other,
}

fn key_kind(pairs: &[(Value, Value)]) -> KeyKind {
    use crate::objects::str::is_exact_str;
    if pairs.iter().all(|(k, _)| k.is_int()) {
        KeyKind::Int
    } else if pairs.iter().all(|(k, _)| is_exact_str(k)) {
        KeyKind::Str
    } else if pairs
        .iter()
        .all(|(k, _)| k.downcast_exact::<crate::objects::tuple::Tuple>().is_some())
    {
        let int_first = |k: &Value| {
            // SAFETY: every key is an exact tuple (checked above).
            let t = unsafe { k.payload_unchecked::<crate::objects::tuple::Tuple>() };
            t.items().first().is_some_and(|x| x.is_int())
        };
        if pairs.iter().all(|(k, _)| int_first(k)) {
            KeyKind::TupleIntFirst
        } else {
            KeyKind::Tuple
        }
    } else {
        KeyKind::Other
    }
}

/// An inline int as a `u64` whose unsigned order is the int order.
#[inline(always)]
fn pack_int(v: &Value) -> Option<u64> {
    v.is_int()
        .then(|| (v.as_int_unchecked() as u64) ^ (1 << 63))
}

/// An inline str as two `u64`s whose order is the str order: bytes 0..8 big-endian, then
/// bytes 8..15 big-endian above the length (inline strs are zero padded, so a string sorts
/// before its extensions, and UTF-8 byte order is code point order).
#[inline(always)]
fn pack_str(v: &Value) -> Option<(u64, u64)> {
    if !v.is_small_str() {
        return None;
    }
    let (bits, len) = crate::objects::str::small_bits(v);
    let be = bits.swap_bytes();
    Some(((be >> 64) as u64, be as u64 | len as u64))
}

/// The two items of an exact 2-tuple.
#[inline(always)]
fn pair_items(v: &Value) -> Option<(&Value, &Value)> {
    match v.downcast_exact::<crate::objects::tuple::Tuple>()?.items() {
        [a, b] => Some((a, b)),
        _ => None,
    }
}

/// Sorts `pairs` by keys packed into machine words by `pack` (`None` for a key it cannot
/// pack: then nothing changes and the answer is false). Packed keys are compared as plain
/// integers in one compact array, never through the key objects; the position breaks ties,
/// which makes the order the stable one.
fn sort_packed<K: Ord + Copy>(
    pairs: &mut Vec<(Value, Value)>,
    pack: impl Fn(&Value) -> Option<K>,
) -> bool {
    let mut keyed: Vec<(K, u32)> = Vec::with_capacity(pairs.len());
    for (i, (k, _)) in pairs.iter().enumerate() {
        match pack(k) {
            Some(p) => keyed.push((p, i as u32)),
            None => return false,
        }
    }
    keyed.sort_unstable();
    let mut out = Vec::with_capacity(pairs.len());
    // SAFETY: `keyed` names every position of `pairs` exactly once, so each pair moves
    // bitwise into `out` once; `pairs` then forgets them (pushes within capacity never fail).
    unsafe {
        let src = pairs.as_ptr();
        for &(_, i) in &keyed {
            out.push(std::ptr::read(src.add(i as usize)));
        }
        pairs.set_len(0);
    }
    *pairs = out;
    true
}

/// [`sort_packed`] for keys that are all inline ints, all inline strs, or all 2-tuples of
/// those with the same kinds in each place: comparing such keys runs no Python code and
/// cannot fail, so only their order is observable. False (nothing done) for other keys.
fn sort_inline_keys(pairs: &mut Vec<(Value, Value)>) -> bool {
    let Some((first, _)) = pairs.first() else {
        return true;
    };
    if pairs.len() > u32::MAX as usize {
        return false;
    }
    if first.is_int() {
        return sort_packed(pairs, pack_int);
    }
    if first.is_small_str() {
        return sort_packed(pairs, pack_str);
    }
    let Some((a, b)) = pair_items(first) else {
        return false;
    };
    match (a.is_int(), a.is_small_str(), b.is_int(), b.is_small_str()) {
        (true, _, _, true) => sort_packed(pairs, |k| {
            let (a, b) = pair_items(k)?;
            let (s0, s1) = pack_str(b)?;
            Some((pack_int(a)?, s0, s1))
        }),
        (_, true, true, _) => sort_packed(pairs, |k| {
            let (a, b) = pair_items(k)?;
            let (s0, s1) = pack_str(a)?;
            Some((s0, s1, pack_int(b)?))
        }),
        (true, _, true, _) => sort_packed(pairs, |k| {
            let (a, b) = pair_items(k)?;
            Some((pack_int(a)?, pack_int(b)?))
        }),
        (_, true, _, true) => sort_packed(pairs, |k| {
            let (a, b) = pair_items(k)?;
            Some((pack_str(a)?, pack_str(b)?))
        }),
        _ => false,
    }
}

/// Sorts `items` in place: `sorted()` and `list.sort()` share this. When a key call fails,
/// `items` is unchanged; when a comparison fails, it holds the same items in some order (as
/// CPython leaves a list whose sort raised).
pub fn sort_in_place(items: &mut Vec<Value>, key: &Value, reverse: bool) -> PyResult<()> {
    let keys: Vec<Value> = if key.is_none() || key.is_null() {
        items.clone()
    } else {
        let mut keys = Vec::with_capacity(items.len());
        for x in items.iter() {
            keys.push(crate::vm::call::call(key, std::slice::from_ref(x), &[])?);
        }
        keys
    };
    let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(items.drain(..)).collect();
    if reverse {
        // Reverse, stable-sort, reverse: keeps equal items in their original order.
        pairs.reverse();
    }
    let r = if sort_inline_keys(&mut pairs) {
        Ok(())
    } else {
        sort_by_kind(&mut pairs)
    };
    if reverse {
        pairs.reverse();
    }
    items.extend(pairs.into_iter().map(|(_, x)| x));
    r
}

/// The merge sort of `pairs` with the comparison their keys' kind allows.
fn sort_by_kind(pairs: &mut [(Value, Value)]) -> PyResult<()> {
    match key_kind(pairs) {
        KeyKind::Int => merge_sort(pairs, &mut |a, b| {
            Ok(a.as_int_unchecked() < b.as_int_unchecked())
        }),
        KeyKind::Str => merge_sort(pairs, &mut |a, b| {
            Ok(crate::ops::compare::exact_str_lt(a, b))
        }),
        KeyKind::Tuple => merge_sort(pairs, &mut |a, b| {
            use crate::objects::tuple::Tuple;
            // SAFETY: `key_kind` found every key an exact tuple, and keys never change.
            let (x, y) = unsafe {
                (
                    a.payload_unchecked::<Tuple>(),
                    b.payload_unchecked::<Tuple>(),
                )
            };
            crate::ops::compare::tuple_lt(x.items(), y.items())
        }),
        KeyKind::TupleIntFirst => merge_sort(pairs, &mut |a, b| {
            use crate::objects::tuple::Tuple;
            // SAFETY: `key_kind` found every key an exact tuple whose first item is an inline
            // int, and keys never change.
            let (x, y) = unsafe {
                (
                    a.payload_unchecked::<Tuple>().items(),
                    b.payload_unchecked::<Tuple>().items(),
                )
            };
            let (p, q) = (x[0].as_int_unchecked(), y[0].as_int_unchecked());
            if p != q {
                return Ok(p < q);
            }
            // `(int, str)` with short words: the strs decide, in registers.
            if let ([_, s], [_, t]) = (x, y) {
                if s.is_small_str() && t.is_small_str() {
                    return Ok(crate::ops::compare::exact_str_lt(s, t));
                }
            }
            crate::ops::compare::tuple_lt(&x[1..], &y[1..])
        }),
        KeyKind::Other => merge_sort(pairs, &mut crate::ops::compare::lt),
    }
}

/// `sorted(items)`: the items in order (see [`sort_in_place`]).
pub fn sort_values(mut items: Vec<Value>, key: &Value, reverse: bool) -> PyResult<Vec<Value>> {
    sort_in_place(&mut items, key, reverse)?;
    Ok(items)
}

fn m_sort(this_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("sort", args, kwnames);
    p.no_positional()?;
    let key = p.kw_only("key")?.unwrap_or(Value::NONE);
    let reverse = match p.kw_only("reverse")? {
        Some(r) => crate::ops::object::truthy(&r)?,
        None => false,
    };
    p.finish()?;
    let l = this(this_);
    // While sorting, the list appears empty (as in CPython), so mutation is detected.
    let mut items = l.with(std::mem::take);
    let sorted = sort_in_place(&mut items, &key, reverse);
    let modified = !l.is_empty();
    // The sorted (or, after an error, partly sorted) items replace whatever the key functions
    // or comparisons put into the list meanwhile.
    l.replace_all(items);
    sorted?;
    if modified {
        return err(&VALUE_ERROR, "list modified during sort");
    }
    Ok(Value::NONE)
}

fn list_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "list() takes no keyword arguments");
    }
    let make = |items| {
        alloc(
            ty,
            List {
                items: UnsafeCell::new(into_item_vec(items)),
            },
        )
    };
    match args {
        [] => Ok(make(vec![])),
        [x] => Ok(make(crate::ops::sequence::collect(x)?)),
        _ => err(
            &TYPE_ERROR,
            format!("list expected at most 1 argument, got {}", args.len()),
        ),
    }
}

const LIST_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(list_add);
    nb[NbOp::Mul as usize] = Some(list_mul);
    nb
};

const LIST_NB_INPLACE: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(list_iadd);
    nb[NbOp::Mul as usize] = Some(list_imul);
    nb
};

/// The `list` type.
pub static LIST_TYPE: TypeObject = TypeObject {
    name: "list",
    layout: &LIST_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<List>,
    sub_layout: crate::objects::sub_layout::<List>(),
    repr: Some(list_repr),
    richcompare: Some(list_richcompare),
    len: Some(|v| Ok(this(v).len())),
    getitem: Some(list_getitem),
    setitem: Some(list_setitem),
    contains: Some(list_contains),
    iter: Some(|v| Ok(crate::objects::iterators::new_seq_iter(v.clone()))),
    nb: LIST_NB,
    nb_inplace: LIST_NB_INPLACE,
    new: Some(list_new),
    methods: &[
        crate::objects::generic_alias::CLASS_GETITEM,
        method!("append", LIST_APPEND),
        method!("extend", m_extend),
        method!("pop", m_pop),
        method!("insert", m_insert),
        method!("remove", m_remove),
        method!("index", m_index),
        method!("count", m_count),
        method!("reverse", m_reverse),
        method!("clear", m_clear),
        method!("copy", m_copy),
        method!("sort", m_sort),
        method!("__init__", m_init),
    ],
    doc: "Built-in mutable sequence.",
    ..TypeObject::EMPTY
};
