//! The error type of the `.pyc` reader.

use super::magic::version_for_magic;
use super::MAGIC_3_12;
use std::fmt;

/// What was being read when the data ended early; only changes the wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TruncationContext {
    /// A whole `.pyc` file (offsets count from the start of the file).
    Pyc,
    /// Bare marshal data (offsets count from the start of the data).
    Marshal,
}

/// Why a `.pyc` file or marshal stream could not be read.
///
/// `Display` gives one line without a trailing newline; where CPython has a
/// message for the same failure the wording follows it, with more detail.
/// [`PycError::python_exception`] names the exception CPython would raise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PycError {
    /// The data ended before a complete object (or header) was read.
    Truncated {
        /// Offset at which more data was needed.
        offset: usize,
        /// What was being read.
        context: TruncationContext,
    },
    /// The first 4 bytes are not CPython 3.12's magic number.
    BadMagic {
        /// The first two bytes, little-endian.
        magic: u16,
        /// Whether bytes 2..4 were `\r\n`, i.e. it looks like a `.pyc` of
        /// some other Python version rather than not a `.pyc` at all.
        is_magic: bool,
    },
    /// The header's flags word is not 0, 1 or 3.
    InvalidFlags(u32),
    /// The marshal data is malformed (CPython: `ValueError: bad marshal
    /// data (...)`, or the `TypeError`/`ValueError` named in `detail`).
    BadMarshal {
        /// Offset of the object (its type byte) at fault.
        offset: usize,
        /// What is wrong, e.g. `unknown type code 0x5a`.
        detail: String,
    },
    /// Valid marshal data that this reader deliberately does not support:
    /// strings with lone surrogates (not representable as Rust `str`) and
    /// containers that contain themselves.
    Unsupported {
        /// Offset of the object at fault.
        offset: usize,
        /// What is unsupported.
        detail: String,
    },
    /// A marshalled code object whose fields are inconsistent (CPython's
    /// `_PyCode_Validate` would reject it) or whose bytecode fails the
    /// verifier ([`super::verify`]).
    BadCode {
        /// Offset of the code object's type byte.
        offset: usize,
        /// What is wrong, e.g. `co_varnames is too small` or `co_code[12]:
        /// LOAD_CONST 200 out of range (co_consts has 2 items) in 'f'`.
        detail: String,
    },
    /// The `.pyc` file's top-level object is not a code object.
    NotCode {
        /// Type of the object found instead.
        found: &'static str,
    },
}

impl PycError {
    /// The name of the Python exception CPython raises for this failure
    /// (`RuntimeError` for a bad magic number, as `python3.12 file.pyc`
    /// prints; `EOFError` for truncated data; `ValueError` otherwise).
    pub fn python_exception(&self) -> &'static str {
        match self {
            PycError::BadMagic { .. } | PycError::NotCode { .. } => "RuntimeError",
            PycError::Truncated { .. } => "EOFError",
            PycError::InvalidFlags(_) => "ImportError",
            PycError::BadMarshal { detail, .. } if detail.starts_with("NULL object") => "TypeError",
            PycError::BadMarshal { .. }
            | PycError::Unsupported { .. }
            | PycError::BadCode { .. } => "ValueError",
        }
    }
}

impl fmt::Display for PycError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PycError::Truncated { offset, context } => match context {
                TruncationContext::Pyc => write!(
                    f,
                    "truncated .pyc file: unexpected end of data at offset {offset}"
                ),
                TruncationContext::Marshal => write!(
                    f,
                    "marshal data too short: unexpected end of data at offset {offset}"
                ),
            },
            PycError::BadMagic { magic, is_magic } => {
                f.write_str("Bad magic number in .pyc file")?;
                match (is_magic, version_for_magic(*magic)) {
                    (true, Some(v)) => write!(
                        f,
                        ": it is for {v} (magic number {magic}); apython runs Python 3.12 .pyc files (magic number {MAGIC_3_12})"
                    ),
                    (true, None) => write!(
                        f,
                        ": magic number {magic} is not from any known Python version; apython runs Python 3.12 .pyc files (magic number {MAGIC_3_12})"
                    ),
                    (false, _) => write!(f, ": this is not a .pyc file"),
                }
            }
            PycError::InvalidFlags(flags) => write!(f, "invalid flags {flags:#x} in .pyc header"),
            PycError::BadMarshal { offset, detail } => {
                write!(f, "bad marshal data ({detail}) at offset {offset}")
            }
            PycError::Unsupported { offset, detail } => {
                write!(f, "unsupported marshal data ({detail}) at offset {offset}")
            }
            PycError::BadCode { offset, detail } => write!(
                f,
                "Bad code object in .pyc file: {detail} (at offset {offset})"
            ),
            PycError::NotCode { found } => {
                write!(
                    f,
                    "Bad code object in .pyc file: top-level object is {found}, not code"
                )
            }
        }
    }
}

impl std::error::Error for PycError {}
