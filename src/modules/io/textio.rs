//! `TextIOWrapper` (text over a buffered binary stream) and `IncrementalNewlineDecoder`, plus
//! the newline-mode helpers `StringIO` shares.
//!
//! Reading decodes whole chunks of the buffer (`read1`) into `decoded`, kept *untranslated*:
//! newline translation happens as text is handed out, so the bytes behind the unread text are
//! always its encoded length and `tell()` is a byte position (CPython's opaque cookie in every
//! case where its decoder holds no state). An incomplete multi-byte sequence at the end of a
//! chunk waits in `undecoded` for the next one. Writes are translated, encoded and collected in
//! `pending` until a chunk's worth, a flush, or a line end with `line_buffering`.
//!
//! The standard streams are `TextIOWrapper`s with `std_fd` set: their writes go straight to
//! the shared standard-output buffer of [`crate::modules::sys`] (the one `print` uses).

use std::cell::{Cell, RefCell, UnsafeCell};
use std::mem::offset_of;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::{as_bytes_like, new_bytes, Codec};
use crate::objects::exception::{err, OS_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::tuple::new_tuple;
use crate::objects::{
    alloc, dealloc_obj, flags, method, GetSetDef, Obj, PyPayload, PyResult, TypeObject,
};
use crate::ops::object::{getattr_str, truthy};

use super::{buffered, call_method, size_arg, unsupported};

// ---------------------------------------------------------------------------------------------
// Newline modes

/// How a text stream splits and translates lines (the `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newline {
    /// `None`: `\n`, `\r` and `\r\n` end lines and read as `\n`.
    Universal,
    /// `''`: the three end lines; nothing is translated.
    Untranslated,
    /// `'\n'`.
    Lf,
    /// `'\r'`: lines end at `\r`; `\n` is written as `\r`.
    Cr,
    /// `'\r\n'`.
    CrLf,
}

impl Newline {
    /// The mode for a `newline` string (`None` for an illegal value).
    pub fn parse(s: &str) -> Option<Newline> {
        Some(match s {
            "" => Newline::Untranslated,
            "\n" => Newline::Lf,
            "\r" => Newline::Cr,
            "\r\n" => Newline::CrLf,
            _ => return None,
        })
    }

    /// The `newline` string of the mode (`""` for universal modes).
    pub fn as_str(self) -> &'static str {
        match self {
            Newline::Universal | Newline::Untranslated => "",
            Newline::Lf => "\n",
            Newline::Cr => "\r",
            Newline::CrLf => "\r\n",
        }
    }

    fn universal(self) -> bool {
        matches!(self, Newline::Universal | Newline::Untranslated)
    }
}

/// Validates `open()`'s / `TextIOWrapper`'s `newline` ("illegal newline value: x").
pub fn check_newline(s: Option<&str>) -> PyResult<Option<Newline>> {
    match s {
        None => Ok(Some(Newline::Universal)),
        Some(s) => match Newline::parse(s) {
            Some(n) => Ok(Some(n)),
            None => err(&VALUE_ERROR, format!("illegal newline value: {}", s)),
        },
    }
}

const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The kinds of line ends in `s`, as `SEEN_*` bits.
pub fn scan_newlines(s: &str) -> u8 {
    let b = s.as_bytes();
    let mut seen = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                seen |= SEEN_CRLF;
                i += 1;
            }
            b'\r' => seen |= SEEN_CR,
            b'\n' => seen |= SEEN_LF,
            _ => {}
        }
        i += 1;
    }
    seen
}

/// `newlines`: None, one string, or a tuple of the kinds seen.
pub fn newlines_value(seen: u8) -> Value {
    let mut kinds = Vec::new();
    if seen & SEEN_CR != 0 {
        kinds.push(new_str("\r"));
    }
    if seen & SEEN_LF != 0 {
        kinds.push(new_str("\n"));
    }
    if seen & SEEN_CRLF != 0 {
        kinds.push(new_str("\r\n"));
    }
    match kinds.len() {
        0 => Value::NONE,
        1 => kinds.pop().unwrap(),
        _ => new_tuple(kinds),
    }
}

/// Byte length of the first line of `s` (terminator included) per `nl`; `None` when `s` holds
/// no complete line. A `\r` at the very end of a universal-mode buffer is complete only at EOF
/// (a `\n` may follow in the next chunk).
fn find_line(s: &str, nl: Newline, eof: bool) -> Option<usize> {
    let b = s.as_bytes();
    match nl {
        Newline::Lf => b.iter().position(|&c| c == b'\n').map(|i| i + 1),
        Newline::Cr => b.iter().position(|&c| c == b'\r').map(|i| i + 1),
        Newline::CrLf => b.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
        Newline::Universal | Newline::Untranslated => {
            let i = b.iter().position(|&c| c == b'\r' || c == b'\n')?;
            if b[i] == b'\n' {
                return Some(i + 1);
            }
            match b.get(i + 1) {
                Some(b'\n') => Some(i + 2),
                Some(_) => Some(i + 1),
                None if eof => Some(i + 1),
                None => None,
            }
        }
    }
}

/// `s` with `\r\n` and `\r` turned into `\n`.
fn translate(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Up to `n` characters of `s` (after translation when `tr`): the text and the bytes of `s` it
/// used. A final `\r` is held back unless `eof` (it may start a `\r\n`).
fn take_chars(s: &str, n: usize, tr: bool, eof: bool) -> (String, usize) {
    if !tr {
        let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
        return (s[..end].to_string(), end);
    }
    let b = s.as_bytes();
    let mut out = String::new();
    let mut count = 0;
    let mut i = 0;
    while count < n && i < b.len() {
        if b[i] == b'\r' {
            if i + 1 < b.len() {
                out.push('\n');
                i += if b[i + 1] == b'\n' { 2 } else { 1 };
            } else if eof {
                out.push('\n');
                i += 1;
            } else {
                break;
            }
        } else {
            let c = s[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
        count += 1;
    }
    (out, i)
}

// ---------------------------------------------------------------------------------------------
// TextIOWrapper

/// Payload of a `TextIOWrapper`.
pub struct TextIO {
    buffer: UnsafeCell<Value>,
    st: RefCell<TextState>,
    detached: Cell<bool>,
    /// 1 or 2 for `sys.stdout` / `sys.stderr`.
    std_fd: Cell<i32>,
    dict: UnsafeCell<Value>,
}

struct TextState {
    ok: bool,
    encoding: String,
    codec: Codec,
    errors: String,
    newline: Newline,
    line_buffering: bool,
    write_through: bool,
    readable: bool,
    writable: bool,
    seekable: bool,
    has_read1: bool,
    chunk_size: usize,
    /// Decoded, untranslated text; `decoded[dpos..]` is unread.
    decoded: String,
    dpos: usize,
    /// Bytes of an incomplete sequence waiting for the next chunk.
    undecoded: Vec<u8>,
    eof: bool,
    /// Whether the BOM (if the codec has one) was already read / written.
    decoder_started: bool,
    encoder_started: bool,
    seen: u8,
    last_cr: bool,
    pending: Vec<u8>,
    telling: bool,
}

impl PyPayload for TextIO {
    fn type_object() -> *const TypeObject {
        &TEXTIOWRAPPER_TYPE
    }
}

impl Drop for TextIO {
    fn drop(&mut self) {
        super::unregister_writer(self as *const TextIO as usize - offset_of!(Obj<TextIO>, data));
        let pending = std::mem::take(&mut self.st.get_mut().pending);
        let buffer = self.buffer.get_mut().clone();
        if pending.is_empty() || buffer.is_null() {
            return;
        }
        // Text written but not flushed reaches the buffer when the wrapper dies (CPython's
        // finalizer closes the file); errors cannot be reported here.
        let saved = crate::vm::thread::take_raised();
        let _ = write_to_buffer(&buffer, &pending);
        crate::vm::thread::take_raised();
        if !saved.is_null() {
            crate::vm::thread::restore_raised(saved);
        }
    }
}

fn this(v: &Value) -> &TextIO {
    v.downcast_ref::<TextIO>()
        .expect("TextIOWrapper method on a foreign object")
}

fn write_to_buffer(buffer: &Value, data: &[u8]) -> PyResult<()> {
    if let Some(b) = buffered::exact(buffer) {
        b.write(data)?;
        return Ok(());
    }
    call_method(buffer, "write", &[new_bytes(data)])?;
    Ok(())
}

fn utf8_incomplete_tail(b: &[u8]) -> usize {
    // The last character's lead byte is at most 3 bytes back.
    for back in 1..=b.len().min(3) {
        let c = b[b.len() - back];
        if c & 0xC0 == 0x80 {
            continue;
        }
        let need = if c >= 0xF0 {
            4
        } else if c >= 0xE0 {
            3
        } else if c >= 0xC0 {
            2
        } else {
            1
        };
        return if need > back { back } else { 0 };
    }
    0
}

/// Encoded length of `s` in `codec` (for `tell()`).
fn encoded_len(codec: Codec, s: &str) -> usize {
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => s.len(),
        Codec::Ascii | Codec::Latin1 => s.chars().count(),
        Codec::Utf16(_) => s.chars().map(|c| c.len_utf16() * 2).sum(),
        Codec::Utf32(_) => s.chars().count() * 4,
        // The registry's text codecs apython can run are single-byte ones.
        Codec::Registry(_) => s.chars().count(),
    }
}

impl TextIO {
    /// The buffer, or `ValueError` when detached / uninitialized.
    fn buffer(&self) -> PyResult<Value> {
        // SAFETY: single-threaded; the cell is only replaced whole.
        let b = unsafe { (*self.buffer.get()).clone() };
        if b.is_null() {
            if self.detached.get() {
                return err(&VALUE_ERROR, "underlying buffer has been detached");
            }
            return err(&VALUE_ERROR, "I/O operation on uninitialized object");
        }
        Ok(b)
    }

    /// Whether the buffer is closed.
    fn closed(&self) -> PyResult<bool> {
        {
            // SAFETY: single-threaded; the cell is only replaced whole and no Python code runs
            // while the references are used.
            let b = unsafe { &*self.buffer.get() };
            if let Some(closed) = buffered::exact(b).and_then(|bb| bb.raw_closed_fast()) {
                return Ok(closed);
            }
        }
        let b = self.buffer()?;
        super::is_closed(&b)
    }

    fn check_open(&self) -> PyResult<Value> {
        let b = self.buffer()?;
        if self.closed()? {
            return super::closed_error();
        }
        Ok(b)
    }

    /// Sends the pending encoded text to the buffer.
    fn flush_pending(&self, buffer: &Value) -> PyResult<()> {
        let mut data = std::mem::take(&mut self.st.borrow_mut().pending);
        if data.is_empty() {
            return Ok(());
        }
        let r = write_to_buffer(buffer, &data);
        // Hand the allocation back for the next writes (unless new text arrived meanwhile).
        data.clear();
        let mut st = self.st.borrow_mut();
        if st.pending.is_empty() {
            st.pending = data;
        }
        r
    }

    /// Forgets the read-ahead (after a write or a seek).
    fn reset_read(&self) {
        let mut st = self.st.borrow_mut();
        st.decoded.clear();
        st.dpos = 0;
        st.undecoded.clear();
        st.eof = false;
        st.last_cr = false;
    }

    /// Decodes `bytes` (after any waiting partial sequence) onto the unread text.
    fn decode_more(&self, bytes: &[u8], final_: bool) -> PyResult<()> {
        let mut st = self.st.borrow_mut();
        let mut data = std::mem::take(&mut st.undecoded);
        data.extend_from_slice(bytes);
        let mut start = 0;
        if !st.decoder_started {
            match st.codec {
                Codec::Utf8Sig => {
                    if data.len() < 3 && b"\xef\xbb\xbf".starts_with(&data) && !final_ {
                        st.undecoded = data;
                        return Ok(());
                    }
                    if data.starts_with(b"\xef\xbb\xbf") {
                        start = 3;
                    }
                    st.codec = Codec::Utf8;
                }
                Codec::Utf16(None) | Codec::Utf32(None) => {
                    let is16 = matches!(st.codec, Codec::Utf16(_));
                    let bom_len = if is16 { 2 } else { 4 };
                    if data.len() < bom_len && !final_ {
                        st.undecoded = data;
                        return Ok(());
                    }
                    let (le, be): (&[u8], &[u8]) = if is16 {
                        (b"\xff\xfe", b"\xfe\xff")
                    } else {
                        (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
                    };
                    let big = if data.starts_with(le) {
                        start = bom_len;
                        false
                    } else if data.starts_with(be) {
                        start = bom_len;
                        true
                    } else {
                        false
                    };
                    st.codec = if is16 {
                        Codec::Utf16(Some(big))
                    } else {
                        Codec::Utf32(Some(big))
                    };
                }
                _ => {}
            }
            st.decoder_started = true;
        }
        let body = &data[start..];
        let keep = if final_ {
            0
        } else {
            match st.codec {
                Codec::Utf8 | Codec::Utf8Sig => utf8_incomplete_tail(body),
                Codec::Utf16(_) => {
                    let mut k = body.len() % 2;
                    // A high surrogate waits for its partner.
                    let end = body.len() - k;
                    if end >= 2 {
                        let pair = [body[end - 2], body[end - 1]];
                        let u = if st.codec == Codec::Utf16(Some(true)) {
                            u16::from_be_bytes(pair)
                        } else {
                            u16::from_le_bytes(pair)
                        };
                        if (0xd800..0xdc00).contains(&u) {
                            k += 2;
                        }
                    }
                    k
                }
                Codec::Utf32(_) => body.len() % 4,
                Codec::Ascii | Codec::Latin1 | Codec::Registry(_) => 0,
            }
        };
        let (head, tail) = body.split_at(body.len() - keep);
        let codec_name = st.codec.name();
        let errors = st.errors.clone();
        let text = if head.is_empty() {
            String::new()
        } else if st.codec == Codec::Utf8 && head.is_ascii() {
            // SAFETY: ASCII is valid UTF-8.
            unsafe { std::str::from_utf8_unchecked(head) }.to_string()
        } else {
            match crate::objects::bytes::decode_bytes(head, codec_name, &errors) {
                Ok(t) => t,
                Err(e) => {
                    drop(st);
                    return Err(e);
                }
            }
        };
        st.undecoded = tail.to_vec();
        if st.newline.universal() {
            // Count line ends as CPython's newline decoder does: a `\r` ending a chunk waits
            // to see whether a `\n` follows.
            let mut t = &text[..];
            let mut seen = 0;
            if st.last_cr && !t.is_empty() {
                if let Some(rest) = t.strip_prefix('\n') {
                    seen |= SEEN_CRLF;
                    t = rest;
                } else {
                    seen |= SEEN_CR;
                }
                st.last_cr = false;
            }
            if !final_ && t.ends_with('\r') {
                t = &t[..t.len() - 1];
                st.last_cr = true;
            }
            seen |= scan_newlines(t);
            if final_ && st.last_cr {
                seen |= SEEN_CR;
                st.last_cr = false;
            }
            st.seen |= seen;
        }
        if st.dpos > 0 {
            let dpos = st.dpos;
            st.decoded.drain(..dpos);
            st.dpos = 0;
        }
        st.decoded.push_str(&text);
        Ok(())
    }

    /// Reads and decodes one chunk; `Ok(false)` at end of file.
    fn read_chunk(&self, buffer: &Value) -> PyResult<bool> {
        let (size, has_read1) = {
            let st = self.st.borrow();
            if st.eof {
                return Ok(false);
            }
            (st.chunk_size, st.has_read1)
        };
        let data: Vec<u8> = if let Some(b) = buffered::exact(buffer) {
            b.read1(Some(size))?
        } else {
            let m = if has_read1 { "read1" } else { "read" };
            let r = call_method(buffer, m, &[Value::int(size as i64)])?;
            if r.is_none() {
                Vec::new()
            } else {
                match as_bytes_like(&r) {
                    Some(b) => b.to_vec(),
                    None => {
                        return err(
                            &TYPE_ERROR,
                            format!(
                            "underlying {}() should have returned a bytes-like object, not '{}'",
                            m,
                            r.type_name()
                        ),
                        )
                    }
                }
            }
        };
        let eof = data.is_empty();
        self.decode_more(&data, eof)?;
        if eof {
            self.st.borrow_mut().eof = true;
        }
        Ok(!eof)
    }

    fn check_readable(&self) -> PyResult<Value> {
        let buffer = self.check_open()?;
        if !self.st.borrow().readable {
            return Err(unsupported("not readable"));
        }
        self.flush_pending(&buffer)?;
        Ok(buffer)
    }

    /// `read(n)` (everything when `None`).
    pub fn read(&self, n: Option<usize>) -> PyResult<String> {
        let buffer = self.check_readable()?;
        let Some(n) = n else {
            // Everything: the rest of the buffer in one read, decoded as final.
            let rest: Vec<u8> = if let Some(b) = buffered::exact(&buffer) {
                b.read(None)?.unwrap_or_default()
            } else {
                let r = call_method(&buffer, "read", &[])?;
                if r.is_none() {
                    Vec::new()
                } else {
                    match as_bytes_like(&r) {
                        Some(b) => b.to_vec(),
                        None => {
                            return err(
                                &TYPE_ERROR,
                                format!(
                                "underlying read() should have returned a bytes object, not '{}'",
                                r.type_name()
                            ),
                            )
                        }
                    }
                }
            };
            self.decode_more(&rest, true)?;
            let mut st = self.st.borrow_mut();
            st.eof = true;
            let text = &st.decoded[st.dpos..];
            let out = if st.newline == Newline::Universal {
                translate(text)
            } else {
                text.to_string()
            };
            st.decoded.clear();
            st.dpos = 0;
            return Ok(out);
        };
        let mut out = String::new();
        let mut count = 0;
        loop {
            {
                let mut st = self.st.borrow_mut();
                let tr = st.newline == Newline::Universal;
                let eof = st.eof;
                let (s, used) = take_chars(&st.decoded[st.dpos..], n - count, tr, eof);
                count += s.chars().count();
                out.push_str(&s);
                st.dpos += used;
                if count >= n || (eof && st.dpos >= st.decoded.len()) {
                    return Ok(out);
                }
            }
            if !self.read_chunk(&buffer)? {
                let st = self.st.borrow();
                if st.dpos >= st.decoded.len() {
                    return Ok(out);
                }
            }
        }
    }

    /// `readline(limit)`.
    pub fn readline(&self, limit: Option<usize>) -> PyResult<String> {
        let buffer = self.check_readable()?;
        loop {
            {
                let mut st = self.st.borrow_mut();
                let nl = st.newline;
                let eof = st.eof;
                let rest = &st.decoded[st.dpos..];
                let end = find_line(rest, nl, eof);
                let found = match (end, limit) {
                    (Some(e), Some(l)) => {
                        let chars = if nl == Newline::Universal {
                            // The terminator reads as one character.
                            let line = &rest[..e];
                            let t = if line.ends_with("\r\n") { 1 } else { 0 };
                            line.chars().count() - t
                        } else {
                            rest[..e].chars().count()
                        };
                        if chars > l {
                            None
                        } else {
                            Some(e)
                        }
                    }
                    (e, _) => e,
                };
                let tr = nl == Newline::Universal;
                if let Some(e) = found {
                    let line = &rest[..e];
                    let out = if tr {
                        translate(line)
                    } else {
                        line.to_string()
                    };
                    st.dpos += e;
                    return Ok(out);
                }
                if let Some(l) = limit {
                    let (s, used) = take_chars(rest, l, tr, eof);
                    if s.chars().count() >= l || eof {
                        st.dpos += used;
                        return Ok(s);
                    }
                } else if eof {
                    let out = if tr {
                        translate(rest)
                    } else {
                        rest.to_string()
                    };
                    let len = st.decoded.len();
                    st.dpos = len;
                    return Ok(out);
                }
            }
            self.read_chunk(&buffer)?;
        }
    }

    /// `write(text)` of `n` characters: returns `n`.
    pub fn write(&self, text: &str, n: usize) -> PyResult<usize> {
        let fd = self.std_fd.get();
        if fd != 0 {
            if self.closed()? {
                return super::closed_error();
            }
            match fd {
                2 => crate::modules::sys::write_stderr(text)?,
                _ => crate::modules::sys::write_stdout(text)?,
            }
            return Ok(n);
        }
        if !self.st.borrow().writable {
            self.buffer()?;
            return Err(unsupported("not writable"));
        }
        if self.closed()? {
            return super::closed_error();
        }
        let flush_now = {
            // The common case: UTF-8, no newline translation or line buffering.
            let mut st = self.st.borrow_mut();
            if st.codec == Codec::Utf8
                && !matches!(st.newline, Newline::Cr | Newline::CrLf)
                && !st.line_buffering
                && !st.write_through
            {
                st.pending.extend_from_slice(text.as_bytes());
                st.encoder_started = true;
                if !st.decoded.is_empty() || st.dpos != 0 {
                    st.decoded.clear();
                    st.dpos = 0;
                    st.undecoded.clear();
                    st.eof = false;
                    st.last_cr = false;
                }
                Some(st.pending.len() > st.chunk_size)
            } else {
                None
            }
        };
        if let Some(f) = flush_now {
            if f {
                self.flush_pending(&self.buffer()?)?;
            }
            return Ok(n);
        }
        let buffer = self.buffer()?;
        let (data, needflush, through) = {
            let mut st = self.st.borrow_mut();
            let translated;
            let t = match st.newline {
                Newline::Cr | Newline::CrLf if text.contains('\n') => {
                    translated = text.replace('\n', st.newline.as_str());
                    &translated[..]
                }
                _ => text,
            };
            let needflush = st.line_buffering && (t.contains('\n') || t.contains('\r'));
            let codec = st.codec;
            let name = match (codec, st.encoder_started) {
                (Codec::Utf8Sig, true) => "utf-8",
                (Codec::Utf16(None), true) => "utf-16-le",
                (Codec::Utf32(None), true) => "utf-32-le",
                _ => codec.name(),
            };
            let errors = st.errors.clone();
            let data = if matches!(codec, Codec::Utf8) {
                t.as_bytes().to_vec()
            } else {
                drop(st);
                let d = crate::objects::str_methods::encode_text(t, name, &errors)?;
                st = self.st.borrow_mut();
                d
            };
            st.encoder_started = true;
            (data, needflush, st.write_through)
        };
        let big = {
            let mut st = self.st.borrow_mut();
            st.pending.extend_from_slice(&data);
            st.pending.len() > st.chunk_size
        };
        if big || needflush || through {
            self.flush_pending(&buffer)?;
        }
        if needflush {
            call_method(&buffer, "flush", &[])?;
        }
        if !self.st.borrow().decoded.is_empty() {
            self.reset_read();
        }
        Ok(n)
    }

    /// `flush()`.
    fn flush(&self) -> PyResult<()> {
        if self.std_fd.get() != 0 {
            if self.closed()? {
                return super::closed_error();
            }
            return crate::modules::sys::flush_stdout();
        }
        let buffer = self.check_open()?;
        {
            let mut st = self.st.borrow_mut();
            st.telling = st.seekable;
        }
        self.flush_pending(&buffer)?;
        if let Some(b) = buffered::exact(&buffer) {
            b.flush()?;
        } else {
            call_method(&buffer, "flush", &[])?;
        }
        Ok(())
    }

    /// `tell()`.
    fn tell(&self, v: &Value) -> PyResult<i64> {
        let buffer = self.check_open()?;
        {
            let st = self.st.borrow();
            if !st.seekable {
                drop(st);
                return Err(unsupported("underlying stream is not seekable"));
            }
            if !st.telling {
                drop(st);
                return err(&OS_ERROR, "telling position disabled by next() call");
            }
        }
        call_method(v, "flush", &[])?;
        let pos = if let Some(b) = buffered::exact(&buffer) {
            b.tell()?
        } else {
            crate::ops::number::index_i64(&call_method(&buffer, "tell", &[])?)?
        };
        let st = self.st.borrow();
        let ahead = st.undecoded.len() + encoded_len(st.codec, &st.decoded[st.dpos..]);
        Ok(pos - ahead as i64)
    }

    /// `seek(cookie, whence)`.
    fn seek(&self, v: &Value, cookie: &Value, whence: i64) -> PyResult<Value> {
        let buffer = self.check_open()?;
        if !self.st.borrow().seekable {
            return Err(unsupported("underlying stream is not seekable"));
        }
        let mut cookie = cookie.clone();
        match whence {
            1 => {
                if !crate::ops::compare::eq(&cookie, &Value::int(0))? {
                    return Err(unsupported("can't do nonzero cur-relative seeks"));
                }
                cookie = call_method(v, "tell", &[])?;
            }
            2 => {
                if !crate::ops::compare::eq(&cookie, &Value::int(0))? {
                    return Err(unsupported("can't do nonzero end-relative seeks"));
                }
                call_method(v, "flush", &[])?;
                self.reset_read();
                let r = call_method(&buffer, "seek", &[Value::int(0), Value::int(2)])?;
                let mut st = self.st.borrow_mut();
                st.encoder_started = !crate::ops::compare::eq(&r, &Value::int(0))?;
                return Ok(r);
            }
            0 => {}
            w => {
                return err(
                    &VALUE_ERROR,
                    format!("invalid whence ({}, should be 0, 1 or 2)", w),
                )
            }
        }
        if crate::ops::compare::lt(&cookie, &Value::int(0))? {
            return err(
                &VALUE_ERROR,
                format!(
                    "negative seek position {}",
                    crate::ops::object::repr_string(&cookie)?
                ),
            );
        }
        call_method(v, "flush", &[])?;
        let pos = crate::ops::number::index(&cookie)?;
        call_method(&buffer, "seek", std::slice::from_ref(&pos))?;
        self.reset_read();
        let mut st = self.st.borrow_mut();
        let at_start = pos.as_small_int() == Some(0);
        st.decoder_started = !at_start && st.decoder_started;
        st.encoder_started = !at_start;
        Ok(pos)
    }
}

/// A new TextIOWrapper over `buffer` (for `open()`).
pub fn new_text(
    buffer: Value,
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<Value> {
    let v = alloc(&TEXTIOWRAPPER_TYPE, empty_payload());
    init(
        &v,
        buffer,
        encoding,
        errors,
        newline,
        line_buffering,
        write_through,
    )?;
    Ok(v)
}

/// A standard stream: `fd` 0 (reading), 1 or 2 (writing into the shared stdout buffer).
pub fn new_std_stream(fd: i32) -> Value {
    let buffer = if fd == 0 {
        buffered::new_std_reader()
    } else {
        buffered::new_std_writer(fd)
    };
    let v = alloc(&TEXTIOWRAPPER_TYPE, empty_payload());
    let t = this(&v);
    // SAFETY: a fresh object; nothing else sees the cell.
    unsafe { *t.buffer.get() = buffer };
    {
        let mut st = t.st.borrow_mut();
        st.ok = true;
        st.encoding = "utf-8".into();
        st.codec = Codec::Utf8;
        st.errors = if fd == 2 {
            "backslashreplace".into()
        } else {
            "surrogateescape".into()
        };
        st.readable = fd == 0;
        st.writable = fd != 0;
        // SAFETY: isatty only inspects the descriptor.
        st.line_buffering = fd == 2 || (fd == 1 && unsafe { libc::isatty(1) } == 1);
        st.has_read1 = true;
        st.decoder_started = true;
        st.encoder_started = true;
    }
    t.std_fd.set(if fd == 0 { 0 } else { fd });
    let _ = crate::ops::object::set_instance_dict_item(
        &v,
        "mode",
        new_str(if fd == 0 { "r" } else { "w" }),
    );
    v
}

/// Whether `v` is a standard output stream (1 or 2) that is still open: `print` writes to it
/// directly.
pub fn std_fd_of(v: &Value) -> i32 {
    if !v.is_obj() || !std::ptr::eq(v.ty(), &TEXTIOWRAPPER_TYPE) {
        return 0;
    }
    let t = this(v);
    let fd = t.std_fd.get();
    if fd == 0 {
        return 0;
    }
    // SAFETY: single-threaded; the cell is only replaced whole and no Python code runs while
    // the reference is used.
    let b = unsafe { &*t.buffer.get() };
    match buffered::exact(b) {
        Some(bb) if !bb.std_closed() => fd,
        _ => 0,
    }
}

/// Reads one line from a text stream for `input()`: the native path for TextIOWrapper.
pub fn readline_of(v: &Value) -> PyResult<Value> {
    if v.is_obj() && std::ptr::eq(v.ty(), &TEXTIOWRAPPER_TYPE) {
        return Ok(from_string(this(v).readline(None)?));
    }
    call_method(v, "readline", &[])
}

fn fresh_state() -> TextState {
    TextState {
        ok: false,
        encoding: String::new(),
        codec: Codec::Utf8,
        errors: "strict".into(),
        newline: Newline::Universal,
        line_buffering: false,
        write_through: false,
        readable: false,
        writable: false,
        seekable: false,
        has_read1: false,
        chunk_size: 8192,
        decoded: String::new(),
        dpos: 0,
        undecoded: Vec::new(),
        eof: false,
        decoder_started: false,
        encoder_started: false,
        seen: 0,
        last_cr: false,
        pending: Vec::new(),
        telling: false,
    }
}

fn empty_payload() -> TextIO {
    TextIO {
        buffer: UnsafeCell::new(Value::NULL),
        st: RefCell::new(fresh_state()),
        detached: Cell::new(false),
        std_fd: Cell::new(0),
        dict: UnsafeCell::new(Value::NULL),
    }
}

fn init(
    v: &Value,
    buffer: Value,
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<()> {
    let nl = check_newline(newline)?.unwrap_or(Newline::Universal);
    let encoding = match encoding {
        None | Some("locale") => "utf-8".to_string(),
        Some(e) => e.to_string(),
    };
    let codec = crate::objects::bytes::text_codec(&encoding)?;
    let errors = errors.unwrap_or("strict").to_string();
    let readable = truthy(&call_method(&buffer, "readable", &[])?)?;
    let writable = truthy(&call_method(&buffer, "writable", &[])?)?;
    let seekable = truthy(&call_method(&buffer, "seekable", &[])?)?;
    let has_read1 = crate::ops::object::getattr_opt(&buffer, &new_str("read1"))?.is_some();
    let mut encoder_started = false;
    if seekable
        && writable
        && matches!(
            codec,
            Codec::Utf8Sig | Codec::Utf16(None) | Codec::Utf32(None)
        )
    {
        let pos = call_method(&buffer, "tell", &[])?;
        encoder_started = !crate::ops::compare::eq(&pos, &Value::int(0))?;
    }
    let t = this(v);
    *t.st.borrow_mut() = TextState {
        ok: true,
        encoding,
        codec,
        errors,
        newline: nl,
        line_buffering,
        write_through,
        readable,
        writable,
        seekable,
        has_read1,
        telling: seekable,
        encoder_started,
        ..fresh_state()
    };
    t.detached.set(false);
    // SAFETY: single-threaded; the old value is dropped after the store.
    let old = unsafe { std::mem::replace(&mut *t.buffer.get(), buffer) };
    drop(old);
    if writable {
        super::register_writer(v, true);
    }
    Ok(())
}

/// Sends a text stream's pending bytes to its buffer (at exit; the buffers flush after).
pub fn flush_for_exit(v: &Value) -> PyResult<()> {
    let t = this(v);
    // SAFETY: single-threaded; the cell is only replaced whole.
    let b = unsafe { (*t.buffer.get()).clone() };
    if b.is_null() || t.std_fd.get() != 0 {
        return Ok(());
    }
    t.flush_pending(&b)
}

fn parse_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<()> {
    let mut p = ArgParser::new("TextIOWrapper", args, kw);
    let buffer = p.required("buffer")?;
    let encoding = p.optional("encoding")?;
    let errors = p.optional("errors")?;
    let newline = p.optional("newline")?;
    let line_buffering = p.optional("line_buffering")?;
    let write_through = p.optional("write_through")?;
    p.finish()?;
    let encoding = super::opt_str_arg("TextIOWrapper", "encoding", encoding)?;
    let errors = super::opt_str_arg("TextIOWrapper", "errors", errors)?;
    let newline = super::opt_str_arg("TextIOWrapper", "newline", newline)?;
    let lb = match line_buffering {
        Some(x) => truthy(&x)?,
        None => false,
    };
    let wt = match write_through {
        Some(x) => truthy(&x)?,
        None => false,
    };
    init(
        v,
        buffer,
        encoding.as_deref(),
        errors.as_deref(),
        newline.as_deref(),
        lb,
        wt,
    )
}

fn text_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = alloc(ty, empty_payload());
    // SAFETY: types are immortal.
    let heap = unsafe { (*ty).flags } & flags::HEAPTYPE != 0;
    if !(heap && args.is_empty()) {
        parse_init(&v, args, kw)?;
    }
    Ok(v)
}

fn m_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    parse_init(v, args, kw)?;
    Ok(Value::NONE)
}

fn m_read(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("read", args, kw);
    let n = p.optional_pos();
    p.finish()?;
    Ok(from_string(this(v).read(size_arg(n.as_ref())?)?))
}

fn m_readline(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("readline", args, kw);
    let n = p.optional_pos();
    p.finish()?;
    if let Some(x) = &n {
        if !x.is_none() && x.ty().index.is_none() && !x.is_int() && !x.is_bool() {
            return err(
                &TYPE_ERROR,
                format!(
                    "'{}' object cannot be interpreted as an integer",
                    x.type_name()
                ),
            );
        }
    }
    Ok(from_string(this(v).readline(size_arg(n.as_ref())?)?))
}

fn m_write(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("write", args)?;
    let Some(s) = as_str(x) else {
        return err(
            &TYPE_ERROR,
            format!("write() argument must be str, not {}", x.type_name()),
        );
    };
    Ok(Value::int(this(v).write(&s, s.char_len())? as i64))
}

fn m_flush(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    this(v).flush()?;
    Ok(Value::NONE)
}

fn m_close(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let t = this(v);
    let buffer = t.buffer()?;
    if t.closed()? {
        return Ok(Value::NONE);
    }
    let flushed = call_method(v, "flush", &[]);
    let closed = call_method(&buffer, "close", &[]);
    flushed?;
    closed?;
    Ok(Value::NONE)
}

fn m_detach(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let t = this(v);
    let buffer = t.buffer()?;
    call_method(v, "flush", &[])?;
    t.detached.set(true);
    // SAFETY: single-threaded; the cell is only replaced whole.
    unsafe { *t.buffer.get() = Value::NULL };
    Ok(buffer)
}

fn m_tell(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(v).tell(v)?))
}

fn m_seek(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("seek", args, kw);
    let cookie = p.optional_pos();
    let whence = p.optional_pos();
    p.finish()?;
    let Some(cookie) = cookie else {
        return err(&TYPE_ERROR, "seek expected at least 1 argument, got 0");
    };
    let whence = match whence {
        Some(w) => crate::ops::number::index_i64(&w)?,
        None => 0,
    };
    this(v).seek(v, &cookie, whence)
}

fn m_truncate(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("truncate", args, kw);
    let pos = p.optional_pos();
    p.finish()?;
    let t = this(v);
    let buffer = t.buffer()?;
    call_method(v, "flush", &[])?;
    let pos = match pos {
        Some(p) if !p.is_none() => p,
        _ => call_method(v, "tell", &[])?,
    };
    call_method(&buffer, "truncate", &[pos])
}

fn forward(v: &Value, name: &str) -> PyResult<Value> {
    let b = this(v).buffer()?;
    call_method(&b, name, &[])
}

fn m_fileno(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    forward(v, "fileno")
}

fn m_isatty(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    forward(v, "isatty")
}

fn m_readable(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if this(v).std_fd.get() != 0 {
        this(v).check_open()?;
        return Ok(Value::FALSE);
    }
    forward(v, "readable")
}

fn m_writable(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if this(v).std_fd.get() != 0 {
        this(v).check_open()?;
        return Ok(Value::TRUE);
    }
    forward(v, "writable")
}

fn m_seekable(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    forward(v, "seekable")
}

fn m_reconfigure(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("reconfigure", args, kw);
    p.no_positional()?;
    let encoding = p.kw_only("encoding")?;
    let errors = p.kw_only("errors")?;
    let newline = p.kw_only("newline")?;
    let line_buffering = p.kw_only("line_buffering")?;
    let write_through = p.kw_only("write_through")?;
    p.finish()?;
    let t = this(v);
    call_method(v, "flush", &[])?;
    let encoding = super::opt_str_arg("reconfigure", "encoding", encoding)?;
    let errors = super::opt_str_arg("reconfigure", "errors", errors)?;
    // Truth values first: `__bool__` may run Python code, which must not see the state
    // borrowed.
    let line_buffering = match line_buffering {
        Some(l) if !l.is_none() => Some(truthy(&l)?),
        _ => None,
    };
    let write_through = match write_through {
        Some(w) if !w.is_none() => Some(truthy(&w)?),
        _ => None,
    };
    let mut st = t.st.borrow_mut();
    if let Some(e) = encoding {
        let e = if e == "locale" {
            "utf-8".to_string()
        } else {
            e
        };
        st.codec = crate::objects::bytes::text_codec(&e)?;
        st.encoding = e;
        st.errors = "strict".into();
    }
    if let Some(e) = errors {
        st.errors = e;
    }
    if let Some(n) = newline {
        let n = if n.is_none() {
            None
        } else {
            match as_str(&n) {
                Some(s) => Some(s.to_string()),
                None => {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "reconfigure() argument 'newline' must be str or None, not {}",
                            n.type_name()
                        ),
                    )
                }
            }
        };
        st.newline = check_newline(n.as_deref())?.unwrap_or(Newline::Universal);
    }
    if let Some(l) = line_buffering {
        st.line_buffering = l;
    }
    if let Some(w) = write_through {
        st.write_through = w;
    }
    Ok(Value::NONE)
}

fn text_next(v: &Value) -> PyResult<Option<Value>> {
    let t = this(v);
    t.st.borrow_mut().telling = false;
    let line = if std::ptr::eq(v.ty(), &TEXTIOWRAPPER_TYPE) {
        from_string(t.readline(None)?)
    } else {
        let l = call_method(v, "readline", &[])?;
        if as_str(&l).is_none() {
            return err(
                &OS_ERROR,
                format!(
                    "readline() should have returned a str object, not '{}'",
                    l.type_name()
                ),
            );
        }
        l
    };
    if as_str(&line).is_some_and(|s| s.is_empty()) {
        let mut st = t.st.borrow_mut();
        st.telling = st.seekable;
        return Ok(None);
    }
    Ok(Some(line))
}

/// An attribute for `repr`, skipping the errors CPython skips (missing or closed).
fn repr_attr(v: &Value, name: &str) -> PyResult<Option<String>> {
    match crate::ops::object::getattr_opt(v, &new_str(name)) {
        Ok(Some(x)) => Ok(Some(crate::ops::object::repr_string(&x)?)),
        Ok(None) => Ok(None),
        Err(e) => {
            if crate::objects::exception::raised_matches(&crate::objects::exception::EXCEPTION) {
                crate::vm::thread::take_raised();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn text_repr(v: &Value) -> PyResult<Value> {
    let tname = v.ty().name;
    if !crate::vm::reprguard::enter(v) {
        return err(
            &crate::objects::exception::RUNTIME_ERROR,
            format!("reentrant call inside {}.__repr__", tname),
        );
    }
    let r = (|| {
        let mut s = format!("<{}", tname);
        if let Some(n) = repr_attr(v, "name")? {
            s.push_str(&format!(" name={}", n));
        }
        if let Some(m) = repr_attr(v, "mode")? {
            s.push_str(&format!(" mode={}", m));
        }
        s.push_str(&format!(
            " encoding={}>",
            crate::ops::object::repr_string(&new_str(&this(v).st.borrow().encoding))?
        ));
        Ok(from_string(s))
    })();
    crate::vm::reprguard::leave(v);
    r
}

fn text_name(v: &Value) -> PyResult<Value> {
    getattr_str(&this(v).buffer()?, "name")
}

/// `_io.TextIOWrapper`.
pub static TEXTIOWRAPPER_TYPE: TypeObject = TypeObject {
    name: "_io.TextIOWrapper",
    base: &super::iobase::TEXTIOBASE_TYPE,
    layout: &TEXTIOWRAPPER_TYPE,
    flags: flags::BASETYPE,
    dict_offset: offset_of!(Obj<TextIO>, data) + offset_of!(TextIO, dict),
    dealloc: dealloc_obj::<TextIO>,
    repr: Some(text_repr),
    new: Some(text_new),
    iter: Some(|v| {
        if this(v).closed()? {
            return super::closed_error();
        }
        Ok(v.clone())
    }),
    next: Some(text_next),
    methods: &[
        method!("__init__", m_init),
        method!("read", m_read),
        method!("readline", m_readline),
        method!("write", m_write),
        method!("flush", m_flush),
        method!("close", m_close),
        method!("detach", m_detach),
        method!("tell", m_tell),
        method!("seek", m_seek),
        method!("truncate", m_truncate),
        method!("fileno", m_fileno),
        method!("isatty", m_isatty),
        method!("readable", m_readable),
        method!("writable", m_writable),
        method!("seekable", m_seekable),
        method!("reconfigure", m_reconfigure),
    ],
    getsets: &[
        GetSetDef {
            name: "encoding",
            get: |v| Ok(new_str(&this(v).st.borrow().encoding)),
            set: None,
        },
        GetSetDef {
            name: "errors",
            get: |v| Ok(new_str(&this(v).st.borrow().errors)),
            set: None,
        },
        GetSetDef {
            name: "line_buffering",
            get: |v| Ok(Value::bool(this(v).st.borrow().line_buffering)),
            set: None,
        },
        GetSetDef {
            name: "write_through",
            get: |v| Ok(Value::bool(this(v).st.borrow().write_through)),
            set: None,
        },
        GetSetDef {
            name: "newlines",
            get: |v| {
                let st = this(v).st.borrow();
                Ok(if st.newline.universal() && st.readable {
                    newlines_value(st.seen)
                } else {
                    Value::NONE
                })
            },
            set: None,
        },
        GetSetDef {
            name: "buffer",
            // SAFETY: single-threaded; the cell is only replaced whole. NULL reads as None.
            get: |v| {
                let b = unsafe { (*this(v).buffer.get()).clone() };
                Ok(if b.is_null() { Value::NONE } else { b })
            },
            set: None,
        },
        GetSetDef {
            name: "closed",
            get: |v| Ok(Value::bool(this(v).closed()?)),
            set: None,
        },
        GetSetDef {
            name: "name",
            get: text_name,
            set: None,
        },
        GetSetDef {
            name: "_CHUNK_SIZE",
            get: |v| Ok(Value::int(this(v).st.borrow().chunk_size as i64)),
            set: Some(|v, x| {
                let Some(x) = x else {
                    return err(
                        &crate::objects::exception::ATTRIBUTE_ERROR,
                        "cannot delete attribute",
                    );
                };
                let n = crate::ops::number::index_i64(&x)?;
                if n <= 0 {
                    return err(&VALUE_ERROR, "a strictly positive integer is required");
                }
                this(v).st.borrow_mut().chunk_size = n as usize;
                Ok(())
            }),
        },
    ],
    doc: "Character and line based layer over a BufferedIOBase object, buffer.",
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// IncrementalNewlineDecoder

/// Payload of `IncrementalNewlineDecoder`.
pub struct NewlineDecoder {
    decoder: UnsafeCell<Value>,
    translate: Cell<bool>,
    pendingcr: Cell<bool>,
    seen: Cell<u8>,
    errors: UnsafeCell<Value>,
}

impl PyPayload for NewlineDecoder {
    fn type_object() -> *const TypeObject {
        &NEWLINE_DECODER_TYPE
    }
}

fn nd(v: &Value) -> &NewlineDecoder {
    v.downcast_ref::<NewlineDecoder>()
        .expect("IncrementalNewlineDecoder method on a foreign object")
}

impl NewlineDecoder {
    fn decoder(&self) -> Value {
        // SAFETY: single-threaded; the cell is only replaced whole.
        unsafe { (*self.decoder.get()).clone() }
    }
}

fn nd_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<()> {
    let mut p = ArgParser::new("IncrementalNewlineDecoder", args, kw);
    let decoder = p.required("decoder")?;
    let translate = p.required("translate")?;
    let errors = p.optional("errors")?.unwrap_or_else(|| new_str("strict"));
    p.finish()?;
    let d = nd(v);
    // SAFETY: single-threaded; the old values are dropped after the stores.
    unsafe {
        let old = std::mem::replace(&mut *d.decoder.get(), decoder);
        drop(old);
        let old = std::mem::replace(&mut *d.errors.get(), errors);
        drop(old);
    }
    d.translate.set(truthy(&translate)?);
    d.pendingcr.set(false);
    d.seen.set(0);
    Ok(())
}

fn nd_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = alloc(
        ty,
        NewlineDecoder {
            decoder: UnsafeCell::new(Value::NONE),
            translate: Cell::new(false),
            pendingcr: Cell::new(false),
            seen: Cell::new(0),
            errors: UnsafeCell::new(new_str("strict")),
        },
    );
    // SAFETY: types are immortal.
    let heap = unsafe { (*ty).flags } & flags::HEAPTYPE != 0;
    if !(heap && args.is_empty()) {
        nd_init(&v, args, kw)?;
    }
    Ok(v)
}

fn nd_m_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    nd_init(v, args, kw)?;
    Ok(Value::NONE)
}

fn nd_decode(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("decode", args, kw);
    let input = p.required("input")?;
    let final_ = match p.optional("final")? {
        Some(f) => truthy(&f)?,
        None => false,
    };
    p.finish()?;
    let d = nd(v);
    let dec = d.decoder();
    let output = if dec.is_none() {
        input
    } else {
        let m = getattr_str(&dec, "decode")?;
        crate::vm::call::call(&m, &[input, Value::bool(final_)], &[new_str("final")])?
    };
    let Some(s) = as_str(&output).map(|s| s.to_string()) else {
        return err(
            &TYPE_ERROR,
            format!(
                "decoder should return a string result, not '{}'",
                output.type_name()
            ),
        );
    };
    let mut s = s;
    if d.pendingcr.get() && (!s.is_empty() || final_) {
        s.insert(0, '\r');
        d.pendingcr.set(false);
    }
    if s.ends_with('\r') && !final_ {
        s.pop();
        d.pendingcr.set(true);
    }
    d.seen.set(d.seen.get() | scan_newlines(&s));
    if d.translate.get() {
        s = translate(&s);
    }
    Ok(from_string(s))
}

fn nd_getstate(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = nd(v);
    let dec = d.decoder();
    let (buf, mut flag) = if dec.is_none() {
        (new_bytes(b""), 0i64)
    } else {
        let st = call_method(&dec, "getstate", &[])?;
        let items = crate::objects::tuple::try_tuple_items(&st)
            .filter(|i| i.len() == 2)
            .map(|i| i.to_vec());
        let Some(items) = items else {
            return err(&TYPE_ERROR, "illegal decoder state");
        };
        (items[0].clone(), crate::ops::number::index_i64(&items[1])?)
    };
    flag <<= 1;
    if d.pendingcr.get() {
        flag |= 1;
    }
    Ok(new_tuple(vec![buf, Value::int(flag)]))
}

fn nd_setstate(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let state = crate::builtins::args::exactly_one("setstate", args)?;
    let Some(items) = crate::objects::tuple::try_tuple_items(state)
        .filter(|i| i.len() == 2)
        .map(|i| i.to_vec())
    else {
        return err(&TYPE_ERROR, "state argument must be a tuple");
    };
    let flag = crate::ops::number::index_i64(&items[1])?;
    let d = nd(v);
    d.pendingcr.set(flag & 1 != 0);
    let dec = d.decoder();
    if !dec.is_none() {
        call_method(
            &dec,
            "setstate",
            &[new_tuple(vec![items[0].clone(), Value::int(flag >> 1)])],
        )?;
    }
    Ok(Value::NONE)
}

fn nd_reset(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = nd(v);
    d.seen.set(0);
    d.pendingcr.set(false);
    let dec = d.decoder();
    if !dec.is_none() {
        call_method(&dec, "reset", &[])?;
    }
    Ok(Value::NONE)
}

/// `_io.IncrementalNewlineDecoder`.
pub static NEWLINE_DECODER_TYPE: TypeObject = TypeObject {
    name: "_io.IncrementalNewlineDecoder",
    layout: &NEWLINE_DECODER_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<NewlineDecoder>,
    sub_layout: crate::objects::sub_layout::<NewlineDecoder>(),
    new: Some(nd_new),
    methods: &[
        method!("__init__", nd_m_init),
        method!("decode", nd_decode),
        method!("getstate", nd_getstate),
        method!("setstate", nd_setstate),
        method!("reset", nd_reset),
    ],
    getsets: &[GetSetDef {
        name: "newlines",
        get: |v| Ok(newlines_value(nd(v).seen.get())),
        set: None,
    }],
    doc: "Codec used when reading a file in universal newlines mode.",
    ..TypeObject::EMPTY
};
