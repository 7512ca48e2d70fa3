//! `str % args` and `str.format(...)`: the parts of text formatting that need Python values
//! (argument lookup, `__format__`, `repr`); the number layouts come from `crate::format`.
//!
//! Both follow CPython 3.12 step by step (`Objects/unicodeobject.c` and
//! `Objects/stringlib/unicode_format.h`), including the order in which errors are raised:
//! the template is consumed lazily, so an argument error before a malformed spec wins.

use crate::abi::Value;
use crate::format::{
    parse_percent_template, percent_float, percent_int, percent_str, Conversion, PercentCount,
    PercentPiece, PercentSpec,
};
use crate::objects::complex::Complex;
use crate::objects::exception::{
    err, raise_format, raised_matches, INDEX_ERROR, OVERFLOW_ERROR, TYPE_ERROR, VALUE_ERROR,
};
use crate::objects::int::{as_int, IntRef};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::tuple::try_tuple_items;
use crate::objects::{PyResult, Raised};
use crate::ops;

// ---------------------------------------------------------------------------------------------
// `str % args`
// ---------------------------------------------------------------------------------------------

/// The argument state of one `%` formatting, as CPython's `unicode_formatter_t`: a tuple is
/// consumed item by item (`arglen` is its length); any other value is the single argument
/// (`arglen == -1`, `argidx == -2` until it is used).
struct PercentArgs {
    args: Value,
    arglen: isize,
    argidx: isize,
    /// The mapping for `%(key)` specs: `args` when it is subscriptable and neither a tuple
    /// nor a str.
    dict: Option<Value>,
}

impl PercentArgs {
    fn new(args: &Value) -> PercentArgs {
        let tuple_len = try_tuple_items(args).map(|t| t.len());
        let dict = (tuple_len.is_none() && as_str(args).is_none() && is_mapping(args))
            .then(|| args.clone());
        match tuple_len {
            Some(n) => PercentArgs {
                args: args.clone(),
                arglen: n as isize,
                argidx: 0,
                dict,
            },
            None => PercentArgs {
                args: args.clone(),
                arglen: -1,
                argidx: -2,
                dict,
            },
        }
    }

    /// The next positional argument (`unicode_format_getnextarg`).
    fn next(&mut self) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            return Ok(try_tuple_items(&self.args).unwrap()[i as usize].clone());
        }
        err(&TYPE_ERROR, "not enough arguments for format string")
    }
}

/// `PyMapping_Check`: the type supports subscription.
fn is_mapping(v: &Value) -> bool {
    v.ty().getitem.is_some() || v.ty().lookup_str("__getitem__").is_some()
}

/// `PyNumber_Check`: ints, floats, complex numbers and values with `__index__`, `__int__` or
/// `__float__`.
pub fn is_number(v: &Value) -> bool {
    if as_int(v).is_some() || v.as_float().is_some() || v.downcast_ref::<Complex>().is_some() {
        return true;
    }
    let t = v.ty();
    t.index.is_some()
        || t.int.is_some()
        || t.float.is_some()
        || ["__index__", "__int__", "__float__"]
            .iter()
            .any(|n| t.lookup_str(n).is_some())
}

/// Converts a `FormatError` result into a Python one.
fn fmt<T>(r: Result<T, crate::format::FormatError>) -> PyResult<T> {
    r.map_err(raise_format)
}

/// The text of a str value (empty for anything else, which the callers rule out).
fn text_of(v: &Value) -> String {
    as_str(v).map(|s| s.to_string()).unwrap_or_default()
}

/// `template % args`.
pub fn percent_format(template: &Value, args: &Value) -> PyResult<Value> {
    let Some(t) = as_str(template) else {
        return err(&TYPE_ERROR, "format requires a str template");
    };
    let t: &str = &t;
    let mut ctx = PercentArgs::new(args);
    // Room for a few converted values, so short results need no reallocation.
    let mut out = String::with_capacity(t.len() + 32);
    for piece in parse_percent_template(t) {
        match piece {
            PercentPiece::Literal(s) => out.push_str(s),
            PercentPiece::Spec(spec) => {
                percent_one(&mut ctx, &spec, &mut out)?;
                if ctx.dict.is_some() && ctx.argidx < ctx.arglen {
                    return err(
                        &TYPE_ERROR,
                        "not all arguments converted during string formatting",
                    );
                }
            }
        }
    }
    if ctx.argidx < ctx.arglen && ctx.dict.is_none() {
        return err(
            &TYPE_ERROR,
            "not all arguments converted during string formatting",
        );
    }
    Ok(from_string(out))
}

/// Raises the error a malformed spec stands for.
fn conversion_error<T>(c: &Conversion) -> PyResult<T> {
    match c.error() {
        Some(e) => Err(raise_format(e)),
        None => err(&VALUE_ERROR, "incomplete format"),
    }
}

/// Formats one conversion spec into `out`, in CPython's order of argument use and errors.
fn percent_one(ctx: &mut PercentArgs, spec: &PercentSpec<'_>, out: &mut String) -> PyResult<()> {
    let mut flags = spec.flags;
    // 1. the mapping key.
    if spec.key.is_some() || spec.conversion == Conversion::IncompleteKey {
        let Some(dict) = ctx.dict.clone() else {
            return err(&TYPE_ERROR, "format requires a mapping");
        };
        let Some(key) = spec.key else {
            return conversion_error(&spec.conversion);
        };
        ctx.args = ops::sequence::getitem(&dict, &new_str(key))?;
        ctx.arglen = -1;
        ctx.argidx = -2;
    }
    // 2. star width and precision.
    let width = match spec.width {
        None => 0,
        Some(PercentCount::Fixed(w)) => w,
        Some(PercentCount::Star) => {
            let v = ctx.next()?;
            let w = star_value(&v, "ssize_t", isize::MIN as i64, isize::MAX as i64)?;
            if w < 0 {
                flags.left = true;
            }
            w.unsigned_abs() as usize
        }
    };
    let width = crate::format::check_width(width).map_err(raise_format)?;
    let precision = match spec.precision {
        None => None,
        Some(PercentCount::Fixed(p)) => Some(p),
        Some(PercentCount::Star) => {
            let v = ctx.next()?;
            let p = star_value(&v, "int", i32::MIN as i64, i32::MAX as i64)?;
            Some(p.max(0) as usize)
        }
    };
    // 3. errors found while parsing.
    let conv = match spec.conversion {
        Conversion::Char(c) => c,
        Conversion::Unsupported { .. } => '\0',
        ref other => return conversion_error(other),
    };
    // 4. the argument.
    let v = ctx.next()?;
    // 5. unknown conversion characters.
    if conv == '\0' {
        return conversion_error(&spec.conversion);
    }
    // 6. the conversion; first the plain forms (no flags, width or precision) of the two
    // common ones on their common arguments, with nothing to pad: `%d` of an inline int and
    // `%s` of a str.
    if width == 0 && precision.is_none() && flags == crate::format::PercentFlags::default() {
        if matches!(conv, 'd' | 'i' | 'u') && v.is_int() {
            use std::fmt::Write;
            let _ = write!(out, "{}", v.as_int_unchecked());
            return Ok(());
        }
        if conv == 's' && crate::objects::str::is_exact_str(&v) {
            out.push_str(&as_str(&v).unwrap());
            return Ok(());
        }
    }
    match conv {
        's' | 'r' | 'a' => {
            let s = match conv {
                's' => ops::object::str_string(&v)?,
                'r' => ops::object::repr_string(&v)?,
                _ => text_of(&crate::builtins::core::ascii_of(&v)?),
            };
            out.push_str(&percent_str(&s, flags, width, precision));
        }
        'c' => {
            let c = percent_char(&v)?;
            let mut buf = [0u8; 4];
            out.push_str(&percent_str(c.encode_utf8(&mut buf), flags, width, None));
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let i = percent_int_arg(&v, conv)?;
            let max = crate::modules::sys::int_max_str_digits();
            let r = match as_int(&i).unwrap() {
                IntRef::Small(x) => percent_int(
                    crate::format::IntRef::Small(x),
                    flags,
                    width,
                    precision,
                    conv,
                    max,
                ),
                IntRef::Big(b) => percent_int(
                    crate::format::IntRef::Big(b),
                    flags,
                    width,
                    precision,
                    conv,
                    max,
                ),
            };
            out.push_str(&fmt(r)?);
        }
        _ => {
            let x = percent_float_arg(&v)?;
            out.push_str(&fmt(percent_float(x, flags, width, precision, conv))?);
        }
    }
    Ok(())
}

/// The value of a `*` width or precision argument: an int that fits `[min, max]`.
fn star_value(v: &Value, c_type: &str, min: i64, max: i64) -> PyResult<i64> {
    let Some(i) = as_int(v) else {
        return err(&TYPE_ERROR, "* wants int");
    };
    match i {
        IntRef::Small(x) if (min..=max).contains(&x) => Ok(x),
        _ => err(
            &OVERFLOW_ERROR,
            format!("Python int too large to convert to C {c_type}"),
        ),
    }
}

/// The character of a `%c` argument: a 1-character str or an int code point.
fn percent_char(v: &Value) -> PyResult<char> {
    const WRONG: &str = "%c requires int or char";
    if let Some(s) = as_str(v) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => err(&TYPE_ERROR, WRONG),
        };
    }
    let i = match ops::number::index(v) {
        Ok(i) => i,
        Err(e) => {
            if raised_matches(&TYPE_ERROR) {
                return err(&TYPE_ERROR, WRONG);
            }
            return Err(e);
        }
    };
    match i.as_small_int().filter(|x| (0..=0x10ffff).contains(x)) {
        Some(x) => match char::from_u32(x as u32) {
            Some(c) => Ok(c),
            None => err(&VALUE_ERROR, "surrogate code points are not supported"),
        },
        None => err(&OVERFLOW_ERROR, "%c arg not in range(0x110000)"),
    }
}

/// The int a `%d %i %u %o %x %X` argument stands for (`int()` of real numbers for the
/// decimal ones, `__index__` for the others).
fn percent_int_arg(v: &Value, conv: char) -> PyResult<Value> {
    if as_int(v).is_some() {
        return Ok(v.clone());
    }
    let wrong = |v: &Value| -> Raised {
        let what = if matches!(conv, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        crate::objects::exception::raise(
            &TYPE_ERROR,
            format!("%{conv} format: {what} is required, not {}", v.type_name()),
        )
    };
    if !is_number(v) {
        return Err(wrong(v));
    }
    let r = if matches!(conv, 'o' | 'x' | 'X') {
        ops::number::index(v)
    } else {
        crate::objects::int::to_int(v)
    };
    match r {
        Ok(i) if as_int(&i).is_some() => Ok(i),
        Ok(_) => Err(wrong(v)),
        Err(e) => {
            if raised_matches(&TYPE_ERROR) {
                Err(wrong(v))
            } else {
                Err(e)
            }
        }
    }
}

/// The float of a `%e %f %g` argument (`PyFloat_AsDouble`).
fn percent_float_arg(v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return crate::objects::int::int_to_f64(&i);
    }
    let t = v.ty();
    let has_float = t.float.is_some()
        || t.index.is_some()
        || t.lookup_str("__float__").is_some()
        || t.lookup_str("__index__").is_some();
    if as_str(v).is_some() || !has_float {
        return err(
            &TYPE_ERROR,
            format!("must be real number, not {}", v.type_name()),
        );
    }
    crate::objects::float::to_float(v)
}

// ---------------------------------------------------------------------------------------------
// `str.format`
// ---------------------------------------------------------------------------------------------

/// Auto-numbering state of one `str.format` call (CPython's `AutoNumber`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

/// The arguments of one `str.format` call.
struct FormatArgs<'a> {
    positional: &'a [Value],
    keywords: &'a [Value],
    kwnames: &'a [Value],
    state: AutoState,
    next_auto: usize,
}

impl FormatArgs<'_> {
    /// The keyword argument named `name`, or `KeyError(name)`.
    fn keyword(&self, name: &str) -> PyResult<Value> {
        for (k, v) in self.kwnames.iter().zip(self.keywords) {
            if as_str(k).is_some_and(|k| &*k == name) {
                return Ok(v.clone());
            }
        }
        Err(crate::objects::dict::key_error(&new_str(name)))
    }
}

/// `template.format(*args, **kwargs)`: `args` holds the positional values then the keyword
/// values, `kw` the names of the last `kw.len()` of them.
pub fn str_format(template: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(t) = as_str(template) else {
        return err(&TYPE_ERROR, "descriptor 'format' requires a 'str' object");
    };
    let t: Vec<char> = t.chars().collect();
    let npos = args.len() - kw.len().min(args.len());
    let mut fa = FormatArgs {
        positional: &args[..npos],
        keywords: &args[npos..],
        kwnames: kw,
        state: AutoState::Init,
        next_auto: 0,
    };
    // Room for a few converted values, so short results need no reallocation.
    let mut out = String::with_capacity(t.len() + 32);
    build_string(&t, &mut fa, 2, &mut out)?;
    Ok(from_string(out))
}

/// One markup field of a template, as `parse_field` splits it.
pub struct Field<'a> {
    pub name: &'a [char],
    pub conversion: Option<char>,
    pub spec: &'a [char],
    pub spec_needs_expanding: bool,
}

/// Renders `t` into `out` (CPython's `build_string` + `output_markup`).
fn build_string(t: &[char], fa: &mut FormatArgs<'_>, depth: u32, out: &mut String) -> PyResult<()> {
    if depth == 0 {
        return err(&VALUE_ERROR, "Max string recursion exceeded");
    }
    let mut pos = 0;
    while pos < t.len() {
        let (literal, field) = next_markup(t, &mut pos)?;
        out.extend(literal);
        if let Some(f) = field {
            output_markup(&f, fa, depth, out)?;
        }
    }
    Ok(())
}

/// Reads the literal text and the field after it, starting at `*pos`
/// (CPython's `MarkupIterator_next`; also `_string.formatter_parser`'s step).
pub fn next_markup<'a>(
    t: &'a [char],
    pos: &mut usize,
) -> PyResult<(&'a [char], Option<Field<'a>>)> {
    let start = *pos;
    let mut c = '\0';
    let mut markup_follows = false;
    while *pos < t.len() {
        c = t[*pos];
        *pos += 1;
        if c == '{' || c == '}' {
            markup_follows = true;
            break;
        }
    }
    let at_end = *pos >= t.len();
    let mut len = *pos - start;
    if c == '}' && markup_follows && (at_end || t[*pos] != '}') {
        return err(&VALUE_ERROR, "Single '}' encountered in format string");
    }
    if at_end && c == '{' && markup_follows {
        return err(&VALUE_ERROR, "Single '{' encountered in format string");
    }
    if !at_end && markup_follows {
        if t[*pos] == c {
            *pos += 1;
            markup_follows = false;
        } else {
            len -= 1;
        }
    }
    let literal = &t[start..start + len];
    if !markup_follows {
        return Ok((literal, None));
    }
    let field = parse_field(t, pos)?;
    Ok((literal, Some(field)))
}

/// Parses the field that starts at `*pos` (just after its `{`) up to and including its
/// closing `}`: name, conversion and spec (CPython's `parse_field`).
fn parse_field<'a>(s: &'a [char], pos: &mut usize) -> PyResult<Field<'a>> {
    let name_start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return err(&VALUE_ERROR, "unexpected '{' in field name"),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let name = &s[name_start..(*pos - 1).max(name_start)];
    if c == '!' || c == ':' {
        let mut conversion = None;
        if c == '!' {
            if *pos >= s.len() {
                return err(
                    &VALUE_ERROR,
                    "end of string while looking for conversion specifier",
                );
            }
            conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < s.len() {
                let c = s[*pos];
                *pos += 1;
                if c == '}' {
                    return Ok(Field {
                        name,
                        conversion,
                        spec: &[],
                        spec_needs_expanding: false,
                    });
                }
                if c != ':' {
                    return err(&VALUE_ERROR, "expected ':' after conversion specifier");
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        let mut needs_expanding = false;
        while *pos < s.len() {
            let c = s[*pos];
            *pos += 1;
            match c {
                '{' => {
                    needs_expanding = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        return Ok(Field {
                            name,
                            conversion,
                            spec: &s[spec_start..*pos - 1],
                            spec_needs_expanding: needs_expanding,
                        });
                    }
                }
                _ => {}
            }
        }
        return err(&VALUE_ERROR, "unmatched '{' in format spec");
    }
    if c != '}' {
        return err(&VALUE_ERROR, "expected '}' before end of string");
    }
    Ok(Field {
        name,
        conversion: None,
        spec: &[],
        spec_needs_expanding: false,
    })
}

/// Formats one field into `out` (CPython's `output_markup`).
fn output_markup(
    f: &Field<'_>,
    fa: &mut FormatArgs<'_>,
    depth: u32,
    out: &mut String,
) -> PyResult<()> {
    let mut obj = get_field_object(f.name, fa)?;
    if let Some(conv) = f.conversion {
        obj = match conv {
            'r' => ops::object::repr(&obj)?,
            's' => ops::object::str_of(&obj)?,
            'a' => crate::builtins::core::ascii_of(&obj)?,
            c if (c as u32) > 32 && (c as u32) < 127 => {
                return err(&VALUE_ERROR, format!("Unknown conversion specifier {c}"))
            }
            c => {
                return err(
                    &VALUE_ERROR,
                    format!("Unknown conversion specifier \\x{:x}", c as u32),
                )
            }
        };
    }
    let spec = if f.spec_needs_expanding {
        let mut s = String::new();
        build_string(f.spec, fa, depth - 1, &mut s)?;
        s
    } else {
        f.spec.iter().collect()
    };
    let r = crate::builtins::core::format(&obj, &from_string(spec))?;
    out.push_str(&text_of(&r));
    Ok(())
}

/// `get_integer`: the decimal value of `s` (Unicode decimal digits), `None` when `s` is
/// empty or not all digits, `ValueError` on overflow.
pub fn get_integer(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = crate::format::decimal_value(c as u32) else {
            return Ok(None);
        };
        match acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
        {
            Some(a) => acc = a,
            None => return err(&VALUE_ERROR, "Too many decimal digits in format string"),
        }
    }
    Ok(Some(acc))
}

/// Splits a field name into its first part and the rest (`.attr` / `[key]` parts), with the
/// first part's integer value when it is all digits (CPython's `field_name_split`).
pub fn split_field_name(name: &[char]) -> PyResult<(&[char], Option<usize>, &[char])> {
    let first_end = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let index = get_integer(first)?;
    Ok((first, index, &name[first_end..]))
}

/// One `.attr` (`is_attr`) or `[key]` part of a field name: its text and, for keys, its
/// integer value.
pub type FieldPart<'a> = (bool, &'a [char], Option<usize>);

/// The `.attr` or `[key]` part of the rest of a field name starting at `*i`; `Ok(None)` at the
/// end (CPython's `FieldNameIterator_next`).
pub fn next_field_part<'a>(rest: &'a [char], i: &mut usize) -> PyResult<Option<FieldPart<'a>>> {
    if *i >= rest.len() {
        return Ok(None);
    }
    let c = rest[*i];
    *i += 1;
    let (is_attr, part) = match c {
        '.' => {
            let start = *i;
            while *i < rest.len() && rest[*i] != '.' && rest[*i] != '[' {
                *i += 1;
            }
            (true, &rest[start..*i])
        }
        '[' => {
            let start = *i;
            while *i < rest.len() && rest[*i] != ']' {
                *i += 1;
            }
            if *i >= rest.len() {
                return err(&VALUE_ERROR, "Missing ']' in format string");
            }
            *i += 1;
            (false, &rest[start..*i - 1])
        }
        _ => {
            return err(
                &VALUE_ERROR,
                "Only '.' or '[' may follow ']' in format field specifier",
            )
        }
    };
    let idx = if is_attr { None } else { get_integer(part)? };
    if part.is_empty() {
        return err(&VALUE_ERROR, "Empty attribute in format string");
    }
    Ok(Some((is_attr, part, idx)))
}

/// Looks up the object a field name refers to, following `.attr` and `[key]` parts
/// (CPython's `field_name_split` + `get_field_object`).
fn get_field_object(name: &[char], fa: &mut FormatArgs<'_>) -> PyResult<Value> {
    let (first, mut index, rest) = split_field_name(name)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if fa.state == AutoState::Init {
            fa.state = if empty {
                AutoState::Auto
            } else {
                AutoState::Manual
            };
        }
        if fa.state == AutoState::Manual && empty {
            return err(
                &VALUE_ERROR,
                "cannot switch from manual field specification to automatic field numbering",
            );
        }
        if fa.state == AutoState::Auto && !empty {
            return err(
                &VALUE_ERROR,
                "cannot switch from automatic field numbering to manual field specification",
            );
        }
        if empty {
            index = Some(fa.next_auto);
            fa.next_auto += 1;
        }
    }
    let mut obj = match index {
        None => fa.keyword(&first.iter().collect::<String>())?,
        Some(i) => match fa.positional.get(i) {
            Some(v) => v.clone(),
            None => {
                return err(
                    &INDEX_ERROR,
                    format!("Replacement index {i} out of range for positional args tuple"),
                )
            }
        },
    };
    let mut i = 0;
    while let Some((is_attr, part, idx)) = next_field_part(rest, &mut i)? {
        let part_s: String = part.iter().collect();
        obj = if is_attr {
            ops::object::getattr(&obj, &new_str(&part_s))?
        } else {
            match idx {
                Some(n) => ops::sequence::getitem(&obj, &Value::int(n as i64))?,
                None => ops::sequence::getitem(&obj, &new_str(&part_s))?,
            }
        };
    }
    Ok(obj)
}
