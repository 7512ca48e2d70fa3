//! Checks `apython::format` against results recorded from CPython 3.12 by
//! `tests/data/format/gen.py` (see that script for the line format).
//!
//! For `str % args` lines this test plays the VM's part (fetching arguments, converting
//! them) in the order the `format::percent` docs prescribe, so it checks that order too.

use apython::format::{self as f, FormatError, IntValue};
use rug::Integer;

const LIMIT: usize = f::DEFAULT_MAX_STR_DIGITS;

/// Undoes the generator's field escaping.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'));
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).unwrap();
                out.push(char::from_u32(code).expect("no surrogates in fixtures"));
            }
            other => panic!("bad escape {other:?} in {s:?}"),
        }
    }
    out
}

fn hex_bytes(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn float_of(bits: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(bits, 16).unwrap())
}

fn bits_of(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else {
        format!("{:016x}", x.to_bits())
    }
}

/// A fixture int: decimal, or `[-]0x` hex.
fn int_of(s: &str) -> IntValue {
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let v = match body.strip_prefix("0x") {
        Some(hex) => Integer::from(Integer::parse_radix(hex, 16).unwrap()),
        None => Integer::from(Integer::parse_radix(body, 10).unwrap()),
    };
    IntValue::from_integer(if neg { -v } else { v })
}

fn err(e: FormatError) -> String {
    e.to_string()
}

/// A Python value for the `%` emulation.
#[derive(Clone, Debug)]
enum Arg {
    Int(IntValue),
    Float(f64),
    Str(String),
    Map(Vec<(String, Arg)>),
}

impl Arg {
    fn parse(s: &str) -> Arg {
        match s.split_once(':') {
            Some(("i", v)) => Arg::Int(int_of(v)),
            Some(("f", v)) => Arg::Float(float_of(v)),
            Some(("s", v)) => Arg::Str(unescape(v)),
            _ => panic!("bad argument {s:?}"),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Arg::Int(_) => "int",
            Arg::Float(_) => "float",
            Arg::Str(_) => "str",
            Arg::Map(_) => "dict",
        }
    }

    fn repr(&self) -> Result<String, String> {
        Ok(match self {
            Arg::Int(v) => f::int_to_str(v.as_ref(), 10, LIMIT).map_err(err)?,
            Arg::Float(x) => f::float_repr(*x),
            Arg::Str(s) => f::str_repr(s),
            Arg::Map(items) => {
                let mut out = String::from("{");
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&f::str_repr(k));
                    out.push_str(": ");
                    out.push_str(&v.repr()?);
                }
                out.push('}');
                out
            }
        })
    }

    fn str(&self) -> Result<String, String> {
        match self {
            Arg::Str(s) => Ok(s.clone()),
            other => other.repr(),
        }
    }
}

/// Where `%` takes its next argument from (CPython's argument cursor).
enum Cursor {
    Tuple(Vec<Arg>, usize),
    Single(Option<Arg>),
}

impl Cursor {
    fn next(&mut self) -> Result<Arg, String> {
        let not_enough = || "TypeError: not enough arguments for format string".to_string();
        match self {
            Cursor::Tuple(items, i) => {
                let a = items.get(*i).cloned().ok_or_else(not_enough)?;
                *i += 1;
                Ok(a)
            }
            Cursor::Single(slot) => slot.take().ok_or_else(not_enough),
        }
    }
}

/// `template % args` the way the VM is meant to drive `format::percent`.
fn run_percent(
    template: &str,
    args: Vec<Arg>,
    mapping: Option<Vec<(String, Arg)>>,
) -> Result<String, String> {
    let dict = mapping.clone();
    let mut cursor = match mapping {
        Some(items) => Cursor::Single(Some(Arg::Map(items))),
        None => Cursor::Tuple(args, 0),
    };
    let mut out = String::new();
    for piece in f::parse_percent_template(template) {
        let spec = match piece {
            f::PercentPiece::Literal(s) => {
                out.push_str(s);
                continue;
            }
            f::PercentPiece::Spec(spec) => spec,
        };
        let mut flags = spec.flags;
        if spec.key.is_some() || spec.conversion == f::Conversion::IncompleteKey {
            let Some(items) = &dict else {
                return Err("TypeError: format requires a mapping".into());
            };
            if let Some(e) = spec.conversion.error().filter(|_| spec.key.is_none()) {
                return Err(err(e));
            }
            let key = spec.key.unwrap();
            let value = items
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| format!("KeyError: {}", f::str_repr(key)))?;
            cursor = Cursor::Single(Some(value));
        }
        // A star width is a C ssize_t, a star precision a C int.
        let star = |cursor: &mut Cursor, c_type: &str, fits: fn(i64) -> bool| match cursor.next()? {
            Arg::Int(IntValue::Small(v)) if fits(v) => Ok(v),
            Arg::Int(_) => Err(format!(
                "OverflowError: Python int too large to convert to C {c_type}"
            )),
            _ => Err("TypeError: * wants int".to_string()),
        };
        let width = match spec.width {
            None => 0,
            Some(f::PercentCount::Fixed(w)) => w,
            Some(f::PercentCount::Star) => {
                let w = star(&mut cursor, "ssize_t", |_| true)?;
                if w < 0 {
                    flags.left = true;
                }
                w.unsigned_abs() as usize
            }
        };
        let precision = match spec.precision {
            None => None,
            Some(f::PercentCount::Fixed(p)) => Some(p),
            Some(f::PercentCount::Star) => {
                // A negative star precision counts as 0.
                let p = star(&mut cursor, "int", |v| i32::try_from(v).is_ok())?;
                Some(p.max(0) as usize)
            }
        };
        let conv = match spec.conversion {
            f::Conversion::Char(c) => c,
            f::Conversion::Unsupported { .. } => {
                cursor.next()?;
                return Err(err(spec.conversion.error().unwrap()));
            }
            other => return Err(err(other.error().unwrap())),
        };
        let arg = cursor.next()?;
        let piece = match conv {
            's' => f::percent_str(&arg.str()?, flags, width, precision),
            'r' => f::percent_str(&arg.repr()?, flags, width, precision),
            'a' => {
                let text = match &arg {
                    Arg::Str(s) => f::ascii_repr(s),
                    other => other.repr()?,
                };
                f::percent_str(&text, flags, width, precision)
            }
            'c' => {
                let ch = match &arg {
                    Arg::Int(v) => {
                        let code = match v {
                            IntValue::Small(v) => u32::try_from(*v).ok(),
                            IntValue::Big(_) => None,
                        };
                        code.and_then(char::from_u32)
                            .ok_or("OverflowError: %c arg not in range(0x110000)")?
                    }
                    Arg::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap(),
                    _ => return Err("TypeError: %c requires int or char".into()),
                };
                // %c ignores the precision.
                f::percent_str(ch.encode_utf8(&mut [0; 4]), flags, width, None)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let v = match &arg {
                    Arg::Int(v) => v.clone(),
                    Arg::Float(x) if "diu".contains(conv) => {
                        IntValue::from_integer(Integer::from_f64(x.trunc()).unwrap())
                    }
                    other if "diu".contains(conv) => {
                        return Err(format!(
                            "TypeError: %{conv} format: a real number is required, not {}",
                            other.type_name()
                        ))
                    }
                    other => {
                        return Err(format!(
                            "TypeError: %{conv} format: an integer is required, not {}",
                            other.type_name()
                        ))
                    }
                };
                f::percent_int(v.as_ref(), flags, width, precision, conv, LIMIT).map_err(err)?
            }
            _ => {
                let x = match &arg {
                    Arg::Float(x) => *x,
                    Arg::Int(v) => f::int_to_f64(v.as_ref()).map_err(err)?,
                    other => {
                        return Err(format!(
                            "TypeError: must be real number, not {}",
                            other.type_name()
                        ))
                    }
                };
                f::percent_float(x, flags, width, precision, conv).map_err(err)?
            }
        };
        out.push_str(&piece);
    }
    if let Cursor::Tuple(items, i) = &cursor {
        if *i < items.len() && dict.is_none() {
            return Err("TypeError: not all arguments converted during string formatting".into());
        }
    }
    Ok(out)
}

/// Runs one fixture line; `Ok(())` when it matches.
fn check(fields: &[&str]) -> Result<(), String> {
    let (kind, rest) = fields.split_first().unwrap();
    let (expected, args) = match *kind {
        "pct" => (rest[1], vec![rest[0]]),
        _ => {
            let (last, args) = rest.split_last().unwrap();
            (*last, args.to_vec())
        }
    };
    let spec = |s: &str, ty: &str| f::FormatSpec::parse(&unescape(s), ty).map_err(err);
    let got: Result<String, String> = match *kind {
        "repr" => Ok(f::float_repr(float_of(args[0]))),
        "fmtf" => spec(args[1], "float")
            .and_then(|s| f::format_float(float_of(args[0]), &s, "float").map_err(err)),
        "fmti" => spec(args[1], "int")
            .and_then(|s| f::format_int(int_of(args[0]).as_ref(), &s, "int", LIMIT).map_err(err)),
        "crepr" => Ok(f::complex_repr(float_of(args[0]), float_of(args[1]))),
        "fmtc" => spec(args[2], "complex").and_then(|s| {
            f::format_complex(float_of(args[0]), float_of(args[1]), &s, "complex").map_err(err)
        }),
        "fmts" => spec(args[1], "str")
            .and_then(|s| f::format_str(&unescape(args[0]), &s, "str").map_err(err)),
        "int" | "intb" => {
            let base: u32 = args[1].parse().unwrap();
            let r = if *kind == "int" {
                f::parse_int(&unescape(args[0]), base, LIMIT)
            } else {
                f::parse_int_bytes(&hex_bytes(args[0]), base, LIMIT)
            };
            r.map(|v| f::int_to_prefixed(v.as_ref(), 16)).map_err(err)
        }
        "float" => f::parse_float(&unescape(args[0])).map(bits_of).map_err(err),
        "floatb" => f::parse_float_bytes(&hex_bytes(args[0]))
            .map(bits_of)
            .map_err(err),
        "str" => {
            let v = int_of(args[0]);
            match args[1] {
                "10" => f::int_to_str(v.as_ref(), 10, LIMIT).map_err(err),
                base => Ok(f::int_to_prefixed(v.as_ref(), base.parse().unwrap())),
            }
        }
        "i2f" => f::int_to_f64(int_of(args[0]).as_ref())
            .map(bits_of)
            .map_err(err),
        "round" => f::float_round(float_of(args[0]), args[1].parse().unwrap())
            .map(bits_of)
            .map_err(err),
        "hex" => Ok(f::float_to_hex(float_of(args[0]))),
        "fromhex" => f::float_from_hex(&unescape(args[0]))
            .map(bits_of)
            .map_err(err),
        "srepr" => Ok(f::str_repr(&unescape(args[0]))),
        "ascii" => Ok(f::ascii_repr(&unescape(args[0]))),
        "brepr" => Ok(f::bytes_repr(&hex_bytes(args[0]))),
        "pct" => {
            let raw = &rest[2..];
            let (args, mapping) = if raw.first() == Some(&"M") {
                let pairs = raw[1..]
                    .chunks(2)
                    .map(|kv| match Arg::parse(kv[0]) {
                        Arg::Str(k) => (k, Arg::parse(kv[1])),
                        _ => panic!("mapping keys are strs"),
                    })
                    .collect();
                (Vec::new(), Some(pairs))
            } else {
                (raw.iter().map(|a| Arg::parse(a)).collect(), None)
            };
            run_percent(&unescape(args_template(fields)), args, mapping)
        }
        other => panic!("unknown fixture kind {other:?}"),
    };
    let got = match got {
        Ok(text) => format!("={text}"),
        Err(e) => format!("!{e}"),
    };
    let expected = unescape(expected);
    if got == expected {
        Ok(())
    } else {
        Err(format!(
            "{}\n    want {expected:?}\n    got  {got:?}",
            fields.join("\t")
        ))
    }
}

fn args_template<'a>(fields: &[&'a str]) -> &'a str {
    fields[1]
}

#[test]
fn format_matches_cpython() {
    // FORMAT_CASES=path runs another fixture made by gen.py (say, a larger local one).
    let path = std::env::var("FORMAT_CASES").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/format/cases.txt").to_owned()
    });
    let text = std::fs::read_to_string(&path).expect("fixture present");
    let mut failures = Vec::new();
    let mut per_kind = std::collections::HashMap::new();
    let mut count = 0;
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        count += 1;
        let fields: Vec<&str> = line.split('\t').collect();
        if let Err(msg) = check(&fields) {
            // Show a few of each kind.
            let seen = per_kind.entry(fields[0]).or_insert(0);
            *seen += 1;
            if *seen <= 6 {
                failures.push(msg);
            }
        }
    }
    assert!(count > 10_000, "fixture too small: {count} cases");
    if !failures.is_empty() {
        panic!(
            "cases differing from CPython, by kind: {per_kind:?} (of {count}); some:\n{}",
            failures.join("\n")
        );
    }
}
