//! `types.GenericAlias`: the parameterized built-in generics of PEP 585 (`list[int]`,
//! `dict[str, list[int]]`, `tuple[int, ...]`, `type[int]`).
//!
//! An alias keeps its `__origin__` (the class subscripted) and `__args__` (always a tuple).
//! Calling it builds an instance of the origin; attribute lookups other than the alias's own
//! (`__origin__`, `__args__`, `__parameters__`, ...) go to the origin, so `list[int].append` is
//! `list.append`. Subscripting an alias substitutes its type variables (`dict[str, T][int]`),
//! with the same parameter collection and substitution rules as CPython, which `typing` relies
//! on. Built-in generic classes get their `__class_getitem__` from [`CLASS_GETITEM`].

use std::cell::{OnceCell, RefCell};

use crate::abi::Value;
use crate::objects::exception::{err, raised_matches, ATTRIBUTE_ERROR, TYPE_ERROR};
use crate::objects::list::List;
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{
    alloc, dealloc_obj, flags, CmpOp, GetSetDef, MethodDef, MethodKind, NbOp, PyPayload, PyResult,
    TypeObject, NB_COUNT,
};
use crate::ops::object::{as_type, repr_string};

/// Payload of a `types.GenericAlias`.
pub struct GenericAlias {
    /// The subscripted class (`list` in `list[int]`).
    pub origin: Value,
    /// The arguments, always a tuple (`(int,)`).
    pub args: Value,
    /// The type variables among the arguments, collected on first use.
    parameters: OnceCell<Value>,
    /// Whether this is the unpacked form `*tuple[int]`.
    pub starred: bool,
}

impl PyPayload for GenericAlias {
    fn type_object() -> *const TypeObject {
        &GENERIC_ALIAS_TYPE
    }
}

/// `origin[args]` as a new alias; a non-tuple `args` becomes a one-element tuple.
pub fn new_generic_alias(origin: Value, args: Value) -> Value {
    new_alias_of(&GENERIC_ALIAS_TYPE, origin, args, false)
}

fn new_alias_of(ty: *const TypeObject, origin: Value, args: Value, starred: bool) -> Value {
    let args = if try_tuple_items(&args).is_some() {
        args
    } else {
        new_tuple(vec![args])
    };
    alloc(
        ty,
        GenericAlias {
            origin,
            args,
            parameters: OnceCell::new(),
            starred,
        },
    )
}

/// Whether `v` is a `types.GenericAlias` (or an instance of a class derived from it).
pub fn is_generic_alias(v: &Value) -> bool {
    v.downcast_ref::<GenericAlias>().is_some()
}

/// `__class_getitem__` of the built-in generic classes (`list`, `dict`, `tuple`, `set`,
/// `frozenset`, `enumerate`, ...): `cls[item]` is `GenericAlias(cls, item)`.
pub const CLASS_GETITEM: MethodDef = MethodDef {
    name: "__class_getitem__",
    func: class_getitem,
    kind: MethodKind::Class,
    doc: "See PEP 585",
};

fn class_getitem(cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords("__class_getitem__", kwnames)?;
    let item = crate::builtins::args::exactly_one("__class_getitem__", args)?;
    Ok(new_generic_alias(cls.clone(), item.clone()))
}

fn no_keywords(name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        )
    }
}

/// `getattr(v, name)` with AttributeError turned into `None` (CPython's
/// `_PyObject_LookupAttr`); other errors propagate.
pub(crate) fn lookup_attr(v: &Value, name: &str) -> PyResult<Option<Value>> {
    match crate::ops::object::getattr_opt(v, &new_str(name)) {
        Ok(r) => Ok(r),
        Err(e) => {
            if raised_matches(&ATTRIBUTE_ERROR) {
                crate::vm::thread::take_raised();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn this(v: &Value) -> &GenericAlias {
    v.downcast_ref::<GenericAlias>()
        .expect("GenericAlias method on another object")
}

fn args_of(v: &Value) -> &[Value] {
    try_tuple_items(&this(v).args).unwrap_or(&[])
}

/// How `typing`-style reprs show one argument: `...` for Ellipsis, the repr of other aliases,
/// `module.qualname` for classes (just the qualname for builtins), the repr of anything else.
/// Shared with `types.UnionType`.
pub(crate) fn repr_item(p: &Value) -> PyResult<String> {
    if p.is(&crate::objects::none::ellipsis()) {
        return Ok("...".to_string());
    }
    if lookup_attr(p, "__origin__")?.is_some() && lookup_attr(p, "__args__")?.is_some() {
        // It looks like a GenericAlias.
        return repr_string(p);
    }
    let Some(qualname) = lookup_attr(p, "__qualname__")? else {
        return repr_string(p);
    };
    let module = match lookup_attr(p, "__module__")? {
        Some(m) if !m.is_none() => m,
        _ => return repr_string(p),
    };
    if as_str(&module).is_some_and(|m| &*m == "builtins") {
        return crate::ops::object::str_string(&qualname);
    }
    Ok(format!(
        "{}.{}",
        crate::ops::object::str_string(&module)?,
        crate::ops::object::str_string(&qualname)?
    ))
}

/// [`repr_item`], with a list argument (`Callable[[int], str]`'s) shown as `[a, b]`.
fn repr_arg(p: &Value) -> PyResult<String> {
    if let Some(l) = p.downcast_ref::<List>() {
        let items = l.to_vec();
        let mut parts = Vec::with_capacity(items.len());
        for x in &items {
            parts.push(repr_item(x)?);
        }
        return Ok(format!("[{}]", parts.join(", ")));
    }
    repr_item(p)
}

fn ga_repr(v: &Value) -> PyResult<Value> {
    let a = this(v);
    let mut s = String::new();
    if a.starred {
        s.push('*');
    }
    s.push_str(&repr_item(&a.origin)?);
    s.push('[');
    let args = args_of(v);
    for (i, p) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_arg(p)?);
    }
    if args.is_empty() {
        // `tuple[()]`
        s.push_str("()");
    }
    s.push(']');
    Ok(from_string(s))
}

/// Adds `item` to `params` unless it is already there (by identity).
fn add_param(params: &mut Vec<Value>, item: &Value) {
    if !params.iter().any(|p| p.is(item)) {
        params.push(item.clone());
    }
}

/// The type variables among `args`, in first-seen order: arguments with `__typing_subst__`
/// (TypeVar, ParamSpec, ...) and the `__parameters__` of nested aliases.
pub(crate) fn make_parameters(args: &[Value]) -> PyResult<Value> {
    let mut params = Vec::new();
    for t in args {
        // Classes are never type variables (and `list.__parameters__` is not a tuple).
        if as_type(t).is_some() {
            continue;
        }
        if lookup_attr(t, "__typing_subst__")?.is_some() {
            add_param(&mut params, t);
        } else if let Some(sub) = lookup_attr(t, "__parameters__")? {
            if let Some(items) = try_tuple_items(&sub) {
                for p in items {
                    add_param(&mut params, p);
                }
            }
        }
    }
    Ok(new_tuple(params))
}

/// The lazily computed `__parameters__` of an alias.
fn parameters(v: &Value) -> PyResult<Value> {
    let a = this(v);
    if let Some(p) = a.parameters.get() {
        return Ok(p.clone());
    }
    let p = make_parameters(args_of(v))?;
    Ok(a.parameters.get_or_init(|| p).clone())
}

fn index_of(items: &[Value], x: &Value) -> Option<usize> {
    items.iter().position(|p| p.is(x))
}

/// Substitutes inside a nested alias: `obj[...]` with its own parameters replaced by the
/// arguments matching `params`; `obj` itself when it has no parameters.
fn subs_tvars(
    obj: &Value,
    params: &[Value],
    argitems: &[Value],
    varparam: usize,
) -> PyResult<Value> {
    let sub = lookup_attr(obj, "__parameters__")?;
    let subparams = match sub.as_ref().and_then(try_tuple_items) {
        Some(s) if !s.is_empty() => s.to_vec(),
        _ => return Ok(obj.clone()),
    };
    let nparams = params.len();
    let nargs = argitems.len();
    let mut subargs = Vec::with_capacity(subparams.len());
    for arg in &subparams {
        match index_of(params, arg) {
            Some(i) if i == varparam => {
                subargs.extend_from_slice(&argitems[i..i + nargs + 1 - nparams]);
            }
            Some(mut i) => {
                if i > varparam {
                    i += nargs - nparams;
                }
                subargs.push(argitems[i].clone());
            }
            None => subargs.push(arg.clone()),
        }
    }
    crate::ops::sequence::getitem(obj, &new_tuple(subargs))
}

/// The args of an unpacked `*tuple[...]` argument (`None` for anything else).
fn unpacked_tuple_args(arg: &Value) -> PyResult<Option<Value>> {
    if let Some(a) = arg.downcast_ref::<GenericAlias>() {
        if a.starred && a.origin.is(&crate::objects::tuple::TUPLE_TYPE.to_value()) {
            return Ok(Some(a.args.clone()));
        }
    }
    match lookup_attr(arg, "__typing_unpacked_tuple_args__")? {
        Some(r) if !r.is_none() => Ok(Some(r)),
        _ => Ok(None),
    }
}

/// The subscript items, with `*tuple[int, str]` arguments spliced in.
fn unpack_args(item: &Value) -> PyResult<Vec<Value>> {
    let items: Vec<Value> = match try_tuple_items(item) {
        Some(t) => t.to_vec(),
        None => vec![item.clone()],
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if as_type(&it).is_none() {
            if let Some(sub) = unpacked_tuple_args(&it)? {
                if let Some(s) = try_tuple_items(&sub) {
                    let ends_with_ellipsis = s
                        .last()
                        .is_some_and(|l| l.is(&crate::objects::none::ellipsis()));
                    if !ends_with_ellipsis {
                        out.extend_from_slice(s);
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

/// Whether `arg` is an unpacked TypeVarTuple (`*Ts`).
fn is_unpacked_typevartuple(arg: &Value) -> PyResult<bool> {
    if as_type(arg).is_some() {
        return Ok(false);
    }
    match lookup_attr(arg, "__typing_is_unpacked_typevartuple__")? {
        Some(v) => crate::ops::object::truthy(&v),
        None => Ok(false),
    }
}

/// `alias[item]` for an alias (or union) `self_` with arguments `args` and type variables
/// `parameters`: the new argument tuple.
pub(crate) fn subs_parameters(
    self_: &Value,
    args: &[Value],
    parameters: &[Value],
    item: &Value,
) -> PyResult<Vec<Value>> {
    let nparams = parameters.len();
    if nparams == 0 {
        return err(
            &TYPE_ERROR,
            format!("{} is not a generic class", repr_string(self_)?),
        );
    }
    let argitems = unpack_args(item)?;
    let nitems = argitems.len();
    let mut varparam = nparams;
    for (i, p) in parameters.iter().enumerate() {
        // A TypeVarTuple is iterable (`*Ts`).
        if p.ty().iter.is_some() && as_type(p).is_none() {
            if varparam < nparams {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "More than one TypeVarTuple parameter in {}",
                        crate::ops::object::str_string(self_)?
                    ),
                );
            }
            varparam = i;
        }
    }
    if varparam < nparams {
        if nitems < nparams - 1 {
            return err(
                &TYPE_ERROR,
                format!("Too few arguments for {}", repr_string(self_)?),
            );
        }
    } else if nitems != nparams {
        return err(
            &TYPE_ERROR,
            format!(
                "Too {} arguments for {}; actual {}, expected {}",
                if nitems > nparams { "many" } else { "few" },
                repr_string(self_)?,
                nitems,
                nparams
            ),
        );
    }
    let mut newargs = Vec::with_capacity(args.len());
    for arg in args {
        let unpack = is_unpacked_typevartuple(arg)?;
        let new = if let Some(subst) = lookup_attr(arg, "__typing_subst__")? {
            let mut i = index_of(parameters, arg).unwrap_or(0);
            if i == varparam {
                return err(
                    &TYPE_ERROR,
                    "Substitution of bare TypeVarTuple is not supported",
                );
            }
            if i > varparam {
                i += nitems - nparams;
            }
            crate::vm::call::call(&subst, std::slice::from_ref(&argitems[i]), &[])?
        } else {
            subs_tvars(arg, parameters, &argitems, varparam)?
        };
        if unpack {
            match try_tuple_items(&new) {
                Some(items) => newargs.extend_from_slice(items),
                None => newargs.push(new),
            }
        } else {
            newargs.push(new);
        }
    }
    Ok(newargs)
}

fn ga_getitem(v: &Value, item: &Value) -> PyResult<Value> {
    let params = parameters(v)?;
    let newargs = subs_parameters(v, args_of(v), try_tuple_items(&params).unwrap_or(&[]), item)?;
    let a = this(v);
    Ok(new_alias_of(
        &GENERIC_ALIAS_TYPE,
        a.origin.clone(),
        new_tuple(newargs),
        a.starred,
    ))
}

fn ga_hash(v: &Value) -> PyResult<i64> {
    let a = this(v);
    let h0 = crate::ops::object::hash(&a.origin)?;
    let h1 = crate::ops::object::hash(&a.args)?;
    let h = h0 ^ h1;
    Ok(if h == -1 { -2 } else { h })
}

fn ga_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (
        a.downcast_ref::<GenericAlias>(),
        b.downcast_ref::<GenericAlias>(),
    ) else {
        return Ok(crate::objects::none::not_implemented());
    };
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(crate::objects::none::not_implemented());
    }
    let eq = x.starred == y.starred
        && crate::ops::compare::eq(&x.origin, &y.origin)?
        && crate::ops::compare::eq(&x.args, &y.args)?;
    Ok(Value::bool(eq == (op == CmpOp::Eq)))
}

fn ga_call(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let obj = crate::vm::call::call(&this(v).origin, args, kwnames)?;
    // Record the alias on the instance when it accepts attributes (`typing` does the same).
    if let Err(e) = crate::ops::object::setattr(&obj, &new_str("__orig_class__"), Some(v.clone())) {
        if raised_matches(&ATTRIBUTE_ERROR) || raised_matches(&TYPE_ERROR) {
            crate::vm::thread::take_raised();
        } else {
            return Err(e);
        }
    }
    Ok(obj)
}

/// Attribute names an alias answers itself; every other name is looked up on the origin.
const ATTR_EXCEPTIONS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn ga_getattr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Some(n) = as_str(name) {
        if !ATTR_EXCEPTIONS.contains(&&*n) {
            return crate::ops::object::getattr(&this(v).origin, name).map(Some);
        }
    }
    crate::ops::object::generic_getattr(v, name)
}

fn ga_iter(v: &Value) -> PyResult<Value> {
    Ok(alloc(
        &GENERIC_ALIAS_ITER_TYPE,
        GenericAliasIter {
            alias: RefCell::new(Some(v.clone())),
        },
    ))
}

/// Payload of the iterator of an alias: yields the starred alias (`*tuple[int]`) once.
pub struct GenericAliasIter {
    alias: RefCell<Option<Value>>,
}

/// `generic_alias_iterator`: `iter(tuple[int])`, behind `*tuple[int]` in subscripts.
pub static GENERIC_ALIAS_ITER_TYPE: TypeObject = TypeObject {
    name: "generic_alias_iterator",
    layout: &GENERIC_ALIAS_ITER_TYPE,
    dealloc: dealloc_obj::<GenericAliasIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(|v| {
        // SAFETY: only generic alias iterators have this slot.
        let it = unsafe { v.payload_unchecked::<GenericAliasIter>() };
        let taken = it.alias.borrow_mut().take();
        Ok(taken.map(|a| {
            let ga = this(&a);
            new_alias_of(
                &GENERIC_ALIAS_TYPE,
                ga.origin.clone(),
                ga.args.clone(),
                true,
            )
        }))
    }),
    ..TypeObject::EMPTY
};

/// `GenericAlias(origin, args)` (also for classes derived from it).
fn ga_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords("GenericAlias", kwnames)?;
    if args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("GenericAlias expected 2 arguments, got {}", args.len()),
        );
    }
    Ok(new_alias_of(ty, args[0].clone(), args[1].clone(), false))
}

/// `GenericAlias.__new__(cls, origin, args)`, for `super().__new__(cls, ...)` in subclasses
/// (`collections.abc`'s callable alias).
fn m_new(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(as_type) else {
        return err(
            &TYPE_ERROR,
            "GenericAlias.__new__(X): X is not a type object",
        );
    };
    if !cls.is_subtype(&GENERIC_ALIAS_TYPE) {
        return err(
            &TYPE_ERROR,
            format!(
                "GenericAlias.__new__({}): {} is not a subtype of GenericAlias",
                cls.name, cls.name
            ),
        );
    }
    ga_new(cls, &args[1..], kwnames)
}

fn m_mro_entries(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::exactly_one("__mro_entries__", args)?;
    Ok(new_tuple(vec![this(v).origin.clone()]))
}

fn m_instancecheck(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::exactly_one("__instancecheck__", args)?;
    err(
        &TYPE_ERROR,
        "isinstance() argument 2 cannot be a parameterized generic",
    )
}

fn m_subclasscheck(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::exactly_one("__subclasscheck__", args)?;
    err(
        &TYPE_ERROR,
        "issubclass() argument 2 cannot be a parameterized generic",
    )
}

fn m_reduce(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("__reduce__", args)?;
    let a = this(v);
    if a.starred {
        let plain = new_generic_alias(a.origin.clone(), a.args.clone());
        let next = crate::builtins::builtins_dict()
            .downcast_ref::<crate::objects::dict::Dict>()
            .and_then(|d| d.get_str(&new_str("next")))
            .unwrap_or(Value::NONE);
        return Ok(new_tuple(vec![
            next,
            new_tuple(vec![crate::ops::sequence::iter(&plain)?]),
        ]));
    }
    Ok(new_tuple(vec![
        v.ty().to_value(),
        new_tuple(vec![a.origin.clone(), a.args.clone()]),
    ]))
}

/// The `|` slot shared by types, aliases and unions (`int | list[str]`).
pub(crate) const UNION_NB: [Option<crate::objects::BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<crate::objects::BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Or as usize] = Some(crate::objects::union_type::type_or);
    nb
};

/// The `types.GenericAlias` type.
pub static GENERIC_ALIAS_TYPE: TypeObject = TypeObject {
    name: "types.GenericAlias",
    layout: &GENERIC_ALIAS_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<GenericAlias>,
    sub_layout: crate::objects::sub_layout::<GenericAlias>(),
    repr: Some(ga_repr),
    hash: Some(ga_hash),
    richcompare: Some(ga_richcompare),
    getitem: Some(ga_getitem),
    call: Some(ga_call),
    getattr: Some(ga_getattr),
    iter: Some(ga_iter),
    new: Some(ga_new),
    nb: UNION_NB,
    methods: &[
        MethodDef {
            name: "__new__",
            func: m_new,
            kind: MethodKind::Static,
            doc: "",
        },
        MethodDef {
            name: "__mro_entries__",
            func: m_mro_entries,
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__instancecheck__",
            func: m_instancecheck,
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__subclasscheck__",
            func: m_subclasscheck,
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__reduce__",
            func: m_reduce,
            kind: MethodKind::Instance,
            doc: "",
        },
    ],
    getsets: &[
        GetSetDef {
            name: "__origin__",
            get: |v| Ok(this(v).origin.clone()),
            set: Some(crate::objects::exception_group::readonly),
        },
        GetSetDef {
            name: "__args__",
            get: |v| Ok(this(v).args.clone()),
            set: Some(crate::objects::exception_group::readonly),
        },
        GetSetDef {
            name: "__unpacked__",
            get: |v| Ok(Value::bool(this(v).starred)),
            set: Some(crate::objects::exception_group::readonly),
        },
        GetSetDef {
            name: "__parameters__",
            get: parameters,
            set: None,
        },
        GetSetDef {
            name: "__typing_unpacked_tuple_args__",
            get: |v| {
                let a = this(v);
                Ok(
                    if a.starred && a.origin.is(&crate::objects::tuple::TUPLE_TYPE.to_value()) {
                        a.args.clone()
                    } else {
                        Value::NONE
                    },
                )
            },
            set: None,
        },
    ],
    doc: "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    ..TypeObject::EMPTY
};
