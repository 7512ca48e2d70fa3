//! printf-style formatting (`str % args`): the template parser and per-conversion helpers.
//!
//! Fetching arguments needs VM values, so the VM drives the loop. Arguments come from a
//! cursor: a tuple yields its items in order, any other object yields itself once. The
//! argument counts as a mapping when it is one and is neither a tuple nor a str. For each
//! [`PercentPiece::Spec`] the VM does what CPython does, in this order:
//! 1. a `key` (present, or [`Conversion::IncompleteKey`]) needs a mapping argument, else
//!    `TypeError("format requires a mapping")`; then `IncompleteKey` raises its error, and a
//!    present key is looked up (`KeyError`) and the cursor is replaced by one yielding that
//!    value once;
//! 2. a [`PercentCount::Star`] width, then a star precision, each take the next argument
//!    from the cursor (`TypeError("* wants int")` unless an int; `OverflowError("Python int
//!    too large to convert to C ssize_t")` for a width outside `i64`, `... to C int` for a
//!    precision outside `i32`); a negative star width sets the `-` flag and uses the
//!    absolute value, a negative star precision counts as 0;
//! 3. [`Conversion::Incomplete`], [`Conversion::WidthTooBig`] and
//!    [`Conversion::PrecisionTooBig`] raise their error now;
//! 4. the conversion's argument is taken from the cursor (`TypeError("not enough arguments
//!    for format string")` when it is exhausted);
//! 5. [`Conversion::Unsupported`] raises its error now;
//! 6. the conversion: `s`/`r`/`a` -> `str()`/`repr()`/`ascii()` then [`percent_str`]; `c` ->
//!    the character (an int in `range(0x110000)` or a str of length 1) then [`percent_str`]
//!    *without* the precision; `d i u` -> [`percent_int`] (a float is truncated to an int
//!    first); `o x X` -> [`percent_int`] (ints only); `e E f F g G` -> [`percent_float`]
//!    (an int is converted with [`int_to_f64`](super::int_to_f64)).
//!
//! At the end, a tuple cursor with items left over raises `TypeError("not all arguments
//! converted during string formatting")` unless the argument is a mapping.
//!
//! An error piece is always the last piece.

use super::digits::{push_ascii, push_float_body, Layout, Style};
use super::error::FormatError;
use super::int::{with_abs_digits, IntRef};
use super::spec::{pad_str, Align};

/// The conversion flags `-`, `+`, space, `#`, `0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify (overrides `0`).
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// space: a space before positive numbers (when no `+`).
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: pad numbers with zeros after the sign.
    pub zero: bool,
}

/// A width or precision as written in a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    /// A decimal number.
    Fixed(usize),
    /// `*`: taken from the next positional argument.
    Star,
}

/// The conversion character of a spec, or why the spec ends without a valid one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// One of `s r a c d i u o x X e E f F g G`.
    Char(char),
    /// `%(` without its closing `)`: `ValueError("incomplete format key")` (but see step 1
    /// of the module docs: a non-mapping argument raises the `TypeError` first).
    IncompleteKey,
    /// The template ends inside the spec: `ValueError("incomplete format")`.
    Incomplete,
    /// The width overflows: `ValueError("width too big")`.
    WidthTooBig,
    /// The precision overflows: `ValueError("precision too big")`.
    PrecisionTooBig,
    /// An unknown conversion character at code-point `index` of the template:
    /// `ValueError("unsupported format character 'y' (0x79) at index 3")`.
    Unsupported {
        /// The character.
        ch: char,
        /// Its index in the template, in code points.
        index: usize,
    },
}

impl Conversion {
    /// The error this conversion stands for, with CPython's message, if it is one.
    pub fn error(&self) -> Option<FormatError> {
        let msg = match *self {
            Conversion::Char(_) => return None,
            Conversion::IncompleteKey => "incomplete format key".to_owned(),
            Conversion::Incomplete => "incomplete format".to_owned(),
            Conversion::WidthTooBig => "width too big".to_owned(),
            Conversion::PrecisionTooBig => "precision too big".to_owned(),
            Conversion::Unsupported { ch, index } => {
                let c = ch as u32;
                let shown = if (31..=126).contains(&c) { ch } else { '?' };
                format!("unsupported format character '{shown}' (0x{c:x}) at index {index}")
            }
        };
        Some(FormatError::value(msg))
    }
}

/// One conversion spec of a template: `%[(key)][flags][width][.precision][hlL]conversion`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec<'a> {
    /// The mapping key, when written `%(key)`.
    pub key: Option<&'a str>,
    /// The flags.
    pub flags: PercentFlags,
    /// The width, when given.
    pub width: Option<PercentCount>,
    /// The precision, when given (`%.f` gives `Fixed(0)`).
    pub precision: Option<PercentCount>,
    /// The conversion, or the error that ends the template.
    pub conversion: Conversion,
}

/// A piece of a parsed `%` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece<'a> {
    /// Text to copy (`%%` yields a literal `%`).
    Literal(&'a str),
    /// A conversion spec.
    Spec(PercentSpec<'a>),
}

/// Splits a `str % args` template into literal text and conversion specs. Malformed specs
/// are reported in place (see [`Conversion`]) rather than as an `Err`, because CPython
/// raises them only when formatting reaches them, after the arguments before them were
/// used (which can raise first); an error piece is always last.
pub fn parse_percent_template(template: &str) -> Vec<PercentPiece<'_>> {
    let mut pieces = Vec::new();
    let bytes = template.as_bytes();
    let mut i = 0; // byte index
    let mut chars_before = 0; // code points before byte index `literal_start`
    let mut literal_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            i += 1;
            continue;
        }
        if literal_start < i {
            pieces.push(PercentPiece::Literal(&template[literal_start..i]));
            chars_before += template[literal_start..i].chars().count();
        }
        if bytes.get(i + 1) == Some(&b'%') {
            pieces.push(PercentPiece::Literal(&template[i + 1..i + 2]));
            i += 2;
            chars_before += 2;
            literal_start = i;
            continue;
        }
        let (spec, end) = parse_spec(template, i + 1, chars_before + 1);
        let stop = !matches!(spec.conversion, Conversion::Char(_));
        pieces.push(PercentPiece::Spec(spec));
        if stop {
            return pieces;
        }
        chars_before += template[i..end].chars().count();
        i = end;
        literal_start = i;
    }
    if literal_start < bytes.len() {
        pieces.push(PercentPiece::Literal(&template[literal_start..]));
    }
    pieces
}

/// Parses one spec starting at byte `start` (just after `%`), whose code-point index is
/// `char_index`; returns it and the byte index after it.
fn parse_spec(template: &str, start: usize, char_index: usize) -> (PercentSpec<'_>, usize) {
    let bytes = template.as_bytes();
    let mut spec = PercentSpec {
        key: None,
        flags: PercentFlags::default(),
        width: None,
        precision: None,
        conversion: Conversion::Incomplete,
    };
    let mut i = start;
    if bytes.get(i) == Some(&b'(') {
        let mut depth = 1;
        let key_start = i + 1;
        i += 1;
        while i < bytes.len() {
            match bytes[i] {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if depth > 0 {
            spec.conversion = Conversion::IncompleteKey;
            return (spec, bytes.len());
        }
        spec.key = Some(&template[key_start..i]);
        i += 1;
    }
    while let Some(&b) = bytes.get(i) {
        match b {
            b'-' => spec.flags.left = true,
            b'+' => spec.flags.plus = true,
            b' ' => spec.flags.space = true,
            b'#' => spec.flags.alt = true,
            b'0' => spec.flags.zero = true,
            _ => break,
        }
        i += 1;
    }
    match read_count(bytes, &mut i, isize::MAX as usize) {
        Ok(count) => spec.width = count,
        Err(()) => {
            spec.conversion = Conversion::WidthTooBig;
            return (spec, i);
        }
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        match read_count(bytes, &mut i, i32::MAX as usize) {
            Ok(count) => spec.precision = Some(count.unwrap_or(PercentCount::Fixed(0))),
            Err(()) => {
                spec.conversion = Conversion::PrecisionTooBig;
                return (spec, i);
            }
        }
    }
    if matches!(bytes.get(i), Some(b'h' | b'l' | b'L')) {
        i += 1;
    }
    let Some(ch) = template[i..].chars().next() else {
        return (spec, i);
    };
    spec.conversion = if "sracdiuoxXeEfFgG".contains(ch) {
        Conversion::Char(ch)
    } else {
        let index = char_index + template[start..i].chars().count();
        Conversion::Unsupported { ch, index }
    };
    (spec, i + ch.len_utf8())
}

/// Reads `*` or ASCII digits at `*i`; `Err` when the number exceeds `max`.
fn read_count(bytes: &[u8], i: &mut usize, max: usize) -> Result<Option<PercentCount>, ()> {
    if bytes.get(*i) == Some(&b'*') {
        *i += 1;
        return Ok(Some(PercentCount::Star));
    }
    let mut value: Option<usize> = None;
    while let Some(&b) = bytes.get(*i).filter(|b| b.is_ascii_digit()) {
        let next = value
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add(usize::from(b - b'0')))
            .filter(|&v| v <= max)
            .ok_or(())?;
        value = Some(next);
        *i += 1;
    }
    Ok(value.map(PercentCount::Fixed))
}

/// Pads `sign prefix digits-and-rest` to `width` per the flags: spaces on the left, spaces
/// on the right with `-`, or zeros after the sign and prefix with `0`.
fn pad_number(sign: &str, prefix: &str, body: &str, flags: PercentFlags, width: usize) -> String {
    let len = sign.len() + prefix.len() + body.len();
    let padding = width.saturating_sub(len);
    let mut out = String::with_capacity(len + padding);
    if flags.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', padding));
    } else if flags.zero {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', padding));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', padding));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    out
}

/// The sign text for `%` number conversions.
fn sign_text(negative: bool, flags: PercentFlags) -> &'static str {
    if negative {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

/// `%d %i %u %o %x %X` of an int: the precision is a minimum digit count, `#` adds
/// `0o`/`0x`/`0X`, and `max_str_digits` limits decimal output as `str()` does. Panics on
/// another `conv`.
pub fn percent_int(
    value: IntRef<'_>,
    flags: PercentFlags,
    width: usize,
    precision: Option<usize>,
    conv: char,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    let (base, upper, prefix) = match conv {
        'd' | 'i' | 'u' => (10, false, ""),
        'o' => (8, false, "0o"),
        'x' => (16, false, "0x"),
        'X' => (16, true, "0X"),
        _ => panic!("percent_int: conversion {conv:?} is not an int conversion"),
    };
    let precision = precision.unwrap_or(0);
    if precision > i32::MAX as usize - 3 {
        return Err(FormatError::overflow("precision too large"));
    }
    let limit = if base == 10 { max_str_digits } else { 0 };
    let body = with_abs_digits(value, base, upper, limit, |digits| {
        let mut body = String::with_capacity(precision.max(digits.len()));
        body.extend(std::iter::repeat_n(
            '0',
            precision.saturating_sub(digits.len()),
        ));
        push_ascii(&mut body, digits);
        body
    })?;
    let prefix = if flags.alt { prefix } else { "" };
    Ok(pad_number(
        sign_text(value.is_negative(), flags),
        prefix,
        &body,
        flags,
        width,
    ))
}

/// `%e %E %f %F %g %G` of a float (precision 6 by default; `#` keeps the point and, for
/// `g`, trailing zeros). Panics on another `conv`.
pub fn percent_float(
    x: f64,
    flags: PercentFlags,
    width: usize,
    precision: Option<usize>,
    conv: char,
) -> Result<String, FormatError> {
    let (style, upper) = match conv {
        'e' => (Style::Exp, false),
        'E' => (Style::Exp, true),
        'f' => (Style::Fixed, false),
        'F' => (Style::Fixed, true),
        'g' => (Style::General, false),
        'G' => (Style::General, true),
        _ => panic!("percent_float: conversion {conv:?} is not a float conversion"),
    };
    let precision = precision.unwrap_or(6);
    if precision > i32::MAX as usize {
        return Err(FormatError::value("precision too big"));
    }
    let layout = Layout {
        style,
        precision,
        alt: flags.alt,
        add_dot_0: false,
        upper,
    };
    let mut body = String::new();
    push_float_body(&mut body, x, &layout);
    let negative = x.is_sign_negative() && !x.is_nan();
    Ok(pad_number(
        sign_text(negative, flags),
        "",
        &body,
        flags,
        width,
    ))
}

/// `%s %r %a %c` padding of already converted text: the precision keeps that many code
/// points, the width pads with spaces (on the right with `-`; `0` is ignored).
pub fn percent_str(s: &str, flags: PercentFlags, width: usize, precision: Option<usize>) -> String {
    let align = if flags.left {
        Align::Left
    } else {
        Align::Right
    };
    pad_str(s, ' ', align, width, precision)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(s: &str) -> PercentFlags {
        PercentFlags {
            left: s.contains('-'),
            plus: s.contains('+'),
            space: s.contains(' '),
            alt: s.contains('#'),
            zero: s.contains('0'),
        }
    }

    #[test]
    fn ints_and_floats() {
        let pi = |v, f, w, p, c| percent_int(IntRef::Small(v), flags(f), w, p, c, 4300).unwrap();
        assert_eq!(pi(255, "#", 0, Some(5), 'x'), "0x000ff");
        assert_eq!(pi(-255, "", 0, Some(5), 'x'), "-000ff");
        assert_eq!(pi(-3, "#0", 5, None, 'x'), "-0x03");
        assert_eq!(pi(3, "-0", 5, None, 'd'), "3    ");
        assert_eq!(pi(0, "#", 0, Some(0), 'o'), "0o0");
        assert_eq!(pi(5, " ", 0, None, 'd'), " 5");
        let pf = |x, f, w, p, c| percent_float(x, flags(f), w, p, c).unwrap();
        assert_eq!(pf(f64::INFINITY, "0", 5, None, 'f'), "00inf");
        assert_eq!(pf(1.0, "#", 0, Some(0), 'f'), "1.");
        assert_eq!(pf(1.0, "#", 0, None, 'g'), "1.00000");
        assert_eq!(pf(1.0, "0#", 10, Some(3), 'g'), "0000001.00");
        assert_eq!(pf(123.0, "", 0, Some(0), 'g'), "1e+02");
        assert_eq!(pf(f64::NAN, "+", 0, None, 'E'), "+NAN");
        assert_eq!(percent_str("abc", flags("0"), 5, Some(2)), "   ab");
    }

    #[test]
    fn templates() {
        use Conversion::*;
        let t = parse_percent_template("a%%b%(x(y))-#5.*ld%s");
        assert_eq!(t.len(), 5);
        assert_eq!(t[0], PercentPiece::Literal("a"));
        assert_eq!(t[1], PercentPiece::Literal("%"));
        assert_eq!(t[2], PercentPiece::Literal("b"));
        let PercentPiece::Spec(s) = &t[3] else {
            panic!()
        };
        assert_eq!(s.key, Some("x(y)"));
        assert!(s.flags.left && s.flags.alt && !s.flags.zero);
        assert_eq!(s.width, Some(PercentCount::Fixed(5)));
        assert_eq!(s.precision, Some(PercentCount::Star));
        assert_eq!(s.conversion, Char('d'));
        let last = |t: &str| match parse_percent_template(t).pop() {
            Some(PercentPiece::Spec(s)) => s.conversion.error().map(|e| e.message),
            _ => None,
        };
        assert_eq!(
            last("é%5%"),
            Some("unsupported format character '%' (0x25) at index 3".into())
        );
        assert_eq!(
            last("%€"),
            Some("unsupported format character '?' (0x20ac) at index 1".into())
        );
        assert_eq!(last("abc%"), Some("incomplete format".into()));
        assert_eq!(last("%(a"), Some("incomplete format key".into()));
        assert_eq!(last("%.2147483648f"), Some("precision too big".into()));
        assert_eq!(last("%99999999999999999999d"), Some("width too big".into()));
        assert_eq!(
            last("%lld"),
            Some("unsupported format character 'l' (0x6c) at index 2".into())
        );
    }
}
