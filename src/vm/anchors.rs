//! Caret anchors for traceback lines: in the source segment of a failing instruction, where the
//! operator of a binary operation or the brackets of a subscript are, so the printer can draw
//! `~~~^~~~` / `~~~^^^^` as CPython 3.12 does.
//!
//! CPython parses the segment with its own parser and looks at the single expression statement
//! it contains (`extract_anchors_from_line` in `Python/traceback.c`). This is a small parser of
//! the expression grammar that computes the same spans: node spans exclude the parentheses of
//! a group (`(a)` is the node `a`), composite nodes run from their first to their last token.
//! Anything it does not understand yields no anchors (plain `^^^^` carets), never an error.

/// Where the carets change character, as byte offsets in the segment.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Anchors {
    /// End of the part drawn with `~` before the highlighted operator.
    pub left_end: usize,
    /// Start of the part drawn with `~` after it.
    pub right_start: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Name,
    Number,
    Str,
    Op,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Tok,
    start: usize,
    end: usize,
}

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "!=", "==", "<=", ">=", "->", ":=", "**", "//", "<<", ">>",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=",
];

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic() || !c.is_ascii()
}

fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric() || !c.is_ascii()
}

/// Whether `p` (lowercased) is a valid string prefix.
fn is_string_prefix(p: &str) -> bool {
    matches!(
        p.to_ascii_lowercase().as_str(),
        "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    )
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
}

impl Lexer<'_> {
    fn peek_char(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    /// Scans a string literal whose opening quote is at `self.pos`.
    fn string(&mut self, fstring: bool) -> Option<()> {
        let b = self.s.as_bytes();
        let q = b[self.pos];
        let triple = b.get(self.pos + 1) == Some(&q) && b.get(self.pos + 2) == Some(&q);
        self.pos += if triple { 3 } else { 1 };
        loop {
            let c = *b.get(self.pos)?;
            if c == b'\\' {
                // Even in raw strings a backslash keeps the next character in the literal.
                self.pos += 1;
                let next = self.peek_char()?;
                self.pos += next.len_utf8();
                continue;
            }
            if c == q {
                if !triple {
                    self.pos += 1;
                    return Some(());
                }
                if b.get(self.pos + 1) == Some(&q) && b.get(self.pos + 2) == Some(&q) {
                    self.pos += 3;
                    return Some(());
                }
            }
            if c == b'\n' && !triple {
                return None;
            }
            if fstring && c == b'{' {
                if b.get(self.pos + 1) == Some(&b'{') {
                    self.pos += 2;
                    continue;
                }
                self.pos += 1;
                self.replacement_field()?;
                continue;
            }
            self.pos += self.peek_char()?.len_utf8();
        }
    }

    /// Skips an f-string replacement field after its `{`, up to and including the matching `}`
    /// (nested brackets, strings and format-spec fields included).
    fn replacement_field(&mut self) -> Option<()> {
        let mut depth = 1usize;
        loop {
            let c = *self.s.as_bytes().get(self.pos)?;
            match c {
                b'{' | b'(' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b')' | b']' => {
                    depth -= 1;
                    self.pos += 1;
                    if depth == 0 {
                        return if c == b'}' { Some(()) } else { None };
                    }
                }
                b'\'' | b'"' => self.string(true)?,
                _ => self.pos += self.peek_char()?.len_utf8(),
            }
        }
    }

    /// Scans a number literal (CPython's forms; a name character right after one is an error).
    fn number(&mut self) -> Option<()> {
        let b = self.s.as_bytes();
        let digits = |pos: &mut usize, ok: fn(u8) -> bool| {
            let start = *pos;
            while b.get(*pos).is_some_and(|&x| ok(x) || x == b'_') {
                *pos += 1;
            }
            *pos > start
        };
        let mut p = self.pos;
        let radix = b.get(p + 1).map(u8::to_ascii_lowercase);
        if b[p] == b'0' && matches!(radix, Some(b'x' | b'o' | b'b')) {
            p += 2;
            let ok: fn(u8) -> bool = match radix {
                Some(b'x') => |x| x.is_ascii_hexdigit(),
                Some(b'o') => |x| (b'0'..=b'7').contains(&x),
                _ => |x| x == b'0' || x == b'1',
            };
            if !digits(&mut p, ok) {
                return None;
            }
        } else {
            let int = digits(&mut p, |x| x.is_ascii_digit());
            if b.get(p) == Some(&b'.') {
                p += 1;
                if !digits(&mut p, |x| x.is_ascii_digit()) && !int {
                    return None;
                }
            }
            if matches!(b.get(p), Some(b'e' | b'E')) {
                p += 1;
                if matches!(b.get(p), Some(b'+' | b'-')) {
                    p += 1;
                }
                if !digits(&mut p, |x| x.is_ascii_digit()) {
                    return None;
                }
            }
            if matches!(b.get(p), Some(b'j' | b'J')) {
                p += 1;
            }
        }
        self.pos = p;
        if self.peek_char().is_some_and(is_name_char) {
            return None;
        }
        Some(())
    }

    fn tokens(mut self) -> Option<Vec<Token>> {
        let mut out = Vec::new();
        let b = self.s.as_bytes();
        while self.pos < b.len() {
            let c = b[self.pos];
            if is_ws(c) {
                self.pos += 1;
                continue;
            }
            if c == b'#' {
                break;
            }
            if c == b'\n' || c == b'\r' {
                // A single source line: only a trailing newline may follow.
                if self.s[self.pos..].trim().is_empty() {
                    break;
                }
                return None;
            }
            let start = self.pos;
            let ch = self.peek_char()?;
            if c == b'\'' || c == b'"' {
                self.string(false)?;
                out.push(Token {
                    kind: Tok::Str,
                    start,
                    end: self.pos,
                });
                continue;
            }
            if is_name_start(ch) {
                while let Some(ch) = self.peek_char().filter(|&c| is_name_char(c)) {
                    self.pos += ch.len_utf8();
                }
                let word = &self.s[start..self.pos];
                if matches!(b.get(self.pos), Some(b'\'' | b'"')) && is_string_prefix(word) {
                    let lower = word.to_ascii_lowercase();
                    self.string(lower.contains('f'))?;
                    out.push(Token {
                        kind: Tok::Str,
                        start,
                        end: self.pos,
                    });
                } else {
                    out.push(Token {
                        kind: Tok::Name,
                        start,
                        end: self.pos,
                    });
                }
                continue;
            }
            if c.is_ascii_digit()
                || (c == b'.' && b.get(self.pos + 1).is_some_and(u8::is_ascii_digit))
            {
                self.number()?;
                out.push(Token {
                    kind: Tok::Number,
                    start,
                    end: self.pos,
                });
                continue;
            }
            let op = OPERATORS
                .iter()
                .find(|op| self.s[self.pos..].starts_with(*op))?;
            self.pos += op.len();
            out.push(Token {
                kind: Tok::Op,
                start,
                end: self.pos,
            });
        }
        Some(out)
    }
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    BinOp { left_end: usize, right_start: usize },
    Subscript { value_end: usize, slice_end: usize },
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Node {
    start: usize,
    end: usize,
    kind: Kind,
}

struct Parser<'a> {
    s: &'a str,
    toks: Vec<Token>,
    pos: usize,
}

/// Binary operator levels, loosest first.
const LEVELS: &[&[&str]] = &[
    &["|"],
    &["^"],
    &["&"],
    &["<<", ">>"],
    &["+", "-"],
    &["*", "/", "//", "%", "@"],
];

impl<'a> Parser<'a> {
    fn text(&self, i: usize) -> Option<&'a str> {
        let s = self.s;
        self.toks.get(i).map(|t| &s[t.start..t.end])
    }

    fn at(&self, s: &str) -> bool {
        self.toks.get(self.pos).is_some_and(|t| {
            (t.kind == Tok::Op || t.kind == Tok::Name) && &self.s[t.start..t.end] == s
        })
    }

    fn at_any(&self, ss: &[&str]) -> bool {
        ss.iter().any(|s| self.at(s))
    }

    fn start(&self) -> Option<usize> {
        self.toks.get(self.pos).map(|t| t.start)
    }

    /// End of the last token consumed.
    fn prev_end(&self) -> usize {
        self.toks[self.pos - 1].end
    }

    fn expect(&mut self, s: &str) -> Option<()> {
        if self.at(s) {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    fn composite(&self, start: usize) -> Node {
        Node {
            start,
            end: self.prev_end(),
            kind: Kind::Other,
        }
    }

    /// Skips from an opening bracket to just past its matching closing bracket.
    fn skip_balanced(&mut self) -> Option<()> {
        let mut stack = Vec::new();
        loop {
            let t = self.text(self.pos)?;
            self.pos += 1;
            match t {
                "(" | "[" | "{" => stack.push(t),
                ")" | "]" | "}" => {
                    let open = stack.pop()?;
                    let want = match open {
                        "(" => ")",
                        "[" => "]",
                        _ => "}",
                    };
                    if t != want {
                        return None;
                    }
                    if stack.is_empty() {
                        return Some(());
                    }
                }
                _ => {}
            }
            if stack.is_empty() {
                return None;
            }
        }
    }

    /// A whole statement: one expression statement (optionally ended by `;`).
    fn statement(&mut self) -> Option<Node> {
        let n = self.star_expressions()?;
        if self.at(";") {
            self.pos += 1;
        }
        (self.pos == self.toks.len()).then_some(n)
    }

    fn star_expressions(&mut self) -> Option<Node> {
        let start = self.start()?;
        if self.at("yield") {
            return None;
        }
        let first = self.star_expression()?;
        if !self.at(",") {
            return Some(first);
        }
        while self.at(",") {
            self.pos += 1;
            if self.pos == self.toks.len() || self.at(";") || self.at(")") {
                break;
            }
            self.star_expression()?;
        }
        Some(self.composite(start))
    }

    fn star_expression(&mut self) -> Option<Node> {
        let start = self.start()?;
        if self.at("*") {
            self.pos += 1;
            self.binary(0)?;
            return Some(self.composite(start));
        }
        self.expression()
    }

    fn named_expression(&mut self) -> Option<Node> {
        let start = self.start()?;
        if self.toks.get(self.pos).is_some_and(|t| t.kind == Tok::Name)
            && self.text(self.pos + 1) == Some(":=")
        {
            self.pos += 2;
            self.expression()?;
            return Some(self.composite(start));
        }
        self.expression()
    }

    fn expression(&mut self) -> Option<Node> {
        let start = self.start()?;
        if self.at("lambda") {
            self.pos += 1;
            let mut depth = 0i32;
            loop {
                let t = self.text(self.pos)?;
                match t {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth -= 1,
                    ":" if depth == 0 => break,
                    _ => {}
                }
                self.pos += 1;
            }
            self.pos += 1;
            self.expression()?;
            return Some(self.composite(start));
        }
        let d = self.disjunction()?;
        if self.at("if") {
            self.pos += 1;
            self.disjunction()?;
            self.expect("else")?;
            self.expression()?;
            return Some(self.composite(start));
        }
        Some(d)
    }

    fn disjunction(&mut self) -> Option<Node> {
        let start = self.start()?;
        let first = self.conjunction()?;
        if !self.at("or") {
            return Some(first);
        }
        while self.at("or") {
            self.pos += 1;
            self.conjunction()?;
        }
        Some(self.composite(start))
    }

    fn conjunction(&mut self) -> Option<Node> {
        let start = self.start()?;
        let first = self.inversion()?;
        if !self.at("and") {
            return Some(first);
        }
        while self.at("and") {
            self.pos += 1;
            self.inversion()?;
        }
        Some(self.composite(start))
    }

    fn inversion(&mut self) -> Option<Node> {
        let start = self.start()?;
        if self.at("not") {
            self.pos += 1;
            self.inversion()?;
            return Some(self.composite(start));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Option<Node> {
        let start = self.start()?;
        let first = self.binary(0)?;
        let mut any = false;
        loop {
            if self.at_any(&["==", "!=", "<", "<=", ">", ">=", "in"]) {
                self.pos += 1;
            } else if self.at("not") && self.text(self.pos + 1) == Some("in") {
                self.pos += 2;
            } else if self.at("is") {
                self.pos += 1;
                if self.at("not") {
                    self.pos += 1;
                }
            } else {
                break;
            }
            self.binary(0)?;
            any = true;
        }
        Some(if any { self.composite(start) } else { first })
    }

    fn binary(&mut self, level: usize) -> Option<Node> {
        if level == LEVELS.len() {
            return self.factor();
        }
        let start = self.start()?;
        let mut left = self.binary(level + 1)?;
        while self.at_any(LEVELS[level]) {
            self.pos += 1;
            let right = self.binary(level + 1)?;
            left = Node {
                start,
                end: self.prev_end(),
                kind: Kind::BinOp {
                    left_end: left.end,
                    right_start: right.start,
                },
            };
        }
        Some(left)
    }

    fn factor(&mut self) -> Option<Node> {
        let start = self.start()?;
        if self.at_any(&["+", "-", "~"]) {
            self.pos += 1;
            self.factor()?;
            return Some(self.composite(start));
        }
        self.power()
    }

    fn power(&mut self) -> Option<Node> {
        let start = self.start()?;
        let base = if self.at("await") {
            self.pos += 1;
            self.primary()?;
            self.composite(start)
        } else {
            self.primary()?
        };
        if self.at("**") {
            self.pos += 1;
            let exp = self.factor()?;
            return Some(Node {
                start,
                end: self.prev_end(),
                kind: Kind::BinOp {
                    left_end: base.end,
                    right_start: exp.start,
                },
            });
        }
        Some(base)
    }

    fn primary(&mut self) -> Option<Node> {
        let start = self.start()?;
        let mut node = self.atom()?;
        loop {
            if self.at(".") {
                self.pos += 1;
                if self.toks.get(self.pos)?.kind != Tok::Name {
                    return None;
                }
                self.pos += 1;
                node = self.composite(start);
            } else if self.at("(") {
                self.skip_balanced()?;
                node = self.composite(start);
            } else if self.at("[") {
                self.pos += 1;
                let slice_end = self.slices()?;
                self.expect("]")?;
                node = Node {
                    start,
                    end: self.prev_end(),
                    kind: Kind::Subscript {
                        value_end: node.end,
                        slice_end,
                    },
                };
            } else {
                return Some(node);
            }
        }
    }

    /// The inside of `[...]` after a value; returns the end of the slice node.
    fn slices(&mut self) -> Option<usize> {
        let start = self.start()?;
        let first = self.slice()?;
        if !self.at(",") {
            return Some(first.end);
        }
        while self.at(",") {
            self.pos += 1;
            if self.at("]") {
                break;
            }
            self.slice()?;
        }
        Some(self.composite(start).end)
    }

    fn slice(&mut self) -> Option<Node> {
        let start = self.start()?;
        if self.at("*") {
            return self.star_expression();
        }
        let lower = if self.at(":") {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.at(":") {
            return lower;
        }
        self.pos += 1;
        if !self.at_any(&[":", ",", "]"]) {
            self.expression()?;
        }
        if self.at(":") {
            self.pos += 1;
            if !self.at_any(&[",", "]"]) {
                self.expression()?;
            }
        }
        Some(self.composite(start))
    }

    fn atom(&mut self) -> Option<Node> {
        let t = *self.toks.get(self.pos)?;
        let text = &self.s[t.start..t.end];
        match t.kind {
            Tok::Name => {
                if KEYWORDS.contains(&text) {
                    return None;
                }
                self.pos += 1;
                Some(self.composite(t.start))
            }
            Tok::Number => {
                self.pos += 1;
                Some(self.composite(t.start))
            }
            Tok::Str => {
                while self.toks.get(self.pos).is_some_and(|t| t.kind == Tok::Str) {
                    self.pos += 1;
                }
                Some(self.composite(t.start))
            }
            Tok::Op => match text {
                "..." => {
                    self.pos += 1;
                    Some(self.composite(t.start))
                }
                "[" | "{" => {
                    self.skip_balanced()?;
                    Some(self.composite(t.start))
                }
                "(" => self.paren(),
                _ => None,
            },
        }
    }

    /// `( ... )`: a group (the inner node), a tuple or a generator expression (the whole
    /// parenthesized span), or a yield expression.
    fn paren(&mut self) -> Option<Node> {
        let open = self.pos;
        let start = self.toks[open].start;
        if self.text(open + 1) == Some(")") {
            self.pos += 2;
            return Some(self.composite(start));
        }
        if self.text(open + 1) == Some("yield") {
            self.skip_balanced()?;
            return Some(Node {
                start: self.toks[open + 1].start,
                end: self.toks[self.pos - 2].end,
                kind: Kind::Other,
            });
        }
        self.pos += 1;
        let inner = if self.at("*") {
            self.star_expression()?
        } else {
            self.named_expression()?
        };
        if self.at(")") {
            self.pos += 1;
            return Some(inner);
        }
        if self.at_any(&[",", "for", "async"]) {
            self.pos = open;
            self.skip_balanced()?;
            return Some(self.composite(start));
        }
        None
    }
}

/// The anchors CPython 3.12 finds in `segment` (the source text of a failing instruction): for
/// a binary operation the operator (`left_end..right_start`, characters drawn with `^`), for a
/// subscript the brackets. Offsets are bytes into `segment`.
pub fn extract(segment: &str) -> Option<Anchors> {
    // An indented segment does not parse as a module ("unexpected indent").
    if segment.starts_with([' ', '\t']) {
        return None;
    }
    let toks = Lexer { s: segment, pos: 0 }.tokens()?;
    if toks.is_empty() {
        return None;
    }
    let mut p = Parser {
        s: segment,
        toks,
        pos: 0,
    };
    let node = p.statement()?;
    let b = segment.as_bytes();
    match node.kind {
        Kind::BinOp {
            left_end,
            right_start,
        } => {
            // As CPython: the first non-blank character between the operands (closing
            // parentheses of the left operand skipped), two characters for a two-character
            // operator.
            let mut found = None;
            let mut i = left_end;
            while i < right_start {
                if is_ws(b[i]) {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < right_start && !is_ws(b[i + 1]) {
                    right += 1;
                }
                found = Some((i, right));
                if i + 1 < right_start && b[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            found.map(|(l, r)| Anchors {
                left_end: l,
                right_start: r,
            })
        }
        Kind::Subscript {
            value_end,
            slice_end,
        } => {
            let len = b.len();
            let mut left = value_end;
            while left < len && b[left] != b'[' {
                left += 1;
            }
            let mut right = slice_end + 1;
            while right < len && b[right] != b']' {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some(Anchors {
                left_end: left,
                right_start: right,
            })
        }
        Kind::Other => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Option<(usize, usize)> {
        extract(s).map(|a| (a.left_end, a.right_start))
    }

    #[test]
    fn binops() {
        assert_eq!(a("a + b"), Some((2, 3)));
        assert_eq!(a("a // b"), Some((2, 4)));
        assert_eq!(a("(a) + b"), Some((4, 5)));
        assert_eq!(a("a+(b)"), Some((1, 3)));
        assert_eq!(a("a ** -b"), Some((2, 4)));
        assert_eq!(a("a + b * c"), Some((2, 3)));
        assert_eq!(a("a * b + c"), Some((6, 7)));
        assert_eq!(a("f(x) + g[1]"), Some((5, 6)));
        assert_eq!(a("'a' 'b' % (1,)"), Some((8, 9)));
        assert_eq!(a("f'{x!r:>{w}}' + 1"), Some((14, 15)));
    }

    #[test]
    fn subscripts() {
        assert_eq!(a("x[1]"), Some((1, 4)));
        assert_eq!(a("d['key']['other']"), Some((8, 17)));
        assert_eq!(a("x[1:2, ::3]"), Some((1, 11)));
        assert_eq!(a("(x)[(1)]"), Some((3, 8)));
    }

    #[test]
    fn no_anchors() {
        for s in [
            "f(x)",
            "x.y",
            "a < b",
            "a and b",
            "not a",
            "-a",
            "a, b",
            "x = a + b",
            "raise E",
            "a + b; c",
            "lambda: a + b",
            "a if b else c",
            "(a + b",
            "yield a + b",
        ] {
            assert_eq!(a(s), None, "{s}");
        }
        assert_eq!(a("a + b;"), Some((2, 3)));
    }
}
