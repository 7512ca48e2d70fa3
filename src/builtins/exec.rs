//! Dynamic code: the built-ins `compile`, `exec` and `eval`, and turning a compiler error
//! into the Python exception CPython raises (`SyntaxError` with `msg`, `filename`, `lineno`,
//! `offset`, `text`, `end_lineno`, `end_offset`).
//!
//! Source is compiled by CPython 3.12's compiler through the persistent compile server
//! ([`crate::compile::compile_source`]); the marshalled code comes back as a code object.
//! `exec`/`eval` run a code object in a frame whose globals are the given dict and whose
//! `locals` mapping (read by `LOAD_NAME`/`STORE_NAME`) is the given locals, defaulting to
//! the caller's globals and locals as in CPython. In a function, the default locals are a
//! snapshot dict of the function's variables (writes to it do not change them), as in 3.12.

use crate::abi::Value;
use crate::compile::{CompileError, CompileOptions, Mode, Source};
use crate::objects::dict::Dict;
use crate::objects::exception::{
    err, new_exception, new_exception_msg, raise_value, RUNTIME_ERROR, SYNTAX_ERROR, TYPE_ERROR,
    VALUE_ERROR,
};
use crate::objects::module::Module;
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::new_tuple;
use crate::objects::{PyResult, Raised, TypeObject};
use crate::ops::object::set_instance_dict_item;

/// `PyCF_ONLY_AST`: `compile()` would return an AST, which apython cannot build.
const PYCF_ONLY_AST: i64 = 0x400;

fn opt_str(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::NONE, new_str)
}

fn opt_int(i: Option<i64>) -> Value {
    i.map_or(Value::NONE, Value::int)
}

/// Raises the Python exception for a failed compilation: the compiler's own exception
/// (`SyntaxError`, `IndentationError`, `ValueError`, ...) rebuilt with its attributes, after
/// printing any compiler warnings to stderr. Errors of the compiler process itself become
/// `fallback` (e.g. `ImportError` for imports, `RuntimeError` for `compile()`).
pub fn raise_compile_error_as(e: CompileError, fallback: &'static TypeObject) -> Raised {
    match e {
        CompileError::Exception(pe) => {
            for w in &pe.warnings {
                let _ = crate::modules::sys::write_stderr(&w.formatted);
            }
            let ty = crate::builtins::builtins_dict()
                .downcast_ref::<Dict>()
                .and_then(|d| d.get_str(&new_str(&pe.type_name)))
                .and_then(|t| crate::ops::object::as_type(&t))
                .filter(|t| t.is_subtype(&crate::objects::exception::BASE_EXCEPTION))
                .unwrap_or(if pe.is_syntax_error {
                    &SYNTAX_ERROR
                } else {
                    fallback
                });
            if !pe.is_syntax_error {
                return raise_value(new_exception_msg(ty, &pe.msg));
            }
            let details = new_tuple(vec![
                opt_str(&pe.filename),
                opt_int(pe.lineno),
                opt_int(pe.offset),
                opt_str(&pe.text),
                opt_int(pe.end_lineno),
                opt_int(pe.end_offset),
            ]);
            let exc = new_exception(ty, vec![new_str(&pe.msg), details]);
            let attrs = [
                ("msg", new_str(&pe.msg)),
                ("filename", opt_str(&pe.filename)),
                ("lineno", opt_int(pe.lineno)),
                ("offset", opt_int(pe.offset)),
                ("text", opt_str(&pe.text)),
                ("end_lineno", opt_int(pe.end_lineno)),
                ("end_offset", opt_int(pe.end_offset)),
                ("print_file_and_line", Value::NONE),
            ];
            for (k, v) in attrs {
                let _ = set_instance_dict_item(&exc, k, v);
            }
            raise_value(exc)
        }
        CompileError::Io {
            path,
            errno,
            message,
        } => {
            let errno = errno.unwrap_or(0);
            let msg = message
                .rsplit_once(" (os error")
                .map_or(message.as_str(), |(m, _)| m)
                .to_string();
            let ty: &TypeObject = match errno {
                libc::ENOENT => &crate::objects::exception::FILE_NOT_FOUND_ERROR,
                libc::EACCES | libc::EPERM => &crate::objects::exception::PERMISSION_ERROR,
                libc::EISDIR => &crate::objects::exception::IS_A_DIRECTORY_ERROR,
                _ => &crate::objects::exception::OS_ERROR,
            };
            let exc = new_exception(ty, vec![Value::int(errno as i64), new_str(&msg)]);
            let _ = set_instance_dict_item(&exc, "errno", Value::int(errno as i64));
            let _ = set_instance_dict_item(&exc, "strerror", new_str(&msg));
            let _ = set_instance_dict_item(&exc, "filename", new_str(&path.to_string_lossy()));
            raise_value(exc)
        }
        other => raise_value(new_exception_msg(fallback, other.to_string())),
    }
}

/// [`raise_compile_error_as`] with `ImportError` for failures of the compiler process.
pub fn raise_compile_error(e: CompileError) -> Raised {
    raise_compile_error_as(e, &crate::objects::exception::IMPORT_ERROR)
}

/// Compiles `source` (str or bytes-like) to a code object.
fn compile_to_code(
    source: &Value,
    filename: &[u8],
    mode: Mode,
    options: &CompileOptions,
    strip_leading: bool,
    fname: &str,
) -> PyResult<Value> {
    let text;
    let src = if let Some(s) = as_str(source) {
        text = s.to_string();
        let t = if strip_leading {
            text.trim_start_matches([' ', '\t'])
        } else {
            text.as_str()
        };
        Source::Text(t)
    } else if let Some(b) = crate::objects::bytes::as_bytes(source) {
        let mut b = b;
        if strip_leading {
            while let [b' ' | b'\t', rest @ ..] = b {
                b = rest;
            }
        }
        Source::Bytes(b)
    } else {
        let what = if fname == "compile" {
            "compile() arg 1 must be a string, bytes or AST object".to_string()
        } else {
            format!("{}() arg 1 must be a string, bytes or code object", fname)
        };
        return err(&TYPE_ERROR, what);
    };
    let compiled = crate::compile::compile_source(src, filename, mode, options)
        .map_err(|e| raise_compile_error_as(e, &RUNTIME_ERROR))?;
    for w in &compiled.warnings {
        crate::modules::sys::write_stderr(&w.formatted)?;
    }
    match crate::pyc::marshal::loads(&compiled.marshalled) {
        Ok(crate::pyc::Obj::Code(raw)) => crate::objects::code::new_code(&raw),
        _ => err(
            &crate::objects::exception::SYSTEM_ERROR,
            "the compiler returned no code object",
        ),
    }
}

fn is_code(v: &Value) -> bool {
    v.downcast_ref::<crate::objects::code::Code>().is_some()
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn b_compile(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = crate::builtins::args::ArgParser::new("compile", args, kw);
    let source = p.required("source")?;
    let filename = p.required("filename")?;
    let mode = p.required("mode")?;
    let flags = p.optional("flags")?;
    let dont_inherit = p.optional("dont_inherit")?;
    let optimize = p.optional("optimize")?;
    let _feature_version = p.kw_only("_feature_version")?;
    p.finish()?;
    let fname: Vec<u8> = if let Some(s) = as_str(&filename) {
        s.as_bytes().to_vec()
    } else if let Some(b) = crate::objects::bytes::as_bytes(&filename) {
        b.to_vec()
    } else {
        return err(
            &TYPE_ERROR,
            format!(
                "expected str, bytes or os.PathLike object, not {}",
                filename.type_name()
            ),
        );
    };
    let mode = match as_str(&mode).as_deref() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some(_) => {
            return err(
                &VALUE_ERROR,
                "compile() mode must be 'exec', 'eval' or 'single'",
            )
        }
        None => {
            return err(
                &TYPE_ERROR,
                format!(
                    "compile() argument 'mode' must be str, not {}",
                    mode.type_name()
                ),
            )
        }
    };
    let flags = match flags {
        Some(f) => crate::ops::number::index_i64(&f)?,
        None => 0,
    };
    if flags & PYCF_ONLY_AST != 0 {
        return err(
            &crate::objects::exception::NOT_IMPLEMENTED_ERROR,
            "compile() to an AST object is not supported by apython",
        );
    }
    let optimize = match optimize {
        Some(o) => crate::ops::number::index_i64(&o)?,
        None => -1,
    };
    let dont_inherit = match dont_inherit {
        Some(d) => crate::ops::object::truthy(&d)?,
        None => false,
    };
    if is_code(&source) {
        return Ok(source);
    }
    let options = CompileOptions {
        flags: flags as u32,
        optimize: optimize as i32,
        dont_inherit,
    };
    compile_to_code(&source, &fname, mode, &options, false, "compile")
}

/// The builtins dict a frame running with `globals` uses: `globals['__builtins__']` (a
/// module's dict, or a dict), inserting the current builtins when it is missing.
fn builtins_for(globals: &Dict) -> PyResult<Value> {
    match builtins_in(globals)? {
        Some(b) => Ok(b),
        None => {
            let b = current_builtins();
            globals.set_item(new_str("__builtins__"), b.clone())?;
            Ok(b)
        }
    }
}

/// The builtins dict that `globals['__builtins__']` names (a module's dict, or a dict), if
/// the key is there; a function made with these globals (`types.FunctionType`) uses it, or
/// [`current_builtins`] when the key is missing.
pub(crate) fn builtins_in(globals: &Dict) -> PyResult<Option<Value>> {
    let Some(b) = globals.get_item(&new_str("__builtins__"))? else {
        return Ok(None);
    };
    if let Some(m) = b.downcast_ref::<Module>() {
        return Ok(Some(m.dict.clone()));
    }
    if b.downcast_ref::<Dict>().is_some() {
        return Ok(Some(b));
    }
    Ok(Some(crate::builtins::builtins_dict()))
}

/// The builtins of the running frame (the builtins module's dict when none runs).
pub(crate) fn current_builtins() -> Value {
    let fs = crate::vm::frame::frames();
    match fs.frames.last() {
        Some(f) => f.function().builtins.clone(),
        None => crate::builtins::builtins_dict(),
    }
}

/// Shared by `exec` and `eval`: the code object plus the globals and locals to run it with.
fn prepare(
    fname: &str,
    args: &[Value],
    kw: &[Value],
    mode: Mode,
) -> PyResult<(Value, Value, Value, Value)> {
    let npos = args.len() - kw.len();
    let is_exec = fname == "exec";
    if !is_exec && !kw.is_empty() {
        return err(&TYPE_ERROR, "eval() takes no keyword arguments");
    }
    if npos == 0 {
        return err(
            &TYPE_ERROR,
            if is_exec {
                "exec() takes at least 1 positional argument (0 given)".to_string()
            } else {
                "eval expected at least 1 argument, got 0".to_string()
            },
        );
    }
    if npos > 3 {
        return err(
            &TYPE_ERROR,
            if is_exec {
                format!(
                    "exec() takes at most 3 positional arguments ({} given)",
                    npos
                )
            } else {
                format!("eval expected at most 3 arguments, got {}", npos)
            },
        );
    }
    let mut p = crate::builtins::args::ArgParser::new(fname, args, kw);
    let source = p.optional_pos().unwrap_or(Value::NONE);
    let globals = p.optional_pos().unwrap_or(Value::NONE);
    let locals = p.optional_pos().unwrap_or(Value::NONE);
    let closure = if is_exec { p.kw_only("closure")? } else { None };
    for k in kw {
        if as_str(k).is_none_or(|s| &*s != "closure") {
            return err(
                &TYPE_ERROR,
                format!(
                    "'{}' is an invalid keyword argument for exec()",
                    as_str(k).map(|s| s.to_string()).unwrap_or_default()
                ),
            );
        }
    }
    if !globals.is_none() && globals.downcast_ref::<Dict>().is_none() {
        return err(
            &TYPE_ERROR,
            if fname == "exec" {
                format!("exec() globals must be a dict, not {}", globals.type_name())
            } else if locals_like(&globals) {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            },
        );
    }
    if !locals.is_none() && !locals_like(&locals) {
        return err(
            &TYPE_ERROR,
            if fname == "exec" {
                format!(
                    "locals must be a mapping or None, not {}",
                    locals.type_name()
                )
            } else {
                "locals must be a mapping".to_string()
            },
        );
    }
    let (globals, locals) = match (globals.is_none(), locals.is_none()) {
        (true, true) => (
            crate::builtins::core::b_globals(&Value::NULL, &[], &[])?,
            crate::builtins::core::b_locals(&Value::NULL, &[], &[])?,
        ),
        (true, false) => (
            crate::builtins::core::b_globals(&Value::NULL, &[], &[])?,
            locals,
        ),
        (false, true) => (globals.clone(), globals),
        (false, false) => (globals, locals),
    };
    let builtins = builtins_for(globals.downcast_ref::<Dict>().unwrap())?;
    let code = if is_code(&source) {
        source
    } else {
        compile_to_code(
            &source,
            b"<string>",
            mode,
            &CompileOptions {
                flags: 0,
                optimize: -1,
                dont_inherit: false,
            },
            mode == Mode::Eval,
            fname,
        )?
    };
    let c = code.downcast_ref::<crate::objects::code::Code>().unwrap();
    let nfree = c
        .localspluskinds
        .iter()
        .filter(|k| **k & crate::objects::code::fast_kind::FREE != 0)
        .count();
    if nfree > 0 {
        return err(
            &TYPE_ERROR,
            format!(
                "code object passed to {}() may not contain free variables",
                fname
            ),
        );
    }
    if closure.is_some_and(|c| !c.is_none()) {
        return err(&TYPE_ERROR, "cannot use a closure with this code object");
    }
    Ok((code, globals, locals, builtins))
}

fn locals_like(v: &Value) -> bool {
    v.downcast_ref::<Dict>().is_some() || v.ty().getitem.is_some()
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
pub fn b_exec(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (code, globals, locals, builtins) = prepare("exec", args, kw, Mode::Exec)?;
    crate::vm::interp::run_code(code, globals, locals, builtins)?;
    Ok(Value::NONE)
}

/// `eval(source, globals=None, locals=None, /)`.
pub fn b_eval(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (code, globals, locals, builtins) = prepare("eval", args, kw, Mode::Eval)?;
    crate::vm::interp::run_code(code, globals, locals, builtins)
}
