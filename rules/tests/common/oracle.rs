//! The differential oracle's grading of one organization: unbounded exact rationals
//! (`num-rational`), straight from the documents' formulas and domain.md readings 1, 2, 3 and 7,
//! written apart from the engine. `tests/oracle.rs` checks the engine against it at the
//! boundaries; `tests/no_panic.rs` and `tests/goal.rs` confirm what they check with it rather
//! than with the engine itself.

use dingji_rules::scheme::{Scoring, SourceKind};
use dingji_rules::tier::TierStars;
use dingji_rules::{Decimal, Org, RoundingMode, Scheme, SourceInput};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

pub fn q(d: Decimal) -> BigRational {
    BigRational::new(BigInt::from(d.mantissa()), BigInt::from(10).pow(d.scale()))
}

pub fn pow10(n: u32) -> BigRational {
    BigRational::from_integer(BigInt::from(10).pow(n))
}

/// What the oracle says of one organization.
#[derive(Debug, PartialEq)]
pub struct Grade {
    pub rounded: BigRational,
    pub tier: usize,
    pub stars: Option<u8>,
}

/// One source's score, straight from the documents' formulas.
pub fn source_score(
    scheme: &Scheme,
    category: &str,
    index: usize,
    input: &SourceInput,
) -> BigRational {
    let source = &scheme.sources[index];
    match (input, &source.input) {
        (SourceInput::Score(s), _) => q(*s),
        (SourceInput::Votes(v), SourceKind::Vote(scale)) => {
            // Σ points × count over the valid levels ÷ valid ballots.
            let mut points = BigRational::zero();
            let mut valid = BigInt::zero();
            for (level, count) in scale.levels.iter().zip(&v.counts) {
                if level.valid {
                    points += q(level.points) * BigRational::from_integer(BigInt::from(*count));
                    valid += BigInt::from(*count);
                }
            }
            points / BigRational::from_integer(valid)
        }
        (SourceInput::Indicators(entries), SourceKind::Indicators) => {
            let mut base = BigRational::zero();
            let mut bonus = BigRational::zero();
            for indicator in scheme.indicators_for(category) {
                let entry = q(entries
                    .iter()
                    .find(|(id, _)| *id == indicator.id)
                    .unwrap()
                    .1);
                let max = q(indicator.max);
                let points = match indicator.scoring {
                    Scoring::Add => entry,
                    // 扣完为止: never below zero.
                    Scoring::Deduct => {
                        let left = max - entry;
                        if left.is_negative() {
                            BigRational::zero()
                        } else {
                            left
                        }
                    }
                };
                if indicator.bonus {
                    bonus += points;
                } else {
                    base += points;
                }
            }
            if let Some(cap) = scheme.bonus_cap
                && bonus > q(cap)
            {
                bonus = q(cap);
            }
            base + bonus
        }
        _ => panic!("generated input of the wrong form"),
    }
}

pub fn composite(scheme: &Scheme, org: &Org) -> BigRational {
    let category = if org.category.is_empty() {
        scheme.categories[0].id.as_str()
    } else {
        org.category.as_str()
    };
    let mut sum = BigRational::zero();
    for (i, source) in scheme.sources.iter().enumerate() {
        let input = &org
            .inputs
            .iter()
            .find(|(id, _)| *id == source.id)
            .unwrap()
            .1;
        sum += q(source.weight) * source_score(scheme, category, i, input) / pow10(2);
    }
    sum
}

/// Rounding by its definition: the digits kept, and what is left compared with one half.
pub fn round(x: &BigRational, decimals: u32, mode: RoundingMode) -> BigRational {
    let scaled = x * pow10(decimals);
    let floor = scaled.floor();
    let rest = &scaled - &floor;
    let half = BigRational::new(BigInt::one(), BigInt::from(2));
    let odd = (floor.to_integer() % BigInt::from(2)) != BigInt::zero();
    let up = match mode {
        RoundingMode::Truncate => false,
        RoundingMode::HalfUp => rest >= half,
        RoundingMode::HalfEven => rest > half || (rest == half && odd),
    };
    let kept = if up {
        floor + BigRational::one()
    } else {
        floor
    };
    kept / pow10(decimals)
}

pub fn grade(scheme: &Scheme, org: &Org) -> Grade {
    let exact = composite(scheme, org);
    let rounded = round(&exact, scheme.rounding.decimals, scheme.rounding.mode);
    let tier = scheme
        .tiers
        .iter()
        .position(|t| t.min.is_none_or(|min| rounded >= q(min)))
        .unwrap_or(scheme.tiers.len() - 1);
    let stars = scheme
        .stars
        .as_ref()
        .and_then(|_| match scheme.tiers[tier].stars {
            TierStars::None => None,
            TierStars::Fixed(n) => Some(n),
            TierStars::Split { at, above, below } => {
                Some(if rounded >= q(at) { above } else { below })
            }
        });
    Grade {
        rounded,
        tier,
        stars,
    }
}
