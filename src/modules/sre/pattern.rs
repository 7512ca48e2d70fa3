//! `re.Pattern`: a compiled regular expression (`_sre.compile`'s result) and its methods
//! `match`, `fullmatch`, `search`, `findall`, `finditer`, `scanner`, `split`, `sub`, `subn`.

use std::rc::Rc;

use super::chars::Char;
use super::match_::{new_match, Match};
use super::matcher::{Prog, SreError, State};
use super::subject::{with_units, Subject};
use super::template::{compile_template, expand_template, Template};
use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::dict::Dict;
use crate::objects::exception::{err, raise, RUNTIME_ERROR, SYSTEM_ERROR, TYPE_ERROR};
use crate::objects::list::new_list;
use crate::objects::str::{as_str, from_string};
use crate::objects::tuple::new_tuple;
use crate::objects::{
    alloc, dealloc_obj, CmpOp, GetSetDef, MethodDef, PyPayload, PyResult, Raised, TypeObject,
};

/// Flag bits (`SRE_FLAG_*`).
pub mod flag {
    pub const TEMPLATE: i64 = 1;
    pub const IGNORECASE: i64 = 2;
    pub const LOCALE: i64 = 4;
    pub const MULTILINE: i64 = 8;
    pub const DOTALL: i64 = 16;
    pub const UNICODE: i64 = 32;
    pub const VERBOSE: i64 = 64;
    pub const DEBUG: i64 = 128;
    pub const ASCII: i64 = 256;
}

/// Payload of a `re.Pattern`.
pub struct Pattern {
    /// The validated code words.
    pub prog: Prog,
    /// The source pattern (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    /// Number of capturing groups.
    pub groups: usize,
    /// Group name -> number (a dict; NULL when there are no named groups).
    pub groupindex: Value,
    /// Group number -> name (a tuple; NULL when there are no named groups).
    pub indexgroup: Value,
    /// -1: no source pattern; 0: str; 1: bytes.
    pub isbytes: i8,
}

impl PyPayload for Pattern {
    fn type_object() -> *const TypeObject {
        &PATTERN_TYPE
    }
}

/// A new pattern object (the code is already validated).
pub fn new_pattern(p: Pattern) -> Value {
    alloc(&PATTERN_TYPE, p)
}

fn this(v: &Value) -> &Pattern {
    v.downcast_ref::<Pattern>()
        .expect("re.Pattern method on another object")
}

/// The exception for an engine failure (a pending exception for an interrupt).
pub fn engine_error(e: SreError) -> Raised {
    match e {
        SreError::Interrupted => Raised,
        SreError::Memory => {
            crate::objects::exception::raise_value(crate::objects::exception::new_exception(
                &crate::objects::exception::MEMORY_ERROR,
                Vec::new(),
            ))
        }
        _ => raise(
            &RUNTIME_ERROR,
            "internal error in regular expression engine",
        ),
    }
}

/// Appends to a result list, with MemoryError (not an abort) when memory runs out.
fn push_item(out: &mut Vec<Value>, v: Value) -> PyResult<()> {
    if out.len() == out.capacity() && out.try_reserve(1).is_err() {
        return Err(engine_error(SreError::Memory));
    }
    out.push(v);
    Ok(())
}

/// An optional `Py_ssize_t` argument.
fn ssize_arg(v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => crate::ops::number::index_i64(&v),
    }
}

/// The group marks of a successful match: `[start, end]` of the whole match, then of each
/// group (-1 when it did not participate).
pub fn marks_of<C: Char>(st: &State<C>, groups: usize) -> PyResult<Box<[isize]>> {
    let mut m = Vec::with_capacity(2 * (groups + 1));
    m.push(st.start as isize);
    m.push(st.ptr as isize);
    for g in 1..=groups {
        match st.group_span(g) {
            Some((a, b)) if a > b => {
                return err(
                    &SYSTEM_ERROR,
                    "The span of capturing group is wrong, please report a bug for the re module.",
                )
            }
            Some((a, b)) => {
                m.push(a as isize);
                m.push(b as isize);
            }
            None => {
                m.push(-1);
                m.push(-1);
            }
        }
    }
    Ok(m.into_boxed_slice())
}

/// The subject and clamped `[start, end)` for a match against `string` (`state_init`).
pub fn prepare(
    pat: &Pattern,
    string: &Value,
    pos: i64,
    endpos: i64,
) -> PyResult<(Rc<Subject>, usize, usize)> {
    let sub = Subject::new(string)?;
    if sub.is_bytes && pat.isbytes == 0 {
        return err(
            &TYPE_ERROR,
            "cannot use a string pattern on a bytes-like object",
        );
    }
    if !sub.is_bytes && pat.isbytes > 0 {
        return err(
            &TYPE_ERROR,
            "cannot use a bytes pattern on a string-like object",
        );
    }
    let len = sub.len() as i64;
    let start = pos.clamp(0, len) as usize;
    let end = endpos.clamp(0, len) as usize;
    Ok((sub, start, end))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// Runs one match or search; the marks and `lastindex` on success.
fn run_once<C: Char>(
    pat: &Pattern,
    text: &[C],
    start: usize,
    end: usize,
    mode: Mode,
) -> PyResult<Option<(Box<[isize]>, isize)>> {
    let mut st = State::new(text, start, end, pat.groups);
    st.match_all = mode == Mode::FullMatch;
    let ok = match mode {
        Mode::Search => st.search(&pat.prog),
        _ => st.run(&pat.prog, 0, true),
    }
    .map_err(engine_error)?;
    if !ok {
        return Ok(None);
    }
    Ok(Some((marks_of(&st, pat.groups)?, st.lastindex)))
}

fn match_common(
    v: &Value,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    mode: Mode,
) -> PyResult<Value> {
    let mut p = ArgParser::new(name, args, kwnames);
    let string = p.required("string")?;
    let pos = ssize_arg(p.optional("pos")?, 0)?;
    let endpos = ssize_arg(p.optional("endpos")?, i64::MAX)?;
    p.finish()?;
    let pat = this(v);
    let (sub, start, end) = prepare(pat, &string, pos, endpos)?;
    let r = with_units!(sub, t => run_once(pat, t, start, end, mode))?;
    Ok(match r {
        Some((marks, lastindex)) => new_match(v, &sub, marks, start, end, lastindex),
        None => Value::NONE,
    })
}

fn p_match(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_common(v, args, kw, "match", Mode::Match)
}

fn p_fullmatch(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_common(v, args, kw, "fullmatch", Mode::FullMatch)
}

fn p_search(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_common(v, args, kw, "search", Mode::Search)
}

/// Group `g` (1-based) of the state's match as a slice; unmatched groups give `empty` or None.
fn state_group<C: Char>(st: &State<C>, sub: &Subject, g: usize, empty: bool) -> Value {
    match st.group_span(g) {
        Some((a, b)) => sub.slice(a, b),
        None if empty => sub.empty(),
        None => Value::NONE,
    }
}

fn findall_units<C: Char>(
    pat: &Pattern,
    sub: &Subject,
    text: &[C],
    start: usize,
    end: usize,
) -> PyResult<Vec<Value>> {
    let mut st = State::new(text, start, end, pat.groups);
    let mut out = Vec::new();
    while st.start <= st.end {
        st.reset();
        st.ptr = st.start;
        if !st.search(&pat.prog).map_err(engine_error)? {
            break;
        }
        let item = match pat.groups {
            0 => sub.slice(st.start, st.ptr),
            1 => state_group(&st, sub, 1, true),
            n => new_tuple((1..=n).map(|g| state_group(&st, sub, g, true)).collect()),
        };
        push_item(&mut out, item)?;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    Ok(out)
}

fn p_findall(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("findall", args, kw);
    let string = p.required("string")?;
    let pos = ssize_arg(p.optional("pos")?, 0)?;
    let endpos = ssize_arg(p.optional("endpos")?, i64::MAX)?;
    p.finish()?;
    let pat = this(v);
    let (sub, start, end) = prepare(pat, &string, pos, endpos)?;
    let items = with_units!(sub, t => findall_units(pat, &sub, t, start, end))?;
    Ok(new_list(items))
}

fn scanner_args(v: &Value, args: &[Value], kw: &[Value], name: &str) -> PyResult<Value> {
    let mut p = ArgParser::new(name, args, kw);
    let string = p.required("string")?;
    let pos = ssize_arg(p.optional("pos")?, 0)?;
    let endpos = ssize_arg(p.optional("endpos")?, i64::MAX)?;
    p.finish()?;
    super::scanner::new_scanner(v, &string, pos, endpos)
}

fn p_scanner(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    scanner_args(v, args, kw, "scanner")
}

fn p_finditer(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let scanner = scanner_args(v, args, kw, "finditer")?;
    let search = crate::ops::object::getattr_str(&scanner, "search")?;
    Ok(crate::objects::iterators::new_callable_iter(
        search,
        Value::NONE,
    ))
}

fn split_units<C: Char>(
    pat: &Pattern,
    sub: &Subject,
    text: &[C],
    maxsplit: i64,
) -> PyResult<Vec<Value>> {
    let mut st = State::new(text, 0, text.len(), pat.groups);
    let mut out = Vec::new();
    let mut n = 0;
    let mut last = st.start;
    while maxsplit == 0 || n < maxsplit {
        st.reset();
        st.ptr = st.start;
        if !st.search(&pat.prog).map_err(engine_error)? {
            break;
        }
        push_item(&mut out, sub.slice(last, st.start))?;
        for g in 1..=pat.groups {
            push_item(&mut out, state_group(&st, sub, g, false))?;
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
        last = st.start;
    }
    out.push(sub.slice(last, text.len()));
    Ok(out)
}

fn p_split(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("split", args, kw);
    let string = p.required("string")?;
    let maxsplit = ssize_arg(p.optional("maxsplit")?, 0)?;
    p.finish()?;
    let pat = this(v);
    let (sub, _, _) = prepare(pat, &string, 0, i64::MAX)?;
    let items = with_units!(sub, t => split_units(pat, &sub, t, maxsplit))?;
    Ok(new_list(items))
}

/// What replaces each match in `sub`.
enum Filter {
    Literal(Value),
    Template(Value),
    Callable(Value),
}

/// Whether `v` is callable (`PyCallable_Check`).
fn is_callable(v: &Value) -> bool {
    v.ty().call.is_some()
        || v.downcast_ref::<crate::objects::function::Function>()
            .is_some()
}

/// Whether a str/bytes-like replacement has no backslash (so it is used as is).
fn literal_repl(v: &Value) -> bool {
    if let Some(s) = as_str(v) {
        return !s.contains('\\');
    }
    matches!(
        super::subject::with_buffer(v, |b| !b.contains(&b'\\')),
        Some(Ok(true))
    )
}

fn sub_units<C: Char>(
    v: &Value,
    sub: &Rc<Subject>,
    text: &[C],
    filter: &Filter,
    count: i64,
) -> PyResult<(Vec<Value>, i64)> {
    let pat = this(v);
    let mut st = State::new(text, 0, text.len(), pat.groups);
    let mut out = Vec::new();
    let mut n = 0;
    let mut i = 0;
    while count == 0 || n < count {
        st.reset();
        st.ptr = st.start;
        if !st.search(&pat.prog).map_err(engine_error)? {
            break;
        }
        let (b, e) = (st.start, st.ptr);
        if i < b {
            push_item(&mut out, sub.slice(i, b))?;
        }
        let item = match filter {
            Filter::Literal(l) => l.clone(),
            Filter::Template(_) | Filter::Callable(_) => {
                let marks = marks_of(&st, pat.groups)?;
                let m = new_match(v, sub, marks, 0, text.len(), st.lastindex);
                match filter {
                    Filter::Template(t) => expand_template(t, &m)?,
                    Filter::Callable(f) => crate::vm::call::call(f, &[m], &[])?,
                    Filter::Literal(_) => unreachable!(),
                }
            }
        };
        if !item.is_none() {
            push_item(&mut out, item)?;
        }
        i = e;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if i < text.len() {
        out.push(sub.slice(i, text.len()));
    }
    Ok((out, n))
}

/// Joins str pieces (`"".join`) or bytes-like pieces (`b"".join`) with CPython's errors.
pub fn join(items: &[Value], bytes: bool) -> PyResult<Value> {
    if bytes {
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            match super::subject::with_buffer(it, |b| out.extend_from_slice(b)) {
                Some(r) => r?,
                None => {
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "sequence item {}: expected a bytes-like object, {:.80} found",
                            i,
                            it.type_name()
                        ),
                    )
                }
            }
        }
        return Ok(crate::objects::bytes::new_bytes(&out));
    }
    if items.len() == 1 && std::ptr::eq(items[0].ty(), &crate::objects::str::STR_TYPE) {
        return Ok(items[0].clone());
    }
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        match as_str(it) {
            Some(s) => out.push_str(&s),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "sequence item {}: expected str instance, {:.80} found",
                        i,
                        it.type_name()
                    ),
                )
            }
        }
    }
    Ok(from_string(out))
}

fn subx(v: &Value, args: &[Value], kw: &[Value], name: &str, subn: bool) -> PyResult<Value> {
    let mut p = ArgParser::new(name, args, kw);
    let repl = p.required("repl")?;
    let string = p.required("string")?;
    let count = ssize_arg(p.optional("count")?, 0)?;
    p.finish()?;
    let filter = if is_callable(&repl) {
        Filter::Callable(repl)
    } else if literal_repl(&repl) {
        Filter::Literal(repl)
    } else {
        let t = compile_template(v, &repl)?;
        match t.downcast_ref::<Template>() {
            Some(tp) if tp.items.is_empty() => Filter::Literal(tp.literal.clone()),
            _ => Filter::Template(t),
        }
    };
    let pat = this(v);
    let (sub, _, _) = prepare(pat, &string, 0, i64::MAX)?;
    let (items, n) = with_units!(sub, t => sub_units(v, &sub, t, &filter, count))?;
    let result = if items.is_empty() {
        sub.empty()
    } else {
        join(&items, sub.is_bytes)?
    };
    if subn {
        return Ok(new_tuple(vec![result, Value::int(n)]));
    }
    Ok(result)
}

fn p_sub(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    subx(v, args, kw, "sub", false)
}

fn p_subn(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    subx(v, args, kw, "subn", true)
}

fn p_copy(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("__copy__", args)?;
    Ok(v.clone())
}

fn p_deepcopy(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::exactly_one("__deepcopy__", args)?;
    Ok(v.clone())
}

/// `%.<n>R`-style truncation: at most `n` characters of a repr.
pub fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

fn pattern_repr(v: &Value) -> PyResult<Value> {
    const NAMES: [(&str, i64); 8] = [
        ("re.IGNORECASE", flag::IGNORECASE),
        ("re.LOCALE", flag::LOCALE),
        ("re.MULTILINE", flag::MULTILINE),
        ("re.DOTALL", flag::DOTALL),
        ("re.UNICODE", flag::UNICODE),
        ("re.VERBOSE", flag::VERBOSE),
        ("re.DEBUG", flag::DEBUG),
        ("re.ASCII", flag::ASCII),
    ];
    let pat = this(v);
    let mut flags = pat.flags;
    // Omit re.UNICODE for str patterns, where it is the default.
    if pat.isbytes == 0 && flags & (flag::LOCALE | flag::UNICODE | flag::ASCII) == flag::UNICODE {
        flags &= !flag::UNICODE;
    }
    let mut parts: Vec<String> = Vec::new();
    for (name, bit) in NAMES {
        if flags & bit != 0 {
            parts.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        parts.push(format!("0x{:x}", flags));
    }
    let r = crate::ops::object::repr_string(&pat.pattern)?;
    let r = truncate_chars(&r, 200);
    Ok(from_string(if parts.is_empty() {
        format!("re.compile({})", r)
    } else {
        format!("re.compile({}, {})", r, parts.join("|"))
    }))
}

fn pattern_hash(v: &Value) -> PyResult<i64> {
    let pat = this(v);
    let mut h = crate::ops::object::hash(&pat.pattern)?;
    let words: Vec<u8> = pat.prog.code.iter().flat_map(|w| w.to_le_bytes()).collect();
    h ^= crate::objects::str::hash_bytes(&words);
    h ^= pat.flags;
    h ^= pat.isbytes as i64;
    h ^= pat.prog.code.len() as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn pattern_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(crate::objects::none::not_implemented());
    }
    let (Some(x), Some(y)) = (a.downcast_ref::<Pattern>(), b.downcast_ref::<Pattern>()) else {
        return Ok(crate::objects::none::not_implemented());
    };
    let mut eq = a.is(b)
        || (x.flags == y.flags
            && x.isbytes == y.isbytes
            && x.prog.code == y.prog.code
            && crate::ops::compare::eq(&x.pattern, &y.pattern)?);
    if op == CmpOp::Ne {
        eq = !eq;
    }
    Ok(Value::bool(eq))
}

fn get_pattern(v: &Value) -> PyResult<Value> {
    Ok(this(v).pattern.clone())
}

fn get_flags(v: &Value) -> PyResult<Value> {
    Ok(Value::int(this(v).flags))
}

fn get_groups(v: &Value) -> PyResult<Value> {
    Ok(Value::int(this(v).groups as i64))
}

/// `groupindex`: a copy of the name -> number mapping (CPython returns a read-only proxy).
fn get_groupindex(v: &Value) -> PyResult<Value> {
    let pat = this(v);
    let d = crate::objects::dict::new_dict();
    if let Some(src) = pat.groupindex.downcast_ref::<Dict>() {
        let dd = d.downcast_ref::<Dict>().unwrap();
        for (k, val) in src.items() {
            dd.set_item(k, val)?;
        }
    }
    Ok(d)
}

static PATTERN_METHODS: &[MethodDef] = &[
    method!("match", p_match),
    method!("fullmatch", p_fullmatch),
    method!("search", p_search),
    method!("sub", p_sub),
    method!("subn", p_subn),
    method!("findall", p_findall),
    method!("split", p_split),
    method!("finditer", p_finditer),
    method!("scanner", p_scanner),
    method!("__copy__", p_copy),
    method!("__deepcopy__", p_deepcopy),
];

static PATTERN_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "pattern",
        get: get_pattern,
        set: None,
    },
    GetSetDef {
        name: "flags",
        get: get_flags,
        set: None,
    },
    GetSetDef {
        name: "groups",
        get: get_groups,
        set: None,
    },
    GetSetDef {
        name: "groupindex",
        get: get_groupindex,
        set: None,
    },
];

/// The `re.Pattern` type.
pub static PATTERN_TYPE: TypeObject = TypeObject {
    name: "re.Pattern",
    layout: &PATTERN_TYPE,
    dealloc: dealloc_obj::<Pattern>,
    repr: Some(pattern_repr),
    hash: Some(pattern_hash),
    richcompare: Some(pattern_richcompare),
    methods: PATTERN_METHODS,
    getsets: PATTERN_GETSETS,
    doc: "Compiled regular expression object.",
    ..TypeObject::EMPTY
};

/// The match's pattern payload (for match objects).
pub fn pattern_of(m: &Match) -> &Pattern {
    this(&m.pattern)
}
