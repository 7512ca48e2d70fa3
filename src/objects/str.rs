//! `str`: immutable Unicode text. Up to 15 UTF-8 bytes live inline in the [`Value`]; longer
//! strings are heap [`Str`] objects with a cached hash and code-point count.
//!
//! Invariant: the representation is canonical (see `abi`): a string of at most 15 bytes is
//! never a heap object, so equality of two inline strings is equality of their bits.

use std::cell::Cell;
use std::ops::Deref;

use crate::abi::Value;
use crate::objects::{alloc, dealloc_obj, PyPayload, PyResult, TypeObject};

/// Heap payload of a `str` longer than 15 bytes.
pub struct Str {
    pub s: Box<str>,
    /// Number of code points.
    pub char_len: usize,
    /// Cached hash; `u64::MAX` until computed.
    hash: Cell<u64>,
}

impl PyPayload for Str {
    fn type_object() -> *const TypeObject {
        &STR_TYPE
    }
}

/// Borrowed text of a `str` value, inline or heap. Derefs to `&str`.
pub enum StrRef<'a> {
    Inline { len: u8, buf: [u8; 16] },
    Heap(&'a Str),
}

impl Deref for StrRef<'_> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        match self {
            // SAFETY: inline strings are built from valid UTF-8 of exactly `len` bytes.
            StrRef::Inline { len, buf } => unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) },
            StrRef::Heap(s) => &s.s,
        }
    }
}

impl StrRef<'_> {
    /// Number of code points.
    pub fn char_len(&self) -> usize {
        match self {
            StrRef::Inline { .. } => self.chars().count(),
            StrRef::Heap(s) => s.char_len,
        }
    }
    /// Whether every character is ASCII (so byte and code-point indices agree).
    pub fn is_ascii_fast(&self) -> bool {
        match self {
            StrRef::Inline { .. } => self.is_ascii(),
            StrRef::Heap(s) => s.char_len == s.s.len(),
        }
    }
}

/// A new `str` value with the given text.
pub fn new_str(s: &str) -> Value {
    if let Some(v) = Value::small_str(s) {
        return v;
    }
    let char_len = s.chars().count();
    alloc(&STR_TYPE, Str { s: s.into(), char_len, hash: Cell::new(u64::MAX) })
}

/// A new `str` value taking a `String`.
pub fn from_string(s: String) -> Value {
    if s.len() <= 15 {
        return new_str(&s);
    }
    let char_len = s.chars().count();
    alloc(&STR_TYPE, Str { s: s.into_boxed_str(), char_len, hash: Cell::new(u64::MAX) })
}

/// The text of a `str` value (or of a str subclass instance); `None` for other types.
#[inline]
pub fn as_str(v: &Value) -> Option<StrRef<'_>> {
    if v.is_small_str() {
        let (len, buf) = v.small_str_bytes();
        return Some(StrRef::Inline { len: len as u8, buf });
    }
    v.downcast_ref::<Str>().map(StrRef::Heap)
}

/// Whether `v` is a `str` (exact or subclass).
#[inline]
pub fn is_str(v: &Value) -> bool {
    v.is_small_str() || v.downcast_ref::<Str>().is_some()
}

/// Equality of two values known to be strings.
#[inline]
pub fn str_eq(a: &Value, b: &Value) -> bool {
    if a.is_small_str() || b.is_small_str() {
        return a.is(b);
    }
    match (a.downcast_ref::<Str>(), b.downcast_ref::<Str>()) {
        (Some(x), Some(y)) => std::ptr::eq(x, y) || x.s == y.s,
        _ => false,
    }
}

/// The hash of some text: a 64-bit FNV-1a with a final avalanche, never -1 as an i64.
///
/// CPython randomizes str hashes per process, so no program can depend on the values; only
/// the equality contract matters (equal strings, equal hashes).
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of a value known to be a string.
#[inline]
pub fn str_hash(v: &Value) -> i64 {
    if v.is_small_str() {
        let (len, buf) = v.small_str_bytes();
        return hash_bytes(&buf[..len]);
    }
    // SAFETY: callers pass str values; non-inline strs are heap `Str`s.
    let s = unsafe { v.payload_unchecked::<Str>() };
    let h = s.hash.get();
    if h != u64::MAX {
        return h as i64;
    }
    let h = hash_bytes(s.s.as_bytes());
    s.hash.set(h as u64);
    h
}

/// The `str` type.
pub static STR_TYPE: TypeObject = TypeObject {
    name: "str",
    layout: &STR_TYPE,
    flags: crate::objects::flags::BASETYPE,
    dealloc: dealloc_obj::<Str>,
    repr: Some(str_repr),
    str: Some(str_str),
    hash: Some(|v| Ok(str_hash(v))),
    richcompare: Some(str_richcompare),
    bool_: Some(|v| Ok(as_str(v).is_some_and(|s| !s.is_empty()))),
    len: Some(|v| Ok(as_str(v).map_or(0, |s| s.char_len()))),
    getitem: Some(str_getitem),
    contains: Some(str_contains),
    iter: Some(str_iter),
    nb: {
        let mut nb = [None; crate::objects::NB_COUNT];
        nb[NbOp::Add as usize] = Some(str_add as crate::objects::BinaryFn);
        nb[NbOp::Mul as usize] = Some(str_mul as crate::objects::BinaryFn);
        nb[NbOp::Rem as usize] = Some(str_mod as crate::objects::BinaryFn);
        nb
    },
    new: Some(str_new),
    methods: STR_METHODS,
    doc: "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
    ..TypeObject::EMPTY
};

/// Builds a `str` from a Rust `char`.
pub fn from_char(c: char) -> Value {
    let mut b = [0u8; 4];
    new_str(c.encode_utf8(&mut b))
}

/// `str` result helper for slot functions.
pub fn ok_str(s: impl AsRef<str>) -> PyResult<Value> {
    Ok(new_str(s.as_ref()))
}
