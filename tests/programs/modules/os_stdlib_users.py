# Standard-library modules built on os: tempfile, shutil, pathlib, glob, linecache, fnmatch.
import fnmatch
import glob
import linecache
import os
import pathlib
import shutil
import tempfile

with tempfile.TemporaryDirectory(prefix="apy") as d:
    print(os.path.basename(d).startswith("apy"), os.path.isdir(d))
    p = os.path.join(d, "x.txt")
    with open(p, "w") as f:
        f.write("line one\nline two\n")
    shutil.copy(p, os.path.join(d, "y.txt"))
    shutil.copyfile(p, os.path.join(d, "z.dat"))
    os.makedirs(os.path.join(d, "a", "b", "c"))
    os.makedirs(os.path.join(d, "a", "b"), exist_ok=True)
    try:
        os.makedirs(os.path.join(d, "a", "b"))
    except FileExistsError as e:
        print("FileExistsError", os.path.basename(e.filename))
    shutil.copytree(os.path.join(d, "a"), os.path.join(d, "a2"))
    print(sorted(os.listdir(d)))
    print(sorted(os.path.relpath(os.path.join(r, n), d) for r, ds, fs in os.walk(d) for n in ds + fs))
    print(sorted(os.path.basename(g) for g in glob.glob(os.path.join(d, "*.txt"))))
    print(sorted(os.path.relpath(g, d) for g in glob.glob(os.path.join(d, "**"), recursive=True)))
    print(fnmatch.filter(sorted(os.listdir(d)), "[xy]*"))
    print(repr(linecache.getline(p, 2)), linecache.getline(p, 9) == "", len(linecache.getlines(p)))
    shutil.rmtree(os.path.join(d, "a"))
    shutil.move(os.path.join(d, "z.dat"), os.path.join(d, "moved.dat"))
    print(sorted(os.listdir(d)), shutil.disk_usage(d).total > 0)

    base = pathlib.Path(d)
    q = base / "sub" / "file.txt"
    q.parent.mkdir()
    q.write_text("pathlib text")
    print(q.name, q.suffix, q.stem, q.parent.name, q.exists(), q.is_file(), q.parent.is_dir())
    print(q.read_text(), q.stat().st_size, sorted(x.name for x in base.iterdir()))
    print(sorted(str(x.relative_to(base)) for x in base.rglob("*.txt")))
    q.rename(base / "sub" / "renamed.txt")
    print(sorted(x.name for x in (base / "sub").iterdir()), (base / "nope").exists())
    (base / "sub" / "renamed.txt").unlink()
    (base / "sub").rmdir()
    fd, name = tempfile.mkstemp(dir=d, suffix=".tmp")
    os.write(fd, b"temp data")
    os.close(fd)
    with open(name, "rb") as f:
        print(f.read(), name.endswith(".tmp"))
    with tempfile.NamedTemporaryFile("w+", dir=d) as f:
        f.write("named")
        f.seek(0)
        print(f.read(), os.path.dirname(f.name) == d)
print(os.path.exists(d))
print(shutil.which("sh") is not None, shutil.get_terminal_size((77, 11)).columns > 0)
print(repr(linecache.getline(__file__, 1)))
