//! The `apython` command line: parse arguments, load the program, run it, exit with its code.

use std::process::ExitCode;

use apython::abi::Value;

#[global_allocator]
static ALLOCATOR: apython::alloc::Allocator = apython::alloc::Allocator;

const USAGE: &str = "usage: apython [option] ... [-c cmd | file] [arg] ...
Options:
  -c cmd   program passed in as string
  -m mod   run library module as a script (terminates option list)
  -h       print this help message and exit (also --help)
  -V       print the Python version number and exit (also --version)
  -W arg   warning control; arg is action:message:category:module:lineno
           (also PYTHONWARNINGS=arg)
  --jit    compile hot functions to machine code (tier 2: copy-and-patch JIT)
  -X perf  name compiled functions in /tmp/perf-<pid>.map for perf
           (also PYTHONPERFSUPPORT=1)
  --specialization-stats
           at exit, print to stderr how often each specializing instruction family
           ran specialized (hits) or generic (misses), was rewritten, failed to
           specialize, or deoptimized (also APYTHON_SPECIALIZATION_STATS=1)
file       program read from script file (.py, compiled by CPython 3.12, or .pyc)
arg ...    arguments passed to program in sys.argv[1:]

Environment:
  APYTHON_PYTHON        the CPython 3.12 used to compile .py files
  APYTHON_JIT           0 turns the JIT off even with --jit; 1 turns it on
  APYTHON_JIT_THRESHOLD calls and loop iterations before a function is compiled
                        (default 500; 0: at first call)
  APYTHON_JIT_STATS     1: at exit, print to stderr how many functions were
                        compiled and how often compiled code was entered
  APYTHON_JIT_DUMP      1: print to stderr where each compiled function's
                        stencils start, with their bytecode offsets
  APYTHON_GDB_JIT       1: register compiled functions with gdb (JIT interface)
  PYTHONPERFSUPPORT     1: as -X perf
  APYTHON_SPECIALIZATION_STATS  1: as --specialization-stats
";

/// What to run.
enum Program {
    File(String),
    Command(String),
    Module(String),
}

/// Release builds abort on a panic (Cargo.toml), which is always an apython bug: the hook
/// prints the panic as usual, then flushes what the program wrote to its streams, so that the
/// output before the bug is not lost with the process.
fn install_panic_hook() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        report(info);
        apython::modules::io::flush_at_exit();
    }));
}

fn main() -> ExitCode {
    install_panic_hook();
    let args: Vec<String> = std::env::args().collect();
    let mut i = 1;
    let mut program = None;
    let mut warnoptions: Vec<String> = Vec::new();
    let mut ignore_env = false;
    let (mut jit_flag, mut perf_flag) = (false, false);
    if std::env::var("APYTHON_SPECIALIZATION_STATS").is_ok_and(|v| v == "1") {
        apython::vm::specialize::stats::enable();
    }
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-h" | "--help" | "-?" => {
                print!("{}", USAGE);
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("Python 3.12.1 (apython {})", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "--jit" => {
                jit_flag = true;
                i += 1;
            }
            "--specialization-stats" => {
                apython::vm::specialize::stats::enable();
                i += 1;
            }
            "-c" => {
                let Some(cmd) = args.get(i + 1) else {
                    eprintln!(
                        "Argument expected for the -c option\n{}",
                        USAGE.lines().next().unwrap()
                    );
                    return ExitCode::from(2);
                };
                program = Some((Program::Command(cmd.clone()), i + 2));
                break;
            }
            "-m" => {
                let Some(m) = args.get(i + 1) else {
                    eprintln!(
                        "Argument expected for the -m option\n{}",
                        USAGE.lines().next().unwrap()
                    );
                    return ExitCode::from(2);
                };
                program = Some((Program::Module(m.clone()), i + 2));
                break;
            }
            "-X" => {
                if args.get(i + 1).is_some_and(|x| x == "perf") {
                    perf_flag = true;
                }
                i += 2;
            }
            x if x.starts_with("-X") => {
                if x == "-Xperf" {
                    perf_flag = true;
                }
                i += 1;
            }
            "-W" => {
                let Some(w) = args.get(i + 1) else {
                    eprintln!(
                        "Argument expected for the -W option\n{}",
                        USAGE.lines().next().unwrap()
                    );
                    return ExitCode::from(2);
                };
                warnoptions.push(w.clone());
                i += 2;
            }
            s if s.starts_with("-W") => {
                warnoptions.push(s[2..].to_string());
                i += 1;
            }
            "-E" | "-I" => {
                ignore_env = true;
                i += 1;
            }
            "-u" | "-B" | "-s" | "-S" | "-O" => i += 1,
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("Unknown option: {}\n{}", s, USAGE.lines().next().unwrap());
                eprintln!("Try `apython -h' for more information.");
                return ExitCode::from(2);
            }
            _ => {
                program = Some((Program::File(a.clone()), i + 1));
                break;
            }
        }
    }
    apython::tier2::configure(jit_flag, perf_flag);
    let Some((program, rest)) = program else {
        eprintln!(
            "apython: no program given (interactive mode is not supported)\n{}",
            USAGE.lines().next().unwrap()
        );
        return ExitCode::from(2);
    };
    let mut argv: Vec<String> = vec![match &program {
        Program::File(f) => f.clone(),
        Program::Command(_) => "-c".into(),
        Program::Module(_) => "-m".into(),
    }];
    argv.extend(args[rest..].iter().cloned());
    apython::vm::interp::init(argv);
    // As CPython: PYTHONWARNINGS entries first, then the -W options.
    let mut options: Vec<String> = match std::env::var("PYTHONWARNINGS") {
        Ok(v) if !ignore_env => v
            .split(',')
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty())
            .collect(),
        _ => Vec::new(),
    };
    options.extend(warnoptions);
    apython::modules::sys::set_warnoptions(&options);
    let path0 = match &program {
        Program::File(f) => apython::vm::import::script_dir(f),
        Program::Command(_) => String::new(),
        Program::Module(_) => std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
    };
    apython::vm::import::init_path(&path0);
    let code = run(program);
    let _ = apython::modules::sys::flush_stdout();
    apython::vm::specialize::stats::print();
    apython::tier2::print_stats();
    ExitCode::from(code as u8)
}

/// Loads and runs the program; returns the exit code.
fn run(program: Program) -> i32 {
    let (raw, file) = match program {
        Program::Module(name) => return apython::vm::interp::run_module_as_main(&name),
        Program::Command(cmd) => match apython::compile::compile_source_string(
            &cmd,
            "<string>",
            apython::compile::Mode::Exec,
        ) {
            Ok(c) => match apython::pyc::marshal::loads(&c.marshalled) {
                Ok(apython::pyc::Obj::Code(code)) => (code, None),
                _ => {
                    eprintln!("apython: the compiler returned no code object");
                    return 1;
                }
            },
            Err(e) => return report_compile_error(e),
        },
        Program::File(path) => match load_file(&path) {
            Ok(c) => (c, Some(path)),
            Err(code) => return code,
        },
    };
    let code: Value = match apython::objects::code::new_code(&raw) {
        Ok(c) => c,
        Err(_) => return apython::vm::interp::handle_uncaught(),
    };
    apython::vm::interp::run_main(code, file.as_deref())
}

fn report_compile_error(e: apython::compile::CompileError) -> i32 {
    let _ = apython::modules::sys::flush_stdout();
    eprint!("{}", e.report());
    e.exit_code()
}

/// Reads a `.pyc`, or compiles a `.py` through `__pycache__`.
fn load_file(path: &str) -> Result<std::rc::Rc<apython::pyc::RawCode>, i32> {
    let p = std::path::Path::new(path);
    if !p.exists() {
        let abs = std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf());
        eprintln!(
            "apython: can't open file '{}': [Errno 2] No such file or directory",
            abs.display()
        );
        return Err(2);
    }
    if path.ends_with(".pyc") {
        let bytes = match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("apython: can't open file '{}': {}", path, e);
                return Err(2);
            }
        };
        return apython::pyc::read_pyc(&bytes).map_err(|e| {
            eprintln!("{}: {}", e.python_exception(), e);
            1
        });
    }
    match apython::compile::pyc_for_script(p) {
        Ok(s) => {
            // The compiler's warnings (`SyntaxWarning` ...), as CPython prints them before the
            // script runs.
            for w in &s.warnings {
                eprint!("{}", w.formatted);
            }
            // A cached .pyc keeps the path it was compiled at; use the script's current one.
            let abs = std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf());
            Ok(apython::vm::import::fix_co_filename(
                &s.code,
                &abs.to_string_lossy(),
            ))
        }
        Err(e) => Err(report_compile_error(e)),
    }
}
