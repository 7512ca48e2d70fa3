//! SIGINT handling: Ctrl-C sets a flag that the eval loop checks on backward jumps and turns
//! into `KeyboardInterrupt`, as CPython does.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::objects::exception::{err, KEYBOARD_INTERRUPT};
use crate::objects::PyResult;

static PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: libc::c_int) {
    PENDING.store(true, Ordering::Relaxed);
}

/// Installs the SIGINT handler.
pub fn install() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
}

/// Simulates a SIGINT (`_thread.interrupt_main()`): `KeyboardInterrupt` is raised at the next
/// check.
pub fn trip() {
    PENDING.store(true, Ordering::Relaxed);
}

/// Whether a signal is waiting to be handled.
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Address of the pending-signal flag (one byte, nonzero when set): compiled code's
/// `JUMP_BACKWARD` reads it.
pub fn pending_flag() -> *const u8 {
    PENDING.as_ptr() as *const u8
}

/// Raises `KeyboardInterrupt` for a pending SIGINT.
pub fn handle() -> PyResult<()> {
    if PENDING.swap(false, Ordering::Relaxed) {
        return err(&KEYBOARD_INTERRUPT, "");
    }
    Ok(())
}
