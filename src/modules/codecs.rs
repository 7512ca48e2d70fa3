//! `_codecs`: the codec registry and the built-in codecs `codecs.py` and the `encodings`
//! package are built on (as CPython's `Python/codecs.c` and `Modules/_codecsmodule.c`).
//!
//! The registry is a list of search functions and a cache keyed by normalized encoding name;
//! the first lookup imports `encodings`, which registers the standard search function. The
//! codec functions (`utf_8_decode`, `charmap_encode`, ...) return CPython's `(result,
//! consumed)` tuples and share the encoders and decoders of `str.encode` / `bytes.decode`
//! ([`crate::objects::str_methods::encode_text`], [`crate::objects::bytes::decode_bytes`]).
//! Error handlers other than the built-in ones are looked up here and called with the
//! `UnicodeEncodeError` / `UnicodeDecodeError` (their replacement is used, and encoding resumes
//! at the end of the failing run).
//!
//! A str cannot hold lone surrogates, so `surrogateescape` decodes undecodable bytes to U+FFFD
//! and `surrogatepass` behaves as `strict`.

use std::cell::RefCell;

use crate::abi::Value;
use crate::builtins::core::is_callable;
use crate::objects::bytes::{
    as_bytes_like, decode_bytes, decode_error, decode_utf16, decode_utf32, new_bytes,
    new_unicode_error,
};
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{
    err, raise_value, LOOKUP_ERROR, TYPE_ERROR, UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR,
    UNICODE_TRANSLATE_ERROR, VALUE_ERROR,
};
use crate::objects::module::new_module;
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::str_methods::encode_text;
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::PyResult;
use crate::ops::object::getattr_str;
use crate::vm::call::call;

/// The codec registry of the interpreter.
struct Registry {
    /// Search functions, in registration order.
    search: Vec<Value>,
    /// Normalized name -> codec info (a dict, created on first use).
    cache: Value,
    /// Error handler name -> callable (a dict, created on first use).
    errors: Value,
    /// Whether `encodings` was imported (or tried).
    initialized: bool,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = const {
        RefCell::new(Registry {
            search: Vec::new(),
            cache: Value::NULL,
            errors: Value::NULL,
            initialized: false,
        })
    };
}

/// The registry's cache dict.
fn cache() -> Value {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if r.cache.is_null() {
            r.cache = new_dict();
        }
        r.cache.clone()
    })
}

/// The error handler dict, with the built-in handlers.
fn error_registry() -> Value {
    let d = REGISTRY.with(|r| r.borrow().errors.clone());
    if !d.is_null() {
        return d;
    }
    let d = new_dict();
    let dd = d.downcast_ref::<Dict>().unwrap();
    for (name, fname, f) in BUILTIN_HANDLERS {
        let _ = dd.set_item(
            new_str(name),
            crate::objects::builtin_function::new_builtin(fname, *f),
        );
    }
    REGISTRY.with(|r| r.borrow_mut().errors = d.clone());
    d
}

/// CPython's encoding name normalization for lookups: ASCII letters and digits (lowercased) and
/// dots are kept, every other run of characters becomes one `_` (none at the ends).
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// `codecs.lookup(encoding)`: the codec info (a 4-tuple, usually a `codecs.CodecInfo`).
pub fn lookup(encoding: &str) -> PyResult<Value> {
    let first = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let first = !r.initialized;
        r.initialized = true;
        first
    });
    if first {
        crate::vm::import::import_module("encodings")?;
    }
    let key = new_str(&normalize_name(encoding));
    let cache = cache();
    let cd = cache.downcast_ref::<Dict>().unwrap();
    if let Some(v) = cd.get_item(&key)? {
        return Ok(v);
    }
    let funcs = REGISTRY.with(|r| r.borrow().search.clone());
    if funcs.is_empty() {
        return err(
            &LOOKUP_ERROR,
            "no codec search functions registered: can't find encoding",
        );
    }
    for f in funcs {
        let r = call(&f, std::slice::from_ref(&key), &[])?;
        if r.is_none() {
            continue;
        }
        if try_tuple_items(&r).is_none_or(|t| t.len() != 4) {
            return err(&TYPE_ERROR, "codec search functions must return 4-tuples");
        }
        cd.set_item(key, r.clone())?;
        return Ok(r);
    }
    err(&LOOKUP_ERROR, format!("unknown encoding: {}", encoding))
}

/// A codec info for a text encoding (`str.encode`, `bytes.decode`): LookupError for codecs
/// such as `rot13` whose `_is_text_encoding` is false.
pub fn lookup_text_encoding(encoding: &str, alternate: &str) -> PyResult<Value> {
    let codec = lookup(encoding)?;
    if !std::ptr::eq(codec.ty(), &crate::objects::tuple::TUPLE_TYPE) {
        if let Some(a) = crate::ops::object::getattr_opt(&codec, &new_str("_is_text_encoding"))? {
            if !crate::ops::object::truthy(&a)? {
                return err(
                    &LOOKUP_ERROR,
                    format!(
                        "'{}' is not a text encoding; use {} to handle arbitrary codecs",
                        encoding, alternate
                    ),
                );
            }
        }
    }
    Ok(codec)
}

/// Item `i` of a codec info (0: encoder, 1: decoder).
fn codec_item(codec: &Value, i: usize) -> Value {
    try_tuple_items(codec)
        .and_then(|t| t.get(i).cloned())
        .unwrap_or(Value::NONE)
}

/// The first item of a codec function's `(result, consumed)` tuple.
fn first_of_pair(r: &Value, what: &str) -> PyResult<Value> {
    match try_tuple_items(r) {
        Some([x, _]) => Ok(x.clone()),
        _ => err(
            &TYPE_ERROR,
            format!("{} must return a tuple (object, integer)", what),
        ),
    }
}

/// `str.encode` for an encoding apython's native codecs do not know: the codec registry's.
pub fn encode_via_registry(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_text_encoding(encoding, "codecs.encode()")?;
    let r = call(
        &codec_item(&codec, 0),
        &[new_str(text), new_str(errors)],
        &[],
    )?;
    let b = first_of_pair(&r, "encoder")?;
    match crate::objects::bytes::as_bytes(&b) {
        Some(b) => Ok(b.to_vec()),
        None => err(
            &TYPE_ERROR,
            format!(
                "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                encoding,
                b.type_name()
            ),
        ),
    }
}

/// `bytes.decode` for an encoding apython's native codecs do not know: the codec registry's.
pub fn decode_via_registry(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup_text_encoding(encoding, "codecs.decode()")?;
    let r = call(
        &codec_item(&codec, 1),
        &[new_bytes(data), new_str(errors)],
        &[],
    )?;
    let s = first_of_pair(&r, "decoder")?;
    match as_str(&s) {
        Some(s) => Ok(s.to_string()),
        None => err(
            &TYPE_ERROR,
            format!(
                "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                encoding,
                s.type_name()
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Error handlers.

/// What an encoding error handler returned.
pub enum Replacement {
    /// Text, to be encoded by the codec.
    Text(String),
    /// Bytes, written as they are.
    Bytes(Vec<u8>),
}

/// The handler registered as `name` (LookupError when there is none).
fn handler(name: &str) -> PyResult<Value> {
    let d = error_registry();
    match d.downcast_ref::<Dict>().unwrap().get_item(&new_str(name))? {
        Some(h) => Ok(h),
        None => err(
            &LOOKUP_ERROR,
            format!("unknown error handler name '{}'", name),
        ),
    }
}

/// Calls error handler `name` for the unencodable characters `start..end` of `text`.
pub fn call_encode_handler(
    name: &str,
    encoding: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<Replacement> {
    let h = handler(name)?;
    let exc = new_unicode_error(
        &UNICODE_ENCODE_ERROR,
        encoding,
        new_str(text),
        start,
        end,
        reason,
    )?;
    let r = call(&h, &[exc], &[])?;
    match try_tuple_items(&r) {
        Some([x, pos]) if crate::objects::int::is_int(pos) => {
            if let Some(s) = as_str(x) {
                return Ok(Replacement::Text(s.to_string()));
            }
            if let Some(b) = crate::objects::bytes::as_bytes(x) {
                return Ok(Replacement::Bytes(b.to_vec()));
            }
        }
        _ => {}
    }
    err(
        &TYPE_ERROR,
        "encoding error handler must return (str/bytes, int) tuple",
    )
}

/// Calls error handler `name` for the undecodable bytes `start..end` of `data`.
pub fn call_decode_handler(
    name: &str,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<String> {
    let h = handler(name)?;
    let exc = new_unicode_error(
        &UNICODE_DECODE_ERROR,
        encoding,
        new_bytes(data),
        start,
        end,
        reason,
    )?;
    let r = call(&h, &[exc], &[])?;
    match try_tuple_items(&r) {
        Some([x, pos]) if crate::objects::int::is_int(pos) => {
            if let Some(s) = as_str(x) {
                return Ok(s.to_string());
            }
        }
        _ => {}
    }
    err(
        &TYPE_ERROR,
        "decoding error handler must return (str, int) tuple",
    )
}

/// Which Unicode error a built-in handler got, with its `object`, `start` and `end`.
enum ErrKind {
    Encode,
    Decode,
    Translate,
}

fn handler_exc(exc: &Value) -> PyResult<(ErrKind, Value, usize, usize)> {
    let t = exc.ty();
    let kind = if t.is_subtype(&UNICODE_ENCODE_ERROR) {
        ErrKind::Encode
    } else if t.is_subtype(&UNICODE_DECODE_ERROR) {
        ErrKind::Decode
    } else if t.is_subtype(&UNICODE_TRANSLATE_ERROR) {
        ErrKind::Translate
    } else {
        return Err(wrong_exc(exc));
    };
    let object = getattr_str(exc, "object")?;
    let start = crate::ops::number::index_i64(&getattr_str(exc, "start")?)?.max(0) as usize;
    let end = crate::ops::number::index_i64(&getattr_str(exc, "end")?)?.max(0) as usize;
    Ok((kind, object, start, end.max(start)))
}

fn wrong_exc(exc: &Value) -> crate::objects::Raised {
    crate::objects::exception::raise(
        &TYPE_ERROR,
        format!(
            "don't know how to handle {} in error callback",
            exc.type_name()
        ),
    )
}

/// The characters `start..end` of a str value.
fn char_range(object: &Value, start: usize, end: usize) -> Vec<char> {
    as_str(object)
        .map(|s| s.chars().skip(start).take(end - start).collect())
        .unwrap_or_default()
}

fn one_exc<'a>(name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    crate::builtins::args::exactly_one(name, args)
}

fn h_strict(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let exc = one_exc("strict_errors", args)?;
    if !crate::objects::exception::is_exception(exc) {
        return err(&TYPE_ERROR, "codec must pass exception instance");
    }
    Err(raise_value(exc.clone()))
}

fn h_ignore(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, _, _, end) = handler_exc(one_exc("ignore_errors", args)?)?;
    Ok(new_tuple(vec![new_str(""), Value::int(end as i64)]))
}

fn h_replace(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (kind, _, start, end) = handler_exc(one_exc("replace_errors", args)?)?;
    let r = match kind {
        ErrKind::Encode => "?".repeat(end - start),
        ErrKind::Decode => "\u{fffd}".to_string(),
        ErrKind::Translate => "\u{fffd}".repeat(end - start),
    };
    Ok(new_tuple(vec![from_string(r), Value::int(end as i64)]))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a character.
fn escape_char(out: &mut String, c: char) {
    let c = c as u32;
    if c < 0x100 {
        out.push_str(&format!("\\x{:02x}", c));
    } else if c < 0x10000 {
        out.push_str(&format!("\\u{:04x}", c));
    } else {
        out.push_str(&format!("\\U{:08x}", c));
    }
}

fn h_backslashreplace(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (kind, object, start, end) = handler_exc(one_exc("backslashreplace_errors", args)?)?;
    let mut r = String::new();
    match kind {
        ErrKind::Decode => {
            let b = as_bytes_like(&object).unwrap_or(&[]);
            for byte in b.iter().skip(start).take(end - start) {
                r.push_str(&format!("\\x{:02x}", byte));
            }
        }
        _ => {
            for c in char_range(&object, start, end) {
                escape_char(&mut r, c);
            }
        }
    }
    Ok(new_tuple(vec![from_string(r), Value::int(end as i64)]))
}

fn h_xmlcharrefreplace(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let exc = one_exc("xmlcharrefreplace_errors", args)?;
    let (kind, object, start, end) = handler_exc(exc)?;
    if !matches!(kind, ErrKind::Encode) {
        return Err(wrong_exc(exc));
    }
    let mut r = String::new();
    for c in char_range(&object, start, end) {
        r.push_str(&format!("&#{};", c as u32));
    }
    Ok(new_tuple(vec![from_string(r), Value::int(end as i64)]))
}

/// `namereplace_errors`: without a Unicode name table, characters become `\x`/`\u` escapes.
fn h_namereplace(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let exc = one_exc("namereplace_errors", args)?;
    let (kind, object, start, end) = handler_exc(exc)?;
    if !matches!(kind, ErrKind::Encode) {
        return Err(wrong_exc(exc));
    }
    let mut r = String::new();
    for c in char_range(&object, start, end) {
        escape_char(&mut r, c);
    }
    Ok(new_tuple(vec![from_string(r), Value::int(end as i64)]))
}

/// `surrogateescape`: undecodable bytes become U+FFFD (a str holds no lone surrogates);
/// encoding errors are re-raised (there are no surrogates to encode).
fn h_surrogateescape(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let exc = one_exc("surrogateescape", args)?;
    let (kind, _, start, end) = handler_exc(exc)?;
    match kind {
        ErrKind::Decode => Ok(new_tuple(vec![
            from_string("\u{fffd}".repeat(end - start)),
            Value::int(end as i64),
        ])),
        ErrKind::Encode => Err(raise_value(exc.clone())),
        ErrKind::Translate => Err(wrong_exc(exc)),
    }
}

/// `surrogatepass`: there are no surrogates to pass; the error stands.
fn h_surrogatepass(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let exc = one_exc("surrogatepass", args)?;
    match handler_exc(exc)?.0 {
        ErrKind::Translate => Err(wrong_exc(exc)),
        _ => Err(raise_value(exc.clone())),
    }
}

/// The built-in error handlers: registered name, function name, function.
const BUILTIN_HANDLERS: &[(&str, &str, crate::objects::MethodFn)] = &[
    ("strict", "strict_errors", h_strict),
    ("ignore", "ignore_errors", h_ignore),
    ("replace", "replace_errors", h_replace),
    (
        "xmlcharrefreplace",
        "xmlcharrefreplace_errors",
        h_xmlcharrefreplace,
    ),
    (
        "backslashreplace",
        "backslashreplace_errors",
        h_backslashreplace,
    ),
    ("namereplace", "namereplace_errors", h_namereplace),
    ("surrogateescape", "surrogateescape", h_surrogateescape),
    ("surrogatepass", "surrogatepass", h_surrogatepass),
];

// ---------------------------------------------------------------------------------------------
// Registry functions.

fn c_register(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = one_exc("register", args)?;
    if !is_callable(f) {
        return err(&TYPE_ERROR, "argument must be callable");
    }
    REGISTRY.with(|r| r.borrow_mut().search.push(f.clone()));
    Ok(Value::NONE)
}

fn c_unregister(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = one_exc("unregister", args)?;
    let removed = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        match r.search.iter().position(|x| x.is(f)) {
            Some(i) => {
                r.search.remove(i);
                true
            }
            None => false,
        }
    });
    if removed {
        if let Some(d) = cache().downcast_ref::<Dict>() {
            d.clear();
        }
    }
    Ok(Value::NONE)
}

/// A str argument of a `_codecs` function (`lookup() argument must be str, not int`).
fn str_param(func: &str, what: &str, v: &Value) -> PyResult<String> {
    match as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => err(
            &TYPE_ERROR,
            format!(
                "{}() {} must be str, not {}",
                func,
                what,
                crate::objects::str_methods::clinic_type_name(v)
            ),
        ),
    }
}

fn c_lookup(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = one_exc("lookup", args)?;
    lookup(&str_param("lookup", "argument", e)?)
}

/// `encode(obj, encoding='utf-8', errors='strict')` and `decode(...)`: through the registry.
fn encode_or_decode(name: &str, args: &[Value], kw: &[Value], index: usize) -> PyResult<Value> {
    let mut p = crate::builtins::args::ArgParser::new(name, args, kw);
    let obj = p.required("obj")?;
    let encoding = p.optional("encoding")?;
    let errors = p.optional("errors")?;
    p.finish()?;
    let encoding = match encoding {
        Some(e) => str_param(name, "argument 'encoding'", &e)?,
        None => "utf-8".to_string(),
    };
    let mut call_args = vec![obj];
    if let Some(e) = errors {
        call_args.push(new_str(&str_param(name, "argument 'errors'", &e)?));
    }
    let codec = lookup(&encoding)?;
    let r = call(&codec_item(&codec, index), &call_args, &[])?;
    first_of_pair(&r, if index == 0 { "encoder" } else { "decoder" })
}

fn c_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_or_decode("encode", args, kw, 0)
}

fn c_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_or_decode("decode", args, kw, 1)
}

fn c_lookup_error(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = one_exc("lookup_error", args)?;
    handler(&str_param("lookup_error", "argument", n)?)
}

fn c_register_error(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [name, h] = args else {
        return err(
            &TYPE_ERROR,
            format!("register_error expected 2 arguments, got {}", args.len()),
        );
    };
    let name = str_param("register_error", "argument 1", name)?;
    if !is_callable(h) {
        return err(&TYPE_ERROR, "handler must be callable");
    }
    error_registry()
        .downcast_ref::<Dict>()
        .unwrap()
        .set_item(new_str(&name), h.clone())?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------------------------
// Codec functions: argument helpers.

/// The positional arguments of a codec function (which takes no keywords), `min..=max` of them.
fn pos_args<'a>(
    name: &str,
    args: &'a [Value],
    kw: &[Value],
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        );
    }
    if args.len() < min {
        return err(
            &TYPE_ERROR,
            format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                args.len()
            ),
        );
    }
    if args.len() > max {
        return err(
            &TYPE_ERROR,
            format!(
                "{} expected at most {} arguments, got {}",
                name,
                max,
                args.len()
            ),
        );
    }
    Ok(args)
}

/// The `errors` argument (position `i`): None or absent means strict.
fn errors_param(name: &str, args: &[Value], i: usize) -> PyResult<String> {
    match args.get(i) {
        None => Ok("strict".to_string()),
        Some(v) if v.is_none() => Ok("strict".to_string()),
        Some(v) => match as_str(v) {
            Some(s) => Ok(s.to_string()),
            None => err(
                &TYPE_ERROR,
                format!(
                    "{}() argument {} must be str or None, not {}",
                    name,
                    i + 1,
                    v.type_name()
                ),
            ),
        },
    }
}

/// The text argument of an encoder.
fn text_param(name: &str, v: &Value) -> PyResult<String> {
    str_param(name, "argument 1", v)
}

/// The data argument of a decoder (any bytes-like object).
fn data_param(v: &Value) -> PyResult<Vec<u8>> {
    match as_bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => err(
            &TYPE_ERROR,
            format!("a bytes-like object is required, not '{}'", v.type_name()),
        ),
    }
}

/// A `final` argument (position `i`): its truth value, `default` when absent.
fn final_param(args: &[Value], i: usize, default: bool) -> PyResult<bool> {
    match args.get(i) {
        None => Ok(default),
        Some(v) => crate::ops::object::truthy(v),
    }
}

/// `(result, consumed)`.
fn pair(result: Value, consumed: usize) -> Value {
    new_tuple(vec![result, Value::int(consumed as i64)])
}

/// An encoder `NAME_encode(str, errors=None)` over [`encode_text`] with `codec`.
fn encode_with(name: &str, codec: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = pos_args(name, args, kw, 1, 2)?;
    let text = text_param(name, &a[0])?;
    let errors = errors_param(name, a, 1)?;
    let b = encode_text(&text, codec, &errors)?;
    Ok(pair(new_bytes(&b), text.chars().count()))
}

/// A stateless decoder `NAME_decode(data, errors=None)` over [`decode_bytes`] with `codec`.
fn decode_with(name: &str, codec: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = pos_args(name, args, kw, 1, 3)?;
    let data = data_param(&a[0])?;
    let errors = errors_param(name, a, 1)?;
    let s = decode_bytes(&data, codec, &errors)?;
    Ok(pair(from_string(s), data.len()))
}

macro_rules! simple_codec {
    ($enc:ident, $dec:ident, $encname:literal, $decname:literal, $codec:literal) => {
        fn $enc(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            encode_with($encname, $codec, args, kw)
        }
        fn $dec(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            decode_with($decname, $codec, args, kw)
        }
    };
}

simple_codec!(
    c_ascii_encode,
    c_ascii_decode,
    "ascii_encode",
    "ascii_decode",
    "ascii"
);
simple_codec!(
    c_latin_1_encode,
    c_latin_1_decode,
    "latin_1_encode",
    "latin_1_decode",
    "latin-1"
);

// ---------------------------------------------------------------------------------------------
// UTF-8, UTF-16, UTF-32.

fn c_utf_8_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_with("utf_8_encode", "utf-8", args, kw)
}

/// Where an incremental UTF-8 decoder stops: before a truncated but so far valid sequence at
/// the end of `b`.
fn utf8_complete_len(b: &[u8]) -> usize {
    let n = b.len();
    for back in 1..=3.min(n) {
        let p = n - back;
        let c = b[p];
        if c & 0xc0 == 0x80 {
            continue;
        }
        if c >= 0xc2 {
            if let Err(e) = std::str::from_utf8(&b[p..]) {
                if e.valid_up_to() == 0 && e.error_len().is_none() {
                    return p;
                }
            }
        }
        break;
    }
    n
}

fn c_utf_8_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = "utf_8_decode";
    let a = pos_args(name, args, kw, 1, 3)?;
    let data = data_param(&a[0])?;
    let errors = errors_param(name, a, 1)?;
    let fin = final_param(a, 2, false)?;
    let cut = if fin {
        data.len()
    } else {
        utf8_complete_len(&data)
    };
    let s = decode_bytes(&data[..cut], "utf-8", &errors)?;
    Ok(pair(from_string(s), cut))
}

/// Byte order argument: 0 native with a BOM, -1 little-endian, 1 big-endian.
fn byteorder_param(args: &[Value], i: usize) -> PyResult<i64> {
    match args.get(i) {
        None => Ok(0),
        Some(v) => crate::ops::number::index_i64(v),
    }
}

/// `utf_16_encode(str, errors=None, byteorder=0)` and the UTF-32 one.
fn utf_n_encode(name: &str, base: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = pos_args(name, args, kw, 1, 3)?;
    let text = text_param(name, &a[0])?;
    let errors = errors_param(name, a, 1)?;
    let codec = match byteorder_param(a, 2)? {
        0 => base.to_string(),
        o if o < 0 => format!("{}-le", base),
        _ => format!("{}-be", base),
    };
    let b = encode_text(&text, &codec, &errors)?;
    Ok(pair(new_bytes(&b), text.chars().count()))
}

/// Decodes UTF-16 (`width` 2) or UTF-32 (`width` 4) with byte order `order` (0: read a BOM,
/// else little-endian; -1 little; 1 big): (text, bytes consumed, byte order found).
fn utf_n_decode_ex(
    data: &[u8],
    errors: &str,
    mut order: i64,
    fin: bool,
    width: usize,
) -> PyResult<(String, usize, i64)> {
    let (bom_le, bom_be): (&[u8], &[u8]) = if width == 2 {
        (b"\xff\xfe", b"\xfe\xff")
    } else {
        (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
    };
    let mut pos = 0;
    if order == 0 {
        if data.starts_with(bom_le) {
            order = -1;
            pos = width;
        } else if data.starts_with(bom_be) {
            order = 1;
            pos = width;
        } else if !fin && data.len() < width {
            return Ok((String::new(), 0, 0));
        }
    }
    let body = &data[pos..];
    let big = order == 1;
    let mut cut = body.len();
    if !fin {
        cut -= cut % width;
        if width == 2 && cut >= 2 {
            let u = if big {
                u16::from_be_bytes([body[cut - 2], body[cut - 1]])
            } else {
                u16::from_le_bytes([body[cut - 2], body[cut - 1]])
            };
            if (0xd800..0xdc00).contains(&u) {
                cut -= 2;
            }
        }
    }
    let name = match (width, big) {
        (2, false) => "utf-16-le",
        (2, true) => "utf-16-be",
        (_, false) => "utf-32-le",
        (_, true) => "utf-32-be",
    };
    let s = if width == 2 {
        decode_utf16(&body[..cut], Some(big), name, errors)?
    } else {
        decode_utf32(&body[..cut], Some(big), name, errors)?
    };
    Ok((s, pos + cut, order))
}

fn utf_n_decode(
    name: &str,
    args: &[Value],
    kw: &[Value],
    width: usize,
    order: i64,
) -> PyResult<Value> {
    let a = pos_args(name, args, kw, 1, 3)?;
    let data = data_param(&a[0])?;
    let errors = errors_param(name, a, 1)?;
    let fin = final_param(a, 2, false)?;
    let (s, n, _) = utf_n_decode_ex(&data, &errors, order, fin, width)?;
    Ok(pair(from_string(s), n))
}

fn utf_n_ex_decode(name: &str, args: &[Value], kw: &[Value], width: usize) -> PyResult<Value> {
    let a = pos_args(name, args, kw, 1, 4)?;
    let data = data_param(&a[0])?;
    let errors = errors_param(name, a, 1)?;
    let order = byteorder_param(a, 2)?;
    let fin = final_param(a, 3, false)?;
    let (s, n, order) = utf_n_decode_ex(&data, &errors, order, fin, width)?;
    Ok(new_tuple(vec![
        from_string(s),
        Value::int(n as i64),
        Value::int(order),
    ]))
}

macro_rules! utf_n_codec {
    ($enc:ident, $dec:ident, $encname:literal, $decname:literal, $codec:literal, $width:literal, $order:literal) => {
        fn $enc(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            encode_with($encname, $codec, args, kw)
        }
        fn $dec(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            utf_n_decode($decname, args, kw, $width, $order)
        }
    };
}

utf_n_codec!(
    c_utf_16_le_encode,
    c_utf_16_le_decode,
    "utf_16_le_encode",
    "utf_16_le_decode",
    "utf-16-le",
    2,
    -1
);
utf_n_codec!(
    c_utf_16_be_encode,
    c_utf_16_be_decode,
    "utf_16_be_encode",
    "utf_16_be_decode",
    "utf-16-be",
    2,
    1
);
utf_n_codec!(
    c_utf_32_le_encode,
    c_utf_32_le_decode,
    "utf_32_le_encode",
    "utf_32_le_decode",
    "utf-32-le",
    4,
    -1
);
utf_n_codec!(
    c_utf_32_be_encode,
    c_utf_32_be_decode,
    "utf_32_be_encode",
    "utf_32_be_decode",
    "utf-32-be",
    4,
    1
);

fn c_utf_16_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    utf_n_encode("utf_16_encode", "utf-16", args, kw)
}
fn c_utf_32_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    utf_n_encode("utf_32_encode", "utf-32", args, kw)
}
fn c_utf_16_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    utf_n_decode("utf_16_decode", args, kw, 2, 0)
}
fn c_utf_32_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    utf_n_decode("utf_32_decode", args, kw, 4, 0)
}
fn c_utf_16_ex_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    utf_n_ex_decode("utf_16_ex_decode", args, kw, 2)
}
fn c_utf_32_ex_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    utf_n_ex_decode("utf_32_ex_decode", args, kw, 4)
}

// ---------------------------------------------------------------------------------------------
// Escape codecs.

/// Data for the escape decoders: bytes-like, or a str (its UTF-8 bytes).
fn escape_data(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str(v) {
        return Ok(s.as_bytes().to_vec());
    }
    data_param(v)
}

/// `escape_decode(data, errors=None)`: bytes with Python's bytes-literal escapes resolved.
fn c_escape_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = "escape_decode";
    let a = pos_args(name, args, kw, 1, 2)?;
    let data = escape_data(&a[0])?;
    let errors = errors_param(name, a, 1)?;
    let mut out = Vec::with_capacity(data.len());
    let mut first_invalid: Option<u8> = None;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&e) = data.get(i) else {
            return err(&VALUE_ERROR, "Trailing \\ in string");
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = data
                    .get(i..i + 2)
                    .filter(|h| h.iter().all(|d| d.is_ascii_hexdigit()));
                match hex {
                    Some(h) => {
                        let s = std::str::from_utf8(h).unwrap_or("0");
                        out.push(u8::from_str_radix(s, 16).unwrap_or(0));
                        i += 2;
                    }
                    None => match errors.as_str() {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        "strict" => {
                            return err(
                                &VALUE_ERROR,
                                format!("invalid \\x escape at position {}", i - 2),
                            )
                        }
                        _ => {
                            return err(
                                &VALUE_ERROR,
                                format!("decoding error; unknown error handling code: {}", errors),
                            )
                        }
                    },
                }
            }
            other => {
                first_invalid.get_or_insert(other);
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    warn_invalid_escape(first_invalid)?;
    Ok(pair(new_bytes(&out), data.len()))
}

/// `escape_encode(data, errors=None)`: bytes as a bytes literal's body (`\n`, `\'`, `\xNN`).
fn c_escape_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = "escape_encode";
    let a = pos_args(name, args, kw, 1, 2)?;
    let Some(data) = crate::objects::bytes::as_bytes(&a[0]) else {
        return err(
            &TYPE_ERROR,
            format!(
                "escape_encode() argument 1 must be bytes, not {}",
                a[0].type_name()
            ),
        );
    };
    let mut out = Vec::with_capacity(data.len());
    for &c in data {
        match c {
            b'\\' | b'\'' => {
                out.push(b'\\');
                out.push(c);
            }
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\x{:02x}", c).as_bytes()),
        }
    }
    Ok(pair(new_bytes(&out), data.len()))
}

/// Decodes `n` hex digits at `data[i..]`, if they are there.
fn hex_at(data: &[u8], i: usize, n: usize) -> Option<u32> {
    let h = data.get(i..i + n)?;
    if !h.iter().all(|d| d.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
}

/// `unicode_escape_decode` (`raw` false) and `raw_unicode_escape_decode` (`raw` true).
fn unicode_escape_decode(
    name: &str,
    codec: &str,
    raw: bool,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    let a = pos_args(name, args, kw, 1, 3)?;
    let data = escape_data(&a[0])?;
    let errors = errors_param(name, a, 1)?;
    let fin = final_param(a, 2, true)?;
    let mut out = String::with_capacity(data.len());
    let mut first_invalid: Option<u8> = None;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            // Only `\u`/`\U` after an odd number of backslashes is an escape.
            let mut j = i;
            while j < data.len() && data[j] == b'\\' {
                j += 1;
            }
            let run = j - i;
            let escape = run % 2 == 1 && matches!(data.get(j), Some(b'u' | b'U'));
            if !escape {
                for _ in 0..run {
                    out.push('\\');
                }
                i = j;
                continue;
            }
            for _ in 0..run - 1 {
                out.push('\\');
            }
            i = j - 1;
        }
        let Some(&e) = data.get(i + 1) else {
            if !fin {
                return Ok(pair(from_string(out), start));
            }
            decode_error(
                &mut out,
                &data,
                codec,
                &data[i..],
                i,
                "\\ at end of string",
                &errors,
            )?;
            i = data.len();
            continue;
        };
        let simple = match e {
            b'\n' if !raw => Some(None),
            b'\\' if !raw => Some(Some('\\')),
            b'\'' if !raw => Some(Some('\'')),
            b'"' if !raw => Some(Some('"')),
            b'b' if !raw => Some(Some('\u{8}')),
            b'f' if !raw => Some(Some('\u{c}')),
            b't' if !raw => Some(Some('\t')),
            b'n' if !raw => Some(Some('\n')),
            b'r' if !raw => Some(Some('\r')),
            b'v' if !raw => Some(Some('\u{b}')),
            b'a' if !raw => Some(Some('\u{7}')),
            _ => None,
        };
        if let Some(ch) = simple {
            out.extend(ch);
            i += 2;
            continue;
        }
        if !raw && (b'0'..=b'7').contains(&e) {
            let mut v = (e - b'0') as u32;
            let mut j = i + 2;
            while j < i + 4 && j < data.len() && (b'0'..=b'7').contains(&data[j]) {
                v = v * 8 + (data[j] - b'0') as u32;
                j += 1;
            }
            out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            i = j;
            continue;
        }
        let (digits, what) = match e {
            b'x' if !raw => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' if !raw => {
                // No Unicode name table: `\N{...}` is an error, as an unknown name would be.
                let close = (data.get(i + 2) == Some(&b'{'))
                    .then(|| data[i..].iter().position(|&b| b == b'}'))
                    .flatten()
                    .filter(|&p| p > 3);
                let (end, reason) = match close {
                    Some(p) => (i + p + 1, "unknown Unicode character name"),
                    None => ((i + 2).min(data.len()), "malformed \\N character escape"),
                };
                if close.is_none() {
                    // CPython reports the whole rest of a malformed escape.
                    let end = data.len();
                    decode_error(&mut out, &data, codec, &data[i..end], i, reason, &errors)?;
                    i = end;
                    continue;
                }
                decode_error(&mut out, &data, codec, &data[i..end], i, reason, &errors)?;
                i = end;
                continue;
            }
            _ => {
                if !raw {
                    first_invalid.get_or_insert(e);
                }
                out.push('\\');
                i += 1;
                continue;
            }
        };
        match hex_at(&data, i + 2, digits) {
            Some(v) => match char::from_u32(v) {
                Some(ch) => {
                    out.push(ch);
                    i += 2 + digits;
                }
                None => {
                    let end = i + 2 + digits;
                    decode_error(
                        &mut out,
                        &data,
                        codec,
                        &data[i..end],
                        i,
                        if v > 0x10ffff {
                            "illegal Unicode character"
                        } else {
                            "surrogate code points are not supported"
                        },
                        &errors,
                    )?;
                    i = end;
                }
            },
            None => {
                let mut end = i + 2;
                while end < data.len() && end < i + 2 + digits && data[end].is_ascii_hexdigit() {
                    end += 1;
                }
                if !fin && end == data.len() {
                    return Ok(pair(from_string(out), start));
                }
                decode_error(&mut out, &data, codec, &data[i..end], i, what, &errors)?;
                i = end;
            }
        }
    }
    warn_invalid_escape(first_invalid)?;
    Ok(pair(from_string(out), data.len()))
}

/// The DeprecationWarning CPython 3.12 gives for the first unknown escape (`\q`) a decode met.
fn warn_invalid_escape(c: Option<u8>) -> PyResult<()> {
    match c {
        Some(c) => crate::modules::warn(
            &crate::objects::exception::DEPRECATION_WARNING,
            &format!("invalid escape sequence '\\{}'", c as char),
            1,
        ),
        None => Ok(()),
    }
}

fn c_unicode_escape_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unicode_escape_decode("unicode_escape_decode", "unicodeescape", false, args, kw)
}

fn c_raw_unicode_escape_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unicode_escape_decode(
        "raw_unicode_escape_decode",
        "rawunicodeescape",
        true,
        args,
        kw,
    )
}

/// `\uNNNN` / `\UNNNNNNNN` (and `\xNN` unless `raw`) for a character.
fn push_u_escape(out: &mut Vec<u8>, c: u32, raw: bool) {
    let s = if c < 0x100 && !raw {
        format!("\\x{:02x}", c)
    } else if c < 0x10000 {
        format!("\\u{:04x}", c)
    } else {
        format!("\\U{:08x}", c)
    };
    out.extend_from_slice(s.as_bytes());
}

fn c_unicode_escape_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = "unicode_escape_encode";
    let a = pos_args(name, args, kw, 1, 2)?;
    let text = text_param(name, &a[0])?;
    let mut out = Vec::with_capacity(text.len());
    let mut n = 0;
    for c in text.chars() {
        n += 1;
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(c as u8),
            _ => push_u_escape(&mut out, c as u32, false),
        }
    }
    Ok(pair(new_bytes(&out), n))
}

fn c_raw_unicode_escape_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = "raw_unicode_escape_encode";
    let a = pos_args(name, args, kw, 1, 2)?;
    let text = text_param(name, &a[0])?;
    let mut out = Vec::with_capacity(text.len());
    let mut n = 0;
    for c in text.chars() {
        n += 1;
        if (c as u32) < 0x100 {
            out.push(c as u32 as u8);
        } else {
            push_u_escape(&mut out, c as u32, true);
        }
    }
    Ok(pair(new_bytes(&out), n))
}

// ---------------------------------------------------------------------------------------------
// Charmap codecs.

/// `mapping[key]`, or `None` when the mapping has no such key (LookupError).
fn map_get(mapping: &Value, key: i64) -> PyResult<Option<Value>> {
    if let Some(d) = mapping.downcast_exact::<Dict>() {
        return d.get_item(&Value::int(key));
    }
    match crate::ops::sequence::getitem(mapping, &Value::int(key)) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if crate::objects::exception::raised_matches(&LOOKUP_ERROR) {
                crate::vm::thread::take_raised();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// `charmap_decode(data, errors=None, mapping=None)`: each byte through a decoding table (a
/// str indexed by byte, U+FFFE meaning undefined) or a mapping; latin-1 without one.
fn c_charmap_decode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = "charmap_decode";
    let a = pos_args(name, args, kw, 1, 3)?;
    let data = data_param(&a[0])?;
    let errors = errors_param(name, a, 1)?;
    let mapping = a.get(2).filter(|m| !m.is_none());
    let Some(mapping) = mapping else {
        return Ok(pair(
            from_string(data.iter().map(|&b| b as char).collect()),
            data.len(),
        ));
    };
    let table: Option<Vec<char>> = as_str(mapping).map(|s| s.chars().collect());
    let mut out = String::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        let got: Option<String> = match &table {
            Some(t) => t
                .get(b as usize)
                .filter(|&&c| c != '\u{fffe}')
                .map(|c| c.to_string()),
            None => match map_get(mapping, b as i64)? {
                None => None,
                Some(v) if v.is_none() => None,
                Some(v) => {
                    if let Some(s) = as_str(&v) {
                        if &*s == "\u{fffe}" {
                            None
                        } else {
                            Some(s.to_string())
                        }
                    } else if let Some(n) = v.as_small_int() {
                        match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(c) if c != '\u{fffe}' => Some(c.to_string()),
                            Some(_) => None,
                            None => {
                                return err(
                                    &TYPE_ERROR,
                                    "character mapping must be in range(0x110000)",
                                )
                            }
                        }
                    } else {
                        return err(
                            &TYPE_ERROR,
                            "character mapping must return integer, None or str",
                        );
                    }
                }
            },
        };
        match got {
            Some(s) => out.push_str(&s),
            None => decode_error(
                &mut out,
                &data,
                "charmap",
                &[b],
                i,
                "character maps to <undefined>",
                &errors,
            )?,
        }
    }
    Ok(pair(from_string(out), data.len()))
}

/// The bytes `mapping` gives character `c`, or `None` when it is undefined.
fn charmap_encode_char(mapping: &Value, c: char) -> PyResult<Option<Vec<u8>>> {
    let v = match map_get(mapping, c as i64)? {
        None => return Ok(None),
        Some(v) if v.is_none() => return Ok(None),
        Some(v) => v,
    };
    if let Some(n) = v.as_small_int() {
        return match u8::try_from(n) {
            Ok(b) => Ok(Some(vec![b])),
            Err(_) => err(&TYPE_ERROR, "character mapping must be in range(256)"),
        };
    }
    if let Some(b) = crate::objects::bytes::as_bytes(&v) {
        return Ok(Some(b.to_vec()));
    }
    err(
        &TYPE_ERROR,
        format!(
            "character mapping must return integer, bytes or None, not {}",
            v.type_name()
        ),
    )
}

/// `charmap_encode(str, errors=None, mapping=None)`: each character through an encoding map
/// (as `charmap_build` makes) or any mapping; latin-1 without one.
fn c_charmap_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = "charmap_encode";
    let a = pos_args(name, args, kw, 1, 3)?;
    let text = text_param(name, &a[0])?;
    let errors = errors_param(name, a, 1)?;
    let Some(mapping) = a.get(2).filter(|m| !m.is_none()) else {
        let b = encode_text(&text, "latin-1", &errors)?;
        return Ok(pair(new_bytes(&b), text.chars().count()));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let reason = "character maps to <undefined>";
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = charmap_encode_char(mapping, chars[i])? {
            out.extend_from_slice(&b);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && charmap_encode_char(mapping, chars[j])?.is_none() {
            j += 1;
        }
        let fail = || {
            crate::objects::bytes::unicode_error::<()>(
                &UNICODE_ENCODE_ERROR,
                "charmap",
                new_str(&text),
                i,
                j,
                reason,
            )
        };
        let replacement: String = match errors.as_str() {
            "strict" | "surrogateescape" | "surrogatepass" => {
                fail()?;
                String::new()
            }
            "ignore" => String::new(),
            "replace" => "?".repeat(j - i),
            "backslashreplace" | "namereplace" => {
                let mut r = String::new();
                for &c in &chars[i..j] {
                    escape_char(&mut r, c);
                }
                r
            }
            "xmlcharrefreplace" => chars[i..j]
                .iter()
                .map(|&c| format!("&#{};", c as u32))
                .collect(),
            custom => match call_encode_handler(custom, "charmap", &text, i, j, reason)? {
                Replacement::Bytes(b) => {
                    out.extend_from_slice(&b);
                    i = j;
                    continue;
                }
                Replacement::Text(t) => t,
            },
        };
        for c in replacement.chars() {
            match charmap_encode_char(mapping, c)? {
                Some(b) => out.extend_from_slice(&b),
                None => fail()?,
            }
        }
        i = j;
    }
    Ok(pair(new_bytes(&out), chars.len()))
}

/// `charmap_build(decoding_table)`: the encoding map (a dict, code point -> byte).
fn c_charmap_build(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = one_exc("charmap_build", args)?;
    let s = str_param("charmap_build", "argument", t)?;
    let d = new_dict();
    let dd = d.downcast_ref::<Dict>().unwrap();
    for (i, c) in s.chars().enumerate() {
        dd.set_item(Value::int(c as i64), Value::int(i as i64))?;
    }
    Ok(d)
}

/// `readbuffer_encode(data, errors=None)`: the bytes of a buffer (a str: its UTF-8).
fn c_readbuffer_encode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = pos_args("readbuffer_encode", args, kw, 1, 2)?;
    let data = escape_data(&a[0])?;
    let n = data.len();
    Ok(pair(new_bytes(&data), n))
}

/// Creates the `_codecs` module.
pub fn create() -> Value {
    let m = new_module("_codecs");
    crate::modules::add_functions(
        &m,
        &[
            ("register", c_register),
            ("unregister", c_unregister),
            ("lookup", c_lookup),
            ("encode", c_encode),
            ("decode", c_decode),
            ("lookup_error", c_lookup_error),
            ("register_error", c_register_error),
            ("utf_8_encode", c_utf_8_encode),
            ("utf_8_decode", c_utf_8_decode),
            ("ascii_encode", c_ascii_encode),
            ("ascii_decode", c_ascii_decode),
            ("latin_1_encode", c_latin_1_encode),
            ("latin_1_decode", c_latin_1_decode),
            ("utf_16_encode", c_utf_16_encode),
            ("utf_16_decode", c_utf_16_decode),
            ("utf_16_ex_decode", c_utf_16_ex_decode),
            ("utf_16_le_encode", c_utf_16_le_encode),
            ("utf_16_le_decode", c_utf_16_le_decode),
            ("utf_16_be_encode", c_utf_16_be_encode),
            ("utf_16_be_decode", c_utf_16_be_decode),
            ("utf_32_encode", c_utf_32_encode),
            ("utf_32_decode", c_utf_32_decode),
            ("utf_32_ex_decode", c_utf_32_ex_decode),
            ("utf_32_le_encode", c_utf_32_le_encode),
            ("utf_32_le_decode", c_utf_32_le_decode),
            ("utf_32_be_encode", c_utf_32_be_encode),
            ("utf_32_be_decode", c_utf_32_be_decode),
            ("escape_encode", c_escape_encode),
            ("escape_decode", c_escape_decode),
            ("unicode_escape_encode", c_unicode_escape_encode),
            ("unicode_escape_decode", c_unicode_escape_decode),
            ("raw_unicode_escape_encode", c_raw_unicode_escape_encode),
            ("raw_unicode_escape_decode", c_raw_unicode_escape_decode),
            ("charmap_encode", c_charmap_encode),
            ("charmap_decode", c_charmap_decode),
            ("charmap_build", c_charmap_build),
            ("readbuffer_encode", c_readbuffer_encode),
        ],
    );
    m
}
