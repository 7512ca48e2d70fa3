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

/// Line `n` (1-based) of `path` as CPython's traceback printer reads it: without its line
/// break but otherwise unchanged. `None` for unreadable files and `<...>` pseudo-files.
pub fn raw_source_line(path: &str, n: u32) -> Option<String> {
    if path.starts_with('<') && path.ends_with('>') {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    // Universal newlines, as the text file CPython reads through.
    let mut lines = text.split_inclusive(['\n', '\r']);
    let mut idx = 1;
    let mut pending_cr = false;
    for raw in lines.by_ref() {
        if pending_cr && raw == "\n" {
            pending_cr = false;
            continue;
        }
        pending_cr = raw.ends_with('\r');
        if idx == n {
            return Some(raw.trim_end_matches(['\n', '\r']).to_string());
        }
        idx += 1;
    }
    None
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the number of characters in the first
/// `col` bytes of `s` (a cut character counts as one replacement character).
fn byte_to_char_offset(s: &str, col: usize) -> usize {
    let b = s.as_bytes();
    if col > b.len() {
        return s.chars().count() + 1;
    }
    String::from_utf8_lossy(&b[..col]).chars().count()
}

/// Entries beyond this many identical ones in a row are summarized (CPython's
/// `TB_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

/// `sys.tracebacklimit` if set to an int (negative counts as 0).
fn traceback_limit() -> Option<usize> {
    let sys = crate::modules::sys::module();
    let v = sys
        .downcast_ref::<crate::objects::module::Module>()?
        .dict()
        .get_str(&crate::objects::str::new_str("tracebacklimit"))?;
    if v.is_bool() {
        return Some(v.payload as usize);
    }
    match crate::objects::int::as_int(&v)? {
        crate::objects::int::IntRef::Small(i) => Some(i.max(0) as usize),
        crate::objects::int::IntRef::Big(b) => Some(if b.is_negative() { 0 } else { usize::MAX }),
    }
}

/// The caret line under a traceback entry's source line (`line`, with `indent` leading blank
/// characters) for an instruction at `loc`, as CPython 3.12's `tb_displayline`: `^` under the
/// instruction's span, `~`/`^` split at the operator of a binary operation or the brackets of
/// a subscript; `None` when the span covers the whole (stripped) line and has no anchors.
fn caret_line(loc: crate::pyc::linetable::Location, line: &str, indent: usize) -> Option<String> {
    let (col, end_col) = (loc.col? as usize, loc.end_col? as usize);
    let start = byte_to_char_offset(line, col);
    let mut end = byte_to_char_offset(line, end_col);
    let mut anchors = None;
    if loc.line == loc.end_line {
        let segment: String = line
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        if let Some(a) = crate::vm::anchors::extract(&segment) {
            anchors = Some((
                byte_to_char_offset(&segment, a.left_end) + start,
                byte_to_char_offset(&segment, a.right_start) + start,
            ));
        }
    } else {
        // A span over several lines is marked up to the last non-blank byte of its first line
        // (a byte index, as CPython counts it).
        let b = line.as_bytes();
        end = b
            .iter()
            .rposition(|c| !matches!(c, b' ' | b'\t' | b'\x0c'))
            .map_or(0, |i| i + 1);
    }
    let stripped_len = line.chars().count() - indent;
    if end.wrapping_sub(start) == stripped_len && anchors.is_none() {
        return None;
    }
    let mut out = String::new();
    let mut offset = indent as i64 - 4;
    loop {
        offset += 1;
        if offset > end as i64 {
            break;
        }
        let c = if offset <= start as i64 {
            ' '
        } else if let Some((l, r)) = anchors {
            if (l as i64) < offset && offset <= r as i64 {
                '^'
            } else {
                '~'
            }
        } else {
            '^'
        };
        out.push(c);
    }
    out.push('\n');
    Some(out)
}

/// The `Type: message` line of an exception (without notes).
pub fn exception_line(e: &Value) -> String {
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
    if msg.is_empty() {
        name
    } else {
        format!("{}: {}", name, msg)
    }
}

/// The `Type: message` line of an exception followed by its notes, one per line.
pub fn exception_only(e: &Value) -> String {
    let mut out = exception_line(e);
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

/// The traceback entries of `tb` without indentation (`File ..., line N, in name` and the
/// source line).
fn format_tb(tb: &Value, out: &mut String) {
    let mut ctx = PrintCtx {
        out: std::mem::take(out),
        group_depth: 0,
        need_close: false,
        seen: Vec::new(),
    };
    ctx.format_tb(tb);
    *out = ctx.out;
}

/// Splits `s` into lines keeping the line breaks, as `str.splitlines(keepends=True)`.
fn split_lines_keepends(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = it.peek() {
                end = j + 1;
                it.next();
            }
        }
        out.push(&s[start..end]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// State of printing one uncaught exception, as CPython's `exception_print_context`.
struct PrintCtx {
    out: String,
    /// Nesting depth inside exception groups (0 outside any group).
    group_depth: usize,
    /// Whether the closing `+----` line of the innermost group is still to be written.
    need_close: bool,
    /// Exceptions already printed (by identity), so chains with cycles terminate.
    seen: Vec<u64>,
}

/// At most this many members of a group are printed (`PyErr_MAX_GROUP_WIDTH`).
const MAX_GROUP_WIDTH: usize = 15;
/// Groups nested deeper than this are elided (`PyErr_MAX_GROUP_DEPTH`).
const MAX_GROUP_DEPTH: usize = 10;

impl PrintCtx {
    fn indent(&self) -> usize {
        2 * self.group_depth
    }

    fn margin(&self) -> &'static str {
        if self.group_depth > 0 {
            "| "
        } else {
            ""
        }
    }

    fn write_indent(&mut self) {
        for _ in 0..self.indent() {
            self.out.push(' ');
        }
    }

    fn write_indented_margin(&mut self) {
        self.write_indent();
        let m = self.margin();
        self.out.push_str(m);
    }

    /// The traceback entries of `tb`, each line prefixed with the indent and margin, as
    /// CPython's `tb_printinternal`: at most `sys.tracebacklimit` innermost entries, runs of
    /// more than three identical entries summarized as `[Previous line repeated N more times]`.
    fn format_tb(&mut self, tb: &Value) {
        let mut entries = Vec::new();
        let mut cur = tb.clone();
        while let Some(t) = cur.downcast_ref::<Traceback>() {
            entries.push(cur.clone());
            cur = t.next.clone();
        }
        let skip = entries
            .len()
            .saturating_sub(traceback_limit().unwrap_or(usize::MAX));
        let mut last: Option<(String, u32, String)> = None;
        let mut count = 0usize;
        for e in &entries[skip..] {
            let t = e.downcast_ref::<Traceback>().unwrap();
            let Some(c) = t.code.downcast_ref::<Code>() else {
                continue;
            };
            let file = crate::ops::object::str_string(&c.filename).unwrap_or_default();
            let name = crate::ops::object::str_string(&c.name).unwrap_or_default();
            let key = (file, t.lineno, name);
            if last.as_ref() != Some(&key) {
                self.previous_line_repeated(count);
                last = Some(key.clone());
                count = 0;
            }
            count += 1;
            if count > RECURSIVE_CUTOFF {
                continue;
            }
            let (file, line, name) = key;
            self.write_indented_margin();
            self.out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                file, line, name
            ));
            let Some(src) = raw_source_line(&file, line) else {
                continue;
            };
            let indent = src
                .chars()
                .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
                .count();
            let body: String = src.chars().skip(indent).collect();
            self.write_indented_margin();
            self.out.push_str("    ");
            self.out.push_str(&body);
            self.out.push('\n');
            let loc = crate::pyc::linetable::line_for(&c.raw, t.lasti);
            if let Some(carets) = loc.and_then(|l| caret_line(l, &src, indent)) {
                self.write_indented_margin();
                self.out.push_str(&carets);
            }
        }
        self.previous_line_repeated(count);
    }

    fn previous_line_repeated(&mut self, count: usize) {
        if count > RECURSIVE_CUTOFF {
            let n = count - RECURSIVE_CUTOFF;
            self.out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                n,
                if n > 1 { "s" } else { "" }
            ));
        }
    }

    /// The notes of an exception: each line of each note behind the margin.
    fn print_notes(&mut self, notes: &Value) {
        let is_seq = notes.ty().getitem.is_some()
            && !notes.ty().is_subtype(&crate::objects::dict::DICT_TYPE)
            && !crate::objects::str::is_str(notes)
            && notes
                .downcast_ref::<crate::objects::bytes::Bytes>()
                .is_none();
        if !is_seq {
            self.write_indented_margin();
            match crate::ops::object::repr_string(notes) {
                Ok(r) => self.out.push_str(&r),
                Err(_) => {
                    crate::vm::thread::take_raised();
                    self.out.push_str("<__notes__ repr() failed>");
                }
            }
            self.out.push('\n');
            return;
        }
        let Ok(items) = crate::ops::sequence::collect(notes) else {
            crate::vm::thread::take_raised();
            return;
        };
        for n in items {
            match crate::ops::object::str_string(&n) {
                Ok(s) => {
                    for line in split_lines_keepends(&s) {
                        self.write_indented_margin();
                        self.out.push_str(line);
                    }
                }
                Err(_) => {
                    crate::vm::thread::take_raised();
                    self.out.push_str("<note str() failed>");
                }
            }
            self.out.push('\n');
        }
    }

    /// One exception: its traceback, `Type: message` line and notes.
    fn print_exception(&mut self, e: &Value) {
        let is_group = crate::objects::exception_group::is_exception_group(e);
        if let Some(d) = e.downcast_ref::<ExceptionData>() {
            let tb = d.traceback();
            if !tb.is_null() {
                let (header, header_margin) = if is_group {
                    (
                        "Exception Group Traceback (most recent call last):\n",
                        if self.group_depth == 1 {
                            "+ "
                        } else {
                            self.margin()
                        },
                    )
                } else {
                    ("Traceback (most recent call last):\n", self.margin())
                };
                if traceback_limit() != Some(0) {
                    self.write_indent();
                    self.out.push_str(header_margin);
                    self.out.push_str(header);
                    self.format_tb(&tb);
                }
            }
        }
        let notes =
            match crate::ops::object::getattr_opt(e, &crate::objects::str::new_str("__notes__")) {
                Ok(n) => n,
                Err(_) => {
                    crate::vm::thread::take_raised();
                    None
                }
            };
        let line = match syntax_error_block(e) {
            Some((block, last)) => {
                // As CPython's `print_exception_file_and_line`: only the `File` line gets
                // the margin; the source and caret lines are written as they are.
                self.write_indented_margin();
                self.out.push_str(&block);
                last
            }
            None => {
                let mut line = exception_line(e);
                if let Some(s) = crate::vm::suggestions::offer(e) {
                    line.push_str(&s);
                }
                line
            }
        };
        self.write_indented_margin();
        self.out.push_str(&line);
        self.out.push('\n');
        if let Some(n) = notes {
            self.print_notes(&n);
        }
    }

    /// A group: the group itself, then each member in a numbered box.
    fn print_exception_group(&mut self, e: &Value) {
        if self.group_depth > MAX_GROUP_DEPTH {
            self.write_indented_margin();
            self.out
                .push_str(&format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH));
            return;
        }
        if self.group_depth == 0 {
            self.group_depth += 1;
        }
        self.print_exception(e);
        let excs = crate::objects::exception_group::group_exceptions(e).unwrap();
        let excs = crate::objects::tuple::tuple_items(&excs).to_vec();
        let num = excs.len();
        let n = if num <= MAX_GROUP_WIDTH {
            num
        } else {
            MAX_GROUP_WIDTH + 1
        };
        self.need_close = false;
        for (i, exc) in excs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                // The closing line may be written by a recursive call instead.
                self.need_close = true;
            }
            self.write_indent();
            let truncated = i >= MAX_GROUP_WIDTH;
            let lead = if i == 0 { "+-" } else { "  " };
            if truncated {
                self.out
                    .push_str(&format!("{}+---------------- ... ----------------\n", lead));
            } else {
                self.out.push_str(&format!(
                    "{}+---------------- {} ----------------\n",
                    lead,
                    i + 1
                ));
            }
            self.group_depth += 1;
            if !truncated {
                self.print_exception_recursive(exc);
            } else {
                let remaining = num - MAX_GROUP_WIDTH;
                self.write_indented_margin();
                self.out.push_str(&format!(
                    "and {} more exception{}\n",
                    remaining,
                    if remaining > 1 { "s" } else { "" }
                ));
            }
            if last && self.need_close {
                self.write_indent();
                self.out.push_str("+------------------------------------\n");
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if self.group_depth == 1 {
            self.group_depth -= 1;
        }
    }

    /// A chained exception followed by the separator message.
    fn print_chained(&mut self, e: &Value, message: &str) {
        let need_close = self.need_close;
        self.print_exception_recursive(e);
        self.need_close = need_close;
        self.write_indented_margin();
        self.out.push('\n');
        self.write_indented_margin();
        self.out.push_str(message);
        self.write_indented_margin();
        self.out.push('\n');
    }

    /// The cause (or, unless suppressed, the context) of `e`, if not printed yet.
    fn print_cause_and_context(&mut self, e: &Value) {
        self.seen.push(e.payload);
        let Some(d) = e.downcast_ref::<ExceptionData>() else {
            return;
        };
        let cause = d.cause();
        if !cause.is_null() {
            if !self.seen.contains(&cause.payload) {
                self.print_chained(
                    &cause,
                    "The above exception was the direct cause of the following exception:\n",
                );
            }
            return;
        }
        if d.suppress_context.get() {
            return;
        }
        let context = d.context();
        if !context.is_null() && !self.seen.contains(&context.payload) {
            self.print_chained(
                &context,
                "During handling of the above exception, another exception occurred:\n",
            );
        }
    }

    fn print_exception_recursive(&mut self, e: &Value) {
        self.print_cause_and_context(e);
        if crate::objects::exception_group::is_exception_group(e) {
            self.print_exception_group(e);
        } else {
            self.print_exception(e);
        }
    }
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

/// Prints `e` with its chain and traceback to stderr (flushing stdout first), exception
/// groups in CPython's boxed layout.
pub fn print_exception(e: &Value) {
    let _ = crate::modules::sys::flush_stdout();
    let mut ctx = PrintCtx {
        out: String::new(),
        group_depth: 0,
        need_close: false,
        seen: Vec::new(),
    };
    ctx.print_exception_recursive(e);
    let stderr = std::io::stderr();
    let mut h = stderr.lock();
    let _ = h.write_all(ctx.out.as_bytes());
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
                tb = crate::objects::traceback::new_traceback(Value::NULL, f, Value::NULL);
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
