//! `code`: an executable code object, converted from the marshal reader's `RawCode`.
//!
//! The instruction stream is a private, mutable copy (`instrs`) so that tier 1 can rewrite
//! instructions into specialized forms in place; everything else is immutable after loading.

use std::cell::UnsafeCell;
use std::rc::Rc;

use crate::abi::Value;
use crate::objects::str::{from_string, new_str};
use crate::objects::tuple::new_tuple;
use crate::objects::{alloc, dealloc_weakrefable, flags, PyPayload, PyResult, TypeObject};
use crate::pyc::{ExceptionEntry, Obj, RawCode};

/// `co_flags` bits.
pub mod co_flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// `co_localspluskinds` bits.
pub mod fast_kind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// Payload of a code object.
pub struct Code {
    /// Instruction stream: (opcode, oparg) byte pairs, specialized in place by tier 1.
    pub instrs: UnsafeCell<Box<[u8]>>,
    pub consts: Box<[Value]>,
    pub names: Box<[Value]>,
    pub localsplusnames: Box<[Value]>,
    pub localspluskinds: Box<[u8]>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// `argcount` when a call with that many positional arguments binds them by a plain move
    /// (no keyword-only parameters, no `*args`/`**kwargs`); `u32::MAX` otherwise. The one
    /// compare of `vm::call::is_exact_args`.
    pub exact_argcount: u32,
    /// Values a frame of this code takes in the arena: localsplus plus the value stack.
    pub frame_size: u32,
    pub filename: Value,
    pub name: Value,
    pub qualname: Value,
    pub firstlineno: i32,
    /// Source line of each code unit (0 when none).
    pub lines: Box<[u32]>,
    /// The decoded exception table.
    pub exc_table: Box<[ExceptionEntry]>,
    /// The marshal form, kept for `co_*` attributes not copied above.
    pub raw: Rc<RawCode>,
    /// Tier 2: hotness counter and compiled code (freed with the code object).
    pub jit: crate::tier2::CodeJit,
}

impl PyPayload for Code {
    fn type_object() -> *const TypeObject {
        &CODE_TYPE
    }
}

impl Code {
    /// Number of fast slots (locals, cells and free variables).
    pub fn nlocalsplus(&self) -> usize {
        self.localspluskinds.len()
    }
    /// Source line of the instruction at code-unit index `i` (0 if unknown).
    pub fn line_at(&self, i: usize) -> u32 {
        self.lines.get(i).copied().unwrap_or(0)
    }
    /// Number of parameters including `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & co_flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & co_flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
    /// Constant `i`, as `LOAD_CONST i` reads it, without a bounds check.
    ///
    /// # Safety
    /// `i` is the oparg of a constant-reading instruction of this code (`LOAD_CONST`,
    /// `RETURN_CONST`, `KW_NAMES`): the bytecode verifier (`pyc::verify`) checked every such
    /// oparg against `co_consts` when the code object was read.
    #[inline(always)]
    pub unsafe fn const_at(&self, i: usize) -> &Value {
        debug_assert!(i < self.consts.len());
        self.consts.get_unchecked(i)
    }
    /// The instruction bytes (for reading; tier 1 writes through `instrs`).
    #[inline(always)]
    pub fn code_ptr(&self) -> *mut u8 {
        // SAFETY: the box is never reallocated after creation.
        unsafe { (&mut (*self.instrs.get())).as_mut_ptr() }
    }
    /// Number of code units.
    pub fn n_units(&self) -> usize {
        // SAFETY: as above.
        unsafe { (&(*self.instrs.get())).len() / 2 }
    }
}

/// Converts a marshalled constant into a Python value.
pub fn obj_to_value(o: &Obj) -> PyResult<Value> {
    Ok(match o {
        Obj::None => Value::NONE,
        Obj::True => Value::TRUE,
        Obj::False => Value::FALSE,
        Obj::Ellipsis => crate::objects::none::ellipsis(),
        Obj::StopIteration => crate::objects::exception::STOP_ITERATION.to_value(),
        Obj::Int(i) => Value::int(*i),
        Obj::BigInt(b) => crate::objects::int::from_integer((**b).clone()),
        Obj::Float(f) => Value::float(*f),
        Obj::Complex(re, im) => crate::objects::complex::new_complex(*re, *im),
        Obj::Str(s) => new_str(s),
        Obj::Bytes(b) => crate::objects::bytes::new_bytes(b),
        Obj::Tuple(items) => new_tuple(items.iter().map(obj_to_value).collect::<PyResult<_>>()?),
        Obj::List(items) => {
            crate::objects::list::new_list(items.iter().map(obj_to_value).collect::<PyResult<_>>()?)
        }
        Obj::Dict(pairs) => {
            let mut v = Vec::new();
            for (k, x) in pairs.iter() {
                v.push((obj_to_value(k)?, obj_to_value(x)?));
            }
            crate::objects::dict::dict_from_pairs(v)?
        }
        Obj::Set(items) => {
            crate::objects::set::new_set(items.iter().map(obj_to_value).collect::<PyResult<_>>()?)?
        }
        Obj::FrozenSet(items) => crate::objects::set::new_frozenset(
            items.iter().map(obj_to_value).collect::<PyResult<_>>()?,
        )?,
        Obj::Code(c) => new_code(c)?,
    })
}

/// Builds a code object (and, recursively, its nested code constants).
pub fn new_code(raw: &Rc<RawCode>) -> PyResult<Value> {
    let consts = raw
        .consts
        .iter()
        .map(obj_to_value)
        .collect::<PyResult<Vec<_>>>()?;
    let n = raw.code.len() / 2;
    let mut lines = vec![0u32; n];
    for (i, loc) in raw.locations().iter().enumerate().take(n) {
        if let Some(l) = loc {
            lines[i] = l.line;
        }
    }
    let exc_table = match raw.exception_entries() {
        Ok(e) => e,
        Err(e) => {
            return crate::objects::exception::err(
                &crate::objects::exception::SYSTEM_ERROR,
                format!("bad exception table: {}", e),
            )
        }
    };
    Ok(alloc(
        &CODE_TYPE,
        Code {
            instrs: UnsafeCell::new(raw.code.to_vec().into_boxed_slice()),
            consts: consts.into_boxed_slice(),
            names: raw.names.iter().map(|s| new_str(s)).collect(),
            localsplusnames: raw.localsplusnames.iter().map(|s| new_str(s)).collect(),
            localspluskinds: raw.localspluskinds.to_vec().into_boxed_slice(),
            argcount: raw.argcount,
            posonlyargcount: raw.posonlyargcount,
            kwonlyargcount: raw.kwonlyargcount,
            stacksize: raw.stacksize,
            flags: raw.flags,
            exact_argcount: if raw.kwonlyargcount == 0
                && raw.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0
            {
                raw.argcount
            } else {
                u32::MAX
            },
            frame_size: (raw.localspluskinds.len() as u32).saturating_add(raw.stacksize),
            filename: new_str(&raw.filename),
            name: new_str(&raw.name),
            qualname: new_str(&raw.qualname),
            firstlineno: raw.firstlineno,
            lines: lines.into_boxed_slice(),
            exc_table: exc_table.into_boxed_slice(),
            raw: raw.clone(),
            jit: Default::default(),
        },
    ))
}

fn this(v: &Value) -> &Code {
    v.downcast_ref::<Code>().unwrap()
}

/// Names of the fast slots with `kind` set.
fn kind_names(c: &Code, kind: u8) -> Vec<Value> {
    c.localsplusnames
        .iter()
        .zip(c.localspluskinds.iter())
        .filter(|(_, k)| **k & kind != 0)
        .map(|(n, _)| n.clone())
        .collect()
}

/// The `code` type.
pub static CODE_TYPE: TypeObject = TypeObject {
    name: "code",
    layout: &CODE_TYPE,
    flags: flags::WEAKREFABLE,
    dealloc: dealloc_weakrefable::<Code>,
    repr: Some(|v| {
        let c = this(v);
        Ok(from_string(format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            crate::ops::object::str_string(&c.name)?,
            v.payload,
            crate::ops::object::str_string(&c.filename)?,
            c.firstlineno
        )))
    }),
    getsets: &[
        crate::objects::GetSetDef {
            name: "co_name",
            get: |v| Ok(this(v).name.clone()),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_qualname",
            get: |v| Ok(this(v).qualname.clone()),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_filename",
            get: |v| Ok(this(v).filename.clone()),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_firstlineno",
            get: |v| Ok(Value::int(this(v).firstlineno as i64)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_posonlyargcount",
            get: |v| Ok(Value::int(this(v).posonlyargcount as i64)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_kwonlyargcount",
            get: |v| Ok(Value::int(this(v).kwonlyargcount as i64)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_stacksize",
            get: |v| Ok(Value::int(this(v).stacksize as i64)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_nlocals",
            get: |v| {
                Ok(Value::int(
                    this(v)
                        .localspluskinds
                        .iter()
                        .filter(|k| **k & fast_kind::LOCAL != 0)
                        .count() as i64,
                ))
            },
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_freevars",
            get: |v| Ok(new_tuple(kind_names(this(v), fast_kind::FREE))),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_cellvars",
            get: |v| Ok(new_tuple(kind_names(this(v), fast_kind::CELL))),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_argcount",
            get: |v| Ok(Value::int(this(v).argcount as i64)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_flags",
            get: |v| Ok(Value::int(this(v).flags as i64)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_consts",
            get: |v| Ok(new_tuple(this(v).consts.to_vec())),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_names",
            get: |v| Ok(new_tuple(this(v).names.to_vec())),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "co_varnames",
            get: |v| {
                let c = this(v);
                let names = c
                    .localsplusnames
                    .iter()
                    .zip(c.localspluskinds.iter())
                    .filter(|(_, k)| **k & fast_kind::LOCAL != 0)
                    .map(|(n, _)| n.clone())
                    .collect();
                Ok(new_tuple(names))
            },
            set: None,
        },
    ],
    methods: &[
        crate::objects::MethodDef {
            name: "replace",
            func: m_replace,
            kind: crate::objects::MethodKind::Instance,
            doc: "Return a copy of the code object with new values for the specified fields.",
        },
        crate::objects::MethodDef {
            name: "co_positions",
            func: m_co_positions,
            kind: crate::objects::MethodKind::Instance,
            doc: "Return an iterator over (line, end_line, column, end_column) of each code unit.",
        },
    ],
    ..TypeObject::EMPTY
};

/// `code.co_positions()`: an iterator of `(line, end_line, col, end_col)` per code unit
/// (`None` where the location table says nothing), as `traceback` reads it.
fn m_co_positions(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("co_positions", args)?;
    let opt = |x: Option<u32>| x.map_or(Value::NONE, |n| Value::int(n as i64));
    let items = crate::pyc::linetable::locations(&this(v).raw)
        .into_iter()
        .map(|l| match l {
            Some(l) => new_tuple(vec![
                Value::int(l.line as i64),
                Value::int(l.end_line as i64),
                opt(l.col),
                opt(l.end_col),
            ]),
            None => new_tuple(vec![Value::NONE; 4]),
        })
        .collect();
    crate::ops::sequence::iter(&crate::objects::list::new_list(items))
}

/// The keyword arguments of `code.replace()`, in CPython's order.
const REPLACE_FIELDS: &[&str] = &[
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

/// `code.replace(**changes)`: a new code object with the given fields replaced. The fields
/// that describe the frame layout or the bytecode are not replaceable yet (SystemError); the
/// argument-passing flags may not change, since the frame layout depends on them.
fn m_replace(v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    use crate::objects::exception::{err, SYSTEM_ERROR, TYPE_ERROR, VALUE_ERROR};
    let mut p = crate::builtins::args::ArgParser::new("replace", args, kwnames);
    p.no_positional()?;
    let mut given = Vec::new();
    for f in REPLACE_FIELDS {
        if let Some(x) = p.kw_only(f)? {
            given.push((*f, x));
        }
    }
    p.finish()?;
    let c = this(v);
    let mut raw: RawCode = (*c.raw).clone();
    for (field, x) in given {
        match field {
            "co_flags" | "co_firstlineno" => {
                let n = crate::ops::number::index_i64(&x)?;
                let Ok(n) = i32::try_from(n) else {
                    return err(
                        &crate::objects::exception::OVERFLOW_ERROR,
                        "signed integer is greater than maximum",
                    );
                };
                if field == "co_firstlineno" {
                    raw.firstlineno = n;
                } else {
                    let fixed = co_flags::VARARGS | co_flags::VARKEYWORDS;
                    if (n as u32 ^ raw.flags) & fixed != 0 {
                        return err(
                            &VALUE_ERROR,
                            "apython's code.replace() cannot change CO_VARARGS or CO_VARKEYWORDS",
                        );
                    }
                    raw.flags = n as u32;
                }
            }
            "co_filename" | "co_name" | "co_qualname" => {
                let Some(s) = crate::objects::str::as_str(&x) else {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "replace() argument '{}' must be str, not {}",
                            field,
                            x.type_name()
                        ),
                    );
                };
                let s: Rc<str> = Rc::from(&*s);
                match field {
                    "co_filename" => raw.filename = s,
                    "co_name" => raw.name = s,
                    _ => raw.qualname = s,
                }
            }
            _ => {
                return err(
                    &SYSTEM_ERROR,
                    format!("apython does not support code.replace({}=...) yet", field),
                )
            }
        }
    }
    new_code(&Rc::new(raw))
}
