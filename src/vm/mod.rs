//! The virtual machine: frames, the eval loop, calls, exceptions and the interpreter entry.

pub mod anchors;
pub mod async_gen;
pub mod call;
pub mod coroutine;
pub mod eval;
pub mod frame;
pub mod generator;
pub mod import;
pub mod interp;
pub mod opcodes;
pub mod protocols;
pub mod reprguard;
pub mod signals;
pub mod specialize;
pub mod suggestions;
pub mod thread;
pub mod traceback;
