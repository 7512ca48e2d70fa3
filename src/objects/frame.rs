//! `frame`: a Python view of one activation, made only when asked for (`sys._getframe()`,
//! `traceback.tb_frame`), so ordinary calls never allocate one.
//!
//! A frame object names its activation by the code and the arena slot its values start at;
//! while that activation is on the frame stack, `f_lineno`, `f_lasti`, `f_locals` and `f_back`
//! read it live. Once it has returned they give what was recorded: the line and instruction
//! when the object was made, the last `f_locals` snapshot (or the module/class namespace), and
//! `f_back` is `None` unless it was read while the caller was still running.

use std::cell::UnsafeCell;

use crate::abi::Value;
use crate::objects::code::{fast_kind, Code};
use crate::objects::str::from_string;
use crate::objects::{alloc, dealloc_obj, GetSetDef, PyPayload, TypeObject};
use crate::vm::frame::{frames, Frame};

/// Payload of a frame object. It holds the code and namespaces rather than the function, so a
/// traceback keeping it cannot close a reference cycle through a closure.
pub struct FrameObject {
    /// `f_code`.
    pub code: Value,
    /// `f_globals`.
    pub globals: Value,
    /// `f_builtins`.
    pub builtins: Value,
    /// First arena slot of the activation's values: with `code`, identifies it while live.
    base: *mut Value,
    /// Instruction index and line when the object was made (read once the activation is gone).
    lasti: usize,
    lineno: u32,
    /// Module and class bodies' namespace, or the last snapshot of a function's locals (NULL:
    /// none yet).
    locals: UnsafeCell<Value>,
    /// `f_back` once computed (NULL until then).
    back: UnsafeCell<Value>,
}

impl PyPayload for FrameObject {
    fn type_object() -> *const TypeObject {
        &FRAME_TYPE
    }
}

/// What identifies an activation and its namespaces (kept by traceback entries).
#[derive(Clone)]
pub struct Activation {
    /// The code object run.
    pub code: Value,
    /// The globals and builtins dicts of its function.
    pub globals: Value,
    pub builtins: Value,
    /// First arena slot of the activation's values.
    pub base: *mut Value,
}

impl Activation {
    /// The activation `f`.
    pub fn of(f: &Frame) -> Activation {
        let func = f.function();
        Activation {
            code: func.code_value(),
            globals: func.globals.clone(),
            builtins: func.builtins.clone(),
            base: f.base,
        }
    }
}

/// A frame object for the activation `f` (live on the frame stack).
pub fn frame_object_for(f: &Frame) -> Value {
    new_frame_object(
        Activation::of(f),
        f.lasti,
        f.code().line_at(f.lasti),
        f.locals.clone(),
    )
}

/// A frame object for activation `a`, stopped at instruction `lasti` on `lineno`; `locals` is
/// its namespace or a snapshot (NULL: none).
pub fn new_frame_object(a: Activation, lasti: usize, lineno: u32, locals: Value) -> Value {
    alloc(
        &FRAME_TYPE,
        FrameObject {
            code: a.code,
            globals: a.globals,
            builtins: a.builtins,
            base: a.base,
            lasti,
            lineno,
            locals: UnsafeCell::new(locals),
            back: UnsafeCell::new(Value::NULL),
        },
    )
}

/// `sys._getframe(depth)`: the frame `depth` calls below the caller, if the stack is that deep.
pub fn getframe(depth: usize) -> Option<Value> {
    let fs = frames();
    let i = fs.frames.len().checked_sub(depth + 1)?;
    Some(frame_object_for(&fs.frames[i]))
}

/// The local variables of a live activation as a new dict (cells read through; unbound names
/// left out), as `f_locals` shows a function's locals.
pub fn locals_snapshot(f: &Frame) -> Value {
    let d = crate::objects::dict::new_dict();
    let dd = d.downcast_ref::<crate::objects::dict::Dict>().unwrap();
    let code = f.code();
    for (i, name) in code.localsplusnames.iter().enumerate() {
        // SAFETY: slots `base..base + nlocalsplus` of a live frame hold owned values.
        let mut v = unsafe { (*f.base.add(i)).clone() };
        if code.localspluskinds[i] & (fast_kind::CELL | fast_kind::FREE) != 0 {
            if let Some(c) = v.downcast_ref::<crate::objects::cell::Cell>() {
                v = c.get();
            }
        }
        if !v.is_null() {
            let _ = dd.set_item(name.clone(), v);
        }
    }
    d
}

impl FrameObject {
    /// The index of the activation on the frame stack while it is live.
    fn live(&self) -> Option<usize> {
        let code: *const Code = self.code_payload();
        frames()
            .frames
            .iter()
            .rposition(|f| f.base == self.base && std::ptr::eq(f.code, code))
    }

    fn code_payload(&self) -> &Code {
        // SAFETY: frame objects are only made with code objects.
        unsafe { self.code.payload_unchecked() }
    }

    /// `f_locals`: the namespace of a module or class body, a fresh snapshot of a live
    /// function's locals, else the last snapshot (empty if none was taken).
    pub fn locals(&self) -> Value {
        if let Some(i) = self.live() {
            let f = &frames().frames[i];
            let l = if f.locals.is_null() {
                locals_snapshot(f)
            } else {
                f.locals.clone()
            };
            // SAFETY: single-threaded; the cell is replaced, never borrowed across calls.
            unsafe { *self.locals.get() = l.clone() };
            return l;
        }
        // SAFETY: as above.
        let l = unsafe { (*self.locals.get()).clone() };
        if l.is_null() {
            crate::objects::dict::new_dict()
        } else {
            l
        }
    }

    /// `f_lineno`.
    pub fn lineno(&self) -> u32 {
        match self.live() {
            Some(i) => {
                let f = &frames().frames[i];
                f.code().line_at(f.lasti)
            }
            None => self.lineno,
        }
    }

    fn lasti(&self) -> usize {
        match self.live() {
            Some(i) => frames().frames[i].lasti,
            None => self.lasti,
        }
    }

    fn back(&self) -> Value {
        // SAFETY: single-threaded; the cell is replaced, never borrowed across calls.
        let cached = unsafe { (*self.back.get()).clone() };
        if !cached.is_null() {
            return cached;
        }
        let b = match self.live() {
            Some(i) if i > 0 => frame_object_for(&frames().frames[i - 1]),
            _ => return Value::NONE,
        };
        // SAFETY: as above.
        unsafe { *self.back.get() = b.clone() };
        b
    }
}

fn this(v: &Value) -> &FrameObject {
    v.downcast_ref::<FrameObject>().unwrap()
}

/// The `frame` type.
pub static FRAME_TYPE: TypeObject = TypeObject {
    name: "frame",
    layout: &FRAME_TYPE,
    dealloc: dealloc_obj::<FrameObject>,
    repr: Some(|v| {
        let f = this(v);
        let code = f.code_payload();
        Ok(from_string(format!(
            "<frame at {:#x}, file {}, line {}, code {}>",
            v.payload,
            crate::ops::object::repr_string(&code.filename)?,
            f.lineno(),
            crate::ops::object::str_string(&code.name)?
        )))
    }),
    getsets: &[
        GetSetDef {
            name: "f_code",
            get: |v| Ok(this(v).code.clone()),
            set: None,
        },
        GetSetDef {
            name: "f_globals",
            get: |v| Ok(this(v).globals.clone()),
            set: None,
        },
        GetSetDef {
            name: "f_builtins",
            get: |v| Ok(this(v).builtins.clone()),
            set: None,
        },
        GetSetDef {
            name: "f_locals",
            get: |v| Ok(this(v).locals()),
            set: None,
        },
        GetSetDef {
            name: "f_lineno",
            get: |v| Ok(Value::int(this(v).lineno() as i64)),
            set: None,
        },
        GetSetDef {
            name: "f_lasti",
            get: |v| Ok(Value::int(this(v).lasti() as i64 * 2)),
            set: None,
        },
        GetSetDef {
            name: "f_back",
            get: |v| Ok(this(v).back()),
            set: None,
        },
        GetSetDef {
            name: "f_trace",
            get: |_| Ok(Value::NONE),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};
