//! Reader for the marshal format (version 4) as CPython 3.12 writes it.
//!
//! Every type code CPython 3.12 can read is supported, including the legacy
//! ones it no longer writes (`I` 64-bit ints, text floats `f` and complexes
//! `x`). Objects flagged with `FLAG_REF` (0x80) are recorded in a reference
//! table and later `r` references return the *same* `Rc`, so sharing in the
//! file is sharing in memory.
//!
//! Safety properties, for any input: every read is bounds-checked (errors,
//! never panics); no length field is trusted before it is checked against the
//! bytes remaining, so memory use is a small multiple of the input size;
//! nesting deeper than [`MAX_DEPTH`] is an error (as in CPython).
//!
//! Deliberate differences from CPython, all for data CPython's own writer
//! never produces for code objects:
//! - strings must be valid UTF-8: CPython decodes `u`/`t` strings with
//!   "surrogatepass", so a string holding a lone surrogate is
//!   [`PycError::Unsupported`] here (Rust `str` cannot hold one);
//! - a tuple, list, dict or set that contains itself (via a reference made
//!   while it is being read) is [`PycError::Unsupported`] rather than a cycle;
//! - dicts and sets keep their entries in file order as read: duplicate keys
//!   or elements are not merged (hashability is still checked).

use super::code::RawCode;
use super::error::TruncationContext;
use super::PycError;
use rug::integer::Order;
use rug::Integer;
use std::rc::Rc;

/// Maximum nesting depth of objects, as CPython's `MAX_MARSHAL_STACK_DEPTH`.
pub const MAX_DEPTH: usize = 2000;

/// A value decoded from marshal data. Cloning is cheap: every variant is
/// either a scalar or a reference-counted pointer.
#[derive(Clone, Debug)]
pub enum Obj {
    /// `None`.
    None,
    /// `True`.
    True,
    /// `False`.
    False,
    /// The `StopIteration` class (marshal type `S`).
    StopIteration,
    /// `...`.
    Ellipsis,
    /// An `int` that fits in an `i64`.
    Int(i64),
    /// An `int` that does not fit in an `i64` (invariant: never one that does).
    BigInt(Rc<Integer>),
    /// A `float`.
    Float(f64),
    /// A `complex` (real, imaginary).
    Complex(f64, f64),
    /// A `str`.
    Str(Rc<str>),
    /// A `bytes`.
    Bytes(Rc<[u8]>),
    /// A `tuple`.
    Tuple(Rc<[Obj]>),
    /// A `list`.
    List(Rc<[Obj]>),
    /// A `dict`, as its (key, value) pairs in file order.
    Dict(Rc<[(Obj, Obj)]>),
    /// A `set`, elements in file order.
    Set(Rc<[Obj]>),
    /// A `frozenset`, elements in file order.
    FrozenSet(Rc<[Obj]>),
    /// A code object.
    Code(Rc<RawCode>),
}

impl Obj {
    /// The Python type name of the value (`"int"`, `"str"`, `"code"`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            Obj::None => "NoneType",
            Obj::True | Obj::False => "bool",
            Obj::StopIteration => "type",
            Obj::Ellipsis => "ellipsis",
            Obj::Int(_) | Obj::BigInt(_) => "int",
            Obj::Float(_) => "float",
            Obj::Complex(..) => "complex",
            Obj::Str(_) => "str",
            Obj::Bytes(_) => "bytes",
            Obj::Tuple(_) => "tuple",
            Obj::List(_) => "list",
            Obj::Dict(_) => "dict",
            Obj::Set(_) => "set",
            Obj::FrozenSet(_) => "frozenset",
            Obj::Code(_) => "code",
        }
    }

    /// The string, if this is a `str`.
    pub fn as_str(&self) -> Option<&Rc<str>> {
        match self {
            Obj::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items, if this is a `tuple`.
    pub fn as_tuple(&self) -> Option<&Rc<[Obj]>> {
        match self {
            Obj::Tuple(t) => Some(t),
            _ => None,
        }
    }

    /// Whether Python could hash this value (lists, dicts and sets, and
    /// tuples containing them, cannot be dict keys or set elements).
    pub fn is_hashable(&self) -> bool {
        match self {
            Obj::List(_) | Obj::Dict(_) | Obj::Set(_) => false,
            Obj::Tuple(items) => items.iter().all(Obj::is_hashable),
            _ => true,
        }
    }
}

/// Decodes one object from the start of `data` (like `marshal.loads`: bytes
/// after the object are ignored).
pub fn loads(data: &[u8]) -> Result<Obj, PycError> {
    Reader::new(data, 0, TruncationContext::Marshal).read_object()
}

/// Like [`loads`], also returning how many bytes the object used.
pub fn loads_prefix(data: &[u8]) -> Result<(Obj, usize), PycError> {
    let mut r = Reader::new(data, 0, TruncationContext::Marshal);
    let obj = r.read_object()?;
    Ok((obj, r.pos))
}

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

/// An entry of the reference table.
#[derive(Clone)]
enum Slot {
    /// Reserved for a code object or frozenset still being read: CPython
    /// holds a placeholder there, and a reference to it is invalid.
    Reserved,
    /// A tuple, list, dict or set still being read: CPython would let a
    /// reference to it create a cycle, which is unsupported here.
    Building,
    /// A finished object.
    Done(Obj),
}

/// A cursor over marshal data with its reference table.
///
/// Invariant: `base <= pos <= data.len()`; offsets in errors are positions in
/// `data` (so for a `.pyc` they count from the start of the file).
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    depth: usize,
    refs: Vec<Slot>,
    context: TruncationContext,
}

type Res<T> = Result<T, PycError>;

impl<'a> Reader<'a> {
    /// A reader of `data` starting at offset `start` (clamped to the end).
    pub fn new(data: &'a [u8], start: usize, context: TruncationContext) -> Reader<'a> {
        Reader {
            data,
            pos: start.min(data.len()),
            depth: 0,
            refs: Vec::new(),
            context,
        }
    }

    /// Current offset in the data.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Reads one object; a marshalled NULL here is an error, as in CPython.
    pub fn read_object(&mut self) -> Res<Obj> {
        let at = self.pos;
        match self.r_object()? {
            Some(obj) => Ok(obj),
            None => Err(bad(at, "NULL object in marshal data for object")),
        }
    }

    fn truncated(&self) -> PycError {
        PycError::Truncated {
            offset: self.pos,
            context: self.context,
        }
    }

    fn byte(&mut self) -> Res<u8> {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => Err(self.truncated()),
        }
    }

    fn take(&mut self, n: usize) -> Res<&'a [u8]> {
        if n > self.data.len() - self.pos {
            // Report the offset where the data runs out.
            self.pos = self.data.len();
            return Err(self.truncated());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    fn i32(&mut self) -> Res<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f64(&mut self) -> Res<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    /// A 32-bit size field; negative sizes are errors.
    fn size(&mut self, at: usize, what: &str) -> Res<usize> {
        let n = self.i32()?;
        usize::try_from(n).map_err(|_| bad(at, &format!("{what} size out of range")))
    }

    /// Like `size`, also checking that `n * min_item_len` bytes remain, so
    /// that a huge count in a short input fails before any allocation.
    fn count(&mut self, n: usize, min_item_len: usize) -> Res<usize> {
        match n.checked_mul(min_item_len) {
            Some(need) if need <= self.remaining() => Ok(n),
            _ => {
                self.pos = self.data.len();
                Err(self.truncated())
            }
        }
    }

    fn text_float(&mut self) -> Res<f64> {
        let at = self.pos;
        let n = self.byte()? as usize;
        let s = self.take(n)?;
        std::str::from_utf8(s)
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .ok_or_else(|| {
                bad(
                    at,
                    &format!(
                        "could not convert string to float: {:?}",
                        String::from_utf8_lossy(s)
                    ),
                )
            })
    }

    /// Reserves a reference slot if `flag` is set; returns its index.
    fn reserve(&mut self, flag: bool, slot: Slot) -> Option<usize> {
        if flag {
            self.refs.push(slot);
            Some(self.refs.len() - 1)
        } else {
            None
        }
    }

    fn fill(&mut self, idx: Option<usize>, obj: &Obj) {
        if let Some(i) = idx {
            self.refs[i] = Slot::Done(obj.clone());
        }
    }

    /// Reads one object or a NULL (`None`).
    fn r_object(&mut self) -> Res<Option<Obj>> {
        let at = self.pos;
        let code = self.byte()?;
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH {
            Err(bad(at, "recursion limit exceeded"))
        } else {
            self.r_object_body(at, code)
        };
        self.depth -= 1;
        result
    }

    fn r_object_body(&mut self, at: usize, code: u8) -> Res<Option<Obj>> {
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        // Singletons and references ignore FLAG_REF, as in CPython.
        let simple = match ty {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => Obj::None,
            TYPE_STOPITER => Obj::StopIteration,
            TYPE_ELLIPSIS => Obj::Ellipsis,
            TYPE_FALSE => Obj::False,
            TYPE_TRUE => Obj::True,
            TYPE_REF => return self.r_ref(at).map(Some),
            TYPE_TUPLE | TYPE_SMALL_TUPLE | TYPE_LIST | TYPE_SET | TYPE_FROZENSET | TYPE_DICT => {
                return self.r_container(at, ty, flag).map(Some)
            }
            TYPE_CODE => return self.r_code_obj(at, flag).map(Some),
            _ => {
                let obj = self.r_scalar(at, ty)?;
                if flag {
                    self.refs.push(Slot::Done(obj.clone()));
                }
                return Ok(Some(obj));
            }
        };
        Ok(Some(simple))
    }

    #[inline(never)]
    fn r_ref(&mut self, at: usize) -> Res<Obj> {
        let n = self.i32()?;
        match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
            Some(Slot::Done(obj)) => Ok(obj.clone()),
            Some(Slot::Building) => Err(PycError::Unsupported {
                offset: at,
                detail: "reference to a container from inside itself".into(),
            }),
            Some(Slot::Reserved) | None => Err(bad(at, "invalid reference")),
        }
    }

    /// Objects without children: numbers, strings, bytes.
    #[inline(never)]
    fn r_scalar(&mut self, at: usize, ty: u8) -> Res<Obj> {
        Ok(match ty {
            TYPE_INT => Obj::Int(self.i32()? as i64),
            TYPE_INT64 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Obj::Int(i64::from_le_bytes(a))
            }
            TYPE_LONG => self.r_long(at)?,
            TYPE_FLOAT => Obj::Float(self.text_float()?),
            TYPE_BINARY_FLOAT => Obj::Float(self.f64()?),
            TYPE_COMPLEX => {
                let re = self.text_float()?;
                let im = self.text_float()?;
                Obj::Complex(re, im)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.f64()?;
                let im = self.f64()?;
                Obj::Complex(re, im)
            }
            TYPE_STRING => {
                let n = self.size(at, "bytes object")?;
                Obj::Bytes(Rc::from(self.take(n)?))
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.size(at, "string")?;
                Obj::Str(latin1(self.take(n)?))
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = self.byte()? as usize;
                Obj::Str(latin1(self.take(n)?))
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size(at, "string")?;
                let bytes = self.take(n)?;
                match std::str::from_utf8(bytes) {
                    Ok(s) => Obj::Str(Rc::from(s)),
                    Err(_) if is_surrogatepass_utf8(bytes) => {
                        return Err(PycError::Unsupported {
                            offset: at,
                            detail: "string with a lone surrogate".into(),
                        })
                    }
                    Err(e) => {
                        return Err(bad(
                            at,
                            &format!(
                                "'utf-8' codec can't decode byte at position {}",
                                e.valid_up_to()
                            ),
                        ))
                    }
                }
            }
            _ => return Err(bad(at, &format!("unknown type code {ty:#04x}"))),
        })
    }

    /// `l`: a sign-and-count followed by 15-bit digits, least significant
    /// first.
    fn r_long(&mut self, at: usize) -> Res<Obj> {
        let n = self.i32()?;
        if n == 0 {
            return Ok(Obj::Int(0));
        }
        let count = self.count(n.unsigned_abs() as usize, 2)?;
        let raw = self.take(count * 2)?;
        let digit = |i: usize| u16::from_le_bytes([raw[2 * i], raw[2 * i + 1]]);
        for i in 0..count {
            if digit(i) >= 0x8000 {
                return Err(bad(at, "digit out of range in long"));
            }
        }
        if digit(count - 1) == 0 {
            return Err(bad(at, "unnormalized long data"));
        }
        if count <= 4 {
            // At most 60 bits: fits an i64 whatever the sign.
            let mut v: i64 = 0;
            for i in (0..count).rev() {
                v = (v << 15) | digit(i) as i64;
            }
            return Ok(Obj::Int(if n < 0 { -v } else { v }));
        }
        let mut words = vec![0u64; (count * 15).div_ceil(64)];
        for i in 0..count {
            let bit = i * 15;
            let d = digit(i) as u64;
            words[bit / 64] |= d << (bit % 64);
            if bit % 64 > 64 - 15 {
                words[bit / 64 + 1] |= d >> (64 - bit % 64);
            }
        }
        let mut big = Integer::from_digits(&words, Order::Lsf);
        if n < 0 {
            big = -big;
        }
        Ok(match big.to_i64() {
            Some(v) => Obj::Int(v),
            None => Obj::BigInt(Rc::new(big)),
        })
    }

    fn r_container(&mut self, at: usize, ty: u8, flag: bool) -> Res<Obj> {
        if ty == TYPE_DICT {
            return self.r_dict(flag);
        }
        let n = match ty {
            TYPE_SMALL_TUPLE => self.byte()? as usize,
            TYPE_TUPLE => self.size(at, "tuple")?,
            TYPE_LIST => self.size(at, "list")?,
            _ => self.size(at, "set")?,
        };
        // Every element takes at least one byte.
        let n = self.count(n, 1)?;
        let slot = if ty == TYPE_FROZENSET {
            Slot::Reserved
        } else {
            Slot::Building
        };
        let idx = self.reserve(flag, slot);
        let is_set = ty == TYPE_SET || ty == TYPE_FROZENSET;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            let item_at = self.pos;
            let Some(item) = self.r_object()? else {
                return Err(null_item(item_at, ty));
            };
            if is_set && !item.is_hashable() {
                return Err(unhashable(item_at, &item));
            }
            items.push(item);
        }
        let items: Rc<[Obj]> = Rc::from(items);
        let obj = match ty {
            TYPE_LIST => Obj::List(items),
            TYPE_SET => Obj::Set(items),
            TYPE_FROZENSET => Obj::FrozenSet(items),
            _ => Obj::Tuple(items),
        };
        self.fill(idx, &obj);
        Ok(obj)
    }

    fn r_dict(&mut self, flag: bool) -> Res<Obj> {
        let idx = self.reserve(flag, Slot::Building);
        let mut pairs = Vec::new();
        loop {
            let key_at = self.pos;
            let Some(key) = self.r_object()? else { break };
            // A NULL value ends the dict too (the key is dropped), as in
            // CPython.
            let Some(value) = self.r_object()? else { break };
            if !key.is_hashable() {
                return Err(unhashable(key_at, &key));
            }
            pairs.push((key, value));
        }
        let obj = Obj::Dict(Rc::from(pairs));
        self.fill(idx, &obj);
        Ok(obj)
    }

    #[inline(never)]
    fn r_code_obj(&mut self, at: usize, flag: bool) -> Res<Obj> {
        let idx = self.reserve(flag, Slot::Reserved);
        let code = Obj::Code(Rc::new(self.r_code(at)?));
        self.fill(idx, &code);
        Ok(code)
    }

    /// A field of a code object that must be a (non-NULL) object.
    fn field(&mut self, at: usize) -> Res<Obj> {
        match self.r_object()? {
            Some(obj) => Ok(obj),
            None => Err(bad(at, "NULL object in marshal data for code object")),
        }
    }

    #[inline(never)]
    fn r_code(&mut self, at: usize) -> Res<RawCode> {
        let argcount = self.i32()?;
        let posonlyargcount = self.i32()?;
        let kwonlyargcount = self.i32()?;
        let stacksize = self.i32()?;
        let flags = self.i32()? as u32;
        let code = self.field(at)?;
        let consts = self.field(at)?;
        let names = self.field(at)?;
        let localsplusnames = self.field(at)?;
        let localspluskinds = self.field(at)?;
        let filename = self.field(at)?;
        let name = self.field(at)?;
        let qualname = self.field(at)?;
        let firstlineno = self.i32()?;
        let linetable = self.field(at)?;
        let exceptiontable = self.field(at)?;

        let err = |detail: &str| PycError::BadCode {
            offset: at,
            detail: detail.to_string(),
        };
        let bytes = |o: Obj, what: &str| match o {
            Obj::Bytes(b) => Ok(b),
            _ => Err(err(&format!("{what} is not bytes"))),
        };
        let string = |o: Obj, what: &str| match o {
            Obj::Str(s) => Ok(s),
            _ => Err(err(&format!("{what} is not a str"))),
        };
        let strings = |o: Obj, what: &str| -> Res<Rc<[Rc<str>]>> {
            match o {
                Obj::Tuple(items) => items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .cloned()
                            .ok_or_else(|| err(&format!("non-string found in {what}")))
                    })
                    .collect(),
                _ => Err(err(&format!("{what} is not a tuple"))),
            }
        };
        let (Ok(argcount), Ok(posonlyargcount), Ok(kwonlyargcount), Ok(stacksize)) = (
            u32::try_from(argcount),
            u32::try_from(posonlyargcount),
            u32::try_from(kwonlyargcount),
            u32::try_from(stacksize),
        ) else {
            return Err(err("negative argument count or stack size"));
        };
        if argcount < posonlyargcount {
            return Err(err("co_posonlyargcount is larger than co_argcount"));
        }
        let code = bytes(code, "co_code")?;
        if code.is_empty() || code.len() % 2 != 0 {
            return Err(err("co_code is malformed"));
        }
        let consts = match consts {
            Obj::Tuple(t) => t,
            _ => return Err(err("co_consts is not a tuple")),
        };
        let raw = RawCode {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names: strings(names, "co_names")?,
            localsplusnames: strings(localsplusnames, "co_localsplusnames")?,
            localspluskinds: bytes(localspluskinds, "co_localspluskinds")?,
            filename: string(filename, "co_filename")?,
            name: string(name, "co_name")?,
            qualname: string(qualname, "co_qualname")?,
            firstlineno,
            linetable: bytes(linetable, "co_linetable")?,
            exceptiontable: bytes(exceptiontable, "co_exceptiontable")?,
        };
        if raw.localsplusnames.len() != raw.localspluskinds.len() {
            return Err(err(
                "co_localsplusnames and co_localspluskinds differ in length",
            ));
        }
        if raw.nlocals() < raw.total_args() {
            return Err(err("co_varnames is too small"));
        }
        super::verify::verify(&raw).map_err(|detail| PycError::BadCode { offset: at, detail })?;
        Ok(raw)
    }
}

#[cold]
#[inline(never)]
fn null_item(offset: usize, ty: u8) -> PycError {
    let what = match ty {
        TYPE_LIST => "list",
        TYPE_SET | TYPE_FROZENSET => "set",
        _ => "tuple",
    };
    bad(offset, &format!("NULL object in marshal data for {what}"))
}

#[cold]
#[inline(never)]
fn unhashable(offset: usize, obj: &Obj) -> PycError {
    bad(
        offset,
        &format!("TypeError: unhashable type: '{}'", obj.type_name()),
    )
}

#[cold]
#[inline(never)]
fn bad(offset: usize, detail: &str) -> PycError {
    PycError::BadMarshal {
        offset,
        detail: detail.to_string(),
    }
}

/// Decodes one-byte-per-character ("ascii" type) string data. CPython does
/// not check that it is ASCII and reads bytes >= 0x80 as Latin-1.
fn latin1(bytes: &[u8]) -> Rc<str> {
    match std::str::from_utf8(bytes) {
        Ok(s) if bytes.is_ascii() => Rc::from(s),
        _ => Rc::from(bytes.iter().map(|&b| b as char).collect::<String>()),
    }
}

/// Whether `bytes` is valid UTF-8 once UTF-8-encoded surrogates
/// (`ED A0..BF xx`) are allowed, i.e. what "surrogatepass" accepts.
fn is_surrogatepass_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => return true,
            Err(e) => {
                let i = e.valid_up_to();
                match rest.get(i..i + 3) {
                    Some([0xED, b1, b2])
                        if (0xA0..=0xBF).contains(b1) && (0x80..=0xBF).contains(b2) =>
                    {
                        rest = &rest[i + 3..];
                    }
                    _ => return false,
                }
            }
        }
    }
}
