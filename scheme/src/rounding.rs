//! Rounding of the composite score (domain.md reading 3).
//!
//! The composite is rounded once, and the rounded value is what decides the tier, what is shown and
//! what is exported. The default is 四舍五入 (half away from zero) to two decimals: 89.175 → 89.18,
//! 94.995 → 95.00.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::text::Lang;

/// How a value exactly half-way between two roundings is rounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// 四舍五入: half away from zero (2.345 → 2.35).
    #[default]
    HalfUp,
    /// 银行家舍入: half to even (2.345 → 2.34, 2.355 → 2.36).
    HalfEven,
    /// 截尾: drop the extra digits (2.349 → 2.34).
    Truncate,
}

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Truncate => RoundingStrategy::ToZero,
        }
    }

    /// The mode's name as users know it.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RoundingMode::HalfUp, Lang::Zh) => "四舍五入",
            (RoundingMode::HalfEven, Lang::Zh) => "银行家舍入（四舍六入五成双）",
            (RoundingMode::Truncate, Lang::Zh) => "截尾（直接舍去）",
            (RoundingMode::HalfUp, Lang::En) => "rounded half up",
            (RoundingMode::HalfEven, Lang::En) => "rounded half to even",
            (RoundingMode::Truncate, Lang::En) => "truncated",
        }
    }
}

/// The rounding of a scheme's composite score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Decimals kept, 0 to [`Rounding::MAX_DECIMALS`].
    pub decimals: u32,
    /// How the last kept digit is decided.
    #[serde(default)]
    pub mode: RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Self {
            decimals: 2,
            mode: RoundingMode::HalfUp,
        }
    }
}

impl Rounding {
    /// The most decimals a scheme may keep.
    pub const MAX_DECIMALS: u32 = 4;

    /// Checks that the number of decimals is supported.
    pub fn validate(&self) -> Result<(), Error> {
        if self.decimals > Self::MAX_DECIMALS {
            return Err(Error::RoundingDecimals {
                decimals: self.decimals,
            });
        }
        Ok(())
    }

    /// `value` rounded, always written with exactly `decimals` decimals (89.1 → 89.10).
    pub fn apply(&self, value: Decimal) -> Decimal {
        let decimals = self.decimals.min(Self::MAX_DECIMALS);
        let mut rounded = value.round_dp_with_strategy(decimals, self.mode.strategy());
        rounded.rescale(decimals);
        rounded
    }

    /// The exact `value` rounded, decided on the whole fraction (69.995 exactly → 70.00, where a
    /// decimal cut to 69.99499… would give 69.99). `None` if the result does not fit a
    /// [`Decimal`], a bound no score reaches.
    pub fn apply_exact(&self, value: crate::Ratio) -> Option<Decimal> {
        value.round(self.decimals.min(Self::MAX_DECIMALS), self.mode)
    }

    /// What the rounding does, in words: `四舍五入到两位小数`.
    pub fn describe(&self, lang: Lang) -> String {
        const ZH_DIGITS: [&str; 5] = ["零", "一", "两", "三", "四"];
        match lang {
            Lang::Zh => {
                if self.decimals == 0 {
                    format!("{}到整数", self.mode.name(lang))
                } else {
                    let n = ZH_DIGITS
                        .get(self.decimals as usize)
                        .copied()
                        .unwrap_or("四");
                    format!("{}到{}位小数", self.mode.name(lang), n)
                }
            }
            Lang::En => match self.decimals {
                0 => format!("{} to a whole number", self.mode.name(lang)),
                1 => format!("{} to 1 decimal", self.mode.name(lang)),
                n => format!("{} to {n} decimals", self.mode.name(lang)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn round(mode: RoundingMode, decimals: u32, value: &str) -> String {
        Rounding { decimals, mode }.apply(dec(value)).to_string()
    }

    #[test]
    fn half_up_is_the_default_and_pads_zeros() {
        assert_eq!(
            Rounding::default().apply(dec("89.175")).to_string(),
            "89.18"
        );
        assert_eq!(
            Rounding::default().apply(dec("94.995")).to_string(),
            "95.00"
        );
        assert_eq!(
            Rounding::default().apply(dec("94.994")).to_string(),
            "94.99"
        );
        assert_eq!(Rounding::default().apply(dec("89.1")).to_string(), "89.10");
        assert_eq!(Rounding::default().apply(dec("90")).to_string(), "90.00");
    }

    #[test]
    fn modes_differ_only_where_they_should() {
        assert_eq!(round(RoundingMode::HalfUp, 2, "2.345"), "2.35");
        assert_eq!(round(RoundingMode::HalfEven, 2, "2.345"), "2.34");
        assert_eq!(round(RoundingMode::HalfEven, 2, "2.355"), "2.36");
        assert_eq!(round(RoundingMode::Truncate, 2, "2.349"), "2.34");
        assert_eq!(round(RoundingMode::HalfUp, 0, "89.5"), "90");
        assert_eq!(round(RoundingMode::HalfEven, 0, "88.5"), "88");
        assert_eq!(round(RoundingMode::Truncate, 1, "59.99"), "59.9");
    }

    #[test]
    fn described_in_words() {
        assert_eq!(Rounding::default().describe(Lang::Zh), "四舍五入到两位小数");
        assert_eq!(
            Rounding {
                decimals: 0,
                mode: RoundingMode::HalfUp
            }
            .describe(Lang::Zh),
            "四舍五入到整数"
        );
        assert_eq!(
            Rounding::default().describe(Lang::En),
            "rounded half up to 2 decimals"
        );
    }

    #[test]
    fn too_many_decimals_is_rejected() {
        let r = Rounding {
            decimals: 5,
            mode: RoundingMode::HalfUp,
        };
        assert_eq!(r.validate(), Err(Error::RoundingDecimals { decimals: 5 }));
    }
}
