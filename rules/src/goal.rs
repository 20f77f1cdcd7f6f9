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
    use super::least;

    #[test]
    fn least_finds_the_first_true() {
        assert_eq!(least(0, 100, |x| x >= 37), Some(37));
        assert_eq!(least(0, 100, |_| true), Some(0));
        assert_eq!(least(0, 100, |_| false), None);
        assert_eq!(least(5, 4, |_| true), None);
    }
}
