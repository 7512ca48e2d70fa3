//! `_typing`: the parts of `typing` CPython 3.12 implements in C (`Objects/typevarobject.c`):
//! `TypeVar`, `ParamSpec` (with `ParamSpecArgs`/`ParamSpecKwargs`), `TypeVarTuple`,
//! `TypeAliasType`, `Generic` and `_idfunc`, plus the PEP 695 intrinsics the compiler emits for
//! `class C[T]: ...`, `def f[T](): ...` and `type A = ...` ([`call_intrinsic_1`],
//! [`call_intrinsic_2`]: the eval loop's `CALL_INTRINSIC_1` operands 7-11 and `CALL_INTRINSIC_2`
//! operands 2-4 belong here; `typing.py` itself uses `class SupportsAbs[T]`).
//!
//! As in CPython, substitution, `Generic[...]` and `Generic.__init_subclass__` call back into
//! `typing.py` (`_typevar_subst`, `_generic_class_getitem`, ...), which imports this module
//! first; `|` on type variables builds `typing.Union` through `typing._make_union`.

use std::cell::{RefCell, UnsafeCell};

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::exception::{err, TYPE_ERROR, VALUE_ERROR};
use crate::objects::module::new_module;
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{
    alloc, dealloc_obj, flags, CmpOp, GetSetDef, MethodDef, MethodKind, NbOp, PyPayload, PyResult,
    TypeObject, NB_COUNT,
};
use crate::ops::object::{getattr_str, repr_string};
use crate::vm::call::call;

/// Calls `typing.<name>(*args)`.
fn call_typing(name: &str, args: &[Value]) -> PyResult<Value> {
    let typing = crate::vm::import::import_module("typing")?;
    call(&getattr_str(&typing, name)?, args, &[])
}

/// `typing._type_check(arg, msg)`; None is `NoneType` (without calling typing.py, as CPython).
fn type_check(arg: &Value, msg: &str) -> PyResult<Value> {
    if arg.is_none() {
        return Ok(crate::objects::none::NONE_TYPE.to_value());
    }
    call_typing("_type_check", &[arg.clone(), new_str(msg)])
}

/// The `__module__` of the function running Python code (CPython's `caller()`), or None.
fn caller_module() -> Value {
    let f = crate::vm::frame::frames().frames.last();
    f.and_then(|f| {
        crate::objects::generic_alias::lookup_attr(&f.func, "__module__")
            .ok()
            .flatten()
    })
    .unwrap_or(Value::NONE)
}

/// The name argument of a constructor: a str ("typevar() argument 'name' must be str").
fn name_arg(p: &mut ArgParser, func: &str) -> PyResult<Value> {
    let name = p.required("name")?;
    if as_str(&name).is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() argument 'name' must be str, not {}",
                func,
                name.type_name()
            ),
        );
    }
    Ok(name)
}

fn flag_arg(p: &mut ArgParser, name: &str) -> PyResult<bool> {
    match p.kw_only(name)? {
        Some(v) => crate::ops::object::truthy(&v),
        None => Ok(false),
    }
}

fn check_variance(covariant: bool, contravariant: bool, infer: bool) -> PyResult<()> {
    if covariant && contravariant {
        return err(&VALUE_ERROR, "Bivariant types are not supported.");
    }
    if infer && (covariant || contravariant) {
        return err(
            &VALUE_ERROR,
            "Variance cannot be specified with infer_variance.",
        );
    }
    Ok(())
}

/// `~T`, `+T`, `-T`, or just `T` for variance inferred by type checkers.
fn variance_repr(name: &Value, covariant: bool, contravariant: bool, infer: bool) -> Value {
    let n = as_str(name).map(|s| s.to_string()).unwrap_or_default();
    if infer {
        return from_string(n);
    }
    let c = if covariant {
        '+'
    } else if contravariant {
        '-'
    } else {
        '~'
    };
    from_string(format!("{}{}", c, n))
}

/// Stores `__module__` in the new object's own dict (as CPython's `typevar_alloc`).
fn set_module(obj: &Value, module: Value) -> PyResult<()> {
    if module.is_none() {
        return Ok(());
    }
    crate::ops::object::setattr(obj, &new_str("__module__"), Some(module))
}

/// `|` of TypeVar and ParamSpec: `typing.Union[a, b]`, which also accepts forward references.
fn make_union(a: &Value, b: &Value) -> PyResult<Value> {
    call_typing("_make_union", &[a.clone(), b.clone()])
}

const MAKE_UNION_NB: [Option<crate::objects::BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<crate::objects::BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Or as usize] = Some(make_union);
    nb
};

macro_rules! no_subclass {
    ($what:literal) => {
        MethodDef {
            name: "__mro_entries__",
            func: |_, _, _| {
                err(
                    &TYPE_ERROR,
                    concat!("Cannot subclass an instance of ", $what),
                )
            },
            kind: MethodKind::Instance,
            doc: "",
        }
    };
}

/// The readonly-member setter for the attributes below.
use crate::objects::exception_group::readonly;

/// Offset of the instance dict inside an `Obj<T>` whose payload has a `dict` field.
macro_rules! dict_offset {
    ($t:ty) => {
        std::mem::offset_of!(crate::objects::Obj<$t>, data) + std::mem::offset_of!($t, dict)
    };
}

// ---------------------------------------------------------------------------------------------
// TypeVar

/// Payload of a `TypeVar`.
pub struct TypeVar {
    name: Value,
    /// The bound once known (NULL: none, or not evaluated yet).
    bound: RefCell<Value>,
    /// Computes the bound lazily (`def f[T: int]`); NULL when none.
    evaluate_bound: Value,
    /// The constraints once known (NULL: none, or not evaluated yet).
    constraints: RefCell<Value>,
    evaluate_constraints: Value,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
    /// Instance attributes (`__module__`, anything a user sets).
    dict: UnsafeCell<Value>,
}

impl PyPayload for TypeVar {
    fn type_object() -> *const TypeObject {
        &TYPEVAR_TYPE
    }
}

fn tv(v: &Value) -> &TypeVar {
    v.downcast_ref::<TypeVar>()
        .expect("TypeVar method on another object")
}

#[allow(clippy::too_many_arguments)]
fn new_typevar(
    name: Value,
    bound: Value,
    evaluate_bound: Value,
    constraints: Value,
    evaluate_constraints: Value,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
) -> Value {
    alloc(
        &TYPEVAR_TYPE,
        TypeVar {
            name,
            bound: RefCell::new(bound),
            evaluate_bound,
            constraints: RefCell::new(constraints),
            evaluate_constraints,
            covariant,
            contravariant,
            infer_variance,
            dict: UnsafeCell::new(Value::NULL),
        },
    )
}

/// `TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False,
/// infer_variance=False)`.
fn typevar_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("typevar", args, kwnames);
    let name = name_arg(&mut p, "typevar")?;
    let mut constraints = Vec::new();
    while let Some(c) = p.optional_pos() {
        constraints.push(c);
    }
    let bound = p.kw_only("bound")?.unwrap_or(Value::NONE);
    let covariant = flag_arg(&mut p, "covariant")?;
    let contravariant = flag_arg(&mut p, "contravariant")?;
    let infer = flag_arg(&mut p, "infer_variance")?;
    p.finish()?;
    check_variance(covariant, contravariant, infer)?;
    let bound = if bound.is_none() {
        Value::NULL
    } else {
        type_check(&bound, "Bound must be a type.")?
    };
    let constraints = match constraints.len() {
        0 => Value::NULL,
        1 => return err(&TYPE_ERROR, "A single constraint is not allowed"),
        _ if !bound.is_null() => {
            return err(&TYPE_ERROR, "Constraints cannot be combined with bound=...")
        }
        _ => new_tuple(constraints),
    };
    let t = new_typevar(
        name,
        bound,
        Value::NULL,
        constraints,
        Value::NULL,
        covariant,
        contravariant,
        infer,
    );
    set_module(&t, caller_module())?;
    Ok(t)
}

fn typevar_bound(v: &Value) -> PyResult<Value> {
    let t = tv(v);
    let known = t.bound.borrow().clone();
    if !known.is_null() {
        return Ok(known);
    }
    if t.evaluate_bound.is_null() {
        return Ok(Value::NONE);
    }
    let b = call(&t.evaluate_bound, &[], &[])?;
    *t.bound.borrow_mut() = b.clone();
    Ok(b)
}

fn typevar_constraints(v: &Value) -> PyResult<Value> {
    let t = tv(v);
    let known = t.constraints.borrow().clone();
    if !known.is_null() {
        return Ok(known);
    }
    if t.evaluate_constraints.is_null() {
        return Ok(new_tuple(vec![]));
    }
    let c = call(&t.evaluate_constraints, &[], &[])?;
    *t.constraints.borrow_mut() = c.clone();
    Ok(c)
}

/// The `TypeVar` type.
pub static TYPEVAR_TYPE: TypeObject = TypeObject {
    name: "typing.TypeVar",
    layout: &TYPEVAR_TYPE,
    dealloc: dealloc_obj::<TypeVar>,
    dict_offset: dict_offset!(TypeVar),
    repr: Some(|v| {
        let t = tv(v);
        Ok(variance_repr(
            &t.name,
            t.covariant,
            t.contravariant,
            t.infer_variance,
        ))
    }),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    new: Some(typevar_new),
    nb: MAKE_UNION_NB,
    methods: &[
        MethodDef {
            name: "__typing_subst__",
            func: |v, args, _| {
                let arg = crate::builtins::args::exactly_one("__typing_subst__", args)?;
                call_typing("_typevar_subst", &[v.clone(), arg.clone()])
            },
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__reduce__",
            func: |v, _, _| Ok(tv(v).name.clone()),
            kind: MethodKind::Instance,
            doc: "",
        },
        no_subclass!("TypeVar"),
    ],
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| Ok(tv(v).name.clone()),
            set: Some(readonly),
        },
        GetSetDef {
            name: "__bound__",
            get: typevar_bound,
            set: None,
        },
        GetSetDef {
            name: "__constraints__",
            get: typevar_constraints,
            set: None,
        },
        GetSetDef {
            name: "__covariant__",
            get: |v| Ok(Value::bool(tv(v).covariant)),
            set: Some(readonly),
        },
        GetSetDef {
            name: "__contravariant__",
            get: |v| Ok(Value::bool(tv(v).contravariant)),
            set: Some(readonly),
        },
        GetSetDef {
            name: "__infer_variance__",
            get: |v| Ok(Value::bool(tv(v).infer_variance)),
            set: Some(readonly),
        },
    ],
    doc: "Type variable.",
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// ParamSpec, ParamSpecArgs, ParamSpecKwargs

/// Payload of a `ParamSpec`.
pub struct ParamSpec {
    name: Value,
    /// The bound (NULL: none).
    bound: Value,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
    dict: UnsafeCell<Value>,
}

impl PyPayload for ParamSpec {
    fn type_object() -> *const TypeObject {
        &PARAMSPEC_TYPE
    }
}

fn ps(v: &Value) -> &ParamSpec {
    v.downcast_ref::<ParamSpec>()
        .expect("ParamSpec method on another object")
}

fn new_paramspec(name: Value, bound: Value, co: bool, contra: bool, infer: bool) -> Value {
    alloc(
        &PARAMSPEC_TYPE,
        ParamSpec {
            name,
            bound,
            covariant: co,
            contravariant: contra,
            infer_variance: infer,
            dict: UnsafeCell::new(Value::NULL),
        },
    )
}

/// `ParamSpec(name, *, bound=None, covariant=False, contravariant=False,
/// infer_variance=False)`.
fn paramspec_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "paramspec() takes exactly 1 positional argument ({} given)",
                npos
            ),
        );
    }
    let mut p = ArgParser::new("paramspec", args, kwnames);
    let name = name_arg(&mut p, "paramspec")?;
    let bound = p.kw_only("bound")?.unwrap_or(Value::NONE);
    let covariant = flag_arg(&mut p, "covariant")?;
    let contravariant = flag_arg(&mut p, "contravariant")?;
    let infer = flag_arg(&mut p, "infer_variance")?;
    p.finish()?;
    check_variance(covariant, contravariant, infer)?;
    // As CPython 3.12, the bound goes through the type check even when it is None (so an
    // unbounded ParamSpec reports NoneType as its bound).
    let bound = type_check(&bound, "Bound must be a type.")?;
    let v = new_paramspec(name, bound, covariant, contravariant, infer);
    set_module(&v, caller_module())?;
    Ok(v)
}

/// The `ParamSpec` type.
pub static PARAMSPEC_TYPE: TypeObject = TypeObject {
    name: "typing.ParamSpec",
    layout: &PARAMSPEC_TYPE,
    dealloc: dealloc_obj::<ParamSpec>,
    dict_offset: dict_offset!(ParamSpec),
    repr: Some(|v| {
        let p = ps(v);
        Ok(variance_repr(
            &p.name,
            p.covariant,
            p.contravariant,
            p.infer_variance,
        ))
    }),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    new: Some(paramspec_new),
    nb: MAKE_UNION_NB,
    methods: &[
        MethodDef {
            name: "__typing_subst__",
            func: |v, args, _| {
                let arg = crate::builtins::args::exactly_one("__typing_subst__", args)?;
                call_typing("_paramspec_subst", &[v.clone(), arg.clone()])
            },
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__typing_prepare_subst__",
            func: |v, args, _| {
                let [alias, a] = args else {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "__typing_prepare_subst__ expected 2 arguments, got {}",
                            args.len()
                        ),
                    );
                };
                call_typing(
                    "_paramspec_prepare_subst",
                    &[v.clone(), alias.clone(), a.clone()],
                )
            },
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__reduce__",
            func: |v, _, _| Ok(ps(v).name.clone()),
            kind: MethodKind::Instance,
            doc: "",
        },
        no_subclass!("ParamSpec"),
    ],
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| Ok(ps(v).name.clone()),
            set: Some(readonly),
        },
        GetSetDef {
            name: "__bound__",
            get: |v| {
                let b = &ps(v).bound;
                Ok(if b.is_null() { Value::NONE } else { b.clone() })
            },
            set: Some(readonly),
        },
        GetSetDef {
            name: "__covariant__",
            get: |v| Ok(Value::bool(ps(v).covariant)),
            set: Some(readonly),
        },
        GetSetDef {
            name: "__contravariant__",
            get: |v| Ok(Value::bool(ps(v).contravariant)),
            set: Some(readonly),
        },
        GetSetDef {
            name: "__infer_variance__",
            get: |v| Ok(Value::bool(ps(v).infer_variance)),
            set: Some(readonly),
        },
        GetSetDef {
            name: "args",
            get: |v| {
                Ok(alloc(
                    &PARAMSPEC_ARGS_TYPE,
                    ParamSpecAttr { origin: v.clone() },
                ))
            },
            set: None,
        },
        GetSetDef {
            name: "kwargs",
            get: |v| {
                Ok(alloc(
                    &PARAMSPEC_KWARGS_TYPE,
                    ParamSpecAttr { origin: v.clone() },
                ))
            },
            set: None,
        },
    ],
    doc: "Parameter specification variable.",
    ..TypeObject::EMPTY
};

/// Payload of `P.args` and `P.kwargs`.
pub struct ParamSpecAttr {
    origin: Value,
}

fn psa(v: &Value) -> &ParamSpecAttr {
    // SAFETY: both attribute types carry a ParamSpecAttr payload; the slots below are only
    // installed on them.
    unsafe { v.payload_unchecked::<ParamSpecAttr>() }
}

fn psa_repr(v: &Value, what: &str) -> PyResult<Value> {
    let o = &psa(v).origin;
    let head = match o.downcast_ref::<ParamSpec>() {
        Some(p) => as_str(&p.name).map(|s| s.to_string()).unwrap_or_default(),
        None => repr_string(o)?,
    };
    Ok(from_string(format!("{}.{}", head, what)))
}

fn psa_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if !std::ptr::eq(a.ty(), b.ty()) || (op != CmpOp::Eq && op != CmpOp::Ne) {
        return Ok(crate::objects::none::not_implemented());
    }
    crate::ops::compare::rich_compare(&psa(a).origin, &psa(b).origin, op)
}

fn psa_new(
    ty: *const TypeObject,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<Value> {
    let mut p = ArgParser::new(name, args, kwnames);
    let origin = p.required("origin")?;
    p.finish()?;
    Ok(alloc(ty, ParamSpecAttr { origin }))
}

/// `typing.ParamSpecArgs`: the type of `P.args`.
pub static PARAMSPEC_ARGS_TYPE: TypeObject = TypeObject {
    name: "typing.ParamSpecArgs",
    layout: &PARAMSPEC_ARGS_TYPE,
    dealloc: dealloc_obj::<ParamSpecAttr>,
    repr: Some(|v| psa_repr(v, "args")),
    richcompare: Some(psa_richcompare),
    new: Some(|ty, a, k| psa_new(ty, a, k, "paramspecargs")),
    methods: &[no_subclass!("ParamSpecArgs")],
    getsets: &[GetSetDef {
        name: "__origin__",
        get: |v| Ok(psa(v).origin.clone()),
        set: Some(readonly),
    }],
    doc: "The args for a ParamSpec object.",
    ..TypeObject::EMPTY
};

/// `typing.ParamSpecKwargs`: the type of `P.kwargs`.
pub static PARAMSPEC_KWARGS_TYPE: TypeObject = TypeObject {
    name: "typing.ParamSpecKwargs",
    layout: &PARAMSPEC_KWARGS_TYPE,
    dealloc: dealloc_obj::<ParamSpecAttr>,
    repr: Some(|v| psa_repr(v, "kwargs")),
    richcompare: Some(psa_richcompare),
    new: Some(|ty, a, k| psa_new(ty, a, k, "paramspeckwargs")),
    methods: &[no_subclass!("ParamSpecKwargs")],
    getsets: &[GetSetDef {
        name: "__origin__",
        get: |v| Ok(psa(v).origin.clone()),
        set: Some(readonly),
    }],
    doc: "The kwargs for a ParamSpec object.",
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// TypeVarTuple

/// Payload of a `TypeVarTuple`.
pub struct TypeVarTuple {
    name: Value,
    dict: UnsafeCell<Value>,
}

impl PyPayload for TypeVarTuple {
    fn type_object() -> *const TypeObject {
        &TYPEVARTUPLE_TYPE
    }
}

fn tvt(v: &Value) -> &TypeVarTuple {
    v.downcast_ref::<TypeVarTuple>()
        .expect("TypeVarTuple method on another object")
}

fn new_typevartuple(name: Value) -> Value {
    alloc(
        &TYPEVARTUPLE_TYPE,
        TypeVarTuple {
            name,
            dict: UnsafeCell::new(Value::NULL),
        },
    )
}

/// `typing.Unpack[v]`.
fn unpack(v: &Value) -> PyResult<Value> {
    let typing = crate::vm::import::import_module("typing")?;
    let u = getattr_str(&typing, "Unpack")?;
    crate::ops::sequence::getitem(&u, v)
}

/// The type parameters with each TypeVarTuple replaced by `Unpack[...]` of it.
fn unpack_typevartuples(params: &Value) -> PyResult<Value> {
    let items = try_tuple_items(params).unwrap_or(&[]);
    if !items
        .iter()
        .any(|p| p.downcast_exact::<TypeVarTuple>().is_some())
    {
        return Ok(params.clone());
    }
    let mut out = Vec::with_capacity(items.len());
    for p in items {
        out.push(if p.downcast_exact::<TypeVarTuple>().is_some() {
            unpack(p)?
        } else {
            p.clone()
        });
    }
    Ok(new_tuple(out))
}

/// The `TypeVarTuple` type.
pub static TYPEVARTUPLE_TYPE: TypeObject = TypeObject {
    name: "typing.TypeVarTuple",
    layout: &TYPEVARTUPLE_TYPE,
    dealloc: dealloc_obj::<TypeVarTuple>,
    dict_offset: dict_offset!(TypeVarTuple),
    repr: Some(|v| Ok(tvt(v).name.clone())),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    // `*Ts` is `Unpack[Ts]`.
    iter: Some(|v| crate::ops::sequence::iter(&new_tuple(vec![unpack(v)?]))),
    new: Some(|_, args, kwnames| {
        if args.len() > 1 {
            return err(
                &TYPE_ERROR,
                format!(
                    "typevartuple() takes at most 1 argument ({} given)",
                    args.len()
                ),
            );
        }
        let mut p = ArgParser::new("typevartuple", args, kwnames);
        let name = name_arg(&mut p, "typevartuple")?;
        p.finish()?;
        let v = new_typevartuple(name);
        set_module(&v, caller_module())?;
        Ok(v)
    }),
    methods: &[
        MethodDef {
            name: "__typing_subst__",
            func: |_, args, _| {
                crate::builtins::args::exactly_one("__typing_subst__", args)?;
                err(
                    &TYPE_ERROR,
                    "Substitution of bare TypeVarTuple is not supported",
                )
            },
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__typing_prepare_subst__",
            func: |v, args, _| {
                let [alias, a] = args else {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "__typing_prepare_subst__ expected 2 arguments, got {}",
                            args.len()
                        ),
                    );
                };
                call_typing(
                    "_typevartuple_prepare_subst",
                    &[v.clone(), alias.clone(), a.clone()],
                )
            },
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__reduce__",
            func: |v, _, _| Ok(tvt(v).name.clone()),
            kind: MethodKind::Instance,
            doc: "",
        },
        no_subclass!("TypeVarTuple"),
    ],
    getsets: &[GetSetDef {
        name: "__name__",
        get: |v| Ok(tvt(v).name.clone()),
        set: Some(readonly),
    }],
    doc: "Type variable tuple.",
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// TypeAliasType

/// Payload of a `TypeAliasType` (`type A = ...`).
pub struct TypeAlias {
    name: Value,
    /// The type parameters (NULL: not generic).
    type_params: Value,
    /// Computes the value lazily (the `type` statement); NULL when the value was given.
    compute_value: Value,
    value: RefCell<Value>,
    /// The defining module (NULL: the compute function's).
    module: Value,
}

impl PyPayload for TypeAlias {
    fn type_object() -> *const TypeObject {
        &TYPEALIAS_TYPE
    }
}

fn ta(v: &Value) -> &TypeAlias {
    v.downcast_ref::<TypeAlias>()
        .expect("TypeAliasType method on another object")
}

fn typealias_value(v: &Value) -> PyResult<Value> {
    let t = ta(v);
    let known = t.value.borrow().clone();
    if !known.is_null() {
        return Ok(known);
    }
    let r = call(&t.compute_value, &[], &[])?;
    *t.value.borrow_mut() = r.clone();
    Ok(r)
}

/// `TypeAliasType(name, value, *, type_params=())`.
fn typealias_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("typealias", args, kwnames);
    let name = name_arg(&mut p, "typealias")?;
    let value = p.required("value")?;
    let type_params = p.kw_only("type_params")?;
    p.finish()?;
    let type_params = match type_params {
        None => Value::NULL,
        Some(tp) => match try_tuple_items(&tp) {
            Some([]) => Value::NULL,
            Some(_) => tp,
            None => return err(&TYPE_ERROR, "type_params must be a tuple"),
        },
    };
    Ok(alloc(
        &TYPEALIAS_TYPE,
        TypeAlias {
            name,
            type_params,
            compute_value: Value::NULL,
            value: RefCell::new(value),
            module: caller_module(),
        },
    ))
}

/// The `TypeAliasType` type.
pub static TYPEALIAS_TYPE: TypeObject = TypeObject {
    name: "typing.TypeAliasType",
    layout: &TYPEALIAS_TYPE,
    dealloc: dealloc_obj::<TypeAlias>,
    repr: Some(|v| Ok(ta(v).name.clone())),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    getitem: Some(|v, k| {
        if ta(v).type_params.is_null() {
            return err(&TYPE_ERROR, "Only generic type aliases are subscriptable");
        }
        Ok(crate::objects::generic_alias::new_generic_alias(
            v.clone(),
            k.clone(),
        ))
    }),
    new: Some(typealias_new),
    nb: crate::objects::generic_alias::UNION_NB,
    methods: &[MethodDef {
        name: "__reduce__",
        func: |v, _, _| Ok(ta(v).name.clone()),
        kind: MethodKind::Instance,
        doc: "",
    }],
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| Ok(ta(v).name.clone()),
            set: Some(readonly),
        },
        GetSetDef {
            name: "__value__",
            get: typealias_value,
            set: None,
        },
        GetSetDef {
            name: "__type_params__",
            get: |v| {
                let t = &ta(v).type_params;
                Ok(if t.is_null() {
                    new_tuple(vec![])
                } else {
                    t.clone()
                })
            },
            set: None,
        },
        GetSetDef {
            name: "__parameters__",
            get: |v| {
                let t = &ta(v).type_params;
                if t.is_null() {
                    return Ok(new_tuple(vec![]));
                }
                unpack_typevartuples(t)
            },
            set: None,
        },
        GetSetDef {
            name: "__module__",
            get: |v| {
                let t = ta(v);
                if !t.module.is_null() {
                    return Ok(t.module.clone());
                }
                if !t.compute_value.is_null() {
                    if let Some(m) =
                        crate::objects::generic_alias::lookup_attr(&t.compute_value, "__module__")?
                    {
                        return Ok(m);
                    }
                }
                Ok(Value::NONE)
            },
            set: None,
        },
    ],
    doc: "Type alias.",
    ..TypeObject::EMPTY
};

/// Whether `v` is a `TypeAliasType` (which `|` accepts into a `types.UnionType`).
pub fn is_typealias(v: &Value) -> bool {
    v.downcast_ref::<TypeAlias>().is_some()
}

// ---------------------------------------------------------------------------------------------
// Generic

/// Calls `typing.<name>(cls, *args, **kwargs)` (Generic's class methods).
fn call_typing_cls(name: &str, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let typing = crate::vm::import::import_module("typing")?;
    let f = getattr_str(&typing, name)?;
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(cls.clone());
    all.extend_from_slice(args);
    call(&f, &all, kwnames)
}

/// `typing.Generic`: the base of user generic classes. Instances are plain objects.
pub static GENERIC_TYPE: TypeObject = TypeObject {
    name: "typing.Generic",
    layout: &crate::objects::object::OBJECT_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<crate::objects::object::Bare>,
    new: Some(|ty, _, _| {
        // SAFETY: type pointers point at immortal types.
        Ok(crate::objects::object::new_bare(unsafe { &*ty }))
    }),
    methods: &[
        MethodDef {
            name: "__class_getitem__",
            func: |cls, args, kw| call_typing_cls("_generic_class_getitem", cls, args, kw),
            kind: MethodKind::Class,
            doc: "Parameterizes a generic class.",
        },
        MethodDef {
            name: "__init_subclass__",
            func: |cls, args, kw| call_typing_cls("_generic_init_subclass", cls, args, kw),
            kind: MethodKind::Class,
            doc: "Function to initialize subclasses.",
        },
    ],
    doc: "Abstract base class for generic types.",
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// The module and the PEP 695 intrinsics

/// `_typing._idfunc(x)`: returns `x` (NewType's `__call__`).
fn idfunc(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(crate::builtins::args::exactly_one("_idfunc", args)?.clone())
}

/// The types of this module, for readying.
pub fn types() -> [&'static TypeObject; 7] {
    [
        &TYPEVAR_TYPE,
        &PARAMSPEC_TYPE,
        &PARAMSPEC_ARGS_TYPE,
        &PARAMSPEC_KWARGS_TYPE,
        &TYPEVARTUPLE_TYPE,
        &TYPEALIAS_TYPE,
        &GENERIC_TYPE,
    ]
}

/// Creates the `_typing` module.
pub fn create() -> Value {
    let m = new_module("_typing");
    let md = m.downcast_ref::<crate::objects::module::Module>().unwrap();
    for t in types() {
        let short = t.name.trim_start_matches("typing.");
        // The types live in `typing` (their names say so, as CPython's `tp_name`); typing's
        // reprs show `module.qualname`. (TypeAliasType instances have their own `__module__`.)
        if let Some(d) = t.dict().downcast_ref::<crate::objects::dict::Dict>() {
            if !std::ptr::eq(t, &TYPEALIAS_TYPE) {
                let _ = d.set_item(new_str("__module__"), new_str("typing"));
            }
        }
        md.set(short, t.to_value());
    }
    crate::modules::add_functions(&m, &[("_idfunc", idfunc)]);
    m
}

/// `CALL_INTRINSIC_1` operands 7 to 11: the PEP 695 type parameters (`INTRINSIC_TYPEVAR`,
/// `INTRINSIC_PARAMSPEC`, `INTRINSIC_TYPEVARTUPLE`), `INTRINSIC_SUBSCRIPT_GENERIC` (the
/// implicit `Generic[*params]` base) and `INTRINSIC_TYPEALIAS` (the `type` statement).
/// Kept out of line: it is reached from the eval loop, whose hot paths must not pay for it.
#[cold]
#[inline(never)]
pub fn call_intrinsic_1(oparg: u32, v: Value) -> PyResult<Value> {
    match oparg {
        7 => Ok(new_typevar(
            v,
            Value::NULL,
            Value::NULL,
            Value::NULL,
            Value::NULL,
            false,
            false,
            true,
        )),
        8 => Ok(new_paramspec(v, Value::NULL, false, false, true)),
        9 => Ok(new_typevartuple(v)),
        10 => {
            let params = unpack_typevartuples(&v)?;
            call_typing("_GenericAlias", &[GENERIC_TYPE.to_value(), params])
        }
        11 => {
            let items = try_tuple_items(&v).unwrap_or(&[]);
            let [name, type_params, compute] = items else {
                return err(
                    &crate::objects::exception::SYSTEM_ERROR,
                    "INTRINSIC_TYPEALIAS expects (name, type_params, compute_value)",
                );
            };
            let type_params = match try_tuple_items(type_params) {
                Some(t) if !t.is_empty() => type_params.clone(),
                _ => Value::NULL,
            };
            Ok(alloc(
                &TYPEALIAS_TYPE,
                TypeAlias {
                    name: name.clone(),
                    type_params,
                    compute_value: compute.clone(),
                    value: RefCell::new(Value::NULL),
                    module: Value::NULL,
                },
            ))
        }
        _ => err(
            &crate::objects::exception::SYSTEM_ERROR,
            format!("intrinsic {} is not supported yet", oparg),
        ),
    }
}

/// `CALL_INTRINSIC_2` operands 2 to 4: `INTRINSIC_TYPEVAR_WITH_BOUND(name, evaluate_bound)`,
/// `INTRINSIC_TYPEVAR_WITH_CONSTRAINTS(name, evaluate_constraints)` (evaluated lazily) and
/// `INTRINSIC_SET_FUNCTION_TYPE_PARAMS(func, params)`.
/// Kept out of line, as [`call_intrinsic_1`].
#[cold]
#[inline(never)]
pub fn call_intrinsic_2(oparg: u32, a: Value, b: Value) -> PyResult<Value> {
    match oparg {
        2 => Ok(new_typevar(
            a,
            Value::NULL,
            b,
            Value::NULL,
            Value::NULL,
            false,
            false,
            true,
        )),
        3 => Ok(new_typevar(
            a,
            Value::NULL,
            Value::NULL,
            Value::NULL,
            b,
            false,
            false,
            true,
        )),
        4 => {
            crate::ops::object::setattr(&a, &new_str("__type_params__"), Some(b))?;
            Ok(a)
        }
        _ => err(
            &crate::objects::exception::SYSTEM_ERROR,
            format!("intrinsic2 {} is not supported yet", oparg),
        ),
    }
}
