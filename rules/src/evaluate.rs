//! Evaluating one organization: each source's score, the composite, its rounding, the tier, the
//! limits of vetoes and satisfaction caps, the stars and the committee's override.
//!
//! - A vote score is Σ level points × count / valid ballots (domain.md reading 4; scheme B's
//!   "100 × 好得票率 + 60 × 较好得票率 + …"), kept as an exact fraction ([`Ratio`]): 2380/30 is
//!   never cut to 79.333…3 before it is weighted.
//! - The composite is Σ weight% × source score, the exact rational value; it is rounded once by
//!   the scheme's rounding and the tier is decided on the rounded value (readings 1, 2 and 3).
//! - Inputs are bounded where they are read (ballots and eligible voters ≤ [`MAX_COUNT`], an
//!   indicator entry ≤ [`MAX_ENTRY`]) and every sum is checked: no input overflows or panics.
//! - Vetoes and satisfaction caps can only lower a tier or the stars. An override replaces the
//!   result and is marked as one (reading 9).
//!
//! Nothing here allocates per indicator or builds text: the list of 10,000 organizations runs
//! through [`evaluate`] and the explanation is rebuilt on demand by [`crate::explain`].

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::map;
use crate::number;
use crate::org::{Org, SourceInput, Votes};
use crate::ratio::{Ratio, Sum};
use crate::scheme::{
    Indicator, Limit, Participation, Scheme, Scoring, Source, SourceKind, VoteScale,
};

/// The result for one organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrgResult {
    /// The index of its category in the scheme.
    pub category: usize,
    /// Each source's score on 100 points, exact, in the scheme's source order. Shared: a list
    /// page keeps each row's result from one grading to the next and copies it into the next,
    /// 100,000 times an edit, without copying its scores.
    pub scores: std::rc::Rc<[Ratio]>,
    /// The composite score, exact.
    pub composite: Ratio,
    /// The composite after the scheme's rounding: shown, compared and exported.
    #[serde(with = "crate::serde_dec")]
    pub rounded: Decimal,
    /// The tier the rounded score falls in, before any rule.
    pub score_tier: usize,
    /// The tier after every rule and override.
    pub tier: usize,
    /// The stars after every rule and override; `None` where the scheme gives no stars.
    pub stars: Option<u8>,
    /// The rank in its list by rounded composite (1 is the best; ties share a rank); 0 alone.
    pub rank: usize,
    /// What moved the result, and warnings.
    pub flags: Vec<Flag>,
}

/// Something that changed a result or that the committee should look at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Flag {
    /// A veto was ticked; `from` and `to` are the tiers (or stars for a star limit) around it.
    Veto {
        /// Index of the veto in the scheme.
        veto: usize,
        /// The limit it applies.
        limit: Limit,
    },
    /// The satisfaction of a vote was below a cap's threshold.
    SatisfactionCap {
        /// Index of the cap in the scheme.
        cap: usize,
        /// The satisfaction, in percent of valid ballots.
        satisfaction: Ratio,
    },
    /// Fewer people voted than the participation rule asks (a warning: the score stands).
    Participation {
        /// Index of the vote source.
        source: usize,
        /// Ballots cast.
        cast: u64,
        /// People eligible.
        eligible: u64,
        /// Ballots the rule asks for.
        needed: u64,
    },
    /// Moved to the lowest tier by the minimum-share rule (the 5% rule).
    MovedByFloor {
        /// The tier before the move.
        from: usize,
        /// Organizations the rule needs in the lowest tier.
        need: u64,
        /// Organizations the rule counts.
        group: u64,
        /// The highest rounded score moved.
        #[serde(with = "crate::serde_dec")]
        cutoff: Decimal,
        /// Whether others shared the cut-off score, so that more than needed were moved.
        tied: bool,
    },
    /// Moved down from the top tier by the maximum-share rule.
    MovedByTopCap {
        /// Organizations allowed in the top tier.
        allowed: u64,
        /// Organizations the rule counts.
        group: u64,
        /// Whether it was held back because of a tie at the cut-off.
        tied: bool,
    },
    /// Held back from the capped star level by the star cap (the 20% rule).
    HeldByStarCap {
        /// Organizations allowed the capped stars.
        allowed: u64,
        /// The size of the base group.
        base: u64,
        /// Whether it was held back because of a tie at the cut-off.
        tied: bool,
    },
    /// Alone (not in a list), its stars are the capped level, which the cap may still withhold.
    SubjectToStarCap,
    /// Moved by a list rule only because the committee set other organizations' results: without
    /// the overrides it would have `tier` and `stars`.
    AfterOverride {
        /// The tier it would have without the overrides.
        tier: usize,
        /// The stars it would have without the overrides.
        stars: Option<u8>,
        /// The organizations whose override moved it (those whose own result the override
        /// changed), by name.
        by: Vec<String>,
    },
    /// The committee set the result.
    Override {
        /// The tier computed before the override.
        tier: usize,
        /// The stars computed before the override.
        stars: Option<u8>,
        /// The committee's reason.
        reason: String,
    },
}

impl Flag {
    /// Whether the flag is a warning to look at rather than a change of the result.
    pub fn is_warning(&self) -> bool {
        matches!(self, Flag::Participation { .. } | Flag::SubjectToStarCap)
    }
}

/// The most ballots of one level, and the most eligible voters, an organization may have: far
/// above any real vote, low enough that every sum of them is exact.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// The largest indicator entry (points earned or deducted) read.
pub const MAX_ENTRY: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// A counted vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    /// All ballots, valid or not.
    pub cast: u64,
    /// Valid ballots.
    pub valid: u64,
    /// Valid ballots of the satisfied levels.
    pub satisfied: u64,
    /// The score on 100 points, exact.
    pub score: Ratio,
}

impl Tally {
    /// The share of satisfied ballots among the valid ones, in percent, exact.
    pub fn satisfaction(&self) -> Ratio {
        // Both counts are at most levels × MAX_COUNT: the product fits an i128.
        Ratio::new(
            i128::from(self.satisfied) * 100,
            i128::from(self.valid.max(1)),
        )
        .unwrap_or_default()
    }
}

/// Counts a vote. `source` names the source in errors.
pub fn tally(scale: &VoteScale, votes: &Votes, source: &str) -> Result<Tally, Error> {
    if votes.counts.len() != scale.levels.len() {
        return Err(Error::VoteLevels {
            source: source.to_owned(),
            expected: scale.levels.len(),
            found: votes.counts.len(),
        });
    }
    let too_many = |what: &str, count: u64| Error::OutOfRange {
        field: format!("{source} · {what}"),
        value: Decimal::from(count),
        min: Decimal::ZERO,
        max: Decimal::from(MAX_COUNT),
    };
    if let Some(eligible) = votes.eligible
        && eligible > MAX_COUNT
    {
        return Err(too_many("应参加人数", eligible));
    }
    let too_large = || Error::TooLarge {
        field: source.to_owned(),
    };
    let mut cast: u64 = 0;
    let mut valid: u64 = 0;
    let mut satisfied: u64 = 0;
    let mut points = Sum::ZERO;
    for (position, (level, &count)) in scale.levels.iter().zip(&votes.counts).enumerate() {
        if count > MAX_COUNT {
            return Err(too_many(&level.name.zh, count));
        }
        cast = cast.checked_add(count).ok_or_else(too_large)?;
        if level.valid {
            valid = valid.checked_add(count).ok_or_else(too_large)?;
            if position < scale.satisfied_levels {
                satisfied = satisfied.checked_add(count).ok_or_else(too_large)?;
            }
            points
                .add_times(level.points, count)
                .ok_or_else(too_large)?;
        }
    }
    if valid == 0 {
        return Err(Error::NoValidBallot {
            source: source.to_owned(),
        });
    }
    if let Some(eligible) = votes.eligible
        && cast > eligible
    {
        return Err(Error::TooManyBallots {
            source: source.to_owned(),
            cast,
            eligible,
        });
    }
    Ok(Tally {
        cast,
        valid,
        satisfied,
        score: points.finish_over(valid).ok_or_else(too_large)?,
    })
}

/// What vetoes and satisfaction caps allow a result: the lowest tier (the largest index) it is
/// held to, and the fewest stars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Limits {
    /// The tier a result is held to at best, if any.
    pub(crate) tier: Option<usize>,
    /// The most stars, if limited.
    pub(crate) stars: Option<u8>,
}

impl Limits {
    /// Adds a limit: the stricter of each kind holds.
    pub(crate) fn add(&mut self, limit: Limit) {
        match limit {
            Limit::ForceTier(t) | Limit::TierAtMost(t) => {
                self.tier = Some(self.tier.map_or(t, |x| x.max(t)));
            }
            Limit::StarsAtMost(n) => self.stars = Some(self.stars.map_or(n, |x| x.min(n))),
        }
    }

    /// The tier of a score's `tier` under the limits.
    pub(crate) fn tier(&self, tier: usize) -> usize {
        self.tier.map_or(tier, |t| t.max(tier))
    }

    /// Whether any limit applies.
    pub(crate) fn any(&self) -> bool {
        self.tier.is_some() || self.stars.is_some()
    }
}

/// Whether `satisfied / valid` is below `percent`%: `satisfied × 100 × 10^s < m × valid` for
/// `percent = m / 10^s`, in integers (counts are bounded, so nothing overflows).
pub(crate) fn below(satisfied: u64, valid: u64, percent: Decimal) -> bool {
    let m = percent.mantissa().max(0);
    let unit = 10i128.checked_pow(percent.scale()).unwrap_or(i128::MAX);
    let left = i128::from(satisfied)
        .checked_mul(100)
        .and_then(|x| x.checked_mul(unit));
    let right = m.checked_mul(i128::from(valid));
    match (left, right) {
        (Some(l), Some(r)) => l < r,
        // Past the bounds: 100% of any count is below a share over 100% only.
        _ => percent > Decimal::ONE_HUNDRED,
    }
}

/// The ballots a participation rule asks for out of `eligible` people (domain.md reading 10).
pub fn ballots_needed(rule: &Participation, eligible: u64) -> u64 {
    if rule.everyone_below.is_some_and(|n| eligible < n) {
        return eligible;
    }
    // ⌈share% × eligible⌉ in integers: share = m / 10^s, so ⌈m × eligible / (100 × 10^s)⌉.
    let share = rule.min_share;
    let den = 10u128
        .checked_pow(share.scale())
        .and_then(|p| p.checked_mul(100));
    let num = u128::try_from(share.mantissa())
        .ok()
        .and_then(|m| m.checked_mul(u128::from(eligible)));
    match (num, den) {
        (Some(num), Some(den)) => {
            let (q, r) = crate::ratio::div_rem(num, den);
            u64::try_from(q + u128::from(r > 0)).map_or(eligible, |n| n.min(eligible))
        }
        _ => eligible,
    }
}

/// One indicator's points: the entry for an additive item, the maximum less the deduction (down
/// to 0, 扣完为止) for a deduction item. Errors for an entry below 0 or an addition above the
/// maximum.
pub fn indicator_points(
    indicator: &Indicator,
    entry: Decimal,
    source: &str,
) -> Result<Decimal, Error> {
    let out_of_range = |max: Decimal| Error::OutOfRange {
        field: format!("{} · {}", source, indicator.name.zh),
        value: entry,
        min: Decimal::ZERO,
        max,
    };
    if entry > MAX_ENTRY {
        return Err(out_of_range(MAX_ENTRY));
    }
    match indicator.scoring {
        Scoring::Add if entry < Decimal::ZERO || entry > indicator.max => {
            Err(out_of_range(indicator.max))
        }
        Scoring::Add => Ok(entry),
        Scoring::Deduct if entry < Decimal::ZERO => Err(Error::Negative {
            field: format!("{} · {}", source, indicator.name.zh),
            value: entry,
        }),
        Scoring::Deduct => Ok(number::add(indicator.max, -entry)
            .unwrap_or(Decimal::ZERO)
            .max(Decimal::ZERO)),
    }
}

/// The total of an indicator source: the base items plus the bonus items up to the bonus cap.
pub fn indicator_total(
    scheme: &Scheme,
    category: &str,
    entries: &[(String, Decimal)],
    source: &str,
) -> Result<Decimal, Error> {
    let set = scheme.indicators_for(category);
    let too_large = || Error::TooLarge {
        field: source.to_owned(),
    };
    let mut base = Decimal::ZERO;
    let mut bonus = Decimal::ZERO;
    for (position, indicator) in set.iter().enumerate() {
        // Entries in the indicators' order (as the pages and most files give them) are found
        // where they are; others by id.
        let entry = match entries.get(position) {
            Some((id, entry)) if *id == indicator.id => Some(entry),
            _ => map::get(entries, &indicator.id),
        };
        let Some(&entry) = entry else {
            return Err(Error::MissingIndicator {
                source: source.to_owned(),
                indicator: indicator.name.zh.clone(),
            });
        };
        let points = indicator_points(indicator, entry, source)?;
        let sum = if indicator.bonus {
            &mut bonus
        } else {
            &mut base
        };
        *sum = number::add(*sum, points).ok_or_else(too_large)?;
    }
    // Every indicator of the set was found: with no more entries than indicators, each entry is
    // a different one. More entries means one given twice or one the set does not have.
    if entries.len() > set.len() {
        if let Some(id) = map::first_duplicate(entries) {
            return Err(Error::DuplicateId {
                what: format!("{source} · 指标"),
                id: id.to_owned(),
            });
        }
        if let Some((unknown, _)) = entries
            .iter()
            .find(|(id, _)| !set.iter().any(|i| &i.id == id))
        {
            return Err(Error::UnknownIndicator {
                source: source.to_owned(),
                id: unknown.clone(),
            });
        }
    }
    number::add(base, scheme.bonus_cap.map_or(bonus, |cap| bonus.min(cap))).ok_or_else(too_large)
}

/// `weight`% of `score`, exactly; `None` only past the bounds no real scheme reaches.
pub fn weighted(weight: Decimal, score: Ratio) -> Option<Ratio> {
    score.percent_of(weight)
}

/// The category index of an organization (an empty category is the scheme's first).
pub fn category_index(scheme: &Scheme, org: &Org) -> Result<usize, Error> {
    if org.category.is_empty() {
        return Ok(0);
    }
    scheme
        .categories
        .iter()
        .position(|c| c.id == org.category || c.name.zh == org.category)
        .ok_or_else(|| Error::UnknownCategory {
            id: org.category.clone(),
        })
}

/// One source's score for an organization, and its tally if it is a counted vote.
pub fn source_score(
    scheme: &Scheme,
    category: &str,
    source: &Source,
    input: Option<&SourceInput>,
) -> Result<(Ratio, Option<Tally>), Error> {
    let name = source.name.zh.as_str();
    match (input, &source.input) {
        (None, _) => Err(Error::MissingInput {
            source: name.to_owned(),
        }),
        (Some(SourceInput::Score(score)), _) => {
            let max = scheme.max_score();
            if *score < Decimal::ZERO || *score > max {
                return Err(Error::OutOfRange {
                    field: name.to_owned(),
                    value: *score,
                    min: Decimal::ZERO,
                    max,
                });
            }
            Ok((Ratio::from(*score), None))
        }
        (Some(SourceInput::Indicators(entries)), SourceKind::Indicators) => Ok((
            Ratio::from(indicator_total(scheme, category, entries, name)?),
            None,
        )),
        (Some(SourceInput::Votes(votes)), SourceKind::Vote(scale)) => {
            let t = tally(scale, votes, name)?;
            Ok((t.score, Some(t)))
        }
        (Some(_), _) => Err(Error::WrongInput {
            source: name.to_owned(),
        }),
    }
}

/// Evaluates one organization on its own: the list rules (quotas and the star cap) do not apply,
/// and a star level the cap may withhold is flagged [`Flag::SubjectToStarCap`].
/// The warning follows the result after the override: an override that sets the tier gives the
/// stars of that tier, which the cap may withhold; one that sets the stars is the committee's.
#[inline(never)]
pub fn evaluate(scheme: &Scheme, org: &Org) -> Result<OrgResult, Error> {
    let mut result = evaluate_base(scheme, org)?;
    apply_override(scheme, org, &mut result)?;
    if let (Some(stars), Some(cap)) = (
        result.stars,
        scheme.stars.as_ref().and_then(|s| s.cap.as_ref()),
    ) && stars == cap.stars
        && org.override_.as_ref().is_none_or(|o| o.stars.is_none())
    {
        result.flags.push(Flag::SubjectToStarCap);
    }
    Ok(result)
}

/// Everything but the override and the list rules.
#[inline(never)]
pub(crate) fn evaluate_base(scheme: &Scheme, org: &Org) -> Result<OrgResult, Error> {
    let category = category_index(scheme, org)?;
    let category_id = scheme
        .categories
        .get(category)
        .map_or("", |c| c.id.as_str());
    let mut flags = Vec::new();
    let mut scores = Vec::with_capacity(scheme.sources.len());
    let mut composite = Sum::ZERO;
    let composite_too_large = || Error::TooLarge {
        field: "综合评分".to_owned(),
    };
    let mut limits = Limits::default();
    for (index, source) in scheme.sources.iter().enumerate() {
        let input = org.input(&source.id);
        let (score, tally) = source_score(scheme, category_id, source, input)?;
        if let (Some(t), SourceKind::Vote(scale), Some(SourceInput::Votes(votes))) =
            (tally, &source.input, input)
        {
            if let (Some(rule), Some(eligible)) = (&scale.participation, votes.eligible) {
                let needed = ballots_needed(rule, eligible);
                if t.cast < needed {
                    flags.push(Flag::Participation {
                        source: index,
                        cast: t.cast,
                        eligible,
                        needed,
                    });
                }
            }
            for (cap_index, cap) in scheme.satisfaction_caps.iter().enumerate() {
                let satisfaction = t.satisfaction();
                if cap.source == source.id && below(t.satisfied, t.valid, cap.below) {
                    limits.add(cap.limit);
                    flags.push(Flag::SatisfactionCap {
                        cap: cap_index,
                        satisfaction,
                    });
                }
            }
        }
        composite
            .add_weighted(source.weight, score)
            .ok_or_else(composite_too_large)?;
        scores.push(score);
    }
    // Every source was found: with no more inputs than sources, each input is a different source.
    // More inputs than sources means one given twice or one the scheme does not have.
    if org.inputs.len() > scheme.sources.len() {
        if let Some(id) = map::first_duplicate(&org.inputs) {
            return Err(Error::DuplicateId {
                what: "评价主体".to_owned(),
                id: id.to_owned(),
            });
        }
        if let Some((unknown, _)) = org
            .inputs
            .iter()
            .find(|(id, _)| scheme.source(id).is_none())
        {
            return Err(Error::UnknownSource {
                id: unknown.clone(),
            });
        }
    }
    for id in &org.vetoes {
        let index = scheme
            .vetoes
            .iter()
            .position(|v| &v.id == id)
            .ok_or_else(|| Error::UnknownVeto { id: id.clone() })?;
        if let Some(veto) = scheme.vetoes.get(index) {
            limits.add(veto.limit);
            flags.push(Flag::Veto {
                veto: index,
                limit: veto.limit,
            });
        }
    }
    let composite = composite.finish().ok_or_else(composite_too_large)?;
    let rounded = scheme
        .rounding
        .apply_exact(composite)
        .ok_or_else(composite_too_large)?;
    let decision = crate::tier::decide_rounded(&scheme.tiers, composite, rounded);
    let tier = limits.tier(decision.tier);
    let stars = stars_for(scheme, tier, decision.rounded, limits.stars);
    Ok(OrgResult {
        category,
        scores: scores.into(),
        composite,
        rounded: decision.rounded,
        score_tier: decision.tier,
        tier,
        stars,
        rank: 0,
        flags,
    })
}

/// The stars of `tier` for a rounded score, within a star limit.
pub(crate) fn stars_for(
    scheme: &Scheme,
    tier: usize,
    rounded: Decimal,
    limit: Option<u8>,
) -> Option<u8> {
    scheme.stars.as_ref()?;
    let stars = scheme.tier(tier)?.stars.for_score(rounded)?;
    Some(limit.map_or(stars, |l| stars.min(l)))
}

/// The star limit the flags of a result impose (vetoes and satisfaction caps).
pub(crate) fn star_limit(scheme: &Scheme, flags: &[Flag]) -> Option<u8> {
    flags
        .iter()
        .filter_map(|f| match f {
            Flag::Veto {
                limit: Limit::StarsAtMost(n),
                ..
            } => Some(*n),
            Flag::SatisfactionCap { cap, .. } => match scheme.satisfaction_caps.get(*cap)?.limit {
                Limit::StarsAtMost(n) => Some(n),
                _ => None,
            },
            _ => None,
        })
        .min()
}

/// Checks that an override sets something, says why, and refers to what the scheme has.
pub(crate) fn check_override(scheme: &Scheme, o: &crate::org::Override) -> Result<(), Error> {
    if o.tier.is_none() && o.stars.is_none() {
        return Err(Error::OverrideEmpty);
    }
    if o.reason.trim().is_empty() {
        return Err(Error::OverrideReason);
    }
    if let Some(t) = o.tier
        && scheme.tier(t).is_none()
    {
        return Err(Error::UnknownTier {
            what: "调整".to_owned(),
            index: t,
        });
    }
    if let Some(n) = o.stars
        && scheme.star_level(n).is_none()
    {
        return Err(Error::UnknownStars { stars: n });
    }
    Ok(())
}

/// Checks an override and applies it, keeping the computed result in the flag.
pub(crate) fn apply_override(
    scheme: &Scheme,
    org: &Org,
    result: &mut OrgResult,
) -> Result<(), Error> {
    let Some(o) = &org.override_ else {
        return Ok(());
    };
    check_override(scheme, o)?;
    result.flags.push(Flag::Override {
        tier: result.tier,
        stars: result.stars,
        reason: o.reason.trim().to_owned(),
    });
    if let Some(t) = o.tier {
        result.tier = t;
        if o.stars.is_none() {
            result.stars = stars_for(scheme, t, result.rounded, star_limit(scheme, &result.flags));
        }
    }
    if let Some(n) = o.stars {
        result.stars = Some(n);
    }
    Ok(())
}
