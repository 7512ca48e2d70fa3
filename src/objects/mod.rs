//! The object model: type objects with slot tables, heap object allocation, and one module per
//! built-in type.
//!
//! Every heap object is an [`Obj<T>`]: the shared [`ObjHeader`] followed by the type's payload `T`.
//! A type is a [`TypeObject`] whose slots (function pointers, `None` when the protocol is not
//! supported) implement the protocols, as in CPython's `PyTypeObject`. Built-in types are
//! immortal statics; their methods are listed in `methods` and installed into the type's dict by
//! [`ready_builtin_types`] at start-up.

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;
use std::ptr;

use crate::abi::{ObjHeader, Value, IMMORTAL};

/// A [`MethodDef`] for an ordinary (instance) method of a built-in type, for `methods` tables:
/// `method!("append", m_append)`. Defined before the type modules so that all of them see it.
macro_rules! method {
    ($name:literal, $f:expr) => {
        $crate::objects::MethodDef {
            name: $name,
            func: $f,
            kind: $crate::objects::MethodKind::Instance,
            doc: "",
        }
    };
}

/// Native modules outside `objects` use the same macro: `use crate::objects::method;`.
pub(crate) use method;

pub mod anext_awaitable;
pub mod async_generator;
pub mod bool_;
pub mod builtin_function;
pub mod bytes;
pub mod cell;
pub mod class_;
pub mod code;
pub mod complex;
pub mod coroutine;
pub mod descriptors;
pub mod dict;
pub mod exception;
pub mod exception_group;
pub mod float;
pub mod frame;
pub mod function;
pub mod generator;
pub mod generic_alias;
pub mod instance;
pub mod int;
pub mod iterators;
pub mod list;
pub mod memoryview;
pub mod module;
pub mod none;
pub mod object;
pub mod object_reduce;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod str_format;
pub mod str_methods;
pub mod structseq;
pub mod traceback;
pub mod tuple;
pub mod type_;
pub mod union_type;
pub mod weakref;

pub use type_::TYPE_TYPE;

/// Marker for "a Python exception was raised": the exception itself is in the thread state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raised;

/// Result of any fallible Python-level operation.
pub type PyResult<T> = Result<T, Raised>;

/// A heap object: header then payload. `#[repr(C)]` so the header is at offset 0.
#[repr(C)]
pub struct Obj<T> {
    pub header: ObjHeader,
    pub data: T,
}

pub use crate::ops::kernels::{CmpOp, NbOp, NB_COUNT};

/// `repr`, `str`, unary number ops, `iter`: one value in, one out.
pub type UnaryFn = fn(&Value) -> PyResult<Value>;
/// Binary number op; returns `NotImplemented` when it does not handle the operand types.
pub type BinaryFn = fn(&Value, &Value) -> PyResult<Value>;
/// Rich comparison; returns `NotImplemented` when it does not handle the operand types.
pub type RichCmpFn = fn(&Value, &Value, CmpOp) -> PyResult<Value>;
/// `hash(x)`.
pub type HashFn = fn(&Value) -> PyResult<i64>;
/// Truth value.
pub type BoolFn = fn(&Value) -> PyResult<bool>;
/// `len(x)`.
pub type LenFn = fn(&Value) -> PyResult<usize>;
/// `x[k]`.
pub type GetItemFn = fn(&Value, &Value) -> PyResult<Value>;
/// `x[k] = v`, or `del x[k]` when the value is `None`.
pub type SetItemFn = fn(&Value, &Value, Option<Value>) -> PyResult<()>;
/// `k in x`.
pub type ContainsFn = fn(&Value, &Value) -> PyResult<bool>;
/// `next(it)`: `Ok(None)` when exhausted (no StopIteration is raised).
pub type NextFn = fn(&Value) -> PyResult<Option<Value>>;
/// Vectorcall: callable, positional+keyword argument values, keyword names (the last
/// `kwnames.len()` arguments are the keyword ones).
pub type CallFn = fn(&Value, &[Value], &[Value]) -> PyResult<Value>;
/// Attribute lookup; `Ok(None)` means "not found" (the caller raises AttributeError).
pub type GetAttrFn = fn(&Value, &Value) -> PyResult<Option<Value>>;
/// Attribute store, or delete when the value is `None`.
pub type SetAttrFn = fn(&Value, &Value, Option<Value>) -> PyResult<()>;
/// Descriptor `__get__(obj, type)`; `obj` is `None` for access through the type.
pub type DescrGetFn = fn(&Value, Option<&Value>, *const TypeObject) -> PyResult<Value>;
/// Descriptor `__set__(obj, value)`, or `__delete__(obj)` when the value is `None`.
pub type DescrSetFn = fn(&Value, &Value, Option<Value>) -> PyResult<()>;
/// Constructor: `type(*args, **kwargs)`.
pub type NewFn = fn(*const TypeObject, &[Value], &[Value]) -> PyResult<Value>;
/// Builtin method: `self`, then the vectorcall arguments.
pub type MethodFn = fn(&Value, &[Value], &[Value]) -> PyResult<Value>;

/// A method of a built-in type, installed in the type's dict as a method descriptor.
pub struct MethodDef {
    pub name: &'static str,
    pub func: MethodFn,
    /// `classmethod`/`staticmethod`-like binding: see [`MethodKind`].
    pub kind: MethodKind,
    pub doc: &'static str,
}

/// How a [`MethodDef`] binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    /// Ordinary method: `self` is the instance.
    Instance,
    /// Class method: `self` is the type (e.g. `dict.fromkeys`).
    Class,
    /// Static method: `self` is `None` (e.g. `str.maketrans`).
    Static,
}

/// A computed attribute of a built-in type (e.g. `int.real`, `function.__name__`).
pub struct GetSetDef {
    pub name: &'static str,
    pub get: fn(&Value) -> PyResult<Value>,
    pub set: Option<GetSetSetter>,
}

/// Store (or delete, with `None`) of a computed attribute.
pub type GetSetSetter = fn(&Value, Option<Value>) -> PyResult<()>;

/// Type flags.
pub mod flags {
    /// Can be subclassed.
    pub const BASETYPE: u32 = 1;
    /// Allocated at run time (a `class` statement).
    pub const HEAPTYPE: u32 = 2;
    /// Subclass of BaseException (fast check).
    pub const EXCEPTION: u32 = 4;
    /// Instances wrap the built-in payload in a `WithDict` (classes derived from built-ins).
    pub const WRAPS_DICT: u32 = 8;
    /// The class defines `__slots__` without `__dict__`: no instance `__dict__` attribute.
    pub const NO_INSTANCE_DICT: u32 = 16;
    /// Instances keep attributes in a compact values array keyed by the class's shared keys
    /// ([`crate::objects::instance`]).
    pub const INLINE_VALUES: u32 = 32;
    /// Instances can be weakly referenced (CPython's `tp_weaklistoffset != 0`). A built-in
    /// type's `dealloc` must then call [`crate::objects::weakref::clear_on_dealloc`] first (see
    /// [`crate::objects::dealloc_weakrefable`]), unless its instances are immortal; a class
    /// gets such a `dealloc` when one of its instances is first weakly referenced.
    pub const WEAKREFABLE: u32 = 64;
    /// The built-in constructor (`new`) needs the call's arguments even when a class derived
    /// from the type defines `__init__` (`weakref.ref`: the referent is fixed at creation).
    pub const NEW_TAKES_ARGS: u32 = 128;
    /// The class has a non-empty `__abstractmethods__` (set by `abc`): `object.__new__`
    /// refuses to instantiate it.
    pub const IS_ABSTRACT: u32 = 256;
    /// A class on the plain object layout with named `__slots__` (or derived from one):
    /// instances are [`crate::objects::instance`] objects whose values array holds the slots,
    /// at fixed indexes (the `__dict__`, if any, is the instance's dict field). Never together
    /// with `INLINE_VALUES`.
    pub const SLOT_VALUES: u32 = 512;
    /// A struct sequence with fields beyond its sequence part: instances carry a
    /// [`crate::objects::structseq::StructSeqExt`] payload (`os.stat_result`).
    pub const STRUCTSEQ_EXT: u32 = 1024;
}

/// A method resolution order: the type itself, then its bases in lookup order.
pub type Mro = Vec<*const TypeObject>;

const _: () = assert!(std::mem::offset_of!(TypeObject, version) == crate::abi::TYPE_VERSION_OFFSET);

/// A Python type: name, base, slots. Built-in types are statics; see the module docs.
#[repr(C)]
pub struct TypeObject {
    pub header: ObjHeader,
    pub name: &'static str,
    /// The single base (`object` has none). Multiple inheritance lives in `mro`.
    pub base: *const TypeObject,
    /// The built-in type whose payload layout instances start with (self for built-ins).
    pub layout: *const TypeObject,
    pub flags: u32,
    /// Byte offset of the instance `__dict__` (an `UnsafeCell<Value>`) inside the object, or 0
    /// when instances have no dict (as CPython's `tp_dictoffset`).
    pub dict_offset: usize,
    /// Frees an object of this type (its refcount reached zero).
    pub dealloc: unsafe fn(*mut ObjHeader),
    /// For built-in types that classes may subclass: how instances of such a class are freed
    /// and where their `__dict__` sits (their payload is wrapped in a [`WithDict`]). `None`
    /// when the payload already has a dict (exceptions) or subclassing is not supported.
    pub sub_layout: Option<SubLayout>,
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<HashFn>,
    pub richcompare: Option<RichCmpFn>,
    pub bool_: Option<BoolFn>,
    pub len: Option<LenFn>,
    pub getitem: Option<GetItemFn>,
    pub setitem: Option<SetItemFn>,
    pub contains: Option<ContainsFn>,
    pub iter: Option<UnaryFn>,
    pub next: Option<NextFn>,
    pub call: Option<CallFn>,
    pub getattr: Option<GetAttrFn>,
    pub setattr: Option<SetAttrFn>,
    pub descr_get: Option<DescrGetFn>,
    /// Makes instances data descriptors (CPython's `tp_descr_set`): attribute stores and
    /// deletes on objects whose class holds one go through it.
    pub descr_set: Option<DescrSetFn>,
    pub new: Option<NewFn>,
    pub nb: [Option<BinaryFn>; NB_COUNT],
    pub nb_inplace: [Option<BinaryFn>; NB_COUNT],
    pub neg: Option<UnaryFn>,
    pub pos: Option<UnaryFn>,
    pub invert: Option<UnaryFn>,
    pub abs: Option<UnaryFn>,
    /// `__index__`: the value as an int (inline or big).
    pub index: Option<UnaryFn>,
    /// `__int__`.
    pub int: Option<UnaryFn>,
    /// `__float__`.
    pub float: Option<UnaryFn>,
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
    pub doc: &'static str,
    /// The type's attribute dict (a `dict` value; NULL until the type is readied).
    /// (`ManuallyDrop`: types are immortal, and statics must have no drop glue.)
    pub dict: UnsafeCell<ManuallyDrop<Value>>,
    /// Method resolution order, self first.
    pub mro: UnsafeCell<ManuallyDrop<Mro>>,
    /// Bumped on every change to the type or its bases' dicts, for caches.
    pub version: Cell<u32>,
    /// Attribute names shared by the instances of an INLINE_VALUES class (append-only; see
    /// [`instance`]); empty for every other type.
    pub keys: UnsafeCell<ManuallyDrop<Vec<Value>>>,
    /// How many attributes instances of an INLINE_VALUES class are expected to get (from the
    /// `self.x = ...` stores in its and its bases' methods): the slot count of new instances
    /// before the keys have grown that far.
    pub attr_hint: Cell<u16>,
    /// For a `SLOT_VALUES` class: how many slot values its instances hold (its own named
    /// `__slots__` after all of its bases'); 0 for every other type.
    pub slot_count: Cell<u16>,
    /// How many live objects of exactly this type have weak references (an entry in the
    /// weakref side table): while 0, their `dealloc` skips the table altogether.
    pub weakref_holders: Cell<usize>,
    /// A class's `__qualname__` (a str; NULL for built-in types, whose qualified name is their
    /// name after the module part). Kept on the type, not in its dict, as CPython does.
    pub qualname: UnsafeCell<ManuallyDrop<Value>>,
}

// SAFETY: apython runs Python code on one thread; type objects are only touched from it.
unsafe impl Sync for TypeObject {}

/// The dealloc of static objects: never called, since they are immortal.
unsafe fn dealloc_immortal(_p: *mut ObjHeader) {}

impl TypeObject {
    /// All slots empty; built-in type statics start from this with `..TypeObject::EMPTY`.
    // A template copied into statics (`..TEMPLATE`), never used as a shared value.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const EMPTY: TypeObject = TypeObject {
        header: ObjHeader {
            refcnt: Cell::new(IMMORTAL),
            ty: ptr::addr_of!(TYPE_TYPE),
        },
        name: "",
        base: ptr::addr_of!(object::OBJECT_TYPE),
        layout: ptr::null(),
        flags: 0,
        dict_offset: 0,
        dealloc: dealloc_immortal,
        sub_layout: None,
        repr: None,
        str: None,
        hash: None,
        richcompare: None,
        bool_: None,
        len: None,
        getitem: None,
        setitem: None,
        contains: None,
        iter: None,
        next: None,
        call: None,
        getattr: None,
        setattr: None,
        descr_get: None,
        descr_set: None,
        new: None,
        nb: [None; NB_COUNT],
        nb_inplace: [None; NB_COUNT],
        neg: None,
        pos: None,
        invert: None,
        abs: None,
        index: None,
        int: None,
        float: None,
        methods: &[],
        getsets: &[],
        doc: "",
        dict: UnsafeCell::new(ManuallyDrop::new(Value::NULL)),
        mro: UnsafeCell::new(ManuallyDrop::new(Vec::new())),
        version: Cell::new(1),
        keys: UnsafeCell::new(ManuallyDrop::new(Vec::new())),
        attr_hint: Cell::new(0),
        slot_count: Cell::new(0),
        weakref_holders: Cell::new(0),
        qualname: UnsafeCell::new(ManuallyDrop::new(Value::NULL)),
    };

    /// The type as a Python value (a new reference).
    pub fn to_value(&self) -> Value {
        Value::from_borrowed_ptr(self as *const TypeObject as *const ObjHeader)
    }

    /// Readies a built-in type on first use (types not in [`builtin_types`] included).
    #[inline]
    fn ensure_ready(&self) {
        // SAFETY: single-threaded; an empty MRO means a built-in static not yet readied.
        if unsafe { (*self.mro.get()).is_empty() } && self.flags & flags::HEAPTYPE == 0 {
            // SAFETY: built-in types are statics, so the reference is 'static.
            type_::ready_builtin(unsafe { &*(self as *const TypeObject) });
        }
    }

    /// The type's dict.
    pub fn dict(&self) -> &Value {
        self.ensure_ready();
        // SAFETY: single-threaded; the dict slot is only replaced while readying the type.
        unsafe { &*self.dict.get() }
    }

    /// The MRO, self first.
    pub fn mro(&self) -> &[*const TypeObject] {
        self.ensure_ready();
        // SAFETY: single-threaded; the MRO is only replaced while (re)building the type.
        unsafe { &*self.mro.get() }
    }

    /// Whether `self` is `other` or a subtype of it.
    pub fn is_subtype(&self, other: *const TypeObject) -> bool {
        if ptr::eq(self, other) {
            return true;
        }
        let mro = self.mro();
        if !mro.is_empty() {
            return mro.iter().any(|&t| ptr::eq(t, other));
        }
        let mut t = self.base;
        while !t.is_null() {
            if ptr::eq(t, other) {
                return true;
            }
            // SAFETY: base chains point at live (immortal) types.
            t = unsafe { (*t).base };
        }
        false
    }

    /// Looks `name` up along the MRO's dicts (no descriptor binding): `_PyType_Lookup`, through
    /// the process-wide [`lookup_cache`] keyed on (type version, name).
    #[inline]
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        self.ensure_ready();
        lookup_cache::lookup(self, name)
    }

    /// [`TypeObject::lookup`] without the cache: the MRO walk.
    pub fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        for &t in self.mro() {
            // SAFETY: MRO entries are live types.
            let d = unsafe { (*t).dict() };
            if let Some(d) = d.downcast_ref::<dict::Dict>() {
                if let Some(v) = d.get_str(name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// Lookup by a Rust string (builds a str value).
    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        self.lookup(&str::new_str(name))
    }
}

/// The type attribute cache (CPython's method cache): remembers [`TypeObject::lookup`] results
/// by (type version, name). Sound because a type's version changes whenever a dict on its MRO
/// changes, and versions are never reused; the found value is kept as a borrowed pointer, valid
/// while the version matches (the type's dict holds it). Names are held strongly so a freed
/// name's address cannot alias a new one.
pub mod lookup_cache {
    use super::*;

    const SIZE: usize = 4096;

    #[derive(Clone)]
    struct Entry {
        version: u32,
        name: Value,
        /// The raw object found (payload, tag), or NULL for "not on the MRO".
        found: (u64, u64),
    }

    thread_local! {
        /// The thread's table of `SIZE` entries, allocated on first use and never freed (as
        /// the frame stack): a plain pointer cell has no TLS destructor, so reading it is one
        /// thread-local load with no "initialized yet" state check.
        static CACHE: Cell<*mut Entry> = const { Cell::new(ptr::null_mut()) };
    }

    /// The thread's table.
    #[inline(always)]
    fn table() -> *mut Entry {
        let p = CACHE.with(|c| c.get());
        if p.is_null() {
            return first_table();
        }
        p
    }

    /// Allocates the thread's table (first lookup on this thread).
    #[cold]
    #[inline(never)]
    fn first_table() -> *mut Entry {
        let v = vec![
            Entry {
                version: 0,
                name: Value::NULL,
                found: (0, 0)
            };
            SIZE
        ];
        let p = Box::leak(v.into_boxed_slice()).as_mut_ptr();
        CACHE.with(|c| c.set(p));
        p
    }

    #[inline(always)]
    fn slot(version: u32, name: &Value) -> usize {
        let h = (version as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ name.payload.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            ^ name.tag;
        (h >> 52) as usize & (SIZE - 1)
    }

    /// Cached `ty.lookup_uncached(name)`.
    #[inline]
    pub fn lookup(ty: &TypeObject, name: &Value) -> Option<Value> {
        let version = ty.version.get();
        if version == 0 {
            return ty.lookup_uncached(name);
        }
        let i = slot(version, name);
        // SAFETY: single-threaded; i < SIZE; the borrow ends before any call that could
        // re-enter (the MRO walk below runs no Python code).
        let e = unsafe { &mut *table().add(i) };
        if e.version == version && e.name.is(name) {
            if e.found.1 == 0 {
                return None;
            }
            // SAFETY: the version matches, so the type's dict still holds this object.
            let v = unsafe { std::mem::ManuallyDrop::new(Value::from_raw(e.found.0, e.found.1)) };
            return Some((*v).clone());
        }
        fill(e, ty, name, version)
    }

    /// A miss: walks the MRO and remembers the result in `e`.
    #[inline(never)]
    fn fill(e: &mut Entry, ty: &TypeObject, name: &Value, version: u32) -> Option<Value> {
        let r = ty.lookup_uncached(name);
        // The walk runs no Python code (dict lookups of str keys), so `e` is still ours.
        e.version = version;
        e.name = name.clone();
        e.found = match &r {
            Some(v) => (v.payload, v.tag),
            None => (0, 0),
        };
        r
    }
}

/// Types whose payload is `T`: lets [`Value::downcast_ref`] check the layout.
pub trait PyPayload: Sized {
    /// The built-in type whose instances carry this payload.
    fn type_object() -> *const TypeObject;
    /// Whether built-in types extend this payload: a built-in type whose layout's `base` is
    /// [`Self::type_object`] has a `#[repr(C)]` payload that starts with `Self` (as
    /// `collections.defaultdict` starts with a `dict`), and `downcast_ref` accepts its
    /// instances too. Off by default, so other downcasts pay nothing for it.
    const EXTENSIBLE: bool = false;
}

/// Frees an `Obj<T>` allocated by [`alloc`]: the `dealloc` slot of built-in heap types.
///
/// # Safety
/// `p` must come from `alloc::<T>` and have no references left.
pub unsafe fn dealloc_obj<T>(p: *mut ObjHeader) {
    drop(Box::from_raw(p as *mut Obj<T>));
}

/// Frees an `Obj<T>` of a type whose instances can be weakly referenced: clears their weak
/// references (calling the callbacks) first. The `dealloc` slot of such built-in types.
///
/// # Safety
/// As [`dealloc_obj`].
pub unsafe fn dealloc_weakrefable<T>(p: *mut ObjHeader) {
    weakref::clear_on_dealloc(p);
    dealloc_obj::<T>(p);
}

/// Payload of an instance of a class derived from a built-in type: the built-in payload first
/// (so `downcast_ref::<T>` still works), then the instance dict.
#[repr(C)]
pub struct WithDict<T> {
    pub base: T,
    pub dict: UnsafeCell<Value>,
}

/// How instances of classes derived from a built-in type are laid out.
#[derive(Clone, Copy)]
pub struct SubLayout {
    pub dealloc: unsafe fn(*mut ObjHeader),
    pub dict_offset: usize,
}

/// The [`SubLayout`] for built-in payload `T`.
pub const fn sub_layout<T>() -> Option<SubLayout> {
    Some(SubLayout {
        dealloc: dealloc_obj::<WithDict<T>>,
        dict_offset: std::mem::offset_of!(Obj<WithDict<T>>, data)
            + std::mem::offset_of!(WithDict<T>, dict),
    })
}

/// Allocates a new object of type `ty` with payload `data`; returns the owning value. For a
/// class derived from a built-in type, the payload is wrapped with an instance dict.
// Type pointers always point at immortal types (built-in statics or leaked classes).
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn alloc<T>(ty: *const TypeObject, data: T) -> Value {
    // SAFETY: types are immortal.
    if unsafe { (*ty).flags } & flags::WRAPS_DICT != 0 {
        return alloc_raw(
            ty,
            WithDict {
                base: data,
                dict: UnsafeCell::new(Value::NULL),
            },
        );
    }
    alloc_raw(ty, data)
}

fn alloc_raw<T>(ty: *const TypeObject, data: T) -> Value {
    let b = Box::new(Obj {
        header: ObjHeader {
            refcnt: Cell::new(1),
            ty,
        },
        data,
    });
    Value::from_owned_ptr(Box::into_raw(b) as *mut ObjHeader)
}

impl Value {
    /// The payload of an object whose layout is `T` (the exact type or a subclass of it).
    #[inline]
    pub fn downcast_ref<T: PyPayload>(&self) -> Option<&T> {
        if !self.is_obj() {
            return None;
        }
        // SAFETY: OBJ values point at a live object whose type is live.
        unsafe {
            let p = self.obj_ptr();
            let ty = (*p).ty;
            let layout = (*ty).layout;
            if ptr::eq(ty, T::type_object())
                || ptr::eq(layout, T::type_object())
                || (T::EXTENSIBLE && !layout.is_null() && ptr::eq((*layout).base, T::type_object()))
            {
                Some(&(*(p as *const Obj<T>)).data)
            } else {
                None
            }
        }
    }

    /// The payload of an object known to have layout `T`.
    ///
    /// # Safety
    /// The value must be an object whose layout is `T`.
    #[inline(always)]
    pub unsafe fn payload_unchecked<T>(&self) -> &T {
        &(*(self.obj_ptr() as *const Obj<T>)).data
    }

    /// The payload when the value's type is exactly `T`'s type (not a subclass): the guard of
    /// specialized instructions, one compare after the tag check.
    #[inline(always)]
    pub fn downcast_exact<T: PyPayload>(&self) -> Option<&T> {
        if self.is_obj() && ptr::eq(self.type_ptr(), T::type_object()) {
            // SAFETY: objects of exactly T's type carry a T payload.
            Some(unsafe { self.payload_unchecked::<T>() })
        } else {
            None
        }
    }

    /// The value's type object as a reference.
    #[inline]
    pub fn ty(&self) -> &'static TypeObject {
        // SAFETY: types are immortal.
        unsafe { &*type_of(self) }
    }

    /// The type's name, for error messages.
    pub fn type_name(&self) -> &'static str {
        self.ty().name
    }
}

/// The type of any value.
#[inline]
pub fn type_of(v: &Value) -> *const TypeObject {
    use crate::abi::tag;
    match v.tag {
        tag::INT => &int::INT_TYPE,
        tag::FLOAT => &float::FLOAT_TYPE,
        tag::BOOL => &bool_::BOOL_TYPE,
        tag::NONE => &none::NONE_TYPE,
        // SAFETY: OBJ values point at a live object.
        tag::OBJ => unsafe { (*v.obj_ptr()).ty },
        tag::NULL => &none::NONE_TYPE,
        _ => &str::STR_TYPE,
    }
}

/// Every built-in type, for readying at start-up and for the builtins module.
pub fn builtin_types() -> Vec<&'static TypeObject> {
    let mut v: Vec<&'static TypeObject> = vec![
        &object::OBJECT_TYPE,
        &TYPE_TYPE,
        &int::INT_TYPE,
        &bool_::BOOL_TYPE,
        &float::FLOAT_TYPE,
        &complex::COMPLEX_TYPE,
        &none::NONE_TYPE,
        &none::NOT_IMPLEMENTED_TYPE,
        &none::ELLIPSIS_TYPE,
        &str::STR_TYPE,
        &bytes::BYTES_TYPE,
        &bytes::BYTEARRAY_TYPE,
        &memoryview::MEMORYVIEW_TYPE,
        &tuple::TUPLE_TYPE,
        &list::LIST_TYPE,
        &dict::DICT_TYPE,
        &dict::DICT_KEYS_TYPE,
        &dict::DICT_VALUES_TYPE,
        &dict::DICT_ITEMS_TYPE,
        &set::SET_TYPE,
        &set::FROZENSET_TYPE,
        &range::RANGE_TYPE,
        &slice::SLICE_TYPE,
        &code::CODE_TYPE,
        &function::FUNCTION_TYPE,
        &function::METHOD_TYPE,
        &generator::GENERATOR_TYPE,
        &coroutine::COROUTINE_TYPE,
        &coroutine::CORO_WRAPPER_TYPE,
        &async_generator::ASYNC_GENERATOR_TYPE,
        &async_generator::ASEND_TYPE,
        &async_generator::ATHROW_TYPE,
        &async_generator::WRAPPED_VALUE_TYPE,
        &async_generator::ASYNCGEN_HOOKS_TYPE,
        &anext_awaitable::ANEXT_AWAITABLE_TYPE,
        &traceback::TRACEBACK_TYPE,
        &frame::FRAME_TYPE,
        &cell::CELL_TYPE,
        &module::MODULE_TYPE,
        &builtin_function::BUILTIN_FUNCTION_TYPE,
        &builtin_function::METHOD_DESCRIPTOR_TYPE,
        &builtin_function::GETSET_DESCRIPTOR_TYPE,
        &builtin_function::SLOT_WRAPPER_TYPE,
        &descriptors::PROPERTY_TYPE,
        &descriptors::CLASSMETHOD_TYPE,
        &descriptors::STATICMETHOD_TYPE,
        &descriptors::SUPER_TYPE,
        &descriptors::MEMBER_DESCRIPTOR_TYPE,
        &generic_alias::GENERIC_ALIAS_TYPE,
        &generic_alias::GENERIC_ALIAS_ITER_TYPE,
        &union_type::UNION_TYPE,
        &range::LONG_RANGE_ITER_TYPE,
    ];
    v.extend(iterators::iterator_types());
    v.extend(exception::exception_types());
    v
}

/// Builds the MRO and the dict of every built-in type. Call once at start-up.
pub fn ready_builtin_types() {
    for t in builtin_types() {
        t.mro();
    }
}
