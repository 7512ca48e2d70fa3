//! The methods of `str` (`split`, `join`, `strip`, ...), kept apart from the type's core slots.

use crate::abi::Value;
use crate::builtins::args::exactly_one;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::list::new_list;
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::{MethodDef, MethodKind, PyResult};

fn this(v: &Value) -> crate::objects::str::StrRef<'_> {
    as_str(v).expect("str method on a non-str")
}

fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<crate::objects::str::StrRef<'a>> {
    match as_str(v) {
        Some(s) => Ok(s),
        None => err(
            &TYPE_ERROR,
            format!("{} must be str, not {}", what, v.type_name()),
        ),
    }
}

fn m_join(s: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = crate::ops::sequence::collect(exactly_one("join", args)?)?;
    let sep = this(s);
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match as_str(x) {
            Some(t) => out.push_str(&t),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "sequence item {}: expected str instance, {} found",
                        i,
                        x.type_name()
                    ),
                )
            }
        }
    }
    Ok(from_string(out))
}

fn m_split(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = crate::builtins::args::ArgParser::new("split", args, kw);
    let sep = p.optional("sep")?.filter(|v| !v.is_none());
    let maxsplit = match p.optional("maxsplit")? {
        Some(m) => crate::ops::number::index_i64(&m)?,
        None => -1,
    };
    p.finish()?;
    let text = this(s);
    let parts: Vec<Value> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = text.trim_start();
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(new_str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(new_str(&rest[..end]));
                rest = rest[end..].trim_start();
                n += 1;
            }
            out
        }
        Some(sepv) => {
            let sep = str_arg(&sepv, "must be str or None")?;
            if sep.is_empty() {
                return err(&crate::objects::exception::VALUE_ERROR, "empty separator");
            }
            if maxsplit < 0 {
                text.split(&*sep).map(new_str).collect()
            } else {
                text.splitn(maxsplit as usize + 1, &*sep)
                    .map(new_str)
                    .collect()
            }
        }
    };
    Ok(new_list(parts))
}

fn strip_chars(args: &[Value]) -> PyResult<Option<Vec<char>>> {
    match args.first() {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => Ok(Some(str_arg(v, "strip arg")?.chars().collect())),
    }
}

fn m_strip(s: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(s);
    Ok(new_str(match strip_chars(args)? {
        None => t.trim(),
        Some(cs) => t.trim_matches(|c| cs.contains(&c)),
    }))
}

fn m_lstrip(s: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(s);
    Ok(new_str(match strip_chars(args)? {
        None => t.trim_start(),
        Some(cs) => t.trim_start_matches(|c| cs.contains(&c)),
    }))
}

fn m_rstrip(s: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(s);
    Ok(new_str(match strip_chars(args)? {
        None => t.trim_end(),
        Some(cs) => t.trim_end_matches(|c| cs.contains(&c)),
    }))
}

fn m_lower(s: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(from_string(this(s).to_lowercase()))
}

fn m_upper(s: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(from_string(this(s).to_uppercase()))
}

fn affix(s: &Value, args: &[Value], name: &str, test: fn(&str, &str) -> bool) -> PyResult<Value> {
    let t = this(s);
    let Some(a) = args.first() else {
        return err(
            &TYPE_ERROR,
            format!("{}() takes at least 1 argument (0 given)", name),
        );
    };
    if let Some(items) = crate::objects::tuple::try_tuple_items(a) {
        for x in items {
            if test(
                &t,
                &str_arg(x, "tuple for startswith must only contain str, not")?,
            ) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match as_str(a) {
        Some(p) => Ok(Value::bool(test(&t, &p))),
        None => err(
            &TYPE_ERROR,
            format!(
                "{} first arg must be str or a tuple of str, not {}",
                name,
                a.type_name()
            ),
        ),
    }
}

fn m_startswith(s: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    affix(s, args, "startswith", |t, p| t.starts_with(p))
}

fn m_endswith(s: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    affix(s, args, "endswith", |t, p| t.ends_with(p))
}

fn m_replace(s: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() < 2 || args.len() > 3 {
        return err(
            &TYPE_ERROR,
            format!("replace expected at least 2 arguments, got {}", args.len()),
        );
    }
    let old = str_arg(&args[0], "replace() argument 1")?;
    let new = str_arg(&args[1], "replace() argument 2")?;
    let count = match args.get(2) {
        Some(c) => crate::ops::number::index_i64(c)?,
        None => -1,
    };
    let t = this(s);
    Ok(from_string(if count < 0 {
        t.replace(&*old, &new)
    } else {
        t.replacen(&*old, &new, count as usize)
    }))
}

fn m_find(s: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let needle = str_arg(
        exactly_one("find", &args[..args.len().min(1)])?,
        "find() argument",
    )?;
    let t = this(s);
    Ok(Value::int(match t.find(&*needle) {
        Some(b) => t[..b].chars().count() as i64,
        None => -1,
    }))
}

fn m_format(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::objects::str_format::str_format(s, args, kw)
}

macro_rules! method {
    ($name:literal, $f:expr) => {
        MethodDef {
            name: $name,
            func: $f,
            kind: MethodKind::Instance,
            doc: "",
        }
    };
}

/// The methods of `str`.
pub static STR_METHODS: &[MethodDef] = &[
    method!("join", m_join),
    method!("split", m_split),
    method!("strip", m_strip),
    method!("lstrip", m_lstrip),
    method!("rstrip", m_rstrip),
    method!("lower", m_lower),
    method!("upper", m_upper),
    method!("startswith", m_startswith),
    method!("endswith", m_endswith),
    method!("replace", m_replace),
    method!("find", m_find),
    method!("format", m_format),
];
