//! `time`: clocks and `sleep`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::abi::Value;
use crate::objects::exception::{err, VALUE_ERROR};
use crate::objects::module::new_module;
use crate::objects::PyResult;

fn now_ns() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-pointer.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn secs(ns: i128) -> PyResult<Value> {
    Ok(Value::float(ns as f64 / 1e9))
}

fn t_time(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    secs(now_ns())
}
fn t_time_ns(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(crate::objects::int::from_i128(now_ns()))
}
fn t_monotonic(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    secs(clock_ns(libc::CLOCK_MONOTONIC))
}
fn t_monotonic_ns(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(crate::objects::int::from_i128(clock_ns(
        libc::CLOCK_MONOTONIC,
    )))
}
fn t_process_time(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    secs(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID))
}
fn t_process_time_ns(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(crate::objects::int::from_i128(clock_ns(
        libc::CLOCK_PROCESS_CPUTIME_ID,
    )))
}

fn t_sleep(_: &Value, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("sleep", args)?;
    if x.as_float().is_none() && crate::objects::int::as_int(x).is_none() && x.ty().index.is_none()
    {
        return crate::objects::exception::err(
            &crate::objects::exception::TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                x.type_name()
            ),
        );
    }
    let s = crate::objects::float::to_float(x)?;
    if s < 0.0 {
        return err(&VALUE_ERROR, "sleep length must be non-negative");
    }
    crate::modules::sys::flush_stdout()?;
    let deadline = Instant::now() + Duration::from_secs_f64(s);
    while Instant::now() < deadline {
        std::thread::sleep((deadline - Instant::now()).min(Duration::from_millis(50)));
        if crate::vm::signals::pending() {
            crate::vm::signals::handle()?;
        }
    }
    Ok(Value::NONE)
}

/// Creates the `time` module.
pub fn create() -> Value {
    let m = new_module("time");
    crate::modules::add_functions(
        &m,
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("monotonic", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter", t_monotonic),
            ("perf_counter_ns", t_monotonic_ns),
            ("process_time", t_process_time),
            ("process_time_ns", t_process_time_ns),
            ("sleep", t_sleep),
        ],
    );
    m
}
