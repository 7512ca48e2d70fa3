//! `_sre`: the regular-expression engine under the `re` package.
//!
//! `re._compiler` (pure Python) turns a pattern into a list of code words and calls
//! `_sre.compile`, which validates them and builds a `re.Pattern`; matching runs the engine in
//! [`matcher`] over the subject's code units ([`subject`]). Module functions here: `compile`,
//! `template`, `getcodesize`, `ascii_iscased`, `unicode_iscased`, `ascii_tolower`,
//! `unicode_tolower`, and the constants `MAGIC`, `CODESIZE`, `MAXREPEAT`, `MAXGROUPS`.

/// A [`MethodDef`](crate::objects::MethodDef) for an instance method of the types below (the
/// `objects` module's `method!` is not visible from here).
macro_rules! method {
    ($name:literal, $f:expr) => {
        $crate::objects::MethodDef {
            name: $name,
            func: $f,
            kind: $crate::objects::MethodKind::Instance,
            doc: "",
        }
    };
}

pub mod chars;
pub mod match_;
pub mod matcher;
pub mod pattern;
pub mod scanner;
pub mod subject;
pub mod template;

use crate::abi::Value;
use crate::objects::dict::Dict;
use crate::objects::exception::{err, OVERFLOW_ERROR, RUNTIME_ERROR, TYPE_ERROR};
use crate::objects::list::List;
use crate::objects::module::{new_module, Module};
use crate::objects::str::new_str;
use crate::objects::tuple::try_tuple_items;
use crate::objects::PyResult;
use pattern::{new_pattern, Pattern};

/// The code format version `re._compiler` checks (`_constants.MAGIC`).
pub const MAGIC: i64 = 20221023;
/// Bytes per code word.
pub const CODESIZE: i64 = 4;

/// Checks the argument count of a positional-only function.
fn positional<'a>(name: &str, args: &'a [Value], kw: &[Value], n: usize) -> PyResult<&'a [Value]> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        );
    }
    if args.len() != n {
        return err(
            &TYPE_ERROR,
            if n == 1 {
                format!(
                    "_sre.{}() takes exactly one argument ({} given)",
                    name,
                    args.len()
                )
            } else {
                format!("{} expected {} arguments, got {}", name, n, args.len())
            },
        );
    }
    Ok(args)
}

/// A C `int` argument (the `character` of the case helpers).
fn c_int(v: &Value) -> PyResult<u32> {
    if v.is_float() {
        return err(
            &TYPE_ERROR,
            "'float' object cannot be interpreted as an integer",
        );
    }
    let i = crate::ops::number::index(v)?;
    match i.as_small_int() {
        Some(x) if x > i32::MAX as i64 => {
            err(&OVERFLOW_ERROR, "signed integer is greater than maximum")
        }
        Some(x) if x < i32::MIN as i64 => {
            err(&OVERFLOW_ERROR, "signed integer is less than minimum")
        }
        Some(x) => Ok(x as i32 as u32),
        None if crate::objects::int::as_int(&i).is_some_and(|x| x.is_negative()) => {
            err(&OVERFLOW_ERROR, "signed integer is less than minimum")
        }
        None => err(&OVERFLOW_ERROR, "signed integer is greater than maximum"),
    }
}

fn f_getcodesize(_m: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("_sre.getcodesize", args)?;
    Ok(Value::int(CODESIZE))
}

fn f_ascii_iscased(_m: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("ascii_iscased", args, kw, 1)?;
    Ok(Value::bool(chars::ascii_iscased(c_int(&a[0])?)))
}

fn f_unicode_iscased(_m: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("unicode_iscased", args, kw, 1)?;
    Ok(Value::bool(chars::unicode_iscased(c_int(&a[0])?)))
}

fn f_ascii_tolower(_m: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("ascii_tolower", args, kw, 1)?;
    let c = c_int(&a[0])?;
    Ok(Value::int(if c < 128 {
        chars::lower_ascii(c) as i64
    } else {
        c as i32 as i64
    }))
}

fn f_unicode_tolower(_m: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("unicode_tolower", args, kw, 1)?;
    let c = c_int(&a[0])?;
    Ok(Value::int(chars::lower_unicode(c) as i32 as i64))
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn f_compile(_m: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = crate::builtins::args::ArgParser::new("compile", args, kw);
    let pattern = p.required("pattern")?;
    let flags = p.required("flags")?;
    let code = p.required("code")?;
    let groups = p.required("groups")?;
    let groupindex = p.required("groupindex")?;
    let indexgroup = p.required("indexgroup")?;
    p.finish()?;
    let must_be = |name: &str, ty: &str, v: &Value| -> PyResult<()> {
        err(
            &TYPE_ERROR,
            format!(
                "compile() argument '{}' must be {}, not {}",
                name,
                ty,
                v.type_name()
            ),
        )
    };
    let flags = crate::ops::number::index_i64(&flags)?;
    let Some(code_list) = code.downcast_ref::<List>() else {
        must_be("code", "list", &code)?;
        unreachable!()
    };
    let groups = crate::ops::number::index_i64(&groups)?;
    let Some(gi) = groupindex.downcast_ref::<Dict>() else {
        must_be("groupindex", "dict", &groupindex)?;
        unreachable!()
    };
    if try_tuple_items(&indexgroup).is_none() {
        must_be("indexgroup", "tuple", &indexgroup)?;
    }
    let mut words = Vec::with_capacity(code_list.len());
    for w in code_list.to_vec() {
        let n = crate::ops::number::index(&w)?;
        match n.as_small_int() {
            Some(x) if (0..=u32::MAX as i64).contains(&x) => words.push(x as u32),
            Some(x) if x < 0 => {
                return err(&OVERFLOW_ERROR, "can't convert negative int to unsigned")
            }
            _ => {
                return err(
                    &OVERFLOW_ERROR,
                    "regular expression code size limit exceeded",
                )
            }
        }
    }
    let isbytes = if pattern.is_none() {
        -1
    } else {
        subject::Subject::new(&pattern)?.is_bytes as i8
    };
    let (groupindex, indexgroup) = if gi.is_empty() {
        (Value::NULL, Value::NULL)
    } else if try_tuple_items(&indexgroup).is_some_and(|t| t.is_empty()) {
        (groupindex.clone(), Value::NULL)
    } else {
        (groupindex.clone(), indexgroup.clone())
    };
    let prog = if groups < 0 {
        None
    } else {
        matcher::Prog::new(words, groups as usize)
    };
    let Some(prog) = prog else {
        return err(&RUNTIME_ERROR, "invalid SRE code");
    };
    Ok(new_pattern(Pattern {
        prog,
        pattern,
        flags,
        groups: groups as usize,
        groupindex,
        indexgroup,
        isbytes,
    }))
}

/// Creates the `_sre` module.
pub fn create() -> Value {
    let m = new_module("_sre");
    crate::modules::add_functions(
        &m,
        &[
            ("compile", f_compile),
            ("template", template::template),
            ("getcodesize", f_getcodesize),
            ("ascii_iscased", f_ascii_iscased),
            ("unicode_iscased", f_unicode_iscased),
            ("ascii_tolower", f_ascii_tolower),
            ("unicode_tolower", f_unicode_tolower),
        ],
    );
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("MAGIC", Value::int(MAGIC));
    md.set("CODESIZE", Value::int(CODESIZE));
    md.set("MAXREPEAT", Value::int(matcher::MAXREPEAT as i64));
    md.set("MAXGROUPS", Value::int(matcher::MAXGROUPS as i64));
    md.set(
        "copyright",
        new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    );
    m
}
