//! `memoryview`: a one-dimensional view of a `bytes` or `bytearray` buffer, with `cast` to the
//! native single-character struct formats, indexing, slicing, item and slice assignment (views
//! of a bytearray), `tolist`, `tobytes` and `hex`.
//!
//! The view reads its object's bytes on every access, so it sees later changes to a
//! bytearray. (CPython also forbids resizing an exported bytearray; here a resized buffer makes
//! the out-of-range items of the view raise ValueError instead.)

use std::cell::Cell;

use crate::abi::Value;
use crate::objects::bytes::{as_bytes_like, new_bytes, ByteArray};
use crate::objects::exception::{err, INDEX_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::slice::{slice_indices, SliceObj};
use crate::objects::str::{as_str, from_string};
use crate::objects::tuple::new_tuple;
use crate::objects::{
    alloc, dealloc_obj, CmpOp, GetSetDef, MethodDef, MethodKind, PyPayload, PyResult, TypeObject,
};

/// Payload of a `memoryview`.
pub struct MemoryView {
    /// The exporting object (bytes or bytearray).
    obj: Value,
    /// Struct format character (`B`, `I`, ...).
    fmt: u8,
    itemsize: usize,
    /// Byte offset of item 0 in the object's buffer.
    offset: usize,
    /// Bytes from one item to the next (negative for reversed slices).
    stride: isize,
    /// Number of items.
    len: usize,
    released: Cell<bool>,
}

impl PyPayload for MemoryView {
    fn type_object() -> *const TypeObject {
        &MEMORYVIEW_TYPE
    }
}

/// The size of a native single-character struct format, or `None` when unsupported.
fn format_size(f: u8) -> Option<usize> {
    Some(match f {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'd' => 8,
        _ => return None,
    })
}

fn is_byte_format(f: u8) -> bool {
    matches!(f, b'B' | b'b' | b'c')
}

fn this(v: &Value) -> PyResult<&MemoryView> {
    let m = v
        .downcast_ref::<MemoryView>()
        .expect("memoryview method on another object");
    if m.released.get() {
        return err(
            &VALUE_ERROR,
            "operation forbidden on released memoryview object",
        );
    }
    Ok(m)
}

impl MemoryView {
    /// The bytes of item `i` (`i < len`).
    fn item_bytes<'a>(&self, buf: &'a [u8], i: usize) -> PyResult<&'a [u8]> {
        let at = self.offset as isize + i as isize * self.stride;
        if at < 0 || at as usize + self.itemsize > buf.len() {
            return err(&VALUE_ERROR, "memoryview: underlying buffer was resized");
        }
        Ok(&buf[at as usize..at as usize + self.itemsize])
    }

    fn buffer(&self) -> &[u8] {
        as_bytes_like(&self.obj).unwrap_or(&[])
    }

    /// Item `i` as a Python value.
    fn item(&self, i: usize) -> PyResult<Value> {
        let b = self.item_bytes(self.buffer(), i)?;
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        let u = u64::from_le_bytes(w);
        Ok(match self.fmt {
            b'B' | b'H' | b'I' => Value::int(u as i64),
            b'b' => Value::int(b[0] as i8 as i64),
            b'h' => Value::int(u as u16 as i16 as i64),
            b'i' => Value::int(u as u32 as i32 as i64),
            b'l' | b'q' | b'n' => Value::int(u as i64),
            b'L' | b'Q' | b'N' => crate::objects::int::from_i128(u as i128),
            b'c' => new_bytes(b),
            b'?' => Value::bool(u != 0),
            b'f' => Value::float(f32::from_bits(u as u32) as f64),
            _ => Value::float(f64::from_bits(u)),
        })
    }

    /// All the items' bytes, in order.
    fn to_bytes(&self) -> PyResult<Vec<u8>> {
        let buf = self.buffer();
        let mut out = Vec::with_capacity(self.len * self.itemsize);
        for i in 0..self.len {
            out.extend_from_slice(self.item_bytes(buf, i)?);
        }
        Ok(out)
    }

    fn contiguous(&self) -> bool {
        self.len <= 1 || self.stride == self.itemsize as isize
    }
}

/// The bytes a memoryview shows (a copy), or `None` when `v` is not a memoryview; an error
/// for a released one.
pub fn view_bytes(v: &Value) -> Option<PyResult<Vec<u8>>> {
    v.downcast_ref::<MemoryView>()?;
    Some(this(v).and_then(|m| m.to_bytes()))
}

/// `memoryview(object)`.
fn mv_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = crate::builtins::args::ArgParser::new("memoryview", args, kwnames);
    let obj = p.required("object")?;
    p.finish()?;
    if let Some(m) = obj.downcast_ref::<MemoryView>() {
        this(&obj)?;
        return Ok(alloc(
            &MEMORYVIEW_TYPE,
            MemoryView {
                obj: m.obj.clone(),
                fmt: m.fmt,
                itemsize: m.itemsize,
                offset: m.offset,
                stride: m.stride,
                len: m.len,
                released: Cell::new(false),
            },
        ));
    }
    match as_bytes_like(&obj) {
        Some(b) => Ok(alloc(
            &MEMORYVIEW_TYPE,
            MemoryView {
                obj: obj.clone(),
                fmt: b'B',
                itemsize: 1,
                offset: 0,
                stride: 1,
                len: b.len(),
                released: Cell::new(false),
            },
        )),
        None => err(
            &TYPE_ERROR,
            format!(
                "memoryview: a bytes-like object is required, not '{}'",
                obj.type_name()
            ),
        ),
    }
}

fn m_cast(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = crate::builtins::args::ArgParser::new("cast", args, kw);
    let format = p.required("format")?;
    let shape = p.optional("shape")?;
    p.finish()?;
    let m = this(v)?;
    let Some(f) = as_str(&format) else {
        return err(
            &TYPE_ERROR,
            format!(
                "cast() argument 'format' must be str, not {}",
                format.type_name()
            ),
        );
    };
    let f = f.strip_prefix('@').unwrap_or(&f);
    let size = match f.as_bytes() {
        [c] => format_size(*c).map(|s| (*c, s)),
        _ => None,
    };
    let Some((fmt, itemsize)) = size else {
        return err(
            &VALUE_ERROR,
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        );
    };
    if shape.as_ref().is_some_and(|s| !s.is_none()) {
        return err(
            &crate::objects::exception::NOT_IMPLEMENTED_ERROR,
            "memoryview: multi-dimensional casts are not supported",
        );
    }
    if !m.contiguous() {
        return err(
            &TYPE_ERROR,
            "memoryview: casts are restricted to C-contiguous views",
        );
    }
    if !is_byte_format(m.fmt) && !is_byte_format(fmt) {
        return err(
            &TYPE_ERROR,
            "memoryview: cannot cast between two non-byte formats",
        );
    }
    let nbytes = m.len * m.itemsize;
    if nbytes % itemsize != 0 {
        return err(
            &TYPE_ERROR,
            "memoryview: length is not a multiple of itemsize",
        );
    }
    Ok(alloc(
        &MEMORYVIEW_TYPE,
        MemoryView {
            obj: m.obj.clone(),
            fmt,
            itemsize,
            offset: m.offset,
            stride: itemsize as isize,
            len: nbytes / itemsize,
            released: Cell::new(false),
        },
    ))
}

fn m_tolist(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("tolist", args)?;
    let m = this(v)?;
    let items = (0..m.len)
        .map(|i| m.item(i))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(crate::objects::list::new_list(items))
}

fn m_tobytes(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_bytes(&this(v)?.to_bytes()?))
}

fn m_hex(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(v)?.to_bytes()?;
    Ok(from_string(
        b.iter().map(|x| format!("{:02x}", x)).collect(),
    ))
}

fn m_release(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(m) = v.downcast_ref::<MemoryView>() {
        m.released.set(true);
    }
    Ok(Value::NONE)
}

fn m_enter(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(v)?;
    Ok(v.clone())
}

fn mv_len(v: &Value) -> PyResult<usize> {
    Ok(this(v)?.len)
}

fn mv_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    let m = this(v)?;
    if let Some(s) = k.downcast_ref::<SliceObj>() {
        let (start, _stop, step, count) = slice_indices(s, m.len)?;
        return Ok(alloc(
            &MEMORYVIEW_TYPE,
            MemoryView {
                obj: m.obj.clone(),
                fmt: m.fmt,
                itemsize: m.itemsize,
                offset: (m.offset as isize + start as isize * m.stride) as usize,
                stride: m.stride * step as isize,
                len: count,
                released: Cell::new(false),
            },
        ));
    }
    if !(k.is_int() || k.is_bool() || k.ty().index.is_some()) {
        return err(&TYPE_ERROR, "memoryview: invalid slice key");
    }
    let i = crate::ops::number::index_i64(k)?;
    let j = if i < 0 { i + m.len as i64 } else { i };
    if j < 0 || j >= m.len as i64 {
        return err(&INDEX_ERROR, "index out of bounds on dimension 1");
    }
    m.item(j as usize)
}

/// The native bytes of `x` stored as one item of format `fmt` (`itemsize` bytes), with
/// CPython's errors for values of the wrong type or range.
fn pack_item(fmt: u8, itemsize: usize, x: &Value) -> PyResult<Vec<u8>> {
    let bad_type = || {
        err(
            &TYPE_ERROR,
            format!("memoryview: invalid type for format '{}'", fmt as char),
        )
    };
    let bad_value = || {
        err(
            &VALUE_ERROR,
            format!("memoryview: invalid value for format '{}'", fmt as char),
        )
    };
    match fmt {
        b'c' => {
            let Some(b) = crate::objects::bytes::as_bytes(x) else {
                return bad_type();
            };
            if b.len() != 1 {
                return bad_value();
            }
            Ok(b.to_vec())
        }
        b'?' => Ok(vec![crate::ops::object::truthy(x)? as u8]),
        b'f' | b'd' => {
            let f = match x.as_float() {
                Some(f) => f,
                None if crate::objects::int::is_int(x) => {
                    crate::objects::int::int_to_f64(&crate::objects::int::as_int(x).unwrap())?
                }
                None => return bad_type(),
            };
            Ok(if fmt == b'f' {
                (f as f32).to_le_bytes().to_vec()
            } else {
                f.to_le_bytes().to_vec()
            })
        }
        _ => {
            let Some(i) = crate::objects::int::as_int(x) else {
                return bad_type();
            };
            let i = i.to_integer();
            let signed = fmt.is_ascii_lowercase();
            let bits = (itemsize * 8) as u32;
            let fits = if signed {
                i.significant_bits() < bits || i == -(rug::Integer::from(1) << (bits - 1))
            } else {
                i >= 0 && i.significant_bits() <= bits
            };
            if !fits {
                return bad_value();
            }
            let u = i.to_i128().unwrap_or(0) as u128;
            Ok(u.to_le_bytes()[..itemsize].to_vec())
        }
    }
}

/// `m[k] = x` (views of a bytearray; an item or a slice of the same structure).
fn mv_setitem(v: &Value, k: &Value, x: Option<Value>) -> PyResult<()> {
    let m = this(v)?;
    let Some(ba) = m.obj.downcast_ref::<ByteArray>() else {
        return err(&TYPE_ERROR, "cannot modify read-only memory");
    };
    let Some(x) = x else {
        return err(&TYPE_ERROR, "cannot delete memory");
    };
    // (item index, its bytes) pairs to store.
    let mut writes: Vec<(usize, Vec<u8>)> = Vec::new();
    if let Some(s) = k.downcast_ref::<SliceObj>() {
        let (start, _stop, step, count) = slice_indices(s, m.len)?;
        let src = match view_bytes(&x) {
            Some(b) => b?,
            None => match as_bytes_like(&x) {
                Some(b) => b.to_vec(),
                None => {
                    return err(
                        &TYPE_ERROR,
                        format!("a bytes-like object is required, not '{}'", x.type_name()),
                    )
                }
            },
        };
        if src.len() != count * m.itemsize {
            return err(
                &VALUE_ERROR,
                "memoryview assignment: lvalue and rvalue have different structures",
            );
        }
        for (n, chunk) in src.chunks(m.itemsize.max(1)).enumerate() {
            writes.push(((start + n as i64 * step) as usize, chunk.to_vec()));
        }
    } else {
        if !(k.is_int() || k.is_bool() || k.ty().index.is_some()) {
            return err(&TYPE_ERROR, "memoryview: invalid slice key");
        }
        let i = crate::ops::number::index_i64(k)?;
        let j = if i < 0 { i + m.len as i64 } else { i };
        if j < 0 || j >= m.len as i64 {
            return err(&INDEX_ERROR, "index out of bounds on dimension 1");
        }
        writes.push((j as usize, pack_item(m.fmt, m.itemsize, &x)?));
    }
    ba.with(|buf| {
        for (i, bytes) in &writes {
            let at = m.offset as isize + *i as isize * m.stride;
            if at < 0 || at as usize + m.itemsize > buf.len() {
                return err(&VALUE_ERROR, "memoryview: underlying buffer was resized");
            }
            buf[at as usize..at as usize + m.itemsize].copy_from_slice(bytes);
        }
        Ok(())
    })
}

fn mv_iter(v: &Value) -> PyResult<Value> {
    let list = m_tolist(v, &[], &[])?;
    crate::ops::sequence::iter(&list)
}

fn mv_repr(v: &Value) -> PyResult<Value> {
    let m = v.downcast_ref::<MemoryView>().unwrap();
    let released = if m.released.get() { "released " } else { "" };
    Ok(from_string(format!(
        "<{}memory at {:#x}>",
        released, v.payload
    )))
}

fn mv_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(crate::objects::none::not_implemented());
    }
    let ma = a.downcast_ref::<MemoryView>().unwrap();
    let eq = if a.is(b) {
        true
    } else if ma.released.get() {
        false
    } else {
        let left = m_tolist(a, &[], &[])?;
        let right = if b.downcast_ref::<MemoryView>().is_some() {
            if b.downcast_ref::<MemoryView>().unwrap().released.get() {
                return Ok(Value::bool(op == CmpOp::Ne));
            }
            m_tolist(b, &[], &[])?
        } else if let Some(bytes) = as_bytes_like(b) {
            crate::objects::list::new_list(bytes.iter().map(|&x| Value::int(x as i64)).collect())
        } else {
            return Ok(crate::objects::none::not_implemented());
        };
        crate::ops::compare::eq(&left, &right)?
    };
    Ok(Value::bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn mv_hash(v: &Value) -> PyResult<i64> {
    let m = this(v)?;
    if m.obj.downcast_ref::<ByteArray>().is_some() {
        return err(&VALUE_ERROR, "cannot hash writable memoryview object");
    }
    if !is_byte_format(m.fmt) {
        return err(
            &VALUE_ERROR,
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        );
    }
    crate::ops::object::hash(&new_bytes(&m.to_bytes()?))
}

static MEMORYVIEW_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "cast",
        func: m_cast,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "tolist",
        func: m_tolist,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "tobytes",
        func: m_tobytes,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "hex",
        func: m_hex,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "release",
        func: m_release,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "__enter__",
        func: m_enter,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "__exit__",
        func: m_release,
        kind: MethodKind::Instance,
        doc: "",
    },
];

static MEMORYVIEW_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "obj",
        get: |v| Ok(this(v)?.obj.clone()),
        set: None,
    },
    GetSetDef {
        name: "nbytes",
        get: |v| {
            let m = this(v)?;
            Ok(Value::int((m.len * m.itemsize) as i64))
        },
        set: None,
    },
    GetSetDef {
        name: "readonly",
        get: |v| {
            Ok(Value::bool(
                this(v)?.obj.downcast_ref::<ByteArray>().is_none(),
            ))
        },
        set: None,
    },
    GetSetDef {
        name: "itemsize",
        get: |v| Ok(Value::int(this(v)?.itemsize as i64)),
        set: None,
    },
    GetSetDef {
        name: "format",
        get: |v| {
            let f = this(v)?.fmt;
            Ok(crate::objects::str::from_char(f as char))
        },
        set: None,
    },
    GetSetDef {
        name: "ndim",
        get: |v| {
            this(v)?;
            Ok(Value::int(1))
        },
        set: None,
    },
    GetSetDef {
        name: "shape",
        get: |v| Ok(new_tuple(vec![Value::int(this(v)?.len as i64)])),
        set: None,
    },
    GetSetDef {
        name: "strides",
        get: |v| Ok(new_tuple(vec![Value::int(this(v)?.stride as i64)])),
        set: None,
    },
    GetSetDef {
        name: "contiguous",
        get: |v| Ok(Value::bool(this(v)?.contiguous())),
        set: None,
    },
    GetSetDef {
        name: "c_contiguous",
        get: |v| Ok(Value::bool(this(v)?.contiguous())),
        set: None,
    },
];

/// The `memoryview` type.
pub static MEMORYVIEW_TYPE: TypeObject = TypeObject {
    name: "memoryview",
    layout: &MEMORYVIEW_TYPE,
    dealloc: dealloc_obj::<MemoryView>,
    repr: Some(mv_repr),
    hash: Some(mv_hash),
    richcompare: Some(mv_richcompare),
    len: Some(mv_len),
    getitem: Some(mv_getitem),
    setitem: Some(mv_setitem),
    iter: Some(mv_iter),
    new: Some(mv_new),
    methods: MEMORYVIEW_METHODS,
    getsets: MEMORYVIEW_GETSETS,
    doc: "Create a new memoryview object which references the given object.",
    ..TypeObject::EMPTY
};
