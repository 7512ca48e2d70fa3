//! `_sre.SRE_Scanner`: successive matches over one subject (`Pattern.scanner`, and the engine
//! of `Pattern.finditer`). Each `match()`/`search()` continues where the previous match ended.

use std::cell::Cell;
use std::rc::Rc;

use super::match_::new_match;
use super::matcher::State;
use super::pattern::{engine_error, marks_of, prepare, Pattern};
use super::subject::{with_units, Subject};
use crate::abi::Value;
use crate::objects::exception::{err, VALUE_ERROR};
use crate::objects::{alloc, dealloc_obj, GetSetDef, MethodDef, PyPayload, PyResult, TypeObject};

/// Payload of a scanner.
pub struct Scanner {
    pattern: Value,
    subject: Rc<Subject>,
    /// Where the next attempt starts; `None` once a search failed.
    start: Cell<Option<usize>>,
    end: usize,
    pos: usize,
    must_advance: Cell<bool>,
    executing: Cell<bool>,
}

impl PyPayload for Scanner {
    fn type_object() -> *const TypeObject {
        &SCANNER_TYPE
    }
}

/// A scanner over `string[pos:endpos]` for the pattern `pattern`.
pub fn new_scanner(pattern: &Value, string: &Value, pos: i64, endpos: i64) -> PyResult<Value> {
    let pat = pattern.downcast_ref::<Pattern>().unwrap();
    let (subject, start, end) = prepare(pat, string, pos, endpos)?;
    Ok(alloc(
        &SCANNER_TYPE,
        Scanner {
            pattern: pattern.clone(),
            subject,
            start: Cell::new(Some(start)),
            end,
            pos: start,
            must_advance: Cell::new(false),
            executing: Cell::new(false),
        },
    ))
}

fn this(v: &Value) -> &Scanner {
    v.downcast_ref::<Scanner>()
        .expect("SRE_Scanner method on another object")
}

fn scan(v: &Value, args: &[Value], search: bool) -> PyResult<Value> {
    let name = if search { "search" } else { "match" };
    crate::builtins::args::no_args(name, args)?;
    let sc = this(v);
    if sc.executing.get() {
        return err(&VALUE_ERROR, "regular expression scanner already executing");
    }
    let Some(start) = sc.start.get() else {
        return Ok(Value::NONE);
    };
    let pat = sc.pattern.downcast_ref::<Pattern>().unwrap();
    sc.executing.set(true);
    let r = with_units!(sc.subject, t => {
        let mut st = State::new(t, start, sc.end, pat.groups);
        st.must_advance = sc.must_advance.get();
        let found = if search {
            st.search(&pat.prog)
        } else {
            st.run(&pat.prog, 0, true)
        };
        match found {
            Err(e) => Err(engine_error(e)),
            Ok(false) => Ok(None),
            Ok(true) => marks_of(&st, pat.groups).map(|m| Some((m, st.lastindex, st.start, st.ptr))),
        }
    });
    sc.executing.set(false);
    match r? {
        None => {
            sc.start.set(None);
            Ok(Value::NONE)
        }
        Some((marks, lastindex, mstart, mend)) => {
            sc.must_advance.set(mend == mstart);
            sc.start.set(Some(mend));
            Ok(new_match(
                &sc.pattern,
                &sc.subject,
                marks,
                sc.pos,
                sc.end,
                lastindex,
            ))
        }
    }
}

fn s_match(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    scan(v, args, false)
}

fn s_search(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    scan(v, args, true)
}

static SCANNER_METHODS: &[MethodDef] = &[method!("match", s_match), method!("search", s_search)];

static SCANNER_GETSETS: &[GetSetDef] = &[GetSetDef {
    name: "pattern",
    get: |v| Ok(this(v).pattern.clone()),
    set: None,
}];

/// The `_sre.SRE_Scanner` type.
pub static SCANNER_TYPE: TypeObject = TypeObject {
    name: "_sre.SRE_Scanner",
    layout: &SCANNER_TYPE,
    dealloc: dealloc_obj::<Scanner>,
    methods: SCANNER_METHODS,
    getsets: SCANNER_GETSETS,
    ..TypeObject::EMPTY
};
