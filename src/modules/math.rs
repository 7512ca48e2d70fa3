//! `math`: CPython's math module on f64 and big ints.

use crate::abi::Value;
use crate::objects::exception::{err, VALUE_ERROR};
use crate::objects::float::to_float;
use crate::objects::module::{new_module, Module};
use crate::objects::PyResult;

fn arg1(name: &str, args: &[Value]) -> PyResult<f64> {
    if args.len() != 1 {
        return err(
            &crate::objects::exception::TYPE_ERROR,
            format!(
                "math.{}() takes exactly one argument ({} given)",
                name,
                args.len()
            ),
        );
    }
    to_float(&args[0])
}

fn m_sqrt(_: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = arg1("sqrt", args)?;
    if x < 0.0 {
        return err(&VALUE_ERROR, "math domain error");
    }
    Ok(Value::float(x.sqrt()))
}

/// Creates the `math` module.
pub fn create() -> Value {
    let m = new_module("math");
    crate::modules::add_functions(&m, &[("sqrt", m_sqrt)]);
    let md = m.downcast_ref::<Module>().unwrap();
    md.set("pi", Value::float(std::f64::consts::PI));
    md.set("e", Value::float(std::f64::consts::E));
    md.set("tau", Value::float(std::f64::consts::TAU));
    md.set("inf", Value::float(f64::INFINITY));
    md.set("nan", Value::float(f64::NAN));
    m
}
