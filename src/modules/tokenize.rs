//! `_tokenize`: the C tokenizer behind `tokenize.tokenize` / `generate_tokens`.
//!
//! apython has no tokenizer of its own yet. The module exists so that `tokenize` imports (and
//! with it `linecache`, which `warnings` and `traceback` use only for `tokenize.open`'s
//! encoding detection); creating a `TokenizerIter` raises NotImplementedError.

use crate::abi::Value;
use crate::objects::exception::{err, NOT_IMPLEMENTED_ERROR};
use crate::objects::module::{new_module, Module};
use crate::objects::{PyResult, TypeObject};

fn tokenizer_new(_ty: *const TypeObject, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    err(
        &NOT_IMPLEMENTED_ERROR,
        "apython has no tokenizer yet: tokenize.tokenize() and generate_tokens() are unavailable",
    )
}

/// `_tokenize.TokenizerIter`: not implemented (see the module docs).
pub static TOKENIZER_ITER_TYPE: TypeObject = TypeObject {
    name: "_tokenize.TokenizerIter",
    new: Some(tokenizer_new),
    ..TypeObject::EMPTY
};

/// Creates the `_tokenize` module.
pub fn create() -> Value {
    let m = new_module("_tokenize");
    m.downcast_ref::<Module>()
        .unwrap()
        .set("TokenizerIter", TOKENIZER_ITER_TYPE.to_value());
    m
}
