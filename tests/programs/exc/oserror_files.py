# exc: OSError subclasses from open() on missing files/directories, errno/strerror/filename and their str()
for path, mode in [("/nonexistent_dir_apython/x.txt", "r"), ("/nonexistent_dir_apython/x.txt", "w"), ("/", "r"), ("/", "w")]:
    try:
        open(path, mode)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, "|", e)
try:
    open("missing_file_for_apython_test.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e, e.args)
try:
    open("x", "zz")
except ValueError as e:
    print("ValueError:", e)
try:
    open("x", "rw")
except ValueError as e:
    print("ValueError:", e)
try:
    open(3.5)
except TypeError as e:
    print("TypeError:", e)
try:
    open("", "r")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
e = OSError(2, "No such file or directory")
print(type(e).__name__, isinstance(e, FileNotFoundError), str(e))
e2 = OSError(17, "File exists", "a", None, "b")
print(type(e2).__name__, e2.filename, e2.filename2, str(e2))
print(OSError(99999, "odd").__class__.__name__, OSError("only msg").errno, OSError().args)
print(type(OSError(13, "x")).__name__, type(OSError(21, "x")).__name__, type(OSError(20, "x")).__name__, type(OSError(11, "x")).__name__)
