//! `type`: the type of types. Calling a type constructs an instance; attribute lookup on a type
//! walks its MRO. [`ready_builtin`] fills a built-in type's MRO and dict at start-up.

use crate::abi::Value;
use crate::objects::builtin_function::{new_getset_descr, new_method_descr};
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::{from_string, new_str};
use crate::objects::{flags, PyResult, TypeObject};
use crate::ops::object::{as_type, bind_descriptor, qualified_type_name};

/// The `type` type.
pub static TYPE_TYPE: TypeObject = TypeObject {
    name: "type",
    layout: &TYPE_TYPE,
    // Types are immortal: their weak references never die, so no dealloc hook is needed.
    flags: flags::BASETYPE | flags::WEAKREFABLE,
    repr: Some(type_repr),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    call: Some(type_call),
    getattr: Some(type_getattr),
    setattr: Some(crate::objects::class_::type_setattr),
    new: Some(type_new_slot),
    richcompare: Some(|a, b, op| match op {
        crate::objects::CmpOp::Eq => Ok(Value::bool(a.is(b))),
        crate::objects::CmpOp::Ne => Ok(Value::bool(!a.is(b))),
        _ => Ok(crate::objects::none::not_implemented()),
    }),
    // `int | str`
    nb: crate::objects::generic_alias::UNION_NB,
    getsets: TYPE_GETSETS,
    methods: TYPE_METHODS,
    ..TypeObject::EMPTY
};

/// Whether type `a` is `b` or a subtype of it.
// Type pointers always point at immortal types.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn is_subtype_ptr(a: *const TypeObject, b: *const TypeObject) -> bool {
    // SAFETY: types are immortal.
    unsafe { (*a).is_subtype(b) }
}

/// Builds the MRO (single inheritance chain) and the dict of a built-in type.
pub fn ready_builtin(t: &'static TypeObject) {
    let mut mro = vec![t as *const TypeObject];
    let mut b = t.base;
    while !b.is_null() {
        mro.push(b);
        // SAFETY: base chains point at immortal types.
        b = unsafe { (*b).base };
    }
    if let Some(m) = crate::objects::exception_group::builtin_mro(t) {
        mro = m;
    }
    // SAFETY: start-up, single-threaded; nothing borrows the MRO yet.
    unsafe { *t.mro.get() = std::mem::ManuallyDrop::new(mro) };
    // A unique version, so caches can key on built-in types like on classes.
    t.version.set(crate::objects::class_::next_type_version());
    let d = new_dict();
    let dd = d.downcast_ref::<Dict>().unwrap();
    for m in t.methods {
        let _ = dd.set_item(new_str(m.name), new_method_descr(t, m));
    }
    for (name, w) in crate::objects::builtin_function::slot_wrappers(t) {
        // A method the type defines itself (e.g. `generator.__next__`) wins over the wrapper.
        if dd.get_str(&new_str(name)).is_none() {
            let _ = dd.set_item(new_str(name), w);
        }
    }
    // A type constructible from Python gets `T.__new__(S, ...)` (for `super().__new__(cls, v)`
    // in subclasses), unless it defines its own.
    if t.new.is_some() && dd.get_str(&new_str("__new__")).is_none() {
        let f = crate::objects::builtin_function::new_bound_builtin(
            "__new__",
            tp_new_wrapper,
            t.to_value(),
        );
        let _ = dd.set_item(new_str("__new__"), f);
    }
    for name in crate::objects::exception::member_defaults(t) {
        let _ = dd.set_item(new_str(name), Value::NONE);
    }
    for g in t.getsets {
        let _ = dd.set_item(new_str(g.name), new_getset_descr(t, g));
    }
    // Types that compare but do not hash are unhashable: `__hash__ = None` says so (as in
    // CPython, and `collections.abc.Hashable` looks for it).
    if t.hash.is_none() && t.richcompare.is_some() && dd.get_str(&new_str("__hash__")).is_none() {
        let _ = dd.set_item(new_str("__hash__"), Value::NONE);
    }
    if !t.doc.is_empty() {
        let _ = dd.set_item(new_str("__doc__"), new_str(t.doc));
    }
    // A type of a native module (`re.Pattern`, `itertools.count`) carries its module in its
    // dict, so instances see `__module__` too (as CPython's PyType_Ready does for dotted
    // tp_names).
    if let Some((module, _)) = t.name.rsplit_once('.') {
        if dd.get_str(&new_str("__module__")).is_none() {
            let _ = dd.set_item(new_str("__module__"), new_str(module));
        }
    }
    // SAFETY: start-up, single-threaded.
    unsafe { *t.dict.get() = std::mem::ManuallyDrop::new(d) };
}

/// `T.__new__(S, *args, **kw)` of a built-in type `T` (bound to `this`): checks that `S` is a
/// subtype of `T` whose instances `T`'s constructor can build, then runs it for `S`.
fn tp_new_wrapper(this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = as_type(this).unwrap();
    let npos = args.len() - kwnames.len();
    if npos == 0 {
        return err(
            &TYPE_ERROR,
            format!("{}.__new__(): not enough arguments", t.name),
        );
    }
    let Some(sub) = as_type(&args[0]) else {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.__new__(X): X is not a type object ({})",
                t.name,
                args[0].type_name()
            ),
        );
    };
    if !sub.is_subtype(t) {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.__new__({}): {} is not a subtype of {}",
                t.name, sub.name, sub.name, t.name
            ),
        );
    }
    // The nearest built-in type of `sub` must share `T`'s constructor.
    let mut base: *const TypeObject = sub;
    // SAFETY: base chains point at immortal types.
    while !base.is_null() && unsafe { (*base).flags } & flags::HEAPTYPE != 0 {
        base = unsafe { (*base).base };
    }
    // SAFETY: as above.
    let base = unsafe { &*base };
    if base.new.map(|f| f as usize) != t.new.map(|f| f as usize) {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.__new__({}) is not safe, use {}.__new__()",
                t.name, sub.name, base.name
            ),
        );
    }
    (t.new.unwrap())(sub, &args[1..], kwnames)
}

/// `type(x)` and `type(name, bases, ns)` (also `type.__new__(meta, name, bases, ns)`).
fn type_new_slot(meta: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    match npos {
        1 if std::ptr::eq(meta, &TYPE_TYPE) => Ok(args[0].ty().to_value()),
        3 => {
            // As CPython's type_new: the most derived metaclass of the bases builds the class,
            // through its own `__new__` when it has one (`type(name, (SomeEnum,), ns, **kw)`).
            let winner = most_derived_metaclass(meta, &args[1])?;
            if !std::ptr::eq(winner, meta) {
                if let Some(new) = winner.lookup_str("__new__") {
                    let type_new = TYPE_TYPE.lookup_str("__new__");
                    if !type_new.is_some_and(|t| t.is(&new)) {
                        let f = bind_descriptor(new, None, winner)?;
                        let mut all = Vec::with_capacity(args.len() + 1);
                        all.push(winner.to_value());
                        all.extend_from_slice(args);
                        return crate::vm::call::call(&f, &all, kwnames);
                    }
                }
            }
            crate::objects::class_::type_new(
                winner,
                &args[0],
                &args[1],
                &args[2],
                &args[3..],
                kwnames,
            )
        }
        _ => err(&TYPE_ERROR, "type() takes 1 or 3 arguments"),
    }
}

/// The metaclass of a class with these bases: the most derived of `meta` and the bases'
/// metaclasses ("metaclass conflict" when they are not in one line).
fn most_derived_metaclass(meta: *const TypeObject, bases: &Value) -> PyResult<&'static TypeObject> {
    // SAFETY: type pointers point at immortal types.
    let mut winner: &'static TypeObject = unsafe { &*meta };
    for b in crate::objects::tuple::try_tuple_items(bases).unwrap_or(&[]) {
        let bt = b.ty();
        if winner.is_subtype(bt) {
            continue;
        }
        if bt.is_subtype(winner) {
            winner = bt;
            continue;
        }
        return err(
            &TYPE_ERROR,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        );
    }
    Ok(winner)
}

/// The entry `key` of the type's own dict, unless it is `type`'s own descriptor for that
/// attribute (`type.__dict__['__qualname__']`).
fn type_dict_str(t: &TypeObject, key: &str) -> Option<Value> {
    t.dict()
        .downcast_ref::<Dict>()
        .and_then(|d| d.get_str(&new_str(key)))
        .filter(|v| {
            v.downcast_ref::<crate::objects::builtin_function::GetSetDescr>()
                .is_none()
        })
}

fn type_repr(v: &Value) -> PyResult<Value> {
    let t = as_type(v).unwrap();
    Ok(from_string(format!("<class '{}'>", qualified_type_name(t))))
}

fn type_call(callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = as_type(callable).unwrap();
    if std::ptr::eq(t, &TYPE_TYPE) && args.len() == 1 && kwnames.is_empty() {
        return Ok(args[0].ty().to_value());
    }
    if t.flags & flags::HEAPTYPE != 0 {
        return crate::objects::class_::call_class(t, args, kwnames);
    }
    // Only a constructor of the type's own layout may build its instances: a base's
    // constructor would allocate the wrong payload.
    match t.new {
        Some(new) => new(t, args, kwnames),
        None => err(&TYPE_ERROR, format!("cannot create '{}' instances", t.name)),
    }
}

/// Attribute lookup on a type object: the metatype's data descriptors, then the MRO (binding
/// descriptors with no instance), then the metatype's other attributes.
fn type_getattr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let t = as_type(v).unwrap();
    let meta = v.ty();
    let meta_attr = meta.lookup(name);
    if let Some(a) = &meta_attr {
        if a.downcast_ref::<crate::objects::builtin_function::GetSetDescr>()
            .is_some()
        {
            return bind_descriptor(a.clone(), Some(v), meta).map(Some);
        }
    }
    if let Some(a) = t.lookup(name) {
        return bind_descriptor(a, None, t).map(Some);
    }
    match meta_attr {
        Some(a) => bind_descriptor(a, Some(v), meta).map(Some),
        None => Ok(None),
    }
}

/// A type's `__name__`: built-in types of native modules are named `module.name` (CPython's
/// `tp_name`, which reprs and error messages show); their `__name__` is the last part.
pub fn short_name(t: &TypeObject) -> &str {
    if t.flags & flags::HEAPTYPE != 0 {
        return t.name;
    }
    t.name.rsplit_once('.').map_or(t.name, |(_, n)| n)
}

/// A type's `__qualname__`: what the class statement (or a store) gave a class, the short
/// name of a built-in type.
pub fn qualname(t: &TypeObject) -> Value {
    // SAFETY: single-threaded; the field is replaced only by `set_qualname`, not while read.
    let q = unsafe { &*t.qualname.get() };
    if q.is_null() {
        new_str(short_name(t))
    } else {
        (**q).clone()
    }
}

/// `C.__qualname__ = s` (classes only: `type_setattr` refuses built-in types first).
fn set_qualname(v: &Value, x: Option<Value>) -> PyResult<()> {
    let t = this(v);
    let Some(x) = x else {
        return err(
            &TYPE_ERROR,
            format!(
                "cannot delete '__qualname__' attribute of immutable type '{}'",
                t.name
            ),
        );
    };
    if crate::objects::str::as_str(&x).is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "can only assign string to {}.__qualname__, not '{}'",
                t.name,
                x.type_name()
            ),
        );
    }
    // SAFETY: single-threaded; no reference into the field is held across this store.
    let old = unsafe { std::mem::replace(&mut *t.qualname.get(), std::mem::ManuallyDrop::new(x)) };
    drop(std::mem::ManuallyDrop::into_inner(old));
    Ok(())
}

fn this(v: &Value) -> &'static TypeObject {
    as_type(v).unwrap()
}

static TYPE_GETSETS: &[crate::objects::GetSetDef] = &[
    crate::objects::GetSetDef {
        name: "__name__",
        get: |v| Ok(new_str(short_name(this(v)))),
        set: Some(set_name),
    },
    crate::objects::GetSetDef {
        name: "__qualname__",
        get: |v| Ok(qualname(this(v))),
        set: Some(set_qualname),
    },
    crate::objects::GetSetDef {
        name: "__doc__",
        get: |v| Ok(type_dict_str(this(v), "__doc__").unwrap_or(Value::NONE)),
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__mro__",
        get: |v| {
            let items = this(v)
                .mro()
                .iter()
                .map(|&t| unsafe { (*t).to_value() })
                .collect();
            Ok(crate::objects::tuple::new_tuple(items))
        },
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__base__",
        get: |v| {
            let b = this(v).base;
            // SAFETY: base pointers are immortal types.
            Ok(if b.is_null() {
                Value::NONE
            } else {
                unsafe { (*b).to_value() }
            })
        },
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__bases__",
        get: |v| Ok(crate::objects::class_::bases_of(this(v))),
        set: Some(crate::objects::class_::set_bases),
    },
    crate::objects::GetSetDef {
        name: "__dict__",
        get: |v| Ok(this(v).dict().clone()),
        set: None,
    },
    crate::objects::GetSetDef {
        name: "__module__",
        get: |v| {
            let t = this(v);
            Ok(type_dict_str(t, "__module__").unwrap_or_else(|| new_str(builtin_module_name(t))))
        },
        set: None,
    },
];

/// The `__module__` of a built-in type: the part of a dotted name before the last dot.
fn builtin_module_name(t: &TypeObject) -> &'static str {
    if t.flags & flags::HEAPTYPE != 0 {
        return "builtins";
    }
    t.name.rsplit_once('.').map_or("builtins", |(m, _)| m)
}

/// `C.__name__ = "name"` (classes only; built-in types are rejected before this).
fn set_name(v: &Value, x: Option<Value>) -> PyResult<()> {
    let t = this(v);
    let Some(x) = x else {
        return err(
            &TYPE_ERROR,
            format!(
                "cannot delete '__name__' attribute of immutable type '{}'",
                t.name
            ),
        );
    };
    let Some(s) = crate::objects::str::as_str(&x) else {
        return err(
            &TYPE_ERROR,
            format!(
                "can only assign string to {}.__name__, not '{}'",
                t.name,
                x.type_name()
            ),
        );
    };
    if s.contains('\0') {
        return err(
            &crate::objects::exception::VALUE_ERROR,
            "type name must not contain null characters",
        );
    }
    let name: &'static str = Box::leak(s.to_string().into_boxed_str());
    // SAFETY: `v` is a class (heap types only reach here through `type_setattr`), allocated by
    // `type_new` and never freed; the name field is plain data no Rust reference is held to.
    unsafe { (*(v.obj_ptr() as *mut TypeObject)).name = name };
    Ok(())
}

/// `type.__new__` as a method (so metaclasses can call `super().__new__(mcs, ...)`).
fn m_type_new(_this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(meta) = args.first().and_then(as_type) else {
        return err(&TYPE_ERROR, "type.__new__(X): X is not a type object");
    };
    type_new_slot(meta, &args[1..], kwnames)
}

fn m_type_init(_this: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn m_mro(this_: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // SAFETY: MRO entries are live types.
    let items = this(this_)
        .mro()
        .iter()
        .map(|&t| unsafe { (*t).to_value() })
        .collect();
    Ok(crate::objects::list::new_list(items))
}

fn m_subclasscheck(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let sub = crate::builtins::args::exactly_one("__subclasscheck__", args)?;
    Ok(Value::bool(
        as_type(sub).is_some_and(|s| s.is_subtype(this(this_))),
    ))
}

fn m_instancecheck(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let inst = crate::builtins::args::exactly_one("__instancecheck__", args)?;
    Ok(Value::bool(inst.ty().is_subtype(this(this_))))
}

/// The attribute name argument of `type.__setattr__`/`__delattr__`/`__getattribute__`.
fn attr_name_arg(args: &[Value], n: usize) -> PyResult<&Value> {
    if args.len() != n {
        return err(
            &TYPE_ERROR,
            format!("expected {} arguments, got {}", n, args.len()),
        );
    }
    if crate::objects::str::as_str(&args[0]).is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "attribute name must be string, not '{}'",
                args[0].type_name()
            ),
        );
    }
    Ok(&args[0])
}

/// `type.__setattr__(cls, name, value)` (reached by `super().__setattr__` in metaclasses).
fn m_type_setattr(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = attr_name_arg(args, 2)?;
    crate::objects::class_::type_setattr(this_, name, Some(args[1].clone())).map(|_| Value::NONE)
}

/// `type.__delattr__(cls, name)`.
fn m_type_delattr(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = attr_name_arg(args, 1)?;
    crate::objects::class_::type_setattr(this_, name, None).map(|_| Value::NONE)
}

/// `type.__getattribute__(cls, name)`.
fn m_type_getattribute(this_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = attr_name_arg(args, 1)?;
    match type_getattr(this_, name)? {
        Some(v) => Ok(v),
        None => Err(crate::ops::object::attribute_error(this_, name)),
    }
}

/// Methods of `type`.
pub static TYPE_METHODS: &[crate::objects::MethodDef] = &[
    crate::objects::MethodDef {
        name: "__setattr__",
        func: m_type_setattr,
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__delattr__",
        func: m_type_delattr,
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__getattribute__",
        func: m_type_getattribute,
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__new__",
        func: m_type_new,
        kind: crate::objects::MethodKind::Static,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__init__",
        func: m_type_init,
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__subclasses__",
        func: |this_, _args, _kw| {
            Ok(crate::objects::list::new_list(
                crate::objects::class_::subclasses(this(this_)),
            ))
        },
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "mro",
        func: m_mro,
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__subclasscheck__",
        func: m_subclasscheck,
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
    crate::objects::MethodDef {
        name: "__instancecheck__",
        func: m_instancecheck,
        kind: crate::objects::MethodKind::Instance,
        doc: "",
    },
];
