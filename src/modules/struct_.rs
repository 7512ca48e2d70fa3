//! `_struct`: converting between Python values and C structs packed in bytes (`pack`, `unpack`,
//! `calcsize`, `iter_unpack`, `pack_into`, `unpack_from`, the `Struct` class and `struct.error`).
//!
//! A format is parsed once into a [`Layout`]: each code with its repeat count, byte offset and
//! size. `@` (the default) uses native sizes and alignment (x86-64: little-endian, `l` is 8
//! bytes); `=`, `<`, `>` and `!` use the standard sizes without alignment.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::{as_bytes_like, new_bytes, ByteArray};
use crate::objects::exception::{err, raise, raised_matches, OVERFLOW_ERROR, TYPE_ERROR};
use crate::objects::int::{as_int, IntRef};
use crate::objects::module::new_module;
use crate::objects::str::{as_str, from_string};
use crate::objects::tuple::new_tuple;
use crate::objects::{
    alloc, dealloc_obj, flags, method, sub_layout, GetSetDef, PyPayload, PyResult, Raised,
    TypeObject,
};

thread_local! {
    /// `struct.error`, created with the module.
    static ERROR: RefCell<Option<&'static TypeObject>> = const { RefCell::new(None) };
    /// Parsed formats of the module-level functions (`_clearcache()` empties it).
    static CACHE: RefCell<HashMap<Vec<u8>, Rc<Layout>>> = RefCell::new(HashMap::new());
}

const CACHE_MAX: usize = 100;

/// The `struct.error` class.
fn error_type() -> &'static TypeObject {
    ERROR.with(|e| {
        *e.borrow_mut().get_or_insert_with(|| {
            crate::modules::new_exception_class(
                "struct",
                "error",
                &[&crate::objects::exception::EXCEPTION],
            )
        })
    })
}

/// Raises `struct.error(msg)`.
fn struct_error(msg: impl AsRef<str>) -> Raised {
    raise(error_type(), msg)
}

fn serr<T>(msg: impl AsRef<str>) -> PyResult<T> {
    Err(struct_error(msg))
}

/// Byte order of a format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Little,
    Big,
}

/// One format code with its repeat count (`s`/`p`: the field length), offset and item size.
#[derive(Clone, Copy)]
struct Code {
    c: u8,
    count: usize,
    offset: usize,
    size: usize,
}

/// A parsed format.
pub struct Layout {
    order: Order,
    native: bool,
    codes: Vec<Code>,
    /// Total size in bytes.
    size: usize,
    /// Number of values packed / unpacked.
    nitems: usize,
}

/// Size and alignment of a code (`None`: not valid in this mode).
fn code_size(c: u8, native: bool) -> Option<(usize, usize)> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' => {
            if native {
                (8, 8)
            } else {
                (4, 4)
            }
        }
        b'q' | b'Q' | b'd' => (8, 8),
        b'n' | b'N' | b'P' if native => (8, 8),
        _ => return None,
    })
}

/// Parses a format (CPython's `prepare_s`, with its error messages).
fn parse(fmt: &[u8]) -> PyResult<Layout> {
    if fmt.contains(&0) {
        return serr("embedded null character");
    }
    let (order, native, body) = match fmt.first() {
        Some(b'<') | Some(b'=') => (Order::Little, false, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, false, &fmt[1..]),
        Some(b'@') => (Order::Little, true, &fmt[1..]),
        _ => (Order::Little, true, fmt),
    };
    const TOO_LONG: &str = "total struct size too long";
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut nitems = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return serr("repeat count given without format specifier");
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = match num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                {
                    Some(n) if n <= isize::MAX as usize => n,
                    _ => return serr(TOO_LONG),
                };
            }
        }
        let Some((isize_, align)) = code_size(c, native) else {
            return serr("bad char in struct format");
        };
        if native && size > 0 && align > 1 {
            size = size
                .div_ceil(align)
                .checked_mul(align)
                .ok_or(())
                .or_else(|_| serr(TOO_LONG))?;
        }
        let total = num
            .checked_mul(isize_)
            .and_then(|t| t.checked_add(size))
            .filter(|&t| t <= isize::MAX as usize);
        let Some(total) = total else {
            return serr(TOO_LONG);
        };
        match c {
            b's' | b'p' => nitems += 1,
            b'x' => {}
            _ => nitems += num,
        }
        codes.push(Code {
            c,
            count: num,
            offset: size,
            size: isize_,
        });
        size = total;
    }
    Ok(Layout {
        order,
        native,
        codes,
        size,
        nitems,
    })
}

/// The bytes of a format argument (str or bytes).
fn format_bytes(v: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str(v) {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = crate::objects::bytes::as_bytes(v) {
        return Ok(b.to_vec());
    }
    err(
        &TYPE_ERROR,
        format!(
            "{} argument 1 must be a str or bytes object, not {}",
            what,
            v.type_name()
        ),
    )
}

/// The cached layout of a format given to a module-level function.
fn cached_layout(fmt: &Value) -> PyResult<Rc<Layout>> {
    let key = format_bytes(fmt, "Struct()")?;
    if let Some(l) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(l);
    }
    let l = Rc::new(parse(&key)?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_MAX {
            c.clear();
        }
        c.insert(key, l.clone());
    });
    Ok(l)
}

// ---------------------------------------------------------------------------------------------
// Packing

/// The integer value of a pack argument (`None` when it does not fit in an i128).
fn get_int(v: &Value) -> PyResult<Option<i128>> {
    let iv;
    let v = if as_int(v).is_some() {
        v
    } else if v.is_bool() {
        iv = Value::int(v.payload as i64);
        &iv
    } else if v.ty().index.is_some() {
        iv = crate::ops::number::index(v)?;
        &iv
    } else {
        return serr("required argument is not an integer");
    };
    Ok(match as_int(v) {
        Some(IntRef::Small(i)) => Some(i as i128),
        Some(IntRef::Big(b)) => b.to_i128(),
        None => None,
    })
}

/// The float value of a pack argument.
fn get_double(v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    let r = if as_str(v).is_some() || as_bytes_like(v).is_some() {
        Err(Raised)
    } else {
        crate::objects::float::to_float(v)
    };
    r.or_else(|_| {
        crate::vm::thread::take_raised();
        serr("required argument is not a float")
    })
}

/// IEEE 754 binary16 from a double, rounding half to even; `None` on overflow.
fn pack_half(x: f64) -> Option<u16> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if x == 0.0 {
        return Some(sign);
    }
    // |x| = f * 2**e with 1 <= f < 2, read off the double's bits (a subnormal double is far
    // below the smallest half and rounds to zero).
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        return Some(sign);
    }
    let e = biased - 1023;
    let f = f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52));
    if e >= 16 {
        return None;
    }
    let (mut exp, mant) = if e < -25 {
        (0i32, 0.0)
    } else if e < -14 {
        // Subnormal: no implicit leading 1.
        (0, f * 2f64.powi(e + 14))
    } else {
        (e + 15, f - 1.0)
    };
    let scaled = mant * 1024.0;
    let mut bits = scaled.trunc() as u32;
    let rest = scaled - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            exp += 1;
            if exp == 31 {
                return None;
            }
        }
    }
    Some(sign | ((exp as u16) << 10) | bits as u16)
}

/// A double from IEEE 754 binary16 bits.
fn unpack_half(h: u16) -> f64 {
    let neg = h & 0x8000 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        f / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if neg {
        -x
    } else {
        x
    }
}

fn put_uint(out: &mut [u8], v: u64, order: Order) {
    let n = out.len();
    match order {
        Order::Little => out.copy_from_slice(&v.to_le_bytes()[..n]),
        Order::Big => out.copy_from_slice(&v.to_be_bytes()[8 - n..]),
    }
}

fn get_uint(b: &[u8], order: Order) -> u64 {
    let mut buf = [0u8; 8];
    let n = b.len();
    match order {
        Order::Little => {
            buf[..n].copy_from_slice(b);
            u64::from_le_bytes(buf)
        }
        Order::Big => {
            buf[8 - n..].copy_from_slice(b);
            u64::from_be_bytes(buf)
        }
    }
}

/// Packs one value of an integer code into `out`.
fn pack_int(c: u8, v: &Value, out: &mut [u8], order: Order) -> PyResult<()> {
    let n = out.len() as u32;
    let x = get_int(v)?;
    if c == b'P' {
        let Some(x) = x.filter(|&x| x >= i64::MIN as i128 && x <= u64::MAX as i128) else {
            return serr("int too large to convert");
        };
        put_uint(out, x as u64, order);
        return Ok(());
    }
    let signed = c.is_ascii_lowercase();
    let (lo, hi): (i128, i128) = if signed {
        (-(1i128 << (8 * n - 1)), (1i128 << (8 * n - 1)) - 1)
    } else {
        (0, (1i128 << (8 * n)) - 1)
    };
    match x {
        Some(x) if x >= lo && x <= hi => {
            put_uint(out, x as u64, order);
            Ok(())
        }
        _ => serr(format!(
            "'{}' format requires {} <= number <= {}",
            c as char, lo, hi
        )),
    }
}

/// Packs one value of code `c` (not `s`, `p` or `x`) into `out`.
fn pack_one(l: &Layout, c: u8, v: &Value, out: &mut [u8]) -> PyResult<()> {
    match c {
        b'?' => {
            out[0] = crate::ops::object::truthy(v)? as u8;
        }
        b'c' => match crate::objects::bytes::as_bytes(v) {
            Some(b) if b.len() == 1 => out[0] = b[0],
            _ => return serr("char format requires a bytes object of length 1"),
        },
        b'e' => {
            let x = get_double(v)?;
            let Some(h) = pack_half(x) else {
                return err(&OVERFLOW_ERROR, "float too large to pack with e format");
            };
            put_uint(out, h as u64, l.order);
        }
        b'f' => {
            let x = get_double(v)?;
            let y = x as f32;
            if y.is_infinite() && x.is_finite() && !l.native {
                return err(&OVERFLOW_ERROR, "float too large to pack with f format");
            }
            put_uint(out, y.to_bits() as u64, l.order);
        }
        b'd' => {
            let x = get_double(v)?;
            put_uint(out, x.to_bits(), l.order);
        }
        _ => pack_int(c, v, out, l.order)?,
    }
    Ok(())
}

/// Packs `args` into `out` (exactly `l.size` bytes, zeroed by the caller).
fn pack_to(l: &Layout, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut ai = 0;
    for code in &l.codes {
        let field = &mut out[code.offset..code.offset + code.count * code.size];
        match code.c {
            b'x' => {}
            b's' | b'p' => {
                let v = &args[ai];
                ai += 1;
                let Some(data) = as_bytes_like(v) else {
                    return serr(format!(
                        "argument for '{}' must be a bytes object",
                        code.c as char
                    ));
                };
                if code.c == b's' {
                    let n = data.len().min(code.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if code.count > 0 {
                    let n = data.len().min(code.count - 1);
                    field[1..1 + n].copy_from_slice(&data[..n]);
                    field[0] = n.min(255) as u8;
                }
            }
            c => {
                for k in 0..code.count {
                    let v = &args[ai];
                    ai += 1;
                    let r = pack_one(l, c, v, &mut field[k * code.size..(k + 1) * code.size]);
                    if r.is_err() && as_int(v).is_some() && raised_matches(&OVERFLOW_ERROR) {
                        crate::vm::thread::take_raised();
                        return serr("int too large to convert");
                    }
                    r?;
                }
            }
        }
    }
    Ok(())
}

fn pack_layout(l: &Layout, args: &[Value], what: &str) -> PyResult<Vec<u8>> {
    if args.len() != l.nitems {
        return serr(format!(
            "{} expected {} items for packing (got {})",
            what,
            l.nitems,
            args.len()
        ));
    }
    let mut out = vec![0u8; l.size];
    pack_to(l, args, &mut out)?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Unpacking

fn unpack_layout(l: &Layout, data: &[u8]) -> Value {
    let mut items = Vec::with_capacity(l.nitems);
    for code in &l.codes {
        let field = &data[code.offset..code.offset + code.count * code.size];
        match code.c {
            b'x' => {}
            b's' => items.push(new_bytes(field)),
            b'p' => {
                if code.count == 0 {
                    items.push(new_bytes(b""));
                } else {
                    let n = (field[0] as usize).min(code.count - 1);
                    items.push(new_bytes(&field[1..1 + n]));
                }
            }
            c => {
                for b in field.chunks_exact(code.size) {
                    items.push(unpack_one(l, c, b));
                }
            }
        }
    }
    new_tuple(items)
}

fn unpack_one(l: &Layout, c: u8, b: &[u8]) -> Value {
    match c {
        b'?' => Value::bool(b[0] != 0),
        b'c' => new_bytes(b),
        b'e' => Value::float(unpack_half(get_uint(b, l.order) as u16)),
        b'f' => Value::float(f32::from_bits(get_uint(b, l.order) as u32) as f64),
        b'd' => Value::float(f64::from_bits(get_uint(b, l.order))),
        c => {
            let u = get_uint(b, l.order);
            if c.is_ascii_lowercase() {
                let shift = 64 - 8 * b.len() as u32;
                Value::int(((u << shift) as i64) >> shift)
            } else {
                crate::objects::int::from_i128(u as i128)
            }
        }
    }
}

/// Reads a byte buffer argument.
fn buffer_arg(v: &Value) -> PyResult<Vec<u8>> {
    match as_bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => err(
            &TYPE_ERROR,
            format!("a bytes-like object is required, not '{}'", v.type_name()),
        ),
    }
}

fn unpack_from_layout(l: &Layout, buf: &Value, offset: Option<Value>) -> PyResult<Value> {
    let data = buffer_arg(buf)?;
    let mut off = match offset {
        Some(o) => crate::ops::number::index_i64(&o)?,
        None => 0,
    };
    let len = data.len() as i64;
    let size = l.size as i64;
    if off < 0 {
        if off + size > 0 {
            return serr(format!(
                "not enough data to unpack {} bytes at offset {}",
                size, off
            ));
        }
        if off + len < 0 {
            return serr(format!(
                "offset {} out of range for {}-byte buffer",
                off, len
            ));
        }
        off += len;
    }
    if len - off < size {
        return serr(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
            size + off,
            size,
            off,
            len
        ));
    }
    let off = off as usize;
    Ok(unpack_layout(l, &data[off..off + l.size]))
}

fn unpack_exact(l: &Layout, buf: &Value) -> PyResult<Value> {
    let data = buffer_arg(buf)?;
    if data.len() != l.size {
        return serr(format!("unpack requires a buffer of {} bytes", l.size));
    }
    Ok(unpack_layout(l, &data))
}

/// `pack_into(buffer, offset, *v)` on a parsed layout; `args` starts at the buffer.
fn pack_into_layout(l: &Layout, args: &[Value]) -> PyResult<Value> {
    if args.len() != l.nitems + 2 {
        return match args.len() {
            0 => serr("pack_into expected buffer argument"),
            1 => serr("pack_into expected offset argument"),
            n => serr(format!(
                "pack_into expected {} items for packing (got {})",
                l.nitems,
                n - 2
            )),
        };
    }
    let Some(ba) = args[0].downcast_ref::<ByteArray>() else {
        return err(
            &TYPE_ERROR,
            format!(
                "argument must be read-write bytes-like object, not {}",
                args[0].type_name()
            ),
        );
    };
    let mut off = crate::ops::number::index_i64(&args[1])?;
    let len = ba.with(|v| v.len()) as i64;
    let size = l.size as i64;
    if off < 0 {
        if off + size > 0 {
            return serr(format!("no space to pack {} bytes at offset {}", size, off));
        }
        if off + len < 0 {
            return serr(format!(
                "offset {} out of range for {}-byte buffer",
                off, len
            ));
        }
        off += len;
    }
    if len - off < size {
        return serr(format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
            size + off,
            size,
            off,
            len
        ));
    }
    // Pack into a scratch buffer (packing may run Python code, `__index__`, which must not
    // hold a borrow of the bytearray), then copy it in. As in CPython, the region is zeroed and
    // the items before a failing one stay written.
    let mut out = vec![0u8; l.size];
    let r = pack_to(l, &args[2..], &mut out);
    let off = off as usize;
    ba.with(|v| {
        if off + out.len() <= v.len() {
            v[off..off + out.len()].copy_from_slice(&out);
        }
    });
    r.map(|_| Value::NONE)
}

// ---------------------------------------------------------------------------------------------
// unpack_iterator

/// Payload of `_struct.unpack_iterator`.
pub struct UnpackIter {
    layout: Rc<Layout>,
    data: Vec<u8>,
    pos: std::cell::Cell<usize>,
}

impl PyPayload for UnpackIter {
    fn type_object() -> *const TypeObject {
        &UNPACK_ITER_TYPE
    }
}

fn iter_unpack_layout(l: Rc<Layout>, buf: &Value) -> PyResult<Value> {
    let data = buffer_arg(buf)?;
    if l.size == 0 {
        return serr("cannot iteratively unpack with a struct of length 0");
    }
    if data.len() % l.size != 0 {
        return serr(format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            l.size
        ));
    }
    Ok(alloc(
        &UNPACK_ITER_TYPE,
        UnpackIter {
            layout: l,
            data,
            pos: std::cell::Cell::new(0),
        },
    ))
}

/// `_struct.unpack_iterator`.
pub static UNPACK_ITER_TYPE: TypeObject = TypeObject {
    name: "_struct.unpack_iterator",
    layout: &UNPACK_ITER_TYPE,
    dealloc: dealloc_obj::<UnpackIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(|v| {
        let it = v.downcast_ref::<UnpackIter>().unwrap();
        let p = it.pos.get();
        if p + it.layout.size > it.data.len() {
            return Ok(None);
        }
        it.pos.set(p + it.layout.size);
        Ok(Some(unpack_layout(
            &it.layout,
            &it.data[p..p + it.layout.size],
        )))
    }),
    methods: &[method!("__length_hint__", |v, _a, _k| {
        let it = v.downcast_ref::<UnpackIter>().unwrap();
        Ok(Value::int(
            ((it.data.len() - it.pos.get()) / it.layout.size) as i64,
        ))
    })],
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// Struct

/// Payload of a `Struct`: the format (as given, as a str) and its layout.
pub struct StructObj {
    format: Value,
    layout: Rc<Layout>,
}

impl PyPayload for StructObj {
    fn type_object() -> *const TypeObject {
        &STRUCT_TYPE
    }
}

fn st(v: &Value) -> &StructObj {
    v.downcast_ref::<StructObj>()
        .expect("Struct method on a foreign object")
}

fn struct_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("Struct", args, kw);
    let fmt = p.required("format")?;
    p.finish()?;
    let bytes = format_bytes(&fmt, "Struct()")?;
    let layout = Rc::new(parse(&bytes)?);
    Ok(alloc(
        ty,
        StructObj {
            format: from_string(String::from_utf8_lossy(&bytes).into_owned()),
            layout,
        },
    ))
}

fn s_pack(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("pack", kw)?;
    Ok(new_bytes(&pack_layout(&st(v).layout, args, "pack")?))
}

fn s_unpack(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("unpack", kw)?;
    let b = crate::builtins::args::exactly_one("unpack", args)?;
    unpack_exact(&st(v).layout, b)
}

fn s_unpack_from(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("unpack_from", args, kw);
    let buf = p.required("buffer")?;
    let off = p.optional("offset")?;
    p.finish()?;
    unpack_from_layout(&st(v).layout, &buf, off)
}

fn s_pack_into(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("pack_into", kw)?;
    pack_into_layout(&st(v).layout, args)
}

fn s_iter_unpack(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("iter_unpack", kw)?;
    let b = crate::builtins::args::exactly_one("iter_unpack", args)?;
    iter_unpack_layout(st(v).layout.clone(), b)
}

fn no_kw(name: &str, kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        );
    }
    Ok(())
}

/// `_struct.Struct`.
pub static STRUCT_TYPE: TypeObject = TypeObject {
    name: "_struct.Struct",
    layout: &STRUCT_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<StructObj>,
    sub_layout: sub_layout::<StructObj>(),
    new: Some(struct_new),
    methods: &[
        method!("pack", s_pack),
        method!("unpack", s_unpack),
        method!("unpack_from", s_unpack_from),
        method!("pack_into", s_pack_into),
        method!("iter_unpack", s_iter_unpack),
    ],
    getsets: &[
        GetSetDef {
            name: "format",
            get: |v| Ok(st(v).format.clone()),
            set: None,
        },
        GetSetDef {
            name: "size",
            get: |v| Ok(Value::int(st(v).layout.size as i64)),
            set: None,
        },
    ],
    doc: "Struct(format)\n--\n\nCreate a compiled struct object.",
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// Module functions

/// The format argument of a module-level function, and the rest.
fn split_fmt<'a>(args: &'a [Value], kw: &[Value]) -> PyResult<(&'a Value, &'a [Value])> {
    let npos = args.len() - kw.len();
    if npos == 0 {
        return err(&TYPE_ERROR, "missing format argument");
    }
    Ok((&args[0], &args[1..]))
}

fn f_pack(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("pack", kw)?;
    let (fmt, rest) = split_fmt(args, kw)?;
    let l = cached_layout(fmt)?;
    Ok(new_bytes(&pack_layout(&l, rest, "pack")?))
}

fn f_pack_into(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("pack_into", kw)?;
    let (fmt, rest) = split_fmt(args, kw)?;
    let l = cached_layout(fmt)?;
    pack_into_layout(&l, rest)
}

fn positional2(name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    no_kw(name, kw)?;
    if args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("{} expected 2 arguments, got {}", name, args.len()),
        );
    }
    Ok(())
}

fn f_unpack(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional2("unpack", args, kw)?;
    let l = cached_layout(&args[0])?;
    unpack_exact(&l, &args[1])
}

fn f_iter_unpack(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional2("iter_unpack", args, kw)?;
    let l = cached_layout(&args[0])?;
    iter_unpack_layout(l, &args[1])
}

fn f_unpack_from(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos == 0 {
        return err(
            &TYPE_ERROR,
            "unpack_from() missing required argument 'format' (pos 1)",
        );
    }
    let l = cached_layout(&args[0])?;
    let mut p = ArgParser::new("unpack_from", &args[1..], kw);
    let buf = p.required("buffer")?;
    let off = p.optional("offset")?;
    p.finish()?;
    unpack_from_layout(&l, &buf, off)
}

fn f_calcsize(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("calcsize", kw)?;
    let fmt = crate::builtins::args::exactly_one("calcsize", args)?;
    Ok(Value::int(cached_layout(fmt)?.size as i64))
}

fn f_clearcache(_: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(Value::NONE)
}

/// Creates the `_struct` module.
pub fn create() -> Value {
    let m = new_module("_struct");
    let md = m.downcast_ref::<crate::objects::module::Module>().unwrap();
    md.set(
        "__doc__",
        crate::objects::str::new_str(
            "Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\nand also as format strings (explained below) to describe the layout of data\nin the C struct.\n",
        ),
    );
    md.set("Struct", STRUCT_TYPE.to_value());
    md.set("error", error_type().to_value());
    crate::modules::add_functions(
        &m,
        &[
            ("pack", f_pack),
            ("pack_into", f_pack_into),
            ("unpack", f_unpack),
            ("unpack_from", f_unpack_from),
            ("iter_unpack", f_iter_unpack),
            ("calcsize", f_calcsize),
            ("_clearcache", f_clearcache),
        ],
    );
    m
}
