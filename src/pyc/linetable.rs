//! Decoding of `co_linetable`, CPython 3.11+'s location table.
//!
//! The table is a sequence of entries, each covering 1 to 8 code units and
//! giving their start line, end line, start column and end column. An entry
//! starts with a byte `1cccclll` (`cccc` the form code, `lll` the length in
//! code units minus one) followed by the form's operands:
//!
//! | code  | form      | line              | end line      | columns                          |
//! |-------|-----------|-------------------|---------------|----------------------------------|
//! | 0-9   | short     | same              | = line        | 1 byte: `code*8 + hi3`, `+ lo4`  |
//! | 10-12 | one line  | `+ (code - 10)`   | = line        | 2 bytes: col, end col            |
//! | 13    | no column | `+ svarint`       | = line        | none                             |
//! | 14    | long      | `+ svarint`       | line + varint | varint - 1, varint - 1 (-1 none) |
//! | 15    | none      | none (unchanged)  | none          | none                             |
//!
//! Varints are 6-bit chunks, least significant first, bit 6 meaning "more";
//! svarints are zig-zag coded (`(v >> 1)`, negated if `v & 1`). Lines are
//! deltas from the previous entry's line, starting at `co_firstlineno`.
//!
//! The decoder is total: a truncated or malformed final entry ends decoding
//! (the code units after it have no location), it never panics.

use super::code::RawCode;

/// The source span of one instruction, as `code.co_positions()` reports it.
///
/// Invariant: `line <= end_line` for tables CPython writes. Columns are
/// 0-based UTF-8 byte offsets; `None` when the entry has no column data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// First line (1-based; module prologues use line 0).
    pub line: u32,
    /// Last line.
    pub end_line: u32,
    /// Start column, if known.
    pub col: Option<u32>,
    /// End column (exclusive), if known.
    pub end_col: Option<u32>,
}

/// One decoded table entry: code units `start..end` share `location`
/// (`None`: no location, e.g. compiler-generated cleanup code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocationRange {
    /// First code unit covered.
    pub start: u32,
    /// One past the last code unit covered.
    pub end: u32,
    /// The location of those code units.
    pub location: Option<Location>,
}

struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bytes<'_> {
    fn next(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut b = self.next()?;
        let mut val = (b & 63) as u32;
        let mut shift = 0u32;
        while b & 64 != 0 {
            b = self.next()?;
            shift += 6;
            if shift >= 32 {
                return None;
            }
            val |= ((b & 63) as u32) << shift;
        }
        Some(val)
    }

    fn svarint(&mut self) -> Option<i64> {
        let v = self.varint()?;
        let mag = (v >> 1) as i64;
        Some(if v & 1 != 0 { -mag } else { mag })
    }
}

/// Converts CPython's internal `int` value (where -1 means "none") to what
/// `co_positions()` yields; negative values other than -1 cannot come from
/// CPython's compiler and are treated as unknown as well.
fn field(v: i64) -> Option<u32> {
    u32::try_from(v).ok()
}

/// Iterator over the entries of a location table (see [`ranges`]).
pub struct Ranges<'a> {
    bytes: Bytes<'a>,
    line: i64,
    start: u32,
}

impl Iterator for Ranges<'_> {
    type Item = LocationRange;

    fn next(&mut self) -> Option<LocationRange> {
        let first = self.bytes.next()?;
        if first & 0x80 == 0 {
            self.bytes.pos = self.bytes.data.len();
            return None;
        }
        let code = (first >> 3) & 15;
        let len = (first & 7) as u32 + 1;
        let bytes = &mut self.bytes;
        let line = &mut self.line;
        let decoded = (|| -> Option<(i64, i64, i64, i64)> {
            Some(match code {
                15 => (-1, -1, -1, -1),
                14 => {
                    *line += bytes.svarint()?;
                    let end_line = *line + bytes.varint()? as i64;
                    let col = bytes.varint()? as i64 - 1;
                    let end_col = bytes.varint()? as i64 - 1;
                    (*line, end_line, col, end_col)
                }
                13 => {
                    *line += bytes.svarint()?;
                    (*line, *line, -1, -1)
                }
                10..=12 => {
                    *line += (code - 10) as i64;
                    let col = bytes.next()? as i64;
                    let end_col = bytes.next()? as i64;
                    (*line, *line, col, end_col)
                }
                _ => {
                    let second = bytes.next()?;
                    let col = ((code as i64) << 3) | ((second >> 4) & 7) as i64;
                    (*line, *line, col, col + (second & 15) as i64)
                }
            })
        })();
        let Some((l, el, c, ec)) = decoded else {
            self.bytes.pos = self.bytes.data.len();
            return None;
        };
        let location = match (field(l), field(el)) {
            (Some(line), Some(end_line)) => Some(Location {
                line,
                end_line,
                col: field(c),
                end_col: field(ec),
            }),
            _ => None,
        };
        let start = self.start;
        self.start = start.saturating_add(len);
        Some(LocationRange {
            start,
            end: self.start,
            location,
        })
    }
}

/// Decodes a location table into ranges of code units, in order, lazily.
/// `firstlineno` is the code object's `co_firstlineno`.
pub fn ranges(linetable: &[u8], firstlineno: i32) -> Ranges<'_> {
    Ranges {
        bytes: Bytes {
            data: linetable,
            pos: 0,
        },
        line: firstlineno as i64,
        start: 0,
    }
}

/// `co_positions()` as a vector: one entry per code unit of `code.code`
/// (code units not covered by the table have no location).
pub fn locations(code: &RawCode) -> Vec<Option<Location>> {
    let units = code.code_units();
    let mut out = Vec::with_capacity(units);
    for r in ranges(&code.linetable, code.firstlineno) {
        if out.len() >= units {
            break;
        }
        let n = (r.end - r.start) as usize;
        out.extend(std::iter::repeat_n(r.location, n.min(units - out.len())));
    }
    out.resize(units, None);
    out
}

/// The location of the code unit at `index` (an instruction index, i.e. a
/// byte offset / 2), or `None` if it has none. Decodes the table up to that
/// point; use [`locations`] to look up many indices.
pub fn line_for(code: &RawCode, index: usize) -> Option<Location> {
    if index >= code.code_units() {
        return None;
    }
    ranges(&code.linetable, code.firstlineno)
        .find(|r| r.end as usize > index)
        .and_then(|r| r.location)
}
