//! `cell`: a closure variable shared between a function and its nested functions.

use std::cell::UnsafeCell;

use crate::abi::Value;
use crate::objects::{alloc, dealloc_obj, PyPayload, TypeObject};

/// Payload: the variable's value (NULL when unbound).
pub struct Cell {
    value: UnsafeCell<Value>,
}

impl PyPayload for Cell {
    fn type_object() -> *const TypeObject {
        &CELL_TYPE
    }
}

impl Cell {
    /// The current value (NULL when unbound).
    pub fn get(&self) -> Value {
        // SAFETY: single-threaded; the cell is only replaced, never borrowed across calls.
        unsafe { (*self.value.get()).clone() }
    }
    /// Replaces the value (NULL to unbind).
    pub fn set(&self, v: Value) {
        // SAFETY: as above; the old value drops after the store.
        let _old = unsafe { std::mem::replace(&mut *self.value.get(), v) };
    }
}

/// A new cell holding `v` (NULL for an empty cell).
pub fn new_cell(v: Value) -> Value {
    alloc(
        &CELL_TYPE,
        Cell {
            value: UnsafeCell::new(v),
        },
    )
}

/// The `cell` type.
pub static CELL_TYPE: TypeObject = TypeObject {
    name: "cell",
    layout: &CELL_TYPE,
    dealloc: dealloc_obj::<Cell>,
    getsets: &[crate::objects::GetSetDef {
        name: "cell_contents",
        get: |v| {
            let c = v.downcast_ref::<Cell>().unwrap().get();
            if c.is_null() {
                return crate::objects::exception::err(
                    &crate::objects::exception::VALUE_ERROR,
                    "Cell is empty",
                );
            }
            Ok(c)
        },
        set: Some(|v, x| {
            v.downcast_ref::<Cell>()
                .unwrap()
                .set(x.unwrap_or(Value::NULL));
            Ok(())
        }),
    }],
    ..TypeObject::EMPTY
};
