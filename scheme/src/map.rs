//! Small maps kept as vectors of `(key, value)` pairs, in the order given: a scheme's sources and
//! indicators number a handful, so a scan beats a tree, and one generic `Vec` costs the page's
//! wasm far less than a `BTreeMap` per key and value type. In files they are JSON objects.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A small map.
pub type Pairs<V> = Vec<(String, V)>;

/// The value of `key`.
pub fn get<'a, V>(pairs: &'a [(String, V)], key: &str) -> Option<&'a V> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// The value of `key`, inserted as the default at the end if it is missing.
#[allow(clippy::indexing_slicing)] // `at` was just found or pushed
pub fn entry<'a, V: Default>(pairs: &'a mut Pairs<V>, key: &str) -> &'a mut V {
    let at = match pairs.iter().position(|(k, _)| k == key) {
        Some(at) => at,
        None => {
            pairs.push((key.to_owned(), V::default()));
            pairs.len() - 1
        }
    };
    // `at` is in range: found, or just pushed.
    &mut pairs[at].1
}

/// Sets the value of `key`, in place if it is there, at the end if not.
pub fn insert<V>(pairs: &mut Pairs<V>, key: &str, value: V) {
    match pairs.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => pairs.push((key.to_owned(), value)),
    }
}

/// The first key given more than once, if any.
pub fn first_duplicate<V>(pairs: &[(String, V)]) -> Option<&str> {
    pairs
        .iter()
        .enumerate()
        .find(|(i, (k, _))| pairs.iter().take(*i).any(|(seen, _)| seen == k))
        .map(|(_, (k, _))| k.as_str())
}

/// Serde for a small map as a JSON object, keeping the order of its keys.
pub mod as_object {
    use super::*;

    /// Writes the pairs as an object.
    pub fn serialize<S: Serializer, V: Serialize>(
        pairs: &[(String, V)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(pairs.len()))?;
        for (k, v) in pairs {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }

    /// Reads an object into pairs; a key given twice is an error (the Rust API refuses it too).
    pub fn deserialize<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
        d: D,
    ) -> Result<Pairs<V>, D::Error> {
        struct PairsVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for PairsVisitor<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some((k, v)) = access.next_entry::<String, V>()? {
                    if get(&pairs, &k).is_some() {
                        return Err(serde::de::Error::custom(format_args!(
                            "编号「{k}」重复 (duplicate key)"
                        )));
                    }
                    pairs.push((k, v));
                }
                Ok(pairs)
            }
        }
        d.deserialize_map(PairsVisitor(PhantomData))
    }
}

/// The same for values that are decimals written as strings.
pub mod decimals {
    use rust_decimal::Decimal;

    use super::*;

    struct Dec(Decimal);

    impl Serialize for Dec {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            crate::serde_dec::serialize(&self.0, s)
        }
    }

    impl<'de> Deserialize<'de> for Dec {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            crate::serde_dec::deserialize(d).map(Dec)
        }
    }

    /// Writes the pairs as an object of decimal strings.
    pub fn serialize<S: Serializer>(pairs: &[(String, Decimal)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(pairs.len()))?;
        for (k, v) in pairs {
            map.serialize_entry(k, &Dec(*v))?;
        }
        map.end()
    }

    /// Reads an object of decimals.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Pairs<Decimal>, D::Error> {
        let pairs: Pairs<Dec> = as_object::deserialize(d)?;
        Ok(pairs.into_iter().map(|(k, Dec(v))| (k, v)).collect())
    }
}
