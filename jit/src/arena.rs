//! Executable memory for emitted code: one reservation near the binary's text, handed out in
//! page-granular blocks that are written while read-write and then flipped to read-execute.
//!
//! Never RWX: a block's pages are `PROT_NONE` while free, `PROT_READ | PROT_WRITE` while
//! [`RwBlock`] fills them, and `PROT_READ | PROT_EXEC` once [`RwBlock::seal`] returns the
//! [`CodeBlock`]. Blocks own whole pages, so flipping one never touches another's code.
//!
//! Placement: code reaches runtime helpers in the binary with `call rel32`, so the arena is
//! reserved (with `MAP_FIXED_NOREPLACE` at a few candidate addresses) within ±2 GiB of the
//! executable image that holds a given anchor function. When no candidate is free, the arena
//! lands anywhere and [`Arena::is_near`] says so; the emitter then routes far calls through
//! veneers, so placement is a speed matter, never a correctness one.

use std::io;
use std::ptr;

/// Default reservation: address space only (pages are committed when a block is written).
pub const DEFAULT_SIZE: usize = 64 << 20;

/// Largest distance a rel32 displacement covers, with a margin for the instruction's length.
const REL32_REACH: usize = (1 << 31) - (1 << 20);

/// Span assumed around the anchor when the image's extent cannot be read.
const FALLBACK_IMAGE_SPAN: usize = 64 << 20;

/// A range of code addresses `[lo, hi)` that arena code must reach with rel32.
pub type Reach = (usize, usize);

enum Mapping {
    /// Our own `mmap` at a placement hint; unmapped on drop.
    Placed,
    /// A plain anonymous mapping where no hint worked; memmap2 unmaps it.
    Anon(#[allow(dead_code)] memmap2::MmapMut),
}

/// A reservation of executable memory, handing out page-granular blocks.
pub struct Arena {
    base: *mut u8,
    size: usize,
    page: usize,
    /// Free runs `(offset, len)` in bytes, page multiples, sorted by offset and coalesced.
    free: Vec<(usize, usize)>,
    mapping: Mapping,
    /// The image range this arena was placed to reach, when it does.
    reach: Option<Reach>,
}

// SAFETY: the arena owns its mapping and keeps no thread-affine state; `&mut self` methods
// serialize every change.
unsafe impl Send for Arena {}

/// Pages of an [`Arena`] being written (read-write, not executable).
///
/// Dropping it without [`RwBlock::seal`] returns the pages to the arena.
pub struct RwBlock<'a> {
    arena: &'a mut Arena,
    off: usize,
    len: usize,
}

/// Sealed, executable code: a handle (address and length) to pages of an [`Arena`].
#[derive(Debug, PartialEq, Eq)]
pub struct CodeBlock {
    addr: usize,
    len: usize,
}

impl CodeBlock {
    /// Address of the first byte.
    pub fn addr(&self) -> usize {
        self.addr
    }
    /// Length in bytes (a page multiple).
    pub fn len(&self) -> usize {
        self.len
    }
    /// Whether the block is empty (never: blocks have at least one page).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The system page size.
pub fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as usize
    } else {
        4096
    }
}

/// The address range of the executable image (all its `PT_LOAD` segments) that contains
/// `anchor`, read with `dl_iterate_phdr`.
pub fn image_range(anchor: usize) -> Option<Reach> {
    struct Search {
        anchor: usize,
        found: Option<Reach>,
    }
    unsafe extern "C" fn visit(
        info: *mut libc::dl_phdr_info,
        _size: libc::size_t,
        data: *mut libc::c_void,
    ) -> libc::c_int {
        // SAFETY: dl_iterate_phdr passes a valid info and our `Search` as `data`.
        let (info, search) = unsafe { (&*info, &mut *(data as *mut Search)) };
        let (mut lo, mut hi, mut hit) = (usize::MAX, 0usize, false);
        for i in 0..info.dlpi_phnum as usize {
            // SAFETY: dlpi_phdr points at dlpi_phnum program headers.
            let ph = unsafe { &*info.dlpi_phdr.add(i) };
            if ph.p_type != libc::PT_LOAD {
                continue;
            }
            let start = info.dlpi_addr as usize + ph.p_vaddr as usize;
            let end = start + ph.p_memsz as usize;
            lo = lo.min(start);
            hi = hi.max(end);
            hit |= (start..end).contains(&search.anchor);
        }
        if hit {
            search.found = Some((lo, hi));
            return 1;
        }
        0
    }
    let mut search = Search {
        anchor,
        found: None,
    };
    // SAFETY: the callback only reads the headers it is given and writes `search`.
    unsafe { libc::dl_iterate_phdr(Some(visit), &mut search as *mut Search as *mut libc::c_void) };
    search.found
}

/// Whether every address of `[start, start + size)` reaches every address of `reach` by rel32.
pub fn reaches(start: usize, size: usize, reach: Reach) -> bool {
    let end = start + size;
    end.saturating_sub(reach.0)
        .max(reach.1.saturating_sub(start))
        <= REL32_REACH
}

impl Arena {
    /// Reserves `size` bytes near the executable image holding this crate's code, so emitted
    /// code reaches the binary's functions by rel32.
    pub fn new(size: usize) -> io::Result<Arena> {
        let anchor = Arena::new as *const () as usize;
        let reach = image_range(anchor).unwrap_or((
            anchor.saturating_sub(FALLBACK_IMAGE_SPAN),
            anchor + FALLBACK_IMAGE_SPAN,
        ));
        Arena::near(size, reach)
    }

    /// Reserves `size` bytes within rel32 reach of the whole range `reach`, or anywhere when no
    /// nearby address is free.
    pub fn near(size: usize, reach: Reach) -> io::Result<Arena> {
        let page = page_size();
        let size = size.div_ceil(page) * page;
        if size == 0 || size > REL32_REACH / 2 {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "arena size"));
        }
        let align = |a: usize| a & !(page - 1);
        // Candidates below the image first (above it, the brk heap grows), nearest first.
        let mut hints = Vec::new();
        for gap in [16usize << 20, 64 << 20, 256 << 20, 1 << 30] {
            if let Some(start) = reach.0.checked_sub(gap + size) {
                hints.push(align(start));
            }
        }
        for gap in [256usize << 20, 1 << 30] {
            hints.push(align(reach.1 + gap + page));
        }
        for hint in hints {
            if hint == 0 || !reaches(hint, size, reach) {
                continue;
            }
            if let Some(base) = map_at(hint, size) {
                if reaches(base as usize, size, reach) {
                    return Ok(Arena::with_mapping(
                        base,
                        size,
                        page,
                        Mapping::Placed,
                        Some(reach),
                    ));
                }
                // An old kernel took the flag as a mere hint and put it elsewhere.
                // SAFETY: `base` is the mapping just made, unused.
                unsafe { libc::munmap(base as *mut libc::c_void, size) };
            }
        }
        Arena::anywhere(size)
    }

    /// Reserves `size` bytes exactly at `addr` (page-aligned); an error when that range is
    /// taken. Tests use it to put code far from the binary.
    pub fn at(addr: usize, size: usize) -> io::Result<Arena> {
        let page = page_size();
        let size = size.div_ceil(page) * page;
        if !addr.is_multiple_of(page) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "unaligned arena",
            ));
        }
        match map_at(addr, size) {
            Some(base) if base as usize == addr => {
                Ok(Arena::with_mapping(base, size, page, Mapping::Placed, None))
            }
            Some(base) => {
                // SAFETY: `base` is the mapping just made, unused.
                unsafe { libc::munmap(base as *mut libc::c_void, size) };
                Err(io::Error::new(
                    io::ErrorKind::AddrInUse,
                    "arena address taken",
                ))
            }
            None => Err(io::Error::last_os_error()),
        }
    }

    /// Reserves `size` bytes wherever the kernel puts them (tests use it to force veneers).
    pub fn anywhere(size: usize) -> io::Result<Arena> {
        let page = page_size();
        let size = size.div_ceil(page) * page;
        let mut map = memmap2::MmapOptions::new().len(size).map_anon()?;
        let base = map.as_mut_ptr();
        // SAFETY: `base..base + size` is the mapping just made; PROT_NONE until blocks use it.
        if unsafe { libc::mprotect(base as *mut libc::c_void, size, libc::PROT_NONE) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(Arena::with_mapping(
            base,
            size,
            page,
            Mapping::Anon(map),
            None,
        ))
    }

    fn with_mapping(
        base: *mut u8,
        size: usize,
        page: usize,
        mapping: Mapping,
        reach: Option<Reach>,
    ) -> Arena {
        Arena {
            base,
            size,
            page,
            free: vec![(0, size)],
            mapping,
            reach,
        }
    }

    /// First address of the reservation.
    pub fn base(&self) -> usize {
        self.base as usize
    }

    /// Size of the reservation in bytes.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the arena was placed within rel32 reach of the image it was asked to reach.
    pub fn is_near(&self) -> bool {
        self.reach.is_some()
    }

    /// Whether `addr` lies in the reservation.
    pub fn contains(&self, addr: usize) -> bool {
        (self.base()..self.base() + self.size).contains(&addr)
    }

    /// Bytes currently handed out to blocks.
    pub fn used(&self) -> usize {
        self.size - self.free.iter().map(|r| r.1).sum::<usize>()
    }

    /// A read-write block of at least `len` bytes (rounded up to pages), or `None` when the
    /// arena is full.
    pub fn alloc(&mut self, len: usize) -> io::Result<Option<RwBlock<'_>>> {
        let len = len.max(1).div_ceil(self.page) * self.page;
        let Some(i) = self.free.iter().position(|r| r.1 >= len) else {
            return Ok(None);
        };
        let off = self.free[i].0;
        if self.free[i].1 == len {
            self.free.remove(i);
        } else {
            self.free[i] = (off + len, self.free[i].1 - len);
        }
        // SAFETY: the pages are inside the reservation and owned by no block.
        if let Err(e) = unsafe { self.protect(off, len, libc::PROT_READ | libc::PROT_WRITE) } {
            self.release(off, len);
            return Err(e);
        }
        Ok(Some(RwBlock {
            arena: self,
            off,
            len,
        }))
    }

    /// Returns a sealed block's pages to the arena (no longer executable, contents dropped).
    ///
    /// # Safety
    /// No code may run in the block, or jump into it, after this call: nothing on any native
    /// stack returns into it and no other code still targets it.
    pub unsafe fn free(&mut self, block: CodeBlock) {
        assert!(
            self.contains(block.addr) && block.addr + block.len <= self.base() + self.size,
            "block outside the arena"
        );
        let off = block.addr - self.base();
        // SAFETY: the block's pages are ours; the caller guarantees no code uses them.
        unsafe {
            let _ = self.protect(off, block.len, libc::PROT_NONE);
            libc::madvise(
                self.base.add(off) as *mut libc::c_void,
                block.len,
                libc::MADV_DONTNEED,
            );
        }
        self.release(off, block.len);
    }

    /// Puts `(off, len)` back on the free list, coalescing with its neighbours.
    fn release(&mut self, off: usize, len: usize) {
        let i = self.free.partition_point(|r| r.0 < off);
        self.free.insert(i, (off, len));
        if i + 1 < self.free.len() && self.free[i].0 + self.free[i].1 == self.free[i + 1].0 {
            self.free[i].1 += self.free[i + 1].1;
            self.free.remove(i + 1);
        }
        if i > 0 && self.free[i - 1].0 + self.free[i - 1].1 == self.free[i].0 {
            self.free[i - 1].1 += self.free[i].1;
            self.free.remove(i);
        }
    }

    /// Sets the protection of whole pages `[off, off + len)`.
    ///
    /// # Safety
    /// The range must be inside the reservation, and no other block's pages.
    unsafe fn protect(&self, off: usize, len: usize, prot: libc::c_int) -> io::Result<()> {
        debug_assert!(
            off.is_multiple_of(self.page)
                && len.is_multiple_of(self.page)
                && off + len <= self.size
        );
        // SAFETY: the caller keeps the range inside our mapping.
        let r = unsafe { libc::mprotect(self.base.add(off) as *mut libc::c_void, len, prot) };
        if r == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        if let Mapping::Placed = self.mapping {
            // SAFETY: the reservation is ours; the caller of `free` guarantees no code in it runs.
            unsafe { libc::munmap(self.base as *mut libc::c_void, self.size) };
        }
    }
}

/// Maps `size` bytes of inaccessible address space exactly at `hint`, or `None`.
fn map_at(hint: usize, size: usize) -> Option<*mut u8> {
    // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping; the result is checked.
    let p = unsafe {
        libc::mmap(
            hint as *mut libc::c_void,
            size,
            libc::PROT_NONE,
            libc::MAP_PRIVATE
                | libc::MAP_ANONYMOUS
                | libc::MAP_NORESERVE
                | libc::MAP_FIXED_NOREPLACE,
            -1,
            0,
        )
    };
    (p != libc::MAP_FAILED).then_some(p as *mut u8)
}

impl RwBlock<'_> {
    /// Address of the first byte (where the code will run).
    pub fn addr(&self) -> usize {
        self.arena.base() + self.off
    }

    /// Length in bytes (a page multiple).
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the block is empty (never: blocks have at least one page).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The block's bytes, to write the code into.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: the pages are read-write and owned by this block alone while it lives.
        unsafe { std::slice::from_raw_parts_mut(self.arena.base.add(self.off), self.len) }
    }

    /// Flips the block to read-execute and returns its handle.
    pub fn seal(self) -> io::Result<CodeBlock> {
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: `this` is never used again except through these copies; the arena borrow
        // stays valid for the rest of this function.
        let (arena, off, len) = unsafe { (ptr::read(&this.arena), this.off, this.len) };
        // SAFETY: the block's own pages.
        match unsafe { arena.protect(off, len, libc::PROT_READ | libc::PROT_EXEC) } {
            Ok(()) => Ok(CodeBlock {
                addr: arena.base() + off,
                len,
            }),
            Err(e) => {
                // SAFETY: the block's own pages, never executable.
                unsafe {
                    let _ = arena.protect(off, len, libc::PROT_NONE);
                }
                arena.release(off, len);
                Err(e)
            }
        }
    }
}

impl Drop for RwBlock<'_> {
    fn drop(&mut self) {
        // SAFETY: the block's own pages, never executable.
        unsafe {
            let _ = self.arena.protect(self.off, self.len, libc::PROT_NONE);
        }
        self.arena.release(self.off, self.len);
    }
}

/// The protection of the page holding `addr`, read from `/proc/self/maps` (for tests and
/// diagnostics): e.g. `"r-xp"`.
pub fn protection_of(addr: usize) -> Option<String> {
    let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
    for line in maps.lines() {
        let mut parts = line.split_whitespace();
        let range = parts.next()?;
        let perms = parts.next()?;
        let (a, b) = range.split_once('-')?;
        let (a, b) = (
            usize::from_str_radix(a, 16).ok()?,
            usize::from_str_radix(b, 16).ok()?,
        );
        if (a..b).contains(&addr) {
            return Some(perms.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_near_the_image() {
        let a = Arena::new(DEFAULT_SIZE).unwrap();
        assert!(a.is_near(), "arena at {:#x} not near the binary", a.base());
        let f = placed_near_the_image as *const () as usize;
        assert!(a.base().abs_diff(f) < 1 << 31);
        assert!((a.base() + a.size()).abs_diff(f) < 1 << 31);
    }

    #[test]
    fn image_range_contains_the_anchor() {
        let f = image_range_contains_the_anchor as *const () as usize;
        let (lo, hi) = image_range(f).unwrap();
        assert!(lo <= f && f < hi);
    }

    #[test]
    fn rw_then_rx_never_rwx() {
        let mut a = Arena::new(1 << 20).unwrap();
        let page = page_size();
        let mut b = a.alloc(10).unwrap().unwrap();
        assert_eq!(b.len(), page);
        let addr = b.addr();
        assert_eq!(protection_of(addr).unwrap(), "rw-p");
        // mov eax, 42; ret
        b.bytes_mut()[..6].copy_from_slice(&[0xB8, 42, 0, 0, 0, 0xC3]);
        let code = b.seal().unwrap();
        assert_eq!(protection_of(addr).unwrap(), "r-xp");
        // SAFETY: the block holds a complete function with the C ABI.
        let f: extern "C" fn() -> u32 = unsafe { std::mem::transmute(code.addr()) };
        assert_eq!(f(), 42);
        // SAFETY: nothing runs the block any more.
        unsafe { a.free(code) };
        assert_eq!(protection_of(addr).unwrap(), "---p");
        assert_eq!(a.used(), 0);
    }

    #[test]
    fn blocks_reuse_freed_pages() {
        let mut a = Arena::anywhere(16 * page_size()).unwrap();
        let page = page_size();
        let b1 = a.alloc(page).unwrap().unwrap().seal().unwrap();
        let b2 = a.alloc(2 * page).unwrap().unwrap().seal().unwrap();
        let b3 = a.alloc(page).unwrap().unwrap().seal().unwrap();
        assert_eq!(b2.addr(), b1.addr() + page);
        assert_eq!(a.used(), 4 * page);
        let (b1_addr, b2_addr) = (b1.addr(), b2.addr());
        // SAFETY: never run.
        unsafe {
            a.free(b2);
            a.free(b1);
        }
        // The two freed runs coalesced: a 3-page block fits where they were.
        let b4 = a.alloc(3 * page).unwrap().unwrap().seal().unwrap();
        assert_eq!(b4.addr(), b1_addr);
        assert!(b2_addr > b4.addr());
        // An abandoned RwBlock gives its pages back.
        drop(a.alloc(page).unwrap().unwrap());
        assert_eq!(a.used(), 4 * page);
        // Full: no block.
        assert!(a.alloc(13 * page).unwrap().is_none());
        // SAFETY: never run.
        unsafe {
            a.free(b3);
            a.free(b4);
        }
        assert_eq!(a.used(), 0);
        assert!(a.alloc(16 * page).unwrap().is_some());
    }
}
