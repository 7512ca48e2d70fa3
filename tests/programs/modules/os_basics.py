# os / posix: stat, listdir, scandir, walk, path operations, environ, descriptors and the
# OSErrors failed calls raise (errno subclass, strerror, filename).
import os
import stat
import sys

print(os.name, os.sep, os.pathsep, os.linesep == "\n", sys.platform)
print(os.path is sys.modules["os.path"], os.path.__name__)

base = os.path.join("/tmp", "apython_os_basics_%d" % os.getpid())
os.mkdir(base)
old_cwd = os.getcwd()
os.chdir(base)
try:
    print(os.getcwd() == base, os.getcwdb() == os.fsencode(base))
    with open("file.txt", "w") as f:
        f.write("hello world\n")
    os.mkdir("sub")
    os.mkdir(os.path.join("sub", "deeper"))
    with open(os.path.join("sub", "inner.txt"), "wb") as f:
        f.write(b"\x00\x01\x02")
    os.symlink("file.txt", "link")

    st = os.stat("file.txt")
    print(type(st).__name__, len(st), st.st_size, st[6], stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
    print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__)
    print(st.st_mtime_ns // 10**9 == st[stat.ST_MTIME] == int(st.st_mtime))
    print(st.st_nlink, st.st_uid == os.getuid(), st.st_blksize > 0, st.st_blocks >= 0)
    print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields)
    print(repr(os.stat_result(tuple(range(10)))))
    print(os.stat_result(tuple(range(10))).st_mtime, os.stat_result(tuple(range(10))).st_mtime_ns)
    lst = os.lstat("link")
    print(stat.S_ISLNK(lst.st_mode), stat.S_ISLNK(os.stat("link").st_mode), os.readlink("link"))
    print(os.stat("link", follow_symlinks=False).st_mode == lst.st_mode)
    fd = os.open("file.txt", os.O_RDONLY)
    print(os.fstat(fd).st_size, os.read(fd, 5), os.lseek(fd, 0, os.SEEK_END), os.isatty(fd))
    print(os.get_inheritable(fd), os.stat(fd).st_size)
    os.close(fd)

    print(sorted(os.listdir()), sorted(os.listdir(".")), sorted(os.listdir(b".")))
    print(sorted(os.listdir("sub")))
    dfd = os.open("sub", os.O_RDONLY)
    print(sorted(os.listdir(dfd)), sorted((e.name, e.path, e.is_dir()) for e in os.scandir(dfd)))
    print(os.stat("inner.txt", dir_fd=dfd).st_size, sorted(os.listdir(dfd)) == sorted(os.listdir("sub")))
    os.close(dfd)
    entries = sorted(os.scandir(), key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_file(follow_symlinks=False), os.fspath(e), e.stat().st_size == os.stat(e.path).st_size)
    with os.scandir("sub") as it:
        print(sorted((e.name, e.path) for e in it))
    print(sorted((e.name, e.path) for e in os.scandir(b"sub")))
    for root, dirs, files in os.walk("."):
        dirs.sort()
        print(root, dirs, sorted(files))
    print([r for r, d, f in os.walk(".", topdown=False)][-1])

    p = os.path
    print(p.exists("file.txt"), p.exists("nope"), p.isfile("file.txt"), p.isdir("sub"), p.islink("link"))
    print(p.getsize("file.txt"), p.join("a", "b", "c"), p.split("/x/y/z.txt"), p.splitext("a/b.tar.gz"))
    print(p.basename("/x/y"), p.dirname("/x/y"), p.normpath("a//b/../c/."), p.isabs("/a"), p.isabs("a"))
    print(p.abspath("q") == p.join(base, "q"), p.realpath("link") == p.join(p.realpath(base), "file.txt"))
    print(p.relpath("/a/b/c", "/a"), p.commonpath(["/a/b/c", "/a/b/d"]), p.expanduser("~") == os.environ["HOME"])
    print(p.samefile("file.txt", "link"), p.getmtime("file.txt") == st.st_mtime)

    os.rename("file.txt", "renamed.txt")
    os.replace("renamed.txt", "file2.txt")
    print(sorted(os.listdir()), os.access("file2.txt", os.R_OK), os.access("nope", os.F_OK))
    os.chmod("file2.txt", 0o600)
    print(oct(stat.S_IMODE(os.stat("file2.txt").st_mode)))
    os.utime("file2.txt", (1000000000, 1200000000.5))
    st2 = os.stat("file2.txt")
    print(st2.st_atime, st2.st_mtime, st2.st_mtime_ns)
    os.utime("file2.txt", ns=(5, 7000000001))
    print(os.stat("file2.txt").st_atime_ns, os.stat("file2.txt").st_mtime_ns)
    os.truncate("file2.txt", 4)
    print(os.path.getsize("file2.txt"))

    r, w = os.pipe()
    print(os.write(w, b"through the pipe"), os.read(r, 100))
    os.close(r)
    os.close(w)

    def err(f, *a, **k):
        try:
            f(*a, **k)
        except Exception as e:
            print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None),
                  getattr(e, "filename2", None))

    err(os.stat, "nope")
    err(os.stat, b"nope")
    err(os.lstat, "nope/deeper")
    err(os.stat, [1])
    err(os.stat, "a\0b")
    err(os.mkdir, "sub")
    err(os.rmdir, "sub")
    err(os.rmdir, "file2.txt")
    err(os.unlink, "sub")
    err(os.unlink, 3.5)
    err(os.rename, "nope1", "nope2")
    err(os.listdir, "file2.txt")
    err(os.listdir, 42)
    err(os.scandir, "nope")
    err(os.readlink, "file2.txt")
    err(os.chdir, "nope")
    err(os.open, "nope", os.O_RDONLY)
    err(os.open, "sub/new", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    err(os.open, "sub/new", os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    err(os.close, 987)
    err(os.read, 987, 1)
    err(os.fstat, 987)
    err(os.stat, 987)
    err(os.fspath, 3)
    err(os.getcwd, 1)
    err(os.stat_result, (1, 2, 3))
    err(os.putenv, "a=b", "c")
    err(os.urandom, -1)
    err(os.DirEntry)
    print(os.strerror(2), os.strerror(13), os.error is OSError)

    os.unlink("sub/new")
    os.unlink("link")
    os.remove("file2.txt")
    os.unlink(os.path.join("sub", "inner.txt"))
    os.rmdir(os.path.join("sub", "deeper"))
    os.removedirs("sub")
    print(os.listdir())
finally:
    os.chdir(old_cwd)
    import shutil
    shutil.rmtree(base, ignore_errors=True)
print(os.path.exists(base))

# environ
print(type(os.environ).__name__, "PATH" in os.environ, os.environ.get("APYTHON_NOPE", "dflt"))
os.environ["APYTHON_TEST_VAR"] = "value=1"
print(os.environ["APYTHON_TEST_VAR"], os.getenv("APYTHON_TEST_VAR"), os.environb[b"APYTHON_TEST_VAR"])
del os.environ["APYTHON_TEST_VAR"]
print(os.getenv("APYTHON_TEST_VAR"), "APYTHON_TEST_VAR" in os.environ)
try:
    os.environ["x"] = 1
except TypeError as e:
    print("TypeError", e)

# misc
print(len(os.urandom(16)), os.urandom(0), os.cpu_count() > 0, os.getpid() > 0, os.getppid() > 0)
print(type(os.uname()).__name__, os.uname().sysname, len(os.times()), type(os.times().user).__name__)
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns)
print(os.fspath("a"), os.fspath(b"a"), os.fsencode("é"), os.fsdecode(b"\xc3\xa9"))
print(os.umask(0o22) >= 0, os.device_encoding(987))
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY)
print(os.supports_follow_symlinks >= {os.stat}, os.stat in os.supports_dir_fd)
class P:
    def __fspath__(self):
        return "."
print(os.path.isdir(P()), os.fspath(P()), os.stat(P()).st_mode == os.stat(".").st_mode)
