//! The process's global allocator: the system allocator, plus transparent huge pages and a
//! reuse cache for big blocks.
//!
//! A list of a few million values is tens of MiB (16 bytes a value). Spread over 4 KiB pages,
//! a loop that strides through it (a sieve marking every i-th flag) misses the TLB on nearly
//! every access, and filling it takes a page fault per 4 KiB. Where the kernel leaves huge
//! pages to `madvise` (the common default), blocks of [`HUGE_MIN`] bytes or more are advised
//! `MADV_HUGEPAGE` when allocated or grown: 2 MiB pages, 512 times fewer faults and TLB
//! entries. Smaller blocks, the overwhelming majority, cost one compare more.
//!
//! Blocks that big come straight from `mmap` and go straight back to the kernel when freed,
//! so a program that builds a big list, drops it and builds another (a loop over sizes, a
//! function called repeatedly) pays for zeroed fresh pages every time: the kernel clearing
//! them took a third of a sieve's run time. glibc avoids that for CPython's smaller lists
//! (8 bytes an item) by raising its `mmap` threshold after the first free, but only up to
//! 32 MiB. So freed big blocks are kept in [`BlockCache`] (a few blocks, a bounded total)
//! and handed back out for requests of about the same size, with their pages already there.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;

/// Blocks at least this big get huge pages and may be cached when freed.
const HUGE_MIN: usize = 8 << 20;

/// Size of a huge page (x86-64).
const HUGE_PAGE: usize = 2 << 20;

/// How many freed big blocks are kept for reuse.
const CACHED_BLOCKS: usize = 4;

/// The most memory the kept blocks may hold together: freed memory a program will not ask for
/// again stays mapped, so this bounds what the cache can add to its footprint.
const CACHED_BYTES_MAX: usize = 256 << 20;

/// The alignment `malloc` guarantees (x86-64 glibc): blocks asking for no more come from
/// plain `malloc`, so any two of them are interchangeable.
const MALLOC_ALIGN: usize = 16;

/// [`System`], advising huge pages for blocks of [`HUGE_MIN`] bytes or more and reusing freed
/// ones.
pub struct Allocator;

/// Freed big blocks, kept for reuse. Invariant: each entry is a live `malloc` block of at
/// least `size` bytes (aligned to [`MALLOC_ALIGN`]) that nothing else refers to, and the
/// sizes add up to [`BlockCache::bytes`] `<=` [`CACHED_BYTES_MAX`].
struct BlockCache {
    blocks: [(usize, usize); CACHED_BLOCKS],
    bytes: usize,
}

/// The cache, shared by all threads (the lock is taken only for big blocks).
static CACHE: Mutex<BlockCache> = Mutex::new(BlockCache {
    blocks: [(0, 0); CACHED_BLOCKS],
    bytes: 0,
});

impl BlockCache {
    /// A kept block for a request of `size` bytes: one at least that big and at most twice
    /// as big (a much bigger block would be stranded in a small list), else `None`.
    fn take(&mut self, size: usize) -> Option<*mut u8> {
        let slot = self
            .blocks
            .iter_mut()
            .filter(|(p, s)| *p != 0 && *s >= size && *s / 2 <= size)
            .min_by_key(|(_, s)| *s)?;
        let (p, s) = std::mem::take(slot);
        self.bytes -= s;
        Some(p as *mut u8)
    }

    /// Keeps the freed block `p` of `size` bytes, evicting the smallest kept blocks if it does
    /// not fit; returns the blocks to free (`p` itself when it is too big to keep).
    fn keep(&mut self, p: *mut u8, size: usize) -> [(usize, usize); CACHED_BLOCKS + 1] {
        let mut evicted = [(0, 0); CACHED_BLOCKS + 1];
        if size > CACHED_BYTES_MAX {
            evicted[0] = (p as usize, size);
            return evicted;
        }
        let mut n = 0;
        loop {
            let free_slot = self.blocks.iter().position(|(q, _)| *q == 0);
            if let Some(i) = free_slot.filter(|_| self.bytes + size <= CACHED_BYTES_MAX) {
                self.blocks[i] = (p as usize, size);
                self.bytes += size;
                return evicted;
            }
            // Full: drop the smallest kept block and try again.
            let Some(smallest) = self
                .blocks
                .iter_mut()
                .filter(|(q, _)| *q != 0)
                .min_by_key(|(_, s)| *s)
            else {
                evicted[n] = (p as usize, size);
                return evicted;
            };
            evicted[n] = std::mem::take(smallest);
            self.bytes -= evicted[n].1;
            n += 1;
        }
    }

    /// Takes out every kept block, to be freed (when memory runs short).
    fn drain(&mut self) -> [(usize, usize); CACHED_BLOCKS] {
        self.bytes = 0;
        std::mem::take(&mut self.blocks)
    }
}

fn cache() -> std::sync::MutexGuard<'static, BlockCache> {
    // The cache's code cannot panic while holding the lock, so it is never poisoned; take it
    // anyway if it were.
    CACHE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Frees blocks taken out of the cache (entries with a null pointer are empty).
fn free_blocks(blocks: &[(usize, usize)]) {
    for &(p, _) in blocks.iter().filter(|(p, _)| *p != 0) {
        // SAFETY: per the cache's invariant, `p` is a `malloc` block nothing refers to.
        unsafe { libc::free(p as *mut libc::c_void) };
    }
}

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

/// Runs `alloc`; when it fails, frees the cached blocks and runs it once more.
fn or_after_draining(alloc: impl Fn() -> *mut u8) -> *mut u8 {
    let p = alloc();
    if !p.is_null() {
        return p;
    }
    let blocks = cache().drain();
    if blocks.iter().all(|(p, _)| *p == 0) {
        return p;
    }
    free_blocks(&blocks);
    alloc()
}

/// [`Allocator::alloc`] for a block of [`HUGE_MIN`] bytes or more: from the cache, else from
/// `System` (draining the cache if memory runs short), advised.
#[cold]
#[inline(never)]
unsafe fn alloc_big(layout: Layout, zeroed: bool) -> *mut u8 {
    // (Not for a zeroed block: fresh pages come zeroed for free.)
    if !zeroed && layout.align() <= MALLOC_ALIGN {
        if let Some(p) = cache().take(layout.size()) {
            return p;
        }
    }
    let p = or_after_draining(|| {
        // SAFETY: as the caller of `alloc` promises.
        unsafe {
            if zeroed {
                System.alloc_zeroed(layout)
            } else {
                System.alloc(layout)
            }
        }
    });
    advised(p, layout.size())
}

/// [`Allocator::dealloc`] for a block of [`HUGE_MIN`] bytes or more: kept in the cache.
#[cold]
#[inline(never)]
unsafe fn dealloc_big(p: *mut u8, layout: Layout) {
    if layout.align() <= MALLOC_ALIGN {
        let evicted = cache().keep(p, layout.size());
        free_blocks(&evicted);
    } else {
        // SAFETY: as the caller of `dealloc` promises.
        unsafe { System.dealloc(p, layout) }
    }
}

/// [`Allocator::realloc`] to a size of [`HUGE_MIN`] bytes or more (draining the cache if
/// memory runs short), advised.
#[cold]
#[inline(never)]
unsafe fn realloc_big(p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    // SAFETY: as the caller of `realloc` promises.
    let q = or_after_draining(|| unsafe { System.realloc(p, layout, new_size) });
    advised(q, new_size)
}

// SAFETY: every method forwards to `System`, which upholds the `GlobalAlloc` contract, or
// hands out a cached block, which is a `malloc` block at least as big and as aligned as asked
// that nothing else refers to (the cache's invariant); `System` frees and grows such blocks
// with `free` and `realloc`, whatever size they were asked with. The advice does not touch the
// memory's contents. Small blocks, nearly all of them, go straight to `System` (a compare and
// a tail call).
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= HUGE_MIN {
            // SAFETY: as the caller promises.
            return unsafe { alloc_big(layout, false) };
        }
        // SAFETY: as the caller promises.
        unsafe { System.alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= HUGE_MIN {
            // SAFETY: as the caller promises.
            return unsafe { alloc_big(layout, true) };
        }
        // SAFETY: as the caller promises.
        unsafe { System.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if layout.size() >= HUGE_MIN {
            // SAFETY: as the caller promises.
            return unsafe { dealloc_big(p, layout) };
        }
        // SAFETY: as the caller promises.
        unsafe { System.dealloc(p, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= HUGE_MIN {
            // SAFETY: as the caller promises.
            return unsafe { realloc_big(p, layout, new_size) };
        }
        // SAFETY: as the caller promises.
        unsafe { System.realloc(p, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_reuses_blocks_of_about_the_size_asked() {
        let mut c = BlockCache {
            blocks: [(0, 0); CACHED_BLOCKS],
            bytes: 0,
        };
        let none = [(0, 0); CACHED_BLOCKS + 1];
        assert_eq!(c.keep(0x1000 as *mut u8, 64 << 20), none);
        assert_eq!(c.take(128 << 20), None, "too small");
        assert_eq!(c.take(16 << 20), None, "too big to strand");
        assert_eq!(c.take(40 << 20), Some(0x1000 as *mut u8));
        assert_eq!(c.bytes, 0);
        assert_eq!(c.take(40 << 20), None, "taken once");
    }

    #[test]
    fn cache_evicts_the_smallest_blocks_to_stay_bounded() {
        let mut c = BlockCache {
            blocks: [(0, 0); CACHED_BLOCKS],
            bytes: 0,
        };
        for i in 1..=CACHED_BLOCKS {
            c.keep((i * 0x1000) as *mut u8, i << 20);
        }
        let evicted = c.keep(0x9000 as *mut u8, 10 << 20);
        assert_eq!(evicted[0], (0x1000, 1 << 20));
        assert_eq!(evicted[1], (0, 0));
        let evicted = c.keep(0xa000 as *mut u8, CACHED_BYTES_MAX);
        assert_eq!(
            evicted.iter().filter(|(p, _)| *p != 0).count(),
            CACHED_BLOCKS
        );
        assert_eq!(c.bytes, CACHED_BYTES_MAX);
        let evicted = c.keep(0xb000 as *mut u8, CACHED_BYTES_MAX + 1);
        assert_eq!(evicted[0], (0xb000, CACHED_BYTES_MAX + 1));
        assert_eq!(c.drain().iter().filter(|(p, _)| *p != 0).count(), 1);
    }
}
