//! Exact fixed-point arithmetic on `i64` for the hot path of evaluation.
//!
//! A [`Decimal`] is a mantissa and a scale; the scores people type (a few digits, a few
//! decimals) have mantissas that fit an `i64`, and their sums and products are exact in an `i64`
//! once aligned to a common scale — an order of magnitude cheaper than `Decimal`'s own 96-bit
//! arithmetic. Every operation is checked: on overflow it returns `None`, and the caller
//! takes the plain `Decimal` path, so the result is the same exact number either way.

use std::cmp::Ordering;

use rust_decimal::Decimal;

/// The largest scale kept in an `i64`.
const MAX_SCALE: u32 = 18;

/// 10ⁿ for n in 0..=18.
const POW10: [i64; 19] = [
    1,
    10,
    100,
    1000,
    10000,
    100000,
    1000000,
    10000000,
    100000000,
    1000000000,
    10000000000,
    100000000000,
    1000000000000,
    10000000000000,
    100000000000000,
    1000000000000000,
    10000000000000000,
    100000000000000000,
    1000000000000000000,
];

/// An exact decimal as `mantissa × 10^-scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fx {
    m: i64,
    s: u32,
}

impl Fx {
    pub(crate) const ZERO: Fx = Fx { m: 0, s: 0 };

    /// `None` if the mantissa does not fit an `i64` or the scale is above 18.
    pub(crate) fn of(d: Decimal) -> Option<Fx> {
        let s = d.scale();
        if s > MAX_SCALE {
            return None;
        }
        Some(Fx {
            m: i64::try_from(d.mantissa()).ok()?,
            s,
        })
    }

    fn at(self, scale: u32) -> Option<i64> {
        if scale == self.s {
            return Some(self.m);
        }
        let up = scale.checked_sub(self.s)?;
        self.m.checked_mul(*POW10.get(usize::try_from(up).ok()?)?)
    }

    pub(crate) fn is_negative(self) -> bool {
        self.m < 0
    }

    pub(crate) fn add(self, other: Fx) -> Option<Fx> {
        let s = self.s.max(other.s);
        Some(Fx {
            m: self.at(s)?.checked_add(other.at(s)?)?,
            s,
        })
    }

    pub(crate) fn sub(self, other: Fx) -> Option<Fx> {
        let s = self.s.max(other.s);
        Some(Fx {
            m: self.at(s)?.checked_sub(other.at(s)?)?,
            s,
        })
    }

    /// `self × other ÷ 10^shift`, exactly (the division only raises the scale).
    #[allow(dead_code)] // kept for the columnar path
    pub(crate) fn mul_shift(self, other: Fx, shift: u32) -> Option<Fx> {
        let s = self.s.checked_add(other.s)?.checked_add(shift)?;
        if s > MAX_SCALE {
            return None;
        }
        Some(Fx {
            m: self.m.checked_mul(other.m)?,
            s,
        })
    }

    pub(crate) fn cmp(self, other: Fx) -> Option<Ordering> {
        let s = self.s.max(other.s);
        Some(self.at(s)?.cmp(&other.at(s)?))
    }

    pub(crate) fn to_decimal(self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(i128::from(self.m), self.s).ok()
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn fx(s: &str) -> Fx {
        Fx::of(Decimal::from_str(s).unwrap()).unwrap()
    }

    #[test]
    fn exact_like_decimal() {
        assert_eq!(
            fx("0.1")
                .add(fx("0.2"))
                .unwrap()
                .to_decimal()
                .unwrap()
                .to_string(),
            "0.3"
        );
        assert_eq!(
            fx("15")
                .sub(fx("2.5"))
                .unwrap()
                .to_decimal()
                .unwrap()
                .to_string(),
            "12.5"
        );
        // 30% of 80.6 = 24.18, with the ÷100 as a scale shift.
        assert_eq!(
            fx("30")
                .mul_shift(fx("80.6"), 2)
                .unwrap()
                .to_decimal()
                .unwrap()
                .normalize()
                .to_string(),
            "24.18"
        );
        assert_eq!(fx("14.5").cmp(fx("15")), Some(Ordering::Less));
    }

    #[test]
    fn overflow_is_none_not_wrong() {
        assert_eq!(Fx::of(Decimal::MAX), None);
        assert_eq!(Fx::of(Decimal::new(1, 20)), None);
        let big = fx("9223372036854775807");
        assert_eq!(big.mul_shift(big, 0), None);
        assert_eq!(fx("0.000000000000000001").add(big), None);
    }
}
