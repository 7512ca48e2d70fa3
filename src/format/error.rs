//! The one error type of the module: an exception class and CPython's message.

use std::fmt;

/// The Python exception class a [`FormatError`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ValueError`.
    ValueError,
    /// `OverflowError`.
    OverflowError,
    /// `MemoryError` (a padding too wide to allocate).
    MemoryError,
}

/// A failed conversion: the exception to raise and its exact CPython message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// Which exception class to raise.
    pub kind: ErrorKind,
    /// The message, as `str(exc)` shows it in CPython 3.12.
    pub message: String,
}

impl FormatError {
    /// A `ValueError` with `message`.
    pub fn value(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::ValueError,
            message: message.into(),
        }
    }

    /// An `OverflowError` with `message`.
    pub fn overflow(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::OverflowError,
            message: message.into(),
        }
    }
}

/// The widest field a conversion pads to. CPython tries to allocate any width and raises
/// MemoryError when it cannot; past this (2 GiB of padding) we raise it without trying, as
/// an allocation that fails aborts a Rust program.
pub const MAX_WIDTH: usize = i32::MAX as usize;

/// MemoryError when `width` is past [`MAX_WIDTH`].
pub fn check_width(width: usize) -> Result<usize, FormatError> {
    if width > MAX_WIDTH {
        return Err(FormatError {
            kind: ErrorKind::MemoryError,
            message: String::new(),
        });
    }
    Ok(width)
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let class = match self.kind {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
        };
        write!(f, "{class}: {}", self.message)
    }
}

impl std::error::Error for FormatError {}
