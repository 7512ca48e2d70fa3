//! The stencil checker of `build.rs` (`build/stencils.rs`): stencils that would break compiled
//! code are rejected with a reason, and good ones come out with their holes, data and
//! stripped trailing jump. Compiles small stencil sources with the same flags as the build.

#[path = "../build/stencils.rs"]
#[allow(dead_code)]
mod stencils;

use std::path::PathBuf;
use std::process::Command;

use stencils::{extract, Value};

const PRELUDE: &str = r#"
#![no_std]
#![allow(non_snake_case, dead_code)]
extern "C" {
    static _JIT_OPARG: [u8; 0];
    fn _JIT_CONTINUE(f: *mut u64, sp: *mut u64, t: *mut u8) -> u64;
    fn _JIT_DEOPT(f: *mut u64, sp: *mut u64, t: *mut u8) -> u64;
    fn apy_helper(x: u64) -> u64;
}
#[inline(always)]
fn oparg() -> usize {
    core::ptr::addr_of!(_JIT_OPARG) as usize
}
"#;

fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into())
}

fn host() -> String {
    let out = Command::new(rustc())
        .arg("-vV")
        .output()
        .expect("rustc -vV");
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("host line")
        .to_string()
}

/// A directory per check: rustc's temporary files are named after the crate, so parallel
/// compiles must not share one.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "apython-stencil-rules-{}/{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Compiles `body` (after the prelude) as a stencil source and runs the checker on it.
fn check(name: &str, body: &str) -> Result<Vec<stencils::Stencil>, Vec<String>> {
    let d = dir(name);
    let src = d.join(format!("{name}.rs"));
    let obj = d.join(format!("{name}.o"));
    std::fs::write(&src, format!("{PRELUDE}\n{body}")).unwrap();
    stencils::compile(&rustc(), &src, &host(), &obj).expect("compiles");
    extract(&std::fs::read(&obj).unwrap())
}

fn rejected(name: &str, body: &str, why: &str) {
    match check(name, body) {
        Ok(s) => panic!("{name} was accepted: {s:?}"),
        Err(e) => assert!(
            e.iter().any(|m| m.contains(why)),
            "{name}: no error mentions {why:?}: {e:?}"
        ),
    }
}

#[test]
fn good_stencil_with_data_and_a_stripped_continuation() {
    let s = check(
        "good",
        r#"
        #[no_mangle]
        pub unsafe extern "C" fn SCALE(f: *mut u64, sp: *mut u64, t: *mut u8) -> u64 {
            let x = f64::from_bits(*sp.sub(1)) * 1.25 + oparg() as f64;
            if x > 1e300 {
                return _JIT_DEOPT(f, sp, t);
            }
            *sp.sub(1) = x.to_bits();
            _JIT_CONTINUE(f, sp, t)
        }
        "#,
    )
    .unwrap();
    assert_eq!(s.len(), 1);
    let s = &s[0];
    assert_eq!(s.name, "SCALE");
    assert!(
        s.falls_through,
        "the trailing jmp _JIT_CONTINUE is stripped"
    );
    assert!(!s.holes.iter().any(|h| h.value == Value::Continue));
    assert!(s.holes.iter().any(|h| h.value == Value::Oparg && h.abs64));
    assert!(s.holes.iter().any(|h| h.value == Value::Deopt && !h.abs64));
    // The float constants live in the stencil's own data, reached rip-relative.
    assert!(s.holes.iter().any(|h| h.value == Value::Data && !h.abs64));
    let has = |x: f64| s.data.windows(8).any(|w| w == x.to_bits().to_le_bytes());
    assert!(has(1.25) && has(1e300), "data: {:?}", s.data);
    for h in &s.holes {
        assert!(h.offset as usize + if h.abs64 { 8 } else { 4 } <= s.code.len());
    }
}

#[test]
fn continuation_reached_by_call() {
    rejected(
        "by_call",
        r#"
        #[no_mangle]
        pub unsafe extern "C" fn NOT_A_TAIL_CALL(f: *mut u64, sp: *mut u64, t: *mut u8) -> u64 {
            _JIT_CONTINUE(f, sp, t).wrapping_add(1)
        }
        "#,
        "by `call`",
    );
}

#[test]
fn panic_path() {
    rejected(
        "panics",
        r#"
        static TABLE: [u64; 3] = [1, 2, 3];
        #[no_mangle]
        pub unsafe extern "C" fn INDEXES(f: *mut u64, sp: *mut u64, t: *mut u8) -> u64 {
            *sp = TABLE[oparg()];
            _JIT_CONTINUE(f, sp.add(1), t)
        }
        "#,
        "panic_bounds_check",
    );
}

#[test]
fn function_not_inlined() {
    rejected(
        "noinline",
        r#"
        #[inline(never)]
        fn slow(x: u64) -> u64 {
            x.wrapping_mul(0x9E37_79B9) ^ (x >> 7)
        }
        #[no_mangle]
        pub unsafe extern "C" fn CALLS_OUT(f: *mut u64, sp: *mut u64, t: *mut u8) -> u64 {
            *sp = slow(*sp);
            _JIT_CONTINUE(f, sp, t)
        }
        "#,
        "#[inline(always)]",
    );
}

#[test]
fn helpers_may_be_called() {
    let s = check(
        "helper",
        r#"
        #[no_mangle]
        pub unsafe extern "C" fn CALLS_HELPER(f: *mut u64, sp: *mut u64, t: *mut u8) -> u64 {
            *sp = apy_helper(*sp);
            _JIT_CONTINUE(f, sp, t)
        }
        "#,
    )
    .unwrap();
    assert!(s[0]
        .holes
        .iter()
        .any(|h| h.value == Value::Helper("apy_helper".into())));
}

#[test]
fn unhandled_relocation_kind() {
    use object::write::{Object, Relocation, Symbol, SymbolSection};
    use object::{elf, Architecture, BinaryFormat, Endianness, RelocationFlags, SectionKind};
    use object::{SymbolFlags, SymbolKind, SymbolScope};
    let mut obj = Object::new(BinaryFormat::Elf, Architecture::X86_64, Endianness::Little);
    let text = obj.add_section(Vec::new(), b".text.ABS32".to_vec(), SectionKind::Text);
    // mov eax, imm32 (R_X86_64_32 _JIT_OPARG); ret
    let off = obj.append_section_data(text, &[0xB8, 0, 0, 0, 0, 0xC3], 16);
    let add_sym = |obj: &mut Object, name: &[u8], section, size| {
        obj.add_symbol(Symbol {
            name: name.to_vec(),
            value: 0,
            size,
            kind: if section == SymbolSection::Undefined {
                SymbolKind::Data
            } else {
                SymbolKind::Text
            },
            scope: SymbolScope::Linkage,
            weak: false,
            section,
            flags: SymbolFlags::None,
        })
    };
    add_sym(&mut obj, b"ABS32", SymbolSection::Section(text), 6);
    let hole = add_sym(&mut obj, b"_JIT_OPARG", SymbolSection::Undefined, 0);
    obj.add_relocation(
        text,
        Relocation {
            offset: off + 1,
            symbol: hole,
            addend: 0,
            flags: RelocationFlags::Elf {
                r_type: elf::R_X86_64_32,
            },
        },
    )
    .unwrap();
    let bytes = obj.write().unwrap();
    let e = extract(&bytes).unwrap_err();
    assert!(
        e.iter().any(|m| m.contains("unhandled relocation type 10")),
        "{e:?}"
    );
}
