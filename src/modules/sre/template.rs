//! `_sre.SRE_Template`: a compiled replacement string (`_sre.template`), as
//! `re._parser.parse_template` splits it: literal, group, literal, group, ..., literal.

use std::cell::RefCell;

use super::match_::Match;
use super::pattern::join;
use super::subject::{is_exact_bytes, with_buffer};
use crate::abi::Value;
use crate::objects::bytes::new_bytes;
use crate::objects::exception::{err, raised_matches, INDEX_ERROR, RUNTIME_ERROR, TYPE_ERROR};
use crate::objects::list::List;
use crate::objects::str::{as_str, new_str, STR_TYPE};
use crate::objects::{alloc, dealloc_obj, PyPayload, PyResult, TypeObject};

/// Payload of a template.
pub struct Template {
    /// The leading literal (str or bytes, possibly empty).
    pub literal: Value,
    /// Group number, then the literal that follows it (NULL when empty).
    pub items: Vec<(usize, Value)>,
}

impl PyPayload for Template {
    fn type_object() -> *const TypeObject {
        &TEMPLATE_TYPE
    }
}

/// The `_sre.SRE_Template` type.
pub static TEMPLATE_TYPE: TypeObject = TypeObject {
    name: "_sre.SRE_Template",
    layout: &TEMPLATE_TYPE,
    dealloc: dealloc_obj::<Template>,
    ..TypeObject::EMPTY
};

fn is_empty_literal(v: &Value) -> bool {
    match as_str(v) {
        Some(s) => s.is_empty(),
        None => crate::objects::bytes::as_bytes(v).is_some_and(|b| b.is_empty()),
    }
}

/// `_sre.template(pattern, template)`.
pub fn template(_m: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "template() takes no keyword arguments");
    }
    if args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("template expected 2 arguments, got {}", args.len()),
        );
    }
    let Some(list) = args[1].downcast_ref::<List>() else {
        return err(
            &TYPE_ERROR,
            format!(
                "template() argument 2 must be list, not {}",
                args[1].type_name()
            ),
        );
    };
    let items = list.to_vec();
    if items.len() % 2 == 0 {
        return err(&TYPE_ERROR, "invalid template");
    }
    let mut out = Vec::with_capacity(items.len() / 2);
    for pair in items[1..].chunks(2) {
        let Some(index) = crate::objects::int::as_int(&pair[0]) else {
            return err(&TYPE_ERROR, "an integer is required");
        };
        let index = match index {
            crate::objects::int::IntRef::Small(i) => i,
            crate::objects::int::IntRef::Big(b) if b.is_negative() => -1,
            crate::objects::int::IntRef::Big(_) => {
                return err(
                    &crate::objects::exception::OVERFLOW_ERROR,
                    "Python int too large to convert to C ssize_t",
                )
            }
        };
        if index < 0 {
            return err(&TYPE_ERROR, "invalid template");
        }
        let lit = if is_empty_literal(&pair[1]) {
            Value::NULL
        } else {
            pair[1].clone()
        };
        out.push((index as usize, lit));
    }
    Ok(alloc(
        &TEMPLATE_TYPE,
        Template {
            literal: items[0].clone(),
            items: out,
        },
    ))
}

thread_local! {
    /// `re._compile_template`, looked up once.
    static COMPILE_TEMPLATE: RefCell<Option<Value>> = const { RefCell::new(None) };
}

fn compile_template_fn() -> PyResult<Value> {
    if let Some(f) = COMPILE_TEMPLATE.with(|c| c.borrow().clone()) {
        return Ok(f);
    }
    let re = crate::vm::import::import_module("re")?;
    let f = crate::ops::object::getattr_str(&re, "_compile_template")?;
    COMPILE_TEMPLATE.with(|c| *c.borrow_mut() = Some(f.clone()));
    Ok(f)
}

/// Compiles a replacement string through `re._compile_template(pattern, repl)`.
pub fn compile_template(pattern: &Value, repl: &Value) -> PyResult<Value> {
    let f = compile_template_fn()?;
    let result = match crate::vm::call::call(&f, &[pattern.clone(), repl.clone()], &[]) {
        Err(e) if raised_matches(&TYPE_ERROR) => {
            // An unhashable replacement (e.g. a bytearray): retry with the basic type.
            let basic = if let Some(s) = as_str(repl) {
                if std::ptr::eq(repl.ty(), &STR_TYPE) {
                    return Err(e);
                }
                crate::vm::thread::take_raised();
                new_str(&s)
            } else if let Some(b) = with_buffer(repl, new_bytes) {
                if is_exact_bytes(repl) {
                    return Err(e);
                }
                crate::vm::thread::take_raised();
                b?
            } else {
                return Err(e);
            };
            crate::vm::call::call(&f, &[pattern.clone(), basic], &[])?
        }
        r => r?,
    };
    if result.downcast_ref::<Template>().is_none() {
        return err(
            &RUNTIME_ERROR,
            format!(
                "the result of compiling a replacement string is {:.200}",
                result.type_name()
            ),
        );
    }
    Ok(result)
}

/// The replacement for one match: the template's literals with the groups filled in.
pub fn expand_template(template: &Value, m: &Value) -> PyResult<Value> {
    let t = template.downcast_ref::<Template>().unwrap();
    if t.items.is_empty() {
        return Ok(t.literal.clone());
    }
    let mm = m.downcast_ref::<Match>().unwrap();
    let mut out = Vec::with_capacity(1 + 2 * t.items.len());
    out.push(t.literal.clone());
    for (index, lit) in &t.items {
        if *index >= mm.ngroups() {
            return err(&INDEX_ERROR, "no such group");
        }
        let g = mm.group_by_index(*index, &Value::NONE);
        if !g.is_none() {
            out.push(g);
        }
        if !lit.is_null() {
            out.push(lit.clone());
        }
    }
    join(&out, as_str(&t.literal).is_none())
}
