//! `_sha1`: SHA-1 (FIPS 180-4), as CPython's built-in `_sha1` module.

use crate::abi::Value;
use crate::objects::module::{new_module, Module};
use crate::objects::{PyResult, TypeObject};

use super::{ctor_data, md_padding, new_hash, Hasher, HASH_SLOTS};

/// A running SHA-1.
#[derive(Clone)]
struct Sha1 {
    h: [u32; 5],
    buf: Vec<u8>,
    len: u128,
}

impl Sha1 {
    fn new() -> Sha1 {
        Sha1 {
            h: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
            buf: Vec::new(),
            len: 0,
        }
    }

    fn compress(&mut self, block: &[u8]) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(block[4 * i..4 * i + 4].try_into().unwrap());
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = self.h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a827999),
                1 => (b ^ c ^ d, 0x6ed9eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1bbcdc),
                _ => (b ^ c ^ d, 0xca62c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (h, x) in self.h.iter_mut().zip([a, b, c, d, e]) {
            *h = h.wrapping_add(x);
        }
    }
}

impl Hasher for Sha1 {
    fn update(&mut self, data: &[u8]) {
        self.len += data.len() as u128;
        let mut buf = std::mem::take(&mut self.buf);
        super::md_update(&mut buf, data, 64, |block| self.compress(block));
        self.buf = buf;
    }
    fn digest(&self, _length: usize) -> Vec<u8> {
        let mut s = self.clone();
        let pad = md_padding(s.buf.len(), s.len, 64, 8, true);
        s.update(&pad);
        s.h.iter().flat_map(|h| h.to_be_bytes()).collect()
    }
    fn box_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
}

/// `_sha1.sha1`.
pub static SHA1_TYPE: TypeObject = TypeObject {
    name: "_sha1.sha1",
    ..HASH_SLOTS
};

/// `sha1(string=b'', *, usedforsecurity=True)`.
fn sha1(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let data = ctor_data("sha1", args, kw)?;
    new_hash(
        &SHA1_TYPE,
        "sha1",
        20,
        64,
        false,
        Box::new(Sha1::new()),
        data.as_ref(),
    )
}

/// Creates the `_sha1` module.
pub fn create() -> Value {
    let m = new_module("_sha1");
    crate::modules::add_functions(&m, &[("sha1", sha1)]);
    m.downcast_ref::<Module>()
        .unwrap()
        .set("SHA1Type", SHA1_TYPE.to_value());
    m
}
