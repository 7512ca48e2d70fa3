//! Struct sequences (CPython's `PyStructSequence`): tuples whose items are also named
//! attributes, such as `_thread._ExceptHookArgs`. A struct sequence type is a static
//! `TypeObject { name, getsets: &[...], ..STRUCTSEQ_SLOTS }` whose getsets are its fields, in
//! order, each read by [`field`]; the repr and the constructor take the names from there.
//!
//! Some struct sequences have named fields beyond their sequence part (`os.stat_result`: ten
//! items, `st_mtime_ns` and others only as attributes). Such a type uses
//! [`STRUCTSEQ_EXT_SLOTS`]: its instances are [`StructSeqExt`]s, a tuple of the visible items
//! followed by the hidden ones, read by [`ext_field`], and its getsets list the visible fields
//! first, then the hidden ones.

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::from_string;
use crate::objects::tuple::{self, tuple_items, Tuple, TUPLE_TYPE};
use crate::objects::{alloc, dealloc_obj, flags, BinaryFn, NbOp, PyResult, TypeObject, NB_COUNT};

/// The getsets of a struct sequence's fields, in order:
/// `fields!["major" => field::<0>, "minor" => field::<1>]`.
macro_rules! fields {
    ($($name:literal => $get:expr),* $(,)?) => {
        &[$($crate::objects::GetSetDef { name: $name, get: $get, set: None }),*]
    };
}
pub(crate) use fields;

/// The getter of field `I` (a struct sequence always has all its fields).
pub fn field<const I: usize>(v: &Value) -> PyResult<Value> {
    Ok(tuple_items(v).get(I).cloned().unwrap_or(Value::NONE))
}

/// A new struct sequence of type `ty` (whose field count must match `items`).
pub fn new_structseq(ty: &'static TypeObject, items: Vec<Value>) -> Value {
    alloc(ty, Tuple::new(items))
}

/// Payload of a struct sequence with hidden fields: the sequence part first (so it is a
/// tuple to everything that reads tuples), then the fields only reachable by name.
#[repr(C)]
pub struct StructSeqExt {
    pub tuple: Tuple,
    pub hidden: Box<[Value]>,
}

/// A new struct sequence of type `ty` (made from [`STRUCTSEQ_EXT_SLOTS`]) with sequence
/// items `items` and hidden fields `hidden`.
pub fn new_structseq_ext(ty: &'static TypeObject, items: Vec<Value>, hidden: Vec<Value>) -> Value {
    debug_assert!(ty.flags & flags::STRUCTSEQ_EXT != 0);
    alloc(
        ty,
        StructSeqExt {
            tuple: Tuple::new(items),
            hidden: hidden.into_boxed_slice(),
        },
    )
}

/// The getter of hidden field `I` of a struct sequence made from [`STRUCTSEQ_EXT_SLOTS`].
pub fn ext_field<const I: usize>(v: &Value) -> PyResult<Value> {
    if !v.is_obj() || v.ty().flags & flags::STRUCTSEQ_EXT == 0 {
        return Ok(Value::NONE);
    }
    // SAFETY: types with the STRUCTSEQ_EXT flag allocate `StructSeqExt` payloads.
    let d = unsafe { v.payload_unchecked::<StructSeqExt>() };
    Ok(d.hidden.get(I).cloned().unwrap_or(Value::NONE))
}

/// Records CPython's `n_sequence_fields`, `n_fields` and `n_unnamed_fields` class attributes
/// of struct sequence type `ty`.
pub fn set_field_counts(
    ty: &'static TypeObject,
    n_sequence: usize,
    n_fields: usize,
    n_unnamed: usize,
) {
    let d = ty.dict();
    if let Some(d) = d.downcast_ref::<crate::objects::dict::Dict>() {
        for (k, n) in [
            ("n_sequence_fields", n_sequence),
            ("n_fields", n_fields),
            ("n_unnamed_fields", n_unnamed),
        ] {
            let _ = d.set_item(crate::objects::str::new_str(k), Value::int(n as i64));
        }
    }
    ty.version.set(crate::objects::class_::next_type_version());
}

/// `T(sequence)`: exactly as many items as the type has fields.
fn structseq_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // SAFETY: types are immortal.
    let t = unsafe { &*ty };
    let [seq] = args else {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() takes at most 2 arguments ({} given)",
                t.name,
                args.len() + kwnames.len()
            ),
        );
    };
    let items = crate::ops::sequence::collect(seq)?;
    let n = t.getsets.len();
    if items.len() != n {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() takes a {}-sequence ({}-sequence given)",
                t.name,
                n,
                items.len()
            ),
        );
    }
    Ok(alloc(ty, Tuple::new(items)))
}

/// `T(name0=repr0, name1=repr1, ...)`.
fn structseq_repr(v: &Value) -> PyResult<Value> {
    let mut s = format!("{}(", v.type_name());
    for (i, (g, x)) in v.ty().getsets.iter().zip(tuple_items(v)).enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(g.name);
        s.push('=');
        s.push_str(&crate::ops::object::repr_string(x)?);
    }
    s.push(')');
    Ok(from_string(s))
}

/// The slots every struct sequence type shares: a tuple, with a named repr and a
/// fixed-length constructor.
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
pub const STRUCTSEQ_SLOTS: TypeObject = TypeObject {
    base: &TUPLE_TYPE,
    layout: &TUPLE_TYPE,
    dealloc: dealloc_obj::<Tuple>,
    repr: Some(structseq_repr),
    hash: Some(tuple::tuple_hash),
    richcompare: Some(tuple::tuple_richcompare),
    len: Some(tuple::tuple_len),
    getitem: Some(tuple::tuple_getitem),
    contains: Some(tuple::tuple_contains),
    iter: Some(tuple::tuple_iter),
    nb: {
        let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
        nb[NbOp::Add as usize] = Some(tuple::tuple_add);
        nb[NbOp::Mul as usize] = Some(tuple::tuple_mul);
        nb
    },
    new: Some(structseq_new),
    ..TypeObject::EMPTY
};

/// The slots of a struct sequence with hidden fields (see [`StructSeqExt`]); such a type also
/// sets `flags: flags::STRUCTSEQ_EXT` and its own `new`.
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
pub const STRUCTSEQ_EXT_SLOTS: TypeObject = TypeObject {
    flags: flags::STRUCTSEQ_EXT,
    dealloc: dealloc_obj::<StructSeqExt>,
    new: None,
    ..STRUCTSEQ_SLOTS
};
