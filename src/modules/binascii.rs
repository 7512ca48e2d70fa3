//! `binascii`: conversions between binary data and ASCII encodings (base64, hex, uuencode,
//! quoted-printable) and the CRC-32 / CRC-CCITT checksums, as CPython's
//! `Modules/binascii.c`. `base64`, `quopri` and the `hex`/`base64`/`uu`/`quopri` codecs are built
//! on it.

use std::cell::RefCell;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::{as_bytes_like, new_bytes};
use crate::objects::exception::{err, raise, EXCEPTION, TYPE_ERROR, VALUE_ERROR};
use crate::objects::module::{new_module, Module};
use crate::objects::str::as_str;
use crate::objects::{PyResult, Raised, TypeObject};

thread_local! {
    /// `binascii.Error` and `binascii.Incomplete`, created with the module.
    static ERRORS: RefCell<Option<(&'static TypeObject, &'static TypeObject)>> =
        const { RefCell::new(None) };
}

fn error_types() -> (&'static TypeObject, &'static TypeObject) {
    ERRORS.with(|e| {
        *e.borrow_mut().get_or_insert_with(|| {
            (
                crate::modules::new_exception_class("binascii", "Error", &[&VALUE_ERROR]),
                crate::modules::new_exception_class("binascii", "Incomplete", &[&EXCEPTION]),
            )
        })
    })
}

/// Raises `binascii.Error(msg)`.
fn error(msg: &str) -> Raised {
    raise(error_types().0, msg)
}

/// An "ASCII buffer" argument: bytes-like, or a str of ASCII characters only.
fn ascii_data(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str(v) {
        if !s.is_ascii() {
            return err(
                &VALUE_ERROR,
                "string argument should contain only ASCII characters",
            );
        }
        return Ok(s.as_bytes().to_vec());
    }
    match as_bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => err(
            &TYPE_ERROR,
            format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                v.type_name()
            ),
        ),
    }
}

/// A binary data argument: any bytes-like object.
fn bin_data(v: &Value) -> PyResult<Vec<u8>> {
    match as_bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => err(
            &TYPE_ERROR,
            format!("a bytes-like object is required, not '{}'", v.type_name()),
        ),
    }
}

fn flag(v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => crate::ops::object::truthy(&v),
    }
}

// ---------------------------------------------------------------------------------------------
// base64

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `b2a_base64(data, *, newline=True)`.
fn b2a_base64(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("b2a_base64", args, kw);
    let data = bin_data(&p.required("data")?)?;
    let newline = p.kw_only("newline")?;
    p.finish()?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i)) as usize & 63]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline.map_or(Ok(true), |v| crate::ops::object::truthy(&v))? {
        out.push(b'\n');
    }
    Ok(new_bytes(&out))
}

/// `a2b_base64(data, *, strict_mode=False)`: skips non-alphabet characters unless strict.
fn a2b_base64(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("a2b_base64", args, kw);
    let data = ascii_data(&p.required("data")?)?;
    let strict = flag(p.kw_only("strict_mode")?)?;
    p.finish()?;
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0usize);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && quad == 0 {
                return Err(error("Excess padding not allowed"));
            }
            if quad >= 2 {
                pads += 1;
                if quad as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(new_bytes(&out));
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(left << 6 | v);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(new_bytes(&out)),
        1 => Err(error(&format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(error("Incorrect padding")),
    }
}

// ---------------------------------------------------------------------------------------------
// hex

/// `b2a_hex(data, sep=None, bytes_per_sep=1)` / `hexlify`: `bytes.hex`, as bytes.
fn b2a_hex(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("b2a_hex", args, kw);
    let data = bin_data(&p.required("data")?)?;
    let sep = p.optional("sep")?;
    let per = p.optional("bytes_per_sep")?;
    p.finish()?;
    let mut hex_args = Vec::new();
    let mut hex_kw = Vec::new();
    if let Some(s) = sep {
        hex_args.push(s);
    }
    if let Some(n) = per {
        hex_args.push(n);
        if hex_args.len() == 1 {
            hex_kw.push(crate::objects::str::new_str("bytes_per_sep"));
        }
    }
    let s = crate::objects::bytes::m_hex(&new_bytes(&data), &hex_args, &hex_kw)?;
    let hex = as_str(&s).map(|s| s.to_string()).unwrap_or_default();
    Ok(new_bytes(hex.as_bytes()))
}

/// `a2b_hex(hexstr)` / `unhexlify`.
fn a2b_hex(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("a2b_hex", args, kw);
    let data = ascii_data(&p.required("hexstr")?)?;
    p.finish()?;
    if data.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h << 4 | l) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(&out))
}

// ---------------------------------------------------------------------------------------------
// CRCs

/// An `unsigned int` argument taken modulo 2**32 (CPython's bitwise converter).
fn crc_arg(v: Option<Value>) -> PyResult<u32> {
    let Some(v) = v else { return Ok(0) };
    let n = crate::ops::number::index(&v)?;
    if let Some(i) = n.as_small_int() {
        return Ok(i as u32);
    }
    let big = crate::objects::int::as_int(&n)
        .map(|i| i.to_integer())
        .unwrap_or_default();
    Ok((big & rug::Integer::from(0xffff_ffffu32))
        .to_u32()
        .unwrap_or(0))
}

/// The CRC-32 table (reflected polynomial 0xEDB88320).
fn crc32_table() -> &'static [u32; 256] {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    })
}

/// `crc32(data, crc=0)`.
fn crc32(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("crc32", args, kw);
    let data = bin_data(&p.required("data")?)?;
    let crc = crc_arg(p.optional("crc")?)?;
    p.finish()?;
    let t = crc32_table();
    let mut c = !crc;
    for &b in &data {
        c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    Ok(Value::int((!c) as i64))
}

/// `crc_hqx(data, crc)`: CRC-CCITT (polynomial 0x1021), as BinHex uses.
fn crc_hqx(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("crc_hqx", args, kw);
    let data = bin_data(&p.required("data")?)?;
    let crc = crc_arg(Some(p.required("crc")?))?;
    p.finish()?;
    let mut c = (crc & 0xffff) as u16;
    for &b in &data {
        c ^= (b as u16) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
        }
    }
    Ok(Value::int(c as i64))
}

// ---------------------------------------------------------------------------------------------
// uuencode

/// `b2a_uu(data, *, backtick=False)`: one uuencoded line (at most 45 bytes).
fn b2a_uu(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("b2a_uu", args, kw);
    let data = bin_data(&p.required("data")?)?;
    let backtick = flag(p.kw_only("backtick")?)?;
    p.finish()?;
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let ch = |v: u32| {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v as u8
        }
    };
    let mut out = vec![if backtick && data.is_empty() {
        b'`'
    } else {
        b' ' + data.len() as u8
    }];
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            out.push(ch((n >> (18 - 6 * i)) & 63));
        }
    }
    out.push(b'\n');
    Ok(new_bytes(&out))
}

/// `a2b_uu(data)`: decodes one uuencoded line.
fn a2b_uu(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("a2b_uu", args, kw);
    let data = ascii_data(&p.required("data")?)?;
    p.finish()?;
    // An empty line reads as the length byte NUL, as CPython's reading of the terminator.
    let mut bin_len = (data.first().copied().unwrap_or(0).wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(bin_len);
    let mut rest = data.get(1..).unwrap_or(&[]).iter().copied();
    let (mut left, mut bits) = (0u32, 0u32);
    while bin_len > 0 {
        let c = rest.next();
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error("Illegal char"));
                }
                ((c - b' ') & 0o77) as u32
            }
        };
        left = (left << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((left >> bits) as u8);
            left &= (1 << bits) - 1;
            bin_len -= 1;
        }
    }
    for c in rest {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error("Trailing garbage"));
        }
    }
    Ok(new_bytes(&out))
}

// ---------------------------------------------------------------------------------------------
// quoted-printable

const MAXLINESIZE: usize = 76;
const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// `a2b_qp(data, header=False)`.
fn a2b_qp(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("a2b_qp", args, kw);
    let data = ascii_data(&p.required("data")?)?;
    let header = flag(p.optional("header")?)?;
    p.finish()?;
    let hexval = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= data.len() {
                break;
            }
            if data[i] == b'\n' || data[i] == b'\r' {
                // A soft line break.
                while i < data.len() && data[i] != b'\n' {
                    i += 1;
                }
                if i < data.len() {
                    i += 1;
                }
            } else if data[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(h), Some(l)) =
                (hexval(data[i]), data.get(i + 1).and_then(|&c| hexval(c)))
            {
                out.push((h << 4 | l) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(new_bytes(&out))
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`.
fn b2a_qp(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("b2a_qp", args, kw);
    let data = bin_data(&p.required("data")?)?;
    let quotetabs = flag(p.optional("quotetabs")?)?;
    let istext = match p.optional("istext")? {
        None => true,
        Some(v) => crate::ops::object::truthy(&v)?,
    };
    let header = flag(p.optional("header")?)?;
    p.finish()?;
    // Line ends are written as the data's first one is (CRLF or LF).
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let n = data.len();
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let mut linelen = 0usize;
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == n)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.extend_from_slice(&[
                b'=',
                HEX_UPPER[(c >> 4) as usize],
                HEX_UPPER[(c & 15) as usize],
            ]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace at the end of a line is quoted.
            if let Some(&last @ (b' ' | b'\t')) = out.last() {
                out.pop();
                out.extend_from_slice(&[
                    b'=',
                    HEX_UPPER[(last >> 4) as usize],
                    HEX_UPPER[(last & 15) as usize],
                ]);
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != n && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(new_bytes(&out))
}

/// Creates the `binascii` module.
pub fn create() -> Value {
    let m = new_module("binascii");
    crate::modules::add_functions(
        &m,
        &[
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("b2a_hex", b2a_hex),
            ("hexlify", b2a_hex),
            ("a2b_hex", a2b_hex),
            ("unhexlify", a2b_hex),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
            ("b2a_uu", b2a_uu),
            ("a2b_uu", a2b_uu),
            ("b2a_qp", b2a_qp),
            ("a2b_qp", a2b_qp),
        ],
    );
    let (e, inc) = error_types();
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("Error", e.to_value());
    md.set("Incomplete", inc.to_value());
    m
}
