//! Tiers (等次) decided from the composite score (domain.md readings 1 and 3).
//!
//! A scheme lists its tiers from the best to the lowest, each but the lowest with an inclusive
//! lower bound: "85分至94分为好" is read as 85 ≤ score < 95, so no score falls into a gap between
//! 94 and 95. The tier is decided on the composite *after* rounding: under the Guizhou scheme
//! 94.996 rounds to 95.00 and is 很好, 94.994 rounds to 94.99 and is 好.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::ratio::Ratio;
use crate::rounding::Rounding;
use crate::text::Text;

/// One tier of a scheme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// The tier's name (好, 较好, …).
    pub name: Text,
    /// The inclusive lower bound of the rounded composite; `None` for the lowest tier only.
    #[serde(with = "crate::serde_dec::option", default)]
    pub min: Option<Decimal>,
    /// The stars an organization of this tier gets (before the star cap).
    #[serde(default, skip_serializing_if = "TierStars::is_none")]
    pub stars: TierStars,
    /// The follow-up goal for this tier's organizations (巩固提高, 比学赶超, 转化整治).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub follow_up: Text,
}

/// The stars a tier gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TierStars {
    /// The scheme gives no stars for this tier (or no stars at all).
    #[default]
    None,
    /// Always this many stars (较好 → 三星; 较差 → 0, 不定星).
    Fixed(u8),
    /// `above` stars at `at` points and above, `below` under it (domain.md reading 7: 一般 →
    /// 二星 at 70 and above, 一星 below).
    Split {
        /// The split score, compared with the rounded composite.
        #[serde(with = "crate::serde_dec")]
        at: Decimal,
        /// Stars at or above the split.
        above: u8,
        /// Stars below it.
        below: u8,
    },
}

impl TierStars {
    fn is_none(&self) -> bool {
        *self == TierStars::None
    }

    /// The stars for a rounded composite `score` in this tier.
    pub fn for_score(&self, score: Decimal) -> Option<u8> {
        match *self {
            TierStars::None => None,
            TierStars::Fixed(n) => Some(n),
            TierStars::Split { at, above, below } => Some(if score >= at { above } else { below }),
        }
    }

    /// Every number of stars this tier can give.
    pub fn possible(&self) -> Vec<u8> {
        match *self {
            TierStars::None => Vec::new(),
            TierStars::Fixed(n) => vec![n],
            TierStars::Split { above, below, .. } => vec![above, below],
        }
    }
}

/// Checks that every tier but the last has a threshold, the last has none, and the thresholds
/// strictly descend.
pub fn validate(tiers: &[Tier]) -> Result<(), Error> {
    let Some((last, above)) = tiers.split_last() else {
        return Err(Error::NoTiers);
    };
    if last.min.is_some() {
        return Err(Error::ThresholdMissing {
            tier: last.name.zh.clone(),
        });
    }
    let mut previous: Option<Decimal> = None;
    for tier in above {
        let Some(min) = tier.min else {
            return Err(Error::ThresholdMissing {
                tier: tier.name.zh.clone(),
            });
        };
        if let Some(previous) = previous
            && min >= previous
        {
            return Err(Error::ThresholdsNotDescending {
                tier: tier.name.zh.clone(),
                value: min,
                previous,
            });
        }
        previous = Some(min);
    }
    Ok(())
}

/// The tier a composite score falls in, and the numbers that decided it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TierDecision {
    /// The composite as computed, before rounding.
    pub exact: Ratio,
    /// The composite after the scheme's rounding: the number shown and compared.
    #[serde(with = "crate::serde_dec")]
    pub rounded: Decimal,
    /// Index of the tier in the scheme's list (0 is the best).
    pub tier: usize,
    /// The tier's inclusive lower bound (`None` for the lowest tier).
    #[serde(with = "crate::serde_dec::option")]
    pub lower: Option<Decimal>,
    /// The next tier's lower bound, which the score stays below (`None` for the best tier).
    #[serde(with = "crate::serde_dec::option")]
    pub upper: Option<Decimal>,
}

/// Decides the tier of `exact` under `tiers` (validated) after `rounding`.
pub fn decide(tiers: &[Tier], rounding: &Rounding, exact: Ratio) -> TierDecision {
    // Past any real score the exact rounding cannot fit a Decimal; evaluation refuses such a
    // composite before it is decided, and a caller's own value is rounded as the nearest decimal.
    let rounded = rounding
        .apply_exact(exact)
        .unwrap_or_else(|| rounding.apply(exact.approx()));
    decide_rounded(tiers, exact, rounded)
}

/// [`decide`] for a composite already rounded.
pub fn decide_rounded(tiers: &[Tier], exact: Ratio, rounded: Decimal) -> TierDecision {
    let tier = tiers
        .iter()
        .position(|t| t.min.is_none_or(|min| rounded >= min))
        .unwrap_or(tiers.len().saturating_sub(1));
    let lower = tiers.get(tier).and_then(|t| t.min);
    let upper = tier
        .checked_sub(1)
        .and_then(|above| tiers.get(above))
        .and_then(|t| t.min);
    TierDecision {
        exact,
        rounded,
        tier,
        lower,
        upper,
    }
}

impl TierDecision {
    /// The comparison that decided the tier: "80 ≤ 89.18 < 90", "95.00 ≥ 95", "59.99 < 60".
    pub fn comparison(&self) -> String {
        let score = self.rounded;
        match (self.lower, self.upper) {
            (Some(lower), Some(upper)) => format!("{lower} ≤ {score} < {upper}"),
            (Some(lower), None) => format!("{score} ≥ {lower}"),
            (None, Some(upper)) => format!("{score} < {upper}"),
            (None, None) => score.to_string(),
        }
    }
}
