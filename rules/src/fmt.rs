//! How numbers are written in explanations: exact where they are exact (`80.6`, `24.18`), and
//! marked `≈` with four decimals where an exact division does not end (`≈83.3333`).

use rust_decimal::Decimal;

/// Decimals shown of a number that does not end.
const SHOWN: u32 = 4;

/// A number as it is: trailing zeros dropped, `≈` and four decimals if it has more.
pub fn num(value: Decimal) -> String {
    let n = value.normalize();
    if n.scale() > SHOWN {
        format!("≈{}", n.round_dp(SHOWN).normalize())
    } else {
        n.to_string()
    }
}

/// Whether [`num`] shows the number exactly.
pub fn is_exact(value: Decimal) -> bool {
    value.normalize().scale() <= SHOWN
}

/// A percentage: `50%`, `≈33.3333%`.
pub fn pct(value: Decimal) -> String {
    format!("{}%", num(value))
}

/// A fraction (0.6) written as a percentage (`60%`); one that does not end with two decimals
/// (`≈55.56%`).
pub fn rate(fraction: Decimal) -> String {
    let percent = (fraction * Decimal::ONE_HUNDRED).normalize();
    if is_exact(percent) {
        format!("{percent}%")
    } else {
        format!("≈{}%", percent.round_dp(2).normalize())
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn exact_numbers_are_written_as_they_are() {
        assert_eq!(num(Decimal::from_str("24.180").unwrap()), "24.18");
        assert_eq!(num(Decimal::from_str("46.00").unwrap()), "46");
        assert_eq!(rate(Decimal::from_str("0.08").unwrap()), "8%");
    }

    #[test]
    fn endless_divisions_are_marked() {
        let third = Decimal::from(100) / Decimal::from(3);
        assert_eq!(num(third), "≈33.3333");
        assert!(!is_exact(third));
        assert_eq!(rate(Decimal::from(5) / Decimal::from(9)), "≈55.56%");
    }
}
