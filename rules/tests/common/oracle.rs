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
    let by_score = scheme
        .tiers
        .iter()
        .position(|t| t.min.is_none_or(|min| rounded >= q(min)))
        .unwrap_or(scheme.tiers.len() - 1);
    // A veto ticked or a satisfaction cap reached holds the tier at or below its own, the
    // stars at or below theirs: the strictest of each holds.
    let (tier_limit, star_limit) = limits(scheme, org);
    let tier = tier_limit.map_or(by_score, |t| t.max(by_score));
    let stars = stars_of(scheme, tier, &rounded, star_limit);
    Grade {
        rounded,
        tier,
        stars,
    }
}

/// The stars of `tier` for the score `rounded`, at most `limit`.
fn stars_of(scheme: &Scheme, tier: usize, rounded: &BigRational, limit: Option<u8>) -> Option<u8> {
    let stars = scheme
        .stars
        .as_ref()
        .and_then(|_| match scheme.tiers[tier].stars {
            TierStars::None => None,
            TierStars::Fixed(n) => Some(n),
            TierStars::Split { at, above, below } => {
                Some(if *rounded >= q(at) { above } else { below })
            }
        })?;
    Some(limit.map_or(stars, |l| stars.min(l)))
}

/// The limits an organization's vetoes and the scheme's satisfaction caps put on it: the worst
/// tier it may have at best (the largest index), and the most stars.
pub fn limits(scheme: &Scheme, org: &Org) -> (Option<usize>, Option<u8>) {
    use dingji_rules::scheme::Limit;
    let mut applied: Vec<Limit> = org
        .vetoes
        .iter()
        .filter_map(|id| scheme.vetoes.iter().find(|v| v.id == *id))
        .map(|v| v.limit)
        .collect();
    for cap in &scheme.satisfaction_caps {
        let Some((_, source)) = scheme
            .sources
            .iter()
            .enumerate()
            .find(|(_, s)| s.id == cap.source)
        else {
            continue;
        };
        let (SourceKind::Vote(scale), Some((_, SourceInput::Votes(v)))) = (
            &source.input,
            org.inputs.iter().find(|(id, _)| *id == source.id),
        ) else {
            continue;
        };
        // The satisfied share: valid ballots of the first satisfied levels over all valid ones.
        let (mut satisfied, mut valid) = (BigInt::zero(), BigInt::zero());
        for (i, (level, count)) in scale.levels.iter().zip(&v.counts).enumerate() {
            if level.valid {
                valid += BigInt::from(*count);
                if i < scale.satisfied_levels {
                    satisfied += BigInt::from(*count);
                }
            }
        }
        let share = BigRational::new(satisfied * BigInt::from(100), valid);
        if share < q(cap.below) {
            applied.push(cap.limit);
        }
    }
    let mut tier = None;
    let mut stars = None;
    for limit in applied {
        match limit {
            Limit::ForceTier(t) | Limit::TierAtMost(t) => {
                tier = Some(tier.map_or(t, |x: usize| x.max(t)))
            }
            Limit::StarsAtMost(n) => stars = Some(stars.map_or(n, |x: u8| x.min(n))),
        }
    }
    (tier, stars)
}

/// `share`% of `count`, made whole as `rounding` says (⌈5% × 21⌉ = 2, ⌊20% × 9⌋ = 1).
fn quota_count(
    share: Decimal,
    count: usize,
    rounding: dingji_rules::scheme::QuotaRounding,
) -> usize {
    use dingji_rules::scheme::QuotaRounding;
    let exact = q(share) * BigRational::from_integer(BigInt::from(count)) / pow10(2);
    let whole = match rounding {
        QuotaRounding::Ceil => exact.ceil(),
        QuotaRounding::Floor => exact.floor(),
        // Half away from zero (a count is never negative).
        QuotaRounding::Round => (exact + BigRational::new(BigInt::one(), BigInt::from(2))).floor(),
    };
    usize::try_from(whole.to_integer()).unwrap()
}

/// The rows of each group a rule counts (all together, or each category apart).
fn groups(categories: &[usize], scope: dingji_rules::scheme::Scope) -> Vec<Vec<usize>> {
    use dingji_rules::scheme::Scope;
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    for (row, &c) in categories.iter().enumerate() {
        let key = if scope == Scope::All { 0 } else { c };
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rows)) => rows.push(row),
            None => out.push((key, vec![row])),
        }
    }
    out.into_iter().map(|(_, rows)| rows).collect()
}

/// Of `rows`, which keep their place when at most `allowed` may (domain.md readings 5 and 6): the
/// highest scores keep it; where the cut-off falls inside a tie, none of the tied keep it.
fn keepers(rows: &[usize], scores: &[BigRational], allowed: usize) -> Vec<usize> {
    if rows.len() <= allowed {
        return rows.to_vec();
    }
    // The score of the first one left out: every row scoring more keeps its place, at most
    // `allowed` of them (those tied with it, and any beyond, lose it).
    let mut sorted: Vec<&BigRational> = rows.iter().map(|&r| &scores[r]).collect();
    sorted.sort_by(|a, b| b.cmp(a));
    let cutoff = sorted[allowed].clone();
    rows.iter()
        .copied()
        .filter(|&r| scores[r] > cutoff)
        .collect()
}

/// A list graded by the rules written apart from the engine (domain.md readings 5, 6 and 8), for
/// lists without overrides: each organization alone ([`grade`], its vetoes and caps too), then
/// the top tier's cap, the lowest tier's floor, the stars of the final tiers and the star cap.
pub fn grade_list(scheme: &Scheme, orgs: &[Org]) -> Vec<Grade> {
    let mut grades: Vec<Grade> = orgs.iter().map(|o| grade(scheme, o)).collect();
    let scores: Vec<BigRational> = grades.iter().map(|g| g.rounded.clone()).collect();
    let categories: Vec<usize> = orgs
        .iter()
        .map(|o| {
            scheme
                .categories
                .iter()
                .position(|c| c.id == o.category)
                .unwrap_or(0)
        })
        .collect();
    let share_of = |quota: &dingji_rules::scheme::Quota, rows: &[usize]| {
        let id = &scheme.categories[categories[rows[0]]].id;
        match quota.scope {
            dingji_rules::scheme::Scope::Category => quota
                .per_category
                .iter()
                .find(|(c, _)| c == id)
                .map_or(quota.share, |(_, s)| *s),
            dingji_rules::scheme::Scope::All => quota.share,
        }
    };
    // At most so many in the top tier: the rest of it down one tier.
    if let Some(quota) = &scheme.distribution.max_top
        && scheme.tiers.len() > 1
    {
        for rows in groups(&categories, quota.scope) {
            let allowed = quota_count(share_of(quota, &rows), rows.len(), quota.rounding);
            let top: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&r| grades[r].tier == 0)
                .collect();
            let kept = keepers(&top, &scores, allowed);
            for r in top.into_iter().filter(|r| !kept.contains(r)) {
                grades[r].tier = 1;
            }
        }
    }
    // At least so many in the lowest tier: the lowest of the others move down, all those tied
    // with the last needed too.
    if let Some(quota) = &scheme.distribution.min_lowest {
        let lowest = scheme.tiers.len() - 1;
        for rows in groups(&categories, quota.scope) {
            let need = quota_count(share_of(quota, &rows), rows.len(), quota.rounding);
            let have = rows.iter().filter(|&&r| grades[r].tier == lowest).count();
            if have >= need {
                continue;
            }
            let mut others: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&r| grades[r].tier != lowest)
                .collect();
            others.sort_by(|&a, &b| scores[a].cmp(&scores[b]));
            let Some(&last) = others.get((need - have).min(others.len()).saturating_sub(1)) else {
                continue;
            };
            let cutoff = scores[last].clone();
            for r in others.into_iter().filter(|&r| scores[r] <= cutoff) {
                grades[r].tier = lowest;
            }
        }
    }
    // The stars of the final tier, within each organization's star limit.
    for (g, org) in grades.iter_mut().zip(orgs) {
        g.stars = stars_of(scheme, g.tier, &g.rounded, limits(scheme, org).1);
    }
    // At most so many with the most stars, of a tier's count (or of all): the rest demoted.
    if let Some(cap) = scheme.stars.as_ref().and_then(|s| s.cap.as_ref()) {
        for rows in groups(&categories, cap.scope) {
            let base = match cap.base {
                dingji_rules::scheme::CapBase::All => rows.len(),
                dingji_rules::scheme::CapBase::Tier(t) => {
                    rows.iter().filter(|&&r| grades[r].tier == t).count()
                }
            };
            let allowed = quota_count(cap.share, base, cap.rounding);
            let capped: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&r| grades[r].stars == Some(cap.stars))
                .collect();
            let kept = keepers(&capped, &scores, allowed);
            for r in capped.into_iter().filter(|r| !kept.contains(r)) {
                grades[r].stars = Some(cap.demote_to);
            }
        }
    }
    grades
}
