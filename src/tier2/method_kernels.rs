//! Method kernels: C-ABI fast paths of a few built-in methods, which compiled code calls
//! directly for `CALL_METHOD_DESCRIPTOR` (stencil `CALL_METHOD_KERNEL`) instead of going
//! through the method's generic calling convention and `apy_call_method_descr`.
//!
//! A kernel takes `self` and the argument (ignored by a kernel of no arguments) and returns
//! the result, or NULL having done nothing: it handles only cases that run no Python code and
//! cannot fail (an exact type, inline keys ...), and leaves the rest, errors included, to the
//! method itself, which compiled code then calls as before. Each kernel lives with its type.

use crate::abi::Value;
use crate::objects::MethodFn;

/// A method kernel: `(self, argument) -> result`, or NULL when it did nothing.
pub type MethodKernel = extern "C" fn(&Value, &Value) -> Value;

/// The kernel of the built-in method `f` called with `nargs` arguments, if it has one.
pub fn method_kernel(f: MethodFn, nargs: usize) -> Option<MethodKernel> {
    let set = crate::objects::set::method_kernels();
    let list = crate::objects::list::method_kernels();
    set.iter()
        .chain(list.iter())
        .find(|&&(m, n, _)| m as usize == f as usize && n == nargs)
        .map(|&(_, _, k)| k)
}
