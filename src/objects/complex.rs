//! `complex`: a pair of doubles on the heap.

use crate::abi::Value;
use crate::objects::exception::{err, TYPE_ERROR, ZERO_DIVISION_ERROR};
use crate::objects::float::{coerce, repr_f64};
use crate::objects::none::not_implemented;
use crate::objects::str::from_string;
use crate::objects::{
    alloc, dealloc_obj, flags, BinaryFn, CmpOp, NbOp, PyPayload, PyResult, TypeObject, NB_COUNT,
};

/// Payload: real and imaginary parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl PyPayload for Complex {
    fn type_object() -> *const TypeObject {
        &COMPLEX_TYPE
    }
}

/// A new complex value.
pub fn new_complex(re: f64, im: f64) -> Value {
    alloc(&COMPLEX_TYPE, Complex { re, im })
}

/// The complex value of a complex, float or int operand; `Ok(None)` otherwise.
pub fn coerce_complex(v: &Value) -> PyResult<Option<Complex>> {
    if let Some(c) = v.downcast_ref::<Complex>() {
        return Ok(Some(*c));
    }
    Ok(coerce(v)?.map(|re| Complex { re, im: 0.0 }))
}

/// `x ** y` for a negative real base and fractional exponent (a complex result).
pub fn complex_pow_real(x: f64, y: f64) -> PyResult<Value> {
    let c = cpow(Complex { re: x, im: 0.0 }, Complex { re: y, im: 0.0 })?;
    Ok(new_complex(c.re, c.im))
}

fn cmul(x: Complex, y: Complex) -> Complex {
    Complex {
        re: x.re * y.re - x.im * y.im,
        im: x.re * y.im + x.im * y.re,
    }
}

/// `x ** n` for a small integer `n` by repeated squaring, as CPython does for |n| <= 100 (so
/// `(1+1j) ** 2` is exactly `2j`).
fn cpow_int(x: Complex, n: i64) -> PyResult<Complex> {
    if n < 0 && x.re == 0.0 && x.im == 0.0 {
        return err(&ZERO_DIVISION_ERROR, "0.0 to a negative or complex power");
    }
    let mut result = Complex { re: 1.0, im: 0.0 };
    let mut base = x;
    let mut e = n.unsigned_abs();
    while e > 0 {
        if e & 1 == 1 {
            result = cmul(result, base);
        }
        base = cmul(base, base);
        e >>= 1;
    }
    if n < 0 {
        return cdiv(Complex { re: 1.0, im: 0.0 }, result);
    }
    Ok(result)
}

fn cdiv(x: Complex, y: Complex) -> PyResult<Complex> {
    if y.re == 0.0 && y.im == 0.0 {
        return err(&ZERO_DIVISION_ERROR, "complex division by zero");
    }
    // Smith's algorithm, as CPython.
    Ok(if y.re.abs() >= y.im.abs() {
        let ratio = y.im / y.re;
        let denom = y.re + y.im * ratio;
        Complex {
            re: (x.re + x.im * ratio) / denom,
            im: (x.im - x.re * ratio) / denom,
        }
    } else {
        let ratio = y.re / y.im;
        let denom = y.re * ratio + y.im;
        Complex {
            re: (x.re * ratio + x.im) / denom,
            im: (x.im * ratio - x.re) / denom,
        }
    })
}

fn cpow(a: Complex, b: Complex) -> PyResult<Complex> {
    if b.im == 0.0 && b.re == b.re.trunc() && b.re.abs() <= 100.0 {
        return cpow_int(a, b.re as i64);
    }
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(Complex { re: 1.0, im: 0.0 });
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return err(&ZERO_DIVISION_ERROR, "0.0 to a negative or complex power");
        }
        return Ok(Complex { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    let r = Complex {
        re: len * phase.cos(),
        im: len * phase.sin(),
    };
    let finite = |c: Complex| c.re.is_finite() && c.im.is_finite();
    if !finite(r) && finite(a) && finite(b) {
        return err(
            &crate::objects::exception::OVERFLOW_ERROR,
            "complex exponentiation",
        );
    }
    Ok(r)
}

fn complex_binary(a: &Value, b: &Value, op: NbOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (coerce_complex(a)?, coerce_complex(b)?) else {
        return Ok(not_implemented());
    };
    let r = match op {
        NbOp::Add => Complex {
            re: x.re + y.re,
            im: x.im + y.im,
        },
        NbOp::Sub => Complex {
            re: x.re - y.re,
            im: x.im - y.im,
        },
        NbOp::Mul => Complex {
            re: x.re * y.re - x.im * y.im,
            im: x.re * y.im + x.im * y.re,
        },
        NbOp::TrueDiv => {
            if y.re == 0.0 && y.im == 0.0 {
                return err(&ZERO_DIVISION_ERROR, "complex division by zero");
            }
            // Smith's algorithm, as CPython.
            if y.re.abs() >= y.im.abs() {
                let ratio = y.im / y.re;
                let denom = y.re + y.im * ratio;
                Complex {
                    re: (x.re + x.im * ratio) / denom,
                    im: (x.im - x.re * ratio) / denom,
                }
            } else {
                let ratio = y.re / y.im;
                let denom = y.re * ratio + y.im;
                Complex {
                    re: (x.re * ratio + x.im) / denom,
                    im: (x.im * ratio - x.re) / denom,
                }
            }
        }
        NbOp::Pow => cpow(x, y)?,
        _ => return Ok(not_implemented()),
    };
    Ok(new_complex(r.re, r.im))
}

const COMPLEX_NB: [Option<BinaryFn>; NB_COUNT] = {
    let mut nb: [Option<BinaryFn>; NB_COUNT] = [None; NB_COUNT];
    nb[NbOp::Add as usize] = Some(|a, b| complex_binary(a, b, NbOp::Add));
    nb[NbOp::Sub as usize] = Some(|a, b| complex_binary(a, b, NbOp::Sub));
    nb[NbOp::Mul as usize] = Some(|a, b| complex_binary(a, b, NbOp::Mul));
    nb[NbOp::TrueDiv as usize] = Some(|a, b| complex_binary(a, b, NbOp::TrueDiv));
    nb[NbOp::Pow as usize] = Some(|a, b| complex_binary(a, b, NbOp::Pow));
    nb
};

fn fmt_part(f: f64) -> String {
    let s = repr_f64(f);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// `repr(complex)`: `(1+2j)`, `2j`, `(-0-1j)`.
pub fn complex_repr_str(c: Complex) -> String {
    if c.re == 0.0 && c.re.is_sign_positive() {
        return format!("{}j", fmt_part(c.im));
    }
    let im = fmt_part(c.im);
    let sign = if im.starts_with('-') || c.im.is_nan() && im.starts_with('-') {
        ""
    } else {
        "+"
    };
    format!("({}{}{}j)", fmt_part(c.re), sign, im)
}

fn this(v: &Value) -> Complex {
    *v.downcast_ref::<Complex>().unwrap()
}

fn complex_richcompare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let x = this(a);
    let Some(y) = coerce_complex(b)? else {
        return Ok(not_implemented());
    };
    match op {
        CmpOp::Eq => Ok(Value::bool(x == y)),
        CmpOp::Ne => Ok(Value::bool(x != y)),
        _ => Ok(not_implemented()),
    }
}

/// Parses `complex(str)` syntax: optional parentheses and whitespace, then `a`, `bj`, `a+bj`,
/// `a-bj`, `j` (each number in `float()` syntax).
pub fn parse_complex(s: &str) -> Option<Complex> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        t = inner.trim();
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let num = |x: &str| -> Option<f64> {
        match x {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => crate::format::parse_float(x).ok(),
        }
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return crate::format::parse_float(t)
            .ok()
            .map(|re| Complex { re, im: 0.0 });
    };
    // Split at the last sign that is not at the start and not part of an exponent.
    let bytes = body.as_bytes();
    let mut split = None;
    for i in (1..bytes.len()).rev() {
        if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    match split {
        Some(i) => {
            let re = crate::format::parse_float(&body[..i]).ok()?;
            let im = num(&body[i..])?;
            Some(Complex { re, im })
        }
        None => Some(Complex {
            re: 0.0,
            im: num(body)?,
        }),
    }
}

fn complex_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return err(
            &TYPE_ERROR,
            "complex() keyword arguments are not supported yet",
        );
    }
    if let Some(s) = args.first().and_then(crate::objects::str::as_str) {
        if args.len() > 1 {
            return err(
                &TYPE_ERROR,
                "complex() can't take second arg if first is a string",
            );
        }
        return match parse_complex(&s) {
            Some(c) => Ok(new_complex(c.re, c.im)),
            None => err(
                &crate::objects::exception::VALUE_ERROR,
                "complex() arg is a malformed string",
            ),
        };
    }
    // `__complex__` of the first argument comes first (as CPython's complex_new).
    let special = match args.first() {
        Some(v) if v.downcast_ref::<Complex>().is_none() => {
            match crate::objects::class_::call_special(v, "__complex__", &[])? {
                Some(r) if r.downcast_ref::<Complex>().is_some() => Some(r),
                Some(r) => {
                    return err(
                        &TYPE_ERROR,
                        format!("__complex__ returned non-complex (type {})", r.type_name()),
                    )
                }
                None => None,
            }
        }
        _ => None,
    };
    let args: Vec<Value> = match special {
        Some(r) => std::iter::once(r)
            .chain(args[1..].iter().cloned())
            .collect(),
        None => args.to_vec(),
    };
    let args = &args[..];
    let re = match args.first() {
        None => Complex { re: 0.0, im: 0.0 },
        Some(v) => match coerce_complex(v)? {
            Some(c) => c,
            None => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "complex() first argument must be a string or a number, not '{}'",
                        v.type_name()
                    ),
                )
            }
        },
    };
    let im = match args.get(1) {
        None => Complex { re: 0.0, im: 0.0 },
        Some(v) if crate::objects::str::is_str(v) => {
            return err(&TYPE_ERROR, "complex() second arg can't be a string")
        }
        Some(v) => match coerce_complex(v)? {
            Some(c) => c,
            None => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "complex() second argument must be a number, not '{}'",
                        v.type_name()
                    ),
                )
            }
        },
    };
    // Two real parts keep their signs exactly (complex(-0.0, -0.0) is (-0-0j)).
    let is_real = |v: Option<&Value>| v.is_none_or(|v| v.downcast_ref::<Complex>().is_none());
    if is_real(args.first()) && is_real(args.get(1)) {
        return Ok(new_complex(
            re.re,
            if args.len() > 1 { im.re } else { re.im },
        ));
    }
    Ok(new_complex(re.re - im.im, re.im + im.re))
}

/// The `complex` type.
pub static COMPLEX_TYPE: TypeObject = TypeObject {
    name: "complex",
    layout: &COMPLEX_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<Complex>,
    repr: Some(|v| Ok(from_string(complex_repr_str(this(v))))),
    hash: Some(|v| {
        let c = this(v);
        let h = crate::objects::float::hash_f64(c.re)
            .wrapping_add(crate::objects::float::hash_f64(c.im).wrapping_mul(1000003));
        Ok(if h == -1 { -2 } else { h })
    }),
    richcompare: Some(complex_richcompare),
    bool_: Some(|v| Ok(this(v) != Complex { re: 0.0, im: 0.0 })),
    nb: COMPLEX_NB,
    neg: Some(|v| {
        let c = this(v);
        Ok(new_complex(-c.re, -c.im))
    }),
    pos: Some(|v| Ok(v.clone())),
    abs: Some(|v| {
        let c = this(v);
        Ok(Value::float(c.re.hypot(c.im)))
    }),
    new: Some(complex_new),
    methods: &[crate::objects::MethodDef {
        name: "conjugate",
        func: |v, _, _| {
            let c = this(v);
            Ok(new_complex(c.re, -c.im))
        },
        kind: crate::objects::MethodKind::Instance,
        doc: "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j.",
    }],
    getsets: &[
        crate::objects::GetSetDef {
            name: "real",
            get: |v| Ok(Value::float(this(v).re)),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "imag",
            get: |v| Ok(Value::float(this(v).im)),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};
