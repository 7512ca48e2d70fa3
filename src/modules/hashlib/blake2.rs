//! `_blake2`: BLAKE2b and BLAKE2s (RFC 7693) with keys, salts, personalization and the tree
//! parameters, as CPython's built-in `_blake2` module.

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::exception::{err, OVERFLOW_ERROR, VALUE_ERROR};
use crate::objects::module::{new_module, Module};
use crate::objects::{PyResult, TypeObject};

use super::{data_arg, new_hash, Hasher, HASH_SLOTS};

const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

const IV_B: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

const IV_S: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// The two variants: word type, rounds, rotations and sizes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Variant {
    B,
    S,
}

impl Variant {
    fn block(self) -> usize {
        match self {
            Variant::B => 128,
            Variant::S => 64,
        }
    }
    fn max_digest(self) -> usize {
        match self {
            Variant::B => 64,
            Variant::S => 32,
        }
    }
    fn salt_size(self) -> usize {
        match self {
            Variant::B => 16,
            Variant::S => 8,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Variant::B => "blake2b",
            Variant::S => "blake2s",
        }
    }
}

/// A running BLAKE2 (the words are u64 for BLAKE2b; BLAKE2s uses their low halves).
#[derive(Clone)]
struct Blake2 {
    v: Variant,
    h: [u64; 8],
    t: u128,
    buf: Vec<u8>,
    digest_size: usize,
    last_node: bool,
}

impl Blake2 {
    fn compress(&mut self, block: &[u8], last: bool) {
        match self.v {
            Variant::B => {
                let m: [u64; 16] = std::array::from_fn(|i| {
                    u64::from_le_bytes(block[8 * i..8 * i + 8].try_into().unwrap())
                });
                let mut w = [0u64; 16];
                w[..8].copy_from_slice(&self.h);
                w[8..].copy_from_slice(&IV_B);
                w[12] ^= self.t as u64;
                w[13] ^= (self.t >> 64) as u64;
                if last {
                    w[14] = !w[14];
                    if self.last_node {
                        w[15] = !w[15];
                    }
                }
                for r in 0..12 {
                    let s = &SIGMA[r % 10];
                    let mut g = |a: usize, b: usize, c: usize, d: usize, x: u64, y: u64| {
                        w[a] = w[a].wrapping_add(w[b]).wrapping_add(x);
                        w[d] = (w[d] ^ w[a]).rotate_right(32);
                        w[c] = w[c].wrapping_add(w[d]);
                        w[b] = (w[b] ^ w[c]).rotate_right(24);
                        w[a] = w[a].wrapping_add(w[b]).wrapping_add(y);
                        w[d] = (w[d] ^ w[a]).rotate_right(16);
                        w[c] = w[c].wrapping_add(w[d]);
                        w[b] = (w[b] ^ w[c]).rotate_right(63);
                    };
                    g(0, 4, 8, 12, m[s[0]], m[s[1]]);
                    g(1, 5, 9, 13, m[s[2]], m[s[3]]);
                    g(2, 6, 10, 14, m[s[4]], m[s[5]]);
                    g(3, 7, 11, 15, m[s[6]], m[s[7]]);
                    g(0, 5, 10, 15, m[s[8]], m[s[9]]);
                    g(1, 6, 11, 12, m[s[10]], m[s[11]]);
                    g(2, 7, 8, 13, m[s[12]], m[s[13]]);
                    g(3, 4, 9, 14, m[s[14]], m[s[15]]);
                }
                for i in 0..8 {
                    self.h[i] ^= w[i] ^ w[i + 8];
                }
            }
            Variant::S => {
                let m: [u32; 16] = std::array::from_fn(|i| {
                    u32::from_le_bytes(block[4 * i..4 * i + 4].try_into().unwrap())
                });
                let mut w = [0u32; 16];
                for (wi, h) in w.iter_mut().zip(self.h) {
                    *wi = h as u32;
                }
                w[8..].copy_from_slice(&IV_S);
                w[12] ^= self.t as u32;
                w[13] ^= (self.t >> 32) as u32;
                if last {
                    w[14] = !w[14];
                    if self.last_node {
                        w[15] = !w[15];
                    }
                }
                for s in &SIGMA {
                    let mut g = |a: usize, b: usize, c: usize, d: usize, x: u32, y: u32| {
                        w[a] = w[a].wrapping_add(w[b]).wrapping_add(x);
                        w[d] = (w[d] ^ w[a]).rotate_right(16);
                        w[c] = w[c].wrapping_add(w[d]);
                        w[b] = (w[b] ^ w[c]).rotate_right(12);
                        w[a] = w[a].wrapping_add(w[b]).wrapping_add(y);
                        w[d] = (w[d] ^ w[a]).rotate_right(8);
                        w[c] = w[c].wrapping_add(w[d]);
                        w[b] = (w[b] ^ w[c]).rotate_right(7);
                    };
                    g(0, 4, 8, 12, m[s[0]], m[s[1]]);
                    g(1, 5, 9, 13, m[s[2]], m[s[3]]);
                    g(2, 6, 10, 14, m[s[4]], m[s[5]]);
                    g(3, 7, 11, 15, m[s[6]], m[s[7]]);
                    g(0, 5, 10, 15, m[s[8]], m[s[9]]);
                    g(1, 6, 11, 12, m[s[10]], m[s[11]]);
                    g(2, 7, 8, 13, m[s[12]], m[s[13]]);
                    g(3, 4, 9, 14, m[s[14]], m[s[15]]);
                }
                for i in 0..8 {
                    self.h[i] = (self.h[i] as u32 ^ w[i] ^ w[i + 8]) as u64;
                }
            }
        }
    }
}

impl Hasher for Blake2 {
    fn update(&mut self, data: &[u8]) {
        // The last block is kept back: it must be compressed with the final flag.
        let bs = self.v.block();
        self.buf.extend_from_slice(data);
        while self.buf.len() > bs {
            let block: Vec<u8> = self.buf.drain(..bs).collect();
            self.t += bs as u128;
            self.compress(&block, false);
        }
    }
    fn digest(&self, _length: usize) -> Vec<u8> {
        let mut s = self.clone();
        s.t += s.buf.len() as u128;
        let mut block = std::mem::take(&mut s.buf);
        block.resize(s.v.block(), 0);
        s.compress(&block, true);
        let mut out: Vec<u8> = match s.v {
            Variant::B => s.h.iter().flat_map(|h| h.to_le_bytes()).collect(),
            Variant::S => s.h.iter().flat_map(|h| (*h as u32).to_le_bytes()).collect(),
        };
        out.truncate(s.digest_size);
        out
    }
    fn box_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
}

/// An integer keyword parameter, checked against `0..=max` with CPython's messages.
fn small_param(v: Option<Value>, default: i64, lo: i64, max: i64, msg: &str) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    let n = crate::ops::number::index_i64(&v)?;
    if n < lo || n > max {
        return err(&VALUE_ERROR, msg);
    }
    Ok(n)
}

/// A bytes parameter (`key`, `salt`, `person`) of at most `max` bytes.
fn bytes_param(v: Option<Value>, max: usize, what: &str) -> PyResult<Vec<u8>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let b = data_arg(&v)?;
    if b.len() > max {
        return err(
            &VALUE_ERROR,
            format!("maximum {} length is {} bytes", what, max),
        );
    }
    Ok(b)
}

/// `blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1, depth=1,
/// leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False,
/// usedforsecurity=True)` and the `blake2s` equivalent.
fn construct(v: Variant, ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new(v.name(), args, kw);
    let data = p.optional_pos();
    let digest_size = p.kw_only("digest_size")?;
    let key = p.kw_only("key")?;
    let salt = p.kw_only("salt")?;
    let person = p.kw_only("person")?;
    let fanout = p.kw_only("fanout")?;
    let depth = p.kw_only("depth")?;
    let leaf_size = p.kw_only("leaf_size")?;
    let node_offset = p.kw_only("node_offset")?;
    let node_depth = p.kw_only("node_depth")?;
    let inner_size = p.kw_only("inner_size")?;
    let last_node = p.kw_only("last_node")?;
    let _ = p.kw_only("usedforsecurity")?;
    p.finish()?;
    let maxd = v.max_digest() as i64;
    let digest_size = small_param(
        digest_size,
        maxd,
        1,
        maxd,
        &format!("digest_size must be between 1 and {} bytes", maxd),
    )? as usize;
    let key = bytes_param(key, v.max_digest(), "key")?;
    let salt = bytes_param(salt, v.salt_size(), "salt")?;
    let person = bytes_param(person, v.salt_size(), "person")?;
    let fanout = small_param(fanout, 1, 0, 255, "fanout must be between 0 and 255")?;
    let depth = small_param(depth, 1, 1, 255, "depth must be between 1 and 255")?;
    let leaf_size = match leaf_size {
        None => 0,
        Some(x) => {
            let n = crate::ops::number::index(&x)?;
            match n.as_small_int() {
                Some(i) if i < 0 => return err(&VALUE_ERROR, "value must be positive"),
                Some(i) if i <= u32::MAX as i64 => i as u64,
                Some(_) => return err(&OVERFLOW_ERROR, "leaf_size is too large"),
                None => return err(&OVERFLOW_ERROR, "int too big to convert"),
            }
        }
    };
    let node_offset = match node_offset {
        None => 0,
        Some(x) => {
            let n = crate::ops::number::index(&x)?;
            let too_large = || err(&OVERFLOW_ERROR, "node_offset is too large");
            match n.as_small_int() {
                Some(i) if i < 0 => return err(&VALUE_ERROR, "value must be positive"),
                Some(i) if v == Variant::S && i >= 1 << 48 => return too_large(),
                Some(i) => i as u64,
                None if v == Variant::S => return too_large(),
                None => {
                    let big = crate::objects::int::as_int(&n)
                        .map(|i| i.to_integer())
                        .unwrap_or_default();
                    if big < 0 {
                        return err(&VALUE_ERROR, "value must be positive");
                    }
                    match big.to_u64() {
                        Some(u) => u,
                        None => return err(&OVERFLOW_ERROR, "int too big to convert"),
                    }
                }
            }
        }
    };
    let node_depth = small_param(
        node_depth,
        0,
        0,
        255,
        "node_depth must be between 0 and 255",
    )?;
    let inner_size = small_param(
        inner_size,
        0,
        0,
        maxd,
        &format!("inner_size must be between 0 and is {}", maxd),
    )?;
    let last_node = match last_node {
        None => false,
        Some(x) => crate::ops::object::truthy(&x)?,
    };
    // The parameter block, XORed into the IV.
    let mut pb = vec![0u8; v.block() / 2];
    pb[0] = digest_size as u8;
    pb[1] = key.len() as u8;
    pb[2] = fanout as u8;
    pb[3] = depth as u8;
    pb[4..8].copy_from_slice(&(leaf_size as u32).to_le_bytes());
    let (salt_at, off_len) = match v {
        Variant::B => (32, 8),
        Variant::S => (16, 6),
    };
    pb[8..8 + off_len].copy_from_slice(&node_offset.to_le_bytes()[..off_len]);
    pb[8 + off_len] = node_depth as u8;
    pb[9 + off_len] = inner_size as u8;
    pb[salt_at..salt_at + salt.len()].copy_from_slice(&salt);
    let ps = v.salt_size();
    pb[salt_at + ps..salt_at + ps + person.len()].copy_from_slice(&person);
    let h: [u64; 8] = match v {
        Variant::B => std::array::from_fn(|i| {
            IV_B[i] ^ u64::from_le_bytes(pb[8 * i..8 * i + 8].try_into().unwrap())
        }),
        Variant::S => std::array::from_fn(|i| {
            (IV_S[i] ^ u32::from_le_bytes(pb[4 * i..4 * i + 4].try_into().unwrap())) as u64
        }),
    };
    let mut state = Blake2 {
        v,
        h,
        t: 0,
        buf: Vec::new(),
        digest_size,
        last_node,
    };
    if !key.is_empty() {
        let mut block = key;
        block.resize(v.block(), 0);
        state.update(&block);
    }
    new_hash(
        ty,
        v.name(),
        digest_size,
        v.block(),
        false,
        Box::new(state),
        data.as_ref(),
    )
}

/// `_blake2.blake2b`.
pub static BLAKE2B_TYPE: TypeObject = TypeObject {
    name: "_blake2.blake2b",
    new: Some(|ty, a, k| construct(Variant::B, ty, a, k)),
    ..HASH_SLOTS
};

/// `_blake2.blake2s`.
pub static BLAKE2S_TYPE: TypeObject = TypeObject {
    name: "_blake2.blake2s",
    new: Some(|ty, a, k| construct(Variant::S, ty, a, k)),
    ..HASH_SLOTS
};

/// Sets the size constants on the two types and in the module.
fn constants(md: &Module) {
    for (t, v) in [(&BLAKE2B_TYPE, Variant::B), (&BLAKE2S_TYPE, Variant::S)] {
        let sizes = [
            ("SALT_SIZE", v.salt_size()),
            ("PERSON_SIZE", v.salt_size()),
            ("MAX_KEY_SIZE", v.max_digest()),
            ("MAX_DIGEST_SIZE", v.max_digest()),
        ];
        let prefix = v.name().to_ascii_uppercase();
        if let Some(d) = t.dict().downcast_ref::<crate::objects::dict::Dict>() {
            for (k, n) in sizes {
                let _ = d.set_item(crate::objects::str::new_str(k), Value::int(n as i64));
                md.set(&format!("{}_{}", prefix, k), Value::int(n as i64));
            }
        }
        t.version.set(crate::objects::class_::next_type_version());
    }
}

/// Creates the `_blake2` module.
pub fn create() -> Value {
    let m = new_module("_blake2");
    let md = m.downcast_ref::<Module>().unwrap();
    constants(md);
    md.set("blake2b", BLAKE2B_TYPE.to_value());
    md.set("blake2s", BLAKE2S_TYPE.to_value());
    m
}
