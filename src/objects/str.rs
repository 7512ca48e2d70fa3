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
            StrRef::Inline { len, buf } => unsafe {
                std::str::from_utf8_unchecked(&buf[..*len as usize])
            },
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

/// The bytes of an inline str as one little-endian `u128` (byte `i` at bits `8i..8i+8`, zero
/// past the end) and its byte length.
#[inline(always)]
pub fn small_bits(v: &Value) -> (u128, usize) {
    (
        v.payload as u128 | ((v.tag >> 8) as u128) << 64,
        (v.tag & 0x0F) as usize,
    )
}

/// An inline str from bytes laid out as [`small_bits`] returns them (`len <= 15`, bytes past
/// `len` zero, valid UTF-8): the inverse of `small_bits`, with no copy through memory.
#[inline(always)]
pub fn from_small_bits(bits: u128, len: usize) -> Value {
    debug_assert!(len <= 15 && (len == 15 || bits >> (8 * len) == 0));
    Value {
        payload: bits as u64,
        tag: (((bits >> 64) as u64) << 8) | crate::abi::tag::SSTR | len as u64,
    }
}

/// The high bit of every byte: a `u128` of bytes is ASCII when `bits & ASCII_HIGH == 0`.
const ASCII_HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;

/// Bytes `a..b` (`a <= b <= len`) of inline string bits as new inline string bits.
#[inline(always)]
fn small_sub(bits: u128, a: usize, b: usize) -> u128 {
    let shifted = bits >> (8 * a as u32);
    let n = b - a;
    if n >= 16 {
        shifted
    } else {
        shifted & ((1u128 << (8 * n as u32)) - 1)
    }
}

/// Per byte of ASCII `bits`: 0x20 where the byte is in `lo..=hi` (both ASCII letters' bounds),
/// else 0. Zero padding bytes are never in range.
#[inline(always)]
fn ascii_range_mask(bits: u128, lo: u8, hi: u8) -> u128 {
    const ONES: u128 = u128::MAX / 255;
    // Each byte is < 0x80, so neither sum carries into the next byte.
    let ge_lo = bits + ONES * (0x80 - lo as u128);
    let gt_hi = bits + ONES * (0x80 - hi as u128 - 1);
    ((ge_lo & !gt_hi) & ASCII_HIGH) >> 2
}

/// The bytes of `v` as [`small_bits`] lays them out, and its length, when it is an inline
/// ASCII str (the case methods below then work on all its bytes at once).
#[inline(always)]
fn small_ascii_bits(v: &Value) -> Option<(u128, usize)> {
    if !v.is_small_str() {
        return None;
    }
    let (bits, len) = small_bits(v);
    (bits & ASCII_HIGH == 0).then_some((bits, len))
}

/// `s.lower()` of an inline ASCII str, computed in registers; `None` for other strs.
#[inline]
pub fn small_ascii_lower(v: &Value) -> Option<Value> {
    let (bits, len) = small_ascii_bits(v)?;
    Some(from_small_bits(
        bits | ascii_range_mask(bits, b'A', b'Z'),
        len,
    ))
}

/// `s.upper()` of an inline ASCII str, computed in registers; `None` for other strs.
#[inline]
pub fn small_ascii_upper(v: &Value) -> Option<Value> {
    let (bits, len) = small_ascii_bits(v)?;
    Some(from_small_bits(
        bits & !ascii_range_mask(bits, b'a', b'z'),
        len,
    ))
}

/// `s.capitalize()` of an inline ASCII str (first byte upper-cased, the rest lower-cased),
/// computed in registers; `None` for other strs.
#[inline]
pub fn small_ascii_capitalize(v: &Value) -> Option<Value> {
    let (bits, len) = small_ascii_bits(v)?;
    let to_lower = ascii_range_mask(bits, b'A', b'Z') & !0xFF;
    let to_upper = ascii_range_mask(bits, b'a', b'z') & 0xFF;
    Some(from_small_bits((bits | to_lower) & !to_upper, len))
}

/// Up to 15 bytes as [`small_bits`] lays them out, read with at most two overlapping loads
/// (no byte loop, no `memcpy` call): the way short slices of a longer text become inline strs.
#[inline(always)]
fn load_small(b: &[u8]) -> u128 {
    let n = b.len();
    debug_assert!(n <= 15);
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
    let half = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap()) as u64;
    if n >= 8 {
        // Bytes 0..8, and bytes n-8..n shifted up to their places 8..n (overlap dropped).
        let lo = word(0);
        let hi = if n == 8 {
            0
        } else {
            word(n - 8) >> (8 * (16 - n))
        };
        lo as u128 | (hi as u128) << 64
    } else if n >= 4 {
        let lo = half(0);
        // Bytes n-4..n, the overlap with bytes 0..4 shifted out, moved up to places 4..n.
        let hi = half(n - 4) >> (8 * (8 - n)) << 32;
        (lo | hi) as u128
    } else {
        let mut x = 0u64;
        for (i, &c) in b.iter().enumerate() {
            x |= (c as u64) << (8 * i);
        }
        x as u128
    }
}

/// A new `str` value with the given text.
pub fn new_str(s: &str) -> Value {
    if s.len() <= 15 {
        return from_small_bits(load_small(s.as_bytes()), s.len());
    }
    let char_len = s.chars().count();
    alloc(
        &STR_TYPE,
        Str {
            s: s.into(),
            char_len,
            hash: Cell::new(u64::MAX),
        },
    )
}

/// A new `str` value taking a `String`.
pub fn from_string(s: String) -> Value {
    if s.len() <= 15 {
        return new_str(&s);
    }
    let char_len = s.chars().count();
    alloc(
        &STR_TYPE,
        Str {
            s: s.into_boxed_str(),
            char_len,
            hash: Cell::new(u64::MAX),
        },
    )
}

/// The text of a `str` value (or of a str subclass instance); `None` for other types.
#[inline]
pub fn as_str(v: &Value) -> Option<StrRef<'_>> {
    if v.is_small_str() {
        let (len, buf) = v.small_str_bytes();
        return Some(StrRef::Inline {
            len: len as u8,
            buf,
        });
    }
    v.downcast_ref::<Str>().map(StrRef::Heap)
}

/// Whether `v` is a `str` (exact or subclass).
#[inline]
pub fn is_str(v: &Value) -> bool {
    v.is_small_str() || v.downcast_ref::<Str>().is_some()
}

/// Whether `v` is an exact `str` (inline or heap), not an instance of a subclass.
#[inline(always)]
pub fn is_exact_str(v: &Value) -> bool {
    v.is_small_str() || std::ptr::eq(v.type_ptr(), &STR_TYPE)
}

/// Equality of two values known to be strings.
#[inline]
pub fn str_eq(a: &Value, b: &Value) -> bool {
    if a.is_small_str() && b.is_small_str() {
        return a.is(b);
    }
    if a.is_small_str() || b.is_small_str() {
        // Only instances of str subclasses are short heap strings: compare the text.
        return match (as_str(a), as_str(b)) {
            (Some(x), Some(y)) => *x == *y,
            _ => false,
        };
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
    if b.len() <= 15 {
        let mut buf = [0u8; 16];
        buf[..b.len()].copy_from_slice(b);
        let lo = u64::from_le_bytes(buf[0..8].try_into().unwrap());
        let hi = u64::from_le_bytes(buf[8..16].try_into().unwrap());
        return hash_words(lo, hi, b.len());
    }
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

/// Hash of up to 15 bytes given as two little-endian words (zero padded): two multiplies,
/// so inline strings (the names of nearly every global and attribute) hash in a few cycles.
#[inline(always)]
fn hash_words(lo: u64, hi: u64, len: usize) -> i64 {
    let mut h = (lo ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= (hi ^ len as u64).wrapping_add(h >> 29);
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 32;
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
        // The tag holds bytes 8..15 above its kind byte; the length is in its low nibble.
        return hash_words(v.payload, v.tag >> 8, (v.tag & 0x0F) as usize);
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
    sub_layout: crate::objects::sub_layout::<Str>(),
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

fn str_repr(v: &Value) -> PyResult<Value> {
    Ok(from_string(crate::format::str_repr(&as_str(v).unwrap())))
}

fn str_str(v: &Value) -> PyResult<Value> {
    Ok(new_str(&as_str(v).unwrap()))
}

fn str_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_str(a), as_str(b)) else {
        return Ok(crate::objects::none::not_implemented());
    };
    // UTF-8 byte order is code point order.
    Ok(Value::bool(op.test(x.as_bytes().cmp(y.as_bytes()))))
}

/// The byte offset of code point `i` in `s` (`i <= char_len`).
pub fn byte_offset(s: &StrRef, i: usize) -> usize {
    if s.is_ascii_fast() {
        return i;
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// Clamps a step-1 slice bound (`None`: the end given by `default`) into `0..=n`, as
/// `PySlice_AdjustIndices` does.
#[inline(always)]
fn clamp_bound(i: Option<i64>, n: usize, default: usize) -> usize {
    match i {
        None => default,
        Some(i) if i < 0 => (i + n as i64).max(0) as usize,
        Some(i) => (i as u64).min(n as u64) as usize,
    }
}

/// `s[start:stop]` for a str `s` (exact, or a subclass whose slicing is `str`'s), with the
/// bounds already reduced to ints (`None`: omitted). Short results are inline; an inline
/// ASCII source is sliced in registers.
///
/// Always inlined (the inline ASCII case is a few register operations); other strs go to
/// [`slice_range_text`].
#[inline(always)]
pub fn slice_range(v: &Value, start: Option<i64>, stop: Option<i64>) -> Value {
    if v.is_small_str() {
        let (bits, len) = small_bits(v);
        if bits & ASCII_HIGH == 0 {
            let a = clamp_bound(start, len, 0);
            let b = clamp_bound(stop, len, len).max(a);
            return from_small_bits(small_sub(bits, a, b), b - a);
        }
    }
    slice_range_text(v, start, stop)
}

/// [`slice_range`] of a heap or non-ASCII str.
#[inline(never)]
fn slice_range_text(v: &Value, start: Option<i64>, stop: Option<i64>) -> Value {
    let s = as_str(v).unwrap();
    let n = s.char_len();
    let a = clamp_bound(start, n, 0);
    let b = clamp_bound(stop, n, n).max(a);
    let (x, y) = if s.is_ascii_fast() {
        (a, b)
    } else {
        (byte_offset(&s, a), byte_offset(&s, b))
    };
    new_str(&s[x..y])
}

fn str_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    let s = as_str(v).unwrap();
    let n = s.char_len();
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::SliceObj>() {
        let (start, _stop, step, count) = crate::objects::slice::slice_indices(sl, n)?;
        if step == 1 {
            let a = byte_offset(&s, start as usize);
            let b = byte_offset(&s, start as usize + count);
            return Ok(new_str(&s[a..b]));
        }
        if s.is_ascii_fast() {
            // Byte i is character i: pick every step-th byte.
            let b = s.as_bytes();
            let mut out = Vec::with_capacity(count);
            let mut i = start;
            for _ in 0..count {
                out.push(b[i as usize]);
                i += step;
            }
            // SAFETY: ASCII bytes are valid UTF-8.
            return Ok(from_string(unsafe { String::from_utf8_unchecked(out) }));
        }
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(count);
        let mut i = start;
        for _ in 0..count {
            out.push(chars[i as usize]);
            i += step;
        }
        return Ok(from_string(out));
    }
    if k.ty().index.is_none() && k.as_small_int().is_none() {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            format!("string indices must be integers, not '{}'", k.type_name()),
        );
    }
    let i = crate::ops::sequence::index_arg(k, "string")?;
    let j = crate::ops::sequence::normalize_index(i, n, "string")?;
    if s.is_ascii_fast() {
        return Ok(new_str(&s[j..j + 1]));
    }
    Ok(from_char(s.chars().nth(j).unwrap()))
}

fn str_contains(v: &Value, k: &Value) -> PyResult<bool> {
    let Some(needle) = as_str(k) else {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            format!(
                "'in <string>' requires string as left operand, not {}",
                k.type_name()
            ),
        );
    };
    Ok(as_str(v).unwrap().contains(&*needle))
}

/// Payload of a str iterator: the string and the byte position of the next character.
pub struct StrIter {
    s: Value,
    pos: Cell<usize>,
}

impl PyPayload for StrIter {
    fn type_object() -> *const TypeObject {
        &STR_ITER_TYPE
    }
}

fn str_iter(v: &Value) -> PyResult<Value> {
    Ok(alloc(
        &STR_ITER_TYPE,
        StrIter {
            s: v.clone(),
            pos: Cell::new(0),
        },
    ))
}

/// The str iterator type.
pub static STR_ITER_TYPE: TypeObject = TypeObject {
    name: "str_ascii_iterator",
    layout: &STR_ITER_TYPE,
    dealloc: dealloc_obj::<StrIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(|v| {
        // SAFETY: only StrIter objects have this slot.
        let it = unsafe { v.payload_unchecked::<StrIter>() };
        let s = as_str(&it.s).unwrap();
        let p = it.pos.get();
        match s[p..].chars().next() {
            Some(c) => {
                it.pos.set(p + c.len_utf8());
                Ok(Some(from_char(c)))
            }
            None => Ok(None),
        }
    }),
    ..TypeObject::EMPTY
};

/// Character `i` of the str `s` (negative counts from the end) as a new str, if in range.
pub fn index_char(s: &Value, i: i64) -> Option<Value> {
    let t = as_str(s)?;
    if t.is_ascii_fast() {
        let n = t.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if !(0..n).contains(&j) {
            return None;
        }
        return Some(new_str(&t[j as usize..j as usize + 1]));
    }
    let n = t.char_len() as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return None;
    }
    t.chars().nth(j as usize).map(from_char)
}

/// `a + b` for two strs. Always inlined (two short strs join in registers); longer results
/// are built by [`concat_text`].
#[inline(always)]
pub fn concat(a: &Value, b: &Value) -> Value {
    if a.is_small_str() && b.is_small_str() {
        let ((x, m), (y, n)) = (small_bits(a), small_bits(b));
        if m + n <= 15 {
            // Both fit one inline str: shift `b`'s bytes in after `a`'s (m + n <= 15 < 16).
            return from_small_bits(x | y << (8 * m as u32), m + n);
        }
    }
    concat_text(a, b)
}

/// [`concat`] of strs whose result is a heap str.
#[inline(never)]
fn concat_text(a: &Value, b: &Value) -> Value {
    let (x, y) = (as_str(a).unwrap(), as_str(b).unwrap());
    let mut s = String::with_capacity(x.len() + y.len());
    s.push_str(&x);
    s.push_str(&y);
    from_string(s)
}

fn str_add(a: &Value, b: &Value) -> PyResult<Value> {
    if !is_str(a) || !is_str(b) {
        // See `list_add`: the error comes from `ops::number::binary_op`.
        return Ok(crate::objects::none::not_implemented());
    }
    Ok(concat(a, b))
}

fn str_mul(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(x) = as_str(a) else {
        return Ok(crate::objects::none::not_implemented());
    };
    let Some(n) = crate::objects::tuple::repeat_count(b)? else {
        return Ok(crate::objects::none::not_implemented());
    };
    let bytes = crate::objects::tuple::repeat_bytes(x.as_bytes(), n)?;
    // SAFETY: copies of a whole str are valid UTF-8.
    Ok(from_string(unsafe { String::from_utf8_unchecked(bytes) }))
}

fn str_mod(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(_) = as_str(a) else {
        return Ok(crate::objects::none::not_implemented());
    };
    crate::objects::str_format::percent_format(a, b)
}

fn str_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !std::ptr::eq(ty, &STR_TYPE) {
        // Instances of str subclasses are always heap objects, whatever their length.
        let v = str_new(&STR_TYPE, args, kwnames)?;
        let s = as_str(&v).unwrap();
        return Ok(alloc(
            ty,
            Str {
                s: s.to_string().into_boxed_str(),
                char_len: s.chars().count(),
                hash: Cell::new(u64::MAX),
            },
        ));
    }
    let mut p = crate::builtins::args::ArgParser::new("str", args, kwnames);
    let obj = p.optional("object")?;
    let encoding = p.optional("encoding")?;
    let errors = p.optional("errors")?;
    p.finish()?;
    match obj {
        None => Ok(new_str("")),
        Some(o) => {
            if encoding.is_some() || errors.is_some() {
                use crate::objects::exception::{err, TYPE_ERROR};
                let text_arg = |v: Option<Value>, name: &str, default: &str| match v {
                    None => Ok(default.to_string()),
                    Some(v) => match as_str(&v) {
                        Some(s) => Ok(s.to_string()),
                        None => err(
                            &TYPE_ERROR,
                            format!(
                                "str() argument '{}' must be str, not {}",
                                name,
                                v.type_name()
                            ),
                        ),
                    },
                };
                let encoding = text_arg(encoding, "encoding", "utf-8")?;
                let errors = text_arg(errors, "errors", "strict")?;
                if as_str(&o).is_some() {
                    return err(&TYPE_ERROR, "decoding str is not supported");
                }
                let Some(b) = crate::objects::bytes::as_bytes_like(&o) else {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "decoding to str: need a bytes-like object, {} found",
                            o.type_name()
                        ),
                    );
                };
                return Ok(from_string(crate::objects::bytes::decode_bytes(
                    b, &encoding, &errors,
                )?));
            }
            crate::ops::object::str_of(&o)
        }
    }
}

pub use crate::objects::str_methods::STR_METHODS;
use crate::objects::{CmpOp, NbOp};
