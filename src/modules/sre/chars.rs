//! Character predicates and case mappings of the regular-expression engine, as CPython's
//! `_sre` defines them: ASCII classes (`\d`, `\s`, `\w` under `re.ASCII` and for bytes), the C
//! locale for `re.LOCALE`, and Unicode classes that follow `str.isdecimal()`, `str.isspace()`
//! and `str.isalnum()`. Case mappings are the simple (one code point) mappings CPython's
//! `Py_UNICODE_TOLOWER`/`Py_UNICODE_TOUPPER` return.

/// A code unit of a subject string: a byte (bytes, or a str whose code points are all below
/// 256) or a full code point.
pub trait Char: Copy + Eq + 'static {
    /// The code point.
    fn code(self) -> u32;
    /// The index of the first `c` in `hay`.
    fn find(hay: &[Self], c: u32) -> Option<usize>;
}

impl Char for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
    #[inline]
    fn find(hay: &[u8], c: u32) -> Option<usize> {
        if c > 255 || hay.is_empty() {
            return None;
        }
        // SAFETY: `hay` is a valid slice of `hay.len()` bytes; memchr reads only within it and
        // returns null or a pointer into it.
        let p = unsafe { libc::memchr(hay.as_ptr().cast(), c as libc::c_int, hay.len()) };
        if p.is_null() {
            None
        } else {
            Some(p as usize - hay.as_ptr() as usize)
        }
    }
}

impl Char for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
    #[inline]
    fn find(hay: &[u32], c: u32) -> Option<usize> {
        hay.iter().position(|&x| x == c)
    }
}

/// Category codes (`CATEGORY_*` in `re._constants`).
pub mod category {
    pub const DIGIT: u32 = 0;
    pub const NOT_DIGIT: u32 = 1;
    pub const SPACE: u32 = 2;
    pub const NOT_SPACE: u32 = 3;
    pub const WORD: u32 = 4;
    pub const NOT_WORD: u32 = 5;
    pub const LINEBREAK: u32 = 6;
    pub const NOT_LINEBREAK: u32 = 7;
    pub const LOC_WORD: u32 = 8;
    pub const LOC_NOT_WORD: u32 = 9;
    pub const UNI_DIGIT: u32 = 10;
    pub const UNI_NOT_DIGIT: u32 = 11;
    pub const UNI_SPACE: u32 = 12;
    pub const UNI_NOT_SPACE: u32 = 13;
    pub const UNI_WORD: u32 = 14;
    pub const UNI_NOT_WORD: u32 = 15;
    pub const UNI_LINEBREAK: u32 = 16;
    pub const UNI_NOT_LINEBREAK: u32 = 17;
}

const A_DIGIT: u8 = 1;
const A_SPACE: u8 = 2;
const A_WORD: u8 = 4;

/// ASCII class bits, indexed by code point (0..128).
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        let mut f = 0;
        if b.is_ascii_digit() {
            f |= A_DIGIT | A_WORD;
        }
        if b.is_ascii_alphabetic() || b == b'_' {
            f |= A_WORD;
        }
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            f |= A_SPACE;
        }
        t[c] = f;
        c += 1;
    }
    t
};

#[inline(always)]
fn ascii_has(ch: u32, bit: u8) -> bool {
    ch < 128 && ASCII_CLASS[ch as usize] & bit != 0
}

/// `\d` in ASCII mode.
#[inline(always)]
pub fn is_digit(ch: u32) -> bool {
    ascii_has(ch, A_DIGIT)
}

/// `\s` in ASCII mode (`\t\n\v\f\r` and space).
#[inline(always)]
pub fn is_space(ch: u32) -> bool {
    ascii_has(ch, A_SPACE)
}

/// `\w` in ASCII mode (letters, digits, underscore).
#[inline(always)]
pub fn is_word(ch: u32) -> bool {
    ascii_has(ch, A_WORD)
}

/// The line break of `.` and `$`: only `\n`.
#[inline(always)]
pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

/// `\w` under `re.LOCALE`: the C locale's `isalnum` (ASCII) or underscore.
#[inline(always)]
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

/// `\d` in Unicode mode: `str.isdecimal()`.
#[inline]
pub fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    crate::format::decimal_value(ch).is_some()
}

/// `\s` in Unicode mode: `str.isspace()`.
#[inline]
pub fn is_uni_space(ch: u32) -> bool {
    crate::format::is_space(ch)
}

/// `\w` in Unicode mode: `str.isalnum()` or underscore.
#[inline]
pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    match char::from_u32(ch) {
        Some(c) => crate::objects::str_methods::is_alnum(c),
        None => false,
    }
}

/// Unicode line breaks (`str.splitlines()` separators).
#[inline]
pub fn is_uni_linebreak(ch: u32) -> bool {
    matches!(
        ch,
        0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// Whether `ch` belongs to category `cat` (unknown categories never match).
#[inline]
pub fn in_category(cat: u32, ch: u32) -> bool {
    use category::*;
    match cat {
        DIGIT => is_digit(ch),
        NOT_DIGIT => !is_digit(ch),
        SPACE => is_space(ch),
        NOT_SPACE => !is_space(ch),
        WORD => is_word(ch),
        NOT_WORD => !is_word(ch),
        LINEBREAK => is_linebreak(ch),
        NOT_LINEBREAK => !is_linebreak(ch),
        LOC_WORD => is_loc_word(ch),
        LOC_NOT_WORD => !is_loc_word(ch),
        UNI_DIGIT => is_uni_digit(ch),
        UNI_NOT_DIGIT => !is_uni_digit(ch),
        UNI_SPACE => is_uni_space(ch),
        UNI_NOT_SPACE => !is_uni_space(ch),
        UNI_WORD => is_uni_word(ch),
        UNI_NOT_WORD => !is_uni_word(ch),
        UNI_LINEBREAK => is_uni_linebreak(ch),
        UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

/// Whether `cat` is a category code the engine knows.
pub fn valid_category(cat: u32) -> bool {
    cat <= category::UNI_NOT_LINEBREAK
}

/// Lowercase in ASCII mode: only `A`..`Z` change.
#[inline(always)]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

/// Uppercase in ASCII mode.
#[inline(always)]
pub fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// Lowercase under `re.LOCALE` (the C locale: ASCII letters only).
#[inline(always)]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// Uppercase under `re.LOCALE`.
#[inline(always)]
pub fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

/// Looks `ch` up in a run table: `(first, last, delta, step)` maps every `step`-th code point
/// from `first` to `last` to itself plus `delta`.
fn map_runs(table: &[(u32, u32, i32, u32)], ch: u32) -> u32 {
    let i = table.partition_point(|&(first, _, _, _)| first <= ch);
    if i == 0 {
        return ch;
    }
    let (first, last, delta, step) = table[i - 1];
    if ch <= last && (ch - first).is_multiple_of(step) {
        (ch as i64 + delta as i64) as u32
    } else {
        ch
    }
}

/// `Py_UNICODE_TOLOWER`: the simple lowercase mapping.
#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    map_runs(&tables::LOWER, ch)
}

/// `Py_UNICODE_TOUPPER`: the simple uppercase mapping.
#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    map_runs(&tables::UPPER, ch)
}

/// `_sre.unicode_iscased`: whether `ch` has a different lower- or uppercase form.
pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

/// `_sre.ascii_iscased`: whether `ch` is an ASCII letter.
pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

/// Case mapping tables generated from CPython 3.12.1 (Unicode 15.0.0).
#[rustfmt::skip]
mod tables {
    // @generated from CPython 3.12.1 by a one-off script: `_sre.unicode_tolower(c)` and the
    // first code point of `chr(c).upper()` for every code point where they differ from `c`.

    pub(super) static LOWER: [(u32, u32, i32, u32); 182] = [
        (0x0041, 0x005A, 32, 1), (0x00C0, 0x00D6, 32, 1), (0x00D8, 0x00DE, 32, 1),
        (0x0100, 0x012E, 1, 2), (0x0130, 0x0130, -199, 1), (0x0132, 0x0136, 1, 2),
        (0x0139, 0x0147, 1, 2), (0x014A, 0x0176, 1, 2), (0x0178, 0x0178, -121, 1),
        (0x0179, 0x017D, 1, 2), (0x0181, 0x0181, 210, 1), (0x0182, 0x0184, 1, 2),
        (0x0186, 0x0186, 206, 1), (0x0187, 0x0187, 1, 1), (0x0189, 0x018A, 205, 1),
        (0x018B, 0x018B, 1, 1), (0x018E, 0x018E, 79, 1), (0x018F, 0x018F, 202, 1),
        (0x0190, 0x0190, 203, 1), (0x0191, 0x0191, 1, 1), (0x0193, 0x0193, 205, 1),
        (0x0194, 0x0194, 207, 1), (0x0196, 0x0196, 211, 1), (0x0197, 0x0197, 209, 1),
        (0x0198, 0x0198, 1, 1), (0x019C, 0x019C, 211, 1), (0x019D, 0x019D, 213, 1),
        (0x019F, 0x019F, 214, 1), (0x01A0, 0x01A4, 1, 2), (0x01A6, 0x01A6, 218, 1),
        (0x01A7, 0x01A7, 1, 1), (0x01A9, 0x01A9, 218, 1), (0x01AC, 0x01AC, 1, 1),
        (0x01AE, 0x01AE, 218, 1), (0x01AF, 0x01AF, 1, 1), (0x01B1, 0x01B2, 217, 1),
        (0x01B3, 0x01B5, 1, 2), (0x01B7, 0x01B7, 219, 1), (0x01B8, 0x01B8, 1, 1),
        (0x01BC, 0x01BC, 1, 1), (0x01C4, 0x01C4, 2, 1), (0x01C5, 0x01C5, 1, 1), (0x01C7, 0x01C7, 2, 1),
        (0x01C8, 0x01C8, 1, 1), (0x01CA, 0x01CA, 2, 1), (0x01CB, 0x01DB, 1, 2), (0x01DE, 0x01EE, 1, 2),
        (0x01F1, 0x01F1, 2, 1), (0x01F2, 0x01F4, 1, 2), (0x01F6, 0x01F6, -97, 1),
        (0x01F7, 0x01F7, -56, 1), (0x01F8, 0x021E, 1, 2), (0x0220, 0x0220, -130, 1),
        (0x0222, 0x0232, 1, 2), (0x023A, 0x023A, 10795, 1), (0x023B, 0x023B, 1, 1),
        (0x023D, 0x023D, -163, 1), (0x023E, 0x023E, 10792, 1), (0x0241, 0x0241, 1, 1),
        (0x0243, 0x0243, -195, 1), (0x0244, 0x0244, 69, 1), (0x0245, 0x0245, 71, 1),
        (0x0246, 0x024E, 1, 2), (0x0370, 0x0372, 1, 2), (0x0376, 0x0376, 1, 1),
        (0x037F, 0x037F, 116, 1), (0x0386, 0x0386, 38, 1), (0x0388, 0x038A, 37, 1),
        (0x038C, 0x038C, 64, 1), (0x038E, 0x038F, 63, 1), (0x0391, 0x03A1, 32, 1),
        (0x03A3, 0x03AB, 32, 1), (0x03CF, 0x03CF, 8, 1), (0x03D8, 0x03EE, 1, 2),
        (0x03F4, 0x03F4, -60, 1), (0x03F7, 0x03F7, 1, 1), (0x03F9, 0x03F9, -7, 1),
        (0x03FA, 0x03FA, 1, 1), (0x03FD, 0x03FF, -130, 1), (0x0400, 0x040F, 80, 1),
        (0x0410, 0x042F, 32, 1), (0x0460, 0x0480, 1, 2), (0x048A, 0x04BE, 1, 2),
        (0x04C0, 0x04C0, 15, 1), (0x04C1, 0x04CD, 1, 2), (0x04D0, 0x052E, 1, 2),
        (0x0531, 0x0556, 48, 1), (0x10A0, 0x10C5, 7264, 1), (0x10C7, 0x10C7, 7264, 1),
        (0x10CD, 0x10CD, 7264, 1), (0x13A0, 0x13EF, 38864, 1), (0x13F0, 0x13F5, 8, 1),
        (0x1C90, 0x1CBA, -3008, 1), (0x1CBD, 0x1CBF, -3008, 1), (0x1E00, 0x1E94, 1, 2),
        (0x1E9E, 0x1E9E, -7615, 1), (0x1EA0, 0x1EFE, 1, 2), (0x1F08, 0x1F0F, -8, 1),
        (0x1F18, 0x1F1D, -8, 1), (0x1F28, 0x1F2F, -8, 1), (0x1F38, 0x1F3F, -8, 1),
        (0x1F48, 0x1F4D, -8, 1), (0x1F59, 0x1F5F, -8, 2), (0x1F68, 0x1F6F, -8, 1),
        (0x1F88, 0x1F8F, -8, 1), (0x1F98, 0x1F9F, -8, 1), (0x1FA8, 0x1FAF, -8, 1),
        (0x1FB8, 0x1FB9, -8, 1), (0x1FBA, 0x1FBB, -74, 1), (0x1FBC, 0x1FBC, -9, 1),
        (0x1FC8, 0x1FCB, -86, 1), (0x1FCC, 0x1FCC, -9, 1), (0x1FD8, 0x1FD9, -8, 1),
        (0x1FDA, 0x1FDB, -100, 1), (0x1FE8, 0x1FE9, -8, 1), (0x1FEA, 0x1FEB, -112, 1),
        (0x1FEC, 0x1FEC, -7, 1), (0x1FF8, 0x1FF9, -128, 1), (0x1FFA, 0x1FFB, -126, 1),
        (0x1FFC, 0x1FFC, -9, 1), (0x2126, 0x2126, -7517, 1), (0x212A, 0x212A, -8383, 1),
        (0x212B, 0x212B, -8262, 1), (0x2132, 0x2132, 28, 1), (0x2160, 0x216F, 16, 1),
        (0x2183, 0x2183, 1, 1), (0x24B6, 0x24CF, 26, 1), (0x2C00, 0x2C2F, 48, 1),
        (0x2C60, 0x2C60, 1, 1), (0x2C62, 0x2C62, -10743, 1), (0x2C63, 0x2C63, -3814, 1),
        (0x2C64, 0x2C64, -10727, 1), (0x2C67, 0x2C6B, 1, 2), (0x2C6D, 0x2C6D, -10780, 1),
        (0x2C6E, 0x2C6E, -10749, 1), (0x2C6F, 0x2C6F, -10783, 1), (0x2C70, 0x2C70, -10782, 1),
        (0x2C72, 0x2C72, 1, 1), (0x2C75, 0x2C75, 1, 1), (0x2C7E, 0x2C7F, -10815, 1),
        (0x2C80, 0x2CE2, 1, 2), (0x2CEB, 0x2CED, 1, 2), (0x2CF2, 0x2CF2, 1, 1), (0xA640, 0xA66C, 1, 2),
        (0xA680, 0xA69A, 1, 2), (0xA722, 0xA72E, 1, 2), (0xA732, 0xA76E, 1, 2), (0xA779, 0xA77B, 1, 2),
        (0xA77D, 0xA77D, -35332, 1), (0xA77E, 0xA786, 1, 2), (0xA78B, 0xA78B, 1, 1),
        (0xA78D, 0xA78D, -42280, 1), (0xA790, 0xA792, 1, 2), (0xA796, 0xA7A8, 1, 2),
        (0xA7AA, 0xA7AA, -42308, 1), (0xA7AB, 0xA7AB, -42319, 1), (0xA7AC, 0xA7AC, -42315, 1),
        (0xA7AD, 0xA7AD, -42305, 1), (0xA7AE, 0xA7AE, -42308, 1), (0xA7B0, 0xA7B0, -42258, 1),
        (0xA7B1, 0xA7B1, -42282, 1), (0xA7B2, 0xA7B2, -42261, 1), (0xA7B3, 0xA7B3, 928, 1),
        (0xA7B4, 0xA7C2, 1, 2), (0xA7C4, 0xA7C4, -48, 1), (0xA7C5, 0xA7C5, -42307, 1),
        (0xA7C6, 0xA7C6, -35384, 1), (0xA7C7, 0xA7C9, 1, 2), (0xA7D0, 0xA7D0, 1, 1),
        (0xA7D6, 0xA7D8, 1, 2), (0xA7F5, 0xA7F5, 1, 1), (0xFF21, 0xFF3A, 32, 1),
        (0x10400, 0x10427, 40, 1), (0x104B0, 0x104D3, 40, 1), (0x10570, 0x1057A, 39, 1),
        (0x1057C, 0x1058A, 39, 1), (0x1058C, 0x10592, 39, 1), (0x10594, 0x10595, 39, 1),
        (0x10C80, 0x10CB2, 64, 1), (0x118A0, 0x118BF, 32, 1), (0x16E40, 0x16E5F, 32, 1),
        (0x1E900, 0x1E921, 34, 1),
    ];

    pub(super) static UPPER: [(u32, u32, i32, u32); 256] = [
        (0x0061, 0x007A, -32, 1), (0x00B5, 0x00B5, 743, 1), (0x00DF, 0x00DF, -140, 1),
        (0x00E0, 0x00F6, -32, 1), (0x00F8, 0x00FE, -32, 1), (0x00FF, 0x00FF, 121, 1),
        (0x0101, 0x012F, -1, 2), (0x0131, 0x0131, -232, 1), (0x0133, 0x0137, -1, 2),
        (0x013A, 0x0148, -1, 2), (0x0149, 0x0149, 371, 1), (0x014B, 0x0177, -1, 2),
        (0x017A, 0x017E, -1, 2), (0x017F, 0x017F, -300, 1), (0x0180, 0x0180, 195, 1),
        (0x0183, 0x0185, -1, 2), (0x0188, 0x0188, -1, 1), (0x018C, 0x018C, -1, 1),
        (0x0192, 0x0192, -1, 1), (0x0195, 0x0195, 97, 1), (0x0199, 0x0199, -1, 1),
        (0x019A, 0x019A, 163, 1), (0x019E, 0x019E, 130, 1), (0x01A1, 0x01A5, -1, 2),
        (0x01A8, 0x01A8, -1, 1), (0x01AD, 0x01AD, -1, 1), (0x01B0, 0x01B0, -1, 1),
        (0x01B4, 0x01B6, -1, 2), (0x01B9, 0x01B9, -1, 1), (0x01BD, 0x01BD, -1, 1),
        (0x01BF, 0x01BF, 56, 1), (0x01C5, 0x01C5, -1, 1), (0x01C6, 0x01C6, -2, 1),
        (0x01C8, 0x01C8, -1, 1), (0x01C9, 0x01C9, -2, 1), (0x01CB, 0x01CB, -1, 1),
        (0x01CC, 0x01CC, -2, 1), (0x01CE, 0x01DC, -1, 2), (0x01DD, 0x01DD, -79, 1),
        (0x01DF, 0x01EF, -1, 2), (0x01F0, 0x01F0, -422, 1), (0x01F2, 0x01F2, -1, 1),
        (0x01F3, 0x01F3, -2, 1), (0x01F5, 0x01F5, -1, 1), (0x01F9, 0x021F, -1, 2),
        (0x0223, 0x0233, -1, 2), (0x023C, 0x023C, -1, 1), (0x023F, 0x0240, 10815, 1),
        (0x0242, 0x0242, -1, 1), (0x0247, 0x024F, -1, 2), (0x0250, 0x0250, 10783, 1),
        (0x0251, 0x0251, 10780, 1), (0x0252, 0x0252, 10782, 1), (0x0253, 0x0253, -210, 1),
        (0x0254, 0x0254, -206, 1), (0x0256, 0x0257, -205, 1), (0x0259, 0x0259, -202, 1),
        (0x025B, 0x025B, -203, 1), (0x025C, 0x025C, 42319, 1), (0x0260, 0x0260, -205, 1),
        (0x0261, 0x0261, 42315, 1), (0x0263, 0x0263, -207, 1), (0x0265, 0x0265, 42280, 1),
        (0x0266, 0x0266, 42308, 1), (0x0268, 0x0268, -209, 1), (0x0269, 0x0269, -211, 1),
        (0x026A, 0x026A, 42308, 1), (0x026B, 0x026B, 10743, 1), (0x026C, 0x026C, 42305, 1),
        (0x026F, 0x026F, -211, 1), (0x0271, 0x0271, 10749, 1), (0x0272, 0x0272, -213, 1),
        (0x0275, 0x0275, -214, 1), (0x027D, 0x027D, 10727, 1), (0x0280, 0x0280, -218, 1),
        (0x0282, 0x0282, 42307, 1), (0x0283, 0x0283, -218, 1), (0x0287, 0x0287, 42282, 1),
        (0x0288, 0x0288, -218, 1), (0x0289, 0x0289, -69, 1), (0x028A, 0x028B, -217, 1),
        (0x028C, 0x028C, -71, 1), (0x0292, 0x0292, -219, 1), (0x029D, 0x029D, 42261, 1),
        (0x029E, 0x029E, 42258, 1), (0x0345, 0x0345, 84, 1), (0x0371, 0x0373, -1, 2),
        (0x0377, 0x0377, -1, 1), (0x037B, 0x037D, 130, 1), (0x0390, 0x0390, 9, 1),
        (0x03AC, 0x03AC, -38, 1), (0x03AD, 0x03AF, -37, 1), (0x03B0, 0x03B0, -11, 1),
        (0x03B1, 0x03C1, -32, 1), (0x03C2, 0x03C2, -31, 1), (0x03C3, 0x03CB, -32, 1),
        (0x03CC, 0x03CC, -64, 1), (0x03CD, 0x03CE, -63, 1), (0x03D0, 0x03D0, -62, 1),
        (0x03D1, 0x03D1, -57, 1), (0x03D5, 0x03D5, -47, 1), (0x03D6, 0x03D6, -54, 1),
        (0x03D7, 0x03D7, -8, 1), (0x03D9, 0x03EF, -1, 2), (0x03F0, 0x03F0, -86, 1),
        (0x03F1, 0x03F1, -80, 1), (0x03F2, 0x03F2, 7, 1), (0x03F3, 0x03F3, -116, 1),
        (0x03F5, 0x03F5, -96, 1), (0x03F8, 0x03F8, -1, 1), (0x03FB, 0x03FB, -1, 1),
        (0x0430, 0x044F, -32, 1), (0x0450, 0x045F, -80, 1), (0x0461, 0x0481, -1, 2),
        (0x048B, 0x04BF, -1, 2), (0x04C2, 0x04CE, -1, 2), (0x04CF, 0x04CF, -15, 1),
        (0x04D1, 0x052F, -1, 2), (0x0561, 0x0586, -48, 1), (0x0587, 0x0587, -82, 1),
        (0x10D0, 0x10FA, 3008, 1), (0x10FD, 0x10FF, 3008, 1), (0x13F8, 0x13FD, -8, 1),
        (0x1C80, 0x1C80, -6254, 1), (0x1C81, 0x1C81, -6253, 1), (0x1C82, 0x1C82, -6244, 1),
        (0x1C83, 0x1C84, -6242, 1), (0x1C85, 0x1C85, -6243, 1), (0x1C86, 0x1C86, -6236, 1),
        (0x1C87, 0x1C87, -6181, 1), (0x1C88, 0x1C88, 35266, 1), (0x1D79, 0x1D79, 35332, 1),
        (0x1D7D, 0x1D7D, 3814, 1), (0x1D8E, 0x1D8E, 35384, 1), (0x1E01, 0x1E95, -1, 2),
        (0x1E96, 0x1E96, -7758, 1), (0x1E97, 0x1E97, -7747, 1), (0x1E98, 0x1E98, -7745, 1),
        (0x1E99, 0x1E99, -7744, 1), (0x1E9A, 0x1E9A, -7769, 1), (0x1E9B, 0x1E9B, -59, 1),
        (0x1EA1, 0x1EFF, -1, 2), (0x1F00, 0x1F07, 8, 1), (0x1F10, 0x1F15, 8, 1),
        (0x1F20, 0x1F27, 8, 1), (0x1F30, 0x1F37, 8, 1), (0x1F40, 0x1F45, 8, 1),
        (0x1F50, 0x1F50, -7083, 1), (0x1F51, 0x1F51, 8, 1), (0x1F52, 0x1F52, -7085, 1),
        (0x1F53, 0x1F53, 8, 1), (0x1F54, 0x1F54, -7087, 1), (0x1F55, 0x1F55, 8, 1),
        (0x1F56, 0x1F56, -7089, 1), (0x1F57, 0x1F57, 8, 1), (0x1F60, 0x1F67, 8, 1),
        (0x1F70, 0x1F71, 74, 1), (0x1F72, 0x1F75, 86, 1), (0x1F76, 0x1F77, 100, 1),
        (0x1F78, 0x1F79, 128, 1), (0x1F7A, 0x1F7B, 112, 1), (0x1F7C, 0x1F7D, 126, 1),
        (0x1F80, 0x1F87, -120, 1), (0x1F88, 0x1F8F, -128, 1), (0x1F90, 0x1F97, -104, 1),
        (0x1F98, 0x1F9F, -112, 1), (0x1FA0, 0x1FA7, -56, 1), (0x1FA8, 0x1FAF, -64, 1),
        (0x1FB0, 0x1FB2, 8, 1), (0x1FB3, 0x1FB3, -7202, 1), (0x1FB4, 0x1FB4, -7214, 1),
        (0x1FB6, 0x1FB6, -7205, 1), (0x1FB7, 0x1FB7, -7206, 1), (0x1FBC, 0x1FBC, -7211, 1),
        (0x1FBE, 0x1FBE, -7205, 1), (0x1FC2, 0x1FC2, 8, 1), (0x1FC3, 0x1FC3, -7212, 1),
        (0x1FC4, 0x1FC4, -7227, 1), (0x1FC6, 0x1FC6, -7215, 1), (0x1FC7, 0x1FC7, -7216, 1),
        (0x1FCC, 0x1FCC, -7221, 1), (0x1FD0, 0x1FD1, 8, 1), (0x1FD2, 0x1FD2, -7225, 1),
        (0x1FD3, 0x1FD3, -7226, 1), (0x1FD6, 0x1FD6, -7229, 1), (0x1FD7, 0x1FD7, -7230, 1),
        (0x1FE0, 0x1FE1, 8, 1), (0x1FE2, 0x1FE2, -7229, 1), (0x1FE3, 0x1FE3, -7230, 1),
        (0x1FE4, 0x1FE4, -7235, 1), (0x1FE5, 0x1FE5, 7, 1), (0x1FE6, 0x1FE6, -7233, 1),
        (0x1FE7, 0x1FE7, -7234, 1), (0x1FF2, 0x1FF2, 8, 1), (0x1FF3, 0x1FF3, -7242, 1),
        (0x1FF4, 0x1FF4, -7269, 1), (0x1FF6, 0x1FF6, -7245, 1), (0x1FF7, 0x1FF7, -7246, 1),
        (0x1FFC, 0x1FFC, -7251, 1), (0x214E, 0x214E, -28, 1), (0x2170, 0x217F, -16, 1),
        (0x2184, 0x2184, -1, 1), (0x24D0, 0x24E9, -26, 1), (0x2C30, 0x2C5F, -48, 1),
        (0x2C61, 0x2C61, -1, 1), (0x2C65, 0x2C65, -10795, 1), (0x2C66, 0x2C66, -10792, 1),
        (0x2C68, 0x2C6C, -1, 2), (0x2C73, 0x2C73, -1, 1), (0x2C76, 0x2C76, -1, 1),
        (0x2C81, 0x2CE3, -1, 2), (0x2CEC, 0x2CEE, -1, 2), (0x2CF3, 0x2CF3, -1, 1),
        (0x2D00, 0x2D25, -7264, 1), (0x2D27, 0x2D27, -7264, 1), (0x2D2D, 0x2D2D, -7264, 1),
        (0xA641, 0xA66D, -1, 2), (0xA681, 0xA69B, -1, 2), (0xA723, 0xA72F, -1, 2),
        (0xA733, 0xA76F, -1, 2), (0xA77A, 0xA77C, -1, 2), (0xA77F, 0xA787, -1, 2),
        (0xA78C, 0xA78C, -1, 1), (0xA791, 0xA793, -1, 2), (0xA794, 0xA794, 48, 1),
        (0xA797, 0xA7A9, -1, 2), (0xA7B5, 0xA7C3, -1, 2), (0xA7C8, 0xA7CA, -1, 2),
        (0xA7D1, 0xA7D1, -1, 1), (0xA7D7, 0xA7D9, -1, 2), (0xA7F6, 0xA7F6, -1, 1),
        (0xAB53, 0xAB53, -928, 1), (0xAB70, 0xABBF, -38864, 1), (0xFB00, 0xFB00, -64186, 1),
        (0xFB01, 0xFB01, -64187, 1), (0xFB02, 0xFB02, -64188, 1), (0xFB03, 0xFB03, -64189, 1),
        (0xFB04, 0xFB04, -64190, 1), (0xFB05, 0xFB05, -64178, 1), (0xFB06, 0xFB06, -64179, 1),
        (0xFB13, 0xFB13, -62927, 1), (0xFB14, 0xFB14, -62928, 1), (0xFB15, 0xFB15, -62929, 1),
        (0xFB16, 0xFB16, -62920, 1), (0xFB17, 0xFB17, -62931, 1), (0xFF41, 0xFF5A, -32, 1),
        (0x10428, 0x1044F, -40, 1), (0x104D8, 0x104FB, -40, 1), (0x10597, 0x105A1, -39, 1),
        (0x105A3, 0x105B1, -39, 1), (0x105B3, 0x105B9, -39, 1), (0x105BB, 0x105BC, -39, 1),
        (0x10CC0, 0x10CF2, -64, 1), (0x118C0, 0x118DF, -32, 1), (0x16E60, 0x16E7F, -32, 1),
        (0x1E922, 0x1E943, -34, 1),
    ];
}
