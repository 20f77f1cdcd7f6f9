//! The columnar path: a list given as columns of integers, graded without a map, a string or a
//! [`rust_decimal::Decimal`] per organization — as fast as a plain program doing the same integer
//! arithmetic — and exact: the same results as [`crate::evaluate_list`], which stays the reference
//! (`rules/tests/oracle.rs` checks one against the other on generated lists, and the reference
//! against exact rationals).
//!
//! Each source's column holds what was entered, as fixed-point integers: a score or an indicator
//! entry is `value / 10^scale`; a vote is a count per level. An organization's composite is one
//! fraction `N / D` with `D = 10^e × Π valid ballots`, computed in 64 or 128 bits (checked), and
//! rounded once with one division; tiers and star splits are compared as integers at the
//! rounding's scale. The list rules are the reference's own ([`crate::list`]). Vetoes, overrides
//! and the participation warning need per-organization input the columns do not carry: lists with
//! those go through the reference path.

use rust_decimal::Decimal;

use crate::error::Error;
use crate::evaluate::{self, Limits, MAX_COUNT, MAX_ENTRY};
use crate::list::{self, Entry, QuotaCount};
use crate::scheme::{Limit, Scheme, Scoring, SourceKind};
use crate::{Flag, RoundingMode};

/// A list as columns, one per source of the scheme, in its order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// Each organization's category, as an index into the scheme's categories (empty: all the
    /// first category).
    pub categories: Vec<u32>,
    /// One column per source of the scheme.
    pub sources: Vec<Column>,
}

/// What was entered for one source, for every organization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// A score on 100 per organization: `values[i] / 10^scale`.
    Scores {
        /// Decimals of every value (0 to 6).
        scale: u32,
        /// The scores.
        values: Vec<i64>,
    },
    /// Ballots: `counts[level][i]` is organization `i`'s count for that level of the scale.
    Votes {
        /// One column per level.
        counts: Vec<Vec<u32>>,
    },
    /// Indicator entries: `entries[k][i] / 10^scale` for the `k`-th indicator of `ids`.
    Indicators {
        /// Decimals of every entry (0 to 6).
        scale: u32,
        /// The indicator ids of the columns.
        ids: Vec<String>,
        /// One column per indicator.
        entries: Vec<Vec<i64>>,
    },
}

/// The results of a list graded from columns, one value per organization.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnResults {
    /// The rounded composite as an integer at the scheme's rounding (`8918` is 89.18 for two
    /// decimals); 0 for a row with an error.
    pub rounded: Vec<i64>,
    /// The tier after the list rules (the score's tier before them in `score_tier`).
    pub tier: Vec<u8>,
    /// The tier of the rounded score.
    pub score_tier: Vec<u8>,
    /// The stars, or [`ColumnResults::NO_STARS`] where the scheme gives none.
    pub stars: Vec<u8>,
    /// The rank (1 is the best; ties share a rank); 0 for a row with an error.
    pub rank: Vec<u32>,
    /// What moved the row: [`ColumnResults::FLOOR`], [`ColumnResults::TOP_CAP`],
    /// [`ColumnResults::STAR_CAP`], [`ColumnResults::SATISFACTION`], with [`ColumnResults::TIED`]
    /// where a tie on the cut-off decided it.
    pub moved: Vec<u8>,
    /// The rows that could not be graded, each error naming its row (counting from 1).
    pub errors: Vec<(usize, Error)>,
    /// What each distribution rule counted.
    pub quotas: Vec<QuotaCount>,
}

impl ColumnResults {
    /// `stars` where the scheme gives no stars.
    pub const NO_STARS: u8 = u8::MAX;
    /// Moved to the lowest tier by the minimum share.
    pub const FLOOR: u8 = 1;
    /// Moved down by the top tier's maximum share.
    pub const TOP_CAP: u8 = 2;
    /// Held back from the capped stars.
    pub const STAR_CAP: u8 = 4;
    /// Limited by a satisfaction cap.
    pub const SATISFACTION: u8 = 8;
    /// A tie on the cut-off decided the move.
    pub const TIED: u8 = 16;
}

/// The largest scale of a column (scores and entries).
pub const MAX_SCALE: u32 = 6;

/// A source prepared once for the whole column: its weight as `wm / 10^ws`.
struct Prepared<'a> {
    column: &'a Column,
    /// The weight raised to the common exponent: a value `v` of this column adds `v × mult` to
    /// the numerator over `10^e` (a vote adds `points × mult` over `10^e × ballots`).
    mult: i128,
    /// The exponent of this column's terms: weight decimals + value decimals + 2 (percent).
    exponent: u32,
    /// The largest deduction entry, at the column's scale.
    entry_max: i64,
    kind: Kind<'a>,
}

enum Kind<'a> {
    /// The highest score, at the column's scale.
    Scores { max: i128 },
    /// Level points as integers at `scale`, whether each is valid, and the satisfied levels.
    Votes {
        points: Vec<i128>,
        valid: Vec<bool>,
        scale: u32,
        satisfied: usize,
        /// Satisfaction caps on this source: the share below which each applies, and its limit.
        caps: Vec<(Decimal, Limit)>,
    },
    /// For each category, the indicators of its set as (column, max at the column's scale,
    /// scoring, bonus).
    Indicators {
        sets: Vec<Vec<(usize, i64, Scoring, bool)>>,
        bonus_cap: Option<i64>,
        name: &'a str,
    },
}

fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

/// `d` as an integer at `scale`, if it is one there.
fn at_scale(d: Decimal, scale: u32) -> Option<i128> {
    let up = scale.checked_sub(d.scale())?;
    d.mantissa().checked_mul(pow10(up)?)
}

/// `⌈d × 10^scale⌉`: the least integer at `scale` that is at least `d`.
fn ceil_at(d: Decimal, scale: u32) -> i128 {
    whole_at(d, scale, Decimal::ceil)
}

/// `⌊d × 10^scale⌋`: the greatest integer at `scale` that is at most `d`.
fn floor_at(d: Decimal, scale: u32) -> i128 {
    whole_at(d, scale, Decimal::floor)
}

/// `d × 10^scale` made whole by `whole`; past `i128` (a bound no scheme reaches), the largest.
fn whole_at(d: Decimal, scale: u32, whole: fn(&Decimal) -> Decimal) -> i128 {
    let unit = Decimal::from(
        pow10(scale)
            .and_then(|p| i64::try_from(p).ok())
            .unwrap_or(1),
    );
    d.checked_mul(unit)
        .and_then(|x| i128::try_from(whole(&x)).ok())
        .unwrap_or(i128::MAX)
}

fn prepare<'a>(scheme: &'a Scheme, columns: &'a Columns) -> Result<Vec<Prepared<'a>>, Error> {
    if columns.sources.len() != scheme.sources.len() {
        return Err(Error::MissingInput {
            source: scheme
                .sources
                .get(columns.sources.len())
                .map_or_else(|| "评价主体".to_owned(), |s| s.name.zh.clone()),
        });
    }
    let mut prepared = Vec::with_capacity(scheme.sources.len());
    for (source, column) in scheme.sources.iter().zip(&columns.sources) {
        let name = source.name.zh.as_str();
        let too_large = || Error::TooLarge {
            field: name.to_owned(),
        };
        let kind = match (column, &source.input) {
            (Column::Scores { scale, .. }, _) => {
                if *scale > MAX_SCALE {
                    return Err(too_large());
                }
                Kind::Scores {
                    max: floor_at(scheme.max_score(), *scale),
                }
            }
            (Column::Votes { counts }, SourceKind::Vote(scale)) => {
                if counts.len() != scale.levels.len() {
                    return Err(Error::VoteLevels {
                        source: name.to_owned(),
                        expected: scale.levels.len(),
                        found: counts.len(),
                    });
                }
                let points_scale = scale
                    .levels
                    .iter()
                    .map(|l| l.points.scale())
                    .max()
                    .unwrap_or(0);
                let points = scale
                    .levels
                    .iter()
                    .map(|l| at_scale(l.points, points_scale).ok_or_else(too_large))
                    .collect::<Result<Vec<_>, _>>()?;
                let caps = scheme
                    .satisfaction_caps
                    .iter()
                    .filter(|c| c.source == source.id)
                    .map(|c| (c.below, c.limit))
                    .collect();
                Kind::Votes {
                    points,
                    valid: scale.levels.iter().map(|l| l.valid).collect(),
                    scale: points_scale,
                    satisfied: scale.satisfied_levels,
                    caps,
                }
            }
            (
                Column::Indicators {
                    scale,
                    ids,
                    entries,
                },
                SourceKind::Indicators,
            ) => {
                if *scale > MAX_SCALE || ids.len() != entries.len() {
                    return Err(too_large());
                }
                let mut sets = Vec::with_capacity(scheme.categories.len());
                for category in &scheme.categories {
                    let mut set = Vec::new();
                    for indicator in scheme.indicators_for(&category.id) {
                        let Some(k) = ids.iter().position(|id| *id == indicator.id) else {
                            return Err(Error::MissingIndicator {
                                source: name.to_owned(),
                                indicator: indicator.name.zh.clone(),
                            });
                        };
                        let max = at_scale(indicator.max, *scale)
                            .and_then(|m| i64::try_from(m).ok())
                            .ok_or_else(too_large)?;
                        set.push((k, max, indicator.scoring, indicator.bonus));
                    }
                    sets.push(set);
                }
                let bonus_cap = match scheme.bonus_cap {
                    Some(cap) => Some(
                        at_scale(cap, *scale)
                            .and_then(|c| i64::try_from(c).ok())
                            .ok_or_else(too_large)?,
                    ),
                    None => None,
                };
                Kind::Indicators {
                    sets,
                    bonus_cap,
                    name,
                }
            }
            _ => {
                return Err(Error::WrongInput {
                    source: name.to_owned(),
                });
            }
        };
        let value_scale = match (column, &kind) {
            (Column::Scores { scale, .. } | Column::Indicators { scale, .. }, _) => *scale,
            (_, Kind::Votes { scale, .. }) => *scale,
            _ => 0,
        };
        let exponent = source.weight.scale() + value_scale + 2;
        let entry_max = at_scale(MAX_ENTRY, value_scale)
            .and_then(|m| i64::try_from(m).ok())
            .unwrap_or(i64::MAX);
        prepared.push(Prepared {
            column,
            mult: source.weight.mantissa(),
            exponent,
            entry_max,
            kind,
        });
    }
    // One exponent for all: each weight raised to it.
    let e = prepared.iter().map(|p| p.exponent).max().unwrap_or(0);
    for p in &mut prepared {
        p.mult = pow10(e - p.exponent)
            .and_then(|up| p.mult.checked_mul(up))
            .ok_or_else(|| Error::TooLarge {
                field: "权重".to_owned(),
            })?;
        p.exponent = e;
    }
    Ok(prepared)
}

/// One organization's composite as `num / den`, and the limits of its satisfaction caps (the
/// lowest tier and the fewest stars they allow).
struct Composite {
    /// The composite is `num / (10^e × ballots)`.
    num: i128,
    ballots: i128,
    limits: Limits,
}

fn out_of_range(field: &str, value: Decimal, max: Decimal) -> Error {
    Error::OutOfRange {
        field: field.to_owned(),
        value,
        min: Decimal::ZERO,
        max,
    }
}

fn composite(
    scheme: &Scheme,
    prepared: &[Prepared<'_>],
    category: usize,
    i: usize,
) -> Result<Composite, Error> {
    // Σ weight% × score = (Σ mult × value over the scores and indicators, + each vote's
    // mult × points ÷ ballots) ÷ 10^e: one numerator over 10^e × Π ballots, no division here.
    let (mut num, mut ballots_product) = (0i128, 1i128);
    let mut limits = Limits::default();
    for (p, source) in prepared.iter().zip(&scheme.sources) {
        let name = source.name.zh.as_str();
        let too_large = || Error::TooLarge {
            field: name.to_owned(),
        };
        match (&p.kind, p.column) {
            (Kind::Scores { max }, Column::Scores { scale, values }) => {
                let v = i128::from(values.get(i).copied().unwrap_or(0));
                if v < 0 || v > *max {
                    return Err(out_of_range(
                        name,
                        Decimal::try_from_i128_with_scale(v, *scale).unwrap_or_default(),
                        scheme.max_score(),
                    ));
                }
                let term = v.checked_mul(p.mult).ok_or_else(too_large)?;
                num = term
                    .checked_mul(ballots_product)
                    .and_then(|t| num.checked_add(t))
                    .ok_or_else(too_large)?;
            }
            (
                Kind::Votes {
                    points,
                    valid,
                    satisfied,
                    caps,
                    ..
                },
                Column::Votes { counts },
            ) => {
                let (mut total, mut ballots, mut happy) = (0i128, 0i128, 0i128);
                for (level, column) in counts.iter().enumerate() {
                    let c = column.get(i).copied().unwrap_or(0);
                    if u64::from(c) > MAX_COUNT {
                        return Err(out_of_range(
                            name,
                            Decimal::from(c),
                            Decimal::from(MAX_COUNT),
                        ));
                    }
                    if valid.get(level).copied().unwrap_or(false) {
                        let c = i128::from(c);
                        ballots += c;
                        if level < *satisfied {
                            happy += c;
                        }
                        total += points.get(level).copied().unwrap_or(0) * c;
                    }
                }
                if ballots == 0 {
                    return Err(Error::NoValidBallot {
                        source: name.to_owned(),
                    });
                }
                for &(share, limit) in caps {
                    let (happy, ballots) = (
                        u64::try_from(happy).unwrap_or(u64::MAX),
                        u64::try_from(ballots).unwrap_or(u64::MAX),
                    );
                    if evaluate::below(happy, ballots, share) {
                        limits.add(limit);
                    }
                }
                // num / B + mult × total / (B × ballots) = (num × ballots + mult × total) / …
                let term = total.checked_mul(p.mult).ok_or_else(too_large)?;
                num = num
                    .checked_mul(ballots)
                    .and_then(|n| n.checked_add(term.checked_mul(ballots_product)?))
                    .ok_or_else(too_large)?;
                ballots_product = ballots_product.checked_mul(ballots).ok_or_else(too_large)?;
            }
            (
                Kind::Indicators {
                    sets,
                    bonus_cap,
                    name,
                },
                Column::Indicators { scale, entries, .. },
            ) => {
                let (mut base, mut bonus) = (0i64, 0i64);
                let set = sets.get(category).map_or(&[][..], Vec::as_slice);
                for &(k, max, scoring, is_bonus) in set {
                    let e = entries.get(k).and_then(|c| c.get(i)).copied().unwrap_or(0);
                    let points = match scoring {
                        Scoring::Add if e >= 0 && e <= max => e,
                        Scoring::Deduct if e >= 0 && e <= p.entry_max => (max - e).max(0),
                        _ => {
                            return Err(entry_error(
                                scheme, p, name, category, k, e, *scale, max, scoring,
                            ));
                        }
                    };
                    if is_bonus {
                        bonus += points;
                    } else {
                        base += points;
                    }
                }
                if let Some(cap) = bonus_cap {
                    bonus = bonus.min(*cap);
                }
                let term = i128::from(base + bonus)
                    .checked_mul(p.mult)
                    .ok_or_else(too_large)?;
                num = term
                    .checked_mul(ballots_product)
                    .and_then(|t| num.checked_add(t))
                    .ok_or_else(too_large)?;
            }
            _ => {
                return Err(Error::WrongInput {
                    source: name.to_owned(),
                });
            }
        }
    }
    Ok(Composite {
        num,
        ballots: ballots_product,
        limits,
    })
}

/// The error of an indicator entry out of its range, named as the reference path names it.
#[allow(clippy::too_many_arguments)]
fn entry_error(
    scheme: &Scheme,
    p: &Prepared<'_>,
    source: &str,
    category: usize,
    k: usize,
    e: i64,
    scale: u32,
    max: i64,
    scoring: Scoring,
) -> Error {
    let value = Decimal::try_from_i128_with_scale(i128::from(e), scale).unwrap_or_default();
    let id = match p.column {
        Column::Indicators { ids, .. } => ids.get(k).map_or("", String::as_str),
        _ => "",
    };
    let indicator = scheme
        .indicators_for(scheme.categories.get(category).map_or("", |c| &c.id))
        .iter()
        .find(|ind| ind.id == id)
        .map_or("", |ind| ind.name.zh.as_str());
    let field = format!("{source} · {indicator}");
    if e < 0 && scoring == Scoring::Deduct {
        return Error::Negative { field, value };
    }
    let max = match scoring {
        Scoring::Add => {
            Decimal::try_from_i128_with_scale(i128::from(max), scale).unwrap_or_default()
        }
        Scoring::Deduct => MAX_ENTRY,
    };
    out_of_range(&field, value, max)
}

/// `num / den` rounded to `decimals` as an integer, exactly, by the mode.
fn round(n: i128, den: i128, mode: RoundingMode) -> Option<i128> {
    // Composites are never negative (scores and weights are not): plain division.
    let (q, r) = match (u64::try_from(n), u64::try_from(den)) {
        (Ok(n), Ok(d)) => (i128::from(n / d), i128::from(n % d)),
        _ => (n / den, n % den),
    };
    let half = r.cmp(&(den - r));
    let up = match mode {
        RoundingMode::Truncate => false,
        RoundingMode::HalfUp => half != std::cmp::Ordering::Less,
        RoundingMode::HalfEven => {
            half == std::cmp::Ordering::Greater || (half == std::cmp::Ordering::Equal && q % 2 == 1)
        }
    };
    Some(if up { q + 1 } else { q })
}

/// Grades a list given as columns and applies the list rules: the same results as
/// [`crate::evaluate_list`] on the same organizations.
pub fn evaluate_columns(scheme: &Scheme, columns: &Columns) -> Result<ColumnResults, Error> {
    let prepared = prepare(scheme, columns)?;
    let len = columns.sources.iter().map(column_len).max().unwrap_or(0);
    let decimals = scheme.rounding.decimals.min(crate::Rounding::MAX_DECIMALS);
    let mode = scheme.rounding.mode;
    // Thresholds and star splits as integers at the rounding's scale.
    let mins: Vec<Option<i128>> = scheme
        .tiers
        .iter()
        .map(|t| t.min.map(|m| ceil_at(m, decimals)))
        .collect();
    let lowest = scheme.lowest_tier();
    let exponent = prepared.first().map_or(0, |p| p.exponent);
    let unit_down = pow10(exponent.saturating_sub(decimals)).unwrap_or(i128::MAX);
    let unit_up = pow10(decimals.saturating_sub(exponent)).unwrap_or(i128::MAX);

    let mut out = ColumnResults {
        rounded: vec![0; len],
        tier: vec![0; len],
        score_tier: vec![0; len],
        stars: vec![ColumnResults::NO_STARS; len],
        rank: vec![0; len],
        moved: vec![0; len],
        ..ColumnResults::default()
    };
    let mut entries: Vec<Entry> = Vec::with_capacity(len);
    for i in 0..len {
        let category = columns
            .categories
            .get(i)
            .map_or(0, |&c| usize::try_from(c).unwrap_or(usize::MAX));
        if category >= scheme.categories.len() {
            out.errors.push((
                i,
                Error::UnknownCategory {
                    id: category.to_string(),
                }
                .in_row(i + 1, ""),
            ));
            continue;
        }
        let graded = composite(scheme, &prepared, category, i).and_then(|c| {
            // num / (10^e × B) at `decimals`: num × 10^(d−e) / B, or num / (10^(e−d) × B).
            let (num, den) = if exponent >= decimals {
                (Some(c.num), unit_down.checked_mul(c.ballots))
            } else {
                (c.num.checked_mul(unit_up), Some(c.ballots))
            };
            let rounded = num
                .zip(den)
                .and_then(|(num, den)| round(num, den, mode))
                .filter(|&r| r <= i128::from(i64::MAX))
                .ok_or_else(|| Error::TooLarge {
                    field: "综合评分".to_owned(),
                })?;
            Ok((rounded, c.limits))
        });
        let (rounded, limits) = match graded {
            Ok(g) => g,
            Err(e) => {
                out.errors.push((i, e.in_row(i + 1, "")));
                continue;
            }
        };
        let score_tier = mins
            .iter()
            .position(|m| m.is_none_or(|m| rounded >= m))
            .unwrap_or(lowest);
        let tier = limits.tier(score_tier);
        if limits.any()
            && let Some(m) = out.moved.get_mut(i)
        {
            *m |= ColumnResults::SATISFACTION;
        }
        let rounded_decimal =
            Decimal::try_from_i128_with_scale(rounded, decimals).unwrap_or_default();
        if let (Some(r), Some(t)) = (out.rounded.get_mut(i), out.score_tier.get_mut(i)) {
            *r = i64::try_from(rounded).unwrap_or(i64::MAX);
            *t = u8::try_from(score_tier).unwrap_or(u8::MAX);
        }
        entries.push(Entry {
            row: i,
            category,
            rounded: rounded_decimal,
            key: rounded,
            tier,
            stars: crate::evaluate::stars_for(scheme, tier, rounded_decimal, limits.stars),
            star_limit: limits.stars,
            fixed_tier: false,
            fixed_stars: false,
            overridden: false,
        });
    }
    let moved = &mut out.moved;
    out.quotas = list::apply_rules(scheme, &mut entries, &mut |row, flag| {
        let bits = match flag {
            Flag::MovedByFloor { tied, .. } => ColumnResults::FLOOR | tie(tied),
            Flag::MovedByTopCap { tied, .. } => ColumnResults::TOP_CAP | tie(tied),
            Flag::HeldByStarCap { tied, .. } => ColumnResults::STAR_CAP | tie(tied),
            _ => 0,
        };
        if let Some(m) = moved.get_mut(row) {
            *m |= bits;
        }
    });
    for e in &entries {
        if let Some(t) = out.tier.get_mut(e.row) {
            *t = u8::try_from(e.tier).unwrap_or(u8::MAX);
        }
        if let (Some(s), Some(n)) = (out.stars.get_mut(e.row), e.stars) {
            *s = n;
        }
    }
    for (r, rank) in out.rank.iter_mut().zip(list::ranks(len, &entries)) {
        *r = u32::try_from(rank).unwrap_or(u32::MAX);
    }
    Ok(out)
}

fn tie(tied: bool) -> u8 {
    if tied { ColumnResults::TIED } else { 0 }
}

fn column_len(c: &Column) -> usize {
    match c {
        Column::Scores { values, .. } => values.len(),
        Column::Votes { counts } => counts.iter().map(Vec::len).max().unwrap_or(0),
        Column::Indicators { entries, .. } => entries.iter().map(Vec::len).max().unwrap_or(0),
    }
}

impl Columns {
    /// The columns of a list of organizations, where the columns can hold it: every input in the
    /// form its source takes, at most [`MAX_SCALE`] decimals, ballots within `u32`, and no veto,
    /// override or eligible count (which the columns do not carry). `None` otherwise: such a list
    /// goes through [`crate::evaluate_list`].
    pub fn from_orgs<O: std::borrow::Borrow<crate::Org>>(
        scheme: &Scheme,
        orgs: &[O],
    ) -> Option<Columns> {
        use crate::org::SourceInput;
        let mut categories = Vec::with_capacity(orgs.len());
        for org in orgs {
            let org = org.borrow();
            if !org.vetoes.is_empty() || org.override_.is_some() {
                return None;
            }
            let c = if org.category.is_empty() {
                0
            } else {
                scheme
                    .categories
                    .iter()
                    .position(|c| c.id == org.category || c.name.zh == org.category)?
            };
            categories.push(u32::try_from(c).ok()?);
        }
        let fixed = |d: Decimal, scale: u32| -> Option<i64> {
            at_scale(d, scale).and_then(|v| i64::try_from(v).ok())
        };
        let mut sources = Vec::with_capacity(scheme.sources.len());
        for source in &scheme.sources {
            let inputs: Vec<&SourceInput> = orgs
                .iter()
                .map(|o| o.borrow().input(&source.id))
                .collect::<Option<_>>()?;
            let column = match &source.input {
                SourceKind::Vote(scale) => {
                    let mut counts = vec![Vec::with_capacity(orgs.len()); scale.levels.len()];
                    for input in inputs {
                        let SourceInput::Votes(v) = input else {
                            return None;
                        };
                        if v.eligible.is_some() || v.counts.len() != scale.levels.len() {
                            return None;
                        }
                        for (column, &c) in counts.iter_mut().zip(&v.counts) {
                            column.push(u32::try_from(c).ok()?);
                        }
                    }
                    Column::Votes { counts }
                }
                SourceKind::Indicators => {
                    let ids: Vec<String> = {
                        let mut ids: Vec<String> = Vec::new();
                        for category in &scheme.categories {
                            for i in scheme.indicators_for(&category.id) {
                                if !ids.contains(&i.id) {
                                    ids.push(i.id.clone());
                                }
                            }
                        }
                        ids
                    };
                    let mut scale = 0;
                    for input in &inputs {
                        let SourceInput::Indicators(entries) = input else {
                            return None;
                        };
                        for (_, d) in entries {
                            scale = scale.max(d.scale());
                        }
                    }
                    if scale > MAX_SCALE {
                        return None;
                    }
                    let mut entries = vec![Vec::with_capacity(orgs.len()); ids.len()];
                    for (input, &category) in inputs.iter().zip(&categories) {
                        let SourceInput::Indicators(given) = input else {
                            return None;
                        };
                        let set = scheme.indicators_for(
                            &scheme.categories.get(usize::try_from(category).ok()?)?.id,
                        );
                        // Exactly the category's indicators, each once.
                        if given.len() != set.len()
                            || set.iter().any(|i| crate::map::get(given, &i.id).is_none())
                        {
                            return None;
                        }
                        for (id, column) in ids.iter().zip(entries.iter_mut()) {
                            let value = crate::map::get(given, id).copied().unwrap_or_default();
                            column.push(fixed(value, scale)?);
                        }
                    }
                    Column::Indicators {
                        scale,
                        ids,
                        entries,
                    }
                }
                SourceKind::Direct => {
                    let mut scale = 0;
                    for input in &inputs {
                        let SourceInput::Score(d) = input else {
                            return None;
                        };
                        scale = scale.max(d.scale());
                    }
                    if scale > MAX_SCALE {
                        return None;
                    }
                    let values = inputs
                        .iter()
                        .map(|input| match input {
                            SourceInput::Score(d) => fixed(*d, scale),
                            _ => None,
                        })
                        .collect::<Option<Vec<i64>>>()?;
                    Column::Scores { scale, values }
                }
            };
            sources.push(column);
        }
        if orgs
            .iter()
            .any(|o| o.borrow().inputs.len() != scheme.sources.len())
        {
            return None;
        }
        Some(Columns {
            categories,
            sources,
        })
    }
}
