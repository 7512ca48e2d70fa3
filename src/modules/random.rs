//! `_random`: the Mersenne Twister (MT19937) behind `random.Random`, seeded and stepped exactly
//! as CPython's `Modules/_randommodule.c`, so `random.seed(42); random.random()` gives the same
//! numbers.

use std::cell::RefCell;

use rug::integer::Order;
use rug::Integer;

use crate::abi::Value;
use crate::builtins::args::no_args;
use crate::objects::exception::{err, OVERFLOW_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::int::{as_int, from_integer};
use crate::objects::module::{new_module, Module};
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::{
    alloc, dealloc_obj, flags, method, sub_layout, PyPayload, PyResult, TypeObject,
};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state: 624 words and the position of the next one.
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    /// `init_genrand`.
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`: seeding from a key of 32-bit words.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `genrand_uint32`: the next 32 random bits.
    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// Payload of `_random.Random`.
pub struct RandomObj {
    mt: RefCell<Box<Mt>>,
}

impl PyPayload for RandomObj {
    fn type_object() -> *const TypeObject {
        &RANDOM_TYPE
    }
}

fn this(v: &Value) -> &RandomObj {
    v.downcast_ref::<RandomObj>()
        .expect("Random method on a foreign object")
}

/// Seeds from `arg`: None (the OS's randomness), an int (its absolute value's 32-bit words),
/// or any other object (its hash), as CPython's `random_seed`.
fn seed(r: &RandomObj, arg: Option<&Value>) -> PyResult<()> {
    let key: Vec<u32> = match arg {
        None => crate::modules::posix::urandom(N * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
        Some(v) if v.is_none() => return seed(r, None),
        Some(v) => {
            let n: Integer = if v.is_bool() || crate::objects::int::is_int(v) {
                let i = crate::ops::number::index(v)?;
                match as_int(&i) {
                    Some(i) => i.to_integer().abs(),
                    None => Integer::from(i.as_small_int().unwrap_or(0).unsigned_abs()),
                }
            } else {
                Integer::from(crate::ops::object::hash(v)? as u64)
            };
            let mut words = vec![0u32; n.significant_digits::<u32>()];
            n.write_digits(&mut words, Order::Lsf);
            if words.is_empty() {
                vec![0]
            } else {
                words
            }
        }
    };
    r.mt.borrow_mut().init_by_array(&key);
    Ok(())
}

fn random_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if std::ptr::eq(ty, &RANDOM_TYPE) && !kw.is_empty() {
        return err(&TYPE_ERROR, "Random() takes no keyword arguments");
    }
    let npos = args.len() - kw.len();
    if npos > 1 {
        return err(&TYPE_ERROR, "Random() requires 0 or 1 argument");
    }
    let obj = RandomObj {
        mt: RefCell::new(Box::new(Mt {
            state: [0; N],
            index: N + 1,
        })),
    };
    seed(&obj, args.first().filter(|_| npos == 1))?;
    Ok(alloc(ty, obj))
}

fn r_seed(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 {
        return err(
            &TYPE_ERROR,
            format!("seed expected at most 1 argument, got {}", args.len()),
        );
    }
    seed(this(v), args.first())?;
    Ok(Value::NONE)
}

fn r_random(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("random", args)?;
    Ok(Value::float(this(v).mt.borrow_mut().next_f64()))
}

fn r_getrandbits(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let k = crate::builtins::args::exactly_one("getrandbits", args)?;
    if k.is_float() {
        return err(
            &TYPE_ERROR,
            "'float' object cannot be interpreted as an integer",
        );
    }
    let k = crate::ops::number::index_i64(k)?;
    if k > i32::MAX as i64 {
        return err(&OVERFLOW_ERROR, "Python int too large to convert to C int");
    }
    if k < 0 {
        return err(&VALUE_ERROR, "number of bits must be non-negative");
    }
    let mut mt = this(v).mt.borrow_mut();
    if k == 0 {
        return Ok(Value::int(0));
    }
    if k <= 32 {
        return Ok(Value::int((mt.next_u32() >> (32 - k)) as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out: Vec<u32> = Vec::new();
    if out.try_reserve_exact(words).is_err() {
        return err(&crate::objects::exception::MEMORY_ERROR, "");
    }
    let mut left = k;
    for _ in 0..words {
        let mut r = mt.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left -= 32;
    }
    Ok(from_integer(Integer::from_digits(&out, Order::Lsf)))
}

fn r_getstate(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("getstate", args)?;
    let mt = this(v).mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::int(w as i64)).collect();
    items.push(Value::int(mt.index as i64));
    Ok(new_tuple(items))
}

fn r_setstate(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let st = crate::builtins::args::exactly_one("setstate", args)?;
    let Some(items) = try_tuple_items(st) else {
        return err(&TYPE_ERROR, "state vector must be a tuple");
    };
    if items.len() != N + 1 {
        return err(&VALUE_ERROR, "state vector is the wrong size");
    }
    let mut state = [0u32; N];
    for (w, x) in state.iter_mut().zip(items) {
        if !crate::objects::int::is_int(x) && !x.is_bool() {
            return err(&TYPE_ERROR, "an integer is required");
        }
        let n = crate::ops::number::index(x)?;
        let n = match n.as_small_int() {
            Some(i) if i >= 0 => i as u64,
            Some(_) => {
                return err(
                    &OVERFLOW_ERROR,
                    "can't convert negative value to unsigned int",
                )
            }
            None => {
                return err(
                    &OVERFLOW_ERROR,
                    "Python int too large to convert to C unsigned long",
                )
            }
        };
        *w = n as u32;
    }
    let index = crate::ops::number::index_i64(&items[N])?;
    if !(0..=N as i64).contains(&index) {
        return err(&VALUE_ERROR, "invalid state");
    }
    let mut mt = this(v).mt.borrow_mut();
    mt.state = state;
    mt.index = index as usize;
    Ok(Value::NONE)
}

/// `_random.Random`.
pub static RANDOM_TYPE: TypeObject = TypeObject {
    name: "_random.Random",
    layout: &RANDOM_TYPE,
    flags: flags::BASETYPE,
    dealloc: dealloc_obj::<RandomObj>,
    sub_layout: sub_layout::<RandomObj>(),
    new: Some(random_new),
    methods: &[
        method!("seed", r_seed),
        method!("random", r_random),
        method!("getrandbits", r_getrandbits),
        method!("getstate", r_getstate),
        method!("setstate", r_setstate),
    ],
    doc: "Random() -> create a random number generator with its own internal state.",
    ..TypeObject::EMPTY
};

/// Creates the `_random` module.
pub fn create() -> Value {
    let m = new_module("_random");
    m.downcast_ref::<Module>()
        .unwrap()
        .set("Random", RANDOM_TYPE.to_value());
    m
}
