//! Printing an uncaught exception the way CPython 3.12 does: the chain of causes/contexts,
//! `Traceback (most recent call last):`, one `File ..., line N, in name` entry per frame with
//! its source line, and the final `Type: message` line.

use std::io::Write;

use crate::abi::Value;
use crate::objects::code::Code;
use crate::objects::exception::ExceptionData;
use crate::objects::traceback::Traceback;

/// Reads line `n` (1-based) of `path`, stripped, if the file is readable.
pub fn source_line(path: &str, n: u32) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().nth(n.checked_sub(1)? as usize)?;
    let t = line.trim();
    if t.is_empty() {
        None
    } else {
        Some(t.to_string())
    }
}

/// The `Type: message` line of an exception.
pub fn exception_only(e: &Value) -> String {
    let ty = e.ty();
    let mut name = ty.name.to_string();
    if let Some(m) = ty
        .dict()
        .downcast_ref::<crate::objects::dict::Dict>()
        .and_then(|d| d.get_str(&crate::objects::str::new_str("__module__")))
    {
        if let Some(m) = crate::objects::str::as_str(&m) {
            if &*m != "__main__" && &*m != "builtins" {
                name = format!("{}.{}", &*m, name);
            }
        }
    }
    let msg = match crate::ops::object::str_string(e) {
        Ok(s) => s,
        Err(_) => {
            crate::vm::thread::take_raised();
            "<exception str() failed>".into()
        }
    };
    let mut out = if msg.is_empty() {
        name
    } else {
        format!("{}: {}", name, msg)
    };
    if let Some(notes) = crate::ops::object::get_instance_dict_item(e, "__notes__") {
        if let Ok(items) = crate::ops::sequence::collect(&notes) {
            for n in items {
                out.push('\n');
                out.push_str(&crate::ops::object::str_string(&n).unwrap_or_default());
            }
        }
    }
    out
}

fn format_tb(tb: &Value, out: &mut String) {
    let mut cur = tb.clone();
    while let Some(t) = cur.downcast_ref::<Traceback>() {
        if let Some(c) = t.code.downcast_ref::<Code>() {
            let file = crate::ops::object::str_string(&c.filename).unwrap_or_default();
            let name = crate::ops::object::str_string(&c.name).unwrap_or_default();
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                file, t.lineno, name
            ));
            if let Some(l) = source_line(&file, t.lineno) {
                out.push_str(&format!("    {}\n", l));
            }
        }
        cur = t.next.clone();
    }
}

fn format_chain(e: &Value, out: &mut String, seen: &mut Vec<u64>) {
    seen.push(e.payload);
    if let Some(d) = e.downcast_ref::<ExceptionData>() {
        let cause = d.cause();
        let context = d.context();
        if !cause.is_null() && !seen.contains(&cause.payload) {
            format_chain(&cause, out, seen);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if !context.is_null()
            && !d.suppress_context.get()
            && !seen.contains(&context.payload)
        {
            format_chain(&context, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let tb = d.traceback();
        if !tb.is_null() {
            out.push_str("Traceback (most recent call last):\n");
            format_tb(&tb, out);
        }
    }
    out.push_str(&exception_only(e));
    out.push('\n');
}

/// Prints `e` with its chain and traceback to stderr (flushing stdout first).
pub fn print_exception(e: &Value) {
    let _ = crate::modules::sys::flush_stdout();
    let mut out = String::new();
    format_chain(e, &mut out, &mut Vec::new());
    let stderr = std::io::stderr();
    let mut h = stderr.lock();
    let _ = h.write_all(out.as_bytes());
    let _ = h.flush();
}

/// Prints an exception that cannot be raised (an error in a finalizer) the way CPython's default
/// `sys.unraisablehook` does: `Exception ignored in: <repr of obj>`, the traceback if any, and
/// the `Type: message` line (no chained exceptions).
pub fn print_unraisable(e: &Value, obj: &Value) {
    let _ = crate::modules::sys::flush_stdout();
    let r = match crate::ops::object::repr_string(obj) {
        Ok(s) => s,
        Err(_) => {
            crate::vm::thread::take_raised();
            "<object repr() failed>".into()
        }
    };
    let mut out = format!("Exception ignored in: {}\n", r);
    if let Some(d) = e.downcast_ref::<ExceptionData>() {
        let mut tb = d.traceback();
        if tb.is_null() {
            // As CPython 3.12: an exception without a traceback gets the current frame's.
            if let Some(f) = crate::vm::frame::frames().frames.last() {
                let line = f.code().line_at(f.lasti);
                tb = crate::objects::traceback::new_traceback(
                    Value::NULL,
                    f.function().code.clone(),
                    f.lasti,
                    line,
                );
            }
        }
        if !tb.is_null() {
            out.push_str("Traceback (most recent call last):\n");
            format_tb(&tb, &mut out);
        }
    }
    out.push_str(&exception_only(e));
    out.push('\n');
    let stderr = std::io::stderr();
    let mut h = stderr.lock();
    let _ = h.write_all(out.as_bytes());
    let _ = h.flush();
}
