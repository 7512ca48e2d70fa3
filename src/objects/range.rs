//! `range`: an arithmetic progression of i64 values, and its iterator (the `FOR_ITER_RANGE`
//! fast path reads [`RangeIter`] directly).

use std::cell::Cell;

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR, VALUE_ERROR};
use crate::objects::str::from_string;
use crate::objects::{
    alloc, dealloc_obj, CmpOp, MethodDef, MethodKind, PyPayload, PyResult, TypeObject,
};
use crate::ops::sequence::normalize_index;

/// Payload: start, stop, step (step != 0) and the precomputed length.
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl PyPayload for Range {
    fn type_object() -> *const TypeObject {
        &RANGE_TYPE
    }
}

fn range_len(start: i64, stop: i64, step: i64) -> usize {
    let (lo, hi, st) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        0
    } else {
        ((hi - lo - 1) / st + 1) as usize
    }
}

/// A new range object.
pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    alloc(
        &RANGE_TYPE,
        Range {
            start,
            stop,
            step,
            len: range_len(start, stop, step),
        },
    )
}

impl Range {
    /// Item `i` (0 <= i < len).
    pub fn item(&self, i: usize) -> i64 {
        self.start + (i as i64) * self.step
    }
}

fn this(v: &Value) -> &Range {
    v.downcast_ref::<Range>().unwrap()
}

fn arg_i64(v: &Value) -> PyResult<i64> {
    if v.as_float().is_some() || (v.ty().index.is_none() && v.as_small_int().is_none()) {
        return err(
            &TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        );
    }
    crate::ops::number::index_i64(v)
}

fn range_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "range() takes no keyword arguments");
    }
    let (start, stop, step) = match args {
        [stop] => (0, arg_i64(stop)?, 1),
        [start, stop] => (arg_i64(start)?, arg_i64(stop)?, 1),
        [start, stop, step] => (arg_i64(start)?, arg_i64(stop)?, arg_i64(step)?),
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
    Ok(new_range(start, stop, step))
}

fn range_contains_int(r: &Range, x: i64) -> bool {
    if r.step > 0 {
        if x < r.start || x >= r.stop {
            return false;
        }
    } else if x > r.start || x <= r.stop {
        return false;
    }
    (x as i128 - r.start as i128) % (r.step as i128) == 0
}

fn range_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    let r = this(v);
    if let Some(s) = k.downcast_ref::<crate::objects::slice::SliceObj>() {
        let (start, stop, step, _n) = crate::objects::slice::slice_indices(s, r.len)?;
        return Ok(new_range(
            r.start + start * r.step,
            r.start + stop * r.step,
            r.step * step,
        ));
    }
    let i = crate::ops::sequence::index_arg(k, "range")?;
    let j = normalize_index(i, r.len, "range object")?;
    Ok(Value::int(r.item(j)))
}

/// Payload of a range iterator: next value and how many remain.
pub struct RangeIter {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<usize>,
}

impl PyPayload for RangeIter {
    fn type_object() -> *const TypeObject {
        &RANGE_ITER_TYPE
    }
}

/// Iterator over a range.
pub fn new_range_iter(r: &Range) -> Value {
    alloc(
        &RANGE_ITER_TYPE,
        RangeIter {
            next: Cell::new(r.start),
            step: r.step,
            remaining: Cell::new(r.len),
        },
    )
}

/// One step of a range iterator (shared by `next()` and `FOR_ITER_RANGE`).
#[inline(always)]
pub fn range_iter_next(it: &RangeIter) -> Option<i64> {
    let n = it.remaining.get();
    if n == 0 {
        return None;
    }
    it.remaining.set(n - 1);
    let v = it.next.get();
    it.next.set(v.wrapping_add(it.step));
    Some(v)
}

/// The range iterator type.
pub static RANGE_ITER_TYPE: TypeObject = TypeObject {
    name: "range_iterator",
    layout: &RANGE_ITER_TYPE,
    dealloc: dealloc_obj::<RangeIter>,
    iter: Some(|v| Ok(v.clone())),
    // SAFETY: only range iterators have this slot.
    next: Some(|v| {
        Ok(range_iter_next(unsafe { v.payload_unchecked::<RangeIter>() }).map(Value::int))
    }),
    ..TypeObject::EMPTY
};

fn m_index(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("index", args)?;
    let r = this(this_);
    if let Some(i) = x.as_small_int() {
        if range_contains_int(r, i) {
            return Ok(Value::int((i - r.start) / r.step));
        }
    }
    err(
        &VALUE_ERROR,
        format!("{} is not in range", crate::ops::object::repr_string(x)?),
    )
}

fn m_count(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("count", args)?;
    let r = this(this_);
    if let Some(i) = x.as_small_int() {
        return Ok(Value::int(range_contains_int(r, i) as i64));
    }
    let mut n = 0;
    for j in 0..r.len {
        if crate::ops::compare::eq(&Value::int(r.item(j)), x)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

/// The `range` type.
pub static RANGE_TYPE: TypeObject = TypeObject {
    name: "range",
    layout: &RANGE_TYPE,
    dealloc: dealloc_obj::<Range>,
    repr: Some(|v| {
        let r = this(v);
        Ok(from_string(if r.step == 1 {
            format!("range({}, {})", r.start, r.stop)
        } else {
            format!("range({}, {}, {})", r.start, r.stop, r.step)
        }))
    }),
    hash: Some(|v| {
        let r = this(v);
        let t = if r.len == 0 {
            crate::objects::tuple::new_tuple(vec![Value::int(0), Value::NONE, Value::NONE])
        } else if r.len == 1 {
            crate::objects::tuple::new_tuple(vec![Value::int(1), Value::int(r.start), Value::NONE])
        } else {
            crate::objects::tuple::new_tuple(vec![
                Value::int(r.len as i64),
                Value::int(r.start),
                Value::int(r.step),
            ])
        };
        crate::ops::object::hash(&t)
    }),
    richcompare: Some(|a, b, op| {
        let (Some(x), Some(y)) = (a.downcast_ref::<Range>(), b.downcast_ref::<Range>()) else {
            return Ok(crate::objects::none::not_implemented());
        };
        let same = x.len == y.len
            && (x.len == 0 || (x.start == y.start && (x.len == 1 || x.step == y.step)));
        match op {
            CmpOp::Eq => Ok(Value::bool(same)),
            CmpOp::Ne => Ok(Value::bool(!same)),
            _ => Ok(crate::objects::none::not_implemented()),
        }
    }),
    bool_: Some(|v| Ok(this(v).len != 0)),
    len: Some(|v| Ok(this(v).len)),
    getitem: Some(range_getitem),
    contains: Some(|v, k| {
        if let Some(i) = k.as_small_int() {
            return Ok(range_contains_int(this(v), i));
        }
        let r = this(v);
        for j in 0..r.len {
            if crate::ops::compare::eq(&Value::int(r.item(j)), k)? {
                return Ok(true);
            }
        }
        Ok(false)
    }),
    iter: Some(|v| Ok(new_range_iter(this(v)))),
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
    ],
    getsets: &[
        crate::objects::GetSetDef {
            name: "start",
            get: |v| Ok(Value::int(this(v).start)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "stop",
            get: |v| Ok(Value::int(this(v).stop)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "step",
            get: |v| Ok(Value::int(this(v).step)),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};
