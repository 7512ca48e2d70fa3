//! `bool`: a subtype of `int` with the two values `True` and `False`, inline in the Value.

use crate::abi::Value;
use crate::objects::int::{INT_NB, INT_SLOTS, INT_TYPE};
use crate::objects::none::not_implemented;
use crate::objects::{BinaryFn, NbOp, PyResult, TypeObject, NB_COUNT};

fn bool_bitop(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    if a.is_bool() && b.is_bool() {
        let (x, y) = (a.payload != 0, b.payload != 0);
        return Ok(Value::bool(match op {
            NbOp::And => x & y,
            NbOp::Or => x | y,
            _ => x ^ y,
        }));
    }
    match INT_NB[op as usize] {
        Some(f) => f(a, b),
        None => Ok(not_implemented()),
    }
}

const BOOL_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb = INT_NB;
    nb[NbOp::And as usize] = Some(|a, b| bool_bitop(a, b, NbOp::And));
    nb[NbOp::Or as usize] = Some(|a, b| bool_bitop(a, b, NbOp::Or));
    nb[NbOp::Xor as usize] = Some(|a, b| bool_bitop(a, b, NbOp::Xor));
    nb
};

/// The `bool` type.
pub static BOOL_TYPE: TypeObject = TypeObject {
    name: "bool",
    base: &INT_TYPE,
    layout: &INT_TYPE,
    repr: Some(|v| {
        Ok(crate::objects::str::new_str(if v.payload != 0 {
            "True"
        } else {
            "False"
        }))
    }),
    nb: BOOL_NB,
    new: Some(|_, args, kw| {
        if !kw.is_empty() {
            return crate::objects::exception::err(
                &crate::objects::exception::TYPE_ERROR,
                "bool() takes no keyword arguments",
            );
        }
        match args.len() {
            0 => Ok(Value::FALSE),
            1 => crate::ops::object::truthy(&args[0]).map(Value::bool),
            n => crate::objects::exception::err(
                &crate::objects::exception::TYPE_ERROR,
                format!("bool expected at most 1 argument, got {}", n),
            ),
        }
    }),
    ..INT_SLOTS
};
