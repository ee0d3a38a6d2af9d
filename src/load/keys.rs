//! Object keys, and the set that notices a key given twice. Shared by the
//! typed pass and the explaining scan, so both judge duplicates alike.

use serde::de::{self, Visitor};

/// The scalar half of a visitor that walks any JSON value for its keys:
/// every scalar is fine and says nothing. Used by both passes' walkers.
macro_rules! accept_any_scalar {
    () => {
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
    };
}
pub(super) use accept_any_scalar;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// An object key, borrowed from the file unless it had escapes (so `"a"`
/// and `"\u0061"` are the same key).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

/// Objects with more keys than this are checked with a hash set, so a
/// crafted object of a million keys costs n, not n².
const LINEAR_KEYS: usize = 16;

/// The keys seen so far in one object.
#[derive(Default)]
pub struct KeySet<'de> {
    few: Vec<Key<'de>>,
    many: HashSet<Key<'de>>,
}

impl<'de> KeySet<'de> {
    /// Adds a key; `false` when the object already had it.
    pub fn insert(&mut self, key: Key<'de>) -> bool {
        if self.few.len() < LINEAR_KEYS {
            if self.few.contains(&key) {
                return false;
            }
            self.few.push(key);
            if self.few.len() == LINEAR_KEYS {
                self.many.extend(self.few.iter().cloned());
            }
            true
        } else {
            self.many.insert(key)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeat_is_noticed_before_and_after_the_switch_to_hashing() {
        let mut set = KeySet::default();
        for i in 0..40 {
            assert!(set.insert(Key(Cow::Owned(format!("k{i}")))));
        }
        assert!(!set.insert(Key(Cow::Borrowed("k3"))));
        assert!(!set.insert(Key(Cow::Borrowed("k39"))));
        let mut small = KeySet::default();
        assert!(small.insert(Key(Cow::Borrowed("a"))));
        assert!(!small.insert(Key(Cow::Borrowed("a"))));
    }
}
