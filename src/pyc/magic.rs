//! Which Python version a `.pyc` magic number belongs to.
//!
//! Used to explain a "Bad magic number" error: the ranges below come from the
//! history of magic numbers documented in CPython's
//! `Lib/importlib/_bootstrap_external.py`. From 3.11 on, CPython reserves 50
//! numbers per minor version (`3.n` starts at `2900 + 50 * n`), which lets this
//! map future versions too.

/// A Python version a magic number was used by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PythonVersion {
    /// Major version (1, 2 or 3).
    pub major: u8,
    /// Minor version.
    pub minor: u8,
    /// Whether the number was only used by alphas/betas of that version, not
    /// by its final release.
    pub prerelease: bool,
}

impl std::fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Python {}.{}", self.major, self.minor)?;
        if self.prerelease {
            f.write_str(" (a pre-release)")?;
        }
        Ok(())
    }
}

/// `(first, last, minor, last magic of the final release)` for Python 3.0 to
/// 3.10, whose magic numbers do not follow the 50-per-version rule.
const PY3_RANGES: &[(u16, u16, u8, u16)] = &[
    (3000, 3139, 0, 3131),
    (3140, 3159, 1, 3151),
    (3160, 3189, 2, 3180),
    (3190, 3249, 3, 3230),
    (3250, 3319, 4, 3310),
    (3320, 3359, 5, 3351),
    (3360, 3389, 6, 3379),
    (3390, 3399, 7, 3394),
    (3400, 3419, 8, 3413),
    (3420, 3429, 9, 3425),
    (3430, 3449, 10, 3439),
];

/// Final-release magic numbers of 3.11 and later (the last number of each
/// version's block that a final release used), for telling pre-releases apart.
const PY3_FINAL: &[(u8, u16)] = &[(11, 3495), (12, 3531), (13, 3571)];

/// `(first, last, major, minor)` for Python 1.x and 2.x.
const PY2_RANGES: &[(u16, u16, u8, u8)] = &[
    (20121, 20121, 1, 5),
    (50428, 50428, 1, 6),
    (50823, 50823, 2, 0),
    (60202, 60202, 2, 1),
    (60717, 60717, 2, 2),
    (62011, 62021, 2, 3),
    (62041, 62061, 2, 4),
    (62071, 62131, 2, 5),
    (62151, 62161, 2, 6),
    (62171, 62211, 2, 7),
];

/// The Python version that writes `.pyc` files with this magic number (the
/// first two bytes of the file, little-endian), if it is a known one.
pub fn version_for_magic(magic: u16) -> Option<PythonVersion> {
    if let Some(&(_, _, minor, last)) = PY3_RANGES.iter().find(|r| (r.0..=r.1).contains(&magic)) {
        return Some(PythonVersion {
            major: 3,
            minor,
            prerelease: magic != last,
        });
    }
    if (3450..10000).contains(&magic) {
        let minor = ((magic - 2900) / 50) as u8;
        let prerelease = match PY3_FINAL.iter().find(|f| f.0 == minor) {
            Some(&(_, last)) => magic != last,
            None => false,
        };
        return Some(PythonVersion {
            major: 3,
            minor,
            prerelease,
        });
    }
    PY2_RANGES
        .iter()
        .find(|r| (r.0..=r.1).contains(&magic))
        .map(|&(_, _, major, minor)| PythonVersion {
            major,
            minor,
            prerelease: false,
        })
}
