//! The GDB JIT interface: each registered code range is described to gdb by a small in-memory
//! ELF object (built with `object`'s ELF builder) holding a function symbol per name, so that
//! `bt` and `disassemble` in gdb name JIT code.
//!
//! The protocol (gdb manual, "JIT Compilation Interface"): a linked list of
//! [`JitCodeEntry`] hangs off the global `__jit_debug_descriptor`; after each change the
//! program calls `__jit_debug_register_code`, on which gdb keeps a breakpoint, with
//! `action_flag` and `relevant_entry` saying what changed. Both symbols must keep exactly
//! these names.

use std::sync::Mutex;

use object::build::elf::{Builder, SectionData};
use object::elf;

/// gdb's `struct jit_code_entry`.
#[repr(C)]
pub struct JitCodeEntry {
    next_entry: *mut JitCodeEntry,
    prev_entry: *mut JitCodeEntry,
    symfile_addr: *const u8,
    symfile_size: u64,
}

/// gdb's `struct jit_descriptor`.
#[repr(C)]
pub struct JitDescriptor {
    version: u32,
    action_flag: u32,
    relevant_entry: *mut JitCodeEntry,
    first_entry: *mut JitCodeEntry,
}

const JIT_NOACTION: u32 = 0;
const JIT_REGISTER_FN: u32 = 1;
const JIT_UNREGISTER_FN: u32 = 2;

/// The descriptor gdb reads. Only touched under [`LOCK`].
#[no_mangle]
#[used]
pub static mut __jit_debug_descriptor: JitDescriptor = JitDescriptor {
    version: 1,
    action_flag: JIT_NOACTION,
    relevant_entry: std::ptr::null_mut(),
    first_entry: std::ptr::null_mut(),
};

/// gdb breaks here to read the descriptor. Never inlined, and its body counts as a side
/// effect (an opaque `asm!`), so no call to it is optimized away.
#[no_mangle]
#[inline(never)]
pub extern "C" fn __jit_debug_register_code() {
    // SAFETY: an empty instruction sequence; it only stops the optimizer seeing through it.
    unsafe { std::arch::asm!("", options(nostack, preserves_flags)) };
}

/// Serializes changes to the descriptor's list.
static LOCK: Mutex<()> = Mutex::new(());

/// A function symbol for gdb: name, address, size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub addr: usize,
    pub size: usize,
}

/// An ELF relocatable object describing code already in memory: one `SHT_NOBITS` `.text`
/// section at the code's address (gdb reads the bytes from the process) and a global
/// function symbol per [`Symbol`], as LuaJIT's gdbjit does.
pub fn elf_for(symbols: &[Symbol]) -> Vec<u8> {
    let lo = symbols.iter().map(|s| s.addr).min().unwrap_or(0);
    let hi = symbols.iter().map(|s| s.addr + s.size).max().unwrap_or(0);
    let mut b = Builder::new(object::Endianness::Little, true);
    b.header.e_type = elf::ET_REL;
    b.header.e_machine = elf::EM_X86_64;

    let s = b.sections.add();
    s.name = b".shstrtab"[..].into();
    s.sh_type = elf::SHT_STRTAB;
    s.data = SectionData::SectionString;

    let s = b.sections.add();
    s.name = b".text"[..].into();
    s.sh_type = elf::SHT_NOBITS;
    s.sh_flags = elf::SHF_ALLOC | elf::SHF_EXECINSTR;
    s.sh_addr = lo as u64;
    s.sh_addralign = 16;
    s.sh_size = (hi - lo) as u64;
    s.data = SectionData::UninitializedData((hi - lo) as u64);
    let text = s.id();

    let s = b.sections.add();
    s.name = b".symtab"[..].into();
    s.sh_type = elf::SHT_SYMTAB;
    s.sh_addralign = 8;
    s.data = SectionData::Symbol;

    let s = b.sections.add();
    s.name = b".strtab"[..].into();
    s.sh_type = elf::SHT_STRTAB;
    s.data = SectionData::String;

    for sym in symbols {
        let y = b.symbols.add();
        y.name = sym.name.as_bytes().to_vec().into();
        y.section = Some(text);
        y.set_st_info(elf::STB_GLOBAL, elf::STT_FUNC);
        // Relocatable object: the value is an offset in its section (gdb adds `sh_addr`).
        y.st_value = (sym.addr - lo) as u64;
        y.st_size = sym.size as u64;
    }
    let mut out = Vec::new();
    b.write(&mut out)
        .expect("an ELF object of sections and symbols only always writes");
    out
}

/// A code range registered with gdb; dropping it unregisters it (do so before freeing the
/// code).
pub struct Registration {
    entry: *mut JitCodeEntry,
}

// SAFETY: the entry is only touched under LOCK.
unsafe impl Send for Registration {}

/// Describes `symbols` to gdb (if attached; the cost is one small ELF and a call otherwise).
pub fn register(symbols: &[Symbol]) -> Registration {
    let elf = elf_for(symbols).into_boxed_slice();
    let size = elf.len() as u64;
    let entry = Box::into_raw(Box::new(JitCodeEntry {
        next_entry: std::ptr::null_mut(),
        prev_entry: std::ptr::null_mut(),
        symfile_addr: Box::into_raw(elf) as *const u8,
        symfile_size: size,
    }));
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: the descriptor and the entries are only changed under LOCK; `entry` is new.
    unsafe {
        let d = &raw mut __jit_debug_descriptor;
        let first = (*d).first_entry;
        (*entry).next_entry = first;
        if !first.is_null() {
            (*first).prev_entry = entry;
        }
        (*d).first_entry = entry;
        (*d).relevant_entry = entry;
        (*d).action_flag = JIT_REGISTER_FN;
        __jit_debug_register_code();
        (*d).action_flag = JIT_NOACTION;
    }
    Registration { entry }
}

impl Registration {
    /// The ELF object gdb was given.
    pub fn elf(&self) -> &[u8] {
        // SAFETY: the entry and its object live until drop.
        unsafe {
            let e = &*self.entry;
            std::slice::from_raw_parts(e.symfile_addr, e.symfile_size as usize)
        }
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: under LOCK; `entry` is on the list (registered, not yet removed).
        unsafe {
            let d = &raw mut __jit_debug_descriptor;
            let e = self.entry;
            let (prev, next) = ((*e).prev_entry, (*e).next_entry);
            if prev.is_null() {
                (*d).first_entry = next;
            } else {
                (*prev).next_entry = next;
            }
            if !next.is_null() {
                (*next).prev_entry = prev;
            }
            (*d).relevant_entry = e;
            (*d).action_flag = JIT_UNREGISTER_FN;
            __jit_debug_register_code();
            (*d).action_flag = JIT_NOACTION;
            (*d).relevant_entry = std::ptr::null_mut();
            let elf = std::ptr::slice_from_raw_parts_mut(
                (*e).symfile_addr as *mut u8,
                (*e).symfile_size as usize,
            );
            drop(Box::from_raw(elf));
            drop(Box::from_raw(e));
        }
    }
}

/// The entries currently registered (for tests): each one's ELF object.
pub fn registered() -> Vec<Vec<u8>> {
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = Vec::new();
    // SAFETY: under LOCK, the list is consistent.
    unsafe {
        let mut e = __jit_debug_descriptor.first_entry;
        while !e.is_null() {
            out.push(
                std::slice::from_raw_parts((*e).symfile_addr, (*e).symfile_size as usize).to_vec(),
            );
            e = (*e).next_entry;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use object::{Object, ObjectSection, ObjectSymbol};

    fn parse(elf: &[u8]) -> Vec<(String, u64, u64)> {
        let f = object::File::parse(elf).unwrap();
        assert_eq!(f.architecture(), object::Architecture::X86_64);
        let text = f.section_by_name(".text").unwrap();
        f.symbols()
            .filter(|s| s.kind() == object::SymbolKind::Text)
            .map(|s| {
                assert_eq!(s.section_index(), Some(text.index()));
                (
                    s.name().unwrap().to_string(),
                    text.address() + s.address(),
                    s.size(),
                )
            })
            .collect()
    }

    #[test]
    fn elf_parses_back() {
        let syms = [
            Symbol {
                name: "py::f:/tmp/a.py".into(),
                addr: 0x7f00_0000_1000,
                size: 0x120,
            },
            Symbol {
                name: "py::g:/tmp/a.py".into(),
                addr: 0x7f00_0000_2000,
                size: 0x40,
            },
        ];
        let elf = elf_for(&syms);
        let f = object::File::parse(&*elf).unwrap();
        let text = f.section_by_name(".text").unwrap();
        assert_eq!(text.address(), 0x7f00_0000_1000);
        assert_eq!(text.size(), 0x1040);
        assert_eq!(
            parse(&elf),
            vec![
                ("py::f:/tmp/a.py".to_string(), 0x7f00_0000_1000, 0x120),
                ("py::g:/tmp/a.py".to_string(), 0x7f00_0000_2000, 0x40),
            ]
        );
    }

    #[test]
    fn register_and_unregister() {
        let sym = |n: &str, a| Symbol {
            name: n.into(),
            addr: a,
            size: 16,
        };
        let r1 = register(&[sym("one", 0x1000)]);
        let r2 = register(&[sym("two", 0x2000)]);
        let r3 = register(&[sym("three", 0x3000)]);
        let names = |list: Vec<Vec<u8>>| -> Vec<String> {
            list.iter()
                .flat_map(|e| parse(e).into_iter().map(|s| s.0))
                .filter(|n| ["one", "two", "three"].contains(&n.as_str()))
                .collect()
        };
        assert_eq!(names(registered()), ["three", "two", "one"]);
        assert_eq!(parse(r2.elf())[0], ("two".to_string(), 0x2000, 16));
        drop(r2);
        assert_eq!(names(registered()), ["three", "one"]);
        drop(r3);
        drop(r1);
        assert!(names(registered()).is_empty());
    }
}
