//! Method kernels: C-ABI fast paths of a few built-in methods, which compiled code calls
//! directly for `CALL_METHOD_DESCRIPTOR` (stencil `CALL_METHOD_KERNEL`) instead of going
//! through the method's generic calling convention and `apy_call_method_descr`.
//!
//! A kernel takes `self` and a pointer to the call's arguments (as many as the kernel was
//! registered for) and returns the result, or NULL having done nothing: it handles only cases that run no Python code and
//! cannot fail (an exact type, inline keys ...), and leaves the rest, errors included, to the
//! method itself, which compiled code then calls as before. Each kernel lives with its type.

use crate::abi::Value;
use crate::objects::MethodFn;

/// A method kernel: `(self, arguments) -> result`, or NULL when it did nothing.
///
/// # Safety
/// The arguments pointer points at as many live values as the kernel takes.
pub type MethodKernel = unsafe extern "C" fn(&Value, *const Value) -> Value;

/// The kernel of the built-in method `f` called with `nargs` arguments, if it has one.
pub fn method_kernel(f: MethodFn, nargs: usize) -> Option<MethodKernel> {
    let set = crate::objects::set::method_kernels();
    let list = crate::objects::list::method_kernels();
    let dict = crate::objects::dict::method_kernels();
    set.iter()
        .chain(list.iter())
        .chain(dict.iter())
        .find(|&&(m, n, _)| m as usize == f as usize && n == nargs)
        .map(|&(_, _, k)| k)
}
