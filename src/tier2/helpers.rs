//! Runtime helpers that stencils call (`call rel32` to `apy_*`): plain `extern "C"` functions
//! of the VM, reached from compiled code by name (`#[no_mangle]`), listed for the emitter by
//! [`super::stencils::helper_addresses`].

use crate::abi::ObjHeader;

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
