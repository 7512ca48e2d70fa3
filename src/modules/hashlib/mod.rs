//! The built-in hash modules `hashlib` falls back on without OpenSSL: `_md5`, `_sha1`,
//! `_sha2`, `_sha3` and `_blake2` (CPython's `Modules/*module.c` of the same names).
//!
//! Every hash object is a [`HashObj`]: a name, sizes and a boxed [`Hasher`] (the algorithm's
//! running state), with the common methods `update`, `digest`, `hexdigest` and `copy`. Each
//! algorithm file implements [`Hasher`] and declares its Python types from [`HASH_SLOTS`].

pub mod blake2;
pub mod md5;
pub mod sha1;
pub mod sha2;
pub mod sha3;

use std::cell::RefCell;

use crate::abi::Value;
use crate::builtins::args::{exactly_one, no_args, ArgParser};
use crate::objects::bytes::new_bytes;
use crate::objects::exception::{err, TYPE_ERROR, VALUE_ERROR};
use crate::objects::str::{from_string, new_str};
use crate::objects::{
    alloc, dealloc_obj, method, GetSetDef, MethodDef, PyPayload, PyResult, TypeObject,
};

/// A hash algorithm's running state.
pub trait Hasher {
    /// Feeds more data.
    fn update(&mut self, data: &[u8]);
    /// The digest of the data so far (the state goes on); `length` bytes for the SHAKE
    /// functions, whose output length is the caller's choice.
    fn digest(&self, length: usize) -> Vec<u8>;
    /// An independent copy.
    fn box_clone(&self) -> Box<dyn Hasher>;
    /// `(capacity bits, rate bits, suffix)` of a Keccak sponge (the `_sha3` attributes).
    fn sponge(&self) -> Option<(usize, usize, u8)> {
        None
    }
}

/// Payload of every hash object type.
pub struct HashObj {
    name: &'static str,
    digest_size: usize,
    block_size: usize,
    /// Whether `digest` takes a length (SHAKE).
    xof: bool,
    state: RefCell<Box<dyn Hasher>>,
}

impl PyPayload for HashObj {
    fn type_object() -> *const TypeObject {
        &HASH_LAYOUT
    }
}

/// The layout all hash object types share (never exposed itself).
pub static HASH_LAYOUT: TypeObject = TypeObject {
    name: "_hashlib.HASH",
    layout: &HASH_LAYOUT,
    dealloc: dealloc_obj::<HashObj>,
    ..TypeObject::EMPTY
};

/// A new hash object of type `ty`, fed `data`.
pub fn new_hash(
    ty: *const TypeObject,
    name: &'static str,
    digest_size: usize,
    block_size: usize,
    xof: bool,
    mut state: Box<dyn Hasher>,
    data: Option<&Value>,
) -> PyResult<Value> {
    if let Some(d) = data {
        state.update(&data_arg(d)?);
    }
    Ok(alloc(
        ty,
        HashObj {
            name,
            digest_size,
            block_size,
            xof,
            state: RefCell::new(state),
        },
    ))
}

fn obj(v: &Value) -> &HashObj {
    v.downcast_ref::<HashObj>()
        .expect("hash method on a foreign object")
}

/// Data to hash: a bytes-like object (a str is refused, as in CPython).
pub fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    if crate::objects::str::as_str(v).is_some() {
        return err(&TYPE_ERROR, "Strings must be encoded before hashing");
    }
    match crate::objects::bytes::buffer_bytes(v) {
        Some(b) => b,
        None => err(&TYPE_ERROR, "object supporting the buffer API required"),
    }
}

/// The optional data argument of a constructor: `data` by position, or `string=` (the name
/// `hashlib` used to pass), and the ignored `usedforsecurity=`.
pub fn ctor_data(name: &str, args: &[Value], kw: &[Value]) -> PyResult<Option<Value>> {
    let mut p = ArgParser::new(name, args, kw);
    let data = p.optional_pos();
    let string = p.kw_only("string")?;
    let _ = p.kw_only("usedforsecurity")?;
    p.finish()?;
    if data.is_some() && string.is_some() {
        return err(
            &TYPE_ERROR,
            "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.",
        );
    }
    Ok(data.or(string))
}

/// The digest length argument of a SHAKE object's `digest`/`hexdigest`, or the fixed size.
fn out_len(v: &Value, method: &str, args: &[Value]) -> PyResult<usize> {
    let o = obj(v);
    if !o.xof {
        no_args(method, args)?;
        return Ok(o.digest_size);
    }
    if args.len() != 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "{}.{}() takes exactly one argument ({} given)",
                o.name,
                method,
                args.len()
            ),
        );
    }
    let n = crate::ops::number::index_i64(&args[0])?;
    if n < 0 {
        return err(&VALUE_ERROR, "value must be positive");
    }
    Ok(n as usize)
}

fn m_update(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let data = data_arg(exactly_one("update", args)?)?;
    obj(v).state.borrow_mut().update(&data);
    Ok(Value::NONE)
}

fn m_digest(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = out_len(v, "digest", args)?;
    Ok(new_bytes(&obj(v).state.borrow().digest(n)))
}

fn m_hexdigest(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = out_len(v, "hexdigest", args)?;
    let d = obj(v).state.borrow().digest(n);
    Ok(from_string(
        d.iter().map(|b| format!("{:02x}", b)).collect(),
    ))
}

fn m_copy(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("copy", args)?;
    let o = obj(v);
    let state = o.state.borrow().box_clone();
    Ok(alloc(
        v.ty(),
        HashObj {
            name: o.name,
            digest_size: o.digest_size,
            block_size: o.block_size,
            xof: o.xof,
            state: RefCell::new(state),
        },
    ))
}

/// The methods of every hash object.
pub const HASH_METHODS: &[MethodDef] = &[
    method!("update", m_update),
    method!("digest", m_digest),
    method!("hexdigest", m_hexdigest),
    method!("copy", m_copy),
];

/// `name`.
pub const GETSET_NAME: GetSetDef = GetSetDef {
    name: "name",
    get: |v| Ok(new_str(obj(v).name)),
    set: None,
};

/// `digest_size`.
pub const GETSET_DIGEST_SIZE: GetSetDef = GetSetDef {
    name: "digest_size",
    get: |v| Ok(Value::int(obj(v).digest_size as i64)),
    set: None,
};

/// `block_size`.
pub const GETSET_BLOCK_SIZE: GetSetDef = GetSetDef {
    name: "block_size",
    get: |v| Ok(Value::int(obj(v).block_size as i64)),
    set: None,
};

/// The attributes of every hash object.
pub const HASH_GETSETS: &[GetSetDef] = &[GETSET_NAME, GETSET_DIGEST_SIZE, GETSET_BLOCK_SIZE];

/// The slots every hash object type shares; a type sets its `name` (and `new` when it is
/// constructible, `getsets` when it has more attributes).
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
pub const HASH_SLOTS: TypeObject = TypeObject {
    layout: &HASH_LAYOUT,
    dealloc: dealloc_obj::<HashObj>,
    methods: HASH_METHODS,
    getsets: HASH_GETSETS,
    ..TypeObject::EMPTY
};

/// The sponge parameters of a `_sha3` object (for its extra attributes).
pub fn sponge_of(v: &Value) -> (usize, usize, u8) {
    obj(v).state.borrow().sponge().unwrap_or((0, 0, 0))
}

/// The block loop of the MD5/SHA-1/SHA-2 family: appends `data` to the partial block in
/// `buf` and runs `compress` on every whole block, keeping the remainder buffered.
pub fn md_update(buf: &mut Vec<u8>, data: &[u8], block: usize, mut compress: impl FnMut(&[u8])) {
    buf.extend_from_slice(data);
    let full = buf.len() / block * block;
    for b in buf[..full].chunks_exact(block) {
        compress(b);
    }
    buf.drain(..full);
}

/// Merkle–Damgård padding for the MD5/SHA-1/SHA-2 family: `0x80`, zeros, then the message
/// length in bits in `len_bytes` bytes (big- or little-endian), up to a whole block.
pub fn md_padding(
    buffered: usize,
    total: u128,
    block: usize,
    len_bytes: usize,
    big: bool,
) -> Vec<u8> {
    let mut pad = vec![0x80u8];
    while !(buffered + pad.len() + len_bytes).is_multiple_of(block) {
        pad.push(0);
    }
    let bits = total.wrapping_mul(8);
    let b = if big {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    };
    if big {
        pad.extend_from_slice(&b[16 - len_bytes..]);
    } else {
        pad.extend_from_slice(&b[..len_bytes]);
    }
    pad
}
