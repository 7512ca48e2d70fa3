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

/// The codecs `str.encode` and `bytes.decode` support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

/// Resolves an encoding name as Python's codec registry would (case, `_`/`-`/space
/// insensitive aliases); LookupError `unknown encoding: x` otherwise.
pub fn normalize_encoding(name: &str) -> crate::objects::PyResult<Codec> {
    let n: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" | "iso-8859-1:1987" => Ok(Codec::Latin1),
        _ => crate::objects::exception::err(
            &crate::objects::exception::LOOKUP_ERROR,
            format!("unknown encoding: {}", name),
        ),
    }
}
