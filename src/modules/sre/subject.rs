//! The string a pattern is matched against, as code units the engine can index: bytes for
//! `bytes`/`bytearray` subjects and for text whose code points are all below 256, `u32` code
//! points for other text. ASCII text and `bytes` are borrowed from the object (which the
//! subject keeps alive); other text is decoded once and shared by the match objects made from
//! it.

use std::cell::RefCell;
use std::rc::Rc;

use crate::abi::Value;
use crate::objects::bytes::{as_bytes, new_bytes, ByteArray, Bytes};
use crate::objects::exception::{err, TYPE_ERROR};
use crate::objects::str::{as_str, from_string, new_str, StrRef, STR_TYPE};
use crate::objects::PyResult;

/// Where the code units live.
enum Store {
    /// Bytes owned by `Subject::value` (a `bytes` object or a heap `str`'s text), which never
    /// move or change while the value is alive.
    Borrowed { ptr: *const u8, len: usize },
    /// A copy: a bytearray's bytes, a short inline str's text, or Latin-1 text.
    Owned(Vec<u8>),
    /// Code points of text with characters beyond Latin-1.
    Wide(Vec<u32>),
}

/// The code units of a subject, for the engine.
pub enum Units<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u32]),
}

/// A subject string: the original object and its code units.
pub struct Subject {
    /// The object the caller passed (`Match.string`).
    pub value: Value,
    /// A bytes-like subject (else text).
    pub is_bytes: bool,
    /// Text whose narrow units are ASCII, so that any slice of them is valid UTF-8.
    ascii: bool,
    store: Store,
}

thread_local! {
    /// The last decoded non-ASCII text, reused when the same str is searched again.
    static LAST_DECODED: RefCell<Option<Rc<Subject>>> = const { RefCell::new(None) };
}

/// Text shorter than this (in bytes) is not worth caching.
const CACHE_MIN_LEN: usize = 256;

impl Subject {
    /// The subject for `v`: TypeError for anything but str and bytes-like objects.
    pub fn new(v: &Value) -> PyResult<Rc<Subject>> {
        if let Some(s) = as_str(v) {
            return Ok(Self::from_text(v, &s));
        }
        if let Some(b) = v.downcast_ref::<Bytes>() {
            return Ok(Rc::new(Subject {
                value: v.clone(),
                is_bytes: true,
                ascii: false,
                store: Store::Borrowed {
                    ptr: b.data.as_ptr(),
                    len: b.data.len(),
                },
            }));
        }
        if let Some(a) = v.downcast_ref::<ByteArray>() {
            let data = a.with(|d| d.clone());
            return Ok(Rc::new(Subject {
                value: v.clone(),
                is_bytes: true,
                ascii: false,
                store: Store::Owned(data),
            }));
        }
        if let Some(b) = crate::objects::memoryview::view_bytes(v) {
            return Ok(Rc::new(Subject {
                value: v.clone(),
                is_bytes: true,
                ascii: false,
                store: Store::Owned(b?),
            }));
        }
        err(
            &TYPE_ERROR,
            format!(
                "expected string or bytes-like object, got '{}'",
                v.type_name()
            ),
        )
    }

    fn from_text(v: &Value, s: &StrRef) -> Rc<Subject> {
        if s.is_ascii_fast() {
            let store = match s {
                StrRef::Heap(h) => Store::Borrowed {
                    ptr: h.s.as_ptr(),
                    len: h.s.len(),
                },
                StrRef::Inline { .. } => Store::Owned(s.as_bytes().to_vec()),
            };
            return Rc::new(Subject {
                value: v.clone(),
                is_bytes: false,
                ascii: true,
                store,
            });
        }
        // Only exact strs: a subclass instance may have a `__del__` the cache would delay.
        let cacheable = s.len() >= CACHE_MIN_LEN && std::ptr::eq(v.ty(), &STR_TYPE);
        if cacheable {
            let hit =
                LAST_DECODED.with(|c| c.borrow().as_ref().filter(|sub| sub.value.is(v)).cloned());
            if let Some(sub) = hit {
                return sub;
            }
        }
        let store = if s.chars().all(|c| (c as u32) < 256) {
            Store::Owned(s.chars().map(|c| c as u8).collect())
        } else {
            Store::Wide(s.chars().map(|c| c as u32).collect())
        };
        let sub = Rc::new(Subject {
            value: v.clone(),
            is_bytes: false,
            ascii: false,
            store,
        });
        if cacheable {
            LAST_DECODED.with(|c| *c.borrow_mut() = Some(sub.clone()));
        }
        sub
    }

    /// The code units.
    #[inline]
    pub fn units(&self) -> Units<'_> {
        match &self.store {
            // SAFETY: the pointer and length describe bytes owned by `self.value`, which this
            // subject keeps alive and which are immutable (bytes, str).
            Store::Borrowed { ptr, len } => {
                Units::Narrow(unsafe { std::slice::from_raw_parts(*ptr, *len) })
            }
            Store::Owned(v) => Units::Narrow(v),
            Store::Wide(v) => Units::Wide(v),
        }
    }

    /// Length in code units (characters or bytes).
    pub fn len(&self) -> usize {
        match self.units() {
            Units::Narrow(t) => t.len(),
            Units::Wide(t) => t.len(),
        }
    }

    /// Whether the subject is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The substring `[i, j)` as a new str/bytes (the subject itself when that is the whole of
    /// an exact str or bytes).
    pub fn slice(&self, i: usize, j: usize) -> Value {
        let (i, j) = (i.min(self.len()), j.min(self.len()));
        let j = j.max(i);
        if i == 0 && j == self.len() {
            let exact = if self.is_bytes {
                std::ptr::eq(self.value.ty(), &crate::objects::bytes::BYTES_TYPE)
            } else {
                std::ptr::eq(self.value.ty(), &STR_TYPE)
            };
            if exact {
                return self.value.clone();
            }
        }
        match self.units() {
            Units::Narrow(t) if self.is_bytes => new_bytes(&t[i..j]),
            Units::Narrow(t) if self.ascii => {
                // SAFETY: ASCII bytes are valid UTF-8.
                new_str(unsafe { std::str::from_utf8_unchecked(&t[i..j]) })
            }
            Units::Narrow(t) => from_string(t[i..j].iter().map(|&b| b as char).collect()),
            Units::Wide(t) => from_string(
                t[i..j]
                    .iter()
                    .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
                    .collect(),
            ),
        }
    }

    /// An empty str or bytes, matching the subject's kind.
    pub fn empty(&self) -> Value {
        if self.is_bytes {
            new_bytes(b"")
        } else {
            new_str("")
        }
    }
}

/// Runs `f` on the bytes of a bytes-like object (bytes, bytearray, memoryview); `None` when
/// `v` is not one.
pub fn with_buffer<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<PyResult<R>> {
    if let Some(b) = crate::objects::bytes::as_bytes_like(v) {
        return Some(Ok(f(b)));
    }
    crate::objects::memoryview::view_bytes(v).map(|r| r.map(|b| f(&b)))
}

/// Whether `v` is `bytes` (not a bytearray).
pub fn is_exact_bytes(v: &Value) -> bool {
    as_bytes(v).is_some() && std::ptr::eq(v.ty(), &crate::objects::bytes::BYTES_TYPE)
}

/// Runs `$body` with `$t` bound to the subject's code units, as `&[u8]` or `&[u32]`.
macro_rules! with_units {
    ($subject:expr, $t:ident => $body:expr) => {
        match $subject.units() {
            $crate::modules::sre::subject::Units::Narrow($t) => $body,
            $crate::modules::sre::subject::Units::Wide($t) => $body,
        }
    };
}
pub(crate) use with_units;
