//! The format-spec mini-language of `format()`, `str.format` and f-strings, for `int`,
//! `float` and `str`.
//!
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`

use super::digits::{push_ascii, push_float_body, Layout, Style};
use super::error::FormatError;
use super::int::{int_to_f64, with_abs_digits, IntRef};
use super::unicode::decimal_value;

/// Where padding goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: pad on the right.
    Left,
    /// `>`: pad on the left.
    Right,
    /// `^`: pad both sides, the extra fill character on the right.
    Center,
    /// `=`: pad between the sign (and prefix) and the digits.
    AfterSign,
}

/// The sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `+`: a sign for positive numbers too.
    Plus,
    /// `-`: a sign for negative numbers only (the default).
    Minus,
    /// ` `: a space for positive numbers.
    Space,
}

/// The thousands separator option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`: commas every three digits (decimal types only).
    Comma,
    /// `_`: underscores every three decimal digits or every four `b`/`o`/`x`/`X` digits.
    Underscore,
}

impl Grouping {
    fn char(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed format spec. Options are kept as written; each formatter applies its type's
/// defaults (numbers align right, strings left; `0` means fill `0`, and for numbers align
/// `=` unless an alignment is given).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, when given with an alignment.
    pub fill: Option<char>,
    /// The alignment, when given.
    pub align: Option<Align>,
    /// The sign option, when given.
    pub sign: Option<Sign>,
    /// `z`: negative zero (after rounding) formats as positive zero.
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0` before the width (only recorded when no fill character is given).
    pub zero_pad: bool,
    /// The minimum width in code points.
    pub width: Option<usize>,
    /// The thousands separator.
    pub grouping: Option<Grouping>,
    /// The precision.
    pub precision: Option<usize>,
    /// The presentation type.
    pub ty: Option<char>,
}

/// A type or separator character as CPython quotes it in messages: itself when printable
/// ASCII, else `\x<hex>`.
fn code_display(c: char) -> String {
    if (33..128).contains(&(c as u32)) {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// A type name cut as CPython's `%.200s` does.
fn short_type_name(type_name: &str) -> &str {
    match type_name.char_indices().nth(200) {
        Some((i, _)) => &type_name[..i],
        None => type_name,
    }
}

/// `Unknown format code 'x' for object of type 'float'`.
fn unknown_code(c: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        code_display(c),
        short_type_name(type_name)
    ))
}

/// `Cannot specify ',' with 's'.`
fn bad_grouping(g: Grouping, ty: char) -> FormatError {
    FormatError::value(format!(
        "Cannot specify '{}' with '{}'.",
        g.char(),
        code_display(ty)
    ))
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a run of (Unicode) decimal digits at `*pos`; `None` when there is none.
fn parse_count(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut value: Option<usize> = None;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c as u32)) {
        let v = value.unwrap_or(0);
        let next = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
        value = Some(next);
        *pos += 1;
    }
    Ok(value)
}

impl FormatSpec {
    /// Parses `spec` as CPython does for an object of type `type_name` (which only appears
    /// in error messages), including its checks of the grouping option against the type.
    /// (For a spec without a type, the `str` check "Cannot specify ',' with 's'." is made by
    /// [`format_str`].)
    pub fn parse(spec: &str, type_name: &str) -> Result<FormatSpec, FormatError> {
        let chars: Vec<char> = spec.chars().collect();
        let mut out = FormatSpec::default();
        let mut pos = 0;
        if let Some(a) = chars.get(1).and_then(|&c| align_of(c)) {
            out.fill = Some(chars[0]);
            out.align = Some(a);
            pos = 2;
        } else if let Some(a) = chars.first().and_then(|&c| align_of(c)) {
            out.align = Some(a);
            pos = 1;
        }
        out.sign = match chars.get(pos) {
            Some('+') => Some(Sign::Plus),
            Some('-') => Some(Sign::Minus),
            Some(' ') => Some(Sign::Space),
            _ => None,
        };
        if out.sign.is_some() {
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && chars.get(pos) == Some(&'0') {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = parse_count(&chars, &mut pos)?
            .map(crate::format::check_width)
            .transpose()?;
        let both = || FormatError::value("Cannot specify both ',' and '_'.");
        if chars.get(pos) == Some(&',') {
            out.grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if out.grouping.is_some() {
                return Err(both());
            }
            out.grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if chars.get(pos) == Some(&',') && out.grouping == Some(Grouping::Underscore) {
            return Err(both());
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            out.precision = parse_count(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(FormatError::value("Format specifier missing precision"));
            }
        }
        match chars.len() - pos {
            0 => {}
            1 => out.ty = Some(chars[pos]),
            _ => {
                return Err(FormatError::value(format!(
                    "Invalid format specifier '{spec}' for object of type '{}'",
                    short_type_name(type_name)
                )))
            }
        }
        if let (Some(g), Some(ty)) = (out.grouping, out.ty) {
            let ok = match ty {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => true,
                'b' | 'o' | 'x' | 'X' => g == Grouping::Underscore,
                _ => false,
            };
            if !ok {
                return Err(bad_grouping(g, ty));
            }
        }
        Ok(out)
    }

    /// The fill character and alignment for a number.
    fn number_padding(&self) -> (char, Align) {
        let fill = self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' });
        let align = self.align.unwrap_or(if self.zero_pad {
            Align::AfterSign
        } else {
            Align::Right
        });
        (fill, align)
    }

    /// The sign text of a number that is (`negative`) or is not below zero.
    fn sign_text(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else {
            match self.sign {
                Some(Sign::Plus) => "+",
                Some(Sign::Space) => " ",
                _ => "",
            }
        }
    }
}

/// Appends `n` copies of `fill`.
fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(std::iter::repeat_n(fill, n));
}

/// A number split for padding: `sign prefix digits rest`, where only `digits` (the integer
/// part) is grouped and zero-padded.
struct NumberParts<'a> {
    sign: &'a str,
    prefix: &'a str,
    digits: &'a [u8],
    rest: &'a str,
}

/// Lays out a number with fill, alignment, width and grouping (`(separator, interval)`).
/// With fill `0` and `=` alignment, grouping covers the zero padding too, as in CPython
/// (`format(1234, '09,')` is `'0,001,234'`).
fn render_number(
    parts: &NumberParts<'_>,
    fill: char,
    align: Align,
    width: usize,
    grouping: Option<(char, usize)>,
) -> String {
    let fixed = parts.sign.len() + parts.prefix.len() + parts.rest.chars().count();
    let n = parts.digits.len();
    let grouping = grouping.filter(|_| n > 0);
    // Digit count after zero padding inside the grouping.
    let mut k = n;
    if let Some((_, g)) = grouping {
        if fill == '0' && align == Align::AfterSign {
            let min = width.saturating_sub(fixed);
            let len = |k: usize| k + (k - 1) / g;
            if len(n) < min {
                k = (min.saturating_mul(g) / (g + 1)).max(n);
                while len(k) < min {
                    k += 1;
                }
            }
        }
    }
    let digits_len = match grouping {
        Some((_, g)) => k + (k - 1) / g,
        None => n,
    };
    let padding = width.saturating_sub(fixed + digits_len);
    let (left, right) = match align {
        Align::Left => (0, padding),
        Align::Right | Align::AfterSign => (padding, 0),
        Align::Center => (padding / 2, padding - padding / 2),
    };
    let mut out = String::with_capacity(fixed + digits_len + padding);
    if align != Align::AfterSign {
        push_fill(&mut out, fill, left);
    }
    out.push_str(parts.sign);
    out.push_str(parts.prefix);
    if align == Align::AfterSign {
        push_fill(&mut out, fill, left);
    }
    match grouping {
        None => push_ascii(&mut out, parts.digits),
        Some((sep, g)) => {
            for i in 0..k {
                let d = if i < k - n {
                    '0'
                } else {
                    parts.digits[i - (k - n)] as char
                };
                out.push(d);
                if i + 1 < k && (k - 1 - i).is_multiple_of(g) {
                    out.push(sep);
                }
            }
        }
    }
    out.push_str(parts.rest);
    push_fill(&mut out, fill, right);
    out
}

/// `format(value, spec)` for an int (`int.__format__`): types `b c d o x X n` and none (as
/// `d`), and `e E f F g G %` via float conversion (`OverflowError` "int too large to convert
/// to float"). `type_name` is for messages; `max_str_digits` is the
/// `sys.set_int_max_str_digits()` limit for decimal output (0 for none).
pub fn format_int(
    value: IntRef<'_>,
    spec: &FormatSpec,
    type_name: &str,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    let (base, upper, prefix) = match ty {
        'd' | 'n' => (10, false, ""),
        'b' => (2, false, "0b"),
        'o' => (8, false, "0o"),
        'x' => (16, false, "0x"),
        'X' => (16, true, "0X"),
        'c' => (0, false, ""),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float(int_to_f64(value)?, spec, type_name);
        }
        other => return Err(unknown_code(other, type_name)),
    };
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let (fill, align) = spec.number_padding();
    let width = spec.width.unwrap_or(0);
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        // The value goes through a C long first.
        let long = match value {
            IntRef::Small(v) => v,
            IntRef::Big(v) => v.to_i64().ok_or_else(|| {
                FormatError::overflow("Python int too large to convert to C long")
            })?,
        };
        let code = u32::try_from(long)
            .ok()
            .filter(|&c| c < 0x110000)
            .ok_or_else(|| FormatError::overflow("%c arg not in range(0x110000)"))?;
        let ch = char::from_u32(code).ok_or_else(|| {
            FormatError::value("%c of a surrogate code point cannot be represented")
        })?;
        let mut buf = [0u8; 4];
        let parts = NumberParts {
            sign: "",
            prefix: "",
            digits: b"",
            rest: ch.encode_utf8(&mut buf),
        };
        return Ok(render_number(&parts, fill, align, width, None));
    }
    let grouping = spec
        .grouping
        .map(|g| (g.char(), if base == 10 { 3 } else { 4 }));
    let limit = if base == 10 { max_str_digits } else { 0 };
    with_abs_digits(value, base, upper, limit, |digits| {
        let parts = NumberParts {
            sign: spec.sign_text(value.is_negative()),
            prefix: if spec.alternate { prefix } else { "" },
            digits,
            rest: "",
        };
        render_number(&parts, fill, align, width, grouping)
    })
}

/// `format(x, spec)` for a float (`float.__format__`): types `e E f F g G n %` and none
/// (repr-like; with a precision, `g`-like but keeping a digit after the point), with
/// `inf`/`nan`, `#`, `z`, grouping and zero padding as CPython. `type_name` is for messages.
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let ty = spec.ty;
    let (style, upper, default_precision) = match ty {
        None => (Style::Repr, false, 0),
        Some('e') => (Style::Exp, false, 6),
        Some('E') => (Style::Exp, true, 6),
        Some('f') | Some('%') => (Style::Fixed, false, 6),
        Some('F') => (Style::Fixed, true, 6),
        Some('g') | Some('n') => (Style::General, false, 6),
        Some('G') => (Style::General, true, 6),
        Some(other) => return Err(unknown_code(other, type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    let mut layout = Layout {
        style,
        precision: spec.precision.unwrap_or(default_precision),
        alt: spec.alternate,
        add_dot_0: ty.is_none(),
        upper,
    };
    if ty.is_none() && spec.precision.is_some() {
        layout.style = Style::General;
    }
    let x = if ty == Some('%') { x * 100.0 } else { x };
    let mut body = String::new();
    let is_zero = push_float_body(&mut body, x, &layout);
    if ty == Some('%') {
        body.push('%');
    }
    let negative = x.is_sign_negative() && !x.is_nan() && !(spec.no_neg_zero && is_zero);
    let split = body
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    let parts = NumberParts {
        sign: spec.sign_text(negative),
        prefix: "",
        digits: digits.as_bytes(),
        rest,
    };
    let (fill, align) = spec.number_padding();
    let grouping = spec.grouping.map(|g| (g.char(), 3));
    Ok(render_number(
        &parts,
        fill,
        align,
        spec.width.unwrap_or(0),
        grouping,
    ))
}

/// Appends one signed part of a complex number (`sign` is the text for a non-negative
/// value) with grouping but no padding; `z` applies when `no_neg_zero`.
fn push_complex_part(
    out: &mut String,
    x: f64,
    layout: &Layout,
    sign: &str,
    no_neg_zero: bool,
    grouping: Option<(char, usize)>,
) {
    let mut body = String::new();
    let is_zero = push_float_body(&mut body, x, layout);
    let negative = x.is_sign_negative() && !x.is_nan() && !(no_neg_zero && is_zero);
    let split = body
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    let parts = NumberParts {
        sign: if negative { "-" } else { sign },
        prefix: "",
        digits: digits.as_bytes(),
        rest,
    };
    out.push_str(&render_number(&parts, ' ', Align::Right, 0, grouping));
}

/// `format(complex(re, im), spec)` (`complex.__format__`): types `e E f F g G n` and none.
/// Without a type it is `repr`-like: parentheses, and no real part when it is `+0.0`;
/// with a precision and no type, `g`-like. The sign option applies to the real part, the
/// imaginary part always has a sign; padding applies to the whole text (right-aligned by
/// default); zero padding and `=` are errors.
pub fn format_complex(
    re: f64,
    im: f64,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    let ty = spec.ty;
    let (style, upper, default_precision) = match ty {
        None => (Style::Repr, false, 0),
        Some('e') => (Style::Exp, false, 6),
        Some('E') => (Style::Exp, true, 6),
        Some('f') => (Style::Fixed, false, 6),
        Some('F') => (Style::Fixed, true, 6),
        Some('g') | Some('n') => (Style::General, false, 6),
        Some('G') => (Style::General, true, 6),
        Some(other) => return Err(unknown_code(other, type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    if spec.zero_pad || spec.fill == Some('0') {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let layout = Layout {
        style: if ty.is_none() && spec.precision.is_some() {
            Style::General
        } else {
            style
        },
        precision: spec.precision.unwrap_or(default_precision),
        alt: spec.alternate,
        add_dot_0: false,
        upper,
    };
    let skip_re = ty.is_none() && re == 0.0 && re.is_sign_positive();
    let parens = ty.is_none() && !skip_re;
    let grouping = spec.grouping.map(|g| (g.char(), 3));
    let mut text = String::new();
    if parens {
        text.push('(');
    }
    if !skip_re {
        let sign = spec.sign_text(false);
        push_complex_part(&mut text, re, &layout, sign, spec.no_neg_zero, grouping);
    }
    // The imaginary part is signed as the real one would be when it stands alone.
    let im_sign = if skip_re { spec.sign_text(false) } else { "+" };
    push_complex_part(&mut text, im, &layout, im_sign, spec.no_neg_zero, grouping);
    text.push('j');
    if parens {
        text.push(')');
    }
    let fill = spec.fill.unwrap_or(' ');
    let align = spec.align.unwrap_or(Align::Right);
    Ok(pad_str(&text, fill, align, spec.width.unwrap_or(0), None))
}

/// `repr(complex(re, im))`, e.g. `(1+2j)`, `1.5j`, `(-0+1j)`, `(1e+16+nanj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    format_complex(re, im, &FormatSpec::default(), "complex").expect("the empty spec is valid")
}

/// `format(s, spec)` for a str (`str.__format__`): type `s` or none; the precision keeps
/// that many code points, the width counts code points, alignment defaults to left.
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    match spec.ty {
        None => {
            if let Some(g) = spec.grouping {
                return Err(bad_grouping(g, 's'));
            }
        }
        Some('s') => {}
        Some(other) => return Err(unknown_code(other, type_name)),
    }
    match spec.sign {
        None => {}
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    let align = spec.align.unwrap_or(Align::Left);
    Ok(pad_str(
        s,
        fill,
        align,
        spec.width.unwrap_or(0),
        spec.precision,
    ))
}

/// `s` cut to `precision` code points and padded with `fill` to `width` code points.
pub(crate) fn pad_str(
    s: &str,
    fill: char,
    align: Align,
    width: usize,
    precision: Option<usize>,
) -> String {
    let (s, len) = match precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None if width == 0 => (s, 0),
        None => (s, s.chars().count()),
    };
    let padding = width.saturating_sub(len);
    if padding == 0 {
        return s.to_owned();
    }
    let (left, right) = match align {
        Align::Left => (0, padding),
        Align::Right | Align::AfterSign => (padding, 0),
        Align::Center => (padding / 2, padding - padding / 2),
    };
    let mut out = String::with_capacity(s.len() + padding * fill.len_utf8());
    push_fill(&mut out, fill, left);
    out.push_str(s);
    push_fill(&mut out, fill, right);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(v: i64, spec: &str) -> String {
        let spec = FormatSpec::parse(spec, "int").map_err(|e| e.message);
        match spec
            .and_then(|s| format_int(IntRef::Small(v), &s, "int", 4300).map_err(|e| e.message))
        {
            Ok(s) | Err(s) => s,
        }
    }

    fn ff(x: f64, spec: &str) -> String {
        let spec = FormatSpec::parse(spec, "float").map_err(|e| e.message);
        match spec.and_then(|s| format_float(x, &s, "float").map_err(|e| e.message)) {
            Ok(s) | Err(s) => s,
        }
    }

    fn fs(x: &str, spec: &str) -> String {
        let spec = FormatSpec::parse(spec, "str").map_err(|e| e.message);
        match spec.and_then(|s| format_str(x, &s, "str").map_err(|e| e.message)) {
            Ok(s) | Err(s) => s,
        }
    }

    #[test]
    fn ints() {
        assert_eq!(fi(1234, "010,"), "00,001,234");
        assert_eq!(fi(1234, "08,"), "0,001,234");
        assert_eq!(fi(123, "04,"), "0,123");
        assert_eq!(fi(1234, "x=10,"), "xxxxx1,234");
        assert_eq!(fi(-12, "#015_b"), "-0b00_0000_1100");
        assert_eq!(fi(255, "#X"), "0XFF");
        assert_eq!(fi(65, "05c"), "0000A");
        assert_eq!(fi(12, "<05"), "12000");
        assert_eq!(fi(1, "=+5"), "+   1");
        assert_eq!(fi(1234, "é^12,"), "ééé1,234éééé");
        assert_eq!(fi(5, ".2f"), "5.00");
        assert_eq!(
            fi(1, "abc"),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(fi(1, ",,"), "Cannot specify ',' with ','.");
        assert_eq!(fi(1, "_,"), "Cannot specify both ',' and '_'.");
        assert_eq!(
            fi(1, "\u{1}"),
            "Unknown format code '\\x1' for object of type 'int'"
        );
        assert_eq!(
            fi(1, "z.2"),
            "Precision not allowed in integer format specifier"
        );
        assert_eq!(
            fi(1, "99999999999999999999"),
            "Too many decimal digits in format string"
        );
        assert_eq!(fi(1, "٥"), "    1");
    }

    #[test]
    fn floats() {
        assert_eq!(ff(1e16, ""), "1e+16");
        assert_eq!(ff(1e16, "#"), "1.e+16");
        assert_eq!(ff(1.5, ".3"), "1.5");
        assert_eq!(ff(123.0, ".3"), "1.23e+02");
        assert_eq!(ff(1.0, ".0"), "1e+00");
        assert_eq!(ff(1234.5, ","), "1,234.5");
        assert_eq!(ff(-0.0, "z.1f"), "0.0");
        assert_eq!(ff(-0.6, "z.0f"), "-1");
        assert_eq!(ff(0.125, ".2f"), "0.12");
        assert_eq!(ff(2.675, ".2f"), "2.67");
        assert_eq!(ff(f64::INFINITY, "010,"), "0000000inf");
        assert_eq!(ff(f64::NAN, "+010"), "+000000nan");
        assert_eq!(ff(-f64::NAN, ""), "nan");
        assert_eq!(ff(1.5, "010,"), "0,000,001.5");
        assert_eq!(ff(1.0, "#.0%"), "100.%");
        assert_eq!(ff(1.0, "#g"), "1.00000");
        assert_eq!(ff(1e300, "E"), "1.000000E+300");
        assert_eq!(ff(f64::INFINITY, "F"), "INF");
        assert_eq!(ff(1.0, ".2147483648f"), "precision too big");
        assert_eq!(
            ff(1.0, "x"),
            "Unknown format code 'x' for object of type 'float'"
        );
        // Precisions past Rust's own limit (u16::MAX) still give exact digits then zeros.
        let long = ff(0.1, ".70000f");
        assert_eq!(long.len(), 70002);
        assert!(long.starts_with("0.1000000000000000055511151231257827021181583404541015625000"));
        assert!(long[60..].bytes().all(|b| b == b'0'));
        assert_eq!(ff(1.5, ".70000e").len(), 70006);
    }

    #[test]
    fn strings() {
        assert_eq!(fs("ab", "05"), "ab000");
        let fc = |re, im, spec| {
            let spec = FormatSpec::parse(spec, "complex").unwrap();
            format_complex(re, im, &spec, "complex").unwrap_or_else(|e| e.message)
        };
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(0.0, 1.5), "1.5j");
        assert_eq!(complex_repr(-0.0, 1.0), "(-0+1j)");
        assert_eq!(complex_repr(1.0, -f64::NAN), "(1+nanj)");
        assert_eq!(fc(0.0, 3.0, "f"), "0.000000+3.000000j");
        assert_eq!(fc(1.0, 2.0, "+"), "(+1+2j)");
        assert_eq!(fc(1.0, 2.0, "10"), "    (1+2j)");
        assert_eq!(fc(123.0, 4.0, ".3"), "(123+4j)");
        assert_eq!(fc(12345.0, 6789.0, ",.2f"), "12,345.00+6,789.00j");
        assert_eq!(fc(-0.0, -0.0, "z"), "(0+0j)");
        assert_eq!(
            fc(1.0, 2.0, "0<10"),
            "Zero padding is not allowed in complex format specifier"
        );
        assert_eq!(fs("ab", "^5"), " ab  ");
        assert_eq!(fs("abcdef", "*>8.3"), "*****abc");
        assert_eq!(fs("a", ","), "Cannot specify ',' with 's'.");
        assert_eq!(fs("a", "+"), "Sign not allowed in string format specifier");
        assert_eq!(
            fs("a", "=5"),
            "'=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            fs("a", "d"),
            "Unknown format code 'd' for object of type 'str'"
        );
    }
}
