//! Argument parsing for built-in functions and methods: positional/keyword binding with
//! CPython's error messages.

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::as_str;
use crate::objects::PyResult;

/// The single argument of a one-argument method (`list.append(x)`).
pub fn exactly_one<'a>(name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
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

/// Checks that a method taking no arguments got none ("dict.copy() takes no arguments (1 given)").
pub fn no_args(qualname: &str, args: &[Value]) -> PyResult<()> {
    if !args.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no arguments ({} given)", qualname, args.len()),
        );
    }
    Ok(())
}

/// Arguments of `seq.index(x[, start[, stop]])`: the value and the clamped range.
pub fn index_args<'a>(
    name: &str,
    args: &'a [Value],
    len: usize,
) -> PyResult<(&'a Value, usize, usize)> {
    if args.is_empty() || args.len() > 3 {
        return err(
            &TYPE_ERROR,
            format!("{} expected at least 1 argument, got {}", name, args.len()),
        );
    }
    let clamp = |v: &Value| -> PyResult<usize> {
        if v.ty().index.is_none() && v.as_small_int().is_none() {
            return err(
                &TYPE_ERROR,
                "slice indices must be integers or have an __index__ method",
            );
        }
        let i = crate::ops::number::index_i64(v)?;
        Ok(if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        })
    };
    let start = match args.get(1) {
        Some(v) => clamp(v)?,
        None => 0,
    };
    let stop = match args.get(2) {
        Some(v) => clamp(v)?,
        None => len,
    };
    Ok((&args[0], start, stop))
}

/// Binds vectorcall arguments to named parameters, in declaration order.
///
/// Usage: `let mut p = ArgParser::new("sorted", args, kwnames); let it = p.required("iterable")?;
/// let key = p.kw_only("key")?; p.finish()?;`
pub struct ArgParser<'a> {
    name: &'a str,
    pos: &'a [Value],
    kwnames: &'a [Value],
    kwvals: &'a [Value],
    used_kw: Vec<bool>,
    next_pos: usize,
}

impl<'a> ArgParser<'a> {
    /// Starts parsing `args` (positional then keyword values) named by `kwnames`.
    pub fn new(name: &'a str, args: &'a [Value], kwnames: &'a [Value]) -> ArgParser<'a> {
        let npos = args.len() - kwnames.len();
        ArgParser {
            name,
            pos: &args[..npos],
            kwnames,
            kwvals: &args[npos..],
            used_kw: vec![false; kwnames.len()],
            next_pos: 0,
        }
    }

    fn take_kw(&mut self, pname: &str) -> Option<Value> {
        for (i, k) in self.kwnames.iter().enumerate() {
            if !self.used_kw[i] && as_str(k).is_some_and(|s| &*s == pname) {
                self.used_kw[i] = true;
                return Some(self.kwvals[i].clone());
            }
        }
        None
    }

    /// Number of positional arguments given.
    pub fn npos(&self) -> usize {
        self.pos.len()
    }

    /// Errors if any positional argument was given (methods taking keywords only).
    pub fn no_positional(&mut self) -> PyResult<()> {
        if !self.pos.is_empty() {
            return err(
                &TYPE_ERROR,
                format!("{}() takes no positional arguments", self.name),
            );
        }
        Ok(())
    }

    /// A parameter that may be given by position or keyword.
    pub fn optional(&mut self, pname: &str) -> PyResult<Option<Value>> {
        if self.next_pos < self.pos.len() {
            let v = self.pos[self.next_pos].clone();
            self.next_pos += 1;
            if self.take_kw(pname).is_some() {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "argument for {}() given by name ('{}') and position",
                        self.name, pname
                    ),
                );
            }
            return Ok(Some(v));
        }
        Ok(self.take_kw(pname))
    }

    /// A positional-only parameter.
    pub fn optional_pos(&mut self) -> Option<Value> {
        if self.next_pos < self.pos.len() {
            self.next_pos += 1;
            return Some(self.pos[self.next_pos - 1].clone());
        }
        None
    }

    /// A required parameter (position or keyword).
    pub fn required(&mut self, pname: &str) -> PyResult<Value> {
        match self.optional(pname)? {
            Some(v) => Ok(v),
            None => err(
                &TYPE_ERROR,
                format!(
                    "{}() missing required argument '{}' (pos {})",
                    self.name,
                    pname,
                    self.next_pos + 1
                ),
            ),
        }
    }

    /// A keyword-only parameter.
    pub fn kw_only(&mut self, pname: &str) -> PyResult<Option<Value>> {
        Ok(self.take_kw(pname))
    }

    /// Errors on leftover positional or keyword arguments.
    pub fn finish(&self) -> PyResult<()> {
        if self.next_pos < self.pos.len() {
            return err(
                &TYPE_ERROR,
                format!(
                    "{}() takes at most {} argument{} ({} given)",
                    self.name,
                    self.next_pos,
                    if self.next_pos == 1 { "" } else { "s" },
                    self.pos.len() + self.kwnames.len()
                ),
            );
        }
        for (i, k) in self.kwnames.iter().enumerate() {
            if !self.used_kw[i] {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "'{}' is an invalid keyword argument for {}()",
                        as_str(k).map(|s| s.to_string()).unwrap_or_default(),
                        self.name
                    ),
                );
            }
        }
        Ok(())
    }
}
