//! `set` and `frozenset`: an open-addressing hash table laid out as CPython's `setobject.c`, so
//! that iteration order (which programs print) is the same as CPython's.
//!
//! The table is a power-of-two array of [`Entry`] slots. A slot is *unused* (NULL key, hash 0),
//! a *dummy* left by a deletion (NULL key, hash -1; real hashes are never -1) or *active*.
//! `fill` counts active plus dummy slots, `used` the active ones. A probe looks at the home slot
//! and, when they fit before the end of the table, the `LINEAR_PROBES` slots after it, then
//! jumps with the perturbed recurrence `i = i * 5 + 1 + perturb`. The table grows when
//! `fill * 5 >= mask * 3`.
//!
//! Invariant: no `&mut Table` borrow is held across a call that can run Python code (`__eq__`,
//! `__hash__`, iteration, dropping a key); lookups that compared keys re-check the table's
//! `generation` and restart if the table was replaced under them.

use std::cell::{Cell, UnsafeCell};
use std::ptr;

use crate::abi::Value;
use crate::builtins::args::exactly_one;
use crate::objects::dict::{key_error, Dict};
use crate::objects::exception::{err, raised_matches, KEY_ERROR, RUNTIME_ERROR, TYPE_ERROR};
use crate::objects::none::not_implemented;
use crate::objects::str::{from_string, is_str, str_eq};
use crate::objects::{
    alloc, dealloc_obj, flags, BinaryFn, CmpOp, MethodDef, NbOp, PyPayload, PyResult, TypeObject,
    NB_COUNT,
};
use crate::ops::sequence::{iter, next};

/// Number of slots a fresh table has.
const MIN_SIZE: usize = 8;
/// Slots probed linearly after the home slot before jumping.
const LINEAR_PROBES: usize = 9;
/// Shift of the perturbation between jumps.
const PERTURB_SHIFT: u32 = 5;
/// The hash stored in a dummy slot.
const DUMMY_HASH: i64 = -1;

/// One table slot; see the module docs for the three states.
struct Entry {
    key: Value,
    hash: i64,
}

impl Entry {
    const UNUSED: Entry = Entry {
        key: Value::NULL,
        hash: 0,
    };

    #[inline(always)]
    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    #[inline(always)]
    fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

/// The hash table proper.
struct Table {
    slots: Vec<Entry>,
    mask: usize,
    fill: usize,
    used: usize,
    /// Where `pop()` resumes its scan.
    finger: usize,
    /// Which small ints are elements, so that `in` answers for them without a probe (whose
    /// chains grow long through the dummies of a set that keeps changing): bit `k + 64` is
    /// set while an element equal to the int `k` (`-64 <= k < 64`: an int, a bool or an
    /// integral float) is present. Exact only while `inline_only`.
    small: u128,
    /// No heap object has been added since the table was made: a heap object may equal a
    /// small int (`Fraction(1) == 1`) without setting its bit.
    inline_only: bool,
}

fn unused_slots(n: usize) -> Vec<Entry> {
    (0..n).map(|_| Entry::UNUSED).collect()
}

impl Table {
    fn new() -> Table {
        Table {
            slots: unused_slots(MIN_SIZE),
            mask: MIN_SIZE - 1,
            fill: 0,
            used: 0,
            finger: 0,
            small: 0,
            inline_only: true,
        }
    }

    /// Records that `key` became an element.
    #[inline(always)]
    fn note_added(&mut self, key: &Value) {
        self.small |= small_bit(key);
        self.inline_only &= !key.is_obj();
    }

    /// Records that the element `key` was removed.
    #[inline(always)]
    fn note_removed(&mut self, key: &Value) {
        self.small &= !small_bit(key);
    }

    /// Whether an element equals `key`, when [`Table::small`] can tell.
    #[inline(always)]
    fn small_member(&self, key: &Value) -> Option<bool> {
        let bit = small_bit(key);
        (bit != 0 && self.inline_only).then_some(self.small & bit != 0)
    }
}

/// The bit of [`Table::small`] that stands for `key`, or 0 when `key` is not an int, bool or
/// float equal to an int in `-64..64`.
#[inline(always)]
fn small_bit(key: &Value) -> u128 {
    let k = if key.is_int() || key.is_bool() {
        key.payload as i64
    } else if let Some(f) = key.as_float() {
        if !((-64.0..64.0).contains(&f) && f.fract() == 0.0) {
            return 0;
        }
        f as i64
    } else {
        return 0;
    };
    crate::ops::kernels::small_int_bit(k)
}

#[inline(always)]
fn next_probe(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    (i.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb as usize))
        & mask
}

/// Whether `key` is an inline int or short str: such a key equals only an identical inline
/// value of its own kind (representations are canonical), so probes need no `==` call.
#[inline(always)]
fn is_inline_key(key: &Value) -> bool {
    key.is_int() || key.is_small_str()
}

/// `hash(key)`, with the inline int case (the commonest set element) first.
#[inline(always)]
fn hash_of(key: &Value) -> PyResult<i64> {
    if key.is_int() {
        return Ok(crate::objects::int::hash_i64(key.as_int_unchecked()));
    }
    crate::ops::object::hash(key)
}

/// Whether active key `e` is of the same inline kind as inline key `key` (both ints, or both
/// short strs): if so and their bits differ, they are not equal.
#[inline(always)]
fn same_inline_kind(e: &Value, key: &Value) -> bool {
    if key.is_int() {
        e.is_int()
    } else {
        e.is_small_str()
    }
}

/// Where an insert probe that reached unused slot `unused` stores the new key: the last dummy
/// it passed (`freeslot`, `usize::MAX` when none), else the unused slot.
#[inline(always)]
fn free_or_unused(freeslot: usize, unused: usize) -> (usize, bool) {
    if freeslot != usize::MAX {
        (freeslot, false)
    } else {
        (unused, true)
    }
}

/// Stores an active entry into a table known to hold no dummies and no equal key.
fn insert_clean(slots: &mut [Entry], mask: usize, key: Value, hash: i64) {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let last = if i + LINEAR_PROBES <= mask {
            i + LINEAR_PROBES
        } else {
            i
        };
        if let Some(e) = slots[i..=last].iter_mut().find(|e| e.key.is_null()) {
            *e = Entry { key, hash };
            return;
        }
        i = next_probe(i, &mut perturb, mask);
    }
}

/// Payload shared by `set` and `frozenset`.
pub struct Set {
    table: UnsafeCell<Table>,
    /// Bumped whenever `slots` is replaced (resize, clear, swap), so that a lookup interrupted
    /// by Python code can tell its slot indices are stale.
    generation: Cell<u64>,
    /// Cached `hash()` of a frozenset; -1 when not computed (always -1 for a set).
    hash: Cell<i64>,
}

impl PyPayload for Set {
    fn type_object() -> *const TypeObject {
        &SET_TYPE
    }
}

// Where compiled code finds a set's small-int bitmap ([`Table::small`], a `u128`) and the flag
// that makes it exact ([`Table::inline_only`], a `bool`): `abi::SET_SMALL_MEMBERS_OFFSET` and
// `abi::SET_INLINE_ONLY_OFFSET`, byte offsets from the start of a set or frozenset object.
const _: () = {
    use std::mem::offset_of;
    let table = offset_of!(crate::objects::Obj<Set>, data) + offset_of!(Set, table);
    assert!(table + offset_of!(Table, small) == crate::abi::SET_SMALL_MEMBERS_OFFSET);
    assert!(table + offset_of!(Table, inline_only) == crate::abi::SET_INLINE_ONLY_OFFSET);
};

/// What a probe for a key found.
enum Found {
    /// The key is active at this slot.
    Active(usize),
    /// The key is absent.
    Absent,
}

impl Set {
    fn new() -> Set {
        Set {
            table: UnsafeCell::new(Table::new()),
            generation: Cell::new(0),
            hash: Cell::new(-1),
        }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn t(&self) -> &mut Table {
        // SAFETY: single-threaded; per the module invariant no other borrow of the table is
        // alive while this one is used (none is held across Python code).
        unsafe { &mut *self.table.get() }
    }

    fn bump(&self) {
        self.generation.set(self.generation.get().wrapping_add(1));
    }

    /// Number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        self.t().used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The active (key, hash) pairs in table order.
    fn entries(&self) -> Vec<(Value, i64)> {
        self.t()
            .slots
            .iter()
            .filter(|e| e.is_active())
            .map(|e| (e.key.clone(), e.hash))
            .collect()
    }

    /// The elements in iteration order.
    pub fn items(&self) -> Vec<Value> {
        self.t()
            .slots
            .iter()
            .filter(|e| e.is_active())
            .map(|e| e.key.clone())
            .collect()
    }

    /// (unused, active, hash) of slot `j`.
    #[inline(always)]
    fn slot_state(&self, j: usize) -> (bool, bool, i64) {
        let e = &self.t().slots[j];
        (e.is_unused(), e.is_active(), e.hash)
    }

    /// Compares the key in slot `j` with `key`; `Ok(None)` when the table changed meanwhile.
    fn slot_equals(&self, j: usize, key: &Value) -> PyResult<Option<bool>> {
        let e = &self.t().slots[j].key;
        if e.is(key) {
            return Ok(Some(true));
        }
        if e.tag == key.tag && (key.is_int() || key.is_small_str()) {
            // Inline ints and short strs of the same kind are equal only when identical.
            return Ok(Some(false));
        }
        let gen = self.generation.get();
        let start = self.t().slots[j].key.clone();
        if start.is(key) || (is_str(&start) && is_str(key) && str_eq(&start, key)) {
            return Ok(Some(true));
        }
        let equal = crate::ops::compare::eq(&start, key)?;
        if self.generation.get() != gen || !self.t().slots[j].key.is(&start) {
            return Ok(None);
        }
        Ok(Some(equal))
    }

    /// The probe of [`Set::lookup`] for an inline int or short str key, which can only equal
    /// an identical inline value of its own kind: no comparison to call, so no restart. `None`
    /// when the probe meets a candidate of another kind with the key's hash (a float, a bool,
    /// a big int, a str object...), which only the general lookup can compare.
    ///
    /// One slot costs a hash compare and, when it differs, an "unused?" test; the key bits are
    /// looked at only on a hash match (an unused slot matches the hash 0 of `0` and `""`-like
    /// keys: its NULL key then ends the probe).
    #[inline(always)]
    fn lookup_inline(&self, key: &Value, hash: i64) -> Option<Found> {
        let t = self.t();
        let mask = t.mask;
        let base = t.slots.as_ptr();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let n = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES + 1
            } else {
                1
            };
            for j in i..i + n {
                // SAFETY: j <= mask, and the table has mask + 1 slots.
                let e = unsafe { &*base.add(j) };
                // Most slots pass neither test: one branch for both.
                if (e.hash == hash) | (e.hash == 0) {
                    if e.key.is_null() {
                        // Unused: hash 0 and a NULL key (a dummy's hash -1 never gets here).
                        return Some(Found::Absent);
                    }
                    if e.hash == hash {
                        if e.key.tag == key.tag && e.key.payload == key.payload {
                            return Some(Found::Active(j));
                        }
                        if !same_inline_kind(&e.key, key) {
                            return None;
                        }
                    }
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// Looks `key` (with hash `hash`) up.
    #[inline(always)]
    fn lookup(&self, key: &Value, hash: i64) -> PyResult<Found> {
        if is_inline_key(key) {
            if let Some(found) = self.lookup_inline(key, hash) {
                return Ok(found);
            }
        }
        self.lookup_general(key, hash)
    }

    /// [`Set::lookup`] for any key: equal hashes are compared with `==`, which can run Python
    /// code; the probe restarts when that changed the table.
    #[inline(never)]
    fn lookup_general(&self, key: &Value, hash: i64) -> PyResult<Found> {
        'restart: loop {
            let mask = self.t().mask;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let last = if i + LINEAR_PROBES <= mask {
                    i + LINEAR_PROBES
                } else {
                    i
                };
                for j in i..=last {
                    let (e_unused, e_active, e_hash) = self.slot_state(j);
                    if e_unused {
                        return Ok(Found::Absent);
                    }
                    if e_hash == hash && e_active {
                        match self.slot_equals(j, key)? {
                            Some(true) => return Ok(Found::Active(j)),
                            Some(false) => {}
                            None => continue 'restart,
                        }
                    }
                }
                i = next_probe(i, &mut perturb, mask);
            }
        }
    }

    /// Whether `key` (hash known) is an element.
    #[inline(always)]
    fn contains_entry(&self, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.lookup(key, hash)?, Found::Active(_)))
    }

    /// Whether `key`, an inline int or short str, is an element, found without calling Python
    /// code; `None` for any other key, or when the probe meets a candidate of another kind with
    /// the key's hash (then only the general lookup can compare). The fast path of `in` on sets.
    #[inline(always)]
    pub fn contains_inline(&self, key: &Value) -> Option<bool> {
        let hash = if key.is_int() {
            if let Some(member) = self.t().small_member(key) {
                return Some(member);
            }
            crate::objects::int::hash_i64(key.as_int_unchecked())
        } else if key.is_small_str() {
            crate::objects::str::str_hash(key)
        } else {
            return None;
        };
        Some(matches!(self.lookup_inline(key, hash)?, Found::Active(_)))
    }

    /// Whether `key` is an element; TypeError when it is unhashable.
    #[inline(always)]
    fn contains_key(&self, key: &Value) -> PyResult<bool> {
        if let Some(member) = self.t().small_member(key) {
            return Ok(member);
        }
        let hash = hash_of(key)?;
        self.contains_entry(key, hash)
    }

    /// Adds `key` (hash known) unless an equal key is present.
    #[inline(always)]
    fn add_entry(&self, key: Value, hash: i64) -> PyResult<()> {
        match self.t().small_member(&key) {
            Some(true) => return Ok(()),
            Some(false) => {
                self.insert_absent(key, hash);
                return Ok(());
            }
            None => {}
        }
        if is_inline_key(&key) {
            if let Some(place) = self.insert_probe_inline(&key, hash) {
                if let Some((j, fresh)) = place {
                    self.store_new(j, fresh, key, hash);
                }
                return Ok(());
            }
        }
        self.add_entry_general(key, hash)
    }

    /// The probe of [`Set::add_entry`] for an inline int or short str key (see
    /// [`Set::lookup_inline`]): `Some(None)` when the key is present, `Some(Some((slot,
    /// fresh)))` for where it goes (`fresh`: an unused slot, else the last dummy passed), `None`
    /// when a candidate of another kind needs the general probe.
    #[inline(always)]
    fn insert_probe_inline(&self, key: &Value, hash: i64) -> Option<Option<(usize, bool)>> {
        let t = self.t();
        let mask = t.mask;
        let base = t.slots.as_ptr();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = usize::MAX;
        loop {
            let n = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES + 1
            } else {
                1
            };
            for j in i..i + n {
                // SAFETY: j <= mask, and the table has mask + 1 slots.
                let e = unsafe { &*base.add(j) };
                if e.key.is_null() {
                    if e.hash != DUMMY_HASH {
                        // Unused.
                        return Some(Some(free_or_unused(freeslot, j)));
                    }
                    freeslot = j;
                } else if e.hash == hash {
                    if e.key.tag == key.tag && e.key.payload == key.payload {
                        return Some(None);
                    }
                    if !same_inline_kind(&e.key, key) {
                        return None;
                    }
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// Adds `key`, known to equal no element: the probe looks only for where the key goes
    /// (the last dummy before the first unused slot, as CPython's probe places it, so
    /// iteration order stays CPython's), comparing no hashes or keys on the way.
    #[inline(always)]
    fn insert_absent(&self, key: Value, hash: i64) {
        let t = self.t();
        let (mask, base) = (t.mask, t.slots.as_ptr());
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = usize::MAX;
        loop {
            let n = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES + 1
            } else {
                1
            };
            for j in i..i + n {
                // SAFETY: j <= mask, and the table has mask + 1 slots.
                let e = unsafe { &*base.add(j) };
                if e.key.is_null() {
                    if e.hash != DUMMY_HASH {
                        let (j, fresh) = free_or_unused(freeslot, j);
                        return self.store_new(j, fresh, key, hash);
                    }
                    freeslot = j;
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// Stores a new active entry at slot `j` found by a probe (`fresh`: it was unused, else a
    /// dummy), growing the table when it gets too full.
    #[inline(always)]
    fn store_new(&self, j: usize, fresh: bool, key: Value, hash: i64) {
        let t = self.t();
        t.used += 1;
        t.note_added(&key);
        // The slot holds no reference (NULL key): overwrite it without a drop.
        // SAFETY: j <= mask, and the table has mask + 1 slots.
        unsafe { ptr::write(t.slots.as_mut_ptr().add(j), Entry { key, hash }) };
        if !fresh {
            return;
        }
        t.fill += 1;
        if t.fill * 5 < t.mask * 3 {
            return;
        }
        let used = t.used;
        self.resize(if used > 50000 { used * 2 } else { used * 4 });
    }

    /// [`Set::add_entry`] for any key (see [`Set::lookup_general`]).
    #[inline(never)]
    fn add_entry_general(&self, key: Value, hash: i64) -> PyResult<()> {
        'restart: loop {
            let mask = self.t().mask;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            let mut freeslot: Option<usize> = None;
            let unused = 'search: loop {
                let last = if i + LINEAR_PROBES <= mask {
                    i + LINEAR_PROBES
                } else {
                    i
                };
                for j in i..=last {
                    let (e_unused, e_active, e_hash) = self.slot_state(j);
                    if e_unused {
                        break 'search j;
                    }
                    if e_hash == hash && e_active {
                        match self.slot_equals(j, &key)? {
                            Some(true) => return Ok(()),
                            Some(false) => {}
                            None => continue 'restart,
                        }
                    } else if e_hash == DUMMY_HASH && !e_active {
                        freeslot = Some(j);
                    }
                }
                i = next_probe(i, &mut perturb, mask);
            };
            match freeslot {
                Some(f) => self.store_new(f, false, key, hash),
                None => self.store_new(unused, true, key, hash),
            }
            return Ok(());
        }
    }

    /// Adds `key`, hashing it first.
    #[inline]
    pub fn add(&self, key: Value) -> PyResult<()> {
        let hash = hash_of(&key)?;
        self.add_entry(key, hash)
    }

    /// Removes `key` (hash known); whether it was present.
    fn discard_entry(&self, key: &Value, hash: i64) -> PyResult<bool> {
        if self.t().small_member(key) == Some(false) {
            return Ok(false);
        }
        let Found::Active(j) = self.lookup(key, hash)? else {
            return Ok(false);
        };
        let t = self.t();
        let old = std::mem::replace(
            &mut t.slots[j],
            Entry {
                key: Value::NULL,
                hash: DUMMY_HASH,
            },
        );
        t.used -= 1;
        t.note_removed(&old.key);
        drop(old);
        Ok(true)
    }

    /// Removes `key`, hashing it first; whether it was present.
    #[inline(always)]
    fn discard_key(&self, key: &Value) -> PyResult<bool> {
        let hash = hash_of(key)?;
        self.discard_entry(key, hash)
    }

    /// Rebuilds the table with the smallest size above `minused`, dropping the dummies.
    fn resize(&self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let t = self.t();
        let old = std::mem::replace(&mut t.slots, unused_slots(size));
        t.mask = size - 1;
        t.fill = t.used;
        for e in old {
            if e.is_active() {
                insert_clean(&mut t.slots, t.mask, e.key, e.hash);
            }
        }
        self.bump();
    }

    /// Removes every element.
    pub fn clear(&self) {
        let finger = self.t().finger;
        let mut old = std::mem::replace(self.t(), Table::new());
        self.t().finger = finger;
        self.bump();
        old.slots.clear();
    }

    /// Exchanges the tables of two sets (`intersection_update` builds the result aside).
    fn swap_bodies(&self, other: &Set) {
        let (a, b) = (self.t(), other.t());
        std::mem::swap(&mut a.slots, &mut b.slots);
        std::mem::swap(&mut a.mask, &mut b.mask);
        std::mem::swap(&mut a.fill, &mut b.fill);
        std::mem::swap(&mut a.used, &mut b.used);
        std::mem::swap(&mut a.small, &mut b.small);
        std::mem::swap(&mut a.inline_only, &mut b.inline_only);
        self.bump();
        other.bump();
    }

    /// Adds every element of `other` (`set_merge`).
    fn merge(&self, other: &Set) -> PyResult<()> {
        if ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let (t, o) = (self.t(), other.t());
        if (t.fill + o.used) * 5 >= t.mask * 3 {
            let n = (t.used + o.used) * 2;
            self.resize(n);
        }
        let (t, o) = (self.t(), other.t());
        if t.fill == 0 && t.mask == o.mask && o.fill == o.used {
            // Same size, no dummies: copy slot by slot.
            for (dst, src) in t.slots.iter_mut().zip(o.slots.iter()) {
                if src.is_active() {
                    *dst = Entry {
                        key: src.key.clone(),
                        hash: src.hash,
                    };
                }
            }
            t.fill = o.fill;
            t.used = o.used;
            (t.small, t.inline_only) = (o.small, o.inline_only);
            return Ok(());
        }
        if t.fill == 0 {
            t.fill = o.used;
            t.used = o.used;
            (t.small, t.inline_only) = (o.small, o.inline_only);
            let mask = t.mask;
            for src in o.slots.iter() {
                if src.is_active() {
                    insert_clean(&mut t.slots, mask, src.key.clone(), src.hash);
                }
            }
            return Ok(());
        }
        for (k, h) in other.entries() {
            self.add_entry(k, h)?;
        }
        Ok(())
    }

    /// `pop()`: removes and returns some element, resuming after the last popped slot.
    fn pop(&self) -> Option<Value> {
        let t = self.t();
        if t.used == 0 {
            return None;
        }
        let mut i = t.finger & t.mask;
        while !t.slots[i].is_active() {
            i = if i == t.mask { 0 } else { i + 1 };
        }
        let e = std::mem::replace(
            &mut t.slots[i],
            Entry {
                key: Value::NULL,
                hash: DUMMY_HASH,
            },
        );
        t.used -= 1;
        t.finger = i + 1;
        t.note_removed(&e.key);
        Some(e.key)
    }

    /// The frozenset hash: order-independent mix of the element hashes.
    fn compute_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut h: u64 = 0;
        for e in self.t().slots.iter() {
            if e.is_active() {
                h ^= shuffle(e.hash as u64);
            }
        }
        h ^= (self.len() as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX {
            h = 590923713;
        }
        h as i64
    }
}

// ---------------------------------------------------------------------------------------------
// Value-level helpers.

fn this(v: &Value) -> &Set {
    v.downcast_ref::<Set>().expect("set method on a non-set")
}

/// The payload of a set or frozenset (or subclass), if `v` is one.
pub fn as_set(v: &Value) -> Option<&Set> {
    v.downcast_ref::<Set>()
}

fn is_frozen(v: &Value) -> bool {
    v.ty().is_subtype(&FROZENSET_TYPE)
}

/// Whether `v` is a (mutable) set or an instance of a subclass of set.
fn is_mutable_set(v: &Value) -> bool {
    v.is_obj() && v.ty().is_subtype(&SET_TYPE)
}

fn empty(frozen: bool) -> Value {
    let ty: &'static TypeObject = if frozen { &FROZENSET_TYPE } else { &SET_TYPE };
    alloc(ty, Set::new())
}

/// An empty set of the same kind (set or frozenset) as `v`.
fn empty_like(v: &Value) -> Value {
    empty(is_frozen(v))
}

/// Adds the elements of any iterable to `so` (`set_update_internal`).
fn update_internal(so: &Set, other: &Value) -> PyResult<()> {
    if let Some(o) = as_set(other) {
        return so.merge(o);
    }
    if other.is_obj() && ptr::eq(other.ty(), &crate::objects::dict::DICT_TYPE) {
        let d = other.downcast_ref::<Dict>().unwrap();
        let n = d.len();
        let t = so.t();
        if (t.fill + n) * 5 >= t.mask * 3 {
            let m = (t.used + n) * 2;
            so.resize(m);
        }
        for k in d.keys() {
            so.add(k)?;
        }
        return Ok(());
    }
    let it = iter(other)?;
    while let Some(x) = next(&it)? {
        so.add(x)?;
    }
    Ok(())
}

/// A new set of kind `frozen` holding the elements of `iterable`.
fn from_iterable(frozen: bool, iterable: &Value) -> PyResult<Value> {
    let s = empty(frozen);
    update_internal(this(&s), iterable)?;
    Ok(s)
}

/// A copy of `v` of the same kind.
fn copy_of(v: &Value) -> PyResult<Value> {
    let r = empty_like(v);
    this(&r).merge(this(v))?;
    Ok(r)
}

/// Runs a set lookup with `key`; when `key` is an unhashable set, retries with
/// `frozenset(key)` as CPython does for `in`, `remove` and `discard`.
#[inline(always)]
fn with_frozen_fallback<R>(key: &Value, f: impl Fn(&Value) -> PyResult<R>) -> PyResult<R> {
    match f(key) {
        Ok(r) => Ok(r),
        Err(e) => frozen_retry(key, e, f),
    }
}

/// The retry of [`with_frozen_fallback`] after `f(key)` raised `e`.
#[cold]
#[inline(never)]
fn frozen_retry<R>(
    key: &Value,
    e: crate::objects::Raised,
    f: impl Fn(&Value) -> PyResult<R>,
) -> PyResult<R> {
    if !is_mutable_set(key) || !raised_matches(&TYPE_ERROR) {
        return Err(e);
    }
    crate::vm::thread::take_raised();
    let tmp = from_iterable(true, key)?;
    f(&tmp)
}

fn intersection(so_v: &Value, other: &Value) -> PyResult<Value> {
    if so_v.is(other) {
        return copy_of(so_v);
    }
    let result = empty_like(so_v);
    let r = this(&result);
    if let Some(o) = as_set(other) {
        let s = this(so_v);
        let (big, small) = if o.len() > s.len() { (o, s) } else { (s, o) };
        for (k, h) in small.entries() {
            if big.contains_entry(&k, h)? {
                r.add_entry(k, h)?;
            }
        }
        return Ok(result);
    }
    let s = this(so_v);
    let it = iter(other)?;
    while let Some(k) = next(&it)? {
        let h = crate::ops::object::hash(&k)?;
        if s.contains_entry(&k, h)? {
            r.add_entry(k, h)?;
            if r.len() >= s.len() {
                break;
            }
        }
    }
    Ok(result)
}

fn intersection_multi(so_v: &Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return copy_of(so_v);
    }
    let mut result = so_v.clone();
    for o in others {
        result = intersection(&result, o)?;
    }
    Ok(result)
}

/// Removes the elements of `other` from `so_v` (`set_difference_update_internal`).
fn difference_update_internal(so_v: &Value, other: &Value) -> PyResult<()> {
    let so = this(so_v);
    if so_v.is(other) {
        so.clear();
        return Ok(());
    }
    if let Some(o) = as_set(other) {
        let other_v = if o.len() >> 3 > so.len() {
            intersection(so_v, other)?
        } else {
            other.clone()
        };
        for (k, h) in this(&other_v).entries() {
            so.discard_entry(&k, h)?;
        }
    } else {
        let it = iter(other)?;
        while let Some(k) = next(&it)? {
            so.discard_key(&k)?;
        }
    }
    let t = so.t();
    if t.fill - t.used > t.mask / 4 {
        let used = t.used;
        so.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

fn copy_and_difference(so_v: &Value, other: &Value) -> PyResult<Value> {
    let r = copy_of(so_v)?;
    difference_update_internal(&r, other)?;
    Ok(r)
}

fn difference(so_v: &Value, other: &Value) -> PyResult<Value> {
    let so = this(so_v);
    let dict = if other.is_obj() && ptr::eq(other.ty(), &crate::objects::dict::DICT_TYPE) {
        other.downcast_ref::<Dict>()
    } else {
        None
    };
    let other_size = match (as_set(other), dict) {
        (Some(o), _) => o.len(),
        (None, Some(d)) => d.len(),
        _ => return copy_and_difference(so_v, other),
    };
    if so.len() >> 2 > other_size {
        return copy_and_difference(so_v, other);
    }
    let result = empty_like(so_v);
    let r = this(&result);
    for (k, h) in so.entries() {
        let present = match dict {
            Some(d) => d.get_item(&k)?.is_some(),
            None => as_set(other).unwrap().contains_entry(&k, h)?,
        };
        if !present {
            r.add_entry(k, h)?;
        }
    }
    Ok(result)
}

fn difference_multi(so_v: &Value, others: &[Value]) -> PyResult<Value> {
    let Some((first, rest)) = others.split_first() else {
        return copy_of(so_v);
    };
    let result = difference(so_v, first)?;
    for o in rest {
        difference_update_internal(&result, o)?;
    }
    Ok(result)
}

fn symmetric_difference_update(so_v: &Value, other: &Value) -> PyResult<()> {
    let so = this(so_v);
    if so_v.is(other) {
        so.clear();
        return Ok(());
    }
    let toggle = |k: Value, h: i64| -> PyResult<()> {
        if !so.discard_entry(&k, h)? {
            so.add_entry(k, h)?;
        }
        Ok(())
    };
    if other.is_obj() && ptr::eq(other.ty(), &crate::objects::dict::DICT_TYPE) {
        for k in other.downcast_ref::<Dict>().unwrap().keys() {
            let h = crate::ops::object::hash(&k)?;
            toggle(k, h)?;
        }
        return Ok(());
    }
    let other_v = if as_set(other).is_some() {
        other.clone()
    } else {
        from_iterable(is_frozen(so_v), other)?
    };
    for (k, h) in this(&other_v).entries() {
        toggle(k, h)?;
    }
    Ok(())
}

fn symmetric_difference(so_v: &Value, other: &Value) -> PyResult<Value> {
    let r = from_iterable(is_frozen(so_v), other)?;
    symmetric_difference_update(&r, so_v)?;
    Ok(r)
}

fn issubset(so_v: &Value, other: &Value) -> PyResult<bool> {
    let Some(o) = as_set(other) else {
        let tmp = from_iterable(false, other)?;
        return issubset(so_v, &tmp);
    };
    let so = this(so_v);
    if so.len() > o.len() {
        return Ok(false);
    }
    for (k, h) in so.entries() {
        if !o.contains_entry(&k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(so_v: &Value, other: &Value) -> PyResult<bool> {
    if as_set(other).is_some() {
        return issubset(other, so_v);
    }
    let so = this(so_v);
    let it = iter(other)?;
    while let Some(k) = next(&it)? {
        if !so.contains_key(&k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn isdisjoint(so_v: &Value, other: &Value) -> PyResult<bool> {
    let so = this(so_v);
    if so_v.is(other) {
        return Ok(so.is_empty());
    }
    if let Some(o) = as_set(other) {
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for (k, h) in small.entries() {
            if big.contains_entry(&k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = iter(other)?;
    while let Some(k) = next(&it)? {
        if so.contains_key(&k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ---------------------------------------------------------------------------------------------
// Public entry points used by the eval loop and the code loader.

/// A new set of `items`, added in order (`BUILD_SET`).
pub fn new_set(items: Vec<Value>) -> PyResult<Value> {
    filled(items, false)
}

/// A new frozenset of `items`, added in order (frozenset constants).
pub fn new_frozenset(items: Vec<Value>) -> PyResult<Value> {
    filled(items, true)
}

fn filled(items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let s = empty(frozen);
    let so = this(&s);
    for x in items {
        so.add(x)?;
    }
    Ok(s)
}

/// `SET_ADD`: adds `item` to the set `set`.
pub fn set_add(set: &Value, item: Value) -> PyResult<()> {
    this(set).add(item)
}

/// `SET_UPDATE`: adds the elements of the iterable `items` to the set `set`.
pub fn set_update(set: &Value, items: &Value) -> PyResult<()> {
    update_internal(this(set), items)
}

// ---------------------------------------------------------------------------------------------
// Slots.

fn set_repr(v: &Value) -> PyResult<Value> {
    let name = v.type_name();
    if !crate::vm::reprguard::enter(v) {
        return Ok(from_string(format!("{}(...)", name)));
    }
    let items = this(v).items();
    let r = if items.is_empty() {
        Ok(format!("{}()", name))
    } else {
        crate::objects::tuple::seq_repr(&items, "{", "}").map(|body| {
            if ptr::eq(v.ty(), &SET_TYPE) {
                body
            } else {
                format!("{}({})", name, body)
            }
        })
    };
    crate::vm::reprguard::leave(v);
    Ok(from_string(r?))
}

fn set_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let equal = x.len() == y.len()
                && !(x.hash.get() != -1 && y.hash.get() != -1 && x.hash.get() != y.hash.get())
                && issubset(a, b)?;
            equal == (op == CmpOp::Eq)
        }
        CmpOp::Le => issubset(a, b)?,
        CmpOp::Ge => issuperset(a, b)?,
        CmpOp::Lt => x.len() < y.len() && issubset(a, b)?,
        CmpOp::Gt => x.len() > y.len() && issuperset(a, b)?,
    };
    Ok(Value::bool(r))
}

fn set_contains(v: &Value, k: &Value) -> PyResult<bool> {
    let so = this(v);
    with_frozen_fallback(k, |key| so.contains_key(key))
}

fn frozenset_hash(v: &Value) -> PyResult<i64> {
    let so = this(v);
    let h = so.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let h = so.compute_hash();
    so.hash.set(h);
    Ok(h)
}

/// `set()` / `frozenset()`, or a class derived from one (`ty`): a new set holding the elements
/// of the optional iterable. (A class derived from `set` with its own `__init__` passes no
/// arguments here: its `__init__` fills the set through `set.__init__`.)
fn set_new_impl(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // SAFETY: type pointers are immortal types.
    let ty: &'static TypeObject = unsafe { &*ty };
    let frozen = ty.is_subtype(&FROZENSET_TYPE);
    if !kwnames.is_empty() {
        let name = if frozen { "frozenset" } else { "set" };
        return err(&TYPE_ERROR, format!("{name}() takes no keyword arguments"));
    }
    let exact = ptr::eq(ty, &SET_TYPE) || ptr::eq(ty, &FROZENSET_TYPE);
    match args {
        [] if exact => Ok(empty(frozen)),
        [x] if exact => {
            if frozen && x.is_obj() && ptr::eq(x.ty(), &FROZENSET_TYPE) {
                return Ok(x.clone());
            }
            from_iterable(frozen, x)
        }
        [] | [_] => {
            let s = alloc(ty, Set::new());
            if let Some(x) = args.first() {
                update_internal(this(&s), x)?;
            }
            Ok(s)
        }
        _ => err(
            &TYPE_ERROR,
            format!(
                "{} expected at most 1 argument, got {}",
                ty.name,
                args.len()
            ),
        ),
    }
}

fn both_sets(a: &Value, b: &Value) -> bool {
    as_set(a).is_some() && as_set(b).is_some()
}

fn set_or(a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    let r = copy_of(a)?;
    if !a.is(b) {
        update_internal(this(&r), b)?;
    }
    Ok(r)
}

fn set_and(a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    intersection(a, b)
}

fn set_sub(a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    difference(a, b)
}

fn set_xor(a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    symmetric_difference(a, b)
}

fn set_ior(a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    update_internal(this(a), b)?;
    Ok(a.clone())
}

fn set_iand(a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    let tmp = intersection(a, b)?;
    this(a).swap_bodies(this(&tmp));
    Ok(a.clone())
}

fn set_isub(a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    difference_update_internal(a, b)?;
    Ok(a.clone())
}

fn set_ixor(a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    symmetric_difference_update(a, b)?;
    Ok(a.clone())
}

// ---------------------------------------------------------------------------------------------
// Methods.

/// The positional arguments of a `METH_VARARGS` method (`set.update(*others)`).
fn varargs<'a>(ty: &str, name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a [Value]> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}.{}() takes no keyword arguments", ty, name),
        );
    }
    Ok(args)
}

/// The argument of a `METH_O` method.
#[inline(always)]
fn one_arg<'a>(ty: &str, name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    match args {
        [x] if kw.is_empty() => Ok(x),
        _ => one_arg_error(ty, name, args, kw),
    }
}

/// The error of [`one_arg`] for a call with keywords or a wrong number of arguments.
#[cold]
#[inline(never)]
fn one_arg_error<'a>(ty: &str, name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}.{}() takes no keyword arguments", ty, name),
        );
    }
    exactly_one(&format!("{}.{}", ty, name), args)
}

/// Checks a `METH_NOARGS` method got no arguments.
fn no_args(ty: &str, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}.{}() takes no keyword arguments", ty, name),
        );
    }
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.{}() takes no arguments ({} given)",
                ty,
                name,
                args.len()
            ),
        );
    }
    Ok(())
}

fn m_add(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg("set", "add", args, kw)?;
    this(v).add(x.clone())?;
    Ok(Value::NONE)
}

fn m_remove(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg("set", "remove", args, kw)?;
    let so = this(v);
    if with_frozen_fallback(x, |key| so.discard_key(key))? {
        Ok(Value::NONE)
    } else {
        Err(key_error(x))
    }
}

fn m_discard(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg("set", "discard", args, kw)?;
    let so = this(v);
    with_frozen_fallback(x, |key| so.discard_key(key))?;
    Ok(Value::NONE)
}

/// The set `s` when a kernel may change it with `key` without running Python code or
/// failing: an exact set that has held only inline values, and an inline int or short str key
/// (hashed and compared with no `__hash__`/`__eq__` call).
fn kernel_target<'a>(s: &'a Value, key: &Value) -> Option<&'a Set> {
    let so = s.downcast_exact::<Set>()?;
    (so.t().inline_only && is_inline_key(key)).then_some(so)
}

/// `set.add(key)` for compiled code (a `MethodKernel`, see `tier2::method_kernels`): `None`, or
/// NULL with nothing done when [`kernel_target`] refuses.
///
/// # Safety
/// `args` points at the live argument.
pub unsafe extern "C" fn kernel_add(s: &Value, args: *const Value) -> Value {
    // SAFETY: as the caller promises.
    let key = unsafe { &*args };
    let Some(so) = kernel_target(s, key) else {
        return Value::NULL;
    };
    let hash = hash_of(key).unwrap_or(0);
    match so.add_entry(key.clone(), hash) {
        Ok(()) => Value::NONE,
        // Not reached for an inline key and inline elements; the set is unchanged.
        Err(_) => Value::NULL,
    }
}

/// `set.discard(key)` (`remove` when `must_exist`) for compiled code, as [`kernel_add`]; a
/// `remove` of a missing key is left to the method, which raises.
fn kernel_discard_or_remove(s: &Value, key: &Value, must_exist: bool) -> Value {
    let Some(so) = kernel_target(s, key) else {
        return Value::NULL;
    };
    if must_exist && so.contains_inline(key) != Some(true) {
        return Value::NULL;
    }
    let hash = hash_of(key).unwrap_or(0);
    match so.discard_entry(key, hash) {
        Ok(_) => Value::NONE,
        Err(_) => Value::NULL,
    }
}

/// `set.discard(key)` for compiled code (see [`kernel_discard_or_remove`]).
///
/// # Safety
/// `args` points at the live argument.
pub unsafe extern "C" fn kernel_discard(s: &Value, args: *const Value) -> Value {
    // SAFETY: as the caller promises.
    kernel_discard_or_remove(s, unsafe { &*args }, false)
}

/// `set.remove(key)` for compiled code (see [`kernel_discard_or_remove`]).
///
/// # Safety
/// `args` points at the live argument.
pub unsafe extern "C" fn kernel_remove(s: &Value, args: *const Value) -> Value {
    // SAFETY: as the caller promises.
    kernel_discard_or_remove(s, unsafe { &*args }, true)
}

/// The set methods with a kernel: (method, argument count, kernel).
pub fn method_kernels() -> [(crate::objects::MethodFn, usize, crate::tier2::MethodKernel); 3] {
    [
        (m_add, 1, kernel_add),
        (m_discard, 1, kernel_discard),
        (m_remove, 1, kernel_remove),
    ]
}

fn m_pop(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("set", "pop", args, kw)?;
    match this(v).pop() {
        Some(x) => Ok(x),
        None => err(&KEY_ERROR, "pop from an empty set"),
    }
}

/// `set.__init__(iterable=())`: empties the set, then adds the iterable's elements.
fn m_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "set() takes no keyword arguments");
    }
    if args.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "{} expected at most 1 argument, got {}",
                v.ty().name,
                args.len()
            ),
        );
    }
    this(v).clear();
    if let Some(x) = args.first() {
        update_internal(this(v), x)?;
    }
    Ok(Value::NONE)
}

fn m_clear(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("set", "clear", args, kw)?;
    this(v).clear();
    Ok(Value::NONE)
}

fn m_copy(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("set", "copy", args, kw)?;
    copy_of(v)
}

fn m_frozen_copy(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("frozenset", "copy", args, kw)?;
    if ptr::eq(v.ty(), &FROZENSET_TYPE) {
        return Ok(v.clone());
    }
    copy_of(v)
}

fn m_update(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    for o in varargs("set", "update", args, kw)? {
        update_internal(this(v), o)?;
    }
    Ok(Value::NONE)
}

fn union_impl(ty: &str, v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let others = varargs(ty, "union", args, kw)?;
    let r = copy_of(v)?;
    for o in others {
        if !o.is(v) {
            update_internal(this(&r), o)?;
        }
    }
    Ok(r)
}

fn intersection_impl(ty: &str, v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    intersection_multi(v, varargs(ty, "intersection", args, kw)?)
}

fn m_intersection_update(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let others = varargs("set", "intersection_update", args, kw)?;
    let tmp = intersection_multi(v, others)?;
    if !tmp.is(v) {
        this(v).swap_bodies(this(&tmp));
    }
    Ok(Value::NONE)
}

fn difference_impl(ty: &str, v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    difference_multi(v, varargs(ty, "difference", args, kw)?)
}

fn m_difference_update(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    for o in varargs("set", "difference_update", args, kw)? {
        difference_update_internal(v, o)?;
    }
    Ok(Value::NONE)
}

fn m_symmetric_difference_update(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = one_arg("set", "symmetric_difference_update", args, kw)?;
    symmetric_difference_update(v, o)?;
    Ok(Value::NONE)
}

/// The method table of `set` (`$ty == "set"`, with the mutating methods `$extra`) or
/// `frozenset`.
macro_rules! set_methods {
    ($ty:literal $(, $extra:expr)*) => {
        [
            $($extra,)*
            method!("copy", |v, a, k| if $ty == "set" {
                m_copy(v, a, k)
            } else {
                m_frozen_copy(v, a, k)
            }),
            method!("union", |v, a, k| union_impl($ty, v, a, k)),
            method!("intersection", |v, a, k| intersection_impl($ty, v, a, k)),
            method!("difference", |v, a, k| difference_impl($ty, v, a, k)),
            method!("symmetric_difference", |v, a, k| {
                let o = one_arg($ty, "symmetric_difference", a, k)?;
                symmetric_difference(v, o)
            }),
            method!("isdisjoint", |v, a, k| {
                let o = one_arg($ty, "isdisjoint", a, k)?;
                Ok(Value::bool(isdisjoint(v, o)?))
            }),
            method!("issubset", |v, a, k| {
                let o = one_arg($ty, "issubset", a, k)?;
                Ok(Value::bool(issubset(v, o)?))
            }),
            method!("issuperset", |v, a, k| {
                let o = one_arg($ty, "issuperset", a, k)?;
                Ok(Value::bool(issuperset(v, o)?))
            }),
            method!("__contains__", |v, a, k| {
                let o = one_arg($ty, "__contains__", a, k)?;
                Ok(Value::bool(set_contains(v, o)?))
            }),
        ]
    };
}

static SET_METHODS: [MethodDef; 20] = set_methods!(
    "set",
    crate::objects::generic_alias::CLASS_GETITEM,
    method!("add", m_add),
    method!("remove", m_remove),
    method!("discard", m_discard),
    method!("pop", m_pop),
    method!("clear", m_clear),
    method!("__init__", m_init),
    method!("update", m_update),
    method!("intersection_update", m_intersection_update),
    method!("difference_update", m_difference_update),
    method!("symmetric_difference_update", m_symmetric_difference_update)
);

static FROZENSET_METHODS: [MethodDef; 10] =
    set_methods!("frozenset", crate::objects::generic_alias::CLASS_GETITEM);

const SET_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Or as usize] = Some(set_or);
    nb[NbOp::And as usize] = Some(set_and);
    nb[NbOp::Sub as usize] = Some(set_sub);
    nb[NbOp::Xor as usize] = Some(set_xor);
    nb
};

const SET_NB_INPLACE: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Or as usize] = Some(set_ior);
    nb[NbOp::And as usize] = Some(set_iand);
    nb[NbOp::Sub as usize] = Some(set_isub);
    nb[NbOp::Xor as usize] = Some(set_ixor);
    nb
};

/// The `set` type.
pub static SET_TYPE: TypeObject = TypeObject {
    name: "set",
    layout: &SET_TYPE,
    flags: flags::BASETYPE | flags::WEAKREFABLE,
    dealloc: crate::objects::dealloc_weakrefable::<Set>,
    sub_layout: crate::objects::sub_layout::<Set>(),
    repr: Some(set_repr),
    richcompare: Some(set_richcompare),
    len: Some(|v| Ok(this(v).len())),
    contains: Some(set_contains),
    iter: Some(|v| Ok(new_set_iter(v.clone()))),
    new: Some(set_new_impl),
    nb: SET_NB,
    nb_inplace: SET_NB_INPLACE,
    methods: &SET_METHODS,
    doc: "Build an unordered collection of unique elements.",
    ..TypeObject::EMPTY
};

/// The `frozenset` type. Its instances share the `set` payload layout.
pub static FROZENSET_TYPE: TypeObject = TypeObject {
    name: "frozenset",
    layout: &SET_TYPE,
    flags: flags::BASETYPE | flags::WEAKREFABLE | flags::NEW_TAKES_ARGS,
    dealloc: crate::objects::dealloc_weakrefable::<Set>,
    sub_layout: crate::objects::sub_layout::<Set>(),
    repr: Some(set_repr),
    hash: Some(frozenset_hash),
    richcompare: Some(set_richcompare),
    len: Some(|v| Ok(this(v).len())),
    contains: Some(set_contains),
    iter: Some(|v| Ok(new_set_iter(v.clone()))),
    new: Some(set_new_impl),
    nb: SET_NB,
    methods: &FROZENSET_METHODS,
    doc: "Build an immutable unordered collection of unique elements.",
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// Iterator.

/// Payload of a set iterator.
pub struct SetIter {
    set: Value,
    /// Next slot to look at; `usize::MAX` once exhausted.
    pos: Cell<usize>,
    /// The set's size when iteration started (`usize::MAX` after a size change was seen);
    /// a change raises RuntimeError.
    used: Cell<usize>,
}

/// A new iterator over a set or frozenset.
pub fn new_set_iter(set: Value) -> Value {
    let used = this(&set).len();
    alloc(
        &SET_ITER_TYPE,
        SetIter {
            set,
            pos: Cell::new(0),
            used: Cell::new(used),
        },
    )
}

fn set_iter_next(v: &Value) -> PyResult<Option<Value>> {
    // SAFETY: only SET_ITER_TYPE objects have this slot, and their payload is a SetIter.
    let it = unsafe { v.payload_unchecked::<SetIter>() };
    let pos = it.pos.get();
    if pos == usize::MAX {
        return Ok(None);
    }
    let so = this(&it.set);
    if so.len() != it.used.get() {
        // Sticky, as in CPython: every later call raises too.
        it.used.set(usize::MAX);
        return err(&RUNTIME_ERROR, "Set changed size during iteration");
    }
    let t = so.t();
    let mut i = pos;
    while i <= t.mask && !t.slots[i].is_active() {
        i += 1;
    }
    if i > t.mask {
        it.pos.set(usize::MAX);
        return Ok(None);
    }
    it.pos.set(i + 1);
    Ok(Some(t.slots[i].key.clone()))
}

/// The iterator type of sets and frozensets.
pub static SET_ITER_TYPE: TypeObject = TypeObject {
    name: "set_iterator",
    layout: &SET_ITER_TYPE,
    dealloc: dealloc_obj::<SetIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(set_iter_next),
    ..TypeObject::EMPTY
};

#[cfg(test)]
mod tests {
    //! Drives the table with int elements and compares iteration order and `hash(frozenset)`
    //! with CPython 3.12 running the same operations.

    use super::*;

    /// A deterministic pseudo-random sequence (64-bit LCG).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    fn ints(v: &Value) -> Vec<i64> {
        this(v)
            .items()
            .iter()
            .map(|x| x.as_small_int().unwrap())
            .collect()
    }

    /// Runs a random program on sets `a` and `b`; returns (Python source, our output).
    fn scenario(seed: u64) -> (String, String) {
        let mut r = Lcg(seed);
        let range = [16, 64, 500, 5000, 1 << 40][(seed % 5) as usize];
        let scale = [1, 8, 1024, 1 << 20][(seed / 5 % 4) as usize];
        let key = |r: &mut Lcg| -> i64 {
            let k = r.next(range) as i64 * scale;
            if r.next(4) == 0 {
                -k - 1
            } else {
                k
            }
        };
        let mut py = String::from("a = set()\nb = set()\n");
        let mut out = String::new();
        let mut a = new_set(vec![]).unwrap();
        let mut b = new_set(vec![]).unwrap();
        for step in 0..400 {
            let op = r.next(20);
            let (target, other) = if r.next(3) == 0 {
                ("b", "a")
            } else {
                ("a", "b")
            };
            let (t, o) = if target == "a" {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            };
            let mut new_t = None;
            match op {
                0..=7 => {
                    let k = key(&mut r);
                    py.push_str(&format!("{target}.add({k})\n"));
                    this(&t).add(Value::int(k)).unwrap();
                }
                8..=10 => {
                    let k = key(&mut r);
                    py.push_str(&format!("{target}.discard({k})\n"));
                    this(&t).discard_key(&Value::int(k)).unwrap();
                }
                11 => {
                    py.push_str(&format!("if {target}: {target}.pop()\n"));
                    this(&t).pop();
                }
                12 => {
                    py.push_str(&format!("{target}.update({other})\n"));
                    set_update(&t, &o).unwrap();
                }
                13 => {
                    py.push_str(&format!("{target} -= {other}\n"));
                    set_isub(&t, &o).unwrap();
                }
                14 => {
                    py.push_str(&format!("{target} &= {other}\n"));
                    set_iand(&t, &o).unwrap();
                }
                15 => {
                    py.push_str(&format!("{target} ^= {other}\n"));
                    set_ixor(&t, &o).unwrap();
                }
                16 => {
                    py.push_str(&format!("{target} = {target} | {other}\n"));
                    new_t = Some(set_or(&t, &o).unwrap());
                }
                17 => {
                    py.push_str(&format!("{target} = {other} - {target}\n"));
                    new_t = Some(set_sub(&o, &t).unwrap());
                }
                18 => {
                    py.push_str(&format!("{target} = {other} & {target}\n"));
                    new_t = Some(set_and(&o, &t).unwrap());
                }
                _ => {
                    if r.next(4) == 0 {
                        py.push_str(&format!("{target}.clear()\n"));
                        this(&t).clear();
                    } else {
                        py.push_str(&format!("{target} = {target}.copy()\n"));
                        new_t = Some(copy_of(&t).unwrap());
                    }
                }
            }
            if let Some(n) = new_t {
                if target == "a" {
                    a = n;
                } else {
                    b = n;
                }
            }
            if step % 4 == 3 {
                py.push_str("print(*a, '|', *b, hash(frozenset(a)))\n");
                let mut line: Vec<String> = ints(&a).iter().map(|x| x.to_string()).collect();
                line.push("|".into());
                line.extend(ints(&b).iter().map(|x| x.to_string()));
                let f = new_frozenset(this(&a).items()).unwrap();
                line.push(frozenset_hash(&f).unwrap().to_string());
                out.push_str(&line.join(" "));
                out.push('\n');
            }
        }
        (py, out)
    }

    #[test]
    fn iteration_order_and_hash_match_cpython() {
        let Ok(python) = crate::compile::find_python312() else {
            eprintln!("CPython 3.12 not found; skipping");
            return;
        };
        for seed in 0..60 {
            let (py, ours) = scenario(seed);
            let res = std::process::Command::new(&python)
                .args(["-c", &py])
                .output()
                .unwrap();
            assert!(
                res.status.success(),
                "{}",
                String::from_utf8_lossy(&res.stderr)
            );
            let theirs = String::from_utf8(res.stdout).unwrap();
            for (n, (x, y)) in ours.lines().zip(theirs.lines()).enumerate() {
                assert_eq!(x, y, "seed {seed}, checkpoint {n}\n{py}");
            }
            assert_eq!(ours.lines().count(), theirs.lines().count());
        }
    }
}
