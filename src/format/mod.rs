//! Text <-> number conversions and the format-spec mini-language, as CPython 3.12 does them.
//!
//! This module is self-contained: it depends on `std` and `rug` only, never on VM types, so
//! the VM passes plain Rust values (`f64`, `&str`, [`IntRef`]) and turns a [`FormatError`]
//! into the Python exception named by its [`ErrorKind`]. Every message is CPython's text.
//!
//! - numbers to text: [`float_repr`], [`int_to_str`], [`int_to_prefixed`], [`float_to_hex`];
//! - text to numbers: [`parse_float`], [`parse_int`], [`float_from_hex`] (and `_bytes` forms);
//! - `format()` / `__format__`: [`FormatSpec::parse`], [`format_int`], [`format_float`],
//!   [`format_str`], [`format_complex`] (and [`complex_repr`]);
//! - `round(x, n)`: [`float_round`];
//! - `str % args`: [`parse_percent_template`], [`percent_int`], [`percent_float`],
//!   [`percent_str`];
//! - `repr()` / `ascii()` escaping: [`str_repr`], [`ascii_repr`], [`bytes_repr`];
//! - Unicode properties the above need, shared with the VM: [`is_printable`], [`is_space`],
//!   [`decimal_value`].
//!
//! Locale: the `n` presentation type behaves as in the C locale (no grouping, `.` point).

#![warn(missing_docs)]

mod digits;
mod error;
mod float_hex;
mod float_str;
mod int;
mod percent;
mod repr;
mod round;
mod spec;
mod unicode;
#[rustfmt::skip]
mod unicode_tables;

pub use error::{check_width, ErrorKind, FormatError, MAX_WIDTH};
pub use float_hex::{float_from_hex, float_to_hex};
pub use float_str::{float_repr, parse_float, parse_float_bytes, push_float_repr};
pub use int::{
    int_to_f64, int_to_prefixed, int_to_str, parse_int, parse_int_bytes, push_int, IntRef,
    IntValue, DEFAULT_MAX_STR_DIGITS, MAX_STR_DIGITS_THRESHOLD,
};
pub use percent::{
    parse_percent_template, percent_float, percent_int, percent_str, Conversion, PercentCount,
    PercentFlags, PercentPiece, PercentSpec,
};
pub use repr::{ascii_repr, bytes_repr, push_repr_code_points, str_repr};
pub use round::float_round;
pub use spec::{
    complex_repr, format_complex, format_float, format_int, format_str, Align, FormatSpec,
    Grouping, Sign,
};
pub use unicode::{decimal_value, is_printable, is_space};
