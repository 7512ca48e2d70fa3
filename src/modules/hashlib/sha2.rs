//! `_sha2`: SHA-224, SHA-256, SHA-384 and SHA-512 (FIPS 180-4), as CPython's built-in
//! `_sha2` module (`random` seeds from str and bytes through `_sha2.sha512`).

use crate::abi::Value;
use crate::objects::module::{new_module, Module};
use crate::objects::{PyResult, TypeObject};

use super::{ctor_data, md_padding, new_hash, Hasher, HASH_SLOTS};

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

/// Which member of the family, with its initial state and digest size.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Sha224 => "sha224",
            Kind::Sha256 => "sha256",
            Kind::Sha384 => "sha384",
            Kind::Sha512 => "sha512",
        }
    }
    fn digest_size(self) -> usize {
        match self {
            Kind::Sha224 => 28,
            Kind::Sha256 => 32,
            Kind::Sha384 => 48,
            Kind::Sha512 => 64,
        }
    }
    fn block_size(self) -> usize {
        match self {
            Kind::Sha224 | Kind::Sha256 => 64,
            _ => 128,
        }
    }
    fn ty(self) -> &'static TypeObject {
        match self {
            Kind::Sha224 => &SHA224_TYPE,
            Kind::Sha256 => &SHA256_TYPE,
            Kind::Sha384 => &SHA384_TYPE,
            Kind::Sha512 => &SHA512_TYPE,
        }
    }
}

/// A running hash: the chaining state (32-bit variants use the low halves), buffered input
/// and the total length.
#[derive(Clone)]
struct State {
    kind: Kind,
    h: [u64; 8],
    buf: Vec<u8>,
    len: u128,
}

impl State {
    fn new(kind: Kind) -> State {
        let h: [u64; 8] = match kind {
            Kind::Sha224 => [
                0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7,
                0xbefa4fa4,
            ],
            Kind::Sha256 => [
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                0x5be0cd19,
            ],
            Kind::Sha384 => [
                0xcbbb9d5dc1059ed8,
                0x629a292a367cd507,
                0x9159015a3070dd17,
                0x152fecd8f70e5939,
                0x67332667ffc00b31,
                0x8eb44a8768581511,
                0xdb0c2e0d64f98fa7,
                0x47b5481dbefa4fa4,
            ],
            Kind::Sha512 => [
                0x6a09e667f3bcc908,
                0xbb67ae8584caa73b,
                0x3c6ef372fe94f82b,
                0xa54ff53a5f1d36f1,
                0x510e527fade682d1,
                0x9b05688c2b3e6c1f,
                0x1f83d9abfb41bd6b,
                0x5be0cd19137e2179,
            ],
        };
        State {
            kind,
            h,
            buf: Vec::new(),
            len: 0,
        }
    }

    fn update(&mut self, data: &[u8]) {
        self.len += data.len() as u128;
        let mut buf = std::mem::take(&mut self.buf);
        super::md_update(&mut buf, data, self.kind.block_size(), |block| {
            self.compress(block)
        });
        self.buf = buf;
    }

    fn compress(&mut self, block: &[u8]) {
        if self.kind.block_size() == 64 {
            let mut w = [0u32; 64];
            for (i, c) in block.chunks_exact(4).enumerate() {
                w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
            }
            for i in 16..64 {
                let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
                let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1);
            }
            let mut v: [u32; 8] = std::array::from_fn(|i| self.h[i] as u32);
            for i in 0..64 {
                let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
                let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
                let t1 = v[7]
                    .wrapping_add(s1)
                    .wrapping_add(ch)
                    .wrapping_add(K256[i])
                    .wrapping_add(w[i]);
                let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
                let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
                let t2 = s0.wrapping_add(maj);
                v = [
                    t1.wrapping_add(t2),
                    v[0],
                    v[1],
                    v[2],
                    v[3].wrapping_add(t1),
                    v[4],
                    v[5],
                    v[6],
                ];
            }
            for (h, x) in self.h.iter_mut().zip(v) {
                *h = (*h as u32).wrapping_add(x) as u64;
            }
        } else {
            let mut w = [0u64; 80];
            for (i, c) in block.chunks_exact(8).enumerate() {
                w[i] = u64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            }
            for i in 16..80 {
                let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
                let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
                w[i] = w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1);
            }
            let mut v = self.h;
            for i in 0..80 {
                let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
                let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
                let t1 = v[7]
                    .wrapping_add(s1)
                    .wrapping_add(ch)
                    .wrapping_add(K512[i])
                    .wrapping_add(w[i]);
                let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
                let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
                let t2 = s0.wrapping_add(maj);
                v = [
                    t1.wrapping_add(t2),
                    v[0],
                    v[1],
                    v[2],
                    v[3].wrapping_add(t1),
                    v[4],
                    v[5],
                    v[6],
                ];
            }
            for (h, x) in self.h.iter_mut().zip(v) {
                *h = h.wrapping_add(x);
            }
        }
    }

    /// The digest (of a copy: the running state goes on).
    fn finish(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bs = s.kind.block_size();
        let pad = md_padding(s.buf.len(), s.len, bs, if bs == 64 { 8 } else { 16 }, true);
        let len = s.len;
        s.update(&pad);
        s.len = len;
        let mut out = Vec::with_capacity(64);
        for h in s.h {
            if bs == 64 {
                out.extend_from_slice(&(h as u32).to_be_bytes());
            } else {
                out.extend_from_slice(&h.to_be_bytes());
            }
        }
        out.truncate(s.kind.digest_size());
        out
    }
}

impl Hasher for State {
    fn update(&mut self, data: &[u8]) {
        State::update(self, data)
    }
    fn digest(&self, _length: usize) -> Vec<u8> {
        self.finish()
    }
    fn box_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
}

macro_rules! sha_type {
    ($id:ident, $name:literal) => {
        #[doc = concat!("`", $name, "`.")]
        pub static $id: TypeObject = TypeObject {
            name: $name,
            ..HASH_SLOTS
        };
    };
}

sha_type!(SHA224_TYPE, "_sha2.SHA224Type");
sha_type!(SHA256_TYPE, "_sha2.SHA256Type");
sha_type!(SHA384_TYPE, "_sha2.SHA384Type");
sha_type!(SHA512_TYPE, "_sha2.SHA512Type");

/// `sha256(string=b'', *, usedforsecurity=True)` and its siblings.
fn construct(kind: Kind, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let data = ctor_data(kind.name(), args, kw)?;
    new_hash(
        kind.ty(),
        kind.name(),
        kind.digest_size(),
        kind.block_size(),
        false,
        Box::new(State::new(kind)),
        data.as_ref(),
    )
}

/// Creates the `_sha2` module.
pub fn create() -> Value {
    let m = new_module("_sha2");
    crate::modules::add_functions(
        &m,
        &[
            ("sha224", |_, a, k| construct(Kind::Sha224, a, k)),
            ("sha256", |_, a, k| construct(Kind::Sha256, a, k)),
            ("sha384", |_, a, k| construct(Kind::Sha384, a, k)),
            ("sha512", |_, a, k| construct(Kind::Sha512, a, k)),
        ],
    );
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("SHA224Type", SHA224_TYPE.to_value());
    md.set("SHA256Type", SHA256_TYPE.to_value());
    md.set("SHA384Type", SHA384_TYPE.to_value());
    md.set("SHA512Type", SHA512_TYPE.to_value());
    m
}
