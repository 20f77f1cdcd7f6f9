//! Goal seek: for one organization and each source, what it would take to reach the next tier up
//! with everything else fixed — the least score (to 0.01), or for a counted vote the fewest extra
//! ballots of the best level — or that it cannot be reached.
//!
//! The organization is evaluated on its own (the list rules aside) and without its override. A
//! result only rises as a source's score rises (a property the tests check), so a binary search
//! over the candidates finds the least one.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::evaluate::{self, Flag};
use crate::org::{Org, SourceInput, Votes};
use crate::ratio::Ratio;
use crate::scheme::{Scheme, SourceKind};

/// What each source would need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalSeek {
    /// The tier now (alone, without the override).
    pub tier: usize,
    /// The tier sought, or `None` if the organization is in the top tier already.
    pub target: Option<usize>,
    /// One goal per source, in the scheme's order (empty when there is no target).
    pub goals: Vec<Goal>,
}

/// What one source would need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Goal {
    /// The least score of this source (to 0.01) that reaches the target.
    Score {
        /// Source index.
        source: usize,
        /// Its score now.
        #[serde(with = "crate::serde_dec")]
        current: Decimal,
        /// The least score that reaches the target.
        #[serde(with = "crate::serde_dec")]
        needed: Decimal,
    },
    /// The fewest extra ballots of the vote's best level that reach the target.
    Ballots {
        /// Source index.
        source: usize,
        /// Extra ballots of the best level.
        extra: u64,
        /// The vote score with them, exact.
        score: Ratio,
    },
    /// The target cannot be reached through this source.
    Unreachable {
        /// Source index.
        source: usize,
        /// Why.
        reason: Unreachable,
    },
}

/// Why a target cannot be reached through a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unreachable {
    /// Even the highest score of the source is not enough.
    MaxScore,
    /// Not enough people are left to vote.
    Eligible,
    /// A veto or satisfaction cap holds the tier down whatever the score.
    Limit,
}

/// The most extra ballots tried where the number of eligible people is not known.
const MAX_EXTRA_BALLOTS: u64 = 100_000;

/// What each source of `org` would need to reach the next tier up.
pub fn goal_seek(scheme: &Scheme, org: &Org) -> Result<GoalSeek, Error> {
    let mut base = org.clone();
    base.override_ = None;
    let now = evaluate::evaluate(scheme, &base)?;
    let Some(target) = now.tier.checked_sub(1) else {
        return Ok(GoalSeek {
            tier: now.tier,
            target: None,
            goals: Vec::new(),
        });
    };
    let reaches = |candidate: &Org| {
        evaluate::evaluate(scheme, candidate)
            .map(|r| (r.tier <= target, limited(&r.flags)))
            .ok()
    };
    let mut goals = Vec::with_capacity(scheme.sources.len());
    for (index, source) in scheme.sources.iter().enumerate() {
        let current = now.scores.get(index).copied().unwrap_or_default();
        // A score entered or summed from indicators is a decimal; only a vote's may not end.
        let current_decimal = current.approx();
        let goal = match (&source.input, base.input(&source.id)) {
            (SourceKind::Vote(scale), Some(SourceInput::Votes(votes))) => {
                let best = scale.levels.iter().position(|l| l.valid).unwrap_or(0);
                let cast: u64 = votes.counts.iter().sum();
                let (max_extra, bound) = match votes.eligible {
                    Some(eligible) => (eligible.saturating_sub(cast), Unreachable::Eligible),
                    None => (MAX_EXTRA_BALLOTS, Unreachable::MaxScore),
                };
                let with_extra = |extra: u64| {
                    let mut candidate = base.clone();
                    let mut counts = votes.counts.clone();
                    if let Some(c) = counts.get_mut(best) {
                        *c = c.saturating_add(extra);
                    }
                    candidate.set_input(
                        &source.id,
                        SourceInput::Votes(Votes {
                            counts,
                            eligible: votes.eligible,
                        }),
                    );
                    candidate
                };
                match least(1, max_extra, |k| {
                    reaches(&with_extra(k)).is_some_and(|(ok, _)| ok)
                }) {
                    Some(extra) => {
                        let score = evaluate::evaluate(scheme, &with_extra(extra))
                            .ok()
                            .and_then(|r| r.scores.get(index).copied())
                            .unwrap_or_default();
                        Goal::Ballots {
                            source: index,
                            extra,
                            score,
                        }
                    }
                    None => {
                        let at_most = reaches(&with_extra(max_extra));
                        let reason = if at_most.is_some_and(|(_, limited)| limited) {
                            Unreachable::Limit
                        } else {
                            bound
                        };
                        Goal::Unreachable {
                            source: index,
                            reason,
                        }
                    }
                }
            }
            _ => {
                let with_score = |hundredths: u64| {
                    let mut candidate = base.clone();
                    let score = Decimal::new(i64::try_from(hundredths).unwrap_or(i64::MAX), 2);
                    candidate.set_input(&source.id, SourceInput::Score(score));
                    candidate
                };
                let to_hundredths =
                    |d: Decimal| u64::try_from((d * Decimal::ONE_HUNDRED).floor()).unwrap_or(0);
                let lo = to_hundredths(current_decimal).saturating_add(1);
                let hi = to_hundredths(scheme.max_score());
                match least(lo, hi, |h| {
                    reaches(&with_score(h)).is_some_and(|(ok, _)| ok)
                }) {
                    Some(h) => Goal::Score {
                        source: index,
                        current: current_decimal,
                        needed: Decimal::new(i64::try_from(h).unwrap_or(i64::MAX), 2),
                    },
                    None => {
                        let at_most = reaches(&with_score(hi));
                        let reason = if at_most.is_some_and(|(_, limited)| limited) {
                            Unreachable::Limit
                        } else {
                            Unreachable::MaxScore
                        };
                        Goal::Unreachable {
                            source: index,
                            reason,
                        }
                    }
                }
            }
        };
        goals.push(goal);
    }
    Ok(GoalSeek {
        tier: now.tier,
        target: Some(target),
        goals,
    })
}

/// Whether a veto or a satisfaction cap limited the tier.
fn limited(flags: &[Flag]) -> bool {
    flags
        .iter()
        .any(|f| matches!(f, Flag::Veto { .. } | Flag::SatisfactionCap { .. }))
}

/// For training: how far one weight or one threshold would have to move, everything else as it
/// is, for the organization's tier to change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tip {
    /// With source `source`'s weight at `weight` percent or more (`up`), or at most (not `up`),
    /// the other weights scaled in proportion so that they still sum to 100, the organization is
    /// in tier `tier` (the next up).
    Weight {
        /// Source index.
        source: usize,
        /// The weight, in percent, to 0.01.
        #[serde(with = "crate::serde_dec")]
        weight: Decimal,
        /// Whether the weight must rise to it (else fall).
        up: bool,
        /// The tier reached.
        tier: usize,
    },
    /// With tier `tier`'s threshold lowered to `at` (the organization's rounded composite), the
    /// organization is in it (the next tier up).
    ThresholdDown {
        /// The tier whose threshold moves.
        tier: usize,
        /// The organization's rounded composite.
        #[serde(with = "crate::serde_dec")]
        at: Decimal,
    },
    /// With tier `tier`'s threshold raised above `at`, the organization drops out of it, to
    /// tier `to`.
    ThresholdUp {
        /// The tier whose threshold moves (the organization's own).
        tier: usize,
        /// The organization's rounded composite.
        #[serde(with = "crate::serde_dec")]
        at: Decimal,
        /// The tier it drops to.
        to: usize,
    },
}

/// The tips for `org` under `scheme` (evaluated on its own, without its override): for each
/// source, the weight (to 0.01 percent) at which it would reach the next tier up, where one
/// does; the thresholds of the next tier up and of its own. None where a veto or a cap holds the
/// tier, whatever the scores.
pub fn tips(scheme: &Scheme, org: &Org) -> Result<Vec<Tip>, Error> {
    let mut base = org.clone();
    base.override_ = None;
    let now = evaluate::evaluate(scheme, &base)?;
    if limited(&now.flags) {
        return Ok(Vec::new());
    }
    let mut tips = Vec::new();
    let weights: Vec<Ratio> = scheme
        .sources
        .iter()
        .map(|s| Ratio::from(s.weight))
        .collect();
    if let Some(target) = now.tier.checked_sub(1) {
        for (i, score) in now.scores.iter().enumerate() {
            // The others' score, weighted among themselves: what the rest of the weight buys.
            let (mut sum, mut weighted) = (Ratio::default(), Ratio::default());
            for (j, (w, s)) in weights.iter().zip(now.scores.iter()).enumerate() {
                if j != i {
                    sum = sum.checked_add(*w).unwrap_or(sum);
                    weighted = w
                        .checked_mul(*s)
                        .and_then(|x| weighted.checked_add(x))
                        .unwrap_or(weighted);
                }
            }
            let Some(rest) = (sum > Ratio::default())
                .then(|| weighted.checked_mul(Ratio::new(sum.denom(), sum.numer())?))
                .flatten()
            else {
                continue;
            };
            if *score == rest {
                continue;
            }
            let up = *score > rest;
            // The composite with this weight at `h` hundredths of a percent.
            let reaches = |h: u64| {
                let w = Ratio::new(i128::from(h), 10_000)?;
                let composite = w
                    .checked_mul(*score)?
                    .checked_add(Ratio::from_int(1).checked_sub(w)?.checked_mul(rest)?)?;
                Some(scheme.decide(composite).tier <= target)
            };
            let found = if up {
                least(0, 10_000, |h| reaches(h).unwrap_or(false))
            } else {
                least(0, 10_000, |x| reaches(10_000 - x).unwrap_or(false)).map(|x| 10_000 - x)
            };
            if let Some(h) = found {
                tips.push(Tip::Weight {
                    source: i,
                    weight: Decimal::new(i64::try_from(h).unwrap_or(0), 2),
                    up,
                    tier: target,
                });
            }
        }
        // The next tier's threshold down to the composite, while it stays above this tier's.
        let below = scheme.tiers.get(now.tier).and_then(|t| t.min);
        if below.is_none_or(|m| now.rounded > m) {
            tips.push(Tip::ThresholdDown {
                tier: target,
                at: now.rounded,
            });
        }
    }
    // This tier's threshold above the composite, while it stays below the next tier's.
    let own = scheme.tiers.get(now.tier).and_then(|t| t.min);
    let above = now
        .tier
        .checked_sub(1)
        .and_then(|t| scheme.tiers.get(t))
        .and_then(|t| t.min);
    let step = Decimal::new(1, scheme.rounding.decimals);
    if own.is_some() && above.is_none_or(|a| now.rounded + step < a) {
        tips.push(Tip::ThresholdUp {
            tier: now.tier,
            at: now.rounded,
            to: now.tier + 1,
        });
    }
    Ok(tips)
}

/// The least `x` in `lo..=hi` for which `ok(x)`, given that `ok` never turns false as `x` grows.
fn least(lo: u64, hi: u64, ok: impl Fn(u64) -> bool) -> Option<u64> {
    if lo > hi || !ok(hi) {
        return None;
    }
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

#[cfg(test)]
mod tests {
    use super::{Tip, least, tips};
    use crate::org::{Org, SourceInput, Votes};
    use crate::presets;

    #[test]
    fn the_worked_example_tips_by_hand() {
        // Scheme B: 党委评定 92, 测评 30/15/4/1 (80.6), 自评 95 → 89.18 较好; 好 from 89.995 exact.
        let scheme = presets::by_id("B").unwrap();
        let org = Org {
            category: "village".into(),
            inputs: vec![
                (
                    "committee".into(),
                    SourceInput::Score("92".parse().unwrap()),
                ),
                (
                    "vote".into(),
                    SourceInput::Votes(Votes {
                        counts: vec![30, 15, 4, 1],
                        eligible: None,
                    }),
                ),
                ("self".into(), SourceInput::Score("95".parse().unwrap())),
            ],
            ..Org::default()
        };
        let d = |s: &str| s.parse().unwrap();
        assert_eq!(
            tips(&scheme, &org).unwrap(),
            [
                // The rest at 30 : 20 is (2418 + 1900) / 50 = 86.36; 86.36 + w × 5.64 % ≥ 89.995
                // from w = 64.4503…: 64.46.
                Tip::Weight {
                    source: 0,
                    weight: d("64.46"),
                    up: true,
                    tier: 0
                },
                // The rest at 50 : 20 is 6500 / 70 = 92.857…; it falls by w × 0.12257… %, ≥ 89.995
                // up to w = 23.3508…: 23.35.
                Tip::Weight {
                    source: 1,
                    weight: d("23.35"),
                    up: false,
                    tier: 0
                },
                // The rest at 50 : 30 is 7018 / 80 = 87.725; 87.725 + w × 7.275 % ≥ 89.995 from
                // w = 31.2027…: 31.21.
                Tip::Weight {
                    source: 2,
                    weight: d("31.21"),
                    up: true,
                    tier: 0
                },
                Tip::ThresholdDown {
                    tier: 0,
                    at: d("89.18")
                },
                Tip::ThresholdUp {
                    tier: 1,
                    at: d("89.18"),
                    to: 2
                },
            ]
        );
    }

    #[test]
    fn least_finds_the_first_true() {
        assert_eq!(least(0, 100, |x| x >= 37), Some(37));
        assert_eq!(least(0, 100, |_| true), Some(0));
        assert_eq!(least(0, 100, |_| false), None);
        assert_eq!(least(5, 4, |_| true), None);
    }
}
