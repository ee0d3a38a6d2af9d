//! Reading a declaration in one pass over the file.
//!
//! serde's derived structs would skip unknown keys without looking (so a
//! repeated unknown key would pass) and would read `[…]` positionally where
//! the format has an object. Instead, each object of the form lists its
//! fields once ([`form_object!`]) and one loop ([`read_object`]) reads them:
//! it refuses a key given twice, known or not, walks unknown values checking
//! their keys too, and accepts only objects. When this pass fails,
//! [`super::parse`] runs the slower explaining pass to say where and why.

use super::keys::{Key, KeySet, accept_any_scalar};
use crate::model::{
    Amount, Budget, ByLevel, Declaration, Department, Development, Expenditure, Income, Indicator,
    KeyTask, TargetColumns,
};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// An object of the form: sets one of its fields from the map's next value.
pub trait FormObject: Default {
    /// Reads the value of `key` if it is a field; `false` if it is not.
    fn read_field<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;
}

/// The error a repeated key stops the pass with; the explaining pass names it.
const REPEATED_KEY: &str = "a key is given twice";

/// Reads every entry of an object: `field` takes the keys it knows; other
/// values are walked for repeated keys and dropped.
fn read_object<'de, A, F>(mut map: A, mut field: F) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    F: FnMut(&str, &mut A) -> Result<bool, A::Error>,
{
    let mut seen = KeySet::default();
    while let Some(key) = map.next_key::<Key<'de>>()? {
        if !seen.insert(key.clone()) {
            return Err(de::Error::custom(REPEATED_KEY));
        }
        if !field(&key.0, &mut map)? {
            map.next_value_seed(Unknown)?;
        }
    }
    Ok(())
}

/// A value the format does not define: kept out of validation, but a key
/// repeated inside it still makes the file invalid.
struct Unknown;

impl<'de> DeserializeSeed<'de> for Unknown {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unknown {
    type Value = ();
    accept_any_scalar!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Unknown)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        read_object(map, |_, _| Ok(false))
    }
}

/// An object of the form (never an array).
struct Obj<T>(T);

impl<'de, T: FormObject> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: FormObject> Visitor<'de> for V<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Obj<T>, A::Error> {
                let mut out = T::default();
                read_object(map, |key, map| out.read_field(key, map))?;
                Ok(Obj(out))
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// An object, or `null` for an empty one.
struct ObjOrNull<T>(T);

impl<'de, T: FormObject> Deserialize<'de> for ObjOrNull<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(ObjOrNull(
            Option::<Obj<T>>::deserialize(d)?
                .map(|o| o.0)
                .unwrap_or_default(),
        ))
    }
}

/// An array of at most `MAX` objects, or `null` for none. The bound is
/// held while reading: a file of a million `{}` rows stops at row `MAX + 1`.
struct ListOrNull<T, const MAX: usize>(Vec<T>);

impl<'de, T: FormObject, const MAX: usize> Deserialize<'de> for ListOrNull<T, MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T, const MAX: usize>(PhantomData<T>);
        impl<'de, T: FormObject, const MAX: usize> Visitor<'de> for V<T, MAX> {
            type Value = ListOrNull<T, MAX>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(ListOrNull(Vec::new()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(ListOrNull(Vec::new()))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_seq(self)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut rows = Vec::new();
                while let Some(Obj(row)) = seq.next_element::<Obj<T>>()? {
                    if rows.len() == MAX {
                        return Err(de::Error::custom(super::bounds::too_many_message(MAX)));
                    }
                    rows.push(row);
                }
                Ok(ListOrNull(rows))
            }
        }
        d.deserialize_option(V::<T, MAX>(PhantomData))
    }
}

/// An amount box (see [`crate::amount`]).
struct AmountBox(Amount);

impl<'de> Deserialize<'de> for AmountBox {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::amount::deserialize(d).map(AmountBox)
    }
}

/// `target_columns`: the integer 1 or 2 (absent means 2).
struct Columns(TargetColumns);

impl<'de> Deserialize<'de> for Columns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match u64::deserialize(d)? {
            1 => Ok(Columns(TargetColumns::One)),
            2 => Ok(Columns(TargetColumns::Two)),
            n => Err(de::Error::invalid_value(
                de::Unexpected::Unsigned(n),
                &"1 or 2",
            )),
        }
    }
}

/// A field read as its own type.
struct Plain<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Plain<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Plain)
    }
}

/// Lists an object's fields once: `"key" => field: How`, where `How` is one
/// of the wrappers above, read and unwrapped into the field.
macro_rules! form_object {
    ($ty:ty { $($key:literal => $field:ident : $how:ty),* $(,)? }) => {
        impl FormObject for $ty {
            fn read_field<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
                match key {
                    $($key => self.$field = map.next_value::<$how>()?.0,)*
                    _ => return Ok(false),
                }
                Ok(true)
            }
        }
    };
}

form_object!(Declaration {
    "fiscal_year" => fiscal_year: Plain<_>,
    "region" => region: Plain<_>,
    "department" => department: ObjOrNull<_>,
    "budget" => budget: ObjOrNull<_>,
    "overall_goal" => overall_goal: Plain<_>,
    "key_tasks" => key_tasks: ListOrNull<_, { super::bounds::MAX_TASKS }>,
    "indicators" => indicators: ListOrNull<_, { super::bounds::MAX_INDICATORS }>,
    "target_columns" => target_columns: Columns,
    "other_tasks" => other_tasks: Plain<_>,
});
form_object!(Department {
    "name" => name: Plain<_>,
    "code" => code: Plain<_>,
    "staff_count" => staff_count: Plain<_>,
    "subordinate_units" => subordinate_units: Plain<_>,
});
form_object!(Budget {
    "expenditure" => expenditure: ObjOrNull<_>,
    "development" => development: ObjOrNull<_>,
    "income" => income: ObjOrNull<_>,
    "by_level" => by_level: ObjOrNull<_>,
});
form_object!(Expenditure { "basic" => basic: AmountBox, "project" => project: AmountBox });
form_object!(Development { "special_fund" => special_fund: AmountBox, "other" => other: AmountBox });
form_object!(Income { "fiscal_appropriation" => fiscal_appropriation: AmountBox, "other" => other: AmountBox });
form_object!(ByLevel {
    "own_use" => own_use: AmountBox,
    "transfer_to_lower" => transfer_to_lower: AmountBox,
    "own_use_label" => own_use_label: Plain<_>,
});
form_object!(KeyTask {
    "name" => name: Plain<_>,
    "content" => content: Plain<_>,
    "funds" => funds: AmountBox,
    "expected_outcome" => expected_outcome: Plain<_>,
});
form_object!(Indicator {
    "level1" => level1: Plain<_>,
    "level2" => level2: Plain<_>,
    "name" => name: Plain<_>,
    "period_target" => period_target: Plain<_>,
    "annual_target" => annual_target: Plain<_>,
});

/// The whole file: the declaration and the version it claims.
pub struct Document {
    pub version: Option<serde_json::Value>,
    pub declaration: Declaration,
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Document;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Document, A::Error> {
                let mut doc = Document {
                    version: None,
                    declaration: Declaration::default(),
                };
                read_object(map, |key, map| {
                    if key == "format_version" {
                        doc.version = Some(map.next_value()?);
                        return Ok(true);
                    }
                    doc.declaration.read_field(key, map)
                })?;
                Ok(doc)
            }
        }
        d.deserialize_map(V)
    }
}
