//! A scheme (方案): how one committee grades (domain.md, "The general model"). Schemes are data:
//! the presets are JSON files embedded in the build (`rules/presets/`), and a user can export,
//! edit and import the same format.
//!
//! The file format is versioned by its `format` field; this build reads [`Scheme::FORMAT`].
//! Decimals are written as strings (`"89.5"`), whole numbers may be bare. Tiers are referred to by
//! their index in `tiers`, 0 being the best.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::map::{self, Pairs};
use crate::rounding::Rounding;
use crate::text::{Lang, Text};
use crate::tier::{self, Tier, TierDecision};

/// The most sources (评价主体) a scheme may have: real ones have two to six.
pub const MAX_SOURCES: usize = 50;
/// The most categories (分类): real ones have up to a dozen.
pub const MAX_CATEGORIES: usize = 100;
/// The most tiers (等次) or star levels: real ones have four or five, six stars at most.
pub const MAX_TIERS: usize = 12;
/// The most vetoes (否决事项).
pub const MAX_VETOES: usize = 100;
/// The most indicators (指标) in one set.
pub const MAX_INDICATORS: usize = 200;
/// The most levels of one vote (测评档次): real ones have three to five.
pub const MAX_LEVELS: usize = 20;

/// How a committee grades the organizations under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// Version of the file format.
    pub format: u32,
    /// A short stable id (`A`, `B`, …) used in links and saved state.
    pub id: String,
    /// The scheme's name.
    pub name: Text,
    /// Where the rules come from: the document, and where this build reads it differently.
    #[serde(default)]
    pub citation: Text,
    /// The categories (领域) of organizations. At least one.
    pub categories: Vec<Category>,
    /// The indicators (指标) scored by an indicator source, for every category that has no set
    /// of its own in `category_indicators`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Indicator sets for particular categories, by category id.
    #[serde(
        default,
        with = "crate::map::as_object",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub category_indicators: Pairs<Vec<Indicator>>,
    /// The most bonus points (加分) an indicator source counts above its base items.
    #[serde(
        default,
        with = "crate::serde_dec::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonus_cap: Option<Decimal>,
    /// The score sources (评价主体) with their weights.
    pub sources: Vec<Source>,
    /// The rounding of the composite score.
    #[serde(default)]
    pub rounding: Rounding,
    /// Tiers from the best to the lowest.
    pub tiers: Vec<Tier>,
    /// Star ratings (评星晋位), if the scheme gives any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<Stars>,
    /// Rules on how many organizations may or must be in the top and lowest tiers.
    #[serde(default, skip_serializing_if = "Distribution::is_empty")]
    pub distribution: Distribution,
    /// Conditions (一票否决) that, ticked for an organization, force or cap its tier or stars.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vetoes: Vec<Veto>,
    /// Caps on the tier when too few voters chose the top levels of a vote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub satisfaction_caps: Vec<SatisfactionCap>,
}

/// A category (分类/领域) of organizations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable id, used by organizations and `category_indicators`.
    pub id: String,
    /// The category's name.
    pub name: Text,
}

/// How an indicator's points are given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    /// Points are given up to the maximum (加分制): the entry is the points earned.
    #[default]
    Add,
    /// Points are deducted from the maximum down to 0 (扣分制，扣完为止): the entry is the points
    /// deducted, and may exceed the maximum.
    Deduct,
}

/// An indicator (指标) with its point value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id, used by organizations' entries.
    pub id: String,
    /// The indicator's name (党组织带头人, …).
    pub name: Text,
    /// The maximum points (分值).
    #[serde(with = "crate::serde_dec")]
    pub max: Decimal,
    /// The scoring points (评分要点), shown as a hint.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub points: Text,
    /// Add up to the maximum, or deduct from it.
    #[serde(default)]
    pub scoring: Scoring,
    /// A bonus item (加分项): counted on top of the 100 base points, up to the scheme's bonus cap.
    #[serde(default, skip_serializing_if = "is_false")]
    pub bonus: bool,
    /// Added by the committee itself (the "x" of Zunyi's "5+2+x").
    #[serde(default, skip_serializing_if = "is_false")]
    pub custom: bool,
}

/// A score source (评价主体): who scores, with what weight, and in which form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, used by organizations' entries.
    pub id: String,
    /// The source's name (党委评定, 党员群众测评, 自评, …).
    pub name: Text,
    /// The weight in percent; the weights of a scheme sum to 100.
    #[serde(with = "crate::serde_dec")]
    pub weight: Decimal,
    /// How the source's score on 100 points is obtained. A direct score is accepted for any
    /// source (for example a vote score already counted elsewhere).
    pub input: SourceKind,
}

/// How a source's score is obtained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Entered directly, on 100 points.
    Direct,
    /// The sum of the indicator sub-scores of the organization's category.
    Indicators,
    /// A tally of ballots turned into a score by the level points.
    Vote(VoteScale),
}

/// The levels of a vote and their points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteScale {
    /// The levels, best first (好, 较好, 一般, 较差; or 很满意 … 不满意; maybe 不了解).
    pub levels: Vec<VoteLevel>,
    /// How many of the first levels count as satisfied (满意) for satisfaction caps.
    #[serde(default = "one")]
    pub satisfied_levels: usize,
    /// The participation rule, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<Participation>,
}

/// One level of a vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteLevel {
    /// The level's name.
    pub name: Text,
    /// Points for a ballot of this level.
    #[serde(with = "crate::serde_dec")]
    pub points: Decimal,
    /// Whether a ballot of this level is a valid ballot (不了解 is not).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub valid: bool,
}

/// Who must take part in a vote (domain.md reading 10): a shortfall is a warning, not an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    /// The least share of the eligible people, in percent, who must vote.
    #[serde(with = "crate::serde_dec")]
    pub min_share: Decimal,
    /// Where fewer than this many people are eligible, everyone must vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub everyone_below: Option<u64>,
}

/// The star levels of a scheme and the cap on the top one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stars {
    /// Every star level that can be given, from the most stars to none.
    pub levels: Vec<StarLevel>,
    /// The cap on the number of organizations with the most stars, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<StarCap>,
}

/// A star level: how many stars, its name and who confirms it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarLevel {
    /// The number of stars, 0 for none (不定星).
    pub stars: u8,
    /// The level's name (五星级, …, 不定星).
    pub name: Text,
    /// Who confirms it (市委, 县委, 乡镇党委).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub confirmer: Text,
}

/// At most `share`% of a base group may have `stars` stars (domain.md reading 6); the rest get
/// `demote_to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarCap {
    /// The capped star level (5).
    pub stars: u8,
    /// The share, in percent.
    #[serde(with = "crate::serde_dec")]
    pub share: Decimal,
    /// The group the share is taken of.
    pub base: CapBase,
    /// How a fractional count is made whole (floor by default).
    #[serde(default = "floor")]
    pub rounding: QuotaRounding,
    /// Whether the cap counts all organizations together or each category apart.
    #[serde(default, skip_serializing_if = "Scope::is_all")]
    pub scope: Scope,
    /// The stars given to those the cap holds back (4).
    pub demote_to: u8,
}

/// The group a share is taken of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapBase {
    /// The organizations of one tier (the 好 ones), by tier index.
    Tier(usize),
    /// All organizations in the rule's scope.
    All,
}

/// How a quota's fractional count is made a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaRounding {
    /// Up (⌈5% × 21⌉ = 2).
    Ceil,
    /// Down (⌊20% × 9⌋ = 1).
    Floor,
    /// Half away from zero.
    Round,
}

impl QuotaRounding {
    /// `share`% of `count`, made whole.
    pub fn count(self, share: Decimal, count: u64) -> u64 {
        // Exact, in integers (a share with many decimals is not cut): share = m / 10^s, so the
        // count is m × count / (100 × 10^s), made whole. A share past any real one (a scheme that
        // was never validated) gives no count rather than an overflow.
        let Ok(m) = u128::try_from(share.mantissa()) else {
            return 0;
        };
        let den = 10u128
            .checked_pow(share.scale())
            .and_then(|p| p.checked_mul(100));
        let (Some(num), Some(den)) = (m.checked_mul(u128::from(count)), den) else {
            return 0;
        };
        let (q, r) = crate::ratio::div_rem(num, den);
        let whole = match self {
            QuotaRounding::Floor => q,
            QuotaRounding::Ceil => q + u128::from(r > 0),
            // Half away from zero: r / den ≥ 1/2.
            QuotaRounding::Round => q + u128::from(r >= den - r),
        };
        u64::try_from(whole).unwrap_or(0)
    }

    /// The rounding's sign in formulas: ⌈⌉, ⌊⌋ or round().
    pub fn brackets(self) -> (&'static str, &'static str) {
        match self {
            QuotaRounding::Ceil => ("⌈", "⌉"),
            QuotaRounding::Floor => ("⌊", "⌋"),
            QuotaRounding::Round => ("[", "]"),
        }
    }
}

/// Which organizations a distribution rule counts together (domain.md reading 8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// All organizations of the committee (the default).
    #[default]
    All,
    /// Each category separately.
    Category,
}

/// A share of a group, made whole by a rounding; per-category shares may differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    /// The share, in percent.
    #[serde(with = "crate::serde_dec")]
    pub share: Decimal,
    /// How the fractional count is made whole.
    pub rounding: QuotaRounding,
    /// Whether the rule counts all organizations together or each category apart.
    #[serde(default, skip_serializing_if = "Scope::is_all")]
    pub scope: Scope,
    /// Shares for particular categories, by category id (with scope `category`).
    #[serde(
        default,
        with = "crate::map::decimals",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub per_category: Pairs<Decimal>,
}

impl Quota {
    /// The share that applies to the group of an organization of `category` (its own share where
    /// the rule counts each category apart and gives it one).
    pub fn share_in(&self, category: Option<&str>) -> Decimal {
        match self.scope {
            Scope::All => self.share,
            Scope::Category => category
                .and_then(|c| map::get(&self.per_category, c))
                .copied()
                .unwrap_or(self.share),
        }
    }
}

impl Scope {
    fn is_all(&self) -> bool {
        *self == Scope::All
    }
}

/// The distribution rules (domain.md readings 5, 6 and 8).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// At least this share must be in the lowest tier (the seeds' 5%, rounded up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_lowest: Option<Quota>,
    /// At most this share may be in the top tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_top: Option<Quota>,
}

impl Distribution {
    fn is_empty(&self) -> bool {
        self.min_lowest.is_none() && self.max_top.is_none()
    }
}

/// A limit a rule puts on an organization's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The tier is this one, whatever the score (直接定为较差).
    ForceTier(usize),
    /// The tier is at best this one (不得评为一般以上 → at most 一般).
    TierAtMost(usize),
    /// The stars are at most this many.
    StarsAtMost(u8),
}

/// A veto condition (一票否决) a committee ticks for an organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Veto {
    /// Stable id, used by organizations.
    pub id: String,
    /// The condition, as the document words it.
    pub name: Text,
    /// What it does to the result.
    pub limit: Limit,
}

/// If fewer than `below`% of a vote's valid ballots are of its satisfied levels, `limit` applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SatisfactionCap {
    /// The vote source, by id.
    pub source: String,
    /// The threshold, in percent.
    #[serde(with = "crate::serde_dec")]
    pub below: Decimal,
    /// What applies below it.
    pub limit: Limit,
}

fn one() -> usize {
    1
}
fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}
fn floor() -> QuotaRounding {
    QuotaRounding::Floor
}

impl Scheme {
    /// The file format version this build reads and writes.
    pub const FORMAT: u32 = 1;

    /// Reads a scheme from its JSON text and validates it.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        #[derive(Deserialize)]
        struct Peek {
            format: Option<u32>,
        }
        let file_error = |e: serde_json::Error| Error::SchemeFile {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        };
        let peek: Peek = serde_json::from_str(text).map_err(file_error)?;
        match peek.format {
            Some(Self::FORMAT) => {}
            Some(found) => {
                return Err(Error::SchemeFormat {
                    found,
                    supported: Self::FORMAT,
                });
            }
            None => {
                return Err(Error::SchemeFile {
                    line: 1,
                    column: 1,
                    detail: "缺少 format 字段 (missing field `format`)".to_owned(),
                });
            }
        }
        let scheme: Scheme = serde_json::from_str(text).map_err(file_error)?;
        scheme.validate()?;
        Ok(scheme)
    }

    /// The scheme as pretty JSON, in the format [`Scheme::from_json`] reads.
    pub fn to_json(&self) -> String {
        // Serializing these plain structs to a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The tier of a composite score, decided on the rounded score.
    pub fn decide(&self, composite: impl Into<crate::Ratio>) -> TierDecision {
        tier::decide(&self.tiers, &self.rounding, composite.into())
    }

    /// The tier at `index`, if there is one.
    pub fn tier(&self, index: usize) -> Option<&Tier> {
        self.tiers.get(index)
    }

    /// The name of the tier at `index` (empty if there is none).
    pub fn tier_name(&self, index: usize, lang: Lang) -> &str {
        self.tiers.get(index).map_or("", |t| t.name.get(lang))
    }

    /// The index of the lowest tier.
    pub fn lowest_tier(&self) -> usize {
        self.tiers.len().saturating_sub(1)
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The source with this id, with its index.
    pub fn source(&self, id: &str) -> Option<(usize, &Source)> {
        self.sources.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// The indicators scored for organizations of `category`.
    pub fn indicators_for(&self, category: &str) -> &[Indicator] {
        map::get(&self.category_indicators, category).map_or(&self.indicators, Vec::as_slice)
    }

    /// The weights and thresholds in force, written from the numbers (not the document's
    /// words): "权重：党委评定 60%、党员群众测评 20%、自评 20%；分数线：好 ≥ 91、较好 ≥ 80、一般 ≥ 60".
    pub fn in_force(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let sep = if zh { "、" } else { ", " };
        let weights: Vec<String> = (self.sources.iter())
            .map(|s| format!("{} {}%", s.name.get(lang), crate::fmt::num(s.weight)))
            .collect();
        let thresholds: Vec<String> = (self.tiers.iter())
            .filter_map(|t| {
                t.min
                    .map(|m| format!("{} ≥ {}", t.name.get(lang), crate::fmt::num(m)))
            })
            .collect();
        if zh {
            format!(
                "权重：{}；分数线：{}",
                weights.join(sep),
                thresholds.join(sep)
            )
        } else {
            format!(
                "Weights: {}; thresholds: {}",
                weights.join(sep),
                thresholds.join(sep)
            )
        }
    }

    /// This scheme, changed from `from`, citing it as changed: its citation says what it was
    /// adjusted from and the weights and thresholds now in force, then the document's own words
    /// (once: adjusting again does not nest).
    pub fn cite_adjusted_from(&mut self, from: &Scheme) {
        const ORIGINAL: (&str, &str) = ("原依据：", "Original: ");
        let original = |text: &str, mark: &str| {
            text.split_once(mark)
                .map_or(text, |(_, rest)| rest)
                .to_owned()
        };
        let name = |t: &str| {
            t.trim_end_matches("（调整）")
                .trim_end_matches(" (adjusted)")
                .to_owned()
        };
        self.citation = Text {
            zh: format!(
                "据“{}”调整：{}。{}{}",
                name(&from.name.zh),
                self.in_force(Lang::Zh),
                ORIGINAL.0,
                original(&from.citation.zh, ORIGINAL.0)
            ),
            en: format!(
                "Adjusted from \"{}\": {}. {}{}",
                name(from.name.get(Lang::En)),
                self.in_force(Lang::En),
                ORIGINAL.1,
                original(from.citation.get(Lang::En), ORIGINAL.1)
            ),
        };
    }

    /// The highest score a source can give: 100 plus the bonus cap, if any.
    pub fn max_score(&self) -> Decimal {
        crate::number::add(
            Decimal::ONE_HUNDRED,
            self.bonus_cap.unwrap_or(Decimal::ZERO),
        )
        .unwrap_or(Decimal::MAX)
    }

    /// The star level with this many stars.
    pub fn star_level(&self, stars: u8) -> Option<&StarLevel> {
        self.stars
            .as_ref()
            .and_then(|s| s.levels.iter().find(|l| l.stars == stars))
    }

    /// The name of a star level, or `"N星"` if the scheme does not name it.
    pub fn star_name(&self, stars: u8, lang: Lang) -> String {
        match self.star_level(stars) {
            Some(level) => level.name.get(lang).to_owned(),
            None => match lang {
                Lang::Zh => format!("{stars}星"),
                Lang::En => format!("{stars} stars"),
            },
        }
    }

    /// Whether each part of the scheme is within what any real scheme has (a handful of sources,
    /// a few levels, tiers and categories, tens of indicators): checked first, in time linear in
    /// the scheme, so that a scheme of 200,000 sources is refused at once rather than compared
    /// pair by pair.
    fn within_bounds(&self) -> Result<(), Error> {
        let too_many = |what: &str, count: usize, max: usize| {
            if count > max {
                Err(Error::TooMany {
                    what: what.to_owned(),
                    max,
                })
            } else {
                Ok(())
            }
        };
        too_many("评价主体", self.sources.len(), MAX_SOURCES)?;
        too_many("分类", self.categories.len(), MAX_CATEGORIES)?;
        too_many("等次", self.tiers.len(), MAX_TIERS)?;
        too_many("否决事项", self.vetoes.len(), MAX_VETOES)?;
        too_many("满意度限制", self.satisfaction_caps.len(), MAX_SOURCES)?;
        too_many("分类指标组", self.category_indicators.len(), MAX_CATEGORIES)?;
        too_many("指标", self.indicators.len(), MAX_INDICATORS)?;
        for (_, set) in &self.category_indicators {
            too_many("指标", set.len(), MAX_INDICATORS)?;
        }
        for source in &self.sources {
            if let SourceKind::Vote(scale) = &source.input {
                too_many("测评档次", scale.levels.len(), MAX_LEVELS)?;
            }
        }
        if let Some(stars) = &self.stars {
            too_many("星级", stars.levels.len(), MAX_TIERS)?;
        }
        for quota in [&self.distribution.min_lowest, &self.distribution.max_top]
            .into_iter()
            .flatten()
        {
            too_many("分类比例", quota.per_category.len(), MAX_CATEGORIES)?;
        }
        Ok(())
    }

    /// Checks the scheme's own consistency: every part within bounds, every reference resolves,
    /// weights sum to 100, thresholds descend, indicator points add up.
    pub fn validate(&self) -> Result<(), Error> {
        self.within_bounds()?;
        self.rounding.validate()?;
        tier::validate(&self.tiers)?;
        unique("分类", self.categories.iter().map(|c| c.id.as_str()))?;
        unique("评价主体", self.sources.iter().map(|s| s.id.as_str()))?;
        unique("否决事项", self.vetoes.iter().map(|v| v.id.as_str()))?;
        if self.categories.is_empty() {
            return Err(Error::NoCategories);
        }
        if self.sources.is_empty() {
            return Err(Error::NoSources);
        }
        let mut sum = Decimal::ZERO;
        for source in &self.sources {
            check_share(&source.weight, &format!("{} · 权重", source.name.zh))?;
            sum += source.weight;
            if let SourceKind::Vote(scale) = &source.input {
                validate_scale(scale, &source.name.zh)?;
            }
        }
        if sum != Decimal::ONE_HUNDRED {
            return Err(Error::WeightsSum { sum });
        }
        if let Some(cap) = self.bonus_cap
            && (cap < Decimal::ZERO || cap > Decimal::ONE_HUNDRED)
        {
            return Err(out_of_range(
                "加分上限",
                cap,
                Decimal::ZERO,
                Decimal::ONE_HUNDRED,
            ));
        }
        if self
            .sources
            .iter()
            .any(|s| s.input == SourceKind::Indicators)
        {
            for category in &self.categories {
                self.validate_indicators(category)?;
            }
        }
        for (id, _) in &self.category_indicators {
            if self.category(id).is_none() {
                return Err(Error::UnknownCategory { id: id.clone() });
            }
        }
        self.validate_stars()?;
        self.validate_distribution()?;
        for veto in &self.vetoes {
            self.validate_limit(&veto.limit, &veto.name.zh)?;
        }
        for cap in &self.satisfaction_caps {
            match self.source(&cap.source) {
                Some((
                    _,
                    Source {
                        input: SourceKind::Vote(_),
                        ..
                    },
                )) => {}
                _ => {
                    return Err(Error::UnknownSource {
                        id: cap.source.clone(),
                    });
                }
            }
            check_share(&cap.below, "满意度下限")?;
            self.validate_limit(&cap.limit, "满意度")?;
        }
        Ok(())
    }

    fn validate_indicators(&self, category: &Category) -> Result<(), Error> {
        let set = self.indicators_for(&category.id);
        unique("指标", set.iter().map(|i| i.id.as_str()))?;
        let mut sum = Decimal::ZERO;
        for indicator in set {
            if indicator.max <= Decimal::ZERO || indicator.max > Decimal::ONE_HUNDRED {
                let field = format!("{} · 分值", indicator.name.zh);
                return Err(out_of_range(
                    &field,
                    indicator.max,
                    Decimal::ONE,
                    Decimal::ONE_HUNDRED,
                ));
            }
            if !indicator.bonus {
                sum += indicator.max;
            }
        }
        if sum != Decimal::ONE_HUNDRED {
            return Err(Error::IndicatorSum {
                category: category.name.zh.clone(),
                sum,
            });
        }
        Ok(())
    }

    fn validate_stars(&self) -> Result<(), Error> {
        let Some(stars) = &self.stars else {
            return Ok(());
        };
        let known = |n: u8| stars.levels.iter().any(|l| l.stars == n);
        for tier in &self.tiers {
            for n in tier.stars.possible() {
                if !known(n) {
                    return Err(Error::UnknownStars { stars: n });
                }
            }
        }
        if let Some(cap) = &stars.cap {
            check_share(&cap.share, "五星比例")?;
            for n in [cap.stars, cap.demote_to] {
                if !known(n) {
                    return Err(Error::UnknownStars { stars: n });
                }
            }
            if let CapBase::Tier(t) = cap.base {
                self.check_tier(t, "星级名额")?;
            }
        }
        Ok(())
    }

    fn validate_distribution(&self) -> Result<(), Error> {
        for (quota, what) in [
            (&self.distribution.min_lowest, "最低等次比例"),
            (&self.distribution.max_top, "最高等次比例"),
        ] {
            let Some(quota) = quota else { continue };
            check_share(&quota.share, what)?;
            for (category, share) in &quota.per_category {
                if self.category(category).is_none() {
                    return Err(Error::UnknownCategory {
                        id: category.clone(),
                    });
                }
                check_share(share, what)?;
            }
        }
        Ok(())
    }

    fn validate_limit(&self, limit: &Limit, what: &str) -> Result<(), Error> {
        match *limit {
            Limit::ForceTier(t) | Limit::TierAtMost(t) => self.check_tier(t, what),
            Limit::StarsAtMost(n) => match self.stars {
                Some(_) if self.star_level(n).is_some() => Ok(()),
                _ => Err(Error::UnknownStars { stars: n }),
            },
        }
    }

    fn check_tier(&self, index: usize, what: &str) -> Result<(), Error> {
        if index < self.tiers.len() {
            Ok(())
        } else {
            Err(Error::UnknownTier {
                what: what.to_owned(),
                index,
            })
        }
    }
}

fn validate_scale(scale: &VoteScale, source: &str) -> Result<(), Error> {
    if !scale.levels.iter().any(|l| l.valid) {
        return Err(Error::NoVoteLevels {
            source: source.to_owned(),
        });
    }
    for level in &scale.levels {
        if level.points < Decimal::ZERO || level.points > Decimal::ONE_HUNDRED {
            let field = format!("{} · {} · 分值", source, level.name.zh);
            return Err(out_of_range(
                &field,
                level.points,
                Decimal::ZERO,
                Decimal::ONE_HUNDRED,
            ));
        }
    }
    let valid_levels = scale.levels.iter().filter(|l| l.valid).count();
    if scale.satisfied_levels == 0 || scale.satisfied_levels > valid_levels {
        return Err(Error::SatisfiedLevels {
            source: source.to_owned(),
            count: scale.satisfied_levels,
        });
    }
    if let Some(p) = &scale.participation {
        check_share(&p.min_share, &format!("{source} · 参与比例"))?;
    }
    Ok(())
}

fn check_share(value: &Decimal, field: &str) -> Result<(), Error> {
    if *value < Decimal::ZERO || *value > Decimal::ONE_HUNDRED {
        return Err(out_of_range(
            field,
            *value,
            Decimal::ZERO,
            Decimal::ONE_HUNDRED,
        ));
    }
    Ok(())
}

fn out_of_range(field: &str, value: Decimal, min: Decimal, max: Decimal) -> Error {
    Error::OutOfRange {
        field: field.to_owned(),
        value,
        min,
        max,
    }
}

fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), Error> {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            return Err(Error::DuplicateId {
                what: what.to_owned(),
                id: id.to_owned(),
            });
        }
        seen.push(id);
    }
    Ok(())
}
