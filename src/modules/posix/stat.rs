//! `os.stat_result` and the functions that make one (`stat`, `lstat`, `fstat`), plus the
//! module's other struct sequences: `terminal_size`, `times_result`, `uname_result`.

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::int::from_i128;
use crate::objects::structseq::{
    ext_field, field, new_structseq_ext, STRUCTSEQ_EXT_SLOTS, STRUCTSEQ_SLOTS,
};
use crate::objects::{PyResult, TypeObject};

use super::path::{bool_arg, dir_fd_arg, fd_value, path_arg, path_error, posix_error, PathArg};

use crate::objects::structseq::fields;

/// The number of `stat_result` items reachable by index.
const STAT_SEQ: usize = 10;
/// The number of hidden `stat_result` fields.
const STAT_HIDDEN: usize = 9;

/// `os.stat_result`: ten items (the last three the times as ints, by index only), and the
/// float and nanosecond times, `st_blksize`, `st_blocks`, `st_rdev` as attributes.
pub static STAT_RESULT_TYPE: TypeObject = TypeObject {
    name: "os.stat_result",
    // Items 7-9 are unnamed in CPython; the repr shows them under the float fields' names,
    // which is what pairing the getsets with the items in order gives.
    getsets: fields![
        "st_mode" => field::<0>,
        "st_ino" => field::<1>,
        "st_dev" => field::<2>,
        "st_nlink" => field::<3>,
        "st_uid" => field::<4>,
        "st_gid" => field::<5>,
        "st_size" => field::<6>,
        "st_atime" => ext_field::<0>,
        "st_mtime" => ext_field::<1>,
        "st_ctime" => ext_field::<2>,
        "st_atime_ns" => ext_field::<3>,
        "st_mtime_ns" => ext_field::<4>,
        "st_ctime_ns" => ext_field::<5>,
        "st_blksize" => ext_field::<6>,
        "st_blocks" => ext_field::<7>,
        "st_rdev" => ext_field::<8>,
    ],
    new: Some(stat_result_new),
    doc: "stat_result: Result from stat, fstat, or lstat.",
    ..STRUCTSEQ_EXT_SLOTS
};

/// `os.stat_result(sequence)`: 10 to 19 items; missing float times default to the int ones.
fn stat_result_new(_ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("stat_result", args, kwnames);
    let seq = p.required("sequence")?;
    let _dict = p.optional("dict")?;
    p.finish()?;
    let items = crate::ops::sequence::collect(&seq)?;
    let n = items.len();
    if n < STAT_SEQ {
        return err(
            &TYPE_ERROR,
            format!(
                "os.stat_result() takes an at least {}-sequence ({}-sequence given)",
                STAT_SEQ, n
            ),
        );
    }
    if n > STAT_SEQ + STAT_HIDDEN {
        return err(
            &TYPE_ERROR,
            format!(
                "os.stat_result() takes an at most {}-sequence ({}-sequence given)",
                STAT_SEQ + STAT_HIDDEN,
                n
            ),
        );
    }
    let mut hidden: Vec<Value> = items[STAT_SEQ..].to_vec();
    hidden.resize(STAT_HIDDEN, Value::NONE);
    for i in 0..3 {
        if hidden[i].is_none() {
            hidden[i] = items[7 + i].clone();
        }
    }
    Ok(new_structseq_ext(
        &STAT_RESULT_TYPE,
        items[..STAT_SEQ].to_vec(),
        hidden,
    ))
}

/// A `stat_result` from a `struct stat`.
pub fn stat_result(st: &libc::stat) -> Value {
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    let mut items = vec![
        Value::int(st.st_mode as i64),
        from_i128(st.st_ino as i128),
        from_i128(st.st_dev as i128),
        from_i128(st.st_nlink as i128),
        Value::int(st.st_uid as i64),
        Value::int(st.st_gid as i64),
        Value::int(st.st_size),
    ];
    let mut hidden = Vec::with_capacity(STAT_HIDDEN);
    for &(s, _) in &times {
        items.push(Value::int(s));
    }
    for &(s, ns) in &times {
        hidden.push(Value::float(s as f64 + ns as f64 * 1e-9));
    }
    for &(s, ns) in &times {
        hidden.push(from_i128(s as i128 * 1_000_000_000 + ns as i128));
    }
    hidden.push(Value::int(st.st_blksize));
    hidden.push(Value::int(st.st_blocks));
    hidden.push(from_i128(st.st_rdev as i128));
    new_structseq_ext(&STAT_RESULT_TYPE, items, hidden)
}

/// Runs `fstatat` (or `fstat` for a descriptor) on `path`.
pub fn do_stat(path: &PathArg, dir_fd: i32, follow: bool) -> PyResult<Result<libc::stat, i32>> {
    // SAFETY: `stat` is plain data; zero is a valid bit pattern.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = super::path::retry(|| match path.fd {
        // SAFETY: `st` is a valid out-pointer.
        Some(fd) => unsafe { libc::fstat(fd, &mut st) },
        // SAFETY: `path.c` is NUL-terminated; `st` is a valid out-pointer.
        None => unsafe {
            libc::fstatat(
                dir_fd,
                path.c.as_ptr(),
                &mut st,
                if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
            )
        },
    })?;
    Ok(r.map(|_| st))
}

/// `stat(path, *, dir_fd=None, follow_symlinks=True)`.
pub fn p_stat(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("stat", args, kw);
    let path = p.required("path")?;
    let dir_fd = p.kw_only("dir_fd")?;
    let follow = p.kw_only("follow_symlinks")?;
    p.finish()?;
    let path = path_arg("stat", "path", &path, true, false)?;
    let dir_fd = dir_fd_arg(dir_fd)?;
    let follow = bool_arg(follow, true)?;
    match do_stat(&path, dir_fd, follow)? {
        Ok(st) => Ok(stat_result(&st)),
        Err(_) => Err(path_error(&path)),
    }
}

/// `lstat(path, *, dir_fd=None)`.
pub fn p_lstat(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("lstat", args, kw);
    let path = p.required("path")?;
    let dir_fd = p.kw_only("dir_fd")?;
    p.finish()?;
    let path = path_arg("lstat", "path", &path, false, false)?;
    let dir_fd = dir_fd_arg(dir_fd)?;
    match do_stat(&path, dir_fd, false)? {
        Ok(st) => Ok(stat_result(&st)),
        Err(_) => Err(path_error(&path)),
    }
}

/// `fstat(fd)`.
pub fn p_fstat(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("fstat", args, kw);
    let fd = p.required("fd")?;
    p.finish()?;
    let fd = fd_value(&fd)?;
    // SAFETY: `stat` is plain data; zero is a valid bit pattern.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a valid out-pointer.
    match super::path::retry(|| unsafe { libc::fstat(fd, &mut st) })? {
        Ok(_) => Ok(stat_result(&st)),
        Err(_) => Err(posix_error()),
    }
}

// ---------------------------------------------------------------------------------------------
// Other struct sequences.

/// `os.terminal_size`.
pub static TERMINAL_SIZE_TYPE: TypeObject = TypeObject {
    name: "os.terminal_size",
    getsets: fields!["columns" => field::<0>, "lines" => field::<1>],
    doc: "A tuple of (columns, lines) for holding terminal window size",
    ..STRUCTSEQ_SLOTS
};

/// `posix.times_result`.
pub static TIMES_RESULT_TYPE: TypeObject = TypeObject {
    name: "posix.times_result",
    getsets: fields![
        "user" => field::<0>,
        "system" => field::<1>,
        "children_user" => field::<2>,
        "children_system" => field::<3>,
        "elapsed" => field::<4>,
    ],
    doc: "times_result: Result from os.times().",
    ..STRUCTSEQ_SLOTS
};

/// `posix.uname_result`.
pub static UNAME_RESULT_TYPE: TypeObject = TypeObject {
    name: "posix.uname_result",
    getsets: fields![
        "sysname" => field::<0>,
        "nodename" => field::<1>,
        "release" => field::<2>,
        "version" => field::<3>,
        "machine" => field::<4>,
    ],
    doc: "uname_result: Result from os.uname().",
    ..STRUCTSEQ_SLOTS
};

/// `os.statvfs_result`: ten items, and `f_fsid` as an attribute only.
pub static STATVFS_RESULT_TYPE: TypeObject = TypeObject {
    name: "os.statvfs_result",
    getsets: fields![
        "f_bsize" => field::<0>,
        "f_frsize" => field::<1>,
        "f_blocks" => field::<2>,
        "f_bfree" => field::<3>,
        "f_bavail" => field::<4>,
        "f_files" => field::<5>,
        "f_ffree" => field::<6>,
        "f_favail" => field::<7>,
        "f_flag" => field::<8>,
        "f_namemax" => field::<9>,
        "f_fsid" => ext_field::<0>,
    ],
    doc: "statvfs_result: Result from statvfs or fstatvfs.",
    ..STRUCTSEQ_EXT_SLOTS
};

/// `statvfs(path)` (path may be a descriptor).
pub fn p_statvfs(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("statvfs", args, kw);
    let path = p.required("path")?;
    p.finish()?;
    let path = path_arg("statvfs", "path", &path, true, false)?;
    // SAFETY: `statvfs` is plain data; zero is a valid bit pattern.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = super::path::retry(|| match path.fd {
        // SAFETY: `st` is a valid out-pointer.
        Some(fd) => unsafe { libc::fstatvfs(fd, &mut st) },
        // SAFETY: `path.c` is NUL-terminated; `st` is a valid out-pointer.
        None => unsafe { libc::statvfs(path.c.as_ptr(), &mut st) },
    })?;
    if r.is_err() {
        return Err(path_error(&path));
    }
    Ok(statvfs_result(&st))
}

fn statvfs_result(st: &libc::statvfs) -> Value {
    let u = |x: u64| from_i128(x as i128);
    new_structseq_ext(
        &STATVFS_RESULT_TYPE,
        vec![
            u(st.f_bsize),
            u(st.f_frsize),
            u(st.f_blocks),
            u(st.f_bfree),
            u(st.f_bavail),
            u(st.f_files),
            u(st.f_ffree),
            u(st.f_favail),
            u(st.f_flag),
            u(st.f_namemax),
        ],
        vec![u(st.f_fsid)],
    )
}

/// `fstatvfs(fd)`.
pub fn p_fstatvfs(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("fstatvfs", args, kw);
    let fd = p.required("fd")?;
    p.finish()?;
    let fd = fd_value(&fd)?;
    // SAFETY: `statvfs` is plain data; zero is a valid bit pattern.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a valid out-pointer.
    match super::path::retry(|| unsafe { libc::fstatvfs(fd, &mut st) })? {
        Ok(_) => Ok(statvfs_result(&st)),
        Err(_) => Err(posix_error()),
    }
}

/// Records the field counts of the module's struct sequences.
pub fn init_types() {
    use crate::objects::structseq::set_field_counts;
    set_field_counts(&STAT_RESULT_TYPE, STAT_SEQ, STAT_SEQ + STAT_HIDDEN, 3);
    set_field_counts(&STATVFS_RESULT_TYPE, 10, 11, 0);
    set_field_counts(&TERMINAL_SIZE_TYPE, 2, 2, 0);
    set_field_counts(&TIMES_RESULT_TYPE, 5, 5, 0);
    set_field_counts(&UNAME_RESULT_TYPE, 5, 5, 0);
}
