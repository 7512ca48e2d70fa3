//! The process's global allocator: the system allocator, plus transparent huge pages for big
//! blocks.
//!
//! A list of a few million values is tens of MiB (16 bytes a value). Spread over 4 KiB pages,
//! a loop that strides through it (a sieve marking every i-th flag) misses the TLB on nearly
//! every access, and filling it takes a page fault per 4 KiB. Where the kernel leaves huge
//! pages to `madvise` (the common default), blocks of [`HUGE_MIN`] bytes or more are advised
//! `MADV_HUGEPAGE` when allocated or grown: 2 MiB pages, 512 times fewer faults and TLB
//! entries. Smaller blocks, the overwhelming majority, cost one compare more.

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks at least this big get huge pages.
const HUGE_MIN: usize = 8 << 20;

/// Size of a huge page (x86-64).
const HUGE_PAGE: usize = 2 << 20;

/// [`System`], advising huge pages for blocks of [`HUGE_MIN`] bytes or more.
pub struct Allocator;

/// `p`, a block of `size` bytes (or null), after asking for huge pages over its 2 MiB-aligned
/// part when it is at least [`HUGE_MIN`] bytes (a hint: it fails harmlessly where huge pages
/// are off).
#[inline]
fn advised(p: *mut u8, size: usize) -> *mut u8 {
    if size < HUGE_MIN || p.is_null() {
        return p;
    }
    let start = (p as usize).next_multiple_of(HUGE_PAGE);
    let end = (p as usize + size) & !(HUGE_PAGE - 1);
    if end > start {
        // SAFETY: [start, end) lies inside a block this process owns; MADV_HUGEPAGE changes
        // how the kernel backs it, never its contents.
        unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
    }
    p
}

// SAFETY: every method forwards to `System`, which upholds the `GlobalAlloc` contract; the
// advice does not touch the memory's contents.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promises.
        advised(unsafe { System.alloc(layout) }, layout.size())
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promises.
        advised(unsafe { System.alloc_zeroed(layout) }, layout.size())
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        // SAFETY: as the caller promises.
        unsafe { System.dealloc(p, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as the caller promises.
        advised(unsafe { System.realloc(p, layout, new_size) }, new_size)
    }
}
