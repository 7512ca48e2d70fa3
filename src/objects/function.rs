//! `function` (a Python function: code + globals + defaults + closure) and `method` (a function
//! bound to an instance).

use std::cell::UnsafeCell;
use std::mem::offset_of;

use crate::abi::Value;
use crate::objects::str::{as_str, from_string};
use crate::objects::{
    alloc, dealloc_weakrefable, flags, GetSetDef, Obj, PyPayload, PyResult, TypeObject,
};

/// Payload of a Python function. `#[repr(C)]`: compiled calls read `code`, `globals` and
/// `builtins` at the offsets `abi::function_offsets` gives (checked below).
#[repr(C)]
pub struct Function {
    /// The code object (replaced only by the `__code__` setter; see [`Function::code_value`]).
    code: UnsafeCell<Value>,
    /// The module globals dict.
    pub globals: Value,
    /// The builtins dict used for name lookups.
    pub builtins: Value,
    pub name: UnsafeCell<Value>,
    pub qualname: UnsafeCell<Value>,
    /// Positional defaults (a tuple) or NULL.
    pub defaults: UnsafeCell<Value>,
    /// Keyword-only defaults (a dict) or NULL.
    pub kwdefaults: UnsafeCell<Value>,
    /// Tuple of cells for free variables, or NULL.
    pub closure: Value,
    pub doc: UnsafeCell<Value>,
    pub module: UnsafeCell<Value>,
    pub annotations: UnsafeCell<Value>,
    /// `__dict__` for function attributes (NULL until used).
    pub dict: UnsafeCell<Value>,
}

const _: () = {
    use crate::abi::function_offsets as o;
    let data = offset_of!(Obj<Function>, data);
    assert!(data + offset_of!(Function, code) == o::CODE);
    assert!(data + offset_of!(Function, globals) == o::GLOBALS);
    assert!(data + offset_of!(Function, builtins) == o::BUILTINS);
    // Code and dict payloads follow the header (`abi::payload_of`).
    assert!(offset_of!(Obj<crate::objects::code::Code>, data) == 16);
    assert!(offset_of!(Obj<crate::objects::dict::Dict>, data) == 16);
};

impl PyPayload for Function {
    fn type_object() -> *const TypeObject {
        &FUNCTION_TYPE
    }
}

impl Function {
    /// The code payload.
    #[inline(always)]
    pub fn code(&self) -> &crate::objects::code::Code {
        // SAFETY: `code` is always a code object, and a replaced one is kept alive forever
        // (see `set_code`), so the reference stays valid even across a `__code__` store.
        unsafe { (*self.code.get()).payload_unchecked() }
    }
    /// The code object (`__code__`).
    pub fn code_value(&self) -> Value {
        // SAFETY: single-threaded; the value is cloned out at once.
        unsafe { (*self.code.get()).clone() }
    }
    /// Positional defaults tuple (NULL when none).
    pub fn defaults(&self) -> &Value {
        // SAFETY: single-threaded; replaced only through the `__defaults__` setter.
        unsafe { &*self.defaults.get() }
    }
    /// Keyword-only defaults dict (NULL when none).
    pub fn kwdefaults(&self) -> &Value {
        // SAFETY: as above.
        unsafe { &*self.kwdefaults.get() }
    }
    /// `__name__`.
    pub fn name(&self) -> Value {
        // SAFETY: as above.
        unsafe { (*self.name.get()).clone() }
    }
    /// `__qualname__`.
    pub fn qualname(&self) -> Value {
        // SAFETY: as above.
        unsafe { (*self.qualname.get()).clone() }
    }
}

/// A new function from `MAKE_FUNCTION`.
pub fn new_function(code: Value, globals: Value, builtins: Value) -> Value {
    new_closure(code, globals, builtins, Value::NULL)
}

/// As [`new_function`], with `closure` (a tuple of cells for the code's free variables, or
/// NULL).
pub fn new_closure(code: Value, globals: Value, builtins: Value, closure: Value) -> Value {
    // SAFETY: callers pass a code object.
    let c: &crate::objects::code::Code = unsafe { code.payload_unchecked() };
    let doc = match c.consts.first() {
        Some(d) if as_str(d).is_some() && c.flags & 0x4000_0000 == 0 => d.clone(),
        _ => Value::NONE,
    };
    let module = globals
        .downcast_ref::<crate::objects::dict::Dict>()
        .and_then(|d| d.get_str(&crate::objects::str::new_str("__name__")))
        .unwrap_or(Value::NONE);
    alloc(
        &FUNCTION_TYPE,
        Function {
            name: UnsafeCell::new(c.name.clone()),
            qualname: UnsafeCell::new(c.qualname.clone()),
            code: UnsafeCell::new(code),
            globals,
            builtins,
            defaults: UnsafeCell::new(Value::NULL),
            kwdefaults: UnsafeCell::new(Value::NULL),
            closure,
            doc: UnsafeCell::new(doc),
            module: UnsafeCell::new(module),
            annotations: UnsafeCell::new(Value::NULL),
            dict: UnsafeCell::new(Value::NULL),
        },
    )
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`: a function
/// running `code` with `globals` (its builtins from `globals['__builtins__']`, else the running
/// frame's), as CPython's `func_new`, with its checks and messages.
fn function_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    use crate::objects::cell::Cell;
    use crate::objects::code::{fast_kind, Code};
    use crate::objects::dict::Dict;
    use crate::objects::exception::{err, TYPE_ERROR, VALUE_ERROR};
    let mut p = crate::builtins::args::ArgParser::new("function", args, kwnames);
    let code = p.required("code")?;
    let globals = p.required("globals")?;
    let name = p.optional("name")?.filter(|v| !v.is_none());
    let argdefs = p.optional("argdefs")?.filter(|v| !v.is_none());
    let closure = p.optional("closure")?;
    p.finish()?;
    let Some(c) = code.downcast_ref::<Code>() else {
        return err(
            &TYPE_ERROR,
            format!(
                "function() argument 'code' must be code, not {}",
                code.type_name()
            ),
        );
    };
    let Some(g) = globals.downcast_ref::<Dict>() else {
        return err(
            &TYPE_ERROR,
            format!(
                "function() argument 'globals' must be dict, not {}",
                globals.type_name()
            ),
        );
    };
    if name.as_ref().is_some_and(|n| as_str(n).is_none()) {
        return err(&TYPE_ERROR, "arg 3 (name) must be None or string");
    }
    if argdefs
        .as_ref()
        .is_some_and(|d| crate::objects::tuple::try_tuple_items(d).is_none())
    {
        return err(&TYPE_ERROR, "arg 4 (defaults) must be None or tuple");
    }
    let nfree = c
        .localspluskinds
        .iter()
        .filter(|k| **k & fast_kind::FREE != 0)
        .count();
    let cells = match closure.as_ref().filter(|v| !v.is_none()) {
        None if nfree > 0 => return err(&TYPE_ERROR, "arg 5 (closure) must be tuple"),
        None => None,
        Some(t) => match crate::objects::tuple::try_tuple_items(t) {
            Some(items) => Some((t, items)),
            None => return err(&TYPE_ERROR, "arg 5 (closure) must be None or tuple"),
        },
    };
    let nclosure = cells.map_or(0, |(_, items)| items.len());
    if nfree != nclosure {
        return err(
            &VALUE_ERROR,
            format!(
                "{} requires closure of length {}, not {}",
                crate::ops::object::str_string(&c.name)?,
                nfree,
                nclosure
            ),
        );
    }
    if let Some((_, items)) = cells {
        if let Some(x) = items.iter().find(|x| x.downcast_ref::<Cell>().is_none()) {
            return err(
                &TYPE_ERROR,
                format!("arg 5 (closure) expected cell, found {}", x.type_name()),
            );
        }
    }
    let builtins = match crate::builtins::exec::builtins_in(g)? {
        Some(b) => b,
        None => crate::builtins::exec::current_builtins(),
    };
    let closure = cells.map_or(Value::NULL, |(t, _)| t.clone());
    let fv = new_closure(code.clone(), globals.clone(), builtins, closure);
    let f = this(&fv);
    if let Some(n) = name {
        cell_set(&f.name, n);
    }
    if let Some(d) = argdefs {
        cell_set(&f.defaults, d);
    }
    Ok(fv)
}

fn this(v: &Value) -> &Function {
    v.downcast_ref::<Function>().unwrap()
}

fn cell_get(c: &UnsafeCell<Value>) -> Value {
    // SAFETY: single-threaded; no borrow of the cell outlives this call.
    unsafe { (*c.get()).clone() }
}

fn cell_set(c: &UnsafeCell<Value>, v: Value) {
    // SAFETY: as above; the old value drops after the store.
    let _old = unsafe { std::mem::replace(&mut *c.get(), v) };
}

thread_local! {
    /// Code objects replaced by `__code__` stores: running frames and borrowed `&Code`s may
    /// still point at them, so they are never freed (such stores are rare: decorators like
    /// `types.coroutine`).
    static RETIRED_CODE: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `f.__code__ = code`: the code must be a code object with as many free variables as the
/// function has closure cells.
fn set_code(v: &Value, x: Option<Value>) -> PyResult<()> {
    use crate::objects::code::{fast_kind, Code};
    let f = this(v);
    let Some(c) = x.as_ref().and_then(|x| x.downcast_ref::<Code>()) else {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            "__code__ must be set to a code object",
        );
    };
    let nfree = c
        .localspluskinds
        .iter()
        .filter(|k| **k & fast_kind::FREE != 0)
        .count();
    let nclosure = if f.closure.is_null() {
        0
    } else {
        crate::objects::tuple::tuple_items(&f.closure).len()
    };
    if nfree != nclosure {
        return crate::objects::exception::err(
            &crate::objects::exception::VALUE_ERROR,
            format!(
                "{}() requires a code object with {} free vars, not {}",
                as_str(&f.name()).map(|s| s.to_string()).unwrap_or_default(),
                nclosure,
                nfree
            ),
        );
    }
    // SAFETY: single-threaded; the old code moves to the retired list, so `&Code`s borrowed
    // from it (running frames) stay valid.
    let old = unsafe { std::mem::replace(&mut *f.code.get(), x.unwrap()) };
    RETIRED_CODE.with(|r| r.borrow_mut().push(old));
    Ok(())
}

fn none_if_null(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn null_if_none(v: Option<Value>) -> Value {
    match v {
        Some(v) if !v.is_none() => v,
        _ => Value::NULL,
    }
}

/// The `function` type.
pub static FUNCTION_TYPE: TypeObject = TypeObject {
    name: "function",
    layout: &FUNCTION_TYPE,
    flags: flags::WEAKREFABLE,
    new: Some(function_new),
    dict_offset: offset_of!(Obj<Function>, data) + offset_of!(Function, dict),
    dealloc: dealloc_weakrefable::<Function>,
    repr: Some(|v| {
        Ok(from_string(format!(
            "<function {} at {:#x}>",
            crate::ops::object::str_string(&this(v).qualname())?,
            v.payload
        )))
    }),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    call: Some(crate::vm::call::call_function_slot),
    descr_get: Some(|f, obj, _ty| match obj {
        Some(o) if !o.is_none() => Ok(new_method(f.clone(), o.clone())),
        _ => Ok(f.clone()),
    }),
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |v| Ok(this(v).name()),
            set: Some(|v, x| match x {
                Some(x) if as_str(&x).is_some() => {
                    cell_set(&this(v).name, x);
                    Ok(())
                }
                _ => crate::objects::exception::err(
                    &crate::objects::exception::TYPE_ERROR,
                    "__name__ must be set to a string object",
                ),
            }),
        },
        GetSetDef {
            name: "__qualname__",
            get: |v| Ok(this(v).qualname()),
            set: Some(|v, x| match x {
                Some(x) if as_str(&x).is_some() => {
                    cell_set(&this(v).qualname, x);
                    Ok(())
                }
                _ => crate::objects::exception::err(
                    &crate::objects::exception::TYPE_ERROR,
                    "__qualname__ must be set to a string object",
                ),
            }),
        },
        GetSetDef {
            name: "__defaults__",
            get: |v| Ok(none_if_null(cell_get(&this(v).defaults))),
            set: Some(|v, x| {
                cell_set(&this(v).defaults, null_if_none(x));
                Ok(())
            }),
        },
        GetSetDef {
            name: "__kwdefaults__",
            get: |v| Ok(none_if_null(cell_get(&this(v).kwdefaults))),
            set: Some(|v, x| {
                cell_set(&this(v).kwdefaults, null_if_none(x));
                Ok(())
            }),
        },
        GetSetDef {
            name: "__doc__",
            get: |v| Ok(cell_get(&this(v).doc)),
            set: Some(|v, x| {
                cell_set(&this(v).doc, x.unwrap_or(Value::NONE));
                Ok(())
            }),
        },
        GetSetDef {
            name: "__module__",
            get: |v| Ok(cell_get(&this(v).module)),
            set: Some(|v, x| {
                cell_set(&this(v).module, x.unwrap_or(Value::NONE));
                Ok(())
            }),
        },
        GetSetDef {
            name: "__code__",
            get: |v| Ok(this(v).code_value()),
            set: Some(set_code),
        },
        GetSetDef {
            name: "__globals__",
            get: |v| Ok(this(v).globals.clone()),
            set: None,
        },
        GetSetDef {
            name: "__closure__",
            get: |v| Ok(none_if_null(this(v).closure.clone())),
            set: None,
        },
        GetSetDef {
            name: "__annotations__",
            get: |v| {
                let f = this(v);
                let a = cell_get(&f.annotations);
                if a.is_null() {
                    let d = crate::objects::dict::new_dict();
                    cell_set(&f.annotations, d.clone());
                    return Ok(d);
                }
                Ok(a)
            },
            set: Some(|v, x| {
                cell_set(&this(v).annotations, null_if_none(x));
                Ok(())
            }),
        },
        GetSetDef {
            name: "__dict__",
            get: |v| Ok(crate::ops::object::instance_dict(v).unwrap_or(Value::NONE)),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};

/// Payload of a bound method.
pub struct Method {
    pub func: Value,
    pub self_: Value,
}

impl PyPayload for Method {
    fn type_object() -> *const TypeObject {
        &METHOD_TYPE
    }
}

/// `func` bound to `self_`.
pub fn new_method(func: Value, self_: Value) -> Value {
    alloc(&METHOD_TYPE, Method { func, self_ })
}

fn method_call(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let m = v.downcast_ref::<Method>().unwrap();
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(m.self_.clone());
    all.extend_from_slice(args);
    crate::vm::call::call(&m.func, &all, kwnames)
}

fn mthis(v: &Value) -> &Method {
    v.downcast_ref::<Method>().unwrap()
}

/// `types.MethodType(function, instance)`.
fn method_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            "method() takes no keyword arguments",
        );
    }
    let [func, self_] = args else {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            format!("method expected 2 arguments, got {}", args.len()),
        );
    };
    if !crate::builtins::core::is_callable(func) {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            "first argument must be callable",
        );
    }
    if self_.is_none() {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            "instance must not be None",
        );
    }
    Ok(new_method(func.clone(), self_.clone()))
}

/// CPython's `method_hash`: the instance's identity mixed with the function's hash.
fn method_hash(v: &Value) -> PyResult<i64> {
    let m = mthis(v);
    let x = crate::objects::object::identity_hash(&m.self_) ^ crate::ops::object::hash(&m.func)?;
    Ok(if x == -1 { -2 } else { x })
}

/// The bound `method` type.
pub static METHOD_TYPE: TypeObject = TypeObject {
    name: "method",
    layout: &METHOD_TYPE,
    flags: flags::WEAKREFABLE,
    dealloc: dealloc_weakrefable::<Method>,
    repr: Some(|v| {
        let m = mthis(v);
        let name = crate::ops::object::getattr_str(&m.func, "__qualname__")
            .and_then(|n| crate::ops::object::str_string(&n))
            .unwrap_or_else(|_| {
                crate::vm::thread::take_raised();
                "?".into()
            });
        Ok(from_string(format!(
            "<bound method {} of {}>",
            name,
            crate::ops::object::repr_string(&m.self_)?
        )))
    }),
    call: Some(method_call),
    new: Some(method_new),
    hash: Some(method_hash),
    getattr: Some(|v, name| {
        if let Some(x) = crate::ops::object::generic_getattr(v, name)? {
            return Ok(Some(x));
        }
        crate::ops::object::getattr_opt(&mthis(v).func, name)
    }),
    richcompare: Some(|a, b, op| {
        let (Some(x), Some(y)) = (a.downcast_ref::<Method>(), b.downcast_ref::<Method>()) else {
            return Ok(crate::objects::none::not_implemented());
        };
        let same = x.func.is(&y.func) && x.self_.is(&y.self_);
        match op {
            crate::objects::CmpOp::Eq => Ok(Value::bool(same)),
            crate::objects::CmpOp::Ne => Ok(Value::bool(!same)),
            _ => Ok(crate::objects::none::not_implemented()),
        }
    }),
    getsets: &[
        GetSetDef {
            name: "__func__",
            get: |v| Ok(mthis(v).func.clone()),
            set: None,
        },
        GetSetDef {
            name: "__self__",
            get: |v| Ok(mthis(v).self_.clone()),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};
