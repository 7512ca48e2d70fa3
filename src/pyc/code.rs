//! [`RawCode`]: a code object exactly as CPython 3.12 marshals it.

use super::exctable::{self, ExceptionEntry};
use super::linetable::{self, Location};
use super::marshal::Obj;
use super::PycError;
use std::rc::Rc;

/// `co_flags` bit: the code uses fast locals (functions).
pub const CO_OPTIMIZED: u32 = 0x0001;
/// `co_flags` bit: a new locals dict is created for the frame.
pub const CO_NEWLOCALS: u32 = 0x0002;
/// `co_flags` bit: the function has a `*args` parameter.
pub const CO_VARARGS: u32 = 0x0004;
/// `co_flags` bit: the function has a `**kwargs` parameter.
pub const CO_VARKEYWORDS: u32 = 0x0008;
/// `co_flags` bit: the function is nested in another function.
pub const CO_NESTED: u32 = 0x0010;
/// `co_flags` bit: the function is a generator.
pub const CO_GENERATOR: u32 = 0x0020;
/// `co_flags` bit: the code has no free or cell variables.
pub const CO_NOFREE: u32 = 0x0040;
/// `co_flags` bit: the function is a coroutine (`async def`).
pub const CO_COROUTINE: u32 = 0x0080;
/// `co_flags` bit: a generator decorated with `types.coroutine`.
pub const CO_ITERABLE_COROUTINE: u32 = 0x0100;
/// `co_flags` bit: an asynchronous generator.
pub const CO_ASYNC_GENERATOR: u32 = 0x0200;

/// `co_localspluskinds` bit: a positional parameter.
pub const CO_FAST_ARG_POS: u8 = 0x02;
/// `co_localspluskinds` bit: a keyword parameter.
pub const CO_FAST_ARG_KW: u8 = 0x04;
/// `co_localspluskinds` bit: a `*args`/`**kwargs` parameter.
pub const CO_FAST_ARG_VAR: u8 = 0x08;
/// Any of the parameter bits.
pub const CO_FAST_ARG: u8 = CO_FAST_ARG_POS | CO_FAST_ARG_KW | CO_FAST_ARG_VAR;
/// `co_localspluskinds` bit: a variable of an inlined comprehension, hidden
/// from `locals()`.
pub const CO_FAST_HIDDEN: u8 = 0x10;
/// `co_localspluskinds` bit: a plain local variable (may be a cell too).
pub const CO_FAST_LOCAL: u8 = 0x20;
/// `co_localspluskinds` bit: a cell variable (captured by an inner function).
pub const CO_FAST_CELL: u8 = 0x40;
/// `co_localspluskinds` bit: a free variable (from an enclosing function).
pub const CO_FAST_FREE: u8 = 0x80;

/// A code object as found in a `.pyc` file: every field CPython 3.12's
/// marshal writes, in order, with types checked.
///
/// Invariants established by the reader (mirroring CPython's
/// `_PyCode_Validate`): `posonlyargcount <= argcount`; `code` has an even,
/// non-zero length (whole 2-byte code units); `localsplusnames` and
/// `localspluskinds` have the same length; the locals cover all parameters
/// (`nlocals() >= total_args()`); and the bytecode and exception table pass
/// the verifier ([`super::verify`]: operands in range, jumps and handlers on
/// instructions, the value stack within `[0, stacksize]`). `linetable` is not
/// validated: its decoder never panics on malformed bytes.
#[derive(Clone, Debug)]
pub struct RawCode {
    /// `co_argcount`: positional parameters, including positional-only ones.
    pub argcount: u32,
    /// `co_posonlyargcount`: positional-only parameters.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`: keyword-only parameters.
    pub kwonlyargcount: u32,
    /// `co_stacksize`: maximum value-stack depth.
    pub stacksize: u32,
    /// `co_flags`: `CO_*` bits.
    pub flags: u32,
    /// `co_code`: the bytecode, 2 bytes per code unit, with zeroed inline
    /// caches.
    pub code: Rc<[u8]>,
    /// `co_consts`.
    pub consts: Rc<[Obj]>,
    /// `co_names`: global/attribute names.
    pub names: Rc<[Rc<str>]>,
    /// `co_localsplusnames`: locals, then cells, then free variables (in
    /// 3.12 cells that are parameters are interleaved with locals).
    pub localsplusnames: Rc<[Rc<str>]>,
    /// `co_localspluskinds`: one `CO_FAST_*` byte per entry of
    /// `localsplusnames`.
    pub localspluskinds: Rc<[u8]>,
    /// `co_filename`.
    pub filename: Rc<str>,
    /// `co_name`.
    pub name: Rc<str>,
    /// `co_qualname`.
    pub qualname: Rc<str>,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_linetable`: the location table (see [`linetable`]).
    pub linetable: Rc<[u8]>,
    /// `co_exceptiontable`: the exception table (see [`exctable`]).
    pub exceptiontable: Rc<[u8]>,
}

impl RawCode {
    /// Number of 2-byte code units in `code`.
    pub fn code_units(&self) -> usize {
        self.code.len() / 2
    }

    /// `co_nlocalsplus`: number of fast-local slots (locals, cells, frees).
    pub fn nlocalsplus(&self) -> usize {
        self.localspluskinds.len()
    }

    /// `co_nlocals`: number of slots with the `CO_FAST_LOCAL` bit (these are
    /// `co_varnames`).
    pub fn nlocals(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|&&k| k & CO_FAST_LOCAL != 0)
            .count()
    }

    /// `co_ncellvars`: number of slots with the `CO_FAST_CELL` bit (these
    /// are `co_cellvars`; a parameter captured by an inner function is both a
    /// local and a cell).
    pub fn ncells(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|&&k| k & CO_FAST_CELL != 0)
            .count()
    }

    /// `co_nfreevars`: number of slots with the `CO_FAST_FREE` bit (these
    /// are `co_freevars`, always the last slots).
    pub fn nfrees(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|&&k| k & CO_FAST_FREE != 0)
            .count()
    }

    /// Number of parameters: `argcount + kwonlyargcount`, plus one for each
    /// of `*args` and `**kwargs`. Parameters are the first slots.
    pub fn total_args(&self) -> usize {
        self.argcount as usize
            + self.kwonlyargcount as usize
            + usize::from(self.flags & CO_VARARGS != 0)
            + usize::from(self.flags & CO_VARKEYWORDS != 0)
    }

    /// Names of slots whose kind has any bit of `mask`, in slot order
    /// (`CO_FAST_LOCAL` gives `co_varnames`, `CO_FAST_CELL` `co_cellvars`,
    /// `CO_FAST_FREE` `co_freevars`).
    pub fn names_with_kind(&self, mask: u8) -> Vec<Rc<str>> {
        self.localsplusnames
            .iter()
            .zip(self.localspluskinds.iter())
            .filter(|(_, &k)| k & mask != 0)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_positions()`: one entry per code unit (see [`linetable::locations`]).
    pub fn locations(&self) -> Vec<Option<Location>> {
        linetable::locations(self)
    }

    /// The decoded exception table (see [`exctable::parse`]).
    pub fn exception_entries(&self) -> Result<Vec<ExceptionEntry>, PycError> {
        exctable::parse(&self.exceptiontable)
    }

    /// All code objects in `consts`, recursively, in depth-first pre-order
    /// starting with `self` (the order `gen.py` lists them in).
    pub fn walk(self: &Rc<Self>) -> Vec<Rc<RawCode>> {
        let mut out = Vec::new();
        let mut stack = vec![self.clone()];
        while let Some(code) = stack.pop() {
            for c in code.consts.iter().rev() {
                if let Obj::Code(inner) = c {
                    stack.push(inner.clone());
                }
            }
            out.push(code);
        }
        out
    }
}
