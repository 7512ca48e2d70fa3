//! Struct sequences (CPython's `PyStructSequence`): tuples whose items are also named
//! attributes, such as `_thread._ExceptHookArgs`. A struct sequence type is a static
//! `TypeObject { name, getsets: &[...], ..STRUCTSEQ_SLOTS }` whose getsets are its fields, in
//! order, each read by [`field`]; the repr and the constructor take the names from there.

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::from_string;
use crate::objects::tuple::{self, tuple_items, Tuple, TUPLE_TYPE};
use crate::objects::{alloc, dealloc_obj, BinaryFn, NbOp, PyResult, TypeObject, NB_COUNT};

/// The getter of field `I` (a struct sequence always has all its fields).
pub fn field<const I: usize>(v: &Value) -> PyResult<Value> {
    Ok(tuple_items(v).get(I).cloned().unwrap_or(Value::NONE))
}

/// A new struct sequence of type `ty` (whose field count must match `items`).
pub fn new_structseq(ty: &'static TypeObject, items: Vec<Value>) -> Value {
    alloc(
        ty,
        Tuple {
            items: items.into_boxed_slice(),
        },
    )
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
    Ok(alloc(
        ty,
        Tuple {
            items: items.into_boxed_slice(),
        },
    ))
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
