//! `slice`: `start:stop:step` objects, and the index arithmetic every sequence shares.

use crate::abi::Value;
use crate::objects::exception::{err, VALUE_ERROR};
use crate::objects::str::from_string;
use crate::objects::{alloc, dealloc_obj, PyPayload, PyResult, TypeObject};

/// Payload: the three fields (each may be None).
pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl PyPayload for SliceObj {
    fn type_object() -> *const TypeObject {
        &SLICE_TYPE
    }
}

/// A new slice.
pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc(&SLICE_TYPE, SliceObj { start, stop, step })
}

fn clamp_index(v: &Value) -> PyResult<i64> {
    if v.ty().index.is_none() && !v.is_int() && !v.is_bool() {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            "slice indices must be integers or None or have an __index__ method",
        );
    }
    let i = crate::ops::number::index(v)?;
    if let Some(x) = i.as_small_int() {
        return Ok(x);
    }
    let neg = crate::objects::int::as_int(&i).is_some_and(|x| x.is_negative());
    Ok(if neg { i64::MIN / 2 } else { i64::MAX / 2 })
}

/// `slice.indices(len)` plus the number of selected items: (start, stop, step, count).
pub fn slice_indices(s: &SliceObj, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let len = len as i64;
    let step = if s.step.is_none() {
        1
    } else {
        clamp_index(&s.step)?
    };
    if step == 0 {
        return err(&VALUE_ERROR, "slice step cannot be zero");
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: &Value, default: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        let mut i = clamp_index(v)?;
        if i < 0 {
            i += len;
            if i < lower {
                i = lower;
            }
        } else if i > upper {
            i = upper;
        }
        Ok(i)
    };
    let start = fix(&s.start, if step < 0 { upper } else { lower })?;
    let stop = fix(&s.stop, if step < 0 { lower } else { upper })?;
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

/// A slice field as an int ("slice indices must be integers ..." otherwise).
fn index_big(v: &Value) -> PyResult<rug::Integer> {
    if v.ty().index.is_none() && !v.is_int() && !v.is_bool() {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            "slice indices must be integers or None or have an __index__ method",
        );
    }
    let i = crate::ops::number::index(v)?;
    Ok(crate::objects::int::as_int(&i)
        .map(|x| x.to_integer())
        .unwrap_or_default())
}

/// `slice.indices(len)` over arbitrary ints, without clamping the step: (start, stop, step).
pub fn slice_indices_big(
    s: &SliceObj,
    len: &rug::Integer,
) -> PyResult<(rug::Integer, rug::Integer, rug::Integer)> {
    use rug::Integer;
    let step = if s.step.is_none() {
        Integer::from(1)
    } else {
        index_big(&s.step)?
    };
    if step == 0 {
        return err(&VALUE_ERROR, "slice step cannot be zero");
    }
    let negative = step < 0;
    let (lower, upper) = if negative {
        (Integer::from(-1), Integer::from(len - 1u32))
    } else {
        (Integer::new(), len.clone())
    };
    let fix = |v: &Value, default: &Integer| -> PyResult<Integer> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut i = index_big(v)?;
        if i < 0 {
            i += len;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let start = fix(&s.start, if negative { &upper } else { &lower })?;
    let stop = fix(&s.stop, if negative { &lower } else { &upper })?;
    Ok((start, stop, step))
}

/// CPython 3.12's slice hash: the tuple hash of (start, stop, step) without the length term.
fn slice_hash(v: &Value) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let s = this(v);
    let mut acc = P5;
    for x in [&s.start, &s.stop, &s.step] {
        let lane = crate::ops::object::hash(x)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn this(v: &Value) -> &SliceObj {
    v.downcast_ref::<SliceObj>().unwrap()
}

/// The `slice` type.
pub static SLICE_TYPE: TypeObject = TypeObject {
    name: "slice",
    layout: &SLICE_TYPE,
    dealloc: dealloc_obj::<SliceObj>,
    repr: Some(|v| {
        let s = this(v);
        Ok(from_string(format!(
            "slice({}, {}, {})",
            crate::ops::object::repr_string(&s.start)?,
            crate::ops::object::repr_string(&s.stop)?,
            crate::ops::object::repr_string(&s.step)?
        )))
    }),
    hash: Some(slice_hash),
    richcompare: Some(|a, b, op| {
        let (Some(x), Some(y)) = (a.downcast_ref::<SliceObj>(), b.downcast_ref::<SliceObj>())
        else {
            return Ok(crate::objects::none::not_implemented());
        };
        let tx =
            crate::objects::tuple::new_tuple(vec![x.start.clone(), x.stop.clone(), x.step.clone()]);
        let ty =
            crate::objects::tuple::new_tuple(vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
        crate::ops::compare::rich_compare(&tx, &ty, op)
    }),
    new: Some(|_, args, _| {
        let a = |i: usize| args.get(i).cloned().unwrap_or(Value::NONE);
        Ok(match args.len() {
            1 => new_slice(Value::NONE, a(0), Value::NONE),
            2 => new_slice(a(0), a(1), Value::NONE),
            3 => new_slice(a(0), a(1), a(2)),
            n => {
                return err(
                    &crate::objects::exception::TYPE_ERROR,
                    format!("slice expected at least 1 argument, got {}", n),
                )
            }
        })
    }),
    methods: &[crate::objects::MethodDef {
        name: "indices",
        func: |v, args, _| {
            let n = crate::builtins::args::exactly_one("indices", args)?;
            let n = crate::ops::number::index(n)?;
            let n = crate::objects::int::as_int(&n)
                .map(|x| x.to_integer())
                .unwrap_or_default();
            if n < 0 {
                return err(&VALUE_ERROR, "length should not be negative");
            }
            let (start, stop, step) = slice_indices_big(this(v), &n)?;
            let int = crate::objects::int::from_integer;
            Ok(crate::objects::tuple::new_tuple(vec![
                int(start),
                int(stop),
                int(step),
            ]))
        },
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    }],
    getsets: &[
        crate::objects::GetSetDef {
            name: "start",
            get: |v| Ok(this(v).start.clone()),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "stop",
            get: |v| Ok(this(v).stop.clone()),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "step",
            get: |v| Ok(this(v).step.clone()),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};
