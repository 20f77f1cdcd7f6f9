//! The summary table (汇总表) reported upward: counts per category × tier and per category ×
//! stars, with totals, and each row's shares. Shares are percentages to one decimal that sum to
//! exactly 100.0% in every row, by the largest-remainder method: each share is first rounded
//! down, and the tenths still missing go to the largest remainders (the first column on a tie).

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
    /// Their shares in percent, one decimal, summing to 100.0 (all 0 for an empty row).
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

/// Shares of `counts` in percent with one decimal, summing to exactly 100.0 (largest remainder).
pub fn shares(counts: &[u64]) -> Vec<Decimal> {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return counts.iter().map(|_| Decimal::new(0, 1)).collect();
    }
    // Work in tenths of a percent: 1000 in all.
    let mut tenths: Vec<u64> = Vec::with_capacity(counts.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(counts.len());
    for (i, &c) in counts.iter().enumerate() {
        let scaled = u128::from(c) * 1000;
        let whole = scaled / u128::from(total);
        let remainder = scaled % u128::from(total);
        tenths.push(u64::try_from(whole).unwrap_or(0));
        remainders.push((i128::try_from(remainder).unwrap_or(0), i));
    }
    let missing = 1000u64.saturating_sub(tenths.iter().sum());
    crate::list::order_by_key(&mut remainders);
    for &(_, i) in remainders
        .iter()
        .take(usize::try_from(missing).unwrap_or(0))
    {
        if let Some(t) = tenths.get_mut(i) {
            *t += 1;
        }
    }
    tenths
        .into_iter()
        .map(|t| Decimal::new(i64::try_from(t).unwrap_or(0), 1))
        .collect()
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
    for row in rows.iter_mut().chain(std::iter::once(&mut total)) {
        row.tier_shares = shares(&row.tiers);
        row.star_shares = shares(&row.stars);
    }
    Summary {
        star_columns,
        rows,
        total,
    }
}
