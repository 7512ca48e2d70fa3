//! `repr()` and `ascii()` of `str`, and `repr()` of `bytes`.

use super::unicode::is_printable;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `repr(s)`: quoted with `'` unless `s` contains `'` and no `"`; `\\`, the quote, `\t`,
/// `\n`, `\r` escaped; other characters that are not printable (see [`is_printable`])
/// escaped as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`. Printable non-ASCII characters stay.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_str_repr(&mut out, s, false);
    out
}

/// `ascii(s)`: as [`str_repr`] but every non-ASCII character is escaped too.
pub fn ascii_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_str_repr(&mut out, s, true);
    out
}

/// [`str_repr`] / [`ascii_repr`] of a Rust `str`, copying runs of characters that need no
/// escape in one go.
fn push_str_repr(out: &mut String, s: &str, ascii: bool) {
    let bytes = s.as_bytes();
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    let mut run = 0;
    for (i, ch) in s.char_indices() {
        let c = u32::from(ch);
        let plain = if c < 0x80 {
            (0x20..0x7f).contains(&c) && ch != '\\' && ch != quote
        } else {
            !ascii && is_printable(c)
        };
        if plain {
            continue;
        }
        out.push_str(&s[run..i]);
        run = i + ch.len_utf8();
        push_escape(out, c, quote);
    }
    out.push_str(&s[run..]);
    out.push(quote);
}

/// Appends the escape of a code point that a repr does not show as itself.
fn push_escape(out: &mut String, c: u32, quote: char) {
    match c {
        0x5c => out.push_str("\\\\"),
        0x09 => out.push_str("\\t"),
        0x0a => out.push_str("\\n"),
        0x0d => out.push_str("\\r"),
        _ if c == u32::from(quote) => {
            out.push('\\');
            out.push(quote);
        }
        _ if c < 0x100 => push_hex_escape(out, 'x', c, 2),
        _ if c < 0x10000 => push_hex_escape(out, 'u', c, 4),
        _ => push_hex_escape(out, 'U', c, 8),
    }
}

/// Appends the repr (`ascii == false`) or ascii (`ascii == true`) of the string made of
/// `code_points` to `out`. For strings that are not valid Rust `str`s: lone surrogates
/// (U+D800..U+DFFF) are escaped as `\udxxx`, as CPython does.
pub fn push_repr_code_points<I>(out: &mut String, code_points: I, ascii: bool)
where
    I: Iterator<Item = u32> + Clone,
{
    let (mut single, mut double) = (false, false);
    for c in code_points.clone() {
        single |= c == u32::from(b'\'');
        double |= c == u32::from(b'"');
    }
    let quote = if single && !double { '"' } else { '\'' };
    out.push(quote);
    for c in code_points {
        let plain = if c < 0x80 {
            (0x20..0x7f).contains(&c) && c != 0x5c && c != u32::from(quote)
        } else {
            !ascii && is_printable(c)
        };
        match char::from_u32(c).filter(|_| plain) {
            // Printable code points are never surrogates.
            Some(ch) => out.push(ch),
            None => push_escape(out, c, quote),
        }
    }
    out.push(quote);
}

/// Appends `\<tag>` and `digits` lower-case hex digits of `c`.
fn push_hex_escape(out: &mut String, tag: char, c: u32, digits: u32) {
    out.push('\\');
    out.push(tag);
    for i in (0..digits).rev() {
        out.push(HEX[((c >> (4 * i)) & 0xf) as usize] as char);
    }
}

/// `repr(b)` for `bytes`: `b'...'`, quoted as [`str_repr`] chooses, with `\\`, the quote,
/// `\t`, `\n`, `\r` escaped and bytes outside `0x20..=0x7e` as `\xhh`.
pub fn bytes_repr(b: &[u8]) -> String {
    let single = b.contains(&b'\'');
    let double = b.contains(&b'"');
    let quote = if single && !double { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(quote as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => push_hex_escape(&mut out, 'x', u32::from(c), 2),
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(
            str_repr("a\\b\n\t\r\x00\x7f"),
            "'a\\\\b\\n\\t\\r\\x00\\x7f'"
        );
        assert_eq!(
            str_repr("é中\u{a0}\u{ad}\u{2028}"),
            "'é中\\xa0\\xad\\u2028'"
        );
        assert_eq!(str_repr("\u{e0000}\u{1f600}"), "'\\U000e0000😀'");
        assert_eq!(ascii_repr("é中😀"), "'\\xe9\\u4e2d\\U0001f600'");
        assert_eq!(bytes_repr(b"a'\x00\xff\\"), "b\"a'\\x00\\xff\\\\\"");
        let mut out = String::new();
        push_repr_code_points(&mut out, [0x61u32, 0xd800].into_iter(), false);
        assert_eq!(out, "'a\\ud800'");
    }
}
