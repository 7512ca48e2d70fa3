//! Tiering state: the switches (`--jit`, `APYTHON_JIT`, `APYTHON_JIT_THRESHOLD`, perf and gdb
//! registration), the per-code-object JIT slot ([`CodeJit`]: hotness counter and compiled
//! code), the code arena, and entering compiled code from tier 1 ([`run`]).
//!
//! Compiled code of a code object lives until the code object dies, or until it is replaced by
//! a recompilation (a few times at most: when code compiled before tier 1 specialized its
//! arithmetic stays hot, or when its guards keep failing because tier 1 re-specialized).
//! Code that may still be on the native stack (compiled code calls `apy_dealloc`, which can
//! run `__del__`, which runs the eval loop again) is not freed then: it waits in a graveyard
//! until no compiled code is running.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;

use apython_jit::{Arena, CodeBlock};

use super::compile::{compile, Emitted, PolyCaches, NO_ENTRY};
use crate::abi::{Exit, Frame, JitFn, Value};
use crate::objects::code::Code;

static ENABLED: AtomicBool = AtomicBool::new(false);
static THRESHOLD: AtomicU32 = AtomicU32::new(DEFAULT_THRESHOLD);
static PERF: AtomicBool = AtomicBool::new(false);
static GDB: AtomicBool = AtomicBool::new(false);
static STATS: AtomicBool = AtomicBool::new(false);
static DUMP: AtomicBool = AtomicBool::new(false);

/// Exit code of a failed guard (compiled as an `EXIT` with this code): tier 1 resumes at
/// `frame.ip` as for [`exit::DEOPT`](crate::abi::exit::DEOPT), and counts the failure
/// ([`CodeJit::guard_failed`]), so code whose specializations changed gets recompiled.
pub const GUARD_EXIT: u64 = 3;

/// Guard failures of a code object's compiled code that make it compile again.
const GUARD_FAILS_BEFORE_RECOMPILE: u32 = 50;

/// Most compilations of one code object (the first one included).
const MAX_COMPILES: u32 = 4;

/// Calls plus backward jumps of a code object before it is compiled.
pub const DEFAULT_THRESHOLD: u32 = 500;

/// Counter value (past the first compile) at which code compiled before tier 1 specialized
/// some of its arithmetic is compiled again.
const RECOMPILE_AFTER: u32 = 64;

/// Reservation for compiled code (address space; pages are committed per block).
const ARENA_SIZE: usize = 512 << 20;

/// Sets the switches from the command line (`jit_flag`: `--jit`; `perf_flag`: `-X perf`) and
/// the environment (`APYTHON_JIT`, `APYTHON_JIT_THRESHOLD`, `PYTHONPERFSUPPORT`,
/// `APYTHON_GDB_JIT`, `APYTHON_JIT_STATS`, `APYTHON_JIT_DUMP`).
pub fn configure(jit_flag: bool, perf_flag: bool) {
    let env = |k: &str| std::env::var(k).ok();
    let on = match env("APYTHON_JIT").as_deref() {
        Some("0") => false,
        Some("1") => true,
        _ => jit_flag,
    };
    if let Some(n) = env("APYTHON_JIT_THRESHOLD").and_then(|v| v.trim().parse::<u32>().ok()) {
        THRESHOLD.store(n, Relaxed);
    }
    let perf = perf_flag || env("PYTHONPERFSUPPORT").is_some_and(|v| v == "1");
    PERF.store(perf, Relaxed);
    GDB.store(env("APYTHON_GDB_JIT").is_some_and(|v| v == "1"), Relaxed);
    STATS.store(env("APYTHON_JIT_STATS").is_some_and(|v| v == "1"), Relaxed);
    DUMP.store(env("APYTHON_JIT_DUMP").is_some_and(|v| v == "1"), Relaxed);
    ENABLED.store(on, Relaxed);
}

/// Whether tier 2 is on: the one check tier 1 makes at `RESUME` and `JUMP_BACKWARD`.
#[inline(always)]
pub fn enabled() -> bool {
    ENABLED.load(Relaxed)
}

/// Counts for `APYTHON_JIT_STATS=1` (printed at exit by [`print_stats`]).
static COMPILED: AtomicU64 = AtomicU64::new(0);
static FAILED: AtomicU64 = AtomicU64::new(0);
static ENTRIES: AtomicU64 = AtomicU64::new(0);
static OPS: AtomicU64 = AtomicU64::new(0);
/// Exits to tier 1 by the opcode tier 1 resumes at (guard failures counted apart).
static EXITS: Mutex<Vec<(u64, u64)>> = Mutex::new(Vec::new());

/// Whether `APYTHON_JIT_DUMP=1` (compilations keep their stencil listing).
pub fn dump_enabled() -> bool {
    DUMP.load(Relaxed)
}

/// Whether `APYTHON_JIT_STATS=1`.
#[inline(always)]
pub fn stats_enabled() -> bool {
    STATS.load(Relaxed)
}

/// Counts an exit of compiled code to tier 1 at instruction `op` (for `APYTHON_JIT_STATS`).
#[cold]
pub fn count_exit(op: u8, guard: bool) {
    let mut e = EXITS.lock().unwrap_or_else(|e| e.into_inner());
    if e.is_empty() {
        e.resize(256, (0, 0));
    }
    if guard {
        e[op as usize].1 += 1;
    } else {
        e[op as usize].0 += 1;
    }
}

fn bump(c: &AtomicU64, n: u64) {
    c.store(c.load(Relaxed) + n, Relaxed);
}

/// Prints the JIT's counts to stderr when `APYTHON_JIT_STATS=1`.
pub fn print_stats() {
    if !STATS.load(Relaxed) {
        return;
    }
    eprintln!(
        "jit: {} code objects compiled ({} ops as stencils), {} failed, {} entries into compiled code",
        COMPILED.load(Relaxed),
        OPS.load(Relaxed),
        FAILED.load(Relaxed),
        ENTRIES.load(Relaxed),
    );
    let e = EXITS.lock().unwrap_or_else(|e| e.into_inner());
    let mut rows: Vec<(u64, u64, usize)> = e
        .iter()
        .enumerate()
        .filter(|(_, c)| c.0 + c.1 > 0)
        .map(|(op, c)| (c.0, c.1, op))
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.0 + r.1));
    for (plain, guard, op) in rows.iter().take(12) {
        eprintln!(
            "jit:   exits at {:<28} {:>10} ({} failed guards)",
            crate::vm::opcodes::NAMES[*op],
            plain + guard,
            guard
        );
    }
}

/// The code arena, reserved on first compile; `None` when that failed.
static ARENA: Mutex<Option<Arena>> = Mutex::new(None);
static ARENA_FAILED: AtomicBool = AtomicBool::new(false);

/// Nesting depth of compiled code on the native stack (one thread runs Python).
static DEPTH: AtomicUsize = AtomicUsize::new(0);
/// Retired code blocks, with the caches their code points to, waiting for `DEPTH` to reach 0.
static GRAVEYARD: Mutex<Vec<(CodeBlock, PolyCaches)>> = Mutex::new(Vec::new());
static GRAVEYARD_FULL: AtomicBool = AtomicBool::new(false);

/// Runs compiled code on frame `f` (whose `ip` and `sp` tier 1 has stored) from `entry`.
/// Returns the exit code; the frame's `ip` and `sp` say where tier 1 continues.
///
/// # Safety
/// `entry` is an entry of the compiled code of `f`'s code object for `f.ip`, and `sp` is
/// `f`'s stack pointer, with the stack as tier 1 has it before that instruction.
#[inline(always)]
pub unsafe fn run(entry: JitFn, f: *mut Frame, sp: *mut Value) -> Exit {
    let d = DEPTH.load(Relaxed);
    DEPTH.store(d + 1, Relaxed);
    if STATS.load(Relaxed) {
        bump(&ENTRIES, 1);
    }
    // SAFETY: as the caller promises; compiled code only reads and writes the frame, its
    // values, and objects reached from them.
    let x = unsafe { entry(f, sp, crate::vm::frame::frames()) };
    DEPTH.store(d, Relaxed);
    if d == 0 && GRAVEYARD_FULL.load(Relaxed) {
        free_graveyard();
    }
    x
}

#[cold]
fn free_graveyard() {
    let blocks = std::mem::take(&mut *GRAVEYARD.lock().unwrap_or_else(|e| e.into_inner()));
    GRAVEYARD_FULL.store(false, Relaxed);
    let mut a = ARENA.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(arena) = a.as_mut() {
        for (b, caches) in blocks {
            // SAFETY: no compiled code is on the native stack (depth 0), and nothing jumps
            // into a retired block (its code object no longer refers to it).
            unsafe { arena.free(b) };
            drop(caches);
        }
    }
}

/// Frees `block` and the caches its code points to now, or once no compiled code is running.
fn retire(block: CodeBlock, caches: PolyCaches) {
    if DEPTH.load(Relaxed) == 0 {
        let mut a = ARENA.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(arena) = a.as_mut() {
            // SAFETY: no compiled code is on the native stack, and the block's owner is gone.
            unsafe { arena.free(block) };
        }
    } else {
        GRAVEYARD
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((block, caches));
        GRAVEYARD_FULL.store(true, Relaxed);
    }
}

/// The compiled code of one code object.
struct JitCode {
    block: Option<CodeBlock>,
    /// Bytes of code at the start of the block.
    code_len: usize,
    /// Offset of the entry at each code unit, or `NO_ENTRY`.
    entries: Box<[u32]>,
    /// Compiled while some arithmetic was still generic: worth compiling again later.
    wants_recompile: bool,
    gdb: Option<apython_jit::gdb::Registration>,
    /// The attribute sites' polymorphic caches the code points to.
    caches: PolyCaches,
}

impl Drop for JitCode {
    fn drop(&mut self) {
        // Unregister from gdb before the code goes away.
        drop(self.gdb.take());
        if let Some(b) = self.block.take() {
            retire(b, std::mem::take(&mut self.caches));
        }
    }
}

/// The JIT's slot in a code object: hotness counter and compiled code.
#[derive(Default)]
pub struct CodeJit {
    counter: Cell<u32>,
    failed: Cell<bool>,
    /// Times compiled so far, and guard failures of the current code.
    compiles: Cell<u32>,
    guard_fails: Cell<u32>,
    /// Instructions whose guard failed (first code unit, opcode at the time).
    failing: Cell<Vec<(usize, u8)>>,
    code: Cell<Option<Box<JitCode>>>,
    /// Base address of the compiled block (0 when none), next to `entries` for the fast path.
    base: Cell<usize>,
    entries: Cell<usize>,
    n_entries: Cell<usize>,
    recompile_at: Cell<u32>,
    /// What compiled calls read of this code: the entry of a new frame of it (see
    /// [`call_entry`]) while it needs no counting, and its frame's shape.
    call_info: crate::abi::CallInfo,
}

/// Byte offset of a code object's [`CallInfo`](crate::abi::CallInfo) in its payload (a
/// compiled call reads it from the callee's code).
pub const CALL_INFO_OFFSET: usize =
    std::mem::offset_of!(Code, jit) + std::mem::offset_of!(CodeJit, call_info);

impl CodeJit {
    /// Counts one call or backward jump of `code` and returns the compiled code's entry at
    /// code unit `ip` if there is one, compiling `code` when it just got hot.
    #[inline(always)]
    pub fn entry(&self, code: &Code, ip: usize) -> Option<JitFn> {
        let base = self.base.get();
        if base == 0 || self.recompile_at.get() != 0 {
            return self.slow_entry(code, ip);
        }
        self.lookup(base, ip)
    }

    /// The compiled entry at `ip` if this code is compiled and has one there, without counting
    /// towards the hotness threshold: tier 1 asks this after running an instruction that
    /// compiled code exited for (and after a return into this code), to go back in.
    #[inline(always)]
    pub fn resume_entry(&self, ip: usize) -> Option<JitFn> {
        let base = self.base.get();
        if base == 0 || self.recompile_at.get() != 0 {
            // Not compiled, or due to be compiled again: tier 1's next `RESUME` or
            // `JUMP_BACKWARD` counts towards that.
            return None;
        }
        self.lookup(base, ip)
    }

    #[inline(always)]
    fn lookup(&self, base: usize, ip: usize) -> Option<JitFn> {
        if ip >= self.n_entries.get() {
            return None;
        }
        // SAFETY: `entries` points at `n_entries` offsets owned by `self.code`.
        let off = unsafe { *(self.entries.get() as *const u32).add(ip) };
        if off == NO_ENTRY {
            return None;
        }
        // SAFETY: an entry is the start of a stencil of the sealed block, all of which have
        // the `JitFn` signature.
        Some(unsafe { std::mem::transmute::<usize, JitFn>(base + off as usize) })
    }

    /// The compiled entry of a frame that a compiled call just pushed, when no counting is
    /// due ([`call_entry`] otherwise): one load.
    #[inline(always)]
    pub fn fast_call_entry(&self) -> usize {
        self.call_info.entry.get()
    }

    /// Whether `addr` is in the current compiled code of this code object, and that code is
    /// not due to be compiled again (a return point a compiled call may store: code that was
    /// replaced must never be returned into).
    #[inline(always)]
    pub fn owns(&self, addr: usize) -> bool {
        self.call_info.owns(addr)
    }

    /// Recomputes [`fast_call_entry`](Self::fast_call_entry) after `base` or `recompile_at`
    /// changed.
    fn refresh_fast_call(&self, code: &Code) {
        use crate::objects::code::co_flags;
        // SAFETY: a code object has at least one instruction.
        let starts_plainly = unsafe { *code.code_ptr() } == crate::vm::opcodes::RESUME
            && code.kwonlyargcount == 0
            && code.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0;
        let e = match self.base.get() {
            0 => None,
            _ if self.recompile_at.get() != 0 || !starts_plainly => None,
            base => self.lookup(base, 1),
        };
        let info = &self.call_info;
        info.nargs.set(code.argcount as usize);
        info.nlocalsplus.set(code.nlocalsplus());
        info.frame_size
            .set(code.nlocalsplus() + code.stacksize as usize);
        info.entry.set(e.map_or(0, |f| f as usize));
    }

    /// A guard of the compiled code failed (a [`GUARD_EXIT`]): after enough of them, compile
    /// the code again from its current (re-specialized) bytecode at the next entry.
    #[cold]
    pub fn guard_failed(&self, code: &Code, ip: usize) {
        // The instruction as tier 1 has it now, before running it.
        // SAFETY: tier 1 writes the instructions only from this thread, and not while we read.
        let bytes: &[u8] = unsafe { &(*code.instrs.get()) };
        let mut at = ip;
        while bytes.get(2 * at) == Some(&crate::vm::opcodes::EXTENDED_ARG) {
            at += 1;
        }
        if let Some(&op) = bytes.get(2 * at) {
            // SAFETY: only this thread touches the slot, and no reference into it is held.
            let failing = unsafe { &mut *self.failing.as_ptr() };
            if failing.len() < 64 && !failing.contains(&(ip, op)) {
                failing.push((ip, op));
            }
        }
        let n = self.guard_fails.get() + 1;
        self.guard_fails.set(n);
        if n >= GUARD_FAILS_BEFORE_RECOMPILE
            && self.compiles.get() < MAX_COMPILES
            && self.recompile_at.get() == 0
            && self.base.get() != 0
        {
            // Give tier 1 time to specialize the instruction again first.
            self.recompile_at.set(self.counter.get() + RECOMPILE_AFTER);
            // Calls count towards that again, and returns go on in tier 1 (as they do
            // through `resume_entry`), which counts its entries.
            self.refresh_fast_call(code);
            self.call_info.block_len.set(0);
            crate::vm::frame::frames().forget_returns_into(code);
        }
    }

    #[cold]
    #[inline(never)]
    fn slow_entry(&self, code: &Code, ip: usize) -> Option<JitFn> {
        let c = self.counter.get().saturating_add(1);
        self.counter.set(c);
        let base = self.base.get();
        if base != 0 {
            // Compiled before some of its arithmetic was specialized: compile again once.
            if c >= self.recompile_at.get() {
                self.recompile_at.set(0);
                self.install(code);
            }
            let base = self.base.get();
            return if base == 0 {
                None
            } else {
                self.lookup(base, ip)
            };
        }
        if self.failed.get() || c <= THRESHOLD.load(Relaxed) {
            return None;
        }
        self.install(code);
        let base = self.base.get();
        if base == 0 {
            None
        } else {
            self.lookup(base, ip)
        }
    }

    /// Compiles `code` and installs the result (retiring any previous code); marks the code
    /// object as failed when it cannot be compiled.
    #[cold]
    fn install(&self, code: &Code) {
        // Sites that failed and that tier 1 still runs in the same specialized form: keep them
        // in tier 1 (those that tier 1 re-specialized compile to their new form).
        let failing = self.failing.take();
        // SAFETY: tier 1 writes the instructions only from this thread, and not while we read.
        let bytes: &[u8] = unsafe { &(*code.instrs.get()) };
        let mut keep: Vec<(usize, u8)> = Vec::new();
        for &(ip, op) in &failing {
            let mut at = ip;
            while bytes.get(2 * at) == Some(&crate::vm::opcodes::EXTENDED_ARG) {
                at += 1;
            }
            if bytes.get(2 * at) == Some(&op) {
                keep.push((ip, op));
            }
        }
        let jc = build(code, &keep);
        // Remembered for the next compilation too (while they keep their form).
        self.failing.set(keep);
        let Some(jc) = jc else {
            self.failed.set(true);
            bump(&FAILED, 1);
            // Any previous code stays.
            self.refresh_fast_call(code);
            return;
        };
        let n = self.compiles.get() + 1;
        self.compiles.set(n);
        self.guard_fails.set(0);
        let recompile_at = if n < MAX_COMPILES && jc.wants_recompile {
            self.counter.get() + RECOMPILE_AFTER
        } else {
            0
        };
        if self.base.get() != 0 {
            // Frames called from the code being replaced return through a look-up instead.
            crate::vm::frame::frames().forget_returns_into(code);
        }
        self.base.set(jc.block.as_ref().map_or(0, |b| b.addr()));
        // Return points into code due to be compiled again are not stored: returns go on in
        // tier 1 (as through `resume_entry`), which counts towards that.
        self.call_info.block.set(self.base.get());
        self.call_info
            .block_len
            .set(if recompile_at == 0 { jc.code_len } else { 0 });
        self.entries.set(jc.entries.as_ptr() as usize);
        self.n_entries.set(jc.entries.len());
        self.recompile_at.set(recompile_at);
        self.refresh_fast_call(code);
        // The previous code (if any) is dropped here, which retires its block.
        self.code.set(Some(Box::new(jc)));
    }
}

/// Compiles `code` and registers it with perf and gdb as asked.
fn build(code: &Code, keep_in_tier1: &[(usize, u8)]) -> Option<JitCode> {
    if ARENA_FAILED.load(Relaxed) {
        return None;
    }
    let mut a = ARENA.lock().unwrap_or_else(|e| e.into_inner());
    if a.is_none() {
        match Arena::new(ARENA_SIZE) {
            Ok(arena) => *a = Some(arena),
            Err(_) => {
                ARENA_FAILED.store(true, Relaxed);
                return None;
            }
        }
    }
    let arena = a.as_mut()?;
    // The frame about to run the code is on top (tier 1 compiles at its RESUME or
    // JUMP_BACKWARD, a compiled call right after pushing it).
    let fs = crate::vm::frame::frames();
    let namespaces = fs.frames.last().and_then(|f| {
        // SAFETY: a frame's function keeps its globals and builtins alive.
        std::ptr::eq(f.code, code).then(|| unsafe { (&*f.globals, &*f.builtins) })
    });
    let e = compile(
        arena,
        code,
        crate::vm::signals::pending_flag() as usize,
        keep_in_tier1,
        namespaces,
    )
    .ok()?;
    drop(a);
    bump(&COMPILED, 1);
    bump(&OPS, e.compiled_ops as u64);
    let (start, len) = (e.compiled.block.addr(), e.compiled.code_len);
    let dump = dump_enabled();
    let wants_name = PERF.load(Relaxed) || GDB.load(Relaxed) || dump;
    let name = if wants_name {
        symbol_name(code)
    } else {
        String::new()
    };
    if dump {
        print_listing(&name, start, &e);
    }
    if PERF.load(Relaxed) {
        let _ = apython_jit::perf_map::register(start, len, &name);
    }
    let gdb = GDB.load(Relaxed).then(|| {
        apython_jit::gdb::register(&[apython_jit::gdb::Symbol {
            name: name.clone(),
            addr: start,
            size: len,
        }])
    });
    Some(JitCode {
        block: Some(e.compiled.block),
        code_len: len,
        entries: e.entries,
        wants_recompile: e.unspecialized > 0,
        gdb,
        caches: e.poly_caches,
    })
}

/// Prints where each stencil of a compiled function starts, with the code unit it was
/// compiled from (`APYTHON_JIT_DUMP=1`): the map from `perf annotate` or gdb's `x/i` addresses
/// back to bytecode.
fn print_listing(name: &str, start: usize, e: &Emitted) {
    let mut out = format!(
        "{name} at {start:#x}, {} bytes of code\n",
        e.compiled.code_len
    );
    for (i, (&off, (unit, stencil))) in e.compiled.offsets.iter().zip(&e.listing).enumerate() {
        let unit = match unit {
            Some(u) => format!("{:>5}", u * 2),
            None => "    -".to_string(),
        };
        out += &format!(
            "  {i:>4} {:#x} +{off:<6} {unit}  {stencil}\n",
            start + off as usize
        );
    }
    eprint!("{out}");
}

/// `py::<qualname>:<file>`, the name CPython 3.12's perf trampolines use.
fn symbol_name(code: &Code) -> String {
    let s = |v: &Value| {
        crate::objects::str::as_str(v)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    format!("py::{}:{}", s(&code.qualname), s(&code.filename))
}

/// The compiled entry of a frame of `code` that a call from compiled code just pushed (`ip`
/// 0), as an address (0 when there is none): the op after its leading `RESUME`, where tier 1
/// would enter. Code that starts otherwise (cells, generators) starts in tier 1. Counts
/// towards the hotness threshold like tier 1's `RESUME`.
pub fn call_entry(code: &Code) -> usize {
    // SAFETY: a code object has at least one instruction.
    if unsafe { *code.code_ptr() } != crate::vm::opcodes::RESUME {
        return 0;
    }
    code.jit.entry(code, 1).map_or(0, |f| f as usize)
}
