//! `range`: an arithmetic progression of ints, and its iterators.
//!
//! A range whose bounds, step and length all fit `i64` is [`Range::Small`] and iterates with a
//! [`RangeIter`] (the `FOR_ITER_RANGE` fast path reads it directly). Any other range
//! (`range(2**64)`) is [`Range::Big`], with arbitrary-precision bounds, and iterates with a
//! `longrange_iterator` when its values or length leave the i64 range, as in CPython. Its
//! `len()` raises OverflowError when the length does not fit a Py_ssize_t; everything else
//! (indexing, slicing, `in`, `index`, `count`, iteration, `reversed`, equality, hash) works
//! for any size.

use std::cell::{Cell, RefCell};

use rug::Integer;

use crate::abi::Value;
use crate::objects::exception::{err, INDEX_ERROR, OVERFLOW_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::int::{as_int, from_integer};
use crate::objects::slice::SliceObj;
use crate::objects::str::from_string;
use crate::objects::{
    alloc, dealloc_obj, CmpOp, GetSetDef, MethodDef, MethodKind, PyPayload, PyResult, TypeObject,
};

/// Payload of a `range`.
pub enum Range {
    /// Start, stop, step (non-zero) and the length, all within i64.
    Small(SmallRange),
    /// A range with a bound, the step or the length outside i64.
    Big(Box<BigRange>),
}

/// The i64 form of a range.
pub struct SmallRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// At most `i64::MAX`.
    pub len: usize,
}

/// The arbitrary-precision form of a range.
pub struct BigRange {
    start: Integer,
    stop: Integer,
    step: Integer,
    len: Integer,
}

impl PyPayload for Range {
    fn type_object() -> *const TypeObject {
        &RANGE_TYPE
    }
}

fn range_len(start: i64, stop: i64, step: i64) -> u64 {
    let (lo, hi, st) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        return 0;
    }
    // hi - lo - 1 < 2**64 and 0 < st <= 2**63: a u64 division (no 128-bit division call).
    let span = (hi - lo - 1) as u64;
    if st == 1 {
        return span + 1;
    }
    span / st as u64 + 1
}

fn range_len_big(start: &Integer, stop: &Integer, step: &Integer) -> Integer {
    let (lo, hi, st) = if *step > 0 {
        (start, stop, step.clone())
    } else {
        (stop, start, Integer::from(-step))
    };
    if lo >= hi {
        Integer::new()
    } else {
        (Integer::from(hi - lo) - 1u32) / st + 1u32
    }
}

/// A new range object over i64 bounds (`step != 0`).
pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    let len = range_len(start, stop, step);
    if len <= i64::MAX as u64 {
        return alloc(
            &RANGE_TYPE,
            Range::Small(SmallRange {
                start,
                stop,
                step,
                len: len as usize,
            }),
        );
    }
    new_range_big(start.into(), stop.into(), step.into())
}

/// A new range object over arbitrary bounds (`step != 0`), in the i64 form when it fits.
fn new_range_big(start: Integer, stop: Integer, step: Integer) -> Value {
    let len = range_len_big(&start, &stop, &step);
    if let (Some(a), Some(b), Some(c), Some(_)) =
        (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64())
    {
        return new_range(a, b, c);
    }
    alloc(
        &RANGE_TYPE,
        Range::Big(Box::new(BigRange {
            start,
            stop,
            step,
            len,
        })),
    )
}

impl Range {
    /// (start, stop, step, len) as big ints, for the general paths.
    fn parts(&self) -> (Integer, Integer, Integer, Integer) {
        match self {
            Range::Small(r) => (
                r.start.into(),
                r.stop.into(),
                r.step.into(),
                (r.len as u64).into(),
            ),
            Range::Big(b) => (
                b.start.clone(),
                b.stop.clone(),
                b.step.clone(),
                b.len.clone(),
            ),
        }
    }

    /// Whether the range is empty.
    fn is_empty(&self) -> bool {
        match self {
            Range::Small(r) => r.len == 0,
            Range::Big(b) => b.len == 0,
        }
    }

    fn start_value(&self) -> Value {
        match self {
            Range::Small(r) => Value::int(r.start),
            Range::Big(b) => from_integer(b.start.clone()),
        }
    }

    fn stop_value(&self) -> Value {
        match self {
            Range::Small(r) => Value::int(r.stop),
            Range::Big(b) => from_integer(b.stop.clone()),
        }
    }

    fn step_value(&self) -> Value {
        match self {
            Range::Small(r) => Value::int(r.step),
            Range::Big(b) => from_integer(b.step.clone()),
        }
    }

    fn len_value(&self) -> Value {
        match self {
            Range::Small(r) => Value::int(r.len as i64),
            Range::Big(b) => from_integer(b.len.clone()),
        }
    }
}

impl SmallRange {
    /// Item `i` (0 <= i < len). The item lies between start and stop, so the wrapping
    /// arithmetic gives it exactly even where `i * step` alone leaves i64.
    pub fn item(&self, i: usize) -> i64 {
        self.start.wrapping_add((i as i64).wrapping_mul(self.step))
    }

    fn contains(&self, x: i64) -> bool {
        if self.step > 0 {
            if x < self.start || x >= self.stop {
                return false;
            }
        } else if x > self.start || x <= self.stop {
            return false;
        }
        (x as i128 - self.start as i128) % (self.step as i128) == 0
    }
}

/// Whether `x` is a member of the big-int progression.
fn contains_big(r: &Range, x: &Integer) -> bool {
    let (start, stop, step, _) = r.parts();
    let inside = if step > 0 {
        *x >= start && *x < stop
    } else {
        *x <= start && *x > stop
    };
    inside && Integer::from(x - &start).is_divisible(&step)
}

fn this(v: &Value) -> &Range {
    v.downcast_ref::<Range>()
        .expect("range method on another object")
}

/// A constructor argument: an int through `__index__`.
fn arg_int(v: &Value) -> PyResult<Integer> {
    let i = crate::ops::number::index(v)?;
    Ok(as_int(&i).map(|x| x.to_integer()).unwrap_or_default())
}

fn range_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "range() takes no keyword arguments");
    }
    let small = |v: &Value| if v.is_int() { v.as_small_int() } else { None };
    // The common case: inline int arguments.
    match args {
        [stop] => {
            if let Some(stop) = small(stop) {
                return Ok(new_range(0, stop, 1));
            }
        }
        [start, stop] => {
            if let (Some(a), Some(b)) = (small(start), small(stop)) {
                return Ok(new_range(a, b, 1));
            }
        }
        [start, stop, step] => {
            if let (Some(a), Some(b), Some(c)) = (small(start), small(stop), small(step)) {
                if c == 0 {
                    return err(&VALUE_ERROR, "range() arg 3 must not be zero");
                }
                return Ok(new_range(a, b, c));
            }
        }
        _ => {}
    }
    let (start, stop, step) = match args {
        [stop] => (Integer::new(), arg_int(stop)?, Integer::from(1)),
        [start, stop] => (arg_int(start)?, arg_int(stop)?, Integer::from(1)),
        [start, stop, step] => (arg_int(start)?, arg_int(stop)?, arg_int(step)?),
        [] => return err(&TYPE_ERROR, "range expected at least 1 argument, got 0"),
        _ => {
            return err(
                &TYPE_ERROR,
                format!("range expected at most 3 arguments, got {}", args.len()),
            )
        }
    };
    if step == 0 {
        return err(&VALUE_ERROR, "range() arg 3 must not be zero");
    }
    Ok(new_range_big(start, stop, step))
}

/// `r[i]` for any int `i` (negative counts from the end).
fn range_item(r: &Range, k: &Value) -> PyResult<Value> {
    if let (Range::Small(s), Some(i)) = (r, k.as_small_int()) {
        let j = if i < 0 { i + s.len as i64 } else { i };
        if j < 0 || j >= s.len as i64 {
            return err(&INDEX_ERROR, "range object index out of range");
        }
        return Ok(Value::int(s.item(j as usize)));
    }
    let i = crate::ops::number::index(k)?;
    let mut i = as_int(&i).map(|x| x.to_integer()).unwrap_or_default();
    let (start, _, step, len) = r.parts();
    if i < 0 {
        i += &len;
    }
    if i < 0 || i >= len {
        return err(&INDEX_ERROR, "range object index out of range");
    }
    Ok(from_integer(start + i * step))
}

/// `r[a:b:c]`: the sub-range (a range again).
fn range_slice(r: &Range, s: &SliceObj) -> PyResult<Value> {
    let small_field = |v: &Value| v.is_none() || (v.is_int() && v.as_small_int().is_some());
    if let Range::Small(sr) = r {
        if small_field(&s.start) && small_field(&s.stop) && small_field(&s.step) {
            let (start, stop, step, _) = crate::objects::slice::slice_indices(s, sr.len)?;
            let at = |i: i64| sr.start as i128 + i as i128 * sr.step as i128;
            let (a, b, c) = (at(start), at(stop), sr.step as i128 * step as i128);
            if let (Ok(a), Ok(b), Ok(c)) = (i64::try_from(a), i64::try_from(b), i64::try_from(c)) {
                return Ok(new_range(a, b, c));
            }
            return Ok(new_range_big(a.into(), b.into(), c.into()));
        }
    }
    let (rstart, _, rstep, len) = r.parts();
    let (start, stop, step) = crate::objects::slice::slice_indices_big(s, &len)?;
    let at = |i: Integer| &rstart + i * &rstep;
    Ok(new_range_big(at(start), at(stop), step * &rstep))
}

fn range_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    let r = this(v);
    if k.as_small_int().is_some() || k.ty().index.is_some() {
        return range_item(r, k);
    }
    if let Some(s) = k.downcast_ref::<SliceObj>() {
        return range_slice(r, s);
    }
    err(
        &TYPE_ERROR,
        format!(
            "range indices must be integers or slices, not {}",
            k.type_name()
        ),
    )
}

/// Whether `x` is an int or a bool exactly (not an int subclass): the values `in`, `index` and
/// `count` answer arithmetically; others are compared item by item, as in CPython.
fn is_exact_int(x: &Value) -> bool {
    x.as_small_int().is_some() || std::ptr::eq(x.ty(), &crate::objects::int::INT_TYPE)
}

fn range_contains_value(r: &Range, x: &Value) -> bool {
    match (r, x.as_small_int()) {
        (Range::Small(s), Some(i)) => s.contains(i),
        (_, Some(i)) => contains_big(r, &Integer::from(i)),
        _ => as_int(x).is_some_and(|i| contains_big(r, &i.to_integer())),
    }
}

fn range_contains(v: &Value, k: &Value) -> PyResult<bool> {
    let r = this(v);
    if is_exact_int(k) {
        return Ok(range_contains_value(r, k));
    }
    let it = range_iter(v)?;
    while let Some(x) = crate::ops::sequence::next(&it)? {
        if crate::ops::compare::eq(&x, k)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn m_index(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("index", args)?;
    let r = this(this_);
    if !is_exact_int(x) {
        let it = range_iter(this_)?;
        let mut i: i64 = 0;
        while let Some(y) = crate::ops::sequence::next(&it)? {
            if crate::ops::compare::eq(&y, x)? {
                return Ok(Value::int(i));
            }
            i += 1;
        }
        return err(&VALUE_ERROR, "sequence.index(x): x not in sequence");
    }
    if range_contains_value(r, x) {
        if let (Range::Small(s), Some(i)) = (r, x.as_small_int()) {
            return Ok(Value::int(
                ((i as i128 - s.start as i128) / s.step as i128) as i64,
            ));
        }
        let (start, _, step, _) = r.parts();
        let i = as_int(x).map(|i| i.to_integer()).unwrap_or_default();
        return Ok(from_integer((i - start) / step));
    }
    err(
        &VALUE_ERROR,
        format!("{} is not in range", crate::ops::object::repr_string(x)?),
    )
}

fn m_count(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("count", args)?;
    let r = this(this_);
    if is_exact_int(x) {
        return Ok(Value::int(range_contains_value(r, x) as i64));
    }
    let it = range_iter(this_)?;
    let mut n = 0;
    while let Some(y) = crate::ops::sequence::next(&it)? {
        if crate::ops::compare::eq(&y, x)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn range_repr(v: &Value) -> PyResult<Value> {
    let r = this(v);
    if let Range::Small(s) = r {
        return Ok(from_string(if s.step == 1 {
            format!("range({}, {})", s.start, s.stop)
        } else {
            format!("range({}, {}, {})", s.start, s.stop, s.step)
        }));
    }
    let repr = crate::ops::object::repr_string;
    let (start, stop, step) = (r.start_value(), r.stop_value(), r.step_value());
    Ok(from_string(if step.as_small_int() == Some(1) {
        format!("range({}, {})", repr(&start)?, repr(&stop)?)
    } else {
        format!(
            "range({}, {}, {})",
            repr(&start)?,
            repr(&stop)?,
            repr(&step)?
        )
    }))
}

/// CPython's range hash: the hash of `(len, start, step)` with the parts that do not matter
/// (the start of an empty range, the step of a one-item range) as None.
fn range_hash(v: &Value) -> PyResult<i64> {
    let r = this(v);
    let len = r.len_value();
    let t = if r.is_empty() {
        crate::objects::tuple::new_tuple(vec![len, Value::NONE, Value::NONE])
    } else if len.as_small_int() == Some(1) {
        crate::objects::tuple::new_tuple(vec![len, r.start_value(), Value::NONE])
    } else {
        crate::objects::tuple::new_tuple(vec![len, r.start_value(), r.step_value()])
    };
    crate::ops::object::hash(&t)
}

/// Ranges are equal when they describe the same sequence.
fn range_eq(x: &Range, y: &Range) -> bool {
    if let (Range::Small(x), Range::Small(y)) = (x, y) {
        return x.len == y.len
            && (x.len == 0 || (x.start == y.start && (x.len == 1 || x.step == y.step)));
    }
    let (xa, _, xs, xl) = x.parts();
    let (ya, _, ys, yl) = y.parts();
    xl == yl && (xl == 0 || (xa == ya && (xl == 1 || xs == ys)))
}

fn range_len_slot(v: &Value) -> PyResult<usize> {
    match this(v) {
        Range::Small(s) => Ok(s.len),
        Range::Big(b) => match b.len.to_i64() {
            Some(n) => Ok(n as usize),
            None => err(
                &OVERFLOW_ERROR,
                "Python int too large to convert to C ssize_t",
            ),
        },
    }
}

/// Payload of a range iterator: next value and how many remain (its layout is in `abi`, for
/// compiled code).
pub use crate::abi::RangeIter;

// Compiled code finds the payload right after the header (`abi::payload_of`).
const _: () = assert!(
    std::mem::offset_of!(crate::objects::Obj<RangeIter>, data)
        == std::mem::size_of::<crate::abi::ObjHeader>()
);

impl PyPayload for RangeIter {
    fn type_object() -> *const TypeObject {
        &RANGE_ITER_TYPE
    }
}

fn new_fast_iter(next: i64, step: i64, len: usize) -> Value {
    alloc(
        &RANGE_ITER_TYPE,
        RangeIter {
            next: Cell::new(next),
            step,
            remaining: Cell::new(len),
        },
    )
}

/// `iter(range(start, stop, step))` for compiled code (`for i in range(...)`, with no range
/// object in between): the fast iterator, or NULL (nothing allocated) when `step` is 0 or the
/// range needs another iterator (see [`range_iter`]).
pub extern "C" fn small_range_iter(start: i64, stop: i64, step: i64) -> Value {
    if step == 0 {
        return Value::NULL;
    }
    let len = range_len(start, stop, step);
    match usize::try_from(len) {
        Ok(len) if len <= i64::MAX as usize => fast_iter(start, stop, step, len),
        _ => Value::NULL,
    }
}

/// The fast iterator over `range(start, stop, step)` of `len` values, or NULL when `stop` is
/// so close to the i64 limit that the value after the last could overflow (CPython then uses
/// its long iterator, as [`range_iter`] does).
fn fast_iter(start: i64, stop: i64, step: i64, len: usize) -> Value {
    let near_limit = len > 0
        && if step > 0 {
            stop > i64::MAX - (step - 1)
        } else {
            stop < i64::MIN + (-1 - step)
        };
    if near_limit {
        return Value::NULL;
    }
    new_fast_iter(start, step, len)
}

/// Iterator over a range.
fn range_iter(v: &Value) -> PyResult<Value> {
    let r = this(v);
    if let Range::Small(s) = r {
        let it = fast_iter(s.start, s.stop, s.step, s.len);
        if !it.is_null() {
            return Ok(it);
        }
    }
    let (start, _, step, len) = r.parts();
    Ok(new_long_iter(start, step, len))
}

/// `reversed(r)`: iterates `range(start + (len-1)*step, start - step, -step)`.
fn m_reversed(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("__reversed__", args)?;
    let r = this(this_);
    if let Range::Small(s) = r {
        if s.step != i64::MIN && s.start.checked_sub(s.step).is_some() {
            let last = if s.len == 0 {
                s.start - s.step
            } else {
                s.item(s.len - 1)
            };
            return Ok(new_fast_iter(last, -s.step, s.len));
        }
    }
    let (start, _, step, len) = r.parts();
    let last: Integer = &start + Integer::from(&len - 1u32) * &step;
    Ok(new_long_iter(last, -step, len))
}

/// The range iterator type.
pub static RANGE_ITER_TYPE: TypeObject = TypeObject {
    name: "range_iterator",
    layout: &RANGE_ITER_TYPE,
    dealloc: dealloc_obj::<RangeIter>,
    iter: Some(|v| Ok(v.clone())),
    // SAFETY: only range iterators have this slot.
    next: Some(|v| {
        Ok(unsafe { v.payload_unchecked::<RangeIter>() }
            .next_value()
            .map(Value::int))
    }),
    methods: &[MethodDef {
        name: "__length_hint__",
        func: |v, _, _| {
            let it = v
                .downcast_ref::<RangeIter>()
                .expect("range_iterator method on another object");
            Ok(Value::int(it.remaining.get() as i64))
        },
        kind: MethodKind::Instance,
        doc: "",
    }],
    ..TypeObject::EMPTY
};

/// Payload of a `longrange_iterator`: the range iterator over big ints.
pub struct LongRangeIter {
    next: RefCell<Integer>,
    step: Integer,
    remaining: RefCell<Integer>,
}

impl PyPayload for LongRangeIter {
    fn type_object() -> *const TypeObject {
        &LONG_RANGE_ITER_TYPE
    }
}

fn new_long_iter(start: Integer, step: Integer, len: Integer) -> Value {
    alloc(
        &LONG_RANGE_ITER_TYPE,
        LongRangeIter {
            next: RefCell::new(start),
            step,
            remaining: RefCell::new(len),
        },
    )
}

fn long_iter_next(v: &Value) -> PyResult<Option<Value>> {
    let it = v
        .downcast_ref::<LongRangeIter>()
        .expect("longrange_iterator method on another object");
    let mut rem = it.remaining.borrow_mut();
    if *rem <= 0 {
        return Ok(None);
    }
    *rem -= 1u32;
    let mut next = it.next.borrow_mut();
    let cur = next.clone();
    *next += &it.step;
    Ok(Some(from_integer(cur)))
}

/// The iterator of ranges beyond i64.
pub static LONG_RANGE_ITER_TYPE: TypeObject = TypeObject {
    name: "longrange_iterator",
    layout: &LONG_RANGE_ITER_TYPE,
    dealloc: dealloc_obj::<LongRangeIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(long_iter_next),
    methods: &[MethodDef {
        name: "__length_hint__",
        func: |v, _, _| {
            let it = v
                .downcast_ref::<LongRangeIter>()
                .expect("longrange_iterator method on another object");
            let rem = it.remaining.borrow().clone();
            Ok(from_integer(rem))
        },
        kind: MethodKind::Instance,
        doc: "",
    }],
    ..TypeObject::EMPTY
};

/// The `range` type.
pub static RANGE_TYPE: TypeObject = TypeObject {
    name: "range",
    layout: &RANGE_TYPE,
    dealloc: dealloc_obj::<Range>,
    repr: Some(range_repr),
    hash: Some(range_hash),
    richcompare: Some(|a, b, op| {
        let (Some(x), Some(y)) = (a.downcast_ref::<Range>(), b.downcast_ref::<Range>()) else {
            return Ok(crate::objects::none::not_implemented());
        };
        match op {
            CmpOp::Eq => Ok(Value::bool(range_eq(x, y))),
            CmpOp::Ne => Ok(Value::bool(!range_eq(x, y))),
            _ => Ok(crate::objects::none::not_implemented()),
        }
    }),
    bool_: Some(|v| Ok(!this(v).is_empty())),
    len: Some(range_len_slot),
    getitem: Some(range_getitem),
    contains: Some(range_contains),
    iter: Some(range_iter),
    new: Some(range_new),
    methods: &[
        MethodDef {
            name: "index",
            func: m_index,
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "count",
            func: m_count,
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__reversed__",
            func: m_reversed,
            kind: MethodKind::Instance,
            doc: "",
        },
    ],
    getsets: &[
        GetSetDef {
            name: "start",
            get: |v| Ok(this(v).start_value()),
            set: Some(crate::objects::exception_group::readonly),
        },
        GetSetDef {
            name: "stop",
            get: |v| Ok(this(v).stop_value()),
            set: Some(crate::objects::exception_group::readonly),
        },
        GetSetDef {
            name: "step",
            get: |v| Ok(this(v).step_value()),
            set: Some(crate::objects::exception_group::readonly),
        },
    ],
    ..TypeObject::EMPTY
};
