//! The stencil checker and table generator of `build.rs` (also run by
//! `tests/stencil_rules.rs` on stencils that break the rules): compiles a stencil source with
//! the stencil flags, extracts each stencil from the object file, checks it, and writes the
//! Rust source of the tables.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use object::elf;
use object::{
    Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget, SectionKind,
    SymbolKind, SymbolSection,
};

/// Alignment the emitter gives each stencil's data (`apython_jit::stencil::DATA_ALIGN`).
pub const DATA_ALIGN: u64 = 16;

/// rustc flags of the stencils (DESIGN.md, "Tier 2").
pub const FLAGS: &[&str] = &[
    "--edition=2021",
    "--crate-type=lib",
    "--crate-name=apy_stencils",
    "-C",
    "opt-level=3",
    "-C",
    "panic=abort",
    "-C",
    "relocation-model=static",
    "-C",
    "code-model=medium",
    "-C",
    "jump-tables=no",
    "-C",
    "force-unwind-tables=no",
    "-C",
    "codegen-units=1",
    "-C",
    "debuginfo=0",
    "--cfg",
    "apy_stencils",
];

/// Compiles the stencil source `src` for `target` to the object file `out`; the compiler's
/// messages on failure.
pub fn compile(rustc: &str, src: &Path, target: &str, out: &Path) -> Result<(), String> {
    // rustc writes its intermediate files to the working directory: run it in the output's
    // own directory (never the source tree, and never one a parallel compile shares).
    let dir = out.parent().ok_or("object path without a directory")?;
    let src = std::path::absolute(src).map_err(|e| format!("{}: {e}", src.display()))?;
    let output = Command::new(rustc)
        .current_dir(dir)
        .args(FLAGS)
        .arg(format!("--target={target}"))
        .arg(format!("--emit=obj={}", out.display()))
        .arg(&src)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .map_err(|e| format!("cannot run {rustc}: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// What a hole stands for (mirrors `apython_jit::stencil::HoleValue`).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Oparg,
    Operand0,
    Operand1,
    Operand2,
    ContinueAddr,
    Continue,
    JumpTarget,
    Deopt,
    Error,
    Data,
    Helper(String),
}

#[derive(Debug)]
pub struct Hole {
    pub offset: u64,
    pub abs64: bool,
    pub value: Value,
    pub addend: i64,
}

/// One extracted stencil.
#[derive(Debug)]
pub struct Stencil {
    pub name: String,
    pub code: Vec<u8>,
    pub data: Vec<u8>,
    pub holes: Vec<Hole>,
    pub falls_through: bool,
}

/// Extracts and checks every stencil of the object file, or returns every rule broken.
pub fn extract(data: &[u8]) -> Result<Vec<Stencil>, Vec<String>> {
    let file = object::File::parse(data).map_err(|e| vec![format!("stencils.o: {e}")])?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for sym in file.symbols() {
        let name = sym.name().unwrap_or("");
        if sym.kind() != SymbolKind::Text
            || !sym.is_global()
            || sym.is_undefined()
            || name.starts_with("_ZN")
            || name.starts_with("_R")
        {
            continue;
        }
        match extract_one(&file, &sym, name) {
            Ok(s) => out.push(s),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push("no stencils found".into());
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn extract_one(
    file: &object::File,
    sym: &object::Symbol,
    name: &str,
) -> Result<Stencil, Vec<String>> {
    let mut errors = Vec::new();
    let SymbolSection::Section(sec_index) = sym.section() else {
        return Err(vec![format!("{name}: not in a section")]);
    };
    let section = file.section_by_index(sec_index).expect("symbol's section");
    let sec_data = section.data().expect("section data");
    let (start, size) = (sym.address(), sym.size());
    if start + size > sec_data.len() as u64 || size == 0 {
        return Err(vec![format!("{name}: bad symbol extent")]);
    }
    let mut code = sec_data[start as usize..(start + size) as usize].to_vec();
    let mut holes = Vec::new();
    let mut data = Vec::new();
    // Read-only sections copied into this stencil's data: section index -> offset in `data`.
    let mut data_sections: BTreeMap<usize, u64> = BTreeMap::new();

    for (offset, reloc) in section.relocations() {
        if offset < start || offset >= start + size {
            continue;
        }
        let offset = offset - start;
        let RelocationFlags::Elf { r_type } = reloc.flags() else {
            errors.push(format!("{name}: non-ELF relocation"));
            continue;
        };
        let abs64 = if r_type == elf::R_X86_64_64 {
            true
        } else if r_type == elf::R_X86_64_PC32 || r_type == elf::R_X86_64_PLT32 {
            false
        } else {
            errors.push(format!(
                "{name}+{offset:#x}: unhandled relocation type {}",
                r_type.0
            ));
            continue;
        };
        let (target_name, target_section, target_offset) = match reloc.target() {
            RelocationTarget::Symbol(i) => {
                let t = file.symbol_by_index(i).expect("relocation symbol");
                let section = match t.section() {
                    SymbolSection::Section(s) => Some(s),
                    _ => None,
                };
                (t.name().unwrap_or("").to_string(), section, t.address())
            }
            RelocationTarget::Section(s) => (String::new(), Some(s), 0),
            _ => {
                errors.push(format!("{name}+{offset:#x}: unhandled relocation target"));
                continue;
            }
        };
        let mut addend = reloc.addend();
        let value = match target_section {
            None => match target_name.as_str() {
                "_JIT_OPARG" => Value::Oparg,
                "_JIT_OPERAND0" => Value::Operand0,
                "_JIT_OPERAND1" => Value::Operand1,
                "_JIT_OPERAND2" => Value::Operand2,
                "_JIT_CONTINUE_ADDR" => Value::ContinueAddr,
                "_JIT_CONTINUE" => Value::Continue,
                "_JIT_JUMP_TARGET" => Value::JumpTarget,
                "_JIT_DEOPT" => Value::Deopt,
                "_JIT_ERROR" => Value::Error,
                n if n.starts_with("apy_") || ["memcpy", "memmove", "memset"].contains(&n) => {
                    Value::Helper(n.to_string())
                }
                n => {
                    errors.push(format!(
                        "{name}: refers to `{n}`, which is not a hole, an apy_* helper or \
                         memcpy/memmove/memset (a panic path, or a function that was not inlined?)"
                    ));
                    continue;
                }
            },
            Some(s) => {
                let target = file.section_by_index(s).expect("target section");
                if !matches!(
                    target.kind(),
                    SectionKind::ReadOnlyData
                        | SectionKind::ReadOnlyString
                        | SectionKind::ReadOnlyDataWithRel
                ) {
                    let section = target.name().unwrap_or("?");
                    let what = if target_name.is_empty() {
                        format!("section {section}")
                    } else {
                        format!("`{target_name}` in section {section}")
                    };
                    errors.push(format!(
                        "{name}: refers to {what} (only holes, helpers and read-only data are \
                         allowed: make called functions #[inline(always)])"
                    ));
                    continue;
                }
                if target.relocations().next().is_some() {
                    errors.push(format!(
                        "{name}: read-only data {} has relocations (a table of addresses?)",
                        target.name().unwrap_or("?")
                    ));
                    continue;
                }
                if target.align() > DATA_ALIGN {
                    errors.push(format!(
                        "{name}: read-only data {} needs alignment {} > {DATA_ALIGN}",
                        target.name().unwrap_or("?"),
                        target.align()
                    ));
                    continue;
                }
                let at = *data_sections.entry(s.0).or_insert_with(|| {
                    let at = data.len().div_ceil(target.align() as usize) * target.align() as usize;
                    data.resize(at, 0);
                    data.extend_from_slice(target.data().expect("rodata"));
                    at as u64
                });
                addend += (at + target_offset) as i64;
                Value::Data
            }
        };
        let control = matches!(
            value,
            Value::Continue | Value::JumpTarget | Value::Deopt | Value::Error
        );
        let immediate = matches!(
            value,
            Value::Oparg
                | Value::Operand0
                | Value::Operand1
                | Value::Operand2
                | Value::ContinueAddr
        );
        if immediate && !abs64 {
            errors.push(format!(
                "{name}+{offset:#x}: {value:?} used rip-relative (needs movabs: code-model=medium)"
            ));
        }
        if control || matches!(value, Value::Helper(_)) {
            if abs64 {
                errors.push(format!(
                    "{name}+{offset:#x}: takes the address of {target_name}"
                ));
                continue;
            }
            let o = offset as usize;
            let jmp = o >= 1 && code[o - 1] == 0xE9;
            let jcc = o >= 2 && code[o - 2] == 0x0F && code[o - 1] & 0xF0 == 0x80;
            let call = o >= 1 && code[o - 1] == 0xE8;
            if control && call {
                errors.push(format!(
                    "{name}+{offset:#x}: reaches {target_name} by `call`, not a tail jump \
                     (the continuation must be the stencil's last action, with its arguments)"
                ));
            } else if !(jmp || jcc || call) || reloc.addend() != -4 {
                errors.push(format!(
                    "{name}+{offset:#x}: {target_name} used by something other than call/jmp/jcc"
                ));
            }
        }
        holes.push(Hole {
            offset,
            abs64,
            value,
            addend,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // A trailing `jmp _JIT_CONTINUE` goes: the next stencil follows directly.
    let len = code.len() as u64;
    let mut falls_through = false;
    if len >= 5 && code[len as usize - 5] == 0xE9 {
        if let Some(i) = holes
            .iter()
            .position(|h| h.offset == len - 4 && h.value == Value::Continue)
        {
            holes.remove(i);
            code.truncate(len as usize - 5);
            falls_through = true;
        }
    }
    holes.sort_by_key(|h| h.offset);
    Ok(Stencil {
        name: name.to_string(),
        code,
        data,
        holes,
        falls_through,
    })
}

/// The Rust source of the stencil tables.
pub fn generate(stencils: &[Stencil]) -> String {
    let mut helpers: Vec<String> = Vec::new();
    for s in stencils {
        for h in &s.holes {
            if let Value::Helper(n) = &h.value {
                if !helpers.contains(n) {
                    helpers.push(n.clone());
                }
            }
        }
    }
    helpers.sort();
    let mut o = String::new();
    o.push_str("// @generated by build.rs from stencils/lib.rs: do not edit.\n\n");
    o.push_str("use apython_jit::stencil::{Hole, HoleKind, HoleValue, Stencil};\n\n");
    let _ = writeln!(
        o,
        "// The stencils' data layout assumes the emitter's alignment.\n\
         const _: () = assert!(apython_jit::stencil::DATA_ALIGN == {DATA_ALIGN});\n"
    );
    let _ = writeln!(
        o,
        "/// The runtime helpers the stencils call, in `HoleValue::Helper` order.\n\
         pub const HELPER_NAMES: [&str; {}] = {:?};\n",
        helpers.len(),
        helpers
    );
    let _ = writeln!(
        o,
        "/// The helpers' addresses, in `HoleValue::Helper` order: the table `emit` takes.\n\
         pub fn helper_addresses() -> [usize; {}] {{\n    [",
        helpers.len()
    );
    for h in &helpers {
        let path = if h.starts_with("apy_") {
            format!("super::helpers::{h}")
        } else {
            format!("libc::{h}")
        };
        let _ = writeln!(o, "        {path} as *const () as usize,");
    }
    o.push_str("    ]\n}\n\n");
    for s in stencils {
        let _ = writeln!(o, "/// Stencil `{}`.", s.name);
        let _ = writeln!(o, "pub static {}: Stencil = Stencil {{", s.name);
        let _ = writeln!(o, "    name: {:?},", s.name);
        let _ = writeln!(o, "    code: &{:?},", s.code);
        let _ = writeln!(o, "    data: &{:?},", s.data);
        o.push_str("    holes: &[\n");
        for h in &s.holes {
            let value = match &h.value {
                Value::Helper(n) => format!(
                    "Helper({})",
                    helpers.iter().position(|x| x == n).expect("helper listed")
                ),
                v => format!("{v:?}"),
            };
            let _ = writeln!(
                o,
                "        Hole {{ offset: {}, kind: HoleKind::{}, value: HoleValue::{}, addend: {}, in_data: false }},",
                h.offset,
                if h.abs64 { "Abs64" } else { "Rel32" },
                value,
                h.addend
            );
        }
        o.push_str("    ],\n");
        let _ = writeln!(o, "    falls_through: {},", s.falls_through);
        o.push_str("};\n\n");
    }
    let _ = writeln!(
        o,
        "/// Every stencil, sorted by name.\npub static ALL: [&Stencil; {}] = [",
        stencils.len()
    );
    for s in stencils {
        let _ = writeln!(o, "    &{},", s.name);
    }
    o.push_str("];\n");
    o
}
