//! `_md5`: MD5 (RFC 1321), as CPython's built-in `_md5` module.

use crate::abi::Value;
use crate::objects::module::{new_module, Module};
use crate::objects::{PyResult, TypeObject};

use super::{ctor_data, md_padding, new_hash, Hasher, HASH_SLOTS};

const K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

/// Left-rotation amounts, four per round.
const S: [[u32; 4]; 4] = [
    [7, 12, 17, 22],
    [5, 9, 14, 20],
    [4, 11, 16, 23],
    [6, 10, 15, 21],
];

/// A running MD5.
#[derive(Clone)]
struct Md5 {
    h: [u32; 4],
    buf: Vec<u8>,
    len: u128,
}

impl Md5 {
    fn new() -> Md5 {
        Md5 {
            h: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476],
            buf: Vec::new(),
            len: 0,
        }
    }

    fn compress(&mut self, block: &[u8]) {
        let m: [u32; 16] = std::array::from_fn(|i| {
            u32::from_le_bytes(block[4 * i..4 * i + 4].try_into().unwrap())
        });
        let [mut a, mut b, mut c, mut d] = self.h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(K[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(S[i / 16][i % 4]));
        }
        for (h, x) in self.h.iter_mut().zip([a, b, c, d]) {
            *h = h.wrapping_add(x);
        }
    }
}

impl Hasher for Md5 {
    fn update(&mut self, data: &[u8]) {
        self.len += data.len() as u128;
        let mut buf = std::mem::take(&mut self.buf);
        super::md_update(&mut buf, data, 64, |block| self.compress(block));
        self.buf = buf;
    }
    fn digest(&self, _length: usize) -> Vec<u8> {
        let mut s = self.clone();
        let pad = md_padding(s.buf.len(), s.len, 64, 8, false);
        s.update(&pad);
        s.h.iter().flat_map(|h| h.to_le_bytes()).collect()
    }
    fn box_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
}

/// `_md5.md5`.
pub static MD5_TYPE: TypeObject = TypeObject {
    name: "_md5.md5",
    ..HASH_SLOTS
};

/// `md5(string=b'', *, usedforsecurity=True)`.
fn md5(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let data = ctor_data("md5", args, kw)?;
    new_hash(
        &MD5_TYPE,
        "md5",
        16,
        64,
        false,
        Box::new(Md5::new()),
        data.as_ref(),
    )
}

/// Creates the `_md5` module.
pub fn create() -> Value {
    let m = new_module("_md5");
    crate::modules::add_functions(&m, &[("md5", md5)]);
    m.downcast_ref::<Module>()
        .unwrap()
        .set("MD5Type", MD5_TYPE.to_value());
    m
}
