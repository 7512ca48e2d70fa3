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
    if let Some((block, last)) = syntax_error_block(e) {
        out.push_str(&block);
        out.push_str(&last);
        out.push('\n');
        return;
    }
    out.push_str(&exception_only(e));
    out.push('\n');
}

/// For a `SyntaxError` (anything with `print_file_and_line`): the `File "f", line N` block
/// with the source line and carets, and the `Type: msg` line, as CPython 3.12's
/// `print_exception` writes them. `None` when the attributes do not parse.
fn syntax_error_block(e: &Value) -> Option<(String, String)> {
    use crate::ops::object::get_instance_dict_item as attr;
    attr(e, "print_file_and_line")?;
    let msg = attr(e, "msg")?;
    let int = |n: &str| -> Option<i64> {
        match attr(e, n) {
            Some(v) if v.is_none() => Some(-1),
            Some(v) => v.as_small_int(),
            None => Some(-1),
        }
    };
    let filename = match attr(e, "filename") {
        Some(f) if !f.is_none() => crate::ops::object::str_string(&f).ok()?,
        _ => "<string>".to_string(),
    };
    let lineno = attr(e, "lineno")?.as_small_int()?;
    let offset = int("offset")?;
    let exact = std::ptr::eq(e.ty(), &crate::objects::exception::SYNTAX_ERROR);
    let end_lineno = if exact {
        Some(int("end_lineno")?)
            .filter(|l| *l != -1)
            .unwrap_or(lineno)
    } else {
        lineno
    };
    let mut end_offset = if exact { int("end_offset")? } else { -1 };
    let mut out = format!("  File \"{}\", line {}\n", filename, lineno);
    if let Some(text) = attr(e, "text").filter(|t| !t.is_none()) {
        let text = crate::ops::object::str_string(&text).ok()?;
        let size = text.chars().count() as i64;
        if end_lineno > lineno {
            end_offset = size;
        }
        if end_offset > size + 1 {
            end_offset = size + 1;
        }
        out.push_str(&error_text(offset, end_offset, &text));
    }
    let mut last = exception_only_type(e);
    let m = crate::ops::object::str_string(&msg).unwrap_or_default();
    if !m.is_empty() {
        last.push_str(": ");
        last.push_str(&m);
    }
    Some((out, last))
}

/// CPython's `print_error_text`: the offending line, stripped, and a caret line.
fn error_text(offset: i64, end_offset: i64, text: &str) -> String {
    let reps = if end_offset > 0 && end_offset > offset {
        (end_offset - offset) as usize
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut chars: Vec<char> = text.chars().collect();
    let skip = chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    chars.drain(..skip);
    offset -= skip as i64;
    let mut len = chars.len() as i64;
    if chars.last() == Some(&'\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(nl) = chars.iter().position(|c| *c == '\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        chars.drain(..=nl);
        len -= inl + 1;
        offset -= inl + 1;
    }
    let mut out = String::from("    ");
    out.extend(chars.iter());
    if chars.get(len.max(0) as usize) != Some(&'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return out;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', offset as usize));
    out.extend(std::iter::repeat_n('^', reps));
    out.push('\n');
    out
}

/// The qualified type name at the start of an exception's last line.
fn exception_only_type(e: &Value) -> String {
    let full = exception_only(&crate::objects::exception::new_exception(e.ty(), vec![]));
    full.lines().next().unwrap_or("").to_string()
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
