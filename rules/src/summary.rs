//! The summary table (汇总表) reported upward: counts per category × tier and per category ×
//! stars, with totals, and each row's shares. Each share is its percentage correctly rounded to
//! one decimal, half away from zero (6 of 14 is 42.9%), never bent so that a row adds up to
//! 100.0%; where a row does not, [`Summary::rounded_off`] says so, for a footnote.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::list::ListResult;
use crate::scheme::Scheme;

/// The summary of a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The star levels of the star columns, most stars first (empty without stars).
    pub star_columns: Vec<u8>,
    /// One row per category that has organizations, in the scheme's order.
    pub rows: Vec<SummaryRow>,
    /// All categories together.
    pub total: SummaryRow,
    /// Whether the shares of some row do not add up to 100.0% once each is rounded (因四舍五入，
    /// 分项之和可能不等于 100%).
    pub rounded_off: bool,
}

/// One row of the summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryRow {
    /// The category index, `None` for the total.
    pub category: Option<usize>,
    /// Organizations graded.
    pub count: u64,
    /// Organizations per tier, in the scheme's tier order.
    pub tiers: Vec<u64>,
    /// Their shares in percent, each rounded to one decimal (all 0 for an empty row).
    #[serde(serialize_with = "ser_shares")]
    pub tier_shares: Vec<Decimal>,
    /// Organizations per star column.
    pub stars: Vec<u64>,
    /// Their shares, likewise.
    #[serde(serialize_with = "ser_shares")]
    pub star_shares: Vec<Decimal>,
}

fn ser_shares<S: serde::Serializer>(values: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(values.iter().map(|v| v.to_string()))
}

/// Shares of `counts` in percent, each correctly rounded to one decimal, half away from zero:
/// c / total × 1000 tenths, rounded in integers (exact).
pub fn shares(counts: &[u64]) -> Vec<Decimal> {
    let total = u128::from(counts.iter().sum::<u64>());
    counts
        .iter()
        .map(|&c| {
            let tenths = if total == 0 {
                0
            } else {
                // round(c × 1000 / total) = ⌊(2 × c × 1000 + total) / (2 × total)⌋
                (2 * u128::from(c) * 1000 + total) / (2 * total)
            };
            Decimal::new(i64::try_from(tenths).unwrap_or(0), 1)
        })
        .collect()
}

/// Whether `shares` of a row with organizations add up to 100.0.
fn adds_up(shares: &[Decimal]) -> bool {
    shares.iter().sum::<Decimal>() == Decimal::ONE_HUNDRED
}

/// The summary of a graded list.
pub fn summarize(scheme: &Scheme, list: &ListResult) -> Summary {
    let star_columns: Vec<u8> = scheme
        .stars
        .as_ref()
        .map(|s| {
            let mut levels: Vec<(i128, usize)> = s
                .levels
                .iter()
                .map(|l| (i128::from(l.stars), usize::from(l.stars)))
                .collect();
            crate::list::order_by_key(&mut levels);
            levels
                .into_iter()
                .filter_map(|(_, n)| u8::try_from(n).ok())
                .collect()
        })
        .unwrap_or_default();
    let tier_count = scheme.tiers.len();
    let empty = |category| SummaryRow {
        category,
        count: 0,
        tiers: vec![0; tier_count],
        tier_shares: Vec::new(),
        stars: vec![0; star_columns.len()],
        star_shares: Vec::new(),
    };
    let mut rows: Vec<SummaryRow> = (0..scheme.categories.len())
        .map(|c| empty(Some(c)))
        .collect();
    let mut total = empty(None);
    for (_, r) in list.graded() {
        for row in [rows.get_mut(r.category), Some(&mut total)]
            .into_iter()
            .flatten()
        {
            row.count += 1;
            if let Some(t) = row.tiers.get_mut(r.tier) {
                *t += 1;
            }
            if let Some(stars) = r.stars
                && let Some(i) = star_columns.iter().position(|&s| s == stars)
                && let Some(s) = row.stars.get_mut(i)
            {
                *s += 1;
            }
        }
    }
    rows.retain(|r| r.count > 0);
    let mut rounded_off = false;
    for row in rows.iter_mut().chain(std::iter::once(&mut total)) {
        row.tier_shares = shares(&row.tiers);
        row.star_shares = shares(&row.stars);
        if row.count > 0 {
            rounded_off |= !adds_up(&row.tier_shares);
            rounded_off |= !row.stars.is_empty() && !adds_up(&row.star_shares);
        }
    }
    Summary {
        star_columns,
        rows,
        total,
        rounded_off,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(counts: &[u64]) -> Vec<String> {
        shares(counts).iter().map(Decimal::to_string).collect()
    }

    #[test]
    fn each_share_is_rounded_by_itself_half_away_from_zero() {
        // Rows of 14, 3 and 7 organizations, by hand:
        // 6/14 = 42.857… → 42.9 (not bent to 42.8), 8/14 = 57.142… → 57.1: 100.0.
        assert_eq!(shown(&[6, 8]), ["42.9", "57.1"]);
        // 1/3 = 33.333… → 33.3 three times: 99.9, and the row does not add up.
        assert_eq!(shown(&[1, 1, 1]), ["33.3", "33.3", "33.3"]);
        assert!(!adds_up(&shares(&[1, 1, 1])));
        // 2/7 = 28.571… → 28.6 twice, 3/7 = 42.857… → 42.9: 100.1.
        assert_eq!(shown(&[2, 2, 3]), ["28.6", "28.6", "42.9"]);
        // A half rounds up: 1/8 = 12.5 exactly is 12.5; 1/16 = 6.25 → 6.3.
        assert_eq!(shown(&[1, 15]), ["6.3", "93.8"]);
        // An empty row is all 0.
        assert_eq!(shown(&[0, 0]), ["0.0", "0.0"]);
    }
}
