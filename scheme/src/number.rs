//! Parsing numbers typed by people (domain.md reading 2: exact decimals, never binary floats).
//!
//! Committee staff type scores into a browser or paste them from Excel or WPS, often with a
//! Chinese input method switched on. So the parser accepts full-width digits and the full-width
//! point (`８９．５`), surrounding blanks and a trailing `分`, and nothing else: no exponent, no
//! thousands separator, no `NaN`.

use rust_decimal::Decimal;

use crate::error::Error;

/// Parses `text` as an exact decimal number. `field` names the field in the error.
pub fn parse_decimal(text: &str, field: &str) -> Result<Decimal, Error> {
    let trimmed = text.trim().trim_end_matches('分').trim();
    // Full-width digits and signs as their ASCII forms; text already ASCII is read as it is.
    let normalized: std::borrow::Cow<str> = match trimmed.is_ascii() {
        true => trimmed.into(),
        false => trimmed
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' => '.',
                '－' | '−' => '-',
                '＋' => '+',
                other => other,
            })
            .collect::<String>()
            .into(),
    };
    if normalized.is_empty() {
        return Err(Error::Empty {
            field: field.to_owned(),
        });
    }
    let not_a_number = || Error::NotANumber {
        field: field.to_owned(),
        text: crate::text::excerpt(text.trim()),
    };
    let digits = normalized.strip_prefix(['+', '-']).unwrap_or(&normalized);
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(not_a_number());
    }
    // Digits and at most one point, checked above: the mantissa and scale are read directly
    // (rust_decimal's own reader also takes exponents, which cost the page's wasm).
    let negative = normalized.starts_with('-');
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let scale = u32::try_from(fraction.len()).map_err(|_| not_a_number())?;
    let mut mantissa: i128 = 0;
    for c in whole.chars().chain(fraction.chars()) {
        let digit = i128::from(c.to_digit(10).ok_or_else(not_a_number)?);
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(digit))
            .ok_or_else(not_a_number)?;
    }
    if negative {
        mantissa = -mantissa;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| not_a_number())
}

/// `a + b`, or `None` where the sum could leave `Decimal`'s range (a mantissa of either beyond
/// half of it: no score is near). Out of line, and through the same addition the pages use (`+=`), so
/// that the page's wasm carries one copy of it rather than three (about 1.8 KB each).
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    // |value| ≤ |mantissa| < 2⁹⁵ for both: the sum stays below 2⁹⁶.
    const HALF: u128 = 1 << 95;
    if a.mantissa().unsigned_abs() >= HALF || b.mantissa().unsigned_abs() >= HALF {
        return None;
    }
    let mut sum = a;
    sum += b;
    Some(sum)
}

/// Parses `text` and checks that it lies in `min..=max`.
pub fn parse_in_range(
    text: &str,
    field: &str,
    min: Decimal,
    max: Decimal,
) -> Result<Decimal, Error> {
    let value = parse_decimal(text, field)?;
    if value < min || value > max {
        return Err(Error::OutOfRange {
            field: field.to_owned(),
            value,
            min,
            max,
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_decimal("89.5", "x"), Ok(dec("89.5")));
        assert_eq!(parse_decimal(" 90 ", "x"), Ok(dec("90")));
        assert_eq!(parse_decimal("８９．５", "x"), Ok(dec("89.5")));
        assert_eq!(parse_decimal("92分", "x"), Ok(dec("92")));
        assert_eq!(parse_decimal(".5", "x"), Ok(dec("0.5")));
        assert_eq!(parse_decimal("-3", "x"), Ok(dec("-3")));
    }

    #[test]
    fn keeps_every_digit() {
        // 0.1 + 0.2 is 0.3 here, unlike in binary floating point.
        let sum = parse_decimal("0.1", "x").unwrap() + parse_decimal("0.2", "x").unwrap();
        assert_eq!(sum, dec("0.3"));
        assert_eq!(
            parse_decimal("94.9949999999", "x").unwrap().to_string(),
            "94.9949999999"
        );
    }

    #[test]
    fn rejects_what_is_not_a_plain_number() {
        for bad in [
            "abc", "1e2", "1,000", "NaN", "inf", "1.2.3", ".", "-", "89 5", "0x10",
        ] {
            assert_eq!(
                parse_decimal(bad, "综合评分"),
                Err(Error::NotANumber {
                    field: "综合评分".into(),
                    text: bad.into()
                }),
                "{bad}"
            );
        }
        assert_eq!(
            parse_decimal("  ", "自评"),
            Err(Error::Empty {
                field: "自评".into()
            })
        );
    }

    #[test]
    fn too_many_digits_is_an_error_not_a_panic() {
        let long = "9".repeat(40);
        assert!(matches!(
            parse_decimal(&long, "x"),
            Err(Error::NotANumber { .. })
        ));
    }

    #[test]
    fn range_is_checked_and_named() {
        let err = parse_in_range("101", "综合评分", dec("0"), dec("100")).unwrap_err();
        assert_eq!(err.to_string(), "「综合评分」应在 0 到 100 之间，现为 101");
        assert_eq!(
            parse_in_range("100", "综合评分", dec("0"), dec("100")),
            Ok(dec("100"))
        );
    }
}
