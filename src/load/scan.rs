//! The first pass over a file: is it JSON, is every key unique in its
//! object, is it an object, and which `format_version` does it claim?
//!
//! serde's derived structs catch a repeated *known* key, but skip unknown
//! keys without looking, and the format makes any repeated key a load
//! error. This pass walks the whole document once without building it
//! (keys are borrowed where the file allows) before the typed pass runs.

use super::keys::{Key, KeySet, accept_any_scalar};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// What the scan learnt about a file that is well-formed JSON.
#[derive(Debug, Default)]
pub struct Scan {
    pub root_is_object: bool,
    /// The top-level `format_version`, as JSON, if present.
    pub version: Option<serde_json::Value>,
    /// A repeated key: the path of its object and the key.
    pub duplicate: Option<(String, String)>,
    /// An array where the format has an object: its path. (serde's derived
    /// structs would read `[…]` positionally; the format does not allow it.)
    pub array_for_object: Option<String>,
}

/// Scans `text`. `Err` is serde_json's own error: a syntax error, or the
/// stop we force at a duplicate key (then `scan.duplicate` says which).
pub fn scan(text: &str) -> (Scan, Result<(), serde_json::Error>) {
    let mut state = Scan::default();
    let mut path = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Node {
        state: &mut state,
        path: &mut path,
        at: Ctx::Root,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    (state, result)
}

enum Seg<'de> {
    Key(Key<'de>),
    Index(usize),
}

fn render(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&k.0);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Where in the format a value sits, as far as the scan needs to know.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Root,
    /// `department`, `budget`, a group under `budget`, a task, an indicator row.
    Object(Obj),
    TaskList,
    IndicatorList,
    /// A scalar field of the format: skipped, the typed pass reads it.
    Scalar,
    /// Anything the format does not define: walked in full.
    Unknown,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Obj {
    Department,
    Budget,
    BudgetGroup,
    Task,
    Indicator,
}

impl Ctx {
    fn child(self, key: &str) -> Ctx {
        use Obj::*;
        match (self, key) {
            (Ctx::Root, "department") => Ctx::Object(Department),
            (Ctx::Root, "budget") => Ctx::Object(Budget),
            (Ctx::Root, "key_tasks") => Ctx::TaskList,
            (Ctx::Root, "indicators") => Ctx::IndicatorList,
            (Ctx::Root, "fiscal_year" | "region" | "overall_goal") => Ctx::Scalar,
            (Ctx::Object(Department), "name" | "code" | "staff_count" | "subordinate_units") => {
                Ctx::Scalar
            }
            (Ctx::Object(Budget), "expenditure" | "development" | "income" | "by_level") => {
                Ctx::Object(BudgetGroup)
            }
            (Ctx::Object(BudgetGroup), _) => Ctx::Scalar,
            (Ctx::Object(Task), "name" | "content" | "funds" | "expected_outcome") => Ctx::Scalar,
            (
                Ctx::Object(Indicator),
                "level1" | "level2" | "name" | "period_target" | "annual_target",
            ) => Ctx::Scalar,
            _ => Ctx::Unknown,
        }
    }

    fn element(self) -> Ctx {
        match self {
            Ctx::TaskList => Ctx::Object(Obj::Task),
            Ctx::IndicatorList => Ctx::Object(Obj::Indicator),
            _ => Ctx::Unknown,
        }
    }
}

struct Node<'s, 'de> {
    state: &'s mut Scan,
    path: &'s mut Vec<Seg<'de>>,
    at: Ctx,
}

impl<'de> DeserializeSeed<'de> for Node<'_, 'de> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, 'de> {
    type Value = ();

    accept_any_scalar!();

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if matches!(self.at, Ctx::Object(_)) {
            self.state.array_for_object = Some(render(self.path));
            return Err(de::Error::custom("array for object"));
        }
        let element = self.at.element();
        let mut i = 0;
        loop {
            self.path.push(Seg::Index(i));
            let more = seq.next_element_seed(Node {
                state: self.state,
                path: self.path,
                at: element,
            })?;
            self.path.pop();
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let root = self.at == Ctx::Root;
        if root {
            self.state.root_is_object = true;
        }
        let mut seen = KeySet::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if !seen.insert(key.clone()) {
                self.state.duplicate = Some((render(self.path), key.0.into_owned()));
                return Err(de::Error::custom("duplicate key"));
            }
            match self.at.child(&key.0) {
                _ if root && key.0 == "format_version" => {
                    self.state.version = Some(map.next_value()?)
                }
                Ctx::Scalar => {
                    map.next_value::<de::IgnoredAny>()?;
                }
                child => {
                    self.path.push(Seg::Key(key));
                    map.next_value_seed(Node {
                        state: self.state,
                        path: self.path,
                        at: child,
                    })?;
                    self.path.pop();
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_repeated_unknown_key_deep_inside() {
        let (s, r) = scan(r#"{"format_version":1,"indicators":[{},{"x":1,"note":2,"note":3}]}"#);
        assert!(r.is_err());
        assert_eq!(s.duplicate, Some(("indicators[1]".into(), "note".into())));
    }

    #[test]
    fn an_escaped_spelling_is_the_same_key() {
        let (s, r) = scan(r#"{"a":1,"\u0061":2}"#);
        assert!(r.is_err());
        assert_eq!(s.duplicate, Some((String::new(), "a".into())));
    }

    #[test]
    fn large_objects_are_checked_too() {
        let mut doc = String::from("{");
        for i in 0..40 {
            doc.push_str(&format!("\"k{i}\":{i},"));
        }
        doc.push_str("\"k3\":0}");
        let (s, _) = scan(&doc);
        assert_eq!(s.duplicate.map(|d| d.1), Some("k3".into()));
    }

    #[test]
    fn captures_the_version_and_the_root_kind() {
        let (s, r) = scan(r#"{"format_version": 1.0, "x": [1, 2.5, "s", null, true]}"#);
        assert!(r.is_ok());
        assert!(s.root_is_object);
        assert_eq!(s.version.map(|v| v.to_string()), Some("1.0".into()));
        let (s, r) = scan("[1]");
        assert!(r.is_ok() && !s.root_is_object);
    }

    #[test]
    fn unknown_keys_are_walked_even_inside_known_objects() {
        let (s, r) = scan(
            r#"{"format_version":1,"budget":{"income":{"other":"1"},"x":{"y":[{"k":1,"k":2}]}}}"#,
        );
        assert!(r.is_err());
        assert_eq!(s.duplicate, Some(("budget.x.y[0]".into(), "k".into())));
    }

    #[test]
    fn an_array_where_an_object_belongs_is_caught() {
        let (s, r) = scan(r#"{"format_version":1,"key_tasks":[{}, []]}"#);
        assert!(r.is_err());
        assert_eq!(s.array_for_object.as_deref(), Some("key_tasks[1]"));
        let (s, r) = scan(r#"{"format_version":1,"indicators":[], "x": [[]]}"#);
        assert!(r.is_ok() && s.array_for_object.is_none());
    }

    #[test]
    fn trailing_text_is_a_syntax_error() {
        let (_, r) = scan(r#"{"a":1} x"#);
        assert!(r.unwrap_err().is_syntax());
    }
}
