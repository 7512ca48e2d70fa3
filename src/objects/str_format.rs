//! `str % args` and `str.format(...)`: the parts of text formatting that need Python values
//! (argument lookup, `__format__`, `repr`); the number layouts come from `crate::format`.

use crate::abi::Value;
use crate::objects::exception::{err, SYSTEM_ERROR};
use crate::objects::PyResult;

/// `template % args`.
pub fn percent_format(_template: &Value, _args: &Value) -> PyResult<Value> {
    err(&SYSTEM_ERROR, "str % formatting is not implemented yet")
}

/// `template.format(*args, **kwargs)`.
pub fn str_format(_template: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    err(&SYSTEM_ERROR, "str.format is not implemented yet")
}
