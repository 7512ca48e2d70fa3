//! Frames and the per-thread frame stack.
//!
//! Frame headers ([`Frame`], defined in `abi` because JIT code reads it) live in a `Vec<Frame>`; each frame's values (`localsplus` then its value stack)
//! live in one contiguous per-thread arena of [`Value`]s that never moves, so raw pointers into
//! it stay valid for the frame's lifetime. A Python-to-Python call pushes a header and carves
//! the next slice of the arena: no Rust recursion, no allocation.
//!
//! Invariant: arena slots from a frame's `base` up to its `sp` hold owned values (NULL for
//! unbound locals); everything above the top frame's `sp` is NULL.

use std::cell::Cell;

use crate::abi::Value;
use crate::objects::code::Code;
use crate::objects::function::Function;

/// Number of Values in the arena (64 MiB of address space; pages are touched only when used).
const ARENA_VALUES: usize = 4 << 20;
/// Frame headers the stack holds before its `Vec` reallocates (9 MB of address space, touched
/// only as deep as the recursion goes). Compiled code keeps a pointer to its frame header
/// across runtime helpers, which may run Python code that pushes frames: below this depth
/// (recursion limits up to 65536) the headers never move under it.
const FRAME_HEADERS: usize = 1 << 16;

pub use crate::abi::Frame;

impl Frame {
    /// The code payload.
    #[inline(always)]
    pub fn code(&self) -> &Code {
        // SAFETY: `func` keeps the code object alive for the frame's lifetime.
        unsafe { &*self.code }
    }
    /// The function payload.
    pub fn function(&self) -> &Function {
        // SAFETY: frames are only created for function objects.
        unsafe { self.func.payload_unchecked() }
    }
    /// First slot of the value stack (just past localsplus).
    #[inline(always)]
    pub fn stack_base(&self) -> *mut Value {
        // SAFETY: the arena slice of a frame has room for localsplus and the stack.
        unsafe { self.base.add(self.code().nlocalsplus()) }
    }
}

/// The per-thread frame stack: `abi::ThreadState`, whose layout compiled code shares (its
/// frame headers, recursion limit and value arena). `recursion_limit` is kept next to the
/// frames so the call path's depth check reads no thread-local.
pub type FrameStack = crate::abi::ThreadState;

pub use crate::abi::FrameVec;

impl FrameVec {
    fn with_capacity(cap: usize) -> FrameVec {
        let mut v = std::mem::ManuallyDrop::new(Vec::<Frame>::with_capacity(cap));
        FrameVec {
            ptr: v.as_mut_ptr(),
            len: 0,
            cap: v.capacity(),
        }
    }

    /// Number of headers.
    #[inline(always)]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Number of headers the vector holds before it must move them.
    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// Makes room for `n` more headers (moving them, when full).
    #[cold]
    pub fn reserve(&mut self, n: usize) {
        if self.cap - self.len >= n {
            return;
        }
        // SAFETY: the parts came from a `Vec<Frame>` (`with_capacity` or here) and are given
        // back to a `Vec` for the reallocation only.
        let mut v = unsafe { Vec::from_raw_parts(self.ptr, self.len, self.cap) };
        v.reserve(n);
        let mut v = std::mem::ManuallyDrop::new(v);
        self.ptr = v.as_mut_ptr();
        self.cap = v.capacity();
    }

    /// Pushes a header.
    #[inline(always)]
    pub fn push(&mut self, f: Frame) {
        if self.len == self.cap {
            self.reserve(1);
        }
        // SAFETY: within capacity.
        unsafe { std::ptr::write(self.ptr.add(self.len), f) };
        self.len += 1;
    }

    /// Pops the top header.
    #[inline(always)]
    pub fn pop(&mut self) -> Option<Frame> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the header was initialized and is now outside the vector.
        Some(unsafe { std::ptr::read(self.ptr.add(self.len)) })
    }

    /// Sets the length.
    ///
    /// # Safety
    /// As `Vec::set_len`: `len <= cap` and headers below it are initialized.
    #[inline(always)]
    pub unsafe fn set_len(&mut self, len: usize) {
        self.len = len;
    }
}

impl std::ops::Deref for FrameVec {
    type Target = [Frame];
    #[inline(always)]
    fn deref(&self) -> &[Frame] {
        // SAFETY: `ptr[..len]` are initialized headers.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl std::ops::DerefMut for FrameVec {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Frame] {
        // SAFETY: as above, and `&mut self` is unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl FrameStack {
    fn new() -> FrameStack {
        // One slot more than the frames use, below them: the eval loop may read the value
        // under an empty stack (`LOAD_CONST` looks at the left operand of a following int op
        // before it knows one follows), which must be memory of the arena.
        let layout = std::alloc::Layout::array::<Value>(ARENA_VALUES + 1).unwrap();
        // SAFETY: zeroed memory is a valid array of NULL Values (payload 0, tag 0).
        let base = unsafe { std::alloc::alloc_zeroed(layout) as *mut Value };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        // SAFETY: the allocation has ARENA_VALUES + 1 slots.
        let arena = unsafe { base.add(1) };
        FrameStack {
            frames: FrameVec::with_capacity(FRAME_HEADERS),
            recursion_limit: 1000,
            arena,
            // SAFETY: one past the end of the allocation.
            arena_end: unsafe { arena.add(ARENA_VALUES) },
        }
    }

    /// Where a frame pushed by Rust code (a call from a builtin into Python) begins: above the
    /// top frame's whole stack area, since its live `sp` is held in the eval loop's registers.
    #[inline(always)]
    pub fn next_base_for_rust_call(&self) -> *mut Value {
        match self.frames.last() {
            // SAFETY: a frame's arena slice covers localsplus plus `stacksize` slots.
            Some(f) => unsafe { f.stack_base().add(f.code().stacksize as usize) },
            None => self.arena,
        }
    }

    /// Whether `n` more slots fit above `base`.
    #[inline(always)]
    pub fn has_room(&self, base: *mut Value, n: usize) -> bool {
        (self.arena_end as usize - base as usize) / std::mem::size_of::<Value>() > n
    }

    /// Pops the top frame when it [returns plainly](Frame::returns_plainly), with its stack
    /// ending at its `sp` (the returned value already taken off): drops its values and the
    /// references its header holds. The return path of most calls, in both tiers.
    ///
    /// # Safety
    /// There is a top frame with that property, and `[base, sp)` of it holds owned values.
    #[inline(always)]
    pub unsafe fn pop_plain(&mut self) {
        let len = self.frames.len() - 1;
        let top = self.frames.as_mut_ptr().add(len);
        // Values first, while the frame is still on the stack (a finalizer may look at it).
        let (mut p, sp) = ((*top).base, (*top).sp);
        while p < sp {
            drop(std::ptr::read(p));
            p = p.add(1);
        }
        self.frames.set_len(len);
        // `init_self` is NULL and the pointers own nothing; `func` and `locals` hold references.
        drop(std::ptr::read(&(*top).func));
        drop(std::ptr::read(&(*top).locals));
    }

    /// Clears the compiled return point ([`Frame::jit_ret`]) of every frame called from a
    /// frame of `code`: that code's compiled code is being replaced (or is due to be compiled
    /// again), so returns into it look its entries up again. Frames are pushed on top of their
    /// caller, so a frame's caller is the one below it.
    #[cold]
    pub fn forget_returns_into(&mut self, code: *const Code) {
        for i in 1..self.frames.len() {
            if std::ptr::eq(self.frames[i - 1].code, code) {
                self.frames[i].jit_ret = 0;
            }
        }
    }

    /// The top frame.
    ///
    /// # Safety
    /// The stack is not empty.
    #[inline(always)]
    pub unsafe fn top(&mut self) -> *mut Frame {
        self.frames.as_mut_ptr().add(self.frames.len() - 1)
    }
}

thread_local! {
    /// The thread's frame stack, allocated on first use and never freed or moved (threads live
    /// as long as the process here). A plain pointer cell needs no TLS destructor, so reading it
    /// is one thread-local load with no "initialized yet" state check.
    static STACK: Cell<*mut FrameStack> = const { Cell::new(std::ptr::null_mut()) };
}

/// The thread's frame stack.
///
/// The returned reference must not be held across a call that can itself call `frames()` and
/// push or pop (the eval loop re-fetches after every call out).
#[inline(always)]
#[allow(clippy::mut_from_ref)]
pub fn frames() -> &'static mut FrameStack {
    let p = STACK.with(|s| s.get());
    if p.is_null() {
        return first_frames();
    }
    // SAFETY: one thread; the stack is never freed; callers follow the rule above.
    unsafe { &mut *p }
}

/// Allocates the thread's frame stack (first call of [`frames`] on this thread).
#[cold]
#[inline(never)]
fn first_frames() -> &'static mut FrameStack {
    let p = Box::into_raw(Box::new(FrameStack::new()));
    STACK.with(|s| s.set(p));
    // SAFETY: just allocated, never freed.
    unsafe { &mut *p }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(code: usize, jit_ret: usize) -> Frame {
        let null = std::ptr::null_mut();
        Frame::start(
            Value::NULL,
            code as *const Code,
            std::ptr::null(),
            std::ptr::null(),
            null,
            null,
            jit_ret,
        )
    }

    /// Replacing a code object's compiled code clears the return points of exactly the frames
    /// that a frame of it called (the ones right above such a frame).
    #[test]
    fn forget_returns_into_clears_callees_of_that_code() {
        let mut fs = FrameStack::new();
        let (a, b) = (0x1000, 0x2000);
        for (code, ret) in [(a, 0), (b, 11), (a, 12), (a, 13), (b, 14)] {
            fs.frames.push(header(code, ret));
        }
        fs.forget_returns_into(a as *const Code);
        let rets: Vec<usize> = fs.frames.iter().map(|f| f.jit_ret).collect();
        assert_eq!(rets, [0, 0, 12, 0, 0]);
        // The vector grows past its first capacity like a Vec.
        let cap = fs.frames.capacity();
        while fs.frames.len() <= cap {
            fs.frames.push(header(b, 1));
        }
        assert!(fs.frames.capacity() > cap);
        assert_eq!(fs.frames[2].jit_ret, 12);
        assert!(fs.frames.pop().is_some());
    }
}
