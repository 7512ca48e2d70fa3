//! Runtime helpers that stencils call (`call rel32` to `apy_*`): plain `extern "C"` functions
//! of the VM, reached from compiled code by name (`#[no_mangle]`), listed for the emitter by
//! [`super::stencils::helper_addresses`].

use crate::abi::{ObjHeader, Value};

/// Frees an object whose reference count reached zero (the slow path of `abi::decref` in
/// compiled code).
///
/// # Safety
/// `p` must be a live object with a zero count, owned by the caller.
#[no_mangle]
pub unsafe extern "C" fn apy_dealloc(p: *mut ObjHeader) {
    // SAFETY: as the caller promises; a type's dealloc frees objects of that type.
    unsafe { ((*(*p).ty).dealloc)(p) }
}

/// One step of `FOR_ITER_RANGE` (`kind` 0), `FOR_ITER_LIST` (1) or `FOR_ITER_TUPLE` (2) on the
/// iterator at `sp - 1`, as tier 1 runs it: returns 0 after writing the next item at `sp`, 1
/// after dropping the exhausted iterator (the slot at `sp - 1` is then free), 2 when the
/// iterator is not of that kind (nothing changed; the stencil exits to tier 1).
///
/// # Safety
/// `sp - 1` holds an owned value and `sp` is a free stack slot.
#[no_mangle]
pub unsafe extern "C" fn apy_for_iter(sp: *mut Value, kind: u64) -> u64 {
    use crate::objects::iterators::{seq_iter_next_fast, SeqIter, LIST_ITER_TYPE, TUPLE_ITER_TYPE};
    // SAFETY: the caller guarantees a live value below sp.
    let it = unsafe { &*sp.sub(1) };
    let next = if kind == 0 {
        let Some(r) = it.downcast_exact::<crate::objects::range::RangeIter>() else {
            return 2;
        };
        crate::objects::range::range_iter_next(r).map(Value::int)
    } else {
        let want: &crate::objects::TypeObject = if kind == 1 {
            &LIST_ITER_TYPE
        } else {
            &TUPLE_ITER_TYPE
        };
        if !(it.is_obj() && std::ptr::eq(it.type_ptr(), want)) {
            return 2;
        }
        // SAFETY: list and tuple iterators carry a SeqIter payload.
        seq_iter_next_fast(unsafe { it.payload_unchecked::<SeqIter>() })
    };
    match next {
        Some(v) => {
            // SAFETY: `sp` is a free slot of the frame's stack.
            unsafe { sp.write(v) };
            0
        }
        None => {
            // SAFETY: the slot holds the owned iterator, which the loop drops on exhaustion.
            drop(unsafe { sp.sub(1).read() });
            1
        }
    }
}
