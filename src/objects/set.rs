//! `set` and `frozenset`. (Being filled in: the full table and methods land next.)

use crate::objects::{flags, TypeObject};

/// The `set` type.
pub static SET_TYPE: TypeObject =
    TypeObject { name: "set", layout: &SET_TYPE, flags: flags::BASETYPE, ..TypeObject::EMPTY };

/// The `frozenset` type.
pub static FROZENSET_TYPE: TypeObject =
    TypeObject { name: "frozenset", layout: &FROZENSET_TYPE, flags: flags::BASETYPE, ..TypeObject::EMPTY };
