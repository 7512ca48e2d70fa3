//! `_string`: the format-string parsers `string.Formatter` is built on
//! (`formatter_parser`, `formatter_field_name_split`). Both reuse `str.format`'s parser in
//! [`crate::objects::str_format`], so the two cannot disagree; like CPython, they parse lazily
//! (a malformed field raises when the iterator reaches it).

use std::cell::Cell;

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::module::new_module;
use crate::objects::str::{as_str, from_string};
use crate::objects::str_format::{next_field_part, next_markup, split_field_name};
use crate::objects::tuple::new_tuple;
use crate::objects::{alloc, dealloc_obj, PyPayload, PyResult, TypeObject};

/// Payload of both iterators: the text (as chars, as the parser wants) and the position.
pub struct ParseIter {
    text: Vec<char>,
    pos: Cell<usize>,
}

impl PyPayload for ParseIter {
    fn type_object() -> *const TypeObject {
        &FORMATTER_ITER_TYPE
    }
}

fn chars_to_value(c: &[char]) -> Value {
    from_string(c.iter().collect())
}

fn str_arg(args: &[Value], name: &str) -> PyResult<Vec<char>> {
    let x = crate::builtins::args::exactly_one(name, args)?;
    match as_str(x) {
        Some(s) => Ok(s.chars().collect()),
        None => err(&TYPE_ERROR, format!("expected str, got {}", x.type_name())),
    }
}

/// `formatter_parser(s)`: an iterator of `(literal, field_name, format_spec, conversion)`.
fn f_formatter_parser(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let text = str_arg(args, "formatter_parser")?;
    Ok(alloc(
        &FORMATTER_ITER_TYPE,
        ParseIter {
            text,
            pos: Cell::new(0),
        },
    ))
}

fn formatter_next(v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast_ref::<ParseIter>().unwrap();
    let mut pos = it.pos.get();
    if pos >= it.text.len() {
        return Ok(None);
    }
    let r = next_markup(&it.text, &mut pos);
    it.pos.set(pos);
    let (literal, field) = r?;
    let item = match field {
        None => vec![
            chars_to_value(literal),
            Value::NONE,
            Value::NONE,
            Value::NONE,
        ],
        Some(f) => vec![
            chars_to_value(literal),
            chars_to_value(f.name),
            chars_to_value(f.spec),
            match f.conversion {
                Some(c) => crate::objects::str::from_char(c),
                None => Value::NONE,
            },
        ],
    };
    Ok(Some(new_tuple(item)))
}

/// The iterator `formatter_parser` returns.
pub static FORMATTER_ITER_TYPE: TypeObject = TypeObject {
    name: "formatteriterator",
    layout: &FORMATTER_ITER_TYPE,
    dealloc: dealloc_obj::<ParseIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(formatter_next),
    ..TypeObject::EMPTY
};

/// `formatter_field_name_split(name)`: `(first, rest)` where `first` is an int when it is all
/// digits and `rest` iterates over `(is_attr, key)` pairs.
fn f_field_name_split(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = str_arg(args, "formatter_field_name_split")?;
    let (first, index, rest) = split_field_name(&name)?;
    let first_v = match index {
        Some(i) => Value::int(i as i64),
        None => chars_to_value(first),
    };
    let rest = alloc(
        &FIELD_NAME_ITER_TYPE,
        ParseIter {
            text: rest.to_vec(),
            pos: Cell::new(0),
        },
    );
    Ok(new_tuple(vec![first_v, rest]))
}

fn field_name_next(v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast_ref::<ParseIter>().unwrap();
    let mut pos = it.pos.get();
    let r = next_field_part(&it.text, &mut pos);
    it.pos.set(pos);
    Ok(r?.map(|(is_attr, part, idx)| {
        let key = match idx {
            Some(i) => Value::int(i as i64),
            None => chars_to_value(part),
        };
        new_tuple(vec![Value::bool(is_attr), key])
    }))
}

/// The iterator over the rest of a field name.
pub static FIELD_NAME_ITER_TYPE: TypeObject = TypeObject {
    name: "fieldnameiterator",
    layout: &FORMATTER_ITER_TYPE,
    dealloc: dealloc_obj::<ParseIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(field_name_next),
    ..TypeObject::EMPTY
};

/// Creates the `_string` module.
pub fn create() -> Value {
    let m = new_module("_string");
    crate::modules::add_functions(
        &m,
        &[
            ("formatter_parser", f_formatter_parser),
            ("formatter_field_name_split", f_field_name_split),
        ],
    );
    m
}
