//! `re.Match`: the result of a successful match. Holds the pattern, the subject and the group
//! spans; group strings are sliced from the subject on demand.

use std::rc::Rc;

use super::pattern::{pattern_of, truncate_chars};
use super::subject::Subject;
use super::template::{compile_template, expand_template};
use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{err, INDEX_ERROR, TYPE_ERROR};
use crate::objects::str::from_string;
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{alloc, dealloc_obj, GetSetDef, MethodDef, PyPayload, PyResult, TypeObject};

/// Payload of a `re.Match`.
pub struct Match {
    /// The `re.Pattern`.
    pub pattern: Value,
    pub subject: Rc<Subject>,
    /// Start and end of group 0, 1, ...; -1 for groups that did not participate.
    pub marks: Box<[isize]>,
    pub pos: usize,
    pub endpos: usize,
    pub lastindex: isize,
}

impl PyPayload for Match {
    fn type_object() -> *const TypeObject {
        &MATCH_TYPE
    }
}

/// A new match object.
pub fn new_match(
    pattern: &Value,
    subject: &Rc<Subject>,
    marks: Box<[isize]>,
    pos: usize,
    endpos: usize,
    lastindex: isize,
) -> Value {
    alloc(
        &MATCH_TYPE,
        Match {
            pattern: pattern.clone(),
            subject: subject.clone(),
            marks,
            pos,
            endpos,
            lastindex,
        },
    )
}

fn this(v: &Value) -> &Match {
    v.downcast_ref::<Match>()
        .expect("re.Match method on another object")
}

impl Match {
    /// Number of groups including group 0.
    pub fn ngroups(&self) -> usize {
        self.marks.len() / 2
    }

    /// Group `i` as a string, or `default` when it did not participate.
    pub fn group_by_index(&self, i: usize, default: &Value) -> Value {
        let (a, b) = (self.marks[2 * i], self.marks[2 * i + 1]);
        if a < 0 {
            return default.clone();
        }
        self.subject.slice(a as usize, b as usize)
    }

    /// The group number for an index or name (`match_getindex`); IndexError when unknown.
    pub fn group_index(&self, index: &Value) -> PyResult<usize> {
        let is_index = index.is_int() || index.is_bool() || index.ty().index.is_some();
        let i = if is_index {
            let n = crate::ops::number::index(index)?;
            n.as_small_int().unwrap_or(-1)
        } else {
            let pat = pattern_of(self);
            match pat.groupindex.downcast_ref::<Dict>() {
                Some(d) => match d.get_item(index)? {
                    Some(v) if v.is_int() => v.as_small_int().unwrap_or(-1),
                    _ => -1,
                },
                None => -1,
            }
        };
        if i < 0 || i as usize >= self.ngroups() {
            return err(&INDEX_ERROR, "no such group");
        }
        Ok(i as usize)
    }

    fn group(&self, index: &Value, default: &Value) -> PyResult<Value> {
        let i = self.group_index(index)?;
        Ok(self.group_by_index(i, default))
    }
}

fn m_group(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return err(&TYPE_ERROR, "group() takes no keyword arguments");
    }
    let m = this(v);
    match args.len() {
        0 => Ok(m.group_by_index(0, &Value::NONE)),
        1 => m.group(&args[0], &Value::NONE),
        _ => {
            let items = args
                .iter()
                .map(|a| m.group(a, &Value::NONE))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(new_tuple(items))
        }
    }
}

fn m_getitem(v: &Value, k: &Value) -> PyResult<Value> {
    this(v).group(k, &Value::NONE)
}

fn m_groups(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("groups", args, kw);
    let default = p.optional("default")?.unwrap_or(Value::NONE);
    p.finish()?;
    let m = this(v);
    Ok(new_tuple(
        (1..m.ngroups())
            .map(|i| m.group_by_index(i, &default))
            .collect(),
    ))
}

fn m_groupdict(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("groupdict", args, kw);
    let default = p.optional("default")?.unwrap_or(Value::NONE);
    p.finish()?;
    let m = this(v);
    let out = new_dict();
    let od = out.downcast_ref::<Dict>().unwrap();
    if let Some(d) = pattern_of(m).groupindex.downcast_ref::<Dict>() {
        for key in d.keys() {
            let val = m.group(&key, &default)?;
            od.set_item(key, val)?;
        }
    }
    Ok(out)
}

/// The optional positional-only group argument of `start`/`end`/`span`.
fn group_arg(name: &str, m: &Match, args: &[Value], kw: &[Value]) -> PyResult<usize> {
    if !kw.is_empty() {
        return err(
            &TYPE_ERROR,
            format!("{}() takes no keyword arguments", name),
        );
    }
    if args.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!("{} expected at most 1 argument, got {}", name, args.len()),
        );
    }
    match args.first() {
        Some(g) => m.group_index(g),
        None => Ok(0),
    }
}

fn m_start(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let m = this(v);
    let i = group_arg("start", m, args, kw)?;
    Ok(Value::int(m.marks[2 * i] as i64))
}

fn m_end(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let m = this(v);
    let i = group_arg("end", m, args, kw)?;
    Ok(Value::int(m.marks[2 * i + 1] as i64))
}

fn pair(a: isize, b: isize) -> Value {
    new_tuple(vec![Value::int(a as i64), Value::int(b as i64)])
}

fn m_span(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let m = this(v);
    let i = group_arg("span", m, args, kw)?;
    Ok(pair(m.marks[2 * i], m.marks[2 * i + 1]))
}

fn m_expand(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("expand", args, kw);
    let template = p.required("template")?;
    p.finish()?;
    let m = this(v);
    let t = compile_template(&m.pattern, &template)?;
    expand_template(&t, v)
}

fn m_copy(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("__copy__", args)?;
    Ok(v.clone())
}

fn m_deepcopy(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::exactly_one("__deepcopy__", args)?;
    Ok(v.clone())
}

fn match_repr(v: &Value) -> PyResult<Value> {
    let m = this(v);
    let g0 = m.group_by_index(0, &Value::NONE);
    let r = crate::ops::object::repr_string(&g0)?;
    Ok(from_string(format!(
        "<re.Match object; span=({}, {}), match={}>",
        m.marks[0],
        m.marks[1],
        truncate_chars(&r, 50)
    )))
}

static MATCH_METHODS: &[MethodDef] = &[
    method!("group", m_group),
    method!("start", m_start),
    method!("end", m_end),
    method!("span", m_span),
    method!("groups", m_groups),
    method!("groupdict", m_groupdict),
    method!("expand", m_expand),
    method!("__copy__", m_copy),
    method!("__deepcopy__", m_deepcopy),
];

fn get_lastindex(v: &Value) -> PyResult<Value> {
    let m = this(v);
    Ok(if m.lastindex >= 0 {
        Value::int(m.lastindex as i64)
    } else {
        Value::NONE
    })
}

fn get_lastgroup(v: &Value) -> PyResult<Value> {
    let m = this(v);
    let pat = pattern_of(m);
    if m.lastindex >= 0 {
        if let Some(names) = try_tuple_items(&pat.indexgroup) {
            if let Some(n) = names.get(m.lastindex as usize) {
                return Ok(n.clone());
            }
        }
    }
    Ok(Value::NONE)
}

fn get_regs(v: &Value) -> PyResult<Value> {
    let m = this(v);
    Ok(new_tuple(
        (0..m.ngroups())
            .map(|i| pair(m.marks[2 * i], m.marks[2 * i + 1]))
            .collect(),
    ))
}

static MATCH_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "string",
        get: |v| Ok(this(v).subject.value.clone()),
        set: None,
    },
    GetSetDef {
        name: "re",
        get: |v| Ok(this(v).pattern.clone()),
        set: None,
    },
    GetSetDef {
        name: "pos",
        get: |v| Ok(Value::int(this(v).pos as i64)),
        set: None,
    },
    GetSetDef {
        name: "endpos",
        get: |v| Ok(Value::int(this(v).endpos as i64)),
        set: None,
    },
    GetSetDef {
        name: "lastindex",
        get: get_lastindex,
        set: None,
    },
    GetSetDef {
        name: "lastgroup",
        get: get_lastgroup,
        set: None,
    },
    GetSetDef {
        name: "regs",
        get: get_regs,
        set: None,
    },
];

/// The `re.Match` type.
pub static MATCH_TYPE: TypeObject = TypeObject {
    name: "re.Match",
    layout: &MATCH_TYPE,
    dealloc: dealloc_obj::<Match>,
    repr: Some(match_repr),
    hash: Some(|v| Ok(crate::objects::object::identity_hash(v))),
    getitem: Some(m_getitem),
    methods: MATCH_METHODS,
    getsets: MATCH_GETSETS,
    doc: "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
    ..TypeObject::EMPTY
};
