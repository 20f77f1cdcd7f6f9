//! The steps rebuilt from an organization's inputs and its result (which carries what the list
//! rules did).

use super::step::{Cause, ItemLine, LevelLine, Step, Term};
use crate::error::Error;
use crate::evaluate::{self, Flag, OrgResult};
use crate::org::{Org, SourceInput};
use crate::ratio::Ratio;
use crate::scheme::{Limit, Scheme, SourceKind};

/// The steps that led to `result` for `org` (from [`evaluate::evaluate`] or a list row).
pub fn explain(scheme: &Scheme, org: &Org, result: &OrgResult) -> Result<Vec<Step>, Error> {
    let mut steps = Vec::new();
    let category_id = scheme
        .categories
        .get(result.category)
        .map_or("", |c| c.id.as_str());
    for (index, source) in scheme.sources.iter().enumerate() {
        let input = org.input(&source.id);
        match (input, &source.input) {
            (Some(SourceInput::Indicators(entries)), SourceKind::Indicators) => {
                let mut items = Vec::new();
                for (i, indicator) in scheme.indicators_for(category_id).iter().enumerate() {
                    let entry = crate::map::get(entries, &indicator.id)
                        .copied()
                        .unwrap_or_default();
                    let points = evaluate::indicator_points(indicator, entry, &source.name.zh)?;
                    items.push(ItemLine {
                        indicator: i,
                        entry,
                        points,
                    });
                }
                let total =
                    evaluate::indicator_total(scheme, category_id, entries, &source.name.zh)?;
                steps.push(Step::Indicators {
                    source: index,
                    category: result.category,
                    items,
                    bonus_cap: scheme.bonus_cap,
                    total,
                });
            }
            (Some(SourceInput::Votes(votes)), SourceKind::Vote(scale)) => {
                let t = evaluate::tally(scale, votes, &source.name.zh)?;
                let valid = i128::from(t.valid);
                let levels = scale
                    .levels
                    .iter()
                    .zip(&votes.counts)
                    .enumerate()
                    .map(|(level, (l, &count))| LevelLine {
                        level,
                        count,
                        rate: l
                            .valid
                            .then(|| Ratio::new(i128::from(count), valid).unwrap_or_default()),
                    })
                    .collect();
                steps.push(Step::Votes {
                    source: index,
                    levels,
                    valid: t.valid,
                    score: t.score,
                });
            }
            _ => {
                let score = result.scores.get(index).copied().unwrap_or_default();
                steps.push(Step::Direct {
                    source: index,
                    score: score.approx(),
                });
            }
        }
    }
    for flag in &result.flags {
        if let Flag::Participation {
            source,
            cast,
            eligible,
            needed,
        } = *flag
        {
            steps.push(Step::Participation {
                source,
                cast,
                eligible,
                needed,
            });
        }
    }
    steps.push(Step::Composite {
        terms: terms(scheme, &result.scores),
        exact: result.composite,
    });
    steps.push(Step::Rounding {
        exact: result.composite,
        rounded: result.rounded,
    });
    let decision = scheme.decide(result.composite);
    steps.push(Step::Threshold { decision });

    let mut tier = result.score_tier;
    for flag in &result.flags {
        let (cause, limit) = match flag {
            Flag::Veto { veto, limit } => (Cause::Veto { veto: *veto }, *limit),
            Flag::SatisfactionCap { cap, satisfaction } => {
                let Some(c) = scheme.satisfaction_caps.get(*cap) else {
                    continue;
                };
                (
                    Cause::Satisfaction {
                        cap: *cap,
                        satisfaction: *satisfaction,
                    },
                    c.limit,
                )
            }
            _ => continue,
        };
        let to = match limit {
            Limit::ForceTier(t) | Limit::TierAtMost(t) => tier.max(t),
            Limit::StarsAtMost(_) => tier,
        };
        steps.push(Step::Limited {
            cause,
            limit,
            from: tier,
            to,
        });
        tier = to;
    }
    let list_tier = tier;
    for flag in &result.flags {
        if matches!(flag, Flag::MovedByFloor { .. } | Flag::MovedByTopCap { .. }) {
            steps.push(Step::ListRule {
                flag: flag.clone(),
                category: result.category,
                from: list_tier,
            });
        }
    }
    let override_flag = result.flags.iter().find_map(|f| match f {
        Flag::Override {
            tier,
            stars,
            reason,
        } => Some((*tier, *stars, reason.clone())),
        _ => None,
    });
    let computed_tier = override_flag.as_ref().map_or(result.tier, |(t, _, _)| *t);
    let star_limit = evaluate::star_limit(scheme, &result.flags);
    if let Some(stars) = evaluate::stars_for(scheme, computed_tier, result.rounded, None) {
        steps.push(Step::Stars {
            tier: computed_tier,
            score: result.rounded,
            stars,
        });
        if let Some(limit) = star_limit.filter(|&l| l < stars) {
            let cause = result.flags.iter().find_map(|f| match f {
                Flag::Veto {
                    veto,
                    limit: Limit::StarsAtMost(_),
                } => Some(Cause::Veto { veto: *veto }),
                Flag::SatisfactionCap { cap, satisfaction } => Some(Cause::Satisfaction {
                    cap: *cap,
                    satisfaction: *satisfaction,
                }),
                _ => None,
            });
            if let Some(cause) = cause {
                steps.push(Step::Limited {
                    cause,
                    limit: Limit::StarsAtMost(limit),
                    from: computed_tier,
                    to: computed_tier,
                });
            }
        }
    }
    for flag in &result.flags {
        match flag {
            Flag::HeldByStarCap { .. } => steps.push(Step::ListRule {
                flag: flag.clone(),
                category: result.category,
                from: computed_tier,
            }),
            Flag::SubjectToStarCap => steps.push(Step::MayBeCapped),
            _ => {}
        }
    }
    for flag in &result.flags {
        if matches!(flag, Flag::AfterOverride { .. }) {
            steps.push(Step::ListRule {
                flag: flag.clone(),
                category: result.category,
                from: computed_tier,
            });
        }
    }
    if let Some((from_tier, from_stars, reason)) = override_flag {
        steps.push(Step::Override {
            from_tier,
            from_stars,
            to_tier: result.tier,
            to_stars: result.stars,
            reason,
        });
    }
    if let Some(stars) = result.stars
        && scheme
            .star_level(stars)
            .is_some_and(|l| !l.confirmer.is_empty())
    {
        steps.push(Step::Confirmer { stars });
    }
    Ok(steps)
}

/// Explains one organization on its own: evaluates it, then explains the result.
pub fn explain_org(scheme: &Scheme, org: &Org) -> Result<(OrgResult, Vec<Step>), Error> {
    let result = evaluate::evaluate(scheme, org)?;
    let steps = explain(scheme, org, &result)?;
    Ok((result, steps))
}

/// The terms of the composite of `scores` under `scheme`.
pub fn terms(scheme: &Scheme, scores: &[Ratio]) -> Vec<Term> {
    scheme
        .sources
        .iter()
        .zip(scores)
        .enumerate()
        .map(|(source, (s, &score))| Term {
            source,
            score,
            weight: s.weight,
            // Within the bounds the evaluation checked, which made the same product.
            product: evaluate::weighted(s.weight, score).unwrap_or_default(),
        })
        .collect()
}
