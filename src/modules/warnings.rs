//! `_warnings`: the warning machinery `warnings.py` delegates to (as CPython's
//! `Python/_warnings.c`): `warn`, `warn_explicit`, the filter list, the "once" registry and
//! the default action. Being native, `warn` adds no Python frames, so `stacklevel` and the
//! tracebacks of warnings turned into errors are as in CPython.
//!
//! While `warnings` is imported, its `filters`, `onceregistry` and `defaultaction` attributes
//! are the ones consulted (`catch_warnings` replaces them), and warnings are shown through its
//! `_showwarnmsg`; before that, this module's own state applies and warnings are printed to
//! `sys.stderr` directly. [`warn`] is the entry point for native code (`PyErr_WarnEx`).

use std::cell::RefCell;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{
    err, raise_value, DEPRECATION_WARNING, IMPORT_WARNING, PENDING_DEPRECATION_WARNING,
    RESOURCE_WARNING, RUNTIME_ERROR, TYPE_ERROR, USER_WARNING, VALUE_ERROR, WARNING,
};
use crate::objects::list::{new_list, List};
use crate::objects::module::{new_module, Module};
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{PyResult, TypeObject};
use crate::ops::object::{getattr_opt, repr_string, str_of};
use crate::vm::call::call;

/// The module's own state (used until `warnings` is imported).
struct State {
    filters: Value,
    once_registry: Value,
    default_action: Value,
    /// Bumped by `_filters_mutated()`: registries of an older version are stale.
    filters_version: i64,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// CPython's default filters (release builds).
fn default_filters() -> Value {
    let f = |action: &str, cat: &TypeObject, module: Option<&str>| {
        new_tuple(vec![
            new_str(action),
            Value::NONE,
            cat.to_value(),
            module.map_or(Value::NONE, new_str),
            Value::int(0),
        ])
    };
    new_list(vec![
        f("default", &DEPRECATION_WARNING, Some("__main__")),
        f("ignore", &DEPRECATION_WARNING, None),
        f("ignore", &PENDING_DEPRECATION_WARNING, None),
        f("ignore", &IMPORT_WARNING, None),
        f("ignore", &RESOURCE_WARNING, None),
    ])
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.get_or_insert_with(|| State {
            filters: default_filters(),
            once_registry: new_dict(),
            default_action: new_str("default"),
            filters_version: 0,
        });
        f(st)
    })
}

/// Attribute `name` of the `warnings` module, if that module is imported (or, with
/// `try_import`, can be).
fn warnings_attr(name: &str, try_import: bool) -> PyResult<Option<Value>> {
    let module = if try_import {
        match crate::vm::import::import_module("warnings") {
            Ok(m) => m,
            Err(e) => {
                if crate::objects::exception::raised_matches(
                    &crate::objects::exception::IMPORT_ERROR,
                ) {
                    crate::vm::thread::take_raised();
                    return Ok(None);
                }
                return Err(e);
            }
        }
    } else {
        let modules = crate::modules::sys::modules_dict();
        match modules
            .downcast_ref::<Dict>()
            .and_then(|d| d.get_str(&new_str("warnings")))
        {
            Some(m) if !m.is_none() => m,
            _ => return Ok(None),
        }
    };
    getattr_opt(&module, &new_str(name))
}

/// Whether filter field `pattern` (None, an exact str, or a compiled regex) matches `arg`.
fn check_matched(pattern: &Value, arg: &Value) -> PyResult<bool> {
    if pattern.is_none() {
        return Ok(true);
    }
    if crate::objects::str::is_exact_str(pattern) {
        return Ok(crate::objects::str::str_eq(pattern, arg));
    }
    let m = crate::ops::object::getattr_str(pattern, "match")?;
    let r = call(&m, std::slice::from_ref(arg), &[])?;
    crate::ops::object::truthy(&r)
}

/// The action for a warning: the first matching filter's, else the default action. Returns the
/// action and the filter item (None for the default).
fn get_filter(
    category: &Value,
    text: &Value,
    lineno: i64,
    module: &Value,
) -> PyResult<(Value, Value)> {
    let filters = match warnings_attr("filters", false)? {
        Some(f) => {
            with_state(|s| s.filters = f.clone());
            f
        }
        None => with_state(|s| s.filters.clone()),
    };
    let Some(list) = filters.downcast_ref::<List>() else {
        return err(&VALUE_ERROR, "_warnings.filters must be a list");
    };
    let mut i = 0;
    while let Some(item) = list.get(i) {
        let Some([action, msg, cat, modpat, ln]) = try_tuple_items(&item)
            .map(|t| t.to_vec())
            .and_then(|t| <[Value; 5]>::try_from(t).ok())
        else {
            return err(
                &VALUE_ERROR,
                format!("_warnings.filters item {} isn't a 5-tuple", i),
            );
        };
        if as_str(&action).is_none() {
            return err(
                &TYPE_ERROR,
                format!("action must be a string, not '{}'", action.type_name()),
            );
        }
        let good_msg = check_matched(&msg, text)?;
        let good_mod = check_matched(&modpat, module)?;
        let is_subclass = crate::builtins::core::issubclass(category, &cat)?;
        let ln = crate::ops::number::index_i64(&ln)?;
        if good_msg && is_subclass && good_mod && (ln == 0 || lineno == ln) {
            return Ok((action, item));
        }
        i += 1;
    }
    let action = match warnings_attr("defaultaction", false)? {
        Some(a) => {
            if as_str(&a).is_none() {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "_warnings.defaultaction must be a string, not '{}'",
                        a.type_name()
                    ),
                );
            }
            with_state(|s| s.default_action = a.clone());
            a
        }
        None => with_state(|s| s.default_action.clone()),
    };
    Ok((action, Value::NONE))
}

/// Whether `key` is already in `registry` (clearing a registry of an older filters version);
/// records it when `set`.
fn already_warned(registry: &Value, key: Value, set: bool) -> PyResult<bool> {
    let Some(d) = registry.downcast_ref::<Dict>() else {
        return Ok(false);
    };
    let version = with_state(|s| s.filters_version);
    let vkey = new_str("version");
    match d.get_item(&vkey)? {
        Some(v) if v.as_small_int() == Some(version) && v.is_int() => {
            if let Some(w) = d.get_item(&key)? {
                if crate::ops::object::truthy(&w)? {
                    return Ok(true);
                }
            }
        }
        _ => {
            d.clear();
            d.set_item(vkey, Value::int(version))?;
        }
    }
    if set {
        d.set_item(key, Value::TRUE)?;
    }
    Ok(false)
}

/// The once-registry: `warnings.onceregistry` when imported, else ours.
fn once_registry() -> PyResult<Value> {
    match warnings_attr("onceregistry", false)? {
        Some(r) => {
            if r.downcast_ref::<Dict>().is_none() {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "_warnings.onceregistry must be a dict, not '{}'",
                        r.type_name()
                    ),
                );
            }
            with_state(|s| s.once_registry = r.clone());
            Ok(r)
        }
        None => Ok(with_state(|s| s.once_registry.clone())),
    }
}

/// Prints a warning to `sys.stderr` without the `warnings` module.
fn show_warning_native(
    filename: &Value,
    lineno: i64,
    text: &Value,
    category: &Value,
) -> PyResult<()> {
    let name = crate::ops::object::getattr_str(category, "__name__")?;
    let mut s = format!(
        "{}:{}: {}: {}\n",
        crate::ops::object::str_string(filename)?,
        lineno,
        crate::ops::object::str_string(&name)?,
        crate::ops::object::str_string(text)?
    );
    if let Some(line) =
        as_str(filename).and_then(|f| crate::vm::traceback::source_line(&f, lineno.max(0) as u32))
    {
        s.push_str("  ");
        s.push_str(&line);
        s.push('\n');
    }
    let sys = crate::modules::sys::module();
    match getattr_opt(&sys, &new_str("stderr"))? {
        Some(err_stream) if !err_stream.is_none() => {
            let w = crate::ops::object::getattr_str(&err_stream, "write")?;
            call(&w, &[crate::objects::str::from_string(s)], &[])?;
        }
        _ => eprintln!("lost sys.stderr"),
    }
    Ok(())
}

/// Shows a warning through `warnings._showwarnmsg` (a `WarningMessage`), or natively.
#[allow(clippy::too_many_arguments)]
fn call_show_warning(
    category: &Value,
    text: &Value,
    message: &Value,
    filename: &Value,
    lineno: i64,
    source: &Value,
) -> PyResult<()> {
    let Some(show) = warnings_attr("_showwarnmsg", !source.is_none())? else {
        return show_warning_native(filename, lineno, text, category);
    };
    if !crate::builtins::core::is_callable(&show) {
        return err(
            &TYPE_ERROR,
            "warnings._showwarnmsg() must be set to a callable",
        );
    }
    let Some(cls) = warnings_attr("WarningMessage", false)? else {
        return err(&RUNTIME_ERROR, "unable to get warnings.WarningMessage");
    };
    let msg = call(
        &cls,
        &[
            message.clone(),
            category.clone(),
            filename.clone(),
            Value::int(lineno),
            Value::NONE,
            Value::NONE,
            source.clone(),
        ],
        &[],
    )?;
    call(&show, &[msg], &[])?;
    Ok(())
}

/// `warn_explicit` proper: filters, registries, then show, raise or ignore.
#[allow(clippy::too_many_arguments)]
fn warn_explicit_impl(
    category: &Value,
    message: &Value,
    filename: &Value,
    lineno: i64,
    module: Option<Value>,
    registry: &Value,
    source: &Value,
) -> PyResult<()> {
    if module.as_ref().is_some_and(|m| m.is_none()) {
        return Ok(());
    }
    if !registry.is_none() && registry.downcast_ref::<Dict>().is_none() {
        return err(&TYPE_ERROR, "'registry' must be a dict or None");
    }
    let module = match module {
        Some(m) => m,
        None => {
            let f = crate::ops::object::str_string(filename)?;
            if f.is_empty() {
                new_str("<unknown>")
            } else {
                new_str(f.strip_suffix(".py").unwrap_or(&f))
            }
        }
    };
    let (text, category, message) =
        if crate::objects::exception::is_exception(message) && message.ty().is_subtype(&WARNING) {
            (str_of(message)?, message.ty().to_value(), message.clone())
        } else {
            let m = call(category, std::slice::from_ref(message), &[])?;
            (message.clone(), category.clone(), m)
        };
    let key = new_tuple(vec![text.clone(), category.clone(), Value::int(lineno)]);
    if !registry.is_none() && already_warned(registry, key.clone(), false)? {
        return Ok(());
    }
    let (action, item) = get_filter(&category, &text, lineno, &module)?;
    let action_s = as_str(&action).map(|s| s.to_string()).unwrap_or_default();
    if action_s == "error" {
        return Err(raise_value(message));
    }
    if action_s == "ignore" {
        return Ok(());
    }
    if action_s != "always" {
        if let Some(d) = registry.downcast_ref::<Dict>() {
            d.set_item(key, Value::TRUE)?;
        }
        let seen = match action_s.as_str() {
            "once" => {
                let reg = if registry.is_none() {
                    once_registry()?
                } else {
                    registry.clone()
                };
                already_warned(&reg, new_tuple(vec![text.clone(), category.clone()]), true)?
            }
            "module" => {
                !registry.is_none()
                    && already_warned(
                        registry,
                        new_tuple(vec![text.clone(), category.clone()]),
                        true,
                    )?
            }
            "default" => false,
            _ => {
                return err(
                    &RUNTIME_ERROR,
                    format!(
                        "Unrecognized action ({}) in warnings.filters:\n {}",
                        repr_string(&action)?,
                        repr_string(&item)?
                    ),
                )
            }
        };
        if seen {
            return Ok(());
        }
    }
    call_show_warning(&category, &text, &message, filename, lineno, source)
}

/// Whether a frame's file is one of `prefixes` (`skip_file_prefixes`).
fn skipped(file: &str, prefixes: &[String]) -> bool {
    prefixes.iter().any(|p| file.starts_with(p.as_str()))
}

/// Where a warning issued `stacklevel` frames up is attributed: (filename, lineno, globals).
fn setup_context(stacklevel: i64, skip: &[String]) -> (Value, i64, Option<Value>) {
    let fs = crate::vm::frame::frames();
    let n = fs.frames.len();
    let mut idx: Option<usize> = n.checked_sub(1);
    let mut level = stacklevel;
    while level > 1 {
        let Some(i) = idx else { break };
        idx = i.checked_sub(1);
        // Frames of skipped files do not count (CPython skips them only with prefixes).
        while let Some(j) = idx {
            let file =
                crate::ops::object::str_string(&fs.frames[j].code().filename).unwrap_or_default();
            if !skip.is_empty() && skipped(&file, skip) {
                idx = j.checked_sub(1);
            } else {
                break;
            }
        }
        level -= 1;
    }
    match idx {
        Some(i) => {
            let f = &fs.frames[i];
            let code = f.code();
            let globals = f.function().globals.clone();
            (
                code.filename.clone(),
                code.line_at(f.lasti) as i64,
                Some(globals),
            )
        }
        None => (new_str("sys"), 1, None),
    }
}

/// `warn(message, category, stacklevel, source)` after argument checks (CPython's `do_warn`).
fn do_warn(
    message: &Value,
    category: &Value,
    stacklevel: i64,
    source: &Value,
    skip: &[String],
) -> PyResult<()> {
    let (filename, lineno, globals) = setup_context(stacklevel, skip);
    let globals = globals.unwrap_or_else(|| {
        crate::modules::sys::module()
            .downcast_ref::<Module>()
            .map(|m| m.dict.clone())
            .unwrap_or_else(new_dict)
    });
    let gd = globals.downcast_ref::<Dict>().expect("globals are a dict");
    let rkey = new_str("__warningregistry__");
    let registry = match gd.get_item(&rkey)? {
        Some(r) => r,
        None => {
            let r = new_dict();
            gd.set_item(rkey, r.clone())?;
            r
        }
    };
    let module = match gd.get_item(&new_str("__name__"))? {
        Some(m) if m.is_none() || as_str(&m).is_some() => m,
        _ => new_str("<string>"),
    };
    warn_explicit_impl(
        category,
        message,
        &filename,
        lineno,
        Some(module),
        &registry,
        source,
    )
}

/// The category of a warning: the message's class when it is a Warning, else `category`
/// (UserWarning when None), which must be a Warning subclass.
fn get_category(message: &Value, category: Option<Value>) -> PyResult<Value> {
    let cat =
        if crate::objects::exception::is_exception(message) && message.ty().is_subtype(&WARNING) {
            message.ty().to_value()
        } else {
            match category {
                None => USER_WARNING.to_value(),
                Some(c) if c.is_none() => USER_WARNING.to_value(),
                Some(c) => c,
            }
        };
    let ok = crate::ops::object::as_type(&cat).is_some_and(|t| t.is_subtype(&WARNING));
    if !ok {
        return err(
            &TYPE_ERROR,
            format!(
                "category must be a Warning subclass, not '{}'",
                cat.type_name()
            ),
        );
    }
    Ok(cat)
}

/// Issues a warning from native code (CPython's `PyErr_WarnEx`): `category` with `message`,
/// attributed `stacklevel` frames up (1: the Python code that called the native function).
pub fn warn(category: &'static TypeObject, message: &str, stacklevel: i64) -> PyResult<()> {
    do_warn(
        &new_str(message),
        &category.to_value(),
        stacklevel,
        &Value::NONE,
        &[],
    )
}

/// `warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=())`.
fn w_warn(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("warn", args, kw);
    let message = p.required("message")?;
    let category = p.optional("category")?;
    let stacklevel = p.optional("stacklevel")?;
    let source = p.optional("source")?.unwrap_or(Value::NONE);
    let skip = p.kw_only("skip_file_prefixes")?;
    p.finish()?;
    let mut stacklevel = match stacklevel {
        Some(s) => crate::ops::number::index_i64(&s)?,
        None => 1,
    };
    let mut prefixes = Vec::new();
    if let Some(s) = skip {
        let Some(items) = try_tuple_items(&s) else {
            return err(
                &TYPE_ERROR,
                format!(
                    "warn() argument 'skip_file_prefixes' must be tuple, not {}",
                    s.type_name()
                ),
            );
        };
        for it in items {
            match as_str(it) {
                Some(p) => prefixes.push(p.to_string()),
                None => {
                    return err(
                        &TYPE_ERROR,
                        "Found non-str '%s' in skip_file_prefixes.".replace("%s", it.type_name()),
                    )
                }
            }
        }
        if !prefixes.is_empty() && stacklevel < 2 {
            stacklevel = 2;
        }
    }
    let category = get_category(&message, category)?;
    do_warn(&message, &category, stacklevel, &source, &prefixes)?;
    Ok(Value::NONE)
}

/// `warn_explicit(message, category, filename, lineno, module=None, registry=None,
/// module_globals=None, source=None)`.
fn w_warn_explicit(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("warn_explicit", args, kw);
    let message = p.required("message")?;
    let category = p.required("category")?;
    let filename = p.required("filename")?;
    let lineno = p.required("lineno")?;
    let module = p.optional("module")?;
    let registry = p.optional("registry")?.unwrap_or(Value::NONE);
    let module_globals = p.optional("module_globals")?;
    let source = p.optional("source")?.unwrap_or(Value::NONE);
    p.finish()?;
    if as_str(&filename).is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "warn_explicit() argument 3 must be str, not {}",
                filename.type_name()
            ),
        );
    }
    if let Some(g) = module_globals.filter(|g| !g.is_none()) {
        if g.downcast_ref::<Dict>().is_none() {
            return err(
                &TYPE_ERROR,
                format!("module_globals must be a dict, not '{}'", g.type_name()),
            );
        }
    }
    let lineno = crate::ops::number::index_i64(&lineno)?;
    warn_explicit_impl(
        &category, &message, &filename, lineno, module, &registry, &source,
    )?;
    Ok(Value::NONE)
}

fn w_filters_mutated(_: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    with_state(|s| s.filters_version += 1);
    Ok(Value::NONE)
}

/// Creates the `_warnings` module.
pub fn create() -> Value {
    let m = new_module("_warnings");
    crate::modules::add_functions(
        &m,
        &[
            ("warn", w_warn),
            ("warn_explicit", w_warn_explicit),
            ("_filters_mutated", w_filters_mutated),
        ],
    );
    let md = m.downcast_ref::<Module>().unwrap();
    let (filters, once, default) = with_state(|s| {
        (
            s.filters.clone(),
            s.once_registry.clone(),
            s.default_action.clone(),
        )
    });
    md.set("filters", filters);
    md.set("_onceregistry", once);
    md.set("_defaultaction", default);
    m
}
