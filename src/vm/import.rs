//! `import`: native modules (`sys`, `math`, `time`, ...) from the registry in `modules`, cached
//! in `sys.modules`. Importing Python source modules arrives with the module system work.

use crate::abi::Value;
use crate::objects::dict::Dict;
use crate::objects::exception::{
    err, new_exception_msg, raise_value, IMPORT_ERROR, MODULE_NOT_FOUND_ERROR,
};
use crate::objects::module::Module;
use crate::objects::str::{as_str, new_str};
use crate::objects::PyResult;
use crate::ops::object::set_instance_dict_item;

/// `IMPORT_NAME`: returns the top-level package (or the module itself with a fromlist).
pub fn import_name(
    name: &Value,
    _globals: &Value,
    fromlist: &Value,
    level: &Value,
) -> PyResult<Value> {
    if level.as_small_int().unwrap_or(0) != 0 {
        return err(
            &IMPORT_ERROR,
            "attempted relative import with no known parent package",
        );
    }
    let full = as_str(name).map(|s| s.to_string()).unwrap_or_default();
    let top = full.split('.').next().unwrap_or("").to_string();
    let m = import_module(&full)?;
    if fromlist.is_none() && full != top {
        return import_module(&top);
    }
    Ok(m)
}

/// Imports a module by its dotted name.
pub fn import_module(name: &str) -> PyResult<Value> {
    let modules = crate::modules::sys::modules_dict();
    let d = modules.downcast_ref::<Dict>().unwrap();
    if let Some(m) = d.get_str(&new_str(name)) {
        return Ok(m);
    }
    if let Some(m) = crate::modules::create_native(name)? {
        d.set_item(new_str(name), m.clone())?;
        return Ok(m);
    }
    let e = new_exception_msg(
        &MODULE_NOT_FOUND_ERROR,
        format!("No module named '{}'", name),
    );
    let _ = set_instance_dict_item(&e, "name", new_str(name));
    Err(raise_value(e))
}

/// `IMPORT_FROM`: `from module import name`.
pub fn import_from(module: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = crate::ops::object::getattr_opt(module, name)? {
        return Ok(v);
    }
    let mname = module
        .downcast_ref::<Module>()
        .map(|m| m.name())
        .unwrap_or_else(|| "?".into());
    let n = as_str(name).map(|s| s.to_string()).unwrap_or_default();
    err(
        &IMPORT_ERROR,
        format!(
            "cannot import name '{}' from '{}' (unknown location)",
            n, mname
        ),
    )
}

/// `from module import *` into `locals`.
pub fn import_star(module: &Value, locals: &Value) -> PyResult<()> {
    let Some(m) = module.downcast_ref::<Module>() else {
        return Ok(());
    };
    let all = m.dict().get_str(&new_str("__all__"));
    let names: Vec<Value> = match all {
        Some(a) => crate::ops::sequence::collect(&a)?,
        None => m
            .dict()
            .keys()
            .into_iter()
            .filter(|k| as_str(k).is_some_and(|s| !s.starts_with('_')))
            .collect(),
    };
    for n in names {
        let v = crate::ops::object::getattr(module, &n)?;
        crate::ops::sequence::setitem(locals, &n, v)?;
    }
    Ok(())
}
