//! The descriptor types of the object model: `property`, `classmethod`, `staticmethod`,
//! `super`, and the member descriptors that store `__slots__` attributes.

use std::cell::UnsafeCell;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::dict::Dict;
use crate::objects::exception::{err, ATTRIBUTE_ERROR, RUNTIME_ERROR, TYPE_ERROR};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::{
    alloc, dealloc_obj, flags, GetSetDef, MethodDef, MethodKind, PyPayload, PyResult, TypeObject,
};
use crate::ops::object::{as_type, bind_descriptor};
use crate::vm::call::call;

/// Payload of a `property`.
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// The attribute name, from `__set_name__` (for error messages).
    name: UnsafeCell<Value>,
}

impl PyPayload for Property {
    fn type_object() -> *const TypeObject {
        &PROPERTY_TYPE
    }
}

fn prop(v: &Value) -> &Property {
    v.downcast_ref::<Property>().unwrap()
}

fn prop_name(p: &Property) -> String {
    // SAFETY: single-threaded; the cell is only replaced by __set_name__.
    let n = unsafe { (*p.name.get()).clone() };
    as_str(&n).map(|s| s.to_string()).unwrap_or_default()
}

fn property_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("property", args, kwnames);
    let fget = p.optional("fget")?.unwrap_or(Value::NONE);
    let fset = p.optional("fset")?.unwrap_or(Value::NONE);
    let fdel = p.optional("fdel")?.unwrap_or(Value::NONE);
    let mut doc = p.optional("doc")?.unwrap_or(Value::NONE);
    p.finish()?;
    if doc.is_none() && !fget.is_none() {
        doc = crate::ops::object::getattr_opt(&fget, &new_str("__doc__"))?.unwrap_or(Value::NONE);
    }
    Ok(alloc(
        ty,
        Property {
            fget,
            fset,
            fdel,
            doc,
            name: UnsafeCell::new(Value::NONE),
        },
    ))
}

/// `property.__set__` / `__delete__` (the descriptor store path).
pub fn property_set(d: &Value, obj: &Value, x: Option<Value>) -> PyResult<()> {
    let p = prop(d);
    let (f, what) = match &x {
        Some(_) => (&p.fset, "setter"),
        None => (&p.fdel, "deleter"),
    };
    if f.is_none() {
        let name = prop_name(p);
        let msg = if name.is_empty() {
            format!("property of '{}' object has no {}", obj.type_name(), what)
        } else {
            format!(
                "property '{}' of '{}' object has no {}",
                name,
                obj.type_name(),
                what
            )
        };
        return err(&ATTRIBUTE_ERROR, msg);
    }
    match x {
        Some(x) => call(f, &[obj.clone(), x], &[])?,
        None => call(f, std::slice::from_ref(obj), &[])?,
    };
    Ok(())
}

fn property_copy(
    v: &Value,
    fget: Option<Value>,
    fset: Option<Value>,
    fdel: Option<Value>,
) -> Value {
    let p = prop(v);
    alloc(
        v.ty(),
        Property {
            fget: fget.unwrap_or_else(|| p.fget.clone()),
            fset: fset.unwrap_or_else(|| p.fset.clone()),
            fdel: fdel.unwrap_or_else(|| p.fdel.clone()),
            doc: p.doc.clone(),
            // SAFETY: single-threaded read of the name cell.
            name: UnsafeCell::new(unsafe { (*p.name.get()).clone() }),
        },
    )
}

/// The `property` type.
pub static PROPERTY_TYPE: TypeObject = TypeObject {
    name: "property",
    layout: &PROPERTY_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Property>,
    sub_layout: crate::objects::sub_layout::<Property>(),
    descr_get: Some(|d, obj, _ty| match obj {
        None => Ok(d.clone()),
        Some(o) => {
            let p = prop(d);
            if p.fget.is_none() {
                let name = prop_name(p);
                return err(
                    &ATTRIBUTE_ERROR,
                    if name.is_empty() {
                        format!("property of '{}' object has no getter", o.type_name())
                    } else {
                        format!(
                            "property '{}' of '{}' object has no getter",
                            name,
                            o.type_name()
                        )
                    },
                );
            }
            call(&p.fget, std::slice::from_ref(o), &[])
        }
    }),
    new: Some(property_new),
    methods: &[
        MethodDef {
            name: "getter",
            func: |v, a, _| Ok(property_copy(v, a.first().cloned(), None, None)),
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "setter",
            func: |v, a, _| Ok(property_copy(v, None, a.first().cloned(), None)),
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "deleter",
            func: |v, a, _| Ok(property_copy(v, None, None, a.first().cloned())),
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__set_name__",
            func: |v, a, _| {
                if let Some(n) = a.get(1) {
                    // SAFETY: single-threaded; replaces the name cell.
                    unsafe { *prop(v).name.get() = n.clone() };
                }
                Ok(Value::NONE)
            },
            kind: MethodKind::Instance,
            doc: "",
        },
    ],
    getsets: &[
        GetSetDef {
            name: "fget",
            get: |v| Ok(prop(v).fget.clone()),
            set: None,
        },
        GetSetDef {
            name: "fset",
            get: |v| Ok(prop(v).fset.clone()),
            set: None,
        },
        GetSetDef {
            name: "fdel",
            get: |v| Ok(prop(v).fdel.clone()),
            set: None,
        },
        GetSetDef {
            name: "__doc__",
            get: |v| Ok(prop(v).doc.clone()),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};

/// Payload of `classmethod` and `staticmethod`: the wrapped callable.
pub struct Wrapped {
    pub func: Value,
}

impl PyPayload for Wrapped {
    fn type_object() -> *const TypeObject {
        &CLASSMETHOD_TYPE
    }
}

/// `classmethod(f)`.
pub fn new_classmethod(f: Value) -> Value {
    alloc(&CLASSMETHOD_TYPE, Wrapped { func: f })
}

/// `staticmethod(f)`.
pub fn new_staticmethod(f: Value) -> Value {
    alloc(&STATICMETHOD_TYPE, Wrapped { func: f })
}

fn wrapped(v: &Value) -> &Wrapped {
    v.downcast_ref::<Wrapped>().unwrap()
}

/// The `classmethod` type.
pub static CLASSMETHOD_TYPE: TypeObject = TypeObject {
    name: "classmethod",
    layout: &CLASSMETHOD_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Wrapped>,
    sub_layout: crate::objects::sub_layout::<Wrapped>(),
    descr_get: Some(|d, obj, ty| {
        let cls = match obj {
            Some(o) if ty.is_null() => o.ty().to_value(),
            // SAFETY: `ty` is a live type.
            _ => unsafe { (*ty).to_value() },
        };
        Ok(crate::objects::function::new_method(
            wrapped(d).func.clone(),
            cls,
        ))
    }),
    new: Some(|ty, args, _| match args {
        [f] => Ok(alloc(ty, Wrapped { func: f.clone() })),
        _ => err(
            &TYPE_ERROR,
            format!("classmethod expected 1 argument, got {}", args.len()),
        ),
    }),
    getsets: &[GetSetDef {
        name: "__func__",
        get: |v| Ok(wrapped(v).func.clone()),
        set: None,
    }],
    ..TypeObject::EMPTY
};

/// The `staticmethod` type.
pub static STATICMETHOD_TYPE: TypeObject = TypeObject {
    name: "staticmethod",
    layout: &CLASSMETHOD_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Wrapped>,
    sub_layout: crate::objects::sub_layout::<Wrapped>(),
    descr_get: Some(|d, _obj, _ty| Ok(wrapped(d).func.clone())),
    call: Some(|v, a, k| call(&wrapped(v).func, a, k)),
    new: Some(|ty, args, _| match args {
        [f] => Ok(alloc(ty, Wrapped { func: f.clone() })),
        _ => err(
            &TYPE_ERROR,
            format!("staticmethod expected 1 argument, got {}", args.len()),
        ),
    }),
    getsets: &[GetSetDef {
        name: "__func__",
        get: |v| Ok(wrapped(v).func.clone()),
        set: None,
    }],
    ..TypeObject::EMPTY
};

/// Payload of `super(type, obj)`.
pub struct Super {
    /// The class whose MRO successors are searched.
    pub this: &'static TypeObject,
    /// The instance (or class) the found attributes bind to; NONE for unbound super.
    pub obj: Value,
    /// The type whose MRO is searched (type of `obj`, or `obj` itself for a class).
    pub obj_type: &'static TypeObject,
}

impl PyPayload for Super {
    fn type_object() -> *const TypeObject {
        &SUPER_TYPE
    }
}

/// `super(this, obj)` after validation.
pub fn new_super(this: &Value, obj: &Value) -> PyResult<Value> {
    let Some(t) = as_type(this) else {
        return err(
            &TYPE_ERROR,
            format!(
                "super() argument 1 must be a type, not {}",
                this.type_name()
            ),
        );
    };
    let obj_type = match as_type(obj) {
        Some(ot) if ot.is_subtype(t) => ot,
        _ if obj.ty().is_subtype(t) => obj.ty(),
        _ => {
            return err(
                &TYPE_ERROR,
                "super(type, obj): obj must be an instance or subtype of type",
            )
        }
    };
    Ok(alloc(
        &SUPER_TYPE,
        Super {
            this: t,
            obj: obj.clone(),
            obj_type,
        },
    ))
}

/// Attribute lookup through `super`: the MRO of the object's type after `this`.
pub fn super_getattr_parts(
    this: &TypeObject,
    obj: &Value,
    obj_type: &'static TypeObject,
    name: &Value,
) -> PyResult<Option<Value>> {
    let mro = obj_type.mro();
    if let Some(pos) = mro.iter().position(|&t| std::ptr::eq(t, this)) {
        for &t in &mro[pos + 1..] {
            // SAFETY: MRO entries are live types.
            let d = unsafe { (*t).dict() };
            if let Some(v) = d.downcast_ref::<Dict>().and_then(|d| d.get_str(name)) {
                let inst = if as_type(obj).is_some_and(|o| std::ptr::eq(o, obj_type)) {
                    None
                } else {
                    Some(obj)
                };
                return bind_descriptor(v, inst, obj_type).map(Some);
            }
        }
    }
    Ok(None)
}

fn super_getattr(v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let s = v.downcast_ref::<Super>().unwrap();
    if as_str(name).is_some_and(|n| &*n == "__class__") {
        return crate::ops::object::generic_getattr(v, name);
    }
    if let Some(x) = super_getattr_parts(s.this, &s.obj, s.obj_type, name)? {
        return Ok(Some(x));
    }
    crate::ops::object::generic_getattr(v, name)
}

fn super_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(&TYPE_ERROR, "super() takes no keyword arguments");
    }
    match args {
        [t, o] => new_super(t, o),
        [] => {
            // Zero-argument form: `__class__` cell and first argument of the calling frame.
            let fs = crate::vm::frame::frames();
            let Some(f) = fs.frames.last() else {
                return err(&RUNTIME_ERROR, "super(): no arguments");
            };
            let code = f.code();
            if code.argcount == 0 {
                return err(&RUNTIME_ERROR, "super(): no arguments");
            }
            // SAFETY: localsplus slots of the running frame hold owned values or NULL.
            let mut first = unsafe { (*f.base).clone() };
            if let Some(c) = first.downcast_ref::<crate::objects::cell::Cell>() {
                if code.localspluskinds[0] & crate::objects::code::fast_kind::CELL != 0 {
                    first = c.get();
                }
            }
            let mut class = Value::NULL;
            for i in 0..code.nlocalsplus() {
                if as_str(&code.localsplusnames[i]).is_some_and(|n| &*n == "__class__") {
                    // SAFETY: as above.
                    let c = unsafe { (*f.base.add(i)).clone() };
                    if let Some(c) = c.downcast_ref::<crate::objects::cell::Cell>() {
                        class = c.get();
                    }
                }
            }
            if class.is_null() {
                return err(&RUNTIME_ERROR, "super(): __class__ cell not found");
            }
            new_super(&class, &first)
        }
        _ => err(
            &TYPE_ERROR,
            format!("super() takes at most 2 arguments ({} given)", args.len()),
        ),
    }
}

/// The `super` type.
pub static SUPER_TYPE: TypeObject = TypeObject {
    name: "super",
    layout: &SUPER_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Super>,
    repr: Some(|v| {
        let s = v.downcast_ref::<Super>().unwrap();
        Ok(from_string(format!(
            "<super: <class '{}'>, <{} object>>",
            s.this.name, s.obj_type.name
        )))
    }),
    getattr: Some(super_getattr),
    new: Some(super_new),
    ..TypeObject::EMPTY
};

/// Payload of a `__slots__` member descriptor: the slot name and where its value lives.
pub struct SlotMember {
    name: Value,
    /// The class whose `__slots__` defined it (immortal).
    owner: *const TypeObject,
    storage: SlotStorage,
}

/// Where the values of one `__slots__` entry live.
enum SlotStorage {
    /// At `index` in the values array of instances of `owner` (a `SLOT_VALUES` class) and of
    /// its subclasses, which keep the index.
    Value(usize),
    /// In a private per-instance dict at this byte offset: slots of classes on layouts other
    /// than plain `object` (built-in subclasses, classes under an INLINE_VALUES class).
    Dict(usize),
}

impl PyPayload for SlotMember {
    fn type_object() -> *const TypeObject {
        &MEMBER_DESCRIPTOR_TYPE
    }
}

impl SlotMember {
    /// The values-array index of this slot in instances of `ty`, when it has one there.
    pub fn value_index(&self, ty: &TypeObject) -> Option<usize> {
        match self.storage {
            SlotStorage::Value(index) if ty.is_subtype(self.owner) => Some(index),
            _ => None,
        }
    }
}

/// A member descriptor for slot `name` of class `owner`, stored in the private dict at
/// `storage_offset`.
pub fn new_slot_member(name: &str, owner: &TypeObject, storage_offset: usize) -> Value {
    alloc(
        &MEMBER_DESCRIPTOR_TYPE,
        SlotMember {
            name: new_str(name),
            owner,
            storage: SlotStorage::Dict(storage_offset),
        },
    )
}

/// A member descriptor for slot `name` of the `SLOT_VALUES` class `owner`, at `index` of its
/// instances' values.
pub fn new_slot_value_member(name: &str, owner: &TypeObject, index: usize) -> Value {
    alloc(
        &MEMBER_DESCRIPTOR_TYPE,
        SlotMember {
            name: new_str(name),
            owner,
            storage: SlotStorage::Value(index),
        },
    )
}

fn slot_storage(obj: &Value, off: usize) -> Option<&Dict> {
    if !obj.is_obj() || off == 0 {
        return None;
    }
    if obj.ty().flags & crate::objects::flags::INLINE_VALUES != 0 {
        // Slots of a class derived from a compact-values class live in the instance's dict.
        crate::objects::instance::materialize(obj);
    }
    // SAFETY: `off` is the offset of the instance's `UnsafeCell<Value>` dict slot, fixed when the
    // class was created from its layout.
    unsafe {
        let cell = &*((obj.obj_ptr() as *const u8).add(off) as *const UnsafeCell<Value>);
        let slot = &mut *cell.get();
        if slot.is_null() {
            *slot = crate::objects::dict::new_dict();
        }
        slot.downcast_ref::<Dict>()
    }
}

/// The value cell of a values-stored slot in `obj`, or CPython's TypeError when the
/// descriptor's class is not `obj`'s.
#[allow(clippy::mut_from_ref)] // see instance::slot_cell
fn slot_value_cell<'a>(m: &SlotMember, index: usize, obj: &'a Value) -> PyResult<&'a mut Value> {
    if !obj.is_obj() || !obj.ty().is_subtype(m.owner) {
        return Err(not_applicable(m, obj));
    }
    // SAFETY: `obj` is an instance of the SLOT_VALUES class `owner` (or a subclass, which keeps
    // the layout), whose slot count covers `index`.
    Ok(unsafe { crate::objects::instance::slot_cell(obj, index) })
}

/// CPython's TypeError for a slot descriptor used on an object of another class.
fn not_applicable(m: &SlotMember, obj: &Value) -> crate::objects::Raised {
    {
        crate::objects::exception::raise(
            &TYPE_ERROR,
            format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                slot_name(m),
                owner_name(m),
                obj.type_name()
            ),
        )
    }
}

fn slot_name(m: &SlotMember) -> String {
    as_str(&m.name).map(|s| s.to_string()).unwrap_or_default()
}

fn owner_name(m: &SlotMember) -> &'static str {
    // SAFETY: the owner class is immortal.
    crate::objects::type_::short_name(unsafe { &*m.owner })
}

/// `member.__set__` / `__delete__` for slots.
pub fn slot_member_set(d: &Value, obj: &Value, x: Option<Value>) -> PyResult<()> {
    let m = d.downcast_ref::<SlotMember>().unwrap();
    let off = match m.storage {
        SlotStorage::Value(index) => {
            let cell = slot_value_cell(m, index, obj)?;
            return match x {
                Some(x) => {
                    *cell = x;
                    Ok(())
                }
                // As CPython: deleting an empty slot raises AttributeError(name).
                None if cell.is_null() => err(&ATTRIBUTE_ERROR, slot_name(m)),
                None => {
                    *cell = Value::NULL;
                    Ok(())
                }
            };
        }
        SlotStorage::Dict(off) => off,
    };
    let Some(st) = slot_storage(obj, off) else {
        return Err(not_applicable(m, obj));
    };
    match x {
        Some(x) => st.set_item(m.name.clone(), x),
        None => match st.del_item(&m.name)? {
            Some(_) => Ok(()),
            None => Err(crate::ops::object::attribute_error(obj, &m.name)),
        },
    }
}

/// `member.__get__` for slots.
fn slot_member_get(m: &SlotMember, o: &Value) -> PyResult<Value> {
    let off = match m.storage {
        SlotStorage::Value(index) => {
            let cell = slot_value_cell(m, index, o)?;
            return match cell.is_null() {
                true => Err(crate::ops::object::attribute_error(o, &m.name)),
                false => Ok(cell.clone()),
            };
        }
        SlotStorage::Dict(off) => off,
    };
    match slot_storage(o, off).and_then(|st| st.get_str(&m.name)) {
        Some(v) => Ok(v),
        None => Err(crate::ops::object::attribute_error(o, &m.name)),
    }
}

/// The `member_descriptor` type.
pub static MEMBER_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    name: "member_descriptor",
    layout: &MEMBER_DESCRIPTOR_TYPE,
    dealloc: dealloc_obj::<SlotMember>,
    descr_get: Some(|d, obj, _ty| {
        let Some(o) = obj else { return Ok(d.clone()) };
        slot_member_get(d.downcast_ref::<SlotMember>().unwrap(), o)
    }),
    repr: Some(|d| {
        let m = d.downcast_ref::<SlotMember>().unwrap();
        Ok(from_string(format!(
            "<member '{}' of '{}' objects>",
            slot_name(m),
            owner_name(m)
        )))
    }),
    methods: &[
        MethodDef {
            name: "__get__",
            func: |d, a, _| match a.first() {
                Some(o) if !o.is_none() => {
                    slot_member_get(d.downcast_ref::<SlotMember>().unwrap(), o)
                }
                _ => Ok(d.clone()),
            },
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__set__",
            func: |d, a, _| match a {
                [o, v] => slot_member_set(d, o, Some(v.clone())).map(|_| Value::NONE),
                _ => err(&TYPE_ERROR, "expected 2 arguments"),
            },
            kind: MethodKind::Instance,
            doc: "",
        },
        MethodDef {
            name: "__delete__",
            func: |d, a, _| match a {
                [o] => slot_member_set(d, o, None).map(|_| Value::NONE),
                _ => err(&TYPE_ERROR, "expected 1 argument"),
            },
            kind: MethodKind::Instance,
            doc: "",
        },
    ],
    getsets: &[
        GetSetDef {
            name: "__name__",
            get: |d| Ok(d.downcast_ref::<SlotMember>().unwrap().name.clone()),
            set: None,
        },
        GetSetDef {
            name: "__objclass__",
            // SAFETY: the owner class is immortal.
            get: |d| Ok(unsafe { &*d.downcast_ref::<SlotMember>().unwrap().owner }.to_value()),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};
