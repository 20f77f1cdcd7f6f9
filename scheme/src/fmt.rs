//! How numbers are written in explanations: exact wherever the value has an exact decimal
//! (`80.6`, `24.18`, `69.995`, however many digits), and marked `≈` with four decimals only where
//! a division does not end (`≈83.3333`). Values are [`Ratio`]s, so a number that ends is never
//! mistaken for one cut short.

use crate::ratio::Ratio;

/// Decimals shown of a number that does not end.
const SHOWN: u32 = 4;

/// A number as it is: its exact decimal with trailing zeros dropped, or `≈` and four decimals
/// if it has none.
pub fn num(value: impl Into<Ratio>) -> String {
    num_of(value.into())
}

fn num_of(value: Ratio) -> String {
    match value.to_decimal() {
        Some(exact) => exact.normalize().to_string(),
        None => format!("≈{}", value.approx().round_dp(SHOWN).normalize()),
    }
}

/// Whether [`num`] shows the number exactly.
pub fn is_exact(value: impl Into<Ratio>) -> bool {
    value.into().is_decimal()
}

/// A percentage: `50%`, `≈33.3333%`.
pub fn pct(value: impl Into<Ratio>) -> String {
    format!("{}%", num(value))
}

/// A fraction (0.6) written as a percentage (`60%`); one that does not end with two decimals
/// (`≈55.56%`).
pub fn rate(fraction: impl Into<Ratio>) -> String {
    let percent = fraction.into().times_hundred().unwrap_or_default();
    match percent.to_decimal() {
        Some(exact) => format!("{}%", exact.normalize()),
        None => format!("≈{}%", percent.approx().round_dp(2).normalize()),
    }
}

/// A score shown with the scheme's `decimals` (80.6 → "80.60"); one with more digits is rounded
/// half up for display and marked ≈ ("≈78.89").
pub fn fixed(value: impl Into<Ratio>, decimals: u32) -> String {
    let value = value.into();
    let rounding = crate::Rounding {
        decimals,
        mode: crate::RoundingMode::HalfUp,
    };
    // A value too large to round within a Decimal (none that the engine grades) is shown as it is.
    let Some(shown) = rounding.apply_exact(value) else {
        return format!("≈{}", value.approx().normalize());
    };
    let ends = value
        .to_decimal()
        .is_some_and(|d| d.normalize().scale() <= decimals);
    if ends {
        shown.to_string()
    } else {
        format!("≈{shown}")
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn exact_numbers_are_written_as_they_are() {
        assert_eq!(num(Decimal::from_str("24.180").unwrap()), "24.18");
        assert_eq!(num(Decimal::from_str("46.00").unwrap()), "46");
        assert_eq!(rate(Decimal::from_str("0.08").unwrap()), "8%");
    }

    #[test]
    fn endless_divisions_are_marked() {
        let third = Ratio::new(100, 3).unwrap();
        assert_eq!(num(third), "≈33.3333");
        assert!(!is_exact(third));
        assert_eq!(rate(Ratio::new(5, 9).unwrap()), "≈55.56%");
    }

    #[test]
    fn a_number_that_ends_is_never_marked() {
        // 69.995 has an exact decimal: it is written whole, never "≈69.995" or "≈70".
        assert_eq!(num(Ratio::new(13999, 200).unwrap()), "69.995");
        assert_eq!(num(Decimal::from_str("89.17625").unwrap()), "89.17625");
        assert!(is_exact(Ratio::new(1, 64).unwrap()));
        assert_eq!(rate(Ratio::new(1, 3000).unwrap()), "≈0.03%");
    }
}
