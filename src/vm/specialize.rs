//! Tier-1 specialization (PEP 659): adaptive instructions rewrite themselves in place.
//!
//! Every code object's bytecode is a private, mutable copy. An adaptive instruction (the family's
//! base opcode, e.g. `BINARY_OP`) keeps a countdown in its first inline CACHE unit; when it
//! reaches zero the eval loop calls the family's `specialize_*` function here, which looks at the
//! live operands and rewrites the opcode byte into a specialized form (`BINARY_OP_ADD_INT`, ...)
//! and its CACHE units into that form's operands (a type version, a dict keys version, an entry
//! index, a borrowed pointer). A form whose guard fails calls [`deopt`], which writes the base
//! opcode back with a cooldown, and the instruction re-runs generically. A failed attempt backs
//! off exponentially (`counter` below) so unspecializable sites stay cheap.
//!
//! CACHE layouts (unit = 16 bits, after the instruction):
//! - `BINARY_OP_*`, `COMPARE_OP_*`, `FOR_ITER_*`, `BINARY_SUBSCR_*`, `STORE_SUBSCR_*`,
//!   `UNPACK_SEQUENCE_*`, `CALL_*`: no operands; the type checks are the guards.
//! - `LOAD_GLOBAL_MODULE`: `[0]` entry index, `[1..3]` globals keys version.
//! - `LOAD_GLOBAL_BUILTIN`: as MODULE for builtins, plus `[3]` builtins keys version (16 bits).
//! - `LOAD_ATTR_*`: `[1..3]` type version (or module keys version), `[3]` index,
//!   `[5..9]` a borrowed object pointer (valid while the version matches); in
//!   `LOAD_ATTR_INSTANCE_VALUE`, `[5..7]` and `[7]` a second class's version and index.
//! - `STORE_ATTR_INSTANCE_VALUE`: `[1..3]` type version, `[3]` index.
//!
//! Guards rely on versions being process-unique: type versions (`TypeObject::version`, changed
//! on every change to a class or its bases and when a class's shared keys grow) and dict keys
//! versions (`Dict::keys_version`) are drawn from counters, so an equal version identifies both
//! the object and its state.

use std::cell::Cell;

use crate::abi::Value;
use crate::objects::code::Code;
use crate::objects::dict::Dict;
use crate::objects::str::is_exact_str;
use crate::objects::{flags, TypeObject};
use crate::vm::opcodes::*;

/// Inline-cache access on a code object's instruction bytes. `at` is the code-unit index of the
/// instruction; cache unit `k` is code unit `at + 1 + k`.
pub struct Cache {
    instrs: *mut u8,
    at: usize,
}

impl Cache {
    /// The cache of the instruction at code unit `at` of `instrs` (`Code::code_ptr`).
    #[inline(always)]
    pub fn new(instrs: *mut u8, at: usize) -> Cache {
        Cache { instrs, at }
    }
    #[inline(always)]
    fn unit_ptr(&self, k: usize) -> *mut u8 {
        // SAFETY: the family's CACHE_ENTRIES bound every `k` used by its layout, and the units
        // lie inside the instruction stream.
        unsafe { self.instrs.add(2 * (self.at + 1 + k)) }
    }
    /// Cache unit `k`.
    #[inline(always)]
    pub fn u16(&self, k: usize) -> u16 {
        // SAFETY: see `unit_ptr`; code units are 2 bytes with no alignment guarantee.
        unsafe { (self.unit_ptr(k) as *const u16).read_unaligned() }
    }
    /// Units `k` and `k + 1` as one 32-bit operand.
    #[inline(always)]
    pub fn u32(&self, k: usize) -> u32 {
        // SAFETY: as above.
        unsafe { (self.unit_ptr(k) as *const u32).read_unaligned() }
    }
    /// Units `k..k + 4` as one 64-bit operand.
    #[inline(always)]
    pub fn u64(&self, k: usize) -> u64 {
        // SAFETY: as above.
        unsafe { (self.unit_ptr(k) as *const u64).read_unaligned() }
    }
    fn set_u16(&self, k: usize, v: u16) {
        // SAFETY: as above; single-threaded, no reference into the bytes is live.
        unsafe { (self.unit_ptr(k) as *mut u16).write_unaligned(v) }
    }
    fn set_u32(&self, k: usize, v: u32) {
        // SAFETY: as above.
        unsafe { (self.unit_ptr(k) as *mut u32).write_unaligned(v) }
    }
    fn set_u64(&self, k: usize, v: u64) {
        // SAFETY: as above.
        unsafe { (self.unit_ptr(k) as *mut u64).write_unaligned(v) }
    }
    fn set_op(&self, op: u8) {
        // SAFETY: `at` is an instruction of this stream.
        unsafe { *self.instrs.add(2 * self.at) = op }
    }
    fn op(&self) -> u8 {
        // SAFETY: as above.
        unsafe { *self.instrs.add(2 * self.at) }
    }
}

// The adaptive counter (cache unit 0 of a base instruction): the low 12 bits count down to the
// next specialization attempt, the high 4 bits hold the backoff exponent of the last failure.
const BACKOFF_START: u16 = 4;
const BACKOFF_MAX: u16 = 12;
/// Executions of the generic form after a deopt before trying again.
const COOLDOWN: u16 = 52;

/// Counts one execution of an adaptive instruction; true when it is time to specialize.
#[inline(always)]
pub fn tick(c: &Cache) -> bool {
    let n = c.u16(0);
    if n & 0xfff == 0 {
        return true;
    }
    c.set_u16(0, n - 1);
    false
}

fn backoff(c: &Cache) {
    let exp = (c.u16(0) >> 12).clamp(BACKOFF_START - 1, BACKOFF_MAX - 1) + 1;
    c.set_u16(0, (exp << 12) | ((1 << exp) - 1));
}

/// A specialized form's guard failed: write the family's base opcode back (with a cooldown
/// before the next attempt). The caller then re-runs the instruction generically.
#[cold]
pub fn deopt(c: &Cache) {
    let base = BASE_OP[c.op() as usize];
    stats::count(base, stats::Event::Deopt);
    c.set_op(base);
    if CACHE_ENTRIES[base as usize] > 0 {
        c.set_u16(0, COOLDOWN);
    }
}

fn specialized(c: &Cache, op: u8) {
    stats::count(BASE_OP[op as usize], stats::Event::Specialized);
    c.set_op(op);
    match op {
        LOAD_ATTR_INSTANCE_VALUE => fuse_load_fast(c, LOAD_FAST__LOAD_ATTR_INSTANCE_VALUE),
        STORE_ATTR_INSTANCE_VALUE => fuse_load_fast(c, LOAD_FAST__STORE_ATTR_INSTANCE_VALUE),
        LOAD_ATTR_METHOD_WITH_VALUES | LOAD_ATTR_METHOD_NO_DICT => {
            fuse_load_fast(c, LOAD_FAST__LOAD_ATTR_METHOD)
        }
        COMPARE_OP_FLOAT
        | BINARY_OP_ADD_FLOAT
        | BINARY_OP_SUBTRACT_FLOAT
        | BINARY_OP_MULTIPLY_FLOAT => {
            fuse_float_const(c);
            fuse_store_subscr(c);
        }
        BINARY_OP_ADD_INT => fuse_return(c),
        STORE_SUBSCR_LIST_INT => fuse_store_subscr_loads(c),
        _ => {}
    }
    if matches!(BASE_OP[op as usize], LOAD_ATTR | STORE_ATTR) {
        // Budget of polymorphic slow hits before re-specializing (see `poly_tick`).
        c.set_u16(0, POLY_BUDGET);
    }
}

/// Tier 1 alone: when the instruction before the attribute instruction just specialized at `c`
/// is a `LOAD_FAST` (`self.x`, `self.x = v`, `self.m()`), rewrites that into `fused`
/// (`LOAD_FAST__LOAD_ATTR_INSTANCE_VALUE`, `LOAD_FAST__STORE_ATTR_INSTANCE_VALUE` or
/// `LOAD_FAST__LOAD_ATTR_METHOD`), which runs both with one dispatch and no reference taken
/// on the owner. The instructions are walked from the start to find the one before (an inline
/// cache entry may hold any bytes); this runs once per specialization.
fn fuse_load_fast(c: &Cache, fused: u8) {
    if crate::tier2::enabled() || c.at == 0 {
        return;
    }
    let mut at = 0;
    let mut prev = 0;
    while at < c.at {
        prev = at;
        // SAFETY: `at` indexes an instruction before `c.at` in the same stream.
        let op = unsafe { *c.instrs.add(2 * at) };
        at += 1 + CACHE_ENTRIES[op as usize] as usize;
    }
    // SAFETY: `prev` indexes an instruction of the stream.
    unsafe {
        if at == c.at && prev + 1 == c.at && *c.instrs.add(2 * prev) == LOAD_FAST {
            *c.instrs.add(2 * prev) = fused;
        }
    }
}

/// The index of the instruction right before the one at `at` (none for the first, or when an
/// `EXTENDED_ARG` prefixes it), walking the instructions from the start (an inline cache entry
/// may hold any bytes).
fn instr_before(c: &Cache, at: usize) -> Option<usize> {
    let (mut i, mut prev) = (0, None);
    while i < at {
        prev = Some(i);
        // SAFETY: `i` indexes an instruction before `at` in the same stream.
        let op = unsafe { *c.instrs.add(2 * i) };
        i += 1 + CACHE_ENTRIES[op as usize] as usize;
    }
    prev.filter(|&p| i == at && p + 1 == at)
}

/// Tier 1 alone: when the float compare or `+ - *` just specialized at `c` has a `LOAD_CONST`
/// right before it (`x > 4.0`) or before the `LOAD_FAST` right before it (`2.0 * x`), rewrites
/// that into `LOAD_CONST__FLOAT_OP`, which runs the op with the constant where it is when both
/// operands are floats (and is a plain `LOAD_CONST` otherwise).
fn fuse_float_const(c: &Cache) {
    if crate::tier2::enabled() {
        return;
    }
    let Some(p) = instr_before(c, c.at) else {
        return;
    };
    // SAFETY: `p` and the instruction before it index instructions of the stream.
    unsafe {
        let at = match *c.instrs.add(2 * p) {
            LOAD_CONST => p,
            LOAD_FAST => match instr_before(c, p) {
                Some(q) if *c.instrs.add(2 * q) == LOAD_CONST => q,
                _ => return,
            },
            _ => return,
        };
        *c.instrs.add(2 * at) = LOAD_CONST__FLOAT_OP;
    }
}

/// Tier 1 alone: a float `+ - *` just specialized at `c` before `SWAP 3; SWAP 2; STORE_SUBSCR`
/// (`a[i] op= x`) becomes `BINARY_OP_FLOAT__STORE_SUBSCR`.
fn fuse_store_subscr(c: &Cache) {
    if crate::tier2::enabled() {
        return;
    }
    let next = c.at + 1 + CACHE_ENTRIES[BINARY_OP as usize] as usize;
    // SAFETY: a `SWAP` is never the last instruction, so each index read is of the stream
    // (the reads stop at the first that does not match).
    let fused = unsafe {
        let unit = |i: usize| (*c.instrs.add(2 * i), *c.instrs.add(2 * i + 1));
        unit(next) == (SWAP, 3)
            && unit(next + 1) == (SWAP, 2)
            && BASE_OP[unit(next + 2).0 as usize] == STORE_SUBSCR
    };
    if fused {
        c.set_op(BINARY_OP_FLOAT__STORE_SUBSCR);
    }
}

/// Tier 1 alone: when the `STORE_SUBSCR_LIST_INT` just specialized at `c` comes right after
/// two `LOAD_FAST`s (`x[j] = v`), the first (the container) becomes
/// `LOAD_FAST__STORE_SUBSCR_LIST_INT`.
fn fuse_store_subscr_loads(c: &Cache) {
    if crate::tier2::enabled() {
        return;
    }
    let Some(p) = instr_before(c, c.at) else {
        return;
    };
    // SAFETY: `p` and the instruction before it index instructions of the stream.
    unsafe {
        if *c.instrs.add(2 * p) != LOAD_FAST {
            return;
        }
        if let Some(q) = instr_before(c, p) {
            if *c.instrs.add(2 * q) == LOAD_FAST {
                *c.instrs.add(2 * q) = LOAD_FAST__STORE_SUBSCR_LIST_INT;
            }
        }
    }
}

/// Tier 1 alone: a `BINARY_OP_ADD_INT` just specialized at `c` right before a `RETURN_VALUE`
/// becomes `BINARY_OP_ADD_INT__RETURN_VALUE`.
fn fuse_return(c: &Cache) {
    if crate::tier2::enabled() {
        return;
    }
    let next = c.at + 1 + CACHE_ENTRIES[BINARY_OP as usize] as usize;
    // SAFETY: a binary op is never the last instruction, so `next` indexes one.
    if unsafe { *c.instrs.add(2 * next) } == RETURN_VALUE {
        c.set_op(BINARY_OP_ADD_INT__RETURN_VALUE);
    }
}

/// Polymorphic hits a `LOAD_ATTR`/`STORE_ATTR` form serves before re-specializing.
const POLY_BUDGET: u16 = 4000;

fn failed(c: &Cache) {
    stats::count(c.op(), stats::Event::Failed);
    backoff(c);
}

/// `BINARY_OP` with operands `a`, `b`.
pub fn binary_op(c: &Cache, oparg: u32, a: &Value, b: &Value) {
    use crate::objects::NbOp;
    let Some((nb, _inplace)) = NbOp::from_oparg(oparg) else {
        return failed(c);
    };
    let op = if a.is_int() && b.is_int() {
        match nb {
            NbOp::Add => BINARY_OP_ADD_INT,
            NbOp::Sub => BINARY_OP_SUBTRACT_INT,
            NbOp::Mul => BINARY_OP_MULTIPLY_INT,
            NbOp::FloorDiv => BINARY_OP_FLOOR_DIVIDE_INT,
            NbOp::Rem => BINARY_OP_REMAINDER_INT,
            NbOp::And => BINARY_OP_AND_INT,
            NbOp::Or => BINARY_OP_OR_INT,
            NbOp::Xor => BINARY_OP_XOR_INT,
            NbOp::Lshift => BINARY_OP_LSHIFT_INT,
            NbOp::Rshift => BINARY_OP_RSHIFT_INT,
            NbOp::TrueDiv => BINARY_OP_TRUE_DIVIDE_INT,
            _ => return failed(c),
        }
    } else if (a.is_float() || a.is_int()) && (b.is_float() || b.is_int()) {
        match nb {
            NbOp::Add => BINARY_OP_ADD_FLOAT,
            NbOp::Sub => BINARY_OP_SUBTRACT_FLOAT,
            NbOp::Mul => BINARY_OP_MULTIPLY_FLOAT,
            NbOp::TrueDiv => BINARY_OP_TRUE_DIVIDE_FLOAT,
            _ => return failed(c),
        }
    } else if nb == NbOp::Add && is_exact_str(a) && is_exact_str(b) {
        BINARY_OP_ADD_UNICODE
    } else {
        return failed(c);
    };
    specialized(c, op);
}

/// `COMPARE_OP` with operands `a`, `b`.
pub fn compare_op(c: &Cache, a: &Value, b: &Value) {
    let op = if a.is_int() && b.is_int() {
        COMPARE_OP_INT
    } else if (a.is_float() || a.is_int()) && (b.is_float() || b.is_int()) {
        COMPARE_OP_FLOAT
    } else if is_exact_str(a) && is_exact_str(b) {
        COMPARE_OP_STR
    } else {
        return failed(c);
    };
    specialized(c, op);
}

/// `LOAD_GLOBAL` of `name` in `globals`, then `builtins`.
pub fn load_global(c: &Cache, name: &Value, globals: &Dict, builtins: &Dict) {
    let Some(gv) = globals.keys_version() else {
        return failed(c);
    };
    if let Some(ix) = globals.str_entry_index(name) {
        if let Ok(ix) = u16::try_from(ix) {
            c.set_u16(0, ix);
            c.set_u32(1, gv);
            return specialized(c, LOAD_GLOBAL_MODULE);
        }
        return failed(c);
    }
    let (Some(ix), Some(bv)) = (builtins.str_entry_index(name), builtins.keys_version()) else {
        return failed(c);
    };
    match (u16::try_from(ix), u16::try_from(bv)) {
        (Ok(ix), Ok(bv)) => {
            c.set_u16(0, ix);
            c.set_u32(1, gv);
            c.set_u16(3, bv);
            specialized(c, LOAD_GLOBAL_BUILTIN)
        }
        _ => failed(c),
    }
}

/// Whether attribute lookups on instances of `ty` follow `object.__getattribute__` (no custom
/// `__getattribute__`/`__getattr__`), so a cache keyed on the type version is sound.
fn generic_getattr_type(ty: &TypeObject) -> bool {
    ty.getattr.is_none()
}

fn data_descriptor(attr: &Value) -> bool {
    crate::ops::object::is_data_descriptor(attr)
}

/// `LOAD_ATTR` of `name` on `owner` (`oparg & 1`: a method load for `CALL`).
pub fn load_attr(c: &Cache, oparg: u32, owner: &Value, name: &Value) {
    let method = oparg & 1 != 0;
    if let Some(m) = owner.downcast_ref::<crate::objects::module::Module>() {
        if method || !std::ptr::eq(owner.type_ptr(), &crate::objects::module::MODULE_TYPE) {
            return failed(c);
        }
        let d = m.dict();
        match (d.str_entry_index(name), d.keys_version()) {
            (Some(ix), Some(v)) if ix <= u16::MAX as usize => {
                c.set_u32(1, v);
                c.set_u16(3, ix as u16);
                return specialized(c, LOAD_ATTR_MODULE);
            }
            _ => return failed(c),
        }
    }
    if let Some(cls) = crate::ops::object::as_type(owner) {
        // Class attribute: a plain value or a function, read straight from the class's MRO.
        if method || !std::ptr::eq(owner.type_ptr(), &crate::objects::TYPE_TYPE) {
            return failed(c);
        }
        let Some(attr) = cls.lookup(name) else {
            return failed(c);
        };
        let plain = attr.ty().descr_get.is_none()
            || attr
                .downcast_ref::<crate::objects::function::Function>()
                .is_some();
        // Inline values have no pointer to cache (they could be patched in; not worth it yet).
        if !plain || !attr.is_obj() {
            return failed(c);
        }
        c.set_u32(1, cls.version.get());
        c.set_u64(5, attr.payload);
        return specialized(c, LOAD_ATTR_CLASS);
    }
    let ty = owner.ty();
    if !generic_getattr_type(ty) || ty.version.get() == 0 {
        return failed(c);
    }
    let cls_attr = ty.lookup(name);
    if let Some(a) = &cls_attr {
        if let Some(p) = a.downcast_ref::<crate::objects::descriptors::Property>() {
            let fget = &p.fget;
            if method
                || fget
                    .downcast_ref::<crate::objects::function::Function>()
                    .is_none()
            {
                return failed(c);
            }
            c.set_u32(1, ty.version.get());
            c.set_u64(5, fget.payload);
            return specialized(c, LOAD_ATTR_PROPERTY);
        }
        if let Some(ix) = slot_value_index(a, ty) {
            c.set_u32(1, ty.version.get());
            c.set_u16(3, ix as u16);
            return specialized(c, LOAD_ATTR_SLOT);
        }
        if data_descriptor(a) {
            return failed(c);
        }
    }
    if ty.flags & flags::INLINE_VALUES != 0 {
        if !crate::objects::instance::in_values_mode(owner) {
            return failed(c);
        }
        if let Some(ix) = crate::objects::instance::key_index(ty, name) {
            if !method || cls_attr.is_none() {
                c.set_u32(1, ty.version.get());
                c.set_u16(3, ix as u16);
                // No second class yet (see `poly_instance_load`).
                c.set_u32(5, 0);
                return specialized(c, LOAD_ATTR_INSTANCE_VALUE);
            }
            return failed(c);
        }
        // Not an instance attribute of any values-mode instance (the type version changes
        // when the keys grow): a method on the class.
        if method && is_plain_method(cls_attr.as_ref()) {
            c.set_u32(1, ty.version.get());
            c.set_u64(5, cls_attr.unwrap().payload);
            return specialized(c, LOAD_ATTR_METHOD_WITH_VALUES);
        }
        return failed(c);
    }
    if method && ty.dict_offset == 0 && is_plain_method(cls_attr.as_ref()) {
        c.set_u32(1, ty.version.get());
        c.set_u64(5, cls_attr.unwrap().payload);
        return specialized(c, LOAD_ATTR_METHOD_NO_DICT);
    }
    failed(c)
}

/// The guarded body of `LOAD_GLOBAL_MODULE` / `LOAD_GLOBAL_BUILTIN` (`form`) with cache `c`,
/// shared by tier 1 and the JIT's helper: the cached entry of `globals` (or `builtins`) while
/// the dicts' key layouts are the cached ones; `None` when a guard fails.
#[inline(always)]
pub fn load_global_form(form: u8, c: &Cache, globals: &Dict, builtins: &Dict) -> Option<Value> {
    if globals.current_keys_version() != c.u32(1) {
        return None;
    }
    if form == LOAD_GLOBAL_MODULE {
        return Some(globals.entry_value(c.u16(0) as usize));
    }
    if builtins.current_keys_version() != c.u16(3) as u32 {
        return None;
    }
    Some(builtins.entry_value(c.u16(0) as usize))
}

/// What compiled code needs to run `LOAD_GLOBAL_MODULE` / `_BUILTIN` (`form`) with the guard
/// inline, when the cache `c` holds for these dicts now: the globals' key-layout version, the
/// builtins' (0 for the module form), and the address of the value
/// ([`Dict::entry_value_slot`], valid while the versions hold). The same cache reading as
/// [`load_global_form`].
pub fn load_global_slot(
    form: u8,
    c: &Cache,
    globals: &Dict,
    builtins: &Dict,
) -> Option<(u32, u32, *const Value)> {
    let gver = c.u32(1);
    if gver == 0 || globals.current_keys_version() != gver {
        return None;
    }
    if form == LOAD_GLOBAL_MODULE {
        return Some((gver, 0, globals.entry_value_slot(c.u16(0) as usize)));
    }
    let bver = c.u16(3) as u32;
    if bver == 0 || builtins.current_keys_version() != bver {
        return None;
    }
    Some((gver, bver, builtins.entry_value_slot(c.u16(0) as usize)))
}

/// The guarded body of `BINARY_SUBSCR_DICT`, shared by tier 1 and the JIT's helper: `None`
/// when the container is not an exact dict, else `d[k]` (`KeyError` when missing). The
/// caller has saved its frame: hashing and comparing `k` may run Python code.
#[inline(always)]
pub fn subscr_dict_form(c: &Value, k: &Value) -> Option<crate::objects::PyResult<Value>> {
    let d = c.downcast_exact::<Dict>()?;
    Some(match d.get_item_inline(k) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(crate::objects::dict::key_error(k)),
        Err(e) => Err(e),
    })
}

/// The guarded body of `BINARY_OP_ADD_UNICODE`, shared by tier 1 and the JIT's helper: the
/// concatenation of two exact strs, or `None` when either operand is something else.
#[inline(always)]
pub fn add_unicode_form(a: &Value, b: &Value) -> Option<Value> {
    if crate::objects::str::is_exact_str(a) && crate::objects::str::is_exact_str(b) {
        Some(crate::objects::str::concat(a, b))
    } else {
        None
    }
}

/// The guarded body of `BINARY_SUBSCR_LIST_INT` / `_TUPLE_INT` / `_STR_INT` (`form`), shared
/// by tier 1 and the JIT's helper: `None` when the operands do not fit the form, `Some(None)`
/// when the index is out of range (the generic path raises), else the item.
#[inline(always)]
pub fn subscr_int_form(form: u8, c: &Value, k: &Value) -> Option<Option<Value>> {
    if !k.is_int() {
        return None;
    }
    let i = k.as_int_unchecked();
    match form {
        BINARY_SUBSCR_LIST_INT => c
            .downcast_exact::<crate::objects::list::List>()
            .map(|l| l.get_signed(i)),
        BINARY_SUBSCR_TUPLE_INT => c
            .downcast_exact::<crate::objects::tuple::Tuple>()
            .map(|t| t.get_signed(i)),
        _ if crate::objects::str::is_exact_str(c) => Some(crate::objects::str::index_char(c, i)),
        _ => None,
    }
}

// The guarded bodies of the `LOAD_ATTR_*` / `STORE_ATTR_*` forms, shared by tier 1's arms and
// the JIT's helpers (`apy_load_attr`, `apy_store_attr`): each returns `None` (or gives the
// value back) when a guard fails, and the caller deoptimizes. The three hottest ones are
// macros that take the caller's failure action (`deopt!()` in tier 1, `return DEOPT` in a
// helper): written as `#[inline(always)]` functions returning an `Option`, they changed the
// eval loop's code enough to cost ~0.6% of instructions on richards_like. The attribute's
// name (`code.names[name_ix]`) is looked up only on the polymorphic paths, out of line.

/// `LOAD_ATTR_INSTANCE_VALUE` with cache `$c` on `$owner`: the attribute (a `Value`) from the
/// instance's values, for the cached class or (see [`poly_instance_load`]) another plain class
/// at the site; `$fail` (which must diverge) otherwise.
macro_rules! load_attr_instance_form {
    ($c:expr, $owner:expr, $code:expr, $name_ix:expr, $fail:expr) => {{
        let (c, owner): (&$crate::vm::specialize::Cache, &$crate::abi::Value) = ($c, $owner);
        let v = if owner.is_obj()
            && owner.ty().version.get() == c.u32(1)
            && $crate::objects::instance::in_values_mode(owner)
        {
            let ix = c.u16(3) as usize;
            // (An `if`, not `bool::then` with a closure: LLVM left that closure out of line in
            // the eval loop, a call per attribute load with the Option returned in memory.)
            if ix < $crate::objects::instance::instance(owner).len.get() as usize {
                $crate::objects::instance::slot_get(owner, ix)
            } else {
                None
            }
        } else {
            // Another class at this site: its own index, without giving up the form.
            $crate::vm::specialize::poly_instance_load(c, owner, $code, $name_ix)
        };
        match v {
            Some(v) => v,
            None => $fail,
        }
    }};
}
pub(crate) use load_attr_instance_form;

/// `LOAD_ATTR_METHOD_WITH_VALUES` / `_NO_DICT` (`$form`) with cache `$c` on `$owner`: the
/// unbound method (a `Value`) to push under the owner, borrowed from the class's dict while
/// the version matches; `$fail` (which must diverge) otherwise.
macro_rules! load_attr_method_form {
    ($form:expr, $c:expr, $owner:expr, $code:expr, $name_ix:expr, $fail:expr) => {{
        let (c, owner): (&$crate::vm::specialize::Cache, &$crate::abi::Value) = ($c, $owner);
        if owner.ty().version.get() == c.u32(1)
            && ($form == $crate::vm::opcodes::LOAD_ATTR_METHOD_NO_DICT
                || $crate::objects::instance::in_values_mode(owner))
        {
            // The class's dict holds the method while the version matches.
            $crate::abi::Value::from_borrowed_ptr(c.u64(5) as *const $crate::abi::ObjHeader)
        } else {
            match $crate::vm::specialize::poly_method_load(c, owner, $code, $name_ix) {
                Some(m) => m,
                None => $fail,
            }
        }
    }};
}
pub(crate) use load_attr_method_form;

/// The guard of `STORE_ATTR_INSTANCE_VALUE` with cache `$c` on `$owner`: the values index
/// (a `usize`) to store at, for the cached class or (see [`poly_instance_index`]) another plain
/// class at the site; `$fail` (which must diverge) otherwise. The store itself is
/// `instance::try_store_slot`.
macro_rules! store_attr_instance_form {
    ($c:expr, $owner:expr, $code:expr, $name_ix:expr, $fail:expr) => {{
        let (c, owner): (&$crate::vm::specialize::Cache, &$crate::abi::Value) = ($c, $owner);
        if owner.is_obj()
            && owner.ty().version.get() == c.u32(1)
            && $crate::objects::instance::in_values_mode(owner)
        {
            c.u16(3) as usize
        } else {
            // Another class at this site: its own index, without giving up the form.
            match $crate::vm::specialize::poly_instance_index(c, owner, $code, $name_ix) {
                Some(ix) => ix,
                None => $fail,
            }
        }
    }};
}
pub(crate) use store_attr_instance_form;

/// `LOAD_ATTR_SLOT`: a filled `__slots__` member (an empty one is left to the generic path,
/// which raises the `AttributeError`).
#[inline(always)]
pub fn load_attr_slot_form(c: &Cache, owner: &Value) -> Option<Value> {
    if !owner.is_obj() || owner.ty().version.get() != c.u32(1) {
        return None;
    }
    // SAFETY: the version names a SLOT_VALUES class whose slot count covers the cached index
    // (see slot_value_index).
    let v = unsafe { crate::objects::instance::slot_cell(owner, c.u16(3) as usize) }.clone();
    (!v.is_null()).then_some(v)
}

/// `STORE_ATTR_SLOT`: stores `v` in the owner's `__slots__` member and returns the old value
/// (NULL when the slot was empty) for the caller to drop; gives `v` back when a guard fails.
#[inline(always)]
pub fn store_attr_slot_form(c: &Cache, owner: &Value, v: Value) -> Result<Value, Value> {
    if !owner.is_obj() || owner.ty().version.get() != c.u32(1) {
        return Err(v);
    }
    // SAFETY: as in load_attr_slot_form.
    let cell = unsafe { crate::objects::instance::slot_cell(owner, c.u16(3) as usize) };
    Ok(std::mem::replace(cell, v))
}

/// `LOAD_ATTR_MODULE`: the module attribute at the cached entry while the module dict's keys
/// are the cached ones.
#[inline(always)]
pub fn load_attr_module_form(c: &Cache, owner: &Value) -> Option<Value> {
    let m = owner.downcast_ref::<crate::objects::module::Module>()?;
    let d = m.dict();
    if d.current_keys_version() != c.u32(1) {
        return None;
    }
    Some(d.entry_value(c.u16(3) as usize))
}

/// `LOAD_ATTR_CLASS`: the attribute of the cached class (borrowed from its dict while the
/// version matches).
#[inline(always)]
pub fn load_attr_class_form(c: &Cache, owner: &Value) -> Option<Value> {
    match crate::ops::object::as_type(owner) {
        Some(t) if t.version.get() == c.u32(1) => Some(Value::from_borrowed_ptr(
            c.u64(5) as *const crate::abi::ObjHeader
        )),
        _ => None,
    }
}

/// The guard of `CONTAINS_OP_DICT` / `_SET` (`form`) on the container `b`.
#[inline(always)]
pub fn contains_form(form: u8, b: &Value) -> bool {
    if form == CONTAINS_OP_DICT {
        b.downcast_exact::<Dict>().is_some()
    } else {
        std::ptr::eq(b.type_ptr(), &crate::objects::set::SET_TYPE)
            || std::ptr::eq(b.type_ptr(), &crate::objects::set::FROZENSET_TYPE)
    }
}

/// The fast body of `CONTAINS_OP_DICT` / `_SET` (`form`) for `a in b`, shared by tier 1 and
/// the JIT's helper: `Some(found)` when `b` is an exact dict and `a` an exact str, or `b` an
/// exact set or frozenset and `a` an inline int or short str, found without calling Python
/// code; `None` for anything else (the generic path, which also does the guard's work).
#[inline(always)]
pub fn contains_inline_form(form: u8, a: &Value, b: &Value) -> Option<bool> {
    if form == CONTAINS_OP_SET {
        if !(a.is_int() || a.is_small_str()) {
            return None;
        }
        if !(std::ptr::eq(b.type_ptr(), &crate::objects::set::SET_TYPE)
            || std::ptr::eq(b.type_ptr(), &crate::objects::set::FROZENSET_TYPE))
        {
            return None;
        }
        // SAFETY: exact sets and frozensets carry a `Set` payload.
        let s = unsafe { b.payload_unchecked::<crate::objects::set::Set>() };
        s.contains_inline(a)
    } else {
        b.downcast_exact::<Dict>()?.contains_str(a)
    }
}

/// The items an `UNPACK_SEQUENCE_*` form unpacks from `s`, which its guard ([`unpack_form`])
/// found to be an exact tuple or list: borrowed, for reads that run no Python code.
#[inline(always)]
pub fn unpack_items(s: &Value) -> &[Value] {
    match s.downcast_exact::<crate::objects::list::List>() {
        Some(l) => l.items().as_slice(),
        None => crate::objects::tuple::tuple_items(s),
    }
}

/// The guard of `UNPACK_SEQUENCE_TWO_TUPLE` / `_TUPLE` / `_LIST` (`form`): whether `s` is an
/// exact tuple (list) of `n` items.
#[inline(always)]
pub fn unpack_form(form: u8, s: &Value, n: usize) -> bool {
    if form == UNPACK_SEQUENCE_LIST {
        s.downcast_exact::<crate::objects::list::List>()
            .is_some_and(|l| l.len() == n)
    } else {
        s.downcast_exact::<crate::objects::tuple::Tuple>()
            .is_some_and(|t| t.items().len() == n)
    }
}

/// The guard of `CALL_BUILTIN_LEN` / `_ISINSTANCE` / `CALL_BUILTIN` (`form`) with stack
/// `[meth, callable, args...]`: the built-in function to call with the arguments.
#[inline(always)]
pub fn call_builtin_form<'a>(
    form: u8,
    meth: &Value,
    callable: &'a Value,
    kwnames_pending: bool,
) -> Option<&'a crate::objects::builtin_function::BuiltinFunction> {
    let b = callable.downcast_exact::<crate::objects::builtin_function::BuiltinFunction>()?;
    if !meth.is_null() || kwnames_pending {
        return None;
    }
    let want: Option<crate::objects::MethodFn> = match form {
        CALL_BUILTIN_LEN => Some(crate::builtins::core::b_len),
        CALL_BUILTIN_ISINSTANCE => Some(crate::builtins::core::b_isinstance),
        _ => None,
    };
    if want.is_some_and(|w| w as usize != b.func as usize) {
        return None;
    }
    Some(b)
}

/// The guard of `CALL_METHOD_DESCRIPTOR` with stack `[descr, self, args...]`: the built-in
/// method to call on `self_`.
#[inline(always)]
pub fn call_method_descr_form<'a>(
    descr: &'a Value,
    self_: &Value,
    kwnames_pending: bool,
) -> Option<&'a crate::objects::builtin_function::MethodDescr> {
    let d = descr.downcast_exact::<crate::objects::builtin_function::MethodDescr>()?;
    if self_.is_null()
        || d.def.kind != crate::objects::MethodKind::Instance
        || !self_.ty().is_subtype(d.ty)
        || kwnames_pending
    {
        return None;
    }
    Some(d)
}

/// The guard of `CALL_BUILTIN_CLASS` with stack `[meth, callable, args...]`: the built-in
/// class whose `new` slot to call.
#[inline(always)]
pub fn call_builtin_class_form(
    meth: &Value,
    callable: &Value,
    kwnames_pending: bool,
) -> Option<&'static TypeObject> {
    if !meth.is_null() || !callable.is_obj() || !is_builtin_class(callable) || kwnames_pending {
        return None;
    }
    crate::ops::object::as_type(callable)
}

/// The guard of `CALL_BUILTIN_TYPE_1` with stack `[meth, callable, arg]`: `type(arg)`.
#[inline(always)]
pub fn call_type_1_form(meth: &Value, callable: &Value, kwnames_pending: bool) -> bool {
    meth.is_null()
        && callable.is_obj()
        && std::ptr::eq(callable.obj_ptr() as *const _, &crate::objects::TYPE_TYPE)
        && !kwnames_pending
}

/// The guard of `CALL_LIST_APPEND` with stack `[descr, list, arg]`: the list to append to.
#[inline(always)]
pub fn call_list_append_form<'a>(
    descr: &Value,
    list: &'a Value,
) -> Option<&'a crate::objects::list::List> {
    let is_append = descr
        .downcast_exact::<crate::objects::builtin_function::MethodDescr>()
        .is_some_and(|d| d.def.func as usize == crate::objects::list::LIST_APPEND as usize);
    list.downcast_exact::<crate::objects::list::List>()
        .filter(|_| is_append)
}

/// A Python function or a built-in instance method: what a method load can push unbound.
fn is_plain_method(a: Option<&Value>) -> bool {
    a.is_some_and(|a| {
        a.downcast_ref::<crate::objects::function::Function>()
            .is_some()
            || a.downcast_ref::<crate::objects::builtin_function::MethodDescr>()
                .is_some_and(|d| d.def.kind == crate::objects::MethodKind::Instance)
    })
}

// Polymorphic sites. A `LOAD_ATTR`/`STORE_ATTR` form keyed on one class that meets an
// instance of another plain class (a method of a base class run on instances of several
// subclasses, each with its own keys) handles it here, through the type attribute cache and
// the other class's keys, instead of deoptimizing on every alternation. Unit 0 counts these
// slow hits down; at zero the site re-specializes for whatever it sees next.

/// Counts one polymorphic hit; false when the site should deoptimize instead.
fn poly_tick(c: &Cache) -> bool {
    let n = c.u16(0);
    if n == 0 {
        return false;
    }
    c.set_u16(0, n - 1);
    true
}

/// What the polymorphic paths need to know of attribute `name` on the instances of a class:
/// a function of the class's version (its MRO's dicts, its flags and its shared keys), so
/// computed once per (version, name) and kept in [`poly_cache`].
///
/// Both fields are empty unless the class is *plain* for `name`: it keeps instance
/// attributes in values and has the generic attribute protocol (`INLINE_VALUES`, no
/// `__getattr__`/`__getattribute__`/`__setattr__`), and `name` is no data descriptor on it.
/// (Two scalars, which LLVM keeps in registers: with a third field, a `bool`, it copied the
/// value through the stack and read the flag back from the upper half of a 16-byte store,
/// which stalls.)
#[derive(Clone, Copy)]
struct PolyInfo {
    /// The values index of `name` in the class's shared keys, or [`NO_INDEX`].
    index: u32,
    /// When `name` is not in the keys: the class attribute `name` if it is a plain method (a
    /// borrowed pointer, valid while the version matches), else 0.
    method: u64,
}

/// [`PolyInfo::index`] of a name that is not in the class's keys.
const NO_INDEX: u32 = u32::MAX;

impl PolyInfo {
    /// Nothing to serve: what a class that is not plain for the name gets.
    const EMPTY: PolyInfo = PolyInfo {
        index: NO_INDEX,
        method: 0,
    };

    /// Whether there is nothing a polymorphic path can serve: no values index, no method.
    fn is_empty(&self) -> bool {
        self.index == NO_INDEX && self.method == 0
    }

    /// Computes the answers for `name` on instances of `ty` (no Python code runs).
    fn compute(ty: &TypeObject, name: &Value) -> PolyInfo {
        let mut info = PolyInfo::EMPTY;
        if ty.flags & flags::INLINE_VALUES == 0 || ty.getattr.is_some() || ty.setattr.is_some() {
            return info;
        }
        let attr = ty.lookup(name);
        if attr.as_ref().is_some_and(data_descriptor) {
            return info;
        }
        match crate::objects::instance::key_index(ty, name) {
            Some(ix) => info.index = ix as u32,
            None if is_plain_method(attr.as_ref()) => info.method = attr.unwrap().payload,
            None => {}
        }
        info
    }
}

/// A direct-mapped cache of [`PolyInfo`] by (type version, name), like the type attribute
/// cache (`objects::lookup_cache`): sound because versions are never reused and change with
/// every change the answers depend on; names are held strongly so a freed name's address
/// cannot alias a new one. Small, so the few classes and names a polymorphic site meets stay
/// in the L1 cache.
mod poly_cache {
    use super::PolyInfo;
    use crate::abi::Value;
    use crate::objects::TypeObject;
    use std::cell::Cell;

    const SIZE: usize = 256;

    struct Entry {
        version: u32,
        name: Value,
        info: PolyInfo,
    }

    thread_local! {
        /// The thread's table, allocated on first use and never freed (no TLS destructor).
        static TABLE: Cell<*mut Entry> = const { Cell::new(std::ptr::null_mut()) };
    }

    #[cold]
    #[inline(never)]
    fn first_table() -> *mut Entry {
        let v: Vec<Entry> = (0..SIZE)
            .map(|_| Entry {
                version: 0,
                name: Value::NULL,
                info: PolyInfo::EMPTY,
            })
            .collect();
        let p = Box::leak(v.into_boxed_slice()).as_mut_ptr();
        TABLE.with(|t| t.set(p));
        p
    }

    /// The answers for `name` on instances of `ty`.
    #[inline(always)]
    pub(super) fn get(ty: &TypeObject, name: &Value) -> PolyInfo {
        let version = ty.version.get();
        if version == 0 {
            return PolyInfo::compute(ty, name);
        }
        let h = (version as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ name.payload.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            ^ name.tag;
        let i = (h >> 56) as usize & (SIZE - 1);
        let mut p = TABLE.with(|t| t.get());
        if p.is_null() {
            p = first_table();
        }
        // SAFETY: single-threaded; i < SIZE; no other borrow of the table is alive (computing
        // an entry runs no Python code and does not come back here).
        let e = unsafe { &mut *p.add(i) };
        if e.version == version && e.name.is(name) {
            return e.info;
        }
        fill(e, ty, name, version)
    }

    #[inline(never)]
    fn fill(e: &mut Entry, ty: &TypeObject, name: &Value, version: u32) -> PolyInfo {
        let info = PolyInfo::compute(ty, name);
        e.version = version;
        e.name = name.clone();
        e.info = info;
        info
    }
}

/// The [`PolyInfo`] of `name` on `owner`'s class when `owner` is a values-mode instance of a
/// class that is plain for `name` (see [`PolyInfo`]) and the info is not empty.
#[inline(always)]
fn plain_instance(owner: &Value, name: &Value) -> Option<PolyInfo> {
    if !owner.is_obj() || owner.ty().flags & flags::INLINE_VALUES == 0 {
        return None;
    }
    let info = poly_cache::get(owner.ty(), name);
    (!info.is_empty() && crate::objects::instance::in_values_mode(owner)).then_some(info)
}

/// What a polymorphic cache of compiled code ([`crate::abi::PolyCache`]) records for the class
/// of `owner` at a site that loads (`method` false: the values index) or calls (`method`
/// true: the plain method) attribute `name_ix` of `code`: `None` when the class is not a
/// plain class with inline values, the attribute not of that kind, or the class unversioned.
pub fn poly_entry(
    owner: &Value,
    code: &Code,
    name_ix: usize,
    method: bool,
) -> Option<crate::abi::PolyEntry> {
    let info = plain_instance(owner, code.names.get(name_ix)?)?;
    let version = owner.ty().version.get();
    let entry = |index, method| crate::abi::PolyEntry {
        version,
        index,
        method,
    };
    match method {
        _ if version == 0 => None,
        false => (info.index != NO_INDEX).then(|| entry(info.index, 0)),
        true => (info.method != 0).then(|| entry(0, info.method)),
    }
}

/// `LOAD_ATTR_INSTANCE_VALUE` on an instance of another class: the value, or `None` to deopt.
///
/// The form's units 5..8 (unused by its monomorphic case) hold a second class: `[5..7]` its
/// version (0: none) and `[7]` the index there, so a site alternating between two classes
/// (a base-class method run on two subclasses) serves both from its own cache.
#[inline(never)]
pub fn poly_instance_load(c: &Cache, owner: &Value, code: &Code, name_ix: usize) -> Option<Value> {
    let name = &code.names[name_ix];
    use crate::objects::instance::{in_values_mode, instance, slot_get};
    if owner.is_obj() {
        let second = c.u32(5);
        if second != 0 && owner.ty().version.get() == second && in_values_mode(owner) {
            let ix = c.u16(7) as usize;
            if ix >= instance(owner).len.get() as usize {
                return None;
            }
            return slot_get(owner, ix);
        }
    }
    let info = plain_instance(owner, name)?;
    if !poly_tick(c) || info.index == NO_INDEX {
        return None;
    }
    let ix = info.index as usize;
    let version = owner.ty().version.get();
    if version != 0 && ix <= u16::MAX as usize {
        c.set_u32(5, version);
        c.set_u16(7, ix as u16);
    }
    if ix >= instance(owner).len.get() as usize {
        return None;
    }
    slot_get(owner, ix)
}

/// `STORE_ATTR_INSTANCE_VALUE` on an instance of another class: the slot index, or `None`.
#[inline(never)]
pub fn poly_instance_index(c: &Cache, owner: &Value, code: &Code, name_ix: usize) -> Option<usize> {
    let name = &code.names[name_ix];
    let info = plain_instance(owner, name)?;
    if !poly_tick(c) || info.index == NO_INDEX {
        return None;
    }
    Some(info.index as usize)
}

/// `LOAD_ATTR_METHOD_*` on an instance of another class: the unbound method, or `None`.
#[inline(never)]
pub fn poly_method_load(c: &Cache, owner: &Value, code: &Code, name_ix: usize) -> Option<Value> {
    let name = &code.names[name_ix];
    let info = plain_instance(owner, name)?;
    if info.method == 0 || !poly_tick(c) {
        return None;
    }
    // The class's dict holds the method while the version matches.
    Some(Value::from_borrowed_ptr(
        info.method as *const crate::abi::ObjHeader,
    ))
}

/// The values index of `attr` when it is a `__slots__` member stored in the values of `ty`'s
/// instances (a `SLOT_VALUES` class with the generic attribute protocol).
fn slot_value_index(attr: &Value, ty: &TypeObject) -> Option<usize> {
    if ty.flags & flags::SLOT_VALUES == 0 || ty.getattr.is_some() || ty.setattr.is_some() {
        return None;
    }
    attr.downcast_ref::<crate::objects::descriptors::SlotMember>()?
        .value_index(ty)
        .filter(|&ix| ix <= u16::MAX as usize)
}

/// `STORE_ATTR` of `name` on `owner`.
pub fn store_attr(c: &Cache, owner: &Value, name: &Value) {
    let ty = owner.ty();
    if ty.version.get() != 0 {
        if let Some(ix) = ty.lookup(name).and_then(|a| slot_value_index(&a, ty)) {
            c.set_u32(1, ty.version.get());
            c.set_u16(3, ix as u16);
            return specialized(c, STORE_ATTR_SLOT);
        }
    }
    if ty.flags & flags::INLINE_VALUES == 0 || ty.setattr.is_some() || ty.version.get() == 0 {
        return failed(c);
    }
    if ty.lookup(name).is_some_and(|a| data_descriptor(&a)) {
        return failed(c);
    }
    match crate::objects::instance::key_index(ty, name) {
        Some(ix) => {
            c.set_u32(1, ty.version.get());
            c.set_u16(3, ix as u16);
            specialized(c, STORE_ATTR_INSTANCE_VALUE)
        }
        None => failed(c),
    }
}

/// `CALL` with stack `[slot0, slot1, args...]` (`nargs` arguments): `slot0` is NULL and
/// `slot1` the callable, or `slot0` the callable (a method) and `slot1` its self.
pub fn call(c: &Cache, slot0: &Value, slot1: &Value, nargs: usize, kw: bool) {
    use crate::objects::builtin_function::{BuiltinFunction, MethodDescr};
    use crate::objects::function::{Function, Method};
    if kw {
        return failed(c);
    }
    let (callable, self_or_null) = if slot0.is_null() {
        (slot1, slot0)
    } else {
        (slot0, slot1)
    };
    let total = nargs + !self_or_null.is_null() as usize;
    if let Some(f) = callable.downcast_ref::<Function>() {
        if crate::vm::call::is_exact_args(f.code(), total) {
            return specialized(c, CALL_PY_EXACT_ARGS);
        }
        return failed(c);
    }
    if let Some(m) = callable.downcast_ref::<Method>() {
        if let Some(f) = m.func.downcast_ref::<Function>() {
            if self_or_null.is_null() && crate::vm::call::is_exact_args(f.code(), nargs + 1) {
                return specialized(c, CALL_BOUND_METHOD_EXACT_ARGS);
            }
        }
        return failed(c);
    }
    if let Some(b) = callable.downcast_ref::<BuiltinFunction>() {
        if self_or_null.is_null() {
            let op = if b.func as usize
                == (crate::builtins::core::b_len as crate::objects::MethodFn) as usize
                && nargs == 1
            {
                CALL_BUILTIN_LEN
            } else if b.func as usize
                == (crate::builtins::core::b_isinstance as crate::objects::MethodFn) as usize
                && nargs == 2
            {
                CALL_BUILTIN_ISINSTANCE
            } else {
                CALL_BUILTIN
            };
            return specialized(c, op);
        }
        return failed(c);
    }
    if let Some(d) = callable.downcast_ref::<MethodDescr>() {
        if d.def.func as usize == crate::objects::list::LIST_APPEND as usize
            && nargs == 1
            && !self_or_null.is_null()
        {
            return specialized(c, CALL_LIST_APPEND);
        }
        if d.def.kind == crate::objects::MethodKind::Instance && !self_or_null.is_null() {
            return specialized(c, CALL_METHOD_DESCRIPTOR);
        }
        return failed(c);
    }
    if let Some(t) = crate::ops::object::as_type(callable) {
        if !self_or_null.is_null() {
            return failed(c);
        }
        if std::ptr::eq(t, &crate::objects::TYPE_TYPE) && nargs == 1 {
            return specialized(c, CALL_BUILTIN_TYPE_1);
        }
        if is_builtin_class(callable) {
            return specialized(c, CALL_BUILTIN_CLASS);
        }
        if let Some((t, init)) = crate::objects::class_::plain_init(callable) {
            let f = init.downcast_ref::<Function>().unwrap();
            if crate::vm::call::is_exact_args(f.code(), nargs + 1) {
                c.set_u32(1, t.version.get());
                return specialized(c, CALL_ALLOC_AND_ENTER_INIT);
            }
        }
    }
    failed(c)
}

/// A built-in type (not a class) whose metatype is `type` and that has a constructor: calling
/// it is just its `new` slot (`range(4)`, `list(x)`, `int(s)`).
#[inline(always)]
pub fn is_builtin_class(callable: &Value) -> bool {
    std::ptr::eq(callable.type_ptr(), &crate::objects::TYPE_TYPE)
        && crate::ops::object::as_type(callable).is_some_and(|t| {
            t.flags & flags::HEAPTYPE == 0
                && t.new.is_some()
                && !std::ptr::eq(t, &crate::objects::TYPE_TYPE)
        })
}

/// `FOR_ITER` over iterator `it`.
pub fn for_iter(c: &Cache, it: &Value) {
    let t = it.type_ptr();
    let op = if std::ptr::eq(t, &crate::objects::range::RANGE_ITER_TYPE) {
        FOR_ITER_RANGE
    } else if std::ptr::eq(t, &crate::objects::iterators::LIST_ITER_TYPE) {
        FOR_ITER_LIST
    } else if std::ptr::eq(t, &crate::objects::iterators::TUPLE_ITER_TYPE) {
        FOR_ITER_TUPLE
    } else if std::ptr::eq(t, &crate::objects::generator::GENERATOR_TYPE) {
        FOR_ITER_GEN
    } else {
        return failed(c);
    };
    specialized(c, op);
}

/// `BINARY_SUBSCR` of `container[key]`.
pub fn binary_subscr(c: &Cache, container: &Value, key: &Value) {
    let t = container.type_ptr();
    let op = if key.is_int() && std::ptr::eq(t, &crate::objects::list::LIST_TYPE) {
        BINARY_SUBSCR_LIST_INT
    } else if key.is_int() && std::ptr::eq(t, &crate::objects::tuple::TUPLE_TYPE) {
        BINARY_SUBSCR_TUPLE_INT
    } else if key.is_int() && is_exact_str(container) {
        BINARY_SUBSCR_STR_INT
    } else if std::ptr::eq(t, &crate::objects::dict::DICT_TYPE) {
        BINARY_SUBSCR_DICT
    } else {
        return failed(c);
    };
    specialized(c, op);
}

/// `STORE_SUBSCR` of `container[key] = v`.
pub fn store_subscr(c: &Cache, container: &Value, key: &Value) {
    let t = container.type_ptr();
    let op = if key.is_int() && std::ptr::eq(t, &crate::objects::list::LIST_TYPE) {
        STORE_SUBSCR_LIST_INT
    } else if std::ptr::eq(t, &crate::objects::dict::DICT_TYPE) {
        STORE_SUBSCR_DICT
    } else {
        return failed(c);
    };
    specialized(c, op);
}

/// `UNPACK_SEQUENCE` of `seq` into `n` values.
pub fn unpack_sequence(c: &Cache, seq: &Value, n: u32) {
    let t = seq.type_ptr();
    let op = if std::ptr::eq(t, &crate::objects::tuple::TUPLE_TYPE) {
        if n == 2 {
            UNPACK_SEQUENCE_TWO_TUPLE
        } else {
            UNPACK_SEQUENCE_TUPLE
        }
    } else if std::ptr::eq(t, &crate::objects::list::LIST_TYPE) {
        UNPACK_SEQUENCE_LIST
    } else {
        return failed(c);
    };
    specialized(c, op);
}

/// `CONTAINS_OP` with container `b` (no counter: decided at the first execution; a site that
/// sees another type later becomes `CONTAINS_OP_GENERIC` for good).
pub fn contains_op(c: &Cache, b: &Value) {
    let t = b.type_ptr();
    let op = if std::ptr::eq(t, &crate::objects::dict::DICT_TYPE) {
        CONTAINS_OP_DICT
    } else if std::ptr::eq(t, &crate::objects::set::SET_TYPE)
        || std::ptr::eq(t, &crate::objects::set::FROZENSET_TYPE)
    {
        CONTAINS_OP_SET
    } else {
        CONTAINS_OP_GENERIC
    };
    specialized(c, op);
}

/// `--specialization-stats`: per-family counts, printed to stderr at exit.
pub mod stats {
    use super::*;

    /// What happened at a specializable instruction.
    #[derive(Clone, Copy)]
    pub enum Event {
        /// An adaptive instruction was rewritten into a specialized form.
        Specialized,
        /// A specialization attempt found no form for the operands (backing off).
        Failed,
        /// A specialized form's guard failed and it was rewritten back.
        Deopt,
    }

    thread_local! {
        static ENABLED: Cell<bool> = const { Cell::new(false) };
        static EVENTS: std::cell::RefCell<Vec<[u64; 3]>> = std::cell::RefCell::new(vec![[0; 3]; 256]);
        static EXECS: std::cell::RefCell<Vec<u64>> = std::cell::RefCell::new(vec![0; 256]);
    }

    /// Turns counting on (`--specialization-stats` or `APYTHON_SPECIALIZATION_STATS=1`).
    pub fn enable() {
        ENABLED.with(|e| e.set(true));
    }

    /// Whether counting is on: the eval loop then counts every executed instruction.
    #[inline]
    pub fn enabled() -> bool {
        ENABLED.with(|e| e.get())
    }

    /// Counts `event` for the family of base opcode `family`.
    pub fn count(family: u8, event: Event) {
        if enabled() {
            EVENTS.with(|e| e.borrow_mut()[family as usize][event as usize] += 1);
        }
    }

    /// Counts the execution of opcode `op` (only called while enabled).
    pub fn exec(op: u8) {
        EXECS.with(|e| e.borrow_mut()[op as usize] += 1);
    }

    /// Prints the table: per family, executions of specialized forms (hits) and of the
    /// adaptive base form (misses), rewrites, failed attempts and deopts, then per form.
    pub fn print() {
        if !enabled() {
            return;
        }
        let execs = EXECS.with(|e| e.borrow().clone());
        let events = EVENTS.with(|e| e.borrow().clone());
        let mut out = String::from("apython specialization stats\n");
        out.push_str(&format!(
            "{:<16} {:>14} {:>14} {:>7} {:>12} {:>9} {:>9}\n",
            "family", "hits", "misses", "hit%", "specialized", "failed", "deopts"
        ));
        let mut families: Vec<u8> = (0..=255u8)
            .filter(|&op| BASE_OP[op as usize] != op)
            .map(|op| BASE_OP[op as usize])
            .collect();
        families.dedup();
        for fam in families {
            let hits: u64 = (0..=255u8)
                .filter(|&op| op != fam && BASE_OP[op as usize] == fam)
                .map(|op| execs[op as usize])
                .sum();
            let misses = execs[fam as usize];
            let ev = events[fam as usize];
            if hits + misses == 0 {
                continue;
            }
            out.push_str(&format!(
                "{:<16} {:>14} {:>14} {:>6.1}% {:>12} {:>9} {:>9}\n",
                NAMES[fam as usize],
                hits,
                misses,
                100.0 * hits as f64 / (hits + misses) as f64,
                ev[0],
                ev[1],
                ev[2]
            ));
            for op in 0..=255u8 {
                if op != fam && BASE_OP[op as usize] == fam && execs[op as usize] > 0 {
                    out.push_str(&format!(
                        "  {:<30} {:>14}\n",
                        NAMES[op as usize], execs[op as usize]
                    ));
                }
            }
        }
        eprint!("{}", out);
    }
}
