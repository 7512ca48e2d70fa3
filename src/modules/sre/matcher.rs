//! The matching engine: a backtracking interpreter over the code words that `re._compiler`
//! emits (format `MAGIC` 20221023), with CPython's `_sre` semantics.
//!
//! Backtracking never recurses in Rust: every point the engine may come back to is a [`Ctx`]
//! on an explicit stack, and saved group marks live on a data stack, so long subjects and
//! deeply nested repeats cost heap memory, not native stack. The engine is generic over the
//! subject's code unit ([`Char`]): bytes for `bytes` subjects and Latin-1 text, `u32` code
//! points for other text.
//!
//! Positions are indices into the whole subject (index 0 is its beginning, which lookbehind
//! and `^` see even when matching starts later); [`UNSET`] is "no position".

use super::chars::{self, Char};

/// Opcodes (`OPCODES` in `re._constants`).
pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const SUBPATTERN: u32 = 25;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

/// Position codes of `AT` (`ATCODES` in `re._constants`).
pub mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

/// "Unbounded" as a repeat maximum.
pub const MAXREPEAT: u32 = u32::MAX;
/// The most capturing groups a pattern may have.
pub const MAXGROUPS: u32 = u32::MAX / 4;
/// `INFO` flag: the pattern starts with a literal prefix.
pub const INFO_PREFIX: u32 = 1;
/// `INFO` flag: the whole pattern is that literal.
pub const INFO_LITERAL: u32 = 2;
/// `INFO` flag: the pattern starts with a character from a set.
pub const INFO_CHARSET: u32 = 4;

/// "No position": an unset group mark, or no repeat.
pub const UNSET: usize = usize::MAX;

/// Why the engine stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// An opcode the engine does not know (a compiler/engine mismatch).
    Illegal,
    /// An `UNTIL` without its `REPEAT`.
    State,
    /// A signal handler raised an exception (it is set in the thread state).
    Interrupted,
    /// The backtracking stacks could not grow.
    Memory,
}

/// Makes room for `extra` more items, failing (instead of aborting) when memory runs out.
#[inline(always)]
fn grow<T>(v: &mut Vec<T>, extra: usize) -> Result<(), SreError> {
    if v.capacity() - v.len() >= extra {
        return Ok(());
    }
    v.try_reserve(extra).map_err(|_| SreError::Memory)
}

/// A `REPEAT` in progress (CPython's `SRE_REPEAT`).
struct Repeat {
    /// Iterations matched so far (-1 before the first).
    count: isize,
    /// Code index of the `REPEAT`'s operands: `<skip> <min> <max> item...`.
    pc: usize,
    /// The enclosing repeat, or [`UNSET`].
    prev: usize,
    /// Where the last iteration started (zero-width iteration guard).
    last_ptr: usize,
}

/// Where a finished child context resumes its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// The head of a loop that retries a child with another alternative or count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loop {
    Branch,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    PossRepeat1,
    PossRepeat2,
}

/// One backtracking point (CPython's match context).
struct Ctx {
    /// Code position and subject position to resume at.
    pc: usize,
    ptr: usize,
    count: isize,
    /// A repeat index or a literal, depending on the opcode.
    u: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    /// How the parent resumes when this context finishes.
    jump: Jump,
}

/// What the interpreter loop does next.
#[derive(Clone, Copy)]
enum Mode {
    /// Start a context: check the `INFO` block, then dispatch.
    Entrance,
    /// Execute opcodes at `pc`.
    Dispatch,
    /// Retry in a loop of the current context.
    Loop(Loop),
    /// A child finished; the parent resumes at the jump point with the result.
    Resume(Jump, bool),
    /// The current context finished with this result.
    Exit(bool),
}

/// Whether `ch` is in the character set starting at `code[i]` (a list of set items ending with
/// `FAILURE`).
pub fn charset(code: &[u32], mut i: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        let o = code[i];
        i += 1;
        match o {
            op::FAILURE => return !ok,
            op::LITERAL => {
                if ch == code[i] {
                    return ok;
                }
                i += 1;
            }
            op::CATEGORY => {
                if chars::in_category(code[i], ch) {
                    return ok;
                }
                i += 1;
            }
            op::CHARSET => {
                if ch < 256 && code[i + (ch as usize >> 5)] & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                i += 8;
            }
            op::RANGE => {
                if code[i] <= ch && ch <= code[i + 1] {
                    return ok;
                }
                i += 2;
            }
            op::RANGE_UNI_IGNORE => {
                if code[i] <= ch && ch <= code[i + 1] {
                    return ok;
                }
                let up = chars::upper_unicode(ch);
                if code[i] <= up && up <= code[i + 1] {
                    return ok;
                }
                i += 2;
            }
            op::NEGATE => ok = !ok,
            op::BIGCHARSET => {
                // <BIGCHARSET> <blockcount> <256 block indices, 4 per word> <blocks>
                let count = code[i] as usize;
                i += 1;
                if ch < 0x10000 {
                    let hi = (ch >> 8) as usize;
                    let block = (code[i + hi / 4] >> (8 * (hi % 4))) & 0xff;
                    let bit = block as usize * 256 + (ch & 255) as usize;
                    if code[i + 64 + bit / 32] & (1u32 << (bit & 31)) != 0 {
                        return ok;
                    }
                }
                i += 64 + count * 8;
            }
            _ => return false,
        }
    }
}

/// `re.LOCALE` case-insensitive set membership.
fn charset_loc_ignore(code: &[u32], i: usize, ch: u32) -> bool {
    let lo = chars::lower_locale(ch);
    if charset(code, i, lo) {
        return true;
    }
    let up = chars::upper_locale(ch);
    up != lo && charset(code, i, up)
}

/// `re.LOCALE` case-insensitive literal comparison.
#[inline]
fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || chars::lower_locale(ch) == pattern || chars::upper_locale(ch) == pattern
}

/// Whether `o` is an opcode of a one-character item (what `REPEAT_ONE` and friends repeat).
#[inline]
fn is_single_char_op(o: u32) -> bool {
    matches!(
        o,
        op::ANY
            | op::ANY_ALL
            | op::LITERAL
            | op::NOT_LITERAL
            | op::LITERAL_IGNORE
            | op::NOT_LITERAL_IGNORE
            | op::LITERAL_UNI_IGNORE
            | op::NOT_LITERAL_UNI_IGNORE
            | op::LITERAL_LOC_IGNORE
            | op::NOT_LITERAL_LOC_IGNORE
            | op::CATEGORY
            | op::IN
            | op::IN_IGNORE
            | op::IN_UNI_IGNORE
            | op::IN_LOC_IGNORE
    )
}

/// Whether the one-character item at `code[pc]` (see [`is_single_char_op`]) matches `ch`.
#[inline]
fn match_one(prog: &Prog, pc: usize, ch: u32) -> bool {
    let code = &prog.code[..];
    let o = code[pc];
    let arg = code.get(pc + 1).copied().unwrap_or(0);
    match o {
        op::ANY => !chars::is_linebreak(ch),
        op::ANY_ALL => true,
        op::LITERAL => ch == arg,
        op::NOT_LITERAL => ch != arg,
        op::LITERAL_IGNORE => chars::lower_ascii(ch) == arg,
        op::NOT_LITERAL_IGNORE => chars::lower_ascii(ch) != arg,
        op::LITERAL_UNI_IGNORE => chars::lower_unicode(ch) == arg,
        op::NOT_LITERAL_UNI_IGNORE => chars::lower_unicode(ch) != arg,
        op::LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
        op::NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
        op::CATEGORY => chars::in_category(arg, ch),
        op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
            prog.in_set(o, pc + 2, ch)
        }
        _ => false,
    }
}

/// Set membership for an `IN`-family opcode `o` whose set starts at `code[set]`, applying the
/// opcode's case folding.
#[inline(never)]
fn in_set_slow(code: &[u32], o: u32, set: usize, ch: u32) -> bool {
    match o {
        op::IN_IGNORE => charset(code, set, chars::lower_ascii(ch)),
        op::IN_UNI_IGNORE => charset(code, set, chars::lower_unicode(ch)),
        op::IN_LOC_IGNORE => charset_loc_ignore(code, set, ch),
        _ => charset(code, set, ch),
    }
}

/// Validated code words plus, for every character set in them, a precomputed 256-bit table
/// of the answers for code points below 256 (the common case, and every byte).
pub struct Prog {
    pub code: Box<[u32]>,
    /// Per code index: 1 + the index in `tables` of the set starting there, else 0.
    set_ids: Box<[u32]>,
    tables: Box<[[u32; 8]]>,
    /// The code points below 256 a match can start with, when the pattern cannot match the
    /// empty string and this is known (code points from 256 on may always start one).
    first: Option<[u32; 8]>,
}

/// Adds the code points below 256 that the one-character item at `code[pc]` matches.
fn add_item_chars(prog: &Prog, pc: usize, t: &mut [u32; 8]) {
    for ch in 0..256u32 {
        if match_one(prog, pc, ch) {
            t[(ch >> 5) as usize] |= 1 << (ch & 31);
        }
    }
}

/// The code points below 256 that a match of the code at `pc` can start with; `None` when
/// unknown or when it can match the empty string.
fn first_chars(prog: &Prog, mut pc: usize, depth: u32) -> Option<[u32; 8]> {
    let code = &prog.code[..];
    let mut t = [0u32; 8];
    if depth > 8 {
        return None;
    }
    loop {
        let o = code[pc];
        match o {
            op::MARK => pc += 2,
            _ if is_single_char_op(o) => {
                add_item_chars(prog, pc, &mut t);
                return Some(t);
            }
            op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                // <op> <skip> <min> <max> item <SUCCESS> tail
                if !is_single_char_op(code[pc + 4]) {
                    return None;
                }
                add_item_chars(prog, pc + 4, &mut t);
                if code[pc + 2] >= 1 {
                    return Some(t);
                }
                pc = pc + 1 + code[pc + 1] as usize;
            }
            op::BRANCH => {
                // <BRANCH> (<skip> alternative <JUMP> <skip>)... <0>
                let mut i = pc + 1;
                while code[i] != 0 {
                    let alt = first_chars(prog, i + 1, depth + 1)?;
                    for (a, b) in t.iter_mut().zip(alt) {
                        *a |= b;
                    }
                    i += code[i] as usize;
                }
                return Some(t);
            }
            _ => return None,
        }
    }
}

impl Prog {
    /// Validates `code` for a pattern with `groups` groups and builds the set tables; `None`
    /// when the code is malformed.
    pub fn new(code: Vec<u32>, groups: usize) -> Option<Prog> {
        let sets = validate(&code, groups)?;
        let mut set_ids = vec![0u32; code.len()];
        let mut tables = Vec::with_capacity(sets.len());
        for (start, o) in sets {
            let mut t = [0u32; 8];
            for ch in 0..256u32 {
                if in_set_slow(&code, o, start, ch) {
                    t[(ch >> 5) as usize] |= 1 << (ch & 31);
                }
            }
            tables.push(t);
            set_ids[start] = tables.len() as u32;
        }
        let mut prog = Prog {
            code: code.into_boxed_slice(),
            set_ids: set_ids.into_boxed_slice(),
            tables: tables.into_boxed_slice(),
            first: None,
        };
        let body = if prog.code[0] == op::INFO {
            1 + prog.code[1] as usize
        } else {
            0
        };
        prog.first = first_chars(&prog, body, 0);
        Some(prog)
    }

    /// Whether `ch` is in the set at `code[set]` of an `IN`-family opcode `o` (the plain set
    /// for `IN` and `INFO` charsets).
    #[inline(always)]
    fn in_set(&self, o: u32, set: usize, ch: u32) -> bool {
        if ch < 256 {
            let id = self.set_ids[set];
            if id != 0 {
                let t = &self.tables[id as usize - 1];
                return t[(ch >> 5) as usize] >> (ch & 31) & 1 != 0;
            }
        }
        in_set_slow(&self.code, o, set, ch)
    }
}

/// The matcher's state over one subject (CPython's `SRE_STATE`).
pub struct State<'a, C: Char> {
    /// The whole subject.
    pub text: &'a [C],
    /// Where the current match attempt started.
    pub start: usize,
    /// The end of the searched region (`endpos`).
    pub end: usize,
    /// The current position; after a match, its end.
    pub ptr: usize,
    /// Group marks: `2*g` and `2*g+1` are the start and end of group `g+1`.
    pub marks: Vec<usize>,
    /// The highest valid index in `marks`, or -1.
    pub lastmark: isize,
    /// The last group closed, or -1.
    pub lastindex: isize,
    /// `fullmatch`: a match must end at `end`.
    pub match_all: bool,
    /// An empty match at `start` is not allowed (after an empty match in findall and friends).
    pub must_advance: bool,
    repeat: usize,
    repeats: Vec<Repeat>,
    ctxs: Vec<Ctx>,
    data: Vec<usize>,
    sigcount: u32,
}

impl<'a, C: Char> State<'a, C> {
    /// A state for matching `text[start..end]` with a pattern of `groups` groups.
    pub fn new(text: &'a [C], start: usize, end: usize, groups: usize) -> Self {
        State {
            text,
            start,
            end,
            ptr: start,
            marks: vec![UNSET; 2 * groups + 2],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: UNSET,
            repeats: Vec::new(),
            ctxs: Vec::new(),
            data: Vec::new(),
            sigcount: 0,
        }
    }

    /// Forgets the groups of the previous attempt (`state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = UNSET;
        self.repeats.clear();
        self.ctxs.clear();
        self.data.clear();
    }

    /// The span of group `g` (1-based) if it matched.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = 2 * (g - 1);
        if (i as isize + 1) <= self.lastmark && self.marks[i] != UNSET && self.marks[i + 1] != UNSET
        {
            Some((self.marks[i], self.marks[i + 1]))
        } else {
            None
        }
    }

    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        self.text[i].code()
    }

    /// `end - ptr` as a signed distance (`ptr` may exceed `end` when `pos > endpos`).
    #[inline(always)]
    fn remaining(&self, ptr: usize) -> isize {
        self.end as isize - ptr as isize
    }

    /// Whether position `ptr` satisfies the `AT` code `code`.
    fn at(&self, ptr: usize, code: u32) -> bool {
        let end = self.end;
        let word_around = |is_word: fn(u32) -> bool| -> Option<(bool, bool)> {
            if end == 0 {
                return None;
            }
            let before = ptr > 0 && is_word(self.ch(ptr - 1));
            let here = ptr < end && is_word(self.ch(ptr));
            Some((before, here))
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
            at::BEGINNING_LINE => ptr == 0 || chars::is_linebreak(self.ch(ptr - 1)),
            at::END => {
                (self.remaining(ptr) == 1 && chars::is_linebreak(self.ch(ptr))) || ptr == end
            }
            at::END_LINE => {
                ptr == end || (ptr < self.text.len() && chars::is_linebreak(self.ch(ptr)))
            }
            at::END_STRING => ptr == end,
            at::BOUNDARY => word_around(chars::is_word).is_some_and(|(a, b)| a != b),
            at::NON_BOUNDARY => word_around(chars::is_word).is_some_and(|(a, b)| a == b),
            at::LOC_BOUNDARY => word_around(chars::is_loc_word).is_some_and(|(a, b)| a != b),
            at::LOC_NON_BOUNDARY => word_around(chars::is_loc_word).is_some_and(|(a, b)| a == b),
            at::UNI_BOUNDARY => word_around(chars::is_uni_word).is_some_and(|(a, b)| a != b),
            at::UNI_NON_BOUNDARY => word_around(chars::is_uni_word).is_some_and(|(a, b)| a == b),
            _ => false,
        }
    }

    /// How many times (up to `maxcount`) the single-character item at `code[pc]` matches from
    /// `self.ptr` on.
    fn count(&mut self, prog: &Prog, pc: usize, maxcount: u32) -> Result<usize, SreError> {
        let code = &prog.code[..];
        let start = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as isize) < self.remaining(start) {
            end = start + maxcount as usize;
        }
        if start >= end {
            return Ok(0);
        }
        let text = &self.text[start..end];
        let o = code[pc];
        let arg = code.get(pc + 1).copied().unwrap_or(0);
        let len = text.len();
        let n = match o {
            op::ANY_ALL => len,
            op::ANY => text
                .iter()
                .position(|c| chars::is_linebreak(c.code()))
                .unwrap_or(len),
            op::LITERAL => text.iter().position(|c| c.code() != arg).unwrap_or(len),
            op::NOT_LITERAL => C::find(text, arg).unwrap_or(len),
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => text
                .iter()
                .position(|c| !prog.in_set(o, pc + 2, c.code()))
                .unwrap_or(len),
            _ if is_single_char_op(o) => text
                .iter()
                .position(|c| !match_one(prog, pc, c.code()))
                .unwrap_or(len),
            _ => {
                // Any other item: run it as a pattern once per character.
                let old_end = self.end;
                self.end = end;
                let mut r = Ok(());
                while self.ptr < end {
                    match self.run(prog, pc, false) {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(e) => {
                            r = Err(e);
                            break;
                        }
                    }
                }
                self.end = old_end;
                r?;
                return Ok(self.ptr - start);
            }
        };
        Ok(n)
    }

    #[inline]
    fn mark_push(&mut self, lastmark: isize) -> Result<(), SreError> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            grow(&mut self.data, n)?;
            self.data.extend_from_slice(&self.marks[..n]);
        }
        Ok(())
    }

    #[inline]
    fn mark_pop(&mut self, lastmark: isize, keep: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[at..]);
            if !keep {
                self.data.truncate(at);
            }
        }
    }

    #[inline]
    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let len = self.data.len();
            self.data.truncate(len - n);
        }
    }

    #[inline]
    fn ctx(&mut self) -> &mut Ctx {
        self.ctxs.last_mut().unwrap()
    }

    #[inline]
    fn lastmark_save(&mut self) {
        let (m, i) = (self.lastmark, self.lastindex);
        let c = self.ctx();
        c.lastmark = m;
        c.lastindex = i;
    }

    #[inline]
    fn lastmark_restore(&mut self) {
        let c = self.ctxs.last().unwrap();
        self.lastmark = c.lastmark;
        self.lastindex = c.lastindex;
    }

    /// Whether group `g` (0-based) has a valid span: `(start, end)`.
    #[inline]
    fn groupref_span(&self, g: u32) -> Option<(usize, usize)> {
        let i = g as usize * 2;
        if i as isize >= self.lastmark {
            return None;
        }
        let (p, e) = (self.marks[i], self.marks[i + 1]);
        if p == UNSET || e == UNSET || e < p {
            return None;
        }
        Some((p, e))
    }

    /// Matches the code at `code[pc]` at `self.ptr` (CPython's `SRE(match)`); on success
    /// `self.ptr` is the end of the match.
    pub fn run(&mut self, prog: &Prog, pc0: usize, toplevel: bool) -> Result<bool, SreError> {
        let code = &prog.code[..];
        let base = self.ctxs.len();
        let end = self.end;
        self.ctxs.push(Ctx {
            pc: pc0,
            ptr: 0,
            count: 0,
            u: 0,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            jump: Jump::None,
        });
        let mut pc = pc0;
        let mut ptr: usize = 0;
        let mut mode = Mode::Entrance;

        // Saves the current position in the current context and starts a child context.
        macro_rules! do_jump {
            ($jump:expr, $next:expr, $toplevel:expr) => {{
                let next = $next;
                let tl = $toplevel;
                let c = self.ctx();
                c.pc = pc;
                c.ptr = ptr;
                grow(&mut self.ctxs, 1)?;
                self.ctxs.push(Ctx {
                    pc: next,
                    ptr: 0,
                    count: 0,
                    u: 0,
                    lastmark: -1,
                    lastindex: -1,
                    toplevel: tl,
                    jump: $jump,
                });
                pc = next;
                Mode::Entrance
            }};
        }
        macro_rules! toplevel {
            () => {
                self.ctxs.last().unwrap().toplevel
            };
        }

        loop {
            mode = match mode {
                Mode::Entrance => {
                    ptr = self.ptr;
                    if code[pc] == op::INFO {
                        let min = code[pc + 3] as isize;
                        if min != 0 && ptr <= end && self.remaining(ptr) < min {
                            mode = Mode::Exit(false);
                            continue;
                        }
                        pc += code[pc + 1] as usize + 1;
                    }
                    Mode::Dispatch
                }

                Mode::Exit(ret) => {
                    let done = self.ctxs.pop().unwrap();
                    if self.ctxs.len() == base {
                        return Ok(ret);
                    }
                    let parent = self.ctxs.last().unwrap();
                    pc = parent.pc;
                    ptr = parent.ptr;
                    Mode::Resume(done.jump, ret)
                }

                Mode::Resume(jump, ret) => match jump {
                    Jump::None => unreachable!("the root context has no parent"),
                    Jump::Branch => {
                        let lm = self.ctx().lastmark;
                        if ret {
                            if self.repeat != UNSET {
                                self.mark_pop_discard(lm);
                            }
                            Mode::Exit(true)
                        } else {
                            if self.repeat != UNSET {
                                self.mark_pop(lm, true);
                            }
                            self.lastmark_restore();
                            pc += code[pc] as usize;
                            Mode::Loop(Loop::Branch)
                        }
                    }
                    Jump::RepeatOne1 | Jump::RepeatOne2 | Jump::MinRepeatOne => {
                        let lm = self.ctx().lastmark;
                        if ret {
                            if self.repeat != UNSET {
                                self.mark_pop_discard(lm);
                            }
                            Mode::Exit(true)
                        } else {
                            if self.repeat != UNSET {
                                self.mark_pop(lm, true);
                            }
                            self.lastmark_restore();
                            if jump == Jump::MinRepeatOne {
                                self.ptr = ptr;
                                if self.count(prog, pc + 3, 1)? == 0 {
                                    if self.repeat != UNSET {
                                        self.mark_pop_discard(lm);
                                    }
                                    Mode::Exit(false)
                                } else {
                                    ptr += 1;
                                    self.ctx().count += 1;
                                    Mode::Loop(Loop::MinRepeatOne)
                                }
                            } else {
                                ptr = ptr.wrapping_sub(1);
                                self.ctx().count -= 1;
                                Mode::Loop(if jump == Jump::RepeatOne1 {
                                    Loop::RepeatOne1
                                } else {
                                    Loop::RepeatOne2
                                })
                            }
                        }
                    }
                    Jump::Repeat => {
                        let id = self.ctx().u;
                        self.repeat = self.repeats[id].prev;
                        self.repeats.truncate(id);
                        Mode::Exit(ret)
                    }
                    Jump::MaxUntil1 | Jump::MinUntil1 => {
                        if ret {
                            Mode::Exit(true)
                        } else {
                            let c = self.ctx();
                            let (id, count) = (c.u, c.count);
                            self.repeats[id].count = count - 1;
                            self.ptr = ptr;
                            Mode::Exit(false)
                        }
                    }
                    Jump::MaxUntil2 => {
                        let c = self.ctx();
                        let (id, count, lm) = (c.u, c.count, c.lastmark);
                        self.repeats[id].last_ptr = self.data.pop().unwrap();
                        if ret {
                            self.mark_pop_discard(lm);
                            Mode::Exit(true)
                        } else {
                            self.mark_pop(lm, false);
                            self.lastmark_restore();
                            self.repeats[id].count = count - 1;
                            self.ptr = ptr;
                            // Cannot match more repeated items here: the tail must match.
                            self.repeat = self.repeats[id].prev;
                            do_jump!(Jump::MaxUntil3, pc, toplevel!())
                        }
                    }
                    Jump::MaxUntil3 => {
                        self.repeat = self.ctx().u;
                        if ret {
                            Mode::Exit(true)
                        } else {
                            self.ptr = ptr;
                            Mode::Exit(false)
                        }
                    }
                    Jump::MinUntil2 => {
                        let c = self.ctx();
                        let (id, count, lm) = (c.u, c.count, c.lastmark);
                        let tail_repeat = self.repeat;
                        self.repeat = id;
                        if ret {
                            if tail_repeat != UNSET {
                                self.mark_pop_discard(lm);
                            }
                            Mode::Exit(true)
                        } else {
                            if tail_repeat != UNSET {
                                self.mark_pop(lm, false);
                            }
                            self.lastmark_restore();
                            self.ptr = ptr;
                            let rpc = self.repeats[id].pc;
                            let max = code[rpc + 2];
                            if (count >= max as isize && max != MAXREPEAT)
                                || self.ptr == self.repeats[id].last_ptr
                            {
                                Mode::Exit(false)
                            } else {
                                let r = &mut self.repeats[id];
                                r.count = count;
                                let last = r.last_ptr;
                                grow(&mut self.data, 1)?;
                                self.data.push(last);
                                let r = &mut self.repeats[id];
                                r.last_ptr = self.ptr;
                                do_jump!(Jump::MinUntil3, rpc + 3, toplevel!())
                            }
                        }
                    }
                    Jump::MinUntil3 => {
                        let c = self.ctx();
                        let (id, count) = (c.u, c.count);
                        self.repeats[id].last_ptr = self.data.pop().unwrap();
                        if ret {
                            Mode::Exit(true)
                        } else {
                            self.repeats[id].count = count - 1;
                            self.ptr = ptr;
                            Mode::Exit(false)
                        }
                    }
                    Jump::PossRepeat1 => {
                        if ret {
                            self.ctx().count += 1;
                            Mode::Loop(Loop::PossRepeat1)
                        } else {
                            self.ptr = ptr;
                            Mode::Exit(false)
                        }
                    }
                    Jump::PossRepeat2 => {
                        let lm = self.ctx().lastmark;
                        if ret {
                            self.mark_pop_discard(lm);
                            self.ctx().count += 1;
                            Mode::Loop(Loop::PossRepeat2)
                        } else {
                            self.mark_pop(lm, false);
                            self.lastmark_restore();
                            self.ptr = ptr;
                            // Done repeating: continue with the tail after SUCCESS.
                            pc += code[pc] as usize + 1;
                            ptr = self.ptr;
                            Mode::Dispatch
                        }
                    }
                    Jump::AtomicGroup => {
                        if !ret {
                            self.ptr = ptr;
                            Mode::Exit(false)
                        } else {
                            pc += code[pc] as usize;
                            ptr = self.ptr;
                            Mode::Dispatch
                        }
                    }
                    Jump::Assert => {
                        if !ret {
                            Mode::Exit(false)
                        } else {
                            pc += code[pc] as usize;
                            Mode::Dispatch
                        }
                    }
                    Jump::AssertNot => {
                        let lm = self.ctx().lastmark;
                        if ret {
                            if self.repeat != UNSET {
                                self.mark_pop_discard(lm);
                            }
                            Mode::Exit(false)
                        } else {
                            if self.repeat != UNSET {
                                self.mark_pop(lm, false);
                            }
                            self.lastmark_restore();
                            pc += code[pc] as usize;
                            Mode::Dispatch
                        }
                    }
                },

                Mode::Loop(kind) => match kind {
                    Loop::Branch => {
                        // <BRANCH> <skip> alternative <JUMP> ... <0>
                        let mut next = None;
                        while code[pc] != 0 {
                            let first = code[pc + 1];
                            let viable = if first == op::LITERAL {
                                ptr < end && self.ch(ptr) == code[pc + 2]
                            } else if first == op::IN {
                                ptr < end && prog.in_set(op::IN, pc + 3, self.ch(ptr))
                            } else {
                                true
                            };
                            if viable {
                                next = Some(pc + 1);
                                break;
                            }
                            pc += code[pc] as usize;
                        }
                        match next {
                            Some(alt) => {
                                self.ptr = ptr;
                                do_jump!(Jump::Branch, alt, toplevel!())
                            }
                            None => {
                                let lm = self.ctx().lastmark;
                                if self.repeat != UNSET {
                                    self.mark_pop_discard(lm);
                                }
                                Mode::Exit(false)
                            }
                        }
                    }
                    Loop::RepeatOne1 => {
                        let min = code[pc + 1] as isize;
                        let c = self.ctx();
                        let chr = c.u as u32;
                        let mut count = c.count;
                        while count >= min && (ptr >= end || self.text[ptr].code() != chr) {
                            ptr = ptr.wrapping_sub(1);
                            count -= 1;
                        }
                        self.ctx().count = count;
                        if count < min {
                            let lm = self.ctx().lastmark;
                            if self.repeat != UNSET {
                                self.mark_pop_discard(lm);
                            }
                            Mode::Exit(false)
                        } else {
                            self.ptr = ptr;
                            do_jump!(Jump::RepeatOne1, pc + code[pc] as usize, toplevel!())
                        }
                    }
                    Loop::RepeatOne2 => {
                        let min = code[pc + 1] as isize;
                        if self.ctx().count >= min {
                            self.ptr = ptr;
                            do_jump!(Jump::RepeatOne2, pc + code[pc] as usize, toplevel!())
                        } else {
                            let lm = self.ctx().lastmark;
                            if self.repeat != UNSET {
                                self.mark_pop_discard(lm);
                            }
                            Mode::Exit(false)
                        }
                    }
                    Loop::MinRepeatOne => {
                        let max = code[pc + 2];
                        if max == MAXREPEAT || self.ctx().count <= max as isize {
                            self.ptr = ptr;
                            do_jump!(Jump::MinRepeatOne, pc + code[pc] as usize, toplevel!())
                        } else {
                            let lm = self.ctx().lastmark;
                            if self.repeat != UNSET {
                                self.mark_pop_discard(lm);
                            }
                            Mode::Exit(false)
                        }
                    }
                    Loop::PossRepeat1 => {
                        if self.ctx().count < code[pc + 1] as isize {
                            do_jump!(Jump::PossRepeat1, pc + 3, false)
                        } else {
                            ptr = UNSET;
                            Mode::Loop(Loop::PossRepeat2)
                        }
                    }
                    Loop::PossRepeat2 => {
                        let max = code[pc + 2];
                        if (self.ctx().count < max as isize || max == MAXREPEAT) && self.ptr != ptr
                        {
                            self.lastmark_save();
                            let lm = self.ctx().lastmark;
                            self.mark_push(lm)?;
                            ptr = self.ptr;
                            do_jump!(Jump::PossRepeat2, pc + 3, false)
                        } else {
                            pc += code[pc] as usize + 1;
                            ptr = self.ptr;
                            Mode::Dispatch
                        }
                    }
                },

                Mode::Dispatch => loop {
                    self.sigcount = self.sigcount.wrapping_add(1);
                    if self.sigcount & 0xfff == 0
                        && crate::vm::signals::pending()
                        && crate::vm::signals::handle().is_err()
                    {
                        self.ctxs.truncate(base);
                        return Err(SreError::Interrupted);
                    }
                    let o = code[pc];
                    pc += 1;
                    match o {
                        op::MARK => {
                            let i = code[pc] as usize;
                            if i & 1 != 0 {
                                self.lastindex = (i / 2 + 1) as isize;
                            }
                            if i as isize > self.lastmark {
                                let from = (self.lastmark + 1) as usize;
                                for m in &mut self.marks[from..i] {
                                    *m = UNSET;
                                }
                                self.lastmark = i as isize;
                            }
                            self.marks[i] = ptr;
                            pc += 1;
                        }
                        op::LITERAL => {
                            if ptr >= end || self.ch(ptr) != code[pc] {
                                break Mode::Exit(false);
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        op::NOT_LITERAL => {
                            if ptr >= end || self.ch(ptr) == code[pc] {
                                break Mode::Exit(false);
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        op::SUCCESS => {
                            if toplevel!()
                                && ((self.match_all && ptr != end)
                                    || (self.must_advance && ptr == self.start))
                            {
                                break Mode::Exit(false);
                            }
                            self.ptr = ptr;
                            break Mode::Exit(true);
                        }
                        op::AT => {
                            if !self.at(ptr, code[pc]) {
                                break Mode::Exit(false);
                            }
                            pc += 1;
                        }
                        op::ANY
                        | op::ANY_ALL
                        | op::CATEGORY
                        | op::LITERAL_IGNORE
                        | op::LITERAL_UNI_IGNORE
                        | op::LITERAL_LOC_IGNORE
                        | op::NOT_LITERAL_IGNORE
                        | op::NOT_LITERAL_UNI_IGNORE
                        | op::NOT_LITERAL_LOC_IGNORE => {
                            if ptr >= end || !match_one(prog, pc - 1, self.ch(ptr)) {
                                break Mode::Exit(false);
                            }
                            if o != op::ANY && o != op::ANY_ALL {
                                pc += 1;
                            }
                            ptr += 1;
                        }
                        op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                            if ptr >= end || !match_one(prog, pc - 1, self.ch(ptr)) {
                                break Mode::Exit(false);
                            }
                            pc += code[pc] as usize;
                            ptr += 1;
                        }
                        op::JUMP | op::INFO => {
                            pc += code[pc] as usize;
                        }
                        op::BRANCH => {
                            self.lastmark_save();
                            if self.repeat != UNSET {
                                let lm = self.ctx().lastmark;
                                self.mark_push(lm)?;
                            }
                            break Mode::Loop(Loop::Branch);
                        }
                        op::REPEAT_ONE => {
                            // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                            let min = code[pc + 1] as isize;
                            if min > self.remaining(ptr) {
                                break Mode::Exit(false);
                            }
                            self.ptr = ptr;
                            let n = self.count(prog, pc + 3, code[pc + 2])?;
                            ptr += n;
                            self.ctx().count = n as isize;
                            if (n as isize) < min {
                                break Mode::Exit(false);
                            }
                            let tail = pc + code[pc] as usize;
                            if code[tail] == op::SUCCESS
                                && ptr == end
                                && !(toplevel!() && self.must_advance && ptr == self.start)
                            {
                                self.ptr = ptr;
                                break Mode::Exit(true);
                            }
                            self.lastmark_save();
                            if self.repeat != UNSET {
                                let lm = self.ctx().lastmark;
                                self.mark_push(lm)?;
                            }
                            if code[tail] == op::LITERAL {
                                self.ctx().u = code[tail + 1] as usize;
                                break Mode::Loop(Loop::RepeatOne1);
                            }
                            break Mode::Loop(Loop::RepeatOne2);
                        }
                        op::MIN_REPEAT_ONE => {
                            // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                            let min = code[pc + 1] as isize;
                            if min > self.remaining(ptr) {
                                break Mode::Exit(false);
                            }
                            self.ptr = ptr;
                            if min == 0 {
                                self.ctx().count = 0;
                            } else {
                                let n = self.count(prog, pc + 3, code[pc + 1])?;
                                if (n as isize) < min {
                                    break Mode::Exit(false);
                                }
                                self.ctx().count = n as isize;
                                ptr += n;
                            }
                            let tail = pc + code[pc] as usize;
                            if code[tail] == op::SUCCESS
                                && !(toplevel!()
                                    && ((self.match_all && ptr != end)
                                        || (self.must_advance && ptr == self.start)))
                            {
                                self.ptr = ptr;
                                break Mode::Exit(true);
                            }
                            self.lastmark_save();
                            if self.repeat != UNSET {
                                let lm = self.ctx().lastmark;
                                self.mark_push(lm)?;
                            }
                            break Mode::Loop(Loop::MinRepeatOne);
                        }
                        op::POSSESSIVE_REPEAT_ONE => {
                            let min = code[pc + 1] as isize;
                            if min > self.remaining(ptr) {
                                break Mode::Exit(false);
                            }
                            self.ptr = ptr;
                            let n = self.count(prog, pc + 3, code[pc + 2])?;
                            ptr += n;
                            if (n as isize) < min {
                                break Mode::Exit(false);
                            }
                            pc += code[pc] as usize;
                            if code[pc] == op::SUCCESS
                                && ptr == end
                                && !(toplevel!() && self.must_advance && ptr == self.start)
                            {
                                self.ptr = ptr;
                                break Mode::Exit(true);
                            }
                        }
                        op::REPEAT => {
                            // <REPEAT> <skip> <min> <max> item <UNTIL> tail
                            let id = self.repeats.len();
                            grow(&mut self.repeats, 1)?;
                            self.repeats.push(Repeat {
                                count: -1,
                                pc,
                                prev: self.repeat,
                                last_ptr: UNSET,
                            });
                            self.repeat = id;
                            self.ctx().u = id;
                            self.ptr = ptr;
                            break do_jump!(Jump::Repeat, pc + code[pc] as usize, toplevel!());
                        }
                        op::MAX_UNTIL | op::MIN_UNTIL => {
                            let id = self.repeat;
                            if id == UNSET {
                                self.ctxs.truncate(base);
                                return Err(SreError::State);
                            }
                            self.ptr = ptr;
                            let count = self.repeats[id].count + 1;
                            let rpc = self.repeats[id].pc;
                            let (min, max) = (code[rpc + 1], code[rpc + 2]);
                            let c = self.ctx();
                            c.count = count;
                            c.u = id;
                            let tl = c.toplevel;
                            if count < min as isize {
                                // Not enough matches yet.
                                self.repeats[id].count = count;
                                let j = if o == op::MAX_UNTIL {
                                    Jump::MaxUntil1
                                } else {
                                    Jump::MinUntil1
                                };
                                break do_jump!(j, rpc + 3, tl);
                            }
                            if o == op::MAX_UNTIL {
                                if (count < max as isize || max == MAXREPEAT)
                                    && self.ptr != self.repeats[id].last_ptr
                                {
                                    // Enough matches, but match another item if possible.
                                    self.repeats[id].count = count;
                                    self.lastmark_save();
                                    let lm = self.ctx().lastmark;
                                    self.mark_push(lm)?;
                                    grow(&mut self.data, 1)?;
                                    self.data.push(self.repeats[id].last_ptr);
                                    self.repeats[id].last_ptr = self.ptr;
                                    break do_jump!(Jump::MaxUntil2, rpc + 3, tl);
                                }
                                self.repeat = self.repeats[id].prev;
                                break do_jump!(Jump::MaxUntil3, pc, tl);
                            }
                            // MIN_UNTIL: see if the tail matches first.
                            self.repeat = self.repeats[id].prev;
                            self.lastmark_save();
                            if self.repeat != UNSET {
                                let lm = self.ctx().lastmark;
                                self.mark_push(lm)?;
                            }
                            break do_jump!(Jump::MinUntil2, pc, tl);
                        }
                        op::POSSESSIVE_REPEAT => {
                            // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
                            self.ptr = ptr;
                            self.ctx().count = 0;
                            break Mode::Loop(Loop::PossRepeat1);
                        }
                        op::ATOMIC_GROUP => {
                            // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                            self.ptr = ptr;
                            break do_jump!(Jump::AtomicGroup, pc + 1, false);
                        }
                        op::GROUPREF
                        | op::GROUPREF_IGNORE
                        | op::GROUPREF_UNI_IGNORE
                        | op::GROUPREF_LOC_IGNORE => {
                            let Some((p, e)) = self.groupref_span(code[pc]) else {
                                break Mode::Exit(false);
                            };
                            let len = e - p;
                            if self.remaining(ptr) < len as isize {
                                break Mode::Exit(false);
                            }
                            let fold: fn(u32) -> u32 = match o {
                                op::GROUPREF => |c| c,
                                op::GROUPREF_IGNORE => chars::lower_ascii,
                                op::GROUPREF_UNI_IGNORE => chars::lower_unicode,
                                _ => chars::lower_locale,
                            };
                            let text = self.text;
                            let same = text[p..e]
                                .iter()
                                .zip(&text[ptr..ptr + len])
                                .all(|(a, b)| fold(a.code()) == fold(b.code()));
                            if !same {
                                break Mode::Exit(false);
                            }
                            ptr += len;
                            pc += 1;
                        }
                        op::GROUPREF_EXISTS => {
                            // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
                            if self.groupref_span(code[pc]).is_none() {
                                pc += code[pc + 1] as usize;
                            } else {
                                pc += 2;
                            }
                        }
                        op::ASSERT => {
                            // <ASSERT> <skip> <back> pattern
                            let back = code[pc + 1] as usize;
                            if ptr < back {
                                break Mode::Exit(false);
                            }
                            self.ptr = ptr - back;
                            break do_jump!(Jump::Assert, pc + 2, false);
                        }
                        op::ASSERT_NOT => {
                            let back = code[pc + 1] as usize;
                            if ptr >= back {
                                self.ptr = ptr - back;
                                self.lastmark_save();
                                if self.repeat != UNSET {
                                    let lm = self.ctx().lastmark;
                                    self.mark_push(lm)?;
                                }
                                break do_jump!(Jump::AssertNot, pc + 2, false);
                            }
                            pc += code[pc] as usize;
                        }
                        op::FAILURE => break Mode::Exit(false),
                        _ => {
                            self.ctxs.truncate(base);
                            return Err(SreError::Illegal);
                        }
                    }
                },
            };
        }
    }

    /// Forgets the groups of a failed attempt before the next one.
    fn reset_capture(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    /// Searches for the first match at or after `self.start` (CPython's `SRE(search)`); on
    /// success `self.start..self.ptr` is the match.
    pub fn search(&mut self, prog: &Prog) -> Result<bool, SreError> {
        let code = &prog.code[..];
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut prefix_len = 0usize;
        let mut prefix_skip = 0usize;
        let mut prefix = 0usize;
        let mut charset_at = None;
        if code[0] == op::INFO {
            // <INFO> <skip> <flags> <min> <max> <prefix info>
            flags = code[2];
            let min = code[3] as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                // Leave at least one character in there, so the literal search works.
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                // <length> <skip> <prefix data> <overlap data>
                prefix_len = code[5] as usize;
                prefix_skip = code[6] as usize;
                prefix = 7;
            } else if flags & INFO_CHARSET != 0 {
                charset_at = Some(5);
            }
            pc = 1 + code[1] as usize;
        }
        let text = self.text;

        if prefix_len == 1 {
            // The pattern starts with a literal character.
            let c = code[prefix];
            end = self.end;
            self.must_advance = false;
            while ptr < end {
                match C::find(&text[ptr..end], c) {
                    Some(i) => ptr += i,
                    None => return Ok(false),
                }
                self.start = ptr;
                self.ptr = ptr + prefix_skip;
                if flags & INFO_LITERAL != 0 {
                    return Ok(true);
                }
                if self.run(prog, pc + 2 * prefix_skip, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
            return Ok(false);
        }

        if prefix_len > 1 {
            // A known prefix: skip forward with the overlap table (KMP).
            let overlap = prefix + prefix_len - 1;
            end = self.end;
            if prefix_len > end - ptr {
                return Ok(false);
            }
            let c0 = code[prefix];
            while ptr < end {
                match C::find(&text[ptr..end], c0) {
                    Some(i) => ptr += i + 1,
                    None => return Ok(false),
                }
                if ptr >= end {
                    return Ok(false);
                }
                let mut i = 1;
                self.must_advance = false;
                loop {
                    if text[ptr].code() == code[prefix + i] {
                        i += 1;
                        if i != prefix_len {
                            ptr += 1;
                            if ptr >= end {
                                return Ok(false);
                            }
                            continue;
                        }
                        // A potential match.
                        self.start = ptr - (prefix_len - 1);
                        self.ptr = ptr + 1 + prefix_skip - prefix_len;
                        if flags & INFO_LITERAL != 0 {
                            return Ok(true);
                        }
                        if self.run(prog, pc + 2 * prefix_skip, false)? {
                            return Ok(true);
                        }
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.reset_capture();
                    }
                    i = code[overlap + i] as usize;
                    if i == 0 {
                        break;
                    }
                }
            }
            return Ok(false);
        }

        if let Some(cs) = charset_at {
            // The pattern starts with a character from a known set.
            end = self.end;
            self.must_advance = false;
            loop {
                while ptr < end && !prog.in_set(op::IN, cs, text[ptr].code()) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(prog, pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
        }

        // General case: try every position (that can start a match).
        let first = prog.first.as_ref();
        let full_end = self.end;
        let viable = |ptr: usize| match first {
            None => true,
            Some(t) => {
                ptr < full_end && {
                    let c = text[ptr].code();
                    c >= 256 || t[(c >> 5) as usize] >> (c & 31) & 1 != 0
                }
            }
        };
        self.start = ptr;
        self.ptr = ptr;
        let mut status = viable(ptr) && self.run(prog, pc, true)?;
        self.must_advance = false;
        if !status
            && code[pc] == op::AT
            && (code[pc + 1] == at::BEGINNING || code[pc + 1] == at::BEGINNING_STRING)
        {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            if first.is_some() {
                while ptr < end && !viable(ptr) {
                    ptr += 1;
                }
                if !viable(ptr) {
                    continue;
                }
            }
            self.reset_capture();
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(prog, pc, false)?;
        }
        Ok(status)
    }
}

// ---------------------------------------------------------------------------------------------
// Code validation: the engine trusts the structure of the code (skips, set lengths, group
// numbers), so a code array from Python is checked first, as CPython's `_validate` does.

struct Validator<'c> {
    code: &'c [u32],
    groups: usize,
    /// Start and opcode of every character set seen (for [`Prog`]'s tables).
    sets: std::cell::RefCell<Vec<(usize, u32)>>,
    /// Current nesting depth (bounded, so hand-made code cannot exhaust the native stack).
    depth: std::cell::Cell<u32>,
}

/// Deepest nesting of groups and repeats accepted (the `re` parser stops far earlier, at
/// Python's recursion limit).
const MAX_NESTING: u32 = 2000;

impl Validator<'_> {
    /// Validates the set items in `code[i..end]`.
    fn charset(&self, mut i: usize, end: usize) -> bool {
        let code = self.code;
        while i < end {
            let o = code[i];
            i += 1;
            let need = match o {
                op::NEGATE => 0,
                op::LITERAL => 1,
                op::RANGE | op::RANGE_UNI_IGNORE => 2,
                op::CHARSET => 8,
                op::CATEGORY => {
                    if i >= end || !chars::valid_category(code[i]) {
                        return false;
                    }
                    1
                }
                op::BIGCHARSET => {
                    // <count> <256 block indices, 4 per word> <count blocks of 8 words>
                    if i >= end {
                        return false;
                    }
                    let count = code[i] as usize;
                    i += 1;
                    if 64 > end - i {
                        return false;
                    }
                    for k in 0..256 {
                        let b = (code[i + k / 4] >> (8 * (k % 4))) & 0xff;
                        if b as usize >= count {
                            return false;
                        }
                    }
                    i += 64;
                    match count.checked_mul(8) {
                        Some(n) => n,
                        None => return false,
                    }
                }
                _ => return false,
            };
            if need > end - i {
                return false;
            }
            i += need;
        }
        true
    }

    /// The skip stored at `code[i]`, which may reach at most `end` (after subtracting `adj`).
    fn skip(&self, i: usize, end: usize, adj: usize) -> Option<usize> {
        if i >= end {
            return None;
        }
        let s = self.code[i] as usize;
        if s < adj || s - adj > end - i {
            return None;
        }
        Some(s)
    }

    /// Validates a body `code[i..end]` that must not end with a `JUMP`.
    fn body(&self, i: usize, end: usize) -> Option<()> {
        match self.inner(i, end) {
            Some(false) => Some(()),
            _ => None,
        }
    }

    /// Validates `code[i..end]`: `Some(true)` when it ends with a `JUMP` (branch alternatives
    /// and the then-part of a conditional), `None` when malformed.
    fn inner(&self, i: usize, end: usize) -> Option<bool> {
        let d = self.depth.get();
        if d >= MAX_NESTING {
            return None;
        }
        self.depth.set(d + 1);
        let r = self.inner_at(i, end);
        self.depth.set(d);
        r
    }

    fn inner_at(&self, mut i: usize, end: usize) -> Option<bool> {
        let code = self.code;
        if i > end {
            return None;
        }
        macro_rules! arg {
            () => {{
                if i >= end {
                    return None;
                }
                i += 1;
                code[i - 1]
            }};
        }
        while i < end {
            let o = code[i];
            i += 1;
            match o {
                op::MARK => {
                    if arg!() as usize > 2 * self.groups + 1 {
                        return None;
                    }
                }
                op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE => {
                    arg!();
                }
                op::SUCCESS | op::FAILURE | op::ANY | op::ANY_ALL => {}
                op::AT => {
                    if arg!() > at::UNI_NON_BOUNDARY {
                        return None;
                    }
                }
                op::CATEGORY => {
                    if !chars::valid_category(arg!()) {
                        return None;
                    }
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    // <IN> <skip> set... <FAILURE>
                    let skip = self.skip(i, end, 0)?;
                    if skip < 2
                        || !self.charset(i + 1, i + skip - 1)
                        || code[i + skip - 1] != op::FAILURE
                    {
                        return None;
                    }
                    self.sets.borrow_mut().push((i + 1, o));
                    i += skip;
                }
                op::INFO => {
                    // <INFO> <skip> <flags> <min> <max> [<prefix info> | <charset>]
                    let skip = self.skip(i, end, 0)?;
                    let newcode = i + skip;
                    i += 1;
                    let flags = arg!();
                    arg!();
                    arg!();
                    if i > newcode
                        || flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0
                        || (flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0)
                        || (flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0)
                    {
                        return None;
                    }
                    if flags & INFO_PREFIX != 0 {
                        let plen = arg!() as usize;
                        let pskip = arg!() as usize;
                        if pskip > plen || plen > newcode.saturating_sub(i) {
                            return None;
                        }
                        i += plen;
                        if plen > newcode.saturating_sub(i) {
                            return None;
                        }
                        if code[i..i + plen].iter().any(|&x| x as usize >= plen) {
                            return None;
                        }
                        i += plen;
                        // The prefix's literals follow the INFO block; a match skips them.
                        if (0..pskip).any(|k| code.get(newcode + 2 * k) != Some(&op::LITERAL)) {
                            return None;
                        }
                    }
                    if flags & INFO_CHARSET != 0 {
                        if newcode == 0
                            || newcode - 1 < i
                            || !self.charset(i, newcode - 1)
                            || code[newcode - 1] != op::FAILURE
                        {
                            return None;
                        }
                        self.sets.borrow_mut().push((i, op::IN));
                        i = newcode;
                    } else if i != newcode {
                        return None;
                    }
                }
                op::BRANCH => {
                    // <BRANCH> (<skip> alternative <JUMP> <skip>)... <0>
                    let mut target = None;
                    loop {
                        let skip = self.skip(i, end, 0)?;
                        i += 1;
                        if skip == 0 {
                            break;
                        }
                        if skip < 3 {
                            return None;
                        }
                        let alt_end = i + skip - 3;
                        self.body(i, alt_end)?;
                        i = alt_end;
                        if i >= end || code[i] != op::JUMP {
                            return None;
                        }
                        i += 1;
                        let jskip = self.skip(i, end, 0)?;
                        let t = i + jskip;
                        i += 1;
                        match target {
                            None => target = Some(t),
                            Some(t0) if t0 != t => return None,
                            _ => {}
                        }
                    }
                    if target != Some(i) {
                        return None;
                    }
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    // <op> <skip> <min> <max> item <SUCCESS> tail
                    let p = i;
                    let skip = self.skip(i, end, 0)?;
                    i += 1;
                    let min = arg!();
                    let max = arg!();
                    if min > max || skip < 4 {
                        return None;
                    }
                    self.body(i, p + skip - 1)?;
                    i = p + skip - 1;
                    if i >= end || code[i] != op::SUCCESS {
                        return None;
                    }
                    i += 1;
                }
                op::REPEAT | op::POSSESSIVE_REPEAT => {
                    // <op> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL|SUCCESS> tail
                    let p = i;
                    let skip = self.skip(i, end, 0)?;
                    i += 1;
                    let min = arg!();
                    let max = arg!();
                    if min > max || skip < 3 {
                        return None;
                    }
                    self.body(i, p + skip)?;
                    i = p + skip;
                    if i >= end {
                        return None;
                    }
                    let u = code[i];
                    i += 1;
                    let ok = if o == op::POSSESSIVE_REPEAT {
                        u == op::SUCCESS
                    } else {
                        u == op::MAX_UNTIL || u == op::MIN_UNTIL
                    };
                    if !ok {
                        return None;
                    }
                }
                op::ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    let p = i;
                    let skip = self.skip(i, end, 0)?;
                    if skip < 2 {
                        return None;
                    }
                    self.body(p + 1, p + skip - 1)?;
                    i = p + skip - 1;
                    if i >= end || code[i] != op::SUCCESS {
                        return None;
                    }
                    i += 1;
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    if arg!() as usize >= self.groups {
                        return None;
                    }
                }
                op::GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> then [<JUMP> <skip> else]; the skip
                    // counts from the group word.
                    if arg!() as usize >= self.groups {
                        return None;
                    }
                    let p = i;
                    let skip = self.skip(p, end, 1)?;
                    let then_end = p + skip - 1;
                    if self.inner(p + 1, then_end)? {
                        let q = then_end - 1;
                        let jskip = self.skip(q, end, 0)?;
                        if jskip < 1 {
                            return None;
                        }
                        self.body(q + 1, q + jskip)?;
                        i = q + jskip;
                    } else {
                        i = then_end;
                    }
                }
                op::ASSERT | op::ASSERT_NOT => {
                    // <op> <skip> <back> pattern <SUCCESS> tail
                    let p = i;
                    let skip = self.skip(i, end, 0)?;
                    if skip < 3 {
                        return None;
                    }
                    i += 1;
                    arg!();
                    self.body(i, p + skip - 1)?;
                    i = p + skip - 1;
                    if i >= end || code[i] != op::SUCCESS {
                        return None;
                    }
                    i += 1;
                }
                op::JUMP => {
                    // Only as the last op of a branch alternative or a then-part.
                    if i + 1 != end {
                        return None;
                    }
                    return Some(true);
                }
                _ => return None,
            }
        }
        Some(false)
    }
}

/// Checks that `code` is well-formed for a pattern with `groups` groups (CPython's
/// `_validate`); returns where its character sets start, with their opcodes.
fn validate(code: &[u32], groups: usize) -> Option<Vec<(usize, u32)>> {
    if groups > MAXGROUPS as usize || code.last() != Some(&op::SUCCESS) {
        return None;
    }
    let v = Validator {
        code,
        groups,
        sets: Default::default(),
        depth: Default::default(),
    };
    v.body(0, code.len() - 1)?;
    Some(v.sets.into_inner())
}
