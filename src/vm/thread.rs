//! Per-thread interpreter state: the exception being raised, the exception being handled
//! (`sys.exception()`), and the recursion depth.
//!
//! apython runs Python on one thread; this state is a thread-local so that any Rust code can
//! raise (`Err(Raised)` plus the exception stored here) without threading a context through.

use std::cell::RefCell;

use crate::abi::Value;
use crate::objects::Raised;

thread_local! {
    /// The exception in flight (set by a raise, taken by the unwinder). NULL when none.
    static CURRENT: RefCell<Value> = const { RefCell::new(Value::NULL) };
    /// The exception being handled by an `except` block (3.12's `exc_info->exc_value`).
    static HANDLED: RefCell<Value> = const { RefCell::new(Value::NULL) };
    /// The handled-exception entries below the current one (CPython's `exc_info->previous_item`
    /// chain): a running generator's own entry is `HANDLED`, its resumers' entries are here.
    static OUTER_HANDLED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Stores `exc` as the exception in flight and returns the marker to propagate. Like CPython's
/// `_PyErr_SetObject`, a new exception raised while another is handled gets it as `__context__`.
pub fn set_raised(exc: Value) -> Raised {
    crate::objects::exception::attach_context(&exc, &handled());
    restore_raised(exc)
}

/// Stores `exc` as the exception in flight unchanged (a re-raise).
pub fn restore_raised(exc: Value) -> Raised {
    CURRENT.with(|c| *c.borrow_mut() = exc);
    Raised
}

/// Takes the exception in flight (NULL if none).
pub fn take_raised() -> Value {
    CURRENT.with(|c| std::mem::take(&mut *c.borrow_mut()))
}

/// A new reference to the exception in flight (NULL if none), leaving it set.
pub fn peek_raised() -> Value {
    CURRENT.with(|c| c.borrow().clone())
}

/// Whether an exception is in flight.
pub fn is_raised() -> bool {
    CURRENT.with(|c| !c.borrow().is_null())
}

/// The exception being handled (NULL when none): the topmost non-empty entry of the
/// handled-exception chain, as CPython's `_PyErr_GetTopmostException`.
pub fn handled() -> Value {
    let h = HANDLED.with(|c| c.borrow().clone());
    if !h.is_null() {
        return h;
    }
    OUTER_HANDLED.with(|o| {
        o.borrow()
            .iter()
            .rev()
            .find(|v| !v.is_null() && !v.is_none())
            .cloned()
            .unwrap_or(Value::NULL)
    })
}

/// Replaces the exception being handled, returning the previous one.
pub fn swap_handled(v: Value) -> Value {
    HANDLED.with(|c| std::mem::replace(&mut *c.borrow_mut(), v))
}

/// Enters a generator: its own handled exception `v` becomes the current entry of the chain,
/// above the resumer's. Returns whether the resumer's entry was saved (it is not when empty:
/// an empty entry is skipped by [`handled`] anyway); pass that to [`pop_exc_info`].
#[inline]
pub fn push_exc_info(v: Value) -> bool {
    let prev = swap_handled(v);
    if prev.is_null() {
        return false;
    }
    OUTER_HANDLED.with(|o| o.borrow_mut().push(prev));
    true
}

/// Leaves a generator: restores the resumer's entry (`saved`: what [`push_exc_info`] returned)
/// and returns the generator's own.
#[inline]
pub fn pop_exc_info(saved: bool) -> Value {
    let prev = if saved {
        OUTER_HANDLED.with(|o| o.borrow_mut().pop().unwrap_or(Value::NULL))
    } else {
        Value::NULL
    };
    swap_handled(prev)
}

/// The current Python call depth: the number of frames on the frame stack.
pub fn depth() -> u32 {
    crate::vm::frame::frames().frames.len() as u32
}

/// `sys.getrecursionlimit()`.
pub fn recursion_limit() -> u32 {
    crate::vm::frame::frames().recursion_limit as u32
}

/// `sys.setrecursionlimit(n)`.
pub fn set_recursion_limit(n: u32) {
    crate::vm::frame::frames().recursion_limit = n as usize;
}
