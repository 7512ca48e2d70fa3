//! The one layout every tier shares: the 16-byte fat [`Value`] and the heap object header.
//!
//! A `Value` is `{ payload: u64, tag: u64 }`, `#[repr(C)]`, passed and stored by value. The low
//! byte of `tag` says what the payload is:
//!
//! | kind       | tag                        | payload                     |
//! |------------|----------------------------|-----------------------------|
//! | NULL       | 0                          | 0 (empty slot / "raised")   |
//! | int        | 1                          | the `i64`                   |
//! | float      | 2                          | the `f64` bits              |
//! | bool       | 3                          | 0 or 1                      |
//! | None       | 4                          | 0                           |
//! | heap object| 5                          | `*mut ObjHeader`            |
//! | small str  | `0x10 \| len` + bytes 8..15 in tag bytes 1..7 | bytes 0..8 |
//!
//! This file is also compiled into the JIT's `no_std` stencils (`stencils/`, built by
//! `build.rs` with `--cfg apy_stencils`), so it uses only `core`; the few things that need the
//! object model are `#[cfg(not(apy_stencils))]`, and under `apy_stencils` an object's
//! deallocation goes through the runtime helper `apy_dealloc`.
//!
//! Invariants that the rest of the VM relies on:
//! - representations are canonical: an int that fits `i64` is always inline, a `str` of at most
//!   15 UTF-8 bytes is always inline; so equal inline values have equal bits, and an inline value
//!   never equals a heap one of the same type;
//! - only `OBJ` values own a reference: `Clone` increments and `Drop` decrements the object's
//!   count; every other kind is plain data.

use core::cell::Cell;
use core::mem::ManuallyDrop;

#[cfg(not(apy_stencils))]
use crate::objects::{code::Code, dict::Dict, generator::Generator, TypeObject};
#[cfg(apy_stencils)]
pub use opaque::{Code, Dict, Generator, TypeObject};

/// What the stencils see of the object model: names for pointers they never dereference.
#[cfg(apy_stencils)]
pub mod opaque {
    /// A type object (`objects::TypeObject` in the VM).
    pub enum TypeObject {}
    /// A code object's payload.
    pub enum Code {}
    /// A dict's payload.
    pub enum Dict {}
    /// A generator's payload.
    pub enum Generator {}
}

/// Tag values (the low byte of [`Value::tag`]).
pub mod tag {
    /// Empty slot, unbound local, or "an exception was raised" at the extern "C" boundary.
    pub const NULL: u64 = 0;
    /// Inline `int` (i64 payload).
    pub const INT: u64 = 1;
    /// Inline `float` (f64 bits).
    pub const FLOAT: u64 = 2;
    /// `True` / `False` (payload 1 / 0).
    pub const BOOL: u64 = 3;
    /// `None`.
    pub const NONE: u64 = 4;
    /// Pointer to a heap object with an [`ObjHeader`](super::ObjHeader).
    pub const OBJ: u64 = 5;
    /// Small-string marker in the low byte's high nibble; the low nibble is the byte length.
    pub const SSTR: u64 = 0x10;
}

/// Refcount given to statically allocated objects (types, singletons): never reaches zero.
pub const IMMORTAL: isize = 1 << 60;

/// Header at the start of every heap object.
#[repr(C)]
pub struct ObjHeader {
    /// Reference count; the object is freed through its type's `dealloc` when it reaches 0.
    pub refcnt: Cell<isize>,
    /// The object's type. Types are immortal (built-in statics, or heap types that are kept).
    pub ty: *const TypeObject,
}

impl ObjHeader {
    /// A header for a statically allocated, immortal object.
    pub const fn immortal(ty: *const TypeObject) -> ObjHeader {
        ObjHeader {
            refcnt: Cell::new(IMMORTAL),
            ty,
        }
    }
}

/// A Python value: 16 bytes, inline for int, float, bool, None and short str.
#[repr(C)]
pub struct Value {
    pub payload: u64,
    pub tag: u64,
}

impl Value {
    /// The empty value (unbound local, missing result).
    pub const NULL: Value = Value {
        payload: 0,
        tag: tag::NULL,
    };
    /// Python `None`.
    pub const NONE: Value = Value {
        payload: 0,
        tag: tag::NONE,
    };
    /// Python `True`.
    pub const TRUE: Value = Value {
        payload: 1,
        tag: tag::BOOL,
    };
    /// Python `False`.
    pub const FALSE: Value = Value {
        payload: 0,
        tag: tag::BOOL,
    };

    /// An inline int.
    #[inline(always)]
    pub const fn int(i: i64) -> Value {
        Value {
            payload: i as u64,
            tag: tag::INT,
        }
    }

    /// An inline float.
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        Value {
            payload: f.to_bits(),
            tag: tag::FLOAT,
        }
    }

    /// `True` or `False`.
    #[inline(always)]
    pub const fn bool(b: bool) -> Value {
        Value {
            payload: b as u64,
            tag: tag::BOOL,
        }
    }

    /// Wraps an owned reference to a heap object (the caller's reference moves into the value).
    #[inline(always)]
    pub fn from_owned_ptr(p: *mut ObjHeader) -> Value {
        Value {
            payload: p as u64,
            tag: tag::OBJ,
        }
    }

    /// A new reference to an object, such as an immortal static (type objects, singletons).
    #[inline(always)]
    // Every caller passes a live object (an immortal static or a value it holds): the pointer
    // is an object reference in raw form, not an arbitrary address.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn from_borrowed_ptr(p: *const ObjHeader) -> Value {
        // SAFETY: callers pass a live object; taking a new reference keeps it alive.
        unsafe { (*p).refcnt.set((*p).refcnt.get() + 1) };
        Value {
            payload: p as u64,
            tag: tag::OBJ,
        }
    }

    /// An inline string of at most 15 bytes; `None` when `s` is longer.
    #[inline]
    pub fn small_str(s: &str) -> Option<Value> {
        let b = s.as_bytes();
        if b.len() > 15 {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..b.len()].copy_from_slice(b);
        let lo = u64::from_le_bytes(buf[0..8].try_into().unwrap());
        let hi = u64::from_le_bytes(buf[8..16].try_into().unwrap());
        Some(Value {
            payload: lo,
            tag: (hi << 8) | tag::SSTR | b.len() as u64,
        })
    }

    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.tag == tag::NULL
    }
    #[inline(always)]
    pub fn is_int(&self) -> bool {
        self.tag == tag::INT
    }
    #[inline(always)]
    pub fn is_float(&self) -> bool {
        self.tag == tag::FLOAT
    }
    #[inline(always)]
    pub fn is_bool(&self) -> bool {
        self.tag == tag::BOOL
    }
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.tag == tag::NONE
    }
    #[inline(always)]
    pub fn is_obj(&self) -> bool {
        self.tag == tag::OBJ
    }
    #[inline(always)]
    pub fn is_small_str(&self) -> bool {
        self.tag & 0xF0 == tag::SSTR
    }

    /// The i64 of an inline int (meaningless for other kinds).
    #[inline(always)]
    pub fn as_int_unchecked(&self) -> i64 {
        self.payload as i64
    }
    /// The f64 of an inline float (meaningless for other kinds).
    #[inline(always)]
    pub fn as_float_unchecked(&self) -> f64 {
        f64::from_bits(self.payload)
    }
    /// The i64 of an inline int or bool (bool is an int subtype).
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.tag == tag::INT || self.tag == tag::BOOL {
            Some(self.payload as i64)
        } else {
            None
        }
    }
    /// The f64 of an inline float.
    #[inline(always)]
    pub fn as_float(&self) -> Option<f64> {
        if self.tag == tag::FLOAT {
            Some(f64::from_bits(self.payload))
        } else {
            None
        }
    }

    /// The heap object pointer (meaningless unless `is_obj`).
    #[inline(always)]
    pub fn obj_ptr(&self) -> *mut ObjHeader {
        self.payload as *mut ObjHeader
    }

    /// The bytes of an inline string, copied out into a buffer (len, bytes).
    #[inline(always)]
    pub fn small_str_bytes(&self) -> (usize, [u8; 16]) {
        let mut buf = [0u8; 16];
        buf[0..8].copy_from_slice(&self.payload.to_le_bytes());
        buf[8..16].copy_from_slice(&(self.tag >> 8).to_le_bytes());
        ((self.tag & 0x0F) as usize, buf)
    }

    /// Same object or same inline bits: Python's `is`.
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.tag == other.tag && self.payload == other.payload
    }

    /// Rebuilds a value from its raw parts (the inverse of [`Value::into_raw`]).
    ///
    /// # Safety
    /// For an OBJ tag, the caller must own the reference the result will drop (or wrap the
    /// result in `ManuallyDrop`), and the object must be alive.
    #[inline(always)]
    pub unsafe fn from_raw(payload: u64, tag: u64) -> Value {
        Value { payload, tag }
    }

    /// Moves the value out of `p` with two 8-byte loads, never one 16-byte load. A value on
    /// the stack was usually just written by two 8-byte stores (payload, tag), and a load
    /// wider than each cannot take its data from them: it waits until they reach the cache
    /// (store-to-load forwarding fails, ~10-15 cycles). Plain `ptr::read` of a `Value` compiles
    /// to one 16-byte load; compiled code moves values with this instead.
    ///
    /// # Safety
    /// As `ptr::read`: `p` holds an owned value, which the caller takes over.
    #[inline(always)]
    pub unsafe fn read_split(p: *const Value) -> Value {
        let w = p as *const u64;
        // Volatile, so that the two loads are not merged back into one.
        Value {
            payload: core::ptr::read_volatile(w),
            tag: core::ptr::read_volatile(w.add(1)),
        }
    }

    /// Writes `v` to `p` with two 8-byte stores, never one 16-byte store: for a slot whose
    /// tag is read back soon by an 8-byte load at offset 8, which a 16-byte store does not
    /// forward to on every CPU.
    ///
    /// # Safety
    /// As `ptr::write`.
    #[inline(always)]
    pub unsafe fn write_split(p: *mut Value, v: Value) {
        let (payload, tag) = v.into_raw();
        let w = p as *mut u64;
        // Volatile, so that the two stores are not merged back into one.
        core::ptr::write_volatile(w, payload);
        core::ptr::write_volatile(w.add(1), tag);
    }

    /// Exchanges the values at `a` and `b` (stack slots, usually just written by two 8-byte
    /// stores each), reading and writing each as [`Value::read_split`] and
    /// [`Value::write_split`] do.
    ///
    /// # Safety
    /// As `ptr::swap`: both are valid for reads and writes, and aligned.
    #[inline(always)]
    pub unsafe fn swap_split(a: *mut Value, b: *mut Value) {
        let x = Value::read_split(a);
        let y = Value::read_split(b);
        Value::write_split(a, y);
        Value::write_split(b, x);
    }

    /// A new reference to the value at `p`, read as [`Value::read_split`] does.
    ///
    /// # Safety
    /// `p` holds a live value.
    #[inline(always)]
    pub unsafe fn clone_split(p: *const Value) -> Value {
        let v = ManuallyDrop::new(Value::read_split(p));
        (*v).clone()
    }

    /// Moves the value out into its raw parts without running `Drop`.
    #[inline(always)]
    pub fn into_raw(self) -> (u64, u64) {
        let v = ManuallyDrop::new(self);
        (v.payload, v.tag)
    }

    /// The type object of any value.
    #[cfg(not(apy_stencils))]
    #[inline]
    pub fn type_ptr(&self) -> *const TypeObject {
        crate::objects::type_of(self)
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.tag == tag::OBJ {
            // SAFETY: an OBJ value holds a reference, so the object is alive.
            unsafe {
                let h = &*(self.payload as *const ObjHeader);
                h.refcnt.set(h.refcnt.get() + 1);
            }
        }
        Value {
            payload: self.payload,
            tag: self.tag,
        }
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.tag == tag::OBJ {
            // SAFETY: an OBJ value owns one reference to a live object.
            unsafe { decref(self.payload as *mut ObjHeader) }
        }
    }
}

/// Drops one reference to `p`, freeing the object through its type when none are left.
///
/// # Safety
/// `p` must be a live object and the caller must own the reference being dropped.
#[inline(always)]
pub unsafe fn decref(p: *mut ObjHeader) {
    let h = &*p;
    let n = h.refcnt.get() - 1;
    h.refcnt.set(n);
    if n == 0 {
        dealloc(p);
    }
}

/// `preserving_call!(f, a0, ...)`: calls the `extern "C"` function `f` (a path to a function
/// item) with one to five integer or pointer arguments and evaluates to what it leaves in
/// `rax` (`u64`) — such that to the compiler the call changes only `rax`, the vector
/// registers and the flags: the asm saves every other caller-saved register around the call,
/// and aligns the stack for it itself, below the red zone. [`preserving_call_pair!`] is the
/// same for a function returning 16 bytes (`rax`, `rdx`).
///
/// This is how stencils call the runtime on their slow paths. Across an ordinary call the
/// compiler must keep the stencil's live values (`frame`, `sp`, `thread`...) in callee-saved
/// registers, and saves those in the prologue, so the fast path pushed and popped up to six
/// registers it never used; across this call the values stay where they are.
///
/// Safety: as calling `f` with those arguments.
#[cfg(apy_stencils)]
macro_rules! preserving_call {
    ($f:path, $a0:expr) => {
        preserving_call!(@rax $f; in("rdi") $a0 as u64,)
    };
    ($f:path, $a0:expr, $a1:expr) => {
        preserving_call!(@rax $f; in("rdi") $a0 as u64, in("rsi") $a1 as u64,)
    };
    ($f:path, $a0:expr, $a1:expr, $a2:expr) => {
        preserving_call!(@rax $f;
            in("rdi") $a0 as u64, in("rsi") $a1 as u64, in("rdx") $a2 as u64,)
    };
    ($f:path, $a0:expr, $a1:expr, $a2:expr, $a3:expr) => {
        preserving_call!(@rax $f; in("rdi") $a0 as u64, in("rsi") $a1 as u64,
            in("rdx") $a2 as u64, in("rcx") $a3 as u64,)
    };
    ($f:path, $a0:expr, $a1:expr, $a2:expr, $a3:expr, $a4:expr) => {
        preserving_call!(@rax $f; in("rdi") $a0 as u64, in("rsi") $a1 as u64,
            in("rdx") $a2 as u64, in("rcx") $a3 as u64, in("r8") $a4 as u64,)
    };
    (@rax $f:path; $($args:tt)*) => {{
        let lo: u64;
        preserving_asm!(keep_rdx, "call {f}", f = sym $f, $($args)* lateout("rax") lo,
            out("xmm0") _,);
        lo
    }};
}

/// [`preserving_call!`] for a function returning 16 bytes: evaluates to (`rax`, `rdx`); three
/// to six arguments.
#[cfg(apy_stencils)]
macro_rules! preserving_call_pair {
    ($f:path, $a0:expr, $a1:expr, $a2:expr) => {
        preserving_call_pair!(@pair $f, $a2; in("rdi") $a0 as u64, in("rsi") $a1 as u64,)
    };
    ($f:path, $a0:expr, $a1:expr, $a2:expr, $a3:expr) => {
        preserving_call_pair!(@pair $f, $a2; in("rdi") $a0 as u64, in("rsi") $a1 as u64,
            in("rcx") $a3 as u64,)
    };
    ($f:path, $a0:expr, $a1:expr, $a2:expr, $a3:expr, $a4:expr) => {
        preserving_call_pair!(@pair $f, $a2; in("rdi") $a0 as u64, in("rsi") $a1 as u64,
            in("rcx") $a3 as u64, in("r8") $a4 as u64,)
    };
    ($f:path, $a0:expr, $a1:expr, $a2:expr, $a3:expr, $a4:expr, $a5:expr) => {
        preserving_call_pair!(@pair $f, $a2; in("rdi") $a0 as u64, in("rsi") $a1 as u64,
            in("rcx") $a3 as u64, in("r8") $a4 as u64, in("r9") $a5 as u64,)
    };
    (@pair $f:path, $a2:expr; $($args:tt)*) => {{
        let (lo, hi): (u64, u64);
        preserving_asm!(result_in_rdx, "call {f}", f = sym $f, $($args)*
            inout("rdx") $a2 as u64 => hi, lateout("rax") lo, out("xmm0") _,);
        (lo, hi)
    }};
}

/// [`preserving_call!`] through a function pointer `f` (a `u64`) of one `f64` returning an
/// `f64`.
#[cfg(apy_stencils)]
macro_rules! preserving_call_f64 {
    ($f:expr, $x:expr) => {{
        let r: f64;
        preserving_asm!(keep_rdx, "call r11", in("r11") $f as u64, inout("xmm0") $x => r,
            lateout("rax") _,);
        r
    }};
}

/// The asm of the `preserving_call` macros: `call` with the stack aligned below the red zone
/// and the caller-saved registers other than `rax` (and `rdx` with `result_in_rdx`) saved
/// around it; `xmm1`..`xmm15` clobbered. The operands (the target, the arguments, the results
/// and `xmm0`) come after the call instruction.
#[cfg(apy_stencils)]
macro_rules! preserving_asm {
    (keep_rdx, $call:literal, $($operands:tt)*) => {
        preserving_asm!(@asm
            ["push rdi", "push rsi", "push rdx", "push rcx", "push r8", "push r9", "push r10",
                "push r11"],
            $call,
            ["pop r11", "pop r10", "pop r9", "pop r8", "pop rcx", "pop rdx", "pop rsi",
                "pop rdi"],
            $($operands)*)
    };
    // (`r11` twice: an even count keeps the stack aligned.)
    (result_in_rdx, $call:literal, $($operands:tt)*) => {
        preserving_asm!(@asm
            ["push rdi", "push rsi", "push rcx", "push r8", "push r9", "push r10", "push r11",
                "push r11"],
            $call,
            ["pop r11", "pop r11", "pop r10", "pop r9", "pop r8", "pop rcx", "pop rsi",
                "pop rdi"],
            $($operands)*)
    };
    (@asm [$($save:literal),*], $call:literal, [$($restore:literal),*], $($operands:tt)*) => {
        core::arch::asm!(
            "lea rsp, [rsp - 128]", "push rbp", "mov rbp, rsp", "and rsp, -16",
            $($save,)*
            $call,
            $($restore,)*
            "mov rsp, rbp", "pop rbp", "lea rsp, [rsp + 128]",
            $($operands)*
            out("xmm1") _, out("xmm2") _, out("xmm3") _,
            out("xmm4") _, out("xmm5") _, out("xmm6") _, out("xmm7") _,
            out("xmm8") _, out("xmm9") _, out("xmm10") _, out("xmm11") _,
            out("xmm12") _, out("xmm13") _, out("xmm14") _, out("xmm15") _,
            options(nostack),
        )
    };
}

/// Frees an object whose count reached zero, through its type.
#[cfg(not(apy_stencils))]
#[inline(always)]
unsafe fn dealloc(p: *mut ObjHeader) {
    ((*(*p).ty).dealloc)(p);
}

/// Frees an object whose count reached zero: in JIT code, through the runtime helper.
#[cfg(apy_stencils)]
#[inline(always)]
unsafe fn dealloc(p: *mut ObjHeader) {
    extern "C" {
        fn apy_dealloc(p: *mut ObjHeader);
    }
    preserving_call!(apy_dealloc, p);
}

impl Default for Value {
    fn default() -> Value {
        Value::NULL
    }
}

/// One activation of a code object: the header of a frame. Its values (`localsplus` then the
/// value stack) live in the thread's value arena from `base`; see `vm::frame`.
///
/// `#[repr(C)]` with the fields JIT code touches first: `base` (locals), `sp` and `ip` (written
/// when compiled code exits), at offsets 0, 8 and 16.
#[repr(C)]
pub struct Frame {
    /// First slot of localsplus in the arena.
    pub base: *mut Value,
    /// Stack pointer (one past the top value), saved while another frame runs.
    pub sp: *mut Value,
    /// Index (in code units) of the next instruction to run.
    pub ip: usize,
    /// The function being run (keeps code, globals and builtins alive).
    pub func: Value,
    /// The code payload of `func`.
    pub code: *const Code,
    /// Globals dict payload (owned by `func`).
    pub globals: *const Dict,
    /// Builtins dict payload (owned by `func`).
    pub builtins: *const Dict,
    /// Locals mapping for module and class bodies (LOAD_NAME); NULL for function frames.
    pub locals: Value,
    /// Index of the instruction being run, as `f_lasti` (tracebacks, and the value pushed for
    /// handlers that re-raise). `RERAISE` restores it from the stack.
    pub lasti: usize,
    /// Index of the instruction that raised: where the exception table is searched.
    pub raise_at: usize,
    /// Whether returning from this frame returns to Rust (the eval loop's caller).
    pub is_entry: bool,
    /// Set when compiled code exited for an instruction it does not compile, or a call
    /// returned into this frame: tier 1 looks for a compiled entry at `ip` on its next trip
    /// through the outer dispatch loop, to go back into compiled code right after the
    /// instruction it ran. (A field rather than a local of the eval loop: a flag live across
    /// the fast loop cost tier 1 a register, 6% more instructions on int_loop.)
    pub jit_resume: bool,
    /// `KW_NAMES` operand for the next `CALL` (const index + 1; 0 when none).
    pub kwnames_pending: usize,
    /// The generator whose frame this is (null for other frames); the generator is kept alive
    /// by whoever resumed it (the `FOR_ITER`/`SEND` operand on the caller's stack, or the Rust
    /// caller of `send`/`throw`/...).
    pub gen: *const Generator,
    /// For the `__init__` frame of a `CALL_ALLOC_AND_ENTER_INIT`: the new instance, which the
    /// return hands to the caller in place of `__init__`'s `None` (NULL for other frames).
    pub init_self: Value,
    /// Where a plain return from this frame goes on: the caller's compiled code right after
    /// the call, stored by the compiled call that pushed this frame (0: tier 1, or a frame
    /// that tier 1 pushed; the return then looks the caller's entry up). Cleared when the
    /// caller's compiled code is replaced or due to be compiled again
    /// (`FrameStack::forget_returns_into`), so that code never runs again from here.
    pub jit_ret: usize,
}

/// The frame headers of a thread: a vector of [`Frame`]s with a layout compiled code can
/// use (`ptr`, `len`, `cap`); the VM's methods on it are in `vm::frame`. Headers are
/// contiguous, so the caller of the top frame is the header below it.
#[repr(C)]
pub struct FrameVec {
    pub ptr: *mut Frame,
    pub len: usize,
    pub cap: usize,
}

/// Per-thread state that compiled code is handed (the `thread` argument of every stencil):
/// the thread's frame stack (`vm::frame::FrameStack` is this type), so compiled calls and
/// returns push and pop frames without a runtime helper.
#[repr(C)]
pub struct ThreadState {
    pub frames: FrameVec,
    /// `sys.getrecursionlimit()`: the most frames the stack may hold.
    pub recursion_limit: usize,
    /// The values arena: frames' `localsplus` and value stacks (see `vm::frame`).
    pub arena: *mut Value,
    pub arena_end: *mut Value,
}

/// Byte offset of a type object's version (`TypeObject::version`, a `u32`), which compiled code
/// compares with the class an attribute site cached (`objects` checks it against the
/// `#[repr(C)]` type object).
pub const TYPE_VERSION_OFFSET: usize = 576;

/// Byte offset in a set or frozenset object of its small-int bitmap (a `u128`: bit `k + 64`
/// set while the int `k`, `-64 <= k < 64`, is an element), which compiled code tests for
/// `k in s` (`objects::set` checks it against the table's layout).
pub const SET_SMALL_MEMBERS_OFFSET: usize = 16;
/// Byte offset in a set or frozenset object of the flag (a `bool`) that makes the bitmap at
/// [`SET_SMALL_MEMBERS_OFFSET`] exact: no heap object was ever added.
pub const SET_INLINE_ONLY_OFFSET: usize = 88;

/// Byte offset in a dict's payload (what `Frame::globals` points at) of its key-layout version
/// (a `u32`), which compiled code checks before reading a global in place (`objects::dict`
/// checks it against the payload's layout).
pub const DICT_KEYS_VERSION_OFFSET: usize = 64;

/// Byte offsets in a function object (header included) of the values a compiled call reads
/// (`objects::function` checks them against its `#[repr(C)]` payload).
pub mod function_offsets {
    /// The code object (`__code__`).
    pub const CODE: usize = 16;
    /// The globals dict.
    pub const GLOBALS: usize = 32;
    /// The builtins dict.
    pub const BUILTINS: usize = 48;
}

/// One class an attribute site of compiled code has seen besides the one it was compiled for
/// (see [`PolyCache`]).
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct PolyEntry {
    /// The class's version; 0 for an empty entry (no class has version 0 while it is cached:
    /// the runtime records none).
    pub version: u32,
    /// The attribute's index in the values of the class's instances.
    pub index: u32,
    /// For a method load: the method, which the class's dict keeps alive while the version
    /// matches.
    pub method: u64,
}

/// The polymorphic inline cache of one attribute site of compiled code (`self.x` in a method
/// that runs on instances of several subclasses): classes with the generic attribute protocol
/// whose instances keep their attributes in values, each with what the site needs to know of
/// it. Compiled code scans it after its compile-time class; a runtime helper fills it on a
/// miss. It lives as long as the compiled code that points to it.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct PolyCache {
    pub entries: [PolyEntry; 4],
}

impl PolyCache {
    /// The entry for the class with version `version` (not 0), if the site has seen it.
    #[inline(always)]
    pub fn find(&self, version: u32) -> Option<&PolyEntry> {
        self.entries.iter().find(|e| e.version == version)
    }
}

/// What a compiled call needs to know of its callee's code object without a runtime helper
/// (kept by the code's JIT slot, `tier2::CodeJit`, at an offset compiled code is given).
#[repr(C)]
#[derive(Default)]
pub struct CallInfo {
    /// The compiled entry of a new frame of the code, when a compiled call may take it
    /// directly: compiled, not due to be compiled again, starting with `RESUME`, taking
    /// plain positional parameters only. 0 otherwise (the call goes through its helper).
    pub entry: Cell<usize>,
    /// Number of positional parameters (meaningful while `entry` is set).
    pub nargs: Cell<usize>,
    /// Number of `localsplus` slots.
    pub nlocalsplus: Cell<usize>,
    /// `localsplus` plus the value stack: the arena slots a frame of the code needs.
    pub frame_size: Cell<usize>,
    /// The code's current compiled block: its address and bytes of code (0 and 0 when none,
    /// and a length of 0 while the code is due to be compiled again). A compiled call stores
    /// its return point only when it lies in there: code that was replaced while it ran is
    /// never returned into, and returns into code due to be compiled again go on in tier 1.
    pub block: Cell<usize>,
    pub block_len: Cell<usize>,
}

impl CallInfo {
    /// Whether `addr` is in the code's current compiled code (see `block`).
    #[inline(always)]
    pub fn owns(&self, addr: usize) -> bool {
        addr.wrapping_sub(self.block.get()) < self.block_len.get()
    }
}

/// What compiled code returns to tier 1 (the return value of every stencil). Exit stencils
/// store `ip` and `sp` into the frame first, so tier 1 resumes at `frame.ip` with `frame.sp`.
pub type Exit = u64;

/// [`Exit`] codes.
pub mod exit {
    /// Resume tier 1 at `frame.ip` (a guard failed, or an instruction the JIT does not
    /// compile): the frame is exactly as tier 1 would have it before that instruction.
    pub const DEOPT: u64 = 0;
    /// An exception was raised at `frame.ip` (set as the thread's exception): unwind.
    pub const ERROR: u64 = 1;
    /// Compiled code pushed or popped frames (a call, a return) and the frame now on top has
    /// no compiled code to go on with: tier 1 resumes the top frame at its `ip` with its `sp`.
    pub const SWITCH: u64 = 2;
}

/// Where compiled code goes after a call or a return that a runtime helper performed: the
/// frame now on top and the compiled entry to tail-call in it. Returned in `rax:rdx`.
///
/// `frame` null means the helper did nothing the stencil can go on from: `entry` 0 when it
/// changed nothing (exit to tier 1 at the instruction), 1 when it raised (exit
/// [`exit::ERROR`]; the helper left the frame as tier 1's error path expects). `frame` set
/// with `entry` 0: the new top frame has no compiled code there (exit [`exit::SWITCH`]).
#[repr(C)]
pub struct Transfer {
    pub frame: *mut Frame,
    pub entry: usize,
}

/// Payload of a range iterator (`range_iterator`, `objects::range`): defined here so that
/// compiled code steps it inline (`FOR_ITER_RANGE`) with the same code tier 1 runs.
#[repr(C)]
pub struct RangeIter {
    /// The value the next step yields.
    pub next: Cell<i64>,
    pub step: i64,
    /// How many values remain.
    pub remaining: Cell<usize>,
}

impl RangeIter {
    /// One step: the next value, or `None` once exhausted.
    #[inline(always)]
    pub fn next_value(&self) -> Option<i64> {
        let n = self.remaining.get();
        if n == 0 {
            return None;
        }
        self.remaining.set(n - 1);
        let v = self.next.get();
        self.next.set(v.wrapping_add(self.step));
        Some(v)
    }
}

/// The item buffer of a `list` (`objects::list::List` is this, in an `UnsafeCell`): `len` owned
/// values at `ptr`, room for `cap`; exactly the raw parts of a `Vec<Value>`. Defined here, with a
/// fixed layout, so that compiled code indexes lists inline (`BINARY_SUBSCR_LIST_INT`,
/// `STORE_SUBSCR_LIST_INT`) with the same checks tier 1 runs.
#[repr(C)]
pub struct ItemVec {
    pub ptr: *mut Value,
    pub len: usize,
    pub cap: usize,
}

impl ItemVec {
    /// The items.
    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        // SAFETY: the first `len` slots at `ptr` hold live values (a `Vec`'s raw parts).
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }
    /// Item `i` counted from the end when negative, if in range.
    #[inline(always)]
    /// (The common in-range index is tested first, with one compare.)
    pub fn get_signed(&self, i: i64) -> Option<&Value> {
        let len = self.len as u64;
        let j = if (i as u64) < len {
            i as u64
        } else {
            // A negative index counts from the end; an index still out of range wraps to at
            // least `len`.
            let j = i.wrapping_add(len as i64) as u64;
            if i >= 0 || j >= len {
                return None;
            }
            j
        };
        // SAFETY: `j` is in `0..len`, and the first `len` slots hold live values.
        Some(unsafe { &*self.ptr.add(j as usize) })
    }
    /// The slot of item `i` (not counted from the end), if in range.
    #[inline(always)]
    pub fn slot(&self, i: i64) -> Option<*mut Value> {
        if (i as u64) < self.len as u64 {
            // SAFETY: `i` is in `0..len`.
            Some(unsafe { self.ptr.add(i as usize) })
        } else {
            None
        }
    }
}

/// Payload of a forward sequence iterator (`list_iterator`, `tuple_iterator`, and the
/// `__getitem__` iterator; `objects::iterators`): defined here so that compiled code steps list
/// iterators inline (`FOR_ITER_LIST`) with the same code tier 1 runs.
#[repr(C)]
pub struct SeqIter {
    pub seq: Value,
    /// The next index; `usize::MAX` once exhausted.
    pub index: Cell<usize>,
}

impl SeqIter {
    /// One step over a sequence of `len` items: the index of the next item, or `None` once past
    /// the end; an exhausted iterator stays exhausted even if the sequence grows (as CPython's).
    #[inline(always)]
    pub fn advance(&self, len: usize) -> Option<usize> {
        let i = self.index.get();
        if i < len {
            self.index.set(i + 1);
            Some(i)
        } else {
            self.index.set(usize::MAX);
            None
        }
    }
}

/// The fixed part of an instance of a class with inline values (`objects::instance`); `cap`
/// [`Value`] slots follow it in the same allocation. Defined here so that compiled code reads
/// an attribute inline (`LOAD_ATTR_INSTANCE_VALUE`) with the checks tier 1 makes.
#[repr(C)]
pub struct Instance {
    /// The materialized `__dict__` (dict mode), or NULL while the slots hold the attributes.
    pub dict: core::cell::UnsafeCell<Value>,
    /// One past the highest filled slot (values mode); 0 in dict mode.
    pub len: Cell<u32>,
    /// Number of slots allocated after this header.
    pub cap: u32,
}

impl Instance {
    /// Byte offset of slot 0 from the start of the object.
    pub const VALUES_OFFSET: usize =
        core::mem::size_of::<ObjHeader>() + core::mem::size_of::<Instance>();

    /// Whether the instance object `p` keeps its attributes in its slots (no `__dict__` made).
    ///
    /// # Safety
    /// `p` is a live instance of a class with inline values.
    #[inline(always)]
    pub unsafe fn in_values_mode(p: *mut ObjHeader) -> bool {
        (*(*payload_of::<Instance>(p)).dict.get()).is_null()
    }

    /// Slot `ix` of the instance object `p` when it is filled (the attribute tier 1's
    /// `LOAD_ATTR_INSTANCE_VALUE` reads for index `ix`, with the same checks:
    /// `specialize::load_attr_instance_form` spells them through `objects::instance`, because
    /// calling this from the eval loop moved its register allocation enough to cost 8% of
    /// instructions on int_loop, which has no attribute loads at all).
    ///
    /// # Safety
    /// `p` is a live instance of a class with inline values, in values mode.
    #[inline(always)]
    pub unsafe fn value_slot<'a>(p: *mut ObjHeader, ix: usize) -> Option<&'a Value> {
        if ix >= (*payload_of::<Instance>(p)).len.get() as usize {
            return None;
        }
        let v = &*((p as *const u8).add(Self::VALUES_OFFSET) as *const Value).add(ix);
        (!v.is_null()).then_some(v)
    }

    /// Stores `x` in slot `ix` of the instance object `p` (in values mode), as tier 1's
    /// `STORE_ATTR_INSTANCE_VALUE` does: the old value is dropped after the store, and a slot
    /// past the filled ones extends them. `Err(x)` (nothing changed) when `ix` is past the
    /// allocated slots, or names a deleted attribute below the filled length (the generic
    /// path handles both).
    ///
    /// # Safety
    /// `p` is a live instance of a class with inline values, in values mode.
    #[inline(always)]
    pub unsafe fn store_slot(p: *mut ObjHeader, ix: usize, x: Value) -> Result<(), Value> {
        match Self::slot_to_store(p, ix) {
            Some(slot) => {
                drop(core::ptr::replace(slot, x));
                Ok(())
            }
            None => Err(x),
        }
    }

    /// The slot a store of attribute `ix` into the instance object `p` replaces (see
    /// [`Instance::store_slot`], which is this and the store): `None` with nothing changed when
    /// the generic path must do it; otherwise the filled length already counts the slot. Split
    /// out for compiled code, which reads the stored value only once it knows the slot.
    ///
    /// # Safety
    /// `p` is a live instance of a class with inline values, in values mode.
    #[inline(always)]
    pub unsafe fn slot_to_store(p: *mut ObjHeader, ix: usize) -> Option<*mut Value> {
        let inst = &*payload_of::<Instance>(p);
        if ix >= inst.cap as usize {
            return None;
        }
        let len = inst.len.get() as usize;
        let slot = ((p as *mut u8).add(Self::VALUES_OFFSET) as *mut Value).add(ix);
        if ix < len {
            return (!(*slot).is_null()).then_some(slot);
        }
        inst.len.set(ix as u32 + 1);
        Some(slot)
    }
}

/// The payload of the heap object at `p`, of type `T`: it follows the header (`Obj<T>` is
/// `#[repr(C)]`; payloads with an alignment of at most 8 start right after the 16-byte header,
/// which `objects::range` asserts for [`RangeIter`]).
///
/// # Safety
/// `p` is a live object whose payload is a `T` aligned to at most 8.
#[inline(always)]
pub unsafe fn payload_of<T>(p: *mut ObjHeader) -> *const T {
    (p as *const u8).add(core::mem::size_of::<ObjHeader>()) as *const T
}

impl Frame {
    /// The header of a function frame about to run from its start: locals at `base`, stack
    /// from `sp`, `ip` 0, nothing pending, not an entry frame, returning into compiled code at
    /// `jit_ret` (0: through the caller's entry lookup or tier 1). Every push of a function
    /// frame builds its header here, tier 1's and compiled code's alike.
    #[inline(always)]
    pub fn start(
        func: Value,
        code: *const Code,
        globals: *const Dict,
        builtins: *const Dict,
        base: *mut Value,
        sp: *mut Value,
        jit_ret: usize,
    ) -> Frame {
        Frame {
            base,
            sp,
            ip: 0,
            func,
            code,
            globals,
            builtins,
            locals: Value::NULL,
            lasti: 0,
            raise_at: 0,
            is_entry: false,
            jit_resume: false,
            kwnames_pending: 0,
            gen: core::ptr::null(),
            init_self: Value::NULL,
            jit_ret,
        }
    }

    /// Whether a return from this frame is a plain pop into its caller in the same eval loop:
    /// not a generator's frame, not an entry frame, no `__init__` result pending.
    #[inline(always)]
    pub fn returns_plainly(&self) -> bool {
        self.gen.is_null() && self.init_self.is_null() && !self.is_entry
    }
}

/// What a runtime helper that can fail returns to its stencil (two registers under the C
/// ABI): the stack pointer to continue with and a [`step`] status.
#[repr(C)]
pub struct Step {
    /// The new stack top after [`step::OK`]; after [`step::ERROR`], the stack top tier 1
    /// has after raising at that instruction (the inputs it consumed are gone). Unused after
    /// [`step::DEOPT`].
    pub sp: *mut Value,
    pub status: u64,
}

/// [`Step`] statuses.
pub mod step {
    /// Done: continue with the next instruction at `Step::sp`.
    pub const OK: u64 = 0;
    /// A guard failed and nothing changed: exit to tier 1 at the instruction, which runs it.
    pub const DEOPT: u64 = 1;
    /// An exception was raised (set as the thread's exception): exit with the error code.
    pub const ERROR: u64 = 2;
}

/// The one signature of every stencil and of compiled code's entry point.
pub type JitFn = unsafe extern "C" fn(*mut Frame, *mut Value, *mut ThreadState) -> Exit;
