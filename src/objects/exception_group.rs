//! PEP 654 exception groups: `BaseExceptionGroup` and `ExceptionGroup`, their `split` /
//! `subgroup` / `derive` methods, and the helpers behind `except*` (`CHECK_EG_MATCH` and
//! `INTRINSIC_PREP_RERAISE_STAR`), following CPython 3.12's `Objects/exceptions.c` and
//! `Python/ceval.c`.
//!
//! A group is an ordinary exception object (layout [`ExceptionData`]) whose `eg_message` and
//! `eg_excs` fields are set. `ExceptionGroup` derives from both `BaseExceptionGroup` and
//! `Exception`: its static `base` is `BaseExceptionGroup` and [`builtin_mro`] gives it CPython's
//! MRO `[ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object]` when the type
//! is readied.

use std::collections::HashSet;

use crate::abi::Value;
use crate::objects::exception::{
    err, exc_hash, exc_new, exc_repr, ExceptionData, BASE_EXCEPTION, EXCEPTION, EXC_DICT_OFFSET,
    TYPE_ERROR, VALUE_ERROR,
};
use crate::objects::list::{new_list, List};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::tuple::{new_tuple, try_tuple_items, tuple_items};
use crate::objects::{dealloc_obj, flags, GetSetDef, MethodDef, MethodKind, PyResult, TypeObject};
use crate::vm::call::call;

/// `BaseExceptionGroup`: a group that may hold any `BaseException`.
pub static BASE_EXCEPTION_GROUP: TypeObject = TypeObject {
    name: "BaseExceptionGroup",
    base: &BASE_EXCEPTION,
    layout: &BASE_EXCEPTION,
    flags: flags::BASETYPE | flags::EXCEPTION,
    dict_offset: EXC_DICT_OFFSET,
    dealloc: dealloc_obj::<ExceptionData>,
    repr: Some(exc_repr),
    str: Some(eg_str),
    hash: Some(exc_hash),
    new: Some(exc_new),
    methods: EG_METHODS,
    getsets: EG_GETSETS,
    doc: "A combination of multiple unrelated exceptions.",
    ..TypeObject::EMPTY
};

/// `ExceptionGroup(BaseExceptionGroup, Exception)`: a group of `Exception`s only.
pub static EXCEPTION_GROUP: TypeObject = TypeObject {
    name: "ExceptionGroup",
    base: &BASE_EXCEPTION_GROUP,
    layout: &BASE_EXCEPTION,
    flags: flags::BASETYPE | flags::EXCEPTION,
    dict_offset: EXC_DICT_OFFSET,
    dealloc: dealloc_obj::<ExceptionData>,
    repr: Some(exc_repr),
    str: Some(eg_str),
    hash: Some(exc_hash),
    new: Some(exc_new),
    ..TypeObject::EMPTY
};

/// The MRO of the built-in types with more than one base (`None` for the others):
/// `ExceptionGroup` gets CPython's `[ExceptionGroup, BaseExceptionGroup, Exception,
/// BaseException, object]`, which its single `base` pointer cannot express.
pub fn builtin_mro(t: &TypeObject) -> Option<Vec<*const TypeObject>> {
    if std::ptr::eq(t, &EXCEPTION_GROUP) {
        return Some(vec![
            &EXCEPTION_GROUP,
            &BASE_EXCEPTION_GROUP,
            &EXCEPTION,
            &BASE_EXCEPTION,
            &crate::objects::object::OBJECT_TYPE,
        ]);
    }
    None
}

/// `__bases__` of the built-in types with more than one base (`None` for the others).
pub fn builtin_bases(t: &TypeObject) -> Option<Value> {
    if std::ptr::eq(t, &EXCEPTION_GROUP) {
        return Some(new_tuple(vec![
            BASE_EXCEPTION_GROUP.to_value(),
            EXCEPTION.to_value(),
        ]));
    }
    None
}

/// Whether `v` is an exception group (an instance of `BaseExceptionGroup` or a subclass).
pub fn is_exception_group(v: &Value) -> bool {
    v.downcast_ref::<ExceptionData>().is_some() && v.ty().is_subtype(&BASE_EXCEPTION_GROUP)
}

/// The `exceptions` tuple of a group (`None` for other values).
pub fn group_exceptions(v: &Value) -> Option<Value> {
    let d = v.downcast_ref::<ExceptionData>()?;
    // SAFETY: single-threaded; the cell is only written when the group is created.
    let e = unsafe { (*d.eg_excs.get()).clone() };
    if e.is_null() {
        None
    } else {
        Some(e)
    }
}

/// The `message` of a group (`None` for other values).
fn group_message(v: &Value) -> Option<Value> {
    let d = v.downcast_ref::<ExceptionData>()?;
    // SAFETY: as in `group_exceptions`.
    let m = unsafe { (*d.eg_message.get()).clone() };
    if m.is_null() {
        None
    } else {
        Some(m)
    }
}

/// `PySequence_Check`: supports `__getitem__` and is not a mapping (dict).
fn is_sequence(v: &Value) -> bool {
    v.ty().getitem.is_some() && !v.ty().is_subtype(&crate::objects::dict::DICT_TYPE)
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)` with CPython's validation; also the
/// constructor of both group types and their subclasses.
pub(crate) fn eg_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // SAFETY: types are immortal.
    let tyr: &'static TypeObject = unsafe { &*ty };
    let n = args.len() - kwnames.len();
    if !kwnames.is_empty()
        && (std::ptr::eq(ty, &BASE_EXCEPTION_GROUP) || std::ptr::eq(ty, &EXCEPTION_GROUP))
    {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", tyr.name),
        );
    }
    if n != 2 {
        return err(
            &TYPE_ERROR,
            format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                n
            ),
        );
    }
    let message = &args[0];
    if as_str(message).is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                message.type_name()
            ),
        );
    }
    if !is_sequence(&args[1]) {
        return err(
            &TYPE_ERROR,
            "second argument (exceptions) must be a sequence",
        );
    }
    let excs = crate::objects::tuple::to_tuple(&args[1])?;
    let items = tuple_items(&excs);
    if items.is_empty() {
        return err(
            &VALUE_ERROR,
            "second argument (exceptions) must be a non-empty sequence",
        );
    }
    let mut nested_base_exceptions = false;
    for (i, e) in items.iter().enumerate() {
        if e.downcast_ref::<ExceptionData>().is_none() {
            return err(
                &VALUE_ERROR,
                format!(
                    "Item {} of second argument (exceptions) is not an exception",
                    i
                ),
            );
        }
        if !e.ty().is_subtype(&EXCEPTION) {
            nested_base_exceptions = true;
        }
    }
    let mut cls: *const TypeObject = ty;
    if std::ptr::eq(ty, &EXCEPTION_GROUP) {
        if nested_base_exceptions {
            return err(
                &TYPE_ERROR,
                "Cannot nest BaseExceptions in an ExceptionGroup",
            );
        }
    } else if std::ptr::eq(ty, &BASE_EXCEPTION_GROUP) {
        if !nested_base_exceptions {
            // All nested exceptions are Exception subclasses: wrap them in an ExceptionGroup.
            cls = &EXCEPTION_GROUP;
        }
    } else if nested_base_exceptions && tyr.is_subtype(&EXCEPTION) {
        return err(
            &TYPE_ERROR,
            format!("Cannot nest BaseExceptions in '{}'", tyr.name),
        );
    }
    let v = crate::objects::exception::new_exception(cls, args[..n].to_vec());
    let d = v.downcast_ref::<ExceptionData>().unwrap();
    // SAFETY: the object was just created; nothing else refers to its cells.
    unsafe {
        *d.eg_message.get() = message.clone();
        *d.eg_excs.get() = excs.clone();
    }
    Ok(v)
}

/// `str(group)`: `"message (N sub-exception[s])"`.
fn eg_str(v: &Value) -> PyResult<Value> {
    let msg = group_message(v).unwrap_or_else(|| new_str(""));
    let n = group_exceptions(v)
        .map(|e| tuple_items(&e).len())
        .unwrap_or(0);
    let m = crate::ops::object::str_string(&msg)?;
    Ok(from_string(format!(
        "{} ({} sub-exception{})",
        m,
        n,
        if n > 1 { "s" } else { "" }
    )))
}

/// The group `self` a method was called on, or a TypeError.
fn this_group(v: &Value, method: &str) -> PyResult<Value> {
    if group_exceptions(v).is_some() {
        Ok(v.clone())
    } else {
        err(
            &TYPE_ERROR,
            format!(
                "descriptor '{}' for 'BaseExceptionGroup' objects doesn't apply to a '{}' object",
                method,
                v.type_name()
            ),
        )
    }
}

/// The single positional argument of a one-argument method.
fn one_arg<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("BaseExceptionGroup.{}() takes no keyword arguments", name),
        );
    }
    match args {
        [a] => Ok(a),
        _ => err(
            &TYPE_ERROR,
            format!(
                "BaseExceptionGroup.{}() takes exactly one argument ({} given)",
                name,
                args.len()
            ),
        ),
    }
}

/// `BaseExceptionGroup.derive(excs)`: a new group with the same message.
fn eg_derive(this: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let this = this_group(this, "derive")?;
    let excs = one_arg("derive", args, kw)?;
    let msg = group_message(&this).unwrap();
    call(&BASE_EXCEPTION_GROUP.to_value(), &[msg, excs.clone()], &[])
}

/// How `split`/`subgroup` select leaf exceptions.
enum Matcher {
    /// An exception type or a tuple of them.
    ByType(Value),
    /// A callable returning whether an exception matches.
    Predicate(Value),
    /// Identities of the leaf exceptions to keep (used to build re-raised groups).
    InstanceIds(HashSet<u64>),
}

/// Whether `v` is a class deriving from `BaseException`.
fn is_exception_class(v: &Value) -> bool {
    crate::ops::object::as_type(v).is_some_and(|t| t.is_subtype(&BASE_EXCEPTION))
}

/// `callable(v)`.
fn is_callable(v: &Value) -> bool {
    v.ty().call.is_some()
        || v.downcast_ref::<crate::objects::function::Function>()
            .is_some()
}

/// The matcher for a `split`/`subgroup` argument.
fn matcher_for(value: &Value) -> PyResult<Matcher> {
    if is_callable(value) && crate::ops::object::as_type(value).is_none() {
        return Ok(Matcher::Predicate(value.clone()));
    }
    if is_exception_class(value) {
        return Ok(Matcher::ByType(value.clone()));
    }
    if let Some(items) = try_tuple_items(value) {
        if items.iter().all(is_exception_class) {
            return Ok(Matcher::ByType(value.clone()));
        }
    }
    err(
        &TYPE_ERROR,
        "expected a function, exception type or tuple of exception types",
    )
}

/// `PyErr_GivenExceptionMatches(exc, t)` for a class or (nested) tuple of classes.
fn given_exception_matches(exc: &Value, t: &Value) -> bool {
    if let Some(items) = try_tuple_items(t) {
        return items.iter().any(|x| given_exception_matches(exc, x));
    }
    match crate::ops::object::as_type(t) {
        Some(ty) => exc.ty().is_subtype(ty),
        None => false,
    }
}

fn check_match(exc: &Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::ByType(t) => Ok(given_exception_matches(exc, t)),
        Matcher::Predicate(f) => {
            let r = call(f, std::slice::from_ref(exc), &[])?;
            crate::ops::object::truthy(&r)
        }
        Matcher::InstanceIds(ids) => Ok(ids.contains(&exc.payload)),
    }
}

/// A group like `orig` holding `excs` (a list): `orig.derive(excs)` with `orig`'s traceback,
/// cause, context and a copy of its notes, or `None` when `excs` is empty.
fn subset(orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let derive = crate::ops::object::getattr_str(orig, "derive")?;
    let eg = call(&derive, &[new_list(excs)], &[])?;
    if !is_exception_group(&eg) {
        return err(
            &TYPE_ERROR,
            "derive must return an instance of BaseExceptionGroup",
        );
    }
    let od = orig.downcast_ref::<ExceptionData>().unwrap();
    let ed = eg.downcast_ref::<ExceptionData>().unwrap();
    let tb = od.traceback();
    if !tb.is_null() {
        ed.set_traceback(tb);
    }
    ed.set_context(od.context());
    // As `PyException_SetCause`, this also sets `__suppress_context__`.
    ed.set_cause(od.cause());
    ed.suppress_context.set(true);
    if let Some(notes) = crate::ops::object::getattr_opt(orig, &new_str("__notes__"))? {
        if is_sequence(&notes) {
            let copy = new_list(crate::ops::sequence::collect(&notes)?);
            crate::ops::object::setattr(&eg, &new_str("__notes__"), Some(copy))?;
        }
    }
    Ok(Some(eg))
}

/// The (match, rest) parts of `exc` for matcher `m`; `rest` is only built when asked for.
fn split_recursive(
    exc: &Value,
    m: &Matcher,
    construct_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if check_match(exc, m)? {
        return Ok((Some(exc.clone()), None));
    }
    let Some(excs) = group_exceptions(exc) else {
        return Ok((None, construct_rest.then(|| exc.clone())));
    };
    let mut match_list = Vec::new();
    let mut rest_list = Vec::new();
    for e in tuple_items(&excs) {
        let (mm, rr) = split_recursive(e, m, construct_rest)?;
        match_list.extend(mm);
        rest_list.extend(rr);
    }
    let mm = subset(exc, match_list)?;
    let rr = if construct_rest {
        subset(exc, rest_list)?
    } else {
        None
    };
    Ok((mm, rr))
}

fn or_none(v: Option<Value>) -> Value {
    v.unwrap_or(Value::NONE)
}

/// `BaseExceptionGroup.split(condition)`: `(match, rest)`, either may be None.
fn eg_split(this: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let this = this_group(this, "split")?;
    let m = matcher_for(one_arg("split", args, kw)?)?;
    let (mm, rr) = split_recursive(&this, &m, true)?;
    Ok(new_tuple(vec![or_none(mm), or_none(rr)]))
}

/// `BaseExceptionGroup.subgroup(condition)`: the matching part, or None.
fn eg_subgroup(this: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let this = this_group(this, "subgroup")?;
    let m = matcher_for(one_arg("subgroup", args, kw)?)?;
    let (mm, _) = split_recursive(&this, &m, false)?;
    Ok(or_none(mm))
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)` as a static method, for
/// `super().__new__(cls, ...)` in subclasses.
fn eg_new_method(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(crate::ops::object::as_type) else {
        return err(
            &TYPE_ERROR,
            "BaseExceptionGroup.__new__(X): X is not a type object",
        );
    };
    if !cls.is_subtype(&BASE_EXCEPTION_GROUP) {
        return err(
            &TYPE_ERROR,
            format!(
                "BaseExceptionGroup.__new__({}): {} is not a subtype of BaseExceptionGroup",
                cls.name, cls.name
            ),
        );
    }
    eg_new(cls, &args[1..], kw)
}

static EG_METHODS: &[MethodDef] = &[
    crate::objects::generic_alias::CLASS_GETITEM,
    MethodDef {
        name: "__new__",
        func: eg_new_method,
        kind: MethodKind::Static,
        doc: "",
    },
    MethodDef {
        name: "derive",
        func: eg_derive,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "split",
        func: eg_split,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "subgroup",
        func: eg_subgroup,
        kind: MethodKind::Instance,
        doc: "",
    },
];

/// The setter of a read-only member (`PyMemberDef` with `READONLY`).
pub(crate) fn readonly(_: &Value, _: Option<Value>) -> PyResult<()> {
    err(
        &crate::objects::exception::ATTRIBUTE_ERROR,
        "readonly attribute",
    )
}

static EG_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "message",
        get: |v| Ok(or_none(group_message(v))),
        set: Some(readonly),
    },
    GetSetDef {
        name: "exceptions",
        get: |v| Ok(or_none(group_exceptions(v))),
        set: Some(readonly),
    },
];

/// `except T` validation plus the `except*` rule: `T` (or a member of the tuple `T`) may not
/// be an exception group type.
fn check_except_star_type_valid(t: &Value) -> PyResult<()> {
    const NOT_EXC: &str = "catching classes that do not inherit from BaseException is not allowed";
    let items: Vec<Value> = match try_tuple_items(t) {
        Some(items) => items.to_vec(),
        None => vec![t.clone()],
    };
    for x in &items {
        if !is_exception_class(x) {
            return err(&TYPE_ERROR, NOT_EXC);
        }
    }
    for x in &items {
        if crate::ops::object::as_type(x).is_some_and(|t| t.is_subtype(&BASE_EXCEPTION_GROUP)) {
            return err(
                &TYPE_ERROR,
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            );
        }
    }
    Ok(())
}

/// `CHECK_EG_MATCH`: splits the exception being handled by an `except* T` clause into
/// `(rest, match)`. `match` is None when nothing matched; a matching naked exception is
/// wrapped in `ExceptionGroup("", (exc,))`.
pub fn exception_group_match(exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    check_except_star_type_valid(match_type)?;
    if exc.is_none() {
        return Ok((Value::NONE, Value::NONE));
    }
    if given_exception_matches(exc, match_type) {
        // Full match of the exception itself.
        let m = if is_exception_group(exc) {
            exc.clone()
        } else {
            call(
                &BASE_EXCEPTION_GROUP.to_value(),
                &[new_str(""), new_tuple(vec![exc.clone()])],
                &[],
            )?
        };
        return Ok((Value::NONE, m));
    }
    if is_exception_group(exc) {
        let split = crate::ops::object::getattr_str(exc, "split")?;
        let pair = call(&split, std::slice::from_ref(match_type), &[])?;
        let Some(items) = try_tuple_items(&pair) else {
            return err(
                &TYPE_ERROR,
                format!(
                    "{}.split must return a tuple, not {}",
                    exc.type_name(),
                    pair.type_name()
                ),
            );
        };
        if items.len() < 2 {
            return err(
                &TYPE_ERROR,
                format!(
                    "{}.split must return a 2-tuple, got tuple of size {}",
                    exc.type_name(),
                    items.len()
                ),
            );
        }
        return Ok((items[1].clone(), items[0].clone()));
    }
    Ok((exc.clone(), Value::NONE))
}

/// Adds the identities of the leaf exceptions of `exc` to `ids`.
fn collect_leaf_ids(exc: &Value, ids: &mut HashSet<u64>) {
    if exc.is_none() {
        return;
    }
    match group_exceptions(exc) {
        Some(excs) => {
            for e in tuple_items(&excs) {
                collect_leaf_ids(e, ids);
            }
        }
        None => {
            ids.insert(exc.payload);
        }
    }
}

/// Whether two exceptions share traceback, cause and context (so one is a re-raise of the
/// other). CPython also compares its `notes` field, which is always NULL since notes live in
/// the instance dict.
fn same_metadata(a: &Value, b: &Value) -> bool {
    match (
        a.downcast_ref::<ExceptionData>(),
        b.downcast_ref::<ExceptionData>(),
    ) {
        (Some(x), Some(y)) => {
            x.traceback().is(&y.traceback())
                && x.cause().is(&y.cause())
                && x.context().is(&y.context())
        }
        _ => false,
    }
}

/// `INTRINSIC_PREP_RERAISE_STAR`: the exception to raise at the end of a `try`/`except*`
/// (None when everything was handled). `orig` is the caught exception; `excs` the list of
/// exceptions raised or re-raised by the clauses plus the unhandled rest. Re-raised parts keep
/// `orig`'s nesting; newly raised ones become siblings in a new group.
pub fn prep_reraise_star(orig: &Value, excs: &Value) -> PyResult<Value> {
    let excs: Vec<Value> = match excs.downcast_ref::<List>() {
        Some(l) => l.to_vec(),
        None => crate::ops::sequence::collect(excs)?,
    };
    if excs.is_empty() {
        return Ok(Value::NONE);
    }
    if !is_exception_group(orig) {
        // A naked exception was caught and wrapped: only one clause could have run.
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        if e.is_none() {
            continue;
        }
        if same_metadata(&e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut ids = HashSet::new();
    for e in &reraised {
        collect_leaf_ids(e, &mut ids);
    }
    let (reraised_eg, _) = split_recursive(orig, &Matcher::InstanceIds(ids), false)?;
    if raised.is_empty() {
        return Ok(or_none(reraised_eg));
    }
    raised.extend(reraised_eg);
    if raised.len() > 1 {
        call(
            &BASE_EXCEPTION_GROUP.to_value(),
            &[new_str(""), new_list(raised)],
            &[],
        )
    } else {
        Ok(raised.pop().unwrap())
    }
}
