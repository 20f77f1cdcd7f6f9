//! Exact rational numbers for the values a division makes (domain.md reading 2).
//!
//! A vote score is Σ points × count ÷ valid ballots: 2380 ÷ 30 = 79.333… has no end as a decimal,
//! and a decimal cut to 28 digits weighted by 30% gives 23.799…9 instead of 23.8. So a vote score,
//! a rate, a satisfaction and the composite built from them are [`Ratio`]s, reduced fractions of
//! two `i128`s; the composite is rounded once, exactly, by [`Ratio::round`], and shown as an exact
//! decimal wherever it has one ([`Ratio::to_decimal`]).
//!
//! Every operation that can overflow is checked and returns `None`; the caller turns that into an
//! [`crate::Error::TooLarge`] naming the field. The bounds checked where inputs are read (ballots
//! ≤ 10⁹, points ≤ 100, weights ≤ 100%) keep every real scheme, two vote sources included, far
//! inside `i128`. Rounding, comparison and conversion never overflow: they work digit by digit.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

/// The largest scale a [`Decimal`] holds.
const MAX_SCALE: u32 = 28;

/// The largest mantissa a [`Decimal`] holds (2⁹⁶ − 1).
const MAX_MANTISSA: u128 = (1 << 96) - 1;

/// An exact rational number `num / den`, reduced, with `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i128,
    den: i128,
}

impl Default for Ratio {
    fn default() -> Self {
        Self::ZERO
    }
}

/// The greatest common divisor, by Stein's binary method: shifts and subtractions only, as
/// 128-bit division is slow (in wasm above all). `gcd(0, b) = b`.
fn gcd(a: u128, b: u128) -> u128 {
    if a == 0 || b == 0 {
        return a | b;
    }
    let shift = (a | b).trailing_zeros();
    let (mut a, mut b) = (a >> a.trailing_zeros(), b);
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            (a, b) = (b, a);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// `a × b`, checked: one copy of the 128-bit overflow test (inlined at every call it costs the
/// page's wasm hundreds of bytes each).
#[inline(never)]
pub fn mul(a: i128, b: i128) -> Option<i128> {
    a.checked_mul(b)
}

/// `n / d` and `n % d` for `d > 0`: 64-bit division where both fit, binary long division
/// otherwise — so that no 128-bit division routine comes into the page's wasm (about 1.5 KB).
#[inline(never)]
pub fn div_rem(n: u128, d: u128) -> (u128, u128) {
    if d == 0 || d > n {
        return (0, n);
    }
    if let (Ok(n), Ok(d)) = (u64::try_from(n), u64::try_from(d)) {
        return (u128::from(n / d), u128::from(n % d));
    }
    let shift = d.leading_zeros() - n.leading_zeros();
    let mut d = d << shift;
    let (mut q, mut r) = (0u128, n);
    for _ in 0..=shift {
        q <<= 1;
        if r >= d {
            r -= d;
            q |= 1;
        }
        d >>= 1;
    }
    (q, r)
}

/// `a / b` for a `b` that divides `a` (signs as they come).
fn div_exact(a: i128, b: i128) -> i128 {
    let q = div_rem(a.unsigned_abs(), b.unsigned_abs()).0;
    // |a / b| ≤ |a| ≤ 2¹²⁷: it fits unless a is i128::MIN and b is ±1.
    let q = i128::try_from(q).unwrap_or(i128::MAX);
    if (a < 0) != (b < 0) { -q } else { q }
}

/// `10^n` for `n ≤ 38`.
fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// `num / den`, reduced; `None` if `den` is zero or a sign does not fit.
    pub fn new(num: i128, den: i128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        // g divides both, so g ≤ |den| ≤ 2¹²⁷ fits an i128 unless den is i128::MIN and g = 2¹²⁷.
        let g = i128::try_from(g).ok()?;
        let (mut num, mut den) = (div_exact(num, g), div_exact(den, g));
        if den < 0 {
            num = num.checked_neg()?;
            den = den.checked_neg()?;
        }
        Some(Ratio { num, den })
    }

    /// One over this value; `None` for zero.
    pub fn reciprocal(self) -> Option<Ratio> {
        Ratio::new(self.den, self.num)
    }

    /// A whole number.
    pub fn from_int(n: u64) -> Ratio {
        Ratio {
            num: i128::from(n),
            den: 1,
        }
    }

    /// The numerator (the sign is here).
    pub fn numer(self) -> i128 {
        self.num
    }

    /// The denominator, always positive.
    pub fn denom(self) -> i128 {
        self.den
    }

    /// Whether the value is below zero.
    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    /// `self + other`, exactly; `None` on overflow.
    #[inline(never)]
    pub fn checked_add(self, other: Ratio) -> Option<Ratio> {
        let g = i128::try_from(gcd(self.den.unsigned_abs(), other.den.unsigned_abs())).ok()?;
        let (a, b) = (div_exact(self.den, g), div_exact(other.den, g));
        let num = mul(self.num, b)?.checked_add(mul(other.num, a)?)?;
        Ratio::new(num, mul(self.den, b)?)
    }

    /// `self − other`, exactly; `None` on overflow.
    pub fn checked_sub(self, other: Ratio) -> Option<Ratio> {
        self.checked_add(Ratio {
            num: other.num.checked_neg()?,
            den: other.den,
        })
    }

    /// `self × other`, exactly; `None` on overflow.
    #[inline(never)]
    pub fn checked_mul(self, other: Ratio) -> Option<Ratio> {
        let g1 = i128::try_from(gcd(self.num.unsigned_abs(), other.den.unsigned_abs())).ok()?;
        let g2 = i128::try_from(gcd(other.num.unsigned_abs(), self.den.unsigned_abs())).ok()?;
        let (g1, g2) = (g1.max(1), g2.max(1));
        Ratio::new(
            mul(div_exact(self.num, g1), div_exact(other.num, g2))?,
            mul(div_exact(self.den, g2), div_exact(other.den, g1))?,
        )
    }

    /// `percent`% of `self`: `self × percent ÷ 100`, exactly.
    pub fn percent_of(self, percent: Decimal) -> Option<Ratio> {
        // (num × m) / (den × 10^s × 100), one reduction.
        let den = mul(mul(self.den, pow10(percent.scale())?)?, 100)?;
        Ratio::new(mul(self.num, percent.mantissa())?, den)
    }

    /// `self × 100` (a fraction as a percentage), exactly.
    pub fn times_hundred(self) -> Option<Ratio> {
        Ratio::new(mul(self.num, 100)?, self.den)
    }

    /// The integer part of |self| and the remainder of |num| by den.
    fn split(self) -> (u128, u128) {
        div_rem(self.num.unsigned_abs(), self.den.unsigned_abs())
    }

    /// The exact decimal, if the value has one that a [`Decimal`] holds (its denominator has no
    /// prime factor but 2 and 5, and it fits 28 decimals).
    #[inline(never)]
    pub fn to_decimal(self) -> Option<Decimal> {
        let twos = self.den.trailing_zeros();
        let mut rest = self.den.unsigned_abs() >> twos;
        let mut fives = 0u32;
        loop {
            let (q, r) = div_rem(rest, 5);
            if r != 0 {
                break;
            }
            rest = q;
            fives += 1;
        }
        if rest != 1 {
            return None;
        }
        let scale = twos.max(fives);
        if scale > MAX_SCALE {
            return None;
        }
        let factor = div_exact(pow10(scale)?, self.den);
        let mantissa = mul(self.num, factor)?;
        Decimal::try_from_i128_with_scale(mantissa, scale).ok()
    }

    /// Whether the value has an exact decimal ([`Ratio::to_decimal`] is `Some`).
    pub fn is_decimal(self) -> bool {
        self.to_decimal().is_some()
    }

    /// The value as a decimal: exact where it has one, otherwise cut after as many digits as a
    /// [`Decimal`] holds (for display beside a `≈`, never for a decision).
    #[inline(never)]
    pub fn approx(self) -> Decimal {
        if let Some(exact) = self.to_decimal() {
            return exact;
        }
        let d = self.den.unsigned_abs();
        let (mut mantissa, mut rem) = self.split();
        if mantissa > MAX_MANTISSA {
            return if self.is_negative() {
                Decimal::MIN
            } else {
                Decimal::MAX
            };
        }
        let mut scale = 0;
        while scale < MAX_SCALE {
            let (digit, next) = next_digit(rem, d);
            let Some(m) = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(digit))
                .filter(|&m| m <= MAX_MANTISSA)
            else {
                break;
            };
            mantissa = m;
            rem = next;
            scale += 1;
        }
        let signed = i128::try_from(mantissa).unwrap_or(i128::MAX);
        let signed = if self.is_negative() { -signed } else { signed };
        Decimal::try_from_i128_with_scale(signed, scale).unwrap_or_default()
    }

    /// The value rounded to `decimals` places, half away from zero (`half_even` false) or half to
    /// even (`half_even` true), or cut (`truncate`), exactly: decided on the whole fraction, never
    /// on a cut decimal. `None` if the result does not fit a [`Decimal`].
    #[inline(never)]
    pub fn round(self, decimals: u32, mode: crate::RoundingMode) -> Option<Decimal> {
        use crate::RoundingMode::{HalfEven, HalfUp, Truncate};
        if decimals > MAX_SCALE {
            return None;
        }
        let d = self.den.unsigned_abs();
        let scaled = pow10(decimals).and_then(|p| mul(self.num, p));
        let (mut mantissa, rem) = match scaled {
            // The common case: |num| × 10^decimals fits, one division.
            Some(n) => Ratio {
                num: n,
                den: self.den,
            }
            .split(),
            None => {
                let (mut mantissa, mut rem) = self.split();
                for _ in 0..decimals {
                    let (digit, next) = next_digit(rem, d);
                    mantissa = mantissa.checked_mul(10)?.checked_add(digit)?;
                    rem = next;
                }
                (mantissa, rem)
            }
        };
        // rem / d is what is left below the last kept digit: compare it with one half without
        // doubling (2·rem could overflow).
        let half = rem.cmp(&(d - rem));
        let up = match mode {
            Truncate => false,
            HalfUp => half != Ordering::Less,
            HalfEven => half == Ordering::Greater || (half == Ordering::Equal && mantissa % 2 == 1),
        };
        if up {
            mantissa = mantissa.checked_add(1)?;
        }
        if mantissa > MAX_MANTISSA {
            return None;
        }
        let signed = i128::try_from(mantissa).ok()?;
        let signed = if self.is_negative() { -signed } else { signed };
        // try_from_i128_with_scale keeps the scale: 89 → 89.00 for two decimals.
        Decimal::try_from_i128_with_scale(signed, decimals).ok()
    }
}

/// A sum of fractions kept unreduced (no gcd per term) for the hot path of evaluation, reduced
/// once by [`Sum::finish`]. Denominators that are powers of ten (every decimal) divide one
/// another, so most terms cost a multiplication and an addition.
#[derive(Clone, Copy, Debug)]
pub struct Sum {
    num: i128,
    den: i128,
}

impl Sum {
    /// Nothing added yet.
    pub const ZERO: Sum = Sum { num: 0, den: 1 };

    /// Adds `num / den` (`den > 0`); `None` on overflow.
    #[inline(never)]
    pub fn add(&mut self, num: i128, den: i128) -> Option<()> {
        if den == self.den {
            self.num = self.num.checked_add(num)?;
        } else if den > self.den && divides(self.den, den) {
            self.num = mul(self.num, div_exact(den, self.den))?.checked_add(num)?;
            self.den = den;
        } else if divides(den, self.den) {
            self.num = self.num.checked_add(mul(num, div_exact(self.den, den))?)?;
        } else {
            self.num = mul(self.num, den)?.checked_add(mul(num, self.den)?)?;
            self.den = mul(self.den, den)?;
        }
        Some(())
    }

    /// Adds `weight`% of `value`.
    #[inline(never)]
    pub fn add_weighted(&mut self, weight: Decimal, value: Ratio) -> Option<()> {
        let den = mul(pow10(weight.scale().checked_add(2)?)?, value.den)?;
        self.add(mul(weight.mantissa(), value.num)?, den)
    }

    /// Adds `count` × `points`.
    #[inline(never)]
    pub fn add_times(&mut self, points: Decimal, count: u64) -> Option<()> {
        let num = mul(points.mantissa(), i128::from(count))?;
        self.add(num, pow10(points.scale())?)
    }

    /// The sum divided by `divisor`, reduced.
    pub fn finish_over(self, divisor: u64) -> Option<Ratio> {
        Ratio::new(self.num, mul(self.den, i128::from(divisor))?)
    }

    /// The sum, reduced.
    pub fn finish(self) -> Option<Ratio> {
        Ratio::new(self.num, self.den)
    }
}

/// Whether `a` divides `b` (both positive), in 64 bits where they fit: 128-bit division is a
/// slow library call.
fn divides(a: i128, b: i128) -> bool {
    div_rem(b.unsigned_abs(), a.unsigned_abs()).1 == 0
}

/// The next decimal digit of `rem / d` (with `rem < d`) and the new remainder, without computing
/// `10 × rem` (which could overflow): ten additions, each below `2 × d ≤ 2¹²⁸`.
fn next_digit(rem: u128, d: u128) -> (u128, u128) {
    // Where ten times the divisor fits a u64 (every score's), one division of u64s; u128s have
    // no division in wasm, only a long routine.
    if let Ok(small) = u64::try_from(d)
        && small <= u64::MAX / 10
        && let Ok(rem) = u64::try_from(rem)
    {
        let r = rem * 10;
        return (u128::from(r / small), u128::from(r % small));
    }
    let mut digit = 0;
    let mut acc: u128 = 0;
    for _ in 0..10 {
        // acc < d and rem < d, both ≤ 2¹²⁷: the sum fits a u128.
        acc += rem;
        if acc >= d {
            acc -= d;
            digit += 1;
        }
    }
    (digit, acc)
}

impl From<Decimal> for Ratio {
    /// Every decimal is a ratio: its mantissa (< 2⁹⁶) over 10^scale (≤ 10²⁸).
    #[inline(never)]
    fn from(d: Decimal) -> Ratio {
        let scale = d.scale();
        // The hot path: a mantissa of 64 bits over 10^scale shares only 2s and 5s with it, so
        // the reduction takes trailing zeros and a few divisions by 5, no gcd.
        if let Ok(m) = u64::try_from(d.mantissa().unsigned_abs()) {
            let twos = m.trailing_zeros().min(scale);
            let mut m = m >> twos;
            let mut fives = 0;
            while fives < scale && m != 0 && m % 5 == 0 {
                m /= 5;
                fives += 1;
            }
            let den = 2i128.pow(scale - twos) * 5i128.pow(scale - fives);
            let num = if d.is_sign_negative() {
                -i128::from(m)
            } else {
                i128::from(m)
            };
            return if m == 0 {
                Ratio::ZERO
            } else {
                Ratio { num, den }
            };
        }
        let den = pow10(scale).unwrap_or(1);
        Ratio::new(d.mantissa(), den).unwrap_or(Ratio::ZERO)
    }
}

impl From<u64> for Ratio {
    fn from(n: u64) -> Ratio {
        Ratio::from_int(n)
    }
}

impl Ord for Ratio {
    /// Exact comparison, digit by digit: never overflows.
    fn cmp(&self, other: &Ratio) -> Ordering {
        match (self.is_negative(), other.is_negative()) {
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            _ => {}
        }
        let magnitude = {
            let (q1, mut r1) = self.split();
            let (q2, mut r2) = other.split();
            let (d1, d2) = (self.den.unsigned_abs(), other.den.unsigned_abs());
            let mut order = q1.cmp(&q2);
            // Two different reduced fractions differ within log10(d1·d2) < 78 digits.
            let mut digits = 0;
            while order == Ordering::Equal && (r1, d1) != (r2, d2) && digits < 80 {
                let (a, na) = next_digit(r1, d1);
                let (b, nb) = next_digit(r2, d2);
                order = a.cmp(&b);
                (r1, r2) = (na, nb);
                digits += 1;
            }
            order
        };
        if self.is_negative() {
            magnitude.reverse()
        } else {
            magnitude
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Ratio {
    /// The exact decimal where there is one, otherwise the decimal cut after 28 digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.approx().normalize(), f)
    }
}

impl Serialize for Ratio {
    /// As a decimal string, like every other number in the crate's output.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::RoundingMode;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn r(n: i128, d: i128) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn the_vote_score_of_the_worked_example_weights_exactly() {
        // Scheme B: 党委评定 66.39, ballots 16/12/2/0, 自评 65 (domain.md reading 2).
        let vote = r(16 * 100 + 12 * 60 + 2 * 30, 30);
        assert_eq!(vote, r(2380, 30));
        assert_eq!(vote.to_decimal(), None);
        let composite = Ratio::from(dec("66.39"))
            .percent_of(dec("50"))
            .unwrap()
            .checked_add(vote.percent_of(dec("30")).unwrap())
            .unwrap()
            .checked_add(Ratio::from(dec("65")).percent_of(dec("20")).unwrap())
            .unwrap();
        assert_eq!(composite.to_decimal(), Some(dec("69.995")));
        assert_eq!(composite.round(2, RoundingMode::HalfUp), Some(dec("70.00")));
        assert_eq!(
            composite.round(2, RoundingMode::HalfEven),
            Some(dec("70.00"))
        );
        assert_eq!(
            composite.round(2, RoundingMode::Truncate),
            Some(dec("69.99"))
        );
    }

    #[test]
    fn rounding_is_decided_on_the_whole_fraction() {
        // 1/3 → 0.33; 2/3 → 0.67; 2.345 half to even → 2.34; 2.355 → 2.36.
        assert_eq!(r(1, 3).round(2, RoundingMode::HalfUp), Some(dec("0.33")));
        assert_eq!(r(2, 3).round(2, RoundingMode::HalfUp), Some(dec("0.67")));
        assert_eq!(
            r(2345, 1000).round(2, RoundingMode::HalfEven),
            Some(dec("2.34"))
        );
        assert_eq!(
            r(2355, 1000).round(2, RoundingMode::HalfEven),
            Some(dec("2.36"))
        );
        assert_eq!(
            r(-2345, 1000).round(2, RoundingMode::HalfUp),
            Some(dec("-2.35"))
        );
        assert_eq!(
            r(89, 1).round(2, RoundingMode::HalfUp).unwrap().to_string(),
            "89.00"
        );
    }

    #[test]
    fn exact_decimals_are_found_and_others_are_not() {
        assert_eq!(r(1, 8).to_decimal(), Some(dec("0.125")));
        assert_eq!(r(403, 5).to_decimal(), Some(dec("80.6")));
        assert_eq!(r(100, 3).to_decimal(), None);
        assert_eq!(r(100, 3).to_string(), "33.333333333333333333333333333");
        // A denominator whose tenfold passes a u64 is divided digit by digit the long way.
        assert_eq!(
            r(1, 30_000_000_000_000_000_000).to_string(),
            "0.0000000000000000000333333333"
        );
        assert_eq!(
            Ratio::from(dec("94.9949999999")),
            r(949949999999, 10000000000)
        );
    }

    #[test]
    fn gcd_by_shifts_is_the_gcd() {
        assert_eq!(gcd(0, 0), 0);
        assert_eq!(gcd(0, 7), 7);
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(2380, 30), 10);
        assert_eq!(gcd(1 << 100, 3 << 90), 1 << 90);
        assert_eq!(gcd(u128::MAX, u128::MAX - 1), 1);
        for a in 0..60u128 {
            for b in 0..60u128 {
                let mut want = a.max(b);
                while want > 1 && (a % want != 0 || b % want != 0) {
                    want -= 1;
                }
                assert_eq!(
                    gcd(a, b),
                    if a == 0 && b == 0 { 0 } else { want.max(1) },
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn an_unreduced_sum_is_the_sum() {
        let mut sum = Sum::ZERO;
        sum.add_weighted(dec("50"), Ratio::from(dec("66.39")))
            .unwrap();
        sum.add_weighted(dec("30"), r(2380, 30)).unwrap();
        sum.add_weighted(dec("20"), Ratio::from(dec("65"))).unwrap();
        assert_eq!(sum.finish(), Some(r(13999, 200)));
        let mut votes = Sum::ZERO;
        votes.add_times(dec("100"), 16).unwrap();
        votes.add_times(dec("60"), 12).unwrap();
        votes.add_times(dec("30"), 2).unwrap();
        votes.add_times(dec("10"), 0).unwrap();
        assert_eq!(votes.finish_over(30), Some(r(2380, 30)));
        let mut thirds = Sum::ZERO;
        thirds.add(1, 3).unwrap();
        thirds.add(1, 7).unwrap();
        thirds.add(1, 10).unwrap();
        assert_eq!(thirds.finish(), Some(r(121, 210)));
        assert_eq!(
            Sum {
                num: i128::MAX,
                den: 1
            }
            .add(1, 1),
            None
        );
    }

    #[test]
    fn long_division_is_division() {
        let cases = [
            (u128::MAX, 3),
            (u128::MAX, u128::MAX),
            (u128::MAX - 1, u128::MAX),
            (1 << 100, (1 << 64) + 1),
            (12345678901234567890123456789, 987654321987654321),
            (7, 0),
            (0, 5),
            (10, 5),
        ];
        for (n, d) in cases {
            let want = n.checked_div(d).map_or((0, n), |q| (q, n % d));
            assert_eq!(div_rem(n, d), want, "{n} / {d}");
        }
        assert_eq!(div_exact(-12, 4), -3);
        assert_eq!(div_exact(12, -4), -3);
        assert_eq!(div_exact(i128::MIN, 2), i128::MIN / 2);
    }

    #[test]
    fn comparison_never_overflows() {
        let big = r(i128::MAX, 3);
        let bigger = r(i128::MAX, 2);
        assert!(big < bigger);
        assert!(r(1, 3) < r(334, 1000));
        assert!(r(-1, 3) > r(-334, 1000));
        assert_eq!(r(2, 6).cmp(&r(1, 3)), Ordering::Equal);
        assert_eq!(big.checked_add(bigger), None);
        assert_eq!(big.checked_mul(bigger), None);
        assert_eq!(Ratio::new(1, 0), None);
        // Rounding a value near the top of i128 works digit by digit, and says when it cannot fit.
        assert_eq!(
            r(i128::MAX, i128::MAX - 1).round(4, RoundingMode::HalfUp),
            Some(dec("1.0000"))
        );
        assert_eq!(big.round(2, RoundingMode::HalfUp), None);
    }
}
