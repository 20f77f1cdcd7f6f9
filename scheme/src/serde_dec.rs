//! Decimals in files are written as strings (`"89.5"`) so that no reader turns them into binary
//! floats on the way. Whole numbers may also be written bare (`90`); a bare fraction (`89.5`) is
//! refused with a message that says how to write it.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number written as a string, such as \"89.5\"")
    }

    /// The same reader as the page's fields ([`crate::number::parse_decimal`]): `"9_2"` and a
    /// decimal with more digits than a [`Decimal`] holds are errors, never read or rounded.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        crate::number::parse_decimal(v, "")
            .map_err(|_| E::custom(format_args!("“{v}” 不是数字 (not a number)")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(E::custom(format_args!(
            "小数请写成带引号的字符串，如 \"{v}\" (write fractions as strings)"
        )))
    }
}

/// Serializes a decimal as its exact string.
pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// Deserializes a decimal from a string or a whole number.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecimalVisitor)
}

/// The same for an optional decimal (`null` or absent is `None`).
pub mod option {
    use super::*;

    /// Serializes `Some` as the exact string and `None` as `null`.
    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.collect_str(v),
            None => s.serialize_none(),
        }
    }

    /// Deserializes `null` as `None`, anything else as a decimal.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        struct OptionVisitor;
        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null or a decimal number written as a string")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
                super::deserialize(d).map(Some)
            }
        }
        d.deserialize_option(OptionVisitor)
    }
}
