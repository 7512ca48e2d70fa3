//! Recursion guard for `repr` of containers (CPython's `Py_ReprEnter`): a list that contains
//! itself prints as `[...]` instead of recursing forever.

use std::cell::RefCell;

use crate::abi::Value;

thread_local! {
    static ACTIVE: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Marks `v` as being repr'd; `false` if it already is (the caller prints `...`).
pub fn enter(v: &Value) -> bool {
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.contains(&v.payload) {
            false
        } else {
            a.push(v.payload);
            true
        }
    })
}

/// Unmarks `v` (after a successful `enter`).
pub fn leave(v: &Value) {
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if let Some(i) = a.iter().rposition(|&p| p == v.payload) {
            a.remove(i);
        }
    })
}
