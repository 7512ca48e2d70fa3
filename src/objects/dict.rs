//! `dict`: an insertion-ordered hash table (CPython's compact layout: a sparse index table
//! pointing into a dense entry array), plus the `keys()`/`values()`/`items()` views.
//!
//! Invariants: `entries` holds live and deleted (NULL key) entries in insertion order;
//! `indices` has a power-of-two length and maps probe slots to entry positions (`EMPTY`,
//! `DUMMY` for a deleted one); `version` changes on every mutation, so iterators and lookups
//! that ran Python code (`__eq__`) can tell that the table moved under them.

use std::cell::{Cell, UnsafeCell};

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::exception::{err, raise_value, KEY_ERROR, RUNTIME_ERROR, TYPE_ERROR};
use crate::objects::none::not_implemented;
use crate::objects::str::{from_string, is_str, new_str, str_eq, str_hash};
use crate::objects::{
    alloc, dealloc_obj, flags, BinaryFn, CmpOp, MethodDef, MethodKind, NbOp, PyPayload, PyResult,
    TypeObject, NB_COUNT,
};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;

/// The index slot a probe visits after `i`: CPython's `i = i * 5 + perturb + 1` with
/// `perturb` shifted right by 5 first, so every slot is reached eventually.
#[inline(always)]
fn next_slot(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (i.wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1))
        & mask
}

struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

struct Table {
    indices: Vec<i32>,
    entries: Vec<Entry>,
    used: usize,
}

/// Payload of a dict.
pub struct Dict {
    table: UnsafeCell<Table>,
    version: Cell<u64>,
    /// Identifies the current *key layout* (which key sits at which entry position) for
    /// specialized lookups (`LOAD_GLOBAL_MODULE`, `LOAD_ATTR_MODULE`): 0 until a cache asks for
    /// it, reset to 0 whenever a key is added or removed or the table is rebuilt. Assigned
    /// numbers come from one process-wide counter, so equal versions mean the same dict too.
    keys_version: Cell<u32>,
}

impl PyPayload for Dict {
    fn type_object() -> *const TypeObject {
        &DICT_TYPE
    }
    // `collections.defaultdict` extends the dict payload.
    const EXTENSIBLE: bool = true;
}

thread_local! {
    static NEXT_VERSION: Cell<u64> = const { Cell::new(1) };
    static NEXT_KEYS_VERSION: Cell<u32> = const { Cell::new(1) };
}

fn next_version() -> u64 {
    NEXT_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

/// `hash(key)`, with exact strs (the usual keys) hashed in place and exact tuples hashed
/// without the `hash` slot's dispatch (their cached hash read in place).
#[inline(always)]
fn key_hash(key: &Value) -> PyResult<i64> {
    if crate::objects::str::is_exact_str(key) {
        return Ok(str_hash(key));
    }
    if let Some(h) = crate::objects::tuple::exact_hash(key) {
        return h;
    }
    crate::ops::object::hash(key)
}

/// Equality of a stored key and a probe key (whose hashes are equal) when it needs no Python
/// code: two exact strs, two inline values, or two exact tuples whose items are such; `None`
/// when `__eq__` must run.
///
/// The register-only answers (same bits; two inline strs or two inline ints, which are
/// canonical, so other bits mean another value) are inlined into the probe loops; the rest is
/// out of line, which keeps those loops free of calls (and of the spills around them).
#[inline(always)]
fn key_eq_fast(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if both_inline_canonical(a, b) {
        return Some(false);
    }
    // Exact tuples of such values (`(word, prefix)` keys) compare item by item here too.
    if let (Some(x), Some(y)) = (
        a.downcast_exact::<crate::objects::tuple::Tuple>(),
        b.downcast_exact::<crate::objects::tuple::Tuple>(),
    ) {
        let (x, y) = (x.items(), y.items());
        if x.len() != y.len() {
            return Some(false);
        }
        for i in 0..x.len() {
            let (p, q) = (&x[i], &y[i]);
            if p.is(q) {
                continue;
            }
            if both_inline_canonical(p, q) {
                return Some(false);
            }
            return key_eq_objects(a, b);
        }
        return Some(true);
    }
    key_eq_objects(a, b)
}

/// Whether `a` and `b` are both inline strs or both inline ints: canonical forms, so values
/// with other bits are other values.
#[inline(always)]
fn both_inline_canonical(a: &Value, b: &Value) -> bool {
    (a.is_small_str() && b.is_small_str()) || (a.is_int() && b.is_int())
}

/// [`key_eq_fast`] for keys that are not both inline.
#[inline(never)]
fn key_eq_objects(a: &Value, b: &Value) -> Option<bool> {
    use crate::objects::str::is_exact_str;
    use crate::objects::tuple::Tuple;
    if is_exact_str(a) && is_exact_str(b) {
        return Some(str_eq(a, b));
    }
    if a.is_int() && b.is_int() {
        return Some(false);
    }
    if let (Some(x), Some(y)) = (a.downcast_exact::<Tuple>(), b.downcast_exact::<Tuple>()) {
        let (x, y) = (x.items(), y.items());
        if x.len() != y.len() {
            return Some(false);
        }
        for (p, q) in x.iter().zip(y.iter()) {
            if p.is(q) {
                continue;
            }
            if p.is_int() && q.is_int() {
                return Some(false);
            }
            if is_exact_str(p) && is_exact_str(q) {
                if !str_eq(p, q) {
                    return Some(false);
                }
                continue;
            }
            // Other items decide through `ops::compare` (numbers of different kinds, objects).
            return None;
        }
        return Some(true);
    }
    None
}

/// Whether the stored `key` with the same hash as the str `probe` equals it, for
/// [`Dict::str_probe`]: a str compares by content; with `exact_only`, any key that is not an
/// exact str gives `None` (only its `__eq__` could tell).
#[inline(never)]
fn str_entry_eq(key: &Value, probe: &Value, exact_only: bool) -> Option<bool> {
    if exact_only && !crate::objects::str::is_exact_str(key) {
        return None;
    }
    Some(is_str(key) && str_eq(key, probe))
}

/// Result of probing for a key.
enum Probe {
    /// Found at entry position.
    Found(usize),
    /// Not found; the index slot where it would go.
    Missing(usize),
}

// Compiled code checks the key-layout version (a `u32`) inline (`LOAD_GLOBAL_DIRECT`) at
// `abi::DICT_KEYS_VERSION_OFFSET` in the payload.
const _: () =
    assert!(std::mem::offset_of!(Dict, keys_version) == crate::abi::DICT_KEYS_VERSION_OFFSET);

impl Dict {
    /// An empty dict payload.
    pub fn new() -> Dict {
        Dict {
            table: UnsafeCell::new(Table {
                indices: vec![EMPTY; 8],
                entries: Vec::new(),
                used: 0,
            }),
            version: Cell::new(next_version()),
            keys_version: Cell::new(0),
        }
    }

    /// The key-layout version (see the field), assigned on first use; `None` once the
    /// process-wide counter is exhausted (callers then do not specialize).
    pub fn keys_version(&self) -> Option<u32> {
        let v = self.keys_version.get();
        if v != 0 {
            return Some(v);
        }
        let n = NEXT_KEYS_VERSION.with(|c| {
            let n = c.get();
            c.set(n.checked_add(1)?);
            Some(n)
        })?;
        self.keys_version.set(n);
        Some(n)
    }

    /// The key-layout version without assigning one (0 = none): the specialized ops' guard.
    #[inline(always)]
    pub fn current_keys_version(&self) -> u32 {
        self.keys_version.get()
    }

    /// Entry position of the str key `key` (a valid index while the keys version holds).
    pub fn str_entry_index(&self, key: &Value) -> Option<usize> {
        self.str_probe(key, false).flatten()
    }

    /// Whether the str key `key` (inline or an exact heap str) is present, found without
    /// calling Python code: the fast path of `in` on dicts. `None` when `key` is not such a
    /// str, or when only Python code could tell (see [`Dict::exact_str_entry`]).
    #[inline(always)]
    pub fn contains_str(&self, key: &Value) -> Option<bool> {
        if !crate::objects::str::is_exact_str(key) {
            return None;
        }
        Some(self.exact_str_entry(key)?.is_some())
    }

    /// The value of the exact str key `key`, found without calling Python code: `Some(None)`
    /// when absent, `None` when only Python code could tell (see [`Dict::exact_str_entry`]).
    pub fn get_exact_str(&self, key: &Value) -> Option<Option<Value>> {
        let ix = self.exact_str_entry(key)?;
        Some(ix.map(|ix| self.t().entries[ix].value.clone()))
    }

    /// Entry position of the exact str `key`: `Some(None)` when absent; `None` when the probe
    /// meets a key with the same hash that is not an exact str (a str subclass or another
    /// object may define `__eq__` to equal it, so only the general lookup can compare).
    fn exact_str_entry(&self, key: &Value) -> Option<Option<usize>> {
        self.str_probe(key, true)
    }

    /// The probe for the str `key`: its entry position, or `Some(None)` when absent. A key
    /// with the same hash is compared by content when it is a str; with `exact_only`, one that
    /// is not an exact str ends the probe with `None` (only its `__eq__` could tell).
    fn str_probe(&self, key: &Value, exact_only: bool) -> Option<Option<usize>> {
        let hash = str_hash(key);
        let t = self.t();
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = t.indices[i];
            if ix == EMPTY {
                return Some(None);
            }
            if ix >= 0 {
                let e = &t.entries[ix as usize];
                if e.key.is(key) {
                    return Some(Some(ix as usize));
                }
                // Two inline strs with other bits differ (canonical forms); the rest out of
                // line (no call, and no spills around it, in the loop).
                if e.hash == hash
                    && !(e.key.is_small_str() && key.is_small_str())
                    && str_entry_eq(&e.key, key, exact_only)?
                {
                    return Some(Some(ix as usize));
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    /// The address of the value of entry `ix`, which a cache validated with the keys version
    /// `current_keys_version()`. It stays the value's address as long as that version holds:
    /// every change that moves or drops entries (an added or removed key, a rebuild, `clear`)
    /// resets the version, while rebinding a key's value writes it in place.
    pub fn entry_value_slot(&self, ix: usize) -> *const Value {
        let t = self.t();
        debug_assert!(ix < t.entries.len() && !t.entries[ix].key.is_null());
        &t.entries[ix].value
    }

    /// The value at entry position `ix`, which a cache validated with the keys version.
    #[inline(always)]
    pub fn entry_value(&self, ix: usize) -> Value {
        let t = self.t();
        debug_assert!(ix < t.entries.len() && !t.entries[ix].key.is_null());
        // SAFETY: the caller's keys-version check guarantees that `ix` is a live entry.
        unsafe { t.entries.get_unchecked(ix).value.clone() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn t(&self) -> &mut Table {
        // SAFETY: single-threaded; callers never hold this borrow across Python code.
        unsafe { &mut *self.table.get() }
    }

    /// A number that changes whenever the dict is modified (for caches).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    fn touch(&self) {
        self.version.set(next_version());
    }

    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.t().used
    }

    /// Whether the dict is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Probes for `key` with hash `hash`. May run `__eq__`; restarts if that mutated the dict.
    fn probe(&self, key: &Value, hash: i64) -> PyResult<Probe> {
        match self.probe_fast(key, hash) {
            Some(p) => Ok(p),
            None => self.probe_slow(key, hash),
        }
    }

    /// [`Dict::probe`] for keys that need `__eq__` calls.
    #[inline(never)]
    fn probe_slow(&self, key: &Value, hash: i64) -> PyResult<Probe> {
        'restart: loop {
            let version = self.version();
            let mask = self.t().indices.len() - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            let mut first_free: Option<usize> = None;
            loop {
                let ix = self.t().indices[i];
                if ix == EMPTY {
                    return Ok(Probe::Missing(first_free.unwrap_or(i)));
                }
                if ix == DUMMY {
                    first_free.get_or_insert(i);
                } else {
                    let e = &self.t().entries[ix as usize];
                    if e.key.is(key) {
                        return Ok(Probe::Found(ix as usize));
                    }
                    if e.hash == hash {
                        if let Some(equal) = key_eq_fast(&e.key, key) {
                            if equal {
                                return Ok(Probe::Found(ix as usize));
                            }
                        } else {
                            let k = e.key.clone();
                            let equal = crate::ops::compare::eq(&k, key)?;
                            if self.version() != version {
                                continue 'restart;
                            }
                            if equal {
                                return Ok(Probe::Found(ix as usize));
                            }
                        }
                    }
                }
                i = next_slot(i, &mut perturb, mask);
            }
        }
    }

    /// Lookup of a string key; never runs Python code (non-str keys are skipped).
    #[inline]
    pub fn get_str(&self, key: &Value) -> Option<Value> {
        let hash = str_hash(key);
        let t = self.t();
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = t.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                let e = &t.entries[ix as usize];
                if e.key.is(key) || (e.hash == hash && is_str(&e.key) && str_eq(&e.key, key)) {
                    return Some(e.value.clone());
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    /// A probe that runs no Python code: `Some` of the probe's answer (a missing key's slot is
    /// the first empty one), or `None` when an entry with the same hash needs `__eq__` to tell
    /// (see [`key_eq_fast`]), which only the general probe may call.
    #[inline]
    fn probe_fast(&self, key: &Value, hash: i64) -> Option<Probe> {
        let t = self.t();
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = t.indices[i];
            if ix == EMPTY {
                return Some(Probe::Missing(i));
            }
            if ix >= 0 {
                // SAFETY: index slots that are not EMPTY/DUMMY hold valid entry positions.
                let e = unsafe { t.entries.get_unchecked(ix as usize) };
                if e.key.is(key) {
                    return Some(Probe::Found(ix as usize));
                }
                if e.hash == hash && key_eq_fast(&e.key, key)? {
                    return Some(Probe::Found(ix as usize));
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    /// `d[key]` without raising KeyError: `Ok(None)` when missing.
    pub fn get_item(&self, key: &Value) -> PyResult<Option<Value>> {
        self.get_item_inline(key)
    }

    /// [`Dict::get_item`] inlined into a hot caller (`BINARY_SUBSCR_DICT`), so that the value
    /// reaches it in registers, not through memory it would read back at once (a 16-byte load
    /// of two 8-byte stores, which the CPU cannot forward).
    #[inline(always)]
    pub fn get_item_inline(&self, key: &Value) -> PyResult<Option<Value>> {
        let hash = key_hash(key)?;
        match self.probe(key, hash)? {
            Probe::Found(ix) => Ok(Some(self.t().entries[ix].value.clone())),
            Probe::Missing(_) => Ok(None),
        }
    }

    /// `key in d`.
    pub fn contains(&self, key: &Value) -> PyResult<bool> {
        let hash = key_hash(key)?;
        Ok(matches!(self.probe(key, hash)?, Probe::Found(_)))
    }

    /// `d[key] = value`.
    pub fn set_item(&self, key: Value, value: Value) -> PyResult<()> {
        let hash = key_hash(&key)?;
        self.set_item_hashed(key, hash, value)
    }

    fn set_item_hashed(&self, key: Value, hash: i64, value: Value) -> PyResult<()> {
        let p = self.probe(&key, hash)?;
        self.store(p, key, hash, value)
    }

    /// Stores `value` under `key` where probing for it (with no change since) ended.
    #[inline]
    fn store(&self, p: Probe, key: Value, hash: i64, value: Value) -> PyResult<()> {
        match p {
            Probe::Found(ix) => {
                let _old = std::mem::replace(&mut self.t().entries[ix].value, value);
                self.touch();
            }
            Probe::Missing(slot) => {
                let t = self.t();
                if (t.entries.len() + 1) * 3 >= t.indices.len() * 2 {
                    self.resize();
                    return self.set_item_hashed(key, hash, value);
                }
                t.indices[slot] = t.entries.len() as i32;
                t.entries.push(Entry { hash, key, value });
                t.used += 1;
                self.touch();
                self.keys_version.set(0);
            }
        }
        Ok(())
    }

    /// Rebuilds the index table, dropping deleted entries.
    fn resize(&self) {
        let t = self.t();
        self.keys_version.set(0);
        t.entries.retain(|e| !e.key.is_null());
        let mut size = 8;
        while size * 2 <= (t.used + 1) * 3 {
            size *= 2;
        }
        size *= 2;
        t.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (n, e) in t.entries.iter().enumerate() {
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while t.indices[i] != EMPTY {
                i = next_slot(i, &mut perturb, mask);
            }
            t.indices[i] = n as i32;
        }
    }

    /// Removes `key`, returning its value (`Ok(None)` when missing).
    pub fn del_item(&self, key: &Value) -> PyResult<Option<Value>> {
        let hash = key_hash(key)?;
        let Probe::Found(ix) = self.probe(key, hash)? else {
            return Ok(None);
        };
        let t = self.t();
        // Find the index slot pointing at `ix`.
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while t.indices[i] != ix as i32 {
            i = next_slot(i, &mut perturb, mask);
        }
        t.indices[i] = DUMMY;
        let e = &mut t.entries[ix];
        let _k = std::mem::take(&mut e.key);
        let v = std::mem::take(&mut e.value);
        t.used -= 1;
        self.touch();
        self.keys_version.set(0);
        Ok(Some(v))
    }

    /// Removes every item.
    pub fn clear(&self) {
        let old = std::mem::replace(
            self.t(),
            Table {
                indices: vec![EMPTY; 8],
                entries: Vec::new(),
                used: 0,
            },
        );
        self.touch();
        self.keys_version.set(0);
        drop(old);
    }

    /// The live (key, value) pair at entry position `pos` or later: `(next_pos, key, value)`.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, Value, Value)> {
        let t = self.t();
        while pos < t.entries.len() {
            let e = &t.entries[pos];
            if !e.key.is_null() {
                return Some((pos + 1, e.key.clone(), e.value.clone()));
            }
            pos += 1;
        }
        None
    }

    /// A snapshot of the items in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.t()
            .entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    /// A snapshot of the items in order, with their keys' hashes.
    fn items_hashed(&self) -> Vec<(i64, Value, Value)> {
        self.t()
            .entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (e.hash, e.key.clone(), e.value.clone()))
            .collect()
    }

    /// A snapshot of the keys in order.
    pub fn keys(&self) -> Vec<Value> {
        self.t()
            .entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| e.key.clone())
            .collect()
    }

    /// Makes this empty dict a copy of `src`'s items, in order, with their stored hashes: no
    /// key is hashed or compared. A table without deleted entries keeps its index table as it
    /// is (entry positions do not move); otherwise the live entries are packed and indexed
    /// again, as a resize does.
    fn copy_table_from(&self, src: &Dict) {
        let s = src.t();
        let entries: Vec<Entry> = s
            .entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| Entry {
                hash: e.hash,
                key: e.key.clone(),
                value: e.value.clone(),
            })
            .collect();
        let packed = entries.len() == s.entries.len();
        let used = entries.len();
        let old = std::mem::replace(
            self.t(),
            Table {
                indices: if packed {
                    s.indices.clone()
                } else {
                    Vec::new()
                },
                entries,
                used,
            },
        );
        if !packed {
            self.resize();
        }
        self.touch();
        self.keys_version.set(0);
        drop(old);
    }

    /// The last item, removed (`popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let (k, _) = self.items().pop()?;
        let v = self.del_item(&k).ok()??;
        Some((k, v))
    }
}

impl Default for Dict {
    fn default() -> Self {
        Dict::new()
    }
}

/// A new empty dict value.
pub fn new_dict() -> Value {
    alloc(&DICT_TYPE, Dict::new())
}

/// A new dict from (key, value) pairs.
pub fn dict_from_pairs(pairs: Vec<(Value, Value)>) -> PyResult<Value> {
    let d = new_dict();
    let dd = d.downcast_ref::<Dict>().unwrap();
    for (k, v) in pairs {
        dd.set_item(k, v)?;
    }
    Ok(d)
}

fn this(v: &Value) -> &Dict {
    v.downcast_ref::<Dict>().expect("dict method on a non-dict")
}

/// Raises `KeyError(key)`.
pub fn key_error(key: &Value) -> crate::objects::Raised {
    raise_value(crate::objects::exception::new_exception(
        &KEY_ERROR,
        vec![key.clone()],
    ))
}

pub(crate) fn dict_repr(v: &Value) -> PyResult<Value> {
    if !crate::vm::reprguard::enter(v) {
        return Ok(new_str("{...}"));
    }
    let r = (|| {
        let mut s = String::from("{");
        for (i, (k, x)) in this(v).items().iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&crate::ops::object::repr_string(k)?);
            s.push_str(": ");
            s.push_str(&crate::ops::object::repr_string(x)?);
        }
        s.push('}');
        Ok(s)
    })();
    crate::vm::reprguard::leave(v);
    Ok(from_string(r?))
}

pub(crate) fn dict_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    match this(v).get_item(k)? {
        Some(x) => Ok(x),
        None => {
            // Subclasses may define `__missing__` (only `d[k]` consults it, as in CPython).
            if !std::ptr::eq(v.ty(), &DICT_TYPE) {
                if let Some(r) =
                    crate::objects::class_::call_special(v, "__missing__", std::slice::from_ref(k))?
                {
                    return Ok(r);
                }
            }
            Err(key_error(k))
        }
    }
}

pub(crate) fn dict_setitem(v: &Value, k: &Value, x: Option<Value>) -> PyResult<()> {
    match x {
        Some(x) => this(v).set_item(k.clone(), x),
        None => match this(v).del_item(k)? {
            Some(_) => Ok(()),
            None => Err(key_error(k)),
        },
    }
}

pub(crate) fn dict_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast_ref::<Dict>(), b.downcast_ref::<Dict>()) else {
        return Ok(not_implemented());
    };
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(not_implemented());
    }
    let mut equal = x.len() == y.len();
    if equal {
        for (k, v) in x.items() {
            match y.get_item(&k)? {
                Some(w) if crate::ops::compare::eq(&v, &w)? => {}
                _ => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(Value::bool(equal == (op == CmpOp::Eq)))
}

/// `d.update(other)`: from a dict, an object with `keys()`, or an iterable of pairs.
pub fn update_from(d: &Dict, other: &Value) -> PyResult<()> {
    if let Some(o) = other.downcast_ref::<Dict>() {
        if d.is_empty() && d.t().entries.is_empty() && !std::ptr::eq(d, o) {
            // Into an empty dict (`dict(d)`, `d.copy()`): the table is copied whole.
            d.copy_table_from(o);
            return Ok(());
        }
        // The stored hashes carry over: no key is hashed again.
        for (h, k, v) in o.items_hashed() {
            d.set_item_hashed(k, h, v)?;
        }
        return Ok(());
    }
    if let Some(keys) = crate::ops::object::getattr_opt(other, &new_str("keys"))? {
        let ks = crate::vm::call::call(&keys, &[], &[])?;
        for k in crate::ops::sequence::collect(&ks)? {
            let v = crate::ops::sequence::getitem(other, &k)?;
            d.set_item(k, v)?;
        }
        return Ok(());
    }
    let it = crate::ops::sequence::iter(other)?;
    let mut n = 0;
    while let Some(item) = crate::ops::sequence::next(&it)? {
        let pair = match crate::ops::sequence::collect(&item) {
            Ok(p) => p,
            Err(_) => {
                crate::vm::thread::take_raised();
                return err(
                    &TYPE_ERROR,
                    format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        n
                    ),
                );
            }
        };
        if pair.len() != 2 {
            return err(
                &crate::objects::exception::VALUE_ERROR,
                format!(
                    "dictionary update sequence element #{} has length {}; 2 is required",
                    n,
                    pair.len()
                ),
            );
        }
        let mut pair = pair.into_iter();
        d.set_item(pair.next().unwrap(), pair.next().unwrap())?;
        n += 1;
    }
    Ok(())
}

fn dict_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = alloc(ty, Dict::new());
    dict_update_args(this(&d), "dict", args, kwnames)?;
    Ok(d)
}

/// The arguments of `dict(...)` / `d.update(...)`: at most one mapping or iterable of pairs,
/// then keyword items.
pub fn dict_update_args(d: &Dict, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return err(
            &TYPE_ERROR,
            format!("{} expected at most 1 argument, got {}", name, npos),
        );
    }
    if npos == 1 {
        update_from(d, &args[0])?;
    }
    for (i, k) in kwnames.iter().enumerate() {
        d.set_item(k.clone(), args[npos + i].clone())?;
    }
    Ok(())
}

/// `d.get(key)` (`default` None) / `d.get(key, default)` for compiled code (a `MethodKernel`,
/// see `tier2::method_kernels`): on an exact dict with an exact str key the lookup runs no
/// Python code; NULL with nothing done otherwise.
fn kernel_get(d: &Value, key: &Value, default: impl FnOnce() -> Value) -> Value {
    let found = match d.downcast_exact::<Dict>() {
        Some(d) if crate::objects::str::is_exact_str(key) => d.get_exact_str(key),
        _ => None,
    };
    match found {
        Some(v) => v.unwrap_or_else(default),
        None => Value::NULL,
    }
}

/// `d.get(key)` for compiled code (see [`kernel_get`]).
///
/// # Safety
/// `args` points at the live argument.
unsafe extern "C" fn kernel_get1(d: &Value, args: *const Value) -> Value {
    // SAFETY: as the caller promises.
    kernel_get(d, unsafe { &*args }, || Value::NONE)
}

/// `d.get(key, default)` for compiled code (see [`kernel_get`]).
///
/// # Safety
/// `args` points at the two live arguments.
unsafe extern "C" fn kernel_get2(d: &Value, args: *const Value) -> Value {
    // SAFETY: as the caller promises.
    let (key, default) = unsafe { (&*args, &*args.add(1)) };
    kernel_get(d, key, || default.clone())
}

/// The dict methods with a kernel: (method, argument count, kernel).
pub fn method_kernels() -> [(crate::objects::MethodFn, usize, crate::tier2::MethodKernel); 2] {
    [(m_get, 1, kernel_get1), (m_get, 2, kernel_get2)]
}

fn m_get(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return err(
            &TYPE_ERROR,
            format!("get expected at least 1 argument, got {}", args.len()),
        );
    }
    Ok(this(this_)
        .get_item(&args[0])?
        .unwrap_or_else(|| args.get(1).cloned().unwrap_or(Value::NONE)))
}

fn m_setdefault(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return err(
            &TYPE_ERROR,
            format!(
                "setdefault expected at least 1 argument, got {}",
                args.len()
            ),
        );
    }
    let d = this(this_);
    if let Some(v) = d.get_item(&args[0])? {
        return Ok(v);
    }
    let v = args.get(1).cloned().unwrap_or(Value::NONE);
    d.set_item(args[0].clone(), v.clone())?;
    Ok(v)
}

fn m_pop(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return err(
            &TYPE_ERROR,
            format!("pop expected at least 1 argument, got {}", args.len()),
        );
    }
    match this(this_).del_item(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(key_error(&args[0])),
        },
    }
}

fn m_popitem(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("dict.popitem", args)?;
    match this(this_).pop_last() {
        Some((k, v)) => Ok(crate::objects::tuple::new_pair(k, v)),
        None => err(&KEY_ERROR, "popitem(): dictionary is empty"),
    }
}

fn m_update(this_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    dict_update_args(this(this_), "update", args, kw)?;
    Ok(Value::NONE)
}

fn m_clear(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("dict.clear", args)?;
    this(this_).clear();
    Ok(Value::NONE)
}

fn m_copy(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("dict.copy", args)?;
    let d = new_dict();
    this(&d).copy_table_from(this(this_));
    Ok(d)
}

/// `cls.fromkeys(iterable, value=None)`: a plain dict for `dict`, else `cls()` filled through
/// its `__setitem__` (as CPython's `_PyDict_FromKeys`).
fn m_fromkeys(cls: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("fromkeys", args, kw);
    let it = p.required("iterable")?;
    let v = p.optional("value")?.unwrap_or(Value::NONE);
    p.finish()?;
    let exact = crate::ops::object::as_type(cls).is_some_and(|t| std::ptr::eq(t, &DICT_TYPE));
    let d = if exact {
        new_dict()
    } else {
        crate::vm::call::call(cls, &[], &[])?
    };
    for k in crate::ops::sequence::collect(&it)? {
        if exact {
            this(&d).set_item(k, v.clone())?;
        } else {
            crate::ops::sequence::setitem(&d, &k, v.clone())?;
        }
    }
    Ok(d)
}

fn view(this_: &Value, ty: &'static TypeObject) -> Value {
    alloc(
        ty,
        DictView {
            dict: this_.clone(),
        },
    )
}

fn dict_or(a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (a.downcast_ref::<Dict>(), b.downcast_ref::<Dict>()) else {
        return Ok(not_implemented());
    };
    let d = dict_from_pairs(x.items())?;
    update_from(this(&d), b)?;
    Ok(d)
}

pub(crate) fn dict_len(v: &Value) -> PyResult<usize> {
    Ok(this(v).len())
}

pub(crate) fn dict_contains(v: &Value, k: &Value) -> PyResult<bool> {
    this(v).contains(k)
}

pub(crate) fn dict_iter(v: &Value) -> PyResult<Value> {
    Ok(new_dict_iter(v.clone(), DictIterKind::Keys))
}

pub(crate) fn dict_ior(a: &Value, b: &Value) -> PyResult<Value> {
    update_from(this(a), b)?;
    Ok(a.clone())
}

/// The `dict` type.
pub static DICT_TYPE: TypeObject = TypeObject {
    name: "dict",
    layout: &DICT_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Dict>,
    sub_layout: crate::objects::sub_layout::<Dict>(),
    repr: Some(dict_repr),
    richcompare: Some(dict_richcompare),
    len: Some(dict_len),
    getitem: Some(dict_getitem),
    setitem: Some(dict_setitem),
    contains: Some(dict_contains),
    iter: Some(dict_iter),
    nb: {
        let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
        nb[NbOp::Or as usize] = Some(dict_or);
        nb
    },
    nb_inplace: {
        let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
        nb[NbOp::Or as usize] = Some(dict_ior);
        nb
    },
    new: Some(dict_new),
    methods: &[
        crate::objects::generic_alias::CLASS_GETITEM,
        method!("__init__", |v, a, k| {
            dict_update_args(this(v), "dict", a, k).map(|_| Value::NONE)
        }),
        method!("get", m_get),
        method!("setdefault", m_setdefault),
        method!("pop", m_pop),
        method!("popitem", m_popitem),
        method!("update", m_update),
        method!("clear", m_clear),
        method!("copy", m_copy),
        method!("keys", |v, _, _| Ok(view(v, &DICT_KEYS_TYPE))),
        method!("values", |v, _, _| Ok(view(v, &DICT_VALUES_TYPE))),
        method!("items", |v, _, _| Ok(view(v, &DICT_ITEMS_TYPE))),
        MethodDef {
            name: "fromkeys",
            func: m_fromkeys,
            kind: MethodKind::Class,
            doc: "",
        },
        method!("__reversed__", dict_reversed),
    ],
    doc: "dict() -> new empty dictionary",
    ..TypeObject::EMPTY
};

/// Payload of `dict_keys`, `dict_values` and `dict_items`.
pub struct DictView {
    pub dict: Value,
}

impl PyPayload for DictView {
    fn type_object() -> *const TypeObject {
        &DICT_KEYS_TYPE
    }
}

/// Which part of each entry a dict iterator yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// Payload of a dict iterator.
pub struct DictIter {
    dict: Value,
    pos: Cell<usize>,
    len: usize,
    kind: DictIterKind,
    /// The last (key, value) tuple an items iterator returned (NULL before the first): when
    /// nothing else references it any more, the next item is written into it instead of a new
    /// tuple (`for k, v in d.items()` unpacks and drops each one), as CPython does.
    spare: UnsafeCell<Value>,
}

/// A new iterator over a dict.
pub fn new_dict_iter(d: Value, kind: DictIterKind) -> Value {
    let len = this(&d).len();
    let ty: &'static TypeObject = match kind {
        DictIterKind::Keys => &DICT_ITER_TYPE,
        DictIterKind::Values => &DICT_VALUE_ITER_TYPE,
        DictIterKind::Items => &DICT_ITEM_ITER_TYPE,
    };
    alloc(
        ty,
        DictIter {
            dict: d,
            pos: Cell::new(0),
            len,
            kind,
            spare: UnsafeCell::new(Value::NULL),
        },
    )
}

/// The items iterator's next `(k, x)` tuple: the spare one refilled when only the iterator
/// still holds it, else a new one (which becomes the spare).
fn item_pair(it: &DictIter, k: Value, x: Value) -> Value {
    use crate::objects::tuple::{is_unshared_pair, new_pair, refill_pair};
    // SAFETY: the spare is only touched here, and no Python code runs while it is borrowed.
    let spare = unsafe { &mut *it.spare.get() };
    if is_unshared_pair(spare) {
        let r = spare.clone();
        // SAFETY: the tuple's only other reference is the spare, which nothing reads; `r`
        // keeps it shared while the old items are released (their finalizers may re-enter).
        let old = unsafe { refill_pair(&r, k, x) };
        drop(old);
        return r;
    }
    let r = new_pair(k, x);
    let old = std::mem::replace(spare, r.clone());
    drop(old);
    r
}

fn dict_iter_next(v: &Value) -> PyResult<Option<Value>> {
    // SAFETY: only the dict iterator types (layout DICT_ITER_TYPE) have this slot.
    let it = unsafe { v.payload_unchecked::<DictIter>() };
    let d = this(&it.dict);
    if d.len() != it.len {
        it.pos.set(usize::MAX);
        return err(&RUNTIME_ERROR, "dictionary changed size during iteration");
    }
    if it.pos.get() == usize::MAX {
        return Ok(None);
    }
    match d.next_entry(it.pos.get()) {
        Some((next, k, x)) => {
            it.pos.set(next);
            Ok(Some(match it.kind {
                DictIterKind::Keys => k,
                DictIterKind::Values => x,
                DictIterKind::Items => item_pair(it, k, x),
            }))
        }
        None => {
            it.pos.set(usize::MAX);
            Ok(None)
        }
    }
}

/// The key iterator of dicts and `keys()` views (the layout of all three dict iterators).
pub static DICT_ITER_TYPE: TypeObject = TypeObject {
    name: "dict_keyiterator",
    ..DICT_ITER_SLOTS
};
/// The iterator of `values()` views.
pub static DICT_VALUE_ITER_TYPE: TypeObject = TypeObject {
    name: "dict_valueiterator",
    ..DICT_ITER_SLOTS
};
/// The iterator of `items()` views.
pub static DICT_ITEM_ITER_TYPE: TypeObject = TypeObject {
    name: "dict_itemiterator",
    ..DICT_ITER_SLOTS
};

// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
const DICT_ITER_SLOTS: TypeObject = TypeObject {
    name: "dict_keyiterator",
    layout: &DICT_ITER_TYPE,
    dealloc: dealloc_obj::<DictIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(dict_iter_next),
    ..TypeObject::EMPTY
};

/// The contents of an exact dict (its keys) or of one of its views, in order, read straight
/// from the table (`list(d.items())`, `sorted(d)`, ...); `None` for other values.
pub fn collect_exact(v: &Value) -> Option<Vec<Value>> {
    if !v.is_obj() {
        return None;
    }
    let ty = v.type_ptr();
    if std::ptr::eq(ty, &DICT_TYPE) {
        // SAFETY: exact dicts carry a Dict payload.
        return Some(unsafe { v.payload_unchecked::<Dict>() }.keys());
    }
    let kind = if std::ptr::eq(ty, &DICT_KEYS_TYPE) {
        DictIterKind::Keys
    } else if std::ptr::eq(ty, &DICT_VALUES_TYPE) {
        DictIterKind::Values
    } else if std::ptr::eq(ty, &DICT_ITEMS_TYPE) {
        DictIterKind::Items
    } else {
        return None;
    };
    let t = view_dict(v).t();
    let live = t.entries.iter().filter(|e| !e.key.is_null());
    Some(match kind {
        DictIterKind::Keys => live.map(|e| e.key.clone()).collect(),
        DictIterKind::Values => live.map(|e| e.value.clone()).collect(),
        DictIterKind::Items => live
            .map(|e| crate::objects::tuple::new_pair(e.key.clone(), e.value.clone()))
            .collect(),
    })
}

fn view_dict(v: &Value) -> &Dict {
    // SAFETY: only view types use these slots.
    this(&unsafe { v.payload_unchecked::<DictView>() }.dict)
}

fn view_repr(v: &Value, name: &str, kind: DictIterKind) -> PyResult<Value> {
    let d = view_dict(v);
    let items: Vec<Value> = d
        .items()
        .into_iter()
        .map(|(k, x)| match kind {
            DictIterKind::Keys => k,
            DictIterKind::Values => x,
            DictIterKind::Items => crate::objects::tuple::new_pair(k, x),
        })
        .collect();
    let inner = crate::objects::tuple::seq_repr(&items, "[", "]")?;
    Ok(from_string(format!("{}({})", name, inner)))
}

macro_rules! view_type {
    ($id:ident, $name:literal, $kind:expr) => {
        /// A dict view type.
        pub static $id: TypeObject = TypeObject {
            name: $name,
            layout: &DICT_KEYS_TYPE,
            dealloc: dealloc_obj::<DictView>,
            repr: Some(|v| view_repr(v, $name, $kind)),
            len: Some(|v| Ok(view_dict(v).len())),
            iter: Some(|v| {
                // SAFETY: view payload.
                let d = unsafe { v.payload_unchecked::<DictView>() }.dict.clone();
                Ok(new_dict_iter(d, $kind))
            }),
            contains: Some(|v, k| view_contains(v, k, $kind)),
            richcompare: if matches!($kind, DictIterKind::Values) {
                None
            } else {
                Some(view_richcompare)
            },
            nb: if matches!($kind, DictIterKind::Values) {
                [None; NB_COUNT]
            } else {
                VIEW_SET_NB
            },
            methods: &[
                MethodDef {
                    name: "__reversed__",
                    func: view_reversed,
                    kind: MethodKind::Instance,
                    doc: "",
                },
                MethodDef {
                    name: "isdisjoint",
                    func: view_isdisjoint,
                    kind: MethodKind::Instance,
                    doc: "",
                },
            ],
            ..TypeObject::EMPTY
        };
    };
}

/// The items of a keys or items view as a new set (views of both kinds behave as sets).
fn view_as_set(v: &Value) -> PyResult<Value> {
    crate::objects::set::new_set(crate::ops::sequence::collect(v)?)
}

fn is_set_like_view(v: &Value) -> bool {
    v.downcast_ref::<DictView>().is_some() && !std::ptr::eq(v.ty(), &DICT_VALUES_TYPE)
}

fn view_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let other_ok = is_set_like_view(b) || crate::objects::set::as_set(b).is_some();
    if !other_ok {
        return Ok(not_implemented());
    }
    let x = view_as_set(a)?;
    let y = if is_set_like_view(b) {
        view_as_set(b)?
    } else {
        b.clone()
    };
    crate::ops::compare::rich_compare(&x, &y, op)
}

/// `keys() & other` and friends: the view taken as a set, with any iterable.
fn view_set_op(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    let conv = |v: &Value| -> PyResult<Option<Value>> {
        if is_set_like_view(v) || crate::objects::set::as_set(v).is_none() {
            if v.ty().iter.is_none() {
                return Ok(None);
            }
            return view_as_set(v).map(Some);
        }
        Ok(Some(v.clone()))
    };
    let (Some(x), Some(y)) = (conv(a)?, conv(b)?) else {
        return Ok(not_implemented());
    };
    crate::ops::number::binary_op(&x, &y, op)
}

const VIEW_SET_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::And as usize] = Some(|a, b| view_set_op(a, b, NbOp::And));
    nb[NbOp::Or as usize] = Some(|a, b| view_set_op(a, b, NbOp::Or));
    nb[NbOp::Sub as usize] = Some(|a, b| view_set_op(a, b, NbOp::Sub));
    nb[NbOp::Xor as usize] = Some(|a, b| view_set_op(a, b, NbOp::Xor));
    nb
};

fn view_isdisjoint(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let other = crate::builtins::args::exactly_one("isdisjoint", args)?;
    for x in crate::ops::sequence::collect(other)? {
        if view_contains(
            v,
            &x,
            if std::ptr::eq(v.ty(), &DICT_ITEMS_TYPE) {
                DictIterKind::Items
            } else {
                DictIterKind::Keys
            },
        )? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn view_reversed(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut items = crate::ops::sequence::collect(v)?;
    items.reverse();
    Ok(crate::objects::iterators::new_seq_iter(
        crate::objects::list::new_list(items),
    ))
}

fn dict_reversed(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut keys = this(v).keys();
    keys.reverse();
    Ok(crate::objects::iterators::new_seq_iter(
        crate::objects::list::new_list(keys),
    ))
}

fn view_contains(v: &Value, k: &Value, kind: DictIterKind) -> PyResult<bool> {
    let d = view_dict(v);
    match kind {
        DictIterKind::Keys => Ok(d.get_item(k)?.is_some()),
        DictIterKind::Values => {
            for (_, x) in d.items() {
                if crate::ops::compare::eq(&x, k)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        DictIterKind::Items => {
            let Some(pair) = crate::objects::tuple::try_tuple_items(k) else {
                return Ok(false);
            };
            if pair.len() != 2 {
                return Ok(false);
            }
            match d.get_item(&pair[0])? {
                Some(x) => crate::ops::compare::eq(&x, &pair[1]),
                None => Ok(false),
            }
        }
    }
}

view_type!(DICT_KEYS_TYPE, "dict_keys", DictIterKind::Keys);
view_type!(DICT_VALUES_TYPE, "dict_values", DictIterKind::Values);
view_type!(DICT_ITEMS_TYPE, "dict_items", DictIterKind::Items);
