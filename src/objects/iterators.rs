//! The built-in iterator types: sequence iteration (lists, tuples, anything with
//! `__getitem__`), `reversed`, `enumerate`, `zip`, `map`, `filter` and `iter(f, sentinel)`.

use std::cell::{Cell, UnsafeCell};

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::exception::{
    err, raised_matches, INDEX_ERROR, STOP_ITERATION, TYPE_ERROR, VALUE_ERROR,
};
use crate::objects::list::List;
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{alloc, dealloc_obj, PyPayload, PyResult, TypeObject};
use crate::ops::sequence::{iter, next};
use crate::vm::thread;

pub use crate::abi::SeqIter;

const _: () = assert!(std::mem::align_of::<SeqIter>() <= 8);

impl PyPayload for SeqIter {
    fn type_object() -> *const TypeObject {
        &SEQ_ITER_TYPE
    }
}

/// An iterator over a list, tuple, or any object with `__getitem__`.
pub fn new_seq_iter(seq: Value) -> Value {
    let ty: &'static TypeObject = if seq.downcast_ref::<List>().is_some() {
        &LIST_ITER_TYPE
    } else if try_tuple_items(&seq).is_some() {
        &TUPLE_ITER_TYPE
    } else {
        &SEQ_ITER_TYPE
    };
    alloc(
        ty,
        SeqIter {
            seq,
            index: Cell::new(0),
        },
    )
}

/// `list_iterator`: a [`SeqIter`] over a list (same layout, CPython's name).
pub static LIST_ITER_TYPE: TypeObject = TypeObject {
    name: "list_iterator",
    ..SEQ_ITER_SLOTS
};
/// `tuple_iterator`: a [`SeqIter`] over a tuple.
pub static TUPLE_ITER_TYPE: TypeObject = TypeObject {
    name: "tuple_iterator",
    ..SEQ_ITER_SLOTS
};

/// One step of a list or tuple iterator (`seq` is a list or a tuple): `FOR_ITER_LIST` and
/// `FOR_ITER_TUPLE`.
#[inline(always)]
pub fn seq_iter_next_fast(it: &SeqIter) -> Option<Value> {
    match it.seq.downcast_ref::<List>() {
        Some(l) => {
            let items = l.items();
            // SAFETY: `advance` gives an index below the length.
            it.advance(items.len)
                .map(|i| unsafe { (*items.ptr.add(i)).clone() })
        }
        None => {
            let t = try_tuple_items(&it.seq).unwrap_or(&[]);
            it.advance(t.len()).map(|i| t[i].clone())
        }
    }
}

/// One step of a sequence iterator (shared by `next()` and `FOR_ITER_LIST`).
#[inline]
pub fn seq_iter_next(it: &SeqIter) -> PyResult<Option<Value>> {
    let i = it.index.get();
    if i == usize::MAX {
        return Ok(None);
    }
    if let Some(l) = it.seq.downcast_ref::<List>() {
        return Ok(match l.get(i) {
            Some(x) => {
                it.index.set(i + 1);
                Some(x)
            }
            None => {
                it.index.set(usize::MAX);
                None
            }
        });
    }
    if let Some(items) = try_tuple_items(&it.seq) {
        return Ok(match items.get(i) {
            Some(x) => {
                it.index.set(i + 1);
                Some(x.clone())
            }
            None => {
                it.index.set(usize::MAX);
                None
            }
        });
    }
    match crate::ops::sequence::getitem(&it.seq, &Value::int(i as i64)) {
        Ok(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        Err(e) => {
            if raised_matches(&INDEX_ERROR) || raised_matches(&STOP_ITERATION) {
                thread::take_raised();
                it.index.set(usize::MAX);
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn self_iter(v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// The sequence iterator type for objects with `__getitem__` (CPython's `iterator`).
pub static SEQ_ITER_TYPE: TypeObject = TypeObject {
    name: "iterator",
    ..SEQ_ITER_SLOTS
};

/// Slots shared by the three sequence iterator types.
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
const SEQ_ITER_SLOTS: TypeObject = TypeObject {
    name: "iterator",
    layout: &SEQ_ITER_TYPE,
    dealloc: dealloc_obj::<SeqIter>,
    iter: Some(self_iter),
    // SAFETY: only SeqIter objects have this slot.
    next: Some(|v| seq_iter_next(unsafe { v.payload_unchecked::<SeqIter>() })),
    ..TypeObject::EMPTY
};

/// Payload of `reversed(seq)`: counts down from the end.
pub struct ReversedIter {
    seq: Value,
    index: Cell<isize>,
}

fn reversed_new(_ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("reversed", args, kw);
    let seq = p.required("sequence")?;
    p.finish()?;
    // As CPython: a `__reversed__` on the type wins (`None` forbids reversal), else the
    // sequence protocol.
    if let Some(m) = seq.ty().lookup_str("__reversed__") {
        if !m.is_none() {
            let m = crate::ops::object::bind_descriptor(m, Some(&seq), seq.ty())?;
            return crate::vm::call::call(&m, &[], &[]);
        }
        return err(
            &TYPE_ERROR,
            format!("'{}' object is not reversible", seq.type_name()),
        );
    }
    if seq.ty().getitem.is_none()
        || seq.ty().len.is_none()
        || seq.downcast_ref::<crate::objects::dict::Dict>().is_some()
    {
        return err(
            &TYPE_ERROR,
            format!("'{}' object is not reversible", seq.type_name()),
        );
    }
    let n = crate::ops::sequence::len(&seq)?;
    let ty = if std::ptr::eq(seq.type_ptr(), &crate::objects::list::LIST_TYPE) {
        &LIST_REVERSE_ITER_TYPE
    } else {
        &REVERSED_TYPE
    };
    Ok(alloc(
        ty,
        ReversedIter {
            seq,
            index: Cell::new(n as isize - 1),
        },
    ))
}

/// `next()` of `reversed` and `list_reverseiterator`: the items from the end, by index.
fn reversed_next(v: &Value) -> PyResult<Option<Value>> {
    // SAFETY: only ReversedIter objects have this slot.
    let it = unsafe { v.payload_unchecked::<ReversedIter>() };
    let i = it.index.get();
    if i < 0 {
        return Ok(None);
    }
    if let Some(l) = it.seq.downcast_ref::<List>() {
        if i as usize >= l.len() {
            it.index.set(-1);
            return Ok(None);
        }
    }
    it.index.set(i - 1);
    match crate::ops::sequence::getitem(&it.seq, &Value::int(i as i64)) {
        Ok(x) => Ok(Some(x)),
        Err(e) => {
            if raised_matches(&INDEX_ERROR) {
                thread::take_raised();
                it.index.set(-1);
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// `list_reverseiterator`: what `reversed()` of a list is, as in CPython (where it comes from
/// `list.__reversed__`); the same iterator as `reversed` under the list's own type name.
pub static LIST_REVERSE_ITER_TYPE: TypeObject = TypeObject {
    name: "list_reverseiterator",
    layout: &LIST_REVERSE_ITER_TYPE,
    dealloc: dealloc_obj::<ReversedIter>,
    iter: Some(self_iter),
    next: Some(reversed_next),
    ..TypeObject::EMPTY
};

/// The `reversed` type.
pub static REVERSED_TYPE: TypeObject = TypeObject {
    name: "reversed",
    layout: &REVERSED_TYPE,
    dealloc: dealloc_obj::<ReversedIter>,
    iter: Some(self_iter),
    next: Some(reversed_next),
    new: Some(reversed_new),
    ..TypeObject::EMPTY
};

/// Payload of `enumerate`.
pub struct Enumerate {
    it: Value,
    count: UnsafeCell<Value>,
}

fn enumerate_new(_ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("enumerate", args, kw);
    let iterable = p.required("iterable")?;
    let start = p.optional("start")?.unwrap_or(Value::int(0));
    p.finish()?;
    let start = crate::ops::number::index(&start)?;
    Ok(alloc(
        &ENUMERATE_TYPE,
        Enumerate {
            it: iter(&iterable)?,
            count: UnsafeCell::new(start),
        },
    ))
}

/// The `enumerate` type.
pub static ENUMERATE_TYPE: TypeObject = TypeObject {
    name: "enumerate",
    layout: &ENUMERATE_TYPE,
    dealloc: dealloc_obj::<Enumerate>,
    iter: Some(self_iter),
    next: Some(|v| {
        // SAFETY: only Enumerate objects have this slot.
        let e = unsafe { v.payload_unchecked::<Enumerate>() };
        let Some(x) = next(&e.it)? else {
            return Ok(None);
        };
        // SAFETY: single-threaded; the count cell is not borrowed elsewhere.
        let c = unsafe { &mut *e.count.get() };
        let i = c.clone();
        *c = crate::ops::number::binary_op(&i, &Value::int(1), crate::objects::NbOp::Add)?;
        Ok(Some(crate::objects::tuple::new_pair(i, x)))
    }),
    new: Some(enumerate_new),
    methods: &[crate::objects::generic_alias::CLASS_GETITEM],
    ..TypeObject::EMPTY
};

/// Payload of `zip`.
pub struct Zip {
    its: Vec<Value>,
    strict: bool,
}

fn zip_new(_ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if kw.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "zip() takes at most 1 keyword argument ({} given)",
                kw.len()
            ),
        );
    }
    let mut strict = false;
    for (i, k) in kw.iter().enumerate() {
        match crate::objects::str::as_str(k).as_deref() {
            Some("strict") => strict = crate::ops::object::truthy(&args[npos + i])?,
            Some(other) => {
                return err(
                    &TYPE_ERROR,
                    format!("zip() got an unexpected keyword argument '{}'", other),
                )
            }
            None => return err(&TYPE_ERROR, "keywords must be strings"),
        }
    }
    let mut its = Vec::with_capacity(npos);
    for a in &args[..npos] {
        its.push(iter(a)?);
    }
    Ok(alloc(&ZIP_TYPE, Zip { its, strict }))
}

fn zip_next(v: &Value) -> PyResult<Option<Value>> {
    // SAFETY: only Zip objects have this slot.
    let z = unsafe { v.payload_unchecked::<Zip>() };
    if z.its.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(z.its.len());
    for (i, it) in z.its.iter().enumerate() {
        match next(it)? {
            Some(x) => items.push(x),
            None => {
                if z.strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        return err(
                            &VALUE_ERROR,
                            format!(
                                "zip() argument {} is shorter than argument{}{}",
                                i + 1,
                                plural,
                                i
                            ),
                        );
                    }
                    for (j, other) in z.its.iter().enumerate().skip(1) {
                        if next(other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return err(
                                &VALUE_ERROR,
                                format!(
                                    "zip() argument {} is longer than argument{}{}",
                                    j + 1,
                                    plural,
                                    j
                                ),
                            );
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(new_tuple(items)))
}

/// The `zip` type.
pub static ZIP_TYPE: TypeObject = TypeObject {
    name: "zip",
    layout: &ZIP_TYPE,
    dealloc: dealloc_obj::<Zip>,
    iter: Some(self_iter),
    next: Some(zip_next),
    new: Some(zip_new),
    ..TypeObject::EMPTY
};

/// Payload of `map`.
pub struct Map {
    func: Value,
    its: Vec<Value>,
}

fn map_new(_ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "map() takes no keyword arguments");
    }
    if args.len() < 2 {
        return err(&TYPE_ERROR, "map() must have at least two arguments.");
    }
    let its = args[1..].iter().map(iter).collect::<PyResult<Vec<_>>>()?;
    Ok(alloc(
        &MAP_TYPE,
        Map {
            func: args[0].clone(),
            its,
        },
    ))
}

/// The `map` type.
pub static MAP_TYPE: TypeObject = TypeObject {
    name: "map",
    layout: &MAP_TYPE,
    dealloc: dealloc_obj::<Map>,
    iter: Some(self_iter),
    next: Some(|v| {
        // SAFETY: only Map objects have this slot.
        let m = unsafe { v.payload_unchecked::<Map>() };
        let mut args = Vec::with_capacity(m.its.len());
        for it in &m.its {
            match next(it)? {
                Some(x) => args.push(x),
                None => return Ok(None),
            }
        }
        crate::vm::call::call(&m.func, &args, &[]).map(Some)
    }),
    new: Some(map_new),
    ..TypeObject::EMPTY
};

/// Payload of `filter`.
pub struct Filter {
    func: Value,
    it: Value,
}

/// The `filter` type.
pub static FILTER_TYPE: TypeObject = TypeObject {
    name: "filter",
    layout: &FILTER_TYPE,
    dealloc: dealloc_obj::<Filter>,
    iter: Some(self_iter),
    next: Some(|v| {
        // SAFETY: only Filter objects have this slot.
        let f = unsafe { v.payload_unchecked::<Filter>() };
        while let Some(x) = next(&f.it)? {
            let keep = if f.func.is_none() {
                crate::ops::object::truthy(&x)?
            } else {
                let r = crate::vm::call::call(&f.func, std::slice::from_ref(&x), &[])?;
                crate::ops::object::truthy(&r)?
            };
            if keep {
                return Ok(Some(x));
            }
        }
        Ok(None)
    }),
    new: Some(|_ty, args, kw| {
        if !kw.is_empty() {
            return err(&TYPE_ERROR, "filter() takes no keyword arguments");
        }
        if args.len() != 2 {
            return err(
                &TYPE_ERROR,
                format!("filter expected 2 arguments, got {}", args.len()),
            );
        }
        Ok(alloc(
            &FILTER_TYPE,
            Filter {
                func: args[0].clone(),
                it: iter(&args[1])?,
            },
        ))
    }),
    ..TypeObject::EMPTY
};

/// Payload of `iter(callable, sentinel)`.
pub struct CallableIter {
    func: UnsafeCell<Value>,
    sentinel: Value,
}

/// `iter(callable, sentinel)`.
pub fn new_callable_iter(func: Value, sentinel: Value) -> Value {
    alloc(
        &CALLABLE_ITER_TYPE,
        CallableIter {
            func: UnsafeCell::new(func),
            sentinel,
        },
    )
}

/// The `callable_iterator` type.
pub static CALLABLE_ITER_TYPE: TypeObject = TypeObject {
    name: "callable_iterator",
    layout: &CALLABLE_ITER_TYPE,
    dealloc: dealloc_obj::<CallableIter>,
    iter: Some(self_iter),
    next: Some(|v| {
        // SAFETY: only CallableIter objects have this slot; single-threaded.
        let c = unsafe { v.payload_unchecked::<CallableIter>() };
        let f = unsafe { (*c.func.get()).clone() };
        if f.is_null() {
            return Ok(None);
        }
        let r = match crate::vm::call::call(&f, &[], &[]) {
            Ok(r) => r,
            Err(e) => {
                // A StopIteration from the callable ends the iteration too.
                if raised_matches(&STOP_ITERATION) {
                    thread::take_raised();
                    // SAFETY: as above.
                    unsafe { *c.func.get() = Value::NULL };
                    return Ok(None);
                }
                return Err(e);
            }
        };
        if crate::ops::compare::eq(&r, &c.sentinel)? {
            // SAFETY: as above.
            unsafe { *c.func.get() = Value::NULL };
            return Ok(None);
        }
        Ok(Some(r))
    }),
    ..TypeObject::EMPTY
};

/// The iterator types, for readying.
pub fn iterator_types() -> Vec<&'static TypeObject> {
    vec![
        &SEQ_ITER_TYPE,
        &LIST_ITER_TYPE,
        &TUPLE_ITER_TYPE,
        &REVERSED_TYPE,
        &ENUMERATE_TYPE,
        &ZIP_TYPE,
        &MAP_TYPE,
        &FILTER_TYPE,
        &CALLABLE_ITER_TYPE,
        &crate::objects::range::RANGE_ITER_TYPE,
        &crate::objects::dict::DICT_ITER_TYPE,
        &crate::objects::dict::DICT_VALUE_ITER_TYPE,
        &crate::objects::dict::DICT_ITEM_ITER_TYPE,
    ]
}
