//! Weights kept at 100% when one of them changes: the others scaled in proportion, exactly (as
//! fractions) and rounded once to two decimals, what the rounding leaves over given to the largest
//! of them (the first where they tie). A trainer who types 40 for the vote sees the rest follow at once, as the slider does.

use rust_decimal::Decimal;

use crate::{Ratio, RoundingMode};

/// `weights` with weight `fixed` kept and the others scaled in proportion so that all add up to
/// 100 exactly; `None` where there is nothing to balance (fewer than two weights, `fixed` not one
/// of them, or outside 0..=100). Where the others are all 0, the first of them takes the rest.
pub fn balanced(weights: &[Decimal], fixed: usize) -> Option<Vec<Decimal>> {
    let hundred = Decimal::ONE_HUNDRED;
    let &new = weights.get(fixed)?;
    if new < Decimal::ZERO || new > hundred || weights.len() < 2 {
        return None;
    }
    let target = hundred - new;
    let others: Decimal = weights
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != fixed)
        .map(|(_, w)| *w)
        .sum();
    // target ÷ others as an exact fraction: each share rounded once, half away from zero.
    let per = Ratio::from(others)
        .reciprocal()
        .and_then(|r| r.checked_mul(Ratio::from(target)));
    let mut scaled = Vec::with_capacity(weights.len());
    for (j, w) in weights.iter().enumerate() {
        scaled.push(if j == fixed {
            new
        } else if others.is_zero() {
            Decimal::ZERO
        } else {
            Ratio::from(*w)
                .checked_mul(per?)?
                .round(2, RoundingMode::HalfUp)?
        });
    }
    let left = target
        - scaled
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != fixed)
            .map(|(_, w)| *w)
            .sum::<Decimal>();
    let largest = (0..scaled.len()).filter(|j| *j != fixed).max_by(|a, b| {
        let (wa, wb) = (scaled.get(*a), scaled.get(*b));
        wa.cmp(&wb).then(b.cmp(a))
    })?;
    if let Some(w) = scaled.get_mut(largest) {
        *w += left;
    }
    Some(scaled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    fn all(v: &[&str]) -> Vec<Decimal> {
        v.iter().map(|s| dec(s)).collect()
    }

    #[test]
    fn the_others_follow_in_proportion_and_the_total_is_100() {
        // Scheme B, the vote typed as 40: 党委评定 and 自评 (50 : 20) share the other 60.
        // By hand: 60 × 50/70 = 42.857… → 42.86, 60 × 20/70 = 17.142… → 17.14; 42.86 + 17.14 = 60.
        assert_eq!(
            balanced(&all(&["50", "40", "20"]), 1),
            Some(all(&["42.86", "40", "17.14"]))
        );
        // Thirds that do not round to the total: the remainder goes to the largest (the first).
        // 100 − 1 = 99 over three equal weights: 33 each.
        assert_eq!(
            balanced(&all(&["1", "10", "10", "10"]), 0),
            Some(all(&["1", "33", "33", "33"]))
        );
        // 100 − 0 = 100 over three equal: 33.33 × 3 = 99.99, the first gets the 0.01.
        assert_eq!(
            balanced(&all(&["0", "1", "1", "1"]), 0),
            Some(all(&["0", "33.34", "33.33", "33.33"]))
        );
        // The others all 0: the first of them takes the rest.
        assert_eq!(
            balanced(&all(&["30", "0", "0"]), 0),
            Some(all(&["30", "70", "0"]))
        );
    }

    #[test]
    fn nothing_to_balance_is_none() {
        assert_eq!(balanced(&all(&["100"]), 0), None);
        assert_eq!(balanced(&all(&["50", "50"]), 2), None);
        assert_eq!(balanced(&all(&["120", "50"]), 0), None);
        assert_eq!(balanced(&all(&["-1", "50"]), 0), None);
    }
}
