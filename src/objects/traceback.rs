//! `traceback`: one entry per frame an exception passed through (code, instruction, line).
//!
//! An entry records its activation (code, namespaces and arena base) rather than a frame object;
//! `tb_frame` makes the [`crate::objects::frame::FrameObject`] on first use.

use std::cell::UnsafeCell;

use crate::abi::Value;
use crate::objects::{alloc, dealloc_obj, GetSetDef, PyPayload, TypeObject};

/// Payload: the next (inner) entry, the frame's code and the failing instruction.
pub struct Traceback {
    pub next: Value,
    pub code: Value,
    pub lasti: usize,
    pub lineno: u32,
    /// The activation the entry is for.
    pub activation: crate::objects::frame::Activation,
    /// Its namespace (module and class bodies) or a snapshot of its locals (NULL: none).
    pub locals: Value,
    /// The frame object, once `tb_frame` was read (NULL until then).
    frame: UnsafeCell<Value>,
}

impl PyPayload for Traceback {
    fn type_object() -> *const TypeObject {
        &TRACEBACK_TYPE
    }
}

/// A traceback entry for the activation `f` (stopped at its `lasti`) in front of `next` (NULL
/// for the innermost); `locals` as [`Traceback::locals`].
pub fn new_traceback(next: Value, f: &crate::vm::frame::Frame, locals: Value) -> Value {
    alloc(
        &TRACEBACK_TYPE,
        Traceback {
            next,
            code: f.function().code_value(),
            lasti: f.lasti,
            lineno: f.code().line_at(f.lasti),
            activation: crate::objects::frame::Activation::of(f),
            locals,
            frame: UnsafeCell::new(Value::NULL),
        },
    )
}

impl Traceback {
    /// `tb_frame`.
    pub fn frame(&self) -> Value {
        // SAFETY: single-threaded; the cell is replaced, never borrowed across calls.
        let cached = unsafe { (*self.frame.get()).clone() };
        if !cached.is_null() {
            return cached;
        }
        let f = crate::objects::frame::new_frame_object(
            self.activation.clone(),
            self.lasti,
            self.lineno,
            self.locals.clone(),
        );
        // SAFETY: as above.
        unsafe { *self.frame.get() = f.clone() };
        f
    }
}

fn this(v: &Value) -> &Traceback {
    v.downcast_ref::<Traceback>().unwrap()
}

/// The `traceback` type.
pub static TRACEBACK_TYPE: TypeObject = TypeObject {
    name: "traceback",
    layout: &TRACEBACK_TYPE,
    dealloc: dealloc_obj::<Traceback>,
    getsets: &[
        GetSetDef {
            name: "tb_next",
            get: |v| {
                Ok(if this(v).next.is_null() {
                    Value::NONE
                } else {
                    this(v).next.clone()
                })
            },
            set: None,
        },
        GetSetDef {
            name: "tb_frame",
            get: |v| Ok(this(v).frame()),
            set: None,
        },
        GetSetDef {
            name: "tb_lineno",
            get: |v| Ok(Value::int(this(v).lineno as i64)),
            set: None,
        },
        GetSetDef {
            name: "tb_lasti",
            get: |v| Ok(Value::int(this(v).lasti as i64 * 2)),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};
