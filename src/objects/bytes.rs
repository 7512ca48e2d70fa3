//! `bytes` and `bytearray`. (Core only: construction and access; methods land next.)

use crate::abi::Value;
use crate::objects::{alloc, dealloc_obj, flags, PyPayload, TypeObject};

/// Payload of a `bytes` object.
pub struct Bytes {
    pub data: Box<[u8]>,
}

impl PyPayload for Bytes {
    fn type_object() -> *const TypeObject {
        &BYTES_TYPE
    }
}

/// A new `bytes` value.
pub fn new_bytes(data: &[u8]) -> Value {
    alloc(&BYTES_TYPE, Bytes { data: data.into() })
}

/// The bytes of a `bytes` value.
pub fn as_bytes(v: &Value) -> Option<&[u8]> {
    v.downcast_ref::<Bytes>().map(|b| &b.data[..])
}

/// The `bytes` type.
pub static BYTES_TYPE: TypeObject = TypeObject {
    name: "bytes",
    layout: &BYTES_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Bytes>,
    repr: Some(|v| {
        let b = as_bytes(v).unwrap();
        let mut s = String::from("b'");
        for &c in b {
            match c {
                b'\\' => s.push_str("\\\\"),
                b'\'' => s.push_str("\\'"),
                b'\n' => s.push_str("\\n"),
                b'\r' => s.push_str("\\r"),
                b'\t' => s.push_str("\\t"),
                0x20..=0x7e => s.push(c as char),
                _ => s.push_str(&format!("\\x{:02x}", c)),
            }
        }
        s.push('\'');
        Ok(crate::objects::str::from_string(s))
    }),
    hash: Some(|v| Ok(crate::objects::str::hash_bytes(as_bytes(v).unwrap()))),
    len: Some(|v| Ok(as_bytes(v).unwrap().len())),
    ..TypeObject::EMPTY
};

/// The `bytearray` type.
pub static BYTEARRAY_TYPE: TypeObject = TypeObject {
    name: "bytearray",
    layout: &BYTEARRAY_TYPE,
    flags: flags::BASETYPE,
    ..TypeObject::EMPTY
};
