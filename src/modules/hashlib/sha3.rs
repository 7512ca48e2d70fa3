//! `_sha3`: SHA3-224/256/384/512 and the SHAKE128/256 extendable-output functions (FIPS 202),
//! as CPython's built-in `_sha3` module: a Keccak-f[1600] sponge.

use crate::abi::Value;
use crate::objects::module::{new_module, Module};
use crate::objects::str::new_str;
use crate::objects::{GetSetDef, TypeObject};

use super::{
    ctor_data, new_hash, sponge_of, Hasher, GETSET_BLOCK_SIZE, GETSET_DIGEST_SIZE, GETSET_NAME,
    HASH_SLOTS,
};

const RC: [u64; 24] = [
    0x0000000000000001,
    0x0000000000008082,
    0x800000000000808a,
    0x8000000080008000,
    0x000000000000808b,
    0x0000000080000001,
    0x8000000080008081,
    0x8000000000008009,
    0x000000000000008a,
    0x0000000000000088,
    0x0000000080008009,
    0x000000008000000a,
    0x000000008000808b,
    0x800000000000008b,
    0x8000000000008089,
    0x8000000000008003,
    0x8000000000008002,
    0x8000000000000080,
    0x000000000000800a,
    0x800000008000000a,
    0x8000000080008081,
    0x8000000000008080,
    0x0000000080000001,
    0x8000000080008008,
];
const ROTC: [u32; 24] = [
    1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
];
const PILN: [usize; 24] = [
    10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
];

/// The Keccak-f[1600] permutation.
fn keccak_f(st: &mut [u64; 25]) {
    for rc in RC {
        let mut bc = [0u64; 5];
        for (i, b) in bc.iter_mut().enumerate() {
            *b = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
        }
        for i in 0..5 {
            let t = bc[(i + 4) % 5] ^ bc[(i + 1) % 5].rotate_left(1);
            for j in (0..25).step_by(5) {
                st[j + i] ^= t;
            }
        }
        let mut t = st[1];
        for (&j, &r) in PILN.iter().zip(&ROTC) {
            let tmp = st[j];
            st[j] = t.rotate_left(r);
            t = tmp;
        }
        for j in (0..25).step_by(5) {
            let row: [u64; 5] = std::array::from_fn(|i| st[j + i]);
            for i in 0..5 {
                st[j + i] ^= !row[(i + 1) % 5] & row[(i + 2) % 5];
            }
        }
        st[0] ^= rc;
    }
}

/// A Keccak sponge with `rate` bytes absorbed per permutation and domain suffix `suffix`.
#[derive(Clone)]
struct Sponge {
    st: [u64; 25],
    pos: usize,
    rate: usize,
    suffix: u8,
}

impl Sponge {
    fn new(rate: usize, suffix: u8) -> Sponge {
        Sponge {
            st: [0; 25],
            pos: 0,
            rate,
            suffix,
        }
    }

    fn xor_byte(&mut self, i: usize, b: u8) {
        self.st[i / 8] ^= (b as u64) << (8 * (i % 8));
    }
}

impl Hasher for Sponge {
    fn update(&mut self, data: &[u8]) {
        for &b in data {
            self.xor_byte(self.pos, b);
            self.pos += 1;
            if self.pos == self.rate {
                keccak_f(&mut self.st);
                self.pos = 0;
            }
        }
    }
    fn digest(&self, length: usize) -> Vec<u8> {
        let mut s = self.clone();
        s.xor_byte(s.pos, s.suffix);
        s.xor_byte(s.rate - 1, 0x80);
        keccak_f(&mut s.st);
        let mut out = Vec::with_capacity(length);
        let mut i = 0;
        while out.len() < length {
            if i == s.rate {
                keccak_f(&mut s.st);
                i = 0;
            }
            out.push((s.st[i / 8] >> (8 * (i % 8))) as u8);
            i += 1;
        }
        out
    }
    fn box_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
    fn sponge(&self) -> Option<(usize, usize, u8)> {
        Some((1600 - 8 * self.rate, 8 * self.rate, self.suffix))
    }
}

/// The attributes of the `_sha3` types: the common ones and the sponge's parameters.
const SHA3_GETSETS: &[GetSetDef] = &[
    GETSET_NAME,
    GETSET_DIGEST_SIZE,
    GETSET_BLOCK_SIZE,
    GetSetDef {
        name: "_capacity_bits",
        get: |v| Ok(Value::int(sponge_of(v).0 as i64)),
        set: None,
    },
    GetSetDef {
        name: "_rate_bits",
        get: |v| Ok(Value::int(sponge_of(v).1 as i64)),
        set: None,
    },
    GetSetDef {
        name: "_suffix",
        get: |v| Ok(crate::objects::bytes::new_bytes(&[sponge_of(v).2])),
        set: None,
    },
];

macro_rules! sha3_type {
    ($id:ident, $name:literal, $digest:expr, $xof:expr) => {
        #[doc = concat!("`_sha3.", $name, "`.")]
        pub static $id: TypeObject = TypeObject {
            name: concat!("_sha3.", $name),
            new: Some(|ty, args, kw| {
                let data = ctor_data($name, args, kw)?;
                // The capacity is twice the digest size (SHA3) or the security level (SHAKE).
                let capacity = $digest * 2;
                let rate = 200 - capacity;
                new_hash(
                    ty,
                    $name,
                    if $xof { 0 } else { $digest },
                    rate,
                    $xof,
                    Box::new(Sponge::new(rate, if $xof { 0x1f } else { 0x06 })),
                    data.as_ref(),
                )
            }),
            getsets: SHA3_GETSETS,
            ..HASH_SLOTS
        };
    };
}

sha3_type!(SHA3_224_TYPE, "sha3_224", 28, false);
sha3_type!(SHA3_256_TYPE, "sha3_256", 32, false);
sha3_type!(SHA3_384_TYPE, "sha3_384", 48, false);
sha3_type!(SHA3_512_TYPE, "sha3_512", 64, false);
sha3_type!(SHAKE_128_TYPE, "shake_128", 16, true);
sha3_type!(SHAKE_256_TYPE, "shake_256", 32, true);

/// Creates the `_sha3` module.
pub fn create() -> Value {
    let m = new_module("_sha3");
    let md = m.downcast_ref::<Module>().unwrap();
    for t in [
        &SHA3_224_TYPE,
        &SHA3_256_TYPE,
        &SHA3_384_TYPE,
        &SHA3_512_TYPE,
        &SHAKE_128_TYPE,
        &SHAKE_256_TYPE,
    ] {
        md.set(t.name.trim_start_matches("_sha3."), t.to_value());
    }
    md.set("implementation", new_str("tiny_sha3"));
    m
}
