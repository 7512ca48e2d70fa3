//! `collections.deque`: a double-ended queue with an optional maximum length, and its forward
//! and reverse iterators (CPython's Modules/_collectionsmodule.c semantics).
//!
//! The items live in a `VecDeque` inside an `UnsafeCell`. As for `list`, no borrow of it is held
//! across anything that can run Python code (comparisons, `repr`, iteration of an argument,
//! dropping an item); removed items are dropped after the borrow ends. `state` counts mutations
//! that move items, so iterators and scans that ran Python code can report "deque mutated
//! during iteration" as CPython does.

use std::cell::{Cell, UnsafeCell};
use std::collections::VecDeque;

use crate::abi::Value;
use crate::builtins::args::{exactly_one, no_args, ArgParser};
use crate::objects::exception::{err, INDEX_ERROR, RUNTIME_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::none::not_implemented;
use crate::objects::str::{from_string, new_str};
use crate::objects::tuple::{new_tuple, repeat_count, seq_repr, seq_richcompare};
use crate::objects::{
    alloc, dealloc_obj, dealloc_weakrefable, flags, method, BinaryFn, CmpOp, NbOp, PyPayload,
    PyResult, TypeObject, NB_COUNT,
};
use crate::ops::sequence::index_arg;

/// Payload of a deque.
pub struct Deque {
    items: UnsafeCell<VecDeque<Value>>,
    /// The maximum length, or -1 when unbounded.
    maxlen: Cell<i64>,
    /// Bumped by every mutation that moves items (not by `d[i] = x` or `reverse()`).
    state: Cell<u64>,
}

impl PyPayload for Deque {
    fn type_object() -> *const TypeObject {
        &DEQUE_TYPE
    }
}

impl Deque {
    fn new(maxlen: i64) -> Deque {
        Deque {
            items: UnsafeCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }
    }

    /// Runs `f` on the items. `f` must not run Python code (see the module invariant).
    #[inline(always)]
    fn with<R>(&self, f: impl FnOnce(&mut VecDeque<Value>) -> R) -> R {
        // SAFETY: single-threaded, and `f` cannot re-enter Python, so no other borrow exists.
        f(unsafe { &mut *self.items.get() })
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.with(|d| d.len())
    }

    /// Whether the deque is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A new reference to item `i`, if in range.
    pub fn get(&self, i: usize) -> Option<Value> {
        self.with(|d| d.get(i).cloned())
    }

    /// A copy of the items, left to right.
    pub fn to_vec(&self) -> Vec<Value> {
        self.with(|d| d.iter().cloned().collect())
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// Appends on the right, dropping the leftmost item when over `maxlen`.
    pub fn append(&self, x: Value) {
        let maxlen = self.maxlen.get();
        let trimmed = self.with(|d| {
            d.push_back(x);
            if maxlen >= 0 && d.len() as i64 > maxlen {
                d.pop_front()
            } else {
                None
            }
        });
        self.bump();
        drop(trimmed);
    }

    /// Appends on the left, dropping the rightmost item when over `maxlen`.
    pub fn appendleft(&self, x: Value) {
        let maxlen = self.maxlen.get();
        let trimmed = self.with(|d| {
            d.push_front(x);
            if maxlen >= 0 && d.len() as i64 > maxlen {
                d.pop_back()
            } else {
                None
            }
        });
        self.bump();
        drop(trimmed);
    }

    /// Removes and returns the rightmost item.
    pub fn pop(&self) -> Option<Value> {
        let x = self.with(|d| d.pop_back());
        if x.is_some() {
            self.bump();
        }
        x
    }

    /// Removes and returns the leftmost item.
    pub fn popleft(&self) -> Option<Value> {
        let x = self.with(|d| d.pop_front());
        if x.is_some() {
            self.bump();
        }
        x
    }

    /// Removes every item (dropped after the deque is already empty).
    pub fn clear(&self) {
        let old = self.with(std::mem::take);
        if !old.is_empty() {
            self.bump();
        }
        drop(old);
    }

    /// Rotates `n` steps to the right (left when negative).
    pub fn rotate(&self, n: i64) {
        let len = self.len() as i64;
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len) as usize;
        self.bump();
        if k != 0 {
            self.with(|d| d.rotate_right(k));
        }
    }
}

fn this(v: &Value) -> &Deque {
    v.downcast_ref::<Deque>()
        .expect("deque method on a non-deque")
}

/// Whether `v` is a deque (or an instance of a subclass).
pub fn is_deque(v: &Value) -> bool {
    v.downcast_ref::<Deque>().is_some()
}

/// `d.extend(iterable)` (append on the right, or on the left for `extendleft`).
fn extend(v: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    let d = this(v);
    let it;
    let source = if iterable.is(v) {
        // Extending a deque with itself: iterate over a snapshot.
        it = crate::objects::list::new_list(d.to_vec());
        &it
    } else {
        iterable
    };
    let it = crate::ops::sequence::iter(source)?;
    while let Some(x) = crate::ops::sequence::next(&it)? {
        if d.maxlen.get() == 0 {
            continue;
        }
        if left {
            d.appendleft(x);
        } else {
            d.append(x);
        }
    }
    Ok(())
}

/// `maxlen` argument: `None` (unbounded) or a non-negative int.
fn parse_maxlen(m: Option<Value>) -> PyResult<i64> {
    match m {
        None => Ok(-1),
        Some(m) if m.is_none() => Ok(-1),
        Some(m) => {
            if !crate::objects::int::is_int(&m) {
                return err(&TYPE_ERROR, "an integer is required");
            }
            let n = crate::ops::number::index_i64(&m)?;
            if n < 0 {
                return err(&VALUE_ERROR, "maxlen must be non-negative");
            }
            Ok(n)
        }
    }
}

/// `deque.__init__(iterable=(), maxlen=None)`: resets the deque (CPython's `deque_init`).
fn init(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let npos = args.len() - kwnames.len();
    if npos > 2 {
        return err(
            &TYPE_ERROR,
            format!("deque() takes at most 2 arguments ({} given)", args.len()),
        );
    }
    let mut p = ArgParser::new("deque", args, kwnames);
    let iterable = p.optional("iterable")?;
    let maxlen = p.optional("maxlen")?;
    p.finish()?;
    let d = this(v);
    d.maxlen.set(parse_maxlen(maxlen)?);
    if !d.is_empty() {
        d.clear();
    }
    if let Some(it) = iterable {
        extend(v, &it, false)?;
    }
    Ok(())
}

fn deque_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = alloc(ty, Deque::new(-1));
    init(&v, args, kwnames)?;
    Ok(v)
}

/// A new deque of `items` with the given `maxlen` (-1 for none).
pub fn new_deque(items: Vec<Value>, maxlen: i64) -> Value {
    let v = alloc(&DEQUE_TYPE, Deque::new(maxlen));
    for x in items {
        this(&v).append(x);
    }
    v
}

fn m_init(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    init(v, args, kwnames)?;
    Ok(Value::NONE)
}

fn m_append(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exactly_one("deque.append", args)?;
    this(v).append(x.clone());
    Ok(Value::NONE)
}

fn m_appendleft(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exactly_one("deque.appendleft", args)?;
    this(v).appendleft(x.clone());
    Ok(Value::NONE)
}

fn m_pop(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("deque.pop", args)?;
    match this(v).pop() {
        Some(x) => Ok(x),
        None => err(&INDEX_ERROR, "pop from an empty deque"),
    }
}

fn m_popleft(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("deque.popleft", args)?;
    match this(v).popleft() {
        Some(x) => Ok(x),
        None => err(&INDEX_ERROR, "pop from an empty deque"),
    }
}

fn m_extend(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = exactly_one("deque.extend", args)?;
    extend(v, it, false)?;
    Ok(Value::NONE)
}

fn m_extendleft(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = exactly_one("deque.extendleft", args)?;
    extend(v, it, true)?;
    Ok(Value::NONE)
}

fn m_clear(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("deque.clear", args)?;
    this(v).clear();
    Ok(Value::NONE)
}

fn m_rotate(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = match args {
        [] => 1,
        [n] => crate::ops::number::index_i64(n)?,
        _ => {
            return err(
                &TYPE_ERROR,
                format!(
                    "deque.rotate expected at most 1 argument, got {}",
                    args.len()
                ),
            )
        }
    };
    this(v).rotate(n);
    Ok(Value::NONE)
}

fn m_reverse(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("deque.reverse", args)?;
    this(v).with(|d| d.make_contiguous().reverse());
    Ok(Value::NONE)
}

/// Compares each item (from `start`, before `stop`) with `x`, as `count`, `index` and `in`
/// do: calls `found(i)` on equal items until it returns true; RuntimeError when a comparison
/// mutated the deque.
fn scan(
    d: &Deque,
    x: &Value,
    start: usize,
    stop: usize,
    mut found: impl FnMut(usize) -> bool,
) -> PyResult<bool> {
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(item) = d.get(i) else { break };
        let eq = crate::ops::compare::eq(&item, x)?;
        if eq && found(i) {
            return Ok(true);
        }
        if d.state.get() != state {
            return err(&RUNTIME_ERROR, "deque mutated during iteration");
        }
        i += 1;
    }
    Ok(false)
}

fn m_count(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exactly_one("deque.count", args)?;
    let d = this(v);
    let mut n = 0i64;
    scan(d, x, 0, d.len(), |_| {
        n += 1;
        false
    })?;
    Ok(Value::int(n))
}

fn deque_contains(v: &Value, x: &Value) -> PyResult<bool> {
    let d = this(v);
    scan(d, x, 0, d.len(), |_| true)
}

fn m_index(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return err(&TYPE_ERROR, "index() takes at least 1 argument (0 given)");
    }
    if args.len() > 3 {
        return err(
            &TYPE_ERROR,
            format!("index() takes at most 3 arguments ({} given)", args.len()),
        );
    }
    let d = this(v);
    let (x, start, stop) = crate::builtins::args::index_args("index", args, d.len())?;
    let mut at = 0;
    if scan(d, x, start, stop, |i| {
        at = i;
        true
    })? {
        return Ok(Value::int(at as i64));
    }
    err(
        &VALUE_ERROR,
        format!("{} is not in deque", crate::ops::object::repr_string(x)?),
    )
}

fn m_insert(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("insert() takes exactly 2 arguments ({} given)", args.len()),
        );
    }
    let index = crate::ops::number::index_i64(&args[0])?;
    let d = this(v);
    let n = d.len() as i64;
    if d.maxlen.get() == n {
        return err(&INDEX_ERROR, "deque already at its maximum size");
    }
    let at = if index < 0 {
        (index + n).max(0)
    } else {
        index.min(n)
    } as usize;
    let x = args[1].clone();
    d.with(|q| q.insert(at, x));
    d.bump();
    Ok(Value::NONE)
}

fn m_remove(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exactly_one("deque.remove", args)?;
    let d = this(v);
    let state = d.state.get();
    for i in 0..d.len() {
        let Some(item) = d.get(i) else { break };
        let eq = crate::ops::compare::eq(&item, x)?;
        if d.state.get() != state {
            return err(&INDEX_ERROR, "deque mutated during iteration");
        }
        if eq {
            let removed = d.with(|q| q.remove(i));
            d.bump();
            drop(removed);
            return Ok(Value::NONE);
        }
    }
    err(
        &VALUE_ERROR,
        format!("{} is not in deque", crate::ops::object::repr_string(x)?),
    )
}

/// `copy()` / `__copy__()`: a new deque of the same type and `maxlen`.
fn copy(v: &Value) -> PyResult<Value> {
    let d = this(v);
    if std::ptr::eq(v.ty(), &DEQUE_TYPE) {
        return Ok(new_deque(d.to_vec(), d.maxlen.get()));
    }
    let cls = v.ty().to_value();
    let r = if d.maxlen.get() < 0 {
        crate::vm::call::call(&cls, std::slice::from_ref(v), &[])?
    } else {
        crate::vm::call::call(&cls, &[v.clone(), Value::int(d.maxlen.get())], &[])?
    };
    if !is_deque(&r) {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() must return a deque, not {}",
                v.type_name(),
                r.type_name()
            ),
        );
    }
    Ok(r)
}

fn m_copy(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("deque.copy", args)?;
    copy(v)
}

fn m_reduce(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let dict = if v.ty().dict_offset != 0 {
        crate::ops::object::instance_dict(v).unwrap_or(Value::NONE)
    } else {
        Value::NONE
    };
    let it = deque_iter(v)?;
    let d = this(v);
    let args = if d.maxlen.get() < 0 {
        new_tuple(vec![])
    } else {
        new_tuple(vec![new_tuple(vec![]), Value::int(d.maxlen.get())])
    };
    Ok(new_tuple(vec![v.ty().to_value(), args, dict, it]))
}

fn deque_repr(v: &Value) -> PyResult<Value> {
    if !crate::vm::reprguard::enter(v) {
        return Ok(new_str("[...]"));
    }
    let items = this(v).to_vec();
    let r = seq_repr(&items, "[", "]");
    crate::vm::reprguard::leave(v);
    let name = crate::objects::type_::short_name(v.ty());
    Ok(from_string(match this(v).maxlen.get() {
        m if m >= 0 => format!("{}({}, maxlen={})", name, r?, m),
        _ => format!("{}({})", name, r?),
    }))
}

fn deque_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if !is_deque(a) || !is_deque(b) {
        return Ok(not_implemented());
    }
    if a.is(b) {
        match op {
            CmpOp::Eq => return Ok(Value::TRUE),
            CmpOp::Ne => return Ok(Value::FALSE),
            _ => {}
        }
    }
    seq_richcompare(&this(a).to_vec(), &this(b).to_vec(), op)
}

/// `d[i]` with CPython's sequence-index rules (no slices).
fn item_index(v: &Value, k: &Value) -> PyResult<usize> {
    if k.as_small_int().is_none() && k.ty().index.is_none() {
        return err(
            &TYPE_ERROR,
            format!("sequence index must be integer, not '{}'", k.type_name()),
        );
    }
    let i = index_arg(k, "deque")?;
    let n = this(v).len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return err(&INDEX_ERROR, "deque index out of range");
    }
    Ok(j as usize)
}

fn deque_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    let i = item_index(v, k)?;
    Ok(this(v).get(i).unwrap_or(Value::NONE))
}

fn deque_setitem(v: &Value, k: &Value, x: Option<Value>) -> PyResult<()> {
    let i = item_index(v, k)?;
    let d = this(v);
    let old = match x {
        Some(x) => d.with(|q| std::mem::replace(&mut q[i], x)),
        None => {
            let old = d.with(|q| q.remove(i));
            d.bump();
            old.unwrap_or(Value::NONE)
        }
    };
    drop(old);
    Ok(())
}

fn deque_add(a: &Value, b: &Value) -> PyResult<Value> {
    if !is_deque(a) {
        return Ok(not_implemented());
    }
    if !is_deque(b) {
        return err(
            &TYPE_ERROR,
            format!(
                "can only concatenate deque (not \"{}\") to deque",
                b.type_name()
            ),
        );
    }
    let r = copy(a)?;
    extend(&r, b, false)?;
    Ok(r)
}

fn deque_iadd(a: &Value, b: &Value) -> PyResult<Value> {
    extend(a, b, false)?;
    Ok(a.clone())
}

/// `d *= n` (CPython's `deque_inplace_repeat`, trimmed to `maxlen`).
fn inplace_repeat(v: &Value, n: i64) -> PyResult<()> {
    let d = this(v);
    let size = d.len() as i64;
    if size == 0 || n == 1 {
        return Ok(());
    }
    if n <= 0 {
        d.clear();
        return Ok(());
    }
    let items = d.to_vec();
    let mut reps = n;
    let maxlen = d.maxlen.get();
    if maxlen >= 0 && n.saturating_mul(size) > maxlen {
        reps = (maxlen + size - 1) / size;
    }
    if size
        .checked_mul(reps)
        .is_none_or(|t| t > isize::MAX as i64 / 16)
    {
        return err(&crate::objects::exception::MEMORY_ERROR, "");
    }
    for _ in 1..reps {
        for x in &items {
            d.append(x.clone());
        }
    }
    Ok(())
}

fn deque_mul(a: &Value, b: &Value) -> PyResult<Value> {
    if !is_deque(a) {
        return Ok(not_implemented());
    }
    let Some(n) = repeat_count(b)? else {
        return Ok(not_implemented());
    };
    let r = copy(a)?;
    inplace_repeat(&r, n)?;
    Ok(r)
}

fn deque_imul(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(n) = repeat_count(b)? else {
        return Ok(not_implemented());
    };
    inplace_repeat(a, n)?;
    Ok(a.clone())
}

const DEQUE_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(deque_add);
    nb[NbOp::Mul as usize] = Some(deque_mul);
    nb
};

const DEQUE_NB_INPLACE: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(deque_iadd);
    nb[NbOp::Mul as usize] = Some(deque_imul);
    nb
};

/// The `collections.deque` type.
pub static DEQUE_TYPE: TypeObject = TypeObject {
    name: "collections.deque",
    layout: &DEQUE_TYPE,
    flags: flags::BASETYPE | flags::WEAKREFABLE,
    dealloc: dealloc_weakrefable::<Deque>,
    sub_layout: crate::objects::sub_layout::<Deque>(),
    repr: Some(deque_repr),
    richcompare: Some(deque_richcompare),
    len: Some(|v| Ok(this(v).len())),
    getitem: Some(deque_getitem),
    setitem: Some(deque_setitem),
    contains: Some(deque_contains),
    iter: Some(deque_iter),
    nb: DEQUE_NB,
    nb_inplace: DEQUE_NB_INPLACE,
    new: Some(deque_new),
    methods: &[
        method!("__init__", m_init),
        method!("append", m_append),
        method!("appendleft", m_appendleft),
        method!("pop", m_pop),
        method!("popleft", m_popleft),
        method!("extend", m_extend),
        method!("extendleft", m_extendleft),
        method!("clear", m_clear),
        method!("rotate", m_rotate),
        method!("reverse", m_reverse),
        method!("count", m_count),
        method!("index", m_index),
        method!("insert", m_insert),
        method!("remove", m_remove),
        method!("copy", m_copy),
        method!("__copy__", m_copy),
        method!("__reduce__", m_reduce),
        method!("__reversed__", |v, _, _| Ok(new_deque_iter(v, true))),
    ],
    getsets: &[crate::objects::GetSetDef {
        name: "maxlen",
        get: |v| {
            Ok(match this(v).maxlen.get() {
                m if m >= 0 => Value::int(m),
                _ => Value::NONE,
            })
        },
        set: None,
    }],
    doc: "A list-like sequence optimized for data accesses near its endpoints.",
    ..TypeObject::EMPTY
};

// ----- iterators -----

/// Payload of `_deque_iterator` and `_deque_reverse_iterator`.
pub struct DequeIter {
    deque: Value,
    /// Position of the next item (counting from the right for the reverse iterator).
    index: Cell<usize>,
    /// The deque's `state` when the iterator was created.
    state: u64,
    /// Items left to produce.
    counter: Cell<usize>,
}

impl PyPayload for DequeIter {
    fn type_object() -> *const TypeObject {
        &DEQUE_ITER_TYPE
    }
}

fn new_deque_iter(v: &Value, reverse: bool) -> Value {
    let d = this(v);
    alloc(
        if reverse {
            &DEQUE_REVITER_TYPE
        } else {
            &DEQUE_ITER_TYPE
        },
        DequeIter {
            deque: v.clone(),
            index: Cell::new(0),
            state: d.state.get(),
            counter: Cell::new(d.len()),
        },
    )
}

fn deque_iter(v: &Value) -> PyResult<Value> {
    Ok(new_deque_iter(v, false))
}

fn iter_this(v: &Value) -> &DequeIter {
    v.downcast_ref::<DequeIter>()
        .expect("deque iterator method on another object")
}

fn iter_next(v: &Value) -> PyResult<Option<Value>> {
    let it = iter_this(v);
    let d = this(&it.deque);
    let reverse = std::ptr::eq(v.ty(), &DEQUE_REVITER_TYPE);
    // As CPython: the forward iterator checks for mutation before exhaustion, the reverse one
    // after.
    if reverse && it.counter.get() == 0 {
        return Ok(None);
    }
    if d.state.get() != it.state {
        it.counter.set(0);
        return err(&RUNTIME_ERROR, "deque mutated during iteration");
    }
    if it.counter.get() == 0 {
        return Ok(None);
    }
    let i = it.index.get();
    let n = d.len();
    let x = if reverse {
        n.checked_sub(i + 1).and_then(|j| d.get(j))
    } else {
        d.get(i)
    };
    it.index.set(i + 1);
    it.counter.set(it.counter.get() - 1);
    Ok(x)
}

/// `_deque_iterator(deque, index=0)`: an iterator that has already produced `index` items.
fn iter_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let reverse = std::ptr::eq(ty, &DEQUE_REVITER_TYPE);
    // SAFETY: types are immortal.
    let name = crate::objects::type_::short_name(unsafe { &*ty });
    if !kwnames.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        );
    }
    let (d, index) = match args {
        [d] => (d, 0),
        [d, i] => (d, crate::ops::number::index_i64(i)?),
        _ => {
            return err(
                &TYPE_ERROR,
                format!(
                    "{}() takes at least 1 argument ({} given)",
                    name,
                    args.len()
                ),
            )
        }
    };
    if !is_deque(d) {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() argument 1 must be collections.deque, not {}",
                name,
                d.type_name()
            ),
        );
    }
    let it = new_deque_iter(d, reverse);
    for _ in 0..index.max(0) {
        if iter_next(&it)?.is_none() {
            break;
        }
    }
    Ok(it)
}

fn iter_length_hint(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(iter_this(v).counter.get() as i64))
}

fn iter_reduce(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = iter_this(v);
    let done = this(&it.deque).len().saturating_sub(it.counter.get());
    Ok(new_tuple(vec![
        v.ty().to_value(),
        new_tuple(vec![it.deque.clone(), Value::int(done as i64)]),
    ]))
}

/// Slots shared by the two deque iterator types.
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
const DEQUE_ITER_SLOTS: TypeObject = TypeObject {
    name: "collections._deque_iterator",
    layout: &DEQUE_ITER_TYPE,
    dealloc: dealloc_obj::<DequeIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(iter_next),
    new: Some(iter_new),
    methods: &[
        method!("__length_hint__", iter_length_hint),
        method!("__reduce__", iter_reduce),
    ],
    ..TypeObject::EMPTY
};

/// `_collections._deque_iterator`.
pub static DEQUE_ITER_TYPE: TypeObject = TypeObject {
    name: "collections._deque_iterator",
    ..DEQUE_ITER_SLOTS
};

/// `_collections._deque_reverse_iterator`.
pub static DEQUE_REVITER_TYPE: TypeObject = TypeObject {
    name: "collections._deque_reverse_iterator",
    ..DEQUE_ITER_SLOTS
};
