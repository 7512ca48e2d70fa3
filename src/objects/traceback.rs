//! `traceback`: one entry per frame an exception passed through (code, instruction, line).

use crate::abi::Value;
use crate::objects::{alloc, dealloc_obj, GetSetDef, PyPayload, TypeObject};

/// Payload: the next (inner) entry, the frame's code and the failing instruction.
pub struct Traceback {
    pub next: Value,
    pub code: Value,
    pub lasti: usize,
    pub lineno: u32,
}

impl PyPayload for Traceback {
    fn type_object() -> *const TypeObject {
        &TRACEBACK_TYPE
    }
}

/// A traceback entry in front of `next` (NULL for the innermost).
pub fn new_traceback(next: Value, code: Value, lasti: usize, lineno: u32) -> Value {
    alloc(
        &TRACEBACK_TYPE,
        Traceback {
            next,
            code,
            lasti,
            lineno,
        },
    )
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
