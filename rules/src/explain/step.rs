//! The steps of an explanation, as data: what each shows, with its numbers.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::evaluate::Flag;
use crate::ratio::Ratio;
use crate::scheme::Limit;
use crate::tier::TierDecision;

/// One step of an explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// A score entered directly.
    Direct {
        /// Source index.
        source: usize,
        /// The score.
        #[serde(with = "crate::serde_dec")]
        score: Decimal,
    },
    /// A score from indicator sub-scores.
    Indicators {
        /// Source index.
        source: usize,
        /// The category index, whose indicator set was scored.
        category: usize,
        /// Each indicator.
        items: Vec<ItemLine>,
        /// The bonus points entered, and the cap on them, if any.
        #[serde(with = "crate::serde_dec::option")]
        bonus_cap: Option<Decimal>,
        /// The source's total.
        #[serde(with = "crate::serde_dec")]
        total: Decimal,
    },
    /// A score from a ballot tally.
    Votes {
        /// Source index.
        source: usize,
        /// Each level.
        levels: Vec<LevelLine>,
        /// Valid ballots.
        valid: u64,
        /// The score, exact.
        score: Ratio,
    },
    /// A participation shortfall (a warning).
    Participation {
        /// Source index.
        source: usize,
        /// Ballots cast.
        cast: u64,
        /// People eligible.
        eligible: u64,
        /// Ballots needed.
        needed: u64,
    },
    /// The weighted sum.
    Composite {
        /// Each source's term.
        terms: Vec<Term>,
        /// The exact sum.
        exact: Ratio,
    },
    /// The rounding.
    Rounding {
        /// Before.
        exact: Ratio,
        /// After.
        #[serde(with = "crate::serde_dec")]
        rounded: Decimal,
    },
    /// The threshold comparison.
    Threshold {
        /// The decision.
        decision: TierDecision,
    },
    /// A veto or satisfaction cap limited the result.
    Limited {
        /// What limited it.
        cause: Cause,
        /// The limit.
        limit: Limit,
        /// The tier before.
        from: usize,
        /// The tier after.
        to: usize,
    },
    /// A list rule moved the tier or held back the stars.
    ListRule {
        /// The flag that records it.
        flag: Flag,
        /// The organization's category index (per-category shares).
        category: usize,
        /// The tier before the list rules.
        from: usize,
    },
    /// The stars of the tier.
    Stars {
        /// The tier.
        tier: usize,
        /// The rounded composite (it decides a split tier's stars).
        #[serde(with = "crate::serde_dec")]
        score: Decimal,
        /// The stars before any cap.
        stars: u8,
    },
    /// A warning that the star cap may withhold the top stars.
    MayBeCapped,
    /// The committee's override.
    Override {
        /// Computed tier.
        from_tier: usize,
        /// Computed stars.
        from_stars: Option<u8>,
        /// Final tier.
        to_tier: usize,
        /// Final stars.
        to_stars: Option<u8>,
        /// Why.
        reason: String,
    },
    /// Who confirms the stars.
    Confirmer {
        /// The final stars.
        stars: u8,
    },
}

/// What limited a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cause {
    /// A veto, by index.
    Veto {
        /// Index in the scheme.
        veto: usize,
    },
    /// A satisfaction cap, by index.
    Satisfaction {
        /// Index in the scheme.
        cap: usize,
        /// The satisfaction in percent.
        satisfaction: Ratio,
    },
}

/// One indicator of an indicator source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemLine {
    /// The indicator's index in the category's set.
    pub indicator: usize,
    /// What was entered (points, or points deducted).
    #[serde(with = "crate::serde_dec")]
    pub entry: Decimal,
    /// The points it gives.
    #[serde(with = "crate::serde_dec")]
    pub points: Decimal,
}

/// One level of a vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelLine {
    /// The level's index in the scale.
    pub level: usize,
    /// Ballots.
    pub count: u64,
    /// Share of the valid ballots (a fraction, exact), for valid levels.
    pub rate: Option<Ratio>,
}

/// One term of the composite.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Term {
    /// Source index.
    pub source: usize,
    /// The source's score, exact.
    pub score: Ratio,
    /// Its weight in percent.
    #[serde(with = "crate::serde_dec")]
    pub weight: Decimal,
    /// score × weight%, exact.
    pub product: Ratio,
}
