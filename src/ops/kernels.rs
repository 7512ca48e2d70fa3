//! The inline kernels of number ops and comparisons, and the operator enums they take: the
//! one definition both tiers run. The eval loop reaches them through `ops::number` /
//! `ops::compare` (which re-export them), and the JIT's stencils include this file with
//! `#[path]`, so it may use only `core` and `crate::abi`.

use crate::abi::Value;

/// Rich comparison operators, numbered as CPython's `Py_LT` .. `Py_GE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    /// The Python spelling, for error messages.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    /// Applies the operator to an `Ordering`.
    pub fn test(self, o: core::cmp::Ordering) -> bool {
        use core::cmp::Ordering::*;
        match self {
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
        }
    }
}

/// Binary number operators in `BINARY_OP`'s oparg order (3.12 `NB_*`, non-inplace half).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum NbOp {
    Add = 0,
    And = 1,
    FloorDiv = 2,
    Lshift = 3,
    MatMul = 4,
    Mul = 5,
    Rem = 6,
    Or = 7,
    Pow = 8,
    Rshift = 9,
    Sub = 10,
    TrueDiv = 11,
    Xor = 12,
}

/// Number of [`NbOp`]s.
pub const NB_COUNT: usize = 13;

impl NbOp {
    /// All operators, by index.
    pub const ALL: [NbOp; NB_COUNT] = [
        NbOp::Add,
        NbOp::And,
        NbOp::FloorDiv,
        NbOp::Lshift,
        NbOp::MatMul,
        NbOp::Mul,
        NbOp::Rem,
        NbOp::Or,
        NbOp::Pow,
        NbOp::Rshift,
        NbOp::Sub,
        NbOp::TrueDiv,
        NbOp::Xor,
    ];
    /// The operator for a `BINARY_OP` oparg, with whether it is the in-place form.
    pub fn from_oparg(arg: u32) -> Option<(NbOp, bool)> {
        let i = arg as usize;
        if i < NB_COUNT {
            Some((NbOp::ALL[i], false))
        } else if i < 2 * NB_COUNT {
            Some((NbOp::ALL[i - NB_COUNT], true))
        } else {
            None
        }
    }
    /// The Python spelling (`+`), for error messages.
    pub fn symbol(self) -> &'static str {
        [
            "+",
            "&",
            "//",
            "<<",
            "@",
            "*",
            "%",
            "|",
            "** or pow()",
            ">>",
            "-",
            "/",
            "^",
        ][self as usize]
    }
    /// The in-place spelling (`+=`), for error messages.
    pub fn inplace_symbol(self) -> &'static str {
        [
            "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
        ][self as usize]
    }
    /// The dunder names (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        const N: [(&str, &str, &str); NB_COUNT] = [
            ("__add__", "__radd__", "__iadd__"),
            ("__and__", "__rand__", "__iand__"),
            ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            ("__lshift__", "__rlshift__", "__ilshift__"),
            ("__matmul__", "__rmatmul__", "__imatmul__"),
            ("__mul__", "__rmul__", "__imul__"),
            ("__mod__", "__rmod__", "__imod__"),
            ("__or__", "__ror__", "__ior__"),
            ("__pow__", "__rpow__", "__ipow__"),
            ("__rshift__", "__rrshift__", "__irshift__"),
            ("__sub__", "__rsub__", "__isub__"),
            ("__truediv__", "__rtruediv__", "__itruediv__"),
            ("__xor__", "__rxor__", "__ixor__"),
        ];
        N[self as usize]
    }
}

/// `a + b` on two inline ints; `None` on overflow (the caller takes the big-int path).
#[inline(always)]
pub fn add_int(a: i64, b: i64) -> Option<i64> {
    a.checked_add(b)
}

/// `a - b` on two inline ints; `None` on overflow.
#[inline(always)]
pub fn sub_int(a: i64, b: i64) -> Option<i64> {
    a.checked_sub(b)
}

/// `a * b` on two inline ints; `None` on overflow.
#[inline(always)]
pub fn mul_int(a: i64, b: i64) -> Option<i64> {
    a.checked_mul(b)
}

/// `a // b` with Python's flooring; `None` when `b == 0` or on overflow (MIN // -1).
#[inline(always)]
pub fn floordiv_int(a: i64, b: i64) -> Option<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// `a % b` with the sign of `b`; `None` when `b == 0`.
#[inline(always)]
pub fn mod_int(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    if b == -1 {
        return Some(0);
    }
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

/// A constant divisor `d >= 2` as a multiplier and a shift, so that `//` and `%` by it need
/// no `idiv` (tens of cycles): for `0 <= u < 2**63`, `u // d == mulhi(u, magic) >> shift`
/// (Granlund and Montgomery, "Division by invariant integers using multiplication", 1994:
/// with `l = ceil(log2(d))`, `magic = 2**(63 + l) // d + 1` satisfies
/// `2**(63 + l) < magic * d <= 2**(63 + l) + 2**l`, and `shift = l - 1`). Compiled code
/// patches both in where the divisor is a literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reciprocal {
    /// The multiplier; always below `2**64` for these dividends.
    pub magic: u64,
    /// The shift after taking the high 64 bits of the product.
    pub shift: u32,
}

impl Reciprocal {
    /// The reciprocal of `d`, or `None` when `d < 2` (no division worth replacing, or a
    /// negative divisor, which the general kernels handle).
    pub fn of(d: i64) -> Option<Reciprocal> {
        if d < 2 {
            return None;
        }
        let l = 64 - (d as u64 - 1).leading_zeros();
        let magic = u64::try_from((1u128 << (63 + l)) / d as u128 + 1).ok()?;
        Some(Reciprocal {
            magic,
            shift: l - 1,
        })
    }

    /// `u // d` for `0 <= u < 2**63`.
    #[inline(always)]
    fn divide(self, u: u64) -> u64 {
        (((u as u128 * self.magic as u128) >> 64) as u64).wrapping_shr(self.shift)
    }
}

/// `a // d` with Python's flooring, for a divisor `d >= 2` and its reciprocal `r`: never fails.
/// A negative `a` is divided as `!a` (which is `-a - 1 >= 0`), since `a // d == !(!a // d)`.
#[inline(always)]
pub fn floordiv_by(a: i64, r: Reciprocal) -> i64 {
    let sign = a >> 63;
    (r.divide((a ^ sign) as u64) as i64) ^ sign
}

/// `a % d` with Python's sign rule (in `0..d`), for a divisor `d >= 2` and its reciprocal `r`.
#[inline(always)]
pub fn mod_by(a: i64, d: i64, r: Reciprocal) -> i64 {
    a.wrapping_sub(floordiv_by(a, r).wrapping_mul(d))
}

/// `a % b` on floats with Python's sign rule; `None` when `b == 0`.
#[inline(always)]
pub fn mod_float(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Some(m)
}

/// `a // b` on floats with Python's flooring; `None` when `b == 0`.
#[inline(always)]
pub fn floordiv_float(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    let floordiv = if div != 0.0 {
        let f = floor(div);
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    Some(floordiv)
}

/// Inline fast path of a binary op on two ints or two floats (or int/float mixes): the result,
/// or `None` when the op needs the slow path (overflow, division by zero, other types).
#[inline(always)]
pub fn binary_fast(a: &Value, b: &Value, op: NbOp) -> Option<Value> {
    if a.is_int() && b.is_int() {
        return int_kernel(a.as_int_unchecked(), b.as_int_unchecked(), op);
    }
    let (x, y) = float_operands(a, b)?;
    float_kernel(x, y, op)
}

/// `x op y` on two inline ints: the result, or `None` for the slow path (the result overflows
/// i64, division by zero, a shift out of range, an operator without an inline form). The
/// kernel of the `BINARY_OP_*_INT` specializations and of [`binary_fast`].
#[inline(always)]
pub fn int_kernel(x: i64, y: i64, op: NbOp) -> Option<Value> {
    match op {
        NbOp::Add => add_int(x, y).map(Value::int),
        NbOp::Sub => sub_int(x, y).map(Value::int),
        NbOp::Mul => mul_int(x, y).map(Value::int),
        NbOp::FloorDiv => floordiv_int(x, y).map(Value::int),
        NbOp::Rem => mod_int(x, y).map(Value::int),
        NbOp::And => Some(Value::int(x & y)),
        NbOp::Or => Some(Value::int(x | y)),
        NbOp::Xor => Some(Value::int(x ^ y)),
        NbOp::Lshift if (0..63).contains(&y) => {
            let r = x << y;
            (r >> y == x).then_some(Value::int(r))
        }
        NbOp::Rshift if y >= 0 => Some(Value::int(x >> y.min(63))),
        NbOp::TrueDiv => {
            // Exact when both fit in 53 bits; otherwise the int type rounds correctly.
            if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                Some(Value::float(x as f64 / y as f64))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Both operands as f64 when they are floats or a float and an inline int that converts
/// exactly (`|i| <= 2**53`); `None` otherwise (including int/int).
#[inline(always)]
pub fn float_operands(a: &Value, b: &Value) -> Option<(f64, f64)> {
    let (x, y) = match (a.as_float(), b.as_float()) {
        (Some(x), Some(y)) => (x, y),
        (Some(x), None) if b.is_int() => (x, b.as_int_unchecked() as f64),
        (None, Some(y)) if a.is_int() => (a.as_int_unchecked() as f64, y),
        _ => return None,
    };
    if (a.is_int() && a.as_int_unchecked().unsigned_abs() > (1 << 53))
        || (b.is_int() && b.as_int_unchecked().unsigned_abs() > (1 << 53))
    {
        return None;
    }
    Some((x, y))
}

/// `x op y` on floats: the result, or `None` for the slow path (division by zero, an operator
/// without an inline form). The kernel of the `BINARY_OP_*_FLOAT` specializations.
#[inline(always)]
pub fn float_kernel(x: f64, y: f64, op: NbOp) -> Option<Value> {
    match op {
        NbOp::Add => Some(Value::float(x + y)),
        NbOp::Sub => Some(Value::float(x - y)),
        NbOp::Mul => Some(Value::float(x * y)),
        NbOp::TrueDiv if y != 0.0 => Some(Value::float(x / y)),
        NbOp::FloorDiv => floordiv_float(x, y).map(Value::float),
        NbOp::Rem => mod_float(x, y).map(Value::float),
        _ => None,
    }
}

/// The bit of a set's small-int bitmap (`objects::set::Table::small`) that stands for the int
/// `k`: bit `k + 64` for `-64 <= k < 64`, 0 for any other int. Sets and compiled code's
/// membership test share it.
#[inline(always)]
pub fn small_int_bit(k: i64) -> u128 {
    if (-64..64).contains(&k) {
        1 << (k + 64)
    } else {
        0
    }
}

/// Whether `r = f(x)`, for a one-argument `math` function `f`, is one CPython turns into an
/// error (`math_1`): a NaN from a number, or an infinity from a finite argument. Compiled
/// code leaves such a result to the function, which raises.
#[inline(always)]
pub fn math1_result_is_error(x: f64, r: f64) -> bool {
    (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite())
}

/// `bool(v)` for the values whose truth needs no call (bool, int, None, float, short str);
/// `None` for anything else (`__bool__`, `__len__`). The inline part of `ops::object::truthy`,
/// and what compiled code tests in place.
#[inline(always)]
pub fn inline_truth(v: &Value) -> Option<bool> {
    use crate::abi::tag;
    match v.tag {
        tag::BOOL | tag::INT => Some(v.payload != 0),
        tag::NONE => Some(false),
        tag::FLOAT => Some(v.as_float_unchecked() != 0.0),
        t if t & 0xF0 == tag::SSTR => Some(t & 0x0F != 0),
        _ => None,
    }
}

/// Comparison of two inline numbers (int, bool, float) without a call; `None` otherwise.
#[inline(always)]
pub fn fast_compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(op.test(x.cmp(&y)));
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Some(float_test(x, y, op));
    }
    None
}

/// `x op y` on floats: the kernel of `COMPARE_OP_FLOAT` and of [`fast_compare`].
#[inline(always)]
pub fn float_test(x: f64, y: f64, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// `x.floor()` without libm (`f64::floor` is not in `core`): exact for every f64.
#[inline(always)]
pub fn floor(x: f64) -> f64 {
    // From 2**52 up every f64 is an integer; inf and NaN are their own floor.
    if x.is_nan() || x.abs() >= 4_503_599_627_370_496.0 {
        return x;
    }
    let t = x as i64 as f64;
    let t = if t > x { t - 1.0 } else { t };
    if t == 0.0 {
        0.0f64.copysign(x)
    } else {
        t
    }
}

/// `-v` on an inline int (other than `i64::MIN`, whose negation needs a big int) or a float:
/// the result, or `None` for the slow path. The inline part of `ops::number::neg` and of the
/// JIT's `UNARY_NEGATIVE`.
#[inline(always)]
pub fn neg_kernel(v: &Value) -> Option<Value> {
    if v.is_int() && v.as_int_unchecked() != i64::MIN {
        return Some(Value::int(-v.as_int_unchecked()));
    }
    v.as_float().map(|f| Value::float(-f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_matches_std() {
        let mut xs = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            -1.0,
            1.5,
            -1.5,
            2.5,
            -2.5,
            1e-300,
            -1e-300,
            4503599627370495.5,
            -4503599627370495.5,
            4503599627370496.0,
            9007199254740993.0,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..10_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            xs.push(f64::from_bits(seed));
            xs.push((seed as i64 >> 10) as f64 / 1024.0);
        }
        for x in xs {
            let (a, b) = (floor(x), x.floor());
            assert!(
                a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                "{x}: {a} vs {b}"
            );
        }
    }

    #[test]
    fn division_by_reciprocal_matches_idiv() {
        let mut divisors: Vec<i64> = (2..300).collect();
        divisors.extend([
            1000,
            1000003,
            1000000007,
            2147483647,
            2147483648,
            1 << 40,
            (1 << 40) + 1,
            (1 << 62) - 1,
            1 << 62,
            (1 << 62) + 1,
            i64::MAX - 1,
            i64::MAX,
        ]);
        let mut xs: Vec<i64> = vec![
            0,
            1,
            -1,
            2,
            -2,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
            i64::MAX - 1,
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            xs.push(seed as i64);
            xs.push((seed >> (seed % 63)) as i64);
            xs.push(-((seed >> (seed % 63)) as i64));
        }
        for &d in &divisors {
            let r = Reciprocal::of(d).unwrap();
            let near = [
                d,
                -d,
                d - 1,
                1 - d,
                d.wrapping_add(1),
                -d - 1,
                d.wrapping_mul(3),
                d.wrapping_mul(-3),
            ];
            for &x in xs.iter().chain(&near) {
                assert_eq!(Some(floordiv_by(x, r)), floordiv_int(x, d), "{x} // {d}");
                assert_eq!(Some(mod_by(x, d, r)), mod_int(x, d), "{x} % {d}");
            }
        }
        assert_eq!(Reciprocal::of(1), None);
        assert_eq!(Reciprocal::of(0), None);
        assert_eq!(Reciprocal::of(-7), None);
    }
}
