//! Decoding of `co_exceptiontable`, CPython 3.11+'s "zero-cost" exception
//! table.
//!
//! The table is a sequence of entries of four varints each: start, length,
//! target (all in code units) and `depth << 1 | lasti`. These varints are
//! 6-bit chunks, *most* significant first, bit 6 meaning "more"; bit 7 is set
//! on the first byte of each entry. Entries are sorted by start and do not
//! overlap. When an exception is raised at instruction `i`, the entry covering
//! `i` says where to jump (`target`), how deep the value stack is to be cut
//! (`depth`) and whether to push the offset of the raising instruction
//! (`lasti`); no entry means the exception propagates to the caller.

use super::PycError;

/// One exception-table entry; all offsets are in code units (instruction
/// indices, i.e. byte offsets / 2).
///
/// Invariant (from [`parse`]): `start <= end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionEntry {
    /// First instruction covered.
    pub start: u32,
    /// One past the last instruction covered.
    pub end: u32,
    /// Instruction to jump to.
    pub target: u32,
    /// Value-stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Whether to push the raising instruction's offset before the exception.
    pub lasti: bool,
}

fn varint(data: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *data.get(*pos)?;
    *pos += 1;
    let mut val = (b & 63) as u32;
    while b & 64 != 0 {
        b = *data.get(*pos)?;
        *pos += 1;
        val = val.checked_mul(64)? | (b & 63) as u32;
    }
    Some(val)
}

/// Decodes an exception table. Errors (never panics) on a truncated entry, a
/// value that overflows 32 bits, or an entry not starting with a byte whose
/// bit 7 is set.
pub fn parse(table: &[u8]) -> Result<Vec<ExceptionEntry>, PycError> {
    let mut out = Vec::with_capacity(table.len() / 4);
    let mut pos = 0;
    while pos < table.len() {
        let at = pos;
        let bad = || PycError::BadMarshal {
            offset: at,
            detail: "malformed exception table entry".into(),
        };
        if table[pos] & 0x80 == 0 {
            return Err(bad());
        }
        let start = varint(table, &mut pos).ok_or_else(bad)?;
        let len = varint(table, &mut pos).ok_or_else(bad)?;
        let target = varint(table, &mut pos).ok_or_else(bad)?;
        let dl = varint(table, &mut pos).ok_or_else(bad)?;
        out.push(ExceptionEntry {
            start,
            end: start.checked_add(len).ok_or_else(bad)?,
            target,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    Ok(out)
}

/// The entry handling an exception raised at instruction `index`, if any.
///
/// Like CPython, scans entries in order and stops at the first one starting
/// after `index`, so for the sorted tables CPython writes this is the unique
/// entry with `start <= index < end`.
pub fn handler_for(entries: &[ExceptionEntry], index: u32) -> Option<&ExceptionEntry> {
    entries
        .iter()
        .take_while(|e| e.start <= index)
        .find(|e| index < e.end)
}
