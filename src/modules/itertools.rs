//! `itertools`: iterator building blocks (count, cycle, repeat, accumulate, chain, compress,
//! dropwhile, takewhile, filterfalse, groupby, islice, pairwise, starmap, tee, zip_longest,
//! product, permutations, combinations, combinations_with_replacement, batched).
//!
//! Each iterator is a built-in type named `itertools.<name>` whose payload keeps its state in
//! cells; no borrow of that state is held across a call into Python code (a key function or an
//! inner iterator may re-enter the same iterator).

use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::Rc;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::exception::{err, RUNTIME_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::module::new_module;
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::type_::short_name;
use crate::objects::{
    alloc, dealloc_obj, flags, method, sub_layout, MethodDef, MethodKind, NbOp, PyPayload,
    PyResult, TypeObject,
};
use crate::ops::object::{repr_string, truthy};
use crate::ops::sequence::{collect, iter, next};
use crate::vm::call::call;

/// A value in an iterator's state, read and replaced without holding a borrow across calls
/// into Python. NULL means "absent" (exhausted source, no current key ...).
struct Slot(UnsafeCell<Value>);

impl Slot {
    fn new(v: Value) -> Slot {
        Slot(UnsafeCell::new(v))
    }
    fn get(&self) -> Value {
        // SAFETY: single-threaded; no reference into the cell outlives this call.
        unsafe { (*self.0.get()).clone() }
    }
    fn set(&self, v: Value) {
        // SAFETY: as in `get`; the old value is dropped after the store, so a finalizer it
        // runs sees the new state.
        let old = unsafe { std::mem::replace(&mut *self.0.get(), v) };
        drop(old);
    }
    fn take(&self) -> Value {
        // SAFETY: as in `get`.
        unsafe { std::mem::replace(&mut *self.0.get(), Value::NULL) }
    }
    fn is_null(&self) -> bool {
        // SAFETY: as in `get`.
        unsafe { (*self.0.get()).is_null() }
    }
}

/// Checks a positional-only signature with CPython's messages ("cycle expected 1 argument,
/// got 0") and rejects keywords ("cycle() takes no keyword arguments").
fn positional(name: &str, args: &[Value], kw: &[Value], min: usize, max: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        );
    }
    let n = args.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let what = if min == max { "" } else { "at least " };
        return err(
            &TYPE_ERROR,
            format!(
                "{} expected {}{} argument{}, got {}",
                name,
                what,
                min,
                plural(min),
                n
            ),
        );
    }
    if n > max {
        let what = if min == max { "" } else { "at most " };
        return err(
            &TYPE_ERROR,
            format!(
                "{} expected {}{} argument{}, got {}",
                name,
                what,
                max,
                plural(max),
                n
            ),
        );
    }
    Ok(())
}

fn self_iter(v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// The payload of an itertools object (its exact type or a subclass).
fn me<T: PyPayload>(v: &Value) -> &T {
    v.downcast_ref::<T>()
        .expect("itertools slot called on a foreign object")
}

/// Declares an iterator type `itertools.<name>` with payload `$payload` (subclassable).
macro_rules! iter_type {
    ($(#[$doc:meta])* $id:ident, $name:literal, $payload:ty, next: $next:expr, new: $new:expr $(, $field:ident : $val:expr)* $(,)?) => {
        $(#[$doc])*
        pub static $id: TypeObject = TypeObject {
            name: $name,
            layout: &$id,
            flags: flags::BASETYPE,
            dealloc: dealloc_obj::<$payload>,
            sub_layout: sub_layout::<$payload>(),
            iter: Some(self_iter),
            next: Some($next),
            new: Some($new),
            $($field: $val,)*
            ..TypeObject::EMPTY
        };
        impl PyPayload for $payload {
            fn type_object() -> *const TypeObject {
                &$id
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// count

/// Payload of `count(start, step)`: the next value and the step.
pub struct Count {
    cnt: Slot,
    step: Value,
}

fn count_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("count", args, kw);
    let start = p.optional("start")?.unwrap_or(Value::int(0));
    let step = p.optional("step")?.unwrap_or(Value::int(1));
    p.finish()?;
    use crate::objects::str_format::is_number;
    if !is_number(&start) || !is_number(&step) {
        return err(&TYPE_ERROR, "a number is required");
    }
    Ok(alloc(
        ty,
        Count {
            cnt: Slot::new(start),
            step,
        },
    ))
}

fn count_next(v: &Value) -> PyResult<Option<Value>> {
    let c = me::<Count>(v);
    let cur = c.cnt.get();
    let nxt = match (cur.as_small_int(), c.step.as_small_int()) {
        (Some(a), Some(b)) if cur.is_int() && c.step.is_int() => match a.checked_add(b) {
            Some(s) => Value::int(s),
            None => crate::ops::number::binary_op(&cur, &c.step, NbOp::Add)?,
        },
        _ => crate::ops::number::binary_op(&cur, &c.step, NbOp::Add)?,
    };
    c.cnt.set(nxt);
    Ok(Some(cur))
}

fn count_repr(v: &Value) -> PyResult<Value> {
    let c = me::<Count>(v);
    let name = short_name(v.ty());
    let start = repr_string(&c.cnt.get())?;
    if c.step.is_int() && c.step.as_small_int() == Some(1) {
        return Ok(from_string(format!("{}({})", name, start)));
    }
    Ok(from_string(format!(
        "{}({}, {})",
        name,
        start,
        repr_string(&c.step)?
    )))
}

iter_type!(
    /// `itertools.count`.
    COUNT_TYPE, "itertools.count", Count, next: count_next, new: count_new,
    repr: Some(count_repr),
);

// ---------------------------------------------------------------------------------------------
// cycle

/// Payload of `cycle(iterable)`: the source until exhausted, then the saved items.
pub struct Cycle {
    it: Slot,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

fn cycle_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional("cycle", args, kw, 1, 1)?;
    Ok(alloc(
        ty,
        Cycle {
            it: Slot::new(iter(&args[0])?),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
    ))
}

fn cycle_next(v: &Value) -> PyResult<Option<Value>> {
    let c = me::<Cycle>(v);
    if !c.it.is_null() {
        let it = c.it.get();
        if let Some(x) = next(&it)? {
            c.saved.borrow_mut().push(x.clone());
            return Ok(Some(x));
        }
        c.it.set(Value::NULL);
    }
    let saved = c.saved.borrow();
    if saved.is_empty() {
        return Ok(None);
    }
    let i = c.index.get() % saved.len();
    c.index.set(i + 1);
    Ok(Some(saved[i].clone()))
}

iter_type!(
    /// `itertools.cycle`.
    CYCLE_TYPE, "itertools.cycle", Cycle, next: cycle_next, new: cycle_new,
);

// ---------------------------------------------------------------------------------------------
// repeat

/// Payload of `repeat(object[, times])`: `cnt` is -1 for "forever".
pub struct Repeat {
    elem: Value,
    cnt: Cell<i64>,
}

fn repeat_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("repeat", args, kw);
    let elem = p.required("object")?;
    let times = p.optional("times")?;
    p.finish()?;
    let cnt = match times {
        Some(t) => crate::ops::number::index_i64(&t)?.max(0),
        None => -1,
    };
    Ok(alloc(
        ty,
        Repeat {
            elem,
            cnt: Cell::new(cnt),
        },
    ))
}

fn repeat_next(v: &Value) -> PyResult<Option<Value>> {
    let r = me::<Repeat>(v);
    match r.cnt.get() {
        0 => Ok(None),
        n => {
            if n > 0 {
                r.cnt.set(n - 1);
            }
            Ok(Some(r.elem.clone()))
        }
    }
}

fn repeat_repr(v: &Value) -> PyResult<Value> {
    let r = me::<Repeat>(v);
    let name = short_name(v.ty());
    let e = repr_string(&r.elem)?;
    Ok(from_string(match r.cnt.get() {
        -1 => format!("{}({})", name, e),
        n => format!("{}({}, {})", name, e, n),
    }))
}

fn repeat_length_hint(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match me::<Repeat>(v).cnt.get() {
        -1 => err(&TYPE_ERROR, "len() of unsized object"),
        n => Ok(Value::int(n)),
    }
}

iter_type!(
    /// `itertools.repeat`.
    REPEAT_TYPE, "itertools.repeat", Repeat, next: repeat_next, new: repeat_new,
    repr: Some(repeat_repr),
    methods: &[method!("__length_hint__", repeat_length_hint)],
);

// ---------------------------------------------------------------------------------------------
// accumulate

/// Payload of `accumulate(iterable, func=None, *, initial=None)`.
pub struct Accumulate {
    it: Value,
    func: Value,
    total: Slot,
    initial: Slot,
}

fn accumulate_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("accumulate", args, kw);
    let iterable = p.required("iterable")?;
    let func = p.optional("func")?.unwrap_or(Value::NONE);
    let initial = p.kw_only("initial")?.unwrap_or(Value::NONE);
    p.finish()?;
    Ok(alloc(
        ty,
        Accumulate {
            it: iter(&iterable)?,
            func,
            total: Slot::new(Value::NULL),
            initial: Slot::new(if initial.is_none() {
                Value::NULL
            } else {
                initial
            }),
        },
    ))
}

fn accumulate_next(v: &Value) -> PyResult<Option<Value>> {
    let a = me::<Accumulate>(v);
    if !a.initial.is_null() {
        let init = a.initial.take();
        a.total.set(init.clone());
        return Ok(Some(init));
    }
    let Some(x) = next(&a.it)? else {
        return Ok(None);
    };
    let total = a.total.get();
    let new = if total.is_null() {
        x
    } else if a.func.is_none() {
        crate::ops::number::binary_op(&total, &x, NbOp::Add)?
    } else {
        call(&a.func, &[total, x], &[])?
    };
    a.total.set(new.clone());
    Ok(Some(new))
}

iter_type!(
    /// `itertools.accumulate`.
    ACCUMULATE_TYPE, "itertools.accumulate", Accumulate, next: accumulate_next, new: accumulate_new,
);

// ---------------------------------------------------------------------------------------------
// chain

/// Payload of `chain(*iterables)`: an iterator over the iterables and the active one.
pub struct Chain {
    source: Slot,
    active: Slot,
}

fn chain_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "chain() takes no keyword arguments");
    }
    Ok(alloc(
        ty,
        Chain {
            source: Slot::new(iter(&new_tuple(args.to_vec()))?),
            active: Slot::new(Value::NULL),
        },
    ))
}

fn chain_from_iterable(cls: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional("from_iterable", args, kw, 1, 1)?;
    let ty = crate::ops::object::as_type(cls).unwrap_or(&CHAIN_TYPE);
    Ok(alloc(
        ty,
        Chain {
            source: Slot::new(iter(&args[0])?),
            active: Slot::new(Value::NULL),
        },
    ))
}

fn chain_next(v: &Value) -> PyResult<Option<Value>> {
    let c = me::<Chain>(v);
    loop {
        if !c.active.is_null() {
            let a = c.active.get();
            if let Some(x) = next(&a)? {
                return Ok(Some(x));
            }
            c.active.set(Value::NULL);
        }
        if c.source.is_null() {
            return Ok(None);
        }
        let src = c.source.get();
        match next(&src)? {
            Some(iterable) => c.active.set(iter(&iterable)?),
            None => {
                c.source.set(Value::NULL);
                return Ok(None);
            }
        }
    }
}

iter_type!(
    /// `itertools.chain`.
    CHAIN_TYPE, "itertools.chain", Chain, next: chain_next, new: chain_new,
    methods: &[MethodDef {
        name: "from_iterable",
        func: chain_from_iterable,
        kind: MethodKind::Class,
        doc: "Alternative chain() constructor taking a single iterable argument that evaluates lazily.",
    }],
);

// ---------------------------------------------------------------------------------------------
// compress, dropwhile, takewhile, filterfalse, starmap

/// Payload of `compress(data, selectors)`.
pub struct Compress {
    data: Value,
    selectors: Value,
}

fn compress_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("compress", args, kw);
    let data = p.required("data")?;
    let selectors = p.required("selectors")?;
    p.finish()?;
    Ok(alloc(
        ty,
        Compress {
            data: iter(&data)?,
            selectors: iter(&selectors)?,
        },
    ))
}

fn compress_next(v: &Value) -> PyResult<Option<Value>> {
    let c = me::<Compress>(v);
    loop {
        let Some(d) = next(&c.data)? else {
            return Ok(None);
        };
        let Some(s) = next(&c.selectors)? else {
            return Ok(None);
        };
        if truthy(&s)? {
            return Ok(Some(d));
        }
    }
}

iter_type!(
    /// `itertools.compress`.
    COMPRESS_TYPE, "itertools.compress", Compress, next: compress_next, new: compress_new,
);

/// Payload of `dropwhile`, `takewhile`, `filterfalse` and `starmap`: a function, an iterator,
/// and a flag (dropwhile: still dropping; takewhile: stopped).
pub struct FuncIter {
    func: Value,
    it: Value,
    flag: Cell<bool>,
}

fn func_iter_new(
    name: &str,
    ty: *const TypeObject,
    args: &[Value],
    kw: &[Value],
    flag: bool,
) -> PyResult<Value> {
    positional(name, args, kw, 2, 2)?;
    Ok(alloc(
        ty,
        FuncIter {
            func: args[0].clone(),
            it: iter(&args[1])?,
            flag: Cell::new(flag),
        },
    ))
}

fn call_pred(f: &Value, x: &Value) -> PyResult<bool> {
    let r = call(f, std::slice::from_ref(x), &[])?;
    truthy(&r)
}

fn dropwhile_next(v: &Value) -> PyResult<Option<Value>> {
    let d = me::<FuncIter>(v);
    loop {
        let Some(x) = next(&d.it)? else {
            return Ok(None);
        };
        if !d.flag.get() {
            return Ok(Some(x));
        }
        if !call_pred(&d.func, &x)? {
            d.flag.set(false);
            return Ok(Some(x));
        }
    }
}

fn takewhile_next(v: &Value) -> PyResult<Option<Value>> {
    let t = me::<FuncIter>(v);
    if t.flag.get() {
        return Ok(None);
    }
    let Some(x) = next(&t.it)? else {
        return Ok(None);
    };
    if call_pred(&t.func, &x)? {
        return Ok(Some(x));
    }
    t.flag.set(true);
    Ok(None)
}

fn filterfalse_next(v: &Value) -> PyResult<Option<Value>> {
    let f = me::<FuncIter>(v);
    loop {
        let Some(x) = next(&f.it)? else {
            return Ok(None);
        };
        let keep = if f.func.is_none() {
            !truthy(&x)?
        } else {
            !call_pred(&f.func, &x)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
}

fn starmap_next(v: &Value) -> PyResult<Option<Value>> {
    let s = me::<FuncIter>(v);
    let Some(a) = next(&s.it)? else {
        return Ok(None);
    };
    let r = match try_tuple_items(&a) {
        Some(items) => call(&s.func, items, &[])?,
        None => call(&s.func, &collect(&a)?, &[])?,
    };
    Ok(Some(r))
}

/// Static for a [`FuncIter`] type (the payload's `PyPayload` names dropwhile's type; the other
/// three share its layout).
macro_rules! func_iter_type {
    ($(#[$doc:meta])* $id:ident, $name:literal, $next:expr, $new:expr) => {
        $(#[$doc])*
        pub static $id: TypeObject = TypeObject {
            name: $name,
            layout: &DROPWHILE_TYPE,
            flags: flags::BASETYPE,
            dealloc: dealloc_obj::<FuncIter>,
            sub_layout: sub_layout::<FuncIter>(),
            iter: Some(self_iter),
            next: Some($next),
            new: Some($new),
            ..TypeObject::EMPTY
        };
    };
}

impl PyPayload for FuncIter {
    fn type_object() -> *const TypeObject {
        &DROPWHILE_TYPE
    }
}

func_iter_type!(
    /// `itertools.dropwhile`.
    DROPWHILE_TYPE,
    "itertools.dropwhile",
    dropwhile_next,
    |ty, a, k| func_iter_new("dropwhile", ty, a, k, true)
);
func_iter_type!(
    /// `itertools.takewhile`.
    TAKEWHILE_TYPE,
    "itertools.takewhile",
    takewhile_next,
    |ty, a, k| func_iter_new("takewhile", ty, a, k, false)
);
func_iter_type!(
    /// `itertools.filterfalse`.
    FILTERFALSE_TYPE,
    "itertools.filterfalse",
    filterfalse_next,
    |ty, a, k| func_iter_new("filterfalse", ty, a, k, false)
);
func_iter_type!(
    /// `itertools.starmap`.
    STARMAP_TYPE,
    "itertools.starmap",
    starmap_next,
    |ty, a, k| func_iter_new("starmap", ty, a, k, false)
);

// ---------------------------------------------------------------------------------------------
// groupby

/// Payload of `groupby(iterable, key=None)`. The groups it yields share its iterator: only the
/// most recent group (`currgrouper`, compared by address) may advance it.
pub struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Slot,
    currkey: Slot,
    currvalue: Slot,
    currgrouper: Cell<u64>,
}

fn groupby_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("groupby", args, kw);
    let iterable = p.required("iterable")?;
    let keyfunc = p.optional("key")?.unwrap_or(Value::NONE);
    p.finish()?;
    Ok(alloc(
        ty,
        GroupBy {
            it: iter(&iterable)?,
            keyfunc,
            tgtkey: Slot::new(Value::NULL),
            currkey: Slot::new(Value::NULL),
            currvalue: Slot::new(Value::NULL),
            currgrouper: Cell::new(0),
        },
    ))
}

/// Advances the shared iterator: the next value and its key become current. `Ok(false)` when
/// the iterator is exhausted.
fn groupby_step(g: &GroupBy) -> PyResult<bool> {
    let Some(x) = next(&g.it)? else {
        return Ok(false);
    };
    let key = if g.keyfunc.is_none() {
        x.clone()
    } else {
        call(&g.keyfunc, std::slice::from_ref(&x), &[])?
    };
    g.currvalue.set(x);
    g.currkey.set(key);
    Ok(true)
}

fn groupby_next(v: &Value) -> PyResult<Option<Value>> {
    let g = me::<GroupBy>(v);
    g.currgrouper.set(0);
    // Skip to the next group.
    loop {
        if !g.currkey.is_null() {
            if g.tgtkey.is_null() {
                break;
            }
            if !crate::ops::compare::eq(&g.tgtkey.get(), &g.currkey.get())? {
                break;
            }
        }
        if !groupby_step(g)? {
            return Ok(None);
        }
    }
    let key = g.currkey.get();
    g.tgtkey.set(key.clone());
    let grouper = alloc(
        &GROUPER_TYPE,
        Grouper {
            parent: v.clone(),
            tgtkey: key.clone(),
        },
    );
    g.currgrouper.set(grouper.payload);
    Ok(Some(new_tuple(vec![key, grouper])))
}

iter_type!(
    /// `itertools.groupby`.
    GROUPBY_TYPE, "itertools.groupby", GroupBy, next: groupby_next, new: groupby_new,
);

/// Payload of a group yielded by `groupby`.
pub struct Grouper {
    parent: Value,
    tgtkey: Value,
}

impl PyPayload for Grouper {
    fn type_object() -> *const TypeObject {
        &GROUPER_TYPE
    }
}

fn grouper_next(v: &Value) -> PyResult<Option<Value>> {
    let gr = me::<Grouper>(v);
    let g = me::<GroupBy>(&gr.parent);
    if g.currgrouper.get() != v.payload {
        return Ok(None);
    }
    if g.currvalue.is_null() && !groupby_step(g)? {
        return Ok(None);
    }
    if !crate::ops::compare::eq(&gr.tgtkey, &g.currkey.get())? {
        return Ok(None);
    }
    let r = g.currvalue.take();
    g.currkey.set(Value::NULL);
    Ok(Some(r))
}

/// `itertools._grouper`.
pub static GROUPER_TYPE: TypeObject = TypeObject {
    name: "itertools._grouper",
    layout: &GROUPER_TYPE,
    dealloc: dealloc_obj::<Grouper>,
    iter: Some(self_iter),
    next: Some(grouper_next),
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// islice

/// Payload of `islice`: yields the items at `next`, `next + step`, ... below `stop`.
pub struct ISlice {
    it: Slot,
    next: Cell<usize>,
    /// `usize::MAX` when there is no stop.
    stop: usize,
    step: usize,
    cnt: Cell<usize>,
}

/// An islice argument: `None` -> `Some(None)`; an int in `0..=sys.maxsize` -> its value; anything
/// else -> -1 (CPython maps conversion failures to -1 and then reports by position).
fn islice_arg(a: &Value) -> i64 {
    if a.is_none() {
        return -2;
    }
    match crate::ops::number::index(a) {
        Ok(i) => i.as_small_int().unwrap_or(-1),
        Err(_) => {
            crate::vm::thread::take_raised();
            -1
        }
    }
}

fn islice_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional("islice", args, kw, 2, 4)?;
    const STOP_MSG: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    // -2 stands for None below.
    let (start, stop) = if args.len() == 2 {
        let stop = islice_arg(&args[1]);
        if stop == -1 {
            return err(&VALUE_ERROR, STOP_MSG);
        }
        (0, stop)
    } else {
        let start = match islice_arg(&args[1]) {
            -2 => 0,
            s => s,
        };
        let stop = islice_arg(&args[2]);
        if stop == -1 {
            return err(&VALUE_ERROR, STOP_MSG);
        }
        (start, stop)
    };
    if start < 0 || (stop < 0 && stop != -2) {
        return err(&VALUE_ERROR, IDX_MSG);
    }
    let step = match args.get(3) {
        None => 1,
        Some(a) => match islice_arg(a) {
            -2 => 1,
            s => s,
        },
    };
    if step < 1 {
        return err(
            &VALUE_ERROR,
            "Step for islice() must be a positive integer or None.",
        );
    }
    Ok(alloc(
        ty,
        ISlice {
            it: Slot::new(iter(&args[0])?),
            next: Cell::new(start as usize),
            stop: if stop == -2 {
                usize::MAX
            } else {
                stop as usize
            },
            step: step as usize,
            cnt: Cell::new(0),
        },
    ))
}

fn islice_next(v: &Value) -> PyResult<Option<Value>> {
    let s = me::<ISlice>(v);
    if s.it.is_null() {
        return Ok(None);
    }
    let it = s.it.get();
    while s.cnt.get() < s.next.get() {
        if next(&it)?.is_none() {
            s.it.set(Value::NULL);
            return Ok(None);
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if s.cnt.get() >= s.stop {
        s.it.set(Value::NULL);
        return Ok(None);
    }
    let Some(x) = next(&it)? else {
        s.it.set(Value::NULL);
        return Ok(None);
    };
    s.cnt.set(s.cnt.get() + 1);
    let n = s.next.get().saturating_add(s.step);
    s.next.set(n.min(s.stop));
    Ok(Some(x))
}

iter_type!(
    /// `itertools.islice`.
    ISLICE_TYPE, "itertools.islice", ISlice, next: islice_next, new: islice_new,
);

// ---------------------------------------------------------------------------------------------
// pairwise, batched

/// Payload of `pairwise(iterable)`.
pub struct Pairwise {
    it: Slot,
    old: Slot,
}

fn pairwise_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional("pairwise", args, kw, 1, 1)?;
    Ok(alloc(
        ty,
        Pairwise {
            it: Slot::new(iter(&args[0])?),
            old: Slot::new(Value::NULL),
        },
    ))
}

fn pairwise_next(v: &Value) -> PyResult<Option<Value>> {
    let p = me::<Pairwise>(v);
    if p.it.is_null() {
        return Ok(None);
    }
    let it = p.it.get();
    let mut old = p.old.get();
    if old.is_null() {
        match next(&it)? {
            Some(x) => {
                old = x;
                p.old.set(old.clone());
            }
            None => {
                p.it.set(Value::NULL);
                return Ok(None);
            }
        }
    }
    match next(&it)? {
        Some(new) => {
            p.old.set(new.clone());
            Ok(Some(new_tuple(vec![old, new])))
        }
        None => {
            p.it.set(Value::NULL);
            p.old.set(Value::NULL);
            Ok(None)
        }
    }
}

iter_type!(
    /// `itertools.pairwise`.
    PAIRWISE_TYPE, "itertools.pairwise", Pairwise, next: pairwise_next, new: pairwise_new,
);

/// Payload of `batched(iterable, n)`.
pub struct Batched {
    it: Slot,
    n: usize,
}

fn batched_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("batched", args, kw);
    let iterable = p.required("iterable")?;
    let n = p.required("n")?;
    p.finish()?;
    let n = crate::ops::number::index_i64(&n)?;
    if n < 1 {
        return err(&VALUE_ERROR, "n must be at least one");
    }
    Ok(alloc(
        ty,
        Batched {
            it: Slot::new(iter(&iterable)?),
            n: n as usize,
        },
    ))
}

fn batched_next(v: &Value) -> PyResult<Option<Value>> {
    let b = me::<Batched>(v);
    if b.it.is_null() {
        return Ok(None);
    }
    let it = b.it.get();
    let mut items = Vec::with_capacity(b.n.min(1024));
    while items.len() < b.n {
        match next(&it) {
            Ok(Some(x)) => items.push(x),
            Ok(None) => {
                b.it.set(Value::NULL);
                break;
            }
            Err(e) => {
                b.it.set(Value::NULL);
                return Err(e);
            }
        }
    }
    if items.is_empty() {
        return Ok(None);
    }
    Ok(Some(new_tuple(items)))
}

iter_type!(
    /// `itertools.batched`.
    BATCHED_TYPE, "itertools.batched", Batched, next: batched_next, new: batched_new,
);

// ---------------------------------------------------------------------------------------------
// tee

/// A block of values read from a tee's source, linked to the next block. Tees point at the
/// block they read from; a block is freed when no tee needs it any more.
struct TeeBlock {
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Rc<TeeBlock>>>,
    source: Rc<TeeSource>,
}

/// The iterator shared by all the tees of one `tee()` call.
struct TeeSource {
    it: Value,
    running: Cell<bool>,
}

const TEE_BLOCK: usize = 57;

impl Drop for TeeBlock {
    fn drop(&mut self) {
        // Unlink iteratively: a long chain that only this block kept alive would otherwise be
        // freed by recursion.
        let mut next = self.next.get_mut().take();
        while let Some(b) = next {
            match Rc::try_unwrap(b) {
                Ok(mut blk) => next = blk.next.get_mut().take(),
                Err(_) => break,
            }
        }
    }
}

/// Payload of a tee iterator: its block and its position in it.
pub struct Tee {
    block: RefCell<Rc<TeeBlock>>,
    index: Cell<usize>,
}

impl PyPayload for Tee {
    fn type_object() -> *const TypeObject {
        &TEE_TYPE
    }
}

fn new_tee_from_iter(it: Value) -> Value {
    let block = Rc::new(TeeBlock {
        values: RefCell::new(Vec::new()),
        next: RefCell::new(None),
        source: Rc::new(TeeSource {
            it,
            running: Cell::new(false),
        }),
    });
    alloc(
        &TEE_TYPE,
        Tee {
            block: RefCell::new(block),
            index: Cell::new(0),
        },
    )
}

fn tee_copy(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let t = me::<Tee>(v);
    Ok(alloc(
        &TEE_TYPE,
        Tee {
            block: RefCell::new(t.block.borrow().clone()),
            index: Cell::new(t.index.get()),
        },
    ))
}

fn tee_next(v: &Value) -> PyResult<Option<Value>> {
    let t = me::<Tee>(v);
    if t.index.get() >= TEE_BLOCK {
        let blk = t.block.borrow().clone();
        let nxt = blk
            .next
            .borrow_mut()
            .get_or_insert_with(|| {
                Rc::new(TeeBlock {
                    values: RefCell::new(Vec::new()),
                    next: RefCell::new(None),
                    source: blk.source.clone(),
                })
            })
            .clone();
        *t.block.borrow_mut() = nxt;
        t.index.set(0);
    }
    let blk = t.block.borrow().clone();
    let i = t.index.get();
    if let Some(x) = blk.values.borrow().get(i) {
        t.index.set(i + 1);
        return Ok(Some(x.clone()));
    }
    // This tee leads: read from the source.
    let src = blk.source.clone();
    if src.running.get() {
        return err(&RUNTIME_ERROR, "cannot re-enter the tee iterator");
    }
    src.running.set(true);
    let r = next(&src.it);
    src.running.set(false);
    match r? {
        Some(x) => {
            let mut vals = blk.values.borrow_mut();
            // Another tee sharing this block may have appended while the source ran only if
            // it re-entered, which `running` forbids; so the value goes at `i`.
            if vals.len() == i {
                vals.push(x.clone());
            }
            t.index.set(i + 1);
            Ok(Some(x))
        }
        None => Ok(None),
    }
}

fn tee_type_new(_ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional("_tee", args, kw, 1, 1)?;
    let it = iter(&args[0])?;
    if it.downcast_ref::<Tee>().is_some() {
        return tee_copy(&it, &[], &[]);
    }
    Ok(new_tee_from_iter(it))
}

/// `itertools._tee`.
pub static TEE_TYPE: TypeObject = TypeObject {
    name: "itertools._tee",
    layout: &TEE_TYPE,
    dealloc: dealloc_obj::<Tee>,
    iter: Some(self_iter),
    next: Some(tee_next),
    new: Some(tee_type_new),
    methods: &[method!("__copy__", tee_copy)],
    ..TypeObject::EMPTY
};

/// `tee(iterable, n=2)`.
fn f_tee(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional("tee", args, kw, 1, 2)?;
    let n = match args.get(1) {
        Some(n) => crate::ops::number::index_i64(n)?,
        None => 2,
    };
    if n < 0 {
        return err(&VALUE_ERROR, "n must be >= 0");
    }
    if n == 0 {
        return Ok(new_tuple(vec![]));
    }
    let it = iter(&args[0])?;
    let copier = crate::ops::object::getattr_opt(&it, &new_str("__copy__"))?;
    let (first, copier) = match copier {
        Some(c) => (it, c),
        None => {
            let t = new_tee_from_iter(it);
            let c = crate::ops::object::getattr_str(&t, "__copy__")?;
            (t, c)
        }
    };
    let mut out = vec![first];
    for _ in 1..n {
        out.push(call(&copier, &[], &[])?);
    }
    Ok(new_tuple(out))
}

// ---------------------------------------------------------------------------------------------
// zip_longest

/// Payload of `zip_longest(*iterables, fillvalue=None)`: the iterators (NULL once exhausted).
pub struct ZipLongest {
    its: Vec<Slot>,
    active: Cell<usize>,
    fill: Value,
}

fn zip_longest_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    let mut fill = Value::NONE;
    for (i, k) in kw.iter().enumerate() {
        if as_str(k).is_some_and(|s| &*s == "fillvalue") {
            fill = args[npos + i].clone();
        } else {
            return err(
                &TYPE_ERROR,
                "zip_longest() got an unexpected keyword argument",
            );
        }
    }
    let its = args[..npos]
        .iter()
        .map(|a| iter(a).map(Slot::new))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(alloc(
        ty,
        ZipLongest {
            active: Cell::new(its.len()),
            its,
            fill,
        },
    ))
}

fn zip_longest_next(v: &Value) -> PyResult<Option<Value>> {
    let z = me::<ZipLongest>(v);
    if z.its.is_empty() || z.active.get() == 0 {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(z.its.len());
    for s in &z.its {
        if s.is_null() {
            items.push(z.fill.clone());
            continue;
        }
        match next(&s.get())? {
            Some(x) => items.push(x),
            None => {
                s.set(Value::NULL);
                z.active.set(z.active.get() - 1);
                if z.active.get() == 0 {
                    return Ok(None);
                }
                items.push(z.fill.clone());
            }
        }
    }
    Ok(Some(new_tuple(items)))
}

iter_type!(
    /// `itertools.zip_longest`.
    ZIP_LONGEST_TYPE, "itertools.zip_longest", ZipLongest, next: zip_longest_next, new: zip_longest_new,
);

// ---------------------------------------------------------------------------------------------
// Combinatorics: product, permutations, combinations, combinations_with_replacement

/// State shared by the combinatoric iterators: the pool(s), the index vector, and whether the
/// first result was produced / the iteration is over.
struct CombState {
    indices: Vec<usize>,
    cycles: Vec<usize>,
    started: bool,
    stopped: bool,
}

/// Payload of the combinatoric iterators.
pub struct Comb {
    /// `product`: one pool per position; the others: a single pool.
    pools: Vec<Vec<Value>>,
    r: usize,
    state: RefCell<CombState>,
}

fn comb_alloc(ty: *const TypeObject, pools: Vec<Vec<Value>>, r: usize, stopped: bool) -> Value {
    alloc(
        ty,
        Comb {
            pools,
            r,
            state: RefCell::new(CombState {
                indices: Vec::new(),
                cycles: Vec::new(),
                started: false,
                stopped,
            }),
        },
    )
}

fn product_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    let mut repeat = 1i64;
    for (i, k) in kw.iter().enumerate() {
        if as_str(k).is_some_and(|s| &*s == "repeat") {
            repeat = crate::ops::number::index_i64(&args[npos + i])?;
        } else {
            return err(
                &TYPE_ERROR,
                format!(
                    "'{}' is an invalid keyword argument for product()",
                    as_str(k).map(|s| s.to_string()).unwrap_or_default()
                ),
            );
        }
    }
    if repeat < 0 {
        return err(&VALUE_ERROR, "repeat argument cannot be negative");
    }
    let base = args[..npos]
        .iter()
        .map(collect)
        .collect::<PyResult<Vec<_>>>()?;
    let mut pools = Vec::with_capacity(base.len() * repeat as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let stopped = pools.iter().any(|p| p.is_empty());
    let r = pools.len();
    Ok(comb_alloc(ty, pools, r, stopped))
}

fn product_next(v: &Value) -> PyResult<Option<Value>> {
    let c = me::<Comb>(v);
    let mut st = c.state.borrow_mut();
    if st.stopped {
        return Ok(None);
    }
    if !st.started {
        st.started = true;
        st.indices = vec![0; c.pools.len()];
    } else {
        // Odometer: bump the rightmost index that can move, reset the ones after it.
        let mut i = c.pools.len();
        loop {
            if i == 0 {
                st.stopped = true;
                return Ok(None);
            }
            i -= 1;
            st.indices[i] += 1;
            if st.indices[i] < c.pools[i].len() {
                break;
            }
            st.indices[i] = 0;
        }
    }
    let items = st
        .indices
        .iter()
        .enumerate()
        .map(|(k, &j)| c.pools[k][j].clone())
        .collect();
    Ok(Some(new_tuple(items)))
}

fn r_arg(r: &Value) -> PyResult<i64> {
    if !crate::objects::int::is_int(r) && !r.is_bool() {
        return err(&TYPE_ERROR, "Expected int as r");
    }
    let r = crate::ops::number::index_i64(r)?;
    if r < 0 {
        return err(&VALUE_ERROR, "r must be non-negative");
    }
    Ok(r)
}

fn permutations_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("permutations", args, kw);
    let iterable = p.required("iterable")?;
    let r = p.optional("r")?;
    p.finish()?;
    let pool = collect(&iterable)?;
    let n = pool.len();
    let r = match r {
        Some(r) if !r.is_none() => r_arg(&r)? as usize,
        _ => n,
    };
    Ok(comb_alloc(ty, vec![pool], r, r > n))
}

fn permutations_next(v: &Value) -> PyResult<Option<Value>> {
    let c = me::<Comb>(v);
    let pool = &c.pools[0];
    let n = pool.len();
    let r = c.r;
    let mut st = c.state.borrow_mut();
    if st.stopped {
        return Ok(None);
    }
    if !st.started {
        st.started = true;
        st.indices = (0..n).collect();
        st.cycles = (0..r).map(|i| n - i).collect();
    } else {
        if n == 0 {
            st.stopped = true;
            return Ok(None);
        }
        let mut i = r;
        loop {
            if i == 0 {
                st.stopped = true;
                return Ok(None);
            }
            i -= 1;
            st.cycles[i] -= 1;
            if st.cycles[i] == 0 {
                // Rotate indices[i..] left by one.
                let idx = &mut st.indices[i..];
                idx.rotate_left(1);
                st.cycles[i] = n - i;
            } else {
                let j = st.cycles[i];
                st.indices.swap(i, n - j);
                break;
            }
        }
    }
    let items = st.indices[..r].iter().map(|&j| pool[j].clone()).collect();
    Ok(Some(new_tuple(items)))
}

fn combinations_common(
    name: &str,
    ty: *const TypeObject,
    args: &[Value],
    kw: &[Value],
    with_replacement: bool,
) -> PyResult<Value> {
    let mut p = ArgParser::new(name, args, kw);
    let iterable = p.required("iterable")?;
    let r = p.required("r")?;
    p.finish()?;
    let pool = collect(&iterable)?;
    let r = r_arg(&r)? as usize;
    let n = pool.len();
    let stopped = if with_replacement {
        n == 0 && r > 0
    } else {
        r > n
    };
    Ok(comb_alloc(ty, vec![pool], r, stopped))
}

fn combinations_next(v: &Value) -> PyResult<Option<Value>> {
    let c = me::<Comb>(v);
    let pool = &c.pools[0];
    let n = pool.len();
    let r = c.r;
    let mut st = c.state.borrow_mut();
    if st.stopped {
        return Ok(None);
    }
    if !st.started {
        st.started = true;
        st.indices = (0..r).collect();
    } else {
        // The rightmost index that is not at its maximum (n - r + i).
        let mut i = r;
        loop {
            if i == 0 {
                st.stopped = true;
                return Ok(None);
            }
            i -= 1;
            if st.indices[i] != i + n - r {
                break;
            }
        }
        st.indices[i] += 1;
        for j in i + 1..r {
            st.indices[j] = st.indices[j - 1] + 1;
        }
    }
    let items = st.indices.iter().map(|&j| pool[j].clone()).collect();
    Ok(Some(new_tuple(items)))
}

fn cwr_next(v: &Value) -> PyResult<Option<Value>> {
    let c = me::<Comb>(v);
    let pool = &c.pools[0];
    let n = pool.len();
    let r = c.r;
    let mut st = c.state.borrow_mut();
    if st.stopped {
        return Ok(None);
    }
    if !st.started {
        st.started = true;
        st.indices = vec![0; r];
    } else {
        let mut i = r;
        loop {
            if i == 0 {
                st.stopped = true;
                return Ok(None);
            }
            i -= 1;
            if st.indices[i] != n - 1 {
                break;
            }
        }
        let k = st.indices[i] + 1;
        for j in i..r {
            st.indices[j] = k;
        }
    }
    let items = st.indices.iter().map(|&j| pool[j].clone()).collect();
    Ok(Some(new_tuple(items)))
}

impl PyPayload for Comb {
    fn type_object() -> *const TypeObject {
        &PRODUCT_TYPE
    }
}

/// Static for a [`Comb`] type (all four share product's layout).
macro_rules! comb_type {
    ($(#[$doc:meta])* $id:ident, $name:literal, $next:expr, $new:expr) => {
        $(#[$doc])*
        pub static $id: TypeObject = TypeObject {
            name: $name,
            layout: &PRODUCT_TYPE,
            flags: flags::BASETYPE,
            dealloc: dealloc_obj::<Comb>,
            sub_layout: sub_layout::<Comb>(),
            iter: Some(self_iter),
            next: Some($next),
            new: Some($new),
            ..TypeObject::EMPTY
        };
    };
}

comb_type!(
    /// `itertools.product`.
    PRODUCT_TYPE,
    "itertools.product",
    product_next,
    product_new
);
comb_type!(
    /// `itertools.permutations`.
    PERMUTATIONS_TYPE,
    "itertools.permutations",
    permutations_next,
    permutations_new
);
comb_type!(
    /// `itertools.combinations`.
    COMBINATIONS_TYPE,
    "itertools.combinations",
    combinations_next,
    |ty, a, k| combinations_common("combinations", ty, a, k, false)
);
comb_type!(
    /// `itertools.combinations_with_replacement`.
    CWR_TYPE,
    "itertools.combinations_with_replacement",
    cwr_next,
    |ty, a, k| combinations_common("combinations_with_replacement", ty, a, k, true)
);

// ---------------------------------------------------------------------------------------------

/// Creates the `itertools` module.
pub fn create() -> Value {
    let m = new_module("itertools");
    let md = m.downcast_ref::<crate::objects::module::Module>().unwrap();
    let types: [&'static TypeObject; 20] = [
        &COUNT_TYPE,
        &CYCLE_TYPE,
        &REPEAT_TYPE,
        &ACCUMULATE_TYPE,
        &CHAIN_TYPE,
        &COMPRESS_TYPE,
        &DROPWHILE_TYPE,
        &TAKEWHILE_TYPE,
        &FILTERFALSE_TYPE,
        &STARMAP_TYPE,
        &GROUPBY_TYPE,
        &GROUPER_TYPE,
        &ISLICE_TYPE,
        &PAIRWISE_TYPE,
        &BATCHED_TYPE,
        &TEE_TYPE,
        &ZIP_LONGEST_TYPE,
        &PRODUCT_TYPE,
        &PERMUTATIONS_TYPE,
        &COMBINATIONS_TYPE,
    ];
    for t in types.into_iter().chain([&CWR_TYPE]) {
        md.set(short_name(t), t.to_value());
    }
    crate::modules::add_functions(&m, &[("tee", f_tee)]);
    m
}
