//! `bytes` and `bytearray`: immutable and mutable byte strings, with CPython 3.12's
//! constructors, operators, methods and error messages.
//!
//! Both types share the method implementations below; a method's result has the type of its
//! receiver (`bytearray.upper()` returns a bytearray). Anything that reads another object's
//! bytes accepts both types ("bytes-like").

use std::cell::UnsafeCell;

use crate::abi::Value;
use crate::objects::exception::{
    err, raised_matches, INDEX_ERROR, LOOKUP_ERROR, TYPE_ERROR, UNICODE_DECODE_ERROR, VALUE_ERROR,
};
use crate::objects::list::new_list;
use crate::objects::none::not_implemented;
use crate::objects::slice::{slice_indices, SliceObj};
use crate::objects::str::{as_str, from_string};
use crate::objects::str_methods::{
    adjust_indices, clinic_kw, clinic_pos_t, clinic_type_name, encode_text, int_arg, no_args_t,
    old_pos_t, one_arg_t, slice_index,
};
use crate::objects::tuple::{new_tuple, repeat_bytes, repeat_count, try_tuple_items};
use crate::objects::{
    alloc, dealloc_obj, flags, BinaryFn, CmpOp, MethodDef, MethodKind, NbOp, PyPayload, PyResult,
    TypeObject, NB_COUNT,
};
use crate::ops::sequence::{index_arg, normalize_index};
use crate::vm::thread;

/// Payload of a `bytes` object.
pub struct Bytes {
    pub data: Box<[u8]>,
}

impl PyPayload for Bytes {
    fn type_object() -> *const TypeObject {
        &BYTES_TYPE
    }
}

/// Payload of a `bytearray` object.
pub struct ByteArray {
    data: UnsafeCell<Vec<u8>>,
}

impl PyPayload for ByteArray {
    fn type_object() -> *const TypeObject {
        &BYTEARRAY_TYPE
    }
}

impl ByteArray {
    /// Runs `f` on the bytes. `f` must not run Python code (which could mutate them).
    pub fn with<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        // SAFETY: single-threaded, and `f` cannot re-enter Python, so no other borrow exists.
        f(unsafe { &mut *self.data.get() })
    }
}

/// A new `bytes` value.
pub fn new_bytes(data: &[u8]) -> Value {
    alloc(&BYTES_TYPE, Bytes { data: data.into() })
}

/// A new `bytearray` value owning `data`.
pub fn new_bytearray(data: Vec<u8>) -> Value {
    alloc(
        &BYTEARRAY_TYPE,
        ByteArray {
            data: UnsafeCell::new(data),
        },
    )
}

/// The bytes of a `bytes` value.
pub fn as_bytes(v: &Value) -> Option<&[u8]> {
    v.downcast_ref::<Bytes>().map(|b| &b.data[..])
}

/// The bytes of a `bytes` or `bytearray` value.
///
/// For a bytearray the slice borrows its buffer: callers must not run Python code (which
/// could resize it) while they hold the slice.
pub fn as_bytes_like(v: &Value) -> Option<&[u8]> {
    if let Some(b) = v.downcast_ref::<Bytes>() {
        return Some(&b.data);
    }
    v.downcast_ref::<ByteArray>()
        // SAFETY: single-threaded; see the contract above.
        .map(|a| unsafe { (&*a.data.get()).as_slice() })
}

/// A copy of the bytes of any buffer object (bytes, bytearray, memoryview), or `None` when
/// `v` is none of these (an error for a released memoryview).
pub fn buffer_bytes(v: &Value) -> Option<PyResult<Vec<u8>>> {
    if let Some(b) = as_bytes_like(v) {
        return Some(Ok(b.to_vec()));
    }
    crate::objects::memoryview::view_bytes(v)
}

/// Whether `v` is a bytearray (whose methods return bytearrays).
fn is_bytearray(v: &Value) -> bool {
    v.downcast_ref::<ByteArray>().is_some()
}

/// The receiver's bytes.
fn this(v: &Value) -> &[u8] {
    as_bytes_like(v).expect("bytes method on a non-bytes")
}

/// The receiver's type name as CPython's messages spell it.
fn tp(v: &Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A result of the receiver's kind.
fn same_kind(v: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(v) {
        new_bytearray(data)
    } else {
        new_bytes(&data)
    }
}

/// A bytes-like argument, or `a bytes-like object is required, not 'str'`.
fn buffer_arg(v: &Value) -> PyResult<Vec<u8>> {
    match as_bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => err(
            &TYPE_ERROR,
            format!("a bytes-like object is required, not '{}'", v.type_name()),
        ),
    }
}

/// A byte value (0..=255) from an int-like value.
fn byte_value(v: &Value) -> PyResult<u8> {
    let i = int_arg(v).or_else(|e| {
        if raised_matches(&crate::objects::exception::OVERFLOW_ERROR) {
            thread::take_raised();
            Ok(-1)
        } else {
            Err(e)
        }
    })?;
    match u8::try_from(i) {
        Ok(b) => Ok(b),
        Err(_) => err(&VALUE_ERROR, "byte must be in range(0, 256)"),
    }
}

// ---------------------------------------------------------------------------------------------
// Codecs.

/// The codecs `str.encode` and `bytes.decode` support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8 (Rust strings are always valid UTF-8, so encoding never fails).
    Utf8,
    /// UTF-8 with a byte order mark (written on encode, skipped on decode).
    Utf8Sig,
    /// 7-bit ASCII.
    Ascii,
    /// ISO-8859-1: bytes are code points 0..=255.
    Latin1,
    /// UTF-16: `Some(true)` big-endian, `Some(false)` little-endian, `None` with a BOM.
    Utf16(Option<bool>),
    /// UTF-32, endianness as for `Utf16`.
    Utf32(Option<bool>),
    /// A text encoding of the codec registry (`cp1252` and the other Python-implemented
    /// codecs), by the name it was asked for: see [`text_codec`].
    Registry(&'static str),
}

impl Codec {
    /// The codec's name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
            Codec::Registry(name) => name,
        }
    }
}

/// Resolves an encoding name as Python's codec registry would (case, `_`/`-`/space
/// insensitive aliases); LookupError `unknown encoding: x` otherwise.
pub fn normalize_encoding(name: &str) -> PyResult<Codec> {
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
        "utf-8-sig" | "utf8-sig" => Ok(Codec::Utf8Sig),
        "utf-16" | "utf16" | "u16" => Ok(Codec::Utf16(None)),
        "utf-16-le" | "utf-16le" | "utf16le" | "utf16-le" => Ok(Codec::Utf16(Some(false))),
        "utf-16-be" | "utf-16be" | "utf16be" | "utf16-be" => Ok(Codec::Utf16(Some(true))),
        "utf-32" | "utf32" | "u32" => Ok(Codec::Utf32(None)),
        "utf-32-le" | "utf-32le" | "utf32le" | "utf32-le" => Ok(Codec::Utf32(Some(false))),
        "utf-32-be" | "utf-32be" | "utf32be" | "utf32-be" => Ok(Codec::Utf32(Some(true))),
        _ => err(&LOOKUP_ERROR, format!("unknown encoding: {}", name)),
    }
}

/// A `UnicodeDecodeError`/`UnicodeEncodeError` with CPython's arguments `(encoding, object,
/// start, end, reason)` (its message is made from them).
pub fn new_unicode_error(
    ty: &'static TypeObject,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<Value> {
    let args = [
        crate::objects::str::new_str(encoding),
        object,
        Value::int(start as i64),
        Value::int(end as i64),
        crate::objects::str::new_str(reason),
    ];
    crate::objects::exception::exc_new(ty, &args, &[])
}

/// The codec for a text stream's `encoding`: a native one, else a text encoding of the codec
/// registry (its encoder and decoder are called per chunk: right for the single-byte codecs
/// the standard library implements in Python). LookupError when there is none.
pub fn text_codec(encoding: &str) -> PyResult<Codec> {
    if let Ok(c) = normalize_encoding(encoding) {
        return Ok(c);
    }
    crate::vm::thread::take_raised();
    crate::modules::codecs::lookup_text_encoding(encoding, "codecs.open()")?;
    thread_local! {
        static NAMES: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let name = NAMES.with(|n| {
        let mut n = n.borrow_mut();
        match n.iter().find(|x| **x == encoding) {
            Some(x) => *x,
            None => {
                let leaked: &'static str = Box::leak(encoding.to_string().into_boxed_str());
                n.push(leaked);
                leaked
            }
        }
    });
    Ok(Codec::Registry(name))
}

/// A `UnicodeDecodeError`/`UnicodeEncodeError` (see [`new_unicode_error`]).
pub fn unicode_error<T>(
    ty: &'static TypeObject,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<T> {
    let exc = new_unicode_error(ty, encoding, object, start, end, reason)?;
    Err(crate::objects::exception::raise_value(exc))
}

/// Handles one undecodable run `bad` at byte position `pos` per `errors`.
pub(crate) fn decode_error(
    out: &mut String,
    whole: &[u8],
    codec: &str,
    bad: &[u8],
    pos: usize,
    reason: &str,
    errors: &str,
) -> PyResult<()> {
    match errors {
        // Lone surrogates cannot be held by a str here: `surrogatepass` has nothing to pass.
        "strict" | "surrogatepass" => unicode_error(
            &UNICODE_DECODE_ERROR,
            codec,
            new_bytes(whole),
            pos,
            pos + bad.len(),
            reason,
        ),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        // CPython maps each byte to a lone surrogate (U+DC80 + byte), which a str cannot hold
        // here: each becomes U+FFFD instead, so file names and environment values decode
        // without an error, though they do not round-trip.
        "surrogateescape" => {
            out.extend(std::iter::repeat_n('\u{fffd}', bad.len()));
            Ok(())
        }
        "backslashreplace" => {
            for b in bad {
                out.push_str(&format!("\\x{:02x}", b));
            }
            Ok(())
        }
        _ => {
            let r = crate::modules::codecs::call_decode_handler(
                errors,
                codec,
                whole,
                pos,
                pos + bad.len(),
                reason,
            )?;
            out.push_str(&r);
            Ok(())
        }
    }
}

/// Decodes `b` as UTF-8, ASCII or Latin-1 with error handler `errors`.
pub fn decode_bytes(b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Ok(codec) = normalize_encoding(encoding) else {
        // Not one of the native codecs: ask the codec registry (`cp1252`, ...).
        crate::vm::thread::take_raised();
        return crate::modules::codecs::decode_via_registry(b, encoding, errors);
    };
    match codec {
        Codec::Utf8Sig => {
            let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
            decode_bytes(b, "utf-8", errors)
        }
        Codec::Utf16(order) => decode_utf16(b, order, codec.name(), errors),
        Codec::Utf32(order) => decode_utf32(b, order, codec.name(), errors),
        Codec::Registry(name) => crate::modules::codecs::decode_via_registry(b, name, errors),
        Codec::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Codec::Ascii => {
            if b.is_ascii() {
                // SAFETY: ASCII is valid UTF-8.
                return Ok(unsafe { std::str::from_utf8_unchecked(b) }.to_string());
            }
            let mut out = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                } else {
                    decode_error(
                        &mut out,
                        b,
                        "ascii",
                        &[c],
                        i,
                        "ordinal not in range(128)",
                        errors,
                    )?;
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut pos = 0;
            loop {
                match std::str::from_utf8(&b[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY: `from_utf8` vouched for the first `good` bytes.
                        out.push_str(unsafe { std::str::from_utf8_unchecked(&b[pos..pos + good]) });
                        let start = pos + good;
                        let (len, reason) = match e.error_len() {
                            None => (b.len() - start, "unexpected end of data"),
                            Some(n) => {
                                let c = b[start];
                                let reason = if (0x80..0xc2).contains(&c) || c > 0xf4 {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                (n, reason)
                            }
                        };
                        decode_error(
                            &mut out,
                            b,
                            "utf-8",
                            &b[start..start + len],
                            start,
                            reason,
                            errors,
                        )?;
                        pos = start + len;
                    }
                }
            }
        }
    }
}

/// UTF-16 decoding; `order` as in [`Codec::Utf16`] (`None`: BOM, else little-endian).
pub(crate) fn decode_utf16(
    b: &[u8],
    order: Option<bool>,
    name: &str,
    errors: &str,
) -> PyResult<String> {
    let (big, mut pos) = match order {
        Some(big) => (big, 0),
        None if b.starts_with(b"\xff\xfe") => (false, 2),
        None if b.starts_with(b"\xfe\xff") => (true, 2),
        None => (false, 0),
    };
    let unit = |i: usize| -> u16 {
        if big {
            u16::from_be_bytes([b[i], b[i + 1]])
        } else {
            u16::from_le_bytes([b[i], b[i + 1]])
        }
    };
    let mut out = String::with_capacity(b.len() / 2);
    while pos < b.len() {
        if pos + 1 >= b.len() {
            decode_error(&mut out, b, name, &b[pos..], pos, "truncated data", errors)?;
            break;
        }
        let u = unit(pos);
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u32::from(u)).unwrap_or('\u{fffd}'));
            pos += 2;
            continue;
        }
        if u >= 0xdc00 {
            decode_error(
                &mut out,
                b,
                name,
                &b[pos..pos + 2],
                pos,
                "illegal encoding",
                errors,
            )?;
            pos += 2;
            continue;
        }
        if pos + 3 >= b.len() {
            let end = b.len();
            decode_error(
                &mut out,
                b,
                name,
                &b[pos..end],
                pos,
                "unexpected end of data",
                errors,
            )?;
            break;
        }
        let lo = unit(pos + 2);
        if !(0xdc00..0xe000).contains(&lo) {
            decode_error(
                &mut out,
                b,
                name,
                &b[pos..pos + 2],
                pos,
                "illegal UTF-16 surrogate",
                errors,
            )?;
            pos += 2;
            continue;
        }
        let c = 0x10000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(lo) - 0xdc00);
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        pos += 4;
    }
    Ok(out)
}

/// UTF-32 decoding; `order` as in [`Codec::Utf32`].
pub(crate) fn decode_utf32(
    b: &[u8],
    order: Option<bool>,
    name: &str,
    errors: &str,
) -> PyResult<String> {
    let (big, mut pos) = match order {
        Some(big) => (big, 0),
        None if b.starts_with(b"\xff\xfe\x00\x00") => (false, 4),
        None if b.starts_with(b"\x00\x00\xfe\xff") => (true, 4),
        None => (false, 0),
    };
    let mut out = String::with_capacity(b.len() / 4);
    while pos < b.len() {
        if pos + 4 > b.len() {
            decode_error(&mut out, b, name, &b[pos..], pos, "truncated data", errors)?;
            break;
        }
        let w = [b[pos], b[pos + 1], b[pos + 2], b[pos + 3]];
        let c = if big {
            u32::from_be_bytes(w)
        } else {
            u32::from_le_bytes(w)
        };
        match char::from_u32(c) {
            Some(ch) => out.push(ch),
            None => decode_error(
                &mut out,
                b,
                name,
                &b[pos..pos + 4],
                pos,
                "code point not in range(0x110000)",
                errors,
            )?,
        }
        pos += 4;
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Construction.

/// The bytes `bytes(source, encoding, errors)` would hold.
fn bytes_from_args(name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Vec<u8>> {
    let a = clinic_kw(name, args, kwnames, &["source", "encoding", "errors"], 0)?;
    let str_param = |v: &Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(x) => match as_str(x) {
                Some(s) => Ok(Some(s.to_string())),
                None => err(
                    &TYPE_ERROR,
                    format!(
                        "{}() argument '{}' must be str, not {}",
                        name,
                        what,
                        clinic_type_name(x)
                    ),
                ),
            },
        }
    };
    let encoding = str_param(&a[1], "encoding")?;
    let errors = str_param(&a[2], "errors")?;
    let Some(src) = &a[0] else {
        if encoding.is_some() || errors.is_some() {
            return err(
                &TYPE_ERROR,
                if encoding.is_some() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                },
            );
        }
        return Ok(Vec::new());
    };
    if let Some(s) = as_str(src) {
        let Some(enc) = encoding else {
            return err(&TYPE_ERROR, "string argument without an encoding");
        };
        return encode_text(&s, &enc, errors.as_deref().unwrap_or("strict"));
    }
    if encoding.is_some() {
        return err(&TYPE_ERROR, "encoding without a string argument");
    }
    if errors.is_some() {
        return err(&TYPE_ERROR, "errors without a string argument");
    }
    if let Some(b) = as_bytes_like(src) {
        return Ok(b.to_vec());
    }
    if src.is_int() || src.is_bool() || crate::objects::int::as_int(src).is_some() {
        let n = int_arg(src)?;
        if n < 0 {
            return err(&VALUE_ERROR, "negative count");
        }
        return zeroed(n as usize);
    }
    if let Some(f) = src.ty().lookup_str("__bytes__").filter(|_| name == "bytes") {
        let r = crate::vm::call::call(&f, std::slice::from_ref(src), &[])?;
        return match as_bytes(&r) {
            Some(b) => Ok(b.to_vec()),
            None => err(
                &TYPE_ERROR,
                format!("__bytes__ returned non-bytes (type {})", r.type_name()),
            ),
        };
    }
    if src.ty().iter.is_none() && src.ty().getitem.is_none() {
        if src.ty().index.is_some() {
            let n = int_arg(src)?;
            if n < 0 {
                return err(&VALUE_ERROR, "negative count");
            }
            return zeroed(n as usize);
        }
        return err(
            &TYPE_ERROR,
            format!("cannot convert '{}' object to {}", src.type_name(), name),
        );
    }
    ints_to_bytes(src)
}

/// `n` zero bytes, or MemoryError when that much cannot be allocated.
fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return err(&crate::objects::exception::MEMORY_ERROR, "");
    }
    v.resize(n, 0);
    Ok(v)
}

/// The bytes of an iterable of ints.
fn ints_to_bytes(src: &Value) -> PyResult<Vec<u8>> {
    let items = crate::ops::sequence::collect(src)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        let i = int_arg(x).or_else(|e| {
            if raised_matches(&crate::objects::exception::OVERFLOW_ERROR) {
                thread::take_raised();
                Ok(-1)
            } else {
                Err(e)
            }
        })?;
        match u8::try_from(i) {
            Ok(b) => out.push(b),
            Err(_) => return err(&VALUE_ERROR, "bytes must be in range(0, 256)"),
        }
    }
    Ok(out)
}

fn bytes_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let exact = std::ptr::eq(ty, &BYTES_TYPE);
    if exact && args.len() == 1 && kwnames.is_empty() && std::ptr::eq(args[0].ty(), &BYTES_TYPE) {
        return Ok(args[0].clone());
    }
    let data = bytes_from_args("bytes", args, kwnames)?;
    if exact {
        return Ok(new_bytes(&data));
    }
    Ok(alloc(ty, Bytes { data: data.into() }))
}

fn bytearray_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let data = bytes_from_args("bytearray", args, kwnames)?;
    Ok(alloc(
        ty,
        ByteArray {
            data: UnsafeCell::new(data),
        },
    ))
}

// ---------------------------------------------------------------------------------------------
// Slots.

fn bytes_repr(v: &Value) -> PyResult<Value> {
    Ok(from_string(crate::format::bytes_repr(this(v))))
}

/// `repr(bytearray)`: as CPython's `bytearray_repr`, which picks the quote as `bytes` does but
/// escapes `'` even inside double quotes.
fn bytearray_repr(v: &Value) -> PyResult<Value> {
    let b = this(v);
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 14);
    out.push_str(v.type_name());
    out.push_str("(b");
    out.push(quote);
    for &c in b {
        match c {
            b'\'' | b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out.push(')');
    Ok(from_string(out))
}

fn richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    match (as_bytes_like(a), as_bytes_like(b)) {
        (Some(x), Some(y)) => Ok(Value::bool(op.test(x.cmp(y)))),
        _ => Ok(not_implemented()),
    }
}

fn getitem(v: &Value, k: &Value) -> PyResult<Value> {
    let b = this(v);
    if let Some(s) = k.downcast_ref::<SliceObj>() {
        let (start, _stop, step, count) = slice_indices(s, b.len())?;
        let b = this(v);
        let out: Vec<u8> = (0..count)
            .map(|i| b[(start + i as i64 * step) as usize])
            .collect();
        return Ok(same_kind(v, out));
    }
    let i = if k.as_small_int().is_some() || k.ty().index.is_some() || k.is_bool() {
        index_arg(k, "byte")?
    } else {
        return err(
            &TYPE_ERROR,
            format!(
                "{} indices must be integers or slices, not {}",
                if is_bytearray(v) { "bytearray" } else { "byte" },
                k.type_name()
            ),
        );
    };
    let b = this(v);
    let what = if is_bytearray(v) { "bytearray" } else { "" };
    let j = match normalize_index(i, b.len(), what) {
        Ok(j) => j,
        Err(_) if what.is_empty() => {
            thread::take_raised();
            return err(&INDEX_ERROR, "index out of range");
        }
        Err(e) => return Err(e),
    };
    Ok(Value::int(b[j] as i64))
}

fn contains(v: &Value, k: &Value) -> PyResult<bool> {
    if let Some(sub) = as_bytes_like(k) {
        let sub = sub.to_vec();
        return Ok(find_sub(this(v), &sub).is_some());
    }
    if k.is_int() || k.is_bool() || k.ty().index.is_some() {
        let c = byte_value(k)?;
        return Ok(this(v).contains(&c));
    }
    err(
        &TYPE_ERROR,
        format!("a bytes-like object is required, not '{}'", k.type_name()),
    )
}

fn concat(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(x) = as_bytes_like(a) else {
        return Ok(not_implemented());
    };
    match as_bytes_like(b) {
        Some(y) => {
            let mut out = Vec::with_capacity(x.len() + y.len());
            out.extend_from_slice(x);
            out.extend_from_slice(y);
            Ok(same_kind(a, out))
        }
        None if b.ty().flags & flags::HEAPTYPE != 0 => Ok(not_implemented()),
        None => err(
            &TYPE_ERROR,
            format!("can't concat {} to {}", b.type_name(), tp(a)),
        ),
    }
}

fn repeat(a: &Value, b: &Value) -> PyResult<Value> {
    let (seq, n) = if as_bytes_like(a).is_some() {
        (a, b)
    } else {
        (b, a)
    };
    if as_bytes_like(seq).is_none() {
        return Ok(not_implemented());
    }
    let Some(n) = repeat_count(n)? else {
        if n.ty().flags & flags::HEAPTYPE != 0 {
            return Ok(not_implemented());
        }
        return err(
            &TYPE_ERROR,
            format!(
                "can't multiply sequence by non-int of type '{}'",
                n.type_name()
            ),
        );
    };
    Ok(same_kind(seq, repeat_bytes(this(seq), n)?))
}

/// A copy of a bytes `%` template with `%b` conversions spelled `%s` (the two are the same
/// for bytes, and the str template parser knows only the latter).
fn b_to_s(t: &[u8]) -> Vec<u8> {
    let mut out = t.to_vec();
    let mut i = 0;
    while i < out.len() {
        if out[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        if out.get(i) == Some(&b'(') {
            let mut depth = 1;
            i += 1;
            while i < out.len() && depth > 0 {
                match out[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
        }
        while i < out.len() && matches!(out[i], b'-' | b'+' | b' ' | b'#' | b'0') {
            i += 1;
        }
        while i < out.len() && (out[i].is_ascii_digit() || out[i] == b'*') {
            i += 1;
        }
        if out.get(i) == Some(&b'.') {
            i += 1;
            while i < out.len() && (out[i].is_ascii_digit() || out[i] == b'*') {
                i += 1;
            }
        }
        while i < out.len() && matches!(out[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if out.get(i) == Some(&b'b') {
            out[i] = b's';
        }
        i += 1;
    }
    out
}

/// `bytes % args`: printf-style formatting with CPython's bytes rules (`%s`/`%b` take
/// bytes-like objects or `__bytes__`, `%r`/`%a` give `ascii()`, `%c` one byte); numeric
/// conversions are delegated to `str % args`, whose output is ASCII.
fn bytes_mod(a: &Value, b: &Value) -> PyResult<Value> {
    use crate::format::{parse_percent_template, percent_str, Conversion, PercentCount};
    let Some(tb) = as_bytes_like(a) else {
        return Ok(not_implemented());
    };
    // Latin-1 maps bytes to code points one to one, so the str template parser applies.
    let template: String = b_to_s(tb).iter().map(|&c| c as char).collect();
    let tuple_len = try_tuple_items(b).map(|t| t.len());
    let dict = (tuple_len.is_none()
        && as_bytes_like(b).is_none()
        && as_str(b).is_none()
        && (b.ty().getitem.is_some() || b.ty().lookup_str("__getitem__").is_some()))
    .then(|| b.clone());
    let mut args = b.clone();
    let (mut arglen, mut argidx): (isize, isize) = match tuple_len {
        Some(n) => (n as isize, 0),
        None => (-1, -2),
    };
    let next = |args: &Value, arglen: isize, argidx: &mut isize| -> PyResult<Value> {
        if *argidx < arglen {
            let i = *argidx;
            *argidx += 1;
            if arglen < 0 {
                return Ok(args.clone());
            }
            return Ok(try_tuple_items(args).unwrap()[i as usize].clone());
        }
        err(&TYPE_ERROR, "not enough arguments for format string")
    };
    let conv_error = |c: &Conversion| -> PyResult<()> {
        match c.error() {
            Some(e) => Err(crate::objects::exception::raise_format(e)),
            None => err(&VALUE_ERROR, "incomplete format"),
        }
    };
    let mut out: Vec<u8> = Vec::with_capacity(tb.len());
    let push_text = |out: &mut Vec<u8>, t: &str| out.extend(t.chars().map(|c| c as u32 as u8));
    for piece in parse_percent_template(&template) {
        let spec = match piece {
            crate::format::PercentPiece::Literal(t) => {
                push_text(&mut out, t);
                continue;
            }
            crate::format::PercentPiece::Spec(spec) => spec,
        };
        let mut flags = spec.flags;
        if spec.key.is_some() || spec.conversion == Conversion::IncompleteKey {
            let Some(d) = dict.clone() else {
                return err(&TYPE_ERROR, "format requires a mapping");
            };
            let Some(key) = spec.key else {
                conv_error(&spec.conversion)?;
                unreachable!("conversion errors always raise");
            };
            let kb: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
            args = crate::ops::sequence::getitem(&d, &new_bytes(&kb))?;
            arglen = -1;
            argidx = -2;
        }
        let star = |v: &Value, c_type: &str, min: i64, max: i64| -> PyResult<i64> {
            if crate::objects::int::as_int(v).is_none() {
                return err(&TYPE_ERROR, "* wants int");
            }
            match v.as_small_int() {
                Some(x) if (min..=max).contains(&x) => Ok(x),
                _ => err(
                    &crate::objects::exception::OVERFLOW_ERROR,
                    format!("Python int too large to convert to C {c_type}"),
                ),
            }
        };
        let width = match spec.width {
            None => 0,
            Some(PercentCount::Fixed(w)) => w,
            Some(PercentCount::Star) => {
                let v = next(&args, arglen, &mut argidx)?;
                let w = star(&v, "ssize_t", isize::MIN as i64, isize::MAX as i64)?;
                if w < 0 {
                    flags.left = true;
                }
                w.unsigned_abs() as usize
            }
        };
        let precision = match spec.precision {
            None => None,
            Some(PercentCount::Fixed(p)) => Some(p),
            Some(PercentCount::Star) => {
                let v = next(&args, arglen, &mut argidx)?;
                Some(star(&v, "int", i32::MIN as i64, i32::MAX as i64)?.max(0) as usize)
            }
        };
        let conv = match spec.conversion {
            Conversion::Char(c) => c,
            Conversion::Unsupported { .. } => '\0',
            ref other => {
                conv_error(other)?;
                unreachable!("conversion errors always raise");
            }
        };
        let v = next(&args, arglen, &mut argidx)?;
        if conv == '\0' {
            conv_error(&spec.conversion)?;
        }
        match conv {
            's' | 'b' => {
                let data: Vec<u8> = if let Some(d) = as_bytes_like(&v) {
                    d.to_vec()
                } else if let Some(f) = v.ty().lookup_str("__bytes__") {
                    let r = crate::vm::call::call(&f, std::slice::from_ref(&v), &[])?;
                    match as_bytes(&r) {
                        Some(d) => d.to_vec(),
                        None => {
                            return err(
                                &TYPE_ERROR,
                                format!("__bytes__ returned non-bytes (type {})", r.type_name()),
                            )
                        }
                    }
                } else {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "%b requires a bytes-like object, or an object that implements \
                             __bytes__, not '{}'",
                            v.type_name()
                        ),
                    );
                };
                let text: String = data.iter().map(|&c| c as char).collect();
                push_text(&mut out, &percent_str(&text, flags, width, precision));
            }
            'r' | 'a' => {
                let r = crate::builtins::core::ascii_of(&v)?;
                let text = as_str(&r).map(|t| t.to_string()).unwrap_or_default();
                push_text(&mut out, &percent_str(&text, flags, width, precision));
            }
            'c' => {
                let c = if let Some(&[c]) = as_bytes_like(&v) {
                    c
                } else if crate::objects::int::as_int(&v).is_some() || v.ty().index.is_some() {
                    match crate::ops::number::index(&v)?
                        .as_small_int()
                        .and_then(|x| u8::try_from(x).ok())
                    {
                        Some(c) => c,
                        None => {
                            return err(
                                &crate::objects::exception::OVERFLOW_ERROR,
                                "%c arg not in range(256)",
                            )
                        }
                    }
                } else {
                    return err(
                        &TYPE_ERROR,
                        "%c requires an integer in range(256) or a single byte",
                    );
                };
                let text = (c as char).to_string();
                push_text(&mut out, &percent_str(&text, flags, width, None));
            }
            _ => {
                // A one-spec str template with the resolved width and precision.
                let mut t = String::from("%");
                for (on, ch) in [
                    (flags.left, '-'),
                    (flags.plus, '+'),
                    (flags.space, ' '),
                    (flags.alt, '#'),
                    (flags.zero, '0'),
                ] {
                    if on {
                        t.push(ch);
                    }
                }
                if width > 0 {
                    t.push_str(&width.to_string());
                }
                if let Some(p) = precision {
                    t.push('.');
                    t.push_str(&p.to_string());
                }
                t.push(conv);
                let r = crate::objects::str_format::percent_format(
                    &crate::objects::str::new_str(&t),
                    &new_tuple(vec![v]),
                )?;
                push_text(
                    &mut out,
                    &as_str(&r).map(|t| t.to_string()).unwrap_or_default(),
                );
            }
        }
        if dict.is_some() && argidx < arglen {
            return err(
                &TYPE_ERROR,
                "not all arguments converted during bytes formatting",
            );
        }
    }
    if argidx < arglen && dict.is_none() {
        return err(
            &TYPE_ERROR,
            "not all arguments converted during bytes formatting",
        );
    }
    Ok(same_kind(a, out))
}

fn bytearray_iadd(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(arr) = a.downcast_ref::<ByteArray>() else {
        return Ok(not_implemented());
    };
    let Some(y) = as_bytes_like(b) else {
        return err(
            &TYPE_ERROR,
            format!("can't concat {} to bytearray", b.type_name()),
        );
    };
    let y = y.to_vec();
    arr.with(|v| v.extend_from_slice(&y));
    Ok(a.clone())
}

fn bytearray_imul(a: &Value, b: &Value) -> PyResult<Value> {
    let Some(arr) = a.downcast_ref::<ByteArray>() else {
        return Ok(not_implemented());
    };
    let Some(n) = repeat_count(b)? else {
        return Ok(not_implemented());
    };
    let bytes = arr.with(|v| repeat_bytes(v, n))?;
    arr.with(|v| *v = bytes);
    Ok(a.clone())
}

/// Deletes the `count` items `start, start + step, ...` of a bytearray.
fn delete_indices(arr: &ByteArray, start: i64, step: i64, count: usize) {
    let mut idx: Vec<usize> = (0..count)
        .map(|i| (start + i as i64 * step) as usize)
        .collect();
    idx.sort_unstable();
    arr.with(|d| {
        let mut j = 0;
        let mut keep = Vec::with_capacity(d.len() - idx.len());
        for (i, &c) in d.iter().enumerate() {
            if j < idx.len() && idx[j] == i {
                j += 1;
            } else {
                keep.push(c);
            }
        }
        *d = keep;
    });
}

fn bytearray_setitem(v: &Value, k: &Value, x: Option<Value>) -> PyResult<()> {
    let arr = v.downcast_ref::<ByteArray>().expect("bytearray");
    if let Some(s) = k.downcast_ref::<SliceObj>() {
        let n = arr.with(|d| d.len());
        let (start, stop, step, count) = slice_indices(s, n)?;
        let Some(x) = x else {
            delete_indices(arr, start, step, count);
            return Ok(());
        };
        let src = if let Some(b) = as_bytes_like(&x) {
            b.to_vec()
        } else if x.is_int() || as_str(&x).is_some() {
            return err(
                &TYPE_ERROR,
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            );
        } else {
            ints_to_bytes(&x)?
        };
        if step != 1 && src.is_empty() {
            // CPython: assigning nothing to an extended slice deletes it.
            delete_indices(arr, start, step, count);
            return Ok(());
        }
        if step == 1 {
            let stop = stop.max(start) as usize;
            arr.with(|d| {
                d.splice(start as usize..stop, src);
            });
            return Ok(());
        }
        if src.len() != count {
            return err(
                &VALUE_ERROR,
                format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    src.len(),
                    count
                ),
            );
        }
        arr.with(|d| {
            for (i, b) in src.into_iter().enumerate() {
                d[(start + i as i64 * step) as usize] = b;
            }
        });
        return Ok(());
    }
    if !(k.as_small_int().is_some() || k.ty().index.is_some() || k.is_bool()) {
        return err(
            &TYPE_ERROR,
            format!(
                "bytearray indices must be integers or slices, not {}",
                k.type_name()
            ),
        );
    }
    let i = index_arg(k, "bytearray")?;
    let n = arr.with(|d| d.len());
    let j = normalize_index(i, n, "bytearray")?;
    match x {
        Some(x) => {
            let b = byte_value(&x)?;
            arr.with(|d| d[j] = b);
        }
        None => {
            arr.with(|d| d.remove(j));
        }
    }
    Ok(())
}

/// Payload of `bytes_iterator` / `bytearray_iterator`: the sequence and the next index.
pub struct BytesIter {
    seq: Value,
    index: std::cell::Cell<usize>,
}

/// An iterator over the bytes of `v` (re-reading a bytearray at each step, as CPython).
fn bytes_iter(v: &Value) -> PyResult<Value> {
    let ty: &'static TypeObject = if is_bytearray(v) {
        &BYTEARRAY_ITER_TYPE
    } else {
        &BYTES_ITER_TYPE
    };
    Ok(alloc(
        ty,
        BytesIter {
            seq: v.clone(),
            index: std::cell::Cell::new(0),
        },
    ))
}

fn bytes_iter_next(v: &Value) -> PyResult<Option<Value>> {
    // SAFETY: only BytesIter objects have this slot.
    let it = unsafe { v.payload_unchecked::<BytesIter>() };
    let i = it.index.get();
    match as_bytes_like(&it.seq).and_then(|b| b.get(i).copied()) {
        Some(c) => {
            it.index.set(i + 1);
            Ok(Some(Value::int(c as i64)))
        }
        None => {
            it.index.set(usize::MAX);
            Ok(None)
        }
    }
}

/// The iterator type of `bytes`.
pub static BYTES_ITER_TYPE: TypeObject = TypeObject {
    name: "bytes_iterator",
    layout: &BYTES_ITER_TYPE,
    dealloc: dealloc_obj::<BytesIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(bytes_iter_next),
    ..TypeObject::EMPTY
};

/// The iterator type of `bytearray`.
pub static BYTEARRAY_ITER_TYPE: TypeObject = TypeObject {
    name: "bytearray_iterator",
    layout: &BYTEARRAY_ITER_TYPE,
    dealloc: dealloc_obj::<BytesIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(bytes_iter_next),
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// Searching helpers.

/// First occurrence of `needle` in `hay`.
fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    (0..=hay.len() - needle.len()).find(|&i| hay[i] == first && &hay[i..i + needle.len()] == needle)
}

/// Last occurrence of `needle` in `hay`.
fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Non-overlapping occurrences of non-empty `needle` in `hay`, as start offsets.
fn occurrences(hay: &[u8], needle: &[u8], max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < max {
        match find_sub(&hay[i..], needle) {
            Some(p) => {
                out.push(i + p);
                i += p + needle.len();
            }
            None => break,
        }
    }
    out
}

/// The sub-sequence argument of `find`-like methods: bytes-like or an int byte.
fn sub_arg(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes_like(v) {
        return Ok(b.to_vec());
    }
    if v.is_int() || v.is_bool() || v.ty().index.is_some() {
        return Ok(vec![byte_value(v)?]);
    }
    err(
        &TYPE_ERROR,
        format!(
            "argument should be integer or bytes-like object, not '{}'",
            v.type_name()
        ),
    )
}

/// `(sub, start, end)` of `find`-like methods, clamped.
fn find_args(name: &str, s: &Value, args: &[Value], kw: &[Value]) -> PyResult<(Vec<u8>, i64, i64)> {
    old_pos_t(tp(s), name, args, kw, 1, 3)?;
    let sub = sub_arg(&args[0])?;
    let start = slice_index(args.get(1))?;
    let end = slice_index(args.get(2))?;
    let (start, end) = adjust_indices(start, end, this(s).len());
    Ok((sub, start, end))
}

fn find_impl(name: &str, s: &Value, args: &[Value], kw: &[Value], rev: bool) -> PyResult<i64> {
    let (sub, start, end) = find_args(name, s, args, kw)?;
    let b = this(s);
    if start > b.len() as i64 || end - start < sub.len() as i64 {
        return Ok(-1);
    }
    let hay = &b[start as usize..end as usize];
    let r = if rev {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(r.map_or(-1, |p| start + p as i64))
}

// ---------------------------------------------------------------------------------------------
// Methods shared by bytes and bytearray.

fn m_find(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(find_impl("find", s, args, kw, false)?))
}

fn m_rfind(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(find_impl("rfind", s, args, kw, true)?))
}

fn m_index(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match find_impl("index", s, args, kw, false)? {
        -1 => err(&VALUE_ERROR, "subsection not found"),
        i => Ok(Value::int(i)),
    }
}

fn m_rindex(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match find_impl("rindex", s, args, kw, true)? {
        -1 => err(&VALUE_ERROR, "subsection not found"),
        i => Ok(Value::int(i)),
    }
}

fn m_count(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (sub, start, end) = find_args("count", s, args, kw)?;
    let b = this(s);
    if start > b.len() as i64 || end < start {
        return Ok(Value::int(0));
    }
    if sub.is_empty() {
        return Ok(Value::int(end - start + 1));
    }
    let hay = &b[start as usize..end as usize];
    Ok(Value::int(occurrences(hay, &sub, usize::MAX).len() as i64))
}

fn tailmatch(b: &[u8], sub: &[u8], start: i64, end: i64, suffix: bool) -> bool {
    if start > b.len() as i64 || end - (sub.len() as i64) < start {
        return false;
    }
    let hay = &b[start as usize..end as usize];
    if suffix {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    }
}

fn affix(s: &Value, args: &[Value], kw: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    old_pos_t(tp(s), name, args, kw, 1, 3)?;
    let (start, end) = adjust_indices(
        slice_index(args.get(1))?,
        slice_index(args.get(2))?,
        this(s).len(),
    );
    let a = &args[0];
    if let Some(items) = try_tuple_items(a) {
        for x in items {
            let p = buffer_arg(x)?;
            if tailmatch(this(s), &p, start, end, suffix) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match as_bytes_like(a) {
        Some(p) => Ok(Value::bool(tailmatch(this(s), p, start, end, suffix))),
        None => err(
            &TYPE_ERROR,
            format!(
                "{} first arg must be bytes or a tuple of bytes, not {}",
                name,
                a.type_name()
            ),
        ),
    }
}

fn m_startswith(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix(s, args, kw, "startswith", false)
}

fn m_endswith(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix(s, args, kw, "endswith", true)
}

fn m_decode(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = clinic_kw("decode", args, kw, &["encoding", "errors"], 0)?;
    let param = |v: &Option<Value>, what: &str, dflt: &str| -> PyResult<String> {
        match v {
            None => Ok(dflt.to_string()),
            Some(x) => match as_str(x) {
                Some(t) => Ok(t.to_string()),
                None => err(
                    &TYPE_ERROR,
                    format!(
                        "decode() argument '{}' must be str, not {}",
                        what,
                        clinic_type_name(x)
                    ),
                ),
            },
        }
    };
    let encoding = param(&a[0], "encoding", "utf-8")?;
    let errors = param(&a[1], "errors", "strict")?;
    Ok(from_string(decode_bytes(this(s), &encoding, &errors)?))
}

pub(crate) fn m_hex(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = clinic_kw("hex", args, kw, &["sep", "bytes_per_sep"], 0)?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let sep: Option<char> = match &a[0] {
        None => None,
        Some(v) => {
            let chars: Vec<char> = if let Some(t) = as_str(v) {
                t.chars().collect()
            } else if let Some(b) = as_bytes_like(v) {
                b.iter().map(|&c| c as char).collect()
            } else {
                return err(
                    &TYPE_ERROR,
                    format!("object of type '{}' has no len()", v.type_name()),
                );
            };
            if chars.len() != 1 {
                return err(&VALUE_ERROR, "sep must be length 1.");
            }
            if !chars[0].is_ascii() {
                return err(&VALUE_ERROR, "sep must be ASCII.");
            }
            Some(chars[0])
        }
    };
    let per = match &a[1] {
        Some(v) => int_arg(v)?,
        None => 1,
    };
    let b = this(s);
    let mut out = String::with_capacity(b.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &c) in b.iter().enumerate() {
        if let Some(sep) = sep {
            if i > 0 && group > 0 {
                // Groups count from the right when `per > 0`, from the left otherwise.
                let boundary = if per > 0 {
                    (b.len() - i).is_multiple_of(group)
                } else {
                    i.is_multiple_of(group)
                };
                if boundary {
                    out.push(sep);
                }
            }
        }
        out.push(HEX[(c >> 4) as usize] as char);
        out.push(HEX[(c & 15) as usize] as char);
    }
    Ok(from_string(out))
}

fn m_fromhex(cls: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let arr = crate::ops::object::as_type(cls).is_some_and(|t| t.is_subtype(&BYTEARRAY_TYPE));
    let tpn = if arr { "bytearray" } else { "bytes" };
    let v = one_arg_t(tpn, "fromhex", args, kw)?;
    let Some(t) = as_str(v) else {
        return err(
            &TYPE_ERROR,
            format!(
                "fromhex() argument must be str, not {}",
                clinic_type_name(v)
            ),
        );
    };
    let chars: Vec<char> = t.chars().collect();
    let hexval = |c: char| c.to_digit(16);
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |pos: usize| -> PyResult<Value> {
        err(
            &VALUE_ERROR,
            format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                pos
            ),
        )
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let Some(hi) = hexval(chars[i]) else {
            return bad(i);
        };
        let Some(lo) = chars.get(i + 1).and_then(|&c| hexval(c)) else {
            return bad(i + 1);
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(if arr {
        new_bytearray(out)
    } else {
        new_bytes(&out)
    })
}

fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split_impl(name: &str, s: &Value, args: &[Value], kw: &[Value], rev: bool) -> PyResult<Value> {
    let a = clinic_kw(name, args, kw, &["sep", "maxsplit"], 0)?;
    let maxsplit = match &a[1] {
        Some(m) => int_arg(m)?,
        None => -1,
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let sep = match a[0].as_ref().filter(|v| !v.is_none()) {
        None => None,
        Some(v) => Some(buffer_arg(v)?),
    };
    let b = this(s);
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        None if !rev => {
            let mut i = 0;
            loop {
                while i < b.len() && is_ascii_space(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if parts.len() == max {
                    parts.push(&b[i..]);
                    break;
                }
                let st = i;
                while i < b.len() && !is_ascii_space(b[i]) {
                    i += 1;
                }
                parts.push(&b[st..i]);
            }
        }
        None => {
            let mut j = b.len();
            loop {
                while j > 0 && is_ascii_space(b[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    break;
                }
                if parts.len() == max {
                    parts.push(&b[..j]);
                    break;
                }
                let en = j;
                while j > 0 && !is_ascii_space(b[j - 1]) {
                    j -= 1;
                }
                parts.push(&b[j..en]);
            }
            parts.reverse();
        }
        Some(sep) => {
            if sep.is_empty() {
                return err(&VALUE_ERROR, "empty separator");
            }
            if !rev {
                let mut i = 0;
                for p in occurrences(b, &sep, max) {
                    parts.push(&b[i..p]);
                    i = p + sep.len();
                }
                parts.push(&b[i..]);
            } else {
                let mut j = b.len();
                while parts.len() < max {
                    match rfind_sub(&b[..j], &sep) {
                        Some(p) => {
                            parts.push(&b[p + sep.len()..j]);
                            j = p;
                        }
                        None => break,
                    }
                }
                parts.push(&b[..j]);
                parts.reverse();
            }
        }
    }
    let items = parts
        .into_iter()
        .map(|p| same_kind(s, p.to_vec()))
        .collect();
    Ok(new_list(items))
}

fn m_split(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_impl("split", s, args, kw, false)
}

fn m_rsplit(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_impl("rsplit", s, args, kw, true)
}

fn m_splitlines(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = clinic_kw("splitlines", args, kw, &["keepends"], 0)?;
    let keepends = match &a[0] {
        Some(v) => crate::ops::object::truthy(v)?,
        None => false,
    };
    let b = this(s).to_vec();
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < b.len() {
        let eol = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = if keepends { i + eol } else { i };
        out.push(same_kind(s, b[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < b.len() {
        out.push(same_kind(s, b[start..].to_vec()));
    }
    Ok(new_list(out))
}

fn m_join(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let seq = one_arg_t(tp(s), "join", args, kw)?;
    let items = match crate::ops::sequence::collect(seq) {
        Ok(v) => v,
        Err(e) => {
            if raised_matches(&TYPE_ERROR) && seq.ty().iter.is_none() {
                thread::take_raised();
                return err(&TYPE_ERROR, "can only join an iterable");
            }
            return Err(e);
        }
    };
    let sep = this(s).to_vec();
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match as_bytes_like(x) {
            Some(b) => out.extend_from_slice(b),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "sequence item {}: expected a bytes-like object, {} found",
                        i,
                        x.type_name()
                    ),
                )
            }
        }
    }
    Ok(same_kind(s, out))
}

fn m_replace(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    clinic_pos_t(tp(s), "replace", args, kw, 2, 3)?;
    let old = buffer_arg(&args[0])?;
    let new = buffer_arg(&args[1])?;
    let count = match args.get(2) {
        Some(c) => int_arg(c)?,
        None => -1,
    };
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let b = this(s);
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        let mut n = 0;
        for (i, &c) in b.iter().enumerate() {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            } else {
                out.extend_from_slice(&b[i..]);
                return Ok(same_kind(s, out));
            }
            out.push(c);
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        return Ok(same_kind(s, out));
    }
    let mut i = 0;
    for p in occurrences(b, &old, max) {
        out.extend_from_slice(&b[i..p]);
        out.extend_from_slice(&new);
        i = p + old.len();
    }
    out.extend_from_slice(&b[i..]);
    Ok(same_kind(s, out))
}

fn strip_impl(
    name: &str,
    s: &Value,
    args: &[Value],
    kw: &[Value],
    l: bool,
    r: bool,
) -> PyResult<Value> {
    clinic_pos_t(tp(s), name, args, kw, 0, 1)?;
    let chars = match args.first().filter(|v| !v.is_none()) {
        None => None,
        Some(v) => Some(buffer_arg(v)?),
    };
    let strip = |c: &u8| match &chars {
        None => is_ascii_space(*c),
        Some(cs) => cs.contains(c),
    };
    let b = this(s);
    let mut i = 0;
    let mut j = b.len();
    if l {
        while i < j && strip(&b[i]) {
            i += 1;
        }
    }
    if r {
        while j > i && strip(&b[j - 1]) {
            j -= 1;
        }
    }
    Ok(same_kind(s, b[i..j].to_vec()))
}

fn m_strip(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl("strip", s, args, kw, true, true)
}

fn m_lstrip(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl("lstrip", s, args, kw, true, false)
}

fn m_rstrip(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl("rstrip", s, args, kw, false, true)
}

fn partition_impl(
    name: &str,
    s: &Value,
    args: &[Value],
    kw: &[Value],
    rev: bool,
) -> PyResult<Value> {
    let sepv = one_arg_t(tp(s), name, args, kw)?;
    let sep = buffer_arg(sepv)?;
    if sep.is_empty() {
        return err(&VALUE_ERROR, "empty separator");
    }
    let b = this(s).to_vec();
    let found = if rev {
        rfind_sub(&b, &sep)
    } else {
        find_sub(&b, &sep)
    };
    let mk = |d: &[u8]| same_kind(s, d.to_vec());
    Ok(new_tuple(match found {
        Some(p) => vec![mk(&b[..p]), mk(&sep), mk(&b[p + sep.len()..])],
        None if rev => vec![mk(b""), mk(b""), mk(&b)],
        None => vec![mk(&b), mk(b""), mk(b"")],
    }))
}

fn m_partition(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_impl("partition", s, args, kw, false)
}

fn m_rpartition(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_impl("rpartition", s, args, kw, true)
}

fn m_removeprefix(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = buffer_arg(one_arg_t(tp(s), "removeprefix", args, kw)?)?;
    let b = this(s);
    Ok(same_kind(s, b.strip_prefix(&p[..]).unwrap_or(b).to_vec()))
}

fn m_removesuffix(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = buffer_arg(one_arg_t(tp(s), "removesuffix", args, kw)?)?;
    let b = this(s);
    Ok(same_kind(s, b.strip_suffix(&p[..]).unwrap_or(b).to_vec()))
}

fn map_bytes(
    name: &str,
    s: &Value,
    args: &[Value],
    kw: &[Value],
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    no_args_t(tp(s), name, args, kw)?;
    Ok(same_kind(s, f(this(s))))
}

fn m_upper(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    map_bytes("upper", s, a, k, |b| b.to_ascii_uppercase())
}

fn m_lower(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    map_bytes("lower", s, a, k, |b| b.to_ascii_lowercase())
}

fn m_swapcase(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    map_bytes("swapcase", s, a, k, |b| {
        b.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn all_bytes(
    name: &str,
    s: &Value,
    args: &[Value],
    kw: &[Value],
    f: fn(&u8) -> bool,
) -> PyResult<Value> {
    no_args_t(tp(s), name, args, kw)?;
    let b = this(s);
    Ok(Value::bool(!b.is_empty() && b.iter().all(f)))
}

fn m_isdigit(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    all_bytes("isdigit", s, a, k, u8::is_ascii_digit)
}

fn m_isalpha(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    all_bytes("isalpha", s, a, k, u8::is_ascii_alphabetic)
}

fn m_isalnum(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    all_bytes("isalnum", s, a, k, u8::is_ascii_alphanumeric)
}

fn m_isspace(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    all_bytes("isspace", s, a, k, |c| is_ascii_space(*c))
}

fn m_isascii(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    no_args_t(tp(s), "isascii", a, k)?;
    Ok(Value::bool(this(s).is_ascii()))
}

fn m_islower(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    no_args_t(tp(s), "islower", a, k)?;
    let b = this(s);
    Ok(Value::bool(
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase),
    ))
}

fn m_isupper(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    no_args_t(tp(s), "isupper", a, k)?;
    let b = this(s);
    Ok(Value::bool(
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase),
    ))
}

fn m_title(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    map_bytes("title", s, a, k, |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&c| {
                let r = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn m_capitalize(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    map_bytes("capitalize", s, a, k, |b| {
        b.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn m_istitle(s: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    no_args_t(tp(s), "istitle", a, k)?;
    let (mut cased, mut prev_cased) = (false, false);
    for &c in this(s) {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

fn pad_impl(name: &str, s: &Value, args: &[Value], kw: &[Value], how: u8) -> PyResult<Value> {
    clinic_pos_t(tp(s), name, args, kw, 1, 2)?;
    let width = int_arg(&args[0])?;
    let fill = match args.get(1) {
        None => b' ',
        Some(v) => match as_bytes_like(v) {
            Some(&[c]) => c,
            _ => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "{}() argument 2 must be a byte string of length 1, not {}",
                        name,
                        clinic_type_name(v)
                    ),
                )
            }
        },
    };
    let b = this(s);
    let n = b.len() as i64;
    if width <= n {
        return Ok(same_kind(s, b.to_vec()));
    }
    let marg = width - n;
    let (left, right) = match how {
        b'c' => {
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
        b'l' => (0, marg),
        _ => (marg, 0),
    };
    let mut out = Vec::new();
    if out.try_reserve_exact(width as usize).is_err() {
        return err(&crate::objects::exception::MEMORY_ERROR, "");
    }
    out.resize(left as usize, fill);
    out.extend_from_slice(b);
    out.extend(std::iter::repeat_n(fill, right as usize));
    Ok(same_kind(s, out))
}

fn m_center(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl("center", s, args, kw, b'c')
}

fn m_ljust(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl("ljust", s, args, kw, b'l')
}

fn m_rjust(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl("rjust", s, args, kw, b'r')
}

fn m_zfill(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let width = int_arg(one_arg_t(tp(s), "zfill", args, kw)?)?;
    let b = this(s);
    if width <= b.len() as i64 {
        return Ok(same_kind(s, b.to_vec()));
    }
    let fill = width as usize - b.len();
    let mut out = Vec::new();
    if out.try_reserve_exact(width as usize).is_err() {
        return err(&crate::objects::exception::MEMORY_ERROR, "");
    }
    let body = match b.first() {
        Some(&c @ (b'+' | b'-')) => {
            out.push(c);
            &b[1..]
        }
        _ => b,
    };
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(body);
    Ok(same_kind(s, out))
}

fn m_expandtabs(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = clinic_kw("expandtabs", args, kw, &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(v) => crate::objects::str_methods::c_int_arg(v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for &c in this(s) {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let incr = tabsize - col % tabsize;
                    col += incr;
                    out.extend(std::iter::repeat_n(b' ', incr as usize));
                }
            }
            b'\n' | b'\r' => {
                col = 0;
                out.push(c);
            }
            _ => {
                col += 1;
                out.push(c);
            }
        }
    }
    Ok(same_kind(s, out))
}

fn m_maketrans(_s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    clinic_pos_t("bytes", "maketrans", args, kw, 2, 2)?;
    let from = buffer_arg(&args[0])?;
    let to = buffer_arg(&args[1])?;
    if from.len() != to.len() {
        return err(&VALUE_ERROR, "maketrans arguments must have same length");
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (a, b) in from.into_iter().zip(to) {
        table[a as usize] = b;
    }
    Ok(new_bytes(&table))
}

fn m_translate(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = clinic_kw("translate", args, kw, &["table", "delete"], 0)?;
    if args.len() == kw.len() {
        return err(
            &TYPE_ERROR,
            "translate() takes at least 1 positional argument (0 given)",
        );
    }
    let table = match a[0].as_ref().filter(|v| !v.is_none()) {
        None => None,
        Some(v) => {
            let t = buffer_arg(v)?;
            if t.len() != 256 {
                return err(
                    &VALUE_ERROR,
                    "translation table must be 256 characters long",
                );
            }
            Some(t)
        }
    };
    let delete = match &a[1] {
        Some(v) => buffer_arg(v)?,
        None => Vec::new(),
    };
    let out = this(s)
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(same_kind(s, out))
}

// ---------------------------------------------------------------------------------------------
// bytearray-only methods.

fn arr(v: &Value) -> &ByteArray {
    v.downcast_ref::<ByteArray>()
        .expect("bytearray method on a non-bytearray")
}

fn m_append(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = byte_value(one_arg_t("bytearray", "append", args, kw)?)?;
    arr(s).with(|d| d.push(b));
    Ok(Value::NONE)
}

fn m_extend(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg_t("bytearray", "extend", args, kw)?;
    let data = if let Some(b) = as_bytes_like(x) {
        b.to_vec()
    } else if x.ty().iter.is_none() && x.ty().getitem.is_none() {
        return err(
            &TYPE_ERROR,
            format!("can't extend bytearray with {}", x.type_name()),
        );
    } else {
        ints_to_bytes(x).map_err(|e| {
            if raised_matches(&VALUE_ERROR) {
                thread::take_raised();
                crate::objects::exception::raise(&VALUE_ERROR, "byte must be in range(0, 256)")
            } else {
                e
            }
        })?
    };
    arr(s).with(|d| d.extend_from_slice(&data));
    Ok(Value::NONE)
}

fn m_pop(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    clinic_pos_t("bytearray", "pop", args, kw, 0, 1)?;
    let n = arr(s).with(|d| d.len());
    if n == 0 {
        return err(&INDEX_ERROR, "pop from empty bytearray");
    }
    let i = match args.first() {
        Some(v) => int_arg(v)?,
        None => -1,
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return err(&INDEX_ERROR, "pop index out of range");
    }
    Ok(Value::int(arr(s).with(|d| d.remove(j as usize)) as i64))
}

fn m_insert(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    clinic_pos_t("bytearray", "insert", args, kw, 2, 2)?;
    let i = int_arg(&args[0])?;
    let b = byte_value(&args[1])?;
    arr(s).with(|d| {
        let n = d.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.insert(j as usize, b);
    });
    Ok(Value::NONE)
}

fn m_remove(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = byte_value(one_arg_t("bytearray", "remove", args, kw)?)?;
    let found = arr(s).with(|d| match d.iter().position(|&c| c == b) {
        Some(p) => {
            d.remove(p);
            true
        }
        None => false,
    });
    if found {
        Ok(Value::NONE)
    } else {
        err(&VALUE_ERROR, "value not found in bytearray")
    }
}

fn m_clear(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args_t("bytearray", "clear", args, kw)?;
    arr(s).with(|d| d.clear());
    Ok(Value::NONE)
}

fn m_reverse(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args_t("bytearray", "reverse", args, kw)?;
    arr(s).with(|d| d.reverse());
    Ok(Value::NONE)
}

fn m_copy(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args_t("bytearray", "copy", args, kw)?;
    Ok(new_bytearray(this(s).to_vec()))
}

// ---------------------------------------------------------------------------------------------
// Type objects.

macro_rules! shared_methods {
    ($($extra:expr),* $(,)?) => {
        &[
            method!("decode", m_decode),
            method!("hex", m_hex),
            MethodDef {
                name: "fromhex",
                func: m_fromhex,
                kind: MethodKind::Class,
                doc: "Create an object from a string of hexadecimal numbers.",
            },
            method!("find", m_find),
            method!("rfind", m_rfind),
            method!("index", m_index),
            method!("rindex", m_rindex),
            method!("count", m_count),
            method!("startswith", m_startswith),
            method!("endswith", m_endswith),
            method!("split", m_split),
            method!("rsplit", m_rsplit),
            method!("splitlines", m_splitlines),
            method!("join", m_join),
            method!("replace", m_replace),
            method!("strip", m_strip),
            method!("lstrip", m_lstrip),
            method!("rstrip", m_rstrip),
            method!("partition", m_partition),
            method!("rpartition", m_rpartition),
            method!("removeprefix", m_removeprefix),
            method!("removesuffix", m_removesuffix),
            method!("upper", m_upper),
            method!("lower", m_lower),
            method!("swapcase", m_swapcase),
            method!("isdigit", m_isdigit),
            method!("isalpha", m_isalpha),
            method!("isalnum", m_isalnum),
            method!("isspace", m_isspace),
            method!("isascii", m_isascii),
            method!("islower", m_islower),
            method!("isupper", m_isupper),
            method!("istitle", m_istitle),
            method!("title", m_title),
            method!("capitalize", m_capitalize),
            method!("center", m_center),
            method!("ljust", m_ljust),
            method!("rjust", m_rjust),
            method!("zfill", m_zfill),
            method!("expandtabs", m_expandtabs),
            method!("translate", m_translate),
            MethodDef {
                name: "maketrans",
                func: m_maketrans,
                kind: MethodKind::Static,
                doc: "Return a translation table usable for the bytes or bytearray translate method.",
            },
            $($extra,)*
        ]
    };
}

static BYTES_METHODS: &[MethodDef] = shared_methods!();

static BYTEARRAY_METHODS: &[MethodDef] = shared_methods!(
    method!("append", m_append),
    method!("extend", m_extend),
    method!("pop", m_pop),
    method!("insert", m_insert),
    method!("remove", m_remove),
    method!("clear", m_clear),
    method!("reverse", m_reverse),
    method!("copy", m_copy),
);

const BYTES_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(concat);
    nb[NbOp::Mul as usize] = Some(repeat);
    nb[NbOp::Rem as usize] = Some(bytes_mod);
    nb
};

const BYTEARRAY_NB_INPLACE: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(bytearray_iadd);
    nb[NbOp::Mul as usize] = Some(bytearray_imul);
    nb
};

/// The `bytes` type.
pub static BYTES_TYPE: TypeObject = TypeObject {
    name: "bytes",
    layout: &BYTES_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Bytes>,
    sub_layout: crate::objects::sub_layout::<Bytes>(),
    repr: Some(bytes_repr),
    hash: Some(|v| Ok(crate::objects::str::hash_bytes(this(v)))),
    richcompare: Some(richcompare),
    bool_: Some(|v| Ok(!this(v).is_empty())),
    len: Some(|v| Ok(this(v).len())),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(bytes_iter),
    nb: BYTES_NB,
    new: Some(bytes_new),
    methods: BYTES_METHODS,
    doc: "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n\
          bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n\
          bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n\
          bytes() -> empty bytes object",
    ..TypeObject::EMPTY
};

/// The `bytearray` type.
pub static BYTEARRAY_TYPE: TypeObject = TypeObject {
    name: "bytearray",
    layout: &BYTEARRAY_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<ByteArray>,
    sub_layout: crate::objects::sub_layout::<ByteArray>(),
    repr: Some(bytearray_repr),
    richcompare: Some(richcompare),
    bool_: Some(|v| Ok(!this(v).is_empty())),
    len: Some(|v| Ok(this(v).len())),
    getitem: Some(getitem),
    setitem: Some(bytearray_setitem),
    contains: Some(contains),
    iter: Some(bytes_iter),
    nb: BYTES_NB,
    nb_inplace: BYTEARRAY_NB_INPLACE,
    new: Some(bytearray_new),
    methods: BYTEARRAY_METHODS,
    doc: "bytearray(iterable_of_ints) -> bytearray\n\
          bytearray(string, encoding[, errors]) -> bytearray\n\
          bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n\
          bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n\
          bytearray() -> empty bytes array",
    ..TypeObject::EMPTY
};
