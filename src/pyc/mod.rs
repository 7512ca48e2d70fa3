//! Reading CPython 3.12 `.pyc` files.
//!
//! A `.pyc` file is a 16-byte header ([`PycHeader`]) followed by one
//! marshalled code object (see [`marshal`]). [`read_pyc`] checks the header
//! and returns the decoded top-level [`RawCode`]. The helpers in
//! [`linetable`] and [`exctable`] decode a code object's location table and
//! exception table into per-instruction data. Every code object is checked
//! by the bytecode verifier ([`verify`]) as it is read, so a code object
//! that comes out of this module is safe for the eval loop to run.
//!
//! This module is self-contained: it depends only on `std`, `rug` and the
//! generated opcode table (`crate::vm::opcodes`, plain constants), never on
//! VM types, so it can be built, tested and fuzzed on its own. No input,
//! however malformed, makes it panic, allocate more than a small multiple of
//! the input size, or recurse deeper than [`marshal::MAX_DEPTH`].

#![warn(missing_docs)]

mod code;
mod error;
pub mod exctable;
pub mod linetable;
pub mod magic;
pub mod marshal;
pub mod verify;

pub use code::*;
pub use error::PycError;
pub use exctable::{handler_for, ExceptionEntry};
pub use linetable::{line_for, locations, Location};
pub use marshal::Obj;

use std::rc::Rc;

/// The magic number of CPython 3.12 `.pyc` files (`importlib.util.MAGIC_NUMBER`
/// is these two little-endian bytes followed by `\r\n`).
pub const MAGIC_3_12: u16 = 3531;

/// The four bytes every CPython 3.12 `.pyc` file starts with.
pub const MAGIC_BYTES: [u8; 4] = [0xcb, 0x0d, 0x0d, 0x0a];

/// Size in bytes of a `.pyc` header (PEP 552).
pub const HEADER_LEN: usize = 16;

/// The `.pyc` header flag bit telling that the file is hash-based (PEP 552).
pub const FLAG_HASH_BASED: u32 = 0b01;
/// The `.pyc` header flag bit telling a hash-based file to check its source.
pub const FLAG_CHECK_SOURCE: u32 = 0b10;

/// How a `.pyc` file records which source it was compiled from (PEP 552).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PycValidation {
    /// Flags word 0: the source's modification time (seconds, truncated to
    /// 32 bits) and size (bytes, truncated to 32 bits) at compile time.
    Timestamp {
        /// `int(st_mtime) & 0xFFFF_FFFF` of the source.
        mtime: u32,
        /// `st_size & 0xFFFF_FFFF` of the source.
        source_size: u32,
    },
    /// Flags word 1 or 3: a SipHash-1-3 of the source bytes
    /// (see [`source_hash`]).
    Hash {
        /// The 8 hash bytes as stored in the file.
        hash: [u8; 8],
        /// Flags bit 1: whether importers should check the hash against the
        /// source (a "checked" pyc) or trust it ("unchecked").
        check_source: bool,
    },
}

/// The 16-byte header of a `.pyc` file.
///
/// Invariant: `magic` is [`MAGIC_3_12`] and the flags word was 0, 1 or 3
/// (anything else is rejected by [`PycHeader::parse`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    /// The magic number (always [`MAGIC_3_12`] for a parsed header).
    pub magic: u16,
    /// How the file is tied to its source.
    pub validation: PycValidation,
}

impl PycHeader {
    /// Parses and checks the first 16 bytes of `bytes`.
    ///
    /// Errors: fewer than 16 bytes ([`PycError::Truncated`]), a magic number
    /// of another Python version or no magic at all ([`PycError::BadMagic`],
    /// whose message names the version the file is for), or a flags word
    /// other than 0, 1 or 3 ([`PycError::InvalidFlags`]).
    pub fn parse(bytes: &[u8]) -> Result<PycHeader, PycError> {
        if bytes.len() < 4 {
            return Err(PycError::Truncated {
                offset: bytes.len(),
                context: error::TruncationContext::Pyc,
            });
        }
        let magic = u16::from_le_bytes([bytes[0], bytes[1]]);
        if bytes[..4] != MAGIC_BYTES {
            return Err(PycError::BadMagic {
                magic,
                is_magic: bytes[2..4] == [b'\r', b'\n'],
            });
        }
        if bytes.len() < HEADER_LEN {
            return Err(PycError::Truncated {
                offset: bytes.len(),
                context: error::TruncationContext::Pyc,
            });
        }
        let word =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let flags = word(4);
        let validation = match flags {
            0 => PycValidation::Timestamp {
                mtime: word(8),
                source_size: word(12),
            },
            1 | 3 => {
                let mut hash = [0u8; 8];
                hash.copy_from_slice(&bytes[8..16]);
                PycValidation::Hash {
                    hash,
                    check_source: flags & FLAG_CHECK_SOURCE != 0,
                }
            }
            _ => return Err(PycError::InvalidFlags(flags)),
        };
        Ok(PycHeader { magic, validation })
    }

    /// Whether this header says the pyc is up to date for a source file with
    /// the given modification time (whole seconds since the epoch), size and
    /// content. `source` is only called for checked hash-based pycs.
    ///
    /// Mirrors CPython's import rules: timestamp pycs compare the 32-bit
    /// truncated mtime and size; unchecked hash pycs are always fresh; checked
    /// hash pycs compare [`source_hash`] of the bytes `source` returns (a
    /// `None` from it means "cannot read", which counts as stale).
    pub fn is_fresh_for(
        &self,
        mtime: i64,
        size: u64,
        source: impl FnOnce() -> Option<Vec<u8>>,
    ) -> bool {
        match self.validation {
            PycValidation::Timestamp {
                mtime: m,
                source_size,
            } => {
                m == (mtime as u64 & 0xFFFF_FFFF) as u32
                    && source_size == (size & 0xFFFF_FFFF) as u32
            }
            PycValidation::Hash {
                check_source: false,
                ..
            } => true,
            PycValidation::Hash {
                hash,
                check_source: true,
            } => match source() {
                Some(src) => source_hash(&src).to_le_bytes() == hash,
                None => false,
            },
        }
    }
}

/// CPython 3.12's `_imp.source_hash(_RAW_MAGIC_NUMBER, source)` as a number:
/// SipHash-1-3 of `source` keyed with `(k0 = raw magic, k1 = 0)`, where the
/// raw magic is the 4 magic bytes read as a little-endian u32. Hash-based pycs
/// store it as 8 little-endian bytes.
pub fn source_hash(source: &[u8]) -> u64 {
    siphash13(u32::from_le_bytes(MAGIC_BYTES) as u64, 0, source)
}

/// SipHash-1-3 (one compression round per block, three finalization rounds)
/// with the 128-bit key `(k0, k1)`.
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    fn round(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13);
        *v1 ^= *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16);
        *v3 ^= *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21);
        *v3 ^= *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17);
        *v1 ^= *v2;
        *v2 = v2.rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let m = u64::from_le_bytes(w);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    let b = ((data.len() as u64) << 56) | (u64::from_le_bytes(last) & 0x00ff_ffff_ffff_ffff);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

/// Reads a whole CPython 3.12 `.pyc` file: checks its header (see
/// [`PycHeader::parse`]) and unmarshals the module's code object.
///
/// The result is shared (`Rc`) like every nested code object. Bytes after the
/// marshalled object are ignored, as CPython does.
pub fn read_pyc(bytes: &[u8]) -> Result<Rc<RawCode>, PycError> {
    read_pyc_with_header(bytes).map(|(_, code)| code)
}

/// Like [`read_pyc`], also returning the parsed header.
pub fn read_pyc_with_header(bytes: &[u8]) -> Result<(PycHeader, Rc<RawCode>), PycError> {
    let header = PycHeader::parse(bytes)?;
    let obj =
        marshal::Reader::new(bytes, HEADER_LEN, error::TruncationContext::Pyc).read_object()?;
    match obj {
        Obj::Code(code) => Ok((header, code)),
        other => Err(PycError::NotCode {
            found: other.type_name(),
        }),
    }
}
