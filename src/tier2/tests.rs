//! Real stencils, copied and patched into an arena by `apython_jit::emit`, run on hand-built
//! frames: results, exits (ip and sp as tier 1 expects them) and reference counts.

use std::sync::atomic::{AtomicBool, Ordering};

use apython_jit::{emit, Arena, Compiled, Instr, Target};

use super::stencils::*;
use crate::abi::{exit, tag, Exit, Frame, JitFn, Value};

/// A frame whose localsplus and stack live in `slots`.
struct TestFrame {
    frame: Box<Frame>,
    slots: Vec<Value>,
    nlocals: usize,
}

impl TestFrame {
    fn new(locals: Vec<Value>, stack: usize) -> TestFrame {
        let nlocals = locals.len();
        let mut slots = locals;
        slots.resize_with(nlocals + stack, || Value::NULL);
        let mut frame = Box::new(Frame::start(
            Value::NULL,
            std::ptr::null(),
            std::ptr::null(),
            std::ptr::null(),
            slots.as_mut_ptr(),
            std::ptr::null_mut(),
            0,
        ));
        frame.ip = usize::MAX;
        // Entered from Rust: its return is tier 1's to do (the RETURN stencil exits).
        frame.is_entry = true;
        TestFrame {
            frame,
            slots,
            nlocals,
        }
    }

    /// Calls compiled code on this frame with an empty stack; returns the exit code.
    fn run(&mut self, c: &Compiled) -> Exit {
        // SAFETY: the code is a sequence of stencils, which all have the `JitFn` signature.
        let f: JitFn = unsafe { std::mem::transmute(c.entry()) };
        let sp = self.slots[self.nlocals..].as_mut_ptr();
        // SAFETY: base and sp point into `slots`, sized for the sequence's stack use.
        let x = unsafe { f(&mut *self.frame, sp, std::ptr::null_mut()) };
        // Slots above the exit's sp are free (compiled code moved their values out): forget
        // their stale bits so that dropping `slots` does not drop them again.
        let top = self.nlocals + self.depth();
        for v in &mut self.slots[top..] {
            std::mem::forget(std::mem::take(v));
        }
        x
    }

    /// Stack depth after an exit.
    fn depth(&self) -> usize {
        // SAFETY: exits store an sp inside `slots`.
        unsafe {
            self.frame
                .sp
                .offset_from(self.slots.as_ptr().add(self.nlocals)) as usize
        }
    }

    /// Pops the value on top of the stack after an exit.
    fn pop(&mut self) -> Value {
        let d = self.depth();
        let v = std::mem::take(&mut self.slots[self.nlocals + d - 1]);
        // SAFETY: one below the current top, inside `slots`.
        self.frame.sp = unsafe { self.frame.sp.sub(1) };
        v
    }
}

fn compile(arena: &mut Arena, seq: &[Instr]) -> Compiled {
    emit(arena, seq, &helper_addresses()).expect("emit")
}

/// `EXIT` at instruction `ip` with `code`.
fn exit_at(ip: u64, code: u64) -> Instr<'static> {
    Instr::new(&EXIT).oparg(ip).operand0(code)
}

/// How compiled code names local `i`: its byte offset in the frame's values.
fn local(i: u64) -> u64 {
    i * std::mem::size_of::<Value>() as u64
}

fn refcnt(v: &Value) -> isize {
    // SAFETY: an OBJ value keeps its object alive.
    unsafe { (*v.obj_ptr()).refcnt.get() }
}

#[test]
fn tables_are_checked_and_stripped() {
    assert!(ALL.windows(2).all(|w| w[0].name < w[1].name));
    assert_eq!(HELPER_NAMES.len(), helper_addresses().len());
    assert!(HELPER_NAMES.contains(&"apy_dealloc"));
    // The trailing `jmp _JIT_CONTINUE` is gone: LOAD_FAST falls through.
    assert!(LOAD_FAST.falls_through);
    assert!(!LOAD_FAST.uses(apython_jit::HoleValue::Continue));
    assert!(!EXIT.falls_through && !RETURN.falls_through);
    assert!(std::ptr::eq(
        super::stencils::by_name("BINARY_OP_ADD_INT").unwrap(),
        &BINARY_OP_ADD_INT
    ));
}

/// `return a + b` over locals 0 and 1, with the add's deopt exit at ip 2.
fn add_seq() -> [Instr<'static>; 5] {
    [
        Instr::new(&LOAD_FAST).oparg(local(0)),
        Instr::new(&LOAD_FAST).oparg(local(1)),
        Instr::new(&BINARY_OP_ADD_INT).deopt(Target::Instr(4)),
        Instr::new(&RETURN).oparg(3),
        exit_at(2, exit::DEOPT),
    ]
}

#[test]
fn add_and_return() {
    let mut arena = Arena::new(1 << 20).unwrap();
    let c = compile(&mut arena, &add_seq());
    let mut f = TestFrame::new(vec![Value::int(2), Value::int(40)], 4);
    assert_eq!(f.run(&c), exit::DEOPT);
    assert_eq!(f.frame.ip, 3);
    assert_eq!(f.depth(), 1);
    assert!(f.pop().is(&Value::int(42)));
}

#[test]
fn overflow_exits_via_deopt_with_the_operands_in_place() {
    let mut arena = Arena::new(1 << 20).unwrap();
    let c = compile(&mut arena, &add_seq());
    for (a, b) in [
        (Value::int(i64::MAX), Value::int(1)),
        (Value::float(1.0), Value::int(1)),
        (Value::int(1), Value::NONE),
    ] {
        let (a2, b2) = (a.clone(), b.clone());
        let mut f = TestFrame::new(vec![a, b], 4);
        assert_eq!(f.run(&c), exit::DEOPT);
        assert_eq!(f.frame.ip, 2, "resume tier 1 at the add");
        assert_eq!(f.depth(), 2, "both operands still on the stack");
        assert!(f.pop().is(&b2));
        assert!(f.pop().is(&a2));
    }
}

static SIGNAL: AtomicBool = AtomicBool::new(false);

/// `i, s = n, 0; while i > 0: s += i; i -= 1; return s` (locals: i, s).
fn sum_loop() -> Vec<Instr<'static>> {
    let flag = &SIGNAL as *const AtomicBool as u64;
    vec![
        /* 0 */ Instr::new(&LOAD_FAST).oparg(local(0)),
        /* 1 */ Instr::new(&LOAD_CONST_INT).operand0(0),
        /* 2 */
        Instr::new(&COMPARE_OP_INT_GT_JUMP_IF_FALSE)
            .jump_target(Target::Instr(12))
            .deopt(Target::Instr(14)),
        /* 3 */ Instr::new(&LOAD_FAST).oparg(local(1)),
        /* 4 */ Instr::new(&LOAD_FAST).oparg(local(0)),
        /* 5 */ Instr::new(&BINARY_OP_ADD_INT).deopt(Target::Instr(15)),
        /* 6 */ Instr::new(&STORE_FAST).oparg(local(1)),
        /* 7 */ Instr::new(&LOAD_FAST).oparg(local(0)),
        /* 8 */ Instr::new(&LOAD_CONST_INT).operand0(1),
        /* 9 */ Instr::new(&BINARY_OP_SUBTRACT_INT).deopt(Target::Instr(16)),
        /* 10 */ Instr::new(&STORE_FAST).oparg(local(0)),
        /* 11 */
        Instr::new(&JUMP_BACKWARD)
            .operand0(flag)
            .jump_target(Target::Instr(0))
            .deopt(Target::Instr(17)),
        /* 12 */ Instr::new(&LOAD_FAST).oparg(local(1)),
        /* 13 */ Instr::new(&RETURN).oparg(13),
        /* 14 */ exit_at(2, exit::DEOPT),
        /* 15 */ exit_at(5, exit::DEOPT),
        /* 16 */ exit_at(9, exit::DEOPT),
        /* 17 */ exit_at(11, exit::DEOPT),
    ]
}

#[test]
fn loop_with_fused_compare_and_backward_jump() {
    let mut arena = Arena::new(1 << 20).unwrap();
    let c = compile(&mut arena, &sum_loop());
    let mut f = TestFrame::new(vec![Value::int(100_000), Value::int(0)], 4);
    assert_eq!(f.run(&c), exit::DEOPT);
    assert!(f.pop().is(&Value::int(5_000_050_000)));
    assert!(f.slots[0].is(&Value::int(0)));

    // The sum overflows mid-loop: exit at the add, with the loop's state as tier 1 needs it.
    let mut f = TestFrame::new(vec![Value::int(10), Value::int(i64::MAX - 25)], 4);
    assert_eq!(f.run(&c), exit::DEOPT);
    assert_eq!(f.frame.ip, 5);
    assert_eq!(f.depth(), 2);
    assert!(
        f.slots[0].is(&Value::int(8)),
        "10 and 9 went in, then + 8 overflowed"
    );
    assert!(f.pop().is(&Value::int(8)));
    assert!(f.pop().is(&Value::int(i64::MAX - 6)));

    // A pending signal leaves at the backward jump.
    SIGNAL.store(true, Ordering::Relaxed);
    let mut f = TestFrame::new(vec![Value::int(10), Value::int(0)], 4);
    assert_eq!(f.run(&c), exit::DEOPT);
    SIGNAL.store(false, Ordering::Relaxed);
    assert_eq!(f.frame.ip, 11);
    assert_eq!(f.depth(), 0);
    assert!(f.slots[0].is(&Value::int(9)));
    assert!(f.slots[1].is(&Value::int(10)));

    // A float counter fails the compare's guard.
    let mut f = TestFrame::new(vec![Value::float(3.0), Value::int(0)], 4);
    assert_eq!(f.run(&c), exit::DEOPT);
    assert_eq!(f.frame.ip, 2);
    assert_eq!(f.depth(), 2);
}

#[test]
fn float_multiply_with_an_inline_constant() {
    let mut arena = Arena::new(1 << 20).unwrap();
    let seq = [
        Instr::new(&LOAD_FAST).oparg(local(0)),
        Instr::new(&LOAD_CONST_INLINE)
            .operand0(2.5f64.to_bits())
            .operand1(tag::FLOAT),
        Instr::new(&BINARY_OP_MULTIPLY_FLOAT).deopt(Target::Instr(4)),
        Instr::new(&RETURN).oparg(3),
        exit_at(2, exit::DEOPT),
    ];
    let c = compile(&mut arena, &seq);
    for (x, want) in [
        (Value::float(4.0), Some(10.0)),
        (Value::int(3), Some(7.5)),
        (Value::NONE, None),
    ] {
        let mut f = TestFrame::new(vec![x], 4);
        match want {
            Some(w) => {
                assert_eq!(f.run(&c), exit::DEOPT);
                assert!(f.pop().is(&Value::float(w)));
            }
            None => {
                assert_eq!(f.run(&c), exit::DEOPT);
                assert_eq!(f.depth(), 2);
            }
        }
    }
}

#[test]
fn loads_and_stores_count_references() {
    let mut arena = Arena::new(1 << 20).unwrap();
    // x = local 0 (a heap str); local 1 = x; local 0 = 5; return local 1
    let seq = [
        Instr::new(&LOAD_FAST).oparg(local(0)),
        Instr::new(&STORE_FAST).oparg(local(1)),
        Instr::new(&LOAD_CONST_INT).operand0(5),
        Instr::new(&STORE_FAST).oparg(local(0)),
        Instr::new(&LOAD_FAST).oparg(local(1)),
        Instr::new(&RETURN).oparg(5),
    ];
    let c = compile(&mut arena, &seq);
    let s = crate::objects::str::new_str("a str too long to be inline");
    assert!(s.is_obj());
    let mut f = TestFrame::new(vec![s.clone(), Value::NULL], 2);
    assert_eq!(refcnt(&s), 2);
    assert_eq!(f.run(&c), exit::DEOPT);
    // Held by `s`, local 1 and the returned value; local 0's reference was dropped.
    assert_eq!(refcnt(&s), 3);
    assert!(f.slots[0].is(&Value::int(5)));
    let r = f.pop();
    assert!(r.is(&s));
    drop(r);
    drop(f);
    assert_eq!(refcnt(&s), 1);

    // Overwriting the last reference to a list frees it (through apy_dealloc), which drops
    // its element.
    let item = crate::objects::str::new_str("an element that lives on the heap");
    let list = crate::objects::list::new_list(vec![item.clone()]);
    assert_eq!(refcnt(&item), 2);
    let seq = [
        Instr::new(&LOAD_CONST_INT).operand0(1),
        Instr::new(&STORE_FAST).oparg(local(0)),
        Instr::new(&LOAD_CONST_INLINE)
            .operand0(0)
            .operand1(tag::NONE),
        Instr::new(&RETURN).oparg(3),
    ];
    let c = compile(&mut arena, &seq);
    let mut f = TestFrame::new(vec![list], 1);
    assert_eq!(f.run(&c), exit::DEOPT);
    assert_eq!(refcnt(&item), 1, "the list was freed");
    assert!(f.pop().is_none());
}

#[test]
fn subscript_helpers_and_their_exits() {
    let mut arena = Arena::new(1 << 20).unwrap();
    let list_ty = &crate::objects::list::LIST_TYPE as *const _ as u64;
    // return local0[OPERAND0 of the const]; the subscript's exit at ip 2.
    let seq = |i: i64| {
        [
            Instr::new(&LOAD_FAST).oparg(local(0)),
            Instr::new(&LOAD_CONST_INT).operand0(i as u64),
            Instr::new(&BINARY_SUBSCR_LIST_INT)
                .operand0(list_ty)
                .deopt(Target::Instr(4)),
            Instr::new(&RETURN).oparg(3),
            exit_at(2, exit::DEOPT),
        ]
    };
    let item = crate::objects::str::new_str("an element that lives on the heap");
    let list = crate::objects::list::new_list(vec![Value::int(7), item.clone()]);
    for (i, want) in [
        (1, Some(item.clone())),
        (-2, Some(Value::int(7))),
        (2, None),
    ] {
        let c = compile(&mut arena, &seq(i));
        let mut f = TestFrame::new(vec![list.clone()], 2);
        match want {
            Some(w) => {
                assert_eq!(f.run(&c), exit::DEOPT);
                assert!(f.pop().is(&w));
            }
            None => {
                // Out of range: tier 1 runs the instruction (and raises IndexError).
                assert_eq!(f.run(&c), exit::DEOPT);
                assert_eq!(f.frame.ip, 2);
                assert_eq!(f.depth(), 2);
            }
        }
    }
    assert_eq!(refcnt(&item), 2, "the list and `item`");

    // local0[1] = local1 on a list; on a tuple it exits with the three operands in place.
    let seq = [
        Instr::new(&LOAD_FAST).oparg(local(1)),
        Instr::new(&LOAD_FAST).oparg(local(0)),
        Instr::new(&LOAD_CONST_INT).operand0(1),
        Instr::new(&STORE_SUBSCR_LIST_INT)
            .operand0(list_ty)
            .deopt(Target::Instr(6)),
        Instr::new(&LOAD_CONST_INLINE).operand1(tag::NONE),
        Instr::new(&RETURN).oparg(5),
        exit_at(3, exit::DEOPT),
    ];
    let c = compile(&mut arena, &seq);
    let mut f = TestFrame::new(vec![list.clone(), Value::int(99)], 3);
    assert_eq!(f.run(&c), exit::DEOPT);
    assert!(f.pop().is_none());
    assert_eq!(refcnt(&item), 1, "the list dropped the overwritten element");
    let tuple = crate::objects::tuple::new_tuple(vec![Value::int(1), Value::int(2)]);
    let mut f = TestFrame::new(vec![tuple, Value::int(99)], 3);
    assert_eq!(f.run(&c), exit::DEOPT);
    assert_eq!((f.frame.ip, f.depth()), (3, 3));
}
