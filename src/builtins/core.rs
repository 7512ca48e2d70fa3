//! The built-in functions (`print`, `len`, `min`, `sorted`, ...) and the helpers the eval loop
//! shares with them (`format`, `ascii`).

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::dict::Dict;
use crate::objects::exception::{err, raised_matches, STOP_ITERATION, TYPE_ERROR, VALUE_ERROR};
use crate::objects::int::{as_int, IntRef};
use crate::objects::list::{new_list, sort_values};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{CmpOp, NbOp, PyResult, TypeObject};
use crate::ops;
use crate::vm::thread;

/// `ascii(v)`: `repr` with non-ASCII characters escaped.
pub fn ascii_of(v: &Value) -> PyResult<Value> {
    let r = ops::object::repr(v)?;
    let s = as_str(&r).unwrap();
    if s.is_ascii() {
        return Ok(r.clone());
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{:02x}", cp));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{:04x}", cp));
        } else {
            out.push_str(&format!("\\U{:08x}", cp));
        }
    }
    Ok(from_string(out))
}

/// `format(v, spec)` for the built-in types; others use `__format__` when they define one.
pub fn format(v: &Value, spec: &Value) -> PyResult<Value> {
    let Some(spec_s) = as_str(spec) else {
        return err(
            &TYPE_ERROR,
            format!("format() argument 2 must be str, not {}", spec.type_name()),
        );
    };
    if let Some(m) = v.ty().lookup_str("__format__") {
        if m.downcast_ref::<crate::objects::function::Function>()
            .is_some()
        {
            let r = crate::vm::call::call(&m, &[v.clone(), spec.clone()], &[])?;
            if as_str(&r).is_none() {
                return err(
                    &TYPE_ERROR,
                    format!("__format__ must return a str, not {}", r.type_name()),
                );
            }
            return Ok(r);
        }
    }
    let tname = v.type_name();
    let fmt_err = crate::objects::exception::raise_format;
    if let Some(i) = as_int(v) {
        if v.is_bool() && spec_s.is_empty() {
            return ops::object::str_of(v);
        }
        let spec = crate::format::FormatSpec::parse(&spec_s, tname).map_err(fmt_err)?;
        let r = match &i {
            IntRef::Small(x) => crate::format::format_int(
                crate::format::IntRef::Small(*x),
                &spec,
                tname,
                crate::modules::sys::int_max_str_digits(),
            ),
            IntRef::Big(b) => crate::format::format_int(
                crate::format::IntRef::Big(b),
                &spec,
                tname,
                crate::modules::sys::int_max_str_digits(),
            ),
        };
        return r.map(from_string).map_err(fmt_err);
    }
    if let Some(f) = v.as_float() {
        let spec = crate::format::FormatSpec::parse(&spec_s, tname).map_err(fmt_err)?;
        return crate::format::format_float(f, &spec, tname)
            .map(from_string)
            .map_err(fmt_err);
    }
    if let Some(s) = as_str(v) {
        let spec = crate::format::FormatSpec::parse(&spec_s, tname).map_err(fmt_err)?;
        return crate::format::format_str(&s, &spec, tname)
            .map(from_string)
            .map_err(fmt_err);
    }
    if let Some(c) = v.downcast_ref::<crate::objects::complex::Complex>() {
        let spec = crate::format::FormatSpec::parse(&spec_s, tname).map_err(fmt_err)?;
        return crate::format::format_complex(c.re, c.im, &spec, tname)
            .map(from_string)
            .map_err(fmt_err);
    }
    if spec_s.is_empty() {
        return ops::object::str_of(v);
    }
    err(
        &TYPE_ERROR,
        format!("unsupported format string passed to {}.__format__", tname),
    )
}

/// A callable's name for messages such as "f() argument after * must be an iterable".
pub fn callable_name(f: &Value) -> String {
    if let Some(func) = f.downcast_ref::<crate::objects::function::Function>() {
        // As CPython's `_PyObject_FunctionStr`: qualified by the module unless builtins.
        let q = as_str(&func.qualname())
            .map(|s| s.to_string())
            .unwrap_or_default();
        let m = ops::object::getattr_str(f, "__module__").ok();
        return match m.as_ref().and_then(|m| as_str(m).map(|s| s.to_string())) {
            Some(m) if m != "builtins" => format!("{}.{}()", m, q),
            _ => format!("{}()", q),
        };
    }
    if let Some(b) = f.downcast_ref::<crate::objects::builtin_function::BuiltinFunction>() {
        return format!("{}()", b.name);
    }
    if let Some(t) = ops::object::as_type(f) {
        return format!("{}()", t.name);
    }
    format!("{} object", f.type_name())
}

/// `DICT_MERGE` for `f(**kw)`: like `update` but rejecting duplicate keywords.
pub fn dict_merge_kwargs(d: &Dict, other: &Value, func: &Value) -> PyResult<()> {
    let pairs: Vec<(Value, Value)> = match other.downcast_ref::<Dict>() {
        Some(o) => o.items(),
        None => {
            let Some(keys) = ops::object::getattr_opt(other, &new_str("keys"))? else {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "{} argument after ** must be a mapping, not {}",
                        callable_name(func),
                        other.type_name()
                    ),
                );
            };
            let ks = crate::vm::call::call(&keys, &[], &[])?;
            let mut v = Vec::new();
            for k in ops::sequence::collect(&ks)? {
                let x = ops::sequence::getitem(other, &k)?;
                v.push((k, x));
            }
            v
        }
    };
    for (k, v) in pairs {
        if as_str(&k).is_none() {
            return err(&TYPE_ERROR, "keywords must be strings");
        }
        if d.get_item(&k)?.is_some() {
            return err(
                &TYPE_ERROR,
                format!(
                    "{} got multiple values for keyword argument '{}'",
                    callable_name(func),
                    &*as_str(&k).unwrap()
                ),
            );
        }
        d.set_item(k, v)?;
    }
    Ok(())
}

/// `MAKE_FUNCTION`'s annotations (a tuple of name/value pairs in 3.12) as a dict.
pub fn annotations_dict(a: Value) -> Value {
    if let Some(items) = try_tuple_items(&a) {
        let d = crate::objects::dict::new_dict();
        let dd = d.downcast_ref::<Dict>().unwrap();
        for pair in items.chunks(2) {
            if pair.len() == 2 {
                let _ = dd.set_item(pair[0].clone(), pair[1].clone());
            }
        }
        return d;
    }
    a
}

/// Writes values separated by spaces plus a newline to stdout (`print(*values)`).
pub fn print_values(values: &[Value]) -> PyResult<()> {
    let mut s = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&ops::object::str_string(v)?);
    }
    s.push('\n');
    crate::modules::sys::write_stdout(&s)
}

fn b_print(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut sep = None;
    let mut end = None;
    let mut file = Value::NONE;
    let mut flush = false;
    for (i, k) in kwnames.iter().enumerate() {
        let v = &args[npos + i];
        match as_str(k).as_deref() {
            Some("sep") => sep = Some(v.clone()),
            Some("end") => end = Some(v.clone()),
            Some("file") => file = v.clone(),
            Some("flush") => flush = ops::object::truthy(v)?,
            Some(other) => {
                return err(
                    &TYPE_ERROR,
                    format!("'{}' is an invalid keyword argument for print()", other),
                )
            }
            None => return err(&TYPE_ERROR, "keywords must be strings"),
        }
    }
    let text_arg = |v: Option<Value>, name: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) if v.is_none() => Ok(default.to_string()),
            Some(v) => match as_str(&v) {
                Some(s) => Ok(s.to_string()),
                None => err(
                    &TYPE_ERROR,
                    format!("{} must be None or a string, not {}", name, v.type_name()),
                ),
            },
        }
    };
    let sep = text_arg(sep, "sep", " ")?;
    let end = text_arg(end, "end", "\n")?;
    let std_fd = if file.is_none() {
        match crate::modules::sys::print_target() {
            crate::modules::sys::PrintTarget::Std(fd) => fd,
            crate::modules::sys::PrintTarget::File(f) => {
                file = f;
                0
            }
            // CPython: with `sys.stdout` None, print does nothing.
            crate::modules::sys::PrintTarget::Nothing => return Ok(Value::NONE),
            crate::modules::sys::PrintTarget::Lost => {
                return err(&crate::objects::exception::RUNTIME_ERROR, "lost sys.stdout")
            }
        }
    } else {
        crate::modules::io::textio::std_fd_of(&file)
    };
    if std_fd != 0 {
        // The standard streams: one string into the shared buffer (what was formatted before
        // a failing `str()` is still written, as CPython's piecewise writes would).
        let mut s = String::new();
        let mut failed = None;
        for (i, v) in args[..npos].iter().enumerate() {
            if i > 0 {
                s.push_str(&sep);
            }
            match ops::object::str_string(v) {
                Ok(t) => s.push_str(&t),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        if failed.is_none() {
            s.push_str(&end);
        }
        match std_fd {
            2 => crate::modules::sys::write_stderr(&s)?,
            _ => crate::modules::sys::write_stdout(&s)?,
        }
        if let Some(e) = failed {
            return Err(e);
        }
        if flush {
            crate::modules::sys::flush_stdout()?;
        }
    } else {
        // Any other file: one `write()` per piece, as CPython.
        let w = ops::object::getattr_str(&file, "write")?;
        for (i, v) in args[..npos].iter().enumerate() {
            if i > 0 {
                crate::vm::call::call(&w, &[new_str(&sep)], &[])?;
            }
            crate::vm::call::call(&w, &[ops::object::str_of(v)?], &[])?;
        }
        crate::vm::call::call(&w, &[new_str(&end)], &[])?;
        if flush {
            let f = ops::object::getattr_str(&file, "flush")?;
            crate::vm::call::call(&f, &[], &[])?;
        }
    }
    Ok(Value::NONE)
}

fn one<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        );
    }
    if args.len() != 1 {
        return err(
            &TYPE_ERROR,
            format!(
                "{}() takes exactly one argument ({} given)",
                name,
                args.len()
            ),
        );
    }
    Ok(&args[0])
}

pub(crate) fn b_len(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one("len", args, kw)?;
    Ok(Value::int(ops::sequence::len(v)? as i64))
}

fn b_repr(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::object::repr(one("repr", args, kw)?)
}

fn b_ascii(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ascii_of(one("ascii", args, kw)?)
}

fn b_abs(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one("abs", args, kw)?;
    if let Some(i) = v.as_small_int() {
        if i != i64::MIN {
            return Ok(Value::int(i.abs()));
        }
    }
    if let Some(f) = v.as_float() {
        return Ok(Value::float(f.abs()));
    }
    ops::number::abs(v)
}

fn b_hash(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(ops::object::hash(one("hash", args, kw)?)?))
}

fn b_id(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one("id", args, kw)?;
    Ok(crate::objects::int::from_i128(if v.is_obj() {
        v.payload as i128
    } else {
        // Inline values have no address: derive a stable id from their bits.
        ((v.tag as i128) << 64 | v.payload as i128) & 0x7fff_ffff_ffff_ffff_ffff_ffff
    }))
}

/// `callable(v)`.
pub fn is_callable(v: &Value) -> bool {
    v.ty().call.is_some()
        || v.downcast_ref::<crate::objects::function::Function>()
            .is_some()
}

fn b_callable(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one("callable", args, kw)?;
    Ok(Value::bool(is_callable(v)))
}

fn b_chr(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one("chr", args, kw)?;
    if v.as_float().is_some() {
        return err(
            &TYPE_ERROR,
            "'float' object cannot be interpreted as an integer",
        );
    }
    let i = ops::number::index(v)?;
    match i
        .as_small_int()
        .and_then(|x| u32::try_from(x).ok())
        .filter(|&x| x <= 0x10ffff)
    {
        Some(c) => match char::from_u32(c) {
            Some(ch) => Ok(crate::objects::str::from_char(ch)),
            None => err(&VALUE_ERROR, "surrogate code points are not supported"),
        },
        None => {
            if i.as_small_int().is_none() {
                return err(
                    &crate::objects::exception::OVERFLOW_ERROR,
                    "Python int too large to convert to C int",
                );
            }
            err(&VALUE_ERROR, "chr() arg not in range(0x110000)")
        }
    }
}

fn b_ord(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one("ord", args, kw)?;
    if let Some(s) = as_str(v) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::int(c as i64)),
            _ => err(
                &TYPE_ERROR,
                format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                ),
            ),
        };
    }
    if let Some(b) = crate::objects::bytes::as_bytes(v) {
        if b.len() == 1 {
            return Ok(Value::int(b[0] as i64));
        }
        return err(
            &TYPE_ERROR,
            format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            ),
        );
    }
    err(
        &TYPE_ERROR,
        format!(
            "ord() expected string of length 1, but {} found",
            v.type_name()
        ),
    )
}

fn radix(name: &str, args: &[Value], kw: &[Value], base: u32) -> PyResult<Value> {
    let v = one(name, args, kw)?;
    let i = ops::number::index(v)?;
    let s = match as_int(&i).unwrap() {
        IntRef::Small(x) => crate::format::int_to_prefixed(crate::format::IntRef::Small(x), base),
        IntRef::Big(b) => crate::format::int_to_prefixed(crate::format::IntRef::Big(b), base),
    };
    Ok(from_string(s))
}

fn b_hex(_: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    radix("hex", a, k, 16)
}
fn b_oct(_: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    radix("oct", a, k, 8)
}
fn b_bin(_: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    radix("bin", a, k, 2)
}

fn b_divmod(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "divmod() takes no keyword arguments");
    }
    if args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("divmod expected 2 arguments, got {}", args.len()),
        );
    }
    let (a, b) = (&args[0], &args[1]);
    if (a.as_float().is_some() || b.as_float().is_some())
        && crate::objects::float::coerce(b).ok().flatten() == Some(0.0)
        && crate::objects::float::coerce(a).ok().flatten().is_some()
    {
        return err(
            &crate::objects::exception::ZERO_DIVISION_ERROR,
            "float divmod()",
        );
    }
    let q = match ops::number::binary_op(a, b, NbOp::FloorDiv) {
        Ok(q) => q,
        Err(e) => {
            if raised_matches(&TYPE_ERROR) {
                thread::take_raised();
                return err(
                    &TYPE_ERROR,
                    format!(
                        "unsupported operand type(s) for divmod(): '{}' and '{}'",
                        a.type_name(),
                        b.type_name()
                    ),
                );
            }
            return Err(e);
        }
    };
    let r = ops::number::binary_op(a, b, NbOp::Rem)?;
    Ok(new_tuple(vec![q, r]))
}

fn b_pow(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("pow", args, kw);
    let base = p.required("base")?;
    let exp = p.required("exp")?;
    let m = p.optional("mod")?;
    p.finish()?;
    match m {
        None => ops::number::binary_op(&base, &exp, NbOp::Pow),
        Some(m) if m.is_none() => ops::number::binary_op(&base, &exp, NbOp::Pow),
        Some(m) => crate::objects::int::pow_mod(&base, &exp, &m),
    }
}

fn b_round(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("round", args, kw);
    let x = p.required("number")?;
    let nd = p.optional("ndigits")?;
    p.finish()?;
    crate::objects::float::round_value(&x, nd.filter(|n| !n.is_none()))
}

/// `min()` / `max()` over arguments or one iterable, with `key` and `default`.
fn min_max(name: &str, args: &[Value], kw: &[Value], op: CmpOp) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    let mut key = Value::NONE;
    let mut default = None;
    for (i, k) in kw.iter().enumerate() {
        match as_str(k).as_deref() {
            Some("key") => key = args[npos + i].clone(),
            Some("default") => default = Some(args[npos + i].clone()),
            Some(other) => {
                return err(
                    &TYPE_ERROR,
                    format!("'{}' is an invalid keyword argument for {}()", other, name),
                )
            }
            None => return err(&TYPE_ERROR, "keywords must be strings"),
        }
    }
    let items: Vec<Value> = match npos {
        0 => {
            return err(
                &TYPE_ERROR,
                format!("{} expected at least 1 argument, got 0", name),
            )
        }
        1 => ops::sequence::collect(&args[0])?,
        _ => {
            if default.is_some() {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "Cannot specify a default for {}() with multiple positional arguments",
                        name
                    ),
                );
            }
            args[..npos].to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = if key.is_none() {
            x.clone()
        } else {
            crate::vm::call::call(&key, std::slice::from_ref(&x), &[])?
        };
        best = match best {
            None => Some((k, x)),
            Some((bk, bx)) => {
                if ops::compare::compare_bool(&k, &bk, op)? {
                    Some((k, x))
                } else {
                    Some((bk, bx))
                }
            }
        };
    }
    match best {
        Some((_, x)) => Ok(x),
        None => match default {
            Some(d) => Ok(d),
            None => err(
                &VALUE_ERROR,
                format!("{}() iterable argument is empty", name),
            ),
        },
    }
}

fn b_min(_: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    min_max("min", a, k, CmpOp::Lt)
}
fn b_max(_: &Value, a: &[Value], k: &[Value]) -> PyResult<Value> {
    min_max("max", a, k, CmpOp::Gt)
}

fn b_sum(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("sum", args, kw);
    let it = p.required("iterable")?;
    let start = p.optional("start")?.unwrap_or(Value::int(0));
    p.finish()?;
    if as_str(&start).is_some() {
        return err(
            &TYPE_ERROR,
            "sum() can't sum strings [use ''.join(seq) instead]",
        );
    }
    if crate::objects::bytes::as_bytes(&start).is_some() {
        return err(
            &TYPE_ERROR,
            "sum() can't sum bytes [use b''.join(seq) instead]",
        );
    }
    let iter = ops::sequence::iter(&it)?;
    let mut acc = start;
    // Float sums use compensated summation like CPython's (Neumaier).
    while let Some(x) = ops::sequence::next(&iter)? {
        if let (Some(a), Some(b)) = (acc.as_float(), x.as_float()) {
            let mut total = a + b;
            let mut comp = if a.abs() >= b.abs() {
                (a - total) + b
            } else {
                (b - total) + a
            };
            while let Some(y) = ops::sequence::next(&iter)? {
                let Some(fy) = y.as_float().or_else(|| {
                    if y.is_int() {
                        Some(y.as_int_unchecked() as f64)
                    } else {
                        None
                    }
                }) else {
                    acc = ops::number::binary_op(&Value::float(total + comp), &y, NbOp::Add)?;
                    comp = f64::NAN;
                    break;
                };
                let t = total + fy;
                comp += if total.abs() >= fy.abs() {
                    (total - t) + fy
                } else {
                    (fy - t) + total
                };
                total = t;
            }
            if comp.is_nan() && !total.is_nan() {
                continue;
            }
            let r = if comp != 0.0 && comp.is_finite() {
                total + comp
            } else {
                total
            };
            acc = Value::float(r);
            continue;
        }
        acc = ops::number::binary_op(&acc, &x, NbOp::Add)?;
    }
    Ok(acc)
}

pub(crate) fn b_isinstance(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("isinstance expected 2 arguments, got {}", args.len()),
        );
    }
    Ok(Value::bool(isinstance(&args[0], &args[1])?))
}

/// The `__instancecheck__` / `__subclasscheck__` hook of `cls`'s metaclass, when it has its own
/// (ABCMeta's): `None` for plain classes, whose metaclass is `type`.
fn check_hook(cls: &Value, name: &str) -> Option<Value> {
    let meta = cls.ty();
    if std::ptr::eq(meta, &crate::objects::TYPE_TYPE) || try_tuple_items(cls).is_some() {
        return None;
    }
    meta.lookup_str(name).filter(|m| {
        m.downcast_ref::<crate::objects::builtin_function::MethodDescr>()
            .is_none()
    })
}

/// `isinstance(v, cls)` with tuples of classes and the metaclass's `__instancecheck__`.
pub fn isinstance(v: &Value, cls: &Value) -> PyResult<bool> {
    if cls.is_obj()
        && std::ptr::eq(
            v.ty() as *const TypeObject as *const u8,
            cls.obj_ptr() as *const u8,
        )
    {
        return Ok(true);
    }
    if let Some(items) = try_tuple_items(cls) {
        for c in items {
            if isinstance(v, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(hook) = check_hook(cls, "__instancecheck__") {
        let hook = ops::object::bind_descriptor(hook, Some(cls), cls.ty())?;
        let r = crate::vm::call::call(&hook, std::slice::from_ref(v), &[])?;
        return ops::object::truthy(&r);
    }
    match ops::object::as_type(cls) {
        Some(t) => {
            if v.ty().is_subtype(t) {
                return Ok(true);
            }
            // As CPython, an object may claim another class through `__class__` (weakref
            // proxies do); only types with a custom attribute lookup can (classes aside).
            if v.ty().getattr.is_some() && ops::object::as_type(v).is_none() {
                let c = ops::object::getattr_opt(v, &crate::objects::str::new_str("__class__"))?;
                if let Some(ct) = c.as_ref().and_then(ops::object::as_type) {
                    return Ok(!std::ptr::eq(ct, v.ty()) && ct.is_subtype(t));
                }
            }
            Ok(false)
        }
        None => crate::objects::union_type::isinstance_fallback(v, cls),
    }
}

fn b_issubclass(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("issubclass expected 2 arguments, got {}", args.len()),
        );
    }
    Ok(Value::bool(issubclass(&args[0], &args[1])?))
}

/// `issubclass(derived, cls)` with tuples of classes and the metaclass's `__subclasscheck__`.
pub fn issubclass(derived: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(items) = try_tuple_items(cls) {
        for c in items {
            if issubclass(derived, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(hook) = check_hook(cls, "__subclasscheck__") {
        let hook = ops::object::bind_descriptor(hook, Some(cls), cls.ty())?;
        let r = crate::vm::call::call(&hook, std::slice::from_ref(derived), &[])?;
        return ops::object::truthy(&r);
    }
    let Some(t) = ops::object::as_type(derived) else {
        return err(&TYPE_ERROR, "issubclass() arg 1 must be a class");
    };
    match ops::object::as_type(cls) {
        Some(c) => Ok(t.is_subtype(c)),
        None => crate::objects::union_type::issubclass_fallback(derived, cls, |c| {
            issubclass(derived, c)
        }),
    }
}

fn b_iter(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "iter() takes no keyword arguments");
    }
    match args {
        [v] => ops::sequence::iter(v),
        [f, sentinel] => {
            if f.ty().call.is_none()
                && f.downcast_ref::<crate::objects::function::Function>()
                    .is_none()
            {
                return err(
                    &TYPE_ERROR,
                    "iter(object, sentinel): object must be callable",
                );
            }
            Ok(crate::objects::iterators::new_callable_iter(
                f.clone(),
                sentinel.clone(),
            ))
        }
        [] => err(&TYPE_ERROR, "iter expected at least 1 argument, got 0"),
        _ => err(
            &TYPE_ERROR,
            format!("iter expected at most 2 arguments, got {}", args.len()),
        ),
    }
}

fn b_next(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.is_empty() || args.len() > 2 {
        return err(
            &TYPE_ERROR,
            format!("next expected at least 1 argument, got {}", args.len()),
        );
    }
    if args[0].ty().next.is_none() {
        return err(
            &TYPE_ERROR,
            format!("'{}' object is not an iterator", args[0].type_name()),
        );
    }
    if let Some(g) = args[0].downcast_ref::<crate::objects::generator::Generator>() {
        return crate::vm::generator::builtin_next(&args[0], g, args.get(1));
    }
    if let Some(r) = crate::vm::coroutine::builtin_next(&args[0], args.get(1)) {
        return r;
    }
    match ops::sequence::next(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::objects::exception::raise_value(
                crate::objects::exception::new_exception(&STOP_ITERATION, vec![]),
            )),
        },
    }
}

fn b_aiter(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 1 {
        return err(
            &TYPE_ERROR,
            format!("aiter() takes exactly one argument ({} given)", args.len()),
        );
    }
    crate::vm::coroutine::builtin_aiter(&args[0])
}

fn b_anext(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "anext() takes no keyword arguments");
    }
    match args.len() {
        0 => err(&TYPE_ERROR, "anext expected at least 1 argument, got 0"),
        1 | 2 => crate::vm::coroutine::builtin_anext(&args[0], args.get(1)),
        n => err(
            &TYPE_ERROR,
            format!("anext expected at most 2 arguments, got {}", n),
        ),
    }
}

fn b_sorted(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos != 1 {
        return err(
            &TYPE_ERROR,
            format!("sorted expected 1 argument, got {}", npos),
        );
    }
    let mut p = ArgParser::new("sort", &args[1..], kw);
    let key = p.kw_only("key")?.unwrap_or(Value::NONE);
    let reverse = match p.kw_only("reverse")? {
        Some(r) => ops::object::truthy(&r)?,
        None => false,
    };
    p.finish()?;
    let items = ops::sequence::collect(&args[0])?;
    Ok(new_list(sort_values(items, &key, reverse)?))
}

fn b_any(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let it = ops::sequence::iter(one("any", args, kw)?)?;
    while let Some(x) = ops::sequence::next(&it)? {
        if ops::object::truthy(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn b_all(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let it = ops::sequence::iter(one("all", args, kw)?)?;
    while let Some(x) = ops::sequence::next(&it)? {
        if !ops::object::truthy(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn attr_name(v: &Value) -> PyResult<&Value> {
    if as_str(v).is_none() {
        return err(
            &TYPE_ERROR,
            format!("attribute name must be string, not '{}'", v.type_name()),
        );
    }
    Ok(v)
}

fn b_getattr(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() < 2 || args.len() > 3 {
        return err(
            &TYPE_ERROR,
            format!("getattr expected at least 2 arguments, got {}", args.len()),
        );
    }
    let name = attr_name(&args[1])?;
    match args.get(2) {
        None => ops::object::getattr(&args[0], name),
        Some(d) => match ops::object::getattr_opt(&args[0], name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(d.clone()),
            Err(e) => {
                if raised_matches(&crate::objects::exception::ATTRIBUTE_ERROR) {
                    thread::take_raised();
                    Ok(d.clone())
                } else {
                    Err(e)
                }
            }
        },
    }
}

fn b_hasattr(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("hasattr expected 2 arguments, got {}", args.len()),
        );
    }
    let name = attr_name(&args[1])?;
    match ops::object::getattr_opt(&args[0], name) {
        Ok(v) => Ok(Value::bool(v.is_some())),
        Err(e) => {
            if raised_matches(&crate::objects::exception::ATTRIBUTE_ERROR) {
                thread::take_raised();
                Ok(Value::FALSE)
            } else {
                Err(e)
            }
        }
    }
}

fn b_setattr(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 3 {
        return err(
            &TYPE_ERROR,
            format!("setattr expected 3 arguments, got {}", args.len()),
        );
    }
    ops::object::setattr(&args[0], attr_name(&args[1])?, Some(args[2].clone()))?;
    Ok(Value::NONE)
}

fn b_delattr(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 2 {
        return err(
            &TYPE_ERROR,
            format!("delattr expected 2 arguments, got {}", args.len()),
        );
    }
    ops::object::setattr(&args[0], attr_name(&args[1])?, None)?;
    Ok(Value::NONE)
}

fn b_format(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return err(&TYPE_ERROR, "format expected at least 1 argument, got 0");
    }
    let mut p = ArgParser::new("format", args, kw);
    let v = p.required("value")?;
    let spec = p.optional("format_spec")?.unwrap_or_else(|| new_str(""));
    p.finish()?;
    format(&v, &spec)
}

pub(crate) fn b_globals(_: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fs = crate::vm::frame::frames();
    match fs.frames.last() {
        Some(f) => Ok(f.function().globals.clone()),
        None => Ok(crate::objects::dict::new_dict()),
    }
}

pub(crate) fn b_locals(_: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fs = crate::vm::frame::frames();
    let Some(f) = fs.frames.last_mut() else {
        return Ok(crate::objects::dict::new_dict());
    };
    // A function's locals() is one dict per frame, refreshed from the fast locals at each
    // call (as CPython 3.12's f_locals): names added to it, e.g. by exec(), stay.
    let optimized = f.code().flags & crate::objects::code::co_flags::OPTIMIZED != 0;
    if !optimized && !f.locals.is_null() {
        return Ok(f.locals.clone());
    }
    if f.locals.is_null() {
        f.locals = crate::objects::dict::new_dict();
    }
    let d = f.locals.clone();
    let dd = d.downcast_ref::<Dict>().unwrap();
    let code = f.code();
    for i in 0..code.nlocalsplus() {
        // SAFETY: localsplus slots of the running frame hold owned values (or NULL).
        let v = unsafe { (*f.base.add(i)).clone() };
        let v = match v.downcast_ref::<crate::objects::cell::Cell>() {
            Some(c) if code.localspluskinds[i] & 0xc0 != 0 => c.get(),
            _ => v,
        };
        if !v.is_null() {
            dd.set_item(code.localsplusnames[i].clone(), v)?;
        } else {
            dd.del_item(&code.localsplusnames[i])?;
        }
    }
    Ok(d)
}

fn b_vars(s: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return b_locals(s, args, kw);
    }
    let v = one("vars", args, kw)?;
    match ops::object::getattr_opt(v, &new_str("__dict__")) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => err(&TYPE_ERROR, "vars() argument must have __dict__ attribute"),
        Err(e) => {
            if raised_matches(&crate::objects::exception::ATTRIBUTE_ERROR) {
                thread::take_raised();
                return err(&TYPE_ERROR, "vars() argument must have __dict__ attribute");
            }
            Err(e)
        }
    }
}

fn b_dir(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let names: Vec<Value>;
    match args {
        [] => {
            let l = b_locals(&Value::NULL, &[], kw)?;
            names = l.downcast_ref::<Dict>().unwrap().keys();
        }
        [v] => {
            if let Some(m) = v.downcast_ref::<crate::objects::module::Module>() {
                names = m.dict().keys();
            } else {
                let mut seen = std::collections::BTreeSet::new();
                let types: Vec<*const TypeObject> = match ops::object::as_type(v) {
                    Some(t) => t.mro().to_vec(),
                    None => v.ty().mro().to_vec(),
                };
                for t in types {
                    // SAFETY: MRO entries are live types.
                    if let Some(d) = unsafe { (*t).dict() }.downcast_ref::<Dict>() {
                        for k in d.keys() {
                            if let Some(s) = as_str(&k) {
                                seen.insert(s.to_string());
                            }
                        }
                    }
                }
                if let Some(d) = ops::object::instance_dict(v) {
                    for k in d.downcast_ref::<Dict>().unwrap().keys() {
                        if let Some(s) = as_str(&k) {
                            seen.insert(s.to_string());
                        }
                    }
                }
                return Ok(new_list(seen.into_iter().map(|s| new_str(&s)).collect()));
            }
        }
        _ => {
            return err(
                &TYPE_ERROR,
                format!("dir expected at most 1 argument, got {}", args.len()),
            )
        }
    }
    let l = new_list(sort_values(names, &Value::NONE, false)?);
    Ok(l)
}

fn b_input(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!("input expected at most 1 argument, got {}", args.len()),
        );
    }
    let Some(stdin) = crate::modules::sys::stdin() else {
        return err(
            &crate::objects::exception::RUNTIME_ERROR,
            "input(): lost sys.stdin",
        );
    };
    if let Some(p) = args.first() {
        let text = ops::object::str_of(p)?;
        match crate::modules::sys::stdout() {
            Some(out) if crate::modules::io::textio::std_fd_of(&out) == 0 => {
                crate::modules::io::call_method(&out, "write", &[text])?;
                crate::modules::io::call_method(&out, "flush", &[])?;
            }
            _ => crate::modules::sys::write_stdout(&ops::object::str_string(&text)?)?,
        }
    }
    crate::modules::sys::flush_stdout()?;
    let line = crate::modules::io::textio::readline_of(&stdin)?;
    let Some(l) = as_str(&line).map(|l| l.to_string()) else {
        return err(&TYPE_ERROR, "object.readline() returned non-string");
    };
    if l.is_empty() {
        return err(
            &crate::objects::exception::EOF_ERROR,
            "EOF when reading a line",
        );
    }
    Ok(from_string(l.strip_suffix('\n').unwrap_or(&l).to_string()))
}

fn b_exit(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = crate::objects::exception::new_exception(
        &crate::objects::exception::SYSTEM_EXIT,
        args.to_vec(),
    );
    let code = args.first().cloned().unwrap_or(Value::NONE);
    ops::object::set_instance_dict_item(&e, "code", code)?;
    Err(crate::objects::exception::raise_value(e))
}

/// The built-in functions, by name.
pub const FUNCTIONS: &[(&str, crate::objects::MethodFn)] = &[
    ("print", b_print),
    ("len", b_len),
    ("repr", b_repr),
    ("ascii", b_ascii),
    ("abs", b_abs),
    ("hash", b_hash),
    ("id", b_id),
    ("callable", b_callable),
    ("chr", b_chr),
    ("ord", b_ord),
    ("hex", b_hex),
    ("oct", b_oct),
    ("bin", b_bin),
    ("divmod", b_divmod),
    ("pow", b_pow),
    ("round", b_round),
    ("min", b_min),
    ("max", b_max),
    ("sum", b_sum),
    ("isinstance", b_isinstance),
    ("issubclass", b_issubclass),
    ("iter", b_iter),
    ("next", b_next),
    ("aiter", b_aiter),
    ("anext", b_anext),
    ("sorted", b_sorted),
    ("any", b_any),
    ("all", b_all),
    ("getattr", b_getattr),
    ("hasattr", b_hasattr),
    ("setattr", b_setattr),
    ("delattr", b_delattr),
    ("format", b_format),
    ("globals", b_globals),
    ("locals", b_locals),
    ("vars", b_vars),
    ("dir", b_dir),
    ("input", b_input),
    ("exit", b_exit),
    ("quit", b_exit),
    ("compile", crate::builtins::exec::b_compile),
    ("exec", crate::builtins::exec::b_exec),
    ("eval", crate::builtins::exec::b_eval),
    ("__import__", crate::vm::import::builtin_import),
];
